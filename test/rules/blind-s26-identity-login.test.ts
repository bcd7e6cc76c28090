import noKeyReuseAcrossPurposes from '../../rules/no-key-reuse-across-purposes';
import requireKeyZeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// Shapes the twenty-sixth blind set (part B: identity providers, login and multi-factor authentication) found missed:
// a SAML service provider's `decryptionPvk` decrypts the assertions IdPs encrypt to it, so one key given as node-saml's
// or passport-saml's `privateKey` (signing) and `decryptionPvk` is a private key for two purposes; and a hand-written
// decoder (RFC 4648 base32 for TOTP seeds, hex by nibbles) that collects byte values with `push` and returns them as
// bytes decodes its argument like `Buffer.from(p, 'base64')`: a secret decoded with it is key bytes to wipe.

createRuleTester().run('no-key-reuse-across-purposes (blind-s26 shapes)', noKeyReuseAcrossPurposes, {
  "valid": [
    {
      "name": "a SAML SP signing with one key and decrypting assertions with another",
      "code": "import fs from 'node:fs';\nimport { SAML } from '@node-saml/node-saml';\nconst signingKey = fs.readFileSync('/etc/saml/sign.key', 'utf8');\nconst decryptionKey = fs.readFileSync('/etc/saml/enc.key', 'utf8');\nexport const saml = new SAML({ issuer: 'sp', callbackUrl: 'https://sp/acs', idpCert: process.env.IDP_CERT!, privateKey: signingKey, decryptionPvk: decryptionKey, signatureAlgorithm: 'sha256' });\n",
      "filename": "case.ts"
    },
    {
      "name": "a passport-saml strategy that only signs",
      "code": "import fs from 'node:fs';\nimport { Strategy } from '@node-saml/passport-saml';\nconst spKey = fs.readFileSync('/etc/saml/sp.key', 'utf8');\nexport const strategy = new Strategy({ callbackUrl: 'https://sp/acs', issuer: 'sp', idpCert: process.env.IDP_CERT!, privateKey: spKey, signatureAlgorithm: 'sha256' }, (p: any, done: any) => done(null, p), (p: any, done: any) => done(null, p));\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "one SP key as a node-saml SAML's signing key and assertion decryption key",
      "code": "import fs from 'node:fs';\nimport { SAML } from '@node-saml/node-saml';\nconst spKey = fs.readFileSync(process.env.SAML_SP_KEY!, 'utf8');\nexport const saml = new SAML({ issuer: 'sp', callbackUrl: 'https://sp/acs', idpCert: process.env.IDP_CERT!, privateKey: spKey, decryptionPvk: spKey, signatureAlgorithm: 'sha256' });\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "reusedKeyPair",
          "line": 3
        }
      ]
    },
    {
      "name": "one SP key as a passport-saml strategy's privateKey and decryptionPvk",
      "code": "import { readFileSync } from 'node:fs';\nimport { Strategy } from 'passport-saml';\nconst key = readFileSync('/run/secrets/sp.pem', 'utf8');\nexport const strategy = new Strategy({ callbackUrl: 'https://sp/acs', entryPoint: 'https://idp/sso', issuer: 'sp', cert: process.env.IDP_CERT!, privateKey: key, decryptionPvk: key, signatureAlgorithm: 'sha256' }, (p: any, done: any) => done(null, p));\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "reusedKeyPair",
          "line": 3
        }
      ]
    }
  ]
});

