import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { createEnvelopeClient } from '../../src/kms';
import { chunked, collect, localClient, localOptions, rejectsWith, useTempDir } from './helpers';

describe('kms: round trips (local provider)', () => {
  const tmp = useTempDir();

  const cases: Array<[string, string | Uint8Array]> = [
    ['ASCII string', 'hello world'],
    ['unicode string', 'héllo wörld — 鍵 🔑 \u0000 end'],
    ['binary', crypto.randomBytes(333)],
    ['empty string', ''],
    ['empty bytes', new Uint8Array(0)],
    ['1 MiB', crypto.randomBytes(1024 * 1024)],
  ];
  for (const [name, plaintext] of cases) {
    it(`encrypts and decrypts ${name}`, async () => {
      const client = localClient(tmp.dir);
      const sealed = await client.encrypt(plaintext);
      assert.ok(Buffer.isBuffer(sealed));
      const expected = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : Buffer.from(plaintext);
      if (expected.length > 16) assert.equal(sealed.indexOf(expected.subarray(0, 16)), -1, 'plaintext visible in sealed blob');
      assert.deepEqual(await client.decrypt(sealed), expected);
      await client.close();
    });
  }

  it('accepts a Uint8Array view into a larger buffer and the base64 text of a blob', async () => {
    const client = localClient(tmp.dir);
    const backing = Buffer.from('xxxxsecretxxxx');
    const sealed = await client.encrypt(new Uint8Array(backing.buffer, backing.byteOffset + 4, 6));
    assert.equal((await client.decrypt(sealed.toString('base64'))).toString(), 'secret');
    const offset = Buffer.concat([Buffer.alloc(7), sealed]).subarray(7);
    assert.equal((await client.decrypt(offset)).toString(), 'secret');
  });

  it('two encryptions of the same plaintext differ (fresh nonce per message)', async () => {
    const client = localClient(tmp.dir, { cache: { maxAgeMs: 60_000 } });
    const a = await client.encrypt('same');
    const b = await client.encrypt('same');
    assert.notDeepEqual(a, b);
    assert.equal((await client.decrypt(a)).toString(), 'same');
    assert.equal((await client.decrypt(b)).toString(), 'same');
  });

  it('any client with access to the keyring decrypts (the key URI travels in the blob)', async () => {
    const writer = localClient(tmp.dir, { purpose: 'pii', context: { app: 'billing' } });
    const sealed = await writer.encrypt('portable');
    const reader = createEnvelopeClient({ keyUri: 'local://another', purpose: 'pii', context: { app: 'billing' }, providerOptions: { local: localOptions(tmp.dir) } });
    assert.equal((await reader.decrypt(sealed)).toString(), 'portable');
  });

  it('merges per-call context over the client context', async () => {
    const client = localClient(tmp.dir, { context: { app: 'billing', tenant: 'a' } });
    const sealed = await client.encrypt('x', { context: { tenant: 'b', row: '7' } });
    assert.equal((await client.decrypt(sealed, { context: { row: '7', tenant: 'b' } })).toString(), 'x');
    await rejectsWith(client.decrypt(sealed, { context: { row: '7' } }), 'WRONG_CONTEXT');
  });

  it('streams several MiB through encryptStream/decryptStream, and decrypt() reads streamed blobs', async () => {
    const client = localClient(tmp.dir, { frameSize: 64 * 1024 });
    const plaintext = crypto.randomBytes(5 * 1024 * 1024 + 123);
    const sealedChunks: Buffer[] = [];
    await pipeline(chunked(plaintext, 10_000), client.encryptStream(), collect(sealedChunks));
    const sealed = Buffer.concat(sealedChunks);
    const openedChunks: Buffer[] = [];
    await pipeline(chunked(sealed, 7777), client.decryptStream(), collect(openedChunks));
    assert.ok(Buffer.concat(openedChunks).equals(plaintext));
    assert.ok((await client.decrypt(sealed)).equals(plaintext));
  });

  it('streams an empty input and an exact multiple of the frame size', async () => {
    const client = localClient(tmp.dir, { frameSize: 1024 });
    for (const size of [0, 1024, 4096, 1023, 1025]) {
      const plaintext = crypto.randomBytes(size);
      const out: Buffer[] = [];
      await pipeline(chunked(plaintext, 100), client.encryptStream(), collect(out));
      const sealed = Buffer.concat(out);
      assert.ok((await client.decrypt(sealed)).equals(plaintext), `size ${size}`);
      const back: Buffer[] = [];
      await pipeline(chunked(sealed, 1), client.decryptStream(), collect(back));
      assert.ok(Buffer.concat(back).equals(plaintext), `stream size ${size}`);
    }
  });

  it('decryptStream reads a single-shot blob', async () => {
    const client = localClient(tmp.dir);
    const sealed = await client.encrypt('single shot');
    const out: Buffer[] = [];
    await pipeline(chunked(sealed, 3), client.decryptStream(), collect(out));
    assert.equal(Buffer.concat(out).toString(), 'single shot');
  });
});
