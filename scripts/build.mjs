// Bundles the CLI (which is also the stdio language server), the IPC language server the
// extension starts, and the extension itself, each into one file under dist/, and the licences of
// the packages they carry into dist/THIRD-PARTY-LICENSES.md.
import { build } from 'esbuild';
import { existsSync, writeFileSync } from 'node:fs';
import { thirdPartyLicenses } from './third-party-licenses.mjs';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const entries = [
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node' },
  { in: 'server/src/lsp/main.ts', out: 'dist/server.js' },
  { in: 'client/src/extension.ts', out: 'dist/extension.js', external: ['vscode'] },
];

const metafiles = {};
for (const entry of entries) {
  if (!existsSync(entry.in)) continue;
  const result = await build({
    ...common,
    entryPoints: [entry.in],
    outfile: entry.out,
    external: entry.external ?? [],
    banner: entry.banner ? { js: entry.banner } : undefined,
    metafile: true,
  });
  metafiles[entry.out] = result.metafile;
}
writeFileSync('dist/THIRD-PARTY-LICENSES.md', thirdPartyLicenses(process.cwd(), metafiles));
