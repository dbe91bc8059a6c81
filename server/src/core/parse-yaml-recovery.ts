// After js-yaml stops at a syntax error, the failing document is read again with the `yaml`
// package, which recovers: it resumes at the next list item or key it can read, and says exactly
// where each error is. Only a failing document pays for this; valid files never reach it.
// What an error touches is left out (a pair or list item with an error on its first line, a
// scalar with one inside), and every mapping and list around an error is marked incomplete, so
// nothing cut short produces a finding and everything the package read around it is checked.
import type * as Yaml from 'yaml';
import type { Node as YamlNode, Pair as YamlPair } from 'yaml';
import type { MapNode, Node, SeqNode, Span } from './ast.js';
import { mapNode, nullScalarAt, Pair, scalarNode } from './ast.js';
import type { DuplicateKey, ParseError } from './parse-errors.js';
import { findDuplicateKeys, syntaxError } from './parse-errors.js';
import type { ParsedDocument } from './parse.js';
import { asKey, plainScalar, trimEnd } from './parse-yaml-nodes.js';

/** Above this a failing document keeps js-yaml's reading up to the error: the package costs ten times as much, and in the editor every keystroke that breaks a big file would pay it. */
const MAX_RECOVERY_CHARS = 1_000_000;

export interface Recovered {
  documents: ParsedDocument[];
  errors: ParseError[];
  sawAlias: boolean;
}

/**
 * Reads `text[start, end)` (the failing document) with the `yaml` package. Undefined when it is
 * too large, or when the package finds no error where js-yaml did (a limit of js-yaml's own):
 * the caller then keeps what js-yaml read.
 */
export function recoverDocuments(text: string, start: number, end: number, duplicates: DuplicateKey[]): Recovered | undefined {
  if (end - start > MAX_RECOVERY_CHARS) return undefined;
  // Loaded here, not at start: valid files never need the package, a quarter of the command's bundle.
  const yaml: typeof Yaml = require('yaml');
  let parsed: ReturnType<typeof Yaml.parseAllDocuments>;
  try {
    parsed = yaml.parseAllDocuments(text.slice(start, end), { schema: 'failsafe', uniqueKeys: false, prettyErrors: false, merge: false });
  } catch {
    return undefined;
  }
  const documents = Array.isArray(parsed) ? parsed : [];
  const problems = documents.flatMap((document) => document.errors.map((error) => ({ start: start + error.pos[0], end: start + error.pos[1], reason: error.message })));
  // No error (js-yaml's own limit), or the package ran out of stack on a deep nesting: js-yaml's reading stands.
  if (problems.length === 0 || documents.some((document) => document.errors.some((error) => error.code === 'RESOURCE_EXHAUSTION'))) return undefined;
  const converter = new Converter(yaml, text, start, problems, duplicates);
  const read = documents.map((document) => converter.document(document.contents as YamlNode | null, start + (document.range?.[0] ?? 0)));
  return { documents: read, errors: converter.reported(), sawAlias: converter.sawAlias };
}

interface Problem extends Span {
  reason: string;
}

class Converter {
  private readonly anchors = new Map<string, Node>();
  /** Pairs and items left out, with whether an error in them has been reported yet. */
  private readonly dropped: { span: Span; reported: boolean }[] = [];
  sawAlias = false;

  constructor(
    private readonly yaml: typeof Yaml,
    private readonly text: string,
    private readonly base: number,
    private readonly problems: Problem[],
    private readonly duplicates: DuplicateKey[],
  ) {}

  document(contents: YamlNode | null, at: number): ParsedDocument {
    const root = contents ? this.node(contents) : nullScalarAt(at);
    return { root, complete: false };
  }

