import * as assert from 'node:assert/strict';
import { getApiCalls } from '../../src/analysis/api-calls';
import { stretchesNoSecret } from '../../src/analysis/kdf-input';
import { analyze } from './analyze';

/** stretchesNoSecret for the first KDF call (operation `kdf` or `password-hash`) in `code`. */
function probe(code: string): boolean {
  return analyze(code, ({ sourceCode }) => {
    const call = getApiCalls(sourceCode).find((c) => c.api.operation === 'kdf' || c.api.operation === 'password-hash');
    assert.ok(call, 'no KDF call found');
    return stretchesNoSecret({ sourceCode }, call);
  }, 'input.js');
}

describe('stretchesNoSecret', () => {
  it('a zero-filled buffer as the password: a feature probe', () => {
    assert.equal(probe(`import crypto from 'crypto'; crypto.pbkdf2Sync(Buffer.alloc(8), Buffer.alloc(8), 1, 32, 'sha512');`), true);
  });

  it('an empty password', () => {
    assert.equal(probe(`import crypto from 'crypto'; crypto.pbkdf2Sync('', 'salt', 1, 32, 'sha256');`), true);
  });

  it('a lazily initialised zero buffer passed to a private WebCrypto helper, through importKey(…).then(function (key) …)', () => {
    const code = `var ZERO; var subtle = globalThis.crypto.subtle;
function derive(password, salt, iterations) {
  return subtle.importKey('raw', password, { name: 'PBKDF2' }, false, ['deriveBits']).then(function (key) {
    return subtle.deriveBits({ name: 'PBKDF2', salt: salt, iterations: iterations, hash: { name: 'SHA-256' } }, key, 256);
  });
}
function supported() { ZERO = ZERO || Buffer.alloc(8); return derive(ZERO, ZERO, 10); }
module.exports = supported;`;
    assert.equal(probe(code), true);
  });

  it('an awaited importKey binding of a zero buffer', () => {
    const code = `const subtle = globalThis.crypto.subtle;
export async function selfTest() {
  const base = await subtle.importKey('raw', new Uint8Array(16), 'PBKDF2', false, ['deriveBits']);
  return subtle.deriveBits({ name: 'PBKDF2', salt: new Uint8Array(16), iterations: 1, hash: 'SHA-256' }, base, 256);
}`;
    assert.equal(probe(code), true);
  });

  it('a hardcoded non-empty password is a secret (reported by no-hardcoded-key, cost still checked)', () => {
    assert.equal(probe(`import crypto from 'crypto'; crypto.pbkdf2Sync('hunter2', Buffer.alloc(16), 1000, 32, 'sha256');`), false);
  });

  it('a password from a parameter of an exported function: other files pass real secrets', () => {
    const code = `import crypto from 'crypto';
export function derive(password, salt) { return crypto.pbkdf2Sync(password, salt, 1000, 32, 'sha256'); }
derive(Buffer.alloc(8), Buffer.alloc(8));`;
    assert.equal(probe(code), false);
  });

  it('a private helper called once with a zero buffer and once with a real password', () => {
    const code = `import crypto from 'crypto';
function derive(password, salt) { return crypto.pbkdf2Sync(password, salt, 1000, 32, 'sha256'); }
derive(Buffer.alloc(8), Buffer.alloc(8));
export const login = (req) => derive(req.body.password, req.user.salt);`;
    assert.equal(probe(code), false);
  });

  it('a password from the request', () => {
    assert.equal(probe(`import crypto from 'crypto'; export const f = (req) => crypto.pbkdf2Sync(req.body.password, 'salt', 1000, 32, 'sha256');`), false);
  });

  it('bcrypt genSalt has no password: nothing to judge', () => {
    assert.equal(probe(`import bcrypt from 'bcrypt'; bcrypt.genSaltSync(8);`), false);
  });
});

describe('stretchesNoSecret at one call site', () => {
  const code = `var ZERO; var subtle = globalThis.crypto.subtle;
function derive(password, salt, iterations) {
  return subtle.importKey('raw', password, { name: 'PBKDF2' }, false, ['deriveBits']).then(function (key) {
    return subtle.deriveBits({ name: 'PBKDF2', salt: salt, iterations: iterations, hash: { name: 'SHA-256' } }, key, 256);
  });
}
function supported() { ZERO = ZERO || Buffer.alloc(8); return derive(ZERO, ZERO, 10); }
module.exports = function (password, salt) { supported(); return derive(password, salt, 100000); };`;

  /** The judgement for the number literal `value` written in the code. */
  function judgeAt(value: number): boolean {
    return analyze(code, ({ sourceCode }) => {
      const call = getApiCalls(sourceCode).find((c) => c.api.operation === 'kdf');
      assert.ok(call);
      const text = sourceCode.text;
      const index = text.lastIndexOf(`, ${value})`) + 2;
      const at = sourceCode.getNodeByRangeIndex(index);
      assert.ok(at && at.type === 'Literal' && at.value === value, 'literal found');
      return stretchesNoSecret({ sourceCode }, call, at);
    }, 'input.js');
  }

  it('the exported entry point passes real passwords: the KDF as a whole stretches a secret', () => {
    assert.equal(probe(code), false);
  });

  it('a cost written at the probe call site is judged with the zero buffer that call site passes', () => {
    assert.equal(judgeAt(10), true);
  });

  it('a cost written at the real call site is judged with that call site’s password', () => {
    assert.equal(judgeAt(100000), false);
  });
});
