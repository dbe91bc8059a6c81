// The command: options in, reports out, an exit code back (0 clean, 1 findings, 2 could not work).
import type { Stats } from 'node:fs';
import { closeSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import packageJson from '../../../package.json';
import type { OnlineAddresses } from './online.js';
import { onlineAddresses } from './online.js';
import type { FileConfig } from '../config/index.js';
import { lintWithConfig } from '../config/index.js';
import type { Lang, Msg } from '../core/i18n.js';
import { langFromEnvironment, msg } from '../core/i18n.js';
import type { FixSelection } from '../core/fix-loop.js';
import { findingsToOffer, fixUntilStableAsync, SAFE_FIXES } from '../core/fix-loop.js';
import { LineIndex, lineIndexOf } from '../core/lines.js';
import type { LintResult } from '../core/lint.js';
import type { Finding } from '../core/finding.js';
import type { FileFacts } from '../core/workspace.js';
import { factsOf, WorkspaceIndex } from '../core/workspace.js';
import { compareRuleIds } from '../core/pipeline.js';
import type { CliOptions } from './args.js';
import { parseOptions } from './args.js';
import { applyBulkSuppressions, checkBulkOptions } from './bulk-suppressions.js';
import { LintCache, hashOf } from './cache.js';
import { commandLineConfig, printedConfig } from './command-line-config.js';
import { unifiedDiff } from './diff.js';
import { unusedDirectiveFindings } from './directives.js';
import { CliError, codeOf, FileError } from './errors.js';
import type { FileTarget } from './files.js';
import { expandTargets } from './files.js';
import { FileReadError, readRegularFile } from '../fs/read.js';
import { writeBack } from '../fs/write.js';
import { formatters } from './formatters/index.js';
import { HELP, ignoredFileNote } from './messages.js';
import { repositoryRoot } from './paths.js';
import type { FileReport, FormatContext } from './report.js';
import { reportedFinding } from './report.js';
import { dayOf } from '../core/today.js';

export const VERSION: string = packageJson.version;

export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  readStdin(): Promise<string>;
}

/** What main does next: exit with a code, or keep running as the language server. */
export type Outcome = { exitCode: number } | { languageServer: true };

/**
 * A file linted in this run, before the findings across files: its lint, or none when the cache
 * vouches that it was clean (then `relint` reads and lints it, should a partner now conflict).
 */
interface Linted {
  /** Its name in the run's workspace: the absolute path (standard input without a name: `<stdin>`). */
  name: string;
  displayPath: string;
  absolutePath: string | undefined;
  /** The language of its findings (the file's configuration may choose one). */
  lang: Lang;
  result: LintResult | undefined;
  /** What the checks across files read of it: made only when the run has other files (or for the cache). */
  facts: () => FileFacts;
  relint?: () => Promise<LintResult>;
  /** Records the outcome in the cache: clean (with its facts) or not. */
  remember?: (clean: boolean) => void;
  fromStdin: boolean;
}

/** What lints leave besides reports: --fix-dry-run's diffs, rules that threw, files it could not read or write. */
interface RunState {
  diffs: string[];
  ruleFailures: { file: string; ruleId: string; error: unknown }[];
  fileErrors: number;
}

