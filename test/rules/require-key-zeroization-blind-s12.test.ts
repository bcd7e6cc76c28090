import rule from '../../rules/require-key-zeroization';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRuleTester, createTypedRuleTester, TYPED_FIXTURE_DIR } from './rule-tester';

// Twelfth lifecycle blind set (corpus zeroization/blind-s12, part C): an `await` between the key and the
// `try` whose `finally` wipes it (decision 18: awaits count from the moment the key exists), wipe helpers
// known by what their body does rather than by their name (local, or imported through a barrel re-export),
// wipes through a view over the key's `.buffer`, `sha256(shared)` hashed into the key actually used (the same
// secret, decision 20, and a hand-over like an HKDF derivation), and hash-wasm's argon2 in binary output mode.
const awaitBeforeTry = `import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';
import { createDecipheriv } from 'node:crypto';
const kms = new KMSClient({});
export async function readAttachment(db: { query(q: string, p: unknown[]): Promise<unknown> }, row: { wrapped: Buffer; iv: Buffer; body: Buffer }, actor: string): Promise<Buffer> {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: row.wrapped }));
  await db.query('insert into reads (actor) values ($1)', [actor]);
  try {
    const decipher = createDecipheriv('aes-256-gcm', Plaintext!, row.iv);
    return Buffer.concat([decipher.update(row.body), decipher.final()]);
  } finally {
    Plaintext!.fill(0);
  }
}
`;
const localShred = `import { pbkdf2Sync, createCipheriv, randomBytes, randomFillSync } from 'node:crypto';
function shred(...buffers: Uint8Array[]): void {
  for (const buf of buffers) {
    randomFillSync(buf);
  }
}
export function seal(passphrase: string, salt: Buffer, csv: string): Buffer {
  const key = pbkdf2Sync(passphrase, salt, 600000, 32, 'sha256');
  try {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    return Buffer.concat([iv, cipher.update(csv), cipher.final(), cipher.getAuthTag()]);
  } finally {
    shred(key);
  }
}
`;
const hashedShared = `const crypto = require('crypto');
function gatewaySession(peerHex, data) {
  const dh = crypto.getDiffieHellman('modp14');
  dh.generateKeys();
  const secret = dh.computeSecret(peerHex, 'hex');
  const aesKey = crypto.createHash('sha256').update(secret).digest();
  try {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', aesKey, iv);
    return Buffer.concat([iv, cipher.update(data), cipher.final(), cipher.getAuthTag()]);
  } finally {
    aesKey.fill(0);
  }
}
module.exports = { gatewaySession };
`;
const hashWasmBinary = `import { argon2id } from 'hash-wasm';
import { gcm } from '@noble/ciphers/aes';
export async function openVault(password: string, salt: Uint8Array, nonce: Uint8Array, sealed: Uint8Array): Promise<Uint8Array> {
  const vaultKey = await argon2id({ password, salt, parallelism: 1, iterations: 2, memorySize: 19456, hashLength: 32, outputType: 'binary' });
  return gcm(vaultKey, nonce).decrypt(sealed);
}
`;

