// Lint speed and memory against the baselines the core issue sets:
//   10,000 care units of YAML: whole lint within 2x js-yaml's bare load, peak memory < 300 MB;
//   the same data as JSON: within 3x JSON.parse;  60,000 units: the CLI process under 3 s.
// Prints ratios (the figures that matter across machines) and the absolute times beside them.
// Usage: npm run bench:lint   (or node bench/lint-bench.mjs [units])
import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateProvider } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'bench', 'out');
mkdirSync(out, { recursive: true });
const require = createRequire(import.meta.url);

if (process.argv[2] === '--peak') {
  // Child mode: lint one file once and report this process's peak memory.
  const { lint } = require(join(out, 'core.cjs'));
  const { readFileSync } = await import('node:fs');
  const file = process.argv[3];
  const result = lint(readFileSync(file, 'utf8'), { fileName: file });
  process.stdout.write(JSON.stringify({ findings: result.findings.length, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

await build({ entryPoints: [join(root, 'server/src/core/lint.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: join(out, 'core.cjs'), logLevel: 'warning' });
const { lint } = require(join(out, 'core.cjs'));
const yaml = require('js-yaml');

const units = Number(process.argv[2] ?? 10_000);
const yamlText = generateProvider({ units, format: 'yaml' });
const jsonText = generateProvider({ units, format: 'json' });
const yamlFile = join(out, `provider-${units}.sor.yaml`);
writeFileSync(yamlFile, yamlText);

function median(fn, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const runs = 7;
const jsYamlMs = median(() => yaml.load(yamlText), runs);
const lintYamlMs = median(() => lint(yamlText, { fileName: 'p.sor.yaml' }), runs);
const jsonParseMs = median(() => JSON.parse(jsonText), runs);
const lintJsonMs = median(() => lint(jsonText, { fileName: 'p.sor.json' }), runs);
const peak = JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--peak', yamlFile], { encoding: 'utf8' }));

const mb = (text) => (Buffer.byteLength(text) / 1e6).toFixed(1);
console.log(`${units} care units: YAML ${mb(yamlText)} MB, JSON ${mb(jsonText)} MB, ${peak.findings} findings`);
console.log(`YAML lint / js-yaml load: ${(lintYamlMs / jsYamlMs).toFixed(2)}x  (${lintYamlMs.toFixed(0)} ms vs ${jsYamlMs.toFixed(0)} ms; target <= 2x)`);
console.log(`JSON lint / JSON.parse:   ${(lintJsonMs / jsonParseMs).toFixed(2)}x  (${lintJsonMs.toFixed(0)} ms vs ${jsonParseMs.toFixed(0)} ms; target <= 3x)`);
console.log(`peak memory, one YAML lint in a fresh process: ${peak.maxRssMb.toFixed(0)} MB (target < 300 MB)`);

const cli = join(root, 'dist', 'cli.js');
const national = join(out, 'provider-60000.sor.yaml');
writeFileSync(national, generateProvider({ units: 60_000, format: 'yaml' }));
const start = process.hrtime.bigint();
const run = spawnSync(process.execPath, [cli, '--format', 'json', national], { encoding: 'utf8', maxBuffer: 1 << 30 });
const cliMs = Number(process.hrtime.bigint() - start) / 1e6;
if (run.status === 2 || run.error) console.log(`CLI on 60,000 units: failed (${run.error?.message ?? run.stderr.trim()})`);
else console.log(`CLI process on 60,000 units: ${(cliMs / 1000).toFixed(2)} s (${(cliMs / 3000).toFixed(2)}x of the 3 s target)`);
