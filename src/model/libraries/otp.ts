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

/**
 * speakeasy: `totp({ secret, encoding, algorithm })`, `totp.verify(…)`, the `hotp` equivalents, and
 * `otpauthURL({ secret, algorithm })`, the enrolment URL that tells the authenticator app which HMAC
 * to compute with the secret (so it configures the same MAC as the verifying side).
 */
const SPEAKEASY_ARGS = { '0.secret': 'secret', '0.algorithm': 'digest' } as const;

export const speakeasy: LibraryModel = {
  id: 'speakeasy',
  roots: [{ module: 'speakeasy' }],
  apis: [
    call('totp', 'mac', SPEAKEASY_ARGS),
    call('totp.verify', 'mac-verify', SPEAKEASY_ARGS),
    call('totp.verifyDelta', 'mac-verify', SPEAKEASY_ARGS),
    call('time', 'mac', SPEAKEASY_ARGS),
    call('hotp', 'mac', SPEAKEASY_ARGS),
    call('hotp.verify', 'mac-verify', SPEAKEASY_ARGS),
    call('hotp.verifyDelta', 'mac-verify', SPEAKEASY_ARGS),
    call('counter', 'mac', SPEAKEASY_ARGS),
    call('otpauthURL', 'mac', SPEAKEASY_ARGS),
  ],
};

/**
 * otplib (v12): the `authenticator`, `totp` and `hotp` instances compute codes from the shared secret:
 * `authenticator.generate(secret)`, `check(token, secret)`, `verify({ token, secret })`, `keyuri(user, issuer, secret)`.
 */
const OTPLIB_INSTANCES = ['authenticator', 'totp', 'hotp'] as const;

export const otplib: LibraryModel = {
  id: 'otplib',
  roots: [{ module: 'otplib' }, { module: '@otplib/preset-default' }],
  apis: OTPLIB_INSTANCES.flatMap((instance) => [
    call(`${instance}.generate`, 'mac', { 0: 'secret' }),
    call(`${instance}.check`, 'mac-verify', { 1: 'secret' }),
    call(`${instance}.verify`, 'mac-verify', { '0.secret': 'secret' }),
    call(`${instance}.keyuri`, 'mac', { 2: 'secret' }),
  ]),
};
