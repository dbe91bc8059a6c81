// The language server's wiring: it builds the session (documents, settings, the lint worker) and
// hands it to one handler a feature (handlers/*.ts): diagnostics pushed or pulled, code actions,
// hover, completion, the outline, the preview, online verification, status. What needs a syntax
// tree is answered by the lint worker that built it (kept-lints.ts).
import type { Connection, InitializeParams, InitializeResult } from 'vscode-languageserver';
import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, MessageType, ShowMessageNotification, TextDocumentSyncKind } from 'vscode-languageserver';
import { CONFIG_FILE_NAMES } from '../config/index.js';
import { DocumentStore } from './documents.js';
import { fsPathOf } from './file-config.js';
import { CODE_ACTION_KINDS, COMMANDS, registerCodeActions } from './handlers/code-actions.js';
import { registerCompletion } from './handlers/completion.js';
import { clearClosed, registerDiagnostics, revalidateAll } from './handlers/diagnostics.js';
import { registerHover } from './handlers/hover.js';
import { registerOnline } from './handlers/online.js';
import { registerPreview } from './handlers/preview.js';
import { registerNavigation } from './handlers/navigation.js';
import { registerCodeLens } from './handlers/code-lens.js';
import { registerStructure } from './handlers/structure.js';
import { filesChanged, indexWorkspace, registerWorkspace, settingsChanged, sorFileEvents } from './handlers/workspace.js';
import { registerSymbols } from './handlers/symbols.js';
import { LintRunner } from './lint-runner.js';
import { Linter } from './linting.js';
import { AddressLookup } from './online.js';
import { RequestGuard } from './requests.js';
import type { Client, Session } from './session.js';
import { DEFAULT_OPTIONS, pullsDiagnostics, readOptions } from './session.js';
import { watchStalls } from './stall-watch.js';
import { SOR_FILES_GLOB } from './workspace-files.js';
import { WorkspaceSettings } from './workspace-settings.js';
import packageJson from '../../../package.json';

/** `workerScript`: the bundle to start the lint worker from; without it lints run in-process. */
export function startServer(connection: Connection, workerScript?: string): void {
  const log = (message: string) => connection.console.error(message);
  const guard = new RequestGuard(log);
  const client: Client = { capabilities: {}, locale: undefined, workspaceFolder: undefined, workspaceFolders: [], options: DEFAULT_OPTIONS };
  const store = new DocumentStore();
  const runner = new LintRunner(workerScript, (message) => log(`sor-lint: ${message}`), (message) => connection.tracer.log(`sor-lint: ${message}`));
  const settings = new WorkspaceSettings(connection, client, (what, error) => guard.logError(what, error));
  const session = { connection, store, runner, settings, guard, client, addressLookup: newAddressLookup(connection, client) } as Session;
  session.linter = new Linter(session);

  let stopWatching = () => {};
  connection.onInitialize((params) => {
    const result = initialize(session, params);
    runner.prepare();
    stopWatching = watchStalls(client.options.stallReportMs, (ms) => connection.console.warn(`sor-lint: the main thread was busy for ${ms} ms`));
    return result;
  });
  connection.onInitialized(() =>
    guard.notification('initialized', () => {
      registerDynamic(session);
      indexWorkspace(session);
    }),
  );
  connection.onDidChangeConfiguration((params) =>
    guard.notification('didChangeConfiguration', () => {
      settings.changed(params.settings);
      revalidateAll(session);
      void guard.task('didChangeConfiguration', () => settingsChanged(session));
    }),
  );
  connection.onDidChangeWatchedFiles((params) =>
    guard.notification('didChangeWatchedFiles', () => {
      const sorFiles = sorFileEvents(params.changes);
      void guard.task('didChangeWatchedFiles', () => filesChanged(session, sorFiles));
      // Any other file watched is a configuration file.
      if (sorFiles.length === params.changes.length) return;
      settings.forget();
      revalidateAll(session, { configFiles: true });
    }),
  );
  registerDiagnostics(session);
  registerCodeActions(session);
  registerHover(session);
  registerCompletion(session);
  registerSymbols(session);
  registerPreview(session);
  registerOnline(session);
  registerNavigation(session);
  registerCodeLens(session);
  registerStructure(session);
  registerWorkspace(session);
  connection.onShutdown(() => {
    guard.shutdown();
    stopWatching();
    runner.dispose();
  });
  store.listen(connection, (state) => {
    runner.forget(state.uri);
    clearClosed(session, state);
    void guard.task('didClose', () => filesChanged(session, [state.uri]));
  });
  connection.listen();
}

function initialize(session: Session, params: InitializeParams): InitializeResult {
  const { client } = session;
  client.capabilities = params.capabilities;
  client.locale = params.locale;
  const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
  client.workspaceFolder = folder ? fsPathOf(folder) : undefined;
  const folders = params.workspaceFolders?.map((entry) => entry.uri) ?? (folder ? [folder] : []);
  client.workspaceFolders = folders.flatMap((uri) => fsPathOf(uri) ?? []);
  client.options = { ...DEFAULT_OPTIONS, ...readOptions(params.initializationOptions) };
  session.addressLookup = newAddressLookup(session.connection, client);
  const result: InitializeResult = {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
      executeCommandProvider: { commands: COMMANDS },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [':', ' ', '"'], resolveProvider: false },
      documentSymbolProvider: { label: 'SOR' },
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      codeLensProvider: { resolveProvider: false },
      foldingRangeProvider: true,
      selectionRangeProvider: true,
    },
    serverInfo: { name: 'sor-lint', version: packageJson.version },
  };
  if (pullsDiagnostics(client)) {
    // A file's findings depend on the workspace's other files (SOR codes shared across files).
    result.capabilities.diagnosticProvider = { identifier: 'sor-lint', interFileDependencies: true, workspaceDiagnostics: true };
  }
  return result;
}

function registerDynamic(session: Session): void {
  const workspace = session.client.capabilities.workspace;
  if (workspace?.didChangeConfiguration?.dynamicRegistration) {
    void session.connection.client.register(DidChangeConfigurationNotification.type, { section: 'sor-lint' });
  }
  if (workspace?.didChangeWatchedFiles?.dynamicRegistration) {
    const names = CONFIG_FILE_NAMES.join(',');
    const watchers = [{ globPattern: `**/{${names}}` }, { globPattern: SOR_FILES_GLOB }];
    void session.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
  }
}

function newAddressLookup(connection: Connection, client: Client): AddressLookup {
  const { trusted, storagePath } = client.options;
  // A notification: the user needs no button, and a client that cannot show it loses nothing.
  const warn = (message: string) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  return new AddressLookup({ trusted, storagePath, env: process.env, warn });
}
