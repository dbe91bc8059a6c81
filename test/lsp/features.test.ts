// Hover, completion and the outline, in English and (from the client's locale) Danish.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletionItem, DocumentSymbol, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-protocol/node';
import { CodeActionRequest, CompletionRequest, DocumentSymbolRequest, HoverRequest, SymbolKind } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import schema from '../../schemas/sor-structure.schema.json';
import { lint } from '../../server/src/core/lint.js';
import { ruleById } from '../../server/src/rules/index.js';
import { ensureServerBuilt, FIXTURES, fixtureUri, PUSH_CAPABILITIES, TestClient } from './server-client.js';

const FIXTURE = readFileSync(join(FIXTURES, 'omsorgshuset.sor.yaml'), 'utf8');
const UNIT_PROPERTIES = schema.$defs.unit.properties as unknown as Record<string, { description: string; 'x-description-da': string }>;

let counter = 0;

async function open(client: TestClient, text = FIXTURE): Promise<string> {
  const uri = fixtureUri(`features${++counter}.sor.yaml`);
  await client.open(uri, text);
  return uri;
}

/** Position of the n-th occurrence (0-based) of `needle`, plus an offset into it. */
function positionOf(client: TestClient, uri: string, needle: string, into = 0, occurrence = 0) {
  const text = client.text(uri);
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`not found: ${needle}`);
  return client.document(uri).positionAt(at + into);
}

function hover(client: TestClient, uri: string, position: { line: number; character: number }): Promise<Hover | null> {
  return client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
}

async function complete(client: TestClient, uri: string, position: { line: number; character: number }): Promise<CompletionItem[]> {
  const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
  return Array.isArray(result) ? result : (result?.items ?? []);
}

/** The document's text after accepting a completion item. */
function accept(client: TestClient, uri: string, item: CompletionItem): string {
  return TextDocument.applyEdits(client.document(uri), [item.textEdit as TextEdit]);
}

