// Lints run in a worker thread, so the server keeps reading keystrokes (and answering hovers)
// while a big file is linted, and a lint made stale by a newer version is stopped, not awaited.
// The worker is this same bundle started again; it only serves lint jobs.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { LintComputation, LintJob } from './lint-job.js';
import { computeLint } from './lint-job.js';

const WORKER_FLAG = 'sorLintWorker';
/**
 * A stale lint of a text this long is stopped (the worker restarted) rather than awaited;
 * a shorter one finishes sooner than a worker starts.
 */
const STOP_STALE_ABOVE_CHARS = 100_000;

/** True inside the lint worker: the bundle's entry point must not start a server there. */
export const insideLintWorker = !isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG] === true;

if (insideLintWorker) {
  parentPort!.on('message', (job: LintJob) => {
    void computeLint(job).then((outcome) => parentPort!.postMessage(outcome));
  });
}

interface Pending {
  job: LintJob;
  /** Undefined when a newer version superseded the job. */
  resolve(outcome: LintComputation | undefined): void;
}

export class LintRunner {
  private worker: Worker | undefined;
  private running: Pending | undefined;
  private readonly queue = new Map<string, Pending>();
  /** Set when the worker cannot run here: lints then run inline. */
  private inline = false;

  constructor(
    private readonly scriptPath: string | undefined,
    private readonly log: (message: string) => void,
  ) {
    this.inline = !scriptPath;
  }

  /** Resolves with the lint, or undefined when a newer version of the document came first. */
  run(job: LintJob): Promise<LintComputation | undefined> {
    return new Promise((resolve) => {
      this.queue.get(job.uri)?.resolve(undefined);
      this.queue.set(job.uri, { job, resolve });
      const running = this.running?.job;
      if (running?.uri === job.uri && running.version < job.version && running.text.length > STOP_STALE_ABOVE_CHARS) this.stopRunning();
      this.pump();
    });
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private pump(): void {
    if (this.running) return;
    const next = this.queue.values().next();
    if (next.done) return;
    const pending = next.value;
    this.queue.delete(pending.job.uri);
    this.running = pending;
    if (this.inline) {
      void computeLint(pending.job).then((outcome) => this.finish(pending, outcome));
      return;
    }
    this.ensureWorker().postMessage(pending.job);
  }

  private finish(pending: Pending, outcome: LintComputation | undefined): void {
    if (this.running !== pending) return;
    this.running = undefined;
    pending.resolve(outcome);
    this.pump();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    // The CLI bundle's entry reads argv: `--stdio` sends it to runLanguageServer, which returns at once.
    const worker = new Worker(this.scriptPath!, { workerData: { [WORKER_FLAG]: true }, argv: ['--stdio'], stdout: true, stderr: true });
    // The worker must never write into the LSP stream; what it prints goes to the log.
    worker.stdout.resume();
    worker.stderr.on('data', (chunk: Buffer) => this.log(`lint worker: ${String(chunk).trimEnd()}`));
    worker.on('message', (outcome: LintComputation) => this.running && this.finish(this.running, outcome));
    worker.on('error', (error) => this.workerFailed(worker, `lint worker failed: ${error.stack ?? error.message}`));
    worker.on('exit', (code) => this.workerFailed(worker, `lint worker exited with code ${code}`));
    this.worker = worker;
    return worker;
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

  /** The worker died on its own: lint inline from now on, redoing the job it held. */
  private workerFailed(worker: Worker, reason: string): void {
    if (this.worker !== worker) return;
    this.log(`${reason}; linting in the server process from now on`);
    this.worker = undefined;
    this.inline = true;
    const lost = this.running;
    this.running = undefined;
    if (lost && this.queue.has(lost.job.uri)) lost.resolve(undefined);
    else if (lost) this.queue.set(lost.job.uri, lost);
    this.pump();
  }
}
