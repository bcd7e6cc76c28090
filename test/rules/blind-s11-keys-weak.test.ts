import minKeyStrength from '../../rules/min-key-strength';
import noHardcodedKey from '../../rules/no-hardcoded-key';
import noInsecureRandomness from '../../rules/no-insecure-randomness';
import noKeyReuseAcrossPurposes from '../../rules/no-key-reuse-across-purposes';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import requireKeyZeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_JS, REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the eighth blind set (hardcoded-key/blind-s11, weak-crypto/blind-s11) found missed or misjudged:
// libraries without a table (hash-wasm, @noble/hashes' legacy hashes and password KDFs, js-sha1's hmac and js-md5/js-sha1 output forms, elliptic, jsrsasign
// key generation, nanoid/non-secure, Twilio/Svix/Octokit webhook secrets, Remix/h3/Payload/Keystone/AdonisJS/
// express-openid-connect session secrets), hashes handed over as hashers,
// JWE RSA1_5, Strapi/AdonisJS env() lookups with defaults, session and cookie passwords, keys split into
// named pieces, costs reaching a local wrapper's options parameter, a clock passed to a credential
// store's lookup, a passphrase given to createDecipher, HKDF output returned as subarray views, and costs read
// from a parameter's default settings or from each profile a local function returns.
const ruleTester = createRuleTester();

