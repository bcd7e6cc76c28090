import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { LIBRARIES } from '../model';
import type { ApiModel, ArgAddress, ArgRole, AssignedAddress, LibraryModel, ObjectModel } from '../model/types';
import { classConstructor, descendants, programNodes } from './ast';
import { perFileCache } from './file-cache';
import { callSiteArguments, callsOf } from './call-sites';
import { enclosingFunctions, isFunction, type FunctionNode } from './expression-names';
import { externalConstructor } from './external-declarations';
import { GLOBAL_OBJECT_NAMES, interopRequiredModule, requiredModule, resolveImportPath, umdFactoryParameterModule } from './imports';
import { localFunctionOf, returnedExpressions } from './local-functions';
import { objectLiteralOf, propertyOf } from './object-literals';
import { climbTypeWrappers, arrayLiteralOf, initializedExpression, jsonParseCall, memberName, unwrapExpression, variableOf, type SourceCode } from './scope';
import { buildTraceMaps, pathKey, type TraceInfo, type TraceMap } from './trace-map';
import { LintScopedWeakMap } from './lint-scoped';

const { ReferenceTracker } = ASTUtils;

export interface ApiArg {
  /** The argument's position, or for a value assigned to a property of the call's result (`app.keys = …`), `=keys`. */
  address: ArgAddress | AssignedAddress;
  role: ArgRole;
  node: TSESTree.Node;
}

/** One call (or `new`) of a modelled API, found by what it resolves to. */
export interface ApiCall {
  library: LibraryModel;
  /** For methods of returned objects: a synthetic model whose path ends with the method name. */
  api: ApiModel;
  node: TSESTree.CallExpression | TSESTree.NewExpression;
  /** For a method call: the modelled call whose result it was called on. */
  receiver?: ApiCall;
  args: readonly ApiArg[];
}

const TRACE_MAPS = buildTraceMaps(LIBRARIES);

/** The modelled API at `path` of `module` (`node:crypto` + `['createHmac']`), for code seen outside ESTree (other files). */
export function modelledApiByPath(module: string, path: readonly string[]): TraceInfo | undefined {
  return TRACE_MAPS.byPath.get(pathKey('module', module, path));
}

/** The runtime tracker (eslint-utils ≥ 4.5) has `iteratePropertyReferences`; its published types lag. */
type PropertyTracker = InstanceType<typeof ReferenceTracker> & {
  iteratePropertyReferences(node: never, traceMap: never): IterableIterator<{ node: unknown; info: unknown }>;
};
const cache = new LintScopedWeakMap<TSESTree.Program, readonly ApiCall[]>();

/** Every modelled call in the file; computed once per file and shared by all rules. */
export function getApiCalls(sourceCode: SourceCode): readonly ApiCall[] {
  const program = sourceCode.ast;
  let calls = cache.get(program);
  if (!calls) {
    calls = collect(sourceCode);
    cache.set(program, calls);
  }
  return calls;
}

const byNodeCache = new LintScopedWeakMap<TSESTree.Program, Map<TSESTree.Node, ApiCall>>();

/** The modelled call at `node` (a CallExpression/NewExpression), if any. */
export function apiCallAt(sourceCode: SourceCode, node: TSESTree.Node): ApiCall | undefined {
  let index = byNodeCache.get(sourceCode.ast);
  if (!index) {
    index = new Map(getApiCalls(sourceCode).map((call) => [call.node as TSESTree.Node, call]));
    byNodeCache.set(sourceCode.ast, index);
  }
  return index.get(node);
}

/** The first call of a method chain (`createHash(…)` for `createHash(…).update(…).digest()`). */
export function chainRoot(call: ApiCall): ApiCall {
  let current = call;
  while (current.receiver) current = current.receiver;
  return current;
}

const chainCache = new LintScopedWeakMap<TSESTree.Program, Map<ApiCall, readonly ApiCall[]>>();

/** Every modelled call of the chain `call` belongs to (its root and every method called on the results), in source order. */
export function callChain(sourceCode: SourceCode, call: ApiCall): readonly ApiCall[] {
  let chains = chainCache.get(sourceCode.ast);
  if (!chains) {
    const built = new Map<ApiCall, ApiCall[]>();
    for (const c of getApiCalls(sourceCode)) {
      const root = chainRoot(c);
      const chain = built.get(root);
      if (chain) chain.push(c);
      else built.set(root, [c]);
    }
    chains = built;
    chainCache.set(sourceCode.ast, chains);
  }
  return chains.get(chainRoot(call)) ?? [call];
}

/**
 * Calls by the modelled call they were made on (`cipher.update(…)` under `createCipheriv(…)`), roots (no receiver)
 * under `undefined`, each list in source order. Built once per file: rules ask "which methods were called on this
 * object?" once per call, and scanning every call each time is quadratic in a crypto-heavy file.
 */
const byReceiverCache = new LintScopedWeakMap<TSESTree.Program, Map<ApiCall | undefined, readonly ApiCall[]>>();

/** The modelled calls whose receiver is `receiver` (for `undefined`: the calls made on no modelled object), in source order. */
export function callsOn(sourceCode: SourceCode, receiver: ApiCall | undefined): readonly ApiCall[] {
  let index = byReceiverCache.get(sourceCode.ast);
  if (!index) {
    const built = new Map<ApiCall | undefined, ApiCall[]>();
    for (const c of getApiCalls(sourceCode)) {
      const list = built.get(c.receiver);
      if (list) list.push(c);
      else built.set(c.receiver, [c]);
    }
    index = built;
    byReceiverCache.set(sourceCode.ast, index);
  }
  return index.get(receiver) ?? [];
}

const roleArgCache = new LintScopedWeakMap<TSESTree.Program, Map<TSESTree.Node, ApiCall[]>>();

/** The modelled calls that take `node` itself as an argument of some role. */
export function callsTakingArgument(sourceCode: SourceCode, node: TSESTree.Node): readonly ApiCall[] {
  let index = roleArgCache.get(sourceCode.ast);
  if (!index) {
    index = new Map();
    for (const c of getApiCalls(sourceCode)) {
      for (const arg of c.args) {
        const takers = index.get(arg.node);
        if (!takers) index.set(arg.node, [c]);
        else if (!takers.includes(c)) takers.push(c);
      }
    }
    roleArgCache.set(sourceCode.ast, index);
  }
  return index.get(node) ?? [];
}

/** Nodes of every argument the call gives `role` (an options object may give several). */
export function argsWithRole(call: ApiCall, role: ArgRole): TSESTree.Node[] {
  return call.args.filter((arg) => arg.role === role).map((arg) => arg.node);
}

export function hasRole(call: ApiCall, role: ArgRole): boolean {
  return call.args.some((arg) => arg.role === role);
}

