// What the editor explains beyond the schema: the common unit types (the schema allows any SOR
// type name, so it lists none) and which rules look at a key or a value.
import type { Msg } from '../core/i18n.js';
import { msg } from '../core/i18n.js';

export const COMMON_UNIT_TYPES: readonly { value: string; description: Msg }[] = [
  {
    value: 'plejeenhed',
    description: msg(
      'Plejeenhed: den ene SOR-enhed, der er selve plejeinstitutionen (plejehjemmet/plejecentret); den vises på plejeoverblikket.dk. Ingen anden plejeenhed må ligge over eller under den.',
      'Care unit (plejeenhed): the one SOR unit that is the care institution itself (the nursing home); plejeoverblikket.dk shows it. No other care unit may stand above or below it.',
    ),
  },
  {
    value: 'plejehjem',
    description: msg(
      'Plejehjem: den ældre enhedstype. En enhed af denne type, der er selve plejeinstitutionen, skal nu have typen plejeenhed; en, der ikke er, beholder typen.',
      'Nursing home (plejehjem): the older unit type. A unit of this type that is the care institution itself must now be typed plejeenhed; one that is not keeps its type.',
    ),
  },
  {
    value: 'afsnit',
    description: msg('Afsnit: en del af en institution, fx et bo-afsnit under en plejeenhed.', 'Section (afsnit): part of an institution, e.g. a living section under a care unit.'),
  },
];

/** The rules that read a key (hover names them, linking their documentation). */
export const RULES_OF_KEY: Readonly<Record<string, readonly string[]>> = {
  cvr: ['provider-cvr'],
  sorId: ['sor-code'],
  unitType: ['plejeenhed-nesting', 'plejehjem-retype'],
  legalBasis: ['legal-basis', 'legal-basis-pending'],
  careUnit: ['plejehjem-retype'],
  phone: ['contact-format', 'careunit-contact-missing'],
  email: ['contact-format', 'careunit-contact-missing'],
  website: ['contact-format', 'careunit-contact-missing'],
  visitingAddress: ['address-format', 'address-unverified', 'careunit-contact-missing'],
  postalAddress: ['address-format', 'careunit-contact-missing'],
  darId: ['address-unverified'],
  coordinates: ['address-unverified'],
};

/** The rules that speak about one value of `unitType` or `legalBasis`. */
export function rulesOfValue(key: string, value: string): readonly string[] {
  const normalised = value.trim().toLowerCase();
  if (key === 'unitType') {
    if (normalised === 'plejehjem') return ['plejehjem-retype'];
    if (normalised === 'plejeenhed') return ['plejeenhed-nesting', 'careunit-contact-missing', 'legal-basis', 'careunit-new-level'];
    return [];
  }
  if (key === 'legalBasis') return normalised === 'aeldreboligloven' ? ['legal-basis', 'legal-basis-pending'] : ['legal-basis'];
  return [];
}
