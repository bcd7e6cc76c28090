/**
 * Shared by the corpus scorer (score.ts) and the corpus structural tests:
 * where the corpus lives, the rule contract (ids, configs, categories), how
 * markers are read, and how one file is linted the way a user would lint it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';

export const CORPUS_ROOT = path.join(__dirname, '..', 'fixtures', 'corpus');
export const CORPUS_TSCONFIG = path.join(CORPUS_ROOT, 'tsconfig.json');

export type Category = 'hardcoded-key' | 'weak-crypto' | 'zeroization' | 'key-purpose' | 'kms';
export const CATEGORIES: readonly Category[] = ['hardcoded-key', 'weak-crypto', 'zeroization', 'key-purpose', 'kms'];

/** The rule contract from the conventions: id (without `keywarden/`), smallest config, category. */
export const RULES: Readonly<Record<string, { config: 'recommended' | 'strict'; category: Category }>> = {
  'no-hardcoded-key': { config: 'recommended', category: 'hardcoded-key' },
  'no-weak-algorithm': { config: 'recommended', category: 'weak-crypto' },
  'min-key-strength': { config: 'recommended', category: 'weak-crypto' },
  'no-static-iv': { config: 'recommended', category: 'weak-crypto' },
  'no-insecure-randomness': { config: 'recommended', category: 'weak-crypto' },
  'require-key-zeroization': { config: 'recommended', category: 'zeroization' },
  'no-key-reuse-across-purposes': { config: 'recommended', category: 'key-purpose' },
  'kms-require-encryption-context': { config: 'strict', category: 'kms' },
  'no-plaintext-data-key-exposure': { config: 'recommended', category: 'kms' },
  'prefer-envelope-encryption': { config: 'recommended', category: 'kms' },
};

export const SOURCE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx'];

/** Every corpus source file, as paths relative to the corpus root, sorted. */
export function listCorpusFiles(root = CORPUS_ROOT): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (SOURCE_EXTENSIONS.includes(path.extname(entry.name))) out.push(path.relative(root, full));
    }
  };
  if (fs.existsSync(root)) walk(root);
  return out.sort();
}

/** The category folder a corpus file lives in (its first path segment). */
export function folderCategory(relPath: string): Category | undefined {
  const first = relPath.split(/[\\/]/)[0];
  return (CATEGORIES as readonly string[]).includes(first) ? (first as Category) : undefined;
}

/** Files under any `strict/` folder are linted with the strict config. */
export function isStrictFile(relPath: string): boolean {
  return relPath.split(/[\\/]/).slice(0, -1).includes('strict');
}

export interface Marker {
  line: number;
  rule: string;
}

// `// expect: a, b` or `/* expect: a */` (the block form serves JSX children).
const MARKER = /(?:\/\/|\/\*|\{\/\*)\s*expect:\s*([^*\n]*?)\s*(?:\*\/\}?\s*)?$/;

/**
 * Markers of one file: one entry per rule id per line (a rule id repeated on a
 * line means that many findings are expected there). Unparseable marker text
 * is returned as a rule id as-is so the structural test can reject it.
 */
