import { call, construct, method } from '../define';
import type { LibraryModel } from '../types';

/**
 * aes-js: a mode object is made from the key (and IV or `Counter`) and then
 * `encrypt`s or `decrypt`s. The mode is named by the constructor
 * (`new aesjs.ModeOfOperation.ecb(key)`), so each is a cipher whose facts carry
 * that mode. `new aesjs.Counter(n)` is the CTR initial counter block: a written
 * number or byte array there is a constant nonce, hence transparent (`encode`).
 */
const AES_JS_MODES = ['ecb', 'cbc', 'cfb', 'ofb', 'ctr'] as const;

export const aesJs: LibraryModel = {
  id: 'aes-js',
  roots: [{ module: 'aes-js' }],
  apis: [
    ...AES_JS_MODES.map((mode) => construct(`ModeOfOperation.${mode}`, 'encrypt', mode === 'ecb' ? { 0: 'key' } : { 0: 'key', 1: 'iv' }, { facts: { cipher: `aes-${mode}` } })),
    construct('Counter', 'encode', { 0: 'data' }, { facts: { encoding: 'counter' } }),
    call('utils.hex.toBytes', 'encode', { 0: 'data' }, { facts: { encoding: 'hex' } }),
    call('utils.utf8.toBytes', 'encode', { 0: 'data' }, { facts: { encoding: 'utf8' } }),
  ],
};

/**
 * SJCL: `sjcl.encrypt(password, data, { iter, ks, mode })` derives the key with
 * PBKDF2-HMAC-SHA256 (10,000 iterations when `iter` is omitted); raw keys go
 * to `new sjcl.cipher.aes(key)`; `sjcl.codec.*.toBits` decodes written keys.
 */
const SJCL_AEAD_MODES = ['ccm', 'gcm', 'ocb2'] as const;

export const sjcl: LibraryModel = {
  id: 'sjcl',
  roots: [{ module: 'sjcl' }],
  apis: [
    call('encrypt', 'encrypt', { 0: 'passphrase', 1: 'data', '2.iter': 'iterations', '2.salt': 'salt', '2.iv': 'iv', '2.mode': 'mode' }, { facts: { kdf: 'pbkdf2', defaultDigest: 'sha256', defaultIterations: 10000, optionsIndex: 2 } }),
    call('decrypt', 'decrypt', { 0: 'passphrase', 1: 'data' }),
    call('misc.pbkdf2', 'kdf', { 0: 'passphrase', 1: 'salt', 2: 'iterations', 3: 'key-length' }, { facts: { kdf: 'pbkdf2', defaultDigest: 'sha256', lengthUnit: 'bits' } }),
    construct('cipher.aes', 'encrypt', { 0: 'key' }),
    // The block modes take the cipher object, the data, the IV, then (AEAD modes) the associated data and tag length in bits.
    ...SJCL_AEAD_MODES.flatMap((mode) => [
      call(`mode.${mode}.encrypt`, 'encrypt', { 1: 'data', 2: 'iv', 4: 'tag-length' }, { facts: { tagLengthUnit: 'bits' } }),
      call(`mode.${mode}.decrypt`, 'decrypt', { 1: 'data', 2: 'iv', 4: 'tag-length' }, { facts: { tagLengthUnit: 'bits' } }),
    ]),
    call('mode.cbc.encrypt', 'encrypt', { 1: 'data', 2: 'iv' }, { facts: { cipher: 'aes-cbc' } }),
    call('mode.cbc.decrypt', 'decrypt', { 1: 'data', 2: 'iv' }, { facts: { cipher: 'aes-cbc' } }),
    call('codec.hex.toBits', 'encode', { 0: 'data' }, { facts: { encoding: 'hex' } }),
    call('codec.base64.toBits', 'encode', { 0: 'data' }, { facts: { encoding: 'base64' } }),
    call('codec.utf8String.toBits', 'encode', { 0: 'data' }, { facts: { encoding: 'utf8' } }),
  ],
};

