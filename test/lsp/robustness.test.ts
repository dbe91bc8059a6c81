// The server must not die: malformed documents still get their parse findings, documents that
// are not SOR files get nothing, and the server keeps answering afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { DocumentSymbolRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { ensureServerBuilt, fixtureUri, PUSH_CAPABILITIES, TestClient } from './server-client.js';

let client: TestClient;

beforeAll(async () => {
  ensureServerBuilt();
  client = await TestClient.start({ capabilities: PUSH_CAPABILITIES });
});

afterAll(() => client?.stop());

const VALID = 'provider:\n  name: Omsorgshuset ApS\n  cvr: "29403473"\ninstitutions:\n  - name: Plejecenter Østervang\n    unitType: plejehjem\n';

async function stillAnswers(): Promise<void> {
  const uri = fixtureUri(`alive${Date.now()}.sor.yaml`);
  await client.open(uri, VALID);
  const { diagnostics } = await client.diagnosticsFor(uri, 1);
  expect(diagnostics.some((d) => d.code === 'plejehjem-retype')).toBe(true);
  const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 5, character: 6 } });
  expect(hover).not.toBeNull();
}

describe('robustness', () => {
  afterAll(() => {
    // Every lint above ran in the lint worker; a failed worker would have been logged.
    expect(client.errorLog.filter((line) => line.includes('lint worker'))).toEqual([]);
  });

  it.each([
    ['binary garbage', 'garbage.sor.yaml', 'yaml', '\u0000\u0001\u0002PK\u0003\u0004\uFFFD\uFFFD: [ {\n\u0007'],
    ['10,000-deep YAML nesting', 'deep.sor.yaml', 'yaml', 'provider: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n'],
    ['10,000-deep JSON nesting', 'deep.sor.json', 'json', '{"provider": ' + '['.repeat(10_000) + ']'.repeat(10_000) + '}'],
    ['a YAML syntax error', 'broken.sor.yaml', 'yaml', 'provider:\n  name: "Omsorgshuset\n  cvr: 29403473\n'],
    ['a JSON syntax error', 'broken.sor.json', 'json', '{ "provider": { "name": "Omsorgshuset ApS", } '],
  ])('reports %s as a parse error and keeps answering', async (_what, name, languageId, text) => {
    const uri = fixtureUri(name);
    await client.open(uri, text, languageId);
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    const parse = diagnostics.filter((d) => d.code === 'parse');
    expect(parse.length).toBeGreaterThan(0);
    expect(parse[0].message).toMatch(languageId === 'json' ? /^JSON syntax error: / : /^YAML syntax error: /);
    expect(parse[0].range.start.line).toBeLessThan(text.split('\n').length);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    expect(Array.isArray(symbols)).toBe(true);
    await stillAnswers();
  });

  it('ends with the diagnostics of the final version when a big file is edited while it is linted', async () => {
    const lines = ['provider:', '  name: Stor ApS', '  cvr: "29403473"', 'institutions:'];
    for (let i = 0; i < 2500; i++) lines.push(`  - name: Plejecenter ${i}`, '    unitType: plejehjem', '    visitingAddress: { street: Kirkevej, houseNumber: "1", postalCode: "8000", city: Aarhus C }');
    const uri = fixtureUri('big.sor.yaml');
    const before = client.published.length;
    await client.open(uri, lines.join('\n') + '\n');
    await new Promise((resolve) => setTimeout(resolve, 30));
    const last = await client.replace(uri, 0, 0, '# edited while linting\n');
    const final = await client.diagnosticsFor(uri, last);
    const versions = client.published.slice(before).filter((p) => p.uri === uri).map((p) => p.version);
    expect(versions.at(-1)).toBe(last);
    expect(versions.filter((v) => v !== last).every((v) => v! < last)).toBe(true);
    const retypes = final.diagnostics.filter((d) => d.code === 'plejehjem-retype');
    expect(retypes).toHaveLength(2500);
    expect(retypes.every((d) => client.document(uri).getText(d.range) === 'plejehjem')).toBe(true);
  });

  it('leaves YAML and JSON that are not SOR files alone', async () => {
    const compose = fixtureUri('docker-compose.yaml');
    await client.open(compose, 'services:\n  web: [unclosed\n');
    const packageJson = fixtureUri('package.json');
    await client.open(packageJson, '{ "name": ', 'json');
    const markdown = fixtureUri('notes.sor.yaml.md');
    await client.open(markdown, 'provider: [', 'markdown');
    // Opened after the others, so the server has handled them by the time it answers this one.
    await stillAnswers();
    expect(client.published.filter((p) => [compose, packageJson, markdown].includes(p.uri))).toEqual([]);
    expect(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: compose }, position: { line: 0, character: 2 } })).toBeNull();
    expect(await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: compose } })).toEqual([]);
  });

  it('lints an untitled document the client marks as SOR YAML, whatever its name', async () => {
    const uri = 'untitled:Untitled-1';
    await client.open(uri, 'provider:\n  name: X\n  cvr: "12345678"\n', 'sor-yaml');
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    const cvr = diagnostics.find((d) => d.code === 'provider-cvr')!;
    expect(client.document(uri).getText(cvr.range)).toBe('"12345678"');
  });

  it('lints a file of any name whose $schema names the SOR schema', async () => {
    const uri = fixtureUri('provider.json');
    const text = JSON.stringify({ $schema: 'https://sor-lint.github.io/schemas/sor-structure.schema.json', provider: { name: 'X', cvr: '12345678' } }, null, 2);
    await client.open(uri, text, 'json');
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    const cvr = diagnostics.find((d) => d.code === 'provider-cvr')!;
    expect(client.document(uri).getText(cvr.range)).toBe('"12345678"');
  });
});
