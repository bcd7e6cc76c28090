import { strict as assert } from 'node:assert';
import { applySuggestion, findings, load, programs, tempDir, withEnv, writeCheckedOutput, writeProgram, type ConfigName } from './fix-harness';

/** How a program of `test/fixtures/fixes/gcm-upgrade/` is driven (its sidecar). */
interface GcmCase {
  encrypt: string;
  decrypt: string;
  env?: Record<string, string>;
  /** The functions take and return Buffers. */
  binary?: boolean;
  /** The key is not provably 32 bytes: the message must say it is derived with HKDF. */
  derivedKey: boolean;
  /** The config whose finding offers the fix (CBC without a MAC is reported in `strict`). */
  config?: ConfigName;
  /** False when the original cannot run here (RC4 is gone from OpenSSL 3's default provider). */
  oldProgramRuns?: boolean;
}

const RULE = 'keywarden/no-weak-algorithm';
const TEXTS = ['hello', 'Grüße, 世界 🔐', '', 'x'.repeat(1024 * 1024), '\u0000\u0001binary\u00ff'];

/** Changes one stored character or byte: the first of the last non-empty `:` section, or the last byte. */
function tamper(sealed: unknown): unknown {
  if (Buffer.isBuffer(sealed)) {
    const copy = Buffer.from(sealed);
    copy[copy.length - 1] ^= 0x01;
    return copy;
  }
  const parts = String(sealed).split(':');
  const index = parts.map((p) => p.length > 0).lastIndexOf(true);
  parts[index] = (parts[index][0] === '0' ? '1' : '0') + parts[index].slice(1);
  return parts.join(':');
}

describe('fix: weak cipher or mode → AES-256-GCM', function () {
  this.timeout(120_000);
  const { dir, cleanup } = tempDir('gcm-upgrade');
  after(cleanup);

  for (const program of programs<GcmCase>('gcm-upgrade')) {
    const c = program.sidecar;
    it(`${program.file}: round-trips, refuses tampered data, and the finding is gone`, async () => {
      const applied = applySuggestion(program.source, program.path, RULE, 'upgradeToGcm', c.config);
      assert.ok(applied, 'the upgradeToGcm suggestion is offered');
      assert.match(applied.message, /re-encrypt them/);
      assert.equal(/HKDF/.test(applied.message), c.derivedKey, 'the message says whether the key is derived');
      assert.match(applied.output, /'aes-256-gcm'/);
      assert.deepEqual(findings(applied.output, program.path, RULE, c.config), [], 're-linting finds no weak cipher');
      const file = await writeCheckedOutput(dir, program.file, applied.output);
      await withEnv(c.env ?? {}, async () => {
        const oldApi = await load(writeProgram(dir, program.file, program.source));
        const api = await load(file);
        const encrypt = api[c.encrypt] as (input: unknown) => unknown;
        const decrypt = api[c.decrypt] as (sealed: unknown) => unknown;
        const inputs = c.binary ? TEXTS.map((t) => Buffer.from(t)) : TEXTS;
        for (const input of inputs) {
          const sealed = await encrypt(input);
          assert.notDeepEqual(await encrypt(input), sealed, 'a fresh nonce per message');
          assert.deepEqual(await decrypt(sealed), input);
          assert.throws(() => decrypt(tamper(sealed)), 'tampered data is refused');
        }
        // Old records need the migration the message names: the new code does not read them.
        if (c.oldProgramRuns === false) {
          assert.throws(() => (oldApi[c.encrypt] as (input: unknown) => unknown)(inputs[1]), /unsupported/);
          return;
        }
        const old = (oldApi[c.encrypt] as (input: unknown) => unknown)(inputs[1]);
        let read: unknown;
        try {
          read = decrypt(old);
        } catch {
          read = 'refused';
        }
        assert.notDeepEqual(read, inputs[1]);
      });
    });
  }
});
