import rule from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// Thirteenth lifecycle blind set (corpus zeroization/blind-s13, part C): a private KeyObject exported as DER,
// a helper named like a wipe whose body zeroes only a copy, a key that an emitter's listeners use and its
// 'close' listener wipes (it lives as long as the connection, decision 31), node:test's `t.after` cleanup
// registered before the uses, and a class's own helper method returning fresh key bytes.
const derExport = `import { generateKeyPairSync, createCipheriv, randomBytes, type KeyObject } from 'node:crypto';
export function escrow(kek: KeyObject): Buffer {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const der = privateKey.export({ type: 'pkcs8', format: 'der' });
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  return Buffer.concat([iv, cipher.update(der), cipher.final(), cipher.getAuthTag()]);
}
`;
const burnCopy = `const crypto = require('node:crypto');
function burn(buf) {
  const scratch = Buffer.from(buf);
  scratch.fill(0);
}
function seal(passphrase, salt, text) {
  const key = crypto.pbkdf2Sync(passphrase, salt, 600000, 32, 'sha256');
  try {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
    return Buffer.concat([iv, cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  } finally {
    burn(key);
  }
}
module.exports = { seal };
`;
const emitterPause = `const nacl = require('tweetnacl');
function attach(wss, serverSecretKey) {
  wss.on('connection', (socket, clientPublicKey) => {
    const shared = nacl.box.before(clientPublicKey, serverSecretKey);
    socket.on('message', (frame) => {
      const opened = nacl.box.open.after(frame.subarray(24), frame.subarray(0, 24), shared);
      if (opened) socket.send(opened);
    });
    socket.on('pause', () => {
      shared.fill(0);
    });
  });
}
module.exports = { attach };
`;
const afterTooLate = `import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, createCipheriv } from 'node:crypto';

test('encrypts', (t) => {
  const key = randomBytes(32);
  const cipher = createCipheriv('aes-256-gcm', key, randomBytes(12));
  assert.ok(cipher.update('x'));
  t.after(() => key.fill(0));
});
`;
const methodHelper = `import { hkdfSync, createCipheriv, randomBytes } from 'node:crypto';
export class TenantVault {
  readonly #root: Buffer;
  constructor(root: Buffer) {
    this.#root = root;
  }
  #tenantKey(tenantId: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.#root, Buffer.from(tenantId), 'tenant-vault', 32));
  }
  seal(tenantId: string, value: string): Buffer {
    const key = this.#tenantKey(tenantId);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    return Buffer.concat([iv, cipher.update(value, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  }
}
`;

