/**
 * `npm run bench:server`: drives the real language server (the esbuild bundle,
 * as shipped) over LSP on stdio and prints
 *  - p50/p95 latency from a `didChange` to its `publishDiagnostics`, for
 *    generated 100, 2,000 and 10,000-line TypeScript and JavaScript files, next
 *    to "a bare ESLint parse" of the same text in this process: ESLint's
 *    `Linter` with the server's parser and language settings and no rules (the
 *    ratio's baseline), and the parser alone for reference
 *    (@typescript-eslint/parser `parseForESLint` for TS, espree for JS), and
 *    the no-rules floor: the server's own pipeline with every keywarden rule
 *    off, which no faster rule can go below, and a second server with every
 *    rule off given the same edits over LSP (the transport, the hand-off to
 *    the lint worker and the pipeline: the least latency any rule set has). Each
 *    edit types a space or deletes it, so every change really changes the text;
 *  - workspace-scan throughput (files/s) on test/fixtures and, when installed,
 *    the real-world bench corpus (~/.cache/keywarden-bench, see bench/README.md).
 * The server's debounce is set to 0 (initializationOptions.debounceMs), so the
 * latency is the server's own work plus the LSP round trip, not the typing delay.
 * Like any edit to an open document, each change is parsed incrementally by the
 * server (only the top-level statements the edit touched:
 * src/server/lint/incremental-parser.ts); the baselines
 * parse the whole text, as a bare ESLint run does.
 *
 * To tell the server's own overhead from the rules' cost, it also prints the
 * mean CPU time per change of the server process (both threads, from
 * /proc/<pid>/stat) next to the CPU time of ESLint with keywarden's rules run
 * in this process on the same text, and the wall-clock latency minus the
 * worker's own lint time (from `keywarden/status`). CPU time is what a loaded,
 * shared machine distorts least.
 *
 * Before the timed rounds, each file gets untimed warm-up edits (server and
 * baselines alike): a developer types into a server that has been running,
 * and V8 optimizes the rules' functions only once they have run a few
 * hundred times, most of them within some 200 lints of a 100-line file (see
 * WARM_UP_LINES; it goes on compiling less-used ones for about 1,500). The first edits the fresh server saw are printed apart, as
 * the cold start.
 *
 * Options: --rounds N (samples per size, default 30; 10,000 lines use a third),
 *          --warmup N (untimed edits per file; default WARM_UP_LINES / lines, at least 3),
 *          --no-corpus, --packages a,b (corpus subset), --source (run the
 *          TypeScript sources through tsx instead of the bundle),
 *          --cpu-prof DIR (write the server's CPU profiles, main thread and
 *          lint worker, to DIR; with --no-minify the bundle keeps its function names),
 *          --sizes 100,2000 (subset of file sizes).
 */
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseForESLint } from '@typescript-eslint/parser';
import * as espree from 'espree';
import { Linter } from 'eslint';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { normalizedConfigArray } from '../src/server/lint/config-array';
import { buildLintConfig, keywardenRuleNames } from '../src/server/lint/lint-config';
import { LinterHost } from '../src/server/lint/linter-host';
import { DEFAULT_SETTINGS } from '../src/server/settings';
import { ScanWorkspaceRequest, StatusNotification, type ScanResult, type StatusParams } from '../src/shared/protocol';
import { corpusCacheDir, isInstalled, readPackageList } from './corpus-install';
import { serviceSource } from './server-source';
import { mean, percentile } from './stats';

const ROOT = path.join(__dirname, '..');
const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const ROUNDS = Number(option('rounds') ?? 30);
/**
 * Lines linted before a file's timed rounds: about 200 edits of a 100-line file,
 * 10 of a 2,000-line file. Measured with --trace-opt on the 100-line file: the
 * worker still compiled 40 functions per 40 lints after its 100th lint, and its
 * CPU per lint went from 43 ms (first 30 lints, both threads) to 22 ms (after 300).
 * Session 26, in one process: TurboFan compiled 373 ms per 100 lints at lints
 * 200-300 and still 44 ms at 1,400; the server's CPU per change was 11.4 ms after
 * 200 warm-up edits and 7.1 ms after 1,500, its p95 ratio 1.42x after 1,500.
 */
