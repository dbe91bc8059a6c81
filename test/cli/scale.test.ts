import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { oneLineProvider, unquotedPostcodes } from '../helpers/large-providers.js';
import { ensureBuilt, runCli } from './helpers.js';

beforeAll(ensureBuilt);

function fileWith(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'sor-lint-scale-')), name);
  writeFileSync(file, text);
  return file;
}

// No time is asserted: each of these only has to end within the test's timeout.
describe('national files', () => {
  // 10,000 care units on one line (1.7 MB): the command ran for minutes while every fix's edits
  // were built with a scan back to the start of the line.
  it('a file written on one line is linted and reported', () => {
    const run = runCli([fileWith('one-line.sor.yaml', oneLineProvider(10_000))], { timeout: 30_000 });
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('✖ 50000 problems (0 errors, 10000 warnings, 40000 info)');
  });

  // 130,000 findings in one file: the stylish report took the widest column with Math.max over
  // every finding's spread, past what a call's arguments can hold ("Maximum call stack size exceeded").
  it('a file with 130,000 findings is reported', () => {
    const run = runCli([fileWith('one-line.sor.yaml', oneLineProvider(26_000))], { timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('✖ 130000 problems (0 errors, 26000 warnings, 104000 info)');
  });

  // 20,000 lines changed: Myers' diff kept a frontier of every line per step, gigabytes (30,000
  // fixes were killed at 22 GB).
  it('--fix-dry-run shows the diff of 20,000 fixes', () => {
    const run = runCli(['--fix-dry-run', fileWith('postcodes.sor.yaml', unquotedPostcodes(20_000))], { timeout: 30_000 });
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.slice(2, 8)).toEqual([
      '@@ -2,20003 +2,20003 @@',
      '   name: Omsorgshuset ApS',
      '   cvr: "29403473"',
      ' institutions:',
      '-  - { name: Afsnit 1, unitType: afsnit, postalAddress: { street: Søndergade, houseNumber: "14", postalCode: 8000, city: Aarhus C } }',
      '+  - { name: Afsnit 1, unitType: afsnit, postalAddress: { street: Søndergade, houseNumber: "14", postalCode: "8000", city: Aarhus C } }',
    ]);
    expect(lines.filter((line) => line.startsWith('+  - ') && line.includes('postalCode: "8000"'))).toHaveLength(20_000);
    expect(lines.filter((line) => line.startsWith('-  - ') && line.includes('postalCode: 8000,'))).toHaveLength(20_000);
  });
});
