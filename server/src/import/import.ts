// `importProvider`: one provider's structure out of SOR's daily export, as a file in our format.
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import type { Lang } from '../core/i18n.js';
import { msg } from '../core/i18n.js';
import type { RowField } from './columns.js';
import { REQUIRED_FIELDS, ROW_FIELDS, columnName } from './columns.js';
import type { SourceEncoding } from './csv.js';
import { csvRecords, decodeBytes, fieldValue } from './csv.js';
import { ImportError } from './errors.js';
import type { ImportRow } from './row.js';
import { toRow } from './row.js';
import { SubtreeCollector, parseProviderKey } from './subtree.js';
import type { ImportedEntity } from './yaml-out.js';
import { providerYaml } from './yaml-out.js';

export interface ImportOptions {
  /** The provider's CVR number (8 digits) or its owner's SOR code. */
  provider: string;
  /** Names the source in the header comment; the file's name when `input` is a path. */
  sourceName?: string;
  /** When the import ran, for the header comment (tests fix it). */
  now?: Date;
  /** The header comment's language. */
  lang?: Lang;
}

export interface ImportResult {
  yaml: string;
  provider: { name: string; sorId: string };
  /** Institutions and units written below the provider. */
  unitCount: number;
  encoding: SourceEncoding;
  /** Data rows read from the file (the header not counted). */
  rowsRead: number;
  /** The most rows held in full at once while reading (the rest leave only SorId → ParentSorId). */
  peakRowsHeld: number;
}

export async function importProvider(input: Readable | string, options: ImportOptions): Promise<ImportResult> {
  const key = parseProviderKey(options.provider);
  const stream = typeof input === 'string' ? createReadStream(input) : input;
  const sourceName = options.sourceName ?? (typeof input === 'string' ? basename(input) : 'SorEntity_daily.csv');
  const decoded = decodeBytes(stream);
  const collector = new SubtreeCollector<ImportRow>(key);
  let columns: number[] | undefined;
  let rowsRead = 0;
  try {
    for await (const record of csvRecords(decoded.chunks)) {
      if (!columns) {
        columns = columnIndexes(record, key.kind === 'cvr');
        continue;
      }
      collector.add(toRow(record, columns, rowsRead++));
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportError(msg(`Kunne ikke læse ${sourceName}: ${reason}`, `Could not read ${sourceName}: ${reason}`));
  }
  if (!columns) throw new ImportError(msg(`${sourceName} er tom.`, `${sourceName} is empty.`));
  const { provider, rows } = collector.finish();
  const tree = buildTree(provider, rows);
  const yaml = providerYaml(tree, { sourceName, now: options.now ?? new Date(), lang: options.lang ?? 'en' });
  return { yaml, provider: { name: provider.name, sorId: provider.sorId }, unitCount: rows.length, encoding: decoded.encoding(), rowsRead, peakRowsHeld: collector.peakRowsHeld };
}

/** Where each field's column is in the header (-1: absent); missing required columns are an error. */
function columnIndexes(header: string[], needsCvr: boolean): number[] {
  const position = new Map<string, number>();
  header.forEach((name, index) => position.set(fieldValue(name), index));
  const indexes = ROW_FIELDS.map((field) => position.get(columnName(field)) ?? -1);
  const required: RowField[] = needsCvr ? [...REQUIRED_FIELDS, 'cvr'] : [...REQUIRED_FIELDS];
  const missing = required.filter((field) => indexes[ROW_FIELDS.indexOf(field)] < 0).map(columnName);
  if (missing.length > 0) {
    const list = missing.join(', ');
    throw new ImportError(
      msg(
        `Filens overskriftslinje mangler kolonnerne ${list}, som importen skal bruge; er det SOR's SorEntity_daily.csv med semikolon som skilletegn?`,
        `The file's header lacks the columns ${list} that the import needs; is it SOR's SorEntity_daily.csv, separated by semicolons?`,
      ),
    );
  }
  return indexes;
}

/** Nests the kept rows under their parents, each list in file order. */
function buildTree(provider: ImportRow, rows: ImportRow[]): ImportedEntity {
  const byId = new Map<string, ImportedEntity>();
  const root: ImportedEntity = { row: provider, children: [] };
  byId.set(provider.sorId, root);
  const ordered = [...rows].sort((a, b) => a.index - b.index);
  for (const row of ordered) byId.set(row.sorId, { row, children: [] });
  for (const row of ordered) byId.get(row.parentSorId)?.children.push(byId.get(row.sorId)!);
  return root;
}
