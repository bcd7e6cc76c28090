import rule from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// Fourth lifecycle blind set (corpus zeroization/blind-s6): wipe helpers imported from a utils
// module, wipes through a list or an object of keys, views of an ArrayBuffer, try/finally in a
// completion callback, Buffer.concat/structuredClone copies, KDF outputs handed to helpers, and
// keys dropped by an early throw before they are handed over.
const concatCopy = `import { createHmac, randomBytes } from 'node:crypto';
export function sign(body: Buffer, share: (k: Buffer) => void): string {
  const key = randomBytes(32);
  const copy = Buffer.concat([key]);
  try {
    share(key);
    return createHmac('sha256', copy).update(body).digest('hex');
  } finally {
    key.fill(0);
  }
}
`;
const cloneCopy = `import { createHmac, randomBytes } from 'node:crypto';
export function sign(body: Buffer): string {
  const key = randomBytes(32);
  const clone = structuredClone(key);
  try {
    return createHmac('sha256', clone).update(body).digest('hex');
  } finally {
    key.fill(0);
  }
}
`;
const objectHalfWiped = `import { createCipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
function frame(keys: { enc: Buffer; mac: Buffer }, payload: Buffer): Buffer {
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-ctr', keys.enc, iv);
  const body = Buffer.concat([iv, cipher.update(payload), cipher.final()]);
  return Buffer.concat([body, createHmac('sha256', keys.mac).update(body).digest()]);
}
export function frameUpload(secret: Buffer, id: string, payload: Buffer): Buffer {
  const enc = Buffer.from(hkdfSync('sha256', secret, id, 'enc', 32));
  const mac = Buffer.from(hkdfSync('sha256', secret, id, 'mac', 32));
  const keys = { enc, mac };
  try {
    return frame(keys, payload);
  } finally {
    keys.enc.fill(0);
  }
}
`;
const kdfToLocalHelper = `import { createCipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
function seal(k: Buffer, d: Buffer): Buffer {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', k, iv);
  return Buffer.concat([iv, c.update(d), c.final(), c.getAuthTag()]);
}
export function protect(pw: string, salt: Buffer, data: Buffer): Buffer {
  const derived = pbkdf2Sync(pw, salt, 600000, 32, 'sha256');
  return seal(derived, data);
}
`;
const namedKdfToImportedHelper = `import { scryptSync } from 'node:crypto';
import { openVault } from './vault-format';
export function unlock(password: string, salt: Buffer, blob: Buffer): string {
  const vaultKey = scryptSync(password, salt, 32, { N: 2 ** 17, r: 8, maxmem: 256 * 1024 * 1024 });
  return openVault(vaultKey, blob);
}
`;

