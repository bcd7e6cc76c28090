import minKeyStrength from '../../rules/min-key-strength';
import noHardcodedKey from '../../rules/no-hardcoded-key';
import noInsecureRandomness from '../../rules/no-insecure-randomness';
import noStaticIv from '../../rules/no-static-iv';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_JS, REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the seventh blind set (hardcoded-key/blind-s10, weak-crypto/blind-s10) found missed:
// libraries without a table (aes-js, SJCL, node-rsa, crypto-browserify, jsrsasign, otpauth,
// GraphQL Yoga's JWT plugin, @hapi/iron, the md5/sha1 packages, time-based uuids), keys
// assembled with Buffer.concat or written backwards, password maps by version, key-named
// constants whose name ends in their encoding (`KEY_HEX`), and a digest naming a storage slot.
const ruleTester = createRuleTester();

ruleTester.run('no-hardcoded-key (blind-s10 shapes)', noHardcodedKey, {
  "valid": [
    {
      "name": "an iron-session password map from the environment",
      "code": "import { sealData } from 'iron-session';\nconst PASSWORDS = { 1: process.env.OLD_COOKIE_PASSWORD as string, 2: process.env.COOKIE_PASSWORD as string };\nexport const seal = (id: string) => sealData({ id }, { password: PASSWORDS });"
    },
    {
      "name": "constant lists split from a string are not keys",
      "code": "import { createHmac } from 'node:crypto';\nconst SCOPES = 'read:orders,write:orders'.split(',');\nexport const tag = (scope: string) => SCOPES.includes(scope) && createHmac('sha256', process.env.SCOPE_KEY ?? '').update(scope).digest('hex');"
    },
    {
      "name": "key ids and header names in a class with an encoding suffix",
      "code": "export class ReceiptConfig {\n  static readonly KEY_ID_HEX = '0a1b2c3d';\n  static readonly SIGNATURE_HEADER = 'X-Receipt-Signature';\n  static readonly CACHE_KEY_HEX = 'receipts:v2';\n}"
    }
  ],
  "invalid": [
    {
      "name": "a key assembled with Buffer.concat from constant pieces",
      "code": "import { createHmac } from 'node:crypto';\nconst MAC_KEY = Buffer.concat([Buffer.from('58a22507586069e2bb43cecf448ca72d', 'hex'), Buffer.from('a53c150bfe497a10ae562901e0ae6494', 'hex')]);\nexport const sign = (image: Buffer) => createHmac('sha256', MAC_KEY).update(image).digest();",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 17
        }
      ]
    },
    {
      "name": "a key written backwards and reversed at run time",
      "code": "import { createHmac } from 'node:crypto';\nconst MANIFEST_SECRET = 'dcad46d33353772f86f11b78bdb7304005036b06d94788a1813020017e8e3164'.split('').reverse().join('');\nexport const sign = (body: string) => createHmac('sha256', MANIFEST_SECRET).update(body).digest('hex');",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 25,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { createHmac } from 'node:crypto';\nconst MANIFEST_SECRET = requireEnv('HMAC_KEY').split('').reverse().join('');\nexport const sign = (body: string) => createHmac('sha256', MANIFEST_SECRET).update(body).digest('hex');" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "an aes-js key decoded with utils.hex.toBytes",
      "code": "import aesjs from 'aes-js';\nexport function seal(bytes: Uint8Array, iv: Uint8Array) {\n  const cbc = new aesjs.ModeOfOperation.cbc(aesjs.utils.hex.toBytes('095b27fb0dcb05b3d624469b112ccbb200ac9874c15cec80c190ce1bee618670'), iv);\n  return cbc.encrypt(bytes);\n}",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 3,
          "column": 69,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import aesjs from 'aes-js';\n\nconst ENCRYPTION_KEY = requireEnv('ENCRYPTION_KEY');\nexport function seal(bytes: Uint8Array, iv: Uint8Array) {\n  const cbc = new aesjs.ModeOfOperation.cbc(aesjs.utils.hex.toBytes(ENCRYPTION_KEY), iv);\n  return cbc.encrypt(bytes);\n}" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "an SJCL cipher key decoded with codec.hex.toBits",
      "code": "import sjcl from 'sjcl';\nconst cipher = new sjcl.cipher.aes(sjcl.codec.hex.toBits('d9d62f18851f7959994be55106295a76d6005ea67e4d1bcbcda7549cbcd7c0eb'));\nexport const seal = (bits: number[], iv: number[]) => sjcl.mode.ccm.encrypt(cipher, bits, iv, [], 128);",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 58,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import sjcl from 'sjcl';\nconst cipher = new sjcl.cipher.aes(sjcl.codec.hex.toBits(requireEnv('ENCRYPTION_KEY')));\nexport const seal = (bits: number[], iv: number[]) => sjcl.mode.ccm.encrypt(cipher, bits, iv, [], 128);" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "an iron-session password map by version",
      "code": "import { sealData } from 'iron-session';\nconst PASSWORDS = { 2: 'hFdS9bHgHqfQNkQG5Vcw2Xs52uxkhW/IszJq+yowj6M=' };\nexport const seal = (cartId: string) => sealData({ cartId }, { password: PASSWORDS, ttl: 3600 });",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 24,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { sealData } from 'iron-session';\nconst PASSWORDS = { 2: requireEnv('PASSWORDS_2') };\nexport const seal = (cartId: string) => sealData({ cartId }, { password: PASSWORDS, ttl: 3600 });" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "@hapi/iron with an { id, secret } password: the id is no key",
      "code": "import * as Iron from '@hapi/iron';\nconst PASSWORD = { id: 'v3', secret: 'WSYzmDjF6djm2ObLIGyBXlWR9gcw01nIz8pSwP7Mwqo=' };\nexport const seal = (data: object) => Iron.seal(data, PASSWORD, Iron.defaults);",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 38,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import * as Iron from '@hapi/iron';\nconst PASSWORD = { id: 'v3', secret: requireEnv('PASSWORD_SECRET') };\nexport const seal = (data: object) => Iron.seal(data, PASSWORD, Iron.defaults);" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "a GraphQL Yoga inline signing key",
      "code": "import { useJWT, createInlineSigningKeyProvider } from '@graphql-yoga/plugin-jwt';\nexport const jwtPlugin = useJWT({ signingKeyProviders: [createInlineSigningKeyProvider('S0vdWTCzNU6fxV8qfSUrzGIKt+Moppz2MB2ZxuegTfs=')], tokenVerification: { algorithms: ['HS256'] } });",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 88,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { useJWT, createInlineSigningKeyProvider } from '@graphql-yoga/plugin-jwt';\nexport const jwtPlugin = useJWT({ signingKeyProviders: [createInlineSigningKeyProvider(requireEnv('SECRET_KEY'))], tokenVerification: { algorithms: ['HS256'] } });" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "a jsrsasign HS256 key object",
      "code": "const { KJUR } = require('jsrsasign');\nconst PARTNER = { hex: 'e378eba758afef1e7b1268e4a37ef819608232dab4eca95c13551118a813cf5f' };\nexports.sign = (claims) => KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256' }), JSON.stringify(claims), PARTNER);",
      "filename": "file.cjs",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 24,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "const { KJUR } = require('jsrsasign');\nconst PARTNER = { hex: requireEnv('PARTNER_HEX') };\nexports.sign = (claims) => KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256' }), JSON.stringify(claims), PARTNER);" + REQUIRE_ENV_JS
            }
          ]
        }
      ]
    },
    {
      "name": "an otpauth secret decoded from base32",
      "code": "import * as OTPAuth from 'otpauth';\nconst totp = new OTPAuth.TOTP({ issuer: 'Bank', algorithm: 'SHA256', secret: OTPAuth.Secret.fromBase32('HHQONIQGBQBWCVRCD7XF6UOKLN5XE3AQ') });\nexport const code = () => totp.generate();",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 104,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import * as OTPAuth from 'otpauth';\nconst totp = new OTPAuth.TOTP({ issuer: 'Bank', algorithm: 'SHA256', secret: OTPAuth.Secret.fromBase32(requireEnv('HMAC_KEY')) });\nexport const code = () => totp.generate();" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "a key-named static field whose name ends in its encoding",
      "code": "export class UrlSigner {\n  static readonly KEY_HEX = 'b1110a06c03cbcb7f3170b9b03636e0f8ef68fd5b046e0189f79d3529dcbb041';\n  static keyBytes(): Uint8Array {\n    return new Uint8Array(UrlSigner.KEY_HEX.match(/../g)!.map((p) => parseInt(p, 16)));\n  }\n}",
      "errors": [
        {
          "messageId": "keyLikeConstant",
          "line": 2,
          "column": 29
        }
      ]
    },
    {
      "name": "crypto-browserify is node:crypto",
      "code": "const cryptoB = require('crypto-browserify');\nexports.mac = (body) => cryptoB.createHmac('sha256', '/pTF02o3a0g6MYBXGUS7dEwO+AEar3qPf4wcQl3lN4Y=').update(body).digest('hex');",
      "filename": "file.cjs",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 54,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "const cryptoB = require('crypto-browserify');\n\nconst HMAC_KEY = requireEnv('HMAC_KEY');\nexports.mac = (body) => cryptoB.createHmac('sha256', HMAC_KEY).update(body).digest('hex');" + REQUIRE_ENV_JS
            }
          ]
        }
      ]
    }
  ]
});

