// The format's JSON Schema (schemas/sor-structure.schema.json), checked with ajv over the value our
// syntax tree stands for, every error mapped back to the key or value at fault.
import type { ErrorObject } from 'ajv';
import type { MapNode, Node, Span } from '../core/ast.js';
import { isQuoted, resolve } from '../core/ast.js';
import { replaceScalar } from '../core/edits.js';
import type { Msg } from '../core/i18n.js';
import { msg } from '../core/i18n.js';
import { entriesOf } from '../core/model.js';
import type { FixSpec, Rule, RuleContext, SupersededSchemaError, Wording } from '../core/rule.js';
import type { Language } from '../core/parse.js';
import type { PointerTarget } from '../core/value.js';
import { documentValue, nodeAtPointer, pointerSegments, toValue } from '../core/value.js';
import { checkDates } from './support/dates.js';
import { exampleFile } from './support/examples.js';
import { validateDocument, validateInstitution } from './support/schema-validators.js';

/**
 * The document's schema errors, its institutions' each validated alone (their paths as the whole
 * document's): see scripts/build-validators.mjs, which makes the validators from the schema.
 */
function schemaErrors(root: Node, language: Language): ErrorObject[] {
  const document = documentValue(root, language);
  const errors: ErrorObject[] = validateDocument(document.value) ? [] : [...(validateDocument.errors ?? [])];
  document.institutions.forEach((node, index) => {
    if (validateInstitution(toValue(node, language))) return;
    for (const error of validateInstitution.errors ?? []) errors.push({ ...error, instancePath: `/institutions/${index}${error.instancePath}` });
  });
  return errors;
}

