import * as path from 'node:path';
import type { Linter } from 'eslint';

/** What `Linter#verify` accepts as an already-normalized flat config array. */
export type ConfigArrayLike = Linter.Config[] & { getConfig(file: string): unknown };

type FlatConfigArrayClass = new (configs: Linter.Config[], options: { basePath: string }) => ConfigArrayLike & {
  normalizeSync(): void;
};

let cached: FlatConfigArrayClass | null | undefined;

/**
 * ESLint's CLI normalizes the config once and reuses it for every file. `Linter#verify`
 * given a plain array re-normalizes (schema validation, plugin lookup) on *every* call,
 * a per-file cost that grows with the number of rules and would be charged to the
 * plugin under test. ESLint does not export its FlatConfigArray, so we load it by path
 * from the installed (pinned) eslint; if that ever fails we fall back to plain arrays
 * and say so in the report.
 */
function flatConfigArrayClass(): FlatConfigArrayClass | null {
  if (cached !== undefined) return cached;
  try {
    const eslintRoot = path.dirname(require.resolve('eslint/package.json'));
    const mod = require(path.join(eslintRoot, 'lib', 'config', 'flat-config-array.js')) as {
      FlatConfigArray?: FlatConfigArrayClass;
    };
    cached = typeof mod.FlatConfigArray === 'function' ? mod.FlatConfigArray : null;
  } catch {
    cached = null;
  }
  return cached;
}

export function normalizedConfigsAvailable(): boolean {
  return flatConfigArrayClass() !== null;
}

/**
 * `basePath` must be the corpus root: ESLint's default config ignores `**\/node_modules/`,
 * and every corpus file lives in one, so paths must be relative to `<cache>/node_modules`.
 */
export function buildConfigArray(configs: Linter.Config[], basePath: string): ConfigArrayLike | Linter.Config[] {
  const FlatConfigArray = flatConfigArrayClass();
  if (!FlatConfigArray) return configs;
  const array = new FlatConfigArray(configs, { basePath });
  array.normalizeSync();
  return array;
}
