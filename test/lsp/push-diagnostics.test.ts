// Push diagnostics over stdio: what an editor without pull support sees, code actions applied to
// the text, a burst of edits, and configuration from settings and from .sor-lint.json.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import {
  CodeActionRequest,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  ExecuteCommandRequest,
  FileChangeType,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocUrl } from '../../server/src/core/docs.js';
import { applyEdits } from '../../server/src/core/edits.js';
import { lint } from '../../server/src/core/lint.js';
import { applyWorkspaceEdit, ensureServerBuilt, FIXTURES, fixtureUri, PUSH_CAPABILITIES, TestClient } from './server-client.js';

const FIXTURE = readFileSync(join(FIXTURES, 'omsorgshuset.sor.yaml'), 'utf8');
/** The fixture after contact-format's two safe fixes, as the core writes them. */
const WEBSITES_FIXED = (() => {
  const result = lint(FIXTURE, { fileName: 'x.sor.yaml', today: '2026-11-26' });
  const fixes = result.findings.filter((f) => f.ruleId === 'contact-format').map((f) => f.fixes.find((fix) => fix.safe)!);
  return applyEdits(FIXTURE, fixes.flatMap((fix) => fix.edits(FIXTURE)));
})();

let client: TestClient;
let counter = 0;

beforeAll(async () => {
  ensureServerBuilt();
  client = await TestClient.start({ capabilities: PUSH_CAPABILITIES });
});

afterAll(() => client?.stop());

/** Opens the fixture under a fresh name (so tests do not share state) and waits for its diagnostics. */
async function openFixture(folder = '', text = FIXTURE): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
  const uri = fixtureUri(join(folder, `doc${++counter}.sor.yaml`));
  await client.open(uri, text);
  return { uri, diagnostics: (await client.diagnosticsFor(uri, 1)).diagnostics };
}

/** Where a diagnostic is, as a user reads it: 1-based line and column, and the text under it. */
function seen(uri: string, diagnostic: Diagnostic) {
  const document = client.document(uri);
  return { code: diagnostic.code, line: diagnostic.range.start.line + 1, column: diagnostic.range.start.character + 1, text: document.getText(diagnostic.range) };
}

function only(diagnostics: Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}

function codeActionsAt(uri: string, diagnostic: Diagnostic, kinds?: string[]): Promise<CodeAction[]> {
  return client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], only: kinds },
  }) as Promise<CodeAction[]>;
}

function lineOf(text: string, line: number): string {
  return text.split('\n')[line - 1];
}

/** Sends the whole new text as one incremental change and returns its diagnostics. */
async function replaceAll(uri: string, text: string): Promise<Diagnostic[]> {
  const version = await client.replace(uri, 0, client.text(uri).length, text);
  return (await client.diagnosticsFor(uri, version)).diagnostics;
}

