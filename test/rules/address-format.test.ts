import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPostcodeFile } from '../../server/src/address/postcodes.js';
import { addressFormat } from '../../server/src/rules/address-format.js';
import { describe as seen, findingsOf, fixOnce, lintText, providerYaml } from '../helpers/rule-tester.js';

const DAR_ID = '0a3f50a0-73bf-32b8-e044-0003ba298018';

type Parts = Partial<Record<'street' | 'houseNumber' | 'floor' | 'door' | 'postalCode' | 'city' | 'darId', string>>;

const GOOD: Parts = { street: 'Østervangsvej', houseNumber: '"12"', postalCode: '"8000"', city: 'Aarhus C', darId: DAR_ID };

/**
 * A care unit whose address (line 7) has its parts one a line from line 8, in the order street,
 * houseNumber, floor, door, postalCode, city, darId; a part set to undefined is left out.
 */
function unitWith(overrides: Parts, field: 'visitingAddress' | 'postalAddress' = 'visitingAddress'): string {
  const parts = { ...GOOD, ...overrides };
  const order = ['street', 'houseNumber', 'floor', 'door', 'postalCode', 'city', 'darId'] as const;
  const lines = order.filter((key) => parts[key] !== undefined).map((key) => `      ${key}: ${parts[key]}\n`);
  return providerYaml(`  - name: Plejecenter Østervang\n    unitType: plejeenhed\n    ${field}:\n${lines.join('')}`);
}

function brief(text: string, options = {}) {
  return findingsOf(addressFormat, text, options).map(({ severity, line, column, text: under }) => ({ severity, line, column, text: under }));
}

describe('address-format: valid addresses', () => {
  it('accepts a complete Danish address', () => {
    expect(findingsOf(addressFormat, unitWith({}))).toEqual([]);
  });

  it.each(['st', 'kl', 'k2', 'k9', 'kl2', 'kl9', '"1"', '99'])('accepts floor %s', (floor) => {
    expect(findingsOf(addressFormat, unitWith({ floor }))).toEqual([]);
  });

  it.each(['tv', 'th', 'mf', '"1"', '9999', 'a', 'b/1', 'a-b', '12b'])('accepts door %s', (door) => {
    expect(findingsOf(addressFormat, unitWith({ door }))).toEqual([]);
  });

  it.each(['"1"', '999', '12A', '"187B"'])('accepts house number %s', (houseNumber) => {
    expect(findingsOf(addressFormat, unitWith({ houseNumber }))).toEqual([]);
  });

  it('matches the city without regard to case or surrounding and doubled spaces', () => {
    expect(findingsOf(addressFormat, unitWith({ postalCode: '"2800"', city: 'kgs. lyngby' }))).toEqual([]);
    expect(findingsOf(addressFormat, unitWith({ postalCode: '"2800"', city: '" Kgs.  Lyngby "' }))).toEqual([]);
  });

  it('keeps the zero of an unquoted 0800 and knows it as Høje Taastrup', () => {
    expect(findingsOf(addressFormat, unitWith({ postalCode: '0800', city: 'Høje Taastrup' }, 'postalAddress'))).toEqual([]);
  });

  it('leaves closed units out', () => {
    const text = unitWith({ houseNumber: '12a' }).replace('    unitType: plejeenhed\n', '    unitType: plejeenhed\n    toDate: 2020-01-01\n');
    expect(findingsOf(addressFormat, text)).toEqual([]);
  });

  it('leaves a null part to the schema rule (a wrong type), and a part a syntax error cut off', () => {
    expect(findingsOf(addressFormat, unitWith({ houseNumber: '' }))).toEqual([]);
    const cut = '{"provider": {"name": "Omsorgshuset ApS", "postalAddress": {"street": "Søndergade"';
    const result = lintText(cut, { language: 'json', ruleSet: [addressFormat] });
    expect(seen(result).map((f) => f.ruleId)).toEqual(['parse']);
  });
});

