import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

let cachedTypeScript: typeof ts | null | undefined;

/**
 * The `typescript` module, loaded only when a file was parsed with type
 * information (that is when cross-file analysis needs it); undefined where it
 * is not installed, so plain-JavaScript users never pay for it.
 */
export function loadTypeScript(): typeof ts | undefined {
  if (cachedTypeScript === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      cachedTypeScript = require('typescript') as typeof ts;
    } catch {
      cachedTypeScript = null;
    }
  }
  return cachedTypeScript ?? undefined;
}

/**
 * Every node of a TypeScript tree under `root` (itself first), in source
 * order, as `ts.forEachChild` visits them; a loop over it can stop at any node.
 */
export function* tsDescendants(typescript: typeof ts, root: ts.Node): Generator<ts.Node> {
  const stack: ts.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    yield node;
    const children: ts.Node[] = [];
    typescript.forEachChild(node, (child) => {
      children.push(child);
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

/** What a cross-file question needs from a file linted with type information. */
export interface TypeInformation {
  typescript: typeof ts;
  program: ts.Program;
  checker: ts.TypeChecker;
  /** The TypeScript node the ESTree node was converted from. */
  tsNode: ts.Node;
}

/**
 * The TypeScript module, program, checker and the TypeScript node of `node`, when the file was parsed
 * with type information (`parserOptions.project` or `projectService`) and `typescript` is installed;
 * undefined otherwise, and the question is then left unanswered rather than guessed.
 */
export function typeInformationAt(services: Partial<TSESLint.SourceCode['parserServices']> | undefined, node: TSESTree.Node): TypeInformation | undefined {
  const program = services?.program;
  const map = services?.esTreeNodeToTSNodeMap;
  const typescript = program && map ? loadTypeScript() : undefined;
  if (!program || !map || !typescript) return undefined;
  const tsNode = map.get(node as never) as ts.Node | undefined;
  return tsNode ? { typescript, program, checker: program.getTypeChecker(), tsNode } : undefined;
}

/** The symbol `node` names, through import aliases (`import { key } from './keys'` → the declaration in keys.ts). */
export function aliasedSymbolAt(typescript: typeof ts, checker: ts.TypeChecker, node: ts.Node): ts.Symbol | undefined {
  const symbol = checker.getSymbolAtLocation(node);
  return symbol && symbol.flags & typescript.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}
