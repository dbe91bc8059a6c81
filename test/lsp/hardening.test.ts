// What a fuzzer and a real editor found (issue 9, "The editor"), each as the user met it over stdio:
// stale diagnostics after close and reopen, cancelled requests that ran anyway, a main thread
// that froze, diagnostics lost to a stack overflow, a server deaf after broken framing, an outline
// whose children lie outside their parent, and a quick-fix menu that repeats itself.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport, DocumentSymbol, FullDocumentDiagnosticReport, Range } from 'vscode-languageserver-protocol/node';
import {
  CancellationTokenSource,
  CodeActionRequest,
  CompletionRequest,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  ErrorCodes,
  ExecuteCommandRequest,
  HoverRequest,
  LSPErrorCodes,
  ResponseError,
} from 'vscode-languageserver-protocol/node';
import { lint } from '../../server/src/core/lint.js';
import { messageWithAction } from '../../server/src/core/finding.js';
import { applyWorkspaceEdit, ensureServerBuilt, fixtureUri, PULL_CAPABILITIES, PUSH_CAPABILITIES, ROOT, TestClient } from './server-client.js';
import { bigProvider } from './big-provider.js';

const SMALL = 'provider:\n  name: Lille ApS\ninstitutions:\n  - name: Plejecenter Lille\n    unitType: plejehjem\n';

let counter = 0;
const freshUri = (ext = 'yaml') => fixtureUri(`hardening${++counter}.sor.${ext}`);

function within(inner: Range, outer: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

describe('pull mode: close and reopen', () => {
  let client: TestClient;
  beforeAll(async () => {
    ensureServerBuilt();
    client = await TestClient.start({ capabilities: PULL_CAPABILITIES });
  });
  afterAll(() => client?.stop());

  const pull = (uri: string, previousResultId?: string) =>
    client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId }) as Promise<DocumentDiagnosticReport>;

  it('answers the reopened text, never the lint of the text that was closed while it was linted', async () => {
    const big = bigProvider(3000);
    const expected = lint(SMALL, { fileName: 'x.sor.yaml', today: '2026-11-26' }).findings.map(messageWithAction);
    for (let trial = 0; trial < 5; trial++) {
      const uri = freshUri();
      await client.open(uri, big);
      const first = pull(uri).catch((error: unknown) => error);
      await client.closeDocument(uri);
      await client.open(uri, SMALL);
      await first;
      const report = (await pull(uri)) as FullDocumentDiagnosticReport;
      expect(report.items.map((d) => d.message)).toEqual(expected);
      expect(Math.max(...report.items.map((d) => d.range.end.line))).toBeLessThan(5);
      await client.closeDocument(uri);
    }
  });
});

