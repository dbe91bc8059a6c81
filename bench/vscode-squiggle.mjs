// "First squiggle in VS Code on a 1,000-unit file", measured in a real VS Code: code-server with
// the packed extension installed, driven by headless Chromium (the end-to-end run's tools, from
// `npm run e2e:setup`). Two figures: cold, from loading the workbench with the file to open until
// its first squiggle is painted (activation and the server's start included), with the part after
// the file's text showed, which is the extension host's start and ours; and warm, from
// Quick Open of another such file, with the server running, until its first squiggle (the median
// of five files, each beside a one-unit file's).
// Run by hand, not in CI. Usage: npm run build && node bench/vscode-squiggle.mjs [units]
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { e2eTools, freePort, installExtension, launchChromium, packExtension, remoteUri, startCodeServer, workbenchUrl } from '../test/e2e/workbench.mjs';
import { generateProvider } from './generate.mjs';
import { ROOT } from './lsp-session.mjs';

const TIMEOUT_MS = 60_000;
const WARM_OPENS = 5;
const FLOOR_TEXT = 'provider:\n  name: Lille ApS\ninstitutions:\n  - name: Plejecenter Lille\n    unitType: plejehjem\n';

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
/** The file's first line painted: what follows is the extension host, our activation, the server's start and its lint. */
const TEXT_SHOWN = '.editor-instance .monaco-editor .view-line';
const SQUIGGLE = '.editor-instance .monaco-editor :is(.squiggly-error, .squiggly-warning, .squiggly-info)';

/** { cold, coldFloor, coldAfterText, coldFloorAfterText, warm, floor } in ms, or { skipped: why } when the end-to-end tools are not installed. */
export async function measureFirstSquiggle({ units = 1_000, text = generateProvider({ units, format: 'yaml', violations: true }) } = {}) {
  let tools;
  try {
    tools = e2eTools(path.join(ROOT, '.vscode-e2e'));
  } catch (error) {
    return { skipped: error.message };
  }
  if (!existsSync(path.join(ROOT, 'dist', 'extension.js'))) return { skipped: 'dist/extension.js is missing: run `npm run build`' };
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'sor-lint-squiggle-'));
  const cleanUps = [];
  try {
    const workspace = path.join(scratch, 'workspace');
    mkdirSync(workspace, { recursive: true });
    const first = path.join(workspace, `first-${units}.sor.yaml`);
    writeFileSync(first, text);
    // Other providers' files, with codes of their own: copies of one file would share every code.
    for (let i = 1; i <= WARM_OPENS; i++) {
      writeFileSync(path.join(workspace, `second-${i}-${units}.sor.yaml`), generateProvider({ units, format: 'yaml', violations: true, firstCode: 1000 + i * units }));
      writeFileSync(path.join(workspace, `floor-${i}.sor.yaml`), FLOOR_TEXT);
    }
    writeFileSync(path.join(workspace, 'floor.sor.yaml'), FLOOR_TEXT);
    const vsix = packExtension({ root: ROOT, scratch });
    installExtension({ tools, vsix, scratch });
    const port = await freePort();
    const server = await startCodeServer({ tools, port, scratch, workspace, logPath: path.join(scratch, 'code-server.log') });
    cleanUps.push(() => server.stop());
    const browser = await launchChromium(tools);
    cleanUps.push(() => browser.close());
    // A first page loads and caches the workbench's code, as a user's browser or VS Code has it.
    const warmUp = await browser.newPage();
    await warmUp.goto(workbenchUrl(port, workspace, []));
    await warmUp.locator('.monaco-workbench').waitFor({ timeout: TIMEOUT_MS });
    await warmUp.close();

    /** A new window with the file to open → its first squiggle, in ms: the workbench, the extension's activation and the server's start included. */
    const coldOpen = async (file, keepOpen) => {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const start = performance.now();
      await page.goto(workbenchUrl(port, workspace, [['openFile', remoteUri(port, file)]]));
      await page.locator(TEXT_SHOWN).first().waitFor({ timeout: TIMEOUT_MS });
      const text = performance.now() - start;
      await page.locator(SQUIGGLE).first().waitFor({ timeout: TIMEOUT_MS });
      const ms = performance.now() - start;
      if (!keepOpen) await page.close();
      return { page, ms, afterText: ms - text };
    };
    // The same cold start with a one-unit file: what the workbench and the server's start cost alone.
    const { ms: coldFloor, afterText: coldFloorAfterText } = await coldOpen(path.join(workspace, 'floor.sor.yaml'), false);
    const { page, ms: cold, afterText: coldAfterText } = await coldOpen(first, true);

    /** Quick Open of a file → its tab → its first squiggle, in ms. */
    const openToSquiggle = async (name) => {
      const input = page.locator('.quick-input-widget input');
      await page.keyboard.press('Control+P');
      await input.waitFor({ timeout: TIMEOUT_MS });
      await input.fill(name);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: TIMEOUT_MS });
      const start = performance.now();
      await page.keyboard.press('Enter');
      await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: TIMEOUT_MS });
      await page.locator(SQUIGGLE).first().waitFor({ timeout: TIMEOUT_MS });
      return performance.now() - start;
    };
    // A warm open varies from one to the next by a factor of five (the workbench's own work): the
    // median of a few, each file opened for the first time, alternating with a one-unit file.
    const floors = [];
    const warms = [];
    for (let i = 1; i <= WARM_OPENS; i++) {
      floors.push(await openToSquiggle(`floor-${i}.sor.yaml`));
      warms.push(await openToSquiggle(`second-${i}-${units}.sor.yaml`));
    }
    const floor = median(floors);
    const warm = median(warms);
    return { cold, coldFloor, coldAfterText, coldFloorAfterText, warm, floor };
  } finally {
    while (cleanUps.length > 0) await cleanUps.pop()().catch(() => undefined);
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const units = Number(process.argv[2] ?? 1_000);
  const result = await measureFirstSquiggle({ units });
  if (result.skipped) console.log(`first squiggle in VS Code, ${units} units: not measured (${result.skipped})`);
  else console.log(`first squiggle in VS Code, ${units} units: cold ${result.cold.toFixed(0)} ms (workbench load with the file, ${result.coldAfterText.toFixed(0)} ms of it after its text showed; ${result.coldFloor.toFixed(0)} ms and ${result.coldFloorAfterText.toFixed(0)} ms with a one-unit file), warm ${result.warm.toFixed(0)} ms (Quick Open, server running; median of ${WARM_OPENS}), floor ${result.floor.toFixed(0)} ms (the same for a one-unit file)`);
}
