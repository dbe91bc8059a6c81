// Minimal text edits computed from node spans. A fix rewrites the value it must and nothing else:
// comments, key order, quoting style, indentation and line endings stay as the user wrote them.
import type { MapNode, Pair, ScalarNode } from './ast.js';
import type { TextEdit } from './finding.js';
import { eolOf } from './lines.js';
import type { Language } from './parse.js';

/** A YAML plain scalar we can write without quotes: no indicator, not read as a number or keyword. */
const SAFE_PLAIN = /^[\p{L}\p{N}][\p{L}\p{N} ._/@+,()-]*$/u;
const YAML_KEYWORD = /^(?:true|false|null|yes|no|on|off|y|n|~)$/i;
const NUMBER_LIKE = /^[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$|^0[xo]/i;

/** A new scalar value as it must be written in this language (JSON always quoted). */
export function formatScalar(value: string, language: Language): string {
  if (language === 'json') return JSON.stringify(value);
  const plain = SAFE_PLAIN.test(value) && !value.endsWith(' ') && !YAML_KEYWORD.test(value) && !NUMBER_LIKE.test(value) && !value.includes(': ') && !value.includes(' #');
  return plain ? value : JSON.stringify(value);
}

/** Rewrite a scalar's value in the quoting style it already has; an absent value gets one. */
export function replaceScalar(text: string, node: ScalarNode, value: string, language: Language): TextEdit {
  const start = valueStart(text, node);
  if (node.start === node.end) return { start, end: start, newText: ' ' + formatScalar(value, language) };
  const quote = text[start];
  let newText: string;
  if (quote === '"') newText = JSON.stringify(value);
  else if (quote === "'") newText = `'${value.replace(/'/g, "''")}'`;
  else newText = formatScalar(value, language);
  return { start, end: node.end, newText };
}

/** Where the value itself starts, after YAML node properties (`&anchor`, `!tag`). */
function valueStart(text: string, node: ScalarNode): number {
  let i = node.start;
  while (i < node.end && (text[i] === '&' || text[i] === '!')) {
    while (i < node.end && text[i] !== ' ' && text[i] !== '\t') i++;
    while (i < node.end && (text[i] === ' ' || text[i] === '\t')) i++;
  }
  return i;
}

export interface NewPair {
  key: string;
  /** Already formatted (see formatScalar); `""` for an empty placeholder the user fills in. */
  value: string;
}

/**
 * Insert pairs into a mapping after `after` (default: its last pair), matching its layout: a new
 * line at the same indent in a block mapping; `, key: value` in a flow mapping or JSON object.
 */
export function insertPairs(text: string, map: MapNode, pairs: NewPair[], language: Language, after?: Pair): TextEdit {
  const eol = eolOf(text);
  const anchor = after ?? map.entries[map.entries.length - 1];
  const keyText = (key: string) => (language === 'json' ? JSON.stringify(key) : key);
  const pairText = (pair: NewPair) => `${keyText(pair.key)}: ${pair.value}`;
  const flow = text[map.start] === '{';
  if (!anchor) {
    // An empty mapping: only `{}` can be empty in place.
    const inside = map.start + 1;
    return { start: inside, end: inside, newText: pairs.map(pairText).join(', ') };
  }
  const indent = columnOf(text, anchor.key.start);
  const anchorEnd = Math.max(anchor.key.end, anchor.value.end);
  if (flow) {
    const multiLine = lineStartOf(text, anchor.key.start) !== lineStartOf(text, map.start);
    const separator = multiLine ? `,${eol}${' '.repeat(indent)}` : ', ';
    return { start: anchorEnd, end: anchorEnd, newText: pairs.map((pair) => separator + pairText(pair)).join('') };
  }
  // Block mapping: after the end of the line the anchor pair ends on (past any trailing comment).
  const lineEnd = endOfLine(text, anchorEnd);
  const lines = pairs.map((pair) => eol + ' '.repeat(indent) + pairText(pair)).join('');
  return { start: lineEnd, end: lineEnd, newText: lines };
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function endOfLine(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** Apply non-overlapping edits (as a fix carries them) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) throw new Error('overlapping edits');
    result += text.slice(at, edit.start) + edit.newText;
    at = edit.end;
  }
  return result + text.slice(at);
}
