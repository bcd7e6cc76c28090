import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { CodeActionRequest, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, HoverRequest } from 'vscode-languageserver-protocol/node';
import { serviceSource } from '../../bench/server-source';
import { HARDCODED_KEY_SOURCE } from './fixtures-text';
import { TestClient } from './lsp-client';

/**
 * Linting runs on a worker thread: the server's main thread answers hovers and
 * code actions while a big file is being linted, and a lint that a newer
 * version made stale is really stopped, not waited for.
 */
describe('language server responsiveness (LSP over stdio)', function () {
  this.timeout(120000);
  const small = 'file:///tmp/keywarden-responsive/small.ts';
  const big = 'file:///tmp/keywarden-responsive/big.ts';
  // Big enough that its lint takes well over a second even on a fast machine.
  const bigText = serviceSource(10000, 'ts');

  async function openSmall(client: TestClient) {
    const published = await client.open(small, HARDCODED_KEY_SOURCE);
    const finding = published.diagnostics.find((d) => d.code === 'keywarden/no-hardcoded-key');
    assert.ok(finding, 'the small file has a finding to hover');
    return finding;
  }

  it('answers hover and code actions on another file while a 10,000-line file is being linted', async () => {
    const client = new TestClient({ workspaceFolders: [{ uri: 'file:///tmp/keywarden-responsive', name: 'ws' }] });
    try {
      await client.initialize();
      const finding = await openSmall(client);
      const bigDone = client.nextDiagnostics(big, () => true, 110000).then(() => performance.now());
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: big, languageId: 'typescript', version: 1, text: bigText },
      });
      await new Promise((resolve) => setTimeout(resolve, 200)); // the big lint is under way
      const sent = performance.now();
      const hover = client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: small }, position: finding.range.start }).then((h) => ({ h, at: performance.now() }));
      const actions = client.connection
        .sendRequest(CodeActionRequest.type, { textDocument: { uri: small }, range: finding.range, context: { diagnostics: [finding] } })
        .then((a) => ({ a, at: performance.now() }));
      const [answered, offered, bigAt] = await Promise.all([hover, actions, bigDone]);
      assert.ok(answered.h && JSON.stringify(answered.h.contents).includes('no-hardcoded-key'), 'the hover explains the finding');
      assert.ok((offered.a ?? []).length > 0, 'code actions offered');
      // Both answers came while the big file was still being linted, not after it.
      assert.ok(answered.at < bigAt && offered.at < bigAt, `hover after ${Math.round(answered.at - sent)} ms, actions ${Math.round(offered.at - sent)} ms, big lint done ${Math.round(bigAt - sent)} ms`);
      assert.ok(bigAt - Math.max(answered.at, offered.at) > 200, `the big lint was still running well after both answers (${Math.round(bigAt - offered.at)} ms)`);
    } finally {
      await client.dispose();
    }
  });

  it('stops a long lint that a newer version made stale, and lints the newer version', async () => {
    const client = new TestClient({
      workspaceFolders: [{ uri: 'file:///tmp/keywarden-responsive', name: 'ws' }],
      initializationOptions: { debounceMs: 0, restartStaleLintAfterMs: 100 },
    });
    try {
      await client.initialize();
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: big, languageId: 'typescript', version: 1, text: bigText },
      });
      await new Promise((resolve) => setTimeout(resolve, 250)); // version 1 is being linted
      const started = performance.now();
      const second = client.nextDiagnostics(big, (p) => p.version === 2, 60000);
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: big, version: 2 },
        contentChanges: [{ text: HARDCODED_KEY_SOURCE }],
      });
      const published = await second;
      const waited = performance.now() - started;
      assert.ok(published.diagnostics.some((d) => d.code === 'keywarden/no-hardcoded-key'), 'version 2 linted');
      assert.ok(!client.published(big).some((p) => p.version === 1), 'the stale version 1 was never published');
      assert.ok(client.logs.some((l) => /superseded lint ran \d+ ms; restarting the lint worker/.test(l)), client.logs.join('\n'));
      // The server goes on working with the fresh worker.
      await openSmall(client);
      assert.ok(waited < 60000, `${Math.round(waited)} ms`);
    } finally {
      await client.dispose();
    }
  });
});
