import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ESLint, Rule } from 'eslint';
import { corpusCacheDir, isInstalled, readPackageList } from '../../bench/corpus-install';
import { collectCorpusFiles, countLines, type CorpusFile } from '../../bench/corpus-files';
import { runBenchmark, type BenchmarkResult, type LintRun } from '../../bench/measure';
import { checkParses } from '../../bench/parse-check';
import { formatReport, toJson, type ReportInput } from '../../bench/report';
import * as tsParser from '@typescript-eslint/parser';
import * as espree from 'espree';
import { baselineTool, keywardenTool, languageOf, loadKeywarden, type BenchTool } from '../../bench/tools';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'bench', 'corpus');
const LIMITS = { maxMinifiedBytes: 200, maxBytes: 64 * 1024, maxBytesPerPackage: 64 * 1024 };

/** A one-rule plugin wrapped as a bench tool, the way a caller injects its own rule. */
function toolWithRule(id: string, create: Rule.RuleModule['create']): BenchTool {
  const plugin: ESLint.Plugin = { rules: { rule: { meta: { type: 'problem', schema: [] }, create } } };
  return { id, label: id, configs: [{ plugins: { [id]: plugin }, rules: { [`${id}/rule`]: 'error' } }] };
}

const countSecrets = toolWithRule('counter', (context) => ({
  'Identifier[name="secret"]'(node: Rule.Node) {
    context.report({ node, message: 'an identifier named secret' });
  },
}));

const crashOnSloppy = toolWithRule('crashy', (context) => ({
  Program() {
    if (context.filename.endsWith('sloppy.js')) throw new Error('deliberate failure for the harness test');
  },
}));

/** Burns a fixed amount of CPU per file, so its CPU-time ratio must come out well above 1. */
const SLOW_MS_PER_FILE = 15;
const slow = toolWithRule('slow', () => ({
  Program() {
    const start = process.cpuUsage();
    while (true) {
      const used = process.cpuUsage(start);
      if ((used.user + used.system) / 1000 >= SLOW_MS_PER_FILE) break;
    }
  },
}));

/** Keeps state across files and runs (what rules must not do): reports only on the first 7 files it ever sees. */
let statefulSeen = 0;
const stateful = toolWithRule('stateful', (context) => ({
  Program(node) {
    if (statefulSeen++ < 7) context.report({ node, message: 'one of the first files ever' });
  },
}));

