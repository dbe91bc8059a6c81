// Rule ids and severities given on the command line: `--rule 'id: severity'` (ESLint's form; a
// comma-separated list in one value works too) and `--suppress-rule ID`. A typo is an error (exit 2),
// never a silently ignored option.
import { SEVERITIES } from '../core/finding.js';
import { msg } from '../core/i18n.js';
import type { RuleSetting } from '../core/lint.js';
import { PARSE_RULE_ID } from '../core/lint.js';
import { allRules, ruleById } from '../rules/index.js';
import { CliError } from './errors.js';

const SETTINGS: readonly string[] = [...SEVERITIES, 'off'];

/** One --rule value as the settings it names. */
export function ruleOption(value: string): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  for (const pair of value.trim().replace(/^\{([\s\S]*)\}$/, '$1').split(',')) {
    // Quotes are allowed, as in ESLint's '{"id": "error"}'.
    const match = /^\s*(["']?)([^\s:"']+)\1\s*:\s*(["']?)([^\s"']+)\3\s*$/.exec(pair);
    if (!match) {
      throw new CliError(
        msg(
          `--rule skal være "regel-id: alvorsgrad", fx "plejehjem-retype: error", ikke "${value}"`,
          `--rule must be "rule-id: severity", e.g. "plejehjem-retype: error", not "${value}"`,
        ),
      );
    }
    const [, , id, , setting] = match;
    knownRuleId('--rule', id);
    if (!SETTINGS.includes(setting)) {
      throw new CliError(
        msg(`--rule ${id}: "${setting}" er ikke en alvorsgrad (brug ${SETTINGS.join(', ')})`, `--rule ${id}: "${setting}" is not a severity (use ${SETTINGS.join(', ')})`),
      );
    }
    rules[id] = setting as RuleSetting;
  }
  return rules;
}

/** The --suppress-rule ids, checked. */
export function suppressedRuleIds(ids: readonly string[]): string[] {
  for (const id of ids) knownRuleId('--suppress-rule', id);
  return [...new Set(ids)];
}

function knownRuleId(flag: string, id: string): void {
  if (ruleById(id)) return;
  if (id === PARSE_RULE_ID) throw new CliError(msg(`${flag}: syntaksfejl (parse) kan ikke slås fra eller ned`, `${flag}: syntax errors (parse) cannot be turned off or down`));
  const known = allRules.map((rule) => rule.id).join(', ');
  throw new CliError(msg(`${flag}: ukendt regel-id "${id}" (kendte: ${known})`, `${flag}: unknown rule id "${id}" (known: ${known})`));
}