const WARM_UP_LINES = 20000;
const warmUpRounds = (lines: number) => Number(option('warmup') ?? Math.max(3, Math.ceil(WARM_UP_LINES / lines)));
/** The fresh server's first edits, reported as the cold start. */
const COLD_ROUNDS = 30;
const SIZES = option('sizes')?.split(',').map(Number) ?? [100, 2000, 10000];
const CPU_PROF_DIR = option('cpu-prof');
const TARGET_RATIO = 1.3;
const TARGET_MS_AT_2000 = 150;

interface Published {
  /** When the diagnostics arrived. */
  at: number;
  /** keywarden findings in them. */
  findings: number;
  /** The worker's own lint time for this version (from the `keywarden/status` that follows). */
  lintMs: number;
  /** Size of the publishDiagnostics params as JSON (what the client parses and holds per change). */
  bytes: number;
}

interface Server {
  connection: ProtocolConnection;
  /** The diagnostics of this version of an open document, and the status sent after them. */
  published(uri: string, version: number): Promise<Published>;
  /** CPU time (user + system, all threads) the server process has used so far, in ms; null where /proc is missing. */
  cpuMs(): number | null;
  stop(): Promise<void>;
}

function serverCommand(): string[] {
  if (args.includes('--source')) return ['--require', 'tsx/cjs', path.join(ROOT, 'src/server/server.ts'), '--stdio'];
  const bundle = path.join(ROOT, 'out', 'bench-server', 'server.js');
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-server.mjs'), `--outfile=${bundle}`, ...(args.includes('--no-minify') ? ['--no-minify'] : [])], { stdio: 'inherit' });
  return [bundle, '--stdio'];
}

async function startServer(command: string[], folders: string[], keywardenSection: unknown = null): Promise<Server> {
  const profile = CPU_PROF_DIR ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(CPU_PROF_DIR)] : [];
  const child = spawn(process.execPath, [...profile, ...command], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map<string, (result: Published) => void>();
  // A lint of an open document publishes its diagnostics, then its status.
  const awaitingStatus = new Map<string, { at: number; findings: number; bytes: number; resolve: (result: Published) => void }>();
  connection.onNotification(PublishDiagnosticsNotification.type, (p: PublishDiagnosticsParams) => {
    const at = performance.now();
    const key = `${p.uri}@${p.version}`;
    const resolve = waiting.get(key);
    waiting.delete(key);
    if (resolve) awaitingStatus.set(p.uri, { at, findings: p.diagnostics.filter((d) => d.code).length, bytes: JSON.stringify(p).length, resolve });
  });
  connection.onNotification(StatusNotification, (status: StatusParams) => {
    const published = awaitingStatus.get(status.uri);
    awaitingStatus.delete(status.uri);
    published?.resolve({ at: published.at, findings: published.findings, bytes: published.bytes, lintMs: status.lintMs });
  });
  connection.onNotification('window/logMessage', (p: { message: string }) => console.error(`  server log: ${p.message}`));
  connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((item) => (item.section === 'keywarden' ? keywardenSection : null)));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: folders[0] ? URI.file(folders[0]).toString() : null,
    workspaceFolders: folders.map((f) => ({ uri: URI.file(f).toString(), name: path.basename(f) })),
    initializationOptions: { debounceMs: 0 },
    capabilities: { workspace: { configuration: true }, window: { workDoneProgress: true } },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    connection,
    published: (uri, version) => new Promise((resolve) => waiting.set(`${uri}@${version}`, resolve)),
    cpuMs: () => processCpuMs(child.pid),
    stop: async () => {
      await connection.sendRequest('shutdown').catch(() => undefined);
      await connection.sendNotification('exit').catch(() => undefined);
      // a clean exit writes the CPU profiles; a kill would lose them
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      connection.dispose();
      child.kill();
    },
  };
}

/** utime + stime of a process, all its threads, from /proc/<pid>/stat (clock ticks, 100 per second on Linux). */
function processCpuMs(pid: number | undefined): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // fields 14 and 15 of stat(5), after pid and comm
  } catch {
    return null;
  }
}

