import { call } from '../define';
import type { LibraryModel } from '../types';

/**
 * WebCrypto's SubtleCrypto: the global `crypto.subtle` (also through
 * `globalThis`/`window`/`self`), `require('crypto').webcrypto.subtle` and
 * Node's `require('crypto').subtle`. Algorithm parameters are objects, so
 * roles address their properties (`0.iv`).
 */
export const webCrypto: LibraryModel = {
  id: 'webcrypto',
  roots: [
    { global: ['crypto', 'subtle'] },
    { module: 'crypto', at: ['webcrypto', 'subtle'] },
    { module: 'node:crypto', at: ['webcrypto', 'subtle'] },
    { module: 'crypto', at: ['subtle'] },
    { module: 'node:crypto', at: ['subtle'] },
  ],
  apis: [
    call('encrypt', 'encrypt', { 0: 'algorithm', '0.name': 'algorithm', '0.iv': 'iv', '0.counter': 'iv', '0.tagLength': 'tag-length', 1: 'key', 2: 'data' }, { facts: { tagLengthUnit: 'bits' } }),
    call('decrypt', 'decrypt', { 0: 'algorithm', '0.name': 'algorithm', '0.iv': 'iv', '0.counter': 'iv', '0.tagLength': 'tag-length', 1: 'key', 2: 'data' }, { facts: { tagLengthUnit: 'bits' } }),
    call('sign', 'sign', { 0: 'algorithm', '0.name': 'algorithm', '0.hash': 'digest', '0.hash.name': 'digest', 1: 'key', 2: 'data' }),
    call('verify', 'verify', { 0: 'algorithm', '0.name': 'algorithm', '0.hash': 'digest', '0.hash.name': 'digest', 1: 'key-or-public', 3: 'data' }),
    call('digest', 'hash', { 0: 'algorithm', '0.name': 'algorithm', 1: 'data' }),
    call('generateKey', 'keygen', { 0: 'algorithm', '0.name': 'algorithm', '0.length': 'key-length', '0.modulusLength': 'modulus-length', '0.namedCurve': 'curve', '0.hash': 'digest', '0.hash.name': 'digest', 2: 'usages' }, { facts: { lengthUnit: 'bits' } }),
    call('importKey', 'key-import', { 0: 'format', 1: 'key', 2: 'algorithm', '2.name': 'algorithm', '2.hash': 'digest', '2.hash.name': 'digest', '2.namedCurve': 'curve', '2.length': 'key-length', 4: 'usages' }),
    call('exportKey', 'key-export', { 0: 'format', 1: 'key' }),
    call('deriveKey', 'kdf', { 0: 'algorithm', '0.name': 'algorithm', '0.salt': 'salt', '0.iterations': 'iterations', '0.hash': 'digest', '0.hash.name': 'digest', '0.info': 'data', 1: 'key', 2: 'algorithm', '2.name': 'algorithm', '2.length': 'key-length', 4: 'usages' }, { facts: { lengthUnit: 'bits' } }),
    call('deriveBits', 'kdf', { 0: 'algorithm', '0.name': 'algorithm', '0.salt': 'salt', '0.iterations': 'iterations', '0.hash': 'digest', '0.hash.name': 'digest', '0.info': 'data', 1: 'key', 2: 'key-length' }, { facts: { lengthUnit: 'bits' } }),
    call('wrapKey', 'wrap', { 0: 'format', 1: 'key', 2: 'key', 3: 'algorithm', '3.name': 'algorithm', '3.iv': 'iv' }, { facts: { wrappedKeyArg: '1' } }),
    call('unwrapKey', 'unwrap', { 0: 'format', 1: 'data', 2: 'key', 3: 'algorithm', '3.name': 'algorithm', '3.iv': 'iv', 6: 'usages' }),
  ],
};

/** `crypto.getRandomValues` as a global (browsers, Node ≥ 19). */
export const webCryptoRandom: LibraryModel = {
  id: 'webcrypto',
  roots: [{ global: ['crypto'] }],
  apis: [call('getRandomValues', 'random'), call('randomUUID', 'random')],
};
