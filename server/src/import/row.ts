// A kept row of the export: the few fields the importer reads, as a compact array, and where the
// row stands in SOR's tree.
import type { RowField } from './columns.js';
import { ROW_FIELDS, sorLevel } from './columns.js';
import { fieldValue } from './csv.js';
import type { SubtreeRow } from './subtree.js';
import { ownerByCvr } from './subtree.js';

export interface ImportRow extends SubtreeRow {
  /** Position in the file, so the tree keeps the file's order. */
  index: number;
  /** One value per ROW_FIELDS entry, '' when the column is absent or empty. */
  values: string[];
  /** A unit placed under its health institution for want of a parent column: how deep below it SOR has it is unknown. */
  depthUnknown: boolean;
}

const FIELD_INDEX = new Map<RowField, number>(ROW_FIELDS.map((field, index) => [field, index]));

export function rowValue(row: ImportRow, field: RowField): string {
  return row.values[FIELD_INDEX.get(field)!];
}

/**
 * `columns[i]` lists where ROW_FIELDS[i]'s aliases stand in the record (empty: not in the file);
 * the field's value is the first non-empty one.
 */
export function toRow(record: readonly string[], columns: readonly (readonly number[])[], index: number): ImportRow {
  const values = columns.map((aliases) => {
    for (const column of aliases) {
      const value = fieldValue(record[column]);
      if (value) return value;
    }
    return '';
  });
  const field = (name: RowField) => values[FIELD_INDEX.get(name)!];
  const sorId = field('sorId');
  const level = sorLevel(field('sorType'));
  const placement = placeInTree(sorId, level, field);
  return { index, values, sorId, level, sorType: field('sorType'), name: field('name'), cvr: field('cvr'), ...placement };
}

/**
 * The row's parent: the parent column's, or else, as code reading the real export does, an
 * institution's owner (by SOR code, else by CVR number) and a unit's health institution.
 */
function placeInTree(sorId: string, level: ImportRow['level'], field: (name: RowField) => string): { parentSorId: string; depthUnknown: boolean } {
  const parent = field('parentSorId');
  if (parent || level === 'owner') return { parentSorId: parent, depthUnknown: false };
  if (level === 'institution') {
    return { parentSorId: field('ownerSorId') || ownerByCvr(field('ownerCvr')) || '', depthUnknown: false };
  }
  const institution = field('institutionSorId');
  return institution && institution !== sorId ? { parentSorId: institution, depthUnknown: true } : { parentSorId: '', depthUnknown: false };
}

/** The fields a later row of the same unit may fill: each address as a whole (parts of two rows' addresses never mix), every other value alone. */
const MERGED_GROUPS: readonly (readonly number[])[] = (() => {
  const groups = new Map<string, number[]>();
  const tree: ReadonlySet<RowField> = new Set(['sorId', 'parentSorId', 'ownerSorId', 'ownerCvr', 'institutionSorId', 'sorType']);
  ROW_FIELDS.forEach((field, index) => {
    if (tree.has(field)) return;
    const group = field.split('.')[0];
    groups.set(group, [...(groups.get(group) ?? []), index]);
  });
  return [...groups.values()];
})();

/**
 * Fills what a unit's kept row lacks from another row of the same unit: the export may give a
 * unit one row for its identity and others that carry its addresses.
 */
export function mergeRow(into: ImportRow, from: ImportRow): void {
  for (const group of MERGED_GROUPS) {
    if (group.some((index) => into.values[index])) continue;
    for (const index of group) into.values[index] = from.values[index];
  }
  into.name = rowValue(into, 'name');
  into.cvr = rowValue(into, 'cvr');
}
