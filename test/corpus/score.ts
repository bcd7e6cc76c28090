/**
 * Scores keywarden against the labelled corpus in test/fixtures/corpus.
 *
 *   npm run corpus [-- --verbose] [-- --json[=file]] [-- --rule <id>] [-- --files <path part>]
 *
 * Each file is linted the way a user would: configs.recommended, or
 * configs.strict for files under a strict/ folder (see scoring.ts for the
 * matching). Rules of the contract that the plugin does not have yet show as
 * "not implemented". The exit code is 0 unless the scorer itself fails: this
 * measures; thresholds live in tests.
 */
import * as fs from 'node:fs';
import plugin = require('../../rules');
import { RULES } from './corpus-lib';
import { redact, scoreCorpus, type ScorablePlugin, type Summary } from './scoring';

interface Options { verbose: boolean; json: false | true | string; rule?: string; files?: string }

function parseArgs(argv: string[]): Options {
  const opts: Options = { verbose: false, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--verbose' || arg === '-v') opts.verbose = true;
    else if (arg === '--json') opts.json = argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : true;
    else if (arg.startsWith('--json=')) opts.json = arg.slice('--json='.length);
    else if (arg === '--rule') opts.rule = (argv[++i] ?? '').replace(/^keywarden\//, '');
    else if (arg.startsWith('--rule=')) opts.rule = arg.slice('--rule='.length).replace(/^keywarden\//, '');
    else if (arg === '--files') opts.files = argv[++i] ?? '';
    else if (arg.startsWith('--files=')) opts.files = arg.slice('--files='.length);
    else throw new Error(`unknown option ${arg} (expected --verbose, --json[=file], --rule <id>, --files <path part>)`);
  }
  if (opts.rule !== undefined && !(opts.rule in RULES)) {
    throw new Error(`--rule ${opts.rule}: not a rule of the contract (${Object.keys(RULES).join(', ')})`);
  }
  return opts;
}

const pct = (v: number | null | undefined): string => (v == null ? '    —' : `${(v * 100).toFixed(1).padStart(5)}%`);
const row = (cells: (string | number)[], widths: number[]): string =>
  cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');

function printTables(s: Summary, verbose: boolean): void {
  const out: string[] = [];
  out.push(`keywarden corpus: ${s.files} files (${s.strictFiles} under strict/), ${s.parseErrors.length} parse errors, ${s.crashes.length} rule crashes, ${s.seconds.toFixed(1)}s`);
  out.push('');
  const w = [32, 7, 5, 5, 5, 9, 7];
  out.push(row(['rule', 'markers', 'TP', 'FP', 'FN', 'precision', 'recall'], w));
  for (const [rule, r] of Object.entries(s.rules)) {
    if (!r.implemented) out.push(`${row([rule, r.markers], w.slice(0, 2))}  not implemented`);
    else out.push(row([rule, r.markers, r.tp ?? 0, r.fp ?? 0, r.fn ?? 0, pct(r.precision), pct(r.recall)], w));
  }
  out.push('');
  const cw = [16, 6, 5, 5, 5, 9, 7, 1, 10, 11];
  out.push(row(['category', 'rules', 'TP', 'FP', 'FN', 'precision', 'recall', '|', 'file prec.', 'file recall'], cw));
  for (const [category, c] of Object.entries(s.categories)) {
    const rules = `${c.implemented}/${c.rules}`;
    if (c.implemented === 0) out.push(`${row([category, rules], cw.slice(0, 2))}  not implemented`);
    else out.push(row([category, rules, c.tp, c.fp, c.fn, pct(c.precision), pct(c.recall), '|', pct(c.fileLevel.precision), pct(c.fileLevel.recall)], cw));
  }
  for (const e of s.parseErrors) out.push(`PARSE ERROR ${e.file}:${e.line} ${e.message}`);
  for (const c of s.crashes) out.push(`CRASH ${c.rule} on ${c.file}: ${redact(c.message, 160)}`);
  for (const [rule, n] of Object.entries(s.unknownFindings)) out.push(`note: ${n} findings from ${rule}, which is not in the rule contract`);
  if (verbose) {
    out.push('');
    for (const m of s.misses) out.push(`${m.kind} ${m.rule.padEnd(30)} ${m.file}:${m.line}  ${redact(m.text)}`);
  } else if (s.misses.length > 0) {
    out.push('', `${s.misses.length} misses; --verbose lists each FP/FN with file:line`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

try {
  const opts = parseArgs(process.argv.slice(2));
  const summary = scoreCorpus(plugin as unknown as ScorablePlugin, { rule: opts.rule, files: opts.files });
  if (opts.json === true) {
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } else {
    if (typeof opts.json === 'string') fs.writeFileSync(opts.json, `${JSON.stringify(summary, null, 2)}\n`);
    printTables(summary, opts.verbose);
  }
} catch (err) {
  process.stderr.write(`corpus scorer: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
}
