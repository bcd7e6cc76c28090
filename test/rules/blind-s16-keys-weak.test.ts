import minKeyStrength from '../../rules/min-key-strength';
import noHardcodedKey from '../../rules/no-hardcoded-key';
import noInsecureRandomness from '../../rules/no-insecure-randomness';
import noStaticIv from '../../rules/no-static-iv';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_JS, REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the thirteenth blind set (hardcoded-key/blind-s16, weak-crypto/blind-s16) found missed: a bundler `define`
// entry named by its dotted path (`'process.env.BEACON_HMAC_KEY'`), a secret list kept by `.filter(Boolean)`, wallet
// keys without a table (bitcoinjs/ecpair WIF keys, ethers and viem recovery phrases), a hand-written hex decoding loop
// (for keys and IVs), chance and random-js generators (random-js judged by the engine it is given), an IV made from an
// identifier, WebCrypto hashes written as objects (`hash: { name: 'SHA-1' }`) and ECDSA's hash in the signature
// parameters, node's DH key pairs sized by `primeLength` or named by `group`, and (blind-s9's leftover) a WebCrypto
// key-generation profile picked from a table at run time and a passport-jwt `secretOrKeyProvider` handing its secret to
// the completion callback.
const ruleTester = createRuleTester();

ruleTester.run("no-hardcoded-key (blind-s16 shapes)", noHardcodedKey, {
  "valid": [
    {
      "name": "passport-jwt secretOrKeyProvider reading the secret from the environment",
      "code": "import { Strategy, ExtractJwt } from 'passport-jwt';\nexport const legacy = new Strategy(\n  {\n    jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),\n    algorithms: ['HS256'],\n    secretOrKeyProvider: (_req, _raw, done) => done(null, process.env.LEGACY_JWT_SECRET),\n  },\n  (payload, done) => done(null, payload),\n);"
    },
    {
      "name": "DefinePlugin entries that are not secrets",
      "code": "const webpack = require('webpack');\nmodule.exports = { plugins: [new webpack.DefinePlugin({ 'process.env.NODE_ENV': JSON.stringify('production'), 'process.env.API_URL': JSON.stringify('https://api.example.com') })] };",
      "filename": "file.js"
    },
    {
      "name": "session secrets from the environment, filtered",
      "code": "import session from 'express-session';\nexport const mw = session({ secret: [process.env.SESSION_SECRET, process.env.PREVIOUS_SESSION_SECRET].filter(Boolean) as string[], resave: false, saveUninitialized: false });"
    },
    {
      "name": "wallets from the environment",
      "code": "import { Wallet } from 'ethers';\nimport { ECPairFactory } from 'ecpair';\nimport * as ecc from 'tiny-secp256k1';\nconst ECPair = ECPairFactory(ecc);\nexport const hot = ECPair.fromWIF(process.env.HOT_WALLET_WIF!);\nexport const faucet = Wallet.fromPhrase(process.env.FAUCET_MNEMONIC!);"
    },
    {
      "name": "hex loop helper decoding a key from the environment",
      "code": "function hexToBytes(hex: string): Uint8Array {\n  const out = new Uint8Array(hex.length / 2);\n  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);\n  return out;\n}\nexport const key = crypto.subtle.importKey('raw', hexToBytes(process.env.PROFILE_KEY!), 'AES-GCM', false, ['encrypt']);"
    }
  ],
  "invalid": [
    {
      "name": "passport-jwt secretOrKeyProvider handing a written secret to its callback",
      "code": "import { Strategy, ExtractJwt } from 'passport-jwt';\nexport const legacy = new Strategy(\n  {\n    jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),\n    algorithms: ['HS256'],\n    secretOrKeyProvider: (_req, _raw, done) => done(null, '5c0f2a91d7e34b68a0c1f9e2d4b7a6c35e8f1d2c9b0a7e6f4d3c2b1a09f8e7d6'),\n  },\n  (payload, done) => done(null, payload),\n);",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 6,
          "column": 59,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "JWT_SECRET",
                "format": "the same hex string"
              },
              "output": "import { Strategy, ExtractJwt } from 'passport-jwt';\n\nconst JWT_SECRET = requireEnv('JWT_SECRET');\nexport const legacy = new Strategy(\n  {\n    jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),\n    algorithms: ['HS256'],\n    secretOrKeyProvider: (_req, _raw, done) => done(null, JWT_SECRET),\n  },\n  (payload, done) => done(null, payload),\n);" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "DefinePlugin entry named for a key, by its dotted path",
      "code": "const webpack = require('webpack');\nmodule.exports = { plugins: [new webpack.DefinePlugin({ 'process.env.BEACON_HMAC_KEY': JSON.stringify('8d645f9463d7cb34ed9254a709a1a9242a282f6f22b1900cc7e117900cb1da0b') })] };",
      "filename": "file.js",
      "errors": [
        {
          "messageId": "keyLikeConstant",
          "line": 2,
          "column": 103,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "SECRET_KEY",
                "format": "the same hex string"
              },
              "output": "const webpack = require('webpack');\nmodule.exports = { plugins: [new webpack.DefinePlugin({ 'process.env.BEACON_HMAC_KEY': JSON.stringify(requireEnv('SECRET_KEY')) })] };" + REQUIRE_ENV_JS
            }
          ]
        }
      ]
    },
    {
      "name": "a written secret kept by a truthiness filter",
      "code": "import session from 'express-session';\nexport const mw = session({ secret: [process.env.SESSION_SECRET, '1159be0dafdb30a42600cfd50a040177b6daf0b0996acb0f72c6312a9238e0f7'].filter(Boolean) as string[], resave: false, saveUninitialized: false });",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 66,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "SECRET_KEY",
                "format": "the same hex string"
              },
              "output": "import session from 'express-session';\nexport const mw = session({ secret: [process.env.SESSION_SECRET, requireEnv('SECRET_KEY')].filter(Boolean) as string[], resave: false, saveUninitialized: false });" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "bitcoinjs key pair from a WIF through ECPairFactory",
      "code": "import { ECPairFactory } from 'ecpair';\nimport * as ecc from 'tiny-secp256k1';\nconst ECPair = ECPairFactory(ecc);\nexport const hot = ECPair.fromWIF('Kyih9HbNpVU1JHKBMGum5bMb158Pg3BHzuqnAMrwgf2w6cYSAA9N');",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 4,
          "column": 35,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "SIGNING_KEY",
                "format": "the same string"
              },
              "output": "import { ECPairFactory } from 'ecpair';\nimport * as ecc from 'tiny-secp256k1';\nconst ECPair = ECPairFactory(ecc);\nexport const hot = ECPair.fromWIF(requireEnv('SIGNING_KEY'));" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "bitcoinjs-lib v5 ECPair.fromWIF",
      "code": "const bitcoin = require('bitcoinjs-lib');\nmodule.exports = bitcoin.ECPair.fromWIF('L32UTjsiA2iAzZ5syK9qmWkeG7gDza6Nvs62XcZv7CXYhb9S8YFU');",
      "filename": "file.js",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 41,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "SIGNING_KEY",
                "format": "the same string"
              },
              "output": "const bitcoin = require('bitcoinjs-lib');\nmodule.exports = bitcoin.ECPair.fromWIF(requireEnv('SIGNING_KEY'));" + REQUIRE_ENV_JS
            }
          ]
        }
      ]
    },
    {
      "name": "ethers wallet from a written recovery phrase",
      "code": "import { Wallet } from 'ethers';\nexport const faucet = Wallet.fromPhrase('orchard genuine lobster hazard velvet timber anchor fossil quarter mimic saddle ribbon');",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 41,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "SIGNING_KEY",
                "format": "the same string"
              },
              "output": "import { Wallet } from 'ethers';\nexport const faucet = Wallet.fromPhrase(requireEnv('SIGNING_KEY'));" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "a key decoded by a hex loop helper",
      "code": "const PROFILE_MATERIAL = '0890e609b8ee8b9b865f1151cb793aea35dfdf2b29b28a90847625f8b68e251b';\nfunction hexToBytes(hex: string): Uint8Array {\n  const out = new Uint8Array(hex.length / 2);\n  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);\n  return out;\n}\nexport const key = crypto.subtle.importKey('raw', hexToBytes(PROFILE_MATERIAL), 'AES-GCM', false, ['encrypt']);",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 1,
          "column": 26,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "PROFILE_MATERIAL",
                "format": "the same hex string"
              },
              "output": "const PROFILE_MATERIAL = requireEnv('PROFILE_MATERIAL');\nfunction hexToBytes(hex: string): Uint8Array {\n  const out = new Uint8Array(hex.length / 2);\n  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);\n  return out;\n}\nexport const key = crypto.subtle.importKey('raw', hexToBytes(PROFILE_MATERIAL), 'AES-GCM', false, ['encrypt']);" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "viem account from a written recovery phrase",
      "code": "import { mnemonicToAccount } from 'viem/accounts';\nexport const relayer = mnemonicToAccount('harbor violin eager tunnel copper gossip dinner lunar patrol remind object fiscal');",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 42,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "SIGNING_KEY",
                "format": "the same string"
              },
              "output": "import { mnemonicToAccount } from 'viem/accounts';\nexport const relayer = mnemonicToAccount(requireEnv('SIGNING_KEY'));" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    }
  ]
});

