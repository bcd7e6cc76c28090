import noStaticIv from '../../rules/no-static-iv';
import noInsecureRandomness from '../../rules/no-insecure-randomness';
import noKeyReuseAcrossPurposes from '../../rules/no-key-reuse-across-purposes';
import { createRuleTester } from './rule-tester';

// Shapes the twenty-fifth blind set (part B: AI/LLM back-ends and SaaS integrations) found missed or misplaced: a
// module-level IV decoded from an environment variable (LibreChat's `CREDS_IV`) is one IV for every message; the `state`
// of an OAuth authorization request is its CSRF token, so `Math.random`/`Date.now` in it are findings; text written
// behind a secret key's conventional prefix (`sk-`, `sk_live_`, `whsec_`) is a secret key; and a constructor parameter
// whose default reads the environment, when no call in the file passes it, is that environment variable (so a key
// decoded from it into a local and kept in a field is defined at the local, decision 87).

createRuleTester().run('no-static-iv (blind-s25 shapes)', noStaticIv, {
  "valid": [
    {
      "name": "a per-message random IV next to a key read from the environment",
      "code": "import { createCipheriv, randomBytes } from 'node:crypto';\nconst key = Buffer.from(process.env.CREDS_KEY!, 'hex');\nexport function encrypt(value: string) {\n  const iv = randomBytes(16);\n  const c = createCipheriv('aes-256-gcm', key, iv);\n  return Buffer.concat([iv, c.update(value, 'utf8'), c.final(), c.getAuthTag()]);\n}\n",
      "filename": "case.ts"
    },
    {
      "name": "a module-level IV from the environment that only decrypts (legacy rows are read, nothing new is written with it)",
      "code": "const crypto = require('crypto');\nconst key = Buffer.from(process.env.LEGACY_KEY, 'hex');\nconst iv = Buffer.from(process.env.LEGACY_IV, 'hex');\nfunction decryptLegacy(hex) {\n  const d = crypto.createDecipheriv('aes-256-cbc', key, iv);\n  return d.update(hex, 'hex', 'utf8') + d.final('utf8');\n}\nmodule.exports = { decryptLegacy };\n",
      "filename": "case.js"
    },
    {
      "name": "a module-level IV binding that each call replaces with fresh random bytes",
      "code": "import { createCipheriv, randomBytes } from 'node:crypto';\nlet iv = Buffer.from(process.env.BOOT_IV ?? '', 'hex');\nexport function seal(key: Buffer, data: Buffer) {\n  iv = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', key, iv);\n  return { iv, data: Buffer.concat([c.update(data), c.final()]), tag: c.getAuthTag() };\n}\n",
      "filename": "case.ts"
    },
    {
      "name": "an IV from the environment used once at start-up, outside any function",
      "code": "import { createCipheriv } from 'node:crypto';\nconst key = Buffer.from(process.env.K!, 'hex');\nconst iv = Buffer.from(process.env.IV!, 'hex');\nconst c = createCipheriv('aes-256-gcm', key, iv);\nexport const bootToken = Buffer.concat([c.update('boot'), c.final(), c.getAuthTag()]);\n",
      "filename": "case.ts"
    },
    {
      "name": "an IV derived from an environment seed and the message id (a derivation per message, not a decoding)",
      "code": "import { createCipheriv, createHash } from 'node:crypto';\nfunction deriveIv(seed: string, messageId: string) {\n  return createHash('sha256').update(seed).update(messageId).digest().subarray(0, 12);\n}\nexport function seal(key: Buffer, messageId: string, data: Buffer) {\n  const c = createCipheriv('aes-256-gcm', key, deriveIv(process.env.IV_SEED!, messageId));\n  return Buffer.concat([c.update(data), c.final(), c.getAuthTag()]);\n}\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "a module-level IV decoded from the environment, used by every encryption (LibreChat's CREDS_IV shape)",
      "code": "const crypto = require('crypto');\nconst key = Buffer.from(process.env.CREDS_KEY, 'hex');\nconst iv = Buffer.from(process.env.CREDS_IV, 'hex');\nfunction encrypt(value) {\n  const cipher = crypto.createCipheriv('aes-256-cbc', key, iv);\n  return cipher.update(value, 'utf8', 'hex') + cipher.final('hex');\n}\nfunction decrypt(hex) {\n  const d = crypto.createDecipheriv('aes-256-cbc', key, iv);\n  return d.update(hex, 'hex', 'utf8') + d.final('utf8');\n}\nmodule.exports = { encrypt, decrypt };\n",
      "filename": "case.js",
      "errors": [
        {
          "messageId": "configuredIv",
          "line": 3
        }
      ]
    },
    {
      "name": "a module-level nonce read with a non-null assertion and a fallback, used by a GCM encryption",
      "code": "import { createCipheriv } from 'node:crypto';\nconst NONCE = Buffer.from(process.env.TOKEN_NONCE! ?? '', 'base64');\nexport function sealToken(key: Buffer, token: string) {\n  const c = createCipheriv('aes-256-gcm', key, NONCE);\n  return Buffer.concat([c.update(token, 'utf8'), c.final(), c.getAuthTag()]).toString('base64');\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "configuredIv",
          "line": 2
        }
      ]
    },
    {
      "name": "an IV decoded from a destructured environment variable",
      "code": "import { createCipheriv } from 'node:crypto';\nconst { CREDS_KEY, CREDS_IV } = process.env;\nconst iv = Buffer.from(CREDS_IV!, 'hex');\nexport function encrypt(value: string) {\n  const c = createCipheriv('aes-256-cbc', Buffer.from(CREDS_KEY!, 'hex'), iv);\n  return c.update(value, 'utf8', 'hex') + c.final('hex');\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "configuredIv",
          "line": 3
        }
      ]
    },
    {
      "name": "an IV kept in a class field initialised from the environment",
      "code": "import { createCipheriv } from 'node:crypto';\nexport class TokenCipher {\n  private readonly iv = Buffer.from(process.env.TOKEN_IV ?? '', 'base64');\n  constructor(private readonly key: Buffer) {}\n  seal(token: string) {\n    const c = createCipheriv('aes-256-gcm', this.key, this.iv);\n    return Buffer.concat([c.update(token, 'utf8'), c.final(), c.getAuthTag()]).toString('base64');\n  }\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "configuredIv",
          "line": 3
        }
      ]
    },
    {
      "name": "an IV read from the environment inside the encrypting function",
      "code": "const crypto = require('crypto');\nfunction encrypt(key, text) {\n  const cipher = crypto.createCipheriv('aes-128-cbc', key, Buffer.from(process.env.APP_IV, 'utf8'));\n  return cipher.update(text, 'utf8', 'base64') + cipher.final('base64');\n}\nmodule.exports = { encrypt };\n",
      "filename": "case.js",
      "errors": [
        {
          "messageId": "configuredIv",
          "line": 3
        }
      ]
    }
  ]
});

