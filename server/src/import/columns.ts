// The columns of SOR's daily export (`SorEntity_daily.csv`, "SOR2") the importer reads, by the
// header names SOR writes. docs/import.md says which names are confirmed by documentation or by
// code that reads the real file, and which are inferred (FORMAT.md's naming pattern).
import type { AddressField, AddressPart } from '../core/model.js';

/** The row fields the importer keeps, in a fixed order so a kept row is a compact string array. */
export const ROW_FIELDS = [
  'sorId',
  'parentSorId',
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

const PLAIN_COLUMNS = {
  sorId: 'SorId',
  parentSorId: 'ParentSorId',
  sorType: 'SorType',
  name: 'EntityName',
  unitType: 'EntityTypeName',
  cvr: 'CvrNumber',
  fromDate: 'FromDate',
  toDate: 'ToDate',
  phone: 'VirtualAddressTelephoneNumber',
  email: 'VirtualAddressEmailAddress',
  website: 'VirtualAddressWebsite',
} as const;

/** The header name of each field's column. */
export function columnName(field: RowField): string {
  const dot = field.indexOf('.');
  if (dot < 0) return PLAIN_COLUMNS[field as keyof typeof PLAIN_COLUMNS];
  const prefix = ADDRESS_PREFIX[field.slice(0, dot) as AddressField];
  return prefix + ADDRESS_SUFFIX[field.slice(dot + 1) as keyof typeof ADDRESS_SUFFIX];
}

/** Without these the tree cannot be built: a header lacking one is an error that names it. */
export const REQUIRED_FIELDS: readonly RowField[] = ['sorId', 'parentSorId', 'sorType', 'name', 'unitType'];

/** SorType values: institution owner, health institution, organisational unit. */
export const SOR_TYPE = { owner: 'IE', institution: 'SI', unit: 'OE' } as const;
