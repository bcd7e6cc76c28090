import { Definition, Referencer, ScopeManager, Variable, type AnalyzeOptions, type Scope } from 'eslint-scope';
import * as espree from 'espree';
import { ecmaFeaturesOf } from '../../util/parser';
import { definitionNodesOf, scopesUnder, topScopeOf } from './kept-scopes';

/**
 * Scope analysis of a JavaScript tree: the ScopeManager ESLint builds itself
 * when a parser returns none (`analyzeScope` in eslint/lib/languages/js), in
 * about a third of the time.
 *
 * ESLint hands eslint-scope its visitor keys as `childVisitorKeys`. esrecurse
 * then merges them into a fresh copy of estraverse's ~70 keys with
 * `Object.assign` for every visitor it creates, and eslint-scope creates one
 * for every declaration, parameter and assignment pattern: 740 copies of a
 * 90-key object for a 2,000-line file, plus a lookup in that dictionary for
 * every node. Without `childVisitorKeys`, esrecurse reads estraverse's own
 * keys, which equal ESLint's for every node type the analysis visits through
 * them except the options of `import(source, options)`, visited here by hand.
 * Node types estraverse does not know (JSX, `StaticBlock`) go to the
 * fallback, which reads ESLint's keys. A test compares the result with
 * ESLint's own analysis over every JavaScript file of the corpus.
 */
export function analyzeJavaScriptScopes(ast: unknown, parserOptions: Record<string, unknown>, reusable?: ReusableJavaScriptScopes): ScopeManager {
  const options = analyzeOptions(parserOptions);
  const scopeManager = new ScopeManager(options);
  const referencer = reusable
    ? new ReusingReferencer(options as never, scopeManager, ast, reusable)
    : new ReferencerWithDynamicImportOptions(options as never, scopeManager);
  referencer.visit(ast as never);
  return scopeManager;
}

type Visitable = Parameters<Referencer['visit']>[0];

class ReferencerWithDynamicImportOptions extends Referencer {
  /** estraverse 5 knows only `source`; references in `import(x, { with: { type } })` count too. */
  ImportExpression(node: { source: Visitable; options?: Visitable | null }): void {
    this.visit(node.source);
    if (node.options) this.visit(node.options);
  }
}

const VISITOR_KEYS = espree.VisitorKeys as Readonly<Record<string, readonly string[] | undefined>>;

/** What eslint-visitor-keys' `getKeys` does, for node types its table lacks. */
function childKeys(node: { type: string }): string[] {
  const known = VISITOR_KEYS[node.type];
  if (known) return [...known];
  return Object.keys(node).filter((key) => key !== 'parent' && key !== 'leadingComments' && key !== 'trailingComments' && !key.startsWith('_'));
}

/**
 * The options ESLint's `analyzeScope` passes, from the parser options ESLint
 * gives a parser (its `ecmaVersion` and `sourceType` are the language
 * options'), with eslint-scope's defaults under them as `analyze` does.
 */
function analyzeOptions(parserOptions: Record<string, unknown>): AnalyzeOptions {
  const { globalReturn, impliedStrict, jsx } = ecmaFeaturesOf(parserOptions) as { globalReturn?: boolean; impliedStrict?: boolean; jsx?: boolean };
  const ecmaVersion = parserOptions.ecmaVersion || 5;
  const sourceType = parserOptions.sourceType || 'script';
  return {
    optimistic: false,
    ignoreEval: true,
    nodejsScope: globalReturn,
    impliedStrict,
    ecmaVersion: typeof ecmaVersion === 'number' ? ecmaVersion : 6,
    sourceType: sourceType as AnalyzeOptions['sourceType'],
    childVisitorKeys: null,
    fallback: childKeys as AnalyzeOptions['fallback'],
    jsx,
  };
}

/*
 * Reuse of the last analysis for kept statements: the same idea as
 * typescript-scopes.ts, on eslint-scope's structures. A kept top-level
 * function's or class's scopes are hung under the new top scope instead of
 * being analysed again, and the references that went through them unresolved
 * are handed to the top scope when its own analysis would have handed them,
 * so they resolve (and are listed in their variables) in the same order as in
 * a full analysis. The incremental parser tests compare the two over random
 * edits to the JavaScript fixtures.
 *
 * Not reused: a function holding a `with` statement (or any other scope
 * eslint-scope closes dynamically: their references go straight into every
 * enclosing scope's `through`, the old top scope's included), and any scope
 * when the top scope's kind or strictness changed. Unlike TypeScript's
 * analysis, eslint-scope adds no reference for the JSX pragma, so JSX files
 * are reused too.
 */

/** eslint-scope's internals this reuse reads and writes (the fields its own Referencer and scopes use). */
interface ScopeInternals {
  upper: Scope | null;
  variableScope: Scope | null;
  dynamic: boolean;
  __left: unknown[] | null;
  __declaredVariables: WeakMap<object, Variable[]>;
}
interface ManagerInternals {
  __nodeToScope: WeakMap<object, Scope[]>;
  __declaredVariables: WeakMap<object, Variable[]>;
}
const internals = (scope: Scope) => scope as unknown as ScopeInternals;
const managerInternals = (scopeManager: ScopeManager) => scopeManager as unknown as ManagerInternals;

