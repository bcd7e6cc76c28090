import { KeywardenError } from '../errors';
import type {
  DataKeyRequest,
  GeneratedDataKey,
  KeyProvider,
  RewrapRequest,
  UnwrapRequest,
  WrapRequest,
  WrappedDataKey,
} from '../provider';
import { mapAwsError } from './aws-kms-errors';
import { parseAwsKmsUri, type AwsKeyRef } from './aws-kms-uri';
import { loadOptionalPeer } from './optional-peer';

// Types only: erased at compile time, so the SDK stays an optional peer.
type KmsSdk = typeof import('@aws-sdk/client-kms');
type KmsClient = import('@aws-sdk/client-kms').KMSClient;

export const AWS_KMS_SCHEME = 'aws-kms';
const DATA_KEY_BYTES = 32;

/** Minimal shape of a pre-built KMS client (`new KMSClient(...)` from `@aws-sdk/client-kms`). */
export interface AwsKmsClientLike {
  send(command: unknown, options?: { abortSignal?: AbortSignal }): Promise<unknown>;
  destroy?(): void;
}

export interface AwsKmsProviderOptions {
  /**
   * Custom endpoint (VPC endpoint, FIPS endpoint, a local test server), e.g.
   * `http://127.0.0.1:4566`. Every region then goes to this endpoint.
   */
  endpoint?: string;
  /** Region to use when the key URI does not carry one (a bare key id or `alias/NAME`). */
  region?: string;
  /** Static credentials or a provider function; default: the SDK's default chain. */
  credentials?: unknown;
  /** A pre-built client, used for every key; keywarden will not destroy it. */
  client?: AwsKmsClientLike;
  /**
   * SDK-level attempts per call. Default 1: the envelope client owns retries,
   * backoff and the deadline, and two retry layers would multiply the waits.
   */
  maxAttempts?: number;
  /** Socket connect / whole-request timeouts in ms (defaults 3000 / 10000). */
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
}

/**
 * AWS KMS key provider. The KEK never leaves KMS: GenerateDataKey returns a
 * fresh data key and its KMS ciphertext; Decrypt and ReEncrypt run in KMS. The
 * binding context is sent as the KMS EncryptionContext, so KMS itself refuses
 * to decrypt a wrapped key under any other context.
 */
export function createAwsKmsProvider(options: AwsKmsProviderOptions = {}): KeyProvider {
  return new AwsKmsProvider(options);
}

class AwsKmsProvider implements KeyProvider {
  readonly scheme = AWS_KMS_SCHEME;
  private sdk: KmsSdk | undefined;
  /** One client per region (KMS endpoints are regional); a pre-built client serves all. */
  private readonly clients = new Map<string, KmsClient>();

  constructor(private readonly options: AwsKmsProviderOptions) {}

  async generateDataKey(request: DataKeyRequest): Promise<GeneratedDataKey> {
    const key = this.parse(request.keyUri);
    const sdk = this.loadSdk();
    const output = await this.send(
      key,
      new sdk.GenerateDataKeyCommand({
        KeyId: key.keyId,
        KeySpec: 'AES_256',
        EncryptionContext: { ...request.context },
      }),
      request.signal,
    );
    const plaintext = takeDataKey(output.Plaintext);
    return {
      plaintext,
      wrapped: requireBlob(output.CiphertextBlob, 'GenerateDataKey', plaintext),
      keyUri: resultUri(output.KeyId, key),
    };
  }

  async unwrap(request: UnwrapRequest): Promise<Buffer> {
    const key = this.parse(request.keyUri);
    checkBlob(request.wrapped);
    const sdk = this.loadSdk();
    const output = await this.send(
      key,
      new sdk.DecryptCommand({
        // Naming the key makes KMS refuse a blob wrapped under another key
        // (IncorrectKeyException) instead of silently using whatever key the
        // blob names: the header's key URI must match the wrapped key.
        KeyId: key.keyId,
        CiphertextBlob: Uint8Array.from(request.wrapped),
        EncryptionContext: { ...request.context },
      }),
      request.signal,
    );
    return takeDataKey(output.Plaintext);
  }

  async rewrap(request: RewrapRequest): Promise<WrappedDataKey> {
    const source = this.parse(request.keyUri);
    const target = request.toKeyUri === undefined ? source : this.parse(request.toKeyUri);
    checkBlob(request.wrapped);
    const sdk = this.loadSdk();
    // ReEncrypt runs entirely inside KMS: the data key is never in our memory.
    // Omitting the target means "the same key": KMS key rotation keeps the ARN
    // and re-encrypts under the newest backing key.
    const output = await this.send(
      target,
      new sdk.ReEncryptCommand({
        CiphertextBlob: Uint8Array.from(request.wrapped),
        SourceKeyId: source.keyId,
        SourceEncryptionContext: { ...request.context },
        DestinationKeyId: target.keyId,
        DestinationEncryptionContext: { ...request.context },
      }),
      request.signal,
    );
    return {
      wrapped: requireBlob(output.CiphertextBlob, 'ReEncrypt'),
      keyUri: resultUri(output.KeyId, target),
    };
  }

