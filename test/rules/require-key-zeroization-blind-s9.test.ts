import rule from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// Sixth lifecycle blind set (corpus zeroization/blind-s9): keys filled in place by randomFillSync/
// getRandomValues, workerData (cloned) against a transfer list, keys kept in a local Map or array and
// wiped through it (or only cleared), a KDF output used as a key through a `let` it is assigned to, and
// @noble/hashes HKDF output.
const nobleHkdf = `import { hkdf } from '@noble/hashes/hkdf';
import { sha256 } from '@noble/hashes/sha256';
import { createCipheriv, randomBytes } from 'node:crypto';
export function encryptChunk(root: Uint8Array, sessionId: string, chunk: Buffer): Buffer {
  const sessionKey = hkdf(sha256, root, new TextEncoder().encode(sessionId), 'upload/v1', 32);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sessionKey, iv);
  return Buffer.concat([iv, cipher.update(chunk), cipher.final(), cipher.getAuthTag()]);
}
`;
const filledInPlace = `import { createCipheriv, randomFillSync } from 'node:crypto';
export function encrypt(rows: string[], wrap: (k: Buffer) => Buffer) {
  const exportKey = Buffer.alloc(32);
  randomFillSync(exportKey);
  const iv = randomFillSync(Buffer.alloc(12));
  const cipher = createCipheriv('aes-256-gcm', exportKey, iv);
  const body = Buffer.concat([cipher.update(rows.join('\\n'), 'utf8'), cipher.final()]);
  return { wrapped: wrap(exportKey), iv, body, tag: cipher.getAuthTag() };
}
`;
const workerDataCopy = `import { scryptSync } from 'node:crypto';
import { Worker } from 'node:worker_threads';
export function start(passphrase: string, salt: Buffer): Worker {
  const archiveKey = scryptSync(passphrase, salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
  return new Worker('./reencrypt.js', { workerData: { key: archiveKey } });
}
`;
const mapCleared = `import { createHmac, hkdfSync } from 'node:crypto';
export function chainMacs(root: Buffer, rows: { tenantId: string; line: string }[]): Map<string, string> {
  const keys = new Map<string, Buffer>();
  const heads = new Map<string, string>();
  try {
    for (const row of rows) {
      let key = keys.get(row.tenantId);
      if (!key) {
        const derived = Buffer.from(hkdfSync('sha256', root, row.tenantId, 'audit/chain', 32));
        keys.set(row.tenantId, derived);
        key = derived;
      }
      heads.set(row.tenantId, createHmac('sha256', key).update(row.line).digest('hex'));
    }
    return heads;
  } finally {
    keys.clear();
  }
}
`;

