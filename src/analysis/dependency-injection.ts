import type { TSESTree } from '@typescript-eslint/utils';
import { programNodes } from './ast';
import { resolveImportPath } from './imports';
import { returnedExpressions } from './local-functions';
import { findProperty, memberName, propertyName, unwrapExpression, variableOf, type SourceCode } from './scope';
import { LintScopedWeakMap } from './lint-scoped';

/**
 * Values handed to classes by a dependency-injection container, matched by token within one file:
 * `container.register(TOKEN, { useValue: v })` / `registerInstance(TOKEN, v)` (tsyringe),
 * `container.bind(TOKEN).toConstantValue(v)` (InversifyJS) and `{ provide: TOKEN, useValue: v }`
 * (Nest providers, also `{ provide: TOKEN, useFactory: () => v }`) and `Container.set(TOKEN, v)` (typedi) on one side; `@inject(TOKEN)` /
 * `@Inject(TOKEN)` on a constructor parameter on the other. awilix matches by name instead:
 * `container.register({ appSecret: asValue(v) })` is what a constructor's `{ appSecret }` (or, in classic
 * mode, its `appSecret` parameter) receives.
 */

export interface InjectedValue {
  /** The registered value expression. */
  value: TSESTree.Node;
}

interface Registration {
  token: string;
  value: TSESTree.Node;
  /** What the token is called (`RECEIPT_SIGNING_KEY`, `'JWT_SECRET'`, `TYPES.PartnerKey` → `PartnerKey`). */
  name?: string;
  /** The token as written, for registrations by token (not awilix names, Fastify decorations or `registerAs` keys). */
  tokenNode?: TSESTree.Node;
}

const cache = new LintScopedWeakMap<TSESTree.Program, Registration[]>();

/**
 * A word every registration below is written with (`provide:`, `register…`, `decorate`, `toConstantValue`, an
 * import of `typedi`): a file without any has none, and is not walked (most files; the walk is a whole-file one).
 */
const REGISTRATION_WORDS = /provide|register|decorate|toConstantValue|typedi/;

/** The value registered for the token a parameter is injected with, when the file registers exactly one. */
export function injectedValue(sourceCode: SourceCode, param: TSESTree.Identifier): InjectedValue | undefined {
  const token = injectionToken(sourceCode, param);
  if (token === undefined) return undefined;
  const matches = registrations(sourceCode).filter((r) => r.token === token);
  return matches.length === 1 ? { value: matches[0].value } : undefined;
}

/**
 * Every value this file registers in a container, with the name of its token: a DI token is how the
 * program names the value (`container.register(RECEIPT_SIGNING_KEY, { useValue: … })`), like a binding's name.
 */
export function namedRegistrations(sourceCode: SourceCode): { name: string; value: TSESTree.Node }[] {
  return registrations(sourceCode).flatMap((r) => (r.name ? [{ name: r.name, value: r.value }] : []));
}

/**
 * The values this file registers under a token other modules inject by (`{ provide: TOKEN, useValue }`,
 * `container.bind(TYPES.PartnerKey).toConstantValue(…)`, tsyringe, typedi), with the token as written.
 */
export function tokenRegistrations(sourceCode: SourceCode): { name: string; token: TSESTree.Node; value: TSESTree.Node }[] {
  return registrations(sourceCode).flatMap((r) => (r.name && r.tokenNode ? [{ name: r.name, token: r.tokenNode, value: r.value }] : []));
}

/** `RECEIPT_SIGNING_KEY`, `'JWT_SECRET'`, `TYPES.PartnerKey`, `Symbol.for('PartnerKey')` → the name they give the token. */
function tokenName(node: TSESTree.Node): string | undefined {
  const expr = unwrapExpression(node);
  if (expr.type === 'Literal' && typeof expr.value === 'string') return expr.value;
  if (expr.type === 'Identifier') return expr.name;
  if (expr.type === 'MemberExpression') return memberName(expr);
  return undefined;
}

/**
 * `app.appKey` where the file decorates that instance once with that name (Fastify's `app.decorate('appKey', value)`):
 * the decorated value.
 */
