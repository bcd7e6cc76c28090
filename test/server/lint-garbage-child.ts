/**
 * Run by lint-garbage.test.ts in its own process (node --expose-gc --max-semi-space-size=64, as the server's lint
 * worker has a large young generation): lints the bench's 100-line file 30 times between two full collections, with
 * no scavenge in between, then scavenges twice and prints how many bytes the 30 lints left in the heap.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { getHeapSpaceStatistics } from 'node:v8';
import { serviceSource } from '../../bench/server-source';
import { LinterHost } from '../../src/server/lint/linter-host';
import { DEFAULT_SETTINGS } from '../../src/server/settings';

const gc = (globalThis as { gc?: (options?: { type: 'minor' }) => void }).gc!;
const heapBytes = () => getHeapSpaceStatistics().reduce((sum, space) => sum + space.space_used_size, 0);
const host = new LinterHost(() => {});
const fileName = path.join(os.tmpdir(), 'keywarden-lint-garbage', 'service.js');
let text = serviceSource(100, 'js');
const middle = text.indexOf('\n', text.length >> 1) + 1;
let findings = 0;
const lint = (round: number) => {
  text = round % 2 === 0 ? `${text.slice(0, middle)} ${text.slice(middle)}` : text.slice(0, middle) + text.slice(middle + 1);
  findings = host.lint({ text, fileName, settings: DEFAULT_SETTINGS, policy: {}, incremental: true }).messages.length;
};
for (let round = 0; round < 60; round++) lint(round);
gc();
gc();
const before = heapBytes();
for (let round = 0; round < 30; round++) lint(round);
gc({ type: 'minor' });
gc({ type: 'minor' });
process.stdout.write(JSON.stringify({ findings, keptBytes: heapBytes() - before }));
