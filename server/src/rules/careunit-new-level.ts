// careunit-new-level: self-service creates a new care unit as a health institution (klinik), so a
// new plejeenhed deeper in the tree cannot be created that way (Aktivitet 1b).
import { msg } from '../core/i18n.js';
import { displayName, isNew } from '../core/model.js';
import type { Rule } from '../core/rule.js';
import { isOpenCareUnit, unitTypeSpan } from './support/unit-types.js';

export const careunitNewLevel: Rule = {
  id: 'careunit-new-level',
  defaultSeverity: 'warning',
  scope: 'institution',
  fields: ['unitType', 'sorId', 'units'],
  values: { unitType: ['plejeenhed'] },
  docs: {
    summary: msg(
      'En ny plejeenhed (uden SOR-kode), der ikke står på institutionsniveau.',
      'A new plejeenhed (no SOR code) that does not stand at institution level.',
    ),
    rationale: msg(
      'Vejledningen (aktivitet 1b): en plejeenhed, der mangler i SOR, oprettes efter de normale retningslinjer som en sundhedsinstitution (klinik) med enhedstypen plejeenhed. Selvbetjeningsløsningen opretter den dér; en dybere struktur kan kun bygges af SOR-supporten som en manuel opgave (afsnit 2).',
      'The guidance (Aktivitet 1b): a care unit missing from SOR is created, following the normal procedure, as a health institution (klinik) typed plejeenhed. Self-service creates it there; a deeper structure can only be built by SOR support as a manual task (Afsnit 2).',
    ),
    remedy: msg(
      'Flyt den nye plejeenhed op under institutions, eller aftal en dybere struktur med SOR-supporten (SORpost@sundhedsdata.dk).',
      'Move the new care unit up under institutions, or agree a deeper structure with SOR support (SORpost@sundhedsdata.dk).',
    ),
    source: 'Afsnit 3, Aktivitet 1b',
    invalidExample: `institutions:
  - name: Omsorgshuset Jylland
    sorId: "698481000016007"
    unitType: klinik
    units:
      - name: Plejecenter Østervang
        unitType: plejeenhed
`,
    validExample: `institutions:
  - name: Plejecenter Østervang
    unitType: plejeenhed
`,
  },
  check(context) {
    for (const entity of context.document.entities) {
      if (entity.level !== 'unit' || !isNew(entity) || !isOpenCareUnit(entity, context.today)) continue;
      const span = unitTypeSpan(entity);
      if (!span) continue;
      const parent = entity.parent ? displayName(entity.parent) : '';
      context.report({
        span,
        message: msg(
          `Den nye plejeenhed "${displayName(entity)}" (ingen SOR-kode) står under "${parent}", ikke på institutionsniveau.`,
          `New care unit "${displayName(entity)}" (no SOR code) stands under "${parent}", not at institution level.`,
        ),
        action: msg('Flyt den op under `institutions`, eller aftal strukturen med SOR-supporten.', 'Move it up under `institutions`, or agree the structure with SOR support.'),
      });
    }
  },
};
