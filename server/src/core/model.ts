// The typed view of one document: the provider, its institutions and units, each field with the
// syntax node it came from, so a rule reads `unit.fields.unitType` and reports at its span.
import type { MapNode, Node, Pair, ScalarNode, SeqNode, Span } from './ast.js';
import { isMergeKey, resolve } from './ast.js';
import type { Language } from './parse.js';

/** provider = SOR institutionsejer, institution = sundhedsinstitution, unit = organisatorisk enhed. */
export type Level = 'provider' | 'institution' | 'unit';

export const SCALAR_FIELDS = [
  'name',
  'sorId',
  'cvr',
  'unitType',
  'unitTypeCode',
  'legalBasis',
  'fromDate',
  'toDate',
  'phone',
  'email',
  'website',
] as const;
export type ScalarField = (typeof SCALAR_FIELDS)[number];

export const ADDRESS_FIELDS = ['visitingAddress', 'postalAddress'] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];

export const ADDRESS_PARTS = ['street', 'houseNumber', 'floor', 'door', 'postalCode', 'city', 'darId'] as const;
export type AddressPart = (typeof ADDRESS_PARTS)[number];

/** The contact fields plejeoverblikket shows and SOR lets a unit inherit from its parent. */
export const VIRTUAL_ADDRESS_FIELDS = ['phone', 'email', 'website'] as const;

const SCALAR_FIELD_SET: ReadonlySet<string> = new Set(SCALAR_FIELDS);
const ADDRESS_FIELD_SET: ReadonlySet<string> = new Set(ADDRESS_FIELDS);
const ADDRESS_PART_SET: ReadonlySet<string> = new Set(ADDRESS_PARTS);

/** A field is its pair (ast.ts's `Pair`): `pair`, `key`, `node` (aliases resolved) and `text` are read through it. */
export interface Field {
  readonly pair: Pair;
  readonly key: ScalarNode;
  /** The value node (aliases resolved). */
  readonly node: Node;
  /** The value read as text; null when the value is null or not a scalar. */
  readonly text: string | null;
}

export interface Address {
  pair: Pair;
  key: ScalarNode;
  node: Node;
  /** The address mapping; undefined when the value is not a mapping (the schema reports it). */
  map: MapNode | undefined;
  parts: Partial<Record<AddressPart, Field>>;
  coordinates: Field | undefined;
}

export interface Entity {
  level: Level;
  map: MapNode;
  parent: Entity | undefined;
  children: Entity[];
  fields: Partial<Record<ScalarField, Field>>;
  addresses: Partial<Record<AddressField, Address>>;
  /** The `institutions` or `units` pair that holds the children, if any. */
  childrenPair: Pair | undefined;
  /** false when a syntax error cut this unit short: a missing field proves nothing. */
  complete: boolean;
  // What rules ask of every unit, several rules each, read from the fields once when the entity is made.
  /** `unitType` trimmed and in lower case, as rules compare it; undefined when blank or not text. */
  readonly unitType: string | undefined;
  /** The name for messages ("Plejecenter Østervang"), or a stand-in when it has none. */
  readonly displayName: string;
  /** `toDate` when it is a date (YYYY-MM-DD). */
  readonly toDate: string | undefined;
}

export interface SorDocument {
  language: Language;
  root: Node;
  rootMap: MapNode | undefined;
  provider: Entity | undefined;
  institutions: Entity[];
  /** Every entity, provider first, then depth-first in file order. */
  entities: Entity[];
  complete: boolean;
}

export function buildModel(root: Node, language: Language, complete: boolean): SorDocument {
  const rootMap = asMap(root);
  const entities: Entity[] = [];
  const providerPair = rootMap && fieldPair(rootMap, 'provider');
  const providerMap = providerPair && asMap(providerPair.value);
  const provider = providerMap && makeEntity('provider', providerMap, undefined, entities);
  const institutionsPair = rootMap && fieldPair(rootMap, 'institutions');
  const institutions = collectChildren(institutionsPair, 'institution', provider, entities);
  if (provider) {
    provider.children = institutions;
    provider.childrenPair = institutionsPair;
  }
  return { language, root, rootMap, provider, institutions, entities, complete };
}

function makeEntity(level: Level, map: MapNode, parent: Entity | undefined, all: Entity[]): Entity {
  const fields: Entity['fields'] = {};
  let addresses: Entity['addresses'] | undefined;
  let childrenPair: Pair | undefined;
  for (const pair of entriesOf(map)) {
    const name = pair.keyText;
    // Of a key written twice (a parse finding) the first counts, as in the schema's view (value.ts).
    if (name === null) continue;
    if (SCALAR_FIELD_SET.has(name)) fields[name as ScalarField] ??= pair;
    else if (ADDRESS_FIELD_SET.has(name)) (addresses ??= {})[name as AddressField] ??= toAddress(pair);
    else if (name === 'units' && level !== 'provider') childrenPair ??= pair;
  }
  const toDate = fields.toDate?.text;
  const entity: Entity = {
    level,
    map,
    parent,
    children: NO_CHILDREN,
    fields,
    addresses: addresses ?? NO_ADDRESSES,
    childrenPair,
    complete: map.complete,
    unitType: fields.unitType?.text?.trim().toLowerCase() || undefined,
    displayName: fields.name?.text?.trim() || UNNAMED[level],
    toDate: toDate && DATE.test(toDate) ? toDate : undefined,
  };
  all.push(entity);
  entity.children = collectChildren(childrenPair, 'unit', entity, all);
  return entity;
}