ruleTester.run("no-static-iv (blind-s16 shapes)", noStaticIv, {
  "valid": [
    {
      "name": "IV decoded by a hex loop helper from the stored message",
      "code": "function hexToBytes(hex: string): Uint8Array {\n  const out = new Uint8Array(hex.length / 2);\n  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);\n  return out;\n}\nexport const open = (key: CryptoKey, blob: { ivHex: string; body: Uint8Array }) => crypto.subtle.decrypt({ name: 'AES-GCM', iv: hexToBytes(blob.ivHex) }, key, blob.body);"
    },
    {
      "name": "IV from a message id, which changes per message",
      "code": "import { createCipheriv, type KeyObject } from 'node:crypto';\nexport const seal = (key: KeyObject, messageId: string, body: string) => createCipheriv('aes-256-gcm', key, Buffer.from(messageId.padStart(12, '0').slice(-12))).update(body);"
    },
    {
      "name": "IV of a random prefix and the recipient id",
      "code": "import { createCipheriv, randomBytes, type KeyObject } from 'node:crypto';\nexport const seal = (key: KeyObject, recipientId: string, body: string) => createCipheriv('aes-256-gcm', key, Buffer.concat([randomBytes(4), Buffer.from(recipientId.padStart(8, '0').slice(-8))])).update(body);"
    },
    {
      "name": "IV decoded from a random UUID drawn per message: named like an id, fresh every time",
      "code": "import crypto from 'node:crypto';\nexport function seal(key: Buffer, data: string) {\n  const uuid = crypto.randomUUID();\n  const iv = Buffer.from(uuid.replace(/-/g, ''), 'hex');\n  const c = crypto.createCipheriv('aes-256-gcm', key, iv);\n  return Buffer.concat([iv, c.update(data), c.final(), c.getAuthTag()]);\n}"
    },
    {
      "name": "random IV with the recipient in the AAD",
      "code": "import { createCipheriv, randomBytes, type KeyObject } from 'node:crypto';\nexport function seal(key: KeyObject, recipientId: string, body: string) {\n  const iv = randomBytes(12);\n  const cipher = createCipheriv('aes-256-gcm', key, iv);\n  cipher.setAAD(Buffer.from(recipientId));\n  return Buffer.concat([iv, cipher.update(body), cipher.final(), cipher.getAuthTag()]);\n}"
    }
  ],
  "invalid": [
    {
      "name": "constant IV decoded by a hex loop helper",
      "code": "const STORAGE_IV_HEX = 'b15663ed07ac8755b19c88104cbcf5ed';\nfunction hexToBytes(hex: string): Uint8Array {\n  const out = new Uint8Array(hex.length / 2);\n  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);\n  return out;\n}\nexport const save = (key: CryptoKey, data: Uint8Array) => crypto.subtle.encrypt({ name: 'AES-CBC', iv: hexToBytes(STORAGE_IV_HEX) }, key, data);",
      "errors": [
        {
          "messageId": "constantIv",
          "line": 1,
          "column": 24
        }
      ]
    },
    {
      "name": "IV made from a recipient id by a local helper",
      "code": "import { createCipheriv, type KeyObject } from 'node:crypto';\nfunction recipientIv(recipientId: string): Buffer {\n  return Buffer.from(recipientId.padStart(16, '0').slice(-16), 'utf8');\n}\nexport const seal = (key: KeyObject, recipientId: string, body: string) => createCipheriv('aes-256-gcm', key, recipientIv(recipientId)).update(body);",
      "errors": [
        {
          "messageId": "identifierDerivedIv",
          "line": 3,
          "column": 10
        }
      ]
    },
    {
      "name": "IV made from a user's e-mail address",
      "code": "import { createCipheriv, createHash, type KeyObject } from 'node:crypto';\nexport const seal = (key: KeyObject, email: string, body: string) => createCipheriv('aes-256-cbc', key, createHash('md5').update(email).digest()).update(body);",
      "errors": [
        {
          "messageId": "identifierDerivedIv",
          "line": 2,
          "column": 105
        }
      ]
    }
  ]
});

