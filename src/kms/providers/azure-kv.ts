import { randomBytes } from 'node:crypto';
import { KeywardenError } from '../errors';
import type { DataKeyRequest, GeneratedDataKey, KeyProvider, RewrapRequest, UnwrapRequest, WrapRequest, WrappedDataKey } from '../provider';
import { wipe } from '../wipe';
import { AZURE_KV_SCHEME, azureKvUri, parseAzureKvUri, vaultBaseUrl, type AzureKeyRef } from './azure-kv-uri';
import { loadOptionalPeer } from './optional-peer';
import { rewrapInProcess } from './rewrap-in-process';

export { AZURE_KV_SCHEME, parseAzureKvUri } from './azure-kv-uri';

const DATA_KEY_BYTES = 32;

/** Key-wrapping algorithms Key Vault offers for data keys: RSA keys (vaults, HSMs) or AES keys (Managed HSM). */
export type AzureWrapAlgorithm = 'RSA-OAEP-256' | 'RSA-OAEP' | 'A256KW';

/**
 * The wrapped data key keywarden stores is `algorithm id (1 byte) || Key Vault's result`,
 * so unwrap needs no extra request to learn how a key was wrapped.
 */
const ALGORITHM_IDS: Record<AzureWrapAlgorithm, number> = { 'RSA-OAEP-256': 1, 'RSA-OAEP': 2, A256KW: 3 };
const ALGORITHMS_BY_ID = new Map(Object.entries(ALGORITHM_IDS).map(([name, id]) => [id, name as AzureWrapAlgorithm]));
/** RSA-4096 ciphertexts are 512 bytes, A256KW of 32 bytes is 40; anything longer is not ours. */
const MAX_WRAPPED_BYTES = 1 + 512;

/** An `@azure/core-auth` TokenCredential, e.g. `new DefaultAzureCredential()` from `@azure/identity`. */
export interface AzureTokenCredential {
  getToken(scopes: string | string[], options?: object): Promise<{ token: string; expiresOnTimestamp: number } | null>;
}

export interface AzureKeyVaultProviderOptions {
  /** Default: `new DefaultAzureCredential()` from the optional package `@azure/identity`. */
  credential?: AzureTokenCredential;
  /**
   * Key URI host → base URL, for private endpoints and tests
   * (`{ 'acme.vault.azure.net': 'https://10.0.0.5' }`). Hosts outside Azure's
   * key vault domains receive requests only when listed here.
   */
  vaultUrls?: Record<string, string>;
  /** Default: from the key type — RSA-OAEP-256 for RSA keys, A256KW for AES (Managed HSM) keys. */
  algorithm?: AzureWrapAlgorithm;
  /** Passed to the SDK clients (`serviceVersion`, `allowInsecureConnection`, proxy, …). SDK retries stay off. */
  clientOptions?: Record<string, unknown>;
  /** Per-request timeout in ms (default 10000). */
  requestTimeoutMs?: number;
}

/** What keywarden uses of `@azure/keyvault-keys` (declared here so no SDK types leak into ours). */
interface KeyVaultKeyLike {
  keyType?: string;
  properties: { version?: string };
}
interface KeyClientLike {
  getKey(name: string, options?: object): Promise<KeyVaultKeyLike>;
  rotateKey(name: string, options?: object): Promise<KeyVaultKeyLike>;
}
interface CryptographyClientLike {
  wrapKey(algorithm: string, key: Uint8Array, options?: object): Promise<{ result: Uint8Array }>;
  unwrapKey(algorithm: string, encryptedKey: Uint8Array, options?: object): Promise<{ result: Uint8Array }>;
}
interface AzureKeysSdk {
  KeyClient: new (vaultUrl: string, credential: AzureTokenCredential, options?: object) => KeyClientLike;
  CryptographyClient: new (keyId: string, credential: AzureTokenCredential, options?: object) => CryptographyClientLike;
}

/**
 * Azure Key Vault / Managed HSM key provider (`azure-kv://VAULT_HOST/keys/NAME[/VERSION]`).
 * The data key comes from this process's CSPRNG and is wrapped inside Key
 * Vault with `CryptographyClient.wrapKey`; the sealed header records the key
 * version that wrapped it. Key Vault's wrapKey takes no associated data, so
 * the purpose and context are bound by the sealed header's authentication
 * (GCM and the key commitment), as for Vault Transit. Rewrap unwraps and
 * wraps again (Key Vault has no re-encrypt); rotate calls `rotateKey`.
 */
export function createAzureKeyVaultProvider(options: AzureKeyVaultProviderOptions = {}): KeyProvider {
  return new AzureKeyVaultProvider(options);
}

