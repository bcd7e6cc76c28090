import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { TestClient } from './lsp-client';

/** One key for an AES-GCM cipher (encrypt) and an HMAC (mac). */
const TWO_PURPOSE_SOURCE = `const crypto = require('node:crypto');
const SESSION_KEY = Buffer.from(process.env.SESSION_KEY, 'base64');
function seal(data) {
  const cipher = crypto.createCipheriv('aes-256-gcm', SESSION_KEY, crypto.randomBytes(12));
  return cipher.update(data);
}
function sign(value) {
  return crypto.createHmac('sha256', SESSION_KEY).update(value).digest('hex');
}
module.exports = { seal, sign };
`;

describe('related information of a key used for two purposes (LSP over stdio)', function () {
  this.timeout(60000);
  let root: string;
  let client: TestClient;
  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'keywarden-related-'));
    client = new TestClient({ workspaceFolders: [{ uri: URI.file(root).toString(), name: 'ws' }] });
    await client.initialize();
  });
  after(async () => {
    await client.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('reports the reuse on the key and relates every use site (the cipher and the HMAC)', async () => {
    const uri = URI.file(path.join(root, 'session.js')).toString();
    const { diagnostics } = await client.open(uri, TWO_PURPOSE_SOURCE, 'javascript');
    const reuse = diagnostics.filter((d) => d.code === 'keywarden/no-key-reuse-across-purposes');
    assert.equal(reuse.length, 1, JSON.stringify(diagnostics.map((d) => d.code)));
    const [diagnostic] = reuse;
    assert.deepEqual(diagnostic.range.start, { line: 1, character: 6 }, 'on the definition of SESSION_KEY');
    assert.match(diagnostic.message, /used for encrypt and mac \(encrypt at 4:\d+, mac at 8:\d+\)/);
    const lines = TWO_PURPOSE_SOURCE.split('\n');
    const related = (diagnostic.relatedInformation ?? []).map((r) => {
      assert.equal(r.location.uri, uri);
      const { start, end } = r.location.range;
      return [start.line, lines[start.line].slice(start.character, end.character), r.message];
    });
    assert.deepEqual(related, [
      [3, 'SESSION_KEY', 'used for encrypt here'],
      [7, 'SESSION_KEY', 'used for mac here'],
    ]);
  });

  it('relates the use sites of a key no variable holds (an environment variable), with their purposes', async () => {
    const uri = URI.file(path.join(root, 'env-session.ts')).toString();
    const text = `import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
export const seal = (data: string) => createCipheriv('aes-256-gcm', Buffer.from(process.env.APP_KEY!, 'base64'), randomBytes(12)).update(data);
export const sign = (value: string) => createHmac('sha256', process.env.APP_KEY!).update(value).digest('hex');
`;
    const { diagnostics } = await client.open(uri, text, 'typescript');
    const reuse = diagnostics.filter((d) => d.code === 'keywarden/no-key-reuse-across-purposes');
    assert.equal(reuse.length, 1, JSON.stringify(diagnostics.map((d) => [d.code, d.message])));
    const lines = text.split('\n');
    assert.deepEqual(
      (reuse[0].relatedInformation ?? []).map((r) => [r.location.range.start.line, lines[r.location.range.start.line].slice(r.location.range.start.character, r.location.range.end.character), r.message]),
      [
        [1, "Buffer.from(process.env.APP_KEY!, 'base64')", 'used for encrypt here'],
        [2, 'process.env.APP_KEY!', 'used for mac here'],
      ],
    );
  });
});
