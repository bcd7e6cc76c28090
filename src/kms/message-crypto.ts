import * as crypto from 'node:crypto';
import { KeywardenError } from './errors';
import { COMMITMENT_BYTES, NONCE_BYTES, SUITE_AES256GCM_HKDF_SHA512_COMMITTED, TAG_BYTES } from './format';
import { wipe } from './wipe';

/**
 * Per-message keys. A data key may encrypt many messages (caching, streams);
 * each message draws a fresh 256-bit nonce and derives its own AES key and a
 * key commitment with HKDF-Expand-SHA-512 (RFC 5869; the data key is already
 * uniformly random, so it serves as the PRK, and one HMAC block gives 64 bytes):
 *
 *   okm = HMAC-SHA-512(dataKey, "keywarden/v1 message" || suite || nonce || 0x01)
 *   messageKey = okm[0..32), commitment = okm[32..64)
 *
 * GCM IVs then only need to be unique per message key: 7 zero bytes, the
 * final-frame flag, the frame index. Reusing a cached data key can never
 * repeat a (key, IV) pair unless two 256-bit random nonces collide.
 */
const INFO = Buffer.concat([Buffer.from('keywarden/v1 message', 'utf8'), Buffer.from([SUITE_AES256GCM_HKDF_SHA512_COMMITTED])]);
/**
 * The HMAC input `info || nonce || 0x01`, assembled in one reused buffer: one
 * update call instead of three is measurably cheaper for a 54-byte message.
 * Only public bytes (the nonce is stored in clear) ever sit in it.
 */
const HKDF_INPUT = Buffer.alloc(INFO.length + NONCE_BYTES + 1);
INFO.copy(HKDF_INPUT, 0);
HKDF_INPUT[HKDF_INPUT.length - 1] = 1;

export interface MessageKeys {
  /** The 64-byte HKDF output; `key` and `commitment` are views of it. */
  okm: Buffer;
  key: Buffer;
  commitment: Buffer;
}

export function deriveMessageKeys(dataKey: Uint8Array, nonce: Uint8Array): MessageKeys {
  if (nonce.length !== NONCE_BYTES) throw new RangeError('keywarden/kms: message nonce must be 32 bytes');
  HKDF_INPUT.set(nonce, INFO.length);
  const okm = crypto.createHmac('sha512', dataKey).update(HKDF_INPUT).digest();
  return { okm, key: okm.subarray(0, 32), commitment: okm.subarray(32, 32 + COMMITMENT_BYTES) };
}

export function wipeMessageKeys(keys: MessageKeys | undefined): void {
  if (keys) wipe(keys.okm);
}

export function commitmentMatches(expected: Uint8Array, actual: Uint8Array): boolean {
  return expected.length === actual.length && crypto.timingSafeEqual(expected, actual);
}

export function frameIv(index: number, final: boolean): Buffer {
  const iv = Buffer.allocUnsafe(12).fill(0, 0, 7);
  iv[7] = final ? 1 : 0;
  iv.writeUInt32BE(index, 8);
  return iv;
}

/** A GCM cipher for frame `index`, with the data header as AAD. */
export function frameCipher(key: Buffer, aad: Uint8Array, index: number, final: boolean): crypto.CipherGCM {
  const cipher = crypto.createCipheriv('aes-256-gcm', key, frameIv(index, final), { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  return cipher;
}

/** Encrypts one frame; returns ciphertext and tag (the caller lays them out). */
export function sealFrame(key: Buffer, aad: Uint8Array, index: number, final: boolean, plaintext: Uint8Array): { ciphertext: Buffer; tag: Buffer } {
  const cipher = frameCipher(key, aad, index, final);
  const ciphertext = cipher.update(plaintext);
  cipher.final();
  return { ciphertext, tag: cipher.getAuthTag() };
}

/** Decrypts and authenticates one frame, or throws TAMPERED (wiping any unauthenticated output). */
export function openFrame(key: Buffer, aad: Uint8Array, index: number, final: boolean, ciphertext: Uint8Array, tag: Uint8Array): Buffer {
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, frameIv(index, final), { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  const plaintext = decipher.update(ciphertext);
  try {
    decipher.final();
  } catch {
    wipe(plaintext);
    throw new KeywardenError('TAMPERED', `sealed blob failed authentication (frame ${index})`);
  }
  return plaintext;
}

/**
 * Nonces come from a pooled CSPRNG buffer: one getrandom call per 128
 * messages instead of one each (nonces are public, so pooling is safe).
 */
const POOL_BYTES = NONCE_BYTES * 128;
let pool = Buffer.allocUnsafe(0);
let poolOffset = 0;

export function freshNonce(): Buffer {
  if (poolOffset + NONCE_BYTES > pool.length) {
    pool = crypto.randomBytes(POOL_BYTES);
    poolOffset = 0;
  }
  const nonce = pool.subarray(poolOffset, poolOffset + NONCE_BYTES);
  poolOffset += NONCE_BYTES;
  return nonce;
}
