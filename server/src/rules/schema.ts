// The format's JSON Schema (schemas/sor-structure.schema.json), checked with ajv over the value our
// syntax tree stands for, every error mapped back to the key or value at fault.
import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import schemaJson from '../../../schemas/sor-structure.schema.json';
import type { MapNode, Node, Span } from '../core/ast.js';
import { resolve } from '../core/ast.js';
import { replaceScalar } from '../core/edits.js';
import type { Msg } from '../core/i18n.js';
import { msg } from '../core/i18n.js';
import { entriesOf, isCareUnit, isClosed } from '../core/model.js';
import type { FixSpec, Rule, RuleContext } from '../core/rule.js';
import type { PointerTarget } from '../core/value.js';
import { nodeAtPointer, pointerSegments, toValue } from '../core/value.js';
import { exampleFile } from './support/examples.js';

/** Keywords in the schema for editors' hover and completion; ajv only needs to know they are not typos. */
const ANNOTATION_KEYWORDS = ['x-description-da', 'markdownDescription', 'enumDescriptions', 'x-enum-descriptions-da'];

let compiled: ValidateFunction | undefined;

/** Compiled once per process, on first use. */
function validator(): ValidateFunction {
  if (!compiled) {
    // verbose: errors carry their schema, so an unknown key can be compared with the known ones.
    const ajv = new Ajv2020({ allErrors: true, verbose: true, allowUnionTypes: true });
    ajv.addVocabulary(ANNOTATION_KEYWORDS);
    compiled = ajv.compile(schemaJson);
  }
  return compiled;
}

/**
 * Errors another rule reports with a better message: the schema keeps them (it is the contract
 * editors read), this rule stays silent so one mistake gives one finding.
 */
const LEFT_TO_OTHER_RULES: ReadonlyArray<{ keyword: string; property: string; when?: (owner: MapNode, context: RuleContext) => boolean }> = [
  { keyword: 'required', property: 'street' }, // address-format
  { keyword: 'required', property: 'houseNumber' }, // address-format
  { keyword: 'enum', property: 'legalBasis', when: isOpenCareUnit }, // legal-basis
];

function isOpenCareUnit(owner: MapNode, context: RuleContext): boolean {
  const entity = context.document.entities.find((e) => e.map === owner);
  return entity !== undefined && isCareUnit(entity) && !isClosed(entity, context.today);
}

