import * as os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Linter } from 'eslint';
import { buildConfigArray } from './config-array';
import type { CorpusFile, SourceType } from './corpus-files';
import { DEFAULT_LANGUAGE, toolConfigs, type BenchTool, type LanguageLayer } from './tools';

/** A tool's config, normalized once per source type (as ESLint's CLI does once per run). */
export interface PreparedTool {
  tool: BenchTool;
  configs: Record<SourceType, ReturnType<typeof buildConfigArray>>;
}

export function prepareTool(tool: BenchTool, corpusRoot: string, language: LanguageLayer = DEFAULT_LANGUAGE): PreparedTool {
  return {
    tool,
    configs: {
      module: buildConfigArray(toolConfigs(tool, 'module', language), corpusRoot),
      commonjs: buildConfigArray(toolConfigs(tool, 'commonjs', language), corpusRoot),
    },
  };
}

export interface Finding {
  file: string;
  pkg: string;
  line: number;
  column: number;
  ruleId: string;
  message: string;
}

/** A rule (or the parser, or ESLint itself) threw while linting one file. */
export interface Crash {
  tool: string;
  file: string;
  ruleId: string | null;
  line: number | null;
  message: string;
  stack: string;
}

export interface LintRun {
  tool: string;
  /** Wall-clock time of the run. */
  ms: number;
  /**
   * CPU time (user + system) this process spent in the run. On a shared machine other
   * processes stretch wall time but not this, so ratios are computed from it first.
   */
  cpuMs: number;
  files: number;
  /** Reports per rule id (any severity); parse errors and ESLint's own notices are counted apart. */
  findingsByRule: Record<string, number>;
  fatalParseErrors: { file: string; message: string }[];
  /** Messages with no rule id that are not parse errors (e.g. "No matching configuration"). */
  otherMessages: { file: string; message: string }[];
  crashes: Crash[];
  findings?: Finding[];
  loadavg: number[];
}

export interface LintOptions {
  collectFindings?: boolean;
}

/**
 * Lints every file once with one tool. Each file is parsed afresh (no AST is shared
 * between runs: a run is a full lint). A throw is caught per file, recorded with its
 * rule and stack, and the run goes on; the time of a crashed file still counts.
 */
export function lintOnce(linter: Linter, prepared: PreparedTool, files: CorpusFile[], options: LintOptions = {}): LintRun {
  const run: LintRun = {
    tool: prepared.tool.id,
    ms: 0,
    cpuMs: 0,
    files: files.length,
    findingsByRule: {},
    fatalParseErrors: [],
    otherMessages: [],
    crashes: [],
    findings: options.collectFindings ? [] : undefined,
    loadavg: os.loadavg(),
  };
  const collected: { file: CorpusFile; messages: Linter.LintMessage[] }[] = [];
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for (const file of files) {
    try {
      // allowInlineConfig: false — the corpus's own `eslint-disable`/`/* eslint rule: … */`
      // comments are for its authors' configs, not ours; honouring them would make runs differ.
      const messages = linter.verify(file.text, prepared.configs[file.sourceType] as Linter.Config[], {
        filename: file.path,
        allowInlineConfig: false,
      });
      collected.push({ file, messages });
    } catch (error) {
      run.crashes.push(toCrash(prepared.tool.id, file.path, error));
    }
  }
  run.ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  run.cpuMs = (cpu.user + cpu.system) / 1000;
  // Tallying happens outside the timed loop so it costs every tool nothing.
  for (const { file, messages } of collected) tally(run, file, messages);
  return run;
}

function tally(run: LintRun, file: CorpusFile, messages: Linter.LintMessage[]): void {
  for (const message of messages) {
    if (message.fatal) {
      run.fatalParseErrors.push({ file: file.path, message: `${message.line}:${message.column} ${message.message}` });
    } else if (!message.ruleId) {
      run.otherMessages.push({ file: file.path, message: message.message });
    } else {
      run.findingsByRule[message.ruleId] = (run.findingsByRule[message.ruleId] ?? 0) + 1;
      if (run.findings) {
        run.findings.push({
          file: file.path,
          pkg: file.pkg,
          line: message.line,
          column: message.column,
          ruleId: message.ruleId,
          message: message.message,
        });
      }
    }
  }
}

/** ESLint appends "Occurred while linting <file>:<line>" and sets `ruleId` on errors thrown by rules. */
export function toCrash(tool: string, file: string, error: unknown): Crash {
  const err = error instanceof Error ? error : new Error(String(error));
  const tagged = (err as Error & { ruleId?: unknown }).ruleId;
  const ruleId = typeof tagged === 'string' ? tagged : null;
  const lineMatch = /Occurred while linting .*:(\d+)/.exec(err.message);
  const firstLine = err.message.split('\n')[0];
  return {
    tool,
    file,
    ruleId,
    line: lineMatch ? Number(lineMatch[1]) : null,
    message: firstLine,
    stack: (err.stack ?? firstLine).split('\n').slice(0, 12).join('\n'),
  };
}

