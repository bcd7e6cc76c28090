import assert from 'node:assert/strict';
import { KeywardenError, type KeywardenErrorCode } from '../../../src/kms/errors';

/**
 * Asserts that `promise` rejects with a KeywardenError of `code` whose
 * `retryable` flag is as given (throttling and outages are retryable, refusals
 * are not); `'any'` leaves the flag unchecked.
 */
export async function rejectsWith(promise: Promise<unknown>, code: KeywardenErrorCode, retryable: boolean | 'any' = false): Promise<KeywardenError> {
  const error = await promise.then(
    () => assert.fail(`expected ${code}, got success`),
    (e: unknown) => e,
  );
  assert.ok(error instanceof KeywardenError, `expected KeywardenError, got ${String(error)}`);
  assert.equal(error.code, code, error.message);
  if (retryable !== 'any') assert.equal(error.retryable, retryable, `retryable for ${error.message}`);
  return error;
}
