import type { MessagePort } from 'node:worker_threads';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { keywardenData, publishedDiagnostic } from '../code-actions';
import { toDiagnostics } from '../diagnostics';
import { fileKeyInventory, type FileKeyInventory } from '../key-inventory';
import { idleScavenger } from './idle-scavenge';
import type { FromWorker, JobResults, LintDetails, LintJob, ToWorker, WorkerJob } from './lint-messages';
import { LinterHost, type LintOutcome } from './linter-host';

/**
 * The lint worker: it owns the ESLint `Linter` and the parsed files, so the
 * server's main thread stays free to answer hovers, code actions and
 * cancellation while a big file or a workspace scan is linted. Jobs arrive one
 * at a time; the main thread queues them, coalesces and drops stale ones.
 */
export function runLintWorker(port: MessagePort): void {
  const post = (message: FromWorker) => port.postMessage(message);
  const worker = new LintWorkerState(new LinterHost((message) => post({ id: -1, kind: 'log', message })));
  const scavenge = idleScavenger();
  port.on('message', ({ id, job }: ToWorker) => {
    try {
      post({ id, kind: 'result', result: worker.run(job) });
      const details = worker.takeDetails();
      if (details) post({ id, kind: 'details', details });
    } catch (error) {
      post({ id, kind: 'error', message: error instanceof Error ? error.message.split('\n')[0].slice(0, 200) : String(error) });
    }
    // Results are on their way: finish the job (its key inventory), let go of its
    // parse, and collect its garbage now rather than in the middle of the next lint.
    worker.finishJob();
    scavenge?.();
  });
}

/** What the worker does with each job; also used in-process when no worker can be started. */
export class LintWorkerState {
  /** The key inventory of each open document's last lint, made once its diagnostics were posted (see finishJob). */
  private readonly inventories = new Map<string, { version: number; keys: FileKeyInventory }>();
  /** The last lint of an open document, until finishJob takes its inventory and lets go of its parse. */
  private unfinished: { uri: string; document: TextDocument; outcome: LintOutcome } | null = null;
  /** The file name each open document was linted under (its kept parse is dropped when it closes). */
  private readonly fileNames = new Map<string, string>();
  /** The edits of the last lint, until taken (see LintDetails). */
  private details: LintDetails | null = null;

  constructor(private readonly host: LinterHost) {}

  /** The edits of the lint `run` just did (null after any other job); they are handed out once. */
  takeDetails(): LintDetails | null {
    const details = this.details;
    this.details = null;
    return details;
  }

  run(job: WorkerJob): JobResults[keyof JobResults] {
    this.details = null;
    switch (job.kind) {
      case 'lint':
        return this.lint(job);
      case 'fixAll': {
        const { output, fixed } = this.host.fixAll(job);
        return fixed && output !== job.text ? output : null;
      }
      case 'keys': {
        const held = this.inventories.get(job.uri);
        return held && held.version === job.version ? held.keys : null;
      }
      case 'forget': {
        this.inventories.delete(job.uri);
        const fileName = this.fileNames.get(job.uri);
        this.fileNames.delete(job.uri);
        if (fileName !== undefined) this.host.forget(fileName);
        return null;
      }
    }
  }

  /**
   * Called once a job's results are posted, while the editor shows them. An
   * open document's key inventory is made now, out of the typing latency (2 ms
   * for 2,000 lines), so the worker need not keep every open document's parsed
   * file (its scopes, tokens and traversal steps, some 10 MB for 2,000 lines)
   * until the inventory is asked for: only the last lint's stays, held by
   * ESLint's `Linter` until the next one. (A new `Linter` per lint would free
   * that one too, but cost the server 30–70 ms more CPU per 2,000-line lint in
   * A/B runs.) The kept statements of the incremental parse are cut from their
   * Program, which keywarden's caches are keyed by.
   */
  finishJob(): void {
    const unfinished = this.unfinished;
    this.unfinished = null;
    if (unfinished) {
      const { uri, document, outcome } = unfinished;
      this.inventories.set(uri, { version: document.version, keys: fileKeyInventory(document, outcome) });
    }
    this.host.incrementalParser.detachKeptStatements();
  }

  private lint(job: LintJob): JobResults['lint'] {
    // Open documents are typed in: their next lint re-parses only what changed.
    const incremental = job.keys === 'lazy';
    if (incremental) this.fileNames.set(job.uri, job.fileName);
    const outcome = this.host.lint({ ...job, incremental });
    const document = TextDocument.create(job.uri, job.languageId, job.version, job.text);
    const complete = toDiagnostics(document, outcome);
    const diagnostics = complete.map(publishedDiagnostic);
    this.details = complete.map(keywardenData);
    const result: JobResults['lint'] = { diagnostics, findings: diagnostics.filter((d) => d.code !== undefined).length, lintMs: outcome.lintMs };
    if (job.keys === 'eager') result.keys = fileKeyInventory(document, outcome);
    else this.unfinished = { uri: job.uri, document, outcome };
    return result;
  }
}