  /** Encrypts an existing data key under this KEK (moving a blob here from another provider). */
  async wrap(request: WrapRequest): Promise<WrappedDataKey> {
    const key = this.parse(request.keyUri);
    const sdk = this.loadSdk();
    const plaintext = Uint8Array.from(request.plaintext);
    try {
      const output = await this.send(
        key,
        new sdk.EncryptCommand({ KeyId: key.keyId, Plaintext: plaintext, EncryptionContext: { ...request.context } }),
        request.signal,
      );
      return { wrapped: requireBlob(output.CiphertextBlob, 'Encrypt'), keyUri: resultUri(output.KeyId, key) };
    } finally {
      plaintext.fill(0);
    }
  }

  /**
   * Rotates the key material now (RotateKeyOnDemand). The key ARN does not
   * change: KMS keeps every backing version and picks the right one on
   * decrypt, and ReEncrypt moves a blob to the newest.
   */
  async rotate(keyUri: string): Promise<string> {
    const key = this.parse(keyUri);
    const sdk = this.loadSdk();
    // RotateKeyOnDemand refuses aliases: resolve to the key ARN first.
    const described = await this.send(key, new sdk.DescribeKeyCommand({ KeyId: key.keyId }));
    const arn: unknown = described.KeyMetadata?.Arn;
    if (typeof arn !== 'string') throw new KeywardenError('KMS_UNAVAILABLE', `AWS KMS DescribeKey returned no ARN for ${key.keyId}`);
    await this.send(key, new sdk.RotateKeyOnDemandCommand({ KeyId: arn }));
    return `${AWS_KMS_SCHEME}://${arn}`;
  }

  async close(): Promise<void> {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
  }

  private parse(keyUri: string): AwsKeyRef {
    return parseAwsKmsUri(keyUri, this.options.region);
  }

  private loadSdk(): KmsSdk {
    this.sdk ??= loadOptionalPeer<KmsSdk>('@aws-sdk/client-kms', AWS_KMS_SCHEME);
    return this.sdk;
  }

  // The SDK's command/output generics are not worth threading through: each
  // caller reads only the documented output fields and checks them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private async send(key: AwsKeyRef, command: unknown, signal?: AbortSignal): Promise<any> {
    const client = this.options.client ?? this.clientFor(key.region);
    try {
      return await client.send(command as never, { abortSignal: signal });
    } catch (error) {
      throw mapAwsError(error, key.keyId);
    }
  }

  private clientFor(region: string): KmsClient {
    let client = this.clients.get(region);
    if (!client) {
      const sdk = this.loadSdk();
      client = new sdk.KMSClient({
        region,
        endpoint: this.options.endpoint,
        credentials: this.options.credentials as never,
        maxAttempts: this.options.maxAttempts ?? 1,
        requestHandler: {
          connectionTimeout: this.options.connectionTimeoutMs ?? 3000,
          requestTimeout: this.options.requestTimeoutMs ?? 10000,
        },
      });
      this.clients.set(region, client);
    }
    return client;
  }
}

/** KMS ciphertext blobs are 1 to 6144 bytes; anything else cannot be one (and KMS would only say ValidationException). */
function checkBlob(wrapped: Uint8Array): void {
  if (wrapped.length === 0 || wrapped.length > 6144) {
    throw new KeywardenError('TAMPERED', `Wrapped key of ${wrapped.length} bytes cannot be an AWS KMS ciphertext`);
  }
}

/** Copies the SDK's plaintext into a buffer the caller owns, then zeroes the SDK's copy. */
function takeDataKey(plaintext: Uint8Array | undefined): Buffer {
  if (!plaintext || plaintext.length !== DATA_KEY_BYTES) {
    plaintext?.fill(0);
    throw new KeywardenError('KMS_UNAVAILABLE', 'AWS KMS returned no 32-byte data key');
  }
  const copy = Buffer.from(plaintext);
  plaintext.fill(0);
  return copy;
}

function requireBlob(blob: Uint8Array | undefined, operation: string, toWipe?: Buffer): Buffer {
  if (!blob || blob.length === 0) {
    toWipe?.fill(0);
    throw new KeywardenError('KMS_UNAVAILABLE', `AWS KMS ${operation} returned no ciphertext`);
  }
  return Buffer.from(blob);
}

/**
 * Records the key KMS actually used: for an alias, KMS answers with the key
 * ARN, so the sealed header names the real key and keeps decrypting after the
 * alias is repointed.
 */
function resultUri(keyIdFromKms: string | undefined, requested: AwsKeyRef): string {
  return `${AWS_KMS_SCHEME}://${keyIdFromKms ?? requested.keyId}`;
}
