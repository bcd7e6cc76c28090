import { call } from '../define';
import type { LibraryModel } from '../types';

/**
 * Single-purpose digest packages: the module is the hash function (`md5(text)`, `sha1(text)`),
 * or exposes it as `hash` (spark-md5). What the digest is for decides, as for `createHash`.
 */
const DIGEST_FUNCTIONS: readonly (readonly [module: string, hash: string])[] = [
  ['md5', 'MD5'],
  ['blueimp-md5', 'MD5'],
  ['js-md5', 'MD5'],
  ['sha1', 'SHA1'],
  ['js-sha1', 'SHA1'],
];

export const digestFunctionPackages: readonly LibraryModel[] = DIGEST_FUNCTIONS.map(([module, hash]) => ({
  id: module,
  roots: [{ module }],
  apis: [call('', 'hash', { 0: 'data' }, { facts: { hash } })],
}));

export const sparkMd5: LibraryModel = {
  id: 'spark-md5',
  roots: [{ module: 'spark-md5' }],
  apis: [call('hash', 'hash', { 0: 'data' }, { facts: { hash: 'MD5' } }), call('ArrayBuffer.hash', 'hash', { 0: 'data' }, { facts: { hash: 'MD5' } })],
};
