// address-format: every open entity's postal and visiting address, part by part, against DAR's
// forms and the postcode table. Split with the `schema` rule: the schema leaves missing `street`
// and `houseNumber` keys to this rule (one finding, with the address's context) and reports values
// of the wrong type (null, a list, a JSON number); this rule reads every part written as text.
import type { MapNode, Node, ScalarNode, Span } from '../core/ast.js';
import { replaceScalar } from '../core/edits.js';
import type { Msg } from '../core/i18n.js';
import { msg } from '../core/i18n.js';
import type { Address, AddressField, Entity, Field } from '../core/model.js';
import { displayName, isCareUnit, isClosed } from '../core/model.js';
import { isEmptyValue } from '../core/inheritance.js';
import type { FixSpec, PostcodeEntry, Rule, RuleContext, Wording } from '../core/rule.js';
import { bundledPostcodes, POSTCODE_FILE_SETTING } from '../address/postcodes.js';

const HOUSE_NUMBER = /^[1-9]\d{0,2}[A-Z]?$/;
/** st, kl, k2…k9 (DAWA writes kl2…kl9), 1-99. */
const FLOOR = /^(?:st|kl|kl?[2-9]|[1-9]\d?)$/;
/** tv, th, mf, 1-9999, or up to 4 lowercase letters (digits beside them) with / and -, as DAR's door field holds. */
const DOOR = /^(?:tv|th|mf|[1-9]\d{0,3}|(?=[^a-zæøå]*[a-zæøå])[a-zæøå0-9/-]{1,4})$/;
const POSTCODE = /^\d{4}$/;
/** Three digits: most likely 0800-0999 with the leading zero lost (a spreadsheet, a JSON number). */
const LOST_ZERO = /^\d{3}$/;

const REQUIRED_PARTS = ['street', 'houseNumber', 'postalCode'] as const;

const PART_FORMS = { houseNumber: HOUSE_NUMBER, floor: FLOOR, door: DOOR, postalCode: POSTCODE } as const;

function failsForm(value: Node | undefined, form: RegExp): boolean {
  return value?.kind === 'scalar' && value.text !== null && value.text.trim() !== '' && !form.test(value.text);
}

/** The part's name, and in Danish its definite form (all three are neuter: "husnummeret … det"). */
const PART_NAMES: Record<(typeof REQUIRED_PARTS)[number], Msg & { daDefinite: string }> = {
  street: { ...msg('vejnavn', 'street name'), daDefinite: 'vejnavnet' },
  houseNumber: { ...msg('husnummer', 'house number'), daDefinite: 'husnummeret' },
  postalCode: { ...msg('postnummer', 'postcode'), daDefinite: 'postnummeret' },
};

