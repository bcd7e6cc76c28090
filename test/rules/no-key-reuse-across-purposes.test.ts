import rule from '../../rules/no-key-reuse-across-purposes';
import { createRuleTester, createTypedRuleTester } from './rule-tester';

// Identity through aliases, consts, this.key, config.key, Buffer.from, plain hashes, CryptoKeys and
// KMS key ids; purposes across node:crypto, WebCrypto, jsonwebtoken, tweetnacl/libsodium and AWS KMS;
// declared purposes from JSDoc, the policy file and (with type information) other files.

const invalid = [
  {
    name: 'a Cloud KMS key used to wrap and, through a version name built from it (`${KEY}/cryptoKeyVersions/1`), to MAC',
    code: `import { KeyManagementServiceClient } from '@google-cloud/kms';
const kms = new KeyManagementServiceClient();
const TENANT_KEY = kms.cryptoKeyPath(process.env.GCP_PROJECT!, 'global', 'tenants', 'root');
export async function wrap(dek: Uint8Array) {
  const [res] = await kms.encrypt({ name: TENANT_KEY, plaintext: dek, additionalAuthenticatedData: Buffer.from('t') });
  return res.ciphertext;
}
export async function mac(data: Buffer) {
  const [res] = await kms.macSign({ name: \`\${TENANT_KEY}/cryptoKeyVersions/1\`, data });
  return res.mac;
}`,
    errors: [{ messageId: 'reused' as const, line: 3, column: 7 }],
  },
  {
    name: 'one secret imported as an HMAC key and as an AES key, neither used yet (a parameter: on the second import)',
    code: "export async function cacheKeys(syncSecret: ArrayBuffer) {\n  const macKey = await crypto.subtle.importKey('raw', syncSecret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);\n  const encKey = await crypto.subtle.importKey('raw', syncSecret, 'AES-GCM', false, ['encrypt', 'decrypt']);\n  return { macKey, encKey };\n}",
    errors: [{ messageId: 'reused' as const, line: 3, column: 24 }],
  },
  {
    name: 'a JWT secret destructured from process.env, also used as an HMAC key: reported on the binding',
    code: "import crypto from 'node:crypto';\nimport jwt from 'jsonwebtoken';\nconst { JWT_SECRET } = process.env;\nexport const issue = (sub: string) => jwt.sign({ sub }, JWT_SECRET!, { algorithm: 'HS256' });\nexport const resetMac = (payload: string) => crypto.createHmac('sha256', JWT_SECRET!).update(payload).digest('hex');",
    errors: [{ messageId: 'reused' as const, line: 3, column: 9 }],
  },
  {
    name: 'one nacl seed as an Ed25519 signing seed and an X25519 box secret key (a parameter: on the second use)',
    code: "import nacl from 'tweetnacl';\nexport function identity(seed: Uint8Array) {\n  const signing = nacl.sign.keyPair.fromSeed(seed);\n  const encryption = nacl.box.keyPair.fromSecretKey(seed);\n  return { signing, encryption };\n}",
    errors: [{ messageId: 'reused' as const, line: 4, column: 53 }],
  },
  {
    name: 'a helper wrapper (function hmac(key, data)) called with the key that encrypts elsewhere',
    code: `import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
const EXPORT_KEY = Buffer.from(process.env.EXPORT_KEY ?? '', 'hex');
function hmac(key: Buffer, data: string): string {
  return createHmac('sha256', key).update(data).digest('hex');
}
export function sealExport(csv: string) {
  const body = createCipheriv('aes-256-gcm', EXPORT_KEY, randomBytes(12)).update(csv).toString('base64');
  return { body, checksum: hmac(EXPORT_KEY, body) };
}
`,
    errors: [{ messageId: 'reused' as const, line: 2, column: 7, suggestions: [{ messageId: 'deriveSubkeys' as const, data: { name: '`EXPORT_KEY`' }, output: `import { createCipheriv, createHmac, randomBytes, hkdfSync } from 'node:crypto';
const EXPORT_KEY = Buffer.from(process.env.EXPORT_KEY ?? '', 'hex');
function hmac(key: Buffer, data: string): string {
  return createHmac('sha256', Buffer.from(hkdfSync('sha256', key, new Uint8Array(0), 'keywarden:mac', 32))).update(data).digest('hex');
}
export function sealExport(csv: string) {
  const body = createCipheriv('aes-256-gcm', Buffer.from(hkdfSync('sha256', EXPORT_KEY, new Uint8Array(0), 'keywarden:encrypt', 32)), randomBytes(12)).update(csv).toString('base64');
  return { body, checksum: hmac(EXPORT_KEY, body) };
}
` }] }],
  },
  {
    name: 'node-forge: a private key object signs and decrypts (methods of the key)',
    code: `const forge = require('node-forge');
const fs = require('fs');
const agentKey = forge.pki.privateKeyFromPem(fs.readFileSync(process.env.AGENT_KEY_PATH, 'utf8'));
function signHeartbeat(md) { return agentKey.sign(md); }
function decryptCommand(ct) { return agentKey.decrypt(ct, 'RSA-OAEP'); }
module.exports = { signHeartbeat, decryptCommand };
`,
    errors: [{ messageId: 'reusedKeyPair' as const, line: 3, column: 7 }],
  },
  {
    name: 'node:crypto: a chained createSign().update().sign(key) and privateDecrypt with the same key',
    code: `import { constants, createPrivateKey, createSign, privateDecrypt } from 'node:crypto';
import { readFileSync } from 'node:fs';
const serverKey = createPrivateKey(readFileSync('/etc/app/server-key.pem'));
export const signChallenge = (c: Buffer) => createSign('sha256').update(c).sign(serverKey);
export const unwrap = (w: Buffer) => privateDecrypt({ key: serverKey, padding: constants.RSA_PKCS1_OAEP_PADDING }, w);
`,
    errors: [{ messageId: 'reusedKeyPair' as const, line: 3, column: 7 }],
  },
  {
    name: 'node:crypto: one RSA private key for crypto.sign and privateDecrypt gets the key-pair advice and no HKDF rewrite',
    code: `import { constants, createPrivateKey, privateDecrypt, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
const servicePrivateKey = createPrivateKey(readFileSync(process.env.SERVICE_KEY_PATH!, 'utf8'));
export const signReceipt = (r: Buffer) => sign('sha256', r, { key: servicePrivateKey, padding: constants.RSA_PKCS1_PSS_PADDING });
export const openToken = (t: Buffer) => privateDecrypt({ key: servicePrivateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, t);
`,
    errors: [{ messageId: 'reusedKeyPair' as const, line: 3, column: 7, suggestions: [] }],
  },
  {
    name: 'jsonwebtoken RS256 private key also used with privateDecrypt: key-pair advice, no rewrite',
    code: `const fs = require('fs');
const crypto = require('crypto');
const jwt = require('jsonwebtoken');
const AUTH_PRIVATE_KEY = fs.readFileSync(process.env.AUTH_PRIVATE_KEY_FILE, 'utf8');
const issue = (user) => jwt.sign({ sub: user.id }, AUTH_PRIVATE_KEY, { algorithm: 'RS256' });
const openPin = (b) => crypto.privateDecrypt({ key: AUTH_PRIVATE_KEY, oaepHash: 'sha256' }, b);
module.exports = { issue, openPin };
`,
    errors: [{ messageId: 'reusedKeyPair' as const, line: 4, column: 7, suggestions: [] }],
  },
  {
    name: 'tweetnacl: secretbox and nacl.auth with one key',
    code: `const nacl = require('tweetnacl');
const key = new Uint8Array(Buffer.from(process.env.SYNC_KEY || '', 'base64'));
const seal = (m, n) => nacl.secretbox(m, n, key);
const tag = (m) => nacl.auth(m, key);
module.exports = { seal, tag };
`,
    errors: [{ messageId: 'reused' as const, line: 2, column: 7 }],
  },
  {
    name: 'a config object reached through this.config (assigned in the constructor)',
    code: `const crypto = require('crypto');
const settings = {
  table: 'tenant_settings',
  key: Buffer.from(process.env.SETTINGS_KEY || '', 'hex'),
};
class SettingsStore {
  constructor(db) { this.db = db; this.config = settings; }
  seal(iv, data) { return crypto.createCipheriv('aes-256-gcm', this.config.key, iv).update(data); }
  etag(data) { return crypto.createHmac('sha256', this.config.key).update(data).digest('base64url'); }
}
module.exports = { SettingsStore };
`,
    errors: [{ messageId: 'reused' as const, line: 4, column: 8, suggestions: [{ messageId: 'deriveSubkeys' as const, output: `const crypto = require('crypto');
const settings = {
  table: 'tenant_settings',
  key: Buffer.from(process.env.SETTINGS_KEY || '', 'hex'),
};
class SettingsStore {
  constructor(db) { this.db = db; this.config = settings; }
  seal(iv, data) { return crypto.createCipheriv('aes-256-gcm', Buffer.from(crypto.hkdfSync('sha256', this.config.key, new Uint8Array(0), 'keywarden:encrypt', 32)), iv).update(data); }
  etag(data) { return crypto.createHmac('sha256', Buffer.from(crypto.hkdfSync('sha256', this.config.key, new Uint8Array(0), 'keywarden:mac', 32))).update(data).digest('base64url'); }
}
module.exports = { SettingsStore };
` }] }],
  },
  {
    name: 'a key injected through the constructor (this.key) used to encrypt and to sign JWTs',
    code: `import { createCipheriv } from 'node:crypto';
import jwt from 'jsonwebtoken';
export class TokenService {
  constructor(private readonly key: Buffer) {}
  seal(iv: Buffer, data: Buffer) { return createCipheriv('aes-256-gcm', this.key, iv).update(data); }
  issue(sub: string) { return jwt.sign({ sub }, this.key, { algorithm: 'HS256' }); }
}
`,
    errors: [{ messageId: 'reused' as const, line: 6, column: 49 }],
  },
  {
    name: 'a fresh key used for two purposes in the same run (if without else)',
    code: `const { createCipheriv, createHmac, randomBytes } = require('crypto');
function protect(data, withTag) {
  const key = randomBytes(32);
  const body = createCipheriv('aes-256-gcm', key, randomBytes(12)).update(data);
  if (withTag) return { body, tag: createHmac('sha256', key).update(body).digest() };
  return { body, key };
}
module.exports = { protect };
`,
    errors: [{ messageId: 'reused' as const, line: 3, column: 9, suggestions: [{ messageId: 'deriveSubkeys' as const, data: { name: '`key`' }, output: `const { createCipheriv, createHmac, randomBytes, hkdfSync } = require('crypto');
function protect(data, withTag) {
  const key = randomBytes(32);
  const body = createCipheriv('aes-256-gcm', Buffer.from(hkdfSync('sha256', key, new Uint8Array(0), 'keywarden:encrypt', 32)), randomBytes(12)).update(data);
  if (withTag) return { body, tag: createHmac('sha256', Buffer.from(hkdfSync('sha256', key, new Uint8Array(0), 'keywarden:mac', 32))).update(body).digest() };
  return { body, key };
}
module.exports = { protect };
` }] }],
  },
  {
    name: 'one env key for AES-GCM and HMAC (node:crypto)',
    code: `import * as crypto from 'node:crypto';
const KEY = Buffer.from(process.env.APP_KEY ?? '', 'hex');
export function seal(data: Buffer, iv: Buffer) {
  return crypto.createCipheriv('aes-256-gcm', KEY, iv).update(data);
}
export function tag(data: Buffer) {
  return crypto.createHmac('sha256', KEY).update(data).digest();
}
`,
    errors: [{ messageId: 'reused' as const, line: 2, column: 7, suggestions: [{ messageId: 'deriveSubkeys' as const, output: `import * as crypto from 'node:crypto';
const KEY = Buffer.from(process.env.APP_KEY ?? '', 'hex');
export function seal(data: Buffer, iv: Buffer) {
  return crypto.createCipheriv('aes-256-gcm', Buffer.from(crypto.hkdfSync('sha256', KEY, new Uint8Array(0), 'keywarden:encrypt', 32)), iv).update(data);
}
export function tag(data: Buffer) {
  return crypto.createHmac('sha256', Buffer.from(crypto.hkdfSync('sha256', KEY, new Uint8Array(0), 'keywarden:mac', 32))).update(data).digest();
}
` }] }],
  },
  {
    name: 'a JWT secret also used, plainly hashed, as an HMAC key',
    code: `import { createHash, createHmac } from 'node:crypto';
import jwt from 'jsonwebtoken';
const secret = process.env.JWT_SECRET!;
export const issue = (claims: object) => jwt.sign(claims, secret, { algorithm: 'HS256' });
export const signLink = (url: string) => createHmac('sha256', createHash('sha256').update(secret).digest()).update(url).digest('hex');
`,
    errors: [{ messageId: 'reused' as const, line: 3, column: 7 }],
  },
  {
    name: 'HKDF subkeys with the same label serve two purposes',
    code: `import * as crypto from 'node:crypto';
export function both(master: Buffer, data: Buffer, iv: Buffer) {
  const k1 = crypto.hkdfSync('sha256', master, new Uint8Array(0), 'app-key', 32);
  const k2 = crypto.hkdfSync('sha256', master, new Uint8Array(0), 'app-key', 32);
  return [crypto.createCipheriv('aes-256-gcm', Buffer.from(k1), iv).update(data), crypto.createHmac('sha256', Buffer.from(k2)).update(data).digest()];
}
`,
    errors: [{ messageId: 'reused' as const, line: 3, column: 9, suggestions: [{ messageId: 'deriveSubkeys' as const, output: `import * as crypto from 'node:crypto';
export function both(master: Buffer, data: Buffer, iv: Buffer) {
  const k1 = crypto.hkdfSync('sha256', master, new Uint8Array(0), 'app-key', 32);
  const k2 = crypto.hkdfSync('sha256', master, new Uint8Array(0), 'app-key', 32);
  return [crypto.createCipheriv('aes-256-gcm', Buffer.from(crypto.hkdfSync('sha256', Buffer.from(k1), new Uint8Array(0), 'keywarden:encrypt', 32)), iv).update(data), crypto.createHmac('sha256', Buffer.from(crypto.hkdfSync('sha256', Buffer.from(k2), new Uint8Array(0), 'keywarden:mac', 32))).update(data).digest()];
}
` }] }],
  },
  {
    name: 'the master key is both an HKDF input and an encryption key',
    code: `import * as crypto from 'node:crypto';
export function mixed(master: Buffer, data: Buffer, iv: Buffer) {
  const macKey = crypto.hkdfSync('sha256', master, new Uint8Array(0), 'mac', 32);
  return [crypto.createCipheriv('aes-256-gcm', master, iv).update(data), crypto.createHmac('sha256', Buffer.from(macKey)).update(data).digest()];
}
`,
    errors: [{ messageId: 'reused' as const, line: 4, column: 48, suggestions: [{ messageId: 'deriveSubkeys' as const, output: `import * as crypto from 'node:crypto';
export function mixed(master: Buffer, data: Buffer, iv: Buffer) {
  const macKey = crypto.hkdfSync('sha256', master, new Uint8Array(0), 'mac', 32);
  return [crypto.createCipheriv('aes-256-gcm', Buffer.from(crypto.hkdfSync('sha256', master, new Uint8Array(0), 'keywarden:encrypt', 32)), iv).update(data), crypto.createHmac('sha256', Buffer.from(macKey)).update(data).digest()];
}
` }] }],
  },
  {
    name: 'this.key and config.key',
    code: `import * as crypto from 'node:crypto';
const config = { crypto: { key: process.env.DATA_KEY! } };
export class Vault {
  private key = process.env.VAULT_KEY!;
  tag(d: string) { return crypto.createHmac('sha256', this.key).update(d).digest(); }
  seal(d: string, iv: Buffer) { return crypto.createCipheriv('aes-256-cbc', this.key, iv).update(d); }
}
export const a = (d: string, iv: Buffer) => crypto.createCipheriv('aes-128-gcm', config.crypto.key, iv).update(d);
export const b = (d: string) => crypto.createHmac('sha256', config.crypto.key).update(d).digest();
`,
    errors: [{ messageId: 'reused' as const, line: 2, column: 33, suggestions: [{ messageId: 'deriveSubkeys' as const, output: `import * as crypto from 'node:crypto';
const config = { crypto: { key: process.env.DATA_KEY! } };
export class Vault {
  private key = process.env.VAULT_KEY!;
  tag(d: string) { return crypto.createHmac('sha256', this.key).update(d).digest(); }
  seal(d: string, iv: Buffer) { return crypto.createCipheriv('aes-256-cbc', this.key, iv).update(d); }
}
export const a = (d: string, iv: Buffer) => crypto.createCipheriv('aes-128-gcm', Buffer.from(crypto.hkdfSync('sha256', config.crypto.key, new Uint8Array(0), 'keywarden:encrypt', 16)), iv).update(d);
export const b = (d: string) => crypto.createHmac('sha256', Buffer.from(crypto.hkdfSync('sha256', config.crypto.key, new Uint8Array(0), 'keywarden:mac', 32))).update(d).digest();
` }] },
      { messageId: 'reused' as const, line: 4, column: 11, suggestions: [{ messageId: 'deriveSubkeys' as const, output: `import * as crypto from 'node:crypto';
const config = { crypto: { key: process.env.DATA_KEY! } };
export class Vault {
  private key = process.env.VAULT_KEY!;
  tag(d: string) { return crypto.createHmac('sha256', Buffer.from(crypto.hkdfSync('sha256', this.key, new Uint8Array(0), 'keywarden:mac', 32))).update(d).digest(); }
  seal(d: string, iv: Buffer) { return crypto.createCipheriv('aes-256-cbc', Buffer.from(crypto.hkdfSync('sha256', this.key, new Uint8Array(0), 'keywarden:encrypt', 32)), iv).update(d); }
}
export const a = (d: string, iv: Buffer) => crypto.createCipheriv('aes-128-gcm', config.crypto.key, iv).update(d);
export const b = (d: string) => crypto.createHmac('sha256', config.crypto.key).update(d).digest();
` }] }],
  },
  {
    name: 'WebCrypto: usages mixing purposes, and a CryptoKey used outside its usages',
    code: `export async function keys() {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt', 'wrapKey']);
  const hmacKey = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  await crypto.subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, hmacKey, new Uint8Array(1));
  return key;
}
`,
    errors: [{ messageId: 'mixedUsages' as const, line: 2, column: 21 },
      { messageId: 'outsideUsages' as const, line: 3, column: 25 }],
  },
  {
    name: 'WebCrypto: a CryptoKey imported from a parameter for HMAC, used to encrypt and to sign: one finding, on the importKey call',
    code: `export async function shareLink(linkSecret: Uint8Array, fileId: Uint8Array) {
  const linkKey = await crypto.subtle.importKey('raw', linkSecret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const payload = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, linkKey, fileId);
  return [payload, await crypto.subtle.sign('HMAC', linkKey, payload)];
}
`,
    errors: [{ messageId: 'outsideUsages' as const, line: 2, column: 25 }],
  },
  {
    name: 'WebCrypto: raw bytes imported for AES-GCM and also used as an HMAC key',
    code: `import { createHmac } from 'node:crypto';
export async function both(raw: Uint8Array, data: Uint8Array) {
  const aes = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt']);
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, aes, data);
  return [sealed, createHmac('sha256', raw).update(data).digest()];
}
`,
    errors: [{ messageId: 'reused' as const, line: 5, column: 40 }],
  },
  {
    name: 'AWS KMS: one key id for Encrypt and Sign, an env key id for Encrypt and GenerateMac',
    code: `import { KMSClient, EncryptCommand, SignCommand, GenerateMacCommand } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const KEY_ID = 'alias/app';
export async function run(data: Uint8Array) {
  await kms.send(new EncryptCommand({ KeyId: KEY_ID, Plaintext: data }));
  await kms.send(new SignCommand({ KeyId: 'alias/app', Message: data, SigningAlgorithm: 'RSASSA_PSS_SHA_256' }));
  await kms.send(new EncryptCommand({ KeyId: process.env.KMS_KEY_ID, Plaintext: data }));
  await kms.send(new GenerateMacCommand({ KeyId: process.env.KMS_KEY_ID, Message: data, MacAlgorithm: 'HMAC_SHA_256' }));
}
`,
    errors: [{ messageId: 'reused' as const, line: 3, column: 16 },
      { messageId: 'reused' as const, line: 8, column: 50 }],
  },
  {
    name: 'AWS KMS: a SIGN_VERIFY key used to encrypt; KeyUsage contradicting KeySpec',
    code: `import { KMSClient, CreateKeyCommand, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export async function provision() {
  const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeyUsage: 'SIGN_VERIFY', KeySpec: 'ECC_NIST_P256' }));
  await kms.send(new GenerateDataKeyCommand({ KeyId: KeyMetadata!.KeyId, KeySpec: 'AES_256' }));
  await kms.send(new CreateKeyCommand({ KeyUsage: 'ENCRYPT_DECRYPT', KeySpec: 'HMAC_256' }));
}
`,
    errors: [{ messageId: 'contradictsDeclared' as const, line: 4, column: 42 },
      { messageId: 'kmsSpecContradiction' as const, line: 6, column: 18 }],
  },
  {
    name: 'JSDoc @keyPurpose contradicted by a single use',
    code: `import { createCipheriv } from 'node:crypto';
/** @keyPurpose mac */
const sessionKey = Buffer.from(process.env.SESSION_KEY ?? '', 'base64');
export const seal = (d: string, iv: Buffer) => createCipheriv('aes-256-gcm', sessionKey, iv).update(d);
`,
    errors: [{ messageId: 'contradictsDeclared' as const, line: 3, column: 7 }],
  },
  {
    name: 'policy: env var and KMS alias declared for other purposes',
    code: `import { createCipheriv } from 'node:crypto';
import { KMSClient, EncryptCommand } from '@aws-sdk/client-kms';
export const seal = (d: string, iv: Buffer) => createCipheriv('aes-256-gcm', process.env.SESSION_SECRET!, iv).update(d);
export const wrap = (kms: KMSClient, d: Uint8Array) => kms.send(new EncryptCommand({ KeyId: 'alias/signer', Plaintext: d }));
`, settings: {"keywarden": {"policy": {"keys": [{"name": "session", "purpose": "mac", "env": ["SESSION_SECRET"]}, {"name": "signer", "purpose": "sign", "kms": ["alias/signer"]}]}}},
    errors: [{ messageId: 'contradictsDeclared' as const, line: 3, column: 78 },
      { messageId: 'contradictsDeclared' as const, line: 4, column: 93 }],
  },
  {
    name: 'libsodium and tweetnacl: a secretbox key also used for crypto_auth',
    code: `import sodium from 'libsodium-wrappers';
import nacl from 'tweetnacl';
export function both(key: Uint8Array, msg: Uint8Array, nonce: Uint8Array) {
  const box = sodium.crypto_secretbox_easy(msg, nonce, key);
  const tag = sodium.crypto_auth(msg, key);
  return { box, tag, again: nacl.secretbox(msg, nonce, key) };
}
`,
    errors: [{ messageId: 'reused' as const, line: 5, column: 39 }],
  },
];

