import type { Linter } from 'eslint';
import plugin = require('../../../rules');
import { validatePolicy } from '../../policy';
import type { KeywardenSettings } from '../../shared/protocol';

const JS_FILES = ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];

/**
 * The flat config the server lints with: keywarden's shipped config
 * (`recommended` or `strict`, which already parses TypeScript with
 * @typescript-eslint/parser), JSX accepted in JavaScript files, the policy's
 * severities (`rules` in keywarden.policy.json: the repository's choice) and
 * over them the user's (`keywarden.rules`), and the policy itself. Nothing from the workspace's own ESLint
 * setup is loaded: the server never executes workspace code.
 */
export function buildLintConfig(
  settings: KeywardenSettings,
  policy: object | undefined,
  extra: Linter.Config[] = [],
): Linter.Config[] {
  const overrides: Linter.RulesRecord = {};
  const policySeverities = validatePolicy(policy ?? {}, '<policy>').policy.rules;
  for (const [ruleId, severity] of [...Object.entries(policySeverities), ...Object.entries(settings.rules)]) {
    if (ruleId.slice('keywarden/'.length) in plugin.rules) overrides[ruleId] = severity;
  }
  return [
    ...(plugin.configs[settings.config] as unknown as Linter.Config[]),
    { files: JS_FILES, languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
    {
      // Unused `eslint-disable` comments name other tools' rules that are not
      // enabled here; reporting them would be noise.
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      settings: { keywarden: { policy: policy ?? {} } },
      rules: overrides,
    },
    ...extra,
  ];
}

/** Metadata of a keywarden rule by its full id (`keywarden/<name>`), if it exists. */
export function keywardenRule(ruleId: string | null | undefined) {
  if (!ruleId || !ruleId.startsWith('keywarden/')) return undefined;
  return (plugin.rules as Record<string, (typeof plugin.rules)[string] | undefined>)[ruleId.slice('keywarden/'.length)];
}

export function keywardenRuleNames(): string[] {
  return Object.keys(plugin.rules).map((name) => `keywarden/${name}`);
}