ruleTester.run('no-hardcoded-key (blind-s11 shapes)', noHardcodedKey, {
  "valid": [
    {
      "name": "Strapi settings read through env() without a default, or with non-secret defaults",
      "code": "module.exports = ({ env }) => ({\n  auth: { secret: env('ADMIN_JWT_SECRET') },\n  url: env('PUBLIC_URL', 'http://localhost:1337'),\n  port: env.int('PORT', 1337),\n  app: { keys: env.array('APP_KEYS') },\n});",
      "filename": "config.js"
    },
    {
      "name": "a session password read from the environment",
      "code": "export default defineNuxtConfig({\n  runtimeConfig: { session: { name: 'app-session', password: process.env.NUXT_SESSION_PASSWORD ?? '' } },\n});"
    },
    {
      "name": "a user's password in a login request is not a sealing key",
      "code": "export async function login(client: { post(url: string, body: object): Promise<unknown> }) {\n  return client.post('/login', { user: { email: 'ada@example.test', password: 'vcHzrQCsVxJiKflrmJTzG3ysuEgNa3Kr' } });\n}"
    },
    {
      "name": "Twilio's auth token from the environment",
      "code": "import twilio from 'twilio';\nexport const valid = (sig: string, url: string, params: Record<string, string>) => twilio.validateRequest(process.env.TWILIO_AUTH_TOKEN!, sig, url, params);"
    },
    {
      "name": "text around a key-named constant is not a split key",
      "code": "const LOG_PREFIX = 'audit';\nconst CHANNEL = 'billing';\nexport const topic = `${LOG_PREFIX}${CHANNEL}`;"
    }
  ],
  "invalid": [
    {
      "name": "the default of a Strapi env() lookup for a secret setting",
      "code": "module.exports = ({ env }) => ({\n  auth: { secret: env('ADMIN_JWT_SECRET', 'QiIiZoW7cHHYXuP5mDHxhoyHxEpmpagzhRHERXGhUr0=') },\n});",
      "filename": "config.js",
      "errors": [
        {
          "messageId": "keyLikeConstant",
          "line": 2,
          "column": 43,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "const SECRET_KEY = requireEnv('SECRET_KEY');\n\nmodule.exports = ({ env }) => ({\n  auth: { secret: env('ADMIN_JWT_SECRET', SECRET_KEY) },\n});" + REQUIRE_ENV_JS
            }
          ]
        }
      ]
    },
    {
      "name": "the defaults of a Strapi env.array() lookup of app keys, one per key",
      "code": "export default ({ env }) => ({\n  app: {\n    keys: env.array('APP_KEYS', [\n      '6L6hVPNgtpHRx6ygeoP/6ETgZaTetU6l200ll6EGeM4=',\n      'GH1HxXz3JsNL2gFBXG9nLu1W7QjpLASvzbihYenIhuo=',\n    ]),\n  },\n});",
      "errors": [
        {
          "messageId": "keyLikeConstant",
          "line": 4,
          "column": 7,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "const SECRET_KEY = requireEnv('SECRET_KEY');\n\nexport default ({ env }) => ({\n  app: {\n    keys: env.array('APP_KEYS', [\n      SECRET_KEY,\n      'GH1HxXz3JsNL2gFBXG9nLu1W7QjpLASvzbihYenIhuo=',\n    ]),\n  },\n});" + REQUIRE_ENV_TS
            }
          ]
        },
        {
          "messageId": "keyLikeConstant",
          "line": 5,
          "column": 7,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "const SECRET_KEY = requireEnv('SECRET_KEY');\n\nexport default ({ env }) => ({\n  app: {\n    keys: env.array('APP_KEYS', [\n      '6L6hVPNgtpHRx6ygeoP/6ETgZaTetU6l200ll6EGeM4=',\n      SECRET_KEY,\n    ]),\n  },\n});" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "the default of an AdonisJS Env.get lookup",
      "code": "import Env from '@ioc:Adonis/Core/Env';\nexport const appKey: string = Env.get('APP_KEY', 'YjFA7N2AdaBKuU664KAFU9y2OyDWTPdpOknTWiSBGt0');",
      "errors": [
        {
          "messageId": "keyLikeConstant",
          "line": 2,
          "column": 50,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import Env from '@ioc:Adonis/Core/Env';\nexport const appKey: string = Env.get('APP_KEY', requireEnv('SECRET_KEY'));" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "a Nuxt session password written in runtimeConfig",
      "code": "export default defineNuxtConfig({\n  runtimeConfig: {\n    session: { name: 'ledger', password: 'IcuRbuvgCPQ8j1klxsP-9iDiyKlZyxsWED_wC8TR' },\n  },\n});",
      "errors": [
        {
          "messageId": "keyLikeConstant",
          "line": 3,
          "column": 42,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "export default defineNuxtConfig({\n  runtimeConfig: {\n    session: { name: 'ledger', password: requireEnv('RUNTIME_CONFIG_SESSION_PASSWORD') },\n  },\n});" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "a @hapi/cookie strategy's cookie password",
      "code": "export async function register(server: any) {\n  await server.register(require('@hapi/cookie'));\n  server.auth.strategy('session', 'cookie', {\n    cookie: { name: 'sid', password: 'v6rhLuJ_zBOHLm59URYw-NMYGSjNF38o3DFJM0nU', isSecure: true },\n  });\n}",
      "errors": [
        {
          "messageId": "keyLikeConstant",
          "line": 4,
          "column": 38,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "const COOKIE_PASSWORD = requireEnv('COOKIE_PASSWORD');\n\nexport async function register(server: any) {\n  await server.register(require('@hapi/cookie'));\n  server.auth.strategy('session', 'cookie', {\n    cookie: { name: 'sid', password: COOKIE_PASSWORD, isSecure: true },\n  });\n}" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "a Twilio auth token fallback that validates webhooks",
      "code": "const twilio = require('twilio');\nconst AUTH_TOKEN = process.env.TWILIO_AUTH_TOKEN || '0fe78e581ddc98355eb78e16d1c17ac8';\nmodule.exports = (req) => twilio.validateRequest(AUTH_TOKEN, req.get('X-Twilio-Signature'), req.url, req.body);",
      "filename": "twilio.js",
      "errors": [
        {
          "messageId": "hardcodedFallback",
          "line": 2,
          "column": 53,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "const twilio = require('twilio');\nconst AUTH_TOKEN = requireEnv('TWILIO_AUTH_TOKEN');\nmodule.exports = (req) => twilio.validateRequest(AUTH_TOKEN, req.get('X-Twilio-Signature'), req.url, req.body);" + REQUIRE_ENV_JS
            }
          ]
        }
      ]
    },
    {
      "name": "a Svix webhook secret",
      "code": "import { Webhook } from 'svix';\nexport const verify = (payload: string, headers: Record<string, string>) => new Webhook('whsec_+nLI5xeEkwQuXj40XY1hmX0N70Lmtbft').verify(payload, headers);",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 89,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { Webhook } from 'svix';\n\nconst HMAC_KEY = requireEnv('HMAC_KEY');\nexport const verify = (payload: string, headers: Record<string, string>) => new Webhook(HMAC_KEY).verify(payload, headers);" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "an Octokit webhooks secret",
      "code": "import { Webhooks } from '@octokit/webhooks';\nexport const webhooks = new Webhooks({ secret: 'df26e772dbfb11b8dc3a08bd29320f20a88531a3' });",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 48,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { Webhooks } from '@octokit/webhooks';\nexport const webhooks = new Webhooks({ secret: requireEnv('WEBHOOKS_SECRET') });" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "a key split into two named pieces is one key, where the pieces meet",
      "code": "import { createHmac } from 'node:crypto';\nconst SECRET_HEAD = '046d1a1e2bf27097a7b761231f3da68d';\nconst SECRET_TAIL = '7e9f8518af60110d2b53d89631f105d7';\nexport const mac = (body: string) => createHmac('sha256', `${SECRET_HEAD}${SECRET_TAIL}`).update(body).digest('hex');",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 4,
          "column": 59
        }
      ]
    },
    {
      "name": "a key-named constant sent inside a longer string is still a key",
      "code": "const CLIENT_SECRET = 'f4faadfd053bc6ba3304f29d4561d34fbb4fc657718691ea';\nexport const tokenUrl = (base: string) => base + '?client_secret=' + CLIENT_SECRET;",
      "errors": [
        {
          "messageId": "keyLikeConstant",
          "line": 1,
          "column": 23,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "const CLIENT_SECRET = requireEnv('CLIENT_SECRET');\nexport const tokenUrl = (base: string) => base + '?client_secret=' + CLIENT_SECRET;" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    }
  ]
});

ruleTester.run('no-weak-algorithm (blind-s11 shapes)', noWeakAlgorithm, {
  "valid": [
    {
      "name": "a hash-wasm HMAC over SHA-256",
      "code": "import { createHMAC, createSHA256 } from 'hash-wasm';\nexport async function sign(key: string, body: string) {\n  const h = await createHMAC(createSHA256(), key);\n  h.init();\n  h.update(body);\n  return h.digest('hex');\n}"
    },
    {
      "name": "JWE key transport with RSA-OAEP-256",
      "code": "import { CompactEncrypt, type KeyLike } from 'jose';\nexport const seal = (data: Uint8Array, key: KeyLike) => new CompactEncrypt(data).setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM' }).encrypt(key);"
    }
  ],
  "invalid": [
    {
      "name": "hash-wasm SHA-1 of a salted password",
      "code": "import { sha1 } from 'hash-wasm';\nexport async function legacyPasswordMatches(password: string, salt: string, stored: string) {\n  const candidate = await sha1(`${salt}${password}`);\n  return candidate === stored;\n}",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 3,
          "column": 27,
          "suggestions": []
        }
      ]
    },
    {
      "name": "hash-wasm HMAC over a SHA-1 hasher",
      "code": "import { createHMAC, createSHA1 } from 'hash-wasm';\nexport async function sign(key: string, body: string) {\n  const h = await createHMAC(createSHA1(), key);\n  h.init();\n  h.update(body);\n  return h.digest('hex');\n}",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 3,
          "column": 30
        }
      ]
    },
    {
      "name": "@noble/hashes HMAC given the SHA-1 function",
      "code": "import { hmac } from '@noble/hashes/hmac';\nimport { sha1 } from '@noble/hashes/legacy';\nexport const sign = (key: Uint8Array, msg: Uint8Array) => hmac(sha1, key, msg);",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 3,
          "column": 64
        }
      ]
    },
    {
      "name": "js-sha1's HMAC",
      "code": "const sha1 = require('js-sha1');\nmodule.exports = (secret, body) => sha1.hmac(secret, body);",
      "filename": "sign.js",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 2,
          "column": 41
        }
      ]
    },
    {
      "name": "JWE key transport with RSA1_5 (PKCS#1 v1.5)",
      "code": "import { CompactEncrypt, type KeyLike } from 'jose';\nexport const seal = (data: Uint8Array, key: KeyLike) => new CompactEncrypt(data).setProtectedHeader({ alg: 'RSA1_5', enc: 'A256GCM' }).encrypt(key);",
      "errors": [
        {
          "messageId": "rsaPkcs1Encryption",
          "line": 2,
          "column": 108
        }
      ]
    },
    {
      "name": "a hash-wasm PBKDF2 over a SHA-1 hasher",
      "code": "import { pbkdf2, createSHA1 } from 'hash-wasm';\nexport const derive = (password: string, salt: Uint8Array) => pbkdf2({ password, salt, iterations: 2_000_000, hashLength: 32, hashFunction: createSHA1(), outputType: 'binary' });",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 2,
          "column": 141
        }
      ]
    }
  ]
});

