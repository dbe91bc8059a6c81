import { describe, expect, it } from 'vitest';
import { closestNames, editDistance, schema } from '../../server/src/rules/schema.js';
import schemaFile from '../../schemas/sor-structure.schema.json';
import { billionLaughs } from '../helpers/alias-bomb.js';
import { describe as describeFindings, findingsOf, fixOnce, fixTitled, lintText, providerYaml } from '../helpers/rule-tester.js';

const institution = (body: string) => providerYaml(`  - name: Plejecenter Østervang\n${body}`);

/** The schema rule's findings after a fix: none left, and the text still parses. */
function expectCleanAfter(fixed: string, fileName?: string): void {
  const result = lintText(fixed, { ruleSet: [schema], fileName });
  expect(result.findings).toEqual([]);
}

describe('schema: unknown keys', () => {
  const text = institution('    # the care unit\n    unitTyp: plejeenhed # type\n');

  it('reports the key, with the near known key', () => {
    const [finding, ...rest] = findingsOf(schema, text);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'schema', severity: 'error', line: 7, column: 5, text: 'unitTyp' });
    expect(finding.message).toBe('Unknown key `unitTyp` in the unit "Plejecenter Østervang".');
    expect(finding.action).toBe('Did you mean `unitType`?');
  });

  it('renames the key with a suggestion that keeps comments', () => {
    const result = lintText(text, { ruleSet: [schema] });
    expect(result.findings[0].fixes.map((fix) => [fix.title, fix.safe])).toEqual([['Rename `unitTyp` to `unitType`', false]]);
    const fixed = fixOnce(schema, text);
    expect(fixed).toBe(text.replace('unitTyp:', 'unitType:'));
    expect(fixed).toContain('    # the care unit\n    unitType: plejeenhed # type\n');
    expectCleanAfter(fixed);
  });

  it('matches a key that differs only in case, and a swapped pair of letters', () => {
    const cased = findingsOf(schema, institution('    UnitType: plejeenhed\n'));
    expect(cased.map((f) => f.text)).toEqual(['UnitType']);
    expect(cased[0].action).toBe('Did you mean `unitType`?');
    const swapped = findingsOf(schema, providerYaml('  - nmae: Østervang\n'));
    // One finding: the missing `name` is what the typo'd key stands for.
    expect(swapped.map((f) => f.text)).toEqual(['nmae']);
    expect(swapped[0].action).toBe('Did you mean `name`?');
  });

  it('offers no rename when the suggested key is already there', () => {
    const text = 'provider:\n  name: Omsorgshuset ApS\n  nam: Omsorgshuset\n';
    const result = lintText(text, { ruleSet: [schema] });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0].fixes).toEqual([]);
    expect(result.findings[0].message).toBe('Unknown key `nam` in the provider "Omsorgshuset ApS".');
    expect(result.findings[0].action).toBe('`name` is already here, so remove one of them.');
  });

  it('lists the allowed keys when nothing is near', () => {
    const [finding] = findingsOf(schema, 'provider:\n  name: Omsorgshuset ApS\ninstitutions: []\ncomments: none\n');
    expect(finding).toMatchObject({ line: 4, column: 1, text: 'comments' });
    expect(finding.message).toBe('Unknown key `comments` in the top level of the file.');
    expect(finding.action).toBe('Use one of `$schema`, `provider`, `institutions`, or an `x-` key for your own notes.');
  });

  it('allows keys starting with x- at every level, and $schema at the root', () => {
    const text = `$schema: https://sor-lint.github.io/schemas/sor-structure.schema.json
x-source: export 2026-11
provider:
  name: Omsorgshuset ApS
  x-owner: finance
institutions:
  - name: Plejecenter Østervang
    x-note: checked by phone
    visitingAddress: {street: Østervangsvej, houseNumber: "12A", x-door-code: "1234", coordinates: {east: 575123.4, north: "6223456.7", x-source: SOR}}
`;
    expect(findingsOf(schema, text)).toEqual([]);
  });

  it('reports a key used in an aliased mapping once, not once per use', () => {
    const text = providerYaml(
      '  - name: A\n    postalAddress: &address {street: Vej, houseNumber: "1", zip: "8000"}\n  - name: B\n    postalAddress: *address\n',
    );
    expect(findingsOf(schema, text).map((f) => [f.line, f.text])).toEqual([[6, 'zip']]);
  });
  it('checks institutions an alias gives the document, and the document around them', () => {
    // The document and each institution are validated apart: the list reached through an alias
    // is still checked item by item, at its own paths, beside an unknown key of the document.
    const text = 'x-shared: &list\n  - name: A\n    zip: "8000"\nprovider:\n  name: Omsorgshuset ApS\ninstitutions: *list\nextra: 1\n';
    expect(findingsOf(schema, text).map((f) => [f.line, f.text, f.message])).toEqual([
      [3, 'zip', 'Unknown key `zip` in the unit "A".'],
      [7, 'extra', 'Unknown key `extra` in the top level of the file.'],
    ]);
  });
});

