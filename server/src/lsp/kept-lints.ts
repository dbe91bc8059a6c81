// The lint worker's side: it lints, keeps the last lint of each open document (text, trees,
// findings, configuration) and answers from it what needs a tree: hover, completion, the
// outline, code actions, fix-all, the preview, navigation, folding and selection ranges. The server's main thread parses nothing and
// lints nothing; it only passes these messages on (lint-runner.ts).
import type { CodeAction, CodeActionParams, CompletionItem, DocumentHighlight, DocumentSymbol, FoldingRange, Hover, Location, Position, SelectionRange, WorkspaceEdit } from 'vscode-languageserver';
import type { Finding } from '../core/finding.js';
import type { Preview } from '../preview/index.js';
import { buildPreview } from '../preview/index.js';
import { codeActions, safeFixAllEdit, workspaceEdit } from './code-actions.js';
import { completionsAt } from './completion.js';
import { PositionMapper } from './diagnostics.js';
import { hoverAt } from './hover.js';
import type { NavigationTarget } from './navigation.js';
import { definitionAt, highlightsAt, referencesAt } from './navigation.js';
import { foldingRanges, selectionRanges } from './structure.js';
import type { KeptLint, LintComputation, LintFindings, LintJob } from './lint-job.js';
import { computeLint, lintWith, withoutTrees } from './lint-job.js';
import { documentSymbols } from './symbols.js';

/** A question about one version of a document, answered from its kept lint. */
export type Query =
  | { feature: 'hover'; position: Position }
  | { feature: 'completion'; position: Position }
  | { feature: 'symbols' }
  /** `findings`: the shown findings when online verdicts changed them (their fixes are offered). */
  | { feature: 'codeActions'; params: CodeActionParams; versionedEdits: boolean; findings: Finding[] | undefined }
  | { feature: 'fixAll'; versionedEdits: boolean }
  /** `findings`: the shown findings when online verdicts changed them. */
  | { feature: 'preview'; findings: Finding[] | undefined }
  /** The offline findings, for the online verdicts to replace some of. */
  | { feature: 'findings' }
  | { feature: 'definition'; position: Position }
  | { feature: 'references'; position: Position; includeDeclaration: boolean }
  | { feature: 'highlights'; position: Position }
  | { feature: 'folding' }
  | { feature: 'selection'; positions: Position[] };

export interface Answers {
  hover: Hover | null;
  completion: CompletionItem[];
  symbols: DocumentSymbol[];
  codeActions: CodeAction[];
  fixAll: WorkspaceEdit | null;
  preview: Preview;
  findings: LintFindings;
  definition: Location[];
  references: Location[];
  highlights: DocumentHighlight[];
  folding: FoldingRange[];
  selection: SelectionRange[];
}

export type ToWorker =
  /** `stale`: set to 1 by the server once a newer version of the document came. */
  | { kind: 'lint'; job: LintJob; stale: Int32Array }
  /** `rebuild`: the lint to redo first when this worker does not hold that version (it was restarted). */
  | { kind: 'query'; uri: string; version: number; query: Query; rebuild: LintJob | undefined }
  | { kind: 'forget'; uri: string };

/** A query's answer, or `missing` when the version is not held and no rebuild came along. */
export type QueryReply = { answer: unknown } | { missing: true };

const kept = new Map<string, KeptLint>();

export async function lintAndKeep(job: LintJob, isStale?: () => boolean): Promise<LintComputation> {
  const { computation, kept: lint } = await computeLint(job, isStale);
  if (lint) kept.set(job.uri, lint);
  else kept.delete(job.uri);
  return computation;
}

export async function answer(message: Extract<ToWorker, { kind: 'query' }>): Promise<QueryReply> {
  let lint = kept.get(message.uri);
  if (lint?.job.version !== message.version && message.rebuild?.version === message.version) {
    await lintAndKeep(message.rebuild);
    lint = kept.get(message.uri);
  }
  if (!lint || lint.job.version !== message.version) return { missing: true };
  return { answer: answerFrom(lint, message.query) };
}

export function forget(uri: string): void {
  kept.delete(uri);
}

function answerFrom(lint: KeptLint, query: Query): Answers[keyof Answers] {
  const { result, document, setup } = lint;
  const mapper = new PositionMapper(document, result.bom);
  const lang = setup.lang;
  switch (query.feature) {
    case 'hover':
      return hoverAt(result, mapper.offsetAt(query.position), lang, mapper) ?? null;
    case 'completion':
      return completionsAt(result, mapper.offsetAt(query.position), lang, mapper);
    case 'symbols':
      return documentSymbols(result, lang, mapper);
    case 'codeActions':
      return codeActions(query.params, { document, result: query.findings ? { ...result, findings: query.findings } : result, lang, relint: lintWith(lint.job, setup), versionedEdits: query.versionedEdits });
    case 'fixAll': {
      const edit = safeFixAllEdit({ document, result, relint: lintWith(lint.job, setup) });
      return edit ? workspaceEdit({ document, versionedEdits: query.versionedEdits }, [edit]) : null;
    }
    case 'preview':
      return buildPreview({ ...result, findings: query.findings ?? result.findings }, lang, { today: lint.job.today });
    case 'findings':
      return withoutTrees(result);
    case 'definition':
      return definitionAt(navigationTarget(lint, mapper), mapper.offsetAt(query.position));
    case 'references':
      return referencesAt(navigationTarget(lint, mapper), mapper.offsetAt(query.position), query.includeDeclaration);
    case 'highlights':
      return highlightsAt(navigationTarget(lint, mapper), mapper.offsetAt(query.position));
    case 'folding':
      return foldingRanges(result, mapper);
    case 'selection':
      return selectionRanges(result, mapper, query.positions.map((position) => mapper.offsetAt(position)));
  }
}

function navigationTarget(lint: KeptLint, mapper: PositionMapper): NavigationTarget {
  return { uri: lint.job.uri, analysis: lint.result, mapper, findings: lint.result.findings };
}
