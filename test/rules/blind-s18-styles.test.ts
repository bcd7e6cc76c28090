import noHardcodedKey from '../../rules/no-hardcoded-key';
import noInsecureRandomness from '../../rules/no-insecure-randomness';
import noKeyReuse from '../../rules/no-key-reuse-across-purposes';
import noPlaintextDataKeyExposure from '../../rules/no-plaintext-data-key-exposure';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the eighteenth blind set (part C: code styles the corpus had little of) found missed: UMD wrappers whose
// factory receives `require('crypto')` as a parameter, pre-ES2015 prototype classes (a field assigned in the
// constructor function and read by `X.prototype.*` methods; a method called as `this.m(…)` whose return value is
// a token), keys exported by a TypeScript namespace and read as `Ns.key`, and a KMS Decrypt of a wrapped
// non-key secret (`wrappedRefreshToken`), which is a secret its caller uses rather than a data key.
// Also: a binary string decoded into bytes by a `charCodeAt` loop helper (what `atob` gives: the helper returns the
// decoded key), and a zero-argument helper returning one checked `process.env.X` (that environment setting, as
// `getSecret('X')` is).
// And a cipher table read through a local lookup helper (`pick(CIPHERS, profile, 'balanced')` returning
// `table[key ?? fallback]`): each entry of the table it is given, as a direct `CIPHERS[profile]` is.

createRuleTester().run("no-hardcoded-key (blind-s18 styles)", noHardcodedKey, {
  valid: [
    {
      "name": "a UMD factory whose parameter is filled with another module",
      "code": "(function (root, factory) {\n  if (typeof module === 'object' && module.exports) module.exports = factory(require('./my-crypto'));\n  else root.Signer = factory(root.myCrypto);\n})(this, function (crypto) {\n  var V = 'f0e1d2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a5968778695a4b3c2d1e0f';\n  return function sign(msg) { return crypto.createHmac('sha256', V).update(msg).digest('hex'); };\n});\n",
      "filename": "case.js",
      "languageOptions": { "sourceType": "script" } as never
    },
    {
      "name": "a charCodeAt loop helper decoding a key that comes from the page's configuration",
      "code": "declare const window: { __CONFIG__: { previewKey: string } };\nfunction toBytes(binary: string): Uint8Array {\n  const out = new Uint8Array(binary.length);\n  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);\n  return out;\n}\nexport async function verify(payload: string, sig: Uint8Array): Promise<boolean> {\n  const key = await crypto.subtle.importKey('raw', toBytes(atob(window.__CONFIG__.previewKey)), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);\n  return crypto.subtle.verify('HMAC', key, sig, new TextEncoder().encode(payload));\n}\n",
      "filename": "case.ts"
    }
  ],
  invalid: [
    {
      "name": "a UMD factory's crypto parameter (CommonJS passes require('crypto')) keys an HMAC with a literal",
      "code": "(function (root, factory) {\n  if (typeof module === 'object' && module.exports) module.exports = factory(require('crypto'));\n  else root.Signer = factory(root.crypto);\n})(this, function (crypto) {\n  var KEY = 'f0e1d2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a5968778695a4b3c2d1e0f';\n  return function sign(msg) { return crypto.createHmac('sha256', KEY).update(msg).digest('hex'); };\n});\n",
      "filename": "case.js",
      "languageOptions": { "sourceType": "script" } as never,
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 5,
          "column": 13
        }
      ]
    },
    {
      "name": "an atob key decoded into bytes by a charCodeAt loop helper and imported as an HMAC key",
      "code": "const KEY_B64 = atob('q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=');\nfunction toBytes(binary: string): Uint8Array {\n  const out = new Uint8Array(binary.length);\n  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);\n  return out;\n}\nexport async function verify(payload: string, sig: Uint8Array): Promise<boolean> {\n  const key = await crypto.subtle.importKey('raw', toBytes(KEY_B64), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);\n  return crypto.subtle.verify('HMAC', key, sig, new TextEncoder().encode(payload));\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 1,
          "column": 22,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "SECRET_KEY",
                "format": "the same string"
              },
              "output": "const KEY_B64 = atob(requireEnv('SECRET_KEY'));\nfunction toBytes(binary: string): Uint8Array {\n  const out = new Uint8Array(binary.length);\n  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);\n  return out;\n}\nexport async function verify(payload: string, sig: Uint8Array): Promise<boolean> {\n  const key = await crypto.subtle.importKey('raw', toBytes(KEY_B64), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);\n  return crypto.subtle.verify('HMAC', key, sig, new TextEncoder().encode(payload));\n}" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    }
  ],
});

