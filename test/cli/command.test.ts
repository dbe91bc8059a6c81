import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { PUSH_CAPABILITIES, TestClient } from '../lsp/server-client.js';
import { CLI, copyFixtures, ensureBuilt, FIXTURES, jsonReport, ROOT, runCli, summary } from './helpers.js';

beforeAll(ensureBuilt);

describe('exit codes', () => {
  it('0 for a clean file, and for warnings only', () => {
    expect(runCli(['basic/clean.sor.yaml'])).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(runCli(['basic/retype.sor.yaml']).code).toBe(0);
  });

  it('1 for errors', () => {
    expect(runCli(['basic/errors.sor.yaml']).code).toBe(1);
  });

  it('1 for more warnings than --max-warnings, 0 within it', () => {
    expect(runCli(['--max-warnings', '0', 'basic/retype.sor.yaml']).code).toBe(1);
    expect(runCli(['--max-warnings', '1', 'basic/retype.sor.yaml']).code).toBe(0);
  });

  it('--quiet reports errors only and leaves warnings out of the exit code', () => {
    const quiet = runCli(['--quiet', '--max-warnings', '0', '--format', 'json', 'basic/retype.sor.yaml', 'basic/errors.sor.yaml']);
    expect(quiet.code).toBe(1);
    expect(summary(jsonReport(quiet))).toEqual({ 'basic/retype.sor.yaml': [], 'basic/errors.sor.yaml': ['provider-cvr@4:8 error', 'schema@5:3 error'] });
    expect(runCli(['--quiet', '--max-warnings', '0', 'basic/retype.sor.yaml'])).toMatchObject({ code: 0, stdout: '' });
  });

  const usage: [string[], string][] = [
    [['basic/missing.sor.yaml'], 'no such file or folder: basic/missing.sor.yaml'],
    [['../../../schemas'], 'no *.sor.yaml, *.sor.yml or *.sor.json file in the folder "../../../schemas"'],
    [['basic/*.sor.json'], 'no file matches the pattern "basic/*.sor.json"'],
    [[], 'no files given (see --help)'],
    [['--frobnicate', 'basic/clean.sor.yaml'], "Unknown option '--frobnicate'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--frobnicate\" (see --help)"],
    [['--lang', 'de', 'basic/clean.sor.yaml'], '--lang must be da or en, not "de"'],
    [['--max-warnings', 'many', 'basic/clean.sor.yaml'], '--max-warnings must be a whole number of 0 or more, not "many"'],
    [['--online', 'basic/clean.sor.yaml'], "Online address verification (adressevask) needs the address service's URL (http:// or https://); there is no default. (--address-endpoint URL)"],
    [['--address-endpoint', 'https://example', 'basic/clean.sor.yaml'], '--address-endpoint and --online-deadline need --online'],
    [['--online', '--online-deadline', 'soon', 'basic/clean.sor.yaml'], '--online-deadline must be a number of seconds above 0, not "soon"'],
    [['--online', '--address-endpoint', 'ftp://example', 'basic/clean.sor.yaml'], "Online address verification (adressevask) needs the address service's URL (http:// or https://); there is no default. (--address-endpoint URL)"],
    [['--config', 'basic/none.json', 'basic/clean.sor.yaml'], `${join(FIXTURES, 'basic/none.json')}: cannot read the file (ENOENT)`],
  ];
  for (const [args, reason] of usage) {
    it(`2 with one line on stderr: ${reason.slice(0, 60)}`, () => {
      expect(runCli(args)).toMatchObject({ code: 2, stdout: '', stderr: `sor-lint: ${reason}\n` });
    });
  }

  it('2 with the one-line reason in Danish for --lang da or a Danish locale', () => {
    expect(runCli(['--lang', 'da', 'basic/missing.sor.yaml'])).toMatchObject({ code: 2, stdout: '', stderr: 'sor-lint: filen eller mappen findes ikke: basic/missing.sor.yaml\n' });
    expect(runCli(['--max-warnings', 'many', 'basic/clean.sor.yaml'], { env: { LANG: 'da_DK.UTF-8' } })).toMatchObject({
      code: 2,
      stderr: 'sor-lint: --max-warnings skal være et helt tal fra 0 og op, ikke "many"\n',
    });
  });

  it('2 for a file that cannot be read, naming it, with no stack trace, after reporting the others', () => {
    const dir = copyFixtures('basic');
    // A dangling link that the folder search finds: named like a SOR file, but nothing to read.
    symlinkSync(join(dir, 'gone.yaml'), join(dir, 'dangling.sor.yaml'));
    const run = runCli(['--format', 'json', '.'], { cwd: dir });
    expect(run).toMatchObject({ code: 2, stderr: 'sor-lint: cannot read dangling.sor.yaml (ENOENT)\n' });
    expect(jsonReport(run).map((file) => file.filePath)).toEqual(['broken.sor.yaml', 'clean.sor.yaml', 'errors.sor.yaml', 'fixable.sor.yaml', 'retype.sor.yaml']);
    expect(runCli(['--stdin-filename', 'x.sor.yaml', 'clean.sor.yaml'], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: 'sor-lint: --stdin-filename names standard input: give - as a file too\n',
    });
  });
});

