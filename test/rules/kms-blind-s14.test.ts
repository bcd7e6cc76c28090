import envelope from '../../rules/prefer-envelope-encryption';
import contextRule from '../../rules/kms-require-encryption-context';
import exposure from '../../rules/no-plaintext-data-key-exposure';
import zeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// Session 14's kms blind set (test/fixtures/corpus/kms/blind-s14): the shapes it found missing, each
// with the look-alike that must stay quiet.

const tester = createRuleTester();

const header = `import { DecryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
`;

/** A Hono route setting a cookie with Hono's cookie helper. */
const honoCookieCode = (value: string) => `${header}import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
export const app = new Hono();
app.post('/previews/:id', async (c) => {
  const { Plaintext, CiphertextBlob } = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/p', KeySpec: 'AES_256', EncryptionContext: { id: c.req.param('id') } }));
  setCookie(c, 'preview', ${value}, { httpOnly: true });
  Plaintext?.fill(0);
  return c.json({ ok: true });
});`;

/** A Fastify route signing a ticket with @fastify/jwt's `reply.jwtSign`. */
const jwtSignCode = (claims: string) => `${header}import Fastify from 'fastify';
const app = Fastify();
app.post('/tickets/:id', async (request, reply) => {
  const { Plaintext, CiphertextBlob } = await kms.send(new DecryptCommand({ CiphertextBlob: request.body.wrappedKey, EncryptionContext: { id: request.params.id } }));
  try {
    const ticket = await reply.jwtSign(${claims});
    return { ticket };
  } finally {
    Plaintext?.fill(0);
  }
});`;

/** Azure Blob metadata set from an unwrapped key. */
const blobMetadataCode = (value: string) => `import { CryptographyClient } from '@azure/keyvault-keys';
export async function prepare(kek: CryptographyClient, blob: { setMetadata(m: Record<string, string>): Promise<unknown> }, wrappedKey: Uint8Array) {
  const unwrapped = await kek.unwrapKey('RSA-OAEP-256', wrappedKey);
  try {
    await blob.setMetadata({ vendorkey: ${value} });
  } finally {
    unwrapped.result.fill(0);
  }
}`;

/** A Cloud Tasks task whose HTTP body carries the payload. */
const cloudTasksCode = (value: string) => `import { KeyManagementServiceClient } from '@google-cloud/kms';
import { CloudTasksClient } from '@google-cloud/tasks';
const kms = new KeyManagementServiceClient();
const tasks = new CloudTasksClient();
export async function schedule(name: string, parent: string, wrappedDek: Buffer, id: string) {
  const [unwrapped] = await kms.decrypt({ name, ciphertext: wrappedDek, additionalAuthenticatedData: Buffer.from(id) });
  const payload = { id, dek: ${value} };
  try {
    await tasks.createTask({ parent, task: { httpRequest: { httpMethod: 'POST', url: 'https://worker/render', body: Buffer.from(JSON.stringify(payload)).toString('base64') } } });
  } finally {
    (unwrapped.plaintext as Uint8Array).fill(0);
  }
}`;

/** A data key requested through a retry wrapper and sent in a response. */
const retryCode = (field: string) => `${header}import { withRetry } from './retry';
export async function issue(req: { body: { id: string } }, res: { json(v: unknown): void }) {
  const { Plaintext, CiphertextBlob } = await withRetry(() => kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/u', KeySpec: 'AES_256', EncryptionContext: { id: req.body.id } })));
  try {
    res.json({ key: Buffer.from(${field}!).toString('base64') });
  } finally {
    Plaintext?.fill(0);
  }
}`;

/** A data key made at start-up and kept in a module binding. */
const bootKeyCode = (declaration: string) => `${header}${declaration}
export async function boot(region: string) {
  const res = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/export', KeySpec: 'AES_256', EncryptionContext: { region } }));
  exportDataKey = res.Plaintext;
}
export const ready = () => exportDataKey !== undefined;`;

/** Koa middleware keeping the key on `ctx.state` for the routes after it. */
const koaStateCode = (body: string) => `${header}import Router from '@koa/router';
const router = new Router();
async function loadKey(ctx: any, next: () => Promise<void>) {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: ctx.request.body.wrappedKey, EncryptionContext: { id: ctx.params.id } }));
  ctx.state.segmentKey = Plaintext;
  try {
    await next();
  } finally {
    Plaintext?.fill(0);
  }
}
router.get('/live/:id/key', loadKey, async (ctx) => {
  ctx.body = ${body};
});`;

