import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  WorkDoneProgressCancelNotification,
  WorkDoneProgressCreateRequest,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  KeyInventoryRequest,
  ScanWorkspaceRequest,
  ServerCommands,
  StatusNotification,
  type KeyInventoryEntry,
  type KeywardenDiagnosticData,
  type ScanResult,
  type ScanWorkspaceParams,
  type StatusParams,
} from '../shared/protocol';
import { FIX_ALL_KIND, fixAllAction, keywardenData, quickFixes, resolveData, withDetails } from './code-actions';
import { executeCommand } from './commands';
import { DocumentScheduler } from './document-scheduler';
import { envelopeCompanionEdits } from './envelope-edits';
import { hoverFor } from './hover';
import { mergeInventories } from './key-inventory';
import { LintPool } from './lint/lint-pool';
import { diskDocument, LintService, SUPERSEDED, type FileLintResult } from './lint-service';
import { readServerOptions, type ServerOptions } from './settings';
import { pathToUri, uriToPath, WorkspaceContext } from './workspace-context';
import { WorkspaceScanner } from './workspace-scan';

const WATCHED_GLOB = '**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}';

/**
 * The keywarden language server: lints open JavaScript/TypeScript documents
 * as they change, answers code actions, commands and hovers from the latest
 * lint, scans the workspace on request and keeps the key inventory.
 */
