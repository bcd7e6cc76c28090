import * as assert from 'node:assert/strict';
import type { Linter, Rule } from 'eslint';
import { normalizesOnce } from '../../src/server/lint/config-array';
import { LinterHost } from '../../src/server/lint/linter-host';
import { DEFAULT_SETTINGS } from '../../src/server/settings';
import { HARDCODED_KEY_SOURCE } from './fixtures-text';

/** A probe plugin, in the test only: one rule that throws, one that records the settings it is given. */
function probePlugin(seen: unknown[]): Linter.Config {
  const throws: Rule.RuleModule = {
    meta: { type: 'problem', schema: [] },
    create: () => ({
      Program() {
        throw new Error('probe rule failure');
      },
    }),
  };
  const records: Rule.RuleModule = {
    meta: { type: 'problem', schema: [] },
    create: (context) => {
      seen.push(context.settings.keywarden);
      return {};
    },
  };
  return {
    plugins: { probe: { rules: { throws, records } } },
    rules: { 'probe/throws': 'error', 'probe/records': 'error' },
  };
}

describe('LinterHost', () => {
  it('skips a rule that throws, logs it once, and keeps the other rules\' findings', () => {
    const logs: string[] = [];
    const seen: unknown[] = [];
    const host = new LinterHost((m) => logs.push(m), () => [probePlugin(seen)]);
    const request = { text: HARDCODED_KEY_SOURCE, fileName: '/project/src/a.ts', settings: DEFAULT_SETTINGS };
    const first = host.lint(request);
    const second = host.lint(request);
    for (const outcome of [first, second]) {
      assert.deepEqual(outcome.failedRules, ['probe/throws']);
      assert.deepEqual(outcome.messages.map((m) => m.ruleId), ['keywarden/no-hardcoded-key']);
    }
    assert.equal(logs.length, 1);
    assert.match(logs[0], /probe\/throws failed and was skipped: probe rule failure/);
    assert.ok(!logs[0].includes('9c4e2a7f'), 'the log must not quote the source');
  });

  it('passes the policy to rules as settings.keywarden.policy', () => {
    const seen: unknown[] = [];
    const host = new LinterHost(() => undefined, () => [probePlugin(seen)]);
    const policy = { purposes: { billing: ['encryption'] } };
    host.lint({ text: 'export {};', fileName: '/p/a.js', settings: DEFAULT_SETTINGS, policy });
    assert.ok(seen.length >= 1);
    for (const settings of seen) assert.deepEqual(settings, { policy });
  });

  it('takes severities from the policy file, and the keywarden.rules setting over them', () => {
    const host = new LinterHost(() => undefined);
    const text = "import { createHash } from 'node:crypto';\nexport const hashPassword = (password: string) => createHash('md5').update(password).digest('hex');\n";
    const severity = (policy: object | undefined, rules: Record<string, 'off' | 'warn' | 'error'> = {}) =>
      host
        .lint({ text, fileName: '/p/a.ts', settings: { ...DEFAULT_SETTINGS, rules }, policy })
        .messages.filter((m) => m.ruleId === 'keywarden/no-weak-algorithm')
        .map((m) => m.severity);
    assert.deepEqual(severity(undefined), [2], 'recommended: error');
    assert.deepEqual(severity({ rules: { 'no-weak-algorithm': 'warn' } }), [1]);
    assert.deepEqual(severity({ rules: { 'keywarden/no-weak-algorithm': 'off' } }), []);
    assert.deepEqual(severity({ rules: { 'no-weak-algorithm': 'off' } }, { 'keywarden/no-weak-algorithm': 'warn' }), [1], 'the setting wins');
    assert.deepEqual(severity({ rules: { 'no-weak-algorithm': 'loud', 'no-such-rule': 'warn' } }), [2], 'invalid entries are ignored');
  });

  it('lints files anywhere on disk and untitled-style names, JSX in .js, CommonJS in .cjs', () => {
    const host = new LinterHost(() => undefined);
    const jsx = host.lint({ text: 'export const App = () => <div key="x" />;', fileName: '/elsewhere/app.js', settings: DEFAULT_SETTINGS });
    assert.deepEqual(jsx.messages, []);
    const cjs = host.lint({ text: 'return; module.exports = 1;', fileName: '/elsewhere/a.cjs', settings: DEFAULT_SETTINGS });
    assert.deepEqual(cjs.messages, [], 'top-level return is valid CommonJS');
    const ts = host.lint({ text: HARDCODED_KEY_SOURCE, fileName: '/tmp/untitled.ts', settings: DEFAULT_SETTINGS });
    assert.equal(ts.messages.length, 1);
  });

  it('ignores other tools\' inline configuration and reports only keywarden rules', () => {
    const host = new LinterHost(() => undefined);
    const text = '/* eslint no-console: "error" */\n// eslint-disable-next-line react/no-danger\nconsole.log(1);\n';
    assert.deepEqual(host.lint({ text, fileName: '/p/a.js', settings: DEFAULT_SETTINGS }).messages, []);
  });

  it('normalizes its config once per settings and policy, not on every lint', () => {
    assert.ok(normalizesOnce, "ESLint's FlatConfigArray could not be loaded");
    // A normalized config array caches the merged config, so rules see the very same settings object.
    const seen: unknown[] = [];
    const records: Rule.RuleModule = {
      meta: { type: 'problem', schema: [] },
      create: (context) => {
        seen.push(context.settings);
        return {};
      },
    };
    const host = new LinterHost(() => undefined, () => [{ plugins: { probe: { rules: { records } } }, rules: { 'probe/records': 'error' } }]);
    const lint = (fileName: string, policy?: object) => host.lint({ text: 'export const a = 1;', fileName, settings: DEFAULT_SETTINGS, policy });
    lint('/p/a.js');
    lint('/p/a.js');
    lint('/p/b.js');
    lint('/p/a.js', { version: 1 });
    assert.equal(seen.length, 4);
    assert.equal(seen[1], seen[0], 'the same file again: the merged config was not rebuilt');
    assert.equal(seen[2], seen[0], 'another file matching the same config objects: the same merged config');
    assert.notEqual(seen[3], seen[0], 'another policy is another config');
    assert.deepEqual((seen[3] as { keywarden: unknown }).keywarden, { policy: { version: 1 } });
  });

  it('honours an eslint-disable comment with a reason for a keywarden rule', () => {
    const host = new LinterHost(() => undefined);
    const text = HARDCODED_KEY_SOURCE.replace(
      "const ENCRYPTION_KEY",
      '// eslint-disable-next-line keywarden/no-hardcoded-key -- test vector\nconst ENCRYPTION_KEY',
    );
    assert.deepEqual(host.lint({ text, fileName: '/p/a.ts', settings: DEFAULT_SETTINGS }).messages, []);
  });
});
