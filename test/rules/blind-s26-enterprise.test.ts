import noKeyReuseAcrossPurposes from '../../rules/no-key-reuse-across-purposes';
import noStaticIv from '../../rules/no-static-iv';
import noHardcodedKey from '../../rules/no-hardcoded-key';
import requireKeyZeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the twenty-sixth blind set (part C: enterprise back-ends — NestJS, Angular, Java-style services — and legacy
// crypto migrations) found missed or misplaced: a key pair destructured from `generateKeyPairSync` and kept in a field is
// defined by that destructuring (decision 72); an IV read through a configuration service (`config.getOrThrow('RESPONSE_IV')`)
// is one IV for every message, like one read from the environment (163), while a setting that only sizes a random draw is
// no IV (`randomBytes(config.get('IV_LENGTH'))`); a key named for its place in
// a rotation (`LEGACY_KEYRING`, `OLD_…_SECRET`) is key-named (7, 95); and a method of the class that turns its key parameter
// into text converts the key it is given, like a local helper function (155).

createRuleTester().run('no-key-reuse-across-purposes (blind-s26 enterprise shapes)', noKeyReuseAcrossPurposes, {
  "valid": [
    {
      "name": "separate key pairs for decryption and for signatures, each destructured where it is generated",
      "code": "import { generateKeyPairSync, privateDecrypt, createSign, constants, type KeyObject } from 'node:crypto';\nexport class Partner {\n  private decryptKey!: KeyObject;\n  private signKey!: KeyObject;\n  init() {\n    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 3072 });\n    this.decryptKey = privateKey;\n    const { privateKey: signing } = generateKeyPairSync('ed25519');\n    this.signKey = signing;\n  }\n  open(c: Buffer) { return privateDecrypt({ key: this.decryptKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, c); }\n  ack(id: string) { return createSign('sha256').update(id).sign(this.signKey, 'base64'); }\n}\n",
      "filename": "case.ts"
    },
    {
      "name": "a destructured pair used only to sign and verify (one purpose)",
      "code": "import { generateKeyPairSync, sign, verify } from 'node:crypto';\nexport function selfTest(data: Buffer) {\n  const { privateKey, publicKey } = generateKeyPairSync('ed25519');\n  return verify(null, data, publicKey, sign(null, data, privateKey));\n}\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "a pair destructured from generateKeyPairSync in a method, kept in a field, that decrypts and signs: reported on the destructuring (72)",
      "code": "import { generateKeyPairSync, privateDecrypt, createSign, constants, type KeyObject } from 'node:crypto';\nexport class Partner {\n  private privateKey!: KeyObject;\n  init() {\n    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 3072 });\n    this.privateKey = privateKey;\n    return publicKey;\n  }\n  open(c: Buffer) { return privateDecrypt({ key: this.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, c); }\n  ack(id: string) { return createSign('sha256').update(id).sign(this.privateKey, 'base64'); }\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "reusedKeyPair",
          "line": 5
        }
      ]
    }
  ]
});

createRuleTester().run('no-static-iv (blind-s26 enterprise shapes)', noStaticIv, {
  "valid": [
    {
      "name": "an IV setting read through a configuration service used only to decrypt old responses",
      "code": "import { createDecipheriv } from 'node:crypto';\nexport class LegacyReader {\n  private readonly iv: Buffer;\n  constructor(private readonly key: Buffer, config: { getOrThrow(k: string): string }) {\n    this.iv = Buffer.from(config.getOrThrow('LEGACY_RESPONSE_IV'), 'hex');\n  }\n  read(data: Buffer) {\n    const d = createDecipheriv('aes-256-cbc', this.key, this.iv);\n    return Buffer.concat([d.update(data), d.final()]);\n  }\n}\n",
      "filename": "case.ts"
    },
    {
      "name": "an IV length read from a configuration service, the IV drawn per message",
      "code": "import { createCipheriv, randomBytes } from 'node:crypto';\nexport class Sealer {\n  constructor(private readonly key: Buffer, private readonly config: { get(k: string): number }) {}\n  seal(data: Buffer) {\n    const iv = randomBytes(this.config.get('IV_LENGTH'));\n    const c = createCipheriv('aes-256-gcm', this.key, iv);\n    return Buffer.concat([iv, c.update(data), c.final(), c.getAuthTag()]);\n  }\n}\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "an IV decoded in a constructor from `config.getOrThrow('RESPONSE_IV')` and used by every encryption (163)",
      "code": "import { createCipheriv } from 'node:crypto';\nexport class ResponseCipher {\n  private readonly iv: Buffer;\n  constructor(private readonly key: Buffer, config: { getOrThrow(k: string): string }) {\n    this.iv = Buffer.from(config.getOrThrow('RESPONSE_IV'), 'hex');\n  }\n  seal(json: string) {\n    const c = createCipheriv('aes-256-cbc', this.key, this.iv);\n    return Buffer.concat([c.update(json, 'utf8'), c.final()]);\n  }\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "configuredIv",
          "line": 5
        }
      ]
    },
    {
      "name": "a module-level IV from `configService.get('APP_IV')` used inside an encrypting function",
      "code": "import { createCipheriv } from 'node:crypto';\ndeclare const configService: { get(k: string): string };\nconst iv = Buffer.from(configService.get('APP_IV'), 'base64');\nexport function seal(key: Buffer, data: Buffer) {\n  const c = createCipheriv('aes-256-gcm', key, iv);\n  return Buffer.concat([c.update(data), c.final(), c.getAuthTag()]);\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "configuredIv",
          "line": 3
        }
      ]
    }
  ]
});

