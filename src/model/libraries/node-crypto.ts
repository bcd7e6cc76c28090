import { call, method } from '../define';
import type { LibraryModel } from '../types';

const DEPRECATED_CREATE_CIPHER =
  'derives the key and IV from a password with one round of MD5 (EVP_BytesToKey) and reuses the IV; removed in Node 22';

/**
 * The cipher that encrypts a private key written as PEM/DER (`privateKeyEncoding: { cipher: 'des-ede3-cbc', passphrase }`,
 * `keyObject.export({ cipher, passphrase })`): a weak one is reported like any encryption's, while the CBC the key-file
 * formats prescribe (PKCS#8 PBES2) is not judged as unauthenticated message encryption.
 */
const KEY_FILE_CIPHER = { keyFileCipher: true } as const;

// `'dh'` key pairs: `primeLength` is the modulus size, `group` a named MODP group (`'modp2'` is 1024 bits).
const KEY_PAIR_OPTIONS = {
  0: 'algorithm',
  '1.modulusLength': 'modulus-length',
  '1.primeLength': 'modulus-length',
  '1.group': 'algorithm',
  '1.namedCurve': 'curve',
  '1.divisorLength': 'key-length',
  '1.publicExponent': 'size',
  '1.privateKeyEncoding.cipher': 'algorithm',
  '1.privateKeyEncoding.passphrase': 'passphrase',
} as const;

/**
 * `node:crypto` (and `crypto`), CJS or ESM, including `promisify`-ed callback APIs; crypto-browserify is its browser
 * port with the same API, and the packages it is assembled from export their part of that API under the same names
 * (browserify-aes and browserify-cipher: `createCipheriv`/`createDecipheriv`; the pbkdf2 package has its own model below).
 * react-native-quick-crypto is node:crypto for React Native (`QuickCrypto.pbkdf2Sync`, `createCipheriv`, `randomBytes`).
 */
