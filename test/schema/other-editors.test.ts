// The format's JSON Schema as other editors use it: yaml-language-server (what VS Code's YAML
// extension, Neovim, Helix and others run) over stdio, the file naming the schema by a relative
// `$schema` path, no network. It must find the mistakes a pattern or a list can state exactly;
// and our own lint must keep one finding per mistake, the dedicated rule's.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuilt } from '../cli/helpers.js';
import { PUSH_CAPABILITIES, ROOT, TestClient } from '../lsp/server-client.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'sor-lint-schema-'));
const schemaPath = path.relative(scratch, path.join(ROOT, 'schemas/sor-structure.schema.json'));
const YAML_LANGUAGE_SERVER = [process.execPath, path.join(ROOT, 'node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio'];

/** One mistake a line, each a value a pattern or the list of laws states exactly. */
const MISTAKES = {
  cvr: '"2940347"',
  sorId: '"69848100001600X"',
  postalCode: '"800"',
  phone: '"86-12-34-56"',
  website: 'oestervang.dk',
  legalBasis: 'serviceloven',
} as const;

const file = `$schema: ${schemaPath}
provider:
  name: Omsorgshuset ApS
  cvr: ${MISTAKES.cvr}
institutions:
  - name: Plejecenter Østervang
    sorId: ${MISTAKES.sorId}
    unitType: plejeenhed
    legalBasis: ${MISTAKES.legalBasis}
    visitingAddress:
      street: Østervangsvej
      houseNumber: "12"
      postalCode: ${MISTAKES.postalCode}
      city: Aarhus C
    phone: ${MISTAKES.phone}
    email: kontakt@oestervang.dk
    website: ${MISTAKES.website}
`;
const fileName = path.join(scratch, 'omsorgshuset.sor.yaml');
const lineOf = (field: string) => file.split('\n').findIndex((line) => line.trimStart().startsWith(`${field}:`));

let client: TestClient;

beforeAll(async () => {
  ensureBuilt();
  writeFileSync(fileName, file);
  client = await TestClient.start({
    capabilities: PUSH_CAPABILITIES,
    server: YAML_LANGUAGE_SERVER,
    workspaceFolder: scratch,
    // yaml-language-server asks for its `yaml` section; nothing is fetched from a schema store.
    settings: { validate: true, schemaStore: { enable: false }, schemas: {} },
  });
}, 60_000);

afterAll(async () => {
  await client?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the schema in yaml-language-server', () => {
  it('finds every mistake a pattern or an enum states, on its line, from a relative $schema and offline', async () => {
    const uri = pathToFileURL(fileName).href;
    await client.open(uri, file);
    const published = await client.waitFor('diagnostics with the schema applied', () => client.published.find((p) => p.uri === uri && p.diagnostics.length > 0), 30_000);
    const lines = published.diagnostics.map((diagnostic: Diagnostic) => diagnostic.range.start.line);
    for (const field of Object.keys(MISTAKES)) expect(lines, field).toContain(lineOf(field));
    // Nothing else: the valid values (email, city, the house number, unitType) pass.
    expect(published.diagnostics).toHaveLength(Object.keys(MISTAKES).length);
    const onLegalBasis = published.diagnostics.find((d: Diagnostic) => d.range.start.line === lineOf('legalBasis'))!;
    expect(onLegalBasis.message).toMatch(/aeldreloven/);
    // The schema's own words for a pattern, not the regular expression.
    const onPhone = published.diagnostics.find((d: Diagnostic) => d.range.start.line === lineOf('phone'))!;
    expect(onPhone.message).toBe('A Danish phone number: 8 digits, the first 2-9, optionally +45 or 0045 in front and single spaces, e.g. "+45 86 12 34 56".');
  });
});

describe('our own lint of the same file', () => {
  it('reports each of these mistakes once, by the rule that checks the field, with no schema twin', () => {
    const run = spawnSync(process.execPath, [CLI, '--format', 'json', '--lang', 'en', fileName], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(1);
    const [{ findings }] = JSON.parse(run.stdout);
    const at = (field: string) => findings.filter((f: { line: number }) => f.line === lineOf(field) + 1).map((f: { ruleId: string }) => f.ruleId);
    expect(at('cvr')).toEqual(['provider-cvr']);
    expect(at('sorId')).toEqual(['sor-code']);
    expect(at('postalCode')).toEqual(['address-format']);
    expect(at('phone')).toEqual(['contact-format']);
    expect(at('website')).toEqual(['contact-format']);
    expect(at('legalBasis')).toEqual(['legal-basis']);
    expect(findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain('schema');
  });
});
