// Issue 9, item 20: "the file" is every document of a YAML stream (RULES.md), so a SOR code that
// units in two documents share is reported at both ends, each pointing at the other.
import { describe, expect, it } from 'vitest';
import { sorCode } from '../../server/src/rules/sor-code.js';
import { findingsOf, lintText, relatedOf } from '../helpers/rule-tester.js';

const stream = `provider:
  name: Omsorgshuset ApS
  cvr: "29403473"
institutions:
  - name: Plejecenter Østervang
    sorId: "698481000016007"
    unitType: plejeenhed
---
provider:
  name: Birkely ApS
  cvr: "29403473"
institutions:
  - name: Plejecenter Birkely
    sorId: "698481000016007"
    unitType: plejeenhed
  - name: Afsnit Ask
    sorId: "11000016002"
---
provider:
  name: Tredje ApS
institutions:
  - name: Afsnit Ask igen
    sorId: "11000016002"
`;

describe('sor-code across the documents of a YAML stream', () => {
  it('reports a code shared by units in different documents at both ends, naming the other document', () => {
    const result = lintText(stream, { ruleSet: [sorCode] });
    const seen = findingsOf(sorCode, stream);
    expect(seen.map((f) => [f.line, f.text])).toEqual([
      [6, '"698481000016007"'],
      [14, '"698481000016007"'],
      [17, '"11000016002"'],
      [23, '"11000016002"'],
    ]);
    expect(seen[0].message).toMatch(/^The SOR code "698481000016007" of "[^"]+" is also used by "Plejecenter Birkely" \(document 2\) in this file\.$/);
    expect(seen[1].message).toMatch(/^The SOR code "698481000016007" of "[^"]+" is also used by "Plejecenter Østervang" \(document 1\) in this file\.$/);
    expect(seen[3].message).toMatch(/^The SOR code "11000016002" of "[^"]+" is also used by "Afsnit Ask" \(document 2\) in this file\.$/);
    const findings = result.findings.filter((f) => f.ruleId === 'sor-code');
    expect(relatedOf(result, findings[0])).toEqual([{ line: 14, column: 12, text: '"698481000016007"', message: 'The same SOR code on "Plejecenter Birkely" (document 2)' }]);
    expect(relatedOf(result, findings[1])).toEqual([{ line: 6, column: 12, text: '"698481000016007"', message: 'The same SOR code on "Plejecenter Østervang" (document 1)' }]);
  });

  it('names the document in Danish too', () => {
    const [first] = findingsOf(sorCode, stream, { lang: 'da' });
    expect(first.message).toMatch(/^SOR-koden "698481000016007" for "[^"]+" bruges også af "Plejecenter Birkely" \(dokument 2\) i denne fil\.$/);
  });

  it('names no document when the units share one', () => {
    const one = stream.replace('---\nprovider:\n  name: Birkely ApS\n  cvr: "29403473"\ninstitutions:\n', '');
    const seen = findingsOf(sorCode, one);
    expect(seen[0].message).toMatch(/^The SOR code "698481000016007" of "[^"]+" is also used by "Plejecenter Birkely" in this file\.$/);
  });

  it('is no conflict for one provider (CVR) split over documents: each repeats its own code', () => {
    const provider = (cvr: string, unit: string, code: string) =>
      `provider:\n  name: Omsorgshuset ApS\n  cvr: "${cvr}"\n  sorId: "698481000016007"\ninstitutions:\n  - name: ${unit}\n    sorId: "${code}"\n`;
    const split = provider('29403473', 'Plejecenter Østervang', '21000016006') + '---\n' + provider('29403473', 'Plejecenter Birkely', '11000016002');
    expect(findingsOf(sorCode, split)).toEqual([]);
    const two = split.replace(/29403473(?![\s\S]*29403473)/, '12345674');
    expect(findingsOf(sorCode, two).map((f) => [f.line, f.message])).toEqual([
      [4, 'The SOR code "698481000016007" of "Omsorgshuset ApS" is also used by "Omsorgshuset ApS" (document 2) in this file.'],
      [12, 'The SOR code "698481000016007" of "Omsorgshuset ApS" is also used by "Omsorgshuset ApS" (document 1) in this file.'],
    ]);
  });
});
