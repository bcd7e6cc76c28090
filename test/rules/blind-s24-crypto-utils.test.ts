import noHardcodedKey from '../../rules/no-hardcoded-key';
import noKeyReuseAcrossPurposes from '../../rules/no-key-reuse-across-purposes';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import requireKeyZeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the twenty-fourth blind set (part B: crypto utility libraries of monorepos — `packages/crypto-utils`,
// `libs/security`, `src/common/crypto` — and their tests) found missed or misjudged: a key bound through a conditional
// whose other branch is `null` (`const oldKey = row ? scryptSync(…) : null`) holds key bytes; a copy no binding keeps,
// handed straight to a call that uses it as a key (`openWithKey(Buffer.from(Plaintext), …)`,
// `createCipheriv(alg, Uint8Array.from(key), iv)`), is the key in use, so a straight-line wipe after that call is
// happy-path only; a cipher table entry read through a local lookup helper (`strategyFor(scheme)` returning
// `CIPHERS[scheme]` after a check) is picked at run time like `CIPHERS[scheme]` itself; and a fallback constant whose own
// name says key id (`env.DATA_KEY_CURRENT ?? DEFAULT_CURRENT_KID`) is not a hardcoded key. Found probing after the set: one
// HKDF derivation (same input, salt and info) stored in two class fields that encrypt and MAC is one key (decision 20),
// as it already was for two locals; and awaiting the promise whose `finally` wipes the key
// (`await use(key).finally(() => key.fill(0))`) waits for that wipe, as returning it does (decision 18).

createRuleTester().run("require-key-zeroization (blind-s24 shapes)", requireKeyZeroization, {
  valid: [
    {
      name: "awaiting the promise whose finally wipes the key (`await use(key).finally(() => key.fill(0))`)",
      code: "import { hkdfSync } from 'node:crypto';\nexport async function withJobKey(master: Buffer, use: (key: Buffer) => Promise<string>): Promise<string> {\n  const jobKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'job', 32));\n  const out = await use(jobKey).finally(() => jobKey.fill(0));\n  return out.trim();\n}\n",
      filename: 'case.ts',
    },
    {
      name: "`cond ? scryptSync(…) : undefined` wiped in the finally opened right after the guard",
      code: "import { createDecipheriv, scryptSync } from 'node:crypto';\nexport function open(passphrase: string, field: { salt: string; iv: string; data: string } | null): string | null {\n  const key = field ? scryptSync(passphrase, Buffer.from(field.salt, 'base64'), 32, { N: 2 ** 17, maxmem: 256 * 1024 * 1024 }) : undefined;\n  if (!field || !key) return null;\n  try {\n    const decipher = createDecipheriv('aes-256-cbc', key, Buffer.from(field.iv, 'base64'));\n    return Buffer.concat([decipher.update(Buffer.from(field.data, 'base64')), decipher.final()]).toString('utf8');\n  } finally {\n    key.fill(0);\n  }\n}\n",
      filename: 'case.ts',
    },
    {
      name: "a copy of the plaintext kept in a module cache, the original wiped right after the copy",
      code: "import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';\nconst kms = new KMSClient({});\nconst cache = new Map<string, Buffer>();\nexport async function warm(id: string, wrapped: Uint8Array): Promise<void> {\n  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped }));\n  if (!Plaintext) throw new Error('no plaintext');\n  cache.set(id, Buffer.from(Plaintext));\n  Plaintext.fill(0);\n}\n",
      filename: 'case.ts',
    },
    {
      name: "a copy imported into a KeyObject, the original wiped right after",
      code: "import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';\nimport { createSecretKey, type KeyObject } from 'node:crypto';\nconst kms = new KMSClient({});\nexport async function unwrap(wrapped: Uint8Array): Promise<KeyObject> {\n  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped }));\n  if (!Plaintext) throw new Error('no plaintext');\n  const key = createSecretKey(Buffer.from(Plaintext));\n  Plaintext.fill(0);\n  return key;\n}\n",
      filename: 'case.ts',
    },
  ],
  invalid: [
    {
      name: "an await before the awaited promise whose finally wipes the key still leaves it unwiped",
      code: "import { hkdfSync } from 'node:crypto';\nexport async function withJobKey(master: Buffer, use: (key: Buffer) => Promise<void>, ready: () => Promise<void>): Promise<void> {\n  const jobKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'job', 32));\n  await ready();\n  await use(jobKey).finally(() => jobKey.fill(0));\n}\n",
      filename: 'case.ts',
      errors: [{ messageId: "wipedOnHappyPathOnly", line: 3, suggestions: [{ messageId: "wrapInTryFinally", output: "import { hkdfSync } from 'node:crypto';\nexport async function withJobKey(master: Buffer, use: (key: Buffer) => Promise<void>, ready: () => Promise<void>): Promise<void> {\n  const jobKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'job', 32));\n  try {\n    await ready();\n    await use(jobKey).finally(() => jobKey.fill(0));\n  } finally {\n    jobKey.fill(0);\n  }\n}\n" }] }],
    },
    {
      name: "a key bound through `cond ? scryptSync(…) : null`, with an await before its try/finally",
      code: "import { createDecipheriv, scryptSync } from 'node:crypto';\nexport async function reencrypt(audit: { record(e: string): Promise<void> }, passphrase: string, field: { salt: string; iv: string; data: string } | null): Promise<string | null> {\n  const oldKey = field ? scryptSync(passphrase, Buffer.from(field.salt, 'base64'), 32, { N: 2 ** 17, maxmem: 256 * 1024 * 1024 }) : null;\n  if (!field || !oldKey) return null;\n  await audit.record('field.reencrypt');\n  try {\n    const decipher = createDecipheriv('aes-256-cbc', oldKey, Buffer.from(field.iv, 'base64'));\n    return Buffer.concat([decipher.update(Buffer.from(field.data, 'base64')), decipher.final()]).toString('utf8');\n  } finally {\n    oldKey.fill(0);\n  }\n}\n",
      filename: 'case.ts',
      errors: [{ messageId: "wipedOnHappyPathOnly", line: 3, suggestions: [{ messageId: "wrapInTryFinally", output: "import { createDecipheriv, scryptSync } from 'node:crypto';\nexport async function reencrypt(audit: { record(e: string): Promise<void> }, passphrase: string, field: { salt: string; iv: string; data: string } | null): Promise<string | null> {\n  const oldKey = field ? scryptSync(passphrase, Buffer.from(field.salt, 'base64'), 32, { N: 2 ** 17, maxmem: 256 * 1024 * 1024 }) : null;\n  if (!field || !oldKey) return null;\n  try {\n    await audit.record('field.reencrypt');\n    try {\n      const decipher = createDecipheriv('aes-256-cbc', oldKey, Buffer.from(field.iv, 'base64'));\n      return Buffer.concat([decipher.update(Buffer.from(field.data, 'base64')), decipher.final()]).toString('utf8');\n    } finally {\n      oldKey.fill(0);\n    }\n  } finally {\n    oldKey.fill(0);\n  }\n}\n" }] }],
    },
    {
      name: "a KMS plaintext copied straight into a local helper that decrypts with it, wiped after the helper without try/finally",
      code: "import { DecryptCommand, type KMSClient } from '@aws-sdk/client-kms';\nimport { createDecipheriv } from 'node:crypto';\nfunction openWithKey(key: Buffer, iv: Buffer, body: Buffer): Buffer {\n  const decipher = createDecipheriv('aes-256-gcm', key, iv);\n  return Buffer.concat([decipher.update(body), decipher.final()]);\n}\nexport async function open(kms: KMSClient, wrapped: Buffer, iv: Buffer, body: Buffer): Promise<Buffer> {\n  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped }));\n  if (!Plaintext) throw new Error('KMS returned no plaintext');\n  const result = openWithKey(Buffer.from(Plaintext), iv, body);\n  Plaintext.fill(0);\n  return result;\n}\n",
      filename: 'case.ts',
      errors: [{ messageId: "wipedOnHappyPathOnly", line: 8, suggestions: [{ messageId: "wrapInTryFinally", output: "import { DecryptCommand, type KMSClient } from '@aws-sdk/client-kms';\nimport { createDecipheriv } from 'node:crypto';\nfunction openWithKey(key: Buffer, iv: Buffer, body: Buffer): Buffer {\n  const decipher = createDecipheriv('aes-256-gcm', key, iv);\n  return Buffer.concat([decipher.update(body), decipher.final()]);\n}\nexport async function open(kms: KMSClient, wrapped: Buffer, iv: Buffer, body: Buffer): Promise<Buffer> {\n  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped }));\n  if (!Plaintext) throw new Error('KMS returned no plaintext');\n  try {\n    const result = openWithKey(Buffer.from(Plaintext), iv, body);\n    return result;\n  } finally {\n    Plaintext?.fill(0);\n  }\n}\n" }] }],
    },
    {
      name: "a typed-array copy handed straight to createCipheriv before a straight-line wipe",
      code: "import { createCipheriv, randomBytes } from 'node:crypto';\nexport function seal(secret: string, data: Buffer): Buffer {\n  const key = Buffer.from(secret, 'base64');\n  const iv = randomBytes(12);\n  const cipher = createCipheriv('aes-256-gcm', Uint8Array.from(key), iv);\n  const body = Buffer.concat([cipher.update(data), cipher.final()]);\n  key.fill(0);\n  return Buffer.concat([iv, cipher.getAuthTag(), body]);\n}\n",
      filename: 'case.ts',
      errors: [{ messageId: "wipedOnHappyPathOnly", line: 3, suggestions: [{ messageId: "wrapInTryFinally", output: "import { createCipheriv, randomBytes } from 'node:crypto';\nexport function seal(secret: string, data: Buffer): Buffer {\n  const key = Buffer.from(secret, 'base64');\n  try {\n    const iv = randomBytes(12);\n    const cipher = createCipheriv('aes-256-gcm', Uint8Array.from(key), iv);\n    const body = Buffer.concat([cipher.update(data), cipher.final()]);\n    return Buffer.concat([iv, cipher.getAuthTag(), body]);\n  } finally {\n    key.fill(0);\n  }\n}\n" }] }],
    },
  ],
});

createRuleTester().run("no-weak-algorithm (blind-s24 shapes)", noWeakAlgorithm, {
  valid: [
    {
      name: "a legacy format table read through a lookup helper by decrypt calls only (format support)",
      code: "import { createDecipheriv } from 'node:crypto';\nconst LEGACY_FORMATS = {\n  1: { name: 'bf-cbc', ivLength: 8 },\n  2: { name: 'des-ede3-cbc', ivLength: 8 },\n};\nfunction formatFor(version: 1 | 2) {\n  const format = LEGACY_FORMATS[version];\n  if (!format) throw new RangeError(`unknown format ${version}`);\n  return format;\n}\nexport function readLegacy(version: 1 | 2, key: Buffer, blob: Buffer): Buffer {\n  const format = formatFor(version);\n  const decipher = createDecipheriv(format.name, key, blob.subarray(0, format.ivLength));\n  return Buffer.concat([decipher.update(blob.subarray(format.ivLength)), decipher.final()]);\n}\n",
      filename: 'case.ts',
    },
  ],
  invalid: [
    {
      name: "a 3DES entry that an encrypt call reads through a local lookup helper (`strategyFor(scheme)`)",
      code: "import { createCipheriv, randomBytes } from 'node:crypto';\nconst CIPHERS = {\n  current: { name: 'aes-256-gcm', ivLength: 12 },\n  legacy: { name: 'des-ede3-cbc', ivLength: 8 },\n};\nfunction strategyFor(scheme: keyof typeof CIPHERS) {\n  const strategy = CIPHERS[scheme];\n  if (!strategy) throw new RangeError(`unknown scheme ${scheme}`);\n  return strategy;\n}\nexport function encryptWith(scheme: keyof typeof CIPHERS, key: Buffer, data: Buffer): Buffer {\n  const strategy = strategyFor(scheme);\n  const iv = randomBytes(strategy.ivLength);\n  const cipher = createCipheriv(strategy.name, key, iv);\n  return Buffer.concat([iv, cipher.update(data), cipher.final()]);\n}\n",
      filename: 'case.ts',
      errors: [{ messageId: "weakCipher", line: 4 }],
    },
  ],
});

createRuleTester().run("no-hardcoded-key (blind-s24 shapes)", noHardcodedKey, {
  valid: [
    {
      name: "a key-named variable whose fallback is a constant named as a key id (`DEFAULT_CURRENT_KID`)",
      code: "import { createSecretKey, type KeyObject } from 'node:crypto';\nconst DEFAULT_CURRENT_KID = 'k2025-01';\nexport function currentKey(keys: Map<string, KeyObject>, env: NodeJS.ProcessEnv = process.env): KeyObject | undefined {\n  return keys.get(env.DATA_KEY_CURRENT ?? DEFAULT_CURRENT_KID);\n}\nexport function load(value: string): KeyObject {\n  return createSecretKey(Buffer.from(value, 'base64'));\n}\n",
      filename: 'case.ts',
    },
  ],
  invalid: [
    {
      name: "the same variable with a fallback constant named as a key is still a hardcoded fallback",
      code: "import { createHmac } from 'node:crypto';\nconst DEV_CURRENT_KEY = 'dev-current-data-key';\nexport function mac(data: string): string {\n  return createHmac('sha256', process.env.DATA_KEY_CURRENT ?? DEV_CURRENT_KEY).update(data).digest('hex');\n}\n",
      filename: 'case.ts',
      errors: [{ messageId: "hardcodedFallback", line: 2, suggestions: [{ messageId: "readFromEnvironment", output: "import { createHmac } from 'node:crypto';\nconst DEV_CURRENT_KEY = requireEnv('DEV_CURRENT_KEY');\nexport function mac(data: string): string {\n  return createHmac('sha256', process.env.DATA_KEY_CURRENT ?? DEV_CURRENT_KEY).update(data).digest('hex');\n}" + REQUIRE_ENV_TS + "\n" }] }],
    },
  ],
});

createRuleTester().run("no-key-reuse-across-purposes (blind-s24 shapes)", noKeyReuseAcrossPurposes, {
  valid: [
    {
      name: "fields holding HKDF subkeys with distinct info labels",
      code: "import { createCipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';\nconst MASTER = Buffer.from(process.env.MASTER_KEY ?? '', 'base64');\nexport class TokenBox {\n  readonly #enc: Buffer;\n  readonly #mac: Buffer;\n  constructor() {\n    this.#enc = Buffer.from(hkdfSync('sha256', MASTER, Buffer.alloc(0), 'box', 32));\n    this.#mac = Buffer.from(hkdfSync('sha256', MASTER, Buffer.alloc(0), 'box/mac', 32));\n  }\n  seal(d: Buffer) {\n    const c = createCipheriv('aes-256-gcm', this.#enc, randomBytes(12));\n    const body = Buffer.concat([c.update(d), c.final()]);\n    return Buffer.concat([body, createHmac('sha256', this.#mac).update(body).digest()]);\n  }\n}\nexport class TokenBox2 {\n  private readonly enc: Buffer;\n  private readonly mac: Buffer;\n  constructor(master: Buffer) {\n    this.enc = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'box', 32));\n    this.mac = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'box/mac', 32));\n  }\n  seal(d: Buffer) {\n    const c = createCipheriv('aes-256-gcm', this.enc, randomBytes(12));\n    const body = Buffer.concat([c.update(d), c.final()]);\n    return Buffer.concat([body, createHmac('sha256', this.mac).update(body).digest()]);\n  }\n}\n\n",
      filename: 'case.ts',
    },
  ],
  invalid: [
    {
      name: "one HKDF derivation (same master, salt and info) stored in two fields, one encrypting and one keying an HMAC",
      code: "import { createCipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';\nconst MASTER = Buffer.from(process.env.MASTER_KEY ?? '', 'base64');\nexport class TokenBox {\n  readonly #enc: Buffer;\n  readonly #mac: Buffer;\n  constructor() {\n    this.#enc = Buffer.from(hkdfSync('sha256', MASTER, Buffer.alloc(0), 'box', 32));\n    this.#mac = Buffer.from(hkdfSync('sha256', MASTER, Buffer.alloc(0), 'box', 32));\n  }\n  seal(d: Buffer) {\n    const c = createCipheriv('aes-256-gcm', this.#enc, randomBytes(12));\n    const body = Buffer.concat([c.update(d), c.final()]);\n    return Buffer.concat([body, createHmac('sha256', this.#mac).update(body).digest()]);\n  }\n}\nexport class TokenBox2 {\n  private readonly enc: Buffer;\n  private readonly mac: Buffer;\n  constructor(master: Buffer) {\n    this.enc = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'box', 32));\n    this.mac = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'box', 32));\n  }\n  seal(d: Buffer) {\n    const c = createCipheriv('aes-256-gcm', this.enc, randomBytes(12));\n    const body = Buffer.concat([c.update(d), c.final()]);\n    return Buffer.concat([body, createHmac('sha256', this.mac).update(body).digest()]);\n  }\n}\n",
      filename: 'case.ts',
      errors: [{ messageId: "reused", line: 2, suggestions: [{ messageId: "deriveSubkeys", output: "import { createCipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';\nconst MASTER = Buffer.from(process.env.MASTER_KEY ?? '', 'base64');\nexport class TokenBox {\n  readonly #enc: Buffer;\n  readonly #mac: Buffer;\n  constructor() {\n    this.#enc = Buffer.from(hkdfSync('sha256', MASTER, Buffer.alloc(0), 'box', 32));\n    this.#mac = Buffer.from(hkdfSync('sha256', MASTER, Buffer.alloc(0), 'box', 32));\n  }\n  seal(d: Buffer) {\n    const c = createCipheriv('aes-256-gcm', Buffer.from(hkdfSync('sha256', this.#enc, new Uint8Array(0), 'keywarden:encrypt', 32)), randomBytes(12));\n    const body = Buffer.concat([c.update(d), c.final()]);\n    return Buffer.concat([body, createHmac('sha256', Buffer.from(hkdfSync('sha256', this.#mac, new Uint8Array(0), 'keywarden:mac', 32))).update(body).digest()]);\n  }\n}\nexport class TokenBox2 {\n  private readonly enc: Buffer;\n  private readonly mac: Buffer;\n  constructor(master: Buffer) {\n    this.enc = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'box', 32));\n    this.mac = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'box', 32));\n  }\n  seal(d: Buffer) {\n    const c = createCipheriv('aes-256-gcm', this.enc, randomBytes(12));\n    const body = Buffer.concat([c.update(d), c.final()]);\n    return Buffer.concat([body, createHmac('sha256', this.mac).update(body).digest()]);\n  }\n}\n" }] }, { messageId: "reused", line: 20, suggestions: [{ messageId: "deriveSubkeys", output: "import { createCipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';\nconst MASTER = Buffer.from(process.env.MASTER_KEY ?? '', 'base64');\nexport class TokenBox {\n  readonly #enc: Buffer;\n  readonly #mac: Buffer;\n  constructor() {\n    this.#enc = Buffer.from(hkdfSync('sha256', MASTER, Buffer.alloc(0), 'box', 32));\n    this.#mac = Buffer.from(hkdfSync('sha256', MASTER, Buffer.alloc(0), 'box', 32));\n  }\n  seal(d: Buffer) {\n    const c = createCipheriv('aes-256-gcm', this.#enc, randomBytes(12));\n    const body = Buffer.concat([c.update(d), c.final()]);\n    return Buffer.concat([body, createHmac('sha256', this.#mac).update(body).digest()]);\n  }\n}\nexport class TokenBox2 {\n  private readonly enc: Buffer;\n  private readonly mac: Buffer;\n  constructor(master: Buffer) {\n    this.enc = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'box', 32));\n    this.mac = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'box', 32));\n  }\n  seal(d: Buffer) {\n    const c = createCipheriv('aes-256-gcm', Buffer.from(hkdfSync('sha256', this.enc, new Uint8Array(0), 'keywarden:encrypt', 32)), randomBytes(12));\n    const body = Buffer.concat([c.update(d), c.final()]);\n    return Buffer.concat([body, createHmac('sha256', Buffer.from(hkdfSync('sha256', this.mac, new Uint8Array(0), 'keywarden:mac', 32))).update(body).digest()]);\n  }\n}\n" }] }],
    },
  ],
});