export const addressFormat: Rule = {
  id: 'address-format',
  defaultSeverity: 'error',
  scope: 'institution',
  fields: ['visitingAddress', 'postalAddress', 'street', 'houseNumber', 'floor', 'door', 'postalCode', 'city'],
  supersedes: [
    { keyword: 'required', property: 'street' },
    { keyword: 'required', property: 'houseNumber' },
    ...(['houseNumber', 'floor', 'door', 'postalCode'] as const).flatMap((property) => [
      { keyword: 'pattern', property },
      // A number there that is wrong as text too: this rule's finding says what to write.
      { keyword: 'type', property, when: (_owner: MapNode, _context: RuleContext, value: Node | undefined) => failsForm(value, PART_FORMS[property]) },
    ]),
  ],
  docs: {
    summary: msg(
      'En post- eller besøgsadresse, hvis dele ikke er en dansk adresse: manglende vejnavn, husnummer eller postnummer, dele i forkert form, et stormodtagerpostnummer som besøgsadresse, et ukendt postnummer eller et bynavn, der ikke passer til postnummeret.',
      'A postal or visiting address whose parts are not a Danish address: a missing street, house number or postcode, parts in the wrong form, a stormodtager postcode as visiting address, an unknown postcode, or a city that does not match the postcode.',
    ),
    rationale: msg(
      'Plejeoverblikket henter plejeenhedens adresser fra SOR og viser dem som kontaktinformation; besøgsadressen skal være en gyldig adresse i DAR, ellers melder plejeoverblikket fejl, og plejeenheden vises ikke. ' +
        'DAR skriver husnummer som 1-999 med evt. stort bogstav, etage som st, kl, k2…k9 (kl2…kl9) eller 1-99, dør som tv, th, mf, 1-9999 eller små bogstaver med / og -, og postnummer med fire cifre. ' +
        'Et stormodtagerpostnummer tilhører én virksomhed og har ingen gadeadresser, så det kan ikke være en besøgsadresse (en postadresse må gerne bruge det). ' +
        'Et bynavn, der ikke passer til postnummeret, rettes ikke automatisk: det kan lige så vel være postnummeret, der er forkert. ' +
        'Postnummertabellen, sor-lint har med, er DAWA\'s liste fra 2018: et postnummer, der ikke står i den, eller et bynavn, der ikke passer, er derfor en advarsel, ikke en fejl. ' +
        'Fordeling med reglen schema: manglende nøgler street, houseNumber og postalCode meldes her; en værdi af forkert type (tom, en liste, et tal i JSON) meldes af schema.',
      'Plejeoverblikket takes the care unit\'s addresses from SOR and shows them as contact information; the visiting address must be a valid DAR address, or plejeoverblikket reports an error and does not show the care unit. ' +
        'DAR writes a house number as 1-999 with an optional capital letter, a floor as st, kl, k2…k9 (kl2…kl9) or 1-99, a door as tv, th, mf, 1-9999 or lowercase letters with / and -, and a postcode as four digits. ' +
        'A stormodtager postcode belongs to one company and has no street addresses, so it cannot be a visiting address (a postal address may use one). ' +
        'A city that does not match its postcode is not corrected automatically: the postcode may just as well be the wrong part. ' +
        'The postcode table sor-lint ships is DAWA\'s list from 2018: a postcode missing from it, or a city that does not match, is therefore a warning, not an error. ' +
        'Split with the schema rule: missing street, houseNumber and postalCode keys are reported here; a value of the wrong type (empty, a list, a number in JSON) is reported by schema.',
    ),
    remedy: msg(
      `Skriv adressen, som den står i DAR. Bynavnet kan rettes med et klik til postnummerets officielle navn. Er et nyt postnummer ukendt, så peg sor-lint på en nyere postnummerliste i samme CSV-format med \`${POSTCODE_FILE_SETTING}\` i sor-lints konfigurationsfil.`,
      `Write the address as DAR has it. The city can be changed with one click to the postcode's official name. If a new postcode is unknown, point sor-lint at a newer postcode list in the same CSV format with \`${POSTCODE_FILE_SETTING}\` in sor-lint's configuration file.`,
    ),
    source: 'Afsnit 3, Aktivitet 3',
    invalidExample: `institutions:
  - name: Plejecenter Østervang
    unitType: plejeenhed
    visitingAddress:
      street: Østervangsvej
      houseNumber: 12a
      floor: 1.
      postalCode: "1092"
      city: Aarhus
`,
    validExample: `institutions:
  - name: Plejecenter Østervang
    unitType: plejeenhed
    visitingAddress:
      street: Østervangsvej
      houseNumber: 12A
      floor: "1"
      postalCode: "8000"
      city: Aarhus C
`,
  },
  fix: {
    // The postcode may be the wrong part (RULES.md): the city is a guess, never applied by --fix.
    safe: false,
    description: msg(
      'Foreslår postnummerets officielle bynavn, og et foranstillet nul i et trecifret postnummer.',
      "Suggests the postcode's official city name, and a leading zero for a three-digit postcode.",
    ),
  },
  check(context) {
    for (const entity of context.document.entities) {
      // Read by name: most entities (units) have neither address.
      const { visitingAddress, postalAddress } = entity.addresses;
      if ((!visitingAddress && !postalAddress) || isClosed(entity, context.today)) continue;
      checkAddress(context, entity, 'visitingAddress', visitingAddress);
      checkAddress(context, entity, 'postalAddress', postalAddress);
    }
  },
};

