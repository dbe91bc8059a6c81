// npm run docs: writes docs/rules/<id>.md for every rule, the README's rule table and the rule ids
// of the extension's `sor-lint.rules` setting.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bundle = join(tmpdir(), `sor-lint-docs-${process.pid}.cjs`);
await build({
  stdin: {
    contents: "export { allRules } from './server/src/rules/index.ts'; export * from './scripts/rule-docs.ts'; export * from './scripts/rule-settings.ts';",
    resolveDir: process.cwd(),
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: bundle,
  logLevel: 'warning',
});
const { allRules, renderRuleDoc, withRuleTable, withRuleSettings } = createRequire(import.meta.url)(bundle);
mkdirSync('docs/rules', { recursive: true });
for (const rule of allRules) writeFileSync(`docs/rules/${rule.id}.md`, renderRuleDoc(rule));
writeFileSync('README.md', withRuleTable(readFileSync('README.md', 'utf8'), allRules));
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const settings = withRuleSettings(readJson('package.json'), readJson('package.nls.json'), readJson('package.nls.da.json'), allRules);
const writeJson = (file, value) => writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
writeJson('package.json', settings.manifest);
writeJson('package.nls.json', settings.english);
writeJson('package.nls.da.json', settings.danish);
console.log(`wrote ${allRules.length} rule pages, the README table and the sor-lint.rules setting`);
