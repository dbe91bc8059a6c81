// Builds SorEntity_daily.csv text in the export's layout for tests and the benchmark: the columns
// the importer reads (by their SOR2 names), a few it must ignore, SOR codes written as `="…"`,
// semicolons, and quoting where a value needs it.
import { verhoeffCheckDigit } from '../../server/src/rules/support/verhoeff.js';

/** A valid SOR code for a running number: namespace 1000016, partition 00, Verhoeff check digit. */
export function sorCode(running: number): string {
  const body = `${running}100001600`;
  return body + verhoeffCheckDigit(body);
}

export interface CsvAddress {
  street?: string;
  houseNumber?: string;
  floor?: string;
  door?: string;
  postalCode?: string;
  city?: string;
  east?: string;
  north?: string;
}

export interface CsvUnit {
  sorId: string;
  parentSorId?: string;
  sorType: 'IE' | 'SI' | 'OE';
  name: string;
  unitType?: string;
  cvr?: string;
  fromDate?: string;
  toDate?: string;
  postal?: CsvAddress;
  visiting?: CsvAddress;
  phone?: string;
  email?: string;
  website?: string;
}

const ADDRESS_COLUMNS: [keyof CsvAddress, string][] = [
  ['street', 'StreetName'],
  ['houseNumber', 'StreetBuildingId'],
  ['floor', 'FloorId'],
  ['door', 'SuiteId'],
  ['postalCode', 'PostCodeId'],
  ['city', 'DistrictName'],
  ['east', 'CoordETRS89z32EMeasure'],
  ['north', 'CoordETRS89z32NMeasure'],
];

/** Each column: its header name and how a unit fills it. Extra columns stand for the many the importer ignores. */
export const CSV_COLUMNS: [string, (unit: CsvUnit) => string][] = [
  ['SorId', (u) => `="${u.sorId}"`],
  ['EntityName', (u) => u.name],
  ['SorType', (u) => u.sorType],
  ['ParentSorId', (u) => (u.parentSorId ? `="${u.parentSorId}"` : '')],
  ['EntityTypeName', (u) => u.unitType ?? ''],
  ['EanLocationCode', () => '="5790000123456"'],
  ['CvrNumber', (u) => u.cvr ?? ''],
  ['FromDate', (u) => u.fromDate ?? ''],
  ['ToDate', (u) => u.toDate ?? ''],
  ...ADDRESS_COLUMNS.map(([part, suffix]): [string, (unit: CsvUnit) => string] => [`PostalAddress${suffix}`, (u) => u.postal?.[part] ?? '']),
  ...ADDRESS_COLUMNS.map(([part, suffix]): [string, (unit: CsvUnit) => string] => [`VisitingAddress${suffix}`, (u) => u.visiting?.[part] ?? '']),
  ['VirtualAddressTelephoneNumber', (u) => u.phone ?? ''],
  ['VirtualAddressEmailAddress', (u) => u.email ?? ''],
  ['VirtualAddressWebsite', (u) => u.website ?? ''],
  ['PrioritizedEntitySpeciality1Name', () => 'Ældrepleje; sygepleje'],
];

export interface CsvOptions {
  /** Header names to leave out (a file lacking a column the importer needs). */
  omit?: readonly string[];
  eol?: string;
}

export function csvHeader(options: CsvOptions = {}): string {
  return columnsOf(options).map(([name]) => name).join(';');
}

export function csvLine(unit: CsvUnit, options: CsvOptions = {}): string {
  return columnsOf(options).map(([, value]) => quoted(value(unit))).join(';');
}

export function sorCsv(units: readonly CsvUnit[], options: CsvOptions = {}): string {
  const eol = options.eol ?? '\r\n';
  return [csvHeader(options), ...units.map((unit) => csvLine(unit, options))].join(eol) + eol;
}

function columnsOf(options: CsvOptions): [string, (unit: CsvUnit) => string][] {
  return CSV_COLUMNS.filter(([name]) => !options.omit?.includes(name));
}

/** CSV quoting where the value needs it: a separator, a quote (doubled) or a line break. */
function quoted(value: string): string {
  if (value.startsWith('="')) return value;
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Text as Windows-1252 bytes (Latin-1 letters as themselves, € as 0x80): enough for Danish test data. */
export function windows1252(text: string): Buffer {
  return Buffer.from(Array.from(text, (char) => (char === '€' ? 0x80 : char.charCodeAt(0))));
}
