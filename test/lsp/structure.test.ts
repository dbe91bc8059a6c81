// Folding and selection ranges over stdio, asserted exactly on a small file in YAML and in JSON.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FoldingRange, Range, SelectionRange } from 'vscode-languageserver-protocol/node';
import { FoldingRangeRequest, SelectionRangeRequest } from 'vscode-languageserver-protocol/node';
import { ensureServerBuilt, fixtureUri, PUSH_CAPABILITIES, TestClient } from './server-client.js';

const YAML = `provider:
  name: Omsorgshuset ApS
  postalAddress:
    street: Østervangsvej
    city: Aarhus C
institutions:
  - name: Plejecenter Østervang
    unitType: plejeenhed
    visitingAddress: { street: Østervangsvej, city: Aarhus C }
    units:
      - name: Afsnit Birken
        unitType: afsnit
  - name: Plejecenter Birkely
    unitType: plejeenhed
`;

const JSON_TEXT = `{
  "provider": {
    "name": "Omsorgshuset ApS"
  },
  "institutions": [
    {
      "name": "Plejecenter Østervang",
      "unitType": "plejeenhed"
    }
  ]
}
`;

let client: TestClient;
let counter = 0;

beforeAll(async () => {
  ensureServerBuilt();
  client = await TestClient.start({ capabilities: PUSH_CAPABILITIES });
});

afterAll(() => client?.stop());

async function open(text: string, extension = 'yaml', languageId = 'yaml'): Promise<string> {
  const uri = fixtureUri(`structure${++counter}.sor.${extension}`);
  await client.open(uri, text, languageId);
  return uri;
}

function folds(uri: string): Promise<FoldingRange[]> {
  return client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }) as Promise<FoldingRange[]>;
}

/** The selection chain at the first occurrence of `needle` (plus `into`), innermost first, as the text each range selects. */
async function chainAt(uri: string, needle: string, into = 1): Promise<string[]> {
  const document = client.document(uri);
  const position = document.positionAt(document.getText().indexOf(needle) + into);
  const [selection] = (await client.connection.sendRequest(SelectionRangeRequest.type, { textDocument: { uri }, positions: [position] })) as SelectionRange[];
  const texts: string[] = [];
  let previous: Range | undefined;
  for (let at: SelectionRange | undefined = selection; at; at = at.parent) {
    if (previous) expect(contains(at.range, previous)).toBe(true);
    texts.push(document.getText(at.range));
    previous = at.range;
  }
  return texts;
}

function contains(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end) && !(before(inner.start, outer.start) && before(outer.end, inner.end));
}

describe('folding ranges', () => {
  it('fold each unit from its first line, each address block and list of units from its key', async () => {
    const uri = await open(YAML);
    expect(await folds(uri)).toEqual([
      { startLine: 0, endLine: 4 }, // provider
      { startLine: 2, endLine: 4 }, // its postal address
      { startLine: 5, endLine: 13 }, // institutions
      { startLine: 6, endLine: 11 }, // Plejecenter Østervang (its one-line visiting address does not fold)
      { startLine: 9, endLine: 11 }, // its units
      { startLine: 10, endLine: 11 }, // Afsnit Birken
      { startLine: 12, endLine: 13 }, // Plejecenter Birkely
    ]);
  });

  it('leave a JSON closing bracket visible', async () => {
    const uri = await open(JSON_TEXT, 'json', 'json');
    expect(await folds(uri)).toEqual([
      { startLine: 1, endLine: 2 },
      { startLine: 4, endLine: 8 },
      { startLine: 5, endLine: 7 },
    ]);
  });

  it('leave a file that is not a SOR file to the editor’s own folding', async () => {
    const uri = fixtureUri(`structure${++counter}.yaml`);
    await client.open(uri, 'name: not SOR\nitems:\n  - a\n  - b\n');
    expect(await folds(uri)).toBeNull();
  });
});

describe('selection ranges', () => {
  it('grow from a value to its pair, its unit, the list of units, the parent unit and so on to the file', async () => {
    const uri = await open(YAML);
    const unit = '- name: Afsnit Birken\n        unitType: afsnit';
    const birken = 'name: Afsnit Birken\n        unitType: afsnit';
    const oestervang = YAML.slice(YAML.indexOf('name: Plejecenter Østervang'), YAML.indexOf('\n  - name: Plejecenter Birkely'));
    const institutions = YAML.slice(YAML.indexOf('- name: Plejecenter Østervang'), YAML.length - 1);
    expect(await chainAt(uri, 'Afsnit Birken')).toEqual([
      'Afsnit Birken',
      'name: Afsnit Birken',
      birken,
      unit,
      `units:\n      ${unit}`,
      oestervang,
      institutions,
      `institutions:\n  ${institutions}`,
      YAML.slice(0, -1),
    ]);
  });

  it('grow from a key to its pair, and from an address part to the address', async () => {
    const uri = await open(YAML);
    const address = 'street: Østervangsvej\n    city: Aarhus C';
    const provider = YAML.slice(YAML.indexOf('name: Omsorgshuset'), YAML.indexOf('\ninstitutions:'));
    expect(await chainAt(uri, 'street: Østervangsvej')).toEqual([
      'street',
      'street: Østervangsvej',
      address,
      `postalAddress:\n    ${address}`,
      provider,
      `provider:\n  ${provider}`,
      YAML.slice(0, -1),
    ]);
  });

  it('work in JSON the same way', async () => {
    const uri = await open(JSON_TEXT, 'json', 'json');
    const chain = await chainAt(uri, 'plejeenhed');
    expect(chain.slice(0, 3)).toEqual(['"plejeenhed"', '"unitType": "plejeenhed"', '{\n      "name": "Plejecenter Østervang",\n      "unitType": "plejeenhed"\n    }']);
    expect(chain.at(-1)).toBe(JSON_TEXT.slice(0, -1));
  });
});
