import minKeyStrength from '../../rules/min-key-strength';
import noHardcodedKey from '../../rules/no-hardcoded-key';
import noInsecureRandomness from '../../rules/no-insecure-randomness';
import noStaticIv from '../../rules/no-static-iv';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_JS, REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the eighteenth blind set's part A (hardcoded-key/blind-s18, weak-crypto/blind-s18) found missed: libraries
// without a table (cryptr, eciesjs, @stablelib's AEADs, HMAC and codecs, asmcrypto.js, keypair, jwt-simple,
// @tsndr/cloudflare-worker-jwt, crypto-es as crypto-js' ES port, ts-md5, object-hash, crypto-hash, jsSHA, bcrypt-ts and
// argon2-browser), and an MD5 cache key whose purpose is named only by the constant it is concatenated with
// (`IMAGE_CACHE_KEY_PREFIX + md5(…)`). Then neighbours of those libraries, added with them: storage encryptors keyed
// by a secret string (aes256, encrypt-storage, simple-crypto-js, secure-ls, redux-persist-transform-encrypt), paseto,
// @hapi/jwt's `token.generate`, and the predictable id packages shortid and uniqid.
const ruleTester = createRuleTester();

ruleTester.run("no-hardcoded-key (blind-s18 shapes)", noHardcodedKey, {
  "valid": [
    {
      "name": "cryptr with a secret from the environment",
      "code": "import Cryptr from 'cryptr';\nexport const cryptr = new Cryptr(process.env.FIELD_SECRET!, { encoding: 'base64' });"
    },
    {
      "name": "eciesjs encrypting to a pinned public key",
      "code": "import { encrypt, PublicKey } from 'eciesjs';\nconst inbox = PublicKey.fromHex('03c5d1e0a9b8f7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5');\nexport const seal = (data: Uint8Array) => encrypt(inbox.toBytes(), data);"
    },
    {
      "name": "@stablelib HMAC keyed from a Worker secret",
      "code": "import { HMAC } from '@stablelib/hmac';\nimport { SHA256 } from '@stablelib/sha256';\nimport { encode } from '@stablelib/utf8';\nexport function sign(env: { WEBHOOK_SECRET: string }, body: string) {\n  const mac = new HMAC(SHA256, encode(env.WEBHOOK_SECRET));\n  mac.update(encode(body));\n  return mac.digest();\n}"
    },
    {
      "name": "@stablelib ChaCha20-Poly1305 with a key drawn at run time",
      "code": "import { ChaCha20Poly1305 } from '@stablelib/chacha20poly1305';\nimport { randomBytes } from '@stablelib/random';\nexport const box = () => new ChaCha20Poly1305(randomBytes(32));"
    }
  ],
  "invalid": [
    {
      "name": "cryptr given a written secret",
      "code": "const Cryptr = require('cryptr');\nconst cryptr = new Cryptr('d1c0a7f3b2e94c58a6f0e1d2c3b4a5968778695a4b3c2d1e0f9e8d7c6b5a4938');\nmodule.exports = { seal: (t) => cryptr.encrypt(t), open: (t) => cryptr.decrypt(t) };",
      "filename": "file.js",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 27,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "ENCRYPTION_KEY",
                "format": "the same hex string"
              },
              "output": "const Cryptr = require('cryptr');\nconst cryptr = new Cryptr(requireEnv('ENCRYPTION_KEY'));\nmodule.exports = { seal: (t) => cryptr.encrypt(t), open: (t) => cryptr.decrypt(t) };" + REQUIRE_ENV_JS
            }
          ]
        }
      ]
    },
    {
      "name": "eciesjs private key written as hex",
      "code": "import { PrivateKey, decrypt } from 'eciesjs';\nconst sk = PrivateKey.fromHex('5e8f1d2c9b0a7e6f4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c');\nexport const open = (data: Uint8Array) => decrypt(sk.secret, data);",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 31,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "SECRET_KEY",
                "format": "the same hex string"
              },
              "output": "import { PrivateKey, decrypt } from 'eciesjs';\nconst sk = PrivateKey.fromHex(requireEnv('SECRET_KEY'));\nexport const open = (data: Uint8Array) => decrypt(sk.secret, data);" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "@stablelib AEAD keyed by @stablelib/hex decoding a literal",
      "code": "import { ChaCha20Poly1305 } from '@stablelib/chacha20poly1305';\nimport { decode } from '@stablelib/hex';\nconst aead = new ChaCha20Poly1305(decode('a09f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6b5a4938271605f4e3d2c1b'));\nexport const seal = (nonce: Uint8Array, data: Uint8Array) => aead.seal(nonce, data);",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 3,
          "column": 42,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "ENCRYPTION_KEY",
                "format": "the same hex string"
              },
              "output": "import { ChaCha20Poly1305 } from '@stablelib/chacha20poly1305';\nimport { decode } from '@stablelib/hex';\nconst aead = new ChaCha20Poly1305(decode(requireEnv('ENCRYPTION_KEY')));\nexport const seal = (nonce: Uint8Array, data: Uint8Array) => aead.seal(nonce, data);" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "@tsndr/cloudflare-worker-jwt signing with a written secret",
      "code": "import jwt from '@tsndr/cloudflare-worker-jwt';\nexport const issue = (sub: string) => jwt.sign({ sub }, 'tQ7vN2xK9pL4mR8wZ3cY6bH1jF5dS0gA', { algorithm: 'HS256' });",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 57,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "JWT_SECRET",
                "format": "the same string"
              },
              "output": "import jwt from '@tsndr/cloudflare-worker-jwt';\n\nconst JWT_SECRET = requireEnv('JWT_SECRET');\nexport const issue = (sub: string) => jwt.sign({ sub }, JWT_SECRET, { algorithm: 'HS256' });" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "jwt-simple encoding with a written secret",
      "code": "const jwt = require('jwt-simple');\nmodule.exports = (claims) => jwt.encode(claims, 'Rw8!kT3$Lq6@Zm1#Vx4%Nb9^Hc2&Jd7*', 'HS256');",
      "filename": "file.js",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 49,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "JWT_SECRET",
                "format": "the same string"
              },
              "output": "const jwt = require('jwt-simple');\n\nconst JWT_SECRET = requireEnv('JWT_SECRET');\nmodule.exports = (claims) => jwt.encode(claims, JWT_SECRET, 'HS256');" + REQUIRE_ENV_JS
            }
          ]
        }
      ]
    },
    {
      "name": "asmcrypto AES-GCM keyed by a byte-array literal",
      "code": "import { AES_GCM } from 'asmcrypto.js';\nexport function seal(data: Uint8Array, nonce: Uint8Array) {\n  return AES_GCM.encrypt(data, new Uint8Array([0x3f, 0x91, 0x0c, 0xd4, 0x77, 0xa2, 0x5e, 0xe8, 0x19, 0xb6, 0x40, 0x2d, 0xc3, 0x8a, 0xf1, 0x65]), nonce);\n}",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 3,
          "column": 47
        }
      ]
    }
  ]
});

