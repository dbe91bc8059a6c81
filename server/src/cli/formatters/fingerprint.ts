// A finding's fingerprint for code scanning (SARIF) and GitLab code quality: rule + file + the text
// at fault + the unit's name, so the same finding keeps it when lines move; a count makes twins
// in one file distinct.
import { entityAt } from '../../core/pipeline.js';
import { displayName } from '../../core/model.js';
import { hashOf } from '../cache.js';
import type { FileReport } from '../report.js';

/** One fingerprint per finding of the file, in order; `path` is the file as the report names it. */
export function fingerprints(file: FileReport, path: string): string[] {
  const seen = new Map<string, number>();
  return file.findings.map(({ finding }) => {
    const entity = entityAt(file.documents, finding.span.start);
    const parts = [finding.ruleId, path, file.text.slice(finding.span.start, finding.span.end), entity ? displayName(entity) : ''];
    const fingerprint = hashOf(parts.join('\0')).slice(0, 32);
    const occurrence = seen.get(fingerprint) ?? 0;
    seen.set(fingerprint, occurrence + 1);
    return `${fingerprint}:${occurrence}`;
  });
}
