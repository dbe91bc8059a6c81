// Applying many fixes at once: pick fixes whose edits do not collide, and for "fix all safe",
// repeat lint-and-fix until the text is stable, then hand the editor one edit.
import type { Finding, Fix, TextEdit } from '../core/finding.js';
import { applyEdits } from '../core/edits.js';
import type { LintResult } from '../core/lint.js';

export const MAX_FIX_PASSES = 10;

/** The fix a "fix all" applies for a finding: its safe one if any (or, when allowed, its first). */
export function chosenFix(finding: Finding, safeOnly: boolean): Fix | undefined {
  return finding.fixes.find((fix) => fix.safe) ?? (safeOnly ? undefined : finding.fixes[0]);
}

/** Fixes in file order, skipping any that touches an edit already taken. */
export function nonOverlapping(fixes: readonly Fix[]): Fix[] {
  const taken: TextEdit[] = [];
  const chosen: Fix[] = [];
  const ordered = [...fixes].sort((a, b) => firstStart(a) - firstStart(b));
  for (const fix of ordered) {
    if (fix.edits.length === 0 || fix.edits.some((edit) => taken.some((other) => collide(edit, other)))) continue;
    taken.push(...fix.edits);
    chosen.push(fix);
  }
  return chosen;
}

function firstStart(fix: Fix): number {
  return Math.min(...fix.edits.map((edit) => edit.start));
}

/** Overlapping ranges, or two edits at one point (their order would be arbitrary). */
function collide(a: TextEdit, b: TextEdit): boolean {
  return (a.start < b.end && b.start < a.end) || a.start === b.start;
}

/** The text with the given findings' chosen fixes applied in one pass. */
export function applyFindingFixes(text: string, findings: readonly Finding[], safeOnly: boolean): string {
  const fixes = findings.map((finding) => chosenFix(finding, safeOnly)).filter((fix): fix is Fix => fix !== undefined);
  const chosen = nonOverlapping(fixes);
  return chosen.length === 0 ? text : applyEdits(text, chosen.flatMap((fix) => fix.edits));
}

/**
 * Every safe fix, re-linting between passes since one fix can reveal or move another, until
 * nothing changes or MAX_FIX_PASSES. `lintText` lints a BOM-free text the way the editor does.
 */
export function fixAllSafe(text: string, lintText: (text: string) => LintResult, first?: Pick<LintResult, 'text' | 'findings'>): string {
  let current = text;
  let result: Pick<LintResult, 'text' | 'findings'> = first ?? lintText(current);
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const next = applyFindingFixes(result.text, result.findings, true);
    if (next === result.text) break;
    current = next;
    if (pass + 1 < MAX_FIX_PASSES) result = lintText(current);
  }
  return current;
}

/** The one edit that turns `before` into `after`: the differing middle, so the cursor stays put. */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < shortest - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  // Never split a surrogate pair or a CRLF at either end.
  while (start > 0 && splitsPair(before, start)) start--;
  while (tail > 0 && splitsPair(before, before.length - tail)) tail--;
  return { start, end: before.length - tail, newText: after.slice(start, after.length - tail) };
}

function splitsPair(text: string, at: number): boolean {
  const previous = text.charCodeAt(at - 1);
  const next = text.charCodeAt(at);
  return (previous >= 0xd800 && previous <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) || (previous === 0x0d && next === 0x0a);
}
