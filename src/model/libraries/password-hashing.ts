import { call } from '../define';
import type { LibraryModel } from '../types';

/**
 * bcrypt and bcryptjs share an API: the second argument is a salt string or a cost (rounds). @node-rs/bcrypt
 * (prebuilt binaries) has the same `hash(password, cost)`/`genSalt(cost)`, and checks with `verify(password, hash)`;
 * bcrypt-ts (pure TypeScript, browsers and edge runtimes) keeps bcryptjs' names.
 */
export const bcrypt: LibraryModel = {
  id: 'bcrypt',
  roots: [{ module: 'bcrypt' }, { module: 'bcryptjs' }, { module: 'bcrypt-nodejs' }, { module: '@node-rs/bcrypt' }, { module: 'bcrypt-ts' }, { module: 'bcrypt-ts/browser' }, { module: 'bcrypt-ts/node' }],
  apis: [
    call('hash', 'password-hash', { 0: 'password', 1: 'iterations' }, { facts: { cost: 'log2-rounds', kdf: 'bcrypt' } }),
    call('hashSync', 'password-hash', { 0: 'password', 1: 'iterations' }, { facts: { cost: 'log2-rounds', kdf: 'bcrypt' } }),
    call('genSalt', 'password-hash', { 0: 'iterations' }, { facts: { cost: 'log2-rounds', kdf: 'bcrypt' } }),
    call('genSaltSync', 'password-hash', { 0: 'iterations' }, { facts: { cost: 'log2-rounds', kdf: 'bcrypt' } }),
    call('compare', 'password-verify', { 0: 'password', 1: 'data' }),
    call('compareSync', 'password-verify', { 0: 'password', 1: 'data' }),
    call('verify', 'password-verify', { 0: 'password', 1: 'data' }),
    call('verifySync', 'password-verify', { 0: 'password', 1: 'data' }),
  ],
};

/** argon2 (node-argon2): options carry costs, an optional salt and an optional `secret` (pepper). */
export const argon2: LibraryModel = {
  id: 'argon2',
  roots: [{ module: 'argon2' }],
  apis: [
    // Defaults of node-argon2 ≥ 0.26: argon2id, 64 MiB, 3 passes, 4 lanes.
    call('hash', 'password-hash', { 0: 'password', '1.type': 'algorithm', '1.timeCost': 'iterations', '1.memoryCost': 'memory', '1.parallelism': 'parallelism', '1.salt': 'salt', '1.secret': 'secret', '1.hashLength': 'key-length' }, { facts: { memoryUnit: 'KiB', defaultMemoryCost: 65536, defaultTimeCost: 3, kdf: 'argon2', rawOutputOption: '1.raw' } }),
    call('verify', 'password-verify', { 0: 'data', 1: 'password', '2.secret': 'secret' }),
  ],
};

/** @node-rs/argon2 (prebuilt binaries): node-argon2's options under the same names; defaults 19 MiB, 2 passes. */
export const nodeRsArgon2: LibraryModel = {
  id: '@node-rs/argon2',
  roots: [{ module: '@node-rs/argon2' }],
  apis: ['hash', 'hashSync', 'hashRaw', 'hashRawSync'].map((fn) =>
    call(fn, 'password-hash', { 0: 'password', '1.algorithm': 'algorithm', '1.timeCost': 'iterations', '1.memoryCost': 'memory', '1.parallelism': 'parallelism', '1.salt': 'salt', '1.secret': 'secret', '1.outputLen': 'key-length' }, {
      // `hashRaw` returns the derived bytes, not an encoded hash that records its parameters.
      facts: { memoryUnit: 'KiB', defaultMemoryCost: 19456, defaultTimeCost: 2, kdf: 'argon2', ...(fn.startsWith('hashRaw') ? { rawOutput: true } : {}) },
    }),
  ),
};

/** scrypt-js: `scrypt(password, salt, N, r, p, dkLen)` (a promise) and `syncScrypt(…)`, with positional costs. */
export const scryptJs: LibraryModel = {
  id: 'scrypt-js',
  roots: [{ module: 'scrypt-js' }],
  apis: ['scrypt', 'syncScrypt'].map((fn) =>
    call(fn, 'kdf', { 0: 'passphrase', 1: 'salt', 2: 'memory', 3: 'parallelism', 4: 'parallelism', 5: 'key-length' }, { facts: { lengthUnit: 'bytes', kdf: 'scrypt' } }),
  ),
};

/**
 * AdonisJS v6 hash drivers, configured in `config/hash.ts`: `drivers.scrypt({ cost, blockSize, parallelization })`,
 * `drivers.argon2({ iterations, memory, parallelism })` (memory in KiB) and `drivers.bcrypt({ rounds })`. Every
 * entry of the `list` configures some stored hashes (the default one and those `hash.use(name)` picks).
 */
export const adonisHash: LibraryModel = {
  id: '@adonisjs/core/hash',
  roots: [{ module: '@adonisjs/core/hash' }, { module: '@adonisjs/hash' }],
  apis: [
    call('drivers.scrypt', 'password-hash', { '0.cost': 'memory', '0.blockSize': 'parallelism', '0.parallelization': 'parallelism' }, { facts: { kdf: 'scrypt' } }),
    // Adonis' argon2 defaults: 3 passes over 64 MiB.
    call('drivers.argon2', 'password-hash', { '0.iterations': 'iterations', '0.memory': 'memory', '0.parallelism': 'parallelism' }, { facts: { kdf: 'argon2', memoryUnit: 'KiB', defaultMemoryCost: 65536, defaultTimeCost: 3 } }),
    call('drivers.bcrypt', 'password-hash', { '0.rounds': 'iterations' }, { facts: { cost: 'log2-rounds', kdf: 'bcrypt' } }),
  ],
};

/**
 * argon2-browser (WebAssembly): `hash({ pass, salt, time, mem, parallelism, hashLen, type })`, memory in KiB.
 * Its defaults are weak on purpose for demos: one pass over 1 MiB, Argon2d.
 */
export const argon2Browser: LibraryModel = {
  id: 'argon2-browser',
  roots: [{ module: 'argon2-browser' }, { module: 'argon2-browser/dist/argon2-bundled.min.js' }],
  apis: [
    call('hash', 'password-hash', { '0.pass': 'password', '0.salt': 'salt', '0.time': 'iterations', '0.mem': 'memory', '0.parallelism': 'parallelism', '0.hashLen': 'key-length', '0.type': 'algorithm', '0.secret': 'secret' }, { facts: { memoryUnit: 'KiB', defaultMemoryCost: 1024, defaultTimeCost: 1, kdf: 'argon2' } }),
    call('verify', 'password-verify', { '0.pass': 'password', '0.encoded': 'data', '0.secret': 'secret' }),
  ],
};
