import { describe as group, expect, it } from 'vitest';
import type { Finding } from '../../server/src/core/finding.js';
import type { LintOptions } from '../../server/src/core/lint.js';
import { plejeenhedNesting as rule } from '../../server/src/rules/plejeenhed-nesting.js';
import {
  applyFix,
  describe,
  exampleFindings,
  findingsOf,
  lintText,
  locate,
  ownAndParseFindings,
  providerYaml,
  relatedOf,
} from '../helpers/rule-tester.js';

const gathering = providerYaml(`  - name: Omsorgshuset Jylland
    unitType: plejeenhed   # the group
    units:
      - name: Plejecenter Østervang
        unitType: plejeenhed
      - name: Plejecenter Vestervang
        unitType: 'Plejeenhed'
  - name: Klinik Nord
    unitType: klinik
`);

/** The rule's findings with their fixes and related locations, ordered as in the file. */
function nestingFindings(text: string, options: LintOptions = {}): Finding[] {
  return lintText(text, { ruleSet: [rule], ...options }).findings.filter((f) => f.ruleId === rule.id);
}

function fixTitled(finding: Finding, title: string) {
  const fix = finding.fixes.find((f) => f.title === title);
  if (!fix) throw new Error(`no fix "${title}" among ${finding.fixes.map((f) => f.title).join(', ')}`);
  return fix;
}

