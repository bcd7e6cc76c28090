import type { TSESTree } from '@typescript-eslint/utils';
import { memberName, propertyName, singleInitializer, unwrapExpression, variableOf, type SourceCode } from './scope';

/** Where an expression comes from: a module's export path, or a global path (`module` undefined). */
export interface ImportPath {
  module?: string;
  path: string[];
  /** The module seen through a compiler's interop helper (`__importStar(require('x'))`): its `.default` is the module too. */
  interop?: true;
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
    if (base.interop && name === 'default' && base.path.length === 0) return { module: base.module, path: [] };
    if (base.module === undefined && base.path.length === 1 && GLOBAL_OBJECT_NAMES.has(base.path[0])) return { path: [name!] };
    return { module: base.module, path: [...base.path, name!] };
  }
  const required = requiredModule(expr);
  if (required !== undefined) return { module: required, path: [] };
  const wrapped = interopRequiredModule(expr);
  if (wrapped !== undefined) return { module: wrapped, path: [], interop: true };
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
  if (def.type === 'Parameter') {
    const module = umdFactoryParameterModule(sourceCode, def.name as TSESTree.Identifier);
    return module === undefined ? undefined : { module, path: [] };
  }
  if (def.type === 'Variable') {
    const init = singleInitializer(variable) ?? (def.node.parent?.kind === 'const' ? def.node.init ?? undefined : undefined);
    if (!init) return undefined;
    const base = resolveImportPath(sourceCode, init, depth + 1);
    if (!base) return undefined;
    const inPattern = patternPath(def.node.id, expr.name);
    if (inPattern?.length === 0) return base;
    return inPattern ? { module: base.module, path: [...base.path, ...inPattern] } : undefined;
  }
  return undefined;
}

/**
 * Modules whose `Buffer` export is Node's Buffer class (`safe-buffer` is a drop-in for old Node versions;
 * `@craftzdog/react-native-buffer` is the native-backed port React Native apps import next to react-native-quick-crypto).
 */
const BUFFER_MODULES = new Set(['buffer', 'node:buffer', 'safe-buffer', '@craftzdog/react-native-buffer']);

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

/**
 * Helpers compilers emit around `require('x')` so that ES-module imports work on CommonJS modules: tsc's
 * `__importDefault`/`__importStar`, esbuild's `__toESM` (`__toModule` before 0.14), Babel's
 * `_interopRequireDefault`/`_interopRequireWildcard` and SWC's `_interop_require_default._`. Each returns
 * the module itself or a namespace whose members and `default` are the module's: the same library.
 */
const INTEROP_HELPERS: ReadonlySet<string> = new Set([
  '__importDefault',
  '__importStar',
  '__toESM',
  '__toModule',
  '_interopRequireDefault',
  '_interopRequireWildcard',
  '_interop_require_default',
  '_interop_require_wildcard',
]);

/** `__importStar(require('x'))`, `__toESM(require('x'), 1)`, `_interop_require_default._(require('x'))` → 'x'. */
export function interopRequiredModule(node: TSESTree.Node): string | undefined {
  if (node.type !== 'CallExpression' || node.arguments.length === 0) return undefined;
  const callee = node.callee;
  const helper =
    callee.type === 'Identifier'
      ? callee.name
      : callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && memberName(callee) === '_'
        ? callee.object.name
        : undefined;
  return helper !== undefined && INTEROP_HELPERS.has(helper) ? requiredModule(node.arguments[0]) : undefined;
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

/**
 * The module a UMD factory's parameter receives: in
 * `(function (root, factory) { … module.exports = factory(require('crypto')); … })(this, function (crypto) { … })`
 * the factory's `crypto` is `require('crypto')` wherever CommonJS loads the file (the AMD and browser-global
 * branches hand it the same library under other names). Undefined for any other parameter.
 */
export function umdFactoryParameterModule(sourceCode: SourceCode, param: TSESTree.Identifier): string | undefined {
  const factory = param.parent;
  if (factory?.type !== 'FunctionExpression' && factory?.type !== 'ArrowFunctionExpression') return undefined;
  const index = factory.params.indexOf(param);
  const wrapperCall = factory.parent;
  if (index < 0 || wrapperCall?.type !== 'CallExpression') return undefined;
  const wrapper = unwrapExpression(wrapperCall.callee);
  if (wrapper.type !== 'FunctionExpression' && wrapper.type !== 'ArrowFunctionExpression') return undefined;
  const factoryParam = wrapper.params[wrapperCall.arguments.indexOf(factory)];
  if (factoryParam?.type !== 'Identifier') return undefined;
  const modules = new Set<string>();
  for (const ref of variableOf(sourceCode, factoryParam)?.references ?? []) {
    const call = ref.identifier.parent;
    if (call?.type !== 'CallExpression' || call.callee !== ref.identifier) continue;
    const required = call.arguments[index] === undefined ? undefined : requiredModule(call.arguments[index]);
    if (required !== undefined) modules.add(required);
  }
  return modules.size === 1 ? [...modules][0] : undefined;
}
