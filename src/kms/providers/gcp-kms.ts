import { randomBytes } from 'node:crypto';
import { KeywardenError } from '../errors';
import type {
  BindingContext,
  DataKeyRequest,
  GeneratedDataKey,
  KeyProvider,
  RewrapRequest,
  UnwrapRequest,
  WrapRequest,
  WrappedDataKey,
} from '../provider';
import { encodeBindingContext } from './context-encoding';
import { loadOptionalPeer } from './optional-peer';
import { rewrapInProcess } from './rewrap-in-process';

export const GCP_KMS_SCHEME = 'gcp-kms';
const DATA_KEY_BYTES = 32;

/** The methods keywarden calls on a `KeyManagementServiceClient` from `@google-cloud/kms`. */
export interface GcpKmsClientLike {
  encrypt(request: object, options?: object): Promise<unknown[]>;
  decrypt(request: object, options?: object): Promise<unknown[]>;
  createCryptoKeyVersion(request: object, options?: object): Promise<unknown[]>;
  updateCryptoKeyPrimaryVersion(request: object, options?: object): Promise<unknown[]>;
  close?(): Promise<void>;
}

export interface GcpKmsProviderOptions {
  /** A pre-built `KeyManagementServiceClient`; keywarden will not close it. */
  client?: GcpKmsClientLike;
  /**
   * Options for the client keywarden builds: `credentials`, `keyFilename`,
   * `apiEndpoint` (private or regional endpoints), `fallback: true` for REST, …
   * Default: Application Default Credentials, gRPC.
   */
  clientOptions?: Record<string, unknown>;
  /** Per-call timeout in ms (default 10000). The library's own retries are off. */
  requestTimeoutMs?: number;
}

interface GcpKeyRef {
  /** `projects/P/locations/L/keyRings/R/cryptoKeys/K` */
  name: string;
  version?: number;
}

// Resource ids as Cloud KMS allows them; checked strictly because the URI may
// come from a sealed blob someone else wrote.
const KEY_NAME = /^projects\/[A-Za-z0-9.:_-]{1,100}\/locations\/[a-z0-9-]{1,63}\/keyRings\/[A-Za-z0-9_-]{1,63}\/cryptoKeys\/[A-Za-z0-9_-]{1,63}$/;

export function parseGcpKmsUri(keyUri: string): GcpKeyRef {
  const prefix = `${GCP_KMS_SCHEME}://`;
  if (typeof keyUri !== 'string' || !keyUri.startsWith(prefix)) throw new KeywardenError('UNSUPPORTED_FORMAT', 'Not a gcp-kms:// key URI');
  const [name = '', fragment, ...rest] = keyUri.slice(prefix.length).split('#');
  const version = fragment === undefined ? undefined : /^v([1-9]\d{0,8})$/.exec(fragment)?.[1];
  if (!KEY_NAME.test(name) || rest.length > 0 || (fragment !== undefined && version === undefined)) {
    throw new KeywardenError(
      'UNSUPPORTED_FORMAT',
      'Malformed gcp-kms:// key URI: expected gcp-kms://projects/P/locations/L/keyRings/R/cryptoKeys/K',
    );
  }
  return { name, version: version === undefined ? undefined : Number(version) };
}

/**
 * Google Cloud KMS key provider. Cloud KMS has no data-key operation, so the
 * data key comes from this process's CSPRNG and is encrypted by KMS
 * (`encrypt`) with the canonical binding context as additionalAuthenticatedData:
 * KMS refuses to decrypt it under another context. There is no server-side
 * re-encrypt either: rewrap decrypts and encrypts, the data key passing
 * through this process (and wiped). The sealed header records the key version
 * KMS used (`#vN`); decrypt needs only the key, KMS reads the version from
 * its ciphertext.
 */
export function createGcpKmsProvider(options: GcpKmsProviderOptions = {}): KeyProvider {
  return new GcpKmsProvider(options);
}

