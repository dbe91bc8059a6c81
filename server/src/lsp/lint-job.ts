// One lint of one document version, as plain data in and out, so it can run in the lint worker
// (and inline when no worker can start). Configuration is read where the lint runs, the
// diagnostics are made there, and the syntax trees stay there (kept-lints.ts).
import { performance } from 'node:perf_hooks';
import type { Diagnostic } from 'vscode-languageserver';
import type { Finding } from '../core/finding.js';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AddressesConfig } from '../config/index.js';
import { lintOptionsFor, lintWithConfig } from '../config/index.js';
import type { PlainFinding } from '../core/finding.js';
import { toPlainFinding } from '../core/finding.js';
import type { Lang, Msg } from '../core/i18n.js';
import { changedRange, relint } from '../core/incremental.js';
import type { LintOptions, LintResult } from '../core/lint.js';
import type { Language } from '../core/parse.js';
import type { LintSetup, SetupContext } from './file-config.js';
import { fsPathOf, lintSetupFor } from './file-config.js';
import type { Settings } from './settings.js';
import { documentDiagnostic, toDiagnostics } from './diagnostics.js';
import { texts } from './texts.js';
import { shownAsDiagnostics } from './verdict-lens.js';

export interface LintJob {
  uri: string;
  version: number;
  text: string;
  language: Language;
  settings: Settings;
  context: Omit<SetupContext, 'logError'>;
  today: string | undefined;
  /** The client shows the verdict lens, which carries the inheritance notes instead of diagnostics. */
  notesInLens: boolean;
}

/** A lint result without the syntax trees (which stay where they were built). */
export type LintFindings = Omit<LintResult, 'documents' | 'failures'> & { failures: { ruleId: string; detail: string }[] };

/** The same as plain data, each fix with its edits computed, to cross from the worker. */
export type PlainLintFindings = Omit<LintFindings, 'findings'> & { findings: PlainFinding[] };

export interface LintComputation {
  lang: Lang;
  ignored: boolean;
  /** ConfigError's message: the file and the key. */
  configError: Msg | undefined;
  /** The rules that threw (the others reported); undefined when the core itself threw (`crash` says why). */
  failures: { ruleId: string; detail: string }[] | undefined;
  crash: string | undefined;
  /** Lint time in ms, configuration reading excluded. */
  elapsed: number;
  logs: string[];
  /** The configuration file's `addresses` (online verification, service, endpoint). */
  addresses: AddressesConfig;
  /** The configuration files that apply, for the output channel. */
  configFiles: string[];
  /** What the editor shows (the findings, a configuration error, a crash) as the JSON text of LSP diagnostics. */
  diagnostics: string;
  diagnosticCount: number;
  /** Other open documents (or closed files) whose findings across files this lint may have changed (lsp/workspace-index.ts). */
  partners?: string[];
}

/** A lint as the worker keeps it: the job, the full result with its trees, and how it was set up. */
export interface KeptLint {
  job: LintJob;
  result: LintResult;
  setup: LintSetup;
  /** The job's text (BOM and all) as the editor has it, for editor positions. */
  document: TextDocument;
  /** Each finding's diagnostic as this lint wrote it, for the next lint to reuse where a relint kept the finding. */
  diagnosticTexts?: Map<Finding, DiagnosticText>;
}

/** One finding's diagnostic as JSON text, split where the document version goes, and the lines it covers. */
interface DiagnosticText {
  before: string;
  after: string;
  firstLine: number;
  lastLine: number;
}

export interface LintRun {
  computation: LintComputation;
  /** Undefined when the document was ignored or the core failed. */
  kept: KeptLint | undefined;
}

export interface LintJobContext {
  /** The document's last lint, which an edit is relinted from (core/incremental.ts); it is used up. */
  previous?: KeptLint;
  /** What the editor shows of the lint (its findings in the workspace); its own findings without it. */
  shownFindings?: (lint: KeptLint) => Finding[];
  /** True once a newer version came, so the diagnostics nobody will see are not built. */
  isStale?: () => boolean;
}

