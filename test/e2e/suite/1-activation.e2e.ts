import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateKeywarden, EXTENSION_ID } from './helpers';

describe('activation', () => {
  it('activates in the fixture workspace and returns the test API', async () => {
    const api = await activateKeywarden();
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
    for (const method of ['getKeyInventory', 'scanWorkspace', 'getServerLog', 'getKeysView', 'getLanguageStatus'] as const) {
      assert.equal(typeof api[method], 'function', method);
    }
  });

  it('registers the contributed commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['keywarden.scanWorkspace', 'keywarden.showRuleDocumentation', 'keywarden.restartServer']) {
      assert.ok(commands.includes(id), id);
    }
  });

  it('starts the language server and answers a key inventory request', async () => {
    const api = await activateKeywarden();
    const inventory = await api.getKeyInventory();
    assert.ok(Array.isArray(inventory));
  });
});
