import { call } from '../define';
import type { LibraryModel } from '../types';

/**
 * Crypto modules of script runtimes that are not Node: their scripts sign requests and hash passwords
 * like application code does, through the runtime's own API.
 */

/** Fixed-digest functions of k6's `k6/crypto` (`md5(input, 'hex')`), named by the hash they compute. */
const K6_DIGESTS = { md4: 'MD4', md5: 'MD5', sha1: 'SHA1', sha256: 'SHA256', sha384: 'SHA384', sha512: 'SHA512', sha512_224: 'SHA512-224', sha512_256: 'SHA512-256', ripemd160: 'RIPEMD160' } as const;

/**
 * k6 load tests (`import crypto from 'k6/crypto'`): the fixed digests, `createHash(algorithm)`,
 * `hmac(algorithm, secret, data, encoding)` and `createHMAC(algorithm, secret)`, and `randomBytes(n)`.
 */
export const k6Crypto: LibraryModel = {
  id: 'k6/crypto',
  roots: [{ module: 'k6/crypto' }],
  apis: [
    ...Object.entries(K6_DIGESTS).map(([fn, hash]) => call(fn, 'hash', { 0: 'data' }, { facts: { hash } })),
    call('createHash', 'hash', { 0: 'algorithm' }),
    call('hmac', 'mac', { 0: 'digest', 1: 'key', 2: 'data' }),
    call('createHMAC', 'mac', { 0: 'digest', 1: 'key' }),
    call('randomBytes', 'random', { 0: 'size' }),
  ],
};

/** Google Apps Script's `Utilities.DigestAlgorithm` members, by the hash they name. */
const APPS_SCRIPT_DIGESTS = { MD2: 'MD2', MD5: 'MD5', SHA_1: 'SHA-1', SHA_256: 'SHA-256', SHA_384: 'SHA-384', SHA_512: 'SHA-512' } as const;
/** `Utilities.MacAlgorithm` members, by the hash under the HMAC. */
const APPS_SCRIPT_MACS = { HMAC_MD5: 'MD5', HMAC_SHA_1: 'SHA-1', HMAC_SHA_256: 'SHA-256', HMAC_SHA_384: 'SHA-384', HMAC_SHA_512: 'SHA-512' } as const;

/**
 * Google Apps Script's global `Utilities`: `computeDigest(DigestAlgorithm.X, value)`,
 * `computeHmacSignature(MacAlgorithm.X, value, key)`, the fixed HMAC-SHA256 and RSA signatures
 * (`computeHmacSha256Signature(value, key)`, `computeRsaSha1Signature(value, key)`), and `getUuid()` (random v4).
 */
export const appsScriptUtilities: LibraryModel = {
  id: 'apps-script',
  roots: [{ global: ['Utilities'] }],
  apis: [
    call('computeDigest', 'hash', { 0: 'algorithm', 1: 'data' }),
    call('computeHmacSignature', 'mac', { 0: 'digest', 1: 'data', 2: 'key' }),
    call('computeHmacSha256Signature', 'mac', { 0: 'data', 1: 'key' }, { facts: { hash: 'SHA256' } }),
    call('computeRsaSha1Signature', 'sign', { 0: 'data', 1: 'key' }, { facts: { hash: 'SHA1' } }),
    call('computeRsaSha256Signature', 'sign', { 0: 'data', 1: 'key' }, { facts: { hash: 'SHA256' } }),
    call('computeRsaSignature', 'sign', { 0: 'digest', 1: 'data', 2: 'key' }),
    call('getUuid', 'random'),
  ],
  constants: {
    ...Object.fromEntries(Object.entries(APPS_SCRIPT_DIGESTS).map(([member, name]) => [`DigestAlgorithm.${member}`, name])),
    ...Object.fromEntries(Object.entries(APPS_SCRIPT_MACS).map(([member, name]) => [`MacAlgorithm.${member}`, name])),
    'RsaAlgorithm.RSA_SHA_1': 'SHA-1',
    'RsaAlgorithm.RSA_SHA_256': 'SHA-256',
  },
};
