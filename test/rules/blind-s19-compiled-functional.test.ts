import minKeyStrength from '../../rules/min-key-strength';
import noHardcodedKey from '../../rules/no-hardcoded-key';
import noInsecureRandomness from '../../rules/no-insecure-randomness';
import noKeyReuse from '../../rules/no-key-reuse-across-purposes';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import requireKeyZeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the nineteenth blind set (part C: compiled output and functional styles) found missed or misjudged:
// modules reached through compilers' interop helpers (tsc `__importStar`/`__importDefault`, esbuild `__toESM`, Babel
// `_interopRequireWildcard`), a constant-named member (`crypto[METHOD]`), `await import('node:crypto')` (also through a
// caching getter), an ES module's `createRequire(import.meta.url)`, modelled functions called through `.call`, `.apply`
// and `Reflect.apply`, partial application (`fn.bind(null, KEY)`) carrying an argument to a parameter, a leading
// `subarray(0, n)` of a secret as the same secret, a public key only verified with (not reuse), a borrowed
// `Buffer.prototype.fill.call(key, 0)` wipe, a decoded ciphertext field only fed to a decipher (not key bytes), hash
// helpers composed with lodash `flow`/Ramda `compose` (the composition's name says the purpose), and a clock read
// signed by an HMAC (a claim, not randomness).

