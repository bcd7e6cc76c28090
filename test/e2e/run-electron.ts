/**
 * Runs the same end-to-end suite under @vscode/test-electron, on a machine
 * that can download VS Code: `npm run test:e2e:electron` builds the
 * bundles and runs this file. These offline machines use `npm run test:e2e`
 * instead, which runs the same suite under code-server.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const ROOT = path.resolve(__dirname, '../..');

async function main(): Promise<void> {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'keywarden-e2e-electron-'));
  fs.cpSync(path.join(ROOT, 'test/fixtures/e2e-workspace'), workspace, { recursive: true });
  try {
    await runTests({
      version: process.env.KEYWARDEN_VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(ROOT, 'out/e2e/suite/index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
      extensionTestsEnv: { KEYWARDEN_E2E_WORKSPACE: workspace },
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`e2e (electron): ${(error as Error).message}`);
  process.exit(1);
});
