import { call, construct } from '../define';
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

/** The output forms js-md5 and js-sha1 also export (`md5.hex(text)`, `sha1.array(bytes)`): the same digest. */
const OUTPUT_FORMS = ['hex', 'array', 'digest', 'arrayBuffer', 'base64'];

/** Packages of this kind that also export an HMAC over their hash (`sha1.hmac(key, message)`). */
const WITH_HMAC = new Set(['js-md5', 'js-sha1']);

/**
 * Packages whose ES module build also exports the function by name (`import { md5 } from 'js-md5'`, js-md5 0.8 and
 * js-sha1 0.7): the same function with the same output forms and HMAC.
 */
const NAMED_EXPORTS: ReadonlyMap<string, string> = new Map([
  ['js-md5', 'md5'],
  ['js-sha1', 'sha1'],
]);

function digestFunctionApis(prefix: string, module: string, hash: string) {
  const at = (path: string) => (prefix && path ? `${prefix}.${path}` : prefix || path);
  return [
    call(at(''), 'hash', { 0: 'data' }, { facts: { hash } }),
    ...(WITH_HMAC.has(module) ? [call(at('hmac'), 'mac', { 0: 'key', 1: 'data' }, { facts: { hash } }), ...OUTPUT_FORMS.map((form) => call(at(form), 'hash', { 0: 'data' }, { facts: { hash } }))] : []),
  ];
}

export const digestFunctionPackages: readonly LibraryModel[] = DIGEST_FUNCTIONS.map(([module, hash]) => {
  const named = NAMED_EXPORTS.get(module);
  return {
    id: module,
    roots: [{ module }],
    apis: [...digestFunctionApis('', module, hash), ...(named ? digestFunctionApis(named, module, hash) : [])],
  };
});

/** Weak hashes of hash-wasm, by the name of their one-shot function (`md5`) and hasher factory (`createMD5`). */
const HASH_WASM_WEAK: readonly (readonly [fn: string, factory: string, hash: string])[] = [
  ['md4', 'createMD4', 'MD4'],
  ['md5', 'createMD5', 'MD5'],
  ['sha1', 'createSHA1', 'SHA1'],
  ['ripemd160', 'createRIPEMD160', 'RIPEMD160'],
];

/**
 * hash-wasm (WebAssembly hashes for browsers and Node): one-shot digests (`await md5(data)`),
 * incremental hashers (`createSHA1()`), an HMAC over a hasher (`createHMAC(createSHA1(), key)`:
 * the hash is given as a hasher, not a name) and password hashes whose single options object
 * carries the costs (`argon2id({ iterations, memorySize })`, memory in KiB; `bcrypt({ costFactor })`).
 */
export const hashWasm: LibraryModel = {
  id: 'hash-wasm',
  roots: [{ module: 'hash-wasm' }],
  apis: [
    ...HASH_WASM_WEAK.flatMap(([fn, factory, hash]) => [call(fn, 'hash', { 0: 'data' }, { facts: { hash } }), call(factory, 'hash', {}, { facts: { hash } })]),
    call('createHMAC', 'mac', { 0: 'digest', 1: 'key' }),
    ...['argon2id', 'argon2i', 'argon2d'].map((fn) =>
      call(fn, 'password-hash', { '0.password': 'password', '0.salt': 'salt', '0.iterations': 'iterations', '0.memorySize': 'memory', '0.parallelism': 'parallelism', '0.hashLength': 'key-length', '0.secret': 'secret' }, { facts: { memoryUnit: 'KiB', kdf: 'argon2', rawOutputOption: '0.outputType=binary' } }),
    ),
    call('argon2Verify', 'password-verify', { '0.password': 'password', '0.hash': 'data', '0.secret': 'secret' }),
    call('bcrypt', 'password-hash', { '0.password': 'password', '0.salt': 'salt', '0.costFactor': 'iterations' }, { facts: { cost: 'log2-rounds', kdf: 'bcrypt' } }),
    call('bcryptVerify', 'password-verify', { '0.password': 'password', '0.hash': 'data' }),
    call('pbkdf2', 'kdf', { '0.password': 'passphrase', '0.salt': 'salt', '0.iterations': 'iterations', '0.hashLength': 'key-length', '0.hashFunction': 'digest' }, { facts: { lengthUnit: 'bytes', kdf: 'pbkdf2' } }),
    call('scrypt', 'kdf', { '0.password': 'passphrase', '0.salt': 'salt', '0.costFactor': 'memory', '0.blockSize': 'parallelism', '0.parallelism': 'parallelism', '0.hashLength': 'key-length' }, { facts: { lengthUnit: 'bytes', kdf: 'scrypt' } }),
  ],
};

/**
 * @noble/hashes' legacy hashes (`md5`, `sha1`, `ripemd160` from `@noble/hashes/legacy`, or `sha1` from
 * `@noble/hashes/sha1` before v1.6): functions of the data, also handed to `hmac(sha1, key, msg)` and
 * `pbkdf2(sha1, …)` as the hash.
 */
export const nobleLegacyHashes: LibraryModel = {
  id: '@noble/hashes',
  roots: ['legacy', 'sha1', 'ripemd160'].flatMap((name) => [{ module: `@noble/hashes/${name}` }, { module: `@noble/hashes/${name}.js` }]),
  apis: [
    call('md5', 'hash', { 0: 'data' }, { facts: { hash: 'MD5' } }),
    call('sha1', 'hash', { 0: 'data' }, { facts: { hash: 'SHA1' } }),
    call('ripemd160', 'hash', { 0: 'data' }, { facts: { hash: 'RIPEMD160' } }),
  ],
};

