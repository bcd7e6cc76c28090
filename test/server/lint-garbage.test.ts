import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { Linter } from 'eslint';
import { LintScopedWeakMap, startLint } from '../../src/analysis/lint-scoped';
import { flattenRuleContexts } from '../../src/server/lint/flat-rule-contexts';

const MB = 1024 * 1024;

describe("lint garbage: what a lint leaves to V8's young-generation collector", function () {
  this.timeout(120_000);

  it('keeps about one lint alive through scavenges, not every lint since the last full collection', () => {
    // V8's scavenger keeps whatever an old object reaches. Module-level WeakMaps keyed by a lint's objects, ESLint's
    // per-lint FileContext used as a prototype, and generator functions made inside a rule's `create` each made it keep
    // every lint since the last full collection: 6 to 9 MB after these 30 lints, against about 1 MB now.
    const output = execFileSync(process.execPath, ['--expose-gc', '--max-semi-space-size=64', '--import', 'tsx', path.join(__dirname, 'lint-garbage-child.ts')], { encoding: 'utf8' });
    const { findings, keptBytes } = JSON.parse(output) as { findings: number; keptBytes: number };
    assert.ok(findings > 0, 'the bench file has findings: the rules ran');
    assert.ok(keptBytes < 2.5 * MB, `30 lints left ${(keptBytes / MB).toFixed(2)} MB through two scavenges`);
  });

  it('forgets lint-scoped entries when another Program starts a lint, and keeps them for the same Program', () => {
    const map = new LintScopedWeakMap<object, string>();
    const first = {};
    const key = {};
    startLint(first);
    map.set(key, 'fact');
    startLint(first);
    assert.equal(map.get(key), 'fact');
    assert.equal(map.has(key), true);
    startLint({});
    assert.equal(map.get(key), undefined);
    assert.equal(map.has(key), false);
    assert.equal(map.delete(key), false);
  });

  it("gives rule contexts the FileContext's fields as their own, not through a per-lint prototype", () => {
    assert.equal(flattenRuleContexts(), true);
    let seen: { prototype: unknown; own: string[]; filename: string; hasText: boolean } | undefined;
    const linter = new Linter({ configType: 'flat' });
    const rule = {
      meta: { type: 'problem' as const, schema: [] },
      create(context: { sourceCode: { text: string }; filename: string }) {
        seen = { prototype: Object.getPrototypeOf(context), own: Object.keys(context), filename: context.filename, hasText: context.sourceCode.text === 'let a = 1;' };
        return {};
      },
    };
    linter.verify('let a = 1;', [{ plugins: { t: { rules: { r: rule } } }, rules: { 't/r': 'error' } }] as never, { filename: 'file.js' });
    assert.ok(seen);
    assert.equal(seen.prototype, Object.prototype);
    for (const field of ['cwd', 'filename', 'physicalFilename', 'sourceCode', 'languageOptions', 'settings', 'id', 'options', 'report']) assert.ok(seen.own.includes(field), field);
    assert.equal(seen.filename, 'file.js');
    assert.equal(seen.hasText, true);
  });
});
