import type { TSESTree } from '@typescript-eslint/utils';
import { LIBRARIES } from '../model';
import { resolveImportPath, type ImportPath } from './imports';
import { propertyName, resolveObjectLiteral, unwrapExpression } from './scope';
import { resolveConstant, resolveValues, type Constant, type ResolveContext } from './values';

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
export function symbolicValues(ctx: ResolveContext, node: TSESTree.Node, depth = 0): SymbolicValue[] {
  const resolved = resolveValues(ctx, node).values.filter((v) => v.kind === 'string' || v.kind === 'number');
  if (resolved.length) return resolved.map((constant) => ({ value: constant.value as string | number, origin: constant.origin, constant }));
  // `MODES[profile.mode]` over `const MODES = { cbc: CryptoJS.mode.CBC, ecb: CryptoJS.mode.ECB }`, and
  // `ENVELOPE.padding` over `const ENVELOPE = { padding: constants.RSA_PKCS1_PADDING }`.
  const entries = depth < 2 ? (tableLookupEntries(ctx, node) ?? namedMemberValue(ctx, node)) : undefined;
  if (entries) return entries.flatMap((entry) => symbolicValues(ctx, entry, depth + 1));
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

/** The value written for `settings.name` in a local object literal, when it names a library member (not a constant). */
function namedMemberValue(ctx: ResolveContext, node: TSESTree.Node): TSESTree.Node[] | undefined {
  const expr = unwrapExpression(node);
  if (expr.type !== 'MemberExpression' || expr.computed) return undefined;
  const object = resolveObjectLiteral(ctx.sourceCode, expr.object);
  const name = propertyName(expr.property);
  if (!object || name === undefined) return undefined;
  for (const prop of object.properties) {
    if (prop.type === 'Property' && prop.kind === 'init' && !prop.computed && propertyName(prop.key) === name) return [prop.value];
  }
  return undefined;
}

/**
 * The entries a computed lookup into a local object literal may pick: the one its
 * constant key names, or, when the key is known only at run time and the caller
 * counts every table entry, all of them. Undefined when it is no such lookup.
 */
function tableLookupEntries(ctx: ResolveContext, node: TSESTree.Node): TSESTree.Node[] | undefined {
  const expr = unwrapExpression(node);
  if (expr.type !== 'MemberExpression' || !expr.computed) return undefined;
  const object = resolveObjectLiteral(ctx.sourceCode, expr.object);
  if (!object) return undefined;
  const values: TSESTree.Node[] = [];
  const key = resolveConstant(ctx, expr.property);
  for (const prop of object.properties) {
    if (prop.type !== 'Property' || prop.kind !== 'init' || prop.method) continue;
    if (key === undefined || String(key.value) === (prop.computed ? undefined : propertyName(prop.key))) values.push(prop.value);
  }
  if (key === undefined && !ctx.everyTableEntry) return undefined;
  return values;
}
