import { KEY_PURPOSES, RULE_SEVERITIES, type KeyPurpose, type Policy, type PolicyKey, type PolicyProblem, type RuleSeverity } from './types';

/**
 * Checks a parsed `keywarden.policy.json` against the shipped schema's rules
 * (schema/keywarden.policy.schema.json; test/policy keeps the two in step).
 * Invalid parts are dropped with a problem each; valid parts are kept, so one
 * typo does not switch the whole policy off.
 */
export function validatePolicy(raw: unknown, source: string): { policy: Policy; problems: PolicyProblem[] } {
  const problems: PolicyProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ source, path, message });
  const policy: Policy = { source: source.startsWith('<') ? undefined : source, keys: [], algorithms: { allow: [], deny: [] }, kdf: {}, rules: {} };
  if (!isObject(raw)) {
    problem('', 'the policy must be a JSON object');
    return { policy, problems };
  }
  const known = new Set(['$schema', 'version', 'keys', 'algorithms', 'kdf', 'rules']);
  for (const key of Object.keys(raw)) if (!known.has(key)) problem(`/${key}`, `unknown property "${key}" (expected one of ${[...known].join(', ')})`);
  if (raw.version !== undefined && raw.version !== 1) problem('/version', 'version must be 1');

  if (raw.keys !== undefined) {
    if (!Array.isArray(raw.keys)) problem('/keys', 'keys must be an array');
    else raw.keys.forEach((entry, i) => {
      const key = validateKey(entry, `/keys/${i}`, problem);
      if (key) policy.keys.push(key);
    });
  }
  if (raw.algorithms !== undefined) {
    if (!isObject(raw.algorithms)) problem('/algorithms', 'algorithms must be an object with "allow" and/or "deny"');
    else {
      for (const k of Object.keys(raw.algorithms)) if (k !== 'allow' && k !== 'deny') problem(`/algorithms/${k}`, `unknown property "${k}" (expected allow, deny)`);
      policy.algorithms.allow = strings(raw.algorithms.allow, '/algorithms/allow', problem);
      policy.algorithms.deny = strings(raw.algorithms.deny, '/algorithms/deny', problem);
    }
  }
  if (raw.kdf !== undefined) {
    if (!isObject(raw.kdf)) problem('/kdf', 'kdf must be an object');
    else policy.kdf = validateKdf(raw.kdf, problem);
  }
  if (raw.rules !== undefined) {
    if (!isObject(raw.rules)) problem('/rules', 'rules must be an object of rule ids and severities ("off", "warn", "error")');
    else policy.rules = validateSeverities(raw.rules, problem);
  }
  return { policy, problems };
}

/** `{ "no-weak-algorithm": "warn" }` → `{ "keywarden/no-weak-algorithm": "warn" }`; which ids exist is the server's business. */
function validateSeverities(raw: Record<string, unknown>, problem: Report): Record<string, RuleSeverity> {
  const rules: Record<string, RuleSeverity> = {};
  for (const [id, severity] of Object.entries(raw)) {
    const name = id.startsWith('keywarden/') ? id.slice('keywarden/'.length) : id;
    if (!/^[a-z][a-z0-9-]*$/.test(name)) problem(`/rules/${id}`, `"${id}" is not a keywarden rule id (e.g. "keywarden/no-weak-algorithm")`);
    else if (!RULE_SEVERITIES.includes(severity as RuleSeverity)) problem(`/rules/${id}`, `severity must be one of ${RULE_SEVERITIES.join(', ')}`);
    else rules[`keywarden/${name}`] = severity as RuleSeverity;
  }
  return rules;
}

type Report = (path: string, message: string) => void;

const KEY_FIELDS = new Set(['name', 'purpose', 'identifiers', 'env', 'kms', 'algorithms', 'minBits', 'rotationDays']);

function validateKey(entry: unknown, path: string, problem: Report): PolicyKey | undefined {
  if (!isObject(entry)) {
    problem(path, 'each key must be an object with "name" and "purpose"');
    return undefined;
  }
  for (const k of Object.keys(entry)) if (!KEY_FIELDS.has(k)) problem(`${path}/${k}`, `unknown property "${k}" (expected one of ${[...KEY_FIELDS].join(', ')})`);
  if (typeof entry.name !== 'string' || entry.name === '') {
    problem(`${path}/name`, 'name must be a non-empty string');
    return undefined;
  }
  if (!KEY_PURPOSES.includes(entry.purpose as KeyPurpose)) {
    problem(`${path}/purpose`, `purpose must be one of ${KEY_PURPOSES.join(', ')}`);
    return undefined;
  }
  const key: PolicyKey = {
    name: entry.name,
    purpose: entry.purpose as KeyPurpose,
    identifiers: strings(entry.identifiers, `${path}/identifiers`, problem),
    env: strings(entry.env, `${path}/env`, problem),
    kms: strings(entry.kms, `${path}/kms`, problem),
  };
  if (entry.algorithms !== undefined) key.algorithms = strings(entry.algorithms, `${path}/algorithms`, problem);
  const minBits = integer(entry.minBits, `${path}/minBits`, 1, problem);
  if (minBits !== undefined) key.minBits = minBits;
  const rotationDays = integer(entry.rotationDays, `${path}/rotationDays`, 1, problem);
  if (rotationDays !== undefined) key.rotationDays = rotationDays;
  return key;
}

const KDF_FIELDS: Record<string, Record<string, number>> = {
  pbkdf2: { minIterations: 1 },
  scrypt: { minN: 2 },
  bcrypt: { minRounds: 4 },
  argon2: { minMemoryKiB: 1, minTimeCost: 1 },
};

function validateKdf(raw: Record<string, unknown>, problem: Report): Policy['kdf'] {
  const kdf: Record<string, Record<string, number>> = {};
  for (const [name, value] of Object.entries(raw)) {
    const fields = KDF_FIELDS[name];
    if (!fields) {
      problem(`/kdf/${name}`, `unknown KDF "${name}" (expected one of ${Object.keys(KDF_FIELDS).join(', ')})`);
      continue;
    }
    if (!isObject(value)) {
      problem(`/kdf/${name}`, `kdf.${name} must be an object`);
      continue;
    }
    kdf[name] = {};
    for (const [field, v] of Object.entries(value)) {
      if (!(field in fields)) {
        problem(`/kdf/${name}/${field}`, `unknown property "${field}" (expected one of ${Object.keys(fields).join(', ')})`);
        continue;
      }
      const n = integer(v, `/kdf/${name}/${field}`, fields[field], problem);
      if (n !== undefined) kdf[name][field] = n;
    }
  }
  return kdf as Policy['kdf'];
}

function strings(value: unknown, path: string, problem: Report): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problem(path, 'must be an array of strings');
    return [];
  }
  return value.filter((v, i) => {
    const ok = typeof v === 'string' && v !== '';
    if (!ok) problem(`${path}/${i}`, 'must be a non-empty string');
    return ok;
  });
}

function integer(value: unknown, path: string, min: number, problem: Report): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    problem(path, `must be an integer ≥ ${min}`);
    return undefined;
  }
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
