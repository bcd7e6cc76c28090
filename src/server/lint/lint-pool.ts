import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { FromWorker, JobResults, LintDetails, ToWorker, WorkerJob } from './lint-messages';
import { LINT_WORKER_YOUNG_GENERATION_MB } from './idle-scavenge';
import { LintWorkerState } from './lint-worker';
import { LinterHost } from './linter-host';

/** Marks the worker of a server bundle (the same file runs both threads). */
export const LINT_WORKER_FLAG = 'keywardenLintWorker';

export type Priority = 'interactive' | 'background';

interface Pending {
  id: number;
  job: WorkerJob;
  priority: Priority;
  /** Jobs with the same key supersede each other (one document's lints). */
  key?: string;
  startedAt?: number;
  /** For lint jobs: receives the promise of the edits that follow the result. */
  onDetails?: (details: Promise<LintDetails | null>) => void;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export interface LintPoolOptions {
  /** The module that, run in a worker thread, calls `runLintWorker` (the server entry); null lints in-process. */
  workerEntry: string | null;
  log(message: string): void;
  /** A superseded lint that has run this long is stopped by restarting the worker instead of waited for. */
  restartStaleAfterMs: number;
}

/**
 * Runs lint jobs on one worker thread, one at a time: the typing latency of the
 * open documents goes first (`interactive` before `background` scan files), a
 * new lint of a document drops its queued older one, and a superseded lint that
 * is still running after `restartStaleAfterMs` (a huge file) is really stopped:
 * the worker is terminated and a fresh one takes the queue. If no worker can be
 * started, jobs run in-process (the server still works, only less responsive).
 */
export class LintPool {
  private worker: Worker | null = null;
  private inProcess: LintWorkerState | null = null;
  private readonly queue: Pending[] = [];
  private running: Pending | null = null;
  private nextId = 1;
  /** Lints whose result arrived and whose edits (the worker's next message) have not, by job id. */
  private readonly awaitingDetails = new Map<number, (details: LintDetails | null) => void>();
  private disposed = false;
  private crashes = 0;
  /** Worker restarts so far (stale huge lints stopped, crashes). */
  restarts = 0;

  constructor(readonly options: LintPoolOptions) {}

