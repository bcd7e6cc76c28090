import { call } from '../define';
import type { ApiModel, LibraryModel } from '../types';

/** tweetnacl: `nacl.secretbox(msg, nonce, key)`, `nacl.box(msg, nonce, theirPk, mySk)`, … */
export const tweetnacl: LibraryModel = {
  id: 'tweetnacl',
  roots: [{ module: 'tweetnacl' }, { module: 'tweetnacl/nacl-fast' }, { module: 'tweetnacl/nacl' }],
  apis: [
    call('secretbox', 'encrypt', { 0: 'data', 1: 'iv', 2: 'key' }),
    call('secretbox.open', 'decrypt', { 0: 'data', 1: 'iv', 2: 'key' }),
    call('box', 'encrypt', { 0: 'data', 1: 'iv', 2: 'public-key', 3: 'key' }),
    call('box.open', 'decrypt', { 0: 'data', 1: 'iv', 2: 'public-key', 3: 'key' }),
    call('box.before', 'key-agreement', { 0: 'public-key', 1: 'key' }),
    call('box.after', 'encrypt', { 0: 'data', 1: 'iv', 2: 'key' }),
    call('box.open.after', 'decrypt', { 0: 'data', 1: 'iv', 2: 'key' }),
    call('box.keyPair', 'keygen'),
    call('box.keyPair.fromSecretKey', 'key-import', { 0: 'key' }, { facts: { purpose: 'kdf-input' } }),
    call('sign', 'sign', { 0: 'data', 1: 'key' }),
    call('sign.detached', 'sign', { 0: 'data', 1: 'key' }),
    call('sign.keyPair', 'keygen'),
    call('sign.keyPair.fromSecretKey', 'key-import', { 0: 'key' }, { facts: { purpose: 'sign' } }),
    call('sign.keyPair.fromSeed', 'key-import', { 0: 'key' }, { facts: { purpose: 'sign' } }),
    call('randomBytes', 'random', { 0: 'size' }),
    call('hash', 'hash', { 0: 'data' }),
    // HMAC-SHA-512-256, added as `nacl.auth` by tweetnacl-auth (see tweetnaclAuth below)
    call('auth', 'mac', { 0: 'data', 1: 'key' }),
    call('auth.full', 'mac', { 0: 'data', 1: 'key' }),
  ],
};

/** tweetnacl-auth: `auth(message, key)` / `auth.full(message, key)`, often attached as `nacl.auth`. */
export const tweetnaclAuth: LibraryModel = {
  id: 'tweetnacl-auth',
  roots: [{ module: 'tweetnacl-auth' }],
  apis: [call('', 'mac', { 0: 'data', 1: 'key' }), call('full', 'mac', { 0: 'data', 1: 'key' })],
};

/**
 * ed2curve: turns a tweetnacl Ed25519 signing key (or key pair) into the Curve25519 box key with the same
 * secret scalar, so the converted key is the signing key for key-purpose tracking.
 */
export const ed2curve: LibraryModel = {
  id: 'ed2curve',
  roots: [{ module: 'ed2curve' }],
  apis: [
    call('convertSecretKey', 'key-import', { 0: 'key' }, { facts: { keyOfInput: true, secretKeyBytes: true } }),
    call('convertKeyPair', 'key-import', { 0: 'key' }, { facts: { keyOfInput: true, secretKeyField: 'secretKey' } }),
  ],
};

/** tweetnacl-util's decoders turn constants into bytes (a new `Uint8Array` each: `freshBytes`). */
export const tweetnaclUtil: LibraryModel = {
  id: 'tweetnacl-util',
  roots: [{ module: 'tweetnacl-util' }],
  apis: [
    call('decodeUTF8', 'encode', { 0: 'data' }, { facts: { encoding: 'utf8', freshBytes: true } }),
    call('decodeBase64', 'encode', { 0: 'data' }, { facts: { encoding: 'base64', freshBytes: true } }),
  ],
};

