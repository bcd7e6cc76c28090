import noHardcodedKey from '../../rules/no-hardcoded-key';
import noInsecureRandomness from '../../rules/no-insecure-randomness';
import noPlaintextDataKeyExposure from '../../rules/no-plaintext-data-key-exposure';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';

// Shapes the twenty-eighth blind set (part B: data pipelines — ETL and CDC jobs, Kafka and Kinesis producers and
// consumers, pseudonymisation and tokenization, data-lake writers with SSE-C, Snowflake/BigQuery/Redshift clients, GDPR
// jobs, partner exports) found missed or misjudged: a passphrase written into Snowflake's `ENCRYPT(col, '…')` in SQL text
// (generic function names, recognised in SQL statements only); an experiment's MD5 bucketing whose input carries the
// experiment's salt, read as an integer (a salt marks a password hash only when the digest is not just a number); a
// partner's download share code from `Math.random`; and a KMS data key interpolated as Redshift `UNLOAD …
// MASTER_SYMMETRIC_KEY '…'` of a Redshift Data API statement (or Snowflake's `ENCRYPTION = (MASTER_KEY = '…')`), taken for
// a key stored in a database.

const ruleTester = createRuleTester();

ruleTester.run('no-hardcoded-key (blind-s28 shapes)', noHardcodedKey, {
  valid: [
    {
      name: 'Snowflake ENCRYPT with a bound passphrase',
      code: `export const ENCRYPT_EMAIL = 'UPDATE customers SET email_enc = ENCRYPT(email, ?) WHERE email_enc IS NULL';
`,
    },
    {
      name: 'encrypt( in a log message is prose, not SQL',
      code: `export function failed(id: string): string {
  return 'could not encrypt(payload, ' + "'rB6mNq2vXz8LpT4wYc1KdF9s'" + ') for ' + id;
}
`,
    },
  ],
  invalid: [
    {
      name: 'a Snowflake ENCRYPT passphrase written in its own operand of a + chain of SQL text',
      code: `const ENCRYPT_EMAIL_SQL =
  'UPDATE marts.customers SET email_enc = ENCRYPT(email, ' +
  "'Hq7vR2mXwL9pZt4sNc8bYf3k'" +
  ') WHERE email_enc IS NULL';
export default ENCRYPT_EMAIL_SQL;
`,
      errors: [{ messageId: 'hardcodedKey', line: 3 }],
    },
    {
      name: 'a pgcrypto raw encrypt key written in a SQL template',
      code: `export const SEAL = \`UPDATE exports SET body_enc = encrypt(body, 'k9Wm2Qx7Rt4Lz8Vn3Bc6Ys1P', 'aes') WHERE id = $1\`;
`,
      errors: [{ messageId: 'hardcodedKey', line: 1 }],
    },
  ],
});

const SALTED_HASH = `import { createHash } from 'node:crypto';
export function legacyHash(user: { salt: string; name: string }): string {
  return createHash('md5').update(user.salt + user.name).digest('hex');
}
`;

ruleTester.run('no-weak-algorithm (blind-s28 shapes)', noWeakAlgorithm, {
  valid: [
    {
      name: "an experiment's salted MD5 read as an integer picks a bucket",
      code: `import { createHash } from 'node:crypto';
export function bucketOf(experiment: { salt: string }, unitId: string): number {
  const hex = createHash('md5').update(\`\${experiment.salt}:\${unitId}\`).digest('hex').slice(0, 8);
  return parseInt(hex, 16) % 10000;
}
`,
    },
  ],
  invalid: [
    {
      name: 'a salted MD5 that is stored is still a password-style hash',
      code: SALTED_HASH,
      errors: [
        {
          messageId: 'weakHash',
          line: 3,
          suggestions: [{ messageId: 'useSha256Migrate', data: { name: 'MD5', replacement: 'sha256' }, output: SALTED_HASH.replace("'md5'", "'sha256'") }],
        },
      ],
    },
  ],
});

