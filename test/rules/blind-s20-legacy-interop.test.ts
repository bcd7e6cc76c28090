import noHardcodedKey from '../../rules/no-hardcoded-key';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import noStaticIv from '../../rules/no-static-iv';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_JS, REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the twentieth blind set (part A: legacy, migration and interoperability code) found missed or misjudged:
// node-soap's WS-Security handlers (`new WSSecurityCert(pem, cert, password, { signatureAlgorithm, digestAlgorithm })`,
// `WSSecurityCertWithToken({ keyPassword })`), a split key whose written half is joined at run time to a half from the
// environment (`Buffer.concat([Buffer.from(PART_A, 'hex'), Buffer.from(process.env.PART_B, 'hex')])`, `HEAD + env`),
// a digest of several constants (`update(PASSWORD).update(SALT)`) as one derived key reported once, on the passphrase,
// an IV cut from the same KDF output of constants as the key (PBES1, .NET `Rfc2898DeriveBytes`) reported where it is
// cut, and a callback's parameters given by the local helper that calls it (`withKey((key, iv) => …)`).

createRuleTester().run('no-hardcoded-key (blind-s20 legacy and interoperability code)', noHardcodedKey, {
  "valid": [
    {
      "name": "soap WSSecurityCert's key password from the environment",
      "code": "import { readFileSync } from 'node:fs';\nimport * as soap from 'soap';\n\nconst keyPem = readFileSync('/etc/claims/ws.key', 'utf8');\nconst certPem = readFileSync('/etc/claims/ws.crt', 'utf8');\n\nexport function secure(client: soap.Client): void {\n  client.setSecurity(new soap.WSSecurityCert(keyPem, certPem, process.env.WS_KEY_PASSWORD ?? \"\", {\n    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',\n    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',\n  }));\n}\n",
      "filename": "case.ts"
    },
    {
      "name": "a key assembled from environment pieces and a one-byte version prefix (no key material written)",
      "code": "import { createCipheriv, randomBytes } from 'node:crypto';\n\nconst KEY = Buffer.concat([Buffer.from(process.env.KEY_A ?? '', 'hex'), Buffer.from(process.env.KEY_B ?? '', 'hex')]);\n\nexport function seal(data: Buffer): Buffer {\n  const iv = Buffer.concat([Buffer.from([1, 0, 0, 0]), randomBytes(8)]);\n  const cipher = createCipheriv('aes-256-gcm', KEY, iv);\n  return Buffer.concat([iv, cipher.update(data), cipher.final(), cipher.getAuthTag()]);\n}\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "soap WSSecurityCert's key password written in the call",
      "code": "import { readFileSync } from 'node:fs';\nimport * as soap from 'soap';\n\nconst keyPem = readFileSync('/etc/claims/ws.key', 'utf8');\nconst certPem = readFileSync('/etc/claims/ws.crt', 'utf8');\n\nexport function secure(client: soap.Client): void {\n  client.setSecurity(new soap.WSSecurityCert(keyPem, certPem, 'Hq8#vT2m-claims-test', {\n    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',\n    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',\n  }));\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 8,
          "column": 63,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "SIGNING_KEY",
                "format": "the same string"
              },
              "output": "import { readFileSync } from 'node:fs';\nimport * as soap from 'soap';\n\nconst SIGNING_KEY = requireEnv('SIGNING_KEY');\n\nconst keyPem = readFileSync('/etc/claims/ws.key', 'utf8');\nconst certPem = readFileSync('/etc/claims/ws.crt', 'utf8');\n\nexport function secure(client: soap.Client): void {\n  client.setSecurity(new soap.WSSecurityCert(keyPem, certPem, SIGNING_KEY, {\n    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',\n    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',\n  }));\n}" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    },
    {
      "name": "WSSecurityCertWithToken keyPassword written in the options",
      "code": "import { WSSecurityCertWithToken } from 'soap';\nimport { readFileSync } from 'node:fs';\n\nexport const security = new WSSecurityCertWithToken({\n  privateKey: readFileSync('/etc/edi/signing.key'),\n  publicKey: readFileSync('/etc/edi/signing.crt', 'utf8'),\n  keyPassword: 'p4ss-for-the-edi-signing-key',\n  username: process.env.EDI_USER ?? '',\n  password: process.env.EDI_PASSWORD ?? '',\n});\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 7,
          "column": 16,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "WS_SECURITY_CERT_WITH_TOKEN_KEY_PASSWORD",
                "format": "the same string"
              },
              "output": "import { WSSecurityCertWithToken } from 'soap';\nimport { readFileSync } from 'node:fs';\n\nexport const security = new WSSecurityCertWithToken({\n  privateKey: readFileSync('/etc/edi/signing.key'),\n  publicKey: readFileSync('/etc/edi/signing.crt', 'utf8'),\n  keyPassword: requireEnv('WS_SECURITY_CERT_WITH_TOKEN_KEY_PASSWORD'),\n  username: process.env.EDI_USER ?? '',\n  password: process.env.EDI_PASSWORD ?? '',\n});" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    },
    {
      "name": "a split key: one half written here, the other from the environment, joined by an argument-less helper",
      "code": "'use strict';\nconst crypto = require('crypto');\n\nconst LICENCE_KEY_PART_A = '086f45cd6e3c1f699bf6f7a495198cb3';\n\nfunction licenceKey() {\n  return Buffer.concat([Buffer.from(LICENCE_KEY_PART_A, 'hex'), Buffer.from(process.env.LICENCE_KEY_PART_B, 'hex')]);\n}\n\nconst LICENCE_KEY = licenceKey();\n\nfunction open(iv, tag, body) {\n  const decipher = crypto.createDecipheriv('aes-256-gcm', LICENCE_KEY, iv);\n  decipher.setAuthTag(tag);\n  return Buffer.concat([decipher.update(body), decipher.final()]);\n}\n\nmodule.exports = { open };\n",
      "filename": "case.js",
      "languageOptions": { "sourceType": "commonjs" } as never,
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 4,
          "column": 28,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "LICENCE_KEY_PART_A",
                "format": "the same hex string"
              },
              "output": "'use strict';\nconst crypto = require('crypto');\n\nconst LICENCE_KEY_PART_A = requireEnv('LICENCE_KEY_PART_A');\n\nfunction licenceKey() {\n  return Buffer.concat([Buffer.from(LICENCE_KEY_PART_A, 'hex'), Buffer.from(process.env.LICENCE_KEY_PART_B, 'hex')]);\n}\n\nconst LICENCE_KEY = licenceKey();\n\nfunction open(iv, tag, body) {\n  const decipher = crypto.createDecipheriv('aes-256-gcm', LICENCE_KEY, iv);\n  decipher.setAuthTag(tag);\n  return Buffer.concat([decipher.update(body), decipher.final()]);\n}\n\nmodule.exports = { open };" + REQUIRE_ENV_JS + "\n"
            }
          ]
        }
      ]
    },
    {
      "name": "a split HMAC secret: a written prefix joined to an environment suffix with +",
      "code": "import { createHmac } from 'node:crypto';\n\nconst SECRET_HEAD = 'c0ffee1234567890deadbeefcafebabe';\n\nexport function sign(body: string): string {\n  const secret = SECRET_HEAD + process.env.SECRET_TAIL;\n  return createHmac('sha256', secret).update(body).digest('hex');\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 3,
          "column": 21,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "SECRET_HEAD",
                "format": "the same hex string"
              },
              "output": "import { createHmac } from 'node:crypto';\n\nconst SECRET_HEAD = requireEnv('SECRET_HEAD');\n\nexport function sign(body: string): string {\n  const secret = SECRET_HEAD + process.env.SECRET_TAIL;\n  return createHmac('sha256', secret).update(body).digest('hex');\n}" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    },
    {
      "name": "a digest of a written passphrase and a written salt used as a key: one key, on the passphrase",
      "code": "import { createCipheriv, createHash } from 'node:crypto';\n\nconst TICKET_PASSWORD = 'Zt4!qRw9-tickets-legacy';\nconst TICKET_SALT = Buffer.from([0x10, 0x32, 0x54, 0x76, 0x98, 0xba, 0xdc, 0xfe]);\n\nconst key = createHash('sha256').update(TICKET_PASSWORD).update(TICKET_SALT).digest();\n\nexport function encode(text: string, iv: Buffer): Buffer {\n  const cipher = createCipheriv('aes-256-cbc', key, iv);\n  return Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 3,
          "column": 25,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "TICKET_PASSWORD",
                "format": "the same string"
              },
              "output": "import { createCipheriv, createHash } from 'node:crypto';\n\nconst TICKET_PASSWORD = requireEnv('TICKET_PASSWORD');\nconst TICKET_SALT = Buffer.from([0x10, 0x32, 0x54, 0x76, 0x98, 0xba, 0xdc, 0xfe]);\n\nconst key = createHash('sha256').update(TICKET_PASSWORD).update(TICKET_SALT).digest();\n\nexport function encode(text: string, iv: Buffer): Buffer {\n  const cipher = createCipheriv('aes-256-cbc', key, iv);\n  return Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);\n}" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    }
  ]
});

