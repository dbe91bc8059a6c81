// Median length of findings' messages on the examples (issue: "median message length on the
// examples ≤ 140 characters in both languages"), measured through the built command as a user
// runs it. Usage: npm run build && node bench/message-length.mjs [files or folders]
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const targets = process.argv.length > 2 ? process.argv.slice(2) : [join(root, 'examples')];

/** The middle length (the mean of the two middle ones for an even count). */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

for (const lang of ['en', 'da']) {
  let out;
  try {
    out = execFileSync(process.execPath, [join(root, 'dist/cli.js'), '--format', 'json', '--lang', lang, ...targets], { encoding: 'utf8' });
  } catch (error) {
    out = error.stdout; // exit code 1: findings, as expected on the examples
  }
  const findings = JSON.parse(out).flatMap((file) => file.findings);
  const messages = findings.map((f) => [...f.message].length);
  const actions = findings.filter((f) => f.action).map((f) => [...f.action].length);
  console.log(
    `${lang}: ${findings.length} findings; message median ${median(messages)}, longest ${Math.max(...messages)}; action median ${median(actions)}, longest ${Math.max(...actions)} (characters)`,
  );
}
