// The layouts in which code that reads SOR's real SorEntity_daily.csv has met it (docs/import.md):
// each fixture holds the scenario of import.test.ts in one layout, and imports to the same
// provider file as today's layout, up to what the layout cannot carry (without a parent column,
// a unit's depth below its institution), with the same findings once linted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/core/lint.js';
import { importProvider } from '../../server/src/import/index.js';
import { NATIONAL_PROVIDER_CVR, nationalUnits } from './national.js';
import { OTHER_OWNER, PROVIDER_CVR, PROVIDER_SOR, SCENARIO } from './scenario.js';
import type { CsvUnit } from './sor-csv.js';
import { csvHeader, csvLine, sorCode, sorCsv } from './sor-csv.js';

const FIXTURES = join(__dirname, '../fixtures/import');
const EXPECTED = readFileSync(join(FIXTURES, 'omsorgshuset.expected.sor.yaml'), 'utf8');
const EXPECTED_FLAT = readFileSync(join(FIXTURES, 'omsorgshuset.flat.expected.sor.yaml'), 'utf8');
const EXPECTED_OTHER_DA = readFileSync(join(FIXTURES, 'andet-firma.expected.sor.yaml'), 'utf8');
const NOW = new Date('2026-11-26T12:00:00Z');
const TODAY = '2026-11-26';

const LAYOUTS: { file: string; layout: string; expected: string }[] = [
  { file: 'SorEntity_daily.csv', layout: "today's layout", expected: EXPECTED },
  { file: 'layouts/aliases.csv', layout: 'lower-case names behind a UTF-8 BOM read as Latin-1, InstitutionOwnerCvrNumberId, ParentSorIdentifier', expected: EXPECTED },
  { file: 'layouts/sorus-levels.csv', layout: 'SorType IO, HI, OU', expected: EXPECTED },
  { file: 'layouts/wgs84.csv', layout: 'coordinates in WGS84 degrees', expected: EXPECTED },
  { file: 'layouts/split-rows.csv', layout: "a unit's identity, postal address and visiting address on three rows", expected: EXPECTED },
  { file: 'layouts/no-parent.csv', layout: 'no parent column: owners by InstitutionOwnerCvrNumberId, units by HealthInstitutionSorId', expected: EXPECTED_FLAT },
  { file: 'layouts/all-variants.csv', layout: 'all of these at once, behind a real BOM', expected: EXPECTED_FLAT },
];

function importFixture(file: string, provider: string, lang: 'da' | 'en' = 'en') {
  return importProvider(join(FIXTURES, file), { provider, now: NOW, lang, sourceName: 'SorEntity_daily.csv' });
}

/** What a user reads of each finding, without where it stands (the flat layout moves a unit). */
function findingsOf(yaml: string): string[] {
  return lint(yaml, { fileName: 'omsorgshuset.sor.yaml', today: TODAY, lang: 'en' })
    .findings.map((finding) => `${finding.ruleId} ${finding.severity}: ${finding.message}`)
    .sort();
}

describe.each(LAYOUTS)('$file ($layout)', ({ file, expected }) => {
  it('imports to the provider file of its layout, by CVR number and by SOR code', async () => {
    expect((await importFixture(file, PROVIDER_CVR)).yaml).toBe(expected);
    expect((await importFixture(file, PROVIDER_SOR)).yaml).toBe(expected);
  });

  it("leaves the provider's rows out of another provider's file", async () => {
    expect((await importFixture(file, OTHER_OWNER, 'da')).yaml).toBe(EXPECTED_OTHER_DA);
  });

  it("lints to the findings of today's layout, none caused by the layout", async () => {
    const findings = findingsOf((await importFixture(file, PROVIDER_CVR)).yaml);
    expect(findings).toEqual(findingsOf(EXPECTED));
    expect(findings.map((finding) => finding.split(' ')[0])).toEqual(['address-unverified', 'careunit-contact-missing', 'legal-basis', 'legal-basis']);
  });
});

