import minKeyStrength from '../../rules/min-key-strength';
import noHardcodedKey from '../../rules/no-hardcoded-key';
import noInsecureRandomness from '../../rules/no-insecure-randomness';
import noStaticIv from '../../rules/no-static-iv';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_JS, REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the tenth blind set (hardcoded-key/blind-s13, weak-crypto/blind-s13) found missed or misjudged:
// libraries and runtimes without a table (OpenPGP.js, otplib, elliptic's key objects, jsrsasign's Mac and
// Signature, Bun's CryptoHasher and password hashing, expo-crypto, react-native-aes-crypto,
// react-native-rsa-native, @node-rs/argon2, scrypt-js, Deno's @std/encoding decoders, node:perf_hooks),
// hashers and algorithms named by library members (`CryptoJS.algo.SHA1`, `CryptoDigestAlgorithm.SHA1`,
// `RSA.SHA1withRSA`), keys assembled with `String.prototype.concat`, written through `JSON.stringify` in a
// bundler define or parsed pair by pair from hex text, IVs filled with one constant byte, a module-level
// nonce that is also encoded into the output, a short random HMAC key on one path of a `let`, jsrsasign's EC
// curve argument, OpenPGP's curve names, and SHA-1 crash-grouping signatures and BitTorrent info hashes
// (deduplication and a protocol-defined content id, not security uses); and a cost written in the objects a file
// makes of a local type (`newVaultHeader(): VaultHeader`) read through a parameter of that type.
const ruleTester = createRuleTester();