ruleTester.run('min-key-strength (blind-s11 shapes)', minKeyStrength, {
  "valid": [
    {
      "name": "hash-wasm argon2id at OWASP's 19 MiB and 2 passes",
      "code": "import { argon2id } from 'hash-wasm';\nexport const hash = (password: string, salt: Uint8Array) => argon2id({ password, salt, parallelism: 1, iterations: 2, memorySize: 19456, hashLength: 32, outputType: 'encoded' });"
    },
    {
      "name": "elliptic on P-256 and secp256k1",
      "code": "import { ec as EC } from 'elliptic';\nexport const p256 = new EC('p256');\nexport const k1 = new EC('secp256k1');"
    },
    {
      "name": "a local scrypt wrapper called with OWASP costs",
      "code": "import { scrypt, type ScryptOptions } from 'node:crypto';\nconst PARAMS: ScryptOptions = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 };\nfunction scryptAsync(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {\n  return new Promise((resolve, reject) => scrypt(password, salt, 64, options, (err, key) => (err ? reject(err) : resolve(key))));\n}\nexport const hash = (password: string, salt: Buffer) => scryptAsync(password, salt, PARAMS);"
    }
  ],
  "invalid": [
    {
      "name": "hash-wasm argon2id with 4 MiB spread from a settings object",
      "code": "import { argon2id } from 'hash-wasm';\nconst KDF = { iterations: 3, memorySize: 4096, parallelism: 1, hashLength: 32 } as const;\nexport const derive = (password: string, salt: Uint8Array) => argon2id({ password, salt, ...KDF, outputType: 'binary' });",
      "errors": [
        {
          "messageId": "lowCost",
          "line": 2,
          "column": 42
        }
      ]
    },
    {
      "name": "hash-wasm bcrypt with cost 8",
      "code": "import { bcrypt } from 'hash-wasm';\nexport const hash = (password: string, salt: Uint8Array) => bcrypt({ password, salt, costFactor: 8, outputType: 'encoded' });",
      "errors": [
        {
          "messageId": "lowCost",
          "line": 2,
          "column": 98
        }
      ]
    },
    {
      "name": "hash-wasm scrypt with N = 16384",
      "code": "import { scrypt } from 'hash-wasm';\nexport const derive = (password: string, salt: Uint8Array) => scrypt({ password, salt, costFactor: 16384, blockSize: 8, parallelism: 1, hashLength: 32, outputType: 'binary' });",
      "errors": [
        {
          "messageId": "lowCost",
          "line": 2,
          "column": 100
        }
      ]
    },
    {
      "name": "hash-wasm PBKDF2-SHA1 under 1,300,000 iterations",
      "code": "import { pbkdf2, createSHA1 } from 'hash-wasm';\nexport const derive = (password: string, salt: Uint8Array) => pbkdf2({ password, salt, iterations: 600_000, hashLength: 32, hashFunction: createSHA1(), outputType: 'binary' });",
      "errors": [
        {
          "messageId": "lowIterations",
          "line": 2,
          "column": 100
        }
      ]
    },
    {
      "name": "an elliptic context on P-192",
      "code": "const EC = require('elliptic').ec;\nconst legacy = new EC('p192');\nmodule.exports = () => legacy.genKeyPair();",
      "filename": "keys.js",
      "errors": [
        {
          "messageId": "weakCurve",
          "line": 2,
          "column": 23
        }
      ]
    },
    {
      "name": "jsrsasign RSA key pair of 1024 bits",
      "code": "import { KEYUTIL } from 'jsrsasign';\nexport const rigKeys = () => KEYUTIL.generateKeypair('RSA', 1024);",
      "errors": [
        {
          "messageId": "smallModulus",
          "line": 2,
          "column": 61
        }
      ]
    },
    {
      "name": "scrypt costs reaching a local promise wrapper's options parameter",
      "code": "import { scrypt, type ScryptOptions } from 'node:crypto';\nconst PARAMS: ScryptOptions = {\n  N: 16384,\n  r: 8,\n  p: 1,\n};\nfunction scryptAsync(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {\n  return new Promise((resolve, reject) => scrypt(password, salt, 64, options, (err, key) => (err ? reject(err) : resolve(key))));\n}\nexport const hash = (password: string, salt: Buffer) => scryptAsync(password, salt, PARAMS);\nexport const check = (password: string, salt: Buffer, n: number) => scryptAsync(password, salt, { N: n, r: 8, p: 1 });",
      "errors": [
        {
          "messageId": "lowCost",
          "line": 3,
          "column": 6
        }
      ]
    }
  ]
});

