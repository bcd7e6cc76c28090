import envelope from '../../rules/prefer-envelope-encryption';
import context from '../../rules/kms-require-encryption-context';
import exposure from '../../rules/no-plaintext-data-key-exposure';
import zeroization from '../../rules/require-key-zeroization';
import { createRuleTester, createTypedRuleTester } from './rule-tester';

// Session 11's kms blind set (test/fixtures/corpus/kms/blind-s11): the shapes it found missing, each
// with the look-alike that must stay quiet.

const tester = createRuleTester();
const typedTester = createTypedRuleTester();

const emptyBaseContext = `import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const BASE_CONTEXT: Record<string, string> = {};
export async function newDraftKey(draftId: string) {
  return kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/drafts', KeySpec: 'AES_256', EncryptionContext: { ...BASE_CONTEXT } }));
}`;

const zeroAadConstant = `import { KeyManagementServiceClient } from '@google-cloud/kms';
const kms = new KeyManagementServiceClient();
const NO_AAD = new Uint8Array();
export async function wrap(name: string, dek: Buffer) {
  const [wrapped] = await kms.encrypt({ name, plaintext: dek, additionalAuthenticatedData: NO_AAD });
  return wrapped.ciphertext;
}`;

const unpassedContext = `import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
async function unwrapKey(wrapped: Uint8Array, context?: Record<string, string>) {
  const out = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: context }));
  return out.Plaintext!;
}
export async function keyLength(row: { wrapped: Uint8Array }) {
  const key = await unwrapKey(row.wrapped);
  try {
    return key.length;
  } finally {
    key.fill(0);
  }
}`;

const privateMethodContext = `import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
export class StatementReader {
  constructor(private readonly kms: KMSClient) {}
  async #unwrap(wrapped: Uint8Array, context?: Record<string, string>) {
    const out = await this.kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: context }));
    return out.Plaintext!;
  }
  async keyLength(row: { wrapped: Uint8Array }) {
    const key = await this.#unwrap(row.wrapped);
    try {
      return key.length;
    } finally {
      key.fill(0);
    }
  }
}`;

