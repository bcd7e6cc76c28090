import rule from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// Third lifecycle blind set (corpus zeroization/blind-s5): promisified KDFs behind a type
// assertion, Diffie-Hellman shared secrets, worker messages (cloned vs transferred),
// completion callbacks of stream.pipeline, views and copies taken before the try.
const promisifiedWithCast = `import { createDecipheriv, scrypt } from 'node:crypto';
import { promisify } from 'node:util';
const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;
export async function open(passphrase: string, salt: Buffer, iv: Buffer, body: Buffer): Promise<Buffer> {
  const fileKey = await scryptAsync(passphrase, salt, 32);
  const decipher = createDecipheriv('aes-256-gcm', fileKey, iv);
  const plain = Buffer.concat([decipher.update(body), decipher.final()]);
  fileKey.fill(0);
  return plain;
}
`;
const sharedSecret = `import { diffieHellman, hkdfSync, type KeyObject } from 'node:crypto';
export function sessionKey(privateKey: KeyObject, publicKey: KeyObject): Buffer {
  const shared = diffieHellman({ privateKey, publicKey });
  return Buffer.from(hkdfSync('sha256', shared, Buffer.alloc(0), 'session', 32));
}
`;
const clonedToWorker = `const crypto = require('crypto');
function start(worker, rows) {
  const batchKey = crypto.randomBytes(32);
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.postMessage({ key: batchKey, rows });
  });
}
module.exports = { start };
`;
const sliceCopy = `export async function unlock(password: string, salt: Uint8Array): Promise<CryptoKey[]> {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 600000 }, base, 512));
  const aesBytes = bits.slice(0, 32);
  try {
    const aes = await crypto.subtle.importKey('raw', aesBytes, 'AES-GCM', false, ['encrypt']);
    const mac = await crypto.subtle.importKey('raw', bits.subarray(32), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    return [aes, mac];
  } finally {
    bits.fill(0);
  }
}
`;
const pipelineWipeAfterEarlyReturn = `const crypto = require('crypto');
const fs = require('fs');
const { pipeline } = require('stream');
function encryptFile(src, dest, callback) {
  const fileKey = crypto.randomBytes(32);
  const cipher = crypto.createCipheriv('aes-256-gcm', fileKey, crypto.randomBytes(12));
  pipeline(fs.createReadStream(src), cipher, fs.createWriteStream(dest), (err) => {
    if (err) return callback(err);
    fileKey.fill(0);
    callback(null, cipher.getAuthTag());
  });
}
module.exports = { encryptFile };
`;

