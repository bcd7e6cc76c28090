import type { TSESTree } from '@typescript-eslint/utils';
import { LIBRARIES } from '../model';
import { resolveImportPath, type ImportPath } from './imports';
import { resolveValues, type Constant, type ResolveContext } from './values';

/** A value given either as a constant or as a library's named constant (`CryptoJS.mode.ECB`, `constants.RSA_PKCS1_PADDING`). */
export interface SymbolicValue {
  value: string | number;
  /** Where to report: the constant's origin, or the member expression naming the library constant. */
  origin: TSESTree.Node;
  constant?: Constant;
}

/**
 * The string/number constants an expression may be, or else the name of the
 * library member it refers to (the last path segment: `mode.ECB` → `ECB`).
 */
export function symbolicValues(ctx: ResolveContext, node: TSESTree.Node): SymbolicValue[] {
  const resolved = resolveValues(ctx, node).values.filter((v) => v.kind === 'string' || v.kind === 'number');
  if (resolved.length) return resolved.map((constant) => ({ value: constant.value as string | number, origin: constant.origin, constant }));
  try {
    const path = withProvidedPath(resolveImportPath(ctx.sourceCode, node));
    // Only members of an imported module (or a global namespace): a bare local name says nothing.
    if (path && path.path.length > 0 && (path.module !== undefined || path.path.length > 1)) return [{ value: path.path[path.path.length - 1], origin: node }];
  } catch {
    // unknown shape: no value
  }
  return [];
}

/** `import ECB from 'crypto-js/mode-ecb'` is crypto-js's `mode.ECB`: the tables' `provides` say so. */
function withProvidedPath(path: ImportPath | undefined): ImportPath | undefined {
  if (!path || path.module === undefined) return path;
  for (const library of LIBRARIES) {
    for (const root of library.roots) {
      if ('module' in root && root.module === path.module && root.provides) {
        return { module: path.module, path: [...root.provides.flatMap((p) => p.split('.')), ...path.path] };
      }
    }
  }
  return path;
}
