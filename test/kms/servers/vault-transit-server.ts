/**
 * An in-process HashiCorp Vault Transit engine for tests: a loopback HTTP
 * server implementing the endpoints keywarden uses, with Vault's own request
 * and reply shapes and error strings.
 *
 * Keys are real aes256-gcm96 keys with versions: ciphertexts are
 * `vault:vN:` + base64(nonce | ciphertext | tag), as Vault writes them.
 * `rotate`, `min_decryption_version` / `min_encryption_version`, token
 * policies (403 permission denied), unknown keys and mounts, rate limiting
 * (429), sealed (503) and connection resets behave as in Vault.
 */
import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackServer } from './loopback';

export type VaultFault = 'rate-limit' | 'sealed' | 'reset';

interface TransitKey {
  versions: Buffer[]; // versions[0] is v1
  minDecryptionVersion: number;
  minEncryptionVersion: number;
}

class VaultError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** `calls` counts requests per endpoint kind (`datakey`, `decrypt`, `rewrap`, `encrypt`, ...), faults included. */
export class VaultTransitTestServer extends LoopbackServer<VaultFault> {
  readonly rootToken = `hvs.${randomBytes(12).toString('base64url')}`;
  /** Mount path → key name → key. */
  private readonly mounts = new Map<string, Map<string, TransitKey>>([['transit', new Map()]]);
  /** Token → allowed path prefixes (after /v1/); the root token may do anything. */
  private readonly tokens = new Map<string, string[]>();

  get address(): string {
    return this.url;
  }

  /** `127.0.0.1:PORT`, the authority part of a vault-transit:// key URI. */
  get authority(): string {
    return this.address.slice('http://'.length);
  }

  enableMount(path: string): void {
    if (!this.mounts.has(path)) this.mounts.set(path, new Map());
  }

  createKey(name: string, mount = 'transit'): void {
    this.mount(mount).set(name, { versions: [randomBytes(32)], minDecryptionVersion: 1, minEncryptionVersion: 0 });
  }

  /** A token allowed only on paths starting with one of `prefixes` (e.g. `transit/decrypt/app`). */
  createToken(prefixes: string[]): string {
    const token = `hvs.${randomBytes(12).toString('base64url')}`;
    this.tokens.set(token, prefixes);
    return token;
  }