/**
 * node-rsa: `new NodeRSA({ b: 512 })` generates a key of `b` bits; `new NodeRSA(pem, format, options)`
 * imports one. `encryptionScheme: 'pkcs1'` selects PKCS#1 v1.5 encryption padding and
 * `signingScheme: 'pkcs1-sha1'` SHA-1 signatures, in the constructor or in `setOptions`.
 */
const NODE_RSA_OPTIONS = { encryptionPadding: true } as const;

export const nodeRsa: LibraryModel = {
  id: 'node-rsa',
  roots: [{ module: 'node-rsa' }],
  apis: [
    construct(
      '',
      'key-import',
      { 0: 'key-or-public', '0.b': 'modulus-length', '2.encryptionScheme': 'padding', '2.encryptionScheme.scheme': 'padding', '2.signingScheme': 'algorithm' },
      { returns: 'NodeRsaKey', facts: NODE_RSA_OPTIONS },
    ),
  ],
  objects: {
    NodeRsaKey: {
      methods: {
        generateKeyPair: method('keygen', { 0: 'modulus-length' }),
        importKey: method('key-import', { 0: 'key-or-public' }),
        setOptions: method('key-import', { '0.encryptionScheme': 'padding', '0.encryptionScheme.scheme': 'padding', '0.signingScheme': 'algorithm' }, { facts: NODE_RSA_OPTIONS }),
        // The key object does the work itself (OAEP and PSS/PKCS#1 SHA-256 by default): what it is used for is
        // its purpose. `encryptPrivate`/`decryptPublic` are the raw private-key operation of a signature scheme.
        encrypt: method('encrypt', { 0: 'data' }),
        decrypt: method('decrypt', { 0: 'data' }),
        sign: method('sign', { 0: 'data' }),
        verify: method('verify', { 0: 'data', 1: 'data' }),
        encryptPrivate: method('sign', { 0: 'data' }),
        decryptPublic: method('verify', { 0: 'data' }),
      },
    },
  },
};

/**
 * @noble/ciphers: `gcm(key, nonce).encrypt(data)`, `ecb(key)`, `chacha20poly1305(key, nonce)`. The
 * function names the mode, so each is a cipher whose facts carry it (like aes-js above).
 */
const NOBLE_AES_MODES = ['gcm', 'gcmsiv', 'siv', 'cbc', 'ctr', 'cfb', 'ecb'] as const;
const nobleRoots = (name: string) => [{ module: `@noble/ciphers/${name}` }, { module: `@noble/ciphers/${name}.js` }];

export const nobleCiphersAes: LibraryModel = {
  id: '@noble/ciphers',
  roots: nobleRoots('aes'),
  apis: NOBLE_AES_MODES.map((mode) =>
    call(mode, 'encrypt', mode === 'ecb' ? { 0: 'key' } : { 0: 'key', 1: 'iv' }, { facts: { cipher: `aes-${mode === 'gcmsiv' ? 'siv' : mode}` } }),
  ),
};

export const nobleCiphersChacha: LibraryModel = {
  id: '@noble/ciphers',
  roots: [...nobleRoots('chacha'), ...nobleRoots('salsa')],
  apis: [
    call('chacha20poly1305', 'encrypt', { 0: 'key', 1: 'iv' }, { facts: { cipher: 'chacha20-poly1305' } }),
    call('xchacha20poly1305', 'encrypt', { 0: 'key', 1: 'iv' }, { facts: { cipher: 'xchacha20-poly1305' } }),
    call('xsalsa20poly1305', 'encrypt', { 0: 'key', 1: 'iv' }),
    call('secretbox', 'encrypt', { 0: 'key', 1: 'iv' }),
  ],
};

/** The CSPRNG and the decoders of the noble packages (`hexToBytes('…')` turns a written key into bytes). */
export const nobleUtils: LibraryModel = {
  id: '@noble/ciphers',
  roots: [...nobleRoots('webcrypto'), ...nobleRoots('utils'), { module: '@noble/hashes/utils' }, { module: '@noble/hashes/utils.js' }],
  apis: [
    call('randomBytes', 'random', { 0: 'size' }),
    call('hexToBytes', 'encode', { 0: 'data' }, { facts: { encoding: 'hex', freshBytes: true } }),
    call('utf8ToBytes', 'encode', { 0: 'data' }, { facts: { encoding: 'utf8', freshBytes: true } }),
  ],
};

