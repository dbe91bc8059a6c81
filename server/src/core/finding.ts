import type { Span } from './ast.js';
import type { Position } from './lines.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** Replace text[start, end) with newText. Offsets as in ast.ts. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  /** Safe fixes are right whatever the user intends; --fix and fix-all apply only these. */
  safe: boolean;
  /** Computed on each call (see FixSpec): call it once where the fix is applied or offered. */
  edits: (text: string) => TextEdit[];
}

/** A fix as plain data, its edits computed: what crosses to another thread, which a function cannot. */
export interface PlainFix {
  title: string;
  safe: boolean;
  edits: TextEdit[];
}

export type PlainFinding = Omit<Finding, 'fixes'> & { fixes: PlainFix[] };

/** `text`: the text the finding's spans refer to. */
export function toPlainFinding(finding: Finding, text: string): PlainFinding {
  return { ...finding, fixes: finding.fixes.map((fix) => ({ title: fix.title, safe: fix.safe, edits: fix.edits(text) })) };
}

export function fromPlainFinding(finding: PlainFinding): Finding {
  return { ...finding, fixes: finding.fixes.map((fix) => ({ title: fix.title, safe: fix.safe, edits: () => fix.edits })) };
}

/** A place in another file of the workspace (core/workspace.ts), which this file's text cannot locate. */
export interface RelatedFile {
  /** The file as the face named it to the workspace index: an absolute path (the command), a URI (the server). */
  name: string;
  /** The place there: 0-based lines and UTF-16 columns. */
  start: Position;
  end: Position;
}

export interface Related {
  /** Offsets into the text of the file the place is in: this one, or `file`. */
  span: Span;
  message: string;
  /** Set when the place is in another file. */
  file?: RelatedFile;
}

/** What a face shows on one line: the message, then what to do. */
export function messageWithAction(finding: Pick<Finding, 'message' | 'action'>): string {
  return finding.action ? `${finding.message} ${finding.action}` : finding.message;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** What is wrong, one sentence. */
  message: string;
  /** What to do, one sentence. Every rule's finding has one; a face's own notes may not. */
  action?: string;
  span: Span;
  related: Related[];
  fixes: Fix[];
}
