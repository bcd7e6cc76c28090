import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { trackKeys } from '../../src/analysis/key-tracking';
import { fileKeyInventory } from '../../src/server/key-inventory';
import { LinterHost } from '../../src/server/lint/linter-host';
import { DEFAULT_SETTINGS } from '../../src/server/settings';
import { KeyInventoryRequest, ScanWorkspaceRequest, type KeyInventoryEntry } from '../../src/shared/protocol';
import { HARDCODED_KEY_SOURCE } from './fixtures-text';
import { TestClient } from './lsp-client';

const host = new LinterHost(() => undefined);

/** One source text's inventory, as the server computes it from a lint. */
function keysOf(text: string, fileName = '/project/src/file.ts'): KeyInventoryEntry[] {
  const outcome = host.lint({ text, fileName, settings: { ...DEFAULT_SETTINGS, config: 'strict' } });
  assert.ok(outcome.sourceCode, `does not parse: ${outcome.messages.map((m) => m.message).join()}`);
  return fileKeyInventory(TextDocument.create(URI.file(fileName).toString(), 'typescript', 1, text), outcome);
}

const summary = (keys: KeyInventoryEntry[]) =>
  keys.map((k) => ({ name: k.name, origin: k.origin, purposes: k.purposes, algorithms: k.algorithms, zeroization: k.zeroization }));
const rulesOf = (key: KeyInventoryEntry | undefined) => key?.findings.map((f) => f.ruleId).sort();

