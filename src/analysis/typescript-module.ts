import type * as ts from 'typescript';

let cachedTypeScript: typeof ts | null | undefined;

/**
 * The `typescript` module, loaded only when a file was parsed with type
 * information (that is when cross-file analysis needs it); undefined where it
 * is not installed, so plain-JavaScript users never pay for it.
 */
export function loadTypeScript(): typeof ts | undefined {
  if (cachedTypeScript === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      cachedTypeScript = require('typescript') as typeof ts;
    } catch {
      cachedTypeScript = null;
    }
  }
  return cachedTypeScript ?? undefined;
}
