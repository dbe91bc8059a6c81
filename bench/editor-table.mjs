// The editor's rows of issue 11's table, ours beside the peer's in the same run: our server and
// yaml-language-server 1.x (validating against our schema, offline), both over stdio, get the same
// generated files (bench/generate.mjs) and the same keystrokes, and each row prints the medians and
// their ratio. A keystroke retypes one character of a unit's name in the middle of the file and is
// timed until the server publishes diagnostics of that version (the peer publishes no version: its
// next publication); every wait a server adds (a debounce, the peer's 200 ms validation delay)
// counts, as the user waits for it. Our server is measured pushing and, as VS Code asks it,
// answering pulls. "First squiggle in VS Code" comes from bench/vscode-squiggle.mjs (code-server and
// Chromium, after `npm run e2e:setup`), skipped with a note when that setup is missing.
// `--against <server.js>`: another build of ours (e.g. the main branch's) measured in the same run too.
// Usage: npm run build && node bench/editor-table.mjs [--edits N] [--opens N] [--no-vscode] [--against server.js]
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateProvider } from './generate.mjs';
import { EDITOR_FOLDER, LspSession, ROOT, ours, peer, percentile, unitNameAt } from './lsp-session.mjs';
import { measureFirstSquiggle } from './vscode-squiggle.mjs';

const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const EDITS = option('--edits', 15);
/** The peer takes seconds a keystroke on the big file: fewer of them there. */
const PEER_BIG_EDITS = Math.min(EDITS, 5);
const OPENS = option('--opens', 3);
const againstAt = process.argv.indexOf('--against');
const against = againstAt >= 0 ? process.argv[againstAt + 1] : undefined;
const out = join(ROOT, 'bench', 'out');
mkdirSync(out, { recursive: true });
if (!existsSync(join(ROOT, 'dist', 'server.js'))) throw new Error('dist/server.js is missing: run `npm run build` first');

const texts = new Map([1_000, 10_000].map((units) => [units, generateProvider({ units, format: 'yaml', violations: true })]));
let opened = 0;
const uriFor = (units) => pathToFileURL(join(EDITOR_FOLDER, `editor-${units}-${++opened}.sor.yaml`)).href;

/** didOpen → first diagnostics, on a fresh document each time; milliseconds. */
async function openTimes(session, units, count) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const uri = uriFor(units);
    const start = performance.now();
    await session.open(uri, texts.get(units));
    times.push(performance.now() - start);
    await session.close(uri);
  }
  return times;
}

/** One keystroke at a time in the middle of the file, each timed until its diagnostics came. */
async function keystrokeTimes(session, units, count) {
  const uri = uriFor(units);
  await session.open(uri, texts.get(units));
  const times = [];
  for (let i = 0; i < count; i++) {
    const at = unitNameAt(session.text(uri), 0.45 + (0.1 * i) / count);
    const start = performance.now();
    await session.edit(uri, at, 1, String.fromCharCode(65 + (i % 26)));
    times.push(performance.now() - start);
  }
  await session.close(uri);
  return times;
}

const ms = (value) => (value === undefined ? '—' : value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(0)} ms`);
const rows = [];
/** One row: `measure(session, peerShare)` gives a server's times; the peer may take fewer (`peerShare`). */
async function row(label, goal, measure) {
  const median = (times) => percentile(times, 50);
  const our = median(await measure(servers.ours));
  const theirs = median(await measure(servers.peer, true));
  const pulled = median(await measure(servers.pulled));
  const earlier = servers.against && median(await measure(servers.against));
  rows.push({ label, our, theirs, pulled, earlier, goal });
  const ratio = `${(our / theirs).toFixed(2)}x the peer`;
  const then = earlier === undefined ? '' : `; the other build ${ms(earlier)}, ${(earlier / theirs).toFixed(2)}x`;
  console.log(`${label}: ours ${ms(our)} (pulled ${ms(pulled)}), peer ${ms(theirs)}  ${ratio}${then}  [goal ${goal}]`);
}

const servers = {
  ours: await LspSession.start(ours()),
  pulled: await LspSession.start(ours({ pull: true })),
  peer: await LspSession.start(peer()),
  against: against && (await LspSession.start(ours({ script: against }))),
};
// Warm both up: the first document pays for loading the schema and compiling the code.
const running = Object.values(servers).filter(Boolean);
for (const session of running) await openTimes(session, 1_000, 1);
console.log(`${EDITS} keystrokes (the peer ${PEER_BIG_EDITS} on 10,000 units), ${OPENS} opens; medians`);
for (const units of [1_000, 10_000]) {
  const edits = (isPeer) => (isPeer && units > 1_000 ? PEER_BIG_EDITS : EDITS);
  await row(`keystroke → fresh diagnostics, ${units.toLocaleString('en')} units, mid-file`, units > 1_000 ? '< 100 ms' : '< 50 ms', (session, isPeer) => keystrokeTimes(session, units, edits(isPeer)));
}
await row('didOpen → first diagnostics, 10,000 units', '< 1 s', (session) => openTimes(session, 10_000, OPENS));
for (const session of running) await session.stop();

if (process.argv.includes('--no-vscode')) console.log('first squiggle in VS Code, 1,000 units: skipped (--no-vscode)');
else {
  const squiggle = await measureFirstSquiggle({ units: 1_000, text: texts.get(1_000) });
  if (squiggle.skipped) console.log(`first squiggle in VS Code, 1,000 units: not measured (${squiggle.skipped})`);
  else {
    const ratio = `${(squiggle.warm / squiggle.floor).toFixed(2)}x the floor`;
    console.log(`first squiggle in VS Code, 1,000 units: ${ms(squiggle.warm)} opening it with the server running (a one-unit file: ${ms(squiggle.floor)})  ${ratio}; ${ms(squiggle.cold)} loading the workbench with it, ${ms(squiggle.coldAfterText)} of that after its text showed (a one-unit file: ${ms(squiggle.coldFloor)}, ${ms(squiggle.coldFloorAfterText)})  [goal < 1 s]`);
  }
}
writeFileSync(join(out, 'editor-table.json'), JSON.stringify(rows, null, 2));