createRuleTester().run('require-key-zeroization (blind-s13)', rule, {
  valid: [
    {
      name: 'a private key exported as PEM is a string, and a public key exported as DER is public',
      code: `import { generateKeyPairSync } from 'node:crypto';
export function publish(): { pem: string; spki: Buffer } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return { pem, spki };
}
`,
    },
    {
      name: 'a DER export wiped in finally',
      code: derExport.replace(
        "  const iv = randomBytes(12);\n  const cipher = createCipheriv('aes-256-gcm', kek, iv);\n  return Buffer.concat([iv, cipher.update(der), cipher.final(), cipher.getAuthTag()]);\n",
        "  try {\n    const iv = randomBytes(12);\n    const cipher = createCipheriv('aes-256-gcm', kek, iv);\n    return Buffer.concat([iv, cipher.update(der), cipher.final(), cipher.getAuthTag()]);\n  } finally {\n    der.fill(0);\n  }\n",
      ),
    },
    {
      name: 'a helper named like a wipe that overwrites its argument wipes it',
      code: burnCopy.replace('  const scratch = Buffer.from(buf);\n  scratch.fill(0);\n', '  buf.fill(0);\n'),
      filename: 'burn.js',
    },
    {
      name: "a shared key the socket's listeners use and its 'close' listener wipes lives as long as the connection",
      code: emitterPause.replace("socket.on('pause'", "socket.on('close'"),
      filename: 'ws.js',
    },
    {
      name: "node:test's t.after registered before the first use runs however the test ends",
      code: afterTooLate
        .replace("  t.after(() => key.fill(0));\n", '')
        .replace('  const key = randomBytes(32);\n', '  const key = randomBytes(32);\n  t.after(() => key.fill(0));\n'),
      filename: 'cipher.test.mjs',
    },
    {
      name: "vitest's onTestFinished registered before the first use",
      code: `import { test, expect, onTestFinished } from 'vitest';
import { randomBytes, createCipheriv } from 'node:crypto';
test('encrypts', () => {
  const key = randomBytes(32);
  onTestFinished(() => key.fill(0));
  const cipher = createCipheriv('aes-256-gcm', key, randomBytes(12));
  expect(cipher.update('x').length).toBe(1);
});
`,
      filename: 'cipher.test.ts',
    },
    {
      name: "the caller of a class's own key helper wipes what it gets",
      code: methodHelper.replace(
        "    const iv = randomBytes(12);\n    const cipher = createCipheriv('aes-256-gcm', key, iv);\n    return Buffer.concat([iv, cipher.update(value, 'utf8'), cipher.final(), cipher.getAuthTag()]);\n",
        "    try {\n      const iv = randomBytes(12);\n      const cipher = createCipheriv('aes-256-gcm', key, iv);\n      return Buffer.concat([iv, cipher.update(value, 'utf8'), cipher.final(), cipher.getAuthTag()]);\n    } finally {\n      key.fill(0);\n    }\n",
      ),
    },
  ],
  invalid: [
    {
      name: 'a private key exported as DER is key bytes',
      code: derExport,
      errors: [
        {
          messageId: 'notWiped',
          line: 4,
          column: 9,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: derExport.replace(
                "  const iv = randomBytes(12);\n  const cipher = createCipheriv('aes-256-gcm', kek, iv);\n  return Buffer.concat([iv, cipher.update(der), cipher.final(), cipher.getAuthTag()]);\n",
                "  try {\n    const iv = randomBytes(12);\n    const cipher = createCipheriv('aes-256-gcm', kek, iv);\n    return Buffer.concat([iv, cipher.update(der), cipher.final(), cipher.getAuthTag()]);\n  } finally {\n    der.fill(0);\n  }\n",
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a helper named like a wipe whose body zeroes a copy leaves the key as it was',
      code: burnCopy,
      filename: 'burn.js',
      errors: [{ messageId: 'notWiped', line: 7, column: 9, suggestions: [{ messageId: 'wrapInTryFinally', output: burnCopy.replace('    burn(key);\n', '    burn(key);\n    key.fill(0);\n') }] }],
    },
    {
      name: 'a wipe in a listener of an event that does not end the emitter',
      code: emitterPause,
      filename: 'ws.js',
      errors: [
        {
          messageId: 'wipedOnHappyPathOnly',
          line: 4,
          column: 11,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: emitterPause.replace(
                "    socket.on('message', (frame) => {\n      const opened = nacl.box.open.after(frame.subarray(24), frame.subarray(0, 24), shared);\n      if (opened) socket.send(opened);\n    });\n    socket.on('pause', () => {\n      shared.fill(0);\n    });\n",
                "    try {\n      socket.on('message', (frame) => {\n        const opened = nacl.box.open.after(frame.subarray(24), frame.subarray(0, 24), shared);\n        if (opened) socket.send(opened);\n      });\n      socket.on('pause', () => {\n        shared.fill(0);\n      });\n    } finally {\n      shared.fill(0);\n    }\n",
              ),
            },
          ],
        },
      ],
    },
    {
      name: 't.after registered after the uses: a throwing use leaves before it exists',
      code: afterTooLate,
      filename: 'cipher.test.mjs',
      errors: [
        {
          messageId: 'wipedOnHappyPathOnly',
          line: 6,
          column: 9,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: afterTooLate.replace(
                "  const cipher = createCipheriv('aes-256-gcm', key, randomBytes(12));\n  assert.ok(cipher.update('x'));\n  t.after(() => key.fill(0));\n",
                "  try {\n    const cipher = createCipheriv('aes-256-gcm', key, randomBytes(12));\n    assert.ok(cipher.update('x'));\n  } finally {\n    key.fill(0);\n  }\n",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "a class's own helper method hands fresh key bytes to its caller",
      code: methodHelper,
      errors: [
        {
          messageId: 'notWiped',
          line: 11,
          column: 11,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: methodHelper.replace(
                "    const iv = randomBytes(12);\n    const cipher = createCipheriv('aes-256-gcm', key, iv);\n    return Buffer.concat([iv, cipher.update(value, 'utf8'), cipher.final(), cipher.getAuthTag()]);\n",
                "    try {\n      const iv = randomBytes(12);\n      const cipher = createCipheriv('aes-256-gcm', key, iv);\n      return Buffer.concat([iv, cipher.update(value, 'utf8'), cipher.final(), cipher.getAuthTag()]);\n    } finally {\n      key.fill(0);\n    }\n",
              ),
            },
          ],
        },
      ],
    },
  ],
});

// Key files read as raw bytes and used as a cipher key, and OpenPGP.js session keys (`sessionKey.data`).
const keyFile = `import { readFile } from 'node:fs/promises';
import { createCipheriv, randomBytes } from 'node:crypto';
export async function seal(keyPath: string, header: Buffer): Promise<Buffer> {
  const volumeKey = await readFile(keyPath);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', volumeKey, iv);
  return Buffer.concat([iv, cipher.update(header), cipher.final(), cipher.getAuthTag()]);
}
`;
const pgpSessionKey = `import * as openpgp from 'openpgp';
export async function encryptParts(encryptionKeys: openpgp.PublicKey[], parts: string[]): Promise<string[]> {
  const sessionKey = await openpgp.generateSessionKey({ encryptionKeys });
  const out: string[] = [];
  for (const text of parts) {
    const message = await openpgp.createMessage({ text });
    out.push((await openpgp.encrypt({ message, encryptionKeys, sessionKey })) as string);
  }
  return out;
}
`;

createRuleTester().run('require-key-zeroization (blind-s13, key files and OpenPGP session keys)', rule, {
  valid: [
    {
      name: 'a key file read for createPrivateKey becomes a KeyObject, and a utf8 read is a string',
      code: `import { readFileSync } from 'node:fs';
import { createPrivateKey, createHmac, sign } from 'node:crypto';
export function signDigest(path: string, digest: Buffer): Buffer {
  const pem = readFileSync(path);
  return sign(null, digest, createPrivateKey(pem));
}
export function mac(path: string, body: string): string {
  const secret = readFileSync(path, 'utf8');
  return createHmac('sha256', secret.trim()).update(body).digest('hex');
}
`,
    },
    {
      name: 'a key file read and wiped in finally',
      code: keyFile.replace(
        "  const iv = randomBytes(12);\n  const cipher = createCipheriv('aes-256-gcm', volumeKey, iv);\n  return Buffer.concat([iv, cipher.update(header), cipher.final(), cipher.getAuthTag()]);\n",
        "  try {\n    const iv = randomBytes(12);\n    const cipher = createCipheriv('aes-256-gcm', volumeKey, iv);\n    return Buffer.concat([iv, cipher.update(header), cipher.final(), cipher.getAuthTag()]);\n  } finally {\n    volumeKey.fill(0);\n  }\n",
      ),
    },
    {
      name: "an OpenPGP session key's bytes wiped in finally",
      code: pgpSessionKey
        .replace('  const out: string[] = [];\n', '  const out: string[] = [];\n  try {\n')
        .replace('  return out;\n', '  } finally {\n    sessionKey.data.fill(0);\n  }\n  return out;\n'),
    },
  ],
  invalid: [
    {
      name: 'raw key bytes read from a file and used as the cipher key',
      code: keyFile,
      errors: [{ messageId: 'notWiped', line: 4, column: 9, suggestions: [{ messageId: 'wrapInTryFinally', output: `import { readFile } from 'node:fs/promises';
import { createCipheriv, randomBytes } from 'node:crypto';
export async function seal(keyPath: string, header: Buffer): Promise<Buffer> {
  const volumeKey = await readFile(keyPath);
  try {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', volumeKey, iv);
    return Buffer.concat([iv, cipher.update(header), cipher.final(), cipher.getAuthTag()]);
  } finally {
    volumeKey.fill(0);
  }
}
` }] }],
    },
    {
      name: 'an OpenPGP session key generated for a batch and never wiped',
      code: pgpSessionKey,
      errors: [{ messageId: 'notWiped', line: 3, column: 9 }],
    },
  ],
});

// Found by probing the same family: an Ed25519 secret converted to X25519 inside a function is fresh bytes of the
// same secret (the converted copy is a key of its own, decision 18).
const convertedSecret = `import sodium from 'libsodium-wrappers';
export async function sealFor(signSecretKey: Uint8Array, peer: Uint8Array, message: Uint8Array) {
  await sodium.ready;
  const boxSecret = sodium.crypto_sign_ed25519_sk_to_curve25519(signSecretKey);
  const nonce = sodium.randombytes_buf(sodium.crypto_box_NONCEBYTES);
  return { nonce, body: sodium.crypto_box_easy(message, nonce, peer, boxSecret) };
}
`;
const convertedPair = `const nacl = require('tweetnacl');
const ed2curve = require('ed2curve');
function openFor(signPair, boxed, nonce, peer) {
  const boxPair = ed2curve.convertKeyPair(signPair);
  return nacl.box.open(boxed, nonce, peer, boxPair.secretKey);
}
module.exports = { openFor };
`;
const convertedPairWiped = `const nacl = require('tweetnacl');
const ed2curve = require('ed2curve');
function openFor2(signPair, boxed, nonce, peer) {
  const boxPair = ed2curve.convertKeyPair(signPair);
  try {
    return nacl.box.open(boxed, nonce, peer, boxPair.secretKey);
  } finally {
    boxPair.secretKey.fill(0);
  }
}
module.exports = { openFor2 };
`;

createRuleTester().run('require-key-zeroization (blind-s13, Ed25519-to-X25519 conversions)', rule, {
  valid: [{ name: "ed2curve's converted pair wiped through its secretKey in finally", code: convertedPairWiped, filename: 'conv.js' }],
  invalid: [
    {
      name: 'libsodium crypto_sign_ed25519_sk_to_curve25519 output used as a box key',
      code: convertedSecret,
      errors: [{ messageId: 'notWiped', line: 4, column: 9, suggestions: [{ messageId: 'wrapInTryFinally', output: `import sodium from 'libsodium-wrappers';
export async function sealFor(signSecretKey: Uint8Array, peer: Uint8Array, message: Uint8Array) {
  await sodium.ready;
  const boxSecret = sodium.crypto_sign_ed25519_sk_to_curve25519(signSecretKey);
  try {
    const nonce = sodium.randombytes_buf(sodium.crypto_box_NONCEBYTES);
    return { nonce, body: sodium.crypto_box_easy(message, nonce, peer, boxSecret) };
  } finally {
    boxSecret.fill(0);
  }
}
` }] }],
    },
    {
      name: "ed2curve.convertKeyPair's secret key never wiped",
      code: convertedPair,
      filename: 'conv.js',
      errors: [{ messageId: 'notWiped', line: 4, column: 9, suggestions: [{ messageId: 'wrapInTryFinally', output: `const nacl = require('tweetnacl');
const ed2curve = require('ed2curve');
function openFor(signPair, boxed, nonce, peer) {
  const boxPair = ed2curve.convertKeyPair(signPair);
  try {
    return nacl.box.open(boxed, nonce, peer, boxPair.secretKey);
  } finally {
    boxPair.secretKey.fill(0);
  }
}
module.exports = { openFor };
` }] }],
    },
  ],
});