describe('schema: types, patterns and enums', () => {
  it('reports a wrong type at the value', () => {
    const [finding, ...rest] = findingsOf(schema, institution('    units: Afsnit Birken\n'));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ line: 6, column: 12, text: 'Afsnit Birken' });
    expect(finding.message).toBe('`units` for "Plejecenter Østervang" must be a list (lines starting with `- `), but is the text `Afsnit Birken`.');
    expect(finding.action).toBe('Write a list (lines starting with `- `).');
  });

  it('accepts codes written as text, and reads booleans as YAML does', () => {
    const text = institution('    sorId: "698481000016007"\n    postalAddress:\n      street: Vej\n      houseNumber: "12"\n      postalCode: \'0800\'\n    careUnit: false\n');
    expect(findingsOf(schema, text)).toEqual([]);
  });

  it('asks for quotes when a text field is true/false or a JSON number', () => {
    const [finding] = findingsOf(schema, institution('    careUnit: "false"\n    unitType: yes\n    email: true\n'));
    expect(finding).toMatchObject({ line: 6, text: '"false"' });
    expect(finding.message).toBe('`careUnit` for "Plejecenter Østervang" must be `true` or `false`, but is the text `false`.');
    expect(finding.action).toBe('Write `true` or `false`.');
    const all = findingsOf(schema, institution('    unitType: true\n'));
    expect(all.map((f) => f.text)).toEqual(['true']);
    expect(all[0].action).toBe('Write the value in quotes so it is read as text.');
  });

  it('reports an empty value at its key', () => {
    const [finding] = findingsOf(schema, institution('    phone:\n'));
    expect(finding).toMatchObject({ line: 6, column: 5, text: 'phone' });
    expect(finding.message).toBe('`phone` for "Plejecenter Østervang" must be text, but is empty.');
    expect(finding.action).toBe('Fill in the value or remove the key.');
  });

  it('reports a list item of the wrong type as that entry', () => {
    const [finding] = findingsOf(schema, providerYaml('  - Plejecenter Østervang\n'));
    expect(finding).toMatchObject({ line: 5, column: 5, text: 'Plejecenter Østervang' });
    expect(finding.message).toBe('Entry 1 of `institutions` must be a mapping (lines of `key: value`), but is the text `Plejecenter Østervang`.');
  });

  it('checks dates, DAR ids and coordinates by their form', () => {
    const text = institution(
      '    fromDate: 2019-3-1\n    visitingAddress:\n      street: Vej\n      houseNumber: "1"\n      darId: 12345\n      coordinates: {east: 575123.4, north: abc}\n',
    );
    const seen = findingsOf(schema, text);
    expect(seen.map((f) => [f.line, f.text])).toEqual([
      [6, '2019-3-1'],
      [10, '12345'],
      [11, 'abc'],
    ]);
    expect(seen[0].message).toBe('`fromDate` for "Plejecenter Østervang" is `2019-3-1`, not a date written YYYY-MM-DD.');
    expect(seen[0].action).toBe('Write it like 2019-03-01.');
    expect(seen[1].message).toBe('`visitingAddress.darId` for "Plejecenter Østervang" is the YAML number 12345, not text.');
    expect(seen[2].message).toBe('`visitingAddress.coordinates.north` for "Plejecenter Østervang" is `abc`, not a number of metres (ETRS89 / UTM 32).');
  });

  it('leaves the detailed checks of codes, postcodes and contact data to their rules', () => {
    const text = providerYaml(
      '  - name: X\n    sorId: "12ab"\n    phone: "12"\n    email: nope\n    visitingAddress: {street: Vej, houseNumber: "1000", postalCode: "80", floor: "x", door: "?"}\n',
      '  sorId: "1"\n',
    ).replace('"29403473"', '"123"');
    expect(findingsOf(schema, text)).toEqual([]);
  });

  it('reports a legalBasis outside the four laws, with the closest one as a suggestion', () => {
    const text = institution('    unitType: afsnit\n    legalBasis: friplejeboliglov\n');
    const [finding] = findingsOf(schema, text);
    expect(finding).toMatchObject({ line: 7, column: 17, text: 'friplejeboliglov' });
    expect(finding.message).toBe('`legalBasis` for "Plejecenter Østervang" is `friplejeboliglov`, not one of the allowed values.');
    expect(finding.action).toBe('Did you mean `friplejeboligloven`?');
    const fixed = fixOnce(schema, text);
    expect(fixed).toBe(text.replace('friplejeboliglov', 'friplejeboligloven'));
    expectCleanAfter(fixed);
  });

  it('leaves a bad legalBasis on an open care unit to the legal-basis rule, but not on a closed one', () => {
    expect(findingsOf(schema, institution('    unitType: Plejeenhed\n    legalBasis: serviceloven\n'))).toEqual([]);
    const closed = institution('    unitType: plejeenhed\n    toDate: 2020-01-01\n    legalBasis: serviceloven\n');
    expect(findingsOf(schema, closed).map((f) => f.text)).toEqual(['serviceloven']);
  });
});

