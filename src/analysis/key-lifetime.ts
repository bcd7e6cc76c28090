import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { RETAINING_FUNCTIONS, RETAINING_METHODS, STATE_HOOKS } from '../model/retention';
import { apiCallAt, getApiCalls, type ApiCall } from './api-calls';
import { localMethodOf } from './call-sites';
import { classConstructor, descendants, isWithin } from './ast';
import { enclosingFunction } from './code-paths';
import { argumentUsedAsKey, keyReferences, rawDigestOf, TYPED_ARRAY_NAMES, type KeyBytes } from './key-material';
import { importedHelperWipesArgument } from './importer-key-uses';
import { resolveImportPath } from './imports';
import { isTextEncoding } from './text-encoders';
import { isPromiseExecutor, localFunctionOf, parameterBindings, returnedExpressions } from './local-functions';
import { climbTypeWrappers, isConstructedWith, isStaticCall, memberName, propertyName, referencedName, singleInitializer, unwrapExpression, variableOf, type SourceCode } from './scope';

/**
 * What happens to key bytes after they are produced: where they are wiped,
 * whether they deliberately leave the function, where they become strings.
 */

/** User helpers whose name says they wipe (`zeroize(buf)`, `wipeKey(k)`, `secureErase`, `secureWipe`, `safe_zero`). */
const WIPE_HELPER = /^(?:(?:secure|safe)_?)?(?:[wW]ipe|[zZ]eroi[sz]e|[zZ]ero(?:ize)?|[mM]emzero|[bB]urn|[sS]crub|[eE]rase|[cC]lear)(?:[A-Z_]\w*)?$/;

/** Calls that overwrite the key bytes: `.fill(0)`, `randomFillSync(key)`, `sodium.memzero(key)`, our `wipe(key)`. */
export function wipeCalls(sourceCode: SourceCode, bytes: KeyBytes): Set<TSESTree.Node> {
  const wipes = new Set<TSESTree.Node>();
  for (const ref of keyReferences(sourceCode, bytes).bytes) {
    const wipe = wipeOf(sourceCode, ref) ?? disposableStackAdoption(sourceCode, ref);
    // `randomFillSync(key)` that gave a fresh allocation its bytes is the key's source, not its wipe.
    if (wipe && wipe !== bytes.definition) wipes.add(wipe);
    // `const keys = [encKey, macKey]; … for (const k of keys) k.fill(0);`
    const loop = ref.parent?.type === 'ArrayExpression' ? loopWipingElements(sourceCode, ref.parent) : undefined;
    if (loop) wipes.add(loop);
    // `keys.set(tenantId, key)` into a local Map wiped as `for (const k of keys.values()) k.fill(0)`.
    const container = localContainerOf(sourceCode, ref, bytes.scope);
    if (container) for (const w of containerWipes(sourceCode, container)) wipes.add(w);
  }
  // A wipe in a completion callback (`pipeline(src, cipher, dst, (err) => { key.fill(0); … })`) runs
  // on success and on every failure once the call is made: the call itself is the wipe for the function.
  for (const wipe of [...wipes]) {
    const completing = completionCallOf(sourceCode, wipe, bytes.scope);
    if (completing && !usedWhileArgumentsAreEvaluated(sourceCode, bytes, completing, wipe)) wipes.add(completing);
  }
  return wipes;
}

/**
 * `pipeline(src, createDecipheriv(alg, key, iv).setAuthTag(tag), dst, (err) => { key.fill(0); … })`: the
 * arguments are evaluated before the call registers its callback, so a use of the key among them that
 * throws leaves before the wipe exists. Copies and views taken there (`Buffer.from(key)`) do not fail half-way.
 */
function usedWhileArgumentsAreEvaluated(sourceCode: SourceCode, bytes: KeyBytes, completing: TSESTree.Node, wipe: TSESTree.Node): boolean {
  if (completing.type !== 'CallExpression') return false;
  // Only the other arguments: the receiver of `promise.finally(cb)` is the returned chain decision 18 accepts.
  const otherArguments = completing.arguments.filter((arg) => !isWithin(wipe, arg));
  return keyReferences(sourceCode, bytes).bytes.some((ref) => {
    if (!otherArguments.some((arg) => isWithin(ref, arg))) return false;
    const call = callUsing(ref);
    return call !== undefined && call !== completing && !isHandOverToSafeForm(sourceCode, call);
  });
}

/** The wipe call whose target is `ref`: `key.fill(0)`, `new Uint8Array(key).fill(0)`, `sodium.memzero(key)`, `secureWipe(key)`, `zeroize(a, key)`. */
export function wipeOf(sourceCode: SourceCode, ref: TSESTree.Node, depth = 0): TSESTree.CallExpression | undefined {
  const target = viewOf(ref);
  const parent = target.parent;
  if (parent?.type === 'MemberExpression' && parent.object === target && memberName(parent) === 'fill' && parent.parent?.type === 'CallExpression' && parent.parent.callee === parent) {
    return parent.parent;
  }
  if (parent?.type !== 'CallExpression') return undefined;
  if (isBorrowedFillCall(sourceCode, parent, target)) return parent;
  const api = apiCallAt(sourceCode, parent);
  if (api) {
    const name = api.api.path[api.api.path.length - 1];
    return parent.arguments[0] === target && (api.api.operation === 'wipe' || name === 'randomFillSync' || name === 'randomFill') ? parent : undefined;
  }
  // A helper of our own may take several buffers: `zeroize(encKey, macKey)`.
  const index = parent.arguments.indexOf(target as TSESTree.CallExpressionArgument);
  if (index < 0) return undefined;
  if (WIPE_HELPER.test(referencedName(parent.callee) ?? '')) return wipesACopyOnly(sourceCode, parent, index) ? undefined : parent;
  return depth < 2 && helperWipesArgument(sourceCode, parent, index, depth + 1) ? parent : undefined;
}

/**
 * `Buffer.prototype.fill.call(key, 0)`, or `fill.call(key, 0)` with `const fill = Uint8Array.prototype.fill`:
 * the typed arrays' own `fill` borrowed so that a patched instance method cannot skip the wipe.
 */
function isBorrowedFillCall(sourceCode: SourceCode, call: TSESTree.CallExpression, target: TSESTree.Node): boolean {
  const callee = call.callee;
  if (call.arguments[0] !== target || callee.type !== 'MemberExpression' || memberName(callee) !== 'call') return false;
  let method: TSESTree.Node = unwrapExpression(callee.object);
  if (method.type === 'Identifier') {
    const variable = variableOf(sourceCode, method);
    const init = variable && singleInitializer(variable);
    if (!init) return false;
    method = unwrapExpression(init);
  }
  return method.type === 'MemberExpression' && memberName(method) === 'fill';
}

/**
 * A helper of this file named like a wipe whose body zeroes a copy of its argument instead
 * (`function burn(buf) { const scratch = Buffer.from(buf); scratch.fill(0); }`): its body says it
 * leaves the caller's bytes as they were, whatever its name.
 */
function wipesACopyOnly(sourceCode: SourceCode, call: TSESTree.CallExpression, index: number): boolean {
  const fn = localFunctionOf(sourceCode, call.callee);
  const param = fn?.params[index];
  if (param?.type !== 'Identifier' || helperWipesArgument(sourceCode, call, index, 2)) return false;
  const own = variableOf(sourceCode, param);
  return (own?.references ?? []).some((ref) => {
    const copy = climbToCopy(ref.identifier as TSESTree.Node);
    const declarator = copy?.parent;
    if (declarator?.type !== 'VariableDeclarator' || declarator.init !== copy || declarator.id.type !== 'Identifier') return false;
    const copyVariable = variableOf(sourceCode, declarator.id);
    return (copyVariable?.references ?? []).some((r) => r.isRead() && wipeOf(sourceCode, r.identifier as TSESTree.Node, 2) !== undefined);
  });
}

