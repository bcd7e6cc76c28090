import type { BindingContext } from './provider';

/** Context keys starting with this prefix are keywarden's own; users may not set them. */
export const RESERVED_PREFIX = 'keywarden:';
/** The purpose travels inside the binding context under this key. */
export const PURPOSE_KEY = 'keywarden:purpose';
export const DEFAULT_PURPOSE = 'encrypt';

const MAX_FIELD_BYTES = 0xffff;
const MAX_PURPOSE_BYTES = 0xff;

export type EncryptionContext = Readonly<Record<string, string>>;

/**
 * Checks a user-supplied context: a plain object of non-empty string keys to
 * string values, none reserved. Misuse is a programming error (TypeError), not
 * a KeywardenError: it never depends on data or on the KMS.
 */
export function checkContext(context: unknown, what = 'context'): EncryptionContext {
  if (context === undefined) return {};
  if (context === null || typeof context !== 'object' || Array.isArray(context)) {
    throw new TypeError(`keywarden/kms: ${what} must be an object of string values`);
  }
  for (const [key, value] of Object.entries(context)) {
    if (key.length === 0) throw new TypeError(`keywarden/kms: ${what} keys must not be empty`);
    if (key.startsWith(RESERVED_PREFIX)) {
      throw new TypeError(`keywarden/kms: ${what} key "${key}" uses the reserved prefix "${RESERVED_PREFIX}"`);
    }
    if (typeof value !== 'string') throw new TypeError(`keywarden/kms: ${what} value of "${key}" must be a string`);
    if (Buffer.byteLength(key) > MAX_FIELD_BYTES || Buffer.byteLength(value) > MAX_FIELD_BYTES) {
      throw new TypeError(`keywarden/kms: ${what} entry "${key.slice(0, 40)}" is longer than 65535 bytes`);
    }
  }
  return context as EncryptionContext;
}

export function checkPurpose(purpose: unknown): string {
  if (purpose === undefined) return DEFAULT_PURPOSE;
  if (typeof purpose !== 'string' || purpose.length === 0 || Buffer.byteLength(purpose) > MAX_PURPOSE_BYTES) {
    throw new TypeError('keywarden/kms: purpose must be a non-empty string of at most 255 bytes');
  }
  return purpose;
}

/** Client-level context overlaid with per-call context (per-call values win), keys sorted. */
export function mergeContext(base: EncryptionContext, extra: EncryptionContext | undefined): EncryptionContext {
  if (extra === undefined || Object.keys(extra).length === 0) return base;
  return sortContext({ ...base, ...extra });
}

export function sortContext(context: EncryptionContext): EncryptionContext {
  const sorted: Record<string, string> = {};
  for (const key of Object.keys(context).sort()) sorted[key] = context[key];
  return Object.freeze(sorted);
}

/** A stable string for cache keys and comparisons. */
export function canonicalContext(context: EncryptionContext): string {
  return JSON.stringify(Object.keys(context).sort().map((key) => [key, context[key]]));
}

export function sameContext(a: EncryptionContext, b: EncryptionContext): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (!Object.prototype.hasOwnProperty.call(b, key) || a[key] !== b[key]) return false;
  return true;
}

/** What providers bind the wrapped data key to: the purpose plus the user context. */
export function bindingContext(purpose: string, context: EncryptionContext): BindingContext {
  return Object.freeze({ ...context, [PURPOSE_KEY]: purpose });
}
