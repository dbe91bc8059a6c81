// The language server: keeps the open SOR documents linted (pushing or answering pulls, newest
// version only), verifies their visiting addresses online when asked (offline findings first, the
// verdicts after), and serves code actions, hover, completion, the outline and the plejeoverblikket
// preview from the same core.
import type {
  ClientCapabilities,
  Connection,
  Diagnostic,
  DocumentDiagnosticReport,
  InitializeParams,
  InitializeResult,
} from 'vscode-languageserver';
import {
  CodeLensRefreshRequest,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AddressVerifier } from '../address/verify/index.js';
import { CONFIG_FILE_NAMES } from '../config/index.js';
import type { Lang } from '../core/i18n.js';
import type { LintResult } from '../core/lint.js';
import { buildPreview } from '../preview/index.js';
import type { Analysis } from './analysis.js';
import { analyse } from './analysis.js';
import { codeActions, FIX_ALL_COMMAND, FIX_ALL_KIND, safeFixAllEdit, SHOW_DOCUMENTATION_COMMAND, workspaceEdit } from './code-actions.js';
import { completionsAt } from './completion.js';
import { documentDiagnostic, PositionMapper, toDiagnostics } from './diagnostics.js';
import { fsPathOf, lintSetupFor } from './file-config.js';
import type { LintComputation, LintFindings, LintJob } from './lint-job.js';
import { lintWith } from './lint-job.js';
import { LintRunner } from './lint-runner.js';
import { hoverAt } from './hover.js';
import { AddressLookup, verifyAddresses } from './online.js';
import type { AddressLookups, PreviewResult, StatusParams, VerifyAddressesResult } from './protocol.js';
import {
  PreviewChangedNotification,
  PreviewRequest,
  SetAddressTokenNotification,
  StatusNotification,
  VERIFY_ADDRESSES_COMMAND,
} from './protocol.js';
import type { Settings } from './settings.js';
import { DEFAULT_SETTINGS, languageOf, normaliseSettings } from './settings.js';
import { dataLanguageOf, isSorDocument } from './sor-files.js';
import { documentSymbols } from './symbols.js';
import { definitionAt, highlightsAt, referencesAt } from './navigation.js';
import { foldingRanges, selectionRanges } from './structure.js';
import { verdictLenses } from './verdict-lens.js';
import { texts } from './texts.js';
import packageJson from '../../../package.json';

/** Knobs a client may pass as initializationOptions (protocol.ts's InitializationOptions, and test-only ones). */
export interface ServerOptions {
  /** Quiet time after a keystroke before linting. */
  debounceMs: number;
  /** YYYY-MM-DD to lint against instead of today (tests). */
  today?: string;
  /** False in an untrusted workspace: no online lookups. */
  trusted: boolean;
  /** Where the address verdict cache is kept. */
  storagePath?: string;
}

const DEFAULT_OPTIONS: ServerOptions = { debounceMs: 150, trusted: true };
/** Even a tiny file waits this long, so a burst of keystrokes still becomes one lint. */
const MIN_DEBOUNCE_MS = 10;

const LOOKUPS_OFF: VerifyAddressesResult = { checked: 0, failed: 0, reason: 'off' };

interface LintOutcome {
  version: number;
  /** Settings generation the lint used; a configuration change makes it stale. */
  generation: number;
  /** New whenever the diagnostics change (online verdicts arrive), for pull result ids. */
  revision: number;
  /** The offline lint. */
  computation: LintComputation;
  /** What is shown: the offline findings with any online verdicts merged in. Undefined when the core failed. */
  result: LintFindings | undefined;
  lang: Lang;
  diagnostics: Diagnostic[];
  status: Pick<StatusParams, 'state' | 'message' | 'lintMs'>;
  /** Undefined when the document's addresses stay on this machine. */
  verifier: AddressVerifier | undefined;
  lookups: AddressLookups;
  /** The lookup ran (or runs); only the command asks again. */
  lookupStarted: boolean;
}

type Linted = LintOutcome | 'skip' | 'superseded';