export async function run(argv: string[], io: CliIo): Promise<Outcome> {
  const options = parseOptions(argv);
  const lang: Lang = options.lang ?? langFromEnvironment(io.env);
  if (options.help || options.version) {
    io.stdout.write(options.help ? HELP[lang] : VERSION + '\n');
    return { exitCode: 0 };
  }
  if (options.stdio) return { languageServer: true };
  const cwd = io.cwd;
  if (options.printConfig !== undefined) {
    if (options.targets.length > 0) throw new CliError(msg('--print-config tager netop én fil og tjekker intet: angiv ingen andre filer', '--print-config takes exactly one file and lints nothing: give no other files'));
    io.stdout.write(printedConfig(await commandLineConfig(resolve(cwd, options.printConfig), options, cwd), options, lang, cwd));
    return { exitCode: 0 };
  }
  checkOptions(options);
  const targets = expandTargets(options.targets, cwd);
  const today = dayOf();
  const cache = options.cache ? LintCache.open(options.cacheLocation, cwd, VERSION) : undefined;
  const linted: Linted[] = [];
  const state: RunState = { diffs: [], ruleFailures: [], fileErrors: 0 };
  // One verifier for every file, so they share its cache and its rate limit.
  const online = onlineAddresses(options, io);
  // Per folder or glob argument: how many of its files are not ignored.
  const lintedByArgument = new Map<string, number>();

  // One file that cannot be read or written is said at once, and the others are still linted.
  const fileError = (text: Msg) => {
    io.stderr.write(`sor-lint: ${text[lang]}\n`);
    state.fileErrors++;
  };
  for (const target of targets) {
    if (target.kind === 'unreadable') {
      fileError(target.reason);
      continue;
    }
    if (target.kind === 'stdin') {
      linted.push(await lintStdin(options, io, lang, today, state, online));
      continue;
    }
    const config = await commandLineConfig(target.absolutePath, options, cwd);
    if (!target.explicit) lintedByArgument.set(target.argument, (lintedByArgument.get(target.argument) ?? 0) + (config.ignored ? 0 : 1));
    if (config.ignored) {
      if (target.explicit) io.stderr.write(ignoredFileNote(target.displayPath, lang, config.ignoredByOption) + '\n');
      continue;
    }
    try {
      linted.push(await lintFile(target, config, options, lang, today, cache, state, online));
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      fileError(error.text);
    }
  }
  for (const [argument, linted] of lintedByArgument) {
    if (linted === 0) {
      const by = options.ignorePatterns.length > 0 ? msg('ignorePatterns eller --ignore-pattern', 'ignorePatterns or --ignore-pattern') : msg('konfigurationens ignorePatterns', "the configuration's ignorePatterns");
      throw new CliError(msg(`alle filer, som "${argument}" angiver, udelukkes af ${by.da}`, `every file that "${argument}" names is ignored by ${by.en}`));
    }
  }
  const { reports, stdinReports } = await workspaceReports(linted, options, lang, state, fileError);
  cache?.save();
  const bulk = applyBulkSuppressions(reports, options.bulk, cwd, stdinReports);

  const context: FormatContext = {
    lang,
    color: false,
    version: VERSION,
    repoRoot: options.reports.some((r) => r.format === 'sarif' || r.format === 'github' || r.format === 'gitlab') ? repositoryRoot(cwd) : cwd,
  };
  if (state.diffs.length > 0) io.stdout.write(state.diffs.join(''));
  for (const report of options.reports) {
    const colour = report.outputFile === undefined && options.color && !io.env.NO_COLOR && !!io.stdout.isTTY;
    const pieces = formatters[report.format](bulk.reports, { ...context, color: colour });
    if (report.outputFile === undefined) writeInBatches(pieces, (text) => io.stdout.write(text));
    else writeReport(resolve(cwd, report.outputFile), pieces);
  }
  // A rule that threw may have missed findings: say so, and do not let the run pass.
  for (const failure of state.ruleFailures) {
    const reason = failure.error instanceof Error ? failure.error.message : String(failure.error);
    io.stderr.write(`sor-lint: internal error: the rule ${failure.ruleId} failed on ${failure.file}: ${reason.split(/\r?\n/)[0]}\n`);
  }
  for (const note of bulk.notes) io.stderr.write(`sor-lint: ${note[lang]}\n`);
  const unpruned = bulk.unpruned && !options.bulk.passOnUnpruned;
  return { exitCode: state.ruleFailures.length > 0 || state.fileErrors > 0 || unpruned ? 2 : exitCodeOf(bulk.reports, options) };
}