/** `Buffer.from(x)`, `new Uint8Array(x)`, `Uint8Array.from(x)`, `x.slice()`: the copying expression around `x`. */
function climbToCopy(ref: TSESTree.Node): TSESTree.Node | undefined {
  const parent = ref.parent;
  if ((parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && parent.arguments[0] === ref) {
    const callee = parent.callee;
    const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? `${referencedName(callee.object) ?? ''}.${memberName(callee) ?? ''}` : '';
    if (/^(?:Buffer\.from|Buffer\.concat|Uint8Array|Uint8Array\.from|structuredClone)$/.test(name)) return parent;
  }
  if (parent?.type === 'MemberExpression' && parent.object === ref && memberName(parent) === 'slice' && parent.parent?.type === 'CallExpression') return parent.parent;
  return undefined;
}

/**
 * A helper whose body overwrites the parameter the argument lands in is a wipe whatever its name
 * (`shred(key)` doing `buf.fill(0)`, decision 31): a helper of this file, read here, or one imported
 * from another file of the program, read through TypeScript's checker.
 */
function helperWipesArgument(sourceCode: SourceCode, call: TSESTree.CallExpression, index: number, depth: number): boolean {
  const fn = localFunctionOf(sourceCode, call.callee);
  if (!fn) return importedHelperWipesArgument(sourceCode, call, index);
  const param = fn.params.find((p, i) => i === index || (p.type === 'RestElement' && i <= index));
  const id = param?.type === 'RestElement' ? param.argument : param?.type === 'AssignmentPattern' ? param.left : param;
  if (id?.type !== 'Identifier') return false;
  const own = variableOf(sourceCode, id);
  if (!own) return false;
  const targets = [own];
  // `for (const b of bufs)` over a rest (or array) parameter: each element is an argument.
  for (const ref of own.references) {
    const loop = ref.identifier.parent;
    if (loop?.type !== 'ForOfStatement' || loop.right !== ref.identifier || loop.left.type !== 'VariableDeclaration') continue;
    const element = loop.left.declarations[0]?.id;
    const variable = element?.type === 'Identifier' ? variableOf(sourceCode, element) : undefined;
    if (variable) targets.push(variable);
  }
  return targets.some((variable) => variable.references.some((ref) => ref.isRead() && wipeOf(sourceCode, ref.identifier as TSESTree.Node, depth) !== undefined));
}

/**
 * A loop that wipes every element of an array literal holding the key: `for (const k of [a, b]) k.fill(0)`,
 * `const keys = [a, b]; … for (const k of keys) k.fill(0)` or `keys.forEach((k) => k.fill(0))` with `keys`
 * a local constant, and `zeroize(...keys)`. The loop (or the call) is the wipe.
 */
function loopWipingElements(sourceCode: SourceCode, array: TSESTree.ArrayExpression): TSESTree.Node | undefined {
  const uses: TSESTree.Node[] = [array];
  const declarator = array.parent;
  if (declarator?.type === 'VariableDeclarator' && declarator.init === array && declarator.id.type === 'Identifier' && declarator.parent.kind === 'const') {
    for (const r of variableOf(sourceCode, declarator.id)?.references ?? []) if (r.isRead()) uses.push(r.identifier as TSESTree.Node);
  }
  for (const use of uses) {
    const parent = use.parent;
    if (parent?.type === 'ForOfStatement' && parent.right === use && wipesLoopVariable(sourceCode, parent.left, parent.body)) return parent;
    if (parent?.type === 'MemberExpression' && parent.object === use && memberName(parent) === 'forEach' && parent.parent?.type === 'CallExpression' && parent.parent.callee === parent) {
      const fn = parent.parent.arguments[0];
      if ((fn?.type === 'ArrowFunctionExpression' || fn?.type === 'FunctionExpression') && fn.params[0] && wipesLoopVariable(sourceCode, fn.params[0], fn.body)) return parent.parent;
    }
    if (parent?.type === 'SpreadElement' && parent.parent?.type === 'CallExpression' && parent.parent.arguments.includes(parent) && !apiCallAt(sourceCode, parent.parent) && WIPE_HELPER.test(referencedName(parent.parent.callee) ?? '')) {
      return parent.parent;
    }
  }
  return undefined;
}

const STORING_METHODS = new Set(['set', 'push', 'add', 'unshift']);

/**
 * The local collection `ref` is stored into (`keys.set(id, ref)`, `keys.push(ref)`): a `new Map()`, `new Set()`
 * or `[]` declared in `scope` that never leaves it. Such a collection keeps the key inside the function
 * (issue 3: not an escape), so the key is wiped through it or not at all (`keys.clear()` drops references).
 */
function localContainerOf(sourceCode: SourceCode, ref: TSESTree.Node, scope: TSESTree.Node): TSESLint.Scope.Variable | undefined {
  const call = ref.parent;
  if (call?.type !== 'CallExpression' || !call.arguments.includes(ref as TSESTree.Expression)) return undefined;
  const callee = call.callee;
  if (callee.type !== 'MemberExpression' || callee.object.type !== 'Identifier' || !STORING_METHODS.has(memberName(callee) ?? '')) return undefined;
  const variable = variableOf(sourceCode, callee.object);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.type !== 'Variable' || !def.node.init || enclosingFunction(def.node) !== scope) return undefined;
  const init = unwrapExpression(def.node.init);
  const collection = (init.type === 'ArrayExpression' && init.elements.length === 0) || (init.type === 'NewExpression' && init.callee.type === 'Identifier' && /^(?:Map|Set)$/.test(init.callee.name));
  if (!collection) return undefined;
  // A read of the container that leads back to it (`const body = out || …; out.push({ body })`): it is being judged already.
  if (containersBeingJudged.has(variable)) return variable;
  containersBeingJudged.add(variable);
  try {
    for (const r of variable.references) {
      if (!r.isRead()) continue;
      const id = r.identifier as TSESTree.Node;
      if (escapes(sourceCode, id, scope, 1) || escapingClosure(sourceCode, id, scope)) return undefined;
    }
  } finally {
    containersBeingJudged.delete(variable);
  }
  return variable;
}
const containersBeingJudged = new WeakSet<TSESLint.Scope.Variable>();

/** Wipes of every element of a local collection: `for (const k of keys[.values()]) k.fill(0)`, `keys.forEach((k) => k.fill(0))`, `zeroize(...keys)`, `scrubAll(keys)`. */
function containerWipes(sourceCode: SourceCode, container: TSESLint.Scope.Variable): TSESTree.Node[] {
  const found: TSESTree.Node[] = [];
  for (const r of container.references) {
    if (!r.isRead()) continue;
    let use = r.identifier as TSESTree.Node;
    const member = use.parent;
    // `keys.values()`
    if (member?.type === 'MemberExpression' && member.object === use && memberName(member) === 'values' && member.parent?.type === 'CallExpression' && member.parent.callee === member) use = member.parent;
    const parent = use.parent;
    if (parent?.type === 'ForOfStatement' && parent.right === use && wipesLoopVariable(sourceCode, parent.left, parent.body)) found.push(parent);
    else if (parent?.type === 'MemberExpression' && parent.object === use && memberName(parent) === 'forEach' && parent.parent?.type === 'CallExpression' && parent.parent.callee === parent) {
      const fn = parent.parent.arguments[0];
      if ((fn?.type === 'ArrowFunctionExpression' || fn?.type === 'FunctionExpression') && fn.params[0] && wipesLoopVariable(sourceCode, fn.params[0], fn.body)) found.push(parent.parent);
    } else {
      const call = parent?.type === 'SpreadElement' ? parent.parent : parent;
      const arg = parent?.type === 'SpreadElement' ? parent : use;
      if (call?.type === 'CallExpression' && call.arguments.includes(arg as TSESTree.CallExpressionArgument) && !apiCallAt(sourceCode, call) && WIPE_HELPER.test(referencedName(call.callee) ?? '')) found.push(call);
    }
  }
  return found;
}

/** Is the key kept in a local collection (see localContainerOf)? A loop that derives the next key then keeps the previous one there. */
export function heldByLocalContainer(sourceCode: SourceCode, bytes: KeyBytes): boolean {
  return keyReferences(sourceCode, bytes).bytes.some((ref) => localContainerOf(sourceCode, ref, bytes.scope) !== undefined);
}

/** Does `body` wipe the loop variable declared by `left` as one of its own statements (not in a branch)? */
function wipesLoopVariable(sourceCode: SourceCode, left: TSESTree.Node, body: TSESTree.Node): boolean {
  const id = left.type === 'VariableDeclaration' ? left.declarations[0]?.id : left;
  if (id?.type !== 'Identifier') return false;
  const variable = variableOf(sourceCode, id);
  if (!variable) return false;
  const statements = body.type === 'BlockStatement' ? body.body : [body];
  return statements.some((st) => {
    const expr = st.type === 'ExpressionStatement' ? st.expression : st.type.endsWith('Expression') ? st : undefined;
    if (!expr) return false;
    return variable.references.some((r) => {
      const ref = r.identifier as TSESTree.Node;
      const wipe = wipeOf(sourceCode, ref);
      return wipe !== undefined && wipe === unwrapChain(expr);
    });
  });
}

function unwrapChain(node: TSESTree.Node): TSESTree.Node {
  return node.type === 'ChainExpression' ? node.expression : node;
}

/** Stream helpers whose last argument is called once, with or without an error. */
const COMPLETION_FUNCTIONS = new Set(['pipeline', 'finished']);
const STREAM_MODULES = new Set(['stream', 'node:stream']);
/** RxJS `finalize(cb)`: `cb` runs when the observable completes, errors or is unsubscribed (a promise's `finally`). */
const FINALIZE_MODULES = new Set(['rxjs', 'rxjs/operators']);

/**
 * The call in `scope` whose completion callback holds `wipe` directly (not in a
 * nested branch): `pipeline(…, cb)`/`finished(stream, cb)` from node:stream, or
 * `promise.finally(cb)`.
 */
function completionCallOf(sourceCode: SourceCode, wipe: TSESTree.Node, scope: TSESTree.Node): TSESTree.Node | undefined {
  const fn = enclosingFunction(wipe);
  if (!fn || fn === scope || fn.type === 'Program' || fn.type === 'FunctionDeclaration') return undefined;
  // The wipe must be a top-level statement of the callback, before any return: it runs whatever the outcome.
  const body = fn.body;
  if (body.type === 'BlockStatement') {
    const index = body.body.findIndex((st) => st.range[0] <= wipe.range[0] && wipe.range[1] <= st.range[1]);
    if (index < 0 || !(body.body[index].type === 'ExpressionStatement' || inFinallyOf(body.body[index], wipe))) return undefined;
    if (body.body.slice(0, index).some((st) => st.type !== 'ExpressionStatement' && st.type !== 'VariableDeclaration')) return undefined;
  } else if (body !== wipe) return undefined;
  const call = fn.parent;
  if (call?.type !== 'CallExpression' || enclosingFunction(call) !== scope) return undefined;
  const callee = call.callee;
  if (callee.type === 'MemberExpression' && memberName(callee) === 'finally' && call.arguments[0] === fn) return call;
  if (isProcessExitListener(sourceCode, call, fn) || isTestCleanupHook(sourceCode, call, fn, scope) || isDisposableStackDefer(sourceCode, call, fn)) return call;
  if (call.arguments[call.arguments.length - 1] !== fn) return undefined;
  const resolved = resolveImportPath(sourceCode, callee);
  if (resolved?.module !== undefined && FINALIZE_MODULES.has(resolved.module) && resolved.path.join('.') === 'finalize' && call.arguments.length === 1) return call;
  const name = resolved?.path[resolved.path.length - 1];
  return resolved?.module !== undefined && STREAM_MODULES.has(resolved.module) && name && COMPLETION_FUNCTIONS.has(name) ? call : undefined;
}

/**
 * `process.on('exit', () => key.fill(0))`: Node runs `'exit'` listeners however the process ends (falling off
 * the event loop, `process.exit()`, an uncaught exception), so once registered the wipe is certain, like a
 * `finally` around the rest of the program. Registered after the key's uses, a use that throws first leaves
 * before it exists (26, as for other listeners): the code-path check sees that from where the call sits.
 */