/** A local class wrapping a GenerateDataKey response, read through getters. */
const handleClass = `class DataKeyHandle {
  constructor(private readonly out: { Plaintext?: Uint8Array; KeyId?: string }) {}
  get keyId(): string {
    return this.out.KeyId ?? 'unknown';
  }
  get hex(): string {
    return Buffer.from(this.out.Plaintext!).toString('hex');
  }
  destroy(): void {
    this.out.Plaintext?.fill(0);
  }
}`;
const handleCode = (logged: string) => `${header}${handleClass}
export async function seal(backupId: string) {
  const handle = new DataKeyHandle(await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/b', KeySpec: 'AES_256', EncryptionContext: { backupId } })));
  try {
    console.debug('sealing', { backupId, ${logged} });
  } finally {
    handle.destroy();
  }
}`;
const boundHandleCode = (logged: string) => `${header}class Handle {
  #out: { Plaintext?: Uint8Array };
  constructor(out: { Plaintext?: Uint8Array }) {
    this.#out = out;
  }
  get hex(): string {
    return Buffer.from(this.#out.Plaintext!).toString('hex');
  }
}
export async function seal(backupId: string) {
  const out = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/b', KeySpec: 'AES_256', EncryptionContext: { backupId } }));
  const handle = new Handle(out);
  try {
    console.debug('sealing', ${logged});
  } finally {
    out.Plaintext?.fill(0);
  }
}`;

/** A Hono middleware keeping the key in a context variable for the handlers after it. */
const honoVariableCode = (body: string) => `${header}import { Hono } from 'hono';
export const app = new Hono();
app.use('/exports/*', async (c, next) => {
  const { Plaintext } = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/e', KeySpec: 'AES_256', EncryptionContext: { path: c.req.path } }));
  c.set('exportKey', Plaintext);
  try {
    await next();
  } finally {
    Plaintext?.fill(0);
  }
});
app.get('/exports/debug', (c) => c.json(${body}));`;

/** An Azure Blob upload whose options carry the object's metadata. */
const uploadMetadataCode = (value: string) => `${header}export async function put(blob: { uploadData(d: Buffer, o: object): Promise<unknown> }, id: string, data: Buffer) {
  const { Plaintext, CiphertextBlob } = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/blobs', KeySpec: 'AES_256', EncryptionContext: { id } }));
  try {
    await blob.uploadData(data, { metadata: { dek: ${value} }, blobHTTPHeaders: { blobContentType: 'application/octet-stream' } });
  } finally {
    Plaintext?.fill(0);
  }
}`;

/** Credentials read from Parameter Store and logged. */
const ssmCode = (logged: string) => `import { SSMClient, GetParameterCommand } from '@aws-sdk/client-ssm';
const ssm = new SSMClient({});
export async function connect() {
  const { Parameter } = await ssm.send(new GetParameterCommand({ Name: '/mailer/smtp-password', WithDecryption: true }));
  const smtpPassword = Parameter?.Value;
  const password = smtpPassword;
  const passwordHash = smtpPassword?.length;
  console.log('smtp login', ${logged});
  return { password };
}`;

