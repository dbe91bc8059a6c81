import { describe, expect, it } from 'vitest';
import { checkSorCode } from '../../../server/src/rules/support/sor-code.js';

describe('SOR code structure', () => {
  it.each(['698481000016007', '11000016002', '999999991000016005'])('finds nothing wrong with %s', (code) => {
    expect(checkSorCode(code)).toEqual({ kind: 'digits', wrongNamespace: undefined, expectedCheckDigit: undefined });
  });

  // FORMAT.md's own example codes: they pass Verhoeff, but a digit of the partition is missing.
  it.each([
    ['70001100001608', '110000160'],
    ['70002100001605', '210000160'],
  ])("flags FORMAT.md's %s, whose digits before the check digit are %s", (code, beforeCheckDigit) => {
    expect(checkSorCode(code)).toEqual({ kind: 'digits', wrongNamespace: beforeCheckDigit, expectedCheckDigit: undefined });
  });

  it('names the check digit the other digits call for', () => {
    expect(checkSorCode('698481000016008')).toEqual({ kind: 'digits', wrongNamespace: undefined, expectedCheckDigit: '7' });
  });

  it.each(['69848100001600X', '698 481000016007', '-11000016002', ''])('calls %j not digits', (code) => {
    expect(checkSorCode(code)).toEqual({ kind: 'not-digits' });
  });

  it.each([
    ['1100001600', 10],
    ['1234567891000016007', 19],
  ])('counts the digits of %s (%i) as out of range', (code, digits) => {
    expect(checkSorCode(code)).toEqual({ kind: 'length', digits });
  });
});
