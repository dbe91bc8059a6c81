// JUnit XML for CI dashboards: one test case per file, one failure per finding.
import type { Formatter } from '../report.js';

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

export const junitFormatter: Formatter = (files) => {
  const failures = files.reduce((sum, file) => sum + file.findings.length, 0);
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n';
  out += `<testsuites name="sor-lint" tests="${files.length}" failures="${failures}">\n`;
  out += `  <testsuite name="sor-lint" tests="${files.length}" failures="${failures}" errors="0">\n`;
  for (const file of files) {
    const name = escapeXml(file.filePath);
    if (file.findings.length === 0) {
      out += `    <testcase classname="sor-lint" name="${name}"/>\n`;
      continue;
    }
    out += `    <testcase classname="sor-lint" name="${name}">\n`;
    for (const f of file.findings) {
      const where = `${file.filePath}:${f.line}:${f.column}`;
      out += `      <failure type="${escapeXml(f.finding.ruleId)}" message="${escapeXml(f.finding.message)}">${escapeXml(`${where} ${f.finding.severity} ${f.finding.message} (${f.finding.ruleId})`)}</failure>\n`;
    }
    out += '    </testcase>\n';
  }
  out += '  </testsuite>\n</testsuites>\n';
  return [out];
};
