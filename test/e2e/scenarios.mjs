// The two end-to-end checks in code-server: the extension-host mocha suite (test/vscode) run
// through the workbench's `payload`, and what a user sees in the browser.
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { remoteUri, workbenchUrl } from './workbench.mjs';

const SUITE_TIMEOUT_MS = 180_000;
const UI_TIMEOUT_MS = 60_000;

/** Runs test/vscode's compiled suite in the extension host; resolves with the host's exit code. */
export async function runExtensionHostSuite({ browser, port, root, workspace, artifacts, log }) {
  const page = await browser.newPage();
  let reportExit;
  const exited = new Promise((resolve) => (reportExit = resolve));
  // The workbench calls these when it runs extension tests (TESTING.md): log lines and exit code.
  const workbenchLog = path.join(artifacts, 'extension-host-suite.log');
  writeFileSync(workbenchLog, '');
  await page.exposeFunction('codeAutomationLog', (level, message) => {
    const line = Array.isArray(message) ? format(...message) : String(message);
    appendFileSync(workbenchLog, `[${level}] ${line}\n`);
    // mocha's reporter indents its lines; the workbench's own chatter stays in the file.
    if (/^\s/.test(line)) log(line);
  });
  await page.exposeFunction('codeAutomationExit', (code) => reportExit(code));
  await page.goto(
    workbenchUrl(port, workspace, [
      ['extensionDevelopmentPath', remoteUri(port, root)],
      ['extensionTestsPath', remoteUri(port, path.join(root, 'dist/test/vscode/index.js'))],
    ]),
  );
  const code = await withTimeout(exited, SUITE_TIMEOUT_MS, 'the extension-host suite to finish');
  await page.close();
  return code;
}

/**
 * Opens the fixture in the workbench with the installed .vsix and checks, through
 * the DOM, the warning squiggle, the Problems panel entry, the status bar item (ok and slow) and
 * the quick fix.
 */
export async function checkThroughTheGlass({ browser, port, workspace, artifacts, log }) {
  const file = path.join(workspace, 'care-home.sor.yaml');
  await onPage(browser, artifacts, 'failure.png', async (page) => {
    await page.goto(workbenchUrl(port, workspace, [['openFile', remoteUri(port, file)]]));
    await page.locator('.monaco-workbench').waitFor({ timeout: UI_TIMEOUT_MS });
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.waitFor({ timeout: UI_TIMEOUT_MS });
    await editor.locator('.squiggly-warning').first().waitFor({ timeout: UI_TIMEOUT_MS });
    log('squiggle shown');

    await runCommand(page, 'View: Focus Problems');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'plejehjem-retype' }).first();
    await row.waitFor({ timeout: UI_TIMEOUT_MS });
    const rowText = await row.innerText();
    log(`Problems panel: ${rowText.replace(/\s+/g, ' ')}`);
    assert.match(rowText, /plejeenhed/, 'the message tells what to retype to');
    assert.match(rowText, /\[Ln 14, Col 15\]/, 'the entry points at the unit type');

    const status = page.locator('.statusbar-item', { hasText: 'SOR Lint' }).first();
    await status.waitFor({ timeout: UI_TIMEOUT_MS });
    log(`status bar: ${((await status.getAttribute('aria-label')) ?? (await status.innerText())).replace(/\s+/g, ' ')}`);
    await page.screenshot({ path: path.join(artifacts, 'problems-panel.png') });

    // The quick fix as a user reaches it: click the word under the squiggle, Ctrl+., pick the retype.
    await editor.locator('.view-line span span', { hasText: /^plejehjem$/ }).first().click();
    await editor.locator('.lightBulbWidget').waitFor({ timeout: UI_TIMEOUT_MS });
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'plejeenhed' }).first();
    await pressUntilVisible(page, 'Control+.', fix);
    await page.screenshot({ path: path.join(artifacts, 'quick-fix-menu.png') });
    await fix.click();
    await row.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    await page.keyboard.press('Control+S');
    await until(() => readFileSync(file, 'utf8').includes('    unitType: plejeenhed   # the care institution itself'), 'the fixed file on disk');
    await page.screenshot({ path: path.join(artifacts, 'after-quick-fix.png') });
    log('quick fix applied from the menu and saved; the Problems entry is gone');

    // A time budget no lint can meet: the status bar item turns to its warning look.
    const background = () => status.evaluate((element) => getComputedStyle(element).backgroundColor);
    const normalBackground = await background();
    mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
    writeFileSync(path.join(workspace, '.vscode/settings.json'), JSON.stringify({ 'sor-lint.lintTimeBudgetMs': 0.001 }));
    await page.locator('.statusbar-item[aria-label*="lintTimeBudgetMs"]', { hasText: 'SOR Lint' }).waitFor({ timeout: UI_TIMEOUT_MS });
    assert.notEqual(await background(), normalBackground, 'the slow state changes the item\'s background');
    await page.screenshot({ path: path.join(artifacts, 'status-slow.png') });
    log(`status bar when slow: ${(await status.getAttribute('aria-label')).replace(/\s+/g, ' ')}`);

    // Restart the server, then open another file as a user does (Quick Open): it gets its squiggles.
    await runCommand(page, 'SOR Lint: Restart Server');
    await page.locator('.statusbar-item', { hasText: 'SOR Lint' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    const input = page.locator('.quick-input-widget input');
    await pressUntilVisible(page, 'Control+P', input);
    await input.fill('care-units.sor.yaml');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'care-units.sor.yaml' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: 'care-units.sor.yaml' }).waitFor({ timeout: UI_TIMEOUT_MS });
    // Its error is below the fold: its Problems entry (the panel is open), which a click takes the
    // editor to, where the squiggle is; and the verdict lens above the care unit in view.
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'kontakt@birkely' }).first();
    await problem.waitFor({ timeout: UI_TIMEOUT_MS });
    await page.locator('.editor-instance .monaco-editor .codelens-decoration', { hasText: 'plejeoverblikket' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await problem.click();
    await page.locator('.editor-instance .monaco-editor .squiggly-error').first().waitFor({ timeout: UI_TIMEOUT_MS });
    await page.screenshot({ path: path.join(artifacts, 'after-restart.png') });
    log('after a server restart, the next file opened shows its squiggles');
  });
}