export const schema: Rule = {
  id: 'schema',
  defaultSeverity: 'error',
  scope: 'institution',
  // Every key: hover names the rules that check a key in depth, not the format's own check.
  fields: [],
  docs: {
    summary: msg(
      'Filen følger ikke formatet: ukendte nøgler, forkerte typer, manglende påkrævede nøgler eller ugyldige værdier.',
      'The file does not follow the format: unknown keys, wrong types, missing required keys or values not allowed.',
    ),
    rationale: msg(
      'sor-lint læser filen efter JSON-skemaet i schemas/sor-structure.schema.json (formatet i FORMAT.md). En nøgle, formatet ikke kender, er næsten altid en stavefejl, og dens værdi ville gå tabt; en værdi af forkert type (en liste, hvor der skal stå tekst) kan de øvrige tjek ikke læse. ' +
        'Tekstfelter rummer tekst: et tal skrevet uden anførselstegn (`cvr: 29403473`, `postalCode: 0800`) læser alle andre YAML-læsere (SOR’s værktøjer, skemaet i andre editorer) som et tal, der mister sit foranstillede nul, og en 18-cifret kode bliver afrundet. En dato skal være en rigtig kalenderdato. ' +
        'Enhver SOR-enhed har et navn, og plejeoverblikket viser det. ' +
        'For at én fejl kun giver ét fund, melder skemaet ikke de fejl, som en anden regel tjekker grundigere med en bedre besked (reglens metadata siger hvilke): manglende street og houseNumber (address-format), en forkert legalBasis på en aktiv plejeenhed (legal-basis) og mønstre for felter, som andre regler tjekker.',
      "sor-lint reads the file by the JSON Schema in schemas/sor-structure.schema.json (the format in FORMAT.md). A key the format does not know is almost always a typo, and its value would be lost; a value of the wrong type (a list where text belongs) cannot be read by the other checks. " +
        'Text fields hold text: a number written without quotes (`cvr: 29403473`, `postalCode: 0800`) is read as a number by every other YAML reader (SOR’s tools, the schema in other editors), which drops a leading zero and rounds an 18-digit code. A date must be a real calendar date. ' +
        'Every SOR unit has a name, and plejeoverblikket shows it. ' +
        'So that one mistake gives one finding, the schema rule stays silent on errors another rule checks in depth with a better message (that rule’s metadata says which): missing street and houseNumber (address-format), a wrong legalBasis on an open care unit (legal-basis), and patterns of fields other rules check.',
    ),
    remedy: msg(
      'Ret nøglen eller værdien, der er markeret. Et tal i et tekstfelt sættes i anførselstegn med et klik (og af `--fix`); en stavefejl i en nøgle foreslås rettet, når der er ét oplagt bud. Egne noter skrives under nøgler, der starter med `x-` (fx `x-note`).',
      'Correct the key or value marked. A number in a text field is quoted with one click (and by `--fix`); a typo in a key gets a suggested rename when there is one obvious candidate. Keep your own notes under keys that start with `x-` (e.g. `x-note`).',
    ),
    source: 'FORMAT.md (the file format)',
    invalidExample: exampleFile(`  - name: Plejecenter Østervang
    sorId: 698481000016007
    unitTyp: plejeenhed
    units: Afsnit Birken
`),
    validExample: exampleFile(`  - name: Plejecenter Østervang
    sorId: "698481000016007"
    unitType: plejeenhed
    units:
      - name: Afsnit Birken
`),
  },
  fix: [
    {
      safe: true,
      description: msg(
        'Sætter et tal, der står i et tekstfelt, i anførselstegn, præcis som det er skrevet; retter en fast værdi, der kun er skrevet med andre store og små bogstaver.',
        'Quotes a number written in a text field exactly as written; corrects a fixed-choice value that differs only in case.',
      ),
    },
    {
      safe: false,
      description: msg(
        'Foreslår at rette en stavefejl i en nøgle (eller en fast værdi) til det eneste nærliggende gyldige navn.',
        'Suggests correcting a typo in a key (or in a fixed-choice value) to the one close valid name.',
      ),
    },
  ],
  check(context) {
    const root = resolve(context.document.root) ?? context.document.root;
    if (root.kind !== 'map') {
      context.report({ span: firstLine(context.text, root), ...NOT_A_MAPPING });
      return;
    }
    checkDates(context);
    const errors = oneErrorPerValue(schemaErrors(context.document.root, context.document.language));
    if (errors.length === 0) return;
    const superseded = context.registry.flatMap((rule) => rule.supersedes ?? []);
    const unknownKeys = errors.filter((error) => error.keyword === 'additionalProperties');
    const suggestions = new Map(unknownKeys.map((error) => [error, closestNames(String(error.params.additionalProperty), knownKeys(error))]));
    const typoed = new Set([...suggestions].flatMap(([error, names]) => names.map((name) => `${error.instancePath}|${name}`)));
    const reported = new Set<string>();
    for (const error of errors) {
      const target = nodeAtPointer(context.document.root, error.instancePath);
      if (!target || isSuperseded(error, target, context, superseded)) continue;
      // A missing key that a typo'd key stands for: the unknown-key finding already says it.
      if (error.keyword === 'required' && typoed.has(`${error.instancePath}|${error.params.missingProperty}`)) continue;
      const finding = describeError(error, target, context, suggestions.get(error) ?? []);
      if (!finding) continue;
      const key = `${error.keyword}|${finding.span.start}|${finding.span.end}|${detailOf(error)}`;
      if (reported.has(key)) continue; // an aliased node seen from several paths
      reported.add(key);
      context.report(finding);
    }
  },
};

/**
 * One finding per value: a value outside a fixed list is also of the wrong type when it is a
 * number, and the list says what to write; an empty one is the type error "fill it in".
 */
function oneErrorPerValue(errors: ErrorObject[]): ErrorObject[] {
  const at = (keyword: string) => new Set(errors.filter((error) => error.keyword === keyword).map((error) => error.instancePath));
  const listed = at('enum');
  const mistyped = at('type');
  return errors.filter((error) => {
    if (error.keyword === 'type') return error.data === null || !listed.has(error.instancePath);
    if (error.keyword === 'enum') return error.data !== null || !mistyped.has(error.instancePath);
    return true;
  });
}

interface Described extends Wording {
  span: Span;
  fixes?: FixSpec[];
}

/** `suggestions`: for an unknown key, the known keys it may be a typo of. */
function describeError(error: ErrorObject, target: PointerTarget, context: RuleContext, suggestions: string[]): Described | undefined {
  switch (error.keyword) {
    case 'additionalProperties':
      return unknownKey(error, target, context, suggestions);
    case 'required':
      return missingKey(error, target, context);
    case 'enum':
      return notAllowed(error, target, context);
    case 'type':
      return numberAsText(error, target, context) ?? { span: valueSpan(target, context.text), ...typeWording(error, context) };
    default:
      return { span: valueSpan(target, context.text), ...valueWording(error, context) };
  }
}

