import rule from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// Eighth lifecycle blind set (corpus zeroization/blind-s11): a key captured by a function declaration that the
// returned object hands out, @noble/curves secret keys and shared secrets, a key handed to callers as a property
// of a helper's returned object (`const { key } = freshDataKey()`), and noble/scure byte-to-text encoders (strict).
const nobleEphemeral = `import { x25519 } from '@noble/curves/ed25519';
import { hkdf } from '@noble/hashes/hkdf';
import { sha256 } from '@noble/hashes/sha256';
export function helloKey(devicePublicKey: Uint8Array): { ephemeral: Uint8Array; key: Uint8Array } {
  const ephemeralSecret = x25519.utils.randomPrivateKey();
  const ephemeral = x25519.getPublicKey(ephemeralSecret);
  const shared = x25519.getSharedSecret(ephemeralSecret, devicePublicKey);
  shared.fill(0);
  return { ephemeral, key: hkdf(sha256, shared, ephemeral, 'hello', 32) };
}
`;
const nobleShared = `import { secp256k1 } from '@noble/curves/secp256k1';
import { hkdf } from '@noble/hashes/hkdf';
import { sha256 } from '@noble/hashes/sha256';
import { gcm } from '@noble/ciphers/aes';
export function seal(myKey: Uint8Array, peer: Uint8Array, nonce: Uint8Array, data: Uint8Array): Uint8Array {
  const shared = secp256k1.getSharedSecret(myKey, peer);
  const key = hkdf(sha256, shared, undefined, 'ecies', 32);
  try {
    return gcm(key, nonce).encrypt(data);
  } finally {
    key.fill(0);
  }
}
`;
const helperObject = `import { createCipheriv, randomBytes } from 'node:crypto';
function freshKey() {
  const key = randomBytes(32);
  return { key, id: randomBytes(8).toString('hex') };
}
export function sealAll(files: Buffer[], iv: Buffer) {
  const { key: batchKey, id } = freshKey();
  return { id, files: files.map((f) => createCipheriv('aes-256-gcm', batchKey, iv).update(f)) };
}
`;
const asyncKmsHelper = `import { createCipheriv } from 'node:crypto';
import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
async function dataKey() {
  const { Plaintext, CiphertextBlob } = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/app', KeySpec: 'AES_256' }));
  return { plaintext: Plaintext!, wrapped: CiphertextBlob! };
}
export async function seal(data: Buffer, iv: Buffer) {
  const { plaintext, wrapped } = await dataKey();
  return { wrapped, body: createCipheriv('aes-256-gcm', plaintext, iv).update(data) };
}
`;
const nobleScrypt = `import { scrypt } from '@noble/hashes/scrypt';
import { gcm } from '@noble/ciphers/aes';
export function seal(pw: string, salt: Uint8Array, nonce: Uint8Array, data: Uint8Array) {
  const key = scrypt(pw, salt, { N: 2 ** 17, r: 8, p: 1, dkLen: 32 });
  return gcm(key, nonce).encrypt(data);
}
`;
const nobleHex = `import { bytesToHex, randomBytes } from '@noble/hashes/utils';
import { gcm } from '@noble/ciphers/aes';
export function exportKey(data: Uint8Array): { sealed: string; key: string } {
  const key = randomBytes(32);
  try {
    const nonce = randomBytes(12);
    return { sealed: bytesToHex(gcm(key, nonce).encrypt(data)), key: bytesToHex(key) };
  } finally {
    key.fill(0);
  }
}
`;