ruleTester.run('no-insecure-randomness (blind-s11 shapes)', noInsecureRandomness, {
  "valid": [
    {
      "name": "nanoid/non-secure for React row ids",
      "code": "import { nanoid } from 'nanoid/non-secure';\nexport const emptyRow = () => ({ rowId: nanoid(8), name: '', quantity: '' });"
    },
    {
      "name": "the time a credential store's lookup compares expiry against",
      "code": "import { randomBytes } from 'node:crypto';\nexport async function redeem(resetTokens: { findValid(token: string, at: Date): Promise<unknown>; deleteExpired(now: number): Promise<void> }, token: string) {\n  await resetTokens.deleteExpired(Date.now());\n  return resetTokens.findValid(token, new Date());\n}\nexport const newToken = () => randomBytes(32).toString('base64url');"
    }
  ],
  "invalid": [
    {
      "name": "an aliased nanoid/non-secure making invite codes",
      "code": "import { nanoid as shortId } from 'nanoid/non-secure';\nexport function createInvite(teamId: string) {\n  const code = shortId(12);\n  return { teamId, inviteCode: code };\n}",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 3,
          "column": 16
        }
      ]
    },
    {
      "name": "a nanoid/non-secure customAlphabet generator making API secrets",
      "code": "import { customAlphabet } from 'nanoid/non-secure';\nconst makeSecret = customAlphabet('0123456789abcdef', 40);\nexport function issue() {\n  const apiSecret = makeSecret();\n  return apiSecret;\n}",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 4,
          "column": 21
        }
      ]
    },
    {
      "name": "a clock stored by a credential store is still reported",
      "code": "export async function issue(tokens: { saveToken(userId: string, token: string): Promise<void> }, userId: string) {\n  await tokens.saveToken(userId, Date.now().toString(36));\n}",
      "errors": [
        {
          "messageId": "predictableCredentialCall",
          "line": 2,
          "column": 34
        }
      ]
    }
  ]
});