describe('schema: text written as a YAML number (issue 9, item 16)', () => {
  const text = `provider:
  name: Omsorgshuset ApS
  cvr: 29403473
institutions:
  - name: Plejecenter Østervang
    sorId: 123456789012345678
    phone: 86123456 # reception
    postalAddress:
      street: Østervangsvej
      houseNumber: 12
      postalCode: 0800
`;

  it('reports each number where text belongs once, at the value, saying what other readers see', () => {
    const seen = findingsOf(schema, text);
    expect(seen.map((f) => [f.line, f.column, f.text])).toEqual([
      [3, 8, '29403473'],
      [6, 12, '123456789012345678'],
      [7, 12, '86123456'],
      [10, 20, '12'],
      [11, 19, '0800'],
    ]);
    expect(seen[0].message).toBe('`cvr` for "Omsorgshuset ApS" is the YAML number 29403473, not text.');
    expect(seen[0].action).toBe('Write it in quotes: "29403473".');
    expect(seen[1].message).toBe('`sorId` for "Plejecenter Østervang" is the YAML number 123456789012345678, which other programs read as 123456789012345680.');
    expect(seen[4].message).toBe('`postalAddress.postalCode` for "Plejecenter Østervang" is the YAML number 0800, which other programs read as 800.');
    expect(seen[4].action).toBe('Write it in quotes: "0800".');
    const da = findingsOf(schema, text, { lang: 'da' });
    expect(da[4].message).toBe('`postalAddress.postalCode` for "Plejecenter Østervang" er YAML-tallet 0800, som andre programmer læser som 800.');
    expect(da[4].action).toBe('Skriv det i anførselstegn: "0800".');
  });

  it('quotes the value as written with a safe fix, keeping the comment, and the file is then clean', () => {
    const result = lintText(text, { ruleSet: [schema] });
    expect(result.findings.map((f) => f.fixes.map((fix) => [fix.title, fix.safe]))).toEqual([
      [['Quote "29403473"', true]],
      [['Quote "123456789012345678"', true]],
      [['Quote "86123456"', true]],
      [['Quote "12"', true]],
      [['Quote "0800"', true]],
    ]);
    let fixed = text;
    for (let i = 0; i < 5; i++) fixed = fixOnce(schema, fixed);
    expect(fixed).toBe(
      text
        .replace('29403473', '"29403473"')
        .replace('123456789012345678', '"123456789012345678"')
        .replace('86123456 #', '"86123456" #')
        .replace('houseNumber: 12', 'houseNumber: "12"')
        .replace('0800', '"0800"'),
    );
    expect(describeFindings(lintText(fixed)).filter((f) => f.ruleId === 'schema' || f.ruleId === 'parse')).toEqual([]);
  });

  it('leaves a number that is wrong as text too to the rule that checks the field: one finding per mistake', () => {
    const text = providerYaml(
      '  - name: Plejecenter Østervang\n    sorId: 12\n    unitType: plejeenhed\n    phone: 1234\n    postalAddress: {street: Vej, houseNumber: 1000, floor: 1., postalCode: 800, city: Høje Taastrup}\n',
    ).replace('"29403473"', '123');
    const numbers = describeFindings(lintText(text)).filter((f) => ['123', '12', '1234', '1000', '1.', '800'].includes(f.text));
    expect(numbers.map((f) => [f.text, f.ruleId])).toEqual([
      ['123', 'provider-cvr'],
      ['12', 'sor-code'],
      ['1234', 'contact-format'],
      ['1000', 'address-format'],
      ['1.', 'address-format'],
      ['800', 'address-format'],
    ]);
  });

  it('leaves numbers where the format allows them, and words that are not numbers', () => {
    const ok = institution('    unitType: afsnit\n    careUnit: false\n    visitingAddress: {street: Vej, houseNumber: "1", floor: st, coordinates: {east: 575123.4, north: 6223456}}\n');
    expect(findingsOf(schema, ok)).toEqual([]);
  });

  it('gives `legalBasis: 42` one finding, the law rule\'s, whose advice is not to quote it (issue 9, item 23)', () => {
    for (const [fileName, file] of [
      ['a.sor.yaml', institution('    unitType: plejeenhed\n    legalBasis: 42\n')],
      ['a.sor.json', '{ "provider": { "name": "X" }, "institutions": [ { "name": "Plejecenter Østervang", "unitType": "plejeenhed", "legalBasis": 42 } ] }'],
    ]) {
      const at42 = describeFindings(lintText(file, { fileName })).filter((f) => f.text === '42');
      expect(at42.map((f) => f.ruleId)).toEqual(['legal-basis']);
      expect(at42[0].action).toBe('Use one of aeldreloven, almenboligloven, aeldreboligloven or friplejeboligloven.');
    }
    const notCare = findingsOf(schema, institution('    unitType: afsnit\n    legalBasis: 42\n'));
    expect(notCare.map((f) => [f.text, f.message])).toEqual([['42', '`legalBasis` for "Plejecenter Østervang" is `42`, not one of the allowed values.']]);
    expect(notCare[0].action).toBe('Use one of `aeldreloven`, `almenboligloven`, `aeldreboligloven`, `friplejeboligloven`.');
  });
});