  /**
   * One error for each thing left out, and one a line: the errors that follow inside it are the
   * package's consequences of the first (a key it could not end, the lines it then misread).
   */
  reported(): ParseError[] {
    const errors: ParseError[] = [];
    let lastLine = -1;
    for (const problem of [...this.problems].sort((a, b) => a.start - b.start)) {
      // One a line: the others on it are the package's reading of the same mistake.
      const line = lineStart(this.text, problem.start);
      if (line === lastLine) continue;
      // The outermost thing left out: what lies in it was dropped because of it.
      const within = this.dropped.filter((drop) => touches(problem, drop.span)).sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end)[0];
      if (within?.reported) continue;
      if (within) within.reported = true;
      lastLine = line;
      errors.push(syntaxError(this.text, 'yaml', problem.start, problem.reason.replace(/\.$/, '')));
    }
    return errors;
  }

  private node(node: YamlNode): Node {
    const converted = this.convert(node);
    if (node.anchor) this.anchors.set(node.anchor, converted);
    return converted;
  }

  private convert(node: YamlNode): Node {
    const [from, to] = node.range ?? [0, 0];
    const start = this.base + from;
    if (this.yaml.isAlias(node)) {
      this.sawAlias = true;
      return { kind: 'alias', name: node.source, target: this.anchors.get(node.source), start, end: this.base + to };
    }
    if (this.yaml.isScalar(node)) {
      const text = node.value === null || node.value === undefined ? '' : String(node.value);
      const end = trimEnd(this.text, this.base + to, start);
      if (node.type !== 'PLAIN') return scalarNode(text, 'quoted', start, end);
      return text === '' ? nullScalarAt(start) : plainScalar(text, start, end);
    }
    if (this.yaml.isMap(node)) return this.map(node.items, start, this.base + to, Boolean(node.flow));
    if (this.yaml.isSeq(node)) return this.seq(node.items as YamlNode[], start, this.base + to, Boolean(node.flow));
    return nullScalarAt(start);
  }

  private map(items: YamlPair[], start: number, flowEnd: number, flow: boolean): MapNode {
    const entries: Pair[] = [];
    for (const item of items) {
      if (!this.yaml.isPair(item)) continue;
      const key = item.key ? asKey(this.node(item.key as YamlNode)) : nullScalarAt(start);
      const value = item.value ? this.node(item.value as YamlNode) : nullScalarAt(key.end);
      const written = { start: key.start, end: Math.max(key.end, this.writtenEnd(item.value as YamlNode | null, value)) };
      if (this.leftOut(written, item.value as YamlNode | null, true)) continue;
      entries.push(new Pair(key, value));
    }
    const last = entries[entries.length - 1];
    const end = flow ? flowEnd : last ? Math.max(last.keyEnd, last.value.end) : start;
    const map = mapNode(entries, !this.touched({ start, end: Math.max(end, flowEnd) }), start, end);
    findDuplicateKeys(map, this.duplicates);
    return map;
  }

  private seq(items: YamlNode[], start: number, flowEnd: number, flow: boolean): SeqNode {
    const kept: Node[] = [];
    for (const item of items) {
      const node = item ? this.node(item) : nullScalarAt(start);
      if (!this.leftOut({ start: node.start, end: this.writtenEnd(item, node) }, item, false)) kept.push(node);
    }
    const last = kept[kept.length - 1];
    const end = flow ? flowEnd : last ? last.end : start;
    return { kind: 'seq', items: kept, complete: !this.touched({ start, end: Math.max(end, flowEnd) }), start, end };
  }

  /**
   * A pair is left out when an error is on its first line and its value is no block collection
   * begun on a later line (a key the package could not end, or a value it misread as a mapping
   * on the key's own line), and a scalar or flow value, in a pair or as a list item, when an
   * error is in it. A block collection is kept: its own reading leaves out what an error touches.
   */
  private leftOut(span: Span, value: YamlNode | null, inPair: boolean): boolean {
    const block = (this.yaml.isMap(value) || this.yaml.isSeq(value)) && !value.flow;
    const firstLine = { start: lineStart(this.text, span.start), end: lineEnd(this.text, span.start) };
    const valueBelow = block && Boolean(value.range) && this.base + value.range![0] > firstLine.end;
    const drop = block ? inPair && !valueBelow && this.touched(firstLine) : this.touched(inPair ? { start: firstLine.start, end: span.end } : span);
    if (drop) this.dropped.push({ span, reported: false });
    return drop;
  }

  /** Where the package read a value to, before anything was left out of it. */
  private writtenEnd(written: YamlNode | null, value: Node): number {
    return written?.range ? Math.max(value.end, this.base + written.range[1]) : value.end;
  }

  private touched(span: Span): boolean {
    return this.problems.some((problem) => touches(problem, span));
  }
}

function touches(problem: Span, span: Span): boolean {
  return problem.start <= span.end && problem.end >= span.start;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end;
}
