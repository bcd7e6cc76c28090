/**
 * An in-process AWS KMS for tests: a loopback HTTP server speaking the KMS JSON
 * protocol (`POST /`, `X-Amz-Target: TrentService.<Operation>`, base64 binary
 * fields), so the real `@aws-sdk/client-kms` talks to it unchanged.
 *
 * It is a real cipher, not a recorder: keys are random AES-256 keys, blobs are
 * AES-256-GCM with the key id, key version and canonical EncryptionContext as
 * AAD, so a flipped byte or a different context really fails. KeyUsage,
 * disabled keys, rotation (RotateKeyOnDemand) and aliases behave as in KMS.
 * Faults (throttling, 503, connection resets) can be injected per call.
 */
import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackServer } from './loopback';

export type KeyUsage = 'ENCRYPT_DECRYPT' | 'SIGN_VERIFY' | 'GENERATE_VERIFY_MAC';
export type Fault = 'throttle' | 'unavailable' | 'reset';

interface KmsKey {
  id: string;
  arn: string;
  usage: KeyUsage;
  enabled: boolean;
  /** Backing key versions; rotation appends, encryption uses the last. */
  materials: Buffer[];
}

class KmsError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const REGION = 'us-east-1';
const ACCOUNT = '111122223333';
const BLOB_VERSION = 1;

/** `calls` counts requests per operation, faults included; faults may be aimed at one operation. */
export class AwsKmsTestServer extends LoopbackServer<Fault> {
  readonly region = REGION;
  readonly account = ACCOUNT;
  private readonly keys = new Map<string, KmsKey>();
  private readonly aliases = new Map<string, string>();

  get endpoint(): string {
    return this.url;
  }