describe('without a parent column', () => {
  it('says in the header comment, in Danish and English, that the depth below the institution is unknown', async () => {
    const english = (await importFixture('layouts/no-parent.csv', PROVIDER_CVR)).yaml.split('\n')[3];
    expect(english).toBe('# The file has no parent column, so units stand directly under their health institution; how deep below it SOR has them is unknown.');
    const danish = (await importFixture('layouts/no-parent.csv', PROVIDER_CVR, 'da')).yaml.split('\n')[3];
    expect(danish).toBe('# Filen har ingen kolonne for den overordnede enhed, så enhederne står direkte under deres sundhedsinstitution; hvor dybt SOR har dem under den, vides ikke.');
    expect((await importFixture('SorEntity_daily.csv', PROVIDER_CVR)).depthUnknown).toBe(false);
  });

  it("places institutions under their owner by InstitutionOwnerSorId, telling apart two owners of one CVR number", async () => {
    const sibling = sorCode(8);
    const siblingHome = sorCode(9);
    const units: CsvUnit[] = [
      ...SCENARIO,
      { sorId: sibling, sorType: 'IE', name: 'Omsorgshuset Syd', cvr: PROVIDER_CVR },
      { sorId: siblingHome, parentSorId: sibling, sorType: 'SI', name: 'Plejehjemmet Syd', unitType: 'plejeenhed' },
    ];
    const csv = sorCsv(units, { ownerColumns: true, omit: ['ParentSorId'] });
    const result = await importProvider(Readable.from([csv]), { provider: PROVIDER_SOR, now: NOW, sourceName: 'SorEntity_daily.csv' });
    expect(result.yaml).toBe(EXPECTED_FLAT);
  });
});

describe('coordinates in WGS84 degrees', () => {
  const at = (east: string, north: string): CsvUnit[] =>
    SCENARIO.map((unit) => (unit.name === 'Lærkehøj' ? { ...unit, visiting: { ...unit.visiting, east, north } } : unit));

  it('are converted to ETRS89 / UTM 32: on the zone\'s central meridian (9° E), 56° N is 500 000 m east and 0.9996 × the meridian arc north', async () => {
    // 6,206,079.59 m: 0.9996 × 6,208,563.01 m, the GRS80 meridian arc from the equator to 56° N.
    const result = await importProvider(Readable.from([sorCsv(at('9', '56,0'))]), { provider: PROVIDER_CVR, now: NOW });
    expect(result.yaml).toContain('    visitingAddress:\n      street: Lærkevej\n      houseNumber: "3"\n      postalCode: "8000"\n      city: Aarhus C\n      coordinates:\n        east: 500000\n        north: 6206079.59\n');
  });

  it('are told from UTM metres and from junk by range: 0 / 0 lies nowhere near Denmark and is written as the file has it', async () => {
    const result = await importProvider(Readable.from([sorCsv(at('0', '0'))]), { provider: PROVIDER_CVR, now: NOW });
    expect(result.yaml).toContain('      city: Aarhus C\n      coordinates:\n        east: 0\n        north: 0\n');
  });

  it('are never flagged: the care unit that had none is no longer unverified, and no rule finds fault with them', async () => {
    const result = await importProvider(Readable.from([sorCsv(at('10.1985', '56.1629'))]), { provider: PROVIDER_CVR, now: NOW });
    const findings = findingsOf(result.yaml);
    expect(findings.filter((finding) => finding.startsWith('address-unverified'))).toEqual([]);
    expect(findings.map((finding) => finding.split(' ')[0])).toEqual(['careunit-contact-missing', 'legal-basis', 'legal-basis']);
  });
});

describe("a unit's rows merged", () => {
  it("fills what the unit's first row lacks from its later rows, each address whole from one row", async () => {
    const laerkehoej = SCENARIO.find((unit) => unit.name === 'Lærkehøj')!;
    const { postal, visiting, ...identity } = laerkehoej;
    const units: CsvUnit[] = [
      ...SCENARIO.filter((unit) => unit !== laerkehoej),
      { ...identity, postal },
      // A later row with another visiting address and a postal address with a floor: the first postal address stays whole.
      { ...identity, phone: '11 22 33 44', visiting, postal: { ...postal, street: 'Andenvej', floor: '2' } },
    ];
    const result = await importProvider(Readable.from([sorCsv(units)]), { provider: PROVIDER_CVR, now: NOW });
    expect(result.yaml).toBe(EXPECTED);
  });
});

describe('a national-size export without a parent column', () => {
  it('finds the provider by its owner columns, holding a bounded number of rows', async () => {
    const rows = 30_000;
    const options = { ownerColumns: true, omit: ['ParentSorId', 'CvrNumber', 'InstitutionOwnerSorId'] };
    const lines = (function* () {
      yield csvHeader(options) + '\r\n';
      for (const unit of nationalUnits(rows)) yield csvLine(unit, options) + '\r\n';
    })();
    const result = await importProvider(Readable.from(lines), { provider: NATIONAL_PROVIDER_CVR, now: NOW });
    expect(result).toMatchObject({ rowsRead: rows, unitCount: 9, depthUnknown: true });
    expect(result.yaml.match(/^ {6}- name: Afsnit \d/gm)).toHaveLength(8);
    expect(result.peakRowsHeld).toBeLessThan(1100);
  });
});
