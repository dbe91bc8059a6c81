// Issue 9, item 23: --fix, fix-all and fix-on-save apply only safe fixes, and a safe fix changes a
// value's form, never its meaning (RULES.md "Fixes"). Every safe fix every rule offers on the
// examples, the rules' documentation examples and a file of typical mistakes is checked here: the
// value it writes, reduced to its meaning, is the value that was there.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../server/src/rules/index.js';
import { lintText, providerYaml } from '../helpers/rule-tester.js';

const EXAMPLES = join(__dirname, '..', '..', 'examples');

const MISTAKES = providerYaml(
  `  - name: Plejecenter Østervang
    unitType: plejeenhed
    legalBasis: Ældreloven
    wesbite: https://oestervang.dk
    phone: 86-12-34-56
    email: " kontakt@oestervang.dk "
    sorId: 698481000016007
    postalAddress: { street: Østervangsvej, houseNumber: 12, postalCode: 8000, city: Århus }
  - name: Afsnit Birken
    unitType: afsnit
    legalBasis: friplejeboliglov
    website: oestervang.dk/birken
    visitingAddress: { street: Vej, houseNumber: "1", postalCode: "2800", city: Lyngby }
`,
).replace('cvr: "29403473"', 'cvr: 29403473');

/** A value reduced to what it means: no quotes, spacing, separators, case, `https://` or Danish letters spelled out. */
function meaning(text: string): string {
  return text
    .replace(/^["']|["']$/g, '')
    .toLowerCase()
    .replace(/^https:\/\//, '')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/[\s.\-/()]/g, '');
}

function corpus(): [string, string][] {
  const examples = readdirSync(EXAMPLES).map((name): [string, string] => [name, readFileSync(join(EXAMPLES, name), 'utf8')]);
  const docs = allRules.map((rule): [string, string] => [`${rule.id}.sor.yaml`, rule.docs.invalidExample]);
  return [...examples, ...docs, ['mistakes.sor.yaml', MISTAKES]];
}

describe('safe fixes change a value’s form, never its meaning', () => {
  it.each(corpus())('%s', (fileName, text) => {
    const result = lintText(text, { fileName });
    const safe = result.findings.flatMap((finding) => finding.fixes.filter((fix) => fix.safe).map((fix) => ({ ruleId: finding.ruleId, fix })));
    for (const { ruleId, fix } of safe) {
      for (const edit of fix.edits(result.text)) {
        const before = result.text.slice(edit.start, edit.end);
        expect(meaning(edit.newText), `${ruleId}: ${fix.title}`).toBe(meaning(before));
      }
    }
  });

  it('finds safe fixes to check, and offers the guesses in the file of mistakes only as suggestions', () => {
    const result = lintText(MISTAKES, { fileName: 'mistakes.sor.yaml' });
    const fixes = result.findings.flatMap((finding) => finding.fixes.map((fix) => [finding.ruleId, fix.title, fix.safe] as const));
    expect(fixes.filter(([, , safe]) => safe).map(([ruleId]) => ruleId).sort()).toEqual([
      'contact-format',
      'contact-format',
      'contact-format',
      'legal-basis',
      'schema',
      'schema',
      'schema',
      'schema',
    ]);
    expect(fixes).toContainEqual(['schema', 'Rename `wesbite` to `website`', false]);
    expect(fixes).toContainEqual(['address-format', 'Write the city "Aarhus C"', false]);
    expect(fixes).toContainEqual(['address-format', 'Write the city "Kgs. Lyngby"', false]);
    expect(fixes).toContainEqual(['schema', 'Change to `friplejeboligloven`', false]);
  });
});