createRuleTester().run('no-weak-algorithm (blind-s19 compiled and functional styles)', noWeakAlgorithm, {
  "valid": [
    {
      "name": "__importStar of a module of the project (not node:crypto)",
      "code": "\"use strict\";\nvar __importStar = (this && this.__importStar) || function (mod) { return mod && mod.__esModule ? mod : { default: mod }; };\nconst crypto = __importStar(require(\"./crypto\"));\nfunction hashPassword(password, salt) {\n    return crypto.createHash(\"md5\").update(salt + password).digest(\"hex\");\n}\nexports.hashPassword = hashPassword;\n",
      "filename": "case.js",
      "languageOptions": { "sourceType": "commonjs" } as never
    },
    {
      "name": "a constant-named member that is not the cipher (crypto[HASH] with HASH = 'createHash' and SHA-256)",
      "code": "var crypto = _interopRequireWildcard(require(\"crypto\"));\nconst METHOD = \"createHash\";\nfunction digest(data) {\n  return crypto[METHOD](\"sha256\").update(data).digest(\"hex\");\n}\nmodule.exports = { digest };\n",
      "filename": "case.js",
      "languageOptions": { "sourceType": "commonjs" } as never
    },
    {
      "name": "createRequire loading a module of the project",
      "code": "import { createRequire } from 'module';\nconst require = createRequire(import.meta.url);\nconst jwt = require('./jwt-helpers');\nexport function check(token, key) {\n  return jwt.verify(token, key);\n}\n",
      "filename": "case.mjs"
    },
    {
      "name": "an MD5 helper composed with lodash flow into a file-name fingerprint",
      "code": "import { createHash } from 'node:crypto';\nimport flow from 'lodash/flow';\nconst md5 = (buf: Buffer): string => createHash('md5').update(buf).digest('hex');\nconst short = (hex: string): string => hex.slice(0, 10);\nexport const fingerprint = flow([md5, short]);\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "tsc's __importStar(require('crypto')) hashing a password with MD5",
      "code": "\"use strict\";\nvar __importStar = (this && this.__importStar) || function (mod) { return mod && mod.__esModule ? mod : { default: mod }; };\nconst crypto = __importStar(require(\"crypto\"));\nfunction hashPassword(password, salt) {\n    return crypto.createHash(\"md5\").update(salt + password).digest(\"hex\");\n}\nexports.hashPassword = hashPassword;\n",
      "filename": "case.js",
      "languageOptions": { "sourceType": "commonjs" } as never,
      "errors": [
        {
          "messageId": "weakHash",
          "line": 5,
          "column": 30,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "data": {
                "name": "MD5",
                "replacement": "sha256"
              },
              "output": "\"use strict\";\nvar __importStar = (this && this.__importStar) || function (mod) { return mod && mod.__esModule ? mod : { default: mod }; };\nconst crypto = __importStar(require(\"crypto\"));\nfunction hashPassword(password, salt) {\n    return crypto.createHash(\"sha256\").update(salt + password).digest(\"hex\");\n}\nexports.hashPassword = hashPassword;\n"
            }
          ]
        }
      ]
    },
    {
      "name": "esbuild's __toESM(require('jsonwebtoken')).default.verify without algorithms",
      "code": "var import_jsonwebtoken = __toESM(require(\"jsonwebtoken\"));\nfunction verifyStoreToken(token, key) {\n  return import_jsonwebtoken.default.verify(token, key);\n}\nmodule.exports = { verifyStoreToken };\n",
      "filename": "case.js",
      "languageOptions": { "sourceType": "commonjs" } as never,
      "errors": [
        {
          "messageId": "jwtUnpinned",
          "line": 3,
          "column": 38
        }
      ]
    },
    {
      "name": "Babel's _interopRequireWildcard(require('crypto')) with a constant-named member crypto[METHOD]",
      "code": "var crypto = _interopRequireWildcard(require(\"crypto\"));\nconst CIPHER = \"des-ede3-cbc\";\nconst METHOD = \"createCipheriv\";\nfunction seal(key, iv, text) {\n  const cipher = crypto[METHOD](CIPHER, key, iv);\n  return Buffer.concat([cipher.update(text), cipher.final()]);\n}\nmodule.exports = { seal };\n",
      "filename": "case.js",
      "languageOptions": { "sourceType": "commonjs" } as never,
      "errors": [
        {
          "messageId": "weakCipher",
          "line": 2,
          "column": 16
        }
      ]
    },
    {
      "name": "node:crypto loaded with await import() and cached by a getter",
      "code": "let cryptoModule;\nasync function nodeCrypto() {\n  cryptoModule ??= await import('node:crypto');\n  return cryptoModule;\n}\nexport async function encrypt(key, data) {\n  const { createCipheriv } = await nodeCrypto();\n  const cipher = createCipheriv('aes-128-ecb', key, null);\n  return Buffer.concat([cipher.update(data), cipher.final()]);\n}\n",
      "filename": "case.mjs",
      "errors": [
        {
          "messageId": "ecbMode",
          "line": 8,
          "column": 33
        }
      ]
    },
    {
      "name": "an ES module's createRequire(import.meta.url) loading jsonwebtoken",
      "code": "import { createRequire } from 'module';\nconst require = createRequire(import.meta.url);\nconst jwt = require('jsonwebtoken');\nexport function check(token, key) {\n  return jwt.verify(token, key);\n}\n",
      "filename": "case.mjs",
      "errors": [
        {
          "messageId": "jwtUnpinned",
          "line": 5,
          "column": 14
        }
      ]
    },
    {
      "name": "an MD5 helper composed with Ramda compose into a password digest",
      "code": "import { createHash } from 'node:crypto';\nimport * as R from 'ramda';\nconst md5 = (text: string): string => createHash('md5').update(text).digest('hex');\nexport const passwordDigest = R.compose(md5, (s: string) => s.normalize('NFKC'));\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 3,
          "column": 50,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "data": {
                "name": "MD5",
                "replacement": "sha256"
              },
              "output": "import { createHash } from 'node:crypto';\nimport * as R from 'ramda';\nconst md5 = (text: string): string => createHash('sha256').update(text).digest('hex');\nexport const passwordDigest = R.compose(md5, (s: string) => s.normalize('NFKC'));\n"
            }
          ]
        }
      ]
    }
  ]
});