function checkOptions(options: CliOptions): void {
  for (const report of options.reports) {
    if (!(report.format in formatters)) throw new CliError(msg(`ukendt format "${report.format}" (kendte: ${Object.keys(formatters).join(', ')})`, `unknown format "${report.format}" (known: ${Object.keys(formatters).join(', ')})`));
  }
  if (options.fixTypes && !options.fix && !options.fixDryRun) throw new CliError(msg('--fix-type kræver --fix eller --fix-dry-run', '--fix-type needs --fix or --fix-dry-run'));
  if (options.fix && options.fixDryRun) throw new CliError(msg('giv enten --fix eller --fix-dry-run, ikke begge', 'give either --fix or --fix-dry-run, not both'));
  if (options.fixDryRun && options.reports.some((r) => r.outputFile === undefined && r.format !== 'stylish')) {
    throw new CliError(
      msg(
        '--fix-dry-run skriver diffs på standard output: send rapporten til en fil med --output-file STI',
        '--fix-dry-run prints diffs on standard output: send the report there with --output-file PATH',
      ),
    );
  }
  if (options.targets.length === 0) throw new CliError(msg('ingen filer angivet (se --help)', 'no files given (see --help)'));
  if (options.stdinFilename !== undefined && !options.targets.includes('-')) throw new CliError(msg('--stdin-filename navngiver standard input: angiv også - som fil', '--stdin-filename names standard input: give - as a file too'));
  if (options.fix && options.targets.includes('-')) throw new CliError(msg('--fix kan ikke skrive tilbage til standard input: brug --fix-dry-run for at se rettelserne', '--fix cannot write back to standard input: use --fix-dry-run to see the fixes'));
  checkBulkOptions(options.bulk, options.targets, options.fixDryRun);
}

async function lintFile(
  target: FileTarget,
  config: FileConfig,
  options: CliOptions,
  lang: Lang,
  today: string,
  cache: LintCache | undefined,
  state: RunState,
  online: OnlineAddresses,
): Promise<Linted> {
  const path = target.absolutePath;
  const fileLang = options.lang ?? config.lang ?? lang;
  const lintText = lintAndVerify(config, online, { fileName: path, lang: fileLang, today, inlineConfig: options.inlineConfig });
  const file = { name: path, displayPath: target.displayPath, absolutePath: path, lang: fileLang, fromStdin: false };
  const configHash = cache && configHashOf(config, options, lang, today, online.describe(config));
  // Clean last time: its findings across files come from the facts the cache kept, unless a partner now conflicts.
  const cached = (facts: FileFacts, content?: string): Linted => ({
    ...file,
    result: undefined,
    facts: () => facts,
    relint: () => lintText(content ?? readText(path, target.displayPath)),
    remember: (clean) => {
      if (!clean) cache?.forget(path);
    },
  });
  if (cache && configHash) {
    const stat = statOrUndefined(path);
    const facts = stat && cache.cleanByStat(path, stat.size, stat.mtimeMs, configHash);
    if (facts) return cached(facts);
  }
  const content = readText(path, target.displayPath);
  if (cache && configHash) {
    const facts = cache.cleanByContent(path, content, configHash);
    if (facts) {
      cache.recordClean(path, content, configHash, facts);
      return cached(facts, content);
    }
  }
  let result: LintResult;
  let written = content;
  if (options.fix || options.fixDryRun) {
    const first = await lintText(content);
    const outcome = await fixUntilStableAsync(first, lintText, fixSelection(options));
    result = outcome.result;
    if (outcome.changed) {
      // Later passes lint the BOM-free text: the first lint knows whether the file had one.
      const fixed = (first.bom ? '\uFEFF' : '') + result.text;
      if (options.fix) {
        writeFixed(path, target.displayPath, fixed);
        written = fixed;
      } else state.diffs.push(fixDiff(content, result.text, target.displayPath));
    }
  } else result = await lintText(content);
  const linted = result;
  let facts: FileFacts | undefined;
  const factsOfFile = () => (facts ??= factsOf(linted, today));
  return {
    ...file,
    result,
    facts: factsOfFile,
    remember: (clean) => {
      if (!cache || !configHash) return;
      if (clean && !options.fixDryRun) cache.recordClean(path, written, configHash, factsOfFile());
      else cache.forget(path);
    },
  };
}