ruleTester.run("no-weak-algorithm (blind-s18 shapes)", noWeakAlgorithm, {
  "valid": [
    {
      "name": "object-hash MD5 as a cache key",
      "code": "import hash from 'object-hash';\nconst cache = new Map<string, unknown>();\nexport function cacheKeyFor(query: object) {\n  return hash(query, { algorithm: 'md5', unorderedObjects: true });\n}"
    },
    {
      "name": "ts-md5 of an avatar timestamp for cache busting",
      "code": "import { Md5 } from 'ts-md5';\nexport function avatarVersion(id: number, updatedAt: string) {\n  return Md5.hashStr(`${id}:${updatedAt}`);\n}"
    },
    {
      "name": "jsSHA SHA-256 HMAC",
      "code": "import jsSHA from 'jssha';\nexport function mac(keyHex: string, text: string) {\n  const sha = new jsSHA('SHA-256', 'TEXT', { hmacKey: { value: keyHex, format: 'HEX' } });\n  sha.update(text);\n  return sha.getHash('HEX');\n}"
    },
    {
      "name": "MD5 concatenated with a constant named for a cache key prefix",
      "code": "import md5 from 'blueimp-md5';\nconst THUMB_CACHE_KEY_PREFIX = 'thumb:v2:';\nexport function thumbKey(url: string, width: number) {\n  return THUMB_CACHE_KEY_PREFIX + md5(`${url}|${width}`);\n}"
    },
    {
      "name": "MD5 in a template with a constant named for a cache key prefix",
      "code": "import md5 from 'blueimp-md5';\nconst PREVIEW_CACHE_PREFIX = 'preview';\nexport function previewSlot(url: string) {\n  return `${PREVIEW_CACHE_PREFIX}${md5(url)}`;\n}"
    },
    {
      "name": "cloudflare-worker-jwt verify with its default algorithm",
      "code": "import jwt from '@tsndr/cloudflare-worker-jwt';\nexport const check = (token: string, secret: string) => jwt.verify(token, secret);"
    },
    {
      "name": "jwt-simple decode pinned to HS256",
      "code": "const jwt = require('jwt-simple');\nmodule.exports = (token, secret) => jwt.decode(token, secret, false, 'HS256');",
      "filename": "file.js"
    }
  ],
  "invalid": [
    {
      "name": "crypto-es AES in passphrase mode",
      "code": "import CryptoES from 'crypto-es';\nconst passphrase: string = import.meta.env.VITE_PREFS_PASSPHRASE;\nexport const seal = (text: string) => CryptoES.AES.encrypt(text, passphrase).toString();",
      "errors": [
        {
          "messageId": "passphraseKdf",
          "line": 3,
          "column": 66
        }
      ]
    },
    {
      "name": "ts-md5 of a password",
      "code": "import { Md5 } from 'ts-md5';\nexport function loginBody(user: string, password: string) {\n  return { user, password: Md5.hashStr(password) };\n}",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 3,
          "column": 32
        }
      ]
    },
    {
      "name": "object-hash MD5 signing request parameters with a secret",
      "code": "import hash from 'object-hash';\nexport function signParams(params: object, appSecret: string) {\n  return hash({ ...params, app_secret: appSecret }, { algorithm: 'md5' });\n}",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 3,
          "column": 66,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "data": {
                "name": "MD5",
                "replacement": "sha256"
              },
              "output": "import hash from 'object-hash';\nexport function signParams(params: object, appSecret: string) {\n  return hash({ ...params, app_secret: appSecret }, { algorithm: 'sha256' });\n}"
            }
          ]
        }
      ]
    },
    {
      "name": "jsSHA SHA-1 HMAC for HOTP",
      "code": "import jsSHA from 'jssha';\nexport function hotp(secretHex: string, counterHex: string) {\n  const sha = new jsSHA('SHA-1', 'HEX', { hmacKey: { value: secretHex, format: 'HEX' } });\n  sha.update(counterHex);\n  return sha.getHash('HEX');\n}",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 3,
          "column": 25,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "data": {
                "name": "SHA-1",
                "replacement": "SHA-256"
              },
              "output": "import jsSHA from 'jssha';\nexport function hotp(secretHex: string, counterHex: string) {\n  const sha = new jsSHA('SHA-256', 'HEX', { hmacKey: { value: secretHex, format: 'HEX' } });\n  sha.update(counterHex);\n  return sha.getHash('HEX');\n}"
            }
          ]
        }
      ]
    },
    {
      "name": "crypto-hash SHA-1 of a salted password",
      "code": "import { sha1 } from 'crypto-hash';\nexport async function legacyHash(salt: string, password: string) {\n  return sha1(salt + password);\n}",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 3,
          "column": 10
        }
      ]
    },
    {
      "name": "jwt-simple decode without an algorithm",
      "code": "const jwt = require('jwt-simple');\nmodule.exports = (token, secret) => jwt.decode(token, secret);",
      "filename": "file.js",
      "errors": [
        {
          "messageId": "jwtUnpinned",
          "line": 2,
          "column": 41
        }
      ]
    },
    {
      "name": "MD5 concatenated with a constant named for a session",
      "code": "import md5 from 'blueimp-md5';\nconst SESSION_PREFIX = 'sess:';\nexport function sessionSlot(userId: string, issuedAt: number) {\n  return SESSION_PREFIX + md5(`${userId}:${issuedAt}`);\n}",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 4,
          "column": 27
        }
      ]
    }
  ]
});