ruleTester.run('no-key-reuse-across-purposes (blind-s11 shapes)', noKeyReuseAcrossPurposes, {
  "valid": [
    {
      "name": "one password given to createDecipher and to scrypt is KDF input both times",
      "code": "const crypto = require('crypto');\nfunction decryptV1(buf, password) {\n  const d = crypto.createDecipher('aes-256-cbc', password);\n  return Buffer.concat([d.update(buf), d.final()]);\n}\nfunction keyV2(password, salt) {\n  return crypto.scryptSync(password, salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });\n}\nmodule.exports = (buf, password, salt) => [decryptV1(buf, password), keyV2(password, salt)];",
      "filename": "upgrade.js"
    }
  ],
  "invalid": [
    {
      "name": "a createCipher passphrase that also signs JWTs",
      "code": "import crypto from 'node:crypto';\nimport jwt from 'jsonwebtoken';\nconst { APP_SECRET } = process.env;\nexport const token = (sub: string) => jwt.sign({ sub }, APP_SECRET!, { algorithm: 'HS256' });\nexport function seal(text: string) {\n  const c = crypto.createCipher('aes-256-cbc', APP_SECRET!);\n  return c.update(text, 'utf8', 'hex') + c.final('hex');\n}",
      "errors": [
        {
          "messageId": "reused",
          "line": 3,
          "column": 9
        }
      ]
    }
  ]
});

