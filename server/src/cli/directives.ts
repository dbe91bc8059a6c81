// --report-unused-disable-directives: a suppression comment that silenced nothing is reported
// where it stands, so stale comments cannot later hide a new finding by accident.
import type { Finding } from '../core/finding.js';
import type { Lang } from '../core/i18n.js';
import type { LintResult } from '../core/lint.js';
import { unusedDirectiveWording } from './messages.js';

export const UNUSED_DIRECTIVE_RULE_ID = 'unused-disable-directive';

export function unusedDirectiveFindings(result: LintResult, lang: Lang): Finding[] {
  return result.directives
    .filter((directive) => directive.kind !== 'enable' && !directive.used)
    .map((directive) => ({
      ruleId: UNUSED_DIRECTIVE_RULE_ID,
      severity: 'error',
      ...unusedDirectiveWording(directive.rules, lang),
      span: directive.span,
      related: [],
      fixes: [],
    }));
}
