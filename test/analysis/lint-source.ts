import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';

/** Parses `code` as ESLint would and hands its SourceCode to `inspect` (inside a rule, so scopes are ready). */
export function withSourceCode<T>(code: string, inspect: (sourceCode: Readonly<TSESLint.SourceCode>) => T): T {
  let result: T | undefined;
  let failure: unknown;
  const probe = {
    create(context: { sourceCode: Readonly<TSESLint.SourceCode> }) {
      return {
        'Program:exit'() {
          try {
            result = inspect(context.sourceCode);
          } catch (error) {
            failure = error;
          }
        },
      };
    },
  };
  const config = [
    {
      files: ['**/*.tsx'],
      languageOptions: { parser: tsParser, sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
      plugins: { probe: { rules: { probe } } },
      rules: { 'probe/probe': 'error' },
    },
  ];
  const messages = new Linter({ configType: 'flat' }).verify(code, config as never, { filename: 'probe.tsx' });
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`parse error: ${fatal.message}`);
  if (failure) throw failure;
  return result as T;
}
