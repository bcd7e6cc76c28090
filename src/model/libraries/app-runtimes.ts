import { call, construct, method } from '../define';
import type { LibraryModel } from '../types';

/**
 * OpenPGP.js: `encrypt({ message, passwords: ['…'] })` derives the session key from each password (S2K);
 * `decryptKey({ privateKey, passphrase })` unlocks an armored private key read by
 * `readPrivateKey({ armoredKey })`; `generateKey({ type: 'rsa', rsaBits })` or `{ type: 'ecc', curve }`;
 * `generateSessionKey({ encryptionKeys })` resolves to `{ data, algorithm }`, the raw bytes of a fresh symmetric
 * session key in `data`, which `encrypt({ message, sessionKey, … })` encrypts under (and wraps for the recipients).
 */
export const openpgp: LibraryModel = {
  id: 'openpgp',
  roots: [{ module: 'openpgp' }, { module: 'openpgp/lightweight' }],
  apis: [
    call('encrypt', 'encrypt', { '0.passwords': 'passphrase', '0.encryptionKeys': 'public-key', '0.signingKeys': 'key', '0.sessionKey': 'key', '0.config.preferredSymmetricAlgorithm': 'algorithm' }),
    call('decrypt', 'decrypt', { '0.passwords': 'passphrase', '0.decryptionKeys': 'key' }),
    call('decryptKey', 'key-import', { '0.privateKey': 'key', '0.passphrase': 'passphrase' }),
    // `encryptKey({ privateKey, passphrase })` and `generateKey({ …, passphrase })` protect the private key with it.
    call('encryptKey', 'key-export', { '0.privateKey': 'key', '0.passphrase': 'passphrase' }),
    call('readPrivateKey', 'key-import', { '0.armoredKey': 'key' }),
    // `config.preferredSymmetricAlgorithm` of a new key is written into its self-signature: senders encrypt messages to the
    // key with that cipher (`cipherPreference`: the algorithm named here encrypts data later, not in this call).
    call('generateKey', 'keygen', { '0.rsaBits': 'modulus-length', '0.curve': 'curve', '0.passphrase': 'passphrase', '0.config.preferredSymmetricAlgorithm': 'algorithm' }, { facts: { cipherPreference: true } }),
    call('generateSessionKey', 'keygen', {}, { facts: { keyBytesField: 'data' } }),
  ],
  // The obsolete ciphers of `enums.symmetric` (OpenPGP's CFB with an MDC: only the 64-bit-block and legacy families are
  // named here, so that `aes256` is not read as node's unauthenticated `aes-256-cbc`).
  constants: { 'enums.symmetric.tripledes': 'tripledes', 'enums.symmetric.cast5': 'cast5', 'enums.symmetric.idea': 'idea', 'enums.symmetric.blowfish': 'blowfish' },
};

/**
 * expo-crypto: `digestStringAsync(CryptoDigestAlgorithm.SHA1, text)` and `digest(algorithm, bytes)` hash their
 * data with the named algorithm (the enum's values are the WebCrypto-style names).
 */
const EXPO_DIGESTS = { SHA1: 'SHA-1', SHA256: 'SHA-256', SHA384: 'SHA-384', SHA512: 'SHA-512', MD2: 'MD2', MD4: 'MD4', MD5: 'MD5' } as const;

export const expoCrypto: LibraryModel = {
  id: 'expo-crypto',
  roots: [{ module: 'expo-crypto' }],
  apis: [
    call('digestStringAsync', 'hash', { 0: 'algorithm', 1: 'data' }),
    call('digest', 'hash', { 0: 'algorithm', 1: 'data' }),
    call('getRandomBytes', 'random', { 0: 'size' }),
    call('getRandomBytesAsync', 'random', { 0: 'size' }),
  ],
  constants: Object.fromEntries(Object.entries(EXPO_DIGESTS).map(([member, name]) => [`CryptoDigestAlgorithm.${member}`, name])),
};

/**
 * react-native-rsa-native: `RSA.generateKeys(bits)` makes a key pair; `signWithAlgorithm(data, privatePem, RSA.SHA1withRSA)`
 * signs with the named algorithm (the constants' values are their names); `sign(data, pem)` signs with SHA-512.
 * `RSAKeychain` keeps the private key in the iOS Keychain / Android Keystore: its calls take the entry's *tag*
 * (`RSAKeychain.signWithAlgorithm(data, 'com.app.device-key', RSAKeychain.SHA256withRSA)`), a name, never key material.
 */
const RN_RSA_SIGNATURES = ['SHA256withRSA', 'SHA512withRSA', 'SHA1withRSA', 'SHA256withECDSA', 'SHA512withECDSA', 'SHA1withECDSA'];