/**
 * @noble/curves: each module exports curve objects (`x25519`, `ed25519`, `secp256k1`, `p256`…) whose
 * `utils.randomPrivateKey()` (`randomSecretKey()` since v2) returns a fresh secret key as bytes,
 * `getSharedSecret(priv, pub)` the raw Diffie-Hellman secret (a KDF turns it into keys), and `sign(msg, priv)`
 * a signature.
 */
const NOBLE_CURVE_MODULES = ['ed25519', 'ed448', 'secp256k1', 'p256', 'p384', 'p521', 'nist'];
const NOBLE_CURVES = ['x25519', 'x448', 'ed25519', 'ed25519ctx', 'ed25519ph', 'ed448', 'secp256k1', 'p256', 'p384', 'p521', 'secp256r1', 'secp384r1', 'secp521r1'];

export const nobleCurves: LibraryModel = {
  id: '@noble/curves',
  roots: NOBLE_CURVE_MODULES.flatMap((name) => [{ module: `@noble/curves/${name}` }, { module: `@noble/curves/${name}.js` }]),
  apis: NOBLE_CURVES.flatMap((curve) => [
    call(`${curve}.utils.randomPrivateKey`, 'keygen', {}, { facts: { secretKeyBytes: true } }),
    call(`${curve}.utils.randomSecretKey`, 'keygen', {}, { facts: { secretKeyBytes: true } }),
    // Edwards curves only sign; Montgomery curves (x25519, x448) only agree; Weierstrass curves do both.
    ...(curve.startsWith('ed') ? [] : [call(`${curve}.getSharedSecret`, 'key-agreement', { 0: 'key', 1: 'public-key' })]),
    ...(curve.startsWith('x') ? [] : [call(`${curve}.sign`, 'sign', { 0: 'data', 1: 'key' })]),
    // The Montgomery (X25519/X448) form of an Edwards secret key is the same secret.
    ...(curve.startsWith('ed') ? [call(`${curve}.utils.toMontgomerySecret`, 'key-import', { 0: 'key' }, { facts: { keyOfInput: true, secretKeyBytes: true } })] : []),
  ]).concat([
    call('edwardsToMontgomeryPriv', 'key-import', { 0: 'key' }, { facts: { keyOfInput: true, secretKeyBytes: true } }),
  ]),
};

/**
 * @noble/secp256k1 (the standalone package wallets used before @noble/curves): the same functions at the module's top
 * level — `sign(msgHash, privateKey)` (and `signAsync`), `getSharedSecret(privateKey, publicKey)`,
 * `utils.randomPrivateKey()`.
 */
export const nobleSecp256k1: LibraryModel = {
  id: '@noble/secp256k1',
  roots: [{ module: '@noble/secp256k1' }],
  apis: [
    call('utils.randomPrivateKey', 'keygen', {}, { facts: { secretKeyBytes: true } }),
    call('utils.randomSecretKey', 'keygen', {}, { facts: { secretKeyBytes: true } }),
    call('getSharedSecret', 'key-agreement', { 0: 'key', 1: 'public-key' }),
    call('sign', 'sign', { 0: 'data', 1: 'key' }),
    call('signAsync', 'sign', { 0: 'data', 1: 'key' }),
  ],
};

/**
 * JSEncrypt (browser RSA): `encrypt`/`decrypt` always use PKCS#1 v1.5 padding; `default_key_size`
 * sets the size of keys it generates.
 */
const JSENCRYPT_PKCS1 = { defaultPadding: 'RSAES-PKCS1-V1_5', asymmetric: true } as const;