tester.run('kms-require-encryption-context (blind-s11)', context as never, {
  valid: [
    {
      name: 'a constant base context spread next to a pair of its own',
      code: emptyBaseContext.replace('{ ...BASE_CONTEXT }', '{ ...BASE_CONTEXT, draftId }'),
    },
    {
      name: 'a base context filled in before use',
      code: emptyBaseContext.replace("const BASE_CONTEXT: Record<string, string> = {};", "const BASE_CONTEXT: Record<string, string> = {};\nBASE_CONTEXT.service = 'drafts';"),
    },
    {
      name: 'additional authenticated data from the record',
      code: zeroAadConstant.replace('additionalAuthenticatedData: NO_AAD', 'additionalAuthenticatedData: Buffer.from(name)'),
    },
    {
      name: 'a helper whose one caller passes the context',
      code: unpassedContext.replace('unwrapKey(row.wrapped)', "unwrapKey(row.wrapped, { table: 'rows' })"),
    },
    {
      name: 'an exported helper: callers elsewhere may pass the context',
      code: unpassedContext.replace('async function unwrapKey', 'export async function unwrapKey'),
    },
    {
      name: 'a public method of an exported class: other modules may pass the context',
      code: privateMethodContext.replace(/#unwrap/g, 'unwrap'),
    },
    {
      name: 'a private method also used as a value',
      code: privateMethodContext.replace('  async keyLength(', '  unwrapper = () => this.#unwrap;\n  async keyLength('),
    },
    {
      name: 'a helper also passed on as a callback',
      code: `${unpassedContext}\nexport const unwrapper = { unwrap: unwrapKey };`,
    },
  ],
  invalid: [
    {
      name: 'a context made only of a spread of an empty constant',
      code: emptyBaseContext,
      errors: [
        {
          messageId: 'missingContext',
          line: 5,
          suggestions: [{ messageId: 'addContext', data: { context: 'EncryptionContext: { draftId }' }, output: emptyBaseContext.replace('{ ...BASE_CONTEXT }', '{ draftId }') }],
        },
      ],
    },
    {
      name: 'zero bytes of AAD through a constant `new Uint8Array()`',
      code: zeroAadConstant,
      errors: [
        {
          messageId: 'missingContext',
          line: 5,
          suggestions: [
            {
              messageId: 'addContext',
              data: { context: "additionalAuthenticatedData: Buffer.from(JSON.stringify({ purpose: 'wrap' }))" },
              output: zeroAadConstant.replace('additionalAuthenticatedData: NO_AAD', "additionalAuthenticatedData: Buffer.from(JSON.stringify({ purpose: 'wrap' }))"),
            },
          ],
        },
      ],
    },
    {
      name: 'a context parameter of a private method no call in its class passes',
      code: privateMethodContext,
      errors: [{ messageId: 'missingContext', line: 5, suggestions: [] }],
    },
    {
      name: 'a context parameter no caller in the file passes (fixed at the calls: no suggestion)',
      code: unpassedContext,
      errors: [{ messageId: 'missingContext', line: 4, suggestions: [] }],
    },
  ],
});

typedTester.run('kms-require-encryption-context (blind-s11, type-aware)', context as never, {
  valid: [
    {
      name: 'the shared client with a context',
      code: `import { sharedKms } from './shared-kms-client';
export async function open(wrapped: Uint8Array, docId: string) {
  return sharedKms.decrypt({ CiphertextBlob: wrapped, EncryptionContext: { docId } });
}`,
      filename: 'file.ts',
    },
    {
      name: 'a client binding another module may replace (`export let`) is not followed',
      code: `import { replaceableKms } from './shared-kms-client';
export async function open(wrapped: Uint8Array) {
  return replaceableKms.decrypt({ CiphertextBlob: wrapped });
}`,
      filename: 'file.ts',
    },
  ],
  invalid: [
    {
      name: 'an aggregated client made in a shared module and imported',
      code: `import { sharedKms } from './shared-kms-client';
export async function open(wrapped: Uint8Array) {
  return sharedKms.decrypt({ CiphertextBlob: wrapped });
}`,
      filename: 'file.ts',
      errors: [
        {
          messageId: 'missingContext',
          line: 3,
          suggestions: [
            {
              messageId: 'addContext',
              data: { context: "EncryptionContext: { purpose: 'open' }" },
              output: `import { sharedKms } from './shared-kms-client';
export async function open(wrapped: Uint8Array) {
  return sharedKms.decrypt({ CiphertextBlob: wrapped, EncryptionContext: { purpose: 'open' } });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a client that is the default export of a shared module',
      code: `import kms from './default-kms-client';
export async function open(wrapped: Uint8Array) {
  return kms.decrypt({ CiphertextBlob: wrapped });
}`,
      filename: 'file.ts',
      errors: [
        {
          messageId: 'missingContext',
          line: 3,
          suggestions: [
            {
              messageId: 'addContext',
              data: { context: "EncryptionContext: { purpose: 'open' }" },
              output: `import kms from './default-kms-client';
export async function open(wrapped: Uint8Array) {
  return kms.decrypt({ CiphertextBlob: wrapped, EncryptionContext: { purpose: 'open' } });
}`,
            },
          ],
        },
      ],
    },
  ],
});

const classMethodSend = `import { Kafka, type Producer } from 'kafkajs';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
class KeyAnnouncer {
  private readonly producer: Producer;
  constructor(kafka: Kafka) {
    this.producer = kafka.producer();
  }
  async publish(entries: { shardId: string; key: string }[]) {
    await this.producer.sendBatch({ topicMessages: [{ topic: 'shard-keys', messages: entries.map((e) => ({ key: e.shardId, value: JSON.stringify(e) })) }] });
  }
}
const kms = new KMSClient({});
export async function announce(kafka: Kafka, shardId: string, wrappedKey: Uint8Array) {
  const announcer = new KeyAnnouncer(kafka);
  const out = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { shardId } }));
  try {
    const entries: { shardId: string; key: string }[] = [];
    entries.push({ shardId, key: Buffer.from(out.Plaintext!).toString('hex') });
    await announcer.publish(entries);
  } finally {
    out.Plaintext?.fill(0);
  }
}`;

const moduleMapGetter = `import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const keys = new Map<string, Uint8Array>();
async function unwrap(tenantId: string, wrapped: Uint8Array) {
  const out = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { tenantId } }));
  keys.set(tenantId, out.Plaintext!);
}
export async function getTenantKey(tenantId: string, wrapped: Uint8Array) {
  if (!keys.has(tenantId)) await unwrap(tenantId, wrapped);
  return keys.get(tenantId);
}`;

const exportedMap = `import { KeyManagementServiceClient } from '@google-cloud/kms';
const kms = new KeyManagementServiceClient();
export const projectKeys = new Map<string, Buffer>();
export async function preload(id: string, kekName: string, wrappedKey: Buffer) {
  const [res] = await kms.decrypt({ name: kekName, ciphertext: wrappedKey, additionalAuthenticatedData: Buffer.from(id) });
  projectKeys.set(id, Buffer.from(res.plaintext as Uint8Array));
}`;

const finallyPassThrough = `import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const inflight = new Set<string>();
async function unwrap(id: string, wrappedKey: Uint8Array) {
  const out = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { id } }));
  return out.Plaintext!;
}
export function loadKey(id: string, wrappedKey: Uint8Array) {
  inflight.add(id);
  return unwrap(id, wrappedKey).finally(() => inflight.delete(id));
}`;

const flowProducer = `import { FlowProducer } from 'bullmq';
import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
const flows = new FlowProducer({ connection: { host: 'localhost', port: 6379 } });
const kms = new KMSClient({});
export async function schedule(mailboxId: string, folders: string[]) {
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: process.env.MAIL_KEK, KeySpec: 'AES_256', EncryptionContext: { mailboxId } }));
  try {
    const newKey = Buffer.from(dk.Plaintext!).toString('base64');
    return await flows.add({ name: 'swap', queueName: 'swap', data: { mailboxId }, children: folders.map((folder) => ({ name: 'fold', queueName: 'folders', data: { folder, newKey } })) });
  } finally {
    dk.Plaintext?.fill(0);
  }
}`;

const uploadMetadata = `import { S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
const s3 = new S3Client({});
const kms = new KMSClient({});
export async function upload(name: string, body: Buffer) {
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: process.env.BACKUP_KEK, KeySpec: 'AES_256', EncryptionContext: { name } }));
  try {
    const upload = new Upload({ client: s3, params: { Bucket: 'backups', Key: name, Body: body, Metadata: { 'backup-key': Buffer.from(dk.Plaintext!).toString('base64') } } });
    return (await upload.done()).Location;
  } finally {
    dk.Plaintext?.fill(0);
  }
}`;

tester.run('no-plaintext-data-key-exposure (blind-s11)', exposure as never, {
  valid: [
    {
      name: 'a local class method that only encrypts with the key',
      code: `import { createCipheriv, randomBytes } from 'node:crypto';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
