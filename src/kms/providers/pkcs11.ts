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
import { mapPkcs11Error } from './pkcs11-errors';
import { acquireModule, releaseModule, SessionPool, type Handle, type LoadedModule } from './pkcs11-module';
import { formatPkcs11Uri, parsePkcs11Uri, PKCS11_SCHEME, type Pkcs11KeyRef } from './pkcs11-uri';
import { rewrapInProcess } from './rewrap-in-process';

export { PKCS11_SCHEME, formatPkcs11Uri };

export interface Pkcs11ProviderOptions {
  /** Path of the PKCS#11 library; default `KEYWARDEN_PKCS11_MODULE`. */
  modulePath?: string;
  /**
   * User PIN, or a function of the token label returning it. Default: the
   * variable named by the URI's `pin-source=env:NAME`, else `KEYWARDEN_PKCS11_PIN`.
   */
  pin?: string | ((tokenLabel: string) => string | Promise<string>);
  /** Sessions per token (concurrent HSM operations); default 4. */
  sessions?: number;
}

/*
 * Why AES-GCM encryption rather than CKM_AES_KEY_WRAP_PAD:
 * the key-wrap mechanisms have no associated data, so a wrapped data key could
 * be unwrapped under any context; GCM with the canonical binding context as
 * AAD makes the token itself refuse another context or a flipped byte. SoftHSM
 * (2.6) can encrypt with CKM_AES_GCM but cannot C_WrapKey with it, and the
 * envelope client needs the data key's bytes in host memory anyway (it derives
 * per-message keys from them), so C_Encrypt/C_Decrypt of the 32 bytes is the
 * same exposure as unwrap-then-extract, with the context bound in hardware.
 * The KEK never leaves the token: it is created CKA_SENSITIVE, non-extractable,
 * allowed to encrypt/decrypt only (see createPkcs11Kek), and the provider
 * refuses a KEK that is extractable or not AES-256.
 *
 * IVs are 96 random bits per wrap. NIST SP 800-38D caps random-IV GCM at 2^32
 * invocations per key: one data key per dataset (or a cache) keeps a KEK far
 * below that; rotate the KEK (a new label) long before.
 */

const FORMAT = 0x01;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const DATA_KEY_BYTES = 32;
const WRAPPED_BYTES = 1 + IV_BYTES + DATA_KEY_BYTES + TAG_BYTES;
const AAD_LABEL = Buffer.from('keywarden/pkcs11/aes-gcm/v1\0', 'utf8');

export function createPkcs11Provider(options: Pkcs11ProviderOptions = {}): KeyProvider {
  return new Pkcs11Provider(options);
}

interface TokenState {
  slot: Handle;
  pool: SessionPool;
  keys: Map<string, Promise<Handle>>;
}

class Pkcs11Provider implements KeyProvider {
  readonly scheme = PKCS11_SCHEME;
  private module: LoadedModule | undefined;
  private modulePath: string | undefined;
  private readonly tokens = new Map<string, Promise<TokenState>>();
  private closed = false;

  constructor(private readonly options: Pkcs11ProviderOptions) {}

  async generateDataKey(request: DataKeyRequest): Promise<GeneratedDataKey> {
    const ref = this.parse(request.keyUri);
    const wrapped = await this.withKey(ref, async (p11, session, key) => {
      const dataKey = p11.C_GenerateRandom(session, Buffer.alloc(DATA_KEY_BYTES));
      try {
        return { dataKey, wrapped: await this.encrypt(session, key, dataKey, request.context) };
      } catch (error) {
        dataKey.fill(0);
        throw error;
      }
    });
    return { plaintext: wrapped.dataKey, wrapped: wrapped.wrapped, keyUri: request.keyUri };
  }

  async unwrap(request: UnwrapRequest): Promise<Buffer> {
    const ref = this.parse(request.keyUri);
    const wrapped = Buffer.from(request.wrapped);
    if (wrapped.length !== WRAPPED_BYTES || wrapped[0] !== FORMAT) {
      throw new KeywardenError('TAMPERED', 'Wrapped key is not a keywarden PKCS#11 AES-GCM wrap');
    }
    return this.withKey(ref, (_p11, session, key) => this.decrypt(session, key, wrapped, request.context), true);
  }

  async rewrap(request: RewrapRequest): Promise<WrappedDataKey> {
    // PKCS#11 has no re-encrypt: the data key is decrypted by the source KEK
    // and encrypted by the target inside the token.
    const toKeyUri = request.toKeyUri ?? request.keyUri;
    this.parse(toKeyUri);
    return rewrapInProcess(this, request, toKeyUri);
  }

