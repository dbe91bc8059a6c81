// The one entry point both faces call: text and options in, findings out.
import { bundledPostcodes } from '../address/postcodes.js';
import { allRules } from '../rules/index.js';
import type { Finding, Severity } from './finding.js';
import type { Lang, Msg } from './i18n.js';
import type { SorDocument } from './model.js';
import { buildModel } from './model.js';
import type { Language } from './parse.js';
import { languageOf, parse, stripBom } from './parse.js';
import type { Report, Rule, RuleContext, RuleSettings } from './rule.js';
import type { Directive } from './suppressions.js';
import { applySuppressions, findDirectives } from './suppressions.js';

export type RuleSetting = Severity | 'off';

export interface LintOptions {
  /** Names the file; decides YAML or JSON unless `language` is given. */
  fileName?: string;
  language?: Language;
  lang?: Lang;
  /** YYYY-MM-DD; defaults to today's date. */
  today?: string;
  /** Per-rule severity or 'off', from configuration. */
  rules?: Readonly<Record<string, RuleSetting>>;
  settings?: Partial<RuleSettings>;
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
  /** Rules that threw: the others still reported; the caller logs these. */
  failures: RuleFailure[];
}

export const PARSE_RULE_ID = 'parse';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export function lint(input: string, options: LintOptions = {}): LintResult {
  const { text, bom } = stripBom(input);
  const language = options.language ?? languageOf(options.fileName);
  const lang = options.lang ?? 'en';
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const settings: RuleSettings = { defaultNonCareUnitType: 'afsnit', postcodes: bundledPostcodes, ...options.settings };
  const parsed = parse(text, language);
  const findings: Finding[] = parsed.errors.map((error) => ({
    ruleId: PARSE_RULE_ID,
    severity: 'error',
    message: localise(error.message, lang),
    span: error.span,
    related: [],
    fixes: [],
  }));
  const documents = parsed.documents.map((d) => buildModel(d.root, language, d.complete));
  const failures: RuleFailure[] = [];
  for (const rule of options.ruleSet ?? allRules) {
    const setting = options.rules?.[rule.id];
    if (setting === 'off') continue;
    for (const document of documents) {
      const context: RuleContext = {
        document,
        documents,
        text,
        lang,
        today,
        settings,
        report: (report) => findings.push(toFinding(rule, setting, report, lang)),
      };
      try {
        rule.check(context);
      } catch (error) {
        failures.push({ ruleId: rule.id, error });
      }
    }
  }
  const directives = language === 'yaml' ? findDirectives(text, parsed.documents.map((d) => d.root)) : [];
  const kept = applySuppressions(text, findings, directives);
  kept.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
  return { text, bom, language, documents, findings: withoutRepeats(kept), directives, failures };
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

export function toFinding(rule: Rule, setting: Severity | undefined, report: Report, lang: Lang): Finding {
  return {
    ruleId: rule.id,
    severity: severityOf(rule, setting, report.severity),
    message: localise(report.message, lang),
    span: report.span,
    related: (report.related ?? []).map((r) => ({ span: r.span, message: localise(r.message, lang) })),
    fixes: (report.fixes ?? []).map((f) => ({ title: localise(f.title, lang), safe: f.safe, edits: f.edits })),
  };
}

/** The configured level replaces the default; a secondary finding keeps its distance below it. */
function severityOf(rule: Rule, setting: Severity | undefined, secondary: Severity | undefined): Severity {
  const base = setting ?? rule.defaultSeverity;
  if (!secondary) return base;
  return SEVERITY_RANK[secondary] > SEVERITY_RANK[base] ? secondary : base;
}

export function localise(message: Msg, lang: Lang): string {
  return message[lang];
}