createRuleTester().run('min-key-strength (blind-s19 compiled and functional styles)', minKeyStrength, {
  "valid": [
    {
      "name": "pbkdf2Sync through Reflect.apply and .apply at OWASP's iteration counts",
      "code": "import * as crypto from 'node:crypto';\nexport function a(p: string, salt: Buffer): Buffer {\n  return Reflect.apply(crypto.pbkdf2Sync, crypto, [p, salt, 600_000, 32, 'sha256']);\n}\nexport function b(p: string, salt: Buffer): Buffer {\n  return crypto.pbkdf2Sync.apply(crypto, [p, salt, 210_000, 64, 'sha512']);\n}\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "pbkdf2Sync called through Function.prototype.call with 5,000 iterations",
      "code": "import * as crypto from 'node:crypto';\nexport function deriveExportKey(passphrase: string, salt: Buffer): Buffer {\n  return crypto.pbkdf2Sync.call(crypto, passphrase, salt, 5000, 32, 'sha512');\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "lowIterations",
          "line": 3,
          "column": 59
        }
      ]
    },
    {
      "name": "pbkdf2Sync called through Reflect.apply with 10,000 iterations",
      "code": "import * as crypto from 'node:crypto';\nexport function deriveVaultKey(passphrase: string, salt: Buffer): Buffer {\n  return Reflect.apply(crypto.pbkdf2Sync, crypto, [passphrase, salt, 10_000, 32, 'sha256']);\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "lowIterations",
          "line": 3,
          "column": 70
        }
      ]
    }
  ]
});

createRuleTester().run('no-hardcoded-key (blind-s19 compiled and functional styles)', noHardcodedKey, {
  "valid": [
    {
      "name": "a key from the environment bound as the first argument, and a literal bound as the AAD",
      "code": "import { createCipheriv, randomBytes } from 'node:crypto';\nfunction seal(key: Buffer, aad: string, plain: Buffer): Buffer {\n  const iv = randomBytes(12);\n  const cipher = createCipheriv('aes-256-gcm', key, iv);\n  cipher.setAAD(Buffer.from(aad));\n  return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);\n}\nexport const sealDraft = seal.bind(null, Buffer.from(process.env.DRAFT_KEY_HEX ?? '', 'hex'), '9c4f0b7e2a1d3c5b6e8f0a2b4c6d8e0f');\n",
      "filename": "case.ts"
    },
    {
      "name": "fp-ts: an env lookup piped into O.getOrElse(() => '') (an empty fallback) and a numeric default",
      "code": "import * as O from 'fp-ts/Option';\nimport { pipe } from 'fp-ts/function';\nimport jwt from 'jsonwebtoken';\nconst env = (name: string): O.Option<string> => O.fromNullable(process.env[name]);\nconst signingSecret = pipe(env('ACCESS_TOKEN_SECRET'), O.getOrElse(() => ''));\nconst ttl = pipe(env('ACCESS_TTL'), O.map(Number), O.getOrElse(() => 900));\nexport const issue = (sub: string): string => jwt.sign({ sub }, signingSecret, { algorithm: 'HS256', expiresIn: ttl });\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "a literal key bound as the first argument of a sealer (seal.bind(null, KEY, aad))",
      "code": "import { createCipheriv, randomBytes } from 'node:crypto';\nfunction seal(key: Buffer, aad: string, plain: Buffer): Buffer {\n  const iv = randomBytes(12);\n  const cipher = createCipheriv('aes-256-gcm', key, iv);\n  cipher.setAAD(Buffer.from(aad));\n  return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);\n}\nexport const sealDraft = seal.bind(\n  null,\n  Buffer.from('9c4f0b7e2a1d3c5b6e8f0a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e2f4a6b8c0d', 'hex'),\n  'draft:v2',\n);\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 10,
          "column": 15,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "ENCRYPTION_KEY",
                "format": "hex, as written today"
              },
              "output": "import { createCipheriv, randomBytes } from 'node:crypto';\nfunction seal(key: Buffer, aad: string, plain: Buffer): Buffer {\n  const iv = randomBytes(12);\n  const cipher = createCipheriv('aes-256-gcm', key, iv);\n  cipher.setAAD(Buffer.from(aad));\n  return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);\n}\nexport const sealDraft = seal.bind(\n  null,\n  Buffer.from(requireEnv('ENCRYPTION_KEY'), 'hex'),\n  'draft:v2',\n);" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    },
    {
      "name": "fp-ts: an env lookup piped into O.getOrElse(() => '<hex secret>') signing JWTs",
      "code": "import * as O from 'fp-ts/Option';\nimport { pipe } from 'fp-ts/function';\nimport jwt from 'jsonwebtoken';\nconst env = (name: string): O.Option<string> => O.fromNullable(process.env[name]);\nconst signingSecret = pipe(\n  env('ACCESS_TOKEN_SECRET'),\n  O.getOrElse(() => '5be7c1d3a9f04e2b8c6d1a3f5e7b9c0d2e4f6a8b0c1d3e5f7a9b0c2d4e6f8a0b'),\n);\nexport const issue = (sub: string): string => jwt.sign({ sub }, signingSecret, { algorithm: 'HS256' });\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "hardcodedFallback",
          "line": 7,
          "column": 21,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "JWT_SECRET",
                "format": "the same hex string"
              },
              "output": "import * as O from 'fp-ts/Option';\nimport { pipe } from 'fp-ts/function';\nimport jwt from 'jsonwebtoken';\n\nconst JWT_SECRET = requireEnv('JWT_SECRET');\nconst env = (name: string): O.Option<string> => O.fromNullable(process.env[name]);\nconst signingSecret = pipe(\n  env('ACCESS_TOKEN_SECRET'),\n  O.getOrElse(() => JWT_SECRET),\n);\nexport const issue = (sub: string): string => jwt.sign({ sub }, signingSecret, { algorithm: 'HS256' });" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    }
  ]
});

