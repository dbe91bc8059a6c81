// Runs the built CLI as a user does (`node dist/cli.js …`), building it first when the bundle is
// missing or older than the sources, and copies fixture trees to temporary folders for tests
// that write.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const CLI = join(ROOT, 'dist/cli.js');
export const FIXTURES = join(ROOT, 'test/fixtures/cli');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

function bundleIsFresh(): boolean {
  try {
    const built = statSync(CLI).mtimeMs;
    return built >= Math.max(newestMtime(join(ROOT, 'server/src')), newestMtime(join(ROOT, 'schemas')), newestMtime(join(ROOT, 'package.json')));
  } catch {
    return false;
  }
}

/** Build dist/ once for all test files running at the same time (a lock folder serialises them). */
export function ensureBuilt(): void {
  if (bundleIsFresh()) return;
  const lock = join(ROOT, 'node_modules/.cache/sor-lint-cli-test-build.lock');
  mkdirSync(join(ROOT, 'node_modules/.cache'), { recursive: true });
  const deadline = Date.now() + 55_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`waited too long for ${lock}; remove it if no build is running`);
      spawnSync('sleep', ['0.2']);
    }
  }
  try {
    if (bundleIsFresh()) return;
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A run that hangs is killed after `timeout` ms (code null), so a hang fails its test instead of the suite. */
export function runCli(args: string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}): CliRun {
  const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', NO_COLOR: '', SOR_LINT_DEBUG: '', ...options.env };
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? FIXTURES, input: options.input ?? '', env, encoding: 'utf8', timeout: options.timeout ?? 60_000, maxBuffer: 64 << 20 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A fresh copy of a fixture folder (or of all of them) in a temporary folder. */
export function copyFixtures(name?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sor-lint-cli-'));
  cpSync(name ? join(FIXTURES, name) : FIXTURES, dir, { recursive: true });
  return dir;
}

export interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  action: string | null;
  docsUrl: string | null;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fixable: boolean;
  /** Where a conflict's other ends are: this file or another of the run (filePath as the run shows it). */
  related: { message: string; filePath: string; line: number; column: number; endLine: number; endColumn: number }[];
}

export type JsonReport = { filePath: string; findings: JsonFinding[] }[];

export function jsonReport(run: CliRun): JsonReport {
  return JSON.parse(run.stdout) as JsonReport;
}

/** The findings per file as `rule@line:col severity`, for compact assertions. */
export function summary(report: JsonReport): Record<string, string[]> {
  return Object.fromEntries(report.map((file) => [file.filePath, file.findings.map((f) => `${f.ruleId}@${f.line}:${f.column} ${f.severity}`)]));
}
