// Everything the server holds per open document, in one place: its text (TextDocuments), the lint
// shown and the one running, the saved version and the online lookup. A
// document's state is born at didOpen and dies at didClose, so nothing that finishes for a closed
// document (a lint, a lookup) can land on the document reopened under the same URI.
import type { Connection, Diagnostic } from 'vscode-languageserver';
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AddressVerifier } from '../address/verify/index.js';
import type { Lang } from '../core/i18n.js';
import type { LintComputation, LintFindings } from './lint-job.js';
import type { AddressLookups, StatusParams } from './protocol.js';
import type { RawJson } from './raw-json.js';
import type { Settings } from './settings.js';

export interface LintOutcome {
  version: number;
  /** Settings generation the lint used; a configuration change makes it stale. */
  generation: number;
  /** The editor settings the lint used: a configuration change that keeps them keeps the lint. */
  settings: Settings;
  /** New whenever the diagnostics change (online verdicts arrive), for pull result ids. */
  revision: number;
  /** The offline lint. */
  computation: LintComputation;
  /** The offline findings with the online verdicts merged in, once they came; undefined until then. */
  online: LintFindings | undefined;
  lang: Lang;
  /** What is shown; the worker's JSON text until online verdicts change it. */
  diagnostics: RawJson | Diagnostic[];
  diagnosticCount: number;
  status: Pick<StatusParams, 'state' | 'message' | 'lintMs'>;
  /** Undefined when the document's addresses stay on this machine. */
  verifier: AddressVerifier | undefined;
  lookups: AddressLookups;
  /** The lookup ran (or runs); only the command asks again. */
  lookupStarted: boolean;
}

/** A lint of the current version; 'skip': not linted (not a SOR file, disabled, ignored); 'superseded': a newer version came. */
export type Linted = LintOutcome | 'skip' | 'superseded';

export interface DocumentState {
  readonly uri: string;
  /** The document this state belongs to: reopening the URI makes a new one. */
  readonly document: TextDocument;
  outcome?: LintOutcome;
  /** Diagnostics were pushed, so a document that stops being linted gets them cleared. */
  published: boolean;
  savedVersion?: number;
  inflight?: { version: number; generation: number; promise: Promise<Linted> };
  /** The online lookup under way; a newer edit aborts it. */
  lookup?: AbortController;
}

export class DocumentStore {
  readonly documents = new TextDocuments(TextDocument);
  private readonly states = new Map<string, DocumentState>();

  /** `closed` runs after a document's state is gone. */
  listen(connection: Connection, closed: (state: DocumentState) => void): void {
    this.documents.onDidOpen(({ document }) => this.states.set(document.uri, { uri: document.uri, document, published: false }));
    this.documents.onDidClose(({ document }) => {
      const state = this.states.get(document.uri);
      if (!state) return;
      this.states.delete(document.uri);
      state.lookup?.abort();
      closed(state);
    });
    this.documents.listen(connection);
  }

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  all(): TextDocument[] {
    return this.documents.all();
  }

  state(uri: string): DocumentState | undefined {
    return this.states.get(uri);
  }

  allStates(): IterableIterator<DocumentState> {
    return this.states.values();
  }

  /** The document is still open in this very state (not closed and reopened) and at this version. */
  isCurrent(state: DocumentState, version: number): boolean {
    return this.states.get(state.uri) === state && state.document.version === version;
  }
}
