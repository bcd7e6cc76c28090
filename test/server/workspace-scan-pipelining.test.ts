import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WorkspaceScanner } from '../../src/server/workspace-scan';

/**
 * The scan keeps the lint worker fed: the next file is read and queued while
 * the worker lints the current one, and no more than that, so a scan never
 * floods the worker's queue ahead of the editor's lints.
 */
describe('workspace scan pipelining', () => {
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'keywarden-pipeline-'));
    for (let i = 0; i < 12; i++) fs.writeFileSync(path.join(root, `f${String(i).padStart(2, '0')}.js`), `export const v${i} = ${i};\n`);
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  function scanner(lintFile: (filePath: string) => Promise<number>) {
    return new WorkspaceScanner({ excludeGlobs: async () => [], lintFile, forgetFile: () => undefined, isOpen: () => false, maxFileBytes: 1 << 20 });
  }

  it('hands the worker the next file while it lints the current one, two at most', async () => {
    let inFlight = 0;
    let most = 0;
    const linted: string[] = [];
    const result = await scanner(async (filePath) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      linted.push(path.basename(filePath));
      return 1;
    }).scan([root], () => false, null);
    assert.equal(most, 2);
    assert.equal(result.files, 12);
    assert.equal(result.findings, 12);
    assert.deepEqual([...linted].sort(), Array.from({ length: 12 }, (_, i) => `f${String(i).padStart(2, '0')}.js`));
  });

  it('starts no new file once cancelled, and reports the count it reached', async () => {
    let started = 0;
    let cancelled = false;
    const result = await scanner(async () => {
      if (++started === 3) cancelled = true;
      await new Promise((resolve) => setTimeout(resolve, 2));
      return 0;
    }).scan([root], () => cancelled, null);
    assert.equal(result.cancelled, true);
    assert.ok(started <= 4, `started ${started} files after cancelling at the third`);
    assert.equal(result.files, started);
  });

  it('reports progress up to the last file once', async () => {
    const reports: number[] = [];
    await scanner(async () => 0).scan([root], () => false, { report: (done) => reports.push(done) });
    assert.deepEqual(reports, [0, 10, 12]);
  });
});
