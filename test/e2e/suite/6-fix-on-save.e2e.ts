import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { activateKeywarden, keywardenDiagnostics, openFixture, restoreFixtures, ruleOf, shippedRules, waitFor, workspaceUri } from './helpers';

/**
 * Fix-on-save through `editor.codeActionsOnSave: { "source.fixAll.keywarden" }`:
 * only safe autofixes may be applied on save, never suggestions (which change
 * keys or ciphertexts). No shipped keywarden rule has an autofix today, so
 * saving a file whose findings all come with suggestions must leave its text
 * exactly as typed, and its findings in place.
 */
describe('fix on save (source.fixAll.keywarden)', () => {
  const setting = () => vscode.workspace.getConfiguration('editor');
  const vault = () => workspaceUri('src/token-vault.js').fsPath;
  let original = '';

  before(async function () {
    if (!shippedRules().includes('no-hardcoded-key')) this.skip();
    await activateKeywarden();
    original = fs.readFileSync(vault(), 'utf8');
    await setting().update('codeActionsOnSave', { 'source.fixAll.keywarden': 'explicit' }, vscode.ConfigurationTarget.Workspace);
  });

  after(async () => {
    await setting().update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
    if (original) fs.writeFileSync(vault(), original); // the save changed the workspace copy
    await restoreFixtures();
  });

  it('is offered as a source.fixAll.keywarden action only when there is something safe to fix', async () => {
    const editor = await openFixture('src/token-vault.js');
    await waitFor('the no-hardcoded-key diagnostic', () => keywardenDiagnostics(editor.document.uri).some((d) => ruleOf(d) === 'keywarden/no-hardcoded-key'));
    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, whole, 'source.fixAll.keywarden');
    assert.deepEqual((actions ?? []).map((a) => a.title), [], 'suggestions are never offered as fix-all');
  });

  it('saves the file as typed: suggestions (the envelope rewrite, a new IV) are never applied on save', async () => {
    const editor = await openFixture('src/token-vault.js');
    await waitFor('the no-hardcoded-key diagnostic', () => keywardenDiagnostics(editor.document.uri).some((d) => ruleOf(d) === 'keywarden/no-hardcoded-key'));
    assert.ok(await editor.edit((e) => e.insert(new vscode.Position(editor.document.lineCount, 0), '// edited before save\n')));
    const typed = editor.document.getText();
    assert.ok(await editor.document.save(), 'saved');
    assert.equal(editor.document.getText(), typed);
    assert.equal(editor.document.isDirty, false);
    await waitFor('the finding, still there after save', () =>
      keywardenDiagnostics(editor.document.uri).some((d) => ruleOf(d) === 'keywarden/no-hardcoded-key'),
    );
  });
});
