import minKeyStrength from '../../rules/min-key-strength';
import noHardcodedKey from '../../rules/no-hardcoded-key';
import noInsecureRandomness from '../../rules/no-insecure-randomness';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester, createTypedRuleTester } from './rule-tester';
import { REQUIRE_ENV_JS, REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the sixth blind set (hardcoded-key/blind-s9, weak-crypto/blind-s9) found missed or
// misjudged: defaults merged by object spreads, environment parameters (`env = process.env`),
// jose's base64url decoder, webhook endpoint secrets and storage account keys, key-named
// decodings of constants from another file, cost and mode tables read entry by entry, lodash's
// Math.random helpers, the bare `code` of a function named for a verification code, and libsodium
// reached through a getter that caches its ready promise.
const ruleTester = createRuleTester();

ruleTester.run('no-hardcoded-key (blind-s9 shapes)', noHardcodedKey, {
  "valid": [
    {
      "name": "endpoint URLs and hosts are not secrets",
      "code": "export const ENDPOINT_URL = 'https://hooks.example.org/in/9f8e7d6c5b4a39281706f5e4d3c2b1a0';\nexport const endpointHost = 'a3f9c1e7b5d2480f6a1c3e5b7d9f0a2c4e6b8d1f3a5c7e9b.example.net';"
    },
    {
      "name": "env parameter reads without a secret fallback",
      "code": "export function settings(env: Record<string, string | undefined> = process.env) {\n  return { url: env.API_URL ?? 'http://localhost:3000', level: env.LOG_LEVEL || 'info', secret: env.JWT_SECRET ?? '' };\n}\nexport function other(env = { SIGNING_KEY: 'x' }) {\n  const accountKey = `acct:${env.SIGNING_KEY}`;\n  return accountKey;\n}"
    },
    {
      "name": "Object.fromEntries of labels next to a key from the environment",
      "code": "import { createHmac } from 'node:crypto';\nconst LABELS = Object.fromEntries([['orders', 'order-v1'], ['refunds', 'refund-v1']]);\nexport const tag = (kind: string, id: string) => createHmac('sha256', process.env.TAG_KEY ?? '').update(`${LABELS[kind]}:${id}`).digest('hex');"
    },
    {
      "name": "a cached getter of the module with the key from the environment",
      "code": "import _sodium from 'libsodium-wrappers';\nlet ready: Promise<typeof _sodium> | undefined;\nconst sodium = () => (ready ??= _sodium.ready.then(() => _sodium));\nexport async function seal(message: string, nonce: Uint8Array) {\n  const s = await sodium();\n  return s.crypto_secretbox_easy(s.from_string(message), nonce, s.from_base64(process.env.BOX_KEY ?? ''));\n}"
    }
  ],
  "invalid": [
    {
      "name": "a key written in a defaults object merged by spreads",
      "code": "import { createCipheriv, randomBytes } from 'node:crypto';\nconst defaults = { fieldKey: '3f1c9a7e5b2d4f6081a3c5e7f9b1d3e5a7c9e1f3b5d7f9a1c3e5b7d9f1a3c5e7', encoding: 'base64' };\nconst overrides = process.env.ENC ? { encoding: process.env.ENC } : {};\nconst settings = { ...defaults, ...overrides };\nconst KEY = Buffer.from(settings.fieldKey, 'hex');\nexport const seal = (v: string) => createCipheriv('aes-256-gcm', KEY, randomBytes(12)).update(v);",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 30,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { createCipheriv, randomBytes } from 'node:crypto';\nconst defaults = { fieldKey: requireEnv('DEFAULTS_FIELD_KEY'), encoding: 'base64' };\nconst overrides = process.env.ENC ? { encoding: process.env.ENC } : {};\nconst settings = { ...defaults, ...overrides };\nconst KEY = Buffer.from(settings.fieldKey, 'hex');\nexport const seal = (v: string) => createCipheriv('aes-256-gcm', KEY, randomBytes(12)).update(v);" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "a fallback read through an environment parameter (env = process.env)",
      "code": "import { createHmac } from 'node:crypto';\nexport function signer(env: Record<string, string | undefined> = process.env) {\n  const secret = env.CALLBACK_SIGNING_KEY ?? '9b2e4d6f8a0c1e3f5a7b9c1d3e5f7a9b1c3d5e7f9a1b3c5d7e9f1a3b5c7d9e1f';\n  return (body: string) => createHmac('sha256', secret).update(body).digest('hex');\n}",
      "errors": [
        {
          "messageId": "hardcodedFallback",
          "line": 3,
          "column": 46,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { createHmac } from 'node:crypto';\n\nconst CALLBACK_SIGNING_KEY = requireEnv('CALLBACK_SIGNING_KEY');\nexport function signer(env: Record<string, string | undefined> = process.env) {\n  const secret = CALLBACK_SIGNING_KEY;\n  return (body: string) => createHmac('sha256', secret).update(body).digest('hex');\n}" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "a key decoded by jose's base64url.decode",
      "code": "import { EncryptJWT, base64url } from 'jose';\nconst SESSION_KEY = base64url.decode('pQ3vX8kL2mN5rT9wZ1bC4dF7gH0jK6sA3eY8uI2oP5q');\nexport const seal = (claims: Record<string, unknown>) => new EncryptJWT(claims).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(SESSION_KEY);",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 38,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { EncryptJWT, base64url } from 'jose';\nconst SESSION_KEY = base64url.decode(requireEnv('ENCRYPTION_KEY'));\nexport const seal = (claims: Record<string, unknown>) => new EncryptJWT(claims).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(SESSION_KEY);" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      // Since blind-s15 Stripe's webhooks are modelled: the secret reaches a sink, not only a key-named binding.
      "name": "a webhook endpoint's secret (endpointSecret)",
      "code": "const stripe = require('stripe')(process.env.STRIPE_SECRET_KEY);\nconst endpointSecret = 'whsec_Xk29PqLm4Rt7Vw1Zb8Nc3Hd6Jf0Gs5Ya';\nmodule.exports = (body, sig) => stripe.webhooks.constructEvent(body, sig, endpointSecret);",
      "filename": "file.js",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 24,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "const stripe = require('stripe')(process.env.STRIPE_SECRET_KEY);\nconst endpointSecret = requireEnv('ENDPOINT_SECRET');\nmodule.exports = (body, sig) => stripe.webhooks.constructEvent(body, sig, endpointSecret);" + REQUIRE_ENV_JS
            }
          ]
        }
      ]
    },
    {
      "name": "an Azure storage account key",
      "code": "import { StorageSharedKeyCredential } from '@azure/storage-blob';\nconst ACCOUNT_KEY = 'Zm9vYmFyYmF6cXV4UXdlcnR5VWlvcEFzZGZHaGprbFp4Y3Zibm1RV0VSVFlVSU9QQVNERkdISktMWlhDVkJOTTEyMzQ1Njc4OTA=';\nexport const credential = new StorageSharedKeyCredential('acmereports', ACCOUNT_KEY);",
      "errors": [
        {
          "messageId": "keyLikeConstant",
          "line": 2,
          "column": 21,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { StorageSharedKeyCredential } from '@azure/storage-blob';\nconst ACCOUNT_KEY = requireEnv('ACCOUNT_KEY');\nexport const credential = new StorageSharedKeyCredential('acmereports', ACCOUNT_KEY);" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "a keyring built with Object.fromEntries, read at run time and by a constant version",
      "code": "import { createHmac } from 'node:crypto';\nconst keyring: Record<string, string> = Object.fromEntries([\n  ['2024-01', '5d2f8a1c7e3b9d4f6a0c2e8b1d7f3a9c5e1b4d8f2a6c0e9b3d7f1a5c8e2b6d0f'],\n  ['2024-07', 'a4c8e2f6b0d4a8c2e6f0b4d8a2c6e0f4b8d2a6c0e4f8b2d6a0c4e8f2b6d0a4c8'],\n]);\nexport const sign = (body: string) => createHmac('sha256', keyring['2024-07']).update(body).digest('hex');\nexport const verifyWith = (kid: string, body: string) => createHmac('sha256', keyring[kid]).update(body).digest('hex');",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 3,
          "column": 15,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { createHmac } from 'node:crypto';\nconst keyring: Record<string, string> = Object.fromEntries([\n  ['2024-01', requireEnv('HMAC_KEY')],\n  ['2024-07', 'a4c8e2f6b0d4a8c2e6f0b4d8a2c6e0f4b8d2a6c0e4f8b2d6a0c4e8f2b6d0a4c8'],\n]);\nexport const sign = (body: string) => createHmac('sha256', keyring['2024-07']).update(body).digest('hex');\nexport const verifyWith = (kid: string, body: string) => createHmac('sha256', keyring[kid]).update(body).digest('hex');" + REQUIRE_ENV_TS
            }
          ]
        },
        {
          "messageId": "hardcodedKey",
          "line": 4,
          "column": 15,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { createHmac } from 'node:crypto';\nconst keyring: Record<string, string> = Object.fromEntries([\n  ['2024-01', '5d2f8a1c7e3b9d4f6a0c2e8b1d7f3a9c5e1b4d8f2a6c0e9b3d7f1a5c8e2b6d0f'],\n  ['2024-07', requireEnv('HMAC_KEY')],\n]);\nexport const sign = (body: string) => createHmac('sha256', keyring['2024-07']).update(body).digest('hex');\nexport const verifyWith = (kid: string, body: string) => createHmac('sha256', keyring[kid]).update(body).digest('hex');" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "libsodium reached through a getter that caches the module's ready promise",
      "code": "import _sodium from 'libsodium-wrappers';\nlet ready: Promise<typeof _sodium> | null = null;\nfunction sodium() {\n  if (!ready) ready = _sodium.ready.then(() => _sodium);\n  return ready;\n}\nexport async function seal(message: string, nonce: Uint8Array) {\n  const s = await sodium();\n  return s.crypto_secretbox_easy(s.from_string(message), nonce, s.from_hex('7c1e5a9f3b2d8e4a6c0f1b3d5e7a9c2e4f6b8d0a1c3e5f7b9d2a4c6e8f0b1d3e'));\n}",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 9,
          "column": 76,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import _sodium from 'libsodium-wrappers';\n\nconst ENCRYPTION_KEY = requireEnv('ENCRYPTION_KEY');\nlet ready: Promise<typeof _sodium> | null = null;\nfunction sodium() {\n  if (!ready) ready = _sodium.ready.then(() => _sodium);\n  return ready;\n}\nexport async function seal(message: string, nonce: Uint8Array) {\n  const s = await sodium();\n  return s.crypto_secretbox_easy(s.from_string(message), nonce, s.from_hex(ENCRYPTION_KEY));\n}" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "libsodium reached through an arrow getter assigning the ready promise with ??=",
      "code": "import _sodium from 'libsodium-wrappers';\nlet ready: Promise<typeof _sodium> | undefined;\nconst sodium = () => (ready ??= _sodium.ready.then(() => _sodium));\nexport async function open(box: Uint8Array, nonce: Uint8Array) {\n  const s = await sodium();\n  return s.crypto_secretbox_open_easy(box, nonce, s.from_hex('2d4f6a8c0e1b3d5f7a9c1e3b5d7f9a2c4e6b8d0f1a3c5e7b9d2f4a6c8e0b1d3f'));\n}",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 6,
          "column": 62,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import _sodium from 'libsodium-wrappers';\n\nconst ENCRYPTION_KEY = requireEnv('ENCRYPTION_KEY');\nlet ready: Promise<typeof _sodium> | undefined;\nconst sodium = () => (ready ??= _sodium.ready.then(() => _sodium));\nexport async function open(box: Uint8Array, nonce: Uint8Array) {\n  const s = await sodium();\n  return s.crypto_secretbox_open_easy(box, nonce, s.from_hex(ENCRYPTION_KEY));\n}" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    }
  ]
});

