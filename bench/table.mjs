// The command's rows of issue 11's table, each as a ratio against its floor measured in the same
// run: the `sor-lint` process (dist/cli.js, so `npm run build` first) against a bare Node process
// that reads the same file and js-yaml `load`s it (JSON: `JSON.parse`s it). Runs alternate between
// the two, and the median of each is compared, because the machine's load varies from second to
// second. Peak memory is the process's maximum resident set.
// Usage: node bench/table.mjs [runs]     (the editor's rows: node bench/lsp-latency.mjs)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateProvider } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'bench', 'out');
mkdirSync(out, { recursive: true });
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first');

/** Preloaded into every measured process: writes its peak memory where PEAK_FILE says, at exit. */
const peakHook = join(out, 'peak-hook.cjs');
writeFileSync(
  peakHook,
  "process.on('exit', () => require('node:fs').writeFileSync(process.env.PEAK_FILE, String(process.resourceUsage().maxRSS / 1024)));\n",
);
const floorScript = join(out, 'floor.cjs');
writeFileSync(
  floorScript,
  `const text = require('node:fs').readFileSync(process.argv[2], 'utf8');
if (process.argv[2].endsWith('.json')) JSON.parse(text); else require(${JSON.stringify(join(root, 'node_modules', 'js-yaml'))}).load(text);\n`,
);

const runs = Number(process.argv[2] ?? 5);
const peakFile = join(out, 'peak.txt');

/** One process: wall time in ms and peak resident memory in MB. Its output is thrown away. */
function measure(args) {
  rmSync(peakFile, { force: true });
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--require', peakHook, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, PEAK_FILE: peakFile, NO_COLOR: '1' },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status === 2 || run.error) throw new Error(`${args.join(' ')} failed: ${run.error?.message ?? run.stderr.toString().trim()}`);
  return { ms, mb: Number(readFileSync(peakFile, 'utf8')) };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The file of `units` care units, written once and kept in bench/out for later runs. */
function providerFile(units, format) {
  const file = join(out, `provider-${units}.sor.${format}`);
  if (!existsSync(file)) writeFileSync(file, generateProvider({ units, format }));
  return file;
}

function row({ label, file, goal, cliArgs = [] }) {
  const floor = [];
  const lint = [];
  for (let i = 0; i < runs; i++) {
    floor.push(measure([floorScript, file]));
    lint.push(measure([cli, ...cliArgs, file]));
  }
  const ms = median(lint.map((r) => r.ms));
  const floorMs = median(floor.map((r) => r.ms));
  const mb = Math.max(...lint.map((r) => r.mb));
  const size = (statSync(file).size / 1e6).toFixed(1);
  console.log(
    `${label} (${size} MB): ${(ms / floorMs).toFixed(2)}x its floor, ${(ms / 1000).toFixed(2)} s vs ${(floorMs / 1000).toFixed(2)} s, peak ${mb.toFixed(0)} MB  [goal: ${goal}]`,
  );
}

console.log(`sor-lint command against its floor, median of ${runs} alternating runs each`);
row({ label: 'CLI, 10,000 units / js-yaml load', file: providerFile(10_000, 'yaml'), goal: '<= 2x' });
row({ label: 'CLI, 60,000 units / js-yaml load', file: providerFile(60_000, 'yaml'), goal: '<= 2x, < 600 MB' });
row({ label: 'CLI, 100,000 units / js-yaml load', file: providerFile(100_000, 'yaml'), goal: '< 5 s, < 1 GB (a 50 MB file)' });
row({ label: 'CLI, 10,000 units of JSON / JSON.parse', file: providerFile(10_000, 'json'), goal: '<= 3x' });
row({ label: 'CLI --format json, 60,000 units / js-yaml load', file: providerFile(60_000, 'yaml'), cliArgs: ['--format', 'json'], goal: 'as the row above' });
