import rule from '../../rules/require-key-zeroization';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRuleTester, createTypedRuleTester, TYPED_FIXTURE_DIR } from './rule-tester';

// Seventh lifecycle blind set (corpus zeroization/blind-s10): node-argon2 in raw mode (`raw: true` returns the
// derived bytes, a key, not an encoded hash), HKDF outputs whose binding is not named like a key (HKDF is
// never a password hash, so its output is a key unless compared, encoded, or used as an IV), and jose's
// `base64url.encode` as a string conversion of key bytes (strict).
const argon2Raw = `import argon2 from 'argon2';
import { createCipheriv, randomBytes } from 'node:crypto';
export async function sealBackup(passphrase: string, salt: Buffer, data: Buffer): Promise<Buffer> {
  const backupKey = await argon2.hash(passphrase, { salt, hashLength: 32, raw: true });
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', backupKey, iv);
  return Buffer.concat([iv, cipher.update(data), cipher.final(), cipher.getAuthTag()]);
}
`;
/** argon2Raw once the suggestion has wrapped the key's uses in try/finally. */
const argon2RawWiped = `import argon2 from 'argon2';
import { createCipheriv, randomBytes } from 'node:crypto';
export async function sealBackup(passphrase: string, salt: Buffer, data: Buffer): Promise<Buffer> {
  const backupKey = await argon2.hash(passphrase, { salt, hashLength: 32, raw: true });
  try {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', backupKey, iv);
    return Buffer.concat([iv, cipher.update(data), cipher.final(), cipher.getAuthTag()]);
  } finally {
    backupKey.fill(0);
  }
}
`;
/** The same code with @node-rs/argon2's `hashRaw`, which returns the raw bytes without being asked. */
const toHashRaw = (code: string) =>
  code.replace("import argon2 from 'argon2';", "import { hashRaw } from '@node-rs/argon2';").replace('argon2.hash(passphrase, { salt, hashLength: 32, raw: true })', 'hashRaw(passphrase, { salt, outputLen: 32 })');
const hkdfCopyToClass = `import { createHmac, hkdfSync } from 'node:crypto';
class Signer {
  private readonly key: Buffer;
  constructor(key: Buffer) {
    this.key = key;
  }
  sign(line: string): string {
    return createHmac('sha256', this.key).update(line).digest('hex');
  }
}
export function signAll(root: Buffer, lines: string[]): string[] {
  const derived = Buffer.from(hkdfSync('sha256', root, Buffer.alloc(0), 'audit/v1', 32));
  const signer = new Signer(Buffer.from(derived));
  return lines.map((l) => signer.sign(l));
}
`;
const joseEncode = `import { base64url } from 'jose';
import { randomBytes } from 'node:crypto';
export function newSecretJwk(kid: string): string {
  const secret = randomBytes(32);
  try {
    return JSON.stringify({ kty: 'oct', kid, k: base64url.encode(secret) });
  } finally {
    secret.fill(0);
  }
}
`;