export function decoratedValue(sourceCode: SourceCode, instance: TSESTree.Identifier, name: string): InjectedValue | undefined {
  const key = tokenKey(sourceCode, instance);
  if (key === undefined) return undefined;
  const matches = registrations(sourceCode).filter((r) => r.token === decorationToken(key, name));
  return matches.length === 1 ? { value: matches[0].value } : undefined;
}

function decorationToken(instance: string, name: string): string {
  return `decorated:${instance}.${name}`;
}

/** `@inject(TOKEN) secret` / `@Inject(TOKEN) private readonly secret` → the token's key; a constructor's `{ appSecret }` → its awilix name. */
function injectionToken(sourceCode: SourceCode, param: TSESTree.Identifier): string | undefined {
  const holder = param.parent?.type === 'TSParameterProperty' ? param.parent : param;
  for (const decorator of holder.decorators ?? []) {
    const call = decorator.expression;
    if (call.type !== 'CallExpression' || call.callee.type !== 'Identifier' || !/^inject$/i.test(call.callee.name)) continue;
    const arg = call.arguments[0];
    return arg && arg.type !== 'SpreadElement' ? tokenKey(sourceCode, arg) : undefined;
  }
  return cradleName(param);
}

/**
 * The name a constructor parameter is resolved by in an awilix container: a property of the destructured
 * cradle (`constructor({ appSecret })`, injection mode PROXY) or the parameter itself (CLASSIC mode).
 * It only matches a registration made by name in the same file (`asValue`), so other constructors are unaffected.
 */
function cradleName(param: TSESTree.Identifier): string | undefined {
  const property = param.parent?.type === 'Property' && param.parent.value === param ? param.parent : undefined;
  const parameter = property ? property.parent : param;
  const ctor = parameter?.parent;
  const isConstructor = ctor?.type === 'FunctionExpression' && ctor.parent?.type === 'MethodDefinition' && ctor.parent.kind === 'constructor';
  if (!isConstructor || !ctor.params.includes(parameter as TSESTree.Parameter)) return undefined;
  if (property) return property.parent?.type === 'ObjectPattern' && !property.computed ? `cradle:${propertyName(property.key)}` : undefined;
  return `cradle:${param.name}`;
}

/** awilix `asValue(v)` (or `awilix.asValue(v)`): the value registered under a name. */
function awilixValue(node: TSESTree.Node | undefined): TSESTree.Node | undefined {
  const call = node && unwrapExpression(node);
  if (call?.type !== 'CallExpression') return undefined;
  const name = call.callee.type === 'Identifier' ? call.callee.name : call.callee.type === 'MemberExpression' ? memberName(call.callee) : undefined;
  const value = call.arguments[0];
  return name === 'asValue' && value && value.type !== 'SpreadElement' ? value : undefined;
}

/** Nest `useFactory: () => readFileSync(…)`: what the factory returns, when that is one expression. */
function factoryValue(node: TSESTree.Node | undefined): TSESTree.Node | undefined {
  if (node?.type !== 'ArrowFunctionExpression' && node?.type !== 'FunctionExpression') return undefined;
  const returned = returnedExpressions(node);
  return returned?.length === 1 ? returned[0] : undefined;
}

/**
 * A token is a binding (a symbol, a class, a const string), a string literal, or a member of a
 * token table (`TYPES.AppSecret`, InversifyJS's usual `const TYPES = { … }`).
 */
function tokenKey(sourceCode: SourceCode, node: TSESTree.Node, depth = 0): string | undefined {
  const expr = unwrapExpression(node);
  if (expr.type === 'Literal' && typeof expr.value === 'string') return `str:${expr.value}`;
  if (expr.type === 'Identifier') {
    const variable = variableOf(sourceCode, expr);
    const declared = variable?.identifiers[0];
    return declared ? `var:${declared.range[0]}` : `name:${expr.name}`;
  }
  if (expr.type === 'MemberExpression' && depth < 3) {
    const name = memberName(expr);
    const base = tokenKey(sourceCode, expr.object, depth + 1);
    return name !== undefined && base !== undefined ? `${base}.${name}` : undefined;
  }
  return undefined;
}

/** The factory of `registerAs(name, factory)` (@nestjs/config's namespaced configuration). */
function registeredConfigFactory(init: TSESTree.Node): TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | undefined {
  const call = unwrapExpression(init);
  if (call.type !== 'CallExpression' || call.callee.type !== 'Identifier' || call.callee.name !== 'registerAs') return undefined;
  const factory = call.arguments[1];
  return factory?.type === 'ArrowFunctionExpression' || factory?.type === 'FunctionExpression' ? factory : undefined;
}