createRuleTester().run('no-insecure-randomness (blind-s25 shapes)', noInsecureRandomness, {
  "valid": [
    {
      "name": "a random UI state outside an authorization request",
      "code": "const STATES = ['idle', 'thinking', 'typing'];\nexport function pickIndicator() {\n  const state = STATES[Math.floor(Math.random() * STATES.length)];\n  return state;\n}\n",
      "filename": "case.ts"
    },
    {
      "name": "an OAuth state drawn with randomBytes",
      "code": "import { randomBytes } from 'node:crypto';\nexport function authorizeUrl(clientId: string, redirectUri: string) {\n  const state = randomBytes(16).toString('base64url');\n  const url = new URL('https://idp.example.com/authorize');\n  url.searchParams.set('client_id', clientId);\n  url.searchParams.set('redirect_uri', redirectUri);\n  url.searchParams.set('state', state);\n  return { url: url.toString(), state };\n}\n",
      "filename": "case.ts"
    },
    {
      "name": "a scratch name whose prefix is not a secret key's",
      "code": "export function scratchName() {\n  return `task_${Math.random().toString(36).slice(2)}`;\n}\n",
      "filename": "case.ts"
    },
    {
      "name": "retry jitter in a function that builds an authorization request",
      "code": "export async function exchange(code: string) {\n  const delay = 200 + Math.random() * 100;\n  await new Promise((r) => setTimeout(r, delay));\n  return fetch('https://idp.example.com/token', { method: 'POST', body: new URLSearchParams({ code, client_id: 'web', redirect_uri: 'https://app/cb', grant_type: 'authorization_code' }) });\n}\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "an OAuth state from Math.random and Date.now in the function that writes the authorization URL",
      "code": "export function startConnect(clientId: string) {\n  const state = Math.random().toString(36).slice(2) + Date.now().toString(36);\n  const url = new URL('https://app.hubspot.example/oauth/authorize');\n  url.searchParams.set('client_id', clientId);\n  url.searchParams.set('redirect_uri', 'https://example.com/cb');\n  url.searchParams.set('state', state);\n  return url.toString();\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 2
        },
        {
          "messageId": "predictableSecret",
          "line": 2
        }
      ]
    },
    {
      "name": "an oauthState in a URLSearchParams object with response_type and a PKCE challenge",
      "code": "export function loginRedirect(challenge: string) {\n  const oauthState = String(Math.random()).slice(2);\n  const q = new URLSearchParams({ response_type: 'code', client_id: 'cli', state: oauthState, code_challenge: challenge });\n  return `https://idp.example.com/authorize?${q}`;\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 2
        }
      ]
    },
    {
      "name": "an API key minted character by character with Math.random behind an sk- prefix",
      "code": "const ALPHABET = 'abcdefghjkmnpqrstuvwxyz';\nexport class Keys {\n  private mintV1(): string {\n    let body = '';\n    for (let i = 0; i < 48; i++) body += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];\n    return `sk-${body}`;\n  }\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 5
        }
      ]
    },
    {
      "name": "a webhook secret suggested as whsec_ plus a timestamp",
      "code": "export function newEndpoint(url: string) {\n  return { url, signing: 'whsec_' + Date.now().toString(36) };\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 2
        }
      ]
    }
  ]
});

