// The editor's side of the one fix loop (core/fix-loop.ts): "fix all safe" as one edit over the
// changed part of the document.
import type { TextEdit } from '../core/finding.js';
import type { Fixable } from '../core/fix-loop.js';
import { fixUntilStable } from '../core/fix-loop.js';

/** Every safe fix, as `--fix` applies them. `lintText` lints a BOM-free text the way the editor does. */
export function fixAllSafe(text: string, lintText: (text: string) => Fixable, first?: Fixable): string {
  return fixUntilStable(first ?? lintText(text), lintText).result.text;
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
