// Bulk suppressions (ESLint 9.24's model) as a provider with a legacy uses them: record today's
// errors, see only new ones afterwards, be told when counts shrink, prune.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFixtures, ensureBuilt, jsonReport, runCli, summary } from './helpers.js';

beforeAll(ensureBuilt);

const FILE = 'sor-lint-suppressions.json';

/** basic/ without its syntax error: two files with errors, one with warnings, two clean. */
function legacy(): string {
  const dir = copyFixtures('basic');
  rmSync(join(dir, 'broken.sor.yaml'));
  return dir;
}

const read = (dir: string, name = FILE) => readFileSync(join(dir, name), 'utf8');
const edit = (dir: string, name: string, change: (text: string) => string) => writeFileSync(join(dir, name), change(read(dir, name)));
const addUnknownKey = (text: string) => text.replace('  colour: blue\n', '  colour: blue\n  size: large\n');

const RECORDED = `{
  "errors.sor.yaml": {
    "provider-cvr": {
      "count": 1
    },
    "schema": {
      "count": 1
    }
  },
  "fixable.sor.yaml": {
    "contact-format": {
      "count": 2
    }
  }
}
`;

describe('--suppress-all', () => {
  it("records today's errors per file and rule (not warnings), sorted, and the run and later runs report none of them", () => {
    const dir = legacy();
    const run = runCli(['--suppress-all', '--format', 'json', '.'], { cwd: dir });
    expect(summary(jsonReport(run))).toEqual({
      'clean.sor.yaml': [],
      'errors.sor.yaml': [],
      'fixable.sor.yaml': [],
      'retype.sor.yaml': ['plejehjem-retype@29:15 warning'],
    });
    expect(run).toMatchObject({ code: 0, stderr: `sor-lint: ${FILE} now suppresses 4 errors in 2 files.\n` });
    expect(read(dir)).toBe(RECORDED);
    const later = runCli(['.'], { cwd: dir });
    expect(later.code).toBe(0);
    expect(later.stdout).toContain('plejehjem-retype');
    expect(later.stdout).not.toContain('provider-cvr');
    expect(later.stderr).toBe('');
  });

  it('writes the same bytes whatever the order of the files, so the file diffs well, and leaves an unchanged file alone', () => {
    const dir = legacy();
    runCli(['--suppress-all', 'retype.sor.yaml', 'fixable.sor.yaml', 'errors.sor.yaml'], { cwd: dir });
    expect(read(dir)).toBe(RECORDED);
    const past = new Date('2026-01-01T00:00:00Z');
    utimesSync(join(dir, FILE), past, past);
    runCli(['--suppress-all', '.'], { cwd: dir });
    expect(read(dir)).toBe(RECORDED);
    expect(statSync(join(dir, FILE)).mtimeMs).toBe(past.getTime());
  });

  it('with --fix records only what --fix could not fix', () => {
    const dir = legacy();
    expect(runCli(['--fix', '--suppress-all', '.'], { cwd: dir }).code).toBe(0);
    expect(JSON.parse(read(dir))).toEqual({ 'errors.sor.yaml': { 'provider-cvr': { count: 1 }, schema: { count: 1 } } });
  });

  it('never records a syntax error', () => {
    const dir = copyFixtures('basic');
    const run = runCli(['--suppress-all', '--format', 'json', 'broken.sor.yaml'], { cwd: dir });
    expect(summary(jsonReport(run))['broken.sor.yaml']).toEqual(['parse@25:38 error']);
    expect(run.code).toBe(1);
    expect(Object.keys(JSON.parse(read(dir))['broken.sor.yaml'])).not.toContain('parse');
  });

  it('keeps paths relative to the working folder', () => {
    const dir = legacy();
    runCli(['--suppress-all', 'errors.sor.yaml'], { cwd: dir });
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub/errors.sor.yaml'), read(dir, 'errors.sor.yaml'));
    runCli(['--suppress-all', 'sub'], { cwd: dir });
    expect(Object.keys(JSON.parse(read(dir)))).toEqual(['errors.sor.yaml', 'sub/errors.sor.yaml']);
  });
});

