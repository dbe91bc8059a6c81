// The rule pages and the README table are generated from the rule modules (npm run docs);
// this fails when a rule changed and its documentation was not regenerated.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleDocUrl } from '../server/src/core/docs.js';
import { allRules } from '../server/src/rules/index.js';
import { renderRuleDoc, withRuleTable } from '../scripts/rule-docs.js';

describe('rule documentation', () => {
  it.each(allRules.map((rule) => [rule.id, rule] as const))('docs/rules/%s.md is current', (id, rule) => {
    expect(readFileSync(`docs/rules/${id}.md`, 'utf8')).toBe(renderRuleDoc(rule));
    expect(ruleDocUrl(id)).toMatch(new RegExp(`/docs/rules/${id}\\.md$`));
  });

  it('the README rule table is current', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(withRuleTable(readme, allRules)).toBe(readme);
  });

  it('every rule documents itself in both languages', () => {
    for (const rule of allRules) {
      for (const text of [rule.docs.summary, rule.docs.rationale, rule.docs.remedy]) {
        expect(text.da.length, `${rule.id} Danish`).toBeGreaterThan(10);
        expect(text.en.length, `${rule.id} English`).toBeGreaterThan(10);
        expect(text.da, `${rule.id} is translated`).not.toBe(text.en);
      }
      expect(rule.docs.source.length, `${rule.id} source`).toBeGreaterThan(3);
    }
  });
});
