import type { TSESTree } from '@typescript-eslint/utils';
import { concatenatedOperands } from './ast';
import { variableOf, type SourceCode } from './scope';

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
