// Which part of the tree an offset falls in: the path of keys to it and whether it is on a key
// or a value. Hover and completion ask this; spans include their end so a cursor just after a
// word still counts as on it.
import type { MapNode, Node, Pair } from '../core/ast.js';
import type { TreePath } from './schema-info.js';

export interface Located {
  /** Keys and indices from the root to the innermost node at the offset. */
  path: TreePath;
  /** The pair whose key or scalar value is at the offset. */
  pair: Pair | undefined;
  onKey: boolean;
  /** The innermost mapping around the offset. */
  map: MapNode | undefined;
}

export function locate(root: Node, offset: number): Located {
  const path: (string | number)[] = [];
  let node: Node = root;
  let map: MapNode | undefined;
  for (;;) {
    if (node.kind === 'map') {
      map = node;
      const pair = node.entries.find((p) => within(p.key, offset) || within(p.value, offset));
      if (!pair || pair.keyText === null) return { path, pair: undefined, onKey: false, map };
      path.push(pair.keyText);
      if (within(pair.key, offset)) return { path, pair, onKey: true, map };
      if (pair.value.kind !== 'map' && pair.value.kind !== 'seq') return { path, pair, onKey: false, map };
      node = pair.value;
    } else if (node.kind === 'seq') {
      const index = node.items.findIndex((item) => within(item, offset));
      if (index < 0) return { path, pair: undefined, onKey: false, map: undefined };
      path.push(index);
      node = node.items[index];
      map = undefined;
    } else {
      return { path, pair: undefined, onKey: false, map };
    }
  }
}

function within(node: Node, offset: number): boolean {
  return node.start <= offset && offset <= node.end && node.end > node.start;
}

/** The innermost mapping that contains a pair whose key starts at this offset, with its path. */
export function mapWithKeyAt(root: Node, keyStart: number): { map: MapNode; path: TreePath } | undefined {
  const stack: { node: Node; path: TreePath }[] = [{ node: root, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (keyStart < node.start || keyStart > node.end) continue;
    if (node.kind === 'map') {
      for (const pair of node.entries) {
        if (pair.keyStart === keyStart) return { map: node, path };
        if (pair.keyText !== null) stack.push({ node: pair.value, path: [...path, pair.keyText] });
      }
    } else if (node.kind === 'seq') {
      node.items.forEach((item, i) => stack.push({ node: item, path: [...path, i] }));
    }
  }
  return undefined;
}
