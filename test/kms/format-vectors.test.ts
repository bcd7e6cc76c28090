import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { createEnvelopeClient } from '../../src/kms';
import { parseHeader } from '../../src/kms/format';
import type { KeyProvider } from '../../src/kms/provider';
import { chunked, collect, rejectsWith } from './helpers';

/**
 * Blobs sealed by the first release of format v1 (suite 1), kept byte for
 * byte: every later build must still open them. A change to the message-key
 * derivation, the header layout or the frame IVs breaks these tests, which is
 * the point — such a change needs a new format version, not an edit here.
 */
const DATA_KEY = Buffer.from('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', 'hex');
const WRAPPED = Buffer.from('golden-wrapped-key');
const CONTEXT = { tenant: 't1', app: 'kw' };

const SINGLE_SHOT = {
  plaintext: 'keywarden sealed format v1, suite 1',
  sealed:
    'b74b574501010000002306676f6c64656e0002000361707000026b77000674656e616e74000274310b9ad93b18250bbf212cf4f51b40afba9fb53145b96683d1' +
    '1e3e66ea99a1ada12db9801771bb1fc2ecfcc735ea967cbfd9b35580295df990a4ba00f478eff6e8001166697865643a2f2f676f6c64656e2376310012676f6c' +
    '64656e2d777261707065642d6b657935f6f33f01000000233393c50da570aeccbc3a3e5150bf939b21efa1c732cab533d072b45b0f6e4fd43f0d001e322317da' +
    '9d9546e0d67da01fc95bdb',
};

/** encryptStream with 16-byte frames: three full frames and a short final one. */
const FRAMED = {
  plaintext: 'streamed in frames of sixteen bytes each, the last one shorter',
  sealed:
    'b74b574501010000001006676f6c64656e0002000361707000026b77000674656e616e7400027431cf710447729f20a3486887311e3cf963f0bc9aba08a5a189' +
    'a04aab8b59e2540f06a88f8cd07fb71fe65f5d776d9117b7d8e1989c944dbf2183a984ead0f77ef8001166697865643a2f2f676f6c64656e2376310012676f6c' +
    '64656e2d777261707065642d6b65797bc4650f0000000010d7c0908588d3f4edb491974f2e7e3afe4454ed4fead731cce63110a73208c66c0000000010408412' +
    '3961eee785e4a0857b84ad95bff7d6459f8a45ff3b6a772d23e6f2bd590000000010e0838f1051f6059442a0d15fa277bd9440088f0d9497fad75ac14a86b9c7' +
    '48be010000000e55e95db159e0a135f356eff28627cbf77cf5513d0e3203e4ea5e6ae9b440',
};

/** Hands out the fixed data key for the fixed wrapped bytes, and nothing else. */
function fixedProvider(): KeyProvider {
  return {
    scheme: 'fixed',
    async generateDataKey() {
      return { plaintext: Buffer.from(DATA_KEY), wrapped: Buffer.from(WRAPPED), keyUri: 'fixed://golden#v1' };
    },
    async unwrap(request) {
      assert.deepEqual(Buffer.from(request.wrapped), WRAPPED);
      assert.deepEqual({ ...request.context }, { ...CONTEXT, 'keywarden:purpose': 'golden' });
      return Buffer.from(DATA_KEY);
    },
    async rewrap() {
      throw new Error('not used');
    },
  };
}

function goldenClient() {
  return createEnvelopeClient({ keyUri: 'fixed://golden', provider: fixedProvider(), purpose: 'golden', context: CONTEXT });
}

/** The derivation FORMAT.md specifies, written out independently of src/kms. */
function specMessageKeys(nonce: Buffer): { key: Buffer; commitment: Buffer } {
  const info = Buffer.concat([Buffer.from('keywarden/v1 message'), Buffer.from([1])]);
  const okm = crypto.createHmac('sha512', DATA_KEY).update(info).update(nonce).update(Buffer.from([1])).digest();
  return { key: okm.subarray(0, 32), commitment: okm.subarray(32) };
}

describe('kms: format v1 known-answer vectors', () => {
  it('opens a single-shot blob sealed by the first v1 release', async () => {
    const opened = await goldenClient().decrypt(Buffer.from(SINGLE_SHOT.sealed, 'hex'));
    assert.equal(opened.toString('utf8'), SINGLE_SHOT.plaintext);
  });

  it('opens a framed (streamed) blob sealed by the first v1 release', async () => {
    const out: Buffer[] = [];
    await pipeline(chunked(Buffer.from(FRAMED.sealed, 'hex'), 7), goldenClient().decryptStream(), collect(out));
    assert.equal(Buffer.concat(out).toString('utf8'), FRAMED.plaintext);
    assert.equal((await goldenClient().decrypt(Buffer.from(FRAMED.sealed, 'hex'))).toString('utf8'), FRAMED.plaintext);
  });

  it('the header commitment and the GCM layer match FORMAT.md, computed independently', () => {
    const sealed = Buffer.from(SINGLE_SHOT.sealed, 'hex');
    const header = parseHeader(sealed);
    const { key, commitment } = specMessageKeys(header.nonce);
    assert.deepEqual(header.commitment, commitment);
    const body = sealed.subarray(header.length);
    assert.equal(body[0], 1, 'single frame, final');
    const length = body.readUInt32BE(1);
    const iv = Buffer.concat([Buffer.alloc(7), Buffer.from([1]), Buffer.alloc(4)]);
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(sealed.subarray(0, header.aadLength));
    decipher.setAuthTag(body.subarray(5 + length));
    const plaintext = Buffer.concat([decipher.update(body.subarray(5, 5 + length)), decipher.final()]);
    assert.equal(plaintext.toString('utf8'), SINGLE_SHOT.plaintext);
  });

  it('blobs sealed now open with the independent derivation too (the writer did not drift)', async () => {
    const sealed = await goldenClient().encrypt(SINGLE_SHOT.plaintext);
    const header = parseHeader(sealed);
    assert.deepEqual(header.commitment, specMessageKeys(header.nonce).commitment);
    assert.equal((await goldenClient().decrypt(sealed)).toString('utf8'), SINGLE_SHOT.plaintext);
  });

  it('a vector with one flipped ciphertext bit is TAMPERED', async () => {
    const sealed = Buffer.from(SINGLE_SHOT.sealed, 'hex');
    sealed[sealed.length - 20] ^= 0x01;
    await rejectsWith(goldenClient().decrypt(sealed), 'TAMPERED');
  });
});