createRuleTester().run('no-weak-algorithm (blind-s20 legacy and interoperability code)', noWeakAlgorithm, {
  "valid": [
    {
      "name": "soap WSSecurityCert with RSA-SHA256 and SHA-256 digests",
      "code": "import { readFileSync } from 'node:fs';\nimport * as soap from 'soap';\n\nconst keyPem = readFileSync('/etc/claims/ws.key', 'utf8');\nconst certPem = readFileSync('/etc/claims/ws.crt', 'utf8');\n\nexport function secure(client: soap.Client): void {\n  client.setSecurity(new soap.WSSecurityCert(keyPem, certPem, process.env.WS_KEY_PASSWORD ?? \"\", {\n    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',\n    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',\n  }));\n}\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "soap WSSecurityCert signing with RSA-SHA1 over SHA-1 digests",
      "code": "import { readFileSync } from 'node:fs';\nimport * as soap from 'soap';\n\nconst keyPem = readFileSync('/etc/claims/ws.key', 'utf8');\nconst certPem = readFileSync('/etc/claims/ws.crt', 'utf8');\n\nexport function secure(client: soap.Client): void {\n  client.setSecurity(new soap.WSSecurityCert(keyPem, certPem, process.env.WS_KEY_PASSWORD ?? \"\", {\n    signatureAlgorithm: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',\n    digestAlgorithm: 'http://www.w3.org/2000/09/xmldsig#sha1',\n  }));\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 9,
          "column": 25,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "data": {
                "name": "SHA-1",
                "replacement": "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
              },
              "output": "import { readFileSync } from 'node:fs';\nimport * as soap from 'soap';\n\nconst keyPem = readFileSync('/etc/claims/ws.key', 'utf8');\nconst certPem = readFileSync('/etc/claims/ws.crt', 'utf8');\n\nexport function secure(client: soap.Client): void {\n  client.setSecurity(new soap.WSSecurityCert(keyPem, certPem, process.env.WS_KEY_PASSWORD ?? \"\", {\n    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',\n    digestAlgorithm: 'http://www.w3.org/2000/09/xmldsig#sha1',\n  }));\n}\n"
            }
          ]
        },
        {
          "messageId": "weakHash",
          "line": 10,
          "column": 22,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "data": {
                "name": "SHA-1",
                "replacement": "http://www.w3.org/2001/04/xmlenc#sha256"
              },
              "output": "import { readFileSync } from 'node:fs';\nimport * as soap from 'soap';\n\nconst keyPem = readFileSync('/etc/claims/ws.key', 'utf8');\nconst certPem = readFileSync('/etc/claims/ws.crt', 'utf8');\n\nexport function secure(client: soap.Client): void {\n  client.setSecurity(new soap.WSSecurityCert(keyPem, certPem, process.env.WS_KEY_PASSWORD ?? \"\", {\n    signatureAlgorithm: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',\n    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',\n  }));\n}\n"
            }
          ]
        }
      ]
    }
  ]
});