export interface BenchmarkOptions {
  /** Parser settings shared by every tool (default: ESLint's own). */
  language?: LanguageLayer;
  /** Measured rounds; each round lints the corpus once with every tool, in order. */
  rounds: number;
  /**
   * One unmeasured run per tool first, so JIT and lazy requires do not land in round 1.
   * A fraction of the files (every n-th) is enough for that and saves a full pass per tool.
   */
  warmup: boolean;
  warmupFraction?: number;
  /** Called before each run (e.g. a forced GC) so garbage from one tool is not collected on another's clock. */
  beforeRun?: () => void;
  /**
   * Each round is cut into this many slices of the corpus, and every tool lints a slice
   * before the next slice starts (A B C A B C … at a granularity of seconds, not minutes),
   * so bursts of load from other processes fall on every tool alike. Default 1.
   */
  chunks?: number;
  /** Called with each tool's whole-round result (its slices added up), and once per tool after the warm-up. */
  onRun?: (run: LintRun, round: number | 'warmup') => void;
  onChunk?: (tool: string, round: number, chunk: number) => void;
  /** Tools whose every finding is kept (from round 1); the others' are only counted. */
  collectFindingsFor?: string[];
}

/** Median and min of one metric, and their ratios to the baseline's: 1.10 means 10% added. */
export interface TimeSummary {
  medianMs: number;
  minMs: number;
  ratioMedian: number;
  ratioMin: number;
}

export interface ToolResult {
  id: string;
  label: string;
  runs: LintRun[];
  cpu: TimeSummary;
  wall: TimeSummary;
  /** From the first measured round (every round must agree, see `unstableFindings`). */
  findingsByRule: Record<string, number>;
  findings: Finding[];
  /** Rule ids whose counts differed between rounds: a sign of state kept across files or runs. */
  unstableFindings: string[];
  crashes: Crash[];
  fatalParseErrors: LintRun['fatalParseErrors'];
  otherMessages: LintRun['otherMessages'];
}

export interface BenchmarkResult {
  tools: ToolResult[];
  loadavgStart: number[];
  loadavgEnd: number[];
  rounds: number;
}

/**
 * The first tool is the baseline. Runs alternate (A B C A B C …) in one process, so
 * drift in machine load lands on every tool alike; medians and minima are reported.
 */
export function runBenchmark(tools: BenchTool[], files: CorpusFile[], corpusRoot: string, options: BenchmarkOptions): BenchmarkResult {
  if (tools.length === 0) throw new Error('runBenchmark: no tools');
  if (options.rounds < 1) throw new Error('runBenchmark: rounds must be ≥ 1');
  const linter = new Linter({ configType: 'flat', cwd: corpusRoot });
  const prepared = tools.map((tool) => prepareTool(tool, corpusRoot, options.language));
  const loadavgStart = os.loadavg();
  if (options.warmup) {
    const step = Math.max(1, Math.round(1 / (options.warmupFraction ?? 1)));
    const warmupFiles = files.filter((_, i) => i % step === 0);
    for (const p of prepared) {
      options.beforeRun?.();
      options.onRun?.(lintOnce(linter, p, warmupFiles), 'warmup');
    }
  }
  const runs = new Map<string, LintRun[]>(tools.map((t) => [t.id, []]));
  const chunks = splitIntoChunks(files, options.chunks ?? 1);
  for (let round = 1; round <= options.rounds; round++) {
    const parts = new Map<string, LintRun[]>(tools.map((t) => [t.id, []]));
    chunks.forEach((chunk, c) => {
      // Rotate who goes first, so no tool always runs right after another's garbage.
      const shift = (c + round - 1) % prepared.length;
      for (const p of [...prepared.slice(shift), ...prepared.slice(0, shift)]) {
        options.beforeRun?.();
        const collectFindings = round === 1 && (options.collectFindingsFor ?? []).includes(p.tool.id);
        parts.get(p.tool.id)!.push(lintOnce(linter, p, chunk, { collectFindings }));
        options.onChunk?.(p.tool.id, round, c);
      }
    });
    for (const p of prepared) {
      const run = mergeRuns(parts.get(p.tool.id)!);
      runs.get(p.tool.id)!.push(run);
      options.onRun?.(run, round);
    }
  }
  const baselineRuns = runs.get(tools[0].id)!;
  return {
    rounds: options.rounds,
    loadavgStart,
    loadavgEnd: os.loadavg(),
    tools: tools.map((tool) => summarize(tool, runs.get(tool.id)!, baselineRuns)),
  };
}

