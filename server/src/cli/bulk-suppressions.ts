// Bulk suppressions, ESLint 9.24's model, for a provider whose files carry years of legacy:
// `--suppress-all` / `--suppress-rule ID` record today's errors per file and rule in a suppressions
// file (sor-lint-suppressions.json in the working folder, or --suppressions-location); later runs
// report a rule's errors in a file only when there are more than the file records, and say when
// there are fewer, until `--prune-suppressions` lowers the counts. Only errors are recorded, as in
// ESLint (warnings do not fail a run); syntax errors and unused-directive reports never are.
// The file's paths are relative to the working folder and sorted, so it diffs well under review.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Msg } from '../core/i18n.js';
import { msg } from '../core/i18n.js';
import { PARSE_RULE_ID } from '../core/lint.js';
import type { BulkOptions } from './args.js';
import { UNUSED_DIRECTIVE_RULE_ID } from './directives.js';
import { CliError, codeOf } from './errors.js';
import { FileReadError, readRegularFile } from '../fs/read.js';
import { writeBack } from '../fs/write.js';
import { toPosix } from './paths.js';
import type { FileReport } from './report.js';

export const DEFAULT_SUPPRESSIONS_FILE = 'sor-lint-suppressions.json';
/** Working-folder-relative path → rule id → how many of its errors are suppressed. */
export type Suppressions = Record<string, Record<string, { count: number }>>;

export interface BulkOutcome {
  reports: FileReport[];
  /** One line each for stderr. */
  notes: Msg[];
  /** Some recorded counts are higher than today's: the run fails unless --pass-on-unpruned-suppressions. */
  unpruned: boolean;
}

/** The flag combinations ESLint refuses, refused the same way (exit 2). */
export function checkBulkOptions(bulk: BulkOptions, targets: readonly string[], fixDryRun: boolean): void {
  const suppressRule = bulk.suppressRules.length > 0;
  const writing = bulk.suppressAll || suppressRule || bulk.prune;
  const refuse = (a: string, b: string) => {
    throw new CliError(msg(`${a} og ${b} kan ikke bruges sammen`, `${a} and ${b} cannot be used together`));
  };
  if (bulk.suppressAll && suppressRule) refuse('--suppress-all', '--suppress-rule');
  if (bulk.suppressAll && bulk.prune) refuse('--suppress-all', '--prune-suppressions');
  if (suppressRule && bulk.prune) refuse('--suppress-rule', '--prune-suppressions');
  // The counts must be those of the files on disk, which --fix-dry-run leaves unfixed.
  if (writing && fixDryRun) {
    throw new CliError(
      msg(
        '--fix-dry-run skriver ikke rettelserne, så undertrykkelsesfilen ville tælle andet end filerne: brug --fix',
        '--fix-dry-run does not write its fixes, so the suppressions file would count something other than the files: use --fix',
      ),
    );
  }
  if (writing && targets.includes('-')) {
    throw new CliError(
      msg(
        '--suppress-all, --suppress-rule og --prune-suppressions kan ikke bruges med standard input: undertrykkelser gælder filer',
        '--suppress-all, --suppress-rule and --prune-suppressions cannot be used with standard input: suppressions are kept per file',
      ),
    );
  }
}

/**
 * Records, prunes and applies the suppressions file to the reports of one run. Standard input is
 * left as it is (as in ESLint): a piped text is not the file on disk the counts are of.
 */