const sodiumApis: ApiModel[] = [
  call('crypto_secretbox_easy', 'encrypt', { 0: 'data', 1: 'iv', 2: 'key' }),
  call('crypto_secretbox_open_easy', 'decrypt', { 0: 'data', 1: 'iv', 2: 'key' }),
  call('crypto_secretbox_detached', 'encrypt', { 0: 'data', 1: 'iv', 2: 'key' }),
  call('crypto_secretbox_open_detached', 'decrypt', { 0: 'data', 2: 'iv', 3: 'key' }),
  ...['xchacha20poly1305_ietf', 'chacha20poly1305_ietf', 'chacha20poly1305', 'aes256gcm'].flatMap((aead) => [
    call(`crypto_aead_${aead}_encrypt`, 'encrypt', { 0: 'data', 1: 'data', 3: 'iv', 4: 'key' }),
    call(`crypto_aead_${aead}_decrypt`, 'decrypt', { 1: 'data', 2: 'data', 3: 'iv', 4: 'key' }),
    call(`crypto_aead_${aead}_encrypt_detached`, 'encrypt', { 0: 'data', 1: 'data', 3: 'iv', 4: 'key' }),
    call(`crypto_aead_${aead}_decrypt_detached`, 'decrypt', { 1: 'data', 2: 'data', 3: 'data', 4: 'iv', 5: 'key' }),
    call(`crypto_aead_${aead}_keygen`, 'keygen'),
  ]),
  call('crypto_box_easy', 'encrypt', { 0: 'data', 1: 'iv', 2: 'public-key', 3: 'key' }),
  call('crypto_box_open_easy', 'decrypt', { 0: 'data', 1: 'iv', 2: 'public-key', 3: 'key' }),
  call('crypto_box_beforenm', 'key-agreement', { 0: 'public-key', 1: 'key' }),
  call('crypto_box_easy_afternm', 'encrypt', { 0: 'data', 1: 'iv', 2: 'key' }),
  call('crypto_box_open_easy_afternm', 'decrypt', { 0: 'data', 1: 'iv', 2: 'key' }),
  call('crypto_box_seal_open', 'decrypt', { 0: 'data', 1: 'public-key', 2: 'key' }),
  call('crypto_box_keypair', 'keygen'),
  call('crypto_kx_keypair', 'keygen'),
  call('crypto_kx_client_session_keys', 'key-agreement', { 0: 'public-key', 1: 'key', 2: 'public-key' }, { facts: { sessionKeys: 'sharedRx,sharedTx' } }),
  call('crypto_kx_server_session_keys', 'key-agreement', { 0: 'public-key', 1: 'key', 2: 'public-key' }, { facts: { sessionKeys: 'sharedRx,sharedTx' } }),
  call('crypto_box_seed_keypair', 'key-import', { 0: 'key' }, { facts: { purpose: 'kdf-input' } }),
  call('crypto_sign', 'sign', { 0: 'data', 1: 'key' }),
  call('crypto_sign_detached', 'sign', { 0: 'data', 1: 'key' }),
  call('crypto_sign_keypair', 'keygen'),
  call('crypto_sign_seed_keypair', 'key-import', { 0: 'key' }, { facts: { purpose: 'sign' } }),
  // The birationally equivalent X25519 secret of an Ed25519 signing key: the same secret, usable for crypto_box.
  call('crypto_sign_ed25519_sk_to_curve25519', 'key-import', { 0: 'key' }, { facts: { keyOfInput: true, secretKeyBytes: true } }),
  call('crypto_auth', 'mac', { 0: 'data', 1: 'key' }),
  call('crypto_auth_verify', 'mac-verify', { 0: 'data', 1: 'data', 2: 'key' }),
  call('crypto_generichash', 'hash', { 0: 'key-length', 1: 'data', 2: 'key' }),
  // The subkey id (1) and the context (2) together label the subkey: the same master with another id is another key.
  call('crypto_kdf_derive_from_key', 'kdf', { 0: 'key-length', 1: 'data', 2: 'data', 3: 'key' }),
  call('crypto_pwhash', 'kdf', { 0: 'key-length', 1: 'passphrase', 2: 'salt', 3: 'iterations', 4: 'memory' }, { facts: { kdf: 'argon2', memoryUnit: 'bytes' } }),
  call('crypto_pwhash_str', 'password-hash', { 0: 'password', 1: 'iterations', 2: 'memory' }, { facts: { kdf: 'argon2', memoryUnit: 'bytes' } }),
  call('crypto_pwhash_str_verify', 'password-verify', { 0: 'data', 1: 'password' }),
  call('crypto_secretbox_keygen', 'keygen'),
  call('crypto_auth_keygen', 'keygen'),
  call('crypto_kdf_keygen', 'keygen'),
  // The other keygens return a fresh secret key as well.
  ...['secretstream_xchacha20poly1305', 'generichash', 'shorthash', 'onetimeauth', 'stream_chacha20', 'stream_xchacha20'].map((primitive) =>
    call(`crypto_${primitive}_keygen`, 'keygen'),
  ),
  call('crypto_secretstream_xchacha20poly1305_init_push', 'encrypt', { 0: 'key' }),
  call('crypto_secretstream_xchacha20poly1305_init_pull', 'decrypt', { 0: 'data', 1: 'key' }),
  call('crypto_onetimeauth', 'mac', { 0: 'data', 1: 'key' }),
  call('crypto_shorthash', 'mac', { 0: 'data', 1: 'key' }),
  call('randombytes_buf', 'random', { 0: 'size' }),
  call('memzero', 'wipe', { 0: 'data' }),
  call('from_hex', 'encode', { 0: 'data' }, { facts: { encoding: 'hex', freshBytes: true } }),
  call('from_base64', 'encode', { 0: 'data' }, { facts: { encoding: 'base64', freshBytes: true } }),
  call('from_string', 'encode', { 0: 'data' }, { facts: { encoding: 'utf8', freshBytes: true } }),
];