ruleTester.run("no-weak-algorithm (blind-s16 shapes)", noWeakAlgorithm, {
  "valid": [
    {
      "name": "ECDSA with SHA-256",
      "code": "export const sign = (k: CryptoKey, d: Uint8Array) => crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, k, d);"
    },
    {
      "name": "HMAC key with the hash as an object",
      "code": "export const key = (raw: Uint8Array) => crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: { name: 'SHA-256' } }, false, ['sign']);"
    }
  ],
  "invalid": [
    {
      "name": "ECDSA signature parameters with SHA-1 in a constant",
      "code": "const SIGNATURE: EcdsaParams = { name: 'ECDSA', hash: 'SHA-1' };\nexport const sign = (k: CryptoKey, d: Uint8Array) => crypto.subtle.sign(SIGNATURE, k, d);\nexport const verify = (k: CryptoKey, s: Uint8Array, d: Uint8Array) => crypto.subtle.verify(SIGNATURE, k, s, d);",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 1,
          "column": 55,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "data": {
                "name": "SHA-1",
                "replacement": "SHA-256"
              },
              "output": "const SIGNATURE: EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };\nexport const sign = (k: CryptoKey, d: Uint8Array) => crypto.subtle.sign(SIGNATURE, k, d);\nexport const verify = (k: CryptoKey, s: Uint8Array, d: Uint8Array) => crypto.subtle.verify(SIGNATURE, k, s, d);"
            }
          ]
        }
      ]
    },
    {
      "name": "HMAC import with the hash as an object",
      "code": "export const key = (raw: Uint8Array) => crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: { name: 'SHA-1' } }, false, ['sign']);",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 1,
          "column": 107,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "data": {
                "name": "SHA-1",
                "replacement": "SHA-256"
              },
              "output": "export const key = (raw: Uint8Array) => crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: { name: 'SHA-256' } }, false, ['sign']);"
            }
          ]
        }
      ]
    },
    {
      "name": "HMAC generateKey with the hash as an object",
      "code": "export const key = () => crypto.subtle.generateKey({ name: 'HMAC', hash: { name: 'SHA-1' } }, false, ['sign', 'verify']);",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 1,
          "column": 82,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "data": {
                "name": "SHA-1",
                "replacement": "SHA-256"
              },
              "output": "export const key = () => crypto.subtle.generateKey({ name: 'HMAC', hash: { name: 'SHA-256' } }, false, ['sign', 'verify']);"
            }
          ]
        }
      ]
    },
    {
      "name": "HKDF with the hash as an object",
      "code": "export const derive = (base: CryptoKey, salt: Uint8Array) => crypto.subtle.deriveBits({ name: 'HKDF', hash: { name: 'SHA-1' }, salt, info: new Uint8Array() }, base, 256);",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 1,
          "column": 117,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "data": {
                "name": "SHA-1",
                "replacement": "SHA-256"
              },
              "output": "export const derive = (base: CryptoKey, salt: Uint8Array) => crypto.subtle.deriveBits({ name: 'HKDF', hash: { name: 'SHA-256' }, salt, info: new Uint8Array() }, base, 256);"
            }
          ]
        }
      ]
    }
  ]
});

