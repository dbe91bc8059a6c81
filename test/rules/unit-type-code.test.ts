import { unitTypeCode } from '../../server/src/rules/unit-type-code.js';
import { providerYaml, ruleTester } from '../helpers/rule-tester.js';

const unit = (lines: string) => providerYaml(`  - name: Plejecenter Østervang\n${lines}`);

ruleTester(unitTypeCode, {
  valid: [
    { name: 'plejehjem with its own code', text: unit('    unitType: plejehjem\n    unitTypeCode: "42665001"\n') },
    { name: 'a type name whose code is not known, with any code', text: unit('    unitType: afsnit\n    unitTypeCode: "42665001"\n') },
    { name: 'a plejeenhed with a code no type is known to have', text: unit('    unitType: plejeenhed\n    unitTypeCode: "123456789"\n') },
    { name: 'the type name in another case', text: unit('    unitType: PlejeHjem\n    unitTypeCode: "42665001"\n') },
    { name: 'no code at all', text: unit('    unitType: plejehjem\n') },
    { name: 'a closed unit', text: unit('    unitType: plejeenhed\n    toDate: 2020-01-01\n    unitTypeCode: "42665001"\n') },
  ],
  invalid: [
    {
      name: "a plejeenhed that keeps plejehjem's code",
      text: unit('    unitType: plejeenhed\n    unitTypeCode: "42665001" # from the old type\n'),
      findings: [
        {
          line: 7,
          column: 19,
          text: '"42665001"',
          severity: 'error',
          message: 'The unit type code 42665001 of "Plejecenter Østervang" belongs to type plejehjem, but `unitType` is plejeenhed.',
          action: 'Remove `unitTypeCode`: plejeenhed has no public code yet.',
        },
      ],
    },
    {
      name: 'plejehjem with the code of another type',
      text: unit('    unitType: plejehjem\n    unitTypeCode: "22232009"\n'),
      findings: [
        {
          line: 7,
          column: 19,
          text: '"22232009"',
          message: 'The unit type code 22232009 of "Plejecenter Østervang" does not match `unitType` plejehjem, whose code is 42665001.',
          action: 'Write 42665001, or correct `unitType`.',
        },
      ],
    },
    {
      name: 'in Danish',
      text: unit('    unitType: plejeenhed\n    unitTypeCode: "22232009"\n'),
      options: { lang: 'da' },
      findings: [
        {
          line: 7,
          column: 19,
          text: '"22232009"',
          message: 'Enhedstypekoden 22232009 for "Plejecenter Østervang" hører til typen hospital, men `unitType` er plejeenhed.',
          action: 'Fjern `unitTypeCode`: plejeenhed har endnu ingen offentlig kode.',
        },
      ],
    },
    {
      name: 'in JSON',
      text: '{ "provider": { "name": "X" }, "institutions": [ { "name": "Y", "unitType": "plejehjem", "unitTypeCode": "12345678" } ] }',
      options: { fileName: 'x.sor.json' },
      findings: [{ line: 1, column: 106, text: '"12345678"' }],
    },
  ],
  example: [{ line: 7, column: 19, text: '"42665001"' }],
});
