import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { activateKeywarden, clickInWorkbench, EXTENSION_ID, keywardenDiagnostics, openFixture, ruleOf, waitFor, workspaceUri } from './helpers';

/**
 * Runs only in the runner's `restricted` pass: VS Code with workspace trust on
 * and test/fixtures/e2e-restricted/workspace opened untrusted (Restricted
 * Mode). The manifest declares untrusted-workspace support with
 * `keywarden.policyFile` as a restricted setting; the fixture's workspace
 * settings point it at a policy outside the workspace (see its README).
 */
const REUSE = 'keywarden/no-key-reuse-across-purposes';
const POLICY_FILE = '../outside/keywarden.policy.json';

async function reuseFinding(editor: vscode.TextEditor, declared: string): Promise<vscode.Diagnostic> {
  return waitFor(`a ${REUSE} finding "declared for ${declared}" in webhook.ts`, () =>
    keywardenDiagnostics(editor.document.uri).find((d) => ruleOf(d) === REUSE && d.message.includes(`declared for ${declared} `)),
  );
}

describe('Restricted Mode (an untrusted workspace)', () => {
  before(async function () {
    // Everything below means something only if VS Code really is in Restricted Mode.
    assert.equal(vscode.workspace.isTrusted, false, 'the runner opens this workspace untrusted');
    await activateKeywarden();
  });

  after(async () => {
    await vscode.workspace.getConfiguration('keywarden').update('policyFile', undefined, vscode.ConfigurationTarget.Global);
  });

  it('activates the extension and its language server', async () => {
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
    const api = await activateKeywarden();
    assert.ok(Array.isArray(await api.getKeyInventory()));
  });

  it('scans the workspace on startup (keywarden.scanOnStartup, not a restricted setting)', async () => {
    const uri = workspaceUri('src/legacy-digest.js');
    const found = await waitFor('diagnostics for src/legacy-digest.js, never opened', () => {
      const diagnostics = keywardenDiagnostics(uri);
      return diagnostics.length > 0 && diagnostics;
    });
    assert.deepEqual(found.map((d) => [ruleOf(d), d.range.start.line]), [['keywarden/no-weak-algorithm', 4]]);
  });

  it('still reports findings as you type', async () => {
    const editor = await openFixture('src/token-vault.js');
    const finding = await waitFor('the no-hardcoded-key diagnostic in token-vault.js', () =>
      keywardenDiagnostics(editor.document.uri).find((d) => ruleOf(d) === 'keywarden/no-hardcoded-key'),
    );
    assert.equal(finding.range.start.line, 3);
    assert.equal((finding.code as { target: vscode.Uri }).target.toString(), 'https://github.com/keywarden/keywarden/blob/main/docs/rules/no-hardcoded-key.md');
  });

  it("ignores the workspace's keywarden.policyFile and reads the nearest keywarden.policy.json", async () => {
    const settingsFile = JSON.parse(fs.readFileSync(workspaceUri('.vscode/settings.json').fsPath, 'utf8')) as Record<string, unknown>;
    assert.equal(settingsFile['keywarden.policyFile'], POLICY_FILE, 'the fixture sets it in .vscode/settings.json');
    // VS Code withholds a restricted setting's workspace value in Restricted Mode.
    assert.equal(vscode.workspace.getConfiguration('keywarden').inspect('policyFile')?.workspaceValue, undefined);
    assert.equal(vscode.workspace.getConfiguration('keywarden').get('policyFile'), null);
    const editor = await openFixture('src/webhook.ts');
    // The workspace's own policy declares the key for `sign`; the outside one for `encrypt`.
    const finding = await reuseFinding(editor, 'sign');
    assert.ok(!keywardenDiagnostics(editor.document.uri).some((d) => d.message.includes('declared for encrypt')), finding.message);
  });

  it('honours keywarden.policyFile from the user settings, which the user wrote', async () => {
    const editor = await openFixture('src/webhook.ts');
    await reuseFinding(editor, 'sign');
    await vscode.workspace.getConfiguration('keywarden').update('policyFile', POLICY_FILE, vscode.ConfigurationTarget.Global);
    await reuseFinding(editor, 'encrypt');
    await vscode.workspace.getConfiguration('keywarden').update('policyFile', undefined, vscode.ConfigurationTarget.Global);
    await reuseFinding(editor, 'sign');
  });

  // Last: it leaves the workspace trusted.
  it("applies the workspace's keywarden.policyFile once the user trusts the workspace", async function () {
    if (!process.env.KEYWARDEN_E2E_CONTROL) this.skip(); // needs a click in the workbench page
    const editor = await openFixture('src/webhook.ts');
    await reuseFinding(editor, 'sign');
    // What a user does: "Manage Workspace Trust" (also behind the Restricted Mode status item), then "Trust".
    await vscode.commands.executeCommand('workbench.trust.manage');
    const click = await clickInWorkbench('trust', { within: '.workspace-trust-editor', exact: true }, 'Trust');
    assert.ok(click.clicked, `click failed: ${click.error}`);
    await waitFor('VS Code to trust the workspace', () => vscode.workspace.isTrusted);
    assert.equal(vscode.workspace.getConfiguration('keywarden').get('policyFile'), POLICY_FILE);
    await reuseFinding(editor, 'encrypt');
  });
});
