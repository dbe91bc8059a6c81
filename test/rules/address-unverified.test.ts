import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addressUnverified } from '../../server/src/rules/address-unverified.js';
import { findingsOf, lintText, providerYaml } from '../helpers/rule-tester.js';

const DAR_ID = '0a3f50a0-73bf-32b8-e044-0003ba298018';
const ADDRESS = '{ street: Østervangsvej, houseNumber: "12", postalCode: "8000", city: Aarhus C }';
const VERIFIED = `{ street: Østervangsvej, houseNumber: "12", postalCode: "8000", city: Aarhus C, darId: ${DAR_ID} }`;

/** One institution (line 5) with the given lines (indented by 4) below its name. */
function institution(lines: string, name = 'Plejecenter Østervang'): string {
  return providerYaml(`  - name: ${name}\n${lines}`);
}

function brief(text: string) {
  return findingsOf(addressUnverified, text).map(({ severity, line, column, text: under }) => ({ severity, line, column, text: under }));
}

describe('address-unverified', () => {
  it('warns about a care unit\'s visiting address with no DAR id and no coordinates, at its key', () => {
    const text = institution(`    unitType: plejeenhed\n    visitingAddress: ${ADDRESS}\n`);
    const found = findingsOf(addressUnverified, text);
    expect(found.map(({ severity, line, column, text: under }) => ({ severity, line, column, text: under }))).toEqual([
      { severity: 'warning', line: 7, column: 5, text: 'visitingAddress' },
    ]);
    expect(found[0].message).toContain('The visiting address of "Plejecenter Østervang" is not confirmed as a DAR address: it has no DAR address id (`darId`) and no coordinates.');
    expect(found[0].message).toContain('otherwise plejeoverblikket reports an error and the care unit is not shown');
    expect(found[0].message).toContain('SOR marks such an address with an X, because it cannot be shown on a map (Aktivitet 3, "Særligt om besøgsadressen")');
    expect(found[0].message).toContain('record its address id as `darId`, or have sor-lint check it in DAR online (`--online`');
  });

  it('speaks Danish', () => {
    const text = institution(`    unitType: plejeenhed\n    visitingAddress: ${ADDRESS}\n`);
    const [found] = findingsOf(addressUnverified, text, { lang: 'da' });
    expect(found.message).toContain('Besøgsadressen for "Plejecenter Østervang" er ikke bekræftet som en DAR-adresse');
    expect(found.message).toContain('ellers melder plejeoverblikket fejl, og plejeenheden vises ikke');
    expect(found.message).toContain('skriv dens adresse-id som `darId`');
  });

  it('checks the unit\'s own postal address when it has no visiting address (SOR\'s inheritance), at the unit', () => {
    const text = institution(`    unitType: plejeenhed\n    postalAddress: ${ADDRESS}\n`);
    const found = findingsOf(addressUnverified, text);
    expect(found.map(({ severity, line, column, text: under }) => ({ severity, line, column, text: under }))).toEqual([
      { severity: 'warning', line: 5, column: 5, text: 'name: Plejecenter Østervang' },
    ]);
    expect(found[0].message).toMatch(/^"Plejecenter Østervang" has no visiting address, so SOR uses its postal address as visiting address, and that is not confirmed as a DAR address/);
    expect(findingsOf(addressUnverified, institution(`    unitType: plejeenhed\n    postalAddress: ${VERIFIED}\n`))).toEqual([]);
  });

  it('checks the visiting address, not the postal one, when the unit has both', () => {
    expect(brief(institution(`    unitType: plejeenhed\n    visitingAddress: ${VERIFIED}\n    postalAddress: ${ADDRESS}\n`))).toEqual([]);
    expect(brief(institution(`    unitType: plejeenhed\n    visitingAddress: ${ADDRESS}\n    postalAddress: ${VERIFIED}\n`))).toEqual([
      { severity: 'warning', line: 7, column: 5, text: 'visitingAddress' },
    ]);
  });

  it('accepts an address confirmed by a DAR id or by coordinates from SOR', () => {
    expect(findingsOf(addressUnverified, institution(`    unitType: plejeenhed\n    visitingAddress: ${VERIFIED}\n`))).toEqual([]);
    const withCoordinates = institution(
      '    unitType: plejeenhed\n    visitingAddress:\n      street: Østervangsvej\n      houseNumber: "12"\n      postalCode: "8000"\n      coordinates: { east: 575123.4, north: 6223456.7 }\n',
    );
    expect(findingsOf(addressUnverified, withCoordinates)).toEqual([]);
  });

  it('counts a blank DAR id as none', () => {
    const text = institution(`    unitType: plejeenhed\n    visitingAddress: { street: Østervangsvej, houseNumber: "12", postalCode: "8000", darId: "" }\n`);
    expect(brief(text)).toEqual([{ severity: 'warning', line: 7, column: 5, text: 'visitingAddress' }]);
  });

  it('leaves a DAR id that is not a UUID to the schema\'s pattern', () => {
    const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', 'schemas', 'sor-structure.schema.json'), 'utf8'));
    const pattern = new RegExp(schema.$defs.address.properties.darId.pattern);
    expect(pattern.test('not-a-uuid')).toBe(false);
    const text = institution(`    unitType: plejeenhed\n    visitingAddress: { street: Østervangsvej, houseNumber: "12", postalCode: "8000", darId: not-a-uuid }\n`);
    const all = lintText(text);
    expect(all.findings.filter((f) => f.ruleId === 'address-unverified')).toEqual([]);
    expect(all.findings.filter((f) => f.ruleId === 'parse')).toEqual([]);
  });

  it('finds a care unit deeper in the tree, and only care units', () => {
    const text = institution(
      `    unitType: plejehjem\n    visitingAddress: ${ADDRESS}\n    units:\n      - name: Afsnit Birken\n        unitType: PlejeEnhed\n        visitingAddress: ${ADDRESS}\n`,
      'Omsorgshuset Nord',
    );
    expect(brief(text)).toEqual([{ severity: 'warning', line: 11, column: 9, text: 'visitingAddress' }]);
    expect(findingsOf(addressUnverified, text)[0].message).toContain('"Afsnit Birken"');
  });

  it('leaves out the provider, closed care units and units with no address of their own', () => {
    const provider = providerYaml(`  - name: Plejecenter Østervang\n    unitType: plejeenhed\n    visitingAddress: ${VERIFIED}\n`, `  visitingAddress: ${ADDRESS}\n`);
    expect(findingsOf(addressUnverified, provider)).toEqual([]);
    const closed = institution(`    unitType: plejeenhed\n    toDate: 2025-12-31\n    visitingAddress: ${ADDRESS}\n`);
    expect(findingsOf(addressUnverified, closed)).toEqual([]);
    const none = institution('    unitType: plejeenhed\n');
    expect(findingsOf(addressUnverified, none)).toEqual([]);
    const placeholder = institution('    unitType: plejeenhed\n    visitingAddress: ""\n');
    expect(findingsOf(addressUnverified, placeholder)).toEqual([]);
  });

  it('is a warning by default and follows the configured severity', () => {
    const text = institution(`    unitType: plejeenhed\n    visitingAddress: ${ADDRESS}\n`);
    expect(addressUnverified.defaultSeverity).toBe('warning');
    expect(findingsOf(addressUnverified, text, { rules: { 'address-unverified': 'error' } }).map((f) => f.severity)).toEqual(['error']);
    expect(findingsOf(addressUnverified, text, { rules: { 'address-unverified': 'off' } })).toEqual([]);
  });
});

describe('address-unverified: documentation examples', () => {
  it('reports the invalid example and not the valid one', () => {
    expect(brief(addressUnverified.docs.invalidExample).map((f) => f.text)).toEqual(['visitingAddress']);
    expect(findingsOf(addressUnverified, addressUnverified.docs.validExample)).toEqual([]);
  });
});
