// The registry: every rule the core runs, in the order their documentation lists them.
// Adding a rule: its module in this folder, its test in test/rules/, and one line here.
import { ruleDocUrl } from '../core/docs.js';
import type { Rule } from '../core/rule.js';
import { plejeenhedNesting } from './plejeenhed-nesting.js';
import { plejehjemRetype } from './plejehjem-retype.js';
import { careunitContactMissing } from './careunit-contact-missing.js';
import { contactFormat } from './contact-format.js';
import { addressFormat } from './address-format.js';
import { addressUnverified } from './address-unverified.js';
import { addressNotInDar } from './address-not-in-dar.js';
import { legalBasis } from './legal-basis.js';
import { legalBasisPending } from './legal-basis-pending.js';
import { careunitNewLevel } from './careunit-new-level.js';
import { providerCvr } from './provider-cvr.js';
import { sorCode } from './sor-code.js';
import { noCareunit } from './no-careunit.js';
import { unitTypeCode } from './unit-type-code.js';
import { schema } from './schema.js';
import { encoding } from './encoding.js';
import { unknownDirective } from './unknown-directive.js';

export const allRules: readonly Rule[] = [
  plejeenhedNesting,
  plejehjemRetype,
  careunitContactMissing,
  contactFormat,
  addressFormat,
  addressUnverified,
  addressNotInDar,
  legalBasis,
  legalBasisPending,
  careunitNewLevel,
  providerCvr,
  sorCode,
  noCareunit,
  unitTypeCode,
  schema,
  encoding,
  unknownDirective,
];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((rule) => rule.id === id);
}

/** The rules that read a key, from their metadata (hover names them, linking their documentation). */
export function rulesConcerningKey(key: string): string[] {
  return allRules.filter((rule) => rule.fields.includes(key)).map((rule) => rule.id);
}

/** The rules that speak about one value of a key (`unitType: plejehjem`), compared without case. */
export function rulesConcerningValue(key: string, value: string): string[] {
  const normalised = value.trim().toLowerCase();
  return allRules.filter((rule) => rule.values?.[key]?.includes(normalised)).map((rule) => rule.id);
}

/** The rule's documentation page; undefined for what is no registered rule (a parse error). */
export function docsUrlOf(ruleId: string): string | undefined {
  return ruleById(ruleId) ? ruleDocUrl(ruleId) : undefined;
}
