import { describe, expect, it } from 'vitest';
import type { MapNode, Node } from '../../server/src/core/ast.js';
import { isQuoted, scalarValue } from '../../server/src/core/ast.js';
import { LineIndex } from '../../server/src/core/lines.js';
import { parse, stripBom } from '../../server/src/core/parse.js';
import { describe as described, lintText } from '../helpers/rule-tester.js';

/** The source text of a node, so assertions read like the file. */
const src = (text: string, node: { start: number; end: number }) => text.slice(node.start, node.end);

function entries(text: string, node: Node): [string, string][] {
  expect(node.kind).toBe('map');
  return (node as MapNode).entries.map((pair) => [src(text, pair.key), src(text, pair.value)]);
}

function only(text: string, language: 'yaml' | 'json' = 'yaml'): Node {
  const result = parse(text, language);
  expect(result.errors).toEqual([]);
  expect(result.documents).toHaveLength(1);
  return result.documents[0].root;
}

describe('YAML spans', () => {
  it('gives keys and values their exact text, without comments or trailing blanks', () => {
    const text = '# head\nprovider:   # the owner\n  name: Omsorg  # trailing\n  cvr: "29403473"\n  tags: [a, {b: 1}]\n';
    const root = only(text);
    expect(entries(text, root)).toEqual([['provider', 'name: Omsorg  # trailing\n  cvr: "29403473"\n  tags: [a, {b: 1}]']]);
    const provider = (root as MapNode).entries[0].value;
    expect(entries(text, provider)).toEqual([
      ['name', 'Omsorg'],
      ['cvr', '"29403473"'],
      ['tags', '[a, {b: 1}]'],
    ]);
  });

  it('reads plain scalars as text, keeping leading zeros and dates, and types null and booleans', () => {
    const text = 'a: 0800\nb: 2026-12-31\nc: ~\nd: false\ne: "x"\nf:\n';
    const root = only(text) as MapNode;
    const values = root.entries.map((pair) => (pair.value.kind === 'scalar' ? [scalarValue(pair.value), pair.value.text, isQuoted(pair.value)] : null));
    expect(values).toEqual([
      ['0800', '0800', false],
      ['2026-12-31', '2026-12-31', false],
      [null, null, false],
      [false, 'false', false],
      ['x', 'x', true],
      [null, null, false],
    ]);
    const absent = root.entries[5].value;
    expect([absent.start, absent.end]).toEqual([text.length - 1, text.length - 1]);
  });

  it('reads a flow collection on the line after its key as that key\'s value', () => {
    const text = 'institutions:\n  []\nprovider:\n  {name: A}\nnested: [[x]]\nitems:\n  - [y]\n  - { name: Z }\n';
    const root = only(text) as MapNode;
    expect(root.entries.map((pair) => [pair.value.kind, src(text, pair.value)])).toEqual([
      ['seq', '[]'],
      ['map', '{name: A}'],
      ['seq', '[[x]]'],
      ['seq', '- [y]\n  - { name: Z }'],
    ]);
    const items = root.entries[3].value;
    expect(items.kind === 'seq' && items.items.map((item) => item.kind)).toEqual(['seq', 'map']);
    expect(items.kind === 'seq' && entries(text, items.items[1])).toEqual([['name', 'Z']]);
    const nested = root.entries[2].value;
    expect(nested.kind === 'seq' && nested.items.map((item) => src(text, item))).toEqual(['[x]']);
    expect(entries(text, root.entries[1].value)).toEqual([['name', 'A']]);
  });

  it('spans block scalars and sequences of mappings', () => {
    const text = 'note: |\n  line one\n  line two\nlist:\n  - name: A\n    x: 1\n  - name: B\n';
    const root = only(text) as MapNode;
    expect(src(text, root.entries[0].value)).toBe('|\n  line one\n  line two');
    const list = root.entries[1].value;
    expect(list.kind).toBe('seq');
    if (list.kind !== 'seq') return;
    expect(list.items.map((item) => src(text, item))).toEqual(['name: A\n    x: 1', 'name: B']);
  });

  it('resolves aliases and keeps merge keys for the model to expand', () => {
    const text = 'base: &addr {street: Ågade, houseNumber: "1"}\nother: *addr\nmerged:\n  <<: *addr\n  city: Aarhus C\n';
    const root = only(text) as MapNode;
    const alias = root.entries[1].value;
    expect(alias.kind).toBe('alias');
    if (alias.kind !== 'alias') return;
    expect(alias.name).toBe('addr');
    expect(alias.target).toBe(root.entries[0].value);
    expect(entries(text, root.entries[2].value).map(([key]) => key)).toEqual(['<<', 'city']);
  });

  it('counts columns in UTF-16 code units through æøå, emoji and CRLF', () => {
    const text = 'a: "😀 Ø"\r\nname: Søndergade\r\n';
    const root = only(text) as MapNode;
    const value = root.entries[1].value;
    const lines = new LineIndex(text);
    expect(lines.positionAt(value.start)).toEqual({ line: 1, character: 6 });
    expect(lines.positionAt(value.end)).toEqual({ line: 1, character: 16 });
    expect(lines.positionAt(root.entries[0].value.end)).toEqual({ line: 0, character: 9 });
  });

  it('strips a UTF-8 BOM once, before parsing', () => {
    const { text, bom } = stripBom('\uFEFFa: 1\n');
    expect(bom).toBe(true);
    expect(src(text, (only(text) as MapNode).entries[0].key)).toBe('a');
  });
});

