import minKeyStrength from '../../rules/min-key-strength';
import noHardcodedKey from '../../rules/no-hardcoded-key';
import noInsecureRandomness from '../../rules/no-insecure-randomness';
import noStaticIv from '../../rules/no-static-iv';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the ninth blind set (hardcoded-key/blind-s12, weak-crypto/blind-s12) found missed or misjudged:
// public keys imported as `spki` (or written as base64 DER) taken for secrets, `Uint8Array.of(…)` keys,
// IVs spelled as a string's character codes, `Map` keyrings filled by `.set` chains, libraries without a
// table (keygrip, speakeasy, seedrandom, SJCL's block modes, age-encryption), a Math.random callback passed by
// name, redeemable codes (referral, promo, gift), one random IV reused by every pass of a loop, a GCM tag
// cut short where it is taken (not a check value shown next to the full tag), a secret in one of the
// objects a per-environment config function returns, and keys given to a key-named parameter of a local
// function or class.
const ruleTester = createRuleTester();

ruleTester.run('no-hardcoded-key (blind-s12 shapes)', noHardcodedKey, {
  "valid": [
    {
      "name": "a public key imported as spki (format says public, whatever the bytes)",
      "code": "const SPKI_B64 = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAr8LtHwbpQ9dF0cXkX9mB3rJ2q1vV7pY5jKQ0s4Gx2nT8cW3eR6uLkM9aZ';\nconst bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));\nexport const verifyKey = crypto.subtle.importKey('spki', bytes(SPKI_B64), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify']);"
    },
    {
      "name": "keygrip with keys from the environment",
      "code": "import Keygrip from 'keygrip';\nexport const grip = new Keygrip((process.env.COOKIE_KEYS ?? '').split(','), 'sha256');"
    }
  ],
  "invalid": [
    {
      "name": "a secret imported as raw is still a key",
      "code": "const HMAC_KEY_B64 = 'r8LtHwbpQ9dF0cXkX9mB3rJ2q1vV7pY5jKQ0s4Gx2nT8=';\nconst bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));\nexport const macKey = crypto.subtle.importKey('raw', bytes(HMAC_KEY_B64), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 1,
          "column": 22,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "HMAC_KEY_B64",
                "format": "the same string"
              },
              "output": "const HMAC_KEY_B64 = requireEnv('HMAC_KEY_B64');\nconst bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));\nexport const macKey = crypto.subtle.importKey('raw', bytes(HMAC_KEY_B64), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "Uint8Array.of bytes as an AES key",
      "code": "const WRAP = Uint8Array.of(0x3c, 0x91, 0x0e, 0xa7, 0x52, 0xd8, 0x6f, 0x14, 0xbb, 0x29, 0xc3, 0x7e, 0x05, 0xf6, 0x48, 0x9a);\nexport const key = crypto.subtle.importKey('raw', WRAP, 'AES-GCM', false, ['encrypt', 'decrypt']);",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 1,
          "column": 14
        }
      ]
    },
    {
      "name": "a Map keyring filled with a .set chain: one finding per entry",
      "code": "import { createHmac } from 'node:crypto';\nconst keys = new Map<string, string>()\n  .set('v1', 'Yk2pQ8vR3sT6wX9zA1cE4gH7jL0nP2rS5uV8yB1dF4=')\n  .set('v2', 'Zq3mN6pR9tW2yB5eH8kL1oQ4sV7xA0cF3iJ6lM9pS2=');\nexport const sign = (body: string) => createHmac('sha256', keys.get('v2')!).update(body).digest('hex');",
      "errors": [
        {
          "messageId": "keyLikeConstant",
          "line": 3,
          "column": 14,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "SECRET_KEY",
                "format": "the same string"
              },
              "output": "import { createHmac } from 'node:crypto';\nconst keys = new Map<string, string>()\n  .set('v1', requireEnv('SECRET_KEY'))\n  .set('v2', 'Zq3mN6pR9tW2yB5eH8kL1oQ4sV7xA0cF3iJ6lM9pS2=');\nexport const sign = (body: string) => createHmac('sha256', keys.get('v2')!).update(body).digest('hex');" + REQUIRE_ENV_TS
            }
          ]
        },
        {
          "messageId": "hardcodedKey",
          "line": 4,
          "column": 14,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "HMAC_KEY",
                "format": "the same string"
              },
              "output": "import { createHmac } from 'node:crypto';\nconst keys = new Map<string, string>()\n  .set('v1', 'Yk2pQ8vR3sT6wX9zA1cE4gH7jL0nP2rS5uV8yB1dF4=')\n  .set('v2', requireEnv('HMAC_KEY'));\nexport const sign = (body: string) => createHmac('sha256', keys.get('v2')!).update(body).digest('hex');" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "keygrip's key list",
      "code": "import Keygrip from 'keygrip';\nexport const grip = new Keygrip(['c0ffeeXq7Lm2Np8Rs4Tv6Wy0Zb3Dd5Ff9Hh1Jk', 'b0a7dfYq7Lm2Np8Rs4Tv6Wy0Zb3Dd5Ff9Hh1Jm'], 'sha256');",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 34,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "SECRET_KEY",
                "format": "the same string"
              },
              "output": "import Keygrip from 'keygrip';\nexport const grip = new Keygrip([requireEnv('SECRET_KEY'), 'b0a7dfYq7Lm2Np8Rs4Tv6Wy0Zb3Dd5Ff9Hh1Jm'], 'sha256');" + REQUIRE_ENV_TS
            }
          ]
        },
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 76,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "SECRET_KEY",
                "format": "the same string"
              },
              "output": "import Keygrip from 'keygrip';\nexport const grip = new Keygrip(['c0ffeeXq7Lm2Np8Rs4Tv6Wy0Zb3Dd5Ff9Hh1Jk', requireEnv('SECRET_KEY')], 'sha256');" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    }
  ]
});

