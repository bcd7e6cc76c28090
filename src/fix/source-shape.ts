import type { TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '../analysis/scope';

/** Small, shape-only helpers the fixes share (where to insert, how to indent, which names are free). */

// The AST basics live with the envelope rewrite, which wrote them first; every fix shares them.
export { encodingArguments, isFunction, walk, within, type FunctionNode } from './envelope/ast';
import { isFunction, walk, within, type FunctionNode } from './envelope/ast';
import { LintScopedWeakMap } from '../analysis/lint-scoped';

/** The nearest function around a node. */
export function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let n = node.parent; n; n = n.parent) if (isFunction(n)) return n;
  return undefined;
}

/** Is the node evaluated once, when the module loads (not inside a function or a class body)? */
export function runsAtModuleLoad(node: TSESTree.Node): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (isFunction(n) || n.type === 'ClassBody') return false;
  }
  return true;
}

/** The whitespace that starts the node's line. */
export function indentOf(text: string, node: TSESTree.Node): string {
  const lineStart = text.lastIndexOf('\n', node.range[0] - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** One level of indentation in the file's style. */
export function indentUnit(text: string): string {
  if (/\n\t/.test(text)) return '\t';
  const four = (text.match(/\n {4}\S/g) ?? []).length;
  const two = (text.match(/\n {2}\S/g) ?? []).length;
  return two === 0 && four > 0 ? '    ' : '  ';
}

/** Does the node start its own line (only whitespace before it)? */
export function startsLine(text: string, node: TSESTree.Node): boolean {
  const lineStart = text.lastIndexOf('\n', node.range[0] - 1) + 1;
  return /^[ \t]*$/.test(text.slice(lineStart, node.range[0]));
}

/**
 * Can `name` be introduced in `scopeNode` without changing what any existing
 * identifier means? Free when every identifier of that name in the file sits
 * inside one of the ranges being replaced anyway.
 */
export function nameIsFree(sourceCode: SourceCode, name: string, replaced: readonly TSESTree.Node[] = []): boolean {
  const uses = identifierRanges(sourceCode).get(name);
  return !uses || uses.every((range) => replaced.some((r) => within({ range } as TSESTree.Node, r)));
}

/**
 * Where each identifier name occurs in the file, from the token list (one flat
 * pass, cached per file): fixes ask "is this name free?" for every finding,
 * and walking the whole AST for each question made suggestions cost more than
 * the rules that found the problems.
 */
const identifierIndex = new LintScopedWeakMap<object, Map<string, (readonly [number, number])[]>>();
function identifierRanges(sourceCode: SourceCode): Map<string, (readonly [number, number])[]> {
  let index = identifierIndex.get(sourceCode.ast);
  if (index) return index;
  index = new Map();
  const add = (name: string, range: readonly [number, number]) => {
    const ranges = index!.get(name);
    if (ranges) ranges.push(range);
    else index!.set(name, [range]);
  };
  const tokens = sourceCode.ast.tokens;
  if (tokens) {
    for (const token of tokens) if (token.type === 'Identifier') add(token.value, token.range);
  } else {
    walk(sourceCode.ast, (node) => node.type === 'Identifier' && add(node.name, node.range));
  }
  identifierIndex.set(sourceCode.ast, index);
  return index;
}

/** The first candidate name that is free in the file. */
export function pickName(sourceCode: SourceCode, candidates: readonly string[], replaced: readonly TSESTree.Node[] = []): string | undefined {
  return candidates.find((name) => nameIsFree(sourceCode, name, replaced));
}

/** The last top-level import or require statement before any other code: where module-level additions go. */
export function lastImport(program: TSESTree.Program): TSESTree.ProgramStatement | undefined {
  let last: TSESTree.ProgramStatement | undefined;
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration' || isRequireStatement(statement)) last = statement;
    else if (!(statement.type === 'ExpressionStatement' && statement.directive)) break;
  }
  return last;
}

function isRequireStatement(statement: TSESTree.ProgramStatement): boolean {
  if (statement.type !== 'VariableDeclaration') return false;
  return statement.declarations.every((d) => {
    let init: TSESTree.Node | null | undefined = d.init;
    while (init?.type === 'MemberExpression') init = init.object;
    return init?.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === 'require';
  });
}

/** Is the file TypeScript (by its name)? Fixes add type annotations only there. */
export function isTypeScriptFile(filename: string): boolean {
  return /\.[cm]?tsx?$/i.test(filename);
}

/** The namespace a `ns.fn(…)` call goes through (`crypto` in `crypto.createCipheriv`), if it is a plain identifier. */
export function namespaceOf(call: TSESTree.CallExpression): string | undefined {
  const callee = call.callee;
  if (callee.type === 'MemberExpression' && !callee.computed && callee.object.type === 'Identifier') return callee.object.name;
  return undefined;
}