ruleTester.run("min-key-strength (blind-s18 shapes)", minKeyStrength, {
  "valid": [
    {
      "name": "bcrypt-ts at cost 12",
      "code": "import { genSalt, hash } from 'bcrypt-ts';\nexport async function hashPassword(password: string) {\n  return hash(password, await genSalt(12));\n}"
    },
    {
      "name": "argon2-browser at OWASP's 19 MiB and two passes",
      "code": "import argon2 from 'argon2-browser';\nexport const derive = (pass: string, salt: Uint8Array) => argon2.hash({ pass, salt, time: 2, mem: 19456, hashLen: 32, type: argon2.ArgonType.Argon2id });"
    },
    {
      "name": "keypair at its 2048-bit default",
      "code": "const keypair = require('keypair');\nmodule.exports = () => keypair();",
      "filename": "file.js"
    }
  ],
  "invalid": [
    {
      "name": "bcrypt-ts at cost 8",
      "code": "import { genSalt } from 'bcrypt-ts';\nexport const salt = () => genSalt(8);",
      "errors": [
        {
          "messageId": "lowCost",
          "line": 2,
          "column": 35
        }
      ]
    },
    {
      "name": "argon2-browser at 4 MiB",
      "code": "import argon2 from 'argon2-browser';\nexport const derive = (pass: string, salt: Uint8Array) => argon2.hash({ pass, salt, time: 3, mem: 4096, hashLen: 32, type: argon2.ArgonType.Argon2id });",
      "errors": [
        {
          "messageId": "lowCost",
          "line": 2,
          "column": 99
        }
      ]
    },
    {
      "name": "asmcrypto PBKDF2-HMAC-SHA256 at 10,000 iterations",
      "code": "const { Pbkdf2HmacSha256 } = require('asmcrypto.js');\nmodule.exports = (password, salt) => Pbkdf2HmacSha256(password, salt, 10000, 32);",
      "filename": "file.js",
      "errors": [
        {
          "messageId": "lowIterations",
          "line": 2,
          "column": 71
        }
      ]
    },
    {
      "name": "keypair with 1024 bits",
      "code": "const keypair = require('keypair');\nmodule.exports = () => keypair({ bits: 1024 });",
      "filename": "file.js",
      "errors": [
        {
          "messageId": "smallModulus",
          "line": 2,
          "column": 40
        }
      ]
    }
  ]
});

