import rule from '../../rules/no-static-iv';
import { createRuleTester } from './rule-tester';

const ruleTester = createRuleTester();

ruleTester.run('no-static-iv', rule, {
  valid: [
    // OpenSSL's EVP_BytesToKey (n8n's legacy cipher): key and IV derived from the key and a salt drawn
    // for each message, or read from the message when decrypting: the IV differs per message.
    `import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
function keyAndIv(secret: string, salt: Buffer): [Buffer, Buffer] {
  const password = Buffer.concat([Buffer.from(secret, 'binary'), salt]);
  const h1 = createHash('md5').update(password).digest();
  const h2 = createHash('md5').update(Buffer.concat([h1, password])).digest();
  const iv = createHash('md5').update(Buffer.concat([h2, password])).digest();
  return [Buffer.concat([h1, h2]), iv];
}
export function encrypt(data: string, secret: string): string {
  const salt = randomBytes(8);
  const [key, iv] = keyAndIv(secret, salt);
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([Buffer.from('Salted__'), salt, cipher.update(data), cipher.final()]).toString('base64');
}
export function decrypt(data: string, secret: string): string {
  const input = Buffer.from(data, 'base64');
  const salt = input.subarray(8, 16);
  const [key, iv] = keyAndIv(secret, salt);
  const decipher = createDecipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([decipher.update(input.subarray(16)), decipher.final()]).toString('utf8');
}`,
    // HKDF output split into key and IV, salted per message; the master may fall back to '' (unset).
    `import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';
const MASTER = Buffer.from(process.env.MASTER_KEY ?? '', 'hex');
function keyAndIv(salt: Buffer): [Buffer, Buffer] {
  const okm = Buffer.from(hkdfSync('sha256', MASTER, salt, 'record-v1', 44));
  return [okm.subarray(0, 32), okm.subarray(32)];
}
export function seal(text: string): string {
  const salt = randomBytes(32);
  const [key, iv] = keyAndIv(salt);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([salt, cipher.getAuthTag(), body]).toString('base64');
}`,
    // The file key unwrapped from the stored header, the IV read from the same header: the key is
    // not made of the header's bytes (they are its ciphertext), so the IV is no copy of the key.
    `import { createDecipheriv } from 'node:crypto';
export async function openFile(wrapper: { unwrap(b: Buffer): Promise<Buffer> }, header: Buffer, body: Buffer) {
  const fileKey = await wrapper.unwrap(header.subarray(28));
  const decipher = createDecipheriv('aes-256-gcm', fileKey, header.subarray(0, 12));
  decipher.setAuthTag(header.subarray(12, 28));
  return Buffer.concat([decipher.update(body), decipher.final()]);
}`,
    // The IV read from the container, beside the salt a local helper derives the key with: not key-derived.
    `async function keyFromPassphrase(passphrase: string, salt: Uint8Array) {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 600000 }, base, { name: 'AES-GCM', length: 256 }, false, ['decrypt']);
}
export async function open(bytes: Uint8Array, passphrase: string) {
  const key = await keyFromPassphrase(passphrase, bytes.slice(0, 16));
  return crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.slice(16, 28) }, key, bytes.slice(28));
}`,
    // A fresh random IV per message, stored with the ciphertext.
    `import crypto from 'node:crypto';
     export function encrypt(key, text) {
       const iv = crypto.randomBytes(12);
       const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
       return Buffer.concat([iv, cipher.update(text), cipher.final(), cipher.getAuthTag()]);
     }`,
    // Decryption reads the IV from the message.
    `const { createDecipheriv } = require('crypto');
     function decrypt(key, payload) {
       const iv = Buffer.from(payload.iv, 'hex');
       return createDecipheriv('aes-256-gcm', key, iv);
     }
     function decrypt2(key, data) { const iv = data.subarray(0, 12); return createDecipheriv('aes-256-gcm', key, iv); }`,
    // Salt and IV both read from the message: the key comes from the password, the IV is not derived from it.
    `import { createDecipheriv, pbkdf2Sync } from 'node:crypto';
     export function open(sealed, password) {
       const key = pbkdf2Sync(password, sealed.subarray(0, 16), 600000, 32, 'sha256');
       return createDecipheriv('aes-256-gcm', key, sealed.subarray(16, 28));
     }`,
    // A counter nonce written into an allocated buffer is not the zeros it started as.
    `import { createCipheriv } from 'node:crypto';
     export function seal(key, record, counter) {
       const nonce = Buffer.alloc(12);
       nonce.writeBigUInt64BE(counter, 4);
       return createCipheriv('aes-256-gcm', key, nonce).update(record);
     }`,
    `import crypto from 'crypto';
     export function enc(key, data) {
       const iv = new Uint8Array(16);
       crypto.randomFillSync(iv);
       return crypto.createCipheriv('aes-256-cbc', key, iv).update(data);
     }`,
    // ECB has no IV (no-weak-algorithm reports the mode).
    `import crypto from 'crypto'; crypto.createCipheriv('aes-256-ecb', key, null);`,
    // WebCrypto with getRandomValues, crypto-js WordArray.random, forge random bytes, nacl/sodium random nonces.
    `export const seal = (key, data) => {
       const iv = crypto.getRandomValues(new Uint8Array(12));
       return crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data);
     };`,
    `import CryptoJS from 'crypto-js';
     export const enc = (t, key) => { const iv = CryptoJS.lib.WordArray.random(16); return CryptoJS.AES.encrypt(t, key, { iv }); };`,
    `import forge from 'node-forge';
     export function enc(key, data) { const c = forge.cipher.createCipher('AES-GCM', key); c.start({ iv: forge.random.getBytesSync(12) }); }`,
    `import nacl from 'tweetnacl';
     export const seal = (m, key) => { const nonce = nacl.randomBytes(nacl.secretbox.nonceLength); return [nonce, nacl.secretbox(m, nonce, key)]; };`,
    `import sodium from 'libsodium-wrappers';
     export const seal = (m, key) => { const n = sodium.randombytes_buf(sodium.crypto_secretbox_NONCEBYTES); return sodium.crypto_secretbox_easy(m, n, key); };`,
    // A module-level random IV used once, at module level, is not reused.
    `import { createCipheriv, randomBytes } from 'crypto';
     const iv = randomBytes(16);
     export const token = Buffer.concat([iv, createCipheriv('aes-256-cbc', key, iv).update('x')]);`,
    // Look-alike: a variable named iv that never reaches a cipher.
    `const iv = Buffer.alloc(16); const ivHeader = 'x-iv';`,
    {
      code: `import crypto from 'crypto'; const d = crypto.createDecipheriv('aes-256-cbc', key, Buffer.alloc(16));`,
      options: [{ reportDecryption: false }],
    },
  ],
  invalid: [
    // The same derivation with a fixed salt: one IV for every message under the key.
    {
      code: `import { createCipheriv, createHash } from 'node:crypto';
function keyAndIv(secret: string, salt: Buffer): [Buffer, Buffer] {
  const password = Buffer.concat([Buffer.from(secret, 'binary'), salt]);
  const h1 = createHash('sha256').update(password).digest();
  const iv = createHash('md5').update(Buffer.concat([h1, password])).digest();
  return [h1, iv];
}
export function encrypt(data: string, secret: string): Buffer {
  const [key, iv] = keyAndIv(secret, Buffer.from('app-salt'));
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}`,
      errors: [{ messageId: 'keyDerivedIv', line: 9 }],
    },
    // A helper that imports the secret as the key: an IV sliced from that secret is key-derived.
    {
      code: `async function keyFrom(secret: Uint8Array) {
  return crypto.subtle.importKey('raw', secret, 'AES-GCM', false, ['encrypt']);
}
export async function seal(secret: Uint8Array, data: Uint8Array) {
  const key = await keyFrom(secret);
  return crypto.subtle.encrypt({ name: 'AES-GCM', iv: secret.slice(0, 12) }, key, data);
}`,
      errors: [{ messageId: 'keyDerivedIv', line: 6, column: 55 }],
    },
    {
      code: `import crypto from 'node:crypto';
export function encrypt(key, text) {
  const iv = Buffer.alloc(16, 0);
  const cipher = crypto.createCipheriv('aes-256-cbc', key, iv);
  return iv.toString('hex') + ':' + cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}`,
      errors: [
        {
          messageId: 'zeroIv',
          line: 3,
          column: 14,
          suggestions: [
            {
              messageId: 'useRandomIv',
              output: `import crypto from 'node:crypto';
export function encrypt(key, text) {
  const iv = crypto.randomBytes(16);
  const cipher = crypto.createCipheriv('aes-256-cbc', key, iv);
  return iv.toString('hex') + ':' + cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}`,
            },
          ],
        },
      ],
    },
    {
      // Constant IV shared by encrypt and decrypt: one report, on the constant; no suggestion (decryption would break).
      code: `const crypto = require('crypto');
const IV = Buffer.from('a1b2c3d4e5f60718293a4b5c6d7e8f90', 'hex');
function encrypt(key, text) { return crypto.createCipheriv('aes-256-cbc', key, IV).update(text); }
function decrypt(key, data) { return crypto.createDecipheriv('aes-256-cbc', key, IV).update(data); }`,
      errors: [{ messageId: 'constantIv', line: 2, column: 24 }],
    },
    {
      // Destructured, aliased, string IV inline.
      code: `const { createCipheriv: cc } = require('crypto');
const c = cc('aes-128-cbc', key, '1234567890123456');`,
      errors: [{ messageId: 'constantIv', line: 2, column: 34 }],
    },
    {
      code: `import { createCipheriv, randomBytes } from 'node:crypto';
const KEY = Buffer.from(process.env.MESSAGE_KEY, 'hex');
const IV = randomBytes(12);
export function encryptMessage(text) {
  const cipher = createCipheriv('aes-256-gcm', KEY, IV);
  return { iv: IV.toString('base64'), body: cipher.update(text, 'utf8', 'base64') };
}`,
      errors: [{ messageId: 'reusedIv', line: 3, column: 12 }],
    },
    {
      code: `import { createCipheriv, randomBytes } from 'node:crypto';
class Sealer {
  iv = randomBytes(16);
  seal(key, data) { return createCipheriv('aes-256-cbc', key, this.iv).update(data); }
}`,
      errors: [{ messageId: 'reusedIv', line: 3, column: 8 }],
    },
    {
      code: `const { createCipheriv, createDecipheriv } = require('crypto');
function encryptWithKey(key, plaintext) {
  const iv = key.subarray(0, 16);
  return createCipheriv('aes-256-cbc', key, iv).update(plaintext);
}
function decryptWithKey(key, ciphertext) {
  return createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).update(ciphertext);
}`,
      errors: [
        { messageId: 'keyDerivedIv', line: 3, column: 14 },
        { messageId: 'keyDerivedIv', line: 7, column: 47 },
      ],
    },
    {
      code: `import crypto from 'crypto';
export function enc(password, text) {
  const key = crypto.scryptSync(password, 'salt', 32);
  const iv = crypto.createHash('md5').update(password).digest();
  return crypto.createCipheriv('aes-256-cbc', key, iv).update(text);
}`,
      errors: [{ messageId: 'keyDerivedIv', line: 4, column: 14 }],
    },
    {
      code: `const iv = new Uint8Array(12);
export const seal = (key, data) => globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data);`,
      errors: [{ messageId: 'zeroIv', line: 1, column: 12 }],
    },
    {
      // Random, but once per module: every call reuses it.
      code: `const iv = crypto.getRandomValues(new Uint8Array(12));
export const seal = (key, data) => crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data);`,
      errors: [{ messageId: 'reusedIv', line: 1, column: 12 }],
    },
    {
      code: `export const seal = (key, data) => crypto.subtle.encrypt({ name: 'AES-CTR', counter: new Uint8Array(16), length: 64 }, key, data);`,
      errors: [{ messageId: 'zeroIv', line: 1, column: 86 }],
    },
    {
      code: `import CryptoJS from 'crypto-js';
const iv = CryptoJS.enc.Hex.parse('000102030405060708090a0b0c0d0e0f');
export const enc = (t) => CryptoJS.AES.encrypt(t, CryptoJS.enc.Hex.parse(process.env.KEY_HEX), { iv });`,
      errors: [{ messageId: 'constantIv', line: 2, column: 35 }],
    },
    {
      code: `const forge = require('node-forge');
function enc(key, data) {
  const cipher = forge.cipher.createCipher('AES-CBC', key);
  cipher.start({ iv: 'abcdefghijklmnop' });
  cipher.update(forge.util.createBuffer(data));
}`,
      errors: [{ messageId: 'constantIv', line: 4, column: 22 }],
    },
    {
      code: `const nacl = require('tweetnacl');
function sealExport(bytes, key) { return nacl.secretbox(bytes, new Uint8Array(nacl.secretbox.nonceLength), key); }`,
      errors: [{ messageId: 'zeroIv', line: 2, column: 64 }],
    },
    {
      code: `import sodium from 'libsodium-wrappers';
let NONCE;
export async function init() { await sodium.ready; NONCE = new Uint8Array(sodium.crypto_secretbox_NONCEBYTES); }
export function seal(key, value) { return sodium.crypto_secretbox_easy(sodium.from_string(value), NONCE, key); }`,
      errors: [{ messageId: 'zeroIv', line: 3, column: 60 }],
    },
    {
      code: `import sodium from 'libsodium-wrappers';
export const seal = (m, ad, key) => sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(m, ad, null, sodium.from_hex('00112233445566778899aabbccddeeff0011223344556677'), key);`,
      errors: [{ messageId: 'constantIv', line: 2, column: 116 }],
    },
  ],
});

