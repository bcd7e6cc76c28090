/**
 * An in-process Google Cloud KMS for tests, speaking the REST transport the
 * official client uses with `fallback: true` (`POST /v1/{cryptoKey}:encrypt`,
 * `:decrypt`, `.../cryptoKeyVersions`, `:updatePrimaryVersion`; JSON with
 * base64 bytes; errors as `{"error":{"code","message","status"}}`).
 *
 * Real keys: each CryptoKey has AES-256 versions; ciphertexts are AES-256-GCM
 * with the key name, version and the caller's additionalAuthenticatedData as
 * AAD, so a changed AAD or byte really fails. Key purpose, disabled versions,
 * primary rotation, and faults (429, 503, resets) behave as in Cloud KMS.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackServer } from './loopback';

export type GcpPurpose = 'ENCRYPT_DECRYPT' | 'ASYMMETRIC_SIGN' | 'MAC';
export type GcpFault = 'resource-exhausted' | 'unavailable' | 'reset';

interface CryptoKey {
  purpose: GcpPurpose;
  versions: Array<{ material: Buffer; enabled: boolean }>; // versions[0] is version 1
  primary: number;
}

class RpcError extends Error {
  constructor(
    readonly http: number,
    readonly status: string,
    message: string,
  ) {
    super(message);
  }
}

/** `calls` counts requests per method (`encrypt`, `decrypt`, ...), faults included. */
export class GcpKmsTestServer extends LoopbackServer<GcpFault> {
  readonly project = 'keywarden-test';
  readonly location = 'europe-west1';
  readonly keyRing = 'ring';
  private readonly keys = new Map<string, CryptoKey>();

  /** Creates a CryptoKey with one primary version; returns its resource name. */
  createKey(id: string, purpose: GcpPurpose = 'ENCRYPT_DECRYPT'): string {
    const name = `projects/${this.project}/locations/${this.location}/keyRings/${this.keyRing}/cryptoKeys/${id}`;
    this.keys.set(name, { purpose, versions: [{ material: randomBytes(32), enabled: true }], primary: 1 });
    return name;
  }

  setVersionEnabled(keyName: string, version: number, enabled: boolean): void {
    this.keys.get(keyName)!.versions[version - 1]!.enabled = enabled;
  }