createRuleTester().run('require-key-zeroization (blind-s26 shapes)', requireKeyZeroization, {
  "valid": [
    {
      "name": "a seed decoded by a hand-written base32 decoder and wiped in finally",
      "code": "import { createHmac } from 'node:crypto';\nconst ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';\nfunction base32ToBytes(text: string): Buffer {\n  let bits = 0;\n  let value = 0;\n  const out: number[] = [];\n  for (const ch of text.toUpperCase().replace(/=+$/, '')) {\n    value = (value << 5) | ALPHABET.indexOf(ch);\n    bits += 5;\n    if (bits >= 8) {\n      out.push((value >>> (bits - 8)) & 0xff);\n      bits -= 8;\n    }\n  }\n  return Buffer.from(out);\n}\nexport function code(totpSecret: string, counter: Buffer): string {\n  const seed = base32ToBytes(totpSecret);\n  try {\n    return createHmac('sha256', seed).update(counter).digest('hex');\n  } finally {\n    seed.fill(0);\n  }\n}\n",
      "filename": "case.ts"
    },
    {
      "name": "a push-built decoder called with request data that is no secret",
      "code": "import { createHash } from 'node:crypto';\nconst ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';\nfunction base32ToBytes(text: string): Buffer {\n  let bits = 0;\n  let value = 0;\n  const out: number[] = [];\n  for (const ch of text.toUpperCase().replace(/=+$/, '')) {\n    value = (value << 5) | ALPHABET.indexOf(ch);\n    bits += 5;\n    if (bits >= 8) {\n      out.push((value >>> (bits - 8)) & 0xff);\n      bits -= 8;\n    }\n  }\n  return Buffer.from(out);\n}\nexport function lookupId(query: string): string {\n  const raw = base32ToBytes(query);\n  return createHash('sha256').update(raw).digest('hex');\n}\n",
      "filename": "case.ts"
    },
    {
      "name": "a byte table built with push from a count is no decoder of its argument's text",
      "code": "import { createHmac } from 'node:crypto';\nfunction padding(n: number): Uint8Array {\n  const out: number[] = [];\n  for (let i = 0; i < n; i++) out.push(n);\n  return Uint8Array.from(out);\n}\nexport function tag(macKey: Buffer, data: Buffer): string {\n  const pad = padding(16 - (data.length % 16));\n  return createHmac('sha256', macKey).update(data).update(pad).digest('hex');\n}\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "a TOTP seed decoded by a hand-written base32 decoder, used as an HMAC key and never wiped",
      "code": "import { createHmac } from 'node:crypto';\nconst ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';\nfunction base32ToBytes(text: string): Buffer {\n  let bits = 0;\n  let value = 0;\n  const out: number[] = [];\n  for (const ch of text.toUpperCase().replace(/=+$/, '')) {\n    value = (value << 5) | ALPHABET.indexOf(ch);\n    bits += 5;\n    if (bits >= 8) {\n      out.push((value >>> (bits - 8)) & 0xff);\n      bits -= 8;\n    }\n  }\n  return Buffer.from(out);\n}\nexport function totp(base32Secret: string, step: number): string {\n  const secret = base32ToBytes(base32Secret);\n  const msg = Buffer.alloc(8);\n  msg.writeBigUInt64BE(BigInt(step));\n  return createHmac('sha256', secret).update(msg).digest('hex');\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "notWiped",
          "line": 18,
          "suggestions": [
            {
              "messageId": "wrapInTryFinally",
              "output": "import { createHmac } from 'node:crypto';\nconst ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';\nfunction base32ToBytes(text: string): Buffer {\n  let bits = 0;\n  let value = 0;\n  const out: number[] = [];\n  for (const ch of text.toUpperCase().replace(/=+$/, '')) {\n    value = (value << 5) | ALPHABET.indexOf(ch);\n    bits += 5;\n    if (bits >= 8) {\n      out.push((value >>> (bits - 8)) & 0xff);\n      bits -= 8;\n    }\n  }\n  return Buffer.from(out);\n}\nexport function totp(base32Secret: string, step: number): string {\n  const secret = base32ToBytes(base32Secret);\n  try {\n    const msg = Buffer.alloc(8);\n    msg.writeBigUInt64BE(BigInt(step));\n    return createHmac('sha256', secret).update(msg).digest('hex');\n  } finally {\n    secret.fill(0);\n  }\n}\n"
            }
          ]
        }
      ]
    },
    {
      "name": "a hex-by-nibbles decoder returning Uint8Array.from, its output wiped only on the happy path",
      "code": "import { createCipheriv, randomBytes } from 'node:crypto';\nconst hexToBytes = function (hex: string): Uint8Array {\n  const out: number[] = [];\n  for (let i = 0; i < hex.length; i += 2) out.push((Number('0x' + hex[i]) << 4) | Number('0x' + hex[i + 1]));\n  return Uint8Array.from(out);\n};\nexport function seal(data: Buffer): Buffer {\n  const key = hexToBytes(process.env.TOTP_SEAL_KEY!);\n  const iv = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', key, iv);\n  const out = Buffer.concat([iv, c.update(data), c.final(), c.getAuthTag()]);\n  key.fill(0);\n  return out;\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "wipedOnHappyPathOnly",
          "line": 8,
          "suggestions": [
            {
              "messageId": "wrapInTryFinally",
              "output": "import { createCipheriv, randomBytes } from 'node:crypto';\nconst hexToBytes = function (hex: string): Uint8Array {\n  const out: number[] = [];\n  for (let i = 0; i < hex.length; i += 2) out.push((Number('0x' + hex[i]) << 4) | Number('0x' + hex[i + 1]));\n  return Uint8Array.from(out);\n};\nexport function seal(data: Buffer): Buffer {\n  const key = hexToBytes(process.env.TOTP_SEAL_KEY!);\n  try {\n    const iv = randomBytes(12);\n    const c = createCipheriv('aes-256-gcm', key, iv);\n    const out = Buffer.concat([iv, c.update(data), c.final(), c.getAuthTag()]);\n    return out;\n  } finally {\n    key.fill(0);\n  }\n}\n"
            }
          ]
        }
      ]
    }
  ]
});
