import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateKeywarden, keywardenDiagnostics, openFixture, restoreFixtures, ruleOf, shippedRules, waitFor } from './helpers';

const HARDCODED = 'keywarden/no-hardcoded-key';

async function setting(name: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('keywarden').update(name, value, vscode.ConfigurationTarget.Workspace);
}

function hardcodedKeyIn(editor: vscode.TextEditor): vscode.Diagnostic | undefined {
  return keywardenDiagnostics(editor.document.uri).find((d) => ruleOf(d) === HARDCODED);
}

describe('settings and server lifecycle', () => {
  before(async function () {
    if (!shippedRules().includes('no-hardcoded-key')) this.skip();
    await activateKeywarden();
    await restoreFixtures();
  });

  afterEach(async () => {
    await setting('rules', undefined);
    await setting('enable', undefined);
    await setting('config', undefined);
  });

  it('switches to the strict config with keywarden.config, and back', async function () {
    if (!shippedRules().includes('no-weak-algorithm')) this.skip();
    const editor = await openFixture('src/profile-crypto.cjs');
    const weak = () => keywardenDiagnostics(editor.document.uri).find((d) => ruleOf(d) === 'keywarden/no-weak-algorithm');
    await waitFor('the hardcoded key diagnostic', () => hardcodedKeyIn(editor));
    assert.equal(weak(), undefined, 'recommended: CBC without a MAC is not reported');
    await setting('config', 'strict');
    const finding = await waitFor('the strict-only no-weak-algorithm finding (CBC without authentication)', weak);
    assert.equal(finding.range.start.line, 3);
    assert.match(finding.message, /^aes-256-cbc encrypts without authenticating/);
    await setting('config', undefined);
    await waitFor('the strict-only finding to go away', () => !weak());
  });

  it('applies a severity override from keywarden.rules', async () => {
    const editor = await openFixture('src/token-vault.js');
    const before = await waitFor('the hardcoded key diagnostic', () => hardcodedKeyIn(editor));
    assert.equal(before.severity, vscode.DiagnosticSeverity.Error);
    await setting('rules', { [HARDCODED]: 'warn' });
    await waitFor('the diagnostic to become a warning', () => hardcodedKeyIn(editor)?.severity === vscode.DiagnosticSeverity.Warning);
    await setting('rules', { [HARDCODED]: 'off' });
    await waitFor('the rule to be switched off', () => !hardcodedKeyIn(editor));
  });

  it('stops the server when keywarden.enable is off and starts it again', async () => {
    const api = await activateKeywarden();
    const editor = await openFixture('src/token-vault.js');
    await waitFor('the hardcoded key diagnostic', () => hardcodedKeyIn(editor));
    await setting('enable', false);
    await waitFor('diagnostics to be cleared', () => keywardenDiagnostics(editor.document.uri).length === 0);
    await assert.rejects(api.getKeyInventory(), /not running/);
    await setting('enable', true);
    await waitFor('diagnostics to come back', () => hardcodedKeyIn(editor));
    assert.ok(Array.isArray(await api.getKeyInventory()));
  });

  it('restarts the server on "Keywarden: Restart Server"', async () => {
    const api = await activateKeywarden();
    const editor = await openFixture('src/token-vault.js');
    await vscode.commands.executeCommand('keywarden.restartServer');
    await waitFor('diagnostics after the restart', () => hardcodedKeyIn(editor));
    const inventory = await waitFor('a key inventory from the new server', async () => {
      const entries = await api.getKeyInventory();
      return entries.some((k) => k.name === 'VAULT_KEY') && entries;
    });
    assert.ok(inventory.length > 0);
  });
});
