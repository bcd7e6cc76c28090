import * as vscode from 'vscode';

const RULE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface OpenedDocumentation {
  rule: string;
  /** `preview`: the bundled doc in the Markdown preview; `external`: the online doc in a browser. */
  shownIn: 'preview' | 'external';
  uri: string;
}

/** Accepts `keywarden/<rule>`, `<rule>`, a rule doc URL, or `{ ruleId }` / `{ code }` (a diagnostic). */
export function ruleNameFrom(argument: unknown): string | undefined {
  let id: unknown = argument;
  if (argument && typeof argument === 'object') {
    const record = argument as { ruleId?: unknown; code?: unknown };
    id = record.ruleId ?? (typeof record.code === 'object' ? (record.code as { value?: unknown })?.value : record.code);
  }
  if (typeof id !== 'string') return undefined;
  // A documentation link (`…/docs/rules/<rule>.md`), as the server's code action passes it.
  const fromUrl = /\/docs\/rules\/([^/?#]+)\.md(?:[?#].*)?$/.exec(id);
  const name = fromUrl ? fromUrl[1] : id.replace(/^keywarden\//, '');
  return RULE_NAME.test(name) ? name : undefined;
}

/**
 * "Keywarden: Show Rule Documentation": opens the rule's page, bundled with the
 * extension under docs/rules/, in the Markdown preview (which renders with a
 * strict content security policy). Without an argument it offers the rule of
 * the keywarden diagnostic under the cursor, else a pick list of every rule.
 * Falls back to the online page when the doc is not bundled.
 */
export async function showRuleDocumentation(
  extensionUri: vscode.Uri,
  repositoryUrl: string | undefined,
  argument?: unknown,
): Promise<OpenedDocumentation | undefined> {
  const rule = ruleNameFrom(argument) ?? ruleAtCursor() ?? (await pickRule(extensionUri));
  if (!rule) return undefined;
  const doc = vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${rule}.md`);
  if (await exists(doc)) {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', doc);
    return { rule, shownIn: 'preview', uri: doc.toString() };
  }
  const online = onlineDocUrl(rule, repositoryUrl);
  await vscode.env.openExternal(vscode.Uri.parse(online));
  return { rule, shownIn: 'external', uri: online };
}

function onlineDocUrl(rule: string, repositoryUrl: string | undefined): string {
  const keywardenDiagnostic = vscode.languages
    .getDiagnostics()
    .flatMap(([, diagnostics]) => diagnostics)
    .find((d) => d.source === 'keywarden' && ruleNameFrom(d) === rule && typeof d.code === 'object');
  const href = (keywardenDiagnostic?.code as { target?: vscode.Uri } | undefined)?.target;
  if (href) return href.toString();
  const base = (repositoryUrl ?? 'https://github.com/keywarden/keywarden').replace(/\.git$/, '');
  return `${base}/blob/main/docs/rules/${rule}.md`;
}

function ruleAtCursor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const position = editor.selection.active;
  const hit = vscode.languages
    .getDiagnostics(editor.document.uri)
    .find((d) => d.source === 'keywarden' && d.range.contains(position));
  return hit ? ruleNameFrom(hit) : undefined;
}

async function pickRule(extensionUri: vscode.Uri): Promise<string | undefined> {
  let names: string[] = [];
  try {
    const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(extensionUri, 'docs', 'rules'));
    names = entries
      .filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.md'))
      .map(([name]) => name.slice(0, -3))
      .filter((name) => RULE_NAME.test(name))
      .sort();
  } catch {
    // no bundled docs
  }
  if (names.length === 0) {
    void vscode.window.showInformationMessage('Keywarden: no rule documentation is bundled with this extension.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    names.map((n) => `keywarden/${n}`),
    { title: 'Keywarden: Show Rule Documentation', placeHolder: 'Rule' },
  );
  return picked ? ruleNameFrom(picked) : undefined;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
