// The plain JavaScript value a JSON Schema validator checks, built from our syntax tree, and the
// way back from a validator's JSON pointer to the node and key it names.
import type { MapNode, Node, Pair, ScalarNode, SeqNode } from './ast.js';
import { isQuoted, resolve, scalarValue } from './ast.js';
import { entriesOf, fieldPair } from './model.js';
import type { Language } from './parse.js';

export type PlainValue = string | number | boolean | null | PlainValue[] | { [key: string]: PlainValue };

/**
 * The value every other reader of the file sees: YAML plain scalars typed by the YAML 1.2 core
 * schema (null, booleans, numbers: `postalCode: 0800` is the number 800 there), everything else
 * as its text; quoted YAML scalars and all JSON scalars keep their typed value. The syntax tree
 * and the model keep the text as written, so the schema rule can say what was meant.
 */
export function toValue(root: Node, language: Language): PlainValue {
  return new ValueBuilder(language).build(root);
}

/**
 * The document's value with a null in place of each institution, and the institutions' nodes,
 * whose values `toValue` makes one at a time. A national file's whole value, kept alive while its
 * institutions are checked, was copied by the garbage collector twice over; one institution's
 * value is young garbage. The format's document check reads no institution's contents.
 */
export function documentValue(root: Node, language: Language): { value: PlainValue; institutions: Node[] } {
  const map = resolve(root);
  const pair = map?.kind === 'map' ? fieldPair(map, 'institutions') : undefined;
  const list = pair && resolve(pair.value);
  if (!pair || list?.kind !== 'seq') return { value: toValue(root, language), institutions: [] };
  return { value: new ValueBuilder(language, { pair, list }).build(root), institutions: list.items };
}

/** Aliases are followed as far as the parser's bound lets them (parse-aliases.ts). */
class ValueBuilder {
  /** `apart`: the institutions' pair, whose list is built as nulls (documentValue). */
  constructor(
    private readonly language: Language,
    private readonly apart?: { pair: Pair; list: SeqNode },
  ) {}

  build(node: Node): PlainValue {
    switch (node.kind) {
      case 'scalar':
        return this.scalar(node);
      case 'seq':
        return node.items.map((item) => this.build(item));
      case 'map':
        return this.map(node);
      case 'alias':
        return node.target ? this.build(node.target) : null;
    }
  }

  private scalar(node: ScalarNode): PlainValue {
    const value = scalarValue(node);
    if (this.language === 'json' || isQuoted(node)) return value;
    if (value === null || typeof value === 'boolean') return value;
    return yamlNumber(node.text ?? '') ?? node.text;
  }

  private map(node: MapNode): PlainValue {
    const object: { [key: string]: PlainValue } = {};
    for (const pair of entriesOf(node)) {
      const key = pair.keyText;
      // The first of duplicate keys counts, as in the typed model (`fieldPair`) and `nodeAtPointer`.
      if (key === null || Object.prototype.hasOwnProperty.call(object, key)) continue;
      const value = pair === this.apart?.pair ? this.apart.list.items.map(() => null) : this.build(pair.value);
      // A key such as `__proto__` is data like any other, not the object's prototype.
      if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
      else object[key] = value;
    }
    return object;
  }
}

const YAML_INT = /^[-+]?[0-9]+$/;
const YAML_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** The number YAML 1.2's core schema reads a plain scalar as, if it reads one. */
function yamlNumber(text: string): number | undefined {
  // Every such number starts with a digit, a sign or a point: most text (names, streets) stops here.
  if (!startsLikeNumber(text)) return undefined;
  if (YAML_INT.test(text) || YAML_FLOAT.test(text)) return Number(text);
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16);
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(?:nan|NaN|NAN)$/.test(text)) return NaN;
  return undefined;
}

function startsLikeNumber(text: string): boolean {
  const first = text.charCodeAt(0);
  return (first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2d || first === 0x2e; // 0-9 + - .
}

export interface PointerTarget {
  /** The node the pointer names, aliases resolved. */
  node: Node;
  /** The node as written at this place: an alias here, where `node` is what it names. */
  written: Node;
  /** The key/value pair whose value it is, when the last step was a mapping key. */
  pair: Pair | undefined;
  /** The mapping or sequence that holds it; undefined for the root. */
  parent: Node | undefined;
}

/** Follows a JSON pointer (`/institutions/0/name`, as ajv's `instancePath`) through the tree. */
export function nodeAtPointer(root: Node, pointer: string): PointerTarget | undefined {
  let written: Node | undefined = root;
  let node = resolve(root);
  let pair: Pair | undefined;
  let parent: Node | undefined;
  for (const segment of pointerSegments(pointer)) {
    if (node?.kind === 'map') {
      pair = entriesOf(node).find((entry) => entry.keyText === segment);
      written = pair?.value;
    } else if (node?.kind === 'seq' && /^(?:0|[1-9]\d*)$/.test(segment)) {
      pair = undefined;
      written = node.items[Number(segment)];
    } else {
      return undefined;
    }
    parent = node;
    node = written && resolve(written);
  }
  return node && written ? { node, written, pair, parent } : undefined;
}

/** RFC 6901: `~1` is `/`, `~0` is `~`. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}