const valid = [
  {
    name: 'a data key wrapped by an Azure Key Vault key and then used to encrypt: the vault key wraps, the data key encrypts (one purpose each)',
    code: `import { CryptographyClient } from '@azure/keyvault-keys';
import { createCipheriv, randomBytes } from 'node:crypto';
const kek = new CryptographyClient(process.env.AZURE_KEK_ID!, credential);
export async function seal(data: Buffer) {
  const dek = randomBytes(32);
  try {
    const { result: wrappedKey } = await kek.wrapKey('RSA-OAEP-256', dek);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', dek, iv);
    return { wrappedKey, iv, body: Buffer.concat([cipher.update(data), cipher.final()]), tag: cipher.getAuthTag() };
  } finally {
    dek.fill(0);
  }
}`,
  },
  {
    name: 'a key converted one way or the other as the caller asks (sshpk derive): dispatch, not reuse',
    code: "import nacl from 'tweetnacl';\nexport function derive(type: string, k: Uint8Array) {\n  let priv;\n  if (type === 'ed25519') {\n    priv = k.slice(0, 33);\n    if (priv[0] === 0) priv = priv.slice(1);\n    return nacl.box.keyPair.fromSecretKey(priv);\n  } else {\n    priv = k.slice(0, 32);\n    return nacl.sign.keyPair.fromSeed(priv);\n  }\n}",
  },
  {
    name: 'one secret imported twice for the same purpose (an encrypting and a decrypting CryptoKey)',
    code: "export async function pair(raw: ArrayBuffer) {\n  const enc = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt']);\n  const dec = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['decrypt']);\n  return { enc, dec };\n}",
  },
  {
    name: 'two seeds, one per scheme',
    code: "import nacl from 'tweetnacl';\nexport const identity = (signSeed: Uint8Array, boxSecret: Uint8Array) => ({ signing: nacl.sign.keyPair.fromSeed(signSeed), encryption: nacl.box.keyPair.fromSecretKey(boxSecret) });",
  },
  {
    name: 'a helper wrapper called with two different keys is not the reuse of either',
    code: `import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
const ENC_KEY = Buffer.from(process.env.ENC_KEY ?? '', 'hex');
const MAC_KEY = Buffer.from(process.env.MAC_KEY ?? '', 'hex');
function hmac(key: Buffer, data: string): string {
  return createHmac('sha256', key).update(data).digest('hex');
}
export function seal(csv: string) {
  const body = createCipheriv('aes-256-gcm', ENC_KEY, randomBytes(12)).update(csv).toString('base64');
  return { body, checksum: hmac(MAC_KEY, body), other: hmac(Buffer.from(process.env.AUDIT_MAC_KEY ?? '', 'hex'), body) };
}
`,
  },
  {
    name: 'a fresh per-call key used for a MAC in one switch case and encryption in another',
    code: `const { createCipheriv, createHmac, randomBytes } = require('crypto');
function protect(kind, data) {
  const key = randomBytes(32);
  try {
    switch (kind) {
      case 'mac':
        return { tag: createHmac('sha256', key).update(data).digest('hex') };
      case 'seal': {
        const c = createCipheriv('aes-256-gcm', key, randomBytes(12));
        return { body: c.update(data) };
      }
      default:
        throw new Error('unknown kind');
    }
  } finally {
    key.fill(0);
  }
}
module.exports = { protect };
`,
  },
  {
    name: 'one secret imported as two CryptoKeys: each use is within its own key usages (reuse is reported separately)',
    code: `export async function keys(raw: Uint8Array, data: Uint8Array, iv: Uint8Array) {
  const encKey = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt']);
  return crypto.subtle.encrypt({ name: 'AES-GCM', iv }, encKey, data);
}
`,
  },
  {
    name: 'encrypt with its own decrypt, sign with its own verify, a JWT secret signing and verifying',
    code: `import * as crypto from 'node:crypto';
import jwt from 'jsonwebtoken';
const KEY = Buffer.from(process.env.APP_KEY ?? '', 'hex');
const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
export const seal = (d: Buffer, iv: Buffer) => crypto.createCipheriv('aes-256-gcm', KEY, iv).update(d);
export const open = (d: Buffer, iv: Buffer) => crypto.createDecipheriv('aes-256-gcm', KEY, iv).update(d);
export const sign = (d: Buffer) => crypto.sign(null, d, privateKey);
export const check = (d: Buffer, s: Buffer) => crypto.verify(null, d, publicKey, s);
export const issue = (c: object) => jwt.sign(c, process.env.JWT_SECRET!, { algorithm: 'HS256' });
export const accept = (t: string) => jwt.verify(t, process.env.JWT_SECRET!, { algorithms: ['HS256'] });
`,
  },
  {
    name: 'HKDF subkeys with distinct labels (the correct pattern)',
    code: `import * as crypto from 'node:crypto';
const master = Buffer.from(process.env.MASTER_KEY ?? '', 'base64');
const encKey = Buffer.from(crypto.hkdfSync('sha256', master, new Uint8Array(0), 'app:enc', 32));
const macKey = Buffer.from(crypto.hkdfSync('sha256', master, new Uint8Array(0), 'app:mac', 32));
export const seal = (d: Buffer, iv: Buffer) => crypto.createCipheriv('aes-256-gcm', encKey, iv).update(d);
export const tag = (d: Buffer) => crypto.createHmac('sha256', macKey).update(d).digest();
`,
  },
  {
    name: 'different keys, and same-named parameters in different functions',
    code: `import * as crypto from 'node:crypto';
export const seal = (d: Buffer, iv: Buffer) => crypto.createCipheriv('aes-256-gcm', process.env.ENC_KEY!, iv).update(d);
export const tag = (d: Buffer) => crypto.createHmac('sha256', process.env.MAC_KEY!).update(d).digest();
export function a(key: Buffer, d: Buffer, iv: Buffer) { return crypto.createCipheriv('aes-256-gcm', key, iv).update(d); }
export function b(key: Buffer, d: Buffer) { return crypto.createHmac('sha256', key).update(d).digest(); }
`,
  },
  {
    name: 'AWS KMS: Encrypt, Decrypt and GenerateDataKey on one key; Sign and Verify on another',
    code: `import { KMSClient, EncryptCommand, DecryptCommand, GenerateDataKeyCommand, SignCommand, VerifyCommand } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export async function run(data: Uint8Array) {
  await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/data', KeySpec: 'AES_256' }));
  const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: 'alias/data', Plaintext: data }));
  await kms.send(new DecryptCommand({ KeyId: 'alias/data', CiphertextBlob }));
  const { Signature } = await kms.send(new SignCommand({ KeyId: 'alias/signing', Message: data, SigningAlgorithm: 'ECDSA_SHA_256' }));
  await kms.send(new VerifyCommand({ KeyId: 'alias/signing', Message: data, Signature, SigningAlgorithm: 'ECDSA_SHA_256' }));
}
export async function created() {
  const { KeyMetadata } = await kms.send(new CreateKeyCommand({ KeyUsage: 'ENCRYPT_DECRYPT', KeySpec: 'SYMMETRIC_DEFAULT' }));
  await kms.send(new EncryptCommand({ KeyId: KeyMetadata!.KeyId, Plaintext: new Uint8Array(1) }));
}
import { CreateKeyCommand } from '@aws-sdk/client-kms';
`,
  },
  {
    name: 'WebCrypto keys used within their usages; HMAC keys sign and verify',
    code: `export async function ok(data: Uint8Array) {
  const aes = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const hmac = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, aes, data);
  const tag = await crypto.subtle.sign('HMAC', hmac, data);
  return crypto.subtle.verify('HMAC', hmac, tag, new Uint8Array(sealed));
}`,
  },
  {
    name: 'declared purposes that match (JSDoc and policy)',
    code: `import { createHmac } from 'node:crypto';
/** @keyPurpose mac */
const linkKey = Buffer.from(process.env.LINK_KEY ?? '', 'base64');
export const signLink = (url: string) => createHmac('sha256', linkKey).update(url).digest('hex');
export const signCookie = (v: string) => createHmac('sha256', process.env.SESSION_SECRET!).update(v).digest('hex');
`, settings: {"keywarden": {"policy": {"keys": [{"name": "session", "purpose": "mac", "env": ["SESSION_SECRET"]}]}}},
  },
  {
    name: 'ignoreKeys leaves a legacy key alone',
    code: `import * as crypto from 'node:crypto';
export const seal = (d: Buffer, iv: Buffer) => crypto.createCipheriv('aes-256-cbc', process.env.LEGACY_KEY!, iv).update(d);
export const tag = (d: Buffer) => crypto.createHmac('sha256', process.env.LEGACY_KEY!).update(d).digest();
`, options: [{"ignoreKeys": ["LEGACY_KEY"]}] as never,
  },
];