ruleTester.run('no-hardcoded-key (blind-s13 shapes)', noHardcodedKey, {
  "valid": [
    {
      "name": "elliptic keyFromPublic with a published public key",
      "code": "const EC = require('elliptic').ec;\nconst ec = new EC('secp256k1');\nconst custodian = ec.keyFromPublic('044af889fffb16ebc00be9f8aa2ecea4bd47373db109bb38c8ab0091e5d2f9354628ddb8fd0518e7b9d9bc5ae6b9f58d078a24368bf2fa47f7114cc0a0d0b8cb6e', 'hex');\nmodule.exports = (digest, sig) => custodian.verify(digest, sig);",
      "filename": "file.js"
    },
    {
      "name": "OpenPGP passwords from the environment",
      "code": "import * as openpgp from 'openpgp';\nexport async function seal(text: string) {\n  const message = await openpgp.createMessage({ text });\n  return openpgp.encrypt({ message, passwords: [process.env.BACKUP_PASSPHRASE!], format: 'armored' });\n}"
    },
    {
      "name": "otplib with the per-user secret from the database",
      "code": "import { authenticator } from 'otplib';\nexport function check(token: string, user: { totpSecret: string }): boolean {\n  return authenticator.check(token, user.totpSecret);\n}"
    },
    {
      "name": "Bun.CryptoHasher without a key is a plain digest",
      "code": "export const etag = (body: Uint8Array): string => new Bun.CryptoHasher('sha256').update(body).digest('hex');"
    },
    {
      "name": "concat of non-secret text",
      "code": "const BASE = 'https://api.example.test';\nexport const url = (path: string) => BASE.concat('/v2', path);"
    }
  ],
  "invalid": [
    {
      "name": "elliptic keyFromPrivate with a written hex key",
      "code": "const EC = require('elliptic').ec;\nconst ec = new EC('secp256k1');\nconst signer = ec.keyFromPrivate('314b20376b8853d5aba46a1b98288129d37f526555cada9c8b6d2c58bb72e81a', 'hex');\nmodule.exports = (digest) => signer.sign(digest).toDER('hex');",
      "filename": "file.js",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 3,
          "column": 34,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "const EC = require('elliptic').ec;\nconst ec = new EC('secp256k1');\nconst signer = ec.keyFromPrivate(requireEnv('SECRET_KEY'), 'hex');\nmodule.exports = (digest) => signer.sign(digest).toDER('hex');" + REQUIRE_ENV_JS
            }
          ]
        }
      ]
    },
    {
      "name": "jsrsasign Mac with a utf8 pass",
      "code": "import { KJUR } from 'jsrsasign';\nexport function mac(body: string): string {\n  const m = new KJUR.crypto.Mac({ alg: 'hmacsha256', pass: { utf8: 'LG8Mtx736iw2jmI7_5c8yq7YqcINQov7KoGs' } });\n  m.updateString(body);\n  return m.doFinal();\n}",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 3,
          "column": 68,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { KJUR } from 'jsrsasign';\n\nconst PASS_UTF8 = requireEnv('PASS_UTF8');\nexport function mac(body: string): string {\n  const m = new KJUR.crypto.Mac({ alg: 'hmacsha256', pass: { utf8: PASS_UTF8 } });\n  m.updateString(body);\n  return m.doFinal();\n}" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "OpenPGP symmetric encryption with a written password, and a written key passphrase",
      "code": "import * as openpgp from 'openpgp';\nexport async function seal(text: string) {\n  const message = await openpgp.createMessage({ text });\n  return openpgp.encrypt({ message, passwords: ['5cZGoWgWGk_Bp3-yuGJ1_H0iKtox'], format: 'armored' });\n}\nexport async function unlock(armoredKey: string) {\n  const privateKey = await openpgp.readPrivateKey({ armoredKey });\n  return openpgp.decryptKey({ privateKey, passphrase: 'granite-heron-shelf-42' });\n}",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 4,
          "column": 49,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import * as openpgp from 'openpgp';\n\nconst ENCRYPT_PASSWORDS_1 = requireEnv('ENCRYPT_PASSWORDS_1');\nexport async function seal(text: string) {\n  const message = await openpgp.createMessage({ text });\n  return openpgp.encrypt({ message, passwords: [ENCRYPT_PASSWORDS_1], format: 'armored' });\n}\nexport async function unlock(armoredKey: string) {\n  const privateKey = await openpgp.readPrivateKey({ armoredKey });\n  return openpgp.decryptKey({ privateKey, passphrase: 'granite-heron-shelf-42' });\n}" + REQUIRE_ENV_TS
            }
          ]
        },
        {
          "messageId": "hardcodedKey",
          "line": 8,
          "column": 55,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import * as openpgp from 'openpgp';\n\nconst DECRYPT_KEY_PASSPHRASE = requireEnv('DECRYPT_KEY_PASSPHRASE');\nexport async function seal(text: string) {\n  const message = await openpgp.createMessage({ text });\n  return openpgp.encrypt({ message, passwords: ['5cZGoWgWGk_Bp3-yuGJ1_H0iKtox'], format: 'armored' });\n}\nexport async function unlock(armoredKey: string) {\n  const privateKey = await openpgp.readPrivateKey({ armoredKey });\n  return openpgp.decryptKey({ privateKey, passphrase: DECRYPT_KEY_PASSPHRASE });\n}" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "otplib code from a written TOTP secret",
      "code": "import { authenticator } from 'otplib';\nexport const currentCode = (): string => authenticator.generate('WUORZLZWXJQRM5LPO5CTAYOW7MSSICC6');",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 65,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { authenticator } from 'otplib';\n\nconst HMAC_KEY = requireEnv('HMAC_KEY');\nexport const currentCode = (): string => authenticator.generate(HMAC_KEY);" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "Bun.CryptoHasher keyed with a written HMAC key",
      "code": "export function sign(path: string): string {\n  const hasher = new Bun.CryptoHasher('sha256', 'PSuDvsJy7Lv2Eg+XBOYoWg6JPNqpvPPNjBpV7JJ7iX4=');\n  hasher.update(path);\n  return hasher.digest('hex');\n}",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 49,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "const SECRET_KEY = requireEnv('SECRET_KEY');\n\nexport function sign(path: string): string {\n  const hasher = new Bun.CryptoHasher('sha256', SECRET_KEY);\n  hasher.update(path);\n  return hasher.digest('hex');\n}" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "a key decoded with decodeHex from the Deno standard library",
      "code": "import { decodeHex } from 'jsr:@std/encoding/hex';\nexport const linkKey = crypto.subtle.importKey('raw', decodeHex('3c431012b59342fe576bd4244e70cb181cf2f31823790340bbafcb33987ed565'), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 65,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { decodeHex } from 'jsr:@std/encoding/hex';\nexport const linkKey = crypto.subtle.importKey('raw', decodeHex(requireEnv('SECRET_KEY')), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "a key assembled with String.prototype.concat",
      "code": "import { createDecipheriv } from 'node:crypto';\nconst PART_A = 'fbcabf589401a1b83d682ca85f8798e1';\nconst PART_B = '6b1b39abd6742338f47da1a0dedb1bc7';\nconst bridge = Buffer.from(PART_A.concat(PART_B), 'hex');\nexport const open = (iv: Buffer, data: Buffer) => Buffer.concat([createDecipheriv('aes-256-cbc', bridge, iv).update(data)]);",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 4,
          "column": 28
        }
      ]
    },
    {
      "name": "a key-named bundler define written through JSON.stringify",
      "code": "import { defineConfig } from 'vite';\nexport default defineConfig({\n  define: {\n    __APP_VERSION__: JSON.stringify('1.4.2'),\n    __LICENSE_SIGNING_KEY__: JSON.stringify('13d89199de184d53e0b9288530a6fc95ee88b098d9f46219b75c95803eb2d1e2'),\n  },\n});",
      "errors": [
        {
          "messageId": "keyLikeConstant",
          "line": 5,
          "column": 45,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { defineConfig } from 'vite';\nexport default defineConfig({\n  define: {\n    __APP_VERSION__: JSON.stringify('1.4.2'),\n    __LICENSE_SIGNING_KEY__: JSON.stringify(requireEnv('SECRET_KEY')),\n  },\n});" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "hex text parsed pair by pair into key bytes",
      "code": "import { createCipheriv, randomBytes } from 'node:crypto';\nconst vault = Buffer.from('1a25af60eedaacf62c86cc698d9c2d2b688bd6ef9389babc8e49baef8bd70eb9'.match(/../g)!.map((pair) => parseInt(pair, 16)));\nexport function seal(plain: string) {\n  const iv = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', vault, iv);\n  return Buffer.concat([iv, c.update(plain), c.final(), c.getAuthTag()]);\n}",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 27,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { createCipheriv, randomBytes } from 'node:crypto';\nconst vault = Buffer.from(requireEnv('ENCRYPTION_KEY').match(/../g)!.map((pair) => parseInt(pair, 16)));\nexport function seal(plain: string) {\n  const iv = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', vault, iv);\n  return Buffer.concat([iv, c.update(plain), c.final(), c.getAuthTag()]);\n}" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "react-native-aes-crypto with a written key",
      "code": "import Aes from 'react-native-aes-crypto';\nexport async function encryptNote(text: string) {\n  const iv = await Aes.randomKey(16);\n  return { iv, cipher: await Aes.encrypt(text, 'e7f320d3215bd076011df10f3b5bf81cc00d4577312f97163251106fadb9083d', iv, 'aes-256-cbc') };\n}",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 4,
          "column": 48,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import Aes from 'react-native-aes-crypto';\n\nconst ENCRYPTION_KEY = requireEnv('ENCRYPTION_KEY');\nexport async function encryptNote(text: string) {\n  const iv = await Aes.randomKey(16);\n  return { iv, cipher: await Aes.encrypt(text, ENCRYPTION_KEY, iv, 'aes-256-cbc') };\n}" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    }
  ]
});

ruleTester.run('no-weak-algorithm (blind-s13 shapes)', noWeakAlgorithm, {
  "valid": [
    {
      "name": "crypto-js PBKDF2 with SHA-256",
      "code": "import CryptoJS from 'crypto-js';\nexport const ssoKey = (password: string, salt: string) =>\n  CryptoJS.PBKDF2(password, CryptoJS.enc.Hex.parse(salt), { keySize: 8, iterations: 600_000, hasher: CryptoJS.algo.SHA256 });"
    },
    {
      "name": "expo-crypto MD5 naming a cached file",
      "code": "import * as Crypto from 'expo-crypto';\nexport async function cachedAvatarPath(dir: string, url: string): Promise<string> {\n  const name = await Crypto.digestStringAsync(Crypto.CryptoDigestAlgorithm.MD5, url);\n  return `${dir}${name}.jpg`;\n}"
    },
    {
      "name": "SHA-1 grouping crash reports (deduplication)",
      "code": "import { createHash } from 'node:crypto';\nexport function groupingSignature(stack: string): string {\n  return createHash('sha1').update(stack).digest('hex').slice(0, 16);\n}\nexport function record(reports: Map<string, number>, stack: string): void {\n  const signature = groupingSignature(stack);\n  reports.set(signature, (reports.get(signature) ?? 0) + 1);\n}"
    },
    {
      "name": "SHA-1 BitTorrent info hash in a magnet link",
      "code": "import { createHash } from 'node:crypto';\nexport function infoHash(info: Buffer): string {\n  return createHash('sha1').update(info).digest('hex');\n}\nexport function magnetLink(name: string, info: Buffer): string {\n  const params = new URLSearchParams({ xt: `urn:btih:${infoHash(info)}`, dn: name });\n  return `magnet:?${params}`;\n}"
    }
  ],
  "invalid": [
    {
      "name": "crypto-js PBKDF2 with the SHA-1 hasher named by its member",
      "code": "import CryptoJS from 'crypto-js';\nexport const ssoKey = (password: string, salt: string) =>\n  CryptoJS.PBKDF2(password, CryptoJS.enc.Hex.parse(salt), { keySize: 8, iterations: 1_300_000, hasher: CryptoJS.algo.SHA1 });",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 3,
          "column": 104
        }
      ]
    },
    {
      "name": "expo-crypto SHA-1 of a PIN",
      "code": "import * as Crypto from 'expo-crypto';\nexport function digestPin(pin: string, salt: string): Promise<string> {\n  return Crypto.digestStringAsync(Crypto.CryptoDigestAlgorithm.SHA1, `${salt}:${pin}`);\n}",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 3,
          "column": 35
        }
      ]
    },
    {
      "name": "jsrsasign SHA1withRSA signature",
      "code": "const { KJUR } = require('jsrsasign');\nfunction signAssertion(key, body) {\n  const sig = new KJUR.crypto.Signature({ alg: 'SHA1withRSA' });\n  sig.init(key);\n  sig.updateString(body);\n  return sig.sign();\n}\nmodule.exports = { signAssertion };",
      "filename": "file.js",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 3,
          "column": 48,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "output": "const { KJUR } = require('jsrsasign');\nfunction signAssertion(key, body) {\n  const sig = new KJUR.crypto.Signature({ alg: 'SHA256withRSA' });\n  sig.init(key);\n  sig.updateString(body);\n  return sig.sign();\n}\nmodule.exports = { signAssertion };"
            }
          ]
        }
      ]
    },
    {
      "name": "react-native-rsa-native signature with RSA.SHA1withRSA",
      "code": "import { RSA } from 'react-native-rsa-native';\nexport const signCheckIn = (body: string, privatePem: string) => RSA.signWithAlgorithm(body, privatePem, RSA.SHA1withRSA);",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 2,
          "column": 106
        }
      ]
    }
  ]
});

