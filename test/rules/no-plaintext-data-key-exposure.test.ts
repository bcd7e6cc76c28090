import rule from '../../rules/no-plaintext-data-key-exposure';
import { createRuleTester } from './rule-tester';

// AWS KMS (commands and the aggregated client), Google Cloud KMS and Azure Key Vault, with look-alikes.

const leakCode = `import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import * as fs from 'node:fs';
const kms = new KMSClient({});
export async function leak(db: { insert(row: object): Promise<void> }, res: { json(v: object): void }) {
  const { Plaintext, CiphertextBlob } = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/app', KeySpec: 'AES_256' }));
  console.log('data key', Buffer.from(Plaintext!).toString('base64'));
  fs.writeFileSync('dek.bin', Plaintext!);
  await db.insert({ wrapped: CiphertextBlob, plain: Plaintext });
  res.json({ key: Plaintext });
}
export async function newDataKey() {
  const out = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/app', KeySpec: 'AES_256' }));
  return out.Plaintext;
}
`;
const unwrapCode = `import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export async function unwrap(wrappedKey: Uint8Array, logger: { debug(...a: unknown[]): void }) {
  const { Plaintext: dataKey } = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { app: 'x' } }));
  logger.debug({ dataKey });
  return 1;
}
`;
const keepWrapped = (output: string) => [{ messageId: 'keepWrappedKey' as const, output }];

