// `npm run test:e2e`: the extension in a real VS Code (code-server) driven by headless Chromium.
// One code-server runs the extension-host suite and the through-the-glass check; a second one,
// which asks for workspace trust, checks restricted mode. Exits 1 when a check fails and 2 when
// the run cannot start (setup missing). Screenshots and logs go to test/e2e/artifacts/.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPreview, checkRestrictedMode, checkThroughTheGlass, runExtensionHostSuite } from '../test/e2e/scenarios.mjs';
import { e2eTools, freePort, installExtension, launchChromium, packExtension, startCodeServer } from '../test/e2e/workbench.mjs';

const RUN_TIMEOUT_MS = 5 * 60_000;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = path.join(root, 'test/vscode/fixtures');
const artifacts = path.join(root, 'test/e2e/artifacts');
const log = (line) => console.log(`[e2e] ${line}`);
/** What this run started, stopped last-first; code-server runs in its own process group. */
const cleanUps = [];

function prerequisites() {
  const built = ['dist/extension.js', 'dist/server.js', 'dist/test/vscode/index.js'].filter((file) => !existsSync(path.join(root, file)));
  if (built.length > 0) throw new Error(`missing ${built.join(', ')}: run \`npm run build && node scripts/build-vscode-tests.mjs\``);
  return e2eTools(path.join(root, '.vscode-e2e'));
}

async function cleanUp() {
  while (cleanUps.length > 0) {
    // Each step on its own: a browser that will not close must not leave code-server running.
    await cleanUps.pop()().catch((error) => console.error(`e2e: cleaning up: ${error.message}`));
  }
}

/** A code-server of its own (fresh user data, the .vsix installed) on a fresh copy of the fixtures. */
async function withCodeServer({ tools, vsix, scratch, name, askForTrust }, use) {
  const own = path.join(scratch, name);
  const workspace = path.join(own, 'workspace');
  cpSync(fixtures, workspace, { recursive: true });
  installExtension({ tools, vsix, scratch: own });
  const port = await freePort();
  log(`${name}: code-server on 127.0.0.1:${port}, workspace ${workspace}`);
  const server = await startCodeServer({ tools, port, scratch: own, workspace, logPath: path.join(artifacts, `code-server-${name}.log`), askForTrust });
  cleanUps.push(() => server.stop());
  try {
    await use({ port, workspace });
  } finally {
    await cleanUps.pop()();
  }
}

async function main() {
  let tools;
  try {
    tools = prerequisites();
  } catch (error) {
    console.error(`e2e: ${error.message}`);
    return 2;
  }
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'sor-lint-e2e-'));
  cleanUps.push(async () => rmSync(scratch, { recursive: true, force: true }));
  log('packing the extension as a .vsix');
  const vsix = packExtension({ root, scratch });
  const browser = await launchChromium(tools);
  cleanUps.push(() => browser.close());

  const failures = [];
  const check = (name, run) =>
    run().then(
      () => log(`${name} passed`),
      (error) => failures.push(`${name}: ${error.message}`),
    );
  const context = { tools, vsix, scratch };
  await withCodeServer({ ...context, name: 'trusted' }, async ({ port, workspace }) => {
    const scenario = { browser, port, root, workspace, artifacts, log };
    await check('extension-host suite', async () => {
      const exitCode = await runExtensionHostSuite(scenario);
      if (exitCode !== 0) throw new Error(`exit code ${exitCode}`);
    });
    // The suite ran the development tree on its own temporary files; the glass check sees the
    // installed .vsix, on a fresh copy.
    cpSync(fixtures, workspace, { recursive: true });
    await check('through-the-glass check', () => checkThroughTheGlass(scenario));
    await check('preview check', () => checkPreview(scenario));
  });
  await withCodeServer({ ...context, name: 'restricted', askForTrust: true }, ({ port, workspace }) =>
    check('restricted-mode check', () => checkRestrictedMode({ browser, port, workspace, artifacts, log })),
  );
  await cleanUp();
  for (const failure of failures) console.error(`e2e FAILED ${failure}`);
  log(`screenshots and logs in ${path.relative(root, artifacts)}/`);
  return failures.length > 0 ? 1 : 0;
}

async function abort(reason, code) {
  console.error(`e2e: ${reason}`);
  await cleanUp();
  process.exit(code);
}

setTimeout(() => abort(`no result after ${RUN_TIMEOUT_MS / 60_000} min; giving up`, 1), RUN_TIMEOUT_MS).unref();
process.once('SIGINT', () => abort('interrupted', 130));
process.once('SIGTERM', () => abort('terminated', 143));
main().then(
  (code) => process.exit(code),
  (error) => abort(error?.stack ?? String(error), 2),
);
