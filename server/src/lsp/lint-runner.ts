// Lints run in a worker thread, so the server keeps reading keystrokes (and answering hovers)
// while a big file is linted, and a lint made stale by a newer version is stopped, not awaited.
// The worker keeps what it built (kept-lints.ts), and every question that needs a syntax tree
// goes to it too. The worker is this same bundle started again; it only serves these messages.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { CancellationToken } from 'vscode-languageserver';
import type { Answers, Query, QueryReply, ToWorker } from './kept-lints.js';
import { answer, forget, lintAndKeep } from './kept-lints.js';
import type { LintComputation, LintJob } from './lint-job.js';
import type { WorkspaceReplies, WorkspaceWork } from './workspace-index.js';
import { workspace } from './workspace-index.js';

const WORKER_FLAG = 'sorLintWorker';
/**
 * A stale lint of a text this long is stopped (the worker restarted) rather than awaited;
 * a shorter one finishes sooner than a worker starts.
 */
const STOP_STALE_ABOVE_CHARS = 100_000;

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
  return message.kind === 'lint' ? lintAndKeep(message.job) : answer(message);
}

type WorkspaceReply = WorkspaceReplies[keyof WorkspaceReplies];

type Work =
  | { kind: 'lint'; job: LintJob; resolve(outcome: LintComputation | undefined): void }
  | { kind: 'query'; uri: string; version: number; query: Query; token: CancellationToken | undefined; resolve(reply: QueryReply | undefined): void }
  /** The workspace index's work (workspace-index.ts) waits while a lint or a query is queued. */
  | { kind: 'workspace'; work: WorkspaceWork; resolve(reply: WorkspaceReply | undefined): void };

export class LintRunner {
  private worker: Worker | undefined;
  private running: Work | undefined;
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

  constructor(
    private readonly scriptPath: string | undefined,
    private readonly log: (message: string) => void,
  ) {
    this.inline = !scriptPath;
  }

  /** Resolves with the lint, or undefined when a newer version of the document came first. */
  run(job: LintJob): Promise<LintComputation | undefined> {
    return new Promise((resolve) => {
      this.dropQueuedLints(job.uri);
      this.queue.push({ kind: 'lint', job, resolve });
      const running = this.running;
      if (running?.kind === 'lint' && running.job.uri === job.uri && running.job.version < job.version && running.job.text.length > STOP_STALE_ABOVE_CHARS) this.stopRunning();
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
    if (running?.kind === 'lint' && running.job.uri === uri && running.job.text.length > STOP_STALE_ABOVE_CHARS && !this.inline) {
      this.stopRunning();
      this.pump();
    }
    if (this.inline) forget(uri);
    else this.worker?.postMessage({ kind: 'forget', uri } satisfies ToWorker);
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
    let work: Work | undefined;
    while ((work = this.next())) {
      // A request cancelled while it waited costs nothing.
      if (work.kind === 'query' && work.token?.isCancellationRequested) work.resolve(undefined);
      else break;
    }
    if (!work) return;
    this.running = work;
    const message = this.messageOf(work);
    if (this.inline) {
      void serve(message).then((reply) => this.finish(work, reply));
      return;
    }
    this.ensureWorker().postMessage(message);
  }

  /** Lints and queries first: the editor waits for those, the index does not. */
  private next(): Work | undefined {
    const urgent = this.queue.findIndex((work) => work.kind !== 'workspace');
    return this.queue.splice(urgent < 0 ? 0 : urgent, 1)[0];
  }

  private messageOf(work: Work): Exclude<ToWorker, { kind: 'forget' }> {
    if (work.kind === 'lint') return { kind: 'lint', job: work.job };
    if (work.kind === 'workspace') return { kind: 'workspace', work: work.work };
    const last = this.lastJobs.get(work.uri);
    const rebuild = this.held.get(work.uri) !== work.version && last?.version === work.version ? last : undefined;
    return { kind: 'query', uri: work.uri, version: work.version, query: work.query, rebuild };
  }

  private finish(work: Work, reply: LintComputation | QueryReply | WorkspaceReply): void {
    if (this.running !== work) return;
    this.running = undefined;
    if (work.kind === 'workspace') {
      work.resolve(reply as WorkspaceReply);
    } else if (work.kind === 'lint') {
      this.lastJobs.set(work.job.uri, work.job);
      this.held.set(work.job.uri, work.job.version);
      work.resolve(reply as LintComputation);
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
    const relints: Work[] = [...this.lastJobs.values()].filter((job) => !queued.has(job.uri)).map((job) => ({ kind: 'lint', job, resolve: () => {} }));
    this.queue.unshift(...relints);
    this.onRestart();
  }

  /** A lint for an outdated version: stop the worker rather than wait for it. */
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