export const jsencrypt: LibraryModel = {
  id: 'jsencrypt',
  roots: [{ module: 'jsencrypt' }],
  apis: [construct('', 'key-import', { '0.default_key_size': 'modulus-length' }, { returns: 'JSEncryptKey' }), construct('JSEncrypt', 'key-import', { '0.default_key_size': 'modulus-length' }, { returns: 'JSEncryptKey' })],
  objects: {
    JSEncryptKey: {
      methods: {
        encrypt: method('encrypt', { 0: 'data' }, { facts: JSENCRYPT_PKCS1 }),
        decrypt: method('decrypt', { 0: 'data' }, { facts: JSENCRYPT_PKCS1 }),
        setPrivateKey: method('key-import', { 0: 'key-or-public' }),
        setKey: method('key-import', { 0: 'key-or-public' }),
        setPublicKey: method('key-import', { 0: 'public-key' }),
        sign: method('sign', { 0: 'data', 2: 'algorithm' }),
        verify: method('verify', { 0: 'data' }),
      },
    },
  },
};

/**
 * elliptic: `new EC('p192')` fixes the curve of every key made, signed or verified with that
 * context (`ec.genKeyPair()`, `ec.keyFromPrivate(…)`); `new EdDSA('ed25519')` likewise.
 * `keyFromPrivate(hex, 'hex')` wraps written private key bytes (`keyFromSecret` for EdDSA); the key pair it
 * returns signs and derives ECDH secrets.
 */
export const elliptic: LibraryModel = {
  id: 'elliptic',
  roots: [{ module: 'elliptic' }],
  apis: [construct('ec', 'keygen', { 0: 'curve' }, { returns: 'EllipticCurve' }), construct('eddsa', 'keygen', { 0: 'curve' }, { returns: 'EllipticCurve' })],
  objects: {
    EllipticCurve: {
      methods: {
        keyFromPrivate: method('key-import', { 0: 'key' }, { returns: 'EllipticKeyPair' }),
        keyFromSecret: method('key-import', { 0: 'key' }, { returns: 'EllipticKeyPair' }),
        keyFromPublic: method('key-import', { 0: 'public-key' }),
        genKeyPair: method('keygen', {}, { returns: 'EllipticKeyPair' }),
      },
    },
    // A key pair signs (`key.sign(digest)`) and agrees (`key.derive(theirPublic)`, the raw ECDH secret a KDF
    // turns into keys): one private key doing both serves two purposes.
    EllipticKeyPair: {
      methods: {
        sign: method('sign', { 0: 'data' }),
        derive: method('key-agreement', { 0: 'public-key' }),
      },
    },
  },
};

/**
 * age-encryption (typage): `new Decrypter()` then `addIdentity('AGE-SECRET-KEY-1…')` (an X25519 private key) or
 * `addPassphrase(p)`; `new Encrypter()` then `addRecipient('age1…')` (a public key) or `setPassphrase(p)`.
 */
export const ageEncryption: LibraryModel = {
  id: 'age-encryption',
  roots: [{ module: 'age-encryption' }],
  apis: [
    construct('Decrypter', 'decrypt', {}, { returns: 'AgeDecrypter' }),
    construct('Encrypter', 'encrypt', {}, { returns: 'AgeEncrypter' }),
    call('identityToRecipient', 'key-export', { 0: 'key' }),
    call('generateIdentity', 'keygen'),
  ],
  objects: {
    AgeDecrypter: {
      methods: {
        addIdentity: method('decrypt', { 0: 'key' }),
        addPassphrase: method('decrypt', { 0: 'passphrase' }),
        decrypt: method('decrypt', { 0: 'data' }),
      },
    },
    AgeEncrypter: {
      methods: {
        addRecipient: method('encrypt', { 0: 'public-key' }),
        setPassphrase: method('encrypt', { 0: 'passphrase' }),
        // The passphrase recipient's scrypt cost as log2(N) (age's default is 18).
        setScryptWorkFactor: method('kdf', { 0: 'memory' }, { facts: { kdf: 'scrypt', scryptCost: 'log2' } }),
        encrypt: method('encrypt', { 0: 'data' }),
      },
    },
  },
};

