import envelope from '../../rules/prefer-envelope-encryption';
import contextRule from '../../rules/kms-require-encryption-context';
import exposure from '../../rules/no-plaintext-data-key-exposure';
import zeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// Session 13's kms blind set (test/fixtures/corpus/kms/blind-s13): the shapes it found missing, each
// with the look-alike that must stay quiet.

const tester = createRuleTester();

const header = `import { DecryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
`;

/** A support CLI printing a table whose `material` column holds the key only when asked to. */
const consoleTableCode = (material: string) => `${header}export async function dump(wrapped: Uint8Array[], show: boolean) {
  const rows = [];
  for (const wrappedKey of wrapped) {
    const { Plaintext, KeyId } = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { op: 'dump' } }));
    rows.push({ kek: KeyId, material: ${material} });
    Plaintext?.fill(0);
  }
  console.table(rows);
}`;

/** An HTTP error whose message (its second argument) is what the error handler sends back. */
const httpErrorCode = (message: string) => `${header}class HttpError extends Error {
  constructor(public status: number, message: string) {
    super(message);
  }
}
export async function open(wrappedKey: Uint8Array, body: Buffer) {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { op: 'open' } }));
  try {
    if (body.length === 0) throw new HttpError(422, ${message});
    return body.length;
  } finally {
    Plaintext?.fill(0);
  }
}`;

/** A generic helper unwrapping many rows at once; what `map`'s callback returns is what `Promise.all` settles with. */
const promiseAllCode = (returned: string) => `${header}export async function unwrapRows<T extends { id: string; wrappedKey: Uint8Array }>(rows: readonly T[]) {
  return Promise.all(
    rows.map(async (row) => {
      const out = await kms.send(new DecryptCommand({ CiphertextBlob: row.wrappedKey, EncryptionContext: { id: row.id } }));
      return ${returned};
    }),
  );
}`;

/** A response summarised by a local helper through a rest binding, then logged. */
const restSummaryCode = (named: string) => `${header}import { createCipheriv, randomBytes } from 'node:crypto';
function describeResponse(res: { Plaintext?: Uint8Array; CiphertextBlob?: Uint8Array; KeyId?: string }) {
  const { ${named}, ...summary } = res;
  return { ...summary };
}
export async function seal(threadId: string, text: string) {
  const res = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/threads', KeySpec: 'AES_256', EncryptionContext: { threadId } }));
  try {
    console.debug('data key issued', describeResponse(res));
    const cipher = createCipheriv('aes-256-gcm', res.Plaintext!, randomBytes(12));
    return cipher.update(text, 'utf8');
  } finally {
    res.Plaintext!.fill(0);
  }
}`;

/** Unwrapped tenant keys cached on the global object (the Next.js dev-server pattern). */
const globalCacheCode = (store: string) => `${header}declare global {
  var __tenantDeks: Map<string, Uint8Array> | undefined;
}
async function tenantDek(tenantId: string, wrapped: Uint8Array): Promise<Uint8Array> {
  globalThis.__tenantDeks ??= new Map();
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { tenantId } }));
  ${store}
  return Plaintext!;
}
export async function keyLength(tenantId: string, wrapped: Uint8Array) {
  return (await tenantDek(tenantId, wrapped)).length;
}`;

/** AWS KMS's JSON API signed by aws4fetch in a Cloudflare Worker: the X-Amz-Target header names the operation. */
const workerCode = (target: string, body: string, answer: string) => `import { AwsClient } from 'aws4fetch';
export default {
  async fetch(request: Request, env: { KEY_ID: string; AWS_ACCESS_KEY_ID: string; AWS_SECRET_ACCESS_KEY: string }): Promise<Response> {
    const aws = new AwsClient({ accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, service: 'kms', region: 'eu-west-1' });
    const form = await request.json() as { mediaId: string; text: string };
    const res = await aws.fetch('https://kms.eu-west-1.amazonaws.com/', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': '${target}' },
      body: JSON.stringify(${body}),
    });
    const out = (await res.json()) as { Plaintext?: string; CiphertextBlob: string };
    return Response.json(${answer});
  },
};`;

/** The keep-the-wrapped-key suggestion: the sink gets the blob the Decrypt unwrapped. */
const keepWrapped = (output: string) => [{ messageId: 'keepWrappedKey' as const, output }];