createRuleTester().run('require-key-zeroization (blind-s11)', rule, {
  valid: [
    {
      name: 'a key pair captured by a nested function declaration that the returned object hands out',
      code: `const nacl = require('tweetnacl');
function createSession(secret) {
  const pair = nacl.box.keyPair.fromSecretKey(secret);
  function openShared(box, nonce, from) {
    return nacl.box.open(box, nonce, from, pair.secretKey);
  }
  return { publicKey: pair.publicKey, openShared };
}
module.exports = { createSession };
`,
    },
    {
      name: 'a helper returning the key in an object, whose caller wipes it in finally',
      code: `import { createCipheriv, randomBytes } from 'node:crypto';
function freshKey() {
  const key = randomBytes(32);
  return { key, id: 'k1' };
}
export function seal(data: Buffer, iv: Buffer) {
  const { key, id } = freshKey();
  try {
    return { id, body: createCipheriv('aes-256-gcm', key, iv).update(data) };
  } finally {
    key.fill(0);
  }
}
`,
    },
    {
      name: 'strict: bytesToHex of a nonce and a ciphertext (not key bytes)',
      code: `import { bytesToHex, randomBytes } from '@noble/hashes/utils';
export function nonceHex(): string {
  const nonce = randomBytes(12);
  return bytesToHex(nonce);
}
`,
      options: [{ checkStringConversion: true }],
    },
  ],
  invalid: [
    {
      name: 'a @noble/curves ephemeral secret key never wiped (the shared secret is)',
      code: nobleEphemeral,
      errors: [{ messageId: 'notWiped', line: 5, column: 9, suggestions: [{ messageId: 'wrapInTryFinally', output: `import { x25519 } from '@noble/curves/ed25519';
import { hkdf } from '@noble/hashes/hkdf';
import { sha256 } from '@noble/hashes/sha256';
export function helloKey(devicePublicKey: Uint8Array): { ephemeral: Uint8Array; key: Uint8Array } {
  const ephemeralSecret = x25519.utils.randomPrivateKey();
  try {
    const ephemeral = x25519.getPublicKey(ephemeralSecret);
    const shared = x25519.getSharedSecret(ephemeralSecret, devicePublicKey);
    shared.fill(0);
    return { ephemeral, key: hkdf(sha256, shared, ephemeral, 'hello', 32) };
  } finally {
    ephemeralSecret.fill(0);
  }
}
` }] }],
    },
    {
      name: 'a @noble/curves shared secret fed to HKDF and never wiped',
      code: nobleShared,
      errors: [{ messageId: 'notWiped', line: 6, column: 9, suggestions: [{ messageId: 'wrapInTryFinally', output: `import { secp256k1 } from '@noble/curves/secp256k1';
import { hkdf } from '@noble/hashes/hkdf';
import { sha256 } from '@noble/hashes/sha256';
import { gcm } from '@noble/ciphers/aes';
export function seal(myKey: Uint8Array, peer: Uint8Array, nonce: Uint8Array, data: Uint8Array): Uint8Array {
  const shared = secp256k1.getSharedSecret(myKey, peer);
  try {
    const key = hkdf(sha256, shared, undefined, 'ecies', 32);
    try {
      return gcm(key, nonce).encrypt(data);
    } finally {
      key.fill(0);
    }
  } finally {
    shared.fill(0);
  }
}
` }] }],
    },
    {
      name: "a key destructured from a local helper's returned object, used and never wiped",
      code: helperObject,
      errors: [{ messageId: 'notWiped', line: 7, column: 16, suggestions: [{ messageId: 'wrapInTryFinally', output: helperObject.replace(
        "  return { id, files: files.map((f) => createCipheriv('aes-256-gcm', batchKey, iv).update(f)) };\n",
        "  try {\n    return { id, files: files.map((f) => createCipheriv('aes-256-gcm', batchKey, iv).update(f)) };\n  } finally {\n    batchKey.fill(0);\n  }\n",
      ) }] }],
    },
    {
      name: "the plaintext data key an async local helper returns as a property, used by the caller and never wiped",
      code: asyncKmsHelper,
      errors: [{ messageId: 'notWiped', line: 9, column: 11, suggestions: [{ messageId: 'wrapInTryFinally', output: asyncKmsHelper.replace(
        "  return { wrapped, body: createCipheriv('aes-256-gcm', plaintext, iv).update(data) };\n",
        "  try {\n    return { wrapped, body: createCipheriv('aes-256-gcm', plaintext, iv).update(data) };\n  } finally {\n    plaintext?.fill(0);\n  }\n",
      ) }] }],
    },
    {
      name: 'a @noble/hashes scrypt output used as a cipher key and never wiped',
      code: nobleScrypt,
      errors: [{ messageId: 'notWiped', line: 4, column: 9, suggestions: [{ messageId: 'wrapInTryFinally', output: nobleScrypt.replace(
        '  return gcm(key, nonce).encrypt(data);\n',
        '  try {\n    return gcm(key, nonce).encrypt(data);\n  } finally {\n    key.fill(0);\n  }\n',
      ) }] }],
    },
    {
      name: 'strict: noble bytesToHex(key) turns the key bytes into a string',
      code: nobleHex,
      options: [{ checkStringConversion: true }],
      errors: [{ messageId: 'keyToString', line: 7, column: 70 }],
    },
  ],
});
