import { describe, expect, it } from 'vitest';
import { unknownDirective } from '../../server/src/rules/unknown-directive.js';
import { describe as seen, exampleFindings, findingsOf, fixOnce, lintText, providerYaml } from '../helpers/rule-tester.js';

const retype = (comment: string) =>
  providerYaml(`  - name: Dagcentret Solsikken
    ${comment}
    unitType: plejehjem
    visitingAddress: { street: Solvej, houseNumber: "3", postalCode: "8000", city: Aarhus C }
`);

describe('unknown-directive', () => {
  it('a misspelt rule id: a warning on the id naming the close one, the finding it meant stays, and a suggestion renames it', () => {
    const text = retype('# sor-lint-disable-next-line plejehjem-retyp -- a day centre, not a care unit');
    expect(findingsOf(unknownDirective, text)).toEqual([
      {
        ruleId: 'unknown-directive',
        severity: 'warning',
        line: 6,
        column: 34,
        text: 'plejehjem-retyp',
        message: 'The comment names `plejehjem-retyp`, which is not a sor-lint rule.',
        action: 'Write `plejehjem-retype` if that is the rule meant; otherwise the comment silences nothing.',
      },
    ]);
    expect(findingsOf(unknownDirective, text, { lang: 'da' })[0]).toMatchObject({
      message: 'Kommentaren nævner `plejehjem-retyp`, som ikke er en regel i sor-lint.',
      action: 'Skriv `plejehjem-retype`, hvis det er den, der menes; ellers slår kommentaren intet fra.',
    });
    // Before this rule the comment was silently ignored; the finding it was written for is still shown.
    expect(seen(lintText(text)).map((f) => f.ruleId)).toContain('plejehjem-retype');
    const [fix] = lintText(text, { ruleSet: [unknownDirective] }).findings[0].fixes;
    expect(fix).toMatchObject({ title: 'Rename `plejehjem-retyp` to `plejehjem-retype`', safe: false });
    const fixed = fixOnce(unknownDirective, text);
    expect(fixed).toBe(text.replace('plejehjem-retyp ', 'plejehjem-retype '));
    expect(seen(lintText(fixed)).map((f) => f.ruleId)).not.toContain('plejehjem-retype');
    expect(findingsOf(unknownDirective, fixed)).toEqual([]);
  });

  it('an id like no rule: the warning without a guess, and no fix', () => {
    const text = retype('# sor-lint-disable-next-line frobnicate, plejehjem-retype');
    const result = lintText(text, { ruleSet: [unknownDirective] });
    expect(seen(result)).toMatchObject([{ line: 6, column: 34, text: 'frobnicate', message: 'The comment names `frobnicate`, which is not a sor-lint rule.', action: 'Use a rule id from the documentation, or remove it.' }]);
    expect(result.findings[0].fixes).toEqual([]);
  });

  it('no rule id: a warning on the comment, which it does not silence itself; a block comment too', () => {
    const text = retype('# sor-lint-disable-next-line');
    expect(findingsOf(unknownDirective, text)).toMatchObject([
      { line: 6, column: 5, text: '# sor-lint-disable-next-line', message: 'The comment names no rule, so it silences every rule on the next line.', action: 'Name the rules it is for, such as `plejehjem-retype`.' },
    ]);
    const block = retype('# sor-lint-disable');
    expect(findingsOf(unknownDirective, block, { only: false })).toMatchObject([{ line: 6, text: '# sor-lint-disable', message: expect.stringContaining('silences every rule from here on') }]);
    expect(findingsOf(unknownDirective, block, { lang: 'da' })[0]).toMatchObject({
      message: 'Kommentaren nævner ingen regel, så alle regler er slået fra herfra og frem.',
      action: 'Skriv de regler, den gælder, fx `plejehjem-retype`.',
    });
  });

  it('leaves alone comments that name known rules, `enable` without ids, and a `#` inside a value', () => {
    expect(findingsOf(unknownDirective, retype('# sor-lint-disable-next-line plejehjem-retype, schema -- a day centre'))).toEqual([]);
    expect(findingsOf(unknownDirective, retype('# sor-lint-enable'))).toEqual([]);
    expect(findingsOf(unknownDirective, providerYaml('  - name: "Solsikken # sor-lint-disable-next-line nope"\n'))).toEqual([]);
    const { invalid, valid } = exampleFindings(unknownDirective);
    expect([invalid.map((f) => f.text), valid]).toEqual([['plejehjem-retyp'], []]);
  });

  it('a suppression comment can turn it off like any rule', () => {
    const text = retype('# sor-lint-disable-next-line plejehjem-retyp');
    const silenced = text.replace('    # sor-lint-disable-next-line plejehjem-retyp', '    # sor-lint-disable-next-line unknown-directive\n    # sor-lint-disable-next-line plejehjem-retyp');
    expect(findingsOf(unknownDirective, silenced)).toEqual([]);
    expect(findingsOf(unknownDirective, text, { rules: { 'unknown-directive': 'off' } })).toEqual([]);
  });
});