describe('features in English', () => {
  let client: TestClient;
  beforeAll(async () => {
    ensureServerBuilt();
    client = await TestClient.start({ capabilities: PUSH_CAPABILITIES, locale: 'en-US' });
  });
  afterAll(() => client?.stop());

  it('hovers a key with its schema description and the rules that read it', async () => {
    const uri = await open(client);
    const result = (await hover(client, uri, positionOf(client, uri, 'legalBasis: friplejeboligloven', 3)))!;
    const markdown = (result.contents as MarkupContent).value;
    expect(client.document(uri).getText(result.range!)).toBe('legalBasis');
    expect(markdown).toContain(UNIT_PROPERTIES.legalBasis.description);
    expect(markdown).toContain('[`legal-basis`](https://');
    expect(markdown).toContain(ruleById('legal-basis')!.docs.summary.en);
  });

  it('names every rule whose metadata concerns a key: darId is read offline and online', async () => {
    const uri = await open(client, 'provider:\n  name: X\ninstitutions:\n  - name: Y\n    unitType: plejeenhed\n    visitingAddress: { street: Vej, houseNumber: "1", darId: 0a3f50a0-73bf-32b8-e044-0003ba298018 }\n');
    const result = (await hover(client, uri, positionOf(client, uri, 'darId', 1)))!;
    const markdown = (result.contents as MarkupContent).value;
    expect(client.document(uri).getText(result.range!)).toBe('darId');
    expect(markdown).toContain('[`address-unverified`](https://');
    expect(markdown).toContain('[`address-not-in-dar`](https://');
  });

  it('explains plejehjem-retype when hovering unitType: plejehjem', async () => {
    const uri = await open(client);
    const result = (await hover(client, uri, positionOf(client, uri, 'plejehjem\n', 2)))!;
    const markdown = (result.contents as MarkupContent).value;
    expect(client.document(uri).getText(result.range!)).toBe('plejehjem');
    const rule = ruleById('plejehjem-retype')!;
    expect(markdown).toContain('`plejehjem-retype`');
    expect(markdown).toContain(rule.docs.summary.en);
    expect(markdown).toContain(rule.docs.rationale.en);
  });

  it('has nothing to say between keys', async () => {
    const uri = await open(client);
    expect(await hover(client, uri, { line: 0, character: 3 })).toBeNull();
  });

  it('completes the keys a unit may still have, with their documentation', async () => {
    const uri = await open(client);
    const after = positionOf(client, uri, 'legalBasis: almenboligloven\n', 'legalBasis: almenboligloven\n'.length);
    await client.change(uri, [{ range: { start: after, end: after }, text: '    \n' }]);
    const items = await complete(client, uri, { line: after.line, character: 4 });
    const present = ['name', 'unitType', 'legalBasis', 'visitingAddress', 'phone', 'email', 'website', 'units'];
    expect(items.map((i) => i.label).sort()).toEqual(Object.keys(UNIT_PROPERTIES).filter((k) => !present.includes(k)).sort());
    const sorId = items.find((i) => i.label === 'sorId')!;
    expect((sorId.documentation as MarkupContent).value).toContain('SOR');
    expect(accept(client, uri, sorId).split('\n')[after.line]).toBe('    sorId: ');
    const postal = items.find((i) => i.label === 'postalAddress')!;
    expect(accept(client, uri, postal).split('\n').slice(after.line, after.line + 2)).toEqual(['    postalAddress:', '      ']);
  });

  it('completes every unit key on a new list item', async () => {
    const uri = await open(client);
    const end = client.document(uri).positionAt(client.text(uri).length);
    await client.change(uri, [{ range: { start: end, end }, text: '      - ' }]);
    const items = await complete(client, uri, { line: end.line, character: 8 });
    expect(items.map((i) => i.label).sort()).toEqual(Object.keys(UNIT_PROPERTIES).sort());
  });

  it('completes legalBasis with the four laws, replacing what is typed', async () => {
    const uri = await open(client);
    const start = positionOf(client, uri, 'almenboligloven');
    await client.change(uri, [{ range: { start, end: { line: start.line, character: start.character + 'almenboligloven'.length } }, text: 'al' }]);
    const items = await complete(client, uri, { line: start.line, character: start.character + 2 });
    expect(items.map((i) => i.label)).toEqual(schema.$defs.unit.properties.legalBasis.enum);
    const chosen = items.find((i) => i.label === 'almenboligloven')!;
    expect((chosen.documentation as MarkupContent).value).toContain(schema.$defs.unit.properties.legalBasis.enumDescriptions[1]);
    expect(accept(client, uri, chosen)).toBe(FIXTURE);
  });

  it('completes unitType with the common types, care unit first', async () => {
    const uri = await open(client);
    const at = positionOf(client, uri, 'plejehjem\n');
    await client.change(uri, [{ range: { start: at, end: { line: at.line, character: at.character + 'plejehjem'.length } }, text: '' }]);
    const items = await complete(client, uri, at);
    expect(items.map((i) => i.label)).toEqual(['plejeenhed', 'plejehjem', 'afsnit']);
    expect((items[1].documentation as MarkupContent).value).toContain('`plejehjem-retype`');
  });

  it('completes keys and values in JSON, quoted', async () => {
    const uri = fixtureUri(`features${++counter}.sor.json`);
    const text = '{\n  "provider": {\n    "name": "Omsorgshuset ApS",\n    "c"\n  },\n  "institutions": [{ "name": "X", "legalBasis":  }]\n}\n';
    await client.open(uri, text, 'json');
    const keyAt = client.document(uri).positionAt(text.indexOf('"c"') + 2);
    const keys = await complete(client, uri, keyAt);
    expect(keys.map((i) => i.label)).toEqual(Object.keys(schema.$defs.provider.properties).filter((k) => k !== 'name'));
    expect(accept(client, uri, keys.find((i) => i.label === 'cvr')!).split('\n')[3]).toBe('    "cvr": ');
    const valueAt = client.document(uri).positionAt(text.indexOf('"legalBasis": ') + '"legalBasis": '.length);
    const values = await complete(client, uri, valueAt);
    expect(accept(client, uri, values.find((i) => i.label === 'aeldreloven')!)).toContain('"legalBasis": "aeldreloven" }');
  });

  it('outlines provider, institutions and units, marking care units', async () => {
    const uri = await open(client);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const shape = (s: DocumentSymbol): unknown => ({ name: s.name, detail: s.detail, kind: s.kind, children: s.children?.map(shape) });
    expect(symbols.map(shape)).toEqual([
      {
        name: 'Omsorgshuset ApS',
        detail: undefined,
        kind: SymbolKind.Namespace,
        children: [
          { name: 'Plejecenter Østervang', detail: 'plejehjem', kind: SymbolKind.Module, children: [] },
          {
            name: 'Plejecenter Birkely',
            detail: 'plejeenhed ★',
            kind: SymbolKind.Module,
            children: [{ name: 'Afsnit Lærken', detail: 'plejeenhed ★', kind: SymbolKind.Class, children: [] }],
          },
        ],
      },
    ]);
    const birkely = symbols[0].children![1];
    expect(client.document(uri).getText(birkely.selectionRange)).toBe('name: Plejecenter Birkely');
    expect(client.document(uri).getText(birkely.range)).toMatch(/^name: Plejecenter Birkely[\s\S]*unitType: plejeenhed$/);
  });

  it('caps the outline of a huge file with a last symbol that says so', async () => {
    const institutions = 1700;
    const lines = ['provider:', '  name: Stor ApS', 'institutions:'];
    for (let i = 0; i < institutions; i++) lines.push(`  - name: Plejecenter ${i}`, '    unitType: plejeenhed', '    units:', '      - name: Afsnit A', '      - name: Afsnit B');
    const uri = await open(client, lines.join('\n') + '\n');
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const count = (list: DocumentSymbol[]): number => list.reduce((sum, s) => sum + 1 + count(s.children ?? []), 0);
    expect(count(symbols)).toBe(5001);
    expect(symbols.at(-1)!.name).toBe(`… outline capped: 5000 of ${1 + 3 * institutions} shown`);
  });
});

