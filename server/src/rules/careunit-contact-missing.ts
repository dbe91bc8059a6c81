// A care unit must carry its own addresses, email, website and phone: plejeoverblikket shows them
// as the unit's contact information (Aktivitet 1b, Aktivitet 3). SOR fills gaps by inheritance
// (core/inheritance.ts); a field the unit only inherits is shown, but is not the unit's own.
import type { Span } from '../core/ast.js';
import type { TextEdit } from '../core/finding.js';
import type { NewPair } from '../core/edits.js';
import { formatScalar, insertionAnchor, insertPairs } from '../core/edits.js';
import type { Msg } from '../core/i18n.js';
import { msg } from '../core/i18n.js';
import type { ContactField, EffectiveValue } from '../core/inheritance.js';
import { CONTACT_FIELDS, effectiveValue, isEmptyValue, ownValue } from '../core/inheritance.js';
import type { Address, Entity, Field } from '../core/model.js';
import { displayName, entitySpan, isCareUnit, isClosed } from '../core/model.js';
import type { FixSpec, Rule, RuleContext, Wording } from '../core/rule.js';
import { exampleFile } from './support/examples.js';

/** Danish nouns agree in gender: "ingen e-mailadresse", "intet telefonnummer", "tomt", "det". */
interface FieldLabel {
  da: string;
  daDefinite: string;
  neuter: boolean;
  en: string;
}

const FIELD_LABELS: Record<ContactField, FieldLabel> = {
  visitingAddress: { da: 'besøgsadresse', daDefinite: 'besøgsadressen', neuter: false, en: 'visiting address' },
  postalAddress: { da: 'postadresse', daDefinite: 'postadressen', neuter: false, en: 'postal address' },
  phone: { da: 'telefonnummer', daDefinite: 'telefonnummeret', neuter: true, en: 'phone number' },
  email: { da: 'e-mailadresse', daDefinite: 'e-mailadressen', neuter: false, en: 'email address' },
  website: { da: 'website', daDefinite: 'websitet', neuter: true, en: 'website' },
};

/** The parts an inserted address gets as empty placeholders: the ones every Danish address has. */
const PLACEHOLDER_ADDRESS_PARTS = ['street', 'houseNumber', 'postalCode', 'city'] as const;

export const careunitContactMissing: Rule = {
  id: 'careunit-contact-missing',
  defaultSeverity: 'error',
  scope: 'institution',
  fields: [...CONTACT_FIELDS],
  values: { unitType: ['plejeenhed'] },
  docs: {
    summary: msg(
      'En plejeenhed mangler postadresse, besøgsadresse, e-mail, website eller telefon (efter SOR’s nedarvning).',
      'A care unit lacks a postal address, visiting address, email, website or phone (after SOR’s inheritance).',
    ),
    rationale: msg(
      'Plejeoverblikket henter plejeenhedens adresser, e-mailadresse, website og telefonnummer fra SOR og viser dem som vigtig kontaktinformation for borgere, private aktører og myndigheder, herunder Ældretilsynet (Aktivitet 3). Når en plejeenhed oprettes, udfyldes alle felter inkl. e-mailadresse, telefonnummer og website (Aktivitet 1b). SOR lader en enhed uden postadresse eller uden telefon, e-mail og website arve forældrenes, og bruger postadressen som besøgsadresse, når der ingen er; et felt, plejeenheden kun arver, meldes som information med den enhed, værdien kommer fra, for vejledningen vil have plejeenhedens egne oplysninger.',
      'Plejeoverblikket takes a care unit’s addresses, email address, website and phone number from SOR and shows them as important contact information for citizens, private actors and authorities, including Ældretilsynet (Aktivitet 3). When a care unit is created, every field is filled in, including email address, phone number and website (Aktivitet 1b). SOR lets a unit without a postal address, or without phone, email and website, inherit its parent’s, and uses the postal address as visiting address when there is none; a field the care unit only inherits is reported as information naming the unit it comes from, since the guidance wants the care unit’s own.',
    ),
    remedy: msg(
      'Tilføj de manglende felter på plejeenheden selv. Hurtigrettelsen indsætter dem med tomme værdier, som du udfylder; indtil da meldes de som tomme.',
      'Add the missing fields to the care unit itself. The quick-fix inserts them with empty values for you to fill in; until then they are reported as empty.',
    ),
    source: 'Afsnit 3, Aktivitet 1b og Aktivitet 3',
    invalidExample: `provider:
  name: Omsorgshuset ApS
  cvr: "29403473"
  email: kontakt@omsorgshuset.dk
institutions:
  - name: Plejecenter Østervang
    unitType: plejeenhed
    legalBasis: friplejeboligloven
    postalAddress: { street: Østervangsvej, houseNumber: "12A", postalCode: "8000", city: Aarhus C }
    phone: ""
`,
    validExample: exampleFile(`  - name: Plejecenter Østervang
    unitType: plejeenhed
    legalBasis: friplejeboligloven
    visitingAddress: { street: Østervangsvej, houseNumber: "12A", postalCode: "8000", city: Aarhus C }
    postalAddress: { street: Østervangsvej, houseNumber: "12A", postalCode: "8000", city: Aarhus C }
    phone: "+45 86 12 34 56"
    email: kontakt@oestervang.dk
    website: https://oestervang.dk
`),
  },
  fix: {
    safe: false,
    description: msg(
      'Indsætter de manglende nøgler med tomme værdier (en adresse med tomme vej, husnummer, postnummer og by) ved plejeenhedens øvrige kontaktfelter, så du kan udfylde dem.',
      'Inserts the missing keys with empty values (an address with empty street, house number, postcode and city) beside the care unit’s other contact fields, for you to fill in.',
    ),
  },
  check(context) {
    for (const entity of context.document.entities) {
      if (isCareUnit(entity) && !isClosed(entity, context.today)) checkCareUnit(context, entity);
    }
  },
};