export async function computeLint(job: LintJob, { previous, shownFindings, isStale = () => false }: LintJobContext = {}): Promise<LintRun> {
  const logs: string[] = [];
  const setup = await lintSetupFor(job.uri, job.settings, { ...job.context, logError: (message) => logs.push(message) });
  const { config } = setup;
  const base = { lang: setup.lang, ignored: config.ignored, configError: setup.configError?.text, logs, addresses: config.addresses, configFiles: config.configFiles };
  if (setup.config.ignored) return { computation: { ...base, failures: [], crash: undefined, elapsed: 0, diagnostics: '[]', diagnosticCount: 0 }, kept: undefined };
  const edit = previous && editSince(previous, job);
  const document = edit ? edit.document : TextDocument.create(job.uri, job.language, job.version, job.text);
  const started = performance.now();
  let full: LintResult | undefined;
  let crash: string | undefined;
  try {
    full = relintFrom(previous, job, setup, logs);
  } catch (error) {
    logs.push(`lint of ${job.uri} failed: ${errorDetail(error)}`);
    crash = error instanceof Error ? error.message : String(error);
  }
  const elapsed = performance.now() - started;
  const failures = full?.failures.map((f) => ({ ruleId: f.ruleId, detail: errorDetail(f.error) }));
  const kept: KeptLint | undefined = full && { job, result: full, setup, document, diagnosticTexts: undefined };
  const shown = { lang: setup.lang, configError: base.configError, crash };
  const inWorkspace = kept && shownFindings ? shownFindings(kept) : full?.findings;
  const shownResult = full && inWorkspace && { ...full, findings: shownAsDiagnostics(inWorkspace, job.notesInLens) };
  if (isStale()) return { computation: { ...base, failures, crash, elapsed, diagnostics: '[]', diagnosticCount: 0 }, kept };
  const { json, count, texts: diagnosticTexts } = shownResult ? diagnosticsText(document, shown, shownResult, previous, edit) : plainDiagnosticsText(document, shown, undefined);
  if (kept) kept.diagnosticTexts = diagnosticTexts;
  const computation: LintComputation = { ...base, failures, crash, elapsed, diagnostics: json, diagnosticCount: count };
  return { computation, kept };
}

function plainDiagnosticsText(document: TextDocument, shown: Pick<LintComputation, 'lang' | 'configError' | 'crash'>, result: LintResult | undefined): { json: string; count: number; texts: undefined } {
  const diagnostics = diagnosticsOf(document, shown, result);
  return { json: JSON.stringify(diagnostics), count: diagnostics.length, texts: undefined };
}

/**
 * The diagnostics as JSON text, as diagnosticsOf gives them, reusing the text of each finding the
 * relint kept when its place in lines and columns cannot have changed: the whole of it before the
 * edited lines, or after them when the edit added or removed no line. On a big file, writing every
 * diagnostic again would cost more than the relint.
 */
function diagnosticsText(
  document: TextDocument,
  shown: Pick<LintComputation, 'lang' | 'configError' | 'crash'>,
  result: LintResult,
  previous: KeptLint | undefined,
  edit: EditSince | undefined,
): { json: string; count: number; texts: Map<Finding, DiagnosticText> | undefined } {
  const known = (edit && previous?.diagnosticTexts) || new Map<Finding, DiagnosticText>();
  const fresh = result.findings.filter((finding) => {
    const text = known.get(finding);
    return !text || !edit || !(text.lastLine < edit.firstLine || (edit.lineDelta === 0 && text.firstLine > edit.lastLine));
  });
  const made = new Map<Finding, Diagnostic>();
  toDiagnostics({ ...result, findings: fresh }, document).forEach((diagnostic, i) => made.set(fresh[i], diagnostic));
  const written = new Map<Finding, DiagnosticText>();
  // One array of parts joined once: the text of a big file's diagnostics is megabytes.
  const parts: string[] = ['['];
  let count = 0;
  const add = (...pieces: string[]) => parts.push(count++ === 0 ? '' : ',', ...pieces);
  if (shown.configError) add(JSON.stringify(documentDiagnostic(texts.configError(shown.configError)[shown.lang], 'config')));
  const version = String(document.version);
  for (const finding of result.findings) {
    const diagnostic = made.get(finding);
    const text = diagnostic ? diagnosticText(diagnostic, version, document.uri) : known.get(finding)!;
    if (text) {
      written.set(finding, text);
      add(text.before, version, text.after);
    } else {
      add(JSON.stringify(diagnostic));
    }
  }
  parts.push(']');
  return { json: parts.join(''), count, texts: written };
}

