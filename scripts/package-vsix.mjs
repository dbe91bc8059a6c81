// `npm run package`: the .vsix. package.json is also the npm package's manifest, whose `files`
// list vsce refuses to combine with .vscodeignore; so the extension is packed from a staging
// folder holding what .vscodeignore keeps, the store README (client/README.md) as its README and
// the manifest without `files`.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPOSITORY = 'https://github.com/sor-lint/sor-lint';

/** The paths .vscodeignore keeps (`!file` or `!folder/**`), as files or folders to copy. */
export function keptPaths(root) {
  return readFileSync(path.join(root, '.vscodeignore'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('!'))
    .map((line) => line.slice(1).replace(/\/\*\*$/, ''));
}

export function packageVsix({ root, out }) {
  const stage = mkdtempSync(path.join(os.tmpdir(), 'sor-lint-vsix-'));
  for (const kept of keptPaths(root)) {
    if (kept === 'package.json' || kept === 'README.md') continue;
    if (!existsSync(path.join(root, kept))) throw new Error(`.vscodeignore keeps ${kept}, which does not exist: run the build first`);
    cpSync(path.join(root, kept), path.join(stage, kept), { recursive: true });
  }
  cpSync(path.join(root, '.vscodeignore'), path.join(stage, '.vscodeignore'));
  cpSync(path.join(root, 'client/README.md'), path.join(stage, 'README.md'));
  const { files, scripts, devDependencies, ...manifest } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const vsce = path.join(root, 'node_modules/@vscode/vsce/vsce');
  // The store README's images live beside it in client/.
  const links = ['--baseContentUrl', `${REPOSITORY}/blob/HEAD/client/`, '--baseImagesUrl', `${REPOSITORY}/raw/HEAD/client/`];
  try {
    execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', ...links, '--out', path.resolve(out)], { cwd: stage, stdio: ['ignore', 'ignore', 'inherit'] });
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
  return path.resolve(out);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const outIndex = process.argv.indexOf('--out');
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const out = outIndex > 0 ? process.argv[outIndex + 1] : `${manifest.name}-${manifest.version}.vsix`;
  console.log(packageVsix({ root, out }));
}