ruleTester.run('no-weak-algorithm (blind-s10 shapes)', noWeakAlgorithm, {
  "valid": [
    {
      "name": "aes-js CBC with an HMAC over the ciphertext (strict)",
      "code": "import aesjs from 'aes-js';\nimport { createHmac } from 'node:crypto';\nexport function seal(encKey: Uint8Array, macKey: Buffer, iv: Uint8Array, bytes: Uint8Array) {\n  const body = new aesjs.ModeOfOperation.cbc(encKey, iv).encrypt(bytes);\n  return { body, tag: createHmac('sha256', macKey).update(body).digest() };\n}",
      "options": [
        {
          "allowFingerprints": false,
          "requireAuthenticatedEncryption": true,
          "requirePinnedJwtAlgorithms": "always"
        }
      ]
    },
    {
      "name": "node-rsa OAEP and PSS-SHA256",
      "code": "import NodeRSA from 'node-rsa';\nexport function keys(pem: string) {\n  const key = new NodeRSA(pem, 'pkcs8-private-pem', { encryptionScheme: 'pkcs1_oaep', signingScheme: 'pss-sha256' });\n  key.setOptions({ encryptionScheme: { scheme: 'pkcs1_oaep', hash: 'sha256' } });\n  return key;\n}"
    },
    {
      "name": "Gravatar ids with the md5 package and upload chunk digests with spark-md5",
      "code": "import md5 from 'md5';\nimport SparkMD5 from 'spark-md5';\nexport const avatarUrl = (email: string) => `https://www.gravatar.com/avatar/${md5(email.trim().toLowerCase())}`;\nexport async function chunkFingerprints(chunks: Blob[]) {\n  const out: string[] = [];\n  for (const c of chunks) out.push(SparkMD5.ArrayBuffer.hash(await c.arrayBuffer()));\n  return out;\n}"
    },
    {
      "name": "a SHA-1 of a URL used as a localStorage slot name",
      "code": "import CryptoJS from 'crypto-js';\nfunction storageKey(url: string): string {\n  return `gc:${CryptoJS.SHA1(url).toString(CryptoJS.enc.Hex).slice(0, 16)}`;\n}\nexport const read = (url: string) => localStorage.getItem(storageKey(url));"
    }
  ],
  "invalid": [
    {
      "name": "aes-js ECB mode",
      "code": "import aesjs from 'aes-js';\nexport function seal(key: Uint8Array, block: Uint8Array) {\n  const ecb = new aesjs.ModeOfOperation.ecb(key);\n  return ecb.encrypt(block);\n}",
      "errors": [
        {
          "messageId": "ecbMode",
          "line": 3,
          "column": 41
        }
      ]
    },
    {
      "name": "node-rsa PKCS#1 v1.5 encryption and SHA-1 signatures",
      "code": "const NodeRSA = require('node-rsa');\nexports.make = (pem) => {\n  const key = new NodeRSA(pem, 'pkcs8-private-pem', { encryptionScheme: 'pkcs1' });\n  key.setOptions({ signingScheme: 'pkcs1-sha1' });\n  return key;\n};",
      "filename": "file.cjs",
      "errors": [
        {
          "messageId": "rsaPkcs1Encryption",
          "line": 3,
          "column": 73
        },
        {
          "messageId": "weakHash",
          "line": 4,
          "column": 35,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "output": "const NodeRSA = require('node-rsa');\nexports.make = (pem) => {\n  const key = new NodeRSA(pem, 'pkcs8-private-pem', { encryptionScheme: 'pkcs1' });\n  key.setOptions({ signingScheme: 'pkcs1-sha256' });\n  return key;\n};"
            }
          ]
        }
      ]
    },
    {
      "name": "crypto-browserify Triple DES",
      "code": "const cryptoB = require('crypto-browserify');\nexports.seal = (key, iv, text) => cryptoB.createCipheriv('des-ede3-cbc', key, iv).update(text, 'utf8', 'base64');",
      "filename": "file.cjs",
      "errors": [
        {
          "messageId": "weakCipher",
          "line": 2,
          "column": 58
        }
      ]
    },
    {
      "name": "the md5 package over a salted password",
      "code": "const md5 = require('md5');\nexports.check = (user, password) => md5(user.salt + password) === user.passwordHash;",
      "filename": "file.cjs",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 2,
          "column": 37,
          "suggestions": []
        }
      ]
    },
    {
      "name": "aes-js CBC without a MAC (strict)",
      "code": "import aesjs from 'aes-js';\nexport const seal = (key: Uint8Array, iv: Uint8Array, bytes: Uint8Array) => new aesjs.ModeOfOperation.cbc(key, iv).encrypt(bytes);",
      "options": [
        {
          "allowFingerprints": false,
          "requireAuthenticatedEncryption": true,
          "requirePinnedJwtAlgorithms": "always"
        }
      ],
      "errors": [
        {
          "messageId": "unauthenticatedMode",
          "line": 2,
          "column": 103
        }
      ]
    }
  ]
});

