// sor-code: a SOR code that cannot be one (error), one that two units share (error), and one whose
// structure says it was mistyped (warning): SOR's own code structure, FORMAT.md.
import type { Span } from '../core/ast.js';
import type { RelatedFile } from '../core/finding.js';
import type { Msg } from '../core/i18n.js';
import { msg } from '../core/i18n.js';
import type { Entity, Field, SorDocument } from '../core/model.js';
import { displayName, entitySpan } from '../core/model.js';
import type { Report, Rule, RuleContext } from '../core/rule.js';
import { providerCvr } from './support/cvr.js';
import { checkSorCode, SOR_CODE_MAX_DIGITS, SOR_CODE_MIN_DIGITS, SOR_NAMESPACE, SOR_PARTITION } from './support/sor-code.js';
import { exampleFile } from './support/examples.js';

const WHAT_TO_DO = msg(
  'Kopiér koden fra SOR (SOR-browseren eller eksporten), eller fjern `sorId`, hvis enheden endnu ikke er i SOR.',
  'Copy the code from SOR (the SOR browser or its export), or remove `sorId` if the unit is not yet in SOR.',
);

interface Occurrence {
  entity: Entity;
  field: Field;
  code: string;
  /** The document of the stream it is in, 1-based, for messages that point across documents. */
  documentNumber: number;
  /** The provider's CVR when the unit is a provider: one provider split over documents or files repeats its code. */
  providerCvr: string | undefined;
}

/** The same unit written twice, not two units: a provider split over documents or files (by its CVR). */
export function sameProvider(a: { providerCvr?: string }, b: { providerCvr?: string }): boolean {
  return a.providerCvr !== undefined && a.providerCvr === b.providerCvr;
}

const CORRECT_THE_CODE = msg(
  'Ret koden på den enhed, der har fået den forkerte (SOR-browseren viser, hvilken enhed den hører til).',
  'Correct the code of the unit that has the wrong one (the SOR browser shows which unit it belongs to).',
);

/** The value's range, or the unit's name when the code comes from elsewhere (a YAML merge key). */
function placeOf({ entity, field }: Occurrence): Span {
  return entity.map.entries.includes(field.pair) ? { start: field.node.start, end: field.node.end } : entitySpan(entity);
}

function reportStructure(context: RuleContext, occurrence: Occurrence): void {
  const { code } = occurrence;
  const check = checkSorCode(code);
  // Nearly every code is well formed: nothing to place or name.
  if (check.kind === 'digits' && check.wrongNamespace === undefined && check.expectedCheckDigit === undefined) return;
  const span = placeOf(occurrence);
  const unit = displayName(occurrence.entity);
  if (check.kind === 'not-digits') {
    context.report({
      span,
      message: msg(`SOR-koden "${code}" for "${unit}" består ikke kun af cifre.`, `The SOR code "${code}" of "${unit}" is not all digits.`),
      action: WHAT_TO_DO,
    });
    return;
  }
  if (check.kind === 'length') {
    context.report({
      span,
      message: msg(
        `SOR-koden "${code}" for "${unit}" har ${check.digits} ${check.digits === 1 ? 'ciffer' : 'cifre'}, men en SOR-kode har ${SOR_CODE_MIN_DIGITS}-${SOR_CODE_MAX_DIGITS}.`,
        `The SOR code "${code}" of "${unit}" has ${check.digits} ${check.digits === 1 ? 'digit' : 'digits'}, but a SOR code has ${SOR_CODE_MIN_DIGITS}-${SOR_CODE_MAX_DIGITS}.`,
      ),
      action: WHAT_TO_DO,
    });
    return;
  }
  const expectedTail = SOR_NAMESPACE + SOR_PARTITION;
  if (check.wrongNamespace !== undefined) {
    context.report({
      span,
      severity: 'warning',
      message: msg(
        `SOR-koden "${code}" for "${unit}" har "${check.wrongNamespace}" før sidste ciffer, hvor alle danske SOR-koder har "${expectedTail}".`,
        `The SOR code "${code}" of "${unit}" has "${check.wrongNamespace}" before its last digit, where every Danish SOR code has "${expectedTail}".`,
      ),
      action: WHAT_TO_DO,
    });
  }
  if (check.expectedCheckDigit !== undefined) {
    context.report({
      span,
      severity: 'warning',
      message: msg(
        `SOR-koden "${code}" for "${unit}" består ikke Verhoeff-kontrollen (sidste ciffer skulle være ${check.expectedCheckDigit}).`,
        `The SOR code "${code}" of "${unit}" fails the Verhoeff check (its last digit would be ${check.expectedCheckDigit}).`,
      ),
      action: WHAT_TO_DO,
    });
  }
}

/** The codes of every document of a file, gathered once per lint of a stream (each document's check reads them). */
interface FileCodes {
  byDocument: Map<SorDocument, Occurrence[]>;
  /** The codes more than one unit has. */
  byCode: Map<string, Occurrence[]>;
}