async function lintStdin(options: CliOptions, io: CliIo, lang: Lang, today: string, state: RunState, online: OnlineAddresses): Promise<Linted> {
  const name = options.stdinFilename;
  const absolute = name === undefined ? undefined : resolve(io.cwd, name);
  const config = await commandLineConfig(absolute ?? resolve(io.cwd, 'stdin'), options, io.cwd);
  const content = await io.readStdin();
  const fileLang = options.lang ?? config.lang ?? lang;
  const lintText = lintAndVerify(config, online, { fileName: name, lang: fileLang, today, inlineConfig: options.inlineConfig });
  const displayPath = name ?? '<stdin>';
  let result = await lintText(content);
  if (options.fixDryRun) {
    const outcome = await fixUntilStableAsync(result, lintText, fixSelection(options));
    if (outcome.changed) state.diffs.push(fixDiff(content, outcome.result.text, displayPath));
    result = outcome.result;
  }
  const linted = result;
  return { name: absolute ?? displayPath, displayPath, absolutePath: absolute, lang: fileLang, result, facts: () => factsOf(linted, today), fromStdin: true };
}

/**
 * The run's files are one workspace: each file's report holds its findings across files too (a
 * SOR code that a unit of another file shares; no `no-careunit` for a provider whose care unit
 * another file gives). A file the cache vouched for is linted after all when a partner conflicts.
 */
async function workspaceReports(
  linted: readonly Linted[],
  options: CliOptions,
  lang: Lang,
  state: RunState,
  fileError: (text: Msg) => void,
): Promise<{ reports: FileReport[]; stdinReports: Set<FileReport> }> {
  const workspace = new WorkspaceIndex();
  // Standard input named as a file the run also reads is left out: one name, one file.
  const indexed = new Set<Linted>();
  // A file alone has no partner: its findings are its lint's, and its facts are not worth making.
  for (const file of linted.length > 1 ? linted : []) {
    if (workspace.has(file.name)) continue;
    workspace.set(file.name, file.displayPath, file.facts());
    indexed.add(file);
  }
  const reports: FileReport[] = [];
  const stdinReports = new Set<FileReport>();
  for (const file of linted) {
    let result = file.result;
    if (!result && file.relint && workspace.hasFindingsAcross(file.name)) {
      try {
        result = await file.relint();
      } catch (error) {
        if (!(error instanceof FileError)) throw error;
        fileError(error.text);
        continue;
      }
    }
    const findings = result && (indexed.has(file) ? workspace.findingsOf(file.name, result, file.lang) : result.findings);
    const report = result ? fileReport(file, result, findings!, options, lang, state) : emptyReport(file);
    file.remember?.(report.findings.length === 0 && (result?.findings.length ?? 0) === 0);
    reports.push(report);
    if (file.fromStdin) stdinReports.add(report);
  }
  return { reports, stdinReports };
}

/**
 * A file's lint with its configuration and, with --online, the register's verdicts in place of the
 * offline ones, so --fix applies the register's safe fixes (the darId of an exact match) too.
 */
function lintAndVerify(config: FileConfig, online: OnlineAddresses, options: { fileName: string | undefined; lang: Lang; today: string; inlineConfig: boolean }) {
  return (text: string): Promise<LintResult> => online.verify(lintWithConfig(text, config, options), config, { lang: options.lang, today: options.today });
}

/** Safe fixes only, unless --fix-type asks for suggestions (the user chose them). */
function fixSelection(options: CliOptions): FixSelection {
  return options.fixTypes ? { types: options.fixTypes } : SAFE_FIXES;
}

/** --fix-dry-run's diff of a file's content (BOM or not) and its fixed text (without). */
function fixDiff(content: string, fixed: string, displayPath: string): string {
  return unifiedDiff(content.replace(/^\uFEFF/, ''), fixed, `a/${displayPath}`, `b/${displayPath}`);
}