ruleTester.run('min-key-strength (blind-s10 shapes)', minKeyStrength, {
  "valid": [
    {
      "name": "node-rsa 3072 bits and SJCL at 650,000 iterations",
      "code": "import NodeRSA from 'node-rsa';\nimport sjcl from 'sjcl';\nexport const releaseKey = () => new NodeRSA({ b: 3072 });\nexport const exportVault = (pw: string, data: string) => sjcl.encrypt(pw, data, { iter: 650000, ks: 256, mode: 'gcm' });"
    }
  ],
  "invalid": [
    {
      "name": "node-rsa small keys",
      "code": "import NodeRSA from 'node-rsa';\nexport const mailboxKey = () => new NodeRSA({ b: 512 });\nexport function legacy() {\n  const key = new NodeRSA();\n  key.generateKeyPair(1024, 65537);\n  return key;\n}",
      "errors": [
        {
          "messageId": "smallModulus",
          "line": 2,
          "column": 50
        },
        {
          "messageId": "smallModulus",
          "line": 5,
          "column": 23
        }
      ]
    },
    {
      "name": "SJCL PBKDF2 iterations",
      "code": "import sjcl from 'sjcl';\nexport const exportVault = (pw: string, data: string) => sjcl.encrypt(pw, data, { iter: 1000, ks: 256 });\nexport const verifier = (pw: string, salt: number[]) => sjcl.misc.pbkdf2(pw, salt, 10000, 256);",
      "errors": [
        {
          "messageId": "lowIterations",
          "line": 2,
          "column": 89
        },
        {
          "messageId": "lowIterations",
          "line": 3,
          "column": 84
        }
      ]
    }
  ]
});

