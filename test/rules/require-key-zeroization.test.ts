import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as vm from 'node:vm';
import * as ts from 'typescript';
import rule from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// Every source, wipe and escape of the issue, across node:crypto, WebCrypto, tweetnacl/libsodium
// and the AWS KMS SDK; code paths: early return, throw, loops, callbacks, promises, async/await.
const v2DataKey = `const AWS = require('aws-sdk');
const kms = new AWS.KMS();
async function sealWithNewKey(seal, body) {
  const { Plaintext, CiphertextBlob } = await kms.generateDataKey({ KeyId: process.env.KEK_ID, KeySpec: 'AES_256' }).promise();
  const sealed = await seal(Plaintext, body);
  return { wrapped: CiphertextBlob, sealed };
}
module.exports = { sealWithNewKey };
`;
const localHelperKey = `import { createHmac, hkdfSync } from 'node:crypto';
function deriveRecordKey(master: Buffer, id: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), \`record:\${id}\`, 32));
}
export function tagRecord(master: Buffer, id: string, body: string): string {
  const recordKey = deriveRecordKey(master, id);
  const tag = createHmac('sha256', recordKey).update(body).digest('hex');
  return tag;
}
`;
const invalid = [
  {
    name: 'a key returned by a local helper (Buffer.from(hkdfSync(…))) is fresh key bytes in the caller',
    code: localHelperKey,
    errors: [{
      messageId: 'notWiped' as const, line: 6, column: 9,
      suggestions: [{ messageId: 'wrapInTryFinally' as const, output: localHelperKey.replace(`  const tag = createHmac('sha256', recordKey).update(body).digest('hex');
  return tag;
`, `  try {
    const tag = createHmac('sha256', recordKey).update(body).digest('hex');
    return tag;
  } finally {
    recordKey.fill(0);
  }
`) }],
    }],
  },
  {
    name: 'AWS SDK v2: the Plaintext of generateDataKey(…).promise() is never wiped',
    code: v2DataKey,
    languageOptions: { sourceType: 'commonjs' as const },
    errors: [{
      messageId: 'notWiped' as const, line: 4, column: 11,
      suggestions: [{ messageId: 'wrapInTryFinally' as const, output: v2DataKey.replace(`  const sealed = await seal(Plaintext, body);
  return { wrapped: CiphertextBlob, sealed };
`, `  try {
    const sealed = await seal(Plaintext, body);
    return { wrapped: CiphertextBlob, sealed };
  } finally {
    Plaintext?.fill(0);
  }
`) }],
    }],
  },
  {
    name: 'a wipe after a helper that uses the key does not survive its exceptions (default)',
    code: `import { createHmac, pbkdf2Sync } from 'node:crypto';
export function sign(message: string, passphrase: string, salt: Buffer) {
  const key = pbkdf2Sync(passphrase, salt, 600000, 32, 'sha256');
  const mac = createHmac('sha256', key).update(message).digest('hex');
  key.fill(0);
  return mac;
}`,
    errors: [{ messageId: 'wipedOnHappyPathOnly' as const, line: 3, column: 9, suggestions: [{ messageId: 'wrapInTryFinally' as const, output: `import { createHmac, pbkdf2Sync } from 'node:crypto';
export function sign(message: string, passphrase: string, salt: Buffer) {
  const key = pbkdf2Sync(passphrase, salt, 600000, 32, 'sha256');
  try {
    const mac = createHmac('sha256', key).update(message).digest('hex');
    return mac;
  } finally {
    key.fill(0);
  }
}` }] }],
  },
  {
    name: "assumeCallsMayThrow (deprecated, = exceptions: 'all-calls'): a call that does not use the key counts too",
    code: `import { randomBytes, createHmac } from 'node:crypto';
export function issue(audit: (e: string) => void) {
  const key = randomBytes(32);
  const tag = createHmac('sha256', key);
  audit('issued');
  key.fill(0);
  return tag;
}`,
    options: [{ assumeCallsMayThrow: true }] as never,
    errors: [{ messageId: 'wipedOnHappyPathOnly' as const, line: 3, column: 9, suggestions: [{ messageId: 'wrapInTryFinally' as const, output: `import { randomBytes, createHmac } from 'node:crypto';
export function issue(audit: (e: string) => void) {
  const key = randomBytes(32);
  try {
    const tag = createHmac('sha256', key);
    audit('issued');
    return tag;
  } finally {
    key.fill(0);
  }
}` }] }],
  },
  {
    name: 'a straight-line wipe after the key is used is skipped by exceptions (default)',
    code: `import * as crypto from 'node:crypto';
export function seal(data: Buffer, iv: Buffer) {
  const key = crypto.randomBytes(32);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const out = Buffer.concat([cipher.update(data), cipher.final()]);
  key.fill(0);
  return out;
}
`,
    errors: [{ messageId: 'wipedOnHappyPathOnly' as const, line: 3, column: 9, suggestions: [{ messageId: 'wrapInTryFinally' as const, output: `import * as crypto from 'node:crypto';
export function seal(data: Buffer, iv: Buffer) {
  const key = crypto.randomBytes(32);
  try {
    const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
    const out = Buffer.concat([cipher.update(data), cipher.final()]);
    return out;
  } finally {
    key.fill(0);
  }
}
` }] }],
  },
  {
    name: 'randomBytes key never wiped',
    code: `import * as crypto from 'node:crypto';
export function mac(data: Buffer) {
  const key = crypto.randomBytes(32);
  return crypto.createHmac('sha256', key).update(data).digest();
}
`,
    errors: [{ messageId: 'notWiped' as const, line: 3, column: 9, suggestions: [{ messageId: 'wrapInTryFinally' as const, output: `import * as crypto from 'node:crypto';
export function mac(data: Buffer) {
  const key = crypto.randomBytes(32);
  try {
    return crypto.createHmac('sha256', key).update(data).digest();
  } finally {
    key.fill(0);
  }
}
` }] }],
  },
  {
    name: 'early return skips the wipe',
    code: `import * as crypto from 'node:crypto';
export function tag(password: string, salt: Buffer, data: Buffer) {
  const key = crypto.pbkdf2Sync(password, salt, 600000, 32, 'sha256');
  if (data.length === 0) return null;
  const tag = crypto.createHmac('sha256', key).update(data).digest();
  key.fill(0);
  return tag;
}
`,
    errors: [{ messageId: 'wipedOnHappyPathOnly' as const, line: 3, column: 9, suggestions: [{ messageId: 'wrapInTryFinally' as const, output: `import * as crypto from 'node:crypto';
export function tag(password: string, salt: Buffer, data: Buffer) {
  const key = crypto.pbkdf2Sync(password, salt, 600000, 32, 'sha256');
  try {
    if (data.length === 0) return null;
    const tag = crypto.createHmac('sha256', key).update(data).digest();
    return tag;
  } finally {
    key.fill(0);
  }
}
` }] }],
  },
  {
    name: 'continue in a loop skips the wipe',
    code: `import * as crypto from 'node:crypto';
export function encryptEach(items: { skip?: boolean; body: Buffer }[], iv: Buffer) {
  const out: Buffer[] = [];
  for (const item of items) {
    const key = crypto.randomBytes(32);
    if (item.skip) continue;
    out.push(crypto.createCipheriv('aes-256-gcm', key, iv).update(item.body));
    key.fill(0);
  }
  return out;
}
`,
    errors: [{ messageId: 'wipedOnHappyPathOnly' as const, line: 5, column: 11, suggestions: [{ messageId: 'wrapInTryFinally' as const, output: `import * as crypto from 'node:crypto';
export function encryptEach(items: { skip?: boolean; body: Buffer }[], iv: Buffer) {
  const out: Buffer[] = [];
  for (const item of items) {
    const key = crypto.randomBytes(32);
    try {
      if (item.skip) continue;
      out.push(crypto.createCipheriv('aes-256-gcm', key, iv).update(item.body));
    } finally {
      key.fill(0);
    }
  }
  return out;
}
` }] }],
  },
  {
    name: 'a guard on the key itself is fine, a later throw is not',
    code: `import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';
import { createDecipheriv } from 'node:crypto';
const kms = new KMSClient({});
export async function open(env: { wrapped: Uint8Array; iv: Buffer; tag: Buffer; body: Buffer }) {
  const { Plaintext: dataKey } = await kms.send(new DecryptCommand({ CiphertextBlob: env.wrapped, EncryptionContext: { app: 'x' } }));
  if (!dataKey) throw new Error('KMS returned no plaintext');
  if (env.tag.length !== 16) throw new Error('truncated tag');
  const decipher = createDecipheriv('aes-256-gcm', dataKey, env.iv);
  decipher.setAuthTag(env.tag);
  const out = Buffer.concat([decipher.update(env.body), decipher.final()]);
  dataKey.fill(0);
  return out;
}
`,
    errors: [{ messageId: 'wipedOnHappyPathOnly' as const, line: 5, column: 22, suggestions: [{ messageId: 'wrapInTryFinally' as const, output: `import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';
import { createDecipheriv } from 'node:crypto';
const kms = new KMSClient({});
export async function open(env: { wrapped: Uint8Array; iv: Buffer; tag: Buffer; body: Buffer }) {
  const { Plaintext: dataKey } = await kms.send(new DecryptCommand({ CiphertextBlob: env.wrapped, EncryptionContext: { app: 'x' } }));
  if (!dataKey) throw new Error('KMS returned no plaintext');
  try {
    if (env.tag.length !== 16) throw new Error('truncated tag');
    const decipher = createDecipheriv('aes-256-gcm', dataKey, env.iv);
    decipher.setAuthTag(env.tag);
    const out = Buffer.concat([decipher.update(env.body), decipher.final()]);
    return out;
  } finally {
    dataKey?.fill(0);
  }
}
` }] }],
  },
  {
    name: 'libsodium key exchange session keys',
    code: `import sodium from 'libsodium-wrappers';
export async function hello(clientPk: Uint8Array, clientSk: Uint8Array, serverPk: Uint8Array, send: (frame: Uint8Array) => void) {
  await sodium.ready;
  const session = sodium.crypto_kx_client_session_keys(clientPk, clientSk, serverPk);
  const nonce = sodium.randombytes_buf(24);
  send(sodium.crypto_secretbox_easy(sodium.from_string('hello'), nonce, session.sharedTx));
}
`,
    errors: [{ messageId: 'notWiped' as const, line: 4, column: 9 }],
  },
  {
    name: 'KeyObject-typed parameter exported to raw bytes',
    code: `import { createHash, type KeyObject } from 'node:crypto';
export function fingerprint(key: KeyObject): string {
  const raw = key.export();
  return createHash('sha256').update(raw).digest('hex').slice(0, 12);
}
`,
    errors: [{ messageId: 'notWiped' as const, line: 3, column: 9, suggestions: [{ messageId: 'wrapInTryFinally' as const, output: `import { createHash, type KeyObject } from 'node:crypto';
export function fingerprint(key: KeyObject): string {
  const raw = key.export();
  try {
    return createHash('sha256').update(raw).digest('hex').slice(0, 12);
  } finally {
    raw.fill(0);
  }
}
` }] }],
  },
  {
    name: 'a callback parameter whose result is kept is not a hand-over',
    code: `import * as crypto from 'node:crypto';
export function encryptReport(report: Buffer, wrapKey: (k: Buffer) => Buffer, done: (e: Error | null, r?: object) => void) {
  crypto.randomBytes(32, (err, key) => {
    if (err) return done(err);
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
    done(null, { wrappedKey: wrapKey(key), iv, body: cipher.update(report) });
  });
}
`,
    errors: [{ messageId: 'notWiped' as const, line: 3, column: 32, suggestions: [{ messageId: 'wrapInTryFinally' as const, output: `import * as crypto from 'node:crypto';
export function encryptReport(report: Buffer, wrapKey: (k: Buffer) => Buffer, done: (e: Error | null, r?: object) => void) {
  crypto.randomBytes(32, (err, key) => {
    if (err) return done(err);
    try {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
      done(null, { wrappedKey: wrapKey(key), iv, body: cipher.update(report) });
    } finally {
      key?.fill(0);
    }
  });
}
` }] }],
  },
  {
    name: 'strict: a KMS Decrypt plaintext turned into a string with TextDecoder (inline and through a decoder constant)',
    code: `import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const decoder = new TextDecoder();
export async function open(blob: Uint8Array) {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: { app: 'a' } }));
  try {
    return [new TextDecoder().decode(Plaintext), decoder.decode(Plaintext)];
  } finally {
    Plaintext?.fill(0);
  }
}
`, options: [{"checkStringConversion": true}] as never,
    errors: [{ messageId: 'keyToString' as const, line: 7, column: 13 }, { messageId: 'keyToString' as const, line: 7, column: 50 }],
  },
  {
    name: 'strict: Buffer.from(key).toString() for a legacy library',
    code: `import * as crypto from 'node:crypto';
declare class LegacyCipher { constructor(key: string); }
export function legacy() {
  const key = crypto.randomBytes(32);
  try {
    return new LegacyCipher(Buffer.from(key).toString('base64'));
  } finally {
    key.fill(0);
  }
}
`, options: [{"checkStringConversion": true}] as never,
    errors: [{ messageId: 'keyToString' as const, line: 6, column: 29 }],
  },
  {
    name: 'explicit throw skips the wipe',
    code: `import * as crypto from 'node:crypto';
export function check(password: string, salt: Buffer, data: Buffer) {
  const key = crypto.scryptSync(password, salt, 32);
  const tag = crypto.createHmac('sha256', key).update(data).digest();
  if (tag[0] === 0) throw new Error('bad');
  key.fill(0);
  return tag;
}
`,
    errors: [{ messageId: 'wipedOnHappyPathOnly' as const, line: 3, column: 9, suggestions: [{ messageId: 'wrapInTryFinally' as const, output: `import * as crypto from 'node:crypto';
export function check(password: string, salt: Buffer, data: Buffer) {
  const key = crypto.scryptSync(password, salt, 32);
  try {
    const tag = crypto.createHmac('sha256', key).update(data).digest();
    if (tag[0] === 0) throw new Error('bad');
    return tag;
  } finally {
    key.fill(0);
  }
}
` }] }],
  },
  {
    name: 'wipe inside a loop body only when a condition holds',
    code: `import * as crypto from 'node:crypto';
export function each(items: Buffer[], iv: Buffer) {
  for (const item of items) {
    const key = crypto.randomBytes(32);
    try {
      crypto.createCipheriv('aes-256-gcm', key, iv).update(item);
    } finally {
      if (item.length > 10) key.fill(0);
    }
  }
}
`,
    errors: [{ messageId: 'wipedOnHappyPathOnly' as const, line: 4, column: 11, suggestions: [{ messageId: 'wrapInTryFinally' as const, output: `import * as crypto from 'node:crypto';
export function each(items: Buffer[], iv: Buffer) {
  for (const item of items) {
    const key = crypto.randomBytes(32);
    try {
      crypto.createCipheriv('aes-256-gcm', key, iv).update(item);
    } finally {
      if (item.length > 10) key.fill(0);
      key.fill(0);
    }
  }
}
` }] }],
  },
  {
    name: 'hkdfSync subkey (ArrayBuffer) never wiped',
    code: `import * as crypto from 'node:crypto';
export function sub(master: crypto.KeyObject, data: Buffer) {
  const encKey = crypto.hkdfSync('sha256', master, Buffer.alloc(0), 'enc', 32);
  return crypto.createHmac('sha256', Buffer.from(encKey)).update(data).digest();
}
`,
    errors: [{ messageId: 'notWiped' as const, line: 3, column: 9, suggestions: [{ messageId: 'wrapInTryFinally' as const, output: `import * as crypto from 'node:crypto';
export function sub(master: crypto.KeyObject, data: Buffer) {
  const encKey = crypto.hkdfSync('sha256', master, Buffer.alloc(0), 'enc', 32);
  try {
    return crypto.createHmac('sha256', Buffer.from(encKey)).update(data).digest();
  } finally {
    new Uint8Array(encKey).fill(0);
  }
}
` }] }],
  },
  {
    name: 'callback form of pbkdf2',
    code: `import * as crypto from 'node:crypto';
export function derive(password: string, salt: Buffer, iv: Buffer, done: (err: Error | null, out?: Buffer) => void) {
  crypto.pbkdf2(password, salt, 600000, 32, 'sha256', (err, key) => {
    if (err) return done(err);
    const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
    done(null, cipher.update('hello'));
  });
}
`,
    errors: [{ messageId: 'notWiped' as const, line: 3, column: 61, suggestions: [{ messageId: 'wrapInTryFinally' as const, output: `import * as crypto from 'node:crypto';
export function derive(password: string, salt: Buffer, iv: Buffer, done: (err: Error | null, out?: Buffer) => void) {
  crypto.pbkdf2(password, salt, 600000, 32, 'sha256', (err, key) => {
    if (err) return done(err);
    try {
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
      done(null, cipher.update('hello'));
    } finally {
      key?.fill(0);
    }
  });
}
` }] }],
  },
  {
    name: 'promise .then form of scrypt (promisified)',
    code: `import * as crypto from 'node:crypto';
import { promisify } from 'node:util';
const scrypt = promisify(crypto.scrypt);
export function derive(password: string, salt: Buffer, iv: Buffer) {
  return scrypt(password, salt, 32).then((key) => {
    const cipher = crypto.createCipheriv('aes-256-gcm', key as Buffer, iv);
    return cipher.update('hello');
  });
}
`,
    errors: [{ messageId: 'notWiped' as const, line: 5, column: 43, suggestions: [{ messageId: 'wrapInTryFinally' as const, output: `import * as crypto from 'node:crypto';
import { promisify } from 'node:util';
const scrypt = promisify(crypto.scrypt);
export function derive(password: string, salt: Buffer, iv: Buffer) {
  return scrypt(password, salt, 32).then((key) => {
    try {
      const cipher = crypto.createCipheriv('aes-256-gcm', key as Buffer, iv);
      return cipher.update('hello');
    } finally {
      key?.fill(0);
    }
  });
}
` }] }],
  },
  {
    name: 'async/await, wipe after an await only (default)',
    code: `import * as crypto from 'node:crypto';
import { promisify } from 'node:util';
const scrypt = promisify(crypto.scrypt);
export async function derive(password: string, salt: Buffer, send: (b: Buffer) => Promise<void>, iv: Buffer) {
  const key = (await scrypt(password, salt, 32)) as Buffer;
  const out = crypto.createCipheriv('aes-256-gcm', key, iv).update('hello');
  await send(out);
  key.fill(0);
}
`,
    errors: [{ messageId: 'wipedOnHappyPathOnly' as const, line: 5, column: 9, suggestions: [{ messageId: 'wrapInTryFinally' as const, output: `import * as crypto from 'node:crypto';
import { promisify } from 'node:util';
const scrypt = promisify(crypto.scrypt);
export async function derive(password: string, salt: Buffer, send: (b: Buffer) => Promise<void>, iv: Buffer) {
  const key = (await scrypt(password, salt, 32)) as Buffer;
  try {
    const out = crypto.createCipheriv('aes-256-gcm', key, iv).update('hello');
    await send(out);
  } finally {
    key.fill(0);
  }
}
` }] }],
  },
  {
    name: 'WebCrypto deriveBits output imported as a key',
    code: `export async function derive(base: CryptoKey, salt: Uint8Array) {
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', salt, iterations: 600000, hash: 'SHA-256' }, base, 256);
  const key = await crypto.subtle.importKey('raw', bits, 'AES-GCM', false, ['encrypt']);
  await crypto.subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, key, new Uint8Array(1));
}
`,
    errors: [{ messageId: 'notWiped' as const, line: 2, column: 9, suggestions: [{ messageId: 'wrapInTryFinally' as const, output: `export async function derive(base: CryptoKey, salt: Uint8Array) {
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', salt, iterations: 600000, hash: 'SHA-256' }, base, 256);
  try {
    const key = await crypto.subtle.importKey('raw', bits, 'AES-GCM', false, ['encrypt']);
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, key, new Uint8Array(1));
  } finally {
    new Uint8Array(bits).fill(0);
  }
}
` }] }],
  },
  {
    name: 'getRandomValues fills a key buffer',
    code: `export async function make() {
  const raw = new Uint8Array(32);
  crypto.getRandomValues(raw);
  const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt']);
  return crypto.subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, key, new Uint8Array(1));
}
`,
    errors: [{ messageId: 'notWiped' as const, line: 2, column: 9, suggestions: [{ messageId: 'wrapInTryFinally' as const, output: `export async function make() {
  const raw = new Uint8Array(32);
  crypto.getRandomValues(raw);
  try {
    const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt']);
    return crypto.subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, key, new Uint8Array(1));
  } finally {
    raw.fill(0);
  }
}
` }] }],
  },
  {
    name: 'exportKey raw of a secret key',
    code: `export async function backup(key: CryptoKey, kek: CryptoKey) {
  const raw = await crypto.subtle.exportKey('raw', key);
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, kek, raw);
  return new Uint8Array(sealed);
}
`,
    errors: [{ messageId: 'notWiped' as const, line: 2, column: 9, suggestions: [{ messageId: 'wrapInTryFinally' as const, output: `export async function backup(key: CryptoKey, kek: CryptoKey) {
  const raw = await crypto.subtle.exportKey('raw', key);
  try {
    const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, kek, raw);
    return new Uint8Array(sealed);
  } finally {
    new Uint8Array(raw).fill(0);
  }
}
` }] }],
  },
  {
    name: 'KeyObject.export of a secret key',
    code: `import * as crypto from 'node:crypto';
export function raw(data: Buffer, iv: Buffer) {
  const keyObject = crypto.createSecretKey(crypto.randomBytes(32));
  const bytes = keyObject.export();
  return crypto.createCipheriv('aes-256-gcm', bytes, iv).update(data);
}
`,
    errors: [{ messageId: 'notWiped' as const, line: 4, column: 9, suggestions: [{ messageId: 'wrapInTryFinally' as const, output: `import * as crypto from 'node:crypto';
export function raw(data: Buffer, iv: Buffer) {
  const keyObject = crypto.createSecretKey(crypto.randomBytes(32));
  const bytes = keyObject.export();
  try {
    return crypto.createCipheriv('aes-256-gcm', bytes, iv).update(data);
  } finally {
    bytes.fill(0);
  }
}
` }] }],
  },
  {
    name: 'AWS KMS GenerateDataKey Plaintext',
    code: `import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { createCipheriv, randomBytes } from 'node:crypto';
const kms = new KMSClient({});
export async function seal(data: Buffer) {
  const { Plaintext, CiphertextBlob } = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/app', KeySpec: 'AES_256' }));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Plaintext!, iv);
  const body = Buffer.concat([cipher.update(data), cipher.final()]);
  return { wrappedKey: CiphertextBlob, iv, body, tag: cipher.getAuthTag() };
}
`,
    errors: [{ messageId: 'notWiped' as const, line: 5, column: 11, suggestions: [{ messageId: 'wrapInTryFinally' as const, output: `import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { createCipheriv, randomBytes } from 'node:crypto';
const kms = new KMSClient({});
export async function seal(data: Buffer) {
  const { Plaintext, CiphertextBlob } = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/app', KeySpec: 'AES_256' }));
  try {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', Plaintext!, iv);
    const body = Buffer.concat([cipher.update(data), cipher.final()]);
    return { wrappedKey: CiphertextBlob, iv, body, tag: cipher.getAuthTag() };
  } finally {
    Plaintext?.fill(0);
  }
}
` }] }],
  },
  {
    name: 'AWS KMS Decrypt Plaintext through the response object',
    code: `import { DecryptCommand, type KMSClient } from '@aws-sdk/client-kms';
import { createDecipheriv } from 'node:crypto';
export async function open(kms: KMSClient, wrapped: Uint8Array, iv: Buffer, body: Buffer) {
  const res = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { app: 'x' } }));
  const decipher = createDecipheriv('aes-256-gcm', res.Plaintext!, iv);
  return decipher.update(body);
}
`,
    errors: [{ messageId: 'notWiped' as const, line: 4, column: 9, suggestions: [{ messageId: 'wrapInTryFinally' as const, output: `import { DecryptCommand, type KMSClient } from '@aws-sdk/client-kms';
import { createDecipheriv } from 'node:crypto';
export async function open(kms: KMSClient, wrapped: Uint8Array, iv: Buffer, body: Buffer) {
  const res = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { app: 'x' } }));
  try {
    const decipher = createDecipheriv('aes-256-gcm', res.Plaintext!, iv);
    return decipher.update(body);
  } finally {
    res.Plaintext?.fill(0);
  }
}
` }] }],
  },
  {
    name: 'tweetnacl key pair and shared key',
    code: `import nacl from 'tweetnacl';
export function send(msg: Uint8Array, nonce: Uint8Array, theirPublicKey: Uint8Array) {
  const mine = nacl.box.keyPair();
  const shared = nacl.box.before(theirPublicKey, mine.secretKey);
  return { box: nacl.box.after(msg, nonce, shared), publicKey: mine.publicKey };
}
`,
    errors: [{ messageId: 'notWiped' as const, line: 3, column: 9, suggestions: [{ messageId: 'wrapInTryFinally' as const, output: `import nacl from 'tweetnacl';
export function send(msg: Uint8Array, nonce: Uint8Array, theirPublicKey: Uint8Array) {
  const mine = nacl.box.keyPair();
  try {
    const shared = nacl.box.before(theirPublicKey, mine.secretKey);
    return { box: nacl.box.after(msg, nonce, shared), publicKey: mine.publicKey };
  } finally {
    mine.secretKey.fill(0);
  }
}
` }] },
      { messageId: 'notWiped' as const, line: 4, column: 9, suggestions: [{ messageId: 'wrapInTryFinally' as const, output: `import nacl from 'tweetnacl';
export function send(msg: Uint8Array, nonce: Uint8Array, theirPublicKey: Uint8Array) {
  const mine = nacl.box.keyPair();
  const shared = nacl.box.before(theirPublicKey, mine.secretKey);
  try {
    return { box: nacl.box.after(msg, nonce, shared), publicKey: mine.publicKey };
  } finally {
    shared.fill(0);
  }
}
` }] }],
  },
  {
    name: 'libsodium secretbox key',
    code: `import sodium from 'libsodium-wrappers';
export function seal(msg: Uint8Array, nonce: Uint8Array) {
  const key = sodium.crypto_secretbox_keygen();
  const box = sodium.crypto_secretbox_easy(msg, nonce, key);
  if (box.length > 1024) return null;
  sodium.memzero(key);
  return box;
}
`,
    errors: [{ messageId: 'wipedOnHappyPathOnly' as const, line: 3, column: 9, suggestions: [{ messageId: 'wrapInTryFinally' as const, output: `import sodium from 'libsodium-wrappers';
export function seal(msg: Uint8Array, nonce: Uint8Array) {
  const key = sodium.crypto_secretbox_keygen();
  try {
    const box = sodium.crypto_secretbox_easy(msg, nonce, key);
    if (box.length > 1024) return null;
    return box;
  } finally {
    key.fill(0);
  }
}
` }] }],
  },
  {
    name: 'Buffer.from(secret from env)',
    code: `import * as crypto from 'node:crypto';
export function tag(data: string) {
  const hmacKey = Buffer.from(process.env.HMAC_KEY ?? '', 'base64');
  return crypto.createHmac('sha256', hmacKey).update(data).digest('hex');
}
`,
    errors: [{ messageId: 'notWiped' as const, line: 3, column: 9, suggestions: [{ messageId: 'wrapInTryFinally' as const, output: `import * as crypto from 'node:crypto';
export function tag(data: string) {
  const hmacKey = Buffer.from(process.env.HMAC_KEY ?? '', 'base64');
  try {
    return crypto.createHmac('sha256', hmacKey).update(data).digest('hex');
  } finally {
    hmacKey.fill(0);
  }
}
` }] }],
  },
  {
    name: 'strict: key bytes turned into a string',
    code: `import * as crypto from 'node:crypto';
export function show(iv: Buffer) {
  const key = crypto.randomBytes(32);
  try {
    console.log(\`key: \${key.toString('hex')}\`);
    return crypto.createCipheriv('aes-256-gcm', key, iv);
  } finally {
    key.fill(0);
  }
}
`, options: [{"checkStringConversion": true}] as never,
    errors: [{ messageId: 'keyToString' as const, line: 5, column: 25 }],
  },
];

