import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/core/edits.js';
import { lint } from '../../server/src/core/lint.js';
import { oneLineProvider } from '../helpers/large-providers.js';

// 10,000 care units on one line (1.7 MB). Finding a line's start by scanning back from each
// fix's place made this quadratic: the lint took minutes. No time is asserted; the test only has
// to end within vitest's timeout.
describe('a file written on one line', () => {
  it('lints, and every fix the editor offers with its diagnostics is computed and applies', () => {
    const text = oneLineProvider(10_000);
    const result = lint(text, { fileName: 'one-line.sor.yaml', today: '2026-11-26' });
    const notes = result.findings.filter((finding) => finding.ruleId === 'careunit-contact-missing');
    expect(notes).toHaveLength(40_000);
    // The editor's diagnostics carry every fix's edits.
    const edits = result.findings.flatMap((finding) => finding.fixes.map((fix) => fix.edits(text)));
    expect(edits).toHaveLength(result.findings.reduce((count, finding) => count + finding.fixes.length, 0));
    const phone = notes.filter((finding) => finding.message.includes('no phone number')).at(-1)!;
    const fixed = applyEdits(text, phone.fixes[0].edits(text));
    expect(fixed.endsWith('{name: Plejecenter 10000, unitType: plejeenhed, legalBasis: aeldreloven, visitingAddress: {street: Østervangsvej, houseNumber: "11", postalCode: "8000", city: Aarhus C}, phone: ""}]\n')).toBe(true);
  });
});
