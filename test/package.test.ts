import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const ROOT = path.join(__dirname, '..');
const SAMPLE = `import jwt from 'jsonwebtoken';\nexport const t = jwt.sign({ sub: 1 }, 'hardcoded-secret-value');\n`;

/** The package as users get it: built `dist/`, resolved through package.json `exports`. */
describe('published package', () => {
  it('require("keywarden") and import("keywarden") give the same plugin', async () => {
    const required = require('keywarden');
    const imported = (await import('keywarden')).default;
    assert.equal(required.meta.name, 'keywarden');
    assert.deepEqual(Object.keys(imported.rules).sort(), Object.keys(required.rules).sort());
    assert.equal(typeof required.configs.recommended, 'object');
    assert.deepEqual([...required.configs.recommended], [required.configs.recommended], 'a config spreads into itself');
  });

  it('exposes keywarden/kms', () => {
    const kms = require('keywarden/kms');
    assert.equal(typeof kms.createEnvelopeClient, 'function');
    assert.equal(typeof kms.wipe, 'function');
    assert.equal(typeof kms.KeywardenError, 'function');
  });

  for (const [label, build] of [
    ['spread', (k: any) => [...k.configs.recommended]],
    ['one element', (k: any) => [k.configs.recommended]],
  ] as const) {
    it(`configs.recommended works ${label} in a flat config, on JS and TS`, async () => {
      const keywarden = require('keywarden');
      const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: build(keywarden) as never });
      for (const filePath of ['sample.js', 'sample.ts']) {
        const [result] = await eslint.lintText(SAMPLE, { filePath: path.join(ROOT, filePath) });
        assert.deepEqual(
          result.messages.map((m) => m.ruleId),
          ['keywarden/no-hardcoded-key'],
          `${filePath}: ${JSON.stringify(result.messages)}`,
        );
      }
    });
  }

  it('produces SARIF through @microsoft/eslint-formatter-sarif without leaking the secret', async () => {
    const keywarden = require('keywarden');
    const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: keywarden.configs.recommended });
    const results = await eslint.lintText(SAMPLE, { filePath: path.join(ROOT, 'sample.ts') });
    const formatter = await eslint.loadFormatter('@microsoft/eslint-formatter-sarif');
    const sarif = JSON.parse(await formatter.format(results, { cwd: ROOT, rulesMeta: eslint.getRulesMetaForResults(results) } as never));
    const run = sarif.runs[0];
    assert.equal(run.results[0].ruleId, 'keywarden/no-hardcoded-key');
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === 'keywarden/no-hardcoded-key');
    assert.match(rule.helpUri, /docs\/rules\/no-hardcoded-key\.md$/);
    assert.ok(!JSON.stringify(sarif).includes('hardcoded-secret-value'), 'the secret appears in SARIF');
  });
});
