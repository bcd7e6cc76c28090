/**
 * The key-management policy (`keywarden.policy.json`), for every rule:
 *
 *   import { getPolicy, keyForName } from '../src/policy';
 *   const policy = getPolicy(context);          // never throws; defaults when there is none
 *   policy.algorithms.deny                      // e.g. ['aes-128-cbc']
 *   policy.kdf.pbkdf2?.minIterations
 *   keyForEnv(policy, 'SESSION_KEY')?.purpose   // 'mac'
 *
 * Schema: schema/keywarden.policy.schema.json (shipped in the package).
 */
export { getPolicy, getPolicyProblems, POLICY_FILE_NAME, type PolicyContext } from './load';
export { validatePolicy } from './validate';
export { DEFAULT_POLICY, KEY_PURPOSES, RULE_SEVERITIES, type KeyPurpose, type Policy, type PolicyKey, type PolicyProblem, type RuleSeverity } from './types';
import * as path from 'node:path';
import type { Policy, PolicyKey } from './types';

/** The inventory entry for a binding/property name (`name` or one of `identifiers`). */
export function keyForName(policy: Policy, name: string): PolicyKey | undefined {
  return policy.keys.find((k) => k.name === name || k.identifiers.includes(name));
}

/** The inventory entry for an environment variable. */
export function keyForEnv(policy: Policy, envVar: string): PolicyKey | undefined {
  return policy.keys.find((k) => k.env.includes(envVar));
}

/** The inventory entry for a KMS key id, ARN or alias (an ARN ending in the listed id or alias matches too). */
export function keyForKmsId(policy: Policy, id: string): PolicyKey | undefined {
  return policy.keys.find((k) => k.kms.some((listed) => listed === id || id.endsWith(`:${listed}`) || id.endsWith(`/${listed}`) || listed.endsWith(`:${id}`)));
}

/** Is the algorithm name denied by the global lists (deny wins; a non-empty allow list denies the rest)? */
export function isAlgorithmDenied(policy: Policy, algorithm: string): boolean {
  return algorithmVerdict(policy, algorithm) !== undefined;
}

/** Why the global lists deny an algorithm name: on `deny`, or missing from a non-empty `allow`; undefined when they do not. */
export function algorithmVerdict(policy: Policy, algorithm: string): 'denied' | 'not-allowed' | undefined {
  const name = algorithm.toLowerCase();
  if (policy.algorithms.deny.some((d) => d.toLowerCase() === name)) return 'denied';
  if (policy.algorithms.allow.length > 0 && !policy.algorithms.allow.some((a) => a.toLowerCase() === name)) return 'not-allowed';
  return undefined;
}

/** How a finding names the policy it applies: the file's name, or "the keywarden policy" for one given inline. */
export function policyName(policy: Policy): string {
  return policy.source ? path.basename(policy.source) : 'the keywarden policy';
}
