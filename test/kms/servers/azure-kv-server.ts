/**
 * An in-process Azure Key Vault for tests, speaking the REST API the official
 * `@azure/keyvault-keys` client uses: `GET /keys/NAME[/VERSION]`,
 * `POST /keys/NAME/VERSION/wrapkey|unwrapkey` (`{"alg","value"}`, base64url),
 * `POST /keys/NAME/rotate`, errors as `{"error":{"code","message"}}`.
 *
 * Like the real service it answers an unauthenticated request with 401 and a
 * `WWW-Authenticate: Bearer authorization=…, resource=…` challenge, then wants
 * the bearer token. Keys are real: RSA-2048 key pairs (RSA-OAEP, RSA-OAEP-256)
 * and AES-256 "oct-HSM" keys (A256KW, RFC 3394), each with versions, permitted
 * operations (`key_ops`) and an enabled flag; faults (429, 503, resets) can be injected.
 */
import { createCipheriv, createDecipheriv, constants, generateKeyPairSync, privateDecrypt, publicEncrypt, randomBytes, type KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackServer, sendJson } from './loopback';

export type AzureFault = 'throttle' | 'unavailable' | 'reset';
export type AzureKeyType = 'RSA' | 'oct-HSM' | 'EC';

export const TEST_TOKEN = 'azure-test-token';
const ALL_OPS = ['encrypt', 'decrypt', 'sign', 'verify', 'wrapKey', 'unwrapKey'];
const KEY_WRAP_IV = Buffer.from('A6A6A6A6A6A6A6A6', 'hex');

interface KeyVersion {
  id: string;
  type: AzureKeyType;
  ops: string[];
  enabled: boolean;
  rsa?: { publicKey: KeyObject; privateKey: KeyObject };
  aes?: Buffer;
}

class KvError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class AzureKeyVaultTestServer extends LoopbackServer<AzureFault> {
  /** Versions per key name, oldest first; the last is current. */
  private readonly keys = new Map<string, KeyVersion[]>();
  /** Requests that arrived without a valid bearer token (the SDK's challenge handshake). */
  challenges = 0;

  /** Creates a key (one version) and returns its name. */
  createKey(name: string, type: AzureKeyType = 'RSA', ops: string[] = ALL_OPS): string {
    this.keys.set(name, [newVersion(type, ops)]);
    return name;
  }

  /** The current version id of `name`. */
  currentVersion(name: string): string {
    return this.keys.get(name)!.at(-1)!.id;
  }

  setEnabled(name: string, version: string, enabled: boolean): void {
    this.keys.get(name)!.find((v) => v.id === version)!.enabled = enabled;
  }

  protected handle(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const url = new URL(req.url ?? '/', this.url);
    const parts = url.pathname.split('/').filter(Boolean);
    const operation = operationOf(req.method ?? 'GET', parts);
    const fault = this.admit(operation);
    if (fault === 'reset') {
      req.socket.destroy();
      return;
    }
    try {
      if (fault === 'throttle') throw new KvError(429, 'Throttled', 'Request was not processed because too many requests were received.');
      if (fault === 'unavailable') throw new KvError(503, 'ServiceUnavailable', 'The service is temporarily unavailable.');
      if (req.headers.authorization !== `Bearer ${TEST_TOKEN}`) {
        this.challenges++;
        res
          .writeHead(401, {
            'www-authenticate': 'Bearer authorization="https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001", resource="https://vault.azure.net"',
            'content-length': '0',
          })
          .end();
        return;
      }
      if (!url.searchParams.get('api-version')) throw new KvError(400, 'BadParameter', 'The api-version query parameter is missing.');
      sendJson(res, 200, this.dispatch(operation, parts, body));
    } catch (error) {
      const e = error instanceof KvError ? error : new KvError(500, 'InternalServerError', String(error));
      sendJson(res, e.status, { error: { code: e.code, message: e.message } });
    }
  }

