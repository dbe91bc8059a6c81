// Which files are SOR files by name, and the one walk that finds them below folders: the command
// (a folder argument) and the language server (its workspace index) list them alike.
import type { Dirent } from 'node:fs';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const SOR_FILE_NAME = /\.sor\.(?:ya?ml|json)$/i;

/** Folders never walked into: installed packages and git's own. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git']);

export function isSorFileName(path: string): boolean {
  return SOR_FILE_NAME.test(path);
}

export interface WalkOptions {
  /** A folder that cannot be listed; the walk goes on without it. */
  unreadable?: (dir: string, error: unknown) => void;
  /** Folder entries listed, at most: a workspace opened on a home folder is not walked to its end. */
  maxEntries?: number;
}

/**
 * Calls `visit` for every entry with a SOR file's name below the folders that is not a folder, in
 * a stable order (depth first, names sorted), never into SKIPPED_FOLDERS nor through a symbolic
 * link to a folder. `visit` returns false to stop. False when the walk stopped before its end
 * (`visit` or `maxEntries`).
 */
export function walkSorFiles(folders: readonly string[], visit: (path: string, entry: Dirent) => boolean, options: WalkOptions = {}): boolean {
  let entriesSeen = 0;
  const walk = (dir: string): boolean => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      options.unreadable?.(dir, error);
      return true;
    }
    entriesSeen += entries.length;
    if (options.maxEntries !== undefined && entriesSeen > options.maxEntries) return false;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !walk(path)) return false;
      } else if (isSorFileName(entry.name) && !visit(path, entry)) {
        return false;
      }
    }
    return true;
  };
  return folders.every(walk);
}
