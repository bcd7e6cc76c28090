import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  activateKeywarden,
  codeActionsAt,
  extensionPath,
  keywardenDiagnostics,
  openFixture,
  restoreFixtures,
  ruleOf,
  shippedRules,
  waitFor,
  workspaceUri,
} from './helpers';

/** The envelope rewrite's exact title (the rule's longer text, with the migration it needs, is in the hover). */
const ENVELOPE_TITLE = 'Rewrite to envelope encryption (keywarden/kms)';

async function apply(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `applyEdit for "${action.title}"`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

async function hardcodedKeyDiagnostic(editor: vscode.TextEditor): Promise<vscode.Diagnostic> {
  return waitFor('the no-hardcoded-key diagnostic', () =>
    keywardenDiagnostics(editor.document.uri).find((d) => ruleOf(d) === 'keywarden/no-hardcoded-key'),
  );
}

describe('code actions', () => {
  before(async function () {
    if (!shippedRules().includes('no-hardcoded-key')) this.skip();
    await activateKeywarden();
  });

  afterEach(restoreFixtures);

  it('offers them in a predictable order: fix, suggestions, disable, documentation, fix all', async () => {
    const editor = await openFixture('src/token-vault.js');
    const diagnostic = await hardcodedKeyDiagnostic(editor);
    const actions = await codeActionsAt(editor.document.uri, diagnostic.range);
    const titles = actions.map((a) => a.title);
    const disable = titles.indexOf('Disable keywarden/no-hardcoded-key for this line');
    const docs = titles.indexOf('Show documentation for keywarden/no-hardcoded-key');
    assert.ok(disable >= 0 && docs === disable + 1, `disable, then documentation: ${JSON.stringify(titles)}`);
    // token-vault.js's key gets the rule's suggestion (read it from an environment variable) first.
    assert.ok(disable >= 1 && titles[0].startsWith('Read the key from the environment variable VAULT_KEY'), JSON.stringify(titles));
    // Fixes and suggestions (quick fixes with an edit or a server command) come before both.
    for (const action of actions.slice(0, disable)) assert.ok(action.kind?.value.startsWith('quickfix'), action.title);
    // "Fix all" is offered only when the file has an autofixable issue; it is then last.
    const fixAll = titles.indexOf('Fix all safe keywarden issues in this file');
    assert.ok(fixAll === -1 || fixAll === titles.length - 1, `fix all is last: ${JSON.stringify(titles)}`);
  });

  it('lists the envelope rewrite under its exact title, after the preferred fix and before disable and documentation', async () => {
    const editor = await openFixture('src/profile-crypto.cjs');
    const diagnostic = await hardcodedKeyDiagnostic(editor);
    const actions = await codeActionsAt(editor.document.uri, diagnostic.range);
    const titles = actions.map((a) => a.title);
    // profile-crypto.cjs has no autofixable finding, so neither a preferred fix nor "fix all" is
    // offered: the rule's suggestions (the envelope rewrite first, in the rule's order), then
    // disable and documentation.
    assert.equal(titles[0], ENVELOPE_TITLE, JSON.stringify(titles));
    assert.deepEqual(titles.slice(-2), ['Disable keywarden/no-hardcoded-key for this line', 'Show documentation for keywarden/no-hardcoded-key']);
    for (const suggestion of actions.slice(0, -2)) assert.ok(suggestion.edit && suggestion.kind?.value === 'quickfix', suggestion.title);
    assert.ok(!actions.some((a) => a.isPreferred), 'no preferred fix without an autofix');
  });

  it('disables the rule for one line, with the cursor on a selected reason to type over', async () => {
    const editor = await openFixture('src/token-vault.js');
    const diagnostic = await hardcodedKeyDiagnostic(editor);
    const line = diagnostic.range.start.line;
    const actions = await codeActionsAt(editor.document.uri, diagnostic.range);
    const disable = actions.find((a) => a.title === 'Disable keywarden/no-hardcoded-key for this line');
    assert.ok(disable, 'disable action');
    await apply(disable);
    // The server sent a snippet edit (the client declares snippetEditSupport): "reason" is a selected placeholder.
    const comment = '// eslint-disable-next-line keywarden/no-hardcoded-key -- reason';
    await waitFor('the disable comment', () => editor.document.lineAt(line).text === comment);
    const reason = comment.indexOf('reason');
    const { start, end } = editor.selection;
    assert.deepEqual([start.line, start.character, end.line, end.character], [line, reason, line, reason + 'reason'.length], 'the selection is the placeholder');
    // What the user types replaces it.
    await vscode.commands.executeCommand('type', { text: 'test vector, not a real key' });
    await waitFor('the typed reason', () => editor.document.lineAt(line).text === comment.replace(/reason$/, 'test vector, not a real key'));
    assert.equal(editor.document.lineAt(line + 1).text, fs.readFileSync(workspaceUri('src/token-vault.js').fsPath, 'utf8').split('\n')[line], 'the finding\'s line moved down, unchanged');
    await waitFor('the diagnostic to go away', () =>
      !keywardenDiagnostics(editor.document.uri).some((d) => ruleOf(d) === 'keywarden/no-hardcoded-key'),
    );
  });

  it('opens the bundled rule documentation', async () => {
    const editor = await openFixture('src/token-vault.js');
    const diagnostic = await hardcodedKeyDiagnostic(editor);
    const actions = await codeActionsAt(editor.document.uri, diagnostic.range);
    const show = actions.find((a) => a.title === 'Show documentation for keywarden/no-hardcoded-key');
    assert.ok(show?.command, 'documentation action with a command');
    const opened = (await vscode.commands.executeCommand(show.command.command, ...(show.command.arguments ?? []))) as
      | { rule: string; shownIn: string; uri: string }
      | undefined;
    assert.equal(opened?.rule, 'no-hardcoded-key');
    const bundled = fs.existsSync(path.join(extensionPath(), 'docs/rules/no-hardcoded-key.md'));
    assert.equal(opened?.shownIn, bundled ? 'preview' : 'external');
  });

  it('rewrites to envelope encryption across files: the exact source, package.json and .env.example', async () => {
    const editor = await openFixture('src/profile-crypto.cjs');
    const diagnostic = await hardcodedKeyDiagnostic(editor);
    const actions = await codeActionsAt(editor.document.uri, diagnostic.range);
    const envelope = actions.find((a) => a.title === ENVELOPE_TITLE);
    assert.ok(envelope, `envelope rewrite offered: ${JSON.stringify(actions.map((a) => a.title))}`);
    const packageBefore = JSON.parse(fs.readFileSync(workspaceUri('package.json').fsPath, 'utf8'));
    const envBefore = fs.readFileSync(workspaceUri('.env.example').fsPath, 'utf8');
    await apply(envelope);
    // The whole rewritten file, as the fix corpus expects it (test/fixtures/e2e-expected).
    const expected = fs.readFileSync(path.join(extensionPath(), 'test/fixtures/e2e-expected/profile-crypto.envelope.cjs'), 'utf8');
    assert.equal(editor.document.getText(), expected);
    // One WorkspaceEdit also touched the nearest package.json and the existing .env.example.
    const pkg = await vscode.workspace.openTextDocument(workspaceUri('package.json'));
    const { keywarden, ...otherDependencies } = JSON.parse(pkg.getText()).dependencies;
    assert.match(keywarden, /^\^\d+\.\d+\.\d+/);
    assert.deepEqual(otherDependencies, packageBefore.dependencies);
    const env = await vscode.workspace.openTextDocument(workspaceUri('.env.example'));
    assert.ok(env.getText().startsWith(envBefore), '.env.example keeps its lines');
    assert.deepEqual(
      env.getText().slice(envBefore.length).split('\n').filter((l) => l && !l.startsWith('#')),
      ['KEYWARDEN_KEY_URI=local://default'],
    );
    // The rewritten file no longer has the hardcoded key finding.
    await waitFor('the no-hardcoded-key finding to go away', () =>
      !keywardenDiagnostics(editor.document.uri).some((d) => ruleOf(d) === 'keywarden/no-hardcoded-key'),
    );
  });
});
