import type { Transform } from 'node:stream';
import { deliver, type AuditEvent, type AuditSink } from './audit';
import { cacheLimits, DataKeyMap, ownedLease, type CacheOptions, type DataKeyLease } from './cache';
import { bindingContext, canonicalContext, checkContext, checkPurpose, mergeContext, sameContext, sortContext, type EncryptionContext } from './context';
import { KeywardenError } from './errors';
import { buildTemplate, encodeKeySection, hasMagic, headerSlot, NeedMoreBytes, parseHeader, replaceKeySection, templateSlot, type SealedHeader } from './format';
import { refuseLocalInProduction, resolveKeyUri, schemeOf, warnLocalFallbackOnce } from './key-uri';
import { wipeMessageKeys, type MessageKeys } from './message-crypto';
import type { BindingContext, KeyProvider, WrappedDataKey } from './provider';
import { createProvider, type ProviderOptionsMap } from './providers';
import { retryPolicy, withRetry, type RetryOptions } from './retry';
import { FrameSealer, openKeys, openMessage, sealMessage } from './sealed';
import { OpeningStream, SealingStream, StreamAborted } from './stream';
import { wipe } from './wipe';

/** Reads records written before keywarden (the old hand-rolled ciphertexts). */
export type LegacyDecrypt = (data: Buffer | string) => Uint8Array | string | Promise<Uint8Array | string>;

export interface EnvelopeClientOptions<P extends string = string> {
  /** KEK to encrypt under: `local://NAME`, `aws-kms://arn:…`, `pkcs11://…`, `vault-transit://HOST/KEY`. Default: KEYWARDEN_KEY_URI, else local. */
  keyUri?: string;
  /** What this client's data is for; sealed into every blob and checked on decrypt. Default `'encrypt'`. */
  purpose?: P;
  /** Encryption context added to every operation (per-call context is merged over it). */
  context?: Record<string, string>;
  /** Data key caching; off unless given. */
  cache?: CacheOptions;
  /** A ready provider instance, used for URIs of its scheme (tests, custom KMSs, pre-configured SDK clients). */
  provider?: KeyProvider;
  /** Options for the providers the registry creates, keyed by scheme. */
  providerOptions?: ProviderOptionsMap;
  /** Retries of throttled/transient provider failures. */
  retry?: RetryOptions;
  /** Receives one structured event per operation. */
  onAudit?: AuditSink;
  /** Default legacy hook for decrypt (see DecryptOptions.legacy). */
  legacy?: LegacyDecrypt;
  /** Plaintext bytes per frame for encryptStream. Default 64 KiB. */
  frameSize?: number;
}

export interface EncryptOptions {
  context?: Record<string, string>;
}

export interface DecryptOptions {
  /** Must equal the context the blob was sealed with (client context merged with this). */
  context?: Record<string, string>;
  /**
   * Called with the input when it is not in keywarden format (no magic bytes),
   * so a migrated decrypt keeps reading old records. Its result is returned as is.
   */
  legacy?: LegacyDecrypt;
}

export interface RewrapOptions {
  /** Target KEK; default: the current version of the blob's own KEK. */
  toKeyUri?: string;
}

export interface DecryptStreamOptions {
  context?: Record<string, string>;
  /** Largest frame accepted, bounding memory. Default 64 MiB. */
  maxFrameBytes?: number;
}

export interface EnvelopeClient<P extends string = string> {
  /** The purpose this client seals for and accepts. Part of the type: a client for `'mac'` is not a client for `'encrypt'`. */
  readonly purpose: P;
  /** The KEK new data is encrypted under. */
  readonly keyUri: string;
  encrypt(plaintext: string | Uint8Array, options?: EncryptOptions): Promise<Buffer>;
  /** `sealed` may be the bytes or their base64 text. Never returns partial plaintext. */
  decrypt(sealed: Uint8Array | string, options?: DecryptOptions): Promise<Buffer>;
  /** Re-wraps the data key under another KEK or version; the ciphertext is untouched. */
  rewrap(sealed: Uint8Array | string, options?: RewrapOptions): Promise<Buffer>;
  /** Plaintext in, one sealed (framed) message out; for data larger than memory. */
  encryptStream(options?: EncryptOptions): Transform;
  /** Sealed message in, plaintext out, frame by frame. */
  decryptStream(options?: DecryptStreamOptions): Transform;
  /** Wipes cached data keys and closes providers. */
  close(): Promise<void>;
}