const codesOfFile = new WeakMap<readonly SorDocument[], FileCodes>();

function codesOf(documents: readonly SorDocument[]): FileCodes {
  const known = codesOfFile.get(documents);
  if (known) return known;
  const byDocument = new Map<SorDocument, Occurrence[]>();
  const first = new Map<string, Occurrence>();
  // Kept with the lint for the checks across files: only the shared codes, so no list is made for
  // each of a national file's codes, only for one its second unit has.
  const byCode = new Map<string, Occurrence[]>();
  documents.forEach((document, i) => {
    const occurrences = occurrencesIn(document, i + 1);
    byDocument.set(document, occurrences);
    for (const occurrence of occurrences) {
      const earlier = first.get(occurrence.code);
      const sharing = earlier && byCode.get(occurrence.code);
      if (!earlier) first.set(occurrence.code, occurrence);
      else if (sharing) sharing.push(occurrence);
      else byCode.set(occurrence.code, [earlier, occurrence]);
    }
  });
  const codes: FileCodes = { byDocument, byCode };
  codesOfFile.set(documents, codes);
  return codes;
}

function occurrencesIn(document: SorDocument, documentNumber: number): Occurrence[] {
  const occurrences: Occurrence[] = [];
  for (const entity of document.entities) {
    const field = entity.fields.sorId;
    const code = field?.node.kind === 'scalar' ? field.text : null;
    // No code (or an empty one) marks a unit still to be created in SOR; lists and maps are the schema's.
    if (field && code && code.trim() !== '') occurrences.push({ entity, field, code, documentNumber, providerCvr: entity.level === 'provider' ? providerCvr(document) : undefined });
  }
  return occurrences;
}

/** A unit's SOR code as the workspace index keeps it (core/workspace.ts). */
export interface UnitCode {
  code: string;
  unit: string;
  /** Where a finding about it goes. */
  span: Span;
  providerCvr?: string;
}

/** Every SOR code of a file, where the rule reports it: what the checks across files compare. */
export function unitCodesOf(documents: readonly SorDocument[]): UnitCode[] {
  return [...codesOf(documents).byDocument.values()].flat().map((occurrence) => ({
    code: occurrence.code,
    unit: displayName(occurrence.entity),
    span: placeOf(occurrence),
    ...(occurrence.providerCvr !== undefined && { providerCvr: occurrence.providerCvr }),
  }));
}

/** A unit of another file of the workspace with the same code. */
export interface CodeElsewhere {
  unit: string;
  /** The other file as messages name it (a path relative to the working folder). */
  fileLabel: string;
  /** Offsets into the other file's text, and that place in lines and columns. */
  span: Span;
  file: RelatedFile;
}

const MAX_NAMED_ELSEWHERE = 3;

/** The related locations one finding lists across files: a file copied a hundred times must not make each finding a hundred. */
export const MAX_RELATED_ELSEWHERE = 10;

/**
 * The finding on a unit whose code units of other files share: named with their files, each a
 * related location there. `others` are the first of them (up to MAX_RELATED_ELSEWHERE); `total`
 * counts them all.
 */
export function sharedAcrossFiles(unit: UnitCode, others: readonly CodeElsewhere[], total = others.length): Report {
  const where = (other: CodeElsewhere, inFile: string) => `"${other.unit}" ${inFile} ${other.fileLabel}`;
  const more = total - Math.min(others.length, MAX_NAMED_ELSEWHERE);
  const names = (inFile: string, andMore: string) =>
    others.slice(0, MAX_NAMED_ELSEWHERE).map((other) => where(other, inFile)).join(', ') + (more > 0 ? ` ${andMore}` : '');
  const named: Msg = msg(names('i', `og ${more} flere`), names('in', `and ${more} more`));
  return {
    span: unit.span,
    message: msg(`SOR-koden "${unit.code}" for "${unit.unit}" bruges også af ${named.da}.`, `The SOR code "${unit.code}" of "${unit.unit}" is also used by ${named.en}.`),
    action: CORRECT_THE_CODE,
    related: others.slice(0, MAX_RELATED_ELSEWHERE).map((other) => ({
      span: other.span,
      file: other.file,
      message: msg(`Samme SOR-kode på ${where(other, 'i')}`, `The same SOR code on ${where(other, 'in')}`),
    })),
  };
}