const invalidTyped = [
  {
    name: 'across files (type information): a key declared @keyPurpose mac in another file used to encrypt',
    code: `import { createCipheriv } from 'node:crypto';
import { AUDIT_MAC_KEY } from './purpose-keys';
export const seal = (d: string, iv: Buffer) => createCipheriv('aes-256-gcm', AUDIT_MAC_KEY, iv).update(d);
`, filename: 'file.ts',
    errors: [{ messageId: 'contradictsDeclared' as const, line: 3, column: 78 }],
  },
];

const validTyped = [
  {
    name: 'across files (type information): the declared purpose is respected',
    code: `import { createHmac, createCipheriv } from 'node:crypto';
import { AUDIT_MAC_KEY, FIELD_KEY } from './purpose-keys';
export const tag = (line: string) => createHmac('sha256', AUDIT_MAC_KEY).update(line).digest('hex');
export const seal = (d: string, iv: Buffer) => createCipheriv('aes-256-gcm', FIELD_KEY, iv).update(d);
`, filename: 'file.ts',
  },
];

createRuleTester().run('no-key-reuse-across-purposes', rule as never, { valid, invalid: invalid as never });
createTypedRuleTester().run('no-key-reuse-across-purposes (type information)', rule as never, { valid: validTyped, invalid: invalidTyped as never });

