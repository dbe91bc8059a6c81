import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PostcodeFileError, bundledPostcodes, loadPostcodeFile } from '../../server/src/address/postcodes.js';
import type { PostcodeTable } from '../../server/src/core/rule.js';

const ROOT = join(__dirname, '..', '..');
const SHARED_CSV = join(ROOT, '..', 'shared', 'data', 'postnumre-dawa.csv');
const GENERATED = join(ROOT, 'server', 'src', 'address', 'postcodes-dawa-2018.ts');
const HAS_SHARED_DATA = existsSync(SHARED_CSV);

const ALL_CODES = Array.from({ length: 10_000 }, (_, n) => String(n).padStart(4, '0'));

function stormodtagerCodes(table: PostcodeTable): string[] {
  return ALL_CODES.filter((code) => table.get(code)?.stormodtager);
}

function tempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'sor-lint-postcodes-')), name);
  writeFileSync(path, content);
  return path;
}

describe('the bundled table (DAWA 2018)', () => {
  it('holds the 1,109 postcodes with the 19 stormodtager codes', () => {
    expect(bundledPostcodes.size).toBe(1109);
    expect(ALL_CODES.filter((code) => bundledPostcodes.get(code)).length).toBe(1109);
    expect(stormodtagerCodes(bundledPostcodes)).toEqual([
      '0800', '0999', '1092', '1093', '1095', '1098', '1140', '1147', '1148', '1217',
      '1240', '1448', '1566', '1592', '1599', '1630', '1785', '1786', '1787',
    ]);
    expect(bundledPostcodes.source).toBe('DAWA 2018');
  });

  it('keys 800 and 999 as 0800 and 0999, and reads " true" as true', () => {
    expect(bundledPostcodes.get('0800')).toEqual({ name: 'Høje Taastrup', stormodtager: true });
    expect(bundledPostcodes.get('0999')).toEqual({ name: 'København C', stormodtager: true });
    expect(bundledPostcodes.get('800')).toBeUndefined();
    expect(bundledPostcodes.get('999')).toBeUndefined();
  });

  it('keeps the official spellings and leaves out codes without addresses', () => {
    expect(bundledPostcodes.get('8000')).toEqual({ name: 'Aarhus C', stormodtager: false });
    expect(bundledPostcodes.get('2800')).toEqual({ name: 'Kgs. Lyngby', stormodtager: false });
    expect(bundledPostcodes.get('9990')).toEqual({ name: 'Skagen', stormodtager: false });
    expect(bundledPostcodes.get('1000')).toBeUndefined();
    expect(bundledPostcodes.get('0900')).toBeUndefined();
  });

  it.skipIf(!HAS_SHARED_DATA)(
    'is committed exactly as scripts/build-postcodes.mjs makes it from ../shared/data (skipped only when ../shared/data is absent)',
    () => {
      const generated = execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-postcodes.mjs'), '--stdout'], { encoding: 'utf8' });
      expect(readFileSync(GENERATED, 'utf8')).toBe(generated);
      const sha = execFileSync('sha256sum', [SHARED_CSV], { encoding: 'utf8' }).split(' ')[0];
      expect(generated).toContain(`// CSV sha256: ${sha}`);
    },
  );

  it.skipIf(!HAS_SHARED_DATA)('equals the CSV read as a user-supplied list (skipped only when ../shared/data is absent)', () => {
    const fromFile = loadPostcodeFile(SHARED_CSV);
    expect(fromFile.size).toBe(1109);
    for (const code of ALL_CODES) expect(fromFile.get(code)).toEqual(bundledPostcodes.get(code));
  });
});

describe('loadPostcodeFile', () => {
  it('reads a newer list in the same format: BOM, CRLF, a trailing newline, DAWA\'s quirks', () => {
    const path = tempFile('postnumre.csv', '\uFEFFpostnr;navn;stormodtager\r\n800;Høje Taastrup;true\r\n999;København C; true\r\n8000;Aarhus C;false\r\n9999;Nyby;FALSE\r\n');
    const table = loadPostcodeFile(path);
    expect(table.source).toBe(path);
    expect(table.size).toBe(4);
    expect(table.get('0800')).toEqual({ name: 'Høje Taastrup', stormodtager: true });
    expect(table.get('0999')).toEqual({ name: 'København C', stormodtager: true });
    expect(table.get('9999')).toEqual({ name: 'Nyby', stormodtager: false });
  });

  const malformed: [string, string, RegExp, RegExp][] = [
    ['a wrong header', 'postnr,navn,stormodtager\n8000,Aarhus C,false', /line 1: expected the header "postnr;navn;stormodtager"/, /linje 1: forventede overskriften/],
    ['a missing field', 'postnr;navn;stormodtager\n8000;Aarhus C;false\n8200;Aarhus N', /line 3: expected 3 fields separated by ";", found 2/, /linje 3: forventede 3 felter/],
    ['a code that is not digits', 'postnr;navn;stormodtager\n80O0;Aarhus C;false', /line 2: "80O0" is not a postcode \(3-4 digits\)/, /linje 2: "80O0" er ikke et postnummer/],
    ['a duplicate code', 'postnr;navn;stormodtager\n800;Høje Taastrup;true\n0800;Høje Taastrup;true', /line 3: postcode 0800 appears more than once/, /linje 3: postnummer 0800 står mere end én gang/],
    ['a blank name', 'postnr;navn;stormodtager\n8000; ;false', /line 2: postcode 8000 has no name/, /linje 2: postnummer 8000 har intet navn/],
    ['a flag that is not true or false', 'postnr;navn;stormodtager\n8000;Aarhus C;ja', /line 2: stormodtager must be true or false, not "ja"/, /linje 2: stormodtager skal være true eller false/],
    ['no rows', 'postnr;navn;stormodtager\n', /line 1: the file holds no postcodes/, /linje 1: filen har ingen postnumre/],
  ];

  it.each(malformed)('rejects a file with %s, naming the file and line in both languages', (_, content, english, danish) => {
    const path = tempFile('bad.csv', content);
    let caught: unknown;
    try {
      loadPostcodeFile(path);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PostcodeFileError);
    const error = caught as PostcodeFileError;
    expect(error.message).toContain(path);
    expect(error.message).toMatch(english);
    expect(error.detail.da).toContain(path);
    expect(error.detail.da).toMatch(danish);
  });

  it('says clearly when the file cannot be read', () => {
    const path = join(tmpdir(), 'sor-lint-no-such-dir', 'postnumre.csv');
    expect(() => loadPostcodeFile(path)).toThrow(PostcodeFileError);
    expect(() => loadPostcodeFile(path)).toThrow(`The postcode list ${path}: cannot read the file (ENOENT)`);
  });
});