/**
 * "Preview plejeoverblikket" from the command palette: the webview beside the file shows a card
 * per care unit (Birkely rejected for its e-mail address), each with a heading; its links are
 * reachable by keyboard, and following one selects the finding's place in the source.
 */
export async function checkPreview({ browser, port, workspace, artifacts, log }) {
  const file = path.join(workspace, 'care-units.sor.yaml');
  await onPage(browser, artifacts, 'preview-failure.png', async (page) => {
    await page.goto(workbenchUrl(port, workspace, [['openFile', remoteUri(port, file)]]));
    await page.locator('.editor-instance .monaco-editor').first().waitFor({ timeout: UI_TIMEOUT_MS });
    await page.locator('.editor-instance .monaco-editor .squiggly-error').first().waitFor({ timeout: UI_TIMEOUT_MS });
    await runCommand(page, 'Preview plejeoverblikket');
    await page.locator('.tab', { hasText: 'Plejeoverblikket preview: care-units.sor.yaml' }).waitFor({ timeout: UI_TIMEOUT_MS });
    // A webview is an iframe (the host) holding another (the page).
    const content = page.frameLocator('iframe.webview').frameLocator('#active-frame');
    const card = (name) => content.locator('article.card', { has: content.locator('h3', { hasText: name }) });
    const rejected = card('Plejecenter Birkely');
    await rejected.waitFor({ timeout: UI_TIMEOUT_MS });
    assert.match(await rejected.getAttribute('class'), /\brejected\b/);
    assert.match(await rejected.locator('.state').innerText(), /Rejected/, 'the state is said in words, not only in colour');
    assert.match(await card('Plejecenter Østervang').getAttribute('class'), /\bshown\b/);
    // The card is named by its heading.
    const headingId = await rejected.locator('h3').getAttribute('id');
    assert.equal(await rejected.getAttribute('aria-labelledby'), headingId);
    await page.screenshot({ path: path.join(artifacts, 'preview.png') });
    log(`preview: ${(await content.locator('.summary').innerText()).trim()}`);

    // The finding's link takes keyboard focus, and Enter on it selects the place in the editor.
    const link = rejected.locator('.findings a[data-line="27"]');
    await link.focus();
    assert.equal(await link.evaluate((element) => element === document.activeElement), true, 'the link is focusable');
    await page.keyboard.press('Enter');
    await page.locator('.statusbar-item', { hasText: /Ln 27, Col 12/ }).waitFor({ timeout: UI_TIMEOUT_MS });
    log('preview: the finding\'s link revealed line 27, column 12 in the editor');
  });
}

/**
 * In a workspace the user does not trust, the rules still run (they are data): the extension
 * declares limited support, so VS Code keeps it on in restricted mode.
 */
export async function checkRestrictedMode({ browser, port, workspace, artifacts, log }) {
  const file = path.join(workspace, 'care-home.sor.yaml');
  await onPage(browser, artifacts, 'restricted-mode-failure.png', async (page) => {
    await page.goto(workbenchUrl(port, workspace, [['openFile', remoteUri(port, file)]]));
    // The web workbench opens an untrusted folder straight in restricted mode (a banner, no dialog).
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await page.locator('.editor-instance .monaco-editor .squiggly-warning').first().waitFor({ timeout: UI_TIMEOUT_MS });
    await runCommand(page, 'View: Focus Problems');
    // The workspace's files share SOR codes: those findings, with a row per other file, can fill the
    // panel before this one, so the user's filter shows it.
    await page.getByPlaceholder(/^Filter \(e\.g\./).first().fill('plejehjem-retype');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'plejehjem-retype' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    // The extension says once what restricted mode leaves out (the toast may have gone: the list keeps it).
    await runCommand(page, 'Notifications: Show Notifications');
    const notice = page.locator('.notifications-center .notification-list-item-message', { hasText: 'Restricted mode: SOR Lint ignores the configuration file' });
    await notice.first().waitFor({ timeout: UI_TIMEOUT_MS });
    assert.equal(await notice.count(), 1, 'the restricted-mode notice, once');
    await page.screenshot({ path: path.join(artifacts, 'restricted-mode.png') });
    log('restricted mode: the squiggle and the Problems entry are there');
  });
}

/** A fresh page for one check; a screenshot of the moment it failed, for the artefacts. */
async function onPage(browser, artifacts, failureShot, check) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    await check(page);
  } catch (error) {
    await page.screenshot({ path: path.join(artifacts, failureShot) }).catch(() => undefined);
    throw error;
  } finally {
    await page.close();
  }
}

async function runCommand(page, title) {
  const input = page.locator('.quick-input-widget input');
  await pressUntilVisible(page, 'F1', input);
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: UI_TIMEOUT_MS });
  await page.keyboard.press('Enter');
}

/** Presses a key until its widget shows: a keystroke the workbench is not yet ready for is lost. */
async function pressUntilVisible(page, key, locator, attempts = 5) {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press(key);
    try {
      await locator.waitFor({ timeout: UI_TIMEOUT_MS / attempts });
      return;
    } catch (error) {
      if (attempt === attempts) throw error;
    }
  }
}

async function until(condition, what) {
  const deadline = Date.now() + UI_TIMEOUT_MS;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s waiting for ${what}`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
