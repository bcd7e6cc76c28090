import minKeyStrength from '../../rules/min-key-strength';
import noInsecureRandomness from '../../rules/no-insecure-randomness';
import requireKeyZeroization from '../../rules/require-key-zeroization';
import noPlaintextDataKeyExposure from '../../rules/no-plaintext-data-key-exposure';
import noKeyReuseAcrossPurposes from '../../rules/no-key-reuse-across-purposes';
import noHardcodedKey from '../../rules/no-hardcoded-key';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the twenty-second blind set (part B: push notifications, messaging and realtime apps) found missed or
// misjudged: web-push's VAPID key pair is modelled (the private key signs, the public key is public); an HKDF output
// bound to a nonce or IV name is no key, whatever its length; random bytes made as a salt in a file that stretches
// passwords are judged by their size even when they reach the KDF through storage; "six-digit" codes are one-time
// codes; an ECDH/X25519 shared secret is key bytes whatever is done with it (hashed into a safety number); a local
// helper that only derives or copies its argument hands the key over like the KDF it wraps; a secret-named value only
// ever used as a KDF salt is not key bytes (RFC 8291's auth secret); views destructured from an array literal carry
// the key to where they are stored; library text encoders (`bytesToHex`, `encodeBase64`) carry a logged key; and a
// key pair kept in a private field from a constructor parameter is tracked through `this.#pair.privateKey`, reported on
// the assignment.

createRuleTester().run('min-key-strength (blind-s22 shapes)', minKeyStrength, {
  valid: [
    {
      name: "an RFC 8291 nonce derived with HKDF through a local helper (12 bytes, not a key)",
      code: "import { hkdfSync } from 'node:crypto';\nfunction hkdf(salt: Buffer, ikm: Buffer, info: Buffer, length: number): Buffer {\n  return Buffer.from(hkdfSync('sha256', ikm, salt, info, length));\n}\nexport function schedule(salt: Buffer, ikm: Buffer) {\n  const cek = hkdf(salt, ikm, Buffer.from('Content-Encoding: aes128gcm\\0'), 16);\n  const nonce = hkdf(salt, ikm, Buffer.from('Content-Encoding: nonce\\0'), 12);\n  return { cek, nonce };\n}\n",
      filename: 'case.ts',
    },
    {
      name: "a nonce bound directly to hkdfSync output",
      code: "import { hkdfSync } from 'node:crypto';\nexport function baseNonce(secret: Buffer, salt: Buffer) {\n  const baseIv = Buffer.from(hkdfSync('sha256', secret, salt, 'iv', 12));\n  return baseIv;\n}\n",
      filename: 'case.ts',
    },
    {
      name: "a salt-named 16-byte random value",
      code: "import { pbkdf2Sync, randomBytes } from 'node:crypto';\nexport function newSalt(): Buffer {\n  return randomBytes(16);\n}\nexport function key(p: string, s: Buffer) {\n  return pbkdf2Sync(p, s, 600_000, 32, 'sha256');\n}\n",
      filename: 'case.ts',
    },
    {
      name: "a short salt-named random value in a file without a password KDF (an HKDF salt, a cache salt)",
      code: "import { randomBytes } from 'node:crypto';\nexport function newShardSalt(): Buffer {\n  return randomBytes(4);\n}\n",
      filename: 'case.ts',
    },
  ],
  invalid: [
    {
      name: "a 12-byte key derived through the same local helper is still a short key",
      code: "import { hkdfSync } from 'node:crypto';\nfunction hkdf(salt: Buffer, ikm: Buffer, info: string, length: number): Buffer {\n  return Buffer.from(hkdfSync('sha256', ikm, salt, info, length));\n}\nexport function macKey(salt: Buffer, ikm: Buffer) {\n  const macKey = hkdf(salt, ikm, 'mac', 12);\n  return macKey;\n}\n",
      filename: 'case.ts',
      errors: [
        { messageId: "shortKey", line: 6, column: 41, suggestions: [] },
      ],
    },
    {
      name: "a salt made by a salt-named helper from a KDF parameter object, in a file that runs PBKDF2",
      code: "import { pbkdf2Sync, randomBytes } from 'node:crypto';\nconst ROOM_KDF = { iterations: 600_000, saltLength: 8 } as const;\nexport function newRoomSalt(): Buffer {\n  return randomBytes(ROOM_KDF.saltLength);\n}\nexport function roomKey(passphrase: string, room: { salt: Buffer }) {\n  return pbkdf2Sync(passphrase, room.salt, ROOM_KDF.iterations, 32, 'sha256');\n}\n",
      filename: 'case.ts',
      errors: [
        { messageId: "shortSalt", line: 2, column: 53, suggestions: [] },
      ],
    },
    {
      name: "a salt-named binding of 8 random bytes stored for a later scrypt",
      code: "import { randomBytes, scryptSync } from 'node:crypto';\nexport function enrol(db: { save(v: unknown): void }) {\n  const userSalt = randomBytes(8);\n  db.save({ userSalt });\n}\nexport function unlock(password: string, stored: Buffer) {\n  return scryptSync(password, stored, 32, { N: 2 ** 17 });\n}\n",
      filename: 'case.ts',
      errors: [
        { messageId: "shortSalt", line: 3, column: 32, suggestions: [] },
      ],
    },
  ],
});