function collect(sourceCode: SourceCode): ApiCall[] {
  const found = new Map<TSESTree.Node, ApiCall>();
  const add = (info: TraceInfo, node: TSESTree.Node) => {
    if ((node.type === 'CallExpression' || node.type === 'NewExpression') && !found.has(node)) {
      const call = makeCall(sourceCode, info.library, info.api, node);
      found.set(node, call);
      followResult(sourceCode, call, found);
    }
  };

  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return [];
  const tracker = new ReferenceTracker(globalScope as never, { mode: 'legacy' }) as PropertyTracker;
  const moduleMap = TRACE_MAPS.importedModules as never;
  for (const { call, map } of requireRoots(sourceCode)) {
    for (const ref of tracker.iteratePropertyReferences(call as never, map as never)) add(ref.info as TraceInfo, ref.node as TSESTree.Node);
  }
  for (const { value, map } of interopRequireRoots(sourceCode)) {
    for (const ref of tracker.iteratePropertyReferences(value as never, map as never)) add(ref.info as TraceInfo, ref.node as TSESTree.Node);
  }
  for (const { value, map } of dynamicImportRoots(sourceCode)) {
    for (const ref of tracker.iteratePropertyReferences(value as never, map as never)) add(ref.info as TraceInfo, ref.node as TSESTree.Node);
  }
  for (const ref of tracker.iterateEsmReferences(moduleMap)) add(ref.info as TraceInfo, ref.node as TSESTree.Node);
  for (const { id, map } of globalRoots(sourceCode)) {
    for (const ref of tracker.iteratePropertyReferences(id as never, map as never)) add(ref.info as TraceInfo, ref.node as TSESTree.Node);
  }
  for (const { id, map } of importEqualsRoots(sourceCode)) {
    for (const ref of tracker.iteratePropertyReferences(id as never, map as never)) add(ref.info as TraceInfo, ref.node as TSESTree.Node);
  }
  for (const { id, map } of umdFactoryRoots(sourceCode)) {
    for (const ref of tracker.iteratePropertyReferences(id as never, map as never)) add(ref.info as TraceInfo, ref.node as TSESTree.Node);
  }
  for (const { value, map } of moduleGetterRoots(sourceCode)) {
    for (const ref of tracker.iteratePropertyReferences(value as never, map as never)) add(ref.info as TraceInfo, ref.node as TSESTree.Node);
  }
  for (const [info, node] of promisifiedCalls(sourceCode)) add(info, node);
  for (const [info, node] of reflectiveCalls(sourceCode)) add(info, node);
  for (const [info, node] of computedMemberCalls(sourceCode)) add(info, node);
  for (const [info, node] of subclassConstructions(sourceCode)) add(info, node);
  for (const [info, node] of pluginRegistrations(sourceCode)) add(info, node);
  followTypedBindings(sourceCode, found);
  followImportedClients(sourceCode, found);
  return [...found.values()].sort((a, b) => a.node.range[0] - b.node.range[0]);
}

/**
 * Identifiers that refer to a modelled global (`crypto`, `Math`, `globalThis`…)
 * and are not shadowed. ESLint only declares builtins it knows, so unresolved
 * (`through`) references count as globals too.
 */
function* globalRoots(sourceCode: SourceCode): Generator<{ id: TSESTree.Identifier; map: TraceMap }> {
  const globalScope = sourceCode.scopeManager!.globalScope!;
  const globals = TRACE_MAPS.globals;
  const refs: TSESTree.Identifier[] = [];
  for (const ref of globalScope.through) refs.push(ref.identifier as TSESTree.Identifier);
  for (const variable of globalScope.variables) {
    if (variable.defs.length > 0) continue; // declared by the file: not the global
    for (const ref of variable.references) refs.push(ref.identifier as TSESTree.Identifier);
  }
  for (const id of refs) {
    if (id.type !== 'Identifier') continue;
    if (Object.prototype.hasOwnProperty.call(globals, id.name)) yield { id, map: globals[id.name] };
    else if (GLOBAL_OBJECT_NAMES.has(id.name)) yield { id, map: globals };
  }
}

/**
 * `require('x')` calls for modelled modules. Found through unresolved
 * references too: ESLint declares `require` only when Node globals are
 * configured, and we must not depend on the user's globals.
 */
function* requireRoots(sourceCode: SourceCode): Generator<{ call: TSESTree.CallExpression; map: TraceMap }> {
  const globalScope = sourceCode.scopeManager!.globalScope!;
  const refs = [...globalScope.through.map((ref) => ref.identifier)];
  const declared = globalScope.set.get('require');
  if (declared && declared.defs.length === 0) refs.push(...declared.references.map((ref) => ref.identifier));
  const made = createdRequireReferences(sourceCode);
  for (const id of [...refs, ...made]) {
    if (id.type !== 'Identifier' || (id.name !== 'require' && !made.includes(id))) continue;
    const call = id.parent;
    if (call?.type !== 'CallExpression' || call.callee !== id) continue;
    const map = moduleTraceMap(requiredModule(call));
    if (map) yield { call, map };
  }
}

/**
 * An ES module's own `require`: `const require = createRequire(import.meta.url)` (what esbuild and tsup emit into
 * ESM bundles that load CommonJS dependencies), under any name. The references that call it.
 */
function createdRequireReferences(sourceCode: SourceCode): TSESTree.Identifier[] {
  if (!sourceCode.text.includes('createRequire')) return []; // most files: no walk
  const refs: TSESTree.Identifier[] = [];
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== 'VariableDeclaration') continue;
    for (const declarator of statement.declarations) {
      const init = declarator.init && unwrapExpression(declarator.init);
      if (declarator.id.type !== 'Identifier' || init?.type !== 'CallExpression') continue;
      const path = resolveImportPath(sourceCode, init.callee);
      if ((path?.module !== 'module' && path?.module !== 'node:module') || path.path.join('.') !== 'createRequire') continue;
      for (const ref of variableOf(sourceCode, declarator.id)?.references ?? []) if (ref.isRead()) refs.push(ref.identifier as TSESTree.Identifier);
    }
  }
  return refs;
}

/**
 * Compiled CommonJS reaches a module through an interop helper (`const crypto_1 = __importStar(require("crypto"))`,
 * `var import_jsonwebtoken = __toESM(require("jsonwebtoken"))`, Babel's `_interopRequireDefault(require("crypto"))`):
 * the helper's result is the module, and its `.default` (what `import x from` compiles to) is the module too.
 */
function* interopRequireRoots(sourceCode: SourceCode): Generator<{ value: TSESTree.Node; map: TraceMap }> {
  for (const { call, map } of requireRoots(sourceCode)) {
    const wrapper = call.parent;
    if (wrapper?.type === 'CallExpression' && wrapper.arguments[0] === call && interopRequiredModule(wrapper) !== undefined) {
      yield { value: wrapper, map: { default: map, ...map } as TraceMap };
    }
  }
}

/**
 * `await import('node:crypto')` (a module loaded lazily, or from CommonJS): the awaited value is the module's
 * namespace, whose `default` is the CommonJS module. A local getter that caches and returns it
 * (`mod ??= await import('node:crypto'); return mod`) hands out the same namespace to each of its callers.
 */
function* dynamicImportRoots(sourceCode: SourceCode): Generator<{ value: TSESTree.Node; map: TraceMap }> {
  if (!sourceCode.text.includes('import(')) return; // most files: no walk
  for (const node of programNodes(sourceCode.ast)) {
    if (node.type !== 'ImportExpression' || node.source.type !== 'Literal') continue;
    const moduleMap = moduleTraceMap(String(node.source.value));
    if (!moduleMap) continue;
    const map = { default: moduleMap, ...moduleMap } as TraceMap;
    const value = node.parent?.type === 'AwaitExpression' ? node.parent : node;
    yield { value, map };
    for (const fn of gettersHandingOut(sourceCode, value)) {
      for (const call of callsOf(sourceCode, fn)) yield { value: call.parent?.type === 'AwaitExpression' ? call.parent : call, map };
    }
  }
}