ruleTester.run('no-static-iv (blind-s10 shapes)', noStaticIv, {
  "valid": [
    {
      "name": "aes-js counter block from the CSPRNG",
      "code": "import aesjs from 'aes-js';\nexport function ctr(key: Uint8Array, bytes: Uint8Array) {\n  const counter = crypto.getRandomValues(new Uint8Array(16));\n  return { counter, body: new aesjs.ModeOfOperation.ctr(key, new aesjs.Counter(counter)).encrypt(bytes) };\n}"
    }
  ],
  "invalid": [
    {
      "name": "aes-js constant CTR counter and CBC IV array",
      "code": "import aesjs from 'aes-js';\nconst IV = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];\nexport const ctr = (key: Uint8Array, bytes: Uint8Array) => new aesjs.ModeOfOperation.ctr(key, new aesjs.Counter(5)).encrypt(bytes);\nexport const cbc = (key: Uint8Array, bytes: Uint8Array) => new aesjs.ModeOfOperation.cbc(key, IV).encrypt(bytes);",
      "errors": [
        {
          "messageId": "constantIv",
          "line": 2,
          "column": 12
        },
        {
          "messageId": "constantIv",
          "line": 3,
          "column": 113
        }
      ]
    }
  ]
});

ruleTester.run('no-insecure-randomness (blind-s10 shapes)', noInsecureRandomness, {
  "valid": [
    {
      "name": "time-based UUIDs as row and trace ids",
      "code": "import { v1 as uuidv1, v4 as uuidv4 } from 'uuid';\nexport const auditRow = (kind: string) => ({ id: uuidv1(), kind, at: new Date() });\nexport const traceId = () => uuidv4();"
    }
  ],
  "invalid": [
    {
      "name": "a time-based UUID as a password reset token",
      "code": "import { v1 as uuidv1 } from 'uuid';\nexport async function createResetToken(db: { insert(row: object): Promise<void> }, userId: string) {\n  const token = uuidv1();\n  await db.insert({ token, userId });\n  return token;\n}",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 3,
          "column": 17
        }
      ]
    }
  ]
});