createRuleTester().run('no-insecure-randomness (blind-s22 shapes)', noInsecureRandomness, {
  valid: [
    {
      name: "a digit count for a progress display is not a code",
      code: "export function digitCount() {\n  return Math.floor(Math.random() * 6);\n}\n",
      filename: 'case.ts',
    },
  ],
  invalid: [
    {
      name: "a six-digit e-mail login code from Math.random",
      code: "export function sixDigitCode() {\n  return String(Math.floor(100000 + Math.random() * 900000));\n}\n",
      filename: 'case.ts',
      errors: [
        { messageId: "predictableSecret", line: 2, column: 37, suggestions: [] },
      ],
    },
  ],
});

createRuleTester().run('require-key-zeroization (blind-s22 shapes)', requireKeyZeroization, {
  valid: [
    {
      name: "an ECDH object whose private key is generated is not key bytes to wipe",
      code: "import { createECDH } from 'node:crypto';\nexport function publicKey(): Buffer {\n  const ecdh = createECDH('prime256v1');\n  return ecdh.generateKeys();\n}\n",
      filename: 'case.ts',
    },
    {
      name: "a KDF output derived again through a one-line local helper before its try/finally",
      code: "import { createCipheriv, hkdfSync } from 'node:crypto';\nfunction hkdf(salt: Buffer, ikm: Buffer, info: string, length: number): Buffer {\n  return Buffer.from(hkdfSync('sha256', ikm, salt, info, length));\n}\nexport function seal(shared: Buffer, salt: Buffer, payload: Buffer): Buffer {\n  const ikm = hkdf(salt, shared, 'ikm', 32);\n  const cek = hkdf(salt, ikm, 'cek', 16);\n  try {\n    const cipher = createCipheriv('aes-128-gcm', cek, salt.subarray(0, 12));\n    return Buffer.concat([cipher.update(payload), cipher.final()]);\n  } finally {\n    ikm.fill(0);\n    cek.fill(0);\n  }\n}\n",
      filename: 'case.ts',
    },
    {
      name: "a secret-named value only used as an HKDF salt (the Web Push auth secret) is not key bytes",
      code: "import { hkdfSync } from 'node:crypto';\nfunction hkdf(salt: Buffer, ikm: Buffer, info: string, length: number): Buffer {\n  return Buffer.from(hkdfSync('sha256', ikm, salt, info, length));\n}\nexport function prk(keys: { auth: string }, shared: Buffer): Buffer {\n  const authSecret = Buffer.from(keys.auth, 'base64url');\n  return hkdf(authSecret, shared, 'WebPush: info', 32);\n}\n",
      filename: 'case.ts',
    },
    {
      name: "views of a derived key destructured from an array literal and stored on this",
      code: "import { hkdfSync } from 'node:crypto';\nexport class Session {\n  readonly #send: Buffer;\n  readonly #recv: Buffer;\n  constructor(secret: Buffer, initiator: boolean) {\n    const okm = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'session', 64));\n    const [a, b] = [okm.subarray(0, 32), okm.subarray(32, 64)];\n    this.#send = initiator ? a : b;\n    this.#recv = initiator ? b : a;\n  }\n  close(): void {\n    this.#send.fill(0);\n    this.#recv.fill(0);\n  }\n}\n",
      filename: 'case.ts',
    },
  ],
  invalid: [
    {
      name: "a noble X25519 shared secret hashed into a safety number and never wiped",
      code: "import { x25519 } from '@noble/curves/ed25519';\nimport { sha512 } from '@noble/hashes/sha512';\nexport function safetyNumber(mySecret: Uint8Array, theirPublic: Uint8Array): string {\n  const shared = x25519.getSharedSecret(mySecret, theirPublic);\n  return Array.from(sha512(shared).subarray(0, 30), (b) => b % 10).join('');\n}\n",
      filename: 'case.ts',
      errors: [
        { messageId: "notWiped", line: 4, column: 9, suggestions: [{ messageId: "wrapInTryFinally", output: "import { x25519 } from '@noble/curves/ed25519';\nimport { sha512 } from '@noble/hashes/sha512';\nexport function safetyNumber(mySecret: Uint8Array, theirPublic: Uint8Array): string {\n  const shared = x25519.getSharedSecret(mySecret, theirPublic);\n  try {\n    return Array.from(sha512(shared).subarray(0, 30), (b) => b % 10).join('');\n  } finally {\n    shared.fill(0);\n  }\n}\n" }] },
      ],
    },
    {
      name: "an ECDH computeSecret only shown as a fingerprint and never wiped",
      code: "import { createECDH, createHash } from 'node:crypto';\nexport function pairingCode(peer: Buffer): string {\n  const ecdh = createECDH('prime256v1');\n  ecdh.generateKeys();\n  const secret = ecdh.computeSecret(peer);\n  return createHash('sha256').update(secret).digest('hex').slice(0, 6);\n}\n",
      filename: 'case.ts',
      errors: [
        { messageId: "notWiped", line: 5, column: 9, suggestions: [{ messageId: "wrapInTryFinally", output: "import { createECDH, createHash } from 'node:crypto';\nexport function pairingCode(peer: Buffer): string {\n  const ecdh = createECDH('prime256v1');\n  ecdh.generateKeys();\n  const secret = ecdh.computeSecret(peer);\n  try {\n    return createHash('sha256').update(secret).digest('hex').slice(0, 6);\n  } finally {\n    secret.fill(0);\n  }\n}\n" }] },
      ],
    },
    {
      name: "a local helper that encrypts with the key is a use, not a hand-over",
      code: "import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';\nfunction sealWith(key: Buffer, data: Buffer): Buffer {\n  const iv = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', key, iv);\n  return Buffer.concat([iv, c.update(data), c.final(), c.getAuthTag()]);\n}\nexport function seal(shared: Buffer, salt: Buffer, payload: Buffer): Buffer {\n  const key = Buffer.from(hkdfSync('sha256', shared, salt, 'k', 32));\n  const out = sealWith(key, payload);\n  try {\n    return out;\n  } finally {\n    key.fill(0);\n  }\n}\n",
      filename: 'case.ts',
      errors: [
        { messageId: "wipedOnHappyPathOnly", line: 8, column: 9, suggestions: [{ messageId: "wrapInTryFinally", output: "import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';\nfunction sealWith(key: Buffer, data: Buffer): Buffer {\n  const iv = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', key, iv);\n  return Buffer.concat([iv, c.update(data), c.final(), c.getAuthTag()]);\n}\nexport function seal(shared: Buffer, salt: Buffer, payload: Buffer): Buffer {\n  const key = Buffer.from(hkdfSync('sha256', shared, salt, 'k', 32));\n  try {\n    const out = sealWith(key, payload);\n    try {\n      return out;\n    } finally {\n      key.fill(0);\n    }\n  } finally {\n    key.fill(0);\n  }\n}\n" }] },
      ],
    },
    {
      name: "a secret-named value used as an HMAC key is key bytes",
      code: "import { createHmac } from 'node:crypto';\nexport function sign(keys: { auth: string }, body: string): string {\n  const authSecret = Buffer.from(keys.auth, 'base64url');\n  return createHmac('sha256', authSecret).update(body).digest('hex');\n}\n",
      filename: 'case.ts',
      errors: [
        { messageId: "notWiped", line: 3, column: 9, suggestions: [{ messageId: "wrapInTryFinally", output: "import { createHmac } from 'node:crypto';\nexport function sign(keys: { auth: string }, body: string): string {\n  const authSecret = Buffer.from(keys.auth, 'base64url');\n  try {\n    return createHmac('sha256', authSecret).update(body).digest('hex');\n  } finally {\n    authSecret.fill(0);\n  }\n}\n" }] },
      ],
    },
    {
      name: "views destructured from an array literal and only used locally leave the key to wipe",
      code: "import { createHmac, hkdfSync } from 'node:crypto';\nexport function tag(secret: Buffer, data: string): string {\n  const okm = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'tags', 64));\n  const [a] = [okm.subarray(0, 32), okm.subarray(32, 64)];\n  return createHmac('sha256', a).update(data).digest('hex');\n}\n",
      filename: 'case.ts',
      errors: [
        { messageId: "notWiped", line: 3, column: 9, suggestions: [{ messageId: "wrapInTryFinally", output: "import { createHmac, hkdfSync } from 'node:crypto';\nexport function tag(secret: Buffer, data: string): string {\n  const okm = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'tags', 64));\n  try {\n    const [a] = [okm.subarray(0, 32), okm.subarray(32, 64)];\n    return createHmac('sha256', a).update(data).digest('hex');\n  } finally {\n    okm.fill(0);\n  }\n}\n" }] },
      ],
    },
  ],
});