/**
 * A local function that hands out an imported module once it is ready (libsodium's
 * `async function sodium() { await _sodium.ready; return _sodium; }`): each call of it, awaited
 * or not, is the module. Found from the module's bindings (few references), not by reading
 * every function of the file.
 */
function* moduleGetterRoots(sourceCode: SourceCode): Generator<{ value: TSESTree.Node; map: TraceMap }> {
  for (const { binding, map } of moduleBindings(sourceCode)) {
    for (const ref of variableOf(sourceCode, binding)?.references ?? []) {
      for (const fn of gettersHandingOut(sourceCode, readyPromiseOf(ref.identifier as TSESTree.Node))) {
        for (const call of callsOf(sourceCode, fn)) yield { value: call.parent?.type === 'AwaitExpression' ? call.parent : call, map };
      }
    }
  }
}

/** `_sodium.ready.then(() => _sodium)` for the `_sodium` in it: a promise of the module, which its getter's callers await. */
function readyPromiseOf(id: TSESTree.Node): TSESTree.Node {
  const arrow = id.parent;
  const then = arrow?.parent;
  const isThen = then?.type === 'CallExpression' && then.arguments[0] === arrow && then.callee.type === 'MemberExpression' && memberName(then.callee) === 'then';
  return arrow?.type === 'ArrowFunctionExpression' && arrow.body === id && isThen ? then : id;
}

/**
 * The local functions whose one return is `value`, or the variable `value` is stored in
 * (`if (!ready) ready = …; return ready`, a getter that caches the module's promise).
 */
function gettersHandingOut(sourceCode: SourceCode, value: TSESTree.Node): FunctionNode[] {
  const parent = value.parent;
  const target =
    parent?.type === 'AssignmentExpression' && parent.right === value && parent.left.type === 'Identifier'
      ? parent.left
      : parent?.type === 'VariableDeclarator' && parent.init === value && parent.id.type === 'Identifier'
        ? parent.id
        : undefined;
  // Stored: the getter returns the variable, or the assignment itself (`() => (ready ??= …)`).
  const returnedNodes = target ? [parent!, ...(variableOf(sourceCode, target)?.references ?? []).map((r) => r.identifier as TSESTree.Node)] : [value];
  const getters: FunctionNode[] = [];
  for (const node of returnedNodes) {
    const returned = node.parent?.type === 'ReturnStatement' || (node.parent?.type === 'ArrowFunctionExpression' && node.parent.body === node);
    const fn = returned ? enclosingFunctions(node)[0] : undefined;
    const returns = fn && returnedExpressions(fn, true);
    if (fn && returns?.length === 1 && returns[0] === node) getters.push(fn);
  }
  return getters;
}

/** Top-level bindings of a whole modelled module: default and namespace imports, `const x = require('m')`. */
function* moduleBindings(sourceCode: SourceCode): Generator<{ binding: TSESTree.Identifier; map: TraceMap }> {
  for (const statement of sourceCode.ast.body) {
    if (statement.type === 'ImportDeclaration') {
      const map = moduleTraceMap(String(statement.source.value));
      if (!map) continue;
      for (const specifier of statement.specifiers) {
        if (specifier.type === 'ImportDefaultSpecifier' || specifier.type === 'ImportNamespaceSpecifier') yield { binding: specifier.local, map };
      }
    } else if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        const init = declarator.init?.type === 'CallExpression' ? declarator.init : undefined;
        const map = declarator.id.type === 'Identifier' && init ? moduleTraceMap(requiredModule(init) ?? interopRequiredModule(init)) : undefined;
        if (map) yield { binding: declarator.id as TSESTree.Identifier, map };
      }
    }
  }
}

/** The trace map of a modelled module by its name (`'crypto'`, `'libsodium-wrappers'`). */
function moduleTraceMap(moduleName: string | undefined): TraceMap | undefined {
  return moduleName !== undefined && Object.prototype.hasOwnProperty.call(TRACE_MAPS.modules, moduleName) ? TRACE_MAPS.modules[moduleName] : undefined;
}

/**
 * A UMD factory's parameter that CommonJS fills with `require('x')` (`factory(require('crypto'))`):
 * each of its references is the module. Found from the `require` calls, so files without one cost nothing.
 */
function* umdFactoryRoots(sourceCode: SourceCode): Generator<{ id: TSESTree.Identifier; map: TraceMap }> {
  for (const { call, map } of requireRoots(sourceCode)) {
    const factoryCall = call.parent;
    if (factoryCall?.type !== 'CallExpression' || factoryCall.callee.type !== 'Identifier') continue;
    for (const param of umdFactoryParameters(sourceCode, factoryCall, factoryCall.arguments.indexOf(call))) {
      for (const r of variableOf(sourceCode, param)?.references ?? []) yield { id: r.identifier as TSESTree.Identifier, map };
    }
  }
}

/** The parameter at `index` of the factory function a UMD wrapper passes in as `factoryCall`'s callee. */
function umdFactoryParameters(sourceCode: SourceCode, factoryCall: TSESTree.CallExpression, index: number): TSESTree.Identifier[] {
  const factoryVariable = variableOf(sourceCode, factoryCall.callee as TSESTree.Identifier);
  const def = factoryVariable?.defs.length === 1 ? factoryVariable.defs[0] : undefined;
  if (def?.type !== 'Parameter') return [];
  const wrapper = def.node;
  const wrapperCall = wrapper.parent;
  if (wrapperCall?.type !== 'CallExpression' || unwrapExpression(wrapperCall.callee) !== wrapper) return [];
  const factory = wrapperCall.arguments[(wrapper.params as TSESTree.Node[]).indexOf(def.name as TSESTree.Node)];
  const param = factory && (factory.type === 'FunctionExpression' || factory.type === 'ArrowFunctionExpression') ? factory.params[index] : undefined;
  return param?.type === 'Identifier' && umdFactoryParameterModule(sourceCode, param) !== undefined ? [param] : [];
}

/** TypeScript's `import crypto = require('crypto')`. */
function* importEqualsRoots(sourceCode: SourceCode): Generator<{ id: TSESTree.Identifier; map: TraceMap }> {
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== 'TSImportEqualsDeclaration') continue;
    const ref = statement.moduleReference;
    if (ref.type !== 'TSExternalModuleReference' || ref.expression.type !== 'Literal') continue;
    const map = TRACE_MAPS.modules[String(ref.expression.value)];
    if (!map) continue;
    const variable = variableOf(sourceCode, statement.id);
    for (const r of variable?.references ?? []) yield { id: r.identifier as TSESTree.Identifier, map };
  }
}

/**
 * `const pbkdf2Async = util.promisify(crypto.pbkdf2)` → calls of `pbkdf2Async`
 * are calls of `crypto.pbkdf2` (same argument positions, callback dropped).
 */