ruleTester.run('no-weak-algorithm (blind-s12 shapes)', noWeakAlgorithm, {
  "valid": [
    {
      "name": "speakeasy TOTP over HMAC-SHA256",
      "code": "import speakeasy from 'speakeasy';\nexport const ok = (secret: string, token: string) => speakeasy.totp.verify({ secret, encoding: 'base32', token, algorithm: 'sha256', window: 1 });"
    }
  ],
  "invalid": [
    {
      "name": "keygrip signing with SHA-1",
      "code": "import Keygrip from 'keygrip';\nexport const grip = new Keygrip((process.env.COOKIE_KEYS ?? '').split(','), 'sha1');",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 2,
          "column": 77,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "data": {
                "name": "SHA-1",
                "replacement": "sha256"
              },
              "output": "import Keygrip from 'keygrip';\nexport const grip = new Keygrip((process.env.COOKIE_KEYS ?? '').split(','), 'sha256');"
            }
          ]
        }
      ]
    },
    {
      "name": "speakeasy TOTP over HMAC-SHA1",
      "code": "import speakeasy from 'speakeasy';\nexport const ok = (secret: string, token: string) => speakeasy.totp.verify({ secret, encoding: 'base32', token, algorithm: 'sha1', window: 1 });\nexport const url = (secret: string, label: string) => speakeasy.otpauthURL({ secret, label, algorithm: 'sha1' });",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 2,
          "column": 124,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "data": {
                "name": "SHA-1",
                "replacement": "sha256"
              },
              "output": "import speakeasy from 'speakeasy';\nexport const ok = (secret: string, token: string) => speakeasy.totp.verify({ secret, encoding: 'base32', token, algorithm: 'sha256', window: 1 });\nexport const url = (secret: string, label: string) => speakeasy.otpauthURL({ secret, label, algorithm: 'sha1' });"
            }
          ]
        },
        {
          "messageId": "weakHash",
          "line": 3,
          "column": 104,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "data": {
                "name": "SHA-1",
                "replacement": "sha256"
              },
              "output": "import speakeasy from 'speakeasy';\nexport const ok = (secret: string, token: string) => speakeasy.totp.verify({ secret, encoding: 'base32', token, algorithm: 'sha1', window: 1 });\nexport const url = (secret: string, label: string) => speakeasy.otpauthURL({ secret, label, algorithm: 'sha256' });"
            }
          ]
        }
      ]
    }
  ]
});

ruleTester.run('no-static-iv (blind-s12 shapes)', noStaticIv, {
  "valid": [
    {
      "name": "a random IV per message",
      "code": "export const seal = (key: CryptoKey, data: Uint8Array) => crypto.subtle.encrypt({ name: 'AES-GCM', iv: crypto.getRandomValues(new Uint8Array(12)) }, key, data);"
    },
    {
      "name": "SJCL CCM with a random IV",
      "code": "import sjcl from 'sjcl';\nexport const seal = (prp: sjcl.SjclCipher, pt: sjcl.BitArray) => sjcl.mode.ccm.encrypt(prp, pt, sjcl.random.randomWords(3), [], 128);"
    }
  ],
  "invalid": [
    {
      "name": "an IV spelled as a string's character codes",
      "code": "const NONCE = Uint8Array.from('fixed-nonce!', (c) => c.charCodeAt(0));\nexport const seal = (key: CryptoKey, data: Uint8Array) => crypto.subtle.encrypt({ name: 'AES-GCM', iv: NONCE }, key, data);",
      "errors": [
        {
          "messageId": "constantIv",
          "line": 1,
          "column": 31
        }
      ]
    },
    {
      "name": "SJCL CCM with a constant IV",
      "code": "import sjcl from 'sjcl';\nconst IV = sjcl.codec.hex.toBits('00112233445566778899aabbcc');\nexport const seal = (prp: sjcl.SjclCipher, pt: sjcl.BitArray) => sjcl.mode.ccm.encrypt(prp, pt, IV, [], 128);",
      "errors": [
        {
          "messageId": "constantIv",
          "line": 2,
          "column": 34
        }
      ]
    }
  ]
});