function checkCareUnit(context: RuleContext, unit: Entity): void {
  // A unit (or one above it) cut short by a syntax error may have the key after the cut.
  const certain = !cutShort(unit);
  const name = displayName(unit);
  const missing: ContactField[] = [];
  // "Insert all" fills every field the unit lacks of its own: missing ones and inherited ones.
  const lacking = certain ? CONTACT_FIELDS.filter((field) => !ownValue(unit, field)) : [];
  const insertAll = lacking.length > 1 ? insertFix(context, unit, lacking) : undefined;
  const insertFixes = (field: ContactField) => (insertAll ? [insertFix(context, unit, ONLY[field]), insertAll] : [insertFix(context, unit, ONLY[field])]);
  for (const field of CONTACT_FIELDS) {
    const own = ownValue(unit, field);
    if (own && isEmptyValue(own)) {
      context.report({ span: emptySpan(own), ...emptyMessage(field, name, effectiveValue(unit, field), unit) });
      continue;
    }
    // A filled key of its own is the value SOR shows.
    if (own || !certain) continue;
    const effective = effectiveValue(unit, field);
    if (!effective) {
      missing.push(field);
    } else {
      context.report({
        span: entitySpan(unit),
        ...inheritedMessage(field, name, effective, unit),
        severity: 'info',
        fixes: insertFixes(field),
      });
    }
  }
  for (const field of missing) context.report({ span: entitySpan(unit), ...missingMessage(field, name), fixes: insertFixes(field) });
}

const ONLY = Object.fromEntries(CONTACT_FIELDS.map((field) => [field, [field]])) as unknown as Record<ContactField, ContactField[]>;

function cutShort(unit: Entity): boolean {
  for (let entity: Entity | undefined = unit; entity; entity = entity.parent) if (!entity.complete) return true;
  return false;
}

/** The empty value itself; the key when there is nothing to point at (`email:`) or the value spans an address block. */
function emptySpan(value: Field | Address): Span {
  const node = value.node;
  return node.kind === 'scalar' && node.end > node.start ? node : value.key;
}

function missingMessage(field: ContactField, name: string): Wording {
  const label = FIELD_LABELS[field];
  const message =
    field === 'visitingAddress'
      ? msg(
          `Plejeenheden "${name}" har ingen besøgsadresse (\`visitingAddress\`) og ingen postadresse, SOR kan bruge i stedet.`,
          `Care unit "${name}" has no visiting address (\`visitingAddress\`), nor a postal address SOR could use instead.`,
        )
      : msg(
          `Plejeenheden "${name}" har ${label.neuter ? 'intet' : 'ingen'} ${label.da} (\`${field}\`), og ingen enhed over den har ${label.neuter ? 'et' : 'en'}.`,
          `Care unit "${name}" has no ${label.en} (\`${field}\`), and no unit above it has one.`,
        );
  return { message, action: msg(`Tilføj \`${field}\` på plejeenheden.`, `Add \`${field}\` to the care unit.`) };
}

function inheritedMessage(field: ContactField, name: string, effective: EffectiveValue, unit: Entity): Wording {
  const tail = inheritedTail(field, sourceText(effective, unit));
  return { message: msg(`Plejeenheden "${name}${tail.da}`, `Care unit "${name}${tail.en}`), action: INHERITED_ACTIONS[field] };
}

/**
 * The message after the unit's name, made once per field and source: a national file keeps a
 * note on nearly every care unit, and a message built whole is a chain of six pieces a unit.
 */
function inheritedTail(field: ContactField, source: Msg): Msg {
  let tail = inheritedTails[field].get(source);
  if (!tail) {
    const label = FIELD_LABELS[field];
    const own = label.neuter ? 'eget' : 'egen';
    tail = msg(
      `" har ${label.neuter ? 'intet' : 'ingen'} ${own} ${label.da}, så SOR bruger ${source.da}.`,
      `" has no ${label.en} of its own, so SOR uses ${source.en}.`,
    );
    inheritedTails[field].set(source, tail);
  }
  return tail;
}

