import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { descendants } from './ast';
import { isFunction, type FunctionNode } from './expression-names';
import { callsOfFunctionReference } from './function-references';
import { resolveImportPath } from './imports';
import { localFunctionOf } from './local-functions';
import { isExportedFunction } from './module-exports';
import { classMemberKeyName, initializedExpression, memberName, unwrapExpression, variableOf, type SourceCode } from './scope';
import { LintScopedWeakMap } from './lint-scoped';

/**
 * The arguments that calls in this file pass for `param`: so
 * `function encrypt(text, key) {…}` called as `encrypt(msg, 'k3y')` sees `'k3y'`.
 * Covers function declarations, functions bound to a variable, and class
 * methods called as `this.method(…)`.
 */
export function callSiteArguments(sourceCode: SourceCode, param: TSESTree.Identifier): TSESTree.Node[] {
  const slot = param.parent?.type === 'AssignmentPattern' ? param.parent : param;
  const fn = slot.parent;
  if (!fn || (fn.type !== 'FunctionDeclaration' && fn.type !== 'FunctionExpression' && fn.type !== 'ArrowFunctionExpression')) return [];
  const index = fn.params.indexOf(slot as TSESTree.Parameter);
  if (index < 0 || fn.params.slice(0, index).some((p) => p.type === 'RestElement')) return [];
  const args: TSESTree.Node[] = [];
  for (const call of callsOf(sourceCode, fn)) {
    if (call.arguments.slice(0, index + 1).some((a) => a.type === 'SpreadElement')) continue;
    const arg = call.arguments[index];
    if (arg) args.push(arg);
  }
  args.push(...boundArguments(sourceCode, fn, index));
  return args;
}

/**
 * Partial application: `const seal = encrypt.bind(null, KEY, 'aad')` gives `encrypt`'s first parameters the bound
 * values, and each call of `seal(…)` the following ones. The arguments reaching parameter `index` that way.
 */
function boundArguments(sourceCode: SourceCode, fn: FunctionNode, index: number): TSESTree.Node[] {
  const args: TSESTree.Node[] = [];
  for (const read of functionNameReads(sourceCode, fn)) {
    const member = read.parent;
    const bind = member?.parent;
    if (member?.type !== 'MemberExpression' || member.object !== read || memberName(member) !== 'bind') continue;
    if (bind?.type !== 'CallExpression' || bind.callee !== member || bind.arguments.some((a) => a.type === 'SpreadElement')) continue;
    const bound = bind.arguments.slice(1);
    if (index < bound.length) {
      args.push(bound[index]);
      continue;
    }
    for (const call of callsOfFunctionReference(sourceCode, bind)) {
      const later = call.arguments.slice(0, index - bound.length + 1);
      const arg = later.some((a) => a.type === 'SpreadElement') ? undefined : call.arguments[index - bound.length];
      if (arg) args.push(arg);
    }
  }
  return args;
}

/**
 * A parameter no caller gives a value: the function is declared in this file under a name used only to call
 * it (not exported, not passed on), it is called at least once, and every call omits the argument or passes
 * `undefined`/`null` (`unwrap(blob)` for `function unwrap(blob, context?)`). `isNoValue` judges each argument.
 */
export function isNeverPassed(sourceCode: SourceCode, param: TSESTree.Identifier, isNoValue: (arg: TSESTree.Node) => boolean): boolean {
  const slot = param.parent?.type === 'AssignmentPattern' ? param.parent : param;
  const fn = slot.parent;
  if (!fn || !isFunction(fn)) return false;
  const index = fn.params.indexOf(slot as TSESTree.Parameter);
  if (index < 0 || (slot.type === 'AssignmentPattern' && !isNoValue(slot.right))) return false;
  if (isExportedFunction(sourceCode, fn)) return false;
  const reads = fn.parent?.type === 'MethodDefinition' ? privateMethodReads(fn.parent) : functionNameReads(sourceCode, fn);
  // Only called here: a function passed on or exported gets its arguments from elsewhere.
  if (reads.length === 0 || !reads.every((id) => id.parent?.type === 'CallExpression' && id.parent.callee === id)) return false;
  return reads.every((id) => {
    const call = id.parent as TSESTree.CallExpression;
    if (call.arguments.slice(0, index + 1).some((a) => a.type === 'SpreadElement')) return false;
    const arg = call.arguments[index];
    return !arg || isNoValue(arg);
  });
}