ruleTester.run('min-key-strength (blind-s9 shapes)', minKeyStrength, {
  "valid": [
    {
      "name": "a table whose entries are all strong",
      "code": "import { pbkdf2Sync, randomBytes } from 'node:crypto';\nconst SCHEMES = { sha256: { iterations: 600_000, digest: 'sha256' }, sha512: { iterations: 210_000, digest: 'sha512' } };\nexport const derive = (pw: string, s: 'sha256' | 'sha512') => pbkdf2Sync(pw, randomBytes(16), SCHEMES[s].iterations, 32, SCHEMES[s].digest);"
    }
  ],
  "invalid": [
    {
      "name": "scrypt costs picked from a profile table",
      "code": "import { scryptSync, randomBytes } from 'node:crypto';\nconst PROFILES = {\n  default: { cost: 2 ** 17, blockSize: 8 },\n  mobile: { cost: 2 ** 14, blockSize: 8 },\n} as const;\nexport function hash(pw: string, profile: keyof typeof PROFILES) {\n  const p = PROFILES[profile];\n  return scryptSync(pw, randomBytes(16), 32, { cost: p.cost, blockSize: p.blockSize, maxmem: 256 * 1024 * 1024 });\n}",
      "errors": [
        {
          "messageId": "lowCost",
          "line": 4,
          "column": 19
        }
      ]
    },
    {
      "name": "a DH group picked from a table",
      "code": "const crypto = require('crypto');\nconst GROUPS = { legacy: 'modp2', modern: 'modp14' };\nexports.start = (profile) => crypto.createDiffieHellmanGroup(GROUPS[profile]).generateKeys();",
      "filename": "file.js",
      "errors": [
        {
          "messageId": "smallModulus",
          "line": 2,
          "column": 26
        }
      ]
    },
    {
      "name": "PBKDF2 iterations picked from a table",
      "code": "import { pbkdf2Sync, randomBytes } from 'node:crypto';\nconst SCHEMES = { fips: { iterations: 10_000, digest: 'sha256' }, strong: { iterations: 600_000, digest: 'sha256' } };\nexport const derive = (pw: string, s: 'fips' | 'strong') => pbkdf2Sync(pw, randomBytes(16), SCHEMES[s].iterations, 32, SCHEMES[s].digest);",
      "errors": [
        {
          "messageId": "lowIterations",
          "line": 2,
          "column": 39
        }
      ]
    }
  ]
});

