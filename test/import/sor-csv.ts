// Builds SorEntity_daily.csv text in the export's layout for tests and the benchmark: the columns
// the importer reads (by their SOR2 names), a few it must ignore, SOR codes written as `="…"`,
// semicolons, and quoting where a value needs it; and in the variant layouts code reading the
// real file has met (docs/import.md): other names, other level codes, no parent column, WGS84
// coordinates, a unit's identity and its addresses on separate rows.
import proj4 from 'proj4';
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
  /** The flattened layout's owner columns: the owner's SOR code and CVR number (on every row) and the health institution's SOR code (on institutions and units). */
  ownerSorId?: string;
  ownerCvr?: string;
  institutionSorId?: string;
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
  ['InstitutionOwnerSorId', (u) => (u.ownerSorId ? `="${u.ownerSorId}"` : '')],
  ['InstitutionOwnerCvrNumberId', (u) => u.ownerCvr ?? ''],
  ['HealthInstitutionSorId', (u) => (u.institutionSorId ? `="${u.institutionSorId}"` : '')],
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
  /** The layout's own header names, by the SOR2 name they stand for. */
  rename?: Readonly<Record<string, string>>;
  /** Write the owner columns (InstitutionOwnerSorId, InstitutionOwnerCvrNumberId, HealthInstitutionSorId): off in today's layout. */
  ownerColumns?: boolean;
  /** SorType as SOR's update service writes it: IO, HI, OU. */
  sorusLevels?: boolean;
  /** Coordinates as WGS84 degrees (east the longitude, north the latitude) instead of ETRS89 / UTM 32. */
  wgs84?: boolean;
  /** Each unit on three rows: its identity, then its postal address, then its visiting address and contact data. */
  splitRows?: boolean;
}

const OWNER_COLUMNS = ['InstitutionOwnerSorId', 'InstitutionOwnerCvrNumberId', 'HealthInstitutionSorId'];
const SORUS_LEVEL = { IE: 'IO', SI: 'HI', OE: 'OU' } as const;

export function csvHeader(options: CsvOptions = {}): string {
  return columnsOf(options).map(([name]) => options.rename?.[name] ?? name).join(';');
}

export function csvLine(unit: CsvUnit, options: CsvOptions = {}): string {
  return rowsOf(unit, options)
    .map((row) => columnsOf(options).map(([, value]) => quoted(value(row))).join(';'))
    .join(options.eol ?? '\r\n');
}

export function sorCsv(units: readonly CsvUnit[], options: CsvOptions = {}): string {
  const eol = options.eol ?? '\r\n';
  const rows = options.ownerColumns ? withOwnerColumns(units) : units;
  return [csvHeader(options), ...rows.map((unit) => csvLine(unit, options))].join(eol) + eol;
}

function columnsOf(options: CsvOptions): [string, (unit: CsvUnit) => string][] {
  return CSV_COLUMNS.filter(([name]) => !options.omit?.includes(name) && (options.ownerColumns || !OWNER_COLUMNS.includes(name)));
}

/** The rows a unit takes in the layout. */
function rowsOf(unit: CsvUnit, options: CsvOptions): CsvUnit[] {
  let row: CsvUnit = unit;
  if (options.sorusLevels) row = { ...row, sorType: SORUS_LEVEL[row.sorType] as CsvUnit['sorType'] };
  if (options.wgs84) row = { ...row, postal: inDegrees(row.postal), visiting: inDegrees(row.visiting) };
  if (!options.splitRows) return [row];
  const { postal, visiting, phone, email, website, ...identity } = row;
  return [identity, { ...identity, postal }, { ...identity, visiting, phone, email, website }];
}

/** Each unit with its owner's SOR code and CVR number and its health institution, found through the parents. */
function withOwnerColumns(units: readonly CsvUnit[]): CsvUnit[] {
  const byId = new Map(units.map((unit) => [unit.sorId, unit]));
  return units.map((unit) => {
    let institutionSorId: string | undefined;
    let current: CsvUnit | undefined = unit;
    while (current && current.sorType !== 'IE') {
      if (current.sorType === 'SI') institutionSorId = current.sorId;
      current = current.parentSorId ? byId.get(current.parentSorId) : undefined;
    }
    return { ...unit, ownerSorId: current?.sorId, ownerCvr: current?.cvr, institutionSorId };
  });
}

const fromUtm32 = proj4('+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs', 'EPSG:4326');

/** The address with its UTM coordinates as WGS84 degrees, to nine decimals (under a millimetre). */
function inDegrees(address: CsvAddress | undefined): CsvAddress | undefined {
  if (!address?.east || !address.north) return address;
  const [longitude, latitude] = fromUtm32.forward([Number(address.east.replace(',', '.')), Number(address.north.replace(',', '.'))]);
  return { ...address, east: longitude.toFixed(9), north: latitude.toFixed(9) };
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
