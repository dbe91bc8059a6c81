// Writes an imported provider as YAML in our format (FORMAT.md): block style, codes and numbers
// that are text quoted, the tree as SOR holds it, and a header comment saying where it came from.
// Every value is written on the unit whose row carries it: SOR's export shows effective values and
// does not say which are inherited, so the file holds what SOR shows for each unit.
import { Document, Scalar } from 'yaml';
import type { Lang } from '../core/i18n.js';
import { msg } from '../core/i18n.js';
import type { AddressField } from '../core/model.js';
import { ADDRESS_FIELDS } from '../core/model.js';
import type { RowField } from './columns.js';
import { IMPORTED_ADDRESS_PARTS } from './columns.js';
import { utm32Coordinates } from './coordinates.js';
import type { ImportRow } from './row.js';
import { rowValue } from './row.js';

export interface ImportedEntity {
  row: ImportRow;
  children: ImportedEntity[];
}

export interface YamlSource {
  sourceName: string;
  now: Date;
  lang: Lang;
  /** Units stand directly under their health institution because the file has no parent column. */
  depthUnknown?: boolean;
}

type YamlValue = string | number | Scalar | YamlMap | YamlMap[];
interface YamlMap {
  [key: string]: YamlValue;
}

/**
 * Codes and numbers that are text: always quoted, so no reader takes them for numbers and they look
 * alike throughout the file (the yaml library quotes any other value that would not read back as text).
 */
const QUOTED_FIELDS: ReadonlySet<string> = new Set(['sorId', 'cvr', 'phone', 'houseNumber', 'postalCode']);

/** Address keys in the order the format's example writes them: the care unit's own (visiting) address first. */
const UNIT_ADDRESS_ORDER: readonly AddressField[] = ['visitingAddress', 'postalAddress'];

export function providerYaml(root: ImportedEntity, source: YamlSource): string {
  const provider: YamlMap = {};
  put(provider, 'name', rowValue(root.row, 'name'));
  put(provider, 'cvr', rowValue(root.row, 'cvr'));
  put(provider, 'sorId', root.row.sorId);
  putDates(provider, root.row);
  putContact(provider, root.row, ADDRESS_FIELDS);
  const document = new Document({ provider });
  if (root.children.length > 0) document.set('institutions', root.children.map(unitMap));
  separateListItems(document);
  document.commentBefore = headerComment(root.row, source);
  return document.toString({ indent: 2, lineWidth: 0 });
}

function unitMap(entity: ImportedEntity): YamlMap {
  const map: YamlMap = {};
  put(map, 'name', entity.row.name);
  put(map, 'sorId', entity.row.sorId);
  put(map, 'unitType', rowValue(entity.row, 'unitType'));
  putDates(map, entity.row);
  putContact(map, entity.row, UNIT_ADDRESS_ORDER);
  if (entity.children.length > 0) map.units = entity.children.map(unitMap);
  return map;
}

function putDates(map: YamlMap, row: ImportRow): void {
  put(map, 'fromDate', isoDate(rowValue(row, 'fromDate')));
  put(map, 'toDate', isoDate(rowValue(row, 'toDate')));
}

function putContact(map: YamlMap, row: ImportRow, addressOrder: readonly AddressField[]): void {
  for (const field of addressOrder) {
    const address = addressMap(row, field);
    if (address) map[field] = address;
  }
  put(map, 'phone', rowValue(row, 'phone'));
  put(map, 'email', rowValue(row, 'email'));
  put(map, 'website', rowValue(row, 'website'));
}

function addressMap(row: ImportRow, field: AddressField): YamlMap | undefined {
  const map: YamlMap = {};
  for (const part of IMPORTED_ADDRESS_PARTS) put(map, part, rowValue(row, `${field}.${part}` as RowField));
  // Coordinates are SOR's sign that it placed the address on the map (FORMAT.md), so they go with it.
  const coordinates = utm32Coordinates(rowValue(row, `${field}.east` as RowField), rowValue(row, `${field}.north` as RowField));
  if (coordinates) map.coordinates = { ...coordinates };
  return Object.keys(map).length > 0 ? map : undefined;
}

function put(map: YamlMap, key: string, value: string): void {
  if (!value) return;
  if (!QUOTED_FIELDS.has(key)) {
    map[key] = value;
    return;
  }
  const scalar = new Scalar(value);
  scalar.type = Scalar.QUOTE_DOUBLE;
  map[key] = scalar;
}

/** YYYY-MM-DD from the forms a date may take in the export (ISO with or without time, or DD-MM-YYYY). */
export function isoDate(text: string): string {
  const iso = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(text);
  if (iso) return iso[1];
  const danish = /^(\d{2})[-./](\d{2})[-./](\d{4})(?:$|[T ])/.exec(text);
  return danish ? `${danish[3]}-${danish[2]}-${danish[1]}` : text;
}

/** A blank line between institutions, for reading. */
function separateListItems(document: Document): void {
  const institutions = document.get('institutions');
  if (!institutions || typeof institutions !== 'object' || !('items' in institutions)) return;
  const items = (institutions as { items: { spaceBefore?: boolean }[] }).items;
  items.forEach((item, index) => {
    if (index > 0) item.spaceBefore = true;
  });
}

/** Why the units stand flat under their institution, for the header comment and the command's summary. */
export const DEPTH_UNKNOWN = msg(
  'Filen har ingen kolonne for den overordnede enhed, så enhederne står direkte under deres sundhedsinstitution; hvor dybt SOR har dem under den, vides ikke.',
  'The file has no parent column, so units stand directly under their health institution; how deep below it SOR has them is unknown.',
);

function headerComment(provider: ImportRow, source: YamlSource): string {
  const when = source.now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const cvr = rowValue(provider, 'cvr');
  const who = `${provider.name}${cvr ? ` (CVR ${cvr})` : ''}`;
  const lines = msg(
    [
      `${who}: leverandørens struktur i SOR`,
      `Importeret fra ${source.sourceName} (SOR's daglige udtræk) ${when}.`,
      'Genereret af sor-lint import. Værdierne står, som SOR udtrækker dem for hver enhed, også de nedarvede.',
      ...(source.depthUnknown ? [DEPTH_UNKNOWN.da] : []),
    ].join('\n'),
    [
      `${who}: the provider's structure in SOR`,
      `Imported from ${source.sourceName} (SOR's daily export) at ${when}.`,
      'Generated by sor-lint import. Values are as SOR exports them for each unit, inherited ones included.',
      ...(source.depthUnknown ? [DEPTH_UNKNOWN.en] : []),
    ].join('\n'),
  );
  return lines[source.lang].split('\n').map((line) => ` ${line}`).join('\n');
}
