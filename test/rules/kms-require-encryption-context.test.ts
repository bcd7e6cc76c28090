import rule from '../../rules/kms-require-encryption-context';
import { createRuleTester } from './rule-tester';

// AWS KMS (commands and the aggregated client), Google Cloud KMS and Azure Key Vault, with look-alikes.

const awsCode = `import { KMSClient, EncryptCommand, DecryptCommand, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export async function run(record: { id: string; body: Uint8Array }, blob: Uint8Array) {
  await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/app', KeySpec: 'AES_256' }));
  const request = { KeyId: 'alias/app', Plaintext: record.body };
  await kms.send(new EncryptCommand(request));
  return kms.send(new DecryptCommand({ CiphertextBlob: blob }));
}
`;
const gcpCode = `import { KMS } from '@aws-sdk/client-kms';
import { KeyManagementServiceClient } from '@google-cloud/kms';
const kms = new KMS({});
const gcp = new KeyManagementServiceClient();
export async function run(name: string, data: Buffer) {
  await kms.generateDataKey({ KeyId: 'alias/app', KeySpec: 'AES_256' });
  const [result] = await gcp.encrypt({ name, plaintext: data });
  return result;
}
`;
const emptyCode = `import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export async function newKey(tenantId: string, docId: number) {
  return kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/docs', KeySpec: 'AES_256', EncryptionContext: {} }));
}
`;
const addContext = (output: string) => [{ messageId: 'addContext' as const, output }];

