// address-not-in-dar: online verification is on and the national address register (DAR) has no
// such address, or does not know the `darId` the file records, or has retired the address. Offline
// nothing can show this, so the rule's check reports nothing: its findings come from the online
// verdicts (server/src/address/verify/document.ts), which build them with the messages below.
import { msg } from '../core/i18n.js';
import type { Msg } from '../core/i18n.js';
import type { Rule } from '../core/rule.js';

export const ADDRESS_NOT_IN_DAR_ID = 'address-not-in-dar';

/** Why it matters and what to do, appended to every message of the rule. */
export const NOT_IN_DAR_WHY = msg(
  'Besøgsadressen skal være en gyldig adresse i Danmarks Adresseregister (DAR): ellers melder plejeoverblikket fejl, og plejeenheden vises ikke (Aktivitet 3, "Særligt om besøgsadressen"). Ret adressen, eller vælg en af registrets adresser (hurtig rettelse).',
  'The visiting address must be a valid address in Danmarks Adresseregister (DAR): otherwise plejeoverblikket reports an error and the care unit is not shown (Aktivitet 3, "Særligt om besøgsadressen"). Correct the address, or pick one of the register’s addresses (quick-fix).',
);

export const addressNotInDar: Rule = {
  id: ADDRESS_NOT_IN_DAR_ID,
  defaultSeverity: 'error',
  fields: ['visitingAddress', 'darId'],
  docs: {
    summary: msg(
      'En plejeenheds besøgsadresse, som adresseregistret (DAR) ikke har, eller som det har nedlagt, eller et `darId`, som registret ikke kender. Kun med online adressetjek slået til.',
      "A care unit's visiting address that the address register (DAR) does not have, or has retired, or a `darId` the register does not know. Only with online address verification turned on.",
    ),
    rationale: msg(
      'Vejledningen (Aktivitet 3, "Særligt om besøgsadressen"): besøgsadressen skal være en gyldig adresse i DAR; SOR markerer en adresse, der ikke kan vises på kort, med et X, og plejeoverblikket melder fejl og viser ikke plejeenheden. ' +
        'Når online adressetjek er slået til, spørger sor-lint den adressetjeneste, brugeren har valgt (Adressevask eller en DAWA-kompatibel tjeneste), og melder denne fejl, når tjenesten svarer, at adressen ikke findes, er nedlagt eller henlagt, eller at det registrerede `darId` er ukendt. ' +
        'Kan tjenesten ikke nås, meldes kun "kunne ikke tjekkes nu" som information, aldrig denne fejl.',
      'The guidance (Aktivitet 3, "Særligt om besøgsadressen"): the visiting address must be a valid DAR address; SOR marks an address it cannot show on a map with an X, and plejeoverblikket reports an error and does not show the care unit. ' +
        'With online address verification turned on, sor-lint asks the address service the user chose (Adressevask or a DAWA-compatible service) and reports this error when the service answers that the address does not exist, is retired (nedlagt or henlagt), or that the recorded `darId` is unknown. ' +
        'When the service cannot be reached, only "could not verify now" is reported, as information, never this error.',
    ),
    remedy: msg(
      'Ret besøgsadressen, så den er en adresse i DAR (vej, husnummer, etage, dør og postnummer, som DAR skriver dem), eller vælg en af de nærmeste adresser, registret foreslår, som hurtig rettelse: den skriver adressen og dens `darId`. Er adressen ny, må den oprettes i DAR af kommunen, før plejeoverblikket kan vise enheden.',
      'Correct the visiting address so it is an address in DAR (street, house number, floor, door and postcode as DAR writes them), or pick one of the closest addresses the register suggests as a quick-fix: it writes the address and its `darId`. If the address is new, the municipality must register it in DAR before plejeoverblikket can show the unit.',
    ),
    source: 'Afsnit 3, Aktivitet 3, "Særligt om besøgsadressen"',
    invalidExample: `institutions:
  - name: Plejecenter Østervang
    unitType: plejeenhed
    visitingAddress:
      street: Østervangsvej
      houseNumber: "99"
      postalCode: "8000"
      city: Aarhus C
`,
    validExample: `institutions:
  - name: Plejecenter Østervang
    unitType: plejeenhed
    visitingAddress:
      street: Østervangsvej
      houseNumber: "12"
      postalCode: "8000"
      city: Aarhus C
      darId: 0a3f50a0-73bf-32b8-e044-0003ba298018
`,
  },
  fix: {
    safe: false,
    description: msg(
      'Skriver en af de nærmeste adresser, registret foreslår, med dens `darId` (en for hver kandidat).',
      'Writes one of the closest addresses the register suggests, with its `darId` (one per candidate).',
    ),
  },
  // Offline there is nothing to check: the online verdicts report for this rule.
  check() {},
};

export function notInDarMessage(unit: string, written: string, hasCandidates: boolean): Msg {
  const offer = hasCandidates ? msg(' Registret foreslår de nærmeste adresser som hurtige rettelser.', ' The register suggests the closest addresses as quick-fixes.') : msg('', '');
  return msg(
    `Besøgsadressen for "${unit}", "${written}", findes ikke i DAR.${offer.da} ${NOT_IN_DAR_WHY.da}`,
    `The visiting address of "${unit}", "${written}", is not in DAR.${offer.en} ${NOT_IN_DAR_WHY.en}`,
  );
}

export function unknownDarIdMessage(unit: string, darId: string, hasCandidates: boolean): Msg {
  const offer = hasCandidates ? msg(' Registret foreslår adresser, der ligner den skrevne, som hurtige rettelser.', ' The register suggests addresses like the written one as quick-fixes.') : msg('', '');
  return msg(
    `DAR kender ikke adresse-id'et ${darId} i besøgsadressen for "${unit}" (ukendt, nedlagt eller henlagt).${offer.da} ${NOT_IN_DAR_WHY.da}`,
    `DAR does not know the address id ${darId} in the visiting address of "${unit}" (unknown, retired or withdrawn).${offer.en} ${NOT_IN_DAR_WHY.en}`,
  );
}

export function retiredMessage(unit: string, registered: string, status: 4 | 5): Msg {
  const [da, en] = status === 4 ? ['nedlagt', 'retired (nedlagt)'] : ['henlagt', 'withdrawn (henlagt)'];
  return msg(
    `Besøgsadressen for "${unit}", "${registered}", er ${da} i DAR og er ikke længere en gyldig adresse. ${NOT_IN_DAR_WHY.da}`,
    `The visiting address of "${unit}", "${registered}", is ${en} in DAR and no longer a valid address. ${NOT_IN_DAR_WHY.en}`,
  );
}