describe('push mode', () => {
  let client: TestClient;
  beforeAll(async () => {
    ensureServerBuilt();
    // Any stall of the main thread over 250 ms is written to the log.
    client = await TestClient.start({ capabilities: PUSH_CAPABILITIES, initializationOptions: { stallReportMs: 250 } });
  });
  afterAll(() => client?.stop());

  async function openLinted(text: string, ext = 'yaml'): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = freshUri(ext);
    await client.open(uri, text, ext);
    return { uri, diagnostics: (await client.diagnosticsFor(uri, 1, 120_000)).diagnostics };
  }

  it('answers cancelled requests with RequestCancelled instead of running them', async () => {
    const uri = freshUri();
    // Not waited for: every request below waits for this lint, and is cancelled meanwhile.
    await client.open(uri, bigProvider(3000));
    const start = { line: 5, character: 14 };
    const params = { textDocument: { uri }, range: { start, end: start }, context: { diagnostics: [] } };
    const answers: Promise<unknown>[] = [];
    for (let i = 0; i < 300; i++) {
      const source = new CancellationTokenSource();
      answers.push(client.connection.sendRequest(CodeActionRequest.type, params, source.token).catch((error: unknown) => error));
      source.cancel();
    }
    const settled = await Promise.all(answers);
    expect(settled.filter((answer) => !(answer instanceof ResponseError) || answer.code !== LSPErrorCodes.RequestCancelled)).toEqual([]);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 5, character: 6 } });
    expect(hover).not.toBeNull();
  });

  it('never stalls its main thread on a 10,000-unit file: edits, code actions, fix-all, hover, completion, outline', async () => {
    const { uri, diagnostics } = await openLinted(bigProvider(10_000));
    expect(diagnostics.filter((d) => d.code === 'plejehjem-retype')).toHaveLength(10_000);
    const version = await client.replace(uri, 0, 0, '# edited\n');
    const edited = (await client.diagnosticsFor(uri, version, 60_000)).diagnostics;
    const retype = edited.find((d) => d.code === 'plejehjem-retype')!;
    for (let i = 0; i < 3; i++) {
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: retype.range, context: { diagnostics: [retype] } })) as CodeAction[];
      expect(actions.map((a) => a.title)).toContain('Change unit type to plejeenhed');
    }
    await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'sor-lint.fixAll', arguments: [uri] });
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: retype.range.start });
    expect(hover).not.toBeNull();
    const completion = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: retype.range.start.line, character: 4 } });
    expect(completion).not.toBeNull();
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    expect(symbols.length).toBeGreaterThan(0);
    expect(stalls()).toEqual([]);
  }, 180_000);

  it('never stalls its main thread on a 10 MB one-line flow sequence, and answers elsewhere while it is linted', async () => {
    const unit = '{name: Plejecenter, unitType: plejehjem, phone: "+45 86 12 34 56"}';
    const count = Math.ceil(10_000_000 / (unit.length + 2));
    const uri = freshUri();
    await client.open(uri, `provider: {name: Stor ApS}\ninstitutions: [${Array.from({ length: count }, () => unit).join(', ')}]\n`);
    // Typing into the 10 MB line, and asking about it, while the worker reads it.
    const end = client.text(uri).indexOf(']');
    for (let i = 0; i < 5; i++) await client.replace(uri, end, end, `, ${unit}`);
    const source = new CancellationTokenSource();
    const symbols = client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }, source.token).catch((error: unknown) => error);
    // A YAML file that is no SOR file is answered at once, lint or no lint.
    const other = fixtureUri('docker-compose.yaml');
    await client.open(other, 'services:\n  web: {}\n');
    expect(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: other }, position: { line: 0, character: 2 } })).toBeNull();
    source.cancel();
    expect(((await symbols) as ResponseError<unknown>).code).toBe(LSPErrorCodes.RequestCancelled);
    await client.closeDocument(uri);
    expect(stalls()).toEqual([]);
  }, 180_000);

  function stalls(): string[] {
    return client.output.split('\n').filter((line) => line.includes('main thread was busy'));
  }

  it('publishes all 150,000 findings of a one-line JSON file', async () => {
    const institutions = Array.from({ length: 150_000 }, (_, i) => ({ name: `Plejecenter ${i}`, unitType: 'afsnit', phone: '12' }));
    const text = JSON.stringify({ provider: { name: 'Stor ApS', cvr: '29403473' }, institutions });
    const { diagnostics } = await openLinted(text, 'json');
    const phones = diagnostics.filter((d) => d.code === 'contact-format');
    expect(phones).toHaveLength(150_000);
    expect(client.errorLog.filter((line) => line.includes('RangeError'))).toEqual([]);
  }, 180_000);

  it('keeps every outline child inside its parent\'s range', async () => {
    const text = bigProvider(3) + '  - name: Plejecenter Birkely\n    unitType: plejeenhed\n    units:\n      - name: Afsnit Lærken\n        unitType: afsnit\n';
    const { uri } = await openLinted(text);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const outside: string[] = [];
    const check = (parent: DocumentSymbol) => {
      for (const child of parent.children ?? []) {
        if (!within(child.range, parent.range)) outside.push(`${child.name} outside ${parent.name}`);
        check(child);
      }
    };
    symbols.forEach(check);
    expect(symbols[0].children!.map((s) => s.name)).toEqual(['Plejecenter 0', 'Plejecenter 1', 'Plejecenter 2', 'Plejecenter Birkely']);
    expect(outside).toEqual([]);
  });

  it('lists each quick fix of a care unit once, with one "insert all" that includes the missing addresses', async () => {
    const text = [
      'provider:',
      '  name: Omsorgshuset ApS',
      '  cvr: "29403473"',
      'institutions:',
      '  - name: Plejecenter Østervang',
      '    unitType: institution',
      '    visitingAddress: { street: Østervangsvej, houseNumber: "12", postalCode: "8000", city: Aarhus C }',
      '    postalAddress: { street: Østervangsvej, houseNumber: "12", postalCode: "8000", city: Aarhus C }',
      '    units:',
      '      - name: Afsnit Lærken',
      '        unitType: plejeenhed',
      '        legalBasis: friplejeboligloven',
      '',
    ].join('\n');
    const { uri, diagnostics } = await openLinted(text);
    const unit = diagnostics.filter((d) => d.code === 'careunit-contact-missing');
    expect(unit.length).toBeGreaterThan(2);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: unit[0].range,
      context: { diagnostics: unit, only: ['quickfix'] },
    })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    expect(titles.filter((t, i) => titles.indexOf(t) !== i)).toEqual([]);
    const all = actions.filter((a) => a.title.startsWith('Insert all missing contact fields'));
    expect(all).toHaveLength(1);
    const fixed = applyWorkspaceEdit(client.document(uri), all[0].edit!);
    for (const key of ['visitingAddress:', 'postalAddress:', 'phone:', 'email:', 'website:']) expect(fixed.split('\n').slice(10).join('\n')).toContain(key);
  });

  it('answers requests after shutdown with InvalidRequest', async () => {
    const other = await TestClient.start({ capabilities: PUSH_CAPABILITIES });
    try {
      const uri = freshUri();
      await other.open(uri, SMALL);
      await other.diagnosticsFor(uri, 1);
      await other.connection.sendRequest('shutdown');
      const answer = await other.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 4, character: 6 } }).catch((error: unknown) => error);
      expect(answer).toBeInstanceOf(ResponseError);
      expect((answer as ResponseError<unknown>).code).toBe(ErrorCodes.InvalidRequest);
    } finally {
      await other.kill();
    }
  });
});

describe('broken message framing', () => {
  beforeAll(() => ensureServerBuilt());

  it.each([
    ['a header without Content-Length', 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}'],
    ['a Content-Length that is no number', 'Content-Length: lots\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}'],
  ])('makes the server exit on %s', async (_what, bytes) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.stdin.write(bytes);
    try {
      expect(await exited).not.toBe(0);
    } finally {
      child.kill();
    }
  });
});
