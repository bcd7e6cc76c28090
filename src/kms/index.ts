/**
 * keywarden/kms — envelope encryption with a data key per message (or per
 * cached batch), wrapped by a key-encryption key that stays in a KMS or HSM.
 *
 *   import { createEnvelopeClient, wipe, KeywardenError } from 'keywarden/kms';
 *   const client = createEnvelopeClient({ keyUri: 'aws-kms://arn:aws:kms:…', purpose: 'user-pii' });
 *   const sealed = await client.encrypt('secret', { context: { tenant: 't1' } });
 *   const opened = await client.decrypt(sealed, { context: { tenant: 't1' } });
 *
 * Depends on nothing but Node; provider SDKs load only when their scheme is used.
 */
export { createEnvelopeClient } from './client';
export type {
  EnvelopeClient,
  EnvelopeClientOptions,
  EncryptOptions,
  DecryptOptions,
  DecryptStreamOptions,
  RewrapOptions,
  LegacyDecrypt,
} from './client';
export { wipe } from './wipe';
export { KeywardenError } from './errors';
export type { KeywardenErrorCode } from './errors';
export type { AuditEvent, AuditSink } from './audit';
export type { CacheOptions } from './cache';
export type { RetryOptions } from './retry';
export type {
  KeyProvider,
  BindingContext,
  DataKeyRequest,
  GeneratedDataKey,
  UnwrapRequest,
  RewrapRequest,
  WrapRequest,
  WrappedDataKey,
} from './provider';
export type { ProviderOptionsMap } from './providers';
export type { LocalProviderOptions } from './providers/local';
export { inspectSealed, type SealedInfo } from './inspect';
// Real providers: option types for `providerOptions`, and the PKCS#11 KEK
// helper. Importing these loads no SDK: each provider loads its optional peer
// (@aws-sdk/client-kms, pkcs11js) only when a key URI of its scheme is used.
export type { AwsKmsProviderOptions } from './providers/aws-kms';
export type { VaultTransitProviderOptions } from './providers/vault-transit';
export type { AzureKeyVaultProviderOptions, AzureTokenCredential, AzureWrapAlgorithm } from './providers/azure-kv';
export type { Pkcs11ProviderOptions, CreatePkcs11KekOptions } from './providers/pkcs11';
export { createPkcs11Kek } from './providers/pkcs11';