export function applyBulkSuppressions(reports: FileReport[], bulk: BulkOptions, cwd: string, fromStdin: ReadonlySet<FileReport>): BulkOutcome {
  const location = suppressionsFile(bulk.location, cwd);
  const shown = toPosix(relative(cwd, location)) || location;
  const recording = bulk.suppressAll || bulk.suppressRules.length > 0;
  const exists = statSync(location, { throwIfNoEntry: false }) !== undefined;
  if (!exists && bulk.location !== undefined && !recording) {
    throw new CliError(
      msg(`undertrykkelsesfilen ${shown} findes ikke: lav den med --suppress-all eller --suppress-rule ID`, `the suppressions file ${shown} does not exist: make it with --suppress-all or --suppress-rule ID`),
    );
  }
  if (!exists && !recording) return { reports, notes: [], unpruned: false };

  const recorded = exists ? load(location, shown) : {};
  const files = (report: FileReport) => report.absolutePath !== undefined && !fromStdin.has(report);
  const today = new Map(reports.filter(files).map((report) => [keyOf(report.absolutePath!, cwd), errorCounts(report)]));
  const notes: Msg[] = [];
  let suppressions = recorded;
  if (recording) suppressions = record(recorded, today, bulk.suppressAll ? undefined : bulk.suppressRules);
  if (bulk.prune) suppressions = prune(recorded, today, cwd);
  if (recording || bulk.prune) {
    // Unchanged counts leave the file (and its modification time) as it is.
    if (!exists || serialise(suppressions) !== serialise(recorded)) save(location, shown, suppressions);
    notes.push(writtenNote(shown, suppressions));
  }

  const applied = reports.map((report) => {
    if (!files(report)) return report;
    const path = keyOf(report.absolutePath!, cwd);
    const entries = suppressions[path] ?? {};
    const counts = today.get(path)!;
    const hidden = new Set(Object.keys(entries).filter((rule) => (counts.get(rule) ?? 0) <= entries[rule].count));
    for (const [rule, count] of counts) {
      if (entries[rule] && count > entries[rule].count) notes.push(exceededNote(path, rule, count, entries[rule].count, shown));
    }
    if (hidden.size === 0) return report;
    return { ...report, findings: report.findings.filter((f) => !(f.finding.severity === 'error' && hidden.has(f.finding.ruleId))) };
  });

  const lower = unprunedEntries(suppressions, today, cwd);
  if (lower.length > 0) notes.push(unprunedNote(lower, shown));
  return { reports: applied, notes, unpruned: lower.length > 0 };
}

/** --suppressions-location may name a folder: the file goes inside it. */
function suppressionsFile(location: string | undefined, cwd: string): string {
  const path = resolve(cwd, location ?? DEFAULT_SUPPRESSIONS_FILE);
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ? join(path, DEFAULT_SUPPRESSIONS_FILE) : path;
}

function keyOf(absolutePath: string, cwd: string): string {
  return toPosix(relative(cwd, absolutePath));
}

function errorCounts(report: FileReport): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { finding } of report.findings) {
    if (finding.severity !== 'error' || finding.ruleId === PARSE_RULE_ID || finding.ruleId === UNUSED_DIRECTIVE_RULE_ID) continue;
    counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  }
  return counts;
}

/** Today's counts for the linted files and the chosen rules (all when undefined); other entries stay. */
function record(recorded: Suppressions, today: Map<string, Map<string, number>>, rules: string[] | undefined): Suppressions {
  const next = structuredClone(recorded);
  for (const [path, counts] of today) {
    const entries = next[path] ?? {};
    for (const rule of Object.keys(entries)) if (!rules || rules.includes(rule)) delete entries[rule];
    for (const [rule, count] of counts) if (!rules || rules.includes(rule)) entries[rule] = { count };
    next[path] = entries;
  }
  return withoutEmpty(next);
}

/** Lowers every count to today's for the linted files, and drops files that no longer exist. */
function prune(recorded: Suppressions, today: Map<string, Map<string, number>>, cwd: string): Suppressions {
  const next = structuredClone(recorded);
  for (const [path, entries] of Object.entries(next)) {
    const counts = today.get(path);
    if (!counts) {
      if (!fileExists(path, cwd)) delete next[path];
      continue;
    }
    for (const [rule, { count }] of Object.entries(entries)) {
      const now = Math.min(count, counts.get(rule) ?? 0);
      if (now === 0) delete entries[rule];
      else entries[rule] = { count: now };
    }
  }
  return withoutEmpty(next);
}

interface Unpruned {
  path: string;
  rule: string;
  recorded: number;
  found: number;
}

/** Entries of linted (or deleted) files that record more errors than there are today. */
function unprunedEntries(suppressions: Suppressions, today: Map<string, Map<string, number>>, cwd: string): Unpruned[] {
  const lower: Unpruned[] = [];
  for (const [path, entries] of Object.entries(suppressions)) {
    const counts = today.get(path);
    if (!counts && fileExists(path, cwd)) continue;
    for (const [rule, { count }] of Object.entries(entries)) {
      const found = counts?.get(rule) ?? 0;
      if (found < count) lower.push({ path, rule, recorded: count, found });
    }
  }
  return lower;
}

