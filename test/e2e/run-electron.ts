/**
 * Runs the same end-to-end suite under @vscode/test-electron, on a machine
 * that can download VS Code: `npm run test:e2e:electron` builds the
 * bundles and runs this file. These offline machines use `npm run test:e2e`
 * instead, which runs the same suite under code-server. The same two passes
 * as there: `trusted` (workspace trust disabled) and `restricted` (the
 * restricted fixture opened untrusted, in Restricted Mode).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const ROOT = path.resolve(__dirname, '../..');

const PASSES = [
  { name: 'trusted', fixture: 'test/fixtures/e2e-workspace', workspace: '.', trustArgs: ['--disable-workspace-trust'] },
  { name: 'restricted', fixture: 'test/fixtures/e2e-restricted', workspace: 'workspace', trustArgs: [] },
];

async function main(): Promise<void> {
  for (const pass of PASSES) {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), `keywarden-e2e-electron-${pass.name}-`));
    fs.cpSync(path.join(ROOT, pass.fixture), copy, { recursive: true });
    const workspace = path.join(copy, pass.workspace);
    try {
      await runTests({
        version: process.env.KEYWARDEN_VSCODE_VERSION ?? 'stable',
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: path.join(ROOT, 'out/e2e/suite/index.js'),
        launchArgs: [workspace, '--disable-extensions', ...pass.trustArgs, '--skip-welcome', '--skip-release-notes'],
        extensionTestsEnv: { KEYWARDEN_E2E_WORKSPACE: workspace, KEYWARDEN_E2E_PASS: pass.name },
      });
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  }
}

main().catch((error: unknown) => {
  console.error(`e2e (electron): ${(error as Error).message}`);
  process.exit(1);
});
