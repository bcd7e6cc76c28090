import type { TSESTree } from '@typescript-eslint/utils';
import { descendants } from './ast';
import { perFileCache } from './file-cache';
import { memberName, unwrapExpression, variableOf, type SourceCode } from './scope';

type PlainFunction = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

/**
 * A class written the pre-ES2015 way: a constructor function (`function FieldCrypto(secret) { this.secret = secret; }`)
 * whose methods are assigned to its prototype (`FieldCrypto.prototype.encrypt = function () { … this.secret … }`).
 * `this` in the constructor and in every method is the instance, as in a `class` body.
 */
export interface PrototypeClass {
  name: string;
  constructor: PlainFunction;
  /** Instance methods by name (`X.prototype.m = function …`). */
  methods: ReadonlyMap<string, PlainFunction>;
}

const cache = perFileCache<TSESTree.Node, PrototypeClass | null>();

/** The prototype class whose instance `thisNode` (a `this` expression) is, if it sits in its constructor or one of its methods. */
export function prototypeClassOfThis(sourceCode: SourceCode, thisNode: TSESTree.Node): PrototypeClass | undefined {
  const fn = thisFunction(thisNode);
  if (!fn) return undefined;
  const owner = methodOwner(fn) ?? (fn.type === 'FunctionDeclaration' ? fn.id ?? undefined : declaredName(fn));
  return owner ? prototypeClassNamed(sourceCode, owner) : undefined;
}

/** The method `X.prototype.<name>` that `this.<name>(…)` calls inside the prototype class's own code. */
export function prototypeMethodOf(sourceCode: SourceCode, callee: TSESTree.Node): PlainFunction | undefined {
  const member = unwrapExpression(callee);
  if (member.type !== 'MemberExpression' || unwrapExpression(member.object).type !== 'ThisExpression') return undefined;
  const name = memberName(member);
  return name === undefined ? undefined : prototypeClassOfThis(sourceCode, member.object)?.methods.get(name);
}

/** The function whose `this` a `this` expression reads (arrow functions have none of their own). */
function thisFunction(node: TSESTree.Node): PlainFunction | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression') return n.parent?.type === 'MethodDefinition' ? undefined : n;
    if (n.type === 'ClassBody' || n.type === 'PropertyDefinition') return undefined;
  }
  return undefined;
}

/** `X` of `X.prototype.m = function …`. */
function methodOwner(fn: PlainFunction): TSESTree.Identifier | undefined {
  const assignment = fn.parent;
  if (assignment?.type !== 'AssignmentExpression' || assignment.right !== fn || assignment.left.type !== 'MemberExpression') return undefined;
  const proto = assignment.left.object;
  if (proto.type !== 'MemberExpression' || memberName(proto) !== 'prototype' || proto.object.type !== 'Identifier') return undefined;
  return proto.object;
}

/** `X` of `var X = function (…) { … }`. */
function declaredName(fn: PlainFunction): TSESTree.Identifier | undefined {
  const declarator = fn.parent;
  return declarator?.type === 'VariableDeclarator' && declarator.init === fn && declarator.id.type === 'Identifier' ? declarator.id : undefined;
}

/** The constructor function `name` refers to, with its prototype methods; undefined when no method is assigned to its prototype. */
function prototypeClassNamed(sourceCode: SourceCode, name: TSESTree.Identifier): PrototypeClass | undefined {
  const variable = variableOf(sourceCode, name);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || !def) return undefined;
  const key = def.name as TSESTree.Node;
  const known = cache(sourceCode).get(key);
  if (known !== undefined) return known ?? undefined;
  let constructor: PlainFunction | undefined;
  if (def.type === 'FunctionName' && def.node.type === 'FunctionDeclaration') constructor = def.node;
  else if (def.type === 'Variable' && def.node.init?.type === 'FunctionExpression') constructor = def.node.init;
  const methods = new Map<string, PlainFunction>();
  for (const ref of variable.references) {
    const proto = ref.identifier.parent;
    const method = proto?.type === 'MemberExpression' && proto.object === ref.identifier && memberName(proto) === 'prototype' ? proto.parent : undefined;
    const assignment = method?.type === 'MemberExpression' && method.object === proto ? method.parent : undefined;
    const methodName = method?.type === 'MemberExpression' ? memberName(method) : undefined;
    if (assignment?.type !== 'AssignmentExpression' || assignment.left !== method || methodName === undefined) continue;
    const value = unwrapExpression(assignment.right);
    if (value.type === 'FunctionExpression') methods.set(methodName, value);
  }
  const found = constructor && methods.size > 0 ? { name: name.name, constructor, methods } : undefined;
  cache(sourceCode).set(key, found ?? null);
  return found;
}

/**
 * The `this.<m>(…)` calls inside a prototype class of the method `fn` assigned as `X.prototype.<m> = function …`
 * (its constructor's and methods' own `this`): what the method returns is the value of each call.
 */
export function prototypeMethodCalls(sourceCode: SourceCode, fn: TSESTree.Node): TSESTree.CallExpression[] {
  if (fn.type !== 'FunctionExpression') return [];
  const owner = methodOwner(fn);
  const protoClass = owner && prototypeClassNamed(sourceCode, owner);
  const name = protoClass && [...protoClass.methods].find(([, method]) => method === fn)?.[0];
  if (!protoClass || name === undefined) return [];
  const calls: TSESTree.CallExpression[] = [];
  for (const body of [protoClass.constructor.body, ...[...protoClass.methods.values()].map((m) => m.body)]) {
    for (const node of descendants(body)) {
      if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || node.callee.object.type !== 'ThisExpression') continue;
      if (memberName(node.callee) === name && prototypeClassOfThis(sourceCode, node.callee.object) === protoClass) calls.push(node);
    }
  }
  return calls;
}
