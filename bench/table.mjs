// The command's rows of issue 11's table, each as a ratio against its floor measured in the same
// run: the `sor-lint` process (dist/cli.js, so `npm run build` first) against a bare Node process
// that reads the same file and js-yaml `load`s it (JSON: `JSON.parse`s it). Runs alternate between
// the two, and the median of each is compared, because the machine's load varies from second to
// second. Peak memory is the process's maximum resident set.
// Usage: node bench/table.mjs [runs] [cli.js]   (another build's cli.js to compare it; the editor's
// rows: node bench/lsp-latency.mjs)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateProvider } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'bench', 'out');
mkdirSync(out, { recursive: true });
const cli = process.argv[3] ?? join(root, 'dist', 'cli.js');
if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first`);

/**
 * Preloaded into every measured process: writes its peak memory and the CPU time it used (all its
 * threads, the collector's included) where PEAK_FILE says, at exit. CPU time is what the other
 * engineers' load on the machine disturbs least; wall time is printed beside it.
 */
const peakHook = join(out, 'peak-hook.cjs');
writeFileSync(
  peakHook,
  "process.on('exit', () => { const u = process.resourceUsage(); require('node:fs').writeFileSync(process.env.PEAK_FILE, JSON.stringify({ mb: u.maxRSS / 1024, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 })); });\n",
);
const floorScript = join(out, 'floor.cjs');
writeFileSync(
  floorScript,
  `const text = require('node:fs').readFileSync(process.argv[2], 'utf8');
if (process.argv[2].endsWith('.json')) JSON.parse(text); else require(${JSON.stringify(join(root, 'node_modules', 'js-yaml'))}).load(text);\n`,
);

const runs = Number(process.argv[2] ?? 5);
const peakFile = join(out, 'peak.txt');

/** One process: wall and CPU time in ms, peak resident memory in MB. Its output is thrown away. */
function measure(args) {
  rmSync(peakFile, { force: true });
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--require', peakHook, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, PEAK_FILE: peakFile, NO_COLOR: '1' },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status === 2 || run.error) throw new Error(`${args.join(' ')} failed: ${run.error?.message ?? run.stderr.toString().trim()}`);
  return { ms, ...JSON.parse(readFileSync(peakFile, 'utf8')) };
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
  const cpu = median(lint.map((r) => r.cpuMs));
  const floorCpu = median(floor.map((r) => r.cpuMs));
  const mb = Math.max(...lint.map((r) => r.mb));
  const size = (statSync(file).size / 1e6).toFixed(1);
  const seconds = (value) => (value / 1000).toFixed(2);
  console.log(`${label} (${size} MB)  [goal: ${goal}]`);
  console.log(
    `    CPU ${(cpu / floorCpu).toFixed(2)}x its floor (${seconds(cpu)} s vs ${seconds(floorCpu)} s), wall ${(ms / floorMs).toFixed(2)}x (${seconds(ms)} s vs ${seconds(floorMs)} s), peak ${mb.toFixed(0)} MB`,
  );
}

console.log(`${cli} against its floor, median of ${runs} alternating runs each`);
row({ label: 'CLI, 10,000 units / js-yaml load', file: providerFile(10_000, 'yaml'), goal: '<= 2x' });
row({ label: 'CLI, 60,000 units / js-yaml load', file: providerFile(60_000, 'yaml'), goal: '<= 2x, < 600 MB' });
row({ label: 'CLI, 100,000 units / js-yaml load', file: providerFile(100_000, 'yaml'), goal: '< 5 s, < 1 GB (a 50 MB file)' });
row({ label: 'CLI, 10,000 units of JSON / JSON.parse', file: providerFile(10_000, 'json'), goal: '<= 3x' });
row({ label: 'CLI --format json, 60,000 units / js-yaml load', file: providerFile(60_000, 'yaml'), cliArgs: ['--format', 'json'], goal: 'as the row above' });
