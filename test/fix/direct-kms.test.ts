import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Linter } from 'eslint';
import { getApiCalls } from '../../src/analysis/api-calls';
import { directKmsRewrite } from '../../src/fix/envelope';
import { applyEnvelopeSuggestion, lintWithKeywarden } from './envelope-lint';

const DIR = path.join(__dirname, '..', 'fixtures', 'fixes', 'direct-kms');

/** What `directKmsRewrite` answers for every `EncryptCommand` in the file, asked directly (not through a rule's finding). */
function rewritesPerEncrypt(source: string, filename: string): boolean[] {
  const answers: boolean[] = [];
  const probe = {
    create(context: { sourceCode: never }) {
      return {
        'Program:exit'() {
          const calls = getApiCalls(context.sourceCode);
          for (const call of calls) if (call.library.id === '@aws-sdk/client-kms' && call.api.path.join('.') === 'EncryptCommand') answers.push(!!directKmsRewrite(context.sourceCode, calls, call.node));
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat', cwd: '/' });
  const messages = linter.verify(source, [{ files: ['**/*.cjs'], plugins: { probe: { rules: { encrypts: probe as never } } }, rules: { 'probe/encrypts': 'error' }, languageOptions: { sourceType: 'commonjs' } }], { filename });
  assert.deepEqual(messages, []);
  return answers;
}

describe('envelope rewrite: direct AWS KMS', () => {
  it('KMS Encrypt of a fresh data key (hand-rolled envelope encryption) is neither reported nor rewritten', () => {
    const file = path.join(DIR, 'wraps-data-key.cjs');
    const source = fs.readFileSync(file, 'utf8');
    assert.deepEqual(lintWithKeywarden(source, file).filter((m) => m.ruleId === 'keywarden/prefer-envelope-encryption'), []);
    assert.equal(applyEnvelopeSuggestion(source, file), undefined);
    // The recogniser refuses on its own: the plaintext is key bytes, not the UTF-8 of a parameter.
    assert.deepEqual(rewritesPerEncrypt(source, file), [false]);
  });

  it('the probe does answer yes for KMS Encrypt of a text parameter (kms-lambda-notes.cjs), so the refusal above is real', () => {
    const file = path.join(DIR, 'wraps-data-key.cjs');
    const source = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'fixes', 'kms-lambda-notes.cjs'), 'utf8');
    assert.deepEqual(rewritesPerEncrypt(source, file), [true]);
  });
});