export const nodeCrypto: LibraryModel = {
  id: 'node:crypto',
  roots: [
    { module: 'crypto' },
    { module: 'node:crypto' },
    { module: 'crypto-browserify' },
    { module: 'browserify-aes' },
    { module: 'browserify-cipher' },
    // React Native's JSI port of node:crypto (same names and arguments), default or named imports.
    { module: 'react-native-quick-crypto' },
  ],
  apis: [
    call('createCipheriv', 'encrypt', { 0: 'algorithm', 1: 'key', 2: 'iv', '3.authTagLength': 'tag-length' }, { returns: 'Cipher', facts: { tagLengthUnit: 'bytes' } }),
    call('createDecipheriv', 'decrypt', { 0: 'algorithm', 1: 'key', 2: 'iv', '3.authTagLength': 'tag-length' }, { returns: 'Decipher', facts: { tagLengthUnit: 'bytes' } }),
    call('createCipher', 'encrypt', { 0: 'algorithm', 1: 'passphrase' }, { returns: 'Cipher', deprecated: DEPRECATED_CREATE_CIPHER }),
    call('createDecipher', 'decrypt', { 0: 'algorithm', 1: 'passphrase' }, { returns: 'Decipher', deprecated: DEPRECATED_CREATE_CIPHER }),
    call('createHmac', 'mac', { 0: 'digest', 1: 'key' }, { returns: 'Hmac' }),
    call('createHash', 'hash', { 0: 'algorithm' }, { returns: 'Hash' }),
    call('hash', 'hash', { 0: 'algorithm', 1: 'data' }),
    call('createSign', 'sign', { 0: 'digest' }, { returns: 'Sign' }),
    call('createVerify', 'verify', { 0: 'digest' }, { returns: 'Verify' }),
    call('sign', 'sign', { 0: 'digest', 1: 'data', 2: 'key', '2.key': 'key', '2.passphrase': 'passphrase', '2.padding': 'padding' }),
    call('verify', 'verify', { 0: 'digest', 1: 'data', 2: 'key-or-public', '2.padding': 'padding' }),
    call('createSecretKey', 'key-import', { 0: 'key' }, { returns: 'KeyObject' }),
    call('createPrivateKey', 'key-import', { 0: 'key', '0.key': 'key', '0.passphrase': 'passphrase' }, { returns: 'KeyObject' }),
    call('createPublicKey', 'key-import', { 0: 'public-key' }, { returns: 'KeyObject' }),
    call('privateDecrypt', 'decrypt', { 0: 'key', '0.key': 'key', '0.passphrase': 'passphrase', '0.padding': 'padding', '0.oaepHash': 'digest', 1: 'data'  }, { facts: { asymmetric: true } }),
    call('privateEncrypt', 'sign', { 0: 'key', '0.key': 'key', '0.passphrase': 'passphrase', '0.padding': 'padding', 1: 'data' }),
    call('publicEncrypt', 'encrypt', { 0: 'key-or-public', '0.key': 'key-or-public', '0.padding': 'padding', '0.oaepHash': 'digest', 1: 'data'  }, { facts: { asymmetric: true } }),
    call('publicDecrypt', 'verify', { 0: 'key-or-public', '0.padding': 'padding', 1: 'data' }),
    call('createECDH', 'key-agreement', { 0: 'curve' }, { returns: 'ECDH' }),
    call('createDiffieHellman', 'key-agreement', { 0: 'modulus-length' }, { returns: 'DiffieHellman' }),
    call('getDiffieHellman', 'key-agreement', { 0: 'algorithm' }, { returns: 'DiffieHellman' }),
    call('createDiffieHellmanGroup', 'key-agreement', { 0: 'algorithm' }, { returns: 'DiffieHellman' }),
    call('diffieHellman', 'key-agreement', { '0.privateKey': 'key', '0.publicKey': 'public-key' }),
    call('generateKeyPair', 'keygen', KEY_PAIR_OPTIONS, { facts: KEY_FILE_CIPHER }),
    call('generateKeyPairSync', 'keygen', KEY_PAIR_OPTIONS, { facts: KEY_FILE_CIPHER }),
    call('generateKey', 'keygen', { 0: 'algorithm', '1.length': 'key-length' }, { facts: { lengthUnit: 'bits' } }),
    call('generateKeySync', 'keygen', { 0: 'algorithm', '1.length': 'key-length' }, { returns: 'KeyObject', facts: { lengthUnit: 'bits' } }),
    call('pbkdf2', 'kdf', { 0: 'passphrase', 1: 'salt', 2: 'iterations', 3: 'key-length', 4: 'digest' }, { facts: { lengthUnit: 'bytes', kdf: 'pbkdf2' } }),
    call('pbkdf2Sync', 'kdf', { 0: 'passphrase', 1: 'salt', 2: 'iterations', 3: 'key-length', 4: 'digest' }, { facts: { lengthUnit: 'bytes', kdf: 'pbkdf2' } }),
    call('scrypt', 'kdf', { 0: 'passphrase', 1: 'salt', 2: 'key-length', '3.N': 'memory', '3.cost': 'memory', '3.r': 'parallelism', '3.blockSize': 'parallelism', '3.p': 'parallelism' }, { facts: { lengthUnit: 'bytes', kdf: 'scrypt', defaultMemoryCost: 16384 } }),
    call('scryptSync', 'kdf', { 0: 'passphrase', 1: 'salt', 2: 'key-length', '3.N': 'memory', '3.cost': 'memory', '3.r': 'parallelism', '3.blockSize': 'parallelism', '3.p': 'parallelism' }, { facts: { lengthUnit: 'bytes', kdf: 'scrypt', defaultMemoryCost: 16384 } }),
    call('hkdf', 'kdf', { 0: 'digest', 1: 'key', 2: 'salt', 3: 'data', 4: 'key-length' }, { facts: { lengthUnit: 'bytes', kdf: 'hkdf' } }),
    call('hkdfSync', 'kdf', { 0: 'digest', 1: 'key', 2: 'salt', 3: 'data', 4: 'key-length' }, { facts: { lengthUnit: 'bytes', kdf: 'hkdf' } }),
    call('randomBytes', 'random', { 0: 'size' }),
    call('randomFillSync', 'random', {}),
    call('randomFill', 'random', {}),
    call('randomInt', 'random', {}),
    call('randomUUID', 'random', {}),
    call('getRandomValues', 'random', {}),
    call('webcrypto.getRandomValues', 'random', {}),
    call('pseudoRandomBytes', 'insecure-random', { 0: 'size' }, { deprecated: 'is deprecated (DEP0115) and was never promised to be unpredictable (it wrapped OpenSSL\'s RAND_pseudo_bytes)' }),
    call('prng', 'insecure-random', { 0: 'size' }, { deprecated: 'is a deprecated alias of pseudoRandomBytes' }),
    call('rng', 'insecure-random', { 0: 'size' }, { deprecated: 'is a deprecated alias of pseudoRandomBytes' }),
    call('timingSafeEqual', 'mac-verify', {}),
  ],
  objects: {
    Cipher: {
      methods: {
        update: method('encrypt', { 0: 'data' }),
        final: method('encrypt'),
        setAAD: method('encrypt', { 0: 'data' }),
        // The tag it returns is what gets sent: cutting it (`getAuthTag().subarray(0, 8)`) shortens the tag.
        getAuthTag: method('encrypt', {}, { facts: { returnsTag: true, tagLengthUnit: 'bytes' } }),
        setAutoPadding: method('encrypt'),
      },
    },
    Decipher: {
      methods: {
        update: method('decrypt', { 0: 'data' }),
        final: method('decrypt'),
        setAAD: method('decrypt', { 0: 'data' }),
        setAuthTag: method('decrypt', { 0: 'data' }),
        setAutoPadding: method('decrypt'),
      },
    },
    Hmac: { methods: { update: method('mac', { 0: 'data' }, { returns: 'Hmac' }), digest: method('mac') } },
    Hash: { methods: { update: method('hash', { 0: 'data' }, { returns: 'Hash' }), digest: method('hash'), copy: method('hash') } },
    Sign: {
      methods: {
        update: method('sign', { 0: 'data' }, { returns: 'Sign' }), // chains: createSign(d).update(m).sign(key)
        sign: method('sign', { 0: 'key', '0.key': 'key', '0.passphrase': 'passphrase', '0.padding': 'padding' }),
      },
    },
    Verify: {
      methods: {
        update: method('verify', { 0: 'data' }, { returns: 'Verify' }),
        verify: method('verify', { 0: 'key-or-public', '0.padding': 'padding' }),
      },
    },
    // The private key set on an agreement object exists to agree secrets with it: key-derivation input.
    ECDH: { methods: { setPrivateKey: method('key-import', { 0: 'key' }, { facts: { purpose: 'kdf-input' } }), generateKeys: method('keygen'), computeSecret: method('key-agreement') } },
    DiffieHellman: { methods: { setPrivateKey: method('key-import', { 0: 'key' }, { facts: { purpose: 'kdf-input' } }), generateKeys: method('keygen'), computeSecret: method('key-agreement') } },
    KeyObject: { methods: { export: method('key-export', { '0.format': 'format', '0.cipher': 'algorithm', '0.passphrase': 'passphrase' }, { facts: KEY_FILE_CIPHER }) } },
  },
};

