// The one entry point every face calls: text and options in, findings out. The pipeline: parse →
// model → rules → configuration (severities, overrides by SOR code) → suppressions; the last two
// steps are pipeline.ts's, which findings that arrive later (online verdicts) pass through too.
import { bundledPostcodes } from '../address/postcodes.js';
import { allRules } from '../rules/index.js';
import type { Finding } from './finding.js';
import type { Lang } from './i18n.js';
import type { SorDocument } from './model.js';
import { buildModel } from './model.js';
import type { Language } from './parse.js';
import { languageOf, parse, stripBom } from './parse.js';
import type { FindingConfiguration, PipelineState, RuleSetting, SorIdOverride } from './pipeline.js';
import { byPosition, ruleRuns, settledFinding, suppressed } from './pipeline.js';
import type { Rule, RuleContext, RuleSettings } from './rule.js';
import type { Directive } from './suppressions.js';
import { directivesByDocument, findDirectives } from './suppressions.js';
import { dayOf } from './today.js';

export type { RuleSetting } from './pipeline.js';

export interface LintOptions {
  /** Names the file; decides YAML or JSON unless `language` is given. */
  fileName?: string;
  language?: Language;
  lang?: Lang;
  /** YYYY-MM-DD; defaults to today's date. */
  today?: string;
  /** Per-rule severity or 'off' for the file, from configuration. */
  rules?: Readonly<Record<string, RuleSetting>>;
  /** Per-rule settings for the units with given SOR codes, from configuration. */
  sorIdOverrides?: readonly SorIdOverride[];
  settings?: Partial<RuleSettings>;
  /** False: suppression comments are ignored, every finding is reported (`--no-inline-config`). */
  inlineConfig?: boolean;
  /** The rules to run; all of them unless a caller (a rule's test) narrows it. */
  ruleSet?: readonly Rule[];
}

export interface RuleFailure {
  ruleId: string;
  error: unknown;
}

export interface LintResult {
  /** The text the offsets refer to: the input without its UTF-8 BOM. */
  text: string;
  bom: boolean;
  language: Language;
  documents: SorDocument[];
  findings: Finding[];
  directives: Directive[];
  /** The configuration the findings went through; later findings on this result go through it too. */
  configuration: FindingConfiguration;
  /** Rules that threw: the others still reported; the caller logs these. */
  failures: RuleFailure[];
}

export const PARSE_RULE_ID = 'parse';

/** The settings a lint uses where configuration gives none. */
export const DEFAULT_SETTINGS: RuleSettings = { defaultNonCareUnitType: 'afsnit', postcodes: bundledPostcodes };

/** The ids a suppression comment may name. */
const RULE_IDS: readonly string[] = [...allRules.map((rule) => rule.id), PARSE_RULE_ID];

export function lint(input: string, options: LintOptions = {}): LintResult {
  return lintRecorded(input, options).result;
}

/** What a lint settles from its options before it reads the text: the same for a full lint and an incremental one. */
export interface LintSetup {
  text: string;
  bom: boolean;
  language: Language;
  lang: Lang;
  today: string;
  settings: RuleSettings;
  configuration: FindingConfiguration;
  inlineConfig: boolean;
  ruleSet: readonly Rule[];
}

export function lintSetup(input: string, options: LintOptions): LintSetup {
  const { text, bom } = stripBom(input);
  return {
    text,
    bom,
    language: options.language ?? languageOf(options.fileName),
    lang: options.lang ?? 'en',
    today: dayOf(options.today),
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
    configuration: { rules: options.rules ?? {}, sorIdOverrides: options.sorIdOverrides ?? [] },
    inlineConfig: options.inlineConfig !== false,
    ruleSet: options.ruleSet ?? allRules,
  };
}

