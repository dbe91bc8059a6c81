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
  const { text, bom } = stripBom(input);
  const language = options.language ?? languageOf(options.fileName);
  const lang = options.lang ?? 'en';
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const settings: RuleSettings = { ...DEFAULT_SETTINGS, ...options.settings };
  const configuration: FindingConfiguration = { rules: options.rules ?? {}, sorIdOverrides: options.sorIdOverrides ?? [] };
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
  const directives = language === 'yaml' && options.inlineConfig !== false ? findDirectives(text, parsed.documents.map((d) => d.root)) : [];
  const documentDirectives = directivesByDocument(directives, documents.map((document) => document.root.start));
  const state: PipelineState = { text, documents, directives, configuration };
  const settled: Finding[] = [];
  const failures: RuleFailure[] = [];
  for (const rule of options.ruleSet ?? allRules) {
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
          if (finding) settled.push(finding);
        },
      };
      try {
        rule.check(context);
      } catch (error) {
        failures.push({ ruleId: rule.id, error });
      }
    });
  }
  const findings = [...syntaxErrors, ...suppressed(state, settled)].sort(byPosition);
  return { text, bom, language, documents, findings: withoutRepeats(findings), directives, configuration, failures };
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