/** The name a function is declared under: `function f`, `const f = () => …`. */
function declaredNameId(fn: FunctionNode): TSESTree.Identifier | undefined {
  if (fn.type === 'FunctionDeclaration') return fn.id ?? undefined;
  return fn.parent?.type === 'VariableDeclarator' && fn.parent.init === fn && fn.parent.id.type === 'Identifier' ? fn.parent.id : undefined;
}

/** The reads of the name a function is declared under (`function f`, `const f = () => …`). */
function functionNameReads(sourceCode: SourceCode, fn: FunctionNode): TSESTree.Node[] {
  const nameId = declaredNameId(fn);
  return nameId ? (variableOf(sourceCode, nameId)?.references ?? []).filter((ref) => ref.isRead()).map((ref) => ref.identifier as TSESTree.Node) : [];
}

/**
 * The `this.<name>` reads of a private method (`#unwrap`, `private unwrap`) inside its class, where all of them
 * are; none for a public method, which other modules may call.
 */
function privateMethodReads(method: TSESTree.MethodDefinition): TSESTree.Node[] {
  const isPrivate = method.key.type === 'PrivateIdentifier' || method.accessibility === 'private';
  const name = classMemberKeyName(method.key);
  if (!isPrivate || method.static || method.computed || name === undefined) return [];
  return [...descendants(method.parent)].filter(
    (n) => n.type === 'MemberExpression' && n.object.type === 'ThisExpression' && !n.computed && classMemberKeyName(n.property) === name,
  );
}

/** Calls of a function declared in this file: by its name, or `this.method(…)` inside its class. */
export function* callsOf(sourceCode: SourceCode, fn: FunctionNode): Generator<TSESTree.CallExpression | TSESTree.NewExpression> {
  const nameId = declaredNameId(fn);
  if (nameId) {
    const variable = variableOf(sourceCode, nameId);
    for (const ref of variable?.references ?? []) {
      const id = ref.identifier as TSESTree.Node;
      if ((id.parent?.type === 'CallExpression' || id.parent?.type === 'NewExpression') && id.parent.callee === id) yield id.parent;
      // `const cached = memoize(freshRoomKey, { promise: true })`: each call of `cached` is a call of the function
      // (or returns what an earlier one returned), with the same arguments.
      const memoized = memoizerCall(sourceCode, id);
      if (memoized) yield* callsOfFunctionReference(sourceCode, memoized);
    }
    return;
  }
  // A callback handed to a helper of this file that calls it (`withKey((key, iv) => …)` with `function withKey(fn) {
  // … return fn(k, v); }`): the helper's calls of that parameter are the callback's calls.
  if (fn.type !== 'FunctionDeclaration' && (fn.parent?.type === 'CallExpression' || fn.parent?.type === 'NewExpression')) {
    yield* helperCallbackCalls(sourceCode, fn, fn.parent);
    return;
  }
  // Class method: `this.encrypt(…)` inside the same class, and `mint.issue(…)` on an instance made in this file.
  if (fn.parent?.type === 'MethodDefinition' && !fn.parent.computed) {
    const name = classMemberKeyName(fn.parent.key);
    const classBody = fn.parent.parent;
    if (name && classBody?.type === 'ClassBody') {
      yield* thisCalls(classBody, name);
      if (fn.parent.kind === 'method' && !fn.parent.static && fn.parent.key.type !== 'PrivateIdentifier') {
        yield* instanceCalls(sourceCode, classBody, name);
        // An override (`protected async unwrap(…)` of an abstract base): the base's own `this.unwrap(…)` calls reach it.
        for (const base of localBaseClassBodies(sourceCode, classBody)) yield* thisCalls(base, name);
      }
    }
  }
}

/**
 * The calls a local helper makes of the callback it is given at `call`: `fn(…)` on the helper's parameter, when that
 * parameter is a plain identifier never reassigned. Nothing for a callee that is not a function of this file.
 */
