import * as fs from 'node:fs';
import * as path from 'node:path';

export const POLICY_FILE_NAME = 'keywarden.policy.json';

export interface PolicyLookup {
  /** The policy object passed to rules as `settings.keywarden.policy` (empty when there is none). */
  policy: object;
  /** The file it came from, if any. */
  file: string | null;
  /** Why the file could not be used (unreadable, invalid JSON, not an object). */
  error?: string;
}

interface CacheEntry {
  mtimeMs: number;
  size: number;
  lookup: PolicyLookup;
}

/**
 * Finds and reads the keywarden policy for a file: the `keywarden.policyFile`
 * setting when set (relative to the workspace folder), else the nearest
 * `keywarden.policy.json` found walking up from the file, stopping at the
 * workspace folder. The file is read as JSON, never executed; its meaning is
 * the rules' business. Results are cached by path, size and mtime.
 */
export class PolicyResolver {
  private readonly cache = new Map<string, CacheEntry>();

  resolve(filePath: string | null, workspaceFolder: string | null, policyFileSetting: string | null): PolicyLookup {
    const file = policyFileSetting
      ? path.resolve(workspaceFolder ?? (filePath ? path.dirname(filePath) : process.cwd()), policyFileSetting)
      : filePath
        ? this.findUpward(path.dirname(filePath), workspaceFolder)
        : null;
    if (!file) return { policy: {}, file: null };
    return this.read(file);
  }

  private findUpward(startDir: string, stopDir: string | null): string | null {
    let dir = startDir;
    for (;;) {
      const candidate = path.join(dir, POLICY_FILE_NAME);
      if (fs.existsSync(candidate)) return candidate;
      const parent = path.dirname(dir);
      if (parent === dir || (stopDir && path.resolve(dir) === path.resolve(stopDir))) return null;
      dir = parent;
    }
  }

  private read(file: string): PolicyLookup {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      return { policy: {}, file, error: `policy file not found: ${file}` };
    }
    const cached = this.cache.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.lookup;
    let lookup: PolicyLookup;
    try {
      const value: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
      lookup =
        value && typeof value === 'object' && !Array.isArray(value)
          ? { policy: value, file }
          : { policy: {}, file, error: `policy file is not a JSON object: ${file}` };
    } catch (error) {
      lookup = { policy: {}, file, error: `policy file is not valid JSON: ${file} (${withoutQuotedText((error as Error).message)})` };
    }
    this.cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, lookup });
    return lookup;
  }
}

/**
 * JSON.parse's message quotes the text around the error (`Unexpected token
 * 'r', "root:x:0:0"... is not valid JSON`). `keywarden.policyFile` may name
 * any file, a `.env` by mistake, so the quote is cut before the message is
 * logged: secrets are never printed.
 */
export function withoutQuotedText(message: string): string {
  return message.replace(/,\s*(\.\.\.)?"[\s\S]*"(\.\.\.)?\s+is not valid JSON$/, ' (text not shown) is not valid JSON').slice(0, 200);
}