createRuleTester().run('no-plaintext-data-key-exposure (blind-s22 shapes)', noPlaintextDataKeyExposure, {
  valid: [
    {
      name: "a nonce logged through encodeBase64 is not a key",
      code: "import nacl from 'tweetnacl';\nimport { encodeBase64 } from 'tweetnacl-util';\nexport function seal(key: Uint8Array, msg: Uint8Array) {\n  const nonce = nacl.randomBytes(24);\n  console.log('nonce', encodeBase64(nonce));\n  return nacl.secretbox(msg, nonce, key);\n}\n",
      filename: 'case.ts',
    },
  ],
  invalid: [
    {
      name: "a shared secret logged through noble bytesToHex",
      code: "import { x25519 } from '@noble/curves/ed25519';\nimport { bytesToHex } from '@noble/hashes/utils';\nexport function debugHandshake(mySecret: Uint8Array, theirPublic: Uint8Array): void {\n  const shared = x25519.getSharedSecret(mySecret, theirPublic);\n  try {\n    console.debug('shared secret', bytesToHex(shared));\n  } finally {\n    shared.fill(0);\n  }\n}\n",
      filename: 'case.ts',
      errors: [
        { messageId: "secretLogged", line: 6, column: 5, suggestions: [] },
      ],
    },
    {
      name: "a secretbox key logged through tweetnacl-util encodeBase64",
      code: "import nacl from 'tweetnacl';\nimport { encodeBase64 } from 'tweetnacl-util';\nexport function newRoomKey(): Uint8Array {\n  const roomKey = nacl.randomBytes(32);\n  console.log('room key', encodeBase64(roomKey));\n  return roomKey;\n}\n",
      filename: 'case.ts',
      errors: [
        { messageId: "secretLogged", line: 5, column: 3, suggestions: [] },
      ],
    },
  ],
});

