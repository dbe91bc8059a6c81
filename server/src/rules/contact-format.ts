// PLACEHOLDER: replaced by the rule's real module.
import type { Rule } from '../core/rule.js';
import { msg } from '../core/i18n.js';

export const contactFormat: Rule = {
  id: 'contact-format',
  defaultSeverity: 'error',
  docs: { summary: msg('', ''), rationale: msg('', ''), remedy: msg('', ''), source: '', invalidExample: '', validExample: '' },
  check() {},
};
