import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../server/src/core/lint.js';
import { runPreviewCommand } from '../../server/src/cli/preview-command.js';
import { buildPreview } from '../../server/src/preview/index.js';

const FIXTURES = join(__dirname, 'fixtures');
const work = mkdtempSync(join(tmpdir(), 'sor-preview-'));
copyFileSync(join(FIXTURES, 'omsorgshuset.sor.yaml'), join(work, 'omsorgshuset.sor.yaml'));
// The stream's second document alone: a provider whose one care unit is shown.
writeFileSync(join(work, 'shown.sor.yaml'), readFileSync(join(FIXTURES, 'two-providers.sor.yaml'), 'utf8').split('---\n')[1]);
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runPreviewCommand(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { LANG: 'en_US.UTF-8' },
    cwd: work,
  });
  return { code, stdout, stderr };
}

describe('sor-lint preview', () => {
  it('prints the JSON model and exits 1 when a care unit is rejected', async () => {
    const { code, stdout, stderr } = await run(['omsorgshuset.sor.yaml', '--format', 'json', '--lang', 'da']);
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    const text = readFileSync(join(work, 'omsorgshuset.sor.yaml'), 'utf8');
    const expected = buildPreview(lint(text, { fileName: 'omsorgshuset.sor.yaml', lang: 'da' }), 'da');
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(JSON.parse(stdout).summary.rejected).toBe(1);
  });

  it('prints text by default and exits 0 when every care unit is shown', async () => {
    const { code, stdout, stderr } = await run(['shown.sor.yaml']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout.split('\n').slice(0, 2)).toEqual(['Plejeoverblikket preview', '1 of 1 care unit shown; 0 rejected.']);
  });

  it('exits 2 with a one-line reason when it cannot run', async () => {
    const cases: [string[], string][] = [
      [['missing.sor.yaml'], 'sor-lint preview: missing.sor.yaml does not exist.\n'],
      [['omsorgshuset.sor.yaml', '--format', 'sarif'], 'sor-lint preview: --format must be json or text, not "sarif".\n'],
      [[], 'sor-lint preview: Give exactly one file.\n'],
      [['omsorgshuset.sor.yaml', '--lang', 'da', '--format', 'xml'], 'sor-lint preview: --format skal være json eller text, ikke "xml".\n'],
    ];
    for (const [argv, reason] of cases) expect({ argv, ...(await run(argv)) }).toEqual({ argv, code: 2, stdout: '', stderr: reason });
  });
});