// Named imports: the subkey derivation adds `hkdfSync` to the import it comes from.
createRuleTester().run('no-key-reuse-across-purposes: deriveSubkeys with named imports', rule as never, {
  valid: [],
  invalid: [
    {
      code: `import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
const key = Buffer.from(process.env.APP_KEY, 'hex');
export const seal = (data) => createCipheriv('aes-256-gcm', key, randomBytes(12)).update(data);
export const sign = (data) => createHmac('sha256', key).update(data).digest('hex');`,
      errors: [
        {
          messageId: 'reused',
          line: 2,
          suggestions: [
            {
              messageId: 'deriveSubkeys',
              data: { name: '`key`' },
              output: `import { createCipheriv, createHmac, randomBytes, hkdfSync } from 'node:crypto';
const key = Buffer.from(process.env.APP_KEY, 'hex');
export const seal = (data) => createCipheriv('aes-256-gcm', Buffer.from(hkdfSync('sha256', key, new Uint8Array(0), 'keywarden:encrypt', 32)), randomBytes(12)).update(data);
export const sign = (data) => createHmac('sha256', Buffer.from(hkdfSync('sha256', key, new Uint8Array(0), 'keywarden:mac', 32))).update(data).digest('hex');`,
            },
          ],
        },
      ],
    },
  ],
});