createRuleTester().run("no-insecure-randomness (blind-s18 styles)", noInsecureRandomness, {
  valid: [
    {
      "name": "Math.random in a prototype method whose result is an avatar colour",
      "code": "function Avatars(palette) {\n  this.palette = palette;\n}\nAvatars.prototype.pick = function () {\n  return this.palette[Math.floor(Math.random() * this.palette.length)];\n};\nAvatars.prototype.colourFor = function (user) {\n  var colour = this.pick();\n  return { userId: user.id, colour: colour };\n};\nmodule.exports = Avatars;\n",
      "filename": "case.js",
      "languageOptions": { "sourceType": "commonjs" } as never
    }
  ],
  invalid: [
    {
      "name": "Math.random in a prototype method whose result becomes a reset token",
      "code": "function TokenFactory(store) {\n  this.store = store;\n}\nTokenFactory.prototype.randomString = function (length) {\n  var out = '';\n  for (var i = 0; i < length; i++) out += 'abcdefghijkmnpqrstuvwxyz23456789'.charAt(Math.floor(Math.random() * 32));\n  return out;\n};\nTokenFactory.prototype.createResetToken = function (user) {\n  var token = this.randomString(32);\n  return this.store.save({ userId: user.id, token: token });\n};\nmodule.exports = TokenFactory;\n",
      "filename": "case.js",
      "languageOptions": { "sourceType": "commonjs" } as never,
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 6,
          "column": 96
        }
      ]
    }
  ],
});

