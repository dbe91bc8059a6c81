// A real VS Code for the end-to-end run: code-server (installed by scripts/e2e-setup.sh into
// .vscode-e2e/) on 127.0.0.1, and Debian's Chromium driven by playwright-core.
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';

export function e2eTools(e2eDir) {
  const codeServer = path.join(e2eDir, 'node_modules/.bin/code-server');
  const packageJson = path.join(e2eDir, 'package.json');
  if (!existsSync(codeServer) || !existsSync(packageJson)) {
    throw new Error(`code-server is not installed in ${e2eDir}: run \`npm run e2e:setup\` first`);
  }
  const { chromium } = createRequire(packageJson)('playwright-core');
  return { codeServer, chromium, binDir: path.dirname(codeServer) };
}

/** Packs the built extension as a user gets it (only what .vscodeignore keeps). */
export function packExtension({ root, scratch }) {
  const vsix = path.join(scratch, 'sor-lint.vsix');
  execFileSync(process.execPath, [path.join(root, 'scripts/package-vsix.mjs'), '--out', vsix], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return vsix;
}

/** Installs a .vsix into the extensions folder of the code-server that `scratch` holds. */
export function installExtension({ tools, vsix, scratch }) {
  execFileSync(tools.codeServer, ['--install-extension', vsix, ...codeServerDirs(scratch)], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: codeServerEnv(tools),
  });
}

function codeServerDirs(scratch) {
  return [
    '--config', path.join(scratch, 'code-server.yaml'),
    '--user-data-dir', path.join(scratch, 'user-data'),
    '--extensions-dir', path.join(scratch, 'extensions'),
  ];
}

/** code-server needs Node 24: the one installed next to it comes first on PATH. */
function codeServerEnv(tools) {
  return { ...process.env, PATH: `${tools.binDir}${path.delimiter}${process.env.PATH}` };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server (its config, user data and extensions all in `scratch`) and resolves once it
 * answers; `stop()` ends its whole process group.
 */
export async function startCodeServer({ tools, port, scratch, workspace, logPath, askForTrust = false }) {
  const args = [
    ...codeServerDirs(scratch),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    // Trust is asked for only by the run that checks restricted mode; elsewhere the prompt would
    // leave the workbench restricted.
    ...(askForTrust ? [] : ['--disable-workspace-trust']),
    // VS Code 1.139's built workbench reads extensionDevelopmentPath / extensionTestsPath from the
    // URL's payload only with the smoke-test driver on; code-server has no flag of its own for it.
    '--vscode-option', 'enable-smoke-test-driver',
    workspace,
  ];
  const env = codeServerEnv(tools);
  const log = openSync(logPath, 'a');
  const child = spawn(tools.codeServer, args, { env, detached: true, stdio: ['ignore', log, log] });
  closeSync(log);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    signalGroup(child.pid, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 60_000;
  while (!(await answers(`http://127.0.0.1:${port}/healthz`))) {
    if (child.exitCode !== null) throw new Error(`code-server exited with code ${child.exitCode}; see ${logPath}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error('code-server did not answer within 60 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { stop };
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error; // already gone
  }
}

async function answers(url) {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

export function launchChromium(tools) {
  return tools.chromium.launch({
    executablePath: '/usr/bin/chromium',
    // The runner handles signals itself, so that it also stops code-server.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The workbench URL for a folder, with the `payload` VS Code reads its development options from. */
export function workbenchUrl(port, folder, payload) {
  const url = new URL(`http://127.0.0.1:${port}/`);
  url.searchParams.set('folder', folder);
  url.searchParams.set('payload', JSON.stringify(payload));
  return url.toString();
}

/** A path on the code-server machine as the browser's workbench names it. */
export function remoteUri(port, absolutePath) {
  return `vscode-remote://127.0.0.1:${port}${absolutePath}`;
}
