import { Referencer, ScopeManager, type AnalyzeOptions } from 'eslint-scope';
import * as espree from 'espree';
import { ecmaFeaturesOf } from '../../util/parser';

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
export function analyzeJavaScriptScopes(ast: unknown, parserOptions: Record<string, unknown>): ScopeManager {
  const options = analyzeOptions(parserOptions);
  const scopeManager = new ScopeManager(options);
  new ReferencerWithDynamicImportOptions(options as never, scopeManager).visit(ast as never);
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