function* promisifiedCalls(sourceCode: SourceCode): Generator<[TraceInfo, TSESTree.CallExpression]> {
  if (!sourceCode.text.includes('promisify')) return; // most files: no second reference walk
  const globalScope = sourceCode.scopeManager!.globalScope!;
  const tracker = new ReferenceTracker(globalScope as never, { mode: 'legacy' });
  const traceMap = {
    util: { promisify: { [ReferenceTracker.CALL]: true } },
    'node:util': { promisify: { [ReferenceTracker.CALL]: true } },
  };
  const promisifyCalls = [...tracker.iterateCjsReferences(traceMap), ...tracker.iterateEsmReferences(traceMap)];
  for (const { node } of promisifyCalls) {
    const call = node as TSESTree.CallExpression;
    const target = call.arguments[0];
    if (!target) continue;
    const info = resolveApiReference(sourceCode, target);
    if (!info) continue;
    // `promisify(scrypt) as (…) => Promise<Buffer>`: a type assertion keeps the function.
    const parent = climbTypeWrappers(call).parent;
    if (parent?.type !== 'VariableDeclarator' || parent.id.type !== 'Identifier') continue;
    const variable = variableOf(sourceCode, parent.id);
    for (const ref of variable?.references ?? []) {
      const id = ref.identifier as TSESTree.Node;
      if (id.parent?.type === 'CallExpression' && id.parent.callee === id) yield [info, id.parent];
    }
  }
}

/**
 * The arguments a modelled function really receives when it is called through `Function.prototype.call`/`apply`
 * or `Reflect.apply` (instrumentation wrappers, compiled code): `f.call(self, a, b)` → `a, b`;
 * `f.apply(self, [a, b])` and `Reflect.apply(f, self, [a, b])` → the array's elements. Read by `argumentAt`.
 */
const reflectiveArguments = perFileCache<TSESTree.Node, readonly TSESTree.CallExpressionArgument[]>();

/** Calls of modelled functions through `.call`, `.apply` or `Reflect.apply`, with their real arguments recorded. */
function* reflectiveCalls(sourceCode: SourceCode): Generator<[TraceInfo, TSESTree.CallExpression]> {
  const text = sourceCode.text;
  if (!text.includes('.call(') && !text.includes('.apply(')) return; // most files: no walk
  for (const node of programNodes(sourceCode.ast)) {
    if (node.type !== 'CallExpression') continue;
    const reflective = reflectiveTarget(sourceCode, node);
    const info = reflective && resolveApiReference(sourceCode, reflective.target);
    if (!info || info.api.kind !== 'call' || !reflective.args) continue;
    reflectiveArguments(sourceCode).set(node, reflective.args);
    yield [info, node];
  }
}

/** The function a `.call`/`.apply`/`Reflect.apply` call invokes, and its argument list when it can be read. */
function reflectiveTarget(
  sourceCode: SourceCode,
  node: TSESTree.CallExpression,
): { target: TSESTree.Node; args: readonly TSESTree.CallExpressionArgument[] | undefined } | undefined {
  const callee = unwrapExpression(node.callee);
  if (callee.type !== 'MemberExpression') return undefined;
  const method = memberName(callee);
  const spreadArray = (arg: TSESTree.Node | undefined) => {
    const array = arg && arrayLiteralOf(sourceCode, arg);
    return array && !array.elements.some((e) => e === null) ? (array.elements as TSESTree.CallExpressionArgument[]) : undefined;
  };
  const isReflect = callee.object.type === 'Identifier' && callee.object.name === 'Reflect' && variableOf(sourceCode, callee.object)?.defs.length !== 1;
  if (isReflect && method === 'apply' && node.arguments[0]) return { target: node.arguments[0], args: spreadArray(node.arguments[2]) };
  if (method === 'call') return { target: callee.object, args: node.arguments.slice(1) };
  if (method === 'apply') return { target: callee.object, args: spreadArray(node.arguments[1]) };
  return undefined;
}

/**
 * `crypto[METHOD](…)` with `const METHOD = 'createCipheriv'` on a binding of a modelled module: the tracker
 * only reads literal member names, so constant-named members are matched here from the binding's references.
 */
function* computedMemberCalls(sourceCode: SourceCode): Generator<[TraceInfo, TSESTree.CallExpression | TSESTree.NewExpression]> {
  for (const { binding, map } of moduleBindings(sourceCode)) {
    for (const ref of variableOf(sourceCode, binding)?.references ?? []) {
      const member = ref.identifier.parent;
      if (member?.type !== 'MemberExpression' || member.object !== ref.identifier || !member.computed || member.property.type !== 'Identifier') continue;
      const name = constantString(sourceCode, member.property);
      const entry: TraceMap | undefined = name !== undefined && Object.prototype.hasOwnProperty.call(map, name) ? (map[name] as TraceMap) : undefined;
      const call = member.parent;
      if (!entry || (call?.type !== 'CallExpression' && call?.type !== 'NewExpression') || call.callee !== member) continue;
      const info = (call.type === 'CallExpression' ? entry[ReferenceTracker.CALL] : entry[ReferenceTracker.CONSTRUCT]) as TraceInfo | undefined;
      if (info) yield [info, call];
    }
  }
}

/** The string a `const` identifier is initialised with (`const METHOD = 'createCipheriv'`). */
function constantString(sourceCode: SourceCode, id: TSESTree.Identifier): string | undefined {
  const variable = variableOf(sourceCode, id);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Variable' || def.node.parent?.kind !== 'const' || def.node.id.type !== 'Identifier') return undefined;
  const init = def.node.init && unwrapExpression(def.node.init);
  return init?.type === 'Literal' && typeof init.value === 'string' ? init.value : undefined;
}

/**
 * `class JwtStrategy extends Strategy { constructor() { super({ secretOrKey }) } }`
 * constructs the modelled `Strategy`, and so does a mixin wrapping it
 * (NestJS: `extends PassportStrategy(Strategy)`): the `super(…)` call is that
 * construction, with the same argument positions.
 */
function* subclassConstructions(sourceCode: SourceCode): Generator<[TraceInfo, TSESTree.CallExpression]> {
  if (!sourceCode.text.includes('super(')) return; // most files: no class walk
  for (const cls of programNodes(sourceCode.ast)) {
    if (cls.type !== 'ClassDeclaration' && cls.type !== 'ClassExpression') continue;
    const info = constructedBase(sourceCode, cls.superClass);
    if (!info) continue;
    for (const statement of classConstructor(cls)?.body?.body ?? []) {
      const expression = statement.type === 'ExpressionStatement' ? statement.expression : undefined;
      if (expression?.type === 'CallExpression' && expression.callee.type === 'Super') yield [info, expression];
    }
  }
}

/**
 * `app.register(fastifyCookie, { secret })`: registering a modelled plugin is its call,
 * with the options one position later (the model's `0.secret` is `register`'s `1.secret`).
 */
function* pluginRegistrations(sourceCode: SourceCode): Generator<[TraceInfo, TSESTree.CallExpression]> {
  if (!sourceCode.text.includes('.register(')) return; // most files: no walk
  for (const node of programNodes(sourceCode.ast)) {
    if (node.type !== 'CallExpression' || node.arguments.length < 2 || node.callee.type !== 'MemberExpression' || memberName(node.callee) !== 'register') continue;
    const info = resolveApiReference(sourceCode, node.arguments[0]);
    if (info?.api.facts?.plugin === true && info.api.kind === 'call') yield [{ library: info.library, api: registeredApi(info.api) }, node];
  }
}

