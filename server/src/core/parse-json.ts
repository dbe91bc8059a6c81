// JSON to our syntax tree: a single pass over the text that records every node's span. JSON.parse
// gives no positions, and a general parser would cost more than the whole lint may.
import type { MapNode, Node, ScalarNode, SeqNode } from './ast.js';
import { hasMergeKey, mapNode, Pair, scalarNode } from './ast.js';
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

/** An open object or array, with the key whose value is being read (for partial trees). */
interface Open {
  node: MapNode | SeqNode;
  key: ScalarNode | undefined;
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

  /** After a syntax error: the containers still open, closed at the error and marked incomplete. */
  closeAll(at: number): Node | undefined {
    for (let i = this.open.length - 1; i >= 0; i--) {
      const { node } = this.open[i];
      node.complete = false;
      if (node.kind === 'map') this.closeMap(node);
      node.end = Math.max(node.start + 1, at);
      const parent = this.open[i - 1];
      if (!parent) break;
      if (parent.node.kind === 'seq') parent.node.items.push(node);
      else if (parent.key) parent.node.entries.push(new Pair(parent.key, node));
    }
    return this.open[0]?.node;
  }

  private value(): Node {
    const c = this.text.charCodeAt(this.pos);
    if (c === 0x7b /* { */) return this.object();
    if (c === 0x5b /* [ */) return this.array();
    if (c === 0x22 /* " */) return this.string();
    return this.scalar();
  }

  private object(): MapNode {
    const node = mapNode([], true, this.pos, this.pos);
    const frame = this.enter(node);
    this.pos++;
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) !== 0x7d /* } */) {
      for (;;) {
        if (this.text.charCodeAt(this.pos) !== 0x22) throw this.expected('a key in double quotes');
        const key = this.string();
        this.skipSpace();
        if (this.text.charCodeAt(this.pos) !== 0x3a /* : */) throw this.expected("':'");
        this.pos++;
        this.skipSpace();
        frame.key = key;
        node.entries.push(new Pair(key, this.value()));
        if (this.separator(0x7d, "',' or '}'")) break;
      }
    }
    return this.leave(node);
  }

  private array(): SeqNode {
    const node: SeqNode = { kind: 'seq', items: [], complete: true, start: this.pos, end: this.pos };
    this.enter(node);
    this.pos++;
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) !== 0x5d /* ] */) {
      for (;;) {
        node.items.push(this.value());
        if (this.separator(0x5d, "',' or ']'")) break;
      }
    }
    return this.leave(node);
  }

  /** After an element: a comma (false: more follow) or the closing bracket (true). */
  private separator(closer: number, what: string): boolean {
    this.skipSpace();
    const c = this.text.charCodeAt(this.pos);
    if (c === 0x2c /* , */) {
      this.pos++;
      this.skipSpace();
      return false;
    }
    if (c !== closer) throw this.expected(what);
    return true;
  }

  private enter(node: MapNode | SeqNode): Open {
    if (this.open.length >= MAX_DEPTH) throw new JsonSyntaxError(this.pos, `nesting deeper than ${MAX_DEPTH} levels`);
    const frame: Open = { node, key: undefined };
    this.open.push(frame);
    return frame;
  }

  /** Closes the node, its list sized to what it holds (a pushed-to list keeps room for more, to the end of the lint). */
  private leave<T extends MapNode | SeqNode>(node: T): T {
    this.pos++;
    node.end = this.pos;
    this.open.pop();
    if (node.kind === 'map') {
      node.entries = node.entries.slice();
      this.closeMap(node);
    } else {
      node.items = node.items.slice();
    }
    return node;
  }

  /** Its entries are all read (an object's pairs are pushed as they come). */
  private closeMap(node: MapNode): void {
    node.merges = hasMergeKey(node.entries);
    findDuplicateKeys(node, this.duplicates);
  }


  private scalar(): ScalarNode {
    const c = this.text.charCodeAt(this.pos);
    if (c === 0x22) return this.string();
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

  private string(): ScalarNode {
    const start = this.pos;
    STRING.lastIndex = start;
    if (!STRING.test(this.text)) throw this.badString(start);
    const end = STRING.lastIndex;
    let value = this.text.slice(start + 1, end - 1);
    if (value.includes('\\')) {
      try {
        value = JSON.parse(this.text.slice(start, end)) as string;
      } catch {
        throw new JsonSyntaxError(start, 'invalid escape sequence in a string');
      }
    }
    this.pos = end;
    value = this.texts.of(value);
    return scalarNode(value, 'quoted', start, end);
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

const LITERALS: ReadonlyArray<readonly [string, boolean | null]> = [
  ['true', true],
  ['false', false],
  ['null', null],
];
/** A whole JSON string token: no raw control characters, escapes consumed in pairs. */
const STRING = /"(?:[^"\\\u0000-\u001f]|\\.)*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
