import { describe, expect, it } from 'vitest';
import { verhoeffCheckDigit, verhoeffValid } from '../../../server/src/rules/support/verhoeff.js';

// Codes that pass by construction elsewhere: SNOMED CT concept ids (which carry Verhoeff digits)
// and the SOR codes FORMAT.md gives.
const VALID = ['2363', '22232009', '42665001', '138875005', '404684003', '11000016002', '698481000016007'];

/** Every code with one digit replaced by another. */
function singleDigitChanges(code: string): string[] {
  const changed: string[] = [];
  for (let i = 0; i < code.length; i++)
    for (const digit of '0123456789') if (digit !== code[i]) changed.push(code.slice(0, i) + digit + code.slice(i + 1));
  return changed;
}

/** Every code with two differing neighbours swapped. */
function adjacentSwaps(code: string): string[] {
  const swapped: string[] = [];
  for (let i = 0; i + 1 < code.length; i++)
    if (code[i] !== code[i + 1]) swapped.push(code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2));
  return swapped;
}

describe('Verhoeff', () => {
  it.each(VALID)('accepts %s and computes its check digit', (code) => {
    expect(verhoeffValid(code)).toBe(true);
    expect(verhoeffCheckDigit(code.slice(0, -1))).toBe(code.slice(-1));
  });

  it('gives the textbook check digit of 236', () => {
    expect(verhoeffCheckDigit('236')).toBe('3');
  });

  it.each(VALID)('detects every single-digit error in %s', (code) => {
    expect(singleDigitChanges(code).filter(verhoeffValid)).toEqual([]);
  });

  it.each(VALID)('detects every swap of neighbouring digits in %s', (code) => {
    expect(adjacentSwaps(code).filter(verhoeffValid)).toEqual([]);
  });

  it('makes every body valid with its computed digit, and only with that one', () => {
    for (const body of ['0', '1', '12345', '69848100001600', '99999999999999999']) {
      const digit = verhoeffCheckDigit(body);
      const passing = [...'0123456789'].filter((candidate) => verhoeffValid(body + candidate));
      expect(passing).toEqual([digit]);
    }
  });

  it.each(['', '12a3', ' 2363', '-2363'])('rejects %j, which is not digits', (text) => {
    expect(verhoeffValid(text)).toBe(false);
  });
});