/** `findings`: the file's in the workspace (its lint's and those across files); unused directives are known after them. */
function fileReport(file: Linted, result: LintResult, findings: readonly Finding[], options: CliOptions, lang: Lang, state: RunState): FileReport {
  const { displayPath, absolutePath } = file;
  state.ruleFailures.push(...result.failures.map((failure) => ({ file: displayPath, ...failure })));
  // The one the file's facts used, if they were made and no other file was linted since.
  const lines = lineIndexOf(result.text);
  const extra = options.reportUnusedDisableDirectives ? unusedDirectiveFindings(result, options.lang ?? lang) : [];
  const shown = [...findingsToOffer({ text: result.text, findings }), ...extra]
    .filter((finding) => !options.quiet || finding.severity === 'error')
    .sort((a, b) => a.span.start - b.span.start || compareRuleIds(a.ruleId, b.ruleId))
    .map((finding) => reportedFinding(lines, finding));
  return { filePath: displayPath, absolutePath, text: result.text, lines, documents: result.documents, findings: shown };
}

function emptyReport(file: Linted): FileReport {
  return { filePath: file.displayPath, absolutePath: file.absolutePath, text: '', lines: new LineIndex(''), documents: [], findings: [] };
}

/** A file's size and mtime for the cache; a loop or a missing file is left to the read to report. */
function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Bytes that are not UTF-8 become U+FFFD, as in the editor: the `encoding` rule reports them. */
function readText(path: string, displayPath: string): string {
  try {
    return readRegularFile(path).toString('utf8');
  } catch (error) {
    if (error instanceof FileReadError) throw new FileError(error.describe(displayPath));
    throw error;
  }
}

function writeFixed(path: string, displayPath: string, content: string): void {
  try {
    writeBack(path, content);
  } catch (error) {
    throw new FileError(msg(`kan ikke skrive rettelserne til ${displayPath} (${codeOf(error)})`, `cannot write the fixes to ${displayPath} (${codeOf(error)})`));
  }
}

function writeReport(path: string, pieces: Iterable<string>): void {
  let fd: number | undefined;
  try {
    mkdirSync(dirname(path), { recursive: true });
    fd = openSync(path, 'w');
    const file = fd;
    writeInBatches(pieces, (text) => writeSync(file, text));
  } catch (error) {
    throw new CliError(msg(`kan ikke skrive rapporten til ${path} (${codeOf(error)})`, `cannot write the report to ${path} (${codeOf(error)})`));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * A report's pieces joined into writes of about a megabyte: few system calls, no giant string.
 * Gathered in a list and joined once: a string grown by `+=` is a chain the garbage collector
 * copies, piece by piece, whenever it runs while a batch is being made.
 */
function writeInBatches(pieces: Iterable<string>, write: (text: string) => unknown): void {
  let batch: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    batch.push(piece);
    length += piece.length;
    if (length >= 1 << 20) {
      write(batch.join(''));
      batch = [];
      length = 0;
    }
  }
  if (length > 0) write(batch.join(''));
}

/** Everything besides the file's content that decides what a lint of it reports. */
function configHashOf(config: FileConfig, options: CliOptions, lang: Lang, today: string, onlineService: string): string {
  const postcodes = config.settings.postcodes?.source;
  let postcodesMtime: number | undefined;
  try {
    postcodesMtime = postcodes ? statSync(postcodes).mtimeMs : undefined;
  } catch {
    postcodesMtime = undefined;
  }
  return hashOf(
    JSON.stringify({
      rules: config.rules,
      sorIdOverrides: config.sorIdOverrides,
      defaultNonCareUnitType: config.settings.defaultNonCareUnitType,
      postcodes,
      postcodesMtime,
      lang: options.lang ?? config.lang ?? lang,
      reportUnused: options.reportUnusedDisableDirectives,
      inlineConfig: options.inlineConfig,
      // Units close on their toDate, so what a file reports can change from one day to the next.
      today,
      onlineService,
    }),
  );
}

function exitCodeOf(reports: FileReport[], options: CliOptions): number {
  const all = reports.flatMap((report) => report.findings);
  const errors = all.filter((f) => f.finding.severity === 'error').length;
  const warnings = options.quiet ? 0 : all.filter((f) => f.finding.severity === 'warning').length;
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) return 1;
  return 0;
}
