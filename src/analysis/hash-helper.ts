import type { TSESTree } from '@typescript-eslint/utils';
import { callChain, getApiCalls, type ApiCall } from './api-calls';
import { enclosingFunctions, functionName, type FunctionNode } from './expression-names';
import { localFunctionOf, returnedExpressions } from './local-functions';
import { moduleExports } from './module-exports';
import { referencedName, unwrapExpression, variableOf, type SourceCode } from './scope';
import { valueUses, type ValueUse } from './value-flow';
import { LintScopedWeakMap } from './lint-scoped';

/**
 * A hash helper module: every export is a function that returns a digest (or an
 * unfinished hash object) of what its caller passes in — `export default function
 * md5(bytes) { return createHash('md5').update(bytes).digest(); }`, a
 * `createHash(algorithm)` factory. Such a module is a hash primitive like
 * `crypto.createHash` itself: the algorithm is fixed here, but what is hashed and
 * what the digest is for are decided by the importers, in other files. The
 * finding belongs where the primitive is used for security, not inside it.
 */
export interface HashHelper {
  /** The exported function whose result is the digest. */
  exported: FunctionNode;
}

/** Re-encodings of a parameter that keep it the caller's data. */
const CONVERSIONS = new Set(['from', 'String', 'stringify', 'concat', 'encode', 'toString']);

/**
 * The exported helper that returns this digest to its callers, when (1) every input
 * of the hash is a parameter of the enclosing functions (or the hash object itself is
 * returned unfed), (2) the digest only flows back through `return`s to an exported
 * function, (3) every export of the module is such a helper, and (4) no name in reach
 * (`securityName`: function names, parameter names, the file path) says security.
 */
export function hashHelperOf(
  sourceCode: SourceCode,
  root: ApiCall,
  inputs: readonly TSESTree.Node[],
  uses: readonly ValueUse[],
  securityName: (name: string) => boolean,
  filePath = '',
): HashHelper | undefined {
  if (uses.length === 0 || !uses.every(passesThrough)) return undefined;
  const exports = moduleExports(sourceCode);
  if (exports.others > 0 || exports.functions.length === 0) return undefined;
  const exported = uses.flatMap((u) => (u.kind === 'return' && exports.functions.includes(u.fn) ? [u.fn] : []))[0];
  if (!exported) return undefined;
  const scope = enclosingFunctions(root.node);
  if (!scope.includes(exported)) return undefined;
  const reach = scope.slice(0, scope.indexOf(exported) + 1);
  if (!inputs.every((input) => fromParameters(sourceCode, input, reach, new Set(), 0))) return undefined;
  const names = [
    ...reach.flatMap((fn) => [functionName(fn) ?? '', ...fn.params.flatMap(parameterNames)]),
    ...filePath.split(/[\\/]/).map((segment) => segment.replace(/\.[cm]?[jt]sx?$/, '')),
  ];
  if (names.some(securityName)) return undefined;
  const helpers = helperFunctions(sourceCode);
  return exports.functions.every((fn) => helpers.has(fn)) ? { exported } : undefined;
}

/** A use that only hands the digest back to the caller: a `return`, or a local variable on the way to one (not an object property). */
function passesThrough(use: ValueUse): boolean {
  if (use.kind === 'return') return true;
  if (use.kind !== 'binding' || use.node.type !== 'Identifier') return false;
  const parent = use.node.parent;
  return parent?.type === 'VariableDeclarator' || (parent?.type === 'AssignmentExpression' && parent.left === use.node);
}

/** Every function of the file that returns the result of a hash call made in it. Cached per file. */
const helperCache = new LintScopedWeakMap<TSESTree.Program, Set<FunctionNode>>();

