import minKeyStrength from '../../rules/min-key-strength';
import noHardcodedKey from '../../rules/no-hardcoded-key';
import noStaticIv from '../../rules/no-static-iv';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';

// Shapes the fifth blind set (hardcoded-key/blind-s7, weak-crypto/blind-s7) found missed or
// misjudged: tsc-compiled `exports.FIELD_ENCRYPTION_KEY`, `process.env.X ||= '…'`, a JWK kept
// as JSON text, IVs in static class fields, slice bounds read from a constants object,
// `Object.freeze`d options, short random secrets that only reach their MAC through storage,
// content-derived job ids and file digests computed from a read stream.
const ruleTester = createRuleTester();

const REQUIRE_ENV_HELPER = (typed: boolean) =>
  [
    '',
    '',
    '/** A secret the service cannot run without: read from the environment, checked at start-up. */',
    typed ? 'function requireEnv(name: string): string {' : 'function requireEnv(name) {',
    '  const value = process.env[name];',
    "  if (!value) throw new Error(`Environment variable ${name} is not set: it holds a key that is no longer in the source code.`);",
    '  return value;',
    '}',
  ].join('\n');

const COMPILED_EXPORTS = [
  '"use strict";',
  'Object.defineProperty(exports, "__esModule", { value: true });',
  'exports.FIELD_ENCRYPTION_KEY = exports.PORT = void 0;',
  'exports.PORT = Number(process.env.PORT || 8080);',
  "exports.FIELD_ENCRYPTION_KEY = '1e9a4f1b7c3d5e2a8b6c0d4f9e1a3b5c7d2e4f6a8b0c1d3e5f7a9b2c4d6e8f0a';",
].join('\n');

const LOGICAL_ASSIGNMENT = [
  "import jwt from 'jsonwebtoken';",
  "process.env.GRAPHQL_JWT_SECRET ||= 'Q2n7Vx9LmR4tZ8kP1wYc6HbF3sJd0GaE5uNo2iKq7Xg=';",
  "export const verify = (t: string) => jwt.verify(t, process.env.GRAPHQL_JWT_SECRET as string, { algorithms: ['HS256'] });",
].join('\n');

const JWK_JSON_FALLBACK = [
  "import { importJWK } from 'jose';",
  'const rawJwk = process.env.PREVIEW_JWE_KEY ?? \'{"kty":"oct","alg":"A256GCMKW","k":"c3GC4lR8vK2mQx5Lz0Tn7Wc4Yb1Hd6Kp9Sg3FaQe8Uo"}\';',
  "export const previewKey = () => importJWK(JSON.parse(rawJwk), 'A256GCMKW');",
].join('\n');

ruleTester.run('no-hardcoded-key (blind-s7 shapes)', noHardcodedKey, {
  valid: [
    {
      name: 'a name that says which field is encrypted, not a key',
      code: "\"use strict\";\nexports.ENCRYPTED_FIELD_NAME = 'ssn_enc';\nexports.encryptionKeyField = 'c9f1a2b3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d';",
    },
    {
      name: 'logical assignments that set no key',
      code: "process.env.LOG_LEVEL ||= 'info';\nprocess.env.JWT_SECRET ??= '';\nprocess.env.KMS_KEY_ID ||= 'alias/app-data';",
    },
    {
      name: 'a public JWK kept as JSON text',
      code: [
        "import { importJWK } from 'jose';",
        'const raw = process.env.VERIFY_JWK ?? \'{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}\';',
        "export const verifyKey = () => importJWK(JSON.parse(raw), 'ES256');",
      ].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'a key-named export of tsc-compiled CommonJS (field-level encryption key)',
      code: COMPILED_EXPORTS,
      errors: [
        {
          messageId: 'keyLikeConstant',
          line: 5,
          column: 32,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              data: { envVar: 'FIELD_ENCRYPTION_KEY', format: 'the same hex string' },
              output: COMPILED_EXPORTS.replace(/'1e9a[0-9a-f]+'/, "requireEnv('FIELD_ENCRYPTION_KEY')") + REQUIRE_ENV_HELPER(false),
            },
          ],
        },
      ],
      filename: 'config.js',
    },
    {
      name: 'process.env.X ||= a hardcoded secret',
      code: LOGICAL_ASSIGNMENT,
      errors: [
        {
          messageId: 'hardcodedFallback',
          line: 2,
          column: 36,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              data: { envVar: 'GRAPHQL_JWT_SECRET', format: 'the same string' },
              output: LOGICAL_ASSIGNMENT.replace("'Q2n7Vx9LmR4tZ8kP1wYc6HbF3sJd0GaE5uNo2iKq7Xg='", "requireEnv('GRAPHQL_JWT_SECRET')") + REQUIRE_ENV_HELPER(true),
            },
          ],
        },
      ],
    },
    {
      name: 'a secret JWK kept as JSON text, parsed at the sink',
      code: JWK_JSON_FALLBACK,
      errors: [
        {
          messageId: 'hardcodedFallback',
          line: 2,
          column: 47,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              data: { envVar: 'PREVIEW_JWE_KEY', format: 'the same string' },
              output: JWK_JSON_FALLBACK.replace(/process\.env\.PREVIEW_JWE_KEY \?\? '[^\n]+';/, "requireEnv('PREVIEW_JWE_KEY');") + REQUIRE_ENV_HELPER(true),
            },
          ],
        },
      ],
    },
  ],
});

