import minKeyStrength from '../../rules/min-key-strength';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';

// Options passed around the way real code passes them (third blind set): a class field read
// through `this`, a spread of a shared algorithm object, an object a local helper returns and the
// caller destructures, and the cipher list of a TLS server.
const ruleTester = createRuleTester();

ruleTester.run('no-weak-algorithm: options built elsewhere, TLS cipher lists', noWeakAlgorithm, {
  valid: [
    {
      "filename": "https.js",
      "code": "const https = require('https');\nconst fs = require('fs');\n// Weak suites named only to exclude them.\nmodule.exports = https.createServer({\n  key: fs.readFileSync('key.pem'),\n  cert: fs.readFileSync('cert.pem'),\n  ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:!aNULL:!MD5:!RC4:!3DES:-DES',\n  minVersion: 'TLSv1.2',\n}, handler);"
    },
    "import { verify } from 'hono/jwt';\n// Hono's verify accepts HS256 only unless told otherwise: already pinned.\nexport const check = (token: string) => verify(token, process.env.JWT_SECRET!);",
    "const BASE = { name: 'AES-GCM', length: 256 } as const;\nexport async function seal(key: CryptoKey, data: ArrayBuffer) {\n  const iv = crypto.getRandomValues(new Uint8Array(12));\n  return crypto.subtle.encrypt({ ...BASE, iv }, key, data);\n}",
    {
      "filename": "cipher.js",
      "code": "const crypto = require('crypto');\nconst key = Buffer.from(process.env.K || '', 'hex');\nfunction settings() {\n  return { algorithm: 'aes-256-gcm', ivLength: 12 };\n}\nfunction seal(data) {\n  const { algorithm, ivLength } = settings();\n  const iv = crypto.randomBytes(ivLength);\n  const cipher = crypto.createCipheriv(algorithm, key, iv);\n  return Buffer.concat([iv, cipher.update(data), cipher.final(), cipher.getAuthTag()]);\n}\nmodule.exports = { seal };"
    }
  ],
  invalid: [
    {
      "code": "const crypto = require('crypto');\nconst key = Buffer.from(process.env.ARCHIVE_KEY_HEX || '', 'hex');\nfunction cipherFor(options) {\n  const algorithm = options.legacy ? 'aes-128-ecb' : 'aes-128-gcm';\n  return { algorithm, iv: options.legacy ? null : crypto.randomBytes(12) };\n}\nfunction encrypt(buffer, options) {\n  const { algorithm, iv } = cipherFor(options);\n  const cipher = crypto.createCipheriv(algorithm, key, iv);\n  return Buffer.concat([cipher.update(buffer), cipher.final()]);\n}\nmodule.exports = { encrypt };",
      "filename": "archive.js",
      "errors": [
        {
          "messageId": "ecbMode",
          "line": 4,
          "column": 38,
          "suggestions": []
        }
      ]
    },
    {
      "code": "const ATTACHMENT_CIPHER = { name: 'AES-CBC', length: 256 } as const;\nexport async function encryptAttachment(key: CryptoKey, data: ArrayBuffer) {\n  const iv = crypto.getRandomValues(new Uint8Array(16));\n  return crypto.subtle.encrypt({ ...ATTACHMENT_CIPHER, iv }, key, data);\n}",
      "options": [
        {
          "allowFingerprints": false,
          "allowHashHelpers": false,
          "requireAuthenticatedEncryption": true,
          "requirePinnedJwtAlgorithms": "always"
        }
      ],
      "errors": [
        {
          "messageId": "unauthenticatedMode",
          "line": 1,
          "column": 35,
          "suggestions": []
        }
      ]
    },
    {
      "code": "const tls = require('tls');\nconst fs = require('fs');\nmodule.exports = tls.createServer({\n  key: fs.readFileSync('/etc/pos/key.pem'),\n  cert: fs.readFileSync('/etc/pos/cert.pem'),\n  ciphers: 'ECDHE-RSA-AES128-GCM-SHA256:DES-CBC3-SHA:RC4-SHA',\n}, (socket) => socket.end('ok'));",
      "filename": "pos.js",
      "errors": [
        {
          "messageId": "weakCipher",
          "line": 6,
          "column": 12,
          "suggestions": []
        }
      ]
    }
  ],
});

ruleTester.run('min-key-strength: options in a class field', minKeyStrength, {
  valid: [
    "import * as argon2 from 'argon2';\nexport class PasswordService {\n  private readonly options = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };\n  hash(password: string) {\n    return argon2.hash(password, this.options);\n  }\n}"
  ],
  invalid: [
    {
      "code": "import * as argon2 from 'argon2';\nexport class PasswordService {\n  private readonly options = { type: argon2.argon2id, memoryCost: 2 ** 12, timeCost: 3, parallelism: 1 };\n  hash(password: string) {\n    return argon2.hash(password, this.options);\n  }\n}",
      "errors": [
        {
          "messageId": "lowCost",
          "line": 3,
          "column": 67,
          "suggestions": []
        }
      ]
    }
  ],
});
