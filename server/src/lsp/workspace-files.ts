// The workspace's SOR files on disk, for the server's workspace index (workspace-index.ts): found
// once by walking the workspace folders (bounded in files and bytes, never into node_modules or
// .git), and read again only when the client's file watcher says one changed. Reading goes
// through the one file reader (regular files only, with its size bound).
import type { Dirent } from 'node:fs';
import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readRegularFile } from '../fs/read.js';
import { fsPathOf } from './file-config.js';
import { isSorFileName } from './sor-files.js';

/** The same files, for the client's file watcher. */
export const SOR_FILES_GLOB = '**/*.sor.{yaml,yml,json}';
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
/** Folder entries looked at, at most: a workspace opened on a home folder is not walked to its end. */
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
  let entriesSeen = 0;
  let capped = false;
  const pending = [...folders].reverse();
  while (pending.length > 0) {
    const folder = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      continue;
    }
    entriesSeen += entries.length;
    if (entriesSeen > MAX_ENTRIES) return { paths, capped: true };
    const subfolders: string[] = [];
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) subfolders.push(path);
        continue;
      }
      if (!entry.isFile() || !isSorFileName(entry.name)) continue;
      const size = sizeOf(path);
      if (size === undefined) continue;
      if (paths.length >= bounds.maxFiles) return { paths, capped: true };
      // A file larger than what is left (a national export) is passed over, not the rest with it.
      if (bytes + size > bounds.maxBytes) {
        capped = true;
        continue;
      }
      paths.push(path);
      bytes += size;
    }
    // Depth first, in name order: the files the bound keeps do not depend on the walk's luck.
    pending.push(...subfolders.reverse());
  }
  return { paths, capped };
}

/** The file's text, or undefined when it is gone, not a regular file, larger than `maxBytes`, or not UTF-8. */
export function readSorFile(path: string, maxBytes: number): string | undefined {
  try {
    const bytes = readRegularFile(path, maxBytes);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text;
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