  protected handle(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://kms').pathname).replace(/^\/v1\//, '');
    const match = /^(projects\/[^/]+\/locations\/[^/]+\/keyRings\/[^/]+\/cryptoKeys\/[^/:]+)(?::(encrypt|decrypt|updatePrimaryVersion)|\/(cryptoKeyVersions))$/.exec(path);
    const method = match ? (match[2] ?? 'createCryptoKeyVersion') : 'unknown';
    const fault = this.admit(method);
    if (fault === 'reset') {
      req.socket.destroy();
      return;
    }
    try {
      if (fault === 'resource-exhausted') throw new RpcError(429, 'RESOURCE_EXHAUSTED', 'Quota exceeded for quota metric cryptographic requests');
      if (fault === 'unavailable') throw new RpcError(503, 'UNAVAILABLE', 'The service is currently unavailable.');
      if (!String(req.headers.authorization ?? '').startsWith('Bearer ')) {
        throw new RpcError(401, 'UNAUTHENTICATED', 'Request is missing required authentication credential.');
      }
      if (req.method !== 'POST' || !match) throw new RpcError(404, 'NOT_FOUND', `Unknown path ${path}`);
      const input = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;
      const keyName = match[1]!;
      const key = this.keys.get(keyName);
      if (!key) throw new RpcError(404, 'NOT_FOUND', `CryptoKey ${keyName} not found.`);
      const result = this.dispatch(method, keyName, key, input);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
    } catch (error) {
      const e = error instanceof RpcError ? error : new RpcError(500, 'INTERNAL', String(error));
      res.writeHead(e.http, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: e.http, message: e.message, status: e.status } }));
    }
  }

  private dispatch(method: string, keyName: string, key: CryptoKey, body: Record<string, unknown>): unknown {
    switch (method) {
      case 'encrypt': {
        if (key.purpose !== 'ENCRYPT_DECRYPT') {
          throw new RpcError(400, 'FAILED_PRECONDITION', `${keyName} has purpose ${key.purpose}, not ENCRYPT_DECRYPT.`);
        }
        const version = key.primary;
        const state = key.versions[version - 1]!;
        if (!state.enabled) throw new RpcError(400, 'FAILED_PRECONDITION', `${keyName}/cryptoKeyVersions/${version} is not enabled.`);
        const iv = randomBytes(12);
        const cipher = createCipheriv('aes-256-gcm', state.material, iv);
        cipher.setAAD(aad(keyName, version, body.additionalAuthenticatedData));
        const ct = Buffer.concat([cipher.update(bytes(body.plaintext, 'plaintext')), cipher.final()]);
        const head = Buffer.alloc(4);
        head.writeUInt32BE(version);
        return {
          name: `${keyName}/cryptoKeyVersions/${version}`,
          ciphertext: Buffer.concat([head, iv, cipher.getAuthTag(), ct]).toString('base64'),
          protectionLevel: 'SOFTWARE',
        };
      }
      case 'decrypt': {
        if (key.purpose !== 'ENCRYPT_DECRYPT') {
          throw new RpcError(400, 'FAILED_PRECONDITION', `${keyName} has purpose ${key.purpose}, not ENCRYPT_DECRYPT.`);
        }
        const blob = bytes(body.ciphertext, 'ciphertext');
        const invalid = new RpcError(400, 'INVALID_ARGUMENT', 'Decryption failed: the ciphertext is invalid.');
        if (blob.length < 4 + 12 + 16) throw invalid;
        const version = blob.readUInt32BE(0);
        const state = key.versions[version - 1];
        if (!state) throw invalid;
        if (!state.enabled) throw new RpcError(400, 'FAILED_PRECONDITION', `${keyName}/cryptoKeyVersions/${version} is not enabled.`);
        try {
          const decipher = createDecipheriv('aes-256-gcm', state.material, blob.subarray(4, 16));
          decipher.setAAD(aad(keyName, version, body.additionalAuthenticatedData));
          decipher.setAuthTag(blob.subarray(16, 32));
          const plaintext = Buffer.concat([decipher.update(blob.subarray(32)), decipher.final()]);
          return { plaintext: plaintext.toString('base64'), usedPrimary: version === key.primary, protectionLevel: 'SOFTWARE' };
        } catch {
          throw invalid;
        }
      }
      case 'createCryptoKeyVersion': {
        key.versions.push({ material: randomBytes(32), enabled: true });
        return { name: `${keyName}/cryptoKeyVersions/${key.versions.length}`, state: 'ENABLED' };
      }
      case 'updatePrimaryVersion': {
        const id = Number(body.cryptoKeyVersionId);
        if (!Number.isInteger(id) || id < 1 || id > key.versions.length) throw new RpcError(400, 'INVALID_ARGUMENT', 'Invalid cryptoKeyVersionId');
        key.primary = id;
        return { name: keyName, purpose: key.purpose, primary: { name: `${keyName}/cryptoKeyVersions/${id}`, state: 'ENABLED' } };
      }
      default:
        throw new RpcError(404, 'NOT_FOUND', `Unknown method ${method}`);
    }
  }
}

function aad(keyName: string, version: number, additional: unknown): Buffer {
  const extra = typeof additional === 'string' ? Buffer.from(additional, 'base64') : Buffer.alloc(0);
  return Buffer.concat([Buffer.from(`${keyName}/${version}\0`, 'utf8'), extra]);
}

function bytes(value: unknown, field: string): Buffer {
  if (typeof value !== 'string' || !value) throw new RpcError(400, 'INVALID_ARGUMENT', `${field} is required`);
  return Buffer.from(value, 'base64');
}
