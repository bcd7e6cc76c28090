import type { TSESTree } from '@typescript-eslint/utils';
import { keyReferences, type KeyBytes } from '../analysis/key-material';
import { variableOf, type SourceCode } from '../analysis/scope';

const VIEW_METHODS = new Set(['subarray', 'slice']);
const VIEW_CONSTRUCTORS = /^(?:Uint8Array|Int8Array|Uint8ClampedArray|Uint16Array|Int16Array|Uint32Array|Int32Array|Float32Array|Float64Array|BigInt64Array|BigUint64Array|DataView)$/;

/**
 * Does a view that shares the key's memory leave the function (returned,
 * yielded, stored on an object)? `key.subarray(0, 16)`, `Buffer.from(arrayBuffer)`,
 * `new Uint8Array(bits)` and `key.buffer` do not copy: wiping the key would
 * zero what the caller received, so a wipe-after-use rewrite must not be offered.
 */
export function sharedViewEscapes(sourceCode: SourceCode, bytes: KeyBytes): boolean {
  try {
    return keyReferences(sourceCode, bytes).bytes.some((ref) => viewEscapes(sourceCode, ref, bytes.arrayBuffer, false, 0));
  } catch {
    return true; // unsure: no rewrite
  }
}

function viewEscapes(sourceCode: SourceCode, ref: TSESTree.Node, arrayBuffer: boolean, isView: boolean, depth: number): boolean {
  if (depth > 4) return true;
  let node = ref;
  let view = isView;
  // Through the expressions that make a view of the same memory.
  for (;;) {
    const parent = node.parent;
    if (!parent) return false;
    if (parent.type === 'MemberExpression' && parent.object === node && !parent.computed && parent.property.type === 'Identifier') {
      const name = parent.property.name;
      if (name === 'buffer') {
        node = parent;
        view = true;
        arrayBuffer = true;
        continue;
      }
      if (VIEW_METHODS.has(name) && parent.parent?.type === 'CallExpression' && parent.parent.callee === parent) {
        node = parent.parent;
        view = true;
        continue;
      }
      return false;
    }
    if (arrayBuffer && (parent.type === 'NewExpression' || parent.type === 'CallExpression') && parent.arguments[0] === node && sharesArrayBuffer(parent)) {
      node = parent;
      view = true;
      arrayBuffer = false;
      continue;
    }
    break;
  }
  if (!view) return false;
  // Through containers that carry the view along.
  while (
    node.parent &&
    ((node.parent.type === 'Property' && node.parent.value === node) ||
      node.parent.type === 'ObjectExpression' ||
      node.parent.type === 'ArrayExpression' ||
      (node.parent.type === 'ConditionalExpression' && node.parent.test !== node) ||
      node.parent.type === 'LogicalExpression' ||
      node.parent.type === 'AwaitExpression' ||
      node.parent.type === 'TSAsExpression')
  ) {
    node = node.parent;
  }
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === 'ReturnStatement' || parent.type === 'YieldExpression') return true;
  if (parent.type === 'ArrowFunctionExpression' && parent.body === node) return true;
  if (parent.type === 'AssignmentExpression' && parent.right === node && parent.left.type === 'MemberExpression') return true;
  if (parent.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier') {
    const alias = variableOf(sourceCode, parent.id);
    return (alias?.references ?? []).some((r) => r.isRead() && viewEscapes(sourceCode, r.identifier as TSESTree.Node, arrayBuffer, true, depth + 1));
  }
  return false;
}

/** `Buffer.from(ab)`, `new Uint8Array(ab)`, `new DataView(ab)`: views over an ArrayBuffer, not copies. */
function sharesArrayBuffer(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = call.callee;
  if (call.type === 'NewExpression') return callee.type === 'Identifier' && VIEW_CONSTRUCTORS.test(callee.name);
  return callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'Buffer' && callee.property.type === 'Identifier' && callee.property.name === 'from';
}
