// The extension's `sor-lint.rules` setting names every rule, so the settings editor and
// settings.json completion offer the rule ids; generated from the rule modules by `npm run docs`.
import type { Rule } from '../server/src/core/rule.js';

export const RULES_SETTING = 'sor-lint.rules';
const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'];

type Nls = Record<string, string>;

const nlsKey = (rule: Rule) => `config.rules.${rule.id}`;

/** package.json and its two nls files with one property per rule under `sor-lint.rules`. */
export function withRuleSettings(manifest: any, english: Nls, danish: Nls, rules: readonly Rule[]): { manifest: any; english: Nls; danish: Nls } {
  const setting = manifest.contributes.configuration.properties[RULES_SETTING];
  setting.properties = Object.fromEntries(rules.map((rule) => [rule.id, { type: 'string', enum: SEVERITIES, markdownDescription: `%${nlsKey(rule)}%` }]));
  const described = (nls: Nls, lang: 'da' | 'en'): Nls => {
    const kept = Object.fromEntries(Object.entries(nls).filter(([key]) => !key.startsWith('config.rules.')));
    const severity = lang === 'da' ? 'Standard' : 'Default';
    for (const rule of rules) kept[nlsKey(rule)] = `${rule.docs.summary[lang]} ${severity}: \`${rule.defaultSeverity}\`.`;
    return kept;
  };
  return { manifest, english: described(english, 'en'), danish: described(danish, 'da') };
}