ruleTester.run('no-weak-algorithm (blind-s9 shapes)', noWeakAlgorithm, {
  "valid": [
    {
      "name": "a mode table only decryption reads (format support)",
      "code": "import CryptoJS from 'crypto-js';\nconst MODES = { cbc: CryptoJS.mode.CBC, ecb: CryptoJS.mode.ECB };\nexport function decryptLegacy(ct: string, keyHex: string, mode: keyof typeof MODES) {\n  return CryptoJS.AES.decrypt(ct, CryptoJS.enc.Hex.parse(keyHex), { mode: MODES[mode] }).toString(CryptoJS.enc.Utf8);\n}"
    },
    {
      "name": "a mode table without ECB",
      "code": "import CryptoJS from 'crypto-js';\nconst MODES = { cbc: CryptoJS.mode.CBC, ctr: CryptoJS.mode.CTR };\nexport const encrypt = (v: string, k: CryptoJS.lib.WordArray, m: keyof typeof MODES) => CryptoJS.AES.encrypt(v, k, { mode: MODES[m], iv: CryptoJS.lib.WordArray.random(16) });"
    }
  ],
  "invalid": [
    {
      "name": "an ECB mode picked from a crypto-js mode table",
      "code": "import CryptoJS from 'crypto-js';\nconst MODES = {\n  cbc: CryptoJS.mode.CBC,\n  ecb: CryptoJS.mode.ECB,\n};\nexport function encrypt(value: string, keyHex: string, mode: keyof typeof MODES) {\n  return CryptoJS.AES.encrypt(value, CryptoJS.enc.Hex.parse(keyHex), { mode: MODES[mode], iv: CryptoJS.lib.WordArray.random(16) }).toString();\n}",
      "errors": [
        {
          "messageId": "ecbMode",
          "line": 4,
          "column": 8
        }
      ]
    }
  ]
});

