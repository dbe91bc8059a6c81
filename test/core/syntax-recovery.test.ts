// Issue 9, item 19: a syntax error inside one list item discarded the whole list and invented
// "institutions must be a list … but is empty". Items before the error keep their findings, so do
// those after it where reading resumes, and nothing the error cut short is a finding.
import { describe, expect, it } from 'vitest';
import { describe as described, lintText } from '../helpers/rule-tester.js';

const before = `provider:
  name: Omsorgshuset ApS
  cvr: "29403473"
institutions:
  - name: Plejecenter Østervang
    unitType: afsnit
    phone: "12"
  - name: Plejecenter Birkely
    unitType: afsnit
`;
const after = `  - name: Plejecenter Efter
    unitType: afsnit
    phone: "34"
`;

/**
 * The broken item is a care unit with none of its contact fields: a rule asking for them must stay
 * quiet. `line` is where the mistake is; `resumes` whether the `yaml` package reads the next item.
 */
const broken: Record<string, { item: string; line: number; resumes: boolean }> = {
  'a nested mapping in a value': { item: '  - name: Plejecenter Brud\n    unitType: plejeenhed\n    website: https://brud.dk: bad\n', line: 12, resumes: true },
  'an unclosed quote': { item: '  - name: "Plejecenter Brud\n    unitType: plejeenhed\n    email: ikke-en-adresse\n', line: 10, resumes: true },
  'a key indented one space short': { item: '  - name: Plejecenter Brud\n   unitType: plejeenhed\n    email: ikke-en-adresse\n', line: 11, resumes: true },
  // The package reads what follows a tab as one long key: nothing after it can be trusted.
  'a tab as indentation': { item: '  - name: Plejecenter Brud\n\tunitType: plejeenhed\n', line: 11, resumes: false },
};

describe('a syntax error inside one list item', () => {
  it.each(Object.entries(broken))('%s: the items around it keep their findings, and it invents none', (_what, { item, line, resumes }) => {
    const text = before + item + after;
    const seen = described(lintText(text, { fileName: 'p.sor.yaml' }));
    expect(seen.filter((f) => f.ruleId === 'parse').map((f) => [f.line, f.message.slice(0, 19)])).toEqual([[line, 'YAML syntax error: ']]);
    const phones = seen.filter((f) => f.ruleId === 'contact-format' && f.text.startsWith('"'));
    const afterPhone = [text.split('\n').indexOf('    phone: "34"') + 1, '"34"'];
    expect(phones.map((f) => [f.line, f.text])).toEqual([[7, '"12"'], ...(resumes ? [afterPhone] : [])]);
    expect(seen.filter((f) => f.ruleId === 'schema')).toEqual([]);
    expect(seen.filter((f) => f.ruleId === 'careunit-contact-missing' || f.ruleId === 'legal-basis')).toEqual([]);
  });

  it('reads on at the next key of the broken item where the package resumes there', () => {
    const text = before + broken['an unclosed quote'].item + after;
    const seen = described(lintText(text, { fileName: 'p.sor.yaml' }));
    expect(seen.filter((f) => f.ruleId === 'contact-format' && f.text === 'ikke-en-adresse').map((f) => f.line)).toEqual([12]);
  });

  it('reports no "must be a list … but is empty" for the list around the error', () => {
    const text = before + broken['a nested mapping in a value'].item + after;
    const messages = described(lintText(text, { fileName: 'p.sor.yaml' })).map((f) => f.message);
    expect(messages.filter((m) => m.includes('must be a list'))).toEqual([]);
  });

  it.each(Object.entries(broken))('%s in a document over 1 MB: js-yaml\'s reading up to the error, inventing nothing', (_what, { item }) => {
    // Re-reading costs ten times js-yaml's parse: a big document keeps what js-yaml read before the error.
    const padding = `x-padding: |\n${'  padding line\n'.repeat(80_000)}`;
    const text = padding + before + item + after;
    const seen = described(lintText(text, { fileName: 'p.sor.yaml' }));
    expect(seen.filter((f) => f.ruleId === 'parse')).toHaveLength(1);
    expect(seen.filter((f) => f.ruleId === 'contact-format' && f.text === '"12"')).toHaveLength(1);
    expect(seen.filter((f) => !['parse', 'contact-format'].includes(f.ruleId))).toEqual([]);
  });

  it('still reads the next document of a stream', () => {
    const text = `${before}${broken['a tab as indentation'].item}---\nprovider:\n  name: Anden ApS\n  cvr: "29403473"\n  phone: "56"\n`;
    const seen = described(lintText(text, { fileName: 'p.sor.yaml' }));
    expect(seen.filter((f) => f.ruleId === 'contact-format').map((f) => f.text)).toEqual(['"12"', '"56"']);
  });

  it('expands a merge key in the items before it, as a file without the error does', () => {
    // Each reader makes its own mappings; the one that re-reads a broken document must mark a `<<` as every reader does.
    const merged = `provider:
  name: Omsorgshuset ApS
  cvr: "29403473"
institutions:
  - &fælles
    name: Plejecenter Østervang
    unitType: afsnit
    phone: "12"
  - <<: *fælles
    name: Plejecenter Birkely
`;
    const phones = (text: string) => described(lintText(text, { fileName: 'p.sor.yaml' })).filter((f) => f.ruleId === 'contact-format').map((f) => [f.line, f.message.slice(0, 55)]);
    const expected = [
      [8, 'The phone number "12" of "Plejecenter Østervang" does n'],
      [8, 'The phone number "12" of "Plejecenter Birkely" does not'],
    ];
    expect(phones(merged)).toEqual(expected);
    expect(phones(merged + broken['an unclosed quote'].item)).toEqual(expected);
  });
});