ruleTester.run('no-insecure-randomness (blind-s28 shapes)', noInsecureRandomness, {
  valid: [
    {
      name: 'Math.random spreading partner downloads is jitter',
      code: `export function downloadDelay(): number {
  return Math.floor(Math.random() * 250);
}
`,
    },
  ],
  invalid: [
    {
      name: 'a share code for a partner download from Math.random',
      code: `export function shareCode(): string {
  return Math.random().toString(36).slice(2, 10).toUpperCase();
}
`,
      errors: [{ messageId: 'predictableSecret', line: 2 }],
    },
  ],
});

const UNLOAD = `import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { RedshiftDataClient, ExecuteStatementCommand } from '@aws-sdk/client-redshift-data';
const kms = new KMSClient({});
const redshift = new RedshiftDataClient({});
export async function unload(view: string, prefix: string): Promise<void> {
  const { Plaintext } = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/unloads', KeySpec: 'AES_256', EncryptionContext: { view } }));
  try {
    const key = Buffer.from(Plaintext!).toString('base64');
    const Sql = \`UNLOAD ('SELECT * FROM \${view}') TO '\${prefix}' IAM_ROLE default MASTER_SYMMETRIC_KEY '\${key}' ENCRYPTED\`;
    await redshift.send(new ExecuteStatementCommand({ ClusterIdentifier: 'dw', Database: 'dw', Sql }));
  } finally {
    Plaintext?.fill(0);
  }
}
`;

const KEY_ROW = UNLOAD.replace(
  "UNLOAD ('SELECT * FROM \${view}') TO '\${prefix}' IAM_ROLE default MASTER_SYMMETRIC_KEY '\${key}' ENCRYPTED",
  "INSERT INTO unload_keys (view, data_key) VALUES ('\${view}', '\${key}')",
);

ruleTester.run('no-plaintext-data-key-exposure (blind-s28 shapes)', noPlaintextDataKeyExposure, {
  valid: [
    {
      name: "a KMS data key given to Redshift as an UNLOAD's MASTER_SYMMETRIC_KEY",
      code: UNLOAD,
    },
    {
      name: "a KMS data key given to Snowflake as a COPY's client-side encryption MASTER_KEY",
      code: UNLOAD.replace(
        "UNLOAD ('SELECT * FROM \${view}') TO '\${prefix}' IAM_ROLE default MASTER_SYMMETRIC_KEY '\${key}' ENCRYPTED",
        "COPY INTO @unload_stage/\${view}/ FROM \${view} ENCRYPTION = (TYPE = 'AWS_CSE' MASTER_KEY = '\${key}')",
      ),
    },
    {
      name: 'a KMS data key given to the database as the key parameter of pgcrypto encrypt',
      code: `import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';
declare const db: { query(sql: string, values: unknown[]): Promise<unknown> };
const kms = new KMSClient({});
export async function seal(id: string, wrapped: Uint8Array, body: Buffer): Promise<void> {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { id } }));
  try {
    await db.query("UPDATE exports SET body_enc = encrypt($2, $3, 'aes') WHERE id = $1", [id, body, Buffer.from(Plaintext!)]);
  } finally {
    Plaintext?.fill(0);
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'a key option name in a query string is no SQL statement key',
      code: UNLOAD.replace(
        "await redshift.send(new ExecuteStatementCommand({ ClusterIdentifier: 'dw', Database: 'dw', Sql }));",
        "await fetch(`https://partner.example/unloads?master_key=${key}`, { method: 'POST', body: Sql });",
      ),
      errors: [{ messageId: 'dataKeyExposed', line: 6 }],
    },
    {
      name: 'the same key interpolated into a column of an INSERT statement is stored',
      code: KEY_ROW,
      errors: [{ messageId: 'dataKeyExposed', line: 6 }],
    },
  ],
});
