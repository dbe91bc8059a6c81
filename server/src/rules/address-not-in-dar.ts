// address-not-in-dar: online verification is on and the national address register (DAR) has no
// such address, or does not know the `darId` the file records, or has retired the address. Offline
// nothing can show this, so the rule's check reports nothing: its findings come from the online
// verdicts (server/src/address/verify/document.ts), which build them with the wordings below.
import { msg } from '../core/i18n.js';
import type { Msg } from '../core/i18n.js';
import type { Rule, Wording } from '../core/rule.js';

export const ADDRESS_NOT_IN_DAR_ID = 'address-not-in-dar';

export const addressNotInDar: Rule = {
  id: ADDRESS_NOT_IN_DAR_ID,
  defaultSeverity: 'error',
  scope: 'institution',
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

/** What to do when the register has no such address: the register's closest ones are quick-fixes, if any. */
function correctAddress(hasCandidates: boolean): Msg {
  return hasCandidates
    ? msg('Ret adressen, eller vælg en af registrets nærmeste adresser (hurtig rettelse).', 'Correct the address, or pick one of the register’s closest addresses (quick-fix).')
    : msg('Ret adressen, så den er en adresse i DAR.', 'Correct the address so it is an address in DAR.');
}

export function notInDarWording(unit: string, written: string, hasCandidates: boolean): Wording {
  return {
    message: msg(`Besøgsadressen for "${unit}", "${written}", findes ikke i DAR.`, `The visiting address of "${unit}", "${written}", is not in DAR.`),
    action: correctAddress(hasCandidates),
  };
}

export function unknownDarIdWording(unit: string, darId: string, hasCandidates: boolean): Wording {
  return {
    message: msg(
      `DAR kender ikke adresse-id'et ${darId} i besøgsadressen for "${unit}".`,
      `DAR does not know the address id ${darId} in the visiting address of "${unit}".`,
    ),
    action: correctAddress(hasCandidates),
  };
}

export function retiredWording(unit: string, registered: string, status: 4 | 5): Wording {
  const [da, en] = status === 4 ? ['nedlagt', 'retired (nedlagt)'] : ['henlagt', 'withdrawn (henlagt)'];
  return {
    message: msg(
      `Besøgsadressen for "${unit}", "${registered}", er ${da} i DAR og er ikke længere en gyldig adresse.`,
      `The visiting address of "${unit}", "${registered}", is ${en} in DAR and no longer a valid address.`,
    ),
    action: correctAddress(false),
  };
}
