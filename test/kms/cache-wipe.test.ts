import * as assert from 'node:assert/strict';
import { pipeline } from 'node:stream/promises';
import { createEnvelopeClient, wipe } from '../../src/kms';
import { DataKeyMap, cacheLimits } from '../../src/kms/cache';
import { chunked, collect, countingLocal, isZero, useTempDir } from './helpers';

describe('kms: data key cache and wiping', () => {
  const tmp = useTempDir();

  it('is off by default: one KMS call per encrypt and per decrypt', async () => {
    const provider = countingLocal(tmp.dir);
    const client = createEnvelopeClient({ keyUri: 'local://app', provider });
    const sealed = [];
    for (let i = 0; i < 5; i++) sealed.push(await client.encrypt(`m${i}`));
    for (const s of sealed) await client.decrypt(s);
    assert.deepEqual(provider.calls, { generateDataKey: 5, unwrap: 5, rewrap: 0, wrap: 0 });
  });

  it('maxMessages: a data key encrypts at most that many messages', async () => {
    const provider = countingLocal(tmp.dir);
    const client = createEnvelopeClient({ keyUri: 'local://app', provider, cache: { maxAgeMs: 60_000, maxMessages: 3 } });
    for (let i = 0; i < 10; i++) await client.encrypt(`m${i}`);
    assert.equal(provider.calls.generateDataKey, 4); // ceil(10 / 3)
  });

  it('maxBytes: a data key encrypts at most that many bytes; a bigger message gets its own key', async () => {
    const provider = countingLocal(tmp.dir);
    const client = createEnvelopeClient({ keyUri: 'local://app', provider, cache: { maxAgeMs: 60_000, maxBytes: 100 } });
    for (let i = 0; i < 10; i++) await client.encrypt(Buffer.alloc(30)); // 3 fit per key (90 bytes)
    assert.equal(provider.calls.generateDataKey, 4);
    await client.encrypt(Buffer.alloc(101));
    await client.encrypt(Buffer.alloc(101));
    assert.equal(provider.calls.generateDataKey, 6);
  });

  it('maxAgeMs: an expired data key is replaced (and wiped)', async () => {
    const provider = countingLocal(tmp.dir);
    const client = createEnvelopeClient({ keyUri: 'local://app', provider, cache: { maxAgeMs: 40 } });
    await client.encrypt('a');
    await client.encrypt('b');
    assert.equal(provider.calls.generateDataKey, 1);
    await new Promise((resolve) => setTimeout(resolve, 60));
    await client.encrypt('c');
    assert.equal(provider.calls.generateDataKey, 2);
    // The first key was cached twice (encrypt slot + decrypt slot copy): the handed-out buffer
    // belongs to the encrypt slot and is wiped once expired.
    assert.ok(isZero(provider.handedOut[0]), 'expired key wiped');
  });

  it('separate context → separate data key; decrypt of what this client encrypted needs no KMS call', async () => {
    const provider = countingLocal(tmp.dir);
    const client = createEnvelopeClient({ keyUri: 'local://app', provider, cache: { maxAgeMs: 60_000 } });
    const a = await client.encrypt('a', { context: { tenant: '1' } });
    const b = await client.encrypt('b', { context: { tenant: '2' } });
    await client.encrypt('a2', { context: { tenant: '1' } });
    assert.equal(provider.calls.generateDataKey, 2);
    assert.equal((await client.decrypt(a, { context: { tenant: '1' } })).toString(), 'a');
    assert.equal((await client.decrypt(b, { context: { tenant: '2' } })).toString(), 'b');
    assert.equal(provider.calls.unwrap, 0);
    // Another client decrypting many blobs under one data key unwraps once.
    const reader = createEnvelopeClient({ keyUri: 'local://app', provider, cache: { maxAgeMs: 60_000 } });
    for (let i = 0; i < 5; i++) await reader.decrypt(a, { context: { tenant: '1' } });
    assert.equal(provider.calls.unwrap, 1);
  });

  it('wipes every plaintext data key after use when not caching', async () => {
    const provider = countingLocal(tmp.dir);
    const client = createEnvelopeClient({ keyUri: 'local://app', provider });
    const sealed = await client.encrypt('secret');
    await client.decrypt(sealed);
    await client.rewrap(sealed, { toKeyUri: 'local://other' });
    assert.equal(provider.handedOut.length, 2);
    for (const key of provider.handedOut) assert.ok(isZero(key), 'data key not wiped');
  });

  it('wipes the data key when decryption fails', async () => {
    const provider = countingLocal(tmp.dir);
    const client = createEnvelopeClient({ keyUri: 'local://app', provider });
    const sealed = await client.encrypt('secret');
    sealed[sealed.length - 1] ^= 1;
    await assert.rejects(client.decrypt(sealed), { code: 'TAMPERED' });
    assert.ok(provider.handedOut.every(isZero));
  });

  it('cached keys stay usable until evicted, then are wiped; close() wipes the rest', async () => {
    const provider = countingLocal(tmp.dir);
    const client = createEnvelopeClient({ keyUri: 'local://app', provider, cache: { maxAgeMs: 60_000, maxMessages: 2 } });
    await client.encrypt('1');
    assert.ok(!isZero(provider.handedOut[0]), 'a cached key must not be wiped while in use');
    await client.encrypt('2'); // last permitted use: evicted and wiped right after
    assert.ok(isZero(provider.handedOut[0]));
    await client.encrypt('3');
    assert.ok(!isZero(provider.handedOut[1]));
    await client.close();
    assert.ok(isZero(provider.handedOut[1]), 'close() wipes cached keys');
  });

  it('streams wipe their data key', async () => {
    const provider = countingLocal(tmp.dir);
    const client = createEnvelopeClient({ keyUri: 'local://app', provider, frameSize: 1000 });
    const out: Buffer[] = [];
    await pipeline(chunked(Buffer.alloc(5000, 7), 300), client.encryptStream(), collect(out));
    await pipeline(chunked(Buffer.concat(out), 300), client.decryptStream(), collect([]));
    assert.equal(provider.handedOut.length, 2);
    assert.ok(provider.handedOut.every(isZero));
  });

  it('the cache map evicts the oldest entry past maxEntries, wiping it', () => {
    const map = new DataKeyMap(cacheLimits({ maxAgeMs: 60_000, maxEntries: 2 }));
    const keys = [Buffer.alloc(32, 1), Buffer.alloc(32, 2), Buffer.alloc(32, 3)];
    keys.forEach((k, i) => map.put(`k${i}`, k, 'local://x'));
    assert.equal(map.size, 2);
    assert.ok(isZero(keys[0]));
    assert.ok(!isZero(keys[1]) && !isZero(keys[2]));
    map.clear();
    assert.ok(keys.every(isZero));
  });

  it('an idle cache still wipes expired keys (timer sweep)', async () => {
    let now = 1000;
    const map = new DataKeyMap(cacheLimits({ maxAgeMs: 20 }), () => now);
    const key = Buffer.alloc(32, 9);
    map.put('k', key, 'local://x');
    now += 25;
    await new Promise((resolve) => setTimeout(resolve, 40));
    assert.ok(isZero(key));
    assert.equal(map.size, 0);
  });

  it('rejects cache options without a positive maxAgeMs', () => {
    assert.throws(() => createEnvelopeClient({ keyUri: 'local://a', cache: {} as never }), TypeError);
    assert.throws(() => createEnvelopeClient({ keyUri: 'local://a', cache: { maxAgeMs: 0 } }), TypeError);
    assert.throws(() => createEnvelopeClient({ keyUri: 'local://a', cache: { maxAgeMs: 10, maxMessages: -1 } }), TypeError);
  });

  it('wipe() zeroes Buffers, typed-array views (only their window) and ArrayBuffers', () => {
    const backing = Buffer.from('aaaaBBBBcccc');
    wipe(new Uint8Array(backing.buffer, backing.byteOffset + 4, 4));
    assert.equal(backing.toString('latin1'), 'aaaa\0\0\0\0cccc');
    const ab = new Uint8Array([1, 2, 3]).buffer;
    wipe(ab);
    assert.deepEqual([...new Uint8Array(ab)], [0, 0, 0]);
    wipe(undefined);
    wipe(null);
  });
});
