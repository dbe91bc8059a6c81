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
 * The coordinates a row's east and north columns give, in ETRS89 / UTM 32; undefined unless both
 * are numbers (a decimal comma allowed). A pair that fits as longitude and latitude in degrees
 * (UTM metres in Denmark are six and seven digits) is WGS84: north the latitude, east the longitude.
 */
export function utm32Coordinates(eastText: string, northText: string): Utm32 | undefined {
  const east = decimal(eastText);
  const north = decimal(northText);
  if (east === undefined || north === undefined) return undefined;
  if (Math.abs(east) > 180 || Math.abs(north) > 90) return { east, north };
  const [utmEast, utmNorth] = fromWgs84.forward([east, north]);
  return { east: centimetres(utmEast), north: centimetres(utmNorth) };
}

function decimal(text: string): number | undefined {
  if (!/^-?\d+(?:[.,]\d+)?$/.test(text)) return undefined;
  return Number(text.replace(',', '.'));
}

/** Centimetres: finer than any address point, and what SOR's own UTM values carry. */
function centimetres(metres: number): number {
  return Math.round(metres * 100) / 100;
}