ruleTester.run('require-key-zeroization (blind-s11 shapes)', requireKeyZeroization, {
  "valid": [
    {
      "name": "HKDF output returned as two subarray views",
      "code": "import { hkdfSync } from 'node:crypto';\nexport function subkeys(master: Buffer) {\n  const okm = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'box v1', 64));\n  return { enc: okm.subarray(0, 32), mac: okm.subarray(32) };\n}"
    }
  ],
  "invalid": [
    {
      "name": "HKDF output whose views are only used locally",
      "code": "import { createHmac, hkdfSync } from 'node:crypto';\nexport function tag(master: Buffer, body: string) {\n  const okm = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'box v1', 64));\n  const mac = okm.subarray(32);\n  return createHmac('sha256', mac).update(body).digest('hex');\n}",
      "errors": [
        {
          "messageId": "notWiped",
          "line": 3,
          "column": 9,
          "suggestions": [
            {
              "messageId": "wrapInTryFinally",
              "output": "import { createHmac, hkdfSync } from 'node:crypto';\nexport function tag(master: Buffer, body: string) {\n  const okm = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'box v1', 64));\n  try {\n    const mac = okm.subarray(32);\n    return createHmac('sha256', mac).update(body).digest('hex');\n  } finally {\n    okm.fill(0);\n  }\n}"
            }
          ]
        }
      ]
    }
  ]
});

ruleTester.run('min-key-strength (blind-s11 shapes: costs through parameters)', minKeyStrength, {
  "valid": [
    {
      "name": "bcrypt rounds from a parameter default at OWASP's cost",
      "code": "import bcrypt from 'bcrypt';\nconst appConfig = { security: { saltRounds: 12 } };\nexport class PasswordHasher {\n  private readonly rounds: number;\n  constructor(private readonly settings = appConfig.security) {\n    this.rounds = settings.saltRounds;\n  }\n  hash(password: string) {\n    return bcrypt.hashSync(password, this.rounds);\n  }\n}"
    },
    {
      "name": "a profile function whose every profile meets the costs",
      "code": "import { scrypt, type ScryptOptions } from 'node:crypto';\nfunction params(profile: 'interactive' | 'sensitive'): ScryptOptions {\n  if (profile === 'sensitive') return { N: 2 ** 20, r: 8, p: 1, maxmem: 1100 * 1024 * 1024 };\n  return { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 };\n}\nfunction scryptAsync(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {\n  return new Promise((resolve, reject) => scrypt(password, salt, 64, options, (err, key) => (err ? reject(err) : resolve(key))));\n}\nexport const hash = (password: string, salt: Buffer, profile: 'interactive' | 'sensitive') => scryptAsync(password, salt, params(profile));"
    }
  ],
  "invalid": [
    {
      "name": "bcrypt rounds from a constructor parameter property's default settings",
      "code": "import bcrypt from 'bcrypt';\nconst appConfig = {\n  security: {\n    saltRounds: 8,\n  },\n};\nexport class PasswordHasher {\n  private readonly rounds: number;\n  constructor(private readonly settings = appConfig.security) {\n    this.rounds = settings.saltRounds;\n  }\n  hash(password: string) {\n    return bcrypt.hashSync(password, this.rounds);\n  }\n}",
      "errors": [
        {
          "messageId": "lowCost",
          "line": 4,
          "column": 17
        }
      ]
    },
    {
      "name": "bcrypt rounds from a member of a function parameter's default",
      "code": "import bcrypt from 'bcrypt';\nconst defaults = { rounds: 9 };\nexport const hash = (password: string, options = defaults) => bcrypt.hash(password, options.rounds);",
      "errors": [
        {
          "messageId": "lowCost",
          "line": 2,
          "column": 28
        }
      ]
    },
    {
      "name": "a weak profile returned by a profile function and passed through a local wrapper",
      "code": "import { scrypt, type ScryptOptions } from 'node:crypto';\nfunction params(profile: 'interactive' | 'sensitive'): ScryptOptions {\n  if (profile === 'sensitive') return { N: 2 ** 20, r: 8, p: 1, maxmem: 1100 * 1024 * 1024 };\n  return { N: 2 ** 14, r: 8, p: 1 };\n}\nfunction scryptAsync(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {\n  return new Promise((resolve, reject) => scrypt(password, salt, 64, options, (err, key) => (err ? reject(err) : resolve(key))));\n}\nexport const hash = (password: string, salt: Buffer, profile: 'interactive' | 'sensitive') => scryptAsync(password, salt, params(profile));",
      "errors": [
        {
          "messageId": "lowCost",
          "line": 4,
          "column": 15
        }
      ]
    }
  ]
});