/** The model of a plugin's registration: its argument addresses shifted by one (cached per model row). */
const registeredApis = new WeakMap<ApiModel, ApiModel>();
function registeredApi(api: ApiModel): ApiModel {
  let shifted = registeredApis.get(api);
  if (!shifted) {
    const args: Partial<Record<ArgAddress, ArgRole>> = {};
    for (const [address, role] of argEntries(api)) {
      const [index, ...rest] = address.split('.');
      args[[String(Number(index) + 1), ...rest].join('.') as ArgAddress] = role;
    }
    registeredApis.set(api, (shifted = { ...api, args }));
  }
  return shifted;
}

/** The modelled constructor a class extends, directly or through a mixin call's arguments. */
function constructedBase(sourceCode: SourceCode, superClass: TSESTree.Expression | null | undefined): TraceInfo | undefined {
  if (!superClass) return undefined;
  const candidates = superClass.type === 'CallExpression' ? superClass.arguments : [superClass];
  for (const candidate of candidates) {
    const info = resolveApiReference(sourceCode, candidate);
    if (info?.api.kind === 'construct') return info;
  }
  return undefined;
}

/** What modelled API an expression like `crypto.pbkdf2` or a destructured `pbkdf2` names. */
export function resolveApiReference(sourceCode: SourceCode, node: TSESTree.Node): TraceInfo | undefined {
  const resolved = resolveImportPath(sourceCode, unwrapExpression(node));
  if (!resolved) return undefined;
  const [first, ...rest] = resolved.path;
  return resolved.module !== undefined
    ? TRACE_MAPS.byPath.get(pathKey('module', resolved.module, resolved.path))
    : first === undefined
      ? undefined
      : TRACE_MAPS.byPath.get(pathKey('global', first, rest));
}

/**
 * The hash a hasher argument stands for. Some libraries take the hash function itself, or a hasher
 * made by it, where others take a name: @noble/hashes' `hmac(sha1, key, msg)`, hash-wasm's
 * `createHMAC(createSHA1(), key)` and `pbkdf2({ hashFunction: createSHA1() })`.
 */
export function hasherOf(sourceCode: SourceCode, node: TSESTree.Node): { hash: string; call?: ApiCall } | undefined {
  let expr = unwrapExpression(node);
  if (expr.type === 'AwaitExpression') expr = unwrapExpression(expr.argument);
  const call = expr.type === 'CallExpression' ? apiCallAt(sourceCode, expr) : undefined;
  const api = call ? call.api : resolveApiReference(sourceCode, expr)?.api;
  return api?.operation === 'hash' && typeof api.facts?.hash === 'string' ? { hash: api.facts.hash, call } : undefined;
}

function makeCall(
  sourceCode: SourceCode,
  library: LibraryModel,
  api: ApiModel,
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  receiver?: ApiCall,
): ApiCall {
  const args: ApiArg[] = [];
  for (const [address, role] of argEntries(api)) {
    const argNode = argumentAt(sourceCode, node, address);
    if (argNode) args.push({ address, role, node: argNode });
    else if (CALLER_OPTION_ROLES.has(role)) for (const option of optionCandidatesAt(sourceCode, node, address)) args.push({ address, role, node: option });
  }
  return { library, api, node, receiver, args };
}

/** `Object.entries(api.args)`, once per model table entry (models are shared by every call of that API). */
const argEntriesCache = new WeakMap<object, readonly [ArgAddress, ArgRole][]>();
function argEntries(api: ApiModel): readonly [ArgAddress, ArgRole][] {
  let entries = argEntriesCache.get(api.args);
  if (!entries) {
    entries = Object.entries(api.args) as [ArgAddress, ArgRole][];
    argEntriesCache.set(api.args, entries);
  }
  return entries;
}

/** Resolves an address like `2` or `0.credentials.secretAccessKey` to a node. */
export function argumentAt(
  sourceCode: SourceCode,
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  address: string,
): TSESTree.Node | undefined {
  const [indexText, ...props] = address.split('.');
  const index = Number(indexText);
  const args = reflectiveArguments(sourceCode).get(node) ?? node.arguments;
  if (!(index < args.length)) return undefined;
  // A spread before or at the position makes positions unknowable.
  for (let i = 0; i <= index; i++) if (args[i].type === 'SpreadElement') return undefined;
  return memberAtPath(sourceCode, args[index], props);
}

/** Property `props` (a path) of the object `start` holds. */
function memberAtPath(sourceCode: SourceCode, start: TSESTree.Node, props: readonly string[]): TSESTree.Node | undefined {
  let current: TSESTree.Node | undefined = start;
  for (const prop of props) {
    if (!current) return undefined;
    // `importJWK(JSON.parse(text))`: the member is somewhere in that JSON text, so the text stands for it.
    if (jsonParseCall(sourceCode, current)) return current;
    const object = objectLiteralOf(sourceCode, current);
    const completion = COMPLETION_ADDRESS.exec(prop);
    // `secretOrKeyProvider(2:1)`: what the function in that property hands to its completion callback (its 3rd
    // parameter) as the 2nd argument (`(req, token, done) => done(null, secret)`).
    if (completion) current = completionArgument(sourceCode, object && propertyOf(sourceCode, object, completion[1]), Number(completion[2]), Number(completion[3]));
    // `useFactory()`: the object a factory property returns (`registerAsync({ useFactory: (config) => ({ secret }) })`).
    else current = prop.endsWith('()') ? factoryResult(object && propertyOf(sourceCode, object, prop.slice(0, -2))) : object && propertyOf(sourceCode, object, prop);
  }
  return current;
}

const COMPLETION_ADDRESS = /^(\w+)\((\d+):(\d+)\)$/;

/** The argument at `argIndex` of the first call the function `node` makes to its parameter at `paramIndex`. */
function completionArgument(sourceCode: SourceCode, node: TSESTree.Node | undefined, paramIndex: number, argIndex: number): TSESTree.Node | undefined {
  const expr = node && unwrapExpression(node);
  const fn = expr && (isFunction(expr) ? expr : localFunctionOf(sourceCode, expr));
  const param = fn?.params[paramIndex];
  if (!fn || param?.type !== 'Identifier') return undefined;
  for (const n of descendants(fn.body)) {
    if (n.type !== 'CallExpression' || n.callee.type !== 'Identifier' || n.callee.name !== param.name) continue;
    if (variableOf(sourceCode, n.callee)?.defs[0]?.name !== param) continue;
    const arg = n.arguments[argIndex];
    if (arg && arg.type !== 'SpreadElement') return arg;
  }
  return undefined;
}

/**
 * Costs, sizes and algorithm names of an options object that is not one literal in reach: each object a local
 * profile function can return (`scryptParams(profile)` returning one object per profile, an SNMPv3 `userFor(site)`
 * returning one user per device generation: judged entry by entry like a table), and each object the call sites
 * of a local wrapper pass for its parameter (`scrypt(pw, salt, 64, options, cb)` inside `function
 * scryptAsync(pw, salt, options)`, called with `SCRYPT_PARAMS`). Keys and IVs through parameters are followed by
 * value resolution instead.
 */
const CALLER_OPTION_ROLES: ReadonlySet<ArgRole> = new Set(['iterations', 'memory', 'parallelism', 'key-length', 'modulus-length', 'curve', 'tag-length', 'algorithm', 'digest']);

function optionCandidatesAt(sourceCode: SourceCode, node: TSESTree.CallExpression | TSESTree.NewExpression, address: string): TSESTree.Node[] {
  const [indexText, ...props] = address.split('.');
  const arg = node.arguments[Number(indexText)];
  if (props.length === 0 || !arg || arg.type === 'SpreadElement') return [];
  return [...parameterSources(sourceCode, arg)]
    .flatMap((object) => profileObjects(sourceCode, object))
    .flatMap((object) => membersAtPathOfEachBranch(sourceCode, object, props));
}