function isProcessExitListener(sourceCode: SourceCode, call: TSESTree.CallExpression, fn: TSESTree.Node): boolean {
  const callee = call.callee;
  if (callee.type !== 'MemberExpression' || !/^(?:on|once|addListener|prependListener)$/.test(memberName(callee) ?? '')) return false;
  const receiver = unwrapExpression(callee.object);
  if (receiver.type !== 'Identifier' || receiver.name !== 'process' || variableOf(sourceCode, receiver)?.defs.length) return false;
  const event = call.arguments[0];
  return event?.type === 'Literal' && event.value === 'exit' && call.arguments[1] === fn;
}

/**
 * `using stack = new DisposableStack(); stack.defer(() => key.fill(0));` (explicit resource management, TypeScript
 * 5.2): the stack runs its deferred callbacks when the block is left, by a return, a throw or falling off its end,
 * like a `finally` opened where `defer` is called. Registered after a use that can throw, the code-path check sees
 * that from where the call sits.
 */
function isDisposableStackDefer(sourceCode: SourceCode, call: TSESTree.CallExpression, fn: TSESTree.Node): boolean {
  const callee = call.callee;
  return callee.type === 'MemberExpression' && memberName(callee) === 'defer' && call.arguments[0] === fn && isUsingDisposableStack(sourceCode, callee.object);
}

/**
 * `stack.adopt(key, (k) => k.fill(0))` on a `using` DisposableStack: the stack calls the callback with the key when
 * the block is left, however it is left; the call is the wipe, from where it is made (as `defer`).
 */
function disposableStackAdoption(sourceCode: SourceCode, ref: TSESTree.Node): TSESTree.CallExpression | undefined {
  const call = ref.parent;
  if (call?.type !== 'CallExpression' || call.arguments[0] !== ref) return undefined;
  const callee = call.callee;
  if (callee.type !== 'MemberExpression' || memberName(callee) !== 'adopt' || !isUsingDisposableStack(sourceCode, callee.object)) return undefined;
  const onDispose = call.arguments[1];
  if (!onDispose || (onDispose.type !== 'ArrowFunctionExpression' && onDispose.type !== 'FunctionExpression')) return undefined;
  const param = onDispose.params[0];
  if (param?.type !== 'Identifier') return undefined;
  for (const node of descendants(onDispose.body)) {
    if (node.type === 'Identifier' && node.name === param.name && node !== param && wipeOf(sourceCode, node)) return call;
  }
  return undefined;
}

/** `stack` declared as `using stack = new DisposableStack()` (or `await using … AsyncDisposableStack`): disposed when its block is left. */
function isUsingDisposableStack(sourceCode: SourceCode, object: TSESTree.Node): boolean {
  const receiver = unwrapExpression(object);
  const variable = receiver.type === 'Identifier' ? variableOf(sourceCode, receiver) : undefined;
  const declarator = variable?.defs.length === 1 && variable.defs[0].type === 'Variable' ? variable.defs[0].node : undefined;
  const declaration = declarator?.parent;
  if (!declarator || declaration?.type !== 'VariableDeclaration' || (declaration.kind !== 'using' && declaration.kind !== 'await using')) return false;
  const init = declarator.init && unwrapExpression(declarator.init);
  return init?.type === 'NewExpression' && init.callee.type === 'Identifier' && /^(?:Async)?DisposableStack$/.test(init.callee.name);
}

const TEST_MODULES: ReadonlySet<string> = new Set(['node:test', 'test', 'vitest']);

/**
 * A cleanup the test runner calls when the test ends, passed or failed: node:test's `t.after(fn)` on the test
 * context the test function receives, vitest's `onTestFinished(fn)`. Like a `process.on('exit')` wipe, it is
 * certain once registered; registered after a use, a throwing use leaves first (the code-path check sees that).
 */
function isTestCleanupHook(sourceCode: SourceCode, call: TSESTree.CallExpression, fn: TSESTree.Node, scope: TSESTree.Node): boolean {
  if (call.arguments[0] !== fn) return false;
  const callee = call.callee;
  const imported = resolveImportPath(sourceCode, callee);
  if (imported?.module !== undefined && TEST_MODULES.has(imported.module) && imported.path.join('.') === 'onTestFinished') return true;
  if (callee.type !== 'MemberExpression' || memberName(callee) !== 'after') return false;
  const context = unwrapExpression(callee.object);
  if (context.type !== 'Identifier' || !('params' in scope) || scope.params[0]?.type !== 'Identifier' || scope.params[0].name !== context.name) return false;
  // The scope is the test function: an argument of node:test's `test`/`it` (or `t.test`) call.
  const registering = scope.parent;
  if (registering?.type !== 'CallExpression' || !registering.arguments.includes(scope as TSESTree.CallExpressionArgument)) return false;
  const runner = resolveImportPath(sourceCode, registering.callee);
  return (runner?.module === 'node:test' || runner?.module === 'test') && /^(?:test|it)?$/.test(runner.path[runner.path.length - 1] ?? '');
}

/** `try { … } finally { key.fill(0); }` with the wipe a statement of the finally block itself: it runs once the try starts. */
function inFinallyOf(statement: TSESTree.Statement, wipe: TSESTree.Node): boolean {
  const finalizer = statement.type === 'TryStatement' ? statement.finalizer : undefined;
  return !!finalizer && finalizer.body.some((st) => st.type === 'ExpressionStatement' && st.range[0] <= wipe.range[0] && wipe.range[1] <= st.range[1]);
}

/**
 * The calls that use the key — the key (or an object holding it) is an
 * argument or the receiver (`createCipheriv(alg, key, iv)`, `encrypt(dk.Plaintext, data)`,
 * `key.copy(out)`), or a method of an object made from it (`cipher.update`,
 * `cipher.final`) — plus every `await`/`yield`. These are the points where an
 * exception most plausibly leaves the function after the key exists: a wipe
 * placed after them without `try/finally` runs only on the happy path.
 * `handOvers`: the copies/imports of the key (see isHandOverToSafeForm), kept apart.
 */
export function keyUsingCalls(sourceCode: SourceCode, bytes: KeyBytes): { uses: Set<TSESTree.Node>; handOvers: Set<TSESTree.Node> } {
  const refs = keyReferences(sourceCode, bytes);
  const using = new Set<TSESTree.Node>();
  const handOvers = new Set<TSESTree.Node>();
  const wipes = wipeCalls(sourceCode, bytes);
  const classify = (ref: TSESTree.Node): void => {
    const call = callUsing(ref);
    // `crypto_secretbox_keygen(key)` filling a fresh allocation is where the key comes from, not a use of it.
    if (!call || wipes.has(call) || call === bytes.producer) return;
    if (!isHandOverToSafeForm(sourceCode, call)) {
      using.add(call);
      // A callback that an array method runs on the spot (`notes.map((n) => seal(key, n))`) throws through that call.
      const iteration = iterationCallRunning(call, bytes.scope);
      if (iteration) using.add(iteration);
      return;
    }
    // A view handed straight to another call (`createCipheriv(alg, Buffer.from(okm), iv)` of an ArrayBuffer,
    // `createHmac('sha256', key.subarray(32))`) is the key itself in that call.
    if (isViewOfKey(call, ref, bytes.arrayBuffer) && callUsing(call)) classify(call);
    // A copy no binding keeps, encoded on the spot and handed on (`storage.set(id, Buffer.from(key).toString('base64'))`):
    // the call it goes to works with the key's bytes while the key exists, like a use of the key.
    else if (encodedCopyUse(call)) classify(encodedCopyUse(call)!);
    // A copy no binding keeps, handed straight to a call that uses it as a key (`openWithKey(Buffer.from(plaintext), …)`):
    // that call works with the key's bytes and can throw, like a use of the key itself.
    else if (unboundCopyUsedAsKey(sourceCode, ref, call)) classify(call);
    else handOvers.add(call);
  };
  for (const ref of [...refs.bytes, ...refs.holders]) {
    classify(ref);
    // `const messageKey = okm.subarray(0, 32)`: the named view is the key's memory, its uses are uses of the key.
    for (const read of boundViewReads(sourceCode, ref)) classify(read);
  }
  const madeFromKey = (call: ApiCall | undefined): boolean => {
    for (let c = call; c; c = c.receiver) if (using.has(c.node)) return true;
    return false;
  };
  for (const call of getApiCalls(sourceCode)) if (call.receiver && madeFromKey(call.receiver)) using.add(call.node);
  return { uses: using, handOvers };
}

/**
 * Copies, imports and derivations (`Buffer.from(key)`, `new Uint8Array(key)`,
 * `createSecretKey(raw)`, `subtle.importKey('raw', raw, …)`, `hkdfSync(d, key, …)`, a raw SHA-256 digest) move the bytes
 * into another buffer or a KeyObject/CryptoKey: they do no work that can fail
 * half-way with the secret in use, so a wipe right after them is not a
 * happy-path-only wipe.
 */