ruleTester.run("no-static-iv (blind-s18 shapes)", noStaticIv, {
  "valid": [
    {
      "name": "asmcrypto AES-GCM with a fresh nonce",
      "code": "import { AES_GCM } from 'asmcrypto.js';\nexport function seal(data: Uint8Array, key: Uint8Array) {\n  const nonce = crypto.getRandomValues(new Uint8Array(12));\n  return [nonce, AES_GCM.encrypt(data, key, nonce)];\n}"
    }
  ],
  "invalid": [
    {
      "name": "asmcrypto AES-CBC with a module-level zero IV",
      "code": "const { AES_CBC } = require('asmcrypto.js');\nconst IV = new Uint8Array(16);\nmodule.exports = (data, key) => AES_CBC.encrypt(data, key, true, IV);",
      "filename": "file.js",
      "errors": [
        {
          "messageId": "zeroIv",
          "line": 2,
          "column": 12
        }
      ]
    },
    {
      "name": "@stablelib AEAD sealing with a constant nonce",
      "code": "import { ChaCha20Poly1305 } from '@stablelib/chacha20poly1305';\nconst NONCE = new Uint8Array(12);\nexport const seal = (key: Uint8Array, data: Uint8Array) => new ChaCha20Poly1305(key).seal(NONCE, data);",
      "errors": [
        {
          "messageId": "zeroIv",
          "line": 2,
          "column": 15
        }
      ]
    }
  ]
});

