// The server's workspace index over stdio (issue 13): SOR codes shared by units of two files of one
// workspace, whether open in the editor or closed on disk, are errors in both with a related place
// in the other file; a closed file's findings come through workspace diagnostics; an edit, a file
// changed on disk or a document closing updates the other files; navigation reaches the unit in
// the other file. Each test has its own workspace folder with files on disk.
import { unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CodeLens, Diagnostic, Location, PublishDiagnosticsParams, WorkspaceDiagnosticReport } from 'vscode-languageserver-protocol/node';
import {
  CodeLensRequest,
  ConfigurationRequest,
  DefinitionRequest,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticRequest,
  DocumentHighlightRequest,
  FileChangeType,
  ReferencesRequest,
  WorkspaceDiagnosticRequest,
} from 'vscode-languageserver-protocol/node';
import { careUnit, providerFile as providerWith, workspaceFolder } from '../helpers/workspace-files.js';
import { bigProvider } from './big-provider.js';
import type { StartOptions } from './server-client.js';
import { ensureServerBuilt, PULL_CAPABILITIES, PUSH_CAPABILITIES, TestClient } from './server-client.js';

/** A provider's file with one care unit. */
function providerFile(cvr: string, unit: string, code: string, providerCode: string): string {
  return providerWith(cvr, careUnit(unit, code), providerCode);
}

// Two providers; Plejecenter Birkely in b.sor.yaml was given Østervang's code by mistake.
const SHARED = '21000016006';
const A = providerFile('29403473', 'Plejecenter Østervang', SHARED, '698481000016007');
const B = providerFile('12345674', 'Plejecenter Birkely', SHARED, '31000016008');
/** Where the unit's code is written in either file (line 7, columns 12-25). */
const CODE_RANGE = { start: { line: 6, character: 11 }, end: { line: 6, character: 24 } };
const SETTINGS = { workspace: { maxFiles: 100, maxMegabytes: 10 } };

let client: TestClient | undefined;

beforeAll(ensureServerBuilt);
afterEach(async () => {
  await client?.stop();
  client = undefined;
});

function workspaceWith(files: Record<string, string>): { folder: string; uri(path: string): string } {
  const folder = workspaceFolder(files);
  return { folder, uri: (path) => pathToFileURL(join(folder, path)).href };
}

/** Starts the server on the folder and waits until it has read the folder's SOR files. */
async function start(folder: string, options: Partial<StartOptions> = {}): Promise<TestClient> {
  client = await TestClient.start({ capabilities: PUSH_CAPABILITIES, workspaceFolder: folder, settings: SETTINGS, ...options });
  const started = client;
  await started.waitFor('the workspace read', () => started.log.find((line) => line.includes('SOR files of the workspace read')));
  return started;
}

/** The last diagnostics published for the document once `ready` holds for them. */
function publishedWhen(uri: string, what: string, ready: (diagnostics: Diagnostic[]) => boolean): Promise<PublishDiagnosticsParams> {
  const current = client!;
  return current.waitFor(what, () => {
    const last = current.published.filter((p) => p.uri === uri).at(-1);
    return last && ready(last.diagnostics) ? last : undefined;
  });
}

const sorCode = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'sor-code');
const hasSorCode = (diagnostics: Diagnostic[]) => sorCode(diagnostics).length > 0;

/** The files the document's first SOR code finding names, once it has one. */
async function sharedWith(uri: string, what: string): Promise<string[] | undefined> {
  const [finding] = sorCode((await publishedWhen(uri, what, hasSorCode)).diagnostics);
  return finding.relatedInformation?.map((related) => related.location.uri);
}

