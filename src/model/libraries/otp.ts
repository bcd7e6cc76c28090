import { call, construct } from '../define';
import type { LibraryModel } from '../types';

/**
 * otpauth: `new TOTP({ secret, algorithm })` / `new HOTP(…)` compute HMAC-based one-time codes
 * from the shared secret; `Secret.fromBase32('…')` decodes a written secret.
 */
const OTP_ARGS = { '0.secret': 'secret', '0.algorithm': 'digest' } as const;

export const otpauth: LibraryModel = {
  id: 'otpauth',
  roots: [{ module: 'otpauth' }],
  apis: [
    construct('TOTP', 'mac', OTP_ARGS),
    construct('HOTP', 'mac', OTP_ARGS),
    call('Secret.fromBase32', 'encode', { 0: 'data' }, { facts: { encoding: 'base32' } }),
    call('Secret.fromHex', 'encode', { 0: 'data' }, { facts: { encoding: 'hex' } }),
    call('Secret.fromLatin1', 'encode', { 0: 'data' }, { facts: { encoding: 'latin1' } }),
    call('Secret.fromUTF8', 'encode', { 0: 'data' }, { facts: { encoding: 'utf8' } }),
  ],
};
