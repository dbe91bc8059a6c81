// Verdicts kept in memory and, when the caller names a file, on disk, so a second run (the next
// keystroke, the next CI job) asks the register nothing it already answered. An exact match keeps
// longer than a miss, since a missing address is the one the user is about to correct or DAR to
// add. "Could not verify now" is never kept. The file holds addresses and verdicts, never a token.
// fs.promises, read where it is used: the module behind it is loaded then, not at every run's start.
import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import type { AddressQuery, AddressVerdict, AddressVerifier } from './types.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const FILE_VERSION = 1;

export interface CacheSettings {
  /** The on-disk cache file (the caller picks the place: the CLI's cache dir, the extension's storage). */
  file?: string;
  hitTtlMs?: number;
  missTtlMs?: number;
  /** The clock, for tests. */
  now?: () => number;
}

interface Entry {
  verdict: AddressVerdict;
  expires: number;
}

export class VerdictCache {
  private readonly entries = new Map<string, Entry>();
  private loading: Promise<void> | undefined;
  private saving: Promise<void> = Promise.resolve();
  private readonly hitTtlMs: number;
  private readonly missTtlMs: number;
  private readonly now: () => number;

  constructor(private readonly settings: CacheSettings = {}) {
    this.hitTtlMs = settings.hitTtlMs ?? 7 * DAY_MS;
    this.missTtlMs = settings.missTtlMs ?? DAY_MS;
    this.now = settings.now ?? Date.now;
  }

  async get(key: string): Promise<AddressVerdict | undefined> {
    await this.load();
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires > this.now()) return entry.verdict;
    this.entries.delete(key);
    return undefined;
  }

  /** Keeps a verdict worth keeping; returns whether it did. */
  set(key: string, verdict: AddressVerdict): boolean {
    const ttl = verdict.kind === 'exact' ? this.hitTtlMs : verdict.kind === 'unavailable' || verdict.kind === 'not-checked' ? 0 : this.missTtlMs;
    if (ttl <= 0) return false;
    this.entries.set(key, { verdict, expires: this.now() + ttl });
    return true;
  }

  /** Writes the unexpired entries to the file (one write at a time; a failed write loses only the cache). */
  save(): Promise<void> {
    const file = this.settings.file;
    if (!file) return Promise.resolve();
    this.saving = this.saving.then(async () => {
      const now = this.now();
      const entries = Object.fromEntries([...this.entries].filter(([, entry]) => entry.expires > now));
      const temporary = `${file}.${process.pid}.tmp`;
      try {
        await fs.mkdir(dirname(file), { recursive: true });
        await fs.writeFile(temporary, JSON.stringify({ version: FILE_VERSION, entries }), 'utf8');
        await fs.rename(temporary, file);
      } catch {
        // A cache that cannot be written only costs a lookup next time.
      }
    });
    return this.saving;
  }

  private load(): Promise<void> {
    this.loading ??= this.readFile();
    return this.loading;
  }

  private async readFile(): Promise<void> {
    if (!this.settings.file) return;
    try {
      const stored = JSON.parse(await fs.readFile(this.settings.file, 'utf8')) as { version?: unknown; entries?: Record<string, Entry> };
      if (stored.version !== FILE_VERSION || !stored.entries) return;
      const now = this.now();
      for (const [key, entry] of Object.entries(stored.entries)) {
        if (typeof entry?.expires === 'number' && entry.expires > now && !this.entries.has(key)) this.entries.set(key, entry);
      }
    } catch {
      // No file yet, or one we cannot read: start empty.
    }
  }
}

/** Asks the inner verifier only what the cache does not hold, each distinct address once. */
export class CachingVerifier implements AddressVerifier {
  readonly id: string;

  constructor(
    private readonly inner: AddressVerifier,
    private readonly cache: VerdictCache,
  ) {
    this.id = inner.id;
  }

  async verify(queries: readonly AddressQuery[], signal?: AbortSignal): Promise<AddressVerdict[]> {
    const keys = queries.map((query) => cacheKey(this.inner.id, query));
    const known = new Map<string, AddressVerdict>();
    const missing = new Map<string, AddressQuery>();
    for (const [index, key] of keys.entries()) {
      const cached = known.has(key) || missing.has(key) ? undefined : await this.cache.get(key);
      if (cached) known.set(key, cached);
      else if (!known.has(key)) missing.set(key, queries[index]);
    }
    if (missing.size > 0) {
      const fresh = await this.inner.verify([...missing.values()], signal);
      let changed = false;
      for (const [index, key] of [...missing.keys()].entries()) {
        known.set(key, fresh[index]);
        changed = this.cache.set(key, fresh[index]) || changed;
      }
      if (changed) await this.cache.save();
    }
    return keys.map((key) => known.get(key)!);
  }
}

function cacheKey(service: string, query: AddressQuery): string {
  const parts = [query.street, query.houseNumber, query.floor, query.door, query.postalCode, query.city, query.darId];
  return `${service} ${JSON.stringify(parts.map((part) => part?.trim() ?? ''))}`;
}
