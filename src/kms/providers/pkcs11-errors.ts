import { KeywardenError } from '../errors';
import type { Pkcs11js } from './pkcs11-module';
import type { Pkcs11KeyRef } from './pkcs11-uri';

/**
 * Maps a Cryptoki return value to a KeywardenError. Tokens disagree on how
 * they report a failed GCM tag: SoftHSM says CKR_GENERAL_ERROR, others
 * CKR_ENCRYPTED_DATA_INVALID; while decrypting, those mean TAMPERED (a wrong
 * context fails the same check as a flipped byte: the context is the AAD).
 */
export function mapPkcs11Error(error: unknown, lib: Pkcs11js, ref: Pkcs11KeyRef, decrypting: boolean): KeywardenError {
  if (error instanceof KeywardenError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const where = `PKCS#11 token "${ref.token}", key "${ref.object}"`;
  const name = typeof code === 'number' ? ckrName(lib, code) : String((error as Error | null)?.message ?? error).slice(0, 200);
  const message = `${where}: ${name}`;
  if (typeof code !== 'number') return new KeywardenError('KMS_UNAVAILABLE', message, { cause: error });

  const is = (...names: string[]): boolean => names.some((n) => (lib as unknown as Record<string, unknown>)[n] === code);
  if (decrypting && is('CKR_GENERAL_ERROR', 'CKR_ENCRYPTED_DATA_INVALID', 'CKR_ENCRYPTED_DATA_LEN_RANGE', 'CKR_AEAD_DECRYPT_FAILED')) {
    return new KeywardenError('TAMPERED', message, { cause: error });
  }
  if (
    is(
      'CKR_PIN_INCORRECT',
      'CKR_PIN_INVALID',
      'CKR_PIN_LEN_RANGE',
      'CKR_PIN_EXPIRED',
      'CKR_PIN_LOCKED',
      'CKR_USER_NOT_LOGGED_IN',
      'CKR_USER_PIN_NOT_INITIALIZED',
      'CKR_KEY_FUNCTION_NOT_PERMITTED',
      'CKR_KEY_TYPE_INCONSISTENT',
      'CKR_KEY_SIZE_RANGE',
      'CKR_MECHANISM_INVALID',
      'CKR_MECHANISM_PARAM_INVALID',
      'CKR_TOKEN_WRITE_PROTECTED',
    )
  ) {
    return new KeywardenError('KMS_DENIED', message, { cause: error });
  }
  // Transient: the token went away, is busy or out of memory, or a cached
  // handle went stale (the caller drops its caches and looks again on retry).
  if (
    is(
      'CKR_DEVICE_ERROR',
      'CKR_DEVICE_MEMORY',
      'CKR_DEVICE_REMOVED',
      'CKR_TOKEN_NOT_PRESENT',
      'CKR_TOKEN_NOT_RECOGNIZED',
      'CKR_SESSION_CLOSED',
      'CKR_SESSION_HANDLE_INVALID',
      'CKR_SESSION_COUNT',
      'CKR_HOST_MEMORY',
      'CKR_FUNCTION_FAILED',
      'CKR_SLOT_ID_INVALID',
      'CKR_KEY_HANDLE_INVALID',
      'CKR_OBJECT_HANDLE_INVALID',
      'CKR_OPERATION_ACTIVE',
    )
  ) {
    return new KeywardenError('KMS_UNAVAILABLE', message, { cause: error, retryable: true });
  }
  return new KeywardenError('KMS_UNAVAILABLE', message, { cause: error });
}

function ckrName(lib: Pkcs11js, code: number): string {
  for (const [name, value] of Object.entries(lib)) {
    if (name.startsWith('CKR_') && value === code) return name;
  }
  return `CKR 0x${code.toString(16)}`;
}