createRuleTester().run('require-key-zeroization (blind-s9)', rule as never, {
  valid: [
    {
      name: '@noble/hashes hkdf output wiped in finally',
      code: nobleHkdf.replace(`  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sessionKey, iv);
  return Buffer.concat([iv, cipher.update(chunk), cipher.final(), cipher.getAuthTag()]);
`, `  try {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', sessionKey, iv);
    return Buffer.concat([iv, cipher.update(chunk), cipher.final(), cipher.getAuthTag()]);
  } finally {
    sessionKey.fill(0);
  }
`),
    },
    {
      name: 'getRandomValues fills a fresh allocation that is wiped in finally: the fill is where the key starts',
      code: `import { webcrypto } from 'node:crypto';
export async function encryptDraft(draft: string) {
  const raw = new Uint8Array(32);
  webcrypto.getRandomValues(raw);
  try {
    const key = await webcrypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt']);
    const iv = webcrypto.getRandomValues(new Uint8Array(12));
    return { iv, body: await webcrypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(draft)) };
  } finally {
    raw.fill(0);
  }
}`,
    },
    {
      name: 'randomFillSync as the source and again as the wipe in finally',
      code: `import { createCipheriv, randomFillSync } from 'node:crypto';
export function sealOnce(payload: Buffer, wrap: (k: Buffer) => Buffer) {
  const key = Buffer.alloc(32);
  randomFillSync(key);
  try {
    const iv = randomFillSync(Buffer.alloc(12));
    const c = createCipheriv('aes-256-gcm', key, iv);
    return { wrapped: wrap(key), iv, body: Buffer.concat([c.update(payload), c.final()]), tag: c.getAuthTag() };
  } finally {
    randomFillSync(key);
  }
}`,
    },
    {
      name: 'randomFillSync of a derived key is its wipe, not a new source',
      code: `import { createCipheriv, randomBytes, randomFillSync, scryptSync } from 'node:crypto';
export function seal(pw: string, salt: Buffer, data: Buffer) {
  const key = scryptSync(pw, salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
  try {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', key, iv);
    return Buffer.concat([iv, c.update(data), c.final(), c.getAuthTag()]);
  } finally {
    randomFillSync(key);
  }
}`,
    },
    {
      name: 'a view over the key handed to a Worker in its transferList leaves the thread',
      code: `import { scryptSync } from 'node:crypto';
import { Worker } from 'node:worker_threads';
export function start(passphrase: string, salt: Buffer): Worker {
  const archiveKey = scryptSync(passphrase, salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
  const key = new Uint8Array(archiveKey.buffer, archiveKey.byteOffset, archiveKey.byteLength);
  return new Worker('./reencrypt.js', { workerData: { key }, transferList: [key.buffer] });
}`,
    },
    {
      name: 'keys kept in a local Map and wiped through its values in finally',
      code: mapCleared.replace('    keys.clear();', '    for (const k of keys.values()) k.fill(0);\n    keys.clear();'),
    },
    {
      name: 'keys pushed into a local array and wiped with forEach in finally',
      code: `import { createHmac, pbkdf2Sync } from 'node:crypto';
export function macs(pw: string, salts: Buffer[], body: string): string[] {
  const keys: Buffer[] = [];
  try {
    for (const salt of salts) {
      const k = pbkdf2Sync(pw, salt, 600000, 32, 'sha256');
      keys.push(k);
    }
    return keys.map((k) => createHmac('sha256', k).update(body).digest('hex'));
  } finally {
    keys.forEach((k) => k.fill(0));
  }
}`,
    },
    {
      name: 'a local array of keys that is returned hands the keys over',
      code: `import { pbkdf2Sync } from 'node:crypto';
import { createHmac } from 'node:crypto';
export function deriveAll(pw: string, salts: Buffer[]): Buffer[] {
  const keys: Buffer[] = [];
  for (const salt of salts) {
    const k = pbkdf2Sync(pw, salt, 600000, 32, 'sha256');
    createHmac('sha256', k).update('check');
    keys.push(k);
  }
  return keys;
}`,
    },
  ],
  invalid: [
    {
      name: '@noble/hashes hkdf output used as a cipher key is a derived key',
      code: nobleHkdf,
      errors: [{
        messageId: 'notWiped',
        line: 5,
        column: 9,
        suggestions: [{
          messageId: 'wrapInTryFinally',
          output: nobleHkdf.replace(`  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sessionKey, iv);
  return Buffer.concat([iv, cipher.update(chunk), cipher.final(), cipher.getAuthTag()]);
`, `  try {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', sessionKey, iv);
    return Buffer.concat([iv, cipher.update(chunk), cipher.final(), cipher.getAuthTag()]);
  } finally {
    sessionKey.fill(0);
  }
`),
        }],
      }],
    },
    {
      name: 'a fresh allocation filled by randomFillSync and used as a key is random key bytes',
      code: filledInPlace,
      errors: [{
        messageId: 'notWiped',
        line: 3,
        column: 9,
        suggestions: [{
          messageId: 'wrapInTryFinally',
          output: filledInPlace.replace(`  const iv = randomFillSync(Buffer.alloc(12));
  const cipher = createCipheriv('aes-256-gcm', exportKey, iv);
  const body = Buffer.concat([cipher.update(rows.join('\\n'), 'utf8'), cipher.final()]);
  return { wrapped: wrap(exportKey), iv, body, tag: cipher.getAuthTag() };
`, `  try {
    const iv = randomFillSync(Buffer.alloc(12));
    const cipher = createCipheriv('aes-256-gcm', exportKey, iv);
    const body = Buffer.concat([cipher.update(rows.join('\\n'), 'utf8'), cipher.final()]);
    return { wrapped: wrap(exportKey), iv, body, tag: cipher.getAuthTag() };
  } finally {
    exportKey.fill(0);
  }
`),
        }],
      }],
    },
    {
      name: 'workerData is cloned: the sender still holds the key',
      code: workerDataCopy,
      errors: [{
        messageId: 'notWiped',
        line: 4,
        column: 9,
        suggestions: [{
          messageId: 'wrapInTryFinally',
          output: workerDataCopy.replace(`  return new Worker('./reencrypt.js', { workerData: { key: archiveKey } });
`, `  try {
    return new Worker('./reencrypt.js', { workerData: { key: archiveKey } });
  } finally {
    archiveKey.fill(0);
  }
`),
        }],
      }],
    },
    {
      name: 'keys kept in a local Map that is only cleared are never wiped (used through a let it is assigned to)',
      code: mapCleared,
      errors: [{ messageId: 'notWiped', line: 9, column: 15, suggestions: [] }],
    },
  ],
});
