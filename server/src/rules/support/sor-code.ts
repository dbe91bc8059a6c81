// The structure of a SOR code (FORMAT.md): a SNOMED CT-style identifier, i.e. a running number,
// the Danish namespace 1000016, a 2-digit partition (00 in every code seen) and a Verhoeff check
// digit. The first possible code is 11000016002, so codes have 11 to 18 digits.
import { verhoeffCheckDigit, verhoeffValid } from './verhoeff.js';

export const SOR_NAMESPACE = '1000016';
export const SOR_PARTITION = '00';
export const SOR_CODE_MIN_DIGITS = 11;
export const SOR_CODE_MAX_DIGITS = 18;

export type SorCodeCheck =
  /** Errors: not a SOR code at all. */
  | { kind: 'not-digits' }
  | { kind: 'length'; digits: number }
  /** Digits of the right length; the warnings below say what looks mistyped. */
  | {
      kind: 'digits';
      /** The 9 digits before the check digit when they are not namespace + partition. */
      wrongNamespace: string | undefined;
      /** The check digit the other digits call for, when the written one differs. */
      expectedCheckDigit: string | undefined;
    };

export function checkSorCode(code: string): SorCodeCheck {
  if (!/^\d+$/.test(code)) return { kind: 'not-digits' };
  if (code.length < SOR_CODE_MIN_DIGITS || code.length > SOR_CODE_MAX_DIGITS) return { kind: 'length', digits: code.length };
  const beforeCheckDigit = code.slice(-10, -1);
  return {
    kind: 'digits',
    wrongNamespace: beforeCheckDigit === SOR_NAMESPACE + SOR_PARTITION ? undefined : beforeCheckDigit,
    expectedCheckDigit: verhoeffValid(code) ? undefined : verhoeffCheckDigit(code.slice(0, -1)),
  };
}
