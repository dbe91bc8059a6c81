import { describe as group, expect, it } from 'vitest';
import { sorCode as rule } from '../../server/src/rules/sor-code.js';
import { exampleFindings, findingsOf, lintText, providerYaml, relatedOf } from '../helpers/rule-tester.js';

const where = (seen: { line: number; column: number; text: string }[]) => seen.map(({ line, column, text }) => [line, column, text]);

const malformed = providerYaml(
  `  - name: Bogstav
    sorId: "6984810000160O7"
  - name: Kort
    sorId: "1100001600"
  - name: Lang
    sorId: 1234567891000016007
  - name: Navnerum
    sorId: "70001100001608"
  - name: Kontrolciffer
    sorId: "698481000016008"
`,
  '  sorId: "11000016002"\n',
);

const shared = providerYaml(`  - name: Plejecenter Østervang
    sorId: "698481000016007"
    unitType: plejeenhed
    units:
      - name: Afsnit Birken
        sorId: 698481000016007
  - name: Plejecenter Birkely
    sorId: "698481000016007"
`);

group('sor-code', () => {
  group('invalid', () => {
    it('reports codes that cannot be SOR codes as errors and mistyped-looking ones as warnings, at the value', () => {
      const seen = findingsOf(rule, malformed);
      expect(seen.map(({ severity, line, column, text }) => [severity, line, column, text])).toEqual([
        ['error', 7, 12, '"6984810000160O7"'],
        ['error', 9, 12, '"1100001600"'],
        ['error', 11, 12, '1234567891000016007'],
        ['warning', 13, 12, '"70001100001608"'],
        ['warning', 15, 12, '"698481000016008"'],
      ]);
      expect(seen.map((s) => s.message)).toEqual([
        'The SOR code "6984810000160O7" of "Bogstav" is not all digits.',
        'The SOR code "1100001600" of "Kort" has 10 digits, but a SOR code has 11-18.',
        'The SOR code "1234567891000016007" of "Lang" has 19 digits, but a SOR code has 11-18.',
        'The SOR code "70001100001608" of "Navnerum" has "110000160" before its last digit, where every Danish SOR code has "100001600".',
        'The SOR code "698481000016008" of "Kontrolciffer" fails the Verhoeff check (its last digit would be 7).',
      ]);
      expect(seen[0].action).toBe('Copy the code from SOR (the SOR browser or its export), or remove `sorId` if the unit is not yet in SOR.');
    });

    it('speaks Danish', () => {
      const seen = findingsOf(rule, malformed, { lang: 'da' });
      expect(seen[0].message).toBe('SOR-koden "6984810000160O7" for "Bogstav" består ikke kun af cifre.');
      expect(seen[3].message).toBe('SOR-koden "70001100001608" for "Navnerum" har "110000160" før sidste ciffer, hvor alle danske SOR-koder har "100001600".');
      expect(seen[4].message).toBe('SOR-koden "698481000016008" for "Kontrolciffer" består ikke Verhoeff-kontrollen (sidste ciffer skulle være 7).');
      expect(seen[0].action).toBe('Kopiér koden fra SOR (SOR-browseren eller eksporten), eller fjern `sorId`, hvis enheden endnu ikke er i SOR.');
    });

    it('gives a code with both a wrong namespace and a wrong check digit both warnings', () => {
      const text = providerYaml(`  - name: Plejecenter Østervang\n    sorId: "698481000026007"\n`);
      const seen = findingsOf(rule, text);
      expect(seen.map((s) => [s.severity, s.line, s.column, s.text])).toEqual([
        ['warning', 6, 12, '"698481000026007"'],
        ['warning', 6, 12, '"698481000026007"'],
      ]);
      expect(seen.map((s) => s.message)).toEqual([
        'The SOR code "698481000026007" of "Plejecenter Østervang" has "100002600" before its last digit, where every Danish SOR code has "100001600".',
        'The SOR code "698481000026007" of "Plejecenter Østervang" fails the Verhoeff check (its last digit would be 0).',
      ]);
    });

    it('lets configuration lower the errors, and the warnings stay warnings', () => {
      const seen = findingsOf(rule, malformed, { rules: { 'sor-code': 'warning' } });
      expect(seen.map((s) => s.severity)).toEqual(['warning', 'warning', 'warning', 'warning', 'warning']);
    });

    it('reports a code two or more units share on each of them, pointing at the others', () => {
      const result = lintText(shared, { ruleSet: [rule] });
      const seen = findingsOf(rule, shared);
      expect(seen.map(({ severity, line, column, text }) => [severity, line, column, text])).toEqual([
        ['error', 6, 12, '"698481000016007"'],
        ['error', 10, 16, '698481000016007'],
        ['error', 12, 12, '"698481000016007"'],
      ]);
      expect(seen[0].message).toBe('The SOR code "698481000016007" of "Plejecenter Østervang" is also used by "Afsnit Birken", "Plejecenter Birkely" in this file.');
      expect(seen[0].action).toBe('Correct the code of the unit that has the wrong one (the SOR browser shows which unit it belongs to).');
      expect(relatedOf(result, result.findings[0])).toEqual([
        { line: 10, column: 16, text: '698481000016007', message: 'The same SOR code on "Afsnit Birken"' },
        { line: 12, column: 12, text: '"698481000016007"', message: 'The same SOR code on "Plejecenter Birkely"' },
      ]);
      expect(relatedOf(result, result.findings[1]).map((r) => [r.line, r.message])).toEqual([
        [6, 'The same SOR code on "Plejecenter Østervang"'],
        [12, 'The same SOR code on "Plejecenter Birkely"'],
      ]);
      const [danish] = findingsOf(rule, shared, { lang: 'da' });
      expect(danish.message).toBe('SOR-koden "698481000016007" for "Plejecenter Østervang" bruges også af "Afsnit Birken", "Plejecenter Birkely" i denne fil.');
    });

    it('points at the unit name when the shared code comes in through a YAML merge key', () => {
      const text = providerYaml(`  - &fælles
    name: Plejecenter Østervang
    sorId: "698481000016007"
  - <<: *fælles
    name: Plejecenter Birkely
`);
      expect(where(findingsOf(rule, text))).toEqual([
        [7, 12, '"698481000016007"'],
        [9, 5, 'name: Plejecenter Birkely'],
      ]);
    });

    it('reads JSON numbers and strings alike', () => {
      const json = `{
  "provider": { "name": "Omsorgshuset ApS", "cvr": "29403473", "sorId": 698481000016007 },
  "institutions": [{ "name": "Plejecenter Østervang", "sorId": "698481000016007" }, { "name": "Klinik", "sorId": "69848100001600" }]
}
`;
      const seen = findingsOf(rule, json, { fileName: 'x.sor.json' });
      expect(seen.map(({ severity, line, column, text }) => [severity, line, column, text])).toEqual([
        ['error', 2, 73, '698481000016007'],
        ['error', 3, 64, '"698481000016007"'],
        ['warning', 3, 114, '"69848100001600"'],
        ['warning', 3, 114, '"69848100001600"'],
      ]);
    });
  });

  group('valid', () => {
    it.each([
      [
        "FORMAT.md's well-formed codes, distinct, and units without one",
        providerYaml(
          `  - name: Plejecenter Østervang
    sorId: "698481000016007"
    units:
      - name: Afsnit Birken
      - name: Afsnit Egen
        sorId: ""
  - name: Plejecenter Birkely
    sorId: 999999991000016005
`,
          '  sorId: "11000016002"\n',
        ),
      ],
      ['a list where a code belongs (the schema reports it)', providerYaml(`  - name: Plejecenter Østervang\n    sorId: [1]\n`)],
    ])('%s', (_name, text) => {
      expect(findingsOf(rule, text)).toEqual([]);
    });
  });

  it('reports its invalid documentation example and not its valid one', () => {
    const { invalid, valid } = exampleFindings(rule);
    expect(invalid.map(({ severity, line, column, text }) => [severity, line, column, text])).toEqual([
      ['error', 6, 12, '"698481000016007"'],
      ['error', 9, 12, '"698481000016007"'],
    ]);
    expect(valid).toEqual([]);
  });
});