const STATIC_FIELD_IV = [
  "import { createCipheriv, randomBytes } from 'node:crypto';",
  'export class TokenBox {',
  '  private static readonly IV = randomBytes(16);',
  '  constructor(private readonly key: Buffer) {}',
  '  seal(token: string): Buffer {',
  "    const cipher = createCipheriv('aes-256-ctr', this.key, TokenBox.IV);",
  "    return Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);",
  '  }',
  '}',
].join('\n');

ruleTester.run('no-static-iv (blind-s7 shapes)', noStaticIv, {
  valid: [
    {
      name: 'slice bounds read from the object that also holds the key are positions, not key bytes',
      code: [
        "import { createDecipheriv } from 'node:crypto';",
        "export const ExportCrypto = { DATA_KEY: process.env.EXPORT_KEY ?? '', IV_BYTES: 12 };",
        "const key = Buffer.from(ExportCrypto.DATA_KEY, 'hex');",
        'export function open(blob: Buffer): Buffer {',
        '  const iv = blob.subarray(0, ExportCrypto.IV_BYTES);',
        "  const d = createDecipheriv('aes-256-gcm', key, iv);",
        '  d.setAuthTag(blob.subarray(ExportCrypto.IV_BYTES, ExportCrypto.IV_BYTES + 16));',
        '  return Buffer.concat([d.update(blob.subarray(ExportCrypto.IV_BYTES + 16)), d.final()]);',
        '}',
      ].join('\n'),
    },
    {
      name: 'a static field holding an IV length, the IV drawn per message',
      code: "import { createCipheriv, randomBytes } from 'node:crypto';\nexport class Box {\n  static IV_BYTES = 12;\n  static seal(key: Buffer, s: string) {\n    return createCipheriv('aes-256-gcm', key, randomBytes(Box.IV_BYTES)).update(s);\n  }\n}",
    },
  ],
  invalid: [
    {
      name: 'an IV drawn once into a static class field and read as ClassName.IV',
      code: STATIC_FIELD_IV,
      errors: [{ messageId: 'reusedIv', line: 3, column: 32 }],
    },
  ],
});

ruleTester.run('min-key-strength (blind-s7 shapes)', minKeyStrength, {
  valid: [
    {
      name: 'Object.freeze of argon2 options at the OWASP figures',
      code: "import argon2 from 'argon2';\nconst OPTS = Object.freeze({ type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });\nexport const hash = (pw: string) => argon2.hash(pw, OPTS);",
    },
    {
      name: 'short random values that are not keys: request ids, a 32-byte secret',
      code: "import { randomBytes } from 'node:crypto';\nexport const requestId = randomBytes(8).toString('hex');\nexport const webhookSecret = `whsec_${randomBytes(32).toString('base64')}`;",
    },
    {
      name: 'a random 96-bit passphrase stretched by scrypt: its size is no key size (the derived key is 256 bits)',
      code: "import { randomBytes, scryptSync } from 'node:crypto';\nexport function legacyKey(salt: Buffer) {\n  const passphrase = randomBytes(12).toString('base64');\n  return { passphrase, key: scryptSync(passphrase, salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 }) };\n}",
    },
  ],
  invalid: [
    {
      name: 'argon2 options wrapped in Object.freeze (4 MiB at 3 passes)',
      code: "import argon2 from 'argon2';\nconst OPTS = Object.freeze({ type: argon2.argon2id, memoryCost: 4096, timeCost: 3, parallelism: 1 });\nexport const hash = (pw: string) => argon2.hash(pw, OPTS);",
      errors: [{ messageId: 'lowCost', line: 2, column: 65 }],
    },
    {
      name: 'a 64-bit random secret bound to a key-named variable and stored, not passed to a sink here',
      code: "import { randomBytes } from 'node:crypto';\nexport async function createEndpoint(db: { insert(row: object): Promise<void> }, url: string) {\n  const secret = `whsec_${randomBytes(8).toString('hex')}`;\n  await db.insert({ url, secret });\n  return secret;\n}",
      errors: [{ messageId: 'shortKey', line: 3, column: 39 }],
    },
    {
      name: 'a short random signing key in an object property',
      code: "import { randomBytes } from 'node:crypto';\nexport const settings = { signingKey: randomBytes(4) };",
      errors: [{ messageId: 'shortKey', line: 2, column: 51 }],
    },
  ],
});