createRuleTester().run('require-key-zeroization (blind-s12)', rule, {
  valid: [
    {
      name: 'the await comes inside the try: the finally wipe covers its rejection',
      code: awaitBeforeTry.replace(
        "  await db.query('insert into reads (actor) values ($1)', [actor]);\n  try {\n",
        "  try {\n    await db.query('insert into reads (actor) values ($1)', [actor]);\n",
      ),
    },
    { name: 'a local helper that overwrites each argument is a wipe, whatever its name', code: localShred },
    {
      name: 'a view over the key\'s .buffer starting at its offset wipes the key',
      code: `import { hkdfSync, createHmac } from 'node:crypto';
export function keyCheckValue(master: Buffer, id: string): string {
  const probe = new Uint8Array(hkdfSync('sha256', master, id, 'kcv', 16));
  try {
    return createHmac('sha256', probe).update('kcv').digest('hex').slice(0, 6);
  } finally {
    new Uint8Array(probe.buffer, probe.byteOffset, probe.byteLength).fill(0);
  }
}
export function keyCheckValue2(master: Buffer, id: string): string {
  const probe = new Uint8Array(hkdfSync('sha256', master, id, 'kcv', 16));
  try {
    return createHmac('sha256', probe).update('kcv').digest('hex').slice(0, 6);
  } finally {
    new Uint8Array(probe.buffer).fill(0);
  }
}
`,
    },
    {
      name: 'the shared secret wiped right after it is hashed into the key, which is wiped in finally',
      code: hashedShared.replace("digest();\n  try {", "digest();\n  secret.fill(0);\n  try {"),
      filename: 'gateway.js',
    },
    {
      name: 'hash-wasm argon2id with the default (hex) output is an encoded password hash',
      code: `import { argon2id } from 'hash-wasm';
export async function hashPassword(password: string, salt: Uint8Array): Promise<string> {
  const encoded = await argon2id({ password, salt, parallelism: 1, iterations: 2, memorySize: 19456, hashLength: 32, outputType: 'encoded' });
  return encoded;
}
`,
    },
  ],
  invalid: [
    {
      name: 'an await between the KMS plaintext and the try that wipes it',
      code: awaitBeforeTry,
      errors: [{ messageId: 'wipedOnHappyPathOnly', line: 5, column: 11, suggestions: [{ messageId: 'wrapInTryFinally', output: awaitBeforeTry.replace(
        `  await db.query('insert into reads (actor) values ($1)', [actor]);
  try {
    const decipher = createDecipheriv('aes-256-gcm', Plaintext!, row.iv);
    return Buffer.concat([decipher.update(row.body), decipher.final()]);
  } finally {
    Plaintext!.fill(0);
  }
`,
        `  try {
    await db.query('insert into reads (actor) values ($1)', [actor]);
    try {
      const decipher = createDecipheriv('aes-256-gcm', Plaintext!, row.iv);
      return Buffer.concat([decipher.update(row.body), decipher.final()]);
    } finally {
      Plaintext!.fill(0);
    }
  } finally {
    Plaintext?.fill(0);
  }
`,
      ) }] }],
    },
    {
      name: 'a local helper that does not overwrite its argument is no wipe',
      code: localShred.replace('    randomFillSync(buf);\n', '    console.debug(buf.length);\n'),
      errors: [{ messageId: 'notWiped', line: 8, column: 9, suggestions: [{ messageId: 'wrapInTryFinally', output: localShred
        .replace('    randomFillSync(buf);\n', '    console.debug(buf.length);\n')
        .replace('    shred(key);\n', '    shred(key);\n    key.fill(0);\n') }] }],
    },
    {
      name: 'a view over a later part of the .buffer does not wipe the key',
      code: `import { hkdfSync, createHmac } from 'node:crypto';
export function keyCheckValue(master: Buffer, id: string): string {
  const probe = new Uint8Array(hkdfSync('sha256', master, id, 'kcv', 16));
  try {
    return createHmac('sha256', probe).update('kcv').digest('hex').slice(0, 6);
  } finally {
    new Uint8Array(probe.buffer, 8).fill(0);
  }
}
`,
      errors: [{ messageId: 'notWiped', line: 3, column: 9, suggestions: [{ messageId: 'wrapInTryFinally', output: `import { hkdfSync, createHmac } from 'node:crypto';
export function keyCheckValue(master: Buffer, id: string): string {
  const probe = new Uint8Array(hkdfSync('sha256', master, id, 'kcv', 16));
  try {
    return createHmac('sha256', probe).update('kcv').digest('hex').slice(0, 6);
  } finally {
    new Uint8Array(probe.buffer, 8).fill(0);
    probe.fill(0);
  }
}
` }] }],
    },
    {
      name: 'a finite-field DH secret hashed into the AES key (the same secret) and never wiped',
      code: hashedShared,
      filename: 'gateway.js',
      errors: [{ messageId: 'notWiped', line: 5, column: 9, suggestions: [{ messageId: 'wrapInTryFinally', output: `const crypto = require('crypto');
function gatewaySession(peerHex, data) {
  const dh = crypto.getDiffieHellman('modp14');
  dh.generateKeys();
  const secret = dh.computeSecret(peerHex, 'hex');
  try {
    const aesKey = crypto.createHash('sha256').update(secret).digest();
    try {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', aesKey, iv);
      return Buffer.concat([iv, cipher.update(data), cipher.final(), cipher.getAuthTag()]);
    } finally {
      aesKey.fill(0);
    }
  } finally {
    secret.fill(0);
  }
}
module.exports = { gatewaySession };
` }] }],
    },
    {
      name: 'hash-wasm argon2id with outputType binary returns the key bytes',
      code: hashWasmBinary,
      errors: [{ messageId: 'notWiped', line: 4, column: 9, suggestions: [{ messageId: 'wrapInTryFinally', output: hashWasmBinary.replace(
        '  return gcm(vaultKey, nonce).decrypt(sealed);\n',
        '  try {\n    return gcm(vaultKey, nonce).decrypt(sealed);\n  } finally {\n    vaultKey.fill(0);\n  }\n',
      ) }] }],
    },
  ],
});

