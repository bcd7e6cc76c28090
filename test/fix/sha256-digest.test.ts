import { strict as assert } from 'node:assert';
import { applySuggestion, findings, load, programs, tempDir, writeCheckedOutput, writeProgram } from './fix-harness';

/** How a program of `test/fixtures/fixes/sha256-digest/` is driven (its sidecar). */
interface DigestCase {
  call: string;
  args: unknown[];
  /** The result's field holding the digest. */
  field: string;
  encoding: BufferEncoding;
  /** SHA-256 of the same bytes, computed independently. */
  expected: string;
}

const RULE = 'keywarden/no-weak-algorithm';

describe('fix: weak hash for a fresh digest → SHA-256', function () {
  this.timeout(120_000);
  const { dir, cleanup } = tempDir('sha256-digest');
  after(cleanup);

  for (const program of programs<DigestCase>('sha256-digest')) {
    const c = program.sidecar;
    it(`${program.file}: computes SHA-256 of the same bytes, and says the digest grows`, async () => {
      const applied = applySuggestion(program.source, program.path, RULE, 'useSha256');
      assert.ok(applied, 'the useSha256 suggestion is offered');
      assert.match(applied.message, /32 bytes/, 'the message labels the longer output');
      assert.deepEqual(findings(applied.output, program.path, RULE), [], 're-linting finds no weak hash');
      const old = await load(writeProgram(dir, program.file, program.source));
      const api = await load(await writeCheckedOutput(dir, program.file, applied.output));
      const digest = (api[c.call] as (...args: unknown[]) => Record<string, string>)(...c.args)[c.field];
      const before = (old[c.call] as (...args: unknown[]) => Record<string, string>)(...c.args)[c.field];
      assert.equal(digest, c.expected);
      assert.equal(Buffer.from(digest, c.encoding).length, 32);
      assert.ok(Buffer.from(before, c.encoding).length < 32, 'the old digest was shorter');
    });
  }
});