/**
 * `memberAtPath`, where an object on the way may be chosen by a condition (`privateKeyEncoding` bound to
 * `legacy ? { cipher: 'des-ede3-cbc', … } : { cipher: 'aes-256-cbc', … }`): the member in each branch, every branch
 * judged like a table entry (decision 97: each branch configures some keys).
 */
function membersAtPathOfEachBranch(sourceCode: SourceCode, start: TSESTree.Node, props: readonly string[]): TSESTree.Node[] {
  let current = [start];
  for (const prop of props) {
    current = current
      .flatMap((node) => conditionalBranches(sourceCode, node))
      .map((node) => memberAtPath(sourceCode, node, [prop]))
      .filter((member): member is TSESTree.Node => member !== undefined);
  }
  return current;
}

/** The two results of a conditional (`a ? x : y`, also through a `const` initialised with one), nested ones too; else the node. */
function conditionalBranches(sourceCode: SourceCode, node: TSESTree.Node, depth = 0): TSESTree.Node[] {
  const expr = depth < 4 ? initializedExpression(sourceCode, node) : undefined;
  if (expr?.type !== 'ConditionalExpression') return [node];
  return [...conditionalBranches(sourceCode, expr.consequent, depth + 1), ...conditionalBranches(sourceCode, expr.alternate, depth + 1)];
}

/** The argument itself, or for a parameter of a local function, what its call sites pass. */
function parameterSources(sourceCode: SourceCode, arg: TSESTree.Node): TSESTree.Node[] {
  const param = unwrapExpression(arg);
  const def = param.type === 'Identifier' ? variableOf(sourceCode, param)?.defs[0] : undefined;
  return def?.type === 'Parameter' && def.name.type === 'Identifier' ? callSiteArguments(sourceCode, def.name) : [arg];
}

/**
 * Each expression a local function called here returns (`scryptParams(profile)`), each entry of a table of this file
 * picked at run time (`PROFILES[profile]`: every entry configures some keys, judged entry by entry), or the node itself.
 */
function profileObjects(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.Node[] {
  const expr = unwrapExpression(node);
  const fn = expr.type === 'CallExpression' ? localFunctionOf(sourceCode, expr.callee) : undefined;
  return (fn && returnedExpressions(fn)) ?? tableEntries(sourceCode, expr) ?? [node];
}

/** The values of the object literal a computed lookup reads (`PROFILES[profile]`), spreads left out. */
function tableEntries(sourceCode: SourceCode, expr: TSESTree.Node): TSESTree.Node[] | undefined {
  if (expr.type !== 'MemberExpression' || !expr.computed) return undefined;
  const table = objectLiteralOf(sourceCode, expr.object);
  if (!table) return undefined;
  const values = table.properties.flatMap((p) => (p.type === 'Property' && p.kind === 'init' ? [p.value as TSESTree.Node] : []));
  return values.length > 0 ? values : undefined;
}

/** What a function written in place returns: an arrow's expression body, or its one `return` (async ones too: the awaited value is that object). */
function factoryResult(node: TSESTree.Node | undefined): TSESTree.Node | undefined {
  const fn = node && unwrapExpression(node);
  const returns = fn && isFunction(fn) ? returnedExpressions(fn, true) : undefined;
  return returns?.length === 1 ? returns[0] : undefined;
}

/**
 * Finds method calls on what a modelled call returned: chained
 * (`createHash('md5').update(x)`), or through a variable
 * (`const c = createCipheriv(…); c.update(…)`), through `await` too.
 */
function followResult(sourceCode: SourceCode, call: ApiCall, found: Map<TSESTree.Node, ApiCall>): void {
  const objectName = call.api.returns;
  const object = objectName ? call.library.objects?.[objectName] : undefined;
  if (object) followObject(sourceCode, { library: call.library, path: call.api.path, call }, object, call.node, [], found, 0);
}

/**
 * Where the methods of a modelled object come from: the call that made it, or — for a binding
 * declared with the object's type and made elsewhere (`constructor(private readonly kms: KMS)`,
 * injected by a DI container) — no call, only the library and the constructor's path.
 */
interface ObjectOrigin {
  library: LibraryModel;
  path: readonly string[];
  call?: ApiCall;
}

/**
 * Method calls on `node`, which holds an object of model `object` reached from
 * `call` (directly, or through properties such as forge's `cert.publicKey`).
 */
function followObject(
  sourceCode: SourceCode,
  origin: ObjectOrigin,
  object: ObjectModel,
  node: TSESTree.Node,
  propertyPath: readonly string[],
  found: Map<TSESTree.Node, ApiCall>,
  depth: number,
): void {
  for (const use of resultUses(sourceCode, node)) {
    if (propertyPath.length === 0 && object.invoked && isCalleeOf(use)) {
      followInvocation(sourceCode, origin, object.invoked, use.parent as TSESTree.CallExpression, found);
      continue;
    }
    const fold = depth < 3 ? foldedByReduce(sourceCode, use, object, origin.library) : undefined;
    if (fold) {
      for (const read of [...fold.accumulatorReads, fold.result]) followObject(sourceCode, origin, object, read, propertyPath, found, depth + 1);
      continue;
    }
    const member = use.parent;
    if (member?.type !== 'MemberExpression' || member.object !== use) continue;
    const name = memberName(member);
    if (!name) continue;
    const assigned = propertyPath.length === 0 ? assignedRole(object, name) : undefined;
    if (origin.call && assigned && isAssignedTo(member)) {
      // `app.keys = […]`: one more argument of the call that made the object.
      (origin.call.args as ApiArg[]).push({ address: `=${name}`, role: assigned, node: (member.parent as TSESTree.AssignmentExpression).right });
      continue;
    }
    const propertyModel = object.properties && Object.prototype.hasOwnProperty.call(object.properties, name) ? origin.library.objects?.[object.properties[name]] : undefined;
    if (propertyModel && depth < 3) {
      followObject(sourceCode, origin, propertyModel, member, [...propertyPath, name], found, depth + 1);
      continue;
    }
    const methodModel = methodOf(object, name);
    if (!methodModel) {
      // `conn.on('ready', …).on('error', …).connect(opts)`: an emitter's listener methods return the emitter.
      if (propertyPath.length === 0 && EMITTER_CHAIN_METHODS.has(name) && isCalleeOf(member)) followObject(sourceCode, origin, object, member.parent as TSESTree.CallExpression, propertyPath, found, depth);
      continue;
    }
    for (const invocation of invocationsOf(sourceCode, member)) {
      if (found.has(invocation)) continue;
      const api = methodApi(methodModel, [...origin.path, ...propertyPath, name]);
      const methodCall = makeCall(sourceCode, origin.library, api, invocation, origin.call);
      found.set(invocation, methodCall);
      followResult(sourceCode, methodCall, found);
    }
  }
}

/**
 * An object folded over a list as `reduce`'s initial value, by a callback that hands the
 * same object on (`hosts.reduce((hash, host) => hash.update(host), createHash('md5')).digest('hex')`):
 * the callback's reads of its accumulator, and the `reduce` call's result, are the object.
 */
function foldedByReduce(
  sourceCode: SourceCode,
  node: TSESTree.Node,
  object: ObjectModel,
  library: LibraryModel,
): { accumulatorReads: TSESTree.Node[]; result: TSESTree.CallExpression } | undefined {
  const call = node.parent;
  if (call?.type !== 'CallExpression' || call.arguments[1] !== node || call.callee.type !== 'MemberExpression') return undefined;
  const method = memberName(call.callee);
  const callback = call.arguments[0];
  if ((method !== 'reduce' && method !== 'reduceRight') || !callback || !isFunction(callback)) return undefined;
  const accumulator = callback.params[0];
  if (accumulator?.type !== 'Identifier') return undefined;
  const handsOn = (returned: TSESTree.Node): boolean => {
    if (returned.type === 'Identifier') return returned.name === accumulator.name;
    if (returned.type !== 'CallExpression' || returned.callee.type !== 'MemberExpression') return false;
    const name = memberName(returned.callee);
    const chained = name ? methodOf(object, name)?.returns : undefined;
    return handsOn(returned.callee.object) && chained !== undefined && library.objects?.[chained] === object;
  };
  const returned = returnedExpressions(callback);
  if (!returned?.every(handsOn)) return undefined;
  const reads = (variableOf(sourceCode, accumulator)?.references ?? []).filter((ref) => ref.isRead()).map((ref) => ref.identifier as TSESTree.Node);
  return { accumulatorReads: reads, result: call };
}

/** Node's `EventEmitter` methods that return the emitter itself, so calls on a modelled client (an ssh2 `Client`) chain through them. */
const EMITTER_CHAIN_METHODS: ReadonlySet<string> = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'off', 'removeListener', 'removeAllListeners', 'setMaxListeners']);

