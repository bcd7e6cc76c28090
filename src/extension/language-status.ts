import * as vscode from 'vscode';
import type { StatusParams } from '../shared/protocol';
import { DOCUMENT_SELECTOR } from './settings';

/**
 * The language status item next to the language mode: the active file's
 * finding count and how long its last lint took, from `keywarden/status`.
 */
export class LanguageStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('keywarden.status', DOCUMENT_SELECTOR);
  private readonly byUri = new Map<string, StatusParams>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.item.name = 'Keywarden';
    this.item.command = { command: 'keywarden.showOutput', title: 'Show Output' };
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((doc) => this.byUri.delete(doc.uri.toString())),
    );
    this.render();
  }

  update(status: StatusParams): void {
    if (!status || typeof status.uri !== 'string') return;
    this.byUri.set(normalizeUri(status.uri), status);
    this.render();
  }

  /** What the item shows now (for the test API). */
  get current(): { text: string; detail?: string } {
    return { text: this.item.text, detail: this.item.detail };
  }

  private render(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const status = uri ? this.byUri.get(normalizeUri(uri)) : undefined;
    if (!status) {
      this.item.text = '$(shield) Keywarden';
      this.item.detail = 'not linted yet';
      this.item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    const n = status.findings;
    this.item.text = n === 0 ? '$(shield) No key issues' : `$(shield) ${n} key issue${n === 1 ? '' : 's'}`;
    this.item.detail = `linted in ${Math.round(status.lintMs)} ms`;
    this.item.severity = n === 0 ? vscode.LanguageStatusSeverity.Information : vscode.LanguageStatusSeverity.Warning;
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

/** Server and editor may spell the same file URI differently (e.g. `%3A` vs `:`). */
function normalizeUri(uri: string): string {
  try {
    return vscode.Uri.parse(uri).toString();
  } catch {
    return uri;
  }
}
