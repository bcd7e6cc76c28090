import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { objectsOfLocalType } from './local-types';
import { LintScopedWeakMap } from './lint-scoped';

export type SourceCode = Readonly<TSESLint.SourceCode>;

/** The variable an identifier refers to, or undefined for unresolved globals. */
export function variableOf(sourceCode: SourceCode, id: TSESTree.Identifier): TSESLint.Scope.Variable | undefined {
  try {
    const known = resolvedIdentifiers(sourceCode);
    if (known.has(id)) return known.get(id) ?? undefined;
    const found = ASTUtils.findVariable(sourceCode.getScope(id), id) ?? null;
    known.set(id, found); // unresolved globals (`Buffer`, `process`) are asked about again and again
    return found ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every identifier the scope analysis already resolved (references and
 * declarations) → its variable, built once per file: rules ask "which
 * variable is this?" thousands of times, and a lookup beats walking up the
 * scopes by name each time. Unresolved identifiers fall back to the by-name
 * search (globals declared in config, property names).
 */
const resolvedCache = new LintScopedWeakMap<object, Map<TSESTree.Node, TSESLint.Scope.Variable | null>>();
function resolvedIdentifiers(sourceCode: SourceCode): Map<TSESTree.Node, TSESLint.Scope.Variable | null> {
  let map = resolvedCache.get(sourceCode.ast);
  if (map) return map;
  map = new Map();
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    for (const variable of scope.variables) {
      for (const identifier of variable.identifiers) map.set(identifier as TSESTree.Node, variable);
    }
    for (const reference of scope.references) {
      if (reference.resolved) map.set(reference.identifier as TSESTree.Node, reference.resolved);
    }
  }
  resolvedCache.set(sourceCode.ast, map);
  return map;
}

/** Strips TS-only wrappers and parentheses-equivalents that do not change a value. */
export function unwrapExpression(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'TSInstantiationExpression':
        current = current.expression;
        continue;
      case 'ChainExpression':
        current = current.expression;
        continue;
      default:
        return current;
    }
  }
}

/** Wrappers that change what TypeScript believes about a value, never the value (`key!`, `key as Buffer`). */
const TYPE_WRAPPERS: ReadonlySet<string> = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion']);

/**
 * The outermost of the type-only wrappers around `node` (`key!`, `key as Buffer`, `cfg satisfies Config`), or `node`
 * itself: where its value is used (the other way round from unwrapExpression). `through` adds wrappers a caller also
 * reads as the same value: an optional chain (`res?.Plaintext`'s ChainExpression), an `await`.
 */
export function climbTypeWrappers(node: TSESTree.Node, through?: { chain?: boolean; await?: boolean }): TSESTree.Node {
  let current = node;
  for (let parent = current.parent; parent; parent = current.parent) {
    const climbs = TYPE_WRAPPERS.has(parent.type) || (through?.chain === true && parent.type === 'ChainExpression') || (through?.await === true && parent.type === 'AwaitExpression');
    if (!climbs) break;
    current = parent;
  }
  return current;
}

/** `null`, `void 0` or `undefined` as written (`undefined` by name: no scope is consulted). */
export function isNoValueLiteral(node: TSESTree.Node): boolean {
  const expr = unwrapExpression(node);
  if (expr.type === 'Literal') return expr.value === null && !('regex' in expr && expr.regex) && !('bigint' in expr && expr.bigint);
  if (expr.type === 'UnaryExpression') return expr.operator === 'void';
  return expr.type === 'Identifier' && expr.name === 'undefined';
}

/**
 * An expression that stands for no value: `undefined`, `null`, `void 0`, or a constant bound to
 * one (`const CONTEXT = undefined`): an option given that way is an option not given.
 */
export function isNoValue(sourceCode: SourceCode, node: TSESTree.Node, depth = 0): boolean {
  const expr = unwrapExpression(node);
  if (expr.type !== 'Identifier') return isNoValueLiteral(expr);
  if (depth > 4) return false;
  const variable = variableOf(sourceCode, expr);
  if (!variable || variable.defs.length === 0) return expr.name === 'undefined';
  const init = singleInitializer(variable);
  return !!init && isNoValue(sourceCode, init, depth + 1);
}

