// contact-format: an e-mail address, phone number or website that is not well formed. Plejeoverblikket
// shows them as the care unit's contact information (Afsnit 3, Aktivitet 3), so they must work as written.
import type { Msg } from '../core/i18n.js';
import { msg } from '../core/i18n.js';
import { replaceScalar } from '../core/edits.js';
import type { Entity, Field } from '../core/model.js';
import { displayName, isClosed, VIRTUAL_ADDRESS_FIELDS } from '../core/model.js';
import type { MapNode, Node } from '../core/ast.js';
import type { Rule, RuleContext, Wording } from '../core/rule.js';
import type { EmailProblem } from './support/email.js';
import { emailProblem } from './support/email.js';
import type { PhoneProblem } from './support/phone.js';
import { checkPhone } from './support/phone.js';
import type { WebsiteProblem } from './support/website.js';
import { checkWebsite } from './support/website.js';
import { exampleFile } from './support/examples.js';

type ContactField = (typeof VIRTUAL_ADDRESS_FIELDS)[number];

interface Diagnosis {
  /** What is wrong, as a phrase after the field and its value. */
  what: Msg;
  /** The value written right, when that is unambiguous. */
  normalised?: string;
}

const SURROUNDING_SPACE = msg('har mellemrum før eller efter selve værdien', 'has spaces before or after the value itself');

const EMAIL_PROBLEMS: Record<EmailProblem, Msg> = {
  space: msg('indeholder mellemrum', 'contains a space'),
  at: msg('skal have præcis ét @', 'must have exactly one @'),
  'local-part': msg('har en ugyldig del før @', 'has an invalid part before the @'),
  domain: msg('har et ugyldigt domæne efter @', 'has an invalid domain after the @'),
  length: msg('er for lang (højst 64 tegn før @ og 254 i alt)', 'is too long (at most 64 characters before the @ and 254 in all)'),
};

const PHONE_PROBLEMS: Record<PhoneProblem, Msg> = {
  characters: msg('indeholder andet end cifre, mellemrum og +45 eller 0045 foran', 'contains more than digits, spaces and a leading +45 or 0045'),
  foreign: msg('har et udenlandsk landnummer', 'has a foreign country code'),
  'digit-count': msg('har ikke 8 cifre (efter et eventuelt +45)', 'does not have 8 digits (after any +45)'),
  'first-digit': msg('begynder med 0 eller 1, men danske numre begynder med 2-9', 'starts with 0 or 1, but Danish numbers start with 2-9'),
  separators: msg('har de rigtige cifre, men andre skilletegn end enkelte mellemrum', 'has the right digits but separators other than single spaces'),
};

const WEBSITE_PROBLEMS: Record<WebsiteProblem, Msg> = {
  space: msg('indeholder mellemrum', 'contains a space'),
  'scheme-missing': msg('er ikke en fuld adresse: https:// mangler foran', 'is not a full address: https:// is missing in front'),
  scheme: msg('er ikke en http- eller https-adresse', 'is not an http or https address'),
  host: msg('har ikke et rigtigt værtsnavn (et domæne med punktum)', 'has no real host name (a domain with a dot)'),
};

const FIELDS: Record<ContactField, { label: Msg; remedy: Msg; diagnose(value: string): Diagnosis | undefined }> = {
  email: {
    label: msg('E-mailadressen', 'The e-mail address'),
    remedy: msg(
      'Skriv en adresse, der kan modtage post, fx kontakt@oestervang.dk: a-z, cifre og . _ - + før @, et domæne med punktum efter.',
      'Write an address that can receive mail, such as kontakt@oestervang.dk: a-z, digits and . _ - + before the @, a domain with a dot after it.',
    ),
    diagnose(value) {
      const problem = emailProblem(value);
      return problem && { what: EMAIL_PROBLEMS[problem] };
    },
  },
  phone: {
    label: msg('Telefonnummeret', 'The phone number'),
    remedy: msg(
      'Skriv et dansk nummer med 8 cifre, fx "86 12 34 56" eller "+45 86 12 34 56".',
      'Write a Danish number of 8 digits, such as "86 12 34 56" or "+45 86 12 34 56".',
    ),
    diagnose(value) {
      const check = checkPhone(value);
      return check && { what: PHONE_PROBLEMS[check.problem], normalised: check.normalised };
    },
  },
  website: {
    label: msg('Websitet', 'The website'),
    remedy: msg(
      'Skriv den fulde adresse med et rigtigt domæne, fx https://oestervang.dk (ikke localhost eller en IP-adresse).',
      'Write the full address with a real domain, such as https://oestervang.dk (not localhost or an IP address).',
    ),
    diagnose(value) {
      const check = checkWebsite(value);
      return check && { what: WEBSITE_PROBLEMS[check.problem], normalised: check.normalised };
    },
  },
};

/** Reports what is wrong with one of the entity's contact fields. */
function checkField(context: RuleContext, entity: Entity, field: ContactField, value: Field | undefined): void {
  const node = value?.node;
  // Empty or missing values are careunit-contact-missing's business; non-text values the schema's.
  if (node?.kind !== 'scalar' || node.text === null || node.text.trim() === '') return;
  const diagnosis = diagnose(field, node.text);
  if (!diagnosis) return;
  const fix = diagnosis.normalised;
  context.report({
    span: { start: node.start, end: node.end },
    ...wording(field, node.text, displayName(entity), diagnosis),
    fixes: fix
      ? [{ title: msg(`Ret til "${fix}"`, `Change to "${fix}"`), safe: true, edits: (text) => [replaceScalar(text, node, fix, context.document.language)] }]
      : undefined,
  });
}

