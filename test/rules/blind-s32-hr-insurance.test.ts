import noHardcodedKey from '../../rules/no-hardcoded-key';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import requireKeyZeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// Shapes the blind set of round 32 (part C: HR, payroll, benefits and insurance back ends — encrypted national ids and
// bank details, payroll files to banks and tax agencies, 834 feeds, IDV webhooks, employee SSO, time clocks, claims and
// telematics) found missed or misread: a field-level key named `ssnFieldKey` written as hex in a config module; an MD5
// of a trip upload inserted with `ON CONFLICT (digest) DO NOTHING` (a dedupe key); a KMS plaintext returned by a local
// helper as a `Buffer.from(p.buffer, p.byteOffset, p.byteLength)` view; and data keys passed as the third and fourth
// arguments of a local helper that puts them into a child process's environment as hex.

const ruleTester = createRuleTester();

const RECORDS_CONFIG = `module.exports = {
  crypto: {
    kmsKeyId: 'alias/hr-records',
    ssnFieldKey: '3e0f6a9d1c7b4e2a8f5d0c9b6a3e1f7d2c8b5a4e9f0d3c6b7a1e2f8d5c4b9a0e',
  },
};
`;

ruleTester.run('no-hardcoded-key (blind-s32 HR and insurance shapes)', noHardcodedKey, {
  valid: [
    {
      name: 'a form field key and a column holding key names are not key material',
      code: `export const columns = { fieldKey: 'employee.email', sortFieldKey: 'hireDate', keyColumn: 'ssn_key_id' };
`,
    },
    {
      name: 'a field-level key read from the environment',
      code: `module.exports = { crypto: { ssnFieldKey: process.env.SSN_FIELD_KEY } };
`,
    },
  ],
  invalid: [
    {
      name: 'a field-level encryption key written as hex in a config module',
      code: RECORDS_CONFIG,
      errors: [
        {
          messageId: 'keyLikeConstant',
          line: 4,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              output: `${RECORDS_CONFIG.replace("'3e0f6a9d1c7b4e2a8f5d0c9b6a3e1f7d2c8b5a4e9f0d3c6b7a1e2f8d5c4b9a0e'", "requireEnv('CRYPTO_SSN_FIELD_KEY')")}
/** A secret the service cannot run without: read from the environment, checked at start-up. */
function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(\`Environment variable \${name} is not set: it holds a key that is no longer in the source code.\`);
  return value;
}
`,
            },
          ],
        },
      ],
    },
  ],
});

const TRIPS = (input: string, column: string) => `import { createHash } from 'node:crypto';
export async function accept(pool, upload) {
  const digest = createHash('md5').update(${input}).digest('hex');
  await pool.query('insert into trips(device_id, ${column}, payload) values ($1, $2, $3) on conflict (${column}) do nothing', [upload.deviceId, digest, upload.payload]);
}
`;

ruleTester.run('no-weak-algorithm (blind-s32 HR and insurance shapes)', noWeakAlgorithm, {
  valid: [
    {
      name: 'an MD5 of an upload inserted with ON CONFLICT (digest) DO NOTHING is a dedupe key',
      code: TRIPS('upload.payload', 'digest'),
    },
  ],
  invalid: [
    {
      name: 'an MD5 of a reset token is a token digest, however it is inserted',
      code: TRIPS('upload.resetToken', 'token_hash'),
      errors: [{ messageId: 'weakHash', line: 3, suggestions: [{ messageId: 'useSha256Migrate', output: TRIPS('upload.resetToken', 'token_hash').replace("'md5'", "'sha256'") }] }],
    },
    {
      name: 'an MD5 of an upload in an insert that updates on conflict is not a skipped duplicate',
      code: TRIPS('upload.payload', 'digest').replace('do nothing', 'do update set payload = excluded.payload'),
      errors: [
        {
          messageId: 'weakHash',
          line: 3,
          suggestions: [{ messageId: 'useSha256', output: TRIPS('upload.payload', 'digest').replace('do nothing', 'do update set payload = excluded.payload').replace("'md5'", "'sha256'") }],
        },
      ],
    },
  ],
});

const UNWRAP = `import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
async function unwrap(wrapped) {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { purpose: 'bank' } }));
  return Buffer.from(Plaintext.buffer, Plaintext.byteOffset, Plaintext.byteLength);
}
`;

const CHILD = `import { fork } from 'node:child_process';
function runShard(shard, oldKey, newKey) {
  return fork('./worker.js', [String(shard)], { env: { OLD_KEY: oldKey.toString('hex'), NEW_KEY: newKey.toString('hex') } });
}
export async function rekey(oldKey, newKey) {
  await Promise.all([0, 1].map((i) => runShard(i, oldKey, newKey)));
}
`;

ruleTester.run('require-key-zeroization (blind-s32 HR and insurance shapes)', requireKeyZeroization, {
  valid: [
    {
      name: 'a KMS plaintext returned by a local helper as a view, wiped in finally by the caller',
      code: `${UNWRAP}export async function reveal(row, open) {
  const key = await unwrap(row.wrapped);
  try {
    return open(key, row.sealed);
  } finally {
    key.fill(0);
  }
}
`,
    },
    {
      name: 'key bytes passed to a local helper whose other parameter is converted',
      code: `import { randomBytes } from 'node:crypto';
function label(shard, key) {
  return String(shard) + ':' + key.length;
}
export function run(store) {
  const key = randomBytes(32);
  try {
    store.put(label(1, key), key);
  } finally {
    key.fill(0);
  }
}
`,
      options: [{ checkStringConversion: true }],
    },
  ],
  invalid: [
    {
      name: 'a KMS plaintext returned by a local helper as a view and never wiped by the caller',
      code: `${UNWRAP}export async function reveal(row, open) {
  const key = await unwrap(row.wrapped);
  return open(key, row.sealed).toString('utf8');
}
`,
      errors: [
        {
          messageId: 'notWiped',
          line: 8,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: `${UNWRAP}export async function reveal(row, open) {
  const key = await unwrap(row.wrapped);
  try {
    return open(key, row.sealed).toString('utf8');
  } finally {
    key?.fill(0);
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'data keys passed as later arguments of a local helper that puts them into a child environment as hex',
      code: `import { randomBytes } from 'node:crypto';
${CHILD.replace('export async function rekey(oldKey, newKey) {\n', 'export async function rekey() {\n  const oldKey = randomBytes(32);\n  const newKey = randomBytes(32);\n  try {\n').replace('  await Promise.all([0, 1].map((i) => runShard(i, oldKey, newKey)));\n', '    await Promise.all([0, 1].map((i) => runShard(i, oldKey!, newKey!)));\n  } finally {\n    oldKey.fill(0);\n    newKey.fill(0);\n  }\n')}`,
      options: [{ checkStringConversion: true }],
      errors: [
        { messageId: 'keyToString', line: 10 },
        { messageId: 'keyToString', line: 10 },
      ],
    },
  ],
});
