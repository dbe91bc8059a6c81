// JSON to our syntax tree: a single pass over the text that records every node's span. JSON.parse
// gives no positions, and a general parser would cost more than the whole lint may.
import type { MapNode, Node, ScalarNode, SeqNode } from './ast.js';
import type { ParseError, ParsedDocument } from './parse.js';

const MAX_DEPTH = 1000;

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

type Container = { node: MapNode; key: ScalarNode | undefined } | { node: SeqNode; key?: undefined };

export function parseJson(text: string): { documents: ParsedDocument[]; errors: ParseError[] } {
  const parser = new JsonParser(text);
  try {
    const root = parser.parse();
    return { documents: root ? [{ root, complete: true }] : [], errors: [] };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const root = parser.closeAll(error.offset);
    return { documents: root ? [{ root, complete: false }] : [], errors: [{ offset: error.offset, message: error.message }] };
  }
}

class JsonParser {
  private pos = 0;
  private readonly stack: Container[] = [];
  private root: Node | undefined;

  constructor(private readonly text: string) {}

  parse(): Node | undefined {
    this.skipSpace();
    if (this.pos >= this.text.length) return undefined;
    this.value();
    while (this.stack.length > 0) {
      const top = this.stack[this.stack.length - 1];
      this.skipSpace();
      const c = this.text.charCodeAt(this.pos);
      const closer = top.node.kind === 'map' ? 0x7d : 0x5d;
      if (c === closer) {
        this.pos++;
        this.finish();
      } else if (c === 0x2c /* , */) {
        this.pos++;
        this.skipSpace();
        this.element(top);
      } else {
        throw this.expected(top.node.kind === 'map' ? "',' or '}'" : "',' or ']'");
      }
    }
    this.skipSpace();
    if (this.pos < this.text.length) throw new JsonSyntaxError(this.pos, 'unexpected text after the end of the JSON value');
    return this.root;
  }

  /** After a syntax error: the containers still open, closed at the error and marked incomplete. */
  closeAll(at: number): Node | undefined {
    while (this.stack.length > 0) {
      const top = this.stack[this.stack.length - 1];
      top.node.complete = false;
      top.node.end = Math.max(top.node.start + 1, at);
      this.finish();
    }
    return this.root;
  }

  /** The first element of a container, or the next one after a comma. */
  private element(top: Container): void {
    if (top.node.kind === 'map') {
      if (this.text.charCodeAt(this.pos) !== 0x22) throw this.expected('a key in double quotes');
      top.key = this.string();
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) !== 0x3a) throw this.expected("':'");
      this.pos++;
      this.skipSpace();
    }
    this.value();
  }

  private value(): void {
    const c = this.text.charCodeAt(this.pos);
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (this.stack.length >= MAX_DEPTH) throw new JsonSyntaxError(this.pos, `nesting deeper than ${MAX_DEPTH} levels`);
      const start = this.pos++;
      const node: MapNode | SeqNode =
        c === 0x7b ? { kind: 'map', entries: [], complete: true, start, end: start } : { kind: 'seq', items: [], complete: true, start, end: start };
      this.stack.push(node.kind === 'map' ? { node, key: undefined } : { node });
      this.skipSpace();
      const closer = c === 0x7b ? 0x7d : 0x5d;
      if (this.text.charCodeAt(this.pos) === closer) {
        this.pos++;
        this.finish();
      } else {
        this.element(this.stack[this.stack.length - 1]);
      }
      return;
    }
    this.add(this.scalar());
  }

  private finish(): void {
    const container = this.stack.pop()!;
    if (container.node.complete) container.node.end = this.pos;
    this.add(container.node);
  }

  private add(node: Node): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) this.root = node;
    else if (top.node.kind === 'seq') top.node.items.push(node);
    else top.node.entries.push({ key: top.key!, value: node });
  }

  private scalar(): ScalarNode {
    const c = this.text.charCodeAt(this.pos);
    if (c === 0x22) return this.string();
    const start = this.pos;
    for (const [word, value] of LITERALS) {
      if (this.text.startsWith(word, start)) {
        this.pos += word.length;
        return { kind: 'scalar', value, text: value === null ? null : word, quoted: false, start, end: this.pos };
      }
    }
    NUMBER.lastIndex = start;
    const match = NUMBER.exec(this.text);
    if (!match) throw this.expected('a value');
    this.pos += match[0].length;
    return { kind: 'scalar', value: Number(match[0]), text: match[0], quoted: false, start, end: this.pos };
  }

  private string(): ScalarNode {
    const start = this.pos;
    let i = start + 1;
    let escaped = false;
    for (;;) {
      const quote = this.text.indexOf('"', i);
      if (quote < 0) throw new JsonSyntaxError(start, 'unterminated string');
      let backslashes = 0;
      while (this.text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes++;
      if (backslashes > 0) escaped = true;
      i = quote + 1;
      if (backslashes % 2 === 0) break;
    }
    const raw = this.text.slice(start + 1, i - 1);
    if (/[\u0000-\u001f]/.test(raw)) throw new JsonSyntaxError(start, 'a control character or line break inside a string');
    let value = raw;
    if (escaped) {
      try {
        value = JSON.parse(this.text.slice(start, i)) as string;
      } catch {
        throw new JsonSyntaxError(start, 'invalid escape sequence in a string');
      }
    }
    this.pos = i;
    return { kind: 'scalar', value, text: value, quoted: true, start, end: i };
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
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