describe('schema: dates are calendar dates (issue 9, item 18)', () => {
  it.each(['2019-02-30', '2023-02-29', '2019-04-31', '2019-00-10'])('reports %s', (date) => {
    const seen = findingsOf(schema, institution(`    fromDate: ${date}\n`));
    expect(seen.map((f) => [f.line, f.text])).toEqual([[6, date]]);
  });

  it('says so in both languages, and accepts real dates, leap days included', () => {
    const [seen] = findingsOf(schema, institution('    fromDate: 2019-02-30\n'));
    expect(seen.message).toBe('`fromDate` for "Plejecenter Østervang" is 2019-02-30, which is not a date in the calendar.');
    expect(seen.action).toBe('Write a real date, YYYY-MM-DD.');
    const [da] = findingsOf(schema, institution('    fromDate: 2019-02-30\n'), { lang: 'da' });
    expect(da.message).toBe('`fromDate` for "Plejecenter Østervang" er 2019-02-30, som ikke er en dato i kalenderen.');
    expect(findingsOf(schema, institution('    fromDate: 2024-02-29\n    toDate: "2026-12-31"\n'))).toEqual([]);
    const json = '{ "provider": { "name": "X", "toDate": "2019-02-30" } }';
    expect(findingsOf(schema, json, { fileName: 'a.sor.json' }).map((f) => f.text)).toEqual(['"2019-02-30"']);
  });
});

describe('schema: fixes that are guesses are suggestions (issue 9, item 23)', () => {
  it('offers `wesbite` → `website` as a suggestion, never a safe fix', () => {
    const text = institution('    wesbite: https://oestervang.dk\n');
    const [finding] = lintText(text, { ruleSet: [schema] }).findings;
    expect(finding.message).toBe('Unknown key `wesbite` in the unit "Plejecenter Østervang".');
    expect(finding.action).toBe('Did you mean `website`?');
    expect(finding.fixes.map((fix) => [fix.title, fix.safe])).toEqual([['Rename `wesbite` to `website`', false]]);
  });

  it('corrects an allowed value that differs only in case safely, and a misspelt one as a suggestion', () => {
    const cased = lintText(institution('    unitType: afsnit\n    legalBasis: Aeldreloven\n'), { ruleSet: [schema] }).findings[0];
    expect(cased.fixes.map((fix) => [fix.title, fix.safe])).toEqual([['Change to `aeldreloven`', true]]);
    const misspelt = lintText(institution('    unitType: afsnit\n    legalBasis: aeldrelovn\n'), { ruleSet: [schema] }).findings[0];
    expect(misspelt.fixes.map((fix) => [fix.title, fix.safe])).toEqual([['Change to `aeldreloven`', false]]);
  });
});

