import * as os from 'node:os';
import * as path from 'node:path';
import type { CorpusFile, SkippedFile } from './corpus-files';
import type { BenchmarkResult, Crash, Finding, RuleTimes, ToolResult } from './measure';

export interface CorpusSummary {
  packages: Record<string, string>;
  cacheDir: string;
  /** Paths are shown relative to this (the corpus's node_modules). */
  root: string;
  files: CorpusFile[];
  skipped: SkippedFile[];
  switchedSourceType: number;
}

export interface ReportInput {
  corpus: CorpusSummary;
  result: BenchmarkResult;
  keywarden: { from: string; version: string; config: string; rules: string[] };
  /** The tool whose overhead the target is about. */
  targetTool: string;
  targetOverhead: number;
  normalizedConfigs: boolean;
  gcBetweenRuns: boolean;
  ruleTimes?: RuleTimes;
}

const pct = (ratio: number) => `${ratio >= 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(1)}%`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');

export function corpusStats(files: CorpusFile[]) {
  let lines = 0;
  let bytes = 0;
  let ts = 0;
  for (const f of files) {
    lines += f.lines;
    bytes += f.bytes;
    if (f.language === 'ts') ts++;
  }
  return { files: files.length, lines, bytes, tsFiles: ts, jsFiles: files.length - ts };
}

/** Where a tool's verdict against the target stands; the same logic feeds the text and the JSON. */
/** Judged on the median CPU-time ratio (see LintRun.cpuMs); wall-time figures are given for reference. */
export function targetVerdict(input: ReportInput) {
  const tool = input.result.tools.find((t) => t.id === input.targetTool);
  if (!tool) return null;
  const overheadMedian = tool.cpu.ratioMedian - 1;
  return {
    tool: tool.label,
    target: input.targetOverhead,
    overheadMedian,
    overheadMin: tool.cpu.ratioMin - 1,
    overheadWallMedian: tool.wall.ratioMedian - 1,
    pass: overheadMedian <= input.targetOverhead,
  };
}

export function formatReport(input: ReportInput): string {
  const { corpus, result } = input;
  const out: string[] = [];
  const stats = corpusStats(corpus.files);
  const nodeModules = corpus.root;
  out.push('keywarden bench: real-world corpus');
  out.push(`corpus: ${Object.keys(corpus.packages).length} pinned packages, cache ${corpus.cacheDir}`);
  out.push(`files linted: ${stats.files} (${stats.jsFiles} JS, ${stats.tsFiles} TS), lines: ${stats.lines}, ${(stats.bytes / 1048576).toFixed(1)} MiB`);
  out.push(`skipped: ${formatSkipCounts(corpus.skipped)}; source type switched after a trial parse: ${corpus.switchedSourceType}`);
  out.push(
    `machine: ${os.cpus().length} cores, loadavg (1/5/15 min) at start ${load(result.loadavgStart)}, at end ${load(result.loadavgEnd)}` +
      (result.loadavgStart[0] > os.cpus().length * 0.5 ? '  ← busy machine: read ratios with care' : ''),
  );
  out.push(
    `keywarden ${input.keywarden.version} from ${input.keywarden.from}, ${input.keywarden.config}: ` +
      (input.keywarden.rules.length ? input.keywarden.rules.join(', ') : 'no rules yet'),
  );
  out.push(
    `method: ${result.rounds} measured rounds after a warm-up, tools alternate each round; ratios from this process's CPU time; ` +
      `config normalized ${input.normalizedConfigs ? 'once per tool' : 'per file (fallback: ESLint internals not found)'}; ` +
      `GC between runs: ${input.gcBetweenRuns ? 'yes' : 'no (run with node --expose-gc)'}`,
  );
  out.push('');
  out.push(formatTimingTable(result.tools));
  const verdict = targetVerdict(input);
  if (verdict) {
    out.push('');
    out.push(
      `target: ${verdict.tool} adds ≤ ${(input.targetOverhead * 100).toFixed(0)}% to the baseline: ` +
        `${verdict.pass ? 'MET' : 'MISSED'} (CPU ${pct(1 + verdict.overheadMedian)} median, ${pct(1 + verdict.overheadMin)} min; ` +
        `wall ${pct(1 + verdict.overheadWallMedian)} median)`,
    );
  }
  out.push('');
  out.push('findings per rule (round 1):');
  for (const tool of result.tools.slice(1)) {
    const entries = Object.entries(tool.findingsByRule).sort(([, a], [, b]) => b - a);
    const total = entries.reduce((n, [, c]) => n + c, 0);
    out.push(`  ${tool.label}: ${total}`);
    for (const [rule, count] of entries) out.push(`    ${String(count).padStart(6)}  ${rule}`);
    if (tool.unstableFindings.length) out.push(`    ! counts differed between rounds for: ${tool.unstableFindings.join(', ')}`);
  }
  const keywarden = result.tools.find((t) => t.id === 'keywarden');
  if (keywarden && keywarden.findings.length) {
    out.push('');
    out.push('keywarden findings per package:');
    for (const [pkg, count] of countBy(keywarden.findings, (f) => f.pkg)) {
      out.push(`  ${String(count).padStart(6)}  ${pkg}`);
    }
  }
  if (input.ruleTimes) {
    out.push('');
    out.push(formatRuleTimes(input.ruleTimes, result.tools[0].cpu.medianMs));
  }
  const parseIssues = result.tools.flatMap((t) => t.fatalParseErrors.map((e) => `${t.id}: ${rel(e.file, nodeModules)} ${e.message}`));
  const others = result.tools.flatMap((t) => t.otherMessages.map((e) => `${t.id}: ${rel(e.file, nodeModules)} ${e.message}`));
  if (parseIssues.length || others.length) {
    out.push('');
    out.push(`anomalies (parse errors in measured runs: ${parseIssues.length}, other ESLint notices: ${others.length}):`);
    for (const line of [...parseIssues, ...others].slice(0, 20)) out.push(`  ${line}`);
  }
  out.push('');
  out.push(formatCrashes(result.tools, nodeModules));
  return out.join('\n');
}

