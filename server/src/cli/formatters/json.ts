// CLI.md's `--format json`: one object per file, in the order given; nothing else on stdout. The
// contract only grows: each finding also carries its action and its rule's documentation link.
import { docsUrlOf } from '../../rules/index.js';
import type { Formatter } from '../report.js';

export const jsonFormatter: Formatter = (files) =>
  JSON.stringify(
    files.map((file) => ({
      filePath: file.filePath,
      findings: file.findings.map((f) => ({
        ruleId: f.finding.ruleId,
        severity: f.finding.severity,
        message: f.finding.message,
        action: f.finding.action ?? null,
        docsUrl: docsUrlOf(f.finding.ruleId) ?? null,
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