export const schema: Rule = {
  id: 'schema',
  defaultSeverity: 'error',
  docs: {
    summary: msg(
      'Filen følger ikke formatet: ukendte nøgler, forkerte typer, manglende påkrævede nøgler eller ugyldige værdier.',
      'The file does not follow the format: unknown keys, wrong types, missing required keys or values not allowed.',
    ),
    rationale: msg(
      'sor-lint læser filen efter JSON-skemaet i schemas/sor-structure.schema.json (formatet i FORMAT.md). En nøgle, formatet ikke kender, er næsten altid en stavefejl, og dens værdi ville gå tabt; en værdi af forkert type (en liste, hvor der skal stå tekst) kan de øvrige tjek ikke læse. ' +
        'For at én fejl kun giver ét fund, har skemaet ikke mønstre for felter, som andre regler tjekker grundigere med bedre beskeder: cvr (provider-cvr), sorId (sor-code), phone, email og website (contact-format), postalCode, houseNumber, floor, door og city (address-format). Skemaet kræver street og houseNumber i en adresse, men de manglende dele meldes af address-format, og en forkert legalBasis på en aktiv plejeenhed meldes af legal-basis. Skemaet tjekker selv datoernes form (ÅÅÅÅ-MM-DD), darId (UUID), unitTypeCode (6-18 cifre) og koordinaterne (tal).',
      "sor-lint reads the file by the JSON Schema in schemas/sor-structure.schema.json (the format in FORMAT.md). A key the format does not know is almost always a typo, and its value would be lost; a value of the wrong type (a list where text belongs) cannot be read by the other checks. " +
        'So that one mistake gives one finding, the schema puts no patterns on fields that other rules check in depth with better messages: cvr (provider-cvr), sorId (sor-code), phone, email and website (contact-format), postalCode, houseNumber, floor, door and city (address-format). The schema requires street and houseNumber in an address, but address-format reports the missing parts, and legal-basis reports a wrong legalBasis on an open care unit. The schema itself checks the form of dates (YYYY-MM-DD), darId (a UUID), unitTypeCode (6-18 digits) and coordinates (numbers).',
    ),
    remedy: msg(
      'Ret nøglen eller værdien, der er markeret. En stavefejl i en nøgle kan rettes med et klik, når der er ét oplagt bud. Egne noter skrives under nøgler, der starter med `x-` (fx `x-note`).',
      'Correct the key or value marked. A typo in a key is fixed with one click when there is one obvious candidate. Keep your own notes under keys that start with `x-` (e.g. `x-note`).',
    ),
    source: 'FORMAT.md (the file format)',
    invalidExample: exampleFile(`  - name: Plejecenter Østervang
    unitTyp: plejeenhed
    units: Afsnit Birken
`),
    validExample: exampleFile(`  - name: Plejecenter Østervang
    unitType: plejeenhed
    units:
      - name: Afsnit Birken
`),
  },
  fix: {
    safe: true,
    description: msg(
      'Retter en stavefejl i en nøgle (eller en værdi med faste muligheder) til det eneste nærliggende gyldige navn.',
      'Corrects a typo in a key (or in a value with fixed choices) to the one close valid name.',
    ),
  },
  check(context) {
    const root = resolve(context.document.root) ?? context.document.root;
    if (root.kind !== 'map') {
      context.report({ span: firstLine(context.text, root), message: NOT_A_MAPPING });
      return;
    }
    const validate = validator();
    if (validate(toValue(context.document.root, context.document.language))) return;
    const errors = validate.errors ?? [];
    const unknownKeys = errors.filter((error) => error.keyword === 'additionalProperties');
    const suggestions = new Map(unknownKeys.map((error) => [error, closestNames(String(error.params.additionalProperty), knownKeys(error))]));
    const typoed = new Set([...suggestions].flatMap(([error, names]) => names.map((name) => `${error.instancePath}|${name}`)));
    const reported = new Set<string>();
    for (const error of errors) {
      const target = nodeAtPointer(context.document.root, error.instancePath);
      if (!target || isLeftToOtherRules(error, target, context)) continue;
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

interface Described {
  span: Span;
  message: Msg;
  fixes?: FixSpec[];
}

/** `suggestions`: for an unknown key, the known keys it may be a typo of. */
function describeError(error: ErrorObject, target: PointerTarget, context: RuleContext, suggestions: string[]): Described | undefined {
  switch (error.keyword) {
    case 'additionalProperties':
      return unknownKey(error, target, context, suggestions);
    case 'required':
      return missingKey(error, target);
    case 'enum':
      return notAllowed(error, target, context);
    default:
      return { span: valueSpan(target, context.text), message: valueMessage(error) };
  }
}

function isLeftToOtherRules(error: ErrorObject, target: PointerTarget, context: RuleContext): boolean {
  const owner = error.keyword === 'required' ? target.node : target.parent;
  const property = error.keyword === 'required' ? String(error.params.missingProperty) : lastSegment(error.instancePath);
  return LEFT_TO_OTHER_RULES.some(
    (rule) => rule.keyword === error.keyword && rule.property === property && (!rule.when || (owner?.kind === 'map' && rule.when(owner, context))),
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
  const pair = entriesOf(owner).find((entry) => entry.key.text === name);
  if (!pair) return undefined;
  const known = knownKeys(error);
  const where = ownerLabel(error.instancePath, owner);
  const why = msg(
    'Nøgler, som formatet ikke kender, er næsten altid stavefejl, og deres værdi går tabt. Egne noter kan stå under nøgler, der starter med `x-` (fx `x-note`).',
    'Keys the format does not know are almost always typos, and their value is lost. Your own notes may go under keys that start with `x-` (e.g. `x-note`).',
  );
  const head = msg(`Ukendt nøgle \`${name}\` i ${where.da}.`, `Unknown key \`${name}\` in ${where.en}.`);
  const hint =
    candidates.length > 0
      ? msg(`Mente du ${orList(candidates, 'eller')}?`, `Did you mean ${orList(candidates, 'or')}?`)
      : msg(`Tilladte nøgler her: ${codeList(known)}.`, `Keys allowed here: ${codeList(known)}.`);
  const present = new Set(entriesOf(owner).map((entry) => entry.key.text));
  const suggestion = candidates.length === 1 ? candidates[0] : undefined;
  const taken = suggestion !== undefined && present.has(suggestion);
  const alreadyThere = taken
    ? msg(`\`${suggestion}\` findes allerede her, så fjern den ene af dem.`, `\`${suggestion}\` is already here, so remove one of them.`)
    : undefined;
  const fixes: FixSpec[] =
    suggestion && !taken
      ? [
          {
            title: msg(`Omdøb \`${name}\` til \`${suggestion}\``, `Rename \`${name}\` to \`${suggestion}\``),
            safe: true,
            edits: [replaceScalar(context.text, pair.key, suggestion, context.document.language)],
          },
        ]
      : [];
  return { span: pair.key, message: join(head, hint, alreadyThere, why), fixes };
}

function knownKeys(error: ErrorObject): string[] {
  return Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
}

// Missing required keys.

const WHY_REQUIRED: Readonly<Record<string, Msg>> = {
  provider: msg(
    'Filen beskriver én leverandør (i SOR institutionsejeren) og dens enheder, så den skal have en `provider`.',
    'The file describes one provider (in SOR the institution owner) and its units, so it must have a `provider`.',
  ),
  name: msg('Enhver SOR-enhed har et navn, og plejeoverblikket viser det.', 'Every SOR unit has a name, and plejeoverblikket shows it.'),
  east: msg('Koordinater skal have både `east` og `north`.', 'Coordinates need both `east` and `north`.'),
  north: msg('Koordinater skal have både `east` og `north`.', 'Coordinates need both `east` and `north`.'),
};

function missingKey(error: ErrorObject, target: PointerTarget): Described | undefined {
  const owner = target.node;
  // A syntax error cut this mapping short: the key may well be in the part not read.
  if (owner.kind !== 'map' || !owner.complete) return undefined;
  const name = String(error.params.missingProperty);
  const where = ownerLabel(error.instancePath, owner);
  const head = msg(`${capitalise(where.da)} mangler \`${name}\`, som skal være der.`, `${capitalise(where.en)} has no \`${name}\`, which is required.`);
  const todo = msg(`Tilføj \`${name}: …\`.`, `Add \`${name}: …\`.`);
  return { span: ownerSpan(target, owner), message: join(head, WHY_REQUIRED[name], todo) };
}

/** The owning mapping's key (`provider:`, `visitingAddress:`), or its first key when it has none (a list item, the root). */
function ownerSpan(target: PointerTarget, owner: MapNode): Span {
  if (target.pair) return target.pair.key;
  const first = owner.entries[0];
  return first ? first.key : { start: owner.start, end: Math.min(owner.end, owner.start + 1) };
}

// Values not among the allowed ones.

const WHY_ENUM: Readonly<Record<string, Msg>> = {
  legalBasis: msg(
    'Vejledningen (afsnit 3) nævner fire love, som en plejeenheds pladser kan høre under: ældreloven § 47, almenboligloven, ældreboligloven og friplejeboligloven.',
    'The guidance (Afsnit 3) lists four laws a care unit’s places can fall under: ældreloven § 47, almenboligloven, ældreboligloven and friplejeboligloven.',
  ),
};

function notAllowed(error: ErrorObject, target: PointerTarget, context: RuleContext): Described {
  const allowed = (error.params.allowedValues as unknown[]).map(String);
  const subject = subjectOf(error.instancePath);
  const written = target.node.kind === 'scalar' ? target.node.text : null;
  const head = msg(
    `${capitalise(subject.da)} er ${written === null ? 'tom' : `\`${written}\``}, som ikke er en af de tilladte værdier: ${codeList(allowed)}.`,
    `${capitalise(subject.en)} is ${written === null ? 'empty' : `\`${written}\``}, which is not one of the allowed values: ${codeList(allowed)}.`,
  );
  const candidates = written === null ? [] : closestNames(written, allowed);
  const hint = candidates.length > 0 ? msg(`Mente du ${orList(candidates, 'eller')}?`, `Did you mean ${orList(candidates, 'or')}?`) : undefined;
  const fixes: FixSpec[] =
    candidates.length === 1 && target.written.kind === 'scalar' && target.written.end > target.written.start
      ? [
          {
            title: msg(`Ret til \`${candidates[0]}\``, `Change to \`${candidates[0]}\``),
            safe: true,
            edits: [replaceScalar(context.text, target.written, candidates[0], context.document.language)],
          },
        ]
      : [];
  return { span: valueSpan(target, context.text), message: join(head, hint, WHY_ENUM[lastSegment(error.instancePath)]), fixes };
}

// Wrong types, patterns and anything else about a value.

const FORM: Readonly<Record<string, Msg>> = {
  fromDate: msg('en dato skrevet ÅÅÅÅ-MM-DD, fx 2019-03-01', 'a date written YYYY-MM-DD, e.g. 2019-03-01'),
  toDate: msg('en dato skrevet ÅÅÅÅ-MM-DD, fx 2026-12-31', 'a date written YYYY-MM-DD, e.g. 2026-12-31'),
  darId: msg(
    'et DAR-adresse-id (et UUID som 0a3f50a0-73bf-32b8-e044-0003ba298018)',
    'a DAR address id (a UUID such as 0a3f50a0-73bf-32b8-e044-0003ba298018)',
  ),
  unitTypeCode: msg('en SNOMED CT-kode på 6-18 cifre, fx 42665001', 'a SNOMED CT code of 6-18 digits, e.g. 42665001'),
  east: msg('et tal i meter (ETRS89 / UTM 32), fx 575123.4', 'a number of metres (ETRS89 / UTM 32), e.g. 575123.4'),
  north: msg('et tal i meter (ETRS89 / UTM 32), fx 6223456.7', 'a number of metres (ETRS89 / UTM 32), e.g. 6223456.7'),
};

function valueMessage(error: ErrorObject): Msg {
  const subject = subjectOf(error.instancePath);
  const property = lastSegment(error.instancePath);
  switch (error.keyword) {
    case 'type': {
      const expected = typeWords(error.params.type as string | string[]);
      const found = foundWords(error.data);
      const head = msg(
        `${capitalise(subject.da)} skal være ${expected.da}, men er ${found.da}.`,
        `${capitalise(subject.en)} must be ${expected.en}, but is ${found.en}.`,
      );
      return join(head, typeHint(error.params.type as string | string[], error.data));
    }
    case 'pattern': {
      const form = FORM[property] ?? msg(`på formen ${error.params.pattern}`, `of the form ${error.params.pattern}`);
      return msg(
        `${capitalise(subject.da)} er \`${String(error.data)}\`, men skal være ${form.da}.`,
        `${capitalise(subject.en)} is \`${String(error.data)}\`, but must be ${form.en}.`,
      );
    }
    case 'minLength':
      return join(msg(`${capitalise(subject.da)} er tom.`, `${capitalise(subject.en)} is empty.`), WHY_REQUIRED[property]);
    default:
      // The schema uses no other keyword today; a future one still gets a located finding.
      return msg(
        `${capitalise(subject.da)} følger ikke formatet (JSON-skemaets regel \`${error.keyword}\`).`,
        `${capitalise(subject.en)} does not follow the format: it ${error.message ?? `fails \`${error.keyword}\``}.`,
      );
  }
}

function typeHint(expected: string | string[], found: unknown): Msg | undefined {
  if (found === null) return msg('Udfyld værdien, eller fjern nøglen.', 'Fill in the value or remove the key.');
  if (expected === 'string' && (typeof found === 'number' || typeof found === 'boolean')) {
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

const NOT_A_MAPPING = msg(
  'En SOR-strukturfil skal være en mapping med nøglen `provider` (leverandøren) og evt. `institutions`. Start filen med `provider:`.',
  'A SOR structure file must be a mapping with a `provider` key (the provider) and usually `institutions`. Start the file with `provider:`.',
);

// Places and names in messages.

/** What the error is about: `name`, or "entry 2 of `units`" for a list item. */
function subjectOf(pointer: string): Msg {
  const segments = pointerSegments(pointer);
  const last = segments[segments.length - 1];
  if (last === undefined) return msg('filen', 'the file');
  if (!/^\d+$/.test(last)) return msg(`\`${last}\``, `\`${last}\``);
  const list = segments[segments.length - 2] ?? '';
  return msg(`punkt ${Number(last) + 1} i \`${list}\``, `entry ${Number(last) + 1} of \`${list}\``);
}

/** The mapping a key is in or missing from: the file's top level, `provider`, or a unit by name. */
function ownerLabel(pointer: string, owner: MapNode): Msg {
  const segments = pointerSegments(pointer);
  const last = segments[segments.length - 1];
  if (last === undefined) return msg('filens øverste niveau', 'the top level of the file');
  const name = entriesOf(owner).find((pair) => pair.key.text === 'name');
  const nameNode = name && resolve(name.value);
  const unitName = nameNode?.kind === 'scalar' ? nameNode.text : null;
  if (/^\d+$/.test(last) && unitName) return msg(`enheden "${unitName}"`, `the unit "${unitName}"`);
  return subjectOf(pointer);
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

function join(...parts: (Msg | undefined)[]): Msg {
  const present = parts.filter((part): part is Msg => part !== undefined);
  return msg(present.map((part) => part.da).join(' '), present.map((part) => part.en).join(' '));
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
