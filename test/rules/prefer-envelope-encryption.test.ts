import rule from '../../rules/prefer-envelope-encryption';
import { createRuleTester } from './rule-tester';

// AWS KMS (commands and the aggregated client), Google Cloud KMS and Azure Key Vault, with look-alikes.

const invalid = [
  {
    name: 'Azure Key Vault encrypt of profile fields through a client a local helper builds and caches',
    code: `import { CryptographyClient, KeyClient } from '@azure/keyvault-keys';
const keyClient = new KeyClient(process.env.KEY_VAULT_URI!, credential);
let client: CryptographyClient | undefined;
async function profileCrypto(): Promise<CryptographyClient> {
  if (!client) client = new CryptographyClient(await keyClient.getKey('profiles'), credential);
  return client;
}
export async function encryptProfile(profile: { nationalId: string }) {
  const crypto = await profileCrypto();
  const encrypted = await crypto.encrypt({ algorithm: 'RSA-OAEP-256', plaintext: Buffer.from(profile.nationalId) });
  return encrypted.result;
}`,
    errors: [{ messageId: 'directKmsEncrypt' as const, line: 10, column: 27, suggestions: null }],
  },
  {
    name: 'Vault Transit: each order\'s payment details sent to transit/encrypt through node-vault (no suggestion)',
    code: `const vault = require('node-vault')({ endpoint: process.env.VAULT_ADDR, token: process.env.VAULT_TOKEN });
async function storeOrders(db, orders) {
  for (const order of orders) {
    const plaintext = Buffer.from(JSON.stringify(order.payment)).toString('base64');
    const res = await vault.write(\`transit/encrypt/orders\`, { plaintext });
    await db.query('INSERT INTO orders VALUES ($1, $2)', [order.id, res.data.ciphertext]);
  }
}
module.exports = { storeOrders };`,
    errors: [{ messageId: 'directTransitEncrypt' as const, data: { loop: ' inside a loop' }, line: 5, column: 23, suggestions: null }],
  },
  {
    name: "Vault Transit: node-vault's encryptData command with a shipping address (a data key sent the same way is envelope encryption)",
    code: `import nodeVault from 'node-vault';
import { randomBytes } from 'node:crypto';
const vault = nodeVault({ endpoint: process.env.VAULT_ADDR, token: process.env.VAULT_TOKEN });
export async function sealShipping(shipping: { name: string; street: string }) {
  const sealed = await vault.encryptData({ name: 'orders', plainText: Buffer.from(JSON.stringify(shipping)).toString('base64') });
  const dek = randomBytes(32);
  const wrapped = await vault.encryptData({ name: 'orders', plainText: dek.toString('base64') });
  dek.fill(0);
  return { sealed: sealed.data.ciphertext, wrapped: wrapped.data.ciphertext };
}`,
    errors: [{ messageId: 'directTransitEncrypt' as const, data: { loop: '' }, line: 5, column: 24, suggestions: null }],
  },
  {
    name: "Azure: a note encrypted with the client from KeyClient#getCryptographyClient (the key it wraps is envelope encryption)",
    code: `import { KeyClient } from '@azure/keyvault-keys';
import { DefaultAzureCredential } from '@azure/identity';
import { randomBytes } from 'node:crypto';
const keys = new KeyClient(process.env.VAULT_URL!, new DefaultAzureCredential());
export async function sealNote(note: { id: string; text: string }) {
  const crypto = keys.getCryptographyClient('notes');
  const out = await crypto.encrypt({ algorithm: 'RSA-OAEP-256', plaintext: Buffer.from(note.text) });
  const dek = randomBytes(32);
  const wrapped = await crypto.encrypt({ algorithm: 'RSA-OAEP-256', plaintext: dek });
  dek.fill(0);
  return [out.result, wrapped.result];
}`,
    errors: [{ messageId: 'directKmsEncrypt' as const, line: 7, column: 21, suggestions: null }],
  },
  {
    name: 'AWS SDK v2: file contents encrypted directly with kms.encrypt(…).promise()',
    code: `const AWS = require('aws-sdk');
const fs = require('fs/promises');
const kms = new AWS.KMS();
async function archiveContract(path, contractId) {
  const contents = await fs.readFile(path);
  return kms.encrypt({ KeyId: process.env.CONTRACTS_KEY_ID, Plaintext: contents, EncryptionContext: { contractId } }).promise();
}
module.exports = { archiveContract };
`,
    languageOptions: { sourceType: 'commonjs' as const },
    errors: [{ messageId: 'directKmsEncrypt' as const, line: 6, column: 10 }],
  },
  {
    name: 'a refresh token (application data) encrypted directly by a KMS client held in a field',
    code: `import { EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
export class UserSecretsService {
  private readonly kms = new KMSClient({});
  async seal(userId: string, refreshToken: string) {
    const out = await this.kms.send(new EncryptCommand({ KeyId: 'alias/user-secrets', Plaintext: Buffer.from(refreshToken), EncryptionContext: { userId } }));
    return out.CiphertextBlob;
  }
}
`,
    errors: [{ messageId: 'directKmsEncrypt' as const, line: 5, column: 37 }],
  },
  {
    name: 'application records encrypted directly with KMS, in a loop and one by one',
    code: `import { KMSClient, EncryptCommand } from '@aws-sdk/client-kms';
import { KeyManagementServiceClient } from '@google-cloud/kms';
const kms = new KMSClient({});
const gcp = new KeyManagementServiceClient();
export async function saveAll(records: { id: string; body: string }[]) {
  for (const record of records) {
    await kms.send(new EncryptCommand({ KeyId: 'alias/app', Plaintext: Buffer.from(JSON.stringify(record)), EncryptionContext: { id: record.id } }));
  }
}
export async function saveNote(note: string) {
  return gcp.encrypt({ name: 'projects/p/locations/l/keyRings/r/cryptoKeys/k', plaintext: Buffer.from(note) });
}
`,
    errors: [{ messageId: 'directKmsEncrypt' as const, line: 7, column: 20 },
      { messageId: 'directKmsEncrypt' as const, line: 11, column: 10 }],
  },
  {
    name: 'an encrypt/decrypt pair of text records: the envelope rewrite is suggested, the KMS decrypt kept for old records',
    code: `import { KMSClient, EncryptCommand, DecryptCommand } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export async function encryptNote(note: string): Promise<string> {
  const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: 'alias/notes', Plaintext: Buffer.from(note) }));
  return Buffer.from(CiphertextBlob!).toString('base64');
}
export async function decryptNote(sealed: string): Promise<string> {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: Buffer.from(sealed, 'base64') }));
  return Buffer.from(Plaintext!).toString('utf8');
}
`,
    errors: [
      {
        messageId: 'directKmsEncrypt' as const,
        line: 4,
        column: 45,
        suggestions: [
          {
            messageId: 'rewriteToEnvelope' as const,
            output: `import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';
import { createEnvelopeClient } from 'keywarden/kms';

const envelope = createEnvelopeClient({ keyUri: process.env.KEYWARDEN_KEY_URI, purpose: 'note' });
const kms = new KMSClient({});
export async function encryptNote(note: string): Promise<string> {
  return (await envelope.encrypt(note)).toString('base64');
}
export async function decryptNote(sealed: string): Promise<string> {
  return (await envelope.decrypt(Buffer.from(sealed, 'base64'), { legacy: () => legacyDecryptNote(sealed) })).toString('utf8');
}

/** Reads records written before the envelope migration. */
async function legacyDecryptNote(sealed: string): Promise<string> {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: Buffer.from(sealed, 'base64') }));
  return Buffer.from(Plaintext!).toString('utf8');
}
`,
          },
        ],
      },
    ],
  },
  {
    name: 'no rewrite when decrypt hands back the raw Plaintext (its callers may need bytes, not text)',
    code: `import { KMSClient, EncryptCommand, DecryptCommand } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export async function encryptNote(note: string): Promise<string> {
  const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: 'alias/notes', Plaintext: Buffer.from(note) }));
  return Buffer.from(CiphertextBlob!).toString('base64');
}
export async function decryptNote(sealed: string) {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: Buffer.from(sealed, 'base64') }));
  return Plaintext;
}
`,
    errors: [{ messageId: 'directKmsEncrypt' as const, line: 4, column: 45, suggestions: [] }],
  },
  {
    name: 'a repository whose client is a constructor parameter property with a default (kms: KMS = new KMS({})), and a v2 client method promisified with bind',
    code: `import { KMS } from '@aws-sdk/client-kms';
import { promisify } from 'node:util';
import AWS from 'aws-sdk';
const v2 = new AWS.KMS();
const encrypt = promisify(v2.encrypt.bind(v2));
export class KycRepository {
  constructor(private readonly kms: KMS = new KMS({})) {}
  async save(doc: { customerId: string }) {
    const { CiphertextBlob } = await this.kms.encrypt({ KeyId: 'alias/kyc', Plaintext: new TextEncoder().encode(JSON.stringify(doc)), EncryptionContext: { id: doc.customerId } });
    return CiphertextBlob;
  }
}
export async function queueNotification(userId: string, notification: object) {
  const payload = JSON.stringify({ ...notification, userId });
  return encrypt({ KeyId: 'alias/notify', Plaintext: payload, EncryptionContext: { userId } });
}`,
    errors: [
      { messageId: 'directKmsEncrypt' as const, line: 9, column: 38, suggestions: null },
      { messageId: 'directKmsEncrypt' as const, line: 15, column: 10, suggestions: null },
    ],
  },
  {
    name: 'a client injected by its declared type (constructor(private readonly gcp: KeyManagementServiceClient))',
    code: `import { KeyManagementServiceClient } from '@google-cloud/kms';
export class NotesService {
  constructor(private readonly gcp: KeyManagementServiceClient, private readonly keyName: string) {}
  async seal(note: string) {
    const [result] = await this.gcp.encrypt({ name: this.keyName, plaintext: Buffer.from(note) });
    return result.ciphertext;
  }
}`,
    errors: [{ messageId: 'directKmsEncrypt' as const, line: 5, column: 28, suggestions: null }],
  },
  {
    name: 'users\' passwords stored by the application (a field of each record) are application data, unlike one named password',
    code: `import { KMS } from '@aws-sdk/client-kms';
const kms = new KMS({});
export async function saveUser(user: { id: string; password: string }) {
  return kms.encrypt({ KeyId: 'alias/users', Plaintext: Buffer.from(user.password), EncryptionContext: { id: user.id } });
}`,
    errors: [{ messageId: 'directKmsEncrypt' as const, line: 4, column: 10, suggestions: null }],
  },
];

