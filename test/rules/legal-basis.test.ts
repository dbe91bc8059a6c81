import { describe, expect, it } from 'vitest';
import { legalBasis } from '../../server/src/rules/legal-basis.js';
import { describe as describeFindings, exampleFindings, findingsOf, fixTitled, lintText, ownAndParseFindings, providerYaml } from '../helpers/rule-tester.js';

/** Every rule's findings, as after a fix: one mistake should give one finding. */
const describeAll = (text: string) => describeFindings(lintText(text));

const RULE = 'legal-basis';
const careUnit = (lines = '') => providerYaml(`  - name: Plejecenter Østervang
    unitType: plejeenhed
${lines}`);

describe('legal-basis', () => {
  it('accepts each of the four laws, and leaves other units and closed care units alone', () => {
    for (const value of ['aeldreloven', 'almenboligloven', 'aeldreboligloven', 'friplejeboligloven']) {
      expect(findingsOf(legalBasis, careUnit(`    legalBasis: ${value}\n`))).toEqual([]);
    }
    expect(findingsOf(legalBasis, providerYaml('  - name: Afsnit\n    unitType: afsnit\n'))).toEqual([]);
    expect(findingsOf(legalBasis, careUnit('    toDate: 2024-06-30\n'))).toEqual([]);
    const { invalid, valid } = exampleFindings(legalBasis);
    expect([invalid.length, valid.length]).toEqual([1, 0]);
  });

  it('warns at a value outside the four laws (the schema rule leaves it here), offering the four as replacements', () => {
    const text = careUnit('    legalBasis: serviceloven   # ask the municipality\n');
    const seen = describeAll(text).filter((f) => f.line === 7);
    expect(seen).toEqual([
      {
        ruleId: RULE,
        severity: 'warning',
        line: 7,
        column: 17,
        text: 'serviceloven',
        message: 'The legal basis (`legalBasis`) of care unit "Plejecenter Østervang" is `serviceloven`, not one of the four laws.',
        action: 'Use one of aeldreloven, almenboligloven, aeldreboligloven or friplejeboligloven.',
      },
    ]);
    expect(lintText(text, { ruleSet: [legalBasis] }).findings[0].fixes.map((fix) => fix.safe)).toEqual([false, false, false, false]);
    const fixed = fixTitled(legalBasis, text, /friplejeboligloven/);
    expect(fixed).toBe(text.replace('serviceloven', 'friplejeboligloven'));
    expect(ownAndParseFindings(RULE, fixed)).toEqual([]);
    expect(findingsOf(legalBasis, careUnit('    legalBasis: ""\n'))).toEqual([
      expect.objectContaining({ line: 7, column: 17, text: '""', message: 'The legal basis (`legalBasis`) of care unit "Plejecenter Østervang" is empty.' }),
    ]);
  });

  it('corrects a value only spelled differently with a safe fix, keeping its quotes', () => {
    const text = careUnit("    legalBasis: 'Ældreloven'\n");
    const fixes = lintText(text, { ruleSet: [legalBasis] }).findings[0].fixes;
    expect(fixes.map((fix) => [fix.title, fix.safe])[0]).toEqual(['Legal basis: ældreloven § 47 (plejehjem etc.)', true]);
    expect(fixes.filter((fix) => fix.safe)).toHaveLength(1);
    const fixed = fixTitled(legalBasis, text, /ældreloven §/);
    expect(fixed).toBe(text.replace("'Ældreloven'", "'aeldreloven'"));
    expect(ownAndParseFindings(RULE, fixed)).toEqual([]);
  });

  it('leaves a null value to the schema’s type check, and a closed care unit alone', () => {
    expect(findingsOf(legalBasis, careUnit('    legalBasis:\n'))).toEqual([]);
    expect(findingsOf(legalBasis, careUnit('    legalBasis: serviceloven\n    toDate: 2020-01-01\n'))).toEqual([]);
  });

  it('warns at the name of a care unit without one, in English and Danish', () => {
    const text = providerYaml(`  - name: Omsorgshuset Nord
    units:
      - name: Plejecenter Østervang
        unitType: PLEJEENHED
`);
    expect(findingsOf(legalBasis, text)).toEqual([
      {
        ruleId: RULE,
        severity: 'warning',
        line: 7,
        column: 9,
        text: 'name: Plejecenter Østervang',
        message: 'Care unit "Plejecenter Østervang" has no legal basis (`legalBasis`).',
        action: 'Add `legalBasis`: aeldreloven, almenboligloven, aeldreboligloven or friplejeboligloven.',
      },
    ]);
    const [da] = findingsOf(legalBasis, text, { lang: 'da' });
    expect([da.message, da.action]).toEqual([
      'Plejeenheden "Plejecenter Østervang" har intet retsgrundlag (`legalBasis`).',
      'Tilføj `legalBasis`: aeldreloven, almenboligloven, aeldreboligloven eller friplejeboligloven.',
    ]);
  });

  it('offers the four laws as suggestions, titled with the law', () => {
    const finding = lintText(careUnit(), { ruleSet: [legalBasis] }).findings[0];
    expect(finding.fixes.map((fix) => [fix.title, fix.safe])).toEqual([
      ['Legal basis: ældreloven § 47 (plejehjem etc.)', false],
      ['Legal basis: almenboligloven (plejeboliger, social housing)', false],
      ['Legal basis: ældreboligloven § 17 (plejeboliger)', false],
      ['Legal basis: friplejeboligloven (friplejeboliger)', false],
    ]);
  });

  it('inserts the chosen value after the unit type, above the sub-units; the warning is gone', () => {
    const text = careUnit(`    email: kontakt@oestervang.dk   # shared inbox
    units:
      - name: Afsnit Birken
        unitType: afsnit
`);
    for (const [title, value] of [
      [/ældreloven §/, 'aeldreloven'],
      [/almenboligloven/, 'almenboligloven'],
      [/ældreboligloven/, 'aeldreboligloven'],
      [/friplejeboligloven/, 'friplejeboligloven'],
    ] as const) {
      const fixed = fixTitled(legalBasis, text, title);
      expect(fixed).toBe(text.replace('    unitType: plejeenhed\n', `    unitType: plejeenhed\n    legalBasis: ${value}\n`));
      expect(ownAndParseFindings(RULE, fixed)).toEqual([]);
      // The unit is new (no sorId): choosing ældreboligloven brings the guidance's hold on new registrations to light.
      expect(describeAll(fixed).some((f) => f.ruleId === 'legal-basis-pending')).toBe(value === 'aeldreboligloven');
    }
  });

  it('keeps CRLF, and writes JSON', () => {
    const crlf = careUnit('    units: []\n').replace(/\n/g, '\r\n');
    const fixedCrlf = fixTitled(legalBasis, crlf, /friplejeboligloven/);
    expect(fixedCrlf).toBe(crlf.replace('plejeenhed\r\n', 'plejeenhed\r\n    legalBasis: friplejeboligloven\r\n'));
    expect(ownAndParseFindings(RULE, fixedCrlf)).toEqual([]);

    const json = `{
  "provider": { "name": "Omsorgshuset ApS" },
  "institutions": [
    {
      "name": "Plejecenter Østervang",
      "unitType": "plejeenhed",
      "units": []
    }
  ]
}`;
    const options = { fileName: 'x.sor.json' };
    expect(findingsOf(legalBasis, json, options).map((f) => [f.line, f.column, f.text])).toEqual([[5, 7, '"name": "Plejecenter Østervang"']]);
    const fixedJson = fixTitled(legalBasis, json, /almenboligloven/, options);
    expect(fixedJson).toBe(json.replace('"plejeenhed",', '"plejeenhed",\n      "legalBasis": "almenboligloven",'));
    expect(ownAndParseFindings(RULE, fixedJson, options)).toEqual([]);
  });
});
