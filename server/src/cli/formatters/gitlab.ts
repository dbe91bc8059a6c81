// GitLab code quality (a subset of Code Climate's issue format) for `artifacts:reports:codequality`:
// the merge request shows each finding on its line. Paths are relative to the repository's top
// level; the fingerprint is made as SARIF's is, so a finding keeps it when lines move.
import type { Severity } from '../../core/finding.js';
import type { Formatter } from '../report.js';
import { repoRelativePath } from '../paths.js';
import { fingerprints } from './fingerprint.js';

/** GitLab's words: info, minor, major, critical, blocker. */
const SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info', hint: 'info' };

export const gitlabFormatter: Formatter = (files, context) => [
  JSON.stringify(
    files.flatMap((file) => {
      const path = repoRelativePath(file, context.repoRoot);
      const prints = fingerprints(file, path);
      return file.findings.map((f, i) => ({
        description: f.finding.message,
        check_name: f.finding.ruleId,
        fingerprint: prints[i],
        severity: SEVERITY[f.finding.severity],
        location: { path, lines: { begin: f.line } },
      }));
    }),
    null,
    2,
  ) + '\n',
];
