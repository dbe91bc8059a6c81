// Diagnostics, pushed (textDocument/publishDiagnostics after a debounce) or pulled
// (textDocument/diagnostic), always of the newest version; and linting everything again when
// the configuration changes.
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentState, LintOutcome } from '../documents.js';
import { PreviewChangedNotification } from '../protocol.js';
import type { Session } from '../session.js';
import { pullsDiagnostics, refreshDiagnostics } from '../session.js';
import { lookUp } from './online.js';

/** Even a tiny file waits this long, so a burst of keystrokes still becomes one lint. */
const MIN_DEBOUNCE_MS = 10;

export function registerDiagnostics(session: Session): void {
  const { connection, store, guard } = session;
  store.documents.onDidChangeContent((event) => guard.notification('didChange', () => changed(session, event.document)));
  store.documents.onDidSave((event) => guard.notification('didSave', () => saved(session, event.document)));
  connection.languages.diagnostics.on((params, token) =>
    guard.request('textDocument/diagnostic', { kind: 'full', items: [] } as DocumentDiagnosticReport, token, () => pull(session, params.textDocument.uri, params.previousResultId)),
  );
}

/** A closed document's pushed diagnostics are cleared. */
export function clearClosed(session: Session, state: DocumentState): void {
  if (!pullsDiagnostics(session.client) && state.published) void session.connection.sendDiagnostics({ uri: state.uri, diagnostics: [] });
}

/** The configuration changed: every open document is linted again (or the client asked to pull again). */
export function revalidateAll(session: Session): void {
  session.linter.generation++;
  for (const state of session.store.allStates()) state.lookup?.abort();
  if (pullsDiagnostics(session.client)) return refreshDiagnostics(session);
  for (const document of session.store.all()) schedule(session, document.uri, 0);
}

/** Tells the preview to ask again: a new lint result of the document. */
export function previewChanged(session: Session, uri: string, version: number): void {
  void session.connection.sendNotification(PreviewChangedNotification, { uri, version });
}

function changed(session: Session, document: TextDocument): void {
  const state = session.store.state(document.uri);
  if (!state) return;
  state.lookup?.abort();
  if (pullsDiagnostics(session.client)) return;
  const first = state.outcome === undefined && !state.timer;
  schedule(session, document.uri, first ? 0 : debounceFor(session, state));
}

/**
 * Wait as long as the last lint of the document took, up to the configured debounce: a small
 * file answers the keystroke at once, a big one is not linted again on every key of a burst.
 */
function debounceFor(session: Session, state: DocumentState): number {
  const { debounceMs } = session.client.options;
  const lastLintMs = state.outcome?.status.lintMs ?? debounceMs;
  return Math.min(debounceMs, Math.max(MIN_DEBOUNCE_MS, lastLintMs));
}

function saved(session: Session, document: TextDocument): void {
  const state = session.store.state(document.uri);
  if (!state) return;
  state.savedVersion = document.version;
  if (pullsDiagnostics(session.client)) return refreshDiagnostics(session);
  schedule(session, document.uri, 0);
}

/** A newer keystroke restarts the wait, so only the last version of a burst is linted. */
function schedule(session: Session, uri: string, delay: number): void {
  const state = session.store.state(uri);
  if (!state) return;
  if (state.timer) clearTimeout(state.timer);
  state.timer = setTimeout(() => {
    state.timer = undefined;
    void session.guard.task('validate', () => push(session, state));
  }, delay);
}

async function push(session: Session, state: DocumentState): Promise<void> {
  const { store, connection } = session;
  const document = store.get(state.uri);
  if (!document || !store.isCurrent(state, document.version)) return;
  const { uri, version } = document;
  const settings = await session.settings.for(uri);
  if (settings.run === 'onSave' && state.outcome && state.savedVersion !== version) return;
  const outcome = await session.linter.outcomeFor(document);
  // Only the newest version is ever published.
  if (outcome === 'superseded' || !store.isCurrent(state, version)) return;
  if (outcome === 'skip') {
    if (state.published) await connection.sendDiagnostics({ uri, version, diagnostics: [] });
    state.published = false;
    return;
  }
  state.published = true;
  await publish(session, uri, outcome);
  await lookUp(session, uri, outcome);
}

export async function publish(session: Session, uri: string, outcome: LintOutcome): Promise<void> {
  await session.connection.sendDiagnostics({ uri, version: outcome.version, diagnostics: shown(outcome) });
  previewChanged(session, uri, outcome.version);
}

async function pull(session: Session, uri: string, previousResultId: string | undefined): Promise<DocumentDiagnosticReport> {
  const document = session.store.get(uri);
  const state = session.store.state(uri);
  if (!document || !state) return { kind: 'full', items: [] };
  const settings = await session.settings.for(uri);
  const previous = state.outcome;
  // Linting on save: until the next save the editor keeps what it shows.
  if (settings.run === 'onSave' && previous && previousResultId === resultIdOf(previous) && state.savedVersion !== document.version) {
    return { kind: 'unchanged', resultId: previousResultId };
  }
  const outcome = await session.linter.outcomeFor(document);
  if (outcome === 'superseded') throw new ResponseError(LSPErrorCodes.ServerCancelled, 'superseded by a newer version', { retriggerRequest: true });
  if (outcome === 'skip') return { kind: 'full', items: [] };
  const resultId = resultIdOf(outcome);
  if (previousResultId === resultId) return { kind: 'unchanged', resultId };
  // After the answer is on its way: the preview may follow, and the addresses be looked up.
  setImmediate(() => {
    previewChanged(session, uri, outcome.version);
    void session.guard.task('lookUp', () => lookUp(session, uri, outcome));
  });
  return { kind: 'full', resultId, items: shown(outcome) };
}

/** The diagnostics as the message carries them: the worker's JSON text goes out as it is (raw-json.ts). */
function shown(outcome: LintOutcome): Diagnostic[] {
  return outcome.diagnostics as Diagnostic[];
}

function resultIdOf(outcome: LintOutcome): string {
  return `${outcome.version}:${outcome.generation}:${outcome.revision}`;
}