createRuleTester().run('require-key-zeroization (blind-s5)', rule as never, {
  valid: [
    {
      name: 'a wipe that opens the pipeline completion callback runs on success and on every stream error',
      filename: 'partner-export.js',
      code: `const crypto = require('crypto');
const fs = require('fs');
const { pipeline } = require('stream');
function encryptForPartner(src, dest, callback) {
  const fileKey = crypto.randomBytes(32);
  let cipher;
  try {
    cipher = crypto.createCipheriv('aes-256-gcm', fileKey, crypto.randomBytes(12));
  } catch (err) {
    fileKey.fill(0);
    return callback(err);
  }
  pipeline(fs.createReadStream(src), cipher, fs.createWriteStream(dest), (err) => {
    fileKey.fill(0);
    callback(err || null);
  });
}
module.exports = { encryptForPartner };`,
    },
    {
      name: 'subarray views taken before the try are covered by the wipe of the whole buffer',
      code: `import { createCipheriv, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
export function protect(data: Buffer, password: string, salt: Buffer): Buffer[] {
  const material = pbkdf2Sync(password, salt, 600000, 64, 'sha256');
  const encKey = material.subarray(0, 32);
  const macKey = material.subarray(32);
  try {
    const iv = randomBytes(16);
    const cipher = createCipheriv('aes-256-ctr', encKey, iv);
    const body = Buffer.concat([cipher.update(data), cipher.final()]);
    return [iv, body, createHmac('sha256', macKey).update(body).digest()];
  } finally {
    material.fill(0);
  }
}`,
    },
    {
      name: 'a key in the transfer list of postMessage leaves the thread (detached here)',
      code: `import { Worker } from 'node:worker_threads';
import { webcrypto } from 'node:crypto';
export function start(worker: Worker, wrap: (k: Uint8Array) => Uint8Array): Uint8Array {
  const chunkKey = webcrypto.getRandomValues(new Uint8Array(32));
  const wrapped = wrap(chunkKey);
  worker.postMessage({ type: 'init', key: chunkKey }, [chunkKey.buffer]);
  return wrapped;
}`,
    },
    {
      name: 'an ECDH shared secret wiped right after the KDF that reads it',
      code: `import { createECDH, hkdfSync } from 'node:crypto';
export function deriveFor(peer: Buffer): { pub: Buffer; key: Buffer } {
  const ecdh = createECDH('prime256v1');
  const pub = ecdh.generateKeys();
  const shared = ecdh.computeSecret(peer);
  const key = Buffer.from(hkdfSync('sha256', shared, pub, 'ecies', 32));
  shared.fill(0);
  return { pub, key };
}`,
    },
    {
      name: 'Buffer#slice is a view (not a copy): the wipe of the whole Buffer covers it',
      code: `import { createCipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
export function seal(data: Buffer, password: string, salt: Buffer): Buffer {
  const material = pbkdf2Sync(password, salt, 600000, 64, 'sha256');
  const encKey = material.slice(0, 32);
  try {
    const cipher = createCipheriv('aes-256-gcm', encKey, randomBytes(12));
    return Buffer.concat([cipher.update(data), cipher.final()]);
  } finally {
    material.fill(0);
  }
}`,
    },
    {
      name: 'a Uint8Array slice copy wiped in the finally',
      code: `export async function aesFrom(bits: ArrayBuffer): Promise<CryptoKey> {
  const all = new Uint8Array(bits);
  const aesBytes = all.slice(0, 32);
  try {
    return await crypto.subtle.importKey('raw', aesBytes, 'AES-GCM', false, ['encrypt']);
  } finally {
    aesBytes.fill(0);
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'a Uint8Array slice is a copy that the wipe of the original does not reach',
      code: sliceCopy,
      errors: [{
        messageId: 'notWiped',
        line: 4,
        column: 9,
        suggestions: [{ messageId: 'wrapInTryFinally', output: sliceCopy.replace(`    bits.fill(0);
`, `    bits.fill(0);
    aesBytes.fill(0);
`) }],
      }],
    },
    {
      name: 'promisify(scrypt) behind a type assertion is still the KDF',
      code: promisifiedWithCast,
      errors: [{
        messageId: 'wipedOnHappyPathOnly',
        line: 5,
        column: 9,
        suggestions: [{ messageId: 'wrapInTryFinally', output: promisifiedWithCast.replace(`  const decipher = createDecipheriv('aes-256-gcm', fileKey, iv);
  const plain = Buffer.concat([decipher.update(body), decipher.final()]);
  fileKey.fill(0);
  return plain;
`, `  try {
    const decipher = createDecipheriv('aes-256-gcm', fileKey, iv);
    const plain = Buffer.concat([decipher.update(body), decipher.final()]);
    return plain;
  } finally {
    fileKey.fill(0);
  }
`) }],
      }],
    },
    {
      name: 'a diffieHellman() shared secret fed to HKDF is key bytes',
      code: sharedSecret,
      errors: [{
        messageId: 'notWiped',
        line: 3,
        column: 9,
        suggestions: [{ messageId: 'wrapInTryFinally', output: sharedSecret.replace(`  return Buffer.from(hkdfSync('sha256', shared, Buffer.alloc(0), 'session', 32));
`, `  try {
    return Buffer.from(hkdfSync('sha256', shared, Buffer.alloc(0), 'session', 32));
  } finally {
    shared.fill(0);
  }
`) }],
      }],
    },
    {
      name: 'postMessage without a transfer list clones the key: this thread keeps its copy (inside a Promise executor too)',
      filename: 'batch.js',
      code: clonedToWorker,
      errors: [{
        messageId: 'notWiped',
        line: 3,
        column: 9,
        suggestions: [{ messageId: 'wrapInTryFinally', output: clonedToWorker.replace(`  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.postMessage({ key: batchKey, rows });
  });
`, `  try {
    return new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.postMessage({ key: batchKey, rows });
    });
  } finally {
    batchKey.fill(0);
  }
`) }],
      }],
    },
    {
      name: 'a wipe after an early return in the pipeline callback does not run on errors',
      filename: 'encrypt-file.js',
      code: pipelineWipeAfterEarlyReturn,
      errors: [{
        messageId: 'wipedOnHappyPathOnly',
        line: 5,
        column: 9,
        suggestions: [{ messageId: 'wrapInTryFinally', output: pipelineWipeAfterEarlyReturn.replace(`  const cipher = crypto.createCipheriv('aes-256-gcm', fileKey, crypto.randomBytes(12));
  pipeline(fs.createReadStream(src), cipher, fs.createWriteStream(dest), (err) => {
    if (err) return callback(err);
    fileKey.fill(0);
    callback(null, cipher.getAuthTag());
  });
`, `  try {
    const cipher = crypto.createCipheriv('aes-256-gcm', fileKey, crypto.randomBytes(12));
    pipeline(fs.createReadStream(src), cipher, fs.createWriteStream(dest), (err) => {
      if (err) return callback(err);
      fileKey.fill(0);
      callback(null, cipher.getAuthTag());
    });
  } finally {
    fileKey.fill(0);
  }
`) }],
      }],
    },
  ],
});