class Sealer {
  seal(key: Uint8Array, body: Buffer) {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', key, iv);
    return Buffer.concat([iv, c.update(body), c.final(), c.getAuthTag()]);
  }
}
const kms = new KMSClient({});
export async function seal(wrappedKey: Uint8Array, body: Buffer) {
  const out = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { kind: 'b' } }));
  try {
    return new Sealer().seal(out.Plaintext!, body);
  } finally {
    out.Plaintext?.fill(0);
  }
}`,
    },
    {
      name: 'a module Map read only to encrypt (an internal cache)',
      code: moduleMapGetter.replace(
        'return keys.get(tenantId);',
        "return createHmac('sha256', keys.get(tenantId)!).update(tenantId).digest('hex');",
      ).replace("import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';", "import { createHmac } from 'node:crypto';\nimport { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';"),
    },
    {
      name: 'a module Map that is not exported and never read',
      code: exportedMap.replace('export const projectKeys', 'const projectKeys'),
    },
    {
      name: 'a flow whose jobs carry only the wrapped key',
      code: flowProducer.replace('Buffer.from(dk.Plaintext!)', 'Buffer.from(dk.CiphertextBlob!)'),
    },
    {
      name: 'Upload metadata with the wrapped key',
      code: uploadMetadata.replace('Buffer.from(dk.Plaintext!)', 'Buffer.from(dk.CiphertextBlob!)'),
    },
  ],
  invalid: [
    {
      name: 'an element of a local array, through a local class method, to a kafkajs sendBatch',
      code: classMethodSend,
      errors: [{ messageId: 'dataKeyExposed', line: 15 }],
    },
    {
      name: 'the element parameter of a `.map` callback over a local array the key was pushed into',
      code: `import type { Producer } from 'kafkajs';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export async function announce(producer: Producer, shardId: string, wrappedKey: Uint8Array) {
  const out = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { shardId } }));
  try {
    const entries: { key: string }[] = [];
    entries.push({ key: Buffer.from(out.Plaintext!).toString('hex') });
    await producer.send({ topic: 'keys', messages: entries.map((e) => ({ value: JSON.stringify(e) })) });
  } finally {
    out.Plaintext?.fill(0);
  }
}`,
      errors: [{ messageId: 'dataKeyExposed', line: 5 }],
    },
    {
      name: 'a method of a local class, called on an instance made in the file, that logs its argument',
      code: `import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
