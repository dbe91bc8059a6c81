// One lint of one document version, as plain data in and out, so it can run in the lint worker
// (and inline when no worker can start). Configuration is read where the lint runs.
import { performance } from 'node:perf_hooks';
import type { AddressesConfig } from '../config/index.js';
import { lintWithConfig } from '../config/index.js';
import type { Lang, Msg } from '../core/i18n.js';
import type { LintResult } from '../core/lint.js';
import type { Language } from '../core/parse.js';
import type { LintSetup, SetupContext } from './file-config.js';
import { fsPathOf, lintSetupFor } from './file-config.js';
import type { Settings } from './settings.js';

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
  /** Undefined when the core itself threw (`crash` says why). */
  result: LintFindings | undefined;
  crash: string | undefined;
  /** Lint time in ms, configuration reading excluded. */
  elapsed: number;
  logs: string[];
  /** The configuration file's `addresses` (online verification, service, endpoint). */
  addresses: AddressesConfig;
  configFiles: string[];
}

export async function computeLint(job: LintJob): Promise<LintComputation> {
  const logs: string[] = [];
  const setup = await lintSetupFor(job.uri, job.settings, { ...job.context, logError: (message) => logs.push(message) });
  const { config } = setup;
  const base = { lang: setup.lang, ignored: config.ignored, configError: setup.configError?.text, logs, addresses: config.addresses, configFiles: config.configFiles };
  if (setup.config.ignored) return { ...base, result: undefined, crash: undefined, elapsed: 0 };
  const started = performance.now();
  try {
    const { documents: _trees, failures, ...rest } = lintWith(job, setup)(job.text);
    const result = { ...rest, failures: failures.map((f) => ({ ruleId: f.ruleId, detail: errorDetail(f.error) })) };
    return { ...base, result, crash: undefined, elapsed: performance.now() - started };
  } catch (error) {
    logs.push(`lint of ${job.uri} failed: ${errorDetail(error)}`);
    return { ...base, result: undefined, crash: error instanceof Error ? error.message : String(error), elapsed: performance.now() - started };
  }
}

/** Lints a text of the job's document with its configuration (also for the passes of a fix-all). */
export function lintWith(job: Pick<LintJob, 'uri' | 'language' | 'today'>, setup: LintSetup): (text: string) => LintResult {
  const fileName = fsPathOf(job.uri) ?? job.uri;
  return (text) => lintWithConfig(text, setup.config, { fileName, language: job.language, lang: setup.lang, today: job.today });
}

function errorDetail(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
