import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { minimatch } from 'minimatch';
import { isLintablePath } from './lint/languages';

/** Directories never worth scanning: dependencies, VCS data, build caches. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn', 'bower_components', '.yarn', '.pnpm-store']);

interface GitIgnoreLevel {
  dir: string;
  rules: Ignore;
}

export interface WalkOptions {
  /** `files.exclude` globs (VS Code glob syntax), relative to the folder. */
  excludeGlobs: string[];
  isCancelled: () => boolean;
}

/**
 * Lists the JavaScript/TypeScript files of a folder the way the user sees
 * the project: `.gitignore` files at every level are honoured, as are the
 * `files.exclude` globs; dependency and VCS directories are skipped.
 * Symbolic links are not followed (no cycles, no escaping the folder).
 */
export async function listSourceFiles(folder: string, options: WalkOptions): Promise<string[]> {
  const files: string[] = [];
  const excluded = (relative: string) =>
    options.excludeGlobs.some((glob) => minimatch(relative, glob, { dot: true }) || minimatch(relative, glob.replace(/^\*\*\//, ''), { dot: true }));
  async function walk(dir: string, levels: GitIgnoreLevel[]): Promise<void> {
    if (options.isCancelled()) return;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return; // unreadable directory: skip it
    }
    const own = await readGitIgnore(dir);
    const active = own ? [...levels, { dir, rules: own }] : levels;
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      const relative = toPosix(path.relative(folder, full));
      const isDir = entry.isDirectory();
      if (isDir && SKIPPED_DIRECTORIES.has(entry.name)) continue;
      if (!isDir && !entry.isFile()) continue;
      if (excluded(relative) || gitIgnored(active, full, isDir)) continue;
      if (isDir) await walk(full, active);
      else if (isLintablePath(full) && !/\.min\.[cm]?js$/i.test(entry.name)) files.push(full);
    }
  }
  await walk(folder, []);
  return files;
}

async function readGitIgnore(dir: string): Promise<Ignore | null> {
  try {
    return ignore().add(await fs.readFile(path.join(dir, '.gitignore'), 'utf8'));
  } catch {
    return null;
  }
}

function gitIgnored(levels: GitIgnoreLevel[], full: string, isDir: boolean): boolean {
  for (const level of levels) {
    const relative = toPosix(path.relative(level.dir, full)) + (isDir ? '/' : '');
    if (relative && level.rules.ignores(relative)) return true;
  }
  return false;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** Why a file's content is not worth linting (binary, minified, generated-looking), or null. */
export function skipReason(text: string, size: number, maxBytes: number): string | null {
  if (size > maxBytes) return 'too large';
  if (text.includes('\u0000')) return 'binary';
  const sample = text.slice(0, 64 * 1024);
  const lines = sample.split('\n');
  const longest = lines.reduce((max, line) => Math.max(max, line.length), 0);
  if (longest > 2000 && sample.length / lines.length > 300) return 'minified';
  return null;
}