ruleTester.run('min-key-strength (blind-s13 shapes)', minKeyStrength, {
  "valid": [
    {
      "name": "jsrsasign EC key pair on secp256r1 and RSA 3072",
      "code": "const { KEYUTIL } = require('jsrsasign');\nmodule.exports = { ec: () => KEYUTIL.generateKeypair('EC', 'secp256r1'), rsa: () => KEYUTIL.generateKeypair('RSA', 3072) };",
      "filename": "file.js"
    },
    {
      "name": "OpenPGP curve25519 key",
      "code": "import * as openpgp from 'openpgp';\nexport const makeKey = (email: string, passphrase: string) =>\n  openpgp.generateKey({ type: 'ecc', curve: 'curve25519', userIDs: [{ email }], passphrase });"
    },
    {
      "name": "@node-rs/argon2 defaults",
      "code": "import { hash } from '@node-rs/argon2';\nexport const hashPassword = (password: string) => hash(password);"
    },
    {
      "name": "Bun.password argon2id at 64 MiB",
      "code": "export const hashPassword = (password: string) => Bun.password.hash(password, { algorithm: 'argon2id', memoryCost: 65536, timeCost: 3 });"
    },
    {
      "name": "scrypt-js with N = 2^17",
      "code": "const scrypt = require('scrypt-js');\nconst { randomBytes } = require('crypto');\nmodule.exports = (password) => scrypt.scrypt(Buffer.from(password), randomBytes(32), 131072, 8, 1, 32);",
      "filename": "file.js"
    },
    {
      "name": "an HMAC key of 32 random bytes imported",
      "code": "export async function linkKey(): Promise<CryptoKey> {\n  const raw = crypto.getRandomValues(new Uint8Array(32));\n  return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);\n}"
    },
    {
      "name": "a 16-byte ECDH public key import is not sized as a secret",
      "code": "export const peer = (bytes: Uint8Array) => crypto.subtle.importKey('raw', bytes, { name: 'ECDH', namedCurve: 'P-256' }, true, []);"
    },
    {
      "name": "the objects the file makes of a parameter's local type at OWASP's cost",
      "code": "import { pbkdf2Async } from '@noble/hashes/pbkdf2';\nimport { sha256 } from '@noble/hashes/sha2';\nimport { randomBytes } from '@noble/hashes/utils';\nexport interface VaultHeader {\n  salt: Uint8Array;\n  iterations: number;\n}\nexport function newVaultHeader(): VaultHeader {\n  return { salt: randomBytes(16), iterations: 600_000 };\n}\nexport function unlockKey(password: string, header: VaultHeader): Promise<Uint8Array> {\n  return pbkdf2Async(sha256, password, header.salt, { c: header.iterations, dkLen: 32 });\n}"
    },
    {
      "name": "a parameter typed with an imported type is not judged by this file's objects of another type",
      "code": "import { pbkdf2Async } from '@noble/hashes/pbkdf2';\nimport { sha256 } from '@noble/hashes/sha2';\nimport type { VaultHeader } from './vault-format';\ninterface DemoHeader {\n  salt: Uint8Array;\n  iterations: number;\n}\nexport const demo: DemoHeader = { salt: new Uint8Array(16), iterations: 1 };\nexport function unlockKey(password: string, header: VaultHeader): Promise<Uint8Array> {\n  return pbkdf2Async(sha256, password, header.salt, { c: header.iterations, dkLen: 32 });\n}"
    },
    {
      "name": "scrypt options at 2^17 kept in the object the file makes of a parameter's local type",
      "code": "import { scrypt } from '@noble/hashes/scrypt';\nimport { randomBytes } from '@noble/hashes/utils';\nconst VAULT_KDF = { N: 2 ** 17, r: 8, p: 1, dkLen: 32 };\nexport interface VaultHeader {\n  salt: Uint8Array;\n  kdf: typeof VAULT_KDF;\n}\nexport function newVaultHeader(): VaultHeader {\n  return { salt: randomBytes(16), kdf: VAULT_KDF };\n}\nexport function unlockKey(password: string, header: VaultHeader): Uint8Array {\n  return scrypt(password, header.salt, header.kdf);\n}"
    }
  ],
  "invalid": [
    {
      "name": "jsrsasign EC key pair on secp192r1",
      "code": "const { KEYUTIL } = require('jsrsasign');\nmodule.exports = () => KEYUTIL.generateKeypair('EC', 'secp192r1');",
      "filename": "file.js",
      "errors": [
        {
          "messageId": "weakCurve",
          "line": 2,
          "column": 54
        }
      ]
    },
    {
      "name": "OpenPGP RSA key of 1024 bits",
      "code": "import * as openpgp from 'openpgp';\nexport const makeKey = (email: string, passphrase: string) =>\n  openpgp.generateKey({ type: 'rsa', rsaBits: 1024, userIDs: [{ email }], passphrase });",
      "errors": [
        {
          "messageId": "smallModulus",
          "line": 3,
          "column": 47
        }
      ]
    },
    {
      "name": "react-native-rsa-native key pair of 1024 bits",
      "code": "import { RSA } from 'react-native-rsa-native';\nexport const enrol = () => RSA.generateKeys(1024);",
      "errors": [
        {
          "messageId": "smallModulus",
          "line": 2,
          "column": 45
        }
      ]
    },
    {
      "name": "@node-rs/argon2 at 4 MiB",
      "code": "import { hash } from '@node-rs/argon2';\nexport const hashPassword = (password: string) => hash(password, { memoryCost: 4096, timeCost: 3, parallelism: 1 });",
      "errors": [
        {
          "messageId": "lowCost",
          "line": 2,
          "column": 80
        }
      ]
    },
    {
      "name": "Bun.password bcrypt at cost 6",
      "code": "export const hashPassword = (password: string) => Bun.password.hash(password, { algorithm: 'bcrypt', cost: 6 });",
      "errors": [
        {
          "messageId": "lowCost",
          "line": 1,
          "column": 108
        }
      ]
    },
    {
      "name": "scrypt-js with N = 4096",
      "code": "const scrypt = require('scrypt-js');\nconst { randomBytes } = require('crypto');\nmodule.exports = (password) => scrypt.scrypt(Buffer.from(password), randomBytes(32), 4096, 8, 1, 32);",
      "filename": "file.js",
      "errors": [
        {
          "messageId": "lowCost",
          "line": 3,
          "column": 86
        }
      ]
    },
    {
      "name": "react-native-aes-crypto PBKDF2 with a constant salt and 5,000 iterations",
      "code": "import Aes from 'react-native-aes-crypto';\nconst SALT = 'journal-salt';\nexport const journalKey = (password: string) => Aes.pbkdf2(password, SALT, 5000, 256, 'sha256');",
      "errors": [
        {
          "messageId": "constantSalt",
          "line": 2,
          "column": 14
        },
        {
          "messageId": "lowIterations",
          "line": 3,
          "column": 76
        }
      ]
    },
    {
      "name": "an HMAC key of 8 random bytes imported on one path",
      "code": "export async function linkKey(stored: Uint8Array | undefined): Promise<CryptoKey> {\n  let raw = stored;\n  if (!raw) raw = crypto.getRandomValues(new Uint8Array(8));\n  return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);\n}",
      "errors": [
        {
          "messageId": "shortKey",
          "line": 3,
          "column": 57
        }
      ]
    },
    {
      "name": "a PBKDF2 cost written in the objects the file makes of a parameter's local type",
      "code": "import { pbkdf2Async } from '@noble/hashes/pbkdf2';\nimport { sha256 } from '@noble/hashes/sha2';\nimport { randomBytes } from '@noble/hashes/utils';\nexport interface VaultHeader {\n  salt: Uint8Array;\n  iterations: number;\n}\nexport function newVaultHeader(): VaultHeader {\n  return { salt: randomBytes(16), iterations: 10_000 };\n}\nexport function unlockKey(password: string, header: VaultHeader): Promise<Uint8Array> {\n  return pbkdf2Async(sha256, password, header.salt, { c: header.iterations, dkLen: 32 });\n}",
      "errors": [
        {
          "messageId": "lowIterations",
          "line": 9,
          "column": 47
        }
      ]
    },
    {
      "name": "scrypt options kept in the one object the file makes of a parameter's local type",
      "code": "import { scrypt } from '@noble/hashes/scrypt';\nimport { randomBytes } from '@noble/hashes/utils';\nconst VAULT_KDF = { N: 2 ** 13, r: 8, p: 1, dkLen: 32 };\nexport interface VaultHeader {\n  salt: Uint8Array;\n  kdf: typeof VAULT_KDF;\n}\nexport function newVaultHeader(): VaultHeader {\n  return { salt: randomBytes(16), kdf: VAULT_KDF };\n}\nexport function unlockKey(password: string, header: VaultHeader): Uint8Array {\n  return scrypt(password, header.salt, header.kdf);\n}",
      "errors": [
        {
          "messageId": "lowCost",
          "line": 3,
          "column": 24
        }
      ]
    }
  ]
});

