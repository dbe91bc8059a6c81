// Minimal text edits computed from node spans. A fix rewrites the value it must and nothing else:
// comments, key order, quoting style, indentation and line endings stay as the user wrote them.
import type { MapNode, Pair, ScalarNode } from './ast.js';
import type { TextEdit } from './finding.js';
import { eolOf, lineIndexOf } from './lines.js';
import type { Language } from './parse.js';

/** A YAML plain scalar we can write without quotes: no indicator, not read as a number or keyword. */
const SAFE_PLAIN = /^[\p{L}\p{N}][\p{L}\p{N} ._/@+,()?=&%:-]*$/u;
const YAML_KEYWORD = /^(?:true|false|null|yes|no|on|off|y|n|~)$/i;
const NUMBER_LIKE = /^[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$|^0[xo]/i;

/** A new scalar value as it must be written in this language (JSON always quoted). */
export function formatScalar(value: string, language: Language): string {
  if (language === 'json') return JSON.stringify(value);
  // `:` is plain text unless a space or the end follows it (`https://x.dk` stays unquoted).
  const plain =
    SAFE_PLAIN.test(value) && !/[ :]$/.test(value) && !YAML_KEYWORD.test(value) && !NUMBER_LIKE.test(value) && !value.includes(': ') && !value.includes(' #');
  return plain ? value : JSON.stringify(value);
}

/** Rewrite a scalar's value in the quoting style it already has; an absent value gets one. */
export function replaceScalar(text: string, node: ScalarNode, value: string, language: Language): TextEdit {
  const start = valueStart(text, node);
  if (node.start === node.end) return { start, end: start, newText: ' ' + formatScalar(value, language) };
  const quote = text[start];
  if (language === 'yaml' && (quote === '|' || quote === '>')) return replaceBlockScalar(text, start, node.end, value);
  let newText: string;
  if (quote === '"') newText = JSON.stringify(value);
  else if (quote === "'") newText = `'${value.replace(/'/g, "''")}'`;
  else newText = formatScalar(value, language);
  return { start, end: node.end, newText };
}

/**
 * A stripped block scalar (`|-`, `>-`) keeps its header, comment included, and its indentation:
 * only the content is rewritten. Any other (`|` keeps a final line break, which a fixed value
 * does not have) or a value that cannot stand as one content line becomes a quoted scalar with
 * the header's comment after it.
 */
function replaceBlockScalar(text: string, start: number, end: number, value: string): TextEdit {
  const headerEnd = endOfLine(text, start);
  const header = /^[|>]-(?=\s|$)/.test(text.slice(start, headerEnd));
  const content = /\S/.exec(text.slice(headerEnd, end));
  if (header && content && value !== '' && !/^\s|[\r\n]|\s$/.test(value)) {
    const contentStart = headerEnd + content.index;
    return { start: contentStart, end: contentStart + text.slice(contentStart, end).trimEnd().length, newText: value };
  }
  const comment = /\s+#.*$/.exec(text.slice(start, headerEnd))?.[0] ?? '';
  return { start, end: Math.max(headerEnd, start + text.slice(start, end).trimEnd().length), newText: JSON.stringify(value) + comment };
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
  /**
   * A nested mapping written in place of `value` (an address with empty parts): in block style
   * below the key in a YAML block mapping, as `{ … }` in a flow mapping or JSON object.
   */
  entries?: NewPair[];
}

/**
 * Insert pairs into a mapping after `after` (default: its last pair), matching its layout: a new
 * line at the same indent in a block mapping; `, key: value` in a flow mapping or JSON object.
 */
export function insertPairs(text: string, map: MapNode, pairs: NewPair[], language: Language, after?: Pair): TextEdit {
  const eol = eolOf(text);
  const anchor = after ?? map.entries[map.entries.length - 1];
  const flow = text[map.start] === '{';
  if (!anchor) {
    // An empty mapping: only `{}` can be empty in place.
    const inside = map.start + 1;
    const layout: PairLayout = { language, eol, indent: 0, step: 0, style: 'inline' };
    return { start: inside, end: inside, newText: pairs.map((pair) => pairText(pair, layout)).join(', ') };
  }
  const indent = columnOf(text, anchor.keyStart);
  const anchorEnd = Math.max(anchor.keyEnd, anchor.value.end);
  const step = indentStep(text, map);
  if (flow) {
    const multiLine = lineStartOf(text, anchor.keyStart) !== lineStartOf(text, map.start);
    const layout: PairLayout = { language, eol, indent, step, style: multiLine ? 'lines' : 'inline' };
    const separator = multiLine ? `,${eol}${' '.repeat(indent)}` : ', ';
    return { start: anchorEnd, end: anchorEnd, newText: pairs.map((pair) => separator + pairText(pair, layout)).join('') };
  }
  // Block mapping: after the end of the line the anchor pair ends on (past any trailing comment).
  const lineEnd = endOfLine(text, anchorEnd);
  const layout: PairLayout = { language, eol, indent, step, style: 'block' };
  const lines = pairs.map((pair) => eol + ' '.repeat(indent) + pairText(pair, layout)).join('');
  return { start: lineEnd, end: lineEnd, newText: lines };
}

/** How new pairs are written: a YAML block, a flow mapping or JSON object over lines, or inline. */
interface PairLayout {
  language: Language;
  eol: string;
  /** The column the pair's key stands at. */
  indent: number;
  /** How much deeper a nested mapping's keys stand. */
  step: number;
  style: 'block' | 'lines' | 'inline';
}

function pairText(pair: NewPair, layout: PairLayout): string {
  const key = layout.language === 'json' ? JSON.stringify(pair.key) : pair.key;
  if (!pair.entries) return `${key}: ${pair.value}`;
  const inner: PairLayout = { ...layout, indent: layout.indent + layout.step };
  const children = pair.entries.map((entry) => pairText(entry, inner));
  const newLine = (column: number) => layout.eol + ' '.repeat(column);
  if (layout.style === 'block') return `${key}:` + children.map((child) => newLine(inner.indent) + child).join('');
  if (layout.style === 'lines') return `${key}: {` + children.map((child) => newLine(inner.indent) + child).join(',') + newLine(layout.indent) + '}';
  return `${key}: { ${children.join(', ')} }`;
}

/** The file's indent step, read from a mapping nested on its own lines in `map`; 2 when there is none. */
function indentStep(text: string, map: MapNode): number {
  for (const pair of map.entries) {
    const first = pair.value.kind === 'map' ? pair.value.entries[0] : undefined;
    if (!first || lineStartOf(text, first.keyStart) === lineStartOf(text, pair.keyStart)) continue;
    const step = columnOf(text, first.keyStart) - columnOf(text, pair.keyStart);
    if (step > 0) return step;
  }
  return 2;
}

/**
 * The pair new keys belong after: the last of the `near` keys the mapping has (contact keys beside
 * contact keys), else the pair just before the `before` key (so new keys stay with the unit's own
 * keys above its list of sub-units), else the last pair. Only keys written in this mapping count.
 */
export function insertionAnchor(map: MapNode, near: readonly string[], before?: string): Pair | undefined {
  const entries = map.entries;
  for (let i = entries.length - 1; i >= 0; i--) if (near.includes(entries[i].keyText ?? '')) return entries[i];
  const limit = before === undefined ? -1 : entries.findIndex((pair) => pair.keyText === before);
  return limit > 0 ? entries[limit - 1] : entries[entries.length - 1];
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

function lineStartOf(text: string, offset: number): number {
  const lines = lineIndexOf(text);
  return lines.lineStart(lines.positionAt(offset).line);
}

/** Where the line holding `offset` ends, before its line break. */
function endOfLine(text: string, offset: number): number {
  const lines = lineIndexOf(text);
  const next = lines.positionAt(offset).line + 1;
  let end = next < lines.lineCount ? lines.lineStart(next) : text.length;
  while (end > offset && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return end;
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

/**
 * Remove one pair from a mapping, leaving the rest as written: its whole line in a block mapping
 * (or, when it shares the line with a `- `, up to the next key); in a flow mapping or JSON object
 * the pair and one adjoining comma.
 */
export function removePair(text: string, map: MapNode, pair: Pair): TextEdit {
  const index = map.entries.indexOf(pair);
  const next = map.entries[index + 1];
  const previous = map.entries[index - 1];
  const pairEnd = Math.max(pair.keyEnd, pair.value.end);
  if (text[map.start] !== '{') {
    const lineStart = lineStartOf(text, pair.keyStart);
    const aloneOnLine = onlyBlanksBetween(text, lineStart, pair.keyStart);
    if (aloneOnLine) return { start: lineStart, end: afterLineBreak(text, endOfLine(text, pairEnd)), newText: '' };
    // `- key: value`: the next key moves up behind the dash, at the column this key had.
    if (next) return { start: pair.keyStart, end: next.keyStart, newText: '' };
    return { start: pair.keyStart, end: pairEnd, newText: '{}' };
  }
  if (next) return { start: pair.keyStart, end: next.keyStart, newText: '' };
  if (previous) return { start: Math.max(previous.keyEnd, previous.value.end), end: pairEnd, newText: '' };
  return { start: pair.keyStart, end: pairEnd, newText: '' };
}

/** Whether text[from, to) is white space only, looked at from `to` back (a long line stops at once). */
function onlyBlanksBetween(text: string, from: number, to: number): boolean {
  for (let i = to - 1; i >= from; i--) if (text[i] !== ' ' && text[i] !== '\t') return false;
  return true;
}

function afterLineBreak(text: string, offset: number): number {
  if (text[offset] === '\r' && text[offset + 1] === '\n') return offset + 2;
  return text[offset] === '\n' || text[offset] === '\r' ? offset + 1 : offset;
}
