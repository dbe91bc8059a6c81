// Pull diagnostics: a client that asks (textDocument/diagnostic) gets no pushes, a result id that
// says when nothing changed, and a refresh request when the configuration changes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDiagnosticReport, FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { DocumentDiagnosticRequest } from 'vscode-languageserver-protocol/node';
import { ensureServerBuilt, FIXTURES, fixtureUri, PULL_CAPABILITIES, TestClient } from './server-client.js';

const FIXTURE = readFileSync(join(FIXTURES, 'omsorgshuset.sor.yaml'), 'utf8');

let client: TestClient;

beforeAll(async () => {
  ensureServerBuilt();
  client = await TestClient.start({ capabilities: PULL_CAPABILITIES });
});

afterAll(() => client?.stop());

function pull(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
  return client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId });
}

describe('pull diagnostics', () => {
  it('registers a diagnostic provider and answers pulls instead of pushing', async () => {
    expect(client.initializeResult.capabilities.diagnosticProvider).toMatchObject({ interFileDependencies: true, workspaceDiagnostics: true });
    const uri = fixtureUri('pulled.sor.yaml');
    await client.open(uri, FIXTURE);
    const report = (await pull(uri)) as FullDocumentDiagnosticReport;
    expect(report.kind).toBe('full');
    const retype = report.items.find((d) => d.code === 'plejehjem-retype')!;
    expect(client.document(uri).getText(retype.range)).toBe('plejehjem');
    expect(retype.range.start).toEqual({ line: 7, character: 14 });
    expect(report.items.filter((d) => d.code === 'plejeenhed-nesting')).toHaveLength(2);

    expect(await pull(uri, report.resultId)).toEqual({ kind: 'unchanged', resultId: report.resultId });

    const start = client.document(uri).positionAt(FIXTURE.indexOf('plejehjem'));
    await client.change(uri, [{ range: { start, end: { line: start.line, character: start.character + 'plejehjem'.length } }, text: 'plejeenhed' }]);
    const after = (await pull(uri, report.resultId)) as FullDocumentDiagnosticReport;
    expect(after.kind).toBe('full');
    expect(after.resultId).not.toBe(report.resultId);
    expect(after.items.some((d) => d.code === 'plejehjem-retype')).toBe(false);
    // A pushed publication would have arrived by now, before the pull's answer.
    expect(client.published).toEqual([]);
  });

  it('asks the client to pull again when the configuration changes', async () => {
    const uri = fixtureUri('refreshed.sor.yaml');
    await client.open(uri, FIXTURE);
    const before = (await pull(uri)) as FullDocumentDiagnosticReport;
    const refreshes = client.refreshRequests;
    await client.changeSettings({ rules: { 'plejeenhed-nesting': 'off' } });
    try {
      await client.waitFor('refresh', () => (client.refreshRequests > refreshes ? true : undefined));
      const after = (await pull(uri, before.resultId)) as FullDocumentDiagnosticReport;
      expect(after.kind).toBe('full');
      expect(after.items.filter((d) => d.code === 'plejeenhed-nesting')).toEqual([]);
      expect(after.items.length).toBe(before.items.length - 2);
    } finally {
      await client.changeSettings({});
    }
  });
});
