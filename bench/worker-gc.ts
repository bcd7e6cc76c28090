/**
 * What the lint worker's garbage-collection setup (src/server/lint/idle-scavenge.ts) buys:
 * two lint workers in this process lint the same file after the same edits, taking turns
 * so that both feel the same machine load:
 * - `V8 defaults`: the default young generation, no collection after the lint;
 * - `keywarden`: the worker's young generation and the collection after each job.
 * It prints each worker's lint time (what the editor waits for) and its CPU per lint,
 * the collection after the lint included.
 *
 *   npx tsx bench/worker-gc.ts [--lines 2000] [--language ts|js] [--rounds 60]
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { LINT_WORKER_YOUNG_GENERATION_MB } from '../src/server/lint/idle-scavenge';
import { serviceSource } from './server-source';
import { mean, percentile } from './stats';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}
const LINES = Number(option('lines', '2000'));
const LANGUAGE = option('language', 'ts') === 'js' ? 'js' : 'ts';
const ROUNDS = Number(option('rounds', '60'));

/** The worker's body: lint the file after each request, then (keywarden) collect as the server's worker does. */
const body = (collectAfterJob: boolean) => `
require('tsx/cjs'); // the TypeScript sources, as in this process
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
const { LintWorkerState } = require(workerData.src + '/server/lint/lint-worker');
const { LinterHost } = require(workerData.src + '/server/lint/linter-host');
const { DEFAULT_SETTINGS } = require(workerData.src + '/server/settings');
const { idleScavenger } = require(workerData.src + '/server/lint/idle-scavenge');
const state = new LintWorkerState(new LinterHost(() => {}));
const collect = ${collectAfterJob} ? idleScavenger() : null;
const lines = workerData.text.split('\\n');
const middle = lines.length >> 1;
let version = 0;
parentPort.on('message', () => {
  version++;
  const edited = [...lines];
  if (version % 2) edited[middle] = ' ' + edited[middle];
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  state.run({ kind: 'lint', uri: 'file://' + workerData.fileName, languageId: workerData.languageId, version, text: edited.join('\\n'), fileName: workerData.fileName, settings: DEFAULT_SETTINGS, keys: 'lazy' });
  state.takeDetails();
  const lintMs = performance.now() - started;
  collect?.();
  const cpu = process.cpuUsage(cpuBefore);
  parentPort.postMessage({ lintMs, cpuMs: (cpu.user + cpu.system) / 1000 });
});`;

interface Sample {
  lintMs: number;
  cpuMs: number;
}

async function main(): Promise<void> {
  const fileName = path.join(os.tmpdir(), `keywarden-worker-gc.${LANGUAGE}`);
  const workerData = {
    src: path.join(__dirname, '..', 'src'),
    text: serviceSource(LINES, LANGUAGE),
    fileName,
    languageId: LANGUAGE === 'ts' ? 'typescript' : 'javascript',
  };
  const variants = [
    { name: 'V8 defaults', worker: new Worker(body(false), { eval: true, workerData }) },
    {
      name: 'keywarden',
      worker: new Worker(body(true), { eval: true, workerData, resourceLimits: { maxYoungGenerationSizeMb: LINT_WORKER_YOUNG_GENERATION_MB } }),
    },
  ];
  const samples = variants.map(() => [] as Sample[]);
  const ask = (worker: Worker) => new Promise<Sample>((resolve) => { worker.once('message', resolve); worker.postMessage(0); });
  for (let round = -5; round < ROUNDS; round++) {
    for (let i = 0; i < variants.length; i++) {
      const turn = (i + round + variants.length * 10) % variants.length;
      const sample = await ask(variants[turn].worker);
      // a pause between changes, as typing leaves (the server's debounce alone is 200 ms)
      await new Promise((resolve) => setTimeout(resolve, 30));
      if (round >= 0) samples[turn].push(sample);
    }
  }
  console.log(`keywarden bench:worker-gc — ${LINES.toLocaleString('en')} lines .${LANGUAGE}, ${ROUNDS} lints per worker, taking turns; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log('  worker          lint p50    lint p95    lint max    CPU per lint (collection included)');
  variants.forEach((variant, i) => {
    const lint = samples[i].map((s) => s.lintMs);
    const fmt = (ms: number) => `${ms.toFixed(1)} ms`.padStart(12);
    console.log(`  ${variant.name.padEnd(14)}${fmt(percentile(lint, 50))}${fmt(percentile(lint, 95))}${fmt(Math.max(...lint))}${fmt(mean(samples[i].map((s) => s.cpuMs)))}`);
  });
  await Promise.all(variants.map((variant) => variant.worker.terminate()));
}

void main();