  /** Creates a key directly (what CreateKey does over the wire); returns its ARN. */
  createKey(usage: KeyUsage = 'ENCRYPT_DECRYPT'): string {
    const id = randomUUID();
    const key: KmsKey = {
      id,
      arn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/${id}`,
      usage,
      enabled: true,
      materials: [randomBytes(32)],
    };
    this.keys.set(id, key);
    return key.arn;
  }

  /** Points `alias/NAME` at a key; returns the alias ARN. */
  setAlias(name: string, keyArn: string): string {
    this.aliases.set(name, this.resolve(keyArn).id);
    return `arn:aws:kms:${REGION}:${ACCOUNT}:alias/${name}`;
  }

  setEnabled(keyArn: string, enabled: boolean): void {
    this.resolve(keyArn).enabled = enabled;
  }

  rotate(keyArn: string): void {
    this.resolve(keyArn).materials.push(randomBytes(32));
  }

  protected handle(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const target = String(req.headers['x-amz-target'] ?? '');
    const operation = target.startsWith('TrentService.') ? target.slice('TrentService.'.length) : '';
    const fault = this.admit(operation);
    if (fault === 'reset') {
      req.socket.destroy();
      return;
    }
    try {
      if (fault === 'throttle') throw new KmsError('ThrottlingException', 'Rate exceeded');
      if (fault === 'unavailable') throw new KmsError('KMSInternalException', 'Service unavailable', 503);
      if (req.method !== 'POST' || !operation) throw new KmsError('UnknownOperationException', 'Unknown operation');
      if (!String(req.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 ')) {
        throw new KmsError('MissingAuthenticationTokenException', 'Missing SigV4 authorization');
      }
      let input: Record<string, unknown>;
      try {
        input = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        throw new KmsError('SerializationException', 'Malformed JSON');
      }
      reply(res, 200, this.dispatch(operation, input));
    } catch (error) {
      const e = error instanceof KmsError ? error : new KmsError('KMSInternalException', String(error), 500);
      reply(res, e.status, { __type: e.type, message: e.message });
    }
  }

  private dispatch(operation: string, input: Record<string, unknown>): unknown {
    switch (operation) {
      case 'CreateKey': {
        const arn = this.createKey((input.KeyUsage as KeyUsage | undefined) ?? 'ENCRYPT_DECRYPT');
        return { KeyMetadata: this.metadata(this.resolve(arn)) };
      }
      case 'DescribeKey':
        return { KeyMetadata: this.metadata(this.resolve(input.KeyId)) };
      case 'RotateKeyOnDemand': {
        const key = this.resolve(input.KeyId);
        key.materials.push(randomBytes(32));
        return { KeyId: key.id };
      }
      case 'GenerateDataKey': {
        const key = this.encryptionKey(input.KeyId);
        const size = input.KeySpec === 'AES_256' ? 32 : input.KeySpec === 'AES_128' ? 16 : Number(input.NumberOfBytes);
        if (!Number.isInteger(size) || size < 1 || size > 1024) {
          throw new KmsError('ValidationException', 'KeySpec or NumberOfBytes is required');
        }
        const plaintext = randomBytes(size);
        const blob = seal(key, plaintext, context(input.EncryptionContext));
        return { KeyId: key.arn, Plaintext: plaintext.toString('base64'), CiphertextBlob: blob.toString('base64') };
      }
      case 'Encrypt': {
        const key = this.encryptionKey(input.KeyId);
        const blob = seal(key, binary(input.Plaintext, 'Plaintext'), context(input.EncryptionContext));
        return { KeyId: key.arn, CiphertextBlob: blob.toString('base64'), EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' };
      }
      case 'Decrypt': {
        const { key, plaintext } = this.open(input.CiphertextBlob, input.EncryptionContext, input.KeyId);
        return { KeyId: key.arn, Plaintext: plaintext.toString('base64'), EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' };
      }
      case 'ReEncrypt': {
        const source = this.open(input.CiphertextBlob, input.SourceEncryptionContext, input.SourceKeyId);
        const target = this.encryptionKey(input.DestinationKeyId);
        const blob = seal(target, source.plaintext, context(input.DestinationEncryptionContext));
        source.plaintext.fill(0);
        return { KeyId: target.arn, SourceKeyId: source.key.arn, CiphertextBlob: blob.toString('base64') };
      }
      default:
        throw new KmsError('UnknownOperationException', `Unsupported operation ${operation}`);
    }
  }

  /** Resolves a key id, key ARN, `alias/NAME` or alias ARN, as KMS does. */
  private resolve(keyId: unknown): KmsKey {
    if (typeof keyId !== 'string' || !keyId) throw new KmsError('ValidationException', 'KeyId is required');
    const prefix = `arn:aws:kms:${REGION}:${ACCOUNT}:`;
    let ref = keyId;
    if (ref.startsWith('arn:')) {
      if (!ref.startsWith(prefix)) throw new KmsError('NotFoundException', `Key '${keyId}' does not exist`);
      ref = ref.slice(prefix.length);
    }
    const id = ref.startsWith('alias/') ? this.aliases.get(ref.slice('alias/'.length)) : ref.replace(/^key\//, '');
    const key = id === undefined ? undefined : this.keys.get(id);
    if (!key) throw new KmsError('NotFoundException', `Key '${keyId}' does not exist`);
    return key;
  }

  /** A key allowed to encrypt: enabled and of usage ENCRYPT_DECRYPT. */
  private encryptionKey(keyId: unknown): KmsKey {
    const key = this.resolve(keyId);
    if (!key.enabled) throw new KmsError('DisabledException', `${key.arn} is disabled.`);
    if (key.usage !== 'ENCRYPT_DECRYPT') {
      throw new KmsError('InvalidKeyUsageException', `${key.arn} key usage is ${key.usage} which is not valid for this operation.`);
    }
    return key;
  }

  private open(blobField: unknown, contextField: unknown, expectedKeyId: unknown): { key: KmsKey; plaintext: Buffer } {
    const blob = binary(blobField, 'CiphertextBlob');
    const parsed = parseBlob(blob);
    const key = this.keys.get(parsed.keyId);
    if (!key) throw new KmsError('InvalidCiphertextException', 'Invalid ciphertext');
    if (expectedKeyId !== undefined && this.resolve(expectedKeyId) !== key) {
      throw new KmsError('IncorrectKeyException', 'The key ID in the request does not identify the key that encrypted the ciphertext.');
    }
    if (!key.enabled) throw new KmsError('DisabledException', `${key.arn} is disabled.`);
    if (key.usage !== 'ENCRYPT_DECRYPT') throw new KmsError('InvalidKeyUsageException', 'Key usage does not permit Decrypt');
    const material = key.materials[parsed.version];
    if (!material) throw new KmsError('InvalidCiphertextException', 'Invalid ciphertext');
    try {
      const decipher = createDecipheriv('aes-256-gcm', material, parsed.iv);
      decipher.setAAD(aad(key.id, parsed.version, context(contextField)));
      decipher.setAuthTag(parsed.tag);
      return { key, plaintext: Buffer.concat([decipher.update(parsed.ciphertext), decipher.final()]) };
    } catch {
      throw new KmsError('InvalidCiphertextException', 'Invalid ciphertext');
    }
  }

  private metadata(key: KmsKey): Record<string, unknown> {
    return {
      KeyId: key.id,
      Arn: key.arn,
      AWSAccountId: ACCOUNT,
      KeyUsage: key.usage,
      KeyState: key.enabled ? 'Enabled' : 'Disabled',
      Enabled: key.enabled,
      KeySpec: key.usage === 'ENCRYPT_DECRYPT' ? 'SYMMETRIC_DEFAULT' : 'HMAC_256',
    };
  }
}

// Blob: version(1) | keyIdLength(1) | keyId | keyVersion(2) | iv(12) | tag(16) | ciphertext
function seal(key: KmsKey, plaintext: Buffer, encryptionContext: string): Buffer {
  const version = key.materials.length - 1;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.materials[version]!, iv);
  cipher.setAAD(aad(key.id, version, encryptionContext));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const id = Buffer.from(key.id, 'utf8');
  const versionBytes = Buffer.alloc(2);
  versionBytes.writeUInt16BE(version);
  return Buffer.concat([Buffer.from([BLOB_VERSION, id.length]), id, versionBytes, iv, cipher.getAuthTag(), ciphertext]);
}

function parseBlob(blob: Buffer): { keyId: string; version: number; iv: Buffer; tag: Buffer; ciphertext: Buffer } {
  const invalid = new KmsError('InvalidCiphertextException', 'Invalid ciphertext');
  if (blob.length < 2 || blob[0] !== BLOB_VERSION) throw invalid;
  const idEnd = 2 + blob[1]!;
  if (blob.length < idEnd + 2 + 12 + 16) throw invalid;
  return {
    keyId: blob.subarray(2, idEnd).toString('utf8'),
    version: blob.readUInt16BE(idEnd),
    iv: blob.subarray(idEnd + 2, idEnd + 14),
    tag: blob.subarray(idEnd + 14, idEnd + 30),
    ciphertext: blob.subarray(idEnd + 30),
  };
}

function aad(keyId: string, version: number, encryptionContext: string): Buffer {
  return Buffer.from(JSON.stringify([keyId, version, encryptionContext]), 'utf8');
}

/** Canonical EncryptionContext: entries sorted by key, so order never matters (as in KMS). */
function context(value: unknown): string {
  if (value === undefined || value === null) return '[]';
  if (typeof value !== 'object') throw new KmsError('ValidationException', 'EncryptionContext must be a map');
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, String(v)]);
  return JSON.stringify(entries.sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0)));
}

function binary(value: unknown, field: string): Buffer {
  if (typeof value !== 'string' || !value) throw new KmsError('ValidationException', `${field} is required`);
  return Buffer.from(value, 'base64');
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1',
    'content-length': Buffer.byteLength(json),
    'x-amzn-requestid': randomUUID(),
  });
  res.end(json);
}