function checkAddress(context: RuleContext, entity: Entity, field: AddressField, address: Address | undefined): void {
  // A care unit's address with every part blank is careunit-contact-missing's "fill it in".
  if (!address?.map || (isCareUnit(entity) && isEmptyValue(address))) return;
  // Named when there is something to report, which most addresses do not have.
  const addressOf = () => addressLabel(entity, field);
  for (const part of REQUIRED_PARTS) {
    const value = address.parts[part];
    // A syntax error cut the mapping short: the part may be in the text not read.
    if (!value && address.map?.complete) reportMissing(context, address.key, addressOf, part);
    else if (value && textOf(value)?.trim() === '') reportMissing(context, value.pair.value, addressOf, part);
  }
  checkForm(context, address.parts.houseNumber, HOUSE_NUMBER, addressOf, (written, where) => ({
    message: msg(
      `Husnummeret "${written}" i ${where.da} er ikke et dansk husnummer.`,
      `The house number "${written}" in ${where.en} is not a Danish house number.`,
    ),
    action: msg('Skriv 1-999 med evt. et stort bogstav, fx 12A, som i DAR.', 'Write 1-999 with an optional capital letter, e.g. 12A, as DAR has it.'),
  }));
  checkForm(context, address.parts.floor, FLOOR, addressOf, (written, where) => ({
    message: msg(`Etagen "${written}" i ${where.da} er ikke en af DAR's etagebetegnelser.`, `The floor "${written}" in ${where.en} is not one of DAR's floor designations.`),
    action: msg('Skriv st, kl, k2…k9 eller 1-99 som i DAR, eller fjern etagen.', 'Write st, kl, k2…k9 or 1-99 as DAR has it, or remove the floor.'),
  }));
  checkForm(context, address.parts.door, DOOR, addressOf, (written, where) => ({
    message: msg(`Døren "${written}" i ${where.da} er ikke en af DAR's dørbetegnelser.`, `The door "${written}" in ${where.en} is not one of DAR's door designations.`),
    action: msg(
      'Skriv tv, th, mf, 1-9999 eller op til 4 tegn af små bogstaver, cifre, / og - som i DAR, eller fjern døren.',
      'Write tv, th, mf, 1-9999 or up to 4 lowercase letters, digits, / and - as DAR has it, or remove the door.',
    ),
  }));
  checkPostcode(context, address, field, addressOf);
}

/** The part's value as text; undefined for null or a non-scalar, which the schema reports. */
function textOf(field: Field | undefined): string | undefined {
  return field?.text ?? undefined;
}

function reportMissing(context: RuleContext, span: Span, addressOf: () => Msg, part: (typeof REQUIRED_PARTS)[number]): void {
  const name = PART_NAMES[part];
  const where = addressOf();
  context.report({
    span,
    message: msg(`${capitalise(where.da)} mangler ${name.da} (\`${part}\`).`, `${capitalise(where.en)} has no ${name.en} (\`${part}\`).`),
    action: msg(`Udfyld ${name.daDefinite}, som det står i DAR.`, `Fill in the ${name.en} as DAR has it.`),
  });
}

/** A non-blank part that does not match its DAR form. */
function checkForm(context: RuleContext, field: Field | undefined, form: RegExp, addressOf: () => Msg, wording: (written: string, where: Msg) => Wording): void {
  const written = textOf(field);
  if (field && written !== undefined && written.trim() !== '' && !form.test(written)) {
    context.report({ span: field.pair.value, ...wording(written, addressOf()) });
  }
}

function checkPostcode(context: RuleContext, address: Address, field: AddressField, addressOf: () => Msg): void {
  const postalCode = address.parts.postalCode;
  const code = textOf(postalCode);
  if (!postalCode || code === undefined || code.trim() === '') return;
  const table = context.settings.postcodes;
  if (!POSTCODE.test(code)) {
    context.report({ span: postalCode.pair.value, ...notFourDigits(code, addressOf()), fixes: leadingZeroFix(context, address, postalCode, code) });
    return;
  }
  const entry = table.get(code);
  if (!entry) {
    context.report({ span: postalCode.pair.value, ...unknownPostcode(context, code, addressOf()), severity: 'warning' });
    return;
  }
  if (entry.stormodtager && field === 'visitingAddress') {
    const where = addressOf();
    context.report({
      span: postalCode.pair.value,
      message: msg(
        `Postnummer ${code} (${entry.name}) i ${where.da} er et stormodtagerpostnummer uden gadeadresser.`,
        `Postcode ${code} (${entry.name}) in ${where.en} is a stormodtager code with no street addresses.`,
      ),
      action: msg('Brug postnummeret for den gade, enheden ligger på.', 'Use the postcode of the street the unit lies on.'),
    });
  }
  checkCity(context, address, code, entry, addressOf);
}