/** Checks the value without surrounding spaces; spaces alone are a problem with an obvious fix. */
function diagnose(field: ContactField, value: string): Diagnosis | undefined {
  const trimmed = value.trim();
  const diagnosis = FIELDS[field].diagnose(trimmed);
  if (diagnosis || trimmed === value) return diagnosis;
  return { what: SURROUNDING_SPACE, normalised: trimmed };
}

function wording(field: ContactField, value: string, unit: string, diagnosis: Diagnosis): Wording {
  const { label, remedy } = FIELDS[field];
  return {
    message: msg(`${label.da} "${value}" for "${unit}" ${diagnosis.what.da}.`, `${label.en} "${value}" of "${unit}" ${diagnosis.what.en}.`),
    action: diagnosis.normalised ? msg(`Skriv "${diagnosis.normalised}".`, `Write "${diagnosis.normalised}".`) : remedy,
  };
}

export const contactFormat: Rule = {
  id: 'contact-format',
  defaultSeverity: 'error',
  scope: 'institution',
  fields: [...VIRTUAL_ADDRESS_FIELDS],
  supersedes: VIRTUAL_ADDRESS_FIELDS.flatMap((property) => [
    { keyword: 'pattern', property },
    { keyword: 'format', property },
    // A number that is wrong as text too (`phone: 1234`): this rule's finding says what to write.
    { keyword: 'type', property, when: (_owner: MapNode, _context: RuleContext, value: Node | undefined) => value?.kind === 'scalar' && value.text !== null && diagnose(property, value.text) !== undefined },
  ]),
  docs: {
    summary: msg(
      'En e-mailadresse, et telefonnummer eller et website, der ikke er korrekt skrevet.',
      'An e-mail address, phone number or website that is not well formed.',
    ),
    rationale: msg(
      'Vejledningen (afsnit 3, aktivitet 3) beder leverandøren tjekke plejeenhedernes kontaktoplysninger: plejeoverblikket viser e-mailadresse, website og telefonnummer fra SOR som vigtig kontaktinformation for borgere, private aktører og offentlige myndigheder, herunder Ældretilsynet. En adresse uden @, et nummer med for få cifre eller et website uden https:// virker ikke for dem, der skal bruge det. Reglen kræver en e-mailadresse efter RFC 5321/5322 (ét @, en gyldig del før og et domæne med punktum efter), et dansk telefonnummer (8 cifre, det første 2-9, evt. +45 eller 0045 foran, mellemrum mellem ciffergrupper) og et website som en fuld http(s)-adresse med et rigtigt værtsnavn.',
      'The guidance (Afsnit 3, Aktivitet 3) asks the provider to check its care units\' contact data: plejeoverblikket shows the e-mail address, website and phone number from SOR as important contact information for citizens, private parties and public authorities, Ældretilsynet among them. An address without an @, a number with too few digits or a website without https:// does not work for those who need it. The rule wants an e-mail address per RFC 5321/5322 (one @, a valid part before it and a domain with a dot after it), a Danish phone number (8 digits, the first 2-9, optionally +45 or 0045 in front, spaces between digit groups) and a website as a full http(s) address with a real host name.',
    ),
    remedy: msg(
      'Ret værdien, så den kan bruges som den står. Hvor den rigtige form er entydig (https:// foran et website, skilletegn i et telefonnummer, mellemrum omkring en værdi), retter hurtigrettelsen den, og `sor-lint --fix` gør det for hele filen.',
      'Correct the value so it can be used as written. Where the right form is unambiguous (https:// in front of a website, the separators of a phone number, spaces around a value), the quick fix corrects it, and `sor-lint --fix` does so for the whole file.',
    ),
    source: 'Afsnit 3, Aktivitet 3',
    invalidExample: exampleFile(`  - name: Plejecenter Østervang
    unitType: plejeenhed
    phone: 86-12-34-56
    email: kontakt(at)oestervang.dk
    website: www.oestervang.dk
`),
    validExample: exampleFile(`  - name: Plejecenter Østervang
    unitType: plejeenhed
    phone: 86 12 34 56
    email: kontakt@oestervang.dk
    website: https://www.oestervang.dk
`),
  },
  fix: {
    safe: true,
    description: msg(
      'Sætter https:// foran et website, der kun er et værtsnavn (og evt. en sti), skriver et telefonnummer med de rigtige cifre som par adskilt af enkelte mellemrum, og fjerner mellemrum omkring en værdi.',
      'Puts https:// in front of a website that is only a host name (and perhaps a path), writes a phone number whose digits are right as pairs with single spaces, and removes spaces around a value.',
    ),
  },
  check(context) {
    for (const entity of context.document.entities) {
      // Read by name: most entities (units) have none of the three.
      const { phone, email, website } = entity.fields;
      if ((!phone && !email && !website) || isClosed(entity, context.today)) continue;
      checkField(context, entity, 'phone', phone);
      checkField(context, entity, 'email', email);
      checkField(context, entity, 'website', website);
    }
  },
};