createRuleTester().run('no-key-reuse-across-purposes (blind-s19 compiled and functional styles)', noKeyReuse, {
  "valid": [
    {
      "name": "one MAC key bound into two MAC helpers",
      "code": "import { createHmac } from 'node:crypto';\nfunction hmacHex(key: Buffer, data: string): string {\n  return createHmac('sha256', key).update(data).digest('hex');\n}\nfunction hmacB64(key: Buffer, data: string): string {\n  return createHmac('sha256', key).update(data).digest('base64');\n}\nconst macKey = Buffer.from(process.env.MAC_KEY_B64!, 'base64');\nexport const signWebhook = hmacHex.bind(null, macKey);\nexport const signLink = hmacB64.bind(null, macKey);\n",
      "filename": "case.ts"
    },
    {
      "name": "two halves of one 64-byte secret, one for AES and one for HMAC",
      "code": "const crypto = require(\"crypto\");\nconst OKM = Buffer.from(process.env.OKM_B64 ?? \"\", \"base64\");\nfunction mac(value) {\n  return crypto.createHmac(\"sha256\", OKM.subarray(32)).update(value).digest(\"base64url\");\n}\nfunction seal(text) {\n  const iv = crypto.randomBytes(12);\n  const cipher = crypto.createCipheriv(\"aes-256-gcm\", OKM.subarray(0, 32), iv);\n  return Buffer.concat([iv, cipher.update(text, \"utf8\"), cipher.final(), cipher.getAuthTag()]);\n}\nmodule.exports = { mac, seal };\n",
      "filename": "case.js",
      "languageOptions": { "sourceType": "commonjs" } as never
    },
    {
      "name": "a signer's public key used to verify its RSA signatures and its JWTs",
      "code": "const crypto = require(\"crypto\");\nconst jwt = require(\"jsonwebtoken\");\nconst STORE_PUBLIC_KEY = require(\"fs\").readFileSync(process.env.STORE_PUBLIC_KEY_PATH, \"utf8\");\nfunction verifyReceipt(payload, signature) {\n  const v = crypto.createVerify(\"RSA-SHA256\");\n  v.update(payload);\n  return v.verify(STORE_PUBLIC_KEY, signature, \"base64\");\n}\nfunction verifyStoreToken(token) {\n  return jwt.verify(token, STORE_PUBLIC_KEY);\n}\nmodule.exports = { verifyReceipt, verifyStoreToken };\n",
      "filename": "case.js",
      "languageOptions": { "sourceType": "commonjs" } as never
    }
  ],
  "invalid": [
    {
      "name": "one master key bound into an HMAC helper and an encryption helper",
      "code": "import { createCipheriv, createHmac, randomBytes } from 'node:crypto';\nfunction hmacHex(key: Buffer, data: string): string {\n  return createHmac('sha256', key).update(data).digest('hex');\n}\nfunction encryptB64(key: Buffer, data: string): string {\n  const iv = randomBytes(12);\n  const cipher = createCipheriv('aes-256-gcm', key, iv);\n  return Buffer.concat([iv, cipher.update(data, 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');\n}\nconst masterKey = Buffer.from(process.env.MASTER_KEY_B64!, 'base64');\nexport const signWebhook = hmacHex.bind(null, masterKey);\nexport const encryptNote = encryptB64.bind(null, masterKey);\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "reused",
          "line": 10,
          "column": 7,
          "suggestions": [
            {
              "messageId": "deriveSubkeys",
              "data": {
                "name": "`masterKey`"
              },
              "output": "import { createCipheriv, createHmac, randomBytes, hkdfSync } from 'node:crypto';\nfunction hmacHex(key: Buffer, data: string): string {\n  return createHmac('sha256', Buffer.from(hkdfSync('sha256', key, new Uint8Array(0), 'keywarden:mac', 32))).update(data).digest('hex');\n}\nfunction encryptB64(key: Buffer, data: string): string {\n  const iv = randomBytes(12);\n  const cipher = createCipheriv('aes-256-gcm', Buffer.from(hkdfSync('sha256', key, new Uint8Array(0), 'keywarden:encrypt', 32)), iv);\n  return Buffer.concat([iv, cipher.update(data, 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');\n}\nconst masterKey = Buffer.from(process.env.MASTER_KEY_B64!, 'base64');\nexport const signWebhook = hmacHex.bind(null, masterKey);\nexport const encryptNote = encryptB64.bind(null, masterKey);\n"
            }
          ]
        }
      ]
    },
    {
      "name": "a secret used whole as an HMAC key and its first 32 bytes as an AES key",
      "code": "const crypto_1 = require(\"crypto\");\nconst APP_SECRET = Buffer.from(process.env.APP_SECRET ?? \"\", \"base64\");\nfunction mac(value) {\n  return (0, crypto_1.createHmac)(\"sha256\", APP_SECRET).update(value).digest(\"base64url\");\n}\nfunction seal(text) {\n  const iv = (0, crypto_1.randomBytes)(12);\n  const cipher = (0, crypto_1.createCipheriv)(\"aes-256-gcm\", APP_SECRET.subarray(0, 32), iv);\n  return Buffer.concat([iv, cipher.update(text, \"utf8\"), cipher.final(), cipher.getAuthTag()]);\n}\nmodule.exports = { mac, seal };\n",
      "filename": "case.js",
      "languageOptions": { "sourceType": "commonjs" } as never,
      "errors": [
        {
          "messageId": "reused",
          "line": 2,
          "column": 7
        }
      ]
    }
  ]
});