ruleTester.run("no-insecure-randomness (blind-s16 shapes)", noInsecureRandomness, {
  "valid": [
    {
      "name": "random-js with the CSPRNG engine",
      "code": "import { Random, nodeCrypto } from 'random-js';\nconst random = new Random(nodeCrypto);\nexport function sendLoginCode() {\n  const code = random.integer(0, 999999).toString().padStart(6, '0');\n  return code;\n}"
    },
    {
      "name": "random-js seeded for a game shuffle",
      "code": "import { Random, MersenneTwister19937 } from 'random-js';\nexport const dealDeck = (seed: number, deck: string[]) => new Random(MersenneTwister19937.seed(seed)).shuffle([...deck]);"
    },
    {
      "name": "chance for fake display data",
      "code": "import Chance from 'chance';\nconst chance = new Chance(42);\nexport const fakeCustomer = () => ({ name: chance.word({ length: 6 }), visits: chance.integer({ min: 0, max: 9 }) });"
    }
  ],
  "invalid": [
    {
      "name": "random-js with Math.random's engine for an OTP",
      "code": "import { Random, nativeMath } from 'random-js';\nconst random = new Random(nativeMath);\nexport function sendLoginCode() {\n  const code = random.integer(0, 999999).toString().padStart(6, '0');\n  return code;\n}",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 4,
          "column": 16
        }
      ]
    },
    {
      "name": "random-js with the default engine for a reset token",
      "code": "import { Random } from 'random-js';\nexport function resetToken() {\n  const token = new Random().string(32);\n  return token;\n}",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 3,
          "column": 17
        }
      ]
    },
    {
      "name": "random-js with an auto-seeded Mersenne Twister for an API key",
      "code": "import { Random, MersenneTwister19937 } from 'random-js';\nconst random = new Random(MersenneTwister19937.autoSeed());\nexport const newApiKey = () => `sk_${random.hex(40)}`;",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 3,
          "column": 38
        }
      ]
    },
    {
      "name": "chance string for an API key",
      "code": "const Chance = require('chance');\nconst chance = new Chance();\nfunction generateApiKey() {\n  return `sk_${chance.string({ length: 40, alpha: true, numeric: true })}`;\n}\nmodule.exports = { generateApiKey };",
      "filename": "file.js",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 4,
          "column": 16
        }
      ]
    },
    {
      "name": "chance called without new for an invite code",
      "code": "const chance = require('chance').Chance();\nconst inviteCode = () => chance.string({ length: 10, pool: 'ABCDEFGHJKMNPQRSTUVWXYZ23456789' });\nmodule.exports = { inviteCode };",
      "filename": "file.js",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 2,
          "column": 26
        }
      ]
    },
    {
      "name": "random-js v1 with an auto-seeded mt19937 engine for a reset token",
      "code": "const Random = require('random-js');\nconst random = new Random(Random.engines.mt19937().autoSeed());\nfunction resetToken() {\n  const token = random.hex(32);\n  return token;\n}\nmodule.exports = { resetToken };",
      "filename": "file.js",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 4,
          "column": 17
        }
      ]
    }
  ]
});

