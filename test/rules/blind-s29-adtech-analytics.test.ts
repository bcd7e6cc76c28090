import noHardcodedKey from '../../rules/no-hardcoded-key';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_TS } from './env-helper-text';

// Shapes probed after the twenty-ninth blind set (part C: ad tech and marketing analytics back ends — conversions
// APIs, OpenRTB price decryption and win notices, affiliate postbacks, signed click links, e-mail tracking, A/B
// bucketing, consent, CDP webhooks, identity resolution, clean rooms) that the rules missed: the integrity key that
// price encryption pairs with its encryption key (`integrityKey`, a MAC key) was not a key's name; a `Map` of
// per-exchange records (`new Map([['adx', { ekey: '…' }]])`) read at a sink through `.get(exchange).ekey` was not
// followed to its entries; and an MD5/SHA-1 named as an anonymised or pseudonymous value (`anonymousEmailId`) was
// taken for an identifier, a fingerprint, although an unkeyed digest pseudonymises nothing.

const ruleTester = createRuleTester();

ruleTester.run('no-hardcoded-key (blind-s29 price-encryption keys)', noHardcodedKey, {
  valid: [
    {
      name: 'price-encryption keys read from the environment',
      code: `import { PriceDecrypter } from '@acme/rtb-price';
export const adx = new PriceDecrypter({ encryptionKey: process.env.ADX_EKEY, integrityKey: process.env.ADX_IKEY });
`,
    },
    {
      name: 'a subresource-integrity hash and an integrity key id are not keys',
      code: `export const widget = {
  src: 'https://cdn.example/widget.js',
  integrity: 'sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC',
  integrityKeyId: 'ik-2024-07',
};
`,
    },
    {
      name: 'a Map of format records read for their cipher name holds no key',
      code: `import { createCipheriv, randomBytes } from 'node:crypto';
const FORMATS = new Map([
  ['v1', { cipher: 'aes-256-gcm', ivBytes: 12 }],
  ['v2', { cipher: 'chacha20-poly1305', ivBytes: 12 }],
]);
export function seal(version: string, key: Buffer, data: Buffer) {
  const format = FORMATS.get(version)!;
  const iv = randomBytes(format.ivBytes);
  const cipher = createCipheriv(format.cipher as 'aes-256-gcm', key, iv);
  return Buffer.concat([iv, cipher.update(data), cipher.final()]);
}
`,
    },
    {
      name: 'a Map of per-exchange records whose keys come from the environment',
      code: `import { createHmac } from 'node:crypto';
const EXCHANGE_KEYS = new Map([
  ['adx', { ekey: process.env.ADX_EKEY ?? '', ikey: process.env.ADX_IKEY ?? '' }],
  ['openx', { ekey: process.env.OPENX_EKEY ?? '', ikey: process.env.OPENX_IKEY ?? '' }],
]);
export function pad(exchange: string, iv: Buffer): Buffer {
  const keys = EXCHANGE_KEYS.get(exchange);
  if (!keys) throw new Error('unknown exchange');
  return createHmac('sha256', Buffer.from(keys.ekey, 'base64url')).update(iv).digest();
}
`,
    },
  ],
  invalid: [
    {
      name: "an exchange's integrity key written next to its encryption key from the environment",
      code: `import { PriceDecrypter } from '@acme/rtb-price';
export const adx = new PriceDecrypter({
  encryptionKey: process.env.ADX_EKEY,
  integrityKey: 'j5i-8nXbRLJ64A_3KAXTyIvwdxMiFYHFRMuLufsSMhU=',
});
`,
      errors: [
        {
          messageId: 'keyLikeConstant',
          line: 4,
          suggestions: [
            { messageId: 'readFromEnvironment', output: `import { PriceDecrypter } from '@acme/rtb-price';
export const adx = new PriceDecrypter({
  encryptionKey: process.env.ADX_EKEY,
  integrityKey: requireEnv('PRICE_DECRYPTER_INTEGRITY_KEY'),
});${REQUIRE_ENV_TS}
` },
          ],
        },
      ],
    },
    {
      name: 'a per-exchange key record in a Map, read at the HMAC through a binding',
      code: `import { createHmac } from 'node:crypto';
const EXCHANGE_KEYS = new Map([
  ['adx', { ekey: 'Kd6NgoMEYbuJkCzQjN1evx7WE1SU9Ie632Q7HIt7S2E=' }],
  ['openx', { ekey: process.env.OPENX_EKEY ?? '' }],
]);
export function pad(exchange: string, iv: Buffer): Buffer {
  const keys = EXCHANGE_KEYS.get(exchange);
  if (!keys) throw new Error('unknown exchange');
  return createHmac('sha256', Buffer.from(keys.ekey, 'base64url')).update(iv).digest();
}
`,
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 3,
          suggestions: [
            { messageId: 'readFromEnvironment', output: `import { createHmac } from 'node:crypto';
const EXCHANGE_KEYS = new Map([
  ['adx', { ekey: requireEnv('EKEY') }],
  ['openx', { ekey: process.env.OPENX_EKEY ?? '' }],
]);
export function pad(exchange: string, iv: Buffer): Buffer {
  const keys = EXCHANGE_KEYS.get(exchange);
  if (!keys) throw new Error('unknown exchange');
  return createHmac('sha256', Buffer.from(keys.ekey, 'base64url')).update(iv).digest();
}${REQUIRE_ENV_TS}
` },
          ],
        },
      ],
    },
    {
      name: 'a per-exchange key record in a Map, read at the HMAC directly',
      code: `const crypto = require('crypto');
const EXCHANGE_KEYS = new Map().set('adx', { ikey: 'n2FAtSvUs4kRLZj-etdAa51rP8Y9d1rvul3ebjiZyAE=' });
exports.signature = (exchange, price, iv) =>
  crypto.createHmac('sha256', Buffer.from(EXCHANGE_KEYS.get(exchange).ikey, 'base64url')).update(Buffer.concat([price, iv])).digest().subarray(0, 4);
`,
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 2,
          suggestions: [
            { messageId: 'readFromEnvironment', output: `const crypto = require('crypto');
const EXCHANGE_KEYS = new Map().set('adx', { ikey: requireEnv('SET_IKEY') });
exports.signature = (exchange, price, iv) =>
  crypto.createHmac('sha256', Buffer.from(EXCHANGE_KEYS.get(exchange).ikey, 'base64url')).update(Buffer.concat([price, iv])).digest().subarray(0, 4);${REQUIRE_ENV_TS}
` },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-weak-algorithm (blind-s29 pseudonymous digests)', noWeakAlgorithm, {
  valid: [
    {
      name: 'a cache key of anonymous queries stays a cache key',
      code: `import { createHash } from 'node:crypto';
export function anonymousCacheKey(query: string): string {
  return 'anon:' + createHash('md5').update(query).digest('hex');
}
`,
    },
    {
      name: "an anonymous visitor's experiment bucket is a number for bucketing",
      code: `import { createHash } from 'node:crypto';
export function bucketForAnonymous(anonymousId: string, buckets: number): number {
  return parseInt(createHash('md5').update(anonymousId).digest('hex').slice(0, 8), 16) % buckets;
}
`,
    },
    {
      name: 'a keyed pseudonym (HMAC-SHA256) is not a weak digest',
      code: `import { createHmac } from 'node:crypto';
export function pseudonymousId(email: string, key: Buffer): string {
  return createHmac('sha256', key).update(email.trim().toLowerCase()).digest('hex');
}
`,
    },
  ],
  invalid: [
    {
      name: "an e-mail's SHA-1 named as an anonymous id",
      code: `import CryptoJS from 'crypto-js';
export function anonymousEmailId(email: string): string {
  return CryptoJS.SHA1(email.trim().toLowerCase()).toString();
}
`,
      errors: [
        {
          messageId: 'weakHash',
          line: 3,
          suggestions: [
            { messageId: 'useSha256Migrate', output: `import CryptoJS from 'crypto-js';
export function anonymousEmailId(email: string): string {
  return CryptoJS.SHA256(email.trim().toLowerCase()).toString();
}
` },
          ],
        },
      ],
    },
    {
      name: "a user id's MD5 bound as a pseudonymous id for an analytics export",
      code: `import { createHash } from 'node:crypto';
export function exportRow(row: { userId: string; plan: string; revenue: number }) {
  const pseudonymousId = createHash('md5').update(row.userId).digest('hex');
  return { id: pseudonymousId, plan: row.plan, revenue: row.revenue };
}
`,
      errors: [
        {
          messageId: 'weakHash',
          line: 3,
          suggestions: [
            { messageId: 'useSha256Migrate', output: `import { createHash } from 'node:crypto';
export function exportRow(row: { userId: string; plan: string; revenue: number }) {
  const pseudonymousId = createHash('sha256').update(row.userId).digest('hex');
  return { id: pseudonymousId, plan: row.plan, revenue: row.revenue };
}
` },
          ],
        },
      ],
    },
  ],
});
