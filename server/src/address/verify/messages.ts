// The texts of the online verdicts that the `address-unverified` rule carries (the rule's own
// offline message lives in its module); `address-not-in-dar`'s are in that rule's module.
import type { Msg } from '../../core/i18n.js';
import { msg } from '../../core/i18n.js';
import type { FailureReason, RegisterAddress } from './types.js';
import { addressLine } from './types.js';

const WHY = msg(
  'Besøgsadressen skal være en gyldig adresse i Danmarks Adresseregister (DAR), ellers viser plejeoverblikket ikke plejeenheden (Aktivitet 3, "Særligt om besøgsadressen").',
  'The visiting address must be a valid address in Danmarks Adresseregister (DAR), or plejeoverblikket does not show the care unit (Aktivitet 3, "Særligt om besøgsadressen").',
);

const FAILURES: Record<FailureReason, Msg> = {
  network: msg('adressetjenesten kunne ikke nås', 'the address service could not be reached'),
  timeout: msg('adressetjenesten svarede ikke i tide', 'the address service did not answer in time'),
  'rate-limited': msg('adressetjenesten beder om færre opslag lige nu', 'the address service asks for fewer lookups right now'),
  server: msg('adressetjenesten havde en fejl', 'the address service failed'),
  malformed: msg('adressetjenestens svar kunne ikke læses', "the address service's answer could not be read"),
  unauthorized: msg('adressetjenesten afviste adgangsnøglen (token); tjek den', 'the address service refused the token; check it'),
  http: msg('adressetjenesten svarede uventet', 'the address service answered unexpectedly'),
};

/** "Vej 12, 8000 By (id …)": how a register address is named in messages and fix titles. */
export function registerLine(address: RegisterAddress): string {
  return `${addressLine(address)} (id ${address.id})`;
}

export function unavailableMessage(unit: string, reason: FailureReason, detail: string | undefined): Msg {
  const why = FAILURES[reason];
  const suffix = detail ? ` (${detail})` : '';
  return msg(
    `Besøgsadressen for "${unit}" kunne ikke tjekkes i DAR nu: ${why.da}${suffix}. Tjekket prøves igen ved næste kørsel; indtil da gælder det, sor-lint kan se uden net.`,
    `The visiting address of "${unit}" could not be verified in DAR now: ${why.en}${suffix}. The check runs again next time; until then, what sor-lint can see offline stands.`,
  );
}

/** An exact match the file does not fully record: its id, or DAR's spelling of some parts. */
export function verifiedMessage(unit: string, address: RegisterAddress, changes: string[], idRecorded: boolean): Msg {
  const spelling = changes.length > 0 ? msg(`; DAR skriver: ${changes.join(', ')}`, `; DAR writes: ${changes.join(', ')}`) : msg('', '');
  const todo = idRecorded
    ? msg("Skriv DAR's stavemåde i filen (hurtig rettelse).", "Write DAR's spelling into the file (quick-fix).")
    : msg('Skriv adressens `darId` i filen (hurtig rettelse), så den er bekræftet uden net.', 'Record its `darId` in the file (quick-fix) so it is confirmed offline too.');
  return msg(
    `Besøgsadressen for "${unit}" findes i DAR som "${registerLine(address)}"${spelling.da}. ${todo.da}`,
    `The visiting address of "${unit}" is in DAR as "${registerLine(address)}"${spelling.en}. ${todo.en}`,
  );
}

/** The recorded id names an address whose parts differ from the written ones beyond spelling. */
export function mismatchMessage(unit: string, address: RegisterAddress, changes: string[]): Msg {
  return msg(
    `Det registrerede \`darId\` i besøgsadressen for "${unit}" er DAR-adressen "${registerLine(address)}", men filen skriver adressen anderledes: ${changes.join(', ')}. Ret adressen eller id'et. ${WHY.da}`,
    `The \`darId\` recorded in the visiting address of "${unit}" is the DAR address "${registerLine(address)}", but the file writes the address differently: ${changes.join(', ')}. Correct the address or the id. ${WHY.en}`,
  );
}

export function provisionalMessage(unit: string, address: RegisterAddress): Msg {
  return msg(
    `Besøgsadressen for "${unit}", "${registerLine(address)}", er kun foreløbig i DAR: den er endnu ikke gældende, og plejeoverblikket kan afvise den, til den bliver det. Tjek med kommunen, at adressen bliver gældende.`,
    `The visiting address of "${unit}", "${registerLine(address)}", is only provisional (foreløbig) in DAR: it is not yet current, and plejeoverblikket may reject it until it is. Check with the municipality that the address becomes current.`,
  );
}

export function nearMessage(unit: string, written: string, candidates: readonly RegisterAddress[]): Msg {
  const list = candidates.map((candidate) => `"${registerLine(candidate)}"`).join('; ');
  return msg(
    `Besøgsadressen for "${unit}", "${written}", findes ikke præcist sådan i DAR. Nærmeste: ${list}. Vælg den rigtige (hurtig rettelse), eller ret adressen. ${WHY.da}`,
    `The visiting address of "${unit}", "${written}", is not in DAR exactly as written. Closest: ${list}. Pick the right one (quick-fix) or correct the address. ${WHY.en}`,
  );
}

export function writeAddressTitle(address: RegisterAddress): Msg {
  return msg(`Skriv DAR-adressen "${registerLine(address)}"`, `Write the DAR address "${registerLine(address)}"`);
}

export function recordIdTitle(address: RegisterAddress): Msg {
  return msg(`Skriv darId ${address.id} (${addressLine(address)})`, `Record darId ${address.id} (${addressLine(address)})`);
}
