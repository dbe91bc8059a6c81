// The tail of the one finding pipeline: what a rule reported, through the configuration (the
// file's severities and `off`, then the overrides by SOR code) and the suppression comments, to
// the findings a face shows. lint() sends its rules' reports through it, and so does whatever
// reports later on the same lint result (the online address verdicts), so a finding is configured
// and suppressed the same way however late it comes.
import type { Finding, Severity } from './finding.js';
import type { Lang } from './i18n.js';
import type { Entity, SorDocument } from './model.js';
import type { Report, Rule } from './rule.js';
import type { Directive } from './suppressions.js';
import { applySuppressions } from './suppressions.js';

export type RuleSetting = Severity | 'off';

/** Rule settings for the findings on the units with these SOR codes. */
export interface SorIdOverride {
  sorIds: readonly string[];
  rules: Readonly<Record<string, RuleSetting>>;
}

/** What the configuration says about findings: per rule for the file, and per SOR code. */
export interface FindingConfiguration {
  rules: Readonly<Record<string, RuleSetting>>;
  /** In merge order: a later override wins over an earlier one for the same rule. */
  sorIdOverrides: readonly SorIdOverride[];
}

export const NO_CONFIGURATION: FindingConfiguration = { rules: {}, sorIdOverrides: [] };

/** A rule's report, not yet configured, localised or suppressed. */
export interface RuleReport {
  rule: Rule;
  report: Report;
}

/** What the tail reads of a lint result. */
export interface PipelineState {
  text: string;
  documents: readonly SorDocument[];
  directives: Directive[];
  configuration: FindingConfiguration;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/**
 * Whether a rule runs at all: not when it is off for the file and no SOR-code override turns it on
 * for some unit (then it runs, and the tail keeps only the findings on those units).
 */
export function ruleRuns(configuration: FindingConfiguration, ruleId: string): boolean {
  if (configuration.rules[ruleId] !== 'off') return true;
  return configuration.sorIdOverrides.some((override) => override.rules[ruleId] !== undefined && override.rules[ruleId] !== 'off');
}

/** Reports → findings: configured (severity, off, by SOR code), localised, then suppressed. */
export function settleReports(state: PipelineState, reports: readonly RuleReport[], lang: Lang): Finding[] {
  const findings: Finding[] = [];
  for (const { rule, report } of reports) {
    const setting = settingFor(state, rule.id, report.span.start);
    if (setting !== 'off') findings.push(toFinding(rule, setting, report, lang));
  }
  return applySuppressions(state.text, findings, state.directives);
}

/** The file's setting for the rule, replaced by the overrides for the SOR code of the unit the report is on. */
function settingFor(state: PipelineState, ruleId: string, offset: number): RuleSetting | undefined {
  const { rules, sorIdOverrides } = state.configuration;
  let setting = rules[ruleId];
  const applicable = sorIdOverrides.filter((override) => ruleId in override.rules);
  if (applicable.length === 0) return setting;
  const sorId = entityAt(state.documents, offset)?.fields.sorId?.text ?? undefined;
  if (sorId === undefined) return setting;
  for (const override of applicable) {
    if (override.sorIds.includes(sorId)) setting = override.rules[ruleId];
  }
  return setting;
}

function toFinding(rule: Rule, setting: Severity | undefined, report: Report, lang: Lang): Finding {
  return {
    ruleId: rule.id,
    severity: severityOf(rule, setting, report.severity),
    message: report.message[lang],
    span: report.span,
    related: (report.related ?? []).map((r) => ({ span: r.span, message: r.message[lang] })),
    fixes: (report.fixes ?? []).map((f) => ({ title: f.title[lang], safe: f.safe, edits: f.edits })),
  };
}

/** The configured level replaces the default; a secondary finding keeps its level when that is lower. */
function severityOf(rule: Rule, setting: Severity | undefined, secondary: Severity | undefined): Severity {
  const base = setting ?? rule.defaultSeverity;
  if (!secondary) return base;
  return SEVERITY_RANK[secondary] > SEVERITY_RANK[base] ? secondary : base;
}

/** The order findings are shown in: by place, then by rule. */
export function byPosition(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId);
}

/** The entity a finding at `offset` belongs to: the innermost one whose mapping contains it. */
export function entityAt(documents: readonly SorDocument[], offset: number): Entity | undefined {
  let best: Entity | undefined;
  for (const entity of documents.flatMap((document) => document.entities)) {
    const { start, end } = entity.map;
    if (offset < start || offset >= end) continue;
    if (!best || end - start < best.map.end - best.map.start) best = entity;
  }
  return best;
}
