// `importProvider`: one provider's structure out of SOR's daily export, as a file in our format.
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import type { Lang } from '../core/i18n.js';
import { msg } from '../core/i18n.js';
import type { ColumnNeed, RowField } from './columns.js';
import { CVR_COLUMN, REQUIRED_COLUMNS, ROW_FIELDS, columnAliases, headerKey, withoutBom } from './columns.js';
import type { SourceEncoding } from './csv.js';
import { csvRecords, decodeBytes, fieldValue } from './csv.js';
import { ImportError } from './errors.js';
import type { ImportRow } from './row.js';
import { mergeRow, toRow } from './row.js';
import { SubtreeCollector, ownerByCvr, parseProviderKey } from './subtree.js';
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
  /** Some units were placed under their health institution for want of a parent column: their depth below it is unknown. */
  depthUnknown: boolean;
}

export async function importProvider(input: Readable | string, options: ImportOptions): Promise<ImportResult> {
  const key = parseProviderKey(options.provider);
  const stream = typeof input === 'string' ? createReadStream(input) : input;
  const sourceName = options.sourceName ?? (typeof input === 'string' ? basename(input) : 'SorEntity_daily.csv');
  const decoded = decodeBytes(stream);
  const collector = new SubtreeCollector<ImportRow>(key, mergeRow);
  let columns: number[][] | undefined;
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
  const depthUnknown = rows.some((row) => row.depthUnknown);
  const yaml = providerYaml(tree, { sourceName, now: options.now ?? new Date(), lang: options.lang ?? 'en', depthUnknown });
  return {
    yaml,
    provider: { name: provider.name, sorId: provider.sorId },
    unitCount: rows.length,
    encoding: decoded.encoding(),
    rowsRead,
    peakRowsHeld: collector.peakRowsHeld,
    depthUnknown,
  };
}

/**
 * Where each field's columns are in the header, by the alias table (case and a BOM disregarded);
 * a header that cannot meet a need is an error naming what it has and what was looked for.
 */
function columnIndexes(header: string[], needsCvr: boolean): number[][] {
  const position = new Map<string, number>();
  header.forEach((name, index) => {
    const key = headerKey(fieldValue(name));
    if (!position.has(key)) position.set(key, index);
  });
  const indexes = ROW_FIELDS.map((field) => columnAliases(field).flatMap((alias) => position.get(alias.toLowerCase()) ?? []));
  const present = (field: RowField) => indexes[ROW_FIELDS.indexOf(field)].length > 0;
  const needs = needsCvr ? [...REQUIRED_COLUMNS, CVR_COLUMN] : REQUIRED_COLUMNS;
  const unmet = needs.filter((need) => !need.ways.some((way) => way.every(present)));
  if (unmet.length > 0) {
    const wanted = unmet.map(needText).join('; ');
    const found = header.slice(0, SHOWN_HEADER_NAMES).map((name) => shortened(withoutBom(fieldValue(name)) || '""')).join(', ');
    const more = header.length - SHOWN_HEADER_NAMES;
    const count = { da: `${header.length} ${header.length === 1 ? 'kolonne' : 'kolonner'}`, en: `${header.length} ${header.length === 1 ? 'column' : 'columns'}` };
    throw new ImportError(
      msg(
        `Filens overskriftslinje mangler kolonner, som importen skal bruge: ${wanted}. Den har ${count.da}: ${found}${more > 0 ? ` og ${more} flere` : ''}. Er det SOR's SorEntity_daily.csv med semikolon som skilletegn?`,
        `The file's header lacks columns the import needs: ${wanted}. It has ${count.en}: ${found}${more > 0 ? ` and ${more} more` : ''}. Is it SOR's SorEntity_daily.csv, separated by semicolons?`,
      ),
    );
  }
  return indexes;
}

/** How many of the header's names an error shows, each cut to a readable length. */
const SHOWN_HEADER_NAMES = 6;
const SHOWN_NAME_LENGTH = 40;

function shortened(name: string): string {
  return name.length > SHOWN_NAME_LENGTH ? `${name.slice(0, SHOWN_NAME_LENGTH)}…` : name;
}

/** A need as its ways: `A | B` for names that stand for each other, `A + B` for columns needed together. */
function needText(need: ColumnNeed): string {
  return need.ways.map((way) => way.map((field) => columnAliases(field).join(' | ')).join(' + ')).join(' | ');
}

/** Nests the kept rows under their parents, each list in file order. */
function buildTree(provider: ImportRow, rows: ImportRow[]): ImportedEntity {
  const byId = new Map<string, ImportedEntity>();
  const root: ImportedEntity = { row: provider, children: [] };
  byId.set(provider.sorId, root);
  const byCvr = ownerByCvr(provider.cvr);
  if (byCvr) byId.set(byCvr, root);
  const ordered = [...rows].sort((a, b) => a.index - b.index);
  for (const row of ordered) byId.set(row.sorId, { row, children: [] });
  for (const row of ordered) byId.get(row.parentSorId)?.children.push(byId.get(row.sorId)!);
  return root;
}