tester.run('no-plaintext-data-key-exposure (blind-s14)', exposure as never, {
  valid: [
    { name: 'Hono: the cookie holds the wrapped key', code: honoCookieCode("Buffer.from(CiphertextBlob!).toString('base64url')") },
    { name: '@fastify/jwt: the claims name the key id only', code: jwtSignCode('{ sub: request.params.id }') },
    { name: 'Azure Blob metadata holding the wrapped key', code: blobMetadataCode("Buffer.from(wrappedKey).toString('base64')") },
    { name: 'Cloud Tasks: the task body holds the wrapped key', code: cloudTasksCode("wrappedDek.toString('base64')") },
    { name: 'a retry wrapper: only the wrapped key is sent', code: retryCode('CiphertextBlob') },
    { name: 'a start-up key kept in a module binding nobody imports', code: bootKeyCode('let exportDataKey: Uint8Array | undefined;') },
    { name: 'Koa: the route reads the key from ctx.state only to report that it is loaded', code: koaStateCode('{ loaded: Boolean(ctx.state.segmentKey) }') },
    { name: 'a local handle class: only its key id is logged', code: handleCode('keyId: handle.keyId') },
    { name: 'a local handle class bound first: its getter is not logged', code: boundHandleCode('backupId') },
    { name: 'a bare `password` binding and a `passwordHash` name are not logged secrets', code: ssmCode('password, passwordHash') },
    { name: 'Hono: a handler reads the context variable only to say the key is there', code: honoVariableCode("{ loaded: c.get('exportKey') !== undefined }") },
    { name: 'Azure Blob upload metadata holding the wrapped key', code: uploadMetadataCode("Buffer.from(CiphertextBlob!).toString('base64')") },
    {
      name: 'a module-internal helper returning the response to a caller that keeps only the wrapped key',
      code: `${header}import { createCipheriv, randomBytes } from 'node:crypto';
async function newKey(docId: string) {
  return kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/docs', KeySpec: 'AES_256', EncryptionContext: { docId } }));
}
export async function seal(docId: string, data: Buffer) {
  const { Plaintext, CiphertextBlob } = await newKey(docId);
  try {
    return { wrapped: CiphertextBlob, body: createCipheriv('aes-256-gcm', Plaintext!, randomBytes(12)).update(data) };
  } finally {
    Plaintext?.fill(0);
  }
}`,
    },
  ],
  invalid: [
    {
      name: "Hono's setCookie sets a cookie on the response",
      code: honoCookieCode("Buffer.from(Plaintext!).toString('base64url')"),
      errors: [{ messageId: 'dataKeyExposed', line: 7, suggestions: [{ messageId: 'keepWrappedKey', output: honoCookieCode("Buffer.from(CiphertextBlob!).toString('base64url')") }] }],
    },
    {
      name: "@fastify/jwt's reply.jwtSign puts the claims in a readable token",
      code: jwtSignCode("{ sub: request.params.id, k: Buffer.from(Plaintext!).toString('base64url') }"),
      // Through the token's binding: no swap is offered (`indirect`).
      errors: [{ messageId: 'dataKeyExposed', line: 6 }],
    },
    {
      name: 'Azure Blob setMetadata stores the unwrapped key with the object',
      code: blobMetadataCode("Buffer.from(unwrapped.result).toString('base64')"),
      errors: [{ messageId: 'dataKeyExposed', line: 3, suggestions: [{ messageId: 'keepWrappedKey', output: blobMetadataCode("Buffer.from(wrappedKey).toString('base64')") }] }],
    },
    {
      name: 'Cloud Tasks createTask keeps the body in the queue',
      code: cloudTasksCode("Buffer.from(unwrapped.plaintext as Uint8Array).toString('base64')"),
      errors: [{ messageId: 'dataKeyExposed', line: 6 }],
    },
    {
      name: 'a retry wrapper resolves to the KMS response',
      code: retryCode('Plaintext'),
      errors: [{ messageId: 'dataKeyExposed', line: 5, suggestions: [{ messageId: 'keepWrappedKey', output: retryCode('CiphertextBlob') }] }],
    },
    {
      name: 'a start-up key assigned to an `export let` is handed to every importer',
      code: bootKeyCode('export let exportDataKey: Uint8Array | undefined;'),
      errors: [{ messageId: 'dataKeyExposed', line: 5 }],
    },
    {
      name: 'Koa: a key kept on ctx.state is sent by the next middleware',
      code: koaStateCode('Buffer.from(ctx.state.segmentKey)'),
      errors: [{ messageId: 'dataKeyExposed', line: 6 }],
    },
    {
      name: 'a response handed straight to a local class whose getter is logged',
      code: handleCode('key: handle.hex'),
      errors: [{ messageId: 'dataKeyExposed', line: 16 }],
    },
    {
      name: 'a bound response kept in a private field and logged through a getter',
      code: boundHandleCode('handle.hex'),
      errors: [{ messageId: 'dataKeyExposed', line: 13 }],
    },
    {
      name: 'Hono: a key kept in a context variable is sent by a later handler (`c.get`)',
      code: honoVariableCode("{ key: Buffer.from(c.get('exportKey')).toString('hex') }"),
      errors: [{ messageId: 'dataKeyExposed', line: 6 }],
    },
    {
      name: 'Hono: a key kept in a context variable is sent by a later handler (`c.var`)',
      code: honoVariableCode("{ key: Buffer.from(c.var.exportKey).toString('hex') }"),
      errors: [{ messageId: 'dataKeyExposed', line: 6 }],
    },
    {
      name: 'Azure Blob upload options: the metadata is stored with the object',
      code: uploadMetadataCode("Buffer.from(Plaintext!).toString('base64')"),
      errors: [{ messageId: 'dataKeyExposed', line: 4, suggestions: [{ messageId: 'keepWrappedKey', output: uploadMetadataCode("Buffer.from(CiphertextBlob!).toString('base64')") }] }],
    },
    {
      name: 'an exported helper returning the whole GenerateDataKey response, unbound',
      code: `${header}export async function newDocumentKey(docId: string) {
  return kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/docs', KeySpec: 'AES_256', EncryptionContext: { docId } }));
}`,
      errors: [{ messageId: 'dataKeyExposed', line: 4 }],
    },
    {
      name: 'an SMTP password read from Parameter Store and logged',
      code: ssmCode('smtpPassword'),
      errors: [{ messageId: 'secretLogged', line: 8 }],
    },
  ],
});

