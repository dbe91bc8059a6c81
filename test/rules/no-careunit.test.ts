import { noCareunit as rule } from '../../server/src/rules/no-careunit.js';
import { providerYaml, ruleTester } from '../helpers/rule-tester.js';

const withoutCareUnit = providerYaml(`  - name: Klinik Nord
    unitType: klinik
  - name: Plejecenter Østervang
    unitType: plejehjem
`);

const MESSAGE = 'Provider "Omsorgshuset ApS" has no open unit of type plejeenhed, so plejeoverblikket shows nothing of it.';
const AT_NAME = { line: 2, column: 3, text: 'name: Omsorgshuset ApS' };

ruleTester(rule, {
  valid: [
    {
      name: 'a care unit deep in the structure',
      text: providerYaml(`  - name: Omsorgshuset Jylland
    unitType: klinik
    units:
      - name: Plejecenter Østervang
        unitType: PlejeEnhed
`),
    },
    { name: 'no provider in the document', text: 'institutions:\n  - name: Klinik Nord\n    unitType: klinik\n' },
    { name: 'a file cut short by a syntax error', text: withoutCareUnit + '  - name: [Plejecenter Vestervang\n' },
    {
      name: 'one provider (CVR) split over the documents of a stream: its care unit in another document',
      text: withoutCareUnit + '---\n' + providerYaml('  - name: Plejecenter Birkely\n    unitType: plejeenhed\n'),
    },
  ],
  invalid: [
    {
      name: "no unit is a plejeenhed: at the provider's name, pointing at the one plejehjem",
      text: withoutCareUnit,
      findings: [{ ...AT_NAME, severity: 'warning', message: MESSAGE, action: 'If the unit typed plejehjem is the nursing home itself, retype it to plejeenhed.' }],
      fix: 'none',
    },
    {
      name: 'several plejehjem units',
      text: withoutCareUnit.replace('unitType: klinik', 'unitType: PLEJEHJEM'),
      findings: [{ ...AT_NAME, message: MESSAGE, action: 'Retype those of the 2 units typed plejehjem that are nursing homes themselves to plejeenhed.' }],
    },
    {
      name: 'no plejehjem either',
      text: withoutCareUnit.replace('unitType: plejehjem', 'unitType: klinik'),
      findings: [{ ...AT_NAME, action: 'Give each nursing home the provider runs the unit type plejeenhed, or create it as a health institution of that type.' }],
    },
    {
      name: 'the only care unit is closed',
      text: providerYaml('  - name: Gammelt plejecenter\n    unitType: plejeenhed\n    toDate: 2024-01-31\n'),
      findings: [AT_NAME],
    },
    {
      name: 'another provider (another CVR) in the next document of the stream has the care unit',
      text: withoutCareUnit + '---\n' + providerYaml('  - name: Plejecenter Birkely\n    unitType: plejeenhed\n').replace('29403473', '12345674'),
      findings: [AT_NAME],
    },
    { name: 'no institutions at all', text: 'provider:\n  name: Omsorgshuset ApS\n  cvr: "29403473"\n', findings: [AT_NAME] },
    {
      name: 'in Danish',
      text: withoutCareUnit,
      options: { lang: 'da' },
      findings: [
        {
          ...AT_NAME,
          message: 'Leverandøren "Omsorgshuset ApS" har ingen åben enhed med typen plejeenhed, så plejeoverblikket viser intet af den.',
          action: 'Er enheden med typen plejehjem selve plejehjemmet, så giv den typen plejeenhed.',
        },
      ],
    },
    {
      name: 'in JSON, at the name pair',
      text: '{\n  "provider": {\n    "name": "Omsorgshuset ApS",\n    "cvr": "29403473"\n  },\n  "institutions": []\n}\n',
      options: { fileName: 'x.sor.json' },
      findings: [{ line: 3, column: 5, text: '"name": "Omsorgshuset ApS"' }],
    },
  ],
  example: [AT_NAME],
});
