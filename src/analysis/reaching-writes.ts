import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isWithin } from './ast';
import { writesOf } from './scope';

type Reference = TSESLint.Scope.Reference;

export interface ReachingWrites {
  /**
   * The last write before the use that always runs before it: in the same
   * function, in a statement list (block, program) that encloses the use, not
   * under a condition or a loop. `let key = a; key = b; use(key)`: `key = b`.
   */
  dominating?: Reference;
  /** Writes after the dominating one and before the use that may reach it too (`if (!key) key = 'dev'`). */
  later: Reference[];
}

/**
 * Which writes of `variable` reach `use`, flow-aware enough for real code
 * without building a control-flow graph: source order inside one function.
 * A write after the use (in a loop, in a callback) is never counted.
 */
export function reachingWrites(variable: TSESLint.Scope.Variable, use: TSESTree.Node): ReachingWrites {
  const before = writesOf(variable).filter((w) => (w.writeExpr as TSESTree.Node).range[1] <= use.range[0]);
  const useFunction = enclosingFunction(use);
  const dominating = [...before].reverse().find((w) => {
    const block = containingBlock(w.identifier as TSESTree.Node);
    return enclosingFunction(w.identifier as TSESTree.Node) === useFunction && block !== undefined && isWithin(use, block);
  });
  if (!dominating) return { later: before };
  const start = (dominating.writeExpr as TSESTree.Node).range[0];
  return { dominating, later: before.filter((w) => (w.writeExpr as TSESTree.Node).range[0] > start) };
}

type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

function enclosingFunction(node: TSESTree.Node): FunctionNode | TSESTree.Program | undefined {
  for (let n: TSESTree.Node | undefined = node.parent; n; n = n.parent) {
    if (n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression' || n.type === 'Program') return n;
  }
  return undefined;
}

/** The block (or program/function body) whose statement list holds the statement containing `node`. */
function containingBlock(node: TSESTree.Node): TSESTree.Node | undefined {
  let child = node;
  for (let n: TSESTree.Node | undefined = node.parent; n; child = n, n = n.parent) {
    if (n.type === 'BlockStatement' || n.type === 'Program' || n.type === 'StaticBlock') return n;
    // Writes in a condition, loop or a short-circuit are not unconditional.
    if (n.type === 'IfStatement' || n.type === 'ConditionalExpression' || n.type === 'LogicalExpression' || n.type === 'SwitchCase') {
      if (n.type === 'IfStatement' && n.test === child) continue;
      return n;
    }
    if (n.type === 'ForStatement' || n.type === 'ForInStatement' || n.type === 'ForOfStatement' || n.type === 'WhileStatement' || n.type === 'DoWhileStatement') return n;
    if (n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression') return undefined;
  }
  return undefined;
}