describe('schema: required keys', () => {
  it('reports a missing name on an institution at its first key', () => {
    const [finding, ...rest] = findingsOf(schema, providerYaml('  - unitType: plejeenhed\n    sorId: "698481000016007"\n'));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ line: 5, column: 5, text: 'unitType' });
    expect(finding.message).toBe('Entry 1 of `institutions` has no `name`, which is required.');
    expect(finding.action).toBe('Add `name: …`.');
  });

  it('reports a missing name on the provider at the `provider` key', () => {
    const [finding] = findingsOf(schema, 'institutions: []\nprovider:\n  cvr: "29403473"\n');
    expect(finding).toMatchObject({ line: 2, column: 1, text: 'provider' });
    expect(finding.message).toBe('`provider` has no `name`, which is required.');
  });

  it('reports a missing provider at the first key of the file', () => {
    const [finding, ...rest] = findingsOf(schema, '# structure\ninstitutions:\n  - name: X\n');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ line: 2, column: 1, text: 'institutions' });
    expect(finding.message).toBe('The top level of the file has no `provider`, which is required.');
  });

  it('reports half a coordinate pair at the `coordinates` key, and leaves missing address parts to address-format', () => {
    const text = institution('    visitingAddress:\n      city: Aarhus C\n      coordinates: {east: 575123.4}\n');
    expect(findingsOf(schema, text).map((f) => [f.line, f.text])).toEqual([[8, 'coordinates']]);
  });

  it('says nothing about keys missing from a mapping a syntax error cut short', () => {
    const text = 'provider:\n  cvr: "29403473"\n  x-tags: [a, b\n';
    const result = lintText(text, { ruleSet: [schema] });
    expect(result.findings.map((f) => f.ruleId)).toEqual(['parse']);
  });
});

describe('schema: the shape of the whole file', () => {
  it.each([
    ['a scalar', 'just text\n', 'just text'],
    ['a list', '- name: X\n- name: Y\n', '- name: X'],
  ])('reports a root that is %s once, at its start', (_, text, covered) => {
    const seen = findingsOf(schema, text);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ line: 1, column: 1, text: covered });
    expect(seen[0].message).toBe('The file is not a mapping with a `provider` key (the provider).');
    expect(seen[0].action).toBe('Start the file with `provider:`.');
  });

  it('reports an empty document once', () => {
    const seen = findingsOf(schema, '# nothing yet\n');
    expect(seen).toHaveLength(1);
    expect(seen[0].message).toBe('The file is not a mapping with a `provider` key (the provider).');
  });

  it('checks an alias bomb as far as the parser\'s bound reads it, with no finding on the aliases cut', () => {
    const bomb = billionLaughs().replace(/^([a-i]):/gm, 'x-$1:');
    const result = lintText(`${bomb}provider:\n  name: X\n`, { ruleSet: [schema] });
    expect(result.findings.map((f) => f.ruleId)).toEqual(['parse']);
  });
});

describe('schema: a national file', () => {
  // ajv gathers a referenced schema's errors by concatenating them onto all so far: one error in
  // each of 130,000 institutions took 41 s of this check alone before the institutions were
  // validated one at a time.
  it('reports an error in every one of 130,000 institutions, each where it is', () => {
    const institution = (i: number) => `  - name: Afsnit ${i}\n    unitType: afsnit\n    postalAddress: {street: Vej, houseNumber: "1", postalCode: 8000, city: Aarhus C}\n`;
    const text = providerYaml(Array.from({ length: 130_000 }, (_, i) => institution(i)).join(''));
    const { findings } = lintText(text, { ruleSet: [schema] });
    expect(findings).toHaveLength(130_000);
    const last = findings.at(-1)!;
    expect(last.message).toBe('`postalAddress.postalCode` for "Afsnit 129999" is the YAML number 8000, not text.');
    expect(text.slice(last.span.start, last.span.end)).toBe('8000');
    expect(text.lastIndexOf('postalCode: 8000')).toBe(last.span.start - 'postalCode: '.length);
  });
});

