import { describe, expect, it } from 'vitest';
import { closestNames, editDistance, schema } from '../../server/src/rules/schema.js';
import schemaFile from '../../schemas/sor-structure.schema.json';
import { billionLaughs } from '../helpers/alias-bomb.js';
import { findingsOf, fixOnce, lintText, providerYaml } from '../helpers/rule-tester.js';

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
    expect(finding.message).toContain('Unknown key `unitTyp` in the unit "Plejecenter Østervang"');
    expect(finding.message).toContain('Did you mean `unitType`?');
  });

  it('renames the key with a safe fix that keeps comments', () => {
    const result = lintText(text, { ruleSet: [schema] });
    expect(result.findings[0].fixes.map((fix) => [fix.title, fix.safe])).toEqual([['Rename `unitTyp` to `unitType`', true]]);
    const fixed = fixOnce(schema, text);
    expect(fixed).toBe(text.replace('unitTyp:', 'unitType:'));
    expect(fixed).toContain('    # the care unit\n    unitType: plejeenhed # type\n');
    expectCleanAfter(fixed);
  });

  it('matches a key that differs only in case, and a swapped pair of letters', () => {
    const cased = findingsOf(schema, institution('    UnitType: plejeenhed\n'));
    expect(cased.map((f) => f.text)).toEqual(['UnitType']);
    expect(cased[0].message).toContain('Did you mean `unitType`?');
    const swapped = findingsOf(schema, providerYaml('  - nmae: Østervang\n'));
    // One finding: the missing `name` is what the typo'd key stands for.
    expect(swapped.map((f) => f.text)).toEqual(['nmae']);
    expect(swapped[0].message).toContain('Did you mean `name`?');
  });

  it('offers no rename when the suggested key is already there', () => {
    const text = 'provider:\n  name: Omsorgshuset ApS\n  nam: Omsorgshuset\n';
    const result = lintText(text, { ruleSet: [schema] });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0].fixes).toEqual([]);
    expect(result.findings[0].message).toContain('`name` is already here');
  });

  it('lists the allowed keys when nothing is near', () => {
    const [finding] = findingsOf(schema, 'provider:\n  name: Omsorgshuset ApS\ninstitutions: []\ncomments: none\n');
    expect(finding).toMatchObject({ line: 4, column: 1, text: 'comments' });
    expect(finding.message).toContain('Unknown key `comments` in the top level of the file');
    expect(finding.message).toContain('Keys allowed here: `$schema`, `provider`, `institutions`.');
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
});

