import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateKeywarden, codeActionsAt, keywardenDiagnostics, openFixture, restoreFixtures, ruleOf, shippedRules, waitFor } from './helpers';

/** A diagnostic's related information as [line, character, message], all in `uri`. */
function relatedOf(diagnostic: vscode.Diagnostic, uri: vscode.Uri): [number, number, string][] {
  for (const r of diagnostic.relatedInformation ?? []) assert.equal(r.location.uri.toString(), uri.toString());
  return (diagnostic.relatedInformation ?? []).map((r) => [r.location.range.start.line, r.location.range.start.character, r.message]);
}

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
    // Related information: where the constant is named and where it is used, in this file.
    assert.deepEqual(relatedOf(diagnostic, editor.document.uri), [
      [3, 6, "'VAULT_KEY' is defined here"],
      [7, 54, "'VAULT_KEY' is used here"],
    ]);
  });

  it('shows every use site of a key used for two purposes as related information', async function () {
    if (!shippedRules().includes('no-key-reuse-across-purposes')) this.skip();
    const editor = await openFixture('src/session-keys.js');
    const diagnostic = await waitFor('a keywarden/no-key-reuse-across-purposes diagnostic in session-keys.js', () =>
      keywardenDiagnostics(editor.document.uri).find((d) => ruleOf(d) === 'keywarden/no-key-reuse-across-purposes'),
    );
    // Reported on the key's definition; the cipher (encrypt) and the HMAC (mac) uses are related.
    assert.equal(editor.document.getText(diagnostic.range), 'SESSION_KEY');
    assert.match(diagnostic.message, /used for encrypt and mac/);
    assert.deepEqual(relatedOf(diagnostic, editor.document.uri), [
      [7, 54, 'used for encrypt here'],
      [12, 37, 'used for mac here'],
    ]);
    for (const { location } of diagnostic.relatedInformation!) assert.equal(editor.document.getText(location.range), 'SESSION_KEY');
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
    // What is wrong: the finding's own message (markdown-escaped) and its rule, first.
    const plain = text.replace(/\\(.)/g, '$1');
    assert.ok(plain.includes(`**${diagnostic.message}** (\`keywarden/no-hardcoded-key\`)`), text);
    assert.match(text, /\*\*Why it matters:\*\* \S/);
    // The fix: the rule's own suggestions, as the light bulb offers them (before disable and documentation).
    const fix = plain.slice(plain.indexOf('**Fix:**'));
    const actions = await codeActionsAt(editor.document.uri, diagnostic.range);
    const suggestions = actions.slice(0, actions.findIndex((a) => a.title.startsWith('Disable '))).map((a) => a.title);
    assert.ok(suggestions.length > 0, JSON.stringify(actions.map((a) => a.title)));
    // (the envelope rewrite's action has a short title; the hover keeps the rule's longer text)
    const inHover = (title: string) => (title === 'Rewrite to envelope encryption (keywarden/kms)' ? 'Rewrite to envelope encryption' : title);
    for (const suggestion of suggestions) assert.ok(fix.includes(inHover(suggestion)), `hover fix lists "${suggestion}":\n${fix}`);
    assert.ok(!text.includes('3f1c9a7be24d8816c05f3e9a1b7d2c4e8a6f0b3d5c7e9f1a2b4c6d8e0f1a3b5c'), 'never echoes the whole secret');
    assert.ok(text.includes('[Rule documentation: keywarden/no-hardcoded-key](https://github.com/keywarden/keywarden/blob/main/docs/rules/no-hardcoded-key.md)'), text);
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
    assert.match(status.detail!, /^linted in \d+ ms$/);
    assert.deepEqual(keywardenDiagnostics(editor.document.uri), []);
  });

  it('shows the active file\'s finding count in the language status', async function () {
    if (!shippedRules().includes('no-hardcoded-key')) this.skip();
    const api = await activateKeywarden();
    const editor = await openFixture('src/token-vault.js');
    await waitFor('the hardcoded key diagnostic', () => keywardenDiagnostics(editor.document.uri).some((d) => ruleOf(d) === 'keywarden/no-hardcoded-key'));
    const count = keywardenDiagnostics(editor.document.uri).length;
    const status = await waitFor('the language status of token-vault.js', () => {
      const current = api.getLanguageStatus();
      return current.text === `$(shield) ${count} key issue${count === 1 ? '' : 's'}` && current;
    });
    assert.match(status.detail!, /^linted in \d+ ms$/);
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
