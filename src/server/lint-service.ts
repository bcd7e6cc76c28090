import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { KeywardenSettings } from '../shared/protocol';
import { toDiagnostics } from './diagnostics';
import { fileKeyInventory, type FileKeyInventory } from './key-inventory';
import { lintFileName } from './lint/languages';
import { LinterHost } from './lint/linter-host';
import { PolicyResolver } from './policy';
import { uriToPath, type WorkspaceContext } from './workspace-context';

export interface FileLintResult {
  uri: string;
  /** Document version linted; -1 for a file read from disk. */
  version: number;
  diagnostics: Diagnostic[];
  /** keywarden findings (diagnostics with a rule id). */
  findings: number;
  lintMs: number;
  /** The file's keys; computed on first use (open documents) or at once (scanned files, whose AST is not kept). */
  keys: () => FileKeyInventory;
}

/**
 * Lints one text the way the editor shows it: the settings and policy that
 * apply to its location, keywarden's rules, diagnostics with edits for this
 * version. Also collects the file's part of the key inventory.
 */
export class LintService {
  private readonly policies = new PolicyResolver();
  private readonly reportedPolicyErrors = new Set<string>();

  constructor(
    private readonly workspace: WorkspaceContext,
    readonly host: LinterHost,
    private readonly log: (message: string) => void,
  ) {}

  /**
   * `null` when the document is not JavaScript/TypeScript or keywarden is
   * disabled for it. `eagerKeys`: collect the key inventory now and drop the
   * AST; otherwise the AST is kept until the inventory is asked for, which
   * keeps the inventory pass out of the typing latency.
   */
  lint(document: TextDocument, settings: KeywardenSettings, eagerKeys = false): FileLintResult | null {
    const request = this.request(document, settings);
    if (!request) return null;
    const outcome = this.host.lint(request);
    const diagnostics = toDiagnostics(document, outcome);
    return {
      uri: document.uri,
      version: document.version,
      diagnostics,
      findings: diagnostics.filter((d) => d.code !== undefined).length,
      lintMs: outcome.lintMs,
      keys: eagerKeys ? constant(fileKeyInventory(document, outcome)) : memoize(() => fileKeyInventory(document, outcome)),
    };
  }

  /** The text with every keywarden autofix applied, or `null` when nothing changes. */
  fixAll(document: TextDocument, settings: KeywardenSettings): string | null {
    const request = this.request(document, settings);
    if (!request) return null;
    const { output, fixed } = this.host.fixAll(request);
    return fixed && output !== request.text ? output : null;
  }

  private request(document: TextDocument, settings: KeywardenSettings) {
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

function constant<T>(value: T): () => T {
  return () => value;
}

function memoize<T>(compute: () => T): () => T {
  let value: { v: T } | null = null;
  return () => (value ??= { v: compute() }).v;
}

/** A TextDocument for a file read from disk (workspace scan). */
export function diskDocument(uri: string, text: string): TextDocument {
  return TextDocument.create(uri, 'plaintext', -1, text);
}
