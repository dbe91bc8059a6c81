// A date is a real calendar date (issue: `fromDate: 2019-02-30` passed). The schema's pattern
// checks the form YYYY-MM-DD; this checks what a pattern cannot: the day exists in that month.
import { msg } from '../../core/i18n.js';
import { displayName } from '../../core/model.js';
import type { RuleContext } from '../../core/rule.js';

const DATE_FIELDS = ['fromDate', 'toDate'] as const;
const WELL_FORMED = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** True for a well-formed YYYY-MM-DD whose day does not exist (2019-02-30, 2023-02-29). */
export function isImpossibleDate(text: string): boolean {
  const match = WELL_FORMED.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() !== month - 1;
}

/** Reports every impossible date the document's units carry, once each where it is written. */
export function checkDates(context: RuleContext): void {
  const seen = new Set<number>();
  for (const entity of context.document.entities) {
    for (const key of DATE_FIELDS) {
      const field = entity.fields[key];
      const written = field?.pair.value;
      if (!field?.text || !written || !isImpossibleDate(field.text) || seen.has(written.start)) continue;
      seen.add(written.start);
      const unit = displayName(entity);
      context.report({
        span: written,
        message: msg(
          `\`${key}\` for "${unit}" er ${field.text}, som ikke er en dato i kalenderen.`,
          `\`${key}\` for "${unit}" is ${field.text}, which is not a date in the calendar.`,
        ),
        action: msg('Skriv en rigtig dato, ÅÅÅÅ-MM-DD.', 'Write a real date, YYYY-MM-DD.'),
      });
    }
  }
}
