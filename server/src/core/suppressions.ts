// Inline suppression comments in YAML, so a user can acknowledge a finding where it stands
// (the guidance lets a `plejehjem` unit that is not a care unit keep its type):
//   # sor-lint-disable-next-line plejehjem-retype -- not a care unit: day centre
//   # sor-lint-disable address-unverified   …   # sor-lint-enable address-unverified
// No rule ids means every rule. JSON has no comments; there, configuration overrides serve.
import type { Node, Span } from './ast.js';
import type { Finding } from './finding.js';
import { LineIndex } from './lines.js';

export type DirectiveKind = 'disable-next-line' | 'disable' | 'enable';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids named; empty means all rules. */
  rules: string[];
  /** Where each of `rules` is written, in the same order. */
  ruleSpans: Span[];
  reason: string | undefined;
  span: Span;
  /** Set by applySuppressions when the directive silenced at least one finding. */
  used: boolean;
}

const DIRECTIVE = /(^|[ \t])#[ \t]*sor-lint-(disable-next-line|disable|enable)(?=[ \t]|$)([^\r\n]*)/gm;

export function findDirectives(text: string, roots: readonly Node[]): Directive[] {
  if (!text.includes('sor-lint-')) return [];
  const directives: Directive[] = [];
  for (const match of text.matchAll(DIRECTIVE)) {
    const start = match.index! + match[1].length;
    if (insideScalar(roots, start)) continue;
    const [list, reason] = splitReason(match[3]);
    const listStart = match.index! + match[0].length - match[3].length;
    const ids = [...list.matchAll(/[^\s,]+/g)];
    directives.push({
      kind: match[2] as DirectiveKind,
      rules: ids.map((id) => id[0]),
      ruleSpans: ids.map((id) => ({ start: listStart + id.index, end: listStart + id.index + id[0].length })),
      reason,
      span: { start, end: match.index! + match[0].length },
      used: false,
    });
  }
  return directives;
}

function splitReason(rest: string): [string, string | undefined] {
  const at = rest.indexOf('--');
  return at < 0 ? [rest, undefined] : [rest.slice(0, at), rest.slice(at + 2).trim() || undefined];
}

/** A `#` inside a quoted or plain scalar is text, not a comment. */
function insideScalar(roots: readonly Node[], offset: number): boolean {
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (offset < node.start || offset >= node.end) continue;
    if (node.kind === 'scalar') return true;
    if (node.kind === 'map') for (const pair of node.entries) stack.push(pair.key, pair.value);
    else if (node.kind === 'seq') stack.push(...node.items);
  }
  return false;
}

/**
 * The directives of each document of a stream (given the offsets where the documents start): a
 * comment belongs to the last document that starts at or before it, one before them all to the first.
 */
export function directivesByDocument(directives: readonly Directive[], documentStarts: readonly number[]): Directive[][] {
  const byDocument: Directive[][] = documentStarts.map(() => []);
  for (const directive of directives) {
    let index = 0;
    while (index + 1 < documentStarts.length && documentStarts[index + 1] <= directive.span.start) index++;
    byDocument[index]?.push(directive);
  }
  return byDocument;
}

/** Drops the findings that directives silence and marks those directives used. */
export function applySuppressions(text: string, findings: Finding[], directives: Directive[]): Finding[] {
  if (directives.length === 0) return findings;
  const lines = new LineIndex(text);
  const lineOf = (offset: number) => lines.positionAt(offset).line;
  const ordered = [...directives].sort((a, b) => a.span.start - b.span.start);
  return findings.filter((finding) => {
    const line = lineOf(finding.span.start);
    const silencer = silencing(ordered, finding, line, lineOf);
    if (silencer) silencer.used = true;
    return !silencer;
  });
}

function silencing(directives: Directive[], finding: Finding, line: number, lineOf: (offset: number) => number): Directive | undefined {
  const names = (d: Directive) => d.rules.length === 0 || d.rules.includes(finding.ruleId);
  // A comment never silences what is found about the comment itself (an unknown rule id in it).
  const about = (d: Directive) => finding.span.start >= d.span.start && finding.span.end <= d.span.end;
  let block: Directive | undefined;
  for (const directive of directives) {
    const at = lineOf(directive.span.start);
    if (at > line) break;
    if (!names(directive) || about(directive)) continue;
    if (directive.kind === 'disable-next-line' && at === line - 1) return directive;
    if (directive.kind === 'disable') block = directive;
    if (directive.kind === 'enable') block = undefined;
  }
  return block;
}
