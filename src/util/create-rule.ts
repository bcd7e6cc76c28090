import { ESLintUtils } from '@typescript-eslint/utils';

/** Where each rule's documentation lives; every diagnostic links here. */
export const DOCS_BASE_URL = 'https://github.com/keywarden/keywarden/blob/main/docs/rules/';

/** The `meta.docs` every keywarden rule declares. */
export interface KeywardenDocs {
  description: string;
  /**
   * The smallest shipped config that enables the rule: `recommended` rules are
   * also in `strict` and `all`; `strict` rules are in `strict` and `all`.
   */
  recommended: 'recommended' | 'strict';
  /** Options that the `strict` config passes instead of the rule's defaults. */
  strictOptions?: readonly unknown[];
  /** CWE ids the rule is about, for SARIF and the docs. */
  cwe?: readonly number[];
}

export const createRule = ESLintUtils.RuleCreator<KeywardenDocs>((name) => `${DOCS_BASE_URL}${name}.md`);
