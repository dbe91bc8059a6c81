import { describe as group, expect, it } from 'vitest';
import { noCareunit as rule } from '../../server/src/rules/no-careunit.js';
import { exampleFindings, findingsOf, providerYaml } from '../helpers/rule-tester.js';

const withoutCareUnit = providerYaml(`  - name: Klinik Nord
    unitType: klinik
  - name: Plejecenter Østervang
    unitType: plejehjem
`);

group('no-careunit', () => {
  group('invalid', () => {
    it("reports at the provider's name when no unit is a plejeenhed", () => {
      const seen = findingsOf(rule, withoutCareUnit);
      expect(seen.map(({ ruleId, severity, line, column, text }) => ({ ruleId, severity, line, column, text }))).toEqual([
        { ruleId: 'no-careunit', severity: 'warning', line: 2, column: 3, text: 'name: Omsorgshuset ApS' },
      ]);
      expect(seen[0].message).toBe('Provider "Omsorgshuset ApS" has no open unit of type plejeenhed, so plejeoverblikket shows nothing of it.');
      expect(seen[0].action).toBe('If the unit typed plejehjem is the nursing home itself, retype it to plejeenhed.');
    });

    it('counts several plejehjem units in the hint, and gives none without them', () => {
      const two = withoutCareUnit.replace('unitType: klinik', 'unitType: PLEJEHJEM');
      expect(findingsOf(rule, two)[0].action).toBe('Retype those of the 2 units typed plejehjem that are nursing homes themselves to plejeenhed.');
      const none = withoutCareUnit.replace('unitType: plejehjem', 'unitType: klinik');
      expect(findingsOf(rule, none)[0].action).toBe(
        'Give each nursing home the provider runs the unit type plejeenhed, or create it as a health institution of that type.',
      );
    });

    it('reports a provider whose only care unit is closed', () => {
      const text = providerYaml(`  - name: Gammelt plejecenter
    unitType: plejeenhed
    toDate: 2024-01-31
`);
      expect(findingsOf(rule, text).map((s) => [s.line, s.column, s.text])).toEqual([[2, 3, 'name: Omsorgshuset ApS']]);
    });

    it('reports a provider with no institutions at all', () => {
      expect(findingsOf(rule, 'provider:\n  name: Omsorgshuset ApS\n  cvr: "29403473"\n').map((s) => s.line)).toEqual([2]);
    });

    it('speaks Danish', () => {
      const [seen] = findingsOf(rule, withoutCareUnit, { lang: 'da' });
      expect(seen.message).toBe('Leverandøren "Omsorgshuset ApS" har ingen åben enhed med typen plejeenhed, så plejeoverblikket viser intet af den.');
      expect(seen.action).toBe('Er enheden med typen plejehjem selve plejehjemmet, så giv den typen plejeenhed.');
    });

    it('reports in JSON at the name pair', () => {
      const json = `{
  "provider": {
    "name": "Omsorgshuset ApS",
    "cvr": "29403473"
  },
  "institutions": []
}
`;
      expect(findingsOf(rule, json, { fileName: 'x.sor.json' }).map((s) => [s.line, s.column, s.text])).toEqual([
        [3, 5, '"name": "Omsorgshuset ApS"'],
      ]);
    });
  });

  group('valid', () => {
    it.each([
      [
        'a care unit deep in the structure',
        providerYaml(`  - name: Omsorgshuset Jylland
    unitType: klinik
    units:
      - name: Plejecenter Østervang
        unitType: PlejeEnhed
`),
      ],
      ['no provider in the document', 'institutions:\n  - name: Klinik Nord\n    unitType: klinik\n'],
      ['a file cut short by a syntax error', withoutCareUnit + '  - name: [Plejecenter Vestervang\n'],
    ])('%s', (_name, text) => {
      expect(findingsOf(rule, text)).toEqual([]);
    });
  });

  it('documents itself with examples that behave as described', () => {
    const { invalid, valid } = exampleFindings(rule);
    expect(invalid.map((s) => s.text)).toEqual(['name: Omsorgshuset ApS']);
    expect(valid).toEqual([]);
  });
});