createRuleTester().run('require-key-zeroization (blind-s19 compiled and functional styles)', requireKeyZeroization, {
  "valid": [
    {
      "name": "a derived key wiped in finally with a borrowed Buffer.prototype.fill",
      "code": "import * as crypto from 'node:crypto';\nconst fill = Buffer.prototype.fill;\nexport function open(passphrase: string, salt: Buffer, iv: Buffer, tag: Buffer, body: Buffer): Buffer {\n  const key = crypto.scryptSync(passphrase, salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });\n  try {\n    const d = crypto.createDecipheriv('aes-256-gcm', key, iv);\n    d.setAuthTag(tag);\n    return Buffer.concat([d.update(body), d.final()]);\n  } finally {\n    fill.call(key, 0);\n  }\n}\n",
      "filename": "case.ts"
    },
    {
      "name": "a buffer decoded from an encrypted 'secrets' field only cut into IV, tag and body for a decipher",
      "code": "const crypto = require('crypto');\nfunction openSecrets(profile, key) {\n  const blob = Buffer.from(profile.secrets, 'base64');\n  const decipher = crypto.createDecipheriv('aes-256-gcm', key, blob.subarray(0, 12));\n  decipher.setAuthTag(blob.subarray(12, 28));\n  return JSON.parse(Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]).toString('utf8'));\n}\nmodule.exports = { openSecrets };\n",
      "filename": "case.js",
      "languageOptions": { "sourceType": "commonjs" } as never
    }
  ],
  "invalid": [
    {
      "name": "a borrowed fill that wipes another buffer than the key",
      "code": "import * as crypto from 'node:crypto';\nexport function open(passphrase: string, salt: Buffer, iv: Buffer, tag: Buffer, body: Buffer): Buffer {\n  const key = crypto.scryptSync(passphrase, salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });\n  try {\n    const d = crypto.createDecipheriv('aes-256-gcm', key, iv);\n    d.setAuthTag(tag);\n    return Buffer.concat([d.update(body), d.final()]);\n  } finally {\n    Buffer.prototype.fill.call(salt, 0);\n  }\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "notWiped",
          "line": 3,
          "column": 9,
          "suggestions": [
            {
              "messageId": "wrapInTryFinally",
              "data": {
                "name": "key",
                "what": "a derived key",
                "wipe": "key.fill(0)"
              },
              "output": "import * as crypto from 'node:crypto';\nexport function open(passphrase: string, salt: Buffer, iv: Buffer, tag: Buffer, body: Buffer): Buffer {\n  const key = crypto.scryptSync(passphrase, salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });\n  try {\n    const d = crypto.createDecipheriv('aes-256-gcm', key, iv);\n    d.setAuthTag(tag);\n    return Buffer.concat([d.update(body), d.final()]);\n  } finally {\n    Buffer.prototype.fill.call(salt, 0);\n    key.fill(0);\n  }\n}\n"
            }
          ]
        }
      ]
    },
    {
      "name": "a decoded secret encrypted by a cipher is still a copy of the secret",
      "code": "const crypto = require('crypto');\nfunction sealSecret(profile, key) {\n  const secret = Buffer.from(profile.apiSecret, 'base64');\n  const iv = crypto.randomBytes(12);\n  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);\n  return Buffer.concat([iv, cipher.update(secret), cipher.final(), cipher.getAuthTag()]);\n}\nmodule.exports = { sealSecret };\n",
      "filename": "case.js",
      "languageOptions": { "sourceType": "commonjs" } as never,
      "errors": [
        {
          "messageId": "notWiped",
          "line": 3,
          "column": 9,
          "suggestions": [
            {
              "messageId": "wrapInTryFinally",
              "data": {
                "name": "secret",
                "what": "a copy of a secret",
                "wipe": "secret.fill(0)"
              },
              "output": "const crypto = require('crypto');\nfunction sealSecret(profile, key) {\n  const secret = Buffer.from(profile.apiSecret, 'base64');\n  try {\n    const iv = crypto.randomBytes(12);\n    const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);\n    return Buffer.concat([iv, cipher.update(secret), cipher.final(), cipher.getAuthTag()]);\n  } finally {\n    secret.fill(0);\n  }\n}\nmodule.exports = { sealSecret };\n"
            }
          ]
        }
      ]
    }
  ]
});