/**
 * Most units of a national file have no address of their own and no units below them: those share
 * this empty record and list instead of keeping one each to the end of the lint. Frozen, so a
 * write to them fails loudly.
 */
const NO_ADDRESSES: Entity['addresses'] = Object.freeze({});
const NO_CHILDREN = Object.freeze([]) as unknown as Entity[];

const UNNAMED: Record<Level, string> = { provider: '(provider)', institution: '(institution)', unit: '(unit)' };
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function collectChildren(pair: Pair | undefined, level: Level, parent: Entity | undefined, all: Entity[]): Entity[] {
  const seq = pair && asSeq(pair.value);
  if (!seq) return NO_CHILDREN;
  const children: Entity[] = [];
  for (const item of seq.items) {
    const map = asMap(item);
    if (map) children.push(makeEntity(level, map, parent, all));
  }
  return children;
}

function toAddress(pair: Pair): Address {
  const node = resolve(pair.value) ?? pair.value;
  const map = asMap(node);
  const parts: Partial<Record<AddressPart, Field>> = {};
  let coordinates: Field | undefined;
  for (const entry of map ? entriesOf(map) : []) {
    const name = entry.keyText;
    if (name === 'coordinates') coordinates = entry;
    else if (name !== null && ADDRESS_PART_SET.has(name)) parts[name as AddressPart] = entry;
  }
  return { pair, key: pair.key, node, map, parts, coordinates };
}

/** A mapping's pairs, with YAML merge keys (`<<: *defaults`) expanded; own keys win. */
export function entriesOf(map: MapNode): Pair[] {
  // The common case allocates nothing: most mappings have no merge key, and say so (`merges`).
  if (!map.merges) return map.entries;
  const merges = map.entries.filter(isMergeKey);
  const own = map.entries.filter((pair) => !isMergeKey(pair));
  const seen = new Set(own.map((pair) => pair.keyText));
  const merged: Pair[] = [];
  for (const merge of merges) {
    const value = resolve(merge.value);
    const sources = value?.kind === 'seq' ? value.items.map(resolve) : [value];
    for (const source of sources) {
      if (source?.kind !== 'map' || source === map) continue;
      for (const pair of source.entries) {
        if (seen.has(pair.keyText)) continue;
        seen.add(pair.keyText);
        merged.push(pair);
      }
    }
  }
  return [...own, ...merged];
}

export function fieldPair(map: MapNode, key: string): Pair | undefined {
  return entriesOf(map).find((pair) => pair.keyText === key);
}

function asMap(node: Node | undefined): MapNode | undefined {
  const target = node && resolve(node);
  return target?.kind === 'map' ? target : undefined;
}

function asSeq(node: Node | undefined): SeqNode | undefined {
  const target = node && resolve(node);
  return target?.kind === 'seq' ? target : undefined;
}

// Questions rules ask of an entity.

export function unitTypeOf(entity: Entity): string | undefined {
  return entity.unitType;
}

export function isCareUnit(entity: Entity): boolean {
  return unitTypeOf(entity) === 'plejeenhed';
}

/** Closed: a `toDate` before today, on the unit or on a unit above it (SOR closes the subtree). */
export function isClosed(entity: Entity, today: string): boolean {
  for (let e: Entity | undefined = entity; e; e = e.parent) if (e.toDate !== undefined && e.toDate < today) return true;
  return false;
}

/** A unit with no SOR code is one still to be created in SOR. */
export function isNew(entity: Entity): boolean {
  return !entity.fields.sorId?.text;
}

export function ancestors(entity: Entity): Entity[] {
  const result: Entity[] = [];
  for (let e = entity.parent; e; e = e.parent) result.push(e);
  return result;
}

/** The entity's name for messages ("Plejecenter Østervang"), or a stand-in when it has none. */
export function displayName(entity: Entity): string {
  return entity.displayName;
}

/**
 * Where to report something about the entity as a whole (a missing field): its `name` key,
 * else its first key, else the start of its mapping. Never the whole file.
 */
export function entitySpan(entity: Entity): Span {
  const name = entity.fields.name;
  if (name && name.pair.keyStart >= entity.map.start) return { start: name.pair.keyStart, end: Math.max(name.node.end, name.pair.keyEnd) };
  const first = entity.map.entries[0];
  if (first) return { start: first.keyStart, end: first.keyEnd };
  return { start: entity.map.start, end: Math.min(entity.map.end, entity.map.start + 1) };
}
