/**
 * Every failure of `keywarden/kms` is a KeywardenError with a stable `code`.
 * Callers branch on `code`, never on message text.
 */
export type KeywardenErrorCode =
  | 'TAMPERED' // authentication failed: a byte of the sealed blob, its header or its wrapped key changed
  | 'WRONG_CONTEXT' // the encryption context given to decrypt differs from the one sealed
  | 'WRONG_PURPOSE' // the blob was sealed for another purpose than this client's
  | 'UNKNOWN_KEY' // the KEK (or key version) named by the blob does not exist for this provider
  | 'KMS_UNAVAILABLE' // the provider could not be reached / kept failing past the retry deadline
  | 'KMS_DENIED' // the provider refused (permissions, disabled key, wrong key usage)
  | 'UNSUPPORTED_FORMAT' // not a keywarden blob, or a format/suite/provider this version cannot read
  | 'LOCAL_KMS_IN_PRODUCTION'; // the local development provider was selected with NODE_ENV=production

export class KeywardenError extends Error {
  override readonly name = 'KeywardenError';
  /** True when retrying the same call later may succeed (throttling, outages). */
  readonly retryable: boolean;

  constructor(
    readonly code: KeywardenErrorCode,
    message: string,
    options: { cause?: unknown; retryable?: boolean } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.retryable = options.retryable ?? false;
  }
}