// A wipe helper imported from another module through a barrel (`export { shred } from './memory-shred'`):
// read through TypeScript's checker, its body overwrites every argument. One that only measures it is no wipe.
const payrollKeys = fs.readFileSync(path.join(TYPED_FIXTURE_DIR, 'payroll-keys.ts'), 'utf8');
const payrollKept = fs.readFileSync(path.join(TYPED_FIXTURE_DIR, 'payroll-kept.ts'), 'utf8');
createTypedRuleTester().run('require-key-zeroization (blind-s12, imported wipe helpers)', rule, {
  valid: [{ name: 'shred(key) imported through a re-export wipes the key', code: payrollKeys, filename: 'payroll-keys.ts' }],
  invalid: [
    {
      name: 'measure(key) imported the same way does not wipe it',
      code: payrollKept,
      filename: 'payroll-kept.ts',
      errors: [{ messageId: 'notWiped', line: 4, column: 9, suggestions: [{ messageId: 'wrapInTryFinally', output: payrollKept.replace('    measure(key);\n', '    measure(key);\n    key.fill(0);\n') }] }],
    },
  ],
});

// Second round of the set's fixes: a `KeyObject`-typed class field exported to raw bytes in a method
// (`this.#key.export()`), a raw WebCrypto export of a key named as a public one (EC/OKP raw exports are
// public keys), and, in strict mode, a string conversion of a `subarray` view of the key bytes.
const keyObjectField = `import { createSecretKey, type KeyObject } from 'node:crypto';
export class TicketKeys {
  #key: KeyObject;
  constructor(raw: Buffer) {
    this.#key = createSecretKey(raw);
  }
  async escrow(wrap: (raw: Buffer) => Promise<string>): Promise<string> {
    const raw = this.#key.export();
    const wrapped = await wrap(raw);
    raw.fill(0);
    return wrapped;
  }
}
`;
const subarrayHex = `import { hkdfSync } from 'node:crypto';
import CryptoJS from 'crypto-js';
export function legacyKeys(root: Buffer, id: string) {
  const derived = Buffer.from(hkdfSync('sha256', root, id, 'legacy', 64));
  try {
    const encKey = CryptoJS.enc.Hex.parse(derived.subarray(0, 32).toString('hex'));
    return CryptoJS.AES.encrypt('x', encKey, { iv: CryptoJS.lib.WordArray.random(16) }).toString();
  } finally {
    derived.fill(0);
  }
}
`;
createRuleTester().run('require-key-zeroization (blind-s12, key objects and views)', rule, {
  valid: [
    {
      name: 'a KeyObject field exported with a format (a PEM string of a key pair) is not raw secret bytes',
      code: keyObjectField.replace('this.#key.export()', "this.#key.export({ format: 'jwk' }) as unknown as Buffer"),
    },
    {
      name: 'the raw export of a key named as public (an ECDH prekey) is a public key',
      code: `export async function signPrekey(signing: CryptoKeyPair, prekeyPublic: CryptoKey): Promise<ArrayBuffer> {
  const raw = await crypto.subtle.exportKey('raw', prekeyPublic);
  return crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, signing.privateKey, raw);
}
`,
    },
    { name: 'without the strict option, converting a view is not reported', code: subarrayHex },
  ],
  invalid: [
    {
      name: 'a KeyObject-typed #private field exported to raw bytes, wiped after an await',
      code: keyObjectField,
      errors: [{ messageId: 'wipedOnHappyPathOnly', line: 8, column: 11, suggestions: [{ messageId: 'wrapInTryFinally', output: keyObjectField.replace(
        '    const wrapped = await wrap(raw);\n    raw.fill(0);\n    return wrapped;\n',
        '    try {\n      const wrapped = await wrap(raw);\n      return wrapped;\n    } finally {\n      raw.fill(0);\n    }\n',
      ) }] }],
    },
    {
      name: 'strict: a subarray view of the key turned into hex',
      code: subarrayHex,
      options: [{ checkStringConversion: true }],
      errors: [{ messageId: 'keyToString', line: 6, column: 43 }],
    },
  ],
});

