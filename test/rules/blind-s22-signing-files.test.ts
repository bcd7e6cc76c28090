import minKeyStrength from '../../rules/min-key-strength';
import noHardcodedKey from '../../rules/no-hardcoded-key';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_JS, REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the twenty-second blind set (part C: code that signs or encrypts files, documents and software) found missed
// or misjudged: archiver-zip-encrypted names its zip encryption method in the zip vocabulary (`'zip20'` is ZipCrypto,
// `'aes256'` WinZip AES, authenticated); node-forge's PKCS#7 enveloped data picks its content cipher by an `oids` member
// (`forge.pki.oids['des-EDE3-CBC']`); a short SPKI body (Ed25519/X25519 `MCowBQYDK2Vw…`, P-256 `MFkw…`) is a public key
// like a long `MII…` one; and a key file's path given as the fallback of a key-named environment variable is a path.

createRuleTester().run('no-weak-algorithm (blind-s22 shapes)', noWeakAlgorithm, {
  valid: [
    {
      name: 'archiver-zip-encrypted with WinZip AES',
      code: "import archiver from 'archiver';\nexport function zip(password: string) {\n  return archiver.create('zip-encrypted', { zlib: { level: 8 }, encryptionMethod: 'aes256', password });\n}\n",
      filename: 'case.ts',
    },
    {
      name: 'archiver-zip-encrypted with WinZip AES is authenticated (strict option)',
      code: "import archiver from 'archiver';\nexport function zip(password: string) {\n  return archiver('zip-encrypted', { encryptionMethod: 'aes256', password });\n}\n",
      filename: 'case.ts',
      options: [{ requireAuthenticatedEncryption: true }],
    },
    {
      name: 'forge PKCS#7 enveloped data with the AES-256-CBC OID',
      code: "const forge = require('node-forge');\nfunction envelope(cert, text) {\n  const p7 = forge.pkcs7.createEnvelopedData();\n  p7.addRecipient(cert);\n  p7.content = forge.util.createBuffer(text, 'utf8');\n  p7.encrypt(undefined, forge.pki.oids['aes256-CBC']);\n  return p7;\n}\nmodule.exports = { envelope };\n",
      filename: 'case.js',
    },
  ],
  invalid: [
    {
      name: 'archiver-zip-encrypted falling back to ZipCrypto',
      code: "import archiver from 'archiver';\nexport function zip(password: string, legacy: boolean) {\n  return archiver.create('zip-encrypted', { encryptionMethod: legacy ? 'zip20' : 'aes256', password });\n}\n",
      filename: 'case.ts',
      errors: [{ messageId: 'weakCipher', data: { name: 'ZipCrypto', why: 'known-plaintext attacks (bkcrack) recover the keys from a few bytes of any file in the archive' }, line: 3 }],
    },
    {
      name: 'forge PKCS#7 enveloped data with the 3DES OID',
      code: "const forge = require('node-forge');\nfunction envelope(cert, text) {\n  const p7 = forge.pkcs7.createEnvelopedData();\n  p7.addRecipient(cert);\n  p7.content = forge.util.createBuffer(text, 'utf8');\n  p7.encrypt(undefined, forge.pki.oids['des-EDE3-CBC']);\n  return p7;\n}\nmodule.exports = { envelope };\n",
      filename: 'case.js',
      errors: [{ messageId: 'weakCipher', line: 6 }],
    },
  ],
});

