// Where paths in reports are relative to: the git top-level for SARIF and GitHub (so code
// scanning and annotations find the file), else the working folder.
import type * as ChildProcess from 'node:child_process';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { FileReport } from './report.js';

export function repositoryRoot(cwd: string): string {
  // Loaded here, not at start: node:child_process (with node:net) is a few ms of every run's start-up.
  const { spawnSync }: typeof ChildProcess = require('node:child_process');
  const git = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const top = git.status === 0 ? git.stdout.trim() : '';
  return top ? resolve(top) : cwd;
}

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** The file's path below the repository root, or its display path when it lies outside. */
export function repoRelativePath(file: FileReport, repoRoot: string): string {
  if (!file.absolutePath) return file.filePath;
  const path = relative(repoRoot, file.absolutePath);
  return path.startsWith('..') || isAbsolute(path) ? toPosix(file.absolutePath) : toPosix(path);
}