/**
 * Fernet tokens (AES-128-CBC + HMAC-SHA256, interoperable with Python's `cryptography`): the 32-byte base64url
 * secret holds both keys. fernet: `new fernet.Secret(key)`; fernet-nodejs: `new Fernet(key)`, `Fernet.encrypt(msg, key)`.
 */
export const fernet: LibraryModel = {
  id: 'fernet',
  roots: [{ module: 'fernet' }, { module: 'fernet-nodejs' }],
  apis: [
    construct('Secret', 'key-import', { 0: 'key' }),
    construct('Fernet', 'encrypt', { 0: 'key' }),
    call('Fernet.encrypt', 'encrypt', { 0: 'data', 1: 'key' }),
    call('Fernet.decrypt', 'decrypt', { 0: 'data', 1: 'key' }),
  ],
};

/**
 * des.js (crypto-browserify's DES): `des.DES.create({ type, key })` and `des.EDE.create(…)` are ECB block ciphers;
 * `des.CBC.instantiate(des.EDE).create({ type, key, iv })` chains them in CBC. The cipher classes are named by
 * their members (`des.EDE` is two-key/three-key Triple DES).
 */
const DES_JS_OPTIONS = { '0.key': 'key', '0.iv': 'iv' } as const;

export const desJs: LibraryModel = {
  id: 'des.js',
  roots: [{ module: 'des.js' }],
  apis: [
    call('DES.create', 'encrypt', DES_JS_OPTIONS, { facts: { cipher: 'des-ecb' } }),
    call('EDE.create', 'encrypt', DES_JS_OPTIONS, { facts: { cipher: 'des-ede3-ecb' } }),
    call('CBC.instantiate', 'encrypt', { 0: 'algorithm' }, { returns: 'DesMode' }),
  ],
  objects: {
    DesMode: { methods: { create: method('encrypt', DES_JS_OPTIONS) } },
  },
  constants: { DES: 'des', EDE: 'des-ede3' },
};

/**
 * asmcrypto.js (asm.js AES and hashes): one-shot ciphers `AES_GCM.encrypt(data, key, nonce, adata, tagSize)`,
 * `AES_CBC.encrypt(data, key, padding, iv)`, `AES_CTR.encrypt(data, key, nonce)`, `AES_ECB.encrypt(data, key, padding)`;
 * PBKDF2 as `Pbkdf2HmacSha256(password, salt, count, length)` (the digest is in the name) and HMACs as classes.
 */
const ASMCRYPTO_MODES: readonly (readonly [name: string, cipher: string, args: Record<string, 'key' | 'iv' | 'data' | 'tag-length'>])[] = [
  ['AES_GCM', 'aes-gcm', { 0: 'data', 1: 'key', 2: 'iv', 4: 'tag-length' }],
  ['AES_CCM', 'aes-ccm', { 0: 'data', 1: 'key', 2: 'iv', 4: 'tag-length' }],
  ['AES_CBC', 'aes-cbc', { 0: 'data', 1: 'key', 3: 'iv' }],
  ['AES_CTR', 'aes-ctr', { 0: 'data', 1: 'key', 2: 'iv' }],
  ['AES_CFB', 'aes-cfb', { 0: 'data', 1: 'key', 2: 'iv' }],
  ['AES_OFB', 'aes-ofb', { 0: 'data', 1: 'key', 2: 'iv' }],
  ['AES_ECB', 'aes-ecb', { 0: 'data', 1: 'key' }],
];
const ASMCRYPTO_PBKDF2: readonly (readonly [name: string, digest: string])[] = [
  ['Pbkdf2HmacSha1', 'sha1'],
  ['Pbkdf2HmacSha256', 'sha256'],
  ['Pbkdf2HmacSha512', 'sha512'],
];