createRuleTester().run('no-hardcoded-key (blind-s22 shapes)', noHardcodedKey, {
  valid: [
    {
      name: 'an X25519 SPKI body decoded for createPublicKey under a property named key',
      code: "import { createPublicKey } from 'node:crypto';\nexport const RECIPIENT = createPublicKey({\n  key: Buffer.from('MCowBQYDK2VuAyEAWuqDXuqvU5KJz22lRNgIYZLFXk/OxeucZXiSt716ZQw=', 'base64'),\n  format: 'der',\n  type: 'spki',\n});\n",
      filename: 'case.ts',
    },
    {
      name: "a key file's path as the fallback of a key-named environment variable",
      code: "import { readFile } from 'node:fs/promises';\nexport async function signingKeyPem() {\n  return readFile(process.env.IDP_SIGNING_KEY ?? '/run/secrets/idp-signing.key', 'utf8');\n}\n",
      filename: 'case.ts',
    },
    {
      name: 'a relative key path as a fallback',
      code: "const DOC_SIGNING_KEY = process.env.DOC_SIGNING_KEY || './keys/doc-signing.pem';\nmodule.exports = { DOC_SIGNING_KEY };\n",
      filename: 'case.js',
    },
  ],
  invalid: [
    {
      name: 'a base64 key as the fallback of a key-named environment variable is still reported',
      code: "export const MANIFEST_SECRET = process.env.MANIFEST_SECRET ?? 'L/xRNAjn1tqyO8leI8+fl3wiqcNOjm2kB0v1YJN9C2k=';\n",
      filename: 'case.ts',
      errors: [
        {
          messageId: 'hardcodedFallback',
          line: 1,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              output: "export const MANIFEST_SECRET = requireEnv('MANIFEST_SECRET');" + REQUIRE_ENV_TS + "\n",
            },
          ],
        },
      ],
    },
  ],
});

// Probing the same family after the set: OpenPGP.js `generateKey`/`encryptKey` passphrases and `enums.symmetric` ciphers,
// PDF signers' PKCS#12 passphrases (node-signpdf, @signpdf/signer-p12), and the cipher a private key is written under
// (node `privateKeyEncoding.cipher`/`keyObject.export({ cipher })`, forge `toPkcs12Asn1(…, { algorithm: '3des' })`).

createRuleTester().run('no-weak-algorithm (blind-s22 key-file and OpenPGP ciphers)', noWeakAlgorithm, {
  "valid": [
    {
      "name": "OpenPGP message encrypted with AES-256 chosen from enums.symmetric",
      "code": "import * as openpgp from 'openpgp';\nexport async function seal(data: Uint8Array, password: string) {\n  const message = await openpgp.createMessage({ binary: data });\n  return openpgp.encrypt({ message, passwords: [password], config: { preferredSymmetricAlgorithm: openpgp.enums.symmetric.aes256 } });\n}\n",
      "filename": "case.ts"
    },
    {
      "name": "a private key PEM encrypted with AES-256-CBC is the key-file format, not unauthenticated message encryption (strict option)",
      "code": "import { generateKeyPairSync } from 'node:crypto';\nexport function deviceKeys(passphrase: string) {\n  return generateKeyPairSync('rsa', {\n    modulusLength: 3072,\n    publicKeyEncoding: { type: 'spki', format: 'pem' },\n    privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase },\n  });\n}\n",
      "filename": "case.ts",
      "options": [
        {
          "requireAuthenticatedEncryption": true
        }
      ]
    },
    {
      "name": "forge PKCS#12 bundle with AES-256 (strict option)",
      "code": "const forge = require('node-forge');\nfunction bundle(key, cert, password) {\n  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [cert], password, { algorithm: 'aes256' });\n  return forge.asn1.toDer(asn1).getBytes();\n}\nmodule.exports = { bundle };\n",
      "filename": "case.js",
      "options": [
        {
          "requireAuthenticatedEncryption": true
        }
      ]
    }
  ],
  "invalid": [
    {
      "name": "OpenPGP message encrypted with 3DES chosen from enums.symmetric",
      "code": "import * as openpgp from 'openpgp';\nexport async function seal(data: Uint8Array, password: string) {\n  const message = await openpgp.createMessage({ binary: data });\n  return openpgp.encrypt({ message, passwords: [password], config: { preferredSymmetricAlgorithm: openpgp.enums.symmetric.tripledes } });\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "weakCipher",
          "line": 4
        }
      ]
    },
    {
      "name": "generateKeyPairSync writing the private key under 3DES",
      "code": "import { generateKeyPairSync } from 'node:crypto';\nexport function deviceKeys(passphrase: string) {\n  return generateKeyPairSync('rsa', {\n    modulusLength: 3072,\n    publicKeyEncoding: { type: 'spki', format: 'pem' },\n    privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'des-ede3-cbc', passphrase },\n  });\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "weakKeyFileCipher",
          "line": 6,
          "suggestions": []
        }
      ]
    },
    {
      "name": "KeyObject.export under DES",
      "code": "import { createPrivateKey } from 'node:crypto';\nexport function reexport(pem: string, passphrase: string) {\n  return createPrivateKey(pem).export({ type: 'pkcs8', format: 'pem', cipher: 'des-cbc', passphrase });\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "weakKeyFileCipher",
          "line": 3,
          "suggestions": []
        }
      ]
    },
    {
      "name": "forge PKCS#12 bundle whose private key is encrypted with 3DES",
      "code": "const forge = require('node-forge');\nfunction bundle(key, cert, password) {\n  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [cert], password, { algorithm: '3des' });\n  return forge.asn1.toDer(asn1).getBytes();\n}\nmodule.exports = { bundle };\n",
      "filename": "case.js",
      "errors": [
        {
          "messageId": "weakKeyFileCipher",
          "line": 3,
          "suggestions": []
        }
      ]
    }
  ]
});

