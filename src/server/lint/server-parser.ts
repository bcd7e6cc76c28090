import { analyze, type ScopeManager } from '@typescript-eslint/scope-manager';
import { parseAndGenerateServices } from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import { ecmaFeaturesOf, keywardenParser, TS_FILE } from '../../util/parser';
import type { ParseResult, ParserLike } from './incremental-parser';
import { analyzeJavaScriptScopes, takeReusableJavaScriptScopes, type ReusableJavaScriptScopes } from './javascript-scopes';
import { analyzeTypeScriptScopesReusing, takeReusableScopes, type ReusableScopes } from './typescript-scopes';

const isTypeScript = (options: Record<string, unknown>) => TS_FILE.test(typeof options.filePath === 'string' ? options.filePath : '');
/** In TypeScript's analysis JSX adds a reference to its pragma wherever the first element appears: no scope of a TSX file is reused (typescript-scopes.ts). */
const mayHaveJsx = (options: Record<string, unknown>) => ecmaFeaturesOf(options).jsx === true || /x$/i.test(typeof options.filePath === 'string' ? options.filePath : '');

/**
 * keywarden's parser, with the scope analysis as a step of its own:
 *  - the statements the incremental parser parses again are parsed without
 *    it. @typescript-eslint/parser analyses the scopes of every text it
 *    parses; for a re-parsed region that analysis would be thrown away, since
 *    the whole combined tree is analysed afterwards. Skipping it saves about a
 *    tenth of a small file's lint;
 *  - JavaScript scopes are analysed here rather than by ESLint, the same
 *    analysis in a third of the time (javascript-scopes.ts).
 */
export const serverParser: ParserLike = {
  parseForESLint(code, options) {
    if (isTypeScript(options)) return keywardenParser.parseForESLint(code, options) as ParseResult;
    const { ast } = keywardenParser.parseForESLint(code, options) as ParseResult;
    return { ast, scopeManager: analyzeJavaScriptScopes(ast, options) };
  },
  parseWithoutScopes(code, options) {
    if (isTypeScript(options)) return { ...parseTypeScriptSyntax(code, options), scopesLeftOut: true };
    return { ...(keywardenParser.parseForESLint(code, options) as ParseResult), scopesLeftOut: true };
  },
  analyzeScopes(ast, options, reusable) {
    if (!isTypeScript(options)) return analyzeJavaScriptScopes(ast, options, reusable as ReusableJavaScriptScopes | undefined);
    if (reusable) return analyzeTypeScriptScopesReusing(ast as never, typescriptAnalyzeOptions(options), reusable as ReusableScopes);
    return analyze(ast as never, typescriptAnalyzeOptions(options));
  },
  takeReusableScopes(scopeManager, options) {
    if (!isTypeScript(options)) return takeReusableJavaScriptScopes(scopeManager as never);
    return mayHaveJsx(options) ? undefined : takeReusableScopes(scopeManager as ScopeManager);
  },
};

/** The scope-analysis options @typescript-eslint/parser derives from its parser options (without a program). */
function typescriptAnalyzeOptions(options: Record<string, unknown>): Record<string, unknown> {
  return {
    globalReturn: ecmaFeaturesOf(options).globalReturn,
    jsxFragmentName: options.jsxFragmentName,
    jsxPragma: options.jsxPragma,
    lib: options.lib,
    sourceType: typescriptSourceType(options),
  };
}

/** @typescript-eslint/parser knows `module` and `script` only (ESLint's `commonjs` parses as a script). */
function typescriptSourceType(options: Record<string, unknown>): 'module' | 'script' {
  return options.sourceType === 'module' ? 'module' : 'script';
}

/**
 * What @typescript-eslint/parser's parseForESLint does before its scope
 * analysis (parser.ts in typescript-eslint, without a program): the same
 * option defaults, so the tree is the one a full parse gives (the
 * incremental-parser tests compare the two over random edits).
 */
function parseTypeScriptSyntax(code: string, parserOptions: Record<string, unknown>): ParseResult {
  const sourceType = typescriptSourceType(parserOptions);
  const ecmaFeatures = ecmaFeaturesOf(parserOptions);
  const warnOnUnsupported = parserOptions.warnOnUnsupportedTypeScriptVersion;
  const { ast, services } = parseAndGenerateServices(code, {
    jsx: ecmaFeatures.jsx === true,
    ...parserOptions,
    sourceType,
    ecmaFeatures,
    onUnsupportedTypeScriptVersion: parserOptions.onUnsupportedTypeScriptVersion ?? (warnOnUnsupported === false ? 'ignore' : 'warn'),
    errorOnTypeScriptSyntacticAndSemanticIssues: false,
    comment: true,
    loc: true,
    range: true,
    tokens: true,
  } as never);
  (ast as { sourceType?: string }).sourceType = sourceType;
  return { ast: ast as unknown as ParseResult['ast'], services, visitorKeys };
}