ruleTester.run("min-key-strength (blind-s16 shapes)", minKeyStrength, {
  "valid": [
    {
      "name": "WebCrypto key profiles picked at run time, all strong",
      "code": "const PROFILES: Record<string, RsaHashedKeyGenParams> = {\n  standard: { name: 'RSA-PSS', modulusLength: 3072, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },\n  archive: { name: 'RSA-PSS', modulusLength: 4096, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },\n};\nexport const keyPair = (profile: string) => crypto.subtle.generateKey(PROFILES[profile], false, ['sign', 'verify']);"
    },
    {
      "name": "DH key pair with a 2048-bit prime",
      "code": "import { generateKeyPairSync } from 'node:crypto';\nexport const pair = () => generateKeyPairSync('dh', { primeLength: 2048, generator: 2 });"
    },
    {
      "name": "DH key pair in the 2048-bit MODP group",
      "code": "import { generateKeyPairSync } from 'node:crypto';\nexport const pair = () => generateKeyPairSync('dh', { group: 'modp14' });"
    }
  ],
  "invalid": [
    {
      "name": "WebCrypto key profile table with a 1024-bit entry, picked at run time",
      "code": "const PROFILES: Record<string, RsaHashedKeyGenParams> = {\n  'legacy-reader': { name: 'RSASSA-PKCS1-v1_5', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },\n  standard: { name: 'RSA-PSS', modulusLength: 3072, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },\n};\nexport const keyPair = (profile: string) => crypto.subtle.generateKey(PROFILES[profile], false, ['sign', 'verify']);",
      "errors": [
        {
          "messageId": "smallModulus",
          "line": 2,
          "column": 64
        }
      ]
    },
    {
      "name": "DH key pair with a 1024-bit prime",
      "code": "import { generateKeyPairSync } from 'node:crypto';\nexport const pair = () => generateKeyPairSync('dh', { primeLength: 1024, generator: 2 });",
      "errors": [
        {
          "messageId": "smallModulus",
          "line": 2,
          "column": 68
        }
      ]
    },
    {
      "name": "DH key pair in the 1024-bit MODP group",
      "code": "const { generateKeyPair } = require('crypto');\nmodule.exports = (cb) => generateKeyPair('dh', { group: 'modp2' }, cb);",
      "filename": "file.js",
      "errors": [
        {
          "messageId": "smallModulus",
          "line": 2,
          "column": 57
        }
      ]
    }
  ]
});