/** By field, then by source (sourceText's, the same object for every unit that takes the same value). */
const inheritedTails = Object.fromEntries(CONTACT_FIELDS.map((field) => [field, new WeakMap<Msg, Msg>()])) as Record<ContactField, WeakMap<Msg, Msg>>;

/** The same for every unit, so made once: a national file has an inherited field on nearly every care unit. */
const INHERITED_ACTIONS = Object.fromEntries(
  CONTACT_FIELDS.map((field) => {
    const label = FIELD_LABELS[field];
    const own = label.neuter ? 'eget' : 'egen';
    const it = label.neuter ? 'det' : 'den';
    return [
      field,
      msg(
        `Tilføj plejeenhedens ${own} ${label.da} (\`${field}\`), medmindre ${it}, SOR bruger, er ${it} rigtige.`,
        `Add the care unit’s own \`${field}\` unless the one SOR uses is right for it.`,
      ),
    ];
  }),
) as Record<ContactField, Msg>;

function emptyMessage(field: ContactField, name: string, effective: EffectiveValue | undefined, unit: Entity): Wording {
  const label = FIELD_LABELS[field];
  const source = effective && sourceText(effective, unit);
  const it = label.neuter ? 'det' : 'den';
  return {
    message: msg(
      `${capitalise(label.daDefinite)} (\`${field}\`) på plejeenheden "${name}" er ${label.neuter ? 'tomt' : 'tom'}.`,
      `The ${label.en} (\`${field}\`) of care unit "${name}" is empty.`,
    ),
    action: source
      ? msg(`Udfyld ${it}; indtil da bruger SOR ${source.da}.`, `Fill it in; until then SOR uses ${source.en}.`)
      : msg(`Udfyld ${it}.`, 'Fill it in.'),
  };
}

/** Where an effective value that is not the unit's own comes from, with the value itself. */
function sourceText(effective: EffectiveValue, unit: Entity): Msg {
  if (effective.from === unit) {
    const value = valueText(effective.value);
    return msg(`dens postadresse (${value}) i stedet`, `its postal address (${value}) instead`);
  }
  // Another unit's value reads the same for every unit that takes it: in a national file nearly
  // every care unit inherits the provider's postal address.
  const known = effective.how === 'inherited' ? inheritedSources : standInSources;
  let text = known.get(effective.value);
  if (!text) {
    const value = valueText(effective.value);
    const from = displayName(effective.from);
    text =
      effective.how === 'inherited'
        ? msg(`værdien fra "${from}" (${value})`, `the value of "${from}" (${value})`)
        : msg(`postadressen fra "${from}" (${value}) i stedet`, `the postal address of "${from}" (${value}) instead`);
    known.set(effective.value, text);
  }
  return text;
}

/** By the value another unit gives: inherited as it is, or its postal address standing in as visiting address. */
const inheritedSources = new WeakMap<Field | Address, Msg>();
const standInSources = new WeakMap<Field | Address, Msg>();

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Søndergade 14, 8000 Aarhus C" for an address; the text of a phone, email or website. */
function valueText(value: Field | Address): string {
  if (!('parts' in value)) return value.text ?? '';
  const part = (name: keyof Address['parts']) => value.parts[name]?.text?.trim() ?? '';
  const street = [part('street'), part('houseNumber')].filter(Boolean).join(' ');
  const city = [part('postalCode'), part('city')].filter(Boolean).join(' ');
  return [street, city].filter(Boolean).join(', ');
}

function insertFix(context: RuleContext, unit: Entity, fields: ContactField[]): FixSpec {
  return { title: insertTitle(fields), safe: false, edits: (text) => [insertEdit(text, context, unit, fields)] };
}

function insertEdit(text: string, context: RuleContext, unit: Entity, fields: ContactField[]): TextEdit {
  const language = context.document.language;
  const empty = formatScalar('', language);
  const pairs: NewPair[] = fields.map((field) =>
    field === 'visitingAddress' || field === 'postalAddress'
      ? { key: field, value: '', entries: PLACEHOLDER_ADDRESS_PARTS.map((part) => ({ key: part, value: empty })) }
      : { key: field, value: empty },
  );
  return insertPairs(text, unit.map, pairs, language, insertionAnchor(unit.map, CONTACT_FIELDS, 'units'));
}

/** Made once: a national file offers the same few titles on nearly every unit. */
const INSERT_ONE_TITLES = Object.fromEntries(
  CONTACT_FIELDS.map((field) => [field, msg(`Indsæt en tom nøgle \`${field}\` til udfyldning`, `Insert an empty \`${field}\` to fill in`)]),
) as Record<ContactField, Msg>;

/** Made once per set of fields. */
const insertAllTitles = new Map<string, Msg>();

function insertTitle(fields: ContactField[]): Msg {
  if (fields.length === 1) return INSERT_ONE_TITLES[fields[0]];
  const list = fields.map((field) => `\`${field}\``).join(', ');
  let title = insertAllTitles.get(list);
  if (!title) {
    title = msg(`Indsæt alle manglende kontaktfelter (${list})`, `Insert all missing contact fields (${list})`);
    insertAllTitles.set(list, title);
  }
  return title;
}
