import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeActionRequest, HoverRequest, type CodeAction, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { KeyInventoryRequest, ScanWorkspaceRequest, type KeyInventoryEntry, type ScanResult } from '../../src/shared/protocol';
import { HARDCODED_KEY_SOURCE } from './fixtures-text';
import { ROOT, TestClient } from './lsp-client';

/**
 * The same server, bundled by `npm run build:server`'s script and run with
 * plain node from a directory outside the repository laid out like the
 * installed extension (dist/server.js, docs/rules, package.json; see
 * .vscodeignore), where no node_modules can be found: what the extension ships.
 */
describe('bundled server (scripts/build-server.mjs, node <installed extension>/dist/server.js --stdio)', function () {
  this.timeout(120000);
  let bundle: string;
  let root: string;
  let client: TestClient;

  before(async () => {
    const installed = fs.mkdtempSync(path.join(os.tmpdir(), 'keywarden-extension-'));
    bundle = path.join(installed, 'dist', 'server.js');
    fs.cpSync(path.join(ROOT, 'docs', 'rules'), path.join(installed, 'docs', 'rules'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(installed, 'package.json'));
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-server.mjs'), `--outfile=${bundle}`], { cwd: ROOT, stdio: 'pipe' });
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'keywarden-bundle-'));
    fs.writeFileSync(path.join(root, 'crypto.ts'), HARDCODED_KEY_SOURCE);
    client = new TestClient({ bundle, workspaceFolders: [{ uri: URI.file(root).toString(), name: 'ws' }] });
    await client.initialize();
  });
  after(async () => {
    await client?.dispose();
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(path.dirname(path.dirname(bundle)), { recursive: true, force: true });
  });

  it('lints, hovers with the rule doc, answers code actions, scans and lists keys', async () => {
    const uri = URI.file(path.join(root, 'open.ts')).toString();
    const { diagnostics } = await client.open(uri, HARDCODED_KEY_SOURCE);
    assert.deepEqual(diagnostics.map((d) => d.code), ['keywarden/no-hardcoded-key']);
    assert.equal(diagnostics[0].relatedInformation?.length, 3);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: diagnostics[0].range.start });
    assert.match((hover!.contents as MarkupContent).value, /Why it matters:\*\* A key in source code/);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics },
    })) as CodeAction[];
    // The readFromEnvironment suggestion, disable for this line, show documentation.
    assert.equal(actions.length, 3);
    const scan = (await client.connection.sendRequest(ScanWorkspaceRequest, {})) as ScanResult;
    assert.deepEqual({ files: scan.files, findings: scan.findings, cancelled: scan.cancelled }, { files: 1, findings: 1, cancelled: false });
    const keys = (await client.connection.sendRequest(KeyInventoryRequest, {})) as KeyInventoryEntry[];
    assert.ok(keys.some((k) => k.origin === 'hardcoded' && k.name === 'ENCRYPTION_KEY'));
    assert.equal(client.stderr, '');
    // The bundle carries ESLint's FlatConfigArray, so the config is normalized once (src/server/lint/config-array.ts).
    assert.ok(!client.logs.some((l) => l.includes('FlatConfigArray')), client.logs.join('\n'));
  });

  it("analyses JavaScript scopes with the bundle's eslint-scope (src/server/lint/javascript-scopes.ts)", async () => {
    // The same key in plain JavaScript: ESLint analyses its scopes with
    // eslint-scope, not typescript-eslint's scope manager. The related
    // locations (definition and both uses) need the variable's references.
    const uri = URI.file(path.join(root, 'open.js')).toString();
    const { diagnostics } = await client.open(uri, HARDCODED_KEY_SOURCE.replace('(text: string)', '(text)').replace('(text: string)', '(text)'), 'javascript');
    assert.deepEqual(diagnostics.map((d) => d.code), ['keywarden/no-hardcoded-key']);
    assert.equal(diagnostics[0].relatedInformation?.length, 3);
    assert.equal(client.stderr, '');
  });
});
