// Command-line options. `--format F --output-file PATH` pairs repeat, so options are read as the
// ordered tokens node:util gives, not as a flat record.
import { parseArgs } from 'node:util';
import type { FixType } from '../core/fix-loop.js';
import { FIX_TYPES } from '../core/fix-loop.js';
import type { Lang } from '../core/i18n.js';
import { msg } from '../core/i18n.js';
import type { RuleSetting } from '../core/lint.js';
import { CliError } from './errors.js';
import { ruleOption, suppressedRuleIds } from './rule-option.js';

export interface ReportTarget {
  format: string;
  /** Standard output when undefined. */
  outputFile: string | undefined;
}

export interface CliOptions {
  targets: string[];
  reports: ReportTarget[];
  fix: boolean;
  fixDryRun: boolean;
  /** --fix-type: which fixes to apply; undefined when not given (safe fixes only). */
  fixTypes: FixType[] | undefined;
  lang: Lang | undefined;
  config: string | undefined;
  maxWarnings: number | undefined;
  quiet: boolean;
  color: boolean;
  reportUnusedDisableDirectives: boolean;
  cache: boolean;
  cacheLocation: string | undefined;
  stdinFilename: string | undefined;
  online: boolean;
  addressEndpoint: string | undefined;
  /** Seconds the run's online lookups may take in all (--online-deadline). */
  onlineDeadline: number | undefined;
  stdio: boolean;
  version: boolean;
  help: boolean;
  debug: boolean;
  /** --print-config FILE: print the configuration in force for FILE instead of linting. */
  printConfig: string | undefined;
  /** --rule 'id: severity', merged over every configuration (the command line wins). */
  rules: Record<string, RuleSetting>;
  /** --ignore-pattern, relative to the working folder, read as ignorePatterns are. */
  ignorePatterns: string[];
  /** False with --no-inline-config: suppression comments are ignored. */
  inlineConfig: boolean;
  bulk: BulkOptions;
}

/** Bulk suppressions (ESLint's names): see bulk-suppressions.ts. */
export interface BulkOptions {
  suppressAll: boolean;
  /** --suppress-rule ID, repeatable. */
  suppressRules: string[];
  location: string | undefined;
  prune: boolean;
  passOnUnpruned: boolean;
}

export const DEFAULT_FORMAT = 'stylish';

const OPTIONS = {
  format: { type: 'string', short: 'f', multiple: true },
  'output-file': { type: 'string', short: 'o', multiple: true },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'fix-type': { type: 'string', multiple: true },
  lang: { type: 'string' },
  config: { type: 'string', short: 'c' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  color: { type: 'boolean' },
  'report-unused-disable-directives': { type: 'boolean' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  'stdin-filename': { type: 'string' },
  online: { type: 'boolean' },
  'address-endpoint': { type: 'string' },
  'online-deadline': { type: 'string' },
  stdio: { type: 'boolean' },
  // The language server's other transports, as LSP clients pass them; handled like --stdio.
  'node-ipc': { type: 'boolean' },
  socket: { type: 'string' },
  clientProcessId: { type: 'string' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
  debug: { type: 'boolean' },
  'print-config': { type: 'string' },
  rule: { type: 'string', multiple: true },
  'ignore-pattern': { type: 'string', multiple: true },
  'no-inline-config': { type: 'boolean' },
  'suppress-all': { type: 'boolean' },
  'suppress-rule': { type: 'string', multiple: true },
  'suppressions-location': { type: 'string' },
  'prune-suppressions': { type: 'boolean' },
  'pass-on-unpruned-suppressions': { type: 'boolean' },
} as const;

export function parseOptions(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    // node:util's own wording is English; the pointer to the help is ours.
    const reason = (error as Error).message.split('\n')[0];
    throw new CliError(msg(`${reason} (se --help)`, `${reason} (see --help)`));
  }
  const { values, positionals, tokens } = parsed;
  const lang = values.lang;
  if (lang !== undefined && lang !== 'da' && lang !== 'en') throw new CliError(msg(`--lang skal være da eller en, ikke "${lang}"`, `--lang must be da or en, not "${lang}"`));
  return {
    targets: positionals,
    reports: reportTargets(tokens),
    fix: values.fix ?? false,
    fixDryRun: values['fix-dry-run'] ?? false,
    fixTypes: fixTypes(values['fix-type']),
    lang,
    config: values.config,
    maxWarnings: maxWarnings(values['max-warnings']),
    quiet: values.quiet ?? false,
    color: !values['no-color'],
    reportUnusedDisableDirectives: values['report-unused-disable-directives'] ?? false,
    cache: values.cache ?? false,
    cacheLocation: values['cache-location'],
    stdinFilename: values['stdin-filename'],
    online: values.online ?? false,
    addressEndpoint: values['address-endpoint'],
    onlineDeadline: seconds('--online-deadline', values['online-deadline']),
    stdio: Boolean(values.stdio || values['node-ipc'] || values.socket),
    version: values.version ?? false,
    help: values.help ?? false,
    debug: values.debug ?? false,
    printConfig: values['print-config'],
    rules: Object.assign({}, ...(values.rule ?? []).map(ruleOption)) as Record<string, RuleSetting>,
    ignorePatterns: values['ignore-pattern'] ?? [],
    inlineConfig: !values['no-inline-config'],
    bulk: {
      suppressAll: values['suppress-all'] ?? false,
      suppressRules: suppressedRuleIds(values['suppress-rule'] ?? []),
      location: values['suppressions-location'],
      prune: values['prune-suppressions'] ?? false,
      passOnUnpruned: values['pass-on-unpruned-suppressions'] ?? false,
    },
  };
}

function maxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new CliError(msg(`--max-warnings skal være et helt tal fra 0 og op, ikke "${value}"`, `--max-warnings must be a whole number of 0 or more, not "${value}"`));
  return Number(value);
}

/** ESLint's form: comma lists, and the option may repeat. */
function fixTypes(values: string[] | undefined): FixType[] | undefined {
  if (values === undefined) return undefined;
  const types = values.flatMap((value) => value.split(','));
  for (const type of types) {
    if (!(FIX_TYPES as readonly string[]).includes(type)) throw new CliError(msg(`--fix-type tager safe eller suggestion, ikke "${type}"`, `--fix-type takes safe or suggestion, not "${type}"`));
  }
  return types as FixType[];
}

function seconds(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || number <= 0) throw new CliError(msg(`${flag} skal være et antal sekunder over 0, ikke "${value}"`, `${flag} must be a number of seconds above 0, not "${value}"`));
  return number;
}

type Token = { kind: string; name?: string; value?: string };

/** Each --output-file belongs to the --format before it (the default format if none came before). */
function reportTargets(tokens: readonly Token[]): ReportTarget[] {
  const reports: ReportTarget[] = [];
  let open: ReportTarget | undefined;
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (token.name === 'format') {
      open = { format: token.value!, outputFile: undefined };
      reports.push(open);
    } else if (token.name === 'output-file') {
      if (!open || open.outputFile !== undefined) {
        open = { format: DEFAULT_FORMAT, outputFile: undefined };
        reports.push(open);
      }
      open.outputFile = token.value!;
    }
  }
  if (reports.length === 0) reports.push({ format: DEFAULT_FORMAT, outputFile: undefined });
  if (reports.filter((report) => report.outputFile === undefined).length > 1) {
    throw new CliError(msg('kun én rapport kan gå til standard output: giv de andre --output-file STI', 'only one report can go to standard output: give the others --output-file PATH'));
  }
  return reports;
}
