import * as path from 'node:path';
import * as eslint from 'eslint';

/**
 * A class ESLint does not export (FlatConfigArray, FileContext): the server
 * bundle adds it to its `eslint` module (scripts/build-server.mjs); run from
 * sources, it is read from ESLint's own file, the one its Linter loads. Null
 * when neither works.
 */
export function eslintInternal<T>(name: string, ...fileUnderLib: string[]): T | null {
  const bundled = (eslint as Record<string, unknown>)[name] as T | undefined;
  if (bundled) return bundled;
  try {
    const file = path.join(path.dirname(require.resolve('eslint/package.json')), 'lib', ...fileUnderLib);
    return ((require(file) as Record<string, unknown>)[name] as T | undefined) ?? null;
  } catch {
    return null;
  }
}