describe('bench harness (npm run bench machinery)', function () {
  this.timeout(20000);
  let root: string;
  let files: CorpusFile[];
  let result: BenchmarkResult;
  const order: string[] = [];
  const chunkOrder: string[] = [];

  before(() => {
    // Copy the fixture so a nested node_modules can be added (git ignores it in the repo).
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'keywarden-bench-test-'));
    fs.cpSync(FIXTURE, root, { recursive: true });
    fs.mkdirSync(path.join(root, 'pkg-a', 'node_modules', 'dep'), { recursive: true });
    fs.writeFileSync(path.join(root, 'pkg-a', 'node_modules', 'dep', 'index.js'), 'module.exports = function secret() {};\n');

    const collected = collectCorpusFiles(root, ['pkg-a', 'pkg-b'], LIMITS, [
      { package: 'pkg-b', paths: ['generated/**'], why: 'a second copy' },
    ]);
    const parsed = checkParses(collected.files, root);
    files = parsed.files;
    statefulSeen = 0;
    result = runBenchmark(
      [baselineTool, keywardenTool(loadKeywarden('source')), countSecrets, crashOnSloppy, slow, stateful],
      files,
      root,
      {
        rounds: 3,
        warmup: true,
        chunks: 2,
        onRun: (run: LintRun, round) => order.push(`${round}:${run.tool}`),
        onChunk: (tool, round, chunk) => chunkOrder.push(`${round}.${chunk}:${tool}`),
      },
    );
  });

  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('collects package sources and records every skip with its reason', () => {
    const collected = collectCorpusFiles(root, ['pkg-a', 'pkg-b'], LIMITS, [
      { package: 'pkg-b', paths: ['generated/**'], why: 'a second copy' },
    ]);
    const rel = (p: string) => path.relative(root, p).split(path.sep).join('/');
    assert.deepEqual(collected.files.map((f) => rel(f.path)).sort(), [
      'pkg-a/broken.js',
      'pkg-a/esm.js',
      'pkg-a/index.js',
      'pkg-a/sloppy.js',
      'pkg-b/legacy.cjs',
      'pkg-b/src/main.ts',
    ]);
    const skipped = Object.fromEntries(collected.skipped.map((s) => [rel(s.path), s.reason]));
    assert.deepEqual(skipped, {
      'pkg-a/build/bundle.js': 'minified',
      'pkg-a/lib/types.d.ts': 'declaration',
      'pkg-b/generated/copy.js': 'excluded',
    });
    const byName = new Map(collected.files.map((f) => [rel(f.path), f]));
    assert.equal(byName.get('pkg-a/index.js')!.sourceType, 'commonjs');
    assert.equal(byName.get('pkg-b/legacy.cjs')!.sourceType, 'commonjs');
    assert.equal(byName.get('pkg-b/src/main.ts')!.language, 'ts');
    assert.equal(byName.get('pkg-a/index.js')!.lines, 8);
  });

  it('keeps a fixed sample within the per-package byte budget and counts the rest', () => {
    const full = collectCorpusFiles(root, ['pkg-a'], LIMITS);
    const budget = 300;
    const tight = { ...LIMITS, maxBytesPerPackage: budget };
    const one = collectCorpusFiles(root, ['pkg-a'], tight);
    const two = collectCorpusFiles(root, ['pkg-a'], tight);
    const kept = one.files.reduce((n, f) => n + f.bytes, 0);
    const over = one.skipped.filter((s) => s.reason === 'over-budget');
    assert.ok(kept <= budget && kept > 0, `kept ${kept}`);
    assert.ok(over.length > 0);
    assert.equal(one.files.length + over.length, full.files.length);
    assert.deepEqual(one.files.map((f) => f.path), two.files.map((f) => f.path));
  });

  it('switches a file to the source type it parses as and sets aside what parses as neither', () => {
    const byName = new Map(files.map((f) => [path.basename(f.path), f]));
    assert.equal(byName.get('esm.js')?.sourceType, 'module');
    assert.equal(byName.get('sloppy.js')?.sourceType, 'commonjs');
    assert.ok(!byName.has('broken.js'));
    assert.equal(files.length, 5);
  });

  it('alternates tools slice by slice within each round, after one warm-up per tool', () => {
    const ids = ['baseline', 'keywarden', 'counter', 'crashy', 'slow', 'stateful'];
    const expected = [...ids.map((id) => `warmup:${id}`), ...[1, 2, 3].flatMap((r) => ids.map((id) => `${r}:${id}`))];
    assert.deepEqual(order, expected);
    // Every tool lints slice 0 before any tool lints slice 1; who goes first rotates.
    const rotated = (shift: number) => [...ids.slice(shift), ...ids.slice(0, shift)];
    const expectedChunks = [1, 2, 3].flatMap((r) =>
      [0, 1].flatMap((c) => rotated((c + r - 1) % ids.length).map((id) => `${r}.${c}:${id}`)),
    );
    assert.deepEqual(chunkOrder, expectedChunks);
    for (const tool of result.tools) for (const run of tool.runs) assert.equal(run.files, files.length, tool.id);
  });

  it('counts findings per rule, with every finding listed when asked', () => {
    const counter = result.tools.find((t) => t.id === 'counter')!;
    // index.js 2, esm.js 1, main.ts 2, legacy.cjs 2; sloppy.js has none.
    assert.deepEqual(counter.findingsByRule, { 'counter/rule': 7 });
    assert.deepEqual(counter.unstableFindings, []);
    const baseline = result.tools[0];
    assert.deepEqual(baseline.fatalParseErrors, []);
    assert.deepEqual(baseline.otherMessages, []);
  });

  it('catches a crashing rule per file, names file, rule and stack, and lints the other files', () => {
    const crashy = result.tools.find((t) => t.id === 'crashy')!;
    assert.equal(crashy.crashes.length, 1);
    const [crash] = crashy.crashes;
    assert.equal(path.basename(crash.file), 'sloppy.js');
    assert.equal(crash.ruleId, 'crashy/rule');
    assert.equal(crash.line, 1);
    assert.match(crash.message, /deliberate failure for the harness test/);
    assert.match(crash.stack, /bench-harness\.test\.ts/);
    for (const run of crashy.runs) assert.equal(run.crashes.length, 1);
    for (const tool of result.tools.filter((t) => t.id !== 'crashy')) assert.deepEqual(tool.crashes, [], tool.id);
  });

  it('measures: a rule that burns CPU shows up in the ratio, the baseline is 1', () => {
    const [baseline] = result.tools;
    assert.equal(baseline.cpu.ratioMedian, 1);
    for (const tool of result.tools) {
      assert.equal(tool.runs.length, 3);
      for (const run of tool.runs) assert.ok(run.ms > 0 && run.cpuMs >= 0);
    }
    const slowTool = result.tools.find((t) => t.id === 'slow')!;
    const burnt = (SLOW_MS_PER_FILE * files.length) / baseline.cpu.medianMs;
    // The ratio is a median of per-round ratios and `burnt` uses the median baseline: on a loaded
    // machine the two drift apart (a run at load 10 gave 3.65 for ≈ 4.39), so half the burn must show.
    assert.ok(slowTool.cpu.ratioMedian > 1 + burnt * 0.5, `slow ratio ${slowTool.cpu.ratioMedian}, expected ≈ ${1 + burnt}`);
    assert.ok(slowTool.cpu.medianMs >= SLOW_MS_PER_FILE * files.length);
  });

  it('flags findings whose counts change between rounds (state kept across runs)', () => {
    const tool = result.tools.find((t) => t.id === 'stateful')!;
    assert.deepEqual(tool.unstableFindings, ['stateful/rule']);
  });

  it('parses every file with the shared language layer, whatever a tool config says', () => {
    let parsedBy = 0;
    const countingParser = {
      meta: { name: 'counting-parser' },
      parseForESLint(code: string, options: Record<string, unknown>) {
        parsedBy++;
        if (String(options.filePath).endsWith('.ts')) return tsParser.parseForESLint(code, options as never);
        return { ast: espree.parse(code, options as never) };
      },
    };
    const language = languageOf([{ files: ['**/*.js', '**/*.cjs', '**/*.ts'], languageOptions: { parser: countingParser } }]);
    assert.equal(language.length, 1);
    const rogue: BenchTool = {
      id: 'rogue',
      label: 'rogue',
      configs: [{ languageOptions: { parser: { parse: () => { throw new Error('a tool changed the parser'); } } } }],
    };
    const run = runBenchmark([baselineTool, rogue], files, root, { rounds: 1, warmup: false, language });
    for (const tool of run.tools) {
      assert.deepEqual(tool.fatalParseErrors, [], tool.id);
      assert.deepEqual(tool.crashes, [], tool.id);
    }
    assert.equal(parsedBy, 2 * files.length);
  });

  it('reports crashes, findings and the target verdict in text and JSON', () => {
    const input: ReportInput = {
      corpus: { packages: { 'pkg-a': '1.0.0', 'pkg-b': '2.0.0' }, cacheDir: root, root, files, skipped: [], switchedSourceType: 1 },
      result,
      keywarden: { from: 'source', version: '0.0.0', config: 'recommended', rules: [] },
      targetTool: 'slow',
      targetOverhead: 0.15,
      normalizedConfigs: true,
      gcBetweenRuns: false,
    };
    const text = formatReport(input);
    assert.match(text, /files linted: 5 \(4 JS, 1 TS\)/);
    assert.match(text, /crashes: 1\n {2}\[crashy\] pkg-a\/sloppy\.js:1 {2}rule crashy\/rule/);
    assert.match(text, /\s7 {2}counter\/rule/);
    assert.match(text, /target: slow adds ≤ 15% to the baseline: MISSED/);
    assert.match(text, /counts differed between rounds for: stateful\/rule/);
    const json = toJson(input);
    assert.equal(json.tools.find((t) => t.id === 'crashy')!.crashes[0].file, path.join('pkg-a', 'sloppy.js'));
    assert.equal(json.target?.pass, false);
  });
});