/** Each unit whose code another unit of the file shares is reported in its own document's turn. */
function reportDuplicates(context: RuleContext, occurrences: Occurrence[], byCode: Map<string, Occurrence[]>): void {
  for (const occurrence of occurrences) {
    const { code } = occurrence;
    const sharing = byCode.get(code);
    // Most codes are one unit's: no list to filter (the editor runs this on every keystroke).
    if (!sharing || sharing.length < 2) continue;
    const others = sharing.filter((other) => other !== occurrence && !sameProvider(other, occurrence));
    if (others.length === 0) continue;
    // A unit in another document of the stream says which: "Plejecenter Birkely" (document 2).
    const name = (other: Occurrence, document: string) =>
      `"${displayName(other.entity)}"${other.documentNumber === occurrence.documentNumber ? '' : ` (${document} ${other.documentNumber})`}`;
    const names = msg(others.map((other) => name(other, 'dokument')).join(', '), others.map((other) => name(other, 'document')).join(', '));
    context.report({
      span: placeOf(occurrence),
      message: msg(
        `SOR-koden "${code}" for "${displayName(occurrence.entity)}" bruges også af ${names.da} i denne fil.`,
        `The SOR code "${code}" of "${displayName(occurrence.entity)}" is also used by ${names.en} in this file.`,
      ),
      action: CORRECT_THE_CODE,
      related: others.map((other) => ({
        span: placeOf(other),
        message: msg(`Samme SOR-kode på ${name(other, 'dokument')}`, `The same SOR code on ${name(other, 'document')}`),
      })),
    });
  }
}

export const sorCode: Rule = {
  id: 'sor-code',
  defaultSeverity: 'error',
  scope: 'file', // a code two units of the file share
  fields: ['sorId'],
  supersedes: [
    { keyword: 'pattern', property: 'sorId' },
    // A number that cannot be a SOR code as text either (`sorId: -0`, `sorId: 12`): this rule says so.
    { keyword: 'type', property: 'sorId', when: (_owner, _context, value) => value?.kind === 'scalar' && value.text !== null && checkSorCode(value.text).kind !== 'digits' },
  ],
  docs: {
    summary: msg(
      'En SOR-kode, der ikke kan være en SOR-kode, som to enheder deler, eller hvis opbygning tyder på en tastefejl.',
      'A SOR code that cannot be one, that two units share, or whose structure points to a typo.',
    ),
    rationale: msg(
      `SOR-koden (SorId) identificerer enheden i SOR og dermed plejeenheden på plejeoverblikket. Den er opbygget som en SNOMED CT-identifikator: et løbenummer, det danske navnerum ${SOR_NAMESPACE}, en partition på 2 cifre (${SOR_PARTITION} i alle kendte koder) og et Verhoeff-kontrolciffer. Den mindste mulige kode er 11000016002, så en kode har ${SOR_CODE_MIN_DIGITS}-${SOR_CODE_MAX_DIGITS} cifre. En kode med andet end cifre, med for få eller for mange cifre, eller som to enheder deler, er en fejl, også når enhederne står i hver sit dokument af filen eller i hver sin fil af samme kørsel eller arbejdsområde (fundet står da i begge filer og peger på den anden). En leverandør med samme CVR-nummer, der er delt over flere dokumenter eller filer, er én leverandør: dens egen kode gentaget i hver af dem er ingen konflikt. En kode uden navnerum og partition foran kontrolcifferet, eller som ikke består Verhoeff-kontrollen, er en advarsel: alle kendte SOR-koder har dem, så det er næsten altid en tastefejl.`,
      `The SOR code (SorId) identifies the unit in SOR and so the care unit on plejeoverblikket. It is built as a SNOMED CT identifier: a running number, the Danish namespace ${SOR_NAMESPACE}, a 2-digit partition (${SOR_PARTITION} in every code seen) and a Verhoeff check digit. The smallest possible code is 11000016002, so a code has ${SOR_CODE_MIN_DIGITS}-${SOR_CODE_MAX_DIGITS} digits. A code with anything but digits, with too few or too many digits, or that two units share is an error, also when the units stand in different documents of the file or in different files of one run or workspace (then both files have the finding, each pointing at the other). A provider with one CVR number split over several documents or files is one provider: its own code repeated in each of them is no conflict. A code without the namespace and partition before its check digit, or that fails the Verhoeff check, is a warning: every known SOR code has them right, so it is almost always a typo.`,
    ),
    remedy: msg(
      'Kopiér SOR-koden fra SOR (SOR-browseren eller SOR\'s eksport). En enhed, der endnu ikke er oprettet i SOR, skal ikke have nogen sorId.',
      'Copy the SOR code from SOR (the SOR browser or SOR\'s export). A unit not yet created in SOR has no sorId.',
    ),
    source: 'SOR\'s code structure (FORMAT.md, sorId)',
    invalidExample: exampleFile(`  - name: Plejecenter Østervang
    sorId: "698481000016007"
    unitType: plejeenhed
  - name: Plejecenter Birkely
    sorId: "698481000016007"
    unitType: plejeenhed
`),
    validExample: exampleFile(`  - name: Plejecenter Østervang
    sorId: "698481000016007"
    unitType: plejeenhed
  - name: Plejecenter Birkely
    sorId: "11000016002"
    unitType: plejeenhed
`),
  },
  check(context) {
    const codes = codesOf(context.documents);
    const occurrences = codes.byDocument.get(context.document) ?? [];
    for (const occurrence of occurrences) reportStructure(context, occurrence);
    reportDuplicates(context, occurrences, codes.byCode);
  },
};
