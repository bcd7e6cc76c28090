import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_POLICY, type Policy, type PolicyProblem } from './types';
import { validatePolicy } from './validate';
import { LintScopedWeakMap } from '../analysis/lint-scoped';

export const POLICY_FILE_NAME = 'keywarden.policy.json';

/** The bits of an ESLint rule context the loader reads. */
export interface PolicyContext {
  filename: string;
  cwd?: string;
  settings?: Record<string, unknown>;
  sourceCode?: { ast: object };
}

interface Loaded {
  policy: Policy;
  problems: PolicyProblem[];
}

// Caches of *files*, keyed by path and invalidated by mtime: no analysis state crosses files.
const fileCache = new Map<string, { mtimeMs: number; loaded: Loaded }>();
const dirCache = new Map<string, { mtimeMs: number; found: string | undefined }>();
const inlineCache = new WeakMap<object, Loaded>();
const perFile = new LintScopedWeakMap<object, Loaded>();
const warned = new Set<string>();

/**
 * The policy that applies to the file being linted: ESLint `settings.keywarden.policy`
 * (a path, relative to ESLint's cwd, or an inline object), else the nearest
 * `keywarden.policy.json` from the file's folder upward, else the defaults.
 * Never throws: a missing, unreadable or invalid file yields defaults for the
 * broken parts, and its problems are warned about once per file version.
 */
export function getPolicy(context: PolicyContext): Policy {
  return loadFor(context).policy;
}

/** Problems of the policy that applies to this file (for a rule that wants to report them). */
export function getPolicyProblems(context: PolicyContext): readonly PolicyProblem[] {
  return loadFor(context).problems;
}

function loadFor(context: PolicyContext): Loaded {
  const memoKey = context.sourceCode?.ast;
  const memo = memoKey && perFile.get(memoKey);
  if (memo) return memo;
  let loaded: Loaded;
  try {
    loaded = resolve(context);
  } catch (error) {
    loaded = { policy: DEFAULT_POLICY, problems: [{ source: '<policy>', path: '', message: `could not load the policy: ${(error as Error).message}` }] };
  }
  warnOnce(loaded.problems);
  if (memoKey) perFile.set(memoKey, loaded);
  return loaded;
}

function resolve(context: PolicyContext): Loaded {
  const keywarden = context.settings?.keywarden as { policy?: unknown } | undefined;
  const setting = keywarden?.policy;
  if (setting !== undefined && setting !== null) {
    if (typeof setting === 'string') return loadFile(path.resolve(context.cwd ?? process.cwd(), setting), true);
    if (typeof setting === 'object') {
      let loaded = inlineCache.get(setting);
      if (!loaded) inlineCache.set(setting, (loaded = validatePolicy(setting, '<settings.keywarden.policy>')));
      return loaded;
    }
    return { policy: DEFAULT_POLICY, problems: [{ source: '<settings.keywarden.policy>', path: '', message: 'settings.keywarden.policy must be a file path or a policy object' }] };
  }
  const file = context.filename && path.isAbsolute(context.filename) ? findUpward(path.dirname(context.filename)) : undefined;
  return file ? loadFile(file, false) : { policy: DEFAULT_POLICY, problems: [] };
}

function findUpward(start: string): string | undefined {
  for (let dir = start, i = 0; i < 64; i++) {
    const found = policyIn(dir);
    if (found) return found;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

function policyIn(dir: string): string | undefined {
  let mtimeMs: number;
  try {
    mtimeMs = fs.statSync(dir).mtimeMs; // adding or removing a file changes the folder's mtime
  } catch {
    return undefined;
  }
  const cached = dirCache.get(dir);
  if (cached && cached.mtimeMs === mtimeMs) return cached.found;
  const candidate = path.join(dir, POLICY_FILE_NAME);
  const found = fs.existsSync(candidate) ? candidate : undefined;
  dirCache.set(dir, { mtimeMs, found });
  return found;
}

function loadFile(file: string, named: boolean): Loaded {
  let mtimeMs: number;
  try {
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch {
    return { policy: DEFAULT_POLICY, problems: named ? [{ source: file, path: '', message: 'the policy file named in settings.keywarden.policy does not exist' }] : [] };
  }
  const cached = fileCache.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached.loaded;
  let loaded: Loaded;
  try {
    loaded = validatePolicy(JSON.parse(fs.readFileSync(file, 'utf8')), file);
  } catch (error) {
    loaded = { policy: { ...DEFAULT_POLICY, source: file }, problems: [{ source: file, path: '', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  fileCache.set(file, { mtimeMs, loaded });
  return loaded;
}

/** One warning per policy problem per process (a config problem, not a lint finding per file). */
function warnOnce(problems: readonly PolicyProblem[]): void {
  for (const p of problems) {
    const key = `${p.source}\0${p.path}\0${p.message}`;
    if (warned.has(key)) continue;
    warned.add(key);
    process.emitWarning(`${p.source}${p.path ? ` at ${p.path}` : ''}: ${p.message}`, { code: 'KEYWARDEN_POLICY' });
  }
}
