// For people: findings grouped by file, `line:col  severity  message  rule`, then a summary.
import type { Severity } from '../../core/finding.js';
import { messageWithAction, SEVERITIES } from '../../core/finding.js';
import type { Formatter } from '../report.js';
import { countOf, fixableLine, problemsWord, severityWord } from '../messages.js';

const ANSI = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', underline: '\x1b[4m', red: '\x1b[31m', yellow: '\x1b[33m', blue: '\x1b[34m', gray: '\x1b[90m' };
const SEVERITY_COLOUR: Record<Severity, string> = { error: ANSI.red, warning: ANSI.yellow, info: ANSI.blue, hint: ANSI.gray };

export const stylishFormatter: Formatter = function* (files, context) {
  const paint = (code: string, text: string) => (context.color ? code + text + ANSI.reset : text);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let fixable = 0;
  for (const file of files) {
    if (file.findings.length === 0) continue;
    // The columns' widths first, then one line at a time: a national file's rows, each with its
    // message flattened, would all be alive at once (and a spread over them overflows the stack).
    let whereWidth = 0;
    let severityWidth = 0;
    for (const f of file.findings) {
      counts[f.finding.severity]++;
      if (f.fixable) fixable++;
      whereWidth = Math.max(whereWidth, digits(f.line) + 1 + digits(f.column));
      severityWidth = Math.max(severityWidth, severityWord(f.finding.severity, context.lang).length);
    }
    // The severity column has four values a file: each is padded and painted once.
    const severityColumn = {} as Record<Severity, string>;
    for (const severity of SEVERITIES) severityColumn[severity] = paint(SEVERITY_COLOUR[severity], severityWord(severity, context.lang).padEnd(severityWidth));
    yield paint(ANSI.underline, file.filePath) + '\n';
    for (const f of file.findings) {
      const { severity, ruleId } = f.finding;
      const where = `${f.line}:${f.column}`.padStart(whereWidth);
      const message = oneLine(messageWithAction(f.finding));
      yield `  ${paint(ANSI.dim, where)}  ${severityColumn[severity]}  ${message}  ${paint(ANSI.dim, ruleId)}\n`;
    }
    yield '\n';
  }
  const total = SEVERITIES.reduce((sum, severity) => sum + counts[severity], 0);
  if (total === 0) return;
  const parts = SEVERITIES.filter((s) => counts[s] > 0 || s === 'error' || s === 'warning').map((s) => countOf(counts[s], s, context.lang));
  const summaryColour = counts.error > 0 ? ANSI.red : counts.warning > 0 ? ANSI.yellow : ANSI.blue;
  yield paint(ANSI.bold + summaryColour, `✖ ${problemsWord(total, context.lang)} (${parts.join(', ')})`) + '\n';
  if (fixable > 0) yield fixableLine(fixable, context.lang) + '\n';
};

/** The number of decimal digits of a line or column (the column's width, without making its text). */
function digits(n: number): number {
  let count = 1;
  for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) count++;
  return count;
}

/** A message on one line: the regular expression runs only for the few that hold a line break. */
function oneLine(message: string): string {
  return message.includes('\n') || message.includes('\r') ? message.replace(/\s*[\r\n]+\s*/g, ' ') : message;
}
