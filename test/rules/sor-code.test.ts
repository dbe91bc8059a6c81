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
      expect(seen[0].message).toContain('The SOR code "6984810000160O7" is not all digits. A SOR code is 11-18 digits.');
      expect(seen[0].message).toContain('or remove sorId if the unit is not yet created in SOR');
      expect(seen[1].message).toContain('The SOR code "1100001600" has 10 digits, but a SOR code has 11-18 (the smallest possible is 11000016002).');
      expect(seen[2].message).toContain('has 19 digits');
      expect(seen[3].message).toContain(
        'The SOR code "70001100001608" has "110000160" before its last digit, where every Danish SOR code has "100001600" (the Danish namespace 1000016 and the partition 00)',
      );
      expect(seen[4].message).toContain(
        'The SOR code "698481000016008" fails the Verhoeff check of its last digit (with the other digits it would be 7). Every known SOR code passes it, so this one is almost certainly mistyped.',
      );
    });

    it('speaks Danish', () => {
      const seen = findingsOf(rule, malformed, { lang: 'da' });
      expect(seen[0].message).toContain('SOR-koden "6984810000160O7" består ikke kun af cifre.');
      expect(seen[3].message).toContain('har "110000160" før det sidste ciffer, hvor alle danske SOR-koder har "100001600"');
      expect(seen[4].message).toContain('består ikke Verhoeff-kontrollen af sit sidste ciffer (med de øvrige cifre skulle det være 7)');
    });

    it('gives a code with both a wrong namespace and a wrong check digit both warnings', () => {
      const text = providerYaml(`  - name: Plejecenter Østervang\n    sorId: "698481000026007"\n`);
      const seen = findingsOf(rule, text);
      expect(seen.map((s) => [s.severity, s.line, s.column, s.text])).toEqual([
        ['warning', 6, 12, '"698481000026007"'],
        ['warning', 6, 12, '"698481000026007"'],
      ]);
      expect(seen[0].message).toContain('has "100002600" before its last digit');
      expect(seen[1].message).toContain('fails the Verhoeff check');
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
      expect(seen[0].message).toContain(
        'The SOR code "698481000016007" is also used by "Afsnit Birken", "Plejecenter Birkely" in this file. A SOR code identifies exactly one unit',
      );
      expect(relatedOf(result, result.findings[0])).toEqual([
        { line: 10, column: 16, text: '698481000016007', message: 'The same SOR code on "Afsnit Birken"' },
        { line: 12, column: 12, text: '"698481000016007"', message: 'The same SOR code on "Plejecenter Birkely"' },
      ]);
      expect(relatedOf(result, result.findings[1]).map((r) => [r.line, r.message])).toEqual([
        [6, 'The same SOR code on "Plejecenter Østervang"'],
        [12, 'The same SOR code on "Plejecenter Birkely"'],
      ]);
      const [danish] = findingsOf(rule, shared, { lang: 'da' });
      expect(danish.message).toContain('SOR-koden "698481000016007" bruges også af "Afsnit Birken", "Plejecenter Birkely" i denne fil.');
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