ruleTester.run('no-insecure-randomness (blind-s12 shapes)', noInsecureRandomness, {
  "valid": [
    {
      "name": "a seeded PRNG laying out a daily puzzle",
      "code": "import seedrandom from 'seedrandom';\nexport function dailyBoard(day: string): number[] {\n  const rng = seedrandom(day);\n  const cells = [1, 2, 3, 4, 5, 6, 7, 8, 9];\n  for (let i = cells.length - 1; i > 0; i--) {\n    const j = Math.floor(rng() * (i + 1));\n    [cells[i], cells[j]] = [cells[j], cells[i]];\n  }\n  return cells;\n}"
    },
    {
      "name": "Math.random in a callback passed by name to shuffle a quiz",
      "code": "const coin = () => Math.random() - 0.5;\nexport function shuffledAnswers(answers: string[]): string[] {\n  return [...answers].sort(coin);\n}"
    }
  ],
  "invalid": [
    {
      "name": "a seeded PRNG making a referral code",
      "code": "import seedrandom from 'seedrandom';\nexport function referralCode(inviterId: string): string {\n  const rng = seedrandom(inviterId);\n  let code = '';\n  for (let i = 0; i < 8; i++) code += 'ABCDEFGHJKLMNPQR'[Math.floor(rng() * 16)];\n  return code;\n}",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 5,
          "column": 69
        }
      ]
    },
    {
      "name": "Math.random in a digit callback passed by name to Array.from for a login code",
      "code": "const randomDigit = () => Math.floor(Math.random() * 10);\nexport function newLoginCode(length = 6): string {\n  return Array.from({ length }, randomDigit).join('');\n}",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 1,
          "column": 38
        }
      ]
    }
  ]
});

ruleTester.run('no-static-iv (blind-s12 shapes: IVs reused across a loop, cut tags, age identities)', noStaticIv, {
  "valid": [
    {
      "name": "a fresh IV drawn inside the loop",
      "code": "import { createCipheriv, randomBytes } from 'node:crypto';\nconst KEY = Buffer.from(process.env.BATCH_KEY ?? '', 'base64');\nexport function encryptRows(rows: string[]) {\n  const out = [];\n  for (const row of rows) {\n    const iv = randomBytes(12);\n    const cipher = createCipheriv('aes-256-gcm', KEY, iv);\n    out.push(Buffer.concat([iv, cipher.update(row), cipher.final(), cipher.getAuthTag()]));\n  }\n  return out;\n}"
    },
    {
      "name": "one IV per batch with a fresh key per recipient",
      "code": "import { createCipheriv, randomBytes, hkdfSync } from 'node:crypto';\nexport function sealFor(master: Buffer, recipients: string[], data: Buffer) {\n  const iv = randomBytes(12);\n  return recipients.map((recipient) => {\n    const key = Buffer.from(hkdfSync('sha256', master, iv, recipient, 32));\n    const cipher = createCipheriv('aes-256-gcm', key, iv);\n    return Buffer.concat([cipher.update(data), cipher.final()]);\n  });\n}"
    },
    {
      "name": "a random IV passed to a single encryption after a loop that only reads rows",
      "code": "import { createCipheriv, randomBytes } from 'node:crypto';\nconst KEY = Buffer.from(process.env.BATCH_KEY ?? '', 'base64');\nexport function encryptReport(rows: string[]) {\n  const iv = randomBytes(12);\n  let text = '';\n  for (const row of rows) text += row + '\\n';\n  const cipher = createCipheriv('aes-256-gcm', KEY, iv);\n  return Buffer.concat([iv, cipher.update(text), cipher.final(), cipher.getAuthTag()]);\n}"
    }
  ],
  "invalid": [
    {
      "name": "one random IV drawn per batch and reused for every row",
      "code": "import { createCipheriv, randomBytes } from 'node:crypto';\nconst KEY = Buffer.from(process.env.BATCH_KEY ?? '', 'base64');\nexport function encryptRows(rows: string[]) {\n  const iv = randomBytes(12);\n  const out = [];\n  for (const row of rows) {\n    const cipher = createCipheriv('aes-256-gcm', KEY, iv);\n    out.push(Buffer.concat([cipher.update(row), cipher.final(), cipher.getAuthTag()]));\n  }\n  return { iv, out };\n}",
      "errors": [
        {
          "messageId": "reusedIv",
          "line": 4,
          "column": 14
        }
      ]
    },
    {
      "name": "one IV reused in a map callback",
      "code": "import { createCipheriv, randomBytes } from 'node:crypto';\nconst KEY = Buffer.from(process.env.BATCH_KEY ?? '', 'base64');\nexport function encryptAll(items: string[]) {\n  const nonce = randomBytes(12);\n  return items.map((item) => {\n    const cipher = createCipheriv('aes-256-gcm', KEY, nonce);\n    return Buffer.concat([cipher.update(item), cipher.final()]);\n  });\n}",
      "errors": [
        {
          "messageId": "reusedIv",
          "line": 4,
          "column": 17
        }
      ]
    }
  ]
});

