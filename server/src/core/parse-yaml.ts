// YAML to our syntax tree. js-yaml does the parsing; its position listener tells us where each
// node opens and closes, from which we build spans. This is about 10x faster than building the
// `yaml` package's document model, which matters because the server re-parses on every keystroke.
import type * as JsYaml from 'js-yaml';
import type { AliasNode, MapNode, Node, ScalarNode, SeqNode } from './ast.js';
import { mapNode, nullScalarAt, Pair, scalarNode } from './ast.js';
import type { DuplicateKey, ParseError } from './parse-errors.js';
import { boundAliases } from './parse-aliases.js';
import { asKey, isBlank, plainScalar, trimEnd } from './parse-yaml-nodes.js';
import { readBlockYaml } from './parse-yaml-block.js';
import { recoverDocuments } from './parse-yaml-recovery.js';
import { duplicateKeyErrors, findDuplicateKeys, syntaxError } from './parse-errors.js';
import type { ParsedDocument } from './parse.js';
import { SharedTexts } from './parse-shared-texts.js';

/** The part of js-yaml's loader state the listener reads. */
interface LoaderState {
  position: number;
  depth: number;
  kind: 'mapping' | 'sequence' | 'scalar' | null;
  result: unknown;
  anchor: string | null;
}

interface Frame {
  depth: number;
  open: number;
  /** Allocated on the first child: most frames are scalars and never need them. */
  children: Node[] | null;
  /** Per child: KEY when followed by ':', EMPTY when it had no content (an absent value, or a failed attempt at another key). */
  flags: number[] | null;
}

const KEY = 1;
const EMPTY = 2;
const NO_CHILDREN: readonly Node[] = [];

const MAX_DEPTH = 1000;
/** V8 copies a shorter substring instead of pointing into the string it was taken from. */
const MIN_SLICED_LENGTH = 13;
const DOCUMENT_START = /^---(?=[ \t\r\n]|$)/gm;

export function parseYaml(text: string): { documents: ParsedDocument[]; errors: ParseError[] } {
  const block = readBlockYaml(text);
  if (block) return { documents: [{ root: block.root, complete: true }], errors: duplicateKeyErrors(text, block.duplicates) };
  return parseYamlWithJsYaml(text);
}

/** Any YAML: js-yaml's reading with its position listener, and the `yaml` package's after a syntax error. */
export function parseYamlWithJsYaml(text: string): { documents: ParsedDocument[]; errors: ParseError[] } {
  const documents: ParsedDocument[] = [];
  const errors: ParseError[] = [];
  const duplicates: DuplicateKey[] = [];
  let sawAlias = false;
  // Loaded here, not at start: most files never leave the block reader, and loading js-yaml is a few ms of a one-file run.
  const { FAILSAFE_SCHEMA, loadAll, YAMLException }: typeof JsYaml = require('js-yaml');
  let offset = 0;
  while (offset <= text.length) {
    const builder = new TreeBuilder(text, offset, duplicates);
    try {
      // The failsafe schema reads every scalar as a string: we want the text anyway (ast.ts), and
      // skipping js-yaml's number and timestamp resolution saves a fifth of the parse. `json` lets
      // a key repeat, so a duplicate is reported (parse-errors.ts) without losing the rest.
      loadAll(text.slice(offset), () => undefined, { schema: FAILSAFE_SCHEMA, listener: builder.listen, maxDepth: MAX_DEPTH, json: true } as never);
      documents.push(...builder.documents);
      sawAlias ||= builder.sawAlias;
      break;
    } catch (error) {
      if (!(error instanceof YAMLException)) throw error;
      sawAlias ||= builder.sawAlias;
      const at = Math.min(text.length, offset + (error.mark?.position ?? 0));
      documents.push(...builder.documents);
      // Later documents of a stream are still worth checking: resume at the next `---`.
      DOCUMENT_START.lastIndex = Math.max(at, offset + 1);
      const next = DOCUMENT_START.exec(text);
      const end = next ? next.index : text.length;
      const start = documentStart(text, builder.documents[builder.documents.length - 1]?.root.end ?? offset, at);
      const recovered = recoverDocuments(text, start, end, duplicates);
      if (recovered) {
        documents.push(...recovered.documents);
        errors.push(...recovered.errors);
        sawAlias ||= recovered.sawAlias;
      } else {
        const partial = builder.closeAllAt(at);
        if (partial) documents.push(partial);
        errors.push(syntaxError(text, 'yaml', at, error.reason || error.message));
      }
      if (!next) break;
      offset = next.index;
    }
  }
  errors.push(...duplicateKeyErrors(text, duplicates));
  // Most files have no alias and pay nothing for the bound.
  if (sawAlias) for (const document of documents) document.complete = boundAliases(document.root, errors) && document.complete;
  return { documents, errors };
}

