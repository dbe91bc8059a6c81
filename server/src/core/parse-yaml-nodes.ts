// What both ways of reading YAML (js-yaml's listener, the `yaml` package after an error) make of
// a scalar and a key, so the tree is the same whichever read it.
import type { Node, ScalarNode } from './ast.js';
import { scalarNode } from './ast.js';

const KEYWORD_START = /[~nNtTfF]/;
const NULL_WORD = /^(?:~|null|Null|NULL)$/;
const TRUE_WORD = /^(?:true|True|TRUE)$/;
const FALSE_WORD = /^(?:false|False|FALSE)$/;

/** A plain scalar as the YAML 1.2 core schema types null and booleans; everything else stays text. */
export function plainScalar(text: string, start: number, end: number): ScalarNode {
  // The words are five characters at most: most texts are longer, and pay no regular expression.
  if (text.length > 5 || !KEYWORD_START.test(text.charAt(0))) return scalarNode(text, 'plain', start, end);
  if (NULL_WORD.test(text)) return scalarNode(null, 'plain', start, end);
  return scalarNode(text, TRUE_WORD.test(text) ? 'true' : FALSE_WORD.test(text) ? 'false' : 'plain', start, end);
}

export function asKey(node: Node): ScalarNode {
  if (node.kind === 'scalar') return node;
  // A collection or alias used as a key: keep its place, give it no name a rule could match.
  return scalarNode(null, 'plain', node.start, node.end);
}

export function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** A node read up to `close` ends before the blanks that follow it. */
export function trimEnd(text: string, close: number, floor: number): number {
  let i = Math.min(close, text.length);
  while (i > floor && isBlank(text.charCodeAt(i - 1))) i--;
  return i;
}
