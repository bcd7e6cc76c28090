import * as assert from 'node:assert/strict';
import { getHeapSpaceStatistics } from 'node:v8';
import { collectionDue, idleScavenger, type HeapUse, type ScavengerMemory } from '../../src/server/lint/idle-scavenge';

const MB = 1024 * 1024;

function heap(youngUsedMb: number, youngCapacityMb: number, oldMb: number): HeapUse {
  return { youngUsed: youngUsedMb * MB, youngCapacity: youngCapacityMb * MB, old: oldMb * MB };
}

function memory(youngAfterLastCallMb: number, lastJobAllocatedMb = 0, liveAfterFullGcMb?: number): ScavengerMemory {
  return {
    youngAfterLastCall: youngAfterLastCallMb * MB,
    lastJobAllocated: lastJobAllocatedMb * MB,
    liveAfterFullGc: liveAfterFullGcMb === undefined ? undefined : liveAfterFullGcMb * MB,
  };
}

describe('idle scavenge: which collection is due after a job', () => {
  it('scavenges when another job like the last one would not fit in the young generation', () => {
    // a 2,000-line lint: 35 MB allocated, 29 MB left of 64
    const remembered = memory(0);
    assert.equal(collectionDue(heap(35, 64, 60), remembered), 'minor');
    assert.equal(remembered.lastJobAllocated, 35 * MB);
  });

  it('leaves the young generation alone while another large job still fits', () => {
    // a 1,000-line lint: 16 MB allocated, 44 MB left
    assert.equal(collectionDue(heap(20, 64, 60), memory(4)), null);
    // 16 MB left: the next one would not fit
    assert.equal(collectionDue(heap(48, 64, 60), memory(32)), 'minor');
  });

  it('leaves small jobs to V8, even when the young generation is nearly full', () => {
    // a 100-line lint: 3 MB allocated, 2 MB left
    assert.equal(collectionDue(heap(62, 64, 60), memory(59)), null);
    // nor a full collection after them
    assert.equal(collectionDue(heap(62, 64, 400), memory(59, 0, 60)), null);
  });

  it('assumes a job that V8 had to scavenge during allocated at least half the young generation', () => {
    const remembered = memory(40, 2);
    // usage dropped from 40 to 34 MB (V8 scavenged mid-job): 30 MB left, less than 1.25 × 32 MB
    assert.equal(collectionDue(heap(34, 64, 60), remembered), 'minor');
    assert.equal(remembered.lastJobAllocated, 32 * MB);
  });

  it('collects the old generation once it has tripled since the last full collection', () => {
    const remembered = memory(0, 0, 60);
    assert.equal(collectionDue(heap(10, 64, 170), remembered), null);
    remembered.youngAfterLastCall = 0;
    assert.equal(collectionDue(heap(10, 64, 190), remembered), 'full');
  });

  it('needs the old generation to have grown by 96 MB however small it was', () => {
    assert.equal(collectionDue(heap(10, 64, 100), memory(0, 0, 10)), null);
    assert.equal(collectionDue(heap(10, 64, 110), memory(0, 0, 10)), 'full');
  });

  it('takes the lowest old size seen as the live one, since V8 may collect it itself', () => {
    const remembered = memory(0, 0, 60);
    assert.equal(collectionDue(heap(10, 64, 40), remembered), null);
    assert.equal(remembered.liveAfterFullGc, 40 * MB);
    remembered.youngAfterLastCall = 0;
    assert.equal(collectionDue(heap(10, 64, 140), remembered), 'full');
  });
});

describe('idle scavenge: in this process', () => {
  const space = (prefix: string) =>
    getHeapSpaceStatistics()
      .filter((heapSpace) => heapSpace.space_name.startsWith(prefix))
      .reduce((sum, heapSpace) => sum + heapSpace.space_used_size, 0);

  it('gets gc from V8 and runs nothing when no collection is due', () => {
    const scavenge = idleScavenger(() => null);
    assert.ok(scavenge, 'V8 should let the worker have gc');
    assert.equal(scavenge(), null);
  });

  /** Fills half the young generation with objects nothing references (V8 may scavenge on the way: then again). */
  function fillYoungGenerationWithGarbage(): number {
    const young = () => getHeapSpaceStatistics().find((heapSpace) => heapSpace.space_name === 'new_space')!;
    for (let attempt = 0; attempt < 1000; attempt++) {
      const { space_used_size: used, space_available_size: available } = young();
      if (used > (used + available) / 2) return used;
      let garbage: object[] = [];
      for (let i = 0; i < 1000; i++) garbage.push({ i, text: `x${i}` });
      garbage = [];
    }
    throw new Error('the young generation never filled up');
  }

  it('runs the scavenge the policy asks for: the young generation is emptied', () => {
    const scavenge = idleScavenger(() => 'minor')!;
    const before = fillYoungGenerationWithGarbage();
    assert.equal(scavenge(), 'minor');
    const after = getHeapSpaceStatistics().find((heapSpace) => heapSpace.space_name === 'new_space')!.space_used_size;
    assert.ok(after < before / 2, `young generation ${after} bytes after, ${before} before`);
  });

  it('runs the full collection the policy asks for: objects that died after surviving one are freed', () => {
    const scavenge = idleScavenger(() => 'full')!;
    let promoted: object[] | null = [];
    for (let i = 0; i < 200_000; i++) promoted.push({ i, text: `y${i}` });
    scavenge(); // one full collection moves them to the old generation
    const before = space('');
    assert.equal(promoted.length, 200_000); // (read here, so that it was alive in that collection)
    promoted = null;
    assert.equal(scavenge(), 'full');
    assert.ok(space('') < before - 4 * MB, `heap ${(space('') / MB).toFixed(1)} MB after, ${(before / MB).toFixed(1)} MB before`);
  });
});
