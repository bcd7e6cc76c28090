import { construct, method } from '../define';
import type { LibraryModel } from '../types';

/**
 * Google Cloud KMS (`@google-cloud/kms`): `const [res] = await client.decrypt({ name, ciphertext,
 * additionalAuthenticatedData })`; the plaintext is `res.plaintext`. Facts as in aws-kms.ts, plus
 * `resultTuple` (the promise resolves to `[response, …]`).
 */
const GCP_TUPLE = { resultTuple: true, contextField: 'additionalAuthenticatedData' } as const;
/** Protobuf `bytes` fields are typed `Uint8Array | string | null`: a wipe must check for bytes. */
const GCP_PLAINTEXT = { plaintextField: 'plaintext', plaintextMayBeString: true } as const;
export const gcpKms: LibraryModel = {
  id: '@google-cloud/kms',
  roots: [{ module: '@google-cloud/kms' }, { module: '@google-cloud/kms', at: ['v1'] }],
  apis: [construct('KeyManagementServiceClient', 'client', { '0.credentials.private_key': 'credential' }, { returns: 'GcpKmsClient' })],
  objects: {
    GcpKmsClient: {
      methods: {
        encrypt: method('encrypt', { '0.name': 'kms-key-id', '0.plaintext': 'data', '0.additionalAuthenticatedData': 'kms-context' }, { facts: GCP_TUPLE }),
        decrypt: method('decrypt', { '0.name': 'kms-key-id', '0.ciphertext': 'data', '0.additionalAuthenticatedData': 'kms-context' }, { facts: { ...GCP_TUPLE, ...GCP_PLAINTEXT } }),
        // Raw symmetric encryption (imported AES-GCM keys): the same encrypt/decrypt with AAD, the IV given separately.
        rawEncrypt: method('encrypt', { '0.name': 'kms-key-id', '0.plaintext': 'data', '0.additionalAuthenticatedData': 'kms-context' }, { facts: GCP_TUPLE }),
        rawDecrypt: method('decrypt', { '0.name': 'kms-key-id', '0.ciphertext': 'data', '0.additionalAuthenticatedData': 'kms-context' }, { facts: { ...GCP_TUPLE, ...GCP_PLAINTEXT } }),
        asymmetricSign: method('sign', { '0.name': 'kms-key-id' }),
        asymmetricDecrypt: method('decrypt', { '0.name': 'kms-key-id', '0.ciphertext': 'data' }, { facts: { resultTuple: true, ...GCP_PLAINTEXT } }),
        macSign: method('mac', { '0.name': 'kms-key-id', '0.data': 'data' }),
        macVerify: method('mac-verify', { '0.name': 'kms-key-id', '0.data': 'data' }),
        createCryptoKey: method('keygen', { '0.cryptoKey.purpose': 'kms-key-usage' }, { facts: { kmsCreateKey: true } }),
      },
    },
  },
};

/**
 * Azure Key Vault keys (`@azure/keyvault-keys`): `new CryptographyClient(keyOrId, credential)` or
 * `keyClient.getCryptographyClient(name)`;
 * `encrypt({ algorithm, plaintext, additionalAuthenticatedData })` (or the older positional form),
 * `unwrapKey(algorithm, wrapped)` whose `result` is the plaintext key. `wrappedKeyArg`: the argument of
 * `wrapKey` that is the key being wrapped (key material, but not a use of that key: the vault key wraps it).
 */
export const azureKeyVault: LibraryModel = {
  id: '@azure/keyvault-keys',
  roots: [{ module: '@azure/keyvault-keys' }],
  apis: [
    construct('CryptographyClient', 'client', { 0: 'kms-key-id' }, { returns: 'AzureCryptographyClient' }),
    construct('KeyClient', 'client', {}, { returns: 'AzureKeyClient' }),
  ],
  objects: {
    // `keyClient.getCryptographyClient(name)`: the same client as `new CryptographyClient(key, credential)`.
    AzureKeyClient: {
      methods: {
        getCryptographyClient: method('client', { 0: 'kms-key-id' }, { returns: 'AzureCryptographyClient' }),
      },
    },
    AzureCryptographyClient: {
      methods: {
        encrypt: method('encrypt', { 0: 'algorithm', '0.algorithm': 'algorithm', '0.plaintext': 'data', '0.additionalAuthenticatedData': 'kms-context', 1: 'data' }, { facts: { contextField: 'additionalAuthenticatedData' } }),
        decrypt: method('decrypt', { 0: 'algorithm', '0.algorithm': 'algorithm', '0.ciphertext': 'data', '0.additionalAuthenticatedData': 'kms-context', 1: 'data' }, { facts: { plaintextField: 'result', contextField: 'additionalAuthenticatedData' } }),
        wrapKey: method('wrap', { 0: 'algorithm', 1: 'key' }, { facts: { wrappedKeyArg: '1' } }),
        unwrapKey: method('unwrap', { 0: 'algorithm', 1: 'data' }, { facts: { plaintextField: 'result' } }),
        sign: method('sign', { 0: 'algorithm', 1: 'data' }),
        verify: method('verify', { 0: 'algorithm', 1: 'data' }),
      },
    },
  },
};

/**
 * Microsoft Entra credentials (`@azure/identity`) that Key Vault clients take:
 * `new ClientSecretCredential(tenantId, clientId, clientSecret)`,
 * `new UsernamePasswordCredential(tenantId, clientId, username, password)`.
 * The secret authenticates to the vault, so a hardcoded one hands out its keys.
 */
export const azureIdentity: LibraryModel = {
  id: '@azure/identity',
  roots: [{ module: '@azure/identity' }],
  apis: [
    // `envVar`: the environment variable Azure's EnvironmentCredential reads for the same secret.
    construct('ClientSecretCredential', 'client', { 2: 'credential' }, { facts: { envVar: 'AZURE_CLIENT_SECRET' } }),
    construct('UsernamePasswordCredential', 'client', { 3: 'credential' }, { facts: { envVar: 'AZURE_PASSWORD' } }),
  ],
};