class Audit {
  record(event: string, detail: string) {
    console.info(event, detail);
  }
}
const kms = new KMSClient({});
export async function open(wrappedKey: Uint8Array) {
  const audit = new Audit();
  const out = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { kind: 'x' } }));
  try {
    audit.record('unwrapped', Buffer.from(out.Plaintext!).toString('hex'));
  } finally {
    out.Plaintext?.fill(0);
  }
}`,
      errors: [{ messageId: 'dataKeyExposed', line: 10 }],
    },
    {
      name: 'a module Map read by an exported getter',
      code: moduleMapGetter,
      errors: [{ messageId: 'dataKeyExposed', line: 5 }],
    },
    {
      name: 'a copy stored in an exported Map',
      code: exportedMap,
      errors: [{ messageId: 'dataKeyExposed', line: 5 }],
    },
    {
      name: 'a promise `finally` settles with the key of the helper, returned by an exported function',
      code: finallyPassThrough,
      errors: [{ messageId: 'dataKeyExposed', line: 5 }],
    },
    {
      name: 'a bullmq FlowProducer, whatever its binding is called',
      code: flowProducer,
      errors: [{ messageId: 'dataKeyExposed', line: 6 }],
    },
    {
      name: 'object metadata of an @aws-sdk/lib-storage Upload',
      code: uploadMetadata,
      errors: [{ messageId: 'dataKeyExposed', line: 7, suggestions: [{ messageId: 'keepWrappedKey', output: uploadMetadata.replace('Buffer.from(dk.Plaintext!)', 'Buffer.from(dk.CiphertextBlob!)') }] }],
    },
  ],
});

typedTester.run('no-plaintext-data-key-exposure (blind-s11, type-aware)', exposure as never, {
  valid: [],
  invalid: [
    {
      name: 'a data key from a client imported from a shared module, written to disk',
      code: `import { writeFile } from 'node:fs/promises';
import { sharedKms } from './shared-kms-client';
export async function prepare(dir: string) {
  const dk = await sharedKms.generateDataKey({ KeyId: 'alias/batch', KeySpec: 'AES_256', EncryptionContext: { job: 'batch' } });
  try {
    await writeFile(dir + '/batch.key', dk.Plaintext!);
  } finally {
    dk.Plaintext?.fill(0);
  }
}`,
      filename: 'file.ts',
      errors: [
        {
          messageId: 'dataKeyExposed',
          line: 4,
          suggestions: [
            {
              messageId: 'keepWrappedKey',
              output: `import { writeFile } from 'node:fs/promises';
import { sharedKms } from './shared-kms-client';
export async function prepare(dir: string) {
  const dk = await sharedKms.generateDataKey({ KeyId: 'alias/batch', KeySpec: 'AES_256', EncryptionContext: { job: 'batch' } });
  try {
    await writeFile(dir + '/batch.key', dk.CiphertextBlob!);
  } finally {
    dk.Plaintext?.fill(0);
  }
}`,
            },
          ],
        },
      ],
    },
  ],
});

const putItemUnwiped = `import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
const kms = new KMSClient({});
const ddb = new DynamoDBClient({});
export async function warm(tenantId: string, wrappedKey: Uint8Array) {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { tenantId } }));
  await ddb.send(new PutItemCommand({ TableName: 'hot-keys', Item: { tenantId: { S: tenantId }, dataKey: { B: Plaintext! } } }));
}`;

tester.run('require-key-zeroization (blind-s11)', zeroization as never, {
  valid: [
    {
      name: 'a copy bound into a returned function (`fn.bind(null, dek)`) lives as long as that function',
      code: `import { createDecipheriv, randomBytes } from 'node:crypto';
