// What the JSON Schema says about a place in the tree: its description (English or Danish), the
// keys an object there may hold, and an enum's values. Bundled by esbuild from schemas/.
import schemaJson from '../../../schemas/sor-structure.schema.json';
import type { Lang } from '../core/i18n.js';
import { isRecord } from './settings.js';

export type SchemaNode = Record<string, unknown>;
export type TreePath = readonly (string | number)[];

const ROOT: SchemaNode = schemaJson as SchemaNode;
const MAX_REF_HOPS = 16;

/** The node with `$ref`s followed; the referring node's own keywords (a description) win. */
function expand(node: SchemaNode): SchemaNode {
  let merged: SchemaNode = node;
  for (let hops = 0; typeof merged.$ref === 'string' && hops < MAX_REF_HOPS; hops++) {
    const { $ref, ...own } = merged;
    const target = pointer($ref as string);
    if (!target) return own;
    merged = { ...target, ...own };
  }
  return merged;
}

function pointer(ref: string): SchemaNode | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = ROOT;
  for (const part of ref.slice(2).split('/')) node = isRecord(node) ? node[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  return isRecord(node) ? node : undefined;
}

/** The schema of the value at a path of keys and array indices from the document's root. */
export function schemaAt(path: TreePath): SchemaNode | undefined {
  let node: SchemaNode | undefined = expand(ROOT);
  for (const step of path) {
    if (!node) return undefined;
    const next: unknown = typeof step === 'number' ? node.items : isRecord(node.properties) ? node.properties[step] : undefined;
    node = isRecord(next) ? expand(next) : undefined;
  }
  return node;
}

/** The keys an object at this path may hold, each with its schema. */
export function propertiesAt(path: TreePath): [string, SchemaNode][] {
  const node = schemaAt(path);
  if (!node || !isRecord(node.properties)) return [];
  return Object.entries(node.properties).flatMap(([key, value]) => (isRecord(value) ? [[key, expand(value)] as [string, SchemaNode]] : []));
}

export function descriptionOf(node: SchemaNode, lang: Lang): string | undefined {
  const text = lang === 'da' ? node['x-description-da'] : (node.markdownDescription ?? node.description);
  return typeof text === 'string' ? text : typeof node.description === 'string' ? node.description : undefined;
}

export interface EnumValue {
  value: string;
  description: string | undefined;
}

export function enumValuesOf(node: SchemaNode, lang: Lang): EnumValue[] {
  if (!Array.isArray(node.enum)) return [];
  const descriptions = node[lang === 'da' ? 'x-enum-descriptions-da' : 'enumDescriptions'];
  return node.enum.map((value, i) => {
    const description: unknown = Array.isArray(descriptions) ? descriptions[i] : undefined;
    return { value: String(value), description: typeof description === 'string' ? description : undefined };
  });
}

/** Does the schema take this value as a string (so JSON needs quotes) or as an object or list? */
export function valueShapeOf(node: SchemaNode): 'object' | 'array' | 'scalar' {
  return node.type === 'object' || isRecord(node.properties) ? 'object' : node.type === 'array' ? 'array' : 'scalar';
}
