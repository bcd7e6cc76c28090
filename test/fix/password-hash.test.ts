import { strict as assert } from 'node:assert';
import { applySuggestion, findings, load, programs, tempDir, writeCheckedOutput, writeProgram } from './fix-harness';

/** How a program of `test/fixtures/fixes/password-hash/` is driven (its sidecar). */
interface PasswordCase {
  /** The exported hashing function (old and new). */
  hash: string;
  /** The exported verify function of the rewritten program. */
  verify: string;
}

type Verify = (password: string, stored: string, onUpgrade?: (hash: string) => void) => boolean;
const RULE = 'keywarden/no-weak-algorithm';
const PASSWORD = 'correct horse battery staple 🐎';

describe('fix: fast password hash → scrypt, old hashes verified and upgraded', function () {
  this.timeout(120_000);
  const { dir, cleanup } = tempDir('password-hash');
  after(cleanup);

  for (const program of programs<PasswordCase>('password-hash')) {
    const c = program.sidecar;
    it(`${program.file}: new hashes are scrypt, old ones still verify once and get upgraded`, async () => {
      const applied = applySuggestion(program.source, program.path, RULE, 'upgradePasswordHash');
      assert.ok(applied, 'the upgradePasswordHash suggestion is offered');
      assert.match(applied.message, new RegExp(`\`${c.verify}\`.*onUpgrade`));
      assert.deepEqual(findings(applied.output, program.path, RULE), [], 're-linting finds no weak hash (the legacy check is marked as such)');
      assert.deepEqual(findings(applied.output, program.path, 'keywarden/min-key-strength'), [], 'scrypt at OWASP cost');

      const oldApi = await load(writeProgram(dir, program.file, program.source));
      const oldHash = (oldApi[c.hash] as (p: string) => string)(PASSWORD);
      const api = await load(await writeCheckedOutput(dir, program.file, applied.output));
      const verify = api[c.verify] as Verify;
      const hash = api[c.hash] as (p: string) => string;

      // An old hash: a wrong password fails without upgrading; the right one passes and is upgraded.
      const upgrades: string[] = [];
      assert.equal(verify('wrong password', oldHash, (h) => upgrades.push(h)), false);
      assert.equal(upgrades.length, 0);
      assert.equal(verify(PASSWORD, oldHash, (h) => upgrades.push(h)), true);
      assert.equal(upgrades.length, 1);
      const upgraded = upgrades[0];
      assert.match(upgraded, /^scrypt\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
      // A caller that passes no callback still gets the right answer.
      assert.equal(verify(PASSWORD, oldHash), true);

      // New hashes: salted (two hashes of one password differ), checked without any upgrade.
      const fresh = hash(PASSWORD);
      assert.notEqual(fresh, hash(PASSWORD));
      assert.equal(verify(PASSWORD, upgraded, () => assert.fail('a scrypt hash is not upgraded again')), true);
      assert.equal(verify('wrong password', fresh), false);
      // (kept to few scrypt runs: each costs about a second of CPU at N = 2^17)
      assert.equal(verify(PASSWORD, 'scrypt$00$00'), false, 'a malformed stored hash is refused, not a crash');
    });
  }
});
