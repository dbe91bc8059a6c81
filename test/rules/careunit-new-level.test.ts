import { careunitNewLevel as rule } from '../../server/src/rules/careunit-new-level.js';
import { providerYaml, ruleTester } from '../helpers/rule-tester.js';

const deepNewCareUnit = providerYaml(`  - name: Omsorgshuset Jylland
    sorId: "698481000016007"
    unitType: klinik
    units:
      - name: Plejecenter Østervang
        unitType: 'plejeenhed'
`);

ruleTester(rule, {
  valid: [
    { name: 'a new care unit at institution level', text: providerYaml(`  - name: Plejecenter Østervang\n    unitType: plejeenhed\n`) },
    {
      name: 'a care unit already in SOR below institution level',
      text: deepNewCareUnit.replace("unitType: 'plejeenhed'", `sorId: "698481000016007"\n        unitType: 'plejeenhed'`),
    },
    { name: 'a new unit of another type below institution level', text: deepNewCareUnit.replace("'plejeenhed'", 'afsnit') },
    { name: 'a new care unit that is closed', text: deepNewCareUnit.replace("unitType: 'plejeenhed'", "unitType: 'plejeenhed'\n        toDate: 2025-12-31") },
  ],
  invalid: [
    {
      name: 'a new care unit below institution level, at its unit type',
      text: deepNewCareUnit,
      findings: [
        {
          line: 10,
          column: 19,
          text: "'plejeenhed'",
          severity: 'warning',
          message: 'New care unit "Plejecenter Østervang" (no SOR code) stands under "Omsorgshuset Jylland", not at institution level.',
          action: 'Move it up under `institutions`, or agree the structure with SOR support.',
        },
      ],
      fix: 'none',
    },
    {
      name: 'in Danish',
      text: deepNewCareUnit,
      options: { lang: 'da' },
      findings: [
        {
          line: 10,
          column: 19,
          text: "'plejeenhed'",
          message: 'Den nye plejeenhed "Plejecenter Østervang" (ingen SOR-kode) står under "Omsorgshuset Jylland", ikke på institutionsniveau.',
          action: 'Flyt den op under `institutions`, eller aftal strukturen med SOR-supporten.',
        },
      ],
    },
    {
      name: 'a new care unit with an empty SOR code, in JSON',
      text: `{"provider": {"name": "Omsorgshuset ApS"}, "institutions": [
  {"name": "Omsorgshuset Jylland", "unitType": "klinik", "units": [
    {"name": "Plejecenter Østervang", "sorId": "", "unitType": "PLEJEENHED"}
  ]}
]}
`,
      options: { fileName: 'x.sor.json' },
      findings: [{ line: 3, column: 64, text: '"PLEJEENHED"' }],
    },
  ],
  example: [{ line: 7, column: 19, text: 'plejeenhed' }],
});