tester.run('no-plaintext-data-key-exposure (blind-s13)', exposure as never, {
  valid: [
    {
      name: 'a table whose material column never holds the key',
      code: consoleTableCode("'(hidden)'"),
    },
    {
      name: 'an HTTP error naming a fingerprint of the wrapped key only',
      code: httpErrorCode("`payload for key ${Buffer.from(wrappedKey).subarray(0, 4).length} is empty`"),
    },
    {
      name: 'rows unwrapped in parallel but only their ids and key lengths returned',
      code: promiseAllCode('{ id: row.id, keyBytes: out.Plaintext?.length }'),
    },
    {
      name: 'a rest binding that names `Plaintext` leaves it out of the logged summary',
      code: restSummaryCode('Plaintext, CiphertextBlob'),
    },
    {
      name: 'a key cached in a module-internal Map (not on the global object)',
      code: globalCacheCode('const local = new Map<string, Uint8Array>();\n  local.set(tenantId, Plaintext!);'),
    },
    {
      name: 'a `&&` whose right side is the key length only',
      code: `${header}export async function issue(scope: string, debug: boolean) {
  const res = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/s', KeySpec: 'AES_256', EncryptionContext: { scope } }));
  console.debug({ scope, bytes: debug && res.Plaintext?.length });
  res.Plaintext?.fill(0);
  return res.CiphertextBlob;
}`,
    },
    {
      name: 'a Prisma client parked on the global object is no key',
      code: `${header}import { PrismaClient } from '@prisma/client';
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
export const db = globalForPrisma.prisma ?? new PrismaClient();
globalThis.__db = db;
export async function keyBytes(wrapped: Uint8Array) {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { op: 'x' } }));
  const n = Plaintext!.length;
  Plaintext!.fill(0);
  return n;
}`,
    },
    {
      name: 'AWS KMS JSON API: only the wrapped key goes back',
      code: workerCode('TrentService.GenerateDataKey', "{ KeyId: env.KEY_ID, KeySpec: 'AES_256', EncryptionContext: { mediaId: form.mediaId } }", '{ wrappedKey: out.CiphertextBlob }'),
    },
  ],
  invalid: [
    {
      name: 'a conditional expression carries the key into a row of a logged table',
      code: consoleTableCode("show ? Buffer.from(Plaintext!).toString('hex') : '(hidden)'"),
      errors: [{ messageId: 'dataKeyExposed', line: 6 }],
    },
    {
      name: 'the message of an HTTP error is its second argument',
      code: httpErrorCode("`cannot open payload with key ${Buffer.from(Plaintext!).toString('hex')}`"),
      errors: [{ messageId: 'dataKeyExposed', line: 9, suggestions: keepWrapped(httpErrorCode("`cannot open payload with key ${Buffer.from(wrappedKey).toString('hex')}`")) }],
    },
    {
      name: '`Promise.all` over a map whose callback returns the key hands it to the caller of an exported function',
      code: promiseAllCode('{ id: row.id, key: out.Plaintext! }'),
      errors: [{ messageId: 'dataKeyExposed', line: 6 }],
    },
    {
      name: 'a rest binding in a local helper keeps `Plaintext` in the logged summary',
      code: restSummaryCode('CiphertextBlob'),
      errors: [{ messageId: 'dataKeyExposed', line: 9 }],
    },
    {
      name: 'a key cached in a Map on the global object, which every module reads',
      code: globalCacheCode('globalThis.__tenantDeks.set(tenantId, Plaintext!);'),
      errors: [{ messageId: 'dataKeyExposed', line: 8, suggestions: keepWrapped(globalCacheCode('globalThis.__tenantDeks.set(tenantId, wrapped);')) }],
    },
    {
      name: 'a key assigned to a property of the global object',
      code: globalCacheCode('(globalThis as any).lastTenantDek = Plaintext;'),
      errors: [{ messageId: 'dataKeyExposed', line: 8, suggestions: keepWrapped(globalCacheCode('(globalThis as any).lastTenantDek = wrapped;')) }],
    },
    {
      name: 'the right side of `&&` is the value of the expression',
      code: `${header}export async function issue(scope: string, debug: boolean) {
  const res = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/s', KeySpec: 'AES_256', EncryptionContext: { scope } }));
  console.debug({ scope, key: debug && Buffer.from(res.Plaintext!).toString('hex') });
  res.Plaintext?.fill(0);
  return res.CiphertextBlob;
}`,
      errors: [{ messageId: 'dataKeyExposed', line: 4, suggestions: keepWrapped(`${header}export async function issue(scope: string, debug: boolean) {
  const res = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/s', KeySpec: 'AES_256', EncryptionContext: { scope } }));
  console.debug({ scope, key: debug && Buffer.from(res.CiphertextBlob!).toString('hex') });
  res.Plaintext?.fill(0);
  return res.CiphertextBlob;
}`) }],
    },
    {
      name: 'AWS KMS JSON API: Decrypt of a wrapped key whose plaintext is logged',
      code: `import { AwsClient } from 'aws4fetch';
export async function unwrap(aws: AwsClient, wrappedKey: string) {
  const res = await aws.fetch('https://kms.eu-west-1.amazonaws.com/', {
    method: 'POST',
    headers: { 'X-Amz-Target': 'TrentService.Decrypt' },
    body: JSON.stringify({ CiphertextBlob: wrappedKey }),
  });
  const { Plaintext } = (await res.json()) as { Plaintext: string };
  console.log('unwrapped', Plaintext);
  return Plaintext.length;
}`,
      errors: [{ messageId: 'dataKeyExposed', line: 3 }],
    },
    {
      name: 'AWS KMS JSON API: GenerateDataKey over a signed fetch whose plaintext is sent back',
      code: workerCode('TrentService.GenerateDataKey', "{ KeyId: env.KEY_ID, KeySpec: 'AES_256', EncryptionContext: { mediaId: form.mediaId } }", '{ key: out.Plaintext, wrappedKey: out.CiphertextBlob }'),
      errors: [{ messageId: 'dataKeyExposed', line: 6 }],
    },
  ],
});

