import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/core/lint.js';
import { LineIndex } from '../../server/src/core/lines.js';
import { ImportError, importProvider } from '../../server/src/import/index.js';
import { NATIONAL_PROVIDER_CVR, nationalUnits } from './national.js';
import { LAERKEHOEJ, OESTERVANG, OTHER_INSTITUTION, OTHER_OWNER, PROVIDER_CVR, PROVIDER_SOR, SCENARIO } from './scenario.js';
import { csvHeader, csvLine, sorCsv, windows1252 } from './sor-csv.js';

const FIXTURES = join(__dirname, '../fixtures/import');
const EXPECTED = readFileSync(join(FIXTURES, 'omsorgshuset.expected.sor.yaml'), 'utf8');
const EXPECTED_OTHER_DA = readFileSync(join(FIXTURES, 'andet-firma.expected.sor.yaml'), 'utf8');
const NOW = new Date('2026-11-26T12:00:00Z');
const TODAY = '2026-11-26';

/** The bytes as a stream in chunks of `size` (cutting letters, quotes and line ends). */
function stream(bytes: Buffer, size = 65536): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
}

async function importBytes(bytes: Buffer, provider = PROVIDER_CVR, size?: number) {
  return importProvider(stream(bytes, size), { provider, now: NOW });
}

async function importError(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('importProvider', () => {
  const csv = sorCsv(SCENARIO);

  it('writes the provider, its institutions and their units as the expected YAML', async () => {
    const result = await importBytes(Buffer.from(csv, 'utf8'));
    expect(result.yaml).toBe(EXPECTED);
    expect(result).toMatchObject({ provider: { name: 'Omsorgshuset ApS', sorId: PROVIDER_SOR }, unitCount: 4, encoding: 'utf-8', rowsRead: SCENARIO.length });
  });

  it('reads the same from UTF-8 with a BOM, from Windows-1252, with LF line ends, and in tiny chunks', async () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]);
    expect((await importBytes(bom)).yaml).toBe(EXPECTED);
    const cp1252 = await importBytes(windows1252(csv));
    expect(cp1252.yaml).toBe(EXPECTED);
    expect(cp1252.encoding).toBe('windows-1252');
    expect((await importBytes(Buffer.from(sorCsv(SCENARIO, { eol: '\n' }), 'utf8'))).yaml).toBe(EXPECTED);
    expect((await importBytes(bom, PROVIDER_CVR, 3)).yaml).toBe(EXPECTED);
  });

  it('reads a file by path and names it in the header comment', async () => {
    const result = await importProvider(join(FIXTURES, 'SorEntity_daily.csv'), { provider: PROVIDER_SOR, now: NOW });
    expect(result.yaml).toBe(EXPECTED);
    expect(result.yaml.split('\n')[1]).toBe("# Imported from SorEntity_daily.csv (SOR's daily export) at 2026-11-26T12:00:00Z.");
  });

  it('picks one provider out of several, by SOR code, with the header in Danish', async () => {
    const result = await importProvider(stream(Buffer.from(csv)), { provider: OTHER_OWNER, now: NOW, lang: 'da' });
    expect(result.yaml).toBe(EXPECTED_OTHER_DA);
    expect(result.yaml).toContain(OTHER_INSTITUTION);
    expect(result.yaml).not.toContain(OESTERVANG);
  });

  it('keeps the first row of a unit the export repeats (one row per location number)', async () => {
    const repeated = [...SCENARIO, { ...SCENARIO.find((unit) => unit.sorId === LAERKEHOEJ)!, name: 'Lærkehøj (gentaget)' }];
    const result = await importBytes(Buffer.from(sorCsv(repeated)));
    expect(result.yaml).toBe(EXPECTED);
  });

  it('ignores columns it does not know and works without the optional ones', async () => {
    const bare = sorCsv(SCENARIO, { omit: ['FromDate', 'ToDate', 'VirtualAddressWebsite', 'PostalAddressCoordETRS89z32EMeasure'] });
    const result = await importBytes(Buffer.from(bare));
    expect(result.yaml).not.toMatch(/fromDate|toDate|website/);
    expect(result.yaml).toContain('  - name: Plejecenter Østervang\n    sorId: "21000016006"\n    unitType: plejeenhed\n    visitingAddress:\n');
    // Without the east coordinate, the postal address has no coordinates; the visiting one keeps them.
    expect(result.yaml.match(/coordinates:/g)).toHaveLength(3);
  });
});

describe('the imported file, linted', () => {
  const { text, findings } = lint(EXPECTED, { fileName: 'omsorgshuset.sor.yaml', today: TODAY, lang: 'en' });
  const lines = new LineIndex(text);
  const at = (ruleId: string) =>
    findings
      .filter((finding) => finding.ruleId === ruleId)
      .map((finding) => ({ severity: finding.severity, text: text.slice(finding.span.start, finding.span.end), line: lines.positionAt(finding.span.start).line + 1, message: finding.message }));

  it('parses and passes the schema: the importer writes only keys of the format', () => {
    expect(at('parse')).toEqual([]);
    expect(at('schema')).toEqual([]);
    expect(at('sor-code')).toEqual([]);
    expect(at('provider-cvr')).toEqual([]);
  });

  it('reports the care unit that lacks a website, on its name', () => {
    const missing = at('careunit-contact-missing');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ severity: 'error', text: 'name: Lærkehøj', line: lines.positionAt(EXPECTED.indexOf('- name: Lærkehøj')).line + 1 });
    expect(missing[0].message).toContain('website');
  });

  it('takes SOR coordinates as the sign of a matched address: only the care unit without them is unverified', () => {
    const unverified = at('address-unverified');
    expect(unverified).toHaveLength(1);
    expect(unverified[0]).toMatchObject({ severity: 'warning', text: 'visitingAddress' });
    expect(unverified[0].message).toContain('Lærkehøj');
  });

  it('imports no legal basis, which SOR does not carry: each care unit is asked for one', () => {
    expect(at('legal-basis').map((finding) => finding.text)).toEqual(['name: Plejecenter Østervang', 'name: Lærkehøj']);
  });
});

