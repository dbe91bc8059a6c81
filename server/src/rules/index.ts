// The registry: every rule the core runs, in the order their documentation lists them.
// Adding a rule: its module in this folder, its test in test/rules/, and one line here.
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
import { schema } from './schema.js';
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
  schema,
  unknownDirective,
];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((rule) => rule.id === id);
}
