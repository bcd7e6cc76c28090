// Look-alikes that must stay quiet: keys from the environment or a KMS, cache keys, React keys.
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { createEnvelopeClient } from 'keywarden/kms';

const key = Buffer.from(process.env.DATA_KEY_HEX ?? '', 'hex');
const CACHE_KEY_PREFIX = 'user-profile:';

export function cacheKey(userId: string): string {
  return CACHE_KEY_PREFIX + createHash('sha256').update(userId).digest('hex');
}

export function encryptWithEnvKey(data: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  return Buffer.concat([iv, cipher.update(data), cipher.final(), cipher.getAuthTag()]);
}

export const vault = createEnvelopeClient({ keyUri: process.env.KEYWARDEN_KEY_URI, purpose: 'encrypt' });
