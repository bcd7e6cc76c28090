import * as assert from 'node:assert/strict';
import { HoverRequest, DidChangeTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { StatusNotification, type StatusParams } from '../../src/shared/protocol';
import { generatedSource } from './generated-source';
import { TestClient } from './lsp-client';

describe('language server robustness (LSP over stdio)', function () {
  this.timeout(60000);
  let client: TestClient;
  const statuses: StatusParams[] = [];

  before(async () => {
    client = new TestClient({ workspaceFolders: [{ uri: 'file:///tmp/keywarden-robustness', name: 'ws' }] });
    client.connection.onNotification(StatusNotification, (p: StatusParams) => statuses.push(p));
    await client.initialize();
  });
  after(() => client.dispose());

  /** The server still answers a request after whatever happened before. */
  async function assertAlive() {
    assert.ok(client.alive, `server exited; stderr: ${client.stderr.slice(-300)}`);
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: 'file:///tmp/keywarden-robustness/none.ts' },
      position: { line: 0, character: 0 },
    });
    assert.equal(hover, null);
  }

  it('reports a syntax error as one diagnostic without a rule code, then recovers when fixed', async () => {
    const uri = 'file:///tmp/keywarden-robustness/broken.ts';
    const broken = await client.open(uri, 'const key: string = ;\nfunction (\n');
    assert.equal(broken.diagnostics.length, 1);
    assert.match(broken.diagnostics[0].message, /^Parsing error/);
    assert.equal(broken.diagnostics[0].code, undefined);
    assert.equal(broken.diagnostics[0].source, 'keywarden');
    const fixed = await client.change(uri, 'const key: string = "x";\n', 2);
    assert.deepEqual(fixed.diagnostics, []);
    await assertAlive();
  });

  it('survives binary garbage in a .js document', async () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    const result = await client.open('file:///tmp/keywarden-robustness/garbage.js', bytes.toString('latin1'), 'javascript');
    assert.ok(result.diagnostics.length <= 1);
    await assertAlive();
  });

  it('lints a 10,000-line file and a 300 kB single-line file', async function () {
    // Generous: a loaded 2-core CI machine; bench:server measures the real latency.
    this.timeout(180000);
    const big = await client.open('file:///tmp/keywarden-robustness/big.ts', generatedSource(10000), 'typescript', 1, 120000);
    assert.ok(Array.isArray(big.diagnostics));
    const oneLine = `const a = [${Array.from({ length: 150000 }, (_, i) => i % 10).join(',')}];`;
    assert.ok(oneLine.length > 300000);
    const line = await client.open('file:///tmp/keywarden-robustness/line.js', oneLine, 'javascript', 1, 60000);
    assert.deepEqual(line.diagnostics, []);
    await assertAlive();
  });

  it('publishes only the latest version after a burst of changes (debounced, stale runs dropped)', async () => {
    const uri = 'file:///tmp/keywarden-robustness/burst.ts';
    await client.open(uri, 'let a = 1;\n');
    const before = client.published(uri).length;
    const last = client.nextDiagnostics(uri, (p) => p.version === 11);
    for (let version = 2; version <= 11; version++) {
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ text: `let a = ${version};\n` }],
      });
    }
    await last;
    const published = client.published(uri).slice(before);
    assert.ok(published.length < 10, `expected the burst to be coalesced, got ${published.length} publications`);
    assert.equal(published.at(-1)!.version, 11);
  });

  it('sends keywarden/status with the finding count and lint time after each lint', async () => {
    const uri = 'file:///tmp/keywarden-robustness/status.ts';
    await client.open(uri, 'export const n = 1;\n');
    // sent right after the diagnostics, on the same stream: wait for it, however loaded the machine is
    for (let waited = 0; !statuses.some((s) => s.uri === uri) && waited < 10000; waited += 10) await new Promise((r) => setTimeout(r, 10));
    const status = statuses.filter((s) => s.uri === uri).at(-1);
    assert.ok(status, 'no status notification');
    assert.equal(status.findings, 0);
    assert.ok(status.lintMs > 0 && status.lintMs < 60000, String(status.lintMs));
  });

  it('ignores documents that are not JavaScript or TypeScript', async () => {
    const uri = 'file:///tmp/keywarden-robustness/readme.md';
    const next = client.nextDiagnostics(uri, () => true, 500).then(
      () => 'published',
      () => 'nothing',
    );
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text: '# const KEY = "00112233445566778899aabbccddeeff"' },
    });
    assert.equal(await next, 'nothing');
    await assertAlive();
  });
});