describe('address-format: missing parts', () => {
  it('reports a missing street, house number and postcode at the address key', () => {
    const text = unitWith({ street: undefined, houseNumber: undefined, postalCode: undefined });
    const found = findingsOf(addressFormat, text);
    expect(found.map(({ severity, line, column, text: under }) => ({ severity, line, column, text: under }))).toEqual([
      { severity: 'error', line: 7, column: 5, text: 'visitingAddress' },
      { severity: 'error', line: 7, column: 5, text: 'visitingAddress' },
      { severity: 'error', line: 7, column: 5, text: 'visitingAddress' },
    ]);
    expect(found.map((f) => [f.message, f.action])).toEqual([
      ['The visiting address of "Plejecenter Østervang" has no street name (`street`).', 'Fill in the street name as DAR has it.'],
      ['The visiting address of "Plejecenter Østervang" has no house number (`houseNumber`).', 'Fill in the house number as DAR has it.'],
      ['The visiting address of "Plejecenter Østervang" has no postcode (`postalCode`).', 'Fill in the postcode as DAR has it.'],
    ]);
  });

  it('reports a blank part at its value', () => {
    expect(brief(unitWith({ street: '""' }))).toEqual([{ severity: 'error', line: 8, column: 15, text: '""' }]);
    expect(brief(unitWith({ postalCode: "'  '" }))).toEqual([{ severity: 'error', line: 10, column: 19, text: "'  '" }]);
  });

  it('checks the provider\'s postal address too', () => {
    const text = providerYaml('  []\n', '  postalAddress: { street: Søndergade, postalCode: "8000", city: Aarhus C }\n');
    expect(brief(text)).toEqual([{ severity: 'error', line: 4, column: 3, text: 'postalAddress' }]);
    expect(findingsOf(addressFormat, text)[0].message).toBe('The postal address of "Omsorgshuset ApS" has no house number (`houseNumber`).');
  });
});

describe('address-format: parts in the wrong form', () => {
  it.each([['0'], ['1000'], ['12a'], ['"012"'], ['"12 A"'], ['12AB'], ['A']])('reports house number %s at its value', (houseNumber) => {
    const found = findingsOf(addressFormat, unitWith({ houseNumber }));
    expect(found.map((f) => [f.severity, f.line, f.column, f.text])).toEqual([['error', 9, 20, houseNumber]]);
    expect(found[0].message).toBe(`The house number "${houseNumber.replace(/"/g, '')}" in the visiting address of "Plejecenter Østervang" is not a Danish house number.`);
    expect(found[0].action).toBe('Write 1-999 with an optional capital letter, e.g. 12A, as DAR has it.');
  });

  it.each([['"0"'], ['100'], ['ST'], ['"1."'], ['k1'], ['kl1'], ['k10'], ['stue']])('reports floor %s at its value', (floor) => {
    const found = findingsOf(addressFormat, unitWith({ floor }));
    expect(found.map((f) => [f.severity, f.line, f.column, f.text])).toEqual([['error', 10, 14, floor]]);
    expect(found[0].message).toBe(`The floor "${floor.replace(/"/g, '')}" in the visiting address of "Plejecenter Østervang" is not one of DAR's floor designations.`);
    expect(found[0].action).toBe('Write st, kl, k2…k9 or 1-99 as DAR has it, or remove the floor.');
  });

  it.each([['TV'], ['"0"'], ['10000'], ['A'], ['"a b"'], ['abcde'], ['"/"']])('reports door %s at its value', (door) => {
    const found = findingsOf(addressFormat, unitWith({ door }));
    expect(found.map((f) => [f.severity, f.line, f.column, f.text])).toEqual([['error', 10, 13, door]]);
    expect(found[0].message).toBe(`The door "${door.replace(/"/g, '')}" in the visiting address of "Plejecenter Østervang" is not one of DAR's door designations.`);
  });

  it.each([['"80000"'], ['DK-8000'], ['"8OOO"']])('reports postcode %s as not four digits', (postalCode) => {
    const found = findingsOf(addressFormat, unitWith({ postalCode }));
    expect(found.map((f) => [f.severity, f.line, f.column, f.text])).toEqual([['error', 10, 19, postalCode]]);
    expect(found[0].message).toBe(`The postcode "${postalCode.replace(/"/g, '')}" in the visiting address of "Plejecenter Østervang" is not four digits.`);
    expect(found[0].action).toBe('Write the four-digit postcode.');
  });

  it('reports 800 as a lost leading zero and suggests (not applies) 0800', () => {
    const text = unitWith({ postalCode: '800', city: 'Høje Taastrup' }, 'postalAddress');
    const found = findingsOf(addressFormat, text);
    expect(found.map((f) => [f.severity, f.line, f.column, f.text])).toEqual([['error', 10, 19, '800']]);
    expect(found[0].message).toBe('The postcode "800" in the postal address of "Plejecenter Østervang" is not four digits.');
    expect(found[0].action).toBe('If a leading zero was lost, write "0800" in quotes.');
    const fix = lintText(text, { ruleSet: [addressFormat] }).findings[0].fixes[0];
    expect(fix.safe).toBe(false);
    const fixed = fixOnce(addressFormat, text, /0800/);
    expect(fixed).toContain('      postalCode: "0800"\n');
    expect(findingsOf(addressFormat, fixed)).toEqual([]);
  });
});