/** The single initializer of a variable that is never reassigned (const, or a let written once). */
export function singleInitializer(variable: TSESLint.Scope.Variable): TSESTree.Expression | undefined {
  // Memoized: a module-level key read in 500 places would otherwise rescan its 500 references per question.
  if (initializers.has(variable)) return initializers.get(variable) ?? undefined;
  const init = findSingleInitializer(variable);
  initializers.set(variable, init ?? null);
  return init;
}
const initializers = new LintScopedWeakMap<TSESLint.Scope.Variable, TSESTree.Expression | null>();

function findSingleInitializer(variable: TSESLint.Scope.Variable): TSESTree.Expression | undefined {
  if (variable.defs.length !== 1) return undefined;
  const def = variable.defs[0];
  if (def.type !== 'Variable' || def.node.id.type !== 'Identifier' || !def.node.init) return undefined;
  let writes = 0;
  for (const ref of variable.references) {
    if (!ref.isWrite()) continue;
    if (++writes > 1 || ref.writeExpr !== def.node.init) return undefined;
  }
  return writes === 1 ? def.node.init : undefined;
}

/** The references that write the variable with an expression (`x = …`, `let x = …`), memoized per variable. */
export function writesOf(variable: TSESLint.Scope.Variable): readonly TSESLint.Scope.Reference[] {
  let writes = writeCache.get(variable);
  if (!writes) {
    writes = variable.references.filter((ref) => ref.isWrite() && ref.writeExpr);
    writeCache.set(variable, writes);
  }
  return writes;
}
const writeCache = new LintScopedWeakMap<TSESLint.Scope.Variable, readonly TSESLint.Scope.Reference[]>();

/** The named type a binding is annotated with (`appConfig: AppConfig`, `app: FastifyInstance<…>`), not a qualified or literal type. */
export function annotatedTypeName(id: TSESTree.Node): TSESTree.Identifier | undefined {
  const annotation = id.type === 'Identifier' ? id.typeAnnotation?.typeAnnotation : undefined;
  return annotation?.type === 'TSTypeReference' && annotation.typeName.type === 'Identifier' ? annotation.typeName : undefined;
}

/** The name of a non-computed (or string-literal computed) property key. */
export function propertyName(node: TSESTree.Node): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'Literal' && (typeof node.value === 'string' || typeof node.value === 'number')) return String(node.value);
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked ?? undefined;
  return undefined;
}

/** `a.b` / `a['b']` → 'b'. */
export function memberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed) return node.property.type === 'Identifier' ? node.property.name : undefined;
  return propertyName(node.property);
}

/** The array literal `node` is, or that a binding never reassigned holds (`const secrets = [A, B]`). */
export function arrayLiteralOf(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.ArrayExpression | undefined {
  const value = unwrapExpression(node);
  if (value.type === 'ArrayExpression') return value;
  const variable = value.type === 'Identifier' ? variableOf(sourceCode, value) : undefined;
  const init = variable && singleInitializer(variable);
  const held = init && unwrapExpression(init);
  return held?.type === 'ArrayExpression' ? held : undefined;
}

/** `Buffer.from(…)`-style calls: `object.method(…)` on an identifier named `object` (`Buffer`, `Uint8Array`, `Array`). */
export function isStaticCall(node: TSESTree.Node | null | undefined, object: string, method: string): node is TSESTree.CallExpression {
  return methodCalledOn(node, object) === method;
}

/** The method `objectName.method(…)` calls; undefined for any other node. */
function methodCalledOn(node: TSESTree.Node | null | undefined, objectName: string): string | undefined {
  if (node?.type !== 'CallExpression') return undefined;
  const callee = unwrapExpression(node.callee);
  return callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === objectName ? memberName(callee) : undefined;
}

/** A class member's name as its key declares it: `#key` for an ES private name, so `#key` and `key` stay distinct. */
export function classMemberKeyName(key: TSESTree.Node): string | undefined {
  return key.type === 'PrivateIdentifier' ? `#${key.name}` : propertyName(key);
}

/** The class member `this.key` / `this.#key` names, in `classMemberKeyName`'s form. */
export function classMemberName(member: TSESTree.MemberExpression): string | undefined {
  return member.property.type === 'PrivateIdentifier' ? `#${member.property.name}` : memberName(member);
}

/**
 * `new Name(…)` itself, or a variable initialised with it and never reassigned:
 * `new TextDecoder().decode(…)`, `const decoder = new TextDecoder(); decoder.decode(…)`.
 */
export function isConstructedWith(sourceCode: SourceCode, node: TSESTree.Node, className: string): boolean {
  const variable = node.type === 'Identifier' ? variableOf(sourceCode, node) : undefined;
  const value = unwrapExpression(variable ? (singleInitializer(variable) ?? node) : node);
  return value.type === 'NewExpression' && value.callee.type === 'Identifier' && value.callee.name === className;
}

/** The name a callee or assignment target goes by: `f` for `f(…)`, `update` for `hash.update(…)` or `hash['update'](…)`. */
export function referencedName(node: TSESTree.Node): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression') return memberName(node);
  return undefined;
}

