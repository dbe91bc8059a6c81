// npm run docs: writes docs/rules/<id>.md for every rule and the README's rule table.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bundle = join(tmpdir(), `sor-lint-docs-${process.pid}.cjs`);
await build({
  stdin: {
    contents: "export { allRules } from './server/src/rules/index.ts'; export * from './scripts/rule-docs.ts';",
    resolveDir: process.cwd(),
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: bundle,
  logLevel: 'warning',
});
const { allRules, renderRuleDoc, withRuleTable } = createRequire(import.meta.url)(bundle);
mkdirSync('docs/rules', { recursive: true });
for (const rule of allRules) writeFileSync(`docs/rules/${rule.id}.md`, renderRuleDoc(rule));
writeFileSync('README.md', withRuleTable(readFileSync('README.md', 'utf8'), allRules));
console.log(`wrote ${allRules.length} rule pages and the README table`);
