// Picks one provider's subtree out of the national file in one pass, without keeping every row.
// All rows leave a compact SorId → ParentSorId entry (two short strings); a row's full fields are
// kept only when its ancestry, as far as the file has shown it so far, leads to the provider, or
// cannot yet be told (its parent comes later in the file). At the end those undecided rows are
// settled with the complete parent map. A row whose ancestry reaches another owner is dropped at once,
// and undecided rows are looked at again whenever their number doubles, so rows of other owners
// that came before their parents do not pile up.
// A unit the export repeats on several rows is one unit: its later rows fill what its first lacks.
import { msg } from '../core/i18n.js';
import type { SorLevel } from './columns.js';
import { ImportError } from './errors.js';

export interface SubtreeRow {
  sorId: string;
  /** The parent's SOR code, or `ownerByCvr(cvr)` for an institution the file links to its owner by CVR number only. */
  parentSorId: string;
  level: SorLevel | undefined;
  /** SorType as the file writes it, for messages. */
  sorType: string;
  name: string;
  cvr: string;
}

/** The provider as the user names it: an 8-digit CVR number or a SOR code. */
export type ProviderKey = { kind: 'cvr'; value: string } | { kind: 'sorId'; value: string };

export function parseProviderKey(text: string): ProviderKey {
  const value = text.replace(/[\s]/g, '').replace(/^="?|"$/g, '');
  if (/^\d{8}$/.test(value)) return { kind: 'cvr', value };
  if (/^\d{11,18}$/.test(value)) return { kind: 'sorId', value };
  throw new ImportError(
    msg(
      `"${text}" er hverken et CVR-nummer (8 cifre) eller en SOR-kode (11-18 cifre).`,
      `"${text}" is neither a CVR number (8 digits) nor a SOR code (11-18 digits).`,
    ),
  );
}

/** The parent key of an institution linked to its owner by the owner's CVR number (no SOR code has a colon); undefined without one. */
export function ownerByCvr(cvr: string): string | undefined {
  const digits = digitsOf(cvr);
  return digits ? `cvr:${digits}` : undefined;
}

/** Ancestry walks stop here: deeper than any real SOR tree, and a guard against cycles. */
const MAX_DEPTH = 64;

/** Undecided rows are first looked at again when there are this many. */
const MIN_RECHECK = 1024;

type Verdict = 'inside' | 'outside' | 'undecided';

export class SubtreeCollector<Row extends SubtreeRow> {
  private readonly parentOf = new Map<string, string>();
  /** Every owner row seen, by SOR code and by `ownerByCvr(cvr)`: true when it is the provider. */
  private readonly owners = new Map<string, boolean>();
  private readonly inside = new Set<string>();
  private readonly kept: Row[] = [];
  private readonly undecided: Row[] = [];
  private readonly providers: Row[] = [];
  /** The rows held in full (provider, kept, undecided) by SOR code, for merging a unit's later rows into its first. */
  private held = new Map<string, Row>();
  /** When the key is a SOR code that names a unit rather than an owner: that unit's type, for the message. */
  private keyNamesUnitOfType: string | undefined;
  private recheckAt = MIN_RECHECK;
  private peak = 0;

  constructor(
    private readonly key: ProviderKey,
    private readonly merge: (into: Row, from: Row) => void,
  ) {}

  add(row: Row): void {
    if (!row.sorId) return;
    // The export can repeat a unit on several rows (one per location number or speciality, or its
    // identity apart from its addresses): the first row places it, later ones fill it in.
    const first = this.held.get(row.sorId);
    if (first) return this.merge(first, row);
    if (this.owners.has(row.sorId) || this.parentOf.has(row.sorId)) return;
    if (row.level === 'owner') {
      const isProvider = this.key.kind === 'cvr' ? digitsOf(row.cvr) === this.key.value : row.sorId === this.key.value;
      this.owners.set(detached(row.sorId), isProvider);
      // Institutions linked by CVR number only belong to the provider when any owner with its CVR number is the provider.
      const byCvr = ownerByCvr(row.cvr);
      if (byCvr) this.owners.set(byCvr, isProvider || this.owners.get(byCvr) === true);
      if (isProvider) {
        this.providers.push(row);
        this.hold(row);
      }
      return;
    }
    if (this.key.kind === 'sorId' && row.sorId === this.key.value) this.keyNamesUnitOfType = row.sorType;
    this.parentOf.set(detached(row.sorId), detached(row.parentSorId));
    const verdict = this.verdict(row.sorId);
    if (verdict === 'inside') {
      this.hold(row);
      this.kept.push(row);
    } else if (verdict === 'undecided') {
      this.undecided.push(row);
      this.held.set(row.sorId, row);
      if (this.undecided.length >= this.recheckAt) this.recheckUndecided();
    }
    this.peak = Math.max(this.peak, this.kept.length + this.undecided.length);
  }

