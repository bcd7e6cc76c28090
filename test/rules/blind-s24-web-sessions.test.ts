import minKeyStrength from '../../rules/min-key-strength';
import noStaticIv from '../../rules/no-static-iv';
import noInsecureRandomness from '../../rules/no-insecure-randomness';
import requireKeyZeroization from '../../rules/require-key-zeroization';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import noHardcodedKey from '../../rules/no-hardcoded-key';
import noKeyReuseAcrossPurposes from '../../rules/no-key-reuse-across-purposes';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the twenty-fourth blind set (part A: web frameworks' sessions, cookies and auth configuration) found missed or
// misjudged: node's `scrypt` given its callback by name (no options: Node's default cost); a key copied out of a KDF
// (`Buffer.from(hkdfSync(…))`) whose salt, read from the same message as the IV, is no part of the key; a session
// middleware's id generator (express-session/koa-session `genid`, @fastify/session `idGenerator`) makes session ids;
// a secret decoded into bytes in a file with no modelled crypto call is still key bytes (strict string conversion);
// tiny-csrf's secret (the AES key of its token cookie) and the csrf package's token secret are keys at a sink;
// @panva/hkdf (Auth.js's session-key derivation) is HKDF: its output is key bytes, its digest and input judged.

createRuleTester().run('min-key-strength (blind-s24 shapes)', minKeyStrength, {
  "valid": [
    {
      "name": "scrypt with a named callback after explicit OWASP costs",
      "code": "import { scrypt } from 'node:crypto';\nexport function hash(pw: string, salt: Buffer): Promise<Buffer> {\n  return new Promise((resolve, reject) => {\n    const done = (err: Error | null, key: Buffer) => (err ? reject(err) : resolve(key));\n    scrypt(pw, salt, 64, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 }, done);\n  });\n}\n",
      "filename": "case.ts"
    },
    {
      "name": "scrypt with options handed in by the caller (not judged)",
      "code": "import { scrypt, type ScryptOptions } from 'node:crypto';\nexport function derive(pw: string, salt: Buffer, options: ScryptOptions, done: (err: Error | null, key: Buffer) => void) {\n  scrypt(pw, salt, 64, options, done);\n}\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "scrypt with a callback bound to a const arrow uses Node's default cost",
      "code": "import { scrypt } from 'node:crypto';\nexport function hash(pw: string, salt: Buffer): Promise<Buffer> {\n  return new Promise((resolve, reject) => {\n    const cb = (err: Error | null, key: Buffer) => (err ? reject(err) : resolve(key));\n    scrypt(pw, salt, 64, cb);\n  });\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "lowDefaultCost",
          "line": 5
        }
      ]
    },
    {
      "name": "scrypt with a callback declared as a function uses Node's default cost",
      "code": "const crypto = require('crypto');\nfunction onDerived(err, key) {\n  if (err) throw err;\n  console.log(key.length);\n}\ncrypto.scrypt(process.argv[2], crypto.randomBytes(16), 32, onDerived);\n",
      "filename": "case.js",
      "errors": [
        {
          "messageId": "lowDefaultCost",
          "line": 6
        }
      ]
    }
  ]
});

