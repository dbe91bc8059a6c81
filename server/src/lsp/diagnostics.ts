// Findings as LSP diagnostics. Each carries the document version it was computed for, so the quick
// fixes of a stale one are refused; the fixes themselves stay with the lint in the worker, which
// answers code actions, and never travel with the ~1 diagnostic per unit a big file has (a third
// of the message's bytes on the 10,000-unit file).
import type { Diagnostic, Range, TextEdit } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Span } from '../core/ast.js';
import type { TextEdit as CoreTextEdit, Finding, Severity } from '../core/finding.js';
import { messageWithAction } from '../core/finding.js';
import type { LintResult } from '../core/lint.js';
import { docsUrlOf } from '../rules/index.js';
import { editorSeverity } from './verdict-lens.js';

export const SOURCE = 'sor-lint';

export interface DiagnosticData {
  version: number;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * Maps core offsets (into the BOM-stripped text) to positions in the editor's document, which
 * may still hold the BOM some clients send.
 */
export class PositionMapper {
  private readonly shift: number;

  constructor(
    private readonly document: TextDocument,
    bom: boolean,
  ) {
    this.shift = bom && document.getText({ start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }) === '\uFEFF' ? 1 : 0;
  }

  range(span: Span): Range {
    return { start: this.document.positionAt(span.start + this.shift), end: this.document.positionAt(span.end + this.shift) };
  }

  offsetAt(position: Range['start']): number {
    return this.document.offsetAt(position) - this.shift;
  }

  edits(edits: readonly CoreTextEdit[]): TextEdit[] {
    return edits.map((edit) => ({ range: this.range(edit), newText: edit.newText }));
  }
}

export function toDiagnostics(result: Pick<LintResult, 'text' | 'bom' | 'findings'>, document: TextDocument): Diagnostic[] {
  const mapper = new PositionMapper(document, result.bom);
  return result.findings.map((finding) => toDiagnostic(finding, document, mapper));
}

function toDiagnostic(finding: Finding, document: TextDocument, mapper: PositionMapper): Diagnostic {
  const data: DiagnosticData = { version: document.version };
  const diagnostic: Diagnostic = {
    range: mapper.range(finding.span),
    severity: SEVERITY[editorSeverity(finding)],
    code: finding.ruleId,
    source: SOURCE,
    message: messageWithAction(finding),
    data,
  };
  // Only registered rules have a documentation page (a parse error has none).
  const docsUrl = docsUrlOf(finding.ruleId);
  if (docsUrl) diagnostic.codeDescription = { href: docsUrl };
  if (finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((related) => ({
      // In another file of the workspace: the index names it by its URI and kept its place there.
      location: related.file ? { uri: related.file.name, range: { start: related.file.start, end: related.file.end } } : { uri: document.uri, range: mapper.range(related.span) },
      message: related.message,
    }));
  }
  // No tags: `plejehjem` stays a valid type for units that are not care units (a strike-through
  // would say otherwise), and no finding marks text that could simply be deleted (`Unnecessary`).
  return diagnostic;
}

/** One diagnostic at the top of the document, for a problem with the file as a whole. */
export function documentDiagnostic(message: string, code: string, severity: DiagnosticSeverity = DiagnosticSeverity.Error): Diagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity, code, source: SOURCE, message };
}

export function diagnosticData(diagnostic: Diagnostic): DiagnosticData | undefined {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  return data && typeof data.version === 'number' ? (data as DiagnosticData) : undefined;
}

/** The finding a diagnostic of this lint shows: the same rule, message and place. */
export function findingOf(diagnostic: Diagnostic, findings: readonly Finding[], mapper: PositionMapper): Finding | undefined {
  const { start, end } = diagnostic.range;
  return findings.find((finding) => {
    if (finding.ruleId !== diagnostic.code || messageWithAction(finding) !== diagnostic.message) return false;
    const range = mapper.range(finding.span);
    return range.start.line === start.line && range.start.character === start.character && range.end.line === end.line && range.end.character === end.character;
  });
}
