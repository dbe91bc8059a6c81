// Navigation between related units over stdio: from a shared SOR code to the other unit (go to
// definition, find references, document highlight), from a care unit's name to the units its
// inherited values come from, and from a nesting conflict to its other end; the workspace's other
// files come in through `OtherFiles`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentHighlight, Location, Range } from 'vscode-languageserver-protocol/node';
import { DefinitionRequest, DocumentHighlightKind, DocumentHighlightRequest, ReferencesRequest } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyse } from '../../server/src/lsp/analysis.js';
import { PositionMapper } from '../../server/src/lsp/diagnostics.js';
import type { OtherFiles } from '../../server/src/lsp/navigation.js';
import { definitionAt, referencesAt } from '../../server/src/lsp/navigation.js';
import { ensureServerBuilt, FIXTURES, fixtureUri, PUSH_CAPABILITIES, TestClient } from './server-client.js';

const FIXTURE = readFileSync(join(FIXTURES, 'navigation.sor.yaml'), 'utf8');
const SHARED_CODE = '"698481000016007"';

let client: TestClient;
let uri: string;

beforeAll(async () => {
  ensureServerBuilt();
  client = await TestClient.start({ capabilities: PUSH_CAPABILITIES });
  uri = fixtureUri('navigation1.sor.yaml');
  await client.open(uri, FIXTURE);
  // The lint's findings (a nesting conflict's other end) are there once the diagnostics are.
  await client.diagnosticsFor(uri);
});

afterAll(() => client?.stop());

/** Position inside the n-th occurrence (0-based) of `needle`. */
function positionOf(needle: string, occurrence = 0, into = 1) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = FIXTURE.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`not found: ${needle}`);
  return client.document(uri).positionAt(at + into);
}

/** What a location shows: its line (1-based) and the text it covers, first line only. */
function shown(location: { uri?: string; range: Range }) {
  const document = client.document(uri);
  const text = document.getText(location.range).split('\n')[0];
  return { line: location.range.start.line + 1, text };
}

function definition(position: { line: number; character: number }): Promise<Location[]> {
  return client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position }) as Promise<Location[]>;
}

describe('a SOR code that another unit shares', () => {
  it('goes to the other unit with go to definition, from either end', async () => {
    const fromBirkely = await definition(positionOf(SHARED_CODE, 0));
    expect(fromBirkely.map((location) => [location.uri, shown(location)])).toEqual([[uri, { line: 43, text: SHARED_CODE }]]);
    const fromAhorn = await definition(positionOf(SHARED_CODE, 1));
    expect(fromAhorn.map(shown)).toEqual([{ line: 29, text: SHARED_CODE }]);
  });

  it('finds every unit that has it as references, with or without the one under the cursor', async () => {
    const request = (includeDeclaration: boolean) =>
      client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: positionOf(SHARED_CODE, 0), context: { includeDeclaration } }) as Promise<Location[]>;
    expect((await request(true)).map(shown)).toEqual([
      { line: 29, text: SHARED_CODE },
      { line: 43, text: SHARED_CODE },
    ]);
    expect((await request(false)).map(shown)).toEqual([{ line: 43, text: SHARED_CODE }]);
  });

  it('highlights every unit of the file that has it', async () => {
    const highlights = (await client.connection.sendRequest(DocumentHighlightRequest.type, { textDocument: { uri }, position: positionOf(SHARED_CODE, 1) })) as DocumentHighlight[];
    expect(highlights.map((highlight) => [shown(highlight), highlight.kind])).toEqual([
      [{ line: 29, text: SHARED_CODE }, DocumentHighlightKind.Text],
      [{ line: 43, text: SHARED_CODE }, DocumentHighlightKind.Text],
    ]);
  });

  it('goes nowhere from a code no other unit has', async () => {
    expect(await definition(positionOf('"11000016002"'))).toEqual([]);
    const highlights = await client.connection.sendRequest(DocumentHighlightRequest.type, { textDocument: { uri }, position: positionOf('"11000016002"') });
    // Nothing of ours: the editor keeps its own highlight of the word.
    expect(highlights).toBeNull();
  });
});

describe('an inherited value and a nesting conflict', () => {
  it('goes from the name of a care unit that inherits to the values SOR gives it, where they are written', async () => {
    const targets = await definition(positionOf('Plejecenter Østervang'));
    expect(targets.map(shown)).toEqual([
      { line: 6, text: 'postalAddress:' },
      { line: 14, text: 'phone: "86 12 34 00"' },
    ]);
  });

  it('goes from a care unit in a nesting conflict to the care unit at the other end', async () => {
    const fromOuter = await definition(positionOf('plejeenhed', 1));
    expect(fromOuter.map(shown)).toEqual([{ line: 44, text: 'plejeenhed' }]);
    const fromInner = await definition(positionOf('plejeenhed', 2));
    expect(fromInner.map(shown)).toEqual([{ line: 30, text: 'plejeenhed' }]);
  });
});

describe('the workspace’s other files', () => {
  const other: OtherFiles = {
    occurrencesOf: (code) =>
      code === '698481000016007'
        ? [
            { uri: 'file:///work/other.sor.yaml', range: { start: { line: 7, character: 11 }, end: { line: 7, character: 28 } }, name: 'Plejecenter Egely' },
            // The file itself, as a workspace index also holds it: counted once, from the text the editor has.
            { uri: 'file:///work/this.sor.yaml', range: { start: { line: 28, character: 11 }, end: { line: 28, character: 28 } }, name: 'Plejecenter Birkely' },
          ]
        : [],
  };
  const document = TextDocument.create('file:///work/this.sor.yaml', 'yaml', 1, FIXTURE);
  const analysis = analyse(FIXTURE, 'yaml');
  const target = { uri: document.uri, analysis, mapper: new PositionMapper(document, analysis.bom), findings: undefined, otherFiles: other };
  const offset = FIXTURE.indexOf(SHARED_CODE) + 1;

  it('reaches a unit with the same code in another file by definition and references', () => {
    expect(definitionAt(target, offset).map((location) => [location.uri, location.range.start.line])).toEqual([
      ['file:///work/this.sor.yaml', 42],
      ['file:///work/other.sor.yaml', 7],
    ]);
    expect(referencesAt(target, offset, true).map((location) => [location.uri, location.range.start.line])).toEqual([
      ['file:///work/this.sor.yaml', 28],
      ['file:///work/this.sor.yaml', 42],
      ['file:///work/other.sor.yaml', 7],
    ]);
  });
});
