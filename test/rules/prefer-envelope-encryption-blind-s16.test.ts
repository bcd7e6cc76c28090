import rule from '../../rules/prefer-envelope-encryption';
import { createRuleTester } from './rule-tester';

// KMS Encrypt of a locally generated key wrapped in a label (`${service}:${key.toString('base64')}`) is envelope encryption.

const kmsEncryptLabelledKey = "import { KMSClient, EncryptCommand } from '@aws-sdk/client-kms';\nimport { randomBytes } from 'node:crypto';\nconst kms = new KMSClient({});\nexport async function provision(service: string): Promise<Uint8Array | undefined> {\n  const fieldKey = randomBytes(32);\n  try {\n    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: process.env.PROVISIONING_KEY_ID, Plaintext: Buffer.from(`${service}:${fieldKey.toString('base64')}`), EncryptionContext: { service } }));\n    return CiphertextBlob;\n  } finally {\n    fieldKey.fill(0);\n  }\n}\n";
const kmsEncryptLabelledRecord = "import { KMSClient, EncryptCommand } from '@aws-sdk/client-kms';\nconst kms = new KMSClient({});\nexport async function sealNote(noteId: string, body: string): Promise<Uint8Array | undefined> {\n  const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: process.env.NOTES_KEY_ID, Plaintext: Buffer.from(`${noteId}:${body}`), EncryptionContext: { noteId } }));\n  return CiphertextBlob;\n}\n";

createRuleTester().run("prefer-envelope-encryption (blind-s16)", rule, {
  valid: [
    { name: "a data key inside a template literal is still a data key", code: kmsEncryptLabelledKey, filename: 'case.ts' },
  ],
  invalid: [
    { name: "a record inside a template literal is still application data", code: kmsEncryptLabelledRecord, filename: 'case.ts', errors: [{ messageId: "directKmsEncrypt", line: 4, column: 45 }] },
  ],
});