createRuleTester().run('no-key-reuse-across-purposes (blind-s25 shapes)', noKeyReuseAcrossPurposes, {
  "valid": [
    {
      "name": "a constructor key defaulting to the environment, used only to encrypt and decrypt",
      "code": "import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';\nexport class Sealer {\n  private readonly key: Buffer;\n  constructor(encoded: string | undefined = process.env.SEAL_KEY) {\n    const key = Buffer.from(encoded ?? '', 'base64');\n    this.key = key;\n  }\n  seal(text: string) {\n    const iv = randomBytes(12);\n    const c = createCipheriv('aes-256-gcm', this.key, iv);\n    return Buffer.concat([iv, c.update(text, 'utf8'), c.final(), c.getAuthTag()]);\n  }\n  open(buf: Buffer) {\n    const d = createDecipheriv('aes-256-gcm', this.key, buf.subarray(0, 12));\n    d.setAuthTag(buf.subarray(buf.length - 16));\n    return Buffer.concat([d.update(buf.subarray(12, buf.length - 16)), d.final()]).toString('utf8');\n  }\n}\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "a constructor's environment default decoded into a local, kept in a field that encrypts and MACs",
      "code": "import { createCipheriv, createHmac, randomBytes } from 'node:crypto';\nexport class EncryptionManager {\n  private readonly key: Buffer;\n  constructor(encodedKey: string | undefined = process.env.CONNECT_ENCRYPTION_KEY) {\n    if (!encodedKey) throw new Error('missing key');\n    const key = Buffer.from(encodedKey, 'base64');\n    this.key = key;\n  }\n  encrypt(text: string) {\n    const iv = randomBytes(12);\n    const c = createCipheriv('aes-256-gcm', this.key, iv);\n    return Buffer.concat([iv, c.update(text, 'utf8'), c.final(), c.getAuthTag()]);\n  }\n  mint(payload: string) {\n    return createHmac('sha256', this.key).update(payload).digest('base64url');\n  }\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "reused",
          "line": 6,
          "suggestions": [
            {
              "messageId": "deriveSubkeys",
              "output": "import { createCipheriv, createHmac, randomBytes, hkdfSync } from 'node:crypto';\nexport class EncryptionManager {\n  private readonly key: Buffer;\n  constructor(encodedKey: string | undefined = process.env.CONNECT_ENCRYPTION_KEY) {\n    if (!encodedKey) throw new Error('missing key');\n    const key = Buffer.from(encodedKey, 'base64');\n    this.key = key;\n  }\n  encrypt(text: string) {\n    const iv = randomBytes(12);\n    const c = createCipheriv('aes-256-gcm', Buffer.from(hkdfSync('sha256', this.key, new Uint8Array(0), 'keywarden:encrypt', 32)), iv);\n    return Buffer.concat([iv, c.update(text, 'utf8'), c.final(), c.getAuthTag()]);\n  }\n  mint(payload: string) {\n    return createHmac('sha256', Buffer.from(hkdfSync('sha256', this.key, new Uint8Array(0), 'keywarden:mac', 32))).update(payload).digest('base64url');\n  }\n}\n"
            }
          ]
        }
      ]
    }
  ]
});