  private dispatch(operation: string, parts: string[], body: Buffer): unknown {
    const name = parts[1] ?? '';
    const versions = this.keys.get(name);
    if (!versions) throw new KvError(404, 'KeyNotFound', `A key with (name/id) ${name} was not found in this key vault.`);
    if (operation === 'rotate') {
      const current = versions.at(-1)!;
      versions.push(newVersion(current.type, current.ops));
      return this.bundle(name, versions.at(-1)!);
    }
    const versionId = operation === 'get' ? parts[2] : parts.length === 4 ? parts[2] : undefined;
    const key = versionId ? versions.find((v) => v.id === versionId) : versions.at(-1);
    if (!key) throw new KvError(404, 'KeyNotFound', `A key with (name/id) ${name}/${versionId} was not found in this key vault.`);
    if (!key.enabled) throw new KvError(403, 'Forbidden', `Operation ${operation} is not allowed on a disabled key.`);
    if (operation === 'get') return this.bundle(name, key);
    const op = operation === 'wrapkey' ? 'wrapKey' : 'unwrapKey';
    if (!key.ops.includes(op)) throw new KvError(403, 'Forbidden', `Operation ${op} is not permitted on this key.`);
    const request = JSON.parse(body.toString('utf8') || '{}') as { alg?: unknown; value?: unknown };
    if (typeof request.value !== 'string') throw new KvError(400, 'BadParameter', 'Property value is required.');
    const value = Buffer.from(request.value, 'base64url');
    const result = op === 'wrapKey' ? wrap(key, String(request.alg), value) : unwrap(key, String(request.alg), value);
    return { kid: this.kid(name, key), value: result.toString('base64url') };
  }

  private kid(name: string, key: KeyVersion): string {
    return `${this.url}/keys/${name}/${key.id}`;
  }

  private bundle(name: string, key: KeyVersion): unknown {
    const jwk: Record<string, unknown> = { kid: this.kid(name, key), kty: key.type, key_ops: key.ops };
    if (key.rsa) {
      const { n, e } = key.rsa.publicKey.export({ format: 'jwk' });
      Object.assign(jwk, { n, e });
    }
    const now = Math.floor(Date.now() / 1000);
    return { key: jwk, attributes: { enabled: key.enabled, created: now, updated: now, recoveryLevel: 'Recoverable+Purgeable' } };
  }
}

function operationOf(method: string, parts: string[]): string {
  if (parts[0] !== 'keys') return 'unknown';
  if (method === 'GET' && (parts.length === 2 || parts.length === 3)) return 'get';
  if (method === 'POST' && parts.length === 3 && parts[2] === 'rotate') return 'rotate';
  const last = parts.at(-1);
  if (method === 'POST' && (last === 'wrapkey' || last === 'unwrapkey') && parts.length >= 3) return last;
  return 'unknown';
}

function newVersion(type: AzureKeyType, ops: string[]): KeyVersion {
  const version: KeyVersion = { id: randomBytes(16).toString('hex'), type, ops, enabled: true };
  if (type === 'RSA') version.rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  if (type === 'oct-HSM') version.aes = randomBytes(32);
  return version;
}

function badAlgorithm(alg: string, key: KeyVersion): KvError {
  return new KvError(400, 'BadParameter', `Algorithm ${alg} is not supported for key type ${key.type}.`);
}

function wrap(key: KeyVersion, alg: string, value: Buffer): Buffer {
  if (key.rsa && (alg === 'RSA-OAEP' || alg === 'RSA-OAEP-256')) {
    return publicEncrypt({ key: key.rsa.publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: alg === 'RSA-OAEP' ? 'sha1' : 'sha256' }, value);
  }
  if (key.aes && alg === 'A256KW') {
    const cipher = createCipheriv('id-aes256-wrap', key.aes, KEY_WRAP_IV);
    return Buffer.concat([cipher.update(value), cipher.final()]);
  }
  throw badAlgorithm(alg, key);
}

function unwrap(key: KeyVersion, alg: string, value: Buffer): Buffer {
  try {
    if (key.rsa && (alg === 'RSA-OAEP' || alg === 'RSA-OAEP-256')) {
      return privateDecrypt({ key: key.rsa.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: alg === 'RSA-OAEP' ? 'sha1' : 'sha256' }, value);
    }
    if (key.aes && alg === 'A256KW') {
      const decipher = createDecipheriv('id-aes256-wrap', key.aes, KEY_WRAP_IV);
      return Buffer.concat([decipher.update(value), decipher.final()]);
    }
  } catch {
    throw new KvError(400, 'BadParameter', 'Error occurred while decrypting the value.');
  }
  throw badAlgorithm(alg, key);
}
