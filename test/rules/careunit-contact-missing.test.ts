import { describe, expect, it } from 'vitest';
import { careunitContactMissing } from '../../server/src/rules/careunit-contact-missing.js';
import { exampleFindings, findingsOf, fixTitled, lintText, ownAndParseFindings, providerYaml } from '../helpers/rule-tester.js';

const RULE = 'careunit-contact-missing';
const ADDRESS = '{ street: Østervangsvej, houseNumber: "12A", postalCode: "8000", city: Aarhus C }';
const PROVIDER_CONTACT = `  postalAddress: { street: Søndergade, houseNumber: "14", postalCode: "8000", city: Aarhus C }
  phone: "70 20 30 40"
  email: kontakt@omsorgshuset.dk
  website: https://omsorgshuset.dk
`;

/** A care unit at institution level (line 5 of providerYaml) with the given extra lines. */
function careUnit(lines: string, provider = ''): string {
  return providerYaml(`  - name: Plejecenter Østervang
    unitType: plejeenhed
${lines}`, provider);
}

const COMPLETE = careUnit(`    visitingAddress: ${ADDRESS}
    postalAddress: ${ADDRESS}
    phone: "+45 86 12 34 56"
    email: kontakt@oestervang.dk
    website: https://oestervang.dk
`);

const at = (line: number, column: number, text: string) => ({ ruleId: RULE, line, column, text });
const NAME = 'name: Plejecenter Østervang';

describe('careunit-contact-missing: valid', () => {
  it('accepts a care unit with all five fields of its own', () => {
    expect(findingsOf(careunitContactMissing, COMPLETE)).toEqual([]);
  });

  it('leaves units that are not care units alone, however bare', () => {
    expect(findingsOf(careunitContactMissing, providerYaml(`  - name: Dagcenter\n    unitType: dagcenter\n`))).toEqual([]);
  });

  it('skips a closed care unit, and one under a closed institution', () => {
    expect(findingsOf(careunitContactMissing, careUnit('    toDate: 2025-12-31\n'))).toEqual([]);
    const underClosed = providerYaml(`  - name: Gamle Østervang
    toDate: 2026-01-31
    units:
      - name: Plejeafsnit
        unitType: Plejeenhed
`);
    expect(findingsOf(careunitContactMissing, underClosed)).toEqual([]);
    // Still open today (the tests' today is 2026-11-26): reported.
    expect(findingsOf(careunitContactMissing, careUnit('    toDate: 2026-11-26\n'))).toHaveLength(5);
  });

  it('shows on the invalid documentation example and not on the valid one', () => {
    const { invalid, valid } = exampleFindings(careunitContactMissing);
    expect(valid).toEqual([]);
    expect(invalid.map((f) => f.severity).sort()).toEqual(['error', 'error', 'info', 'info']);
  });
});