/**
 * Follows an identifier to the object literal it was initialised with (const
 * only), so `const opts = { iv }; f(opts)` reads like `f({ iv })`.
 */
export function resolveObjectLiteral(sourceCode: SourceCode, node: TSESTree.Node, depth = 0): TSESTree.ObjectExpression | undefined {
  const expr = unwrapExpression(node);
  if (expr.type === 'ObjectExpression') return expr;
  if (depth > 4) return undefined;
  if (expr.type === 'Identifier') {
    const variable = variableOf(sourceCode, expr);
    const init = variable && singleInitializer(variable);
    if (init) return resolveObjectLiteral(sourceCode, init, depth + 1);
    // `header: VaultHeader` when the file makes exactly one object of that local type (`newVaultHeader()`): that object.
    const def = variable?.defs[0];
    const made = def?.type === 'Parameter' && def.name.type === 'Identifier' ? objectsOfLocalType(sourceCode, def.name) : [];
    return made.length === 1 ? made[0] : undefined;
  }
  if (expr.type === 'MemberExpression') {
    const name = memberName(expr);
    const owner = name === undefined ? undefined : resolveObjectLiteral(sourceCode, expr.object, depth + 1);
    const value = owner && findProperty(owner, name!);
    return value ? resolveObjectLiteral(sourceCode, value, depth + 1) : undefined;
  }
  const frozen = frozenObjectArgument(sourceCode, expr);
  return frozen ? resolveObjectLiteral(sourceCode, frozen, depth + 1) : undefined;
}

/**
 * The expression itself, or, for a binding assigned once (`const path = \`transit/encrypt/…\``), the
 * expression it was initialised with; undefined for a binding written more than once or not at all.
 */
