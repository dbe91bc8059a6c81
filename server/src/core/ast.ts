// The syntax tree every parser produces and every rule reads. Offsets are UTF-16 code units into
// the document text (after a UTF-8 BOM is removed), so they are LSP columns once mapped to lines.

export interface Span {
  start: number;
  end: number;
}

export type Node = MapNode | SeqNode | ScalarNode | AliasNode;

export interface MapNode extends Span {
  kind: 'map';
  entries: Pair[];
  /** false when a syntax error cut the mapping short: absence of a key proves nothing. */
  complete: boolean;
  /** A `<<` key (a YAML merge key) is among the entries: only then does `entriesOf` (model.ts) expand them. */
  merges: boolean;
}

/** Every parser makes its mappings here, so each knows once whether it has a merge key and all have one shape. */
export function mapNode(entries: Pair[], complete: boolean, start: number, end: number): MapNode {
  return { kind: 'map', entries, complete, start, end, merges: hasMergeKey(entries) };
}

export function hasMergeKey(entries: readonly Pair[]): boolean {
  for (const pair of entries) if (isMergeKey(pair)) return true;
  return false;
}

export function isMergeKey(pair: Pair): boolean {
  return pair.keyText === '<<';
}

/**
 * A key and its value. It is also the model's `Field` (model.ts): what a rule reads of a field
 * (its value with aliases resolved, that value's text) is read through the pair, not copied into
 * an object of its own, since a national file has hundreds of thousands of fields. The key is
 * held in the pair itself (its text, form and span) rather than as a scalar node beside it: one
 * object a pair instead of two, alive to the end of the lint. `key` makes its node when asked.
 */
export class Pair {
  readonly keyText: string | null;
  readonly keyForm: ScalarForm;
  keyStart: number;
  keyEnd: number;

  constructor(
    key: ScalarNode,
    /** An absent value (`key:`) is a null scalar with an empty span right after the colon. */
    public value: Node,
  ) {
    this.keyText = key.text;
    this.keyForm = key.form;
    this.keyStart = key.start;
    this.keyEnd = key.end;
  }

  /** The key as a node: a new one each time, so compare keys by their span, never by identity. */
  get key(): ScalarNode {
    return scalarNode(this.keyText, this.keyForm, this.keyStart, this.keyEnd);
  }

  /** The field's pair is the pair itself. */
  get pair(): Pair {
    return this;
  }

  /** The value node, aliases resolved. */
  get node(): Node {
    const value = this.value;
    return value.kind === 'alias' ? (resolve(value) ?? value) : value;
  }

  /** The value read as text; null when the value is null or not a scalar. Rules ask it of every field. */
  get text(): string | null {
    const value = this.value;
    if (value.kind === 'scalar') return value.text;
    const node = value.kind === 'alias' ? resolve(value) : undefined;
    return node?.kind === 'scalar' ? node.text : null;
  }
}

export interface SeqNode extends Span {
  kind: 'seq';
  items: Node[];
  complete: boolean;
}

export type ScalarValue = string | number | boolean | null;

/** How a scalar's value follows from its text (ScalarNode.value); `quoted`: written as text. */
export type ScalarForm = 'plain' | 'quoted' | 'true' | 'false' | 'number';

/**
 * A national file has millions of scalars, each alive to the end of the lint: one holds its text,
 * its form and its span, and `scalarValue` and `isQuoted` read the rest from them. A plain object
 * made in one place (`scalarNode`), so V8 allocates these long-lived objects where they stay.
 */
export interface ScalarNode extends Span {
  kind: 'scalar';
  /**
   * The value read as text, which is how every SOR field except coordinates is meant:
   * an unquoted `postalCode: 0800` keeps its zero and `toDate: 2026-12-31` stays a date string.
   * null for a null value.
   */
  text: string | null;
  form: ScalarForm;
}

export function scalarNode(text: string | null, form: ScalarForm, start: number, end: number): ScalarNode {
  return { kind: 'scalar', text, form, start, end };
}

/**
 * The value as the data language types it: JSON's types; in YAML null and booleans as the core
 * schema reads them, and every other plain scalar as its text (numbers and dates included).
 */
export function scalarValue(node: ScalarNode): ScalarValue {
  switch (node.form) {
    case 'true':
      return true;
    case 'false':
      return false;
    case 'number':
      return Number(node.text);
    default:
      return node.text;
  }
}

/** Quoted or block scalar (YAML), or a JSON string: the author wrote it as text. */
export function isQuoted(node: ScalarNode): boolean {
  return node.form === 'quoted';
}

export interface AliasNode extends Span {
  kind: 'alias';
  name: string;
  target: Node | undefined;
}

export function nullScalarAt(offset: number): ScalarNode {
  return scalarNode(null, 'plain', offset, offset);
}

/** Follows aliases to the node they name (a bounded walk, since anchors cannot refer forward). */
export function resolve(node: Node): Node | undefined {
  let current: Node | undefined = node;
  for (let hops = 0; current && current.kind === 'alias' && hops < 64; hops++) current = current.target;
  return current && current.kind === 'alias' ? undefined : current;
}

export function pairOf(map: MapNode, key: string): Pair | undefined {
  for (const pair of map.entries) if (pair.keyText === key) return pair;
  return undefined;
}
