// Online address verification in the language server, over stdio against a fake register on
// 127.0.0.1: off unless asked (and never in an untrusted workspace), the offline finding first and
// the verdict after, stale verdicts never shown, one cache for all documents, the "Verify
// addresses now" command, the status bar's state, and the token in no message at all.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, FullDocumentDiagnosticReport, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { CodeActionRequest, DiagnosticSeverity, DocumentDiagnosticRequest, ExecuteCommandRequest } from 'vscode-languageserver-protocol/node';
import { lint } from '../../server/src/core/lint.js';
import type { StatusParams, VerifyAddressesResult } from '../../server/src/lsp/protocol.js';
import { ADDRESS_TOKEN_ENV } from '../../server/src/address/verify/index.js';
import { address, careUnitYaml } from '../address/verify/helpers.js';
import { adressevaskHandler, REGISTER, SLOW_MS, TOKEN } from '../fixtures/address/register.js';
import type { RegisterServer } from '../fixtures/address/server.js';
import { startRegisterServer } from '../fixtures/address/server.js';
import type { StartOptions } from './server-client.js';
import { applyWorkspaceEdit, ensureServerBuilt, fixtureUri, PULL_CAPABILITIES, PUSH_CAPABILITIES, TestClient } from './server-client.js';

const WRONG_TOKEN = 'wrong-token-77ab3c';
const EXACT = careUnitYaml(address('Østervangsvej', '12'));
/** Where the address findings sit in a careUnitYaml text: the unit's `visitingAddress` key. */
const ADDRESS_KEY = { line: 10, column: 5, text: 'visitingAddress' };

let register: RegisterServer;
let storage: string;
const clients: TestClient[] = [];
let counter = 0;

beforeAll(async () => {
  ensureServerBuilt();
  register = await startRegisterServer(adressevaskHandler());
  storage = mkdtempSync(join(tmpdir(), 'sor-lint-lsp-storage-'));
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.stop()));
  await register.close();
  rmSync(storage, { recursive: true, force: true });
});

function onlineSettings(): Record<string, unknown> {
  return { addresses: { online: true, service: 'adressevask', endpoint: register.url } };
}

/** A server with online verification on and the client's token sent, as the extension does. */
async function start(options: Partial<StartOptions> & { token?: string | null } = {}): Promise<TestClient> {
  const { token, ...rest } = options;
  const client = await TestClient.start({ capabilities: PUSH_CAPABILITIES, settings: onlineSettings(), ...rest });
  clients.push(client);
  if (token !== undefined) await client.connection.sendNotification('sor-lint/setAddressToken', { token });
  return client;
}

async function open(client: TestClient, text: string, folder?: string): Promise<string> {
  const name = `online${++counter}.sor.yaml`;
  const uri = folder ? pathToFileURL(join(folder, name)).href : fixtureUri(name);
  await client.open(uri, text);
  return uri;
}

/** The `n`-th publication (1-based) of this version of the document. */
function publication(client: TestClient, uri: string, version: number, n: number): Promise<PublishDiagnosticsParams> {
  return client.waitFor(`publication ${n} of ${uri} v${version}`, () => client.published.filter((p) => p.uri === uri && p.version === version)[n - 1]);
}

function addressFindings(client: TestClient, uri: string, diagnostics: Diagnostic[]) {
  const document = client.document(uri);
  return diagnostics
    .filter((d) => d.code === 'address-unverified' || d.code === 'address-not-in-dar')
    .map((d) => ({ code: d.code, severity: d.severity, line: d.range.start.line + 1, column: d.range.start.character + 1, text: document.getText(d.range), message: d.message }));
}

function lookupsOf(client: TestClient, uri: string): StatusParams['addressLookups'][] {
  return client.statuses.filter((s) => s.uri === uri).map((s) => s.addressLookups);
}

function verifyNow(client: TestClient, uri: string): Promise<VerifyAddressesResult> {
  return client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'sor-lint.verifyAddresses', arguments: [uri] }) as Promise<VerifyAddressesResult>;
}

/** The register's address-washing requests whose address text starts so. */
function asked(prefix: string) {
  return register.requests.filter((request) => (request.params.adresse ?? '').startsWith(prefix));
}

/** For what the client hears nothing about (the register's requests, a file): checks every 20 ms. */
async function until(what: string, done: () => boolean, timeoutMs = 10_000): Promise<void> {
  for (const started = Date.now(); !done(); await new Promise((resolve) => setTimeout(resolve, 20))) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
  }
}

const OFFLINE_WARNING = { code: 'address-unverified', severity: DiagnosticSeverity.Warning, ...ADDRESS_KEY };

