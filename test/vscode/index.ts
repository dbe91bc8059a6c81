// The test module the extension host loads (extensionTestsPath): runs every compiled suite in
// ./suite with mocha and rejects when a test fails, which the host turns into its exit code.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000 });
  const suiteDir = path.join(__dirname, 'suite');
  for (const file of readdirSync(suiteDir).filter((name) => name.endsWith('.js')).sort()) {
    mocha.addFile(path.join(suiteDir, file));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}