ruleTester.run('no-static-iv (blind-s13 shapes)', noStaticIv, {
  "valid": [
    {
      "name": "a per-message noble nonce encoded into the output",
      "code": "import { gcm } from '@noble/ciphers/aes';\nimport { randomBytes } from '@noble/ciphers/webcrypto';\nimport { bytesToHex } from '@noble/ciphers/utils';\nexport function encryptDraft(key: Uint8Array, text: Uint8Array): string {\n  const nonce = randomBytes(12);\n  return `${bytesToHex(nonce)}.${bytesToHex(gcm(key, nonce).encrypt(text))}`;\n}"
    }
  ],
  "invalid": [
    {
      "name": "an IV filled with one constant byte",
      "code": "export async function seal(key: CryptoKey, body: Uint8Array) {\n  const iv = new Uint8Array(12).fill(7);\n  return crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, body);\n}",
      "errors": [
        {
          "messageId": "constantIv",
          "line": 2,
          "column": 14
        }
      ]
    },
    {
      "name": "a module-level noble nonce also encoded into the output",
      "code": "import { gcm } from '@noble/ciphers/aes';\nimport { randomBytes } from '@noble/ciphers/webcrypto';\nimport { bytesToHex } from '@noble/ciphers/utils';\nconst NONCE = randomBytes(12);\nexport function encryptDraft(key: Uint8Array, text: Uint8Array): string {\n  return `${bytesToHex(NONCE)}.${bytesToHex(gcm(key, NONCE).encrypt(text))}`;\n}",
      "errors": [
        {
          "messageId": "reusedIv",
          "line": 4,
          "column": 15
        }
      ]
    },
    {
      "name": "react-native-aes-crypto with a zero IV constant",
      "code": "import Aes from 'react-native-aes-crypto';\nconst ZERO_IV = '00000000000000000000000000000000';\nexport const encryptEntry = (text: string, key: string) => Aes.encrypt(text, key, ZERO_IV, 'aes-256-cbc');",
      "errors": [
        {
          "messageId": "constantIv",
          "line": 2,
          "column": 17
        }
      ]
    }
  ]
});

ruleTester.run('no-insecure-randomness (blind-s13 shapes)', noInsecureRandomness, {
  "valid": [
    {
      "name": "performance.now from node:perf_hooks timing a request",
      "code": "import { performance } from 'node:perf_hooks';\nexport async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {\n  const start = performance.now();\n  const result = await work();\n  return [result, performance.now() - start];\n}"
    }
  ],
  "invalid": [
    {
      "name": "performance.now from node:perf_hooks in an API key",
      "code": "import { performance } from 'node:perf_hooks';\nexport function newApiKey(): string {\n  return `ak_${performance.now().toString(36).replace('.', '')}`;\n}",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 3,
          "column": 16
        }
      ]
    }
  ]
});
