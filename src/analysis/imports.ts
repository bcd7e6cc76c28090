import type { TSESTree } from '@typescript-eslint/utils';
import { memberName, propertyName, singleInitializer, unwrapExpression, variableOf, type SourceCode } from './scope';

/** Where an expression comes from: a module's export path, or a global path (`module` undefined). */
export interface ImportPath {
  module?: string;
  path: string[];
}

/** Names of the global object (`globalThis.crypto` is `crypto`); a local binding of the same name is not it. */
export const GLOBAL_OBJECT_NAMES: ReadonlySet<string> = new Set(['globalThis', 'window', 'self', 'global']);

/**
 * Resolves `crypto.pbkdf2`, a destructured `{ pbkdf2 }`, an `import { pbkdf2 }`
 * or `require('crypto').pbkdf2` to `{ module: 'crypto', path: ['pbkdf2'] }`.
 * Undefined when the expression is not a plain import/global path.
 */
export function resolveImportPath(sourceCode: SourceCode, node: TSESTree.Node, depth = 0): ImportPath | undefined {
  if (depth > 8) return undefined;
  const expr = unwrapExpression(node);
  if (expr.type === 'MemberExpression') {
    const name = memberName(expr);
    const base = name === undefined ? undefined : resolveImportPath(sourceCode, expr.object, depth + 1);
    if (!base) return undefined;
    if (base.module === undefined && base.path.length === 1 && GLOBAL_OBJECT_NAMES.has(base.path[0])) return { path: [name!] };
    return { module: base.module, path: [...base.path, name!] };
  }
  const required = requiredModule(expr);
  if (required !== undefined) return { module: required, path: [] };
  if (expr.type !== 'Identifier') return undefined;

  const variable = variableOf(sourceCode, expr);
  if (!variable || variable.defs.length === 0) return { path: [expr.name] }; // a global
  if (variable.defs.length !== 1) return undefined;
  const def = variable.defs[0];
  if (def.type === 'ImportBinding') {
    const spec = def.node;
    if (spec.type === 'TSImportEqualsDeclaration') {
      const ref = spec.moduleReference;
      return ref.type === 'TSExternalModuleReference' && ref.expression.type === 'Literal' ? { module: String(ref.expression.value), path: [] } : undefined;
    }
    const source = def.parent && 'source' in def.parent ? String((def.parent as TSESTree.ImportDeclaration).source.value) : undefined;
    if (source === undefined) return undefined;
    if (spec.type === 'ImportSpecifier') {
      const imported = spec.imported.type === 'Identifier' ? spec.imported.name : String(spec.imported.value);
      return imported === 'default' ? { module: source, path: [] } : { module: source, path: [imported] };
    }
    if (spec.type === 'ImportDefaultSpecifier' || spec.type === 'ImportNamespaceSpecifier') return { module: source, path: [] };
    return undefined;
  }
  if (def.type === 'Variable') {
    const init = singleInitializer(variable) ?? (def.node.parent?.kind === 'const' ? def.node.init ?? undefined : undefined);
    if (!init) return undefined;
    const base = resolveImportPath(sourceCode, init, depth + 1);
    if (!base) return undefined;
    const inPattern = patternPath(def.node.id, expr.name);
    return inPattern ? { module: base.module, path: [...base.path, ...inPattern] } : undefined;
  }
  return undefined;
}

/** Modules whose `Buffer` export is Node's Buffer class (`safe-buffer` is a drop-in for old Node versions). */
const BUFFER_MODULES = new Set(['buffer', 'node:buffer', 'safe-buffer']);

/** `Buffer` bound to `require('buffer').Buffer`, `require('safe-buffer').Buffer` or `import { Buffer } from 'node:buffer'`. */
export function isBufferClass(sourceCode: SourceCode, id: TSESTree.Identifier): boolean {
  if (id.name !== 'Buffer') return false;
  const path = resolveImportPath(sourceCode, id);
  return path?.module !== undefined && BUFFER_MODULES.has(path.module) && path.path.length === 1 && path.path[0] === 'Buffer';
}

/** `require('x')` → 'x'. */
export function requiredModule(node: TSESTree.Node): string | undefined {
  if (
    node.type === 'CallExpression' &&
    node.callee.type === 'Identifier' &&
    node.callee.name === 'require' &&
    node.arguments.length === 1 &&
    node.arguments[0].type === 'Literal' &&
    typeof node.arguments[0].value === 'string'
  ) {
    return node.arguments[0].value;
  }
  return undefined;
}

/** Where `name` sits inside a destructuring pattern: `{ a: { b: name } }` → ['a', 'b']; `name` → []. */
function patternPath(pattern: TSESTree.Node, name: string): string[] | undefined {
  if (pattern.type === 'Identifier') return pattern.name === name ? [] : undefined;
  if (pattern.type === 'AssignmentPattern') return patternPath(pattern.left, name);
  if (pattern.type === 'ObjectPattern') {
    for (const prop of pattern.properties) {
      if (prop.type !== 'Property') continue;
      const key = prop.computed ? undefined : propertyName(prop.key);
      if (key === undefined) continue;
      const inner = patternPath(prop.value, name);
      if (inner) return [key, ...inner];
    }
  }
  return undefined;
}
