import { strict as assert } from 'node:assert';
import { createHmac, hkdfSync } from 'node:crypto';
import { applySuggestion, findings, load, programs, tempDir, withEnv, writeCheckedOutput, writeProgram } from './fix-harness';

/** How a program of `test/fixtures/fixes/purpose-subkeys/` is driven (its sidecar). */
interface SubkeyCase {
  env: Record<string, string>;
  /** The environment variable holding the shared key, and its encoding. */
  key: string;
  keyEncoding: BufferEncoding;
  seal: string;
  open: string;
  mac: string;
}

const RULE = 'keywarden/no-key-reuse-across-purposes';
const TEXTS = ['hello', 'Grüße, 世界 🔐', '', 'x'.repeat(1024 * 1024)];

describe('fix: one key for several purposes → HKDF subkeys per purpose', function () {
  this.timeout(120_000);
  const { dir, cleanup } = tempDir('purpose-subkeys');
  after(cleanup);

  for (const program of programs<SubkeyCase>('purpose-subkeys')) {
    const c = program.sidecar;
    it(`${program.file}: encryption still round-trips, the MAC uses its own labelled subkey`, async () => {
      const applied = applySuggestion(program.source, program.path, RULE, 'deriveSubkeys');
      assert.ok(applied, 'the deriveSubkeys suggestion is offered');
      assert.match(applied.message, /must be migrated/);
      assert.deepEqual(findings(applied.output, program.path, RULE), [], 're-linting finds no key reuse');
      const file = await writeCheckedOutput(dir, program.file, applied.output);
      await withEnv(c.env, async () => {
        const old = await load(writeProgram(dir, program.file, program.source));
        const api = await load(file);
        const seal = api[c.seal] as (s: string) => string;
        const open = api[c.open] as (s: string) => string;
        const mac = api[c.mac] as (s: string) => string;
        for (const text of TEXTS) assert.equal(open(seal(text)), text);
        // The MAC key is HKDF(key, info "keywarden:mac"), not the key itself.
        const raw = Buffer.from(c.env[c.key], c.keyEncoding);
        const macKey = Buffer.from(hkdfSync('sha256', raw, new Uint8Array(0), 'keywarden:mac', 32));
        const expected = createHmac('sha256', macKey).update('manifest v7').digest();
        assert.ok([expected.toString('hex'), expected.toString('base64url')].includes(mac('manifest v7')));
        assert.notEqual(mac('manifest v7'), (old[c.mac] as (s: string) => string)('manifest v7'));
        // What the message says: records sealed with the old key need migrating.
        assert.throws(() => open((old[c.seal] as (s: string) => string)('old record')));
      });
    });
  }
});
