import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Exclusion } from './corpus-install';

export type SourceType = 'module' | 'commonjs';

/** One file of the corpus, read once into memory so disk I/O never lands inside a timed run. */
export interface CorpusFile {
  /** Absolute path (what ESLint sees as the filename). */
  path: string;
  /** The package it was published in. */
  pkg: string;
  text: string;
  bytes: number;
  lines: number;
  language: 'js' | 'ts';
  /** From the extension and the nearest package.json `type`; may be corrected by a trial parse later. */
  sourceType: SourceType;
}

export type SkipReason = 'declaration' | 'minified' | 'too-large' | 'unparseable' | 'excluded' | 'over-budget';

export interface SkippedFile {
  path: string;
  pkg: string;
  bytes: number;
  reason: SkipReason;
  detail?: string;
}

export interface CollectLimits {
  /** Minified files above this size are skipped (machine output, not code anyone writes or reviews). */
  maxMinifiedBytes: number;
  /** Anything above this is skipped whatever it looks like. */
  maxBytes: number;
  /**
   * Source bytes linted per package at most, so no single package dominates the ratio
   * (webpack alone would be over half the corpus). Over it, a fixed pseudo-random
   * sample (ordered by a hash of the path) is kept.
   */
  maxBytesPerPackage: number;
}

export const DEFAULT_LIMITS: CollectLimits = {
  maxMinifiedBytes: 32 * 1024,
  maxBytes: 2 * 1024 * 1024,
  maxBytesPerPackage: 2 * 1024 * 1024,
};

const JS_EXT = new Set(['.js', '.cjs', '.mjs', '.jsx']);
const TS_EXT = new Set(['.ts', '.cts', '.mts', '.tsx']);
const DECLARATION = /\.d\.[cm]?ts$/;

export interface CollectResult {
  files: CorpusFile[];
  skipped: SkippedFile[];
}

/**
 * Walks each package's own directory (never its nested node_modules: those are
 * other packages, pinned by nobody) and reads its JS/TS sources.
 */
export function collectCorpusFiles(
  nodeModulesDir: string,
  packageNames: string[],
  limits = DEFAULT_LIMITS,
  exclusions: Exclusion[] = [],
): CollectResult {
  const result: CollectResult = { files: [], skipped: [] };
  const typeCache = new Map<string, SourceType>();
  for (const pkg of [...packageNames].sort()) {
    const root = path.join(nodeModulesDir, pkg);
    if (!fs.existsSync(root)) throw new Error(`corpus: package ${pkg} is not installed under ${nodeModulesDir}`);
    const excluded = exclusions
      .filter((e) => e.package === pkg)
      .flatMap((e) => e.paths.map((glob) => ({ re: globToRegExp(glob), why: e.why })));
    const kept: CorpusFile[] = [];
    for (const file of walk(root)) {
      const relative = path.relative(root, file).split(path.sep).join('/');
      const exclusion = excluded.find((e) => e.re.test(relative));
      if (exclusion) {
        result.skipped.push({ path: file, pkg, bytes: fs.statSync(file).size, reason: 'excluded', detail: exclusion.why });
        continue;
      }
      const entry = classify(file, pkg, root, limits, typeCache);
      if ('reason' in entry) result.skipped.push(entry);
      else kept.push(entry);
    }
    const budgeted = applyBudget(kept, root, limits.maxBytesPerPackage);
    result.files.push(...budgeted.files);
    result.skipped.push(...budgeted.skipped);
  }
  return result;
}

function applyBudget(files: CorpusFile[], pkgRoot: string, budget: number): CollectResult {
  const total = files.reduce((n, f) => n + f.bytes, 0);
  if (total <= budget) return { files, skipped: [] };
  const key = (f: CorpusFile) => createHash('sha1').update(path.relative(pkgRoot, f.path).split(path.sep).join('/')).digest('hex');
  const order = [...files].sort((a, b) => key(a).localeCompare(key(b)));
  const chosen = new Set<CorpusFile>();
  let used = 0;
  for (const f of order) {
    if (used + f.bytes > budget) continue;
    chosen.add(f);
    used += f.bytes;
  }
  return {
    files: files.filter((f) => chosen.has(f)),
    skipped: files
      .filter((f) => !chosen.has(f))
      .map((f) => ({ path: f.path, pkg: f.pkg, bytes: f.bytes, reason: 'over-budget' as const })),
  };
}

/** `**` spans directories, `*` stays within one; everything else is literal. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
    } else if (c === '*') re += '[^/]*';
    else re += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function* walk(dir: string): Generator<string> {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules') continue;
      yield* walk(full);
    } else if (entry.isFile()) {
      const ext = path.extname(entry.name);
      if (JS_EXT.has(ext) || TS_EXT.has(ext)) yield full;
    }
  }
}

function classify(
  file: string,
  pkg: string,
  pkgRoot: string,
  limits: CollectLimits,
  typeCache: Map<string, SourceType>,
): CorpusFile | SkippedFile {
  const bytes = fs.statSync(file).size;
  if (DECLARATION.test(file)) return { path: file, pkg, bytes, reason: 'declaration' };
  if (bytes > limits.maxBytes) return { path: file, pkg, bytes, reason: 'too-large' };
  const text = fs.readFileSync(file, 'utf8');
  const lines = countLines(text);
  if (bytes > limits.maxMinifiedBytes && looksMinified(file, text, lines)) {
    return { path: file, pkg, bytes, reason: 'minified' };
  }
  const ext = path.extname(file);
  const language = TS_EXT.has(ext) ? 'ts' : 'js';
  return { path: file, pkg, text, bytes, lines, language, sourceType: sourceTypeFor(file, pkgRoot, typeCache) };
}

export function countLines(text: string): number {
  if (text.length === 0) return 0;
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return text.endsWith('\n') ? lines - 1 : lines;
}

/** `.min.` in the name, or lines far longer than anyone types (bundlers join whole modules onto one line). */
export function looksMinified(file: string, text: string, lines: number): boolean {
  if (/\.min\.[cm]?js$/.test(file)) return true;
  const averageLineLength = text.length / Math.max(lines, 1);
  return averageLineLength > 250;
}

/**
 * `.mjs`/`.mts` are modules, `.cjs`/`.cts` CommonJS; `.js` follows the nearest
 * package.json `type` (dual packages put `{"type":"module"}` in `dist/esm/`).
 */
export function sourceTypeFor(file: string, pkgRoot: string, cache: Map<string, SourceType>): SourceType {
  const ext = path.extname(file);
  if (ext === '.mjs' || ext === '.mts') return 'module';
  if (ext === '.cjs' || ext === '.cts') return 'commonjs';
  if (ext === '.ts' || ext === '.tsx') return 'module';
  return packageTypeOf(path.dirname(file), pkgRoot, cache);
}

function packageTypeOf(dir: string, pkgRoot: string, cache: Map<string, SourceType>): SourceType {
  const cached = cache.get(dir);
  if (cached) return cached;
  let type: SourceType | undefined;
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { type?: unknown };
    type = pkg.type === 'module' ? 'module' : 'commonjs';
  } catch {
    // no (readable) package.json here: ask the parent, up to the package root
  }
  if (!type) {
    const parent = path.dirname(dir);
    type = dir === pkgRoot || parent === dir ? 'commonjs' : packageTypeOf(parent, pkgRoot, cache);
  }
  cache.set(dir, type);
  return type;
}