function notFourDigits(code: string, where: Msg): Wording {
  const lostZero = LOST_ZERO.test(code);
  return {
    message: msg(`Postnummeret "${code}" i ${where.da} er ikke fire cifre.`, `The postcode "${code}" in ${where.en} is not four digits.`),
    action: lostZero
      ? msg(`Er et foranstillet nul gået tabt, så skriv "0${code}" i anførselstegn.`, `If a leading zero was lost, write "0${code}" in quotes.`)
      : msg('Skriv det firecifrede postnummer.', 'Write the four-digit postcode.'),
  };
}

/** `800` for `0800`: offered, not applied, since the user may have meant another code. */
function leadingZeroFix(context: RuleContext, address: Address, postalCode: Field, code: string): FixSpec[] | undefined {
  const padded = `0${code}`;
  const node = writtenScalar(address, postalCode);
  if (!LOST_ZERO.test(code) || !context.settings.postcodes.get(padded) || !node) return undefined;
  return [
    {
      title: msg(`Skriv postnummeret som "${padded}"`, `Write the postcode as "${padded}"`),
      safe: false,
      edits: (text) => [replaceScalar(text, node, padded, context.document.language)],
    },
  ];
}

function unknownPostcode(context: RuleContext, code: string, where: Msg): Wording {
  const table = context.settings.postcodes;
  if (table === bundledPostcodes) {
    return {
      message: msg(
        `Postnummer ${code} i ${where.da} står ikke i sor-lints postnummertabel (${table.source}).`,
        `Postcode ${code} in ${where.en} is not in sor-lint's postcode table (${table.source}).`,
      ),
      action: msg(
        `Tjek postnummeret; er det rigtigt, så peg \`${POSTCODE_FILE_SETTING}\` på en nyere postnummerliste.`,
        `Check the postcode; if it is right, point \`${POSTCODE_FILE_SETTING}\` at a newer postcode list.`,
      ),
    };
  }
  return {
    message: msg(`Postnummer ${code} i ${where.da} står ikke i postnummerlisten ${table.source}.`, `Postcode ${code} in ${where.en} is not in the postcode list ${table.source}.`),
    action: msg('Tjek postnummeret.', 'Check the postcode.'),
  };
}

function checkCity(context: RuleContext, address: Address, code: string, entry: PostcodeEntry, addressOf: () => Msg): void {
  const city = address.parts.city;
  const written = textOf(city);
  if (!city || written === undefined || sameCity(written, entry.name)) return;
  const where = addressOf();
  const node = writtenScalar(address, city);
  const fixes: FixSpec[] | undefined = node && [
    {
      title: msg(`Skriv bynavnet "${entry.name}"`, `Write the city "${entry.name}"`),
      safe: false,
      edits: (text) => [replaceScalar(text, node, entry.name, context.document.language)],
    },
  ];
  context.report({
    span: city.pair.value,
    severity: 'warning',
    message: msg(
      `Bynavnet "${written}" i ${where.da} passer ikke til postnummer ${code}, hvis officielle navn er "${entry.name}".`,
      `The city "${written}" in ${where.en} does not match postcode ${code}, whose official name is "${entry.name}".`,
    ),
    action: msg(`Skriv "${entry.name}", eller ret postnummeret, hvis det er det, der er forkert.`, `Write "${entry.name}", or correct the postcode if that is what is wrong.`),
    fixes,
  });
}

/**
 * The part's scalar as written in this address itself. Through an alias or a merge key the value
 * lives elsewhere, and rewriting it there would change every address that shares it.
 */
function writtenScalar(address: Address, field: Field): ScalarNode | undefined {
  const own = address.map?.entries.includes(field.pair);
  return own && field.pair.value.kind === 'scalar' ? field.pair.value : undefined;
}

/** Same city for the match decision: spacing and case aside. The fix still writes the official spelling. */
function sameCity(written: string, official: string): boolean {
  // Most cities are written as the table has them: no need to normalise those (a Danish lower-casing costs).
  if (written === official) return true;
  const normalise = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');
  return normalise(written) === normalise(official);
}

function addressLabel(entity: Entity, field: AddressField): Msg {
  const name = displayName(entity);
  return field === 'visitingAddress'
    ? msg(`besøgsadressen for "${name}"`, `the visiting address of "${name}"`)
    : msg(`postadressen for "${name}"`, `the postal address of "${name}"`);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