createRuleTester().run("no-key-reuse-across-purposes (blind-s18 styles)", noKeyReuse, {
  valid: [
    {
      "name": "a prototype class with one key for HMAC sign and verify",
      "code": "var crypto = require('crypto');\nfunction HookSigner(secret) {\n  this.secret = secret;\n}\nHookSigner.prototype.sign = function (body) {\n  return crypto.createHmac('sha256', this.secret).update(body).digest('hex');\n};\nHookSigner.prototype.verify = function (body, sig) {\n  var expected = Buffer.from(crypto.createHmac('sha256', this.secret).update(body).digest('hex'));\n  return expected.length === sig.length && crypto.timingSafeEqual(expected, Buffer.from(sig));\n};\nmodule.exports = HookSigner;\n",
      "filename": "case.js",
      "languageOptions": { "sourceType": "commonjs" } as never
    },
    {
      "name": "two keys of one namespace, one for a cipher and one for an HMAC",
      "code": "import { createCipheriv, createHmac, randomBytes } from 'node:crypto';\nexport namespace Keys {\n  export const enc = Buffer.from(process.env.ENC_KEY ?? '', 'hex');\n  export const mac = Buffer.from(process.env.MAC_KEY ?? '', 'hex');\n}\nexport function seal(data: string) {\n  const iv = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', Keys.enc, iv);\n  return Buffer.concat([iv, c.update(data), c.final(), c.getAuthTag()]);\n}\nexport function sign(body: string) {\n  return createHmac('sha256', Keys.mac).update(body).digest('hex');\n}\n",
      "filename": "case.ts"
    },
    {
      "name": "two zero-argument helpers returning two environment settings, one for JWTs and one for an HMAC",
      "code": "import jwt from 'jsonwebtoken';\nimport { createHmac } from 'node:crypto';\nfunction sessionSecret(): string {\n  const secret = process.env.PORTAL_SESSION_SECRET;\n  if (!secret) throw new Error('PORTAL_SESSION_SECRET must be set');\n  return secret;\n}\nfunction linkSecret(): string {\n  const secret = process.env.PORTAL_LINK_SECRET;\n  if (!secret) throw new Error('PORTAL_LINK_SECRET must be set');\n  return secret;\n}\nexport function login(userId: string): string {\n  return jwt.sign({ sub: userId }, sessionSecret(), { algorithm: 'HS256', expiresIn: '8h' });\n}\nexport function confirmationMac(payload: string): string {\n  return createHmac('sha256', linkSecret()).update(payload).digest('base64url');\n}\n",
      "filename": "case.ts"
    }
  ],
  invalid: [
    {
      "name": "a prototype class's field assigned from its constructor parameter, used to encrypt and to MAC",
      "code": "var crypto = require('crypto');\nfunction FieldCrypto(secret) {\n  this.secret = secret;\n}\nFieldCrypto.prototype.encrypt = function (text) {\n  var iv = crypto.randomBytes(12);\n  var c = crypto.createCipheriv('aes-256-gcm', this.secret, iv);\n  return Buffer.concat([iv, c.update(text), c.final(), c.getAuthTag()]);\n};\nFieldCrypto.prototype.blindIndex = function (value) {\n  return crypto.createHmac('sha256', this.secret).update(value).digest('hex');\n};\nmodule.exports = FieldCrypto;\n",
      "filename": "case.js",
      "languageOptions": { "sourceType": "commonjs" } as never,
      "errors": [
        {
          "messageId": "reused",
          "line": 3,
          "column": 8,
          "suggestions": [
            {
              "messageId": "deriveSubkeys",
              "data": {
                "name": "`this.secret`"
              },
              "output": "var crypto = require('crypto');\nfunction FieldCrypto(secret) {\n  this.secret = secret;\n}\nFieldCrypto.prototype.encrypt = function (text) {\n  var iv = crypto.randomBytes(12);\n  var c = crypto.createCipheriv('aes-256-gcm', Buffer.from(crypto.hkdfSync('sha256', this.secret, new Uint8Array(0), 'keywarden:encrypt', 32)), iv);\n  return Buffer.concat([iv, c.update(text), c.final(), c.getAuthTag()]);\n};\nFieldCrypto.prototype.blindIndex = function (value) {\n  return crypto.createHmac('sha256', Buffer.from(crypto.hkdfSync('sha256', this.secret, new Uint8Array(0), 'keywarden:mac', 32))).update(value).digest('hex');\n};\nmodule.exports = FieldCrypto;\n"
            }
          ]
        }
      ]
    },
    {
      "name": "a key exported by a TypeScript namespace, read as Ns.key for a cipher and an HMAC",
      "code": "import { createCipheriv, createHmac, randomBytes } from 'node:crypto';\nexport namespace Keys {\n  export const exchange = Buffer.from(process.env.EXCHANGE_KEY ?? '', 'hex');\n}\nexport function seal(data: string) {\n  const iv = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', Keys.exchange, iv);\n  return Buffer.concat([iv, c.update(data), c.final(), c.getAuthTag()]);\n}\nexport function sign(body: string) {\n  return createHmac('sha256', Keys.exchange).update(body).digest('hex');\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "reused",
          "line": 3,
          "column": 16,
          "suggestions": [
            {
              "messageId": "deriveSubkeys",
              "data": {
                "name": "`exchange`"
              },
              "output": "import { createCipheriv, createHmac, randomBytes, hkdfSync } from 'node:crypto';\nexport namespace Keys {\n  export const exchange = Buffer.from(process.env.EXCHANGE_KEY ?? '', 'hex');\n}\nexport function seal(data: string) {\n  const iv = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', Buffer.from(hkdfSync('sha256', Keys.exchange, new Uint8Array(0), 'keywarden:encrypt', 32)), iv);\n  return Buffer.concat([iv, c.update(data), c.final(), c.getAuthTag()]);\n}\nexport function sign(body: string) {\n  return createHmac('sha256', Buffer.from(hkdfSync('sha256', Keys.exchange, new Uint8Array(0), 'keywarden:mac', 32))).update(body).digest('hex');\n}\n"
            }
          ]
        }
      ]
    },
    {
      "name": "a zero-argument helper returning one checked environment setting, used as a JWT secret and as an HMAC key",
      "code": "import jwt from 'jsonwebtoken';\nimport { createHmac } from 'node:crypto';\nfunction sessionSecret(): string {\n  const secret = process.env.PORTAL_SESSION_SECRET;\n  if (!secret || secret.length < 32) throw new Error('PORTAL_SESSION_SECRET must be set');\n  return secret;\n}\nexport function login(userId: string): string {\n  return jwt.sign({ sub: userId }, sessionSecret(), { algorithm: 'HS256', expiresIn: '8h' });\n}\nexport function confirmationMac(payload: string): string {\n  return createHmac('sha256', sessionSecret()).update(payload).digest('base64url');\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "reused",
          "line": 12,
          "column": 31
        }
      ]
    }
  ],
});

