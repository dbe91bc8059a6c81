// Runs the command's bundle with V8's code cache: the bundle's functions as an earlier run compiled
// them, kept in the user's cache folder, so a run does not parse and compile them again (a
// one-unit lint spent a fifth of its time there). The cache is only ever a shortcut: a missing,
// unreadable, corrupt or foreign one is ignored and written again at exit, a folder that cannot
// be written is left alone, and the bundle then runs exactly as it would without.
import { createHash } from 'node:crypto';
import { accessSync, constants, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { readRegularFile } from '../fs/read.js';

/** Our header: this, the bundle's sha256, the payload's sha256. V8 itself compares a source's length, not its text, and no checksum. */
const MAGIC = Buffer.from('sor-lint code cache 1\n');
const HASH_BYTES = 32;
const HEADER_BYTES = MAGIC.length + 2 * HASH_BYTES;
/** Far above the few MB V8 writes for our bundle. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/** The folder for a user's caches: XDG_CACHE_HOME (else ~/.cache), ~/Library/Caches on macOS, LOCALAPPDATA on Windows. */
export function userCacheFolder(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string | undefined {
  if (platform === 'win32') return env.LOCALAPPDATA || undefined;
  if (platform === 'darwin') return home ? join(home, 'Library', 'Caches') : undefined;
  return env.XDG_CACHE_HOME || (home ? join(home, '.cache') : undefined);
}

/**
 * Runs `bundle` (a CommonJS file without dynamic `import()`, which a script run this way cannot
 * do) as Node would load it, with the code cache in `cacheFile`, or without one when undefined.
 */
export function runWithCodeCache(bundle: string, cacheFile: string | undefined): void {
  const source = readRegularFile(bundle).toString('utf8');
  const sourceHash = sha256(source);
  const cachedData = cacheFile ? readCache(cacheFile, sourceHash) : undefined;
  const script = new Script(Module.wrap(source), { filename: bundle, cachedData });
  // At exit the cache holds every function the run compiled, not just the bundle's top level.
  if (cacheFile && (!cachedData || script.cachedDataRejected)) process.once('exit', () => writeCache(cacheFile, sourceHash, script));
  const bundleModule = new Module(bundle);
  bundleModule.filename = bundle;
  script.runInThisContext()(bundleModule.exports, Module.createRequire(bundle), bundleModule, bundle, dirname(bundle));
}

/** The cache's payload for this bundle, if the file holds a whole one. */
function readCache(file: string, sourceHash: Buffer): Buffer | undefined {
  let data: Buffer;
  try {
    data = readRegularFile(file, MAX_CACHE_BYTES);
  } catch {
    return undefined;
  }
  if (data.length <= HEADER_BYTES || !data.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  if (!data.subarray(MAGIC.length, MAGIC.length + HASH_BYTES).equals(sourceHash)) return undefined;
  const payload = data.subarray(HEADER_BYTES);
  return sha256(payload).equals(data.subarray(MAGIC.length + HASH_BYTES, HEADER_BYTES)) ? payload : undefined;
}

/** Written to a temporary file and renamed, so a run at the same time reads the old cache or the new one. */
function writeCache(file: string, sourceHash: Buffer, script: Script): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    // A folder we cannot write to fails here, before V8 serialises the cache.
    mkdirSync(dirname(file), { recursive: true });
    accessSync(dirname(file), constants.W_OK);
    const payload = script.createCachedData();
    writeFileSync(temporary, Buffer.concat([MAGIC, sourceHash, sha256(payload), payload]));
    renameSync(temporary, file);
  } catch {
    // The next run compiles again, as it would without a cache.
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was written.
    }
  }
}

function sha256(data: string | Buffer): Buffer {
  return createHash('sha256').update(data).digest();
}
