import * as vscode from 'vscode';
import type { KeyInventoryEntry, KeyLocation, KeyOrigin } from '../shared/protocol';

/** Group order and labels of the Keys view: where a key comes from. */
const ORIGINS: { origin: KeyOrigin; label: string; icon: string }[] = [
  { origin: 'hardcoded', label: 'Hardcoded', icon: 'warning' },
  { origin: 'environment', label: 'Environment', icon: 'symbol-variable' },
  { origin: 'kms', label: 'KMS', icon: 'cloud' },
  { origin: 'derived', label: 'Derived', icon: 'git-merge' },
  { origin: 'generated', label: 'Generated', icon: 'sparkle' },
  { origin: 'unknown', label: 'Unknown origin', icon: 'question' },
];

const ZEROIZATION_LABELS: Record<KeyInventoryEntry['zeroization'], string> = {
  wiped: 'wiped after use',
  'not-wiped': 'not wiped after use',
  'not-applicable': 'not applicable',
};

/** One node of the Keys view; plain data so tests can read the tree without rendering it. */
export interface KeyNode {
  label: string;
  description?: string;
  tooltip?: string;
  icon?: string;
  /** Where clicking the node jumps to. */
  location?: KeyLocation;
  children: KeyNode[];
}

/** Builds the Keys view's tree from the server's key inventory: origin → key → details. */
export function buildKeyTree(entries: readonly KeyInventoryEntry[]): KeyNode[] {
  return ORIGINS.flatMap(({ origin, label, icon }) => {
    const keys = entries.filter((e) => e.origin === origin).sort((a, b) => a.name.localeCompare(b.name));
    if (keys.length === 0) return [];
    return [{ label, description: `${keys.length}`, icon, children: keys.map(keyNode) }];
  });
}

function keyNode(entry: KeyInventoryEntry): KeyNode {
  const findings = entry.findings.length;
  const children: KeyNode[] = [
    listNode('Purposes', entry.purposes, 'tag'),
    listNode('Algorithms', entry.algorithms, 'symbol-method'),
    {
      label: 'Zeroization',
      description: ZEROIZATION_LABELS[entry.zeroization] ?? entry.zeroization,
      icon: entry.zeroization === 'not-wiped' ? 'warning' : 'check',
      children: [],
    },
    {
      label: 'Findings',
      description: `${findings}`,
      icon: findings > 0 ? 'error' : 'pass',
      children: entry.findings.map((f) => ({
        label: f.ruleId,
        description: f.message,
        tooltip: `${f.message}\n${describeLocation(f)}`,
        icon: 'error',
        location: { uri: f.uri, range: f.range },
        children: [],
      })),
    },
    {
      label: 'Locations',
      description: `${entry.locations.length}`,
      icon: 'references',
      children: entry.locations.map((loc) => ({
        label: describeLocation(loc),
        icon: 'location',
        location: loc,
        children: [],
      })),
    },
  ];
  return {
    label: entry.name,
    description: [entry.purposes.join(', '), findings > 0 ? `${findings} finding${findings === 1 ? '' : 's'}` : '']
      .filter(Boolean)
      .join(' · '),
    icon: 'key',
    location: entry.locations[0],
    children,
  };
}

function listNode(label: string, values: readonly string[], icon: string): KeyNode {
  return {
    label,
    description: values.length > 0 ? values.join(', ') : 'none found',
    icon,
    children: values.length > 1 ? values.map((v) => ({ label: v, children: [] })) : [],
  };
}

function describeLocation(location: KeyLocation): string {
  let file = location.uri;
  try {
    file = vscode.workspace.asRelativePath(vscode.Uri.parse(location.uri), false);
  } catch {
    // keep the raw URI
  }
  return `${file}:${location.range.start.line + 1}:${location.range.start.character + 1}`;
}

/** Renders KeyNodes as tree items; a node with a location opens it when clicked. */
export class KeyTreeProvider implements vscode.TreeDataProvider<KeyNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: KeyNode[] = [];

  setInventory(entries: readonly KeyInventoryEntry[]): void {
    this.roots = buildKeyTree(entries);
    this.changed.fire();
  }

  get nodes(): readonly KeyNode[] {
    return this.roots;
  }

  getChildren(node?: KeyNode): KeyNode[] {
    return node ? node.children : this.roots;
  }

  getTreeItem(node: KeyNode): vscode.TreeItem {
    const collapsible =
      node.children.length === 0
        ? vscode.TreeItemCollapsibleState.None
        : this.roots.includes(node)
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, collapsible);
    item.description = node.description;
    item.tooltip = node.tooltip;
    if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon);
    if (node.location) {
      const { start, end } = node.location.range;
      item.command = {
        command: 'vscode.open',
        title: 'Go to key',
        arguments: [
          vscode.Uri.parse(node.location.uri),
          { selection: new vscode.Range(start.line, start.character, end.line, end.character) },
        ],
      };
    }
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