createRuleTester().run('no-static-iv (blind-s24 shapes)', noStaticIv, {
  "valid": [
    {
      "name": "HKDF key (salt from the cookie) and IV cut from the same cookie",
      "code": "import { createDecipheriv, hkdfSync } from 'node:crypto';\nexport function open(raw: string, secret: Buffer): string {\n  const buf = Buffer.from(raw, 'base64url');\n  const key = Buffer.from(hkdfSync('sha256', secret, buf.subarray(0, 16), 'prefs', 32));\n  try {\n    const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(16, 28));\n    decipher.setAuthTag(buf.subarray(28, 44));\n    return Buffer.concat([decipher.update(buf.subarray(44)), decipher.final()]).toString('utf8');\n  } finally {\n    key.fill(0);\n  }\n}\n",
      "filename": "case.ts"
    },
    {
      "name": "PBKDF2 key copied into a Uint8Array, salt and IV read from one header",
      "code": "import { createDecipheriv, pbkdf2Sync } from 'node:crypto';\nexport function unlock(blob: Buffer, passphrase: string): Buffer {\n  const key = new Uint8Array(pbkdf2Sync(passphrase, blob.subarray(0, 16), 600000, 32, 'sha256'));\n  const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(16, 28));\n  decipher.setAuthTag(blob.subarray(28, 44));\n  return Buffer.concat([decipher.update(blob.subarray(44)), decipher.final()]);\n}\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "an IV cut from the HKDF output copied into a Buffer is still key-derived",
      "code": "import { createCipheriv, hkdfSync } from 'node:crypto';\nexport function seal(secret: Buffer, salt: Buffer, text: string): Buffer {\n  const key = Buffer.from(hkdfSync('sha256', secret, salt, 'notes', 32));\n  const iv = key.subarray(0, 12);\n  const cipher = createCipheriv('aes-256-gcm', key, iv);\n  return Buffer.concat([cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]);\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "keyDerivedIv",
          "line": 4
        }
      ]
    },
    {
      "name": "an IV cut from the HKDF input key material under a Buffer.from copy is key-derived",
      "code": "import { createCipheriv, hkdfSync } from 'node:crypto';\nexport function seal(masterSecret: Buffer, salt: Buffer, text: string): Buffer {\n  const key = Buffer.from(hkdfSync('sha256', masterSecret, salt, 'notes', 32));\n  const cipher = createCipheriv('aes-256-gcm', key, masterSecret.subarray(0, 12));\n  return Buffer.concat([cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]);\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "keyDerivedIv",
          "line": 4
        }
      ]
    }
  ]
});

createRuleTester().run('no-insecure-randomness (blind-s24 shapes)', noInsecureRandomness, {
  "valid": [
    {
      "name": "express-session genid with randomUUID",
      "code": "import session from 'express-session';\nimport { randomUUID } from 'node:crypto';\nexport const middleware = session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false, genid: () => randomUUID() });\n",
      "filename": "case.ts"
    },
    {
      "name": "an idGenerator of a table configuration is no session id",
      "code": "export const auditTable = {\n  tableName: 'audit_events',\n  idGenerator: () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,\n  columns: ['actor', 'action', 'at'],\n};\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "express-session genid built from Math.random (inline)",
      "code": "import session from 'express-session';\nexport const middleware = session({\n  secret: process.env.SESSION_SECRET!,\n  resave: false,\n  genid: () => Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2),\n});\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 5
        },
        {
          "messageId": "predictableSecret",
          "line": 5
        }
      ]
    },
    {
      "name": "a named genid function hashing the clock, handed to express-session",
      "code": "const crypto = require('crypto');\nconst session = require('express-session');\nfunction genid(req) {\n  const seed = `${Date.now()}:${req.ip}`;\n  return crypto.createHash('sha256').update(seed).digest('hex');\n}\nmodule.exports = session({ secret: process.env.SESSION_SECRET, genid, resave: false, saveUninitialized: false });\n",
      "filename": "case.js",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 4
        }
      ]
    },
    {
      "name": "koa-session's genid (a CONFIG object without a store) from the clock",
      "code": "import session from 'koa-session';\nimport type Koa from 'koa';\nconst CONFIG = {\n  key: 'app.sess',\n  maxAge: 86400000,\n  signed: true,\n  renew: true,\n  genid: () => `${Date.now()}-${process.pid}`,\n};\nexport const install = (app: Koa) => app.use(session(CONFIG, app));\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 8
        }
      ]
    },
    {
      "name": "@fastify/session idGenerator from Math.random",
      "code": "import fastifySession from '@fastify/session';\nimport type { FastifyInstance } from 'fastify';\nexport async function register(app: FastifyInstance) {\n  await app.register(fastifySession, {\n    secret: process.env.SESSION_SECRET!,\n    cookieName: 'sid',\n    idGenerator: () => Math.floor(Math.random() * 1e16).toString(36),\n  });\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 7
        }
      ]
    }
  ]
});

