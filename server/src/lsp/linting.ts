// Linting the open documents: the lint of a document's current version, shared by everything
// that needs it (pushes, pulls, code actions, hover, preview) and run once per version in the
// worker; and questions about that version, answered where its tree lives.
import type { CancellationToken } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentState, LintOutcome, Linted } from './documents.js';
import { sendStatus } from './handlers/status.js';
import { partnersChanged } from './handlers/workspace.js';
import type { Answers, Query } from './kept-lints.js';
import type { LintComputation, LintJob } from './lint-job.js';
import { RawJson } from './raw-json.js';
import { RequestGuard } from './requests.js';
import type { Session } from './session.js';
import { showsCodeLenses } from './session.js';
import type { Settings } from './settings.js';
import { sameSettings } from './settings.js';
import { dataLanguageOf, isSorDocument } from './sor-files.js';
import { texts } from './texts.js';

export class Linter {
  /** Bumped by every configuration change: a lint of an older generation is stale. */
  generation = 0;
  /** The generation at which a configuration file last changed: older lints are linted again. */
  private configFilesChangedAt = 0;
  private revisions = 0;

  constructor(private readonly session: Session) {}

  /** The settings or (`configFiles`) a configuration file changed. */
  configurationChanged({ configFiles }: { configFiles: boolean }): void {
    this.generation++;
    if (configFiles) this.configFilesChangedAt = this.generation;
  }

  nextRevision(): number {
    return ++this.revisions;
  }

  /**
   * The lint of the document's current version, from the cache when nothing changed since (or
   * shared with a lint already running for it).
   */
  outcomeFor(document: TextDocument): Promise<Linted> {
    const { uri, version } = document;
    const state = this.session.store.state(uri);
    // A document closed since (and perhaps reopened with other text) is not linted.
    if (state?.document !== document) return Promise.resolve('superseded');
    const generation = this.generation;
    if (state.outcome && state.outcome.version === version && state.outcome.generation === generation) return Promise.resolve(state.outcome);
    if (state.inflight?.version === version && state.inflight.generation === generation) return state.inflight.promise;
    const promise = this.stillValid(document, state, generation) ?? this.lintVersion(document, state, generation);
    state.inflight = { version, generation, promise };
    return promise;
  }

  /**
   * The lint of this version before a configuration change that left the document's settings as
   * they were (no configuration file changed since): it stands, and a pull of it is `unchanged`.
   */
  private stillValid(document: TextDocument, state: DocumentState, generation: number): Promise<Linted> | undefined {
    const previous = state.outcome;
    if (!previous || previous.version !== document.version || previous.generation < this.configFilesChangedAt) return undefined;
    return this.session.settings.for(document.uri).then((settings) => {
      if (!sameSettings(settings, previous.settings)) return this.lintVersion(document, state, generation);
      if (generation === this.generation && state.outcome === previous) previous.generation = generation;
      return previous;
    });
  }

  /** The newest outcome of the document, unless a newer version, a configuration change or a close made this one stale. */
  isCurrent(state: DocumentState, outcome: LintOutcome): boolean {
    return state.outcome === outcome && outcome.generation === this.generation && this.session.store.isCurrent(state, outcome.version);
  }

  /**
   * Asks about the current version of the document where its tree lives, linting it first if
   * need be. Undefined when the document is not linted (not a SOR file, disabled, ignored, or
   * the core failed on it).
   */
  async ask<F extends Query['feature']>(uri: string, query: Extract<Query, { feature: F }>, token?: CancellationToken): Promise<Answers[F] | undefined> {
    for (;;) {
      const document = this.session.store.get(uri);
      if (!document) return undefined;
      const outcome = await RequestGuard.race(this.outcomeFor(document), token);
      const current = this.session.store.get(uri)?.version;
      // A newer version arrived meanwhile: ask about that one.
      if (outcome === 'superseded' || (outcome !== 'skip' && outcome.version !== current)) {
        if (current === undefined) return undefined;
        continue;
      }
      if (outcome === 'skip') return undefined;
      const answer = await RequestGuard.race(this.session.runner.query(uri, outcome.version, query, token), token);
      if (answer !== undefined || this.session.store.get(uri)?.version === outcome.version) return answer;
    }
  }

  private async lintVersion(document: TextDocument, state: DocumentState, generation: number): Promise<Linted> {
    const { session } = this;
    const { uri, version } = document;
    if (!isSorDocument(uri, document.languageId, document.getText())) return 'skip';
    const settings = await session.settings.for(uri);
    if (!settings.enable) return 'skip';
    if (!session.store.isCurrent(state, version)) return 'superseded';
    const job: LintJob = {
      uri,
      version,
      text: document.getText(),
      language: dataLanguageOf(uri, document.languageId),
      settings,
      context: { clientLocale: session.client.locale, workspaceFolder: session.client.workspaceFolder },
      today: session.client.options.today,
      notesInLens: showsCodeLenses(session.client),
    };
    const computation = await session.runner.run(job);
    // Even a lint made stale changed the index: the other files it touched show that.
    partnersChanged(session, computation?.partners);
    // Only a lint of the version the editor has now, of the document still open, is worth showing.
    if (!computation || !session.store.isCurrent(state, version)) return 'superseded';
    for (const line of computation.logs) session.connection.console.error(`sor-lint: ${line}`);
    if (computation.ignored) return 'skip';
    const outcome = this.toOutcome(uri, version, settings, computation, generation);
    if (generation === this.generation) state.outcome = outcome;
    return outcome;
  }

  private toOutcome(uri: string, version: number, settings: Settings, computation: LintComputation, generation: number): LintOutcome {
    const { session } = this;
    const { lang, failures, configError, crash, diagnosticCount } = computation;
    const failed = failures ?? [];
    for (const failure of failed) session.connection.console.error(`sor-lint: rule ${failure.ruleId} failed on ${uri}: ${failure.detail}`);
    const lintMs = Math.round(computation.elapsed);
    let status: LintOutcome['status'];
    if (crash) status = { lintMs, state: 'error', message: texts.lintCrashed(crash)[lang] };
    else if (failed.length > 0) status = { lintMs, state: 'error', message: texts.statusRuleFailed(failed.map((f) => f.ruleId))[lang] };
    else if (configError) status = { lintMs, state: 'error', message: texts.configError(configError)[lang] };
    else if (computation.elapsed > settings.lintTimeBudgetMs) status = { lintMs, state: 'slow', message: texts.statusSlow(lintMs, settings.lintTimeBudgetMs)[lang] };
    else status = { lintMs, state: 'ok', message: texts.statusOk(diagnosticCount, lintMs)[lang] };
    const verifier = crash ? undefined : session.addressLookup.verifierFor(settings.addresses, computation.addresses, lang);
    const outcome: LintOutcome = {
      version,
      generation,
      settings,
      revision: this.nextRevision(),
      computation,
      online: undefined,
      lang,
      diagnostics: new RawJson(computation.diagnostics),
      diagnosticCount,
      status,
      verifier,
      lookups: verifier ? 'checking' : 'off',
      lookupStarted: false,
    };
    sendStatus(session, uri, outcome);
    return outcome;
  }
}
