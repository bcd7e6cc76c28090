import * as assert from 'node:assert/strict';
import { pipeline } from 'node:stream/promises';
import { createEnvelopeClient, KeywardenError, type AuditEvent } from '../../src/kms';
import type { DataKeyRequest, GeneratedDataKey, KeyProvider, RewrapRequest, UnwrapRequest, WrappedDataKey } from '../../src/kms/provider';
import { LocalProvider } from '../../src/kms/providers/local';
import { chunked, collect, localClient, localOptions, rejectsWith, useTempDir } from './helpers';

/** Fails the first `failures` calls with `error`, or hangs when `hang` is set; then delegates. */
class FlakyProvider implements KeyProvider {
  readonly scheme = 'local';
  attempts = 0;
  abortedSignals = 0;
  constructor(
    private readonly inner: KeyProvider,
    private failures: number,
    private readonly error: () => Error = () => new KeywardenError('KMS_UNAVAILABLE', 'ThrottlingException', { retryable: true }),
    private readonly hang = false,
  ) {}
  private async gate(signal?: AbortSignal): Promise<void> {
    this.attempts++;
    if (this.hang) {
      await new Promise<void>((_, reject) =>
        signal?.addEventListener('abort', () => {
          this.abortedSignals++;
          reject(signal.reason);
        }),
      );
    }
    if (this.failures > 0) {
      this.failures--;
      throw this.error();
    }
  }
  async generateDataKey(r: DataKeyRequest): Promise<GeneratedDataKey> {
    await this.gate(r.signal);
    return this.inner.generateDataKey(r);
  }
  async unwrap(r: UnwrapRequest): Promise<Buffer> {
    await this.gate(r.signal);
    return this.inner.unwrap(r);
  }
  async rewrap(r: RewrapRequest): Promise<WrappedDataKey> {
    await this.gate(r.signal);
    return this.inner.rewrap(r);
  }
}