/** Google Cloud KMS raw symmetric encryption (an imported AES-GCM key). */
const rawCode = (plaintext: string, aad: string) => `import { KeyManagementServiceClient } from '@google-cloud/kms';
import { randomBytes } from 'node:crypto';
const kms = new KeyManagementServiceClient();
export async function store(name: string, result: { patientId: string; values: number[] }) {
  const dek = randomBytes(32);
  try {
    const [enc] = await kms.rawEncrypt({ name, plaintext: ${plaintext}${aad} });
    return enc.ciphertext;
  } finally {
    dek.fill(0);
  }
}`;

tester.run('prefer-envelope-encryption (blind-s14)', envelope as never, {
  valid: [{ name: 'rawEncrypt of a local data key is envelope encryption', code: rawCode('dek', ', additionalAuthenticatedData: Buffer.from(name)') }],
  invalid: [
    {
      name: 'rawEncrypt of a record sends application data to Cloud KMS',
      code: rawCode('Buffer.from(JSON.stringify(result))', ', additionalAuthenticatedData: Buffer.from(result.patientId)'),
      errors: [{ messageId: 'directKmsEncrypt', line: 7 }],
    },
  ],
});

tester.run('kms-require-encryption-context (blind-s14)', contextRule as never, {
  valid: [{ name: 'rawEncrypt with additionalAuthenticatedData', code: rawCode('dek', ', additionalAuthenticatedData: Buffer.from(name)') }],
  invalid: [
    {
      name: 'rawEncrypt without additionalAuthenticatedData',
      code: rawCode('dek', ''),
      errors: [{ messageId: 'missingContext', line: 7, suggestions: [{ messageId: 'addContext', output: rawCode('dek', ", additionalAuthenticatedData: Buffer.from(JSON.stringify({ purpose: 'store' }))") }] }],
    },
  ],
});

/** A data key through a retry wrapper, wiped or not. */
const retryWipeCode = (wipe: string) => `${header}import { createCipheriv, randomBytes } from 'node:crypto';
import { withRetry } from './retry';
export async function seal(id: string, data: Buffer) {
  const { Plaintext, CiphertextBlob } = await withRetry(() => kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/u', KeySpec: 'AES_256', EncryptionContext: { id } })));
  try {
    const c = createCipheriv('aes-256-gcm', Plaintext!, randomBytes(12));
    return { body: c.update(data), wrapped: CiphertextBlob };
  } finally {
    ${wipe}
  }
}`;

/** Google Cloud KMS rawDecrypt of application data. */
const rawDecryptCode = (wipe: string) => `import { KeyManagementServiceClient } from '@google-cloud/kms';
const kms = new KeyManagementServiceClient();
export async function read(name: string, doc: { ciphertext: Buffer; iv: Buffer; patientId: string }) {
  const [dec] = await kms.rawDecrypt({ name, ciphertext: doc.ciphertext, initializationVector: doc.iv, additionalAuthenticatedData: Buffer.from(doc.patientId) });
  try {
    return JSON.parse(Buffer.from(dec.plaintext as Uint8Array).toString('utf8'));
  } finally {
    ${wipe}
  }
}`;

tester.run('require-key-zeroization (blind-s14)', zeroization as never, {
  valid: [
    { name: 'a retry wrapper: the key is wiped in finally', code: retryWipeCode('Plaintext?.fill(0);') },
    { name: 'rawDecrypt: the plaintext is wiped in finally', code: rawDecryptCode('(dec.plaintext as Uint8Array).fill(0);') },
  ],
  invalid: [
    {
      name: 'a retry wrapper resolves to the KMS response: its Plaintext is key bytes to wipe',
      code: retryWipeCode('CiphertextBlob?.fill(0);'),
      errors: [{ messageId: 'notWiped', line: 6, suggestions: [{ messageId: 'wrapInTryFinally', output: retryWipeCode('CiphertextBlob?.fill(0);\n    Plaintext?.fill(0);') }] }],
    },
    {
      name: 'rawDecrypt output is KMS decrypt plaintext',
      code: rawDecryptCode('doc.iv.fill(0);'),
      errors: [{ messageId: 'notWiped', line: 4, suggestions: [{ messageId: 'wrapInTryFinally', output: rawDecryptCode('doc.iv.fill(0);\n    (dec.plaintext as Uint8Array | null | undefined)?.fill(0);') }] }],
    },
  ],
});
