import { ClassNameDefinition, FunctionNameDefinition, ScopeManager, type Scope, type Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/types';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import { definitionNodesOf, scopesUnder, topScopeOf } from './kept-scopes';
import { Referencer, type ReferencerClass } from './typescript-referencer';

/**
 * Scope analysis of a TypeScript tree the incremental parser put together,
 * reusing the previous analysis for the top-level statements it kept.
 *
 * @typescript-eslint/scope-manager analyses the whole file on every edit:
 * some 13 ms of a 2,000-line file's lint, nearly all of it inside function
 * and class bodies. A kept statement's nodes are the very objects of the last
 * parse, so the scopes its functions and classes made then still describe
 * them: their variables, definitions and the references resolved inside
 * depend on nothing outside. Only what crosses their border is redone:
 *  - the new top scope (module, or global for a script) is analysed afresh,
 *    every top-level statement visited as usual, except that a kept function
 *    or class directly under it is not entered: its name is defined as the
 *    Referencer would, and its old scope is hung under the new top scope;
 *  - the references that went through that old scope unresolved (to
 *    module-level bindings and globals) are handed to the new top scope at
 *    the moment the Referencer would have handed them, so they resolve, and
 *    land in their variables' `references`, in the order a full analysis gives;
 *  - the scope manager's lists (`scopes`, node → scopes, node → declared
 *    variables) get the old scopes' entries in creation order.
 * The result equals a full analysis, scope for scope (the incremental parser
 * tests compare the two over random edits).
 *
 * Not reused: files with JSX (the first JSX element adds a reference to the
 * pragma, React, wherever it appears), and any scope when the top scope's kind
 * or strictness changed.
 */

/** What an analysis leaves for the next one: the top scope's function and class scopes, cut loose from it. */
export interface ReusableScopes {
  /** Scope of each function or class node directly under the top scope (the outermost one, for a named function expression). */
  roots: Map<TSESTree.Node, Scope>;
  /** Node → variables it declares inside those scopes (a class node's name is also declared outside: not kept). */
  declared: Map<TSESTree.Node, Variable[]>;
  topType: string;
  topStrict: boolean;
}

const FUNCTION_OR_CLASS = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'TSDeclareFunction',
  'TSEmptyBodyFunctionExpression',
  'ClassDeclaration',
  'ClassExpression',
]);

/**
 * Takes the function and class scopes of `scopeManager`'s top scope for reuse,
 * and cuts their links to it: after this, `scopeManager` is no longer a
 * complete analysis. Called once the lint that used it is over, so the old
 * Program (and all the caches keyed by it) need not stay alive until the next
 * edit.
 */
export function takeReusableScopes(scopeManager: ScopeManager): ReusableScopes | undefined {
  const top = topScopeOf(scopeManager.globalScope as Scope | null);
  if (!top) return undefined;
  const reusable: ReusableScopes = { roots: new Map(), declared: new Map(), topType: top.type, topStrict: top.isStrict };
  for (const root of top.childScopes) {
    if (!FUNCTION_OR_CLASS.has(root.block.type) || reusable.roots.has(root.block)) continue;
    const inside = new Set(scopesUnder(root));
    for (const scope of inside) {
      for (const node of definitionNodesOf(scope)) {
        if (reusable.declared.has(node as TSESTree.Node)) continue;
        const declared = scopeManager.getDeclaredVariables(node as TSESTree.Node).filter((v) => inside.has(v.scope));
        if (declared.length > 0) reusable.declared.set(node as TSESTree.Node, declared);
      }
      // A class scope's variable scope is the top scope: set again when reused.
      if (!inside.has(scope.variableScope)) (scope as { variableScope: Scope | null }).variableScope = null;
    }
    for (const reference of root.through) (reference as { resolved: Variable | null }).resolved = null;
    (root as { upper: Scope | null }).upper = null;
    reusable.roots.set(root.block, root);
  }
  // Every scope keeps the manager's node → variables map for the definitions it would still make; the kept
  // scopes make none, but through that map they would keep the old top scope's variables (and so the old
  // Program) alive: empty it of every definition.
  for (const scope of scopeManager.scopes) {
    for (const node of definitionNodesOf(scope)) scopeManager.declaredVariables.delete(node as TSESTree.Node);
  }
  return reusable;
}