describe('a SOR code shared by units of two open files', () => {
  it('is an error in both, each with a related location in the other file', async () => {
    const { folder, uri } = workspaceWith({});
    const editor = await start(folder);
    await editor.open(uri('a.sor.yaml'), A);
    await editor.open(uri('b.sor.yaml'), B);
    const a = sorCode((await publishedWhen(uri('a.sor.yaml'), 'the duplicate in a', hasSorCode)).diagnostics);
    const b = sorCode((await publishedWhen(uri('b.sor.yaml'), 'the duplicate in b', hasSorCode)).diagnostics);
    expect(a.map((d) => [d.severity, d.range, d.message])).toEqual([
      [1, CODE_RANGE, 'The SOR code "21000016006" of "Plejecenter Østervang" is also used by "Plejecenter Birkely" in b.sor.yaml. Correct the code of the unit that has the wrong one (the SOR browser shows which unit it belongs to).'],
    ]);
    expect(a[0].relatedInformation).toEqual([{ location: { uri: uri('b.sor.yaml'), range: CODE_RANGE }, message: 'The same SOR code on "Plejecenter Birkely" in b.sor.yaml' }]);
    expect(b[0].relatedInformation).toEqual([{ location: { uri: uri('a.sor.yaml'), range: CODE_RANGE }, message: 'The same SOR code on "Plejecenter Østervang" in a.sor.yaml' }]);
  });

  it("is cleared in the other file when an edit removes it, without that file's being edited", async () => {
    const { folder, uri } = workspaceWith({});
    const editor = await start(folder);
    await editor.open(uri('a.sor.yaml'), A);
    await editor.open(uri('b.sor.yaml'), B);
    await publishedWhen(uri('b.sor.yaml'), 'the duplicate in b', hasSorCode);
    const at = A.indexOf(SHARED);
    const version = await editor.replace(uri('a.sor.yaml'), at, at + SHARED.length, '11000016002');
    await editor.diagnosticsFor(uri('a.sor.yaml'), version);
    const b = await publishedWhen(uri('b.sor.yaml'), 'b without the duplicate', (diagnostics) => !hasSorCode(diagnostics));
    expect(b.diagnostics).toEqual([]);
    expect(b.version).toBe(1);
    // The status bar counts what is shown.
    expect(editor.statuses.filter((status) => status.uri === uri('b.sor.yaml')).at(-1)?.message).toMatch(/^0 findings in \d+ ms$/);
  });
});

