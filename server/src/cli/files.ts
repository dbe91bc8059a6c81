// Turning the command's arguments into files: a file as given, a folder searched for SOR files,
// a glob (tinyglobby), or `-` for standard input. Something that names nothing is an error
// (exit 2), as in ESLint: a CI step that silently lints no file would pass for the wrong reason.
import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type * as Tinyglobby from 'tinyglobby';
import type { Msg } from '../core/i18n.js';
import { msg } from '../core/i18n.js';
import { walkSorFiles } from '../fs/sor-files.js';
import { CliError, codeOf } from './errors.js';
import { toPosix } from './paths.js';

export interface FileTarget {
  kind: 'file';
  absolutePath: string;
  displayPath: string;
  /** Named on the command line itself, not found in a folder or by a glob. */
  explicit: boolean;
  /** The argument it came from. */
  argument: string;
}

/** An entry of a folder that could not be read: reported, and the run goes on with the rest. */
export interface UnreadableTarget {
  kind: 'unreadable';
  reason: Msg;
}

export type Target = FileTarget | UnreadableTarget | { kind: 'stdin' };

export function expandTargets(args: readonly string[], cwd: string): Target[] {
  const targets: Target[] = [];
  const seen = new Set<string>();
  const add = (absolutePath: string, argument: string, explicit: boolean) => {
    if (seen.has(absolutePath)) return;
    seen.add(absolutePath);
    targets.push({ kind: 'file', absolutePath, displayPath: toPosix(relative(cwd, absolutePath)) || absolutePath, explicit, argument });
  };
  for (const arg of args) {
    if (arg === '-') {
      if (!targets.some((t) => t.kind === 'stdin')) targets.push({ kind: 'stdin' });
      continue;
    }
    const absolute = resolve(cwd, arg);
    const stat = statOrUndefined(absolute, arg);
    if (stat?.isDirectory()) {
      let unreadable = 0;
      const found = sorFilesIn(absolute, (dir, error) => {
        unreadable++;
        targets.push({ kind: 'unreadable', reason: folderUnreadable(relative(cwd, dir) || dir, error) });
      });
      if (found.length === 0 && unreadable === 0) {
        throw new CliError(msg(`ingen *.sor.yaml-, *.sor.yml- eller *.sor.json-fil i mappen "${arg}"`, `no *.sor.yaml, *.sor.yml or *.sor.json file in the folder "${arg}"`));
      }
      for (const file of found) add(file, arg, false);
    } else if (stat) {
      // A FIFO or a device too: reading it says what it is, in one line, without waiting on it.
      add(absolute, arg, true);
    } else if (!stat && globs().isDynamicPattern(arg)) {
      const found = globs().globSync(arg, { cwd, absolute: true, onlyFiles: true, dot: false, ignore: ['**/node_modules/**', '**/.git/**'] }).sort();
      if (found.length === 0) throw new CliError(msg(`ingen fil passer til mønsteret "${arg}"`, `no file matches the pattern "${arg}"`));
      for (const file of found) add(resolve(file), arg, false);
    } else throw new CliError(msg(`filen eller mappen findes ikke: ${arg}`, `no such file or folder: ${arg}`));
  }
  return targets;
}

/**
 * tinyglobby, loaded by the first argument that names no file: with fdir and picomatch it is a
 * tenth of the command's start-up otherwise. `require`, not `import`: the bundler then takes its
 * CommonJS build, whose fdir does not need `import.meta.url` (undefined in our CommonJS bundle).
 */
function globs(): typeof Tinyglobby {
  return require('tinyglobby');
}

function statOrUndefined(path: string, arg: string) {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new CliError(msg(`kan ikke læse ${arg} (${code ?? String(error)})`, `cannot read ${arg} (${code ?? String(error)})`));
  }
}

function folderUnreadable(dir: string, error: unknown): Msg {
  return msg(`kan ikke læse mappen ${dir} (${codeOf(error)})`, `cannot read the folder ${dir} (${codeOf(error)})`);
}

/**
 * SOR files below a folder, in a stable order, not following symbolic links to folders. Every
 * entry with a SOR file's name that is not a folder is listed, so that a link to a FIFO or a loop
 * is reported when it is read; a folder that cannot be read goes to `unreadable`.
 */
function sorFilesIn(folder: string, unreadable: (dir: string, error: unknown) => void): string[] {
  const files: string[] = [];
  walkSorFiles(
    [folder],
    (path) => {
      files.push(path);
      return true;
    },
    { unreadable },
  );
  return files;
}
