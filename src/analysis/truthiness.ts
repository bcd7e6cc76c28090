/**
 * Whether an expression is truthy whatever the unknowns in it are. It decides
 * which side of `a || b` a call gives: nodemailer's `_sendCommand(str, logStr)`
 * logs `logStr || str`, and every call that sends a password passes a masked
 * `logStr` (`'AUTH PLAIN ' + Buffer.from(user + ' secret').toString('base64')`),
 * so the password never reaches the log.
 */

import type { TSESTree } from '@typescript-eslint/utils';
import { memberName, unwrapExpression } from './scope';
import { resolveValues, type Constant, type ResolveContext } from './values';

/** Node types whose value is an object, so always truthy. */
const OBJECT_VALUED: ReadonlySet<string> = new Set(['ObjectExpression', 'ArrayExpression', 'FunctionExpression', 'ArrowFunctionExpression', 'ClassExpression', 'NewExpression']);

export function isAlwaysTruthy(ctx: ResolveContext, node: TSESTree.Node): boolean {
  const expr = unwrapExpression(node);
  if (OBJECT_VALUED.has(expr.type) || isNonEmptyText(expr)) return true;
  const { values, complete } = resolveValues(ctx, expr);
  return complete && values.length > 0 && values.every(isTruthyConstant);
}

/**
 * A string that cannot be empty: a non-empty literal, a template or `+` concatenation with a
 * non-empty part, the `toString()` of such a string or of the bytes of one
 * (`Buffer.from('hidden').toString('base64')`).
 */
function isNonEmptyText(node: TSESTree.Node): boolean {
  const expr = unwrapExpression(node);
  switch (expr.type) {
    case 'Literal':
      return typeof expr.value === 'string' && expr.value.length > 0;
    case 'TemplateLiteral':
      return expr.quasis.some((quasi) => (quasi.value.cooked ?? quasi.value.raw).length > 0) || expr.expressions.some(isNonEmptyText);
    case 'BinaryExpression':
      return expr.operator === '+' && (isNonEmptyText(expr.left) || isNonEmptyText(expr.right));
    case 'CallExpression': {
      const callee = unwrapExpression(expr.callee);
      if (callee.type !== 'MemberExpression' || memberName(callee) !== 'toString') return false;
      return isNonEmptyText(callee.object) || isBytesOfNonEmptyText(callee.object);
    }
    default:
      return false;
  }
}

/** `Buffer.from(text)` / `Buffer.from(text, 'utf8')` of a non-empty string (a decoding such as base64 may give no bytes). */
function isBytesOfNonEmptyText(node: TSESTree.Node): boolean {
  const expr = unwrapExpression(node);
  if (expr.type !== 'CallExpression' || expr.arguments.length === 0) return false;
  const callee = unwrapExpression(expr.callee);
  if (callee.type !== 'MemberExpression' || callee.object.type !== 'Identifier' || callee.object.name !== 'Buffer' || memberName(callee) !== 'from') return false;
  const encoding = expr.arguments[1];
  const utf8 = !encoding || (encoding.type === 'Literal' && typeof encoding.value === 'string' && /^utf-?8$/i.test(encoding.value));
  return utf8 && isNonEmptyText(expr.arguments[0]);
}

function isTruthyConstant(constant: Constant): boolean {
  switch (constant.kind) {
    case 'string':
      return (constant.value as string).length > 0;
    case 'number':
      return constant.value !== 0 && !Number.isNaN(constant.value);
    case 'boolean':
      return constant.value === true;
    case 'null':
      return false;
    default:
      return true; // bytes and arrays are objects
  }
}