describe('a SOR code an open file shares with a closed file on disk', () => {
  it("is an error in the open file, pointing at the closed file's unit", async () => {
    const { folder, uri } = workspaceWith({ 'providers/b.sor.yaml': B });
    const editor = await start(folder);
    await editor.open(uri('a.sor.yaml'), A);
    const [finding] = sorCode((await publishedWhen(uri('a.sor.yaml'), 'the duplicate in a', hasSorCode)).diagnostics);
    expect(finding.message).toContain('"Plejecenter Birkely" in providers/b.sor.yaml.');
    expect(finding.relatedInformation?.map((r) => r.location)).toEqual([{ uri: uri('providers/b.sor.yaml'), range: CODE_RANGE }]);
  });

  it("blocks the unit in plejeoverblikket's verdict lens, as the same error within the file does", async () => {
    const { folder, uri } = workspaceWith({ 'b.sor.yaml': B });
    const editor = await start(folder);
    await editor.open(uri('a.sor.yaml'), A);
    await publishedWhen(uri('a.sor.yaml'), 'the duplicate in a', hasSorCode);
    const lenses = (await editor.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: uri('a.sor.yaml') } })) as CodeLens[];
    expect(lenses.map((lens) => [lens.range.start.line, lens.command?.title])).toEqual([[5, '✗ Not shown: 1 error']]);
  });

  it('is not looked for in node_modules, .git, or a file the configuration ignores', async () => {
    const { folder, uri } = workspaceWith({
      '.sor-lint.json': '{ "root": true, "ignorePatterns": ["old/**"] }',
      'old/b.sor.yaml': B,
      'node_modules/x/b.sor.yaml': B,
      '.git/b.sor.yaml': B,
      'c.sor.yaml': providerFile('12345674', 'Plejecenter Birkely', '11000016002', '31000016008'),
    });
    const editor = await start(folder);
    await editor.open(uri('a.sor.yaml'), A);
    expect(sorCode((await editor.diagnosticsFor(uri('a.sor.yaml'))).diagnostics)).toEqual([]);
    // c.sor.yaml and old/b.sor.yaml were found; the configuration then ignored old/b.sor.yaml.
    expect(editor.log).toContain('sor-lint: 2 SOR files of the workspace read for the checks across files.');
    // Nor when a file watcher reports one there: only c.sor.yaml, changed to share the code, counts.
    writeFileSync(join(folder, 'c.sor.yaml'), B);
    const changes = ['node_modules/x/b.sor.yaml', '.git/b.sor.yaml', 'old/b.sor.yaml', 'c.sor.yaml'].map((path) => ({ uri: uri(path), type: FileChangeType.Changed }));
    await editor.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
    expect(await sharedWith(uri('a.sor.yaml'), 'the duplicate in c')).toEqual([uri('c.sor.yaml')]);
  });

  it('follows the file on disk: a watched change that brings the duplicate, then one that deletes the file', async () => {
    const unique = providerFile('12345674', 'Plejecenter Birkely', '11000016002', '31000016008');
    const { folder, uri } = workspaceWith({ 'b.sor.yaml': unique });
    const editor = await start(folder);
    await editor.open(uri('a.sor.yaml'), A);
    expect(sorCode((await editor.diagnosticsFor(uri('a.sor.yaml'))).diagnostics)).toEqual([]);
    writeFileSync(join(folder, 'b.sor.yaml'), B);
    await editor.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri('b.sor.yaml'), type: FileChangeType.Changed }] });
    const found = await publishedWhen(uri('a.sor.yaml'), 'the duplicate after the change on disk', hasSorCode);
    expect(found.version).toBe(1);
    unlinkSync(join(folder, 'b.sor.yaml'));
    await editor.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri('b.sor.yaml'), type: FileChangeType.Deleted }] });
    await publishedWhen(uri('a.sor.yaml'), 'no duplicate once the file is deleted', (diagnostics) => !hasSorCode(diagnostics));
  });

  it("takes the disk's text again when the other file's document closes", async () => {
    const unique = providerFile('12345674', 'Plejecenter Birkely', '11000016002', '31000016008');
    const { folder, uri } = workspaceWith({ 'b.sor.yaml': unique });
    const editor = await start(folder);
    await editor.open(uri('a.sor.yaml'), A);
    // The editor's unsaved text of b gives Birkely the shared code; the disk's does not.
    await editor.open(uri('b.sor.yaml'), B);
    await publishedWhen(uri('a.sor.yaml'), 'the duplicate with the unsaved b', hasSorCode);
    await editor.closeDocument(uri('b.sor.yaml'));
    await publishedWhen(uri('a.sor.yaml'), 'no duplicate once b is closed unsaved', (diagnostics) => !hasSorCode(diagnostics));
  });
});

describe('one provider (CVR) split over files', () => {
  it("gets no no-careunit in the file without its care unit when a closed file gives it one", async () => {
    const homes = `provider:\n  name: Omsorgshuset ApS\n  cvr: "29403473"\n  sorId: "698481000016007"\ninstitutions:\n  - name: Plejehjemmet Solgården\n    sorId: "11000016002"\n    unitType: plejehjem\n    careUnit: false\n`;
    const alone = workspaceWith({});
    let editor = await start(alone.folder);
    await editor.open(alone.uri('homes.sor.yaml'), homes);
    expect((await editor.diagnosticsFor(alone.uri('homes.sor.yaml'))).diagnostics.map((d) => d.code)).toContain('no-careunit');
    await editor.stop();
    const split = workspaceWith({ 'care.sor.yaml': A });
    editor = await start(split.folder);
    await editor.open(split.uri('homes.sor.yaml'), homes);
    expect((await editor.diagnosticsFor(split.uri('homes.sor.yaml'))).diagnostics.map((d) => d.code)).not.toContain('no-careunit');
  });
});