createRuleTester().run('require-key-zeroization (blind-s6)', rule as never, {
  valid: [
    {
      name: 'a wipe helper imported from a utils module, named secureWipe',
      code: `import { createCipheriv, randomBytes } from 'node:crypto';
import { secureWipe } from './lib/secure-memory';
export function seal(data: Buffer): Buffer {
  const archiveKey = randomBytes(32);
  try {
    const cipher = createCipheriv('aes-256-gcm', archiveKey, randomBytes(12));
    return Buffer.concat([cipher.update(data), cipher.final()]);
  } finally {
    secureWipe(archiveKey);
  }
}`,
    },
    {
      name: 'a wipe helper of our own taking several buffers',
      code: `import { createCipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { zeroize } from './lib/secure-memory';
export function seal(root: Buffer, data: Buffer): Buffer[] {
  const encKey = Buffer.from(hkdfSync('sha256', root, '', 'enc', 32));
  const macKey = Buffer.from(hkdfSync('sha256', root, '', 'mac', 32));
  try {
    const cipher = createCipheriv('aes-256-gcm', encKey, randomBytes(12));
    const body = Buffer.concat([cipher.update(data), cipher.final()]);
    return [body, createHmac('sha256', macKey).update(body).digest()];
  } finally {
    zeroize(encKey, macKey);
  }
}`,
    },
    {
      name: 'a for-of loop over a constant list of the keys wipes each of them',
      code: `import { createCipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
export function seal(root: Buffer, data: Buffer): Buffer[] {
  const encKey = Buffer.from(hkdfSync('sha256', root, '', 'enc', 32));
  const macKey = Buffer.from(hkdfSync('sha256', root, '', 'mac', 32));
  const keys = [encKey, macKey];
  try {
    const cipher = createCipheriv('aes-256-gcm', encKey, randomBytes(12));
    const body = Buffer.concat([cipher.update(data), cipher.final()]);
    return [body, createHmac('sha256', macKey).update(body).digest()];
  } finally {
    for (const k of keys) k.fill(0);
  }
}`,
    },
    {
      name: 'forEach over an array literal of the keys wipes each of them',
      code: `import { createCipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
export function seal(root: Buffer, data: Buffer): Buffer[] {
  const encKey = Buffer.from(hkdfSync('sha256', root, '', 'enc', 32));
  const macKey = Buffer.from(hkdfSync('sha256', root, '', 'mac', 32));
  try {
    const cipher = createCipheriv('aes-256-gcm', encKey, randomBytes(12));
    const body = Buffer.concat([cipher.update(data), cipher.final()]);
    return [body, createHmac('sha256', macKey).update(body).digest()];
  } finally {
    [encKey, macKey].forEach((k) => {
      k.fill(0);
    });
  }
}`,
    },
    {
      name: 'keys held in a local object and wiped through its properties',
      code: objectHalfWiped.replace('    keys.enc.fill(0);\n', '    keys.enc.fill(0);\n    keys.mac.fill(0);\n'),
    },
    {
      name: 'a view of the ArrayBuffer an hkdf callback receives, wiped in the finally, wipes the key',
      filename: 'tickets.js',
      code: `const crypto = require('crypto');
function issue(secret, id, cb) {
  crypto.hkdf('sha256', secret, id, 'ticket', 32, (err, derivedKey) => {
    if (err) return cb(err);
    const keyBytes = new Uint8Array(derivedKey);
    try {
      const cipher = crypto.createCipheriv('aes-256-gcm', keyBytes, crypto.randomBytes(12));
      cb(null, Buffer.concat([cipher.update(id), cipher.final()]));
    } finally {
      keyBytes.fill(0);
    }
  });
}
module.exports = { issue };`,
    },
    {
      name: 'a pipeline completion callback whose body is a try with the wipe in its finally',
      filename: 'upload.js',
      code: `const crypto = require('crypto');
const fs = require('fs');
const { pipeline } = require('stream');
function store(req, dest, wrap, callback) {
  const uploadKey = crypto.randomBytes(32);
  let cipher;
  try {
    cipher = crypto.createCipheriv('aes-256-gcm', uploadKey, crypto.randomBytes(12));
  } catch (err) {
    uploadKey.fill(0);
    return callback(err);
  }
  pipeline(req, cipher, fs.createWriteStream(dest), (err) => {
    try {
      if (err) return callback(err);
      callback(null, wrap(uploadKey));
    } finally {
      uploadKey.fill(0);
    }
  });
}
module.exports = { store };`,
    },
    {
      name: 'a Buffer.concat copy before the try is not a use that can throw; the copy is wiped too',
      code: concatCopy.replace('    key.fill(0);\n', '    key.fill(0);\n    copy.fill(0);\n'),
    },
    {
      name: 'structuredClone without a transfer list copies: the original is still wiped here, not handed over',
      code: cloneCopy.replace('    key.fill(0);\n', '    key.fill(0);\n    clone.fill(0);\n'),
    },
    {
      name: 'a promisified scrypt callback: the error branch of the conditional has no key to hand over',
      code: `import { scrypt, timingSafeEqual } from 'node:crypto';
function scryptAsync(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password, salt, 64, (err, key) => (err ? reject(err) : resolve(key))));
}
export async function verify(password: string, salt: Buffer, hash: Buffer): Promise<boolean> {
  return timingSafeEqual(await scryptAsync(password, salt), hash);
}`,
    },
    {
      name: 'a KDF output named like a key but compared is a password hash',
      code: `import { scryptSync, timingSafeEqual } from 'node:crypto';
export function verify(password: string, salt: Buffer, stored: Buffer): boolean {
  const derivedKey = scryptSync(password, salt, 64, { N: 2 ** 17, r: 8, maxmem: 256 * 1024 * 1024 });
  return derivedKey.length === stored.length && timingSafeEqual(derivedKey, stored);
}`,
    },
    {
      name: 'a KDF output named like a key but encoded for storage is a password hash',
      code: `import { randomBytes, scryptSync } from 'node:crypto';
export function hash(password: string): string {
  const salt = randomBytes(16);
  const derivedKey = scryptSync(password, salt, 64, { N: 2 ** 17, r: 8, maxmem: 256 * 1024 * 1024 });
  return salt.toString('hex') + ':' + derivedKey.toString('hex');
}`,
    },
    {
      name: 'a derived key transferred to a worker on the only path out',
      code: `import { scryptSync } from 'node:crypto';
import { Worker } from 'node:worker_threads';
export function start(passphrase: string, salt: Buffer, file: string): Worker {
  const syncKey = scryptSync(passphrase, salt, 32, { N: 2 ** 17, r: 8, maxmem: 256 * 1024 * 1024 });
  const worker = new Worker(file);
  worker.postMessage({ key: syncKey }, [syncKey.buffer]);
  return worker;
}`,
    },
  ],
  invalid: [
    {
      name: 'a Buffer.concat copy used as a key is key bytes of its own',
      code: concatCopy,
      errors: [{
        messageId: 'notWiped',
        line: 4,
        column: 9,
        suggestions: [{ messageId: 'wrapInTryFinally', output: concatCopy.replace('    key.fill(0);\n', '    key.fill(0);\n    copy.fill(0);\n') }],
      }],
    },
    {
      name: 'a structuredClone copy used as a key is key bytes of its own',
      code: cloneCopy,
      errors: [{
        messageId: 'notWiped',
        line: 4,
        column: 9,
        suggestions: [{ messageId: 'wrapInTryFinally', output: cloneCopy.replace('    key.fill(0);\n', '    key.fill(0);\n    clone.fill(0);\n') }],
      }],
    },
    {
      name: 'wiping one property of a local object of keys does not wipe the other',
      code: objectHalfWiped,
      errors: [{
        messageId: 'notWiped',
        line: 10,
        column: 9,
        // The object that holds the key is a use of it before the existing try: the new try starts there.
        suggestions: [{ messageId: 'wrapInTryFinally', output: objectHalfWiped.replace(`  const keys = { enc, mac };
  try {
    return frame(keys, payload);
  } finally {
    keys.enc.fill(0);
  }
`, `  try {
    const keys = { enc, mac };
    try {
      return frame(keys, payload);
    } finally {
      keys.enc.fill(0);
    }
  } finally {
    mac.fill(0);
  }
`) }],
      }],
    },
    {
      name: 'a KDF output handed to a local helper that uses it as a key',
      code: kdfToLocalHelper,
      errors: [{
        messageId: 'notWiped',
        line: 8,
        column: 9,
        suggestions: [{ messageId: 'wrapInTryFinally', output: kdfToLocalHelper.replace('  return seal(derived, data);\n', '  try {\n    return seal(derived, data);\n  } finally {\n    derived.fill(0);\n  }\n') }],
      }],
    },
    {
      name: 'a KDF output named like a key handed to an imported helper',
      code: namedKdfToImportedHelper,
      errors: [{
        messageId: 'notWiped',
        line: 4,
        column: 9,
        suggestions: [{ messageId: 'wrapInTryFinally', output: namedKdfToImportedHelper.replace('  return openVault(vaultKey, blob);\n', '  try {\n    return openVault(vaultKey, blob);\n  } finally {\n    vaultKey.fill(0);\n  }\n') }],
      }],
    },
    {
      name: 'an explicit throw before the transfer to the worker drops the key unwiped',
      code: `import { scryptSync } from 'node:crypto';
import { Worker } from 'node:worker_threads';
export function start(passphrase: string, salt: Buffer, file: string): Worker {
  const syncKey = scryptSync(passphrase, salt, 32, { N: 2 ** 17, r: 8, maxmem: 256 * 1024 * 1024 });
  if (syncKey.every((b) => b === 0)) throw new Error('derived an all-zero key');
  const worker = new Worker(file);
  worker.postMessage({ key: syncKey }, [syncKey.buffer]);
  return worker;
}`,
      errors: [{ messageId: 'droppedBeforeHandOver', line: 4, column: 9 }],
    },
    {
      name: 'a for-of loop over a list that holds only one of the keys',
      code: `import { createCipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
export function seal(root: Buffer, data: Buffer): Buffer[] {
  const encKey = Buffer.from(hkdfSync('sha256', root, '', 'enc', 32));
  const macKey = Buffer.from(hkdfSync('sha256', root, '', 'mac', 32));
  const keys = [encKey];
  try {
    const cipher = createCipheriv('aes-256-gcm', encKey, randomBytes(12));
    const body = Buffer.concat([cipher.update(data), cipher.final()]);
    return [body, createHmac('sha256', macKey).update(body).digest()];
  } finally {
    for (const k of keys) k.fill(0);
  }
}`,
      errors: [{ messageId: 'notWiped', line: 4, column: 9, suggestions: 1 as never }],
    },
  ],
});