class AzureKeyVaultProvider implements KeyProvider {
  readonly scheme = AZURE_KV_SCHEME;
  private sdk: AzureKeysSdk | undefined;
  private credential: AzureTokenCredential | undefined;
  private readonly keyClients = new Map<string, KeyClientLike>();
  private readonly cryptoClients = new Map<string, CryptographyClientLike>();

  constructor(private readonly options: AzureKeyVaultProviderOptions) {
    if (options.algorithm !== undefined && !(options.algorithm in ALGORITHM_IDS)) {
      throw new TypeError(`keywarden/kms: azure-kv algorithm must be one of ${Object.keys(ALGORITHM_IDS).join(', ')}`);
    }
  }

  async generateDataKey(request: DataKeyRequest): Promise<GeneratedDataKey> {
    const plaintext = randomBytes(DATA_KEY_BYTES);
    try {
      return { ...(await this.wrap({ ...request, plaintext })), plaintext };
    } catch (error) {
      wipe(plaintext);
      throw error;
    }
  }

  async wrap(request: WrapRequest): Promise<WrappedDataKey> {
    const ref = parseAzureKvUri(request.keyUri);
    const base = vaultBaseUrl(ref.host, this.options.vaultUrls);
    // The key itself: its current version (when the URI names none) and its type.
    const key = await this.call(ref, 'getKey', request.signal, false, (options) =>
      this.keyClient(base).getKey(ref.name, ref.version === undefined ? options : { ...options, version: ref.version }),
    );
    const version = key.properties?.version;
    if (typeof version !== 'string' || version.length === 0) throw new KeywardenError('KMS_UNAVAILABLE', `Key Vault returned no version for key ${ref.name}`);
    const algorithm = this.options.algorithm ?? algorithmFor(key.keyType, ref);
    const versioned: AzureKeyRef = { ...ref, version };
    const { result } = await this.call(versioned, 'wrapKey', request.signal, false, (options) =>
      this.cryptoClient(base, versioned).wrapKey(algorithm, request.plaintext, options),
    );
    if (!(result instanceof Uint8Array) || result.length === 0 || result.length + 1 > MAX_WRAPPED_BYTES) {
      throw new KeywardenError('KMS_UNAVAILABLE', `Key Vault returned a malformed wrapped key for ${ref.name}`);
    }
    return { wrapped: Buffer.concat([Buffer.from([ALGORITHM_IDS[algorithm]]), result]), keyUri: azureKvUri(versioned) };
  }

  async unwrap(request: UnwrapRequest): Promise<Buffer> {
    const ref = parseAzureKvUri(request.keyUri);
    const algorithm = ALGORITHMS_BY_ID.get(request.wrapped[0] ?? -1);
    if (algorithm === undefined || request.wrapped.length < 2 || request.wrapped.length > MAX_WRAPPED_BYTES) {
      throw new KeywardenError('TAMPERED', `Wrapped key of ${request.wrapped.length} bytes is not an azure-kv wrapped key`);
    }
    const base = vaultBaseUrl(ref.host, this.options.vaultUrls);
    const { result } = await this.call(ref, 'unwrapKey', request.signal, true, (options) =>
      this.cryptoClient(base, ref).unwrapKey(algorithm, Buffer.from(request.wrapped.subarray(1)), options),
    );
    if (!(result instanceof Uint8Array) || result.length !== DATA_KEY_BYTES) {
      wipe(result);
      throw new KeywardenError('TAMPERED', `Key Vault unwrapped ${ref.name} to something that is not a data key`);
    }
    const copy = Buffer.from(result);
    wipe(result);
    return copy;
  }

  async rewrap(request: RewrapRequest): Promise<WrappedDataKey> {
    const source = parseAzureKvUri(request.keyUri);
    const target = request.toKeyUri ?? azureKvUri({ host: source.host, name: source.name });
    parseAzureKvUri(target);
    return rewrapInProcess(this, request, target);
  }

  /** Key Vault's rotateKey: a new current version; returns its URI. */
  async rotate(keyUri: string): Promise<string> {
    const ref = parseAzureKvUri(keyUri);
    const base = vaultBaseUrl(ref.host, this.options.vaultUrls);
    const key = await this.call(ref, 'rotateKey', undefined, false, (options) => this.keyClient(base).rotateKey(ref.name, options));
    const version = key.properties?.version;
    if (typeof version !== 'string' || version.length === 0) throw new KeywardenError('KMS_UNAVAILABLE', `Key Vault returned no new version for ${ref.name}`);
    return azureKvUri({ host: ref.host, name: ref.name, version });
  }

  async close(): Promise<void> {
    this.keyClients.clear();
    this.cryptoClients.clear();
  }

