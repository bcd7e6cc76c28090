import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** `bench/corpus-packages.json`: exact versions, so every run lints the same bytes. */
export interface PackageList {
  packages: Record<string, string>;
  exclude?: Exclusion[];
}

/** Paths (globs relative to the package) not linted, with the reason shown in the report. */
export interface Exclusion {
  package: string;
  paths: string[];
  why: string;
}

const EXACT_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
const MARKER = '.keywarden-bench.json';

export function readPackageList(file: string): PackageList {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<PackageList>;
  const packages = parsed.packages ?? {};
  for (const [name, version] of Object.entries(packages)) {
    // A range would let the corpus drift between runs and make numbers incomparable.
    if (!EXACT_VERSION.test(version)) throw new Error(`${file}: ${name}@${version} is not an exact version`);
  }
  if (Object.keys(packages).length === 0) throw new Error(`${file}: no packages listed`);
  const exclude = parsed.exclude ?? [];
  for (const e of exclude) {
    if (!(e.package in packages)) throw new Error(`${file}: exclusion for unlisted package ${e.package}`);
    if (!Array.isArray(e.paths) || !e.why) throw new Error(`${file}: exclusion for ${e.package} needs paths and why`);
  }
  return { packages, exclude };
}

/** One cache directory per distinct list: changing a version installs a fresh tree, never mutates an old one. */
export function corpusCacheDir(list: PackageList, base = defaultCacheBase()): string {
  const canonical = JSON.stringify(Object.entries(list.packages).sort(([a], [b]) => a.localeCompare(b)));
  const hash = createHash('sha256').update(canonical).digest('hex').slice(0, 12);
  return path.join(base, hash);
}

export function defaultCacheBase(): string {
  return process.env.KEYWARDEN_BENCH_CACHE ?? path.join(os.homedir(), '.cache', 'keywarden-bench');
}

export function isInstalled(dir: string, list: PackageList): boolean {
  try {
    const marker = JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8')) as PackageList;
    return JSON.stringify(marker.packages) === JSON.stringify(list.packages);
  } catch {
    return false;
  }
}

export interface InstallOptions {
  offline?: boolean;
  log?: (line: string) => void;
}

/**
 * Installs the pinned packages into the cache (outside the repository) unless a
 * previous run already did. `--ignore-scripts`: we lint sources and never run
 * them, and native builds (bcrypt, argon2) would need downloads. The marker is
 * written last, so an interrupted install is redone rather than half-used.
 */
export function ensureCorpusInstalled(list: PackageList, dir: string, options: InstallOptions = {}): string {
  const log = options.log ?? (() => {});
  if (isInstalled(dir, list)) {
    log(`corpus: cached at ${dir}`);
    return dir;
  }
  fs.mkdirSync(dir, { recursive: true });
  const specs = Object.entries(list.packages).map(([name, version]) => `${name}@${version}`);
  const args = ['install', '--ignore-scripts', '--no-save', '--no-audit', '--no-fund', '--legacy-peer-deps', '--prefix', dir];
  if (options.offline) args.push('--offline');
  log(`corpus: installing ${specs.length} packages into ${dir}${options.offline ? ' (offline, from the npm cache)' : ''}`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, [...args, ...specs], { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`npm install failed (exit ${result.status ?? result.signal})`);
  for (const name of Object.keys(list.packages)) {
    const installed = readInstalledVersion(dir, name);
    if (installed !== list.packages[name]) {
      throw new Error(`corpus: ${name} installed as ${installed ?? 'nothing'}, expected ${list.packages[name]}`);
    }
  }
  fs.writeFileSync(path.join(dir, MARKER), JSON.stringify({ packages: list.packages }, null, 2));
  return dir;
}

export function readInstalledVersion(dir: string, name: string): string | undefined {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8'));
    return typeof pkg.version === 'string' ? pkg.version : undefined;
  } catch {
    return undefined;
  }
}