describe('import errors', () => {
  const csv = sorCsv(SCENARIO);

  it('names every required column the header lacks, each by all its names, and what the header has, in Danish and English', async () => {
    const error = await importError(importBytes(Buffer.from(sorCsv(SCENARIO, { omit: ['ParentSorId', 'EntityTypeName'] }))));
    expect(error.reason.en).toBe(
      "The file's header lacks columns the import needs: EntityTypeName; ParentSorId | ParentSorIdentifier | HealthInstitutionSorId + InstitutionOwnerSorId | HealthInstitutionSorId + InstitutionOwnerCvrNumberId. It has 27 columns: SorId, EntityName, SorType, EanLocationCode, CvrNumber, FromDate and 21 more. Is it SOR's SorEntity_daily.csv, separated by semicolons?",
    );
    expect(error.reason.da).toBe(
      "Filens overskriftslinje mangler kolonner, som importen skal bruge: EntityTypeName; ParentSorId | ParentSorIdentifier | HealthInstitutionSorId + InstitutionOwnerSorId | HealthInstitutionSorId + InstitutionOwnerCvrNumberId. Den har 27 kolonner: SorId, EntityName, SorType, EanLocationCode, CvrNumber, FromDate og 21 flere. Er det SOR's SorEntity_daily.csv med semikolon som skilletegn?",
    );
  });

  it('says what it found in a header it cannot use at all: a comma-separated file is one long name', async () => {
    const commas = sorCsv(SCENARIO).replace(/;/g, ',');
    const error = await importError(importBytes(Buffer.from(commas)));
    expect(error.reason.en).toBe(
      "The file's header lacks columns the import needs: SorId; SorType; EntityName; EntityTypeName; ParentSorId | ParentSorIdentifier | HealthInstitutionSorId + InstitutionOwnerSorId | HealthInstitutionSorId + InstitutionOwnerCvrNumberId; CvrNumber | InstitutionOwnerCvrNumberId. It has 1 column: SorId,EntityName,SorType,ParentSorId,Ent…. Is it SOR's SorEntity_daily.csv, separated by semicolons?",
    );
    expect(error.reason.da).toContain('Den har 1 kolonne: SorId,EntityName,SorType,ParentSorId,Ent…. Er det');
  });

  it('needs the CVR column only when the provider is given by CVR number', async () => {
    const withoutCvr = Buffer.from(sorCsv(SCENARIO, { omit: ['CvrNumber'] }));
    expect((await importError(importBytes(withoutCvr))).reason.en).toContain('lacks columns the import needs: CvrNumber | InstitutionOwnerCvrNumberId. It has');
    expect((await importBytes(withoutCvr, PROVIDER_SOR)).unitCount).toBe(4);
  });

  it('says when no owner matches, when a SOR code names a unit, and when the key is neither', async () => {
    expect((await importError(importBytes(Buffer.from(csv), '12345674'))).reason.en).toBe('The file has no institution owner (SorType IE or IO) with CVR number 12345674.');
    expect((await importError(importBytes(Buffer.from(csv), OESTERVANG))).reason.en).toBe(
      `SOR code ${OESTERVANG} is a unit of SorType SI, not an institution owner (SorType IE or IO); give the provider's CVR number or the owner's SOR code.`,
    );
    expect((await importError(importBytes(Buffer.from(csv), 'Omsorgshuset'))).reason.da).toBe('"Omsorgshuset" er hverken et CVR-nummer (8 cifre) eller en SOR-kode (11-18 cifre).');
  });

  it('asks for a SOR code when the CVR number owns several owners', async () => {
    const twice = [...SCENARIO, { sorId: '81000016009', sorType: 'IE' as const, name: 'Omsorgshuset Syd', cvr: PROVIDER_CVR }];
    expect((await importError(importBytes(Buffer.from(sorCsv(twice))))).reason.en).toContain(`several institution owners in SOR (${PROVIDER_SOR}, 81000016009)`);
  });

  it('says an empty file is empty', async () => {
    expect((await importError(importBytes(Buffer.alloc(0)))).reason.en).toBe('SorEntity_daily.csv is empty.');
  });
});

describe('a national-size export', () => {
  it("finds the provider's subtree, its units before their parents, holding a bounded number of rows", async () => {
    const rows = 30_000;
    const lines = (function* () {
      yield csvHeader() + '\r\n';
      for (const unit of nationalUnits(rows)) yield csvLine(unit) + '\r\n';
    })();
    const result = await importProvider(Readable.from(lines), { provider: NATIONAL_PROVIDER_CVR, now: NOW });
    expect(result.rowsRead).toBe(rows);
    expect(result.unitCount).toBe(9);
    expect(result.yaml.match(/- name: Afsnit \d/g)).toHaveLength(8);
    // Rows of other owners are dropped once their owner is seen: what is held does not grow with the file.
    expect(result.peakRowsHeld).toBeLessThan(1100);
  });
});
