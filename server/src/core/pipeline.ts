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
    const finding = settledFinding(state, rule, report, lang);
    if (finding) findings.push(finding);
  }
  return suppressed(state, findings);
}

/**
 * One report configured and localised, as soon as it is made (undefined: its rule is off there),
 * so that a big file's reports, in both languages with their fixes, are not all kept to the end.
 */
export function settledFinding(state: PipelineState, rule: Rule, report: Report, lang: Lang): Finding | undefined {
  const setting = settingFor(state, rule.id, report.span.start);
  return setting === 'off' ? undefined : toFinding(rule, setting, report, lang);
}

/** The last step, over all of a file's settled findings: the suppression comments. */
export function suppressed(state: PipelineState, findings: Finding[]): Finding[] {
  return applySuppressions(state.text, findings, state.directives);
}

/** The file's setting for the rule, replaced by the overrides for the SOR code of the unit the report is on. */
function settingFor(state: PipelineState, ruleId: string, offset: number): RuleSetting | undefined {
  const { rules, sorIdOverrides } = state.configuration;
  let setting = rules[ruleId];
  // Most files have no overrides: then a finding costs no list of them.
  if (sorIdOverrides.length === 0) return setting;
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
    action: report.action?.[lang],
    // Spans of their own, not the nodes a rule may report: an incremental lint moves findings and trees apart.
    span: { start: report.span.start, end: report.span.end },
    related: (report.related ?? []).map((r) => ({ span: { start: r.span.start, end: r.span.end }, message: r.message[lang], ...(r.file && { file: r.file }) })),
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
  return a.span.start - b.span.start || a.span.end - b.span.end || compareRuleIds(a.ruleId, b.ruleId);
}

/**
 * Rule ids are lower-case ASCII, where code-unit order is localeCompare's order without the ~5 ms
 * it takes to start the collator in every run.
 */
export function compareRuleIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The entity a finding at `offset` belongs to: the innermost one whose mapping contains it. */
export function entityAt(documents: readonly SorDocument[], offset: number): Entity | undefined {
  const { entities, enclosing } = spanIndex(documents);
  // The last entity starting at or before the offset, then out through the mappings around it.
  let low = 0;
  let high = entities.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (entities[middle].map.start <= offset) low = middle + 1;
    else high = middle;
  }
  for (let index = low - 1; index >= 0; index = enclosing[index]) {
    if (offset < entities[index].map.end) return entities[index];
  }
  return undefined;
}

interface SpanIndex {
  /** By where their mapping starts, an outer one before those inside it. */
  entities: Entity[];
  /** For each, the index of the nearest entity before it whose mapping contains its own; -1 for none. */
  enclosing: number[];
}

const spanIndexes = new WeakMap<readonly SorDocument[], SpanIndex>();

/** Built once per lint result: mappings are nested or apart, so a stack finds each one's container. */
function spanIndex(documents: readonly SorDocument[]): SpanIndex {
  const known = spanIndexes.get(documents);
  if (known) return known;
  const entities = documents.flatMap((document) => document.entities).sort((a, b) => a.map.start - b.map.start || b.map.end - a.map.end);
  const enclosing: number[] = [];
  const open: number[] = [];
  entities.forEach((entity, index) => {
    while (open.length > 0 && entities[open[open.length - 1]].map.end < entity.map.end) open.pop();
    enclosing.push(open.length > 0 ? open[open.length - 1] : -1);
    open.push(index);
  });
  const index = { entities, enclosing };
  spanIndexes.set(documents, index);
  return index;
}
