// The plain JavaScript value a JSON Schema validator checks, built from our syntax tree, and the
// way back from a validator's JSON pointer to the node and key it names.
import type { MapNode, Node, Pair, ScalarNode } from './ast.js';
import { resolve } from './ast.js';
import { entriesOf } from './model.js';
import type { Language } from './parse.js';

export type PlainValue = string | number | boolean | null | PlainValue[] | { [key: string]: PlainValue };

/**
 * YAML plain scalars become their text (how SOR fields are meant: `postalCode: 0800` keeps its
 * zero) except null and booleans; quoted YAML scalars and all JSON scalars keep their typed value.
 */
export function toValue(root: Node, language: Language): PlainValue {
  return new ValueBuilder(language).build(root);
}

/** Aliases are followed as far as the parser's bound lets them (parse-aliases.ts). */
class ValueBuilder {
  constructor(private readonly language: Language) {}

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
    if (this.language === 'json' || node.quoted) return node.value;
    return node.value === null || typeof node.value === 'boolean' ? node.value : node.text;
  }

  private map(node: MapNode): PlainValue {
    const object: { [key: string]: PlainValue } = {};
    for (const pair of entriesOf(node)) {
      const key = pair.key.text;
      // The first of duplicate keys counts, as in the typed model (`fieldPair`) and `nodeAtPointer`.
      if (key === null || Object.prototype.hasOwnProperty.call(object, key)) continue;
      const value = this.build(pair.value);
      // A key such as `__proto__` is data like any other, not the object's prototype.
      if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
      else object[key] = value;
    }
    return object;
  }
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
      pair = entriesOf(node).find((entry) => entry.key.text === segment);
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
