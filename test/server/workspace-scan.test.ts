import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { DidChangeWatchedFilesNotification, FileChangeType, CancellationTokenSource, WorkDoneProgressCancelNotification } from 'vscode-languageserver-protocol/node';
import { ScanWorkspaceRequest, type ScanResult } from '../../src/shared/protocol';
import { TestClient } from './lsp-client';
import { generatedSource } from './generated-source';

function write(root: string, relative: string, content: string | Buffer) {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

const MANY = 150;

async function until(condition: () => boolean, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 2));
  }
}

const uriOf = (file: string) => URI.file(file).toString();

describe('workspace scan (LSP over stdio)', function () {
  this.timeout(60000);
  let root: string;
  let client: TestClient;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'keywarden-scan-'));
    write(root, '.gitignore', 'build/\n*.generated.ts\n');
    write(root, 'src/a.ts', 'export const a = 1;\n');
    write(root, 'src/b.js', 'module.exports = 2;\n');
    write(root, 'src/c.mjs', 'export default 3;\n');
    write(root, 'src/broken.ts', 'const = ;\n');
    write(root, 'src/nested/.gitignore', 'secret-*.js\n');
    write(root, 'src/nested/secret-one.js', 'var x = 1;\n');
    write(root, 'src/nested/kept.cts', 'export = 4;\n');
    write(root, 'src/x.generated.ts', 'export const g = 1;\n');
    write(root, 'build/out.js', 'var built = 1;\n');
    write(root, 'node_modules/dep/index.js', 'module.exports = {};\n');
    write(root, 'excluded/e.ts', 'export const e = 1;\n');
    write(root, 'vendor/lib.min.js', 'var a=1;'.repeat(1000));
    write(root, 'src/minified.js', `${'var a=1;'.repeat(2000)}\n`);
    write(root, 'src/binary.js', Buffer.from([0, 1, 2, 3, 0, 255, 254, 0]));
    write(root, 'README.md', '# not code\n');
    client = new TestClient({
      workspaceFolders: [{ uri: uriOf(root), name: 'ws' }],
      configuration: { files: { exclude: { '**/excluded': true, '**/.git': true, '**/off': false } } },
    });
    await client.initialize();
  });
  after(async () => {
    await client.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const expected = ['src/a.ts', 'src/b.js', 'src/c.mjs', 'src/broken.ts', 'src/nested/kept.cts'];

  it('lints every JS/TS file honouring .gitignore (nested too) and files.exclude, skipping node_modules, minified and binary files', async () => {
    const token = 'scan-1';
    const result = (await client.connection.sendRequest(ScanWorkspaceRequest, { workDoneToken: token })) as ScanResult;
    assert.equal(result.cancelled, false);
    assert.equal(result.files, expected.length, 'the minified and binary files are read, then skipped');
    for (const file of expected) assert.ok(client.published(uriOf(path.join(root, file))).length > 0, `${file} was not published`);
    for (const file of ['src/nested/secret-one.js', 'src/x.generated.ts', 'build/out.js', 'node_modules/dep/index.js', 'excluded/e.ts', 'vendor/lib.min.js', 'README.md']) {
      assert.equal(client.published(uriOf(path.join(root, file))).length, 0, `${file} should not be scanned`);
    }
    const broken = client.published(uriOf(path.join(root, 'src/broken.ts'))).at(-1)!;
    assert.equal(broken.diagnostics.length, 1);
    assert.match(broken.diagnostics[0].message, /Parsing error/);
    // progress: begin … report … end on the token the client passed
    const kinds = client.progress.filter((p) => p.token === token).map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.ok(kinds.includes('report'));
    assert.equal(kinds.at(-1), 'end');
  });

  it('re-lints only the changed file afterwards (didChangeWatchedFiles), and clears deleted files', async () => {
    assert.ok(client.registrations.includes('workspace/didChangeWatchedFiles'));
    const changed = path.join(root, 'src/a.ts');
    const untouched = uriOf(path.join(root, 'src/b.js'));
    const before = client.published(untouched).length;
    fs.writeFileSync(changed, 'export const a = ;\n');
    const relinted = client.nextDiagnostics(uriOf(changed));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(changed), type: FileChangeType.Changed }] });
    const published = await relinted;
    assert.match(published.diagnostics[0]?.message ?? '', /Parsing error/);
    assert.equal(client.published(untouched).length, before);

    const deleted = path.join(root, 'src/c.mjs');
    fs.rmSync(deleted);
    const cleared = client.nextDiagnostics(uriOf(deleted));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(deleted), type: FileChangeType.Deleted }] });
    assert.deepEqual((await cleared).diagnostics, []);

    const created = path.join(root, 'src/new.ts');
    fs.writeFileSync(created, 'export const n = ;\n');
    const fresh = client.nextDiagnostics(uriOf(created));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(created), type: FileChangeType.Created }] });
    assert.equal((await fresh).diagnostics.length, 1);
  });

  it('stops early and says so when the request is cancelled', async () => {
    for (let i = 0; i < MANY; i++) write(root, `many/file${i}.ts`, generatedSource(200));
    const source = new CancellationTokenSource();
    const seen = client.progress.length;
    const pending = client.connection.sendRequest(ScanWorkspaceRequest, {}, source.token) as Promise<ScanResult>;
    await until(() => client.progress.slice(seen).some((p) => p.value.kind === 'report'));
    source.cancel();
    const result = await pending;
    assert.equal(result.cancelled, true);
    assert.ok(result.files < MANY, `scanned ${result.files} files despite cancellation`);
  });

  it('stops early when the progress notification is cancelled (window/workDoneProgress/cancel)', async () => {
    const token = 'scan-cancel';
    const pending = client.connection.sendRequest(ScanWorkspaceRequest, { workDoneToken: token }) as Promise<ScanResult>;
    await until(() => client.progress.some((p) => p.token === token && p.value.kind === 'report'));
    await client.connection.sendNotification(WorkDoneProgressCancelNotification.type, { token });
    const result = await pending;
    assert.equal(result.cancelled, true);
    assert.ok(result.files < MANY, `scanned ${result.files} files despite cancellation`);
  });
});
