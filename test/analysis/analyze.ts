import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';

/**
 * Runs `inspect` inside a throwaway rule on `code`, so analysis functions can
 * be tested against a real SourceCode/scope manager, as rules see them.
 */
export function analyze<T>(code: string, inspect: (context: TSESLint.RuleContext<string, unknown[]>) => T, filename = 'input.ts'): T {
  let result: T | undefined;
  let failure: unknown;
  const probe = {
    create(context: TSESLint.RuleContext<string, unknown[]>) {
      return {
        'Program:exit'() {
          try {
            result = inspect(context);
          } catch (error) {
            failure = error;
          }
        },
      };
    },
  };
  const config = [
    {
      files: ['**/*.ts', '**/*.js', '**/*.tsx', '**/*.mjs', '**/*.cjs'],
      languageOptions: { parser: tsParser, sourceType: 'module' },
      plugins: { test: { rules: { probe } } },
      rules: { 'test/probe': 'error' },
    },
  ];
  const messages = new Linter({ configType: 'flat' }).verify(code, config as never, { filename });
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`parse error: ${fatal.message}`);
  if (failure) throw failure;
  return result as T;
}

/** The node of the first `marker(...)` call's argument — a way to point at an expression in test code. */
export function markedExpression(context: TSESLint.RuleContext<string, unknown[]>): import('@typescript-eslint/utils').TSESTree.Node {
  const { sourceCode } = context;
  let found: import('@typescript-eslint/utils').TSESTree.Node | undefined;
  const visit = (node: import('@typescript-eslint/utils').TSESTree.Node) => {
    if (found) return;
    if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'marker') {
      found = node.arguments[0];
      return;
    }
    for (const key of Object.keys(node)) {
      if (key === 'parent') continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) value.forEach((v) => v && typeof v === 'object' && 'type' in v && visit(v as never));
      else if (value && typeof value === 'object' && 'type' in value) visit(value as never);
    }
  };
  visit(sourceCode.ast);
  if (!found) throw new Error('no marker(...) in test code');
  return found;
}