  /** Resolves with the job's result, or `undefined` when a newer job with the same key superseded it or it was cancelled. */
  run<K extends WorkerJob['kind']>(
    job: WorkerJob & { kind: K },
    priority: Priority,
    key?: string,
    onDetails?: (details: Promise<LintDetails | null>) => void,
  ): Promise<JobResults[K] | undefined> {
    if (this.disposed) return Promise.resolve(undefined);
    if (key !== undefined) this.supersede(key);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, priority, key, resolve: resolve as (v: unknown) => void, reject, onDetails });
      this.dispatch();
    });
  }

  /**
   * A lint's result and, separately, its edits: the worker sends the result
   * first and the edits right after (LintDetails), so the caller can publish
   * before the edit text has crossed threads. `details` resolves null when the
   * edits never come (the worker was restarted or stopped meanwhile).
   */
  async lint(
    job: WorkerJob & { kind: 'lint' },
    priority: Priority,
    key?: string,
  ): Promise<{ result: JobResults['lint']; details: Promise<LintDetails | null> } | undefined> {
    let details: Promise<LintDetails | null> = Promise.resolve(null);
    const result = await this.run(job, priority, key, (promise) => (details = promise));
    return result && { result, details };
  }

  /** Starts the worker now (it loads ESLint, the parsers and the rules), so the first lint does not wait for that. */
  warmUp(): void {
    if (!this.disposed) this.ensureWorker();
  }

  /** Drops queued jobs that match (e.g. the rest of a cancelled scan); they resolve `undefined`. */
  cancelQueued(matches: (job: WorkerJob, priority: Priority) => boolean): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (matches(this.queue[i].job, this.queue[i].priority)) this.queue.splice(i, 1)[0].resolve(undefined);
    }
  }

  dispose(): void {
    this.disposed = true;
    this.cancelQueued(() => true);
    this.running?.resolve(undefined);
    this.running = null;
    this.dropAwaitedDetails();
    void this.worker?.terminate();
    this.worker = null;
  }

  private dropAwaitedDetails(): void {
    for (const resolve of this.awaitingDetails.values()) resolve(null);
    this.awaitingDetails.clear();
  }

  private supersede(key: string): void {
    for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i].key === key) this.queue.splice(i, 1)[0].resolve(undefined);
    const running = this.running;
    if (!running || running.key !== key || !this.worker) return;
    const ranMs = performance.now() - (running.startedAt ?? performance.now());
    if (ranMs < this.options.restartStaleAfterMs) return; // about to finish: its result is dropped by the caller
    this.options.log(`keywarden: a superseded lint ran ${Math.round(ranMs)} ms; restarting the lint worker to stop it`);
    this.restartWorker();
    running.resolve(undefined);
  }

  private restartWorker(): void {
    const worker = this.worker;
    this.worker = null;
    this.running = null;
    this.restarts++;
    this.dropAwaitedDetails();
    if (worker) {
      worker.removeAllListeners();
      void worker.terminate();
    }
  }

  private dispatch(): void {
    if (this.running || this.disposed) return;
    const index = this.queue.findIndex((p) => p.priority === 'interactive');
    const next = this.queue.splice(index >= 0 ? index : 0, 1)[0];
    if (!next) return;
    const worker = this.ensureWorker();
    if (!worker) {
      this.runInProcess(next);
      return;
    }
    this.running = next;
    next.startedAt = performance.now();
    worker.postMessage({ id: next.id, job: next.job } satisfies ToWorker);
  }

  private runInProcess(pending: Pending): void {
    this.inProcess ??= new LintWorkerState(new LinterHost(this.options.log));
    try {
      const result = this.inProcess.run(pending.job);
      pending.onDetails?.(Promise.resolve(this.inProcess.takeDetails()));
      pending.resolve(result);
    } catch (error) {
      pending.reject(error instanceof Error ? error : new Error(String(error)));
    }
    setImmediate(() => {
      this.inProcess?.finishJob();
      this.dispatch();
    });
  }

  private ensureWorker(): Worker | null {
    if (this.worker) return this.worker;
    if (!this.options.workerEntry) return null;
    let worker: Worker;
    try {
      // `eval` + `require`: the entry may be TypeScript run through tsx (tests), whose
      // require hook the worker inherits with the parent's execArgv.
      worker = new Worker(`require(${JSON.stringify(this.options.workerEntry)})`, {
        eval: true,
        workerData: { [LINT_WORKER_FLAG]: true },
        resourceLimits: { maxYoungGenerationSizeMb: LINT_WORKER_YOUNG_GENERATION_MB },
      });
    } catch (error) {
      this.options.log(`keywarden: no lint worker (${(error as Error).message}); linting on the main thread`);
      this.options.workerEntry = null;
      return null;
    }
    worker.on('message', (message: FromWorker) => this.received(worker, message));
    worker.on('error', (error) => this.crashed(worker, error));
    worker.on('exit', (code) => this.crashed(worker, new Error(`lint worker exited with code ${code}`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private received(worker: Worker, message: FromWorker): void {
    if (message.kind === 'log') {
      this.options.log(message.message);
      return;
    }
    if (message.kind === 'details') {
      if (worker !== this.worker) return;
      this.awaitingDetails.get(message.id)?.(message.details);
      this.awaitingDetails.delete(message.id);
      return;
    }
    const running = this.running;
    if (worker !== this.worker || !running || running.id !== message.id) return;
    this.running = null;
    if (message.kind === 'error') running.reject(new Error(message.message));
    else {
      if (running.onDetails) running.onDetails(new Promise((resolve) => this.awaitingDetails.set(running.id, resolve)));
      running.resolve(message.result);
    }
    this.dispatch();
  }

  private crashed(worker: Worker, error: Error): void {
    if (worker !== this.worker || this.disposed) return;
    this.options.log(`keywarden: lint worker stopped: ${error.message.split('\n')[0].slice(0, 200)}; starting a new one`);
    const running = this.running;
    this.restartWorker();
    // A worker that keeps dying (e.g. cannot load) is given up for in-process linting.
    if (++this.crashes >= 3) this.options.workerEntry = null;
    running?.reject(error);
    this.dispatch();
  }
}