const valid = [
  {
    name: 'a local helper key wiped by the caller, and a helper salt that is not a key',
    code: `import { createHmac, hkdfSync, pbkdf2Sync, randomBytes } from 'node:crypto';
const deriveRecordKey = (master: Buffer, id: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), id, 32));
function newSalt() { return randomBytes(16); }
export function tagRecord(master: Buffer, id: string, body: string): string {
  const recordKey = deriveRecordKey(master, id);
  try {
    return createHmac('sha256', recordKey).update(body).digest('hex');
  } finally {
    recordKey.fill(0);
  }
}
export function hashPassword(password: string) {
  const salt = newSalt();
  return { salt, hash: pbkdf2Sync(password, salt, 600_000, 32, 'sha256') };
}
`,
  },
  {
    name: 'a plaintext data key wiped in finally, then an await that does not use it (default)',
    code: `import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { createCipheriv, randomBytes } from 'node:crypto';
const kms = new KMSClient({});
export async function seal(data: Buffer, save: (row: object) => Promise<void>) {
  const { Plaintext, CiphertextBlob } = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/app', KeySpec: 'AES_256', EncryptionContext: { app: 'notes' } }));
  const iv = randomBytes(12);
  let body: Buffer;
  try {
    const cipher = createCipheriv('aes-256-gcm', Plaintext!, iv);
    body = Buffer.concat([cipher.update(data), cipher.final()]);
  } finally {
    Plaintext?.fill(0);
  }
  await save({ iv, body, wrapped: CiphertextBlob });
}`,
  },
  {
    name: 'a wipe before any use of the key needs no finally (default)',
    code: `import { randomBytes } from 'node:crypto';
export function probe(log: (m: string) => void) {
  const key = randomBytes(32);
  log('generated a probe key');
  key.fill(0);
}`,
  },
  {
    name: 'try/finally wipes on every path',
    code: `import * as crypto from 'node:crypto';
export function seal(data: Buffer, iv: Buffer) {
  const key = crypto.randomBytes(32);
  try {
    const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
    if (data.length === 0) return null;
    return Buffer.concat([cipher.update(data), cipher.final()]);
  } finally {
    key.fill(0);
  }
}`,
  },
  {
    name: "exceptions: 'explicit-only' accepts a straight-line wipe after the last use",
    code: `import { createHmac, pbkdf2Sync } from 'node:crypto';
export function sign(message: string, passphrase: string, salt: Buffer) {
  const key = pbkdf2Sync(passphrase, salt, 600000, 32, 'sha256');
  const mac = createHmac('sha256', key).update(message).digest('hex');
  key.fill(0);
  return mac;
}`,
    options: [{ exceptions: 'explicit-only' }] as never,
  },
  {
    name: 'guards where there is nothing to wipe: if (!key) throw, if (err) return',
    code: `import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';
import { createDecipheriv, pbkdf2, createHmac } from 'node:crypto';
const kms = new KMSClient({});
export async function read(file: { wrapped: Uint8Array; iv: Buffer; body: Buffer }, fileId: string) {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: file.wrapped, EncryptionContext: { fileId } }));
  if (!Plaintext) throw new Error('no plaintext');
  try {
    return createDecipheriv('aes-256-gcm', Plaintext, file.iv).update(file.body);
  } finally {
    Plaintext.fill(0);
  }
}
export function mac(passphrase: string, salt: Buffer, message: string, cb: (e: Error | null, mac?: string) => void) {
  pbkdf2(passphrase, salt, 600000, 32, 'sha256', (err, key) => {
    if (err) return cb(err);
    try {
      cb(null, createHmac('sha256', key).update(message).digest('hex'));
    } finally {
      key.fill(0);
    }
  });
}`,
  },
  {
    name: 'an IV, a salt and a token from randomBytes are not keys',
    code: `import { randomBytes, createCipheriv, scryptSync } from 'node:crypto';
export function seal(data: Buffer, password: string) {
  const iv = randomBytes(12);
  const salt = randomBytes(16);
  const requestId = randomBytes(8);
  console.log(requestId.toString('hex'));
  const key = scryptSync(password, salt, 32);
  try {
    return createCipheriv('aes-256-gcm', key, iv).update(data);
  } finally {
    key.fill(0);
  }
}`,
  },
  {
    name: 'a KDF output that is a password-verification hash',
    code: `import { scryptSync, timingSafeEqual, pbkdf2Sync } from 'node:crypto';
export function check(password: string, salt: Buffer, stored: Buffer) {
  const hash = scryptSync(password, salt, 64);
  return timingSafeEqual(hash, stored);
}
export function store(password: string, salt: Buffer) {
  const derivedKey = pbkdf2Sync(password, salt, 600000, 64, 'sha512');
  return derivedKey.toString('hex');
}`,
  },
  {
    name: 'the key is returned, yielded or given to a callback',
    code: `import { randomBytes, createHmac, pbkdf2 } from 'node:crypto';
export function newKey() {
  const key = randomBytes(32);
  createHmac('sha256', key).update('probe').digest();
  return key;
}
export function newPair() {
  const key = randomBytes(32);
  const check = createHmac('sha256', key).update('probe').digest();
  return { key, check };
}
export function* keys() {
  const key = randomBytes(32);
  createHmac('sha256', key).update('probe').digest();
  yield key;
}
export function derive(password: string, salt: Buffer, done: (err: Error | null, key?: Buffer) => void) {
  pbkdf2(password, salt, 600000, 32, 'sha256', (err, key) => {
    if (err) return done(err);
    createHmac('sha256', key).update('probe').digest();
    done(null, key);
  });
}
export function promised(password: string, salt: Buffer) {
  return new Promise<Buffer>((resolve, reject) => {
    pbkdf2(password, salt, 600000, 32, 'sha256', (err, key) => (err ? reject(err) : resolve(key)));
  });
}`,
  },
  {
    name: 'the key is stored on this, an outer object or a cache',
    code: `import { randomBytes, createCipheriv } from 'node:crypto';
const cache = new Map<string, Buffer>();
const state: { key?: Buffer } = {};
export class Sealer {
  private key?: Buffer;
  rotate(iv: Buffer) {
    const key = randomBytes(32);
    createCipheriv('aes-256-gcm', key, iv);
    this.key = key;
  }
}
export function remember(id: string, iv: Buffer) {
  const key = randomBytes(32);
  createCipheriv('aes-256-gcm', key, iv);
  cache.set(id, key);
}
export function keep(iv: Buffer) {
  const key = randomBytes(32);
  createCipheriv('aes-256-gcm', key, iv);
  state.key = key;
}`,
  },
  {
    name: 'a KeyObject instead of raw bytes',
    code: `import { createSecretKey, generateKeySync, randomBytes, createCipheriv } from 'node:crypto';
export function seal(data: Buffer, iv: Buffer) {
  const key = createSecretKey(randomBytes(32));
  return createCipheriv('aes-256-gcm', key, iv).update(data);
}
export function seal2(data: Buffer, iv: Buffer) {
  const key = generateKeySync('aes', { length: 256 });
  return createCipheriv('aes-256-gcm', key, iv).update(data);
}`,
  },
  {
    name: 'wiped in catch (rethrowing) and after the try',
    code: `import { randomBytes, createHmac } from 'node:crypto';
export function tag(data: Buffer) {
  const key = randomBytes(32);
  let out: Buffer;
  try {
    out = createHmac('sha256', key).update(data).digest();
  } catch (error) {
    key.fill(0);
    throw error;
  }
  key.fill(0);
  return out;
}`,
  },
  {
    name: 'wipes: randomFillSync, sodium.memzero, keywarden/kms wipe(), a zeroize helper',
    code: `import { randomBytes, randomFillSync, createHmac } from 'node:crypto';
import sodium from 'libsodium-wrappers';
import { wipe } from 'keywarden/kms';
function zeroize(buf: Uint8Array) { buf.fill(0); }
export function a(data: Buffer) {
  const key = randomBytes(32);
  try { return createHmac('sha256', key).update(data).digest(); } finally { randomFillSync(key); }
}
export function b(msg: Uint8Array, nonce: Uint8Array) {
  const key = sodium.crypto_secretbox_keygen();
  try { return sodium.crypto_secretbox_easy(msg, nonce, key); } finally { sodium.memzero(key); }
}
export function c(data: Buffer) {
  const key = randomBytes(32);
  try { return createHmac('sha256', key).update(data).digest(); } finally { wipe(key); }
}
export function d(data: Buffer) {
  const key = randomBytes(32);
  try { return createHmac('sha256', key).update(data).digest(); } finally { zeroize(key); }
}`,
  },
  {
    name: 'KMS data keys: wiped in finally, returned, or never in plaintext',
    code: `import { KMSClient, GenerateDataKeyCommand, GenerateDataKeyWithoutPlaintextCommand } from '@aws-sdk/client-kms';
import { createCipheriv, randomBytes } from 'node:crypto';
const kms = new KMSClient({});
export async function seal(data: Buffer) {
  const { Plaintext, CiphertextBlob } = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/app', KeySpec: 'AES_256' }));
  try {
    const iv = randomBytes(12);
    return { CiphertextBlob, iv, body: createCipheriv('aes-256-gcm', Plaintext!, iv).update(data) };
  } finally {
    Plaintext?.fill(0);
  }
}
export async function dataKeyForCaller() {
  const { Plaintext, CiphertextBlob } = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/app', KeySpec: 'AES_256' }));
  return { Plaintext, CiphertextBlob };
}
export async function wrappedOnly() {
  const { CiphertextBlob } = await kms.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: 'alias/app', KeySpec: 'AES_256' }));
  return CiphertextBlob;
}`,
  },
  {
    name: 'tweetnacl: secret key wiped, public key exported, WebCrypto public export',
    code: `import nacl from 'tweetnacl';
export function sign(msg: Uint8Array) {
  const pair = nacl.sign.keyPair();
  try {
    return { sig: nacl.sign.detached(msg, pair.secretKey), publicKey: pair.publicKey };
  } finally {
    pair.secretKey.fill(0);
  }
}
export async function share() {
  const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
  const raw = await crypto.subtle.exportKey('raw', pair.publicKey);
  console.log(new Uint8Array(raw));
}`,
  },
  {
    name: 'module-level keys and Buffer.from of data',
    code: `import { randomBytes, createHmac } from 'node:crypto';
const KEY = randomBytes(32);
const FROM_ENV = Buffer.from(process.env.SIGNING_KEY ?? '', 'base64');
export function tag(json: string) {
  const body = Buffer.from(json);
  return [createHmac('sha256', KEY).update(body).digest(), createHmac('sha256', FROM_ENV).update(body).digest()];
}`,
  },
  {
    name: 'strict option off: string conversion of a wiped key is not reported',
    code: `import { randomBytes, createHmac } from 'node:crypto';
export function tag(data: Buffer) {
  const key = randomBytes(32);
  try {
    console.log(key.toString('hex').length);
    return createHmac('sha256', key).update(data).digest();
  } finally {
    key.fill(0);
  }
}`,
  },
];

