import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { DB_METHODS, DISK_WRITES, ERROR_CONSTRUCTOR, FS_MODULES, KEY_USE_FIELDS, LOG_METHODS, LOGGER_FACTORY_MODULES, LOGGER_NAME, PERSISTENT_STORE_NAME, QUEUE_COMMANDS, QUEUE_METHODS, QUEUE_NAME, STORE_COMMANDS, RESPONSE_METHODS, RESPONSE_NAME } from '../model/sinks';
import { isFunction } from './expression-names';
import { resolveImportPath } from './imports';
import { memberName, propertyName, unwrapExpression, variableOf, type SourceCode } from './scope';

type Variable = TSESLint.Scope.Variable;

export type SinkKind = 'log' | 'disk' | 'database' | 'response' | 'export' | 'queue' | 'error';

export interface Sink {
  kind: SinkKind;
  /** The call/assignment/return that lets the value out. */
  node: TSESTree.Node;
  /** Reached through a local variable that received the value (a copy, an object holding it). */
  indirect?: true;
}

/** How many local variables a value may pass through on its way to a sink (`const job = { key }` → `queue.add(job)`). */
const MAX_HOPS = 3;

/**
 * Where an expression's value ends up, climbing through what carries it
 * unchanged or re-encoded (`Buffer.from(x)`, `x.toString('base64')`, template
 * literals, `JSON.stringify`, object/array literals), and through the local
 * variables that receive such a carrier (`const copy = Buffer.from(key)`,
 * `const job = { key: … }`, `let line = \`…${key}\``): every read of such a variable
 * carries the value on.
 */
export function sinkOf(sourceCode: SourceCode, ref: TSESTree.Node): Sink | undefined {
  return climb(sourceCode, ref, new Set(), 0);
}

function climb(sourceCode: SourceCode, ref: TSESTree.Node, seen: Set<Variable>, hops: number): Sink | undefined {
  let node = ref;
  for (let i = 0; i < 8; i++) {
    const parent = node.parent;
    if (!parent) return undefined;
    // `SSECustomerKey: key.toString('base64')`: the service uses the key for this request only.
    if (parent.type === 'Property' && parent.value === node && KEY_USE_FIELDS.has(propertyName(parent.key) ?? '')) return undefined;
    if (
      parent.type === 'TemplateLiteral' ||
      parent.type === 'ObjectExpression' ||
      parent.type === 'ArrayExpression' ||
      (parent.type === 'Property' && parent.value === node) ||
      parent.type === 'TSAsExpression' ||
      parent.type === 'TSNonNullExpression' ||
      parent.type === 'AwaitExpression' ||
      parent.type === 'SpreadElement' ||
      (parent.type === 'BinaryExpression' && parent.operator === '+')
    ) {
      node = parent;
      continue;
    }
    if (parent.type === 'MemberExpression' && parent.object === node && memberName(parent) === 'toString' && parent.parent?.type === 'CallExpression') {
      node = parent.parent;
      continue;
    }
    if (parent.type === 'CallExpression' && parent.arguments[0] === node && isReencoding(parent)) {
      node = parent;
      continue;
    }
    if (parent.type === 'CallExpression' && parent.arguments.includes(node as TSESTree.Expression)) return callSink(sourceCode, parent, node);
    // `const copy = Buffer.from(key)` / `job = { key }`: the variable carries the value on.
    const receiver =
      parent.type === 'VariableDeclarator' && parent.init === node ? parent.id : parent.type === 'AssignmentExpression' && parent.right === node && parent.operator === '=' ? parent.left : undefined;
    if (receiver?.type === 'Identifier') return viaVariable(sourceCode, receiver, seen, hops);
    // `new SendMessageCommand({ MessageBody })`, `new PutObjectCommand({ Body })`: the SDK sends the input away.
    if (parent.type === 'NewExpression' && parent.arguments[0] === node && parent.callee.type === 'Identifier') {
      if (QUEUE_COMMANDS.test(parent.callee.name)) return { kind: 'queue', node: parent };
      if (STORE_COMMANDS.test(parent.callee.name)) return { kind: 'database', node: parent };
      if (ERROR_CONSTRUCTOR.test(parent.callee.name)) return { kind: 'error', node: parent };
      return undefined;
    }
    if (parent.type === 'AssignmentExpression' && parent.right === node && parent.left.type === 'MemberExpression') {
      const target = unwrapExpression(parent.left.object);
      if (target.type === 'Identifier' && RESPONSE_NAME.test(target.name) && memberName(parent.left) === 'body') return { kind: 'response', node: parent };
      if (isModuleExports(parent.left)) return { kind: 'export', node: parent };
      return undefined;
    }
    if (parent.type === 'ReturnStatement' || (parent.type === 'ArrowFunctionExpression' && parent.body === node)) {
      const fn = parent.type === 'ReturnStatement' ? enclosingFunction(parent) : parent;
      return fn && isExported(sourceCode, fn) ? { kind: 'export', node: parent } : undefined;
    }
    return undefined;
  }
  return undefined;
}