ruleTester.run("no-hardcoded-key (blind-s18 storage encryptors, paseto, hapi jwt)", noHardcodedKey, {
  "valid": [
    {
      "name": "encrypt-storage keyed from a build-time variable",
      "code": "import { EncryptStorage } from 'encrypt-storage';\nexport const storage = new EncryptStorage(import.meta.env.VITE_STORAGE_SECRET, { prefix: '@app' });"
    },
    {
      "name": "paseto v4 verifying with a public key",
      "code": "import { V4 } from 'paseto';\nimport { createPublicKey } from 'node:crypto';\nconst pub = createPublicKey(process.env.IDENTITY_PUBLIC_KEY_PEM!);\nexport const check = (token: string) => V4.verify(token, pub);"
    },
    {
      "name": "@hapi/jwt signing with a secret from the environment",
      "code": "import Jwt from '@hapi/jwt';\nexport const issue = (sub: string) => Jwt.token.generate({ sub }, { key: process.env.JWT_SECRET!, algorithm: 'HS512' });"
    }
  ],
  "invalid": [
    {
      "name": "aes256 with a written key",
      "code": "const aes256 = require('aes256');\nmodule.exports = (text) => aes256.encrypt('Zq4!Tn8$Wb2@Lm6#Rc9%Hd3^Kv7&Xp1*', text);",
      "filename": "file.js",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 43,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "ENCRYPTION_KEY",
                "format": "the same string"
              },
              "output": "const aes256 = require('aes256');\n\nconst ENCRYPTION_KEY = requireEnv('ENCRYPTION_KEY');\nmodule.exports = (text) => aes256.encrypt(ENCRYPTION_KEY, text);" + REQUIRE_ENV_JS
            }
          ]
        }
      ]
    },
    {
      "name": "encrypt-storage given a written secret",
      "code": "import { EncryptStorage } from 'encrypt-storage';\nexport const storage = new EncryptStorage('d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d', { prefix: '@app' });",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 43,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "ENCRYPTION_KEY",
                "format": "the same hex string"
              },
              "output": "import { EncryptStorage } from 'encrypt-storage';\nexport const storage = new EncryptStorage(requireEnv('ENCRYPTION_KEY'), { prefix: '@app' });" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "simple-crypto-js given a written secret",
      "code": "import SimpleCrypto from 'simple-crypto-js';\nexport const vault = new SimpleCrypto('Pm5$Jx2!Qw9@Vn4#Ks7%Ld1^Hb8&Fz3*');",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 39,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "ENCRYPTION_KEY",
                "format": "the same string"
              },
              "output": "import SimpleCrypto from 'simple-crypto-js';\nexport const vault = new SimpleCrypto(requireEnv('ENCRYPTION_KEY'));" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "secure-ls encryptionSecret written in the options",
      "code": "import SecureLS from 'secure-ls';\nexport const ls = new SecureLS({ encodingType: 'aes', encryptionSecret: 'b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7a8b9c0d1e2' });",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 73,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "SECURE_LS_ENCRYPTION_SECRET",
                "format": "the same hex string"
              },
              "output": "import SecureLS from 'secure-ls';\nexport const ls = new SecureLS({ encodingType: 'aes', encryptionSecret: requireEnv('SECURE_LS_ENCRYPTION_SECRET') });" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "redux-persist-transform-encrypt secretKey written in the options",
      "code": "import { encryptTransform } from 'redux-persist-transform-encrypt';\nexport const t = encryptTransform({ secretKey: 'c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2' });",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 48,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "ENCRYPT_TRANSFORM_SECRET_KEY",
                "format": "the same hex string"
              },
              "output": "import { encryptTransform } from 'redux-persist-transform-encrypt';\nexport const t = encryptTransform({ secretKey: requireEnv('ENCRYPT_TRANSFORM_SECRET_KEY') });" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "paseto v3 local key written as hex",
      "code": "import { V3 } from 'paseto';\nexport const seal = (payload: object) => V3.encrypt(payload, Buffer.from('e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8', 'hex'));",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 74,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "ENCRYPTION_KEY",
                "format": "hex, as written today"
              },
              "output": "import { V3 } from 'paseto';\n\nconst ENCRYPTION_KEY = requireEnv('ENCRYPTION_KEY');\nexport const seal = (payload: object) => V3.encrypt(payload, Buffer.from(ENCRYPTION_KEY, 'hex'));" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "@hapi/jwt signing with a written secret",
      "code": "import Jwt from '@hapi/jwt';\nexport const issue = (sub: string) => Jwt.token.generate({ sub }, { key: 'Yt6#Gk1!Mv8$Qp3@Xd5%Ns2^Jw9&Bh4*', algorithm: 'HS512' });",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 74,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "GENERATE_KEY",
                "format": "the same string"
              },
              "output": "import Jwt from '@hapi/jwt';\n\nconst GENERATE_KEY = requireEnv('GENERATE_KEY');\nexport const issue = (sub: string) => Jwt.token.generate({ sub }, { key: GENERATE_KEY, algorithm: 'HS512' });" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    }
  ]
});

ruleTester.run("no-insecure-randomness (blind-s18 id packages)", noInsecureRandomness, {
  "valid": [
    {
      "name": "shortid for list keys",
      "code": "import shortid from 'shortid';\nexport function withKeys<T>(rows: T[]) {\n  return rows.map((row) => ({ rowKey: shortid.generate(), row }));\n}"
    },
    {
      "name": "uniqid for a scratch file name",
      "code": "const uniqid = require('uniqid');\nconst path = require('node:path');\nmodule.exports = (dir) => path.join(dir, `upload-${uniqid()}.tmp`);",
      "filename": "file.js"
    }
  ],
  "invalid": [
    {
      "name": "shortid as a password-reset token",
      "code": "import shortid from 'shortid';\nexport function createResetToken(userId: string) {\n  const resetToken = shortid.generate();\n  return { userId, resetToken };\n}",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 3,
          "column": 22
        }
      ]
    },
    {
      "name": "uniqid as an API key",
      "code": "const uniqid = require('uniqid');\nmodule.exports = function issueApiKey(account) {\n  const apiKey = uniqid('key_');\n  return { account, apiKey };\n};",
      "filename": "file.js",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 3,
          "column": 18
        }
      ]
    }
  ]
});