createRuleTester().run("no-plaintext-data-key-exposure (blind-s18 styles)", noPlaintextDataKeyExposure, {
  valid: [
    {
      "name": "KMS Decrypt of a wrapped refresh token handed to an exported function's callback (a secret the caller uses)",
      "code": "var AWS = require('aws-sdk');\nvar kms = new AWS.KMS();\nfunction readRefreshToken(account, cb) {\n  var params = { CiphertextBlob: Buffer.from(account.wrappedRefreshToken, 'base64') };\n  kms.decrypt(params, function (err, data) {\n    if (err) return cb(err);\n    var token = data.Plaintext.toString('utf8');\n    cb(null, token);\n  });\n}\nmodule.exports = { readRefreshToken: readRefreshToken };\n",
      "filename": "case.js",
      "languageOptions": { "sourceType": "commonjs" } as never
    }
  ],
  invalid: [
    {
      "name": "KMS Decrypt of a wrapped data key handed to an exported function's callback",
      "code": "var AWS = require('aws-sdk');\nvar kms = new AWS.KMS();\nfunction readDataKey(account, cb) {\n  var params = { CiphertextBlob: Buffer.from(account.wrappedKey, 'base64') };\n  kms.decrypt(params, function (err, data) {\n    if (err) return cb(err);\n    var key = data.Plaintext;\n    cb(null, key);\n  });\n}\nmodule.exports = { readDataKey: readDataKey };\n",
      "filename": "case.js",
      "languageOptions": { "sourceType": "commonjs" } as never,
      "errors": [
        {
          "messageId": "dataKeyExposed",
          "line": 5,
          "column": 3
        }
      ]
    }
  ],
});

createRuleTester().run("no-weak-algorithm (blind-s18 styles)", noWeakAlgorithm, {
  valid: [
    {
      "name": "a lookup helper over a table of strong ciphers only",
      "code": "import { createCipheriv, randomBytes } from 'node:crypto';\ntype Profile = 'fast' | 'balanced';\nconst CIPHERS: Record<Profile, { name: string; ivBytes: number }> = {\n  fast: { name: 'chacha20-poly1305', ivBytes: 12 },\n  balanced: { name: 'aes-256-gcm', ivBytes: 12 },\n};\nfunction pick<K extends string, V>(table: Record<K, V>, key: K | undefined, fallback: K): V {\n  return table[key ?? fallback];\n}\nexport function encrypt(profile: Profile | undefined, key: Buffer, data: Buffer): Buffer {\n  const spec = pick(CIPHERS, profile, 'balanced');\n  const c = createCipheriv(spec.name, key, randomBytes(spec.ivBytes), { authTagLength: 16 } as never);\n  return Buffer.concat([c.update(data), c.final()]);\n}\n",
      "filename": "case.ts"
    }
  ],
  invalid: [
    {
      "name": "a weak cipher entry of a table read through a local lookup helper for an encrypt call",
      "code": "import { createCipheriv, randomBytes } from 'node:crypto';\ntype Profile = 'balanced' | 'compat';\nconst CIPHERS: Record<Profile, { name: string; ivBytes: number }> = {\n  balanced: { name: 'aes-256-gcm', ivBytes: 12 },\n  compat: { name: 'bf-cbc', ivBytes: 8 },\n};\nfunction pick<K extends string, V>(table: Record<K, V>, key: K | undefined, fallback: K): V {\n  return table[key ?? fallback];\n}\nexport function encrypt(profile: Profile | undefined, key: Buffer, data: Buffer): Buffer {\n  const spec = pick(CIPHERS, profile, 'balanced');\n  const c = createCipheriv(spec.name, key, randomBytes(spec.ivBytes));\n  return Buffer.concat([c.update(data), c.final()]);\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "weakCipher",
          "line": 5,
          "column": 19
        }
      ]
    }
  ],
});