describe('YAML syntax errors', () => {
  it('reports the error where it is and keeps what was read before it, marked incomplete', () => {
    const text = 'provider:\n  name: A\ninstitutions:\n  - name: B\n    units: [x,\n';
    const result = parse(text, 'yaml');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].message.en).toMatch(/^YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a \]/);
    const root = result.documents[0].root as MapNode;
    expect(result.documents[0].complete).toBe(false);
    expect(root.complete).toBe(false);
    expect(root.entries.map((pair) => pair.key.text)).toEqual(['provider', 'institutions']);
    expect(entries(text, root.entries[0].value)).toEqual([['name', 'A']]);
  });

  it('goes on with the next document of a stream after an error', () => {
    const text = 'a: 1\nb: {x\n---\nc: 2\n';
    const result = parse(text, 'yaml');
    expect(result.errors).toHaveLength(1);
    expect(result.documents.map((d) => d.complete)).toEqual([false, true]);
    expect(entries(text, result.documents[1].root)).toEqual([['c', '2']]);
  });

  it('stops a 10,000-deep nesting with an error instead of overflowing the stack', () => {
    const text = '['.repeat(10_000) + ']'.repeat(10_000);
    const result = parse(text, 'yaml');
    expect(result.errors[0].message.en).toMatch(/maxDepth/);
  });

  it('turns binary garbage into a finding, not an exception', () => {
    const text = '\u0000\u0001\u0002PK\u0003\u0004\uFFFD\uFFFD';
    expect(parse(text, 'yaml').errors.length).toBeGreaterThan(0);
  });
});