createRuleTester().run('no-key-reuse-across-purposes (blind-s22 shapes)', noKeyReuseAcrossPurposes, {
  valid: [
    {
      name: "VAPID details and an unrelated JWT secret",
      code: "import webpush from 'web-push';\nimport jwt from 'jsonwebtoken';\nwebpush.setVapidDetails('mailto:ops@example.com', process.env.VAPID_PUBLIC_KEY!, process.env.VAPID_PRIVATE_KEY!);\nexport function token(): string {\n  return jwt.sign({ svc: 'push' }, process.env.RECEIPTS_JWT_SECRET!, { algorithm: 'HS256' });\n}\n",
      filename: 'case.ts',
    },
    {
      name: "a private-field key pair from a constructor parameter used only to sign and verify",
      code: "import sodium from 'libsodium-wrappers-sumo';\nexport class Signer {\n  readonly #keys: { publicKey: Uint8Array; privateKey: Uint8Array };\n  constructor(keys: { publicKey: Uint8Array; privateKey: Uint8Array }) {\n    this.#keys = keys;\n  }\n  sign(msg: Uint8Array): Uint8Array {\n    return sodium.crypto_sign_detached(msg, this.#keys.privateKey);\n  }\n  check(msg: Uint8Array, sig: Uint8Array): boolean {\n    return sodium.crypto_sign_verify_detached(sig, msg, this.#keys.publicKey);\n  }\n}\n",
      filename: 'case.ts',
    },
  ],
  invalid: [
    {
      name: "a VAPID private key also used to agree ECDH keys",
      code: "import webpush from 'web-push';\nimport { createECDH } from 'node:crypto';\nconst { VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY } = process.env;\nwebpush.setVapidDetails('mailto:ops@example.com', VAPID_PUBLIC_KEY!, VAPID_PRIVATE_KEY!);\nexport function openReceipt(peer: Buffer): Buffer {\n  const ecdh = createECDH('prime256v1');\n  ecdh.setPrivateKey(Buffer.from(VAPID_PRIVATE_KEY!, 'base64url'));\n  return ecdh.computeSecret(peer);\n}\n",
      filename: 'case.ts',
      errors: [
        { messageId: "reusedKeyPair", line: 3, column: 27, suggestions: [] },
      ],
    },
    {
      name: "a libsodium key pair kept in a private field from a constructor parameter, signing and converted for sealed boxes",
      code: "import sodium from 'libsodium-wrappers-sumo';\nexport class Identity {\n  readonly #signKeys: { publicKey: Uint8Array; privateKey: Uint8Array };\n  constructor(keys: { publicKey: Uint8Array; privateKey: Uint8Array }) {\n    this.#signKeys = keys;\n  }\n  sign(msg: Uint8Array): Uint8Array {\n    return sodium.crypto_sign_detached(msg, this.#signKeys.privateKey);\n  }\n  open(sealed: Uint8Array): Uint8Array {\n    const pk = sodium.crypto_sign_ed25519_pk_to_curve25519(this.#signKeys.publicKey);\n    const sk = sodium.crypto_sign_ed25519_sk_to_curve25519(this.#signKeys.privateKey);\n    try {\n      return sodium.crypto_box_seal_open(sealed, pk, sk);\n    } finally {\n      sodium.memzero(sk);\n    }\n  }\n}\n",
      filename: 'case.ts',
      errors: [
        { messageId: "reusedKeyPair", line: 5, column: 10, suggestions: [] },
      ],
    },
  ],
});

