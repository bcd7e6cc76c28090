import { strict as assert } from 'node:assert';
import { applySuggestion, findings, load, programs, tempDir, withEnv, writeCheckedOutput } from './fix-harness';

/** How a program of `test/fixtures/fixes/random-iv/` is driven (its sidecar). */
interface RandomIvCase {
  encrypt: string;
  decrypt: string;
  /** Environment the program needs to load (its key comes from there). */
  env?: Record<string, string>;
  /** A structured input, for programs that encrypt objects. */
  input?: unknown;
}

const RULE = 'keywarden/no-static-iv';
const INPUTS = ['hello', 'Grüße, 世界 🔐', '', 'x'.repeat(1024 * 1024), '\u0000\u0001binary\u00ff'];

describe('fix: static IV → fresh random IV stored with the ciphertext', function () {
  this.timeout(120_000);
  const { dir, cleanup } = tempDir('random-iv');
  after(cleanup);

  for (const program of programs<RandomIvCase>('random-iv')) {
    const c = program.sidecar;
    it(`${program.file}: round-trips, never repeats a ciphertext, and the finding is gone`, async () => {
      const applied = applySuggestion(program.source, program.path, RULE, 'storeRandomIv');
      assert.ok(applied, 'the storeRandomIv suggestion is offered');
      assert.match(applied.message, /re-encrypt/, 'the message says what happens to old records');
      assert.deepEqual(findings(applied.output, program.path, RULE), [], 're-linting finds no static IV');
      const file = await writeCheckedOutput(dir, program.file, applied.output);
      await withEnv(c.env ?? {}, async () => {
        const api = await load(file);
        const encrypt = api[c.encrypt] as (input: unknown) => unknown;
        const decrypt = api[c.decrypt] as (sealed: unknown) => unknown;
        for (const input of c.input === undefined ? INPUTS : [c.input]) {
          const first = await encrypt(input);
          const second = await encrypt(input);
          assert.notDeepEqual(first, second, 'equal plaintexts give different ciphertexts');
          assert.deepEqual(await decrypt(first), input);
          assert.deepEqual(await decrypt(second), input);
        }
      });
    });
  }
});
