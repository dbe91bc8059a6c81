// The command runs its bundle with V8's code cache in the user's cache folder. The cache is only a
// shortcut: whatever is in the folder (nothing, a corrupt or foreign cache, no folder that can be
// written), the run reports what it reports without one, and says nothing about the cache.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliRun } from './helpers.js';
import { ensureBuilt, ROOT, runCli } from './helpers.js';

beforeAll(ensureBuilt);

const ARGS = ['--format', 'json', '--lang', 'en', 'basic/errors.sor.yaml'];

function runWithCacheHome(cacheHome: string, env: NodeJS.ProcessEnv = {}): CliRun {
  return runCli(ARGS, { env: { XDG_CACHE_HOME: cacheHome, ...env } });
}

/** What the run reports with no cache at all. */
let uncached: CliRun;

beforeAll(() => {
  uncached = runWithCacheHome(mkdtempSync(join(tmpdir(), 'sor-lint-cache-')), { SOR_LINT_CODE_CACHE: 'off' });
  expect(uncached.code).toBe(1);
  expect(uncached.stderr).toBe('');
});

/** The one cache file the runs wrote under `cacheHome`. */
function cacheFileIn(cacheHome: string): string {
  const files = readdirSync(join(cacheHome, 'sor-lint'));
  expect(files).toHaveLength(1);
  expect(files[0]).toMatch(/^code-cache-.*\.bin$/);
  return join(cacheHome, 'sor-lint', files[0]);
}

/** A run that writes a cache, and the cache it wrote. */
function freshCache(): { cacheHome: string; file: string; bytes: Buffer } {
  const cacheHome = mkdtempSync(join(tmpdir(), 'sor-lint-cache-'));
  expect(runWithCacheHome(cacheHome)).toEqual(uncached);
  const file = cacheFileIn(cacheHome);
  return { cacheHome, file, bytes: readFileSync(file) };
}

/** The cache was read and kept: a run that could not use it writes it again. */
function expectKept(file: string, run: () => CliRun): void {
  const before = readFileSync(file);
  const mtime = statSync(file).mtimeMs;
  expect(run()).toEqual(uncached);
  expect(statSync(file).mtimeMs).toBe(mtime);
  expect(readFileSync(file).equals(before)).toBe(true);
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest();

describe("the command's code cache", () => {
  it('is written by the first run in $XDG_CACHE_HOME/sor-lint, and read and kept by the next, which reports the same', () => {
    const { cacheHome, file } = freshCache();
    expectKept(file, () => runWithCacheHome(cacheHome));
  });

  it('is ignored and written again when it is corrupt: cut short, bytes changed, empty, not a cache, made for another bundle', () => {
    const { cacheHome, file, bytes } = freshCache();
    const flipped = (at: number) => Buffer.from(bytes.map((byte, i) => (i === at ? byte ^ 0xff : byte)));
    const corruptions = {
      'cut short': bytes.subarray(0, bytes.length >> 1),
      'a payload byte changed': flipped(bytes.length - 100),
      // The bundle's hash follows the first line.
      'made for another bundle': flipped(bytes.indexOf(0x0a) + 1),
      empty: Buffer.alloc(0),
      'not a cache': Buffer.from('provider:\n  name: X\n'),
    };
    for (const [what, corrupt] of Object.entries(corruptions)) {
      writeFileSync(file, corrupt);
      expect(runWithCacheHome(cacheHome), what).toEqual(uncached);
      expect(readFileSync(file).equals(corrupt), what).toBe(false);
      expectKept(file, () => runWithCacheHome(cacheHome));
    }
  });

  it('is ignored and written again when V8 rejects it (a cache our check accepts, from another Node or flags)', () => {
    const { cacheHome, file, bytes } = freshCache();
    const bundleHashEnd = bytes.indexOf(0x0a) + 1 + 32;
    const payload = Buffer.alloc(4096, 0x5a);
    writeFileSync(file, Buffer.concat([bytes.subarray(0, bundleHashEnd), sha256(payload), payload]));
    expect(sha256(readFileSync(join(ROOT, 'dist/cli-main.js'))).equals(bytes.subarray(bundleHashEnd - 32, bundleHashEnd))).toBe(true);
    expect(runWithCacheHome(cacheHome)).toEqual(uncached);
    expectKept(file, () => runWithCacheHome(cacheHome));
  });

  it('changes nothing when the cache folder cannot be made or the cache file is a folder', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'sor-lint-cache-'));
    const notAFolder = join(scratch, 'file');
    writeFileSync(notAFolder, '');
    expect(runWithCacheHome(notAFolder)).toEqual(uncached);
    const folderHome = join(scratch, 'home');
    mkdirSync(join(folderHome, 'sor-lint', basename(freshCache().file)), { recursive: true });
    expect(runWithCacheHome(folderHome)).toEqual(uncached);
    expect(statSync(cacheFileIn(folderHome)).isDirectory()).toBe(true);
  });

  it('is neither read nor written with SOR_LINT_CODE_CACHE=off', () => {
    const cacheHome = mkdtempSync(join(tmpdir(), 'sor-lint-cache-'));
    expect(runWithCacheHome(cacheHome, { SOR_LINT_CODE_CACHE: 'off' })).toEqual(uncached);
    expect(readdirSync(cacheHome)).toEqual([]);
  });
});