describe('later runs', () => {
  it('report a rule in a file again when it has more errors than recorded: all of them, with a note', () => {
    const dir = legacy();
    runCli(['--suppress-all', '.'], { cwd: dir });
    edit(dir, 'errors.sor.yaml', addUnknownKey);
    const run = runCli(['--format', 'json', '.'], { cwd: dir });
    expect(summary(jsonReport(run))['errors.sor.yaml']).toEqual(['schema@5:3 error', 'schema@6:3 error']);
    expect(run).toMatchObject({
      code: 1,
      stderr: `sor-lint: errors.sor.yaml: 2 schema errors where ${FILE} allows 1: all are shown, as new ones cannot be told from old ones.\n`,
    });
    expect(runCli(['--lang', 'da', '.'], { cwd: dir }).stderr).toBe(
      `sor-lint: errors.sor.yaml: 2 schema-fejl, hvor ${FILE} tillader 1: alle vises, da nye ikke kan skelnes fra gamle.\n`,
    );
  });

  it('report a new error of another rule, or in another file, as usual', () => {
    const dir = legacy();
    runCli(['--suppress-all', '.'], { cwd: dir });
    edit(dir, 'clean.sor.yaml', (text) => text.replace('  name: Omsorgshuset ApS\n', '  name: Omsorgshuset ApS\n  size: large\n'));
    edit(dir, 'errors.sor.yaml', (text) => text.replace('laerkehoej@omsorgshuset.dk', 'laerkehoej(at)omsorgshuset.dk'));
    const run = runCli(['--format', 'json', '.'], { cwd: dir });
    const found = summary(jsonReport(run));
    expect([found['clean.sor.yaml'], found['errors.sor.yaml'].map((f) => f.split('@')[0])]).toEqual([['schema@4:3 error'], ['contact-format']]);
    expect(run).toMatchObject({ code: 1, stderr: '' });
  });

  it('fail (exit 2) when errors were fixed and the counts shrank, say so in one line, and still print the report', () => {
    const dir = legacy();
    runCli(['--suppress-all', '.'], { cwd: dir });
    edit(dir, 'errors.sor.yaml', (text) => text.replace('  colour: blue\n', ''));
    const run = runCli(['--format', 'json', '.'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(summary(jsonReport(run))['errors.sor.yaml']).toEqual([]);
    expect(run.stderr).toBe(
      `sor-lint: 1 entry in ${FILE} counts more errors than are left (errors.sor.yaml schema: 1 recorded, 0 found): run with --prune-suppressions to lower it\n`,
    );
    expect(runCli(['--lang', 'da', '.'], { cwd: dir }).stderr).toBe(
      `sor-lint: 1 post i ${FILE} tæller flere fejl, end der er tilbage (errors.sor.yaml schema: 1 registreret, 0 fundet): kør med --prune-suppressions for at sænke den\n`,
    );
    expect(runCli(['--pass-on-unpruned-suppressions', '.'], { cwd: dir })).toMatchObject({ code: 0, stderr: expect.stringContaining('--prune-suppressions') });
    // A run that does not lint the file does not judge its entries.
    expect(runCli(['fixable.sor.yaml'], { cwd: dir })).toMatchObject({ code: 0, stderr: '' });
  });

  it('--prune-suppressions lowers the counts to what is left and drops files that are gone; then the run passes', () => {
    const dir = legacy();
    runCli(['--suppress-all', '.'], { cwd: dir });
    edit(dir, 'errors.sor.yaml', (text) => text.replace('  colour: blue\n', ''));
    edit(dir, 'fixable.sor.yaml', (text) => text.replace('"86-12-00-00"', '"+45 86 12 00 00"'));
    const run = runCli(['--prune-suppressions', '.'], { cwd: dir });
    expect(run).toMatchObject({ code: 0, stderr: `sor-lint: ${FILE} now suppresses 2 errors in 2 files.\n` });
    expect(JSON.parse(read(dir))).toEqual({ 'errors.sor.yaml': { 'provider-cvr': { count: 1 } }, 'fixable.sor.yaml': { 'contact-format': { count: 1 } } });
    expect(runCli(['.'], { cwd: dir })).toMatchObject({ code: 0, stderr: '' });
    rmSync(join(dir, 'fixable.sor.yaml'));
    expect(runCli(['.'], { cwd: dir }).code).toBe(2);
    runCli(['--prune-suppressions', '.'], { cwd: dir });
    expect(JSON.parse(read(dir))).toEqual({ 'errors.sor.yaml': { 'provider-cvr': { count: 1 } } });
  });

  it('--prune-suppressions never raises a count: a rule with new errors stays reported', () => {
    const dir = legacy();
    runCli(['--suppress-all', '.'], { cwd: dir });
    edit(dir, 'errors.sor.yaml', addUnknownKey);
    expect(runCli(['--prune-suppressions', '.'], { cwd: dir }).code).toBe(1);
    expect(read(dir)).toBe(RECORDED);
  });
});

describe('--suppress-rule ID', () => {
  it('records only that rule (repeatable), keeps the other entries, and other rules are reported', () => {
    const dir = legacy();
    const run = runCli(['--suppress-rule', 'schema', '--format', 'json', '.'], { cwd: dir });
    expect(summary(jsonReport(run))['errors.sor.yaml']).toEqual(['provider-cvr@4:8 error']);
    expect(run.code).toBe(1);
    expect(JSON.parse(read(dir))).toEqual({ 'errors.sor.yaml': { schema: { count: 1 } } });
    runCli(['--suppress-rule', 'provider-cvr', '--suppress-rule', 'contact-format', '.'], { cwd: dir });
    expect(read(dir)).toBe(RECORDED);
  });

  it('exits 2 for an unknown rule id', () => {
    expect(runCli(['--suppress-rule', 'nope', '.'], { cwd: legacy() })).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^sor-lint: --suppress-rule: unknown rule id "nope" \(known: [^\n]+\)\n$/) });
  });
});