interface DocumentState {
  timer?: NodeJS.Timeout;
  outcome?: LintOutcome;
  /** Diagnostics were pushed, so a document that stops being linted gets them cleared. */
  published: boolean;
  savedVersion?: number;
  inflight?: { version: number; generation: number; promise: Promise<Linted> };
  analysis?: { version: number; analysis: Analysis };
  /** The online lookup under way; a newer edit aborts it. */
  lookup?: AbortController;
}

/** `workerScript`: the bundle to start the lint worker from; without it lints run in-process. */
export function startServer(connection: Connection, workerScript?: string): void {
  new SorLanguageServer(connection, workerScript).listen();
}

class SorLanguageServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly states = new Map<string, DocumentState>();
  private settingsCache = new Map<string, Promise<Settings>>();
  private globalSettings: Settings = DEFAULT_SETTINGS;
  private generation = 0;
  private options: ServerOptions = DEFAULT_OPTIONS;
  private clientLocale: string | undefined;
  private workspaceFolder: string | undefined;
  private capabilities: ClientCapabilities = {};
  private revisions = 0;
  private addressLookup = this.newAddressLookup();

  private readonly runner: LintRunner;

  constructor(
    private readonly connection: Connection,
    workerScript: string | undefined,
  ) {
    this.runner = new LintRunner(workerScript, (message) => connection.console.error(`sor-lint: ${message}`));
  }

  private get pullDiagnostics(): boolean {
    return !!this.capabilities.textDocument?.diagnostic;
  }

  listen(): void {
    const { connection, documents } = this;
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => this.guard('initialized', () => this.registerDynamic()));
    connection.onDidChangeConfiguration((params) =>
      this.guard('didChangeConfiguration', () => {
        if (!this.capabilities.workspace?.configuration) {
          const all = params.settings as Record<string, unknown> | undefined;
          this.globalSettings = normaliseSettings(all?.['sor-lint']);
        }
        this.revalidateAll();
      }),
    );
    connection.onDidChangeWatchedFiles(() => this.guard('didChangeWatchedFiles', () => this.revalidateAll()));
    connection.onNotification(SetAddressTokenNotification, (params) =>
      this.guard('setAddressToken', () => {
        const token = typeof params?.token === 'string' ? params.token : null;
        if (this.addressLookup.setToken(token)) this.revalidateAll();
      }),
    );
    connection.onRequest(PreviewRequest, (params) => this.guardAsync('preview', { version: null, preview: null }, () => this.preview(params.uri)));
    documents.onDidChangeContent((event) => this.guard('didChange', () => this.changed(event.document)));
    documents.onDidSave((event) => this.guard('didSave', () => this.saved(event.document)));
    documents.onDidClose((event) => this.guard('didClose', () => this.closed(event.document.uri)));
    connection.languages.diagnostics.on((params, token) =>
      this.guardAsync('textDocument/diagnostic', { kind: 'full', items: [] } as DocumentDiagnosticReport, async () => {
        const report = await this.pull(params.textDocument.uri, params.previousResultId);
        if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'superseded', { retriggerRequest: true });
        return report;
      }),
    );
    connection.onCodeAction((params) =>
      this.guardAsync('codeAction', [], async () => {
        const ready = await this.readyOutcome(params.textDocument.uri);
        if (!ready) return [];
        return codeActions(params, { ...ready, versionedEdits: this.versionedEdits });
      }),
    );
    connection.onExecuteCommand((params) => this.guardAsync('executeCommand', undefined, () => this.executeCommand(params.command, params.arguments ?? [])));
    connection.onHover((params) =>
      this.guardAsync('hover', null, async () => {
        const at = await this.featureTarget(params.textDocument.uri, params.position);
        return (at && hoverAt(at.analysis, at.offset, at.lang, at.mapper)) ?? null;
      }),
    );
    connection.onCompletion((params) =>
      this.guardAsync('completion', [], async () => {
        const at = await this.featureTarget(params.textDocument.uri, params.position);
        return at ? completionsAt(at.analysis, at.offset, at.lang, at.mapper) : [];
      }),
    );
    connection.onDocumentSymbol((params) =>
      this.guardAsync('documentSymbol', [], async () => {
        const at = await this.featureTarget(params.textDocument.uri, { line: 0, character: 0 });
        return at ? documentSymbols(at.analysis, at.lang, at.mapper) : [];
      }),
    );
    connection.onDefinition((params) =>
      this.guardAsync('definition', null, async () => {
        const at = await this.featureTarget(params.textDocument.uri, params.position);
        return at ? definitionAt(at, at.offset) : null;
      }),
    );
    connection.onReferences((params) =>
      this.guardAsync('references', null, async () => {
        const at = await this.featureTarget(params.textDocument.uri, params.position);
        return at ? referencesAt(at, at.offset, params.context.includeDeclaration) : null;
      }),
    );
    connection.onDocumentHighlight((params) =>
      this.guardAsync('documentHighlight', null, async () => {
        const at = await this.featureTarget(params.textDocument.uri, params.position);
        return at ? highlightsAt(at, at.offset) : null;
      }),
    );
    connection.onCodeLens((params) =>
      this.guardAsync('codeLens', [], async () => {
        const { preview } = await this.preview(params.textDocument.uri);
        return preview ? verdictLenses(preview, params.textDocument.uri) : [];
      }),
    );
    connection.onFoldingRanges((params) =>
      this.guardAsync('foldingRange', null, async () => {
        const at = await this.featureTarget(params.textDocument.uri, { line: 0, character: 0 });
        return at ? foldingRanges(at.analysis, at.mapper) : null;
      }),
    );
    connection.onSelectionRanges((params) =>
      this.guardAsync('selectionRange', null, async () => {
        const at = await this.featureTarget(params.textDocument.uri, { line: 0, character: 0 });
        return at ? selectionRanges(at.analysis, at.mapper, params.positions.map((position) => at.mapper.offsetAt(position))) : null;
      }),
    );
    connection.onShutdown(() => this.runner.dispose());
    documents.listen(connection);
    connection.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    this.capabilities = params.capabilities;
    this.clientLocale = params.locale;
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    this.workspaceFolder = folder ? fsPathOf(folder) : undefined;
    this.options = { ...DEFAULT_OPTIONS, ...readOptions(params.initializationOptions) };
    this.addressLookup = this.newAddressLookup();
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND], resolveProvider: false },
        executeCommandProvider: { commands: [FIX_ALL_COMMAND, SHOW_DOCUMENTATION_COMMAND, VERIFY_ADDRESSES_COMMAND] },
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
    if (this.pullDiagnostics) {
      result.capabilities.diagnosticProvider = { identifier: 'sor-lint', interFileDependencies: false, workspaceDiagnostics: false };
    }
    return result;
  }

  private registerDynamic(): void {
    const workspace = this.capabilities.workspace;
    if (workspace?.didChangeConfiguration?.dynamicRegistration) {
      void this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'sor-lint' });
    }
    if (workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      const names = CONFIG_FILE_NAMES.join(',');
      void this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/{${names}}` }] });
    }
  }

  private get versionedEdits(): boolean {
    return !!this.capabilities.workspace?.workspaceEdit?.documentChanges;
  }

  // Settings.

  private settingsFor(uri: string): Promise<Settings> {
    if (!this.capabilities.workspace?.configuration) return Promise.resolve(this.globalSettings);
    let settings = this.settingsCache.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'sor-lint' }).then(normaliseSettings, (error: unknown) => {
        this.logError('workspace/configuration', error);
        return DEFAULT_SETTINGS;
      });
      this.settingsCache.set(uri, settings);
    }
    return settings;
  }

  private newAddressLookup(): AddressLookup {
    const { trusted, storagePath } = this.options;
    // A notification: the user needs no button, and a client that cannot show it loses nothing.
    const warn = (message: string) => void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
    return new AddressLookup({ trusted, storagePath, env: process.env, warn });
  }

  private revalidateAll(): void {
    this.settingsCache = new Map();
    this.generation++;
    for (const state of this.states.values()) state.lookup?.abort();
    if (this.pullDiagnostics) {
      if (this.capabilities.workspace?.diagnostics?.refreshSupport) void this.connection.languages.diagnostics.refresh();
      return;
    }
    for (const document of this.documents.all()) this.schedule(document.uri, 0);
  }

  // Linting.

  private state(uri: string): DocumentState {
    let state = this.states.get(uri);
    if (!state) {
      state = { published: false };
      this.states.set(uri, state);
    }
    return state;
  }

  private changed(document: TextDocument): void {
    this.state(document.uri).lookup?.abort();
    if (this.pullDiagnostics) return;
    const state = this.state(document.uri);
    const first = state.outcome === undefined && !state.timer;
    this.schedule(document.uri, first ? 0 : this.debounceFor(state));
  }

  /**
   * Wait as long as the last lint of the document took, up to the configured debounce: a small
   * file answers the keystroke at once, a big one is not linted again on every key of a burst.
   */
  private debounceFor(state: DocumentState): number {
    const lastLintMs = state.outcome?.status.lintMs ?? this.options.debounceMs;
    return Math.min(this.options.debounceMs, Math.max(MIN_DEBOUNCE_MS, lastLintMs));
  }

  private saved(document: TextDocument): void {
    this.state(document.uri).savedVersion = document.version;
    if (this.pullDiagnostics) {
      if (this.capabilities.workspace?.diagnostics?.refreshSupport) void this.connection.languages.diagnostics.refresh();
      return;
    }
    this.schedule(document.uri, 0);
  }

  private closed(uri: string): void {
    const state = this.states.get(uri);
    if (state?.timer) clearTimeout(state.timer);
    state?.lookup?.abort();
    this.states.delete(uri);
    if (!this.pullDiagnostics && state?.published) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** A newer keystroke restarts the wait, so only the last version of a burst is linted. */
  private schedule(uri: string, delay: number): void {
    const state = this.state(uri);
    if (state.timer) clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      void this.guardAsync('validate', undefined, () => this.push(uri));
    }, delay);
  }

  private async push(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    const version = document.version;
    const settings = await this.settingsFor(uri);
    const state = this.state(uri);
    if (settings.run === 'onSave' && state.outcome && state.savedVersion !== version) return;
    const outcome = await this.outcomeFor(document);
    // Only the newest version is ever published.
    if (outcome === 'superseded' || this.documents.get(uri)?.version !== version) return;
    if (outcome === 'skip') {
      if (state.published) await this.connection.sendDiagnostics({ uri, version, diagnostics: [] });
      state.published = false;
      return;
    }
    state.published = true;
    await this.publish(uri, outcome);
    await this.lookUp(uri, outcome);
  }

  private async publish(uri: string, outcome: LintOutcome): Promise<void> {
    await this.connection.sendDiagnostics({ uri, version: outcome.version, diagnostics: outcome.diagnostics });
    void this.connection.sendNotification(PreviewChangedNotification, { uri, version: outcome.version });
  }

  private async pull(uri: string, previousResultId: string | undefined): Promise<DocumentDiagnosticReport> {
    const document = this.documents.get(uri);
    if (!document) return { kind: 'full', items: [] };
    const settings = await this.settingsFor(uri);
    const state = this.state(uri);
    const previous = state.outcome;
    // Linting on save: until the next save the editor keeps what it shows.
    if (settings.run === 'onSave' && previous && previousResultId === resultIdOf(previous) && state.savedVersion !== document.version) {
      return { kind: 'unchanged', resultId: previousResultId };
    }
    const outcome = await this.outcomeFor(document);
    if (outcome === 'superseded') throw new ResponseError(LSPErrorCodes.ServerCancelled, 'superseded by a newer version', { retriggerRequest: true });
    if (outcome === 'skip') return { kind: 'full', items: [] };
    const resultId = resultIdOf(outcome);
    if (previousResultId === resultId) return { kind: 'unchanged', resultId };
    // After the answer is on its way: the preview may follow, and the addresses be looked up.
    setImmediate(() => {
      void this.connection.sendNotification(PreviewChangedNotification, { uri, version: outcome.version });
      void this.guardAsync('lookUp', undefined, () => this.lookUp(uri, outcome));
    });
    return { kind: 'full', resultId, items: outcome.diagnostics };
  }

  /**
   * The lint of the document's current version, from the cache when nothing changed since (or
   * shared with a lint already running for it); 'skip' when the document is not a SOR file, is
   * disabled or ignored; 'superseded' when a newer version arrived meanwhile.
   */
  private outcomeFor(document: TextDocument): Promise<Linted> {
    const { uri, version } = document;
    const generation = this.generation;
    const state = this.state(uri);
    if (state.outcome && state.outcome.version === version && state.outcome.generation === generation) return Promise.resolve(state.outcome);
    if (state.inflight?.version === version && state.inflight.generation === generation) return state.inflight.promise;
    const promise = this.lintVersion(document, generation);
    state.inflight = { version, generation, promise };
    return promise;
  }

  private async lintVersion(document: TextDocument, generation: number): Promise<Linted> {
    const { uri, version } = document;
    if (!isSorDocument(uri, document.languageId, document.getText())) return 'skip';
    const settings = await this.settingsFor(uri);
    if (!settings.enable) return 'skip';
    if (this.documents.get(uri)?.version !== version) return 'superseded';
    const computation = await this.runner.run({
      uri,
      version,
      text: document.getText(),
      language: dataLanguageOf(uri, document.languageId),
      settings,
      context: this.setupContext(),
      today: this.options.today,
    });
    // Only a lint of the version the editor has now is worth showing.
    if (!computation || this.documents.get(uri)?.version !== version) return 'superseded';
    for (const line of computation.logs) this.connection.console.error(`sor-lint: ${line}`);
    if (computation.ignored) return 'skip';
    const outcome = this.toOutcome(document, settings, computation, generation);
    if (generation === this.generation) this.state(uri).outcome = outcome;
    return outcome;
  }

  private toOutcome(document: TextDocument, settings: Settings, computation: LintComputation, generation: number): LintOutcome {
    const { lang, result, configError, crash } = computation;
    const diagnostics = diagnosticsOf(document, computation, result);
    const failed = result?.failures ?? [];
    for (const failure of failed) this.connection.console.error(`sor-lint: rule ${failure.ruleId} failed on ${document.uri}: ${failure.detail}`);
    const lintMs = Math.round(computation.elapsed);
    let status: Pick<StatusParams, 'state' | 'message'>;
    if (crash) status = { state: 'error', message: texts.lintCrashed(crash)[lang] };
    else if (failed.length > 0) status = { state: 'error', message: texts.statusRuleFailed(failed.map((f) => f.ruleId))[lang] };
    else if (configError) status = { state: 'error', message: texts.configError(configError)[lang] };
    else if (computation.elapsed > settings.lintTimeBudgetMs) status = { state: 'slow', message: texts.statusSlow(lintMs, settings.lintTimeBudgetMs)[lang] };
    else status = { state: 'ok', message: texts.statusOk(diagnostics.length, lintMs)[lang] };
    const verifier = result && this.addressLookup.verifierFor(settings.addresses, computation.addresses, lang);
    const outcome: LintOutcome = {
      version: document.version,
      generation,
      revision: ++this.revisions,
      computation,
      result,
      lang,
      diagnostics,
      status: { lintMs, ...status },
      verifier,
      lookups: verifier ? 'checking' : 'off',
      lookupStarted: false,
    };
    this.sendStatus(document.uri, outcome);
    return outcome;
  }

  private sendStatus(uri: string, outcome: LintOutcome): void {
    void this.connection.sendNotification(StatusNotification, { uri, ...outcome.status, addressLookups: outcome.lookups, configFiles: outcome.computation.configFiles });
  }

  /** The newest outcome of the document, unless a newer version or configuration made this one stale. */
  private isCurrent(uri: string, outcome: LintOutcome): boolean {
    return this.states.get(uri)?.outcome === outcome && this.documents.get(uri)?.version === outcome.version && outcome.generation === this.generation;
  }

  /**
   * Asks the register about the outcome's addresses (the cache first) and, unless a newer version
   * came meanwhile, shows the verdicts in place of the offline findings they replace. Starts once
   * per outcome unless `now` (the command) asks again. Undefined when a newer edit aborted it.
   */
  private async lookUp(uri: string, outcome: LintOutcome, now = false): Promise<VerifyAddressesResult | undefined> {
    const document = this.documents.get(uri);
    const offline = outcome.computation.result;
    if (!document || !offline || !outcome.verifier || (outcome.lookupStarted && !now) || !this.isCurrent(uri, outcome)) return undefined;
    outcome.lookupStarted = true;
    const state = this.state(uri);
    state.lookup?.abort();
    const controller = new AbortController();
    state.lookup = controller;
    let verified: Awaited<ReturnType<typeof verifyAddresses>>;
    try {
      const options = { lang: outcome.lang, today: this.options.today, signal: controller.signal };
      verified = await verifyAddresses(this.withTrees(document, offline), outcome.verifier, options);
    } catch (error) {
      if (controller.signal.aborted) return undefined;
      throw error;
    } finally {
      if (state.lookup === controller) state.lookup = undefined;
    }
    const summary = { checked: verified.checked, failed: verified.failed };
    // A stale verdict is never shown: the newer version has (or will get) its own.
    if (!this.isCurrent(uri, outcome)) return summary;
    if (summary.checked === 0) {
      // No address to look up: nothing to show again, only that the lookup is done.
      outcome.lookups = 'on';
      this.sendStatus(uri, outcome);
      return summary;
    }
    const result = { ...offline, findings: verified.findings };
    const diagnostics = diagnosticsOf(document, outcome.computation, result);
    const status = outcome.status.state === 'ok' ? { ...outcome.status, message: texts.statusOk(diagnostics.length, outcome.status.lintMs)[outcome.lang] } : outcome.status;
    const online: LintOutcome = { ...outcome, revision: ++this.revisions, result, diagnostics, status, lookups: 'on' };
    state.outcome = online;
    this.sendStatus(uri, online);
    if (this.capabilities.workspace?.codeLens?.refreshSupport) void this.connection.sendRequest(CodeLensRefreshRequest.type);
    if (!this.pullDiagnostics) {
      await this.publish(uri, online);
    } else {
      void this.connection.sendNotification(PreviewChangedNotification, { uri, version: online.version });
      if (this.capabilities.workspace?.diagnostics?.refreshSupport) void this.connection.languages.diagnostics.refresh();
    }
    return summary;
  }

  /** A lint result with the syntax trees back (the lint worker keeps its own): what online checks and the preview read. */
  private withTrees(document: TextDocument, result: LintFindings): LintResult {
    return { ...result, documents: this.analysisOf(document).documents, failures: [] };
  }

  private analysisOf(document: TextDocument): Analysis {
    const state = this.state(document.uri);
    if (state.analysis?.version !== document.version) {
      state.analysis = { version: document.version, analysis: analyse(document.getText(), dataLanguageOf(document.uri, document.languageId)) };
    }
    return state.analysis.analysis;
  }

  private setupContext(): LintJob['context'] {
    return { clientLocale: this.clientLocale, workspaceFolder: this.workspaceFolder };
  }

  // Features.

  /** The current lint with what code actions need, or undefined when the document is not linted. */
  private async readyOutcome(uri: string) {
    const document = this.documents.get(uri);
    const outcome = document && (await this.outcomeFor(document));
    if (!document || typeof outcome !== 'object' || !outcome.result || outcome.version !== document.version) return undefined;
    const settings = await this.settingsFor(uri);
    const setup = await lintSetupFor(uri, settings, { ...this.setupContext(), logError: () => {} });
    const relint = lintWith({ uri, language: dataLanguageOf(uri, document.languageId), today: this.options.today }, setup);
    return { document, result: outcome.result, lang: outcome.lang, relint };
  }

  private async executeCommand(command: string, args: unknown[]): Promise<VerifyAddressesResult | undefined> {
    if (command === VERIFY_ADDRESSES_COMMAND && typeof args[0] === 'string') {
      return this.verifyAddressesNow(args[0]);
    } else if (command === SHOW_DOCUMENTATION_COMMAND && typeof args[0] === 'string') {
      await this.connection.window.showDocument({ uri: args[0], external: true });
    } else if (command === FIX_ALL_COMMAND && typeof args[0] === 'string') {
      const ready = await this.readyOutcome(args[0]);
      const edit = ready && safeFixAllEdit(ready);
      if (!ready || !edit) return;
      await this.connection.workspace.applyEdit({ label: texts.fixAllSafe[ready.lang], edit: workspaceEdit({ document: ready.document, versionedEdits: this.versionedEdits }, [edit]) });
    }
    return undefined;
  }

  /** "Verify addresses now": the document's current lint checked online at once (the cache still counts). */
  private async verifyAddressesNow(uri: string): Promise<VerifyAddressesResult> {
    const document = this.documents.get(uri);
    const outcome = document && (await this.outcomeFor(document));
    if (typeof outcome !== 'object' || !outcome.verifier) return LOOKUPS_OFF;
    const summary = await this.lookUp(uri, outcome, true);
    if (!summary) throw new ResponseError(LSPErrorCodes.ContentModified, 'the document changed during the lookup');
    return summary;
  }

  /** What plejeoverblikket will show of the document's newest version (linted now if need be). */
  private async preview(uri: string): Promise<PreviewResult> {
    for (;;) {
      const document = this.documents.get(uri);
      if (!document) return { version: null, preview: null };
      const outcome = await this.outcomeFor(document);
      // A newer version arrived while linting: preview that one instead.
      if (outcome === 'superseded' || (outcome !== 'skip' && outcome.version !== this.documents.get(uri)?.version)) continue;
      if (outcome === 'skip' || !outcome.result) return { version: document.version, preview: null };
      return { version: outcome.version, preview: buildPreview(this.withTrees(document, outcome.result), outcome.lang, { today: this.options.today }) };
    }
  }

  private async featureTarget(uri: string, position: { line: number; character: number }) {
    const document = this.documents.get(uri);
    if (!document || !isSorDocument(uri, document.languageId, document.getText())) return undefined;
    const settings = await this.settingsFor(uri);
    if (!settings.enable) return undefined;
    const state = this.state(uri);
    const analysis = this.analysisOf(document);
    const mapper = new PositionMapper(document, analysis.bom);
    const outcome = state.outcome?.version === document.version ? state.outcome : undefined;
    const lang = outcome?.lang ?? languageOf(settings, this.clientLocale);
    return { uri, analysis, mapper, lang, offset: mapper.offsetAt(position), findings: outcome?.result?.findings };
  }

  // Never let one bad request or document take the server down.

  private guard(what: string, run: () => void): void {
    try {
      run();
    } catch (error) {
      this.logError(what, error);
    }
  }

  private async guardAsync<T>(what: string, fallback: T, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      this.logError(what, error);
      return fallback;
    }
  }

  private logError(what: string, error: unknown): void {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.connection.console.error(`sor-lint: ${what} failed: ${detail}`);
  }
}

function resultIdOf(outcome: LintOutcome): string {
  return `${outcome.version}:${outcome.generation}:${outcome.revision}`;
}

function diagnosticsOf(document: TextDocument, computation: LintComputation, result: LintFindings | undefined): Diagnostic[] {
  const { lang, configError, crash } = computation;
  const diagnostics: Diagnostic[] = [];
  if (configError) diagnostics.push(documentDiagnostic(texts.configError(configError)[lang], 'config'));
  if (result) diagnostics.push(...toDiagnostics(result, document));
  // The core itself failed: say so on the document rather than go silent.
  if (crash) diagnostics.push(documentDiagnostic(texts.lintCrashed(crash)[lang], 'internal', DiagnosticSeverity.Error));
  return diagnostics;
}

function readOptions(raw: unknown): Partial<ServerOptions> {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const options: Partial<ServerOptions> = {};
  if (typeof value.debounceMs === 'number' && value.debounceMs >= 0) options.debounceMs = value.debounceMs;
  if (typeof value.today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.today)) options.today = value.today;
  if (value.trusted === false) options.trusted = false;
  if (typeof value.storagePath === 'string' && value.storagePath.trim() !== '') options.storagePath = value.storagePath;
  return options;
}
