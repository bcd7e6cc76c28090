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

  it('leaves the young generation alone while small jobs still fit', () => {
    // a 100-line lint: 3 MB allocated, 58 MB left
    assert.equal(collectionDue(heap(6, 64, 60), memory(3)), null);
    // the twentieth one no longer fits
    assert.equal(collectionDue(heap(62, 64, 60), memory(59)), 'minor');
  });

  it('assumes a job that V8 had to scavenge during allocated at least half the young generation', () => {
    const remembered = memory(40, 2);
    // usage dropped from 40 to 34 MB (V8 scavenged mid-job): 30 MB left, less than 1.25 × 32 MB
    assert.equal(collectionDue(heap(34, 64, 60), remembered), 'minor');
    assert.equal(remembered.lastJobAllocated, 32 * MB);
  });

  it('collects the old generation once it has tripled since the last full collection', () => {
    const remembered = memory(0, 0, 60);
    assert.equal(collectionDue(heap(1, 64, 170), remembered), null);
    assert.equal(collectionDue(heap(1, 64, 190), remembered), 'full');
  });

  it('needs the old generation to have grown by 96 MB however small it was', () => {
    assert.equal(collectionDue(heap(1, 64, 100), memory(0, 0, 10)), null);
    assert.equal(collectionDue(heap(1, 64, 110), memory(0, 0, 10)), 'full');
  });

  it('takes the lowest old size seen as the live one, since V8 may collect it itself', () => {
    const remembered = memory(0, 0, 60);
    assert.equal(collectionDue(heap(1, 64, 40), remembered), null);
    assert.equal(remembered.liveAfterFullGc, 40 * MB);
    assert.equal(collectionDue(heap(1, 64, 140), remembered), 'full');
  });
});

describe('idle scavenge: in this process', () => {
  const youngUsed = () =>
    getHeapSpaceStatistics()
      .filter((space) => space.space_name.startsWith('new_'))
      .reduce((sum, space) => sum + space.space_used_size, 0);
  const youngRoom = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')!.space_available_size;

  /** Allocates short-lived objects until the young generation holds `bytes` more. */
  function allocateGarbage(bytes: number): void {
    const start = youngUsed();
    let garbage: object[] = [];
    while (youngUsed() - start < bytes) {
      for (let i = 0; i < 2000; i++) garbage.push({ i, text: `x${i}` });
      if (garbage.length > 100_000) garbage = [];
    }
  }

  it('gets gc from V8, does nothing after an idle job, and scavenges after one that filled the young generation', () => {
    const scavenge = idleScavenger();
    assert.ok(scavenge, 'V8 should let the worker have gc');
    scavenge();
    assert.equal(scavenge(), null, 'nothing allocated since the last call');

    // a job that uses two thirds of the room left: another one like it would not fit
    allocateGarbage(youngRoom() * 0.66);
    const before = youngUsed();
    assert.equal(scavenge(), 'minor');
    assert.ok(youngUsed() < before / 2, `young generation ${(youngUsed() / MB).toFixed(1)} MB after, ${(before / MB).toFixed(1)} MB before`);
  });
});
