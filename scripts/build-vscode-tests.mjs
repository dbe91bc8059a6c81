// Compiles the extension-host tests (test/vscode) to dist/test/vscode: the extension host loads
// JavaScript. Packages stay external so the suites share the index's mocha and get the host's vscode.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';

const suites = readdirSync('test/vscode/suite').filter((name) => name.endsWith('.ts'));
await build({
  entryPoints: ['test/vscode/index.ts', 'test/vscode/run-electron.ts', ...suites.map((name) => `test/vscode/suite/${name}`)],
  outbase: 'test/vscode',
  outdir: 'dist/test/vscode',
  bundle: true,
  packages: 'external',
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
});