interface EditSince {
  /** The previous lint's document, moved on to the job's text: it keeps its line index, which a big file's costs a scan to build. */
  document: TextDocument;
  /** The lines of the previous text the edit replaced, and how many lines it added. */
  firstLine: number;
  lastLine: number;
  lineDelta: number;
}

/** The edit from the previous lint's text to the job's; undefined when that lint's document has moved on already. */
function editSince(previous: KeptLint, job: LintJob): EditSince | undefined {
  const old = previous.document;
  if (old.version !== previous.job.version || old.uri !== job.uri || old.languageId !== job.language) return undefined;
  const { from, oldTo, newTo } = changedRange(old.getText(), job.text);
  const [start, end, lines] = [old.positionAt(from), old.positionAt(oldTo), old.lineCount];
  TextDocument.update(old, [{ range: { start, end }, text: job.text.slice(from, newTo) }], job.version);
  return { document: old, firstLine: start.line, lastLine: end.line, lineDelta: old.lineCount - lines };
}

const VERSION_KEY = '"data":{"version":';

/** The diagnostic's JSON around its version (undefined should its data not start with the version). */
function diagnosticText(diagnostic: Diagnostic, version: string, uri: string): DiagnosticText | undefined {
  const json = JSON.stringify(diagnostic);
  const at = json.indexOf(`${VERSION_KEY}${version},`);
  if (at < 0) return undefined;
  const versionStart = at + VERSION_KEY.length;
  const lines = [diagnostic.range.start.line, diagnostic.range.end.line];
  for (const related of diagnostic.relatedInformation ?? []) if (related.location.uri === uri) lines.push(related.location.range.start.line, related.location.range.end.line);
  return { before: json.slice(0, versionStart), after: json.slice(versionStart + version.length), firstLine: Math.min(...lines), lastLine: Math.max(...lines) };
}

/** A lint result without its trees, as plain data. */
export function withoutTrees(result: LintResult): PlainLintFindings {
  const { documents: _trees, failures, findings, ...rest } = result;
  return { ...rest, findings: findings.map((finding) => toPlainFinding(finding, result.text)), failures: failures.map((f) => ({ ruleId: f.ruleId, detail: errorDetail(f.error) })) };
}

/** The diagnostics of a lint: a configuration error first, the findings, and a crash of the core last. */
export function diagnosticsOf(document: TextDocument, computation: Pick<LintComputation, 'lang' | 'configError' | 'crash'>, result: Pick<LintResult, 'text' | 'bom' | 'findings'> | undefined): Diagnostic[] {
  const { lang, configError, crash } = computation;
  // Appended one by one: a spread of 150,000 findings would overflow the stack.
  let diagnostics: Diagnostic[] = [];
  if (configError) diagnostics.push(documentDiagnostic(texts.configError(configError)[lang], 'config'));
  if (result) diagnostics = diagnostics.concat(toDiagnostics(result, document));
  // The core itself failed: say so on the document rather than go silent.
  if (crash) diagnostics.push(documentDiagnostic(texts.lintCrashed(crash)[lang], 'internal', DiagnosticSeverity.Error));
  return diagnostics;
}

/** Lints a text of the job's document with its configuration (also for the passes of a fix-all). */
export function lintWith(job: Pick<LintJob, 'uri' | 'language' | 'today'>, setup: LintSetup): (text: string) => LintResult {
  return (text) => lintWithConfig(text, setup.config, jobOptions(job, setup));
}

/**
 * The job's lint, relinted from the document's previous one where the core can (the same options,
 * an edit inside one institution), else in full. Should the relint fail, a full lint has the last word.
 */
function relintFrom(previous: KeptLint | undefined, job: LintJob, setup: LintSetup, logs: string[]): LintResult {
  const options = lintOptionsFor(setup.config, jobOptions(job, setup));
  if (!previous) return relint(undefined, job.text, options);
  try {
    return relint(previous.result, job.text, options);
  } catch (error) {
    logs.push(`incremental lint of ${job.uri} failed, linting it in full: ${errorDetail(error)}`);
    return relint(undefined, job.text, options);
  }
}

function jobOptions(job: Pick<LintJob, 'uri' | 'language' | 'today'>, setup: LintSetup): Omit<LintOptions, 'rules' | 'sorIdOverrides' | 'settings'> {
  return { fileName: fsPathOf(job.uri) ?? job.uri, language: job.language, lang: setup.lang, today: job.today };
}

function errorDetail(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