ruleTester.run('min-key-strength (blind-s11 shapes: noble hashes KDFs)', minKeyStrength, {
  "valid": [
    {
      "name": "@noble/hashes scrypt at N = 2^17 and argon2id at 19 MiB, 2 passes",
      "code": "import { scrypt } from '@noble/hashes/scrypt';\nimport { argon2id } from '@noble/hashes/argon2';\nexport const a = (pw: string, salt: Uint8Array) => scrypt(pw, salt, { N: 2 ** 17, r: 8, p: 1, dkLen: 32 });\nexport const b = (pw: string, salt: Uint8Array) => argon2id(pw, salt, { t: 2, m: 19456, p: 1, dkLen: 32 });"
    }
  ],
  "invalid": [
    {
      "name": "@noble/hashes PBKDF2-SHA1 at 100,000 iterations",
      "code": "import { pbkdf2 } from '@noble/hashes/pbkdf2';\nimport { sha1 } from '@noble/hashes/legacy';\nexport const derive = (pw: string, salt: Uint8Array) => pbkdf2(sha1, pw, salt, { c: 100_000, dkLen: 32 });",
      "errors": [
        {
          "messageId": "lowIterations",
          "line": 3,
          "column": 85
        }
      ]
    },
    {
      "name": "@noble/hashes scrypt at N = 2^14",
      "code": "import { scrypt } from '@noble/hashes/scrypt';\nexport const derive = (pw: string, salt: Uint8Array) => scrypt(pw, salt, { N: 2 ** 14, r: 8, p: 1, dkLen: 32 });",
      "errors": [
        {
          "messageId": "lowCost",
          "line": 2,
          "column": 79
        }
      ]
    },
    {
      "name": "@noble/hashes argon2id with 4 MiB",
      "code": "import { argon2id } from '@noble/hashes/argon2';\nexport const derive = (pw: string, salt: Uint8Array) => argon2id(pw, salt, { t: 3, m: 4096, p: 1, dkLen: 32 });",
      "errors": [
        {
          "messageId": "lowCost",
          "line": 2,
          "column": 87
        }
      ]
    }
  ]
});

ruleTester.run('no-weak-algorithm (blind-s11 shapes: noble hashes KDFs)', noWeakAlgorithm, {
  "valid": [
    {
      "name": "@noble/hashes HKDF over SHA-256",
      "code": "import { hkdf } from '@noble/hashes/hkdf';\nimport { sha256 } from '@noble/hashes/sha2';\nexport const subkey = (ikm: Uint8Array) => hkdf(sha256, ikm, undefined, 'app v1', 32);"
    }
  ],
  "invalid": [
    {
      "name": "@noble/hashes PBKDF2 given the SHA-1 function",
      "code": "import { pbkdf2 } from '@noble/hashes/pbkdf2';\nimport { sha1 } from '@noble/hashes/legacy';\nexport const derive = (pw: string, salt: Uint8Array) => pbkdf2(sha1, pw, salt, { c: 2_000_000, dkLen: 32 });",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 3,
          "column": 64
        }
      ]
    },
    {
      "name": "@noble/hashes HKDF given the SHA-1 function",
      "code": "import { hkdf } from '@noble/hashes/hkdf';\nimport { sha1 } from '@noble/hashes/sha1';\nexport const subkey = (ikm: Uint8Array) => hkdf(sha1, ikm, undefined, 'app v1', 32);",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 3,
          "column": 49
        }
      ]
    }
  ]
});