/**
 * @noble/hashes' SHA-2, SHA-3 and BLAKE functions (`sha256(data)`, `keccak_256(data)` from `@noble/hashes/sha256`,
 * `/sha2`, `/sha512`, `/sha3`, `/blake2b`, `/blake3`): one-shot functions of the data returning the digest's bytes.
 */
const NOBLE_MODERN_HASHES: readonly (readonly [name: string, hash: string])[] = [
  ['sha224', 'SHA224'], ['sha256', 'SHA256'], ['sha384', 'SHA384'], ['sha512', 'SHA512'], ['sha512_256', 'SHA512-256'],
  ['sha3_256', 'SHA3-256'], ['sha3_512', 'SHA3-512'], ['keccak_256', 'KECCAK-256'], ['keccak_512', 'KECCAK-512'],
  ['blake2b', 'BLAKE2B'], ['blake2s', 'BLAKE2S'], ['blake3', 'BLAKE3'],
];

export const nobleModernHashes: LibraryModel = {
  id: '@noble/hashes',
  roots: ['sha256', 'sha512', 'sha2', 'sha3', 'blake2b', 'blake2s', 'blake3'].flatMap((name) => [{ module: `@noble/hashes/${name}` }, { module: `@noble/hashes/${name}.js` }]),
  apis: NOBLE_MODERN_HASHES.map(([name, hash]) => call(name, 'hash', { 0: 'data' }, { facts: { hash, digestBytes: true } })),
};

export const sparkMd5: LibraryModel = {
  id: 'spark-md5',
  roots: [{ module: 'spark-md5' }],
  apis: [call('hash', 'hash', { 0: 'data' }, { facts: { hash: 'MD5' } }), call('ArrayBuffer.hash', 'hash', { 0: 'data' }, { facts: { hash: 'MD5' } })],
};

/**
 * hash.js (elliptic's and many wallets' hashes): hashers made by `hash.sha1()`, also reachable as `hash.sha.sha1`
 * and `hash.ripemd.ripemd160`, and an HMAC over a hash *function* (`hash.hmac(hash.sha1, key)`), judged for the MAC.
 */
const HASH_JS_HASHES: readonly (readonly [path: string, hash: string])[] = [
  ['sha1', 'SHA1'],
  ['sha.sha1', 'SHA1'],
  ['ripemd160', 'RIPEMD160'],
  ['ripemd.ripemd160', 'RIPEMD160'],
  ['sha224', 'SHA224'],
  ['sha256', 'SHA256'],
  ['sha384', 'SHA384'],
  ['sha512', 'SHA512'],
];

export const hashJs: LibraryModel = {
  id: 'hash.js',
  roots: [{ module: 'hash.js' }],
  apis: [...HASH_JS_HASHES.map(([path, hash]) => call(path, 'hash', {}, { facts: { hash } })), call('hmac', 'mac', { 0: 'digest', 1: 'key' })],
};

/** ts-md5 (Angular apps): static one-shots `Md5.hashStr(text)`/`Md5.hashAsciiStr(text)` and the incremental `new Md5()`. */
export const tsMd5: LibraryModel = {
  id: 'ts-md5',
  roots: [{ module: 'ts-md5' }, { module: 'ts-md5/dist/md5' }],
  apis: [
    call('Md5.hashStr', 'hash', { 0: 'data' }, { facts: { hash: 'MD5' } }),
    call('Md5.hashAsciiStr', 'hash', { 0: 'data' }, { facts: { hash: 'MD5' } }),
    construct('Md5', 'hash', {}, { facts: { hash: 'MD5' } }),
  ],
};

/**
 * object-hash: `hash(value, { algorithm })` digests a normalised object (SHA-1 unless told otherwise); `hash.MD5(value)`,
 * `hash.keysMD5(value)`, `hash.sha1(value)` and `hash.keys(value)` name their digest.
 */
export const objectHash: LibraryModel = {
  id: 'object-hash',
  roots: [{ module: 'object-hash' }],
  apis: [
    call('', 'hash', { 0: 'data', '1.algorithm': 'algorithm' }),
    call('MD5', 'hash', { 0: 'data' }, { facts: { hash: 'MD5' } }),
    call('keysMD5', 'hash', { 0: 'data' }, { facts: { hash: 'MD5' } }),
    call('sha1', 'hash', { 0: 'data' }, { facts: { hash: 'SHA1' } }),
    call('keys', 'hash', { 0: 'data' }, { facts: { hash: 'SHA1' } }),
  ],
};

/** crypto-hash (sindresorhus): promise-returning `sha1(input)`, `sha256(input)`… over WebCrypto or node:crypto. */
export const cryptoHash: LibraryModel = {
  id: 'crypto-hash',
  roots: [{ module: 'crypto-hash' }],
  apis: [call('sha1', 'hash', { 0: 'data' }, { facts: { hash: 'SHA1' } })],
};

/**
 * jsSHA: `new jsSHA(variant, inputFormat, { hmacKey: { value, format } })`, the variant (`'SHA-1'`, `'SHA-256'`…)
 * first; with `hmacKey` the object computes an HMAC under that key.
 */
export const jsSha: LibraryModel = {
  id: 'jssha',
  roots: ['jssha', 'jssha/sha1', 'jssha/dist/sha1', 'jssha/sha256', 'jssha/dist/sha256'].map((module) => ({ module })),
  apis: [construct('', 'hash', { 0: 'algorithm', '2.hmacKey.value': 'key' })],
};
