import { KeywardenError } from './errors';

/**
 * Retries of provider calls. Only errors the provider marks `retryable`
 * (throttling, outages, timeouts) are retried, with full-jitter exponential
 * backoff, until `maxAttempts` or the per-operation `deadlineMs` runs out.
 */
export interface RetryOptions {
  /** Attempts per provider call, first included. Default 5. */
  maxAttempts?: number;
  /** First backoff ceiling in ms; doubles each retry. Default 50. */
  baseDelayMs?: number;
  /** Largest backoff ceiling in ms. Default 2000. */
  maxDelayMs?: number;
  /** Time budget for one provider call, retries included; a hung call is aborted. Default 10000. */
  deadlineMs?: number;
}

interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  deadlineMs: number;
}

export function retryPolicy(options: RetryOptions = {}): RetryPolicy {
  const num = (value: unknown, name: string, fallback: number, min: number): number => {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !(value >= min)) throw new TypeError(`keywarden/kms: retry.${name} must be a number >= ${min}`);
    return value;
  };
  return {
    maxAttempts: Math.floor(num(options.maxAttempts, 'maxAttempts', 5, 1)),
    baseDelayMs: num(options.baseDelayMs, 'baseDelayMs', 50, 0),
    maxDelayMs: num(options.maxDelayMs, 'maxDelayMs', 2000, 0),
    deadlineMs: num(options.deadlineMs, 'deadlineMs', 10_000, 1),
  };
}

/** Anything a provider throws that is not a KeywardenError becomes one. */
export function asKeywardenError(error: unknown, what: string): KeywardenError {
  if (error instanceof KeywardenError) return error;
  return new KeywardenError('KMS_UNAVAILABLE', `${what} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `call` with retries. `onAttempt` is told about every attempt (for
 * counting KMS calls in audit events). Never resolves after the deadline:
 * a call still pending then is aborted through its signal and abandoned.
 */
export async function withRetry<T>(
  policy: RetryPolicy,
  what: string,
  call: (signal: AbortSignal) => Promise<T>,
  onAttempt: () => void = () => undefined,
  disposeLate: (value: T) => void = () => undefined,
): Promise<T> {
  const started = Date.now();
  const deadline = started + policy.deadlineMs;
  let lastError: KeywardenError | undefined;
  for (let attempt = 1; attempt <= policy.maxAttempts; attempt++) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    onAttempt();
    try {
      return await withTimeout(call, remaining, what, disposeLate);
    } catch (error) {
      lastError = asKeywardenError(error, what);
      if (!lastError.retryable) throw lastError;
    }
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    const delay = Math.random() * ceiling;
    if (attempt === policy.maxAttempts || Date.now() + delay >= deadline) break;
    await sleep(delay);
  }
  throw new KeywardenError(
    'KMS_UNAVAILABLE',
    `${what}: provider kept failing for ${Date.now() - started} ms${lastError ? ` (last: ${lastError.code}: ${lastError.message})` : ''}`,
    { cause: lastError, retryable: true },
  );
}

/**
 * Races one attempt against the time left. An abandoned attempt that settles
 * later is disposed of (a late data key is wiped, a late error swallowed).
 */
async function withTimeout<T>(call: (signal: AbortSignal) => Promise<T>, ms: number, what: string, disposeLate: (value: T) => void): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let abandoned = false;
  const attempt = Promise.resolve().then(() => call(controller.signal));
  attempt.then(
    (value) => {
      if (abandoned) disposeLate(value);
    },
    () => undefined,
  );
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new KeywardenError('KMS_UNAVAILABLE', `${what}: no answer within the deadline`, { retryable: true });
      abandoned = true;
      controller.abort(error);
      reject(error);
    }, ms);
  });
  try {
    return await Promise.race([attempt, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