// A CLI's `process.on('exit', () => key.fill(0))`: Node runs 'exit' listeners however the process ends, so
// registered before the key's first use it covers every path; registered after the uses, a use that throws
// first ends the process before the listener exists (decision 26), and the suggestion moves the wipe into
// a `finally`.
const exitWipe = `const crypto = require('crypto');
function check(blob, passphrase) {
  const key = crypto.scryptSync(passphrase, blob.subarray(0, 16), 32, { N: 131072, r: 8, p: 1, maxmem: 268435456 });
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, blob.subarray(16, 28));
  decipher.setAuthTag(blob.subarray(blob.length - 16));
  decipher.update(blob.subarray(28, blob.length - 16));
  decipher.final();
  process.on('exit', () => key.fill(0));
  return true;
}
module.exports = { check };
`;
createRuleTester().run('require-key-zeroization (blind-s12, process exit listeners)', rule, {
  valid: [
    {
      name: "process.on('exit') wipe registered before the key is used",
      code: exitWipe.replace('  process.on(\'exit\', () => key.fill(0));\n', '').replace(
        "  const decipher = crypto",
        "  process.on('exit', () => key.fill(0));\n  const decipher = crypto",
      ),
      filename: 'restore-db.js',
    },
  ],
  invalid: [
    {
      name: "process.on('exit') wipe registered only after the uses that may throw",
      code: exitWipe,
      filename: 'restore-db.js',
      errors: [{ messageId: 'wipedOnHappyPathOnly', line: 3, column: 9, suggestions: [{ messageId: 'wrapInTryFinally', output: `const crypto = require('crypto');
function check(blob, passphrase) {
  const key = crypto.scryptSync(passphrase, blob.subarray(0, 16), 32, { N: 131072, r: 8, p: 1, maxmem: 268435456 });
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, blob.subarray(16, 28));
    decipher.setAuthTag(blob.subarray(blob.length - 16));
    decipher.update(blob.subarray(28, blob.length - 16));
    decipher.final();
    return true;
  } finally {
    key.fill(0);
  }
}
module.exports = { check };
` }] }],
    },
  ],
});

// A content key unwrapped by the `decrypt` of a cipher object (@noble/ciphers: `xchacha20poly1305(kek, n).decrypt(w)`)
// and then used as a key is key bytes (17's unwrap results); decrypted data that no call uses as a key is not.
const nobleUnwrap = `import { xchacha20poly1305 } from '@noble/ciphers/chacha';
export function openDraft(accountKey: Uint8Array, wrappedKey: Uint8Array, nonce: Uint8Array, body: Uint8Array): Uint8Array {
  const contentKey = xchacha20poly1305(accountKey, wrappedKey.subarray(0, 24)).decrypt(wrappedKey.subarray(24));
  return xchacha20poly1305(contentKey, nonce).decrypt(body);
}
`;
createRuleTester().run('require-key-zeroization (blind-s12, local unwrap)', rule, {
  valid: [
    {
      name: 'decrypted draft text is data, not a key',
      code: `import { xchacha20poly1305 } from '@noble/ciphers/chacha';
export function openText(key: Uint8Array, nonce: Uint8Array, body: Uint8Array): string {
  const plain = xchacha20poly1305(key, nonce).decrypt(body);
  return new TextDecoder().decode(plain);
}
`,
    },
  ],
  invalid: [
    {
      name: 'an unwrapped content key used as the key of the next cipher and never wiped',
      code: nobleUnwrap,
      errors: [{ messageId: 'notWiped', line: 3, column: 9, suggestions: [{ messageId: 'wrapInTryFinally', output: nobleUnwrap.replace(
        '  return xchacha20poly1305(contentKey, nonce).decrypt(body);\n',
        '  try {\n    return xchacha20poly1305(contentKey, nonce).decrypt(body);\n  } finally {\n    contentKey.fill(0);\n  }\n',
      ) }] }],
    },
  ],
});

// Two keys concatenated into one blob to be wrapped together: the blob holds both keys (52), so it is key
// bytes to wipe even though no call uses it as a key. A concatenation with anything that is not a key is a
// copy judged by its use, as before.
const keyBlob = `import { randomBytes } from 'node:crypto';
import { KMSClient, EncryptCommand } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export async function provision(keyId: string): Promise<Uint8Array | undefined> {
  const encKey = randomBytes(32);
  const macKey = randomBytes(32);
  const keyBlob = Buffer.concat([encKey, macKey]);
  try {
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: keyBlob }));
    return CiphertextBlob;
  } finally {
    encKey.fill(0);
    macKey.fill(0);
  }
}
`;
createRuleTester().run('require-key-zeroization (blind-s12, key blobs)', rule, {
  valid: [
    { name: 'the blob wiped with the keys', code: keyBlob.replace('    macKey.fill(0);\n', '    macKey.fill(0);\n    keyBlob.fill(0);\n') },
    {
      name: 'a header made of a version byte and an IV is not a key blob',
      code: keyBlob.replace('const keyBlob = Buffer.concat([encKey, macKey]);', 'const keyBlob = Buffer.concat([Buffer.from([1]), randomBytes(12)]);'),
    },
  ],
  invalid: [
    {
      name: 'Buffer.concat of two keys handed to KMS Encrypt and never wiped',
      code: keyBlob,
      errors: [{ messageId: 'notWiped', line: 7, column: 9, suggestions: [{ messageId: 'wrapInTryFinally', output: keyBlob.replace('    macKey.fill(0);\n', '    macKey.fill(0);\n    keyBlob.fill(0);\n') }] }],
    },
  ],
});
