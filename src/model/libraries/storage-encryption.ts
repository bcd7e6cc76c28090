import { call, construct, method } from '../define';
import type { LibraryModel } from '../types';

/**
 * Keys that storage and database clients encrypt or wrap with on the application's behalf. They are
 * not ciphers the application calls, but the key given to them is used for that purpose all the same:
 * the same bytes keying an HMAC elsewhere is one key for two purposes (issue 3's key-purpose table).
 */

/** A master key that only wraps data keys (a KEK): the client encrypts data keys with it, never data. */
const WRAPS = { facts: { purpose: 'wrap' } } as const;

/**
 * MongoDB client-side field level and Queryable Encryption with the `local` KMS provider: the 96-byte
 * master key wraps the data keys kept in the key vault collection (`new MongoClient(uri, { autoEncryption:
 * { kmsProviders: { local: { key } } } })`, `new ClientEncryption(client, { kmsProviders })`).
 */
export const mongodbLocalKms: LibraryModel = {
  id: 'mongodb',
  roots: [{ module: 'mongodb' }],
  apis: [
    construct('MongoClient', 'client', { '1.autoEncryption.kmsProviders.local.key': 'key' }, WRAPS),
    construct('ClientEncryption', 'client', { '1.kmsProviders.local.key': 'key' }, WRAPS),
  ],
};

/**
 * The AWS Encryption SDK's raw AES keyring: `unencryptedMasterKey` wraps each message's data key
 * (`new RawAesKeyringNode({ keyName, keyNamespace, unencryptedMasterKey, wrappingSuite })`).
 */
export const awsCryptoRawAesKeyring: LibraryModel = {
  id: '@aws-crypto/client-node',
  roots: [{ module: '@aws-crypto/client-node' }, { module: '@aws-crypto/raw-aes-keyring-node' }],
  apis: [construct('RawAesKeyringNode', 'client', { '0.unencryptedMasterKey': 'key' }, WRAPS)],
};

/**
 * Google Cloud Storage customer-supplied encryption keys (CSEK): the object is encrypted with the AES-256
 * key the client sends (`bucket.file(name, { encryptionKey })`, `file.setEncryptionKey(key)`,
 * `file.rotateEncryptionKey({ encryptionKey })`).
 */
export const gcsCustomerSuppliedKeys: LibraryModel = {
  id: '@google-cloud/storage',
  roots: [{ module: '@google-cloud/storage' }],
  apis: [construct('Storage', 'client', {}, { returns: 'GcsStorage' })],
  objects: {
    GcsStorage: { methods: { bucket: method('client', {}, { returns: 'GcsBucket' }) } },
    GcsBucket: { methods: { file: method('encrypt', { '1.encryptionKey': 'key' }, { returns: 'GcsFile' }) } },
    GcsFile: {
      methods: {
        setEncryptionKey: method('encrypt', { 0: 'key' }, { returns: 'GcsFile' }),
        rotateEncryptionKey: method('encrypt', { '0.encryptionKey': 'key' }),
      },
    },
  },
};

/**
 * sequelize-encrypted: `EncryptedField(Sequelize, key)` returns the field factory of a model's encrypted vault; the
 * 32-byte hex key encrypts every vault (AES-256-CBC inside the package).
 */
export const sequelizeEncrypted: LibraryModel = {
  id: 'sequelize-encrypted',
  roots: [{ module: 'sequelize-encrypted' }],
  apis: [call('', 'encrypt', { 1: 'key' })],
};

/**
 * Data-warehouse clients with key-pair authentication: snowflake-sdk's `createConnection({ authenticator: 'SNOWFLAKE_JWT',
 * privateKey, privateKeyPass })` signs its login JWT with the private key, which `privateKeyPass` decrypts when it is
 * an encrypted PKCS#8 key. Both are credentials the client carries (like the KMS client's `secretAccessKey`).
 */
const SNOWFLAKE_CONNECTION = { '0.privateKey': 'key', '0.privateKeyPass': 'passphrase' } as const;

export const snowflakeSdk: LibraryModel = {
  id: 'snowflake-sdk',
  roots: [{ module: 'snowflake-sdk' }],
  apis: [
    call('createConnection', 'client', SNOWFLAKE_CONNECTION),
    call('default.createConnection', 'client', SNOWFLAKE_CONNECTION),
    call('createPool', 'client', SNOWFLAKE_CONNECTION),
    call('default.createPool', 'client', SNOWFLAKE_CONNECTION),
  ],
};

/**
 * Field-level encryption of Prisma models: prisma-field-encryption's `fieldEncryptionExtension({ encryptionKey,
 * decryptionKeys })` (and the older `fieldEncryptionMiddleware`) encrypts the `/// @encrypted` fields of every model
 * with AES-256-GCM under `encryptionKey`, and reads old rows with any of `decryptionKeys`; the keys are @47ng/cloak keys
 * (`k1.aesgcm256.<base64 of 32 bytes>`). cloak's own `encryptString(input, key)`/`decryptString` (and their `Sync`
 * forms) take the same keys, `parseKey(key)` imports one and `makeKeychain([…])` a list of them.
 */
const PRISMA_FIELD_ENCRYPTION_KEYS = { '0.encryptionKey': 'key', '0.decryptionKeys': 'key' } as const;

export const prismaFieldEncryption: LibraryModel = {
  id: 'prisma-field-encryption',
  roots: [{ module: 'prisma-field-encryption' }],
  apis: [
    call('fieldEncryptionExtension', 'encrypt', PRISMA_FIELD_ENCRYPTION_KEYS),
    call('fieldEncryptionMiddleware', 'encrypt', PRISMA_FIELD_ENCRYPTION_KEYS),
  ],
};

export const cloak: LibraryModel = {
  id: '@47ng/cloak',
  roots: [{ module: '@47ng/cloak' }],
  apis: [
    call('encryptString', 'encrypt', { 0: 'data', 1: 'key' }),
    call('encryptStringSync', 'encrypt', { 0: 'data', 1: 'key' }),
    call('decryptString', 'decrypt', { 0: 'data', 1: 'key' }),
    call('decryptStringSync', 'decrypt', { 0: 'data', 1: 'key' }),
    call('parseKey', 'key-import', { 0: 'key' }),
    call('parseKeySync', 'key-import', { 0: 'key' }),
    call('makeKeychain', 'key-import', { 0: 'key' }),
    call('makeKeychainSync', 'key-import', { 0: 'key' }),
  ],
};
