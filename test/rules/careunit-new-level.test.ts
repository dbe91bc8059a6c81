import { describe as group, expect, it } from 'vitest';
import { careunitNewLevel as rule } from '../../server/src/rules/careunit-new-level.js';
import { exampleFindings, findingsOf, providerYaml } from '../helpers/rule-tester.js';

const deepNewCareUnit = providerYaml(`  - name: Omsorgshuset Jylland
    sorId: "698481000016007"
    unitType: klinik
    units:
      - name: Plejecenter Østervang
        unitType: 'plejeenhed'
`);

group('careunit-new-level', () => {
  it('reports a new care unit below institution level, at its unit type', () => {
    const seen = findingsOf(rule, deepNewCareUnit);
    expect(seen.map(({ ruleId, severity, line, column, text }) => ({ ruleId, severity, line, column, text }))).toEqual([
      { ruleId: 'careunit-new-level', severity: 'warning', line: 10, column: 19, text: "'plejeenhed'" },
    ]);
    expect(seen[0].message).toBe('New care unit "Plejecenter Østervang" (no SOR code) stands under "Omsorgshuset Jylland", not at institution level.');
    expect(seen[0].action).toBe('Move it up under `institutions`, or agree the structure with SOR support.');
  });

  it('speaks Danish', () => {
    const [seen] = findingsOf(rule, deepNewCareUnit, { lang: 'da' });
    expect(seen.message).toBe('Den nye plejeenhed "Plejecenter Østervang" (ingen SOR-kode) står under "Omsorgshuset Jylland", ikke på institutionsniveau.');
    expect(seen.action).toBe('Flyt den op under `institutions`, eller aftal strukturen med SOR-supporten.');
  });

  it('reports a new care unit with an empty SOR code, in JSON too', () => {
    const json = `{"provider": {"name": "Omsorgshuset ApS"}, "institutions": [
  {"name": "Omsorgshuset Jylland", "unitType": "klinik", "units": [
    {"name": "Plejecenter Østervang", "sorId": "", "unitType": "PLEJEENHED"}
  ]}
]}
`;
    expect(findingsOf(rule, json, { fileName: 'x.sor.json' }).map((s) => [s.line, s.column, s.text])).toEqual([[3, 64, '"PLEJEENHED"']]);
  });

  it.each([
    ['a new care unit at institution level', providerYaml(`  - name: Plejecenter Østervang\n    unitType: plejeenhed\n`)],
    [
      'a care unit already in SOR below institution level',
      deepNewCareUnit.replace("unitType: 'plejeenhed'", `sorId: "698481000016007"\n        unitType: 'plejeenhed'`),
    ],
    ['a new unit of another type below institution level', deepNewCareUnit.replace("'plejeenhed'", 'afsnit')],
    ['a new care unit that is closed', deepNewCareUnit.replace("unitType: 'plejeenhed'", "unitType: 'plejeenhed'\n        toDate: 2025-12-31")],
  ])('leaves alone %s', (_name, text) => {
    expect(findingsOf(rule, text)).toEqual([]);
  });

  it('documents itself with examples that behave as described', () => {
    const { invalid, valid } = exampleFindings(rule);
    expect(invalid.map((s) => s.text)).toEqual(['plejeenhed']);
    expect(valid).toEqual([]);
  });
});
