// Peak memory of `importProvider` on a national-size SorEntity_daily.csv (issue 6: the importer
// streams). Writes the file (about 100,000 rows, children before their parents) to bench/out/,
// then imports one provider in a fresh process and prints its peak RSS beside a baseline process
// that only loads the same bundle, and the file's size. With --no-parent the file has no parent
// column: institutions name their owner by CVR number, units their health institution (issue 14).
// Usage: node bench/import-bench.mjs [rows] [--no-parent]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'bench', 'out');
const bundle = join(out, 'import.cjs');
const csvPath = join(out, 'SorEntity_daily.csv');
const require = createRequire(import.meta.url);

if (process.argv[2] === '--child') {
  // Child mode: import (or, with --baseline, only load the bundle) and report this process's peak memory.
  const lib = require(bundle);
  const started = Date.now();
  const result = process.argv[3] === '--baseline' ? undefined : await lib.importProvider(csvPath, { provider: lib.NATIONAL_PROVIDER_CVR });
  const report = { maxRssMb: peakRssMb(), ms: Date.now() - started };
  if (result) Object.assign(report, { rowsRead: result.rowsRead, units: result.unitCount, peakRowsHeld: result.peakRowsHeld, yamlBytes: result.yaml.length });
  process.stdout.write(JSON.stringify(report));
  process.exit(0);
}

/**
 * This process's peak resident memory (VmHWM). Not resourceUsage().maxRSS: Linux carries that
 * figure across exec, so a child would report at least its parent's size when it was spawned.
 */
function peakRssMb() {
  const status = readFileSync('/proc/self/status', 'utf8');
  return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)[1]) / 1024;
}

mkdirSync(out, { recursive: true });
const entry = join(out, 'import-entry.mjs');
writeFileSync(
  entry,
  `export { importProvider } from '../../server/src/import/index.js';\nexport { nationalUnits, NATIONAL_PROVIDER_CVR } from '../../test/import/national.js';\nexport { csvHeader, csvLine } from '../../test/import/sor-csv.js';\n`,
);
await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'warning' });
const lib = require(bundle);

const args = process.argv.slice(2);
const rows = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 100_000);
const noParent = args.includes('--no-parent');
const layout = noParent ? { ownerColumns: true, omit: ['ParentSorId', 'CvrNumber', 'InstitutionOwnerSorId'] } : {};
await new Promise((resolve, reject) => {
  const file = createWriteStream(csvPath);
  file.on('error', reject);
  file.on('finish', resolve);
  file.write(lib.csvHeader(layout) + '\r\n');
  for (const unit of lib.nationalUnits(rows)) file.write(lib.csvLine(unit, layout) + '\r\n');
  file.end();
});

function child(...args) {
  const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

const baseline = child('--baseline');
const imported = child();
const sizeMb = statSync(csvPath).size / 1024 / 1024;
console.log(`file: ${rows} rows, ${sizeMb.toFixed(1)} MB, ${noParent ? 'no parent column' : 'ParentSorId'} (${csvPath})`);
console.log(`import of one provider: peak RSS ${imported.maxRssMb.toFixed(1)} MB (node with the bundle loaded: ${baseline.maxRssMb.toFixed(1)} MB), ${imported.ms} ms`);
console.log(`rows read ${imported.rowsRead}, units written ${imported.units}, most rows held at once ${imported.peakRowsHeld}`);
