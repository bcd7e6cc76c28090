import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ESLint, Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import type { SourceType } from './corpus-files';

/**
 * One configuration to time: everything it adds on top of the baseline. Every
 * tool is linted with the baseline's parser settings and its `no-debugger`, so
 * each ratio reads "what this plugin adds to a lint that already traverses".
 */
export interface BenchTool {
  id: string;
  label: string;
  configs: Linter.Config[];
}

export const JS_FILES = ['**/*.js', '**/*.cjs', '**/*.mjs', '**/*.jsx'];
export const TS_FILES = ['**/*.ts', '**/*.cts', '**/*.mts', '**/*.tsx'];

/**
 * The parser settings every tool is linted with. By default ESLint's own (espree for JS,
 * @typescript-eslint/parser for TS); the CLI passes keywarden's (see `languageOf`), so
 * the baseline parses exactly as keywarden does and the ratio is the rules' cost alone.
 */
export type LanguageLayer = Linter.Config[];

export const DEFAULT_LANGUAGE: LanguageLayer = [
  { name: 'bench/language-ts', files: TS_FILES, languageOptions: { parser: tsParser as Linter.Parser } },
];

/** The `languageOptions` of a plugin config (with the files they apply to), nothing else. */
export function languageOf(configs: Linter.Config[]): LanguageLayer {
  return configs
    .filter((c) => c.languageOptions)
    .map((c, i) => ({
      name: `bench/language-from-${c.name ?? i}`,
      ...(c.files ? { files: c.files } : {}),
      ...(c.ignores ? { ignores: c.ignores } : {}),
      languageOptions: c.languageOptions,
    }));
}

function languageConfigs(sourceType: SourceType, language: LanguageLayer): Linter.Config[] {
  return [
    { name: 'bench/language', files: [...JS_FILES, ...TS_FILES], languageOptions: { ecmaVersion: 'latest', sourceType } },
    ...language,
  ];
}

/**
 * `no-debugger` is the cheapest core rule; with no rule enabled ESLint skips its
 * traversal entirely, and that traversal (paid by any real config) is not ours to save.
 */
export const BASELINE_RULES: Linter.RulesRecord = { 'no-debugger': 'error' };

/** The language layer goes first and again last, so no plugin config can change how files parse. */
export function toolConfigs(tool: BenchTool, sourceType: SourceType, language: LanguageLayer = DEFAULT_LANGUAGE): Linter.Config[] {
  return [
    ...languageConfigs(sourceType, language),
    { name: 'bench/baseline', files: [...JS_FILES, ...TS_FILES], rules: BASELINE_RULES },
    ...tool.configs,
    ...languageConfigs(sourceType, language),
  ];
}

export const baselineTool: BenchTool = { id: 'baseline', label: 'ESLint no-debugger (baseline)', configs: [] };

/** The plugin object keywarden publishes (`import keywarden from 'keywarden'`). */
export interface KeywardenPlugin {
  meta: { name: string; version: string };
  rules: Record<string, unknown>;
  configs: Record<'recommended' | 'strict' | 'all', Linter.Config[]>;
}

export const REPO_ROOT = path.resolve(__dirname, '..');

/**
 * `dist` is what users install (compiled JS, what ESLint loads in a real project);
 * `source` runs the TypeScript through tsx, handy while editing rules.
 */
export function loadKeywarden(from: 'dist' | 'source'): KeywardenPlugin {
  const entry = from === 'dist' ? path.join(REPO_ROOT, 'dist', 'rules', 'index.js') : path.join(REPO_ROOT, 'rules', 'index.ts');
  if (!fs.existsSync(entry)) {
    throw new Error(`${path.relative(REPO_ROOT, entry)} not found${from === 'dist' ? ' (run `npm run build` first)' : ''}`);
  }
  return loadPluginEntry(entry);
}

/** Any build of the plugin, by its entry file (e.g. another checkout's dist/rules/index.js). */
export function loadPluginEntry(entry: string): KeywardenPlugin {
  const mod = require(path.resolve(entry)) as KeywardenPlugin & { default?: KeywardenPlugin };
  const plugin = mod.configs ? mod : mod.default;
  if (!plugin?.configs?.recommended) throw new Error(`${entry} does not export a plugin with configs.recommended`);
  return plugin;
}

export function keywardenTool(plugin: KeywardenPlugin, config: 'recommended' | 'strict' | 'all' = 'recommended'): BenchTool {
  // Spread: configs may be one object that is also iterable over itself, or an array.
  return { id: 'keywarden', label: `keywarden ${config}`, configs: [...plugin.configs[config]] };
}

/** The crypto and secret rules of sonarjs: the part of it that overlaps keywarden's scope. */
export const SONARJS_CRYPTO_RULES = [
  'hashing',
  'no-weak-cipher',
  'encryption-secure-mode',
  'no-weak-keys',
  'insecure-jwt-token',
  'pseudo-random',
  'weak-ssl',
  'unverified-certificate',
  'unverified-hostname',
  'no-hardcoded-passwords',
  'no-hardcoded-secrets',
  'hardcoded-secret-signatures',
];

interface PluginModule {
  rules: Record<string, unknown>;
  configs?: Record<string, Linter.Config | Linter.Config[]>;
}

function loadPlugin(name: string): PluginModule {
  const mod = require(name) as PluginModule & { default?: PluginModule };
  return mod.rules ? mod : (mod.default as PluginModule);
}

/** The comparison plugins (devDependencies, pinned), by id. */
export const comparisonTools: Record<string, () => BenchTool> = {
  'sonarjs-crypto': () => {
    const sonarjs = loadPlugin('eslint-plugin-sonarjs');
    const rules: Linter.RulesRecord = {};
    for (const rule of SONARJS_CRYPTO_RULES) {
      if (!(rule in sonarjs.rules)) throw new Error(`eslint-plugin-sonarjs has no rule ${rule}`);
      rules[`sonarjs/${rule}`] = 'error';
    }
    return {
      id: 'sonarjs-crypto',
      label: `sonarjs (${SONARJS_CRYPTO_RULES.length} crypto/secret rules)`,
      configs: [{ plugins: { sonarjs: sonarjs as ESLint.Plugin }, rules }],
    };
  },
  'sonarjs-recommended': () => {
    const sonarjs = loadPlugin('eslint-plugin-sonarjs');
    const recommended = sonarjs.configs?.recommended as Linter.Config;
    return { id: 'sonarjs-recommended', label: 'sonarjs recommended', configs: [recommended] };
  },
  'node-security': () => {
    const nodeSecurity = loadPlugin('eslint-plugin-node-security');
    const recommended = nodeSecurity.configs?.recommended;
    const configs = Array.isArray(recommended) ? recommended : [recommended as Linter.Config];
    return { id: 'node-security', label: 'node-security recommended', configs };
  },
  'no-secrets': () => {
    const noSecrets = loadPlugin('eslint-plugin-no-secrets');
    return {
      id: 'no-secrets',
      label: 'no-secrets/no-secrets',
      configs: [{ plugins: { 'no-secrets': noSecrets as ESLint.Plugin }, rules: { 'no-secrets/no-secrets': 'error' } }],
    };
  },
};

export const DEFAULT_COMPARISONS = ['sonarjs-crypto', 'node-security', 'no-secrets'];