function isSuperseded(error: ErrorObject, target: PointerTarget, context: RuleContext, superseded: readonly SupersededSchemaError[]): boolean {
  const owner = error.keyword === 'required' ? target.node : target.parent;
  const property = error.keyword === 'required' ? String(error.params.missingProperty) : lastSegment(error.instancePath);
  return superseded.some(
    (entry) =>
      entry.keyword === error.keyword &&
      entry.property === property &&
      (!entry.when || (owner?.kind === 'map' && entry.when(owner, context, error.keyword === 'required' ? undefined : target.node))),
  );
}

function detailOf(error: ErrorObject): string {
  return String(error.params.missingProperty ?? error.params.additionalProperty ?? '');
}

// Unknown keys.

function unknownKey(error: ErrorObject, target: PointerTarget, context: RuleContext, candidates: string[]): Described | undefined {
  const owner = target.node;
  const name = String(error.params.additionalProperty);
  if (owner.kind !== 'map') return undefined;
  const pair = entriesOf(owner).find((entry) => entry.keyText === name);
  if (!pair) return undefined;
  const where = ownerLabel(error.instancePath, context);
  const message = msg(`Ukendt nøgle \`${name}\` i ${where.da}.`, `Unknown key \`${name}\` in ${where.en}.`);
  const present = new Set(entriesOf(owner).map((entry) => entry.keyText));
  const suggestion = candidates.length === 1 ? candidates[0] : undefined;
  const taken = suggestion !== undefined && present.has(suggestion);
  const action = taken
    ? msg(`\`${suggestion}\` findes allerede her, så fjern den ene af dem.`, `\`${suggestion}\` is already here, so remove one of them.`)
    : candidates.length > 0
      ? msg(`Mente du ${orList(candidates, 'eller')}?`, `Did you mean ${orList(candidates, 'or')}?`)
      : msg(
          `Brug en af ${codeList(knownKeys(error))}, eller en \`x-\`-nøgle til egne noter.`,
          `Use one of ${codeList(knownKeys(error))}, or an \`x-\` key for your own notes.`,
        );
  // A rename is a guess at what was meant: a suggestion, never applied by --fix.
  const fixes: FixSpec[] =
    suggestion && !taken
      ? [
          {
            title: msg(`Omdøb \`${name}\` til \`${suggestion}\``, `Rename \`${name}\` to \`${suggestion}\``),
            safe: false,
            edits: (text) => [replaceScalar(text, pair.key, suggestion, context.document.language)],
          },
        ]
      : [];
  return { span: pair.key, message, action, fixes };
}

function knownKeys(error: ErrorObject): string[] {
  return Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
}

// Missing required keys.

function missingKey(error: ErrorObject, target: PointerTarget, context: RuleContext): Described | undefined {
  const owner = target.node;
  // A syntax error cut this mapping short: the key may well be in the part not read.
  if (owner.kind !== 'map' || !owner.complete) return undefined;
  const name = String(error.params.missingProperty);
  const where = ownerLabel(error.instancePath, context);
  return {
    span: ownerSpan(target, owner),
    message: msg(`${capitalise(where.da)} mangler \`${name}\`, som skal være der.`, `${capitalise(where.en)} has no \`${name}\`, which is required.`),
    action: msg(`Tilføj \`${name}: …\`.`, `Add \`${name}: …\`.`),
  };
}

/** The owning mapping's key (`provider:`, `visitingAddress:`), or its first key when it has none (a list item, the root). */
function ownerSpan(target: PointerTarget, owner: MapNode): Span {
  if (target.pair) return target.pair.key;
  const first = owner.entries[0];
  return first ? first.key : { start: owner.start, end: Math.min(owner.end, owner.start + 1) };
}

// Values not among the allowed ones.

