// The columns of SOR's daily export (`SorEntity_daily.csv`, "SOR2") the importer reads: one table
// of the header names each field goes by. docs/import.md says for each name whether SOR documents
// it, code that reads the real file uses it (seen), or we inferred it.
import type { AddressField, AddressPart } from '../core/model.js';

/** The row fields the importer keeps, in a fixed order so a kept row is a compact string array. */
export const ROW_FIELDS = [
  'sorId',
  'parentSorId',
  'ownerSorId',
  'ownerCvr',
  'institutionSorId',
  'sorType',
  'name',
  'unitType',
  'cvr',
  'fromDate',
  'toDate',
  'phone',
  'email',
  'website',
  'postalAddress.street',
  'postalAddress.houseNumber',
  'postalAddress.floor',
  'postalAddress.door',
  'postalAddress.postalCode',
  'postalAddress.city',
  'postalAddress.east',
  'postalAddress.north',
  'visitingAddress.street',
  'visitingAddress.houseNumber',
  'visitingAddress.floor',
  'visitingAddress.door',
  'visitingAddress.postalCode',
  'visitingAddress.city',
  'visitingAddress.east',
  'visitingAddress.north',
] as const;
export type RowField = (typeof ROW_FIELDS)[number];

/** The address parts SOR's export carries (no DAR id: SOR stores addresses as parts). */
export const IMPORTED_ADDRESS_PARTS = ['street', 'houseNumber', 'floor', 'door', 'postalCode', 'city'] as const satisfies readonly AddressPart[];

const ADDRESS_PREFIX: Record<AddressField, string> = { postalAddress: 'PostalAddress', visitingAddress: 'VisitingAddress' };

const ADDRESS_SUFFIX: Record<(typeof IMPORTED_ADDRESS_PARTS)[number] | 'east' | 'north', string> = {
  street: 'StreetName',
  houseNumber: 'StreetBuildingId',
  floor: 'FloorId',
  door: 'SuiteId',
  postalCode: 'PostCodeId',
  city: 'DistrictName',
  east: 'CoordETRS89z32EMeasure',
  north: 'CoordETRS89z32NMeasure',
};

/**
 * The names each plain field's column goes by, the one our tests and docs use first. A row's value
 * is the first non-empty one among the aliases the header has.
 */
const PLAIN_COLUMNS: Record<Exclude<RowField, `${AddressField}.${string}`>, readonly string[]> = {
  sorId: ['SorId'],
  parentSorId: ['ParentSorId', 'ParentSorIdentifier'],
  ownerSorId: ['InstitutionOwnerSorId'],
  ownerCvr: ['InstitutionOwnerCvrNumberId'],
  institutionSorId: ['HealthInstitutionSorId'],
  sorType: ['SorType'],
  name: ['EntityName'],
  unitType: ['EntityTypeName'],
  // An owner's row names its own CVR number either way: the owner's owner is itself.
  cvr: ['CvrNumber', 'InstitutionOwnerCvrNumberId'],
  fromDate: ['FromDate'],
  toDate: ['ToDate'],
  phone: ['VirtualAddressTelephoneNumber'],
  email: ['VirtualAddressEmailAddress'],
  website: ['VirtualAddressWebsite'],
};

/** The header names a field's column may have. */
export function columnAliases(field: RowField): readonly string[] {
  const dot = field.indexOf('.');
  if (dot < 0) return PLAIN_COLUMNS[field as keyof typeof PLAIN_COLUMNS];
  const prefix = ADDRESS_PREFIX[field.slice(0, dot) as AddressField];
  return [prefix + ADDRESS_SUFFIX[field.slice(dot + 1) as keyof typeof ADDRESS_SUFFIX]];
}

/**
 * A header name as the alias table compares it: without the `="…"` guard and spaces, without a BOM
 * (also a UTF-8 BOM that was read as Latin-1 or Windows-1252, "ï»¿"), in lower case.
 */
export function headerKey(name: string): string {
  return withoutBom(name).trim().toLowerCase();
}

export function withoutBom(name: string): string {
  return name.replace(/^(?:\uFEFF|\u00EF\u00BB\u00BF)+/, '');
}

/**
 * What the header must have, each need met by any one of its ways (a way: columns all present).
 * The tree needs a parent column, or else the owner and health-institution columns.
 */
export interface ColumnNeed {
  ways: readonly (readonly RowField[])[];
}

export const REQUIRED_COLUMNS: readonly ColumnNeed[] = [
  { ways: [['sorId']] },
  { ways: [['sorType']] },
  { ways: [['name']] },
  { ways: [['unitType']] },
  { ways: [['parentSorId'], ['institutionSorId', 'ownerSorId'], ['institutionSorId', 'ownerCvr']] },
];

/** Finding the provider by CVR number needs a CVR column. */
export const CVR_COLUMN: ColumnNeed = { ways: [['cvr']] };

/** The three levels of SOR's tree. */
export type SorLevel = 'owner' | 'institution' | 'unit';

/**
 * SorType's codes: the export's (IE institutionsejer, SI sundhedsinstitution, OE organisatorisk
 * enhed) and SOR's update service's (IO, HI, OU), which code reading the real file also accepts.
 */
const SOR_TYPE_LEVEL: Readonly<Record<string, SorLevel>> = { IE: 'owner', IO: 'owner', SI: 'institution', HI: 'institution', OE: 'unit', OU: 'unit' };

export function sorLevel(sorType: string): SorLevel | undefined {
  return SOR_TYPE_LEVEL[sorType.trim().toUpperCase()];
}