describe('careunit-contact-missing: invalid', () => {
  it('reports one error per field that is missing everywhere, at the unit’s name', () => {
    const text = careUnit(`    phone: "+45 86 12 34 56"
    email: kontakt@oestervang.dk
`);
    const found = findingsOf(careunitContactMissing, text);
    expect(found).toEqual([
      expect.objectContaining({ ...at(5, 5, NAME), severity: 'error', message: 'Care unit "Plejecenter Østervang" has no visiting address (`visitingAddress`), nor a postal address SOR could use instead.' }),
      expect.objectContaining({ ...at(5, 5, NAME), severity: 'error', message: 'Care unit "Plejecenter Østervang" has no postal address (`postalAddress`), and no unit above it has one.' }),
      expect.objectContaining({ ...at(5, 5, NAME), severity: 'error', message: 'Care unit "Plejecenter Østervang" has no website (`website`), and no unit above it has one.' }),
    ]);
    expect(found[2].action).toBe('Add `website` to the care unit.');
  });

  it('reports fields inherited from the provider as information naming it and the value shown', () => {
    const text = careUnit(`    visitingAddress: ${ADDRESS}\n`, PROVIDER_CONTACT);
    const found = findingsOf(careunitContactMissing, text);
    expect(found.map((f) => [f.severity, f.line, f.column, f.text])).toEqual([
      ['info', 9, 5, NAME],
      ['info', 9, 5, NAME],
      ['info', 9, 5, NAME],
      ['info', 9, 5, NAME],
    ]);
    expect(found.map((f) => f.message)).toEqual([
      'Care unit "Plejecenter Østervang" has no postal address of its own, so SOR uses the value of "Omsorgshuset ApS" (Søndergade 14, 8000 Aarhus C).',
      'Care unit "Plejecenter Østervang" has no phone number of its own, so SOR uses the value of "Omsorgshuset ApS" (70 20 30 40).',
      'Care unit "Plejecenter Østervang" has no email address of its own, so SOR uses the value of "Omsorgshuset ApS" (kontakt@omsorgshuset.dk).',
      'Care unit "Plejecenter Østervang" has no website of its own, so SOR uses the value of "Omsorgshuset ApS" (https://omsorgshuset.dk).',
    ]);
    expect(found[1].action).toBe('Add the care unit’s own `phone` unless the one SOR uses is right for it.');
  });

  it('names the nearest unit up the chain a deeper care unit inherits from', () => {
    const text = providerYaml(`  - name: Omsorgshuset Nord
    phone: "86 00 00 00"
    units:
      - name: Plejecenter Østervang
        unitType: plejeenhed
        visitingAddress: ${ADDRESS}
        postalAddress: ${ADDRESS}
        email: kontakt@oestervang.dk
        website: https://oestervang.dk
`, '  phone: "70 20 30 40"\n');
    expect(findingsOf(careunitContactMissing, text)).toEqual([
      expect.objectContaining({ ...at(9, 9, NAME), severity: 'info', message: 'Care unit "Plejecenter Østervang" has no phone number of its own, so SOR uses the value of "Omsorgshuset Nord" (86 00 00 00).' }),
    ]);
  });

  it('reports a postal address standing in for the visiting address as information', () => {
    const text = careUnit(`    postalAddress: ${ADDRESS}
    phone: "+45 86 12 34 56"
    email: kontakt@oestervang.dk
    website: https://oestervang.dk
`);
    expect(findingsOf(careunitContactMissing, text)).toEqual([
      expect.objectContaining({
        ...at(5, 5, NAME),
        severity: 'info',
        message: 'Care unit "Plejecenter Østervang" has no visiting address of its own, so SOR uses its postal address (Østervangsvej 12A, 8000 Aarhus C) instead.',
      }),
    ]);
  });

  it('reports an empty value where it stands, saying what SOR shows until it is filled in', () => {
    const text = careUnit(`    visitingAddress: ${ADDRESS}
    postalAddress: { street: "", houseNumber: "" }
    phone:
    email: ""
    website: https://oestervang.dk
`, '  email: kontakt@omsorgshuset.dk\n');
    expect(findingsOf(careunitContactMissing, text)).toEqual([
      expect.objectContaining({ ...at(9, 5, 'postalAddress'), severity: 'error', message: 'The postal address (`postalAddress`) of care unit "Plejecenter Østervang" is empty.', action: 'Fill it in.' }),
      expect.objectContaining({ ...at(10, 5, 'phone'), severity: 'error', message: 'The phone number (`phone`) of care unit "Plejecenter Østervang" is empty.', action: 'Fill it in.' }),
      expect.objectContaining({
        ...at(11, 12, '""'),
        severity: 'error',
        message: 'The email address (`email`) of care unit "Plejecenter Østervang" is empty.',
        action: 'Fill it in; until then SOR uses the value of "Omsorgshuset ApS" (kontakt@omsorgshuset.dk).',
      }),
    ]);
  });

  it('speaks Danish', () => {
    const text = careUnit(`    visitingAddress: ${ADDRESS}
    postalAddress: ${ADDRESS}
    phone: ""
    email: kontakt@oestervang.dk
`, '  website: https://omsorgshuset.dk\n');
    // Danish nouns agree in gender: "intet eget website … det", "telefonnummeret … tomt".
    expect(findingsOf(careunitContactMissing, text, { lang: 'da' }).map((f) => [f.message, f.action])).toEqual([
      [
        'Plejeenheden "Plejecenter Østervang" har intet eget website, så SOR bruger værdien fra "Omsorgshuset ApS" (https://omsorgshuset.dk).',
        'Tilføj plejeenhedens eget website (`website`), medmindre det, SOR bruger, er det rigtige.',
      ],
      ['Telefonnummeret (`phone`) på plejeenheden "Plejecenter Østervang" er tomt.', 'Udfyld det.'],
    ]);
    const titles = lintText(text, { ruleSet: [careunitContactMissing], lang: 'da' }).findings.flatMap((f) => f.fixes.map((fix) => fix.title));
    expect(titles).toEqual(['Indsæt en tom nøgle `website` til udfyldning']);
  });

  it('agrees in gender in Danish: "intet telefonnummer … et", "ingen e-mailadresse … en" (issue 9, item 24)', () => {
    const text = careUnit(`    visitingAddress: ${ADDRESS}\n    postalAddress: ${ADDRESS}\n    website: https://oestervang.dk\n`);
    expect(findingsOf(careunitContactMissing, text, { lang: 'da' }).map((f) => f.message)).toEqual([
      'Plejeenheden "Plejecenter Østervang" har intet telefonnummer (`phone`), og ingen enhed over den har et.',
      'Plejeenheden "Plejecenter Østervang" har ingen e-mailadresse (`email`), og ingen enhed over den har en.',
    ]);
  });

  it('works on JSON, at the unit’s name', () => {
    const text = `{
  "provider": { "name": "Omsorgshuset ApS", "cvr": "29403473" },
  "institutions": [
    { "name": "Plejecenter Østervang", "unitType": "plejeenhed", "visitingAddress": ${'{ "street": "Østervangsvej", "houseNumber": "12A" }'},
      "phone": "86 12 34 56", "email": "kontakt@oestervang.dk", "website": "" }
  ]
}`;
    expect(findingsOf(careunitContactMissing, text, { fileName: 'x.sor.json' })).toEqual([
      expect.objectContaining({ ...at(4, 7, '"name": "Plejecenter Østervang"'), severity: 'error', message: 'Care unit "Plejecenter Østervang" has no postal address (`postalAddress`), and no unit above it has one.' }),
      expect.objectContaining({ ...at(5, 76, '""'), severity: 'error', message: 'The website (`website`) of care unit "Plejecenter Østervang" is empty.' }),
    ]);
  });

  it('does not call a field missing in a unit that a syntax error cut short, but still reports its empty values', () => {
    const text = careUnit(`    email: ""
    phone: [unclosed
`);
    const all = lintText(text, { ruleSet: [careunitContactMissing] });
    expect(all.findings.map((f) => f.ruleId)).toContain('parse');
    expect(findingsOf(careunitContactMissing, text)).toEqual([expect.objectContaining({ ...at(7, 12, '""'), severity: 'error' })]);
  });
});

