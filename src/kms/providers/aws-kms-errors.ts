import { KeywardenError } from '../errors';

/** Safe-to-print summary of what the key and the SDK said; never key material. */
function describe(name: string, error: unknown, keyId: string): string {
  const message = (error as { message?: unknown } | null)?.message;
  const detail = typeof message === 'string' && message ? `: ${message.slice(0, 200)}` : '';
  return `AWS KMS ${name} for ${keyId}${detail}`;
}

const DENIED = new Set([
  'AccessDeniedException',
  'InvalidKeyUsageException', // e.g. a SIGN_VERIFY key asked for a data key
  'DisabledException',
  'KMSInvalidStateException', // pending deletion, pending import, ...
  'InvalidGrantTokenException',
  'UnrecognizedClientException', // credentials KMS does not know
  'InvalidSignatureException',
  'IncompleteSignature',
  'MissingAuthenticationToken',
  'ExpiredTokenException',
  'UnsupportedOperationException',
]);

const UNKNOWN = new Set(['NotFoundException', 'InvalidArnException']);

// KMS cannot say whether the blob or the encryption context is wrong: the
// context is AAD inside the KMS ciphertext, and a mismatch fails the same
// authentication check as a flipped byte. We report TAMPERED; the envelope
// client authenticates the context in its own header and can tell
// WRONG_CONTEXT apart there before KMS is ever asked.
// IncorrectKeyException means the blob was wrapped under another key than the
// one the sealed header names: the header and the wrapped key disagree.
const TAMPERED = new Set(['InvalidCiphertextException', 'IncorrectKeyException']);

const TRANSIENT = new Set([
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'LimitExceededException', // request-rate quotas were reported this way before ThrottlingException
  'DependencyTimeoutException',
  'KMSInternalException',
  'KeyUnavailableException',
  'ServiceUnavailable',
  'InternalFailure',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** Maps an AWS SDK (or network) failure to a typed KeywardenError. */
export function mapAwsError(error: unknown, keyId: string): KeywardenError {
  if (error instanceof KeywardenError) return error;
  const e = (error ?? {}) as {
    name?: string;
    code?: string;
    $metadata?: { httpStatusCode?: number };
    $retryable?: unknown;
  };
  const name = e.name ?? 'Error';
  const status = e.$metadata?.httpStatusCode;
  if (name === 'AbortError') {
    return new KeywardenError('KMS_UNAVAILABLE', `AWS KMS call for ${keyId} was aborted`, { cause: error });
  }
  if (UNKNOWN.has(name)) return new KeywardenError('UNKNOWN_KEY', describe(name, error, keyId), { cause: error });
  if (DENIED.has(name)) return new KeywardenError('KMS_DENIED', describe(name, error, keyId), { cause: error });
  if (TAMPERED.has(name)) return new KeywardenError('TAMPERED', describe(name, error, keyId), { cause: error });
  const transient =
    TRANSIENT.has(name) ||
    (e.code !== undefined && NETWORK_CODES.has(e.code)) ||
    (status !== undefined && (status >= 500 || status === 429)) ||
    e.$retryable !== undefined;
  if (transient) {
    return new KeywardenError('KMS_UNAVAILABLE', describe(name, error, keyId), { cause: error, retryable: true });
  }
  if (status === 403) return new KeywardenError('KMS_DENIED', describe(name, error, keyId), { cause: error });
  // Anything else (validation errors, unexpected replies) is not worth retrying.
  return new KeywardenError('KMS_UNAVAILABLE', describe(name, error, keyId), { cause: error });
}
