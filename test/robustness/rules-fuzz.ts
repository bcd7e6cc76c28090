/**
 * Rule fuzzer: lints mutated variants of the labelled corpus with every rule
 * and reports any rule that throws (a throw aborts ESLint's whole run on the
 * file, so one crash hides every finding of every rule there) and any variant
 * whose lint is suspiciously slow (a resolution loop or an exponential walk).
 *
 *   npx tsx test/robustness/rules-fuzz.ts [--variants N] [--seed S] [--filter text] [--slow-ms MS] [--typed]
 *
 * `npm test` runs a bounded, fixed-seed pass (rules-fuzz.test.ts); this command
 * runs as many variants as you like and prints each crash with the seed and
 * mutations that replay it. TypeScript files are linted without type
 * information unless `--typed` is given (the corpus tsconfig's program, with
 * the variant's text in place of the file: slower, but it reaches the
 * cross-file paths: imported constants, callers in other files).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Linter } from 'eslint';
import { CORPUS_ROOT, corpusLinter, languageOptionsFor, listCorpusFiles, SOURCE_EXTENSIONS } from '../corpus/corpus-lib';
import { configRules, type ScorablePlugin } from '../corpus/scoring';
import keywarden = require('../../rules');
import { mutateOnce, parseForMutation, randomSource, type Mutation } from './mutate';

export interface FuzzProblem {
  file: string;
  /** Seed of the variant: `fuzzVariant(file, source, seed)` rebuilds it. */
  seed: number;
  mutations: string[];
  config: 'recommended' | 'strict';
  kind: 'crash' | 'slow';
  rule?: string;
  message: string;
  ms: number;
}

export interface FuzzStats {
  variants: number;
  /** Variants that parsed and were linted. */
  linted: number;
  /** Variants discarded because a mutation made them unparseable. */
  unparseable: number;
  problems: FuzzProblem[];
  slowestMs: number;
}

/**
 * A variant of `source`: one to three mutations, each applied to the parse of
 * the previous result. A mutation whose result does not parse is tried again
 * (up to four times) with the next random choice, so most variants are valid.
 */
export function fuzzVariant(relPath: string, source: string, seed: number): { source: string; mutations: Mutation[] } | null {
  const random = randomSource(seed);
  const jsx = /\.[jt]sx$/.test(relPath);
  const count = 1 + Math.floor(random() * 3);
  let parsed = parseForMutation(source, jsx);
  if (!parsed) return null;
  const mutations: Mutation[] = [];
  for (let i = 0; i < count; i++) {
    for (let attempt = 0; attempt < 4; attempt++) {
      const next = mutateOnce(parsed, random);
      const reparsed = next && parseForMutation(next.source, jsx);
      if (!next || !reparsed) continue;
      parsed = reparsed;
      mutations.push(next.mutation);
      break;
    }
  }
  return mutations.length ? { source: parsed.source, mutations } : null;
}

function verify(linter: Linter, relPath: string, source: string, plugin: ScorablePlugin, rules: Record<string, Linter.RuleEntry>, typed: boolean): Linter.LintMessage[] {
  const { parserOptions, ...languageOptions } = languageOptionsFor(relPath, source);
  const { project: _project, tsconfigRootDir: _root, ...untyped } = (parserOptions ?? {}) as Record<string, unknown>;
  return linter.verify(
    source,
    [{ files: SOURCE_EXTENSIONS.map((ext) => `**/*${ext}`), plugins: { keywarden: plugin as never }, languageOptions: { ...languageOptions, parserOptions: typed ? parserOptions : untyped }, rules }],
    { filename: path.join(CORPUS_ROOT, relPath) },
  );
}

