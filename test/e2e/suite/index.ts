/**
 * The extension-tests entry VS Code loads in its extension host
 * (`extensionTestsPath`), under code-server (test/e2e/run-code-server.ts) or
 * @vscode/test-electron (test/e2e/run-electron.ts). It runs the spec files
 * next to it with mocha and settles when they finish; the runner reads the
 * pass/fail exit code from VS Code. Which files: `*.e2e.js` in the trusted
 * pass, `*.restricted.js` when the runner sets KEYWARDEN_E2E_PASS=restricted
 * (VS Code in Restricted Mode); KEYWARDEN_E2E_FILES (comma-separated words)
 * keeps only the files whose name contains one of them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
// mocha 11 is CommonJS; `require` keeps it resolvable from the extension folder.
import Mocha = require('mocha');

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  const suffix = process.env.KEYWARDEN_E2E_PASS === 'restricted' ? '.restricted.js' : '.e2e.js';
  const only = process.env.KEYWARDEN_E2E_FILES?.split(',').map((w) => w.trim()).filter(Boolean);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(suffix) && (!only || only.some((word) => f.includes(word))))
    .sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  const report = reportWriter(process.env.KEYWARDEN_E2E_REPORT);
  const started = Date.now();
  report(`e2e suite: running ${files.length} files in the extension host (VS Code ${vscodeVersion()})\n`);
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      report(`e2e suite: ${stats.passes} passing, ${stats.failures} failing, ${stats.pending} pending (${seconds} s)\n`);
      if (files.length === 0) reject(new Error(`no *${suffix} files in ${__dirname}${only ? ` matching ${only.join(', ')}` : ''}`));
      else if (failures > 0) reject(new Error(`${failures} end-to-end test(s) failed`));
      else resolve();
    });
    const stats = { passes: 0, failures: 0, pending: 0 };
    runner.on('pass', (test) => {
      stats.passes++;
      report(`  ✓ ${test.fullTitle()} (${test.duration ?? 0} ms)\n`);
    });
    runner.on('pending', (test) => {
      stats.pending++;
      report(`  - PENDING ${test.fullTitle()}\n`);
    });
    runner.on('fail', (test, error: Error) => {
      stats.failures++;
      report(`  ✗ ${test.fullTitle()}\n    ${(error.stack ?? error.message).split('\n').join('\n    ')}\n`);
    });
  });
}

function vscodeVersion(): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('vscode') as typeof import('vscode')).version;
  } catch {
    return 'unknown';
  }
}

/** The extension host's stdout is not the runner's, so results also go to a file the runner prints. */
function reportWriter(file: string | undefined): (text: string) => void {
  return (text) => {
    // Minified bundles put whole files on one line; keep the report readable.
    text = text.replace(/^(.{400}).+$/gm, '$1…');
    if (file) fs.appendFileSync(file, text);
    else process.stdout.write(text);
  };
}
