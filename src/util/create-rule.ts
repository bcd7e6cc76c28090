import { ESLintUtils } from '@typescript-eslint/utils';
import { startLint } from '../analysis/lint-scoped';

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

const ruleWithDocs = ESLintUtils.RuleCreator<KeywardenDocs>((name) => `${DOCS_BASE_URL}${name}.md`);

/**
 * `RuleCreator` with its options merged once per distinct configuration
 * instead of on every lint: its own `create` deep-copies the defaults with
 * `structuredClone` and merges them for each rule of each file linted, which
 * the language server pays on every keystroke. The merged options are frozen,
 * so no lint can change what the next one gets. The first rule created for a
 * file starts the lint's caches (lint-scoped.ts).
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, KeywardenDocs>>,
): ReturnType<typeof ruleWithDocs<Options, MessageIds>> {
  const created = ruleWithDocs(rule);
  const withDefaults = mergedOptions((rule.meta.defaultOptions ?? rule.defaultOptions ?? []) as unknown as Options);
  return {
    ...created,
    create: (context) => {
      startLint(context.sourceCode.ast);
      return rule.create(context, withDefaults(context.options));
    },
  };
}

/** A rule's options over its defaults, memoized by the configured options' JSON (ESLint options are JSON). */
function mergedOptions<Options extends readonly unknown[]>(defaults: Options): (configured: Options) => Options {
  const merged = new Map<string, Options>();
  return (configured) => {
    const key = JSON.stringify(configured ?? []);
    const known = merged.get(key);
    if (known) return known;
    // Configurations differ by folder at most: a handful per workspace. Forget them all past that.
    if (merged.size >= 64) merged.clear();
    const options = deepFreeze(ESLintUtils.applyDefault(defaults, configured) as Options);
    merged.set(key, options);
    return options;
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