// The same gap in two more browser libraries: @noble/ciphers (the mode is the function's name,
// `hexToBytes` decodes written keys) and JSEncrypt (PKCS#1 v1.5 encryption, `default_key_size`).

ruleTester.run('no-hardcoded-key (noble-ciphers, jsencrypt)', noHardcodedKey, {
  "valid": [
    {
      "name": "a @noble/ciphers key from the environment",
      "code": "import { xchacha20poly1305 } from '@noble/ciphers/chacha';\nimport { hexToBytes } from '@noble/ciphers/utils';\nimport { randomBytes } from '@noble/ciphers/webcrypto';\nconst key = hexToBytes(process.env.BOX_KEY ?? '');\nexport function seal(data: Uint8Array) {\n  const nonce = randomBytes(24);\n  return { nonce, body: xchacha20poly1305(key, nonce).encrypt(data) };\n}"
    }
  ],
  "invalid": [
    {
      "name": "a @noble/ciphers key decoded with hexToBytes",
      "code": "import { gcm } from '@noble/ciphers/aes';\nimport { hexToBytes, utf8ToBytes } from '@noble/ciphers/utils';\nimport { randomBytes } from '@noble/ciphers/webcrypto';\nconst DRAFT_KEY = hexToBytes('4e89577c8ce5b23cfbccd0acc8b439ece6afcc2231b217e6fac5ffe687e84672');\nexport function seal(text: string) {\n  const nonce = randomBytes(12);\n  return { nonce, body: gcm(DRAFT_KEY, nonce).encrypt(utf8ToBytes(text)) };\n}",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 4,
          "column": 30,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { gcm } from '@noble/ciphers/aes';\nimport { hexToBytes, utf8ToBytes } from '@noble/ciphers/utils';\nimport { randomBytes } from '@noble/ciphers/webcrypto';\nconst DRAFT_KEY = hexToBytes(requireEnv('ENCRYPTION_KEY'));\nexport function seal(text: string) {\n  const nonce = randomBytes(12);\n  return { nonce, body: gcm(DRAFT_KEY, nonce).encrypt(utf8ToBytes(text)) };\n}" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    }
  ]
});

ruleTester.run('no-weak-algorithm (noble-ciphers, jsencrypt)', noWeakAlgorithm, {
  "valid": [
    {
      "name": "@noble/ciphers GCM and XChaCha20-Poly1305 (strict)",
      "code": "import { gcm } from '@noble/ciphers/aes';\nimport { xchacha20poly1305 } from '@noble/ciphers/chacha';\nimport { randomBytes } from '@noble/ciphers/webcrypto';\nexport function seal(key: Uint8Array, data: Uint8Array) {\n  const iv = randomBytes(12);\n  const n = randomBytes(24);\n  return { a: gcm(key, iv).encrypt(data), b: xchacha20poly1305(key, n).encrypt(data), iv, n };\n}",
      "options": [
        {
          "allowFingerprints": false,
          "requireAuthenticatedEncryption": true,
          "requirePinnedJwtAlgorithms": "always"
        }
      ]
    },
    {
      "name": "JSEncrypt only signs with SHA-256",
      "code": "import { JSEncrypt } from 'jsencrypt';\nimport { sha256 } from 'js-sha256';\nexport function signForm(privatePem: string, body: string) {\n  const signer = new JSEncrypt();\n  signer.setPrivateKey(privatePem);\n  return signer.sign(body, sha256, 'sha256');\n}"
    }
  ],
  "invalid": [
    {
      "name": "@noble/ciphers ECB",
      "code": "import { ecb } from '@noble/ciphers/aes';\nexport const sealBlock = (key: Uint8Array, block: Uint8Array) => ecb(key).encrypt(block);",
      "errors": [
        {
          "messageId": "ecbMode",
          "line": 2,
          "column": 66
        }
      ]
    },
    {
      "name": "@noble/ciphers CBC without a MAC (strict)",
      "code": "import { cbc } from '@noble/ciphers/aes';\nimport { randomBytes } from '@noble/ciphers/webcrypto';\nexport function seal(key: Uint8Array, data: Uint8Array) {\n  const iv = randomBytes(16);\n  return { iv, body: cbc(key, iv).encrypt(data) };\n}",
      "options": [
        {
          "allowFingerprints": false,
          "requireAuthenticatedEncryption": true,
          "requirePinnedJwtAlgorithms": "always"
        }
      ],
      "errors": [
        {
          "messageId": "unauthenticatedMode",
          "line": 5,
          "column": 22
        }
      ]
    },
    {
      "name": "JSEncrypt encrypts with PKCS#1 v1.5 padding",
      "code": "import JSEncrypt from 'jsencrypt';\nexport function encryptCard(publicPem: string, pan: string) {\n  const enc = new JSEncrypt();\n  enc.setPublicKey(publicPem);\n  return enc.encrypt(pan);\n}",
      "errors": [
        {
          "messageId": "rsaPkcs1Encryption",
          "line": 5,
          "column": 14
        }
      ]
    }
  ]
});

ruleTester.run('min-key-strength (noble-ciphers, jsencrypt)', minKeyStrength, {
  "valid": [],
  "invalid": [
    {
      "name": "JSEncrypt generating 1024-bit keys",
      "code": "import JSEncrypt from 'jsencrypt';\nexport function newKeyPair() {\n  const crypt = new JSEncrypt({ default_key_size: 1024 });\n  return { privateKey: crypt.getPrivateKey(), publicKey: crypt.getPublicKey() };\n}",
      "errors": [
        {
          "messageId": "smallModulus",
          "line": 3,
          "column": 51
        }
      ]
    }
  ]
});

ruleTester.run('no-static-iv (noble-ciphers, jsencrypt)', noStaticIv, {
  "valid": [
    {
      "name": "a fresh nonce for @noble/ciphers chacha20poly1305",
      "code": "import { chacha20poly1305 } from '@noble/ciphers/chacha';\nimport { randomBytes } from '@noble/ciphers/webcrypto';\nexport function seal(key: Uint8Array, data: Uint8Array) {\n  const nonce = randomBytes(12);\n  return { nonce, body: chacha20poly1305(key, nonce).encrypt(data) };\n}"
    }
  ],
  "invalid": [
    {
      "name": "a zero nonce for @noble/ciphers gcm",
      "code": "import { gcm } from '@noble/ciphers/aes';\nexport const seal = (key: Uint8Array, data: Uint8Array) => gcm(key, new Uint8Array(12)).encrypt(data);",
      "errors": [
        {
          "messageId": "zeroIv",
          "line": 2,
          "column": 69
        }
      ]
    }
  ]
});

// SJCL's own default iteration count (10,000) when `iter` is not given.
ruleTester.run('min-key-strength (sjcl defaults)', minKeyStrength, {
  "valid": [
    {
      "name": "SJCL encrypt with options built elsewhere",
      "code": "import sjcl from 'sjcl';\nimport { SJCL_DEFAULTS } from './settings';\nexport const sealNote = (password: string, text: string) => sjcl.encrypt(password, text, { ...SJCL_DEFAULTS, ks: 256 });"
    }
  ],
  "invalid": [
    {
      "name": "SJCL encrypt with its default 10,000 iterations",
      "code": "import sjcl from 'sjcl';\nexport const sealNote = (password: string, text: string) => sjcl.encrypt(password, text);\nexport const sealWide = (password: string, text: string) => sjcl.encrypt(password, text, { ks: 256, mode: 'gcm' });",
      "errors": [
        {
          "messageId": "lowDefaultCost",
          "line": 2,
          "column": 66
        },
        {
          "messageId": "lowDefaultCost",
          "line": 3,
          "column": 66
        }
      ]
    }
  ]
});

// A predictable generator passed by reference and called where it arrives (`constructor(rng = Math.random)`
// stored in `this.#rng`), and a bare `code` made by a method of a class named for codes.
ruleTester.run('no-insecure-randomness (function references)', noInsecureRandomness, {
  "valid": [
    {
      "name": "a shuffle with a Math.random default and a seeded generator",
      "code": "export function shuffle<T>(items: T[], rand: () => number = Math.random): T[] {\n  const out = items.slice();\n  for (let i = out.length - 1; i > 0; i--) {\n    const j = Math.floor(rand() * (i + 1));\n    [out[i], out[j]] = [out[j], out[i]];\n  }\n  return out;\n}\nexport class QuizRound {\n  constructor(private readonly rand: () => number = Math.random) {}\n  pick<T>(items: T[]): T {\n    return items[Math.floor(this.rand() * items.length)];\n  }\n}"
    },
    {
      "name": "a bare code in a class about something else",
      "code": "export class PromoBanner {\n  colour(): string {\n    const code = Math.floor(Math.random() * 0xffffff).toString(16);\n    return `#${code.padStart(6, '0')}`;\n  }\n}"
    }
  ],
  "invalid": [
    {
      "name": "Math.random injected through a constructor default and called through a private field",
      "code": "type Rng = () => number;\nexport class VerificationCodes {\n  readonly #rng: Rng;\n  constructor(rng: Rng = Math.random) {\n    this.#rng = rng;\n  }\n  issue(phone: string): string {\n    const code = String(Math.floor(this.#rng() * 1_000_000)).padStart(6, '0');\n    return code;\n  }\n}",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 4,
          "column": 26
        }
      ]
    },
    {
      "name": "a parameter defaulting to Math.random, called directly (reported at the call, once)",
      "code": "export function makeToken(rng: () => number = Math.random) {\n  const token = rng().toString(36).slice(2);\n  return token;\n}",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 2,
          "column": 17
        }
      ]
    },
    {
      "name": "Math.random stored on this and called by a login-code method",
      "code": "export class Codes {\n  constructor(rng = Math.random) {\n    this.rng = rng;\n  }\n  sendLoginCode(phone) {\n    const otp = Math.floor(this.rng() * 1000000);\n    return otp;\n  }\n}",
      "filename": "file.js",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 2,
          "column": 21
        }
      ]
    },
    {
      "name": "a bare code in a method of a class named for verification codes",
      "code": "export class VerificationCodes {\n  issue(): string {\n    const code = String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0');\n    return code;\n  }\n}",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 3,
          "column": 36
        }
      ]
    }
  ]
});
