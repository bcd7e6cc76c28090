/**
 * The vocabulary of the crypto API model. Tables in `libraries/` describe, per
 * library, the calls that matter and what each argument *is*; rules ask the
 * analysis layer for calls by role and operation, never by identifier name.
 */

/** What an argument (or a property of an options-object argument) means. */
export type ArgRole =
  | 'key' // secret or private key material (or a KeyObject/CryptoKey holding it)
  | 'public-key' // public key / certificate: never secret
  | 'key-or-public' // may be either (verify with a secret for HMAC, a public key for RSA)
  | 'passphrase' // password-like secret used to derive a key (crypto-js strings, PEM passphrases)
  | 'password' // a user's password being hashed or checked (not a key: hardcoding it is a different bug)
  | 'secret' // application secret: session secret, JWT HS* secret, cookie signing secret, pepper
  | 'credential' // cloud credentials (secretAccessKey)
  | 'algorithm' // algorithm/cipher/hash/curve name
  | 'cipher-suites' // OpenSSL cipher list of a TLS context (`ciphers: 'ECDHE-RSA-AES128-GCM-SHA256:!RC4'`)
  | 'mode' // block cipher mode object (crypto-js `CryptoJS.mode.ECB`)
  | 'padding' // padding constant or name
  | 'iv' // IV / nonce / counter
  | 'salt'
  | 'iterations' // PBKDF2 iterations, bcrypt rounds, argon2 timeCost, scrypt N
  | 'memory' // scrypt N / argon2 memoryCost
  | 'parallelism'
  | 'key-length' // output / key size in bytes or bits (see `unit`)
  | 'modulus-length' // RSA/DSA/DH size in bits
  | 'curve'
  | 'tag-length' // AEAD tag length (bytes for node, bits for WebCrypto)
  | 'usages' // WebCrypto key usages array
  | 'format' // key format ('raw', 'pkcs8', 'jwk', 'pem'…)
  | 'digest' // a hash algorithm used inside another primitive (PBKDF2 digest, HMAC hash, RSA-OAEP hash)
  | 'algorithms' // allow-list of accepted algorithms (jwt.verify `algorithms`)
  | 'kms-key-id' // KMS KeyId / key ARN / alias
  | 'kms-context' // KMS EncryptionContext / AAD
  | 'kms-key-usage' // CreateKey KeyUsage
  | 'kms-key-spec' // CreateKey KeySpec / GenerateDataKey KeySpec
  | 'data' // plaintext / message / ciphertext
  | 'output' // a buffer the call writes what it produces into (sodium-native's output-first calls), instead of returning it
  | 'size'; // number of random bytes

/**
 * What a call does, from the point of view of a key: the purpose bookkeeping of
 * `no-key-reuse-across-purposes` and the sinks of the other rules derive from it.
 */
export type Operation =
  | 'encrypt'
  | 'decrypt'
  | 'mac'
  | 'mac-verify'
  | 'sign'
  | 'verify'
  | 'hash'
  | 'kdf' // derives key material from input key material (HKDF, PBKDF2 used for keys)
  | 'password-hash' // bcrypt/argon2/scrypt/pbkdf2 for password storage
  | 'password-verify'
  | 'keygen' // generates a key (random, KMS GenerateDataKey, generateKeyPair)
  | 'key-import' // wraps bytes in a key object (createSecretKey, importKey)
  | 'key-export'
  | 'key-agreement' // ECDH / DH / box.before
  | 'wrap'
  | 'unwrap'
  | 'random' // produces random bytes/numbers
  | 'insecure-random' // produces predictable numbers (Math.random, pseudoRandomBytes)
  | 'jwt-sign'
  | 'jwt-verify'
  | 'session' // session/cookie middleware configured with a secret
  | 'client' // constructs a client carrying credentials (KMSClient)
  | 'wipe' // overwrites memory (sodium.memzero)
  | 'factory' // returns a function whose calls the model describes (`customAlphabet(…)` makes an id generator); does nothing itself
  | 'encode'; // turns a constant into bytes (Buffer.from, enc.Hex.parse); transparent for value resolution.
  // Fact `freshBytes: true`: the decoder returns a new byte array of its text (`sodium.from_base64(t)`), which holds a
  // secret's bytes like `Buffer.from(t, 'base64')` when `t` is one (a zeroization source).