/** The first sink any read of the variable declared or assigned at `id` reaches. */
function viaVariable(sourceCode: SourceCode, id: TSESTree.Identifier, seen: Set<Variable>, hops: number): Sink | undefined {
  const variable = variableOf(sourceCode, id);
  if (!variable || seen.has(variable) || hops >= MAX_HOPS) return undefined;
  seen.add(variable);
  for (const reference of variable.references) {
    if (!reference.isRead()) continue;
    const sink = climb(sourceCode, reference.identifier as TSESTree.Node, seen, hops + 1);
    if (sink) return { ...sink, indirect: true };
  }
  return undefined;
}

function isReencoding(call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression') return callee.type === 'Identifier' && callee.name === 'String';
  const owner = unwrapExpression(callee.object);
  const name = memberName(callee);
  return (owner.type === 'Identifier' && owner.name === 'Buffer' && name === 'from') || (owner.type === 'Identifier' && owner.name === 'JSON' && name === 'stringify');
}

function callSink(sourceCode: SourceCode, call: TSESTree.CallExpression, arg: TSESTree.Node): Sink | undefined {
  const callee = unwrapExpression(call.callee);
  const resolved = resolveImportPath(sourceCode, callee);
  if (resolved?.module && FS_MODULES.has(resolved.module)) {
    const fn = resolved.path[resolved.path.length - 1];
    if (fn in DISK_WRITES && call.arguments[DISK_WRITES[fn]] === arg) return { kind: 'disk', node: call };
  }
  if (callee.type === 'Identifier') return functionSink(sourceCode, call, callee);
  if (callee.type !== 'MemberExpression') return undefined;
  const method = memberName(callee) ?? '';
  const receiver = receiverName(callee.object);
  if (LOG_METHODS.has(method) && receiver && LOGGER_NAME.test(receiver)) return { kind: 'log', node: call };
  if (RESPONSE_METHODS.has(method) && receiver && RESPONSE_NAME.test(receiver)) return { kind: 'response', node: call };
  if (DB_METHODS.has(method) || (method === 'set' && receiver && PERSISTENT_STORE_NAME.test(receiver))) {
    if (receiver && !/^(?:map|cache|seen|memo)$/i.test(receiver)) return { kind: 'database', node: call };
  }
  if (method === 'write' && isWriteStream(callee.object)) return { kind: 'disk', node: call };
  if (QUEUE_METHODS.has(method) && receiver && QUEUE_NAME.test(receiver)) return { kind: 'queue', node: call };
  return undefined;
}

/**
 * A plain function call that lets the value out: a logging function made by a logger factory
 * (`const debug = createDebug('app')`), or the callback parameter of an exported function
 * (`export function getKey(id, callback) { … callback(null, key) }` completes with the key: it goes to
 * the caller, like a return).
 */