  private loaded(): { sdk: AzureKeysSdk; credential: AzureTokenCredential } {
    this.sdk ??= loadOptionalPeer<AzureKeysSdk>('@azure/keyvault-keys', AZURE_KV_SCHEME);
    if (!this.credential) {
      if (this.options.credential) this.credential = this.options.credential;
      else {
        const identity = loadOptionalPeer<{ DefaultAzureCredential: new () => AzureTokenCredential }>('@azure/identity', AZURE_KV_SCHEME);
        this.credential = new identity.DefaultAzureCredential();
      }
    }
    return { sdk: this.sdk, credential: this.credential };
  }

  /** SDK client options: the user's, with the SDK's own retries off (the envelope client retries, with a deadline). */
  private clientOptions(): object {
    return { ...this.options.clientOptions, retryOptions: { maxRetries: 0 } };
  }

  private keyClient(base: string): KeyClientLike {
    let client = this.keyClients.get(base);
    if (!client) {
      const { sdk, credential } = this.loaded();
      client = new sdk.KeyClient(base, credential, this.clientOptions());
      this.keyClients.set(base, client);
    }
    return client;
  }

  /** One CryptographyClient per key version: it fetches the key's properties once and checks its permitted operations locally. */
  private cryptoClient(base: string, ref: AzureKeyRef): CryptographyClientLike {
    const id = `${base}/keys/${ref.name}${ref.version === undefined ? '' : `/${ref.version}`}`;
    let client = this.cryptoClients.get(id);
    if (!client) {
      const { sdk, credential } = this.loaded();
      client = new sdk.CryptographyClient(id, credential, this.clientOptions());
      this.cryptoClients.set(id, client);
    }
    return client;
  }

  private async call<T>(ref: AzureKeyRef, what: string, signal: AbortSignal | undefined, unwrapping: boolean, fn: (options: object) => Promise<T>): Promise<T> {
    if (signal?.aborted) throw new KeywardenError('KMS_UNAVAILABLE', `Key Vault ${what} for ${ref.name} was aborted`);
    try {
      return await fn({ abortSignal: signal, requestOptions: { timeout: this.options.requestTimeoutMs ?? 10_000 } });
    } catch (error) {
      throw mapAzureError(error, ref, what, unwrapping, signal?.aborted === true);
    }
  }
}

function algorithmFor(keyType: string | undefined, ref: AzureKeyRef): AzureWrapAlgorithm {
  if (keyType === 'RSA' || keyType === 'RSA-HSM') return 'RSA-OAEP-256';
  if (keyType === 'oct' || keyType === 'oct-HSM') return 'A256KW';
  throw new KeywardenError('KMS_DENIED', `Key Vault key ${ref.name} is of type ${String(keyType)}, which cannot wrap keys (use an RSA or AES key)`);
}

// Errors the SDK raises itself, before any request, from the key's properties.
const LOCAL_REFUSALS = /is not supported on key|can't be used before|expired at|Unable to support operation/;

/** Maps Key Vault's answers (RestError status codes) and the SDK's own refusals to keywarden codes. */
export function mapAzureError(error: unknown, ref: AzureKeyRef, what: string, unwrapping: boolean, aborted: boolean): KeywardenError {
  if (error instanceof KeywardenError) return error;
  const e = (error ?? {}) as { name?: unknown; statusCode?: unknown; code?: unknown; message?: unknown };
  const message = `Key Vault ${what} for ${ref.host}/keys/${ref.name}: ${String(e.message ?? error).slice(0, 200)}`;
  if (aborted || e.name === 'AbortError') return new KeywardenError('KMS_UNAVAILABLE', message, { cause: error, retryable: !aborted });
  const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  if (status === undefined) {
    if (e.name !== 'RestError' && LOCAL_REFUSALS.test(String(e.message))) return new KeywardenError('KMS_DENIED', message, { cause: error });
    // No answer at all: refused, reset, DNS, timeout.
    return new KeywardenError('KMS_UNAVAILABLE', message, { cause: error, retryable: true });
  }
  if (status === 404) return new KeywardenError('UNKNOWN_KEY', message, { cause: error });
  // A changed wrapped key fails decryption inside Key Vault: 400 BadParameter.
  if (status === 400 && unwrapping) return new KeywardenError('TAMPERED', message, { cause: error });
  if (status === 400 || status === 401 || status === 403 || status === 409) return new KeywardenError('KMS_DENIED', message, { cause: error });
  if (status === 408 || status === 429 || status >= 500) return new KeywardenError('KMS_UNAVAILABLE', message, { cause: error, retryable: true });
  return new KeywardenError('KMS_UNAVAILABLE', message, { cause: error });
}
