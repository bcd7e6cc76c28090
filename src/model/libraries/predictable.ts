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

/** `import { performance } from 'node:perf_hooks'`: the same clock as the global `performance`. */
export const perfHooksClock: LibraryModel = {
  id: 'predictable',
  roots: [{ module: 'perf_hooks' }, { module: 'node:perf_hooks' }],
  apis: [call('performance.now', 'insecure-random', {}, { deprecated: 'is a timer, not a source of randomness', facts: { clock: true } })],
};

const LODASH_RANDOM = 'draws from Math.random: its output can be predicted from a few samples';
/** General-purpose helpers (jitter, shuffles are fine): only a security use of their output is a finding. */
const GENERAL_PURPOSE = { deprecated: LODASH_RANDOM, facts: { generalPurpose: true } };
const LODASH_RANDOM_HELPERS = ['random', 'sample', 'sampleSize', 'shuffle'];

/**
 * lodash's random helpers are Math.random underneath (`_.random(100000, 999999)` for an OTP,
 * `_.sampleSize(alphabet, 32).join('')` for a token): the same predictable source.
 */
export const lodashRandom: LibraryModel = {
  id: 'lodash',
  roots: [{ module: 'lodash' }, { module: 'lodash-es', esm: true }],
  apis: LODASH_RANDOM_HELPERS.map((name) => call(name, 'insecure-random', {}, GENERAL_PURPOSE)),
};

/** The per-method packages and paths: `import random from 'lodash/random'`, `require('lodash.random')`. */
export const lodashRandomModules: LibraryModel = {
  id: 'lodash',
  roots: LODASH_RANDOM_HELPERS.flatMap((name) => [{ module: `lodash/${name}` }, { module: `lodash.${name.toLowerCase()}` }, { module: `lodash-es/${name}`, esm: true }]),
  apis: [call('', 'insecure-random', {}, GENERAL_PURPOSE)],
};

/**
 * Time-based UUIDs (`uuid` v1 and v6): a timestamp plus a node id and clock sequence fixed for the
 * process, so one sample predicts the next. Ids are fine; judged by their use like `Math.random`
 * (a v1 UUID as a password-reset token is guessable). v4 and v7 draw from the CSPRNG.
 */
const TIME_BASED_UUID = { deprecated: 'is a time-based UUID (timestamp, fixed node id and clock sequence): predictable from one sample', facts: { generalPurpose: true, clock: true } };

export const timeBasedUuid: LibraryModel = {
  id: 'uuid',
  roots: [{ module: 'uuid' }],
  apis: [call('v1', 'insecure-random', {}, TIME_BASED_UUID), call('v6', 'insecure-random', {}, TIME_BASED_UUID)],
};

/** The deep imports of uuid < 7 (`require('uuid/v1')`). */
export const timeBasedUuidModules: LibraryModel = {
  id: 'uuid',
  roots: [{ module: 'uuid/v1' }],
  apis: [call('', 'insecure-random', {}, TIME_BASED_UUID)],
};

/**
 * nanoid's `non-secure` build draws from Math.random: `nanoid(size)`, and the generators
 * `customAlphabet(alphabet, size)` returns. Fine for React keys and scratch ids, guessable as invite
 * codes or API keys: judged by their use like Math.random.
 */
const NANOID_NON_SECURE = { deprecated: "is nanoid's non-secure build, which draws from Math.random: predictable from a few samples", facts: { generalPurpose: true } };

export const nanoidNonSecure: LibraryModel = {
  id: 'nanoid/non-secure',
  roots: [{ module: 'nanoid/non-secure' }],
  apis: [call('nanoid', 'insecure-random', {}, NANOID_NON_SECURE), call('customAlphabet', 'factory', {}, { returns: 'Generator' })],
  objects: { Generator: { methods: {}, invoked: { operation: 'insecure-random', args: {}, ...NANOID_NON_SECURE } } },
};

/**
 * seedrandom: `seedrandom(seed)` returns a PRNG whose whole output follows from the seed (an id, a date, a
 * clock read): reproducible by design, which is what games and tests want and what a code or token must
 * not be. The generator's calls are judged by their use, like nanoid's non-secure generators.
 */
const SEEDED_PRNG = { deprecated: 'is a seeded PRNG (seedrandom): anyone who knows or guesses the seed reproduces its output', facts: { generalPurpose: true } };
const SEEDRANDOM_ALGORITHMS = ['alea', 'xor128', 'tychei', 'xorwow', 'xor4096', 'xorshift7'];