createRuleTester().run('require-key-zeroization (blind-s10)', rule, {
  valid: [
    { name: 'argon2 without raw returns an encoded hash (a password hash); in raw mode wiped in finally', code: `import argon2 from 'argon2';
export async function hashPassword(password: string): Promise<string> {
  const encoded = await argon2.hash(password, { type: argon2.argon2id, memoryCost: 65536, timeCost: 3 });
  return encoded;
}
export async function rawWiped(passphrase: string, salt: Buffer, seal: (k: Buffer) => Buffer): Promise<Buffer> {
  const fileKey = await argon2.hash(passphrase, { salt, hashLength: 32, raw: true });
  try {
    return seal(fileKey);
  } finally {
    fileKey.fill(0);
  }
}
` },
    { name: 'an HKDF output named as a nonce, only compared, or encoded into a token through a view is not a key', code: `import { createCipheriv, hkdfSync, timingSafeEqual } from 'node:crypto';
export function frameNonce(root: Buffer, key: Buffer, streamId: string, frame: Buffer): Buffer {
  const nonce = Buffer.from(hkdfSync('sha256', root, Buffer.from(streamId), 'stream/nonce/v1', 12));
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  return Buffer.concat([cipher.update(frame), cipher.final(), cipher.getAuthTag()]);
}
export function sameDerivation(root: Buffer, label: string, expected: Buffer): boolean {
  const derived = Buffer.from(hkdfSync('sha256', root, Buffer.alloc(0), label, 32));
  return timingSafeEqual(derived, expected);
}
export function resumeToken(root: Buffer, sessionId: string): string {
  const okm = hkdfSync('sha256', root, Buffer.from(sessionId), 'resume/v1', 16);
  return Buffer.from(okm).toString('base64url');
}
` },
    { name: 'jose base64url.encode of random id bytes (not a key), in strict', code: `import { base64url } from 'jose';
import { randomBytes } from 'node:crypto';
export function newKid(): string {
  const id = randomBytes(16);
  return base64url.encode(id);
}
`, options: [{ checkStringConversion: true }] },
  ],
  invalid: [
    {
      name: 'argon2.hash with raw: true gives the key bytes themselves, used as an AES key and never wiped',
      code: argon2Raw,
      errors: [{ messageId: 'notWiped', line: 4, column: 9, suggestions: [{ messageId: 'wrapInTryFinally', output: argon2RawWiped }] }],
    },
    {
      name: "@node-rs/argon2's hashRaw always returns the key bytes (no option needed), used as an AES key and never wiped",
      code: toHashRaw(argon2Raw),
      errors: [{ messageId: 'notWiped', line: 4, column: 9, suggestions: [{ messageId: 'wrapInTryFinally', output: toHashRaw(argon2RawWiped) }] }],
    },
    {
      name: 'an HKDF output named `derived`, whose copy is handed to a local class, is still a key to wipe',
      code: hkdfCopyToClass,
      errors: [{ messageId: 'notWiped', line: 12, column: 9, suggestions: [{ messageId: 'wrapInTryFinally', output: `import { createHmac, hkdfSync } from 'node:crypto';
class Signer {
  private readonly key: Buffer;
  constructor(key: Buffer) {
    this.key = key;
  }
  sign(line: string): string {
    return createHmac('sha256', this.key).update(line).digest('hex');
  }
}
export function signAll(root: Buffer, lines: string[]): string[] {
  const derived = Buffer.from(hkdfSync('sha256', root, Buffer.alloc(0), 'audit/v1', 32));
  try {
    const signer = new Signer(Buffer.from(derived));
    return lines.map((l) => signer.sign(l));
  } finally {
    derived.fill(0);
  }
}
` }] }],
    },
    {
      name: 'strict: jose base64url.encode(key) turns the key bytes into a string',
      code: joseEncode,
      options: [{ checkStringConversion: true }],
      errors: [{ messageId: 'keyToString', line: 6, column: 49 }],
    },
  ],
});

// With type information: a KDF output handed to a helper imported from another file of the program that
// uses that parameter as a key is used as a key (as through a helper of the same file); handed to one that
// only stores it, it stays a password hash. The suggestion wraps the use in try/finally.
const kdfToHelpers = fs.readFileSync(path.join(TYPED_FIXTURE_DIR, 'kdf-to-helpers.ts'), 'utf8');
createTypedRuleTester().run('require-key-zeroization (blind-s10, imported helpers)', rule, {
  valid: [],
  invalid: [
    {
      name: 'scrypt output named `derived` given to an imported sealWith(key, …) that encrypts with it',
      code: kdfToHelpers,
      filename: 'kdf-to-helpers.ts',
      errors: [{ messageId: 'notWiped', line: 4, column: 9, suggestions: [{ messageId: 'wrapInTryFinally', output: kdfToHelpers.replace(
        '  return sealWith(derived, randomBytes(12), note);\n',
        '  try {\n    return sealWith(derived, randomBytes(12), note);\n  } finally {\n    derived.fill(0);\n  }\n',
      ) }] }],
    },
  ],
});
