// The lint worker's side: it lints, keeps the last lint of each open document (text, trees,
// findings, configuration) and answers from it what needs a tree: hover, completion, the
// outline, code actions, fix-all, the preview, navigation, folding and selection ranges. The server's main thread parses nothing and
// lints nothing; it only passes these messages on (lint-runner.ts).
import type { CodeAction, CodeActionParams, CompletionItem, DocumentHighlight, DocumentSymbol, FoldingRange, Hover, Location, Position, SelectionRange, WorkspaceEdit } from 'vscode-languageserver';
import type { AddressQuery, AddressVerdict } from '../address/verify/index.js';
import { addressTargets, mergeAddressFindings, verdictFindings } from '../address/verify/index.js';
import type { PlainFinding } from '../core/finding.js';
import { fromPlainFinding } from '../core/finding.js';
import type { Preview } from '../preview/index.js';
import { buildPreview } from '../preview/index.js';
import { codeActions, safeFixAllEdit, workspaceEdit } from './code-actions.js';
import { completionsAt } from './completion.js';
import { PositionMapper } from './diagnostics.js';
import { hoverAt } from './hover.js';
import type { NavigationTarget } from './navigation.js';
import { definitionAt, highlightsAt, referencesAt } from './navigation.js';
import { foldingRanges, selectionRanges } from './structure.js';
import type { KeptLint, LintComputation, LintJob, PlainLintFindings } from './lint-job.js';
import { computeLint, diagnosticsOf, lintWith, withoutTrees } from './lint-job.js';
import { documentSymbols } from './symbols.js';
import { shownAsDiagnostics } from './verdict-lens.js';
import type { WorkspaceWork } from './workspace-index.js';
import { workspace } from './workspace-index.js';

/** A question about one version of a document, answered from its kept lint. */
export type Query =
  | { feature: 'hover'; position: Position }
  | { feature: 'completion'; position: Position }
  | { feature: 'symbols' }
  /** `findings`: the shown findings when online verdicts changed them (their fixes are offered). */
  | { feature: 'codeActions'; params: CodeActionParams; versionedEdits: boolean; findings: PlainFinding[] | undefined }
  | { feature: 'fixAll'; versionedEdits: boolean }
  /** `findings`: the shown findings when online verdicts changed them; else the findings in the workspace. */
  | { feature: 'preview'; findings: PlainFinding[] | undefined }
  /** The care units' visiting addresses to ask the register about, in order. */
  | { feature: 'addressQueries' }
  /** The findings in the workspace with the register's verdicts (one per address query, in order) in place of those they settle. */
  | { feature: 'onlineFindings'; verdicts: AddressVerdict[] }
  | { feature: 'definition'; position: Position }
  | { feature: 'references'; position: Position; includeDeclaration: boolean }
  | { feature: 'highlights'; position: Position }
  /** The diagnostics of the kept lint again, when a partner file changed its findings across files. */
  | { feature: 'diagnostics' }
  | { feature: 'folding' }
  | { feature: 'selection'; positions: Position[] };

export interface Answers {
  hover: Hover | null;
  completion: CompletionItem[];
  symbols: DocumentSymbol[];
  codeActions: CodeAction[];
  fixAll: WorkspaceEdit | null;
  preview: Preview;
  addressQueries: AddressQuery[];
  onlineFindings: PlainLintFindings;
  definition: Location[];
  references: Location[];
  highlights: DocumentHighlight[];
  diagnostics: { json: string; count: number };
  folding: FoldingRange[];
  selection: SelectionRange[];
}

export type ToWorker =
  /** `stale`: set to 1 by the server once a newer version of the document came. */
  | { kind: 'lint'; job: LintJob; stale: Int32Array }
  /** `rebuild`: the lint to redo first when this worker does not hold that version (it was restarted). */
  | { kind: 'query'; uri: string; version: number; query: Query; rebuild: LintJob | undefined }
  | { kind: 'forget'; uri: string }
  | { kind: 'workspace'; work: WorkspaceWork };

/** A query's answer, or `missing` when the version is not held and no rebuild came along. */
export type QueryReply = { answer: unknown } | { missing: true };

const kept = new Map<string, KeptLint>();
/** How often each document was forgotten: a lint it outlived is neither kept nor indexed. */
const forgotten = new Map<string, number>();

export async function lintAndKeep(job: LintJob, isStale?: () => boolean): Promise<LintComputation> {
  let partners: string[] | undefined;
  const forgets = forgotten.get(job.uri);
  // `workspace.maxFiles` 0: the file is checked alone.
  const inWorkspace = job.settings.workspace.maxFiles > 0;
  const { computation, kept: lint } = await computeLint(job, { previous: kept.get(job.uri), isStale, shownFindings: (lint) => {
    if (!inWorkspace || forgotten.get(job.uri) !== forgets) return lint.result.findings;
    partners = workspace.setOpen(lint);
    return workspace.findingsOf(lint);
  } });
  // The document closed while its configuration was read: the index has its file from disk again.
  if (forgotten.get(job.uri) !== forgets) return computation;
  if (lint) kept.set(job.uri, lint);
  else kept.delete(job.uri);
  return { ...computation, partners: partners ?? workspace.dropOpen(job.uri) };
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
  forgotten.set(uri, (forgotten.get(uri) ?? 0) + 1);
  workspace.closeDocument(uri);
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
      return codeActions(query.params, { document, result: query.findings ? { ...result, findings: query.findings.map(fromPlainFinding) } : result, lang, relint: lintWith(lint.job, setup), versionedEdits: query.versionedEdits, notesInLens: lint.job.notesInLens });
    case 'fixAll': {
      const edit = safeFixAllEdit({ document, result, relint: lintWith(lint.job, setup) });
      return edit ? workspaceEdit({ document, versionedEdits: query.versionedEdits }, [edit]) : null;
    }
    case 'preview':
      return buildPreview({ ...result, findings: query.findings?.map(fromPlainFinding) ?? workspace.findingsOf(lint) }, lang, { today: lint.job.today });
    case 'addressQueries':
      return addressTargets(result, lint.job.today).map((target) => target.query);
    case 'onlineFindings': {
      const online = verdictFindings(result, addressTargets(result, lint.job.today), query.verdicts, lang);
      return withoutTrees({ ...result, findings: mergeAddressFindings(workspace.findingsOf(lint), online) });
    }
    case 'diagnostics': {
      const diagnostics = diagnosticsOf(document, { lang, configError: setup.configError?.text, crash: undefined }, { ...result, findings: shownAsDiagnostics(workspace.findingsOf(lint), lint.job.notesInLens) });
      return { json: JSON.stringify(diagnostics), count: diagnostics.length };
    }
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
  return { uri: lint.job.uri, analysis: lint.result, mapper, findings: lint.result.findings, otherFiles: workspace.otherFilesFor(lint.job.uri) };
}
