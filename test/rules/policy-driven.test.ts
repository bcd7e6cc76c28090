import minKeyStrength from '../../rules/min-key-strength';
import noKeyReuse from '../../rules/no-key-reuse-across-purposes';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';

/**
 * keywarden.policy.json, read by the rules (issue 3: "All rules read it"):
 * the global algorithm lists in no-weak-algorithm, the KDF costs in
 * min-key-strength. Given inline here (`settings.keywarden.policy`), as an
 * ESLint config can; the file form is covered in test/policy.
 */
const ruleTester = createRuleTester();
const policy = (value: object) => ({ keywarden: { policy: value } });
/** min-key-strength's advice for hashes that record their cost (bcrypt, argon2's encoded hash) and for raw KDF output. */
const REHASH_AT_LOGIN = "Each hash records its cost, so existing hashes still verify and can be rehashed at each user's next login.";
const STORE_PARAMETERS = 'Store the parameters with each hash or encrypted record, so existing ones still verify or decrypt, and re-derive them at the new cost when next used.';

ruleTester.run('no-weak-algorithm (policy lists)', noWeakAlgorithm, {
  valid: [
    {
      name: 'allowed algorithms pass',
      code: `import { createCipheriv, createHash, randomBytes } from 'node:crypto';
export const seal = (key: Buffer, data: string) => createCipheriv('aes-256-gcm', key, randomBytes(12)).update(data);
export const digest = (data: string) => createHash('SHA256').update(data).digest('hex');`,
      settings: policy({ algorithms: { allow: ['aes-256-gcm', 'sha256'] } }),
    },
    {
      name: 'without a policy, an MD5 ETag is a fingerprint, not a finding',
      code: `import { createHash } from 'node:crypto';
export const etag = (body: string) => createHash('md5').update(body).digest('hex');`,
    },
  ],
  invalid: [
    {
      name: 'a denied algorithm, strong as it is, and an MD5 ETag the policy denies',
      code: `import { createCipheriv, createHash, randomBytes } from 'node:crypto';
export const seal = (key: Buffer, data: string) => createCipheriv('aes-128-cbc', key, randomBytes(16)).update(data);
export const etag = (body: string) => createHash('md5').update(body).digest('hex');`,
      settings: policy({ algorithms: { deny: ['AES-128-CBC', 'md5'] } }),
      errors: [
        { messageId: 'policyDenied', line: 2, column: 67, data: { name: 'aes-128-cbc', why: 'on the deny list', policy: 'the keywarden policy' } },
        { messageId: 'policyDenied', line: 3, column: 50, data: { name: 'md5', why: 'on the deny list', policy: 'the keywarden policy' } },
      ],
    },
    {
      name: 'an allow list reports what it leaves out (a JWT algorithm too); a known weakness keeps its own message',
      code: `import jwt from 'jsonwebtoken';
export const token = (claims: object, key: string) => jwt.sign(claims, key, { algorithm: 'HS384' });
export const check = (t: string, key: string) => jwt.verify(t, key, { algorithms: ['HS256'] });
export const unsigned = (claims: object) => jwt.sign(claims, '', { algorithm: 'none' });`,
      settings: policy({ algorithms: { allow: ['HS256', 'sha256'] } }),
      errors: [
        { messageId: 'policyDenied', line: 2, column: 90, data: { name: 'HS384', why: 'not on the allow list', policy: 'the keywarden policy' } },
        { messageId: 'jwtNone', line: 4 },
      ],
    },
    {
      name: 'a cipher named by the library API (crypto-js)',
      code: `import CryptoJS from 'crypto-js';
export const seal = (data: string, key: CryptoJS.lib.WordArray, iv: CryptoJS.lib.WordArray) => CryptoJS.Rabbit.encrypt(data, key, { iv }).toString();`,
      settings: policy({ algorithms: { deny: ['rabbit'] } }),
      errors: [{ messageId: 'policyDenied', line: 2, data: { name: 'Rabbit', why: 'on the deny list', policy: 'the keywarden policy' } }],
    },
  ],
});

