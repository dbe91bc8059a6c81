// A reader for the YAML our files are written in: block mappings and lists, one-line plain and
// quoted scalars, one-line flow mappings of such scalars, comments, LF or CRLF. On a national file
// it takes a fraction of js-yaml's time with its position listener, and it builds no second copy
// of the document. It is sure of little on purpose: on anything else (anchors, aliases, tags,
// block scalars, flow lists, escapes, tabs, a lone CR, several documents, a syntax error...) it
// declines, and parse-yaml.ts reads the text with js-yaml as before. Where it answers, its tree and
// duplicate keys are the ones the js-yaml path gives (test/core/parse-yaml-block.test.ts holds it
// to that).
import type { MapNode, Node, ScalarNode, SeqNode } from './ast.js';
import { mapNode, nullScalarAt, Pair, scalarNode } from './ast.js';
import type { DuplicateKey } from './parse-errors.js';
import { findDuplicateKeys } from './parse-errors.js';
import { plainScalar } from './parse-yaml-nodes.js';
import { SharedTexts } from './parse-shared-texts.js';

/** Thrown where the reader is not sure; caught once, in readBlockYaml. */
const DECLINE = new Error('not plain block YAML');

/** Far below js-yaml's own bound: a deeper file is read by js-yaml. */
const MAX_DEPTH = 100;
/** js-yaml reads an implicit key up to 1024 characters. */
const MAX_KEY_LENGTH = 1024;

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const COMMA = 0x2c;
const DASH = 0x2d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

/** The tree of a one-document text, and its keys written twice; undefined where the reader declines. */
export function readBlockYaml(text: string): { root: Node; duplicates: DuplicateKey[] } | undefined {
  const reader = new BlockReader(text);
  try {
    return { root: reader.document(), duplicates: reader.duplicates };
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  }
}

class BlockReader {
  readonly duplicates: DuplicateKey[] = [];
  private readonly texts = new SharedTexts();
  private pos = 0;
  /** Where the line of `pos` starts. */
  private lineStart = 0;
  private depth = 0;
  /** The entries and items of the open collections, each made into a list of its size when it closes. */
  private readonly pairs: Pair[] = [];
  private readonly items: Node[] = [];
  /**
   * The keys of the last mapping read at each depth, block and flow apart, in order: a national
   * file writes the same keys in the same order in every unit, and a key found where the one
   * before it stood is taken as that text, not sliced out and looked up again.
   */
  private readonly lastKeys: (string | undefined)[][] = [];

  constructor(private readonly text: string) {}

  document(): Node {
    const column = this.nextContent();
    if (column < 0) throw DECLINE;
    const root = this.block(column);
    if (this.pos < this.text.length) throw DECLINE;
    return root;
  }

  /** The collection that starts at `pos`, at `column`: a list if it starts with `- `, else a mapping. */
  private block(column: number): MapNode | SeqNode {
    if (++this.depth > MAX_DEPTH) throw DECLINE;
    const node = this.startsListItem() ? this.list(column) : this.mapping(column);
    this.depth--;
    return node;
  }

  /** A block mapping whose keys are at `column`; returns at the first line outside it (or the end). */
  private mapping(column: number): MapNode {
    const text = this.text;
    const pairs = this.pairs;
    const base = pairs.length;
    const start = this.pos;
    const keys = this.keyRow(false);
    for (let index = 0; ; index++) {
      const key = this.repeatedKey(keys, index) ?? this.remembered(keys, index, this.key());
      const colon = this.pos;
      this.pos++;
      this.skipSpaces();
      const c = text.charCodeAt(this.pos);
      let value: Node;
      let next: number;
      if (c === HASH || this.lineEndsAt(this.pos)) {
        if (c === HASH && text.charCodeAt(this.pos - 1) !== SPACE) throw DECLINE;
        next = this.nextContent();
        if (next > column) {
          value = this.block(next);
          next = this.column();
        } else if (next === column && this.startsListItem()) {
          // A list may stand at its key's own indentation.
          value = this.block(column);
          next = this.column();
        } else {
          value = nullScalarAt(colon + 1);
        }
      } else {
        value = this.inlineValue(false);
        this.endOfLine();
        next = this.nextContent();
      }
      pairs.push(new Pair(key, value));
      if (next !== column) {
        if (next > column) throw DECLINE;
        break;
      }
      if (this.startsListItem()) throw DECLINE;
    }
    const entries = pairs.splice(base);
    const last = entries[entries.length - 1];
    const map = mapNode(entries, true, start, Math.max(last.keyEnd, last.value.end));
    findDuplicateKeys(map, this.duplicates);
    return map;
  }

