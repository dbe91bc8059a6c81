import { describe as group, expect, it } from 'vitest';
import { contactFormat as rule } from '../../server/src/rules/contact-format.js';
import type { LintOptions } from '../../server/src/core/lint.js';
import { exampleFindings, findingsOf, fixTitled, lintText, ownAndParseFindings, providerYaml } from '../helpers/rule-tester.js';

const where = (seen: { line: number; column: number; text: string }[]) => seen.map(({ line, column, text }) => [line, column, text]);

/**
 * Applies the fix titled `Change to "<value>"`, then lints with every rule: the text parses, the
 * fixed finding is gone and the rule's other findings are still there.
 */
function fixed(text: string, value: string, options: LintOptions = {}): string {
  const title = `Change to ${JSON.stringify(value)}`;
  const after = fixTitled(rule, text, new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), options);
  const messages = (t: string) => ownAndParseFindings(rule.id, t, options).map((seen) => `${seen.ruleId}: ${seen.message} ${seen.action}`);
  const remaining = messages(text).filter((message) => !message.endsWith(` Write ${JSON.stringify(value)}.`));
  expect(remaining).toHaveLength(messages(text).length - 1);
  expect(messages(after)).toEqual(remaining);
  return after;
}

const broken = providerYaml(
  `  - name: Plejecenter Østervang
    unitType: plejeenhed
    phone: "86-12-34-56"
    email: kontakt(at)oestervang.dk
    website: www.oestervang.dk
`,
  '  phone: 8612-3456\n',
);

