import noStaticIv from '../../rules/no-static-iv';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import requireKeyZeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// False positives found by linting the tenth batch of packages (bench/apps10-packages.json,
// reviewed in docs/benchmark-review.md), each next to the look-alike that must still be reported.
const ruleTester = createRuleTester();
const commonjs = { sourceType: 'commonjs', parserOptions: { sourceType: 'script', ecmaFeatures: { globalReturn: true } } } as never;

ruleTester.run('no-static-iv (application packages, batch 10)', noStaticIv, {
  valid: [
    {
      name: "key and IV from HKDF over the secret and a nonce read (hex-decoded) from the text being decrypted (@uppy/companion)",
      code: `import crypto from 'node:crypto';
const keyLength = 32;
const ivLength = 13;
const nonceLength = 16;
const tagLength = 16;
function createSecrets(secret, nonce) {
  const okm = crypto.hkdfSync('sha256', secret, new Uint8Array(32), nonce, keyLength + ivLength);
  const buf = Buffer.from(okm);
  return { key: buf.subarray(0, keyLength), iv: buf.subarray(keyLength, keyLength + ivLength) };
}
export const decrypt = (encrypted, secret) => {
  const nonce = Buffer.from(encrypted.slice(0, nonceLength * 2), 'hex');
  const body = Buffer.from(encrypted.slice(nonceLength * 2), 'base64url');
  const { key, iv } = createSecrets(secret, nonce);
  const decipher = crypto.createDecipheriv('aes-256-ccm', key, iv, { authTagLength: tagLength });
  decipher.setAuthTag(body.subarray(-tagLength));
  return Buffer.concat([decipher.update(body.subarray(0, -tagLength)), decipher.final()]).toString('utf8');
};
`,
    },
  ],
  invalid: [
    {
      name: 'key and IV from HKDF over the secret and a module constant: the same IV for every message',
      code: `import crypto from 'node:crypto';
const keyLength = 32;
const ivLength = 13;
const tagLength = 16;
const LABEL = Buffer.from('6b6579732d616e642d697673', 'hex');
function createSecrets(secret, nonce) {
  const okm = crypto.hkdfSync('sha256', secret, new Uint8Array(32), nonce, keyLength + ivLength);
  const buf = Buffer.from(okm);
  return { key: buf.subarray(0, keyLength), iv: buf.subarray(keyLength, keyLength + ivLength) };
}
export const decrypt = (encrypted, secret) => {
  const body = Buffer.from(encrypted, 'base64url');
  const { key, iv } = createSecrets(secret, LABEL);
  const decipher = crypto.createDecipheriv('aes-256-ccm', key, iv, { authTagLength: tagLength });
  decipher.setAuthTag(body.subarray(-tagLength));
  return Buffer.concat([decipher.update(body.subarray(0, -tagLength)), decipher.final()]).toString('utf8');
};
`,
      errors: [{ messageId: 'keyDerivedIv', line: 13 }],
    },
  ],
});

ruleTester.run('require-key-zeroization (application packages, batch 10)', requireKeyZeroization, {
  valid: [
    {
      name: "MurmurHash3's `key` is the data hashed, encoded to bytes (@optimizely/optimizely-sdk's bucketing)",
      code: `const createBuffer = (val) => new TextEncoder().encode(val);
function MurmurHashV3(key, seed) {
  if (typeof key === 'string') key = createBuffer(key);
  let h1 = seed;
  const remainder = key.length & 3;
  const bytes = key.length - remainder;
  let i = 0;
  while (i < bytes) {
    const k1 = (key[i] & 0xff) | ((key[++i] & 0xff) << 8) | ((key[++i] & 0xff) << 16) | ((key[++i] & 0xff) << 24);
    ++i;
    h1 ^= k1;
    h1 = (h1 << 13) | (h1 >>> 19);
  }
  return h1 >>> 0;
}
module.exports = { murmur: MurmurHashV3 };
`,
      languageOptions: commonjs,
    },
  ],
  invalid: [
    {
      name: 'a function named for FNV that uses its `key` as an HMAC key still holds key bytes',
      code: `const crypto = require('node:crypto');
const createBuffer = (val) => new TextEncoder().encode(val);
function fnvKeyedTag(key, data) {
  if (typeof key === 'string') key = createBuffer(key);
  return crypto.createHmac('sha256', key).update(data).digest('hex');
}
module.exports = { fnvKeyedTag };
`,
      languageOptions: commonjs,
      errors: [{ messageId: 'notWiped', line: 3 }],
    },
    {
      name: 'the same encoding of a `key` parameter in a function that seals a payload',
      code: `const createBuffer = (val) => new TextEncoder().encode(val);
function sealPayload(key, payload) {
  if (typeof key === 'string') key = createBuffer(key);
  return require('crypto').createHmac('sha256', key).update(payload).digest('hex');
}
module.exports = { sealPayload };
`,
      languageOptions: commonjs,
      errors: [{ messageId: 'notWiped', line: 2 }],
    },
  ],
});

ruleTester.run('no-weak-algorithm (application packages, batch 10)', noWeakAlgorithm, {
  valid: [
    {
      name: "a local helper returning its digest as the last of a comma sequence, as bundlers write it (ioredis-mock's sha1), used for an ETag",
      code: `const crypto = require('crypto');
function sha1(inputString) {
  const shasum = crypto.createHash('sha1');
  return shasum.update(inputString), shasum.digest('hex');
}
function etagOf(body) {
  const etag = sha1(body);
  return etag;
}
module.exports = { etagOf };
`,
      languageOptions: commonjs,
    },
  ],
  invalid: [
    {
      name: 'the same helper whose digest becomes a reset token',
      code: `const crypto = require('crypto');
function sha1(inputString) {
  const shasum = crypto.createHash('sha1');
  return shasum.update(inputString), shasum.digest('hex');
}
function resetTokenFor(userId, issuedAt) {
  const resetToken = sha1(userId + ':' + issuedAt);
  return resetToken;
}
module.exports = { resetTokenFor };
`,
      languageOptions: commonjs,
      errors: [{ messageId: 'weakHash', line: 3, suggestions: [{ messageId: 'useSha256Migrate', output: `const crypto = require('crypto');
function sha1(inputString) {
  const shasum = crypto.createHash('sha256');
  return shasum.update(inputString), shasum.digest('hex');
}
function resetTokenFor(userId, issuedAt) {
  const resetToken = sha1(userId + ':' + issuedAt);
  return resetToken;
}
module.exports = { resetTokenFor };
` }] }],
    },
  ],
});