export class KeywardenServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly workspace: WorkspaceContext;
  private readonly lintService: LintService;
  private readonly scanner: WorkspaceScanner;
  /** The latest lint of every open document and every scanned file, by URI. */
  private readonly results = new Map<string, FileLintResult>();
  private options: ServerOptions = readServerOptions(undefined);
  private scheduler = new DocumentScheduler(this.options.debounceMs, (uri) => void this.lintOpenDocument(uri));
  private readonly cancelledProgress = new Set<string | number>();
  private canWatchFiles = false;
  private canCreateProgress = false;
  private canFollowFolders = false;
  /** LSP 3.18 snippet edits in WorkspaceEdits (the disable action's reason placeholder). */
  private canApplySnippetEdits = false;

  /** `workerEntry`: the module that runs the lint worker (the server entry itself); null lints on the main thread. */
  constructor(
    private readonly connection: Connection,
    workerEntry: string | null = null,
  ) {
    this.workspace = new WorkspaceContext(connection);
    const pool = new LintPool({ workerEntry, log: (m) => this.log(m), restartStaleAfterMs: this.options.restartStaleLintAfterMs });
    this.lintService = new LintService(this.workspace, pool, (m) => this.log(m));
    this.scanner = new WorkspaceScanner({
      excludeGlobs: (folder) => this.workspace.filesExclude(folder),
      lintFile: (filePath, text) => this.lintDiskFile(filePath, text),
      forgetFile: (filePath) => this.forget(pathToUri(filePath)),
      isOpen: (filePath) => this.documents.get(pathToUri(filePath)) !== undefined,
      maxFileBytes: this.options.maxFileBytes,
    });
  }

  listen(): void {
    const { connection } = this;
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => this.initialized());
    connection.onDidChangeConfiguration((change) => {
      this.workspace.configurationChanged(change.settings);
      for (const document of this.documents.all()) this.scheduler.schedule(document.uri, 0);
    });
    connection.onDidChangeWatchedFiles((params) =>
      this.guard('watched files', () =>
        this.scanner.filesChanged(
          params.changes
            .map((c) => ({ filePath: uriToPath(c.uri), deleted: c.type === FileChangeType.Deleted }))
            .filter((c): c is { filePath: string; deleted: boolean } => c.filePath !== null),
        ),
      ),
    );
    this.documents.onDidOpen((e) => this.scheduler.schedule(e.document.uri, 0));
    this.documents.onDidChangeContent((e) => this.scheduler.schedule(e.document.uri));
    this.documents.onDidClose((e) => this.closed(e.document.uri));
    connection.onCodeAction((params) => this.guard('code action', () => this.codeActions(params)) ?? []);
    connection.onExecuteCommand((params) => this.guard('command', () => this.command(params.command, params.arguments)));
    connection.onHover((params) =>
      this.guard('hover', async () => hoverFor((await this.completeDiagnostics(params.textDocument.uri))?.diagnostics ?? [], params.position)),
    );
    connection.onRequest(ScanWorkspaceRequest, (params: ScanWorkspaceParams | undefined, token: CancellationToken) =>
      this.scanWorkspace(params ?? {}, token),
    );
    connection.onRequest(KeyInventoryRequest, () => this.keyInventory());
    this.documents.listen(connection);
    connection.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    this.options = readServerOptions(params.initializationOptions);
    this.lintService.pool.options.restartStaleAfterMs = this.options.restartStaleLintAfterMs;
    this.lintService.pool.warmUp();
    this.scheduler.dispose();
    this.scheduler = new DocumentScheduler(this.options.debounceMs, (uri) => void this.lintOpenDocument(uri));
    this.workspace.setFolders(params.workspaceFolders, params.rootUri);
    this.workspace.canPullConfiguration = params.capabilities.workspace?.configuration === true;
    this.canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    this.canCreateProgress = params.capabilities.window?.workDoneProgress === true;
    this.canFollowFolders = params.capabilities.workspace?.workspaceFolders === true;
    const workspaceEdit = params.capabilities.workspace?.workspaceEdit as { documentChanges?: boolean; snippetEditSupport?: boolean } | undefined;
    this.canApplySnippetEdits = workspaceEdit?.documentChanges === true && workspaceEdit.snippetEditSupport === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        executeCommandProvider: { commands: Object.values(ServerCommands) },
        hoverProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'keywarden' },
    };
  }

  private initialized(): void {
    const { connection } = this;
    if (this.workspace.canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'keywarden' }).catch(() => undefined);
    }
    if (this.canWatchFiles) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCHED_GLOB }] })
        .catch(() => undefined);
    }
    if (this.canFollowFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(async () => {
        this.workspace.setFolders(await connection.workspace.getWorkspaceFolders());
      });
    }
    // Cancellation of a scan's progress notification, for tokens the client
    // passed (workDoneToken) as well as the ones the server created.
    connection.onNotification(WorkDoneProgressCancelNotification.type, (params) => this.cancelledProgress.add(params.token));
  }

  // ---- open documents ------------------------------------------------------

  private async lintOpenDocument(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    const version = document.version;
    await this.guard('lint', async () => {
      const settings = await this.workspace.settingsFor(uri);
      const current = this.documents.get(uri);
      if (!current || current.version !== version) return; // a newer change will lint again
      const result = await this.lintService.lint(current, settings, 'interactive');
      if (result === SUPERSEDED || this.documents.get(uri)?.version !== version) return; // stale: dropped
      if (!result) {
        this.forget(uri);
        return;
      }
      this.store(result);
      const status: StatusParams = { uri, findings: result.findings, lintMs: Math.round(result.lintMs * 10) / 10 };
      void this.connection.sendNotification(StatusNotification, status);
    });
  }

  private closed(uri: string): void {
    this.scheduler.cancel(uri);
    this.lintService.forget(uri);
    const filePath = uriToPath(uri);
    // A scanned file keeps showing its findings on disk; other files are cleared.
    if (filePath && this.scanner.inScannedFolder(filePath)) void this.guard('relint closed', () => this.scanner.lintFromDisk(filePath));
    else this.forget(uri);
  }

  // ---- files on disk -------------------------------------------------------

  private async lintDiskFile(filePath: string, text: string): Promise<number> {
    const uri = pathToUri(filePath);
    const settings = await this.workspace.settingsFor(uri);
    const result = await this.lintService.lint(diskDocument(uri, text), settings, 'background');
    if (result === SUPERSEDED) return 0;
    if (!result) {
      this.forget(uri);
      return 0;
    }
    this.store(result);
    return result.findings;
  }

  private store(result: FileLintResult): void {
    this.results.set(result.uri, result);
    void this.connection.sendDiagnostics({
      uri: result.uri,
      version: result.version >= 0 ? result.version : undefined,
      diagnostics: result.diagnostics,
    });
  }

  /** The latest lint of a document with the edits of its diagnostics (they arrive just after the diagnostics). */
  private async completeDiagnostics(uri: string): Promise<{ version: number; diagnostics: Diagnostic[] } | undefined> {
    const result = this.results.get(uri);
    if (!result) return undefined;
    return { version: result.version, diagnostics: withDetails(result.diagnostics, await result.details) };
  }

  private forget(uri: string): void {
    if (this.results.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  // ---- code actions, commands ---------------------------------------------

  private async codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    const document = this.documents.get(params.textDocument.uri);
    if (!document) return [];
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      const latest = await this.completeDiagnostics(document.uri);
      actions.push(
        ...quickFixes({
          document,
          diagnostics: params.context.diagnostics,
          dataOf: (d) => resolveData(d, latest?.diagnostics, latest?.version),
          hasAutofix: latest?.version === document.version && latest.diagnostics.some((d) => keywardenData(d)?.fix),
          envelopeCompanions: () => this.envelopeCompanions(document.uri),
          snippets: this.canApplySnippetEdits,
        }),
      );
    }
    if (only && wants(FIX_ALL_KIND)) {
      const action = fixAllAction(document, await this.fixAll(document));
      if (action) actions.push(action);
    }
    return actions;
  }

  private async fixAll(document: TextDocument): Promise<string | null> {
    return this.lintService.fixAll(document, await this.workspace.settingsFor(document.uri));
  }

  private envelopeCompanions(uri: string) {
    const filePath = uriToPath(uri);
    if (!filePath) return {};
    return envelopeCompanionEdits(filePath, this.workspace.folderOf(filePath), (file) => {
      const open = this.documents.get(pathToUri(file));
      if (open) return open.getText();
      try {
        return fs.readFileSync(file, 'utf8');
      } catch {
        return null;
      }
    });
  }

  private async command(command: string, args: unknown[] | undefined): Promise<unknown> {
    if (command === ServerCommands.showDocumentation) {
      const url = args?.[0];
      if (typeof url !== 'string' || !/^https?:\/\//.test(url)) return false;
      const result = await this.connection.window.showDocument({ uri: url, external: true });
      return result.success;
    }
    return executeCommand(
      {
        connection: this.connection,
        document: (uri) => this.documents.get(uri),
        fixAll: (document) => this.fixAll(document),
        diagnosticData: async (uri) =>
          ((await this.completeDiagnostics(uri))?.diagnostics ?? [])
            .map((d) => ({ range: d.range, data: keywardenData(d) }))
            .filter((d): d is { range: Diagnostic['range']; data: KeywardenDiagnosticData } => d.data !== null),
        envelopeCompanions: (uri) => this.envelopeCompanions(uri),
      },
      command,
      args,
    );
  }

  // ---- workspace scan, key inventory --------------------------------------

  private async scanWorkspace(params: ScanWorkspaceParams, token: CancellationToken): Promise<ScanResult> {
    const folders = (params.folders?.length ? params.folders : this.workspace.folders)
      .map((f) => (f.includes('://') ? uriToPath(f) : path.resolve(f)))
      .filter((f): f is string => f !== null);
    const progressToken = params.workDoneToken ?? (this.canCreateProgress ? `keywarden-scan-${Date.now()}` : undefined);
    if (progressToken !== undefined && params.workDoneToken === undefined) {
      await this.connection.sendRequest(WorkDoneProgressCreateRequest.type, { token: progressToken }).catch(() => undefined);
    }
    const reporter = this.connection.window.attachWorkDoneProgress(progressToken);
    reporter.begin('Keywarden: scanning workspace', 0, 'listing files', true);
    const isCancelled = () => token.isCancellationRequested || (progressToken !== undefined && this.cancelledProgress.has(progressToken));
    try {
      const result = await this.scanner.scan(folders, isCancelled, {
        report: (done, total, message) => reporter.report(total ? Math.floor((done / total) * 100) : 100, message),
      });
      this.log(`keywarden: scanned ${result.files} files in ${result.durationMs} ms (${result.findings} findings${result.cancelled ? ', cancelled' : ''})`);
      return result;
    } finally {
      reporter.done();
      if (progressToken !== undefined) this.cancelledProgress.delete(progressToken);
    }
  }

  private async keyInventory(): Promise<KeyInventoryEntry[]> {
    return mergeInventories(await Promise.all([...this.results.values()].map((r) => r.keys())));
  }

  // ---- robustness ----------------------------------------------------------

  /** Runs a handler; an exception is logged (first line only) and answered with nothing, never a crash. */
  private guard<T>(what: string, run: () => T): T | undefined {
    try {
      const value = run();
      if (value instanceof Promise) {
        return value.catch((error: unknown) => {
          this.logError(what, error);
          return undefined;
        }) as T;
      }
      return value;
    } catch (error) {
      this.logError(what, error);
      return undefined;
    }
  }

  private logError(what: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.log(`keywarden: ${what} failed: ${message.split('\n')[0].slice(0, 200)}`);
  }

  private log(message: string): void {
    this.connection.console.log(message);
  }
}
