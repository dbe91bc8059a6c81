// --fix: apply every safe fix, lint again, and repeat until nothing changes (at most 10 passes).
// A file with a syntax error is left alone, and a pass whose result would not parse is dropped.
import type { TextEdit } from '../core/finding.js';
import { applyEdits } from '../core/edits.js';
import type { LintResult } from '../core/lint.js';
import { PARSE_RULE_ID } from '../core/lint.js';

export const MAX_FIX_PASSES = 10;

export interface FixOutcome {
  /** The final text (BOM removed), and the lint of it. */
  text: string;
  /** The input had a UTF-8 BOM, which the written file must keep. */
  bom: boolean;
  result: LintResult;
  changed: boolean;
}

/** `lintText` may be asynchronous: with --online each pass also asks the address register (cached). */
export async function fixUntilStable(input: string, lintText: (text: string) => LintResult | Promise<LintResult>): Promise<FixOutcome> {
  let result = await lintText(input);
  const original = result.text;
  const bom = result.bom;
  if (hasParseError(result)) return { text: original, bom, result, changed: false };
  let text = original;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const edits = safeEdits(result);
    if (edits.length === 0) break;
    const next = applyEdits(text, edits);
    if (next === text) break;
    const nextResult = await lintText(next);
    if (hasParseError(nextResult)) break;
    text = next;
    result = nextResult;
  }
  return { text, bom, result, changed: text !== original };
}

function hasParseError(result: LintResult): boolean {
  return result.findings.some((finding) => finding.ruleId === PARSE_RULE_ID);
}

/** The first safe fix of each finding, skipping any that touches a fix already taken (next pass). */
function safeEdits(result: LintResult): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const finding of result.findings) {
    const fix = finding.fixes.find((f) => f.safe);
    if (!fix || fix.edits.some((edit) => taken.some((other) => overlaps(edit, other)))) continue;
    taken.push(...fix.edits);
  }
  return taken;
}

/** Two insertions at one point overlap too: their order would be a guess. */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  return (a.start < b.end && b.start < a.end) || a.start === b.start;
}