ruleTester.run('min-key-strength (policy KDF costs)', minKeyStrength, {
  valid: [
    {
      name: 'a policy may relax a default for a legacy system, deliberately',
      code: `import bcrypt from 'bcrypt';
export const hash = (password: string) => bcrypt.hash(password, 8);`,
      settings: policy({ kdf: { bcrypt: { minRounds: 8 } } }),
    },
  ],
  invalid: [
    {
      name: 'PBKDF2 and scrypt below the policy figures, which are above OWASP',
      code: `import { pbkdf2Sync, randomBytes, scryptSync } from 'node:crypto';
export const a = (password: string) => pbkdf2Sync(password, randomBytes(16), 700000, 32, 'sha256');
export const b = (password: string) => scryptSync(password, randomBytes(16), 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 2 ** 28 });`,
      settings: policy({ kdf: { pbkdf2: { minIterations: 1000000 }, scrypt: { minN: 262144 } } }),
      errors: [
        {
          messageId: 'lowIterations',
          line: 2,
          data: { upgrade: STORE_PARAMETERS, kdf: 'PBKDF2-HMAC-SHA256', value: 700000, minimum: 'the minimum of 1000000 set by the keywarden policy' },
        },
        { messageId: 'lowCost', line: 3, data: { upgrade: STORE_PARAMETERS, kdf: 'scrypt', parameter: 'N', value: 131072, minimum: 'the minimum of 262144 set by the keywarden policy' } },
      ],
    },
    {
      name: 'argon2 time cost and bcrypt rounds below the policy',
      code: `import argon2 from 'argon2';
import bcrypt from 'bcrypt';
export const a = (password: string) => argon2.hash(password, { memoryCost: 65536, timeCost: 2 });
export const b = (password: string) => bcrypt.hash(password, 12);`,
      settings: policy({ kdf: { argon2: { minTimeCost: 3 }, bcrypt: { minRounds: 13 } } }),
      errors: [
        { messageId: 'lowCost', line: 3, data: { upgrade: REHASH_AT_LOGIN, kdf: 'argon2', parameter: 'timeCost', value: 2, minimum: 'the minimum of 3 set by the keywarden policy' } },
        { messageId: 'lowCost', line: 4, data: { upgrade: REHASH_AT_LOGIN, kdf: 'bcrypt', parameter: 'cost', value: 12, minimum: 'the minimum of 13 set by the keywarden policy' } },
      ],
    },
    {
      name: 'raw argon2 output (a derived key) records no parameters: the advice is to store them',
      code: `import argon2 from 'argon2';
import { hashRaw } from '@node-rs/argon2';
export const a = (passphrase: string, salt: Buffer) => argon2.hash(passphrase, { salt, raw: true, memoryCost: 65536, timeCost: 2 });
export const b = (passphrase: string, salt: Uint8Array) => hashRaw(passphrase, { salt, memoryCost: 65536, timeCost: 2 });
export const c = (password: string) => argon2.hash(password, { raw: false, memoryCost: 65536, timeCost: 2 });`,
      settings: policy({ kdf: { argon2: { minTimeCost: 3 } } }),
      errors: [
        { messageId: 'lowCost', line: 3, data: { upgrade: STORE_PARAMETERS, kdf: 'argon2', parameter: 'timeCost', value: 2, minimum: 'the minimum of 3 set by the keywarden policy' } },
        { messageId: 'lowCost', line: 4, data: { upgrade: STORE_PARAMETERS, kdf: 'argon2', parameter: 'timeCost', value: 2, minimum: 'the minimum of 3 set by the keywarden policy' } },
        { messageId: 'lowCost', line: 5, data: { upgrade: REHASH_AT_LOGIN, kdf: 'argon2', parameter: 'timeCost', value: 2, minimum: 'the minimum of 3 set by the keywarden policy' } },
      ],
    },
  ],
});

ruleTester.run('no-key-reuse-across-purposes (policy key algorithms)', noKeyReuse, {
  valid: [
    {
      name: 'the key is used with the algorithm the policy lists for it',
      code: `import { createHmac } from 'node:crypto';
export const tag = (data: string) => createHmac('SHA256', process.env.SESSION_KEY!).update(data).digest('hex');`,
      settings: policy({ keys: [{ name: 'session', purpose: 'mac', env: ['SESSION_KEY'], algorithms: ['sha256'] }] }),
    },
  ],
  invalid: [
    {
      name: 'a policy key used with an algorithm the policy does not list for it',
      code: `import { createHmac } from 'node:crypto';
export const tag = (data: string) => createHmac('sha1', process.env.SESSION_KEY!).update(data).digest('hex');`,
      settings: policy({ keys: [{ name: 'session', purpose: 'mac', env: ['SESSION_KEY'], algorithms: ['sha256', 'sha512'] }] }),
      errors: [
        {
          messageId: 'algorithmNotAllowed',
          line: 2,
          data: { name: '`process.env.SESSION_KEY`', algorithm: 'sha1', policy: 'the keywarden policy', key: 'session', allowed: 'sha256, sha512' },
        },
      ],
    },
  ],
});