ruleTester.run('min-key-strength (blind-s12 shapes: IVs reused across a loop, cut tags, age identities)', minKeyStrength, {
  "valid": [
    {
      "name": "the full GCM tag, and a slice of the ciphertext",
      "code": "import { createCipheriv, randomBytes, type CipherGCM } from 'node:crypto';\nconst KEY = Buffer.from(process.env.BADGE_KEY ?? '', 'base64');\nexport function seal(text: string) {\n  const iv = randomBytes(12);\n  const cipher = createCipheriv('aes-256-gcm', KEY, iv) as CipherGCM;\n  const ct = Buffer.concat([cipher.update(text), cipher.final()]);\n  return Buffer.concat([iv, cipher.getAuthTag().subarray(0, 16), ct.subarray(0, 4)]);\n}"
    }
  ],
  "invalid": [
    {
      "name": "a GCM tag cut to 8 bytes where it is taken",
      "code": "import { createCipheriv, randomBytes, type CipherGCM } from 'node:crypto';\nconst KEY = Buffer.from(process.env.BADGE_KEY ?? '', 'base64');\nexport function seal(text: string) {\n  const iv = randomBytes(12);\n  const cipher = createCipheriv('aes-256-gcm', KEY, iv) as CipherGCM;\n  const ct = Buffer.concat([cipher.update(text), cipher.final()]);\n  return Buffer.concat([iv, cipher.getAuthTag().subarray(0, 8), ct]);\n}",
      "errors": [
        {
          "messageId": "shortTag",
          "line": 7,
          "column": 61
        }
      ]
    }
  ]
});

ruleTester.run('no-hardcoded-key (blind-s12 shapes: IVs reused across a loop, cut tags, age identities)', noHardcodedKey, {
  "valid": [
    {
      "name": "age recipients are public keys, and an identity from the environment",
      "code": "import { Decrypter, Encrypter } from 'age-encryption';\nexport async function seal(data: Uint8Array) {\n  const e = new Encrypter();\n  e.addRecipient('age1pe29e6qg35gytsa306lneu3zxhmuzz5yvk3p4qqextyapu4fvpcqhfv24v');\n  return e.encrypt(data);\n}\nexport async function open(data: Uint8Array) {\n  const d = new Decrypter();\n  d.addIdentity(process.env.AGE_IDENTITY ?? '');\n  return d.decrypt(data);\n}"
    }
  ],
  "invalid": [
    {
      "name": "an age identity written in the source",
      "code": "import { Decrypter } from 'age-encryption';\nconst RESTORE = 'AGE-SECRET-KEY-1QQQSGR3Y6VQNWPG09KZ6VNMUDEZVFTPX9K2NWS3T8WDPJ92VXPDSQZZZZZ';\nexport async function open(data: Uint8Array) {\n  const d = new Decrypter();\n  d.addIdentity(RESTORE);\n  return d.decrypt(data);\n}",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 17,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "RESTORE",
                "format": "the same string"
              },
              "output": "import { Decrypter } from 'age-encryption';\nconst RESTORE = requireEnv('RESTORE');\nexport async function open(data: Uint8Array) {\n  const d = new Decrypter();\n  d.addIdentity(RESTORE);\n  return d.decrypt(data);\n}" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    }
  ]
});

