// Code actions: each finding's fixes as quick-fixes (from the lint the worker holds, no re-lint),
// fix-all per rule, a suppression comment, the rule's documentation, and `source.fixAll.sor-lint`.
import type { CodeAction, CodeActionParams, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocUrl } from '../core/docs.js';
import type { Lang } from '../core/i18n.js';
import { eolOf } from '../core/lines.js';
import type { LintResult } from '../core/lint.js';
import { PARSE_RULE_ID } from '../core/lint.js';
import { ruleById } from '../rules/index.js';
import type { Fix } from '../core/finding.js';
import { diagnosticData, findingOf, PositionMapper, SOURCE } from './diagnostics.js';
import { holdsUndecodedBytes } from '../core/decoding.js';
import { FIX_TYPES, findingsToOffer, selectFixes } from '../core/fix-loop.js';
import { fixAllSafe, minimalEdit } from './fixes.js';
import { texts } from './texts.js';
import { isInheritanceNote } from './verdict-lens.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.sor-lint`;
export const SHOW_DOCUMENTATION_COMMAND = 'sor-lint.showDocumentation';
export const FIX_ALL_COMMAND = 'sor-lint.fixAll';

export interface ActionContext {
  document: TextDocument;
  /** The lint of this very version of the document. */
  result: Pick<LintResult, 'text' | 'bom' | 'language' | 'findings'>;
  lang: Lang;
  /** Lints a changed text as the document is linted, for repeated fix passes. */
  relint: (text: string) => LintResult;
  /** The client takes versioned edits, which it refuses to apply to a changed document. */
  versionedEdits: boolean;
  /** The inheritance notes are not diagnostics (the verdict lens carries them): their fixes are offered where the cursor is. */
  notesInLens: boolean;
}

export function codeActions(params: CodeActionParams, context: ActionContext): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const ours = params.context.diagnostics.filter((d) => d.source === SOURCE && typeof d.code === 'string');
    const rulesDone = new Set<string>();
    const offered = new Map<string, CodeAction>();
    const mapper = new PositionMapper(context.document, context.result.bom);
    const findings = findingsToOffer(context.result);
    for (const diagnostic of ours) {
      // A diagnostic of an older version would edit the wrong text.
      if (diagnosticData(diagnostic)?.version !== context.document.version) continue;
      const finding = findingOf(diagnostic, findings, mapper);
      for (const action of quickFixes(diagnostic, finding?.fixes ?? [], context, mapper)) addOnce(actions, offered, action, diagnostic);
      const ruleId = diagnostic.code as string;
      if (rulesDone.has(ruleId)) continue;
      rulesDone.add(ruleId);
      actions.push(...ruleActions(ruleId, diagnostic, context));
    }
    if (context.notesInLens) {
      const [start, end] = [mapper.offsetAt(params.range.start), mapper.offsetAt(params.range.end)];
      for (const note of findings.filter((finding) => isInheritanceNote(finding) && finding.span.start <= end && start <= finding.span.end)) {
        for (const action of quickFixes(undefined, note.fixes, context, mapper)) addOnce(actions, offered, action, undefined);
      }
    }
  }
  if (wants(FIX_ALL_KIND)) {
    const edit = safeFixAllEdit(context);
    if (edit) actions.push({ title: texts.fixAllSafe[context.lang], kind: FIX_ALL_KIND, edit: workspaceEdit(context, [edit]) });
  }
  return actions;
}

/**
 * A fix offered by several findings (a care unit's "insert all missing contact fields", offered by
 * each missing field) is listed once, for all of them.
 */
function addOnce(actions: CodeAction[], offered: Map<string, CodeAction>, action: CodeAction, diagnostic: Diagnostic | undefined): void {
  const key = JSON.stringify([action.title, action.edit]);
  const same = offered.get(key);
  if (same) {
    if (diagnostic) (same.diagnostics ??= []).push(diagnostic);
    return;
  }
  offered.set(key, action);
  actions.push(action);
}

/** `diagnostic`: undefined for a finding the editor shows no diagnostic of (an inheritance note in the lens). */
function quickFixes(diagnostic: Diagnostic | undefined, fixes: readonly Fix[], context: ActionContext, mapper: PositionMapper): CodeAction[] {
  return fixes.map((fix) => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    ...(diagnostic && { diagnostics: [diagnostic] }),
    isPreferred: fix.safe,
    edit: workspaceEdit(context, mapper.edits(fix.edits(context.result.text))),
  }));
}

/** Once per rule: fix all of its problems, silence it on the line, read its documentation. */
function ruleActions(ruleId: string, diagnostic: Diagnostic, context: ActionContext): CodeAction[] {
  const actions: CodeAction[] = [];
  const { lang, result } = context;
  const chosen = selectFixes(result, { types: FIX_TYPES, ruleId });
  if (chosen.length > 1) {
    const mapper = new PositionMapper(context.document, result.bom);
    actions.push({
      title: texts.fixAllOfRule(ruleId)[lang],
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: workspaceEdit(context, mapper.edits(chosen.flat())),
    });
  }
  // A comment is an edit too: none in a text holding bytes that were not UTF-8.
  if (result.language === 'yaml' && ruleId !== PARSE_RULE_ID && !holdsUndecodedBytes(result.text)) {
    actions.push({
      title: texts.disableForLine(ruleId)[lang],
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: workspaceEdit(context, [disableCommentEdit(context.document, diagnostic.range.start.line, ruleId, lang)]),
    });
  }
  if (ruleById(ruleId)) {
    const title = texts.showDocumentation(ruleId)[lang];
    actions.push({ title, kind: CodeActionKind.QuickFix, command: { title, command: SHOW_DOCUMENTATION_COMMAND, arguments: [ruleDocUrl(ruleId)] } });
  }
  return actions;
}

/** `# sor-lint-disable-next-line <rule> -- <reason>` above the line, at the line's indentation. */
function disableCommentEdit(document: TextDocument, line: number, ruleId: string, lang: Lang): TextEdit {
  const lineText = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(lineText)![0];
  const eol = eolOf(document.getText());
  const start = { line, character: 0 };
  return { range: { start, end: start }, newText: `${indent}# sor-lint-disable-next-line ${ruleId} -- ${texts.disableReasonPlaceholder[lang]}${eol}` };
}

/** Every safe fix, repeated until stable, as one edit over the changed part of the document. */
export function safeFixAllEdit(context: Pick<ActionContext, 'document' | 'result' | 'relint'>): TextEdit | undefined {
  const { result } = context;
  const edit = minimalEdit(result.text, fixAllSafe(result.text, context.relint, result));
  if (!edit) return undefined;
  return new PositionMapper(context.document, result.bom).edits([edit])[0];
}

export function workspaceEdit(context: Pick<ActionContext, 'document' | 'versionedEdits'>, edits: TextEdit[]): WorkspaceEdit {
  const { uri, version } = context.document;
  return context.versionedEdits ? { documentChanges: [{ textDocument: { uri, version }, edits }] } : { changes: { [uri]: edits } };
}
