import type { TSESTree } from '@typescript-eslint/utils';
import { resolveImportPath } from '../../../analysis/imports';
import { memberName, unwrapExpression, variableOf, type SourceCode } from '../../../analysis/scope';
import { returnsOf, walk, within, type FunctionNode } from '../ast';

/**
 * Small, certain readings of expressions shared by the third-party idioms
 * (crypto-js, node-forge, WebCrypto, AWS KMS): where a value comes from, what
 * a function returns, how a parameter is used. Each answers only what it can
 * prove; anything else is "unknown", and the idiom declines.
 */

/** `node` names `path` of `module` (`CryptoJS.enc.Utf8`, a `require('crypto-js/enc-utf8')` binding, `forge.util.encode64`). */
export function namesExport(sourceCode: SourceCode, node: TSESTree.Node, module: string, path: readonly string[]): boolean {
  const resolved = resolveImportPath(sourceCode, node);
  return !!resolved && resolved.module === module && resolved.path.length === path.length && resolved.path.every((p, i) => p === path[i]);
}

/** `node` as a call of export `path` of `module` (`forge.util.encode64(…)`), else undefined. */
export function exportCall(sourceCode: SourceCode, node: TSESTree.Node | null | undefined, module: string, path: readonly string[]): TSESTree.CallExpression | undefined {
  return node?.type === 'CallExpression' && namesExport(sourceCode, node.callee, module, path) ? node : undefined;
}

/** `object.method(…)` with a plainly written method name. */
export function isMethodCall(node: TSESTree.Node | null | undefined, method: string, argCount?: number): node is TSESTree.CallExpression & { callee: TSESTree.MemberExpression } {
  if (node?.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || memberName(node.callee) !== method) return false;
  return argCount === undefined || node.arguments.length === argCount;
}

/** `Buffer.from(…)` of the global Buffer. */
export function isBufferFrom(node: TSESTree.Node | null | undefined): node is TSESTree.CallExpression & { callee: TSESTree.MemberExpression } {
  return isMethodCall(node, 'from') && node.callee.object.type === 'Identifier' && node.callee.object.name === 'Buffer';
}

/** A string literal argument's value. */
export function literalString(node: TSESTree.Node | undefined): string | undefined {
  const expr = node && unwrapExpression(node);
  if (expr?.type === 'Literal' && typeof expr.value === 'string') return expr.value;
  if (expr?.type === 'TemplateLiteral' && expr.expressions.length === 0) return expr.quasis[0].value.cooked ?? undefined;
  return undefined;
}

/**
 * The expression a local `const` inside `fn` was initialised with (one step),
 * or the node itself when it is not such an identifier.
 */
export function localValue(sourceCode: SourceCode, node: TSESTree.Node, fn: FunctionNode): TSESTree.Node {
  const expr = unwrapExpression(node);
  if (expr.type !== 'Identifier') return expr;
  const variable = variableOf(sourceCode, expr);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Variable' || def.node.id !== def.name || !def.node.init || def.parent.kind !== 'const' || !within(def.node, fn)) return expr;
  return unwrapExpression(def.node.init);
}

/**
 * Where the value of `call` goes: the call itself when used in place, else the
 * single read of the local `const` it initialises (`const bytes = AES.decrypt(…); bytes.toString(…)`).
 * Undefined when it is read several times, reassigned, or escapes otherwise.
 */
export function singleUse(sourceCode: SourceCode, call: TSESTree.Node): TSESTree.Node | undefined {
  let node: TSESTree.Node = call;
  while (node.parent && (node.parent.type === 'TSNonNullExpression' || node.parent.type === 'TSAsExpression' || node.parent.type === 'AwaitExpression')) node = node.parent;
  const parent = node.parent;
  if (parent?.type !== 'VariableDeclarator' || parent.init !== node) return node;
  if (parent.id.type !== 'Identifier' || parent.parent.kind !== 'const') return undefined;
  const variable = variableOf(sourceCode, parent.id);
  const reads = variable?.references.filter((r) => r.identifier !== parent.id) ?? [];
  return reads.length === 1 && !reads[0].isWrite() ? (reads[0].identifier as TSESTree.Node) : undefined;
}