const STREAM_DIGEST = (after: string) =>
  [
    "import { createHash } from 'node:crypto';",
    "import { createReadStream } from 'node:fs';",
    'export function sha1Of(file: string, expected?: string): Promise<string> {',
    '  return new Promise((resolve, reject) => {',
    "    const hash = createHash('sha1');",
    '    createReadStream(file)',
    "      .on('error', reject)",
    "      .on('data', (chunk) => hash.update(chunk))",
    `      .on('end', () => ${after});`,
    '  });',
    '}',
  ].join('\n');

ruleTester.run('no-weak-algorithm (blind-s7 shapes)', noWeakAlgorithm, {
  valid: [
    {
      name: 'an MD5 job id that makes a queue drop duplicate jobs',
      code: "import { createHash } from 'node:crypto';\nexport async function enqueue(queue: { add(n: string, d: object, o: object): Promise<unknown> }, bucket: string, key: string) {\n  const jobId = createHash('md5').update(`${bucket}/${key}`).digest('hex');\n  await queue.add('render', { bucket, key }, { jobId });\n}",
    },
    {
      name: 'cipher names built from templates whose fixed text names no weakness',
      code: "import { createCipheriv } from 'node:crypto';\nexport const seal = (bits: 128 | 256, mode: string, key: Buffer, iv: Buffer) => [\n  createCipheriv(`aes-${bits}-gcm`, key, iv),\n  createCipheriv(`aes-${bits}-${mode}`, key, iv),\n];",
    },
    {
      name: 'a SHA-1 of a file read as a stream, only shown',
      code: STREAM_DIGEST("resolve(hash.digest('hex'))"),
    },
  ],
  invalid: [
    {
      name: 'an MD5 session id stays a security use',
      code: "import { createHash } from 'node:crypto';\nexport const newSession = (user: string) => {\n  const sessionId = createHash('md5').update(user + Date.now()).digest('hex');\n  return sessionId;\n};",
      errors: [
        {
          messageId: 'weakHash',
          line: 3,
          column: 32,
          suggestions: [
            {
              messageId: 'useSha256Migrate',
              data: { name: 'MD5', replacement: 'sha256' },
              output: "import { createHash } from 'node:crypto';\nexport const newSession = (user: string) => {\n  const sessionId = createHash('sha256').update(user + Date.now()).digest('hex');\n  return sessionId;\n};",
            },
          ],
        },
      ],
    },
    {
      name: 'a SHA-1 of a file stream compared with an expected digest is an integrity check',
      code: STREAM_DIGEST("(hash.digest('hex') === expected ? resolve(file) : reject(new Error('checksum mismatch')))"),
      errors: [
        {
          messageId: 'weakHash',
          line: 5,
          column: 29,
          suggestions: [
            {
              messageId: 'useSha256Migrate',
              data: { name: 'SHA-1', replacement: 'sha256' },
              output: STREAM_DIGEST("(hash.digest('hex') === expected ? resolve(file) : reject(new Error('checksum mismatch')))").replace("createHash('sha1')", "createHash('sha256')"),
            },
          ],
        },
      ],
    },
    {
      name: 'ECB in the fixed text of a template cipher name, behind a getter',
      code: "import { createCipheriv } from 'node:crypto';\nexport class IdCipher {\n  constructor(private readonly key: Buffer, private readonly bits: 128 | 256 = 256) {}\n  private get algorithm(): string {\n    return `aes-${this.bits}-ecb`;\n  }\n  encode(id: string) {\n    return createCipheriv(this.algorithm, this.key, null).update(id);\n  }\n}",
      errors: [{ messageId: 'ecbMode', line: 5, column: 12 }],
    },
    {
      name: 'an obsolete family in the fixed text of a template cipher name',
      code: "const crypto = require('crypto');\nconst algorithm = (mode) => `des-ede3-${mode}`;\nmodule.exports = (mode, key, iv) => crypto.createCipheriv(algorithm(mode), key, iv);\nconst name = `des-ede3-${process.env.MODE}`;\nmodule.exports.seal = (key, iv) => crypto.createCipheriv(name, key, iv);",
      errors: [{ messageId: 'weakCipher', line: 4, column: 14 }],
    },
    {
      name: 'a weak cipher returned by a class getter',
      code: "import { createCipheriv } from 'node:crypto';\nexport class Legacy {\n  constructor(private readonly key: Buffer) {}\n  get algorithm() {\n    return 'des-ede3-cbc';\n  }\n  seal(iv: Buffer, s: string) {\n    return createCipheriv(this.algorithm, this.key, iv).update(s);\n  }\n}",
      errors: [{ messageId: 'weakCipher', line: 5, column: 12 }],
    },
  ],
});