group('contact-format', () => {
  group('invalid', () => {
    it('reports each malformed value at the value, on the provider and the institution', () => {
      const seen = findingsOf(rule, broken);
      expect(seen.map((s) => s.severity)).toEqual(['error', 'error', 'error', 'error']);
      expect(where(seen)).toEqual([
        [4, 10, '8612-3456'],
        [8, 12, '"86-12-34-56"'],
        [9, 12, 'kontakt(at)oestervang.dk'],
        [10, 14, 'www.oestervang.dk'],
      ]);
      expect(seen.map((s) => [s.message, s.action])).toEqual([
        ['The phone number "8612-3456" of "Omsorgshuset ApS" has the right digits but separators other than single spaces.', 'Write "86 12 34 56".'],
        ['The phone number "86-12-34-56" of "Plejecenter Østervang" has the right digits but separators other than single spaces.', 'Write "86 12 34 56".'],
        [
          'The e-mail address "kontakt(at)oestervang.dk" of "Plejecenter Østervang" must have exactly one @.',
          'Write an address that can receive mail, such as kontakt@oestervang.dk: a-z, digits and . _ - + before the @, a domain with a dot after it.',
        ],
        ['The website "www.oestervang.dk" of "Plejecenter Østervang" is not a full address: https:// is missing in front.', 'Write "https://www.oestervang.dk".'],
      ]);
    });

    it('speaks Danish', () => {
      const seen = findingsOf(rule, broken, { lang: 'da' });
      expect(seen[1].message).toBe('Telefonnummeret "86-12-34-56" for "Plejecenter Østervang" har de rigtige cifre, men andre skilletegn end enkelte mellemrum.');
      expect(seen[1].action).toBe('Skriv "86 12 34 56".');
      expect(seen[2].message).toBe('E-mailadressen "kontakt(at)oestervang.dk" for "Plejecenter Østervang" skal have præcis ét @.');
      expect(seen[3].message).toBe('Websitet "www.oestervang.dk" for "Plejecenter Østervang" er ikke en fuld adresse: https:// mangler foran.');
      const titles = lintText(broken, { ruleSet: [rule], lang: 'da' }).findings.flatMap((f) => f.fixes.map((fix) => fix.title));
      expect(titles).toEqual(['Ret til "86 12 34 56"', 'Ret til "86 12 34 56"', 'Ret til "https://www.oestervang.dk"']);
    });

    it('names the problem and offers no fix where the right value is not clear', () => {
      const text = providerYaml(`  - name: Plejecenter Østervang
    units:
      - name: Afsnit Birken
        phone: 8612345
        email: kontakt@oestervang
        website: http://localhost:8080
`);
      const result = lintText(text, { ruleSet: [rule] });
      expect(result.findings.map((f) => f.fixes)).toEqual([[], [], []]);
      const seen = findingsOf(rule, text);
      expect(where(seen)).toEqual([
        [8, 16, '8612345'],
        [9, 16, 'kontakt@oestervang'],
        [10, 18, 'http://localhost:8080'],
      ]);
      expect(seen.map((s) => [s.message, s.action])).toEqual([
        ['The phone number "8612345" of "Afsnit Birken" does not have 8 digits (after any +45).', 'Write a Danish number of 8 digits, such as "86 12 34 56" or "+45 86 12 34 56".'],
        [
          'The e-mail address "kontakt@oestervang" of "Afsnit Birken" has an invalid domain after the @.',
          'Write an address that can receive mail, such as kontakt@oestervang.dk: a-z, digits and . _ - + before the @, a domain with a dot after it.',
        ],
        [
          'The website "http://localhost:8080" of "Afsnit Birken" has no real host name (a domain with a dot).',
          'Write the full address with a real domain, such as https://oestervang.dk (not localhost or an IP address).',
        ],
      ]);
    });

    it('reports spaces around an otherwise good value', () => {
      const text = providerYaml(`  - name: Plejecenter Østervang
    email: " kontakt@oestervang.dk "
`);
      const [seen] = findingsOf(rule, text);
      expect([seen.line, seen.column, seen.text]).toEqual([6, 12, '" kontakt@oestervang.dk "']);
      expect(seen.message).toBe('The e-mail address " kontakt@oestervang.dk " of "Plejecenter Østervang" has spaces before or after the value itself.');
      expect(fixed(text, 'kontakt@oestervang.dk')).toBe(text.replace('" kontakt@oestervang.dk "', '"kontakt@oestervang.dk"'));
    });
  });

  group('fixes', () => {
    it('marks its fixes safe', () => {
      const result = lintText(broken, { ruleSet: [rule] });
      expect(result.findings.flatMap((f) => f.fixes.map((fix) => fix.safe))).toEqual([true, true, true]);
    });

    it.each([
      ['phone: "86-12-34-56"', '86 12 34 56', 'phone: "86 12 34 56"'],
      ["phone: '86.12.34.56'", '86 12 34 56', "phone: '86 12 34 56'"],
      ['phone: 8612  3456', '86 12 34 56', 'phone: 86 12 34 56'],
      ['phone: "+45  86 12 34 56"', '+45 86 12 34 56', 'phone: "+45 86 12 34 56"'],
      ['phone: 0045-86-12-34-56 # vagttelefon', '0045 86 12 34 56', 'phone: 0045 86 12 34 56 # vagttelefon'],
      ['website: oestervang.dk', 'https://oestervang.dk', 'website: https://oestervang.dk'],
      ["website: 'www.oestervang.dk/kontakt'", 'https://www.oestervang.dk/kontakt', "website: 'https://www.oestervang.dk/kontakt'"],
    ])('rewrites %s to %j', (line, value, expected) => {
      const text = providerYaml(`  - name: Plejecenter Østervang # the care unit
    ${line}
    unitType: plejeenhed
`);
      expect(fixed(text, value)).toBe(text.replace(line, expected));
    });

    it('keeps CRLF line endings', () => {
      const text = providerYaml(`  - name: Plejecenter Østervang
    phone: 86-12-34-56
    website: oestervang.dk
`).replace(/\n/g, '\r\n');
      const once = fixed(text, '86 12 34 56');
      const twice = fixed(once, 'https://oestervang.dk');
      expect(twice).toBe(text.replace('86-12-34-56', '86 12 34 56').replace('website: oestervang.dk', 'website: https://oestervang.dk'));
      expect(twice.split('\r\n')).toHaveLength(text.split('\r\n').length);
      expect(twice.replace(/\r\n/g, '')).not.toContain('\n');
    });

    it('fixes JSON in place', () => {
      const json = `{
  "provider": { "name": "Omsorgshuset ApS", "cvr": "29403473" },
  "institutions": [
    { "name": "Plejecenter Østervang", "unitType": "plejeenhed", "phone": "+45 86.12.34.56", "website": "oestervang.dk" }
  ]
}
`;
      const options = { fileName: 'omsorgshuset.sor.json' };
      expect(where(findingsOf(rule, json, options))).toEqual([
        [4, 75, '"+45 86.12.34.56"'],
        [4, 105, '"oestervang.dk"'],
      ]);
      const phoneFixed = fixed(json, '+45 86 12 34 56', options);
      expect(phoneFixed).toBe(json.replace('"+45 86.12.34.56"', '"+45 86 12 34 56"'));
      expect(fixed(phoneFixed, 'https://oestervang.dk', options)).toBe(
        phoneFixed.replace('"oestervang.dk"', '"https://oestervang.dk"'),
      );
    });
  });

  // Host names of ASCII alone and those with other letters are checked by expressions of their own.
  it.each([
    ['https://Oestervang.DK', false],
    ['https://østervang.dk', false],
    ['https://ØSTERVANG.DK', false],
    ['https://xn--stervang-d1a.dk', false],
    ['https://oestervang.XN--P1AI', false],
    [`https://${'ø'.repeat(63)}.dk`, false],
    ['https://oestervang-.dk', true],
    ['https://østervang-.dk', true],
    ['https://oestervang.d', true],
    ['https://østervang.d', true],
    ['https://oestervang.xn--p1ai-', true],
    ['https://oestervang.LocalHost', true],
    ['https://østervang.localhost', true],
    ['https://10.0.0.1', true],
    ['https://oestervang', true],
    [`https://${'o'.repeat(64)}.dk`, true],
    [`https://${'ø'.repeat(64)}.dk`, true],
  ])('the website %s is reported: %s', (website, reported) => {
    const seen = findingsOf(rule, providerYaml(`  - name: Plejecenter Østervang\n    website: ${website}\n`));
    expect(seen.map((finding) => finding.text)).toEqual(reported ? [website] : []);
  });

  group('valid', () => {
    it.each([
      [
        'well-formed values',
        providerYaml(`  - name: Plejecenter Østervang
    phone: "+45 86 12 34 56"
    email: kontakt@østervang.dk
    website: https://www.oestervang.dk/kontakt
  - name: Plejecenter Birkely
    phone: 8612 3456
    email: Post.Birkely@omsorgshuset.dk
    website: http://birkely.dk
`),
      ],
      [
        'empty values (careunit-contact-missing reports those)',
        providerYaml(`  - name: Plejecenter Østervang
    phone: ""
    email:
    website: "  "
`),
      ],
      [
        'a closed unit',
        providerYaml(`  - name: Gammelt plejecenter
    toDate: 2020-12-31
    phone: 86-12-34-56
    units:
      - name: Afsnit
        email: nej
`),
      ],
      ['a list where a value belongs (the schema reports it)', providerYaml(`  - name: Plejecenter Østervang\n    phone: [86123456]\n`)],
    ])('%s', (_name, text) => {
      expect(findingsOf(rule, text)).toEqual([]);
    });
  });

  it('reports its invalid documentation example and not its valid one', () => {
    const { invalid, valid } = exampleFindings(rule);
    expect(where(invalid)).toEqual([
      [7, 12, '86-12-34-56'],
      [8, 12, 'kontakt(at)oestervang.dk'],
      [9, 14, 'www.oestervang.dk'],
    ]);
    expect(valid).toEqual([]);
  });
});