const v2Code = `const AWS = require('aws-sdk');
const kms = new AWS.KMS();
async function open(msg) {
  const { Plaintext } = await kms.decrypt({ CiphertextBlob: msg.wrappedKey }).promise();
  return Plaintext;
}
module.exports = { open };
`;
const splitCode = `import { KMSClient, GenerateDataKeyCommand, DecryptCommand } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export async function seal(data: Uint8Array) {
  return kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/app', KeySpec: 'AES_256' }));
}
export async function open(blob: Uint8Array) {
  return kms.send(new DecryptCommand({ CiphertextBlob: blob }));
}
`;
const splitWithIds = splitCode.replace('seal(data: Uint8Array)', 'seal(tenantId: string, data: Uint8Array)').replace('open(blob: Uint8Array)', 'open(tenantId: string, blob: Uint8Array)');
const invalid = [
  {
    name: 'GenerateDataKey and Decrypt in two functions with nothing id-like: no per-function purpose labels (they would not match)',
    code: splitCode,
    errors: [{ messageId: 'missingContext' as const, line: 4, column: 19, suggestions: [] }, { messageId: 'missingContext' as const, line: 7, column: 19, suggestions: [] }],
  },
  {
    name: 'GenerateDataKey and Decrypt in two functions that both take the tenant id: the same context on both sides',
    code: splitWithIds,
    errors: [
      { messageId: 'missingContext' as const, line: 4, column: 19, suggestions: addContext(splitWithIds.replace("KeySpec: 'AES_256' }", "KeySpec: 'AES_256', EncryptionContext: { tenantId } }")) },
      { messageId: 'missingContext' as const, line: 7, column: 19, suggestions: addContext(splitWithIds.replace('CiphertextBlob: blob }', 'CiphertextBlob: blob, EncryptionContext: { tenantId } }')) },
    ],
  },
  {
    name: 'AWS SDK v2: kms.decrypt(…).promise() without EncryptionContext',
    code: v2Code,
    languageOptions: { sourceType: 'commonjs' as const },
    errors: [{ messageId: 'missingContext' as const, line: 4, column: 31, suggestions: addContext(v2Code.replace('CiphertextBlob: msg.wrappedKey }', "CiphertextBlob: msg.wrappedKey, EncryptionContext: { purpose: 'open' } }")) }],
  },
  {
    name: 'AWS Encrypt, GenerateDataKey and Decrypt without EncryptionContext (suggestion: a purpose label)',
    code: awsCode,
    errors: [
      { messageId: 'missingContext' as const, line: 4, column: 18, suggestions: addContext(awsCode.replace("KeySpec: 'AES_256' }", "KeySpec: 'AES_256', EncryptionContext: { purpose: 'run' } }")) },
      { messageId: 'missingContext' as const, line: 6, column: 18, suggestions: addContext(awsCode.replace('Plaintext: record.body }', "Plaintext: record.body, EncryptionContext: { purpose: 'run' } }")) },
      { messageId: 'missingContext' as const, line: 7, column: 19, suggestions: addContext(awsCode.replace('CiphertextBlob: blob }', "CiphertextBlob: blob, EncryptionContext: { purpose: 'run' } }")) },
    ],
  },
  {
    name: 'the aggregated client and Google Cloud KMS (bytes for additionalAuthenticatedData)',
    code: gcpCode,
    errors: [
      { messageId: 'missingContext' as const, line: 6, column: 9, suggestions: addContext(gcpCode.replace("KeySpec: 'AES_256' }", "KeySpec: 'AES_256', EncryptionContext: { purpose: 'run' } }")) },
      { messageId: 'missingContext' as const, line: 7, column: 26, suggestions: addContext(gcpCode.replace('plaintext: data }', "plaintext: data, additionalAuthenticatedData: Buffer.from(JSON.stringify({ purpose: 'run' })) }")) },
    ],
  },
  {
    name: 'an empty EncryptionContext binds nothing (suggestion: the ids in scope)',
    code: emptyCode,
    errors: [{ messageId: 'missingContext' as const, line: 4, column: 19, suggestions: addContext(emptyCode.replace('EncryptionContext: {}', 'EncryptionContext: { tenantId, docId: String(docId) }')) }],
  },
  {
    name: 'Azure Key Vault AES-GCM encrypt without additionalAuthenticatedData',
    code: `import { CryptographyClient } from '@azure/keyvault-keys';
export async function seal(keyId: string, credential: never, data: Uint8Array) {
  const client = new CryptographyClient(keyId, credential);
  return client.encrypt({ algorithm: 'A256GCM', plaintext: data });
}
`,
    errors: [{ messageId: 'missingContext' as const, line: 4, column: 10 }],
  },
  {
    name: 'a context bound to nothing (a constant set to undefined) and a request built by a local helper without one',
    code: `import { KMSClient, GenerateDataKeyCommand, DecryptCommand, type GenerateDataKeyCommandInput } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const ENCRYPTION_CONTEXT: Record<string, string> | undefined = undefined;
function dataKeyRequest(keyId: string): GenerateDataKeyCommandInput {
  return { KeyId: keyId, KeySpec: 'AES_256' };
}
export async function run(blob: Uint8Array) {
  await kms.send(new GenerateDataKeyCommand(dataKeyRequest('alias/telemetry')));
  return kms.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: ENCRYPTION_CONTEXT }));
}
`,
    errors: [
      { messageId: 'missingContext' as const, data: { operation: 'GenerateDataKey', field: 'EncryptionContext' }, line: 8, column: 18, suggestions: [] },
      {
        messageId: 'missingContext' as const,
        data: { operation: 'Decrypt', field: 'EncryptionContext' },
        line: 9,
        column: 19,
        suggestions: addContext(`import { KMSClient, GenerateDataKeyCommand, DecryptCommand, type GenerateDataKeyCommandInput } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const ENCRYPTION_CONTEXT: Record<string, string> | undefined = undefined;
function dataKeyRequest(keyId: string): GenerateDataKeyCommandInput {
  return { KeyId: keyId, KeySpec: 'AES_256' };
}
export async function run(blob: Uint8Array) {
  await kms.send(new GenerateDataKeyCommand(dataKeyRequest('alias/telemetry')));
  return kms.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: { purpose: 'run' } }));
}
`),
      },
    ],
  },
  {
    name: 'requests that spread a shared base object without a context (the base is a literal read whole), and a promisified v2 Decrypt bound to its client',
    code: `import { KMSClient, GenerateDataKeyCommand, DecryptCommand } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const BASE = { KeyId: process.env.PHOTOS_KEK_ARN, GrantTokens: undefined };
export async function seal() {
  return kms.send(new GenerateDataKeyCommand({ ...BASE, KeySpec: 'AES_256' }));
}
export async function open(blob: Uint8Array) {
  return kms.send(new DecryptCommand({ ...BASE, CiphertextBlob: blob }));
}
`,
    errors: [
      { messageId: 'missingContext' as const, data: { operation: 'GenerateDataKey', field: 'EncryptionContext' }, line: 5, column: 19, suggestions: [] },
      { messageId: 'missingContext' as const, data: { operation: 'Decrypt', field: 'EncryptionContext' }, line: 8, column: 19, suggestions: [] },
    ],
  },
  {
    name: 'a v2 Decrypt promisified with its client bound (promisify(kms.decrypt.bind(kms)))',
    code: `const { promisify } = require('util');
const AWS = require('aws-sdk');
const kms = new AWS.KMS();
const decrypt = promisify(kms.decrypt.bind(kms));
async function open(sealed) {
  const dk = await decrypt({ CiphertextBlob: sealed.wrappedKey });
  return dk.CiphertextBlob;
}
module.exports = { open };
`,
    errors: [
      {
        messageId: 'missingContext' as const,
        data: { operation: 'decrypt', field: 'EncryptionContext' },
        line: 6,
        column: 20,
        suggestions: addContext(`const { promisify } = require('util');
const AWS = require('aws-sdk');
const kms = new AWS.KMS();
const decrypt = promisify(kms.decrypt.bind(kms));
async function open(sealed) {
  const dk = await decrypt({ CiphertextBlob: sealed.wrappedKey, EncryptionContext: { purpose: 'open' } });
  return dk.CiphertextBlob;
}
module.exports = { open };
`),
      },
    ],
  },
  {
    name: 'Google Cloud KMS with zero bytes of additionalAuthenticatedData (Buffer.alloc(0), through a constant, Buffer.from(\'\')) binds nothing',
    code: `import { KeyManagementServiceClient } from '@google-cloud/kms';
const gcp = new KeyManagementServiceClient();
const NO_AAD = Buffer.alloc(0);
export async function wrap(name: string, dek: Buffer, blob: Buffer) {
  await gcp.encrypt({ name, plaintext: dek, additionalAuthenticatedData: Buffer.alloc(0) });
  await gcp.decrypt({ name, ciphertext: blob, additionalAuthenticatedData: NO_AAD });
  await gcp.encrypt({ name, plaintext: dek, additionalAuthenticatedData: Buffer.from('') });
}`,
    errors: [
      { messageId: 'missingContext' as const, line: 5, column: 9, suggestions: addContext(`import { KeyManagementServiceClient } from '@google-cloud/kms';
const gcp = new KeyManagementServiceClient();
const NO_AAD = Buffer.alloc(0);
export async function wrap(name: string, dek: Buffer, blob: Buffer) {
  await gcp.encrypt({ name, plaintext: dek, additionalAuthenticatedData: Buffer.from(JSON.stringify({ purpose: 'wrap' })) });
  await gcp.decrypt({ name, ciphertext: blob, additionalAuthenticatedData: NO_AAD });
  await gcp.encrypt({ name, plaintext: dek, additionalAuthenticatedData: Buffer.from('') });
}`) },
      { messageId: 'missingContext' as const, line: 6, column: 9, suggestions: addContext(`import { KeyManagementServiceClient } from '@google-cloud/kms';
const gcp = new KeyManagementServiceClient();
const NO_AAD = Buffer.alloc(0);
export async function wrap(name: string, dek: Buffer, blob: Buffer) {
  await gcp.encrypt({ name, plaintext: dek, additionalAuthenticatedData: Buffer.alloc(0) });
  await gcp.decrypt({ name, ciphertext: blob, additionalAuthenticatedData: Buffer.from(JSON.stringify({ purpose: 'wrap' })) });
  await gcp.encrypt({ name, plaintext: dek, additionalAuthenticatedData: Buffer.from('') });
}`) },
      { messageId: 'missingContext' as const, line: 7, column: 9, suggestions: addContext(`import { KeyManagementServiceClient } from '@google-cloud/kms';
const gcp = new KeyManagementServiceClient();
const NO_AAD = Buffer.alloc(0);
export async function wrap(name: string, dek: Buffer, blob: Buffer) {
  await gcp.encrypt({ name, plaintext: dek, additionalAuthenticatedData: Buffer.alloc(0) });
  await gcp.decrypt({ name, ciphertext: blob, additionalAuthenticatedData: NO_AAD });
  await gcp.encrypt({ name, plaintext: dek, additionalAuthenticatedData: Buffer.from(JSON.stringify({ purpose: 'wrap' })) });
}`) },
    ],
  },
];

