// Bundles the command, the language server the extension starts, and the extension itself, each
// into one file under dist/, and the licences of the packages they carry into
// dist/THIRD-PARTY-LICENSES.md. What a lint never runs is not in the command's bundle, so a lint
// does not compile it: `--stdio` loads the language server's bundle, `import` and `preview` their own.
import { build } from 'esbuild';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeValidators } from './build-validators.mjs';
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

/** The modules server/src/cli/main.ts imports when asked for, and the bundle each is built into. */
const LOADED_WHEN_ASKED = {
  'server/src/lsp/main.ts': 'dist/server.js',
  'server/src/cli/import-command.ts': 'dist/cli-import.js',
  'server/src/cli/preview-command.ts': 'dist/cli-preview.js',
};

/** The command's dynamic imports of those modules become requires of their bundles beside dist/cli.js. */
const loadWhenAsked = {
  name: 'load-when-asked',
  setup(build) {
    build.onResolve({ filter: /\.js$/ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const source = path.relative(process.cwd(), path.resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts')));
      const bundle = LOADED_WHEN_ASKED[source];
      return bundle ? { path: `./${path.basename(bundle)}`, external: true } : undefined;
    });
  },
};

const entries = [
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node', plugins: [loadWhenAsked] },
  ...Object.entries(LOADED_WHEN_ASKED).map(([source, out]) => ({ in: source, out })),
  { in: 'client/src/extension.ts', out: 'dist/extension.js', external: ['vscode'] },
];

// The schema validators are sources the bundles import: made first, from schemas/.
writeValidators();

const metafiles = {};
for (const entry of entries) {
  if (!existsSync(entry.in)) continue;
  const result = await build({
    ...common,
    entryPoints: [entry.in],
    outfile: entry.out,
    external: entry.external ?? [],
    banner: entry.banner ? { js: entry.banner } : undefined,
    plugins: entry.plugins ?? [],
    metafile: true,
  });
  metafiles[entry.out] = result.metafile;
}
writeFileSync('dist/THIRD-PARTY-LICENSES.md', thirdPartyLicenses(process.cwd(), metafiles));