/**
 * Every return of `fn` yields `value` — the node itself, or a local const
 * initialised with it — optionally inside a string concatenation/template
 * (`iv + ':' + value`) when `allowConcat`. False when there is no return.
 */
export function returnsValue(sourceCode: SourceCode, fn: FunctionNode, value: TSESTree.Node, allowConcat: boolean): boolean {
  const bodyReturns: (TSESTree.Node | null)[] = fn.body.type === 'BlockStatement' ? returnsOf(fn.body).map((r) => r.argument) : [fn.body];
  if (bodyReturns.length === 0) return false;
  return bodyReturns.every((arg) => arg !== null && yields(sourceCode, arg, value, fn, allowConcat, 0));
}

/** Every return of `fn` yields one of `parts` (alone, through a local const, or in a string concatenation). */
export function returnsBuiltFrom(sourceCode: SourceCode, fn: FunctionNode, parts: readonly TSESTree.Node[]): boolean {
  const bodyReturns: (TSESTree.Node | null)[] = fn.body.type === 'BlockStatement' ? returnsOf(fn.body).map((r) => r.argument) : [fn.body];
  if (bodyReturns.length === 0 || parts.length === 0) return false;
  return bodyReturns.every((arg) => arg !== null && parts.some((part) => yields(sourceCode, arg, part, fn, true, 0)));
}

function yields(sourceCode: SourceCode, node: TSESTree.Node, value: TSESTree.Node, fn: FunctionNode, allowConcat: boolean, depth: number): boolean {
  if (depth > 4) return false;
  const expr = unwrapExpression(node);
  if (expr === value) return true;
  if (allowConcat && expr.type === 'BinaryExpression' && expr.operator === '+') {
    return within(value, expr) && isStringy(expr);
  }
  if (allowConcat && expr.type === 'TemplateLiteral') return expr.expressions.some((e) => yields(sourceCode, e, value, fn, false, depth + 1));
  if (expr.type === 'Identifier') {
    const init = localValue(sourceCode, expr, fn);
    return init !== expr && yields(sourceCode, init, value, fn, allowConcat, depth + 1);
  }
  return false;
}

/** A `+` chain with a string literal or template in it, or whose `value` operand is itself a string. */
function isStringy(expr: TSESTree.BinaryExpression): boolean {
  let stringy = false;
  walk(expr, (n) => {
    if ((n.type === 'Literal' && typeof n.value === 'string') || n.type === 'TemplateLiteral' || isMethodCall(n, 'toString')) stringy = true;
  });
  return stringy;
}

/**
 * The function's single parameter is only read as a string: passed as is to
 * one of `sinks`, or split/sliced (`p.split(':')`, `p.slice(0, 32)`). So the
 * decrypt is fed the string its encrypt returned, nothing richer.
 */
export function paramReadAsString(sourceCode: SourceCode, fn: FunctionNode, sinks: readonly TSESTree.Node[]): boolean {
  const param = fn.params[0];
  if (fn.params.length !== 1 || param?.type !== 'Identifier') return false;
  const variable = variableOf(sourceCode, param);
  const reads = variable?.references.filter((r) => r.identifier !== param) ?? [];
  if (reads.length === 0) return false;
  return reads.every((ref) => {
    const id = ref.identifier as TSESTree.Node;
    if (ref.isWrite()) return false;
    if (sinks.some((sink) => unwrapExpression(sink) === id)) return true;
    const parent = id.parent;
    return parent?.type === 'MemberExpression' && parent.object === id && ['split', 'slice', 'substring'].includes(memberName(parent) ?? '') && parent.parent?.type === 'CallExpression';
  });
}

