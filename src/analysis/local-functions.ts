import type { TSESTree } from '@typescript-eslint/utils';
import { classConstructor, descendants } from './ast';
import { isFunction, type FunctionNode } from './expression-names';
import { unwrapExpression, variableOf, writesOf, type SourceCode } from './scope';

/** Helpers with more exits than this are not small decoding helpers: their value is not followed. */
const MAX_RETURNS = 4;

/**
 * The function a call's callee names when it is declared in this file and
 * never reassigned: `function decodeKey(s) {…}`, `const b64 = (s) => …`.
 */
export function localFunctionOf(sourceCode: SourceCode, callee: TSESTree.Node): FunctionNode | undefined {
  const expr = unwrapExpression(callee);
  if (expr.type !== 'Identifier') return undefined;
  const variable = variableOf(sourceCode, expr);
  if (!variable) return undefined;
  // TypeScript overload signatures (`function f(a: 'x'): X;`) declare the name too; the implementation is the function.
  const defs = variable.defs.filter((d) => d.node.type !== 'TSDeclareFunction');
  if (defs.length !== 1) return undefined;
  const def = defs[0];
  if (def.type === 'FunctionName' && isFunction(def.node)) return def.node;
  if (def.type !== 'Variable' || def.node.id.type !== 'Identifier' || !def.node.init) return undefined;
  if (writesOf(variable).some((ref) => ref.writeExpr !== def.node.init)) return undefined;
  const init = unwrapExpression(def.node.init);
  return isFunction(init) ? init : undefined;
}

/**
 * What an argument-less call of a function of this file returns when it has one exit (`broker()` whose body is
 * `conn ??= mqtt.connect(url); return conn`, `licenceKey()` returning an assembly): undefined for any other call.
 */
export function accessorReturn(sourceCode: SourceCode, call: TSESTree.Node): TSESTree.Node | undefined {
  if (call.type !== 'CallExpression' || call.arguments.length > 0) return undefined;
  const fn = localFunctionOf(sourceCode, call.callee);
  const returned = fn && returnedExpressions(fn);
  return returned?.length === 1 ? returned[0] : undefined;
}

/**
 * What a small function returns: the expression body of an arrow, or the
 * arguments of its `return` statements (nested functions excluded). Undefined
 * when it returns nothing we can follow (generator, bare `return`, too many exits;
 * async unless the caller awaits the call, whose value is then what it returns).
 */
export function returnedExpressions(fn: FunctionNode, awaited = false): TSESTree.Node[] | undefined {
  if (fn.generator || (fn.async && !awaited)) return undefined;
  if (fn.body.type !== 'BlockStatement') return [fn.body];
  const out: TSESTree.Node[] = [];
  for (const node of descendants(fn.body, (n) => isFunction(n))) {
    if (node.type !== 'ReturnStatement') continue;
    if (!node.argument || out.length >= MAX_RETURNS) return undefined;
    out.push(node.argument);
  }
  return out.length ? out : undefined;
}

/** The parameter identifiers of `fn` paired with the call's arguments (simple and defaulted parameters only). */
export function parameterBindings(fn: FunctionNode, call: TSESTree.CallExpression | TSESTree.NewExpression): Map<TSESTree.Identifier, TSESTree.Node | undefined> {
  const out = new Map<TSESTree.Identifier, TSESTree.Node | undefined>();
  for (let i = 0; i < fn.params.length; i++) {
    const param = fn.params[i];
    if (param.type === 'RestElement') break;
    const id = param.type === 'AssignmentPattern' ? param.left : param;
    if (id.type !== 'Identifier') continue;
    const args = call.arguments.slice(0, i + 1);
    if (args.some((a) => a.type === 'SpreadElement')) break;
    out.set(id, call.arguments[i]);
  }
  return out;
}

/**
 * The function a call runs when it is declared in this file: a local function for a call, the constructor of
 * a local class (`class StaticKeyProvider { constructor(keys) {…} }`) for `new`.
 */
export function localCalleeOf(sourceCode: SourceCode, call: TSESTree.CallExpression | TSESTree.NewExpression): FunctionNode | undefined {
  if (call.type === 'CallExpression') return localFunctionOf(sourceCode, call.callee);
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'Identifier') return undefined;
  const variable = variableOf(sourceCode, callee);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const cls = def?.type === 'ClassName' ? def.node : def?.type === 'Variable' && def.node.init ? unwrapExpression(def.node.init) : undefined;
  if (cls?.type !== 'ClassDeclaration' && cls?.type !== 'ClassExpression') return undefined;
  return classConstructor(cls);
}

/** The name of the parameter of `fn` an argument at `index` binds (a default or a parameter property included). */
export function parameterNameAt(fn: FunctionNode, index: number): string | undefined {
  let param: TSESTree.Node | undefined = fn.params[index];
  if (param?.type === 'TSParameterProperty') param = param.parameter;
  if (param?.type === 'AssignmentPattern') param = param.left;
  return param?.type === 'Identifier' ? param.name : undefined;
}

/** The executor of `new Promise((resolve, reject) => …)`: it runs at once, inside the call that makes the promise. */
export function isPromiseExecutor(fn: TSESTree.Node): boolean {
  const parent = fn.parent;
  return parent?.type === 'NewExpression' && parent.arguments[0] === fn && parent.callee.type === 'Identifier' && parent.callee.name === 'Promise';
}
