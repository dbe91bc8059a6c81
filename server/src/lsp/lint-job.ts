// One lint of one document version, as plain data in and out, so it can run in the lint worker
// (and inline when no worker can start). Configuration is read where the lint runs, the
// diagnostics are made there, and the syntax trees stay there (kept-lints.ts).
import { performance } from 'node:perf_hooks';
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AddressesConfig } from '../config/index.js';
import { lintWithConfig } from '../config/index.js';
import type { Lang, Msg } from '../core/i18n.js';
import type { LintResult } from '../core/lint.js';
import type { Language } from '../core/parse.js';
import type { LintSetup, SetupContext } from './file-config.js';
import { fsPathOf, lintSetupFor } from './file-config.js';
import type { Settings } from './settings.js';
import { documentDiagnostic, toDiagnostics } from './diagnostics.js';
import { texts } from './texts.js';

export interface LintJob {
  uri: string;
  version: number;
  text: string;
  language: Language;
  settings: Settings;
  context: Omit<SetupContext, 'logError'>;
  today: string | undefined;
}

/** A lint result without the syntax trees (which stay where they were built). */
export type LintFindings = Omit<LintResult, 'documents' | 'failures'> & { failures: { ruleId: string; detail: string }[] };

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
}

/** A lint as the worker keeps it: the job, the full result with its trees, and how it was set up. */
export interface KeptLint {
  job: LintJob;
  result: LintResult;
  setup: LintSetup;
  /** The job's text (BOM and all) as the editor has it, for editor positions. */
  document: TextDocument;
}

export interface LintRun {
  computation: LintComputation;
  /** Undefined when the document was ignored or the core failed. */
  kept: KeptLint | undefined;
}

/** `isStale`: true once a newer version came, so the diagnostics nobody will see are not built. */
export async function computeLint(job: LintJob, isStale = () => false): Promise<LintRun> {
  const logs: string[] = [];
  const setup = await lintSetupFor(job.uri, job.settings, { ...job.context, logError: (message) => logs.push(message) });
  const { config } = setup;
  const base = { lang: setup.lang, ignored: config.ignored, configError: setup.configError?.text, logs, addresses: config.addresses, configFiles: config.configFiles };
  if (setup.config.ignored) return { computation: { ...base, failures: [], crash: undefined, elapsed: 0, diagnostics: '[]', diagnosticCount: 0 }, kept: undefined };
  const document = TextDocument.create(job.uri, job.language, job.version, job.text);
  const started = performance.now();
  let full: LintResult | undefined;
  let crash: string | undefined;
  try {
    full = lintWith(job, setup)(job.text);
  } catch (error) {
    logs.push(`lint of ${job.uri} failed: ${errorDetail(error)}`);
    crash = error instanceof Error ? error.message : String(error);
  }
  const elapsed = performance.now() - started;
  const failures = full?.failures.map((f) => ({ ruleId: f.ruleId, detail: errorDetail(f.error) }));
  const kept = full && { job, result: full, setup, document };
  if (isStale()) return { computation: { ...base, failures, crash, elapsed, diagnostics: '[]', diagnosticCount: 0 }, kept };
  const diagnostics = diagnosticsOf(document, { lang: setup.lang, configError: base.configError, crash }, full);
  const computation: LintComputation = { ...base, failures, crash, elapsed, diagnostics: JSON.stringify(diagnostics), diagnosticCount: diagnostics.length };
  return { computation, kept };
}

/** A lint result without its trees, as plain data. */
export function withoutTrees(result: LintResult): LintFindings {
  const { documents: _trees, failures, ...rest } = result;
  return { ...rest, failures: failures.map((f) => ({ ruleId: f.ruleId, detail: errorDetail(f.error) })) };
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
  const fileName = fsPathOf(job.uri) ?? job.uri;
  return (text) => lintWithConfig(text, setup.config, { fileName, language: job.language, lang: setup.lang, today: job.today });
}

function errorDetail(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
