// The files the command reads and writes, as a user's folder holds them: symbolic and hard links,
// FIFOs and devices where a file is expected, loops, and files too large to read.
import { spawnSync } from 'node:child_process';
import { closeSync, linkSync, openSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, copyFixtures, ensureBuilt, jsonReport, runCli } from './helpers.js';

beforeAll(ensureBuilt);

/** A run that would hang is killed after this long: the tests below fail instead of waiting. */
const HANG = { timeout: 20_000 };

function mkfifo(path: string): void {
  expect(spawnSync('mkfifo', [path]).status).toBe(0);
}

/** The fixable fixture's two safe fixes applied, as --fix writes them. */
function fixedText(dir: string): string {
  const probe = join(dir, 'probe.sor.yaml');
  writeFileSync(probe, readFileSync(join(dir, 'fixable.sor.yaml')));
  expect(runCli(['--fix', 'probe.sor.yaml'], { cwd: dir }).code).toBe(0);
  return readFileSync(probe, 'utf8');
}

describe('--fix through links', () => {
  it('writes through a symbolic link to its target and keeps the link', () => {
    const dir = copyFixtures('basic');
    const fixed = fixedText(dir);
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real/target.sor.yaml'), readFileSync(join(dir, 'fixable.sor.yaml')));
    symlinkSync('real/target.sor.yaml', join(dir, 'link.sor.yaml'));
    const result = runCli(['--fix', 'link.sor.yaml'], { cwd: dir });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(lstatSync(join(dir, 'link.sor.yaml')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.sor.yaml'))).toBe('real/target.sor.yaml');
    expect(readFileSync(join(dir, 'real/target.sor.yaml'), 'utf8')).toBe(fixed);
    expect(readdirSync(join(dir, 'real'))).toEqual(['target.sor.yaml']);
  });

  it('writes a hard-linked file in place: both names still share the one fixed file', () => {
    const dir = copyFixtures('basic');
    const fixed = fixedText(dir);
    const first = join(dir, 'fixable.sor.yaml');
    const second = join(dir, 'second-name.sor.yaml');
    linkSync(first, second);
    const inode = statSync(first).ino;
    const result = runCli(['--fix', 'fixable.sor.yaml'], { cwd: dir });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(statSync(first).ino).toBe(inode);
    expect(statSync(second).ino).toBe(inode);
    expect(statSync(first).nlink).toBe(2);
    expect(readFileSync(second, 'utf8')).toBe(fixed);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('only regular files are read', () => {
  it('reports a SOR-named link to a FIFO and to /dev/zero in a folder, one line each, and lints the rest', () => {
    const dir = copyFixtures('basic');
    mkfifo(join(dir, 'pipe'));
    symlinkSync(join(dir, 'pipe'), join(dir, 'a-pipe.sor.yaml'));
    symlinkSync('/dev/zero', join(dir, 'b-zero.sor.yaml'));
    const result = runCli(['--format', 'json', '.'], { cwd: dir, ...HANG });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'sor-lint: cannot read a-pipe.sor.yaml: not a regular file (a FIFO)\n' + 'sor-lint: cannot read b-zero.sor.yaml: not a regular file (a device)\n',
    );
    expect(jsonReport(result).map((file) => file.filePath)).toEqual(['broken.sor.yaml', 'clean.sor.yaml', 'errors.sor.yaml', 'fixable.sor.yaml', 'retype.sor.yaml']);
  });

  it('reports a FIFO given as a file, in Danish too, without waiting for a writer', () => {
    const dir = copyFixtures('basic');
    mkfifo(join(dir, 'pipe.sor.yaml'));
    expect(runCli(['pipe.sor.yaml'], { cwd: dir, ...HANG })).toMatchObject({ code: 2, stdout: '', stderr: 'sor-lint: cannot read pipe.sor.yaml: not a regular file (a FIFO)\n' });
    expect(runCli(['--lang', 'da', 'pipe.sor.yaml'], { cwd: dir, ...HANG })).toMatchObject({
      code: 2,
      stderr: 'sor-lint: kan ikke læse pipe.sor.yaml: ikke en almindelig fil (en FIFO)\n',
    });
  });

  it('refuses a --cache-location that is a FIFO or a device instead of hanging on it', () => {
    const dir = copyFixtures('basic');
    mkfifo(join(dir, 'pipe'));
    expect(runCli(['--cache', '--cache-location', 'pipe', 'clean.sor.yaml'], { cwd: dir, ...HANG })).toMatchObject({
      code: 2,
      stderr: 'sor-lint: cannot read the cache pipe: not a regular file (a FIFO)\n',
    });
    expect(runCli(['--lang', 'da', '--cache', '--cache-location', '/dev/zero', 'clean.sor.yaml'], { cwd: dir, ...HANG })).toMatchObject({
      code: 2,
      stderr: 'sor-lint: kan ikke læse cachen /dev/zero: ikke en almindelig fil (en enhed)\n',
    });
  });

  it('stops reading standard input at the size bound: /dev/zero as input is an error, not a crash', () => {
    const zero = openSync('/dev/zero', 'r');
    const run = spawnSync(process.execPath, [CLI, '-'], { stdio: [zero, 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '' }, ...HANG });
    closeSync(zero);
    expect({ code: run.status, stderr: run.stderr }).toEqual({ code: 2, stderr: 'sor-lint: cannot read standard input: larger than 64 MB (65 MB)\n' });
  });

  it('refuses a file above the size bound without reading it', () => {
    const dir = copyFixtures('basic');
    // A sparse file: 200 MB long, no disk used.
    writeFileSync(join(dir, 'huge.sor.yaml'), '');
    truncateSync(join(dir, 'huge.sor.yaml'), 200 * 1024 * 1024);
    const result = runCli(['--format', 'json', 'huge.sor.yaml', 'clean.sor.yaml'], { cwd: dir, ...HANG });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('sor-lint: cannot read huge.sor.yaml: larger than 64 MB (200 MB)\n');
    expect(jsonReport(result)).toEqual([{ filePath: 'clean.sor.yaml', findings: [] }]);
  });
});

describe('one bad entry does not end a folder run', () => {
  it('lints the rest, reports a looping link and a link to a folder named x.sor.yaml, and exits 2 at the end', () => {
    const dir = copyFixtures('basic');
    symlinkSync('loop.sor.yaml', join(dir, 'loop.sor.yaml'));
    mkdirSync(join(dir, 'folder'));
    symlinkSync('folder', join(dir, 'x.sor.yaml'));
    const result = runCli(['--format', 'json', '.'], { cwd: dir, ...HANG });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('sor-lint: cannot read loop.sor.yaml (ELOOP)\n' + 'sor-lint: cannot read x.sor.yaml: not a regular file (a folder)\n');
    const report = jsonReport(result);
    expect(report.map((file) => file.filePath)).toEqual(['broken.sor.yaml', 'clean.sor.yaml', 'errors.sor.yaml', 'fixable.sor.yaml', 'retype.sor.yaml']);
    expect(report.find((file) => file.filePath === 'errors.sor.yaml')!.findings.length).toBeGreaterThan(0);
    // The same with --cache, which looks at each file's size before reading it.
    const cached = runCli(['--cache', '--cache-location', 'cache.json', '--format', 'json', '.'], { cwd: dir, ...HANG });
    expect({ code: cached.code, stderr: cached.stderr, files: jsonReport(cached).length }).toEqual({ code: 2, stderr: result.stderr, files: 5 });
  });
});
