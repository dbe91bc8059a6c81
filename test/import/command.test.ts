import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImportCommand } from '../../server/src/cli/import-command.js';
import { ensureBuilt, runCli } from '../cli/helpers.js';
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
      [
        ['short.csv', '--provider', PROVIDER_CVR],
        "sor-lint import: The file's header lacks columns the import needs: SorType. It has 28 columns: SorId, EntityName, ParentSorId, EntityTypeName, EanLocationCode, CvrNumber and 22 more. Is it SOR's SorEntity_daily.csv, separated by semicolons?\n",
      ],
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
    expect(stderr).toBe(
      "sor-lint import: Filens overskriftslinje mangler kolonner, som importen skal bruge: SorType. Den har 28 kolonner: SorId, EntityName, ParentSorId, EntityTypeName, EanLocationCode, CvrNumber og 22 flere. Er det SOR's SorEntity_daily.csv med semikolon som skilletegn?\n",
    );
  });

  it('prints its usage with --help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: sor-lint import <SorEntity_daily\.csv> --provider/);
  });
});

describe('sor-lint import as a process, on the real export\'s variant layouts', () => {
  beforeAll(ensureBuilt);
  const real = mkdtempSync(join(tmpdir(), 'sor-import-real-'));
  copyFileSync(join(FIXTURES, 'layouts/all-variants.csv'), join(real, 'SorEntity_daily.csv'));
  afterAll(() => rmSync(real, { recursive: true, force: true }));

  it('imports a file without a parent column, with WGS84 coordinates and split rows, and says in its summary that the depth is unknown', () => {
    const english = runCli(['import', 'SorEntity_daily.csv', '--provider', PROVIDER_CVR, '-o', 'omsorgshuset.sor.yaml'], { cwd: real, env: { SOURCE_DATE_EPOCH: EPOCH } });
    expect(english.code).toBe(1);
    expect(english.stderr).toBe(
      'Imported Omsorgshuset ApS (SOR 11000016002) with 4 units to omsorgshuset.sor.yaml (utf-8, 21 rows read): 1 error, 3 warnings. The file has no parent column, so units stand directly under their health institution; how deep below it SOR has them is unknown. Run sor-lint omsorgshuset.sor.yaml for details.\n',
    );
    expect(readFileSync(join(real, 'omsorgshuset.sor.yaml'), 'utf8')).toBe(readFileSync(join(FIXTURES, 'omsorgshuset.flat.expected.sor.yaml'), 'utf8'));
    const danish = runCli(['import', 'SorEntity_daily.csv', '--provider', PROVIDER_CVR, '--lang', 'da'], { cwd: real, env: { SOURCE_DATE_EPOCH: EPOCH } });
    expect(danish.stderr).toBe(
      'Importerede Omsorgshuset ApS (SOR 11000016002) med 4 enheder til standard output (utf-8, 21 rækker læst): 1 fejl, 3 advarsler. Filen har ingen kolonne for den overordnede enhed, så enhederne står direkte under deres sundhedsinstitution; hvor dybt SOR har dem under den, vides ikke.\n',
    );
  });

  it('exits 2 with one line naming what it found and what it looked for when it cannot use the header', () => {
    writeFileSync(join(real, 'other.csv'), 'Id;Navn;Type\r\n1;Plejehjem;X\r\n');
    const english = runCli(['import', 'other.csv', '--provider', PROVIDER_CVR], { cwd: real });
    expect({ code: english.code, stdout: english.stdout }).toEqual({ code: 2, stdout: '' });
    expect(english.stderr).toBe(
      "sor-lint import: The file's header lacks columns the import needs: SorId; SorType; EntityName; EntityTypeName; ParentSorId | ParentSorIdentifier | HealthInstitutionSorId + InstitutionOwnerSorId | HealthInstitutionSorId + InstitutionOwnerCvrNumberId; CvrNumber | InstitutionOwnerCvrNumberId. It has 3 columns: Id, Navn, Type. Is it SOR's SorEntity_daily.csv, separated by semicolons?\n",
    );
    const danish = runCli(['import', 'other.csv', '--provider', PROVIDER_CVR, '--lang', 'da'], { cwd: real });
    expect(danish.code).toBe(2);
    expect(danish.stderr).toMatch(/^sor-lint import: Filens overskriftslinje mangler kolonner, som importen skal bruge: SorId; .* Den har 3 kolonner: Id, Navn, Type\. Er det SOR's SorEntity_daily\.csv med semikolon som skilletegn\?\n$/);
  });
});
