import type { Diagnostic } from 'vscode-languageserver';
import type { KeywardenDiagnosticData } from '../../shared/protocol';
import type { FileKeyInventory } from '../key-inventory';
import type { LintRequest } from './linter-host';

/** Messages between the server's main thread and its lint worker (plain data: they are structured-cloned). */

export interface LintJob extends LintRequest {
  kind: 'lint';
  uri: string;
  languageId: string;
  /** Document version; -1 for a file read from disk. */
  version: number;
  /**
   * `eager`: collect the key inventory at once and send it with the results
   * (scanned files). `lazy`: collect it once the results are posted and keep it
   * until asked for (open documents), so the inventory pass stays out of the
   * typing latency.
   */
  keys: 'eager' | 'lazy';
}

export interface FixAllJob extends LintRequest {
  kind: 'fixAll';
}

/** The key inventory of the last lazily linted version of a document. */
export interface KeysJob {
  kind: 'keys';
  uri: string;
  version: number;
}

/** The document was closed: drop its parsed file. */
export interface ForgetJob {
  kind: 'forget';
  uri: string;
}

export type WorkerJob = LintJob | FixAllJob | KeysJob | ForgetJob;

export interface LintJobResult {
  /** As published: each keywarden diagnostic's data is a reference (PublishedDiagnosticData). */
  diagnostics: Diagnostic[];
  findings: number;
  lintMs: number;
  /** Present for `keys: 'eager'`. */
  keys?: FileKeyInventory;
}

/** What each job kind answers. `keys` is `null` when that version is no longer held. */
export interface JobResults {
  lint: LintJobResult;
  fixAll: string | null;
  keys: FileKeyInventory | null;
  forget: null;
}

export type ToWorker = { id: number; job: WorkerJob };

/**
 * The edits of a lint's diagnostics (KeywardenDiagnosticData, by index; null
 * for a parse error). The worker posts them in a second message right after
 * the lint result, so the diagnostics are published without waiting for
 * megabytes of edit text (an envelope rewrite can span most of the file) to be
 * copied between the threads; code actions wait for them.
 */
export type LintDetails = (KeywardenDiagnosticData | null)[];

export type FromWorker =
  | { id: number; kind: 'result'; result: JobResults[keyof JobResults] }
  | { id: number; kind: 'details'; details: LintDetails }
  | { id: number; kind: 'error'; message: string }
  | { id: -1; kind: 'log'; message: string };