function open(dek: Buffer, body: Buffer) {
  return createDecipheriv('aes-256-gcm', dek, body.subarray(0, 12)).update(body.subarray(12));
}
export function opener() {
  const dek = randomBytes(32);
  return open.bind(null, dek);
}`,
    },
  ],
  invalid: [
    {
      name: 'an AWS SDK command keeps nothing: the plaintext put in a PutItem request is still to wipe',
      code: putItemUnwiped,
      errors: [
        {
          messageId: 'notWiped',
          line: 6,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: putItemUnwiped.replace(
                "  await ddb.send(new PutItemCommand({ TableName: 'hot-keys', Item: { tenantId: { S: tenantId }, dataKey: { B: Plaintext! } } }));\n",
                "  try {\n    await ddb.send(new PutItemCommand({ TableName: 'hot-keys', Item: { tenantId: { S: tenantId }, dataKey: { B: Plaintext! } } }));\n  } finally {\n    Plaintext?.fill(0);\n  }\n",
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a bound function that is only called here does not keep the key',
      code: `import { createDecipheriv, randomBytes } from 'node:crypto';
function open(dek: Buffer, body: Buffer) {
  return createDecipheriv('aes-256-gcm', dek, body.subarray(0, 12)).update(body.subarray(12));
}
export function openAll(bodies: Buffer[]) {
  const dek = randomBytes(32);
  const opener = open.bind(null, dek);
  return bodies.map((b) => opener(b));
}`,
      errors: [
        {
          messageId: 'notWiped',
          line: 6,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: `import { createDecipheriv, randomBytes } from 'node:crypto';
function open(dek: Buffer, body: Buffer) {
  return createDecipheriv('aes-256-gcm', dek, body.subarray(0, 12)).update(body.subarray(12));
}
export function openAll(bodies: Buffer[]) {
  const dek = randomBytes(32);
  try {
    const opener = open.bind(null, dek);
    return bodies.map((b) => opener(b));
  } finally {
    dek.fill(0);
  }
}`,
            },
          ],
        },
      ],
    },
  ],
});

const chainedTransit = `import got from 'got';
const vault = got.extend({ prefixUrl: 'https://vault:8200/v1' });
export async function sealNote(note: { patientId: string; text: string }) {
  const res = await vault
    .post('transit/encrypt/notes', { json: { plaintext: Buffer.from(JSON.stringify(note)).toString('base64') } })
    .json<{ data: { ciphertext: string } }>();
  return res.data.ciphertext;
}`;

tester.run('prefer-envelope-encryption (blind-s11)', envelope as never, {
  valid: [],
  invalid: [
    {
      name: 'a call chain split over lines is reported on the line of the method it calls',
      code: chainedTransit,
      errors: [{ messageId: 'directTransitEncrypt', line: 5, column: 6 }],
    },
  ],
});

// Sinks found by probing the same families as the set's misses (queues, stores, responses, errors).
const probeHeader = `import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
`;
const unwrapThen = (name: string, body: string, extraImports = '') => `${extraImports}${probeHeader}export async function ${name}(wrappedKey: Uint8Array) {
  const out = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { op: '${name}' } }));
  try {
    ${body}
  } finally {
    out.Plaintext?.fill(0);
  }
}`;
const hex = 'Buffer.from(out.Plaintext!).toString(\'hex\')';
const probeLine = (extraImports: string) => extraImports.split('\n').length + 3;
/** The keep-the-wrapped-key suggestion: the sinks get the blob the Decrypt unwrapped. */
const keepWrappedIn = (name: string, body: string, imports: string) => [
  { messageId: 'keepWrappedKey' as const, output: unwrapThen(name, body.replace(/out\.Plaintext!(?!\.length)/g, 'wrappedKey'), imports) },
];

const probes: { name: string; imports: string; body: string }[] = [
  { name: 'fs.writeSync on a file descriptor', imports: "import { openSync, writeSync } from 'node:fs';\n", body: "writeSync(openSync('/tmp/k', 'w'), out.Plaintext!);" },
  { name: 'Pub/Sub publishMessage', imports: "import { PubSub } from '@google-cloud/pubsub';\nconst pubsub = new PubSub();\n", body: `await pubsub.topic('keys').publishMessage({ json: { key: ${hex} } });` },
  { name: 'pg-boss send, whatever the binding is called', imports: "import PgBoss from 'pg-boss';\nconst boss = new PgBoss('postgres://db');\n", body: `await boss.send('rekey', { key: ${hex} });` },
  { name: 'an Azure Service Bus sender', imports: "import { ServiceBusClient } from '@azure/service-bus';\nconst bus = new ServiceBusClient('cs');\n", body: `await bus.createSender('keys').sendMessages({ body: { key: ${hex} } });` },
  { name: 'an email (nodemailer sendMail)', imports: "import nodemailer from 'nodemailer';\nconst mailer = nodemailer.createTransport({ host: 'smtp' });\n", body: `await mailer.sendMail({ to: 'ops@example.com', text: ${hex} });` },
  { name: 'a Step Functions execution input', imports: "import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';\nconst sfn = new SFNClient({});\n", body: `await sfn.send(new StartExecutionCommand({ stateMachineArn: 'arn', input: JSON.stringify({ key: ${hex} }) }));` },
  { name: 'a Firehose PutRecordBatch', imports: "import { FirehoseClient, PutRecordBatchCommand } from '@aws-sdk/client-firehose';\nconst firehose = new FirehoseClient({});\n", body: `await firehose.send(new PutRecordBatchCommand({ DeliveryStreamName: 's', Records: [{ Data: Buffer.from(${hex}) }] }));` },
  { name: 'a DynamoDB TransactWriteItems', imports: "import { DynamoDBClient, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';\nconst ddb = new DynamoDBClient({});\n", body: "await ddb.send(new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: 't', Item: { k: { B: out.Plaintext! } } } }] }));" },
  { name: 'a Nest HttpException message', imports: "import { HttpException } from '@nestjs/common';\n", body: `if (out.Plaintext!.length !== 32) throw new HttpException(\`bad key \${${hex}}\`, 500);` },
];