function isCalleeOf(node: TSESTree.Node): boolean {
  return node.parent?.type === 'CallExpression' && node.parent.callee === node;
}

/** A call of the function a modelled call returned (`const id = customAlphabet(…); id()`), under the factory's path. */
function followInvocation(
  sourceCode: SourceCode,
  origin: ObjectOrigin,
  invoked: NonNullable<ObjectModel['invoked']>,
  invocation: TSESTree.CallExpression,
  found: Map<TSESTree.Node, ApiCall>,
): void {
  if (found.has(invocation)) return;
  const invokedCall = makeCall(sourceCode, origin.library, methodApi(invoked, [...origin.path]), invocation, origin.call);
  found.set(invocation, invokedCall);
  followResult(sourceCode, invokedCall, found);
}

function assignedRole(object: ObjectModel, property: string): ArgRole | undefined {
  return object.assignments && Object.prototype.hasOwnProperty.call(object.assignments, property) ? object.assignments[property] : undefined;
}

/** `member = value` (not `+=`, not a read). */
function isAssignedTo(member: TSESTree.MemberExpression): boolean {
  const parent = member.parent;
  return parent?.type === 'AssignmentExpression' && parent.left === member && parent.operator === '=';
}

/**
 * The calls of the method `member` names: `obj.m(…)` itself, or, for a method bound to its object
 * (`const encrypt = promisify(kms.encrypt.bind(kms))`, `const decrypt = kms.decrypt.bind(kms)`), every
 * call of the binding (promisified: the same arguments without the callback).
 */
function invocationsOf(sourceCode: SourceCode, member: TSESTree.MemberExpression): TSESTree.CallExpression[] {
  const parent = member.parent;
  if (parent?.type === 'CallExpression' && parent.callee === member) return [parent];
  if (parent?.type !== 'MemberExpression' || parent.object !== member || memberName(parent) !== 'bind') return [];
  let bound: TSESTree.Node | undefined = parent.parent;
  if (bound?.type !== 'CallExpression' || bound.callee !== parent) return [];
  const wrapper = bound.parent;
  if (wrapper?.type === 'CallExpression' && wrapper.arguments[0] === bound && isPromisify(sourceCode, wrapper.callee)) bound = wrapper;
  const holder = bound.parent;
  if (holder?.type !== 'VariableDeclarator' || holder.init !== bound || holder.id.type !== 'Identifier') return [];
  const calls: TSESTree.CallExpression[] = [];
  for (const ref of variableOf(sourceCode, holder.id)?.references ?? []) {
    const id = ref.identifier as TSESTree.Node;
    if (id.parent?.type === 'CallExpression' && id.parent.callee === id) calls.push(id.parent);
  }
  return calls;
}

function isPromisify(sourceCode: SourceCode, callee: TSESTree.Node): boolean {
  const resolved = resolveImportPath(sourceCode, callee);
  return (resolved?.module === 'util' || resolved?.module === 'node:util') && resolved.path.length === 1 && resolved.path[0] === 'promisify';
}

/**
 * Bindings declared with the type of a modelled object and made elsewhere: a parameter
 * (`constructor(@Inject(KMS_CLIENT) private readonly kms: KMS)`, `function seal(client: KMSClient)`)
 * whose type names a modelled constructor of an imported module. Its reads (and `this.kms` for a
 * constructor parameter property) are that object, without a construction call.
 */
function followTypedBindings(sourceCode: SourceCode, found: Map<TSESTree.Node, ApiCall>): void {
  if (!sourceCode.ast.body.some((s) => s.type === 'ImportDeclaration' || s.type === 'TSImportEqualsDeclaration')) return;
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    if (scope.type !== 'function') continue;
    for (const variable of scope.variables) {
      const def = variable.defs[0];
      if (def?.type !== 'Parameter' || def.name.type !== 'Identifier') continue;
      const annotation = (def.name as TSESTree.Identifier).typeAnnotation?.typeAnnotation;
      if (annotation?.type !== 'TSTypeReference') continue;
      const info = typeApiReference(sourceCode, annotation.typeName);
      const object = info?.api.kind === 'construct' && info.api.returns ? info.library.objects?.[info.api.returns] : undefined;
      if (!info || !object) continue;
      const origin: ObjectOrigin = { library: info.library, path: info.api.path };
      for (const ref of variable.references) if (ref.isRead()) followObject(sourceCode, origin, object, ref.identifier as TSESTree.Node, [], found, 0);
      const property = def.name.parent;
      if (property?.type === 'TSParameterProperty' || (property?.type === 'AssignmentPattern' && property.parent?.type === 'TSParameterProperty')) {
        const cls = classOf(def.name);
        if (cls) for (const read of thisMemberReads(cls, def.name.name)) followObject(sourceCode, origin, object, read, [], found, 0);
      }
    }
  }
}

/**
 * Clients made in another module and imported (`import { kms } from '../lib/aws'`, where lib/aws.ts has
 * `export const kms = new KMS({})`): projects build their clients once in a shared module, and their
 * method calls are calls of the modelled client, as if it were made in this file (with type information
 * only; without it the binding stays unknown).
 */
function followImportedClients(sourceCode: SourceCode, found: Map<TSESTree.Node, ApiCall>): void {
  const parserServices = sourceCode.parserServices;
  if (!parserServices?.program) return;
  const moduleScope = sourceCode.scopeManager?.scopes.find((scope) => scope.type === 'module');
  for (const variable of moduleScope?.variables ?? []) {
    const def = variable.defs[0];
    if (def?.type !== 'ImportBinding' || def.name.type !== 'Identifier' || resolveApiReference(sourceCode, def.name)) continue;
    const made = externalConstructor({ sourceCode, parserServices }, def.name);
    const info = made && TRACE_MAPS.byPath.get(pathKey('module', made.module, made.path));
    const object = info?.api.kind === 'construct' && info.api.returns ? info.library.objects?.[info.api.returns] : undefined;
    if (!info || !object) continue;
    const origin: ObjectOrigin = { library: info.library, path: info.api.path };
    for (const ref of variable.references) if (ref.isRead()) followObject(sourceCode, origin, object, ref.identifier as TSESTree.Node, [], found, 0);
  }
}

