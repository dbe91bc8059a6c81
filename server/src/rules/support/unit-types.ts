// What the care-unit structure rules ask of the tree: which open care units stand above or below
// a unit, which non-care types similar units already use, and where a unit's type is written.
import type { Node, Pair, ScalarNode, Span } from '../../core/ast.js';
import { resolve, scalarValue } from '../../core/ast.js';
import type { Msg } from '../../core/i18n.js';
import { msg } from '../../core/i18n.js';
import type { Entity, SorDocument } from '../../core/model.js';
import { displayName, fieldPair, isCareUnit, isClosed, unitTypeOf } from '../../core/model.js';

export const CARE_UNIT_TYPE = 'plejeenhed';
export const NURSING_HOME_TYPE = 'plejehjem';

/**
 * The SNOMED CT codes SOR carries for type names, where the code is known (FORMAT.md). plejeenhed
 * has no public code yet.
 */
export const KNOWN_TYPE_CODES: Readonly<Record<string, string>> = {
  [NURSING_HOME_TYPE]: '42665001',
  hospital: '22232009',
};

/** A care unit the rules look at: an institution or unit typed plejeenhed that is not closed. */
export function isOpenCareUnit(entity: Entity, today: string): boolean {
  return entity.level !== 'provider' && isCareUnit(entity) && !isClosed(entity, today);
}

/** Whether the document gives its provider an open care unit: what plejeoverblikket shows of it. */
export function hasOpenCareUnit(document: SorDocument, today: string): boolean {
  return document.entities.some((entity) => isOpenCareUnit(entity, today));
}

export function isNursingHome(entity: Entity): boolean {
  return unitTypeOf(entity) === NURSING_HOME_TYPE;
}

/** Open care units above the entity, nearest first. */
export function careUnitsAbove(entity: Entity, today: string): Entity[] {
  const found: Entity[] = [];
  for (let above = entity.parent; above; above = above.parent) if (isOpenCareUnit(above, today)) found.push(above);
  return found;
}

/** Open care units below the entity, in file order. Asked of every care unit: it walks the tree without copying it. */
export function careUnitsBelow(entity: Entity, today: string): Entity[] {
  const found: Entity[] = [];
  const visit = (children: readonly Entity[]) => {
    for (const child of children) {
      if (isOpenCareUnit(child, today)) found.push(child);
      visit(child.children);
    }
  };
  visit(entity.children);
  return found;
}

/** The unit type's value as written in the unit (an alias stays the alias), where findings point. */
export function unitTypeSpan(entity: Entity): Span | undefined {
  return entity.fields.unitType?.pair.value;
}

/**
 * The pair as written in the entity's own mapping. A pair that comes in through a merge key lives
 * in another mapping, and rewriting it there would change every unit that merges it.
 */
export function ownPair(entity: Entity, key: string): Pair | undefined {
  return entity.map.entries.find((pair) => pair.keyText === key);
}

/**
 * The entity's own scalar value for `key`, which a fix may rewrite: written in place, neither an
 * alias nor an anchor (`&name value`) that aliases elsewhere would change with it.
 */
export function ownScalar(entity: Entity, key: string, text: string): ScalarNode | undefined {
  const value = ownPair(entity, key)?.value;
  return value?.kind === 'scalar' && text[value.start] !== '&' ? value : undefined;
}

/** `careUnit: false`: the user's record that this unit is not a care unit (Aktivitet 2). */
export function markedNotCareUnit(entity: Entity): boolean {
  const pair = fieldPair(entity.map, 'careUnit');
  const value: Node | undefined = pair && resolve(pair.value);
  return value?.kind === 'scalar' && scalarValue(value) === false;
}

const MAX_OFFERED_FROM_FILE = 3;

/**
 * The non-care types to offer when retyping the entity: those the file's other open units at the
 * same level (institution or organisational unit) use, most frequent first (ties: first seen), at
 * most three, then the configured default; compared without case. `plejehjem` is not offered:
 * whether such a unit is a care unit is itself the question plejehjem-retype asks.
 */
export function nonCareTypeCandidates(document: SorDocument, entity: Entity, today: string, fallback: string): string[] {
  const counts = new Map<string, { spelling: string; count: number; firstSeen: number }>();
  document.entities.forEach((other, index) => {
    const type = unitTypeOf(other);
    if (other === entity || other.level !== entity.level || !type || isClosed(other, today)) return;
    if (type === CARE_UNIT_TYPE || type === NURSING_HOME_TYPE) return;
    const seen = counts.get(type);
    if (seen) seen.count++;
    else counts.set(type, { spelling: other.fields.unitType!.text!.trim(), count: 1, firstSeen: index });
  });
  const fromFile = [...counts.values()]
    .sort((a, b) => b.count - a.count || a.firstSeen - b.firstSeen)
    .slice(0, MAX_OFFERED_FROM_FILE)
    .map((entry) => entry.spelling);
  const fallbackType = fallback.trim();
  const fallbackKey = fallbackType.toLowerCase();
  const offerFallback =
    fallbackType !== '' &&
    fallbackKey !== CARE_UNIT_TYPE &&
    fallbackKey !== NURSING_HOME_TYPE &&
    !fromFile.some((type) => type.toLowerCase() === fallbackKey);
  return offerFallback ? [...fromFile, fallbackType] : fromFile;
}

const MAX_NAMED = 5;

/** `"A", "B"` for messages; past five names, the rest are counted (related locations list them all). */
export function quotedNames(entities: readonly Entity[]): Msg {
  const named = entities.slice(0, MAX_NAMED).map((e) => `"${displayName(e)}"`).join(', ');
  const more = entities.length - MAX_NAMED;
  return more > 0 ? msg(`${named} og ${more} flere`, `${named} and ${more} more`) : msg(named, named);
}
