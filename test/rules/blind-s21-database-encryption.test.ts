import noHardcodedKey from '../../rules/no-hardcoded-key';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import noStaticIv from '../../rules/no-static-iv';
import requireKeyZeroization from '../../rules/require-key-zeroization';
import noPlaintextDataKeyExposure from '../../rules/no-plaintext-data-key-exposure';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the twenty-first blind set (part B: database and ORM field-level encryption) found misjudged: keys and
// cipher modes written into the SQL text the database encrypts with (pgcrypto, MySQL AES_ENCRYPT and its
// block_encryption_mode, SQLCipher's PRAGMA key), sequelize-encrypted's key, the key options of mongoose encryption plugins, mongoose-field-encryption's IV
// generator returning a constant, an MD5 query parameter named by its column (`gravatar_hash`), a migration
// checksum helper compared with the recorded value, `Buffer.from(bytes.buffer, off, len)` views and awaited
// `Promise.all` imports of a key, and two KMS calls whose keys leave through one variable.

const ruleTester = createRuleTester();

ruleTester.run('no-hardcoded-key (blind-s21 shapes)', noHardcodedKey, {
  valid: [
    {
      name: 'pgcrypto with the passphrase bound as a parameter',
      code: `export const INSERT = 'INSERT INTO notes (body_enc) VALUES (pgp_sym_encrypt($1, $2))';`,
    },
    {
      name: 'SQLCipher key built from a value read at run time',
      code: `export function open(db: any, hex: string) { db.pragma(\`key = "x'\${hex}'"\`); }`,
    },
    {
      name: 'a column called key in a query is not PRAGMA key',
      code: `export const Q = "SELECT value FROM settings WHERE key = 'theme'";`,
    },
    {
      name: 'schema encryption plugins configured from the environment and a config module',
      code: `import encrypt from 'mongoose-encryption';
import { fieldEncryption } from 'mongoose-field-encryption';
import config from './config';
export function register(a: any, b: any) {
  a.plugin(encrypt, { encryptionKey: process.env.ENC_KEY, signingKey: process.env.SIGN_KEY, encryptedFields: ['body'] });
  b.plugin(fieldEncryption, { fields: ['phone'], secret: config.contactSecret });
}`,
    },
    {
      name: 'MySQL AES_ENCRYPT with the key as a placeholder',
      code: `export const Q = 'INSERT INTO cards (pan_enc) VALUES (AES_ENCRYPT(?, UNHEX(SHA2(?, 256))))';`,
    },
  ],
  invalid: [
    {
      name: 'a passphrase written into pgp_sym_decrypt',
      code: `export const Q = "SELECT pgp_sym_decrypt(body_enc, 'c2VjcmV0LXBhc3NwaHJhc2UtZm9yLW5vdGVz') AS body FROM notes";`,
      errors: [{ messageId: 'hardcodedKey', line: 1 }],
    },
    {
      name: 'an UNHEX key constant interpolated into AES_ENCRYPT is reported where it is written',
      code: `const CARD_KEY_SQL = "UNHEX('9c1f0e5a7b3d2c4e6f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6')";
export const Q = \`INSERT INTO cards (pan_enc) VALUES (AES_ENCRYPT(?, \${CARD_KEY_SQL}))\`;`,
      errors: [{ messageId: 'hardcodedKey', line: 1 }],
    },
    {
      name: "SQLCipher's raw key in db.pragma",
      code: `export function open(db: any) { db.pragma(\`key = "x'4f2a9b7c1d3e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8'"\`); }`,
      errors: [{ messageId: 'hardcodedKey', line: 1 }],
    },
    {
      name: 'PRAGMA key in an SQL statement',
      code: `export function open(db: any) { db.exec("PRAGMA key = 'Wq3rT8yU1iO5pA7sD9fG2hJ4kL6zX0cV'"); }`,
      errors: [{ messageId: 'hardcodedKey', line: 1 }],
    },
    {
      name: "a text secret given to mongoose-field-encryption's plugin options",
      code: `import { fieldEncryption } from 'mongoose-field-encryption';
export function register(schema: any) {
  schema.plugin(fieldEncryption, { fields: ['phone'], secret: 'contact-fields-2023' });
}`,
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 3,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              data: { envVar: 'PLUGIN_SECRET', format: 'the same string' },
              output: `import { fieldEncryption } from 'mongoose-field-encryption';

const PLUGIN_SECRET = requireEnv('PLUGIN_SECRET');
export function register(schema: any) {
  schema.plugin(fieldEncryption, { fields: ['phone'], secret: PLUGIN_SECRET });
}${REQUIRE_ENV_TS}`,
            },
          ],
        },
      ],
    },
    {
      name: "mongoose-encryption's keys with a fallback for a missing variable",
      code: `import encrypt from 'mongoose-encryption';
export function register(schema: any) {
  schema.plugin(encrypt, {
    encryptionKey: process.env.TICKETS_ENC_KEY || 'Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5',
    signingKey: process.env.TICKETS_SIGNING_KEY,
    encryptedFields: ['body'],
  });
}`,
      errors: [
        {
          messageId: 'hardcodedFallback',
          line: 4,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              data: { envVar: 'TICKETS_ENC_KEY', format: 'the same string' },
              output: `import encrypt from 'mongoose-encryption';

const TICKETS_ENC_KEY = requireEnv('TICKETS_ENC_KEY');
export function register(schema: any) {
  schema.plugin(encrypt, {
    encryptionKey: TICKETS_ENC_KEY,
    signingKey: process.env.TICKETS_SIGNING_KEY,
    encryptedFields: ['body'],
  });
}${REQUIRE_ENV_TS}`,
            },
          ],
        },
      ],
    },
    {
      name: "sequelize-encrypted's key argument",
      code: `const EncryptedField = require('sequelize-encrypted');
const vault = EncryptedField(require('sequelize'), '5e0d9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d');
module.exports = vault;`,
      languageOptions: { sourceType: 'commonjs', parserOptions: { sourceType: 'script' } } as never,
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 2,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              data: { envVar: 'ENCRYPTION_KEY', format: 'the same hex string' },
              output: `const EncryptedField = require('sequelize-encrypted');
const vault = EncryptedField(require('sequelize'), requireEnv('ENCRYPTION_KEY'));
module.exports = vault;${REQUIRE_ENV_TS}`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-weak-algorithm (blind-s21 shapes)', noWeakAlgorithm, {
  valid: [
    {
      name: 'an MD5 query parameter filling a gravatar_hash column is a Gravatar id',
      code: `import { createHash } from 'node:crypto';
export async function subscribe(pool: any, email: string, lookup: string) {
  await pool.query('INSERT INTO subscribers (email, email_lookup, gravatar_hash) VALUES ($1, $2, $3)', [
    email,
    lookup,
    createHash('md5').update(email.trim().toLowerCase()).digest('hex'),
  ]);
}`,
    },
    {
      name: 'a CBC block_encryption_mode is not ECB',
      code: `import { createHash } from 'node:crypto';
export async function pin(conn: any) { await conn.query("SET SESSION block_encryption_mode = 'aes-256-cbc'"); }
export const h = (s: string) => createHash('sha256').update(s).digest('hex');`,
    },
    {
      name: 'a checksum helper of a file that is only stored is a fingerprint',
      code: `import crypto from 'node:crypto';
import fs from 'node:fs';
function checksumOf(file: string) {
  return crypto.createHash('md5').update(fs.readFileSync(file)).digest('hex');
}
export async function record(db: any, file: string) {
  await db('checksums').insert({ name: file, checksum: checksumOf(file) });
}`,
    },
  ],
  invalid: [
    {
      name: 'the session sets an ECB block_encryption_mode for AES_ENCRYPT',
      code: `import { createHash } from 'node:crypto';
export async function pin(conn: any) { await conn.query("SET SESSION block_encryption_mode = 'aes-256-ecb'"); }
export const h = (s: string) => createHash('sha256').update(s).digest('hex');`,
      errors: [{ messageId: 'ecbMode', line: 2 }],
    },
    {
      name: 'a checksum helper of a file compared with the recorded checksum is an integrity check',
      code: `import crypto from 'node:crypto';
import fs from 'node:fs';
function checksumOf(file: string) {
  return crypto.createHash('md5').update(fs.readFileSync(file)).digest('hex');
}
export function drifted(recorded: Map<string, string>, file: string) {
  const sum = checksumOf(file);
  return recorded.has(file) && recorded.get(file) !== sum;
}`,
      errors: [
        {
          messageId: 'weakHash',
          line: 4,
          suggestions: [
            {
              messageId: 'useSha256Migrate',
              output: `import crypto from 'node:crypto';
import fs from 'node:fs';
function checksumOf(file: string) {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}
export function drifted(recorded: Map<string, string>, file: string) {
  const sum = checksumOf(file);
  return recorded.has(file) && recorded.get(file) !== sum;
}`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-static-iv (blind-s21 shapes)', noStaticIv, {
  valid: [
    {
      name: "mongoose-field-encryption's saltGenerator drawing random bytes",
      code: `import crypto from 'node:crypto';
import { fieldEncryption } from 'mongoose-field-encryption';
export function register(schema: any) {
  schema.plugin(fieldEncryption, { fields: ['phone'], secret: process.env.SECRET, saltGenerator: () => crypto.randomBytes(8).toString('hex') });
}`,
    },
  ],
  invalid: [
    {
      name: "mongoose-field-encryption's saltGenerator returning a constant",
      code: `import { fieldEncryption } from 'mongoose-field-encryption';
const FIXED_SALT = 'b7Kq2LmZ9xWp4RtN';
export function register(schema: any) {
  schema.plugin(fieldEncryption, { fields: ['phone'], secret: process.env.SECRET, saltGenerator: () => FIXED_SALT });
}`,
      errors: [{ messageId: 'constantIv', line: 2 }],
    },
  ],
});

ruleTester.run('require-key-zeroization (blind-s21 shapes)', requireKeyZeroization, {
  valid: [
    {
      name: 'Buffer.from(plaintext.buffer, offset, length) is a view: wiping the KMS plaintext wipes it',
      code: `import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';
import { createDecipheriv } from 'node:crypto';
const kms = new KMSClient({});
export async function open(wrapped: Uint8Array, iv: Buffer, body: Buffer) {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped }));
  try {
    const key = Buffer.from(Plaintext!.buffer, Plaintext!.byteOffset, Plaintext!.byteLength);
    return createDecipheriv('aes-256-gcm', key, iv).update(body);
  } finally {
    Plaintext?.fill(0);
  }
}`,
    },
    {
      name: 'awaiting Promise.all of two imports of the key, then wiping it',
      code: `function unb64(s: string): Uint8Array {
  return Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
}
export async function keysFor(env: { FIELD_SECRET: string }) {
  const raw = unb64(env.FIELD_SECRET);
  const [aes, hmac] = await Promise.all([
    crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']),
    crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
  ]);
  raw.fill(0);
  return { aes, hmac };
}`,
    },
  ],
  invalid: [
    {
      name: 'awaiting Promise.all with other work than imports before the wipe',
      code: `function unb64(s: string): Uint8Array {
  return Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
}
export async function keysFor(env: { FIELD_SECRET: string }, load: () => Promise<void>) {
  const raw = unb64(env.FIELD_SECRET);
  const [aes] = await Promise.all([
    crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']),
    load(),
  ]);
  raw.fill(0);
  return aes;
}`,
      errors: [
        {
          messageId: 'wipedOnHappyPathOnly',
          line: 5,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: `function unb64(s: string): Uint8Array {
  return Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
}
export async function keysFor(env: { FIELD_SECRET: string }, load: () => Promise<void>) {
  const raw = unb64(env.FIELD_SECRET);
  try {
    const [aes] = await Promise.all([
      crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']),
      load(),
    ]);
    return aes;
  } finally {
    raw.fill(0);
  }
}`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-plaintext-data-key-exposure (blind-s21 shapes)', noPlaintextDataKeyExposure, {
  valid: [],
  invalid: [
    {
      name: 'the keys of two KMS calls returned through one variable: one finding per call',
      code: `import { KMSClient, DecryptCommand, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export async function tenantKey(wrapped: Uint8Array | undefined): Promise<Uint8Array> {
  let plaintext: Uint8Array;
  if (wrapped) {
    const res = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped }));
    plaintext = res.Plaintext!;
  } else {
    const res = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/tenant', KeySpec: 'AES_256' }));
    plaintext = res.Plaintext!;
  }
  return plaintext;
}`,
      errors: [{ messageId: 'dataKeyExposed', line: 6 }, { messageId: 'dataKeyExposed', line: 9 }],
    },
  ],
});
