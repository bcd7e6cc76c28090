import { strict as assert } from 'node:assert';
import { applySuggestion, findings, load, programs, tempDir, withEnv, writeCheckedOutput, writeProgram } from './fix-harness';

/** How a program of `test/fixtures/fixes/env-key/` is driven (its sidecar). */
interface EnvKeyCase {
  envVar: string;
  /** The hardcoded key, exactly as written: what the operator puts in the variable. */
  value: string;
  /** Exported function that produces something with the key (old program) … */
  write: string;
  /** … and the one that reads it back (new program), proving the key is the same. */
  read: string;
  input: unknown;
  /** What `read` returns for `write(input)`; the input itself when absent. */
  expect?: unknown;
  /** The key is written more than once: apply the fix to each occurrence. */
  applyAll?: boolean;
}

const RULE = 'keywarden/no-hardcoded-key';

describe('fix: hardcoded key → required environment variable', function () {
  this.timeout(120_000);
  const { dir, cleanup } = tempDir('env-key');
  after(cleanup);

  for (const program of programs<EnvKeyCase>('env-key')) {
    const c = program.sidecar;
    it(`${program.file}: reads ${c.envVar}, fails loudly without it, keeps the same key`, async () => {
      let output = program.source;
      let message = '';
      for (let round = 0; round < (c.applyAll ? 5 : 1); round++) {
        const applied = applySuggestion(output, program.path, RULE, 'readFromEnvironment');
        if (!applied) break;
        output = applied.output;
        message = applied.message;
      }
      assert.notEqual(output, program.source, 'the suggestion is offered');
      assert.match(message, new RegExp(`environment variable ${c.envVar}\\b`));
      assert.ok(!output.includes(c.value), 'the key is gone from the source');
      assert.deepEqual(findings(output, program.path, RULE), [], 're-linting finds no hardcoded key');

      const oldApi = await load(writeProgram(dir, program.file, program.source));
      const produced = await oldApi[c.write](c.input as never);
      const file = await writeCheckedOutput(dir, program.file, output);

      await withEnv({ [c.envVar]: undefined }, async () => {
        await assert.rejects(async () => load(writeProgram(dir, program.file, output)), new RegExp(`${c.envVar} is not set`));
      });
      await withEnv({ [c.envVar]: c.value }, async () => {
        const api = await load(file);
        assert.deepEqual(await api[c.read](produced as never), c.expect ?? c.input, 'reads what the old program wrote: same key');
        assert.deepEqual(await api[c.read]((await api[c.write](c.input as never)) as never), c.expect ?? c.input);
      });
      // Another value (same format) does not read it: the key really comes from the variable.
      const other = (c.value[0] === 'a' ? 'b' : 'a') + c.value.slice(1);
      await withEnv({ [c.envVar]: other }, async () => {
        const api = await load(writeProgram(dir, program.file, output));
        let result: unknown;
        try {
          result = await api[c.read](produced as never);
        } catch {
          result = 'refused';
        }
        assert.notDeepEqual(result, c.expect ?? c.input);
      });
    });
  }
});
