import { describe, expect, it } from 'vitest';
import { legalBasisPending } from '../../server/src/rules/legal-basis-pending.js';
import { exampleFindings, findingsOf, lintText, providerYaml } from '../helpers/rule-tester.js';

const unit = (lines: string) => providerYaml(`  - name: Plejeboligerne Kastanjen
${lines}`);

describe('legal-basis-pending', () => {
  it('warns at the value of a new care unit under ældreboligloven, with no fix', () => {
    const text = unit('    unitType: plejeenhed\n    legalBasis: aeldreboligloven   # per the municipality\n');
    expect(findingsOf(legalBasisPending, text)).toEqual([
      {
        ruleId: 'legal-basis-pending',
        severity: 'warning',
        line: 7,
        column: 17,
        text: 'aeldreboligloven',
        message: 'New care unit "Plejeboligerne Kastanjen" (no SOR code) falls under ældreboligloven, and new SOR registrations under that law are on hold.',
        action: 'Wait with creating it in SOR, or correct `legalBasis` if another law applies.',
      },
    ]);
    const [da] = findingsOf(legalBasisPending, text, { lang: 'da' });
    expect([da.message, da.action]).toEqual([
      'Den nye plejeenhed "Plejeboligerne Kastanjen" (ingen SOR-kode) hører under ældreboligloven, og nye SOR-registreringer efter den lov er sat i bero.',
      'Vent med at oprette den i SOR, eller ret `legalBasis`, hvis en anden lov gælder.',
    ]);
    expect(lintText(text, { ruleSet: [legalBasisPending] }).findings[0].fixes).toEqual([]);
  });

  it('leaves alone a unit already in SOR, another law, a closed unit, and a unit that is not a care unit', () => {
    expect(findingsOf(legalBasisPending, unit('    sorId: "698481000016007"\n    unitType: plejeenhed\n    legalBasis: aeldreboligloven\n'))).toEqual([]);
    expect(findingsOf(legalBasisPending, unit('    unitType: plejeenhed\n    legalBasis: almenboligloven\n'))).toEqual([]);
    expect(findingsOf(legalBasisPending, unit('    unitType: plejeenhed\n    legalBasis: aeldreboligloven\n    toDate: 2026-01-01\n'))).toEqual([]);
    expect(findingsOf(legalBasisPending, unit('    unitType: afsnit\n    legalBasis: aeldreboligloven\n'))).toEqual([]);
    const { invalid, valid } = exampleFindings(legalBasisPending);
    expect([invalid.map((f) => f.text), valid]).toEqual([['aeldreboligloven'], []]);
  });

  it('reads JSON, and a quoted YAML value', () => {
    const json = `{"provider": {"name": "P"}, "institutions": [{"name": "K", "unitType": "plejeenhed", "legalBasis": "aeldreboligloven"}]}`;
    expect(findingsOf(legalBasisPending, json, { fileName: 'x.sor.json' }).map((f) => [f.line, f.column, f.text])).toEqual([[1, 100, '"aeldreboligloven"']]);
    expect(findingsOf(legalBasisPending, unit("    unitType: plejeenhed\n    legalBasis: 'aeldreboligloven'\n")).map((f) => f.text)).toEqual(["'aeldreboligloven'"]);
  });
});
