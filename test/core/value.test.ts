import { describe, expect, it } from 'vitest';
import type { Node } from '../../server/src/core/ast.js';
import type { Language } from '../../server/src/core/parse.js';
import { parse } from '../../server/src/core/parse.js';
import { nodeAtPointer, pointerSegments, toValue } from '../../server/src/core/value.js';
import { billionLaughs } from '../helpers/alias-bomb.js';

function rootOf(text: string, language: Language = 'yaml'): Node {
  const parsed = parse(text, language);
  expect(parsed.errors).toEqual([]);
  return parsed.documents[0].root;
}

function valueOf(text: string, language: Language = 'yaml'): unknown {
  // Plain objects for toEqual: the builder makes prototype-less ones.
  return JSON.parse(JSON.stringify(toValue(rootOf(text, language), language)));
}

describe('toValue', () => {
  it('reads YAML plain scalars as YAML 1.2 types them (null, booleans, numbers), everything else as text', () => {
    const value = valueOf(
      'postalCode: 0800\nhouseNumber: 12\neast: 575123.50\nfromDate: 2019-03-01\ncareUnit: false\nempty:\ntilde: ~\nhex: 0x1F\n',
    );
    expect(value).toEqual({
      postalCode: 800,
      houseNumber: 12,
      east: 575123.5,
      fromDate: '2019-03-01',
      careUnit: false,
      empty: null,
      tilde: null,
      hex: 31,
    });
  });

  it('reads every form of a YAML 1.2 core number, and text that only starts like one as text', () => {
    const value = toValue(rootOf('a: +12\nb: -3\nc: .5\nd: -.inf\ne: .NaN\nf: 0o17\ng: 12a\nh: .5.5\ni: e5\nj: -x\nk: Søndergade\n'), 'yaml');
    expect(value).toEqual({ a: 12, b: -3, c: 0.5, d: -Infinity, e: NaN, f: 15, g: '12a', h: '.5.5', i: 'e5', j: '-x', k: 'Søndergade' });
  });

  it('keeps the typed value of quoted YAML scalars and block scalars', () => {
    expect(valueOf('a: "12"\nb: \'true\'\nc: |\n  two\n  lines\n')).toEqual({ a: '12', b: 'true', c: 'two\nlines\n' });
  });

  it('keeps JSON scalars typed', () => {
    expect(valueOf('{"a": 12, "b": "0800", "c": true, "d": null, "e": [1.5]}', 'json')).toEqual({ a: 12, b: '0800', c: true, d: null, e: [1.5] });
  });

  it('expands aliases and merge keys, own keys winning', () => {
    const value = valueOf('base: &base {city: Aarhus C, postalCode: "8000"}\naddress:\n  <<: *base\n  city: Aarhus N\nlist: [*base]\n');
    expect(value).toEqual({
      base: { city: 'Aarhus C', postalCode: '8000' },
      address: { city: 'Aarhus N', postalCode: '8000' },
      list: [{ city: 'Aarhus C', postalCode: '8000' }],
    });
  });

  it('keeps the first of duplicate JSON keys and treats __proto__ as data', () => {
    const parsed = parse('{"a": 1, "a": 2, "__proto__": {"polluted": true}}', 'json');
    expect(parsed.errors.map((error) => error.message.en)).toEqual([expect.stringMatching(/^The key `a` appears twice/)]);
    const value = toValue(parsed.documents[0].root, 'json') as Record<string, unknown>;
    expect(value.a).toBe(1);
    expect(Object.keys(value)).toEqual(['a', '__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('follows aliases only as far as the parser let them: a bomb becomes a bounded value', () => {
    const parsed = parse(billionLaughs(), 'yaml');
    expect(parsed.errors).toHaveLength(1);
    const value = toValue(parsed.documents[0].root, 'yaml') as Record<string, unknown>;
    expect(JSON.stringify(value).length).toBeLessThan(200_000);
    expect(value.i).toEqual(Array(9).fill(null));
  });
});

describe('nodeAtPointer', () => {
  const text = 'provider:\n  name: Omsorgshuset\ninstitutions:\n  - name: Østervang\n    postalAddress: *a\n  - "a/b": x\n';
  const withAnchor = `anchor: &a {street: Vej}\n${text}`;

  it('follows keys and list indexes to the node and its pair', () => {
    const root = rootOf(withAnchor);
    const name = nodeAtPointer(root, '/institutions/0/name')!;
    expect(withAnchor.slice(name.node.start, name.node.end)).toBe('Østervang');
    expect(name.pair?.key.text).toBe('name');
    const provider = nodeAtPointer(root, '/provider')!;
    expect(provider.node.kind).toBe('map');
    expect(provider.pair?.key.text).toBe('provider');
    const item = nodeAtPointer(root, '/institutions/1')!;
    expect(item.pair).toBeUndefined();
    expect(item.parent?.kind).toBe('seq');
  });

  it('returns the root for the empty pointer', () => {
    const root = rootOf(withAnchor);
    expect(nodeAtPointer(root, '')).toEqual({ node: root, written: root, pair: undefined, parent: undefined });
  });

  it('goes through an alias, telling where it is written and what it names', () => {
    const root = rootOf(withAnchor);
    const address = nodeAtPointer(root, '/institutions/0/postalAddress')!;
    expect(withAnchor.slice(address.written.start, address.written.end)).toBe('*a');
    // The anchored node's span starts at its anchor.
    expect(withAnchor.slice(address.node.start, address.node.end)).toBe('&a {street: Vej}');
    const street = nodeAtPointer(root, '/institutions/0/postalAddress/street')!;
    expect(withAnchor.slice(street.node.start, street.node.end)).toBe('Vej');
  });

  it('unescapes ~1 and ~0 and answers undefined for a path that is not there', () => {
    const root = rootOf(withAnchor);
    const slash = nodeAtPointer(root, '/institutions/1/a~1b')!;
    expect(withAnchor.slice(slash.node.start, slash.node.end)).toBe('x');
    expect(nodeAtPointer(root, '/institutions/7')).toBeUndefined();
    expect(nodeAtPointer(root, '/provider/missing')).toBeUndefined();
    expect(nodeAtPointer(root, '/provider/name/deeper')).toBeUndefined();
    expect(pointerSegments('/a~01/b~1c')).toEqual(['a~1', 'b/c']);
  });

  it('finds keys that a merge key brings in', () => {
    const yaml = 'base: &b {city: Aarhus C}\naddress:\n  <<: *b\n  street: Vej\n';
    const city = nodeAtPointer(rootOf(yaml), '/address/city')!;
    expect(yaml.slice(city.pair!.key.start, city.pair!.key.end)).toBe('city');
    expect(city.pair!.key.start).toBeLessThan(yaml.indexOf('address'));
  });
});
