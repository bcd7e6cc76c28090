import { call, construct } from '../define';
import type { LibraryModel } from '../types';

/** Sources of predictable values that must never become keys, IVs, salts or tokens. */
export const predictableSources: LibraryModel = {
  id: 'predictable',
  roots: [{ global: [] }],
  apis: [
    call('Math.random', 'insecure-random', {}, { deprecated: 'is a non-cryptographic PRNG (xorshift128+): its output can be predicted from a few samples' }),
    call('Date.now', 'insecure-random', {}, { deprecated: 'is the current time, which an attacker can guess to the millisecond', facts: { clock: true } }),
    call('performance.now', 'insecure-random', {}, { deprecated: 'is a timer, not a source of randomness', facts: { clock: true } }),
    call('process.hrtime', 'insecure-random', {}, { deprecated: 'is a timer, not a source of randomness', facts: { clock: true } }),
    call('process.hrtime.bigint', 'insecure-random', {}, { deprecated: 'is a timer, not a source of randomness', facts: { clock: true } }),
    // `new Date(ts)` is the date it is given; only `new Date()` is the current time.
    construct('Date', 'insecure-random', {}, { deprecated: 'is the current time, which an attacker can guess', facts: { predictableOnlyWithoutArguments: true, clock: true } }),
  ],
};
