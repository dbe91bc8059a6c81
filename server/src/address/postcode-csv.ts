// Reads a postcode list in DAWA's `postnumre.csv` format (`postnr;navn;stormodtager`). One reader
// for both the build-time generator (scripts/build-postcodes.mjs) and a newer list a user points at,
// so the bundled table and a user's file are read by the same rules.
import type { Msg } from '../core/i18n.js';

export interface PostcodeRow {
  /** Always 4 digits: DAWA writes 0800 and 0999 without the leading zero. */
  code: string;
  name: string;
  stormodtager: boolean;
}

/** A list that cannot be read; `detail` says where and what, in both languages. */
export class PostcodeFileError extends Error {
  constructor(readonly detail: Msg) {
    super(detail.en);
    this.name = 'PostcodeFileError';
  }
}

const HEADER = 'postnr;navn;stormodtager';
const CODE = /^\d{3,4}$/;

export function parsePostcodeCsv(text: string, origin: string): PostcodeRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const fail = (line: number, da: string, en: string) =>
    new PostcodeFileError({ da: `${origin}, linje ${line}: ${da}`, en: `${origin}, line ${line}: ${en}` });
  if (lines[0].trim().toLowerCase() !== HEADER) {
    throw fail(1, `forventede overskriften "${HEADER}" (DAWA's postnumre.csv)`, `expected the header "${HEADER}" (DAWA's postnumre.csv)`);
  }
  const rows: PostcodeRow[] = [];
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    if (index === 0 || line.trim() === '') return;
    const lineNumber = index + 1;
    const fields = line.split(';').map((field) => field.trim());
    if (fields.length !== 3) throw fail(lineNumber, `forventede 3 felter adskilt af ";", fandt ${fields.length}`, `expected 3 fields separated by ";", found ${fields.length}`);
    const [rawCode, name, flag] = fields;
    if (!CODE.test(rawCode)) throw fail(lineNumber, `"${rawCode}" er ikke et postnummer (3-4 cifre)`, `"${rawCode}" is not a postcode (3-4 digits)`);
    // DAWA drops the leading zero of 0800-0999.
    const code = rawCode.padStart(4, '0');
    if (seen.has(code)) throw fail(lineNumber, `postnummer ${code} står mere end én gang`, `postcode ${code} appears more than once`);
    if (name === '') throw fail(lineNumber, `postnummer ${code} har intet navn`, `postcode ${code} has no name`);
    const stormodtager = flag.toLowerCase();
    if (stormodtager !== 'true' && stormodtager !== 'false') {
      throw fail(lineNumber, `stormodtager skal være true eller false, ikke "${flag}"`, `stormodtager must be true or false, not "${flag}"`);
    }
    seen.add(code);
    rows.push({ code, name, stormodtager: stormodtager === 'true' });
  });
  if (rows.length === 0) throw fail(1, 'filen har ingen postnumre', 'the file holds no postcodes');
  return rows;
}
