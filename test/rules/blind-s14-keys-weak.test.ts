import minKeyStrength from '../../rules/min-key-strength';
import noHardcodedKey from '../../rules/no-hardcoded-key';
import noInsecureRandomness from '../../rules/no-insecure-randomness';
import noStaticIv from '../../rules/no-static-iv';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_JS, REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the eleventh blind set (hardcoded-key/blind-s14, weak-crypto/blind-s14) found missed or misjudged:
// libraries without a table (ethers/web3/viem wallet keys, hapi's `server.state` iron password, ssh2/node-ssh
// cipher lists, AdonisJS hash drivers), a fallback read through `const env = process.env`, a keyring of JWKs
// picked by version, an @hapi/iron password map with one written fallback entry among environment reads, an IV
// that is a digest of the plaintext, an IV a local helper draws and returns next to the key it was given (not
// key-derived), the send time written into a nonce buffer with `writeBigUInt64BE`, and the `code` of a function
// named for starting a verification.
const ruleTester = createRuleTester();

ruleTester.run("no-hardcoded-key (blind-s14 shapes)", noHardcodedKey, {
  "valid": [
    {
      "name": "viem account from the environment",
      "code": "import { privateKeyToAccount } from 'viem/accounts';\nexport const account = privateKeyToAccount(process.env.RELAYER_PRIVATE_KEY as `0x${string}`);"
    },
    {
      "name": "ethers wallet from a key file",
      "code": "import { Wallet } from 'ethers';\nimport { readFileSync } from 'node:fs';\nexport const wallet = new Wallet(readFileSync('/run/secrets/treasury', 'utf8').trim());"
    },
    {
      "name": "hapi cookie state sealed with a password from the environment",
      "code": "const Hapi = require('@hapi/hapi');\nconst server = Hapi.server({ port: 3000 });\nserver.state('cart', { encoding: 'iron', password: process.env.CART_COOKIE_PASSWORD, isSecure: true });\nmodule.exports = server;",
      "filename": "file.js"
    },
    {
      "name": "environment alias with an empty fallback",
      "code": "const env = process.env;\nexport const settings = { session: { secret: env.SESSION_SECRET ?? '' } };"
    },
    {
      "name": "a keyring of public JWKs",
      "code": "const KEYS: Record<string, JsonWebKey> = { a: { kty: 'EC', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0' } };\nexport const importIt = (kid: string) => crypto.subtle.importKey('jwk', KEYS[kid], { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);"
    },
    {
      "name": "@hapi/iron password map read from the environment only",
      "code": "import Iron from '@hapi/iron';\nconst PASSWORDS = { current: { id: 'b', secret: process.env.SHARE_PASSWORD }, b: process.env.SHARE_PASSWORD, a: process.env.SHARE_PASSWORD_PREVIOUS };\nexport const open = (token: string) => Iron.unseal(token, PASSWORDS, Iron.defaults);"
    },
    {
      "name": "`const { env } = process` with an empty fallback",
      "code": "const { env } = process;\nexport const settings = { secret: env.SESSION_SECRET ?? '' };"
    }
  ],
  "invalid": [
    {
      "name": "ethers Wallet with a written private key",
      "code": "import { ethers } from 'ethers';\nconst provider = new ethers.JsonRpcProvider('http://127.0.0.1:8545');\nexport const treasury = new ethers.Wallet('0xb4aed6e4dfa4229296eac2a8b25258a4c91c874ec86534b9ea504e96762afdfa', provider);",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 3,
          "column": 43,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { ethers } from 'ethers';\nconst provider = new ethers.JsonRpcProvider('http://127.0.0.1:8545');\nexport const treasury = new ethers.Wallet(requireEnv('SIGNING_KEY'), provider);" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "viem privateKeyToAccount with a written key",
      "code": "import { privateKeyToAccount } from 'viem/accounts';\nexport const relayer = privateKeyToAccount('0xe66698eddf6ca0d0483e51694dcb5ef3e31b754ce0e214bf95a8fb9a39725a31');",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 44,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { privateKeyToAccount } from 'viem/accounts';\nexport const relayer = privateKeyToAccount(requireEnv('SIGNING_KEY'));" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "hapi cookie state sealed with a written password",
      "code": "const Hapi = require('@hapi/hapi');\nconst server = Hapi.server({ port: 3000 });\nserver.state('cart', { encoding: 'iron', password: 'Uuv13PTtEtqerUXTrJAz6MVvNqWzcVbzBWly', isSecure: true });\nmodule.exports = server;",
      "filename": "file.js",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 3,
          "column": 52,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "const Hapi = require('@hapi/hapi');\nconst server = Hapi.server({ port: 3000 });\nserver.state('cart', { encoding: 'iron', password: requireEnv('STATE_PASSWORD'), isSecure: true });\nmodule.exports = server;" + REQUIRE_ENV_JS
            }
          ]
        }
      ]
    },
    {
      "name": "fallback through a const alias of process.env",
      "code": "const env = process.env;\nexport const settings = { session: { secret: env.SESSION_SECRET ?? 'acme-dev-session-secret-do-not-use' } };",
      "errors": [
        {
          "messageId": "hardcodedFallback",
          "line": 2,
          "column": 68,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "const env = process.env;\nexport const settings = { session: { secret: requireEnv('SESSION_SECRET') } };" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "a keyring of secret JWKs picked by version",
      "code": "const FIELD_KEYS: Record<string, JsonWebKey> = {\n  v1: { kty: 'oct', alg: 'A256GCM', k: 'I35TyKdCPv5wzG-3wNEPxZY-Ra_CKLfoWyxfGmkqZ_o' },\n  v2: { kty: 'oct', alg: 'A256GCM', k: 'gn_BGN6gPmzQni4yOxNVFX9W9uLyMHjyhNofAFPfd7w' },\n};\nexport function keyFor(version: string) {\n  const jwk = FIELD_KEYS[version];\n  return crypto.subtle.importKey('jwk', jwk, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);\n}",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 40,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "const FIELD_KEYS: Record<string, JsonWebKey> = {\n  v1: { kty: 'oct', alg: 'A256GCM', k: requireEnv('V1_K') },\n  v2: { kty: 'oct', alg: 'A256GCM', k: 'gn_BGN6gPmzQni4yOxNVFX9W9uLyMHjyhNofAFPfd7w' },\n};\nexport function keyFor(version: string) {\n  const jwk = FIELD_KEYS[version];\n  return crypto.subtle.importKey('jwk', jwk, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);\n}" + REQUIRE_ENV_TS
            }
          ]
        },
        {
          "messageId": "hardcodedKey",
          "line": 3,
          "column": 40,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "const FIELD_KEYS: Record<string, JsonWebKey> = {\n  v1: { kty: 'oct', alg: 'A256GCM', k: 'I35TyKdCPv5wzG-3wNEPxZY-Ra_CKLfoWyxfGmkqZ_o' },\n  v2: { kty: 'oct', alg: 'A256GCM', k: requireEnv('V2_K') },\n};\nexport function keyFor(version: string) {\n  const jwk = FIELD_KEYS[version];\n  return crypto.subtle.importKey('jwk', jwk, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);\n}" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "@hapi/iron password map with a written fallback entry",
      "code": "import Iron from '@hapi/iron';\nconst PASSWORDS = {\n  current: { id: 'b', secret: process.env.SHARE_PASSWORD },\n  b: process.env.SHARE_PASSWORD,\n  a: process.env.SHARE_PASSWORD_PREVIOUS || 'BOqQouJca8yUd2L853pKFumefS52c2vielYs',\n};\nexport const open = (token: string) => Iron.unseal(token, PASSWORDS, Iron.defaults);",
      "errors": [
        {
          "messageId": "hardcodedFallback",
          "line": 5,
          "column": 45,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import Iron from '@hapi/iron';\nconst PASSWORDS = {\n  current: { id: 'b', secret: process.env.SHARE_PASSWORD },\n  b: process.env.SHARE_PASSWORD,\n  a: requireEnv('SHARE_PASSWORD_PREVIOUS'),\n};\nexport const open = (token: string) => Iron.unseal(token, PASSWORDS, Iron.defaults);" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "fallback through `const { env } = process`",
      "code": "const { env } = process;\nexport const settings = { secret: env.SESSION_SECRET ?? 'acme-dev-session-secret-do-not-use' };",
      "errors": [
        {
          "messageId": "hardcodedFallback",
          "line": 2,
          "column": 57,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "const { env } = process;\nexport const settings = { secret: requireEnv('SESSION_SECRET') };" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "fallback through `import { env } from 'node:process'`",
      "code": "import { env } from 'node:process';\nexport const settings = { secret: env.SESSION_SECRET || 'acme-dev-session-secret-do-not-use' };",
      "errors": [
        {
          "messageId": "hardcodedFallback",
          "line": 2,
          "column": 57,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { env } from 'node:process';\nexport const settings = { secret: requireEnv('SESSION_SECRET') };" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    }
  ]
});

ruleTester.run("no-weak-algorithm (blind-s14 shapes)", noWeakAlgorithm, {
  "valid": [
    {
      "name": "ssh2 with modern ciphers only",
      "code": "import { Client } from 'ssh2';\nconst conn = new Client();\nconn.connect({ host: 'nas', username: 'backup', algorithms: { cipher: ['chacha20-poly1305@openssh.com', 'aes256-gcm@openssh.com', 'aes256-ctr'] } });"
    },
    {
      "name": "node-ssh with a modern cipher list",
      "code": "import { NodeSSH } from 'node-ssh';\nexport async function connect() {\n  const ssh = new NodeSSH();\n  await ssh.connect({ host: 'edge-1', username: 'deploy', algorithms: { cipher: ['aes128-gcm@openssh.com'] } });\n  return ssh;\n}"
    }
  ],
  "invalid": [
    {
      "name": "ssh2 cipher list enabling 3DES and RC4 (arcfour)",
      "code": "import { Client } from 'ssh2';\nconst conn = new Client();\nconn.connect({\n  host: 'nas',\n  username: 'backup',\n  algorithms: {\n    cipher: [\n      'aes256-ctr',\n      '3des-cbc',\n      'arcfour128',\n    ],\n  },\n});",
      "errors": [
        {
          "messageId": "weakCipher",
          "line": 9,
          "column": 7
        },
        {
          "messageId": "weakCipher",
          "line": 10,
          "column": 7
        }
      ]
    },
    {
      "name": "node-ssh cipher list enabling Blowfish",
      "code": "import { NodeSSH } from 'node-ssh';\nexport async function connect() {\n  const ssh = new NodeSSH();\n  await ssh.connect({ host: 'old-box', username: 'ops', algorithms: { cipher: ['blowfish-cbc'] } });\n  return ssh;\n}",
      "errors": [
        {
          "messageId": "weakCipher",
          "line": 4,
          "column": 80
        }
      ]
    }
  ]
});

ruleTester.run("min-key-strength (blind-s14 shapes)", minKeyStrength, {
  "valid": [
    {
      "name": "AdonisJS hash drivers at OWASP costs",
      "code": "import { defineConfig, drivers } from '@adonisjs/core/hash';\nexport default defineConfig({\n  default: 'scrypt',\n  list: {\n    scrypt: drivers.scrypt({ cost: 131072, blockSize: 8, parallelization: 1, maxMemory: 268435456 }),\n    argon: drivers.argon2({ variant: 'id', iterations: 3, memory: 65536, parallelism: 4 }),\n    bcrypt: drivers.bcrypt({ rounds: 12 }),\n  },\n});"
    }
  ],
  "invalid": [
    {
      "name": "AdonisJS scaffold scrypt cost 16384, bcrypt rounds 8 and argon2 at 4 MiB",
      "code": "import { defineConfig, drivers } from '@adonisjs/core/hash';\nexport default defineConfig({\n  default: 'scrypt',\n  list: {\n    scrypt: drivers.scrypt({ cost: 16384, blockSize: 8, parallelization: 1 }),\n    argon: drivers.argon2({ variant: 'id', iterations: 3, memory: 4096, parallelism: 1 }),\n    bcrypt: drivers.bcrypt({ rounds: 8 }),\n  },\n});",
      "errors": [
        {
          "messageId": "lowCost",
          "line": 5,
          "column": 36
        },
        {
          "messageId": "lowCost",
          "line": 6,
          "column": 67
        },
        {
          "messageId": "lowCost",
          "line": 7,
          "column": 38
        }
      ]
    }
  ]
});

ruleTester.run("no-static-iv (blind-s14 shapes)", noStaticIv, {
  "valid": [
    {
      "name": "an IV a local helper draws and returns, destructured next to the key",
      "code": "import { createCipheriv, createDecipheriv, randomBytes, generateKeySync } from 'node:crypto';\nfunction sealWith(key: ReturnType<typeof generateKeySync>, plain: Buffer) {\n  const iv = randomBytes(12);\n  const cipher = createCipheriv('aes-256-gcm', key, iv);\n  return { iv, tag: cipher.getAuthTag(), body: Buffer.concat([cipher.update(plain), cipher.final()]) };\n}\nexport function roundTrip() {\n  const key = generateKeySync('aes', { length: 256 });\n  const { iv, tag, body } = sealWith(key, Buffer.from('hello'));\n  const decipher = createDecipheriv('aes-256-gcm', key, iv);\n  decipher.setAuthTag(tag);\n  return Buffer.concat([decipher.update(body), decipher.final()]);\n}"
    },
    {
      "name": "a decryption reads its IV from the stored blob it decrypts",
      "code": "import { createDecipheriv } from 'node:crypto';\nexport function open(key: Buffer, blob: Buffer) {\n  const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(0, 12));\n  decipher.setAuthTag(blob.subarray(12, 28));\n  return Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]);\n}"
    },
    {
      "name": "a random IV next to a content hash used as the object name",
      "code": "import { createCipheriv, createHash, randomBytes } from 'node:crypto';\nexport function seal(key: Buffer, file: Buffer) {\n  const name = createHash('sha256').update(file).digest('hex');\n  const iv = randomBytes(12);\n  const cipher = createCipheriv('aes-256-gcm', key, iv);\n  return { name, blob: Buffer.concat([iv, cipher.update(file), cipher.final(), cipher.getAuthTag()]) };\n}"
    },
    {
      "name": "WebCrypto: a random IV next to a digest used as the record id",
      "code": "export async function seal(key: CryptoKey, data: Uint8Array) {\n  const iv = crypto.getRandomValues(new Uint8Array(12));\n  const id = new Uint8Array(await crypto.subtle.digest('SHA-256', data));\n  return { id, blob: await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data) };\n}"
    }
  ],
  "invalid": [
    {
      "name": "an IV derived from a digest of the plaintext (deterministic encryption)",
      "code": "import { createCipheriv, createHash } from 'node:crypto';\nexport function seal(key: Buffer, file: Buffer) {\n  const iv = createHash('sha256').update(file).digest().subarray(0, 12);\n  const cipher = createCipheriv('aes-256-gcm', key, iv);\n  return Buffer.concat([iv, cipher.update(file), cipher.final(), cipher.getAuthTag()]);\n}",
      "errors": [
        {
          "messageId": "dataDerivedIv",
          "line": 3,
          "column": 14
        }
      ]
    },
    {
      "name": "WebCrypto: an IV cut from the SHA-256 of the plaintext",
      "code": "export async function seal(key: CryptoKey, data: Uint8Array) {\n  const iv = new Uint8Array(await crypto.subtle.digest('SHA-256', data)).slice(0, 12);\n  return crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data);\n}",
      "errors": [
        {
          "messageId": "dataDerivedIv",
          "line": 2,
          "column": 14
        }
      ]
    }
  ]
});

ruleTester.run("no-insecure-randomness (blind-s14 shapes)", noInsecureRandomness, {
  "valid": [
    {
      "name": "a timestamp written into a frame header that is no IV",
      "code": "export function frameHeader(length: number) {\n  const header = Buffer.alloc(12);\n  header.writeUInt32BE(length, 0);\n  header.writeBigUInt64BE(BigInt(Date.now()), 4);\n  return header;\n}"
    },
    {
      "name": "a function named for starting a timer",
      "code": "export function startRetryTimer() {\n  const code = Math.random();\n  return setTimeout(() => undefined, code * 1000);\n}"
    }
  ],
  "invalid": [
    {
      "name": "a GCM nonce of a gateway id and the send time written into the buffer",
      "code": "import { createCipheriv } from 'node:crypto';\nexport function seal(key: Buffer, gatewayId: number, frame: Buffer) {\n  const nonce = Buffer.alloc(12);\n  nonce.writeUInt32BE(gatewayId, 0);\n  nonce.writeBigUInt64BE(BigInt(Date.now()), 4);\n  const cipher = createCipheriv('aes-256-gcm', key, nonce);\n  return Buffer.concat([nonce, cipher.update(frame), cipher.final(), cipher.getAuthTag()]);\n}",
      "errors": [
        {
          "messageId": "predictableSink",
          "line": 5,
          "column": 33
        }
      ]
    },
    {
      "name": "the code of a function named for starting a verification",
      "code": "function sixDigitCode() {\n  return String(Math.floor(100000 + Math.random() * 900000));\n}\nexport const resolvers = {\n  Mutation: {\n    startPhoneVerification: async (_parent: unknown, args: { phone: string }) => {\n      const code = sixDigitCode();\n      await save({ phone: args.phone, code });\n      return true;\n    },\n  },\n};\ndeclare function save(v: object): Promise<void>;",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 2,
          "column": 37
        }
      ]
    }
  ]
});

