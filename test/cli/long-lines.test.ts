import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { oneLineProvider } from '../helpers/one-line-provider.js';
import { ensureBuilt, runCli } from './helpers.js';

beforeAll(ensureBuilt);

// 10,000 care units on one line (1.7 MB): the command took minutes on it while every fix's edits
// were built with a scan back to the start of the line. No time is asserted.
describe('a file written on one line', () => {
  it('is linted and reported', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sor-lint-one-line-'));
    const file = join(dir, 'one-line.sor.yaml');
    writeFileSync(file, oneLineProvider(10_000));
    // The report (10 MB) goes to a file: more than a test's pipe takes.
    const run = runCli([file, '--output-file', join(dir, 'report.txt')], { timeout: 30_000 });
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'report.txt'), 'utf8').trimEnd().split('\n').at(-1)).toBe('✖ 50000 problems (0 errors, 10000 warnings, 40000 info)');
  });
});