/**
 * @noble/hashes (audited pure-JS hashes, also used in browsers): its HKDF derives keys like `hkdfSync`
 * (a Uint8Array, no ArrayBuffer), its HMAC is a MAC. The hash argument is a function (`sha256`), not a name.
 */
/**
 * The pbkdf2 package (crypto-browserify's PBKDF2): node:crypto's signature, but the digest is optional and
 * defaults to SHA-1 (`pbkdf2Sync(password, salt, 1000, 32)`), where Node itself throws without one.
 */
export const pbkdf2Package: LibraryModel = {
  id: 'pbkdf2',
  roots: [{ module: 'pbkdf2' }],
  apis: ['pbkdf2', 'pbkdf2Sync'].map((fn) =>
    call(fn, 'kdf', { 0: 'passphrase', 1: 'salt', 2: 'iterations', 3: 'key-length', 4: 'digest' }, { facts: { lengthUnit: 'bytes', kdf: 'pbkdf2', defaultDigest: 'sha1' } }),
  ),
};

export const nobleHashes: LibraryModel = {
  id: '@noble/hashes',
  roots: ['hkdf', 'hmac', 'scrypt', 'pbkdf2'].flatMap((name) => [{ module: `@noble/hashes/${name}` }, { module: `@noble/hashes/${name}.js` }]),
  apis: [
    call('hkdf', 'kdf', { 0: 'digest', 1: 'key', 2: 'salt', 3: 'data', 4: 'key-length' }, { facts: { lengthUnit: 'bytes', kdf: 'hkdf' } }),
    call('extract', 'kdf', { 0: 'digest', 1: 'key', 2: 'salt' }, { facts: { kdf: 'hkdf' } }),
    call('hmac', 'mac', { 0: 'digest', 1: 'key', 2: 'data' }),
  ],
};

