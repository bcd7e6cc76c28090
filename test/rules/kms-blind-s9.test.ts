import envelope from '../../rules/prefer-envelope-encryption';
import context from '../../rules/kms-require-encryption-context';
import exposure from '../../rules/no-plaintext-data-key-exposure';
import zeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// Session 9's kms blind set (test/fixtures/corpus/kms/blind-s9): the shapes it found missing, each
// with the look-alike that must stay quiet.

const tester = createRuleTester();
const keepWrapped = (output: string) => [{ messageId: 'keepWrappedKey' as const, output }];

tester.run('no-plaintext-data-key-exposure (blind-s9)', exposure as never, {
  valid: [
    {
      name: 'a spread of the KMS response whose Plaintext is overridden after the spread',
      code: `import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { logger } from './logger';
const kms = new KMSClient({});
export async function issue(ticketId: string) {
  const out = await kms.send(new GenerateDataKeyCommand({ KeyId: process.env.KEK, KeySpec: 'AES_256', EncryptionContext: { ticketId } }));
  try {
    logger.info({ ...out, Plaintext: '[redacted]', ticketId }, 'issued');
    return { wrapped: out.CiphertextBlob };
  } finally {
    out.Plaintext?.fill(0);
  }
}`,
    },
    {
      name: 'a child process gets only the wrapped key in its environment',
      code: `import { spawn } from 'node:child_process';
import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export async function start(jobId: string) {
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: process.env.KEK, KeySpec: 'AES_256', EncryptionContext: { jobId } }));
  try {
    spawn('node', ['job.js'], { env: { ...process.env, JOB_WRAPPED_KEY: Buffer.from(dk.CiphertextBlob!).toString('base64') } });
  } finally {
    dk.Plaintext?.fill(0);
  }
}`,
    },
    {
      name: 'a Map#set (two arguments) of a cache that is never saved',
      code: `import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const keys = new Map<string, Uint8Array>();
async function unwrap(id: string, wrapped: Uint8Array) {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { id } }));
  keys.set(id, Plaintext!);
}
export async function warm(id: string, wrapped: Uint8Array) {
  await unwrap(id, wrapped);
}`,
    },
  ],
  invalid: [
    {
      name: 'util.inspect of the whole Decrypt response in a log line',
      code: `import { inspect } from 'node:util';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export async function open(row: { id: string; wrappedKey: Uint8Array }) {
  const result = await kms.send(new DecryptCommand({ CiphertextBlob: row.wrappedKey, EncryptionContext: { id: row.id } }));
  try {
    console.log(\`decrypt \${inspect(result, { depth: null })}\`);
    return result.KeyId;
  } finally {
    result.Plaintext?.fill(0);
  }
}`,
      errors: [{ messageId: 'dataKeyExposed' as const, line: 5, data: { sinks: 'written to a log (line 7)' }, suggestions: keepWrapped(`import { inspect } from 'node:util';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export async function open(row: { id: string; wrappedKey: Uint8Array }) {
  const result = await kms.send(new DecryptCommand({ CiphertextBlob: row.wrappedKey, EncryptionContext: { id: row.id } }));
  try {
    console.log(\`decrypt \${inspect(row.wrappedKey, { depth: null })}\`);
    return result.KeyId;
  } finally {
    result.Plaintext?.fill(0);
  }
}`) }],
    },
    {
      name: "Remix's json() in a loader is the response",
      code: `import { json } from '@remix-run/node';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export async function loader({ params }: { params: { id: string; wrapped: string } }) {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: Buffer.from(params.wrapped, 'base64'), EncryptionContext: { id: params.id } }));
  try {
    return json({ fileKey: Buffer.from(Plaintext!).toString('base64') });
  } finally {
    Plaintext?.fill(0);
  }
}`,
      errors: [{ messageId: 'dataKeyExposed' as const, line: 5, data: { sinks: 'sent in a response (line 7)' }, suggestions: [] }],
    },
    {
      name: "a child process's env option",
      code: `import { spawn } from 'node:child_process';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export async function reencrypt(id: string, wrapped: Uint8Array) {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { id } }));
  try {
    spawn(process.execPath, ['worker.js'], { env: { ...process.env, DATASET_KEY: Buffer.from(Plaintext!).toString('base64') } });
  } finally {
    Plaintext?.fill(0);
  }
}`,
      errors: [{ messageId: 'dataKeyExposed' as const, line: 5, data: { sinks: 'put in the process environment (readable by every module and child process) (line 7)' }, suggestions: keepWrapped(`import { spawn } from 'node:child_process';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export async function reencrypt(id: string, wrapped: Uint8Array) {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { id } }));
  try {
    spawn(process.execPath, ['worker.js'], { env: { ...process.env, DATASET_KEY: Buffer.from(wrapped).toString('base64') } });
  } finally {
    Plaintext?.fill(0);
  }
}`) }],
    },
    {
      name: "a queue's addBulk of jobs built by a map callback",
      code: `import { Queue } from 'bullmq';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const rekeyQueue = new Queue('rekey');
export async function schedule(c: { id: string; wrappedKey: Uint8Array }, shards: string[]) {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: c.wrappedKey, EncryptionContext: { id: c.id } }));
  try {
    const oldKey = Buffer.from(Plaintext!).toString('base64');
    await rekeyQueue.addBulk(shards.map((shard) => ({ name: 'rekey', data: { shard, oldKey } })));
  } finally {
    Plaintext?.fill(0);
  }
}`,
      errors: [{ messageId: 'dataKeyExposed' as const, line: 6, data: { sinks: 'put in a job or message payload (line 9)' }, suggestions: [] }],
    },
    {
      name: "a knex builder on a class field (this.db('t').insert)",
      code: `import type { Knex } from 'knex';
import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
export class TenantKeys {
  constructor(private readonly db: Knex, private readonly kms: KMSClient) {}
  async provision(tenantId: string) {
    const { Plaintext, CiphertextBlob } = await this.kms.send(new GenerateDataKeyCommand({ KeyId: process.env.KEK, KeySpec: 'AES_256', EncryptionContext: { tenantId } }));
    try {
      await this.db('tenant_keys').insert({ tenant_id: tenantId, dek: Plaintext, wrapped: CiphertextBlob });
    } finally {
      Plaintext?.fill(0);
    }
  }
}`,
      errors: [{ messageId: 'dataKeyExposed' as const, line: 6, data: { sinks: 'stored in a database (line 8)' }, suggestions: keepWrapped(`import type { Knex } from 'knex';
import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
export class TenantKeys {
  constructor(private readonly db: Knex, private readonly kms: KMSClient) {}
  async provision(tenantId: string) {
    const { Plaintext, CiphertextBlob } = await this.kms.send(new GenerateDataKeyCommand({ KeyId: process.env.KEK, KeySpec: 'AES_256', EncryptionContext: { tenantId } }));
    try {
      await this.db('tenant_keys').insert({ tenant_id: tenantId, dek: CiphertextBlob, wrapped: CiphertextBlob });
    } finally {
      Plaintext?.fill(0);
    }
  }
}`) }],
    },
    {
      name: 'a record filled with record.set(response) saves itself',
      code: `import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { WalletKey } from './models';
const kms = new KMSClient({});
export async function createWalletKey(walletId: string) {
  const dataKey = await kms.send(new GenerateDataKeyCommand({ KeyId: process.env.KEK, KeySpec: 'AES_256', EncryptionContext: { walletId } }));
  try {
    const row = WalletKey.build({ walletId });
    row.set(dataKey);
    await row.save();
  } finally {
    dataKey.Plaintext?.fill(0);
  }
}`,
      errors: [{ messageId: 'dataKeyExposed' as const, line: 5, data: { sinks: 'stored in a database (line 9)' }, suggestions: [] }],
    },
    {
      name: "an ES private method's caller writes the key it returns to disk",
      code: `import { writeFileSync } from 'node:fs';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
export class Handover {
  readonly #kms = new KMSClient({});
  async #unwrap(id: string, wrapped: Uint8Array): Promise<Uint8Array> {
    const { Plaintext } = await this.#kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { id } }));
    return Plaintext!;
  }
  async prepare(id: string, wrapped: Uint8Array, file: string) {
    const key = await this.#unwrap(id, wrapped);
    try {
      writeFileSync(file, key, { mode: 0o400 });
    } finally {
      key.fill(0);
    }
  }
}`,
      errors: [{ messageId: 'dataKeyExposed' as const, line: 6, data: { sinks: 'written to disk (line 12)' }, suggestions: [] }],
    },
    {
      name: "an exported function's new Promise resolves with the key (SDK v2 callback)",
      code: `import AWS from 'aws-sdk';
const kms = new AWS.KMS();
export function unwrapDocumentKey(doc: { id: string; wrappedKey: string }) {
  return new Promise((resolve, reject) => {
    kms.decrypt({ CiphertextBlob: Buffer.from(doc.wrappedKey, 'base64'), EncryptionContext: { id: doc.id } }, (err, data) => {
      if (err) return reject(err);
      resolve(data.Plaintext);
    });
  });
}`,
      errors: [{ messageId: 'dataKeyExposed' as const, line: 5, data: { sinks: 'returned from an exported function (line 4)' }, suggestions: [] }],
    },
  ],
});