createRuleTester().run('no-hardcoded-key (blind-s22 OpenPGP and PDF signer passphrases)', noHardcodedKey, { valid: [], invalid: [
  {
    "name": "a passphrase written into OpenPGP generateKey",
    "code": "import * as openpgp from 'openpgp';\nexport function releaseKey() {\n  return openpgp.generateKey({ type: 'ecc', curve: 'curve25519', userIDs: [{ email: 'release@example.com' }], passphrase: 'Qe5rTy8uIo2pAs4dFg' });\n}\n",
    "filename": "case.mjs",
    "errors": [
      {
        "messageId": "hardcodedKey",
        "line": 3,
        "suggestions": [
          {
            "messageId": "readFromEnvironment",
            "output": "import * as openpgp from 'openpgp';\n\nconst GENERATE_KEY_PASSPHRASE = requireEnv('GENERATE_KEY_PASSPHRASE');\nexport function releaseKey() {\n  return openpgp.generateKey({ type: 'ecc', curve: 'curve25519', userIDs: [{ email: 'release@example.com' }], passphrase: GENERATE_KEY_PASSPHRASE });\n}" + REQUIRE_ENV_JS + "\n"
          }
        ]
      }
    ]
  },
  {
    "name": "a passphrase written into node-signpdf's sign options",
    "code": "const signer = require('node-signpdf').default;\nconst fs = require('fs');\nfunction signInvoice(pdf) {\n  return signer.sign(pdf, fs.readFileSync(process.env.P12_PATH), { passphrase: 'Jk7lZx3cVb9nMq1wEr' });\n}\nmodule.exports = { signInvoice };\n",
    "filename": "case.js",
    "errors": [
      {
        "messageId": "hardcodedKey",
        "line": 4,
        "suggestions": [
          {
            "messageId": "readFromEnvironment",
            "output": "const signer = require('node-signpdf').default;\nconst fs = require('fs');\n\nconst SIGN_PASSPHRASE = requireEnv('SIGN_PASSPHRASE');\nfunction signInvoice(pdf) {\n  return signer.sign(pdf, fs.readFileSync(process.env.P12_PATH), { passphrase: SIGN_PASSPHRASE });\n}\nmodule.exports = { signInvoice };" + REQUIRE_ENV_JS + "\n"
          }
        ]
      }
    ]
  }
] });

