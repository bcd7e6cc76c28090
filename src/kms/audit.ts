import type { KeywardenErrorCode } from './errors';

/**
 * One structured event per operation, for monitoring and alerting on key
 * usage. Never carries key material or plaintext: only names, sizes, codes.
 * The context is included because it is not secret by design (it is stored
 * in clear in every sealed header); do not put secrets in a context.
 */
export interface AuditEvent {
  operation: 'encrypt' | 'decrypt' | 'rewrap' | 'encryptStream' | 'decryptStream';
  outcome: 'success' | 'failure' | 'legacy';
  /** Set when outcome is 'failure'. */
  errorCode?: KeywardenErrorCode | 'INVALID_ARGUMENT' | 'ABORTED' | 'INTERNAL';
  /** The KEK used, versioned when the provider has versions (`local://app#v2`). */
  keyUri?: string;
  /** rewrap only: the KEK the data key is wrapped under afterwards. */
  toKeyUri?: string;
  purpose?: string;
  context?: Readonly<Record<string, string>>;
  /** Where the data key came from: a KMS call or the data key cache. */
  dataKeySource?: 'kms' | 'cache';
  /** Provider calls made, retries included. */
  kmsCalls: number;
  /** Plaintext bytes processed (encrypt/decrypt). */
  bytes?: number;
  durationMs: number;
  /** ISO 8601 time the operation started. */
  startedAt: string;
}

export type AuditSink = (event: AuditEvent) => void;

let sinkWarned = false;

/** Delivers an event; a failing sink never breaks the operation (it warns once). */
export function deliver(sink: AuditSink | undefined, event: AuditEvent): void {
  if (!sink) return;
  try {
    sink(event);
  } catch (error) {
    if (!sinkWarned) {
      sinkWarned = true;
      process.emitWarning(`keywarden/kms: onAudit sink threw: ${error instanceof Error ? error.message : String(error)}`, {
        code: 'KEYWARDEN_AUDIT_SINK',
      });
    }
  }
}
