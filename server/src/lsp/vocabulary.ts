// What the editor explains beyond the schema: the common unit types (the schema allows any SOR
// type name, so it lists none). Which rules look at a key or a value is the rules' own metadata
// (rules/index.ts rulesConcerningKey, rulesConcerningValue).
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
