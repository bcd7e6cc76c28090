/**
 * Runs the end-to-end suite (test/e2e/suite) inside a real VS Code extension
 * host, offline: the VS Code server shipped in code-server (cached under
 * ~/.cache/keywarden-e2e) serves the workbench on loopback, headless Debian
 * chromium driven by playwright-core opens it with a test payload, and VS Code
 * runs the suite's `run()` in its Node extension host, then reports the exit
 * code through `window.codeAutomationExit`. See shared notes "vscode-e2e.md".
 *
 * Two passes, each with its own VS Code server, browser and workspace copy:
 * - `trusted`: the suite's `*.e2e.ts` files in test/fixtures/e2e-workspace,
 *   with workspace trust disabled (`--disable-workspace-trust`);
 * - `restricted`: its `*.restricted.ts` files in
 *   test/fixtures/e2e-restricted/workspace with workspace trust on. A fresh
 *   browser profile has trusted no folder, so VS Code opens it in Restricted
 *   Mode (the specs assert `vscode.workspace.isTrusted === false` first).
 * `KEYWARDEN_E2E_PASSES=restricted` runs one pass, `KEYWARDEN_E2E_FILES=3-code`
 * only the spec files whose name contains one of the comma-separated words
 * (for development; CI runs everything).
 *
 * Missing prerequisites fail the run (never a skip): install them with
 * `.ci/setup.d/30-e2e.sh`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../..');
const VERSION = process.env.KEYWARDEN_CODE_SERVER_VERSION ?? '4.100.3';
const CACHE = process.env.KEYWARDEN_E2E_CACHE ?? path.join(os.homedir(), '.cache', 'keywarden-e2e');
const SERVER_MAIN = path.join(CACHE, VERSION, 'node_modules/code-server/lib/vscode/out/server-main.js');
const CHROMIUM = process.env.KEYWARDEN_CHROMIUM ?? '/usr/bin/chromium';
const SUITE_ENTRY = path.join(ROOT, 'out/e2e/suite/index.js');

interface Pass {
  name: 'trusted' | 'restricted';
  /** Copied whole into the run's temporary folder. */
  fixture: string;
  /** The folder VS Code opens, relative to the copy. */
  workspace: string;
  /** Whether VS Code's workspace trust is on (`--disable-workspace-trust` otherwise). */
  workspaceTrust: boolean;
}

const PASSES: Pass[] = [
  { name: 'trusted', fixture: path.join(ROOT, 'test/fixtures/e2e-workspace'), workspace: '.', workspaceTrust: false },
  // The policy file the workspace's settings point at lies outside the workspace (../outside).
  { name: 'restricted', fixture: path.join(ROOT, 'test/fixtures/e2e-restricted'), workspace: 'workspace', workspaceTrust: true },
];
/** The whole run, startup included; the suite itself has per-test deadlines. */
const RUN_TIMEOUT_MS = Number(process.env.KEYWARDEN_E2E_TIMEOUT_MS ?? 300_000);
const SERVER_START_TIMEOUT_MS = 60_000;

function fail(message: string): never {
  console.error(`e2e: ${message}`);
  process.exit(1);
}

function ensurePrerequisites(): void {
  if (!fs.existsSync(SERVER_MAIN)) {
    console.log(`e2e: code-server ${VERSION} is not cached; installing it (a few minutes, once)`);
    const install = spawnSync('bash', [path.join(__dirname, 'install-code-server.sh')], {
      stdio: 'inherit',
      env: { ...process.env, KEYWARDEN_CODE_SERVER_VERSION: VERSION, KEYWARDEN_E2E_CACHE: CACHE },
    });
    if (install.status !== 0 || !fs.existsSync(SERVER_MAIN)) fail(`could not install code-server ${VERSION}; run .ci/setup.d/30-e2e.sh`);
  }
  if (!fs.existsSync(CHROMIUM)) fail(`${CHROMIUM} not found; run .ci/setup.d/30-e2e.sh (Debian package chromium)`);
  for (const built of ['dist/extension.js', 'dist/server.js', 'out/e2e/suite/index.js']) {
    if (!fs.existsSync(path.join(ROOT, built))) fail(`${built} is missing; run \`npm run test:e2e\` (it builds first)`);
  }
  for (const pass of PASSES) if (!fs.existsSync(pass.fixture)) fail(`fixture ${pass.fixture} is missing`);
}

/** Starts the VS Code server on a free loopback port; resolves with its URL once it listens. */
function startServer(
  dirs: { data: string; extensions: string },
  env: NodeJS.ProcessEnv,
  workspaceTrust: boolean,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      SERVER_MAIN,
      '--host', '127.0.0.1',
      '--port', '0',
      '--without-connection-token',
      '--accept-server-license-terms',
      '--enable-smoke-test-driver',
      ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
      '--disable-telemetry',
      '--server-data-dir', dirs.data,
      '--extensions-dir', dirs.extensions,
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`VS Code server did not start in ${SERVER_START_TIMEOUT_MS} ms:\n${output}`)), SERVER_START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Web UI available at (http:\/\/[^\s/]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`VS Code server exited (${code}) before listening:\n${output}`));
    });
  });
}

function findFiles(dir: string, name: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => path.basename(f) === name)
    .map((f) => path.join(dir, f));
}

/** Lines of the extension host log that show an error thrown by keywarden's code. */
function keywardenErrors(log: string): string[] {
  return log
    .split('\n')
    .filter((line) => /\[error\]/i.test(line) && /keywarden/i.test(line));
}