createRuleTester().run('no-insecure-randomness (blind-s19 compiled and functional styles)', noInsecureRandomness, {
  "valid": [
    {
      "name": "a session cookie of a user id and the time, signed with an HMAC helper",
      "code": "const crypto = require(\"crypto\");\nfunction mac(value) {\n  return crypto.createHmac(\"sha256\", process.env.COOKIE_SECRET).update(value).digest(\"base64url\");\n}\nfunction issueSessionCookie(userId) {\n  const value = `${userId}.${Date.now()}`;\n  return `${value}.${mac(value)}`;\n}\nmodule.exports = { issueSessionCookie };\n",
      "filename": "case.js",
      "languageOptions": { "sourceType": "commonjs" } as never
    }
  ],
  "invalid": [
    {
      "name": "a session cookie of a user id and the time, hashed with SHA-256 (no key)",
      "code": "const crypto = require(\"crypto\");\nfunction digest(value) {\n  return crypto.createHash(\"sha256\").update(value).digest(\"base64url\");\n}\nfunction issueSessionCookie(userId) {\n  const value = `${userId}.${Date.now()}`;\n  return `${value}.${digest(value)}`;\n}\nmodule.exports = { issueSessionCookie };\n",
      "filename": "case.js",
      "languageOptions": { "sourceType": "commonjs" } as never,
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 6,
          "column": 30
        }
      ]
    }
  ]
});