class GcpKmsProvider implements KeyProvider {
  readonly scheme = GCP_KMS_SCHEME;
  private client: GcpKmsClientLike | undefined;

  constructor(private readonly options: GcpKmsProviderOptions) {}

  async generateDataKey(request: DataKeyRequest): Promise<GeneratedDataKey> {
    const plaintext = randomBytes(DATA_KEY_BYTES);
    try {
      const wrapped = await this.wrap({ ...request, plaintext });
      return { ...wrapped, plaintext };
    } catch (error) {
      plaintext.fill(0);
      throw error;
    }
  }

  async wrap(request: WrapRequest): Promise<WrappedDataKey> {
    const key = parseGcpKmsUri(request.keyUri);
    const plaintext = Buffer.from(request.plaintext);
    try {
      const [response] = await this.call(key, 'encrypt', request.signal, false, {
        name: key.version === undefined ? key.name : `${key.name}/cryptoKeyVersions/${key.version}`,
        plaintext,
        additionalAuthenticatedData: aad(request.context),
      });
      const { ciphertext, name } = (response ?? {}) as { ciphertext?: Uint8Array | string; name?: string };
      if (!ciphertext || ciphertext.length === 0) throw new KeywardenError('KMS_UNAVAILABLE', `Cloud KMS returned no ciphertext for ${key.name}`);
      return { wrapped: Buffer.from(toBytes(ciphertext)), keyUri: uriOf(key.name, versionOf(name)) };
    } finally {
      plaintext.fill(0);
    }
  }

  async unwrap(request: UnwrapRequest): Promise<Buffer> {
    const key = parseGcpKmsUri(request.keyUri);
    // Cloud KMS ciphertexts are at most 64 KiB + overhead; empty is never one.
    if (request.wrapped.length === 0 || request.wrapped.length > 70_000) {
      throw new KeywardenError('TAMPERED', `Wrapped key of ${request.wrapped.length} bytes cannot be a Cloud KMS ciphertext`);
    }
    const [response] = await this.call(key, 'decrypt', request.signal, true, {
      name: key.name,
      ciphertext: Buffer.from(request.wrapped),
      additionalAuthenticatedData: aad(request.context),
    });
    const plaintext = toBytes((response as { plaintext?: Uint8Array | string } | undefined)?.plaintext ?? '');
    if (plaintext.length !== DATA_KEY_BYTES) {
      plaintext.fill(0);
      throw new KeywardenError('TAMPERED', `Cloud KMS decrypted ${key.name} to ${plaintext.length} bytes, not a data key`);
    }
    const copy = Buffer.from(plaintext);
    plaintext.fill(0);
    return copy;
  }

  async rewrap(request: RewrapRequest): Promise<WrappedDataKey> {
    const target = request.toKeyUri ?? uriOf(parseGcpKmsUri(request.keyUri).name);
    parseGcpKmsUri(target);
    return rewrapInProcess(this, request, target);
  }

  /** Creates a key version, makes it primary, and returns its URI. */
  async rotate(keyUri: string): Promise<string> {
    const key = parseGcpKmsUri(keyUri);
    const [created] = await this.call(key, 'createCryptoKeyVersion', undefined, false, { parent: key.name, cryptoKeyVersion: {} });
    const version = versionOf((created as { name?: string } | undefined)?.name);
    if (version === undefined) throw new KeywardenError('KMS_UNAVAILABLE', `Cloud KMS returned no new version for ${key.name}`);
    await this.call(key, 'updateCryptoKeyPrimaryVersion', undefined, false, { name: key.name, cryptoKeyVersionId: String(version) });
    return uriOf(key.name, version);
  }

  async close(): Promise<void> {
    if (this.client && !this.options.client) await this.client.close?.();
    this.client = undefined;
  }

