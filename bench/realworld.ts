/**
 * `npm run bench`: lints the published sources of pinned npm packages with a
 * baseline ESLint config and with keywarden (and comparison plugins), alternating
 * in one process, and prints the time ratios, findings per rule and every rule crash.
 * Exits 1 on any crash, 2 on bad usage or setup failure. See bench/README.md.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { normalizedConfigsAvailable } from './config-array';
import { corpusCacheDir, ensureCorpusInstalled, readPackageList } from './corpus-install';
import { collectCorpusFiles, DEFAULT_LIMITS } from './corpus-files';
import { prepareTool, profileRules, runBenchmark, type LintRun } from './measure';
import { checkParses } from './parse-check';
import { formatFindings, formatReport, toJson, type ReportInput } from './report';
import { baselineTool, comparisonTools, DEFAULT_COMPARISONS, DEFAULT_LANGUAGE, languageOf, keywardenTool, loadKeywarden, loadPluginEntry, type BenchTool } from './tools';

interface Args {
  rounds: number;
  chunks: number;
  findings: boolean;
  json?: string;
  offline: boolean;
  from: 'dist' | 'source';
  /** Another build's plugin entry, instead of this checkout's. */
  plugin?: string;
  config: 'recommended' | 'strict' | 'all';
  compare: string[];
  packages?: string[];
  list: string;
  ruleTimes: boolean;
}

const USAGE = `usage: npm run bench -- [options]
  --rounds N           measured rounds per tool (default 3, minimum 3 for a report)
  --chunks N           slices per round; tools alternate slice by slice (default 12)
  --findings           print every keywarden finding (file:line:col  rule  message)
  --json FILE          write everything (corpus, times, findings, crashes) to FILE
  --offline            install the corpus from the npm cache only (no-op when already cached)
  --source             load keywarden from rules/*.ts through tsx instead of dist/
  --plugin FILE        load keywarden from FILE (e.g. another checkout's dist/rules/index.js)
  --config NAME        keywarden config: recommended (default), strict, all
  --compare A,B        comparison tools (default ${DEFAULT_COMPARISONS.join(',')}; also sonarjs-recommended; "none")
  --packages A,B       lint only these packages of the list (quick checks)
  --no-rule-times      skip the profiled pass that splits keywarden's time per rule
  --list FILE          package list (default bench/corpus-packages.json)`;

function parseArgs(argv: string[]): Args {
  const args: Args = {
    rounds: 3,
    chunks: 12,
    findings: false,
    offline: false,
    from: 'dist',
    config: 'recommended',
    compare: DEFAULT_COMPARISONS,
    list: path.join(__dirname, 'corpus-packages.json'),
    ruleTimes: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--rounds':
        args.rounds = Number(value());
        if (!Number.isInteger(args.rounds) || args.rounds < 1) throw new UsageError('--rounds must be a positive integer');
        break;
      case '--chunks':
        args.chunks = Number(value());
        if (!Number.isInteger(args.chunks) || args.chunks < 1) throw new UsageError('--chunks must be a positive integer');
        break;
      case '--findings':
        args.findings = true;
        break;
      case '--json':
        args.json = value();
        break;
      case '--offline':
        args.offline = true;
        break;
      case '--source':
        args.from = 'source';
        break;
      case '--plugin':
        args.plugin = value();
        break;
      case '--config': {
        const config = value();
        if (config !== 'recommended' && config !== 'strict' && config !== 'all') throw new UsageError(`unknown config ${config}`);
        args.config = config;
        break;
      }
      case '--compare': {
        const v = value();
        args.compare = v === 'none' ? [] : v.split(',').filter(Boolean);
        for (const id of args.compare) if (!comparisonTools[id]) throw new UsageError(`unknown comparison tool ${id}`);
        break;
      }
      case '--packages':
        args.packages = value().split(',').filter(Boolean);
        break;
      case '--no-rule-times':
        args.ruleTimes = false;
        break;
      case '--list':
        args.list = value();
        break;
      case '-h':
      case '--help':
        console.log(USAGE);
        process.exit(0);
      // falls through (exit)
      default:
        throw new UsageError(`unknown option ${flag}`);
    }
  }
  return args;
}