/** A full lint, and the settled findings of its rules of `institution` scope before suppression (for incremental.ts). */
export function lintRecorded(input: string, options: LintOptions): { result: LintResult; setup: LintSetup; local: Finding[] } {
  const setup = lintSetup(input, options);
  const { text, language, lang } = setup;
  const parsed = parse(text, language);
  // A syntax error is neither configured nor suppressed: nothing after it can be trusted.
  const syntaxErrors: Finding[] = parsed.errors.map((error) => ({
    ruleId: PARSE_RULE_ID,
    severity: 'error',
    message: error.message[lang],
    action: error.action[lang],
    span: error.span,
    related: [],
    fixes: [],
  }));
  const documents = parsed.documents.map((d) => buildModel(d.root, language, d.complete));
  const directives = directivesOf(setup, documents);
  const state: PipelineState = { text, documents, directives, configuration: setup.configuration };
  const settled: Finding[] = [];
  const local: Finding[] = [];
  const failures: RuleFailure[] = [];
  runRules(setup, state, documents, setup.ruleSet, (rule, finding) => {
    settled.push(finding);
    if (rule.scope === 'institution') local.push(finding);
  }, failures);
  return { result: finished(setup, state, syntaxErrors, settled, failures), setup, local };
}

/** The suppression comments of a YAML text (none in JSON, or when inline configuration is off). */
export function directivesOf(setup: LintSetup, documents: readonly SorDocument[]): Directive[] {
  return setup.language === 'yaml' && setup.inlineConfig ? findDirectives(setup.text, documents.map((d) => d.root)) : [];
}

/**
 * Runs the rules over `documents` (the file's, or a view of part of one) and hands each settled
 * finding to `settle`; the findings are configured against `state`, the whole file.
 */
export function runRules(
  setup: LintSetup,
  state: PipelineState,
  documents: readonly SorDocument[],
  rules: readonly Rule[],
  settle: (rule: Rule, finding: Finding) => void,
  failures: RuleFailure[],
): void {
  const { text, lang, today, settings, configuration } = setup;
  const documentDirectives = directivesByDocument(state.directives, documents.map((document) => document.root.start));
  for (const rule of rules) {
    if (!ruleRuns(configuration, rule.id)) continue;
    documents.forEach((document, index) => {
      const context: RuleContext = {
        document,
        documents,
        text,
        lang,
        today,
        settings,
        registry: allRules,
        directives: documentDirectives[index],
        ruleIds: RULE_IDS,
        report: (report) => {
          const finding = settledFinding(state, rule, report, lang);
          if (finding) settle(rule, finding);
        },
      };
      try {
        rule.check(context);
      } catch (error) {
        failures.push({ ruleId: rule.id, error });
      }
    });
  }
}

/** The end of every lint: the suppression comments, the order findings are shown in, no repeats. */
export function finished(setup: LintSetup, state: PipelineState, syntaxErrors: Finding[], settled: Finding[], failures: RuleFailure[]): LintResult {
  const findings = [...syntaxErrors, ...suppressed(state, settled)].sort(byPosition);
  const { text, bom, language, configuration } = setup;
  return { text, bom, language, documents: state.documents as SorDocument[], findings: withoutRepeats(findings), directives: state.directives, configuration, failures };
}

/**
 * A unit read through several aliases is checked wherever it stands, and so is reported as often
 * at the one place it is written: once is enough. `sorted` groups findings of one rule and range.
 */
function withoutRepeats(sorted: Finding[]): Finding[] {
  const result: Finding[] = [];
  let group = 0;
  for (const finding of sorted) {
    const last = result[result.length - 1];
    if (!last || last.span.start !== finding.span.start || last.span.end !== finding.span.end || last.ruleId !== finding.ruleId) group = result.length;
    else if (isRepeat(result, group, finding)) continue;
    result.push(finding);
  }
  return result;
}

function isRepeat(result: Finding[], from: number, finding: Finding): boolean {
  for (let i = from; i < result.length; i++) if (result[i].message === finding.message && result[i].severity === finding.severity) return true;
  return false;
}