createRuleTester().run('require-key-zeroization', rule as never, { valid, invalid: invalid as never });

/** Runs a (TypeScript) module's text with the real node:crypto and returns its exports. */
function load(code: string): Record<string, (...args: unknown[]) => unknown> {
  const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const module = { exports: {} as Record<string, (...args: unknown[]) => unknown> };
  const requireStub = (id: string) => {
    if (id === 'node:crypto' || id === 'crypto') return crypto;
    if (id === 'node:util') return require('node:util');
    throw new Error(`unexpected import ${id}`);
  };
  vm.runInNewContext(js, { module, exports: module.exports, require: requireStub, Buffer, process, console });
  return module.exports;
}

function suggestionOutput(name: string): string {
  const found = invalid.find((c) => c.name === name);
  const output = (found?.errors[0] as { suggestions?: { output: string }[] } | undefined)?.suggestions?.[0]?.output;
  assert.ok(output, `suggestion of ${name}`);
  return output;
}

describe('require-key-zeroization: the try/finally suggestion still runs', () => {
  const iv = crypto.randomBytes(12);

  it('keeps an encryption result and its early returns', () => {
    const { seal } = load(suggestionOutput('a straight-line wipe after the key is used is skipped by exceptions (default)'));
    assert.equal((seal(Buffer.from('hello'), iv) as Buffer).length, 5);
    const { tag } = load(suggestionOutput('early return skips the wipe'));
    assert.equal(tag('pw', Buffer.alloc(16), Buffer.alloc(0)), null);
    const expected = crypto.createHmac('sha256', crypto.pbkdf2Sync('pw', Buffer.alloc(16), 600000, 32, 'sha256')).update('x').digest();
    assert.deepEqual(tag('pw', Buffer.alloc(16), Buffer.from('x')), expected);
  });

  it('still throws what the original threw, and wipes an ArrayBuffer key through a view', () => {
    const { check } = load(suggestionOutput('explicit throw skips the wipe'));
    const result = (() => {
      try {
        return check('pw', Buffer.alloc(16), Buffer.from('data'));
      } catch (error) {
        return error;
      }
    })();
    assert.ok(Buffer.isBuffer(result) || (result instanceof Error && result.message === 'bad'));
    const { sub } = load(suggestionOutput('hkdfSync subkey (ArrayBuffer) never wiped'));
    assert.equal((sub(crypto.createSecretKey(crypto.randomBytes(32)), Buffer.from('x')) as Buffer).length, 32);
  });

  it('works inside callbacks and loops', async () => {
    const { derive } = load(suggestionOutput('callback form of pbkdf2'));
    const out = await new Promise<Buffer>((resolve, reject) => derive('pw', Buffer.alloc(16), iv, (err: Error | null, data?: Buffer) => (err ? reject(err) : resolve(data!))));
    assert.equal(out.length, 5);
    const { each } = load(suggestionOutput('wipe inside a loop body only when a condition holds'));
    each([Buffer.from('a'), Buffer.from('bbbbbbbbbbbbbbbb')], iv);
  });
});