/**
 * @panva/hkdf (under Auth.js/next-auth's session JWEs, and jose's examples): `hkdf(digest, ikm, salt, info, keylen)`, the
 * module's default export and its named `hkdf`, resolving to the derived bytes (a Uint8Array).
 */
export const panvaHkdf: LibraryModel = {
  id: '@panva/hkdf',
  roots: [{ module: '@panva/hkdf' }],
  apis: [
    call('', 'kdf', { 0: 'digest', 1: 'key', 2: 'salt', 3: 'data', 4: 'key-length' }, { facts: { lengthUnit: 'bytes', kdf: 'hkdf', calledAs: 'hkdf' } }),
    call('hkdf', 'kdf', { 0: 'digest', 1: 'key', 2: 'salt', 3: 'data', 4: 'key-length' }, { facts: { lengthUnit: 'bytes', kdf: 'hkdf' } }),
  ],
};

const nobleRoots = (name: string) => [{ module: `@noble/hashes/${name}` }, { module: `@noble/hashes/${name}.js` }];

/** @noble/hashes' password KDFs: `pbkdf2(sha256, pw, salt, { c, dkLen })`, `scrypt(pw, salt, { N, r, p })`, `argon2id(pw, salt, { t, m })` (m in KiB). */
export const noblePasswordKdfs: readonly LibraryModel[] = [
  {
    id: '@noble/hashes',
    roots: nobleRoots('pbkdf2'),
    apis: ['pbkdf2', 'pbkdf2Async'].map((fn) => call(fn, 'kdf', { 0: 'digest', 1: 'passphrase', 2: 'salt', '3.c': 'iterations', '3.dkLen': 'key-length' }, { facts: { lengthUnit: 'bytes', kdf: 'pbkdf2' } })),
  },
  {
    id: '@noble/hashes',
    roots: nobleRoots('scrypt'),
    apis: ['scrypt', 'scryptAsync'].map((fn) => call(fn, 'kdf', { 0: 'passphrase', 1: 'salt', '2.N': 'memory', '2.r': 'parallelism', '2.p': 'parallelism', '2.dkLen': 'key-length' }, { facts: { lengthUnit: 'bytes', kdf: 'scrypt' } })),
  },
  {
    id: '@noble/hashes',
    roots: nobleRoots('argon2'),
    apis: ['argon2id', 'argon2i', 'argon2d', 'argon2idAsync', 'argon2iAsync', 'argon2dAsync'].map((fn) =>
      call(fn, 'kdf', { 0: 'passphrase', 1: 'salt', '2.t': 'iterations', '2.m': 'memory', '2.p': 'parallelism', '2.dkLen': 'key-length' }, { facts: { lengthUnit: 'bytes', memoryUnit: 'KiB', kdf: 'argon2' } }),
    ),
  },
];