function* helperCallbackCalls(sourceCode: SourceCode, callback: FunctionNode, call: TSESTree.CallExpression | TSESTree.NewExpression): Generator<TSESTree.CallExpression> {
  const index = call.arguments.indexOf(callback as TSESTree.CallExpressionArgument);
  if (index < 0 || call.arguments.slice(0, index).some((a) => a.type === 'SpreadElement')) return;
  const helper = localFunctionOf(sourceCode, call.callee);
  const param = helper?.params[index];
  if (!helper || helper === callback || param?.type !== 'Identifier') return;
  const variable = variableOf(sourceCode, param);
  if (!variable || variable.references.some((ref) => ref.isWrite())) return;
  for (const ref of variable.references) {
    const id = ref.identifier as TSESTree.Node;
    if (id.parent?.type === 'CallExpression' && id.parent.callee === id) yield id.parent;
  }
}

/** Memoizing wrappers: their result, called with the same arguments, returns what the wrapped function returns. */
const MEMOIZER_MODULES: ReadonlySet<string> = new Set(['memoizee', 'mem', 'p-memoize', 'moize', 'fast-memoize', 'micro-memoize', 'memoize-one', 'lodash.memoize', 'lodash/memoize']);

/** `memoize(fn, …)` of a known memoizing library (lodash's `_.memoize` included), with `id` as the wrapped function. */
function memoizerCall(sourceCode: SourceCode, id: TSESTree.Node): TSESTree.CallExpression | undefined {
  const call = id.parent;
  if (call?.type !== 'CallExpression' || call.arguments[0] !== id) return undefined;
  const path = resolveImportPath(sourceCode, call.callee);
  if (!path?.module) return undefined;
  const last = path.path[path.path.length - 1];
  if (MEMOIZER_MODULES.has(path.module) && (path.path.length === 0 || last === 'default' || last === 'memoize' || last === path.module)) return call;
  return (path.module === 'lodash' || path.module === 'lodash-es') && last === 'memoize' ? call : undefined;
}

/** The bodies of the classes of this file that `classBody`'s class extends, nearest first (`class Aws extends CachingProvider`). */
function localBaseClassBodies(sourceCode: SourceCode, classBody: TSESTree.ClassBody): TSESTree.ClassBody[] {
  const bases: TSESTree.ClassBody[] = [];
  let cls: TSESTree.Node | undefined = classBody.parent;
  while (bases.length < 4 && (cls?.type === 'ClassDeclaration' || cls?.type === 'ClassExpression') && cls.superClass?.type === 'Identifier') {
    const def: TSESLint.Scope.Definition | undefined = variableOf(sourceCode, cls.superClass)?.defs[0];
    const base: TSESTree.Node | undefined = def?.type === 'ClassName' ? def.node : undefined;
    if (base?.type !== 'ClassDeclaration' && base?.type !== 'ClassExpression') break;
    if (bases.includes(base.body)) break;
    bases.push(base.body);
    cls = base;
  }
  return bases;
}

/**
 * Reads of a getter declared in this file: `this.hex` inside its class, and `handle.hex` on an instance made
 * here (`const handle = new DataKeyHandle(…)`). What the getter returns is the value of each read.
 */
export function* getterReads(sourceCode: SourceCode, fn: FunctionNode): Generator<TSESTree.MemberExpression> {
  const method = fn.parent;
  if (method?.type !== 'MethodDefinition' || method.kind !== 'get' || method.static || method.computed) return;
  const name = classMemberKeyName(method.key);
  if (name === undefined) return;
  for (const node of descendants(method.parent)) {
    if (node.type === 'MemberExpression' && node.object.type === 'ThisExpression' && !node.computed && classMemberKeyName(node.property) === name && !isAssigned(node)) yield node;
  }
  if (method.key.type !== 'PrivateIdentifier') for (const member of instanceMembers(sourceCode, method.parent, name)) if (!isAssigned(member)) yield member;
}

function isAssigned(member: TSESTree.MemberExpression): boolean {
  return member.parent?.type === 'AssignmentExpression' && member.parent.left === member;
}

/**
 * `new KeyMint(…).mint(…)`, or `const m = new KeyMint(…); m.mint(…)`: calls of a method on the
 * instances of a class declared in this file (`class KeyMint` or `const KeyMint = class …`).
 */
function* instanceCalls(sourceCode: SourceCode, classBody: TSESTree.ClassBody, name: string): Generator<TSESTree.CallExpression> {
  for (const member of instanceMembers(sourceCode, classBody, name)) {
    if (member.parent?.type === 'CallExpression' && member.parent.callee === member) yield member.parent;
  }
}

