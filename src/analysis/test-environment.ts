import type { TSESTree } from '@typescript-eslint/utils';
import { identifierWords } from './identifier-words';
import { memberName, unwrapExpression } from './scope';
import { envVarName } from './values';

/**
 * Is `node` a value the code uses only when it runs its tests? `rounds = 1` under
 * `if (process.env.NODE_ENV === 'test')`, `isTest ? 1024 : 4096`: a cost or size
 * lowered on purpose to keep a test suite fast, not the production setting.
 * Only branches whose condition plainly names the test environment count:
 * `NODE_ENV` compared with (or starting with) `test…`, `JEST_WORKER_ID`/`VITEST`
 * set, or a flag named `isTest`/`IS_TESTING`. Mixed conditions (`a && isTest`) do not.
 */
export function isTestOnlyValue(node: TSESTree.Node): boolean {
  for (let child: TSESTree.Node = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === 'ConditionalExpression' || parent.type === 'IfStatement') {
      if (child === parent.consequent) return testsEnvironment(parent.test) === true;
      if (child === parent.alternate) return testsEnvironment(parent.test) === false;
    }
    if (parent.type.includes('Function') || parent.type === 'Program') return false;
  }
  return false;
}

const TEST_RUNNER_VARIABLES = new Set(['JEST_WORKER_ID', 'VITEST', 'MOCHA_WORKER_ID']);

/** `true` when the condition holds exactly in tests, `false` when exactly outside them, undefined otherwise. */
function testsEnvironment(condition: TSESTree.Node): boolean | undefined {
  const expr = unwrapExpression(condition);
  if (expr.type === 'UnaryExpression' && expr.operator === '!') {
    const inner = testsEnvironment(expr.argument);
    return inner === undefined ? undefined : !inner;
  }
  if (expr.type === 'BinaryExpression' && ['===', '==', '!==', '!='].includes(expr.operator)) {
    const literal = [expr.left, expr.right].find((side) => side.type === 'Literal' && typeof side.value === 'string') as TSESTree.StringLiteral | undefined;
    const other = literal === expr.left ? expr.right : expr.left;
    if (!literal || !isNodeEnv(other) || !/^test/i.test(literal.value)) return undefined;
    return expr.operator.startsWith('=');
  }
  // `process.env.NODE_ENV?.startsWith('test')`
  if (expr.type === 'CallExpression' && expr.callee.type === 'MemberExpression' && memberName(expr.callee) === 'startsWith') {
    const [prefix] = expr.arguments;
    return isNodeEnv(expr.callee.object) && prefix?.type === 'Literal' && typeof prefix.value === 'string' && /^test/i.test(prefix.value) ? true : undefined;
  }
  const env = envVarName(expr);
  if (env && TEST_RUNNER_VARIABLES.has(env)) return true;
  const name = expr.type === 'Identifier' ? expr.name : expr.type === 'MemberExpression' ? memberName(expr) : undefined;
  if (name) {
    const words = identifierWords(name);
    if (words.length === 2 && words[0] === 'is' && (words[1] === 'test' || words[1] === 'testing')) return true;
  }
  return undefined;
}

function isNodeEnv(node: TSESTree.Node): boolean {
  const expr = unwrapExpression(node);
  return envVarName(expr.type === 'ChainExpression' ? expr.expression : expr) === 'NODE_ENV';
}