function functionSink(sourceCode: SourceCode, call: TSESTree.CallExpression, callee: TSESTree.Identifier): Sink | undefined {
  const def = variableOf(sourceCode, callee)?.defs[0];
  if (!def) return undefined;
  if (def.type === 'Parameter') {
    // Only a node-style completion (`callback(null, key)`) hands the value over; a loan
    // (`await useKey(key)` and a wipe after it) lends it for the call's duration.
    const first = call.arguments[0];
    const completion = call.arguments.length > 1 && ((first?.type === 'Literal' && first.value === null) || (first?.type === 'Identifier' && first.name === 'undefined'));
    if (!completion) return undefined;
    return isFunction(def.node) && isExported(sourceCode, def.node) ? { kind: 'export', node: call } : undefined;
  }
  if (def.type !== 'Variable' || def.node.id !== def.name) return undefined;
  const init = def.node.init && unwrapExpression(def.node.init);
  if (init?.type !== 'CallExpression') return undefined;
  const factory = resolveImportPath(sourceCode, init.callee);
  return factory?.module && factory.path.length === 0 && LOGGER_FACTORY_MODULES.has(factory.module) ? { kind: 'log', node: call } : undefined;
}

/**
 * `logger` of `this.logger`, `log` of `req.log`, `console`; through builder
 * calls: `db` of knex's `db('keys').insert(…)`, `res` of `res.status(500).json(…)`.
 */
function receiverName(node: TSESTree.Node, depth = 0): string | undefined {
  const expr = unwrapExpression(node);
  if (expr.type === 'Identifier') return expr.name;
  if (expr.type === 'MemberExpression') return memberName(expr);
  if (expr.type === 'CallExpression' && depth < 3) {
    const callee = unwrapExpression(expr.callee);
    return receiverName(callee.type === 'MemberExpression' ? callee.object : callee, depth + 1);
  }
  return undefined;
}

function isWriteStream(node: TSESTree.Node): boolean {
  const expr = unwrapExpression(node);
  return expr.type === 'CallExpression' && expr.callee.type === 'MemberExpression' && memberName(expr.callee) === 'createWriteStream';
}

function isModuleExports(node: TSESTree.MemberExpression): boolean {
  const object = unwrapExpression(node.object);
  if (object.type === 'Identifier' && object.name === 'exports') return true;
  if (object.type === 'Identifier' && object.name === 'module' && memberName(node) === 'exports') return true;
  return object.type === 'MemberExpression' && isModuleExports(object);
}

type FunctionLike = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

function enclosingFunction(node: TSESTree.Node): FunctionLike | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression') return n;
  }
  return undefined;
}

/** Exported from the module: `export function`, `export const f = () => …`, `export default`, `module.exports = { f }`, class methods of an exported class. */
function isExported(sourceCode: SourceCode, fn: FunctionLike): boolean {
  let node: TSESTree.Node = fn;
  if (fn.parent?.type === 'VariableDeclarator') node = fn.parent.parent!;
  if (fn.parent?.type === 'MethodDefinition') node = fn.parent.parent!.parent!; // the class
  const parent = node.parent;
  if (parent?.type === 'ExportNamedDeclaration' || parent?.type === 'ExportDefaultDeclaration') return true;
  const name =
    fn.type === 'FunctionDeclaration' ? fn.id?.name : fn.parent?.type === 'VariableDeclarator' && fn.parent.id.type === 'Identifier' ? fn.parent.id.name : node.type === 'ClassDeclaration' ? node.id?.name : undefined;
  if (!name) return false;
  const text = sourceCode.text;
  return new RegExp(`module\\.exports\\s*=\\s*\\{[^}]*\\b${name}\\b|(?:module\\.)?exports\\.\\w+\\s*=\\s*${name}\\b|export\\s*\\{[^}]*\\b${name}\\b`).test(text);
}
