import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { KeyNode } from '../../../src/extension/key-tree';
import { activateKeywarden, keywardenDiagnostics, restoreFixtures, ruleOf, shippedRules, waitFor, workspaceUri } from './helpers';

function find(nodes: readonly KeyNode[], predicate: (n: KeyNode) => boolean): KeyNode | undefined {
  for (const node of nodes) {
    if (predicate(node)) return node;
    const hit = find(node.children, predicate);
    if (hit) return hit;
  }
  return undefined;
}

describe('workspace scan and the Keys view', () => {
  before(restoreFixtures);

  it('scans every file that is not ignored and fills the Problems panel', async () => {
    const api = await activateKeywarden();
    const result = await api.scanWorkspace();
    assert.equal(result.cancelled, false);
    // Six JS/TS files outside ignored/ (in .gitignore). Files open in the editor
    // are linted as you type, so the scan skips them: at least src/webhook.ts and
    // src/legacy/auth.js, which no test opens, are scanned.
    assert.ok(result.files >= 2 && result.files <= 6, JSON.stringify(result));
    assert.ok(result.durationMs >= 0);
    // Both hold a hardcoded key: ignored/ is in .gitignore, static/ in files.exclude (.vscode/settings.json).
    assert.deepEqual(keywardenDiagnostics(workspaceUri('ignored/leaked.js')), []);
    assert.deepEqual(keywardenDiagnostics(workspaceUri('static/client-bundle.js')), []);
    if (shippedRules().includes('no-weak-algorithm')) {
      assert.ok(result.findings >= 1, JSON.stringify(result));
      const never = await waitFor('diagnostics for src/legacy/auth.js, never opened', () => {
        const found = keywardenDiagnostics(workspaceUri('src/legacy/auth.js'));
        return found.length > 0 && found;
      });
      assert.ok(never.some((d) => ruleOf(d) === 'keywarden/no-weak-algorithm'), JSON.stringify(never.map(ruleOf)));
    }
  });

  it('lists the hardcoded key, grouped by origin, with purposes, algorithms and findings', async function () {
    if (!shippedRules().includes('no-hardcoded-key')) this.skip();
    const api = await activateKeywarden();
    const inventory = await api.getKeyInventory();
    const vault = inventory.find((k) => k.name === 'VAULT_KEY');
    assert.ok(vault, `VAULT_KEY in ${JSON.stringify(inventory.map((k) => k.name))}`);
    assert.equal(vault.origin, 'hardcoded');
    assert.ok(vault.algorithms.some((a) => /aes-256-gcm/i.test(a)), JSON.stringify(vault.algorithms));
    assert.ok(vault.findings.some((f) => f.ruleId === 'keywarden/no-hardcoded-key'));
    assert.ok(vault.locations.every((l) => l.uri.endsWith('/src/token-vault.js')));

    const tree = await api.getKeysView();
    const hardcoded = tree.find((n) => n.label === 'Hardcoded');
    assert.ok(hardcoded, `groups: ${tree.map((n) => n.label).join(', ')}`);
    const key = hardcoded.children.find((n) => n.label === 'VAULT_KEY');
    assert.ok(key?.location, 'the key node jumps to the code');
    assert.deepEqual(
      key.children.map((n) => n.label),
      ['Purposes', 'Algorithms', 'Zeroization', 'Findings', 'Locations'],
    );
    const finding = find(key.children, (n) => n.label === 'keywarden/no-hardcoded-key');
    assert.ok(finding?.location?.uri.endsWith('/src/token-vault.js'));
  });

  it('lists the environment key under Environment', async () => {
    const api = await activateKeywarden();
    const tree = await api.getKeysView();
    const environment = tree.find((n) => n.label === 'Environment');
    assert.ok(environment, `groups: ${tree.map((n) => n.label).join(', ')}`);
    // Environment keys are named by their variable, the same identity in every file.
    assert.ok(find(environment.children, (n) => n.label === 'WEBHOOK_SIGNING_KEY'), 'WEBHOOK_SIGNING_KEY');
  });

  it('reveals a key location when its node is clicked', async function () {
    if (!shippedRules().includes('no-hardcoded-key')) this.skip();
    const api = await activateKeywarden();
    const key = find(await api.getKeysView(), (n) => n.label === 'VAULT_KEY');
    assert.ok(key?.location);
    const { start } = key.location.range;
    // What a click runs: the tree item's command.
    const command = api.getKeysTreeItem(key).command;
    assert.ok(command, 'the key node has a command');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = await waitFor('the key location to open', () => vscode.window.activeTextEditor?.document.uri.path.endsWith('/src/token-vault.js') && vscode.window.activeTextEditor);
    assert.equal(editor.selection.active.line, start.line);
  });
});
