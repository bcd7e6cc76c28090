import noHardcodedKey from '../../rules/no-hardcoded-key';
import noInsecureRandomness from '../../rules/no-insecure-randomness';
import noPlaintextDataKeyExposure from '../../rules/no-plaintext-data-key-exposure';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';

// Shapes the twenty-seventh blind set (part B: back-ends holding regulated data — FHIR/HL7 services, claims systems,
// payment back-offices, MongoDB client-side field-level encryption, pgcrypto called from Node) found missed or misjudged:
// a pgcrypto passphrase written in SQL text that is split over a `+` chain of strings (the key in its own operand); a
// file hashed through `for await (const chunk of createReadStream(file))` and compared with a published checksum; a
// download code built from `Math.random`; a MongoDB `masterKey: { region, key: process.env.CMK_ARN ?? 'alias/…' }` (a
// KMS key reference under the property `key`) taken for a secret when logged; and a KMS data key handed to the database
// as the key parameter of `pgp_sym_encrypt($3, $4)` taken for a key stored in a database.

const ruleTester = createRuleTester();

ruleTester.run('no-hardcoded-key (blind-s27 shapes)', noHardcodedKey, {
  valid: [
    {
      name: 'a pgcrypto call split over a + chain whose key is a bound parameter',
      code: `const ENCRYPT_BODY =
  "pgp_sym_encrypt($2, " +
  "$3, " +
  "'cipher-algo=aes256')";
export const INSERT_NOTE = \`INSERT INTO notes (id, body_enc) VALUES ($1, \${ENCRYPT_BODY})\`;
`,
    },
    {
      name: 'a pgcrypto call split over a + chain whose key is a session setting',
      code: `export const DECRYPT_BODY = "pgp_sym_decrypt(body_enc, " + "current_setting('app.notes_key'))" + " AS body";
`,
    },
  ],
  invalid: [
    {
      name: 'a pgcrypto passphrase written in its own operand of a + chain of SQL text',
      code: `const ENCRYPT_BODY =
  "pgp_sym_encrypt($2, " +
  "'iW2z+Quh2dUazu16dnKIddzw', " +
  "'cipher-algo=aes256')";
export const INSERT_NOTE = \`INSERT INTO notes (id, body_enc) VALUES ($1, \${ENCRYPT_BODY})\`;
`,
      errors: [{ messageId: 'hardcodedKey', line: 3 }],
    },
    {
      name: 'a passphrase constant interpolated as an operand of a + chain of SQL text',
      code: `const NOTES_PASSPHRASE_SQL = "'1/eveysszDlN9mn8bBdJAF6E'";
export const DECRYPT_BODY = "pgp_sym_decrypt(body_enc, " + NOTES_PASSPHRASE_SQL + ") AS body";
`,
      errors: [{ messageId: 'hardcodedKey', line: 1 }],
    },
  ],
});

const PUBLISHED_CHECKSUM = `import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
async function fileDigest(file: string, algorithm: string): Promise<string> {
  const hash = createHash(algorithm);
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return hash.digest('hex');
}
export async function verify(file: string): Promise<void> {
  const published = (await readFile(file + '.md5', 'utf8')).trim();
  const actual = await fileDigest(file, 'md5');
  if (actual !== published) throw new Error('checksum mismatch');
}
`;

ruleTester.run('no-weak-algorithm (blind-s27 shapes)', noWeakAlgorithm, {
  valid: [
    {
      name: 'the MD5 of a file read with for await, only stored in a manifest, is a fingerprint',
      code: `import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
export async function manifest(file: string): Promise<void> {
  const hash = createHash('md5');
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  await writeFile(file + '.manifest.json', JSON.stringify({ file, md5: hash.digest('hex') }));
}
`,
    },
  ],
  invalid: [
    {
      name: 'the MD5 of a file read with for await through a helper, compared with the published checksum',
      code: PUBLISHED_CHECKSUM,
      errors: [
        {
          messageId: 'weakHash',
          line: 11,
          suggestions: [{ messageId: 'useSha256Migrate', data: { name: 'MD5', replacement: 'sha256' }, output: PUBLISHED_CHECKSUM.replace("fileDigest(file, 'md5')", "fileDigest(file, 'sha256')") }],
        },
      ],
    },
  ],
});

ruleTester.run('no-insecure-randomness (blind-s27 shapes)', noInsecureRandomness, {
  valid: [
    {
      name: 'Math.random spreading download retries is jitter',
      code: `export function downloadRetryDelay(attempt: number): number {
  return 500 * 2 ** attempt * (0.5 + Math.random() / 2);
}
`,
    },
  ],
  invalid: [
    {
      name: 'a download code built digit by digit from Math.random',
      code: `export function makeDownloadCode(): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += Math.floor(Math.random() * 10);
  return code;
}
`,
      errors: [{ messageId: 'predictableSecret', line: 3 }],
    },
  ],
});

const KEY_COLUMN = `import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';
declare const db: { query(sql: string, values: unknown[]): Promise<unknown> };
const kms = new KMSClient({});
export async function cache(id: string, wrapped: Uint8Array): Promise<void> {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { id } }));
  try {
    await db.query('INSERT INTO key_cache (id, data_key) VALUES ($1, $2)', [id, Buffer.from(Plaintext!).toString('base64')]);
  } finally {
    Plaintext?.fill(0);
  }
}
`;

ruleTester.run('no-plaintext-data-key-exposure (blind-s27 shapes)', noPlaintextDataKeyExposure, {
  valid: [
    {
      name: 'logging the key of a MongoDB masterKey that names a KMS key from the environment',
      code: `import pino from 'pino';
const log = pino();
const CMK = { region: 'us-east-1', key: process.env.CSFLE_CMK_ARN ?? 'alias/members-csfle-cmk' };
export function created(keyId: string): void {
  log.info({ keyId, cmk: CMK.key }, 'created CSFLE data key');
}
`,
    },
    {
      name: 'a KMS data key given to the database as the key parameter of pgp_sym_encrypt',
      code: `import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';
declare const db: { query(sql: string, values: unknown[]): Promise<unknown> };
const kms = new KMSClient({});
export async function archive(id: string, wrapped: Uint8Array, bundle: Buffer): Promise<void> {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { id } }));
  try {
    await db.query('INSERT INTO archive (id, bundle_enc) VALUES ($1, pgp_sym_encrypt_bytea($2, $3))', [id, bundle, Buffer.from(Plaintext!).toString('base64')]);
  } finally {
    Plaintext?.fill(0);
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'a secret-named setting read from the environment is still a logged secret',
      code: `import pino from 'pino';
const log = pino();
const config = { region: 'us-east-1', secret: process.env.PARTNER_SECRET ?? '' };
export function started(): void {
  log.info({ partnerSecret: config.secret }, 'partner client started');
}
`,
      errors: [{ messageId: 'secretLogged', line: 5 }],
    },
    {
      name: 'a KMS data key bound to a column of an INSERT is stored in the database',
      code: KEY_COLUMN,
      errors: [
        {
          messageId: 'dataKeyExposed',
          line: 5,
          suggestions: [{ messageId: 'keepWrappedKey', data: { wrapped: 'wrapped' }, output: KEY_COLUMN.replace('Buffer.from(Plaintext!)', 'Buffer.from(wrapped)') }],
        },
      ],
    },
  ],
});
