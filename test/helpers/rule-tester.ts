// RuleTester-style helpers: lint a text with one rule (or all) and describe the findings the way
// a user sees them: rule, severity, 1-based line and column, the exact text under the squiggle.
import type { Finding, Fix } from '../../server/src/core/finding.js';
import type { Lang } from '../../server/src/core/i18n.js';
import { applyEdits } from '../../server/src/core/edits.js';
import { LineIndex } from '../../server/src/core/lines.js';
import type { LintOptions, LintResult } from '../../server/src/core/lint.js';
import { lint } from '../../server/src/core/lint.js';
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
  return result.findings.map((finding) => {
    const position = lines.positionAt(finding.span.start);
    return {
      ruleId: finding.ruleId,
      severity: finding.severity,
      line: position.line + 1,
      column: position.character + 1,
      text: result.text.slice(finding.span.start, finding.span.end),
      message: finding.message,
    };
  });
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