const DEFAULT_FRAME_SIZE = 64 * 1024;
const DEFAULT_MAX_FRAME_BYTES = 64 * 1024 * 1024;

interface OperationStats {
  kmsCalls: number;
  keyUri?: string;
  dataKeySource?: 'kms' | 'cache';
  purpose?: string;
  context?: EncryptionContext;
  toKeyUri?: string;
}

/**
 * Creates an envelope-encryption client. Synchronous and cheap: providers are
 * loaded on first use. Throws LOCAL_KMS_IN_PRODUCTION at once when the local
 * provider would be used with NODE_ENV=production.
 */
export function createEnvelopeClient<const P extends string = 'encrypt'>(options: EnvelopeClientOptions<P> = {}): EnvelopeClient<P> {
  return new Client<P>(options);
}

class Client<P extends string> implements EnvelopeClient<P> {
  readonly purpose: P;
  readonly keyUri: string;
  private readonly context: EncryptionContext;
  private readonly contextId: string;
  private readonly providers = new Map<string, KeyProvider>();
  private readonly encryptCache: DataKeyMap | undefined;
  private readonly decryptCache: DataKeyMap | undefined;
  private readonly policy: ReturnType<typeof retryPolicy>;
  private readonly frameSize: number;

  constructor(private readonly options: EnvelopeClientOptions<P>) {
    if (options === null || typeof options !== 'object') throw new TypeError('keywarden/kms: options must be an object');
    this.purpose = checkPurpose(options.purpose) as P;
    this.context = sortContext(checkContext(options.context, 'context'));
    this.contextId = canonicalContext(this.context);
    const { keyUri, fellBack } = resolveKeyUri(options.keyUri, process.env);
    this.keyUri = keyUri;
    if (schemeOf(keyUri) === 'local') refuseLocalInProduction(process.env);
    if (fellBack) warnLocalFallbackOnce();
    if (options.provider !== undefined) {
      if (typeof options.provider !== 'object' || typeof options.provider.scheme !== 'string') throw new TypeError('keywarden/kms: provider must be a KeyProvider');
      this.providers.set(options.provider.scheme, options.provider);
    }
    if (options.cache !== undefined) {
      const limits = cacheLimits(options.cache);
      this.encryptCache = new DataKeyMap(limits);
      this.decryptCache = new DataKeyMap(limits);
    }
    this.policy = retryPolicy(options.retry);
    const frameSize = options.frameSize ?? DEFAULT_FRAME_SIZE;
    if (!Number.isInteger(frameSize) || frameSize < 1 || frameSize > DEFAULT_MAX_FRAME_BYTES) {
      throw new TypeError('keywarden/kms: frameSize must be an integer between 1 and 64 MiB');
    }
    this.frameSize = frameSize;
  }

