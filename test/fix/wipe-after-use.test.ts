import { strict as assert } from 'node:assert';
import * as crypto from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';
import { applySuggestion, findings, load, programs, tempDir, writeCheckedOutput, type Api } from './fix-harness';

const RULE = 'keywarden/require-key-zeroization';
type KeySource = 'scryptSync' | 'hkdfSync';

/**
 * Records every key the program derives (by wrapping the node:crypto function
 * it calls), so the test can look at the bytes after the function is done.
 */
async function withRecordedKeys<T>(source: KeySource, run: (keys: Uint8Array[]) => Promise<T>): Promise<T> {
  // The module object itself (an `import * as` namespace is read-only).
  const mutable = require('node:crypto') as Record<KeySource, (...args: unknown[]) => Buffer | ArrayBuffer>;
  const original = mutable[source];
  const keys: Uint8Array[] = [];
  mutable[source] = (...args: unknown[]) => {
    const key = original(...args);
    keys.push(key instanceof ArrayBuffer ? new Uint8Array(key) : key);
    return key;
  };
  syncBuiltinESMExports();
  try {
    return await run(keys);
  } finally {
    mutable[source] = original;
    syncBuiltinESMExports();
  }
}

const wiped = (key: Uint8Array) => key.length > 0 && key.every((b) => b === 0);

/** How each program is driven: every path out of the function (return, early return, throw) must leave the key wiped. */
const DRIVERS: Record<string, { source: KeySource; drive: (api: Api, keys: Uint8Array[]) => Promise<void> }> = {
  'batch-sealer.mjs': {
    source: 'scryptSync',
    async drive(api, keys) {
      const sealAll = api.sealAll as (p: string, s: Buffer, r: unknown[], store: { put(b: Buffer): Promise<void> }) => Promise<number[] | null>;
      const stored: Buffer[] = [];
      const store = { put: async (b: Buffer) => void stored.push(b) };
      assert.deepEqual(await sealAll('operator passphrase', Buffer.alloc(16, 1), [Buffer.from('a'), Buffer.from('bcd')], store), [1, 3]);
      assert.equal(stored.length, 2);
      assert.ok(wiped(keys[0]), 'wiped after the loop and its awaits');
      assert.equal(await sealAll('operator passphrase', Buffer.alloc(16, 1), [Buffer.from('a'), null], store), null);
      assert.ok(wiped(keys[1]), 'wiped on the early return inside the loop');
      const failing = { put: async () => Promise.reject(new Error('disk full')) };
      await assert.rejects(sealAll('operator passphrase', Buffer.alloc(16, 1), [Buffer.from('a')], failing), /disk full/);
      assert.ok(wiped(keys[2]), 'wiped when an awaited call rejects');
    },
  },
  'webhook-verifier.ts': {
    source: 'hkdfSync',
    async drive(api, keys) {
      const verify = api.verifyWebhook as (secret: string, tenant: string, body: string, signature: string) => boolean;
      const key = crypto.hkdfSync('sha256', 'platform', 'acme', 'webhook-signing', 32);
      const signature = crypto.createHmac('sha256', new Uint8Array(key)).update('{"ok":1}').digest('hex');
      keys.length = 0;
      assert.equal(verify('platform', 'acme', '{"ok":1}', signature), true);
      assert.equal(verify('platform', 'acme', '{"ok":2}', signature), false);
      assert.throws(() => verify('platform', 'acme', '{}', 'nope'), /malformed/);
      assert.equal(keys.length, 3);
      assert.ok(keys.every(wiped), 'wiped on return and on throw');
    },
  },
};

describe('fix: missing zeroization → try/finally wipe after the last use', function () {
  this.timeout(120_000);
  const { dir, cleanup } = tempDir('wipe-after-use');
  after(cleanup);

  for (const program of programs<{ expectNoFix?: string }>('wipe-after-use')) {
    const driver = DRIVERS[program.file];
    if (program.sidecar.expectNoFix) {
      it(`${program.file}: no rewrite (${program.sidecar.expectNoFix})`, () => {
        assert.equal(applySuggestion(program.source, program.path, RULE, 'wrapInTryFinally'), undefined);
      });
      continue;
    }
    it(`${program.file}: still works, and the key is zero on every way out`, async () => {
      assert.ok(driver, 'every program has a driver');
      const applied = applySuggestion(program.source, program.path, RULE, 'wrapInTryFinally');
      assert.ok(applied, 'the wrapInTryFinally suggestion is offered');
      assert.deepEqual(findings(applied.output, program.path, RULE), [], 're-linting finds no missing wipe');
      const file = await writeCheckedOutput(dir, program.file, applied.output);
      await withRecordedKeys(driver.source, async (keys) => driver.drive(await load(file), keys));
    });
  }
});