function formatSkipCounts(skipped: SkippedFile[]): string {
  const counts = countBy(skipped, (s) => s.reason);
  if (counts.length === 0) return 'none';
  return counts.map(([reason, n]) => `${n} ${reason}`).join(', ');
}

function formatTimingTable(tools: ToolResult[]): string {
  const header = ['tool', 'cpu median', 'cpu min', 'wall median', 'ratio', 'overhead', 'ratio(min)', 'wall ratio', 'findings', 'crashes'];
  const rows = tools.map((t, i) => [
    t.label,
    secs(t.cpu.medianMs),
    secs(t.cpu.minMs),
    secs(t.wall.medianMs),
    t.cpu.ratioMedian.toFixed(3),
    i === 0 ? '—' : pct(t.cpu.ratioMedian),
    t.cpu.ratioMin.toFixed(3),
    t.wall.ratioMedian.toFixed(3),
    i === 0 ? '—' : String(Object.values(t.findingsByRule).reduce((a, b) => a + b, 0)),
    String(t.crashes.length),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

function formatRuleTimes(times: RuleTimes, baselineMs: number): string {
  const out = [`time per rule (keywarden, one profiled pass with ESLint stats, wall clock; parse ${secs(times.parseMs)}):`];
  const entries = Object.entries(times.rulesMs).sort(([, a], [, b]) => b - a);
  for (const [rule, ms] of entries) {
    out.push(`  ${ms.toFixed(0).padStart(8)} ms  ${((ms / baselineMs) * 100).toFixed(1).padStart(5)}% of baseline  ${rule}`);
  }
  return out.join('\n');
}

const MAX_FILES_PER_CRASH = 5;

export function formatCrashes(tools: ToolResult[], nodeModules: string): string {
  const crashes: Crash[] = tools.flatMap((t) => t.crashes);
  if (crashes.length === 0) return 'crashes: none';
  const out = [`crashes: ${crashes.length}`];
  // One bug usually crashes many files the same way: print each (tool, rule, message) once,
  // with the files it hit and the stack of the first.
  const groups = new Map<string, Crash[]>();
  for (const c of crashes) {
    const key = `${c.tool}\0${c.ruleId}\0${c.message}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const group of groups.values()) {
    const [first] = group;
    if (groups.size > 1 || group.length > 1) {
      out.push(`  [${first.tool}] rule ${first.ruleId ?? '(none)'}: ${first.message} (${group.length} file${group.length > 1 ? 's' : ''})`);
    }
    for (const c of group.slice(0, MAX_FILES_PER_CRASH)) {
      out.push(`  [${c.tool}] ${rel(c.file, nodeModules)}${c.line ? `:${c.line}` : ''}  rule ${c.ruleId ?? '(none)'}`);
    }
    if (group.length > MAX_FILES_PER_CRASH) out.push(`  … and ${group.length - MAX_FILES_PER_CRASH} more files (all in --json)`);
    out.push(...first.stack.split('\n').map((l) => `      ${l}`));
  }
  return out.join('\n');
}

export function formatFindings(findings: Finding[], nodeModules: string): string {
  return findings.map((f) => `${rel(f.file, nodeModules)}:${f.line}:${f.column}  ${f.ruleId}  ${f.message}`).join('\n');
}

export function toJson(input: ReportInput) {
  const nodeModules = input.corpus.root;
  return {
    corpus: {
      packages: input.corpus.packages,
      cacheDir: input.corpus.cacheDir,
      ...corpusStats(input.corpus.files),
      filesPerPackage: Object.fromEntries(countBy(input.corpus.files, (f) => f.pkg)),
      skipped: input.corpus.skipped.map((s) => ({ ...s, path: rel(s.path, nodeModules) })),
      switchedSourceType: input.corpus.switchedSourceType,
    },
    machine: { cpus: os.cpus().length, loadavgStart: input.result.loadavgStart, loadavgEnd: input.result.loadavgEnd },
    method: { rounds: input.result.rounds, normalizedConfigs: input.normalizedConfigs, gcBetweenRuns: input.gcBetweenRuns },
    keywarden: input.keywarden,
    target: targetVerdict(input),
    tools: input.result.tools.map((t) => ({
      id: t.id,
      label: t.label,
      cpuMs: t.runs.map((r) => r.cpuMs),
      wallMs: t.runs.map((r) => r.ms),
      loadavgPerRun: t.runs.map((r) => r.loadavg),
      cpu: t.cpu,
      wall: t.wall,
      findingsByRule: t.findingsByRule,
      unstableFindings: t.unstableFindings,
      // Only keywarden's findings are listed whole: no-secrets and others quote the strings they flag.
      findings: t.findings.map((f) => ({ ...f, file: rel(f.file, nodeModules) })),
      crashes: t.crashes.map((c) => ({ ...c, file: rel(c.file, nodeModules) })),
      fatalParseErrors: t.fatalParseErrors.map((e) => ({ ...e, file: rel(e.file, nodeModules) })),
      otherMessages: t.otherMessages.map((e) => ({ ...e, file: rel(e.file, nodeModules) })),
    })),
    ruleTimes: input.ruleTimes,
  };
}

function rel(file: string, nodeModules: string): string {
  const relative = path.relative(nodeModules, file);
  return relative.startsWith('..') ? file : relative;
}

function countBy<T>(items: T[], key: (item: T) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
}