describe('files, folders and globs', () => {
  it('searches folders recursively for SOR files, skipping node_modules and .git, in a stable order', () => {
    const dir = copyFixtures('basic');
    for (const skipped of ['node_modules/pkg', '.git/x', 'deep/er']) mkdirSync(join(dir, skipped), { recursive: true });
    writeFileSync(join(dir, 'node_modules/pkg/a.sor.yaml'), 'provider: [');
    writeFileSync(join(dir, '.git/x/a.sor.yml'), 'provider: [');
    writeFileSync(join(dir, 'deep/er/b.sor.yml'), readFileSync(join(dir, 'clean.sor.yaml')));
    writeFileSync(join(dir, 'notes.yaml'), 'provider: [');
    const result = runCli(['--format', 'json', '.'], { cwd: dir });
    expect(jsonReport(result).map((file) => file.filePath)).toEqual([
      'broken.sor.yaml',
      'clean.sor.yaml',
      'deep/er/b.sor.yml',
      'errors.sor.yaml',
      'fixable.sor.yaml',
      'retype.sor.yaml',
    ]);
  });

  it('expands globs and lints each file once', () => {
    const result = runCli(['--format', 'json', 'basic/{clean,retype}.sor.yaml', 'basic/clean.sor.yaml', 'json/*.json']);
    expect(jsonReport(result).map((file) => file.filePath)).toEqual(['basic/clean.sor.yaml', 'basic/retype.sor.yaml', 'json/units.sor.json']);
  });

  it('reads standard input as YAML, or as the language --stdin-filename names, with its config', () => {
    const yaml = runCli(['--format', 'json', '-'], { input: readFileSync(join(FIXTURES, 'basic/errors.sor.yaml'), 'utf8'), cwd: join(FIXTURES, 'basic') });
    expect(summary(jsonReport(yaml))).toEqual({ '<stdin>': ['provider-cvr@4:8 error', 'schema@5:3 error'] });
    expect(yaml.code).toBe(1);
    const json = runCli(['--format', 'json', '--stdin-filename', 'json/units.sor.json', '-'], { input: readFileSync(join(FIXTURES, 'json/units.sor.json'), 'utf8') });
    expect(summary(jsonReport(json))).toEqual({ 'json/units.sor.json': ['provider-cvr@4:12 warning', 'plejehjem-retype@11:19 warning'] });
  });
});

