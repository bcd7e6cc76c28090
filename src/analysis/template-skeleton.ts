import type { TSESTree } from '@typescript-eslint/utils';
import { classMemberValues } from './class-members';
import { memberName, singleInitializer, unwrapExpression, variableOf, type SourceCode } from './scope';

/** A template literal whose interpolations are not constants: its fixed text around them. */
export interface TemplateSkeleton {
  template: TSESTree.TemplateLiteral;
  /** The fixed text pieces, in order (`aes-${bits}-ecb` → `['aes-', '-ecb']`). */
  quasis: string[];
}

const MAX_DEPTH = 4;

/**
 * The template literals an expression may evaluate to, through constants, class
 * fields and getters (`get algorithm() { return `aes-${this.bits}-ecb`; }`). What the
 * fixed text says holds whatever the interpolations turn out to be: `-ecb` is ECB.
 */
export function templateSkeletons(sourceCode: SourceCode, node: TSESTree.Node, depth = 0): TemplateSkeleton[] {
  if (depth > MAX_DEPTH) return [];
  const expr = unwrapExpression(node);
  if (expr.type === 'TemplateLiteral') {
    return expr.expressions.length > 0 ? [{ template: expr, quasis: expr.quasis.map((q) => q.value.cooked ?? q.value.raw) }] : [];
  }
  if (expr.type === 'Identifier') {
    const variable = variableOf(sourceCode, expr);
    const init = variable && singleInitializer(variable);
    return init ? templateSkeletons(sourceCode, init, depth + 1) : [];
  }
  if (expr.type === 'MemberExpression') {
    const name = memberName(expr);
    const values = name ? classMemberValues(sourceCode, expr, name) : [];
    return values.flatMap((v) => templateSkeletons(sourceCode, v, depth + 1));
  }
  if (expr.type === 'ConditionalExpression') {
    return [...templateSkeletons(sourceCode, expr.consequent, depth + 1), ...templateSkeletons(sourceCode, expr.alternate, depth + 1)];
  }
  return [];
}
