import type { TSESLint } from '@typescript-eslint/utils';
import * as tsParser from '@typescript-eslint/parser';
import { readOwnPackageJson } from '../src/util/package-info';
import type { KeywardenDocs } from '../src/util/create-rule';
import kmsRequireEncryptionContext from './kms-require-encryption-context';
import noHardcodedKey from './no-hardcoded-key';
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
  'kms-require-encryption-context': kmsRequireEncryptionContext,
  'no-hardcoded-key': noHardcodedKey,
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

const plugin = {
  meta: { name: pkg.name, version: pkg.version },
  rules,
  configs: {} as Record<ConfigName, TSESLint.FlatConfig.ConfigArray>,
};

/**
 * Each config is an array (spread it, or put it in as one element: ESLint
 * flattens nested arrays): one object that enables the rules on JS and TS
 * files, one that parses TypeScript with @typescript-eslint/parser.
 */
function buildConfig(config: ConfigName): TSESLint.FlatConfig.ConfigArray {
  return [
    {
      name: `keywarden/${config}`,
      files: [...JS_FILES, ...TS_FILES],
      plugins: { keywarden: plugin as unknown as TSESLint.FlatConfig.Plugin },
      rules: ruleEntries(config),
    },
    {
      name: `keywarden/${config}/typescript`,
      files: TS_FILES,
      languageOptions: { parser: tsParser as TSESLint.FlatConfig.Parser },
    },
  ];
}

plugin.configs.recommended = buildConfig('recommended');
plugin.configs.strict = buildConfig('strict');
plugin.configs.all = buildConfig('all');

export = plugin;
