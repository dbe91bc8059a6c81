// CLI.md's `--format json`: one object per file, in the order given; nothing else on stdout. The
// contract only grows: each finding also carries its action, its rule's documentation link and its
// related locations (with the file each is in: a SOR code shared across files points at the other).
import { docsUrlOf } from '../../rules/index.js';
import type { Formatter } from '../report.js';
import { filesByName, relatedRange } from '../report.js';
import { jsonPieces, streamed } from './json-pieces.js';

export const jsonFormatter: Formatter = function* (files) {
  const byName = filesByName(files);
  const report = files.map((file) => ({
    filePath: file.filePath,
    findings: streamed(file.findings, (f) => ({
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
      related: f.finding.related.map((related) => ({
        message: related.message,
        filePath: related.file ? (byName.get(related.file.name)?.filePath ?? related.file.name) : file.filePath,
        ...relatedRange(file.lines, related),
      })),
    })),
  }));
  yield* jsonPieces(report);
  yield '\n';
};
