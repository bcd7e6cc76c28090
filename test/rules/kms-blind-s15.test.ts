import contextRule from '../../rules/kms-require-encryption-context';
import envelope from '../../rules/prefer-envelope-encryption';
import exposure from '../../rules/no-plaintext-data-key-exposure';
import zeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// Session 15's kms blind set (test/fixtures/corpus/kms/blind-s15): the shapes it found missing, each
// with the look-alike that must stay quiet.

const tester = createRuleTester();

const header = `import { DecryptCommand, GenerateDataKeyCommand, GenerateDataKeyPairCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
`;

/** A KMS data key pair whose private key is turned into a key object, then stored. */
const keyObjectCode = (stored: string) => `${header}import { createPrivateKey, sign } from 'node:crypto';
export async function enrol(db: { query(sql: string, values: unknown[]): Promise<unknown> }, tenantId: string, doc: Buffer) {
  const pair = await kms.send(new GenerateDataKeyPairCommand({ KeyId: 'alias/sso', KeyPairSpec: 'RSA_2048', EncryptionContext: { tenantId } }));
  try {
    const privateKey = createPrivateKey({ key: Buffer.from(pair.PrivateKeyPlaintext!), format: 'der', type: 'pkcs8' });
    const signature = sign('sha256', doc, privateKey);
    await db.query('INSERT INTO keys VALUES ($1, $2, $3)', [tenantId, signature, ${stored}]);
  } finally {
    pair.PrivateKeyPlaintext?.fill(0);
  }
}`;

/** Deno writing a file next to the service. */
const denoCode = (written: string) => `${header}export async function cacheKey(path: string, id: string) {
  const out = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/notes', KeySpec: 'AES_256', EncryptionContext: { id } }));
  try {
    await Deno.writeTextFile(path, JSON.stringify(${written}));
  } finally {
    out.Plaintext?.fill(0);
  }
}`;

/** An HTTP/2 server answering on the request's stream. */
const http2Code = (factory: string, body: string) => `${header}import http2 from 'node:http2';
const server = http2.${factory}({});
server.on('stream', async (stream, headers) => {
  const { Plaintext, CiphertextBlob } = await kms.send(new DecryptCommand({ CiphertextBlob: Buffer.from(String(headers['x-wrapped']), 'base64'), EncryptionContext: { title: String(headers[':path']) } }));
  try {
    stream.respond({ ':status': 200 });
    stream.end(${body});
  } finally {
    Plaintext?.fill(0);
  }
});`;

/** A bullmq worker's processor writing to the job's log. */
const jobLogCode = (logged: string) => `${header}import { Worker, type Job } from 'bullmq';
async function encryptDump(job: Job<{ database: string }>) {
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/backups', KeySpec: 'AES_256', EncryptionContext: { database: job.data.database } }));
  try {
    await job.log(\`data key for \${job.data.database}: \${${logged}}\`);
  } finally {
    dk.Plaintext?.fill(0);
  }
}
export const worker = new Worker('backups', encryptDump, { connection: { host: 'localhost' } });`;

/** A coordinator invoking another Lambda function with a payload. */
const invokeCode = (field: string) => `${header}import { LambdaClient, InvokeCommand } from '@aws-sdk/client-lambda';
const lambda = new LambdaClient({});
export async function fanOut(shard: { id: string; wrappedKey: Uint8Array }) {
  const { Plaintext, CiphertextBlob } = await kms.send(new DecryptCommand({ CiphertextBlob: shard.wrappedKey, EncryptionContext: { shard: shard.id } }));
  try {
    await lambda.send(new InvokeCommand({ FunctionName: 'indexer', InvocationType: 'Event', Payload: Buffer.from(JSON.stringify({ shard: shard.id, key: Buffer.from(${field}).toString('base64') })) }));
  } finally {
    Plaintext?.fill(0);
  }
}`;

/** A failure reported to Sentry with extra data. */
const sentryCode = (extra: string) => `${header}import * as Sentry from '@sentry/node';
export async function reencrypt(contractId: string, wrappedKey: Buffer) {
  const { Plaintext: contractKey, KeyId } = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { contractId } }));
  try {
    throw new Error('not implemented');
  } catch (err) {
    Sentry.captureException(err, { extra: { contractId, ${extra} } });
  } finally {
    contractKey?.fill(0);
  }
}`;