  private hold(row: Row): void {
    this.inside.add(row.sorId);
    this.held.set(row.sorId, row);
  }

  /** Settles the undecided rows whose ancestry the file has shown since; amortised linear. */
  private recheckUndecided(): void {
    let still = 0;
    for (const row of this.undecided) {
      const verdict = this.verdict(row.sorId);
      if (verdict === 'inside') {
        this.inside.add(row.sorId);
        this.kept.push(row);
      } else if (verdict === 'undecided') this.undecided[still++] = row;
    }
    this.undecided.length = still;
    // A new map rather than deleting the dropped rows one by one: measured with
    // bench/import-bench.mjs, deleting kept the peak heap twice as high (about 80 MB against 40).
    this.held = new Map([...this.providers, ...this.kept, ...this.undecided].map((row) => [row.sorId, row]));
    this.recheckAt = Math.max(MIN_RECHECK, 2 * still);
  }

  /** The provider's row and the rows of its subtree, in file order. */
  finish(): { provider: Row; rows: Row[] } {
    const provider = this.onlyProvider();
    this.recheckUndecided();
    return { provider, rows: this.kept };
  }

  /** The most full rows held at once: the importer's memory, beyond the compact parent map. */
  get peakRowsHeld(): number {
    return this.peak;
  }

  private verdict(sorId: string): Verdict {
    let current = this.parentOf.get(sorId);
    for (let depth = 0; current !== undefined && depth < MAX_DEPTH; depth++) {
      if (this.inside.has(current)) return 'inside';
      const owner = this.owners.get(current);
      if (owner !== undefined) return owner ? 'inside' : 'outside';
      current = this.parentOf.get(current);
    }
    return current === undefined ? 'undecided' : 'outside';
  }

  private onlyProvider(): Row {
    const [provider, ...others] = this.providers;
    if (provider && others.length === 0) return provider;
    if (provider) {
      const codes = this.providers.map((row) => row.sorId).join(', ');
      throw new ImportError(
        msg(
          `CVR-nummeret ${this.key.value} ejer flere institutionsejere i SOR (${codes}); angiv den ønskede med dens SOR-kode.`,
          `CVR number ${this.key.value} belongs to several institution owners in SOR (${codes}); name the one you want by its SOR code.`,
        ),
      );
    }
    if (this.keyNamesUnitOfType) {
      throw new ImportError(
        msg(
          `SOR-koden ${this.key.value} er en enhed af SorType ${this.keyNamesUnitOfType}, ikke en institutionsejer (SorType IE eller IO); angiv leverandørens CVR-nummer eller ejerens SOR-kode.`,
          `SOR code ${this.key.value} is a unit of SorType ${this.keyNamesUnitOfType}, not an institution owner (SorType IE or IO); give the provider's CVR number or the owner's SOR code.`,
        ),
      );
    }
    const what = this.key.kind === 'cvr' ? msg('CVR-nummeret', 'CVR number') : msg('SOR-koden', 'SOR code');
    throw new ImportError(
      msg(
        `Filen har ingen institutionsejer (SorType IE eller IO) med ${what.da} ${this.key.value}.`,
        `The file has no institution owner (SorType IE or IO) with ${what.en} ${this.key.value}.`,
      ),
    );
  }
}

/**
 * A copy of the string that does not keep the text it was cut from alive: V8 represents a slice
 * of a long string as a view into it, so the parent map would otherwise hold every chunk of the file.
 */
function detached(text: string): string {
  return (' ' + text).slice(1);
}

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}