createRuleTester().run('require-key-zeroization (blind-s24 shapes)', requireKeyZeroization, {
  "valid": [
    {
      "name": "an @panva/hkdf key wiped in finally",
      "code": "import { hkdf } from '@panva/hkdf';\nimport { EncryptJWT } from 'jose';\nexport async function seal(payload: Record<string, unknown>, secret: string) {\n  const key = await hkdf('sha256', secret, '', 'Session Encryption Key', 64);\n  try {\n    return await new EncryptJWT(payload).setProtectedHeader({ alg: 'dir', enc: 'A256CBC-HS512' }).encrypt(key);\n  } finally {\n    key.fill(0);\n  }\n}\n",
      "filename": "case.ts"
    },
    {
      "name": "a file with no modelled call decoding request data (not a key)",
      "code": "export function payloadSize(req: { body: { payload: string } }): number {\n  const payload = Buffer.from(req.body.payload, 'base64');\n  return payload.length;\n}\n",
      "filename": "case.ts",
      "options": [
        {
          "checkStringConversion": true
        }
      ]
    }
  ],
  "invalid": [
    {
      "name": "an Auth.js-style encryption key derived with @panva/hkdf and never wiped",
      "code": "import hkdf from '@panva/hkdf';\nimport { EncryptJWT } from 'jose';\nexport async function seal(payload: Record<string, unknown>, secret: string) {\n  const encryptionKey = await hkdf('sha256', secret, '', 'Session Encryption Key', 64);\n  return new EncryptJWT(payload).setProtectedHeader({ alg: 'dir', enc: 'A256CBC-HS512' }).encrypt(encryptionKey);\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "notWiped",
          "line": 4,
          "suggestions": [
            {
              "messageId": "wrapInTryFinally",
              "data": {
                "name": "encryptionKey",
                "what": "a derived key",
                "wipe": "encryptionKey.fill(0)"
              },
              "output": "import hkdf from '@panva/hkdf';\nimport { EncryptJWT } from 'jose';\nexport async function seal(payload: Record<string, unknown>, secret: string) {\n  const encryptionKey = await hkdf('sha256', secret, '', 'Session Encryption Key', 64);\n  try {\n    return new EncryptJWT(payload).setProtectedHeader({ alg: 'dir', enc: 'A256CBC-HS512' }).encrypt(encryptionKey);\n  } finally {\n    encryptionKey.fill(0);\n  }\n}\n"
            }
          ]
        }
      ]
    },
    {
      "name": "a key decoded from the environment and given as hex to an unmodelled signer (strict)",
      "code": "import { signUrl } from '@edgecdn/url-signer';\nexport function link(path: string): string {\n  const key = Buffer.from(process.env.CDN_URL_KEY!, 'base64');\n  try {\n    return signUrl(path, { keyHex: key.toString('hex'), ttl: 300 });\n  } finally {\n    key.fill(0);\n  }\n}\n",
      "filename": "case.ts",
      "options": [
        {
          "checkStringConversion": true
        }
      ],
      "errors": [
        {
          "messageId": "keyToString",
          "line": 5
        }
      ]
    }
  ]
});

createRuleTester().run('no-weak-algorithm (blind-s24 shapes)', noWeakAlgorithm, {
  "valid": [
    {
      "name": "@panva/hkdf over SHA-256",
      "code": "import { hkdf } from '@panva/hkdf';\nexport const cookieKey = (ikm: Uint8Array) => hkdf('sha256', ikm, new Uint8Array(16), 'cookie', 32);\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "@panva/hkdf over SHA-1",
      "code": "import hkdf from '@panva/hkdf';\nexport const legacyKey = (ikm: Uint8Array) => hkdf('sha1', ikm, '', 'legacy-cookie', 32);\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 2,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "data": {
                "name": "SHA-1",
                "replacement": "sha256"
              },
              "output": "import hkdf from '@panva/hkdf';\nexport const legacyKey = (ikm: Uint8Array) => hkdf('sha256', ikm, '', 'legacy-cookie', 32);\n"
            }
          ]
        }
      ]
    }
  ]
});

