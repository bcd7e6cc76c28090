import * as assert from 'node:assert/strict';
import type { TSESTree } from '@typescript-eslint/utils';
import { getApiCalls } from '../../src/analysis/api-calls';
import { isSecretName, randomnessUse } from '../../src/analysis/randomness-use';
import { valueUses, type ValueUse } from '../../src/analysis/value-flow';
import { analyze, markedExpression } from './analyze';

/** Uses of the expression wrapped in `marker(...)`, summarised as `kind:name`. */
function usesOf(code: string, throughArithmetic = false): string[] {
  return analyze(code, (context) => {
    const start = markedExpression(context).parent as TSESTree.Node; // the marker(...) call carries the value
    return valueUses(context.sourceCode, start, { throughArithmetic }).map(summarise);
  });
}

function summarise(use: ValueUse): string {
  switch (use.kind) {
    case 'binding':
      return `binding:${use.name}`;
    case 'return':
      return `return:${use.name ?? '?'}`;
    case 'argument':
      return `argument:${use.index}`;
    case 'text':
      return `text:${use.text.trim()}`;
    case 'jsx-attribute':
      return `jsx:${use.name}`;
    case 'concatenated':
      return `concatenated:${use.name}`;
    default:
      return use.kind;
  }
}

describe('valueUses', () => {
  it('follows re-encodings into a binding and that binding into a call', () => {
    assert.deepEqual(usesOf(`const tag = marker(x).toString('hex').slice(0, 8); res.setHeader('ETag', tag);`), ['binding:tag', 'argument:1']);
  });

  it('follows returns to the callers', () => {
    assert.deepEqual(usesOf(`function etagOf(b) { return marker(b); } const etag = etagOf(body);`), ['return:etagOf', 'binding:etag']);
  });

  it('records comparisons, template text and object properties', () => {
    assert.deepEqual(usesOf(`if (marker(a) === req.body.sum) {}`), ['compare']);
    assert.deepEqual(usesOf('const url = `https://www.gravatar.com/avatar/${marker(e)}`;'), ['text:https://www.gravatar.com/avatar/', 'binding:url']);
    assert.deepEqual(usesOf(`res.writeHead(200, { ETag: marker(b) });`), ['binding:ETag', 'argument:1']);
  });

  it('names the string constants a value is concatenated with, not variables holding data', () => {
    assert.deepEqual(usesOf(`const CACHE_KEY_PREFIX = 'img:v3:'; const k = CACHE_KEY_PREFIX + marker(u);`), ['concatenated:CACHE_KEY_PREFIX', 'binding:k']);
    assert.deepEqual(usesOf('const SLOT = `preview`; const k = `${SLOT}${marker(u)}`;'), ['text:', 'concatenated:SLOT', 'binding:k']);
    assert.deepEqual(usesOf(`let prefix = 'a'; const k = prefix + marker(u);`), ['binding:k']);
    assert.deepEqual(usesOf(`const userName = req.body.name; const k = userName + marker(u);`), ['binding:k']);
  });

  it('goes through arithmetic and indexing only when asked (randomness)', () => {
    assert.deepEqual(usesOf(`const n = Math.floor(marker(r) * 10);`), []);
    assert.deepEqual(usesOf(`const n = Math.floor(marker(r) * 10);`, true), ['binding:n']);
    assert.deepEqual(usesOf(`let s = ''; s += chars[Math.floor(marker(r) * 36)]; const token = s;`, true), ['index', 'binding:s', 'binding:token']);
  });

  it('follows element writes into the array and callbacks into their call', () => {
    assert.deepEqual(usesOf(`const b = new Uint8Array(4); b[0] = marker(r); const key = b;`, true), ['binding:key']);
    assert.deepEqual(usesOf(`const bytes = Array.from({ length: 4 }, () => marker(r));`, true), ['return:?', 'binding:bytes']);
  });

  it('stops where a binding says what the value is', () => {
    const uses = analyze(`function f() { return { expiresAt: marker(t) }; } const resetToken = f();`, (context) =>
      valueUses(context.sourceCode, markedExpression(context).parent as TSESTree.Node, { stopAt: (u) => u.kind === 'binding' && u.name === 'expiresAt' }).map(summarise),
    );
    assert.deepEqual(uses, ['binding:expiresAt']);
  });
});

describe('randomnessUse', () => {
  const useOf = (code: string) =>
    analyze(code, ({ sourceCode }) => {
      const source = getApiCalls(sourceCode).find((c) => c.api.operation === 'insecure-random');
      assert.ok(source, 'no predictable source in code');
      const use = randomnessUse(sourceCode, source.node);
      return use?.kind === 'sink' ? `sink:${use.role}` : use?.kind === 'name' ? `name:${use.name}` : 'none';
    });

  it('finds key/IV/salt sinks through variables and re-encodings', () => {
    assert.equal(useOf(`import c from 'crypto'; const iv = Buffer.from(String(Math.random())); c.createCipheriv('aes-256-cbc', k, iv);`), 'sink:iv');
    assert.equal(useOf(`import c from 'crypto'; c.pbkdf2Sync(pw, Date.now().toString(), 600000, 32, 'sha256');`), 'sink:salt');
  });

  it('finds token-named bindings and functions', () => {
    assert.equal(useOf(`const resetToken = Math.random().toString(36).slice(2);`), 'name:resetToken');
    assert.equal(useOf(`function generateApiKey() { return Math.random().toString(36); }`), 'name:generateApiKey');
  });

  it('follows a digest of a predictable value, not an HMAC', () => {
    assert.equal(useOf(`import c from 'crypto'; const sessionId = c.createHash('md5').update(String(Date.now())).digest('hex');`), 'name:sessionId');
    assert.equal(useOf(`import c from 'crypto'; const signature = c.createHmac('sha256', secret).update(String(Date.now())).digest('hex');`), 'none');
  });

  it('leaves jitter, sampling, shuffles and expiries alone', () => {
    assert.equal(useOf(`const jitter = Math.random() * 100;`), 'none');
    assert.equal(useOf(`const shuffled = items.sort(() => Math.random() - 0.5);`), 'none');
    assert.equal(useOf(`function createResetToken() { return { token: t, expiresAt: new Date(Date.now() + 1000) }; }`), 'none');
  });

  it('judges names by their words', () => {
    for (const name of ['token', 'resetToken', 'sessionId', 'apiKey', 'encryptionKey', 'otp', 'csrfToken', 'SALT', 'nonce']) assert.ok(isSecretName(name), name);
    for (const name of ['cacheKey', 'key', 'requestId', 'retryDelay', 'sessionSampleRate', 'tokenExpiresAt', 'colorIndex', 'id']) assert.ok(!isSecretName(name), name);
  });
});