function notAllowed(error: ErrorObject, target: PointerTarget, context: RuleContext): Described {
  const allowed = (error.params.allowedValues as unknown[]).map(String);
  const subject = subjectOf(error.instancePath, context);
  const written = target.node.kind === 'scalar' ? target.node.text : null;
  const message = msg(
    `${capitalise(subject.da)} er ${written === null ? 'tom' : `\`${written}\``}, som ikke er en af de tilladte værdier.`,
    `${capitalise(subject.en)} is ${written === null ? 'empty' : `\`${written}\``}, not one of the allowed values.`,
  );
  const candidates = written === null ? [] : closestNames(written, allowed);
  const action =
    candidates.length > 0
      ? msg(`Mente du ${orList(candidates, 'eller')}?`, `Did you mean ${orList(candidates, 'or')}?`)
      : msg(`Brug en af ${codeList(allowed)}.`, `Use one of ${codeList(allowed)}.`);
  // Only a change of case is certain to be what was meant; another spelling is a guess.
  const sameButCase = (candidate: string) => candidate.toLowerCase() === written?.toLowerCase();
  const node = target.written.kind === 'scalar' ? target.written : undefined;
  const fixes: FixSpec[] =
    candidates.length === 1 && node && node.end > node.start
      ? [
          {
            title: msg(`Ret til \`${candidates[0]}\``, `Change to \`${candidates[0]}\``),
            safe: sameButCase(candidates[0]),
            edits: (text) => [replaceScalar(text, node, candidates[0], context.document.language)],
          },
        ]
      : [];
  return { span: valueSpan(target, context.text), message, action, fixes };
}

// Text written as a number.

/**
 * A number where the format wants text: a plain YAML scalar every other reader reads as a number,
 * or a JSON number. Quoting it exactly as written keeps what the author wrote: a safe fix.
 */
function numberAsText(error: ErrorObject, target: PointerTarget, context: RuleContext): Described | undefined {
  const node = target.written;
  if (error.params.type !== 'string' || typeof error.data !== 'number' || node.kind !== 'scalar' || isQuoted(node) || node.text === null) return undefined;
  const written = node.text;
  const subject = subjectOf(error.instancePath, context);
  const read = String(error.data);
  const yaml = context.document.language === 'yaml';
  const message =
    yaml && read !== written
      ? msg(
          `${capitalise(subject.da)} er YAML-tallet ${written}, som andre programmer læser som ${read}.`,
          `${capitalise(subject.en)} is the YAML number ${written}, which other programs read as ${read}.`,
        )
      : yaml
        ? msg(`${capitalise(subject.da)} er YAML-tallet ${written}, ikke tekst.`, `${capitalise(subject.en)} is the YAML number ${written}, not text.`)
        : msg(`${capitalise(subject.da)} er tallet ${written}, ikke tekst.`, `${capitalise(subject.en)} is the number ${written}, not text.`);
  return {
    span: node,
    message,
    action: msg(`Skriv det i anførselstegn: "${written}".`, `Write it in quotes: "${written}".`),
    fixes: [
      {
        title: msg(`Sæt "${written}" i anførselstegn`, `Quote "${written}"`),
        safe: true,
        edits: (text) => [replaceScalar(text, node, written, context.document.language)],
      },
    ],
  };
}

// Wrong types, patterns and anything else about a value.

/** What a value of the form must look like, and an example of it. */
const FORM: Readonly<Record<string, { what: Msg; example: string }>> = {
  fromDate: { what: msg('en dato skrevet ÅÅÅÅ-MM-DD', 'a date written YYYY-MM-DD'), example: '2019-03-01' },
  toDate: { what: msg('en dato skrevet ÅÅÅÅ-MM-DD', 'a date written YYYY-MM-DD'), example: '2026-12-31' },
  darId: { what: msg('et DAR-adresse-id (et UUID)', 'a DAR address id (a UUID)'), example: '0a3f50a0-73bf-32b8-e044-0003ba298018' },
  unitTypeCode: { what: msg('en SNOMED CT-kode på 6-18 cifre', 'a SNOMED CT code of 6-18 digits'), example: '42665001' },
  east: { what: msg('et tal i meter (ETRS89 / UTM 32)', 'a number of metres (ETRS89 / UTM 32)'), example: '575123.4' },
  north: { what: msg('et tal i meter (ETRS89 / UTM 32)', 'a number of metres (ETRS89 / UTM 32)'), example: '6223456.7' },
};

function typeWording(error: ErrorObject, context: RuleContext): Wording {
  const subject = subjectOf(error.instancePath, context);
  const expected = typeWords(error.params.type as string | string[]);
  const found = foundWords(error.data);
  return {
    message: msg(
      `${capitalise(subject.da)} skal være ${expected.da}, men er ${found.da}.`,
      `${capitalise(subject.en)} must be ${expected.en}, but is ${found.en}.`,
    ),
    action: typeHint(error.params.type as string | string[], error.data) ?? msg(`Skriv ${expected.da}.`, `Write ${expected.en}.`),
  };
}