/** Drops a frame's children from `offset` on, and then a key left without its value. */
function leaveOutFrom(frame: Frame, offset: number): void {
  const { children, flags } = frame;
  if (!children || !flags) return;
  let keep = children.length;
  while (keep > 0 && children[keep - 1].start >= offset) keep--;
  if (keep > 0 && flags[keep - 1] & KEY) keep--;
  children.length = keep;
  flags.length = keep;
}

function isFlowStart(c: number): boolean {
  return c === 0x5b /* [ */ || c === 0x7b /* { */;
}

/** Where the document with the error begins: its `---` after the last document read, if it has one. */
function documentStart(text: string, from: number, at: number): number {
  let start = from;
  DOCUMENT_START.lastIndex = from;
  for (let match = DOCUMENT_START.exec(text); match && match.index <= at; match = DOCUMENT_START.exec(text)) start = match.index;
  return start;
}

class TreeBuilder {
  readonly documents: ParsedDocument[] = [];
  private readonly stack: Frame[] = [];
  private readonly anchors = new Map<string, Node>();
  private readonly texts = new SharedTexts();
  sawAlias = false;

  constructor(
    private readonly text: string,
    private readonly base: number,
    private readonly duplicates: DuplicateKey[],
  ) {}

  readonly listen = (event: 'open' | 'close', state: LoaderState): void => {
    if (event === 'open') {
      this.stack.push({ depth: state.depth, open: this.base + state.position, children: null, flags: null });
      return;
    }
    let frame = this.stack.pop();
    // js-yaml may roll back a speculative read; frames it abandoned are deeper than this close.
    while (frame && frame.depth > state.depth) frame = this.stack.pop();
    if (!frame) return;
    const close = this.base + state.position;
    const node = this.build(frame, state.kind, state.result, close, true);
    if (state.anchor !== null) this.anchors.set(state.anchor, node);
    this.attach(node, this.builtEmpty ? EMPTY : this.colonFollows(close) ? KEY : 0);
    // js-yaml would store this collection in its parent and keep the whole document's objects
    // alive to the end, to be copied by every young-generation collection on the way: a third
    // of the command's time on a big file. Handing it null lets each collection die young.
    if (state.kind === 'mapping' || state.kind === 'sequence') state.result = null;
  };

  /**
   * After a syntax error: close every open frame at the error, marked incomplete. What the error
   * cut short is left out, with the key it was the value of: anything on the error's line, and a
   * flow collection or scalar it left open.
   */
  closeAllAt(at: number): ParsedDocument | undefined {
    const damaged = this.text.lastIndexOf('\n', at - 1) + 1;
    let root: ParsedDocument | undefined;
    while (this.stack.length > 0) {
      const frame = this.stack.pop()!;
      leaveOutFrom(frame, damaged);
      const kind = this.guessKind(frame);
      const node = this.build(frame, kind, null, at, false);
      if (this.stack.length === 0) root = { root: node, complete: false };
      else if (!this.builtEmpty && kind !== null && !isFlowStart(this.text.charCodeAt(node.start)) && node.start < damaged) this.attach(node, 0);
    }
    return root;
  }

  private attach(node: Node, flag: number): void {
    const parent = this.stack[this.stack.length - 1];
    if (!parent) {
      this.documents.push({ root: node, complete: true });
      return;
    }
    if (parent.children === null || parent.flags === null) {
      parent.children = [node];
      parent.flags = [flag];
    } else {
      parent.children.push(node);
      parent.flags.push(flag);
    }
  }

  /** Set by build(): the node it returned had no content (see Frame.flags). */
  private builtEmpty = false;

  private build(frame: Frame, kind: LoaderState['kind'], result: unknown, close: number, complete: boolean): Node {
    this.builtEmpty = false;
    const start = this.skipBlank(frame.open, close);
    const only = frame.children?.length === 1 && !(frame.flags![0] & KEY) ? frame.children[0] : undefined;
    if (only && ((kind !== 'mapping' && kind !== 'sequence') || only.start <= start)) {
      // A node read through js-yaml's speculative attempt at a block mapping: a lone or anchored
      // scalar, or a flow collection on the line after its key. It is the frame's node itself.
      only.start = Math.min(only.start, start);
      return only;
    }
    if (kind === 'mapping') return this.buildMap(frame, start, close, complete);
    if (kind === 'sequence') return this.buildSeq(frame, start, close, complete);
    if (this.text.charCodeAt(start) === 0x2a /* * */ && start < close) return this.buildAlias(start);
    if (kind === 'scalar') return this.buildScalar(result, start, this.trimEnd(close, start));
    this.builtEmpty = true;
    return nullScalarAt(frame.open);
  }

