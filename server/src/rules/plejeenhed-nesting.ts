// plejeenhed-nesting: only the care institution itself may be typed plejeenhed, never a unit
// that gathers care units or one that subdivides a care unit (Afsnit 3, "Plejeenhed i SOR").
import { replaceScalar } from '../core/edits.js';
import type { Msg } from '../core/i18n.js';
import { msg } from '../core/i18n.js';
import type { Entity } from '../core/model.js';
import { displayName } from '../core/model.js';
import type { FixSpec, Rule, RuleContext } from '../core/rule.js';
import {
  CARE_UNIT_TYPE,
  careUnitsAbove,
  careUnitsBelow,
  isOpenCareUnit,
  nonCareTypeCandidates,
  ownScalar,
  quotedNames,
  unitTypeSpan,
} from './support/unit-types.js';

export const plejeenhedNesting: Rule = {
  id: 'plejeenhed-nesting',
  defaultSeverity: 'error',
  scope: 'file', // the retype fix offers the types the file's other units use
  fields: ['unitType', 'units'],
  values: { unitType: [CARE_UNIT_TYPE] },
  docs: {
    summary: msg(
      'En plejeenhed med en anden plejeenhed over eller under sig.',
      'A plejeenhed with another plejeenhed above or below it.',
    ),
    rationale: msg(
      'Vejledningen (afsnit 3, "Plejeenhed i SOR") kræver, at kun selve institutionen, plejehjemmet eller plejecentret, har enhedstypen plejeenhed: ikke en SOR-enhed, der samler flere plejeenheder, og ikke en, der underopdeler en plejeenhed. Plejeoverblikket viser hver plejeenhed som ét plejehjem; ligger to oven i hinanden, ved det ikke, hvilken der er institutionen.',
      'The guidance (Afsnit 3, "Plejeenhed i SOR") requires that only the institution itself, the actual nursing home or care centre, carries the unit type plejeenhed: not a SOR unit that gathers several care units, nor one that subdivides a care unit. Plejeoverblikket shows each plejeenhed as one nursing home; when two are nested it cannot tell which one is the institution.',
    ),
    remedy: msg(
      'Behold plejeenhed på den enhed, der er selve institutionen, og giv enhederne over og under den en anden enhedstype, fx den type, lignende enheder i filen har (hurtigrettelsen tilbyder dem).',
      'Keep plejeenhed on the unit that is the institution itself, and give the units above and below it another unit type, such as the type similar units in the file have (the quick-fix offers them).',
    ),
    source: 'Afsnit 3, "Plejeenhed i SOR"',
    invalidExample: `institutions:
  - name: Plejecenter Østervang
    unitType: plejeenhed
    units:
      - name: Afsnit Birken
        unitType: plejeenhed
`,
    validExample: `institutions:
  - name: Plejecenter Østervang
    unitType: plejeenhed
    units:
      - name: Afsnit Birken
        unitType: afsnit
`,
  },
  fix: {
    safe: false,
    description: msg(
      'Skift enhedstypen på den enhed, fundet står på, til en type uden for plejeenheder: de typer, lignende enheder i filen bruger, og den indstillede standardtype.',
      'Retype the unit the finding is on to a non-care type: the types similar units in the file use, and the configured default type.',
    ),
  },
  check(context) {
    for (const entity of context.document.entities) {
      if (!isOpenCareUnit(entity, context.today)) continue;
      const above = careUnitsAbove(entity, context.today);
      const below = careUnitsBelow(entity, context.today);
      const span = unitTypeSpan(entity);
      if ((above.length === 0 && below.length === 0) || !span) continue;
      context.report({
        span,
        message: nestingMessage(entity, above, below),
        action: msg(
          'Giv denne enhed en anden enhedstype, hvis den ikke selv er institutionen, ellers de andre.',
          'Give this unit another unit type if it is not the institution itself, else the others.',
        ),
        related: [
          ...relatedEnds(above, entity, msg('over', 'above')),
          ...relatedEnds(below, entity, msg('under', 'below')),
        ],
        fixes: retypeFixes(context, entity),
      });
    }
  },
};

function nestingMessage(entity: Entity, above: Entity[], below: Entity[]): Msg {
  const parts: Msg[] = [];
  if (above.length > 0) parts.push(careUnits('underopdeler', 'subdivides', above));
  if (below.length > 0) parts.push(careUnits('samler', 'gathers', below));
  const relation = msg(parts.map((part) => part.da).join(' og '), parts.map((part) => part.en).join(' and '));
  const name = displayName(entity);
  return msg(`Plejeenheden "${name}" ${relation.da}.`, `Care unit "${name}" ${relation.en}.`);
}

/** "gathers the care units "A", "B"" / "samler plejeenhederne "A", "B"". */
function careUnits(verbDa: string, verbEn: string, units: Entity[]): Msg {
  const names = quotedNames(units);
  const plural = units.length > 1;
  return msg(
    `${verbDa} ${plural ? 'plejeenhederne' : 'plejeenheden'} ${names.da}`,
    `${verbEn} the care ${plural ? 'units' : 'unit'} ${names.en}`,
  );
}

function relatedEnds(ends: Entity[], entity: Entity, where: Msg) {
  return ends.flatMap((end) => {
    const span = unitTypeSpan(end);
    if (!span) return [];
    const message = msg(
      `"${displayName(end)}", en plejeenhed ${where.da} "${displayName(entity)}"`,
      `"${displayName(end)}", a plejeenhed ${where.en} "${displayName(entity)}"`,
    );
    return [{ span, message }];
  });
}

function retypeFixes(context: RuleContext, entity: Entity): FixSpec[] {
  const scalar = ownScalar(entity, 'unitType', context.text);
  if (!scalar) return [];
  const { document, today, settings } = context;
  return nonCareTypeCandidates(document, entity, today, settings.defaultNonCareUnitType).map((type) => ({
    title: msg(`Skift enhedstype til ${type}`, `Change unit type to ${type}`),
    safe: false,
    edits: (text) => [replaceScalar(text, scalar, type, document.language)],
  }));
}