// A view sharing the key's memory is returned: the caller holds the key (an escape, as a returned key is), and a
// wipe here would zero what the caller holds. (Until blind-s11 both bindings were reported with the rewrite declined.)
createRuleTester().run('require-key-zeroization: shared views', rule as never, {
  valid: [
    {
      filename: 'session.js',
      code: `const crypto = require('crypto');
function deriveSessionKey(secret, salt) {
  const master = crypto.hkdfSync('sha256', secret, salt, 'session', 64);
  const key = Buffer.from(master);
  const mac = crypto.createHmac('sha256', key).update('check').digest('hex');
  return { key: key.subarray(0, 32), mac };
}`,
    },
  ],
  invalid: [],
});

// Shapes of the fifth blind set (corpus zeroization/blind-s7): deferred wipes, closure state, RxJS,
// typed-array copies, TextEncoder secrets, wrapped keys named as such, byte-to-text encoders.
const setImmediateWipe = `const crypto = require('crypto');
function open(blob, password) {
  const key = crypto.scryptSync(password, blob.subarray(0, 16), 32);
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, blob.subarray(16, 28));
  const plain = Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]);
  setImmediate(() => key.fill(0));
  return plain;
}
module.exports = { open };
`;
const typedArrayCopy = `import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export async function open(wrapped: Uint8Array, iv: Uint8Array, body: Uint8Array): Promise<ArrayBuffer> {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped }));
  if (!Plaintext) throw new Error('no plaintext');
  const keyCopy = new Uint8Array(Plaintext);
  Plaintext.fill(0);
  const key = await crypto.subtle.importKey('raw', keyCopy, 'AES-GCM', false, ['decrypt']);
  return crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, body);
}
`;
const encodedSecret = `import { jwtVerify } from 'jose';
export async function readSession(token: string) {
  const secret = new TextEncoder().encode(process.env.SESSION_SECRET);
  const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'] });
  return payload;
}
`;
createRuleTester().run('require-key-zeroization: fifth blind set shapes', rule as never, {
  valid: [
    {
      name: 'a hand-written promise wrapper used for a password verifier: compared, not a key',
      filename: 'login.ts',
      code: `import { scrypt, timingSafeEqual } from 'node:crypto';
function scryptAsync(secret: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(secret, salt, 32, (err, key) => (err ? reject(err) : resolve(key))));
}
export async function check(password: string, salt: Buffer, stored: Buffer): Promise<boolean> {
  const derived = await scryptAsync(password, salt);
  return derived.length === stored.length && timingSafeEqual(derived, stored);
}`,
    },
    {
      name: 'a kx session key handed to a local helper whose returned closures keep it, and that result returned',
      filename: 'relay.mjs',
      code: `import sodium from 'libsodium-wrappers';
function makeReader(rxKey) {
  return { read: (header, frame) => sodium.crypto_secretstream_xchacha20poly1305_pull(sodium.crypto_secretstream_xchacha20poly1305_init_pull(header, rxKey), frame) };
}
export async function handshake(keys, clientPublicKey) {
  await sodium.ready;
  const { sharedRx, sharedTx } = sodium.crypto_kx_server_session_keys(keys.publicKey, keys.privateKey, clientPublicKey);
  try {
    const { header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(sharedTx);
    return { header, reader: makeReader(sharedRx) };
  } finally {
    sodium.memzero(sharedTx);
  }
}
`,
    },
    {
      name: 'a key in the options of a registered Fastify plugin is kept by the server',
      filename: 'server.ts',
      code: `import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';
export async function build() {
  const app = Fastify();
  const jwtKey = Buffer.from(process.env.JWT_KEY ?? '', 'hex');
  await app.register(fastifyJwt, { secret: jwtKey, verify: { algorithms: ['HS256'] } });
  return app;
}
`,
    },
    {
      name: 'Buffer.from of an hkdf ArrayBuffer is a view: handing the view to the callback hands the key over',
      filename: 'keys.js',
      code: `const crypto = require('crypto');
function keysFor(root, id, cb) {
  crypto.hkdf('sha256', root, id, 'enc', 32, (err, encKey) => {
    if (err) return cb(err);
    crypto.hkdf('sha256', root, id, 'mac', 32, (err2, macKey) => {
      if (err2) {
        new Uint8Array(encKey).fill(0);
        return cb(err2);
      }
      cb(null, { encKey: Buffer.from(encKey), macKey: Buffer.from(macKey) });
    });
  });
}
module.exports = { keysFor };
`,
    },
    {
      name: 'a key assigned from a listener to a variable of the enclosing function lives as long as the connection; its close listener wipes it',
      filename: 'gateway.ts',
      code: `import { createDecipheriv, createHmac, hkdfSync } from 'node:crypto';
import type { WebSocket } from 'ws';
export function onConnection(ws: WebSocket, shared: Buffer, id: string): void {
  let sessionKey: Buffer | null = null;
  ws.on('close', () => sessionKey?.fill(0));
  ws.on('message', (data: Buffer) => {
    if (!sessionKey) {
      sessionKey = Buffer.from(hkdfSync('sha256', shared, id, 'session', 32));
      return;
    }
    const decipher = createDecipheriv('aes-256-gcm', sessionKey, data.subarray(0, 12));
    ws.send(createHmac('sha256', sessionKey).update(decipher.update(data.subarray(12))).digest());
  });
}`,
    },
    {
      name: 'a test suite key made in beforeEach and wiped in afterEach',
      filename: 'settings.test.ts',
      code: `import { randomBytes } from 'node:crypto';
import { sealSettings } from '../src/settings';
describe('settings', () => {
  let key: Buffer;
  beforeEach(() => { key = randomBytes(32); });
  afterEach(() => { key.fill(0); });
  it('seals', () => { expect(sealSettings(key, {})).toBeTruthy(); });
});`,
    },
    {
      name: 'RxJS finalize on the returned observable wipes on completion, error and unsubscription',
      filename: 'seal.ts',
      code: `import { createCipheriv, randomBytes } from 'node:crypto';
import { finalize, map, type Observable } from 'rxjs';
export function sealAll(source: Observable<string>, unwrap: () => Buffer): Observable<Buffer> {
  const dataKey = Buffer.from(unwrap());
  return source.pipe(
    map((text) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
      return Buffer.concat([iv, cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    }),
    finalize(() => dataKey.fill(0)),
  );
}`,
    },
    {
      name: 'Uint8Array.from(key) is a copy: the original wiped right after it, the copy in a finally',
      filename: 'open.ts',
      code: typedArrayCopy.replace('const keyCopy = new Uint8Array(Plaintext);', 'const keyCopy = Uint8Array.from(Plaintext);').replace(
        `  const key = await crypto.subtle.importKey('raw', keyCopy, 'AES-GCM', false, ['decrypt']);
  return crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, body);`,
        `  try {
    const key = await crypto.subtle.importKey('raw', keyCopy, 'AES-GCM', false, ['decrypt']);
    return await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, body);
  } finally {
    keyCopy.fill(0);
  }`,
      ),
    },
    {
      name: 'a wrapped key decoded from a record field named key is ciphertext, not key bytes',
      filename: 'jobs.js',
      code: `const crypto = require('crypto');
function openJob(kek, sealed) {
  const wrapped = Buffer.from(sealed.key, 'base64');
  const unwrapper = crypto.createDecipheriv('aes-256-gcm', kek, wrapped.subarray(0, 12));
  unwrapper.setAuthTag(wrapped.subarray(wrapped.length - 16));
  const jobKey = Buffer.concat([unwrapper.update(wrapped.subarray(12, wrapped.length - 16)), unwrapper.final()]);
  try {
    return crypto.createDecipheriv('aes-256-gcm', jobKey, Buffer.from(sealed.iv, 'base64')).update(Buffer.from(sealed.body, 'base64'));
  } finally {
    crypto.randomFillSync(jobKey);
  }
}
module.exports = { openJob };`,
    },
    {
      name: 'a TextEncoder secret at module scope lives as long as the process',
      filename: 'session.ts',
      code: `import { jwtVerify } from 'jose';
const secret = new TextEncoder().encode(process.env.SESSION_SECRET);
export const readSession = async (token: string) => (await jwtVerify(token, secret, { algorithms: ['HS256'] })).payload;`,
    },
  ],
  invalid: [
    {
      name: 'a local base64 helper decoding a secret: the caller holds its bytes (not for a non-secret argument)',
      filename: 'worker.ts',
      code: `const b64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
export async function macKeyFor(env: { MAC_SECRET: string; BUILD_ID: string }): Promise<CryptoKey> {
  const raw = b64(env.MAC_SECRET);
  const id = b64(env.BUILD_ID);
  console.log(id.length);
  return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}
`,
      errors: [{ messageId: 'notWiped' as const, line: 3, column: 9, suggestions: [{ messageId: 'wrapInTryFinally' as const, output: `const b64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
export async function macKeyFor(env: { MAC_SECRET: string; BUILD_ID: string }): Promise<CryptoKey> {
  const raw = b64(env.MAC_SECRET);
  try {
    const id = b64(env.BUILD_ID);
    console.log(id.length);
    return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  } finally {
    raw.fill(0);
  }
}
` }] }],
    },
    {
      name: 'keys from a hand-written promise wrapper of scrypt, destructured from Promise.all: the one left unwiped',
      filename: 'profile.ts',
      code: `import { createCipheriv, createHmac, randomBytes, scrypt } from 'node:crypto';
function scryptAsync(secret: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}
export async function seal(phrase: string, data: Buffer): Promise<Buffer[]> {
  const [encKey, macKey] = await Promise.all([scryptAsync(phrase, randomBytes(16)), scryptAsync(phrase, randomBytes(16))]);
  try {
    const iv = randomBytes(16);
    const body = createCipheriv('aes-256-ctr', encKey, iv).update(data);
    return [iv, body, createHmac('sha256', macKey).update(body).digest()];
  } finally {
    encKey.fill(0);
  }
}
`,
      errors: [{ messageId: 'notWiped' as const, line: 8, column: 18, suggestions: [{ messageId: 'wrapInTryFinally' as const, output: `import { createCipheriv, createHmac, randomBytes, scrypt } from 'node:crypto';
function scryptAsync(secret: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}
export async function seal(phrase: string, data: Buffer): Promise<Buffer[]> {
  const [encKey, macKey] = await Promise.all([scryptAsync(phrase, randomBytes(16)), scryptAsync(phrase, randomBytes(16))]);
  try {
    const iv = randomBytes(16);
    const body = createCipheriv('aes-256-ctr', encKey, iv).update(data);
    return [iv, body, createHmac('sha256', macKey).update(body).digest()];
  } finally {
    encKey.fill(0);
    macKey.fill(0);
  }
}
` }] }],
    },
    {
      name: 'an SDK v2 response read for its key through one alias: reported on the alias, which holds the key bytes',
      filename: 'seal.js',
      code: `const AWS = require('aws-sdk');
const crypto = require('crypto');
const kms = new AWS.KMS();
function seal(body, callback) {
  kms.generateDataKey({ KeyId: process.env.KEY_ID, KeySpec: 'AES_256' }, (err, data) => {
    if (err) return callback(err);
    const dataKey = data.Plaintext;
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', dataKey, iv);
    callback(null, { wrapped: data.CiphertextBlob, iv, body: Buffer.concat([cipher.update(body), cipher.final()]) });
  });
}
module.exports = { seal };
`,
      errors: [{ messageId: 'notWiped' as const, line: 7, column: 11, suggestions: [{ messageId: 'wrapInTryFinally' as const, output: `const AWS = require('aws-sdk');
const crypto = require('crypto');
const kms = new AWS.KMS();
function seal(body, callback) {
  kms.generateDataKey({ KeyId: process.env.KEY_ID, KeySpec: 'AES_256' }, (err, data) => {
    if (err) return callback(err);
    const dataKey = data.Plaintext;
    try {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', dataKey, iv);
      callback(null, { wrapped: data.CiphertextBlob, iv, body: Buffer.concat([cipher.update(body), cipher.final()]) });
    } finally {
      dataKey?.fill(0);
    }
  });
}
module.exports = { seal };
` }] }],
    },
    {
      name: 'a wipe deferred with setImmediate after the uses does not run when a use throws first',
      filename: 'attachment.js',
      code: setImmediateWipe,
      errors: [
        {
          messageId: 'wipedOnHappyPathOnly' as const,
          line: 3,
          column: 9,
          suggestions: [
            {
              messageId: 'wrapInTryFinally' as const,
              output: `const crypto = require('crypto');
function open(blob, password) {
  const key = crypto.scryptSync(password, blob.subarray(0, 16), 32);
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, blob.subarray(16, 28));
    const plain = Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]);
    setImmediate(() => key.fill(0));
    return plain;
  } finally {
    key.fill(0);
  }
}
module.exports = { open };
`,
            },
          ],
        },
      ],
    },
    {
      name: 'new Uint8Array(plaintext) is a copy: wiping the KMS plaintext leaves the copy',
      filename: 'open.ts',
      code: typedArrayCopy,
      errors: [
        {
          messageId: 'notWiped' as const,
          line: 6,
          column: 9,
          suggestions: [
            {
              messageId: 'wrapInTryFinally' as const,
              output: `import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export async function open(wrapped: Uint8Array, iv: Uint8Array, body: Uint8Array): Promise<ArrayBuffer> {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped }));
  if (!Plaintext) throw new Error('no plaintext');
  const keyCopy = new Uint8Array(Plaintext);
  try {
    Plaintext.fill(0);
    const key = await crypto.subtle.importKey('raw', keyCopy, 'AES-GCM', false, ['decrypt']);
    return crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, body);
  } finally {
    keyCopy?.fill(0);
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'new TextEncoder().encode(secret) inside a function holds the secret bytes',
      filename: 'session.ts',
      code: encodedSecret,
      errors: [
        {
          messageId: 'notWiped' as const,
          line: 3,
          column: 9,
          suggestions: [
            {
              messageId: 'wrapInTryFinally' as const,
              output: `import { jwtVerify } from 'jose';
export async function readSession(token: string) {
  const secret = new TextEncoder().encode(process.env.SESSION_SECRET);
  try {
    const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'] });
    return payload;
  } finally {
    secret.fill(0);
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'strict: byte-to-text encoders (btoa of String.fromCharCode, Array.from with a mapper, tweetnacl-util)',
      filename: 'export.ts',
      code: `import nacl from 'tweetnacl';
import { encodeBase64 } from 'tweetnacl-util';
export async function show(key: CryptoKey): Promise<string[]> {
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', key));
  try {
    return [btoa(String.fromCharCode(...raw)), Array.from(raw, (b) => b.toString(16)).join('')];
  } finally {
    raw.fill(0);
  }
}
export function identity(): nacl.BoxKeyPair {
  const pair = nacl.box.keyPair();
  localStorage.setItem('id', encodeBase64(pair.secretKey));
  return pair;
}`,
      options: [{ checkStringConversion: true }] as never,
      errors: [
        { messageId: 'keyToString' as const, line: 6, column: 18 },
        { messageId: 'keyToString' as const, line: 6, column: 48 },
        { messageId: 'keyToString' as const, line: 13, column: 30 },
      ],
    },
  ],
});

// libsodium handed out by a local getter once it is ready: each `await sodium()` is the module.
createRuleTester().run('require-key-zeroization: module getters', rule as never, {
  valid: [
    {
      filename: 'notebook.ts',
      code: `import _sodium from 'libsodium-wrappers-sumo';

async function sodium() {
  await _sodium.ready;
  return _sodium;
}

export async function lock(text: string, passphrase: string) {
  const s = await sodium();
  const salt = s.randombytes_buf(s.crypto_pwhash_SALTBYTES);
  const key = s.crypto_pwhash(s.crypto_secretbox_KEYBYTES, passphrase, salt, s.crypto_pwhash_OPSLIMIT_MODERATE, s.crypto_pwhash_MEMLIMIT_MODERATE, s.crypto_pwhash_ALG_ARGON2ID13);
  try {
    const nonce = s.randombytes_buf(s.crypto_secretbox_NONCEBYTES);
    return { salt, nonce, box: s.crypto_secretbox_easy(s.from_string(text), nonce, key) };
  } finally {
    s.memzero(key);
  }
}`,
    },
    {
      // a getter of something else: not the module
      filename: 'settings.ts',
      code: `import { settings as defaults } from './defaults';
function settings() {
  return defaults;
}
export const key = settings().crypto_pwhash(32, 'x', new Uint8Array(16), 2, 67108864, 2);`,
    },
  ],
  invalid: [
    {
      // libsodium handed out by a local getter once ready: \`s\` is the module.
      filename: 'notebook.ts',
      code: `import _sodium from 'libsodium-wrappers-sumo';

async function sodium() {
  await _sodium.ready;
  return _sodium;
}

export async function unlock(box: Uint8Array, nonce: Uint8Array, salt: Uint8Array, passphrase: string) {
  const s = await sodium();
  const key = s.crypto_pwhash(s.crypto_secretbox_KEYBYTES, passphrase, salt, s.crypto_pwhash_OPSLIMIT_MODERATE, s.crypto_pwhash_MEMLIMIT_MODERATE, s.crypto_pwhash_ALG_ARGON2ID13);
  const plain = s.crypto_secretbox_open_easy(box, nonce, key);
  s.memzero(key);
  return plain;
}`,
      errors: [{ messageId: 'wipedOnHappyPathOnly' as const, line: 10, column: 9, suggestions: [{ messageId: 'wrapInTryFinally' as const, output: `import _sodium from 'libsodium-wrappers-sumo';

async function sodium() {
  await _sodium.ready;
  return _sodium;
}

export async function unlock(box: Uint8Array, nonce: Uint8Array, salt: Uint8Array, passphrase: string) {
  const s = await sodium();
  const key = s.crypto_pwhash(s.crypto_secretbox_KEYBYTES, passphrase, salt, s.crypto_pwhash_OPSLIMIT_MODERATE, s.crypto_pwhash_MEMLIMIT_MODERATE, s.crypto_pwhash_ALG_ARGON2ID13);
  try {
    const plain = s.crypto_secretbox_open_easy(box, nonce, key);
    return plain;
  } finally {
    key.fill(0);
  }
}` }] }],
    },
  ],
});
