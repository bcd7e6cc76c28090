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
    assert.equal(purposeOf(PRELUDE + `export function md5(s) { return createHash('md5').update(s).digest('hex'); }`).purpose, 'unknown');
  });

  it('marks password digests as persisted (changing the hash needs a migration)', () => {
    assert.equal(purposeOf(PRELUDE + `const stored = createHash('md5').update(password).digest('hex');`).persisted, true);
  });

  it('an ETag compared with If-None-Match is still a fingerprint', () => {
    const code = `const etag = createHash('md5').update(body).digest('hex'); if (req.headers['if-none-match'] === etag) res.status(304);`;
    assert.equal(purposeOf(PRELUDE + code).purpose, 'fingerprint');
  });
});