/** The Node/web encodings named as string literals in `toString(…)`/`Buffer.from(…, enc)` calls inside `root`. */
export function bufferEncodingsIn(root: TSESTree.Node): Set<string> {
  const found = new Set<string>();
  walk(root, (node) => {
    if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression') return;
    const name = memberName(node.callee);
    if (name !== 'toString' && name !== 'from') return;
    for (const arg of node.arguments) {
      const value = literalString(arg);
      if (value !== undefined && /^(hex|base64|base64url|utf-?8|binary|latin1|ascii|ucs-?2|utf-?16le)$/i.test(value)) found.add(value.toLowerCase().replace('utf-8', 'utf8'));
    }
  });
  return found;
}

/**
 * `node` turns the identifier `text` into UTF-8 bytes the way the libraries'
 * users write it: `Buffer.from(text)`, `Buffer.from(text, 'utf8')`,
 * `new TextEncoder().encode(text)`, `encoder.encode(text)` with a module-level
 * `const encoder = new TextEncoder()`. Returns that identifier.
 */
export function utf8BytesOf(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.Identifier | undefined {
  const expr = unwrapExpression(node);
  if (expr.type !== 'CallExpression' || expr.callee.type !== 'MemberExpression') return undefined;
  const [first, second] = expr.arguments;
  const arg = first && unwrapExpression(first);
  if (arg?.type !== 'Identifier') return undefined;
  const callee = expr.callee;
  if (memberName(callee) === 'from' && callee.object.type === 'Identifier' && callee.object.name === 'Buffer' && !variableOf(sourceCode, callee.object)?.defs.length) {
    const encoding = second === undefined ? 'utf8' : literalString(second);
    return encoding === 'utf8' || encoding === 'utf-8' ? arg : undefined;
  }
  if (memberName(callee) === 'encode' && expr.arguments.length === 1 && isTextCoder(sourceCode, callee.object, 'TextEncoder')) return arg;
  return undefined;
}

/**
 * `node` decodes bytes as UTF-8 text: `new TextDecoder().decode(x)` (or a
 * module-level decoder), `Buffer.from(x).toString()`, `Buffer.from(x).toString('utf8')`.
 * Returns `x`.
 */
export function utf8TextOf(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.Node | undefined {
  const expr = unwrapExpression(node);
  if (expr.type !== 'CallExpression' || expr.callee.type !== 'MemberExpression') return undefined;
  const name = memberName(expr.callee);
  if (name === 'decode' && expr.arguments.length === 1 && isTextCoder(sourceCode, expr.callee.object, 'TextDecoder')) return expr.arguments[0];
  if (name === 'toString') {
    const encoding = expr.arguments.length === 0 ? 'utf8' : expr.arguments.length === 1 ? literalString(expr.arguments[0]) : undefined;
    if (encoding !== 'utf8' && encoding !== 'utf-8') return undefined;
    const from = unwrapExpression(expr.callee.object);
    if (from.type === 'CallExpression' && from.arguments.length === 1 && from.callee.type === 'MemberExpression' && memberName(from.callee) === 'from' && from.callee.object.type === 'Identifier' && from.callee.object.name === 'Buffer') return from.arguments[0];
  }
  return undefined;
}

/** `new TextEncoder()` in place, or a module-level const holding one (default UTF-8: no label argument). */
function isTextCoder(sourceCode: SourceCode, node: TSESTree.Node, kind: 'TextEncoder' | 'TextDecoder'): boolean {
  let expr = unwrapExpression(node);
  if (expr.type === 'Identifier') {
    const variable = variableOf(sourceCode, expr);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== 'Variable' || def.parent.kind !== 'const' || def.parent.parent.type !== 'Program' || !def.node.init) return false;
    expr = unwrapExpression(def.node.init);
  }
  if (expr.type !== 'NewExpression' || expr.callee.type !== 'Identifier' || expr.callee.name !== kind) return false;
  const label = literalString(expr.arguments[0]);
  return expr.arguments.length === 0 || label === 'utf-8' || label === 'utf8';
}
