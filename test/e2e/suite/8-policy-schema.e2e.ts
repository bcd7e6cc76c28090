import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateKeywarden, restoreFixtures, waitFor, workspaceUri } from './helpers';

/**
 * `contributes.jsonValidation`: VS Code's JSON language service checks
 * keywarden.policy.json against the bundled schema (schema/keywarden.policy.schema.json).
 */
describe('keywarden.policy.json schema validation', () => {
  before(activateKeywarden);
  afterEach(restoreFixtures);

  it('flags a property the schema does not know and a wrong version, and accepts a valid policy', async () => {
    const uri = workspaceUri('keywarden.policy.json');
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const replaceAll = (text: string) =>
      editor.edit((edit) => edit.replace(new vscode.Range(0, 0, document.lineCount, 0), text));

    assert.ok(await replaceAll('{\n  "version": 2,\n  "rotateKeysEvery": "90d"\n}\n'));
    const problems = await waitFor(
      'schema diagnostics on the invalid policy',
      () => {
        const found = vscode.languages.getDiagnostics(uri);
        return found.length >= 2 && found;
      },
      60_000,
    );
    const lines = problems.map((d) => d.range.start.line).sort();
    assert.deepEqual(lines, [1, 2], JSON.stringify(problems.map((d) => [d.range.start.line, d.message])));

    assert.ok(await replaceAll('{\n  "version": 1,\n  "keys": [{ "name": "ENCRYPTION_KEY", "purpose": "encrypt" }]\n}\n'));
    await waitFor('no diagnostics on a valid policy', () => vscode.languages.getDiagnostics(uri).length === 0, 60_000);
  });
});
