// RuleTester-style helpers: lint a text with one rule (or all) and describe the findings the way
// a user sees them: rule, severity, 1-based line and column, the exact text under the squiggle.
import * as vitest from 'vitest';
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
  return applyEdits(text, fix.edits(text));
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

/** A finding as a rule test expects it; message, action and severity are checked when given. */
export interface ExpectedFinding {
  line: number;
  column: number;
  text: string;
  message?: string;
  action?: string;
  severity?: Finding['severity'];
}

export interface ValidCase {
  name: string;
  text: string;
  options?: LintOptions;
}

export interface InvalidCase extends ValidCase {
  /** Every finding of the rule, in order. */
  findings: ExpectedFinding[];
  /**
   * The text after applying the fix whose title matches (the first fix when no title is given),
   * and whether it is safe; 'none' when the rule offers no fix.
   */
  fix?: { title?: RegExp; safe: boolean; text: string } | 'none';
}

/**
 * The declarative RuleTester: a rule test fills in a table of texts the rule accepts and texts it
 * reports, and this registers one test each. A fix is applied and the text after it asserted; the
 * fixed text must parse and the finding it fixed be gone. The rule's documentation examples are
 * checked too: the invalid one is reported (where `example` says), the valid one is not.
 */
export function ruleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[]; example?: ExpectedFinding[] }): void {
  vitest.describe(`${rule.id}: valid`, () => {
    vitest.it.each(cases.valid.map((c) => [c.name, c] as const))('%s', (_, c) => {
      vitest.expect(findingsOf(rule, c.text, c.options)).toEqual([]);
    });
    vitest.it('its valid documentation example', () => vitest.expect(exampleFindings(rule).valid).toEqual([]));
  });
  vitest.describe(`${rule.id}: invalid`, () => {
    vitest.it.each(cases.invalid.map((c) => [c.name, c] as const))('%s', (_, c) => {
      const seen = findingsOf(rule, c.text, c.options);
      vitest.expect(seen.map((finding, i) => pick(finding, c.findings[i]))).toEqual(c.findings);
      if (!c.fix) return;
      const result = lintText(c.text, { ruleSet: [rule], ...c.options });
      const fixes = result.findings.flatMap((finding) => finding.fixes);
      if (c.fix === 'none') {
        vitest.expect(fixes).toEqual([]);
        return;
      }
      const { title, safe, text } = c.fix;
      const fix = title ? fixes.find((f) => title.test(f.title)) : fixes[0];
      vitest.expect(fix, `a fix matching ${title}`).toBeDefined();
      vitest.expect(fix!.safe).toBe(safe);
      const fixed = applyFix(result.text, fix!);
      vitest.expect(fixed).toBe(text);
      // Linted with every rule, as after --fix: it parses, and the rule has one finding fewer.
      const after = ownAndParseFindings(rule.id, fixed, c.options);
      vitest.expect(after.filter((f) => f.ruleId === PARSE_RULE_ID)).toEqual([]);
      vitest.expect(after.length).toBe(seen.length - 1);
    });
    vitest.it('its invalid documentation example', () => {
      const { invalid } = exampleFindings(rule);
      if (cases.example) vitest.expect(invalid.map((finding, i) => pick(finding, cases.example![i]))).toEqual(cases.example);
      else vitest.expect(invalid.length).toBeGreaterThan(0);
    });
  });
}

/** The fields of a seen finding that the expectation names. */
function pick(seen: Seen, expected: ExpectedFinding | undefined): Partial<Seen> {
  const picked: Partial<Seen> = { line: seen.line, column: seen.column, text: seen.text };
  for (const key of ['message', 'action', 'severity'] as const) if (expected && key in expected) picked[key] = seen[key] as never;
  return picked;
}
