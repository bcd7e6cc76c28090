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
import { VaultHttp, type VaultReply } from './vault-http';
import {
  formatVaultTransitUri,
  parseVaultTransitUri,
  vaultCiphertextVersion,
  VAULT_TRANSIT_SCHEME,
  type VaultKeyRef,
} from './vault-transit-uri';
import { rewrapInProcess } from './rewrap-in-process';

export { VAULT_TRANSIT_SCHEME };

export interface VaultTransitProviderOptions {
  /**
   * Vault servers this provider may send its token to, as base addresses
   * (`https://vault.internal:8200`). Default: `VAULT_ADDR`. A key URI names only
   * HOST[:PORT]; the scheme (http or https) comes from the matching address.
   * A key URI on any other host is refused: the URI may come from a sealed blob
   * someone else wrote, and must never steer the token to their server.
   */
  addresses?: string[];
  /** Vault token; default `VAULT_TOKEN`. A function is called per request (token renewal). */
  token?: string | (() => string | Promise<string>);
  /** Enterprise namespace (`X-Vault-Namespace`); default `VAULT_NAMESPACE`. */
  namespace?: string;
  /** Extra CA certificate(s) (PEM) for https. */
  ca?: string | Buffer;
  /** Per-request timeout in ms (default 10000). */
  requestTimeoutMs?: number;
}

const DATA_KEY_BYTES = 32;

/**
 * HashiCorp Vault Transit key provider, over Vault's HTTP API (no SDK).
 *
 * Context binding: Transit's `datakey` endpoint has no `associated_data`
 * parameter (only `encrypt`/`decrypt` on AEAD keys have it, since Vault 1.13),
 * and its `context` parameter is key derivation that only works on keys
 * created with `derived=true`. So the wrapped key is not bound to the context
 * here; the context is bound by the envelope's own authenticated header (the
 * data AEAD fails under another context), which is what makes a wrong context
 * fail for this provider.
 */
export function createVaultTransitProvider(options: VaultTransitProviderOptions = {}): KeyProvider {
  return new VaultTransitProvider(options);
}

class VaultTransitProvider implements KeyProvider {
  readonly scheme = VAULT_TRANSIT_SCHEME;
  private readonly http: VaultHttp;

  constructor(private readonly options: VaultTransitProviderOptions) {
    this.http = new VaultHttp({ ca: options.ca, requestTimeoutMs: options.requestTimeoutMs ?? 10000 });
  }

  async generateDataKey(request: DataKeyRequest): Promise<GeneratedDataKey> {
    const key = parseVaultTransitUri(request.keyUri);
    const data = await this.call(key, `datakey/plaintext/${key.name}`, { bits: 256, key_version: key.version }, request.signal);
    const ciphertext = ciphertextOf(data, key);
    const plaintext = dataKeyOf(data, key);
    return { plaintext, wrapped: Buffer.from(ciphertext, 'utf8'), keyUri: formatVaultTransitUri(key, vaultCiphertextVersion(ciphertext)) };
  }

  async unwrap(request: UnwrapRequest): Promise<Buffer> {
    const key = parseVaultTransitUri(request.keyUri);
    const ciphertext = wrappedCiphertext(request.wrapped, key);
    const data = await this.call(key, `decrypt/${key.name}`, { ciphertext }, request.signal);
    return dataKeyOf(data, key);
  }

  async rewrap(request: RewrapRequest): Promise<WrappedDataKey> {
    const source = parseVaultTransitUri(request.keyUri);
    const target = request.toKeyUri === undefined ? { ...source, version: undefined } : parseVaultTransitUri(request.toKeyUri);
    const ciphertext = wrappedCiphertext(request.wrapped, source);
    let rewrapped: string;
    if (sameKey(source, target)) {
      // Vault's rewrap decrypts and re-encrypts inside Vault: the data key never
      // reaches us. No version = the key's latest version.
      const data = await this.call(target, `rewrap/${target.name}`, { ciphertext, key_version: target.version }, request.signal);
      rewrapped = ciphertextOf(data, target);
    } else {
      // Transit cannot rewrap across keys (or servers).
      return rewrapInProcess(this, request, request.toKeyUri!);
    }
    return { wrapped: Buffer.from(rewrapped, 'utf8'), keyUri: formatVaultTransitUri(target, vaultCiphertextVersion(rewrapped)) };
  }

