import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { TextDocument as Documents } from 'vscode-languageserver-textdocument';
import type { KeywardenSettings } from '../shared/protocol';
import type { FileKeyInventory } from './key-inventory';
import { lintFileName } from './lint/languages';
import type { LintRequest } from './lint/linter-host';
import type { LintDetails, LintJob } from './lint/lint-messages';
import type { LintPool, Priority } from './lint/lint-pool';
import { PolicyResolver } from './policy';
import { uriToPath, type WorkspaceContext } from './workspace-context';

export interface FileLintResult {
  uri: string;
  /** Document version linted; -1 for a file read from disk. */
  version: number;
  /** As published: keywarden diagnostics carry a reference (PublishedDiagnosticData) in `data`. */
  diagnostics: Diagnostic[];
  /** Their edits (KeywardenDiagnosticData by index), which arrive just after; null if they never will. */
  details: Promise<LintDetails | null>;
  /** keywarden findings (diagnostics with a rule id). */
  findings: number;
  lintMs: number;
  /** The file's keys; computed on first use (open documents) or at once (scanned files, whose AST is not kept). */
  keys: () => Promise<FileKeyInventory>;
}

/** What `lint` answers when a newer lint of the same document (or a cancellation) made this one pointless. */
export const SUPERSEDED = Symbol('superseded');

/**
 * Lints one text the way the editor shows it: the settings and policy that
 * apply to its location, keywarden's rules, diagnostics with edits for this
 * version. The work runs on the lint worker (see LintPool); this side only
 * resolves settings and policy, which need the workspace.
 */
export class LintService {
  private readonly policies = new PolicyResolver();
  private readonly reportedPolicyErrors = new Set<string>();

  constructor(
    private readonly workspace: WorkspaceContext,
    readonly pool: LintPool,
    private readonly log: (message: string) => void,
  ) {}

  /**
   * `null` when the document is not JavaScript/TypeScript or keywarden is
   * disabled for it. Open documents (`interactive`) get their inventory made
   * by the worker once the diagnostics are out, kept there until asked for;
   * scanned files (`background`) get theirs with the results.
   */
  async lint(document: TextDocument, settings: KeywardenSettings, priority: Priority): Promise<FileLintResult | null | typeof SUPERSEDED> {
    const request = this.request(document, settings);
    if (!request) return null;
    const eager = priority === 'background';
    const { uri, version, languageId } = document;
    const job = { ...request, kind: 'lint' as const, uri, version, languageId };
    const linted = await this.pool.lint({ ...job, keys: eager ? 'eager' : 'lazy' }, priority, uri);
    if (!linted) return SUPERSEDED;
    const { result, details } = linted;
    const eagerKeys = result.keys ?? [];
    let lazyKeys: Promise<FileKeyInventory> | null = null;
    return {
      uri,
      version,
      diagnostics: result.diagnostics,
      details,
      findings: result.findings,
      lintMs: result.lintMs,
      keys: eager
        ? () => Promise.resolve(eagerKeys)
        : () => (lazyKeys ??= this.lazyKeys(job)),
    };
  }

  /**
   * An open document's keys as the worker made them after its lint; when the
   * worker no longer holds them (it was restarted to stop a stale lint of
   * another document), the same text is linted again for its inventory.
   */
  private async lazyKeys(job: Omit<LintJob, 'keys'>): Promise<FileKeyInventory> {
    const held = await this.pool.run({ kind: 'keys', uri: job.uri, version: job.version }, 'interactive');
    if (held) return held;
    return (await this.pool.run({ ...job, keys: 'eager' }, 'interactive'))?.keys ?? [];
  }

  /** The document was closed: the worker drops its parsed file. */
  forget(uri: string): void {
    void this.pool.run({ kind: 'forget', uri }, 'background');
  }

  /** The text with every keywarden autofix applied, or `null` when nothing changes. */
  async fixAll(document: TextDocument, settings: KeywardenSettings): Promise<string | null> {
    const request = this.request(document, settings);
    if (!request) return null;
    return (await this.pool.run({ ...request, kind: 'fixAll' }, 'interactive')) ?? null;
  }

  private request(document: TextDocument, settings: KeywardenSettings): LintRequest | null {
    if (!settings.enable) return null;
    const filePath = uriToPath(document.uri);
    const fileName = lintFileName(filePath, document.languageId);
    if (!fileName) return null;
    const lookup = this.policies.resolve(filePath, this.workspace.folderOf(filePath), settings.policyFile);
    if (lookup.error && !this.reportedPolicyErrors.has(lookup.error)) {
      this.reportedPolicyErrors.add(lookup.error);
      this.log(`keywarden: ${lookup.error}; linting without a policy`);
    }
    return { text: document.getText(), fileName, settings, policy: lookup.policy };
  }
}

/** A TextDocument for a file read from disk (workspace scan). */
export function diskDocument(uri: string, text: string): TextDocument {
  return Documents.create(uri, 'plaintext', -1, text);
}
