// --cache: a file whose size and mtime (else content hash), configuration and tool version are
// those of its last clean run is not read again. Only clean files are remembered, so whatever a
// cached file would report on its own is nothing; with each, the facts the checks across files
// read (core/workspace.ts), so a partner that changed is still compared with it.
import type * as Crypto from 'node:crypto';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { msg } from '../core/i18n.js';
import type { FileFacts } from '../core/workspace.js';
import { FileReadError, readRegularFile } from '../fs/read.js';
import { CliError } from './errors.js';

export const DEFAULT_CACHE_LOCATION = 'node_modules/.cache/sor-lint/cache.json';

interface Entry {
  size: number;
  mtimeMs: number;
  contentHash: string;
  configHash: string;
  facts: FileFacts;
}

interface CacheFile {
  version: string;
  files: Record<string, Entry>;
}

/** The text's SHA-256 in hex. node:crypto is loaded by the first hash, not at start: most runs make none. */
export function hashOf(text: string): string {
  const { createHash }: typeof Crypto = require('node:crypto');
  return createHash('sha256').update(text).digest('hex');
}

export class LintCache {
  private dirty = false;

  private constructor(
    readonly location: string,
    private readonly data: CacheFile,
  ) {}

  /** A cache at `location` (a file, or a folder to hold cache.json); a missing or bad one is empty. */
  static open(location: string | undefined, cwd: string, version: string): LintCache {
    let path = resolve(cwd, location ?? DEFAULT_CACHE_LOCATION);
    if (location && (/[\\/]$/.test(location) || isDirectory(path))) path = resolve(path, 'cache.json');
    let data: CacheFile = { version, files: {} };
    try {
      const read = JSON.parse(readRegularFile(path).toString('utf8')) as CacheFile;
      if (read.version === version && read.files && typeof read.files === 'object') data = read;
    } catch (error) {
      // A FIFO or a device would also hang the write at the end: say so now.
      if (error instanceof FileReadError && typeof error.reason !== 'string') {
        const shown = location ?? DEFAULT_CACHE_LOCATION;
        throw new CliError(msg(`kan ikke læse cachen ${shown}: ${error.reason.da}`, `cannot read the cache ${shown}: ${error.reason.en}`));
      }
      // No cache yet, or one we cannot read: start afresh.
    }
    return new LintCache(path, data);
  }

  /** Clean last time and not changed since, by size and mtime (no need to read the file): its facts. */
  cleanByStat(file: string, size: number, mtimeMs: number, configHash: string): FileFacts | undefined {
    const entry = this.data.files[file];
    return entry && entry.configHash === configHash && entry.size === size && entry.mtimeMs === mtimeMs ? keptFacts(entry) : undefined;
  }

  /** Clean last time and the same content (touched, not changed): its facts. */
  cleanByContent(file: string, content: string, configHash: string): FileFacts | undefined {
    const entry = this.data.files[file];
    return entry && entry.configHash === configHash && entry.contentHash === hashOf(content) ? keptFacts(entry) : undefined;
  }

  recordClean(file: string, content: string, configHash: string, facts: FileFacts): void {
    const stat = statSync(file);
    this.data.files[file] = { size: stat.size, mtimeMs: stat.mtimeMs, contentHash: hashOf(content), configHash, facts };
    this.dirty = true;
  }

  forget(file: string): void {
    if (!(file in this.data.files)) return;
    delete this.data.files[file];
    this.dirty = true;
  }

  save(): void {
    if (!this.dirty) return;
    mkdirSync(dirname(this.location), { recursive: true });
    writeFileSync(this.location, JSON.stringify(this.data));
  }
}

/** An entry written before entries kept facts is no use: the file is linted again. */
function keptFacts(entry: Entry): FileFacts | undefined {
  return Array.isArray(entry.facts?.codes) && Array.isArray(entry.facts.providers) ? entry.facts : undefined;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