createRuleTester().run('no-hardcoded-key (blind-s26 enterprise shapes)', noHardcodedKey, {
  "valid": [
    {
      "name": "rotation-named settings that hold ids, names and paths, not key material",
      "code": "export const LEGACY_KEY_ID = 'k2019-01';\nexport const OLD_KEYS_PATH = '/etc/acme/old-keys.json';\nexport const legacyKeyPrefix = 'users:legacy:';\nexport const RETIRED_KEY_ALIAS = 'alias/retired-2023';\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "a legacy keyring with numeric versions, hex entries decoded elsewhere (95: one finding per entry)",
      "code": "const LEGACY_KEYRING: Record<number, string> = {\n  1: 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',\n  2: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',\n};\nexport const keys = new Map(Object.entries(LEGACY_KEYRING).map(([v, hex]) => [Number(v), Buffer.from(hex, 'hex')]));\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "keyLikeConstant",
          "line": 2,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "const LEGACY_KEYRING: Record<number, string> = {\n  1: requireEnv('LEGACY_KEYRING_1'),\n  2: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',\n};\nexport const keys = new Map(Object.entries(LEGACY_KEYRING).map(([v, hex]) => [Number(v), Buffer.from(hex, 'hex')]));" + REQUIRE_ENV_TS + "\n"
            }
          ]
        },
        {
          "messageId": "keyLikeConstant",
          "line": 3,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "const LEGACY_KEYRING: Record<number, string> = {\n  1: 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',\n  2: requireEnv('LEGACY_KEYRING_2'),\n};\nexport const keys = new Map(Object.entries(LEGACY_KEYRING).map(([v, hex]) => [Number(v), Buffer.from(hex, 'hex')]));" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    },
    {
      "name": "an old key kept as a constant during a migration",
      "code": "export const OLD_ENCRYPTION_SECRET_B64 = 'c2VjcmV0LWtleS0xMjM0NTY3ODkwYWJjZGVmZ2hpams=';\nexport const oldKey = 'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWo=';\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "keyLikeConstant",
          "line": 1,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "export const OLD_ENCRYPTION_SECRET_B64 = requireEnv('OLD_ENCRYPTION_SECRET_B64');\nexport const oldKey = 'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWo=';" + REQUIRE_ENV_TS + "\n"
            }
          ]
        },
        {
          "messageId": "keyLikeConstant",
          "line": 2,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "export const OLD_ENCRYPTION_SECRET_B64 = 'c2VjcmV0LWtleS0xMjM0NTY3ODkwYWJjZGVmZ2hpams=';\nexport const oldKey = requireEnv('OLD_KEY');" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    }
  ]
});

createRuleTester().run('require-key-zeroization (blind-s26 enterprise shapes)', requireKeyZeroization, {
  "valid": [
    {
      "name": "a method of the class that only fingerprints the key it is given (no conversion of the key bytes)",
      "code": "import { createHash, hkdfSync } from 'node:crypto';\nexport class Archive {\n  private fingerprint(key: Buffer) { return createHash('sha256').update(key).digest('hex'); }\n  describe(root: Buffer, id: string) {\n    const key = Buffer.from(hkdfSync('sha256', root, id, 'archive', 32));\n    try {\n      return this.fingerprint(key);\n    } finally {\n      key.fill(0);\n    }\n  }\n}\n",
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
      "name": "a method of the class that turns the key it is given into base64 (S3 SSE-C parameters), called with derived key bytes",
      "code": "import { hkdfSync } from 'node:crypto';\nexport class Archive {\n  private sse(key: Buffer) { return { SSECustomerAlgorithm: 'AES256', SSECustomerKey: key.toString('base64') }; }\n  params(root: Buffer, id: string) {\n    const key = Buffer.from(hkdfSync('sha256', root, id, 'archive', 32));\n    try {\n      return { Key: id, ...this.sse(key) };\n    } finally {\n      key.fill(0);\n    }\n  }\n}\n",
      "filename": "case.ts",
      "options": [
        {
          "checkStringConversion": true
        }
      ],
      "errors": [
        {
          "messageId": "keyToString",
          "line": 7
        }
      ]
    }
  ]
});