/** libsodium-wrappers (and -sumo): `await sodium.ready` then `sodium.crypto_*`, which return what they produce. */
export const libsodium: LibraryModel = {
  id: 'libsodium',
  roots: [{ module: 'libsodium-wrappers' }, { module: 'libsodium-wrappers-sumo' }],
  apis: sodiumApis,
  constants: pwhashLimits(),
};

/**
 * sodium-native follows libsodium's C API: the same function names, but each call writes into
 * buffers its caller passes first (`crypto_secretbox_easy(c, m, n, k)`,
 * `crypto_pwhash(out, passwd, salt, ops, mem, alg)`) and returns nothing or a boolean. So every
 * argument sits one or two places later than in libsodium-wrappers, and a derived or generated
 * key is the `output` buffer, not the return value. Public halves of key pairs and ciphertext
 * outputs are left without a role: they hold nothing secret.
 */
const nativeApis: ApiModel[] = [
  call('crypto_secretbox_easy', 'encrypt', { 1: 'data', 2: 'iv', 3: 'key' }),
  call('crypto_secretbox_open_easy', 'decrypt', { 0: 'output', 1: 'data', 2: 'iv', 3: 'key' }),
  call('crypto_secretbox_detached', 'encrypt', { 2: 'data', 3: 'iv', 4: 'key' }),
  call('crypto_secretbox_open_detached', 'decrypt', { 0: 'output', 1: 'data', 2: 'data', 3: 'iv', 4: 'key' }),
  call('crypto_box_easy', 'encrypt', { 1: 'data', 2: 'iv', 3: 'public-key', 4: 'key' }),
  call('crypto_box_open_easy', 'decrypt', { 0: 'output', 1: 'data', 2: 'iv', 3: 'public-key', 4: 'key' }),
  call('crypto_box_detached', 'encrypt', { 2: 'data', 3: 'iv', 4: 'public-key', 5: 'key' }),
  call('crypto_box_open_detached', 'decrypt', { 0: 'output', 1: 'data', 2: 'data', 3: 'iv', 4: 'public-key', 5: 'key' }),
  call('crypto_box_seal', 'encrypt', { 1: 'data', 2: 'public-key' }),
  call('crypto_box_seal_open', 'decrypt', { 0: 'output', 1: 'data', 2: 'public-key', 3: 'key' }),
  ...['xchacha20poly1305_ietf', 'chacha20poly1305_ietf'].flatMap((aead) => [
    call(`crypto_aead_${aead}_encrypt`, 'encrypt', { 1: 'data', 2: 'data', 4: 'iv', 5: 'key' }),
    call(`crypto_aead_${aead}_decrypt`, 'decrypt', { 0: 'output', 2: 'data', 3: 'data', 4: 'iv', 5: 'key' }),
    call(`crypto_aead_${aead}_keygen`, 'keygen', { 0: 'output' }),
  ]),
  ...['', '_chacha20', '_chacha20_ietf', '_xchacha20', '_salsa20'].flatMap((stream) => [
    call(`crypto_stream${stream}_xor`, 'encrypt', { 1: 'data', 2: 'iv', 3: 'key' }),
    call(`crypto_stream${stream}_xor_ic`, 'encrypt', { 1: 'data', 2: 'iv', 4: 'key' }),
  ]),
  call('crypto_secretstream_xchacha20poly1305_keygen', 'keygen', { 0: 'output' }),
  call('crypto_secretstream_xchacha20poly1305_init_push', 'encrypt', { 2: 'key' }),
  call('crypto_secretstream_xchacha20poly1305_init_pull', 'decrypt', { 1: 'data', 2: 'key' }),
  call('crypto_box_keypair', 'keygen', { 1: 'output' }),
  call('crypto_box_seed_keypair', 'key-import', { 1: 'output', 2: 'key' }, { facts: { purpose: 'kdf-input' } }),
  call('crypto_kx_keypair', 'keygen', { 1: 'output' }),
  call('crypto_kx_seed_keypair', 'key-import', { 1: 'output', 2: 'key' }, { facts: { purpose: 'kdf-input' } }),
  call('crypto_kx_client_session_keys', 'key-agreement', { 0: 'output', 1: 'output', 2: 'public-key', 3: 'key', 4: 'public-key' }),
  call('crypto_kx_server_session_keys', 'key-agreement', { 0: 'output', 1: 'output', 2: 'public-key', 3: 'key', 4: 'public-key' }),
  call('crypto_sign_keypair', 'keygen', { 1: 'output' }),
  call('crypto_sign_seed_keypair', 'key-import', { 1: 'output', 2: 'key' }, { facts: { purpose: 'sign' } }),
  call('crypto_sign', 'sign', { 1: 'data', 2: 'key' }),
  call('crypto_sign_detached', 'sign', { 1: 'data', 2: 'key' }),
  call('crypto_sign_open', 'verify', { 1: 'data', 2: 'public-key' }),
  call('crypto_sign_verify_detached', 'verify', { 0: 'data', 1: 'data', 2: 'public-key' }),
  call('crypto_auth', 'mac', { 1: 'data', 2: 'key' }),
  call('crypto_auth_verify', 'mac-verify', { 0: 'data', 1: 'data', 2: 'key' }),
  call('crypto_onetimeauth', 'mac', { 1: 'data', 2: 'key' }),
  call('crypto_onetimeauth_verify', 'mac-verify', { 0: 'data', 1: 'data', 2: 'key' }),
  call('crypto_shorthash', 'mac', { 1: 'data', 2: 'key' }),
  // The digest itself (`output`) is not secret; the optional key is.
  call('crypto_generichash', 'hash', { 1: 'data', 2: 'key' }),
  call('crypto_generichash_keygen', 'keygen', { 0: 'output' }),
  call('crypto_kdf_keygen', 'keygen', { 0: 'output' }),
  // The other keygens of the C API fill their one argument with a fresh secret key, like the ones above.
  ...['secretbox', 'auth', 'onetimeauth', 'shorthash', 'stream', 'stream_chacha20', 'stream_xchacha20'].map((primitive) =>
    call(`crypto_${primitive}_keygen`, 'keygen', { 0: 'output' }),
  ),
  call('crypto_kdf_derive_from_key', 'kdf', { 0: 'output', 1: 'data', 2: 'data', 3: 'key' }), // subkey id and context label the subkey
  call('crypto_pwhash', 'kdf', { 0: 'output', 1: 'passphrase', 2: 'salt', 3: 'iterations', 4: 'memory' }, { facts: { kdf: 'argon2', memoryUnit: 'bytes' } }),
  call('crypto_pwhash_str', 'password-hash', { 1: 'password', 2: 'iterations', 3: 'memory' }, { facts: { kdf: 'argon2', memoryUnit: 'bytes' } }),
  call('crypto_pwhash_str_async', 'password-hash', { 1: 'password', 2: 'iterations', 3: 'memory' }, { facts: { kdf: 'argon2', memoryUnit: 'bytes' } }),
  call('crypto_pwhash_str_verify', 'password-verify', { 0: 'data', 1: 'password' }),
  call('crypto_pwhash_str_verify_async', 'password-verify', { 0: 'data', 1: 'password' }),
  // scrypt's limits are not argon2's (ops and memory scale differently): not judged as costs here.
  call('crypto_pwhash_scryptsalsa208sha256', 'kdf', { 0: 'output', 1: 'passphrase', 2: 'salt' }),
  call('randombytes_buf', 'random', { 0: 'output' }),
  call('sodium_memzero', 'wipe', { 0: 'data' }),
  // sodium_free zeroes a sodium_malloc'ed buffer before releasing it.
  call('sodium_free', 'wipe', { 0: 'data' }),
];

/** sodium-native: libsodium's C API for Node, output buffers first. */
export const sodiumNative: LibraryModel = {
  id: 'sodium-native',
  roots: [{ module: 'sodium-native' }, { module: 'sodium-universal' }],
  apis: nativeApis,
  constants: pwhashLimits(),
};

/**
 * crypto_pwhash's named limits (argon2id, libsodium's crypto_pwhash_argon2id.h): operations
 * (passes) and memory in bytes. `_MIN` (1 pass, 8 KiB) is far below any password-storage figure.
 */
function pwhashLimits(): Record<string, number> {
  const limits: Record<string, number> = {};
  const levels: [string, number, number][] = [
    ['MIN', 1, 8192],
    ['INTERACTIVE', 2, 67_108_864],
    ['MODERATE', 3, 268_435_456],
    ['SENSITIVE', 4, 1_073_741_824],
  ];
  for (const prefix of ['crypto_pwhash', 'crypto_pwhash_argon2id']) {
    for (const [level, ops, mem] of levels) {
      limits[`${prefix}_OPSLIMIT_${level}`] = ops;
      limits[`${prefix}_MEMLIMIT_${level}`] = mem;
    }
  }
  return limits;
}