// age's `setScryptWorkFactor(logN)` sets the passphrase recipient's scrypt cost as an exponent.
createRuleTester().run('min-key-strength (blind-s22 age scrypt work factor)', minKeyStrength, {
  "valid": [
    {
      "name": "age passphrase encryption at scrypt work factor 18 (age's default)",
      "code": "import { Encrypter } from 'age-encryption';\nexport async function sealBackup(data: Uint8Array, passphrase: string) {\n  const e = new Encrypter();\n  e.setPassphrase(passphrase);\n  e.setScryptWorkFactor(18);\n  return e.encrypt(data);\n}\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "age passphrase encryption at scrypt work factor 10 (N = 1024)",
      "code": "import { Encrypter } from 'age-encryption';\nexport async function sealBackup(data: Uint8Array, passphrase: string) {\n  const e = new Encrypter();\n  e.setPassphrase(passphrase);\n  e.setScryptWorkFactor(10);\n  return e.encrypt(data);\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "lowCost",
          "data": {
            "kdf": "scrypt",
            "parameter": "N",
            "value": 1024,
            "minimum": "the OWASP minimum of 131072",
            "upgrade": "Store the parameters with each hash or encrypted record, so existing ones still verify or decrypt, and re-derive them at the new cost when next used."
          },
          "line": 5
        }
      ]
    }
  ]
});

// xml-encryption (SAML assertion encryption) names its content and key-transport algorithms by XML Encryption URIs.
createRuleTester().run('no-weak-algorithm (blind-s22 XML Encryption)', noWeakAlgorithm, {
  "valid": [
    {
      "name": "xml-encryption with AES-256-GCM and RSA-OAEP (strict option)",
      "code": "const xmlenc = require('xml-encryption');\nfunction encryptAssertion(xml, cert, cb) {\n  xmlenc.encrypt(xml, {\n    rsa_pub: cert,\n    pem: cert,\n    encryptionAlgorithm: 'http://www.w3.org/2009/xmlenc11#aes256-gcm',\n    keyEncryptionAlgorithm: 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p',\n  }, cb);\n}\nmodule.exports = { encryptAssertion };\n",
      "filename": "case.js",
      "options": [
        {
          "requireAuthenticatedEncryption": true
        }
      ]
    },
    {
      "name": "xml-encryption with AES-256-CBC is not reported in recommended",
      "code": "const xmlenc = require('xml-encryption');\nfunction encryptAssertion(xml, cert, cb) {\n  xmlenc.encrypt(xml, {\n    rsa_pub: cert,\n    pem: cert,\n    encryptionAlgorithm: 'http://www.w3.org/2001/04/xmlenc#aes256-cbc',\n    keyEncryptionAlgorithm: 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p',\n  }, cb);\n}\nmodule.exports = { encryptAssertion };\n",
      "filename": "case.js"
    }
  ],
  "invalid": [
    {
      "name": "xml-encryption with 3DES content encryption and RSA PKCS#1 v1.5 key transport",
      "code": "const xmlenc = require('xml-encryption');\nfunction encryptAssertion(xml, cert, cb) {\n  xmlenc.encrypt(xml, {\n    rsa_pub: cert,\n    pem: cert,\n    encryptionAlgorithm: 'http://www.w3.org/2001/04/xmlenc#tripledes-cbc',\n    keyEncryptionAlgorithm: 'http://www.w3.org/2001/04/xmlenc#rsa-1_5',\n  }, cb);\n}\nmodule.exports = { encryptAssertion };\n",
      "filename": "case.js",
      "errors": [
        {
          "messageId": "weakCipher",
          "line": 6
        },
        {
          "messageId": "rsaPkcs1Encryption",
          "line": 7
        }
      ]
    },
    {
      "name": "xml-encryption with AES-256-CBC in strict (the XML Encryption CBC attack)",
      "code": "const xmlenc = require('xml-encryption');\nfunction encryptAssertion(xml, cert, cb) {\n  xmlenc.encrypt(xml, {\n    rsa_pub: cert,\n    pem: cert,\n    encryptionAlgorithm: 'http://www.w3.org/2001/04/xmlenc#aes256-cbc',\n    keyEncryptionAlgorithm: 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p',\n  }, cb);\n}\nmodule.exports = { encryptAssertion };\n",
      "filename": "case.js",
      "options": [
        {
          "requireAuthenticatedEncryption": true
        }
      ],
      "errors": [
        {
          "messageId": "unauthenticatedMode",
          "line": 6
        }
      ]
    }
  ]
});
