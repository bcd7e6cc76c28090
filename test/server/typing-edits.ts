import * as fs from 'node:fs';
import * as path from 'node:path';
import { keywardenParser } from '../../src/util/parser';
import { IncrementalParser } from '../../src/server/lint/incremental-parser';
import { serverParser } from '../../src/server/lint/server-parser';
import { randomSource } from '../robustness/mutate';

/**
 * Edits like those made while typing and pasting, applied one after another to
 * a file, each checked by comparing the incremental parser's tree with a full
 * parse of the same text. Shared by the unit test and `scratch`-style long runs.
 */
const TYPED = [' ', 'a', 'x1', ';', '(', ')', '{', '}', '\n', "'", '"', '`', '/', '*', ',', '.', '<', '>', '=', '\r\n', '\\'];
const SNIPPETS = [
  'const extra = 1;\n',
  '// note\n',
  '/* block */',
  "'use strict';\n",
  '`${value}`',
  'if (ok) {\n',
  '}\n',
  "import { x } from './x';\n",
  'export const y = x;\n',
  'let a = b\n(c)\n',
  'function f() { return 1 }\n',
  'class K { m() {} }\n',
  '<T>(v: T) => v;\n',
  'await run();\n',
  // text that continues the statement before it, or makes the one before or after a different statement
  'else x();\n',
  'else {\n',
  '(c)\n',
  '[1, 2].forEach(g)\n',
  'function g(): void\n',
  'if (ok) x();\n',
  'while (ok) if (x) y();\n',
];

const FIXTURES = path.join(__dirname, '..', 'fixtures');

/** Every JavaScript and TypeScript file below `dir` (declaration files aside), sorted. */
export function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.[cm]?[jt]sx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(full);
    }
  };
  walk(dir);
  return files.sort();
}

/** Every JavaScript and TypeScript file of test/fixtures. */
export function fixtureFiles(): string[] {
  return sourceFiles(FIXTURES);
}

/** The options ESLint's JavaScript language passes a parser (besides `filePath`). */
export function eslintParserOptions(filePath: string): Record<string, unknown> {
  return {
    ecmaVersion: 'latest',
    sourceType: filePath.endsWith('.cjs') ? 'commonjs' : 'module',
    loc: true,
    range: true,
    raw: true,
    tokens: true,
    comment: true,
    eslintVisitorKeys: true,
    eslintScopeManager: true,
    filePath,
  };
}

export interface EditCheck {
  /** Parses compared, and how many of them the incremental parser did partially. */
  compared: number;
  partial: number;
  mismatches: string[];
}

export function randomEdit(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const roll = random();
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  if (roll < 0.1) return text.slice(0, lineStart) + pick(SNIPPETS) + text.slice(lineStart);
  if (roll < 0.2 && /\w/.test(text[at] ?? '')) return text.slice(0, at) + pick(['a', 'Z', '_', '9']) + text.slice(at);
  if (roll < 0.35) return text.slice(0, at) + pick(TYPED) + text.slice(at);
  if (roll < 0.55) return text.slice(0, at) + text.slice(at + 1);
  if (roll < 0.65) return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 60));
  if (roll < 0.8) return text.slice(0, at) + pick(SNIPPETS) + text.slice(at);
  if (roll < 0.9) {
    // Move a line: cut and paste elsewhere.
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const lineEnd = text.indexOf('\n', at);
    const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd + 1);
    const rest = text.slice(0, lineStart) + text.slice(lineStart + line.length);
    const to = Math.floor(random() * (rest.length + 1));
    return rest.slice(0, to) + line + rest.slice(to);
  }
  // Type at the end of a line, where most typing happens.
  const lineEnd = text.indexOf('\n', at);
  const end = lineEnd < 0 ? text.length : lineEnd;
  return text.slice(0, end) + pick(TYPED) + text.slice(end);
}

/** Applies `edits` random edits to `text` in sequence, comparing both parses after each. */
export function checkTypingEdits(text: string, filePath: string, edits: number, seed: number): EditCheck {
  const random = randomSource(seed);
  const incremental = new IncrementalParser(serverParser, { minChars: 0, maxRegionShare: 1 });
  const result: EditCheck = { compared: 0, partial: 0, mismatches: [] };
  let current = text;
  const opts = eslintParserOptions(filePath);
  attempt(() => incremental.parser.parseForESLint(current, opts));
  let lastParsed = current;
  for (let i = 0; i < edits; i++) {
    // Most broken states are short-lived: the typing goes on until the code parses again.
    if (current !== lastParsed && random() < 0.7) current = lastParsed;
    current = randomEdit(current, random);
    const partialBefore = incremental.stats.partial;
    const full = attempt(() => keywardenParser.parseForESLint(current, opts).ast);
    const incr = attempt(() => incremental.parser.parseForESLint(current, opts).ast);
    result.compared++;
    if (full.error === undefined) lastParsed = current;
    const partial = incremental.stats.partial > partialBefore;
    if (partial) result.partial++;
    const difference = full.error !== undefined || incr.error !== undefined
      ? (full.error === undefined) !== (incr.error === undefined) ? `full parse ${full.error ? 'failed' : 'succeeded'}, incremental ${incr.error ? 'failed' : 'succeeded'}` : undefined
      : firstDifference(full.value, incr.value, 'Program');
    if (difference) result.mismatches.push(`${filePath} seed ${seed} edit ${i + 1}${partial ? ' (partial)' : ''}: ${difference}`);
  }
  return result;
}

function attempt<T>(run: () => T): { value?: T; error?: unknown } {
  try {
    return { value: run() };
  } catch (error) {
    return { error };
  }
}

/** The first path where two parse trees differ (`parent` links aside), or undefined. */
export function firstDifference(a: unknown, b: unknown, path: string): string | undefined {
  if (a === b) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    if (typeof a === 'bigint' || typeof b === 'bigint') return String(a) === String(b) ? undefined : `${path}: ${String(a)} ≠ ${String(b)}`;
    return Number.isNaN(a) && Number.isNaN(b) ? undefined : `${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
  }
  if (a instanceof RegExp || b instanceof RegExp) return String(a) === String(b) ? undefined : `${path}: ${String(a)} ≠ ${String(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete('parent');
  for (const key of keys) {
    const difference = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
    if (difference) return difference;
  }
  return undefined;
}
