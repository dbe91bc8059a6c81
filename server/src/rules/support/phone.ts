// A Danish phone number: 8 digits, the first 2-9, optionally after +45 or 0045, with single spaces
// between digit groups. A number whose digits are right but whose separators are not can be
// rewritten unambiguously.

export type PhoneProblem = 'characters' | 'foreign' | 'digit-count' | 'first-digit' | 'separators';

const WELL_FORMED = /^(?:(?:\+45|0045) ?)?[2-9](?: ?\d){7}$/;
/** What people put between digit groups: spaces of any kind, hyphens, dots, slashes, brackets. */
const SEPARATORS = /[\s.\-/()]/g;
const COUNTRY_PREFIX = /^(\+45|0045)/;

export interface PhoneCheck {
  problem: PhoneProblem;
  /** The same number in the house style (`86 12 34 56`, `+45 86 12 34 56`) when only the separators are wrong. */
  normalised?: string;
}

/** What is wrong with a phone number, or undefined when it is well formed. */
export function checkPhone(value: string): PhoneCheck | undefined {
  if (WELL_FORMED.test(value)) return undefined;
  const compact = value.replace(SEPARATORS, '');
  const prefix = COUNTRY_PREFIX.exec(compact)?.[1];
  const national = prefix ? compact.slice(prefix.length) : compact;
  if (!prefix && /^(?:\+|00)/.test(compact)) return { problem: 'foreign' };
  if (!/^\d+$/.test(national)) return { problem: 'characters' };
  if (national.length !== 8) return { problem: 'digit-count' };
  if (!/^[2-9]/.test(national)) return { problem: 'first-digit' };
  const pairs = national.match(/\d\d/g)!.join(' ');
  return { problem: 'separators', normalised: prefix ? `${prefix} ${pairs}` : pairs };
}
