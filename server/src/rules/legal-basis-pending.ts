// The guidance's footnote 1 (on Afsnit 3, item 3): handling of plejebolig buildings under that law
// is being clarified, and no new SOR registrations are to be made for now. A care unit already in
// SOR keeps its registration; one still to be created should wait.
import { msg } from '../core/i18n.js';
import { displayName, isCareUnit, isClosed, isNew } from '../core/model.js';
import type { Rule } from '../core/rule.js';

const PENDING_BASIS = 'aeldreboligloven';

export const legalBasisPending: Rule = {
  id: 'legal-basis-pending',
  defaultSeverity: 'warning',
  scope: 'institution',
  fields: ['legalBasis', 'sorId'],
  values: { legalBasis: [PENDING_BASIS] },
  docs: {
    summary: msg(
      'En ny plejeenhed (uden SOR-kode) efter ældreboligloven, hvor nye SOR-registreringer er sat i bero.',
      'A new care unit (no SOR code) under ældreboligloven, for which new SOR registrations are on hold.',
    ),
    rationale: msg(
      'Vejledningens fodnote 1 til Afsnit 3, punkt 3 (plejeboligbebyggelser efter ældreboligloven) siger, at håndteringen er under afklaring, og at der for nu ikke skal oprettes nye SOR-registreringer. En plejeenhed, der allerede er i SOR, beholder sin registrering.',
      'The guidance’s footnote 1 to Afsnit 3, item 3 (plejebolig buildings under ældreboligloven) says that their handling is being clarified and that no new SOR registrations are to be made for now. A care unit already in SOR keeps its registration.',
    ),
    remedy: msg(
      'Vent med at oprette plejeenheden i SOR, til Sundhedsdatastyrelsen har afklaret håndteringen; følg Plejeoverblikket på Sundhedsdatastyrelsens Driftsinfo, eller skriv til plejeoverblikket@sundhedsdata.dk. Hører enheden under en anden lov, så ret `legalBasis`.',
      'Wait with creating the care unit in SOR until the Health Data Authority has clarified the handling; follow Plejeoverblikket on the authority’s Driftsinfo, or write to plejeoverblikket@sundhedsdata.dk. If the unit falls under another law, correct `legalBasis`.',
    ),
    source: 'Afsnit 3, punkt 3, fodnote 1',
    invalidExample: `provider:
  name: Omsorgshuset ApS
institutions:
  - name: Plejeboligerne Kastanjen
    unitType: plejeenhed
    legalBasis: aeldreboligloven
`,
    validExample: `provider:
  name: Omsorgshuset ApS
institutions:
  - name: Plejeboligerne Kastanjen
    sorId: "698481000016007"
    unitType: plejeenhed
    legalBasis: aeldreboligloven
`,
  },
  check(context) {
    for (const entity of context.document.entities) {
      const basis = entity.fields.legalBasis;
      if (!basis || basis.text !== PENDING_BASIS || !isCareUnit(entity) || !isNew(entity) || isClosed(entity, context.today)) continue;
      const name = displayName(entity);
      context.report({
        span: basis.node,
        message: msg(
          `Den nye plejeenhed "${name}" (ingen SOR-kode) hører under ældreboligloven: nye SOR-registreringer efter den er sat i bero.`,
          `New care unit "${name}" (no SOR code) falls under ældreboligloven: new SOR registrations under it are on hold.`,
        ),
        action: msg('Vent med at oprette den i SOR, eller ret `legalBasis`, hvis en anden lov gælder.', 'Wait with creating it in SOR, or correct `legalBasis` if another law applies.'),
      });
    }
  },
};