tester.run('prefer-envelope-encryption (blind-s9)', envelope as never, {
  valid: [
    {
      name: 'KMS Encrypt of a GenerateRandom output bound under another name (envelope encryption)',
      code: `import { EncryptCommand, GenerateRandomCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export async function createOrgRoot(orgId: string) {
  const { Plaintext: root } = await kms.send(new GenerateRandomCommand({ NumberOfBytes: 32 }));
  try {
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: process.env.ORG_KEK, Plaintext: root, EncryptionContext: { orgId } }));
    return CiphertextBlob;
  } finally {
    root?.fill(0);
  }
}`,
    },
    {
      name: 'Vault Transit batch encrypt of locally generated data keys',
      code: `import vault from 'node-vault';
import { randomBytes } from 'node:crypto';
const client = vault({ endpoint: process.env.VAULT_ADDR, token: process.env.VAULT_TOKEN });
export async function wrapKeys(count: number) {
  const keys = Array.from({ length: count }, () => randomBytes(32));
  return client.write('transit/encrypt/keks', { batch_input: keys.map((key) => ({ plaintext: key.toString('base64') })) });
}`,
    },
  ],
  invalid: [
    {
      name: 'node-vault Transit batch encrypt of records built by a map callback',
      code: `import vault from 'node-vault';
const client = vault({ endpoint: process.env.VAULT_ADDR, token: process.env.VAULT_TOKEN });
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
export async function sealOrders(rows: { id: string; address: string }[]) {
  const response = await client.write('transit/encrypt/orders', {
    batch_input: rows.map((row) => ({ plaintext: b64(row.address) })),
  });
  return response.data.batch_results;
}`,
      errors: [{ messageId: 'directTransitEncrypt' as const, line: 5 }],
    },
  ],
});