describe('schema: JSON', () => {
  const json = `{
  "provider": { "name": "Omsorgshuset ApS", "cvr": 29403473 },
  "institutions": [
    { "name": "Plejecenter Østervang", "sorID": "698481000016007", "units": {} }
  ]
}
`;

  it('reports exact ranges in JSON', () => {
    const seen = findingsOf(schema, json, { fileName: 'omsorgshuset.sor.json' });
    expect(seen.map((f) => [f.line, f.column, f.text])).toEqual([
      [2, 52, '29403473'],
      [4, 40, '"sorID"'],
      [4, 77, '{}'],
    ]);
    expect(seen[0].message).toBe('`cvr` for "Omsorgshuset ApS" is the number 29403473, not text.');
    expect(seen[0].action).toBe('Write it in quotes: "29403473".');
  });

  it('renames a JSON key inside its quotes', () => {
    const fixed = fixTitled(schema, json, /sorID/, { fileName: 'omsorgshuset.sor.json' });
    expect(fixed).toBe(json.replace('"sorID"', '"sorId"'));
    const after = findingsOf(schema, fixed, { fileName: 'omsorgshuset.sor.json' });
    expect(after.map((f) => f.text)).toEqual(['29403473', '{}']);
  });
});

describe('schema: Danish', () => {
  it('speaks Danish when asked', () => {
    const seen = findingsOf(schema, providerYaml('  - nmae: Østervang\n    units: Birken\n  - unitType: afsnit\n'), { lang: 'da' });
    expect(seen.map((f) => [f.message, f.action])).toEqual([
      ['Ukendt nøgle `nmae` i punkt 1 i `institutions`.', 'Mente du `name`?'],
      ['`units` skal være en liste (linjer der starter med `- `), men er teksten `Birken`.', 'Skriv en liste (linjer der starter med `- `).'],
      ['Punkt 2 i `institutions` mangler `name`, som skal være der.', 'Tilføj `name: …`.'],
    ]);
    const fix = lintText(providerYaml('  - nmae: Østervang\n'), { ruleSet: [schema], lang: 'da' }).findings[0].fixes[0];
    expect(fix.title).toBe('Omdøb `nmae` til `name`');
  });
});

describe('schema: documentation', () => {
  it('has an invalid example the rule reports and a valid one it accepts', () => {
    expect(findingsOf(schema, schema.docs.invalidExample).map((f) => f.text)).toEqual(['698481000016007', 'unitTyp', 'Afsnit Birken']);
    expect(findingsOf(schema, schema.docs.validExample)).toEqual([]);
  });
});

describe('the schema file', () => {
  const file = schemaFile as unknown as { $id: string; $schema: string; $defs: Record<string, Record<string, unknown>>; properties: object };

  it('has its stable id and draft 2020-12', () => {
    expect(file.$id).toBe('https://sor-lint.github.io/schemas/sor-structure.schema.json');
    expect(file.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(file.$defs)).toEqual(expect.arrayContaining(['provider', 'institution', 'unit', 'address', 'coordinates']));
  });

  it('describes every property in English and Danish, or refers to a definition that does', () => {
    const missing: string[] = [];
    const visit = (where: string, node: Record<string, unknown>) => {
      for (const [name, property] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        const described = property.$ref ? file.$defs[String(property.$ref).replace('#/$defs/', '')] : property;
        if (!described?.description || !described['x-description-da']) missing.push(`${where}.${name}`);
      }
    };
    visit('root', file as unknown as Record<string, unknown>);
    for (const [name, definition] of Object.entries(file.$defs)) visit(name, definition);
    expect(missing).toEqual([]);
  });
});

describe('did you mean', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('nmae', 'name')).toBe(1);
    expect(editDistance('unitTyp', 'unitType')).toBe(1);
    expect(editDistance('door', 'floor')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('prefers a case-insensitive match and gives up on far or ambiguous words', () => {
    expect(closestNames('SORID', ['sorId', 'sorid2'])).toEqual(['sorId']);
    expect(closestNames('dor', ['door', 'floor'])).toEqual(['door']);
    expect(closestNames('xyz', ['name', 'cvr'])).toEqual([]);
    expect(closestNames('ab', ['xy'])).toEqual([]);
    expect(closestNames('cat', ['cut', 'cot'])).toEqual(['cut', 'cot']);
  });
});
