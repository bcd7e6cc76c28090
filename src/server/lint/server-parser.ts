import { parseAndGenerateServices } from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import { keywardenParser, TS_FILE } from '../../util/parser';
import type { ParseResult, ParserLike } from './incremental-parser';

/**
 * keywarden's parser, plus a parse without scope analysis for the statements
 * the incremental parser parses again. @typescript-eslint/parser analyses the
 * scopes of every text it parses; for a re-parsed region that analysis is
 * thrown away, since the incremental parser analyses the whole combined tree
 * afterwards. Skipping it saves about a tenth of a small file's lint.
 */
export const serverParser: ParserLike = {
  parseForESLint: (code, options) => keywardenParser.parseForESLint(code, options) as ParseResult,
  parseWithoutScopes(code, options) {
    const filePath = typeof options.filePath === 'string' ? options.filePath : '';
    if (!TS_FILE.test(filePath)) return keywardenParser.parseForESLint(code, options) as ParseResult;
    return { ...parseTypeScriptSyntax(code, options), scopesLeftOut: true };
  },
};

/**
 * What @typescript-eslint/parser's parseForESLint does before its scope
 * analysis (parser.ts in typescript-eslint, without a program): the same
 * option defaults, so the tree is the one a full parse gives (the
 * incremental-parser tests compare the two over random edits).
 */
function parseTypeScriptSyntax(code: string, parserOptions: Record<string, unknown>): ParseResult {
  const sourceType = parserOptions.sourceType === 'module' || parserOptions.sourceType === 'script' ? parserOptions.sourceType : 'script';
  const ecmaFeatures = (typeof parserOptions.ecmaFeatures === 'object' && parserOptions.ecmaFeatures) || {};
  const warnOnUnsupported = parserOptions.warnOnUnsupportedTypeScriptVersion;
  const { ast, services } = parseAndGenerateServices(code, {
    jsx: (ecmaFeatures as { jsx?: unknown }).jsx === true,
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
