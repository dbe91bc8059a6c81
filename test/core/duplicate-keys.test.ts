// A key written twice in one mapping is a `parse` finding in JSON as in YAML, on the second key,
// and the rest of the file is still checked.
import { describe, expect, it } from 'vitest';
import { describe as described, lintText } from '../helpers/rule-tester.js';

const json = `{
  "provider": { "name": "Omsorgshuset ApS", "cvr": "29403473", "name": "Omsorgshuset A/S" },
  "institutions": [
    { "name": "Plejecenter Østervang", "unitType": "afsnit", "phone": "12" }
  ]
}
`;

const yaml = `provider:
  name: Omsorgshuset ApS
  cvr: "29403473"
  name: Omsorgshuset A/S
institutions:
  - name: Plejecenter Østervang
    unitType: afsnit
    phone: "12"
`;

describe('duplicate keys', () => {
  it.each([
    ['JSON', json, 'p.sor.json', 2, 64, '"name"'],
    ['YAML', yaml, 'p.sor.yaml', 4, 3, 'name'],
  ])('%s: the second key is a parse finding and the rest is still checked', (_name, text, fileName, line, column, keyText) => {
    const seen = described(lintText(text, { fileName }));
    const parse = seen.filter((f) => f.ruleId === 'parse');
    expect(parse).toEqual([
      {
        ruleId: 'parse',
        severity: 'error',
        line,
        column,
        text: keyText,
        message: 'The key `name` appears twice in this mapping (first on line 2); sor-lint reads only the first.',
        action: 'Remove or rename one of them.',
      },
    ]);
    // The phone two lines further on is still read and reported.
    expect(seen.some((f) => f.ruleId === 'contact-format' && f.text === '"12"')).toBe(true);
  });

  it('says it in Danish too', () => {
    const [finding] = described(lintText(json, { fileName: 'p.sor.json', lang: 'da' })).filter((f) => f.ruleId === 'parse');
    expect(finding.message).toBe('Nøglen `name` står to gange i denne mapping (første gang på linje 2); sor-lint læser kun den første.');
    expect(finding.action).toBe('Fjern eller omdøb den ene.');
  });

  it('reads the first of the two keys, in the model as in the schema', () => {
    const result = lintText(json, { fileName: 'p.sor.json' });
    expect(result.documents[0].provider?.fields.name?.text).toBe('Omsorgshuset ApS');
  });

  it('is no finding for keys that are merely alike, or for a merge key beside an own key', () => {
    const text = 'provider:\n  name: A\n  Name: B\n  x-a: &a { cvr: "1" }\n  <<: *a\n  cvr: "29403473"\n';
    expect(described(lintText(text)).filter((f) => f.ruleId === 'parse')).toEqual([]);
  });
});