/** A Fastify plugin decorating the instance with an unwrapped key, and a debug route. */
const decorateCode = (route: string) => `${header}import type { FastifyInstance } from 'fastify';
export default async function serviceKeyPlugin(app: FastifyInstance) {
  const out = await kms.send(new DecryptCommand({ CiphertextBlob: Buffer.from(process.env.WRAPPED ?? '', 'base64'), EncryptionContext: { service: 'ledger' } }));
  const serviceKey = Buffer.from(out.Plaintext!);
  out.Plaintext!.fill(0);
  app.decorate('serviceKey', serviceKey);
  app.addHook('onClose', async (instance) => {
    instance.serviceKey.fill(0);
  });
  app.get('/_debug/kms', async () => (${route}));
}`;

/** A pino logger configured with redaction paths. */
const pinoCode = (redact: string, logged: string) => `${header}import pino from 'pino';
const logger = pino({ level: 'debug', redact: ${redact} });
export async function seal(uploadId: string) {
  const dataKey = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/uploads', KeySpec: 'AES_256', EncryptionContext: { uploadId } }));
  try {
    logger.debug(${logged}, 'generated upload data key');
    return Buffer.from(dataKey.CiphertextBlob!);
  } finally {
    dataKey.Plaintext?.fill(0);
  }
}`;

/** An abstract caching provider whose public method returns what a subclass's protected `unwrap` gives it. */
const providerCode = (keyFor: string) => `${header}export abstract class CachingKeyProvider {
  private readonly entries = new Map<string, Uint8Array>();
  protected abstract unwrap(id: string, wrapped: Uint8Array): Promise<Uint8Array>;
${keyFor}
}
export class AwsKeyProvider extends CachingKeyProvider {
  protected async unwrap(id: string, wrapped: Uint8Array): Promise<Uint8Array> {
    const out = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { id } }));
    return out.Plaintext!;
  }
}`;
const returningKeyFor = `  async keyFor(id: string, wrapped: Uint8Array): Promise<Uint8Array> {
    const hit = this.entries.get(id);
    if (hit) return hit;
    return this.unwrap(id, wrapped).then((key) => {
      this.entries.set(id, key);
      return key;
    });
  }`;
const loaningKeyFor = `  async withKey<R>(id: string, wrapped: Uint8Array, use: (key: Uint8Array) => Promise<R>): Promise<R> {
    const key = await this.unwrap(id, wrapped);
    try {
      return await use(key);
    } finally {
      key.fill(0);
    }
  }`;

