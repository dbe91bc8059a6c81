// `npm run test:vscode`: runs the extension-host suite in a desktop VS Code downloaded by
// @vscode/test-electron (needs internet access, so CI runs the same suite in code-server instead:
// `npm run test:e2e`).
import { mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../../..');
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'sor-lint-vscode-'));
  await runTests({
    // A desktop VS Code already installed skips the download (e.g. /usr/share/code/code).
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH || undefined,
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(__dirname, 'index.js'),
    launchArgs: [
      path.join(root, 'test/vscode/fixtures'),
      '--disable-extensions',
      '--disable-workspace-trust',
      `--user-data-dir=${userDataDir}`,
    ],
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