tester.run('kms-require-encryption-context (blind-s9)', context as never, {
  valid: [
    {
      name: 'Object.assign of defaults and a literal that carries the context',
      code: `const AWS = require('aws-sdk');
const kms = new AWS.KMS();
const DEFAULTS = Object.freeze({ KeyId: process.env.KEK });
async function seal(threadId) {
  const params = Object.assign({}, DEFAULTS, { KeySpec: 'AES_256', EncryptionContext: { threadId } });
  const dk = await kms.generateDataKey(params).promise();
  return dk.CiphertextBlob;
}
module.exports = { seal };`,
    },
  ],
  invalid: [
    {
      name: 'Object.assign of defaults without a context and the ciphertext',
      code: `const AWS = require('aws-sdk');
const kms = new AWS.KMS();
const DEFAULTS = Object.freeze({ KeyId: process.env.KEK });
async function open(sealed) {
  const params = Object.assign({}, DEFAULTS, { CiphertextBlob: sealed.wrappedKey });
  const dk = await kms.decrypt(params).promise();
  try {
    return dk.KeyId;
  } finally {
    dk.Plaintext.fill(0);
  }
}
module.exports = { open };`,
      errors: [{ messageId: 'missingContext' as const, line: 6, suggestions: [] }],
    },
  ],
});