tester.run('no-plaintext-data-key-exposure (blind-s11 probes)', exposure as never, {
  valid: [
    {
      name: 'a Koa error that names only the key id',
      code: unwrapThen('checkKey', "if (out.Plaintext!.length !== 32) ctx.throw(500, `bad key from ${out.KeyId}`);", "import type { Context } from 'koa';\ndeclare const ctx: Context;\n"),
    },
    {
      name: 'an email that carries only the wrapped key',
      code: unwrapThen('mailWrapped', "await mailer.sendMail({ to: 'ops@example.com', text: Buffer.from(wrappedKey).toString('base64') });", "import nodemailer from 'nodemailer';\nconst mailer = nodemailer.createTransport({ host: 'smtp' });\n"),
    },
  ],
  invalid: [
    ...probes.map((probe) => ({
      name: probe.name,
      code: unwrapThen('probe', probe.body, probe.imports),
      errors: [{ messageId: 'dataKeyExposed' as const, line: probeLine(probe.imports), suggestions: keepWrappedIn('probe', probe.body, probe.imports) }],
    })),
    {
      name: "Koa's ctx.throw with the key in the message",
      code: unwrapThen('checkKey', `if (out.Plaintext!.length !== 32) ctx.throw(500, \`bad key \${${hex}}\`);`, "import type { Context } from 'koa';\ndeclare const ctx: Context;\n"),
      errors: [
        {
          messageId: 'dataKeyExposed',
          line: probeLine("import type { Context } from 'koa';\ndeclare const ctx: Context;\n"),
          suggestions: keepWrappedIn('checkKey', `if (out.Plaintext!.length !== 32) ctx.throw(500, \`bad key \${${hex}}\`);`, "import type { Context } from 'koa';\ndeclare const ctx: Context;\n"),
        },
      ],
    },
    {
      name: "Hono's c.text in a route handler",
      code: `import { Hono } from 'hono';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export const app = new Hono();
app.get('/k/:id', async (c) => {
  const wrappedKey = Buffer.from(c.req.param('id'), 'base64');
  const out = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { op: 'k' } }));
  try {
    return c.text(Buffer.from(out.Plaintext!).toString('hex'));
  } finally {
    out.Plaintext?.fill(0);
  }
});`,
      errors: [
        {
          messageId: 'dataKeyExposed',
          line: 7,
          suggestions: [
            {
              messageId: 'keepWrappedKey',
              output: `import { Hono } from 'hono';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export const app = new Hono();
app.get('/k/:id', async (c) => {
  const wrappedKey = Buffer.from(c.req.param('id'), 'base64');
  const out = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { op: 'k' } }));
  try {
    return c.text(Buffer.from(wrappedKey).toString('hex'));
  } finally {
    out.Plaintext?.fill(0);
  }
});`,
            },
          ],
        },
      ],
    },
  ],
});