function cpuMsOf(run: () => void): number {
  const started = process.cpuUsage();
  run();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

/** The parser alone (@typescript-eslint/parser for TS, espree for JS): printed for reference. */
function parserOnly(text: string, language: 'ts' | 'js'): number {
  const started = performance.now();
  if (language === 'ts') parseForESLint(text, { filePath: 'bench.ts', range: true, loc: true, tokens: true, comment: true, sourceType: 'module', ecmaVersion: 'latest' } as never);
  else espree.parse(text, { ecmaVersion: 'latest', sourceType: 'module', range: true, loc: true, tokens: true, comment: true, ecmaFeatures: { jsx: true } });
  return performance.now() - started;
}

/**
 * "A bare ESLint parse" (the issue's baseline): ESLint's `Linter` with the
 * server's own language settings and parser but no rules: parse, scope
 * analysis, directive comments and the traversal ESLint does for any file,
 * i.e. what `eslint` costs before a single rule runs. Its config is normalized
 * once, as the server's is (config-array.ts), so neither side pays that per lint.
 */
const bareRoot = path.parse(os.tmpdir()).root;
const bareLinter = new Linter({ configType: 'flat', cwd: bareRoot });
const bareConfig = normalizedConfigArray(
  buildLintConfig(DEFAULT_SETTINGS, undefined).map((config) => {
    const { rules: _rules, ...languageOnly } = config;
    return languageOnly;
  }),
  bareRoot,
);
function bareEslintParse(text: string, fileName: string): number {
  return timedVerify(text, fileName, bareConfig);
}

/**
 * ESLint's own floor for any linter with rules: the same setup plus one trivial
 * core rule (`no-debugger`). With a rule on, ESLint also walks the tree with
 * code-path analysis and builds its selector tables, whatever the rule does;
 * none of that is keywarden's, and no ESLint-based server can go below it.
 * Printed for reference, so the latency can be read against both baselines.
 */
const oneRuleConfig = normalizedConfigArray(
  [...buildLintConfig(DEFAULT_SETTINGS, undefined).map(({ rules: _rules, ...languageOnly }) => languageOnly), { rules: { 'no-debugger': 'error' } }],
  bareRoot,
);
function eslintWithOneCoreRule(text: string, fileName: string): number {
  return timedVerify(text, fileName, oneRuleConfig);
}

/**
 * Waits until the server's and this process's garbage collection of the last
 * run are over: the worker scavenges after posting a lint's results, and V8
 * finishes this process's collections on background threads. On a 2-core
 * machine either one running during the other side's timing shows up in its
 * p95. (No forced collection here: a full GC shrinks the young generation, and
 * the next baseline would pay for growing it again.)
 */
const SETTLE_MS = 60;
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
}

function timedVerify(text: string, fileName: string, config: typeof bareConfig): number {
  const started = performance.now();
  const messages = bareLinter.verify(text, config, { filename: fileName });
  if (messages.some((m) => m.fatal)) throw new Error(`bench source does not parse: ${messages[0].message}`);
  return performance.now() - started;
}

/** ESLint with keywarden's rules (the server's config, default settings) in this process: the rules' share of the work. */
const rulesHost = new LinterHost((message) => console.error(`  in-process lint: ${message}`));
function eslintWithRules(text: string, fileName: string): void {
  // Parsed as the server parses an open document: only the statements the edit touched.
  rulesHost.lint({ text, fileName, settings: DEFAULT_SETTINGS, policy: {}, incremental: true });
}

/**
 * The server's pipeline with every keywarden rule off, in this process: the
 * incremental parse, scope analysis and ESLint's traversal (with its code-path
 * analysis) of the whole tree. No rule optimization can go below it.
 */
const floorHost = new LinterHost((message) => console.error(`  in-process lint: ${message}`));
const RULES_OFF = { ...DEFAULT_SETTINGS, rules: Object.fromEntries(keywardenRuleNames().map((ruleId) => [ruleId, 'off' as const])) };
function serverPipelineWithoutRules(text: string, fileName: string): number {
  const started = performance.now();
  floorHost.lint({ text, fileName, settings: RULES_OFF, policy: {}, incremental: true });
  return performance.now() - started;
}

interface CpuRow {
  file: string;
  serverCpu: number | null;
  rulesCpu: number;
  bareCpu: number;
  overheadWall50: number;
  publishedBytes: number;
}