const valid = [
  {
    name: 'KMS Encrypt of a locally generated private key exported as PEM (KeyObject#export): wrapping a key',
    code: `import { generateKeyPairSync } from 'node:crypto';
import { KMSClient, EncryptCommand } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export async function provisionDevice(deviceId: string) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' });
  const out = await kms.send(new EncryptCommand({ KeyId: 'alias/devices', Plaintext: Buffer.from(pem), EncryptionContext: { deviceId } }));
  return { deviceId, wrappedPrivateKey: out.CiphertextBlob, publicKey: publicKey.export({ type: 'spki', format: 'pem' }) };
}`,
  },
  {
    name: 'Vault Transit encrypt of a locally generated data key (envelope encryption by hand), base64-encoded',
    code: `import { randomBytes } from 'node:crypto';
export async function wrapDek(http: { post(u: string, b: object): Promise<{ data: { data: { ciphertext: string } } }> }) {
  const dek = randomBytes(32);
  try {
    const { data } = await http.post(\`\${process.env.VAULT_ADDR}/v1/transit/encrypt/kek\`, { plaintext: dek.toString('base64') });
    return data.data.ciphertext;
  } finally {
    dek.fill(0);
  }
}`,
  },
  {
    name: 'a small named secret (an API secret) sealed with KMS Encrypt: what Encrypt is for',
    code: `import { KMSClient, EncryptCommand } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export async function sealPartnerSecret(partnerSecret: Uint8Array) {
  const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: 'alias/partners', Plaintext: partnerSecret, EncryptionContext: { purpose: 'partner-api' } }));
  return CiphertextBlob;
}
`,
  },
  {
    name: 'onlyInLoops: a single direct Encrypt is left alone',
    options: [{ onlyInLoops: true }] as never,
    code: `import { KMSClient, EncryptCommand } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export const saveNote = (note: string) => kms.send(new EncryptCommand({ KeyId: 'alias/app', Plaintext: Buffer.from(note), EncryptionContext: { app: 'notes' } }));
`,
  },
  {
    name: 'wrapping a locally generated data key is what KMS Encrypt is for',
    code: `import { KMSClient, EncryptCommand, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { randomBytes } from 'node:crypto';
const kms = new KMSClient({});
export async function wrap() {
  const dataKey = randomBytes(32);
  try {
    await kms.send(new EncryptCommand({ KeyId: 'alias/app', Plaintext: dataKey, EncryptionContext: { app: 'x' } }));
  } finally {
    dataKey.fill(0);
  }
  await kms.send(new EncryptCommand({ KeyId: 'alias/app', Plaintext: randomBytes(32), EncryptionContext: { app: 'x' } }));
  return kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/app', KeySpec: 'AES_256', EncryptionContext: { app: 'x' } }));
}
`,
  },
  {
    name: 'a database password typed in once and sealed with KMS Encrypt (AWS: "such as a database password")',
    code: `import { KMSClient, EncryptCommand } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export async function sealDbPassword(dbPassword: string, env: string) {
  const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: 'alias/bootstrap', Plaintext: Buffer.from(dbPassword, 'utf8'), EncryptionContext: { env } }));
  return CiphertextBlob;
}
`,
  },
];

createRuleTester().run('prefer-envelope-encryption', rule as never, { valid, invalid: invalid as never });