describe('online verification off', () => {
  it('is off by default: only the offline warning, and the register hears nothing', async () => {
    const client = await start({ settings: {}, token: TOKEN });
    const before = register.requests.length;
    const uri = await open(client, EXACT);
    const [finding] = addressFindings(client, uri, (await publication(client, uri, 1, 1)).diagnostics);
    expect(finding).toMatchObject(OFFLINE_WARNING);
    expect(finding.message).toContain('darId');
    expect(lookupsOf(client, uri)).toEqual(['off']);
    expect(await verifyNow(client, uri)).toEqual({ checked: 0, failed: 0, reason: 'off' });
    expect(client.published.filter((p) => p.uri === uri)).toHaveLength(1);
    expect(register.requests.length).toBe(before);
  });

  it('stays off in an untrusted workspace, whatever the settings say', async () => {
    const client = await start({ token: TOKEN, initializationOptions: { trusted: false } });
    const before = register.requests.length;
    const uri = await open(client, EXACT);
    expect(addressFindings(client, uri, (await publication(client, uri, 1, 1)).diagnostics)).toMatchObject([OFFLINE_WARNING]);
    expect(lookupsOf(client, uri)).toEqual(['off']);
    expect(await verifyNow(client, uri)).toEqual({ checked: 0, failed: 0, reason: 'off' });
    expect(register.requests.length).toBe(before);
  });
});

describe('online verification on', () => {
  let client: TestClient;

  beforeAll(async () => {
    client = await start({ token: TOKEN, initializationOptions: { storagePath: storage } });
  });

  it('publishes the offline warning first, then the verdict with a fix that records the darId', async () => {
    const uri = await open(client, EXACT);
    const offline = await publication(client, uri, 1, 1);
    expect(addressFindings(client, uri, offline.diagnostics)).toMatchObject([OFFLINE_WARNING]);
    const online = await publication(client, uri, 1, 2);
    const [verified] = addressFindings(client, uri, online.diagnostics);
    expect(verified).toMatchObject({ code: 'address-unverified', severity: DiagnosticSeverity.Information, ...ADDRESS_KEY });
    expect(verified.message).toContain(`is in DAR as "Østervangsvej 12, 8000 Aarhus C (id ${REGISTER.oestervang.id})"`);
    expect(addressFindings(client, uri, online.diagnostics)).toHaveLength(1);
    // The other findings are the offline lint's, unchanged.
    expect(online.diagnostics.filter((d) => d.code !== 'address-unverified')).toEqual(offline.diagnostics.filter((d) => d.code !== 'address-unverified'));
    expect(lookupsOf(client, uri)).toEqual(['checking', 'on']);

    const diagnostic = online.diagnostics.find((d) => d.code === 'address-unverified')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    })) as CodeAction[];
    const record = actions.find((action) => action.title === `Record darId ${REGISTER.oestervang.id} (Østervangsvej 12, 8000 Aarhus C)`)!;
    expect(record.isPreferred).toBe(true);
    const fixed = applyWorkspaceEdit(client.document(uri), record.edit!);
    expect(fixed).toBe(EXACT.replace('      city: Aarhus C\n', `      city: Aarhus C\n      darId: ${REGISTER.oestervang.id}\n`));
    expect(lint(fixed, { fileName: 'x.sor.yaml', today: '2026-11-26' }).findings.filter((f) => f.ruleId === 'address-unverified' || f.ruleId === 'parse')).toEqual([]);

    // Applied in the editor: offline and online, the address is now confirmed.
    const version = await client.replace(uri, 0, EXACT.length, fixed);
    expect(addressFindings(client, uri, (await publication(client, uri, version, 1)).diagnostics)).toEqual([]);
    expect(addressFindings(client, uri, (await publication(client, uri, version, 2)).diagnostics)).toEqual([]);
  });

  it('never publishes the verdict of an older version after a newer one (the edit aborts the slow lookup)', async () => {
    const slow = careUnitYaml(address('Langsomvej', '12'));
    const uri = await open(client, slow);
    await publication(client, uri, 1, 1);
    await until('the slow lookup', () => asked('Langsomvej 12,').length > 0);
    const at = slow.indexOf('Langsomvej');
    const version = await client.replace(uri, at, at + 'Langsomvej'.length, 'Østervangsvej');
    const newest = await publication(client, uri, version, 2);
    expect(addressFindings(client, uri, newest.diagnostics)).toMatchObject([{ code: 'address-unverified', severity: DiagnosticSeverity.Information, ...ADDRESS_KEY }]);
    // Long enough for the slow answer to have arrived, had the lookup not been aborted.
    await new Promise((resolve) => setTimeout(resolve, SLOW_MS + 500));
    const ofDocument = client.published.filter((p) => p.uri === uri);
    expect(ofDocument.map((p) => p.version)).toEqual([1, version, version]);
  }, 20_000);

  it('lets a lookup under way finish when the settings change but not for the document, and lints nothing again', async () => {
    const slow = careUnitYaml(address('Langsomvej', '14'));
    const uri = await open(client, slow);
    await publication(client, uri, 1, 1);
    await until('the slow lookup', () => asked('Langsomvej 14,').length > 0);
    await client.changeSettings(onlineSettings());
    await publication(client, uri, 1, 2);
    await client.waitFor('the lookup done', () => (lookupsOf(client, uri).at(-1) === 'on' ? true : undefined), 10_000);
    expect(lookupsOf(client, uri)).toEqual(['checking', 'on']);
    expect(client.published.filter((p) => p.uri === uri).map((p) => p.version)).toEqual([1, 1]);
    expect(asked('Langsomvej 14,')).toHaveLength(1);
  }, 20_000);

  it('shares one cache across documents: the same address is asked once', async () => {
    const text = careUnitYaml(address('Østervangsvej', '14'));
    const first = await open(client, text);
    await publication(client, first, 1, 2);
    const requests = register.requests.length;
    const second = await open(client, text);
    const online = await publication(client, second, 1, 2);
    expect(addressFindings(client, second, online.diagnostics)[0].message).toContain(REGISTER.oestervang14.id);
    expect(register.requests.length).toBe(requests);
    expect(asked('Østervangsvej 14,')).toHaveLength(1);
  });

  it('"Verify addresses now" checks the document again at once and sums up', async () => {
    const second = careUnitYaml(address('Xyzzyvej', '1')).replace('Plejecenter Østervang', 'Plejecenter Xyzzy');
    const text = EXACT + second.slice(second.indexOf('  - name:'));
    const uri = await open(client, text);
    await publication(client, uri, 1, 2);
    const published = client.published.length;
    expect(await verifyNow(client, uri)).toEqual({ checked: 2, failed: 1 });
    const again = await publication(client, uri, 1, 3);
    expect(client.published.length).toBe(published + 1);
    expect(addressFindings(client, uri, again.diagnostics).map((f) => [f.code, f.severity, f.line])).toEqual([
      ['address-unverified', DiagnosticSeverity.Information, 10],
      ['address-not-in-dar', DiagnosticSeverity.Error, 20],
    ]);
  });

  it('keeps its verdicts in addresses.json under the storage path, without the token', async () => {
    const file = join(storage, 'addresses.json');
    await until('the cache file', () => existsSync(file));
    const stored = readFileSync(file, 'utf8');
    expect(stored).toContain(REGISTER.oestervang.id);
    expect(stored).not.toContain(TOKEN);
  });

  it('sends the token to the register and to no message of its own', () => {
    expect(register.requests.some((request) => request.params.token === TOKEN)).toBe(true);
    expect(client.output).toContain('sor-lint/status');
    expect(client.output).not.toContain(TOKEN);
  });
});

