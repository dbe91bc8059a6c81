// no-careunit: a provider with no open plejeenhed has nothing to show on plejeoverblikket
// (Afsnit 2, "Opgaven": every care unit the provider runs must be registered as a plejeenhed).
// A provider is its CVR: one split over documents or files is one provider.
import { msg } from '../core/i18n.js';
import { displayName, entitySpan, isClosed } from '../core/model.js';
import type { Rule, Wording } from '../core/rule.js';
import { providerCvr } from './support/cvr.js';
import { hasOpenCareUnit, isNursingHome } from './support/unit-types.js';
import { exampleFile } from './support/examples.js';

export const noCareunit: Rule = {
  id: 'no-careunit',
  defaultSeverity: 'warning',
  scope: 'file', // a care unit anywhere in the file answers it
  fields: ['provider', 'institutions', 'unitType'],
  docs: {
    summary: msg(
      'En leverandør, hvis struktur ikke har nogen plejeenhed.',
      'A provider whose structure has no plejeenhed at all.',
    ),
    rationale: msg(
      'Plejeoverblikket henter fra SOR kun de enheder, der har enhedstypen plejeenhed; har leverandøren ingen, vises intet af den. Vejledningens opgave (afsnit 2, "Opgaven") er netop at give eksisterende plejehjem den nye enhedstype og oprette de plejeenheder, der mangler. En leverandør er sit CVR-nummer: er den delt over flere dokumenter eller filer af samme kørsel eller arbejdsområde, tæller en plejeenhed i en hvilken som helst af dem.',
      'Plejeoverblikket takes from SOR only the units typed plejeenhed; a provider with none shows nothing there. The guidance\'s task (Afsnit 2, "Opgaven") is exactly to give existing nursing homes the new unit type and to create the care units that are missing. A provider is its CVR number: split over several documents or files of one run or workspace, a care unit in any of them counts.',
    ),
    remedy: msg(
      'Giv den enhed, der er selve plejehjemmet, enhedstypen plejeenhed (afsnit 3, aktivitet 2), eller opret plejeenheden som en sundhedsinstitution (aktivitet 1b).',
      'Give the unit that is the nursing home itself the unit type plejeenhed (Afsnit 3, Aktivitet 2), or create the care unit as a health institution (Aktivitet 1b).',
    ),
    source: 'Afsnit 2, "Opgaven"',
    invalidExample: exampleFile(`  - name: Plejecenter Østervang
    unitType: plejehjem
`),
    validExample: exampleFile(`  - name: Plejecenter Østervang
    unitType: plejeenhed
`),
  },
  check(context) {
    const { document, today } = context;
    // A file cut short by a syntax error may have lost its care units: absence proves nothing.
    if (!document.provider || !document.complete) return;
    if (hasOpenCareUnit(document, today)) return;
    // One provider (one CVR) split over the documents of a stream has its care units in any of them;
    // over the files of a workspace, core/workspace.ts withdraws the finding.
    const cvr = providerCvr(document);
    if (cvr !== undefined && context.documents.some((other) => other !== document && providerCvr(other) === cvr && hasOpenCareUnit(other, today))) return;
    const nursingHomes = document.entities.filter((entity) => isNursingHome(entity) && !isClosed(entity, today)).length;
    context.report({ span: entitySpan(document.provider), ...noCareUnitWording(displayName(document.provider), nursingHomes) });
  },
};

function noCareUnitWording(provider: string, nursingHomes: number): Wording {
  const action =
    nursingHomes === 0
      ? msg(
          'Giv hvert plejehjem, leverandøren driver, typen plejeenhed, eller opret det som en sundhedsinstitution med den type.',
          'Give each nursing home the provider runs the unit type plejeenhed, or create it as a health institution of that type.',
        )
      : nursingHomes === 1
        ? msg('Er enheden med typen plejehjem selve plejehjemmet, så giv den typen plejeenhed.', 'If the unit typed plejehjem is the nursing home itself, retype it to plejeenhed.')
        : msg(
            `Giv dem af de ${nursingHomes} enheder med typen plejehjem, der er selve plejehjemmene, typen plejeenhed.`,
            `Retype those of the ${nursingHomes} units typed plejehjem that are nursing homes themselves to plejeenhed.`,
          );
  return {
    message: msg(
      `Leverandøren "${provider}" har ingen åben enhed med typen plejeenhed, så plejeoverblikket viser intet af den.`,
      `Provider "${provider}" has no open unit of type plejeenhed, so plejeoverblikket shows nothing of it.`,
    ),
    action,
  };
}
