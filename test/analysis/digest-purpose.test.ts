import * as assert from 'node:assert/strict';
import { getApiCalls } from '../../src/analysis/api-calls';
import { digestPurpose, type DigestPurpose } from '../../src/analysis/digest-purpose';
import { analyze } from './analyze';

/** The purpose of the first hash call in `code`. */
function purposeOf(code: string): { purpose: DigestPurpose; reason: string; persisted: boolean } {
  return analyze(code, ({ sourceCode }) => {
    const call = getApiCalls(sourceCode).find((c) => c.api.operation === 'hash' && !c.receiver);
    assert.ok(call, 'no hash call found');
    return digestPurpose(sourceCode, call);
  }, 'input.tsx');
}

const PRELUDE = `import crypto, { createHash } from 'crypto'; import fs from 'fs'; import CryptoJS from 'crypto-js';\n`;

describe('digestPurpose', () => {
  const fingerprints: Record<string, string> = {
    'ETag header': `function send(res, body) { const h = createHash('md5').update(body).digest('hex'); res.setHeader('ETag', h); }`,
    'ETag in a headers object': `res.writeHead(200, { ETag: createHash('md5').update(body).digest('hex') });`,
    'weak ETag template': `const tag = \`W/"\${createHash('sha1').update(body).digest('base64')}"\`;`,
    'function named etag': `export function etag(body) { return createHash('md5').update(body).digest('hex'); }`,
    // RFC 6455's GUID in the hashed text, even through a static written after the function (websocket-driver).
    'WebSocket accept (GUID through a static)': `var Hybi = function () {};
Hybi.generateAccept = function (key) { var sha1 = crypto.createHash('sha1'); sha1.update(key + Hybi.GUID); return sha1.digest('base64'); };
Hybi.GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
export { Hybi };`,
    'WebSocket accept (GUID in a template)': `export const accept = (k) => createHash('sha1').update(\`\${k}258EAFA5-E914-47DA-95CA-C5AB0DC85B11\`).digest('base64');`,
    'certificate serial number (alipay-sdk)': `function getCertSN(principalName, decimalNumber) {
  const SN = createHash('md5').update(principalName + decimalNumber, 'utf8').digest('hex');
  return SN;
}`,
    'cache key': `const cacheKey = createHash('md5').update(url).digest('hex');`,
    'cache index': `cache[createHash('md5').update(url).digest('hex')] = value;`,
    'dedupe set': `const seen = new Set(); const d = createHash('sha1').update(text).digest('hex'); if (!seen.has(d)) seen.add(d);`,
    'local file checksum': `const sum = createHash('md5').update(fs.readFileSync(file)).digest('hex');`,
    'file read into a variable': `const data = fs.readFileSync(file); const h = createHash('sha1').update(data).digest('hex');`,
    gravatar: `const url = 'https://www.gravatar.com/avatar/' + createHash('md5').update(email).digest('hex');`,
    'React key': `const el = <Item key={createHash('md5').update(item.url).digest('hex')} />;`,
    'caller names it': `function h(s) { return createHash('md5').update(s).digest('hex'); } const etag = h(body);`,
    'number for a hash ring': `class Ring { point(v) { return createHash('md5').update(v).digest().readUInt32BE(0); } }`,
    'sampling bucket': `const bucket = parseInt(createHash('sha1').update(userId).digest('hex').slice(0, 8), 16) % 100;`,
    'crypto-js cache key': `const cacheKey = CryptoJS.MD5(url).toString();`,
  };
  for (const [name, code] of Object.entries(fingerprints)) {
    it(`fingerprint: ${name}`, () => assert.equal(purposeOf(PRELUDE + code).purpose, 'fingerprint'));
  }

  const security: Record<string, string> = {
    'hashes a password': `const stored = createHash('md5').update(password).digest('hex');`,
    'hashes a salted password': `const h = createHash('sha1').update(salt + user.password).digest('hex');`,
    'token digest': `const resetToken = createHash('sha1').update(String(Math.random())).digest('hex');`,
    'compared with request data': `if (createHash('md5').update(req.body.file).digest('hex') !== req.body.checksum) throw new Error();`,
    'function named for signatures': `function signPayload(p) { return createHash('sha1').update(p).digest('hex'); }`,
    'password even if named hash': `const passwordCache = createHash('md5').update(pwd).digest('hex');`,
  };
  for (const [name, code] of Object.entries(security)) {
    it(`security: ${name}`, () => assert.equal(purposeOf(PRELUDE + code).purpose, 'security'));
  }

  it('leaves an unexplained digest unknown', () => {
    assert.equal(purposeOf(PRELUDE + `function md5(s) { return createHash('md5').update(s).digest('hex'); }`).purpose, 'unknown');
    // a module with other exports is not a hash helper module
    const mixed = `export function md5(s) { return createHash('md5').update(s).digest('hex'); }\nexport function encrypt(text, key) { return text + key; }`;
    assert.equal(purposeOf(PRELUDE + mixed).purpose, 'unknown');
  });

  describe('a hash run only when the caller asks for that algorithm by name', () => {
    // The module also exports a non-hash function, so it is no hash helper module: the dispatch alone decides.
    const dispatchers: Record<string, string> = {
      'createHash polyfill (if/else on the name)': `export const retries = () => 3;
export function digestOf(type, x) {
  let prom;
  if (type === 'md5') prom = crypto.subtle.digest('md5', x);
  else throw new Error('unsupported ' + type);
  return prom;
}`,
      'switch over the supported names': `export const retries = () => 3;
export function hashWith(alg, data) {
  switch (alg) {
    case 'SHA-1': return createHash('sha1').update(data).digest('hex');
    default: throw new Error(alg);
  }
}`,
    };
    for (const [name, code] of Object.entries(dispatchers)) {
      it(`caller-decided: ${name}`, () => assert.equal(purposeOf(PRELUDE + code).purpose, 'caller-decided'));
    }
    it('a name test for another algorithm decides nothing', () => {
      const code = `export const retries = () => 3;
export function pick(alg, data) { return alg === 'sha256' ? createHash('md5').update(data).digest() : null; }`;
      assert.equal(purposeOf(PRELUDE + code).purpose, 'unknown');
    });
  });

  describe('hash helper modules: the importers decide the purpose', () => {
    const helpers: Record<string, string> = {
      'ESM default export over a byte parameter (UUID v3 style)': `function md5(bytes) {
  if (Array.isArray(bytes)) bytes = Buffer.from(bytes);
  else if (typeof bytes === 'string') bytes = Buffer.from(bytes, 'utf8');
  return createHash('md5').update(bytes).digest();
}
export default md5;`,
      'several helpers, each returning a digest of its parameters': `export const md5 = (s) => createHash('md5').update(s).digest('hex');
export function sha1(a, b) { const h = createHash('sha1').update(a + ':' + b).digest('hex'); return h; }`,
      "TypeScript's CommonJS output (exports.md5 = void 0 first)": `Object.defineProperty(exports, '__esModule', { value: true });
exports.md5 = void 0;
function md5(bytes) { return crypto.createHash('md5').update(bytes).digest(); }
exports.md5 = md5;`,
      'CommonJS factory returning an unfed hash object by algorithm': `module.exports = (algorithm) => {
  switch (algorithm) {
    case 'native-md4': return new Wrapper(() => crypto.createHash('md4'), 'md4');
    default: return new Wrapper(() => crypto.createHash(algorithm), algorithm);
  }
};`,
    };
    for (const [name, code] of Object.entries(helpers)) {
      it(`caller-decided: ${name}`, () => assert.equal(purposeOf(PRELUDE + code).purpose, 'caller-decided'));
    }

    const notHelpers: Record<string, [string, DigestPurpose]> = {
      'a helper named for passwords': [`export function hashPassword(p) { return createHash('md5').update(p).digest('hex'); }`, 'security'],
      'a parameter named for a token': [`export default function digest(token) { return createHash('sha1').update(token).digest('hex'); }`, 'security'],
      'the digest is returned inside an object, not as the result': [`export function receipt(batch) { const digest = createHash('sha1').update(JSON.stringify(batch)).digest('hex'); return { items: batch.length, digest }; }`, 'unknown'],
      'an input that is not the caller’s': [`export function stamp() { return createHash('md5').update(String(Date.now())).digest('hex'); }`, 'unknown'],
      'not exported (a script)': [`function md5(s) { return createHash('md5').update(s).digest('hex'); }`, 'unknown'],
      'an in-file caller compares it with request data': [`export function sha1(s) { return createHash('sha1').update(s).digest('hex'); }
export function check(req) { if (sha1(req.body.payload) !== req.headers['x-hub-signature']) throw new Error('bad'); }`, 'security'],
    };
    for (const [name, [code, purpose]] of Object.entries(notHelpers)) {
      it(`${purpose}: ${name}`, () => assert.equal(purposeOf(PRELUDE + code).purpose, purpose));
    }

    it('a security word in the file path makes it no neutral helper', () => {
      const code = PRELUDE + `export default function md5(s) { return createHash('md5').update(s).digest('hex'); }`;
      const judge = (file: string) =>
        analyze(code, ({ sourceCode }) => digestPurpose(sourceCode, getApiCalls(sourceCode).find((c) => c.api.operation === 'hash' && !c.receiver)!, file).purpose, 'input.ts');
      assert.equal(judge('src/util/md5.ts'), 'caller-decided');
      assert.equal(judge('src/auth/md5.ts'), 'unknown');
    });
  });

  describe('content ids and shortened names', () => {
    it('fingerprint: digest of a Lua script (Redis EVALSHA id)', () => {
      const code = `class Script { constructor(lua) { this.lua = lua; this.sha = createHash('sha1').update(lua).digest('hex'); } }`;
      assert.equal(purposeOf(PRELUDE + code).purpose, 'fingerprint');
    });
    it('fingerprint: digest of an SQL text as a prepared-statement name', () => {
      assert.equal(purposeOf(PRELUDE + `const name = 'q_' + createHash('md5').update(sql).digest('hex');`).purpose, 'fingerprint');
    });
    it('security: a script digest checked against a signature still is', () => {
      const code = `function verifyScript(script, expected) { return createHash('sha1').update(script).digest('hex') === expected; }`;
      assert.equal(purposeOf(PRELUDE + code).purpose, 'security');
    });
    it('fingerprint: a name hashed only when it is over a length limit', () => {
      const code = `function indexName(table, columns, limit) {
  let result = table + '_' + columns.join('_') + '_index';
  if (result.length > limit) result = createHash('sha1').update(result).digest('base64').replace('=', '');
  return result;
}`;
      assert.equal(purposeOf(PRELUDE + code).purpose, 'fingerprint');
    });
    it('fingerprint: shortening in a conditional expression', () => {
      const code = `const label = (name) => (name.length >= 63 ? name.slice(0, 50) + createHash('md5').update(name).digest('hex').slice(0, 8) : name);`;
      assert.equal(purposeOf(PRELUDE + code).purpose, 'fingerprint');
    });
    it('security: a long password pre-hashed before bcrypt is still a password', () => {
      const code = `function prehash(password) { if (password.length > 72) password = createHash('md5').update(password).digest('base64'); return password; }`;
      assert.equal(purposeOf(PRELUDE + code).purpose, 'security');
    });
    it('unknown: a length test on something else than the hashed value', () => {
      const code = `function f(name, other) { if (other.length > 10) return createHash('md5').update(name).digest('hex'); }`;
      assert.equal(purposeOf(PRELUDE + code).purpose, 'unknown');
    });
  });

  it('marks password digests as persisted (changing the hash needs a migration)', () => {
    assert.equal(purposeOf(PRELUDE + `const stored = createHash('md5').update(password).digest('hex');`).persisted, true);
  });

  it('an ETag compared with If-None-Match is still a fingerprint', () => {
    const code = `const etag = createHash('md5').update(body).digest('hex'); if (req.headers['if-none-match'] === etag) res.status(304);`;
    assert.equal(purposeOf(PRELUDE + code).purpose, 'fingerprint');
  });

  it('an ETag compared with the If-None-Match header read through a getter is a fingerprint', () => {
    const koa = `const tag = createHash('md5').update(ctx.body).digest('base64'); if (ctx.get('If-None-Match') === tag) ctx.status = 304;`;
    assert.equal(purposeOf(PRELUDE + koa).purpose, 'fingerprint');
    const fetchApi = `const etag = createHash('sha1').update(body).digest('hex'); if (request.headers.get('if-none-match') === etag) return null;`;
    assert.equal(purposeOf(PRELUDE + fetchApi).purpose, 'fingerprint');
    // Another header read through a getter is request data.
    const signature = `const d = createHash('sha1').update(body).digest('hex'); if (ctx.get('X-Signature') !== d) throw new Error();`;
    assert.equal(purposeOf(PRELUDE + signature).purpose, 'security');
  });

  it('a file checked against an expected digest is an integrity check; a file digest only shown is a fingerprint', () => {
    const check = `const actual = createHash('md5').update(fs.readFileSync(file)).digest('hex'); if (actual !== expected) throw new Error('mismatch');`;
    assert.deepEqual(purposeOf(PRELUDE + check), { purpose: 'security', reason: 'checks a file against an expected digest', persisted: false });
    assert.equal(purposeOf(PRELUDE + `console.log(createHash('md5').update(fs.readFileSync(file)).digest('hex'));`).purpose, 'fingerprint');
  });
});
