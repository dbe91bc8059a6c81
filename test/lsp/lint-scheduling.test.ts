// When the server lints, as a user typing meets it: a keystroke is linted at once (no debounce), a
// burst costs no lint per keystroke, a pull the user typed past is answered at once, and a
// configuration change that leaves a document's settings as they were neither relints nor resends
// it. What the server did is read from its trace ($/logTrace, `sor-lint.trace.server: verbose`),
// which names each lint as it starts and ends: the order of events, never a time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDiagnosticReport, FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { CancellationTokenSource, DocumentDiagnosticRequest, DocumentSymbolRequest, LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol/node';
import { lint } from '../../server/src/core/lint.js';
import { messageWithAction } from '../../server/src/core/finding.js';
import { ensureServerBuilt, FIXTURES, fixtureUri, PULL_CAPABILITIES, PUSH_CAPABILITIES, TestClient } from './server-client.js';
import { bigProvider } from './big-provider.js';

const FIXTURE = readFileSync(join(FIXTURES, 'omsorgshuset.sor.yaml'), 'utf8');

let counter = 0;
const freshUri = () => fixtureUri(`scheduling${++counter}.sor.yaml`);

/** The versions of `uri` the trace shows a lint of starting, or ending (`linted`), in order. */
function lintsOf(client: TestClient, uri: string, what: 'linting' | 'linted'): number[] {
  const pattern = new RegExp(`^sor-lint: ${what} ${uri.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} v(\\d+)`);
  return client.traces.flatMap((line) => {
    const match = pattern.exec(line);
    return match ? [Number(match[1])] : [];
  });
}

/** Types `count` characters after `after`, one keystroke each, sent as fast as a fast typist or a macro. */
async function typeAfter(client: TestClient, uri: string, after: string, count: number): Promise<number> {
  const at = client.text(uri).indexOf(after) + after.length;
  let version = 0;
  for (let i = 0; i < count; i++) version = await client.replace(uri, at + i, at + i, String(i % 10));
  return version;
}

const coreMessages = (text: string) => lint(text, { fileName: 'x.sor.yaml', today: '2026-11-26' }).findings.map(messageWithAction);

describe('pushing: a keystroke is linted at once', () => {
  let client: TestClient;
  beforeAll(async () => {
    ensureServerBuilt();
    client = await TestClient.start({ capabilities: PUSH_CAPABILITIES, trace: true });
  });
  afterAll(() => client?.stop());

  it('lints the first keystroke of a burst on a small file without waiting for a pause, and publishes no version between it and the last', async () => {
    const uri = freshUri();
    await client.open(uri, FIXTURE);
    await client.diagnosticsFor(uri, 1);
    const last = await typeAfter(client, uri, 'Plejecenter Østervang', 5);
    const final = await client.diagnosticsFor(uri, last);
    // A debounce would have waited for the burst to end: the first keystroke's lint never started.
    expect(lintsOf(client, uri, 'linting')).toContain(2);
    // Its diagnostics are shown only if it was still the newest version when they came.
    const published = client.published.filter((p) => p.uri === uri).map((p) => p.version!);
    expect(published.filter((version) => version !== 2)).toEqual([1, last]);
    expect(final.diagnostics.map((d) => d.message)).toEqual(coreMessages(client.text(uri)));
  });

  it('answers a burst of keystrokes on a big file with the last version, linting none of those between the first and the last', async () => {
    const uri = freshUri();
    await client.open(uri, bigProvider(4000));
    await client.diagnosticsFor(uri, 1, 30_000);
    // The first keystroke is in the provider's name, which the editor cannot relint one institution
    // for: its whole lint runs while the rest of the burst comes, sent without a pause.
    const first = await typeAfter(client, uri, 'Stor', 1);
    await client.waitFor('the lint of the first keystroke', () => (lintsOf(client, uri, 'linting').includes(first) ? true : undefined), 30_000);
    const at = client.text(uri).indexOf('Plejecenter 2000') + 'Plejecenter 2000'.length;
    const versions = await Promise.all(Array.from({ length: 9 }, (_, i) => client.replace(uri, at + i, at + i, String(i))));
    const last = versions.at(-1)!;
    const final = await client.diagnosticsFor(uri, last, 30_000);
    const burst = lintsOf(client, uri, 'linting').filter((version) => version > 1);
    expect(burst.at(-1)).toBe(last);
    // The first keystroke's lint was under way when the rest came: they waited as one, the newest.
    expect(burst.filter((version) => version !== first && version !== last)).toEqual([]);
    const published = client.published.filter((p) => p.uri === uri).map((p) => p.version!);
    expect(published.filter((version) => version !== first)).toEqual([1, last]);
    expect(client.text(uri)).toContain('Plejecenter 2000012345678');
    expect(final.diagnostics.map((d) => d.message)).toEqual(coreMessages(client.text(uri)));
  });

  it('sends nothing again when the settings change but not for this document', async () => {
    const uri = freshUri();
    await client.open(uri, FIXTURE);
    await client.diagnosticsFor(uri, 1);
    const lints = lintsOf(client, uri, 'linting').length;
    const published = client.published.length;
    // The same settings again (VS Code sends one for any section that changed).
    await client.changeSettings({});
    // Answered after the lint it needs: had the settings change led to one, its diagnostics would be out first.
    await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    expect(client.published.slice(published).filter((p) => p.uri === uri)).toEqual([]);
    expect(lintsOf(client, uri, 'linting')).toHaveLength(lints);
    // A change that matters still relints.
    await client.changeSettings({ rules: { 'plejehjem-retype': 'off' } });
    try {
      const relinted = await client.waitFor('the relint', () => client.published.slice(published).find((p) => p.uri === uri));
      expect(relinted.diagnostics.some((d) => d.code === 'plejehjem-retype')).toBe(false);
      expect(lintsOf(client, uri, 'linting')).toHaveLength(lints + 1);
    } finally {
      await client.changeSettings({});
    }
  });
});

