import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runImportCommand } from '../../server/src/import/index.js';
import { OTHER_OWNER, PROVIDER_CVR, SCENARIO } from './scenario.js';
import { sorCsv } from './sor-csv.js';

const FIXTURES = join(__dirname, '../fixtures/import');
const work = mkdtempSync(join(tmpdir(), 'sor-import-'));
copyFileSync(join(FIXTURES, 'SorEntity_daily.csv'), join(work, 'SorEntity_daily.csv'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** 2026-11-26T12:00:00Z, the time the expected files' header comments name. */
const EPOCH = String(Date.UTC(2026, 10, 26, 12) / 1000);

async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runImportCommand(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { SOURCE_DATE_EPOCH: EPOCH, LANG: 'en_US.UTF-8', ...env },
    cwd: work,
  });
  return { code, stdout, stderr };
}

describe('sor-lint import', () => {
  it('writes the file given by -o and exits 1 when the imported structure has errors', async () => {
    const { code, stdout, stderr } = await run(['SorEntity_daily.csv', '--provider', PROVIDER_CVR, '-o', 'omsorgshuset.sor.yaml']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(readFileSync(join(work, 'omsorgshuset.sor.yaml'), 'utf8')).toBe(readFileSync(join(FIXTURES, 'omsorgshuset.expected.sor.yaml'), 'utf8'));
    expect(stderr).toBe(
      'Imported Omsorgshuset ApS (SOR 11000016002) with 4 units to omsorgshuset.sor.yaml (utf-8, 7 rows read): 1 error, 3 warnings. Run sor-lint omsorgshuset.sor.yaml for details.\n',
    );
  });

  it('writes to standard output without -o, in Danish from the locale, and exits 0 when no errors', async () => {
    const { code, stdout, stderr } = await run(['SorEntity_daily.csv', '--provider', OTHER_OWNER], { LANG: 'da_DK.UTF-8' });
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(join(FIXTURES, 'andet-firma.expected.sor.yaml'), 'utf8'));
    expect(stderr).toBe('Importerede Andet Firma A/S (SOR 61000016000) med 1 enhed til standard output (utf-8, 7 rækker læst): 0 fejl, 1 advarsel.\n');
  });

  it('exits 2 with a one-line reason when it cannot do the job', async () => {
    writeFileSync(join(work, 'short.csv'), sorCsv(SCENARIO, { omit: ['SorType'] }));
    const cases: [string[], string][] = [
      [['missing.csv', '--provider', PROVIDER_CVR], 'sor-lint import: missing.csv does not exist.\n'],
      [['SorEntity_daily.csv'], "sor-lint import: --provider is missing: the provider's CVR number or SOR code.\n"],
      [['--provider', PROVIDER_CVR], 'sor-lint import: Give exactly one CSV file.\n'],
      [['short.csv', '--provider', PROVIDER_CVR], "sor-lint import: The file's header lacks the columns SorType that the import needs; is it SOR's SorEntity_daily.csv, separated by semicolons?\n"],
      [['SorEntity_daily.csv', '--provider', PROVIDER_CVR, '--lang', 'de'], 'sor-lint import: --lang must be da or en, not "de".\n'],
      [['.', '--provider', PROVIDER_CVR], 'sor-lint import: . is a directory, not a file.\n'],
    ];
    for (const [argv, reason] of cases) {
      const { code, stdout, stderr } = await run(argv);
      expect({ argv, code, stdout, stderr }).toEqual({ argv, code: 2, stdout: '', stderr: reason });
    }
    const unknown = await run(['SorEntity_daily.csv', '--provider', PROVIDER_CVR, '--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^sor-lint import: Invalid argument: Unknown option '--bogus'[^\n]*\n$/);
  });

  it('gives the reason in Danish with --lang da', async () => {
    const { code, stderr } = await run(['short.csv', '--provider', PROVIDER_CVR, '--lang', 'da']);
    expect(code).toBe(2);
    expect(stderr).toBe("sor-lint import: Filens overskriftslinje mangler kolonnerne SorType, som importen skal bruge; er det SOR's SorEntity_daily.csv med semikolon som skilletegn?\n");
  });

  it('prints its usage with --help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: sor-lint import <SorEntity_daily\.csv> --provider/);
  });
});