/** Lints one variant; on a throw, every rule alone, to name the one that threw. */
function lintVariant(linter: Linter, relPath: string, source: string, plugin: ScorablePlugin, config: 'recommended' | 'strict', typed: boolean): { parsed: boolean; ms: number; crashes: { rule: string; message: string }[] } {
  const rules = configRules(plugin, config);
  const started = performance.now();
  try {
    const messages = verify(linter, relPath, source, plugin, rules, typed);
    return { parsed: !messages.some((m) => m.fatal), ms: performance.now() - started, crashes: [] };
  } catch {
    // fall through: isolate the rule that threw
  }
  const crashes: { rule: string; message: string }[] = [];
  for (const [id, entry] of Object.entries(rules)) {
    try {
      verify(linter, relPath, source, plugin, { [id]: entry }, typed);
    } catch (error) {
      const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
      // the first line and the first frames in keywarden's code say where it threw
      const frames = stack.split('\n').filter((line) => /\/(src|rules)\//.test(line) && !line.includes('node_modules')).slice(0, 3);
      crashes.push({ rule: id, message: [stack.split('\n')[0], ...frames.map((f) => f.trim())].join(' | ') });
    }
  }
  return { parsed: true, ms: performance.now() - started, crashes };
}

export interface FuzzOptions {
  plugin: ScorablePlugin;
  files?: string[];
  variantsPerFile: number;
  seed: number;
  slowMs?: number;
  /** Lint TypeScript with type information from the corpus tsconfig (cross-file paths; much slower). */
  typed?: boolean;
  onProblem?: (problem: FuzzProblem) => void;
}

export function fuzzCorpus(options: FuzzOptions): FuzzStats {
  const linter = corpusLinter();
  const stats: FuzzStats = { variants: 0, linted: 0, unparseable: 0, problems: [], slowestMs: 0 };
  const files = options.files ?? listCorpusFiles();
  files.forEach((relPath, fileIndex) => {
    const original = fs.readFileSync(path.join(CORPUS_ROOT, relPath), 'utf8');
    for (let v = 0; v < options.variantsPerFile; v++) {
      const seed = options.seed + fileIndex * 7919 + v * 104729;
      const variant = fuzzVariant(relPath, original, seed);
      stats.variants++;
      if (!variant) {
        stats.unparseable++;
        continue;
      }
      const config = (fileIndex + v) % 2 === 0 ? 'recommended' : 'strict';
      const result = lintVariant(linter, relPath, variant.source, options.plugin, config, options.typed ?? false);
      if (!result.parsed) {
        stats.unparseable++;
        continue;
      }
      stats.linted++;
      stats.slowestMs = Math.max(stats.slowestMs, result.ms);
      const mutations = variant.mutations.map((m) => m.name);
      const report = (problem: FuzzProblem) => {
        stats.problems.push(problem);
        options.onProblem?.(problem);
      };
      for (const crash of result.crashes) report({ file: relPath, seed, mutations, config, kind: 'crash', rule: crash.rule, message: crash.message, ms: result.ms });
      if (options.slowMs !== undefined && result.ms > options.slowMs) report({ file: relPath, seed, mutations, config, kind: 'slow', message: `${result.ms.toFixed(0)} ms`, ms: result.ms });
    }
  });
  return stats;
}

function main(): void {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const plugin = keywarden as unknown as ScorablePlugin;
  const filter = option('filter');
  const files = listCorpusFiles().filter((f) => !filter || f.includes(filter));
  const started = performance.now();
  const stats = fuzzCorpus({
    plugin,
    files,
    variantsPerFile: Number(option('variants') ?? 4),
    seed: Number(option('seed') ?? 1),
    slowMs: Number(option('slow-ms') ?? 2000),
    typed: args.includes('--typed'),
    onProblem: (p) => console.log(`${p.kind.toUpperCase()} ${p.rule ?? ''} ${p.file} seed=${p.seed} ${p.config} [${p.mutations.join('; ')}]\n    ${p.message}`),
  });
  console.log(
    `${files.length} files, ${stats.variants} variants: ${stats.linted} linted, ${stats.unparseable} unparseable; ` +
      `${stats.problems.filter((p) => p.kind === 'crash').length} crashes, ${stats.problems.filter((p) => p.kind === 'slow').length} slow; ` +
      `slowest ${stats.slowestMs.toFixed(0)} ms; ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  if (stats.problems.some((p) => p.kind === 'crash')) process.exitCode = 1;
}

if (require.main === module) main();