describe('careunit-contact-missing: fixes', () => {
  const fixesOn = (text: string, options = {}) =>
    lintText(text, { ruleSet: [careunitContactMissing], ...options }).findings.map((f) => f.fixes.map((fix) => [fix.title, fix.safe]));

  it('offers one suggestion per field, and "insert all" only when more than one is missing', () => {
    const one = careUnit(`    visitingAddress: ${ADDRESS}
    postalAddress: ${ADDRESS}
    phone: "+45 86 12 34 56"
    email: kontakt@oestervang.dk
`);
    expect(fixesOn(one)).toEqual([[['Insert an empty `website` to fill in', false]]]);
    const two = careUnit(`    visitingAddress: ${ADDRESS}
    postalAddress: ${ADDRESS}
    phone: "+45 86 12 34 56"
`);
    const all = ['Insert all missing contact fields (`email`, `website`)', false];
    expect(fixesOn(two)).toEqual([
      [['Insert an empty `email` to fill in', false], all],
      [['Insert an empty `website` to fill in', false], all],
    ]);
    expect(fixesOn(two, { lang: 'da' })[0][1][0]).toBe('Indsæt alle manglende kontaktfelter (`email`, `website`)');
  });

  it('inserts an empty key after the last contact key, keeping comments; the error moves to the empty value', () => {
    const text = careUnit(`    visitingAddress: ${ADDRESS}
    postalAddress: ${ADDRESS}
    phone: "+45 86 12 34 56"   # reception
    website: https://oestervang.dk
    # sections below
    units:
      - name: Afsnit Birken
        unitType: afsnit
`);
    const fixed = fixTitled(careunitContactMissing, text, /`email`/);
    expect(fixed).toBe(careUnit(`    visitingAddress: ${ADDRESS}
    postalAddress: ${ADDRESS}
    phone: "+45 86 12 34 56"   # reception
    website: https://oestervang.dk
    email: ""
    # sections below
    units:
      - name: Afsnit Birken
        unitType: afsnit
`));
    expect(ownAndParseFindings(RULE, fixed)).toEqual([
      expect.objectContaining({ ...at(11, 12, '""'), severity: 'error', message: 'The email address (`email`) of care unit "Plejecenter Østervang" is empty.', action: 'Fill it in.' }),
    ]);
  });

  it('inserts all missing fields, addresses as blocks of empty parts, above the unit’s sub-units', () => {
    const text = careUnit(`    units:
      - name: Afsnit Birken
        unitType: afsnit
`);
    const fixed = fixTitled(careunitContactMissing, text, /all missing/);
    expect(fixed).toBe(careUnit(`    visitingAddress:
      street: ""
      houseNumber: ""
      postalCode: ""
      city: ""
    postalAddress:
      street: ""
      houseNumber: ""
      postalCode: ""
      city: ""
    phone: ""
    email: ""
    website: ""
    units:
      - name: Afsnit Birken
        unitType: afsnit
`));
    expect(ownAndParseFindings(RULE, fixed).map((f) => [f.severity, f.line, f.column, f.text])).toEqual([
      ['error', 7, 5, 'visitingAddress'],
      ['error', 12, 5, 'postalAddress'],
      ['error', 17, 12, '""'],
      ['error', 18, 12, '""'],
      ['error', 19, 14, '""'],
    ]);
  });

  it('inserts one address alone; the visiting address stays missing until the postal address is filled in', () => {
    const text = careUnit(`    phone: "+45 86 12 34 56"
    email: kontakt@oestervang.dk
    website: https://oestervang.dk
`);
    const fixed = fixTitled(careunitContactMissing, text, /empty `postalAddress`/);
    expect(fixed).toBe(careUnit(`    phone: "+45 86 12 34 56"
    email: kontakt@oestervang.dk
    website: https://oestervang.dk
    postalAddress:
      street: ""
      houseNumber: ""
      postalCode: ""
      city: ""
`));
    expect(ownAndParseFindings(RULE, fixed)).toEqual([
      expect.objectContaining({ ...at(5, 5, NAME), severity: 'error', message: 'Care unit "Plejecenter Østervang" has no visiting address (`visitingAddress`), nor a postal address SOR could use instead.' }),
      expect.objectContaining({ ...at(10, 5, 'postalAddress'), severity: 'error', message: 'The postal address (`postalAddress`) of care unit "Plejecenter Østervang" is empty.' }),
    ]);
  });

  it('turns an inherited field into the care unit’s own empty key to fill in', () => {
    const text = careUnit(`    visitingAddress: ${ADDRESS}
    postalAddress: ${ADDRESS}
    phone: "+45 86 12 34 56"
    website: https://oestervang.dk
`, '  email: kontakt@omsorgshuset.dk\n');
    const fixed = fixTitled(careunitContactMissing, text, /`email`/);
    expect(fixed).toBe(text.replace('    website: https://oestervang.dk\n', '    website: https://oestervang.dk\n    email: ""\n'));
    expect(ownAndParseFindings(RULE, fixed)).toEqual([
      expect.objectContaining({ ...at(12, 12, '""'), severity: 'error', action: 'Fill it in; until then SOR uses the value of "Omsorgshuset ApS" (kontakt@omsorgshuset.dk).' }),
    ]);
  });

  it('keeps CRLF line endings', () => {
    const text = careUnit(`    visitingAddress: ${ADDRESS}
    postalAddress: ${ADDRESS}
    units: []
`).replace(/\n/g, '\r\n');
    const fixed = fixTitled(careunitContactMissing, text, /all missing/);
    expect(fixed).toBe(text.replace(`    units: []`, `    phone: ""\r\n    email: ""\r\n    website: ""\r\n    units: []`));
    expect(fixed.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(ownAndParseFindings(RULE, fixed).map((f) => [f.line, f.column, f.text])).toEqual([
      [9, 12, '""'],
      [10, 12, '""'],
      [11, 14, '""'],
    ]);
  });

  it('writes JSON: quoted keys, commas, and a nested address object at the file’s indent', () => {
    const text = `{
  "provider": { "name": "Omsorgshuset ApS", "cvr": "29403473" },
  "institutions": [
    {
      "name": "Plejecenter Østervang",
      "unitType": "plejeenhed",
      "visitingAddress": {
        "street": "Østervangsvej",
        "houseNumber": "12A"
      },
      "phone": "+45 86 12 34 56",
      "email": "kontakt@oestervang.dk",
      "website": "https://oestervang.dk",
      "units": []
    }
  ]
}
`;
    const options = { fileName: 'x.sor.json' };
    const fixed = fixTitled(careunitContactMissing, text, /postalAddress/, options);
    expect(fixed).toBe(text.replace(`"https://oestervang.dk",`, `"https://oestervang.dk",
      "postalAddress": {
        "street": "",
        "houseNumber": "",
        "postalCode": "",
        "city": ""
      },`));
    expect(ownAndParseFindings(RULE, fixed, options)).toEqual([
      expect.objectContaining({ ...at(14, 7, '"postalAddress"'), severity: 'error', message: 'The postal address (`postalAddress`) of care unit "Plejecenter Østervang" is empty.', action: 'Fill it in.' }),
    ]);
  });

  it('writes into a YAML flow mapping inline', () => {
    // In a flow sequence: a flow mapping as a block sequence item (`- { … }`) is misread by the YAML parser (reported).
    const text = `provider: { name: Omsorgshuset ApS }
institutions: [ { name: Plejecenter Østervang, unitType: plejeenhed, visitingAddress: ${ADDRESS}, postalAddress: ${ADDRESS}, phone: "86 12 34 56" } ]
`;
    const fixed = fixTitled(careunitContactMissing, text, /all missing/);
    expect(fixed).toBe(text.replace('phone: "86 12 34 56" }', 'phone: "86 12 34 56", email: "", website: "" }'));
    expect(ownAndParseFindings(RULE, fixed).map((f) => f.text)).toEqual(['""', '""']);
  });
});