describe('--suppressions-location', () => {
  it('puts the file where it says (a folder gets the default name inside), and later runs must name it too', () => {
    const dir = legacy();
    runCli(['--suppress-all', '--suppressions-location', 'ci/suppressions.json', '.'], { cwd: dir });
    expect(read(dir, 'ci/suppressions.json')).toBe(RECORDED);
    expect(existsSync(join(dir, FILE))).toBe(false);
    expect(runCli(['--suppressions-location', 'ci/suppressions.json', '.'], { cwd: dir }).code).toBe(0);
    expect(runCli(['.'], { cwd: dir }).code).toBe(1);
    runCli(['--suppress-all', '--suppressions-location', 'ci', '.'], { cwd: dir });
    expect(read(dir, `ci/${FILE}`)).toBe(RECORDED);
  });

  it('exits 2 when the named file does not exist and nothing is to be recorded', () => {
    expect(runCli(['--suppressions-location', 'none.json', '.'], { cwd: legacy() })).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'sor-lint: the suppressions file none.json does not exist: make it with --suppress-all or --suppress-rule ID\n',
    });
  });
});

describe('what the command refuses (exit 2, one line)', () => {
  const refused: [string[], string][] = [
    [['--suppress-all', '--suppress-rule', 'schema', '.'], '--suppress-all and --suppress-rule cannot be used together'],
    [['--suppress-all', '--prune-suppressions', '.'], '--suppress-all and --prune-suppressions cannot be used together'],
    [['--suppress-rule', 'schema', '--prune-suppressions', '.'], '--suppress-rule and --prune-suppressions cannot be used together'],
    [['--fix-dry-run', '--prune-suppressions', '.'], '--fix-dry-run does not write its fixes, so the suppressions file would count something other than the files: use --fix'],
    [['--suppress-all', '-'], '--suppress-all, --suppress-rule and --prune-suppressions cannot be used with standard input: suppressions are kept per file'],
  ];
  for (const [args, reason] of refused) {
    it(reason, () => {
      expect(runCli(args, { cwd: legacy() })).toMatchObject({ code: 2, stdout: '', stderr: `sor-lint: ${reason}\n` });
    });
  }

  it('a suppressions file that is not one', () => {
    const dir = legacy();
    for (const text of ['{ not json', '[]', '{ "errors.sor.yaml": { "schema": { "count": -1 } } }']) {
      writeFileSync(join(dir, FILE), text);
      expect(runCli(['.'], { cwd: dir })).toMatchObject({
        code: 2,
        stdout: '',
        stderr: `sor-lint: ${FILE} is not a suppressions file: it must be { "file": { "rule-id": { "count": N } } }\n`,
      });
    }
  });

  it('leaves standard input alone: the suppressions are of files on disk', () => {
    const dir = legacy();
    runCli(['--suppress-all', '.'], { cwd: dir });
    const run = runCli(['--format', 'json', '--stdin-filename', 'errors.sor.yaml', '-'], { cwd: dir, input: read(dir, 'errors.sor.yaml') });
    expect(summary(jsonReport(run))).toEqual({ 'errors.sor.yaml': ['provider-cvr@4:8 error', 'schema@5:3 error'] });
    expect(run).toMatchObject({ code: 1, stderr: '' });
  });
});
