// Issue 10: "median message length on the examples ≤ 140 characters in both languages". The
// figure itself: npm run build && node bench/message-length.mjs
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../helpers/rule-tester.js';

const EXAMPLES = join(__dirname, '..', '..', 'examples');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

describe('message length on the examples', () => {
  it.each(['en', 'da'] as const)('has a median of at most 140 characters in %s, and every finding an action', (lang) => {
    const findings = readdirSync(EXAMPLES).flatMap((name) => lintText(readFileSync(join(EXAMPLES, name), 'utf8'), { fileName: name, lang }).findings);
    expect(findings.length).toBeGreaterThan(10);
    expect(median(findings.map((f) => [...f.message].length))).toBeLessThanOrEqual(140);
    expect(findings.filter((f) => !f.action).map((f) => f.ruleId)).toEqual([]);
  });
});