  /** Encrypts an existing data key under this KEK, in the token. */
  async wrap(request: WrapRequest): Promise<WrappedDataKey> {
    const ref = this.parse(request.keyUri);
    if (request.plaintext.length !== DATA_KEY_BYTES) throw new TypeError('keywarden/kms: a data key is 32 bytes');
    const dataKey = Buffer.from(request.plaintext);
    try {
      const wrapped = await this.withKey(ref, (_p11, session, key) => this.encrypt(session, key, dataKey, request.context));
      return { wrapped, keyUri: request.keyUri };
    } finally {
      dataKey.fill(0);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const states = await Promise.allSettled(this.tokens.values());
    this.tokens.clear();
    for (const state of states) if (state.status === 'fulfilled') state.value.pool.close();
    if (this.module && this.modulePath) releaseModule(this.modulePath);
    this.module = undefined;
  }

  private parse(keyUri: string): Pkcs11KeyRef {
    const ref = parsePkcs11Uri(keyUri);
    const configured = this.options.modulePath ?? process.env.KEYWARDEN_PKCS11_MODULE;
    // The URI may come from a sealed blob: it must never choose a library to load.
    if (ref.modulePath !== undefined && ref.modulePath !== configured) {
      throw new KeywardenError('KMS_DENIED', 'pkcs11:// key URI names a module-path other than the configured PKCS#11 module');
    }
    return ref;
  }

  private loaded(): LoadedModule {
    if (this.closed) throw new KeywardenError('KMS_UNAVAILABLE', 'PKCS#11 provider is closed');
    if (!this.module) {
      const modulePath = this.options.modulePath ?? process.env.KEYWARDEN_PKCS11_MODULE;
      if (!modulePath) {
        throw new KeywardenError('KMS_UNAVAILABLE', 'No PKCS#11 module: set KEYWARDEN_PKCS11_MODULE or the modulePath option');
      }
      this.module = acquireModule(modulePath);
      this.modulePath = modulePath;
    }
    return this.module;
  }

  /** Runs `work` on a pooled, logged-in session with the KEK's handle; maps token errors. */
  private async withKey<T>(
    ref: Pkcs11KeyRef,
    work: (p11: LoadedModule['p11'], session: Handle, key: Handle) => Promise<T>,
    decrypting = false,
  ): Promise<T> {
    const { lib, p11 } = this.loaded();
    const tokenId = tokenCacheKey(ref);
    let state: TokenState | undefined;
    try {
      state = await this.token(ref);
      const key = await this.findKey(state, ref);
      return await state.pool.use((session) => work(p11, session, key));
    } catch (error) {
      const mapped = mapPkcs11Error(error, lib, ref, decrypting);
      if (mapped.retryable && state) {
        // Slot or handles may have changed (token re-inserted, key re-created): look again next time.
        this.tokens.delete(tokenId);
        state.pool.close();
      }
      throw mapped;
    }
  }

  private token(ref: Pkcs11KeyRef): Promise<TokenState> {
    const id = tokenCacheKey(ref);
    let state = this.tokens.get(id);
    if (!state) {
      state = this.openToken(ref);
      this.tokens.set(id, state);
      // A wrong PIN stays cached: retrying it would count towards the token's
      // lockout. Other failures (token absent, device error) are looked up again.
      const { lib } = this.loaded();
      state.catch((error: unknown) => {
        if (!isPinFailure(error, lib)) this.tokens.delete(id);
      });
    }
    return state;
  }

  private async openToken(ref: Pkcs11KeyRef): Promise<TokenState> {
    const { lib, p11 } = this.loaded();
    const slot = findSlot(p11, ref);
    const pool = new SessionPool(p11, slot, lib.CKF_SERIAL_SESSION, Math.max(1, this.options.sessions ?? 4));
    const pin = await this.pin(ref);
    try {
      await pool.use(async (session) => {
        try {
          p11.C_Login(session, lib.CKU_USER, pin);
        } catch (error) {
          if ((error as { code?: number }).code !== lib.CKR_USER_ALREADY_LOGGED_IN) throw error;
        }
      });
    } catch (error) {
      pool.close();
      throw error;
    }
    return { slot, pool, keys: new Map() };
  }

  private async pin(ref: Pkcs11KeyRef): Promise<string> {
    const option = this.options.pin;
    const pin = typeof option === 'function' ? await option(ref.token) : option ?? process.env[ref.pinEnv ?? 'KEYWARDEN_PKCS11_PIN'];
    if (!pin) {
      throw new KeywardenError('KMS_DENIED', `No PIN for PKCS#11 token "${ref.token}": set ${ref.pinEnv ?? 'KEYWARDEN_PKCS11_PIN'} or the pin option`);
    }
    return pin;
  }

  private findKey(state: TokenState, ref: Pkcs11KeyRef): Promise<Handle> {
    const id = `${ref.object}\0${ref.id?.toString('hex') ?? ''}`;
    let key = state.keys.get(id);
    if (!key) {
      key = state.pool.use(async (session) => this.lookUpKey(session, ref));
      state.keys.set(id, key);
      key.catch(() => state.keys.delete(id));
    }
    return key;
  }

  private async lookUpKey(session: Handle, ref: Pkcs11KeyRef): Promise<Handle> {
    const { lib, p11 } = this.loaded();
    const template: import('pkcs11js').Template = [
      { type: lib.CKA_CLASS, value: lib.CKO_SECRET_KEY },
      { type: lib.CKA_LABEL, value: ref.object },
    ];
    if (ref.id) template.push({ type: lib.CKA_ID, value: ref.id });
    p11.C_FindObjectsInit(session, template);
    let found: Handle[];
    try {
      found = p11.C_FindObjects(session, 2);
    } finally {
      p11.C_FindObjectsFinal(session);
    }
    if (found.length !== 1) {
      throw new KeywardenError(
        'UNKNOWN_KEY',
        found.length === 0
          ? `No secret key labelled "${ref.object}" in PKCS#11 token "${ref.token}"`
          : `Several secret keys labelled "${ref.object}" in PKCS#11 token "${ref.token}": add id=... to the key URI`,
      );
    }
    const key = found[0]!;
    const attrs = p11.C_GetAttributeValue(session, key, [
      { type: lib.CKA_KEY_TYPE },
      { type: lib.CKA_VALUE_LEN },
      { type: lib.CKA_EXTRACTABLE },
      { type: lib.CKA_SENSITIVE },
    ]);
    const [keyType, valueLen, extractable, sensitive] = attrs.map((a) => readUlong(a.value as Buffer | undefined));
    if (keyType !== lib.CKK_AES || valueLen !== 32 || extractable !== 0 || sensitive !== 1) {
      throw new KeywardenError(
        'KMS_DENIED',
        `PKCS#11 key "${ref.object}" is not a sensitive, non-extractable AES-256 key; refusing to use it as a KEK`,
      );
    }
    return key;
  }

  private async encrypt(session: Handle, key: Handle, dataKey: Buffer, context: BindingContext): Promise<Buffer> {
    const { lib, p11 } = this.loaded();
    const iv = p11.C_GenerateRandom(session, Buffer.alloc(IV_BYTES));
    p11.C_EncryptInit(session, gcm(lib, iv, context), key);
    const out = await p11.C_EncryptAsync(session, dataKey, Buffer.alloc(DATA_KEY_BYTES + TAG_BYTES));
    if (out.length !== DATA_KEY_BYTES + TAG_BYTES) throw new KeywardenError('KMS_UNAVAILABLE', 'PKCS#11 AES-GCM returned an unexpected length');
    return Buffer.concat([Buffer.from([FORMAT]), iv, out]);
  }

  private async decrypt(session: Handle, key: Handle, wrapped: Buffer, context: BindingContext): Promise<Buffer> {
    const { lib, p11 } = this.loaded();
    const iv = wrapped.subarray(1, 1 + IV_BYTES);
    p11.C_DecryptInit(session, gcm(lib, iv, context), key);
    const buffer = Buffer.alloc(DATA_KEY_BYTES + TAG_BYTES);
    const out = await p11.C_DecryptAsync(session, wrapped.subarray(1 + IV_BYTES), buffer);
    try {
      if (out.length !== DATA_KEY_BYTES) throw new KeywardenError('TAMPERED', 'PKCS#11 unwrap returned an unexpected length');
      return Buffer.from(out);
    } finally {
      buffer.fill(0);
    }
  }
}

function gcm(lib: LoadedModule['lib'], iv: Buffer, context: BindingContext): import('pkcs11js').Mechanism {
  return {
    mechanism: lib.CKM_AES_GCM,
    parameter: {
      type: lib.CK_PARAMS_AES_GCM,
      iv,
      ivBits: IV_BYTES * 8,
      aad: Buffer.concat([AAD_LABEL, encodeBindingContext(context)]),
      tagBits: TAG_BYTES * 8,
    } as import('pkcs11js').GcmParams,
  };
}

function tokenCacheKey(ref: Pkcs11KeyRef): string {
  return `${ref.token}\0${ref.serial ?? ''}\0${ref.pinEnv ?? ''}`;
}

/** Slot ids change when tokens are (re)initialised: tokens are found by label (and serial). */
function findSlot(p11: LoadedModule['p11'], ref: Pkcs11KeyRef): Handle {
  const matches = p11.C_GetSlotList(true).filter((slot) => {
    const info = p11.C_GetTokenInfo(slot);
    return info.label.trim() === ref.token && (ref.serial === undefined || info.serialNumber.trim() === ref.serial);
  });
  if (matches.length !== 1) {
    throw new KeywardenError(
      'UNKNOWN_KEY',
      matches.length === 0 ? `No PKCS#11 token labelled "${ref.token}"` : `Several PKCS#11 tokens labelled "${ref.token}": add serial=... to the key URI`,
    );
  }
  return matches[0]!;
}

function isPinFailure(error: unknown, lib: LoadedModule['lib']): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === lib.CKR_PIN_INCORRECT || code === lib.CKR_PIN_LOCKED;
}

