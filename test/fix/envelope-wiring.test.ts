import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Linter } from 'eslint';
import { lintWithKeywarden } from './envelope-lint';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'fixes');

function envelopeOutputs(source: string, filename: string): Map<string, string> {
  const outputs = new Map<string, string>();
  for (const message of lintWithKeywarden(source, filename)) {
    const suggestion = message.suggestions?.find((s) => s.messageId === 'rewriteToEnvelope');
    if (suggestion) outputs.set(`${message.ruleId}:${message.messageId}`, apply(source, suggestion.fix));
  }
  return outputs;
}

function apply(source: string, fix: Linter.LintSuggestion['fix']): string {
  return source.slice(0, fix.range[0]) + fix.text + source.slice(fix.range[1]);
}

describe('envelope rewrite offered from weak-cipher and static-IV findings', () => {
  const source = fs.readFileSync(path.join(FIXTURES, 'triple-des-records.cjs'), 'utf8');

  it('3DES and its fixed IV inside a recognised pair offer the same rewrite as the hardcoded key', () => {
    const outputs = envelopeOutputs(source, '/tmp/wiring/records.cjs');
    assert.deepEqual([...outputs.keys()].sort(), ['keywarden/no-hardcoded-key:hardcodedKey', 'keywarden/no-static-iv:constantIv', 'keywarden/no-weak-algorithm:weakCipher']);
    assert.equal(new Set(outputs.values()).size, 1, 'one rewrite, whichever finding offers it');
  });

  it('keeps the rule\'s own suggestions first', () => {
    const gcm = fs.readFileSync(path.join(FIXTURES, 'gcm-colon-hex.ts'), 'utf8').replace('const iv = crypto.randomBytes(12);', 'const iv = Buffer.alloc(12, 0);');
    const finding = lintWithKeywarden(gcm, '/tmp/wiring/gcm.ts').find((m) => m.ruleId === 'keywarden/no-static-iv');
    assert.ok(finding, 'the constant IV is reported');
    assert.deepEqual(finding.suggestions?.map((s) => s.messageId), ['useRandomIv', 'rewriteToEnvelope']);
  });

  it('not offered when the weak algorithm constant is also used outside the pair', () => {
    const shared = source.replace('module.exports = { encryptRecordNumber, decryptRecordNumber };', 'module.exports = { encryptRecordNumber, decryptRecordNumber, ALGORITHM };');
    const outputs = envelopeOutputs(shared, '/tmp/wiring/shared.cjs');
    assert.ok(!outputs.has('keywarden/no-weak-algorithm:weakCipher'));
    assert.ok(outputs.has('keywarden/no-hardcoded-key:hardcodedKey'), 'the key finding still offers it');
  });

  it('not offered when the key is not hardcoded (nothing to migrate away from)', () => {
    const fromEnv = source.replace("Buffer.from('6f1c2a9e4b7d3058a1c6e2f94b8d7a3c5e0f1b2d4c6a8e9f', 'hex')", "Buffer.from(process.env.DES_KEY, 'hex')");
    const messages = lintWithKeywarden(fromEnv, '/tmp/wiring/env.cjs');
    assert.ok(messages.some((m) => m.messageId === 'weakCipher'), 'the weak cipher is still reported');
    assert.equal(envelopeOutputs(fromEnv, '/tmp/wiring/env.cjs').size, 0);
  });
});
