import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createProtocolConnection,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  ConfigurationRequest,
  ApplyWorkspaceEditRequest,
  ShowDocumentRequest,
  WorkDoneProgressCreateRequest,
  RegistrationRequest,
  LogMessageNotification,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type InitializeParams,
  type ApplyWorkspaceEditParams,
  type WorkspaceFolder,
} from 'vscode-languageserver-protocol/node';

export const ROOT = path.join(__dirname, '..', '..');
export const SERVER_SOURCE = path.join(ROOT, 'src', 'server', 'server.ts');

export interface ClientOptions {
  /** Run this file with node instead of the TypeScript sources through tsx (e.g. the esbuild bundle). */
  bundle?: string;
  workspaceFolders?: WorkspaceFolder[];
  /** What the client answers to `workspace/configuration`, per section. */
  configuration?: Record<string, unknown>;
  initializationOptions?: Record<string, unknown>;
  /** Whether the client accepts `workspace/applyEdit` (default true). */
  applyEdits?: boolean;
}

/**
 * A minimal LSP client over stdio for tests: spawns the real server, records
 * every `publishDiagnostics` and log message, answers configuration, applyEdit
 * and showDocument requests, and lets a test wait for the diagnostics of a URI.
 */
export class TestClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  readonly logs: string[] = [];
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  readonly shownDocuments: string[] = [];
  readonly registrations: string[] = [];
  readonly progress: { token: string | number; value: { kind: string; message?: string; percentage?: number } }[] = [];
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: {
    uri: string;
    predicate: (p: PublishDiagnosticsParams) => boolean;
    resolve: (p: PublishDiagnosticsParams) => void;
    reject: (e: Error) => void;
  }[] = [];
  stderr = '';

  constructor(private readonly options: ClientOptions = {}) {
    const args = options.bundle ? [options.bundle, '--stdio'] : ['--require', 'tsx/cjs', SERVER_SOURCE, '--stdio'];
    this.process = spawn(process.execPath, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk) => (this.stderr += String(chunk)));
    // A server that dies fails the waiting test at once, with its last words.
    this.process.on('exit', (code, signal) => {
      for (const waiter of this.waiters.splice(0)) waiter.reject(new Error(`server exited (${code ?? signal}); stderr: ${this.stderr.slice(-800)}`));
    });
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const list = this.diagnostics.get(params.uri) ?? [];
      list.push(params);
      this.diagnostics.set(params.uri, list);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.predicate(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onNotification(LogMessageNotification.type, (params) => this.logs.push(params.message));
    this.connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => (item.section ? (options.configuration?.[item.section] ?? null) : null)),
    );
    this.connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      this.appliedEdits.push(params);
      return { applied: options.applyEdits !== false };
    });
    this.connection.onRequest(ShowDocumentRequest.type, (params) => {
      this.shownDocuments.push(params.uri);
      return { success: true };
    });
    this.connection.onRequest(WorkDoneProgressCreateRequest.type, () => null);
    this.connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations.map((r) => r.method));
    });
    this.connection.onNotification('$/progress', (params: { token: string | number; value: never }) => this.progress.push(params));
    this.connection.listen();
  }

  async initialize(): Promise<void> {
    const params: InitializeParams = {
      processId: process.pid,
      rootUri: this.options.workspaceFolders?.[0]?.uri ?? null,
      workspaceFolders: this.options.workspaceFolders ?? null,
      initializationOptions: { debounceMs: 20, ...this.options.initializationOptions },
      capabilities: {
        workspace: { configuration: true, applyEdit: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        window: { workDoneProgress: true, showDocument: { support: true } },
        textDocument: { publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true } },
      },
    };
    await this.connection.sendRequest(InitializeRequest.type, params);
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  /** Resolves with the next diagnostics published for `uri` matching `predicate`. */
  nextDiagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 60000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr.slice(-500)}`)), timeoutMs);
      this.waiters.push({ uri, predicate, resolve: (p) => (clearTimeout(timer), resolve(p)), reject: (e) => (clearTimeout(timer), reject(e)) });
    });
  }

  published(uri: string): PublishDiagnosticsParams[] {
    return this.diagnostics.get(uri) ?? [];
  }

  async open(uri: string, text: string, languageId = 'typescript', version = 1, timeoutMs = 60000): Promise<PublishDiagnosticsParams> {
    const next = this.nextDiagnostics(uri, (p) => p.version === version, timeoutMs);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
    return next;
  }

  async change(uri: string, text: string, version: number): Promise<PublishDiagnosticsParams> {
    const next = this.nextDiagnostics(uri, (p) => p.version === version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return next;
  }

  async dispose(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    this.process.kill();
  }

  get alive(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }
}