describe('features in Danish', () => {
  let client: TestClient;
  beforeAll(async () => {
    ensureServerBuilt();
    client = await TestClient.start({ capabilities: PUSH_CAPABILITIES, locale: 'da' });
  });
  afterAll(() => client?.stop());

  it('speaks Danish when the client\'s locale is Danish', async () => {
    const uri = await open(client);
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    const danish = lint(FIXTURE, { fileName: 'x.sor.yaml', lang: 'da', today: '2026-11-26' });
    expect(diagnostics.map((d) => d.message)).toEqual(danish.findings.map((f) => `${f.message} ${f.action}`));
    const retype = diagnostics.find((d) => d.code === 'plejehjem-retype')!;
    const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: retype.range, context: { diagnostics: [retype] } });
    expect(actions!.map((a) => a.title)).toEqual([
      'Skift enhedstype til plejeenhed',
      'Markér som ikke en plejeenhed',
      'Slå plejehjem-retype fra for denne linje',
      'Vis dokumentation for plejehjem-retype',
      'Ret alle sikre sor-lint-problemer',
    ]);
    const result = (await hover(client, uri, positionOf(client, uri, 'legalBasis', 2)))!;
    expect((result.contents as MarkupContent).value).toContain(UNIT_PROPERTIES.legalBasis['x-description-da']);
    expect((result.contents as MarkupContent).value).toContain(ruleById('legal-basis')!.docs.summary.da);
  });

  it('speaks English when sor-lint.language says so, whatever the locale', async () => {
    await client.changeSettings({ language: 'en' });
    try {
      const uri = await open(client);
      const { diagnostics } = await client.diagnosticsFor(uri, 1);
      const english = lint(FIXTURE, { fileName: 'x.sor.yaml', lang: 'en', today: '2026-11-26' });
      expect(diagnostics.map((d) => d.message)).toEqual(english.findings.map((f) => `${f.message} ${f.action}`));
    } finally {
      await client.changeSettings({});
    }
  });
});