describe('suppression comments', () => {
  it('silence the findings they name; --report-unused-disable-directives reports the ones that silence nothing', () => {
    const file = 'suppress/suppressed.sor.yaml';
    expect(runCli(['--format', 'json', file]).stdout).toBe(JSON.stringify([{ filePath: file, findings: [] }], null, 2) + '\n');
    // Without the comment the unit is reported: the comment is what silences it.
    const text = readFileSync(join(FIXTURES, file), 'utf8');
    const uncommented = runCli(['--format', 'json', '--stdin-filename', file, '-'], { input: text.replace(/^ *# sor-lint-disable-next-line plejehjem-retype.*\n/m, '') });
    expect(jsonReport(uncommented)[0].findings.map((f) => f.ruleId)).toEqual(['plejehjem-retype']);
    const strict = runCli(['--format', 'json', '--report-unused-disable-directives', file]);
    expect(strict.code).toBe(1);
    const [unused] = jsonReport(strict)[0].findings;
    expect(jsonReport(strict)[0].findings).toHaveLength(1);
    expect([unused.ruleId, unused.severity, unused.line, unused.column]).toEqual(['unused-disable-directive', 'error', 4, 3]);
    expect(text.split('\n')[3].slice(unused.column - 1, unused.endColumn - 1)).toBe('# sor-lint-disable-next-line provider-cvr -- checked by hand');
    expect(unused.message).toContain('provider-cvr');
  });
});

describe('--cache', () => {
  /** A preload that logs every SOR file the CLI reads, so a test can see which ones it skipped. */
  function spy(dir: string): { env: NodeJS.ProcessEnv; reads: () => string[] } {
    const log = join(dir, 'reads.log');
    const preload = join(dir, 'spy.cjs');
    writeFileSync(
      preload,
      `const fs = require('fs');
const log = (p) => { if (/\\.sor\\.(ya?ml|json)$/.test(String(p))) fs.appendFileSync(${JSON.stringify(log)}, String(p) + '\\n'); };
for (const name of ['readFileSync', 'readFile', 'openSync', 'open', 'createReadStream']) {
  const original = fs[name];
  fs[name] = function (p, ...rest) { log(p); return original.call(this, p, ...rest); };
}
for (const name of ['readFile', 'open']) {
  const original = fs.promises[name];
  fs.promises[name] = function (p, ...rest) { log(p); return original.call(this, p, ...rest); };
}
`,
    );
    return {
      env: { NODE_OPTIONS: `--require ${preload}` },
      reads: () => {
        const lines = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
        writeFileSync(log, '');
        return lines.map((line) => line.slice(dir.length + 1)).sort();
      },
    };
  }

  it('does not read an unchanged clean file again, and does after a change to it or to the config', () => {
    const dir = copyFixtures('basic');
    const { env, reads } = spy(dir);
    const args = ['--cache', '--format', 'json', 'clean.sor.yaml', 'retype.sor.yaml'];
    const first = runCli(args, { cwd: dir, env });
    expect(reads()).toEqual(['clean.sor.yaml', 'retype.sor.yaml']);
    expect(existsSync(join(dir, 'node_modules/.cache/sor-lint/cache.json'))).toBe(true);
    const second = runCli(args, { cwd: dir, env });
    // The file with findings is read again (only clean results are cached); the clean one is not.
    expect(reads()).toEqual(['retype.sor.yaml']);
    expect(second.stdout).toBe(first.stdout);
    expect(second.code).toBe(first.code);

    appendFileSync(join(dir, 'clean.sor.yaml'), '# a new comment\n');
    runCli(args, { cwd: dir, env });
    expect(reads()).toEqual(['clean.sor.yaml', 'retype.sor.yaml']);
    runCli(args, { cwd: dir, env });
    expect(reads()).toEqual(['retype.sor.yaml']);

    writeFileSync(join(dir, '.sor-lint.json'), '{ "root": true, "rules": { "schema": "warning" } }');
    runCli(args, { cwd: dir, env });
    expect(reads()).toEqual(['clean.sor.yaml', 'retype.sor.yaml']);
  });

  it('keeps the cache where --cache-location says, and a file that turns bad is reported', () => {
    const dir = copyFixtures('basic');
    const args = ['--cache', '--cache-location', 'cache-dir/', '--format', 'json', 'clean.sor.yaml'];
    expect(runCli(args, { cwd: dir }).code).toBe(0);
    expect(existsSync(join(dir, 'cache-dir/cache.json'))).toBe(true);
    writeFileSync(join(dir, 'clean.sor.yaml'), readFileSync(join(dir, 'errors.sor.yaml')));
    const after = runCli(args, { cwd: dir });
    expect(after.code).toBe(1);
    expect(summary(jsonReport(after))).toEqual({ 'clean.sor.yaml': ['provider-cvr@4:8 error', 'schema@5:3 error'] });
  });
});

describe('--version, --help, --stdio', () => {
  it('prints the version from package.json', () => {
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    expect(runCli(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('prints help in English, or Danish with --lang da', () => {
    const english = runCli(['--help']);
    expect(english.code).toBe(0);
    expect(english.stdout).toMatch(/^Usage: sor-lint \[options\]/);
    expect(english.stdout).toContain('--fix-dry-run');
    expect(runCli(['--help', '--lang', 'da']).stdout).toMatch(/^Brug: sor-lint \[tilvalg\]/);
  });

  it('--stdio answers an LSP initialize request', async () => {
    const child = spawn(process.execPath, [CLI, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const reply = await new Promise<string>((resolve) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        if (/"id":1/.test(out) && /\}\s*$/.test(out)) resolve(out);
      });
    });
    child.kill();
    expect(reply).toMatch(/^Content-Length: \d+\r\n\r\n/);
    expect(JSON.parse(reply.slice(reply.indexOf('{')))).toMatchObject({ jsonrpc: '2.0', id: 1, result: { capabilities: expect.any(Object) } });
  });

  it('--stdio lints an opened document (in its lint worker, the language server started again)', async () => {
    const client = await TestClient.start({ capabilities: PUSH_CAPABILITIES, locale: 'en', server: [process.execPath, CLI, '--stdio'] });
    try {
      const uri = pathToFileURL(join(FIXTURES, 'basic/errors.sor.yaml')).href;
      await client.open(uri, readFileSync(join(FIXTURES, 'basic/errors.sor.yaml'), 'utf8'));
      const published = await client.diagnosticsFor(uri);
      expect(published.diagnostics.map((diagnostic) => diagnostic.code)).toContain('provider-cvr');
    } finally {
      await client.stop();
    }
  });
});

/** A copy of the basic fixtures with big.sor.yaml, a provider of 3,000 units (reports of megabytes). */
function withBigFile(): string {
  const dir = copyFixtures('basic');
  const generated = spawnSync(process.execPath, [join(ROOT, 'bench/generate.mjs'), '3000'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  writeFileSync(join(dir, 'big.sor.yaml'), generated.stdout);
  return dir;
}

describe('a reader that stops early', () => {
  it('`sor-lint big.sor.yaml | head -1` ends quietly, as a Unix writer whose reader left (141)', () => {
    const dir = withBigFile();
    const pipeline = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" big.sor.yaml 2>stderr | head -1; echo "status \${PIPESTATUS[0]}"`], { cwd: dir, encoding: 'utf8' });
    expect(pipeline.stdout.trim().split('\n')).toEqual(['big.sor.yaml', 'status 141']);
    expect(readFileSync(join(dir, 'stderr'), 'utf8')).toBe('');
  });
});

describe('a reader that starts late', () => {
  // The command ends as soon as its report is written: a report far larger than a pipe holds must
  // still reach, whole, a reader that reads nothing until the command has exited (or 3 s passed).
  it.each([['stylish'], ['json']])('gets the whole %s report and the exit code through a full pipe', async (format) => {
    const dir = withBigFile();
    const expected = runCli(['--format', format, 'big.sor.yaml'], { cwd: dir });
    expect(expected.stdout.length).toBeGreaterThan(256 << 10);
    const child = spawn(process.execPath, [CLI, '--format', format, 'big.sor.yaml'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const closed = new Promise((resolve) => child.on('close', resolve));
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const code = await exited;
    await closed;
    expect(Buffer.concat(stderr).toString('utf8')).toBe('');
    expect(Buffer.concat(stdout).toString('utf8')).toBe(expected.stdout);
    expect(code).toBe(1);
    expect(expected.code).toBe(1);
  });
});
