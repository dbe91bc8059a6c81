// A real LSP client for the tests: spawns the built server (dist/server.js --stdio) and talks to it
// over its stdio with vscode-languageserver-protocol, as an editor does. It mirrors each open
// document's text, answers the server's requests (configuration, showDocument, applyEdit), and
// records every diagnostics publication, status notification and trace message in arrival order,
// and all the server's output as raw text (to show what never appears in any message).
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { pathToFileURL } from 'node:url';
import type {
  ClientCapabilities,
  InitializeResult,
  ProtocolConnection,
  PublishDiagnosticsParams,
  ShowDocumentParams,
  TextDocumentContentChangeEvent,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import type { PreviewChangedParams, StatusParams } from '../../server/src/lsp/protocol.js';
import {
  ApplyWorkspaceEditRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  LogTraceNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowDocumentRequest,
  StreamMessageReader,
  StreamMessageWriter,
  DiagnosticRefreshRequest,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const ROOT = join(__dirname, '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'lsp');
const SERVER = join(ROOT, 'dist', 'server.js');

/**
 * Each document is checked alone unless a test's settings name `workspace`: the fixtures folder
 * holds copies of one provider, and most tests open several copies under other names.
 */
const CHECKED_ALONE = { maxFiles: 0 };

export type { StatusParams } from '../../server/src/lsp/protocol.js';

/** Push-only: what an editor without pull diagnostics announces. */
export const PUSH_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true }, applyEdit: true },
  textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true } },
  window: { showDocument: { support: true } },
};

export const PULL_CAPABILITIES: ClientCapabilities = {
  ...PUSH_CAPABILITIES,
  workspace: { ...PUSH_CAPABILITIES.workspace, diagnostics: { refreshSupport: true } },
  textDocument: { ...PUSH_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
};

/** Builds dist/server.js when any source is newer; a lock keeps parallel test files from racing. */
export function ensureServerBuilt(): void {
  const lock = join(ROOT, 'dist', '.lsp-test-build.lock');
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  for (const started = Date.now(); ; ) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() - started > 60_000) throw new Error(`stale build lock ${lock}`);
      spawnSync('sleep', ['0.2']);
    }
  }
  try {
    const built = mtimeOf(SERVER);
    if (built === 0 || newestUnder(join(ROOT, 'server', 'src')) > built || newestUnder(join(ROOT, 'schemas')) > built) {
      const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
      if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
    }
  } finally {
    rmdirSync(lock);
  }
}

function mtimeOf(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function newestUnder(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, mtimeOf(join(entry.parentPath, entry.name)));
  }
  return newest;
}

export interface StartOptions {
  capabilities: ClientCapabilities;
  locale?: string;
  settings?: Record<string, unknown>;
  workspaceFolder?: string;
  initializationOptions?: Record<string, unknown>;
  /** Extra environment variables for the server process. */
  env?: Record<string, string>;
  /** Another language server's command line (default: ours, `node dist/server.js --stdio`). */
  server?: string[];
  /** Ask for the server's trace ($/logTrace), as `sor-lint.trace.server: verbose` does in VS Code. */
  trace?: boolean;
}



