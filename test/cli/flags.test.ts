// --print-config, --rule, --ignore-pattern, --no-inline-config and --format gitlab, as a user runs them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { allRules } from '../../server/src/rules/index.js';
import { copyFixtures, ensureBuilt, jsonReport, runCli, summary } from './helpers.js';

beforeAll(ensureBuilt);

const RETYPE_AT = 'plejehjem-retype@29:15';

describe('--print-config FILE', () => {
  it('prints the rules and settings in force after discovery and files overrides, as JSON, and lints nothing', () => {
    const run = runCli(['--print-config', 'nested/team/strict/retype.sor.yaml']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const config = JSON.parse(run.stdout);
    expect(Object.keys(config)).toEqual(['configFiles', 'ignored', 'lang', 'inlineConfig', 'rules', 'overrides', 'settings', 'addresses']);
    expect(config.configFiles).toEqual(['nested/.sor-lint.json', 'nested/team/.sor-lint.yaml']);
    // nested/ says error, team/ says off, team/'s override for strict/** says info.
    expect(config.rules['plejehjem-retype']).toBe('info');
    // Every rule is listed, with its default level where no configuration names it.
    expect(Object.keys(config.rules)).toEqual(allRules.map((rule) => rule.id));
    expect(config.rules['address-unverified']).toBe('warning');
    expect(config).toMatchObject({ ignored: false, lang: 'en', inlineConfig: true, overrides: [], settings: { defaultNonCareUnitType: 'afsnit' }, addresses: {} });
  });

  it('shows sorIds overrides, ignorePatterns, --rule, --no-inline-config, --lang and --online as they apply', () => {
    const units = JSON.parse(runCli(['--print-config', 'json/units.sor.json']).stdout);
    expect(units.rules).toMatchObject({ 'provider-cvr': 'off', 'no-careunit': 'off' });
    expect(units.overrides).toEqual([
      { sorIds: ['21000016006'], rules: { 'plejehjem-retype': 'off' } },
      { sorIds: ['698481000016007'], rules: { 'provider-cvr': 'warning' } },
    ]);
    const flags = JSON.parse(
      runCli(['--print-config', 'json/units.sor.json', '--rule', 'provider-cvr: error', '--no-inline-config', '--lang', 'da', '--online', '--address-endpoint', 'http://127.0.0.1:9/']).stdout,
    );
    expect(flags.rules['provider-cvr']).toBe('error');
    // --rule wins over the sorIds override of the same rule, which therefore no longer shows.
    expect(flags.overrides).toEqual([{ sorIds: ['21000016006'], rules: { 'plejehjem-retype': 'off' } }]);
    expect(flags).toMatchObject({ lang: 'da', inlineConfig: false, addresses: { online: true, endpoint: 'http://127.0.0.1:9/' } });
    expect(JSON.parse(runCli(['--print-config', 'nested/drafts/retype.sor.yaml']).stdout).ignored).toBe(true);
    expect(JSON.parse(runCli(['--print-config', 'basic/errors.sor.yaml', '--ignore-pattern', 'basic/e*']).stdout).ignored).toBe(true);
  });

  it('names the postcode list a configuration points at, relative to the working folder', () => {
    const dir = copyFixtures('basic');
    writeFileSync(join(dir, 'postnumre.csv'), 'postnr;navn;stormodtager\n8000;Aarhus C;false\n');
    writeFileSync(join(dir, '.sor-lint.json'), JSON.stringify({ root: true, settings: { postcodeFile: 'postnumre.csv', defaultNonCareUnitType: 'gruppe' } }));
    const run = runCli(['--print-config', 'clean.sor.yaml'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).settings).toEqual({ defaultNonCareUnitType: 'gruppe', postcodeFile: 'postnumre.csv' });
  });

  it('exits 2 with one line when files to lint are given too', () => {
    expect(runCli(['--print-config', 'basic/errors.sor.yaml', 'basic/clean.sor.yaml'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'sor-lint: --print-config takes exactly one file and lints nothing: give no other files\n',
    });
  });
});

describe("--rule 'id: severity'", () => {
  it('sets rules over the configuration, repeatable and comma-separated, and the exit code follows', () => {
    expect(summary(jsonReport(runCli(['--format', 'json', 'basic/errors.sor.yaml'])))).toEqual({ 'basic/errors.sor.yaml': ['provider-cvr@4:8 error', 'schema@5:3 error'] });
    const off = runCli(['--format', 'json', '--rule', 'provider-cvr: off', 'basic/errors.sor.yaml']);
    expect(summary(jsonReport(off))).toEqual({ 'basic/errors.sor.yaml': ['schema@5:3 error'] });
    expect(off.code).toBe(1);
    const down = runCli(['--format', 'json', '--rule', 'provider-cvr: warning', '--rule', 'schema:info', 'basic/errors.sor.yaml']);
    expect(summary(jsonReport(down))).toEqual({ 'basic/errors.sor.yaml': ['provider-cvr@4:8 warning', 'schema@5:3 info'] });
    expect(down.code).toBe(0);
    expect(runCli(['--rule', 'provider-cvr: warning, schema: off', '--max-warnings', '0', 'basic/errors.sor.yaml']).code).toBe(1);
    expect(runCli(['--rule', '{"provider-cvr": "off", "schema": "off"}', 'basic/errors.sor.yaml'])).toMatchObject({ code: 0, stdout: '' });
    // nested/ turns plejehjem-retype to error; the command line wins.
    expect(summary(jsonReport(runCli(['--format', 'json', '--rule', 'plejehjem-retype: hint', 'nested/retype.sor.yaml'])))).toEqual({
      'nested/retype.sor.yaml': [`${RETYPE_AT} hint`],
    });
  });

  it('wins over a sorIds override, as a command-line rule wins over all configuration in ESLint', () => {
    // The configuration turns plejehjem-retype off for Lyngen (21000016006) only; --rule applies to both units.
    const run = runCli(['--format', 'json', '--rule', 'plejehjem-retype: error', '--rule', 'provider-cvr: off', 'json/units.sor.json']);
    expect(summary(jsonReport(run))).toEqual({ 'json/units.sor.json': ['plejehjem-retype@11:19 error', 'plejehjem-retype@16:19 error'] });
    expect(run.code).toBe(1);
  });

  const bad: [string, string][] = [
    ['nope: error', '--rule: unknown rule id "nope" (known: ' + allRules.map((rule) => rule.id).join(', ') + ')'],
    ['schema: loud', '--rule schema: "loud" is not a severity (use error, warning, info, hint, off)'],
    ['schema', '--rule must be "rule-id: severity", e.g. "plejehjem-retype: error", not "schema"'],
    ['parse: off', '--rule: syntax errors (parse) cannot be turned off or down'],
  ];
  for (const [value, reason] of bad) {
    it(`exits 2 with one line for --rule '${value}'`, () => {
      expect(runCli(['--rule', value, 'basic/errors.sor.yaml'])).toMatchObject({ code: 2, stdout: '', stderr: `sor-lint: ${reason}\n` });
    });
  }

  it('says so in Danish with --lang da', () => {
    expect(runCli(['--lang', 'da', '--rule', 'schema: loud', 'basic/errors.sor.yaml'])).toMatchObject({
      code: 2,
      stderr: 'sor-lint: --rule schema: "loud" er ikke en alvorsgrad (brug error, warning, info, hint, off)\n',
    });
  });
});

describe('--ignore-pattern', () => {
  it('skips files in a folder, with globs relative to the working folder (not to a configuration)', () => {
    const all = jsonReport(runCli(['--format', 'json', 'basic'])).map((file) => file.filePath);
    expect(all).toEqual(['basic/broken.sor.yaml', 'basic/clean.sor.yaml', 'basic/errors.sor.yaml', 'basic/fixable.sor.yaml', 'basic/retype.sor.yaml']);
    const run = runCli(['--format', 'json', '--ignore-pattern', 'basic/b*', '--ignore-pattern', 'errors.sor.yaml', 'basic']);
    expect(jsonReport(run).map((file) => file.filePath)).toEqual(['basic/clean.sor.yaml', 'basic/fixable.sor.yaml', 'basic/retype.sor.yaml']);
    expect(run).toMatchObject({ code: 1, stderr: '' });
    // From inside basic/ the same path glob names nothing.
    const inside = runCli(['--format', 'json', '--ignore-pattern', 'basic/b*', '.'], { cwd: join(__dirname, '../fixtures/cli/basic') });
    expect(jsonReport(inside).map((file) => file.filePath)).toContain('broken.sor.yaml');
  });

  it('adds to the configuration ignorePatterns, and a folder pattern ignores what the folder holds', () => {
    const run = runCli(['--format', 'json', '--ignore-pattern', 'nested/team', 'nested']);
    expect(Object.keys(summary(jsonReport(run)))).toEqual(['nested/island/drafts/retype.sor.yaml', 'nested/pkg/retype.sor.yaml', 'nested/retype.sor.yaml']);
  });

  it('says on stderr which option skipped a file named on the command line, and exits 2 when a folder is all ignored', () => {
    const named = runCli(['--ignore-pattern', '*.sor.yaml', 'basic/errors.sor.yaml', 'json/units.sor.json']);
    expect(named).toMatchObject({ code: 0, stderr: 'sor-lint: basic/errors.sor.yaml skipped: --ignore-pattern excludes it.\n' });
    expect(runCli(['--lang', 'da', '--ignore-pattern', '*.sor.yaml', 'basic/errors.sor.yaml', 'json/units.sor.json']).stderr).toBe(
      'sor-lint: basic/errors.sor.yaml springes over: --ignore-pattern udelukker den.\n',
    );
    expect(runCli(['--ignore-pattern', 'basic', 'basic'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'sor-lint: every file that "basic" names is ignored by ignorePatterns or --ignore-pattern\n',
    });
  });
});

describe('--no-inline-config', () => {
  it('reports what sor-lint-disable comments would silence', () => {
    expect(runCli(['--format', 'json', 'suppress/suppressed.sor.yaml'])).toMatchObject({ code: 0 });
    expect(summary(jsonReport(runCli(['--format', 'json', 'suppress/suppressed.sor.yaml'])))).toEqual({ 'suppress/suppressed.sor.yaml': [] });
    const run = runCli(['--format', 'json', '--no-inline-config', '--max-warnings', '0', 'suppress/suppressed.sor.yaml']);
    expect(summary(jsonReport(run))).toEqual({ 'suppress/suppressed.sor.yaml': ['plejehjem-retype@31:15 warning'] });
    expect(run.code).toBe(1);
  });

  it('is part of the cache key: a file cached as clean is linted again without its comments', () => {
    const dir = copyFixtures('suppress');
    const cache = ['--cache', '--cache-location', join(dir, 'cache.json'), '--format', 'json'];
    expect(summary(jsonReport(runCli([...cache, 'suppressed.sor.yaml'], { cwd: dir })))).toEqual({ 'suppressed.sor.yaml': [] });
    const again = runCli([...cache, '--no-inline-config', 'suppressed.sor.yaml'], { cwd: dir });
    expect(summary(jsonReport(again))).toEqual({ 'suppressed.sor.yaml': ['plejehjem-retype@31:15 warning'] });
  });
});

describe('--format gitlab', () => {
  interface Issue {
    description: string;
    check_name: string;
    fingerprint: string;
    severity: string;
    location: { path: string; lines: { begin: number } };
  }
  const issues = (stdout: string) => JSON.parse(stdout) as Issue[];

  it("writes GitLab code quality JSON: description, check_name, fingerprint, GitLab's severity, path from the repository root, line", () => {
    const run = runCli(['--format', 'gitlab', 'basic/errors.sor.yaml', 'basic/retype.sor.yaml', 'nested/team/strict/retype.sor.yaml']);
    expect(run).toMatchObject({ code: 1, stderr: '' });
    const report = issues(run.stdout);
    expect(report.map((issue) => Object.keys(issue))).toEqual(report.map(() => ['description', 'check_name', 'fingerprint', 'severity', 'location']));
    expect(report.map((issue) => [issue.check_name, issue.severity, issue.location.path, issue.location.lines.begin])).toEqual([
      ['provider-cvr', 'major', 'test/fixtures/cli/basic/errors.sor.yaml', 4],
      ['schema', 'major', 'test/fixtures/cli/basic/errors.sor.yaml', 5],
      ['plejehjem-retype', 'minor', 'test/fixtures/cli/basic/retype.sor.yaml', 29],
      ['plejehjem-retype', 'info', 'test/fixtures/cli/nested/team/strict/retype.sor.yaml', 29],
    ]);
    expect(report[0].description).toContain('29403474');
    expect(new Set(report.map((issue) => issue.fingerprint)).size).toBe(report.length);
  });

  it('keeps each fingerprint when lines move and in either language, so GitLab does not see new issues', () => {
    const dir = copyFixtures('basic');
    const before = issues(runCli(['--format', 'gitlab', 'errors.sor.yaml'], { cwd: dir }).stdout);
    const danish = issues(runCli(['--format', 'gitlab', '--lang', 'da', 'errors.sor.yaml'], { cwd: dir }).stdout);
    writeFileSync(join(dir, 'errors.sor.yaml'), '# moved down a line\n' + readFileSync(join(dir, 'errors.sor.yaml'), 'utf8'));
    const after = issues(runCli(['--format', 'gitlab', 'errors.sor.yaml'], { cwd: dir }).stdout);
    expect(after.map((issue) => issue.location.lines.begin)).toEqual(before.map((issue) => issue.location.lines.begin + 1));
    expect(after.map((issue) => issue.fingerprint)).toEqual(before.map((issue) => issue.fingerprint));
    expect(danish.map((issue) => issue.fingerprint)).toEqual(before.map((issue) => issue.fingerprint));
    expect(danish[0].description).not.toBe(before[0].description);
  });

  it('is an empty array for clean files', () => {
    expect(runCli(['--format', 'gitlab', 'basic/clean.sor.yaml'])).toMatchObject({ code: 0, stdout: '[]\n' });
  });
});

describe('--help', () => {
  const flags = ['--print-config', '--rule', '--ignore-pattern', '--no-inline-config', 'gitlab', '--suppress-all', '--suppress-rule', '--suppressions-location', '--prune-suppressions', '--pass-on-unpruned-suppressions'];
  it('lists every new flag in English and in Danish', () => {
    for (const lang of ['en', 'da']) {
      const help = runCli(['--help', '--lang', lang]).stdout;
      for (const flag of flags) expect(help, `${flag} in the ${lang} help`).toContain(flag);
    }
  });
});