tester.run('require-key-zeroization (blind-s9)', zeroization as never, {
  valid: [
    {
      name: 'a wipe guarded by the key itself in finally (if (dk.Plaintext) dk.Plaintext.fill(0))',
      code: `const { GenerateDataKeyCommand, KMSClient } = require('@aws-sdk/client-kms');
const { createCipheriv, randomBytes } = require('node:crypto');
const kms = new KMSClient({});
async function seal(id, data) {
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: process.env.KEK, KeySpec: 'AES_256', EncryptionContext: { id } }));
  try {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', dk.Plaintext, iv);
    return Buffer.concat([cipher.update(data), cipher.final(), cipher.getAuthTag()]);
  } finally {
    if (dk.Plaintext) dk.Plaintext.fill(0);
  }
}
module.exports = { seal };`,
    },
    {
      name: 'SDK v2 AWS.Request#send: the callback response is the key, wiped in finally (not the request object)',
      code: `const AWS = require('aws-sdk');
const crypto = require('node:crypto');
const kms = new AWS.KMS();
function seal(formId, scan, done) {
  const request = kms.generateDataKey({ KeyId: process.env.KEK, KeySpec: 'AES_256', EncryptionContext: { formId } });
  request.send((err, data) => {
    if (err) return done(err);
    try {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', data.Plaintext, iv);
      return done(null, Buffer.concat([cipher.update(scan), cipher.final()]));
    } finally {
      data.Plaintext.fill(0);
    }
  });
}
module.exports = { seal };`,
    },
  ],
  invalid: [
    {
      name: 'a guard whose branch does not wipe still leaves the key (if (dk.Plaintext) log)',
      code: `const { GenerateDataKeyCommand, KMSClient } = require('@aws-sdk/client-kms');
const kms = new KMSClient({});
async function size(id) {
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: process.env.KEK, KeySpec: 'AES_256', EncryptionContext: { id } }));
  if (dk.Plaintext) console.info('key bytes', dk.Plaintext.length);
  return dk.CiphertextBlob;
}
module.exports = { size };`,
      errors: [{ messageId: 'notWiped' as const, line: 4, suggestions: [{ messageId: 'wrapInTryFinally' as const, output: `const { GenerateDataKeyCommand, KMSClient } = require('@aws-sdk/client-kms');
const kms = new KMSClient({});
async function size(id) {
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: process.env.KEK, KeySpec: 'AES_256', EncryptionContext: { id } }));
  try {
    if (dk.Plaintext) console.info('key bytes', dk.Plaintext.length);
  } finally {
    dk.Plaintext?.fill(0);
  }
  return dk.CiphertextBlob;
}
module.exports = { size };` }] }],
    },
    {
      name: 'SDK v2 request.send callback without a wipe: reported on the callback parameter',
      code: `const AWS = require('aws-sdk');
const kms = new AWS.KMS();
function open(sealed, done) {
  kms.decrypt({ CiphertextBlob: sealed.wrappedKey, EncryptionContext: { id: sealed.id } }).send((err, data) => {
    if (err) return done(err);
    done(null, data.KeyId);
  });
}
module.exports = { open };`,
      errors: [{ messageId: 'notWiped' as const, line: 4, suggestions: [] }],
    },
  ],
});