createRuleTester().run('no-hardcoded-key (blind-s22 shapes)', noHardcodedKey, {
  valid: [
    {
      name: "a VAPID public key written in setVapidDetails (public by design)",
      code: "import webpush from 'web-push';\nwebpush.setVapidDetails('mailto:ops@example.com', 'BJV8apBzyN4l6VI3Yh3wnUlltZSkTHaycWyXpN1kgpLra9_pIB85PV6DoDKlWXjX3A-1o9O3K_GfPtM4rsYjwVg', process.env.VAPID_PRIVATE_KEY!);\n",
      filename: 'case.ts',
    },
  ],
  invalid: [
    {
      name: "a VAPID private key written in setVapidDetails",
      code: "import webpush from 'web-push';\nwebpush.setVapidDetails('mailto:ops@example.com', process.env.VAPID_PUBLIC_KEY!, 'DaDvmn4x2ZgTWXjjE37LbTjVf8AJ5ooKUBbKzi75p6M');\n",
      filename: 'case.ts',
      errors: [
        { messageId: "hardcodedKey", line: 2, column: 82, suggestions: [{ messageId: "readFromEnvironment", output: "import webpush from 'web-push';\nwebpush.setVapidDetails('mailto:ops@example.com', process.env.VAPID_PUBLIC_KEY!, requireEnv('SIGNING_KEY'));" + REQUIRE_ENV_TS + "\n" }] },
      ],
    },
  ],
});