function helperFunctions(sourceCode: SourceCode): Set<FunctionNode> {
  let found = helperCache.get(sourceCode.ast);
  if (found) return found;
  found = new Set();
  for (const call of getApiCalls(sourceCode)) {
    if (call.api.operation !== 'hash' || call.receiver) continue;
    const chain = callChain(sourceCode, call);
    const ends = chain.filter((c) => !chain.some((other) => other.receiver === c && isCalleeObject(other, c)));
    for (const use of ends.flatMap((c) => valueUses(sourceCode, c.node))) if (use.kind === 'return') found.add(use.fn);
  }
  addComposedHelpers(sourceCode, found);
  helperCache.set(sourceCode.ast, found);
  return found;
}

/**
 * Functions that return what another helper of the file returns (`sha256Json = (v) => sha256(stableStringify(v))`)
 * are helpers too: a digest of their caller's data, one call further.
 */
function addComposedHelpers(sourceCode: SourceCode, found: Set<FunctionNode>): void {
  for (let grew = found.size > 0; grew; ) {
    grew = false;
    for (const fn of moduleExports(sourceCode).functions) {
      if (found.has(fn)) continue;
      const returned = returnedExpressions(fn);
      if (returned?.length && returned.every((r) => returnsHelperCall(sourceCode, r, found))) {
        found.add(fn);
        grew = true;
      }
    }
  }
}

function returnsHelperCall(sourceCode: SourceCode, returned: TSESTree.Node, found: ReadonlySet<FunctionNode>): boolean {
  const expr = unwrapExpression(returned);
  if (expr.type !== 'CallExpression') return false;
  const callee = localFunctionOf(sourceCode, expr.callee);
  return !!callee && found.has(callee);
}

function isCalleeObject(method: ApiCall, receiver: ApiCall): boolean {
  return method.node.callee.type === 'MemberExpression' && method.node.callee.object === receiver.node;
}

function parameterNames(param: TSESTree.Parameter): string[] {
  const p = param.type === 'AssignmentPattern' ? param.left : param.type === 'TSParameterProperty' ? param.parameter : param;
  if (p.type === 'Identifier') return [p.name];
  if (p.type === 'RestElement' && p.argument.type === 'Identifier') return [p.argument.name];
  if (p.type === 'AssignmentPattern' && p.left.type === 'Identifier') return [p.left.name];
  if (p.type === 'ObjectPattern') return p.properties.flatMap((prop) => (prop.type === 'Property' && prop.value.type === 'Identifier' ? [prop.value.name] : []));
  return [];
}

/**
 * The value is the caller's data: a parameter of one of `reach` (also after
 * `bytes = Buffer.from(bytes)`), a literal, or a conversion/concatenation of those.
 */
function fromParameters(sourceCode: SourceCode, raw: TSESTree.Node, reach: readonly FunctionNode[], seen: Set<unknown>, depth: number): boolean {
  if (depth > 6) return false;
  const node = unwrapExpression(raw);
  const next = (n: TSESTree.Node) => fromParameters(sourceCode, n, reach, seen, depth + 1);
  switch (node.type) {
    case 'Literal':
      return true;
    case 'TemplateLiteral':
      return node.expressions.every(next);
    case 'BinaryExpression':
      return node.operator === '+' && next(node.left) && next(node.right);
    case 'CallExpression':
    case 'NewExpression': {
      const name = referencedName(unwrapExpression(node.callee));
      return !!name && CONVERSIONS.has(name) && node.arguments.length > 0 && node.arguments.every((a) => a.type !== 'SpreadElement' && next(a));
    }
    case 'Identifier': {
      const variable = variableOf(sourceCode, node);
      const def = variable?.defs[0];
      if (!variable || def?.type !== 'Parameter' || !reach.includes(def.node as FunctionNode)) return false;
      if (seen.has(variable)) return true;
      seen.add(variable);
      // Reassignments must keep it the caller's data (`bytes = Buffer.from(bytes)`).
      return variable.references.every((ref) => !ref.isWrite() || !ref.writeExpr || next(ref.writeExpr as TSESTree.Node));
    }
    default:
      return false;
  }
}
