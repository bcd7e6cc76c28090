import rule from '../../rules/no-insecure-randomness';
import { createRuleTester } from './rule-tester';

const ruleTester = createRuleTester();

ruleTester.run('no-insecure-randomness', rule, {
  valid: [
    // Clock reads kept under names about a moment, whatever else the name says (better-auth's client and adapter).
    `const now = () => Math.floor(Date.now() / 1e3);
let lastSessionRequest = 0;
export function onFocus(fetchSession: () => void) {
  if (now() - lastSessionRequest < 5) return;
  lastSessionRequest = now();
  fetchSession();
}`,
    `let nextVerificationCleanupAt = 0;
export async function sweep(deleteExpired: () => Promise<void>) {
  const now = Date.now();
  if (now < nextVerificationCleanupAt) return;
  nextVerificationCleanupAt = now + 60_000;
  await deleteExpired();
}`,
    `export function httpStatusCode(): number { return 200 + Math.floor(Math.random() * 4); }`,
    // An expiry check: the comparison's result is a boolean, not the time (blind-set false positive).
    `export function verifyMagicLink(query: { sig: string; expires: string }, expected: Buffer): boolean {
       return timingSafeEqual(Buffer.from(query.sig, 'base64url'), expected) && Number(query.expires) > Date.now();
     }
     export const verifyResetLink = (link: { exp: number; ok: boolean }) => link.ok && Date.now() <= link.exp;
     export function isSessionToken(value: unknown) { return Math.random() < 0.5 || value instanceof Object; }`,
    // UI jitter, retry backoff, sampling, shuffling for display, timestamps, ids, React keys.
    `const jitter = Math.random() * 1000;
     setTimeout(retry, 2 ** attempt * 100 + Math.random() * 100);
     if (Math.random() < 0.01) log('sampled');
     const shuffled = [...quotes].sort(() => Math.random() - 0.5);
     const expiresAt = Date.now() + 3600000;
     const requestId = Math.random().toString(36).slice(2);
     const color = \`hsl(\${Math.floor(Math.random() * 360)}, 70%, 50%)\`;
     const started = performance.now();`,
    {
      code: `export const List = ({ rows }) => rows.map((r) => <li key={Math.random()}>{r}</li>);`,
      filename: 'list.tsx',
    },
    // Secure sources.
    `import crypto from 'node:crypto';
     export const generateToken = () => crypto.randomBytes(32).toString('base64url');
     const iv = crypto.randomBytes(16);
     crypto.createCipheriv('aes-256-gcm', key, iv);
     const otp = crypto.randomInt(100000, 1000000);`,
    // An expiry next to a token is not the token.
    `import { randomBytes } from 'node:crypto';
     export function createResetToken() {
       const token = randomBytes(32).toString('base64url');
       return { token, expiresAt: new Date(Date.now() + 1800000) };
     }`,
    // A timestamp signed with a key is data, not a secret.
    `import crypto from 'crypto';
     const timestamp = Date.now();
     const signature = crypto.createHmac('sha256', secret).update(\`\${timestamp}.\${body}\`).digest('hex');`,
    // An expiry carried in clear next to the token's MAC is a bound the verifier checks, not the token's entropy.
    `import { createHmac } from 'node:crypto';
export function previewToken(key: Buffer, draftId: string) {
  const exp = Math.floor(Date.now() / 1000) + 60;
  const mac = createHmac('sha256', key).update(\`\${draftId}.\${exp}\`).digest('base64url');
  const token = \`\${draftId}.\${exp}.\${mac}\`;
  return token;
}`,
    // A clock read under a time label in a text that also carries a fresh random nonce (alipay-sdk's
    // signed \`authString\`): the nonce makes the text unguessable, the time is a field named for it.
    `import { randomUUID } from 'node:crypto';
export function authString(appId: string) {
  let authString = \`app_id=\${appId}\`;
  authString += \`,nonce=\${randomUUID()},timestamp=\${Date.now()}\`;
  return authString;
}`,
    `const crypto = require('crypto');
function signingToken(appId) {
  return 'appid=' + appId + '&nonce=' + crypto.randomBytes(8).toString('hex') + '&ts=' + Math.floor(Date.now() / 1000);
}`,
    // Test data is fine in test files.
    {
      code: `const token = Math.random().toString(36).slice(2);`,
      filename: 'src/__tests__/auth.test.ts',
    },
  ],
  invalid: [
    // A time label alone does not make a token unguessable: nothing random is in it.
    {
      code: `export function resetToken(userId: string) {
  const resetToken = \`uid=\${userId}&ts=\${Date.now()}\`;
  return resetToken;
}`,
      errors: [{ messageId: 'predictableSecret', line: 2, column: 42 }],
    },
    // Nor is a random value next to an unlabelled clock read.
    {
      code: `import { randomUUID } from 'node:crypto';
export function sessionToken() {
  const sessionToken = \`\${randomUUID()}\${Date.now()}\`;
  return sessionToken;
}`,
      errors: [{ messageId: 'predictableSecret', line: 3, column: 42 }],
    },
    // A timestamp is still followed: hashed into a verification token, it makes the token guessable.
    {
      code: `import { createHash } from 'node:crypto';
export function verificationToken(email: string) {
  const issuedAt = Date.now();
  const token = createHash('sha256').update(\`\${email}:\${issuedAt}\`).digest('hex');
  return { token, expiresAt: issuedAt + 3_600_000 };
}`,
      errors: [{ messageId: 'predictableSecret', line: 3, column: 20 }],
    },
    // A time word does not excuse Math.random(): it is no clock.
    {
      code: `export function issue() {
  const lastToken = Math.random().toString(36).slice(2);
  return lastToken;
}`,
      errors: [{ messageId: 'predictableSecret', line: 2, column: 21 }],
    },
    // A one-time code named for what it is (sms/verification/backup code), not a status code.
    {
      code: `export function generateSmsCode(): string {
  return String(Math.floor(100000 + Math.random() * 900000));
}`,
      errors: [{ messageId: 'predictableSecret', line: 2, column: 37 }],
    },
    {
      code: `export function generateToken(len = 32) {
  const chars = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let result = '';
  for (let i = 0; i < len; i++) result += chars[Math.floor(Math.random() * chars.length)];
  return result;
}`,
      errors: [{ messageId: 'predictableSecret', line: 4, column: 60 }],
    },
    {
      code: `const resetToken = Math.random().toString(36).slice(2);`,
      errors: [{ messageId: 'predictableSecret', line: 1, column: 20 }],
    },
    {
      // Two predictable sources in one session id: two findings, each must go.
      code: `const sessionId = Date.now().toString(36) + Math.random().toString(36).substring(2);`,
      errors: [
        { messageId: 'predictableSecret', line: 1, column: 19 },
        { messageId: 'predictableSecret', line: 1, column: 45 },
      ],
    },
    {
      // Through a hash, and through element writes into a key buffer.
      code: `const crypto = require('crypto');
function newSessionId(user) { return crypto.createHash('md5').update(user.id + ':' + Date.now()).digest('hex'); }
function randomKey(length) {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return bytes;
}
const key = randomKey(32);
crypto.createCipheriv('aes-256-gcm', key, crypto.randomBytes(12));`,
      errors: [
        { messageId: 'predictableSecret', line: 2, column: 86 },
        { messageId: 'predictableSink', line: 5, column: 58 },
      ],
    },
    {
      code: `function uuidv4() {
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
    const r = (Math.random() * 16) | 0;
    return (c === 'x' ? r : (r & 0x3) | 0x8).toString(16);
  });
}
export const apiKey = uuidv4();`,
      errors: [{ messageId: 'predictableSecret', line: 3, column: 16 }],
    },
    {
      code: `const crypto = require('crypto');
const iv = Buffer.from(String(Math.random()).slice(0, 16));
crypto.createCipheriv('aes-256-cbc', key, iv);`,
      errors: [{ messageId: 'predictableSink', line: 2, column: 31 }],
    },
    {
      code: `import { pbkdf2Sync } from 'node:crypto';
const salt = Date.now().toString();
export const derive = (pw) => pbkdf2Sync(pw, salt, 600000, 32, 'sha256');`,
      errors: [{ messageId: 'predictableSink', line: 2, column: 14 }],
    },
    {
      code: `import jwt from 'jsonwebtoken';
export const issue = (payload) => jwt.sign(payload, String(Math.random()));`,
      errors: [{ messageId: 'predictableSink', line: 2, column: 60 }],
    },
    {
      code: `const nonce = new Uint8Array(24).map(() => Math.floor(Math.random() * 256));
const box = nacl.secretbox(msg, nonce, key);
import nacl from 'tweetnacl';`,
      errors: [{ messageId: 'predictableSink', line: 1, column: 55 }],
    },
    {
      code: `const bytes = Array.from({ length: 32 }, () => Math.floor(Math.random() * 256));
export const encryptionKey = Buffer.from(bytes);`,
      errors: [{ messageId: 'predictableSecret', line: 1, column: 59 }],
    },
    {
      code: `import CryptoJS from 'crypto-js';
const iv = CryptoJS.enc.Utf8.parse(Math.random().toString(36).slice(2, 18).padEnd(16, '0'));
export const enc = (t, key) => CryptoJS.AES.encrypt(t, key, { iv });`,
      errors: [{ messageId: 'predictableSink', line: 2, column: 36 }],
    },
    {
      code: `const otp = Math.floor(100000 + Math.random() * 900000);`,
      errors: [{ messageId: 'predictableSecret', line: 1, column: 33 }],
    },
    {
      code: `const crypto = require('crypto'); const buf = crypto.pseudoRandomBytes(16);`,
      errors: [{ messageId: 'insecureRandomApi', line: 1, column: 47 }],
    },
    {
      code: `const token = Math.random().toString(36).slice(2);`,
      filename: 'src/__tests__/auth.test.ts',
      options: [{ ignoreTestFiles: false }],
      errors: [{ messageId: 'predictableSecret', line: 1, column: 15 }],
    },
  ],
});