export const asmcrypto: LibraryModel = {
  id: 'asmcrypto.js',
  roots: [{ module: 'asmcrypto.js' }, { module: 'asmcrypto-lite' }],
  apis: [
    ...ASMCRYPTO_MODES.flatMap(([name, cipher, args]) => [
      call(`${name}.encrypt`, 'encrypt', args, { facts: { cipher, tagLengthUnit: 'bytes' } }),
      call(`${name}.decrypt`, 'decrypt', args, { facts: { cipher, tagLengthUnit: 'bytes' } }),
    ]),
    ...ASMCRYPTO_PBKDF2.map(([name, digest]) =>
      call(name, 'kdf', { 0: 'passphrase', 1: 'salt', 2: 'iterations', 3: 'key-length' }, { facts: { kdf: 'pbkdf2', defaultDigest: digest, lengthUnit: 'bytes' } }),
    ),
    construct('HmacSha1', 'mac', { 0: 'key' }, { facts: { hash: 'SHA1' } }),
    construct('HmacSha256', 'mac', { 0: 'key' }),
    construct('HmacSha512', 'mac', { 0: 'key' }),
  ],
};

/** cryptr: `new Cryptr(secret, options)` derives its AES-256-GCM key from the secret string (PBKDF2, random salt per message). */
export const cryptr: LibraryModel = {
  id: 'cryptr',
  roots: [{ module: 'cryptr' }],
  apis: [construct('', 'encrypt', { 0: 'passphrase' })],
};

/**
 * @stablelib (one package per primitive): AEADs made from their key (`new ChaCha20Poly1305(key)`), whose
 * `seal(nonce, plaintext, ad)`/`open(nonce, sealed, ad)` take the nonce; `hmac(Hash, key, data)` and
 * `new HMAC(Hash, key)`; hex/base64/utf8 codecs whose `decode`/`encode` turn written text into bytes.
 */
const STABLELIB_AEAD = { methods: { seal: method('encrypt', { 0: 'iv', 1: 'data' }), open: method('decrypt', { 0: 'iv', 1: 'data' }) } };

export const stablelibAeads: readonly LibraryModel[] = [
  { id: '@stablelib/chacha20poly1305', roots: [{ module: '@stablelib/chacha20poly1305' }], apis: [construct('ChaCha20Poly1305', 'encrypt', { 0: 'key' }, { returns: 'StablelibAead', facts: { cipher: 'chacha20-poly1305' } })], objects: { StablelibAead: STABLELIB_AEAD } },
  { id: '@stablelib/xchacha20poly1305', roots: [{ module: '@stablelib/xchacha20poly1305' }], apis: [construct('XChaCha20Poly1305', 'encrypt', { 0: 'key' }, { returns: 'StablelibAead', facts: { cipher: 'xchacha20-poly1305' } })], objects: { StablelibAead: STABLELIB_AEAD } },
  { id: '@stablelib/aes', roots: [{ module: '@stablelib/aes' }], apis: [construct('AES', 'encrypt', { 0: 'key' })] },
  { id: '@stablelib/aes-siv', roots: [{ module: '@stablelib/aes-siv' }], apis: [construct('AESSIV', 'encrypt', { 1: 'key' }, { returns: 'StablelibAead' })], objects: { StablelibAead: STABLELIB_AEAD } },
  {
    id: '@stablelib/hmac',
    roots: [{ module: '@stablelib/hmac' }],
    apis: [construct('HMAC', 'mac', { 0: 'digest', 1: 'key' }), call('hmac', 'mac', { 0: 'digest', 1: 'key', 2: 'data' })],
  },
  { id: '@stablelib/hex', roots: [{ module: '@stablelib/hex' }], apis: [call('decode', 'encode', { 0: 'data' }, { facts: { encoding: 'hex', freshBytes: true } })] },
  { id: '@stablelib/base64', roots: [{ module: '@stablelib/base64' }], apis: [call('decode', 'encode', { 0: 'data' }, { facts: { encoding: 'base64', freshBytes: true } }), call('decodeURLSafe', 'encode', { 0: 'data' }, { facts: { encoding: 'base64url', freshBytes: true } })] },
  { id: '@stablelib/utf8', roots: [{ module: '@stablelib/utf8' }], apis: [call('encode', 'encode', { 0: 'data' }, { facts: { encoding: 'utf8', freshBytes: true } })] },
  { id: '@stablelib/random', roots: [{ module: '@stablelib/random' }], apis: [call('randomBytes', 'random', { 0: 'size' })] },
];

