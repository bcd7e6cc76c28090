import type { TSESTree } from '@typescript-eslint/utils';
import { concatenatedOperands } from './ast';
import { accessorReturn } from './local-functions';
import { isStaticCall, singleInitializer, unwrapExpression, variableOf, type SourceCode } from './scope';
import { resolveValues, type Constant, type ResolveContext } from './values';

/**
 * A binding read only as a piece of a key split into named parts (`${HEAD}${TAIL}`, `HEAD + TAIL`): one key,
 * judged where the pieces meet (at its sink or binding). Text around the parts (`'?secret=' + SECRET`) is not a split.
 */
export function isOnlyAKeyPiece(sourceCode: SourceCode, id: TSESTree.Identifier): boolean {
  const variable = variableOf(sourceCode, id);
  const reads = variable?.references.filter((ref) => ref.isRead()) ?? [];
  return reads.length > 0 && reads.every((ref) => isSplitKeyPart(ref.identifier));
}

function isSplitKeyPart(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (parent?.type === 'TemplateLiteral') {
    return parent.expressions.length >= 2 && parent.quasis.every((q) => q.value.cooked === '') && parent.expressions.every((e) => e.type === 'Identifier');
  }
  if (parent?.type !== 'BinaryExpression' || parent.operator !== '+') return false;
  let top: TSESTree.BinaryExpression = parent;
  while (top.parent?.type === 'BinaryExpression' && top.parent.operator === '+') top = top.parent;
  return concatenatedOperands(top).every((operand) => operand.type === 'Identifier');
}

/**
 * The constant pieces of a key that is assembled from a constant and a value read at run time: the half of a split
 * key that ships in the code (`Buffer.concat([Buffer.from(KEY_PART_A, 'hex'), Buffer.from(process.env.KEY_PART_B, 'hex')])`,
 * `PART_A + process.env.PART_B`), followed from the key argument through bindings initialised once and argument-less
 * local helpers that return the assembly. A piece is reported only when it is key material on its own (`judge` decides,
 * with its length): with the code, an attacker is left the other piece to find. A fully constant assembly is value
 * resolution's (one key where it is assembled, decision 36), not a piece.
 */
export function hardcodedKeyPieces(ctx: ResolveContext, node: TSESTree.Node, judge: (constant: Constant) => boolean): Constant[] {
  const assembly = keyAssembly(ctx, node, 0);
  if (!assembly || assembly.length < 2) return [];
  const resolved = assembly.map((piece) => resolveValues(ctx, piece));
  if (resolved.every((r) => r.complete)) return [];
  const out: Constant[] = [];
  for (const r of resolved) {
    if (!r.complete || r.values.length !== 1) continue;
    const constant = r.values[0];
    if (judge(constant)) out.push(constant);
  }
  return out;
}

const MAX_ASSEMBLY_HOPS = 3;

/** The pieces of `Buffer.concat([a, b])`, `a + b` or `` `${a}${b}` `` that the key expression is, if it is one. */
function keyAssembly(ctx: ResolveContext, node: TSESTree.Node, depth: number): TSESTree.Node[] | undefined {
  if (depth > MAX_ASSEMBLY_HOPS) return undefined;
  const expr = unwrapExpression(node);
  if (expr.type === 'Identifier') {
    const variable = variableOf(ctx.sourceCode, expr);
    const init = variable && singleInitializer(variable);
    return init ? keyAssembly(ctx, init, depth + 1) : undefined;
  }
  if (expr.type === 'CallExpression' && expr.arguments.length === 0) {
    // `const KEY = licenceKey()`: an argument-less helper of this file that returns the assembly.
    const returned = accessorReturn(ctx.sourceCode, expr);
    return returned ? keyAssembly(ctx, returned, depth + 1) : undefined;
  }
  if (isStaticCall(expr, 'Buffer', 'concat') && expr.arguments.length >= 1) {
    const list = unwrapExpression(expr.arguments[0]);
    if (list.type !== 'ArrayExpression' || list.elements.some((e) => !e || e.type === 'SpreadElement')) return undefined;
    return list.elements as TSESTree.Node[];
  }
  if (expr.type === 'BinaryExpression' && expr.operator === '+') return concatenatedOperands(expr);
  if (expr.type === 'TemplateLiteral' && expr.expressions.length >= 2 && expr.quasis.every((q) => q.value.cooked === '')) return expr.expressions;
  return undefined;
}

/**
 * A constant key written once and dressed at its use (`${CLIENT_SECRET}&` for an OAuth 1.0a-style signing key,
 * `'v1:' + KEY`): the key material is the written constant, reported where it is written (decision 1, once per
 * constant), not again where the text is assembled. The one part of a template or `+` chain that is key material on
 * its own (`judge` decides), resolved to a single constant of a binding of this file; several such parts are a key
 * split in pieces, judged where they meet.
 */
export function soleWrittenKeyPart(ctx: ResolveContext, node: TSESTree.Node, judge: (constant: Constant) => boolean): Constant | undefined {
  const expr = unwrapExpression(node);
  const parts =
    expr.type === 'TemplateLiteral' ? expr.expressions : expr.type === 'BinaryExpression' && expr.operator === '+' ? concatenatedOperands(expr) : undefined;
  if (!parts) return undefined;
  let found: Constant | undefined;
  for (const part of parts) {
    if (unwrapExpression(part).type !== 'Identifier') continue;
    const r = resolveValues(ctx, part);
    if (!r.complete || r.values.length !== 1) continue;
    const constant = r.values[0];
    if (constant.external || constant.fallback || !judge(constant)) continue;
    if (found) return undefined;
    found = constant;
  }
  if (!found) return undefined;
  // Only a short dressing (a separator, a version prefix): text that wraps the constant into another format (PEM
  // armour around a base64 body) makes a key of its own, reported where it is assembled.
  const whole = resolveValues(ctx, expr);
  const text = whole.complete && whole.values.length === 1 ? whole.values[0].value : undefined;
  const part = found.text ?? found.value;
  if (typeof text !== 'string' || typeof part !== 'string') return undefined;
  return text.length - part.length <= MAX_KEY_DRESSING && !/[\r\n]/.test(text) ? found : undefined;
}

/** The most text a key's dressing adds (`&`, `v1:`, `sk_live_`…): more is a format of its own. */
const MAX_KEY_DRESSING = 12;