describe('JSON', () => {
  it('spans keys with their quotes and values exactly, decoding escapes', () => {
    const text = '{\n  "name": "Ø\\"stervang",\n  "n": -1.5e3,\n  "ok": true,\n  "none": null,\n  "list": [1, {"b": []}]\n}';
    const root = only(text, 'json');
    expect(entries(text, root)).toEqual([
      ['"name"', '"Ø\\"stervang"'],
      ['"n"', '-1.5e3'],
      ['"ok"', 'true'],
      ['"none"', 'null'],
      ['"list"', '[1, {"b": []}]'],
    ]);
    const name = (root as MapNode).entries[0].value;
    expect(name.kind === 'scalar' && name.text).toBe('Ø"stervang');
    const n = (root as MapNode).entries[1].value;
    expect(n.kind === 'scalar' && [scalarValue(n), n.text]).toEqual([-1500, '-1.5e3']);
  });

  it('keeps a long number literal as written, so an 18-digit SOR code is not rounded', () => {
    const root = only('{"sorId": 123456789012345678}', 'json') as MapNode;
    const value = root.entries[0].value;
    expect(value.kind === 'scalar' && value.text).toBe('123456789012345678');
  });

  it('reports a syntax error at its place and keeps the part before it', () => {
    const text = '{"provider": {"name": "A"}, "institutions": [{"name": "B",}]}';
    const result = parse(text, 'json');
    const at = text.indexOf('}]');
    expect(result.errors.map((error) => [error.span, error.message.en])).toEqual([
      [{ start: at, end: at + 1 }, "JSON syntax error: expected a key in double quotes, found '}'."],
    ]);
    const root = result.documents[0].root as MapNode;
    expect(root.complete).toBe(false);
    expect(root.entries.map((pair) => pair.key.text)).toEqual(['provider', 'institutions']);
  });

  it('reads a file with a BOM, CRLF line ends, escapes and characters outside the BMP: findings land on their text', () => {
    const text = (
      '\uFEFF{\n  "provider": { "name": "Omsorgshuset \\u00c6\\u00f8 \\"A\\"", "cvr": "29403473" },\n  "institutions": [\n' +
      '    { "name": "Plejecenter 😀 \\ud83d\\ude00 \\udc00", "unitType": "plejehjem", "phone": "12" }\n  ]\n}\n'
    ).replace(/\n/g, '\r\n');
    const seen = described(lintText(text, { fileName: 'p.sor.json' }));
    expect(seen.filter((finding) => finding.ruleId === 'parse')).toEqual([]);
    expect(seen.find((finding) => finding.ruleId === 'no-careunit')?.message).toBe(
      'Provider "Omsorgshuset Æø "A"" has no open unit of type plejeenhed, so plejeoverblikket shows nothing of it.',
    );
    // A pair of escapes is one character, a lone surrogate stays as written; columns count UTF-16 units.
    expect(seen.find((finding) => finding.ruleId === 'contact-format')).toMatchObject({
      line: 4,
      column: 87,
      text: '"12"',
      message: 'The phone number "12" of "Plejecenter 😀 😀 \udc00" does not have 8 digits (after any +45).',
    });
  });

  it('reports a control character, a bad escape or an escaped last quote at the string, keeping what comes before it', () => {
    const cases: [string, string][] = [
      ['{"a": "x", "b": "tab\there"}', 'a control character or line break inside a string'],
      ['{"a": "x", "b": "line\nbreak"}', 'a control character or line break inside a string'],
      ['{"a": "x", "b": "\\x41"}', 'invalid escape sequence in a string'],
      ['{"a": "x", "b": "\\u00e"}', 'invalid escape sequence in a string'],
      ['{"a": "x", "b": "ends in \\"}', 'unterminated string'],
    ];
    for (const [text, reason] of cases) {
      const result = parse(text, 'json');
      const at = text.indexOf('"', text.indexOf('"b"') + 3);
      expect(result.errors.map((error) => [error.span, error.message.en])).toEqual([[{ start: at, end: at + 1 }, `JSON syntax error: ${reason}.`]]);
      const root = result.documents[0].root as MapNode;
      expect(entries(text, root)).toEqual([['"a"', '"x"']]);
      expect(root.complete).toBe(false);
    }
  });

  it('reads each key as written, where a key of the object before it had escapes that read like its text', () => {
    const text = '[{"a\\\\": 1, "b": 2}, {"a\\"": 3, "b": 4}, {"a\\"": 5, "b\\\\": 6}]';
    const root = only(text, 'json');
    expect(root.kind === 'seq' && root.items.map((item) => (item as MapNode).entries.map((pair) => pair.keyText))).toEqual([
      ['a\\', 'b'],
      ['a"', 'b'],
      ['a"', 'b\\'],
    ]);
  });

  it('rejects unterminated strings, trailing text and deep nesting with errors', () => {
    expect(parse('{"a": "b', 'json').errors[0].message.en).toMatch(/unterminated string/);
    expect(parse('{} x', 'json').errors[0].message.en).toMatch(/after the end/);
    expect(parse('['.repeat(5000), 'json').errors[0].message.en).toMatch(/nesting deeper/);
  });

  it('reads an empty file as one empty document, so rules can say what it lacks', () => {
    for (const language of ['json', 'yaml'] as const) {
      const result = parse('  \n', language);
      expect(result.errors).toEqual([]);
      expect(result.documents).toHaveLength(1);
      const root = result.documents[0].root;
      expect(root).toEqual({ kind: 'scalar', text: null, form: 'plain', start: 0, end: 0 });
      expect(root.kind === 'scalar' && scalarValue(root)).toBe(null);
    }
  });
});
