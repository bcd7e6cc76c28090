/**
 * The seam between the envelope client and a key-encryption-key (KEK) holder:
 * the local keyring, AWS KMS, a PKCS#11 HSM, Vault Transit, ...
 *
 * A provider never sees application data: only 32-byte data keys, which it
 * wraps/unwraps under a KEK that (except for the local provider) never leaves it.
 * Providers throw KeywardenError (`UNKNOWN_KEY`, `KMS_DENIED`, `KMS_UNAVAILABLE`
 * with `retryable: true` for throttling/transient faults, `TAMPERED` when an
 * unwrap fails authentication); the client does retries, deadlines and caching.
 */
export interface KeyProvider {
  /** URI scheme this provider serves, e.g. `local`, `aws-kms`, `pkcs11`, `vault-transit`. */
  readonly scheme: string;

  /**
   * Creates a fresh random 32-byte data key and its wrapped form under the KEK
   * named by `keyUri`. `context` (which already includes the purpose) must be
   * bound to the wrapped key where the provider supports it (AWS
   * EncryptionContext, GCM AAD), so a wrapped key cannot be unwrapped under
   * another context.
   */
  generateDataKey(request: DataKeyRequest): Promise<GeneratedDataKey>;

  /** Recovers the plaintext data key. The caller wipes the returned buffer. */
  unwrap(request: UnwrapRequest): Promise<Buffer>;

  /**
   * Re-wraps a wrapped data key under `toKeyUri` (or the current version of the
   * same KEK when omitted), without the data ever being decrypted. Providers
   * that can do this server-side (AWS ReEncrypt, Vault rewrap) should.
   */
  rewrap(request: RewrapRequest): Promise<WrappedDataKey>;

  /**
   * Optional: wraps an existing plaintext data key under `keyUri`. Needed only
   * to move a blob to a KEK of *another* provider (`rewrap` to a different URI
   * scheme), where no server-side re-encryption exists. The caller wipes
   * `plaintext`; the provider must not keep it.
   */
  wrap?(request: WrapRequest): Promise<WrappedDataKey>;

  /**
   * Optional: creates a new version of the KEK named by `keyUri` and makes it
   * current (local keyring, AWS RotateKeyOnDemand, Vault rotate). Returns the
   * versioned URI of the new current version. Used by `keywarden kms rotate`.
   */
  rotate?(keyUri: string): Promise<string>;

  /** Releases sessions, sockets, handles. Optional. */
  close?(): Promise<void>;
}

/** Canonical, authenticated context: purpose, user context. Keys and values are strings. */
export type BindingContext = Readonly<Record<string, string>>;

export interface DataKeyRequest {
  keyUri: string;
  context: BindingContext;
  signal?: AbortSignal;
}

export interface WrappedDataKey {
  /** The wrapped (encrypted) data key; opaque to the client, stored in the sealed header. */
  wrapped: Buffer;
  /**
   * The exact KEK that wrapped it, including the version when the provider has
   * versions (`local://app#v2`, the AWS key ARN, `vault-transit://host/name#v3`).
   * Stored in the sealed header so any client can decrypt and rewrap.
   */
  keyUri: string;
}

export interface GeneratedDataKey extends WrappedDataKey {
  /** 32 plaintext bytes. The caller owns the buffer and wipes it. */
  plaintext: Buffer;
}

export interface UnwrapRequest {
  /** The `keyUri` recorded at wrap time. */
  keyUri: string;
  wrapped: Uint8Array;
  context: BindingContext;
  signal?: AbortSignal;
}

export interface WrapRequest {
  keyUri: string;
  /** 32 plaintext bytes, owned (and wiped) by the caller. */
  plaintext: Uint8Array;
  context: BindingContext;
  signal?: AbortSignal;
}

export interface RewrapRequest extends UnwrapRequest {
  /** Target KEK; omitted = the current version of the same KEK. */
  toKeyUri?: string;
}