const errorCode = `import { createDecipheriv } from 'node:crypto';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export class DecryptionError extends Error {}
export async function open(m: { wrappedKey: Uint8Array; iv: Buffer; body: Buffer }) {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: m.wrappedKey, EncryptionContext: { kind: 'm' } }));
  try {
    return createDecipheriv('aes-256-gcm', Plaintext!, m.iv).update(m.body);
  } catch (err) {
    throw new DecryptionError(\`cannot decrypt with data key \${Buffer.from(Plaintext!).toString('hex')}: \${String(err)}\`);
  } finally {
    Plaintext?.fill(0);
  }
}
`;
const invalid = [
  {
    name: 'a binding named as a secret, read from SSM with decryption, logged (on the logging call)',
    code: `import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
const ssm = new SSMClient({});
export async function loadAuth() {
  const res = await ssm.send(new GetParameterCommand({ Name: '/auth/jwt-signing-secret', WithDecryption: true }));
  const jwtSigningSecret = res.Parameter?.Value;
  console.log('auth config loaded; signing secret =', jwtSigningSecret);
  return { jwtSigningSecret };
}`,
    errors: [{ messageId: 'secretLogged' as const, data: { name: '`jwtSigningSecret`', sink: 'written to a log' }, line: 6, column: 3 }],
  },
  {
    name: 'Vault Transit over fetch: the plaintext data key read from the JSON response is written to disk (on the request)',
    code: `import { writeFile } from 'node:fs/promises';
export async function cacheKey(dataset: string): Promise<string> {
  const res = await fetch(\`\${process.env.VAULT_ADDR}/v1/transit/datakey/plaintext/ingest\`, { method: 'POST', headers: { 'X-Vault-Token': process.env.VAULT_TOKEN! } });
  const { data } = (await res.json()) as { data: { plaintext: string; ciphertext: string } };
  await writeFile(\`/var/cache/\${dataset}.key\`, data.plaintext);
  return data.ciphertext;
}`,
    errors: [{ messageId: 'dataKeyExposed' as const, data: { sinks: 'written to disk (line 5)' }, line: 3, column: 21, suggestions: [] }],
  },
  {
    name: 'Vault Transit through an axios instance and node-vault: returned from an exported function, logged',
    code: `import axios from 'axios';
const vaultHttp = axios.create({ baseURL: process.env.VAULT_ADDR });
export async function batchKey(id: string) {
  const { data } = await vaultHttp.post('/v1/transit/datakey/plaintext/batches', { context: id });
  return { key: Buffer.from(data.data.plaintext, 'base64'), wrapped: data.data.ciphertext };
}
export async function logKey(vault: { write(p: string, b: object): Promise<{ data: { plaintext: string } }> }, logger: { info(...a: unknown[]): void }) {
  const res = await vault.write('transit/datakey/plaintext/exports', {});
  logger.info({ key: res.data.plaintext }, 'data key');
}`,
    errors: [
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'returned from an exported function (line 5)' }, line: 4, column: 26, suggestions: [] },
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'written to a log (line 9)' }, line: 8, column: 21, suggestions: [] },
    ],
  },
  {
    name: 'a copy of the unwrapped key (Buffer.from) put in a thrown error: reported on the KMS call, no swap (the copy also decrypts)',
    code: `import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { createDecipheriv } from 'node:crypto';
const kms = new KMSClient({});
export async function open(p: { id: string; wrappedKey: Uint8Array; iv: Buffer; data: Buffer }) {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: p.wrappedKey, EncryptionContext: { id: p.id } }));
  const key = Buffer.from(Plaintext!);
  try {
    return createDecipheriv('aes-256-gcm', key, p.iv).update(p.data);
  } catch (err) {
    throw new Error(\`cannot open \${p.id} with key \${key.toString('hex')}\`);
  } finally {
    key.fill(0);
    Plaintext!.fill(0);
  }
}`,
    errors: [{ messageId: 'dataKeyExposed' as const, line: 5, column: 40, suggestions: [] }],
  },
  {
    name: 'a copy assigned to a let and stored in a Mongo collection',
    code: `import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export async function unwrapAndCache(keys: { updateOne(f: object, u: object): Promise<void> }, id: string, wrapped: Uint8Array) {
  let key: Buffer;
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { id } }));
  key = Buffer.from(Plaintext!);
  Plaintext!.fill(0);
  await keys.updateOne({ _id: id }, { $set: { key } });
  key.fill(0);
}`,
    errors: [{ messageId: 'dataKeyExposed' as const, data: { sinks: 'stored in a database (line 8)' }, line: 5, column: 40, suggestions: [] }],
  },
  {
    name: 'the key in an object built first and then sent to a queue (aggregated client)',
    code: `const { KMS } = require('@aws-sdk/client-kms');
const kms = new KMS({});
async function schedule(channel, videoId) {
  const dataKey = await kms.generateDataKey({ KeyId: process.env.VIDEO_KEY, KeySpec: 'AES_256', EncryptionContext: { videoId } });
  try {
    const job = { videoId, key: Buffer.from(dataKey.Plaintext).toString('base64') };
    channel.sendToQueue('video-encrypt', Buffer.from(JSON.stringify(job)));
  } finally {
    dataKey.Plaintext.fill(0);
  }
}
module.exports = { schedule };`,
    errors: [{ messageId: 'dataKeyExposed' as const, line: 4, column: 25, suggestions: [] }],
  },
  {
    name: 'a debug-package logging function (createDebug(namespace)) is a log',
    code: `const createDebug = require('debug');
const { KMSClient, DecryptCommand } = require('@aws-sdk/client-kms');
const debug = createDebug('billing:crypto');
const kms = new KMSClient({});
async function open(invoice) {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: invoice.wrappedKey, EncryptionContext: { id: invoice.id } }));
  try {
    debug('key=%s', Buffer.from(Plaintext).toString('base64'));
  } finally {
    Plaintext.fill(0);
  }
}
module.exports = { open };`,
    errors: [{ messageId: 'dataKeyExposed' as const, line: 6, column: 40, suggestions: keepWrapped(`const createDebug = require('debug');
const { KMSClient, DecryptCommand } = require('@aws-sdk/client-kms');
const debug = createDebug('billing:crypto');
const kms = new KMSClient({});
async function open(invoice) {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: invoice.wrappedKey, EncryptionContext: { id: invoice.id } }));
  try {
    debug('key=%s', Buffer.from(invoice.wrappedKey).toString('base64'));
  } finally {
    Plaintext.fill(0);
  }
}
module.exports = { open };`) }],
  },
  {
    name: 'AWS SDK v2 callback form: the plaintext completes the exported function\'s callback (handed to the caller)',
    code: `const AWS = require('aws-sdk');
const kms = new AWS.KMS({});
function getDataKey(streamId, callback) {
  kms.generateDataKey({ KeyId: process.env.STREAM_KEY_ID, KeySpec: 'AES_256', EncryptionContext: { streamId } }, (err, data) => {
    if (err) return callback(err);
    return callback(null, { key: data.Plaintext, wrappedKey: data.CiphertextBlob });
  });
}
module.exports = { getDataKey };`,
    errors: [{ messageId: 'dataKeyExposed' as const, line: 4, column: 3, suggestions: [] }],
  },
  {
    name: 'an unwrapped data key put in an error message',
    code: errorCode,
    errors: [{ messageId: 'dataKeyExposed' as const, line: 6, column: 40, suggestions: keepWrapped(errorCode.replace('Buffer.from(Plaintext!)', 'Buffer.from(m.wrappedKey)')) }],
  },
  {
    name: 'a data key put in S3 object metadata (stored), next to a legitimate SSE-C use',
    code: `import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
const kms = new KMSClient({});
const s3 = new S3Client({});
export async function put(Bucket: string, Key: string, Body: Buffer) {
  const { Plaintext } = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/sse-c', KeySpec: 'AES_256', EncryptionContext: { Key } }));
  try {
    await s3.send(new PutObjectCommand({ Bucket, Key, Body, SSECustomerAlgorithm: 'AES256', SSECustomerKey: Buffer.from(Plaintext!).toString('base64'), Metadata: { dek: Buffer.from(Plaintext!).toString('base64') } }));
  } finally {
    Plaintext?.fill(0);
  }
}
`,
    errors: [{ messageId: 'dataKeyExposed' as const, line: 6, column: 40, suggestions: [] }],
  },
  {
    name: 'a plaintext data key inserted through a knex query builder (db(table).insert)',
    code: "import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';\nimport type { Knex } from 'knex';\nconst kms = new KMSClient({});\nexport async function provision(db: Knex, tenantId: string) {\n  const out = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/t', KeySpec: 'AES_256', EncryptionContext: { tenantId } }));\n  await db('tenant_keys').insert({ tenant_id: tenantId, data_key: Buffer.from(out.Plaintext!).toString('base64') });\n}",
    errors: [{ messageId: 'dataKeyExposed' as const, line: 5, column: 30, suggestions: [{ messageId: 'keepWrappedKey' as const, output: "import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';\nimport type { Knex } from 'knex';\nconst kms = new KMSClient({});\nexport async function provision(db: Knex, tenantId: string) {\n  const out = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/t', KeySpec: 'AES_256', EncryptionContext: { tenantId } }));\n  await db('tenant_keys').insert({ tenant_id: tenantId, data_key: Buffer.from(out.CiphertextBlob!).toString('base64') });\n}" }] }],
  },
  {
    name: 'a plaintext data key in an SQS message body',
    code: `import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
const kms = new KMSClient({});
const sqs = new SQSClient({});
export async function request(assetId: string) {
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/assets', KeySpec: 'AES_256', EncryptionContext: { assetId } }));
  try {
    await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: JSON.stringify({ assetId, key: Buffer.from(dk.Plaintext!).toString('base64') }) }));
  } finally {
    dk.Plaintext?.fill(0);
  }
}
`,
    errors: [{ messageId: 'dataKeyExposed' as const, line: 6, column: 29, suggestions: [{ messageId: 'keepWrappedKey' as const, output: `import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
const kms = new KMSClient({});
const sqs = new SQSClient({});
export async function request(assetId: string) {
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/assets', KeySpec: 'AES_256', EncryptionContext: { assetId } }));
  try {
    await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: JSON.stringify({ assetId, key: Buffer.from(dk.CiphertextBlob!).toString('base64') }) }));
  } finally {
    dk.Plaintext?.fill(0);
  }
}
` }] }],
  },
  {
    name: 'a plaintext data key in a job payload (queue.add)',
    code: `import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export async function enqueueExport(queue: { add(n: string, p: object): Promise<void> }, exportId: string) {
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/exports', KeySpec: 'AES_256', EncryptionContext: { exportId } }));
  try {
    await queue.add('export', { exportId, dataKey: Buffer.from(dk.Plaintext!).toString('base64') });
  } finally {
    dk.Plaintext?.fill(0);
  }
}
`,
    errors: [{ messageId: 'dataKeyExposed' as const, line: 4, column: 29, suggestions: [{ messageId: 'keepWrappedKey' as const, output: `import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export async function enqueueExport(queue: { add(n: string, p: object): Promise<void> }, exportId: string) {
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/exports', KeySpec: 'AES_256', EncryptionContext: { exportId } }));
  try {
    await queue.add('export', { exportId, dataKey: Buffer.from(dk.CiphertextBlob!).toString('base64') });
  } finally {
    dk.Plaintext?.fill(0);
  }
}
` }] }],
  },
  {
    name: 'an unwrapped key (Decrypt of a wrapped blob) cached in Redis, injected KMS client in a field',
    code: `import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
export class DekCache {
  constructor(private readonly kms: KMSClient, private readonly redis: { set(k: string, v: string): Promise<void> }) {}
  async unwrap(wrapped: Uint8Array, id: string) {
    const { Plaintext } = await this.kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { id } }));
    if (!Plaintext) return;
    try {
      await this.redis.set(\`dek:\${id}\`, Buffer.from(Plaintext).toString('base64'));
    } finally {
      Plaintext.fill(0);
    }
  }
}
`,
    errors: [{ messageId: 'dataKeyExposed' as const, line: 5, column: 47, suggestions: [{ messageId: 'keepWrappedKey' as const, output: `import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
export class DekCache {
  constructor(private readonly kms: KMSClient, private readonly redis: { set(k: string, v: string): Promise<void> }) {}
  async unwrap(wrapped: Uint8Array, id: string) {
    const { Plaintext } = await this.kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { id } }));
    if (!Plaintext) return;
    try {
      await this.redis.set(\`dek:\${id}\`, Buffer.from(wrapped).toString('base64'));
    } finally {
      Plaintext.fill(0);
    }
  }
}
` }] }],
  },
  {
    name: 'a configured secret logged through the config object (no crypto call in the file)',
    code: `import pino from 'pino';
const logger = pino();
export const config = { port: Number(process.env.PORT ?? 3000), jwtSecret: process.env.JWT_SECRET ?? '' };
logger.info({ port: config.port, jwtSecret: config.jwtSecret }, 'configuration loaded');
`,
    errors: [{ messageId: 'secretLogged' as const, line: 4, column: 1 }],
  },
  {
    name: 'a GenerateDataKey plaintext logged, written to disk, stored, sent and exported',
    code: leakCode,
    // One finding per KMS call, naming every sink; the suggestion swaps every exposure at once.
    errors: [{
      messageId: 'dataKeyExposed' as const, line: 5, column: 56,
      suggestions: keepWrapped(leakCode.replace('Buffer.from(Plaintext!)', 'Buffer.from(CiphertextBlob!)').replace("'dek.bin', Plaintext!", "'dek.bin', CiphertextBlob!")
        .replace('plain: Plaintext }', 'plain: CiphertextBlob }').replace('{ key: Plaintext }', '{ key: CiphertextBlob }')),
    },
    { messageId: 'dataKeyExposed' as const, line: 12, column: 30, suggestions: [] }],
  },
  {
    name: 'a data key cached on disk and returned from an exported function: one finding, no partial swap',
    code: `import { writeFile } from 'node:fs/promises';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export async function projectKey(cached: string, wrapped: Uint8Array): Promise<Uint8Array> {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { cached } }));
  await writeFile(cached, Plaintext!, { mode: 0o600 });
  return Plaintext!;
}
`,
    errors: [{ messageId: 'dataKeyExposed' as const, line: 5, column: 40, suggestions: [] }],
  },
  {
    name: 'an unwrapped data key (Decrypt of a wrapped key) in a logger',
    code: unwrapCode,
    errors: [{ messageId: 'dataKeyExposed' as const, line: 4, column: 49, suggestions: keepWrapped(unwrapCode.replace('{ dataKey }', '{ dataKey: wrappedKey }')) }],
  },
  {
    name: 'keys and secrets passed to console and loggers',
    code: `import { createHmac } from 'node:crypto';
import jwt from 'jsonwebtoken';
const signingKey = Buffer.from(process.env.SIGNING_KEY ?? '', 'base64');
export function boot(logger: { info(...a: unknown[]): void }) {
  console.log(\`JWT secret is \${process.env.JWT_SECRET}\`);
  logger.info('signing with', signingKey.toString('hex'));
  return [createHmac('sha256', signingKey).update('x').digest(), jwt.sign({}, process.env.JWT_SECRET!)];
}
`,
    errors: [{ messageId: 'secretLogged' as const, line: 5, column: 3 },
      { messageId: 'secretLogged' as const, line: 6, column: 3 }],
  },
  {
    name: 'a public method of an exported data-key cache class hands the key out; private helpers of a class do not',
    code: `import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
export class DataKeyCache {
  private readonly kms = new KMSClient({});
  async acquire(tenantId: string) {
    const out = await this.kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/t', KeySpec: 'AES_256', EncryptionContext: { tenantId } }));
    return { plaintext: out.Plaintext!, ciphertext: out.CiphertextBlob! };
  }
  async #fresh(tenantId: string) {
    const out = await this.kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/t', KeySpec: 'AES_256', EncryptionContext: { tenantId } }));
    return out.Plaintext!;
  }
  private async stale(tenantId: string) {
    const out = await this.kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/t', KeySpec: 'AES_256', EncryptionContext: { tenantId } }));
    return out.Plaintext!;
  }
}`,
    errors: [{ messageId: 'dataKeyExposed' as const, data: { sinks: 'returned from an exported function (line 6)' }, line: 5, column: 37, suggestions: [] }],
  },
  {
    name: 'returned by a GraphQL resolver of an exported resolver map and by a tRPC procedure of an exported router',
    code: `import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export const resolvers = {
  Mutation: {
    createKey: async (_p: unknown, args: { id: string }) => {
      const { Plaintext, CiphertextBlob } = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/ws', KeySpec: 'AES_256', EncryptionContext: { id: args.id } }));
      return { key: Buffer.from(Plaintext!).toString('base64'), wrapped: Buffer.from(CiphertextBlob!).toString('base64') };
    },
  },
};
export const router = t.router({
  newKey: procedure.input(schema).mutation(async ({ input }: { input: { id: string } }) => {
    const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/ws', KeySpec: 'AES_256', EncryptionContext: { id: input.id } }));
    return { key: dk.Plaintext! };
  }),
});`,
    errors: [
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'returned from an exported function (line 7)' }, line: 6, column: 60, suggestions: [] },
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'returned from an exported function (line 14)' }, line: 13, column: 31, suggestions: [] },
    ],
  },
  {
    name: 'a local helper returns the key in an object; its caller sends that field in a response (the wrapped field alone is fine)',
    code: `import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
async function issueKey(id: string) {
  const out = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/s', KeySpec: 'AES_256', EncryptionContext: { id } }));
  return { plaintext: out.Plaintext!, wrapped: out.CiphertextBlob! };
}
router.post('/shares', async (req: { body: { id: string } }, res: { json(v: object): void }) => {
  const key = await issueKey(req.body.id);
  res.json({ wrapped: Buffer.from(key.wrapped).toString('base64') });
  res.json({ fragment: Buffer.from(key.plaintext).toString('base64url') });
});`,
    errors: [{ messageId: 'dataKeyExposed' as const, data: { sinks: 'sent in a response (line 10)' }, line: 4, column: 30, suggestions: [] }],
  },
  {
    name: 'Object.assign of the whole GenerateDataKey result into a stored record; a rest binding of it spread into a DynamoDB item',
    code: `import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
const kms = new KMSClient({});
export async function store(prisma: any, docs: any, accountId: string) {
  const dataKey = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/st', KeySpec: 'AES_256', EncryptionContext: { accountId } }));
  try {
    const record = { accountId };
    Object.assign(record, dataKey);
    await prisma.statement.create({ data: record });
  } finally {
    dataKey.Plaintext?.fill(0);
  }
  const { $metadata, ...dk } = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/st', KeySpec: 'AES_256', EncryptionContext: { accountId } }));
  try {
    await docs.send(new PutCommand({ TableName: 't', Item: { pk: accountId, ...dk, status: $metadata.httpStatusCode } }));
  } finally {
    dk.Plaintext?.fill(0);
  }
}`,
    errors: [
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'stored in a database (line 9)' }, line: 5, column: 34, suggestions: [] },
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'stored in a database (line 15)' }, line: 13, column: 47, suggestions: [] },
    ],
  },
  {
    name: 'Sentry context and OpenTelemetry span attributes (error tracking and tracing)',
    code: `import * as Sentry from '@sentry/node';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export async function open(doc: { id: string; wrappedKey: Uint8Array }, span: { setAttribute(k: string, v: string): void }) {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: doc.wrappedKey, EncryptionContext: { id: doc.id } }));
  try {
    Sentry.withScope((scope) => scope.setContext('envelope', { keyHex: Buffer.from(Plaintext!).toString('hex') }));
  } finally {
    Plaintext?.fill(0);
  }
  const { Plaintext: second } = await kms.send(new DecryptCommand({ CiphertextBlob: doc.wrappedKey, EncryptionContext: { id: doc.id } }));
  try {
    span.setAttribute('kms.data_key', Buffer.from(second!).toString('base64'));
  } finally {
    second?.fill(0);
  }
}`,
    errors: [
      {
        messageId: 'dataKeyExposed' as const,
        data: { sinks: 'sent to error tracking or tracing (line 7)' },
        line: 5,
        column: 40,
        suggestions: [
          {
            messageId: 'keepWrappedKey' as const,
            output: `import * as Sentry from '@sentry/node';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export async function open(doc: { id: string; wrappedKey: Uint8Array }, span: { setAttribute(k: string, v: string): void }) {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: doc.wrappedKey, EncryptionContext: { id: doc.id } }));
  try {
    Sentry.withScope((scope) => scope.setContext('envelope', { keyHex: Buffer.from(doc.wrappedKey).toString('hex') }));
  } finally {
    Plaintext?.fill(0);
  }
  const { Plaintext: second } = await kms.send(new DecryptCommand({ CiphertextBlob: doc.wrappedKey, EncryptionContext: { id: doc.id } }));
  try {
    span.setAttribute('kms.data_key', Buffer.from(second!).toString('base64'));
  } finally {
    second?.fill(0);
  }
}`,
          },
        ],
      },
      {
        messageId: 'dataKeyExposed' as const,
        data: { sinks: 'sent to error tracking or tracing (line 13)' },
        line: 11,
        column: 48,
        suggestions: [{ messageId: 'keepWrappedKey' as const, output: `import * as Sentry from '@sentry/node';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export async function open(doc: { id: string; wrappedKey: Uint8Array }, span: { setAttribute(k: string, v: string): void }) {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: doc.wrappedKey, EncryptionContext: { id: doc.id } }));
  try {
    Sentry.withScope((scope) => scope.setContext('envelope', { keyHex: Buffer.from(Plaintext!).toString('hex') }));
  } finally {
    Plaintext?.fill(0);
  }
  const { Plaintext: second } = await kms.send(new DecryptCommand({ CiphertextBlob: doc.wrappedKey, EncryptionContext: { id: doc.id } }));
  try {
    span.setAttribute('kms.data_key', Buffer.from(doc.wrappedKey).toString('base64'));
  } finally {
    second?.fill(0);
  }
}` }],
      },
    ],
  },
  {
    name: 'put in process.env; written to sessionStorage through a local base64 helper (for-of and +=); sent by Hono c.json through btoa(String.fromCharCode(...))',
    code: `import { DecryptCommand, GenerateDataKeyCommand, KMS, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}
export async function boot(wrapped: Uint8Array) {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { app: 'a' } }));
  try {
    process.env.FIELD_KEY = Buffer.from(Plaintext!).toString('base64');
    sessionStorage.setItem('dek', toBase64(Plaintext!));
  } finally {
    Plaintext?.fill(0);
  }
}
app.post('/keys', async (c: any) => {
  const key = await new KMS({}).generateDataKey({ KeyId: 'alias/u', KeySpec: 'AES_256', EncryptionContext: { u: '1' } });
  return c.json({ dataKey: btoa(String.fromCharCode(...key.Plaintext!)) });
});`,
    errors: [
      { messageId: 'dataKeyExposed' as const, line: 9, column: 40, suggestions: [{ messageId: 'keepWrappedKey' as const, output: `import { DecryptCommand, GenerateDataKeyCommand, KMS, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}
export async function boot(wrapped: Uint8Array) {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { app: 'a' } }));
  try {
    process.env.FIELD_KEY = Buffer.from(wrapped).toString('base64');
    sessionStorage.setItem('dek', toBase64(wrapped));
  } finally {
    Plaintext?.fill(0);
  }
}
app.post('/keys', async (c: any) => {
  const key = await new KMS({}).generateDataKey({ KeyId: 'alias/u', KeySpec: 'AES_256', EncryptionContext: { u: '1' } });
  return c.json({ dataKey: btoa(String.fromCharCode(...key.Plaintext!)) });
});` }] },
      {
        messageId: 'dataKeyExposed' as const,
        data: { sinks: 'sent in a response (line 19)' },
        line: 18,
        column: 21,
        suggestions: [{ messageId: 'keepWrappedKey' as const, output: `import { DecryptCommand, GenerateDataKeyCommand, KMS, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}
export async function boot(wrapped: Uint8Array) {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { app: 'a' } }));
  try {
    process.env.FIELD_KEY = Buffer.from(Plaintext!).toString('base64');
    sessionStorage.setItem('dek', toBase64(Plaintext!));
  } finally {
    Plaintext?.fill(0);
  }
}
app.post('/keys', async (c: any) => {
  const key = await new KMS({}).generateDataKey({ KeyId: 'alias/u', KeySpec: 'AES_256', EncryptionContext: { u: '1' } });
  return c.json({ dataKey: btoa(String.fromCharCode(...key.CiphertextBlob!)) });
});` }],
      },
    ],
  },
  {
    name: 'Next.js route handler (NextResponse.json, new Response), a cookie, and a Socket.IO message',
    code: `import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { NextResponse } from 'next/server';
const kms = new KMSClient({});
async function handler(req: Request, socket: { emit(e: string, v: unknown): void }, res: { cookie(n: string, v: string): void }) {
  const a = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/n', KeySpec: 'AES_256', EncryptionContext: { r: '1' } }));
  const b = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/n', KeySpec: 'AES_256', EncryptionContext: { r: '2' } }));
  const c = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/n', KeySpec: 'AES_256', EncryptionContext: { r: '3' } }));
  const d = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/n', KeySpec: 'AES_256', EncryptionContext: { r: '4' } }));
  socket.emit('key', Buffer.from(a.Plaintext!).toString('base64'));
  res.cookie('dek', Buffer.from(b.Plaintext!).toString('base64'));
  if (req.method === 'PUT') return new Response(JSON.stringify({ key: Buffer.from(c.Plaintext!).toString('base64') }));
  return NextResponse.json({ key: Buffer.from(d.Plaintext!).toString('base64') });
}
export { handler as POST };`,
    errors: [5, 6, 7, 8].map((line, i) => ({
      messageId: 'dataKeyExposed' as const,
      data: { sinks: `sent in a response (line ${9 + i})` },
      line,
      column: 28,
      suggestions: [
        {
          messageId: 'keepWrappedKey' as const,
          output: `import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { NextResponse } from 'next/server';
const kms = new KMSClient({});
async function handler(req: Request, socket: { emit(e: string, v: unknown): void }, res: { cookie(n: string, v: string): void }) {
  const a = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/n', KeySpec: 'AES_256', EncryptionContext: { r: '1' } }));
  const b = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/n', KeySpec: 'AES_256', EncryptionContext: { r: '2' } }));
  const c = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/n', KeySpec: 'AES_256', EncryptionContext: { r: '3' } }));
  const d = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/n', KeySpec: 'AES_256', EncryptionContext: { r: '4' } }));
  socket.emit('key', Buffer.from(${i === 0 ? 'a.CiphertextBlob!' : 'a.Plaintext!'}).toString('base64'));
  res.cookie('dek', Buffer.from(${i === 1 ? 'b.CiphertextBlob!' : 'b.Plaintext!'}).toString('base64'));
  if (req.method === 'PUT') return new Response(JSON.stringify({ key: Buffer.from(${i === 2 ? 'c.CiphertextBlob!' : 'c.Plaintext!'}).toString('base64') }));
  return NextResponse.json({ key: Buffer.from(${i === 3 ? 'd.CiphertextBlob!' : 'd.Plaintext!'}).toString('base64') });
}
export { handler as POST };`,
        },
      ],
    })),
  },
  {
    name: 'kept in a field (this.dataKey) and logged from that field; a field used only as a cipher key is fine',
    code: `import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { createCipheriv, randomBytes } from 'node:crypto';
const kms = new KMSClient({});
export class KeyService {
  private dataKey?: Uint8Array;
  private sealKey?: Uint8Array;
  constructor(private readonly logger: { info(...a: unknown[]): void }) {}
  async load(wrapped: Uint8Array, wrappedSeal: Uint8Array) {
    const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { s: 'k' } }));
    this.dataKey = Plaintext;
    const second = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedSeal, EncryptionContext: { s: 's' } }));
    this.sealKey = second.Plaintext;
  }
  report() {
    this.logger.info('loaded data key', this.dataKey);
    return createCipheriv('aes-256-gcm', this.sealKey!, randomBytes(12));
  }
}`,
    errors: [{ messageId: 'dataKeyExposed' as const, data: { sinks: 'written to a log (line 15)' }, line: 9, column: 42, suggestions: [] }],
  },
  // Fifth KMS blind set (session 7): shapes the held-out authors write.
  {
    name: 'a client injected by type (Nest constructor parameter property `kms: KMS`): the data key returned by a public method of an exported class',
    code: `import { Inject } from '@nestjs/common';
import { KMS } from '@aws-sdk/client-kms';
export class KeysController {
  constructor(@Inject('KMS') private readonly kms: KMS) {}
  async issue(id: string) {
    const dk = await this.kms.generateDataKey({ KeyId: process.env.KEK, KeySpec: 'AES_256', EncryptionContext: { id } });
    return { key: Buffer.from(dk.Plaintext!).toString('base64'), wrapped: Buffer.from(dk.CiphertextBlob!).toString('base64') };
  }
}`,
    errors: [
      {
        messageId: 'dataKeyExposed' as const,
        data: { sinks: 'returned from an exported function (line 7)' },
        line: 6,
        column: 22,
        suggestions: [],
      },
    ],
  },
  {
    name: 'a pino child logger made with the key among its bindings (named rootLogger): every line it writes carries the key',
    code: `import pino from 'pino';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const rootLogger = pino();
const kms = new KMSClient({});
export async function handle(tenant: { id: string; wrappedKey: Uint8Array }) {
  const unwrapped = await kms.send(new DecryptCommand({ CiphertextBlob: tenant.wrappedKey, EncryptionContext: { tenantId: tenant.id } }));
  try {
    const log = rootLogger.child({ tenantId: tenant.id, tenantKey: unwrapped.Plaintext });
    log.info('sealed');
  } finally {
    unwrapped.Plaintext?.fill(0);
  }
}`,
    errors: [
      {
        messageId: 'dataKeyExposed' as const,
        data: { sinks: 'written to a log (line 8)' },
        line: 6,
        column: 36,
        suggestions: keepWrapped(`import pino from 'pino';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const rootLogger = pino();
const kms = new KMSClient({});
export async function handle(tenant: { id: string; wrappedKey: Uint8Array }) {
  const unwrapped = await kms.send(new DecryptCommand({ CiphertextBlob: tenant.wrappedKey, EncryptionContext: { tenantId: tenant.id } }));
  try {
    const log = rootLogger.child({ tenantId: tenant.id, tenantKey: tenant.wrappedKey });
    log.info('sealed');
  } finally {
    unwrapped.Plaintext?.fill(0);
  }
}`),
      },
    ],
  },
  {
    name: 'IndexedDB through idb-keyval: the unwrapped key kept in browser storage',
    code: `import { set } from 'idb-keyval';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export async function remember(vaultId: string, wrapped: Uint8Array) {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { vaultId } }));
  try {
    await set(\`vault-key:\${vaultId}\`, Plaintext!.slice());
  } finally {
    Plaintext?.fill(0);
  }
}`,
    errors: [
      {
        messageId: 'dataKeyExposed' as const,
        data: { sinks: 'written to browser storage (line 7)' },
        line: 5,
        column: 40,
        suggestions: keepWrapped(`import { set } from 'idb-keyval';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export async function remember(vaultId: string, wrapped: Uint8Array) {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { vaultId } }));
  try {
    await set(\`vault-key:\${vaultId}\`, wrapped.slice());
  } finally {
    Plaintext?.fill(0);
  }
}`),
      },
    ],
  },
  {
    name: 'a Kafka producer (kafkajs producer.send) carries the data key to every consumer',
    code: `import { Kafka } from 'kafkajs';
import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
const producer = new Kafka({ clientId: 'k', brokers: ['b:9092'] }).producer();
const kms = new KMSClient({});
export async function announce(tenantId: string) {
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: process.env.KEK, KeySpec: 'AES_256', EncryptionContext: { tenantId } }));
  try {
    await producer.send({ topic: 'tenant-keys', messages: [{ key: tenantId, value: JSON.stringify({ dataKey: Buffer.from(dk.Plaintext!).toString('base64') }) }] });
  } finally {
    dk.Plaintext?.fill(0);
  }
}`,
    errors: [
      {
        messageId: 'dataKeyExposed' as const,
        data: { sinks: 'put in a job or message payload (line 8)' },
        line: 6,
        column: 29,
        suggestions: keepWrapped(`import { Kafka } from 'kafkajs';
import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
const producer = new Kafka({ clientId: 'k', brokers: ['b:9092'] }).producer();
const kms = new KMSClient({});
export async function announce(tenantId: string) {
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: process.env.KEK, KeySpec: 'AES_256', EncryptionContext: { tenantId } }));
  try {
    await producer.send({ topic: 'tenant-keys', messages: [{ key: tenantId, value: JSON.stringify({ dataKey: Buffer.from(dk.CiphertextBlob!).toString('base64') }) }] });
  } finally {
    dk.Plaintext?.fill(0);
  }
}`),
      },
    ],
  },
  {
    name: 'a gRPC unary handler answers with the key through its `callback: grpc.sendUnaryData<…>` (a response, though the handler is not exported)',
    code: `import * as grpc from '@grpc/grpc-js';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
async function unwrap(call: grpc.ServerUnaryCall<{ id: string; wrapped: Uint8Array }, unknown>, callback: grpc.sendUnaryData<unknown>) {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: call.request.wrapped, EncryptionContext: { id: call.request.id } }));
  try {
    callback(null, { dataKey: Buffer.from(Plaintext!) });
  } finally {
    Plaintext?.fill(0);
  }
}
export const handlers = { unwrap };`,
    errors: [
      {
        messageId: 'dataKeyExposed' as const,
        data: { sinks: 'sent in a response (line 7)' },
        line: 5,
        column: 40,
        suggestions: keepWrapped(`import * as grpc from '@grpc/grpc-js';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
async function unwrap(call: grpc.ServerUnaryCall<{ id: string; wrapped: Uint8Array }, unknown>, callback: grpc.sendUnaryData<unknown>) {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: call.request.wrapped, EncryptionContext: { id: call.request.id } }));
  try {
    callback(null, { dataKey: Buffer.from(call.request.wrapped) });
  } finally {
    Plaintext?.fill(0);
  }
}
export const handlers = { unwrap };`),
      },
    ],
  },
  {
    name: 'a method of a local class returns the key; the caller (through an instance) sends it in a response',
    code: `import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
class KeyMint {
  private readonly kms = new KMSClient({});
  async mint(id: string) {
    const out = await this.kms.send(new GenerateDataKeyCommand({ KeyId: process.env.KEK, KeySpec: 'AES_256', EncryptionContext: { id } }));
    return { plaintext: out.Plaintext!, wrapped: out.CiphertextBlob! };
  }
}
export function routes(app: { post(p: string, h: (req: { params: { id: string } }, reply: { send(v: unknown): unknown }) => Promise<unknown>): void }) {
  const mint = new KeyMint();
  app.post('/keys/:id', async (req, reply) => {
    const minted = await mint.mint(req.params.id);
    try {
      return reply.send({ key: Buffer.from(minted.plaintext).toString('base64') });
    } finally {
      minted.plaintext.fill(0);
    }
  });
}`,
    errors: [{ messageId: 'dataKeyExposed' as const, data: { sinks: 'sent in a response (line 14)' }, line: 5, column: 37, suggestions: [] }],
  },
  {
    name: 'an exported generator yields data keys; an exported function returns the key from a .then callback',
    code: `import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import AWS from 'aws-sdk';
const kms = new KMSClient({});
const v2 = new AWS.KMS();
export async function* dataKeys(count: number) {
  for (let i = 0; i < count; i++) {
    const out = await kms.send(new GenerateDataKeyCommand({ KeyId: process.env.KEK, KeySpec: 'AES_256', EncryptionContext: { i: String(i) } }));
    yield { plaintext: out.Plaintext!, wrapped: out.CiphertextBlob! };
  }
}
export function unwrapKey(wrapped: Buffer) {
  return v2.decrypt({ CiphertextBlob: wrapped, EncryptionContext: { app: 'x' } }).promise().then((data) => data.Plaintext);
}`,
    errors: [
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'returned from an exported function (line 8)' }, line: 7, column: 32, suggestions: [] },
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'returned from an exported function (line 12)' }, line: 12, column: 10, suggestions: [] },
    ],
  },
  {
    name: 'keys pushed into a local array that an exported function returns, and into a prefetch queue an exported generator yields from',
    code: `import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export async function batchKeys(count: number) {
  const keys: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const out = await kms.send(new GenerateDataKeyCommand({ KeyId: process.env.KEK, KeySpec: 'AES_256', EncryptionContext: { i: String(i) } }));
    keys.push(out.Plaintext!);
  }
  return keys;
}
export async function* prefetched(count: number) {
  const ahead: Promise<{ plaintext: Uint8Array }>[] = [];
  const request = (i: number) => kms.send(new GenerateDataKeyCommand({ KeyId: process.env.KEK, KeySpec: 'AES_256', EncryptionContext: { i: String(i) } })).then((out) => ({ plaintext: out.Plaintext! }));
  for (let i = 0; i < count; i++) ahead.push(request(i));
  while (ahead.length > 0) {
    const key = await ahead.shift()!;
    yield key;
  }
}`,
    errors: [
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'returned from an exported function (line 9)' }, line: 6, column: 32, suggestions: [] },
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'returned from an exported function (line 17)' }, line: 13, column: 43, suggestions: [] },
    ],
  },
  {
    name: 'a raw WebCrypto key exported and logged as hex through a local helper (on the logging call)',
    code: `const toHex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
export async function newSessionKey(id: string): Promise<CryptoKey> {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  const raw = await crypto.subtle.exportKey('raw', key);
  console.debug(\`session \${id} key=\${toHex(raw)}\`);
  return key;
}`,
    errors: [{ messageId: 'secretLogged' as const, data: { name: '`raw`', sink: 'written to a log' }, line: 5, column: 3 }],
  },
  // Sixth KMS blind set (session 10).
  {
    name: 'returned by handlers whose return value answers a remote caller: Electron ipcMain.handle, Azure Functions app.http (inline and by name)',
    code: `import { ipcMain } from 'electron';
import { app } from '@azure/functions';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
ipcMain.handle('vault:unlock', async (_e: unknown, wrappedKey: Uint8Array) => {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { v: '1' } }));
  return { rawKey: Plaintext };
});
async function shareKey(req: { params: { wrappedKey: string } }) {
  const out = await kms.send(new DecryptCommand({ CiphertextBlob: Buffer.from(req.params.wrappedKey, 'base64'), EncryptionContext: { v: '2' } }));
  return { jsonBody: { k: Buffer.from(out.Plaintext!).toString('base64url') } };
}
app.http('shareKey', { methods: ['GET'], handler: shareKey });
app.http('openKey', {
  handler: async (req: { params: { wrappedKey: string } }) => {
    const out = await kms.send(new DecryptCommand({ CiphertextBlob: Buffer.from(req.params.wrappedKey, 'base64'), EncryptionContext: { v: '3' } }));
    return { body: Buffer.from(out.Plaintext!) };
  },
});`,
    errors: [
      {
        messageId: 'dataKeyExposed' as const,
        data: { sinks: 'sent in a response (line 7)' },
        line: 6,
        column: 40,
        suggestions: keepWrapped(`import { ipcMain } from 'electron';
import { app } from '@azure/functions';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
ipcMain.handle('vault:unlock', async (_e: unknown, wrappedKey: Uint8Array) => {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { v: '1' } }));
  return { rawKey: wrappedKey };
});
async function shareKey(req: { params: { wrappedKey: string } }) {
  const out = await kms.send(new DecryptCommand({ CiphertextBlob: Buffer.from(req.params.wrappedKey, 'base64'), EncryptionContext: { v: '2' } }));
  return { jsonBody: { k: Buffer.from(out.Plaintext!).toString('base64url') } };
}
app.http('shareKey', { methods: ['GET'], handler: shareKey });
app.http('openKey', {
  handler: async (req: { params: { wrappedKey: string } }) => {
    const out = await kms.send(new DecryptCommand({ CiphertextBlob: Buffer.from(req.params.wrappedKey, 'base64'), EncryptionContext: { v: '3' } }));
    return { body: Buffer.from(out.Plaintext!) };
  },
});`),
      },
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'sent in a response (line 11)' }, line: 10, column: 30, suggestions: [] },
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'sent in a response (line 17)' }, line: 16, column: 32, suggestions: [] },
    ],
  },
  {
    name: 'returned by GraphQL resolvers handed to a server as `resolvers` (a local map given to mercurius, an inline map given to ApolloServer)',
    code: `import mercurius from 'mercurius';
import { ApolloServer } from '@apollo/server';
import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const resolvers = {
  Mutation: {
    async createKey(_root: unknown, args: { id: string }) {
      const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/nb', KeySpec: 'AES_256', EncryptionContext: { id: args.id } }));
      return { key: Buffer.from(dk.Plaintext!).toString('base64') };
    },
  },
};
app.register(mercurius, { schema, resolvers });
const server = new ApolloServer({
  typeDefs,
  resolvers: {
    Query: {
      key: async () => {
        const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/nb', KeySpec: 'AES_256', EncryptionContext: { q: '1' } }));
        return dk.Plaintext;
      },
    },
  },
});`,
    errors: [
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'sent in a response (line 9)' }, line: 8, column: 33, suggestions: keepWrapped(`import mercurius from 'mercurius';
import { ApolloServer } from '@apollo/server';
import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const resolvers = {
  Mutation: {
    async createKey(_root: unknown, args: { id: string }) {
      const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/nb', KeySpec: 'AES_256', EncryptionContext: { id: args.id } }));
      return { key: Buffer.from(dk.CiphertextBlob!).toString('base64') };
    },
  },
};
app.register(mercurius, { schema, resolvers });
const server = new ApolloServer({
  typeDefs,
  resolvers: {
    Query: {
      key: async () => {
        const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/nb', KeySpec: 'AES_256', EncryptionContext: { q: '1' } }));
        return dk.Plaintext;
      },
    },
  },
});`) },
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'sent in a response (line 20)' }, line: 19, column: 35, suggestions: keepWrapped(`import mercurius from 'mercurius';
import { ApolloServer } from '@apollo/server';
import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const resolvers = {
  Mutation: {
    async createKey(_root: unknown, args: { id: string }) {
      const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/nb', KeySpec: 'AES_256', EncryptionContext: { id: args.id } }));
      return { key: Buffer.from(dk.Plaintext!).toString('base64') };
    },
  },
};
app.register(mercurius, { schema, resolvers });
const server = new ApolloServer({
  typeDefs,
  resolvers: {
    Query: {
      key: async () => {
        const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/nb', KeySpec: 'AES_256', EncryptionContext: { q: '1' } }));
        return dk.CiphertextBlob;
      },
    },
  },
});`) },
    ],
  },
  {
    name: 'a claim of a JWT (jsonwebtoken sign: signed, not encrypted) set as a cookie; Powertools appendKeys; an OpenTelemetry log record',
    code: `import jwt from 'jsonwebtoken';
import { Logger } from '@aws-lambda-powertools/logger';
import { logs } from '@opentelemetry/api-logs';
import { DecryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const logger = new Logger({ serviceName: 's' });
const otelLogger = logs.getLogger('s');
export async function login(res: { cookie(n: string, v: string): void }, userId: string) {
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/d', KeySpec: 'AES_256', EncryptionContext: { userId } }));
  const token = jwt.sign({ sub: userId, drafts_key: Buffer.from(dk.Plaintext!).toString('base64url') }, process.env.JWT_KEY!, { algorithm: 'HS256' });
  res.cookie('session', token);
}
export async function open(wrappedKey: Uint8Array) {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { a: '1' } }));
  logger.appendKeys({ dataKey: Buffer.from(Plaintext!).toString('hex') });
  const second = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { a: '2' } }));
  otelLogger.emit({ body: 'unwrapped', attributes: { key: Buffer.from(second.Plaintext!).toString('base64') } });
}`,
    errors: [
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'sent in a response (line 11)' }, line: 9, column: 29, suggestions: [] },
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'written to a log (line 15)' }, line: 14, column: 40, suggestions: keepWrapped(`import jwt from 'jsonwebtoken';
import { Logger } from '@aws-lambda-powertools/logger';
import { logs } from '@opentelemetry/api-logs';
import { DecryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const logger = new Logger({ serviceName: 's' });
const otelLogger = logs.getLogger('s');
export async function login(res: { cookie(n: string, v: string): void }, userId: string) {
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/d', KeySpec: 'AES_256', EncryptionContext: { userId } }));
  const token = jwt.sign({ sub: userId, drafts_key: Buffer.from(dk.Plaintext!).toString('base64url') }, process.env.JWT_KEY!, { algorithm: 'HS256' });
  res.cookie('session', token);
}
export async function open(wrappedKey: Uint8Array) {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { a: '1' } }));
  logger.appendKeys({ dataKey: Buffer.from(wrappedKey).toString('hex') });
  const second = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { a: '2' } }));
  otelLogger.emit({ body: 'unwrapped', attributes: { key: Buffer.from(second.Plaintext!).toString('base64') } });
}`) },
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'written to a log (line 17)' }, line: 16, column: 33, suggestions: keepWrapped(`import jwt from 'jsonwebtoken';
import { Logger } from '@aws-lambda-powertools/logger';
import { logs } from '@opentelemetry/api-logs';
import { DecryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const logger = new Logger({ serviceName: 's' });
const otelLogger = logs.getLogger('s');
export async function login(res: { cookie(n: string, v: string): void }, userId: string) {
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/d', KeySpec: 'AES_256', EncryptionContext: { userId } }));
  const token = jwt.sign({ sub: userId, drafts_key: Buffer.from(dk.Plaintext!).toString('base64url') }, process.env.JWT_KEY!, { algorithm: 'HS256' });
  res.cookie('session', token);
}
export async function open(wrappedKey: Uint8Array) {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { a: '1' } }));
  logger.appendKeys({ dataKey: Buffer.from(Plaintext!).toString('hex') });
  const second = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { a: '2' } }));
  otelLogger.emit({ body: 'unwrapped', attributes: { key: Buffer.from(wrappedKey).toString('base64') } });
}`) },
    ],
  },
  {
    name: 'put into a local object literal under a computed attribute (item[attr] = { B: key }) that is then stored',
    code: `import { DynamoDBClient, PutItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const ddb = new DynamoDBClient({});
export async function putItem(pk: string, descAttr: string) {
  const material = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/ddb', KeySpec: 'AES_256', EncryptionContext: { pk } }));
  const item: Record<string, AttributeValue> = { pk: { S: pk } };
  item[descAttr] = { M: { wrapped: { B: material.CiphertextBlob! }, content: { B: material.Plaintext! } } };
  await ddb.send(new PutItemCommand({ TableName: 't', Item: item }));
}`,
    errors: [{ messageId: 'dataKeyExposed' as const, data: { sinks: 'stored in a database (line 9)' }, line: 6, column: 35, suggestions: [] }],
  },
  {
    name: 'returned by Fastify route handlers (the router sends the return value): an app made by the factory, `route({ handler })`, a plugin parameter `fastify`',
    code: `import Fastify from 'fastify';
import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const app = Fastify();
app.post('/keys', async () => {
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/f', KeySpec: 'AES_256', EncryptionContext: { f: '1' } }));
  return { key: Buffer.from(dk.Plaintext!).toString('base64') };
});
app.route({
  method: 'GET',
  url: '/k2',
  handler: async () => {
    const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/f', KeySpec: 'AES_256', EncryptionContext: { f: '2' } }));
    return { key: dk.Plaintext };
  },
});
async function routes(fastify: unknown) {
  (fastify as any).get('/k3', { schema: {} }, async () => {
    const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/f', KeySpec: 'AES_256', EncryptionContext: { f: '3' } }));
    return { key: dk.Plaintext };
  });
}
app.register(routes);`,
    errors: [
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'sent in a response (line 7)' }, line: 6, column: 29, suggestions: keepWrapped(`import Fastify from 'fastify';
import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const app = Fastify();
app.post('/keys', async () => {
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/f', KeySpec: 'AES_256', EncryptionContext: { f: '1' } }));
  return { key: Buffer.from(dk.CiphertextBlob!).toString('base64') };
});
app.route({
  method: 'GET',
  url: '/k2',
  handler: async () => {
    const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/f', KeySpec: 'AES_256', EncryptionContext: { f: '2' } }));
    return { key: dk.Plaintext };
  },
});
async function routes(fastify: unknown) {
  (fastify as any).get('/k3', { schema: {} }, async () => {
    const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/f', KeySpec: 'AES_256', EncryptionContext: { f: '3' } }));
    return { key: dk.Plaintext };
  });
}
app.register(routes);`) },
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'sent in a response (line 14)' }, line: 13, column: 31, suggestions: keepWrapped(`import Fastify from 'fastify';
import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const app = Fastify();
app.post('/keys', async () => {
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/f', KeySpec: 'AES_256', EncryptionContext: { f: '1' } }));
  return { key: Buffer.from(dk.Plaintext!).toString('base64') };
});
app.route({
  method: 'GET',
  url: '/k2',
  handler: async () => {
    const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/f', KeySpec: 'AES_256', EncryptionContext: { f: '2' } }));
    return { key: dk.CiphertextBlob };
  },
});
async function routes(fastify: unknown) {
  (fastify as any).get('/k3', { schema: {} }, async () => {
    const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/f', KeySpec: 'AES_256', EncryptionContext: { f: '3' } }));
    return { key: dk.Plaintext };
  });
}
app.register(routes);`) },
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'sent in a response (line 20)' }, line: 19, column: 31, suggestions: keepWrapped(`import Fastify from 'fastify';
import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const app = Fastify();
app.post('/keys', async () => {
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/f', KeySpec: 'AES_256', EncryptionContext: { f: '1' } }));
  return { key: Buffer.from(dk.Plaintext!).toString('base64') };
});
app.route({
  method: 'GET',
  url: '/k2',
  handler: async () => {
    const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/f', KeySpec: 'AES_256', EncryptionContext: { f: '2' } }));
    return { key: dk.Plaintext };
  },
});
async function routes(fastify: unknown) {
  (fastify as any).get('/k3', { schema: {} }, async () => {
    const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/f', KeySpec: 'AES_256', EncryptionContext: { f: '3' } }));
    return { key: dk.CiphertextBlob };
  });
}
app.register(routes);`) },
    ],
  },
  {
    name: 'a ws connection (first parameter of a `connection` listener, whatever its name), Electron webContents.send, process.stdout.write, Koa ctx.response.body',
    code: `import { WebSocketServer } from 'ws';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const wss = new WebSocketServer({ port: 8080 });
wss.on('connection', (conn: { send(v: string): void }) => {
  conn.send('hello');
  void (async () => {
    const one = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { c: '1' } }));
    conn.send(Buffer.from(one.Plaintext!).toString('base64'));
  })();
});
export async function more(win: any, ctx: any, wrappedKey: Uint8Array) {
  const two = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { c: '2' } }));
  win.webContents.send('vault-key', Buffer.from(two.Plaintext!).toString('base64'));
  const three = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { c: '3' } }));
  process.stdout.write(Buffer.from(three.Plaintext!).toString('hex') + '\\n');
  const four = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { c: '4' } }));
  ctx.response.body = { key: Buffer.from(four.Plaintext!).toString('base64') };
}`,
    errors: [
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'sent in a response (line 9)' }, line: 8, column: 32, suggestions: keepWrapped(`import { WebSocketServer } from 'ws';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const wss = new WebSocketServer({ port: 8080 });
wss.on('connection', (conn: { send(v: string): void }) => {
  conn.send('hello');
  void (async () => {
    const one = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { c: '1' } }));
    conn.send(Buffer.from(wrappedKey).toString('base64'));
  })();
});
export async function more(win: any, ctx: any, wrappedKey: Uint8Array) {
  const two = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { c: '2' } }));
  win.webContents.send('vault-key', Buffer.from(two.Plaintext!).toString('base64'));
  const three = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { c: '3' } }));
  process.stdout.write(Buffer.from(three.Plaintext!).toString('hex') + '\\n');
  const four = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { c: '4' } }));
  ctx.response.body = { key: Buffer.from(four.Plaintext!).toString('base64') };
}`) },
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'sent in a response (line 14)' }, line: 13, column: 30, suggestions: keepWrapped(`import { WebSocketServer } from 'ws';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const wss = new WebSocketServer({ port: 8080 });
wss.on('connection', (conn: { send(v: string): void }) => {
  conn.send('hello');
  void (async () => {
    const one = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { c: '1' } }));
    conn.send(Buffer.from(one.Plaintext!).toString('base64'));
  })();
});
export async function more(win: any, ctx: any, wrappedKey: Uint8Array) {
  const two = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { c: '2' } }));
  win.webContents.send('vault-key', Buffer.from(wrappedKey).toString('base64'));
  const three = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { c: '3' } }));
  process.stdout.write(Buffer.from(three.Plaintext!).toString('hex') + '\\n');
  const four = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { c: '4' } }));
  ctx.response.body = { key: Buffer.from(four.Plaintext!).toString('base64') };
}`) },
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'written to a log (line 16)' }, line: 15, column: 32, suggestions: keepWrapped(`import { WebSocketServer } from 'ws';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const wss = new WebSocketServer({ port: 8080 });
wss.on('connection', (conn: { send(v: string): void }) => {
  conn.send('hello');
  void (async () => {
    const one = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { c: '1' } }));
    conn.send(Buffer.from(one.Plaintext!).toString('base64'));
  })();
});
export async function more(win: any, ctx: any, wrappedKey: Uint8Array) {
  const two = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { c: '2' } }));
  win.webContents.send('vault-key', Buffer.from(two.Plaintext!).toString('base64'));
  const three = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { c: '3' } }));
  process.stdout.write(Buffer.from(wrappedKey).toString('hex') + '\\n');
  const four = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { c: '4' } }));
  ctx.response.body = { key: Buffer.from(four.Plaintext!).toString('base64') };
}`) },
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'sent in a response (line 18)' }, line: 17, column: 31, suggestions: keepWrapped(`import { WebSocketServer } from 'ws';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const wss = new WebSocketServer({ port: 8080 });
wss.on('connection', (conn: { send(v: string): void }) => {
  conn.send('hello');
  void (async () => {
    const one = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { c: '1' } }));
    conn.send(Buffer.from(one.Plaintext!).toString('base64'));
  })();
});
export async function more(win: any, ctx: any, wrappedKey: Uint8Array) {
  const two = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { c: '2' } }));
  win.webContents.send('vault-key', Buffer.from(two.Plaintext!).toString('base64'));
  const three = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { c: '3' } }));
  process.stdout.write(Buffer.from(three.Plaintext!).toString('hex') + '\\n');
  const four = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { c: '4' } }));
  ctx.response.body = { key: Buffer.from(wrappedKey).toString('base64') };
}`) },
    ],
  },
  {
    name: 'a write stream held in a variable, util.debuglog and consola loggers, Redis list/stream/pub-sub/hash writes',
    code: `import fs from 'node:fs';
import util from 'node:util';
import { consola } from 'consola';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const trace = util.debuglog('kms');
export async function leak(wrappedKey: Uint8Array, redis: any) {
  const a = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '1' } }));
  const out = fs.createWriteStream('/tmp/keys.txt');
  out.write(Buffer.from(a.Plaintext!).toString('hex'));
  const b = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '2' } }));
  trace('key %s', Buffer.from(b.Plaintext!).toString('hex'));
  const c = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '3' } }));
  consola.info('key', Buffer.from(c.Plaintext!).toString('hex'));
  const d = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '4' } }));
  await redis.rpush('keys', Buffer.from(d.Plaintext!).toString('base64'));
  const e = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '5' } }));
  await redis.publish('keys', Buffer.from(e.Plaintext!).toString('base64'));
  const f = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '6' } }));
  await redis.xadd('keys', '*', 'key', Buffer.from(f.Plaintext!).toString('base64'));
}`,
    errors: [
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'written to disk (line 10)' }, line: 8, column: 28, suggestions: keepWrapped(`import fs from 'node:fs';
import util from 'node:util';
import { consola } from 'consola';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const trace = util.debuglog('kms');
export async function leak(wrappedKey: Uint8Array, redis: any) {
  const a = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '1' } }));
  const out = fs.createWriteStream('/tmp/keys.txt');
  out.write(Buffer.from(wrappedKey).toString('hex'));
  const b = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '2' } }));
  trace('key %s', Buffer.from(b.Plaintext!).toString('hex'));
  const c = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '3' } }));
  consola.info('key', Buffer.from(c.Plaintext!).toString('hex'));
  const d = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '4' } }));
  await redis.rpush('keys', Buffer.from(d.Plaintext!).toString('base64'));
  const e = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '5' } }));
  await redis.publish('keys', Buffer.from(e.Plaintext!).toString('base64'));
  const f = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '6' } }));
  await redis.xadd('keys', '*', 'key', Buffer.from(f.Plaintext!).toString('base64'));
}`) },
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'written to a log (line 12)' }, line: 11, column: 28, suggestions: keepWrapped(`import fs from 'node:fs';
import util from 'node:util';
import { consola } from 'consola';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const trace = util.debuglog('kms');
export async function leak(wrappedKey: Uint8Array, redis: any) {
  const a = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '1' } }));
  const out = fs.createWriteStream('/tmp/keys.txt');
  out.write(Buffer.from(a.Plaintext!).toString('hex'));
  const b = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '2' } }));
  trace('key %s', Buffer.from(wrappedKey).toString('hex'));
  const c = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '3' } }));
  consola.info('key', Buffer.from(c.Plaintext!).toString('hex'));
  const d = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '4' } }));
  await redis.rpush('keys', Buffer.from(d.Plaintext!).toString('base64'));
  const e = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '5' } }));
  await redis.publish('keys', Buffer.from(e.Plaintext!).toString('base64'));
  const f = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '6' } }));
  await redis.xadd('keys', '*', 'key', Buffer.from(f.Plaintext!).toString('base64'));
}`) },
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'written to a log (line 14)' }, line: 13, column: 28, suggestions: keepWrapped(`import fs from 'node:fs';
import util from 'node:util';
import { consola } from 'consola';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const trace = util.debuglog('kms');
export async function leak(wrappedKey: Uint8Array, redis: any) {
  const a = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '1' } }));
  const out = fs.createWriteStream('/tmp/keys.txt');
  out.write(Buffer.from(a.Plaintext!).toString('hex'));
  const b = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '2' } }));
  trace('key %s', Buffer.from(b.Plaintext!).toString('hex'));
  const c = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '3' } }));
  consola.info('key', Buffer.from(wrappedKey).toString('hex'));
  const d = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '4' } }));
  await redis.rpush('keys', Buffer.from(d.Plaintext!).toString('base64'));
  const e = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '5' } }));
  await redis.publish('keys', Buffer.from(e.Plaintext!).toString('base64'));
  const f = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '6' } }));
  await redis.xadd('keys', '*', 'key', Buffer.from(f.Plaintext!).toString('base64'));
}`) },
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'stored in a database (line 16)' }, line: 15, column: 28, suggestions: keepWrapped(`import fs from 'node:fs';
import util from 'node:util';
import { consola } from 'consola';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const trace = util.debuglog('kms');
export async function leak(wrappedKey: Uint8Array, redis: any) {
  const a = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '1' } }));
  const out = fs.createWriteStream('/tmp/keys.txt');
  out.write(Buffer.from(a.Plaintext!).toString('hex'));
  const b = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '2' } }));
  trace('key %s', Buffer.from(b.Plaintext!).toString('hex'));
  const c = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '3' } }));
  consola.info('key', Buffer.from(c.Plaintext!).toString('hex'));
  const d = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '4' } }));
  await redis.rpush('keys', Buffer.from(wrappedKey).toString('base64'));
  const e = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '5' } }));
  await redis.publish('keys', Buffer.from(e.Plaintext!).toString('base64'));
  const f = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '6' } }));
  await redis.xadd('keys', '*', 'key', Buffer.from(f.Plaintext!).toString('base64'));
}`) },
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'stored in a database (line 18)' }, line: 17, column: 28, suggestions: keepWrapped(`import fs from 'node:fs';
import util from 'node:util';
import { consola } from 'consola';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const trace = util.debuglog('kms');
export async function leak(wrappedKey: Uint8Array, redis: any) {
  const a = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '1' } }));
  const out = fs.createWriteStream('/tmp/keys.txt');
  out.write(Buffer.from(a.Plaintext!).toString('hex'));
  const b = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '2' } }));
  trace('key %s', Buffer.from(b.Plaintext!).toString('hex'));
  const c = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '3' } }));
  consola.info('key', Buffer.from(c.Plaintext!).toString('hex'));
  const d = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '4' } }));
  await redis.rpush('keys', Buffer.from(d.Plaintext!).toString('base64'));
  const e = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '5' } }));
  await redis.publish('keys', Buffer.from(wrappedKey).toString('base64'));
  const f = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '6' } }));
  await redis.xadd('keys', '*', 'key', Buffer.from(f.Plaintext!).toString('base64'));
}`) },
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'stored in a database (line 20)' }, line: 19, column: 28, suggestions: keepWrapped(`import fs from 'node:fs';
import util from 'node:util';
import { consola } from 'consola';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const trace = util.debuglog('kms');
export async function leak(wrappedKey: Uint8Array, redis: any) {
  const a = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '1' } }));
  const out = fs.createWriteStream('/tmp/keys.txt');
  out.write(Buffer.from(a.Plaintext!).toString('hex'));
  const b = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '2' } }));
  trace('key %s', Buffer.from(b.Plaintext!).toString('hex'));
  const c = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '3' } }));
  consola.info('key', Buffer.from(c.Plaintext!).toString('hex'));
  const d = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '4' } }));
  await redis.rpush('keys', Buffer.from(d.Plaintext!).toString('base64'));
  const e = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '5' } }));
  await redis.publish('keys', Buffer.from(e.Plaintext!).toString('base64'));
  const f = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { r: '6' } }));
  await redis.xadd('keys', '*', 'key', Buffer.from(wrappedKey).toString('base64'));
}`) },
    ],
  },
  {
    name: 'kept in req.session, inserted through a sql tagged template, set in a cookie jar (Koa ctx.cookies, Next.js cookies()), a redirect URL and a response header',
    code: `import postgres from 'postgres';
import { cookies } from 'next/headers';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const sql = postgres(process.env.DATABASE_URL!);
export async function leak(req: any, res: any, ctx: any, wrappedKey: Uint8Array) {
  const a = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '1' } }));
  req.session.dataKey = Buffer.from(a.Plaintext!).toString('base64');
  const b = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '2' } }));
  await sql\`INSERT INTO keys (k) VALUES (\${Buffer.from(b.Plaintext!).toString('hex')})\`;
  const c = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '3' } }));
  ctx.cookies.set('dek', Buffer.from(c.Plaintext!).toString('base64'));
  const d = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '4' } }));
  cookies().set('dek', Buffer.from(d.Plaintext!).toString('base64'));
  const e = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '5' } }));
  res.redirect(\`/done?k=\${Buffer.from(e.Plaintext!).toString('hex')}\`);
  const f = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '6' } }));
  res.set('X-Data-Key', Buffer.from(f.Plaintext!).toString('base64'));
}`,
    errors: [
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'kept in the session (a session store or a cookie) (line 8)' }, line: 7, column: 28, suggestions: keepWrapped(`import postgres from 'postgres';
import { cookies } from 'next/headers';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const sql = postgres(process.env.DATABASE_URL!);
export async function leak(req: any, res: any, ctx: any, wrappedKey: Uint8Array) {
  const a = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '1' } }));
  req.session.dataKey = Buffer.from(wrappedKey).toString('base64');
  const b = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '2' } }));
  await sql\`INSERT INTO keys (k) VALUES (\${Buffer.from(b.Plaintext!).toString('hex')})\`;
  const c = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '3' } }));
  ctx.cookies.set('dek', Buffer.from(c.Plaintext!).toString('base64'));
  const d = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '4' } }));
  cookies().set('dek', Buffer.from(d.Plaintext!).toString('base64'));
  const e = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '5' } }));
  res.redirect(\`/done?k=\${Buffer.from(e.Plaintext!).toString('hex')}\`);
  const f = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '6' } }));
  res.set('X-Data-Key', Buffer.from(f.Plaintext!).toString('base64'));
}`) },
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'stored in a database (line 10)' }, line: 9, column: 28, suggestions: keepWrapped(`import postgres from 'postgres';
import { cookies } from 'next/headers';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const sql = postgres(process.env.DATABASE_URL!);
export async function leak(req: any, res: any, ctx: any, wrappedKey: Uint8Array) {
  const a = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '1' } }));
  req.session.dataKey = Buffer.from(a.Plaintext!).toString('base64');
  const b = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '2' } }));
  await sql\`INSERT INTO keys (k) VALUES (\${Buffer.from(wrappedKey).toString('hex')})\`;
  const c = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '3' } }));
  ctx.cookies.set('dek', Buffer.from(c.Plaintext!).toString('base64'));
  const d = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '4' } }));
  cookies().set('dek', Buffer.from(d.Plaintext!).toString('base64'));
  const e = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '5' } }));
  res.redirect(\`/done?k=\${Buffer.from(e.Plaintext!).toString('hex')}\`);
  const f = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '6' } }));
  res.set('X-Data-Key', Buffer.from(f.Plaintext!).toString('base64'));
}`) },
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'sent in a response (line 12)' }, line: 11, column: 28, suggestions: keepWrapped(`import postgres from 'postgres';
import { cookies } from 'next/headers';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const sql = postgres(process.env.DATABASE_URL!);
export async function leak(req: any, res: any, ctx: any, wrappedKey: Uint8Array) {
  const a = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '1' } }));
  req.session.dataKey = Buffer.from(a.Plaintext!).toString('base64');
  const b = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '2' } }));
  await sql\`INSERT INTO keys (k) VALUES (\${Buffer.from(b.Plaintext!).toString('hex')})\`;
  const c = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '3' } }));
  ctx.cookies.set('dek', Buffer.from(wrappedKey).toString('base64'));
  const d = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '4' } }));
  cookies().set('dek', Buffer.from(d.Plaintext!).toString('base64'));
  const e = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '5' } }));
  res.redirect(\`/done?k=\${Buffer.from(e.Plaintext!).toString('hex')}\`);
  const f = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '6' } }));
  res.set('X-Data-Key', Buffer.from(f.Plaintext!).toString('base64'));
}`) },
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'sent in a response (line 14)' }, line: 13, column: 28, suggestions: keepWrapped(`import postgres from 'postgres';
import { cookies } from 'next/headers';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const sql = postgres(process.env.DATABASE_URL!);
export async function leak(req: any, res: any, ctx: any, wrappedKey: Uint8Array) {
  const a = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '1' } }));
  req.session.dataKey = Buffer.from(a.Plaintext!).toString('base64');
  const b = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '2' } }));
  await sql\`INSERT INTO keys (k) VALUES (\${Buffer.from(b.Plaintext!).toString('hex')})\`;
  const c = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '3' } }));
  ctx.cookies.set('dek', Buffer.from(c.Plaintext!).toString('base64'));
  const d = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '4' } }));
  cookies().set('dek', Buffer.from(wrappedKey).toString('base64'));
  const e = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '5' } }));
  res.redirect(\`/done?k=\${Buffer.from(e.Plaintext!).toString('hex')}\`);
  const f = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '6' } }));
  res.set('X-Data-Key', Buffer.from(f.Plaintext!).toString('base64'));
}`) },
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'sent in a response (line 16)' }, line: 15, column: 28, suggestions: keepWrapped(`import postgres from 'postgres';
import { cookies } from 'next/headers';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const sql = postgres(process.env.DATABASE_URL!);
export async function leak(req: any, res: any, ctx: any, wrappedKey: Uint8Array) {
  const a = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '1' } }));
  req.session.dataKey = Buffer.from(a.Plaintext!).toString('base64');
  const b = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '2' } }));
  await sql\`INSERT INTO keys (k) VALUES (\${Buffer.from(b.Plaintext!).toString('hex')})\`;
  const c = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '3' } }));
  ctx.cookies.set('dek', Buffer.from(c.Plaintext!).toString('base64'));
  const d = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '4' } }));
  cookies().set('dek', Buffer.from(d.Plaintext!).toString('base64'));
  const e = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '5' } }));
  res.redirect(\`/done?k=\${Buffer.from(wrappedKey).toString('hex')}\`);
  const f = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '6' } }));
  res.set('X-Data-Key', Buffer.from(f.Plaintext!).toString('base64'));
}`) },
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'sent in a response (line 18)' }, line: 17, column: 28, suggestions: keepWrapped(`import postgres from 'postgres';
import { cookies } from 'next/headers';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const sql = postgres(process.env.DATABASE_URL!);
export async function leak(req: any, res: any, ctx: any, wrappedKey: Uint8Array) {
  const a = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '1' } }));
  req.session.dataKey = Buffer.from(a.Plaintext!).toString('base64');
  const b = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '2' } }));
  await sql\`INSERT INTO keys (k) VALUES (\${Buffer.from(b.Plaintext!).toString('hex')})\`;
  const c = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '3' } }));
  ctx.cookies.set('dek', Buffer.from(c.Plaintext!).toString('base64'));
  const d = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '4' } }));
  cookies().set('dek', Buffer.from(d.Plaintext!).toString('base64'));
  const e = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '5' } }));
  res.redirect(\`/done?k=\${Buffer.from(e.Plaintext!).toString('hex')}\`);
  const f = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { s: '6' } }));
  res.set('X-Data-Key', Buffer.from(wrappedKey).toString('base64'));
}`) },
    ],
  },
  {
    name: 'returned by a public method of a class expression assigned to module.exports',
    code: `const { DecryptCommand, KMSClient } = require('@aws-sdk/client-kms');
module.exports.Provider = class KeyProvider {
  async current(wrapped) {
    const { Plaintext } = await new KMSClient({}).send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { p: '1' } }));
    return Plaintext;
  }
};`,
    errors: [{ messageId: 'dataKeyExposed' as const, data: { sinks: 'returned from an exported function (line 5)' }, line: 4, column: 56, suggestions: [] }],
  },
  {
    name: 'an Azure unwrapKey result is a data key whatever the wrapped blob is called (reported on the unwrap, not as a logged secret)',
    code: `import { CryptographyClient } from '@azure/keyvault-keys';
import { DefaultAzureCredential } from '@azure/identity';
const kek = new CryptographyClient(process.env.KEK_ID!, new DefaultAzureCredential());
export async function open(meta: { ek: string }, blob: Uint8Array, logger: { info(...a: unknown[]): void }) {
  const res = await kek.unwrapKey('RSA-OAEP-256', Buffer.from(meta.ek, 'base64'));
  logger.info('unwrapped', Buffer.from(res.result).toString('hex'));
  const { result } = await kek.unwrapKey('RSA-OAEP-256', blob);
  logger.info('unwrapped', Buffer.from(result).toString('hex'));
}`,
    errors: [
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'written to a log (line 6)' }, line: 5, column: 21, suggestions: [] },
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'written to a log (line 8)' }, line: 7, column: 28, suggestions: keepWrapped(`import { CryptographyClient } from '@azure/keyvault-keys';
import { DefaultAzureCredential } from '@azure/identity';
const kek = new CryptographyClient(process.env.KEK_ID!, new DefaultAzureCredential());
export async function open(meta: { ek: string }, blob: Uint8Array, logger: { info(...a: unknown[]): void }) {
  const res = await kek.unwrapKey('RSA-OAEP-256', Buffer.from(meta.ek, 'base64'));
  logger.info('unwrapped', Buffer.from(res.result).toString('hex'));
  const { result } = await kek.unwrapKey('RSA-OAEP-256', blob);
  logger.info('unwrapped', Buffer.from(blob).toString('hex'));
}`) },
    ],
  },
  {
    name: 'claims of a jose SignJWT (through its builder chain) and of a Nest JwtService token sent to the client; an EncryptJWT token is encrypted',
    code: `import { SignJWT, EncryptJWT } from 'jose';
import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export class Auth {
  constructor(private readonly jwtService: { signAsync(p: object): Promise<string> }) {}
  async login(res: any, userId: string, signingKey: Uint8Array, sealingKey: Uint8Array) {
    const a = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/j', KeySpec: 'AES_256', EncryptionContext: { j: '1' } }));
    const t1 = await new SignJWT({ sub: userId, dek: Buffer.from(a.Plaintext!).toString('base64') }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('2h').sign(signingKey);
    res.cookie('t1', t1);
    const b = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/j', KeySpec: 'AES_256', EncryptionContext: { j: '2' } }));
    const t2 = await this.jwtService.signAsync({ sub: userId, dek: Buffer.from(b.Plaintext!).toString('base64') });
    res.json({ t2 });
    const c = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/j', KeySpec: 'AES_256', EncryptionContext: { j: '3' } }));
    try {
      const t3 = await new EncryptJWT({ dek: Buffer.from(c.Plaintext!).toString('base64') }).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(sealingKey);
      res.json({ t3 });
    } finally {
      c.Plaintext?.fill(0);
    }
  }
}`,
    errors: [
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'sent in a response (line 9)' }, line: 7, column: 30, suggestions: [] },
      { messageId: 'dataKeyExposed' as const, data: { sinks: 'sent in a response (line 12)' }, line: 10, column: 30, suggestions: [] },
    ],
  },
  {
    name: 'returned by a route handler of a Fastify plugin registered on the app (its first parameter, whatever its name)',
    code: `import Fastify from 'fastify';
import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const app = Fastify();
app.register(async (instance: any) => {
  instance.get('/k', async () => {
    const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/a', KeySpec: 'AES_256', EncryptionContext: { a: '1' } }));
    return { key: dk.Plaintext };
  });
}, { prefix: '/v1' });`,
    errors: [{ messageId: 'dataKeyExposed' as const, data: { sinks: 'sent in a response (line 8)' }, line: 7, column: 31, suggestions: keepWrapped(`import Fastify from 'fastify';
import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const app = Fastify();
app.register(async (instance: any) => {
  instance.get('/k', async () => {
    const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/a', KeySpec: 'AES_256', EncryptionContext: { a: '1' } }));
    return { key: dk.CiphertextBlob };
  });
}, { prefix: '/v1' });`) }],
  },
];

