// The postcode table the address rules read: the DAWA 2018 snapshot sor-lint ships, or a newer
// list in the same CSV format that the user points at (the snapshot misses codes created since).
import { FileReadError, readRegularFile } from '../fs/read.js';
import type { PostcodeEntry, PostcodeTable } from '../core/rule.js';
import type { PostcodeRow } from './postcode-csv.js';
import { PostcodeFileError, parsePostcodeCsv } from './postcode-csv.js';
import { DAWA_2018_RUNS, DAWA_2018_STORMODTAGER } from './postcodes-dawa-2018.js';

export { PostcodeFileError } from './postcode-csv.js';

/** Where sor-lint's configuration file names a newer list (schemas/sor-lint-config.schema.json). */
export const POSTCODE_FILE_SETTING = 'settings.postcodeFile';

export class PostcodeList implements PostcodeTable {
  private readonly entries = new Map<string, PostcodeEntry>();

  constructor(
    rows: Iterable<PostcodeRow>,
    readonly source: string,
  ) {
    for (const row of rows) this.entries.set(row.code, { name: row.name, stormodtager: row.stormodtager });
  }

  get(code: string): PostcodeEntry | undefined {
    return this.entries.get(code);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** An array, not a generator: every run builds the table at start, and a generator took it ~4 ms instead of ~0.6. */
function bundledRows(): PostcodeRow[] {
  const stormodtager = new Set(DAWA_2018_STORMODTAGER);
  const rows: PostcodeRow[] = [];
  for (const [first, last, name] of DAWA_2018_RUNS) {
    for (let code = first; code <= last; code++) {
      rows.push({ code: String(code).padStart(4, '0'), name, stormodtager: stormodtager.has(code) });
    }
  }
  return rows;
}

export const BUNDLED_POSTCODES_SOURCE = 'DAWA 2018';

/** Denmark has about 1,100 postcodes: a list far larger than this is not one. */
export const MAX_POSTCODE_FILE_BYTES = 4 * 1024 * 1024;

export const bundledPostcodes: PostcodeList = new PostcodeList(bundledRows(), BUNDLED_POSTCODES_SOURCE);

/** Reads a postcode list in DAWA's `postnr;navn;stormodtager` format; throws PostcodeFileError. */
export function loadPostcodeFile(path: string): PostcodeList {
  let text: string;
  try {
    text = readRegularFile(path, MAX_POSTCODE_FILE_BYTES).toString('utf8');
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    throw new PostcodeFileError({ da: `Postnummerlisten ${path}: ${error.why.da}`, en: `The postcode list ${path}: ${error.why.en}` });
  }
  return new PostcodeList(parsePostcodeCsv(text, path), path);
}
