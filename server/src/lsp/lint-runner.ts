// Lints run in a worker thread, so the server keeps reading keystrokes (and answering hovers)
// while a big file is linted. At most one version of a document waits, the newest; a lint made
// stale by a newer version skips building its diagnostics, and questions go before the lints
// waiting. The worker keeps what it built (kept-lints.ts), and every question that needs a syntax
// tree goes to it too. The worker is this same bundle started again; it only serves these messages.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { CancellationToken } from 'vscode-languageserver';
import type { Answers, Query, QueryReply, ToWorker } from './kept-lints.js';
import { answer, forget, lintAndKeep } from './kept-lints.js';
import type { LintComputation, LintJob } from './lint-job.js';
import type { WorkspaceReplies, WorkspaceWork } from './workspace-index.js';
import { workspace } from './workspace-index.js';

const WORKER_FLAG = 'sorLintWorker';
/**
 * Stopping a stale lint means a new worker (about 100 ms to start here), whose first lint is cold:
 * twice a warm one on the 10,000-unit file, measured here. So the newer version waits less for a
 * stale lint to end than for a new worker, unless that stale lint is itself a worker's cold first
 * one with more than a warm lint still to go; then it is stopped.
 */
const WORKER_START_MS = 100;
const COLD_LINT_FACTOR = 2;
/** A document not linted yet: a warm lint reads about this many characters a millisecond. */
const CHARS_PER_MS = 10_000;
/**
 * The lint of a closed document, which nobody waits for, is stopped when its text is this long, so
 * the other documents do not wait behind it; a shorter one ends sooner than a worker starts.
 */
const STOP_CLOSED_ABOVE_CHARS = 100_000;

/** True inside the lint worker: the bundle's entry point must not start a server there. */
export const insideLintWorker = !isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG] === true;

if (insideLintWorker) {
  parentPort!.on('message', (message: ToWorker) => {
    if (message.kind === 'forget') forget(message.uri);
    else void serve(message).then((reply) => parentPort!.postMessage(reply));
  });
}

function serve(message: Exclude<ToWorker, { kind: 'forget' }>): Promise<LintComputation | QueryReply | WorkspaceReply> {
  if (message.kind === 'workspace') return Promise.resolve(workspace.serve(message.work));
  if (message.kind !== 'lint') return answer(message);
  const stale = message.stale;
  return lintAndKeep(message.job, () => Atomics.load(stale, 0) === 1);
}

type WorkspaceReply = WorkspaceReplies[keyof WorkspaceReplies];

type Work =
  /** `stale`: shared with the worker, set to 1 once a newer version of the document came. */
  | { kind: 'lint'; job: LintJob; stale: Int32Array; resolve(outcome: LintComputation | undefined): void }
  | { kind: 'query'; uri: string; version: number; query: Query; token: CancellationToken | undefined; resolve(reply: QueryReply | undefined): void }
  /** The workspace index's work (workspace-index.ts) waits while a lint or a query is queued. */
  | { kind: 'workspace'; work: WorkspaceWork; resolve(reply: WorkspaceReply | undefined): void };

/** A lint to queue, with the stale flag it shares with the worker. */
function lintWork(job: LintJob, resolve: (outcome: LintComputation | undefined) => void): Extract<Work, { kind: 'lint' }> {
  return { kind: 'lint', job, stale: new Int32Array(new SharedArrayBuffer(4)), resolve };
}

export class LintRunner {
  private worker: Worker | undefined;
  private running: Work | undefined;
  private runningSince = 0;
  /** The lints the current worker ran: its first one is cold. */
  private workerLints = 0;
  private queue: Work[] = [];
  /** Set when the worker cannot run here: lints then run inline. */
  private inline = false;
  /** The last lint job finished for each document, and the version the worker holds of it. */
  private readonly lastJobs = new Map<string, LintJob>();
  private readonly held = new Map<string, number>();
  /** A worker ran before: a new one (or the inline fallback) starts empty and is given back what that one held. */
  private started = false;
  /** Called when a new holder starts empty after the first: the workspace index is read again. */
  onRestart: () => void = () => {};
  /** How long each document's last lint took. */
  private readonly lintMs = new Map<string, number>();

  /** `trace`: what the runner does, for a client that asked for the server's trace. */
  constructor(
    private readonly scriptPath: string | undefined,
    private readonly log: (message: string) => void,
    private readonly trace: (message: string) => void = () => {},
  ) {
    this.inline = !scriptPath;
  }