describe('online verification of a big file', () => {
  it('keeps the main thread free: the lint worker reads which addresses to ask about, and the verdict is shown', async () => {
    const client = await start({ token: TOKEN, initializationOptions: { stallReportMs: 250 } });
    // One care unit to look up, after 100,000 sections: a tree only the worker should build.
    const sections = Array.from({ length: 100_000 }, (_, i) => `  - name: Afsnit ${i}\n    unitType: afsnit\n`).join('');
    const text = EXACT.replace('institutions:\n', `institutions:\n${sections}`);
    const uri = await open(client, text);
    const online = await publication(client, uri, 1, 2);
    const verified = online.diagnostics.filter((d) => d.code === 'address-unverified');
    expect(verified.map((d) => d.severity)).toEqual([DiagnosticSeverity.Information]);
    expect(verified[0].message).toContain(`is in DAR as "Østervangsvej 12, 8000 Aarhus C (id ${REGISTER.oestervang.id})"`);
    expect(client.output.split('\n').filter((line) => line.includes('main thread was busy'))).toEqual([]);
  }, 60_000);
});

describe('online verification that cannot answer', () => {
  it('a wrong token: "could not verify now" beside the offline warning, and the token in no message', async () => {
    const client = await start({ token: WRONG_TOKEN });
    const uri = await open(client, EXACT);
    await publication(client, uri, 1, 1);
    const findings = addressFindings(client, uri, (await publication(client, uri, 1, 2)).diagnostics);
    expect(findings).toHaveLength(2);
    expect(findings).toMatchObject([OFFLINE_WARNING, { code: 'address-unverified', severity: DiagnosticSeverity.Information, ...ADDRESS_KEY }]);
    expect(findings[1].message).toContain('could not be verified in DAR now: the address service refused the token; check it');
    expect(register.requests.some((request) => request.params.token === WRONG_TOKEN)).toBe(true);
    expect(client.output).not.toContain(WRONG_TOKEN);
  });
});

