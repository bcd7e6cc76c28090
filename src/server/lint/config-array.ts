import type { Linter } from 'eslint';
import { eslintInternal } from './eslint-internals';

/** ESLint's FlatConfigArray, as far as keywarden uses it. */
type FlatConfigArrayClass = new (
  configs: Linter.Config[],
  options: { basePath: string },
) => Linter.Config[] & { normalizeSync(): unknown; getConfig(filePath: string): unknown };

/**
 * Given a plain array, `Linter.verify` builds and normalizes a FlatConfigArray
 * on every call: merging the configs and validating every rule's options costs
 * about half a millisecond, a tenth of a 100-line file's parse. A normalized
 * FlatConfigArray (recognised by its `getConfig`) is used as it is, and caches
 * its merged config too. ESLint does not export the class (eslint-internals.ts).
 * If it cannot be had, plain arrays are used as before.
 */
const FlatConfigArray = eslintInternal<FlatConfigArrayClass>('FlatConfigArray', 'config', 'flat-config-array.js');

/** Whether configs are normalized once (true wherever ESLint's class could be loaded). */
export const normalizesOnce = FlatConfigArray !== null;

/** `configs` normalized for a Linter whose cwd is `basePath`, or `configs` itself when that is not possible. */
export function normalizedConfigArray(configs: Linter.Config[], basePath: string): Linter.Config[] {
  if (!FlatConfigArray) return configs;
  try {
    const array = new FlatConfigArray(configs, { basePath });
    array.normalizeSync();
    return array;
  } catch {
    return configs; // verify will normalize it and report the problem the usual way
  }
}
