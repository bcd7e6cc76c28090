import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { createEnvelopeClient, KeywardenError } from '../../src/kms';
import type { DataKeyRequest, GeneratedDataKey, KeyProvider, RewrapRequest, UnwrapRequest, WrapRequest, WrappedDataKey } from '../../src/kms/provider';
import { chunked, collect, isZero, localClient, localOptions, rejectsWith, useTempDir } from './helpers';

/** A second provider (scheme "mem"): one in-memory AES-GCM KEK, context as AAD. */
class MemoryProvider implements KeyProvider {
  readonly scheme = 'mem';
  private readonly kek = crypto.randomBytes(32);
  readonly received: Uint8Array[] = [];
  constructor(canWrap = true) {
    if (!canWrap) (this as { wrap?: unknown }).wrap = undefined;
  }
  private aad(context: Readonly<Record<string, string>>): Buffer {
    return Buffer.from(JSON.stringify(Object.entries(context).sort()));
  }
  async generateDataKey(request: DataKeyRequest): Promise<GeneratedDataKey> {
    const plaintext = crypto.randomBytes(32);
    return { plaintext, ...(await this.wrap({ keyUri: request.keyUri, plaintext, context: request.context })) };
  }
  async wrap(request: WrapRequest): Promise<WrappedDataKey> {
    this.received.push(request.plaintext);
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.kek, iv).setAAD(this.aad(request.context));
    return { wrapped: Buffer.concat([iv, cipher.update(request.plaintext), cipher.final(), cipher.getAuthTag()]), keyUri: request.keyUri };
  }
  async unwrap(request: UnwrapRequest): Promise<Buffer> {
    const w = Buffer.from(request.wrapped);
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.kek, w.subarray(0, 12)).setAAD(this.aad(request.context));
    decipher.setAuthTag(w.subarray(44));
    const out = decipher.update(w.subarray(12, 44));
    try {
      decipher.final();
    } catch {
      throw new KeywardenError('TAMPERED', 'mem unwrap failed');
    }
    return out;
  }
  async rewrap(request: RewrapRequest): Promise<WrappedDataKey> {
    const plaintext = await this.unwrap(request);
    return this.wrap({ ...request, keyUri: request.toKeyUri ?? request.keyUri, plaintext });
  }
}

describe('kms: rewrap across providers, streams and purposes', () => {
  const tmp = useTempDir();

  it('moves a blob from the local keyring to another provider (unwrap, commitment check, wrap)', async () => {
    const mem = new MemoryProvider();
    const source = localClient(tmp.dir, { purpose: 'pii', context: { t: '1' } });
    const sealed = await source.encrypt('moving house');
    const client = createEnvelopeClient({ keyUri: 'local://app', purpose: 'pii', context: { t: '1' }, provider: mem, providerOptions: { local: localOptions(tmp.dir) } });
    const moved = await client.rewrap(sealed, { toKeyUri: 'mem://kek' });
    assert.match(moved.toString('latin1'), /mem:\/\/kek/);
    assert.equal((await client.decrypt(moved)).toString(), 'moving house');
    // The plaintext data key handed to the target provider was wiped afterwards.
    assert.ok(mem.received.length === 1 && isZero(mem.received[0]));
  });

  it('refuses (UNSUPPORTED_FORMAT) when the target provider cannot wrap an existing key', async () => {
    const sealed = await localClient(tmp.dir).encrypt('x');
    const client = createEnvelopeClient({ keyUri: 'local://app', provider: new MemoryProvider(false), providerOptions: { local: localOptions(tmp.dir) } });
    await rejectsWith(client.rewrap(sealed, { toKeyUri: 'mem://kek' }), 'UNSUPPORTED_FORMAT');
  });

  it('decryptStream refuses another purpose or context with the right code', async () => {
    const writer = localClient(tmp.dir, { purpose: 'pii', context: { t: '1' } });
    const out: Buffer[] = [];
    await pipeline(chunked(Buffer.alloc(1000, 1), 100), writer.encryptStream(), collect(out));
    const sealed = Buffer.concat(out);
    await assert.rejects(pipeline(chunked(sealed, 64), localClient(tmp.dir, { purpose: 'other', context: { t: '1' } }).decryptStream(), collect([])), { code: 'WRONG_PURPOSE' });
    await assert.rejects(pipeline(chunked(sealed, 64), localClient(tmp.dir, { purpose: 'pii' }).decryptStream(), collect([])), { code: 'WRONG_CONTEXT' });
    await assert.rejects(pipeline(chunked(sealed, 64), writer.decryptStream({ maxFrameBytes: 100 }), collect([])), { code: 'UNSUPPORTED_FORMAT' });
  });

  it('rewrap of a stream-sealed blob keeps every frame readable', async () => {
    const client = localClient(tmp.dir, { frameSize: 256 });
    const plaintext = crypto.randomBytes(3000);
    const out: Buffer[] = [];
    await pipeline(chunked(plaintext, 500), client.encryptStream(), collect(out));
    const rewrapped = await client.rewrap(Buffer.concat(out), { toKeyUri: 'local://next' });
    assert.ok((await client.decrypt(rewrapped)).equals(plaintext));
  });
});
