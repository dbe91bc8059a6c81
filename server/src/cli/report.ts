// What every formatter receives: per file, the findings with their 1-based positions worked out
// once (columns in UTF-16 code units, as LSP and CLI.md count them).
import type { Span } from '../core/ast.js';
import type { Finding, Related } from '../core/finding.js';
import type { Lang } from '../core/i18n.js';
import { LineIndex } from '../core/lines.js';
import type { SorDocument } from '../core/model.js';

export interface Range1 {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface ReportedFinding extends Range1 {
  finding: Finding;
  /** --fix would apply a fix for it (it has a safe one). */
  fixable: boolean;
}

export interface FileReport {
  /** As the user sees it: relative to the working folder, `/`-separated; stdin's given name. */
  filePath: string;
  /** Undefined for standard input without --stdin-filename. */
  absolutePath: string | undefined;
  /** The text the findings' offsets refer to (BOM removed). */
  text: string;
  lines: LineIndex;
  documents: SorDocument[];
  findings: ReportedFinding[];
}

export interface FormatContext {
  lang: Lang;
  color: boolean;
  version: string;
  /** The git top-level (else the working folder): SARIF and GitHub paths are relative to it. */
  repoRoot: string;
}

/**
 * A report format: all files in, the report's text out in pieces, written as they come, so a big
 * report never exists as one string (json, sarif and stylish make a piece per finding).
 */
export type Formatter = (files: readonly FileReport[], context: FormatContext) => Generator<string, void> | readonly string[];

export function range1(lines: LineIndex, span: Span): Range1 {
  const start = lines.positionAt(span.start);
  const end = lines.positionAt(span.end);
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

export function reportedFinding(lines: LineIndex, finding: Finding): ReportedFinding {
  const { line, column, endLine, endColumn } = range1(lines, finding.span);
  // Written out, not spread: one object of six fields for each of a national file's findings.
  return { line, column, endLine, endColumn, finding, fixable: finding.fixes.some((fix) => fix.safe) };
}

/** A related location's place: in this file from its offsets, in another from the lines and columns the workspace kept. */
export function relatedRange(lines: LineIndex, related: Related): Range1 {
  if (!related.file) return range1(lines, related.span);
  const { start, end } = related.file;
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

/** The run's files by the name the workspace gave them (core/workspace.ts), where a related location in another file points. */
export function filesByName(files: readonly FileReport[]): Map<string, FileReport> {
  return new Map(files.map((file) => [file.absolutePath ?? file.filePath, file]));
}
