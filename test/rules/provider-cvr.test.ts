import { describe as group, expect, it } from 'vitest';
import { providerCvr as rule } from '../../server/src/rules/provider-cvr.js';
import { exampleFindings, findingsOf } from '../helpers/rule-tester.js';

const where = (seen: { line: number; column: number; text: string }[]) => seen.map(({ line, column, text }) => [line, column, text]);

const withCvr = (cvrLine: string) => `# Omsorgshuset ApS
provider:
  name: Omsorgshuset ApS
${cvrLine}
institutions:
  - name: Plejecenter Østervang
    unitType: plejeenhed
`;

group('provider-cvr', () => {
  group('invalid', () => {
    it("reports a missing CVR number at the provider's name", () => {
      const seen = findingsOf(rule, withCvr('  sorId: "11000016002"'));
      expect(seen.map(({ severity, line, column, text }) => [severity, line, column, text])).toEqual([['error', 3, 3, 'name: Omsorgshuset ApS']]);
      expect(seen[0].message).toBe('Provider "Omsorgshuset ApS" has no CVR number (`cvr`).');
      expect(seen[0].action).toBe('Add the company\'s 8-digit CVR number, e.g. cvr: "29403473".');
      const [danish] = findingsOf(rule, withCvr('  sorId: "11000016002"'), { lang: 'da' });
      expect(danish.message).toBe('Leverandøren "Omsorgshuset ApS" har intet CVR-nummer (`cvr`).');
      expect(danish.action).toBe('Tilføj virksomhedens CVR-nummer på 8 cifre, fx cvr: "29403473".');
    });

    it.each(['  cvr:', '  cvr: ""', "  cvr: '  '", '  cvr: # udfyldes'])('reports an empty CVR number (%s) at its key', (line) => {
      const seen = findingsOf(rule, withCvr(line));
      expect(where(seen)).toEqual([[4, 3, 'cvr']]);
      expect(seen[0].message).toBe('Provider "Omsorgshuset ApS" has no CVR number (`cvr`).');
    });

    it.each([
      ['  cvr: "2940347"', '"2940347"'],
      ['  cvr: 294034730', '294034730'],
      ['  cvr: "2940 3473"', '"2940 3473"'],
      ['  cvr: DK29403473', 'DK29403473'],
    ])('reports %s as not 8 digits, at the value', (line, value) => {
      const seen = findingsOf(rule, withCvr(line));
      expect(where(seen)).toEqual([[4, 8, value]]);
      expect(seen[0].message).toBe(`The CVR number "${value.replace(/"/g, '')}" of "Omsorgshuset ApS" is not exactly 8 digits.`);
      expect(seen[0].action).toBe('Write the 8 digits without spaces, "DK" or anything in front.');
    });

    it('reports a number that fails the modulus-11 check (one digit off FORMAT.md\'s 29403473)', () => {
      const seen = findingsOf(rule, withCvr('  cvr: "29403472" # fra kontrakten'));
      expect(seen.map(({ severity, line, column, text }) => [severity, line, column, text])).toEqual([['error', 4, 8, '"29403472"']]);
      expect(seen[0].message).toBe('The CVR number "29403472" of "Omsorgshuset ApS" fails the modulus-11 check, so a digit is almost certainly wrong.');
      expect(seen[0].action).toBe('Look the company up in the CVR register (datacvr.virk.dk) and correct the number.');
      const [danish] = findingsOf(rule, withCvr('  cvr: "29403472"'), { lang: 'da' });
      expect(danish.message).toBe('CVR-nummeret "29403472" for "Omsorgshuset ApS" består ikke modulus 11-kontrollen, så et ciffer er næsten sikkert forkert.');
    });

    it('reports in JSON at the value, and at the name when cvr is missing', () => {
      const json = (cvr: string) => `{
  "provider": {
    "name": "Omsorgshuset ApS"${cvr}
  },
  "institutions": []
}
`;
      const options = { fileName: 'x.sor.json' };
      expect(where(findingsOf(rule, json(', "cvr": 29403474'), options))).toEqual([[3, 40, '29403474']]);
      expect(where(findingsOf(rule, json(''), options))).toEqual([[3, 5, '"name": "Omsorgshuset ApS"']]);
    });
  });

  group('valid', () => {
    it.each([
      ['a quoted valid number', withCvr('  cvr: "29403473"')],
      ['a plain valid number', withCvr('  cvr: 24256790')],
      ['a single-quoted valid number', withCvr("  cvr: '54562519'")],
      ['no provider in the document', 'institutions:\n  - name: Klinik Nord\n'],
      ['a provider cut short by a syntax error', 'provider:\n  name: [Omsorgshuset ApS\n'],
      ['a list where the number belongs (the schema reports it)', withCvr('  cvr: [29403473]')],
      ['a JSON number', '{ "provider": { "name": "Omsorgshuset ApS", "cvr": 29403473 } }'],
    ])('%s', (_name, text) => {
      expect(findingsOf(rule, text, { fileName: text.startsWith('{') ? 'x.sor.json' : 'x.sor.yaml' })).toEqual([]);
    });
  });

  it('reports its invalid documentation example and not its valid one', () => {
    const { invalid, valid } = exampleFindings(rule);
    expect(where(invalid)).toEqual([[3, 8, '"29403474"']]);
    expect(valid).toEqual([]);
  });
});