// Found by the session-4 blind corpus (test/fixtures/corpus/*/blind-s4).
ruleTester.run('no-insecure-randomness: credential calls', rule, {
  valid: [
    // Callees that name no credential, or name one next to a timing word.
    `export function plot(chart, name) { chart.setSeries(name, Math.random()); }`,
    `export function wait(retry) { return retry.delayTokens(Math.random() * 100); }`,
    // A date built from a timestamp is not the current time; an error about a token keeps no token.
    `export function expired(payload, done) { return done(new TokenExpiredError('jwt expired', new Date(payload.exp * 1000))); }`,
    `export function expiredNow(done) { return done(new TokenExpiredError('jwt expired', new Date())); }`,
  ],
  invalid: [
    {
      // A bare \`code\` handed to the OTP store is a one-time password.
      code: `export async function sendLoginCode(phone) {
  const code = String(Math.floor(100000 + Math.random() * 900000));
  await otpStore.put(phone, code, { ttlSeconds: 300 });
}`,
      errors: [{ messageId: 'predictableCredentialCall', line: 2, column: 43 }],
    },
    {
      code: `export function issue(user) {
  const t = Math.random().toString(36).slice(2);
  saveResetToken(user.id, t);
  return t;
}`,
      errors: [{ messageId: 'predictableCredentialCall', line: 2, column: 13 }],
    },
  ],
});

