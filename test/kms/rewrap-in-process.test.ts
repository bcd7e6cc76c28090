import * as assert from 'node:assert/strict';
import { rewrapInProcess } from '../../src/kms/providers/rewrap-in-process';
import type { UnwrapRequest, WrapRequest, WrappedDataKey } from '../../src/kms/provider';

/** A provider double that hands out one data key and records what it was asked to wrap. */
function providerDouble(wrapFails: boolean) {
  const dataKey = Buffer.alloc(32, 0xab);
  const wrapped: { request: WrapRequest; bytesAtWrap: Buffer }[] = [];
  return {
    dataKey,
    wrapped,
    async unwrap(_request: UnwrapRequest): Promise<Buffer> {
      return dataKey;
    },
    async wrap(request: WrapRequest): Promise<WrappedDataKey> {
      wrapped.push({ request, bytesAtWrap: Buffer.from(request.plaintext) });
      if (wrapFails) throw new Error('target KEK refused');
      return { wrapped: Buffer.from('wrapped'), keyUri: request.keyUri };
    },
  };
}

describe('kms: rewrapInProcess (providers without a server-side re-encrypt)', () => {
  const signal = new AbortController().signal;
  const request = { keyUri: 'test://old', wrapped: Buffer.from('old'), context: { purpose: 'files' }, signal };

  it('wraps the unwrapped data key under the target with the same context and signal, then wipes it', async () => {
    const provider = providerDouble(false);
    const result = await rewrapInProcess(provider, request, 'test://new');
    assert.deepEqual(result, { wrapped: Buffer.from('wrapped'), keyUri: 'test://new' });
    assert.equal(provider.wrapped.length, 1);
    const [{ request: asked, bytesAtWrap }] = provider.wrapped;
    assert.equal(asked.keyUri, 'test://new');
    assert.deepEqual(asked.context, { purpose: 'files' });
    assert.equal(asked.signal, signal);
    assert.ok(bytesAtWrap.equals(Buffer.alloc(32, 0xab)), 'the target wrapped the real data key');
    assert.ok(provider.dataKey.every((b) => b === 0), 'the plaintext data key is wiped after the wrap');
  });

  it('wipes the data key and passes the error on when the target refuses to wrap it', async () => {
    const provider = providerDouble(true);
    await assert.rejects(rewrapInProcess(provider, request, 'test://new'), /target KEK refused/);
    assert.ok(provider.dataKey.every((b) => b === 0), 'the plaintext data key is wiped on the failure path too');
  });
});