// A function that dispatches one API over several operations on its caller's choice
// (real-world case: node-rsa's `usePrivate ? privateEncrypt(…) : publicEncrypt(…)`).
const subkeys = (output: string, name: string) => [{ messageId: 'deriveSubkeys' as const, data: { name }, output }];
createRuleTester().run('no-key-reuse-across-purposes: dispatch selected by a parameter', rule as never, {
  valid: [
    {
      name: 'an RSA engine exports the caller’s key per call and picks the operation from a parameter',
      code: `import crypto from 'node:crypto';
export class NodeEngine {
  constructor(key) { this.key = key; }
  encrypt(buffer, usePrivate = false) {
    const keyPem = exportPem(this.key, usePrivate ? 'private' : 'public');
    return usePrivate ? crypto.privateEncrypt({ key: keyPem }, buffer) : crypto.publicEncrypt({ key: keyPem }, buffer);
  }
}`,
    },
    {
      name: 'the key and the mode are both parameters (if/else)',
      code: `import { createHmac, createCipheriv, randomBytes } from 'node:crypto';
export function protect(key, data, mode) {
  if (mode === 'mac') return createHmac('sha256', key).update(data).digest();
  else return createCipheriv('aes-256-gcm', key, randomBytes(12)).update(data);
}`,
    },
    {
      name: 'the object’s key, the operation chosen by the caller',
      code: `import { createHmac, createCipheriv, randomBytes } from 'node:crypto';
export class Protector {
  constructor(secret) { this.secret = secret; }
  protect(data, mode) {
    const key = Buffer.from(this.secret, 'hex');
    return mode === 'mac' ? createHmac('sha256', key).update(data).digest() : createCipheriv('aes-256-gcm', key, randomBytes(12)).update(data);
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'a module key shared by every call: the dispatch uses one key for two purposes',
      code: `import { createHmac, createCipheriv, randomBytes } from 'node:crypto';
const SERVICE_KEY = Buffer.from(process.env.SERVICE_KEY ?? '', 'hex');
export function protect(data, mode) {
  return mode === 'mac' ? createHmac('sha256', SERVICE_KEY).update(data).digest() : createCipheriv('aes-256-gcm', SERVICE_KEY, randomBytes(12)).update(data);
}`,
      errors: [{ messageId: 'reused' as const, line: 2, suggestions: subkeys(`import { createHmac, createCipheriv, randomBytes, hkdfSync } from 'node:crypto';
const SERVICE_KEY = Buffer.from(process.env.SERVICE_KEY ?? '', 'hex');
export function protect(data, mode) {
  return mode === 'mac' ? createHmac('sha256', Buffer.from(hkdfSync('sha256', SERVICE_KEY, new Uint8Array(0), 'keywarden:mac', 32))).update(data).digest() : createCipheriv('aes-256-gcm', Buffer.from(hkdfSync('sha256', SERVICE_KEY, new Uint8Array(0), 'keywarden:encrypt', 32)), randomBytes(12)).update(data);
}`, '`SERVICE_KEY`') }],
    },
    {
      name: 'a key loaded the same way on every call, whatever the caller passes',
      code: `import { createHmac, createCipheriv, randomBytes } from 'node:crypto';
export function protect(data, mode) {
  const key = loadServiceKey();
  return mode === 'mac' ? createHmac('sha256', key).update(data).digest() : createCipheriv('aes-256-gcm', key, randomBytes(12)).update(data);
}`,
      errors: [{ messageId: 'reused' as const, line: 3, suggestions: subkeys(`import { createHmac, createCipheriv, randomBytes, hkdfSync } from 'node:crypto';
export function protect(data, mode) {
  const key = loadServiceKey();
  return mode === 'mac' ? createHmac('sha256', Buffer.from(hkdfSync('sha256', key, new Uint8Array(0), 'keywarden:mac', 32))).update(data).digest() : createCipheriv('aes-256-gcm', Buffer.from(hkdfSync('sha256', key, new Uint8Array(0), 'keywarden:encrypt', 32)), randomBytes(12)).update(data);
}`, '`key`') }],
    },
    {
      name: 'the branch is chosen by configuration, not by the caller',
      code: `import { createHmac, createCipheriv, randomBytes } from 'node:crypto';
export class Protector {
  constructor(secret) { this.secret = secret; }
  protect(data) {
    const key = Buffer.from(this.secret, 'hex');
    return process.env.MODE === 'mac' ? createHmac('sha256', key).update(data).digest() : createCipheriv('aes-256-gcm', key, randomBytes(12)).update(data);
  }
}`,
      errors: [{ messageId: 'reused' as const, line: 3, suggestions: subkeys(`import { createHmac, createCipheriv, randomBytes, hkdfSync } from 'node:crypto';
export class Protector {
  constructor(secret) { this.secret = secret; }
  protect(data) {
    const key = Buffer.from(this.secret, 'hex');
    return process.env.MODE === 'mac' ? createHmac('sha256', Buffer.from(hkdfSync('sha256', key, new Uint8Array(0), 'keywarden:mac', 32))).update(data).digest() : createCipheriv('aes-256-gcm', Buffer.from(hkdfSync('sha256', key, new Uint8Array(0), 'keywarden:encrypt', 32)), randomBytes(12)).update(data);
  }
}`, '`this.secret`') }],
    },
  ] as never,
});

// Shapes of the fifth blind set (corpus key-purpose/blind-s7): an InversifyJS token table, a private field
// written from a constructor parameter.
createRuleTester().run('no-key-reuse-across-purposes: fifth blind set shapes', rule as never, {
  valid: [
    {
      name: 'Azure Key Vault: a client that encrypts and decrypts uses its key for one purpose',
      filename: 'vault.ts',
      code: `import { DefaultAzureCredential } from '@azure/identity';
import { CryptographyClient } from '@azure/keyvault-keys';
const vaultKey = new CryptographyClient(process.env.VAULT_KEY_ID!, new DefaultAzureCredential());
export const seal = async (secret: string) => (await vaultKey.encrypt({ algorithm: 'RSA-OAEP-256', plaintext: Buffer.from(secret) })).result;
export const open = async (blob: Uint8Array) => (await vaultKey.decrypt({ algorithm: 'RSA-OAEP-256', ciphertext: blob })).result;`,
    },
    {
      name: 'csrf-csrf and express-session with one secret: both MACs',
      filename: 'app.mjs',
      code: `import session from 'express-session';
import { doubleCsrf } from 'csrf-csrf';
const { APP_SECRET } = process.env;
export const { doubleCsrfProtection } = doubleCsrf({ getSecret: () => APP_SECRET, getSessionIdentifier: (req) => req.session.id });
export const sessions = session({ secret: APP_SECRET, resave: false, saveUninitialized: false });`,
    },
    {
      name: "Koa's keyring: the current and the previous cookie key, each for cookies only",
      filename: 'app.js',
      code: `const Koa = require('koa');
const app = new Koa();
app.keys = [process.env.COOKIE_KEY, process.env.PREVIOUS_COOKIE_KEY];
module.exports = app;`,
    },
    {
      name: 'a private field used for one purpose (sign and verify)',
      filename: 'tokens.ts',
      code: `import jwt from 'jsonwebtoken';
export class Tokens {
  readonly #secret: string;
  constructor(secret: string) {
    this.#secret = secret;
  }
  issue(id: string): string {
    return jwt.sign({ sub: id }, this.#secret, { algorithm: 'HS256' });
  }
  read(token: string) {
    return jwt.verify(token, this.#secret, { algorithms: ['HS256'] });
  }
}`,
    },
  ],
  invalid: [
    {
      name: "one secret signs Koa's cookies (app.keys) and the API's JWTs",
      filename: 'app.js',
      code: `const Koa = require('koa');
const jwt = require('jsonwebtoken');
const SECRET = process.env.KOA_SECRET;
const app = new Koa();
app.keys = [SECRET];
exports.issue = (userId) => jwt.sign({ sub: userId }, SECRET, { algorithm: 'HS256', expiresIn: '1h' });
module.exports.app = app;`,
      errors: [{ messageId: 'reused' as const, line: 3 }],
    },
    {
      name: 'Azure Key Vault: one CryptographyClient (one vault key) used to sign and to encrypt, reported where the client is made',
      filename: 'license.ts',
      code: `import { DefaultAzureCredential } from '@azure/identity';
import { CryptographyClient } from '@azure/keyvault-keys';
const licenseKey = new CryptographyClient(process.env.LICENSE_KEY_ID!, new DefaultAzureCredential());
export async function sign(digest: Buffer): Promise<Uint8Array> {
  return (await licenseKey.sign('RS256', digest)).result;
}
export async function seal(secret: string): Promise<Uint8Array> {
  return (await licenseKey.encrypt({ algorithm: 'RSA-OAEP-256', plaintext: Buffer.from(secret) })).result;
}
`,
      errors: [{ messageId: 'reused' as const, line: 3, column: 20, suggestions: [] }],
    },
    {
      name: 'csrf-csrf: the secret its getSecret returns is a MAC key; the same secret signs JWTs',
      filename: 'app.mjs',
      code: `import { doubleCsrf } from 'csrf-csrf';
import jwt from 'jsonwebtoken';
const { APP_SECRET } = process.env;
export const { doubleCsrfProtection } = doubleCsrf({ getSecret: () => APP_SECRET, getSessionIdentifier: (req) => req.cookies.sid });
export const token = (sub) => jwt.sign({ sub }, APP_SECRET, { algorithm: 'HS256' });
`,
      errors: [{ messageId: 'reused' as const, line: 3, column: 9, suggestions: [] }],
    },
    {
      name: 'InversifyJS: a value bound to a member of a token table and injected into two classes is one key',
      filename: 'container.ts',
      code: `import { Container, inject, injectable } from 'inversify';
import { createHash, createCipheriv, randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
export const TYPES = { AppSecret: Symbol.for('AppSecret') };
@injectable()
export class Tokens {
  constructor(@inject(TYPES.AppSecret) private readonly secret: string) {}
  issue(id: string): string {
    return jwt.sign({ sub: id }, this.secret, { algorithm: 'HS256' });
  }
}
@injectable()
export class Vault {
  constructor(@inject(TYPES.AppSecret) private readonly secret: string) {}
  seal(data: string): Buffer {
    const cipher = createCipheriv('aes-256-gcm', createHash('sha256').update(this.secret).digest(), randomBytes(12));
    return cipher.update(data, 'utf8');
  }
}
const container = new Container();
container.bind<string>(TYPES.AppSecret).toConstantValue(process.env.APP_SECRET ?? '');
`,
      errors: [{ messageId: 'reused' as const, line: 21, column: 57, suggestions: [] }],
    },
    {
      name: 'a private field assigned from a constructor parameter: reported on the assignment, like a public one',
      filename: 'devices.ts',
      code: `import { createHmac } from 'node:crypto';
import jwt from 'jsonwebtoken';
export class DeviceController {
  readonly #secret: string;
  constructor(secret: string) {
    this.#secret = secret;
  }
  register(id: string): string {
    return jwt.sign({ sub: id }, this.#secret, { algorithm: 'HS256' });
  }
  verify(raw: string): Buffer {
    return createHmac('sha256', this.#secret).update(raw).digest();
  }
}
`,
      errors: [{ messageId: 'reused' as const, line: 6, column: 10, suggestions: [] }],
    },
  ],
});