// Session 32: the corpus's false positives of blind rounds s31 and s31b.
ruleTester.run('no-insecure-randomness: time entries and references', rule, {
  valid: [
    // A `[name, value]` entry of a parameter list named for a time is the array form of `{ starttime: now }`.
    `const PREFIX = 'cdntoken';
export function tokenParams(validSeconds: number): [string, string][] {
  const now = Math.floor(Date.now() / 1000);
  return [
    [\`\${PREFIX}starttime\`, String(now)],
    [\`\${PREFIX}endtime\`, String(now + validSeconds)],
  ];
}`,
    `export const tokenQuery = () => new URLSearchParams([['ts', String(Date.now())]]).toString();`,
    // A function or binding named for a reference makes a handle, not the secret it refers to.
    `export function activationRef() {
  return \`act-\${Date.now().toString(36)}-\${Math.random().toString(36).slice(2, 8)}\`;
}`,
    `export const sessionReference = Math.random().toString(36).slice(2);`,
  ],
  invalid: [
    // An entry named for something else is followed as before: into `tokenParams`.
    {
      code: `export function tokenParams(): [string, string][] {
  const params: [string, string][] = [['nonce', String(Date.now())]];
  return params;
}`,
      errors: [{ messageId: 'predictableSecret', line: 2, column: 56 }],
    },
    // A name whose last word is not `ref` keeps its meaning.
    {
      code: `export function activationToken() {
  return Math.random().toString(36).slice(2);
}`,
      errors: [{ messageId: 'predictableSecret', line: 2, column: 10 }],
    },
  ],
});

// Session 34: two long-standing misses of the corpus. A bare `plaintext` (or `raw`) takes its meaning from the function
// that makes it, like a bare `code` (an API key shown once and stored as a hash); and an anonymous callback is part of
// the named function it is written in (an invite code made inside `requests.map(…)` in `inviteCodes`). The guards: the
// same names in functions named for nothing secret.
ruleTester.run('no-insecure-randomness: bare names and callbacks', rule, {
  valid: [
    `export function renderPreview() {
  const plaintext = Math.random().toString(36).slice(2);
  return { plaintext };
}`,
    `export function seedRows(rows: { id: string }[]) {
  return rows.map((row) => ({ ...row, code: Math.random().toString(36).slice(2, 6) }));
}`,
  ],
  invalid: [
    {
      code: `import { createHash } from 'node:crypto';
export async function issueApiKey(db: any, mailer: any, accountId: string) {
  const plaintext = \`ak_\${Math.random().toString(36).slice(2)}\${Math.random().toString(36).slice(2)}\`;
  await db.insert({ accountId, keyHash: createHash('sha256').update(plaintext).digest('hex') });
  await mailer.send(accountId, plaintext);
}`,
      errors: [{ messageId: 'predictableSecret', line: 3, column: 27 }, { messageId: 'predictableSecret', line: 3, column: 65 }],
    },
    {
      code: `const code = (n: number) => Array.from({ length: n }, () => 'ABCDEFGHJK'[Math.floor(Math.random() * 10)]).join('');
export function inviteCodes(requests: { email: string }[], save: (invite: object) => void) {
  for (const invite of requests.map((req) => ({ ...req, code: code(10), expiresAt: Date.now() + 86_400_000 }))) save(invite);
}`,
      errors: [{ messageId: 'predictableSecret', line: 1, column: 85 }],
    },
  ],
});