ruleTester.run('no-insecure-randomness (blind-s9 shapes)', noInsecureRandomness, {
  "valid": [
    {
      "name": "lodash random for jitter and shuffles",
      "code": "import _ from 'lodash';\nexport const retryDelayMs = (attempt: number) => Math.min(30_000, 2 ** attempt * 250) + _.random(0, 250);\nexport const quiz = (questions: string[]) => _.shuffle(questions).slice(0, 10);\nexport function renderCode(statusCode: number) {\n  const code = statusCode + _.random(0, 1);\n  return code;\n}"
    }
  ],
  "invalid": [
    {
      "name": "lodash random for a login code",
      "code": "import _ from 'lodash';\nexport async function sendLoginCode(phone: string, send: (to: string, text: string) => Promise<void>) {\n  const code = String(_.random(100000, 999999));\n  await send(phone, `Your code is ${code}`);\n}",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 3,
          "column": 23
        }
      ]
    },
    {
      "name": "lodash/random in a token",
      "code": "const random = require('lodash/random');\nfunction resetToken() {\n  return Array.from({ length: 32 }, () => random(0, 15).toString(16)).join('');\n}\nmodule.exports = { resetToken };",
      "filename": "file.js",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 3,
          "column": 43
        }
      ]
    },
    {
      "name": "Math.random in the bare code of a function named for a verification code",
      "code": "export async function sendVerificationCode(email: string, mailer: { send(to: string, text: string): Promise<void> }) {\n  const code = Math.floor(100000 + Math.random() * 900000).toString();\n  await mailer.send(email, `Your verification code: ${code}`);\n}",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 2,
          "column": 36
        }
      ]
    }
  ]
});

// A key-named field holding the decoding of a constant written in another file: one finding, where
// this file uses it as a key (conventions: imported constants are reported on the sink), not a
// second one on the decoding as if the key were written there.
createTypedRuleTester().run('no-hardcoded-key (blind-s9, type-aware)', noHardcodedKey, {
  valid: [],
  invalid: [
    {
      code: `import { SHARED_AES_KEY } from './constants';
import { createCipheriv, randomBytes } from 'crypto';
export class Outbox {
  private readonly key = Buffer.from(SHARED_AES_KEY, 'hex');
  seal(v: string) {
    return createCipheriv('aes-256-gcm', this.key, randomBytes(12)).update(v);
  }
}`,
      filename: 'file.ts',
      errors: [{ messageId: 'hardcodedKey', line: 6, column: 42 }],
    },
  ],
});