export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly statuses: StatusParams[] = [];
  readonly shownDocuments: ShowDocumentParams[] = [];
  readonly appliedEdits: WorkspaceEdit[] = [];
  readonly errorLog: string[] = [];
  /** Every window/logMessage's text, in arrival order. */
  readonly log: string[] = [];
  readonly previewChanges: PreviewChangedParams[] = [];
  /** The server's trace messages ($/logTrace), when the client asked for them. */
  readonly traces: string[] = [];
  /** Everything the server wrote to stdout (every message it sent) and stderr, as text. */
  output = '';
  refreshRequests = 0;
  settings: Record<string, unknown>;
  initializeResult!: InitializeResult;
  private readonly documents = new Map<string, TextDocument>();
  private readonly waiters = new Set<() => void>();

  private constructor(
    readonly connection: ProtocolConnection,
    private readonly child: ChildProcess,
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
  }

  static async start(options: StartOptions): Promise<TestClient> {
    const [command, ...args] = options.server ?? [process.execPath, SERVER, '--stdio'];
    const child = spawn(command, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(connection, child, options.settings ?? {});
    for (const stream of [child.stdout!, child.stderr!]) {
      const decoder = new StringDecoder('utf8');
      stream.on('data', (chunk: Buffer) => (client.output += decoder.write(chunk)));
    }
    client.wire();
    connection.listen();
    const folder = options.workspaceFolder ?? FIXTURES;
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(folder).href,
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'fixtures' }],
      capabilities: options.capabilities,
      locale: options.locale,
      initializationOptions: { today: '2026-11-26', ...options.initializationOptions },
      trace: options.trace ? 'verbose' : undefined,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private wire(): void {
    const { connection } = this;
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => this.record(() => this.published.push(params)));
    connection.onNotification('sor-lint/status', (params: StatusParams) => this.record(() => this.statuses.push(params)));
    connection.onNotification('sor-lint/previewChanged', (params: PreviewChangedParams) => this.record(() => this.previewChanges.push(params)));
    connection.onNotification(LogTraceNotification.type, (params) => this.record(() => this.traces.push(params.message)));
    connection.onNotification(LogMessageNotification.type, (params) =>
      this.record(() => {
        this.log.push(params.message);
        if (params.type === 1) this.errorLog.push(params.message);
      }),
    );
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => ({ workspace: CHECKED_ALONE, ...this.settings })));
    connection.onRequest(RegistrationRequest.type, () => null);
    connection.onRequest(DiagnosticRefreshRequest.type, () => this.record(() => this.refreshRequests++));
    connection.onRequest(ShowDocumentRequest.type, (params) => {
      this.shownDocuments.push(params);
      return { success: true };
    });
    connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      this.appliedEdits.push(params.edit);
      return { applied: true };
    });
  }

  private record(change: () => void): void {
    change();
    for (const wake of [...this.waiters]) wake();
  }

  /** Resolves when `ready()` returns a value, checked on every notification; fails after a timeout. */
  waitFor<T>(what: string, ready: () => T | undefined, timeoutMs = 10_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = ready();
        if (value === undefined) return;
        cleanup();
        resolve(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** The diagnostics published for exactly this version of the document. */
  diagnosticsFor(uri: string, version = this.document(uri).version, timeoutMs?: number): Promise<PublishDiagnosticsParams> {
    return this.waitFor(`diagnostics of ${uri} v${version}`, () => this.published.find((p) => p.uri === uri && p.version === version), timeoutMs);
  }

  async open(uri: string, text: string, languageId = 'yaml'): Promise<void> {
    this.documents.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends incremental changes, applying them to the mirror too; returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const document = this.document(uri);
    const version = document.version + 1;
    TextDocument.update(document, changes, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async closeDocument(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async save(uri: string): Promise<void> {
    await this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Replaces the text between two offsets of the mirrored document. */
  replace(uri: string, start: number, end: number, text: string): Promise<number> {
    const document = this.document(uri);
    return this.change(uri, [{ range: { start: document.positionAt(start), end: document.positionAt(end) }, text }]);
  }

  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { 'sor-lint': settings } });
  }

  document(uri: string): TextDocument {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`not open: ${uri}`);
    return document;
  }

  text(uri: string): string {
    return this.document(uri).getText();
  }

  /** Ends the server without the shutdown handshake (after a test sent `shutdown` itself). */
  async kill(): Promise<void> {
    this.connection.dispose();
    this.child.kill();
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } finally {
      this.connection.dispose();
      this.child.kill();
    }
  }
}

/** The text of `uri` after a workspace edit (either shape), applied with TextDocument.applyEdits. */
export function applyWorkspaceEdit(document: TextDocument, edit: WorkspaceEdit): string {
  const edits: TextEdit[] = [];
  for (const change of edit.documentChanges ?? []) {
    if (!('textDocument' in change)) throw new Error('unexpected resource operation');
    if (change.textDocument.uri !== document.uri) throw new Error(`edit for another document: ${change.textDocument.uri}`);
    if (change.textDocument.version !== null && change.textDocument.version !== document.version) throw new Error('edit for another version');
    edits.push(...change.edits);
  }
  for (const [uri, changes] of Object.entries(edit.changes ?? {})) {
    if (uri !== document.uri) throw new Error(`edit for another document: ${uri}`);
    edits.push(...changes);
  }
  return TextDocument.applyEdits(document, edits);
}

export function fixtureUri(name: string): string {
  return pathToFileURL(join(FIXTURES, name)).href;
}
