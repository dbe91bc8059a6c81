// GitHub Actions workflow commands, one annotation per finding, escaped as GitHub documents.
import type { Severity } from '../../core/finding.js';
import { messageWithAction } from '../../core/finding.js';
import type { Formatter } from '../report.js';
import { repoRelativePath } from '../paths.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const githubFormatter: Formatter = (files, context) => {
  const lines: string[] = [];
  for (const file of files) {
    const path = repoRelativePath(file, context.repoRoot);
    for (const f of file.findings) {
      const properties = [
        `file=${escapeProperty(path)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(f.finding.ruleId)}`,
      ];
      lines.push(`::${COMMAND[f.finding.severity]} ${properties.join(',')}::${escapeData(messageWithAction(f.finding))}`);
    }
  }
  return lines.map((line) => line + '\n');
};