  /** Encrypts an existing data key under this key (Transit `encrypt`). */
  async wrap(request: WrapRequest): Promise<WrappedDataKey> {
    const key = parseVaultTransitUri(request.keyUri);
    // Base64 text of a key cannot be wiped (JS strings are immutable); it is
    // short-lived and only what Vault's JSON API accepts.
    const plaintext = Buffer.from(request.plaintext).toString('base64');
    const data = await this.call(key, `encrypt/${key.name}`, { plaintext, key_version: key.version }, request.signal);
    const ciphertext = ciphertextOf(data, key);
    return { wrapped: Buffer.from(ciphertext, 'utf8'), keyUri: formatVaultTransitUri(key, vaultCiphertextVersion(ciphertext)) };
  }

  /** Adds a key version (`keys/NAME/rotate`) and returns the URI of the new current version. */
  async rotate(keyUri: string): Promise<string> {
    const key = parseVaultTransitUri(keyUri);
    await this.call(key, `keys/${key.name}/rotate`, {}, undefined, true);
    const data = await this.call(key, `keys/${key.name}`, undefined, undefined, true);
    const latest = data.latest_version;
    if (typeof latest !== 'number' || !Number.isInteger(latest) || latest < 1) {
      throw new KeywardenError('KMS_UNAVAILABLE', `Vault returned no latest_version for ${formatVaultTransitUri(key)}`);
    }
    return formatVaultTransitUri(key, latest);
  }

  async close(): Promise<void> {
    this.http.close();
  }

  /** POSTs `payload` (or GETs, when undefined) to `/v1/MOUNT/PATH`. `allowEmpty`: a 204 reply is success. */
  private async call(
    key: VaultKeyRef,
    path: string,
    payload: Record<string, unknown> | undefined,
    signal?: AbortSignal,
    allowEmpty = false,
  ): Promise<Record<string, unknown>> {
    const base = this.addressFor(key);
    const url = new URL(`/v1/${key.mount}/${path}`, base);
    const headers: Record<string, string> = { 'x-vault-token': await this.token() };
    const namespace = this.options.namespace ?? process.env.VAULT_NAMESPACE;
    if (namespace) headers['x-vault-namespace'] = namespace;
    const reply = await this.http.send(url, headers, payload && withoutUndefined(payload), signal);
    if (reply.status >= 200 && reply.status < 300 && reply.body.data) return reply.body.data;
    if (allowEmpty && (reply.status === 204 || (reply.status === 200 && !reply.body.errors))) return {};
    throw vaultError(reply, key, path);
  }

  /** The configured address serving this URI's host; its scheme decides http vs https. */
  private addressFor(key: VaultKeyRef): URL {
    const configured = this.options.addresses ?? (process.env.VAULT_ADDR ? [process.env.VAULT_ADDR] : []);
    const candidates: URL[] = [];
    for (const address of configured) {
      let url: URL;
      try {
        url = new URL(address);
      } catch {
        continue;
      }
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname === key.hostname) candidates.push(url);
    }
    const effectivePort = (url: URL): string => url.port || (url.protocol === 'https:' ? '443' : '80');
    // A URI without a port matches the one configured address on that host.
    const matches = key.port ? candidates.filter((url) => effectivePort(url) === key.port) : candidates;
    if (matches.length === 1) return new URL(matches[0]!.origin);
    throw new KeywardenError(
      'KMS_DENIED',
      matches.length === 0
        ? `Vault host ${key.authority} is not a configured Vault address (set VAULT_ADDR or the addresses option); the token is only sent to configured servers`
        : `Vault host ${key.authority} matches several configured addresses; put the port in the key URI`,
    );
  }

  private async token(): Promise<string> {
    const source = this.options.token ?? process.env.VAULT_TOKEN;
    const token = typeof source === 'function' ? await source() : source;
    if (!token) throw new KeywardenError('KMS_DENIED', 'No Vault token: set VAULT_TOKEN or the token option');
    return token;
  }
}