createRuleTester().run('no-static-iv (blind-s20 legacy and interoperability code)', noStaticIv, {
  "valid": [
    {
      "name": "a callback given a random IV by a local helper",
      "code": "import { createCipheriv, randomBytes } from 'node:crypto';\n\nconst KEY = Buffer.from(process.env.PORTAL_KEY ?? '', 'base64');\n\nfunction withFreshIv<T>(fn: (iv: Buffer) => T): T {\n  return fn(randomBytes(12));\n}\n\nexport function seal(plain: string): Buffer {\n  return withFreshIv((iv) => {\n    const cipher = createCipheriv('aes-256-gcm', KEY, iv);\n    return Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);\n  });\n}\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "PBES1: the IV cut from the same digest of constants as the key is reported where it is cut",
      "code": "import { createCipheriv, createHash } from 'node:crypto';\n\nconst PBE_PASSWORD = 'Zt4!qRw9-pbes1-legacy';\nconst PBE_SALT = Buffer.from([0xa1, 0xb2, 0xc3, 0xd4, 0xe5, 0xf6, 0x07, 0x18]);\n\nfunction pbkdf1(password: string, salt: Buffer) {\n  const digest = createHash('md5').update(password).update(salt).digest();\n  return { key: digest.subarray(0, 8), iv: digest.subarray(8, 16) };\n}\n\nconst derived = pbkdf1(PBE_PASSWORD, PBE_SALT);\n\nexport function encode(text: string): Buffer {\n  const cipher = createCipheriv('des-cbc', derived.key, derived.iv);\n  return Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "constantIv",
          "line": 8,
          "column": 44
        }
      ]
    },
    {
      "name": "Rfc2898DeriveBytes port: key and IV of one PBKDF2 output of constants, handed to a callback by a local helper",
      "code": "import { createCipheriv, pbkdf2Sync } from 'node:crypto';\n\nconst PASS = 'c1pher-portal-Pa55phrase!';\nconst SALT = Buffer.from('Ivan Medvedev');\n\nfunction withPortalKey<T>(fn: (key: Buffer, iv: Buffer) => T): T {\n  const derived = pbkdf2Sync(PASS, SALT, 1000, 48, 'sha1');\n  try {\n    return fn(derived.subarray(0, 32), derived.subarray(32, 48));\n  } finally {\n    derived.fill(0);\n  }\n}\n\nexport function portalEncrypt(plain: string): string {\n  return withPortalKey((key, iv) => {\n    const cipher = createCipheriv('aes-256-cbc', key, iv);\n    return Buffer.concat([cipher.update(plain, 'utf16le'), cipher.final()]).toString('base64');\n  });\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "constantIv",
          "line": 9,
          "column": 40
        }
      ]
    }
  ]
});
