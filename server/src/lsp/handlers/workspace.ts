// The workspace index's wiring (../workspace-index.ts, in the lint worker): the workspace folders'
// SOR files are read once at start, a few at a time behind the editor's own lints, and again when
// the client's file watcher reports a change or a document closes; the open documents whose
// findings across files a change touched get their diagnostics again without a new lint (pushed,
// or a refresh for a pulling client); and closed files' findings across files are answered to
// workspace/diagnostic.
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, FileEvent, WorkspaceDiagnosticReport, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';
import type { LintOutcome } from '../documents.js';
import { RawJson } from '../raw-json.js';
import type { Session } from '../session.js';
import type { ClosedScope } from '../workspace-index.js';
import { pullsDiagnostics, refreshDiagnostics } from '../session.js';
import { texts } from '../texts.js';
import { isSorFileName } from '../../fs/sor-files.js';
import { langFromLocale } from '../../core/i18n.js';
import { refreshCodeLenses } from './code-lens.js';
import { previewChanged, publish } from './diagnostics.js';
import { lookUp } from './online.js';
import { sendStatus } from './status.js';

/** Files offered to one message to the worker, which reads them within its byte budget: a lint waits for at most this many. */
const READ_CHUNK = 8;
/** The result id of a closed file reported without findings: the client clears it, and it is not sent again. */
const NOTHING = 'none';

let indexing = 0;
/** The bounds the workspace was last read with: a settings change that alters them reads it again. */
let readWith = '';

/** Reads the workspace's SOR files into the index again (at start, and when a new lint worker starts empty). */
export function indexWorkspace(session: Session): void {
  void session.guard.task('indexWorkspace', async () => {
    const run = ++indexing;
    const { client, runner } = session;
    const folders = client.workspaceFolders;
    if (folders.length === 0) return;
    const scope = await closedScope(session);
    const { maxFiles, maxMegabytes } = scope.settings.enable ? scope.settings.workspace : { maxFiles: 0, maxMegabytes: 0 };
    readWith = `${maxFiles}:${maxMegabytes}`;
    const found = await runner.workspace({ kind: 'find', folders, bounds: { maxFiles, maxBytes: maxMegabytes * 1024 * 1024 } });
    if (!found || run !== indexing) return;
    const lang = langFromLocale(client.locale);
    if (found.capped) session.connection.console.warn(`sor-lint: ${texts.workspaceCapped(found.paths.length, maxFiles, maxMegabytes)[lang]}`);
    for (let at = 0; at < found.paths.length; ) {
      const read = await runner.workspace({ kind: 'read', paths: found.paths.slice(at, at + READ_CHUNK), scope });
      if (!read || run !== indexing) return;
      at += read.read;
      logAll(session, read.logs);
      partnersChanged(session, read.partners);
    }
    session.connection.console.info(`sor-lint: ${texts.workspaceIndexed(found.paths.length)[lang]}`);
  });
}

/** The settings changed: the workspace is read again if its bounds did. */
export async function settingsChanged(session: Session): Promise<void> {
  const { settings } = await closedScope(session);
  const { maxFiles, maxMegabytes } = settings.enable ? settings.workspace : { maxFiles: 0, maxMegabytes: 0 };
  if (`${maxFiles}:${maxMegabytes}` !== readWith) indexWorkspace(session);
}

export function registerWorkspace(session: Session): void {
  session.runner.onRestart = () => indexWorkspace(session);
  session.connection.languages.diagnostics.onWorkspace((params, token) =>
    session.guard.request('workspace/diagnostic', { items: [] } as WorkspaceDiagnosticReport, token, () => closedFindings(session, params.previousResultIds)),
  );
}

/** Watched SOR files changed on disk, or a document closed (its file on disk stands for it again). */
export async function filesChanged(session: Session, uris: string[]): Promise<void> {
  if (uris.length === 0) return;
  const changed = await session.runner.workspace({ kind: 'changed', uris, scope: await closedScope(session) });
  if (!changed) return;
  logAll(session, changed.logs);
  partnersChanged(session, changed.partners);
}