  async encrypt(plaintext: string | Uint8Array, options?: EncryptOptions): Promise<Buffer> {
    const started = Date.now();
    const stats: OperationStats = { kmsCalls: 0, purpose: this.purpose };
    let owned: Buffer | undefined;
    let bytes: number | undefined;
    let sealed: Buffer;
    try {
      const context = this.contextFor(options?.context);
      stats.context = context;
      let data: Uint8Array;
      if (typeof plaintext === 'string') data = owned = Buffer.from(plaintext, 'utf8');
      else if (plaintext instanceof Uint8Array) data = plaintext;
      else throw new TypeError('keywarden/kms: plaintext must be a string or a Uint8Array');
      bytes = data.length;
      // A cache hit is answered synchronously: no promise in the hot path.
      const lease = this.cachedEncryptionKey(context, data.length, stats) ?? (await this.encryptionKey(context, data.length, stats));
      try {
        sealed = sealMessage(lease.plaintext, lease.template!, data);
      } finally {
        lease.release();
      }
    } catch (error) {
      throw this.failed('encrypt', started, stats, error, bytes);
    } finally {
      wipe(owned); // our UTF-8 copy of a string plaintext
    }
    if (this.options.onAudit) this.audit(this.event('encrypt', 'success', started, stats, bytes));
    return sealed;
  }

  async decrypt(sealed: Uint8Array | string, options?: DecryptOptions): Promise<Buffer> {
    const started = Date.now();
    const stats: OperationStats = { kmsCalls: 0 };
    let bytes: number | undefined;
    try {
      const context = this.contextFor(options?.context);
      const data = sealedBytes(sealed);
      const legacy = options?.legacy ?? this.options.legacy;
      if (legacy !== undefined && !hasMagic(data)) {
        const result = await this.runLegacy(legacy, sealed);
        if (this.options.onAudit) this.audit(this.event('decrypt', 'legacy', started, stats, result.length));
        return result;
      }
      const header = parseSealed(data);
      stats.keyUri = header.keyUri;
      stats.purpose = header.purpose;
      stats.context = header.context;
      this.checkAudience(header, context);
      const keys = this.cachedOpeningKeys(header, data, stats) ?? (await this.openingKeys(header, data, stats));
      try {
        const plaintext = openMessage(data, header, keys);
        bytes = plaintext.length;
        if (this.options.onAudit) this.audit(this.event('decrypt', 'success', started, stats, bytes));
        return plaintext;
      } finally {
        wipeMessageKeys(keys);
      }
    } catch (error) {
      throw this.failed('decrypt', started, stats, error, bytes);
    }
  }

  async rewrap(sealed: Uint8Array | string, options?: RewrapOptions): Promise<Buffer> {
    const started = Date.now();
    const stats: OperationStats = { kmsCalls: 0 };
    try {
      const toKeyUri = options?.toKeyUri;
      if (toKeyUri !== undefined) schemeOf(toKeyUri);
      const data = sealedBytes(sealed);
      const header = parseSealed(data);
      Object.assign(stats, { keyUri: header.keyUri, purpose: header.purpose, context: header.context });
      const binding = bindingContext(header.purpose, header.context);
      const fromScheme = schemeOf(header.keyUri);
      const toScheme = toKeyUri === undefined ? fromScheme : schemeOf(toKeyUri);
      let result: WrappedDataKey;
      if (toScheme === fromScheme) {
        const provider = this.provider(fromScheme);
        result = await this.call('rewrap', stats, (signal) =>
          provider.rewrap({ keyUri: header.keyUri, wrapped: header.wrapped, context: binding, toKeyUri, signal }),
        );
      } else {
        result = await this.rewrapAcross(header, binding, toKeyUri as string, stats);
      }
      checkWrapped(result);
      stats.toKeyUri = result.keyUri;
      const out = replaceKeySection(data, header, encodeKeySection(result.keyUri, result.wrapped));
      if (this.options.onAudit) this.audit(this.event('rewrap', 'success', started, stats));
      return out;
    } catch (error) {
      throw this.failed('rewrap', started, stats, error);
    }
  }

  encryptStream(options?: EncryptOptions): Transform {
    const started = Date.now();
    const stats: OperationStats = { kmsCalls: 0, purpose: this.purpose };
    const context = this.contextFor(options?.context);
    stats.context = context;
    return new SealingStream(
      async () => {
        // Streams always take a fresh data key: their size is unknown up front,
        // so they could not honour the cache's byte limit.
        const lease = await this.freshEncryptionKey(context, stats);
        try {
          return new FrameSealer(lease.plaintext, lease.template!, this.frameSize);
        } finally {
          lease.release();
        }
      },
      (error, bytes) => this.streamDone('encryptStream', started, stats, error, bytes),
    );
  }

