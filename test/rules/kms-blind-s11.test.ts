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
  ],
});