describe('workspace diagnostics', () => {
  it("give a closed file its findings across files, and clear them when the open file's edit removes the duplicate", async () => {
    const { folder, uri } = workspaceWith({ 'b.sor.yaml': B });
    const editor = await start(folder, { capabilities: PULL_CAPABILITIES });
    expect(editor.initializeResult.capabilities.diagnosticProvider).toMatchObject({ workspaceDiagnostics: true, interFileDependencies: true });
    await editor.open(uri('a.sor.yaml'), A);
    const pulled = await editor.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: uri('a.sor.yaml') } });
    expect(pulled.kind === 'full' && sorCode(pulled.items).length).toBe(1);
    const first = (await editor.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] })) as WorkspaceDiagnosticReport;
    expect(first.items.map((item) => [item.uri, item.kind, item.version])).toEqual([[uri('b.sor.yaml'), 'full', null]]);
    const report = first.items[0];
    if (report.kind !== 'full') throw new Error('expected a full report');
    expect(report.items.map((d) => [d.code, d.range, d.relatedInformation?.[0].location])).toEqual([['sor-code', CODE_RANGE, { uri: uri('a.sor.yaml'), range: CODE_RANGE }]]);
    expect(report.items[0].message).toContain('is also used by "Plejecenter Østervang" in a.sor.yaml.');
    // Nothing changed: the client's result id holds.
    const previousResultIds = [{ uri: report.uri, value: report.resultId! }];
    const again = (await editor.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds })) as WorkspaceDiagnosticReport;
    expect(again.items.map((item) => [item.uri, item.kind])).toEqual([[uri('b.sor.yaml'), 'unchanged']]);
    const at = A.indexOf(SHARED);
    const refreshes = editor.refreshRequests;
    await editor.replace(uri('a.sor.yaml'), at, at + SHARED.length, '11000016002');
    await editor.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: uri('a.sor.yaml') } });
    // The closed file's findings changed: the client is asked to pull again.
    await editor.waitFor('a diagnostics refresh', () => (editor.refreshRequests > refreshes ? true : undefined));
    const cleared = (await editor.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds })) as WorkspaceDiagnosticReport;
    expect(cleared.items.map((item) => [item.uri, item.kind, item.kind === 'full' ? item.items : undefined])).toEqual([[uri('b.sor.yaml'), 'full', []]]);
  });
});

describe('navigation into another file', () => {
  it("goes from a shared SOR code to the other file's unit (definition, references; highlighted here), but not to a split provider's own code", async () => {
    // split.sor.yaml is more of a's provider: it writes the provider's own code too, which is no conflict.
    const split = `provider:\n  name: Omsorgshuset ApS\n  cvr: "29403473"\n  sorId: "698481000016007"\ninstitutions: []\n`;
    const { folder, uri } = workspaceWith({ 'providers/b.sor.yaml': B, 'split.sor.yaml': split });
    const editor = await start(folder);
    const a = uri('a.sor.yaml');
    await editor.open(a, A);
    await publishedWhen(a, 'the duplicate in a', hasSorCode);
    const position = editor.document(a).positionAt(A.indexOf(SHARED) + 2);
    const definition = (await editor.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: a }, position })) as Location[];
    expect(definition).toEqual([{ uri: uri('providers/b.sor.yaml'), range: CODE_RANGE }]);
    const references = (await editor.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: a }, position, context: { includeDeclaration: true } })) as Location[];
    expect(references).toEqual([
      { uri: a, range: CODE_RANGE },
      { uri: uri('providers/b.sor.yaml'), range: CODE_RANGE },
    ]);
    // Highlighted in its file although no other unit there has it.
    const highlights = await editor.connection.sendRequest(DocumentHighlightRequest.type, { textDocument: { uri: a }, position });
    expect(highlights?.map((highlight) => highlight.range)).toEqual([CODE_RANGE]);
    const providerCode = editor.document(a).positionAt(A.indexOf('698481000016007') + 2);
    expect(await editor.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: a }, position: providerCode })).toEqual([]);
  });
});

