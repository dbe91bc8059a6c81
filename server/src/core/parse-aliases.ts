// The one bound on what YAML aliases expand to. The model (units under `units: [*a, *a]`), merge
// keys and the schema's plain value all follow aliases; nine anchors of nine aliases each make
// 9^9 values of a 1 KB file. So once a document is read, aliases are counted in file order by
// the values they stand for, and the alias that takes the document past the bound, and every
// alias after it, is cut (left without a target): everything before it is checked as usual.
import type { AliasNode, Node } from './ast.js';
import type { ParseError } from './parse-errors.js';
import { aliasBoundError } from './parse-errors.js';

/** Values (every node, a unit being one) a document may expand to, per node written in it. */
const EXPANSION_FACTOR = 10;
/** A small file may always expand this far. */
const MIN_BOUND = 10_000;

/** Returns false when it cut an alias: the document is then not read in full. */
export function boundAliases(root: Node, errors: ParseError[]): boolean {
  const { written, expanded } = sizes(root);
  const bound = Math.max(MIN_BOUND, EXPANSION_FACTOR * written);
  let total = 0;
  let crossed = false;
  const stack: { node: Node; parent: Node | undefined }[] = [{ node: root, parent: undefined }];
  while (stack.length > 0) {
    const { node, parent } = stack.pop()!;
    if (node.kind === 'alias') {
      const size = (node.target && expanded.get(node.target)) || 1;
      if (!crossed && total + size > bound) {
        crossed = true;
        errors.push(aliasBoundError(node, bound));
      }
      if (crossed) cut(node, parent);
      else total += size;
      continue;
    }
    total++;
    const children: Node[] = [];
    pushChildren(node, children);
    for (const child of children) stack.push({ node: child, parent: node });
  }
  return !crossed;
}

/** Leaves the alias without a target, and its mapping or list incomplete: what is missing there proves nothing. */
function cut(alias: AliasNode, parent: Node | undefined): void {
  alias.target = undefined;
  if (parent?.kind === 'map' || parent?.kind === 'seq') parent.complete = false;
}

/**
 * Nodes as written (aliases not followed), and for each node the values it expands to. A target
 * is always read before its alias, so there are no cycles, and each size is counted once.
 */
function sizes(root: Node): { written: number; expanded: Map<Node, number> } {
  const expanded = new Map<Node, number>();
  let written = 0;
  // Post-order without recursion: a node is summed once all its children are.
  const stack: { node: Node; open: boolean }[] = [{ node: root, open: false }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (!top.open) {
      top.open = true;
      if (top.node.kind !== 'alias') written++;
      const children: Node[] = [];
      pushChildren(top.node, children);
      for (const child of children) if (!expanded.has(child)) stack.push({ node: child, open: false });
      continue;
    }
    stack.pop();
    expanded.set(top.node, expansionOf(top.node, expanded));
  }
  return { written, expanded };
}

function expansionOf(node: Node, expanded: Map<Node, number>): number {
  switch (node.kind) {
    case 'alias':
      return (node.target && expanded.get(node.target)) || 1;
    case 'scalar':
      return 1;
    case 'seq':
      return node.items.reduce((sum, item) => sum + expanded.get(item)!, 1);
    case 'map':
      // A key is a scalar: one value.
      return node.entries.reduce((sum, pair) => sum + 1 + expanded.get(pair.value)!, 1);
  }
}

/** Children pushed last-first, so popping visits them in file order. */
function pushChildren(node: Node, stack: Node[]): void {
  if (node.kind === 'seq') {
    for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
  } else if (node.kind === 'map') {
    for (let i = node.entries.length - 1; i >= 0; i--) stack.push(node.entries[i].value, node.entries[i].key);
  }
}