/** `instance.<name>` on the instances of a class declared in this file (made inline or held in a binding). */
function* instanceMembers(sourceCode: SourceCode, classBody: TSESTree.ClassBody, name: string): Generator<TSESTree.MemberExpression> {
  const cls = classBody.parent;
  const id = cls.type === 'ClassDeclaration' ? cls.id : cls.parent?.type === 'VariableDeclarator' && cls.parent.id.type === 'Identifier' ? cls.parent.id : undefined;
  if (!id) return;
  // A class declaration binds its name twice: in the enclosing scope (where `new KeyMint()` is) and inside the class.
  const outer = cls.type === 'ClassDeclaration' ? sourceCode.scopeManager?.getDeclaredVariables(cls).find((v) => v.scope.block !== cls) : variableOf(sourceCode, id);
  for (const ref of outer?.references ?? []) {
    const created = ref.identifier.parent;
    if (created?.type !== 'NewExpression' || created.callee !== ref.identifier) continue;
    const holder = created.parent;
    const instances: TSESTree.Node[] = [created];
    if (holder?.type === 'VariableDeclarator' && holder.init === created && holder.id.type === 'Identifier') {
      for (const use of variableOf(sourceCode, holder.id)?.references ?? []) if (use.isRead()) instances.push(use.identifier as TSESTree.Node);
    }
    for (const instance of instances) {
      const member = instance.parent;
      if (member?.type === 'MemberExpression' && member.object === instance && memberName(member) === name) yield member;
    }
  }
}

/** `this.<name>(…)` calls per class body, indexed by method name in one walk per class. */
const thisCallIndex = new LintScopedWeakMap<TSESTree.Node, Map<string, TSESTree.CallExpression[]>>();

function thisCalls(classBody: TSESTree.Node, name: string): readonly TSESTree.CallExpression[] {
  let index = thisCallIndex.get(classBody);
  if (!index) {
    index = new Map();
    for (const node of descendants(classBody)) {
      if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || node.callee.object.type !== 'ThisExpression') continue;
      const method = node.callee.property.type === 'PrivateIdentifier' ? classMemberKeyName(node.callee.property) : memberName(node.callee);
      if (method === undefined) continue;
      const calls = index.get(method);
      if (calls) calls.push(node);
      else index.set(method, [node]);
    }
    thisCallIndex.set(classBody, index);
  }
  return index.get(name) ?? [];
}

/**
 * The method a callee names on a class declared in this file: `this.publish` inside the class, or
 * `announcer.publish` on an instance made here (`const announcer = new KeyAnnouncer(…)`), the other
 * direction of `instanceCalls`. Instance methods only (not accessors, not static ones).
 */
export function localMethodOf(sourceCode: SourceCode, callee: TSESTree.Node): FunctionNode | undefined {
  const member = unwrapExpression(callee);
  if (member.type !== 'MemberExpression' || member.computed) return undefined;
  const name = classMemberKeyName(member.property);
  const object = unwrapExpression(member.object);
  const classBody = object.type === 'ThisExpression' ? enclosingClassBody(member) : instanceClassBody(sourceCode, object);
  const method = classBody?.body.find((m) => m.type === 'MethodDefinition' && m.kind === 'method' && !m.static && !m.computed && classMemberKeyName(m.key) === name);
  return method?.type === 'MethodDefinition' && method.value.type === 'FunctionExpression' ? method.value : undefined;
}

function enclosingClassBody(node: TSESTree.Node): TSESTree.ClassBody | undefined {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'ClassBody') return n;
  return undefined;
}

/** The body of the class declared in this file that `instance` was made from (`new KeyAnnouncer(…)`, directly or through a const). */
function instanceClassBody(sourceCode: SourceCode, instance: TSESTree.Node): TSESTree.ClassBody | undefined {
  const made = instance.type === 'Identifier' ? initializedExpression(sourceCode, instance) : undefined;
  if (made?.type !== 'NewExpression' || made.callee.type !== 'Identifier') return undefined;
  const def = variableOf(sourceCode, made.callee)?.defs[0];
  if (def?.type === 'ClassName' && (def.node.type === 'ClassDeclaration' || def.node.type === 'ClassExpression')) return def.node.body;
  const value = def?.type === 'Variable' && def.node.init ? unwrapExpression(def.node.init) : undefined;
  return value?.type === 'ClassExpression' ? value.body : undefined;
}