  decryptStream(options?: DecryptStreamOptions): Transform {
    const started = Date.now();
    const stats: OperationStats = { kmsCalls: 0 };
    const context = this.contextFor(options?.context);
    const maxFrameBytes = options?.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
    if (!Number.isInteger(maxFrameBytes) || maxFrameBytes < 0) throw new TypeError('keywarden/kms: maxFrameBytes must be a non-negative integer');
    return new OpeningStream(
      async (header, headerBytes) => {
        Object.assign(stats, { keyUri: header.keyUri, purpose: header.purpose, context: header.context });
        this.checkAudience(header, context);
        return this.openingKeys(header, headerBytes, stats);
      },
      maxFrameBytes,
      (error, bytes) => this.streamDone('decryptStream', started, stats, error, bytes),
    );
  }

  async close(): Promise<void> {
    this.encryptCache?.clear();
    this.decryptCache?.clear();
    const providers = [...this.providers.values()].filter((p) => p !== this.options.provider);
    this.providers.clear();
    if (this.options.provider) this.providers.set(this.options.provider.scheme, this.options.provider);
    await Promise.all(providers.map((p) => p.close?.()));
  }

  // ---- data keys -------------------------------------------------------

  /** A data key for one message: from the cache when allowed, else from the KMS. */
  private cachedEncryptionKey(context: EncryptionContext, bytes: number, stats: OperationStats): DataKeyLease | undefined {
    if (!this.encryptCache) return undefined;
    const cached = this.encryptCache.lease(this.encryptSlot(context), bytes);
    if (cached) {
      stats.keyUri = cached.keyUri;
      stats.dataKeySource = 'cache';
    }
    return cached;
  }

  private encryptSlot(context: EncryptionContext): string {
    return context === this.context ? this.contextId : canonicalContext(context);
  }

  private async encryptionKey(context: EncryptionContext, bytes: number, stats: OperationStats): Promise<DataKeyLease> {
    const slot = this.encryptSlot(context);
    const lease = await this.freshEncryptionKey(context, stats);
    if (!this.encryptCache || !this.encryptCache.admits(bytes)) return lease;
    return this.encryptCache.putAndLease(slot, lease.plaintext, lease.keyUri, bytes, lease.template);
  }

  private async freshEncryptionKey(context: EncryptionContext, stats: OperationStats): Promise<DataKeyLease> {
    const binding = bindingContext(this.purpose, context);
    const provider = this.provider(schemeOf(this.keyUri));
    const generated = await this.call(
      'generateDataKey',
      stats,
      (signal) => provider.generateDataKey({ keyUri: this.keyUri, context: binding, signal }),
      (late) => wipe(late?.plaintext),
    );
    try {
      checkWrapped(generated);
      if (!(generated.plaintext instanceof Uint8Array) || generated.plaintext.length !== 32) {
        throw new KeywardenError('KMS_UNAVAILABLE', 'provider returned a data key that is not 32 bytes');
      }
      const template = buildTemplate(this.purpose, context, generated.keyUri, generated.wrapped);
      // Decrypting what we just encrypted should not cost a KMS call either.
      this.decryptCache?.put(templateSlot(template), Buffer.from(generated.plaintext), generated.keyUri);
      stats.keyUri = generated.keyUri;
      stats.dataKeySource = 'kms';
      return ownedLease(Buffer.from(generated.plaintext.buffer, generated.plaintext.byteOffset, 32), generated.keyUri, template);
    } catch (error) {
      wipe(generated.plaintext);
      throw error;
    }
  }

