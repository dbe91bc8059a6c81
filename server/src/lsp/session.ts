// What every handler shares: the connection, the open documents, the settings, the lint worker,
// and what the client said at initialize. The handlers (handlers/*.ts) take it; server.ts builds it.
import type { ClientCapabilities, Connection } from 'vscode-languageserver';
import type { DocumentStore } from './documents.js';
import type { LintRunner } from './lint-runner.js';
import type { Linter } from './linting.js';
import type { AddressLookup } from './online.js';
import type { RequestGuard } from './requests.js';
import type { WorkspaceSettings } from './workspace-settings.js';

/** Knobs a client may pass as initializationOptions (protocol.ts's InitializationOptions, and test-only ones). */
export interface ServerOptions {
  /** YYYY-MM-DD to lint against instead of today (tests). */
  today?: string;
  /** False in an untrusted workspace: no online lookups. */
  trusted: boolean;
  /** Where the address verdict cache is kept. */
  storagePath?: string;
  /** A main-thread stall longer than this is written to the log. */
  stallReportMs: number;
}

export const DEFAULT_OPTIONS: ServerOptions = { trusted: true, stallReportMs: 1000 };

export interface Client {
  capabilities: ClientCapabilities;
  locale: string | undefined;
  workspaceFolder: string | undefined;
  /** Every workspace folder's path, the first being `workspaceFolder`: where the workspace index looks. */
  workspaceFolders: string[];
  options: ServerOptions;
}

export interface Session {
  readonly connection: Connection;
  readonly store: DocumentStore;
  readonly runner: LintRunner;
  readonly settings: WorkspaceSettings;
  /** Set once the session exists: it lints with the session's parts. */
  linter: Linter;
  readonly guard: RequestGuard;
  /** Set at initialize. */
  readonly client: Client;
  addressLookup: AddressLookup;
}

export function pullsDiagnostics(client: Client): boolean {
  return !!client.capabilities.textDocument?.diagnostic;
}

/** The client shows code lenses: the verdict lens carries the inheritance notes (verdict-lens.ts). */
export function showsCodeLenses(client: Client): boolean {
  return !!client.capabilities.textDocument?.codeLens;
}

export function versionedEdits(client: Client): boolean {
  return !!client.capabilities.workspace?.workspaceEdit?.documentChanges;
}

/** Asks a pulling client to pull again, when it can be asked. */
export function refreshDiagnostics(session: Session): void {
  if (session.client.capabilities.workspace?.diagnostics?.refreshSupport) void session.connection.languages.diagnostics.refresh();
}

export function readOptions(raw: unknown): Partial<ServerOptions> {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const options: Partial<ServerOptions> = {};
  if (typeof value.today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.today)) options.today = value.today;
  if (value.trusted === false) options.trusted = false;
  if (typeof value.storagePath === 'string' && value.storagePath.trim() !== '') options.storagePath = value.storagePath;
  if (typeof value.stallReportMs === 'number' && value.stallReportMs > 0) options.stallReportMs = value.stallReportMs;
  return options;
}
