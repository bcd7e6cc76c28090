import { strict as assert } from 'node:assert';
import { applyEnvelopeSuggestion } from './envelope-lint';

/** A small encrypt/decrypt pair whose imports are written by `imports`; the rewrite's import lines are compared. */
function pair(imports: string, ns: string): string {
  return `${imports}

const KEY = Buffer.from('8f3a9c2e71d64b05a9e1c37f20b8d4e6f1a2b3c4d5e6f708192a3b4c5d6e7f80', 'hex');

function encrypt(text) {
  const iv = ${ns}randomBytes(16);
  const cipher = ${ns}createCipheriv('aes-256-cbc', KEY, iv);
  return iv.toString('hex') + ':' + cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}

function decrypt(stored) {
  const [iv, data] = stored.split(':');
  const decipher = ${ns}createDecipheriv('aes-256-cbc', KEY, Buffer.from(iv, 'hex'));
  return decipher.update(data, 'hex', 'utf8') + decipher.final('utf8');
}
`;
}

/** The output's import/require lines, up to the client. */
function importLines(output: string | undefined): string[] {
  assert.ok(output, 'the rewrite is offered');
  return output.split('\n').filter((line) => /^(import |const .*require\()/.test(line));
}

describe('envelope rewrite: imports the old code alone used disappear', () => {
  it('a named import loses just the specifier', () => {
    const out = applyEnvelopeSuggestion(`${pair("import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';", '')}export { encrypt, decrypt };\n`, '/tmp/imports/a.mjs');
    assert.deepEqual(importLines(out), ["import { createDecipheriv } from 'node:crypto';", "import { createEnvelopeClient } from 'keywarden/kms';"]);
  });

  it('a whole import declaration goes when nothing in it is used any more', () => {
    const source = pair("import { randomBytes } from 'node:crypto';\nimport { createCipheriv, createDecipheriv } from 'node:crypto';", '');
    const out = applyEnvelopeSuggestion(`${source}export { encrypt, decrypt };\n`, '/tmp/imports/b.mjs');
    assert.deepEqual(importLines(out), ["import { createDecipheriv } from 'node:crypto';", "import { createEnvelopeClient } from 'keywarden/kms';"]);
  });

  it('a whole require goes, and the new require takes its place when it was the last one', () => {
    const source = pair("const { createDecipheriv } = require('crypto');\nconst { createCipheriv, randomBytes } = require('crypto');", '');
    const out = applyEnvelopeSuggestion(`${source}module.exports = { encrypt, decrypt };\n`, '/tmp/imports/c.cjs');
    assert.deepEqual(importLines(out), ["const { createDecipheriv } = require('crypto');", "const { createEnvelopeClient } = require('keywarden/kms');"]);
  });

  it('a namespace still used by the legacy decrypt stays', () => {
    const out = applyEnvelopeSuggestion(`${pair("const crypto = require('crypto');", 'crypto.')}module.exports = { encrypt, decrypt };\n`, '/tmp/imports/d.cjs');
    assert.deepEqual(importLines(out), ["const crypto = require('crypto');", "const { createEnvelopeClient } = require('keywarden/kms');"]);
  });

  it('a default import keeps its default when its named part goes', () => {
    const source = pair("import crypto, { randomBytes } from 'node:crypto';", '').replace('const iv = randomBytes(16);', 'const iv = randomBytes(16);').replace("createCipheriv('aes", "crypto.createCipheriv('aes").replace("createDecipheriv('aes", "crypto.createDecipheriv('aes");
    const out = applyEnvelopeSuggestion(`${source}export { encrypt, decrypt };\n`, '/tmp/imports/e.mjs');
    assert.deepEqual(importLines(out), ["import crypto from 'node:crypto';", "import { createEnvelopeClient } from 'keywarden/kms';"]);
  });
});