  private buildMap(frame: Frame, start: number, close: number, complete: boolean): MapNode {
    const entries: Pair[] = [];
    let pendingKey: ScalarNode | undefined;
    const children = frame.children ?? NO_CHILDREN;
    const flags = frame.flags ?? [];
    children.forEach((child, i) => {
      if (flags[i] & KEY) {
        if (pendingKey) entries.push(new Pair(pendingKey, nullScalarAt(pendingKey.end)));
        pendingKey = asKey(child);
      } else if (pendingKey) {
        entries.push(new Pair(pendingKey, child));
        pendingKey = undefined;
      } else if (!(flags[i] & EMPTY)) {
        pendingKey = asKey(child); // an explicit `? key`
      }
    });
    if (pendingKey) entries.push(new Pair(pendingKey, nullScalarAt(pendingKey.end)));
    const last = lastEnd(entries);
    const end = last > start ? Math.max(last, this.flowEnd(last, close)) : this.trimEnd(close, start);
    const map = mapNode(entries.slice(), complete, start, end);
    findDuplicateKeys(map, this.duplicates);
    return map;
  }

  private buildSeq(frame: Frame, start: number, close: number, complete: boolean): SeqNode {
    const items = frame.children?.slice() ?? [];
    const last = items[items.length - 1];
    const end = last ? Math.max(last.end, this.flowEnd(last.end, close)) : this.trimEnd(close, start);
    return { kind: 'seq', items, complete, start, end };
  }

  private buildAlias(start: number): AliasNode {
    let end = start + 1;
    while (end < this.text.length && !isAliasEnd(this.text.charCodeAt(end))) end++;
    const name = this.text.slice(start + 1, end);
    this.sawAlias = true;
    return { kind: 'alias', name, target: this.anchors.get(name), start, end };
  }

  private buildScalar(result: unknown, start: number, end: number): ScalarNode {
    let valueStart = start;
    // Skip node properties (`&anchor`, `!tag`) to see how the value itself is written.
    while (valueStart < end && (this.text[valueStart] === '&' || this.text[valueStart] === '!')) {
      while (valueStart < end && !isBlank(this.text.charCodeAt(valueStart))) valueStart++;
      while (valueStart < end && isBlank(this.text.charCodeAt(valueStart))) valueStart++;
    }
    const first = this.text[valueStart];
    const quoted = first === '"' || first === "'" || first === '|' || first === '>';
    const text = typeof result === 'string' ? this.texts.of(this.ownText(result, first === '"' || first === "'" ? valueStart + 1 : valueStart)) : null;
    if (quoted || text === null) return scalarNode(text, quoted ? 'quoted' : 'plain', start, end);
    return plainScalar(text, start, end);
  }

  /**
   * The scalar's text as a slice of our own text, where it is written as it reads (no escape, no
   * folded line). js-yaml's strings are slices of its own copy of the whole text: one of them kept
   * would keep that copy alive to the end of the lint, a second text of the file's size.
   */
  private ownText(value: string, at: number): string {
    if (value.length < MIN_SLICED_LENGTH) return value;
    if (this.text.startsWith(value, at)) return this.text.slice(at, at + value.length);
    return JSON.parse(JSON.stringify(value)) as string;
  }


  /** What an unfinished node was going to be, from its first character or its keys. */
  private guessKind(frame: Frame): LoaderState['kind'] {
    const first = this.text[this.skipBlank(frame.open, this.text.length)];
    if (first === '{' || frame.flags?.some((flag) => flag & KEY)) return 'mapping';
    return first === '-' || first === '[' ? 'sequence' : null;
  }

  private colonFollows(close: number): boolean {
    let i = close;
    while (i < this.text.length && (this.text.charCodeAt(i) === 0x20 || this.text.charCodeAt(i) === 0x09)) i++;
    return this.text.charCodeAt(i) === 0x3a /* : */;
  }

  /** The first offset from `from` that is not white space, a line break or a comment. */
  private skipBlank(from: number, limit: number): number {
    let i = from;
    const text = this.text;
    while (i < limit) {
      const c = text.charCodeAt(i);
      if (isBlank(c)) i++;
      else if (c === 0x23 /* # */ && (i === 0 || isBlank(text.charCodeAt(i - 1)))) {
        while (i < limit && text.charCodeAt(i) !== 0x0a) i++;
      } else break;
    }
    return i;
  }

  /** js-yaml closes a node after the blanks that follow it; the node ends before them. */
  private trimEnd(close: number, floor: number): number {
    return trimEnd(this.text, close, floor);
  }

  /** A flow collection ends at its closing bracket, after its last item. */
  private flowEnd(from: number, close: number): number {
    const end = this.trimEnd(close, from);
    const c = this.text.charCodeAt(end - 1);
    return c === 0x5d /* ] */ || c === 0x7d /* } */ ? end : from;
  }
}

function lastEnd(entries: Pair[]): number {
  const last = entries[entries.length - 1];
  return last ? Math.max(last.keyEnd, last.value.end) : 0;
}


function isAliasEnd(c: number): boolean {
  return isBlank(c) || c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d;
}
