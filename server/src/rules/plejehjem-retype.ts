// plejehjem-retype: a unit of the older type plejehjem that looks like the care institution itself
// must now be typed plejeenhed, unless it is not a care unit under the new rules (Aktivitet 2).
import type { TextEdit } from '../core/finding.js';
import { insertPairs, removePair, replaceScalar } from '../core/edits.js';
import { msg } from '../core/i18n.js';
import type { Entity } from '../core/model.js';
import { displayName, isClosed } from '../core/model.js';
import type { FixSpec, Rule, RuleContext, Wording } from '../core/rule.js';
import {
  CARE_UNIT_TYPE,
  NURSING_HOME_TYPE,
  careUnitsAbove,
  careUnitsBelow,
  isNursingHome,
  KNOWN_TYPE_CODES,
  markedNotCareUnit,
  ownPair,
  ownScalar,
  unitTypeSpan,
} from './support/unit-types.js';

/** plejehjem's SNOMED CT code: it would contradict the type once the unit is a plejeenhed (unit-type-code). */
const NURSING_HOME_TYPE_CODE = KNOWN_TYPE_CODES[NURSING_HOME_TYPE];

export const plejehjemRetype: Rule = {
  id: 'plejehjem-retype',
  defaultSeverity: 'warning',
  scope: 'institution',
  fields: ['unitType', 'careUnit', 'unitTypeCode'],
  values: { unitType: [NURSING_HOME_TYPE] },
  docs: {
    summary: msg(
      'En enhed med typen plejehjem, der ligner selve plejeinstitutionen og derfor skal have typen plejeenhed.',
      'A unit typed plejehjem that looks like the care institution itself and so must be typed plejeenhed.',
    ),
    rationale: msg(
      'Vejledningen (afsnit 3, aktivitet 2): har virksomheden allerede sine plejehjem i SOR, skal den enhed, der er selve institutionen, skifte enhedstype til plejeenhed, for plejeoverblikket viser kun plejeenheder. En enhed med typen plejehjem, som ingen plejeenhed har over eller under sig, og som står på institutionsniveau (sundhedsinstitution) eller har sin egen besøgsadresse, ligner netop den enhed. Men en sundhedsinstitution med typen plejehjem, der efter de nye regler ikke har karakter af en plejeenhed, skal beholde sin type.',
      'The guidance (Afsnit 3, Aktivitet 2): when a provider already has its nursing homes in SOR, the unit that is the institution itself must change its unit type to plejeenhed, since plejeoverblikket shows only plejeenheder. A unit typed plejehjem with no plejeenhed above or below it that stands at institution (health institution) level or has a visiting address of its own looks like that unit. But a health institution typed plejehjem that is not a care unit under the new rules must keep its type.',
    ),
    remedy: msg(
      'Er enheden selve plejeinstitutionen, så skift enhedstypen til plejeenhed (hurtigrettelsen fjerner også en unitTypeCode 42665001, der ellers ville modsige den). Er den ikke en plejeenhed efter de nye regler, så behold typen og notér det med careUnit: false eller med kommentaren "# sor-lint-disable-next-line plejehjem-retype -- begrundelse" på linjen før.',
      'If the unit is the care institution itself, change its unit type to plejeenhed (the quick-fix also removes a unitTypeCode 42665001 that would contradict it). If it is not a care unit under the new rules, keep the type and record that with careUnit: false or with the comment "# sor-lint-disable-next-line plejehjem-retype -- reason" on the line before.',
    ),
    source: 'Afsnit 3, Aktivitet 2',
    invalidExample: `institutions:
  - name: Plejecenter Østervang
    unitType: plejehjem
`,
    validExample: `institutions:
  - name: Plejecenter Østervang
    unitType: plejeenhed
  - name: Dagcenter Østervang
    unitType: plejehjem
    careUnit: false    # not a care unit under the new rules: keeps its type
`,
  },
  fix: {
    safe: false,
    description: msg(
      'Skift enhedstypen til plejeenhed (og fjern en modstridende unitTypeCode 42665001), eller notér careUnit: false.',
      'Change the unit type to plejeenhed (and remove a contradicting unitTypeCode 42665001), or record careUnit: false.',
    ),
  },
  check(context) {
    for (const entity of context.document.entities) {
      if (!looksLikeCareInstitution(entity, context.today)) continue;
      const span = unitTypeSpan(entity);
      if (!span) continue;
      context.report({ span, ...retypeWording(entity, context), fixes: fixesFor(entity, context) });
    }
  },
};

function looksLikeCareInstitution(entity: Entity, today: string): boolean {
  if (entity.level === 'provider' || !isNursingHome(entity) || isClosed(entity, today)) return false;
  // A unit cut short by a syntax error may have lost the care units below it, or its careUnit flag.
  if (!entity.complete || markedNotCareUnit(entity)) return false;
  if (careUnitsAbove(entity, today).length > 0 || careUnitsBelow(entity, today).length > 0) return false;
  return entity.level === 'institution' || hasOwnVisitingAddress(entity);
}

function hasOwnVisitingAddress(entity: Entity): boolean {
  return entity.addresses.visitingAddress?.map !== undefined;
}

function retypeWording(entity: Entity, context: RuleContext): Wording {
  const atInstitutionLevel = entity.level === 'institution';
  const ownAddress = hasOwnVisitingAddress(entity);
  const why = msg(
    'den ' + [atInstitutionLevel && 'står på institutionsniveau', ownAddress && 'har sin egen besøgsadresse'].filter(Boolean).join(' og '),
    'it ' + [atInstitutionLevel && 'stands at institution level', ownAddress && 'has its own visiting address'].filter(Boolean).join(' and '),
  );
  // JSON has no comments, so there the field is the only way to acknowledge the unit.
  const yaml = context.document.language === 'yaml';
  const acknowledge = yaml ? 'careUnit: false' : '"careUnit": false';
  const name = displayName(entity);
  return {
    message: msg(
      `Enheden "${name}" har typen plejehjem og ligner selve plejeinstitutionen: ${why.da}.`,
      `Unit "${name}" is typed plejehjem and looks like the care institution itself: ${why.en}.`,
    ),
    action: msg(
      `Er den det, så skift typen til plejeenhed; ellers notér ${acknowledge}.`,
      `If it is, change its type to plejeenhed; if not, record ${acknowledge}.`,
    ),
  };
}

function fixesFor(entity: Entity, context: RuleContext): FixSpec[] {
  const { document } = context;
  const fixes: FixSpec[] = [];
  const unitType = ownScalar(entity, 'unitType', context.text);
  if (unitType) {
    fixes.push({
      title: msg('Skift enhedstype til plejeenhed', 'Change unit type to plejeenhed'),
      safe: false,
      edits: (text) => [replaceScalar(text, unitType, CARE_UNIT_TYPE, document.language), ...removeNursingHomeCode(entity, text)],
    });
  }
  fixes.push({
    title: msg('Markér som ikke en plejeenhed', 'Mark as not a care unit'),
    safe: false,
    edits: (text) => [insertPairs(text, entity.map, [{ key: 'careUnit', value: 'false' }], document.language, ownPair(entity, 'unitType'))],
  });
  return fixes;
}

function removeNursingHomeCode(entity: Entity, text: string): TextEdit[] {
  const code = ownPair(entity, 'unitTypeCode');
  const value = code?.value;
  if (!code || value?.kind !== 'scalar' || value.text?.trim() !== NURSING_HOME_TYPE_CODE) return [];
  return [removePair(text, entity.map, code)];
}