  private kms(): GcpKmsClientLike {
    if (!this.client) {
      if (this.options.client) {
        this.client = this.options.client;
      } else {
        const sdk = loadOptionalPeer<{ KeyManagementServiceClient: new (options?: object) => GcpKmsClientLike }>('@google-cloud/kms', GCP_KMS_SCHEME);
        this.client = new sdk.KeyManagementServiceClient(this.options.clientOptions ?? {});
      }
    }
    return this.client;
  }

  private async call(
    key: GcpKeyRef,
    method: 'encrypt' | 'decrypt' | 'createCryptoKeyVersion' | 'updateCryptoKeyPrimaryVersion',
    signal: AbortSignal | undefined,
    decrypting: boolean,
    request: object,
  ): Promise<unknown[]> {
    if (signal?.aborted) throw new KeywardenError('KMS_UNAVAILABLE', `Cloud KMS ${method} for ${key.name} was aborted`);
    // retry: null — the envelope client owns retries, backoff and the deadline.
    const pending = this.kms()[method](request, { retry: null, timeout: this.options.requestTimeoutMs ?? 10_000 });
    const onAbort = (): void => (pending as { cancel?: () => void }).cancel?.();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await pending;
    } catch (error) {
      throw mapGcpError(error, key.name, method, decrypting, signal?.aborted === true);
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }
}

function aad(context: BindingContext): Buffer {
  return Buffer.concat([Buffer.from('keywarden/gcp-kms/v1\0', 'utf8'), encodeBindingContext(context)]);
}

function toBytes(value: Uint8Array | string): Uint8Array {
  return typeof value === 'string' ? Buffer.from(value, 'base64') : value;
}

function versionOf(versionName: string | undefined): number | undefined {
  const match = /\/cryptoKeyVersions\/([1-9]\d{0,8})$/.exec(versionName ?? '');
  return match ? Number(match[1]) : undefined;
}

function uriOf(name: string, version?: number): string {
  return `${GCP_KMS_SCHEME}://${name}${version === undefined ? '' : `#v${version}`}`;
}

// gRPC status codes, as google-gax reports them on both transports.
const NOT_FOUND = 5;
const DENIED = new Set([7 /* PERMISSION_DENIED */, 16 /* UNAUTHENTICATED */, 9 /* FAILED_PRECONDITION */]);
const TRANSIENT = new Set([4 /* DEADLINE_EXCEEDED */, 8 /* RESOURCE_EXHAUSTED */, 10 /* ABORTED */, 13 /* INTERNAL */, 14 /* UNAVAILABLE */]);
const INVALID_ARGUMENT = 3;

function mapGcpError(error: unknown, keyName: string, method: string, decrypting: boolean, aborted: boolean): KeywardenError {
  if (error instanceof KeywardenError) return error;
  const e = (error ?? {}) as { code?: unknown; message?: unknown; cause?: { code?: unknown } };
  const message = `Cloud KMS ${method} for ${keyName}: ${String(e.message ?? error).slice(0, 200)}`;
  if (aborted) return new KeywardenError('KMS_UNAVAILABLE', message, { cause: error });
  if (typeof e.code === 'number') {
    if (e.code === NOT_FOUND) return new KeywardenError('UNKNOWN_KEY', message, { cause: error });
    // A changed ciphertext and a changed context (the AAD) fail alike.
    if (e.code === INVALID_ARGUMENT && decrypting) return new KeywardenError('TAMPERED', message, { cause: error });
    if (DENIED.has(e.code) || e.code === INVALID_ARGUMENT) return new KeywardenError('KMS_DENIED', message, { cause: error });
    if (TRANSIENT.has(e.code)) return new KeywardenError('KMS_UNAVAILABLE', message, { cause: error, retryable: true });
    return new KeywardenError('KMS_UNAVAILABLE', message, { cause: error });
  }
  // No status: the request never got an answer (refused, reset, timed out).
  return new KeywardenError('KMS_UNAVAILABLE', message, { cause: error, retryable: true });
}