function isHandOverToSafeForm(sourceCode: SourceCode, call: TSESTree.Node): boolean {
  if (call.type !== 'CallExpression' && call.type !== 'NewExpression') return false;
  const api = apiCallAt(sourceCode, call);
  // A KDF reading the key (`hkdfSync('sha256', shared, salt, info, 32)`) derives into a buffer of its own, like an import.
  // So does hashing it into a key of its own (`createHash('sha256').update(shared).digest()`).
  if (api) return api.api.operation === 'key-import' || api.api.operation === 'kdf' || (api.api.operation === 'hash' && (api.api.facts?.digestBytes === true || rawDigestOf(call) !== undefined || isRawDigestCall(call)));
  const callee = call.callee;
  if (call.type === 'NewExpression') return callee.type === 'Identifier' && COPYING_CONSTRUCTORS.test(callee.name);
  if (callee.type === 'Identifier' && callee.name === 'structuredClone') return true;
  if (callee.type === 'Identifier' && derivingHelper(sourceCode, callee)) return true;
  if (callee.type !== 'MemberExpression') return false;
  // `key.subarray(0, 32)`, `bits.slice(32)`: a view or a copy of the bytes, nothing that fails half-way.
  if (VIEW_METHODS.test(memberName(callee) ?? '') && call.arguments.every((a) => a.type !== 'SpreadElement')) return true;
  // `seed.toString('hex')` for a library that takes hex (ed25519-hd-key's `derivePath(path, seedHex)`): a copy into a
  // string (reported in strict as a conversion), nothing that fails half-way with the bytes in use.
  if (memberName(callee) === 'toString' && call.arguments.length <= 1 && call.arguments.every((a) => a.type === 'Literal')) return true;
  // `Uint8Array.from(key)`, `Uint8Array.of(...key)`
  if (callee.object.type === 'Identifier' && TYPED_ARRAY_NAMES.test(callee.object.name) && /^(?:from|of)$/.test(memberName(callee) ?? '')) return true;
  return callee.object.type === 'Identifier' && callee.object.name === 'Buffer' && /^(?:from|copyBytesFrom|concat)$/.test(memberName(callee) ?? '');
}

const VIEW_METHODS = /^(?:subarray|slice)$/;

/** The raw `.digest()` of a hash chain itself (`….update(secret).digest().subarray(0, 16)`): the digest's bytes, no encoding. */
function isRawDigestCall(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  return call.type === 'CallExpression' && call.arguments.length === 0 && call.callee.type === 'MemberExpression' && memberName(call.callee) === 'digest';
}

/** `Buffer.from(key)`, `Uint8Array.from(key)`, `new Uint8Array(key)` (the copy of `ref`) as an argument of a call that uses it as a key. */
function unboundCopyUsedAsKey(sourceCode: SourceCode, ref: TSESTree.Node, copy: TSESTree.Node): boolean {
  if (copy !== ref.parent || !isCopyOf(ref)) return false;
  const outer = callUsing(copy);
  return (outer?.type === 'CallExpression' || outer?.type === 'NewExpression') && outer.arguments.includes(copy as TSESTree.CallExpressionArgument) && argumentUsedAsKey(sourceCode, outer, copy);
}

/**
 * A local helper whose body returns a derivation or copy of its arguments and does nothing else
 * (`function hkdf(salt, ikm, info, n) { return Buffer.from(hkdfSync('sha256', ikm, salt, info, n)); }`, RFC 8291's
 * key schedule written as a helper): calling it hands the key over like the `hkdfSync` it wraps. `const` lines before
 * the `return` count when all they call is as safe (ISO 15118's ConcatKDF builds its counter and other-info blocks so).
 */
function derivingHelper(sourceCode: SourceCode, callee: TSESTree.Identifier, depth = 0): boolean {
  const fn = localFunctionOf(sourceCode, callee);
  if (!fn || fn.async || fn.generator || depth > 2) return false;
  const body = fn.body.type === 'BlockStatement' ? fn.body.body : undefined;
  const last = body?.[body.length - 1];
  if (body && (last?.type !== 'ReturnStatement' || !body.slice(0, -1).every(isConstantDeclaration))) return false;
  const returned = body ? (last as TSESTree.ReturnStatement).argument : fn.body;
  const value = returned && unwrapExpression(returned);
  if (!value || (value.type !== 'CallExpression' && value.type !== 'NewExpression')) return false;
  // The `const` lines before the return (ConcatKDF's counter and other-info blocks) count with the returned value.
  const calls = [value, ...(body?.slice(0, -1) ?? [])].flatMap((node) => [...descendants(node, (n) => n.type.includes('Function'))]).filter(
    (n): n is TSESTree.CallExpression | TSESTree.NewExpression => n.type === 'CallExpression' || n.type === 'NewExpression',
  );
  return calls.every((c) => {
    if (c.callee.type === 'Identifier' && c.type === 'CallExpression' && localFunctionOf(sourceCode, c.callee)) return derivingHelper(sourceCode, c.callee, depth + 1);
    return isHandOverToSafeForm(sourceCode, c);
  });
}

/** `const otherInfo = Buffer.from([0x01, 0x55, 0x56]);`: a `const` whose every declarator is initialised. */
function isConstantDeclaration(statement: TSESTree.Statement): boolean {
  return statement.type === 'VariableDeclaration' && statement.kind === 'const' && statement.declarations.every((d) => d.init !== null);
}

/**
 * `Buffer.from(key).toString('base64')` (or `'hex'`, `toJSON()`) with no binding: the encoding of the fresh copy, whose
 * text then goes wherever the expression goes. Returned so that the call taking that text counts as a use.
 */
function encodedCopyUse(copy: TSESTree.Node): TSESTree.Node | undefined {
  const member = copy.parent;
  if (member?.type !== 'MemberExpression' || member.object !== copy || !/^(?:toString|toJSON)$/.test(memberName(member) ?? '')) return undefined;
  const encode = member.parent;
  return encode?.type === 'CallExpression' && encode.callee === member ? encode : undefined;
}

/**
 * A view sharing the key's memory: `key.subarray(…)`, and of an ArrayBuffer `Buffer.from(ab)`,
 * `new Uint8Array(ab)` and `new DataView(ab)` (decision 61: views, not copies).
 */
function isViewOfKey(call: TSESTree.Node, ref: TSESTree.Node, arrayBuffer: boolean): boolean {
  if (call.type === 'CallExpression' && call.callee.type === 'MemberExpression' && call.callee.object === ref) return memberName(call.callee) === 'subarray';
  if (!arrayBuffer || (call.type !== 'CallExpression' && call.type !== 'NewExpression') || call.arguments[0] !== ref) return false;
  const callee = call.callee;
  if (call.type === 'NewExpression') return callee.type === 'Identifier' && (TYPED_ARRAY_NAMES.test(callee.name) || callee.name === 'DataView');
  return isStaticCall(call, 'Buffer', 'from');
}

/** Array methods that call their callback before they return. */
const ITERATION_METHODS = /^(?:map|flatMap|forEach|filter|reduce|reduceRight|some|every|find|findIndex|findLast|findLastIndex|sort)$/;

/**
 * The array-method call (`items.map(cb)`) of the key's own function whose inline callback holds `use`:
 * the callback runs during that call, so an exception in it leaves through that call.
 */
