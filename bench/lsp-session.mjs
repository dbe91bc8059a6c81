// A language server driven over stdio as an editor drives it, for the editor benchmarks: ours
// (dist/server.js) or the peer (yaml-language-server with our schema). It mirrors each document's
// text and resolves when the server has published diagnostics for a version, or answered a pull.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const protocol = require('vscode-languageserver-protocol/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/**
 * The workspace folder of the measured documents, which holds no file: the server checks a
 * workspace's SOR files together, and bench/out's national files (bench/table.mjs) share the
 * generated providers' codes, which would make every unit an error across files.
 */
export const EDITOR_FOLDER = join(ROOT, 'bench', 'out', 'editor');
mkdirSync(EDITOR_FOLDER, { recursive: true });

/** Our server (`script`: another build's server.js), pushing or answering pulls as VS Code asks for them. */
export function ours({ pull = false, script = join(ROOT, 'dist', 'server.js') } = {}) {
  return { name: 'sor-lint', command: [script, '--stdio'], settings: () => ({}), pull };
}

/** yaml-language-server 1.x validating `*.sor.yaml` against our schema, offline. */
export function peer() {
  const schema = pathToFileURL(join(ROOT, 'schemas', 'sor-structure.schema.json')).href;
  const yaml = { validate: true, hover: false, completion: false, schemaStore: { enable: false }, schemas: { [schema]: '*.sor.yaml' } };
  return { name: 'yaml-language-server', command: [join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'], settings: (section) => (section === 'yaml' ? yaml : null), pull: false, settingsFirst: true };
}

export class LspSession {
  static async start(server, { nodeArgs = [] } = {}) {
    const child = spawn(process.execPath, [...nodeArgs, ...server.command], { stdio: ['pipe', 'pipe', 'ignore'] });
    const connection = protocol.createProtocolConnection(new protocol.StreamMessageReader(child.stdout), new protocol.StreamMessageWriter(child.stdin));
    const session = new LspSession(server, child, connection);
    await session.initialize();
    return session;
  }

  constructor(server, child, connection) {
    this.server = server;
    this.child = child;
    this.connection = connection;
    this.documents = new Map();
    /** uri → what waits for the next publication of it. */
    this.waiting = new Map();
    /** The server's own lint time of each lint (our status notification). */
    this.lintTimes = [];
    this.configured = new Promise((resolve) => (this.markConfigured = resolve));
  }

  async initialize() {
    const { connection, server } = this;
    connection.onNotification(protocol.PublishDiagnosticsNotification.type, (params) => {
      const wait = this.waiting.get(params.uri);
      if (wait && (params.version === undefined || params.version === wait.version)) {
        this.waiting.delete(params.uri);
        wait.resolve(params);
      }
    });
    connection.onNotification('sor-lint/status', (params) => this.lintTimes.push(params.lintMs));
    connection.onRequest(protocol.ConfigurationRequest.type, (params) => {
      this.markConfigured();
      return params.items.map((item) => server.settings(item.section));
    });
    connection.onRequest(protocol.RegistrationRequest.type, () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => null);
    connection.listen();
    // What VS Code announces for what is measured here, code lenses included (ours carry the inheritance notes).
    const textDocument = { publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true, dataSupport: true }, codeLens: {} };
    if (server.pull) textDocument.diagnostic = { dynamicRegistration: false };
    await connection.sendRequest(protocol.InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(EDITOR_FOLDER).href,
      capabilities: { textDocument, workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } },
    });
    await connection.sendNotification(protocol.InitializedNotification.type, {});
    // yaml-language-server reads its settings when told they changed (and validates nothing right
    // before); ours reads them for each document it lints.
    if (server.settingsFirst) {
      await connection.sendNotification(protocol.DidChangeConfigurationNotification.type, { settings: {} });
      await this.configured;
    }
  }

  /** Resolves with the diagnostics of this version: published (push), or the answer to a pull. */
  diagnostics(uri, version) {
    if (this.server.pull) {
      return this.connection.sendRequest(protocol.DocumentDiagnosticRequest.type, { textDocument: { uri } }).then((report) => ({ uri, version, diagnostics: report.items }));
    }
    return new Promise((resolve) => this.waiting.set(uri, { version, resolve }));
  }

  /** didOpen → the first diagnostics of the document. */
  async open(uri, text, languageId = 'yaml') {
    this.documents.set(uri, TextDocument.create(uri, languageId, 1, text));
    const published = this.server.pull ? undefined : this.diagnostics(uri, 1);
    await this.connection.sendNotification(protocol.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return published ?? this.diagnostics(uri, 1);
  }

  /** Replaces `length` characters at `offset` and resolves with the diagnostics of the new version. */
  async edit(uri, offset, length, text) {
    const document = this.documents.get(uri);
    const change = { range: { start: document.positionAt(offset), end: document.positionAt(offset + length) }, text };
    const version = document.version + 1;
    TextDocument.update(document, [change], version);
    const published = this.server.pull ? undefined : this.diagnostics(uri, version);
    await this.connection.sendNotification(protocol.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
    return published ?? this.diagnostics(uri, version);
  }

  text(uri) {
    return this.documents.get(uri).getText();
  }

  async close(uri) {
    this.documents.delete(uri);
    await this.connection.sendNotification(protocol.DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async stop() {
    await this.connection.sendRequest(protocol.ShutdownRequest.type);
    await this.connection.sendNotification(protocol.ExitNotification.type);
    this.connection.dispose();
    await new Promise((resolve) => {
      this.child.once('exit', resolve);
      setTimeout(() => this.child.kill(), 5000).unref();
    });
  }
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** The offset just after `Plejecenter ` in the unit name at or after `fraction` of the text: one character there is retyped. */
export function unitNameAt(text, fraction) {
  return text.indexOf('Plejecenter ', Math.floor(text.length * fraction)) + 'Plejecenter '.length;
}