export function initializedExpression(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.Node | undefined {
  const expr = unwrapExpression(node);
  if (expr.type !== 'Identifier') return expr;
  const variable = variableOf(sourceCode, expr);
  const init = variable && singleInitializer(variable);
  return init ? unwrapExpression(init) : undefined;
}

const ASSIGN: ReadonlySet<string> = new Set(['assign']);

/**
 * `Object.assign({}, DEFAULTS, { CiphertextBlob })` (or a variable initialised once with it): a
 * fresh object merged from object literals, as those literals in order (later ones win). Undefined
 * when the target is not a fresh literal or a source is not a literal we can read whole.
 */
export function mergedObjectLiterals(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.ObjectExpression[] | undefined {
  const expr = initializedExpression(sourceCode, node);
  if (!expr) return undefined;
  const call = globalMethodCall(sourceCode, expr, 'Object', ASSIGN);
  if (!call || call.arguments.length < 2 || unwrapExpression(call.arguments[0]).type !== 'ObjectExpression') return undefined;
  const objects = call.arguments.map((arg) => (arg.type === 'SpreadElement' ? undefined : resolveObjectLiteral(sourceCode, arg)));
  return objects.every((o) => o !== undefined) ? (objects as TSESTree.ObjectExpression[]) : undefined;
}

const FREEZERS: ReadonlySet<string> = new Set(['freeze', 'seal', 'preventExtensions']);

/** `Object.freeze(x)` / `Object.seal(x)` (the global `Object`) return `x` itself: its argument. */
function frozenObjectArgument(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.Node | undefined {
  const call = globalMethodCall(sourceCode, node, 'Object', FREEZERS);
  return call?.arguments.length === 1 && call.arguments[0].type !== 'SpreadElement' ? call.arguments[0] : undefined;
}

const JSON_PARSE: ReadonlySet<string> = new Set(['parse']);

/** `JSON.parse(…)` of the global `JSON` (through parentheses and type assertions). */
export function jsonParseCall(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.CallExpression | undefined {
  return globalMethodCall(sourceCode, unwrapExpression(node), 'JSON', JSON_PARSE);
}

/**
 * `node` when it calls one of `methods` of the built-in global `objectName` (`JSON.parse(…)`,
 * `Object.freeze(…)`), not of a local binding that shadows it.
 */
export function globalMethodCall(sourceCode: SourceCode, node: TSESTree.Node, objectName: string, methods: ReadonlySet<string>): TSESTree.CallExpression | undefined {
  const method = methodCalledOn(node, objectName);
  if (method === undefined || !methods.has(method)) return undefined;
  const call = node as TSESTree.CallExpression;
  const object = (unwrapExpression(call.callee) as TSESTree.MemberExpression).object as TSESTree.Identifier;
  return variableOf(sourceCode, object)?.defs.length ? undefined : call;
}

/**
 * The initializer of member `name` of a TypeScript enum declared in this file:
 * `enum Cipher { Legacy = 'aes-128-ecb' }` → the literal for `Cipher.Legacy`.
 * Members without an initializer (auto-numbered) have none.
 */
export function enumMemberInitializer(sourceCode: SourceCode, node: TSESTree.Node, name: string): TSESTree.Node | undefined {
  const member = enumMembers(sourceCode, node)?.find((m) => (m.id.type === 'Identifier' ? m.id.name : String(m.id.value)) === name);
  return member?.initializer ?? undefined;
}

/** The members of the TypeScript `enum` an identifier names, if it names one declared in this file. */
export function enumMembers(sourceCode: SourceCode, node: TSESTree.Node): readonly TSESTree.TSEnumMember[] | undefined {
  const expr = unwrapExpression(node);
  if (expr.type !== 'Identifier') return undefined;
  const def = variableOf(sourceCode, expr)?.defs.find((d) => d.node.type === 'TSEnumDeclaration');
  if (!def || def.node.type !== 'TSEnumDeclaration') return undefined;
  return def.node.body?.members ?? [];
}

/** The value of property `name` in an object literal (last one wins, as at run time). */
export function findProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Node | undefined {
  let found: TSESTree.Node | undefined;
  for (const prop of object.properties) {
    if (prop.type !== 'Property' || prop.kind !== 'init') continue;
    if (prop.computed && prop.key.type !== 'Literal') continue;
    if (propertyName(prop.key) === name) found = prop.value;
  }
  return found;
}

/**
 * The binding `name` that a TypeScript namespace exports (`export const exchange = …` inside
 * `namespace PartnerKeys { … }`), for a read `PartnerKeys.exchange` whose `object` names the namespace.
 */
export function namespaceMember(sourceCode: SourceCode, object: TSESTree.Node, name: string): TSESTree.Identifier | undefined {
  if (object.type !== 'Identifier') return undefined;
  const def = variableOf(sourceCode, object)?.defs[0];
  if (def?.type !== 'TSModuleName' || def.node.type !== 'TSModuleDeclaration') return undefined;
  const body = def.node.body;
  for (const statement of body?.type === 'TSModuleBlock' ? body.body : []) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : undefined;
    if (declaration?.type !== 'VariableDeclaration') continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type === 'Identifier' && declarator.id.name === name) return declarator.id;
    }
  }
  return undefined;
}