/**
 * How an argument is addressed: `1` (2nd positional), `0.iv` (property `iv` of the 1st argument), `0.useFactory().secret`
 * (property `secret` of what the factory in `useFactory` returns), `0.secretOrKeyProvider(2:1)` (the 2nd argument the
 * function in `secretOrKeyProvider` passes to its 3rd parameter, a completion callback: `done(null, secret)`).
 */
export type ArgAddress = `${number}` | `${number}.${string}`;

/** Where a value given by assignment to a property of a modelled object sits: `=keys` for `app.keys = …`. */
export type AssignedAddress = `=${string}`;

export interface ApiModel {
  /** Path below the library root, e.g. `['createCipheriv']` or `['AES', 'encrypt']`. */
  path: readonly string[];
  /** `construct` for `new X(...)`. */
  kind: 'call' | 'construct';
  operation: Operation;
  /** Argument roles by address. */
  args: Readonly<Partial<Record<ArgAddress, ArgRole>>>;
  /** Name of an object model (see `LibraryModel.objects`) for what the call returns. */
  returns?: string;
  /** Set when the API itself is deprecated/insecure; the text says why. */
  deprecated?: string;
  /** Free-form facts rules may use (e.g. `{ kdf: 'md5-evp' }` for crypto-js passphrase mode). */
  facts?: Readonly<Record<string, string | number | boolean>>;
}

/** Methods callable on an object a modelled call returned (a Cipher, a KMSClient…). */
export interface ObjectModel {
  methods: Readonly<Record<string, Omit<ApiModel, 'path' | 'kind'>>>;
  /** What calling the object itself does, when it is a function (the generator nanoid's `customAlphabet(…)` returns). */
  invoked?: Omit<ApiModel, 'path' | 'kind'>;
  /** Properties holding other modelled objects (forge `cert.publicKey`, `keypair.privateKey`): property → object model name. */
  properties?: Readonly<Record<string, string>>;
  /**
   * Properties whose assignment hands the object a value in a role, as an argument would:
   * Koa's `app.keys = ['…']` sets the keys that sign its cookies. Property → role.
   */
  assignments?: Readonly<Record<string, ArgRole>>;
}

/**
 * Where a library's namespace can be reached from.
 * - `at`: where inside the root the namespace sits — `{ module: 'crypto', at: ['webcrypto', 'subtle'] }`
 *   says WebCrypto's namespace is `require('crypto').webcrypto.subtle`.
 * - `provides`: which part of the namespace the root is — `{ module: 'crypto-js/aes', provides: ['AES'] }`
 *   says `require('crypto-js/aes')` is the library's `AES`.
 * - `esm`: the module is ESM-only (named imports are exports, no CJS default interop).
 */
export type LibraryRoot =
  | { module: string; at?: readonly string[]; provides?: readonly string[]; esm?: boolean }
  | { global: readonly string[]; provides?: readonly string[] };

export interface LibraryModel {
  /** Stable id used in messages and the inventory, e.g. `node:crypto`. */
  id: string;
  roots: readonly LibraryRoot[];
  apis: readonly ApiModel[];
  objects?: Readonly<Record<string, ObjectModel>>;
  /**
   * Values of the library's named constants, by path in its namespace (`crypto_pwhash_MEMLIMIT_MIN` → 8192,
   * expo-crypto's `CryptoDigestAlgorithm.SHA1` → `'SHA-1'`), so that costs and algorithms given by name are
   * judged like literals.
   */
  constants?: Readonly<Record<string, number | string>>;
}
