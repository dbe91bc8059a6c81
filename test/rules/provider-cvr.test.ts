import { providerCvr as rule } from '../../server/src/rules/provider-cvr.js';
import type { InvalidCase } from '../helpers/rule-tester.js';
import { ruleTester } from '../helpers/rule-tester.js';

const withCvr = (cvrLine: string) => `# Omsorgshuset ApS
provider:
  name: Omsorgshuset ApS
${cvrLine}
institutions:
  - name: Plejecenter Østervang
    unitType: plejeenhed
`;

const json = (cvr: string) => `{
  "provider": {
    "name": "Omsorgshuset ApS"${cvr}
  },
  "institutions": []
}
`;

const MISSING = 'Provider "Omsorgshuset ApS" has no CVR number (`cvr`).';
const NOT_8_DIGITS_ACTION = 'Write the 8 digits without spaces, "DK" or anything in front.';

ruleTester(rule, {
  valid: [
    { name: 'a quoted valid number', text: withCvr('  cvr: "29403473"') },
    { name: 'a plain valid number', text: withCvr('  cvr: 24256790') },
    { name: 'a single-quoted valid number', text: withCvr("  cvr: '54562519'") },
    { name: 'no provider in the document', text: 'institutions:\n  - name: Klinik Nord\n' },
    { name: 'a provider cut short by a syntax error', text: 'provider:\n  name: [Omsorgshuset ApS\n' },
    { name: 'a list where the number belongs (the schema reports it)', text: withCvr('  cvr: [29403473]') },
    { name: 'a JSON number', text: '{ "provider": { "name": "Omsorgshuset ApS", "cvr": 29403473 } }', options: { fileName: 'x.sor.json' } },
  ],
  invalid: [
    {
      name: "a missing CVR number, at the provider's name",
      text: withCvr('  sorId: "11000016002"'),
      findings: [
        { line: 3, column: 3, text: 'name: Omsorgshuset ApS', severity: 'error', message: MISSING, action: 'Add the company\'s 8-digit CVR number, e.g. cvr: "29403473".' },
      ],
      fix: 'none',
    },
    {
      name: 'a missing CVR number, in Danish',
      text: withCvr('  sorId: "11000016002"'),
      options: { lang: 'da' },
      findings: [
        {
          line: 3,
          column: 3,
          text: 'name: Omsorgshuset ApS',
          message: 'Leverandøren "Omsorgshuset ApS" har intet CVR-nummer (`cvr`).',
          action: 'Tilføj virksomhedens CVR-nummer på 8 cifre, fx cvr: "29403473".',
        },
      ],
    },
    ...['  cvr:', '  cvr: ""', "  cvr: '  '", '  cvr: # udfyldes'].map(
      (line): InvalidCase => ({ name: `an empty CVR number (${line}), at its key`, text: withCvr(line), findings: [{ line: 4, column: 3, text: 'cvr', message: MISSING }] }),
    ),
    ...[
      ['  cvr: "2940347"', '"2940347"'],
      ['  cvr: 294034730', '294034730'],
      ['  cvr: "2940 3473"', '"2940 3473"'],
      ['  cvr: DK29403473', 'DK29403473'],
    ].map(
      ([line, value]): InvalidCase => ({
        name: `${line.trim()}: not 8 digits, at the value`,
        text: withCvr(line),
        findings: [
          {
            line: 4,
            column: 8,
            text: value,
            message: `The CVR number "${value.replace(/"/g, '')}" of "Omsorgshuset ApS" is not exactly 8 digits.`,
            action: NOT_8_DIGITS_ACTION,
          },
        ],
      }),
    ),
    {
      name: "a number that fails the modulus-11 check (one digit off FORMAT.md's 29403473)",
      text: withCvr('  cvr: "29403472" # fra kontrakten'),
      findings: [
        {
          line: 4,
          column: 8,
          text: '"29403472"',
          severity: 'error',
          message: 'The CVR number "29403472" of "Omsorgshuset ApS" fails the modulus-11 check, so a digit is almost certainly wrong.',
          action: 'Look the company up in the CVR register (datacvr.virk.dk) and correct the number.',
        },
      ],
    },
    {
      name: 'the modulus-11 check, in Danish',
      text: withCvr('  cvr: "29403472"'),
      options: { lang: 'da' },
      findings: [
        {
          line: 4,
          column: 8,
          text: '"29403472"',
          message: 'CVR-nummeret "29403472" for "Omsorgshuset ApS" består ikke modulus 11-kontrollen, så et ciffer er næsten sikkert forkert.',
          action: 'Slå virksomheden op i CVR-registret (datacvr.virk.dk), og ret nummeret.',
        },
      ],
    },
    { name: 'JSON, at the value', text: json(', "cvr": 29403474'), options: { fileName: 'x.sor.json' }, findings: [{ line: 3, column: 40, text: '29403474' }] },
    { name: 'JSON, at the name when cvr is missing', text: json(''), options: { fileName: 'x.sor.json' }, findings: [{ line: 3, column: 5, text: '"name": "Omsorgshuset ApS"' }] },
  ],
  example: [{ line: 3, column: 8, text: '"29403474"' }],
});
