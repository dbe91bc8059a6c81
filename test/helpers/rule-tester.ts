// RuleTester-style helpers: lint a text with one rule (or all) and describe the findings the way
// a user sees them: rule, severity, 1-based line and column, the exact text under the squiggle.
import type { Span } from '../../server/src/core/ast.js';
import type { Finding, Fix } from '../../server/src/core/finding.js';
import type { Lang } from '../../server/src/core/i18n.js';
import { applyEdits } from '../../server/src/core/edits.js';
import { LineIndex } from '../../server/src/core/lines.js';
import type { LintOptions, LintResult } from '../../server/src/core/lint.js';
import { lint, PARSE_RULE_ID } from '../../server/src/core/lint.js';
import type { Rule } from '../../server/src/core/rule.js';

export const TODAY = '2026-11-26';

export interface Seen {
  ruleId: string;
  severity: Finding['severity'];
  line: number;
  column: number;
  /** The text the finding's range covers. */
  text: string;
  message: string;
  action?: string;
}

export function lintText(text: string, options: LintOptions = {}): LintResult {
  return lint(text, { today: TODAY, lang: 'en', ...options });
}

/** Findings of one rule (the others run too unless `only`), described for assertions. */
export function findingsOf(rule: Rule, text: string, options: LintOptions & { only?: boolean; lang?: Lang } = {}): Seen[] {
  const { only = true, ...rest } = options;
  const result = lintText(text, { ...(only ? { ruleSet: [rule] } : {}), ...rest });
  return describe(result).filter((seen) => seen.ruleId === rule.id);
}

export function describe(result: LintResult): Seen[] {
  const lines = new LineIndex(result.text);
  return result.findings.map((finding) => ({
    ruleId: finding.ruleId,
    severity: finding.severity,
    ...locate(result.text, finding.span, lines),
    message: finding.message,
    action: finding.action,
  }));
}

export interface Located {
  line: number;
  column: number;
  text: string;
}

/** A span as a user sees it: 1-based line and column, and the text it covers. */
export function locate(text: string, span: Span, lines = new LineIndex(text)): Located {
  const position = lines.positionAt(span.start);
  return { line: position.line + 1, column: position.character + 1, text: text.slice(span.start, span.end) };
}

/** A finding's related locations as a user sees them. */
export function relatedOf(result: LintResult, finding: Finding): (Located & { message: string })[] {
  const lines = new LineIndex(result.text);
  return finding.related.map((related) => ({ ...locate(result.text, related.span, lines), message: related.message }));
}

/**
 * Lint with every rule (as after a fix) and keep the findings of one rule and of `parse`: others'
 * rules may report what they like, but the fixed text must parse and the fixed finding be gone.
 */
export function ownAndParseFindings(ruleId: string, text: string, options: LintOptions = {}): Seen[] {
  return describe(lintText(text, options)).filter((seen) => seen.ruleId === ruleId || seen.ruleId === PARSE_RULE_ID);
}

/** The text after applying one fix. */
export function applyFix(text: string, fix: Fix): string {
  return applyEdits(text, fix.edits);
}

/** Lint, take the rule's first finding's fix with the given title match, apply it, return the new text. */
export function fixOnce(rule: Rule, text: string, title?: RegExp, options: LintOptions = {}): string {
  const result = lintText(text, { ruleSet: [rule], ...options });
  const finding = result.findings.find((f) => f.ruleId === rule.id && f.fixes.length > 0);
  if (!finding) throw new Error(`no ${rule.id} finding with a fix`);
  const fix = title ? finding.fixes.find((f) => title.test(f.title)) : finding.fixes[0];
  if (!fix) throw new Error(`no fix matching ${title}`);
  return applyFix(result.text, fix);
}

/** Builds a YAML provider file around the given institutions block (already indented by 2). */
export function providerYaml(institutions: string, provider = ''): string {
  return `provider:
  name: Omsorgshuset ApS
  cvr: "29403473"
${provider}institutions:
${institutions}`;
}

/** What the rule reports on its own documentation examples (the invalid one must show it, the valid one not). */
export function exampleFindings(rule: Rule): { invalid: Seen[]; valid: Seen[] } {
  return { invalid: findingsOf(rule, rule.docs.invalidExample), valid: findingsOf(rule, rule.docs.validExample) };
}

/** Like fixOnce, but looks through all of the rule's findings for the fix whose title matches. */
export function fixTitled(rule: Rule, text: string, title: RegExp, options: LintOptions = {}): string {
  const result = lintText(text, { ruleSet: [rule], ...options });
  const fixes = result.findings.filter((f) => f.ruleId === rule.id).flatMap((f) => f.fixes);
  const fix = fixes.find((f) => title.test(f.title));
  if (!fix) throw new Error(`no ${rule.id} fix matching ${title}; titles: ${fixes.map((f) => f.title).join(' | ')}`);
  return applyFix(result.text, fix);
}