ruleTester.run('no-hardcoded-key (blind-s11 shapes: framework session secrets)', noHardcodedKey, {
  "valid": [
    {
      "name": "Remix session secrets from the environment",
      "code": "import { createCookieSessionStorage } from '@remix-run/node';\nexport const storage = createCookieSessionStorage({ cookie: { name: '__session', secrets: process.env.SESSION_SECRETS!.split(','), sameSite: 'lax' } });"
    },
    {
      "name": "Payload's secret with an empty fallback",
      "code": "import { buildConfig } from 'payload';\nexport default buildConfig({ secret: process.env.PAYLOAD_SECRET || '', collections: [] });"
    },
    {
      "name": "Strapi's template placeholder for a secret",
      "code": "module.exports = ({ env }) => ({\n  'users-permissions': { config: { jwtSecret: env('JWT_SECRET', 'tobemodified') } },\n});",
      "filename": "plugins.js"
    },
    {
      "name": "an h3 session password from runtime config",
      "code": "import { defineEventHandler, useSession } from 'h3';\nexport default defineEventHandler(async (event) => {\n  const session = await useSession(event, { password: useRuntimeConfig().sessionPassword });\n  return session.data;\n});"
    }
  ],
  "invalid": [
    {
      "name": "a Remix cookie session's secret",
      "code": "import { createCookieSessionStorage } from '@remix-run/node';\nexport const storage = createCookieSessionStorage({\n  cookie: { name: '__session', secrets: ['s3cret1'], sameSite: 'lax' },\n});",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 3,
          "column": 42,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { createCookieSessionStorage } from '@remix-run/node';\nexport const storage = createCookieSessionStorage({\n  cookie: { name: '__session', secrets: [requireEnv('COOKIE_SECRETS_1')], sameSite: 'lax' },\n});" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "a Remix signed cookie's secret",
      "code": "import { createCookie } from '@remix-run/node';\nexport const prefs = createCookie('prefs', { secrets: ['UUk9UClt2yIE4UALw2Jb1qTb99m4YCEd'] });",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 56,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { createCookie } from '@remix-run/node';\nexport const prefs = createCookie('prefs', { secrets: [requireEnv('COOKIE_SECRETS_1')] });" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "an h3 session password",
      "code": "import { defineEventHandler, useSession } from 'h3';\nexport default defineEventHandler(async (event) => {\n  const session = await useSession(event, { password: 'sjlhbuoSikvkgJ-igSXQ4wdmYhUdrSJ9DdidZEozjNY' });\n  return session.data;\n});",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 3,
          "column": 55,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { defineEventHandler, useSession } from 'h3';\n\nconst USE_SESSION_PASSWORD = requireEnv('USE_SESSION_PASSWORD');\nexport default defineEventHandler(async (event) => {\n  const session = await useSession(event, { password: USE_SESSION_PASSWORD });\n  return session.data;\n});" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "Payload's secret",
      "code": "import { buildConfig } from 'payload';\nexport default buildConfig({ secret: '3a0abc8471d47130e23b628c182477848ca3d0003b156a03', collections: [] });",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 38,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { buildConfig } from 'payload';\nexport default buildConfig({ secret: requireEnv('BUILD_CONFIG_SECRET'), collections: [] });" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "an AdonisJS Secret written in place",
      "code": "import { Secret } from '@adonisjs/core/helpers';\nexport const appKey = new Secret('jGGgBO_JKz1IlbmyjFp3j764g61j1iEA');",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 34,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { Secret } from '@adonisjs/core/helpers';\nexport const appKey = new Secret(requireEnv('SECRET_KEY'));" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "express-openid-connect's secret",
      "code": "import { auth } from 'express-openid-connect';\nexport const oidc = auth({ authRequired: false, baseURL: 'https://app.example.test', clientID: 'app', issuerBaseURL: 'https://id.example.test', secret: 'insecure-dev-cookie-secret' });",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 153,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { auth } from 'express-openid-connect';\nexport const oidc = auth({ authRequired: false, baseURL: 'https://app.example.test', clientID: 'app', issuerBaseURL: 'https://id.example.test', secret: requireEnv('AUTH_SECRET') });" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    }
  ]
});

ruleTester.run('no-weak-algorithm (blind-s11 shapes: js-md5 output forms)', noWeakAlgorithm, {
  "valid": [
    {
      "name": "js-md5's hex form for a Gravatar URL",
      "code": "import md5 from 'js-md5';\nexport const avatarUrl = (email: string) => `https://www.gravatar.com/avatar/${md5.hex(email.trim().toLowerCase())}?d=identicon`;"
    }
  ],
  "invalid": [
    {
      "name": "js-md5's hex form of a password",
      "code": "import md5 from 'js-md5';\nexport const passwordMatches = (password: string, stored: string) => md5.hex(password) === stored;",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 2,
          "column": 74
        }
      ]
    }
  ]
});