describe('pulling, as VS Code does', () => {
  let client: TestClient;
  beforeAll(async () => {
    ensureServerBuilt();
    client = await TestClient.start({ capabilities: PULL_CAPABILITIES, trace: true });
  });
  afterAll(() => client?.stop());

  const pull = (uri: string, previousResultId?: string, token?: CancellationTokenSource) =>
    client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId }, token?.token) as Promise<DocumentDiagnosticReport>;

  it('answers a pull the user typed past at once, before the lint it asked for has ended, and the next pull gets the newest version', async () => {
    const uri = freshUri();
    const big = bigProvider(4000);
    await client.open(uri, big);
    await pull(uri);
    const version = await typeAfter(client, uri, 'Plejecenter 2000', 1);
    const asked = new CancellationTokenSource();
    const stale = pull(uri, undefined, asked).catch((error: unknown) => error);
    // Requests are taken in order: once a request the server does not know is refused, it is at work on the pull.
    await client.connection.sendRequest('sor-lint/unknown').catch(() => undefined);
    // VS Code cancels the pull when the next keystroke comes.
    const newest = await typeAfter(client, uri, 'Plejecenter 20000', 1);
    asked.cancel();
    const answer = await stale;
    const endedWhenAnswered = lintsOf(client, uri, 'linted');
    expect(answer).toBeInstanceOf(ResponseError);
    expect((answer as ResponseError<unknown>).code).toBe(LSPErrorCodes.RequestCancelled);
    expect(endedWhenAnswered).not.toContain(version);
    const report = (await pull(uri)) as FullDocumentDiagnosticReport;
    expect(report.kind).toBe('full');
    expect(client.text(uri)).toContain('Plejecenter 200000');
    expect(report.items.map((d) => d.message)).toEqual(coreMessages(client.text(uri)));
    expect(lintsOf(client, uri, 'linted')).toContain(newest);
  });

  it('answers `unchanged` after a refresh whose settings change nothing for the document, without linting it again', async () => {
    const uri = freshUri();
    await client.open(uri, FIXTURE);
    const first = (await pull(uri)) as FullDocumentDiagnosticReport;
    const lints = lintsOf(client, uri, 'linting').length;
    const refreshes = client.refreshRequests;
    await client.changeSettings({});
    await client.waitFor('refresh', () => (client.refreshRequests > refreshes ? true : undefined));
    expect(await pull(uri, first.resultId)).toEqual({ kind: 'unchanged', resultId: first.resultId });
    // Focusing the editor again pulls again: still nothing to send.
    expect(await pull(uri, first.resultId)).toEqual({ kind: 'unchanged', resultId: first.resultId });
    expect(lintsOf(client, uri, 'linting')).toHaveLength(lints);
  });
});