tester.run('no-plaintext-data-key-exposure (blind-s15)', exposure as never, {
  valid: [
    { name: 'a key object made from the private key signs; only the signature and the wrapped key are stored', code: keyObjectCode('Buffer.from(pair.PrivateKeyCiphertextBlob!)') },
    { name: 'a key object made from the private key is not its material: storing its type is no exposure', code: keyObjectCode('privateKey.asymmetricKeyType') },
    { name: 'Deno: only the wrapped key is written', code: denoCode('{ wrapped: Buffer.from(out.CiphertextBlob!).toString(\'base64\') }') },
    { name: 'HTTP/2: the stream answers with the wrapped key', code: http2Code('createSecureServer', 'Buffer.from(CiphertextBlob!)') },
    { name: 'bullmq: the job log names the key id', code: jobLogCode('dk.KeyId') },
    { name: 'Lambda Invoke: the payload carries the wrapped key', code: invokeCode('CiphertextBlob!') },
    { name: 'Sentry: the extra data names the key id', code: sentryCode('keyId: KeyId') },
    { name: 'Fastify: a debug route says how long the decorated key is', code: decorateCode('{ keyLength: app.serviceKey.length }') },
    { name: 'pino: the whole response is logged under a redacted path', code: pinoCode("['Plaintext', '*.Plaintext']", '{ uploadId, dataKey }') },
    { name: 'pino: redact given as { paths } with a bracketed path', code: pinoCode('{ paths: [\'meta["dataKey"].Plaintext\'], censor: \'[REDACTED]\' }', '{ meta: { dataKey } }') },
    { name: 'an abstract provider lending the key to a callback and wiping it', code: providerCode(loaningKeyFor) },
  ],
  invalid: [
    {
      name: 'a key object made from the private key, exported as PEM and stored',
      code: keyObjectCode("privateKey.export({ format: 'pem', type: 'pkcs8' })"),
      errors: [{ messageId: 'dataKeyExposed', line: 5 }],
    },
    {
      name: 'Deno.writeTextFile writes the plaintext to disk',
      code: denoCode("{ key: Buffer.from(out.Plaintext!).toString('base64') }"),
      errors: [{ messageId: 'dataKeyExposed', line: 4, suggestions: [{ messageId: 'keepWrappedKey', output: denoCode("{ key: Buffer.from(out.CiphertextBlob!).toString('base64') }") }] }],
    },
    {
      name: "HTTP/2: stream.end answers the client with the key",
      code: http2Code('createSecureServer', 'Buffer.from(Plaintext!)'),
      errors: [{ messageId: 'dataKeyExposed', line: 6 }],
    },
    {
      name: "bullmq: job.log keeps the line in Redis and shows it in dashboards",
      code: jobLogCode("Buffer.from(dk.Plaintext!).toString('base64')"),
      errors: [{ messageId: 'dataKeyExposed', line: 5, suggestions: [{ messageId: 'keepWrappedKey', output: jobLogCode("Buffer.from(dk.CiphertextBlob!).toString('base64')") }] }],
    },
    {
      name: "Lambda InvokeCommand's Payload is the other function's event",
      code: invokeCode('Plaintext!'),
      errors: [{ messageId: 'dataKeyExposed', line: 6, suggestions: [{ messageId: 'keepWrappedKey', output: invokeCode('shard.wrappedKey') }] }],
    },
    {
      name: 'Sentry.captureException ships its extra data with the event',
      code: sentryCode("keyHex: Buffer.from(contractKey!).toString('hex')"),
      errors: [{ messageId: 'dataKeyExposed', line: 5, suggestions: [{ messageId: 'keepWrappedKey', output: sentryCode("keyHex: Buffer.from(wrappedKey).toString('hex')") }] }],
    },
    {
      name: 'Fastify: a route returns the decorated key',
      code: decorateCode("{ key: app.serviceKey.toString('base64') }"),
      errors: [{ messageId: 'dataKeyExposed', line: 5 }],
    },
    {
      name: 'pino: the key is logged under a field the redaction does not cover',
      code: pinoCode("['Plaintext', '*.Plaintext']", "{ uploadId, uploadKey: Buffer.from(dataKey.Plaintext!).toString('base64') }"),
      errors: [
        {
          messageId: 'dataKeyExposed',
          line: 6,
          suggestions: [{ messageId: 'keepWrappedKey', output: pinoCode("['Plaintext', '*.Plaintext']", "{ uploadId, uploadKey: Buffer.from(dataKey.CiphertextBlob!).toString('base64') }") }],
        },
      ],
    },
    {
      name: 'pino: a redaction one level too shallow for the nested response',
      code: pinoCode("['*.Plaintext']", '{ meta: { dataKey } }'),
      errors: [{ messageId: 'dataKeyExposed', line: 6 }],
    },
    {
      name: "an abstract provider's public method returns what the subclass's protected unwrap resolves to",
      code: providerCode(returningKeyFor),
      errors: [{ messageId: 'dataKeyExposed', line: 17 }],
    },
  ],
});

/** A key cache entry built in a local `let` and stored in a module Map. */
const cacheEntryCode = (store: string) => `${header}const cache = new Map<string, { key: Uint8Array; loadedAt: number }>();
export async function load(id: string, wrapped: Uint8Array) {
  let entry = cache.get(id);
  if (!entry) {
    const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { id } }));
    entry = { key: Plaintext!, loadedAt: Date.now() };
    ${store}
  }
  return entry.loadedAt;
}`;

tester.run('require-key-zeroization (blind-s15)', zeroization as never, {
  valid: [
    { name: 'a holder assigned to a local `let` and stored in a module Map', code: cacheEntryCode('cache.set(id, entry);') },
    { name: 'a copy decorated onto a Fastify instance', code: decorateCode('{ ok: true }') },
  ],
  invalid: [
    {
      name: 'a holder assigned to a local `let` and only read',
      code: cacheEntryCode('console.log(entry.loadedAt);'),
      errors: [
        {
          messageId: 'notWiped',
          line: 7,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: cacheEntryCode('console.log(entry.loadedAt);').replace(
                '    entry = { key: Plaintext!, loadedAt: Date.now() };\n',
                '    try {\n      entry = { key: Plaintext!, loadedAt: Date.now() };\n    } finally {\n      Plaintext?.fill(0);\n    }\n',
              ),
            },
          ],
        },
      ],
    },
  ],
});

