import { KeywardenError } from './errors';

export const KEY_URI_ENV = 'KEYWARDEN_KEY_URI';
export const DEFAULT_LOCAL_KEY_URI = 'local://default';

/** `aws-kms://arn:…` → `aws-kms`. Throws UNSUPPORTED_FORMAT for strings that are not key URIs. */
export function schemeOf(keyUri: string): string {
  const match = /^([a-z][a-z0-9+.-]*):\/\//.exec(keyUri);
  if (!match) throw new KeywardenError('UNSUPPORTED_FORMAT', `not a key URI: "${keyUri.slice(0, 80)}" (expected scheme://…, e.g. local://app)`);
  return match[1];
}

let fallbackWarned = false;

/**
 * The key URI a client encrypts under: the option, else KEYWARDEN_KEY_URI,
 * else the local development keyring (with a one-time warning).
 */
export function resolveKeyUri(explicit: string | undefined, env: NodeJS.ProcessEnv): { keyUri: string; fellBack: boolean } {
  if (explicit !== undefined) {
    if (typeof explicit !== 'string' || explicit.length === 0) throw new TypeError('keywarden/kms: keyUri must be a non-empty string');
    schemeOf(explicit);
    return { keyUri: explicit, fellBack: false };
  }
  const fromEnv = env[KEY_URI_ENV];
  if (fromEnv) {
    schemeOf(fromEnv);
    return { keyUri: fromEnv, fellBack: false };
  }
  return { keyUri: DEFAULT_LOCAL_KEY_URI, fellBack: true };
}

export function warnLocalFallbackOnce(): void {
  if (fallbackWarned) return;
  fallbackWarned = true;
  process.emitWarning(
    `keywarden/kms: no keyUri and no ${KEY_URI_ENV}: using the local development keyring (${DEFAULT_LOCAL_KEY_URI}). ` +
      `Set ${KEY_URI_ENV} (e.g. aws-kms://arn:aws:kms:…) for production.`,
    { code: 'KEYWARDEN_LOCAL_KMS' },
  );
}

/** For tests: lets the one-time warning fire again. */
export function resetLocalFallbackWarning(): void {
  fallbackWarned = false;
}

export function refuseLocalInProduction(env: NodeJS.ProcessEnv): void {
  if (env.NODE_ENV === 'production') {
    throw new KeywardenError(
      'LOCAL_KMS_IN_PRODUCTION',
      `the local development key provider was selected with NODE_ENV=production; set ${KEY_URI_ENV} (or keyUri) to a real KMS key`,
    );
  }
}