// The pair rewrite: a fresh IV per message, stored in front of the ciphertext and read back by decrypt.
ruleTester.run('no-static-iv: storeRandomIv', rule, {
  valid: [],
  invalid: [
    {
      filename: 'vault.js',
      code: `const crypto = require('crypto');
const IV = Buffer.alloc(16, 7);
function seal(text) {
  const cipher = crypto.createCipheriv('aes-256-cbc', KEY, IV);
  return cipher.update(text, 'utf8', 'base64') + cipher.final('base64');
}
function open(sealed) {
  const decipher = crypto.createDecipheriv('aes-256-cbc', KEY, IV);
  return decipher.update(sealed, 'base64', 'utf8') + decipher.final('utf8');
}`,
      errors: [{ messageId: 'constantIv', line: 2, suggestions: [{ messageId: 'storeRandomIv', data: { bytes: 16 }, output: `const crypto = require('crypto');
function seal(text) {
  const iv = crypto.randomBytes(16);
  const cipher = crypto.createCipheriv('aes-256-cbc', KEY, iv);
  const ciphertext = cipher.update(text, 'utf8', 'base64') + cipher.final('base64');
  return [iv.toString('base64'), ciphertext].join(':');
}
function open(sealed) {
  const parts = sealed.split(':');
  if (parts.length < 2) throw new Error('Malformed ciphertext: expected iv:data');
  const iv = Buffer.from(parts[0], 'base64');
  sealed = parts.slice(1).join(':');
  const decipher = crypto.createDecipheriv('aes-256-cbc', KEY, iv);
  return decipher.update(sealed, 'base64', 'utf8') + decipher.final('utf8');
}` }] }],
    },
    // Buffer output in TypeScript: the IV bytes are prepended.
    {
      code: `import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
export function seal(data: Buffer): Buffer {
  const cipher = createCipheriv('aes-128-ctr', KEY, Buffer.alloc(16));
  return Buffer.concat([cipher.update(data), cipher.final()]);
}
export function open(data: Buffer): Buffer {
  const decipher = createDecipheriv('aes-128-ctr', KEY, Buffer.alloc(16));
  return Buffer.concat([decipher.update(data), decipher.final()]);
}`,
      errors: [{ messageId: 'zeroIv', line: 3, suggestions: [{ messageId: 'storeRandomIv', data: { bytes: 16 }, output: `import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
export function seal(data: Buffer): Buffer {
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-128-ctr', KEY, iv);
  const sealed = Buffer.concat([cipher.update(data), cipher.final()]);
  return Buffer.concat([iv, sealed]);
}
export function open(data: Buffer): Buffer {
  if (data.length < 16) throw new Error('Malformed ciphertext: expected iv:data');
  const iv = data.subarray(0, 16);
  data = data.subarray(16);
  const decipher = createDecipheriv('aes-128-ctr', KEY, iv);
  return Buffer.concat([decipher.update(data), decipher.final()]);
}` }] }, { messageId: 'zeroIv', line: 7, suggestions: [{ messageId: 'storeRandomIv', data: { bytes: 16 }, output: `import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
export function seal(data: Buffer): Buffer {
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-128-ctr', KEY, iv);
  const sealed = Buffer.concat([cipher.update(data), cipher.final()]);
  return Buffer.concat([iv, sealed]);
}
export function open(data: Buffer): Buffer {
  if (data.length < 16) throw new Error('Malformed ciphertext: expected iv:data');
  const iv = data.subarray(0, 16);
  data = data.subarray(16);
  const decipher = createDecipheriv('aes-128-ctr', KEY, iv);
  return Buffer.concat([decipher.update(data), decipher.final()]);
}` }] }],
    },
    // No randomBytes reachable (neither a namespace nor an import): no rewrite rather than a broken one.
    {
      code: `import { createCipheriv, createDecipheriv } from 'node:crypto';
export function seal(data: Buffer): Buffer {
  const cipher = createCipheriv('aes-128-ctr', KEY, Buffer.alloc(16));
  return Buffer.concat([cipher.update(data), cipher.final()]);
}
export function open(data: Buffer): Buffer {
  const decipher = createDecipheriv('aes-128-ctr', KEY, Buffer.alloc(16));
  return Buffer.concat([decipher.update(data), decipher.final()]);
}`,
      errors: [{ messageId: 'zeroIv', line: 3 }, { messageId: 'zeroIv', line: 7 }],
    },
  ],
});