export function parseMarkers(source: string): Marker[] {
  const markers: Marker[] = [];
  source.split(/\r?\n/).forEach((text, index) => {
    const match = MARKER.exec(text);
    if (!match) return;
    for (const raw of match[1].split(',')) {
      const rule = raw.trim().replace(/^keywarden\//, '');
      markers.push({ line: index + 1, rule });
    }
  });
  return markers;
}

const NODE_GLOBALS: Linter.Globals = Object.fromEntries(
  [
    'process', 'Buffer', 'console', 'globalThis', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval',
    'setImmediate', 'TextEncoder', 'TextDecoder', 'URL', 'URLSearchParams', 'fetch', 'Response', 'Request',
    'Headers', 'crypto', 'structuredClone', 'AbortController', 'atob', 'btoa', 'queueMicrotask',
    'window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'self',
    'describe', 'it', 'before', 'after', 'beforeEach', 'afterEach', 'expect', 'test', 'jest',
  ].map((g) => [g, 'readonly' as const]),
);
const CJS_GLOBALS: Linter.Globals = { require: 'readonly', module: 'writable', exports: 'writable', __dirname: 'readonly', __filename: 'readonly' };

const HAS_ESM_SYNTAX = /^\s*(?:import\s[^(]|import\{|export\s)/m;

/**
 * Language options for a file as a typical Node project configures them:
 * `.cjs` and `.js` without import/export are CommonJS (Node's own rule for
 * packages without "type": "module"); TypeScript gets type information from
 * the corpus tsconfig so cross-file constants can be resolved.
 */
export function languageOptionsFor(relPath: string, source: string): Linter.LanguageOptions {
  const ext = path.extname(relPath);
  const isTs = ['.ts', '.mts', '.cts', '.tsx'].includes(ext);
  if (isTs) {
    return {
      ecmaVersion: 'latest',
      sourceType: ext === '.cts' ? 'commonjs' : 'module',
      globals: { ...NODE_GLOBALS, ...CJS_GLOBALS },
      parser: tsParser as unknown as Linter.Parser,
      parserOptions: { project: CORPUS_TSCONFIG, tsconfigRootDir: CORPUS_ROOT },
    };
  }
  const commonjs = ext === '.cjs' || (ext === '.js' && !HAS_ESM_SYNTAX.test(source));
  return {
    ecmaVersion: 'latest',
    sourceType: commonjs ? 'commonjs' : 'module',
    globals: commonjs ? { ...NODE_GLOBALS, ...CJS_GLOBALS } : NODE_GLOBALS,
    parserOptions: { ecmaFeatures: { jsx: ext === '.jsx' } },
  };
}

export interface Finding {
  rule: string;
  line: number;
  column: number;
  message: string;
}

export interface LintResult {
  findings: Finding[];
  parseError?: { line: number; message: string };
  /** Rules that threw on this file, with the exception message. */
  crashes: { rule: string; message: string }[];
}

type RuleEntries = Record<string, Linter.RuleEntry>;

function verify(linter: Linter, absPath: string, source: string, langOpts: Linter.LanguageOptions, plugin: unknown, rules: RuleEntries): Linter.LintMessage[] {
  const config: Linter.Config[] = [
    {
      files: SOURCE_EXTENSIONS.map((ext) => `**/*${ext}`),
      plugins: { keywarden: plugin as never },
      languageOptions: langOpts,
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      rules,
    },
  ];
  return linter.verify(source, config, { filename: absPath });
}

/**
 * Lints one file with the given keywarden rule entries. A rule that throws
 * aborts ESLint's whole run on the file, so on a crash every rule is re-run
 * alone: the crash is pinned on the rule that threw and the other rules'
 * findings still count.
 */
/** A Linter whose base path is the corpus root (flat config ignores files outside it). */
export function corpusLinter(root = CORPUS_ROOT): Linter {
  return new Linter({ configType: 'flat', cwd: root });
}

export function lintFile(linter: Linter, absPath: string, relPath: string, plugin: unknown, rules: RuleEntries): LintResult {
  const source = fs.readFileSync(absPath, 'utf8');
  const langOpts = languageOptionsFor(relPath, source);
  const toResult = (messages: Linter.LintMessage[], result: LintResult): void => {
    for (const m of messages) {
      if (m.fatal || m.ruleId === null) {
        // fatal = parse error; a null rule id is ESLint itself (e.g. the file matched no config)
        result.parseError ??= { line: m.line, message: m.message };
      } else if (m.ruleId?.startsWith('keywarden/')) {
        result.findings.push({ rule: m.ruleId.slice('keywarden/'.length), line: m.line, column: m.column, message: m.message });
      }
    }
  };
  const result: LintResult = { findings: [], crashes: [] };
  try {
    toResult(verify(linter, absPath, source, langOpts, plugin, rules), result);
    return result;
  } catch {
    // fall through: isolate the rule that threw
  }
  for (const [id, entry] of Object.entries(rules)) {
    try {
      toResult(verify(linter, absPath, source, langOpts, plugin, { [id]: entry }), result);
    } catch (err) {
      const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
      result.crashes.push({ rule: id.replace(/^keywarden\//, ''), message });
    }
  }
  return result;
}

/** Parses a file with no rules enabled; returns the parse error, if any. */
export function parseErrorOf(linter: Linter, absPath: string, relPath: string): string | undefined {
  const source = fs.readFileSync(absPath, 'utf8');
  const messages = verify(linter, absPath, source, languageOptionsFor(relPath, source), {}, {});
  const fatal = messages.find((m) => m.fatal || m.ruleId === null);
  return fatal ? `${relPath}:${fatal.line}: ${fatal.message}` : undefined;
}