export const reactNativeRsa: LibraryModel = {
  id: 'react-native-rsa-native',
  roots: [{ module: 'react-native-rsa-native' }],
  apis: ['RSA', 'RSAKeychain'].flatMap((ns) => {
    const keyArg = ns === 'RSA' ? ({ 1: 'key' } as const) : {};
    return [
      call(`${ns}.generateKeys`, 'keygen', ns === 'RSA' ? { 0: 'modulus-length' } : { 1: 'modulus-length' }),
      call(`${ns}.generate`, 'keygen', ns === 'RSA' ? { 0: 'modulus-length' } : { 1: 'modulus-length' }),
      call(`${ns}.sign`, 'sign', { 0: 'data', ...keyArg }),
      call(`${ns}.signWithAlgorithm`, 'sign', { 0: 'data', ...keyArg, 2: 'algorithm' }),
      call(`${ns}.sign64WithAlgorithm`, 'sign', { 0: 'data', ...keyArg, 2: 'algorithm' }),
    ];
  }),
  constants: Object.fromEntries(RN_RSA_SIGNATURES.flatMap((name) => [[`RSA.${name}`, name], [`RSAKeychain.${name}`, name]])),
};

/**
 * react-native-aes-crypto: `Aes.pbkdf2(password, salt, cost, lengthInBits, 'sha256')`, `Aes.encrypt(text, keyHex,
 * ivHex, 'aes-256-cbc')` (keys and IVs are hex strings), `Aes.hmac256(text, keyHex)`, `Aes.randomKey(n)`.
 */
export const reactNativeAes: LibraryModel = {
  id: 'react-native-aes-crypto',
  roots: [{ module: 'react-native-aes-crypto' }],
  apis: [
    call('pbkdf2', 'kdf', { 0: 'passphrase', 1: 'salt', 2: 'iterations', 3: 'key-length', 4: 'digest' }, { facts: { kdf: 'pbkdf2', lengthUnit: 'bits', defaultDigest: 'sha512' } }),
    call('encrypt', 'encrypt', { 0: 'data', 1: 'key', 2: 'iv', 3: 'algorithm' }, { facts: { keyEncoding: 'hex' } }),
    call('decrypt', 'decrypt', { 0: 'data', 1: 'key', 2: 'iv', 3: 'algorithm' }, { facts: { keyEncoding: 'hex' } }),
    call('hmac256', 'mac', { 0: 'data', 1: 'key' }, { facts: { hash: 'sha256' } }),
    call('hmac512', 'mac', { 0: 'data', 1: 'key' }, { facts: { hash: 'sha512' } }),
    call('randomKey', 'random', { 0: 'size' }),
  ],
};

/**
 * Bun's built-ins: `new Bun.CryptoHasher(algorithm, hmacKey?)` hashes, or computes an HMAC when given a key;
 * `Bun.password.hash(password, { algorithm: 'bcrypt', cost })` or `{ algorithm: 'argon2id', memoryCost, timeCost }`.
 */
export const bunCrypto: LibraryModel = {
  id: 'bun',
  roots: [{ global: ['Bun'] }, { module: 'bun' }],
  apis: [
    construct('CryptoHasher', 'hash', { 0: 'algorithm', 1: 'key' }, { returns: 'BunHasher' }),
    ...['password.hash', 'password.hashSync'].map((path) =>
      call(path, 'password-hash', { 0: 'password', '1.algorithm': 'algorithm', '1.cost': 'iterations', '1.timeCost': 'iterations', '1.memoryCost': 'memory' }, { facts: { memoryUnit: 'KiB', defaultMemoryCost: 65536, defaultTimeCost: 2, kdfByAlgorithm: true } }),
    ),
    call('password.verify', 'password-verify', { 0: 'password', 1: 'data' }),
  ],
  objects: {
    BunHasher: { methods: { update: method('hash', { 0: 'data' }, { returns: 'BunHasher' }), digest: method('hash') } },
  },
};

/**
 * Encrypted on-device key-value stores, whose option is the key the whole store is encrypted with:
 * react-native-mmkv's `new MMKV({ id, encryptionKey })` (v2/v3) and `createMMKV({ encryptionKey })` (v4), at most
 * 16 bytes of AES key given as text, and `recrypt(key)` to change it; electron-store's `new Store({ encryptionKey })`.
 * A constant there is the same key in every install.
 */
export const reactNativeMmkv: LibraryModel = {
  id: 'react-native-mmkv',
  roots: [{ module: 'react-native-mmkv' }],
  apis: [
    construct('MMKV', 'encrypt', { '0.encryptionKey': 'key' }, { returns: 'MMKV' }),
    call('createMMKV', 'encrypt', { '0.encryptionKey': 'key' }, { returns: 'MMKV' }),
  ],
  objects: { MMKV: { methods: { recrypt: method('encrypt', { 0: 'key' }) } } },
};

export const electronStore: LibraryModel = {
  id: 'electron-store',
  roots: [{ module: 'electron-store' }],
  apis: [construct('', 'encrypt', { '0.encryptionKey': 'key' })],
};
