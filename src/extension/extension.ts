import * as vscode from 'vscode';
import { KeyInventoryRequest, ServerCommands, StatusNotification, type KeyInventoryEntry, type StatusParams } from '../shared/protocol';
import type { KeywardenApi } from './api';
import { KeyTreeProvider } from './key-tree';
import { LanguageStatus } from './language-status';
import { recordingLogChannel } from './recording-log';
import { showRuleDocumentation } from './rule-docs';
import { describeScan, scanWorkspace } from './scan-workspace';
import { ServerController } from './server-controller';
import { isEnabled, scanOnStartup } from './settings';

/** How long the Keys view waits after diagnostics change before asking for a new inventory. */
const KEYS_REFRESH_DELAY_MS = 500;

let server: ServerController | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<KeywardenApi> {
  const log = recordingLogChannel(vscode.window.createOutputChannel('Keywarden', { log: true }));
  context.subscriptions.push(log.channel);
  const repositoryUrl = (context.extension.packageJSON as { repository?: { url?: string } }).repository?.url;
  const showDocs = (rule?: unknown) => showRuleDocumentation(context.extensionUri, repositoryUrl, rule);
  // The server's "Show documentation" action opens the bundled doc in the editor rather than a browser.
  const controller = new ServerController(context, log.channel, {
    [ServerCommands.showDocumentation]: (args) => showDocs(args[0]),
  });
  server = controller;
  context.subscriptions.push(controller);

  const status = new LanguageStatus();
  context.subscriptions.push(status);
  controller.client.onNotification(StatusNotification, (params: StatusParams) => status.update(params));

  const keys = new KeyTreeProvider();
  const keysView = vscode.window.createTreeView('keywarden.keys', { treeDataProvider: keys, showCollapseAll: true });
  context.subscriptions.push(keys, keysView);

  const loadInventory = async (): Promise<KeyInventoryEntry[]> => {
    const client = await controller.ready();
    const entries = await client.sendRequest<KeyInventoryEntry[] | null>(KeyInventoryRequest, {});
    const inventory = Array.isArray(entries) ? entries : [];
    keys.setInventory(inventory);
    return inventory;
  };
  const refreshKeys = () =>
    loadInventory().catch((error: unknown) => log.channel.warn(`Keys view: ${(error as Error).message}`));

  // The inventory follows what the server has linted; refresh it lazily.
  let refreshTimer: NodeJS.Timeout | undefined;
  let keysStale = true;
  context.subscriptions.push(
    vscode.languages.onDidChangeDiagnostics(() => {
      keysStale = true;
      if (!keysView.visible || !controller.running) return;
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(() => void refreshKeys().then(() => (keysStale = false)), KEYS_REFRESH_DELAY_MS);
    }),
    keysView.onDidChangeVisibility(({ visible }) => {
      if (visible && keysStale && controller.running) void refreshKeys().then(() => (keysStale = false));
    }),
    { dispose: () => clearTimeout(refreshTimer) },
  );

  const runScan = async () => {
    const result = await scanWorkspace(controller);
    await refreshKeys();
    return result;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('keywarden.scanWorkspace', async () => {
      try {
        const result = await runScan();
        void vscode.window.showInformationMessage(describeScan(result));
        return result;
      } catch (error) {
        void vscode.window.showErrorMessage(`Keywarden: workspace scan failed: ${(error as Error).message}`);
        return undefined;
      }
    }),
    vscode.commands.registerCommand('keywarden.showRuleDocumentation', showDocs),
    vscode.commands.registerCommand('keywarden.restartServer', async () => {
      await controller.restart();
      void vscode.window.setStatusBarMessage('Keywarden: server restarted', 3000);
    }),
    vscode.commands.registerCommand('keywarden.showOutput', () => log.channel.show(true)),
    vscode.commands.registerCommand('keywarden.refreshKeys', () => refreshKeys()),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration('keywarden.enable')) return;
      if (isEnabled()) await controller.start();
      else await controller.stop();
    }),
  );

  if (isEnabled()) {
    try {
      await controller.start();
    } catch (error) {
      log.channel.error(`The keywarden language server failed to start: ${(error as Error).message}`);
    }
    if (scanOnStartup() && controller.running) {
      void runScan().catch((error: unknown) => log.channel.error(`Startup scan failed: ${(error as Error).message}`));
    }
  }

  return {
    getKeyInventory: loadInventory,
    scanWorkspace: runScan,
    getServerLog: log.lines,
    getKeysView: async () => {
      await loadInventory();
      return keys.nodes;
    },
    getKeysTreeItem: (node) => keys.getTreeItem(node),
    getLanguageStatus: () => status.current,
  };
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
}
