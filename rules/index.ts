import type { TSESLint } from '@typescript-eslint/utils';
import { keywardenParser } from '../src/util/parser';
import { readOwnPackageJson } from '../src/util/package-info';
import type { KeywardenDocs } from '../src/util/create-rule';
import minKeyStrength from './min-key-strength';
import noHardcodedKey from './no-hardcoded-key';
import noInsecureRandomness from './no-insecure-randomness';
import noStaticIv from './no-static-iv';
import noWeakAlgorithm from './no-weak-algorithm';
import kmsRequireEncryptionContext from './kms-require-encryption-context';
import noKeyReuseAcrossPurposes from './no-key-reuse-across-purposes';
import noPlaintextDataKeyExposure from './no-plaintext-data-key-exposure';
import preferEnvelopeEncryption from './prefer-envelope-encryption';
import requireKeyZeroization from './require-key-zeroization';

/**
 * The explicit rule map: one import per rule file, file name = rule name.
 * A meta-test checks that every file in rules/ is listed here, has a doc and a test.
 */
type KeywardenRule = TSESLint.RuleModule<string, readonly unknown[], KeywardenDocs>;

const rules: Record<string, KeywardenRule> = {
  'min-key-strength': minKeyStrength,
  'no-hardcoded-key': noHardcodedKey,
  'no-insecure-randomness': noInsecureRandomness,
  'no-static-iv': noStaticIv,
  'no-weak-algorithm': noWeakAlgorithm,
  'kms-require-encryption-context': kmsRequireEncryptionContext,
  'no-key-reuse-across-purposes': noKeyReuseAcrossPurposes,
  'no-plaintext-data-key-exposure': noPlaintextDataKeyExposure,
  'prefer-envelope-encryption': preferEnvelopeEncryption,
  'require-key-zeroization': requireKeyZeroization,
};
type ConfigName = 'recommended' | 'strict' | 'all';

const JS_FILES = ['**/*.js', '**/*.cjs', '**/*.mjs', '**/*.jsx'];
const TS_FILES = ['**/*.ts', '**/*.cts', '**/*.mts', '**/*.tsx'];

/** Rule entries for a config, derived from each rule's `meta.docs` (never hand-maintained). */
function ruleEntries(config: ConfigName): Record<string, TSESLint.Linter.RuleEntry> {
  const entries: Record<string, TSESLint.Linter.RuleEntry> = {};
  for (const [name, rule] of Object.entries(rules)) {
    const docs = rule.meta.docs as KeywardenDocs;
    const inConfig = config === 'all' || docs.recommended === 'recommended' || config === docs.recommended;
    if (!inConfig) continue;
    const strictOptions = config !== 'recommended' ? docs.strictOptions : undefined;
    entries[`keywarden/${name}`] = strictOptions ? ['error', ...strictOptions] : 'error';
  }
  return entries;
}

const pkg = readOwnPackageJson();

type Config = TSESLint.FlatConfig.Config & Iterable<TSESLint.FlatConfig.Config>;

const plugin = {
  meta: { name: pkg.name, version: pkg.version },
  rules,
  configs: {} as Record<ConfigName, Config>,
};

/**
 * Each config is ONE flat-config object (for JS and TS files, with a parser
 * that hands TypeScript to @typescript-eslint/parser and JS to espree), which
 * is also iterable over itself. So both forms work in eslint.config.js:
 * `[...keywarden.configs.recommended]` and `[keywarden.configs.recommended]`
 * (ESLint 10 refuses nested arrays outside `defineConfig`).
 */
function buildConfig(config: ConfigName): Config {
  const object: TSESLint.FlatConfig.Config = {
    name: `keywarden/${config}`,
    files: [...JS_FILES, ...TS_FILES],
    plugins: { keywarden: plugin as unknown as TSESLint.FlatConfig.Plugin },
    languageOptions: { parser: keywardenParser as unknown as TSESLint.FlatConfig.Parser },
    rules: ruleEntries(config),
  };
  Object.defineProperty(object, Symbol.iterator, {
    enumerable: false,
    value: function* () {
      yield object;
    },
  });
  return object as Config;
}

plugin.configs.recommended = buildConfig('recommended');
plugin.configs.strict = buildConfig('strict');
plugin.configs.all = buildConfig('all');

export = plugin;
