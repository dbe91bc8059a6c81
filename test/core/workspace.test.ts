// The workspace index as a face drives it (core/workspace.ts): files added, replaced and removed one
// at a time, each file's findings across files asked of it, and the partners to update named.
import { describe, expect, it } from 'vitest';
import type { LintResult } from '../../server/src/core/lint.js';
import { factsOf, WorkspaceIndex } from '../../server/src/core/workspace.js';
import { describe as seen, lintText, relatedOf, TODAY } from '../helpers/rule-tester.js';

const file = (cvr: string, units: string, providerCode = '698481000016007') =>
  `provider:\n  name: Omsorgshuset ApS\n  cvr: "${cvr}"\n  sorId: "${providerCode}"\ninstitutions:\n${units}`;
const unit = (name: string, code: string, type = 'afsnit') => `  - name: ${name}\n    sorId: "${code}"\n    unitType: ${type}\n`;

const across = (index: WorkspaceIndex, name: string, result: LintResult, lang: 'da' | 'en' = 'en') =>
  seen({ ...result, findings: index.findingsOf(name, result, lang) })
    .filter((f) => f.ruleId === 'sor-code' || f.ruleId === 'no-careunit')
    .map((f) => `${f.ruleId}@${f.line}:${f.column} ${f.message}`);

