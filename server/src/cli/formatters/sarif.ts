// SARIF 2.1.0 for code-scanning upload: every rule with its documentation link, every finding
// with its region (1-based, UTF-16 columns), related locations, safe fixes, and a fingerprint
// that does not change when lines move.
import { pathToFileURL } from 'node:url';
import type { Span } from '../../core/ast.js';
import type { Severity } from '../../core/finding.js';
import { messageWithAction } from '../../core/finding.js';
import { ruleDocUrl } from '../../core/docs.js';
import type { Lang } from '../../core/i18n.js';
import { PARSE_RULE_ID } from '../../core/lint.js';
import { allRules } from '../../rules/index.js';
import { UNUSED_DIRECTIVE_RULE_ID } from '../directives.js';
import type { Related } from '../../core/finding.js';
import type { FileReport, Formatter, Range1, ReportedFinding } from '../report.js';
import { filesByName, range1, relatedRange } from '../report.js';
import { repoRelativePath } from '../paths.js';
import { fingerprints } from './fingerprint.js';
import { jsonPieces, streamed } from './json-pieces.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/sor-lint/sor-lint';
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

interface RuleDescriptor {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri?: string;
  defaultConfiguration: { level: string };
}

function descriptors(lang: Lang): RuleDescriptor[] {
  const own = allRules.map((rule) => ({
    id: rule.id,
    shortDescription: { text: rule.docs.summary[lang] || rule.id },
    fullDescription: { text: [rule.docs.rationale[lang], rule.docs.remedy[lang]].filter(Boolean).join(' ') || rule.docs.summary[lang] || rule.id },
    helpUri: ruleDocUrl(rule.id),
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
  }));
  const builtIn = (id: string, short: string, full: string): RuleDescriptor => ({
    id,
    shortDescription: { text: short },
    fullDescription: { text: full },
    defaultConfiguration: { level: 'error' },
  });
  return [
    ...own,
    lang === 'da'
      ? builtIn(PARSE_RULE_ID, 'Filen kan ikke læses som YAML eller JSON.', 'En syntaksfejl gør resten af filen ulæselig; ret den først.')
      : builtIn(PARSE_RULE_ID, 'The file cannot be read as YAML or JSON.', 'A syntax error makes the rest of the file unreadable; fix it first.'),
    lang === 'da'
      ? builtIn(UNUSED_DIRECTIVE_RULE_ID, 'En sor-lint-undtagelse skjuler intet fund.', 'Fjern kommentaren, så den ikke senere skjuler et nyt fund ved et uheld.')
      : builtIn(UNUSED_DIRECTIVE_RULE_ID, 'A sor-lint suppression silences no finding.', 'Remove the comment so it cannot hide a new finding by accident later.'),
  ];
}

export const sarifFormatter: Formatter = function* (files, context) {
  const rules = descriptors(context.lang);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const byName = filesByName(files);
  // A related location in another file of the run is in that file's artifact.
  const relatedArtifact = (location: ArtifactLocation, related: Related): ArtifactLocation => {
    if (!related.file) return location;
    const other = byName.get(related.file.name);
    return other ? artifactLocation(other, context.repoRoot) : { uri: pathToFileURL(related.file.name).href };
  };
  function* results() {
    for (const file of files) {
      const location = artifactLocation(file, context.repoRoot);
      const prints = fingerprints(file, location.uri);
      for (let i = 0; i < file.findings.length; i++) yield resultOf(file, file.findings[i], location, ruleIndex, prints[i], (related) => relatedArtifact(location, related));
    }
  }
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'sor-lint', version: context.version, semanticVersion: context.version, informationUri: INFORMATION_URI, rules } },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(context.repoRoot.endsWith('/') ? context.repoRoot : context.repoRoot + '/').href } },
        columnKind: 'utf16CodeUnits',
        results: streamed(results()),
      },
    ],
  };
  yield* jsonPieces(log);
  yield '\n';
};

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

function artifactLocation(file: FileReport, repoRoot: string): ArtifactLocation {
  const path = repoRelativePath(file, repoRoot);
  if (!file.absolutePath) return { uri: encodePath(path) };
  if (path.startsWith('/')) return { uri: pathToFileURL(path).href };
  return { uri: encodePath(path), uriBaseId: SRCROOT };
}

/** A relative URI for a path: every segment percent-encoded (encodeURI would leave `#` and `?`). */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function region(file: FileReport, span: Span) {
  return regionOf(range1(file.lines, span));
}

function regionOf(r: Range1) {
  return { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn };
}

function resultOf(
  file: FileReport,
  f: ReportedFinding,
  location: ArtifactLocation,
  ruleIndex: Map<string, number>,
  fingerprint: string,
  relatedLocation: (related: Related) => ArtifactLocation,
) {
  const { finding } = f;
  const physical = (span: Span) => ({ physicalLocation: { artifactLocation: location, region: region(file, span) } });
  const safeFixes = finding.fixes.filter((fix) => fix.safe);
  return {
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId) ?? -1,
    level: LEVEL[finding.severity],
    message: { text: messageWithAction(finding) },
    locations: [physical(finding.span)],
    ...(finding.related.length > 0 && {
      relatedLocations: finding.related.map((related, id) => ({
        id,
        physicalLocation: { artifactLocation: relatedLocation(related), region: regionOf(relatedRange(file.lines, related)) },
        message: { text: related.message },
      })),
    }),
    partialFingerprints: { 'sorLint/v1': fingerprint },
    ...(safeFixes.length > 0 && {
      fixes: safeFixes.map((fix) => ({
        description: { text: fix.title },
        artifactChanges: [
          {
            artifactLocation: location,
            replacements: fix.edits(file.text).map((edit) => ({ deletedRegion: region(file, edit), insertedContent: { text: edit.newText } })),
          },
        ],
      })),
    }),
  };
}