ruleTester.run('min-key-strength (blind-s12 shapes: config functions, tag check values)', minKeyStrength, {
  "valid": [
    {
      "name": "a short check value cut from the tag, next to the full tag",
      "code": "import { createCipheriv, randomBytes } from 'node:crypto';\nexport function seal(key: Buffer, text: string) {\n  const iv = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', key, iv);\n  const body = Buffer.concat([c.update(text), c.final()]);\n  const check = c.getAuthTag().subarray(0, 4).toString('hex');\n  return { iv, body, tag: c.getAuthTag(), check };\n}"
    }
  ],
  "invalid": []
});

ruleTester.run('no-hardcoded-key (blind-s12 shapes: config functions, tag check values)', noHardcodedKey, {
  "valid": [
    {
      "name": "a per-environment config function with every secret from the environment",
      "code": "import { createHmac } from 'node:crypto';\nfunction configFor(stage: string) {\n  switch (stage) {\n    case 'production':\n      return { auditSecret: process.env.AUDIT_SECRET as string, url: 'https://api.example.com' };\n    default:\n      return { auditSecret: process.env.DEV_AUDIT_SECRET ?? '', url: 'http://localhost:4000' };\n  }\n}\nconst active = configFor(process.env.STAGE ?? 'dev');\nexport const sign = (line: string) => createHmac('sha256', active.auditSecret).update(line).digest('hex');"
    }
  ],
  "invalid": [
    {
      "name": "a secret in one branch of a per-environment config function",
      "code": "import { createHmac } from 'node:crypto';\nfunction configFor(stage: string) {\n  switch (stage) {\n    case 'production':\n      return { auditSecret: process.env.AUDIT_SECRET as string };\n    default:\n      return { auditSecret: 'dev-audit-secret' };\n  }\n}\nconst active = configFor(process.env.STAGE ?? 'dev');\nexport const sign = (line: string) => createHmac('sha256', active.auditSecret).update(line).digest('hex');",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 7,
          "column": 29
        }
      ]
    }
  ]
});

ruleTester.run('no-hardcoded-key (blind-s12 shapes: key-named parameters of local functions and classes)', noHardcodedKey, {
  "valid": [
    {
      "name": "cache-key names handed to a key-named parameter, and options of a local class",
      "code": "class Cache {\n  constructor(private readonly options: { ttl: number; prefix: string }) {}\n}\nfunction warm(keys: string[]) {\n  return keys.length;\n}\nexport const cache = new Cache({ ttl: 30, prefix: 'orders:v2:' });\nexport const warmed = warm(['user:42:profile', 'user:42:settings']);"
    }
  ],
  "invalid": [
    {
      "name": "hex keys handed to a local class's key-named constructor parameter",
      "code": "class StaticKeyProvider {\n  private readonly keys: Map<string, Buffer>;\n  constructor(keys: Record<string, string>) {\n    this.keys = new Map(Object.entries(keys).map(([id, hex]) => [id, Buffer.from(hex, 'hex')]));\n  }\n  byId(id: string) {\n    return this.keys.get(id);\n  }\n}\nexport const provider = new StaticKeyProvider({\n  k2024: '3f9c2a7d81e04b56c9a1f7e2d4b8063a5c7e9f1b2d4a6c8e0f1a3b5c7d9e1f20',\n});",
      "errors": [
        {
          "messageId": "keyLikeConstant",
          "line": 11,
          "column": 10,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "STATIC_KEY_PROVIDER_K2024",
                "format": "the same hex string"
              },
              "output": "class StaticKeyProvider {\n  private readonly keys: Map<string, Buffer>;\n  constructor(keys: Record<string, string>) {\n    this.keys = new Map(Object.entries(keys).map(([id, hex]) => [id, Buffer.from(hex, 'hex')]));\n  }\n  byId(id: string) {\n    return this.keys.get(id);\n  }\n}\nexport const provider = new StaticKeyProvider({\n  k2024: requireEnv('STATIC_KEY_PROVIDER_K2024'),\n});" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "a base64 secret given to a local signer function's secret parameter",
      "code": "import { createHmac } from 'node:crypto';\nfunction makeSigner(secret: string) {\n  return (body: string) => createHmac('sha256', secret).update(body).digest('hex');\n}\nexport const sign = makeSigner('pQ8vR3sT6wX9zA1cE4gH7jL0nP2rS5uV8yB1dF4Yk2=');",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 5,
          "column": 32,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "HMAC_KEY",
                "format": "the same string"
              },
              "output": "import { createHmac } from 'node:crypto';\nfunction makeSigner(secret: string) {\n  return (body: string) => createHmac('sha256', secret).update(body).digest('hex');\n}\nexport const sign = makeSigner(requireEnv('HMAC_KEY'));" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    }
  ]
});