export function splitIntoChunks<T>(items: T[], count: number): T[][] {
  const n = Math.max(1, Math.min(Math.floor(count), items.length || 1));
  const size = Math.ceil(items.length / n);
  const chunks: T[][] = [];
  for (let i = 0; i < n; i++) chunks.push(items.slice(i * size, (i + 1) * size));
  return chunks.filter((c, i) => c.length > 0 || i === 0);
}

/** A round's result for one tool: its slices added up. */
function mergeRuns(parts: LintRun[]): LintRun {
  const merged: LintRun = { ...parts[0], ms: 0, cpuMs: 0, files: 0, findingsByRule: {}, fatalParseErrors: [], otherMessages: [], crashes: [] };
  merged.findings = parts[0].findings ? [] : undefined;
  for (const part of parts) {
    merged.ms += part.ms;
    merged.cpuMs += part.cpuMs;
    merged.files += part.files;
    for (const [rule, n] of Object.entries(part.findingsByRule)) merged.findingsByRule[rule] = (merged.findingsByRule[rule] ?? 0) + n;
    merged.fatalParseErrors.push(...part.fatalParseErrors);
    merged.otherMessages.push(...part.otherMessages);
    merged.crashes.push(...part.crashes);
    if (merged.findings && part.findings) merged.findings.push(...part.findings);
  }
  return merged;
}

function timeSummary(times: number[], baseline: number[]): TimeSummary {
  const medianMs = median(times);
  const minMs = Math.min(...times);
  return { medianMs, minMs, ratioMedian: medianMs / median(baseline), ratioMin: minMs / Math.min(...baseline) };
}

function summarize(tool: BenchTool, runs: LintRun[], baselineRuns: LintRun[]): ToolResult {
  const first = runs[0];
  const unstable = new Set<string>();
  for (const run of runs.slice(1)) {
    const ids = new Set([...Object.keys(first.findingsByRule), ...Object.keys(run.findingsByRule)]);
    for (const id of ids) if (first.findingsByRule[id] !== run.findingsByRule[id]) unstable.add(id);
  }
  // A crash that only some rounds hit is still a crash: keep each (file, rule) once.
  const crashes = new Map<string, Crash>();
  for (const run of runs) for (const c of run.crashes) crashes.set(`${c.file}\0${c.ruleId}\0${c.message}`, c);
  return {
    id: tool.id,
    label: tool.label,
    runs,
    cpu: timeSummary(runs.map((r) => r.cpuMs), baselineRuns.map((r) => r.cpuMs)),
    wall: timeSummary(runs.map((r) => r.ms), baselineRuns.map((r) => r.ms)),
    findingsByRule: first.findingsByRule,
    findings: first.findings ?? [],
    unstableFindings: [...unstable].sort(),
    crashes: [...crashes.values()],
    fatalParseErrors: first.fatalParseErrors,
    otherMessages: first.otherMessages,
  };
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface RuleTimes {
  parseMs: number;
  rulesMs: Record<string, number>;
}

/**
 * One extra, unmeasured pass with ESLint's `stats` option: where a tool's time goes,
 * per rule (parse time is shared by every tool). Kept out of the timed rounds because
 * the per-listener timers add overhead of their own.
 */
export function profileRules(prepared: PreparedTool, files: CorpusFile[], corpusRoot: string): RuleTimes {
  const linter = new Linter({ configType: 'flat', cwd: corpusRoot });
  const result: RuleTimes = { parseMs: 0, rulesMs: {} };
  for (const file of files) {
    try {
      // ESLint collects `stats` only through verifyAndFix (it resets the timers per file);
      // fix: false keeps it to one pass.
      const options = { filename: file.path, allowInlineConfig: false, stats: true, fix: false } as Linter.FixOptions;
      linter.verifyAndFix(file.text, prepared.configs[file.sourceType] as Linter.Config[], options);
    } catch {
      continue; // crashes are reported by the measured rounds
    }
    const passes = (linter.getTimes()?.passes ?? []) as {
      parse?: { total: number };
      rules?: Record<string, { total: number }>;
    }[];
    for (const pass of passes) {
      result.parseMs += pass.parse?.total ?? 0;
      for (const [ruleId, time] of Object.entries(pass.rules ?? {})) {
        result.rulesMs[ruleId] = (result.rulesMs[ruleId] ?? 0) + time.total;
      }
    }
  }
  return result;
}