function valueWording(error: ErrorObject, context: RuleContext): Wording {
  const subject = subjectOf(error.instancePath, context);
  const property = lastSegment(error.instancePath);
  switch (error.keyword) {
    case 'pattern': {
      const form = FORM[property];
      const what = form?.what ?? msg(`på formen ${error.params.pattern}`, `of the form ${error.params.pattern}`);
      return {
        message: msg(
          `${capitalise(subject.da)} er \`${String(error.data)}\`, ikke ${what.da}.`,
          `${capitalise(subject.en)} is \`${String(error.data)}\`, not ${what.en}.`,
        ),
        action: form ? msg(`Skriv det som fx ${form.example}.`, `Write it like ${form.example}.`) : msg('Ret værdien.', 'Correct the value.'),
      };
    }
    case 'minLength':
      return { message: msg(`${capitalise(subject.da)} er tom.`, `${capitalise(subject.en)} is empty.`), action: msg('Udfyld den.', 'Fill it in.') };
    default:
      // The schema uses no other keyword today; a future one still gets a located finding.
      return {
        message: msg(
          `${capitalise(subject.da)} følger ikke formatet (JSON-skemaets regel \`${error.keyword}\`).`,
          `${capitalise(subject.en)} does not follow the format: it ${error.message ?? `fails \`${error.keyword}\``}.`,
        ),
        action: msg('Ret værdien.', 'Correct the value.'),
      };
  }
}

function typeHint(expected: string | string[], found: unknown): Msg | undefined {
  if (found === null) return msg('Udfyld værdien, eller fjern nøglen.', 'Fill in the value or remove the key.');
  if (expected === 'string' && typeof found === 'boolean') {
    return msg('Skriv værdien i anførselstegn, så den læses som tekst.', 'Write the value in quotes so it is read as text.');
  }
  if (expected === 'array' && typeof found === 'object' && !Array.isArray(found)) {
    return msg('Skriv hvert punkt i listen på sin egen linje, der starter med `- `.', 'Write each entry of the list on a line of its own that starts with `- `.');
  }
  return undefined;
}

const TYPE_WORDS: Readonly<Record<string, Msg>> = {
  object: msg('en mapping (linjer med `nøgle: værdi`)', 'a mapping (lines of `key: value`)'),
  array: msg('en liste (linjer der starter med `- `)', 'a list (lines starting with `- `)'),
  string: msg('tekst', 'text'),
  boolean: msg('`true` eller `false`', '`true` or `false`'),
  number: msg('et tal', 'a number'),
  integer: msg('et heltal', 'a whole number'),
  null: msg('tom', 'empty'),
};

function typeWords(type: string | string[]): Msg {
  // A number-or-text field (coordinates) is a number written either way.
  const main = Array.isArray(type) ? (type.includes('number') ? 'number' : type[0]) : type;
  return TYPE_WORDS[main] ?? msg(main, main);
}

function foundWords(value: unknown): Msg {
  if (value === null || value === undefined) return msg('tom', 'empty');
  if (typeof value === 'boolean') return msg(`\`${value}\``, `\`${value}\``);
  if (typeof value === 'number') return msg(`tallet ${value}`, `the number ${value}`);
  if (typeof value === 'string') return msg(`teksten \`${value}\``, `the text \`${value}\``);
  return Array.isArray(value) ? msg('en liste', 'a list') : msg('en mapping', 'a mapping');
}

// Whole-document problems.

const NOT_A_MAPPING: Wording = {
  message: msg('Filen er ikke en mapping med nøglen `provider` (leverandøren).', 'The file is not a mapping with a `provider` key (the provider).'),
  action: msg('Start filen med `provider:`.', 'Start the file with `provider:`.'),
};

// Places and names in messages.

/**
 * What the error is about: a key of a unit (`postalAddress.postalCode` for "Østervang"), a
 * top-level key, an entry of a list without a unit name, or the file.
 */
function subjectOf(pointer: string, context: RuleContext): Msg {
  const segments = pointerSegments(pointer);
  const last = segments[segments.length - 1];
  if (last === undefined) return msg('filen', 'the file');
  const unitAt = unitPrefixLength(segments);
  const path = segments.slice(unitAt).join('.');
  const unit = unitAt > 0 ? unitName(context, segments.slice(0, unitAt)) : null;
  if (path !== '' && !/^\d+$/.test(last)) return unit ? msg(`\`${path}\` for "${unit}"`, `\`${path}\` for "${unit}"`) : msg(`\`${path}\``, `\`${path}\``);
  if (!/^\d+$/.test(last)) return msg(`\`${last}\``, `\`${last}\``);
  const list = segments[segments.length - 2] ?? '';
  return msg(`punkt ${Number(last) + 1} i \`${list}\``, `entry ${Number(last) + 1} of \`${list}\``);
}

/** The mapping a key is in or missing from: the file's top level, a unit by name, or as subjectOf. */
function ownerLabel(pointer: string, context: RuleContext): Msg {
  const segments = pointerSegments(pointer);
  if (segments.length === 0) return msg('filens øverste niveau', 'the top level of the file');
  const unit = unitPrefixLength(segments) === segments.length ? unitName(context, segments) : null;
  if (unit) return segments[0] === 'provider' && segments.length === 1 ? msg(`leverandøren "${unit}"`, `the provider "${unit}"`) : msg(`enheden "${unit}"`, `the unit "${unit}"`);
  return subjectOf(pointer, context);
}

/** How many leading segments name a unit: `provider`, or `institutions/0/units/2`. */
function unitPrefixLength(segments: readonly string[]): number {
  if (segments[0] === 'provider') return 1;
  if (segments[0] !== 'institutions' || !/^\d+$/.test(segments[1] ?? '')) return 0;
  let length = 2;
  while (segments[length] === 'units' && /^\d+$/.test(segments[length + 1] ?? '')) length += 2;
  return length;
}

function unitName(context: RuleContext, unitSegments: readonly string[]): string | null {
  const target = nodeAtPointer(context.document.root, `/${[...unitSegments, 'name'].join('/')}`);
  const text = target?.node.kind === 'scalar' ? target.node.text : null;
  return text && text.trim() !== '' ? text : null;
}

/** A scalar where it is written; an absent value or a collection spanning lines: its key. */
function valueSpan(target: PointerTarget, text: string): Span {
  const written = target.written;
  const oneLine = !/[\r\n]/.test(text.slice(written.start, written.end));
  if (written.end > written.start && oneLine) return written;
  if (target.pair) return target.pair.key;
  return firstLine(text, written);
}

function firstLine(text: string, node: Node): Span {
  const match = /[\r\n]/.exec(text.slice(node.start, node.end));
  return { start: node.start, end: match ? node.start + match.index : node.end };
}

function lastSegment(pointer: string): string {
  const segments = pointerSegments(pointer);
  return segments[segments.length - 1] ?? '';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function codeList(values: readonly string[]): string {
  return values.map((value) => `\`${value}\``).join(', ');
}

function orList(values: readonly string[], or: string): string {
  const coded = values.map((value) => `\`${value}\``);
  return coded.length > 1 ? `${coded.slice(0, -1).join(', ')} ${or} ${coded[coded.length - 1]}` : coded[0];
}

// "Did you mean": the nearest known names by Damerau-Levenshtein distance.

/** The candidates nearest to `word`: a match ignoring case first, else those within 2 edits (and fewer edits than letters). */
export function closestNames(word: string, candidates: readonly string[]): string[] {
  const folded = candidates.filter((candidate) => candidate.toLowerCase() === word.toLowerCase());
  if (folded.length > 0) return folded;
  let best = Infinity;
  let nearest: string[] = [];
  for (const candidate of candidates) {
    // The distance is at least the difference in length: most candidates need no table at all.
    if (Math.abs(candidate.length - word.length) > 2) continue;
    const distance = editDistance(word, candidate);
    if (distance > 2 || distance >= word.length) continue;
    if (distance < best) {
      best = distance;
      nearest = [candidate];
    } else if (distance === best) {
      nearest.push(candidate);
    }
  }
  return nearest;
}

/** Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b` (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  // Three rolling rows of the usual table: the one before last is needed for swaps.
  let beforeLast: number[] = [];
  let last = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(last[j] + 1, current[j - 1] + 1, last[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) current[j] = Math.min(current[j], beforeLast[j - 2] + 1);
    }
    beforeLast = last;
    last = current;
  }
  return last[b.length];
}
