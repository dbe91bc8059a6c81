// The one fix loop every face calls: `--fix` and `--fix-dry-run`, the editor's fix-all and
// fix-on-save, and a rule's "fix all". Apply the chosen fixes, lint again (one fix can reveal or
// move another), repeat until nothing changes or MAX_FIX_PASSES; the same edits from the same text.
import type { Span } from './ast.js';
import { holdsUndecodedBytes } from './decoding.js';
import { applyEdits } from './edits.js';
import type { Finding, Fix, TextEdit } from './finding.js';
import { PARSE_RULE_ID } from './lint.js';

export const MAX_FIX_PASSES = 10;

/** Safe fixes change a value's form only; suggestions are guesses, applied only when asked for. */
export type FixType = 'safe' | 'suggestion';

export const FIX_TYPES: readonly FixType[] = ['safe', 'suggestion'];

export interface FixSelection {
  types: readonly FixType[];
  /** Only this rule's findings (a rule's "fix all"). */
  ruleId?: string;
}

export const SAFE_FIXES: FixSelection = { types: ['safe'] };

/** What the loop needs of a lint: the text its offsets refer to, and its findings. */
export interface Fixable {
  text: string;
  findings: readonly Finding[];
}

export interface FixOutcome<R extends Fixable> {
  /** The lint of the final text (`result.text`). */
  result: R;
  changed: boolean;
}

/**
 * No fix at all for a file with a syntax error (an edit could land in what the parser skipped)
 * or with bytes that were not UTF-8 (writing the text back would turn them into U+FFFD).
 */
export function refusesFixes(result: Fixable): boolean {
  return hasParseError(result) || holdsUndecodedBytes(result.text);
}

/** The findings with the fixes a face may offer: none in a text that may not be written back. */
export function findingsToOffer(result: Fixable): readonly Finding[] {
  return holdsUndecodedBytes(result.text) ? result.findings.map((finding) => ({ ...finding, fixes: [] })) : result.findings;
}

/** The fix applied for a finding: its safe one when safe fixes are wanted, else its first suggestion. */
export function chosenFix(finding: Finding, types: readonly FixType[]): Fix | undefined {
  return (types.includes('safe') ? finding.fixes.find((fix) => fix.safe) : undefined) ?? (types.includes('suggestion') ? finding.fixes.find((fix) => !fix.safe) : undefined);
}

/**
 * The edits of the fixes one pass applies, one fix per finding in file order, skipping a fix that
 * touches an edit already taken (the next pass gets it) and the other end of a conflict already
 * settled (the two ends of a nesting point at each other; retyping both would be wrong).
 */
export function selectFixes(result: Fixable, selection: FixSelection): TextEdit[][] {
  if (refusesFixes(result)) return [];
  const settled = new Set<string>();
  const candidates: Fix[] = [];
  for (const finding of result.findings) {
    if (selection.ruleId !== undefined && finding.ruleId !== selection.ruleId) continue;
    if (settled.has(spanKey(finding.span))) continue;
    const fix = chosenFix(finding, selection.types);
    if (!fix) continue;
    candidates.push(fix);
    for (const related of finding.related) settled.add(spanKey(related.span));
  }
  return nonOverlapping(candidates, result.text);
}

/** The edits of the fixes (of findings on `text`) in the order given, skipping any fix that touches an edit already taken. */
export function nonOverlapping(fixes: readonly Fix[], text: string): TextEdit[][] {
  const taken = new TakenEdits();
  const chosen: TextEdit[][] = [];
  for (const fix of fixes) {
    const edits = fix.edits(text);
    if (edits.length === 0 || edits.some((edit) => taken.collides(edit))) continue;
    for (const edit of edits) taken.add(edit);
    chosen.push(edits);
  }
  return chosen;
}

/**
 * The edits taken, by where they start. They do not collide, so each ends where the next starts
 * or before: a new edit can only collide with the two it would stand between. (Checking every
 * taken edit made a pass over a national file's 100,000 fixes quadratic.)
 */
class TakenEdits {
  private readonly edits: TextEdit[] = [];

  collides(edit: TextEdit): boolean {
    const index = this.firstFrom(edit.start);
    const next = this.edits[index];
    const previous = this.edits[index - 1];
    return (next !== undefined && collide(edit, next)) || (previous !== undefined && collide(edit, previous));
  }

  add(edit: TextEdit): void {
    this.edits.splice(this.firstFrom(edit.start), 0, edit);
  }

  /** The index of the first edit that starts at `offset` or later. */
  private firstFrom(offset: number): number {
    let low = 0;
    let high = this.edits.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.edits[middle].start < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** Overlapping ranges, or two insertions at one point (their order would be a guess). */
function collide(a: TextEdit, b: TextEdit): boolean {
  return (a.start < b.end && b.start < a.end) || a.start === b.start;
}

function spanKey(span: Span): string {
  return `${span.start}:${span.end}`;
}

function hasParseError(result: Fixable): boolean {
  return result.findings.some((finding) => finding.ruleId === PARSE_RULE_ID);
}

/** The loop, handing each text it wants linted to its driver (sync for the editor, async for --online). */
function* fixPasses<R extends Fixable>(first: R, selection: FixSelection): Generator<string, FixOutcome<R>, R> {
  let result = first;
  // Suggestions answer the findings the user saw, never those an applied guess gave rise to
  // (a care unit retyped would get guessed contact keys next): later passes apply safe fixes only.
  const later: FixSelection = { ...selection, types: selection.types.filter((type) => type === 'safe') };
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixes = selectFixes(result, pass === 0 ? selection : later);
    if (fixes.length === 0) break;
    const next = applyEdits(result.text, fixes.flat());
    if (next === result.text) break;
    const nextResult = yield next;
    // A pass whose result would not parse is dropped, and the loop ends with the text before it.
    if (hasParseError(nextResult)) break;
    result = nextResult;
  }
  return { result, changed: result.text !== first.text };
}

/** Fix `first` (a lint of the text) until stable; `lintText` lints a BOM-free text as `first` was. */
export function fixUntilStable<R extends Fixable>(first: R, lintText: (text: string) => R, selection: FixSelection = SAFE_FIXES): FixOutcome<R> {
  const passes = fixPasses(first, selection);
  let step = passes.next();
  while (!step.done) step = passes.next(lintText(step.value));
  return step.value;
}

/** The same loop when a lint is asynchronous (with --online each pass also asks the address register). */
export async function fixUntilStableAsync<R extends Fixable>(first: R, lintText: (text: string) => R | Promise<R>, selection: FixSelection = SAFE_FIXES): Promise<FixOutcome<R>> {
  const passes = fixPasses(first, selection);
  let step = passes.next();
  while (!step.done) step = passes.next(await lintText(step.value));
  return step.value;
}
