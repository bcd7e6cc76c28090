import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { activateKeywarden, clickInWorkbench, notificationToast, waitFor, workspaceRoot } from './helpers';

const GENERATED = 400;

/**
 * "Keywarden: Scan Workspace" stops when the user clicks Cancel on its progress
 * notification: the click is a real one in the workbench page, made by the
 * code-server runner on request (KEYWARDEN_E2E_CONTROL); the server's own log
 * line shows it scanned fewer files than the workspace holds.
 */
describe('scan cancellation from the progress notification', () => {
  const folder = () => path.join(workspaceRoot(), 'generated');

  after(() => fs.rmSync(folder(), { recursive: true, force: true }));

  it('stops the server scan early when Cancel is clicked', async function () {
    if (!process.env.KEYWARDEN_E2E_CONTROL) this.skip(); // only the code-server runner drives the page
    fs.mkdirSync(folder(), { recursive: true });
    for (let i = 0; i < GENERATED; i++) {
      fs.writeFileSync(path.join(folder(), `module${i}.js`), `const crypto = require('crypto');\nexports.h${i} = (s) => crypto.createHash('md5').update(s).digest('hex');\n`);
    }
    const api = await activateKeywarden();
    const logBefore = api.getServerLog().length;
    const scan = api.scanWorkspace();
    const clicking = clickInWorkbench('scancancel', notificationToast('Keywarden: scanning workspace'), 'Cancel');
    const result = await scan;
    const click = await clicking;
    assert.ok(click.clicked, `click failed: ${click.error}`);
    assert.equal(result.cancelled, true, JSON.stringify(result));
    const line = await waitFor('the server to log the cancelled scan', () =>
      api.getServerLog().slice(logBefore).find((l) => /keywarden: scanned \d+ files in \d+ ms \(.*cancelled\)/.test(l)),
    );
    const scanned = Number(/scanned (\d+) files/.exec(line)![1]);
    assert.ok(scanned < GENERATED, `the server stopped early: ${line}`);
  });
});
