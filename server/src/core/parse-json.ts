// JSON to our syntax tree: a single pass over the text that records every node's span. JSON.parse
// gives no positions, and a general parser would cost more than the whole lint may.
import type { MapNode, Node, ScalarNode, SeqNode } from './ast.js';
import { mapNode, Pair, scalarNode } from './ast.js';
import type { DuplicateKey, ParseError } from './parse-errors.js';
import { duplicateKeyErrors, findDuplicateKeys, syntaxError } from './parse-errors.js';
import type { ParsedDocument } from './parse.js';
import { SharedTexts } from './parse-shared-texts.js';

const MAX_DEPTH = 1000;

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** An open object or array: what closing it, or the partial tree a syntax error leaves, needs. One frame a depth, reused. */
interface Open {
  map: boolean;
  start: number;
  /** Where its pairs (an object) or items (an array) begin on the reader's stack of them. */
  base: number;
  /** The key whose value is being read (an object). */
  key: ScalarNode | undefined;
  /** The keys of the last object at this depth, in order: the next one most often repeats them. */
  keys: string[];
}

export function parseJson(text: string): { documents: ParsedDocument[]; errors: ParseError[] } {
  const parser = new JsonParser(text);
  try {
    const root = parser.parse();
    return { documents: root ? [{ root, complete: true }] : [], errors: duplicateKeyErrors(text, parser.duplicates) };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const root = parser.closeAll(error.offset);
    const errors = [syntaxError(text, 'json', error.offset, error.message), ...duplicateKeyErrors(text, parser.duplicates)];
    return { documents: root ? [{ root, complete: false }] : [], errors };
  }
}

class JsonParser {
  private pos = 0;
  private readonly open: Open[] = [];
  private depth = 0;
  /** The pairs and items of the open objects and arrays, each taken off as a list of its size when it closes. */
  private readonly pairs: Pair[] = [];
  private readonly items: Node[] = [];
  private readonly texts = new SharedTexts();
  readonly duplicates: DuplicateKey[] = [];

  constructor(private readonly text: string) {}

  parse(): Node | undefined {
    this.skipSpace();
    if (this.pos >= this.text.length) return undefined;
    const root = this.value();
    this.skipSpace();
    if (this.pos < this.text.length) throw new JsonSyntaxError(this.pos, 'unexpected text after the end of the JSON value');
    return root;
  }

  /** After a syntax error: the objects and arrays still open, closed at the error and marked incomplete. */
  closeAll(at: number): Node | undefined {
    let node: MapNode | SeqNode | undefined;
    for (let depth = this.depth - 1; depth >= 0; depth--) {
      const frame = this.open[depth];
      const end = Math.max(frame.start + 1, at);
      if (frame.map) {
        if (node && frame.key) this.pairs.push(new Pair(frame.key, node));
        node = this.closeObject(frame, false, end);
      } else {
        if (node) this.items.push(node);
        node = this.closeArray(frame, false, end);
      }
    }
    return node;
  }

  private value(): Node {
    const c = this.text.charCodeAt(this.pos);
    if (c === QUOTE) return this.string();
    if (c === OPEN_BRACE) return this.object();
    if (c === OPEN_BRACKET) return this.array();
    return this.literal();
  }

  private object(): MapNode {
    const text = this.text;
    const frame = this.enter(true);
    this.pos++;
    this.skipSpace();
    if (text.charCodeAt(this.pos) !== CLOSE_BRACE) {
      for (let index = 0; ; index++) {
        if (text.charCodeAt(this.pos) !== QUOTE) throw this.expected('a key in double quotes');
        const key = this.key(frame.keys, index);
        this.skipSpace();
        if (text.charCodeAt(this.pos) !== COLON) throw this.expected("':'");
        this.pos++;
        this.skipSpace();
        frame.key = key;
        this.pairs.push(new Pair(key, this.value()));
        if (this.separator(CLOSE_BRACE, "',' or '}'")) break;
      }
    }
    this.pos++;
    this.depth--;
    return this.closeObject(frame, true, this.pos);
  }

