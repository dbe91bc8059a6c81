// no-careunit: a provider with no open plejeenhed has nothing to show on plejeoverblikket
// (Afsnit 2, "Opgaven": every care unit the provider runs must be registered as a plejeenhed).
import type { Msg } from '../core/i18n.js';
import { msg } from '../core/i18n.js';
import { displayName, entitySpan, isClosed } from '../core/model.js';
import type { Rule } from '../core/rule.js';
import { isNursingHome, isOpenCareUnit } from './support/unit-types.js';
import { exampleFile } from './support/examples.js';

export const noCareunit: Rule = {
  id: 'no-careunit',
  defaultSeverity: 'warning',
  docs: {
    summary: msg(
      'En leverandør, hvis struktur ikke har nogen plejeenhed.',
      'A provider whose structure has no plejeenhed at all.',
    ),
    rationale: msg(
      'Plejeoverblikket henter fra SOR kun de enheder, der har enhedstypen plejeenhed; har leverandøren ingen, vises intet af den. Vejledningens opgave (afsnit 2, "Opgaven") er netop at give eksisterende plejehjem den nye enhedstype og oprette de plejeenheder, der mangler.',
      'Plejeoverblikket takes from SOR only the units typed plejeenhed; a provider with none shows nothing there. The guidance\'s task (Afsnit 2, "Opgaven") is exactly to give existing nursing homes the new unit type and to create the care units that are missing.',
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
    if (document.entities.some((entity) => isOpenCareUnit(entity, today))) return;
    const nursingHomes = document.entities.filter((entity) => isNursingHome(entity) && !isClosed(entity, today)).length;
    context.report({ span: entitySpan(document.provider), message: noCareUnitMessage(displayName(document.provider), nursingHomes) });
  },
};

function noCareUnitMessage(provider: string, nursingHomes: number): Msg {
  const hint =
    nursingHomes === 0
      ? msg('', '')
      : nursingHomes === 1
        ? msg(' Strukturen har én enhed med typen plejehjem: er den selve plejehjemmet, skal den skifte type (aktivitet 2).', ' The structure has one unit typed plejehjem: if it is the nursing home itself, it must change type (Aktivitet 2).')
        : msg(
            ` Strukturen har ${nursingHomes} enheder med typen plejehjem: de af dem, der er selve plejehjemmene, skal skifte type (aktivitet 2).`,
            ` The structure has ${nursingHomes} units typed plejehjem: those that are nursing homes themselves must change type (Aktivitet 2).`,
          );
  return msg(
    `"${provider}" har ingen (åben) enhed med enhedstypen plejeenhed, så intet af leverandøren vil blive vist på plejeoverblikket, som kun henter plejeenheder fra SOR (vejledningen, afsnit 2, "Opgaven").${hint.da} Giv hvert plejehjem, leverandøren driver, enhedstypen plejeenhed, eller opret det som en sundhedsinstitution med typen plejeenhed.`,
    `"${provider}" has no (open) unit of type plejeenhed, so nothing of this provider will be shown on plejeoverblikket, which takes only care units from SOR (the guidance, Afsnit 2, "Opgaven").${hint.en} Give each nursing home the provider runs the unit type plejeenhed, or create it as a health institution typed plejeenhed.`,
  );
}
