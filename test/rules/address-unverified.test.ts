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
    expect(found[0].message).toBe('The visiting address of "Plejecenter Østervang" is not confirmed as a DAR address.');
    expect(found[0].action).toBe('Look the address up in DAR and record its id as `darId`, or verify it online (`--online`).');
  });

  it('speaks Danish', () => {
    const text = institution(`    unitType: plejeenhed\n    visitingAddress: ${ADDRESS}\n`);
    const [found] = findingsOf(addressUnverified, text, { lang: 'da' });
    expect(found.message).toBe('Besøgsadressen for "Plejecenter Østervang" er ikke bekræftet som en DAR-adresse.');
    expect(found.action).toBe('Slå adressen op i DAR og skriv dens id som `darId`, eller tjek den online (`--online`).');
  });

  it('checks the unit\'s own postal address when it has no visiting address (SOR\'s inheritance), at the unit', () => {
    const text = institution(`    unitType: plejeenhed\n    postalAddress: ${ADDRESS}\n`);
    const found = findingsOf(addressUnverified, text);
    expect(found.map(({ severity, line, column, text: under }) => ({ severity, line, column, text: under }))).toEqual([
      { severity: 'warning', line: 5, column: 5, text: 'name: Plejecenter Østervang' },
    ]);
    expect(found[0].message).toBe('"Plejecenter Østervang" has no visiting address, and the postal address SOR uses instead is not confirmed as a DAR address.');
    expect(findingsOf(addressUnverified, institution(`    unitType: plejeenhed\n    postalAddress: ${VERIFIED}\n`))).toEqual([]);
  });

  it('checks a postal address the care unit inherits from its parent, as careunit-contact-missing sees it (issue 9, item 21)', () => {
    const text = institution(
      `    unitType: klinik\n    postalAddress: ${ADDRESS}\n    units:\n      - name: Plejeenheden Birken\n        unitType: plejeenhed\n`,
      'Omsorgshuset Nord',
    );
    const all = lintText(text);
    const contact = all.findings.find((f) => f.ruleId === 'careunit-contact-missing' && f.message.includes('visiting address'));
    expect(contact?.message).toBe('Care unit "Plejeenheden Birken" has no visiting address of its own, so SOR uses the postal address of "Omsorgshuset Nord" (Østervangsvej 12, 8000 Aarhus C) instead.');
    expect(brief(text)).toEqual([{ severity: 'warning', line: 9, column: 9, text: 'name: Plejeenheden Birken' }]);
    const [found] = findingsOf(addressUnverified, text);
    expect(found.message).toBe(
      'The postal address of "Omsorgshuset Nord" that SOR uses as visiting address of "Plejeenheden Birken" is not confirmed as a DAR address.',
    );
    const verified = institution(
      `    unitType: klinik\n    postalAddress: ${VERIFIED}\n    units:\n      - name: Plejeenheden Birken\n        unitType: plejeenhed\n`,
    );
    expect(brief(verified)).toEqual([]);
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