describe('a lint worker that starts again', () => {
  it('reads the workspace again and keeps the open files in the index', async () => {
    // c.sor.yaml is open with unsaved text that shares the code; on disk it does not.
    const { folder, uri } = workspaceWith({ 'b.sor.yaml': B, 'c.sor.yaml': providerFile('12345674', 'Plejecenter Ahorn', '11000016002', '31000016008') });
    const editor = await start(folder);
    await editor.open(uri('a.sor.yaml'), A);
    await editor.open(uri('c.sor.yaml'), providerFile('12345674', 'Plejecenter Ahorn', SHARED, '31000016008'));
    await publishedWhen(uri('a.sor.yaml'), 'the duplicates in a', (diagnostics) => sorCode(diagnostics)[0]?.relatedInformation?.length === 2);
    // A big file closed while its lint runs: the lint is stopped with its worker. The close goes
    // out right after the settings the lint waits for, so that lint has begun.
    const big = uri('big.sor.yaml');
    editor.connection.onRequest(ConfigurationRequest.type, (params) => {
      if (params.items.some((item) => item.scopeUri === big)) setImmediate(() => void editor.closeDocument(big));
      return params.items.map(() => SETTINGS);
    });
    await editor.open(big, `provider:\n  name: Stor ApS\ninstitutions:\n${'  - name: Plejecenter\n    unitType: plejehjem\n'.repeat(20_000)}`);
    await editor.waitFor('the workspace read again', () => (editor.log.filter((line) => line.includes('SOR files of the workspace read')).length === 2 ? true : undefined), 60_000);
    const version = await editor.replace(uri('a.sor.yaml'), 0, 0, '# edited\n');
    const [finding] = sorCode((await editor.diagnosticsFor(uri('a.sor.yaml'), version, 60_000)).diagnostics);
    expect(finding.relatedInformation?.map((r) => r.location.uri).sort()).toEqual([uri('b.sor.yaml'), uri('c.sor.yaml')]);
  }, 120_000);
});

describe('the bounds of the index', () => {
  const national = `provider:\n  name: Stor ApS\ninstitutions:\n${'  - name: Plejecenter\n    unitType: plejehjem\n'.repeat(30_000)}`;
  it.each<{ bound: string; files: Record<string, string>; maxFiles: number; maxMegabytes: number }>([
    { bound: 'reads no more files than sor-lint.workspace.maxFiles', files: { 'b.sor.yaml': B, 'c.sor.yaml': B.replace('Birkely', 'Ahorn') }, maxFiles: 1, maxMegabytes: 10 },
    { bound: 'passes over a file larger than sor-lint.workspace.maxMegabytes leaves room for, not the ones after it', files: { 'a-national.sor.yaml': national, 'b.sor.yaml': B }, maxFiles: 100, maxMegabytes: 1 },
  ])('$bound, and says so in the log', async ({ files, maxFiles, maxMegabytes }) => {
    const { folder, uri } = workspaceWith(files);
    const editor = await start(folder, { settings: { workspace: { maxFiles, maxMegabytes } } });
    expect(editor.log).toContain(
      `sor-lint: The workspace holds more SOR files than sor-lint.workspace.maxFiles (${maxFiles}) or sor-lint.workspace.maxMegabytes (${maxMegabytes} MB) allow; only 1 closed files are checked across files.`,
    );
    await editor.open(uri('a.sor.yaml'), A);
    expect(await sharedWith(uri('a.sor.yaml'), 'the duplicate in a')).toEqual([uri('b.sor.yaml')]);
  });
});

describe('reading the workspace at start', () => {
  it('lints a document opened while it reads after a little of the reading, not after a whole batch of big files', async () => {
    const files = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`big${i}.sor.yaml`, bigProvider(10_000)]));
    const { folder, uri } = workspaceWith(files);
    const editor = (client = await TestClient.start({ capabilities: PUSH_CAPABILITIES, workspaceFolder: folder, settings: SETTINGS, trace: true }));
    await editor.waitFor('the index reading', () => editor.traces.find((line) => line.startsWith('sor-lint: reading')));
    const document = uri('a.sor.yaml');
    await editor.open(document, A);
    await editor.diagnosticsFor(document, 1);
    const linting = editor.traces.findIndex((line) => line.startsWith(`sor-lint: linting ${document} v1`));
    const readBefore = editor.traces
      .slice(0, linting)
      .map((line) => /^sor-lint: read (\d+) files of the workspace/.exec(line))
      .reduce((sum, match) => sum + (match ? Number(match[1]) : 0), 0);
    // The lint waited for the files being read when it came, not for all eight.
    expect(readBefore).toBeLessThan(4);
  });
});
