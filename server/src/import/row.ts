// A kept row of the export: the few fields the importer reads, as a compact array.
import type { RowField } from './columns.js';
import { ROW_FIELDS } from './columns.js';
import { fieldValue } from './csv.js';
import type { SubtreeRow } from './subtree.js';

export interface ImportRow extends SubtreeRow {
  /** Position in the file, so the tree keeps the file's order. */
  index: number;
  /** One value per ROW_FIELDS entry, '' when the column is absent or empty. */
  values: readonly string[];
}

const FIELD_INDEX = new Map<RowField, number>(ROW_FIELDS.map((field, index) => [field, index]));

export function rowValue(row: ImportRow, field: RowField): string {
  return row.values[FIELD_INDEX.get(field)!];
}

/** `columns[i]` is where ROW_FIELDS[i] stands in the record (-1: not in the file). */
export function toRow(record: readonly string[], columns: readonly number[], index: number): ImportRow {
  const values = columns.map((column) => (column < 0 ? '' : fieldValue(record[column])));
  const field = (name: RowField) => values[FIELD_INDEX.get(name)!];
  return {
    index,
    values,
    sorId: field('sorId'),
    parentSorId: field('parentSorId'),
    sorType: field('sorType'),
    name: field('name'),
    cvr: field('cvr'),
  };
}