describe('push diagnostics', () => {
  it('reports a finding with its rule, range, severity, documentation link and fixes, and no strike-through', async () => {
    const { uri, diagnostics } = await openFixture();
    const [retype] = only(diagnostics, 'plejehjem-retype');
    expect(seen(uri, retype)).toEqual({ code: 'plejehjem-retype', line: 8, column: 15, text: 'plejehjem' });
    expect(retype.severity).toBe(DiagnosticSeverity.Warning);
    expect(retype.source).toBe('sor-lint');
    expect(retype.codeDescription?.href).toBe(ruleDocUrl('plejehjem-retype'));
    expect(retype.tags).toBeUndefined();
    expect(retype.message).toMatch(/plejehjem/);
    expect(retype.data).toEqual({ version: 1 });
    // Its fixes come as quick fixes, from the lint the server holds: both are suggestions.
    const actions = await codeActionsAt(uri, retype, ['quickfix']);
    expect(actions.slice(0, 2).map((action) => [action.title, action.isPreferred])).toEqual([
      ['Change unit type to plejeenhed', false],
      ['Mark as not a care unit', false],
    ]);
  });

  it('publishes exactly the core findings, in the editor positions of the same text', async () => {
    const { uri, diagnostics } = await openFixture();
    const core = lint(FIXTURE, { fileName: 'x.sor.yaml', today: '2026-11-26' });
    // The Problems panel shows the message, then the action.
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual(core.findings.map((f) => [f.ruleId, `${f.message} ${f.action}`]));
    const document = client.document(uri);
    expect(diagnostics.map((d) => document.offsetAt(d.range.start))).toEqual(core.findings.map((f) => f.span.start));
  });

  it('links both ends of a nesting conflict to each other', async () => {
    const { uri, diagnostics } = await openFixture();
    const nesting = only(diagnostics, 'plejeenhed-nesting');
    expect(nesting.map((d) => seen(uri, d))).toEqual([
      { code: 'plejeenhed-nesting', line: 20, column: 15, text: 'plejeenhed' },
      { code: 'plejeenhed-nesting', line: 33, column: 19, text: 'plejeenhed' },
    ]);
    const [outer, inner] = nesting;
    expect(outer.relatedInformation?.map((r) => [r.location.uri, r.location.range])).toEqual([[uri, inner.range]]);
    expect(inner.relatedInformation?.map((r) => [r.location.uri, r.location.range])).toEqual([[uri, outer.range]]);
    // Retyping one end settles the conflict, so there is no "fix all" that would retype both.
    const titles = (await codeActionsAt(uri, outer)).map((a) => a.title);
    expect(titles).toContain('Change unit type to afsnit');
    expect(titles.filter((t) => t.startsWith('Fix all plejeenhed-nesting'))).toEqual([]);
  });

  it('applies the retype quick-fix: plejehjem becomes plejeenhed and the finding is gone', async () => {
    const { uri, diagnostics } = await openFixture();
    const [retype] = only(diagnostics, 'plejehjem-retype');
    const actions = await codeActionsAt(uri, retype);
    const fix = actions.find((a) => a.title === 'Change unit type to plejeenhed')!;
    expect(fix.kind).toBe('quickfix');
    expect(fix.isPreferred).toBe(false);
    const fixed = applyWorkspaceEdit(client.document(uri), fix.edit!);
    expect(lineOf(fixed, 8)).toBe('    unitType: plejeenhed');
    expect(fixed).toBe(FIXTURE.replace('unitType: plejehjem', 'unitType: plejeenhed'));
    const after = await replaceAll(uri, fixed);
    expect(only(after, 'plejehjem-retype')).toEqual([]);
    expect(only(after, 'parse')).toEqual([]);
  });

  it('offers a safe fix as preferred, and fixes all problems of one rule at once', async () => {
    const { uri, diagnostics } = await openFixture();
    const websites = only(diagnostics, 'contact-format');
    expect(websites.map((d) => seen(uri, d).text)).toEqual(['oestervang.dk', 'birkely.dk']);
    const actions = await codeActionsAt(uri, websites[0]);
    const single = actions.find((a) => a.title === 'Change to "https://oestervang.dk"')!;
    expect(single.isPreferred).toBe(true);
    const all = actions.find((a) => a.title === 'Fix all contact-format problems in this file')!;
    const fixed = applyWorkspaceEdit(client.document(uri), all.edit!);
    expect(fixed).toBe(WEBSITES_FIXED);
    expect(lineOf(fixed, 18)).toMatch(/^ {4}website: (["']?)https:\/\/oestervang\.dk\1$/);
    expect(lineOf(fixed, 30)).toMatch(/^ {4}website: (["']?)https:\/\/birkely\.dk\1$/);
    expect(only(await replaceAll(uri, fixed), 'contact-format')).toEqual([]);
  });

  it('disables a rule for one line with a comment at that line\'s indentation', async () => {
    const { uri, diagnostics } = await openFixture();
    const [retype] = only(diagnostics, 'plejehjem-retype');
    const actions = await codeActionsAt(uri, retype);
    const disable = actions.find((a) => a.title === 'Disable plejehjem-retype for this line')!;
    const fixed = applyWorkspaceEdit(client.document(uri), disable.edit!);
    expect(lineOf(fixed, 8)).toBe('    # sor-lint-disable-next-line plejehjem-retype -- write the reason here');
    expect(lineOf(fixed, 9)).toBe('    unitType: plejehjem');
    const after = await replaceAll(uri, fixed);
    expect(only(after, 'plejehjem-retype')).toEqual([]);
    expect(after.length).toBe(diagnostics.length - 1);
  });

  it('shows a rule\'s documentation through the client, externally', async () => {
    const { uri, diagnostics } = await openFixture();
    const [retype] = only(diagnostics, 'plejehjem-retype');
    const show = (await codeActionsAt(uri, retype)).find((a) => a.title === 'Show documentation for plejehjem-retype')!;
    await client.connection.sendRequest(ExecuteCommandRequest.type, show.command!);
    expect(client.shownDocuments.at(-1)).toEqual({ uri: ruleDocUrl('plejehjem-retype'), external: true });
  });

  it('applies every safe fix on source.fixAll and through the sor-lint.fixAll command, and nothing else', async () => {
    const { uri, diagnostics } = await openFixture();
    const actions = await codeActionsAt(uri, diagnostics[0], ['source.fixAll']);
    expect(actions.map((a) => [a.title, a.kind])).toEqual([['Fix all safe sor-lint problems', 'source.fixAll.sor-lint']]);
    const fixed = applyWorkspaceEdit(client.document(uri), actions[0].edit!);
    expect(fixed).toBe(WEBSITES_FIXED);
    const applied = client.appliedEdits.length;
    await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'sor-lint.fixAll', arguments: [uri] });
    expect(client.appliedEdits.length).toBe(applied + 1);
    expect(applyWorkspaceEdit(client.document(uri), client.appliedEdits.at(-1)!)).toBe(fixed);
    const after = await replaceAll(uri, fixed);
    const preferred = await Promise.all(after.map(async (d) => (await codeActionsAt(uri, d, ['quickfix'])).filter((action) => action.isPreferred)));
    expect(preferred.flat()).toEqual([]);
    expect(only(after, 'plejehjem-retype')).toHaveLength(1);
  });

  it('refuses the fixes of a diagnostic from an older version of the document', async () => {
    const { uri, diagnostics } = await openFixture();
    const [retype] = only(diagnostics, 'plejehjem-retype');
    await client.replace(uri, 0, 0, '# edited\n');
    const actions = await codeActionsAt(uri, retype, ['quickfix']);
    expect(actions).toEqual([]);
  });

  it('after a burst of 50 edits publishes for the last version only, matching the final text', async () => {
    const { uri } = await openFixture();
    const before = client.published.length;
    const nameEnd = FIXTURE.indexOf('Plejecenter Østervang') + 'Plejecenter Østervang'.length;
    let last = 1;
    for (let i = 0; i < 50; i++) last = await client.replace(uri, nameEnd + i, nameEnd + i, String(i % 10));
    const final = await client.diagnosticsFor(uri, last);
    // Give a stale run every chance to arrive late.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const burst = client.published.slice(before).filter((p) => p.uri === uri);
    expect(burst.at(-1)).toBe(final);
    const versions = burst.map((p) => p.version!);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    const text = client.text(uri);
    expect(text).toContain('Plejecenter Østervang' + '01234567890123456789012345678901234567890123456789');
    const [retype] = only(final.diagnostics, 'plejehjem-retype');
    expect(client.document(uri).getText(retype.range)).toBe('plejehjem');
    const core = lint(text, { fileName: 'x.sor.yaml', today: '2026-11-26' });
    expect(final.diagnostics.map((d) => d.message)).toEqual(core.findings.map((f) => `${f.message} ${f.action}`));
  });

  it('sends a status notification for each lint', async () => {
    const { uri } = await openFixture();
    const status = await client.waitFor('status', () => client.statuses.find((s) => s.uri === uri));
    expect(status.state).toBe('ok');
    expect(status.lintMs).toBeGreaterThanOrEqual(0);
    expect(status.message).toMatch(/findings in \d+ ms/);
  });

  it('re-validates open documents when the settings change', async () => {
    const { uri, diagnostics } = await openFixture();
    expect(only(diagnostics, 'plejehjem-retype')).toHaveLength(1);
    const count = () => client.published.filter((p) => p.uri === uri).length;
    const before = count();
    await client.changeSettings({ rules: { 'plejehjem-retype': 'off', 'contact-format': 'hint' } });
    try {
      await client.waitFor('re-validation', () => (count() > before ? true : undefined));
      const latest = client.published.filter((p) => p.uri === uri).at(-1)!;
      expect(latest.version).toBe(1);
      expect(only(latest.diagnostics, 'plejehjem-retype')).toEqual([]);
      expect(only(latest.diagnostics, 'contact-format').map((d) => d.severity)).toEqual([DiagnosticSeverity.Hint, DiagnosticSeverity.Hint]);
    } finally {
      await client.changeSettings({});
    }
  });

  it('lints only on save with run: onSave', async () => {
    await client.changeSettings({ run: 'onSave' });
    try {
      const { uri } = await openFixture();
      const edited = await client.replace(uri, 0, 0, '# edited\n');
      const saved = await client.replace(uri, 0, 0, '# saved\n');
      await client.save(uri);
      const published = await client.diagnosticsFor(uri, saved);
      expect(client.published.some((p) => p.uri === uri && p.version === edited)).toBe(false);
      expect(client.document(uri).getText(only(published.diagnostics, 'plejehjem-retype')[0].range)).toBe('plejehjem');
    } finally {
      await client.changeSettings({});
    }
  });

  it('clears the diagnostics when the user turns sor-lint off', async () => {
    const { uri } = await openFixture();
    const count = () => client.published.filter((p) => p.uri === uri).length;
    const before = count();
    await client.changeSettings({ enable: false });
    try {
      await client.waitFor('cleared', () => (count() > before ? true : undefined));
      expect(client.published.filter((p) => p.uri === uri).at(-1)!.diagnostics).toEqual([]);
    } finally {
      await client.changeSettings({});
    }
  });

  it('reports a lint over the time budget as slow', async () => {
    await client.changeSettings({ lintTimeBudgetMs: 0.001 });
    try {
      const { uri } = await openFixture();
      const status = await client.waitFor('status', () => client.statuses.find((s) => s.uri === uri));
      expect(status.state).toBe('slow');
      expect(status.message).toContain('over the budget of 0.001 ms');
    } finally {
      await client.changeSettings({});
    }
  });

  it('reads .sor-lint.json next to the file, under the editor settings', async () => {
    const { uri, diagnostics } = await openFixture('configured');
    expect(only(diagnostics, 'plejehjem-retype')).toEqual([]);
    expect(only(diagnostics, 'contact-format').map((d) => [seen(uri, d).text, d.severity])).toEqual([
      ['oestervang.dk', DiagnosticSeverity.Warning],
      ['birkely.dk', DiagnosticSeverity.Warning],
    ]);
  });

  it('re-validates when a configuration file changes on disk', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'sor-lint-lsp-'));
    try {
      const configFile = join(folder, '.sor-lint.json');
      writeFileSync(configFile, '{ "root": true }');
      const uri = pathToFileURL(join(folder, 'watched.sor.yaml')).href;
      await client.open(uri, FIXTURE);
      expect(only((await client.diagnosticsFor(uri, 1)).diagnostics, 'plejehjem-retype')).toHaveLength(1);
      const count = () => client.published.filter((p) => p.uri === uri).length;
      const before = count();
      writeFileSync(configFile, '{ "root": true, "rules": { "plejehjem-retype": "off" } }');
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(configFile).href, type: FileChangeType.Changed }] });
      await client.waitFor('re-validation', () => (count() > before ? true : undefined));
      expect(only(client.published.filter((p) => p.uri === uri).at(-1)!.diagnostics, 'plejehjem-retype')).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('turns a bad configuration file into one diagnostic at the top, and still lints', async () => {
    const { uri, diagnostics } = await openFixture('broken-config');
    const [config] = only(diagnostics, 'config');
    expect(seen(uri, config)).toMatchObject({ line: 1, column: 1 });
    expect(config.message).toContain(join(FIXTURES, 'broken-config', '.sor-lint.json'));
    expect(config.message).toContain('rules.plejehjem-retype');
    expect(only(diagnostics, 'plejehjem-retype')).toHaveLength(1);
    expect(client.errorLog.some((line) => line.includes('rules.plejehjem-retype'))).toBe(true);
  });
});

describe('text helpers of the test client', () => {
  it('applies a versioned workspace edit as the editor would', () => {
    const document = TextDocument.create('file:///a.sor.yaml', 'yaml', 3, 'a: 1\nb: 2\n');
    const edit = { documentChanges: [{ textDocument: { uri: document.uri, version: 3 }, edits: [{ range: { start: { line: 1, character: 3 }, end: { line: 1, character: 4 } }, newText: '22' }] }] };
    expect(applyWorkspaceEdit(document, edit)).toBe('a: 1\nb: 22\n');
  });
});
