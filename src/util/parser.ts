import * as tsParser from '@typescript-eslint/parser';
import * as espree from 'espree';
import { readOwnPackageJson } from './package-info';

/** Files keywarden's parser gives to @typescript-eslint/parser. */
export const TS_FILE = /\.(?:[cm]?ts|tsx)$/i;

/** `ecmaFeatures` of ESLint's parser options, or an empty object when it is missing or not an object. */
export function ecmaFeaturesOf(options: Record<string, unknown>): Record<string, unknown> {
  return (typeof options.ecmaFeatures === 'object' && (options.ecmaFeatures as Record<string, unknown> | null)) || {};
}

/**
 * One parser for every file keywarden's configs cover, so each config can be a
 * single object: TypeScript files go to @typescript-eslint/parser; everything
 * else to espree, ESLint's own parser (same AST and speed as without
 * keywarden), with JSX enabled since React code often lives in `.js` files.
 * Scope analysis for JS is left to ESLint, exactly as with its default parser.
 */
export const keywardenParser: {
  meta: { name: string; version: string };
  parseForESLint(code: string, options?: Record<string, unknown>): { ast: unknown };
} = {
  meta: { name: 'keywarden/parser', version: readOwnPackageJson().version },
  parseForESLint(code: string, options: Record<string, unknown> = {}) {
    const filePath = typeof options.filePath === 'string' ? options.filePath : '';
    if (TS_FILE.test(filePath)) return tsParser.parseForESLint(code, options);
    const jsOptions = { ...options, ecmaFeatures: { jsx: true, ...((options.ecmaFeatures as object) ?? {}) } };
    return { ast: espree.parse(code, jsOptions as never) };
  },
};
