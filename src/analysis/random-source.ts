import type { TSESTree } from '@typescript-eslint/utils';
import { apiCallAt, argsWithRole } from './api-calls';
import { memberName, singleInitializer, unwrapExpression, variableOf, writesOf, type SourceCode } from './scope';
import { numberValues, type Constant, type ResolveContext } from './values';

const TRANSFORMS = new Set(['toString', 'toJSON', 'valueOf']);

/**
 * When `node` is (a re-encoding of) freshly generated random bytes —
 * `randomBytes(16)`, `crypto.getRandomValues(new Uint8Array(16))`,
 * `forge.random.getBytesSync(16)`, `CryptoJS.lib.WordArray.random(16)` — the
 * constants giving its size in bytes (empty when the size is not a constant).
 * Undefined when it is not a random value at all.
 */
export function randomByteSize(ctx: ResolveContext, node: TSESTree.Node, depth = 0): Constant[] | undefined {
  if (depth > 4) return undefined;
  let expr = unwrapExpression(node);
  if (expr.type === 'AwaitExpression') expr = unwrapExpression(expr.argument);
  if (expr.type === 'Identifier') {
    const variable = variableOf(ctx.sourceCode, expr);
    if (!variable) return undefined;
    const init = singleInitializer(variable);
    if (init) return randomByteSize(ctx, init, depth + 1);
    // `let raw = await store.get(k); if (!raw) raw = randomBytes(8)`: the random writes are what it holds on their paths.
    const sizes = writesOf(variable).flatMap((write) => (write.writeExpr ? randomByteSize(ctx, write.writeExpr as TSESTree.Node, depth + 1) ?? [] : []));
    return sizes.length > 0 ? sizes : undefined;
  }
  if (expr.type !== 'CallExpression') return undefined;
  const callee = unwrapExpression(expr.callee);
  if (callee.type === 'MemberExpression' && TRANSFORMS.has(memberName(callee) ?? '') && callee.object.type === 'CallExpression') {
    return randomByteSize(ctx, callee.object, depth + 1);
  }
  const api = apiCallAt(ctx.sourceCode, expr);
  if (api?.api.operation !== 'random') return undefined;
  const size = argsWithRole(api, 'size')[0];
  if (size) return numberValues(ctx, size);
  // getRandomValues(new Uint8Array(n)) / randomFillSync(Buffer.alloc(n))
  const target = expr.arguments[0];
  return target ? allocationSize(ctx.sourceCode, ctx, target) : [];
}

function allocationSize(sourceCode: SourceCode, ctx: ResolveContext, node: TSESTree.Node): Constant[] {
  const expr = unwrapExpression(node);
  if ((expr.type === 'NewExpression' || expr.type === 'CallExpression') && expr.arguments[0]) {
    const callee = unwrapExpression(expr.callee);
    const isAlloc =
      (expr.type === 'NewExpression' && callee.type === 'Identifier' && /^(?:Uint8Array|Int8Array|Uint8ClampedArray)$/.test(callee.name)) ||
      (callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'Buffer' && memberName(callee) === 'alloc');
    if (isAlloc) return numberValues(ctx, expr.arguments[0]);
  }
  void sourceCode;
  return [];
}