/** What modelled API a type name like `KMS` or `AWS.KMS` names. */
function typeApiReference(sourceCode: SourceCode, typeName: TSESTree.EntityName): TraceInfo | undefined {
  if (typeName.type === 'Identifier') return resolveApiReference(sourceCode, typeName);
  if (typeName.type !== 'TSQualifiedName' || typeName.left.type !== 'Identifier') return undefined;
  const base = resolveImportPath(sourceCode, typeName.left);
  if (base?.module === undefined) return undefined;
  return TRACE_MAPS.byPath.get(pathKey('module', base.module, [...base.path, typeName.right.name]));
}

function classOf(node: TSESTree.Node): ClassNode | undefined {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'ClassDeclaration' || n.type === 'ClassExpression') return n;
  return undefined;
}

/** The synthetic model of a method call (`createHash.update`), shared by every call of that path. */
const methodApis = new WeakMap<object, Map<string, ApiModel>>();
function methodApi(methodModel: NonNullable<ReturnType<typeof methodOf>>, path: string[]): ApiModel {
  let byPath = methodApis.get(methodModel);
  if (!byPath) methodApis.set(methodModel, (byPath = new Map()));
  const key = path.join('\u0000');
  let api = byPath.get(key);
  if (!api) byPath.set(key, (api = { ...methodModel, path, kind: 'call' }));
  return api;
}

function methodOf(object: ObjectModel, name: string) {
  return Object.prototype.hasOwnProperty.call(object.methods, name) ? object.methods[name] : undefined;
}

/**
 * Expressions that evaluate to the result of `node`, also through a local function that returns it
 * (`async function vaultClient() { … return new CryptographyClient(…) }`, or returns a variable
 * holding it): the results of that function's calls in this file.
 */
function* resultUses(sourceCode: SourceCode, node: TSESTree.Node, depth = 0): Generator<TSESTree.Node> {
  for (const use of directResultUses(sourceCode, node)) {
    yield use;
    const returned = depth < 2 ? returningFunction(use) : undefined;
    if (returned) for (const site of callsOf(sourceCode, returned)) yield* resultUses(sourceCode, site, depth + 1);
  }
}

/**
 * `cond ? createHash(algo) : null`, `cached ?? createHash(algo)`: the whole expression is the call's result on one branch
 * (mailparser's `this.hash = algo === false ? null : createHash(algo)`), so whoever holds it may call its methods.
 */
function isBranchValue(parent: TSESTree.Node, child: TSESTree.Node): boolean {
  if (parent.type === 'ConditionalExpression') return parent.test !== child;
  return parent.type === 'LogicalExpression' && parent.right === child && parent.operator !== '&&';
}

/** The function whose result `expr` is: `return expr`, or an arrow's expression body. */
function returningFunction(expr: TSESTree.Node): FunctionNode | undefined {
  const parent = expr.parent;
  if (parent?.type === 'ArrowFunctionExpression' && parent.body === expr) return parent;
  return parent?.type === 'ReturnStatement' ? enclosingFunctions(parent)[0] : undefined;
}

function* directResultUses(sourceCode: SourceCode, node: TSESTree.Node): Generator<TSESTree.Node> {
  let current: TSESTree.Node = node;
  while (current.parent && (current.parent.type === 'AwaitExpression' || current.parent.type === 'TSAsExpression' || current.parent.type === 'TSNonNullExpression' || isBranchValue(current.parent, current))) {
    current = current.parent;
  }
  yield current;
  const parent = current.parent;
  let id: TSESTree.Identifier | undefined;
  if (parent?.type === 'VariableDeclarator' && parent.init === current && parent.id.type === 'Identifier') id = parent.id;
  if (parent?.type === 'AssignmentExpression' && parent.right === current && parent.left.type === 'Identifier') id = parent.left;
  // A default parameter value (`constructor(private readonly kms: KMS = new KMS({}))`): the parameter, and `this.kms` for a parameter property.
  if (parent?.type === 'AssignmentPattern' && parent.right === current && parent.left.type === 'Identifier') {
    id = parent.left;
    const cls = parent.parent?.type === 'TSParameterProperty' ? classOf(parent) : undefined;
    if (cls) yield* thisMemberReads(cls, parent.left.name);
  }
  // A client kept in a class field (`private kms = new KeyManagementServiceClient()`, `this.kms = …` in the constructor): every `this.kms`.
  const field = fieldHolding(parent, current);
  if (field) {
    yield* thisMemberReads(field.cls, field.name);
    return;
  }
  if (!id) return;
  const variable = variableOf(sourceCode, id);
  for (const ref of variable?.references ?? []) {
    if (ref.isRead()) yield ref.identifier as TSESTree.Node;
  }
}

export type { TraceInfo };
export type { TSESLint };

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** The class and field name when `value` initialises an instance field or is assigned to `this.<name>`. */
function fieldHolding(parent: TSESTree.Node | undefined, value: TSESTree.Node): { cls: ClassNode; name: string } | undefined {
  if (parent?.type === 'PropertyDefinition' && parent.value === value && !parent.static && !parent.computed) {
    const name = parent.key.type === 'Identifier' || parent.key.type === 'PrivateIdentifier' ? parent.key.name : undefined;
    const cls = parent.parent.parent;
    return name && (cls.type === 'ClassDeclaration' || cls.type === 'ClassExpression') ? { cls, name } : undefined;
  }
  if (parent?.type === 'AssignmentExpression' && parent.right === value && parent.left.type === 'MemberExpression' && parent.left.object.type === 'ThisExpression' && !parent.left.computed && parent.left.property.type === 'Identifier') {
    for (let n: TSESTree.Node | undefined = parent.parent; n; n = n.parent) {
      if (n.type === 'ClassDeclaration' || n.type === 'ClassExpression') return { cls: n, name: parent.left.property.name };
      if (n.type === 'FunctionDeclaration' || (n.type === 'FunctionExpression' && n.parent?.type !== 'MethodDefinition')) return undefined;
    }
  }
  return undefined;
}

/** `this.<name>` reads in the class's own methods (not in nested classes or plain functions, where `this` differs). */
function* thisMemberReads(cls: ClassNode, name: string): Generator<TSESTree.Node> {
  const otherThis = (n: TSESTree.Node) => n !== cls && (n.type === 'ClassDeclaration' || n.type === 'ClassExpression' || n.type === 'FunctionDeclaration' || (n.type === 'FunctionExpression' && n.parent?.type !== 'MethodDefinition'));
  for (const node of descendants(cls.body, otherThis)) {
    if (node.type !== 'MemberExpression' || node.object.type !== 'ThisExpression' || node.computed) continue;
    const prop = node.property;
    if ((prop.type === 'Identifier' || prop.type === 'PrivateIdentifier') && prop.name === name && !(node.parent?.type === 'AssignmentExpression' && node.parent.left === node)) yield node;
  }
}
