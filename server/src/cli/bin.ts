// Entry point of dist/cli.js: runs the command (dist/cli-main.js, built from main.ts) with V8's
// code cache in the user's cache folder (code-cache.ts); SOR_LINT_CODE_CACHE=off runs it without.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { version } from '../../../package.json';
import { runWithCodeCache, userCacheFolder } from './code-cache.js';

function cacheFile(): string | undefined {
  if (process.env.SOR_LINT_CODE_CACHE === 'off') return undefined;
  let home = '';
  try {
    home = homedir();
  } catch {
    // No home folder: no cache unless the environment names one.
  }
  const folder = userCacheFolder(process.env, process.platform, home);
  return folder && join(folder, 'sor-lint', `code-cache-${version}-node${process.version}-${process.arch}.bin`);
}

runWithCodeCache(join(__dirname, 'cli-main.js'), cacheFile());