createRuleTester().run('no-hardcoded-key (blind-s24 shapes)', noHardcodedKey, {
  "valid": [
    {
      "name": "tiny-csrf and the csrf package with secrets from the environment and the session",
      "code": "const csrf = require('tiny-csrf');\nconst Tokens = require('csrf');\nconst tokens = new Tokens();\nmodule.exports = (app) => {\n  app.use(csrf(process.env.CSRF_SECRET, ['POST']));\n  app.get('/form', (req, res) => {\n    req.session.csrfSecret = req.session.csrfSecret || tokens.secretSync();\n    res.render('form', { token: tokens.create(req.session.csrfSecret) });\n  });\n};\n",
      "filename": "case.js"
    }
  ],
  "invalid": [
    {
      "name": "a literal master secret fed to @panva/hkdf",
      "code": "import hkdf from '@panva/hkdf';\nexport const cookieKey = () => hkdf('sha256', '29739b4874dfa0f781c5ef6406fcb13be6e4cdef360d66a91806210f873d675e', '', 'cookie', 32);\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "SECRET_KEY",
                "format": "the same hex string"
              },
              "output": "import hkdf from '@panva/hkdf';\n\nconst SECRET_KEY = requireEnv('SECRET_KEY');\nexport const cookieKey = () => hkdf('sha256', SECRET_KEY, '', 'cookie', 32);" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    },
    {
      "name": "tiny-csrf's secret written in code (the AES key of its token cookie)",
      "code": "import express from 'express';\nimport csrf from 'tiny-csrf';\nconst app = express();\napp.use(csrf('bd392f5de1ab69d1e0dd3151db638633', ['POST', 'PUT', 'DELETE']));\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 4,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "SECRET_KEY",
                "format": "the same hex string"
              },
              "output": "import express from 'express';\nimport csrf from 'tiny-csrf';\nconst app = express();\napp.use(csrf(requireEnv('SECRET_KEY'), ['POST', 'PUT', 'DELETE']));" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    },
    {
      "name": "one constant secret for every visitor's csrf tokens",
      "code": "import Tokens from 'csrf';\nconst tokens = new Tokens();\nexport const formToken = () => tokens.create('a0485a3ba1f123e70784aa7f62ec6837f2f53325e3d0621f');\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 3,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "SECRET_KEY",
                "format": "the same hex string"
              },
              "output": "import Tokens from 'csrf';\n\nconst SECRET_KEY = requireEnv('SECRET_KEY');\nconst tokens = new Tokens();\nexport const formToken = () => tokens.create(SECRET_KEY);" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    }
  ]
});

createRuleTester().run('no-key-reuse-across-purposes (blind-s24 shapes)', noKeyReuseAcrossPurposes, {
  "valid": [
    {
      "name": "express-session and tiny-csrf with separate secrets",
      "code": "const session = require('express-session');\nconst csrf = require('tiny-csrf');\nmodule.exports = (app) => {\n  app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));\n  app.use(csrf(process.env.TINY_CSRF_SECRET, ['POST']));\n};\n",
      "filename": "case.js"
    }
  ],
  "invalid": [
    {
      "name": "one secret signing cookies (cookie-parser) and encrypting tiny-csrf's token cookie",
      "code": "const cookieParser = require('cookie-parser');\nconst csrf = require('tiny-csrf');\nconst { COOKIE_SECRET } = process.env;\nmodule.exports = (app) => {\n  app.use(cookieParser(COOKIE_SECRET));\n  app.use(csrf(COOKIE_SECRET, ['POST']));\n};\n",
      "filename": "case.js",
      "errors": [
        {
          "messageId": "reused",
          "line": 3
        }
      ]
    }
  ]
});