/**
 * Sends one edit (a space typed at the start of `line`, or deleted) and waits for its diagnostics. Every change
 * really changes the text, so no run can be skipped as unchanged.
 */
async function typeOnce(server: Server, uri: string, version: number, line: number): Promise<{ sent: number; published: Published }> {
  const typed = version % 2 === 0;
  const done = server.published(uri, version);
  const sent = performance.now();
  await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version },
    contentChanges: [
      typed
        ? { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: ' ' }
        : { range: { start: { line, character: 0 }, end: { line, character: 1 } }, text: '' },
    ],
  });
  return { sent, published: await done };
}

async function openDocument(server: Server, uri: string, language: 'ts' | 'js', text: string): Promise<void> {
  const opened = server.published(uri, 1);
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: language === 'ts' ? 'typescript' : 'javascript', version: 1, text },
  });
  await opened;
}

async function latency(server: Server, rulesOffServer: Server): Promise<boolean> {
  console.log(`\nLatency didChange → publishDiagnostics (debounce 0; p50/p95 over ${ROUNDS} rounds, ${Math.max(5, Math.round(ROUNDS / 3))} for 10,000 lines, after ${SIZES.map((lines) => `${warmUpRounds(lines)}`).join('/')} untimed warm-up edits per file)`);
  console.log('  bare ESLint parse = ESLint Linter, same parser and language settings, no rules (the target\'s baseline); for reference:');
  console.log('  the parser alone, and ESLint with one trivial core rule (no-debugger: the floor of any ESLint-based linter, see eslintWithOneCoreRule)');
  console.log('  the server re-parses only the statements each edit touched; the baselines parse the whole text');
  console.log('  no-rules floor = the server\'s pipeline in this process with every keywarden rule off (its parse, scope analysis, ESLint\'s traversal): no rule work goes below it');
  console.log('  rules-off server = a second server, every keywarden rule off, given the same edits over LSP: the round trip, the hand-off to the lint worker and the pipeline; its p95 ratio to the bare parse is the least any rule set can reach');
  console.log('  file              findings   server p50   server p95   bare ESLint p50   bare ESLint p95   parser alone p95   1 core rule p95   no-rules floor p50 / p95   rules-off server p50 / p95 (ratio)   p50 ratio   p95 ratio   target');
  let allMet = true;
  const cpuRows: CpuRow[] = [];
  let coldMs: { file: string; ms: number[] } | null = null;
  for (const language of ['ts', 'js'] as const) {
    for (const lines of SIZES) {
      const uri = URI.file(path.join(os.tmpdir(), `keywarden-bench-${lines}.${language}`)).toString();
      const text = serviceSource(lines, language);
      const rounds = lines >= 10000 ? Math.max(5, Math.round(ROUNDS / 3)) : ROUNDS;
      let version = 1;
      await openDocument(server, uri, language, text);
      await openDocument(rulesOffServer, uri, language, text);
      const serverMs: number[] = [];
      const rulesOffMs: number[] = [];
      const parseMs: number[] = [];
      const parserMs: number[] = [];
      const oneRuleMs: number[] = [];
      const floorMs: number[] = [];
      const overheadMs: number[] = [];
      const serverCpu: number[] = [];
      const rulesCpu: number[] = [];
      const bareCpu: number[] = [];
      const fileName = URI.parse(uri).fsPath;
      let findings = 0;
      let publishedBytes = 0;
      const lineCount = text.split('\n').length - 1;
      const warmUp = warmUpRounds(lines);
      // The first file's warm-up rounds are the fresh server's first edits.
      const coldStart = coldMs === null;
      if (coldStart) coldMs = { file: `${lines.toLocaleString('en')} lines .${language}`, ms: [] };
      for (let round = -warmUp; round < rounds; round++) {
        // an edit in the middle of the file, as typing does: a space typed, then deleted
        version++;
        const line = Math.floor(lineCount / 2);
        const cpuBefore = server.cpuMs();
        const { sent, published } = await typeOnce(server, uri, version, line);
        const { at, findings: found, lintMs, bytes } = published;
        publishedBytes = bytes;
        findings = found;
        // The server's worker collects the lint's garbage once the diagnostics are out
        // (idle-scavenge.ts), as it would between two keystrokes: let it finish before
        // the baselines run, so neither side is timed while the other holds a core.
        await settle();
        // interleaved, so all feel the same machine load
        let parse = 0;
        const bare = cpuMsOf(() => (parse = bareEslintParse(text, fileName)));
        const parser = parserOnly(text, language);
        const oneRule = eslintWithOneCoreRule(text, fileName);
        const floor = serverPipelineWithoutRules(text, fileName);
        const rules = cpuMsOf(() => eslintWithRules(text, fileName));
        // Read after the baselines: the server's CPU for this change includes what its
        // worker does once the diagnostics are out (the garbage collection it defers
        // to then, see idle-scavenge.ts), not only the time until they arrive.
        const cpuAfter = server.cpuMs();
        // Likewise this process's own garbage from the baselines, collected on V8's
        // background threads, must not compete with the server's next lint.
        await settle();
        // The same edit to the server with every keywarden rule off: what the LSP round trip, the
        // hand-off to the lint worker and the server's pipeline cost before any rule runs.
        const rulesOff = await typeOnce(rulesOffServer, uri, version, line);
        await settle();
        if (coldStart && round < 0 && coldMs!.ms.length < COLD_ROUNDS) coldMs!.ms.push(at - sent);
        if (round >= 0) {
          serverMs.push(at - sent);
          rulesOffMs.push(rulesOff.published.at - rulesOff.sent);
          overheadMs.push(at - sent - lintMs);
          parseMs.push(parse);
          parserMs.push(parser);
          oneRuleMs.push(oneRule);
          floorMs.push(floor);
          if (cpuBefore !== null && cpuAfter !== null) serverCpu.push(cpuAfter - cpuBefore);
          rulesCpu.push(rules);
          bareCpu.push(bare);
        }
      }
      const p95 = percentile(serverMs, 95);
      const parse95 = percentile(parseMs, 95);
      const ratio = p95 / parse95;
      const met = ratio <= TARGET_RATIO && (lines !== 2000 || p95 < TARGET_MS_AT_2000);
      allMet &&= met;
      const target = lines === 2000 ? `≤${TARGET_RATIO}×, <${TARGET_MS_AT_2000} ms` : `≤${TARGET_RATIO}×`;
      console.log(
        `  ${`${lines.toLocaleString('en')} lines .${language}`.padEnd(18)}${String(findings).padStart(8)}` +
          `${fmt(percentile(serverMs, 50))}${fmt(p95)}${fmt(percentile(parseMs, 50), 18)}${fmt(parse95, 18)}${fmt(percentile(parserMs, 95), 19)}${fmt(percentile(oneRuleMs, 95), 18)}` +
          `${`${percentile(floorMs, 50).toFixed(1)} / ${percentile(floorMs, 95).toFixed(1)} ms`.padStart(27)}` +
          `${`${percentile(rulesOffMs, 50).toFixed(1)} / ${percentile(rulesOffMs, 95).toFixed(1)} ms (${(percentile(rulesOffMs, 95) / parse95).toFixed(2)}×)`.padStart(37)}` +
          `${`${(percentile(serverMs, 50) / percentile(parseMs, 50)).toFixed(2)}×`.padStart(12)}${`${ratio.toFixed(2)}×`.padStart(12)}   ${met ? 'met' : 'MISSED'} (${target})`,
      );
      cpuRows.push({
        file: `${lines.toLocaleString('en')} lines .${language}`,
        serverCpu: serverCpu.length ? mean(serverCpu) : null,
        rulesCpu: mean(rulesCpu),
        bareCpu: mean(bareCpu),
        overheadWall50: percentile(overheadMs, 50),
        publishedBytes,
      });
    }
  }
  if (coldMs && coldMs.ms.length) {
    console.log(
      `  cold start: the fresh server's first ${coldMs.ms.length} edits (${coldMs.file}): p50 ${percentile(coldMs.ms, 50).toFixed(1)} ms, p95 ${percentile(coldMs.ms, 95).toFixed(1)} ms` +
        ' (before V8 has optimized the rules; not a target)',
    );
  }
  console.log('\nWhere the time goes (means per change; CPU time resists machine load better than wall time)');
  console.log('  server CPU = the server process, main thread and lint worker, from the change until the next one (/proc, 10 ms ticks averaged over the rounds)');
  console.log('  rules CPU = ESLint + keywarden rules in this process on the same text, parsed as the server does; server overhead = server CPU − rules CPU');
  console.log('  wall overhead p50 = latency − the worker\'s own lint time (LSP transport, thread hand-offs, diagnostics conversion)');
  console.log('  published = size of one publishDiagnostics as JSON');
  console.log('  file              server CPU    rules CPU     bare ESLint CPU   server overhead   wall overhead p50   published');
  for (const row of cpuRows) {
    const overhead = row.serverCpu === null ? 'n/a' : `${(row.serverCpu - row.rulesCpu).toFixed(1)} ms`;
    console.log(
      `  ${row.file.padEnd(18)}${row.serverCpu === null ? 'n/a'.padStart(10) : fmt(row.serverCpu, 10)}${fmt(row.rulesCpu)}${fmt(row.bareCpu, 20)}${overhead.padStart(18)}${fmt(row.overheadWall50, 20)}${`${(row.publishedBytes / 1024).toFixed(1)} kB`.padStart(12)}`,
    );
  }
  return allMet;
}