function iterationCallRunning(use: TSESTree.Node, keyScope: TSESTree.Node): TSESTree.Node | undefined {
  let fn = enclosingFunction(use);
  while (fn && fn !== keyScope) {
    const call = fn.parent;
    if (call?.type !== 'CallExpression' || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return undefined;
    if (call.callee.type !== 'MemberExpression' || !ITERATION_METHODS.test(memberName(call.callee) ?? '')) return undefined;
    if (enclosingFunction(call) === keyScope) return call;
    fn = enclosingFunction(call);
  }
  return undefined;
}

/** The call that takes `ref` as an argument (through object/array literals and spreads) or as its receiver. */
function callUsing(ref: TSESTree.Node): TSESTree.Node | undefined {
  let node = ref;
  for (let parent = node.parent; parent; node = parent, parent = parent.parent) {
    if ((parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.arguments.includes(node as TSESTree.CallExpressionArgument)) return parent;
    if (parent.type === 'MemberExpression' && parent.object === node) {
      const call = parent.parent;
      return call?.type === 'CallExpression' && call.callee === parent ? call : undefined;
    }
    const carries =
      (parent.type === 'Property' && parent.value === node) ||
      parent.type === 'ObjectExpression' ||
      parent.type === 'ArrayExpression' ||
      parent.type === 'SpreadElement' ||
      parent.type === 'TSAsExpression' ||
      parent.type === 'TSNonNullExpression' ||
      parent.type === 'ChainExpression';
    if (!carries) return undefined;
  }
  return undefined;
}

const analysing = new WeakSet<TSESTree.Node>();

/**
 * `makeReader(rxKey)` where the local `makeReader` returns closures that use its parameter
 * (`return { read(f) { … rxKey … } }`): the result carries the key, as a returned closure would.
 */
function keptByReturnedClosure(sourceCode: SourceCode, call: TSESTree.CallExpression, arg: TSESTree.Node): boolean {
  if (!call.arguments.includes(arg as TSESTree.CallExpressionArgument) || apiCallAt(sourceCode, call)) return false;
  const fn = localFunctionOf(sourceCode, call.callee);
  if (!fn || analysing.has(fn)) return false; // a recursive helper is not followed again
  analysing.add(fn);
  try {
    for (const [param, value] of parameterBindings(fn, call)) {
      if (value !== arg) continue;
      const variable = variableOf(sourceCode, param);
      return (variable?.references ?? []).some((r) => {
        if (!r.isRead()) return false;
        const escape = escapingClosure(sourceCode, r.identifier as TSESTree.Node, fn);
        return escape?.type === 'ReturnStatement' || escape?.type === 'ArrowFunctionExpression';
      });
    }
    return false;
  } finally {
    analysing.delete(fn);
  }
}

/**
 * `ok({ plaintext: key })` of a local helper that returns its argument inside what it builds
 * (`const ok = (value) => ({ ok: true, value })`): the call's result carries the key on.
 */
function wrapsArgument(sourceCode: SourceCode, call: TSESTree.CallExpression, arg: TSESTree.Node): boolean {
  const fn = localFunctionOf(sourceCode, call.callee);
  const index = call.arguments.indexOf(arg as TSESTree.Expression);
  const raw = fn && index >= 0 ? fn.params[index] : undefined;
  const param = raw?.type === 'AssignmentPattern' ? raw.left : raw;
  if (!fn || param?.type !== 'Identifier') return false;
  const variable = variableOf(sourceCode, param);
  const returned = variable ? returnedExpressions(fn) : undefined;
  return !!returned?.some((expr) => holdsAsIs(sourceCode, expr, variable!));
}

/** `value`, `{ ok: true, value }`, `[value, meta]`: the expression is the variable's value or a literal holding it unchanged (not `f(value)`). */
function holdsAsIs(sourceCode: SourceCode, raw: TSESTree.Node, variable: TSESLint.Scope.Variable): boolean {
  const node = unwrapExpression(raw);
  if (node.type === 'Identifier') return variableOf(sourceCode, node) === variable;
  if (node.type === 'ObjectExpression') return node.properties.some((p) => (p.type === 'Property' ? holdsAsIs(sourceCode, p.value, variable) : holdsAsIs(sourceCode, p.argument, variable)));
  if (node.type === 'ArrayExpression') return node.elements.some((e) => !!e && holdsAsIs(sourceCode, e.type === 'SpreadElement' ? e.argument : e, variable));
  return false;
}

/** `open.bind(null, key)`: the bound function holds its bound arguments as long as it lives, like a closure over them. */
function isBoundArgument(call: TSESTree.CallExpression, arg: TSESTree.Node): boolean {
  const callee = unwrapExpression(call.callee);
  return callee.type === 'MemberExpression' && memberName(callee) === 'bind' && call.arguments.indexOf(arg as TSESTree.CallExpressionArgument) >= 1;
}

/** `Buffer.from(buf)` / `new Uint8Array(buf)`: of an ArrayBuffer, a view of its memory. */
function isViewOfArrayBuffer(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = call.callee;
  if (call.type === 'NewExpression') return callee.type === 'Identifier' && /^(?:Uint8Array|DataView)$/.test(callee.name);
  return isStaticCall(call, 'Buffer', 'from');
}

/**
 * `new Uint8Array(key)` is a view of the same memory: wiping it wipes the key. So is a view over the
 * key's `.buffer` that starts where the key does (`new Uint8Array(key.buffer)`, `new Uint8Array(key.buffer,
 * key.byteOffset, key.byteLength)`).
 */
function viewOf(ref: TSESTree.Node): TSESTree.Node {
  const parent = ref.parent;
  if (parent?.type === 'MemberExpression' && parent.object === ref && memberName(parent) === 'buffer') {
    const view = bufferViewOf(parent);
    const offset = view?.arguments[1];
    const sameStart = offset === undefined || (offset.type === 'MemberExpression' && memberName(offset) === 'byteOffset' && sameName(offset.object, ref));
    return view?.type === 'NewExpression' && sameStart ? view : ref;
  }
  if (parent?.type === 'NewExpression' && parent.arguments[0] === ref && parent.callee.type === 'Identifier' && /^(?:Uint8Array|Uint32Array|DataView)$/.test(parent.callee.name)) return parent;
  return ref;
}

const COPYING_CONSTRUCTORS = /^(?:Uint8Array|Int8Array|Uint8ClampedArray|Uint16Array|Uint32Array|DataView|ArrayBuffer|Error|TypeError|RangeError|Date|Map|Set|TextDecoder|Blob|URL)$/;

/**
 * Where the bytes deliberately leave the function: returned, yielded, stored
 * on `this`/an outer object/a cache, given to a callback or `resolve`, handed
 * to something that keeps it. Undefined when they stay.
 */
export function escapeOf(sourceCode: SourceCode, bytes: KeyBytes): TSESTree.Node | undefined {
  return escapesOf(sourceCode, bytes)[0];
}

/** Every place where the bytes leave the function (see escapeOf). */
export function escapesOf(sourceCode: SourceCode, bytes: KeyBytes): TSESTree.Node[] {
  const refs = keyReferences(sourceCode, bytes);
  const found: TSESTree.Node[] = [];
  // `let sessionKey; … ws.on('message', () => { sessionKey = deriveKey(…); })`: assigned from a nested
  // function, the key lives in the enclosing function's closure state (a connection's, a test suite's),
  // like a field: it outlives the function that made it, and its wipe belongs to whoever ends that state.
  if (bytes.definition.type === 'AssignmentExpression' && enclosingFunction(bytes.definition) !== bytes.scope) found.push(bytes.definition);
  const connection = wipedWhenEmitterEnds(sourceCode, bytes, refs.bytes);
  if (connection) found.push(connection);
  for (const ref of [...refs.bytes, ...refs.holders]) {
    // A closure that only wipes the key (`setImmediate(() => key.fill(0))`) does not keep it for use:
    // it is a deferred wipe, judged as one (it does not run when a use throws first).
    const escape = escapes(sourceCode, ref, bytes.scope, 0, bytes.arrayBuffer) ?? (wipeOf(sourceCode, ref) ? undefined : escapingClosure(sourceCode, ref, bytes.scope, bytes.arrayBuffer));
    if (escape && !found.includes(escape)) found.push(escape);
  }
  return found;
}

const LISTENER_METHODS = /^(?:on|once|addListener|prependListener|addEventListener)$/;
/** Events after which an emitter (a socket, a stream, a worker) is done: its listeners run no more. */
const END_EVENTS: ReadonlySet<string> = new Set(['close', 'end', 'finish', 'disconnect', 'exit']);

/** A method named for one event, taking the listener alone: `link.onClose(fn)`, `channel.onMessage(fn)`. */
const EVENT_METHOD = /^on([A-Z]\w*)$/;

/**
 * `emitter.on(event, fn)` (or `emitter.onClose(fn)`, the event named by the method) registered in `scope` with `fn`
 * as the listener: the emitter and the event.
 */
function listenerRegistration(fn: TSESTree.Node, scope: TSESTree.Node): { emitter: TSESTree.Node; event: unknown; call: TSESTree.CallExpression } | undefined {
  const call = fn.parent;
  if (call?.type !== 'CallExpression' || call.callee.type !== 'MemberExpression' || enclosingFunction(call) !== scope) return undefined;
  const method = memberName(call.callee) ?? '';
  const emitter = unwrapExpression(call.callee.object);
  if (LISTENER_METHODS.test(method) && call.arguments[1] === fn) {
    const event = call.arguments[0];
    return { emitter, event: event?.type === 'Literal' ? event.value : undefined, call };
  }
  const named = EVENT_METHOD.exec(method);
  if (named && call.arguments.length === 1 && call.arguments[0] === fn) return { emitter, event: named[1].charAt(0).toLowerCase() + named[1].slice(1), call };
  return undefined;
}

/**
 * `const shared = box.before(peer, sk); socket.on('message', () => …shared…); socket.on('close', () => shared.fill(0))`:
 * a key the emitter's listeners use and its end listener wipes lives as long as the emitter (a connection), like a
 * key stored outside the function (decision 31). The end listener's registration is where it leaves the function.
 */
function wipedWhenEmitterEnds(sourceCode: SourceCode, bytes: KeyBytes, refs: readonly TSESTree.Node[]): TSESTree.Node | undefined {
  for (const ref of refs) {
    const wipe = wipeOf(sourceCode, ref);
    const listener = wipe && enclosingFunction(wipe);
    const ending = listener && listener !== bytes.scope ? listenerRegistration(listener, bytes.scope) : undefined;
    if (!ending || typeof ending.event !== 'string' || !END_EVENTS.has(ending.event)) continue;
    const usedByListener = refs.some((other) => {
      const fn = enclosingFunction(other);
      const registration = fn && fn !== listener && fn !== bytes.scope ? listenerRegistration(fn, bytes.scope) : undefined;
      return registration !== undefined && sameName(registration.emitter, ending.emitter);
    });
    if (usedByListener) return ending.call;
  }
  return undefined;
}

/** A closure that captures the key and itself leaves the function (`return { seal(d) { …key… } }`) keeps the key alive. */
function escapingClosure(sourceCode: SourceCode, ref: TSESTree.Node, scope: TSESTree.Node, views = false, depth = 0): TSESTree.Node | undefined {
  let closure: TSESTree.Node | undefined;
  // A `new Promise((resolve, reject) => …)` executor runs at once and is not kept: the closures inside it are what may leave.
  for (let fn = enclosingFunction(ref); fn && fn !== scope; fn = enclosingFunction(fn)) if (!isPromiseExecutor(fn)) closure = fn;
  if (!closure || closure.type === 'Program') return undefined;
  if (closure.type === 'FunctionDeclaration') return escapingDeclaredFunction(sourceCode, closure, scope, views);
  // `const bind = (v) => …key…`: the closure leaves wherever the binding that holds it is read from.
  const declarator = closure.parent;
  if (declarator?.type === 'VariableDeclarator' && declarator.init === closure && declarator.id.type === 'Identifier') {
    const holder = variableOf(sourceCode, declarator.id);
    return holder && depth < 2 ? escapeThroughReads(sourceCode, holder, scope, depth, views) : undefined;
  }
  return escapes(sourceCode, closure, scope, depth, views);
}

/**
 * `function openShared() { …key… }` declared in the key's own function and handed out by name
 * (`return { sealItem, openShared }`): the key leaves with it, as with a returned function expression.
 */
function escapingDeclaredFunction(sourceCode: SourceCode, fn: TSESTree.FunctionDeclaration, scope: TSESTree.Node, views: boolean): TSESTree.Node | undefined {
  if (!fn.id || enclosingFunction(fn) !== scope) return undefined;
  for (const r of variableOf(sourceCode, fn.id)?.references ?? []) {
    const escape = r.isRead() ? escapes(sourceCode, r.identifier as TSESTree.Node, scope, 0, views) : undefined;
    if (escape) return escape;
  }
  return undefined;
}

/**
 * Where `ref` leaves `scope` (see escapeOf). `views`: the key is an ArrayBuffer, so `Buffer.from(ref)` and
 * `new Uint8Array(ref)` are views of its memory and carry it along (of a Buffer they would be copies).
 */
function escapes(sourceCode: SourceCode, ref: TSESTree.Node, scope: TSESTree.Node, depth: number, views = false): TSESTree.Node | undefined {
  let node = ref;
  // Climb through containers that carry the reference along.
  for (;;) {
    const parent = node.parent;
    if (!parent) return undefined;
    // `const [enc, mac] = [okm.subarray(0, 32), okm.subarray(32)]`: the element's binding carries it on.
    const element = destructuredElement(sourceCode, parent, node);
    if (element) return depth <= 2 ? escapeThroughReads(sourceCode, element, scope, depth, views) : undefined;
    const carries =
      (views && (parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.arguments[0] === node && isViewOfArrayBuffer(parent)) ||
      (parent.type === 'CallExpression' && keptByReturnedClosure(sourceCode, parent, node)) ||
      (parent.type === 'CallExpression' && isBoundArgument(parent, node)) ||
      (parent.type === 'CallExpression' && wrapsArgument(sourceCode, parent, node)) ||
      (parent.type === 'Property' && parent.value === node) ||
      parent.type === 'ObjectExpression' ||
      parent.type === 'ArrayExpression' ||
      parent.type === 'SpreadElement' ||
      (parent.type === 'ConditionalExpression' && parent.test !== node) ||
      parent.type === 'LogicalExpression' ||
      parent.type === 'AwaitExpression' ||
      parent.type === 'TSAsExpression' ||
      parent.type === 'TSNonNullExpression' ||
      parent.type === 'SequenceExpression' ||
      // `new Uint8Array(key.buffer, key.byteOffset, key.byteLength)`: a view over the key's own memory.
      bufferViewOf(parent) !== undefined;
    if (!carries) {
      // `okm.subarray(0, 32)`: a view over the key's own memory, which carries the key wherever it goes.
      const view = subarrayViewOf(node);
      if (!view) break;
      node = view;
      continue;
    }
    if (bufferViewOf(parent)) {
      node = bufferViewOf(parent)!;
      continue;
    }
    node = parent;
  }
  const parent = node.parent;
  if (!parent) return undefined;
  switch (parent.type) {
    case 'ReturnStatement':
    case 'YieldExpression':
    case 'ExportDefaultDeclaration':
    case 'PropertyDefinition':
      return parent;
    case 'ArrowFunctionExpression':
      return parent.body === node ? parent : undefined;
    case 'AssignmentExpression': {
      if (parent.right !== node) return undefined;
      if (parent.left.type === 'MemberExpression') return parent; // this.key = …, cache[id] = …, module.exports = …
      if (parent.left.type === 'Identifier') {
        const variable = variableOf(sourceCode, parent.left);
        const declaredIn = variable?.identifiers[0] && enclosingFunction(variable.identifiers[0]);
        if (!variable || declaredIn !== scope) return parent; // an outer variable
        // `entry = { key, loadedAt }` into a local `let`: the holder carries the key wherever it goes (`cache.set(id, entry)`).
        if (node !== ref && depth <= 2) return escapeThroughReads(sourceCode, variable, scope, depth, views);
      }
      return undefined;
    }
    case 'VariableDeclarator': {
      // `const bundle = { key, iv }`: the bundle carries the key.
      if (parent.init !== node || node === ref || parent.id.type !== 'Identifier' || depth > 2) return undefined;
      const variable = variableOf(sourceCode, parent.id);
      return variable ? escapeThroughReads(sourceCode, variable, scope, depth, views) : undefined;
    }
    case 'CallExpression':
    case 'NewExpression': {
      if (!parent.arguments.includes(node as TSESTree.Expression)) return undefined;
      const api = apiCallAt(sourceCode, parent);
      // Modelled crypto APIs copy what they need; a registered plugin (`app.register(fastifyJwt, { secret })`)
      // keeps its options for the server's lifetime.
      if (api) return api.api.facts?.plugin === true ? parent : undefined;
      const callee = parent.callee;
      if (parent.type === 'NewExpression') {
        // `new Worker(file, { workerData: { key } })` clones workerData: only a buffer in `transferList` leaves this thread.
        if (callee.type === 'Identifier' && callee.name === 'Worker' && parent.arguments[1] === node) return transfers(sourceCode, parent, ref, 'transferList') ? parent : undefined;
        if (isSdkRequestCommand(sourceCode, parent)) return undefined;
        if (callee.type === 'Identifier' && COPYING_CONSTRUCTORS.test(callee.name)) return undefined;
        if (!views && constructorOnlyCopies(sourceCode, parent, node)) return undefined;
        // `new FieldCipher(key).open(sealed)`: an object made for one call and dropped keeps the key only as long as
        // that call; nobody can dispose of it later, so the key leaves only if the call's result does.
        const call = methodCallOnTemporary(parent);
        return call ? escapes(sourceCode, call, scope, depth + 1, views) : parent;
      }
      if (callee.type === 'MemberExpression') {
        const name = memberName(callee);
        // A message is cloned: only a buffer in the transfer list leaves this thread (detached here).
        if (name === 'postMessage') return transfers(sourceCode, parent, ref) ? parent : undefined;
        if (name && STORING_METHODS.has(name) && localContainerOf(sourceCode, node, scope)) return undefined;
        return name && RETAINING_METHODS.has(name) ? parent : undefined;
      }
      if (callee.type === 'Identifier') {
        // `structuredClone(key)` copies; `structuredClone(key, { transfer: [key.buffer] })` moves the memory.
        if (callee.name === 'structuredClone') return transfers(sourceCode, parent, ref) ? parent : undefined;
        if (RETAINING_FUNCTIONS.has(callee.name)) return parent;
        // A callback the caller gave us, `cb(null, key)`, hands the key on; `wrap(key)` whose
        // result we keep is a transformation, not a hand-over.
        const variable = variableOf(sourceCode, callee);
        if (variable && isStateSetter(variable)) return parent;
        if (variable?.defs[0]?.type === 'Parameter' && resultIsHandedOn(parent) && !readAfterCall(sourceCode, node, parent, scope)) return parent;
        // `call({ key }, [key.buffer])` with a local `call(msg, transfer)` that does `worker.postMessage(msg, transfer)`.
        const helper = localFunctionOf(sourceCode, callee);
        if (helper && postsWithTransferParameter(helper) && transfers(sourceCode, parent, ref)) return parent;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** A local helper that posts a message with one of its later parameters as the transfer list: `postMessage(msg, transfer)`. */
function postsWithTransferParameter(helper: TSESTree.Node): boolean {
  if (!('params' in helper)) return false;
  const names = new Set(
    (helper.params as TSESTree.Parameter[])
      .slice(1)
      .map((p) => (p.type === 'AssignmentPattern' ? p.left : p))
      .flatMap((p) => (p.type === 'Identifier' ? [p.name] : [])),
  );
  if (names.size === 0) return false;
  for (const node of descendants(helper)) {
    if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || memberName(node.callee) !== 'postMessage') continue;
    const list = node.arguments[1];
    if (list?.type === 'Identifier' && names.has(list.name)) return true;
  }
  return false;
}

/**
 * `await flash(imei, deviceKey); const kcv = hmac(deviceKey, …)`: a callback the caller gave us that gets the key and
 * after which this function still works with the key itself borrowed it for a step (a worker callback, a per-item
 * hook); the key stays this function's to wipe. A completion callback, `cb(null, key)`, is the last thing done with it.
 */
function readAfterCall(sourceCode: SourceCode, ref: TSESTree.Node, call: TSESTree.CallExpression, scope: TSESTree.Node): boolean {
  if (ref.type !== 'Identifier') return false;
  const variable = variableOf(sourceCode, ref);
  return (variable?.references ?? []).some((r) => {
    const id = r.identifier as TSESTree.Node;
    return r.isRead() && id.range[0] > call.range[1] && enclosingFunction(id) === scope && !wipeOf(sourceCode, id);
  });
}

/** `setRawKey` of `const [rawKey, setRawKey] = useState(…)` (or `React.useState`): the setter of component state. */
function isStateSetter(variable: TSESLint.Scope.Variable): boolean {
  const def = variable.defs[0];
  if (def?.type !== 'Variable' || def.node.id.type !== 'ArrayPattern' || def.node.id.elements[1] !== def.name) return false;
  const init = def.node.init && unwrapExpression(def.node.init);
  if (init?.type !== 'CallExpression') return false;
  const hook = init.callee.type === 'MemberExpression' ? memberName(init.callee) : init.callee.type === 'Identifier' ? init.callee.name : undefined;
  return hook !== undefined && STATE_HOOKS.has(hook);
}

/** Where a local holder of the key (`const bundle = { key, iv }`) leaves `scope`, through any of its reads. */
function escapeThroughReads(sourceCode: SourceCode, holder: TSESLint.Scope.Variable, scope: TSESTree.Node, depth: number, views: boolean): TSESTree.Node | undefined {
  for (const r of holder.references) {
    if (!r.isRead()) continue;
    const read = r.identifier as TSESTree.Node;
    // `const bind = (v) => hmac(nameKey, v)` called from the methods of the returned codec: a closure that
    // reads the holder carries what the holder carries.
    const escape = escapes(sourceCode, read, scope, depth + 1, views) ?? (depth < 2 ? escapingClosure(sourceCode, read, scope, views, depth + 1) : undefined);
    if (escape) return escape;
  }
  return undefined;
}

/** The method call made directly on a constructed object that is not kept: `new X(key).seal(data)`. */
function methodCallOnTemporary(construct: TSESTree.NewExpression): TSESTree.CallExpression | undefined {
  const member = construct.parent;
  if (member?.type !== 'MemberExpression' || member.object !== construct) return undefined;
  return member.parent?.type === 'CallExpression' && member.parent.callee === member ? member.parent : undefined;
}

/**
 * `new PutItemCommand({ Item: { dek: { B: key } } })`: an AWS SDK v3 command describes one request, which
 * `client.send` serialises; it keeps nothing once sent, so the caller still holds the only copy to wipe
 * (where the request sends the key is no-plaintext-data-key-exposure's question).
 */
function isSdkRequestCommand(sourceCode: SourceCode, node: TSESTree.NewExpression): boolean {
  const path = resolveImportPath(sourceCode, node.callee);
  const name = path?.path[path.path.length - 1];
  return path?.module !== undefined && path.module.startsWith('@aws-sdk/') && name !== undefined && name.endsWith('Command');
}

/**
 * `new ReportKeys(encKey, macKey)` of a class declared in this file whose constructor only copies that parameter
 * (`this.#enc = Buffer.from(enc)`): the object keeps its own copy, and whatever it does with it (a `dispose()` that
 * wipes it) says nothing of the caller's buffer, which is still the caller's to wipe (decision 39, the copy made
 * inside the constructor instead of at the call).
 */
function constructorOnlyCopies(sourceCode: SourceCode, construct: TSESTree.NewExpression, arg: TSESTree.Node): boolean {
  const index = construct.arguments.indexOf(arg as TSESTree.CallExpressionArgument);
  const def = construct.callee.type === 'Identifier' ? variableOf(sourceCode, construct.callee)?.defs[0] : undefined;
  if (index < 0 || def?.type !== 'ClassName' || (def.node.type !== 'ClassDeclaration' && def.node.type !== 'ClassExpression')) return false;
  const param = classConstructor(def.node)?.params[index];
  const variable = param?.type === 'Identifier' ? variableOf(sourceCode, param) : undefined;
  const reads = variable?.references.filter((r) => r.isRead()) ?? [];
  return reads.length > 0 && reads.every((r) => isCopyOf(r.identifier as TSESTree.Node));
}

/** `Buffer.from(x)`, `Buffer.copyBytesFrom(x)`, `Uint8Array.from(x)`, `new Uint8Array(x)`: a fresh buffer holding `x`'s bytes. */
function isCopyOf(node: TSESTree.Node): boolean {
  const call = node.parent;
  if ((call?.type !== 'CallExpression' && call?.type !== 'NewExpression') || call.arguments[0] !== node) return false;
  const callee = call.callee;
  if (call.type === 'NewExpression') return callee.type === 'Identifier' && TYPED_ARRAY_NAMES.test(callee.name);
  if (callee.type !== 'MemberExpression' || callee.object.type !== 'Identifier') return false;
  const method = memberName(callee) ?? '';
  return (callee.object.name === 'Buffer' && /^(?:from|copyBytesFrom)$/.test(method)) || (TYPED_ARRAY_NAMES.test(callee.object.name) && method === 'from');
}

/** Two identifiers of the same name (`key.buffer, key.byteOffset`). */
function sameName(a: TSESTree.Node, b: TSESTree.Node): boolean {
  return a.type === 'Identifier' && b.type === 'Identifier' && a.name === b.name;
}

/**
 * The reads of a `const` bound to a `subarray` view of `ref` (`const messageKey = okm.subarray(0, 32)`), also of a
 * view of that view, except its own wipes (`messageKey.fill(0)`): the calls that take the view use the key (decision 18,
 * a view is the key's memory). A `Buffer.from(okm.subarray(32))` copy is not followed: it is a hand-over.
 */
function boundViewReads(sourceCode: SourceCode, ref: TSESTree.Node, depth = 0): TSESTree.Node[] {
  const view = subarrayViewOf(ref);
  const id = view && viewBinding(view);
  if (!id) return [];
  const variable = variableOf(sourceCode, id);
  if (!variable || variable.references.some((r) => r.isWrite() && r.identifier !== id)) return [];
  const reads = variable.references
    .filter((r) => r.isRead())
    .map((r) => r.identifier as TSESTree.Node)
    .filter((read) => !(read.parent?.type === 'MemberExpression' && read.parent.object === read && memberName(read.parent) === 'fill'));
  return depth < 2 ? [...reads, ...reads.flatMap((read) => boundViewReads(sourceCode, read, depth + 1))] : reads;
}

/** The identifier `node` is bound to when `parent` is an array literal destructured in place (`const [a, b] = [x, y]`). */
function destructuredIdentifier(parent: TSESTree.Node, node: TSESTree.Node): TSESTree.Identifier | undefined {
  if (parent.type !== 'ArrayExpression') return undefined;
  const declarator = parent.parent;
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== parent || declarator.id.type !== 'ArrayPattern') return undefined;
  const element = declarator.id.elements[parent.elements.indexOf(node as TSESTree.Expression)];
  return element?.type === 'Identifier' ? element : undefined;
}

/** The variable of `destructuredIdentifier`. */
function destructuredElement(sourceCode: SourceCode, parent: TSESTree.Node, node: TSESTree.Node): TSESLint.Scope.Variable | undefined {
  const element = destructuredIdentifier(parent, node);
  return element && variableOf(sourceCode, element);
}

/**
 * The binding a view is declared with: `const half = okm.subarray(32)`, or an element of an array literal destructured
 * in place (`const [enc, mac] = [okm.subarray(0, 32), okm.subarray(32)]`).
 */
function viewBinding(view: TSESTree.CallExpression): TSESTree.Identifier | undefined {
  const parent = view.parent;
  if (parent?.type === 'VariableDeclarator' && parent.init === view) return parent.id.type === 'Identifier' ? parent.id : undefined;
  return parent && destructuredIdentifier(parent, view);
}

/** `node.subarray(…)`: a view sharing `node`'s memory (not `slice`, which copies a Uint8Array). */
function subarrayViewOf(node: TSESTree.Node): TSESTree.CallExpression | undefined {
  const member = node.parent;
  if (member?.type !== 'MemberExpression' || member.object !== node || memberName(member) !== 'subarray') return undefined;
  return member.parent?.type === 'CallExpression' && member.parent.callee === member ? member.parent : undefined;
}

/** The view made over `node`'s memory when `node` is `x.buffer` in `new Uint8Array(x.buffer, …)` / `Buffer.from(x.buffer, …)`. */
function bufferViewOf(node: TSESTree.Node): TSESTree.CallExpression | TSESTree.NewExpression | undefined {
  if (node.type !== 'MemberExpression' || memberName(node) !== 'buffer') return undefined;
  const view = node.parent;
  return (view?.type === 'CallExpression' || view?.type === 'NewExpression') && view.arguments[0] === node && isViewOfArrayBuffer(view) ? view : undefined;
}

/**
 * `port.postMessage(msg, [key.buffer])` / `window.postMessage(msg, origin, [key.buffer])`:
 * the key's memory is in the transfer list (as `key` or its `.buffer`).
 */
function transfers(sourceCode: SourceCode, call: TSESTree.CallExpression | TSESTree.NewExpression, ref: TSESTree.Node, listName?: string): boolean {
  const variable = ref.type === 'Identifier' ? variableOf(sourceCode, ref) : undefined;
  if (!variable || isPooledBuffer(variable)) return false;
  const sameKey = (node: TSESTree.Node | null): boolean => {
    if (!node) return false;
    const target = node.type === 'MemberExpression' && memberName(node) === 'buffer' ? node.object : node;
    return target.type === 'Identifier' && variableOf(sourceCode, target) === variable;
  };
  return call.arguments.slice(1).some((arg) => {
    if (arg.type === 'ArrayExpression') return arg.elements.some((e) => e !== null && e.type !== 'SpreadElement' && sameKey(e));
    if (arg.type === 'ObjectExpression') {
      // `postMessage(msg, { transfer: [key.buffer] })`
      return arg.properties.some(
        (p) => p.type === 'Property' && (!listName || propertyName(p.key) === listName) && p.value.type === 'ArrayExpression' && p.value.elements.some((e) => e !== null && e.type !== 'SpreadElement' && sameKey(e)),
      );
    }
    return false;
  });
}

/** Node's `Buffer.poolSize >>> 1`: smaller `allocUnsafe`/string decodes are slices of the shared pool. */
const POOLED_BELOW = 4096;

/**
 * `Buffer.allocUnsafe(32)`, `Buffer.from(hex, 'hex')`: a small Buffer carved out of Node's shared 8 KiB pool, whose
 * ArrayBuffer Node marks as untransferable. Putting `key.buffer` in a transfer list does not move the key (recent Node
 * throws, older Node copied it): the sender still holds it and has to wipe it.
 */
function isPooledBuffer(variable: TSESLint.Scope.Variable): boolean {
  const def = variable.defs[0];
  const init = def?.type === 'Variable' && def.node.init ? unwrapExpression(def.node.init) : undefined;
  if (init?.type !== 'CallExpression' || init.callee.type !== 'MemberExpression' || init.callee.object.type !== 'Identifier' || init.callee.object.name !== 'Buffer') return false;
  const method = memberName(init.callee);
  const [first, second] = init.arguments;
  if (method === 'allocUnsafe') return first?.type === 'Literal' && typeof first.value === 'number' && first.value < POOLED_BELOW;
  // A decoded string (`Buffer.from(text, 'base64')`): the pool serves every decode that fits in it.
  return method === 'from' && second?.type === 'Literal' && typeof second.value === 'string';
}

/** The call's result is discarded or returned as is: `done(null, key);`, `return cb(key)`, `(e) => resolve(key)`. */
function resultIsHandedOn(call: TSESTree.Node): boolean {
  let node = call;
  while (node.parent && (node.parent.type === 'ConditionalExpression' || node.parent.type === 'LogicalExpression' || node.parent.type === 'AwaitExpression')) node = node.parent;
  const parent = node.parent;
  return parent?.type === 'ExpressionStatement' || parent?.type === 'ReturnStatement' || (parent?.type === 'ArrowFunctionExpression' && parent.body === node);
}

/** The other bindings destructured from the object the key's binding is destructured from (`{ Plaintext, CiphertextBlob }`). */
function responseSiblings(sourceCode: SourceCode, bytes: KeyBytes): Set<TSESLint.Scope.Variable | undefined> {
  const property = bytes.id.parent;
  const pattern = property?.type === 'Property' ? property.parent : undefined;
  const out = new Set<TSESLint.Scope.Variable | undefined>();
  if (pattern?.type !== 'ObjectPattern') return out;
  for (const p of pattern.properties) {
    if (p.type === 'Property' && p.value.type === 'Identifier' && p.value !== bytes.id) out.add(variableOf(sourceCode, p.value));
  }
  out.delete(undefined);
  return out;
}

/** `cond` in `const key = cond ? <key bytes> : null` (or `undefined`): the key exists only when `cond` holds. */
function conditionalBindingTest(bytes: KeyBytes): TSESTree.Node | undefined {
  const def = bytes.definition;
  const init = def.type === 'VariableDeclarator' && def.init ? unwrapExpression(def.init) : undefined;
  if (init?.type !== 'ConditionalExpression') return undefined;
  const other = unwrapExpression(init.alternate);
  const nullish = (other.type === 'Literal' && other.value === null) || (other.type === 'Identifier' && other.name === 'undefined');
  return nullish ? unwrapExpression(init.test) : undefined;
}

/**
 * Branches where there is nothing to wipe: `if (!key) throw …`, `if (key == null) return`,
 * and `if (err) return done(err)` (or `err ? reject(err) : …`) in the callback that receives the key;
 * and a wipe guarded by the key itself (`if (key) key.fill(0)`, no `else`): the whole `if` statement.
 */
export function absentKeyBranches(sourceCode: SourceCode, bytes: KeyBytes): Set<TSESTree.Node> {
  const branches = new Set<TSESTree.Node>();
  const refs = new Set(keyReferences(sourceCode, bytes).bytes);
  const def = bytes.definition;
  const errorParam = def.type.includes('Function') ? (def as TSESTree.FunctionLike).params[0] : undefined;
  const errorVariable = errorParam?.type === 'Identifier' && errorParam !== bytes.id ? variableOf(sourceCode, errorParam) : undefined;
  const isKey = (node: TSESTree.Node) => refs.has(node);
  // `CiphertextBlob` destructured beside `Plaintext`, or `res.CiphertextBlob` when the key is `res.Plaintext`; and `field`
  // when the key is bound as `field ? scryptSync(…) : undefined` (no field, no key).
  const siblings = responseSiblings(sourceCode, bytes);
  const chosenBy = conditionalBindingTest(bytes);
  if (chosenBy?.type === 'Identifier') siblings.add(variableOf(sourceCode, chosenBy));
  const isResponseSibling = (node: TSESTree.Node): boolean =>
    (node.type === 'Identifier' && siblings.has(variableOf(sourceCode, node))) ||
    (node.type === 'MemberExpression' && bytes.path.length > 0 && node.object.type === 'Identifier' && variableOf(sourceCode, node.object) === bytes.variable);
  // `res` in `!res` when the key is read as `res.Plaintext`: no response, no key.
  const holdsKey = (node: TSESTree.Node) =>
    node.type === 'Identifier' && [...refs].some((r) => r.type === 'MemberExpression' && r.object.type === 'Identifier' && r.object.name === node.name);
  let wipes: Set<TSESTree.Node> | undefined;
  const wipesInside = (branch: TSESTree.Node) => [...(wipes ??= wipeCalls(sourceCode, bytes))].some((w) => isWithin(w, branch));
  const isError = (node: TSESTree.Node) => node.type === 'Identifier' && !!errorVariable && variableOf(sourceCode, node) === errorVariable;
  const isNullish = (node: TSESTree.Node) => (node.type === 'Literal' && node.value === null) || (node.type === 'Identifier' && node.name === 'undefined');
  const absent = (test: TSESTree.Node): boolean => {
    if (test.type === 'UnaryExpression' && test.operator === '!') return isKey(test.argument) || holdsKey(test.argument);
    if (test.type === 'BinaryExpression' && (test.operator === '==' || test.operator === '===')) {
      return (isKey(test.left) && isNullish(test.right)) || (isKey(test.right) && isNullish(test.left as TSESTree.Node));
    }
    // `if (!key || key.length !== 32) throw …` is taken with the key present too: only a test all of whose
    // alternatives say the key is missing (`if (err || !key)`, `if (!res || !res.Plaintext)`), or that a field the same
    // response returns with it is (`if (!Plaintext || !CiphertextBlob)`: KMS sends both or neither), has nothing to wipe.
    if (test.type === 'LogicalExpression' && test.operator === '||') {
      const missing = (side: TSESTree.Node) => absent(side) || (side.type === 'UnaryExpression' && side.operator === '!' && isResponseSibling(side.argument));
      return missing(test.left) && missing(test.right) && (absent(test.left) || absent(test.right));
    }
    if (isError(test)) return true;
    if (test.type === 'BinaryExpression' && (test.operator === '!=' || test.operator === '!==')) return isError(test.left) && isNullish(test.right);
    return false;
  };
  for (const ref of [...refs, ...(errorVariable?.references.map((r) => r.identifier as TSESTree.Node) ?? [])]) {
    for (let n: TSESTree.Node | undefined = ref; n && n !== bytes.scope; n = n.parent) {
      const parent: TSESTree.Node | undefined = n.parent;
      // `if (err) return done(err)`, and `err ? reject(err) : resolve(key)` in a callback's expression body.
      if ((parent?.type === 'IfStatement' || parent?.type === 'ConditionalExpression') && parent.test === n) {
        if (absent(n)) branches.add(parent.consequent);
        // `if (dk.Plaintext) dk.Plaintext.fill(0)`: the branch it skips has nothing to wipe, so the whole `if` wipes.
        else if (parent.type === 'IfStatement' && !parent.alternate && isKey(n) && wipesInside(parent.consequent)) branches.add(parent);
        break;
      }
      if (parent?.type !== 'UnaryExpression' && parent?.type !== 'BinaryExpression' && parent?.type !== 'LogicalExpression') break;
    }
  }
  return branches;
}

/** Strict mode: expressions that copy the key into an immutable string (`key.toString('hex')`, `${key}`). */
export function stringConversions(sourceCode: SourceCode, bytes: KeyBytes): TSESTree.Node[] {
  const found: TSESTree.Node[] = [];
  for (const direct of keyReferences(sourceCode, bytes).bytes) {
    // `Buffer.from(key).toString('base64')` converts the same bytes, and so does `key.subarray(0, 32).toString('hex')`.
    const copy = direct.parent;
    const ref =
      copy?.type === 'CallExpression' && copy.arguments[0] === direct && copy.callee.type === 'MemberExpression' && memberName(copy.callee) === 'from' && !isTextEncoding(sourceCode, copy)
        ? copy
        : (subarrayViewOf(direct) ?? direct);
    const conversion = conversionOf(sourceCode, ref);
    if (conversion) found.push(conversion);
    // `b64url(key)` with `function b64url(bytes) { return btoa(String.fromCharCode(...bytes)) … }`: a helper of this file
    // that converts the parameter the key is passed as (`runJob(shard, key!)` with `env: { KEY: key.toString('hex') }`).
    else {
      const argument = climbTypeWrappers(ref);
      const call = argument.parent;
      if (call?.type === 'CallExpression' && helperConvertsArgument(sourceCode, call, call.arguments.indexOf(argument as TSESTree.CallExpressionArgument))) found.push(call);
    }
  }
  return found;
}

/** The expression that turns the bytes `ref` refers to into an immutable string, if its parent does. */
function conversionOf(sourceCode: SourceCode, ref: TSESTree.Node): TSESTree.Node | undefined {
  const parent = ref.parent;
  if (parent?.type === 'MemberExpression' && parent.object === ref && memberName(parent) === 'toString' && parent.parent?.type === 'CallExpression') return parent.parent;
  if (parent?.type === 'TemplateLiteral') return parent;
  if (parent?.type === 'CallExpression' && parent.callee.type === 'Identifier' && parent.callee.name === 'String' && parent.arguments[0] === ref) return parent;
  if (parent?.type === 'CallExpression' && parent.arguments[0] === ref && isTextDecode(sourceCode, parent)) return parent; // `new TextDecoder().decode(key)`
  if (parent?.type === 'CallExpression' && parent.arguments[0] === ref && isTextEncoding(sourceCode, parent)) return parent; // `encodeBase64(secretKey)`, `sodium.to_hex(key)`, `Array.from(key, toHex)`
  if (parent?.type === 'SpreadElement' && parent.parent?.type === 'CallExpression' && isFromCharCode(parent.parent.callee)) return parent.parent; // `btoa(String.fromCharCode(...key))`
  if (parent?.type === 'CallExpression' && parent.arguments[1] === ref && parent.callee.type === 'MemberExpression' && memberName(parent.callee) === 'apply' && isFromCharCode(parent.callee.object)) return parent; // `String.fromCharCode.apply(null, key)`
  if (parent?.type === 'BinaryExpression' && parent.operator === '+' && isStringLiteral(parent.left === ref ? parent.right : parent.left)) return parent;
  return undefined;
}

/** A call of a function of this file that converts its parameter at `index` into a string (see conversionOf). */
function helperConvertsArgument(sourceCode: SourceCode, call: TSESTree.CallExpression, index: number): boolean {
  if (index < 0 || call.arguments.slice(0, index).some((arg) => arg.type === 'SpreadElement')) return false;
  // A method of a class of this file too (`this.sseParams(key)` building `SSECustomerKey: key.toString('base64')`).
  const fn = localFunctionOf(sourceCode, call.callee) ?? localMethodOf(sourceCode, call.callee);
  const param = fn?.params[index];
  const binding = param?.type === 'TSParameterProperty' ? undefined : param;
  if (binding?.type !== 'Identifier') return false;
  const variable = variableOf(sourceCode, binding);
  return variable !== undefined && variable.references.some((r) => r.isRead() && conversionOf(sourceCode, r.identifier as TSESTree.Node) !== undefined);
}

function isFromCharCode(node: TSESTree.Node): boolean {
  return node.type === 'MemberExpression' && node.object.type === 'Identifier' && node.object.name === 'String' && memberName(node) === 'fromCharCode';
}

/** `new TextDecoder().decode(…)`, or `decoder.decode(…)` with `const decoder = new TextDecoder()`. */
function isTextDecode(sourceCode: SourceCode, call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  return callee.type === 'MemberExpression' && memberName(callee) === 'decode' && isConstructedWith(sourceCode, callee.object, 'TextDecoder');
}

function isStringLiteral(node: TSESTree.Node): boolean {
  return (node.type === 'Literal' && typeof node.value === 'string') || node.type === 'TemplateLiteral';
}
