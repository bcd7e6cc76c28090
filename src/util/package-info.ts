import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Reads keywarden's own package.json by walking up from this file, so the same
 * code works from `dist/`, from TypeScript sources (tests) and inside a bundle.
 */
export function readOwnPackageJson(): { name: string; version: string } {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'package.json');
    try {
      const pkg = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'keywarden' && pkg.version) return { name: pkg.name, version: pkg.version };
    } catch {
      // not here; keep walking up
    }
    dir = path.dirname(dir);
  }
  return { name: 'keywarden', version: '0.0.0' };
}
