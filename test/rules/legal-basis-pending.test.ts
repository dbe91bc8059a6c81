import { legalBasisPending } from '../../server/src/rules/legal-basis-pending.js';
import { providerYaml, ruleTester } from '../helpers/rule-tester.js';

const unit = (lines: string) => providerYaml(`  - name: Plejeboligerne Kastanjen
${lines}`);

const pending = unit('    unitType: plejeenhed\n    legalBasis: aeldreboligloven   # per the municipality\n');

ruleTester(legalBasisPending, {
  valid: [
    { name: 'a unit already in SOR', text: unit('    sorId: "698481000016007"\n    unitType: plejeenhed\n    legalBasis: aeldreboligloven\n') },
    { name: 'another law', text: unit('    unitType: plejeenhed\n    legalBasis: almenboligloven\n') },
    { name: 'a closed unit', text: unit('    unitType: plejeenhed\n    legalBasis: aeldreboligloven\n    toDate: 2026-01-01\n') },
    { name: 'a unit that is not a care unit', text: unit('    unitType: afsnit\n    legalBasis: aeldreboligloven\n') },
  ],
  invalid: [
    {
      name: 'a new care unit under ældreboligloven, at the value, with no fix',
      text: pending,
      findings: [
        {
          line: 7,
          column: 17,
          text: 'aeldreboligloven',
          severity: 'warning',
          message: 'New care unit "Plejeboligerne Kastanjen" (no SOR code) falls under ældreboligloven: new SOR registrations under it are on hold.',
          action: 'Wait with creating it in SOR, or correct `legalBasis` if another law applies.',
        },
      ],
      fix: 'none',
    },
    {
      name: 'in Danish',
      text: pending,
      options: { lang: 'da' },
      findings: [
        {
          line: 7,
          column: 17,
          text: 'aeldreboligloven',
          message: 'Den nye plejeenhed "Plejeboligerne Kastanjen" (ingen SOR-kode) hører under ældreboligloven: nye SOR-registreringer efter den er sat i bero.',
          action: 'Vent med at oprette den i SOR, eller ret `legalBasis`, hvis en anden lov gælder.',
        },
      ],
    },
    {
      name: 'in JSON',
      text: `{"provider": {"name": "P"}, "institutions": [{"name": "K", "unitType": "plejeenhed", "legalBasis": "aeldreboligloven"}]}`,
      options: { fileName: 'x.sor.json' },
      findings: [{ line: 1, column: 100, text: '"aeldreboligloven"' }],
    },
    {
      name: 'a quoted YAML value',
      text: unit("    unitType: plejeenhed\n    legalBasis: 'aeldreboligloven'\n"),
      findings: [{ line: 7, column: 17, text: "'aeldreboligloven'" }],
    },
  ],
  example: [{ line: 6, column: 17, text: 'aeldreboligloven' }],
});
