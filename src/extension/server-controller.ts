import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DOCUMENT_SELECTOR, isEnabled, SECTION } from './settings';

/** Commands of the server that the client answers itself, e.g. opening the bundled rule doc in the editor. */
export type LocalCommandHandlers = Partial<Record<string, (args: unknown[]) => unknown>>;

/**
 * Owns the language client: starts the bundled server (`dist/server.js`) over
 * IPC, stops it when `keywarden.enable` is turned off, restarts it on demand.
 * Notification handlers registered on the client survive restarts.
 */
export class ServerController implements vscode.Disposable {
  readonly client: LanguageClient;
  private readonly starting = new Set<Promise<void>>();

  constructor(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel, local: LocalCommandHandlers = {}) {
    const module = context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: DOCUMENT_SELECTOR,
      diagnosticCollectionName: 'keywarden',
      outputChannel,
      middleware: {
        executeCommand: (command, args, next) => {
          const handler = local[command];
          return handler ? handler(args) : next(command, args);
        },
        workspace: {
          // While `keywarden.enable` is off the client is stopping or stopped:
          // forwarding the change would start it again.
          didChangeConfiguration: (sections, next) => (isEnabled() ? next(sections) : Promise.resolve()),
        },
      },
      synchronize: {
        configurationSection: SECTION,
        fileEvents: [
          vscode.workspace.createFileSystemWatcher('**/keywarden.policy.json'),
          vscode.workspace.createFileSystemWatcher('**/.gitignore'),
        ],
      },
    };
    // The id `keywarden` makes the client honour the `keywarden.trace.server` setting.
    this.client = new LanguageClient('keywarden', 'Keywarden', serverOptions, clientOptions);
  }

  get running(): boolean {
    return this.client.isRunning();
  }

  async start(): Promise<void> {
    if (this.client.isRunning()) return;
    await this.track(this.client.start());
  }

  async stop(): Promise<void> {
    await Promise.allSettled([...this.starting]);
    if (this.client.isRunning()) await this.client.stop();
  }

  async restart(): Promise<void> {
    await Promise.allSettled([...this.starting]);
    if (this.client.isRunning()) await this.track(this.client.restart());
    else await this.start();
  }

  /** Resolves once the server is up; rejects with a readable message when it is disabled. */
  async ready(): Promise<LanguageClient> {
    await Promise.allSettled([...this.starting]);
    if (!this.client.isRunning()) {
      throw new Error('The keywarden language server is not running (is `keywarden.enable` off?).');
    }
    return this.client;
  }

  dispose(): void {
    void this.client.dispose();
  }

  private async track(pending: Promise<void>): Promise<void> {
    this.starting.add(pending);
    try {
      await pending;
    } finally {
      this.starting.delete(pending);
    }
  }
}