describe('bench corpus list', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keywarden-bench-list-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('accepts exact versions only and hashes the list independently of its order', () => {
    const write = (content: unknown) => {
      const file = path.join(dir, 'list.json');
      fs.writeFileSync(file, JSON.stringify(content));
      return file;
    };
    assert.throws(() => readPackageList(write({ packages: { a: '^1.0.0' } })), /not an exact version/);
    assert.throws(() => readPackageList(write({ packages: {} })), /no packages/);
    assert.throws(
      () => readPackageList(write({ packages: { a: '1.0.0' }, exclude: [{ package: 'b', paths: [], why: 'x' }] })),
      /unlisted package b/,
    );
    const one = readPackageList(write({ packages: { a: '1.0.0', b: '2.0.0' } }));
    const two = readPackageList(write({ packages: { b: '2.0.0', a: '1.0.0' } }));
    assert.equal(corpusCacheDir(one, dir), corpusCacheDir(two, dir));
    assert.notEqual(corpusCacheDir(one, dir), corpusCacheDir({ packages: { a: '1.0.1', b: '2.0.0' } }, dir));
    assert.equal(isInstalled(corpusCacheDir(one, dir), one), false);
  });

  it('counts lines the way editors do', () => {
    assert.equal(countLines(''), 0);
    assert.equal(countLines('a'), 1);
    assert.equal(countLines('a\n'), 1);
    assert.equal(countLines('a\nb'), 2);
  });

  it('lists pinned packages that all exist in the shipped corpus list', () => {
    const list = readPackageList(path.join(__dirname, '..', '..', 'bench', 'corpus-packages.json'));
    assert.ok(Object.keys(list.packages).length >= 30);
  });
});
