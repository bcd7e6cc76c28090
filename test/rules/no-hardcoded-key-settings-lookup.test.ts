import rule from '../../rules/no-hardcoded-key';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_JS } from './env-helper-text';

// A settings lookup's default (`config.get('JWT_SECRET', '…')`) is a hardcoded fallback — on a settings
// object (config, configService, nconf, settings, lodash `_.get`) only: `db.get('keys', 'store')` on an
// IndexedDB database reads the record 'store' (lifecycle blind set s6, key-purpose/blind-s6/offline-store-key.ts).
const nconfDefault = `const nconf = require('nconf');
const jwt = require('jsonwebtoken');
exports.issue = (sub) => jwt.sign({ sub }, nconf.get('jwt:secret', 'local-dev-jwt-secret'), { algorithm: 'HS256' });
`;

createRuleTester().run('no-hardcoded-key (settings lookups)', rule as never, {
  valid: [
    {
      name: 'an IndexedDB get(store, key) is not a settings lookup with a default',
      code: `import { openDB } from 'idb';
export async function storeKey(): Promise<CryptoKey> {
  const db = await openDB('offline', 1);
  const existing = (await db.get('keys', 'store')) as CryptoKey | undefined;
  if (existing) return existing;
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}
export async function put(data: Uint8Array): Promise<ArrayBuffer> {
  const key = await storeKey();
  return crypto.subtle.encrypt({ name: 'AES-GCM', iv: crypto.getRandomValues(new Uint8Array(12)) }, key, data);
}`,
    },
    {
      name: "a cache's get(key, fallback) is not a settings lookup",
      code: `import { createHmac } from 'node:crypto';
export function sign(cache: { get(k: string, d: string): string }, body: string): string {
  return createHmac('sha256', cache.get('tenant-key', 'none')).update(body).digest('hex');
}`,
    },
  ],
  invalid: [
    {
      name: "nconf.get('jwt:secret', '…') falls back to a literal secret",
      filename: 'tokens.js',
      code: nconfDefault,
      errors: [{
        messageId: 'hardcodedFallback',
        line: 3,
        column: 68,
        suggestions: [{
          messageId: 'readFromEnvironment',
          output: `const nconf = require('nconf');
const jwt = require('jsonwebtoken');

const JWT_SECRET = requireEnv('JWT_SECRET');
exports.issue = (sub) => jwt.sign({ sub }, nconf.get('jwt:secret', JWT_SECRET), { algorithm: 'HS256' });${REQUIRE_ENV_JS}
`,
        }],
      }],
    },
  ],
});
