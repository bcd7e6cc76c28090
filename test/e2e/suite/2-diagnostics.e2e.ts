import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateKeywarden, keywardenDiagnostics, openFixture, restoreFixtures, ruleOf, shippedRules, waitFor } from './helpers';

describe('diagnostics', () => {
  before(async () => {
    await activateKeywarden();
  });

  it('reports the hardcoded key with its rule id, doc link and location', async function () {
    if (!shippedRules().includes('no-hardcoded-key')) this.skip();
    const editor = await openFixture('src/token-vault.js');
    const found = await waitFor('a keywarden/no-hardcoded-key diagnostic in token-vault.js', () => {
      const hits = keywardenDiagnostics(editor.document.uri).filter((d) => ruleOf(d) === 'keywarden/no-hardcoded-key');
      return hits.length > 0 && hits;
    });
    assert.equal(found.length, 1, 'one report per offending constant');
    const [diagnostic] = found;
    const code = diagnostic.code as { value: string; target: vscode.Uri };
    assert.equal(code.target.toString(), 'https://github.com/keywarden/keywarden/blob/main/docs/rules/no-hardcoded-key.md');
    // Reported where the constant is written: the hex literal on line 4.
    assert.equal(diagnostic.range.start.line, 3);
    assert.match(editor.document.getText(diagnostic.range), /3f1c9a7b/);
    assert.ok(!diagnostic.message.includes('3f1c9a7be24d8816c05f3e9a1b7d2c4e8a6f0b3d5c7e9f1a2b4c6d8e0f1a3b5c'), 'never echoes the whole secret');
  });

  it('explains a finding on hover: why it matters, the fix, and a link', async function () {
    if (!shippedRules().includes('no-hardcoded-key')) this.skip();
    // The hover request waits for every hover provider, TypeScript's tsserver
    // included, which can take tens of seconds to start on a loaded machine.
    this.timeout(150_000);
    const editor = await openFixture('src/token-vault.js');
    const diagnostic = await waitFor('the hardcoded key diagnostic', () =>
      keywardenDiagnostics(editor.document.uri).find((d) => ruleOf(d) === 'keywarden/no-hardcoded-key'),
    );
    const text = await waitFor('a keywarden hover on the finding', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        editor.document.uri,
        diagnostic.range.start.translate(0, 1),
      );
      const all = (hovers ?? [])
        .flatMap((h) => h.contents)
        .map((c) => (typeof c === 'string' ? c : c.value))
        .join('\n');
      return all.includes('keywarden/no-hardcoded-key') && all;
    }, 120_000);
    assert.match(text, /Why it matters/);
    assert.match(text, /\*\*Fix:\*\*/);
    assert.match(text, /docs\/rules\/no-hardcoded-key\.md/);
  });

  it('reports MD5 password hashing as a weak algorithm', async function () {
    if (!shippedRules().includes('no-weak-algorithm')) this.skip();
    const editor = await openFixture('src/passwords.js');
    const diagnostic = await waitFor('a keywarden/no-weak-algorithm diagnostic in passwords.js', () =>
      keywardenDiagnostics(editor.document.uri).find((d) => ruleOf(d) === 'keywarden/no-weak-algorithm'),
    );
    assert.equal(editor.document.getText(diagnostic.range).replace(/['"]/g, ''), 'md5');
    assert.equal(
      (diagnostic.code as { target: vscode.Uri }).target.toString(),
      'https://github.com/keywarden/keywarden/blob/main/docs/rules/no-weak-algorithm.md',
    );
  });

  it('reports nothing on look-alikes and shows the count in the language status', async () => {
    const api = await activateKeywarden();
    const editor = await openFixture('src/cache.js');
    const status = await waitFor('the language status of cache.js', () => {
      const current = api.getLanguageStatus();
      return current.detail?.startsWith('linted in') && current;
    });
    assert.equal(status.text, '$(shield) No key issues');
    assert.deepEqual(keywardenDiagnostics(editor.document.uri), []);
  });

  it('updates diagnostics as the document changes', async function () {
    if (!shippedRules().includes('no-weak-algorithm')) this.skip();
    const api = await activateKeywarden();
    const editor = await openFixture('src/cache.js');
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((edit) =>
      edit.insert(end, "\nfunction legacyPasswordHash(password) {\n  return crypto.createHash('md5').update(password).digest('hex');\n}\n"),
    );
    await waitFor('a no-weak-algorithm diagnostic after typing', () =>
      keywardenDiagnostics(editor.document.uri).some((d) => ruleOf(d) === 'keywarden/no-weak-algorithm'),
    );
    await waitFor('the language status to count the new finding', () => /[1-9]\d* key issues?/.test(api.getLanguageStatus().text));
    await restoreFixtures();
    await waitFor('the diagnostic to go away once the text is back', () => keywardenDiagnostics(editor.document.uri).length === 0);
  });
});
