// The workspace's SOR files on disk, for the server's workspace index (workspace-index.ts): found
// once by walking the workspace folders (bounded in files and bytes, never into node_modules or
// .git), and read again only when the client's file watcher says one changed. Reading goes
// through the one file reader (regular files only, with its size bound).
import { statSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readRegularFile } from '../fs/read.js';
import { fsPathOf } from './file-config.js';
import { isSorFileName, SKIPPED_FOLDERS, walkSorFiles } from '../fs/sor-files.js';

/** The same files, for the client's file watcher. */
export const SOR_FILES_GLOB = '**/*.sor.{yaml,yml,json}';
/** Folder entries looked at, at most (WalkOptions.maxEntries). */
const MAX_ENTRIES = 200_000;

/** How much of a workspace is indexed: the first `maxFiles` files whose sizes add up to at most `maxBytes`. Symbolic links are not followed. */
export interface IndexBounds {
  maxFiles: number;
  maxBytes: number;
}

export interface FoundFiles {
  /** Absolute paths, in a stable order (folder by folder, names sorted). */
  paths: string[];
  /** Set when a bound stopped the walk: files beyond it are not indexed. */
  capped: boolean;
}

/** A SOR file the walk would find under `folder` (a watcher may report one in node_modules too). */
export function isWorkspaceSorFile(folder: string, path: string): boolean {
  return isInside(folder, path) && isSorFileName(path) && !relative(folder, path).split(sep).some((segment) => SKIPPED_FOLDERS.has(segment));
}

export function isInside(folder: string, path: string): boolean {
  const rest = relative(folder, path);
  return rest !== '' && !rest.startsWith('..') && !isAbsolute(rest);
}

/** The index's name for a file: its `file:` URI spelled one way, whichever way the client spelt it. */
export function indexKeyOf(uri: string): string {
  const path = fsPathOf(uri);
  return path ? pathToFileURL(path).href : uri;
}

export function uriOfPath(path: string): string {
  return pathToFileURL(path).href;
}

/** The SOR files under the folders, within the bounds. A folder that cannot be read is skipped. */
export function findSorFiles(folders: readonly string[], bounds: IndexBounds): FoundFiles {
  // Every file checked alone: no walk, and nothing to say about a bound.
  if (bounds.maxFiles === 0) return { paths: [], capped: false };
  const paths: string[] = [];
  let bytes = 0;
  let capped = false;
  // In the walk's stable order: the files the bound keeps do not depend on the walk's luck.
  const walked = walkSorFiles(
    folders,
    (path, entry) => {
      const size = entry.isFile() ? sizeOf(path) : undefined;
      if (size === undefined) return true;
      if (paths.length >= bounds.maxFiles) return false;
      // A file larger than what is left (a national export) is passed over, not the rest with it.
      if (bytes + size > bounds.maxBytes) capped = true;
      else {
        paths.push(path);
        bytes += size;
      }
      return true;
    },
    { maxEntries: MAX_ENTRIES },
  );
  return { paths, capped: capped || !walked };
}

/** The file's text, or undefined when it is gone, not a regular file, larger than `maxBytes`, or not UTF-8. */
export function readSorFile(path: string, maxBytes: number): string | undefined {
  try {
    const bytes = readRegularFile(path, maxBytes);
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function sizeOf(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}