export const seedrandom: LibraryModel = {
  id: 'seedrandom',
  roots: [{ module: 'seedrandom' }],
  apis: [
    call('', 'factory', {}, { returns: 'SeededGenerator' }),
    construct('', 'factory', {}, { returns: 'SeededGenerator' }),
    ...SEEDRANDOM_ALGORITHMS.map((name) => call(name, 'factory', {}, { returns: 'SeededGenerator' })),
  ],
  objects: {
    SeededGenerator: {
      methods: { quick: { operation: 'insecure-random', args: {}, ...SEEDED_PRNG }, int32: { operation: 'insecure-random', args: {}, ...SEEDED_PRNG }, double: { operation: 'insecure-random', args: {}, ...SEEDED_PRNG } },
      invoked: { operation: 'insecure-random', args: {}, ...SEEDED_PRNG },
    },
  },
};

/**
 * chance: every generator (`new Chance()`, `Chance(seed)`) draws from a Mersenne Twister seeded with Math.random, or
 * with the seed it is given: `chance.string({ length: 40 })` as an API key is predictable. Its helpers are
 * general-purpose (fixtures, fake data): judged by their use, like Math.random.
 */
const CHANCE = { deprecated: 'draws from a Mersenne Twister seeded with Math.random (or a given seed): predictable from its output', facts: { generalPurpose: true } };
const CHANCE_DRAWS = ['string', 'integer', 'natural', 'guid', 'hash', 'character', 'letter', 'word', 'pickone', 'pickset', 'shuffle', 'bool', 'floating', 'prime', 'apple_token', 'android_id', 'bb_pin'];
const CHANCE_GENERATOR = { methods: Object.fromEntries(CHANCE_DRAWS.map((name) => [name, { operation: 'insecure-random' as const, args: {}, ...CHANCE }])) };

export const chance: LibraryModel = {
  id: 'chance',
  roots: [{ module: 'chance' }],
  apis: [
    construct('', 'factory', {}, { returns: 'ChanceGenerator' }),
    construct('Chance', 'factory', {}, { returns: 'ChanceGenerator' }),
    construct('default', 'factory', {}, { returns: 'ChanceGenerator' }),
    call('', 'factory', {}, { returns: 'ChanceGenerator' }),
    call('Chance', 'factory', {}, { returns: 'ChanceGenerator' }),
  ],
  objects: { ChanceGenerator: CHANCE_GENERATOR },
};

/**
 * random-js: `new Random(engine)` draws from the engine it is given. `nativeMath` (the default) is Math.random and
 * a Mersenne Twister (`MersenneTwister19937.seed(…)`/`.autoSeed()`, v1's `engines.mt19937()`) replays from its seed;
 * `nodeCrypto`/`browserCrypto` draw from the CSPRNG (see `drawsFromSecureEngine`). Judged by their use.
 */
const RANDOM_JS = { deprecated: "draws from random-js's Math.random or Mersenne Twister engine: predictable from its output", facts: { generalPurpose: true } };
const RANDOM_JS_DRAWS = ['integer', 'real', 'bool', 'string', 'hex', 'uuid4', 'pick', 'shuffle', 'sample', 'die', 'dice', 'date'];

export const randomJs: LibraryModel = {
  id: 'random-js',
  roots: [{ module: 'random-js' }],
  apis: [construct('Random', 'factory', {}, { returns: 'RandomJsGenerator', facts: { predictableEngines: 'nativeMath MersenneTwister19937 mt19937' } }),
    construct('', 'factory', {}, { returns: 'RandomJsGenerator', facts: { predictableEngines: 'nativeMath MersenneTwister19937 mt19937' } })],
  objects: { RandomJsGenerator: { methods: Object.fromEntries(RANDOM_JS_DRAWS.map((name) => [name, { operation: 'insecure-random' as const, args: {}, ...RANDOM_JS }])) } },
};

/**
 * shortid draws its characters from a seeded `Math.random`-style generator, and uniqid is the clock (and the
 * process id and MAC address) in hex: both fine as ids, guessable as tokens. Judged by their use like `Math.random`.
 */
const SHORTID = { deprecated: 'is shortid, whose characters come from a predictable generator: guessable from a few samples', facts: { generalPurpose: true } };
const UNIQID = { deprecated: 'is uniqid, the current time (and process id or MAC address) in hex: predictable', facts: { generalPurpose: true, clock: true } };

export const shortid: LibraryModel = {
  id: 'shortid',
  roots: [{ module: 'shortid' }],
  apis: [call('', 'insecure-random', {}, SHORTID), call('generate', 'insecure-random', {}, SHORTID)],
};

export const uniqid: LibraryModel = {
  id: 'uniqid',
  roots: [{ module: 'uniqid' }],
  apis: [call('', 'insecure-random', {}, UNIQID), call('process', 'insecure-random', {}, UNIQID), call('time', 'insecure-random', {}, UNIQID)],
};
