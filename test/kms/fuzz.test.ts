import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { pipeline } from 'node:stream/promises';
import { KeywardenError } from '../../src/kms';
import { crc32 } from '../../src/kms/crc32';
import { MAGIC, parseHeader } from '../../src/kms/format';
import { inspectSealed } from '../../src/kms/inspect';
import { chunked, collect, localClient, useTempDir } from './helpers';

const ALLOWED = ['UNSUPPORTED_FORMAT', 'TAMPERED'];

/** Runs `promise` with a time limit: a hang fails the property. */
async function settleWithin<T>(promise: Promise<T>, ms: number): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hung for ${ms} ms`)), ms);
  });
  try {
    return { ok: true, value: await Promise.race([promise, timeout]) };
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('hung')) throw error;
    return { ok: false, error };
  } finally {
    clearTimeout(timer);
  }
}

function expectTypedFailure(result: { ok: boolean; error?: unknown }, allowed = ALLOWED): void {
  assert.equal(result.ok, false, 'malformed input decrypted');
  const error = (result as { error: unknown }).error;
  assert.ok(error instanceof KeywardenError, `not a KeywardenError: ${String(error)}`);
  assert.ok(allowed.includes(error.code), `unexpected code ${error.code}: ${error.message}`);
}

describe('kms: fuzzing malformed and truncated input (fast-check)', function () {
  this.timeout(120_000);
  const tmp = useTempDir();

  it('random bytes, with or without the magic prefix, never crash or hang decrypt', async () => {
    const client = localClient(tmp.dir);
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), fc.boolean(), async (bytes, withMagic) => {
        const input = withMagic ? Buffer.concat([MAGIC, Buffer.from([1, 1]), bytes]) : Buffer.from(bytes);
        expectTypedFailure(await settleWithin(client.decrypt(input), 2000));
      }),
      { numRuns: 400 },
    );
  });

  it('truncations and byte edits of a valid blob are TAMPERED or UNSUPPORTED_FORMAT', async () => {
    const client = localClient(tmp.dir, { purpose: 'p', context: { k: 'v' }, cache: { maxAgeMs: 60_000 } });
    const sealed = await client.encrypt('fuzz target plaintext');
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: sealed.length - 1 }),
        fc.array(fc.tuple(fc.nat({ max: sealed.length - 1 }), fc.integer({ min: 1, max: 255 })), { maxLength: 4 }),
        async (cut, edits) => {
          const truncated = sealed.subarray(0, cut);
          expectTypedFailure(await settleWithin(client.decrypt(truncated), 2000));
          if (edits.length > 0) {
            const edited = Buffer.from(sealed);
            for (const [at, xor] of edits) edited[at] ^= xor;
            expectTypedFailure(await settleWithin(client.decrypt(edited), 2000));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('structured headers with random fields and a valid checksum are refused with typed errors', async () => {
    const client = localClient(tmp.dir, { purpose: 'p' });
    const field16 = fc.uint8Array({ maxLength: 40 }).map((b) => {
      const out = Buffer.alloc(2 + b.length);
      out.writeUInt16BE(b.length, 0);
      Buffer.from(b).copy(out, 2);
      return out;
    });
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.uint8Array({ minLength: 1, maxLength: 8 }),
        fc.array(fc.tuple(field16, field16), { maxLength: 3 }),
        fc.uint8Array({ minLength: 64, maxLength: 64 }),
        fc.oneof(fc.constant(Buffer.from('local://app')), fc.uint8Array({ maxLength: 30 }).map((b) => Buffer.from(b))),
        fc.uint8Array({ maxLength: 80 }),
        fc.uint8Array({ maxLength: 100 }),
        async (frameSize, purpose, pairs, nonceAndCommitment, keyUri, wrapped, body) => {
          const count = Buffer.alloc(2);
          count.writeUInt16BE(pairs.length, 0);
          const size = Buffer.alloc(4);
          size.writeUInt32BE(frameSize, 0);
          const u16 = (b: Uint8Array) => Buffer.concat([Buffer.from([b.length >> 8, b.length & 0xff]), b]);
          const head = Buffer.concat([
            MAGIC,
            Buffer.from([1, 1]),
            size,
            Buffer.from([purpose.length]),
            purpose,
            count,
            ...pairs.flat(),
            nonceAndCommitment,
            u16(keyUri),
            u16(wrapped),
          ]);
          const crc = Buffer.alloc(4);
          crc.writeUInt32BE(crc32(head), 0);
          const blob = Buffer.concat([head, crc, body]);
          // Past the checksum, a forged header may also name an unknown key,
          // a foreign purpose or context: still typed, never plaintext.
          expectTypedFailure(await settleWithin(client.decrypt(blob), 2000), [...ALLOWED, 'WRONG_PURPOSE', 'WRONG_CONTEXT', 'UNKNOWN_KEY']);
          try {
            inspectSealed(blob);
          } catch (error) {
            assert.ok(error instanceof KeywardenError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('decryptStream: any chunking of a valid blob round-trips; truncated or edited streams error with typed codes', async () => {
    const client = localClient(tmp.dir, { frameSize: 64 });
    const plaintext = Buffer.from('x'.repeat(300));
    const out: Buffer[] = [];
    await pipeline(chunked(plaintext, 50), client.encryptStream(), collect(out));
    const sealed = Buffer.concat(out);
    assert.equal(parseHeader(sealed).frameSize, 64);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 97 }), fc.nat({ max: sealed.length }), fc.nat({ max: sealed.length - 1 }), async (chunk, cut, flip) => {
        const back: Buffer[] = [];
        const ok = await settleWithin(pipeline(chunked(sealed, chunk), client.decryptStream(), collect(back)), 3000);
        assert.ok(ok.ok && Buffer.concat(back).equals(plaintext));
        if (cut < sealed.length) {
          expectTypedFailure(await settleWithin(pipeline(chunked(sealed.subarray(0, cut), chunk), client.decryptStream(), collect([])), 3000));
        }
        const edited = Buffer.from(sealed);
        edited[flip] ^= 0x40;
        const released: Buffer[] = [];
        expectTypedFailure(await settleWithin(pipeline(chunked(edited, chunk), client.decryptStream(), collect(released)), 3000));
        // Frames released before the damaged one are authentic prefixes of the plaintext.
        assert.ok(plaintext.subarray(0, Buffer.concat(released).length).equals(Buffer.concat(released)));
      }),
      { numRuns: 150 },
    );
  });
});