/** The watched files' events that concern SOR files. */
export function sorFileEvents(changes: readonly FileEvent[]): string[] {
  return changes.filter((change) => isSorFileName(change.uri)).map((change) => change.uri);
}

/** A lint or a file changed other files' findings across files: the open ones show them again. */
export function partnersChanged(session: Session, partners: readonly string[] | undefined): void {
  if (!partners || partners.length === 0) return;
  const pulls = pullsDiagnostics(session.client);
  void Promise.all(partners.map((uri) => session.guard.task('republish', () => republish(session, uri)))).then(() => {
    // A pulling client asks again for the open documents and the workspace.
    if (pulls) refreshDiagnostics(session);
  });
}

/** The document's current lint with its findings across files made again by the worker, shown without linting it again. */
async function republish(session: Session, uri: string): Promise<void> {
  const { store, linter } = session;
  const state = store.state(uri);
  const outcome = state?.outcome;
  // A lint under way will show the new findings itself.
  if (!state || !outcome || !linter.isCurrent(state, outcome)) return;
  const answer = await session.runner.query(uri, outcome.version, { feature: 'diagnostics' });
  if (!answer || !linter.isCurrent(state, outcome)) return;
  const { status } = outcome;
  const again: LintOutcome = {
    ...outcome,
    revision: linter.nextRevision(),
    diagnostics: new RawJson(answer.json),
    diagnosticCount: answer.count,
    status: status.state === 'ok' ? { ...status, message: texts.statusOk(answer.count, status.lintMs)[outcome.lang] } : status,
    // The online verdicts are asked again (from the cache) for the new findings.
    online: undefined,
    lookups: outcome.verifier ? 'checking' : 'off',
    lookupStarted: false,
  };
  state.outcome = again;
  sendStatus(session, uri, again);
  // The verdict lenses and the preview count the findings across files too.
  refreshCodeLenses(session);
  if (pullsDiagnostics(session.client)) return previewChanged(session, uri, again.version);
  if (state.published) await publish(session, uri, again);
  await lookUp(session, uri, again);
}

/** workspace/diagnostic: each closed file's findings across files; a file that had some and has none now is cleared. */
async function closedFindings(session: Session, previous: readonly { uri: string; value: string }[]): Promise<WorkspaceDiagnosticReport> {
  const report = await session.runner.workspace({ kind: 'report', scope: await closedScope(session), generation: session.linter.generation });
  if (!report) return { items: [] };
  logAll(session, report.logs);
  const known = new Map(previous.map((entry) => [entry.uri, entry.value]));
  const items: WorkspaceDocumentDiagnosticReport[] = [];
  const reported = new Set<string>();
  for (const file of report.files) {
    reported.add(file.uri);
    if (session.store.get(file.uri)) continue;
    const resultId = createHash('sha1').update(file.diagnostics).digest('hex');
    if (known.get(file.uri) === resultId) items.push({ kind: 'unchanged', uri: file.uri, version: null, resultId });
    else items.push({ kind: 'full', uri: file.uri, version: null, resultId, items: new RawJson(file.diagnostics) as unknown as Diagnostic[] });
  }
  for (const [uri, resultId] of known) {
    if (reported.has(uri) || session.store.get(uri)) continue;
    items.push(resultId === NOTHING ? { kind: 'unchanged', uri, version: null, resultId } : { kind: 'full', uri, version: null, resultId: NOTHING, items: [] });
  }
  return { items };
}

/** Closed files are read and linted with the first workspace folder's settings. */
async function closedScope(session: Session): Promise<ClosedScope> {
  const { client } = session;
  const folder = client.workspaceFolders[0] ?? client.workspaceFolder;
  const settings = await session.settings.for(folder ? pathToFileURL(folder).href : '');
  return { settings, context: { clientLocale: client.locale, workspaceFolder: client.workspaceFolder }, today: client.options.today };
}

function logAll(session: Session, lines: readonly string[]): void {
  for (const line of lines) session.connection.console.error(`sor-lint: ${line}`);
}