  /**
   * Starts the worker before the first lint needs it, so that its loading the bundle overlaps the
   * client's handshake and its opening of documents.
   */
  prepare(): void {
    if (!this.inline) this.ensureWorker();
  }

  /** Resolves with the lint, or undefined when a newer version of the document came first. */
  run(job: LintJob): Promise<LintComputation | undefined> {
    return new Promise((resolve) => {
      this.dropQueuedLints(job.uri);
      this.queue.push(lintWork(job, resolve));
      const running = this.running;
      if (running?.kind === 'lint' && running.job.uri === job.uri && running.job.version < job.version) this.outdated(running);
      this.pump();
    });
  }

  /**
   * Asks the worker about a version of a document that was linted (run() resolved for it).
   * Undefined when that version is gone (closed, or a newer one linted) or the token cancelled it first.
   */
  async query<F extends Query['feature']>(uri: string, version: number, query: Extract<Query, { feature: F }>, token?: CancellationToken): Promise<Answers[F] | undefined> {
    const reply = await new Promise<QueryReply | undefined>((resolve) => {
      this.queue.push({ kind: 'query', uri, version, query, token, resolve });
      this.pump();
    });
    return reply && 'answer' in reply ? (reply.answer as Answers[F]) : undefined;
  }

  /** Work for the worker's workspace index (workspace-index.ts), done when no lint or query waits. */
  workspace<K extends WorkspaceWork['kind']>(work: Extract<WorkspaceWork, { kind: K }>): Promise<WorkspaceReplies[K] | undefined> {
    return new Promise((resolve) => {
      this.queue.push({ kind: 'workspace', work, resolve: resolve as (reply: WorkspaceReply | undefined) => void });
      this.pump();
    });
  }

  /** The document closed: the worker lets go of its trees, and a long lint of it is stopped. */
  forget(uri: string): void {
    this.lastJobs.delete(uri);
    this.held.delete(uri);
    this.dropQueuedLints(uri);
    const running = this.running;
    if (running?.kind === 'lint' && running.job.uri === uri) {
      Atomics.store(running.stale, 0, 1);
      if (!this.inline && running.job.text.length > STOP_CLOSED_ABOVE_CHARS) {
        this.trace(`stopped the lint of ${uri} v${running.job.version}: the document closed`);
        this.stopRunning();
        this.pump();
      }
    }
    this.lintMs.delete(uri);
    if (this.inline) forget(uri);
    else this.worker?.postMessage({ kind: 'forget', uri } satisfies ToWorker);
  }

  /** A newer version came: the running lint builds no diagnostics, and is stopped if a new worker would be done sooner. */
  private outdated(running: Extract<Work, { kind: 'lint' }>): void {
    Atomics.store(running.stale, 0, 1);
    if (this.inline || this.workerLints > 1) return;
    const { uri, version, text } = running.job;
    const warm = this.lintMs.get(uri) ?? text.length / CHARS_PER_MS;
    const remaining = COLD_LINT_FACTOR * warm - (performance.now() - this.runningSince);
    // Waiting costs what remains and a warm lint; stopping, a start and a cold lint.
    if (remaining <= WORKER_START_MS + (COLD_LINT_FACTOR - 1) * warm) return;
    this.trace(`stopped the lint of ${uri} v${version}: a newer version came early in a cold lint`);
    this.stopRunning();
  }

