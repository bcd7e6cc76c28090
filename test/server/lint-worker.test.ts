import * as assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { LintWorkerState } from '../../src/server/lint/lint-worker';
import type { LintJob } from '../../src/server/lint/lint-messages';
import { LinterHost } from '../../src/server/lint/linter-host';
import { DEFAULT_SETTINGS } from '../../src/server/settings';
import { HARDCODED_KEY_SOURCE } from './fixtures-text';

function lintJob(uri: string, version: number, text: string, keys: LintJob['keys'] = 'lazy'): LintJob {
  return { kind: 'lint', uri, languageId: 'typescript', version, text, fileName: uri.replace('file://', ''), settings: DEFAULT_SETTINGS, policy: {}, keys };
}

/** `gc` from V8 (as idle-scavenge.ts gets it), to see whether a tree is still held. */
function exposedGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('LintWorkerState', () => {
  it("makes an open document's key inventory once its results are out, and answers for that version only", () => {
    const worker = new LintWorkerState(new LinterHost(() => undefined));
    const uri = 'file:///project/src/keys.ts';
    const lazy = worker.run(lintJob(uri, 1, HARDCODED_KEY_SOURCE)) as { keys?: unknown };
    assert.equal(lazy.keys, undefined, 'the inventory is not in the typing latency');
    worker.finishJob();
    const held = worker.run({ kind: 'keys', uri, version: 1 });
    const eager = worker.run(lintJob('file:///project/src/other.ts', 1, HARDCODED_KEY_SOURCE, 'eager')) as { keys: unknown[] };
    assert.ok(eager.keys.length > 0);
    assert.deepEqual(
      (held as { name: string }[]).map((entry) => entry.name),
      (eager.keys as { name: string }[]).map((entry) => entry.name),
    );
    assert.equal(worker.run({ kind: 'keys', uri, version: 2 }), null, 'another version is not held');
  });

  for (const extension of ['ts', 'js']) {
    it(`holds no document's last tree once another document was linted (its kept statements let go of their Program): .${extension}`, async () => {
      const gc = exposedGc();
      const host = new LinterHost(() => undefined);
      const worker = new LintWorkerState(host);
      // Long enough that an edit re-parses only its own statement.
      const source = extension === 'ts' ? HARDCODED_KEY_SOURCE : HARDCODED_KEY_SOURCE.replaceAll(': string', '');
      const text = `${source}${Array.from({ length: 20 }, (_, i) => `export const limit${i} = ${i};`).join('\n')}\n`;
      const first = host.lint({ text, fileName: `/project/src/first.${extension}`, settings: DEFAULT_SETTINGS, incremental: true });
      const program = new WeakRef(first.sourceCode!.ast);
      worker.finishJob();
      worker.run(lintJob(`file:///project/src/second.${extension}`, 1, source));
      worker.finishJob();
      // `first` is this test's own reference: drop it, then collect (after this job: a new WeakRef keeps its target until then).
      (first as { sourceCode: unknown }).sourceCode = null;
      // Collected a few times over a few turns of the event loop: once in a long run the first collection after the
      // job left the Program alive (V8 keeps some weak references one collection longer); a leak survives them all.
      for (let round = 0; round < 3 && program.deref() !== undefined; round++) {
        await new Promise((resolve) => setImmediate(resolve));
        gc();
      }
      assert.equal(program.deref(), undefined, "the first document's Program is still reachable");
      // Its kept statements are still there for the next edit's incremental parse.
      const again = host.lint({ text: text.replace('limit10 = 10', 'limit10 = 11'), fileName: `/project/src/first.${extension}`, settings: DEFAULT_SETTINGS, incremental: true });
      assert.ok(again.messages.length > 0);
      assert.ok(host.incrementalParser.stats.partial > 0, `the edit was parsed incrementally: ${JSON.stringify(host.incrementalParser.stats)}`);
    });
  }
});