describe('schema: types, patterns and enums', () => {
  it('reports a wrong type at the value', () => {
    const [finding, ...rest] = findingsOf(schema, institution('    units: Afsnit Birken\n'));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ line: 6, column: 12, text: 'Afsnit Birken' });
    expect(finding.message).toBe('`units` must be a list (lines starting with `- `), but is the text `Afsnit Birken`.');
  });

  it('reads plain YAML numbers as text, so codes need no quotes', () => {
    const text = institution('    sorId: 698481000016007\n    postalAddress:\n      street: Vej\n      houseNumber: 12\n      postalCode: 0800\n    careUnit: false\n');
    expect(findingsOf(schema, text)).toEqual([]);
  });

  it('asks for quotes when a text field is true/false or a JSON number', () => {
    const [finding] = findingsOf(schema, institution('    careUnit: "false"\n    unitType: yes\n    email: true\n'));
    expect(finding).toMatchObject({ line: 6, text: '"false"' });
    expect(finding.message).toContain('`careUnit` must be `true` or `false`, but is the text `false`.');
    const all = findingsOf(schema, institution('    email: true\n'));
    expect(all.map((f) => f.text)).toEqual(['true']);
    expect(all[0].message).toContain('Write the value in quotes');
  });

  it('reports an empty value at its key', () => {
    const [finding] = findingsOf(schema, institution('    phone:\n'));
    expect(finding).toMatchObject({ line: 6, column: 5, text: 'phone' });
    expect(finding.message).toBe('`phone` must be text, but is empty. Fill in the value or remove the key.');
  });

  it('reports a list item of the wrong type as that entry', () => {
    const [finding] = findingsOf(schema, providerYaml('  - Plejecenter Østervang\n'));
    expect(finding).toMatchObject({ line: 5, column: 5, text: 'Plejecenter Østervang' });
    expect(finding.message).toContain('Entry 1 of `institutions` must be a mapping');
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
    expect(seen[0].message).toBe('`fromDate` is `2019-3-1`, but must be a date written YYYY-MM-DD, e.g. 2019-03-01.');
    expect(seen[1].message).toContain('a DAR address id');
    expect(seen[2].message).toContain('`north` is `abc`, but must be a number of metres');
  });

  it('leaves the detailed checks of codes, postcodes and contact data to their rules', () => {
    const text = providerYaml(
      '  - name: X\n    sorId: "12ab"\n    phone: "12"\n    email: nope\n    visitingAddress: {street: Vej, houseNumber: "1000", postalCode: "80", floor: "x", door: "?"}\n',
      '  sorId: "1"\n',
    ).replace('"29403473"', '"123"');
    expect(findingsOf(schema, text)).toEqual([]);
  });

  it('reports a legalBasis outside the four laws, with the closest one as a safe fix', () => {
    const text = institution('    unitType: afsnit\n    legalBasis: friplejeboliglov\n');
    const [finding] = findingsOf(schema, text);
    expect(finding).toMatchObject({ line: 7, column: 17, text: 'friplejeboliglov' });
    expect(finding.message).toContain(
      'is `friplejeboliglov`, which is not one of the allowed values: `aeldreloven`, `almenboligloven`, `aeldreboligloven`, `friplejeboligloven`. Did you mean `friplejeboligloven`?',
    );
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

describe('schema: required keys', () => {
  it('reports a missing name on an institution at its first key', () => {
    const [finding, ...rest] = findingsOf(schema, providerYaml('  - unitType: plejeenhed\n    sorId: "698481000016007"\n'));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ line: 5, column: 5, text: 'unitType' });
    expect(finding.message).toBe(
      'Entry 1 of `institutions` has no `name`, which is required. Every SOR unit has a name, and plejeoverblikket shows it. Add `name: …`.',
    );
  });

  it('reports a missing name on the provider at the `provider` key', () => {
    const [finding] = findingsOf(schema, 'institutions: []\nprovider:\n  cvr: "29403473"\n');
    expect(finding).toMatchObject({ line: 2, column: 1, text: 'provider' });
    expect(finding.message).toContain('`provider` has no `name`');
  });

  it('reports a missing provider at the first key of the file', () => {
    const [finding, ...rest] = findingsOf(schema, '# structure\ninstitutions:\n  - name: X\n');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ line: 2, column: 1, text: 'institutions' });
    expect(finding.message).toContain('The top level of the file has no `provider`, which is required.');
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
    expect(seen[0].message).toContain('A SOR structure file must be a mapping with a `provider` key');
  });

  it('reports an empty document once', () => {
    const seen = findingsOf(schema, '# nothing yet\n');
    expect(seen).toHaveLength(1);
    expect(seen[0].message).toContain('must be a mapping with a `provider` key');
  });

  it('checks an alias bomb as far as the parser\'s bound reads it, with no finding on the aliases cut', () => {
    const bomb = billionLaughs().replace(/^([a-i]):/gm, 'x-$1:');
    const result = lintText(`${bomb}provider:\n  name: X\n`, { ruleSet: [schema] });
    expect(result.findings.map((f) => f.ruleId)).toEqual(['parse']);
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
    expect(seen[0].message).toBe('`cvr` must be text, but is the number 29403473. Write the value in quotes so it is read as text.');
  });

  it('renames a JSON key inside its quotes', () => {
    const fixed = fixOnce(schema, json, /sorID/, { fileName: 'omsorgshuset.sor.json' });
    expect(fixed).toBe(json.replace('"sorID"', '"sorId"'));
    const after = findingsOf(schema, fixed, { fileName: 'omsorgshuset.sor.json' });
    expect(after.map((f) => f.text)).toEqual(['29403473', '{}']);
  });
});

describe('schema: Danish', () => {
  it('speaks Danish when asked', () => {
    const seen = findingsOf(schema, providerYaml('  - nmae: Østervang\n    units: Birken\n  - unitType: afsnit\n'), { lang: 'da' });
    expect(seen.map((f) => f.message)).toEqual([
      'Ukendt nøgle `nmae` i punkt 1 i `institutions`. Mente du `name`? Nøgler, som formatet ikke kender, er næsten altid stavefejl, og deres værdi går tabt. Egne noter kan stå under nøgler, der starter med `x-` (fx `x-note`).',
      '`units` skal være en liste (linjer der starter med `- `), men er teksten `Birken`.',
      'Punkt 2 i `institutions` mangler `name`, som skal være der. Enhver SOR-enhed har et navn, og plejeoverblikket viser det. Tilføj `name: …`.',
    ]);
    const fix = lintText(providerYaml('  - nmae: Østervang\n'), { ruleSet: [schema], lang: 'da' }).findings[0].fixes[0];
    expect(fix.title).toBe('Omdøb `nmae` til `name`');
  });
});

describe('schema: documentation', () => {
  it('has an invalid example the rule reports and a valid one it accepts', () => {
    expect(findingsOf(schema, schema.docs.invalidExample).map((f) => f.text)).toEqual(['unitTyp', 'Afsnit Birken']);
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
