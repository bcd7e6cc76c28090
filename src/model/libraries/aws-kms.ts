import { construct, method } from '../define';
import type { ApiModel, LibraryModel } from '../types';

const CREDENTIALS = { '0.credentials.secretAccessKey': 'credential', '0.credentials.sessionToken': 'credential', '0.credentials.accessKeyId': 'data' } as const;

/** Commands of `@aws-sdk/client-kms` v3: `client.send(new EncryptCommand({ … }))`. */
const commands: ApiModel[] = [
  construct('KMSClient', 'client', CREDENTIALS, { returns: 'KMSClient' }),
  construct('KMS', 'client', CREDENTIALS, { returns: 'KMSAggregated' }),
  construct('EncryptCommand', 'encrypt', { '0.KeyId': 'kms-key-id', '0.Plaintext': 'data', '0.EncryptionContext': 'kms-context', '0.EncryptionAlgorithm': 'algorithm' }, { facts: { contextField: 'EncryptionContext' } }),
  construct('DecryptCommand', 'decrypt', { '0.KeyId': 'kms-key-id', '0.CiphertextBlob': 'data', '0.EncryptionContext': 'kms-context', '0.EncryptionAlgorithm': 'algorithm' }, { facts: { plaintextField: 'Plaintext', contextField: 'EncryptionContext' } }),
  construct('ReEncryptCommand', 'wrap', { '0.DestinationKeyId': 'kms-key-id', '0.SourceKeyId': 'kms-key-id', '0.DestinationEncryptionContext': 'kms-context', '0.SourceEncryptionContext': 'kms-context' }),
  construct('GenerateDataKeyCommand', 'keygen', { '0.KeyId': 'kms-key-id', '0.KeySpec': 'kms-key-spec', '0.NumberOfBytes': 'key-length', '0.EncryptionContext': 'kms-context' }, { facts: { dataKey: true, plaintextField: 'Plaintext', contextField: 'EncryptionContext' } }),
  construct('GenerateDataKeyWithoutPlaintextCommand', 'keygen', { '0.KeyId': 'kms-key-id', '0.KeySpec': 'kms-key-spec', '0.EncryptionContext': 'kms-context' }),
  construct('GenerateDataKeyPairCommand', 'keygen', { '0.KeyId': 'kms-key-id', '0.KeyPairSpec': 'kms-key-spec', '0.EncryptionContext': 'kms-context' }, { facts: { dataKey: true, plaintextField: 'PrivateKeyPlaintext', contextField: 'EncryptionContext' } }),
  construct('SignCommand', 'sign', { '0.KeyId': 'kms-key-id', '0.SigningAlgorithm': 'algorithm' }),
  construct('VerifyCommand', 'verify', { '0.KeyId': 'kms-key-id', '0.SigningAlgorithm': 'algorithm' }),
  construct('GenerateMacCommand', 'mac', { '0.KeyId': 'kms-key-id', '0.MacAlgorithm': 'algorithm' }),
  construct('VerifyMacCommand', 'mac-verify', { '0.KeyId': 'kms-key-id', '0.MacAlgorithm': 'algorithm' }),
  // Random bytes from the KMS HSMs (a token, or a key the caller generates itself): no key is used.
  construct('GenerateRandomCommand', 'random', {}),
  construct('CreateKeyCommand', 'keygen', { '0.KeyUsage': 'kms-key-usage', '0.KeySpec': 'kms-key-spec', '0.CustomerMasterKeySpec': 'kms-key-spec' }, { facts: { kmsCreateKey: true } }),
];

/**
 * Facts rules read: `plaintextField` names the result property that holds
 * plaintext key material (`GenerateDataKey().Plaintext`); `contextField` names
 * the request property that binds additional authenticated data.
 */

/** The aggregated client (`new KMS({})`) exposes the same operations as methods. */
const aggregated = (op: ApiModel) => method(op.operation, op.args, { facts: op.facts });
const byName = (name: string) => commands.find((c) => c.path[0] === name)!;

const aggregatedMethods = {
  encrypt: aggregated(byName('EncryptCommand')),
  decrypt: aggregated(byName('DecryptCommand')),
  reEncrypt: aggregated(byName('ReEncryptCommand')),
  generateDataKey: aggregated(byName('GenerateDataKeyCommand')),
  generateDataKeyWithoutPlaintext: aggregated(byName('GenerateDataKeyWithoutPlaintextCommand')),
  generateDataKeyPair: aggregated(byName('GenerateDataKeyPairCommand')),
  sign: aggregated(byName('SignCommand')),
  verify: aggregated(byName('VerifyCommand')),
  generateMac: aggregated(byName('GenerateMacCommand')),
  verifyMac: aggregated(byName('VerifyMacCommand')),
  createKey: aggregated(byName('CreateKeyCommand')),
  generateRandom: aggregated(byName('GenerateRandomCommand')),
};

export const awsKms: LibraryModel = {
  id: '@aws-sdk/client-kms',
  roots: [{ module: '@aws-sdk/client-kms' }],
  apis: commands,
  objects: {
    KMSClient: { methods: { send: method('client', { 0: 'data' }) } },
    KMSAggregated: { methods: aggregatedMethods },
  },
};

/**
 * AWS SDK for JavaScript v2 (`aws-sdk`): `new AWS.KMS()` (or `require('aws-sdk/clients/kms')`)
 * has the same operations as methods, each returning a request whose `.promise()` resolves to
 * the same response shape as v3 (`{ Plaintext, CiphertextBlob }`).
 */
export const awsSdkV2Kms: LibraryModel = {
  id: 'aws-sdk',
  roots: [{ module: 'aws-sdk' }, { module: 'aws-sdk/clients/kms', provides: ['KMS'] }],
  apis: [construct('KMS', 'client', CREDENTIALS, { returns: 'KMSv2' })],
  objects: { KMSv2: { methods: aggregatedMethods } },
};
