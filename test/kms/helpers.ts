import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { createEnvelopeClient, KeywardenError, type EnvelopeClientOptions } from '../../src/kms';
import type { DataKeyRequest, GeneratedDataKey, KeyProvider, RewrapRequest, UnwrapRequest, WrapRequest, WrappedDataKey } from '../../src/kms/provider';
import { LocalProvider } from '../../src/kms/providers/local';

/** A fresh temporary folder per test, removed afterwards (call inside a mocha hook or test). */
export function useTempDir(): { readonly dir: string } {
  const state = { dir: '' };
  beforeEach(() => {
    state.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keywarden-kms-'));
  });
  afterEach(() => {
    fs.rmSync(state.dir, { recursive: true, force: true });
  });
  return state;
}

export function localOptions(dir: string): { keyringPath: string } {
  return { keyringPath: path.join(dir, 'keyring.json') };
}

export function localClient<const P extends string = 'encrypt'>(dir: string, options: EnvelopeClientOptions<P> = {}) {
  return createEnvelopeClient<P>({ keyUri: 'local://app', providerOptions: { local: localOptions(dir) }, ...options });
}

/** Wraps a provider, counting calls and keeping every plaintext data key it hands out (to check wiping). */
export class CountingProvider implements KeyProvider {
  readonly scheme: string;
  calls = { generateDataKey: 0, unwrap: 0, rewrap: 0, wrap: 0 };
  readonly handedOut: Buffer[] = [];

  constructor(readonly inner: KeyProvider) {
    this.scheme = inner.scheme;
  }

  async generateDataKey(request: DataKeyRequest): Promise<GeneratedDataKey> {
    this.calls.generateDataKey++;
    const generated = await this.inner.generateDataKey(request);
    this.handedOut.push(generated.plaintext);
    return generated;
  }

  async unwrap(request: UnwrapRequest): Promise<Buffer> {
    this.calls.unwrap++;
    const plaintext = await this.inner.unwrap(request);
    this.handedOut.push(plaintext);
    return plaintext;
  }

  rewrap(request: RewrapRequest): Promise<WrappedDataKey> {
    this.calls.rewrap++;
    return this.inner.rewrap(request);
  }

  wrap(request: WrapRequest): Promise<WrappedDataKey> {
    this.calls.wrap++;
    return this.inner.wrap!(request);
  }

  get total(): number {
    return this.calls.generateDataKey + this.calls.unwrap + this.calls.rewrap + this.calls.wrap;
  }

  close(): Promise<void> {
    return this.inner.close?.() ?? Promise.resolve();
  }
}

export function countingLocal(dir: string): CountingProvider {
  return new CountingProvider(new LocalProvider(localOptions(dir)));
}

export function isZero(buffer: Uint8Array): boolean {
  return buffer.every((b) => b === 0);
}

/** Asserts that `promise` rejects with a KeywardenError of `code`. */
export async function rejectsWith(promise: Promise<unknown>, code: string | string[], message?: string): Promise<KeywardenError> {
  const codes = Array.isArray(code) ? code : [code];
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof KeywardenError, `${message ?? ''} expected KeywardenError, got ${String(error)}`);
    assert.ok(codes.includes(error.code), `${message ?? ''} expected ${codes.join('|')}, got ${error.code}: ${error.message}`);
    return error;
  }
  assert.fail(`${message ?? ''} expected rejection with ${codes.join('|')}`);
}

/** A readable that yields `data` in chunks of `size` bytes. */
export function chunked(data: Buffer, size: number): Readable {
  let offset = 0;
  return new Readable({
    read() {
      if (offset >= data.length) {
        this.push(null);
        return;
      }
      this.push(data.subarray(offset, offset + size));
      offset += size;
    },
  });
}

export function collect(into: Buffer[]): NodeJS.WritableStream {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      into.push(chunk);
      callback();
    },
  });
}