function registrations(sourceCode: SourceCode): Registration[] {
  const program = sourceCode.ast;
  let found = cache.get(program);
  if (found) return found;
  found = [];
  if (!REGISTRATION_WORDS.test(sourceCode.text)) {
    cache.set(program, found);
    return found;
  }
  const add = (tokenNode: TSESTree.Node | undefined, value: TSESTree.Node | undefined): void => {
    const token = tokenNode && tokenNode.type !== 'SpreadElement' ? tokenKey(sourceCode, tokenNode) : undefined;
    if (token !== undefined && value && value.type !== 'SpreadElement') found!.push({ token, value, name: tokenName(tokenNode!), tokenNode });
  };
  // awilix: `container.register({ appSecret: asValue(process.env.APP_SECRET), … })`
  const addCradleValues = (object: TSESTree.ObjectExpression): void => {
    for (const prop of object.properties) {
      const value = prop.type === 'Property' && !prop.computed ? awilixValue(prop.value) : undefined;
      const name = value && propertyName((prop as TSESTree.Property).key);
      if (value) found!.push({ token: `cradle:${name}`, value, name });
    }
  };
  try {
    for (const node of programNodes(program)) {
      if (node.type === 'ObjectExpression') {
        // Nest: `{ provide: TOKEN, useValue: value }`, `{ provide: TOKEN, useFactory: () => value }`
        add(findProperty(node, 'provide'), findProperty(node, 'useValue') ?? factoryValue(findProperty(node, 'useFactory')));
        continue;
      }
      // Nest: `const cryptoConfig = registerAs('crypto', () => ({ … }))` injected as `@Inject(cryptoConfig.KEY)`.
      if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.init) {
        const factory = registeredConfigFactory(node.init);
        const returned = factory && returnedExpressions(factory);
        // The token only for a registered factory: most declarators are not one.
        if (returned?.length === 1) {
          const token = tokenKey(sourceCode, node.id);
          if (token !== undefined) found.push({ token: `${token}.KEY`, value: returned[0] });
        }
        continue;
      }
      if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression') continue;
      const method = memberName(node.callee);
      const [first, second] = node.arguments;
      const registered = method === 'register' ? awilixValue(second) : undefined;
      if (method === 'register' && first?.type === 'ObjectExpression') addCradleValues(first);
      else if (registered && first?.type === 'Literal' && typeof first.value === 'string') found.push({ token: `cradle:${first.value}`, value: registered, name: first.value });
      else if (method === 'register' && second?.type === 'ObjectExpression') add(first, findProperty(second, 'useValue'));
      else if (method === 'registerInstance') add(first, second);
      else if (method === 'decorate' && first?.type === 'Literal' && typeof first.value === 'string') {
        // Fastify: `app.decorate('appKey', appKey)` makes `app.appKey` that value.
        const instance = tokenKey(sourceCode, node.callee.object);
        if (instance !== undefined && second && second.type !== 'SpreadElement') found.push({ token: decorationToken(instance, first.value), value: second });
      }
      else if (method === 'set' && isTypediContainer(sourceCode, node.callee.object)) add(first, second);
      else if (method === 'toConstantValue') {
        // `container.bind(TOKEN).toConstantValue(value)`
        const bind = node.callee.object;
        if (bind.type === 'CallExpression' && bind.callee.type === 'MemberExpression' && memberName(bind.callee) === 'bind') add(bind.arguments[0], first);
      }
    }
  } catch {
    found = []; // analysis never crashes a rule
  }
  cache.set(program, found);
  return found;
}

/**
 * typedi's global `Container` (or a scoped `Container.of(id)`): its `set(TOKEN, value)` registers a value.
 * Matched by import so that every other `.set(key, value)` (maps, caches, headers) stays out.
 */
function isTypediContainer(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  const target = node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && memberName(node.callee) === 'of' ? node.callee.object : node;
  const path = resolveImportPath(sourceCode, target);
  return path?.module === 'typedi' && path.path.length === 1 && path.path[0] === 'Container';
}
