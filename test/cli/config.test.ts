import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, configForFile, lintWithConfig } from '../../server/src/config/index.js';
import { CLI, copyFixtures, ensureBuilt, FIXTURES, jsonReport, ROOT, runCli, summary } from './helpers.js';

beforeAll(ensureBuilt);

/** The CLI without blocking this process, so the test's own timeout can end a run that hangs. */
function runAsync(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const fullEnv = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', ...env };
    // killSignal ends a run that outlives the test, so it does not keep a core busy.
    execFile(process.execPath, [CLI, ...args], { cwd, env: fullEnv, timeout: 25_000, killSignal: 'SIGKILL' }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe('configuration discovery (CLI)', () => {
  it('merges configs upwards to root: true, applies files overrides, package.json keys and ignorePatterns', () => {
    const run = runCli(['--format', 'json', 'nested'], { cwd: FIXTURES });
    expect(run.code).toBe(1);
    // drafts/ and *.draft.sor.yaml are ignored by nested/.sor-lint.json; island/ is its own root,
    // so the parent's "drafts" pattern and its error level do not reach island/drafts/.
    expect(summary(jsonReport(run))).toEqual({
      'nested/island/drafts/retype.sor.yaml': ['plejehjem-retype@29:15 warning'],
      'nested/pkg/retype.sor.yaml': ['plejehjem-retype@29:15 hint'],
      'nested/retype.sor.yaml': ['plejehjem-retype@29:15 error'],
      'nested/team/retype.sor.yaml': [],
      'nested/team/strict/retype.sor.yaml': ['plejehjem-retype@29:15 info'],
    });
    expect(run.stderr).toBe('');
  });

  it('--config replaces discovery: the nested configs no longer count', () => {
    const run = runCli(['--format', 'json', '--config', 'basic/.sor-lint.json', 'nested/team/retype.sor.yaml', 'nested/drafts/retype.sor.yaml']);
    expect(summary(jsonReport(run))).toEqual({
      'nested/team/retype.sor.yaml': ['plejehjem-retype@29:15 warning'],
      'nested/drafts/retype.sor.yaml': ['plejehjem-retype@29:15 warning'],
    });
    expect(run.code).toBe(0);
  });

  it('says on stderr when a file named on the command line is ignored, and lints nothing of it', () => {
    const run = runCli(['--format', 'json', 'nested/drafts/retype.sor.yaml', 'nested/retype.sor.yaml']);
    expect(summary(jsonReport(run))).toEqual({ 'nested/retype.sor.yaml': ['plejehjem-retype@29:15 error'] });
    expect(run.stderr).toBe("sor-lint: nested/drafts/retype.sor.yaml skipped: the configuration's ignorePatterns exclude it.\n");
  });

  it('exits 2 when every file a folder holds is ignored', () => {
    const run = runCli(['nested/drafts']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`sor-lint: every file that "nested/drafts" names is ignored by the configuration's ignorePatterns\n`);
  });
});

describe('overrides by SOR code (JSON has no comments)', () => {
  it('turns a rule off for one unit and on (at another level) for another', () => {
    const run = runCli(['--format', 'json', 'json/units.sor.json']);
    const [file] = jsonReport(run);
    // provider-cvr is off for the file but on as a warning for the provider's SOR code;
    // plejehjem-retype stays on for Solgården (11000016002) and is off for Lyngen (21000016006).
    expect(file.findings.map((f) => `${f.ruleId}@${f.line}:${f.column} ${f.severity}`)).toEqual([
      'provider-cvr@4:12 warning',
      'plejehjem-retype@11:19 warning',
    ]);
    const text = readFileSync(join(FIXTURES, 'json/units.sor.json'), 'utf8').split('\n');
    expect(text[3].slice(11, 21)).toBe('"29403474"');
    expect(text[10].slice(18, 29)).toBe('"plejehjem"');
    expect(run.code).toBe(0);
  });

  it('without the overrides both plejehjem units and the provider are reported', () => {
    const run = runCli(['--format', 'json', '--config', 'basic/.sor-lint.json', 'json/units.sor.json']);
    expect(summary(jsonReport(run))['json/units.sor.json']).toEqual([
      'no-careunit@3:5 warning',
      'provider-cvr@4:12 error',
      'plejehjem-retype@11:19 warning',
      'plejehjem-retype@16:19 warning',
    ]);
  });
});

describe('bad configuration: exit 2, one line naming the file and the key', () => {
  const cases: [string, string, string, string][] = [
    ['.sor-lint.json', '{ "rules": { "provider-cvr": "fatal" } }', 'rules.provider-cvr', 'must be one of "error", "warning", "info", "hint", "off"'],
    ['.sor-lint.json', '{ "rules": { "provider-cvrr": "off" } }', 'rules.provider-cvrr', 'unknown rule id'],
    ['.sor-lint.json', '{ "rulez": {} }', 'rulez', 'unknown key'],
    ['.sor-lint.yaml', 'overrides:\n  - files: ["*.sor.yaml"]\n    rules: { schema: warning }\n    colour: red\n', 'overrides[0].colour', 'unknown key'],
    ['.sor-lint.json', '{ "settings": { "postcodeFile": "missing.csv" } }', 'settings.postcodeFile', 'no such file'],
    ['package.json', '{ "name": "x", "sor-lint": { "lang": "de" } }', 'sor-lint.lang', 'must be one of "da", "en"'],
  ];
  for (const [name, content, key, reason] of cases) {
    it(`${name}: ${key}`, () => {
      const dir = copyFixtures('basic');
      // .sor-lint.json comes first in a folder, so it goes when the case is about another name.
      if (name !== '.sor-lint.json') rmSync(join(dir, '.sor-lint.json'));
      writeFileSync(join(dir, name), content);
      const run = runCli(['clean.sor.yaml'], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.split('\n')).toHaveLength(2);
      expect(run.stderr.startsWith(`sor-lint: ${join(dir, name)}: ${key}: ${reason}`)).toBe(true);
    });
  }

  it('gives the reason in Danish with --lang da', () => {
    const dir = copyFixtures('basic');
    writeFileSync(join(dir, '.sor-lint.json'), '{ "rules": { "provider-cvrr": "off" } }');
    const run = runCli(['--lang', 'da', 'clean.sor.yaml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr.startsWith(`sor-lint: ${join(dir, '.sor-lint.json')}: rules.provider-cvrr: ukendt regel-id (kendte: `)).toBe(true);
  });

  it('a file that is not JSON names the file', () => {
    const dir = copyFixtures('basic');
    writeFileSync(join(dir, '.sor-lint.json'), '{ "root": true,');
    const run = runCli(['clean.sor.yaml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^sor-lint: ${join(dir, '.sor-lint.json').replace(/[.]/g, '\\.')}: not valid JSON: .+\n$`));
  });
});

describe('configForFile (the language server calls it)', () => {
  it('gives the merged rules, the config files in merge order, and ignored', async () => {
    const dir = copyFixtures('nested');
    const strict = await configForFile(join(dir, 'team/strict/retype.sor.yaml'), { boundary: dir });
    expect(strict.rules).toEqual({ 'plejehjem-retype': 'info' });
    expect(strict.configFiles).toEqual([join(dir, '.sor-lint.json'), join(dir, 'team/.sor-lint.yaml')]);
    expect(strict.ignored).toBe(false);
    expect((await configForFile(join(dir, 'drafts/retype.sor.yaml'), { boundary: dir })).ignored).toBe(true);
  });

  it('rereads a config file when it changes (cached by path and mtime)', async () => {
    const dir = copyFixtures('nested');
    const file = join(dir, 'retype.sor.yaml');
    expect((await configForFile(file, { boundary: dir })).rules['plejehjem-retype']).toBe('error');
    writeFileSync(join(dir, '.sor-lint.json'), JSON.stringify({ root: true, rules: { 'plejehjem-retype': 'hint' }, lang: 'da' }));
    const config = await configForFile(file, { boundary: dir });
    expect(config.rules['plejehjem-retype']).toBe('hint');
    expect(config.lang).toBe('da');
    const result = lintWithConfig(readFileSync(file, 'utf8'), config, { fileName: file });
    expect(result.findings.map((f) => [f.ruleId, f.severity])).toEqual([['plejehjem-retype', 'hint']]);
    expect(result.findings[0].message).toMatch(/plejehjem/);
    expect(result.findings[0].message).not.toBe(lintWithConfig(readFileSync(file, 'utf8'), { ...config, lang: 'en' }, { fileName: file }).findings[0].message);
  });

  it('throws ConfigError with file and key', async () => {
    const dir = copyFixtures('basic');
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub/.sor-lint.yml'), 'ignorePatterns: "drafts"\n');
    const error = await configForFile(join(dir, 'sub/a.sor.yaml'), { boundary: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).file).toBe(join(dir, 'sub/.sor-lint.yml'));
    expect((error as ConfigError).key).toBe('ignorePatterns');
  });

  it('reads the postcode file a config names, relative to its folder', async () => {
    const dir = copyFixtures('basic');
    writeFileSync(join(dir, 'postnumre.csv'), 'postnr;navn;stormodtager\n8000;Aarhus Midtby;false\n');
    writeFileSync(join(dir, '.sor-lint.json'), JSON.stringify({ root: true, settings: { postcodeFile: 'postnumre.csv' } }));
    const config = await configForFile(join(dir, 'clean.sor.yaml'), { boundary: dir });
    expect(config.settings.postcodes?.get('8000')?.name).toBe('Aarhus Midtby');
    const run = runCli(['--format', 'json', 'clean.sor.yaml'], { cwd: dir });
    // The newer list names 8000 differently, so the file's "Aarhus C" no longer matches.
    expect(jsonReport(run)[0].findings.some((f) => f.ruleId === 'address-format' && f.message.includes('Aarhus Midtby'))).toBe(true);
  });
});

describe('schemas/sor-lint-config.schema.json', () => {
  it('describes every property in English and Danish', () => {
    const schema = JSON.parse(readFileSync(join(__dirname, '../../schemas/sor-lint-config.schema.json'), 'utf8'));
    const missing: string[] = [];
    const visit = (node: unknown, path: string) => {
      if (typeof node !== 'object' || node === null) return;
      const record = node as Record<string, unknown>;
      if ('description' in record && !(typeof record['x-description-da'] === 'string' && record['x-description-da'])) missing.push(path);
      for (const [key, value] of Object.entries(record)) visit(value, `${path}/${key}`);
    };
    visit(schema, '');
    expect(missing).toEqual([]);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });
});

describe('globs are matched in time linear in the path (issue 9, 15)', () => {
  it('`*a*a*…(24 times)…*b*` against a 120-character name: that file is linted, one with a b is ignored', { timeout: 20_000 }, async () => {
    const dir = copyFixtures('basic');
    const pattern = '*a'.repeat(24) + '*b*';
    writeFileSync(join(dir, '.sor-lint.json'), JSON.stringify({ root: true, ignorePatterns: [pattern], overrides: [{ files: [`sub/${pattern}`], rules: { 'no-careunit': 'off' } }] }));
    const clean = readFileSync(join(dir, 'clean.sor.yaml'), 'utf8');
    const long = 'a'.repeat(120 - '.sor.yaml'.length) + '.sor.yaml';
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', long), clean);
    writeFileSync(join(dir, 'sub', 'a'.repeat(30) + 'b.sor.yaml'), clean);
    const run = await runAsync(['--format', 'json', 'sub'], dir);
    expect(run.stderr).toBe('');
    expect(jsonReport({ ...run, code: run.code }).map((file) => file.filePath)).toEqual([`sub/${long}`]);
    expect(run.code).toBe(0);
  });
});

describe('only regular files are read as configuration, with a bound (issue 9, 13)', () => {
  const reading = { timeout: 20_000 };

  it('--config a FIFO: a one-line error, no hang', reading, async () => {
    const dir = copyFixtures('basic');
    execFileSync('mkfifo', [join(dir, 'fifo.json')]);
    const run = await runAsync(['--config', 'fifo.json', 'clean.sor.yaml'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`sor-lint: ${join(dir, 'fifo.json')}: not a regular file (a FIFO)\n`);
  });

  it('--config /dev/zero: a one-line error in Danish and English, no hang', reading, async () => {
    const dir = copyFixtures('basic');
    const english = await runAsync(['--config', '/dev/zero', 'clean.sor.yaml'], dir);
    expect(english.code).toBe(2);
    expect(english.stderr).toBe('sor-lint: /dev/zero: not a regular file (a device)\n');
    const danish = await runAsync(['--lang', 'da', '--config', '/dev/zero', 'clean.sor.yaml'], dir);
    expect(danish.stderr).toBe('sor-lint: /dev/zero: ikke en almindelig fil (en enhed)\n');
  });

  it('a configuration file over 1 MB is not read', reading, async () => {
    const dir = copyFixtures('basic');
    writeFileSync(join(dir, '.sor-lint.json'), `{ "root": true ${' '.repeat(1024 * 1024)}}`);
    const run = await runAsync(['clean.sor.yaml'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`sor-lint: ${join(dir, '.sor-lint.json')}: larger than 1 MB (2 MB)\n`);
  });

  it('settings.postcodeFile: /dev/zero is a one-line error naming the key, no hang', reading, async () => {
    const dir = copyFixtures('basic');
    writeFileSync(join(dir, '.sor-lint.json'), JSON.stringify({ root: true, settings: { postcodeFile: '/dev/zero' } }));
    const run = await runAsync(['clean.sor.yaml'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`sor-lint: ${join(dir, '.sor-lint.json')}: settings.postcodeFile: The postcode list /dev/zero: not a regular file (a device)\n`);
    const danish = await runAsync(['--lang', 'da', 'clean.sor.yaml'], dir);
    expect(danish.stderr).toBe(`sor-lint: ${join(dir, '.sor-lint.json')}: settings.postcodeFile: Postnummerlisten /dev/zero: ikke en almindelig fil (en enhed)\n`);
  });
});

describe('preview and import honour the configuration (issue 10, one pipeline)', () => {
  it('sor-lint preview: a rule set to warning in .sor-lint.json no longer blocks a care unit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sor-lint-preview-'));
    copyFileSync(join(ROOT, 'test/preview/fixtures/omsorgshuset.sor.yaml'), join(dir, 'p.sor.yaml'));
    const before = runCli(['preview', '--format', 'json', 'p.sor.yaml'], { cwd: dir });
    expect([before.code, JSON.parse(before.stdout).summary.rejected]).toEqual([1, 1]);
    writeFileSync(join(dir, '.sor-lint.json'), JSON.stringify({ root: true, rules: { 'contact-format': 'warning' } }));
    const configured = runCli(['preview', '--format', 'json', 'p.sor.yaml'], { cwd: dir });
    expect([configured.code, JSON.parse(configured.stdout).summary.rejected, configured.stderr]).toEqual([0, 0, '']);
  });

  it('sor-lint import: a rule turned off in .sor-lint.json is not counted in its summary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sor-lint-import-'));
    copyFileSync(join(ROOT, 'test/fixtures/import/SorEntity_daily.csv'), join(dir, 'SorEntity_daily.csv'));
    writeFileSync(join(dir, '.sor-lint.json'), JSON.stringify({ root: true, rules: { 'careunit-contact-missing': 'off', 'legal-basis': 'off' } }));
    const run = runCli(['import', 'SorEntity_daily.csv', '--provider', '29403473', '-o', 'o.sor.yaml'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1764158400' } });
    expect(run.stderr).toBe('Imported Omsorgshuset ApS (SOR 11000016002) with 4 units to o.sor.yaml (utf-8, 7 rows read): 0 errors, 1 warning. Run sor-lint o.sor.yaml for details.\n');
    expect(run.code).toBe(0);
  });
});