  /** A block list whose dashes are at `column`. */
  private list(column: number): SeqNode {
    const start = this.pos;
    const base = this.items.length;
    for (;;) {
      this.pos++; // the dash
      this.skipSpaces();
      const c = this.text.charCodeAt(this.pos);
      if (c === LF || c === HASH || this.pos >= this.text.length || c === DASH) throw DECLINE;
      let next: number;
      if (c === OPEN_BRACE || c === DOUBLE_QUOTE || c === SINGLE_QUOTE || !this.plainKeyFollows()) {
        this.items.push(this.inlineValue(false));
        this.endOfLine();
        next = this.nextContent();
      } else {
        // `- key: value`: a mapping whose keys stand where this first one does.
        this.items.push(this.block(this.column()));
        next = this.column();
      }
      if (next === column && this.startsListItem()) continue;
      // A key at the dashes' column goes on with the mapping the list is the value of.
      if (next > column) throw DECLINE;
      break;
    }
    const items = this.items.splice(base);
    return { kind: 'seq', items, complete: true, start, end: items[items.length - 1].end };
  }

  private startsListItem(): boolean {
    return this.text.charCodeAt(this.pos) === DASH && this.breakOrSpaceAt(this.pos + 1);
  }

  /** A value on the key's or the dash's line: a flow mapping, a quoted or a plain scalar. */
  private inlineValue(inFlow: boolean): Node {
    const c = this.text.charCodeAt(this.pos);
    if (c === OPEN_BRACE && !inFlow) return this.flowMapping();
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) return this.quoted(c);
    return this.plain(inFlow, false);
  }

  /** A plain key followed by `:` and its separator, leaving `pos` at the colon. */
  private key(): ScalarNode {
    const c = this.text.charCodeAt(this.pos);
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) throw DECLINE;
    const key = this.plain(false, true);
    if (key.end - key.start > MAX_KEY_LENGTH || key.text === '<<') throw DECLINE;
    return key;
  }

  private keyRow(inFlow: boolean): (string | undefined)[] {
    return (this.lastKeys[this.depth * 2 + (inFlow ? 1 : 0)] ??= []);
  }

  /**
   * The key at `pos` when it is the text `keys` holds at `index`, followed by `:` and a space or
   * the line's end, leaving `pos` at the colon; the plain scalar it was read as the first time.
   */
  private repeatedKey(keys: (string | undefined)[], index: number): ScalarNode | undefined {
    const known = keys[index];
    if (known === undefined) return undefined;
    const start = this.pos;
    const end = start + known.length;
    if (this.text.charCodeAt(end) !== COLON || !this.breakOrSpaceAt(end + 1) || !this.text.startsWith(known, start)) return undefined;
    this.pos = end;
    return scalarNode(known, 'plain', start, end);
  }

  /** Keeps a plain key for `repeatedKey`; not a null or boolean one, which `repeatedKey` would make plain text. */
  private remembered(keys: (string | undefined)[], index: number, key: ScalarNode): ScalarNode {
    keys[index] = key.form === 'plain' && key.text !== null ? key.text : undefined;
    return key;
  }

  /** Whether the plain scalar at `pos` is a key (ends at `: `), without moving. */
  private plainKeyFollows(): boolean {
    const text = this.text;
    for (let i = this.pos; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === LF) return false;
      if (c === COLON && this.breakOrSpaceAt(i + 1)) return true;
      if (c === HASH && text.charCodeAt(i - 1) === SPACE) return false;
    }
    return false;
  }

  /**
   * A plain scalar on one line. A key ends before its `:` (left at `pos`); a value at the line's
   * end, a comment, or in a flow mapping at `,` or `}`. Whatever js-yaml would read differently
   * (a `: ` inside a value, a value going on on the next line, an indicator) declines.
   */
  private plain(inFlow: boolean, isKey: boolean): ScalarNode {
    const text = this.text;
    const start = this.pos;
    const first = text.charCodeAt(start);
    if (isIndicator(first) || ((first === DASH || first === 0x3f /* ? */ || first === COLON) && this.breakOrSpaceAt(start + 1))) throw DECLINE;
    let end = start; // after the last non-space character
    let i = start;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === SPACE) {
        if (text.charCodeAt(i + 1) === HASH) break;
        continue;
      }
      if (this.lineEndsAt(i)) break;
      if (c === COLON) {
        if (this.breakOrSpaceAt(i + 1)) {
          if (!isKey) throw DECLINE;
          break;
        }
        if (inFlow) throw DECLINE;
      } else if (c < SPACE || c >= 0x7f) {
        if (c < SPACE || isUnsure(c)) throw DECLINE;
      } else if (inFlow && (c === COMMA || c === CLOSE_BRACE)) {
        break;
      } else if (inFlow && (c === OPEN_BRACE || c === OPEN_BRACKET || c === CLOSE_BRACKET || c === HASH)) {
        throw DECLINE;
      }
      end = i + 1;
    }
    if (isKey && text.charCodeAt(i) !== COLON) throw DECLINE;
    if (end === start) throw DECLINE;
    this.pos = isKey ? i : end;
    return plainScalar(this.texts.of(text.slice(start, end)), start, end);
  }

  /** A quoted scalar on one line without escapes (`\` in double, `''` in single quotes). */
  private quoted(quote: number): ScalarNode {
    const text = this.text;
    const start = this.pos;
    let i = start + 1;
    for (; ; i++) {
      if (i >= text.length) throw DECLINE;
      const c = text.charCodeAt(i);
      if (c === quote) break;
      if (c === 0x5c /* \ */ || c < SPACE || (c >= 0x7f && isUnsure(c))) throw DECLINE;
    }
    if (text.charCodeAt(i + 1) === quote) throw DECLINE;
    this.pos = i + 1;
    return scalarNode(this.texts.of(text.slice(start + 1, i)), 'quoted', start, i + 1);
  }

  /** `{ key: value, ... }` on one line, of plain keys and plain or quoted values. */
  private flowMapping(): MapNode {
    const text = this.text;
    const start = this.pos;
    const pairs = this.pairs;
    const base = pairs.length;
    this.pos++;
    this.skipSpaces();
    const keys = this.keyRow(true);
    for (let index = 0; ; index++) {
      const key = this.repeatedKey(keys, index) ?? this.remembered(keys, index, this.plain(true, true));
      this.pos++;
      if (text.charCodeAt(this.pos) !== SPACE) throw DECLINE;
      this.skipSpaces();
      const value = this.inlineValue(true);
      pairs.push(new Pair(key, value));
      this.skipSpaces();
      const c = text.charCodeAt(this.pos);
      this.pos++;
      if (c === CLOSE_BRACE) break;
      if (c !== COMMA) throw DECLINE;
      this.skipSpaces();
      if (text.charCodeAt(this.pos) === CLOSE_BRACE) throw DECLINE;
    }
    const map = mapNode(pairs.splice(base), true, start, this.pos);
    findDuplicateKeys(map, this.duplicates);
    return map;
  }

  private skipSpaces(): void {
    const text = this.text;
    while (text.charCodeAt(this.pos) === SPACE) this.pos++;
  }

  /** After a value: spaces, maybe a comment, then the line's end. */
  private endOfLine(): void {
    const before = this.pos;
    this.skipSpaces();
    const c = this.text.charCodeAt(this.pos);
    if (c === HASH && this.pos > before) this.comment();
    else if (!this.lineEndsAt(this.pos)) throw DECLINE;
  }

  /**
   * Skips a comment to its line's end. The js-yaml path ends a collection after a comment that
   * ends in `]` or `}` (it takes the bracket for a flow collection's), so that one declines.
   */
  private comment(): void {
    const text = this.text;
    let last = SPACE;
    let i = this.pos + 1;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.lineEndsAt(i)) break;
      if (c < SPACE || (c >= 0x7f && isUnsure(c))) throw DECLINE;
      if (c !== SPACE) last = c;
    }
    if (last === CLOSE_BRACKET || last === CLOSE_BRACE) throw DECLINE;
    this.pos = i;
  }

  /**
   * From a line's end (or a line's start) to the first character of the next line with content,
   * past blank lines and comments; its column, or -1 at the end of the text.
   */
  private nextContent(): number {
    const text = this.text;
    for (;;) {
      if (this.pos >= text.length) return -1;
      if (text.charCodeAt(this.pos) === CR) this.pos++;
      if (text.charCodeAt(this.pos) === LF) this.pos++;
      this.lineStart = this.pos;
      this.skipSpaces();
      const c = text.charCodeAt(this.pos);
      if (this.pos >= text.length) return -1;
      if (this.lineEndsAt(this.pos)) continue;
      if (c === HASH) {
        this.comment();
        continue;
      }
      if (c < SPACE) throw DECLINE;
      const column = this.pos - this.lineStart;
      if (column === 0 && (c === DASH || c === 0x2e /* . */) && text.charCodeAt(this.pos + 1) === c && text.charCodeAt(this.pos + 2) === c) throw DECLINE;
      return column;
    }
  }

  /** A line ends at `i`: LF, CR LF, or the end of the text. */
  private lineEndsAt(i: number): boolean {
    const c = this.text.charCodeAt(i);
    return c === LF || (c === CR && this.text.charCodeAt(i + 1) === LF) || i >= this.text.length;
  }

  private breakOrSpaceAt(i: number): boolean {
    return this.text.charCodeAt(i) === SPACE || this.lineEndsAt(i);
  }

  /** The column of `pos`, or -1 at the end (as nextContent left it). */
  private column(): number {
    return this.pos >= this.text.length ? -1 : this.pos - this.lineStart;
  }
}

/** Characters a plain scalar may not start with. */
function isIndicator(c: number): boolean {
  switch (c) {
    case COMMA:
    case OPEN_BRACKET:
    case CLOSE_BRACKET:
    case OPEN_BRACE:
    case CLOSE_BRACE:
    case HASH:
    case 0x26: // &
    case 0x2a: // *
    case 0x21: // !
    case 0x7c: // |
    case 0x3e: // >
    case SINGLE_QUOTE:
    case DOUBLE_QUOTE:
    case 0x25: // %
    case 0x40: // @
    case 0x60: // `
      return true;
    default:
      return c < SPACE || Number.isNaN(c);
  }
}

/** Characters js-yaml refuses or treats specially (C1 controls, surrogates, BOM, non-characters). */
function isUnsure(c: number): boolean {
  return c <= 0x9f || (c >= 0xd800 && c <= 0xdfff) || c === 0xfeff || c >= 0xfffe;
}
