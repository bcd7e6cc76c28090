import type { TSESTree } from '@typescript-eslint/utils';
import { memberName, propertyName, referencedName, unwrapExpression } from './scope';

const MAX_NAMES = 24;

/**
 * The identifier and property names an expression is built from, shallowly:
 * `user.password + salt` → ['user', 'password', 'salt'];
 * `` `${req.body.token}` `` → ['req', 'body', 'token']. Calls contribute their
 * callee names (`getPassword()` → ['getPassword']), not their insides' insides.
 */
export function namesIn(node: TSESTree.Node, depth = 0): string[] {
  const out: string[] = [];
  collect(unwrapExpression(node), out, depth);
  return out.slice(0, MAX_NAMES);
}

function collect(node: TSESTree.Node, out: string[], depth: number): void {
  if (depth > 6 || out.length >= MAX_NAMES) return;
  const next = (n: TSESTree.Node | null | undefined) => n && collect(unwrapExpression(n), out, depth + 1);
  switch (node.type) {
    case 'Identifier':
      out.push(node.name);
      return;
    case 'MemberExpression': {
      next(node.object);
      const name = memberName(node);
      if (name !== undefined) out.push(name);
      else next(node.property);
      return;
    }
    case 'CallExpression':
    case 'NewExpression':
      next(node.callee);
      for (const arg of node.arguments) next(arg);
      return;
    case 'TemplateLiteral':
      node.expressions.forEach(next);
      return;
    case 'BinaryExpression':
    case 'LogicalExpression':
      next(node.left);
      next(node.right);
      return;
    case 'ConditionalExpression':
      next(node.consequent);
      next(node.alternate);
      return;
    case 'AwaitExpression':
      next(node.argument);
      return;
    case 'ArrayExpression':
      node.elements.forEach((e) => e && e.type !== 'SpreadElement' && next(e));
      return;
    case 'ObjectExpression':
      for (const prop of node.properties) {
        if (prop.type === 'Property') {
          const key = propertyName(prop.key);
          if (key) out.push(key);
          next(prop.value);
        }
      }
      return;
    default:
      return;
  }
}

/** The name a value is bound to: `const x =`, `obj.x =`, `{ x: … }`, `x = …`. */
export function bindingName(node: TSESTree.Node): string | undefined {
  return referencedName(unwrapExpression(node));
}

/** The name of the function `node` is directly inside: declaration, method, `const f = () =>`, `{ f() {} }`. */
export function functionName(fn: TSESTree.Node): string | undefined {
  if ((fn.type === 'FunctionDeclaration' || fn.type === 'FunctionExpression') && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (!parent) return undefined;
  if (parent.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if ((parent.type === 'MethodDefinition' || parent.type === 'Property' || parent.type === 'PropertyDefinition') && !parent.computed) {
    return propertyName(parent.key);
  }
  if (parent.type === 'AssignmentExpression') return bindingName(parent.left);
  return undefined;
}

export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

export function isFunction(node: TSESTree.Node): node is FunctionNode {
  return node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';
}

/** Functions enclosing `node`, innermost first. */
export function enclosingFunctions(node: TSESTree.Node): FunctionNode[] {
  const out: FunctionNode[] = [];
  for (let n = node.parent; n; n = n.parent) if (isFunction(n)) out.push(n);
  return out;
}