describe('key inventory (src/server/key-inventory, on the analysis layer)', () => {
  it('finds a hardcoded key with its uses and its no-hardcoded-key finding, never its value', () => {
    const keys = keysOf(HARDCODED_KEY_SOURCE);
    assert.deepEqual(summary(keys), [
      { name: 'ENCRYPTION_KEY', origin: 'hardcoded', purposes: ['encrypt'], algorithms: ['aes-256-gcm'], zeroization: 'not-applicable' },
    ]);
    assert.equal(keys[0].locations.length, 3, 'definition and two uses');
    assert.deepEqual(rulesOf(keys[0]), ['keywarden/no-hardcoded-key']);
    assert.ok(!JSON.stringify(keys).includes('9c4e2a7f'), 'no key material in ids, names or messages');
  });

  it('names environment keys by their variable and tells wiped bytes from not wiped', () => {
    const text = `import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
const DATA_KEY = Buffer.from(process.env.DATA_KEY!, 'base64');
const MAC_SECRET = process.env['MAC_SECRET'];
const PORT = process.env.PORT;
export function seal(text: string) {
  const iv = randomBytes(12);
  const out = createCipheriv('aes-256-gcm', DATA_KEY, iv).update(text);
  DATA_KEY.fill(0);
  return out;
}
export const tag = (d: string) => createHmac('sha256', MAC_SECRET!).update(d).digest();
export const port = PORT;
`;
    const keys = keysOf(text);
    assert.deepEqual(
      keys.map((k) => [k.id, k.name, k.origin, k.purposes, k.zeroization]),
      [
        ['env:DATA_KEY', 'DATA_KEY', 'environment', ['encrypt'], 'wiped'],
        ['env:MAC_SECRET', 'MAC_SECRET', 'environment', ['mac'], 'not-applicable'],
      ],
    );
  });

  it('agrees with the rules: a key used for two purposes carries both and the reuse finding; unwiped key bytes the zeroization finding', () => {
    const text = `const crypto = require('crypto');
function run(data) {
  const key = crypto.randomBytes(32);
  const iv = crypto.randomBytes(12);
  crypto.createCipheriv('aes-256-gcm', key, iv).update(data);
  crypto.createHmac('sha256', key).update(data);
}
module.exports = { run };
`;
    const keys = keysOf(text, '/project/src/run.js');
    const key = keys.find((k) => k.name === 'key');
    assert.ok(key, JSON.stringify(keys.map((k) => k.name)));
    assert.equal(key.origin, 'generated');
    assert.deepEqual(key.purposes, ['encrypt', 'mac']);
    assert.equal(key.zeroization, 'not-wiped');
    assert.deepEqual(rulesOf(key), ['keywarden/no-key-reuse-across-purposes', 'keywarden/require-key-zeroization']);
    assert.ok(!keys.some((k) => k.name === 'iv'), 'an IV is not a key');
    // The same keys, with the same purposes, as the analysis the rules ask.
    const outcome = host.lint({ text, fileName: '/project/src/run.js', settings: DEFAULT_SETTINGS });
    const tracked = trackKeys({ sourceCode: outcome.sourceCode as never });
    assert.deepEqual(
      tracked.map((t) => [t.name, [...new Set(t.uses.map((u) => u.purpose))]]),
      keys.map((k) => [k.name, k.purposes]),
    );
  });

  it('lists KMS keys by id, WebCrypto keys, and a data key\'s plaintext bytes with their zeroization', () => {
    const text = `import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { wipe } from 'keywarden/kms';
const kms = new KMSClient({});
export async function dataKey() {
  const { Plaintext, CiphertextBlob } = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/app', KeySpec: 'AES_256' }));
  const webKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt']);
  await crypto.subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, webKey, new Uint8Array(1));
  wipe(Plaintext!);
  return CiphertextBlob;
}
`;
    const keys = keysOf(text);
    assert.deepEqual(
      keys.map((k) => [k.id.replace(/^file:\S*#/, '#'), k.name, k.origin, k.zeroization]),
      [
        ['kms:alias/app', 'alias/app', 'kms', 'not-applicable'],
        ['#cryptokey@327', 'webKey', 'generated', 'not-applicable'],
        ['#bytes:Plaintext@186', 'Plaintext', 'kms', 'wiped'],
      ],
    );
    assert.deepEqual(keys.find((k) => k.name === 'webKey')?.algorithms, ['aes-gcm']);
  });

  it('lists no keys for look-alikes: cache keys, React keys, map lookups, locally defined functions named like crypto', () => {
    const text = `import { useMemo } from 'react';
const cacheKey = 'user:' + Math.random();
const key = new Map().get('x');
function randomBytes(n) { return n; }
const secretish = randomBytes(32);
const items = [1, 2].map((id) => ({ key: String(id) }));
export { cacheKey, key, secretish, items, useMemo };
`;
    assert.deepEqual(keysOf(text, '/project/src/ui.js'), []);
  });

  it('returns nothing, never throws, for a file that does not parse', () => {
    const outcome = host.lint({ text: 'const = ;', fileName: '/p/x.js', settings: DEFAULT_SETTINGS });
    assert.deepEqual(fileKeyInventory(TextDocument.create('file:///p/x.js', 'javascript', 1, 'const = ;'), outcome), []);
  });
});

describe('keywarden/keyInventory (LSP over stdio)', function () {
  this.timeout(60000);
  let root: string;
  let client: TestClient;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'keywarden-keys-'));
    fs.mkdirSync(path.join(root, 'src'));
    fs.writeFileSync(path.join(root, 'src', 'crypto.ts'), HARDCODED_KEY_SOURCE);
    const envKey = (fn: string) => `import { createHmac } from 'crypto';\nexport const ${fn} = (d: string) => createHmac('sha256', process.env.SHARED_MAC_KEY!).update(d).digest();\nconst SHARED = process.env.SHARED_MAC_KEY;\nexport const again = () => createHmac('sha256', SHARED!);\n`;
    fs.writeFileSync(path.join(root, 'src', 'a.ts'), envKey('signA'));
    fs.writeFileSync(path.join(root, 'src', 'b.ts'), envKey('signB'));
    client = new TestClient({ workspaceFolders: [{ uri: URI.file(root).toString(), name: 'ws' }] });
    await client.initialize();
  });
  after(async () => {
    await client.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('returns every key of the scanned workspace, one entry per environment variable across files, with findings and locations', async () => {
    await client.connection.sendRequest(ScanWorkspaceRequest, {});
    const keys = (await client.connection.sendRequest(KeyInventoryRequest, {})) as KeyInventoryEntry[];
    assert.deepEqual(
      keys.map((k) => [k.origin, k.name, k.purposes, k.algorithms]),
      [
        ['hardcoded', 'ENCRYPTION_KEY', ['encrypt'], ['aes-256-gcm']],
        ['environment', 'SHARED_MAC_KEY', ['mac'], ['sha256']],
      ],
    );
    const [hardcoded, shared] = keys;
    assert.deepEqual(hardcoded.findings.map((f) => f.ruleId), ['keywarden/no-hardcoded-key']);
    assert.ok(!JSON.stringify(keys).includes('9c4e2a7f1b3d5e8a'), 'the inventory never carries key material');
    assert.equal(hardcoded.locations[0].uri, URI.file(path.join(root, 'src', 'crypto.ts')).toString());
    assert.deepEqual(hardcoded.locations[0].range.start, { line: 1, character: 6 });
    assert.deepEqual(new Set(shared.locations.map((l) => path.basename(URI.parse(l.uri).fsPath))), new Set(['a.ts', 'b.ts']));
    assert.equal(shared.id, 'env:SHARED_MAC_KEY');
  });
});