  private array(): SeqNode {
    const frame = this.enter(false);
    this.pos++;
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) !== CLOSE_BRACKET) {
      for (;;) {
        this.items.push(this.value());
        if (this.separator(CLOSE_BRACKET, "',' or ']'")) break;
      }
    }
    this.pos++;
    this.depth--;
    return this.closeArray(frame, true, this.pos);
  }

  /** After an element: a comma (false: more follow) or the closing bracket (true). */
  private separator(closer: number, what: string): boolean {
    this.skipSpace();
    const c = this.text.charCodeAt(this.pos);
    if (c === COMMA) {
      this.pos++;
      this.skipSpace();
      return false;
    }
    if (c !== closer) throw this.expected(what);
    return true;
  }

  private enter(map: boolean): Open {
    if (this.depth >= MAX_DEPTH) throw new JsonSyntaxError(this.pos, `nesting deeper than ${MAX_DEPTH} levels`);
    const base = map ? this.pairs.length : this.items.length;
    let frame = this.open[this.depth];
    if (frame) {
      frame.map = map;
      frame.start = this.pos;
      frame.base = base;
      frame.key = undefined;
    } else {
      frame = { map, start: this.pos, base, key: undefined, keys: [] };
      this.open.push(frame);
    }
    this.depth++;
    return frame;
  }

  /** The object of `frame`, its pairs taken off the stack. */
  private closeObject(frame: Open, complete: boolean, end: number): MapNode {
    const node = mapNode(this.pairs.splice(frame.base), complete, frame.start, end);
    findDuplicateKeys(node, this.duplicates);
    return node;
  }

  /** The array of `frame`, its items taken off the stack. */
  private closeArray(frame: Open, complete: boolean, end: number): SeqNode {
    return { kind: 'seq', items: this.items.splice(frame.base), complete, start: frame.start, end };
  }

  private literal(): ScalarNode {
    const start = this.pos;
    for (const [word, value] of LITERALS) {
      if (this.text.startsWith(word, start)) {
        this.pos += word.length;
        return scalarNode(value === null ? null : word, value === null ? 'plain' : value ? 'true' : 'false', start, this.pos);
      }
    }
    NUMBER.lastIndex = start;
    const match = NUMBER.exec(this.text);
    if (!match) throw this.expected('a value');
    this.pos += match[0].length;
    return scalarNode(match[0], 'number', start, this.pos);
  }

  /** A key: first tried as the key at its place in the last object at its depth, which it most often repeats. */
  private key(keys: string[], index: number): ScalarNode {
    const text = this.text;
    const start = this.pos;
    const known = keys[index];
    if (known !== undefined && text.startsWith(known, start + 1) && text.charCodeAt(start + 1 + known.length) === QUOTE) {
      this.pos = start + known.length + 2;
      return scalarNode(known, 'quoted', start, this.pos);
    }
    const value = this.stringText();
    // Only a key written without escapes is its own text, so only such a key can be matched so.
    if (value.length === this.pos - start - 2) keys[index] = value;
    return scalarNode(value, 'quoted', start, this.pos);
  }

  private string(): ScalarNode {
    const start = this.pos;
    return scalarNode(this.stringText(), 'quoted', start, this.pos);
  }

  /** The value of the string at `pos`, shared when short; `pos` moves past it. */
  private stringText(): string {
    const text = this.text;
    const start = this.pos;
    let end = start + 1;
    // Most strings hold no escape and no control character: one scan to the closing quote.
    let c = text.charCodeAt(end);
    while (c !== QUOTE && c !== BACKSLASH && c >= 0x20) c = text.charCodeAt(++end);
    if (c !== QUOTE) return this.escapedStringText(start);
    this.pos = end + 1;
    return this.texts.of(text.slice(start + 1, end));
  }

  /** A string with an escape, a control character or no end. */
  private escapedStringText(start: number): string {
    STRING.lastIndex = start;
    if (!STRING.test(this.text)) throw this.badString(start);
    const end = STRING.lastIndex;
    let value: string;
    try {
      value = JSON.parse(this.text.slice(start, end)) as string;
    } catch {
      throw new JsonSyntaxError(start, 'invalid escape sequence in a string');
    }
    this.pos = end;
    return this.texts.of(value);
  }

  private badString(start: number): JsonSyntaxError {
    const rest = this.text.slice(start + 1);
    const stop = rest.search(/["\u0000-\u001f]/);
    return new JsonSyntaxError(
      start,
      stop >= 0 && rest[stop] !== '"' ? 'a control character or line break inside a string' : 'unterminated string',
    );
  }

  private skipSpace(): void {
    const text = this.text;
    let c = text.charCodeAt(this.pos);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt(++this.pos);
  }

  private expected(what: string): JsonSyntaxError {
    const found = this.pos >= this.text.length ? 'the end of the file' : `'${this.text[this.pos]}'`;
    return new JsonSyntaxError(this.pos, `expected ${what}, found ${found}`);
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

const LITERALS: ReadonlyArray<readonly [string, boolean | null]> = [
  ['true', true],
  ['false', false],
  ['null', null],
];
/** A whole JSON string token: no raw control characters, escapes consumed in pairs. */
const STRING = /"(?:[^"\\\u0000-\u001f]|\\.)*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
