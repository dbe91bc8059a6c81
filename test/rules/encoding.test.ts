import { describe as group, expect, it } from 'vitest';
import { encoding as rule } from '../../server/src/rules/encoding.js';
import { exampleFindings, findingsOf } from '../helpers/rule-tester.js';

const where = (seen: { line: number; column: number; text: string }[]) => seen.map(({ line, column, text }) => [line, column, text]);

const file = (name: string) => `# Omsorgshuset
provider:
  name: Omsorgshuset ApS
  cvr: "29403473"
institutions:
  - name: ${name}
    unitType: plejeenhed
`;

group('encoding', () => {
  group('invalid', () => {
    it('reports the first run of replacement characters, counting them all', () => {
      const seen = findingsOf(rule, file('Plejecenter \uFFFD\uFFFDstervang, B\uFFFDrum'));
      expect(where(seen)).toEqual([[6, 23, '\uFFFD\uFFFD']]);
      expect(seen[0].severity).toBe('error');
      expect(seen[0].message).toContain('3 characters cannot be read (shown as �); it looks like Windows-1252.');
    });

    it('reports one replacement character in a comment above everything, in Danish too', () => {
      const text = '# \uFFFDstervang\n' + file('Plejecenter Østervang');
      expect(where(findingsOf(rule, text))).toEqual([[1, 3, '\uFFFD']]);
      expect(findingsOf(rule, text, { lang: 'da' })[0].message).toContain('Filen er ikke gyldig UTF-8: 1 tegn kan ikke læses');
      expect(findingsOf(rule, text)[0].message).toContain('1 character cannot be read');
    });

    it('reports once in a stream of documents, in the document that holds it', () => {
      const text = `${file('Klinik Nord')}---\n${file('Klinik S\uFFFDd')}---\n${file('Klinik Vest')}`;
      expect(where(findingsOf(rule, text))).toEqual([[14, 19, '\uFFFD']]);
      const between = `${file('Klinik Nord')}# S\uFFFDd\n---\n${file('Klinik Syd')}`;
      expect(where(findingsOf(rule, between))).toEqual([[8, 4, '\uFFFD']]);
      const marked = `# top\n---\n${file('Klinik \uFFFDst')}---\n${file('Klinik Syd')}`;
      expect(where(findingsOf(rule, marked))).toEqual([[8, 18, '\uFFFD']]);
    });

    it('reports in JSON', () => {
      expect(where(findingsOf(rule, '{ "provider": { "name": "Omsorgshuset \uFFFD" } }', { fileName: 'x.sor.json' }))).toEqual([[1, 39, '\uFFFD']]);
    });
  });

  group('valid', () => {
    it.each([
      ['Danish letters in UTF-8', file('Plejecenter Østervang, Bæk og Å')],
      ['an empty file', ''],
    ])('%s', (_name, text) => {
      expect(findingsOf(rule, text)).toEqual([]);
    });
  });

  it('reports its invalid documentation example and not its valid one', () => {
    const { invalid, valid } = exampleFindings(rule);
    expect(where(invalid)).toEqual([[5, 23, '\uFFFD']]);
    expect(valid).toEqual([]);
  });
});
