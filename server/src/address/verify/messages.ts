// The texts of the online verdicts that the `address-unverified` rule carries (the rule's own
// offline message lives in its module); `address-not-in-dar`'s are in that rule's module. Each is
// a message and an action of one sentence; the why is on the rule's page.
import type { Msg } from '../../core/i18n.js';
import type { Wording } from '../../core/rule.js';
import { msg } from '../../core/i18n.js';
import type { FailureReason, RegisterAddress } from './types.js';
import { addressLine } from './types.js';

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

export function unavailableWording(unit: string, reason: FailureReason, detail: string | undefined): Wording {
  const why = FAILURES[reason];
  const suffix = detail ? ` (${detail})` : '';
  return {
    message: msg(`Besøgsadressen for "${unit}" kunne ikke tjekkes i DAR nu: ${why.da}${suffix}.`, `The visiting address of "${unit}" could not be verified in DAR now: ${why.en}${suffix}.`),
    action: msg('Tjekket prøves igen ved næste kørsel; indtil da gælder det, sor-lint kan se uden net.', 'The check runs again next time; until then, what sor-lint can see offline stands.'),
  };
}

/** An exact match the file does not fully record: its id, or DAR's spelling of some parts. */
export function verifiedWording(unit: string, address: RegisterAddress, changes: string[], idRecorded: boolean): Wording {
  const spelling = changes.length > 0 ? msg(`; DAR skriver: ${changes.join(', ')}`, `; DAR writes: ${changes.join(', ')}`) : msg('', '');
  return {
    message: msg(`Besøgsadressen for "${unit}" findes i DAR som "${registerLine(address)}"${spelling.da}.`, `The visiting address of "${unit}" is in DAR as "${registerLine(address)}"${spelling.en}.`),
    action: idRecorded
      ? msg("Skriv DAR's stavemåde i filen (hurtig rettelse).", "Write DAR's spelling into the file (quick-fix).")
      : msg('Skriv adressens `darId` i filen (hurtig rettelse), så den er bekræftet uden net.', 'Record its `darId` in the file (quick-fix) so it is confirmed offline too.'),
  };
}

/** The recorded id names an address whose parts differ from the written ones beyond spelling. */
export function mismatchWording(unit: string, address: RegisterAddress, changes: string[]): Wording {
  return {
    message: msg(
      `Besøgsadressen for "${unit}" har \`darId\` for "${registerLine(address)}", men filen skriver adressen anderledes: ${changes.join(', ')}.`,
      `The visiting address of "${unit}" has the \`darId\` of "${registerLine(address)}", but the file writes the address differently: ${changes.join(', ')}.`,
    ),
    action: msg("Ret adressen eller id'et, så de er den samme adresse.", 'Correct the address or the id so they are the same address.'),
  };
}

export function provisionalWording(unit: string, address: RegisterAddress): Wording {
  return {
    message: msg(
      `Besøgsadressen for "${unit}", "${registerLine(address)}", er kun foreløbig i DAR, så plejeoverblikket kan afvise den.`,
      `The visiting address of "${unit}", "${registerLine(address)}", is only provisional (foreløbig) in DAR, so plejeoverblikket may reject it.`,
    ),
    action: msg('Tjek med kommunen, at adressen bliver gældende.', 'Check with the municipality that the address becomes current.'),
  };
}

export function nearWording(unit: string, written: string, candidates: readonly RegisterAddress[]): Wording {
  const list = candidates.map((candidate) => `"${registerLine(candidate)}"`).join('; ');
  return {
    message: msg(`Besøgsadressen for "${unit}", "${written}", findes ikke præcist sådan i DAR; nærmeste: ${list}.`, `The visiting address of "${unit}", "${written}", is not in DAR exactly as written; closest: ${list}.`),
    action: msg('Vælg den rigtige (hurtig rettelse), eller ret adressen.', 'Pick the right one (quick-fix) or correct the address.'),
  };
}

export function writeAddressTitle(address: RegisterAddress): Msg {
  return msg(`Skriv DAR-adressen "${registerLine(address)}"`, `Write the DAR address "${registerLine(address)}"`);
}

export function recordIdTitle(address: RegisterAddress): Msg {
  return msg(`Skriv darId ${address.id} (${addressLine(address)})`, `Record darId ${address.id} (${addressLine(address)})`);
}
