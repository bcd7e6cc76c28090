/** The purposes a key can be provisioned for (one per key, CSA CCM CEK-11). */
export const KEY_PURPOSES = ['encrypt', 'mac', 'sign', 'jwt', 'wrap', 'password-hash', 'kdf-input', 'tls'] as const;
export type KeyPurpose = (typeof KEY_PURPOSES)[number];

/** One key of the inventory in `keywarden.policy.json`. */
export interface PolicyKey {
  name: string;
  purpose: KeyPurpose;
  identifiers: string[];
  env: string[];
  kms: string[];
  algorithms?: string[];
  minBits?: number;
  rotationDays?: number;
}

/** A rule's severity, as in ESLint configs and the `keywarden.rules` setting. */
export type RuleSeverity = 'off' | 'warn' | 'error';
export const RULE_SEVERITIES: readonly RuleSeverity[] = ['off', 'warn', 'error'];

/** A validated policy; every field present (empty when the file says nothing). */
export interface Policy {
  /** Absolute path of the file it came from; undefined for defaults or an inline settings object. */
  source?: string;
  keys: PolicyKey[];
  algorithms: { allow: string[]; deny: string[] };
  kdf: {
    pbkdf2?: { minIterations?: number };
    scrypt?: { minN?: number };
    bcrypt?: { minRounds?: number };
    argon2?: { minMemoryKiB?: number; minTimeCost?: number };
  };
  /**
   * Severity per rule id (`keywarden/<name>`) for the editor, where no
   * eslint.config.js sets it (the language server applies it; rules ignore it).
   */
  rules: Record<string, RuleSeverity>;
}

/** What a policy says when there is none: no inventory, no extra lists; rules apply their own defaults. */
export const DEFAULT_POLICY: Policy = Object.freeze({ keys: [], algorithms: { allow: [], deny: [] }, kdf: {}, rules: {} }) as Policy;

/** A problem found while reading or validating a policy; `path` is a JSON pointer-ish location. */
export interface PolicyProblem {
  source: string;
  path: string;
  message: string;
}
