import type * as vscode from 'vscode';
import type { KeyInventoryEntry, ScanResult } from '../shared/protocol';
import type { KeyNode } from './key-tree';

/** What `activate()` returns: used by the end-to-end tests and by other extensions. */
export interface KeywardenApi {
  /** The key inventory as the server reports it now. */
  getKeyInventory(): Promise<KeyInventoryEntry[]>;
  /** Runs "Keywarden: Scan Workspace" (with its progress notification) and returns the server's result. */
  scanWorkspace(): Promise<ScanResult>;
  /** The last lines of the server's log (its messages, its stderr, client errors). */
  getServerLog(): string[];
  /** The Keys view's tree as rendered after its last refresh (refreshes first). */
  getKeysView(): Promise<readonly KeyNode[]>;
  /** The tree item VS Code renders for a node of the Keys view (its command is what a click runs). */
  getKeysTreeItem(node: KeyNode): vscode.TreeItem;
  /** Text and detail of the language status item for the active editor. */
  getLanguageStatus(): { text: string; detail?: string };
}
