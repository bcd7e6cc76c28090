import * as path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';

// typescript-eslint's RuleTester needs the test framework's hooks; mocha provides them globally.
RuleTester.afterAll = after;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/** Fixture project for type-aware cases (`parserOptions.project`). */
export const TYPED_FIXTURE_DIR = path.join(__dirname, '..', 'fixtures', 'typed');

/**
 * A RuleTester for keywarden rules: TypeScript parser, ESM by default.
 * Use `filename: 'file.js'` or `languageOptions: { sourceType: 'commonjs' }` per case when it matters.
 */
export function createRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: { ecmaVersion: 'latest', sourceType: 'module', ecmaFeatures: { jsx: true } },
    },
  });
}

/** A RuleTester whose cases get full type information from test/fixtures/typed. */
export function createTypedRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: TYPED_FIXTURE_DIR },
    },
  });
}
