// Starts the sor-lint language server on the transport named in argv (--stdio, --node-ipc, ...).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { insideLintWorker } from './lint-runner.js';
import { startServer } from './server.js';

export function runLanguageServer(): void {
  // The lint worker is this bundle started again; it serves lint jobs, not a connection.
  if (insideLintWorker) return;
  startServer(createConnection(ProposedFeatures.all), __filename);
}