/** A request whose context is a null-prototype object, filled in or not. */
const nullPrototypeCode = (fill: string, context = 'ctx') => `${header}export async function seal(ticketId: string) {
  const ctx: Record<string, string> = Object.create(null);
  ${fill}
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/tickets', KeySpec: 'AES_256', EncryptionContext: ${context} }));
  dk.Plaintext?.fill(0);
  return dk.CiphertextBlob;
}`;

const inlineNullPrototypeCode = (context: string) => `${header}export async function seal(ticketId: string) {
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/tickets', KeySpec: 'AES_256', EncryptionContext: ${context} }));
  dk.Plaintext?.fill(0);
  return dk.CiphertextBlob;
}`;

tester.run('kms-require-encryption-context (blind-s15)', contextRule as never, {
  valid: [{ name: 'Object.create(null) filled in before the call', code: nullPrototypeCode('ctx.ticketId = ticketId;') }],
  invalid: [
    {
      name: 'Object.create(null) that nothing fills in',
      code: nullPrototypeCode(''),
      errors: [{ messageId: 'missingContext', line: 6, suggestions: [{ messageId: 'addContext', output: nullPrototypeCode('', '{ ticketId }') }] }],
    },
    {
      name: 'Object.create(null) written in the request',
      code: inlineNullPrototypeCode('Object.create(null)'),
      errors: [{ messageId: 'missingContext', line: 4, suggestions: [{ messageId: 'addContext', output: inlineNullPrototypeCode('{ ticketId }') }] }],
    },
  ],
});

/** A local helper that signs AWS KMS JSON requests for any operation (Workers, Deno: no SDK), and calls of it. */
const jsonHelperCode = (calls: string) => `import { AwsClient } from 'aws4fetch';
const aws = new AwsClient({ accessKeyId: process.env.AK!, secretAccessKey: process.env.SK!, service: 'kms' });
async function kmsCall(target: string, body: Record<string, unknown>) {
  const res = await aws.fetch('https://kms.eu-west-1.amazonaws.com/', {
    method: 'POST',
    headers: { 'X-Amz-Target': \`TrentService.\${target}\`, 'Content-Type': 'application/x-amz-json-1.1' },
    body: JSON.stringify(body),
  });
  return res.json();
}
${calls}`;

tester.run('kms-require-encryption-context (blind-s15, JSON API helper)', contextRule as never, {
  valid: [
    {
      name: 'a Decrypt through the helper with a context',
      code: jsonHelperCode(`export async function open(id: string, blob: string) {
  const out = await kmsCall('Decrypt', { CiphertextBlob: blob, EncryptionContext: { id } });
  return out.KeyId;
}`),
    },
  ],
  invalid: [
    {
      name: 'a Decrypt through the helper without a context',
      code: jsonHelperCode(`export async function open(id: string, blob: string) {
  const out = await kmsCall('Decrypt', { CiphertextBlob: blob });
  return out.KeyId;
}`),
      errors: [{ messageId: 'missingContext', line: 12 }],
    },
  ],
});

tester.run('no-plaintext-data-key-exposure (blind-s15, JSON API helper)', exposure as never, {
  valid: [
    {
      name: 'a data key through the helper: only the wrapped key is stored',
      code: jsonHelperCode(`export async function provision(kv: { put(k: string, v: string): Promise<void> }, id: string) {
  const dk = await kmsCall('GenerateDataKey', { KeyId: 'alias/rooms', KeySpec: 'AES_256', EncryptionContext: { id } });
  await kv.put(id, dk.CiphertextBlob);
}`),
    },
  ],
  invalid: [
    {
      name: 'a data key through the helper, stored in plaintext',
      code: jsonHelperCode(`export async function provision(kv: { put(k: string, v: string): Promise<void> }, id: string) {
  const dk = await kmsCall('GenerateDataKey', { KeyId: 'alias/rooms', KeySpec: 'AES_256', EncryptionContext: { id } });
  await kv.put(id, dk.Plaintext);
}`),
      errors: [{ messageId: 'dataKeyExposed', line: 12 }],
    },
  ],
});

tester.run('prefer-envelope-encryption (blind-s15, JSON API helper)', envelope as never, {
  valid: [
    {
      name: 'Encrypt of a local data key through the helper',
      code: jsonHelperCode(`export async function wrap(id: string, dek: Uint8Array) {
  return kmsCall('Encrypt', { KeyId: 'alias/rooms', Plaintext: btoa(String.fromCharCode(...dek)), EncryptionContext: { id } });
}`),
    },
  ],
  invalid: [
    {
      name: 'Encrypt of a form through the helper',
      code: jsonHelperCode(`export async function seal(id: string, form: Record<string, string>) {
  return kmsCall('Encrypt', { KeyId: 'alias/forms', Plaintext: btoa(JSON.stringify(form)), EncryptionContext: { id } });
}`),
      errors: [{ messageId: 'directKmsEncrypt', line: 12 }],
    },
  ],
});