  private dropQueuedLints(uri: string): void {
    this.queue = this.queue.filter((work) => {
      if (work.kind !== 'lint' || work.job.uri !== uri) return true;
      work.resolve(undefined);
      return false;
    });
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private pump(): void {
    if (this.running) return;
    // A request cancelled while it waited costs nothing.
    this.queue = this.queue.filter((work) => {
      if (work.kind !== 'query' || !work.token?.isCancellationRequested) return true;
      work.resolve(undefined);
      return false;
    });
    const work = this.next();
    if (!work) return;
    this.running = work;
    this.runningSince = performance.now();
    if (work.kind === 'lint') this.trace(`linting ${work.job.uri} v${work.job.version}`);
    if (work.kind === 'workspace' && work.work.kind === 'read') this.trace(`reading up to ${work.work.paths.length} files of the workspace`);
    const message = this.messageOf(work);
    if (this.inline) {
      void serve(message).then((reply) => this.finish(work, reply));
      return;
    }
    const worker = this.ensureWorker();
    if (work.kind === 'lint') this.workerLints++;
    worker.postMessage(message);
  }

  /**
   * A question first (it takes milliseconds), then a lint, then the workspace index's work: the
   * editor waits for the first two, nobody waits for the index.
   */
  private next(): Work | undefined {
    let at = this.queue.findIndex((work) => work.kind === 'query');
    if (at < 0) at = this.queue.findIndex((work) => work.kind === 'lint');
    return this.queue.splice(Math.max(0, at), 1)[0];
  }

  private messageOf(work: Work): Exclude<ToWorker, { kind: 'forget' }> {
    if (work.kind === 'lint') return { kind: 'lint', job: work.job, stale: work.stale };
    if (work.kind === 'workspace') return { kind: 'workspace', work: work.work };
    const last = this.lastJobs.get(work.uri);
    const rebuild = this.held.get(work.uri) !== work.version && last?.version === work.version ? last : undefined;
    return { kind: 'query', uri: work.uri, version: work.version, query: work.query, rebuild };
  }

  private finish(work: Work, reply: LintComputation | QueryReply | WorkspaceReply): void {
    if (this.running !== work) return;
    this.running = undefined;
    if (work.kind === 'workspace') {
      if (work.work.kind === 'read') this.trace(`read ${(reply as WorkspaceReplies['read']).read} files of the workspace`);
      work.resolve(reply as WorkspaceReply);
    } else if (work.kind === 'lint') {
      const computation = reply as LintComputation;
      const { uri, version } = work.job;
      this.lastJobs.set(uri, work.job);
      this.held.set(uri, version);
      this.lintMs.set(uri, computation.elapsed);
      this.trace(`linted ${uri} v${version} in ${Math.round(computation.elapsed)} ms${Atomics.load(work.stale, 0) === 1 ? ', stale: no diagnostics built' : ''}`);
      work.resolve(computation);
    } else {
      if ('answer' in reply) this.held.set(work.uri, work.version);
      work.resolve(reply as QueryReply);
    }
    this.pump();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    // The CLI bundle's entry reads argv: `--stdio` sends it to runLanguageServer, which returns at once.
    const worker = new Worker(this.scriptPath!, { workerData: { [WORKER_FLAG]: true }, argv: ['--stdio'], stdout: true, stderr: true });
    // The worker must never write into the LSP stream; what it prints goes to the log.
    worker.stdout.resume();
    worker.stderr.on('data', (chunk: Buffer) => this.log(`lint worker: ${String(chunk).trimEnd()}`));
    worker.on('message', (reply: LintComputation | QueryReply | WorkspaceReply) => this.running && this.finish(this.running, reply));
    worker.on('error', (error) => this.workerFailed(worker, `lint worker failed: ${error.stack ?? error.message}`));
    worker.on('exit', (code) => this.workerFailed(worker, `lint worker exited with code ${code}`));
    this.worker = worker;
    // A new worker holds nothing yet.
    this.held.clear();
    this.workerLints = 0;
    if (this.started) this.restore();
    this.started = true;
    return worker;
  }

  /**
   * The open documents' last lints again, so that the workspace index knows them (those with a
   * newer lint queued wait for it), and the workspace's files read again.
   */
  private restore(): void {
    const queued = new Set(this.queue.flatMap((work) => (work.kind === 'lint' ? [work.job.uri] : [])));
    const relints: Work[] = [...this.lastJobs.values()].filter((job) => !queued.has(job.uri)).map((job) => lintWork(job, () => {}));
    this.queue.unshift(...relints);
    this.onRestart();
  }

  /** A lint nobody waits for: stop the worker rather than wait for it. */
  private stopRunning(): void {
    const stale = this.running!;
    const worker = this.worker;
    this.worker = undefined;
    this.running = undefined;
    stale.resolve(undefined);
    if (worker) {
      worker.removeAllListeners('exit');
      worker.removeAllListeners('error');
      void worker.terminate();
    }
  }

  /** The worker died on its own: lint inline from now on, redoing the work it held. */
  private workerFailed(worker: Worker, reason: string): void {
    if (this.worker !== worker) return;
    this.log(`${reason}; linting in the server process from now on`);
    this.worker = undefined;
    this.inline = true;
    this.held.clear();
    const lost = this.running;
    this.running = undefined;
    const superseded = lost?.kind === 'lint' && this.queue.some((work) => work.kind === 'lint' && work.job.uri === lost.job.uri);
    if (lost && superseded) lost.resolve(undefined);
    else if (lost) this.queue.unshift(lost);
    this.restore();
    this.pump();
  }
}