const valid = [
  {
    name: 'Google Cloud KMS with non-empty additionalAuthenticatedData bytes (a fixed label counts as a context)',
    code: `import { KeyManagementServiceClient } from '@google-cloud/kms';
const gcp = new KeyManagementServiceClient();
const AAD = Buffer.from('ledger/v1');
export async function wrap(name: string, dek: Buffer, blob: Buffer) {
  await gcp.encrypt({ name, plaintext: dek, additionalAuthenticatedData: AAD });
  await gcp.decrypt({ name, ciphertext: blob, additionalAuthenticatedData: Buffer.alloc(16, 1) });
}`,
  },
  {
    name: 'a context object that starts empty and is filled in before the call',
    code: `import { KMSClient, GenerateDataKeyCommand, DecryptCommand } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export async function run(tenantId: string | undefined, region: string, blob: Uint8Array) {
  const context: Record<string, string> = {};
  if (tenantId) context.tenantId = tenantId;
  context.region = region;
  const extra = {};
  Object.assign(extra, { region });
  await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/x', KeySpec: 'AES_256', EncryptionContext: context }));
  return kms.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: extra }));
}
`,
  },
  {
    name: 'a request built by a local helper with a context; a context from a constant (not undefined)',
    code: `import { KMSClient, GenerateDataKeyCommand, DecryptCommand } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const APP_CONTEXT = Object.freeze({ app: 'billing' });
const request = (keyId: string, tenantId: string) => ({ KeyId: keyId, KeySpec: 'AES_256' as const, EncryptionContext: { tenantId } });
export async function run(tenantId: string, blob: Uint8Array) {
  await kms.send(new GenerateDataKeyCommand(request('alias/billing', tenantId)));
  return kms.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: APP_CONTEXT }));
}
`,
  },
  {
    name: 'checkDecrypt: false leaves Decrypt alone',
    options: [{ checkDecrypt: false }] as never,
    code: `import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export const open = (blob: Uint8Array) => kms.send(new DecryptCommand({ CiphertextBlob: blob }));
`,
  },
  {
    name: 'with EncryptionContext / additionalAuthenticatedData, or a request we cannot see',
    code: `import { KMSClient, EncryptCommand, DecryptCommand, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
import { KeyManagementServiceClient } from '@google-cloud/kms';
import { CryptographyClient } from '@azure/keyvault-keys';
const gcp = new KeyManagementServiceClient();
export async function run(id: string, blob: Uint8Array, params: { KeyId: string }, base: object, keyId: string, credential: never) {
  await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/app', KeySpec: 'AES_256', EncryptionContext: { tenant: id } }));
  await kms.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: { tenant: id } }));
  await kms.send(new EncryptCommand(params as never));
  await kms.send(new EncryptCommand({ ...base, KeyId: 'alias/app' } as never));
  await gcp.decrypt({ name: 'projects/p/locations/l/keyRings/r/cryptoKeys/k', ciphertext: blob, additionalAuthenticatedData: Buffer.from(id) });
  await new CryptographyClient(keyId, credential).encrypt({ algorithm: 'RSA-OAEP', plaintext: blob });
}
`,
  },
  {
    name: 'a spread base object that carries the context, and one filled in after it is built',
    code: `import { KMSClient, GenerateDataKeyCommand, DecryptCommand } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const BASE = { KeyId: process.env.KEK, EncryptionContext: { app: 'photos' } };
const LATER: Record<string, unknown> = { KeyId: process.env.KEK };
LATER.EncryptionContext = { app: 'photos' };
export async function run(blob: Uint8Array) {
  await kms.send(new GenerateDataKeyCommand({ ...BASE, KeySpec: 'AES_256' }));
  await kms.send(new DecryptCommand({ ...LATER, CiphertextBlob: blob }));
}
`,
  },
];

createRuleTester().run('kms-require-encryption-context', rule as never, { valid, invalid: invalid as never });
