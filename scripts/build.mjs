// Bundles the command, the language server the extension starts, and the extension itself, each
// into one file under dist/, and the licences of the packages they carry into
// dist/THIRD-PARTY-LICENSES.md. What a lint never runs is not in the command's bundle, so a lint
// does not compile it: `--stdio` loads the language server's bundle, `import` and `preview` their own,
// and the packages a lint needs only now and then are bundles of their own that it requires when it does.
import { build } from 'esbuild';
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
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

/**
 * The packages the sources `require` only where they need them (`yaml` after a syntax error and for a
 * YAML configuration, js-yaml where the block reader declines, tinyglobby for a glob), and the bundle
 * of each: the command loads none of them, or its compile, on a run that does not use it.
 */
const PACKAGES_WHEN_ASKED = {
  yaml: 'dist/yaml.js',
  'js-yaml': 'dist/js-yaml.js',
  tinyglobby: 'dist/tinyglobby.js',
};

/** The command's dynamic imports of those modules, and its requires of those packages, become requires of their bundles beside dist/cli.js. */
const loadWhenAsked = {
  name: 'load-when-asked',
  setup(build) {
    // Every import of such a package, so that the command never carries a second copy of one.
    build.onResolve({ filter: /^[\w-]+$/ }, (args) => {
      const bundle = PACKAGES_WHEN_ASKED[args.path];
      return bundle ? { path: `./${path.basename(bundle)}`, external: true } : undefined;
    });
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
  // Required, not imported, so that the bundle holds the package's CommonJS build, as the sources' `require` does.
  ...Object.entries(PACKAGES_WHEN_ASKED).map(([name, out]) => ({ stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: '.' }, out })),
  { in: 'client/src/extension.ts', out: 'dist/extension.js', external: ['vscode'] },
];

// The schema validators are sources the bundles import: made first, from schemas/.
writeValidators();

const metafiles = {};
for (const entry of entries) {
  if (entry.in && !existsSync(entry.in)) continue;
  const result = await build({
    ...common,
    ...(entry.stdin ? { stdin: entry.stdin } : { entryPoints: [entry.in] }),
    outfile: entry.out,
    external: entry.external ?? [],
    banner: entry.banner ? { js: entry.banner } : undefined,
    plugins: entry.plugins ?? [],
    metafile: true,
  });
  metafiles[entry.out] = result.metafile;
  // The command is run as a program (`./dist/cli.js`, and npx through the link it keeps once made
  // to a checkout's bin), not only as installed by npm, which would mark it executable itself.
  if (entry.banner) chmodSync(entry.out, 0o755);
}
writeFileSync('dist/THIRD-PARTY-LICENSES.md', thirdPartyLicenses(process.cwd(), metafiles));