function fileExists(path: string, cwd: string): boolean {
  return statSync(resolve(cwd, path), { throwIfNoEntry: false }) !== undefined;
}

function withoutEmpty(suppressions: Suppressions): Suppressions {
  return Object.fromEntries(Object.entries(suppressions).filter(([, entries]) => Object.keys(entries).length > 0));
}

function load(location: string, shown: string): Suppressions {
  let text: string;
  try {
    text = readRegularFile(location).toString('utf8');
  } catch (error) {
    if (error instanceof FileReadError) throw new CliError(error.describe(shown));
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  if (!isSuppressions(data)) {
    throw new CliError(
      msg(
        `${shown} er ikke en undertrykkelsesfil: den skal være { "fil": { "regel-id": { "count": N } } }`,
        `${shown} is not a suppressions file: it must be { "file": { "rule-id": { "count": N } } }`,
      ),
    );
  }
  return data;
}

function isSuppressions(data: unknown): data is Suppressions {
  const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isRecord(data)) return false;
  return Object.values(data).every(
    (entries) => isRecord(entries) && Object.values(entries).every((entry) => isRecord(entry) && Number.isInteger(entry.count) && (entry.count as number) > 0),
  );
}

/** Sorted files, sorted rules, two-space JSON: the same findings always give the same bytes. */
export function serialise(suppressions: Suppressions): string {
  const sorted = (keys: string[]) => [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const ordered = Object.fromEntries(
    sorted(Object.keys(suppressions)).map((path) => [path, Object.fromEntries(sorted(Object.keys(suppressions[path])).map((rule) => [rule, { count: suppressions[path][rule].count }]))]),
  );
  return JSON.stringify(ordered, null, 2) + '\n';
}

function save(location: string, shown: string, suppressions: Suppressions): void {
  const text = serialise(suppressions);
  try {
    if (statSync(location, { throwIfNoEntry: false })) writeBack(location, text);
    else {
      mkdirSync(dirname(location), { recursive: true });
      writeFileSync(location, text);
    }
  } catch (error) {
    throw new CliError(msg(`kan ikke skrive undertrykkelsesfilen ${shown} (${codeOf(error)})`, `cannot write the suppressions file ${shown} (${codeOf(error)})`));
  }
}

function writtenNote(shown: string, suppressions: Suppressions): Msg {
  const files = Object.keys(suppressions).length;
  const errors = Object.values(suppressions).reduce((sum, entries) => sum + Object.values(entries).reduce((s, e) => s + e.count, 0), 0);
  return msg(
    `${shown} undertrykker nu ${errors} fejl i ${files} ${files === 1 ? 'fil' : 'filer'}.`,
    `${shown} now suppresses ${errors} ${errors === 1 ? 'error' : 'errors'} in ${files} ${files === 1 ? 'file' : 'files'}.`,
  );
}

function exceededNote(path: string, rule: string, found: number, allowed: number, shown: string): Msg {
  return msg(
    `${path}: ${found} ${rule}-fejl, hvor ${shown} tillader ${allowed}: alle vises, da nye ikke kan skelnes fra gamle.`,
    `${path}: ${found} ${rule} errors where ${shown} allows ${allowed}: all are shown, as new ones cannot be told from old ones.`,
  );
}

function unprunedNote(lower: Unpruned[], shown: string): Msg {
  const [first] = lower;
  const where = `${first.path} ${first.rule}: ${first.recorded}`;
  const one = lower.length === 1;
  return msg(
    `${lower.length} ${one ? 'post' : 'poster'} i ${shown} tæller flere fejl, end der er tilbage (${where} registreret, ${first.found} fundet): kør med --prune-suppressions for at sænke ${one ? 'den' : 'dem'}`,
    `${lower.length} ${one ? 'entry' : 'entries'} in ${shown} ${one ? 'counts' : 'count'} more errors than are left (${where} recorded, ${first.found} found): run with --prune-suppressions to lower ${one ? 'it' : 'them'}`,
  );
}
