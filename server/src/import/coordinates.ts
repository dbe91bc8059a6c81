// An address's map coordinates as the file format holds them: ETRS89 / UTM zone 32 (EPSG:25832),
// in metres. SOR's coordinate columns are named for that system, but some exports have carried
// WGS84 degrees in them (code that reads the real file accepts both, by range); degrees are
// converted here so every imported file holds one system.
import proj4 from 'proj4';

export interface Utm32 {
  east: number;
  north: number;
}

/** ETRS89 / UTM 32 as PROJ defines EPSG:25832; ETRS89 and WGS84 are taken as one datum, as EPSG does (they differ by under a metre). */
const ETRS89_UTM32 = '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
const fromWgs84 = proj4('EPSG:4326', ETRS89_UTM32);

/**
 * Degrees in and around Denmark, Bornholm included (UTM metres there have six and seven digits, so
 * the two never meet). A pair outside, such as 0 / 0, is left as the file writes it.
 */
const DANISH_LONGITUDE = { min: 3, max: 17 };
const DANISH_LATITUDE = { min: 53, max: 59 };

/**
 * The coordinates a row's east and north columns give, in ETRS89 / UTM 32; undefined unless both
 * are numbers (a decimal comma allowed). A pair that lies in Denmark as longitude and latitude in
 * degrees is WGS84: north the latitude, east the longitude.
 */
export function utm32Coordinates(eastText: string, northText: string): Utm32 | undefined {
  const east = decimal(eastText);
  const north = decimal(northText);
  if (east === undefined || north === undefined) return undefined;
  if (!within(east, DANISH_LONGITUDE) || !within(north, DANISH_LATITUDE)) return { east, north };
  const [utmEast, utmNorth] = fromWgs84.forward([east, north]);
  return { east: centimetres(utmEast), north: centimetres(utmNorth) };
}

function within(value: number, range: { min: number; max: number }): boolean {
  return value >= range.min && value <= range.max;
}

function decimal(text: string): number | undefined {
  if (!/^-?\d+(?:[.,]\d+)?$/.test(text)) return undefined;
  return Number(text.replace(',', '.'));
}

/** Centimetres: finer than any address point, and what SOR's own UTM values carry. */
function centimetres(metres: number): number {
  return Math.round(metres * 100) / 100;
}