  /** Unwraps (or finds in the cache) the blob's data key and checks the key commitment. */
  /** The cache-hit half of openingKeys, synchronous. */
  private cachedOpeningKeys(header: SealedHeader, headerBytes: Buffer, stats: OperationStats): MessageKeys | undefined {
    const lease = this.decryptCache?.leaseForDecrypt(headerSlot(headerBytes, header));
    if (!lease) return undefined;
    stats.dataKeySource = 'cache';
    try {
      return openKeys(lease.plaintext, header);
    } finally {
      lease.release();
    }
  }

  /** Unwraps (or finds in the cache) the blob's data key and checks the key commitment. */
  private async openingKeys(header: SealedHeader, headerBytes: Buffer, stats: OperationStats): Promise<MessageKeys> {
    const cached = this.cachedOpeningKeys(header, headerBytes, stats);
    if (cached) return cached;
    const binding = bindingContext(header.purpose, header.context);
    const provider = this.provider(schemeOf(header.keyUri));
    const plaintext = await this.call(
      'unwrap',
      stats,
      (signal) => provider.unwrap({ keyUri: header.keyUri, wrapped: header.wrapped, context: binding, signal }),
      (late) => wipe(late),
    );
    if (!(plaintext instanceof Uint8Array) || plaintext.length !== 32) {
      wipe(plaintext);
      throw new KeywardenError('KMS_UNAVAILABLE', 'provider returned a data key that is not 32 bytes');
    }
    stats.dataKeySource = 'kms';
    const lease = ownedLease(plaintext, header.keyUri);
    this.decryptCache?.put(headerSlot(headerBytes, header), Buffer.from(plaintext), header.keyUri);
    try {
      return openKeys(lease.plaintext, header);
    } finally {
      lease.release();
    }
  }

  /** Moves a data key to another provider: unwrap, check the commitment, wrap. */
  private async rewrapAcross(header: SealedHeader, binding: BindingContext, toKeyUri: string, stats: OperationStats): Promise<WrappedDataKey> {
    const target = this.provider(schemeOf(toKeyUri));
    if (typeof target.wrap !== 'function') {
      throw new KeywardenError('UNSUPPORTED_FORMAT', `the ${target.scheme} provider cannot wrap an existing data key, so blobs cannot be moved to it by rewrap`);
    }
    const source = this.provider(schemeOf(header.keyUri));
    const plaintext = await this.call('unwrap', stats, (signal) => source.unwrap({ keyUri: header.keyUri, wrapped: header.wrapped, context: binding, signal }), (late) => wipe(late));
    try {
      wipeMessageKeys(openKeys(plaintext, header)); // never re-wrap a key that is not this blob's
      return await this.call('wrap', stats, (signal) => target.wrap!({ keyUri: toKeyUri, plaintext, context: binding, signal }));
    } finally {
      wipe(plaintext);
    }
  }

  private call<T>(what: string, stats: OperationStats, fn: (signal: AbortSignal) => Promise<T>, disposeLate?: (value: T) => void): Promise<T> {
    return withRetry(this.policy, what, fn, () => (stats.kmsCalls += 1), disposeLate);
  }

  private provider(scheme: string): KeyProvider {
    let provider = this.providers.get(scheme);
    if (!provider) {
      provider = createProvider(scheme, this.options.providerOptions);
      this.providers.set(scheme, provider);
    }
    return provider;
  }

  // ---- checks ----------------------------------------------------------

  private contextFor(extra: Record<string, string> | undefined): EncryptionContext {
    if (extra === undefined) return this.context;
    return mergeContext(this.context, checkContext(extra, 'options.context'));
  }

  /** Purpose first, then context: both are in the (CRC-checked) header, so no KMS call is wasted. */
  private checkAudience(header: SealedHeader, context: EncryptionContext): void {
    if (header.purpose !== this.purpose) {
      throw new KeywardenError('WRONG_PURPOSE', `blob was sealed for purpose "${header.purpose}", this client is for "${this.purpose}"`);
    }
    if (!sameContext(header.context, context)) {
      const keys = (c: EncryptionContext): string => Object.keys(c).sort().join(', ') || '(none)';
      throw new KeywardenError('WRONG_CONTEXT', `encryption context differs from the sealed one (sealed keys: ${keys(header.context)}; given: ${keys(context)})`);
    }
  }

