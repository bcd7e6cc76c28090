import * as vscode from 'vscode';

export const SECTION = 'keywarden';

/** JS/TS documents the server lints, on disk and unsaved. */
export const DOCUMENT_SELECTOR: { scheme: string; language: string }[] = [
  'javascript',
  'javascriptreact',
  'typescript',
  'typescriptreact',
].flatMap((language) => [
  { scheme: 'file', language },
  { scheme: 'untitled', language },
]);

export function isEnabled(): boolean {
  return vscode.workspace.getConfiguration(SECTION).get<boolean>('enable', true);
}

export function scanOnStartup(): boolean {
  return vscode.workspace.getConfiguration(SECTION).get<boolean>('scanOnStartup', false);
}