describe('address-format: the postcode table', () => {
  it('reports a stormodtager postcode on a visiting address, not on a postal address', () => {
    const visiting = findingsOf(addressFormat, unitWith({ postalCode: '"1092"', city: 'København K' }));
    expect(visiting.map((f) => [f.severity, f.line, f.column, f.text])).toEqual([['error', 10, 19, '"1092"']]);
    expect(visiting[0].message).toBe('Postcode 1092 (København K) in the visiting address of "Plejecenter Østervang" is a stormodtager code with no street addresses.');
    expect(visiting[0].action).toBe('Use the postcode of the street the unit lies on.');
    expect(findingsOf(addressFormat, unitWith({ postalCode: '"1092"', city: 'København K' }, 'postalAddress'))).toEqual([]);
  });

  it('warns about a well-formed postcode missing from the 2018 snapshot and says how to use a newer list', () => {
    const found = findingsOf(addressFormat, unitWith({ postalCode: '"1000"', city: 'København K' }));
    expect(found.map((f) => [f.severity, f.line, f.column, f.text])).toEqual([['warning', 10, 19, '"1000"']]);
    expect(found[0].message).toBe("Postcode 1000 in the visiting address of \"Plejecenter Østervang\" is not in sor-lint's postcode table (DAWA 2018).");
    expect(found[0].action).toBe('Check the postcode; if it is right, point `settings.postcodeFile` at a newer postcode list.');
    expect(addressFormat.docs.rationale.en).toContain("The postcode table sor-lint ships is DAWA's list from 2018");
  });

  it('uses a postcode list the user points at, and names it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sor-lint-address-format-'));
    const path = join(dir, 'postnumre.csv');
    writeFileSync(path, 'postnr;navn;stormodtager\n1000;Nyby;false\n8000;Aarhus C;false\n');
    const postcodes = loadPostcodeFile(path);
    expect(findingsOf(addressFormat, unitWith({ postalCode: '"1000"', city: 'Nyby' }), { settings: { postcodes } })).toEqual([]);
    const found = findingsOf(addressFormat, unitWith({ postalCode: '"2800"', city: 'Kgs. Lyngby' }), { settings: { postcodes } });
    expect(found.map((f) => [f.severity, f.text])).toEqual([['warning', '"2800"']]);
    expect(found[0].message).toBe(`Postcode 2800 in the visiting address of "Plejecenter Østervang" is not in the postcode list ${path}.`);
  });

  it('warns about a city that does not match the postcode, at the city', () => {
    const found = findingsOf(addressFormat, unitWith({ postalCode: '"2800"', city: 'Lyngby' }));
    expect(found.map((f) => [f.severity, f.line, f.column, f.text])).toEqual([['warning', 11, 13, 'Lyngby']]);
    expect(found[0].message).toBe('The city "Lyngby" in the visiting address of "Plejecenter Østervang" does not match postcode 2800, whose official name is "Kgs. Lyngby".');
    expect(found[0].action).toBe('Write "Kgs. Lyngby", or correct the postcode if that is what is wrong.');
  });

  it('speaks Danish', () => {
    const [city] = findingsOf(addressFormat, unitWith({ city: 'Aarhus' }), { lang: 'da' });
    expect(city.message).toBe('Bynavnet "Aarhus" i besøgsadressen for "Plejecenter Østervang" passer ikke til postnummer 8000, hvis officielle navn er "Aarhus C".');
    expect(city.action).toBe('Skriv "Aarhus C", eller ret postnummeret, hvis det er det, der er forkert.');
    const [stormodtager] = findingsOf(addressFormat, unitWith({ postalCode: '"0999"', city: 'København C' }), { lang: 'da' });
    expect(stormodtager.message).toBe('Postnummer 0999 (København C) i besøgsadressen for "Plejecenter Østervang" er et stormodtagerpostnummer uden gadeadresser.');
    const [unknown] = findingsOf(addressFormat, unitWith({ postalCode: '"1000"' }), { lang: 'da' });
    expect(unknown.message).toBe("Postnummer 1000 i besøgsadressen for \"Plejecenter Østervang\" står ikke i sor-lints postnummertabel (DAWA 2018).");
    const [missing] = findingsOf(addressFormat, unitWith({ postalCode: undefined }), { lang: 'da' });
    expect(missing.message).toBe('Besøgsadressen for "Plejecenter Østervang" mangler postnummer (`postalCode`).');
    expect(missing.action).toBe('Udfyld postnummeret, som det står i DAR.');
  });
});

