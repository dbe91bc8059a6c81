// Diagnostics, pushed (textDocument/publishDiagnostics) or pulled (textDocument/diagnostic),
// always of the newest version; and linting everything again when the configuration changes.
// A keystroke is linted at once, with no debounce: while a lint runs, the newer versions wait as
// one (the newest), and a stale lint builds no diagnostics (lint-runner.ts), so a burst costs at
// most one lint beyond the last one. A pull the client cancels is answered at once.
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { CancellationToken } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentState, LintOutcome } from '../documents.js';
import { PreviewChangedNotification } from '../protocol.js';
import type { Session } from '../session.js';
import { RequestGuard } from '../requests.js';
import { pullsDiagnostics, refreshDiagnostics } from '../session.js';
import { sameSettings } from '../settings.js';
import { lookUp } from './online.js';

export function registerDiagnostics(session: Session): void {
  const { connection, store, guard } = session;
  store.documents.onDidChangeContent((event) => guard.notification('didChange', () => changed(session, event.document)));
  store.documents.onDidSave((event) => guard.notification('didSave', () => saved(session, event.document)));
  connection.languages.diagnostics.on((params, token) =>
    guard.request('textDocument/diagnostic', { kind: 'full', items: [] } as DocumentDiagnosticReport, token, () => pull(session, params.textDocument.uri, params.previousResultId, token)),
  );
}

/** A closed document's pushed diagnostics are cleared. */
export function clearClosed(session: Session, state: DocumentState): void {
  if (!pullsDiagnostics(session.client) && state.published) void session.connection.sendDiagnostics({ uri: state.uri, diagnostics: [] });
}

/**
 * The configuration changed (`configFiles`: a configuration file on disk): every open document is
 * linted again (or the client asked to pull again); one whose settings stayed the same keeps its lint.
 */
export function revalidateAll(session: Session, { configFiles = false } = {}): void {
  session.linter.configurationChanged({ configFiles });
  // An online lookup stops unless the document keeps its lint (the user may have turned lookups off).
  for (const state of session.store.allStates()) {
    if (configFiles) state.lookup?.abort();
    else
      void session.settings.for(state.uri).then((settings) => {
        if (!sameSettings(settings, state.outcome?.settings)) state.lookup?.abort();
      });
  }
  if (pullsDiagnostics(session.client)) return refreshDiagnostics(session);
  for (const document of session.store.all()) validate(session, document.uri);
}

/** Tells the preview to ask again: a new lint result of the document. */
export function previewChanged(session: Session, uri: string, version: number): void {
  void session.connection.sendNotification(PreviewChangedNotification, { uri, version });
}

function changed(session: Session, document: TextDocument): void {
  const state = session.store.state(document.uri);
  if (!state) return;
  state.lookup?.abort();
  validate(session, document.uri);
}

function saved(session: Session, document: TextDocument): void {
  const state = session.store.state(document.uri);
  if (!state) return;
  state.savedVersion = document.version;
  if (pullsDiagnostics(session.client)) return refreshDiagnostics(session);
  validate(session, document.uri);
}

/** Lints the document's current version now; a client that does not pull gets its diagnostics pushed. */
function validate(session: Session, uri: string): void {
  const state = session.store.state(uri);
  if (state) void session.guard.task('validate', () => validateNow(session, state));
}

async function validateNow(session: Session, state: DocumentState): Promise<void> {
  const { store, connection } = session;
  const document = store.get(state.uri);
  if (!document || !store.isCurrent(state, document.version)) return;
  const { uri, version } = document;
  const settings = await session.settings.for(uri);
  if (settings.run === 'onSave' && state.outcome && state.savedVersion !== version) return;
  const shown = state.published ? state.outcome : undefined;
  const outcome = await session.linter.outcomeFor(document);
  // A pulling client asks for it (and gets the lint under way); only the newest version is ever published, and only once.
  if (pullsDiagnostics(session.client) || outcome === 'superseded' || !store.isCurrent(state, version) || outcome === shown) return;
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

async function pull(session: Session, uri: string, previousResultId: string | undefined, token: CancellationToken): Promise<DocumentDiagnosticReport> {
  const document = session.store.get(uri);
  const state = session.store.state(uri);
  if (!document || !state) return { kind: 'full', items: [] };
  const settings = await session.settings.for(uri);
  const previous = state.outcome;
  // Linting on save: until the next save the editor keeps what it shows.
  if (settings.run === 'onSave' && previous && previousResultId === resultIdOf(previous) && state.savedVersion !== document.version) {
    return { kind: 'unchanged', resultId: previousResultId };
  }
  // Cancelled (the user typed on): answered at once, the lint goes on for the next pull.
  const outcome = await RequestGuard.race(session.linter.outcomeFor(document), token);
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
  return `${outcome.version}:${outcome.revision}`;
}
