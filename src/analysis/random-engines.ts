import type { TSESTree } from '@typescript-eslint/utils';
import type { ApiCall } from './api-calls';
import { resolveImportPath } from './imports';
import { unwrapExpression, type SourceCode } from './scope';

/**
 * Generators whose engine is chosen when they are made (random-js `new Random(engine)`): the model lists, in the
 * `predictableEngines` fact of the constructor, the engines that make every draw predictable (`nativeMath` is
 * Math.random, a Mersenne Twister replays from its seed). A draw through a CSPRNG engine (`nodeCrypto`,
 * `browserCrypto`) is not a predictable source; neither is one whose engine this file does not show.
 */
export function drawsFromSecureEngine(sourceCode: SourceCode, call: ApiCall): boolean {
  let maker = call;
  while (maker.receiver) maker = maker.receiver;
  const listed = maker.api.facts?.predictableEngines;
  if (typeof listed !== 'string') return false;
  const engine = maker.node.arguments[0];
  // No engine: the library's default, which the fact's list starts with.
  if (!engine) return false;
  if (engine.type === 'SpreadElement') return true;
  const path = enginePath(sourceCode, engine);
  if (!path) return true;
  const predictable = new Set(listed.split(' '));
  return !path.some((segment) => predictable.has(segment));
}

/**
 * The import path of an engine, also when factory calls make it: `MersenneTwister19937.seed(42)`, and random-js v1's
 * `Random.engines.mt19937().autoSeed()` (the path of the factory the chain starts from).
 */
function enginePath(sourceCode: SourceCode, node: TSESTree.Node): string[] | undefined {
  let expr = unwrapExpression(node);
  for (let i = 0; i < 8; i++) {
    if (expr.type === 'CallExpression') expr = unwrapExpression(expr.callee);
    else if (expr.type === 'MemberExpression' && unwrapExpression(expr.object).type === 'CallExpression') expr = unwrapExpression(expr.object);
    else break;
  }
  return resolveImportPath(sourceCode, expr)?.path;
}
