import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * The lint worker's young generation, in MB (V8 splits it into two semi-spaces
 * and a large-object space, so each semi-space is a third). ESLint's run over a
 * 2,000-line file allocates about 35 MB, nearly all of it dead when the run
 * ends. With V8's default 16 MB semi-spaces that meant two or three scavenges
 * in the middle of every lint, each copying what the lint still held (tokens,
 * scopes, traversal steps). With 64 MB semi-spaces a lint of that size fits
 * between two scavenges, and the scavenge can wait until the lint is over.
 */
export const LINT_WORKER_YOUNG_GENERATION_MB = 192;

const MB = 1024 * 1024;

/**
 * Collect the old generation after a job once it has grown to this multiple of
 * what was live after its last full collection, and by at least
 * MIN_OLD_GROWTH_BYTES. Each lint of a 2,000-line file promotes about 10 MB
 * that a full collection later frees. V8 ran its own full collection at 4 to 6
 * times the live size, so every 20th to 40th lint paid a 100–150 ms pause.
 * Collecting at 3× stays ahead of V8 at the price of a few more full
 * collections, all of them run while nobody waits.
 */
const FULL_WHEN_OLD_GROWS_BY = 3;
const MIN_OLD_GROWTH_BYTES = 96 * MB;

/**
 * Only jobs that allocated at least this much (a lint of some 500 lines or more) are
 * followed by a collection. Collecting after every 100-line lint too cost 45–60% more
 * CPU for those lints. Without it they pay for the larger young generation instead: V8's
 * own scavenges come rarer but longer, and their lint p95 is about 10 ms above V8's
 * defaults (30 vs 20 ms in bench/worker-gc.ts).
 */
const LARGE_JOB_BYTES = 8 * MB;

/** Scavenge when the young generation has less room left than this many times what the last job allocated. */
const ROOM_FOR_NEXT_JOB = 1.25;

export interface HeapUse {
  youngUsed: number;
  /** Committed size of the young generation's allocation space (it grows up to the configured maximum). */
  youngCapacity: number;
  /** Everything else in the heap. */
  old: number;
}

/** What the scavenger remembers between two jobs. */
export interface ScavengerMemory {
  /** The lowest old-generation size seen: what was live after the last full collection. */
  liveAfterFullGc?: number;
  youngAfterLastCall: number;
  lastJobAllocated: number;
}

export type Collection = 'full' | 'minor' | null;

/**
 * Which collection, if any, to run now that a job is done; updates `memory`
 * with what the job allocated. Pure, so the policy is tested without a heap.
 */
export function collectionDue(heap: HeapUse, memory: ScavengerMemory): Collection {
  // Young usage only grows between two calls unless V8 scavenged during the job: then the job overflowed it.
  memory.lastJobAllocated =
    heap.youngUsed >= memory.youngAfterLastCall
      ? heap.youngUsed - memory.youngAfterLastCall
      : Math.max(memory.lastJobAllocated, heap.youngCapacity / 2);
  // V8 may have collected the old generation itself in between: the lowest size seen is the live one.
  const live = Math.min(memory.liveAfterFullGc ?? heap.old, heap.old);
  memory.liveAfterFullGc = live;
  if (memory.lastJobAllocated < LARGE_JOB_BYTES) return null;
  if (heap.old > Math.max(live * FULL_WHEN_OLD_GROWS_BY, live + MIN_OLD_GROWTH_BYTES)) return 'full';
  if (heap.youngCapacity - heap.youngUsed < memory.lastJobAllocated * ROOM_FOR_NEXT_JOB) return 'minor';
  return null;
}

/** `gc` as `--expose-gc` installs it: no argument is a full collection, `{ type: 'minor' }` a scavenge. */
type GcFunction = (options?: { type: 'minor' }) => void;

/**
 * Returns a function the lint worker calls once a job's results are posted. It
 * runs the garbage collection that is due (collectionDue) then, while the
 * editor shows the diagnostics, instead of in the middle of the next lint:
 * - a scavenge when the young generation has no room left for another job like
 *   the last one;
 * - a full collection when the old generation is due.
 * Only after large jobs (LARGE_JOB_BYTES): small lints fill the young generation
 * only every twentieth time or so, and V8's own schedule serves them better.
 * The collections are the ones V8 would have run anyway, moved to where nobody
 * waits for them. `npx tsx bench/worker-gc.ts` measures it: on 2,000-line files
 * the worker's lint p50 went from 115 to 92 ms (.ts) and 106 to 87 ms (.js), the
 * p95 from 160 to 130 and 142 to 115 ms, for about 16% more CPU: a scavenge
 * after every large lint copies what survives more often than V8's schedule did.
 *
 * `due` is the policy (tests replace it). Returns null when V8 does not let us
 * have `gc` (the worker then behaves as before). `--expose-gc` only installs
 * `gc` on contexts created after the flag, hence the fresh `vm` context; it is
 * the same isolate and heap.
 */
export function idleScavenger(due: typeof collectionDue = collectionDue): (() => Collection) | null {
  let gc: GcFunction;
  try {
    setFlagsFromString('--expose-gc');
    const exposed: unknown = runInNewContext('typeof gc === "function" ? gc : undefined');
    if (typeof exposed !== 'function') return null;
    gc = exposed as GcFunction;
  } catch {
    return null;
  }
  const memory: ScavengerMemory = { youngAfterLastCall: heapUse().youngUsed, lastJobAllocated: 0 };
  return () => {
    const heap = heapUse();
    const collection = due(heap, memory);
    if (collection === 'full') gc();
    else if (collection === 'minor') gc({ type: 'minor' });
    // Nothing collected: the heap is as just measured.
    const after = collection ? heapUse() : heap;
    memory.youngAfterLastCall = after.youngUsed;
    if (collection === 'full') memory.liveAfterFullGc = after.old;
    return collection;
  };
}

/** Bytes in use (and committed, for new objects) in the young generation, and in use in the rest of the heap. */
function heapUse(): HeapUse {
  let youngUsed = 0;
  let youngCapacity = 0;
  let old = 0;
  for (const space of getHeapSpaceStatistics()) {
    if (space.space_name === 'new_space') {
      youngUsed += space.space_used_size;
      youngCapacity += space.space_used_size + space.space_available_size;
    } else if (space.space_name === 'new_large_object_space') {
      youngUsed += space.space_used_size;
    } else {
      old += space.space_used_size;
    }
  }
  return { youngUsed, youngCapacity, old };
}
