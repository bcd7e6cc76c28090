import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import plugin = require('../rules');

const ROOT = path.join(__dirname, '..');
const ruleFiles = fs
  .readdirSync(path.join(ROOT, 'rules'))
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.replace(/\.ts$/, ''));

describe('plugin object', () => {
  it('has meta with the package name and version', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(plugin.meta, { name: 'keywarden', version: pkg.version });
  });

  it('lists every rule file in rules/index.ts, each with a doc page and a test', () => {
    assert.deepEqual(Object.keys(plugin.rules).sort(), [...ruleFiles].sort());
    for (const name of ruleFiles) {
      assert.ok(fs.existsSync(path.join(ROOT, 'docs/rules', `${name}.md`)), `docs/rules/${name}.md`);
      assert.ok(fs.existsSync(path.join(ROOT, 'test/rules', `${name}.test.ts`)), `test/rules/${name}.test.ts`);
      const docs = plugin.rules[name].meta.docs!;
      assert.equal(docs.url, `https://github.com/keywarden/keywarden/blob/main/docs/rules/${name}.md`);
    }
  });

  it('builds recommended ⊆ strict ⊆ all configs from rule metadata', () => {
    const names = (c: 'recommended' | 'strict' | 'all') => Object.keys(plugin.configs[c].rules ?? {});
    for (const r of names('recommended')) assert.ok(names('strict').includes(r), r);
    for (const r of names('strict')) assert.ok(names('all').includes(r), r);
    assert.equal(names('all').length, ruleFiles.length);
  });
});
