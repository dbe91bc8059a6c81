import { describe, expect, it } from 'vitest';
import { applyEdits, formatScalar } from '../../server/src/core/edits.js';

describe('formatScalar', () => {
  it.each([
    ['Aarhus C', 'Aarhus C'],
    ['Kgs. Lyngby', 'Kgs. Lyngby'],
    ['https://oestervang.dk/kontakt?x=1', 'https://oestervang.dk/kontakt?x=1'],
    ['plejeenhed', 'plejeenhed'],
    ['0800', '"0800"'],
    ['12', '"12"'],
    ['true', '"true"'],
    ['no', '"no"'],
    ['a: b', '"a: b"'],
    ['ends:', '"ends:"'],
    ['x #y', '"x #y"'],
    ['-dash', '"-dash"'],
    ['trailing ', '"trailing "'],
    ['', '""'],
  ])('writes %j in YAML as %s', (value, written) => {
    expect(formatScalar(value, 'yaml')).toBe(written);
  });

  it('always quotes in JSON', () => {
    expect(formatScalar('Aarhus C', 'json')).toBe('"Aarhus C"');
  });
});

describe('applyEdits', () => {
  it('applies edits in offset order whatever order they come in', () => {
    expect(applyEdits('abcdef', [{ start: 4, end: 5, newText: 'E' }, { start: 0, end: 1, newText: 'A' }])).toBe('AbcdEf');
  });

  it('refuses overlapping edits rather than garbling the text', () => {
    expect(() => applyEdits('abcdef', [{ start: 0, end: 3, newText: 'x' }, { start: 2, end: 4, newText: 'y' }])).toThrow(/overlapping/);
  });
});