function fmt(ms: number, width = 13): string {
  return `${ms.toFixed(1)} ms`.padStart(width);
}

async function scanThroughput(command: string[], name: string, folders: string[]): Promise<void> {
  const server = await startServer(command, folders);
  try {
    const result = (await server.connection.sendRequest(ScanWorkspaceRequest, {})) as ScanResult;
    const perSecond = result.files / (result.durationMs / 1000);
    console.log(`  ${name.padEnd(34)}${String(result.files).padStart(6)} files${String(result.findings).padStart(7)} findings${`${(result.durationMs / 1000).toFixed(1)} s`.padStart(9)}${`${perSecond.toFixed(1)} files/s`.padStart(16)}`);
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const command = serverCommand();
  console.log(`keywarden bench:server — ${args.includes('--source') ? 'TypeScript sources via tsx' : 'bundled server (out/bench-server/server.js)'}, node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const server = await startServer(command, []);
  const rulesOffServer = await startServer(command, [], { rules: RULES_OFF.rules });
  let met: boolean;
  try {
    met = await latency(server, rulesOffServer);
  } finally {
    await server.stop();
    await rulesOffServer.stop();
  }
  console.log('\nWorkspace scan throughput (keywarden/scanWorkspace, files read from disk, linted and published)');
  await scanThroughput(command, 'test/fixtures', [path.join(ROOT, 'test', 'fixtures')]);
  if (!args.includes('--no-corpus')) {
    const list = readPackageList(path.join(ROOT, 'bench', 'corpus-packages.json'));
    const dir = corpusCacheDir(list);
    if (!isInstalled(dir, list)) {
      console.log(`  real-world corpus: not installed at ${dir} (npm run bench installs it); skipped`);
    } else {
      const wanted = option('packages')?.split(',') ?? Object.keys(list.packages);
      const installed = wanted.map((name) => path.join(dir, 'node_modules', name)).filter((f) => fs.existsSync(f));
      // The packages are installed under node_modules, which ESLint's flat config
      // ignores by default (so would the server): scan copies outside it, or the
      // "throughput" would only measure reading files that are then skipped.
      const copies = path.join(os.tmpdir(), 'keywarden-bench-scan');
      fs.rmSync(copies, { recursive: true, force: true });
      const folders = installed.map((folder) => {
        const copy = path.join(copies, path.relative(path.join(dir, 'node_modules'), folder));
        fs.cpSync(folder, copy, { recursive: true, filter: (source) => path.basename(source) !== 'node_modules' });
        return copy;
      });
      try {
        await scanThroughput(command, `real-world corpus (${folders.length} packages)`, folders);
      } finally {
        fs.rmSync(copies, { recursive: true, force: true });
      }
    }
  }
  console.log(`\nload average after: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} (a loaded machine stretches both columns; the ratio is the comparable number)`);
  console.log(met ? 'All latency targets met.' : 'Some latency targets were missed (see MISSED above).');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
