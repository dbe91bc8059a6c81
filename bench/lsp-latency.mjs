// Editor latency of our language server alone, YAML and JSON: spawns the built server over stdio,
// opens generated providers of 1,000 and 10,000 care units, makes 30 small edits to each (one at a
// time, spread through the file), and prints the median and p95 of didChange → the diagnostics
// published for that version, beside the server's own lint time. Against the peer, and for every
// editor row of issue 11's table: bench/editor-table.mjs.
// Usage: npm run build && node bench/lsp-latency.mjs [--formats yaml,json]
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateProvider } from './generate.mjs';
import { EDITOR_FOLDER, LspSession, ours, percentile, unitNameAt } from './lsp-session.mjs';

const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : fallback;
};
const formats = option('--formats', 'yaml,json').split(',');
const SIZES = [1_000, 10_000];
const EDITS = 30;

const session = await LspSession.start(ours());
console.log(`didChange → diagnostics of that version, ${EDITS} edits per file`);
for (const format of formats) {
  for (const units of SIZES) {
    const uri = pathToFileURL(join(EDITOR_FOLDER, `latency-${units}.sor.${format}`)).href;
    const openStart = performance.now();
    const first = await session.open(uri, generateProvider({ units, format, violations: true }), format);
    const openMs = performance.now() - openStart;
    const latencies = [];
    session.lintTimes.length = 0;
    for (let i = 0; i < EDITS; i++) {
      const at = unitNameAt(session.text(uri), i / EDITS);
      const start = performance.now();
      await session.edit(uri, at, 1, String.fromCharCode(65 + (i % 26)));
      latencies.push(performance.now() - start);
    }
    const ms = (value) => `${value.toFixed(0)} ms`;
    console.log(
      `${format.padEnd(4)} ${String(units).padStart(6)} units (${first.diagnostics.length} diagnostics): open ${ms(openMs)}, edit median ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))} (of which linting: median ${ms(percentile(session.lintTimes, 50))})`,
    );
    await session.close(uri);
  }
}
await session.stop();