/**
 * eciesjs (secp256k1/x25519 ECIES): `PrivateKey.fromHex(hex)`/`new PrivateKey(bytes)` wrap a written secret key;
 * `decrypt(secretKey, data)` and `encrypt(publicKey, data)`.
 */
export const eciesjs: LibraryModel = {
  id: 'eciesjs',
  roots: [{ module: 'eciesjs' }],
  apis: [
    call('PrivateKey.fromHex', 'key-import', { 0: 'key' }),
    construct('PrivateKey', 'key-import', { 0: 'key' }),
    call('PublicKey.fromHex', 'key-import', { 0: 'public-key' }),
    call('decrypt', 'decrypt', { 0: 'key', 1: 'data' }),
    call('encrypt', 'encrypt', { 0: 'public-key', 1: 'data' }),
  ],
};

/** keypair (pure-JS RSA key generation, from node-forge): `keypair({ bits, e })`, 2048 bits by default. */
export const keypairPackage: LibraryModel = {
  id: 'keypair',
  roots: [{ module: 'keypair' }],
  apis: [call('', 'keygen', { '0.bits': 'modulus-length' }, { facts: { asymmetric: true } })],
};

/**
 * Storage and state encryptors keyed by a secret string they derive their cipher key from: aes256
 * (`aes256.encrypt(key, text)`, `aes256.createCipher(key)`), encrypt-storage (`new EncryptStorage(secret, options)`),
 * simple-crypto-js (`new SimpleCrypto(secret)`), secure-ls (`new SecureLS({ encryptionSecret })`) and
 * redux-persist-transform-encrypt (`encryptTransform({ secretKey })`).
 */
export const secretStringEncryptors: readonly LibraryModel[] = [
  {
    id: 'aes256',
    roots: [{ module: 'aes256' }],
    apis: [call('encrypt', 'encrypt', { 0: 'passphrase', 1: 'data' }), call('decrypt', 'decrypt', { 0: 'passphrase', 1: 'data' }), call('createCipher', 'encrypt', { 0: 'passphrase' })],
  },
  { id: 'encrypt-storage', roots: [{ module: 'encrypt-storage' }], apis: [construct('EncryptStorage', 'encrypt', { 0: 'passphrase' })] },
  { id: 'simple-crypto-js', roots: [{ module: 'simple-crypto-js' }], apis: [construct('', 'encrypt', { 0: 'passphrase' }), construct('SimpleCrypto', 'encrypt', { 0: 'passphrase' })] },
  { id: 'secure-ls', roots: [{ module: 'secure-ls' }], apis: [construct('', 'encrypt', { '0.encryptionSecret': 'passphrase' })] },
  { id: 'redux-persist-transform-encrypt', roots: [{ module: 'redux-persist-transform-encrypt' }], apis: [call('encryptTransform', 'encrypt', { '0.secretKey': 'passphrase' })] },
];

/**
 * paseto (panva): `V3.encrypt(payload, key)`/`V4.sign(payload, privateKey)` and their `decrypt`/`verify`, for each
 * protocol version; local keys and private keys are secrets, the verifying key is public.
 */
export const paseto: LibraryModel = {
  id: 'paseto',
  roots: [{ module: 'paseto' }],
  apis: ['V1', 'V2', 'V3', 'V4'].flatMap((v) => [
    call(`${v}.encrypt`, 'encrypt', { 0: 'data', 1: 'key' }),
    call(`${v}.decrypt`, 'decrypt', { 0: 'data', 1: 'key' }),
    call(`${v}.sign`, 'sign', { 0: 'data', 1: 'key' }),
    call(`${v}.verify`, 'verify', { 0: 'data', 1: 'public-key' }),
  ]),
};