  protected handle(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://vault').pathname).replace(/^\/v1\//, '');
    try {
      const { mount, operation, rest } = this.route(path);
      const fault = this.admit(operation);
      if (fault === 'reset') {
        req.socket.destroy();
        return;
      }
      if (fault === 'rate-limit') throw new VaultError(429, `request path "${path}": rate limit quota exceeded`);
      if (fault === 'sealed') throw new VaultError(503, 'Vault is sealed');
      this.authorize(req.headers['x-vault-token'], path);
      let input: Record<string, unknown> = {};
      if (body.length > 0) {
        try {
          input = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
        } catch {
          throw new VaultError(400, 'failed to parse JSON input');
        }
      }
      const data = this.dispatch(req.method ?? 'GET', mount, operation, rest, input);
      const json = JSON.stringify({ request_id: randomUUID(), lease_id: '', renewable: false, lease_duration: 0, data, warnings: null });
      res.writeHead(200, { 'content-type': 'application/json' }).end(json);
    } catch (error) {
      const e = error instanceof VaultError ? error : new VaultError(500, String(error));
      res.writeHead(e.status, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [e.message] }));
    }
  }

  /** Splits `MOUNT/OPERATION/...` using the known mounts (mounts may contain slashes). */
  private route(path: string): { mount: string; operation: string; rest: string[] } {
    for (const mount of [...this.mounts.keys()].sort((a, b) => b.length - a.length)) {
      if (path.startsWith(`${mount}/`)) {
        const [operation = '', ...rest] = path.slice(mount.length + 1).split('/');
        return { mount, operation, rest };
      }
    }
    throw new VaultError(404, `no handler for route "${path}". route entry not found.`);
  }

  private authorize(token: unknown, path: string): void {
    if (token === this.rootToken) return;
    const prefixes = typeof token === 'string' ? this.tokens.get(token) : undefined;
    if (!prefixes || !prefixes.some((p) => path.startsWith(p))) throw new VaultError(403, 'permission denied');
  }

  private dispatch(method: string, mount: string, operation: string, rest: string[], input: Record<string, unknown>): unknown {
    const keys = this.mount(mount);
    if (operation === 'keys' && rest.length >= 1) {
      const [name, action] = rest as [string, string | undefined];
      if (method === 'POST' && action === undefined) {
        if (!keys.has(name)) this.createKey(name, mount);
        return null;
      }
      const key = keys.get(name);
      if (!key) throw new VaultError(404, '');
      if (method === 'POST' && action === 'rotate') {
        key.versions.push(randomBytes(32));
        return null;
      }
      if (method === 'POST' && action === 'config') {
        if (input.min_decryption_version !== undefined) key.minDecryptionVersion = Number(input.min_decryption_version);
        if (input.min_encryption_version !== undefined) key.minEncryptionVersion = Number(input.min_encryption_version);
        return null;
      }
      if (method === 'GET' && action === undefined) {
        return { name, type: 'aes256-gcm96', latest_version: key.versions.length, min_decryption_version: key.minDecryptionVersion, min_encryption_version: key.minEncryptionVersion };
      }
    }
    if (method !== 'POST') throw new VaultError(405, 'unsupported operation');
    const name = rest[rest.length - 1] ?? '';
    const key = keys.get(name);
    switch (operation) {
      case 'datakey': {
        if (rest[0] !== 'plaintext' && rest[0] !== 'wrapped') throw new VaultError(400, "Invalid path, must be 'plaintext' or 'wrapped'");
        if (!key) throw new VaultError(400, 'encryption key not found');
        const bits = input.bits === undefined ? 256 : Number(input.bits);
        if (![128, 256, 512].includes(bits)) throw new VaultError(400, 'invalid bit length');
        const plaintext = randomBytes(bits / 8);
        const version = encryptionVersion(key, input.key_version);
        const data: Record<string, unknown> = { ciphertext: seal(key, version, plaintext), key_version: version };
        if (rest[0] === 'plaintext') data.plaintext = plaintext.toString('base64');
        return data;
      }
      case 'encrypt': {
        if (!key) throw new VaultError(400, 'encryption key not found');
        if (typeof input.plaintext !== 'string') throw new VaultError(400, 'missing plaintext to encrypt');
        const version = encryptionVersion(key, input.key_version);
        return { ciphertext: seal(key, version, Buffer.from(input.plaintext, 'base64')), key_version: version };
      }
      case 'decrypt': {
        if (!key) throw new VaultError(400, 'encryption key not found');
        return { plaintext: open(key, input.ciphertext).toString('base64') };
      }
      case 'rewrap': {
        if (!key) throw new VaultError(400, 'encryption key not found');
        const plaintext = open(key, input.ciphertext);
        const version = encryptionVersion(key, input.key_version);
        const ciphertext = seal(key, version, plaintext);
        plaintext.fill(0);
        return { ciphertext, key_version: version };
      }
      default:
        throw new VaultError(404, `no handler for route "${mount}/${operation}". route entry not found.`);
    }
  }

  private mount(path: string): Map<string, TransitKey> {
    const keys = this.mounts.get(path);
    if (!keys) throw new VaultError(404, `no handler for route "${path}". route entry not found.`);
    return keys;
  }
}

function encryptionVersion(key: TransitKey, requested: unknown): number {
  const latest = key.versions.length;
  const version = requested === undefined || Number(requested) === 0 ? latest : Number(requested);
  if (!Number.isInteger(version) || version < 1 || version > latest) throw new VaultError(400, 'invalid key version');
  if (key.minEncryptionVersion > 0 && version < key.minEncryptionVersion) {
    throw new VaultError(400, 'cannot encrypt with a key version lower than min_encryption_version');
  }
  return version;
}

function seal(key: TransitKey, version: number, plaintext: Buffer): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.versions[version - 1]!, nonce);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return `vault:v${version}:${Buffer.concat([nonce, ciphertext, cipher.getAuthTag()]).toString('base64')}`;
}

function open(key: TransitKey, value: unknown): Buffer {
  if (typeof value !== 'string' || !value) throw new VaultError(400, 'missing ciphertext to decrypt');
  const match = /^vault:v(\d+):(.*)$/s.exec(value);
  if (!match) throw new VaultError(400, 'invalid ciphertext: no prefix');
  const version = Number(match[1]);
  if (version < key.minDecryptionVersion) throw new VaultError(400, 'ciphertext or signature version is disallowed by policy (too old)');
  if (version > key.versions.length) throw new VaultError(400, 'invalid ciphertext: version is too new');
  const raw = Buffer.from(match[2]!, 'base64');
  if (raw.toString('base64') !== match[2]) throw new VaultError(400, 'invalid ciphertext: could not decode');
  if (raw.length < 28) throw new VaultError(400, 'invalid ciphertext: too short');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.versions[version - 1]!, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]);
  } catch {
    throw new VaultError(400, 'cipher: message authentication failed');
  }
}
