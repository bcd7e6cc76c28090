import rule from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// The message quotes the call whose exception skips the wipe; a long string literal in it may be a secret and is elided.
const code = `import { createDecipheriv } from 'node:crypto';
import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';

const kms = new KMSClient({});

export async function readNote(wrapped: Uint8Array, body: Buffer, store: { get(name: string): Promise<Buffer> }) {
  const { Plaintext: key } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { table: 'notes' } }));
  const iv = await store.get('a1b2c3d4e5f6a7b8c9d0');
  const text = createDecipheriv('aes-256-gcm', key!, iv).update(body);
  key!.fill(0);
  return text;
}
`;
const wrapped = code.replace(
  `  const iv = await store.get('a1b2c3d4e5f6a7b8c9d0');
  const text = createDecipheriv('aes-256-gcm', key!, iv).update(body);
  key!.fill(0);
  return text;
`,
  `  try {
    const iv = await store.get('a1b2c3d4e5f6a7b8c9d0');
    const text = createDecipheriv('aes-256-gcm', key!, iv).update(body);
    return text;
  } finally {
    key?.fill(0);
  }
`,
);

createRuleTester().run('require-key-zeroization (quoted code in messages)', rule, {
  valid: [],
  invalid: [
    {
      code,
      filename: 'src/notes.ts',
      errors: [
        {
          messageId: 'wipedOnHappyPathOnly',
          data: { name: 'key', what: 'a plaintext KMS data key', wipe: 'key?.fill(0)', how: "an exception thrown at line 8 (`await store.get('…')`)" },
          line: 7,
          column: 22,
          suggestions: [{ messageId: 'wrapInTryFinally', data: { name: 'key', what: 'a plaintext KMS data key', wipe: 'key?.fill(0)' }, output: wrapped }],
        },
      ],
    },
  ],
});