function sameKey(a: VaultKeyRef, b: VaultKeyRef): boolean {
  return a.authority === b.authority && a.mount === b.mount && a.name === b.name;
}

/** The wrapped key is the Vault ciphertext string; its version must match the URI's. */
function wrappedCiphertext(wrapped: Uint8Array, key: VaultKeyRef): string {
  const text = Buffer.from(wrapped).toString('utf8');
  const version = vaultCiphertextVersion(text);
  if (version === undefined) throw new KeywardenError('TAMPERED', 'Wrapped key is not a Vault ciphertext');
  if (key.version !== undefined && key.version !== version) {
    throw new KeywardenError('TAMPERED', `Wrapped key is version ${version} but the key URI says v${key.version}`);
  }
  return text;
}

function ciphertextOf(data: Record<string, unknown>, key: VaultKeyRef): string {
  const ciphertext = data.ciphertext;
  if (typeof ciphertext !== 'string' || vaultCiphertextVersion(ciphertext) === undefined) {
    throw new KeywardenError('KMS_UNAVAILABLE', `Vault returned no ciphertext for ${formatVaultTransitUri(key)}`);
  }
  return ciphertext;
}

function dataKeyOf(data: Record<string, unknown>, key: VaultKeyRef): Buffer {
  const plaintext = typeof data.plaintext === 'string' ? Buffer.from(data.plaintext, 'base64') : undefined;
  if (!plaintext || plaintext.length !== DATA_KEY_BYTES) {
    plaintext?.fill(0);
    throw new KeywardenError('KMS_UNAVAILABLE', `Vault returned no 32-byte data key for ${formatVaultTransitUri(key)}`);
  }
  return plaintext;
}

function withoutUndefined(payload: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(payload).filter(([, v]) => v !== undefined));
}

/**
 * Maps a Vault error reply. Vault answers crypto failures with 400 and a Go
 * error string, so the message decides between TAMPERED, UNKNOWN_KEY and
 * KMS_DENIED; statuses decide the rest.
 */
function vaultError(reply: VaultReply, key: VaultKeyRef, path: string): KeywardenError {
  const errors = Array.isArray(reply.body.errors) ? reply.body.errors.map(String) : [];
  const said = errors.join('; ').slice(0, 300);
  const message = `Vault ${path.split('/')[0]} on ${formatVaultTransitUri(key)} failed with HTTP ${reply.status}${said ? `: ${said}` : ''}`;
  const { status } = reply;
  if (status === 429 || status === 412 || status === 472 || status === 473 || status >= 500) {
    return new KeywardenError('KMS_UNAVAILABLE', message, { retryable: true });
  }
  if (status === 403 || status === 401) return new KeywardenError('KMS_DENIED', message);
  // "version is too new": the blob names a key version this Vault does not have.
  if (status === 404 || /key not found|no handler for route|policy not found|version is too new/i.test(said)) {
    return new KeywardenError('UNKNOWN_KEY', message);
  }
  if (status === 400) {
    if (/disallowed by policy|too old|not allowed|min_(de|en)cryption_version|does not support/i.test(said)) {
      return new KeywardenError('KMS_DENIED', message);
    }
    if (/message authentication failed|invalid ciphertext|unable to decode|illegal base64/i.test(said)) {
      return new KeywardenError('TAMPERED', message);
    }
    return new KeywardenError('KMS_DENIED', message);
  }
  if (status >= 200 && status < 300) return new KeywardenError('KMS_UNAVAILABLE', `${message} (no data in the reply)`);
  return new KeywardenError('KMS_UNAVAILABLE', message);
}