const valid = [
  {
    name: 'what a local helper returns about the key without the key (omit, lengths) is logged; a private method returns the key to its class',
    code: `import { GenerateDataKeyCommand, KMSClient, type GenerateDataKeyCommandOutput } from '@aws-sdk/client-kms';
import omit from 'lodash/omit';
const kms = new KMSClient({});
function describeDataKey(out: GenerateDataKeyCommandOutput) {
  return { ...omit(out, ['Plaintext']), plaintextLength: out.Plaintext?.byteLength ?? 0 };
}
export class Sealer {
  async #key(id: string) {
    const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/s', KeySpec: 'AES_256', EncryptionContext: { id } }));
    return dk.Plaintext!;
  }
  async seal(id: string, logger: { debug(...a: unknown[]): void }) {
    const out = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/s', KeySpec: 'AES_256', EncryptionContext: { id } }));
    try {
      logger.debug({ id, dataKey: describeDataKey(out) }, 'data key issued');
      const { length } = await this.#key(id);
      return length;
    } finally {
      out.Plaintext?.fill(0);
    }
  }
}`,
  },
  {
    name: 'the plaintext named before a rest binding stays out of the spread item',
    code: `import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
const kms = new KMSClient({});
export async function put(docs: any, id: string) {
  const { Plaintext, $metadata, ...envelope } = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/l', KeySpec: 'AES_256', EncryptionContext: { id } }));
  try {
    await docs.send(new PutCommand({ TableName: 't', Item: { pk: id, ...envelope } }));
    console.info('stored', { id, keyId: envelope.KeyId, status: $metadata.httpStatusCode, bits: Plaintext!.length * 8 });
  } finally {
    Plaintext?.fill(0);
  }
}`,
  },
  {
    name: 'names about a secret that are not one (secretName, keyId, wrappedKey) logged',
    code: `import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
const sm = new SecretsManagerClient({});
export async function load(secretName: string, keyId: string, wrappedKey: string) {
  for (const key of Object.keys(process.env)) if (key.startsWith('APP_')) console.warn(\`unknown setting \${key}\`);
  const primaryKey = 'tenant_id';
  console.log('loading', secretName, 'for key', keyId, wrappedKey.length, wrappedKey, primaryKey);
  const out = await sm.send(new GetSecretValueCommand({ SecretId: secretName }));
  return out.SecretString;
}`,
  },
  {
    name: 'Vault Transit: only the wrapped data key is stored; transit/decrypt of application data (not a key) is logged',
    code: `export async function provision(db: { insert(row: object): Promise<void> }, logger: { info(...a: unknown[]): void }, id: string) {
  const res = await fetch(\`\${process.env.VAULT_ADDR}/v1/transit/datakey/wrapped/tenants\`, { method: 'POST' });
  const { data } = await res.json();
  await db.insert({ id, wrappedKey: data.ciphertext });
  const note = await fetch(\`\${process.env.VAULT_ADDR}/v1/transit/decrypt/notes\`, { method: 'POST', body: JSON.stringify({ ciphertext: id }) });
  logger.info({ note: (await note.json()).data.plaintext });
}`,
  },
  {
    name: 'a loan: the exported function lends the key to a use callback and wipes it after (not a completion callback)',
    code: `const { KMSClient, DecryptCommand } = require('@aws-sdk/client-kms');
const kms = new KMSClient({});
async function withRecordKey(record, useKey) {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: record.wrappedKey, EncryptionContext: { id: record.id } }));
  try {
    return await useKey(Plaintext);
  } finally {
    Plaintext.fill(0);
  }
}
module.exports = { withRecordKey };`,
  },
  {
    name: 'a copy only used to decrypt, and a job object holding only the wrapped key',
    code: `import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { createCipheriv, randomBytes } from 'node:crypto';
const kms = new KMSClient({});
export async function seal(queue: { add(n: string, p: object): Promise<void> }, id: string, data: Buffer) {
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/jobs', KeySpec: 'AES_256', EncryptionContext: { id } }));
  const key = Buffer.from(dk.Plaintext!);
  try {
    const iv = randomBytes(12);
    const body = createCipheriv('aes-256-gcm', key, iv).update(data);
    const job = { id, wrappedKey: Buffer.from(dk.CiphertextBlob!).toString('base64'), iv: iv.toString('base64'), body: body.toString('base64') };
    await queue.add('store', job);
  } finally {
    key.fill(0);
    dk.Plaintext!.fill(0);
  }
}`,
  },
  {
    name: 'an error message naming the key id and the ciphertext size, not the key',
    code: `import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export async function unwrap(wrappedKey: Uint8Array, use: (k: Uint8Array) => void) {
  const { Plaintext, KeyId } = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { kind: 'm' } }));
  if (!Plaintext) throw new Error(\`KMS key \${KeyId} returned no plaintext for \${wrappedKey.length} bytes\`);
  try {
    use(Plaintext);
  } finally {
    Plaintext.fill(0);
  }
}
`,
  },
  {
    name: 'a data key handed to S3 as an SSE-C key (used for the request, not stored)',
    code: `import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
const kms = new KMSClient({});
const s3 = new S3Client({});
export async function put(Bucket: string, Key: string, Body: Buffer) {
  const { Plaintext, CiphertextBlob } = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/sse-c', KeySpec: 'AES_256', EncryptionContext: { Key } }));
  try {
    await s3.send(new PutObjectCommand({ Bucket, Key, Body, SSECustomerAlgorithm: 'AES256', SSECustomerKey: Buffer.from(Plaintext!).toString('base64'), Metadata: { wrapped: Buffer.from(CiphertextBlob!).toString('base64') } }));
  } finally {
    Plaintext?.fill(0);
  }
}
`,
  },
  {
    name: 'logging the configured KMS key id and a cache of encrypted data keys are fine',
    code: `import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
const logger = console;
const config = { kmsKeyId: process.env.KMS_KEY_ID ?? 'alias/app', dataKeyCacheTtl: 300 };
const kms = new KMSClient({});
export async function wrappedKeyFor(queue: { add(n: string, p: object): Promise<void> }, id: string) {
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: config.kmsKeyId, KeySpec: 'AES_256', EncryptionContext: { id } }));
  try {
    logger.info('new data key', config.kmsKeyId, dk.KeyId);
    await queue.add('rewrap', { id, wrappedKey: Buffer.from(dk.CiphertextBlob!).toString('base64') });
  } finally {
    dk.Plaintext?.fill(0);
  }
}
`,
  },
  {
    name: 'checkLoggedSecrets: false only watches KMS data keys',
    options: [{ checkLoggedSecrets: false }] as never,
    code: `import jwt from 'jsonwebtoken';
export function boot() {
  console.log(\`JWT secret is \${process.env.JWT_SECRET}\`);
  return jwt.sign({}, process.env.JWT_SECRET!);
}
`,
  },
  {
    name: 'only the wrapped key leaves; ids and fingerprints are logged; Decrypt of data is not a key',
    code: `import { KMSClient, GenerateDataKeyCommand, DecryptCommand } from '@aws-sdk/client-kms';
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
const kms = new KMSClient({});
export async function seal(data: Buffer, db: { insert(row: object): Promise<void> }) {
  const { Plaintext, CiphertextBlob, KeyId } = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/app', KeySpec: 'AES_256' }));
  try {
    const iv = randomBytes(12);
    const body = createCipheriv('aes-256-gcm', Plaintext!, iv).update(data);
    console.log('sealed with', KeyId, createHash('sha256').update(CiphertextBlob!).digest('hex').slice(0, 8));
    await db.insert({ wrapped: CiphertextBlob, iv, body });
    return { wrapped: CiphertextBlob, iv, body };
  } finally {
    Plaintext?.fill(0);
  }
}
export async function readConfig(blob: Uint8Array) {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: { file: 'config' } }));
  return JSON.parse(Buffer.from(Plaintext!).toString('utf8'));
}
export function hello(name: string) {
  console.log('hello', name, process.env.NODE_ENV);
}
`,
  },
  {
    name: 'a key fingerprint (a hash update, not a database update) is logged; a child logger with ids only; console.log of a catalog',
    code: `import { createHash, createCipheriv, randomBytes } from 'node:crypto';
import pino from 'pino';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const rootLogger = pino();
const kms = new KMSClient({});
const fingerprint = (key: Uint8Array) => createHash('sha256').update('fp:v1').update(key).digest('hex').slice(0, 12);
export async function seal(mailbox: { id: string; wrappedKey: Uint8Array }, raw: Buffer) {
  const { Plaintext, KeyId } = await kms.send(new DecryptCommand({ CiphertextBlob: mailbox.wrappedKey, EncryptionContext: { mailbox: mailbox.id } }));
  try {
    const log = rootLogger.child({ mailbox: mailbox.id, keyId: KeyId });
    log.debug({ keyFingerprint: fingerprint(Plaintext!) }, 'sealing');
    const iv = randomBytes(12);
    return createCipheriv('aes-256-gcm', Plaintext!, iv).update(raw);
  } finally {
    Plaintext?.fill(0);
  }
}`,
  },
  // Sixth KMS blind set (session 10): the same sinks with only wrapped keys, ids and lengths.
  {
    name: 'a class expression kept in a module-local binding is not exported',
    code: `const { DecryptCommand, KMSClient } = require('@aws-sdk/client-kms');
const LocalProvider = class {
  async current(wrapped) {
    const { Plaintext } = await new KMSClient({}).send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { p: '1' } }));
    return Plaintext;
  }
};
module.exports = { ready: true };`,
  },
  {
    name: 'Hono c.set (a context variable), res.locals, a header whose name only is key-like, a session holding the wrapped key, a sql template with the key id',
    code: `import { Hono } from 'hono';
import postgres from 'postgres';
import { createCipheriv, randomBytes } from 'node:crypto';
import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const sql = postgres(process.env.DATABASE_URL!);
const app = new Hono();
app.use(async (c, next) => {
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/h', KeySpec: 'AES_256', EncryptionContext: { h: '1' } }));
  c.set('sealer', createCipheriv('aes-256-gcm', dk.Plaintext!, randomBytes(12)));
  dk.Plaintext?.fill(0);
  await next();
});
export async function store(req: any, res: any) {
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/h', KeySpec: 'AES_256', EncryptionContext: { h: '2' } }));
  try {
    res.locals.sealer = createCipheriv('aes-256-gcm', dk.Plaintext!, randomBytes(12));
    res.set('X-Key-Id', dk.KeyId);
    req.session.wrappedKey = Buffer.from(dk.CiphertextBlob!).toString('base64');
    await sql\`INSERT INTO key_ids (id) VALUES (\${dk.KeyId!})\`;
  } finally {
    dk.Plaintext?.fill(0);
  }
}`,
  },
  {
    name: 'an Express handler returning the key (Express ignores return values); a non-Fastify router; a `data` listener parameter; a Map-like cache and a local store read',
    code: `import express from 'express';
import { EventEmitter } from 'node:events';
import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const app = express();
const bus = new EventEmitter();
app.get('/warm', async (_req, res) => {
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/e', KeySpec: 'AES_256', EncryptionContext: { e: '1' } }));
  res.json({ wrapped: Buffer.from(dk.CiphertextBlob!).toString('base64') });
  return dk.Plaintext;
});
bus.on('data', (peer: { send(v: unknown): void }) => {
  void kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/e', KeySpec: 'AES_256', EncryptionContext: { e: '2' } })).then((dk) => {
    try {
      peer.send({ wrapped: dk.CiphertextBlob, bits: dk.Plaintext!.length * 8 });
    } finally {
      dk.Plaintext?.fill(0);
    }
  });
});`,
  },
  {
    name: 'an ipcMain.handle / Azure handler returning the wrapped key only; an ipcMain.on listener; a resolver map that is no `resolvers` option',
    code: `import { ipcMain } from 'electron';
import { app } from '@azure/functions';
import { createCipheriv, randomBytes } from 'node:crypto';
import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
ipcMain.handle('vault:create', async () => {
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/v', KeySpec: 'AES_256', EncryptionContext: { v: '1' } }));
  try {
    return { wrappedKey: dk.CiphertextBlob, bits: dk.Plaintext!.byteLength * 8 };
  } finally {
    dk.Plaintext?.fill(0);
  }
});
app.http('seal', {
  handler: async (req: { text(): Promise<string> }) => {
    const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/v', KeySpec: 'AES_256', EncryptionContext: { v: '2' } }));
    try {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', dk.Plaintext!, iv);
      return { jsonBody: { wrapped: Buffer.from(dk.CiphertextBlob!).toString('base64'), body: c.update(await req.text()).toString('base64') } };
    } finally {
      dk.Plaintext?.fill(0);
    }
  },
});
const handlers = {
  keys: {
    async rotate(wrappedKey: Uint8Array) {
      const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/v', KeySpec: 'AES_256', EncryptionContext: { v: '3' } }));
      return dk.Plaintext;
    },
  },
};
registry.add({ handlers });`,
  },
  {
    name: 'a JWT carrying the wrapped key; Powertools appendKeys with the key id; an in-process event emitter; a local object holding the wrapped key only',
    code: `import jwt from 'jsonwebtoken';
import { EventEmitter } from 'node:events';
import { Logger } from '@aws-lambda-powertools/logger';
import { createCipheriv, randomBytes } from 'node:crypto';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const ddb = new DynamoDBClient({});
const logger = new Logger({ serviceName: 's' });
const events = new EventEmitter();
export async function issue(res: { cookie(n: string, v: string): void }, userId: string, data: Buffer) {
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/d', KeySpec: 'AES_256', EncryptionContext: { userId } }));
  try {
    logger.appendKeys({ keyId: dk.KeyId, wrappedBytes: dk.CiphertextBlob!.byteLength });
    const token = jwt.sign({ sub: userId, wk: Buffer.from(dk.CiphertextBlob!).toString('base64url') }, process.env.JWT_KEY!, { algorithm: 'HS256' });
    res.cookie('session', token);
    events.emit('key-ready', dk.Plaintext);
    const item: Record<string, { B: Uint8Array }> = {};
    const iv = randomBytes(12);
    item['wrapped'] = { B: dk.CiphertextBlob! };
    item['body'] = { B: createCipheriv('aes-256-gcm', dk.Plaintext!, iv).update(data) };
    await ddb.send(new PutItemCommand({ TableName: 't', Item: item }));
  } finally {
    dk.Plaintext?.fill(0);
  }
}`,
  },
];

createRuleTester().run('no-plaintext-data-key-exposure', rule as never, { valid, invalid: invalid as never });

// Found by re-running the real-world batches in session 32 (@azure/msal-node's managed-identity sources).
createRuleTester().run('no-plaintext-data-key-exposure: members of a list of names', rule, {
  valid: [
    {
      name: "an enum of environment variables' names, written into a log message",
      code: `export const ManagedIdentityEnvironmentVariableNames = { MSI_ENDPOINT: 'MSI_ENDPOINT', MSI_SECRET: 'MSI_SECRET' } as const;
export function unavailable(logger: { info(message: string): void }) {
  logger.info(\`'\${ManagedIdentityEnvironmentVariableNames.MSI_SECRET}' is not defined\`);
}`,
    },
  ],
  invalid: [
    {
      name: "a record of secrets is not a list of names: its member is logged",
      code: `export function start(logger: { info(message: string): void }, secrets: { clientSecret: string }) {
  logger.info(\`client secret: \${secrets.clientSecret}\`);
}`,
      errors: [{ messageId: 'secretLogged' as const, line: 2, column: 3 }],
    },
  ],
});
