// Starts the sor-lint language server on the transport named in argv (--stdio, --node-ipc, ...).
import type { ConnectionStrategy, MessageReader } from 'vscode-languageserver/node';
import { createConnection, LSPErrorCodes, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { insideLintWorker } from './lint-runner.js';
import { RAW_JSON_ENCODER } from './raw-json.js';
import { startServer } from './server.js';

/** A request the client cancels before it is dispatched is answered at once and never runs. */
const connectionStrategy: ConnectionStrategy = {
  // The connection sets the response's id to the request's.
  cancelUndispatched: () => ({ jsonrpc: '2.0', id: null, error: { code: LSPErrorCodes.RequestCancelled, message: 'cancelled' } }),
};

export function runLanguageServer(): void {
  // The lint worker is this bundle started again; it serves lint jobs, not a connection.
  if (insideLintWorker) return;
  if (!process.argv.includes('--stdio')) {
    startServer(createConnection(ProposedFeatures.all, { connectionStrategy }), __filename);
    return;
  }
  const reader = new StreamMessageReader(process.stdin);
  exitOnBrokenFraming(reader);
  const connection = createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: RAW_JSON_ENCODER }), { connectionStrategy });
  // Nothing but LSP messages may reach stdout.
  console.log = console.info = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.warn = console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
  startServer(connection, __filename);
}

/**
 * A header without a usable Content-Length leaves no way to find where the next message starts:
 * the server exits (code 1, as for an exit without shutdown) rather than stay alive and deaf.
 * So does the end of its input.
 */
function exitOnBrokenFraming(reader: MessageReader): void {
  reader.onError((error) => {
    process.stderr.write(`sor-lint: unreadable message, exiting: ${error.message}\n`);
    process.exit(1);
  });
  reader.onClose(() => process.exit(1));
}