const roomPassphrase = (owner: string) => `import vaultFactory from 'node-vault';
const vault = vaultFactory({ endpoint: process.env.VAULT_ADDR, token: process.env.VAULT_TOKEN });
export async function sealInvitePassphrase(${owner}: string, invitePassphrase: string) {
  const res = await vault.write('transit/encrypt/room-invites', { plaintext: Buffer.from(invitePassphrase).toString('base64') });
  return res.data.ciphertext;
}`;

tester.run('prefer-envelope-encryption (blind-s13)', envelope as never, {
  valid: [
    {
      name: 'AWS KMS JSON API: Encrypt of a locally generated data key is envelope encryption',
      code: `import { AwsClient } from 'aws4fetch';
export async function wrapKey(aws: AwsClient, keyId: string) {
  const dek = crypto.getRandomValues(new Uint8Array(32));
  const res = await aws.fetch('https://kms.eu-west-1.amazonaws.com/', {
    method: 'POST',
    headers: { 'X-Amz-Target': 'TrentService.Encrypt' },
    body: JSON.stringify({ KeyId: keyId, Plaintext: btoa(String.fromCharCode(...dek)) }),
  });
  return res.json();
}`,
    },
    {
      name: 'a passphrase passed next to the id of the partner an operator set it up for stays one small named secret',
      code: roomPassphrase('partnerId'),
    },
    {
      name: 'a passphrase passed next to its environment name stays one small named secret',
      code: roomPassphrase('env'),
    },
  ],
  invalid: [
    {
      name: 'AWS KMS JSON API: Encrypt of a form submission over a signed fetch',
      code: workerCode('TrentService.Encrypt', "{ KeyId: env.KEY_ID, Plaintext: btoa(form.text), EncryptionContext: { form: 'contact' } }", '{ sealed: out.CiphertextBlob }'),
      errors: [{ messageId: 'directKmsEncrypt', line: 6 }],
    },
    {
      name: "a passphrase passed next to the id of the record it belongs to (a room's invite passphrase) is per-record data",
      code: roomPassphrase('roomId'),
      errors: [{ messageId: 'directTransitEncrypt', line: 4 }],
    },
  ],
});

tester.run('require-key-zeroization (blind-s13)', zeroization as never, {
  valid: [
    {
      name: 'a key assigned to a `let` declared before the `try` whose `finally` wipes it',
      code: `${header}export async function open(wrapped: Uint8Array, body: Buffer) {
  let key: Uint8Array | undefined;
  try {
    const out = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { op: 'open' } }));
    key = out.Plaintext!;
    return body.length + key.length;
  } finally {
    key?.fill(0);
  }
}`,
    },
  ],
  invalid: [],
});

/** A KMS JSON API request whose body is `body`. */
const jsonApiCall = (target: string, body: string) => `import { AwsClient } from 'aws4fetch';
export async function call(aws: AwsClient, keyId: string, blob: string, tenantId: string) {
  const res = await aws.fetch('https://kms.eu-west-1.amazonaws.com/', {
    method: 'POST',
    headers: { 'X-Amz-Target': 'TrentService.${target}' },
    body: JSON.stringify(${body}),
  });
  return res.json();
}`;

tester.run('kms-require-encryption-context (blind-s13)', contextRule as never, {
  valid: [
    {
      name: 'AWS KMS JSON API: GenerateDataKey with a context',
      code: jsonApiCall('GenerateDataKey', "{ KeyId: keyId, KeySpec: 'AES_256', EncryptionContext: { tenantId } }"),
    },
    {
      name: 'AWS KMS JSON API: Decrypt with a context',
      code: jsonApiCall('Decrypt', '{ CiphertextBlob: blob, EncryptionContext: { tenantId } }'),
    },
    {
      name: 'AWS KMS JSON API: a body built elsewhere is not judged',
      code: jsonApiCall('Decrypt', 'buildRequest(blob)'),
    },
  ],
  invalid: [
    {
      name: 'AWS KMS JSON API: Decrypt without a context',
      code: jsonApiCall('Decrypt', '{ CiphertextBlob: blob }'),
      errors: [{ messageId: 'missingContext', line: 3, data: { operation: 'Decrypt', field: 'EncryptionContext' } }],
    },
    {
      name: 'AWS KMS JSON API: GenerateDataKeyPair without a context, as the SDK command is judged',
      code: jsonApiCall('GenerateDataKeyPair', "{ KeyId: keyId, KeyPairSpec: 'ECC_NIST_P256' }"),
      errors: [{ messageId: 'missingContext', line: 3, data: { operation: 'GenerateDataKeyPair', field: 'EncryptionContext' } }],
    },
    {
      name: 'AWS KMS JSON API: Encrypt with an empty context',
      code: jsonApiCall('Encrypt', '{ KeyId: keyId, Plaintext: blob, EncryptionContext: {} }'),
      errors: [{ messageId: 'missingContext', line: 3, data: { operation: 'Encrypt', field: 'EncryptionContext' } }],
    },
  ],
});