describe('WorkspaceIndex', () => {
  const a = lintText(file('29403473', unit('Plejecenter Østervang', '21000016006', 'plejeenhed')));
  const b = lintText(file('12345674', unit('Plejecenter Birkely', '21000016006', 'plejeenhed'), '31000016008'));
  const bFixed = lintText(file('12345674', unit('Plejecenter Birkely', '11000016002', 'plejeenhed'), '31000016008'));

  it('reports a code shared with another file on each side, naming it, with a related location in it', () => {
    const index = new WorkspaceIndex();
    expect(index.set('file:///w/a.sor.yaml', 'a.sor.yaml', factsOf(a, TODAY))).toEqual([]);
    expect(index.set('file:///w/b.sor.yaml', 'b.sor.yaml', factsOf(b, TODAY))).toEqual(['file:///w/a.sor.yaml']);
    expect(across(index, 'file:///w/a.sor.yaml', a)).toEqual(['sor-code@7:12 The SOR code "21000016006" of "Plejecenter Østervang" is also used by "Plejecenter Birkely" in b.sor.yaml.']);
    expect(across(index, 'file:///w/b.sor.yaml', b, 'da')).toEqual(['sor-code@7:12 SOR-koden "21000016006" for "Plejecenter Birkely" bruges også af "Plejecenter Østervang" i a.sor.yaml.']);
    const [finding] = index.findingsOf('file:///w/a.sor.yaml', a, 'en').filter((f) => f.ruleId === 'sor-code');
    expect(finding.related).toEqual([
      {
        span: finding.related[0].span,
        message: 'The same SOR code on "Plejecenter Birkely" in b.sor.yaml',
        file: { name: 'file:///w/b.sor.yaml', start: { line: 6, character: 11 }, end: { line: 6, character: 24 } },
      },
    ]);
    // The span is an offset into b's text: it covers b's code.
    expect(relatedOf(b, finding)[0].text).toBe('"21000016006"');
    expect(index.hasFindingsAcross('file:///w/a.sor.yaml')).toBe(true);
  });

  it('replaces a file: the conflict goes, and the partner it had is named for an update', () => {
    const index = new WorkspaceIndex();
    index.set('a', 'a.sor.yaml', factsOf(a, TODAY));
    index.set('b', 'b.sor.yaml', factsOf(b, TODAY));
    expect(index.set('b', 'b.sor.yaml', factsOf(bFixed, TODAY))).toEqual(['a']);
    expect(across(index, 'a', a)).toEqual([]);
    expect(index.hasFindingsAcross('a')).toBe(false);
    expect(index.set('b', 'b.sor.yaml', factsOf(b, TODAY))).toEqual(['a']);
    expect(across(index, 'a', a)).toHaveLength(1);
  });

  it('removes a file: its conflicts go with it, and a file it never knew keeps its own findings', () => {
    const index = new WorkspaceIndex();
    index.set('a', 'a.sor.yaml', factsOf(a, TODAY));
    index.set('b', 'b.sor.yaml', factsOf(b, TODAY));
    expect(index.delete('b')).toEqual(['a']);
    expect(index.has('b')).toBe(false);
    expect(index.size).toBe(1);
    expect(across(index, 'a', a)).toEqual([]);
    expect(index.delete('b')).toEqual([]);
    expect(index.findingsOf('elsewhere', b, 'en')).toBe(b.findings);
  });

  it("is one provider for no-careunit: the care unit in another file withdraws it, until that file goes", () => {
    const homes = lintText(file('29403473', unit('Plejehjemmet Solgården', '41000016001', 'klinik')));
    const care = lintText(file('29403473', unit('Plejecenter Østervang', '21000016006', 'plejeenhed')));
    const index = new WorkspaceIndex();
    index.set('homes', 'homes.sor.yaml', factsOf(homes, TODAY));
    expect(across(index, 'homes', homes)).toEqual(['no-careunit@2:3 Provider "Omsorgshuset ApS" has no open unit of type plejeenhed, so plejeoverblikket shows nothing of it.']);
    // Same CVR: one provider, so its own code in both files is no conflict either.
    expect(index.set('care', 'care.sor.yaml', factsOf(care, TODAY))).toEqual(['homes']);
    expect(across(index, 'homes', homes)).toEqual([]);
    expect(across(index, 'care', care)).toEqual([]);
    expect(index.delete('care')).toEqual(['homes']);
    expect(across(index, 'homes', homes)).toHaveLength(1);
  });

  it("applies the file's own configuration and suppressions to what it reports across files", () => {
    const index = new WorkspaceIndex();
    const quiet = lintText(file('29403473', unit('Plejecenter Østervang', '21000016006', 'plejeenhed')), { rules: { 'sor-code': 'off' } });
    const suppressed = lintText(file('29403473', unit('Plejecenter Østervang', '21000016006', 'plejeenhed').replace('    sorId', '    # sor-lint-disable-next-line sor-code\n    sorId')));
    index.set('a', 'a.sor.yaml', factsOf(quiet, TODAY));
    index.set('b', 'b.sor.yaml', factsOf(b, TODAY));
    expect(across(index, 'a', quiet)).toEqual([]);
    expect(across(index, 'b', b)).toHaveLength(1);
    index.set('a', 'a.sor.yaml', factsOf(suppressed, TODAY));
    expect(across(index, 'a', suppressed)).toEqual([]);
    expect(suppressed.directives[0].used).toBe(true);
  });

  it('names three of many files sharing a code and relates ten, counting the rest', () => {
    const index = new WorkspaceIndex();
    const copies = Array.from({ length: 13 }, (_, i) => lintText(file(i % 2 ? '29403473' : '12345674', unit(`Afsnit ${i}`, '21000016006'), `${i + 1}1000016`)));
    copies.forEach((copy, i) => index.set(`f${i}`, `f${i}.sor.yaml`, factsOf(copy, TODAY)));
    const [finding] = index.findingsOf('f0', copies[0], 'en').filter((f) => f.ruleId === 'sor-code' && f.span.start === copies[0].text.indexOf('"21000016006"'));
    expect(finding.message).toBe('The SOR code "21000016006" of "Afsnit 0" is also used by "Afsnit 1" in f1.sor.yaml, "Afsnit 2" in f2.sor.yaml, "Afsnit 3" in f3.sor.yaml and 9 more.');
    expect(finding.related.map((r) => r.file?.name)).toEqual(['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8', 'f9', 'f10']);
  });

  it('keeps plain data: facts survive JSON (the command caches them)', () => {
    const facts = factsOf(a, TODAY);
    expect(JSON.parse(JSON.stringify(facts))).toEqual(facts);
    expect(facts.codes.map((c) => c.code)).toEqual(['698481000016007', '21000016006']);
    expect(facts.providers).toEqual([{ cvr: '29403473', careUnit: true, span: facts.providers[0].span }]);
  });
});
