import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { findFileKeys, type FileKey } from '../../src/analysis/key-inventory';
import { LinterHost } from '../../src/server/lint/linter-host';
import { DEFAULT_SETTINGS } from '../../src/server/settings';
import { KeyInventoryRequest, ScanWorkspaceRequest, type KeyInventoryEntry } from '../../src/shared/protocol';
import { HARDCODED_KEY_SOURCE } from './fixtures-text';
import { TestClient } from './lsp-client';

const host = new LinterHost(() => undefined);

/** The keys of one source text, as the server computes them (hardcoded keys from no-hardcoded-key findings). */
function keysOf(text: string, fileName = '/project/src/file.ts'): FileKey[] {
  const outcome = host.lint({ text, fileName, settings: DEFAULT_SETTINGS });
  assert.ok(outcome.sourceCode, `does not parse: ${outcome.messages.map((m) => m.message).join()}`);
  const hardcoded = outcome.messages
    .filter((m) => m.ruleId === 'keywarden/no-hardcoded-key')
    .map((m) => {
      const lines = text.split('\n');
      const offset = (line: number, column: number) => lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
      return [offset(m.line, m.column), offset(m.endLine!, m.endColumn!)] as [number, number];
    });
  return findFileKeys(outcome.sourceCode, hardcoded);
}

const summary = (keys: FileKey[]) =>
  keys.map((k) => ({ name: k.name, origin: k.origin, purposes: [...new Set([...k.declaredPurposes, ...k.uses.map((u) => u.purpose)])], algorithms: k.algorithms, zeroization: k.zeroization }));

describe('key inventory analysis (src/analysis/key-inventory)', () => {
  it('finds a hardcoded key through its no-hardcoded-key finding, with its uses', () => {
    assert.deepEqual(summary(keysOf(HARDCODED_KEY_SOURCE)), [
      { name: 'ENCRYPTION_KEY', origin: 'hardcoded', purposes: ['encryption'], algorithms: ['aes-256-gcm'], zeroization: 'not-applicable' },
    ]);
    assert.equal(keysOf(HARDCODED_KEY_SOURCE)[0].uses.length, 2);
  });

  it('finds environment keys by use or by name, and tells wiped from not wiped', () => {
    const text = `import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
const DATA_KEY = Buffer.from(process.env.DATA_KEY!, 'base64');
const MAC_SECRET = process.env['MAC_SECRET'];
const PORT = process.env.PORT;
const API_KEY = process.env.API_KEY;
export function seal(text: string) {
  const iv = randomBytes(12);
  const out = createCipheriv('aes-256-gcm', DATA_KEY, iv).update(text);
  DATA_KEY.fill(0);
  return out;
}
export const tag = (d: string) => createHmac('sha256', MAC_SECRET!).update(d).digest();
`;
    assert.deepEqual(summary(keysOf(text)), [
      { name: 'DATA_KEY', origin: 'environment', purposes: ['encryption'], algorithms: ['aes-256-gcm'], zeroization: 'wiped' },
      { name: 'MAC_SECRET', origin: 'environment', purposes: ['mac'], algorithms: ['hmac-sha256'], zeroization: 'not-applicable' },
      { name: 'API_KEY', origin: 'environment', purposes: [], algorithms: [], zeroization: 'not-applicable' },
    ]);
  });

  it('finds generated and derived keys, and one key used for two purposes; IVs and salts are not keys', () => {
    const text = `const crypto = require('crypto');
const { hkdfSync, pbkdf2Sync, generateKeySync } = require('node:crypto');
function run(password, data) {
  const key = crypto.randomBytes(32);
  const iv = crypto.randomBytes(12);
  const salt = crypto.randomBytes(16);
  crypto.createCipheriv('aes-256-gcm', key, iv).update(data);
  crypto.createHmac('sha256', key).update(data);
  const subkey = hkdfSync('sha256', key, salt, 'mac', 32);
  const fromPassword = pbkdf2Sync(password, salt, 600000, 32, 'sha512');
  fromPassword.fill(0);
  const hmacKey = generateKeySync('hmac', { length: 256 });
  return [subkey, hmacKey];
}
`;
    assert.deepEqual(summary(keysOf(text, '/project/src/run.js')), [
      { name: 'key', origin: 'generated', purposes: ['encryption', 'mac', 'key-derivation'], algorithms: ['aes-256-gcm', 'hmac-sha256', 'hkdf-sha256'], zeroization: 'not-wiped' },
      { name: 'subkey', origin: 'derived', purposes: [], algorithms: ['hkdf-sha256'], zeroization: 'not-wiped' },
      { name: 'fromPassword', origin: 'derived', purposes: [], algorithms: ['pbkdf2-sha512'], zeroization: 'wiped' },
      { name: 'hmacKey', origin: 'generated', purposes: [], algorithms: ['hmac'], zeroization: 'not-applicable' },
    ]);
  });

  it('finds KMS data keys and keywarden/kms envelope clients, and WebCrypto keys', async () => {
    const text = `import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { createEnvelopeClient, wipe } from 'keywarden/kms';
const kms = new KMSClient({});
const billing = createEnvelopeClient({ keyUri: process.env.KEYWARDEN_KEY_URI, purpose: 'billing' });
export async function dataKey() {
  const { Plaintext, CiphertextBlob } = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/app', KeySpec: 'AES_256' }));
  const webKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt']);
  await crypto.subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, webKey, new Uint8Array(1));
  wipe(Plaintext!);
  return [CiphertextBlob, billing];
}
`;
    assert.deepEqual(summary(keysOf(text)), [
      { name: 'KEYWARDEN_KEY_URI', origin: 'kms', purposes: ['billing'], algorithms: ['aes-256-gcm'], zeroization: 'not-applicable' },
      { name: 'alias/app', origin: 'kms', purposes: [], algorithms: [], zeroization: 'wiped' },
      { name: 'webKey', origin: 'generated', purposes: ['encryption'], algorithms: ['aes-gcm'], zeroization: 'not-applicable' },
    ]);
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
        ['hardcoded', 'ENCRYPTION_KEY', ['encryption'], ['aes-256-gcm']],
        ['environment', 'SHARED_MAC_KEY', ['mac'], ['hmac-sha256']],
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
