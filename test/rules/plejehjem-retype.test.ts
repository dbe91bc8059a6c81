import { describe as group, expect, it } from 'vitest';
import type { Finding } from '../../server/src/core/finding.js';
import type { LintOptions } from '../../server/src/core/lint.js';
import { plejehjemRetype as rule } from '../../server/src/rules/plejehjem-retype.js';
import { applyFix, exampleFindings, findingsOf, lintText, ownAndParseFindings, providerYaml } from '../helpers/rule-tester.js';

const RETYPE = 'Change unit type to plejeenhed';
const ACKNOWLEDGE = 'Mark as not a care unit';

const institution = providerYaml(`  - name: Plejecenter Østervang
    unitType: "plejehjem"    # from SOR
    unitTypeCode: "42665001"
    sorId: "698481000016007"
`);

/** The rule's one finding in the text, with its fixes. */
function onlyFinding(text: string, options: LintOptions = {}): Finding {
  const findings = lintText(text, { ruleSet: [rule], ...options }).findings.filter((f) => f.ruleId === rule.id);
  expect(findings).toHaveLength(1);
  return findings[0];
}

/** Apply the named fix of the text's one finding; re-linted with every rule, it must be gone and the text parse. */
function fixed(text: string, title: string, options: LintOptions = {}): string {
  const fix = onlyFinding(text, options).fixes.find((f) => f.title === title);
  if (!fix) throw new Error(`no fix "${title}"`);
  const result = applyFix(text, fix);
  expect(ownAndParseFindings(rule.id, result, options)).toEqual([]);
  return result;
}