describe('address-format: the city fix', () => {
  /** Applies the fix, then lints the result with every rule. */
  function fixAndRelint(text: string, options: { fileName?: string } = {}) {
    const fixes = lintText(text, { ruleSet: [addressFormat], ...options }).findings.flatMap((f) => f.fixes);
    expect(fixes).toHaveLength(1);
    // The postcode may be the wrong part: the city is a guess, a suggestion (issue 9, item 23).
    expect(fixes[0].safe).toBe(false);
    expect(fixes[0].title).toMatch(/^Write the city "(Kgs\. Lyngby|Aarhus C)"$/);
    const fixed = fixOnce(addressFormat, text, undefined, options);
    const after = seen(lintText(fixed, options));
    expect(after.filter((f) => f.ruleId === 'parse')).toEqual([]);
    expect(after.filter((f) => f.ruleId === 'address-format')).toEqual([]);
    return fixed;
  }

  it.each([
    ['plain', 'Lyngby', 'Kgs. Lyngby'],
    ['single-quoted', "'lyngby'", "'Kgs. Lyngby'"],
    ['double-quoted', '"Lyngby # x"', '"Kgs. Lyngby"'],
  ])('writes the official name into a %s city, keeping its quoting', (_, city, expected) => {
    const text = unitWith({ postalCode: '"2800"', city });
    const fixed = fixAndRelint(text);
    expect(fixed).toBe(text.replace(`      city: ${city}\n`, `      city: ${expected}\n`));
  });

  it('keeps a comment after the city and CRLF line endings', () => {
    const text = unitWith({ city: 'Århus   # the old spelling' }).replace(/\n/g, '\r\n');
    const fixed = fixAndRelint(text);
    expect(fixed).toBe(text.replace('city: Århus   # the old spelling\r\n', 'city: Aarhus C   # the old spelling\r\n'));
    expect(fixed.match(/\r\n/g)?.length).toBe(text.match(/\r\n/g)?.length);
    expect(fixed.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('fixes a JSON file', () => {
    const text = JSON.stringify(
      {
        provider: { name: 'Omsorgshuset ApS', cvr: '29403473' },
        institutions: [{ name: 'Plejecenter Østervang', unitType: 'plejeenhed', visitingAddress: { street: 'Østervangsvej', houseNumber: '12', postalCode: '8000', city: 'aarhus', darId: DAR_ID } }],
      },
      null,
      2,
    );
    const [city] = findingsOf(addressFormat, text, { fileName: 'x.sor.json' });
    expect([city.severity, city.line, city.column, city.text]).toEqual(['warning', 14, 17, '"aarhus"']);
    const fixed = fixAndRelint(text, { fileName: 'x.sor.json' });
    expect(fixed).toBe(text.replace('"city": "aarhus"', '"city": "Aarhus C"'));
  });

  it('offers no fix through an alias, whose value other addresses share', () => {
    const text = providerYaml(
      '  - name: Plejecenter Østervang\n    unitType: plejeenhed\n    visitingAddress: { street: Østervangsvej, houseNumber: "12", postalCode: "2800", city: *town, darId: ' + DAR_ID + ' }\n',
      '  x-town: &town Lyngby\n',
    );
    const result = lintText(text, { ruleSet: [addressFormat] });
    expect(seen(result).map((f) => [f.severity, f.text])).toEqual([['warning', '*town']]);
    expect(result.findings[0].fixes).toEqual([]);
  });
});

describe('address-format: documentation examples', () => {
  it('reports the invalid example and not the valid one', () => {
    expect(brief(addressFormat.docs.invalidExample).map((f) => f.text)).toEqual(['12a', '1.', '"1092"', 'Aarhus']);
    expect(findingsOf(addressFormat, addressFormat.docs.validExample)).toEqual([]);
  });
});

describe('placeholders inserted by careunit-contact-missing', () => {
  it('leaves a care unit address with every part blank to that rule, and checks it once filled', () => {
    const text = providerYaml(`  - name: Plejecenter Østervang
    unitType: plejeenhed
    visitingAddress:
      street: ""
      houseNumber: ""
      postalCode: ""
      city: ""
`);
    const found = seen(lintText(text));
    expect(found.filter((s) => s.ruleId === 'address-format' || s.ruleId === 'address-unverified')).toEqual([]);
    expect(found).toContainEqual(expect.objectContaining({ ruleId: 'careunit-contact-missing', text: 'visitingAddress', severity: 'error' }));
    const filled = text.replace('street: ""', 'street: Østervangsvej');
    expect(seen(lintText(filled)).filter((s) => s.ruleId === 'address-format').map((s) => s.text)).toEqual(['""', '""']);
  });
});