/**
 * What a user does with the mouse, on the suite's request: the suite (in the
 * extension host) writes `request-<id>.json` = { within, text?, button, exact? }
 * into the control folder; this clicks the button named `button` inside the
 * first element matching the CSS selector `within` (a notification toast, the
 * workspace trust editor) whose text contains `text`, and answers
 * `done-<id>.json` = { clicked, error? }.
 */
function clickOnRequest(page: Page, control: string): () => void {
  const handled = new Set<string>();
  const timer = setInterval(() => {
    for (const file of fs.readdirSync(control)) {
      const match = /^request-(\w+)\.json$/.exec(file);
      if (!match || handled.has(file)) continue;
      handled.add(file);
      const request = JSON.parse(fs.readFileSync(path.join(control, file), 'utf8')) as { within: string; text?: string; button: string; exact?: boolean };
      const answer = (result: object) => fs.writeFileSync(path.join(control, `done-${match[1]}.json`), JSON.stringify(result));
      page
        .locator(request.within, request.text ? { hasText: request.text } : {})
        .getByRole('button', { name: request.button, exact: request.exact === true })
        .first()
        .click({ timeout: 30_000 })
        .then(() => answer({ clicked: true }))
        .catch((error: Error) => answer({ clicked: false, error: error.message.split('\n')[0] }));
    }
  }, 100);
  return () => clearInterval(timer);
}

/** Runs one pass in its own server, browser and temporary folder; resolves with its exit code. */
async function runPass(pass: Pass): Promise<number> {
  const started = Date.now();
  const phase = (what: string) => console.log(`e2e [${pass.name}]: ${what} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `keywarden-e2e-${pass.name}-`));
  fs.cpSync(pass.fixture, path.join(tmp, 'fixture'), { recursive: true });
  const workspace = path.join(tmp, 'fixture', pass.workspace);
  const dirs = { data: path.join(tmp, 'server-data'), extensions: path.join(tmp, 'extensions') };
  const report = path.join(tmp, 'report.txt');
  const control = path.join(tmp, 'control');
  fs.mkdirSync(control);
  const env = {
    ...process.env,
    KEYWARDEN_E2E_PASS: pass.name,
    KEYWARDEN_E2E_REPORT: report,
    KEYWARDEN_E2E_WORKSPACE: workspace,
    KEYWARDEN_E2E_CONTROL: control,
  };

  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let exitCode = 1;
  try {
    const started_ = await startServer(dirs, env, pass.workspaceTrust);
    server = started_.child;
    const { url } = started_;
    phase(`VS Code server listening at ${url}`);
    const remote = (p: string) => `vscode-remote://${new URL(url).host}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(SUITE_ENTRY)],
    ];
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const exited = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    const timeout = new Promise<number>((resolve) =>
      setTimeout(() => {
        console.error(`e2e [${pass.name}]: no result within ${RUN_TIMEOUT_MS} ms`);
        resolve(124);
      }, RUN_TIMEOUT_MS).unref(),
    );
    const stopClicking = clickOnRequest(page, control);
    await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    phase('workbench page loaded');
    exitCode = await Promise.race([exited, timeout]);
    stopClicking();
    // What the workbench showed when the suite failed, kept with the logs.
    if (exitCode !== 0) await page.screenshot({ path: path.join(tmp, 'workbench.png') }).catch(() => undefined);
    if (exitCode !== 0 && pageErrors.length > 0) console.error(`e2e [${pass.name}]: workbench errors:\n  ${pageErrors.slice(0, 20).join('\n  ')}`);
  } catch (error) {
    console.error(`e2e [${pass.name}]: ${(error as Error).message}`);
    exitCode = 1;
  } finally {
    await browser?.close().catch(() => undefined);
    if (server?.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }

  if (fs.existsSync(report)) process.stdout.write(fs.readFileSync(report, 'utf8'));
  else console.error(`e2e [${pass.name}]: the suite wrote no report (did the extension host start it?)`);

  const hostLogs = findFiles(dirs.data, 'remoteexthost.log');
  const errors = hostLogs.flatMap((file) => keywardenErrors(fs.readFileSync(file, 'utf8')));
  if (hostLogs.length === 0) {
    console.error(`e2e [${pass.name}]: no extension host log under ${dirs.data}`);
    exitCode ||= 1;
  } else if (errors.length > 0) {
    console.error(`e2e [${pass.name}]: the extension host logged errors from keywarden:\n  ${errors.join('\n  ')}`);
    exitCode ||= 1;
  }
  console.log(`e2e [${pass.name}]: exit ${exitCode}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (exitCode === 0 && !process.env.KEYWARDEN_E2E_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
  else console.log(`e2e [${pass.name}]: logs and workspace kept in ${tmp}`);
  return exitCode;
}

async function main(): Promise<void> {
  ensurePrerequisites();
  const wanted = process.env.KEYWARDEN_E2E_PASSES?.split(',').map((p) => p.trim()).filter(Boolean);
  const passes = wanted ? PASSES.filter((p) => wanted.includes(p.name)) : PASSES;
  if (passes.length === 0) fail(`KEYWARDEN_E2E_PASSES=${process.env.KEYWARDEN_E2E_PASSES} names no pass (${PASSES.map((p) => p.name).join(', ')})`);
  let exitCode = 0;
  // One after the other: each pass is a whole VS Code and browser on a shared 2-core machine.
  for (const pass of passes) {
    const code = await runPass(pass);
    exitCode ||= code;
  }
  console.log(`e2e: VS Code ${VERSION.replace(/^4\./, '1.')} (code-server ${VERSION}), passes ${passes.map((p) => p.name).join(', ')}, exit ${exitCode}`);
  process.exit(exitCode);
}

void main();