/** CK_ULONG and CK_BBOOL attribute values, little-endian as the host writes them. */
function readUlong(value: Buffer | undefined): number | undefined {
  if (!value || value.length === 0) return undefined;
  return value.readUIntLE(0, Math.min(value.length, 6));
}

export interface CreatePkcs11KekOptions {
  /** Default `KEYWARDEN_PKCS11_MODULE`. */
  modulePath?: string;
  tokenLabel: string;
  keyLabel: string;
  /** User PIN; default `KEYWARDEN_PKCS11_PIN`. */
  pin?: string;
}

/**
 * Creates a KEK inside the token: AES-256, CKA_TOKEN (persistent), CKA_PRIVATE,
 * CKA_SENSITIVE, not extractable, allowed to encrypt and decrypt only (no
 * wrap, sign or derive), so the token itself enforces its single purpose.
 * Refuses when a key with that label exists. Returns the key URI.
 */
export async function createPkcs11Kek(options: CreatePkcs11KekOptions): Promise<string> {
  const modulePath = options.modulePath ?? process.env.KEYWARDEN_PKCS11_MODULE;
  if (!modulePath) throw new KeywardenError('KMS_UNAVAILABLE', 'No PKCS#11 module: set KEYWARDEN_PKCS11_MODULE or the modulePath option');
  const pin = options.pin ?? process.env.KEYWARDEN_PKCS11_PIN;
  if (!pin) throw new KeywardenError('KMS_DENIED', 'No PIN: set KEYWARDEN_PKCS11_PIN or the pin option');
  const ref: Pkcs11KeyRef = { token: options.tokenLabel, object: options.keyLabel };
  const { lib, p11 } = acquireModule(modulePath);
  try {
    const session = p11.C_OpenSession(findSlot(p11, ref), lib.CKF_SERIAL_SESSION | lib.CKF_RW_SESSION);
    try {
      try {
        p11.C_Login(session, lib.CKU_USER, pin);
      } catch (error) {
        if ((error as { code?: number }).code !== lib.CKR_USER_ALREADY_LOGGED_IN) throw error;
      }
      p11.C_FindObjectsInit(session, [
        { type: lib.CKA_CLASS, value: lib.CKO_SECRET_KEY },
        { type: lib.CKA_LABEL, value: options.keyLabel },
      ]);
      const existing = p11.C_FindObjects(session, 1);
      p11.C_FindObjectsFinal(session);
      if (existing.length > 0) {
        throw new KeywardenError('KMS_DENIED', `A key labelled "${options.keyLabel}" already exists in token "${options.tokenLabel}"`);
      }
      p11.C_GenerateKey(session, { mechanism: lib.CKM_AES_KEY_GEN }, [
        { type: lib.CKA_CLASS, value: lib.CKO_SECRET_KEY },
        { type: lib.CKA_KEY_TYPE, value: lib.CKK_AES },
        { type: lib.CKA_VALUE_LEN, value: 32 },
        { type: lib.CKA_LABEL, value: options.keyLabel },
        { type: lib.CKA_TOKEN, value: true },
        { type: lib.CKA_PRIVATE, value: true },
        { type: lib.CKA_SENSITIVE, value: true },
        { type: lib.CKA_EXTRACTABLE, value: false },
        { type: lib.CKA_ENCRYPT, value: true },
        { type: lib.CKA_DECRYPT, value: true },
        { type: lib.CKA_WRAP, value: false },
        { type: lib.CKA_UNWRAP, value: false },
        { type: lib.CKA_SIGN, value: false },
        { type: lib.CKA_VERIFY, value: false },
        { type: lib.CKA_DERIVE, value: false },
      ]);
    } finally {
      p11.C_CloseSession(session);
    }
  } catch (error) {
    throw mapPkcs11Error(error, lib, ref, false);
  } finally {
    releaseModule(modulePath);
  }
  return formatPkcs11Uri(ref);
}