describe('online verification without an endpoint', () => {
  it('stays off and tells the user once', async () => {
    const client = await start({ settings: { addresses: { online: true } }, token: TOKEN });
    const before = register.requests.length;
    const first = await open(client, EXACT);
    expect(addressFindings(client, first, (await publication(client, first, 1, 1)).diagnostics)).toMatchObject([OFFLINE_WARNING]);
    const second = await open(client, EXACT);
    await publication(client, second, 1, 1);
    expect(await verifyNow(client, second)).toEqual({ checked: 0, failed: 0, reason: 'off' });
    expect([...lookupsOf(client, first), ...lookupsOf(client, second)]).toEqual(['off', 'off']);
    const warning = "Online address verification (adressevask) needs the address service's URL (http:// or https://); there is no default. (sor-lint.addresses.endpoint)";
    expect(client.output.split(warning)).toHaveLength(2);
    expect(client.output).toContain('"method":"window/showMessage"');
    expect(register.requests.length).toBe(before);
  });
});

describe('online verification from the configuration file', () => {
  /** A workspace whose .sor-lint.json turns online verification on, with the register's URL. */
  function configuredWorkspace(): string {
    const folder = join(storage, `configured${++counter}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, '.sor-lint.json'), JSON.stringify({ addresses: { online: true, service: 'adressevask', endpoint: register.url } }));
    return folder;
  }

  it("turns it on, but never sends the token to the file's own endpoint: nothing is sent (issue 9, 25)", async () => {
    const folder = configuredWorkspace();
    const client = await start({ settings: {}, token: TOKEN, workspaceFolder: folder });
    const before = register.requests.length;
    const uri = await open(client, EXACT, folder);
    expect(addressFindings(client, uri, (await publication(client, uri, 1, 1)).diagnostics)).toMatchObject([OFFLINE_WARNING]);
    expect(lookupsOf(client, uri)).toEqual(['off']);
    expect(register.requests.length).toBe(before);
  });

  it('cannot turn it on in an untrusted workspace', async () => {
    const folder = configuredWorkspace();
    const client = await start({ settings: {}, token: TOKEN, workspaceFolder: folder, initializationOptions: { trusted: false } });
    const before = register.requests.length;
    const uri = await open(client, EXACT, folder);
    expect(addressFindings(client, uri, (await publication(client, uri, 1, 1)).diagnostics)).toMatchObject([OFFLINE_WARNING]);
    expect(lookupsOf(client, uri)).toEqual(['off']);
    expect(await verifyNow(client, uri)).toEqual({ checked: 0, failed: 0, reason: 'off' });
    expect(register.requests.length).toBe(before);
  });
});

describe('other clients', () => {
  it('take the token from the environment variable', async () => {
    const client = await start({ env: { [ADDRESS_TOKEN_ENV]: TOKEN } });
    const uri = await open(client, EXACT);
    const [verified] = addressFindings(client, uri, (await publication(client, uri, 1, 2)).diagnostics);
    expect(verified).toMatchObject({ code: 'address-unverified', severity: DiagnosticSeverity.Information, ...ADDRESS_KEY });
    expect(verified.message).toContain(REGISTER.oestervang.id);
  });

  it('pulling diagnostics: a refresh when the verdicts arrive, and the next pull has them', async () => {
    const client = await start({ capabilities: PULL_CAPABILITIES, token: TOKEN });
    const uri = await open(client, EXACT);
    const pull = (previousResultId?: string) =>
      client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId }) as Promise<FullDocumentDiagnosticReport>;
    const offline = await pull();
    // Any refresh for the token came before this answer (the server sends in order).
    const refreshes = client.refreshRequests;
    expect(addressFindings(client, uri, offline.items)).toMatchObject([OFFLINE_WARNING]);
    await client.waitFor('refresh', () => (client.refreshRequests > refreshes ? true : undefined));
    const online = await pull(offline.resultId);
    expect(online.kind).toBe('full');
    expect(addressFindings(client, uri, online.items)).toMatchObject([{ code: 'address-unverified', severity: DiagnosticSeverity.Information, ...ADDRESS_KEY }]);
    expect(client.published).toEqual([]);
  });
});