describe('kms: retries, deadline, audit events, legacy hook', () => {
  const tmp = useTempDir();
  const fast = { baseDelayMs: 5, maxDelayMs: 20 };

  it('retries retryable failures with backoff and succeeds', async () => {
    const flaky = new FlakyProvider(new LocalProvider(localOptions(tmp.dir)), 3);
    const events: AuditEvent[] = [];
    const client = createEnvelopeClient({ keyUri: 'local://app', provider: flaky, retry: fast, onAudit: (e) => events.push(e) });
    const sealed = await client.encrypt('eventually');
    assert.equal(flaky.attempts, 4);
    assert.equal(events[0].kmsCalls, 4);
    assert.equal((await client.decrypt(sealed)).toString(), 'eventually');
  });

  it('gives up after maxAttempts with KMS_UNAVAILABLE (retryable), keeping the cause', async () => {
    const flaky = new FlakyProvider(new LocalProvider(localOptions(tmp.dir)), 100);
    const client = createEnvelopeClient({ keyUri: 'local://app', provider: flaky, retry: { ...fast, maxAttempts: 3 } });
    const error = await rejectsWith(client.encrypt('x'), 'KMS_UNAVAILABLE');
    assert.equal(flaky.attempts, 3);
    assert.equal(error.retryable, true);
    assert.match(String((error.cause as Error).message), /Throttling/);
  });

  it('does not retry non-retryable errors (KMS_DENIED passes through after one call)', async () => {
    const flaky = new FlakyProvider(new LocalProvider(localOptions(tmp.dir)), 1, () => new KeywardenError('KMS_DENIED', 'AccessDeniedException'));
    const client = createEnvelopeClient({ keyUri: 'local://app', provider: flaky, retry: fast });
    await rejectsWith(client.encrypt('x'), 'KMS_DENIED');
    assert.equal(flaky.attempts, 1);
  });

  it('a provider throwing a plain Error becomes KMS_UNAVAILABLE (typed), not retried', async () => {
    const flaky = new FlakyProvider(new LocalProvider(localOptions(tmp.dir)), 1, () => new Error('ECONNRESET'));
    const client = createEnvelopeClient({ keyUri: 'local://app', provider: flaky, retry: fast });
    const error = await rejectsWith(client.encrypt('x'), 'KMS_UNAVAILABLE');
    assert.equal(flaky.attempts, 1);
    assert.match(error.message, /ECONNRESET/);
  });

  it('stops at the deadline: a hung provider is aborted and KMS_UNAVAILABLE is thrown in time', async () => {
    const flaky = new FlakyProvider(new LocalProvider(localOptions(tmp.dir)), 0, undefined, true);
    const client = createEnvelopeClient({ keyUri: 'local://app', provider: flaky, retry: { ...fast, deadlineMs: 150 } });
    const started = Date.now();
    await rejectsWith(client.encrypt('x'), 'KMS_UNAVAILABLE');
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 140 && elapsed < 1000, `took ${elapsed} ms`);
    assert.equal(flaky.abortedSignals, flaky.attempts);
  });

  it('a slow throttled provider is not retried past the deadline', async () => {
    const flaky = new FlakyProvider(new LocalProvider(localOptions(tmp.dir)), 1000);
    const client = createEnvelopeClient({ keyUri: 'local://app', provider: flaky, retry: { baseDelayMs: 40, maxDelayMs: 40, maxAttempts: 1000, deadlineMs: 200 } });
    const started = Date.now();
    await rejectsWith(client.encrypt('x'), 'KMS_UNAVAILABLE');
    assert.ok(Date.now() - started < 600);
    assert.ok(flaky.attempts > 2 && flaky.attempts < 100, `attempts ${flaky.attempts}`);
  });

  it('emits one structured event per operation, without key material or plaintext', async () => {
    const events: AuditEvent[] = [];
    const client = localClient(tmp.dir, { purpose: 'pii', context: { tenant: 't1' }, onAudit: (e) => events.push(e) });
    const secret = 'TOP-SECRET-PLAINTEXT';
    const sealed = await client.encrypt(secret, { context: { row: '9' } });
    await client.decrypt(sealed, { context: { row: '9' } });
    await client.rewrap(sealed);
    await client.decrypt(sealed).catch(() => undefined);
    assert.deepEqual(
      events.map((e) => [e.operation, e.outcome, e.errorCode]),
      [
        ['encrypt', 'success', undefined],
        ['decrypt', 'success', undefined],
        ['rewrap', 'success', undefined],
        ['decrypt', 'failure', 'WRONG_CONTEXT'],
      ],
    );
    const [enc, dec, rewrap, failed] = events;
    assert.equal(enc.keyUri, 'local://app#v1');
    assert.equal(enc.purpose, 'pii');
    assert.deepEqual(enc.context, { row: '9', tenant: 't1' });
    assert.equal(enc.bytes, secret.length);
    assert.equal(enc.kmsCalls, 1);
    assert.equal(enc.dataKeySource, 'kms');
    assert.ok(enc.durationMs >= 0 && !Number.isNaN(Date.parse(enc.startedAt)));
    assert.equal(dec.keyUri, 'local://app#v1');
    assert.equal(rewrap.toKeyUri, 'local://app#v1');
    assert.equal(failed.kmsCalls, 0);
    const serialized = JSON.stringify(events);
    assert.ok(!serialized.includes(secret));
    assert.ok(!serialized.includes(sealed.toString('base64').slice(60, 100)));
    for (const e of events) for (const v of Object.values(e)) assert.ok(!Buffer.isBuffer(v) && !(v instanceof Uint8Array));
  });

  it('streams emit one event at their end: success with byte counts, or ABORTED when destroyed early', async () => {
    const events: AuditEvent[] = [];
    const client = localClient(tmp.dir, { onAudit: (e) => events.push(e) });
    const out: Buffer[] = [];
    await pipeline(chunked(Buffer.alloc(5000, 1), 1000), client.encryptStream(), collect(out));
    await pipeline(chunked(Buffer.concat(out), 1000), client.decryptStream(), collect([]));
    const aborted = client.encryptStream();
    aborted.write(Buffer.alloc(10));
    aborted.destroy();
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(
      events.map((e) => [e.operation, e.outcome, e.bytes, e.errorCode]),
      [
        ['encryptStream', 'success', 5000, undefined],
        ['decryptStream', 'success', 5000, undefined],
        ['encryptStream', 'failure', 10, 'ABORTED'],
      ],
    );
    assert.equal(events[1].keyUri, 'local://app#v1');
  });

  it('a throwing audit sink does not break the operation', async () => {
    const client = localClient(tmp.dir, {
      onAudit: () => {
        throw new Error('sink down');
      },
    });
    assert.equal((await client.decrypt(await client.encrypt('ok'))).toString(), 'ok');
  });

  it('legacy hook: non-keywarden input goes to the hook; keywarden blobs do not', async () => {
    const events: AuditEvent[] = [];
    const seen: Array<Buffer | string> = [];
    const legacy = (old: Buffer | string) => {
      seen.push(old);
      return `legacy:${old.toString()}`;
    };
    const client = localClient(tmp.dir, { onAudit: (e) => events.push(e) });
    assert.equal((await client.decrypt('iv:deadbeef', { legacy })).toString(), 'legacy:iv:deadbeef');
    assert.equal((await client.decrypt(Buffer.from('old-binary'), { legacy })).toString(), 'legacy:old-binary');
    const sealed = await client.encrypt('new');
    assert.equal((await client.decrypt(sealed, { legacy })).toString(), 'new');
    assert.equal((await client.decrypt(sealed.toString('base64'), { legacy })).toString(), 'new');
    assert.deepEqual(seen, ['iv:deadbeef', Buffer.from('old-binary')]);
    assert.deepEqual(events.map((e) => e.outcome), ['legacy', 'legacy', 'success', 'success', 'success']);
    // A tampered keywarden blob is never handed to the legacy hook.
    sealed[sealed.length - 1] ^= 1;
    await rejectsWith(client.decrypt(sealed, { legacy }), 'TAMPERED');
    assert.equal(seen.length, 2);
  });

  it('legacy hook as a client option; a failing hook is a typed error', async () => {
    const client = localClient(tmp.dir, { legacy: async (old) => Buffer.from(String(old).toUpperCase()) });
    assert.equal((await client.decrypt('abc')).toString(), 'ABC');
    const failing = localClient(tmp.dir, {
      legacy: () => {
        throw new Error('bad decrypt');
      },
    });
    const error = await rejectsWith(failing.decrypt('abc'), 'UNSUPPORTED_FORMAT');
    assert.match(error.message, /bad decrypt/);
  });
});