/** What an analysis leaves for the next one: the top scope's function and class scopes, cut loose from it. */
export interface ReusableJavaScriptScopes {
  /** Scope of each function or class node directly under the top scope (the outermost one, for a named function expression). */
  roots: Map<object, Scope>;
  /** Node → variables it declares inside those scopes. */
  declared: Map<object, Variable[]>;
  topType: string;
  topStrict: boolean;
}

const FUNCTION_OR_CLASS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ClassDeclaration', 'ClassExpression']);

/**
 * Takes the function and class scopes of `scopeManager`'s top scope for reuse
 * and cuts their links to it (see takeReusableScopes in typescript-scopes.ts):
 * after this, `scopeManager` is no longer a complete analysis.
 */
export function takeReusableJavaScriptScopes(scopeManager: ScopeManager): ReusableJavaScriptScopes | undefined {
  const top = topScopeOf(scopeManager.globalScope as Scope | null);
  if (!top) return undefined;
  const reusable: ReusableJavaScriptScopes = { roots: new Map(), declared: new Map(), topType: top.type, topStrict: top.isStrict };
  for (const root of top.childScopes) {
    if (!FUNCTION_OR_CLASS.has(root.block.type) || reusable.roots.has(root.block)) continue;
    const inside = [...scopesUnder(root)];
    if (inside.some((scope) => internals(scope).dynamic)) continue;
    const insideSet = new Set(inside);
    for (const scope of inside) {
      for (const node of definitionNodesOf(scope)) {
        if (reusable.declared.has(node)) continue;
        const declared = scopeManager.getDeclaredVariables(node as never).filter((v) => insideSet.has(v.scope));
        if (declared.length > 0) reusable.declared.set(node, declared);
      }
      // A class scope's variable scope is the top scope: set again when reused.
      if (!insideSet.has(internals(scope).variableScope!)) internals(scope).variableScope = null;
    }
    for (const reference of root.through) (reference as { resolved: Variable | null }).resolved = null;
    internals(root).upper = null;
    reusable.roots.set(root.block, root);
  }
  // The kept scopes share the old manager's node → variables map; through the kept nodes' entries it would
  // hold the old top scope's variables (and so the old Program): empty it of every definition.
  const declaredVariables = managerInternals(scopeManager).__declaredVariables;
  for (const scope of scopeManager.scopes) {
    for (const node of definitionNodesOf(scope)) declaredVariables.delete(node);
  }
  return reusable;
}

class ReusingReferencer extends ReferencerWithDynamicImportOptions {
  constructor(
    options: never,
    scopeManager: ScopeManager,
    private readonly program: unknown,
    private readonly reusable: ReusableJavaScriptScopes,
  ) {
    super(options, scopeManager);
  }

  visitFunction(node: Visitable & { type: string; id?: unknown }): void {
    const old = this.reusableScopeOf(node);
    if (!old) return super.visitFunction(node as never);
    // What Referencer.visitFunction does before nesting: a declaration's name is defined in the upper scope.
    if (node.type === 'FunctionDeclaration') this.define(node.id, new Definition(Variable.FunctionName, node.id as never, node as never, null, null, null));
    this.hangUnderTop(old);
  }

  visitClass(node: Visitable & { type: string; id?: unknown }): void {
    const old = this.reusableScopeOf(node);
    if (!old) return super.visitClass(node as never);
    // What Referencer.visitClass does before nesting (its super class is visited inside the class scope).
    if (node.type === 'ClassDeclaration') this.define(node.id, new Definition(Variable.ClassName, node.id as never, node as never, null, null, null));
    this.hangUnderTop(old);
  }

  private define(id: unknown, definition: Definition): void {
    (this.currentScope() as unknown as { __define(node: unknown, def: Definition): void }).__define(id, definition);
  }

  /** The kept scope of a function or class written directly under the top scope, taken from `reusable`. */
  private reusableScopeOf(node: object): Scope | undefined {
    const current = this.currentScope();
    if (current.block !== this.program || current.type !== this.reusable.topType || current.isStrict !== this.reusable.topStrict) return undefined;
    const old = this.reusable.roots.get(node);
    if (old) this.reusable.roots.delete(node);
    return old;
  }

  /** What nesting, visiting and closing the old scope did to the upper scope and the scope manager, done again. */
  private hangUnderTop(root: Scope): void {
    const top = this.currentScope();
    const manager = managerInternals(this.scopeManager);
    internals(root).upper = top;
    top.childScopes.push(root);
    for (const scope of scopesUnder(root)) {
      this.scopeManager.scopes.push(scope);
      const sameBlock = manager.__nodeToScope.get(scope.block);
      if (sameBlock) sameBlock.push(scope);
      else manager.__nodeToScope.set(scope.block, [scope]);
      internals(scope).__declaredVariables = manager.__declaredVariables;
      if (internals(scope).variableScope === null) internals(scope).variableScope = top.variableScope;
      for (const node of definitionNodesOf(scope)) this.declareAgain(node);
    }
    // Closing the old scope delegated these to the upper scope (Scope.__delegateToUpperScope).
    internals(top).__left?.push(...root.through);
  }

  private declareAgain(node: object): void {
    const kept = this.reusable.declared.get(node);
    if (!kept) return;
    this.reusable.declared.delete(node);
    const declaredVariables = managerInternals(this.scopeManager).__declaredVariables;
    const current = declaredVariables.get(node);
    if (current) current.push(...kept.filter((variable) => !current.includes(variable)));
    else declaredVariables.set(node, [...kept]);
  }
}