/** Client options built by a local function around a key read from a file, printed at start-up. */
const optionsLogCode = (logged: string) => `import { readFileSync } from 'node:fs';
function autoEncryptionOptions() {
  const localMasterKey = readFileSync(process.env.CSFLE_LOCAL_KEY_PATH ?? '/run/secrets/master.key');
  return { keyVaultNamespace: 'encryption.__keyVault', kmsProviders: { local: { key: localMasterKey } } };
}
export function connect() {
  const autoEncryption = autoEncryptionOptions();
  console.log('auto-encryption settings: %s', ${logged});
  return autoEncryption;
}`;

tester.run('no-plaintext-data-key-exposure (blind-s15, options holding a secret)', exposure as never, {
  valid: [
    { name: 'only the key vault namespace and the key length are printed', code: optionsLogCode('`${autoEncryption.keyVaultNamespace} (${autoEncryption.kmsProviders.local.key.length} bytes)`') },
    {
      name: 'an options object holding only settings',
      code: `function options() {
  return { keyVaultNamespace: 'encryption.__keyVault', bypassAutoEncryption: false, keyId: process.env.KEY_ID };
}
export function connect() {
  const settings = options();
  console.log('settings', JSON.stringify(settings));
  return settings;
}`,
    },
  ],
  invalid: [
    {
      name: 'the whole options object, master key included, printed as JSON',
      code: optionsLogCode('JSON.stringify(autoEncryption, null, 2)'),
      errors: [{ messageId: 'secretLogged', line: 8 }],
    },
  ],
});

/** The same family on other runtimes and clients: Bun's file write, the aggregated Lambda client, a bull processor. */
const runtimeCode = (bun: string, invoke: string, jobLog: string) => `${header}import { Lambda } from '@aws-sdk/client-lambda';
import Queue from 'bull';
const lambda = new Lambda({});
const backups = new Queue('backups');
export async function cacheKey(id: string) {
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/cache', KeySpec: 'AES_256', EncryptionContext: { id } }));
  try {
    await Bun.write(\`/var/cache/\${id}.key\`, ${bun});
  } finally {
    dk.Plaintext?.fill(0);
  }
}
export async function fanOut(id: string) {
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/shards', KeySpec: 'AES_256', EncryptionContext: { id } }));
  try {
    await lambda.invoke({ FunctionName: 'indexer', Payload: Buffer.from(JSON.stringify({ id, key: ${invoke} })) });
  } finally {
    dk.Plaintext?.fill(0);
  }
}
backups.process(async (job) => {
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/backups', KeySpec: 'AES_256', EncryptionContext: { id: job.data.id } }));
  try {
    await job.log(\`key \${${jobLog}}\`);
  } finally {
    dk.Plaintext?.fill(0);
  }
});`;

const WRAPPED = "Buffer.from(dk.CiphertextBlob!).toString('base64')";
const PLAINTEXT = "Buffer.from(dk.Plaintext!).toString('base64')";

tester.run('no-plaintext-data-key-exposure (blind-s15, runtimes and clients)', exposure as never, {
  valid: [{ name: 'Bun.write, lambda.invoke and a bull job log given the wrapped key', code: runtimeCode(WRAPPED, WRAPPED, WRAPPED) }],
  invalid: [
    {
      name: 'Bun.write, lambda.invoke and a bull job log given the plaintext',
      code: runtimeCode(PLAINTEXT, PLAINTEXT, PLAINTEXT),
      errors: [
        { messageId: 'dataKeyExposed', line: 8, suggestions: [{ messageId: 'keepWrappedKey', output: runtimeCode(WRAPPED, PLAINTEXT, PLAINTEXT) }] },
        { messageId: 'dataKeyExposed', line: 16, suggestions: [{ messageId: 'keepWrappedKey', output: runtimeCode(PLAINTEXT, WRAPPED, PLAINTEXT) }] },
        { messageId: 'dataKeyExposed', line: 24, suggestions: [{ messageId: 'keepWrappedKey', output: runtimeCode(PLAINTEXT, PLAINTEXT, WRAPPED) }] },
      ],
    },
  ],
});