  private async runLegacy(legacy: LegacyDecrypt, input: Uint8Array | string): Promise<Buffer> {
    if (typeof legacy !== 'function') throw new TypeError('keywarden/kms: legacy must be a function');
    let result: Uint8Array | string;
    try {
      result = await legacy(typeof input === 'string' ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength));
    } catch (error) {
      throw new KeywardenError('UNSUPPORTED_FORMAT', `not a keywarden blob, and the legacy decryptor failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    if (typeof result === 'string') return Buffer.from(result, 'utf8');
    if (result instanceof Uint8Array) return Buffer.from(result.buffer, result.byteOffset, result.byteLength);
    throw new KeywardenError('UNSUPPORTED_FORMAT', 'the legacy decryptor returned neither a string nor bytes');
  }

  // ---- audit -----------------------------------------------------------

  private event(operation: AuditEvent['operation'], outcome: AuditEvent['outcome'], started: number, stats: OperationStats, bytes?: number): AuditEvent {
    const event: AuditEvent = { operation, outcome, kmsCalls: stats.kmsCalls, durationMs: Date.now() - started, startedAt: iso(started) };
    if (stats.keyUri !== undefined) event.keyUri = stats.keyUri;
    if (stats.toKeyUri !== undefined) event.toKeyUri = stats.toKeyUri;
    if (stats.purpose !== undefined) event.purpose = stats.purpose;
    if (stats.context !== undefined) event.context = stats.context;
    if (stats.dataKeySource !== undefined) event.dataKeySource = stats.dataKeySource;
    if (bytes !== undefined) event.bytes = bytes;
    return event;
  }

  private audit(event: AuditEvent): void {
    deliver(this.options.onAudit, event);
  }

  /**
   * Emits the failure event and returns the error to throw. Provider errors
   * were already typed by withRetry; anything else reaching here is misuse
   * (TypeError) or a bug, rethrown as is.
   */
  private failed(operation: AuditEvent['operation'], started: number, stats: OperationStats, error: unknown, bytes?: number): unknown {
    if (this.options.onAudit) {
      const event = this.event(operation, 'failure', started, stats, bytes);
      event.errorCode =
        error instanceof KeywardenError ? error.code : error instanceof TypeError ? 'INVALID_ARGUMENT' : error instanceof StreamAborted ? 'ABORTED' : 'INTERNAL';
      this.audit(event);
    }
    return error;
  }

  private streamDone(operation: AuditEvent['operation'], started: number, stats: OperationStats, error: unknown, bytes: number): void {
    if (error) this.failed(operation, started, stats, error, bytes);
    else if (this.options.onAudit) this.audit(this.event(operation, 'success', started, stats, bytes));
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function checkWrapped(result: WrappedDataKey): void {
  if (!result || typeof result.keyUri !== 'string' || !(result.wrapped instanceof Uint8Array) || result.wrapped.length === 0) {
    throw new KeywardenError('KMS_UNAVAILABLE', 'provider returned a malformed wrapped data key');
  }
}

/** Bytes as given, or the base64 text of a sealed blob. */
function sealedBytes(sealed: Uint8Array | string): Buffer {
  if (typeof sealed === 'string') return Buffer.from(sealed, 'base64');
  if (sealed instanceof Uint8Array) return Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  throw new TypeError('keywarden/kms: sealed must be a Uint8Array or a base64 string');
}

/** parseHeader for a complete blob: running out of bytes means truncation. */
function parseSealed(data: Buffer): SealedHeader {
  try {
    return parseHeader(data);
  } catch (error) {
    if (error instanceof NeedMoreBytes) throw new KeywardenError('TAMPERED', 'sealed blob is truncated');
    throw error;
  }
}
