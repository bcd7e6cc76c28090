import * as assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { listZip, readZipEntry, type ZipEntry } from './zip-listing';

const ROOT = path.resolve(__dirname, '../..');
/** The whole .vsix (zip) must stay below this (1.7 MB on 2026-11-28, most of it TypeScript inside the server bundle). */
const MAX_VSIX_BYTES = 3 * 1024 * 1024;

/** Modules a bundle still `require`s or `import()`s: anything but Node built-ins (and `vscode`) would be missing at run time. */
function externalRequires(bundle: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, bundle), 'utf8');
  const names = new Set<string>();
  for (const match of text.matchAll(/\b(?:require|import)\(\s*["']([^"']+)["']\s*\)/g)) names.add(match[1]);
  return [...names]
    .filter((name) => /^(@[\w.-]+\/)?[\w.-]+(\/[\w.-]+)*$/.test(name)) // module specifiers, not message templates
    .filter((name) => !builtinModules.includes(name.replace(/^node:/, '')));
}

/** Sends `initialize` to a server started from `file` over stdio; resolves with the result. */
function initializeServer(file: string, cwd: string): Promise<{ capabilities?: object }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => finish(new Error(`no initialize response in 30 s; stderr: ${stderr.slice(0, 2000)}`)), 30_000);
    const finish = (error: Error | null, result?: { capabilities?: object }) => {
      clearTimeout(timer);
      child.kill();
      if (error) reject(error);
      else resolve(result!);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const body = /Content-Length: (\d+)\r\n\r\n/.exec(stdout);
      if (!body) return;
      const start = body.index + body[0].length;
      const json = stdout.slice(start, start + Number(body[1]));
      if (Buffer.byteLength(json) < Number(body[1])) return;
      const message = JSON.parse(json) as { id?: number; result?: { capabilities?: object }; error?: { message: string } };
      if (message.id === 1) finish(message.error ? new Error(message.error.message) : null, message.result);
      else stdout = stdout.slice(start + json.length);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => finish(new Error(`server exited (${code}) before answering; stderr: ${stderr.slice(0, 2000)}`)));
    const request = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(request)}\r\n\r\n${request}`);
  });
}

describe('the .vsix package (npm run package)', function () {
  this.timeout(180_000);
  let vsix: string;
  let entries: ZipEntry[];

  before(() => {
    try {
      execFileSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      throw new Error(`npm run package failed:\n${stdout ?? ''}\n${stderr ?? ''}`);
    }
    vsix = path.join(ROOT, 'keywarden.vsix');
    entries = listZip(vsix);
  });

  it('ships exactly the manifest, README, both bundles, the rule docs and the policy schema', () => {
    const docs = fs.existsSync(path.join(ROOT, 'docs/rules'))
      ? fs.readdirSync(path.join(ROOT, 'docs/rules')).filter((f) => f.endsWith('.md')).map((f) => `extension/docs/rules/${f}`)
      : [];
    const expected = [
      '[Content_Types].xml',
      'extension.vsixmanifest',
      'extension/package.json',
      'extension/readme.md',
      'extension/dist/extension.js',
      'extension/dist/server.js',
      'extension/schema/keywarden.policy.schema.json',
      ...docs,
    ];
    assert.deepEqual(entries.map((e) => e.name).sort(), expected.sort());
  });

  it('holds no sources, tests, fixtures, source maps or node_modules', () => {
    const leaked = entries.filter((e) =>
      /^extension\/(src|test|rules|scripts|bench|examples)\/|(^|\/)(node_modules|fixtures)\/|\.(ts|map|tsbuildinfo)$|(^|\/)\.env/.test(e.name),
    );
    assert.deepEqual(leaked, []);
  });

  it(`stays under ${MAX_VSIX_BYTES / 1024 / 1024} MB`, () => {
    const size = fs.statSync(vsix).size;
    assert.ok(size < MAX_VSIX_BYTES, `${vsix} is ${size} bytes`);
  });

  it('carries a manifest whose entry point is the bundled client, without the npm-only fields', () => {
    const manifest = JSON.parse(readZipEntry(vsix, 'extension/package.json')) as Record<string, unknown>;
    assert.equal(manifest.main, './dist/extension.js');
    assert.equal(manifest.files, undefined);
    assert.deepEqual(manifest.extensionKind, ['workspace']);
    // Runs in Restricted Mode, where VS Code withholds a workspace's keywarden.policyFile (the e2e restricted pass checks it).
    const { supported, restrictedConfigurations } = (manifest.capabilities as { untrustedWorkspaces: { supported: unknown; restrictedConfigurations?: string[] } })
      .untrustedWorkspaces;
    assert.equal(supported, 'limited', 'restrictedConfigurations only apply to "limited" support');
    assert.deepEqual(restrictedConfigurations, ['keywarden.policyFile']);
  });

  it('has a server bundle that starts on its own, with no node_modules next to it', async () => {
    const alone = fs.mkdtempSync(path.join(os.tmpdir(), 'keywarden-server-alone-'));
    try {
      fs.writeFileSync(path.join(alone, 'server.js'), readZipEntry(vsix, 'extension/dist/server.js'));
      const result = await initializeServer(path.join(alone, 'server.js'), alone);
      assert.ok(result.capabilities, 'initialize result with capabilities');
    } finally {
      fs.rmSync(alone, { recursive: true, force: true });
    }
  });

  it('bundles every dependency: the client needs only vscode and Node, the server only Node', () => {
    assert.deepEqual(externalRequires('dist/extension.js'), ['vscode']);
    // TypeScript (bundled for the parser) tries `require('source-map-support')` inside a try/catch.
    const optional = new Set(['source-map-support']);
    assert.deepEqual(externalRequires('dist/server.js').filter((name) => !optional.has(name)), []);
  });
});