class UsageError extends Error {}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  const log = (line: string) => console.error(line);

  const list = readPackageList(args.list);
  const cacheDir = ensureCorpusInstalled(list, corpusCacheDir(list), { offline: args.offline, log });
  const root = path.join(cacheDir, 'node_modules');
  const names = args.packages ?? Object.keys(list.packages);
  for (const name of names) if (!(name in list.packages)) throw new UsageError(`${name} is not in ${args.list}`);

  const collected = collectCorpusFiles(root, names, DEFAULT_LIMITS, list.exclude);
  log(`corpus: ${collected.files.length} files read, ${collected.skipped.length} skipped; trial parse…`);
  const keywarden = args.plugin ? loadPluginEntry(args.plugin) : loadKeywarden(args.from);
  const kwTool = keywardenTool(keywarden, args.config);
  // Every tool parses as keywarden's config does, so the ratios measure rules, not parsers.
  const language = [...DEFAULT_LANGUAGE, ...languageOf(kwTool.configs)];
  const parsed = checkParses(collected.files, root, language);

  const tools: BenchTool[] = [baselineTool, kwTool, ...args.compare.map((id) => comparisonTools[id]())];
  const gc = (globalThis as { gc?: () => void }).gc;
  let slicesDone = 0;

  log(`measuring: ${tools.map((t) => t.id).join(', ')} × (warm-up on 10% + ${args.rounds} rounds of ${args.chunks} slices)`);
  const result = runBenchmark(tools, parsed.files, root, {
    rounds: args.rounds,
    language,
    warmup: true,
    warmupFraction: 0.1,
    chunks: args.chunks,
    onChunk: (_tool, round, chunk) => {
      if (++slicesDone % tools.length === 0) log(`  round ${round}: slice ${chunk + 1}/${args.chunks} done`);
    },
    beforeRun: gc,
    collectFindingsFor: ['keywarden'],
    onRun: (run: LintRun, round) =>
      log(`  ${String(round).padEnd(6)} ${run.tool.padEnd(20)} cpu ${(run.cpuMs / 1000).toFixed(2)} s  wall ${(run.ms / 1000).toFixed(2)} s  load ${run.loadavg[0].toFixed(2)}` +
        (run.crashes.length ? `  ${run.crashes.length} crash(es)` : '')),
  });
  const ruleTimes = args.ruleTimes ? profileRules(prepareTool(kwTool, root, language), parsed.files, root) : undefined;

  const input: ReportInput = {
    corpus: {
      packages: Object.fromEntries(names.map((n) => [n, list.packages[n]])),
      cacheDir,
      root,
      files: parsed.files,
      skipped: [...collected.skipped, ...parsed.unparseable],
      switchedSourceType: parsed.switched,
    },
    result,
    keywarden: {
      from: args.plugin ?? args.from,
      version: keywarden.meta.version,
      config: args.config,
      rules: Object.keys(kwTool.configs.reduce((acc, c) => ({ ...acc, ...(c.rules ?? {}) }), {})),
    },
    targetTool: 'keywarden',
    targetOverhead: 0.15,
    normalizedConfigs: normalizedConfigsAvailable(),
    gcBetweenRuns: typeof gc === 'function',
    ruleTimes,
  };
  if (args.findings) {
    const kw = result.tools.find((t) => t.id === 'keywarden');
    console.log(`keywarden findings (${kw?.findings.length ?? 0}):`);
    console.log(formatFindings(kw?.findings ?? [], root));
    console.log('');
  }
  console.log(formatReport(input));
  if (args.json) {
    fs.writeFileSync(args.json, JSON.stringify(toJson(input), null, 2));
    log(`wrote ${args.json}`);
  }
  if (args.rounds < 3) log('note: fewer than 3 rounds; medians are not meaningful');
  const crashes = result.tools.reduce((n, t) => n + t.crashes.length, 0);
  return crashes > 0 ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(error instanceof UsageError ? `${error.message}\n${USAGE}` : error);
  process.exitCode = 2;
}