group('plejehjem-retype', () => {
  group('invalid', () => {
    it('reports a plejehjem at institution level, at its unit type', () => {
      const seen = findingsOf(rule, institution);
      expect(seen.map(({ ruleId, severity, line, column, text }) => ({ ruleId, severity, line, column, text }))).toEqual([
        { ruleId: 'plejehjem-retype', severity: 'warning', line: 6, column: 15, text: '"plejehjem"' },
      ]);
      expect(seen[0].message).toBe('Unit "Plejecenter Østervang" is typed plejehjem and looks like the care institution itself: it stands at institution level.');
      expect(seen[0].action).toBe('If it is, change its type to plejeenhed; if not, record careUnit: false.');
      expect(rule.docs.remedy.en).toContain('"# sor-lint-disable-next-line plejehjem-retype -- reason"');
    });

    it('reports a deeper plejehjem that holds its own visiting address, whatever its case', () => {
      const text = providerYaml(`  - name: Omsorgshuset Jylland
    unitType: klinik
    units:
      - name: Plejecenter Østervang
        unitType: Plejehjem
        visitingAddress: { street: Østervangsvej, houseNumber: "12", postalCode: "8000", city: Aarhus C }
`);
      const seen = findingsOf(rule, text);
      expect(seen.map((s) => [s.line, s.column, s.text])).toEqual([[9, 19, 'Plejehjem']]);
      expect(seen[0].message).toBe('Unit "Plejecenter Østervang" is typed plejehjem and looks like the care institution itself: it has its own visiting address.');
    });

    it('explains Aktivitet 2 in Danish', () => {
      const [seen] = findingsOf(rule, institution, { lang: 'da' });
      expect(seen.message).toBe('Enheden "Plejecenter Østervang" har typen plejehjem og ligner selve plejeinstitutionen: den står på institutionsniveau.');
      expect(seen.action).toBe('Er den det, så skift typen til plejeenhed; ellers notér careUnit: false.');
      expect(onlyFinding(institution, { lang: 'da' }).fixes.map((f) => f.title)).toEqual([
        'Skift enhedstype til plejeenhed',
        'Markér som ikke en plejeenhed',
      ]);
    });
  });

  group('valid', () => {
    it.each([
      [
        'a plejehjem below the institution without an address of its own',
        `  - name: Omsorgshuset Jylland
    unitType: klinik
    units:
      - name: Bolig Øst
        unitType: plejehjem
`,
      ],
      [
        'a plejehjem below a care unit',
        `  - name: Plejecenter Østervang
    unitType: plejeenhed
    units:
      - name: Bolig Øst
        unitType: plejehjem
        visitingAddress: { street: Østervangsvej, houseNumber: "12", postalCode: "8000", city: Aarhus C }
`,
      ],
      [
        'a plejehjem above a care unit',
        `  - name: Omsorgshuset Jylland
    unitType: plejehjem
    units:
      - name: Plejecenter Østervang
        unitType: plejeenhed
`,
      ],
      [
        'a closed plejehjem',
        `  - name: Gammelt plejehjem
    unitType: plejehjem
    toDate: 2021-06-30
`,
      ],
      [
        'a plejehjem acknowledged with careUnit: false',
        `  - name: Dagcenter Østervang
    unitType: plejehjem
    careUnit: false
`,
      ],
    ])('%s', (_name, institutions) => {
      expect(findingsOf(rule, providerYaml(institutions))).toEqual([]);
    });

    it('still reports when the plejeenhed above it is closed', () => {
      const text = providerYaml(`  - name: Gammel gruppe
    unitType: plejeenhed
    toDate: 2021-06-30
  - name: Plejecenter Østervang
    unitType: plejehjem
`);
      expect(findingsOf(rule, text).map((s) => [s.line, s.text])).toEqual([[9, 'plejehjem']]);
    });

    it('is acknowledged by a disable-next-line comment with a reason', () => {
      const text = providerYaml(`  - name: Dagcenter Østervang
    # sor-lint-disable-next-line plejehjem-retype -- dagcenter, ikke en plejeenhed efter de nye regler
    unitType: plejehjem
`);
      const result = lintText(text, { ruleSet: [rule] });
      expect(result.findings).toEqual([]);
      expect(result.directives.map((d) => [d.rules, d.reason, d.used])).toEqual([
        [['plejehjem-retype'], 'dagcenter, ikke en plejeenhed efter de nye regler', true],
      ]);
    });
  });

  group('fixes', () => {
    it('offers the retype first and the acknowledgement second, both as suggestions', () => {
      expect(onlyFinding(institution).fixes.map((f) => [f.title, f.safe])).toEqual([
        [RETYPE, false],
        [ACKNOWLEDGE, false],
      ]);
    });

    it('retypes in the same quoting, keeps the comment, and removes the plejehjem type code', () => {
      expect(fixed(institution, RETYPE)).toBe(
        institution.replace('unitType: "plejehjem"    # from SOR', 'unitType: "plejeenhed"    # from SOR').replace('    unitTypeCode: "42665001"\n', ''),
      );
    });

    it('keeps a type code that is not plejehjem’s', () => {
      const other = institution.replace('"42665001"', '"22232009"');
      expect(fixed(other, RETYPE)).toBe(other.replace('"plejehjem"', '"plejeenhed"'));
    });

    it('removes a type code that opens the list item, moving the next key behind the dash', () => {
      const text = providerYaml(`  - unitTypeCode: '42665001'
    name: Plejecenter Østervang
    unitType: plejehjem
`);
      expect(fixed(text, RETYPE)).toBe(
        providerYaml(`  - name: Plejecenter Østervang
    unitType: plejeenhed
`),
      );
    });

    it('marks the unit as not a care unit right after its type', () => {
      expect(fixed(institution, ACKNOWLEDGE)).toBe(
        institution.replace('# from SOR\n', '# from SOR\n    careUnit: false\n'),
      );
    });

    it('keeps CRLF line endings', () => {
      const crlf = institution.replace(/\n/g, '\r\n');
      expect(fixed(crlf, RETYPE)).toBe(crlf.replace('"plejehjem"', '"plejeenhed"').replace('    unitTypeCode: "42665001"\r\n', ''));
      expect(fixed(crlf, ACKNOWLEDGE)).toBe(crlf.replace('# from SOR\r\n', '# from SOR\r\n    careUnit: false\r\n'));
    });

    group('in JSON', () => {
      const options = { fileName: 'omsorgshuset.sor.json' };
      const json = `{
  "provider": { "name": "Omsorgshuset ApS", "cvr": "29403473" },
  "institutions": [
    {
      "name": "Plejecenter Østervang",
      "unitType": "plejehjem",
      "unitTypeCode": "42665001"
    }
  ]
}
`;

      it('reports at the value and names only the field as acknowledgement', () => {
        const [seen] = findingsOf(rule, json, options);
        expect([seen.line, seen.column, seen.text]).toEqual([6, 19, '"plejehjem"']);
        expect(seen.action).toBe('If it is, change its type to plejeenhed; if not, record "careUnit": false.');
      });

      it('retypes and removes the last pair with its comma', () => {
        expect(fixed(json, RETYPE, options)).toBe(
          json.replace('"unitType": "plejehjem",\n      "unitTypeCode": "42665001"', '"unitType": "plejeenhed"'),
        );
      });

      it('removes a pair in the middle with its comma', () => {
        const middle = json.replace('"unitType": "plejehjem",\n      "unitTypeCode": "42665001"', '"unitTypeCode": "42665001",\n      "unitType": "plejehjem"');
        expect(fixed(middle, RETYPE, options)).toBe(json.replace('"unitType": "plejehjem",\n      "unitTypeCode": "42665001"', '"unitType": "plejeenhed"'));
      });

      it('inserts "careUnit": false after the type', () => {
        expect(fixed(json, ACKNOWLEDGE, options)).toBe(json.replace('"unitType": "plejehjem",', '"unitType": "plejehjem",\n      "careUnit": false,'));
      });
    });
  });

  it('documents itself with examples that behave as described', () => {
    const { invalid, valid } = exampleFindings(rule);
    expect(invalid.map((s) => s.text)).toEqual(['plejehjem']);
    expect(valid).toEqual([]);
  });
});