group('plejeenhed-nesting', () => {
  it('reports the gathering unit and each care unit it gathers, at the unit type', () => {
    const seen = findingsOf(rule, gathering);
    expect(seen.map(({ ruleId, severity, line, column, text }) => ({ ruleId, severity, line, column, text }))).toEqual([
      { ruleId: 'plejeenhed-nesting', severity: 'error', line: 6, column: 15, text: 'plejeenhed' },
      { ruleId: 'plejeenhed-nesting', severity: 'error', line: 9, column: 19, text: 'plejeenhed' },
      { ruleId: 'plejeenhed-nesting', severity: 'error', line: 11, column: 19, text: "'Plejeenhed'" },
    ]);
    expect(seen.map((s) => s.message)).toEqual([
      'Care unit "Omsorgshuset Jylland" gathers the care units "Plejecenter Østervang", "Plejecenter Vestervang".',
      'Care unit "Plejecenter Østervang" subdivides the care unit "Omsorgshuset Jylland".',
      'Care unit "Plejecenter Vestervang" subdivides the care unit "Omsorgshuset Jylland".',
    ]);
    expect(seen[0].action).toBe('Give this unit another unit type if it is not the institution itself, else the others.');
  });

  it('points each end at the other with related locations', () => {
    const result = lintText(gathering, { ruleSet: [rule] });
    const [outer, inner] = result.findings;
    expect(relatedOf(result, outer)).toEqual([
      { line: 9, column: 19, text: 'plejeenhed', message: '"Plejecenter Østervang", a plejeenhed below "Omsorgshuset Jylland"' },
      { line: 11, column: 19, text: "'Plejeenhed'", message: '"Plejecenter Vestervang", a plejeenhed below "Omsorgshuset Jylland"' },
    ]);
    expect(relatedOf(result, inner)).toEqual([
      { line: 6, column: 15, text: 'plejeenhed', message: '"Omsorgshuset Jylland", a plejeenhed above "Plejecenter Østervang"' },
    ]);
  });

  it('speaks Danish', () => {
    const seen = findingsOf(rule, gathering, { lang: 'da' });
    expect(seen[0].message).toBe('Plejeenheden "Omsorgshuset Jylland" samler plejeenhederne "Plejecenter Østervang", "Plejecenter Vestervang".');
    expect(seen[0].action).toBe('Giv denne enhed en anden enhedstype, hvis den ikke selv er institutionen, ellers de andre.');
    expect(seen[1].message).toBe('Plejeenheden "Plejecenter Østervang" underopdeler plejeenheden "Omsorgshuset Jylland".');
    const result = lintText(gathering, { ruleSet: [rule], lang: 'da' });
    expect(relatedOf(result, result.findings[1])[0].message).toBe('"Omsorgshuset Jylland", en plejeenhed over "Plejecenter Østervang"');
    expect(result.findings[0].fixes.map((f) => f.title)).toEqual(['Skift enhedstype til klinik', 'Skift enhedstype til afsnit']);
  });

  it('names both relations on a care unit in the middle of three', () => {
    const chain = providerYaml(`  - name: Gruppe Syd
    unitType: plejeenhed
    units:
      - name: Plejecenter Østervang
        unitType: plejeenhed
        units:
          - name: Afsnit Birken
            unitType: plejeenhed
`);
    const seen = findingsOf(rule, chain);
    expect(seen.map((s) => [s.line, s.column, s.text])).toEqual([
      [6, 15, 'plejeenhed'],
      [9, 19, 'plejeenhed'],
      [12, 23, 'plejeenhed'],
    ]);
    expect(seen.map((s) => s.message)).toEqual([
      'Care unit "Gruppe Syd" gathers the care units "Plejecenter Østervang", "Afsnit Birken".',
      'Care unit "Plejecenter Østervang" subdivides the care unit "Gruppe Syd" and gathers the care unit "Afsnit Birken".',
      'Care unit "Afsnit Birken" subdivides the care units "Plejecenter Østervang", "Gruppe Syd".',
    ]);
  });

  it('names at most five units in the message and relates all of them', () => {
    const units = Array.from({ length: 7 }, (_, i) => `      - name: Bolig ${i + 1}\n        unitType: plejeenhed\n`).join('');
    const text = providerYaml(`  - name: Plejecenter Østervang\n    unitType: plejeenhed\n    units:\n${units}`);
    const [outer] = nestingFindings(text);
    expect(outer.message).toBe('Care unit "Plejecenter Østervang" gathers the care units "Bolig 1", "Bolig 2", "Bolig 3", "Bolig 4", "Bolig 5" and 2 more.');
    expect(outer.related).toHaveLength(7);
  });

  group('valid', () => {
    it.each([
      [
        'a care unit with sections below and a group above',
        `  - name: Omsorgshuset Jylland
    unitType: klinik
    units:
      - name: Plejecenter Østervang
        unitType: plejeenhed
        units:
          - name: Afsnit Birken
            unitType: afsnit
`,
      ],
      [
        'sibling care units',
        `  - name: Plejecenter Østervang
    unitType: plejeenhed
  - name: Plejecenter Vestervang
    unitType: PLEJEENHED
`,
      ],
      [
        'a closed care unit below',
        `  - name: Plejecenter Østervang
    unitType: plejeenhed
    units:
      - name: Gammelt afsnit
        unitType: plejeenhed
        toDate: 2020-12-31
`,
      ],
      [
        'a care unit under a closed one',
        `  - name: Gammel gruppe
    unitType: plejeenhed
    toDate: 2020-12-31
    units:
      - name: Plejecenter Østervang
        unitType: plejeenhed
`,
      ],
    ])('%s', (_name, institutions) => {
      expect(findingsOf(rule, providerYaml(institutions))).toEqual([]);
    });
  });

  group('retype fixes', () => {
    const mixed = providerYaml(`  - name: Plejecenter Østervang
    unitType: plejeenhed
    units:
      - name: Afsnit Birken
        unitType: afsnit
      - name: Team Nord
        unitType: team
      - name: Team Syd
        unitType: Team
      - name: Gruppe A
        unitType: gruppe
      - name: Køkken
        unitType: køkken
      - name: Lukket 1
        unitType: lukket
        toDate: 2020-01-01
      - name: Lukket 2
        unitType: lukket
        toDate: 2020-01-01
      - name: Bolig Øst
        unitType: plejehjem
      - name: Plejebolig
        unitType: plejeenhed
  - name: Klinik Nord
    unitType: klinik
`);

    it('offers the types similar open units use, most frequent first, at most three, then the default', () => {
      const inner = nestingFindings(mixed).find((f) => / subdivides /.test(f.message))!;
      expect(inner.fixes.map((f) => [f.title, f.safe])).toEqual([
        ['Change unit type to team', false],
        ['Change unit type to afsnit', false],
        ['Change unit type to gruppe', false],
      ]);
      const outer = nestingFindings(mixed).find((f) => /^Care unit "[^"]+" gathers /.test(f.message))!;
      expect(outer.fixes.map((f) => f.title)).toEqual(['Change unit type to klinik', 'Change unit type to afsnit']);
    });

    it('adds the configured default type, once whatever its case', () => {
      const titles = (defaultNonCareUnitType: string) =>
        nestingFindings(mixed, { settings: { defaultNonCareUnitType } })
          .find((f) => / subdivides /.test(f.message))!
          .fixes.map((f) => f.title.replace('Change unit type to ', ''));
      expect(titles('Sektion')).toEqual(['team', 'afsnit', 'gruppe', 'Sektion']);
      expect(titles('TEAM')).toEqual(['team', 'afsnit', 'gruppe']);
    });

    it('retypes the outer unit, keeping its comment; the conflict is gone and the file parses', () => {
      const [outer] = nestingFindings(gathering);
      const fixed = applyFix(gathering, fixTitled(outer, 'Change unit type to klinik'));
      expect(fixed).toBe(gathering.replace('unitType: plejeenhed   # the group', 'unitType: klinik   # the group'));
      expect(ownAndParseFindings(rule.id, fixed)).toEqual([]);
    });

    it('retypes an inner unit in its own quoting style', () => {
      const inner = nestingFindings(gathering)[2];
      const fixed = applyFix(gathering, fixTitled(inner, 'Change unit type to afsnit'));
      expect(fixed).toBe(gathering.replace("unitType: 'Plejeenhed'", "unitType: 'afsnit'"));
      // The other inner unit still subdivides the outer one: both ends of that conflict remain.
      expect(ownAndParseFindings(rule.id, fixed).map((s) => [s.line, s.column])).toEqual([
        [6, 15],
        [9, 19],
      ]);
    });

    it('keeps CRLF line endings', () => {
      const crlf = gathering.replace(/\n/g, '\r\n');
      const [outer] = nestingFindings(crlf);
      expect(locate(crlf, outer.span)).toEqual({ line: 6, column: 15, text: 'plejeenhed' });
      const fixed = applyFix(crlf, fixTitled(outer, 'Change unit type to afsnit'));
      expect(fixed).toBe(crlf.replace('unitType: plejeenhed   # the group', 'unitType: afsnit   # the group'));
      expect(fixed.split('\r\n')).toHaveLength(crlf.split('\r\n').length);
      expect(fixed).not.toMatch(/[^\r]\n/);
      expect(ownAndParseFindings(rule.id, fixed)).toEqual([]);
    });

    it('works in JSON', () => {
      const json = `{
  "provider": { "name": "Omsorgshuset ApS", "cvr": "29403473" },
  "institutions": [
    {
      "name": "Plejecenter Østervang",
      "unitType": "plejeenhed",
      "units": [{ "name": "Afsnit Birken", "unitType": "plejeenhed" }]
    }
  ]
}
`;
      const options = { fileName: 'x.sor.json' };
      const result = lintText(json, { ruleSet: [rule], ...options });
      expect(describe(result).map((s) => [s.line, s.column, s.text])).toEqual([
        [6, 19, '"plejeenhed"'],
        [7, 56, '"plejeenhed"'],
      ]);
      const inner = result.findings[1];
      const fixed = applyFix(json, fixTitled(inner, 'Change unit type to afsnit'));
      expect(fixed).toBe(json.replace('"unitType": "plejeenhed" }', '"unitType": "afsnit" }'));
      expect(ownAndParseFindings(rule.id, fixed, options)).toEqual([]);
    });

    it('offers no retype of an anchored or aliased type, which other units share', () => {
      const aliased = providerYaml(`  - name: Plejecenter Østervang
    unitType: &care plejeenhed
    units:
      - name: Afsnit Birken
        unitType: *care
`);
      const result = lintText(aliased, { ruleSet: [rule] });
      expect(describe(result).map((s) => [s.line, s.column, s.text])).toEqual([
        [6, 15, '&care plejeenhed'],
        [9, 19, '*care'],
      ]);
      expect(result.findings.map((f) => f.fixes)).toEqual([[], []]);
    });
  });

  it('documents itself with examples that behave as described', () => {
    const { invalid, valid } = exampleFindings(rule);
    expect(invalid.map((s) => s.text)).toEqual(['plejeenhed', 'plejeenhed']);
    expect(valid).toEqual([]);
  });
});
