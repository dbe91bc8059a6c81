// CLI.md's `--format json`: one object per file, in the order given; nothing else on stdout.
import type { Formatter } from '../report.js';

export const jsonFormatter: Formatter = (files) =>
  JSON.stringify(
    files.map((file) => ({
      filePath: file.filePath,
      findings: file.findings.map((f) => ({
        ruleId: f.finding.ruleId,
        severity: f.finding.severity,
        message: f.finding.message,
        line: f.line,
        column: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
        fixable: f.fixable,
      })),
    })),
    null,
    2,
  ) + '\n';
