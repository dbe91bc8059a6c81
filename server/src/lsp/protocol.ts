// The server's own messages beyond LSP: what the VS Code extension (and any other client) may
// send and receive. The extension imports the names and types from here, so both sides agree.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Preview } from '../preview/index.js';

/** Whether online address lookups run for the document: `checking` while a lookup is under way. */
export type AddressLookups = 'off' | 'on' | 'checking';

/** Server → client after each lint of a document, and again when its online lookup starts and ends. */
export interface StatusParams {
  uri: string;
  state: 'ok' | 'slow' | 'error';
  lintMs: number;
  message: string;
  addressLookups: AddressLookups;
  /** The configuration files the lint used, farthest first (empty: defaults and settings only). */
  configFiles: string[];
}

export const StatusNotification = new NotificationType<StatusParams>('sor-lint/status');

/**
 * Client → server: the address service's token from the client's secret storage, or null when
 * there is none (the server then falls back to the environment variable SOR_LINT_ADDRESS_TOKEN).
 * The server keeps it in memory only and never writes it to logs, diagnostics or statuses.
 */
export interface SetAddressTokenParams {
  token: string | null;
}

export const SetAddressTokenNotification = new NotificationType<SetAddressTokenParams>('sor-lint/setAddressToken');

/** workspace/executeCommand `sor-lint.verifyAddresses` with arguments `[uri]`: verify that document's addresses now. */
export const VERIFY_ADDRESSES_COMMAND = 'sor-lint.verifyAddresses';

/**
 * The command's answer. `checked`: visiting addresses asked of the register (or its cache);
 * `failed`: those of them the register did not confirm (not in DAR, a near match, an unknown or
 * retired id) or that could not be checked now. `reason: 'off'`: online verification is off for
 * the document (settings, untrusted workspace, no endpoint) and nothing was done.
 */
export interface VerifyAddressesResult {
  checked: number;
  failed: number;
  reason?: 'off';
}

/** Options the client passes in `initializationOptions` (besides the test-only knobs). */
export interface InitializationOptions {
  /** `false` in an untrusted VS Code workspace: online verification then stays off whatever the settings say. */
  trusted?: boolean;
  /** A folder the server may write to (the extension's global storage); the address cache goes there. */
  storagePath?: string;
}

export interface PreviewParams {
  uri: string;
}

/**
 * `version`: the document version the preview describes (null when the document is not open);
 * `preview`: null for a document the server does not lint (not a SOR file, disabled or ignored).
 */
export interface PreviewResult {
  version: number | null;
  preview: Preview | null;
}

/** Client → server: what plejeoverblikket will show of the document, from its latest lint. */
export const PreviewRequest = new RequestType<PreviewParams, PreviewResult, void>('sor-lint/preview');

/** Server → client after each new lint result of a SOR document (offline, then online): ask for the preview again. */
export interface PreviewChangedParams {
  uri: string;
  version: number;
}

export const PreviewChangedNotification = new NotificationType<PreviewChangedParams>('sor-lint/previewChanged');
