import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { KeywardenApi } from '../../../src/extension/api';

export const EXTENSION_ID = 'keywarden.keywarden';

/** Polls `probe` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(
  description: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (let delay = 25; ; delay = Math.min(delay * 2, 250)) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error; // e.g. `Canceled` while diagnostics settle
    }
    if (Date.now() > deadline) {
      const why = lastError ? ` (last error: ${(lastError as Error).message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}${why}`);
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

export async function activateKeywarden(): Promise<KeywardenApi> {
  const extension = vscode.extensions.getExtension<KeywardenApi>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

export function extensionPath(): string {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return extension.extensionPath;
}

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the e2e suite needs the fixture workspace open');
  return folder.uri.fsPath;
}

export function workspaceUri(relative: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceRoot(), relative));
}

export async function openFixture(relative: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relative));
  return vscode.window.showTextDocument(document);
}

/**
 * The quick fixes for a range, in the order VS Code lists them. Only quick
 * fixes are asked for: the actions `vscode.executeCodeActionProvider` returns
 * carry no `diagnostics`, so keywarden's cannot be told from other providers'
 * by their diagnostic, and the fixture's JS files (no `checkJs`) get no
 * quick fixes from TypeScript, only refactorings.
 */
export async function codeActionsAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  // The first request can be `Canceled` while diagnostics settle: poll.
  return waitFor('keywarden code actions', async () => {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
    return (actions ?? []).length > 0 && actions;
  });
}

export function keywardenDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'keywarden');
}

export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

/** Rule names the built plugin (dist/rules) ships; tests for rules not yet written are pending, not failing. */
export function shippedRules(): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const plugin = require(path.join(extensionPath(), 'dist/rules/index.js')) as { rules?: Record<string, unknown> };
  return Object.keys(plugin.rules ?? {});
}

/** The fixture this pass's workspace was copied from (test/e2e/run-code-server.ts). */
function pristineFixture(): string {
  return path.join(extensionPath(), 'test/fixtures', process.env.KEYWARDEN_E2E_PASS === 'restricted' ? 'e2e-restricted/workspace' : 'e2e-workspace');
}

/**
 * Writes back, on disk, every fixture file whose text a test changed: VS Code
 * may save files a multi-file WorkspaceEdit touched (the envelope rewrite),
 * and a later workspace scan reads the disk.
 */
function restoreFilesOnDisk(): void {
  const pristine = pristineFixture();
  for (const relative of fs.readdirSync(pristine, { recursive: true }) as string[]) {
    const source = path.join(pristine, relative);
    if (!fs.statSync(source).isFile()) continue;
    const target = path.join(workspaceRoot(), relative);
    const text = fs.readFileSync(source);
    if (!fs.existsSync(target) || !fs.readFileSync(target).equals(text)) fs.writeFileSync(target, text);
  }
}

/**
 * Puts every fixture file and edited document back to the fixture's text
 * (tests edit fixtures through quick-fixes) and closes all editors, without
 * any "save?" prompt.
 */
export async function restoreFixtures(): Promise<void> {
  restoreFilesOnDisk();
  // A snapshot: documents a multi-file WorkspaceEdit opened in the background can be
  // closed (and their unsaved text dropped) by VS Code while this loop awaits.
  for (const document of [...vscode.workspace.textDocuments]) {
    if (document.isClosed || !document.isDirty || document.uri.scheme !== 'file' || !fs.existsSync(document.uri.fsPath)) continue;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), fs.readFileSync(document.uri.fsPath, 'utf8'));
    await vscode.workspace.applyEdit(edit);
    if (!document.isClosed) await document.save(); // closed meanwhile: nothing unsaved is left to restore
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  // Documents that were not dirty follow the disk: wait until VS Code has reloaded them.
  await waitFor('open documents to match the files on disk', () =>
    vscode.workspace.textDocuments.every(
      (d) => d.isClosed || d.isDirty || d.uri.scheme !== 'file' || !fs.existsSync(d.uri.fsPath) || d.getText() === fs.readFileSync(d.uri.fsPath, 'utf8'),
    ),
  );
}

/** Where in the workbench page a button is: a CSS selector, and words its element contains. */
export interface WorkbenchTarget {
  within: string;
  text?: string;
  /** Match the button's name exactly ("Trust", not "Trust Parent"). */
  exact?: boolean;
}

/** The notification toast containing `text`. */
export const notificationToast = (text: string): WorkbenchTarget => ({ within: '.notification-toast', text });

/**
 * Asks the code-server runner to click `button` in the workbench page (see
 * `clickOnRequest` in run-code-server.ts) and resolves with its answer. Only
 * that runner drives the page: callers skip when KEYWARDEN_E2E_CONTROL is unset.
 */
export async function clickInWorkbench(id: string, target: WorkbenchTarget, button: string): Promise<{ clicked: boolean; error?: string }> {
  const control = process.env.KEYWARDEN_E2E_CONTROL;
  if (!control) throw new Error('no runner drives the workbench page (KEYWARDEN_E2E_CONTROL is unset)');
  const done = path.join(control, `done-${id}.json`);
  fs.writeFileSync(path.join(control, `request-${id}.json`), JSON.stringify({ ...target, button }));
  return waitFor(
    `the runner to click "${button}"`,
    () => fs.existsSync(done) && (JSON.parse(fs.readFileSync(done, 'utf8')) as { clicked: boolean; error?: string }),
    45_000,
  );
}