/** The options `analyze` of @typescript-eslint/scope-manager fills in (analyze.ts), for the Referencer it creates. */
function analyzeOptions(options: Record<string, unknown>): Record<string, unknown> {
  return {
    childVisitorKeys: options.childVisitorKeys ?? visitorKeys,
    emitDecoratorMetadata: false,
    globalReturn: options.globalReturn ?? false,
    impliedStrict: options.impliedStrict ?? false,
    jsxFragmentName: options.jsxFragmentName ?? null,
    jsxPragma: options.jsxPragma === undefined ? 'React' : options.jsxPragma,
    lib: ((options.lib as string[] | undefined) ?? ['esnext']).map((lib) => lib.toLowerCase()),
    sourceType: options.sourceType ?? 'script',
  };
}

/**
 * `analyze(ast, options)` of @typescript-eslint/scope-manager, taking the
 * function and class scopes of kept statements from `reusable` (emptied: each
 * scope moves into the new analysis).
 */
export function analyzeTypeScriptScopesReusing(ast: TSESTree.Program, options: Record<string, unknown>, reusable: ReusableScopes): ScopeManager {
  const analysisOptions = analyzeOptions(options);
  const scopeManager = new ScopeManager(analysisOptions as never);
  new ReusingReferencer(analysisOptions, scopeManager, ast, reusable).visit(ast);
  return scopeManager;
}

const BaseReferencer = Referencer as ReferencerClass;

class ReusingReferencer extends BaseReferencer {
  constructor(
    options: Record<string, unknown>,
    scopeManager: ScopeManager,
    private readonly program: TSESTree.Program,
    private readonly reusable: ReusableScopes,
  ) {
    super(options, scopeManager);
  }

  visitFunction(node: TSESTree.FunctionLike | TSESTree.ArrowFunctionExpression): void {
    const old = this.reusableScopeOf(node);
    if (!old) return super.visitFunction(node);
    // What Referencer.visitFunction does before nesting: a declaration's name is defined in the upper scope.
    if (node.type !== 'FunctionExpression' && node.id) this.top().defineIdentifier(node.id, new FunctionNameDefinition(node.id, node as never));
    this.hangUnderTop(old);
  }

  visitClass(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): void {
    const old = this.reusableScopeOf(node);
    if (!old) return super.visitClass(node);
    // What ClassVisitor.visitClass does before nesting: the name in the upper scope, then the decorators there.
    if (node.type === 'ClassDeclaration' && node.id) this.top().defineIdentifier(node.id, new ClassNameDefinition(node.id, node));
    for (const decorator of node.decorators) this.visit(decorator);
    this.hangUnderTop(old);
  }

  private top(): Scope {
    return this.currentScope() as Scope;
  }

  /** The kept scope of a function or class written directly under the top scope, taken from `reusable`. */
  private reusableScopeOf(node: TSESTree.Node): Scope | undefined {
    const current = this.currentScope() as Scope;
    if (current.block !== this.program || current.type !== this.reusable.topType || current.isStrict !== this.reusable.topStrict) return undefined;
    const old = this.reusable.roots.get(node);
    if (old) this.reusable.roots.delete(node);
    return old;
  }

  /** What nesting, visiting and closing the old scope did to the upper scope and the scope manager, done again. */
  private hangUnderTop(root: Scope): void {
    const top = this.top();
    const scopeManager = this.scopeManager as ScopeManager;
    (root as { upper: Scope | null }).upper = top;
    top.childScopes.push(root);
    for (const scope of scopesUnder(root)) {
      scopeManager.scopes.push(scope);
      const sameBlock = scopeManager.nodeToScope.get(scope.block);
      if (sameBlock) sameBlock.push(scope);
      else scopeManager.nodeToScope.set(scope.block, [scope]);
      if (scope.variableScope === null) (scope as { variableScope: Scope }).variableScope = top.variableScope;
      for (const node of definitionNodesOf(scope)) this.declareAgain(node as TSESTree.Node);
    }
    // Closing the old scope delegated these to the upper scope (ScopeBase.delegateToUpperScope).
    (top as unknown as { leftToResolve: unknown[] | null }).leftToResolve?.push(...root.through);
  }

  private declareAgain(node: TSESTree.Node): void {
    const kept = this.reusable.declared.get(node);
    if (!kept) return;
    this.reusable.declared.delete(node);
    const declaredVariables = (this.scopeManager as ScopeManager).declaredVariables;
    const current = declaredVariables.get(node);
    if (current) current.push(...kept.filter((variable) => !current.includes(variable)));
    else declaredVariables.set(node, [...kept]);
  }
}
