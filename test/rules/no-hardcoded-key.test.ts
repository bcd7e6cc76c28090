import rule from '../../rules/no-hardcoded-key';
import { createRuleTester, createTypedRuleTester } from './rule-tester';
import { REQUIRE_ENV_JS, REQUIRE_ENV_TS } from './env-helper-text';

const HEX_KEY = '9c4e2a7f1b3d5e8a0c6f2b4d7e9a1c3f5b8d0e2a4c6f8b1d3e5a7c9f0b2d4e6a';
const HEX_KEY_16 = '7d2f9a4c1e8b3f6a0d5c2e9b4f7a1c3e';
const B64_KEY = 'q3T8vY2mK9xR4wP7zN1cL6hJ0sD5fG8b2VtQeYxWmKo=';
/** A real (throwaway, generated for these tests) PKCS#8 EC private key. */
const PEM =
  '-----BEGIN PRIVATE KEY-----\n' +
  'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgz7k1QbB9XwQm3o0h\n' +
  'r0Jt0bq3Gz4Xy3jv9kNQkzBrQ4OhRANCAAQ8kQ6sVdJtFZ9m2s8u2m1q9vQmB1uE\n' +
  'k6r4a2n3Tq1yX0pY6Jb8cZ5wL3dH7fK2gS9tR4mN1bV6xC0oP8eW2zA5\n' +
  '-----END PRIVATE KEY-----';

const ruleTester = createRuleTester();

ruleTester.run('no-hardcoded-key', rule, {
  valid: [
    // Values no generator writes: counting bytes (a test fixture's "secret"), a dotted storage key
    // name with a public client id in it, a fallback masked with x's (flutterwave-node-v3's tests).
    `export const TEST_SECRET = '0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20';`,
    `const refreshTokenKey = 'CognitoIdentityServiceProvider.3pu8tnp684l4lmlfoth25ojmd2.username.refreshToken';
     export const readRefreshToken = () => localStorage.getItem(refreshTokenKey);`,
    `import axios from 'axios';
     const SECRET_KEY = process.env.SECRET_KEY || 'FLWSECK_TEST-xxxxxxxxxxxx-X';
     export const charge = (body: object) => axios.post('/v3/charges', body, { headers: { Authorization: \`Bearer \${SECRET_KEY}\` } });`,
    // A test's sample password, hashed for storage (PBKDF2 output turned into hex at once): not a key's passphrase.
    {
      filename: 'authenticate.spec.ts',
      code: `import crypto from 'node:crypto';
const hashAndSalt = (password: string) => {
  const salt = crypto.randomBytes(32).toString('hex');
  const hash = crypto.pbkdf2Sync(password, salt, 600000, 32, 'sha256').toString('hex');
  return { hash, salt };
};
it('accepts the right password', async () => {
  const { hash, salt } = hashAndSalt('test-password');
  expect(await authenticate({ doc: { hash, salt }, password: 'test-password' })).toBeTruthy();
});`,
    },
    // Koa's keys from the environment, and `keys` of objects that are not a Koa app.
    `import Koa from 'koa';
const app = new Koa();
app.keys = [process.env.COOKIE_KEY_CURRENT, process.env.COOKIE_KEY_PREVIOUS];`,
    `import Koa from 'koa';
const app = new Koa();
app.keys = config.get('cookieKeys');`,
    `const table = { keys: [] };
table.keys = ['user-id', 'created-at', 'display-name'];`,
    // Where keys live is not a key: a directory, host or port fallback of a key-named variable.
    `import { writeFile } from 'node:fs/promises';
     const CACHE_DIR = process.env.DEK_CACHE_DIR ?? '/var/cache/ingest';
     const KMS_HOST = process.env.KEK_HOST || 'kms.internal.example:8443';
     export const save = (name: string, wrapped: string) => writeFile(\`\${CACHE_DIR}/\${name}.\${KMS_HOST}\`, wrapped);`,
    // A sentinel replaced before first use is not a key; a buffer filled with random bytes is not its zeros.
    `import { createHmac, randomBytes } from 'node:crypto';
     let currentKey: Buffer | string = 'uninitialised';
     function rotate() { currentKey = randomBytes(32); }
     export function sign(id: string) { if (typeof currentKey === 'string') rotate(); return createHmac('sha256', currentKey).update(id).digest('hex'); }`,
    `import { createCipheriv, randomBytes, randomFillSync } from 'node:crypto';
     export function seal(data: Buffer) {
       const key = Buffer.alloc(32);
       randomFillSync(key);
       const cipher = createCipheriv('aes-256-gcm', key, randomBytes(12));
       return { key, body: Buffer.concat([cipher.update(data), cipher.final()]) };
     }`,
    // A TLS key passphrase and a PKCS#12 password read at run time.
    `import https from 'node:https';
     export const server = https.createServer({ pfx: pfxBytes, passphrase: process.env.TLS_PFX_PASSPHRASE }, handler);`,
    // A local helper fed from the environment.
    `import { createHmac } from 'node:crypto';
     const b64 = (s: string) => Buffer.from(s, 'base64');
     export const sign = (body: string) => createHmac('sha256', b64(process.env.WEBHOOK_KEY_B64!)).update(body).digest('hex');`,
    // A KMS key reference as the fallback of a key-id variable names a key, it holds none.
    `const KEK = process.env.ENVELOPE_KEK_ID ?? 'alias/envelope';
     const SIGNING_KEY = process.env.SIGNING_KEY_ARN || 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
     export { KEK, SIGNING_KEY };`,
    // Emulator credentials in a test: 'test'/'test' is what every local KMS/S3 emulator takes.
    `import { KMSClient } from '@aws-sdk/client-kms';
     export const kms = new KMSClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });`,
    // Subclasses: the secret comes from configuration; an unrelated base class takes a literal.
    `import { PassportStrategy } from '@nestjs/passport';
     import { ExtractJwt, Strategy } from 'passport-jwt';
     export class JwtStrategy extends PassportStrategy(Strategy) {
       constructor(config) { super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: config.get('JWT_SECRET') }); }
     }`,
    `import { Strategy } from 'passport-local';
     class Base { constructor(options) { this.options = options; } }
     export class CacheStore extends Base { constructor() { super({ secret: 'not-a-modelled-sink', key: 'user:42' }); } }`,
    // Keys from the environment, files, KMS.
    `import { createCipheriv, randomBytes } from 'node:crypto';
     const key = Buffer.from(process.env.DATA_KEY, 'hex');
     export const enc = (d) => createCipheriv('aes-256-gcm', key, randomBytes(12)).update(d);`,
    `const crypto = require('crypto');
     const fs = require('fs');
     const key = fs.readFileSync('/run/secrets/aes.key');
     crypto.createHmac('sha256', key).update('x').digest('hex');`,
    `import jwt from 'jsonwebtoken';
     export const sign = (claims) => jwt.sign(claims, process.env.JWT_SECRET, { algorithm: 'HS256' });`,
    // An empty fallback is "no key", not a hardcoded key.
    `import { createHmac } from 'crypto';
     createHmac('sha256', process.env.WEBHOOK_SECRET ?? '').update('b').digest('hex');`,
    // Flow-sensitive: the constant initializer is overwritten before use.
    `import { createCipheriv, randomBytes } from 'crypto';
     let key = 'not-used-anymore';
     key = randomBytes(32);
     createCipheriv('aes-256-gcm', key, randomBytes(12));`,
    // Hashing a constant is not a key sink.
    `import { createHash } from 'crypto';
     export const etag = createHash('md5').update('static-body').digest('hex');`,
    // Look-alikes: cache keys, React keys, i18n keys, header names, public keys.
    `const CACHE_KEY = 'user:profile:v2'; const redisKey = \`session:\${id}\`;`,
    `const items = list.map((item) => <Row key={item.id} label="abc" />);`,
    `const API_KEY_HEADER = 'x-api-key'; const i18nKey = 'checkout.button.pay';`,
    `const PUBLIC_KEY = '${HEX_KEY}'; const keyId = '${HEX_KEY_16}';`,
    `const commitSha = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';`,
    `const PLACEHOLDER = '-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----';`,
    `const docs = 'Paste your -----BEGIN RSA PRIVATE KEY----- block here';`,
    `import { createPublicKey } from 'crypto';
     createPublicKey('-----BEGIN PUBLIC KEY-----\\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\\n-----END PUBLIC KEY-----');`,
    // A name that is not about a secret, with a hex value (a content hash).
    `const manifest = { integrity: '${HEX_KEY}', contentHash: '${HEX_KEY_16}' };`,
    // Not the crypto module: a local function named createHmac.
    `function createHmac(a, b) { return a + b; }
     createHmac('sha256', 'not-a-key');`,
    // Test files can be skipped.
    {
      code: `import jwt from 'jsonwebtoken'; jwt.sign({}, 'test-secret');`,
      filename: 'src/__tests__/auth.test.ts',
      options: [{ ignoreTestFiles: true }],
    },
    // A parameter with no constant caller.
    `import { createCipheriv } from 'crypto';
     export function enc(key, iv, d) { return createCipheriv('aes-256-gcm', key, iv).update(d); }`,
    // Password hashing a constant is not a key (a different problem).
    `import bcrypt from 'bcrypt'; await bcrypt.hash('initial-admin-password', 12);`,
    // JWT middleware and Nest modules configured from the environment.
    `import { JwtModule } from '@nestjs/jwt';
     export const jwt = JwtModule.register({ secret: process.env.JWT_SECRET, signOptions: { expiresIn: '1h' } });`,
    `const { Strategy } = require('passport-jwt');
     module.exports = new Strategy({ secretOrKey: process.env.JWT_SECRET, jwtFromRequest: (req) => req.token }, (p, done) => done(null, p));`,
    // Empty fallbacks.
    `const { expressjwt } = require('express-jwt');
     module.exports = expressjwt({ secret: process.env.API_SECRET ?? '', algorithms: ['HS256'] });`,
  ],
  invalid: [
    // Counting bytes that reach a cipher are its key all the same (and a guessable one).
    {"code": "import { createCipheriv, randomBytes } from 'node:crypto';\nconst KEY = Buffer.from('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', 'hex');\nexport const seal = (data: Buffer) => createCipheriv('aes-256-gcm', KEY, randomBytes(12)).update(data);", "errors": [{"messageId": "hardcodedKey", "line": 2, "column": 25, "suggestions": [{"messageId": "readFromEnvironment", "output": "import { createCipheriv, randomBytes } from 'node:crypto';\nconst KEY = Buffer.from(requireEnv('KEY'), 'hex');\nexport const seal = (data: Buffer) => createCipheriv('aes-256-gcm', KEY, randomBytes(12)).update(data);" + REQUIRE_ENV_TS}]}]},
    // Keys decoded through a local helper or atob(), held in a versioned Map, PKCS#12 and TLS passphrases.
    // A configuration lookup's default (`config.get('WEBHOOK_SECRET', '…')`) is a hardcoded fallback.
    {"code":"import { createHmac } from 'node:crypto';\nexport class Signer {\n  constructor(private readonly config: { get(name: string, dflt?: string): string }) {}\n  sign(body: string) {\n    return createHmac('sha256', this.config.get('WEBHOOK_SECRET', 'dev-webhook-secret-0000')).update(body).digest('hex');\n  }\n}","errors":[{"messageId":"hardcodedFallback","line":5,"column":67,"suggestions":[{"messageId":"readFromEnvironment","output":"import { createHmac } from 'node:crypto';\n\nconst HMAC_KEY = requireEnv('HMAC_KEY');\nexport class Signer {\n  constructor(private readonly config: { get(name: string, dflt?: string): string }) {}\n  sign(body: string) {\n    return createHmac('sha256', this.config.get('WEBHOOK_SECRET', HMAC_KEY)).update(body).digest('hex');\n  }\n}" + REQUIRE_ENV_TS}]}]},
    {"code":"import { createHmac } from 'node:crypto';\nconst b64 = (s: string) => Buffer.from(s, 'base64');\nexport const sign = (body: string) => createHmac('sha256', b64('q3T8vY2mK9xR4wP7zN1cL6hJ0sD5fG8b2VtQeYxWmKo=')).update(body).digest('hex');","errors":[{"messageId":"hardcodedKey","line":3,"column":64,"suggestions":[{"messageId":"readFromEnvironment","output":"import { createHmac } from 'node:crypto';\n\nconst HMAC_KEY = requireEnv('HMAC_KEY');\nconst b64 = (s: string) => Buffer.from(s, 'base64');\nexport const sign = (body: string) => createHmac('sha256', b64(HMAC_KEY)).update(body).digest('hex');" + REQUIRE_ENV_TS}]}]},
    {"code":"const RAW = Uint8Array.from(atob('hzjIidvQFlNhPBGHZxlaFp9NEd+u2Cb8YlJRRzlH2cs='), (c) => c.charCodeAt(0));\nexport const key = () => crypto.subtle.importKey('raw', RAW, 'AES-GCM', false, ['encrypt']);","errors":[{"messageId":"hardcodedKey","line":1,"column":34,"suggestions":[{"messageId":"readFromEnvironment","output":"const RAW = Uint8Array.from(atob(requireEnv('SECRET_KEY')), (c) => c.charCodeAt(0));\nexport const key = () => crypto.subtle.importKey('raw', RAW, 'AES-GCM', false, ['encrypt']);" + REQUIRE_ENV_TS}]}]},
    {"code":"import { createDecipheriv } from 'node:crypto';\nconst KEYS = new Map([\n  ['v1', Buffer.from('206cb52c235e741b7c0ec9b802d88d82fc168826508418a13c26e358203519ac', 'hex')],\n  ['v2', Buffer.from(process.env.KEY_V2 ?? '', 'hex')],\n]);\nexport const open = (v: string, iv: Buffer) => createDecipheriv('aes-256-gcm', KEYS.get(v)!, iv);","errors":[{"messageId":"hardcodedKey","line":3,"column":22,"suggestions":[{"messageId":"readFromEnvironment","output":"import { createDecipheriv } from 'node:crypto';\nconst KEYS = new Map([\n  ['v1', Buffer.from(requireEnv('ENCRYPTION_KEY'), 'hex')],\n  ['v2', Buffer.from(process.env.KEY_V2 ?? '', 'hex')],\n]);\nexport const open = (v: string, iv: Buffer) => createDecipheriv('aes-256-gcm', KEYS.get(v)!, iv);" + REQUIRE_ENV_TS}]}]},
    {"code":"import forge from 'node-forge';\nexport const load = (der: string) => forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), false, 'Export-P12-2019!');","errors":[{"messageId":"hardcodedKey","line":2,"column":98,"suggestions":[{"messageId":"readFromEnvironment","output":"import forge from 'node-forge';\n\nconst SECRET_KEY = requireEnv('SECRET_KEY');\nexport const load = (der: string) => forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), false, SECRET_KEY);" + REQUIRE_ENV_TS}]}]},
    {"code":"import https from 'node:https';\nimport fs from 'node:fs';\nexport const server = https.createServer({ pfx: fs.readFileSync('tls/server.p12'), passphrase: 'p12-store-Passw0rd!' }, handler);","errors":[{"messageId":"hardcodedKey","line":3,"column":96,"suggestions":[{"messageId":"readFromEnvironment","output":"import https from 'node:https';\nimport fs from 'node:fs';\nexport const server = https.createServer({ pfx: fs.readFileSync('tls/server.p12'), passphrase: requireEnv('SERVER_PASSPHRASE') }, handler);" + REQUIRE_ENV_TS}]}]},
    // NestJS: the strategy class's super(…) constructs passport-jwt's Strategy (through the PassportStrategy mixin).
    {
      code: "import { PassportStrategy } from '@nestjs/passport';\nimport { ExtractJwt, Strategy } from 'passport-jwt';\nexport class JwtStrategy extends PassportStrategy(Strategy) {\n  constructor() {\n    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: 'nest-jwt-signing-secret-2024' });\n  }\n}",
      errors: [{ messageId: 'hardcodedKey', line: 5, column: 84, suggestions: [{ messageId: 'readFromEnvironment', output: "import { PassportStrategy } from '@nestjs/passport';\nimport { ExtractJwt, Strategy } from 'passport-jwt';\n\nconst SECRET_OR_KEY = requireEnv('SECRET_OR_KEY');\nexport class JwtStrategy extends PassportStrategy(Strategy) {\n  constructor() {\n    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: SECRET_OR_KEY });\n  }\n}" + REQUIRE_ENV_TS }] }],
    },
    // JWT middleware and Nest modules: the secret that signs or verifies every token of the app.
    {
      code: `import { JwtModule } from '@nestjs/jwt';
export const jwt = JwtModule.register({ secret: 'nest-app-secret-please-change', signOptions: { expiresIn: '1h' } });`,
      errors: [{ messageId: 'hardcodedKey', line: 2, column: 49, suggestions: [{ messageId: 'readFromEnvironment', output: "import { JwtModule } from '@nestjs/jwt';\nexport const jwt = JwtModule.register({ secret: requireEnv('REGISTER_SECRET'), signOptions: { expiresIn: '1h' } });" + REQUIRE_ENV_TS }] }],
    },
    {
      code: `const { Strategy } = require('passport-jwt');
module.exports = new Strategy({ secretOrKey: 'passport-jwt-secret', jwtFromRequest: (req) => req.token }, (p, done) => done(null, p));`,
      errors: [{ messageId: 'hardcodedKey', line: 2, column: 46, suggestions: [{ messageId: 'readFromEnvironment', output: "const { Strategy } = require('passport-jwt');\nmodule.exports = new Strategy({ secretOrKey: requireEnv('STRATEGY_SECRET_OR_KEY'), jwtFromRequest: (req) => req.token }, (p, done) => done(null, p));" + REQUIRE_ENV_TS }] }],
    },
    {
      code: `const { expressjwt } = require('express-jwt');
module.exports = expressjwt({ secret: process.env.API_SECRET || 'dev-api-secret', algorithms: ['HS256'] });`,
      errors: [{ messageId: 'hardcodedFallback', line: 2, column: 65, suggestions: [{ messageId: 'readFromEnvironment', output: "const { expressjwt } = require('express-jwt');\nmodule.exports = expressjwt({ secret: requireEnv('API_SECRET'), algorithms: ['HS256'] });" + REQUIRE_ENV_TS }] }],
    },
    {
      code: `import koaJwt from 'koa-jwt';
export const auth = koaJwt({ secret: 'koa-shared-secret' });`,
      errors: [{ messageId: 'hardcodedKey', line: 2, column: 38, suggestions: [{ messageId: 'readFromEnvironment', output: "import koaJwt from 'koa-jwt';\nexport const auth = koaJwt({ secret: requireEnv('KOA_JWT_SECRET') });" + REQUIRE_ENV_TS }] }],
    },
    // node:crypto, CJS, hex key through Buffer.from — reported on the literal.
    {
      code: `const crypto = require('crypto');
const ENCRYPTION_KEY = '${HEX_KEY}';
function encrypt(text) {
  const iv = crypto.randomBytes(16);
  const cipher = crypto.createCipheriv('aes-256-cbc', Buffer.from(ENCRYPTION_KEY, 'hex'), iv);
  return cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}
function decrypt(text, iv) {
  const decipher = crypto.createDecipheriv('aes-256-cbc', Buffer.from(ENCRYPTION_KEY, 'hex'), iv);
  return decipher.update(text, 'hex', 'utf8') + decipher.final('utf8');
}`,
      errors: [{ messageId: 'hardcodedKey', line: 2, column: 24, suggestions: [{ messageId: 'readFromEnvironment', data: { envVar: 'ENCRYPTION_KEY', format: 'the same hex string' }, output: `const crypto = require('crypto');
const ENCRYPTION_KEY = requireEnv('ENCRYPTION_KEY');
function encrypt(text) {
  const iv = crypto.randomBytes(16);
  const cipher = crypto.createCipheriv('aes-256-cbc', Buffer.from(ENCRYPTION_KEY, 'hex'), iv);
  return cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}
function decrypt(text, iv) {
  const decipher = crypto.createDecipheriv('aes-256-cbc', Buffer.from(ENCRYPTION_KEY, 'hex'), iv);
  return decipher.update(text, 'hex', 'utf8') + decipher.final('utf8');
}${REQUIRE_ENV_TS}` }] }],
    },
    // ESM destructured import, alias.
    {
      code: `import { createHmac as hmac } from 'node:crypto';
export const sign = (body) => hmac('sha256', 'whsec_2f8d1b7c9e4a6f3d').update(body).digest('hex');`,
      errors: [{ messageId: 'hardcodedKey', line: 2, column: 46, suggestions: [{ messageId: 'readFromEnvironment', data: { envVar: 'HMAC_KEY', format: 'the same string' }, output: `import { createHmac as hmac } from 'node:crypto';

const HMAC_KEY = requireEnv('HMAC_KEY');
export const sign = (body) => hmac('sha256', HMAC_KEY).update(body).digest('hex');${REQUIRE_ENV_TS}` }] }],
    },
    // Hardcoded fallback for an environment variable.
    {
      code: `import { createHmac } from 'crypto';
const secret = process.env.WEBHOOK_SECRET || 'local-dev-secret';
createHmac('sha256', secret).update('x').digest('hex');`,
      errors: [{ messageId: 'hardcodedFallback', line: 2, column: 46, suggestions: [{ messageId: 'readFromEnvironment', data: { envVar: 'WEBHOOK_SECRET', format: 'the same string' }, output: `import { createHmac } from 'crypto';
const secret = requireEnv('WEBHOOK_SECRET');
createHmac('sha256', secret).update('x').digest('hex');${REQUIRE_ENV_TS}` }] }],
    },
    // Fallback assigned in a guard.
    {
      code: `import jwt from 'jsonwebtoken';
let secret = process.env.JWT_SECRET;
if (!secret) secret = 'fallback-jwt-secret';
export const token = jwt.sign({ sub: 1 }, secret);`,
      errors: [{ messageId: 'hardcodedFallback', line: 3, column: 23, suggestions: [{ messageId: 'readFromEnvironment', data: { envVar: 'JWT_SECRET', format: 'the same string' }, output: `import jwt from 'jsonwebtoken';
let secret = process.env.JWT_SECRET;
if (!secret) secret = requireEnv('JWT_SECRET');
export const token = jwt.sign({ sub: 1 }, secret);${REQUIRE_ENV_TS}` }] }],
    },
    // Config object property.
    {
      code: `import { createDecipheriv } from 'crypto';
const config = { crypto: { key: '${HEX_KEY}', algorithm: 'aes-256-gcm' } };
export const d = (iv) => createDecipheriv(config.crypto.algorithm, Buffer.from(config.crypto.key, 'hex'), iv);`,
      errors: [{ messageId: 'hardcodedKey', line: 2, column: 33, suggestions: [{ messageId: 'readFromEnvironment', data: { envVar: 'CRYPTO_KEY', format: 'the same hex string' }, output: `import { createDecipheriv } from 'crypto';
const config = { crypto: { key: requireEnv('CRYPTO_KEY'), algorithm: 'aes-256-gcm' } };
export const d = (iv) => createDecipheriv(config.crypto.algorithm, Buffer.from(config.crypto.key, 'hex'), iv);${REQUIRE_ENV_TS}` }] }],
    },
    // Class field.
    {
      code: `import * as crypto from 'crypto';
export class TokenSealer {
  private readonly key = Buffer.from('${B64_KEY}', 'base64');
  seal(data: Buffer) { return crypto.createCipheriv('aes-256-gcm', this.key, crypto.randomBytes(12)).update(data); }
}`,
      errors: [{ messageId: 'hardcodedKey', line: 3, column: 38, suggestions: [{ messageId: 'readFromEnvironment', data: { envVar: 'TOKEN_SEALER_KEY', format: 'base64, as written today' }, output: `import * as crypto from 'crypto';

const TOKEN_SEALER_KEY = requireEnv('TOKEN_SEALER_KEY');
export class TokenSealer {
  private readonly key = Buffer.from(TOKEN_SEALER_KEY, 'base64');
  seal(data: Buffer) { return crypto.createCipheriv('aes-256-gcm', this.key, crypto.randomBytes(12)).update(data); }
}${REQUIRE_ENV_TS}` }] }],
    },
    // Default parameter (fallback) and a constant passed by a caller.
    {
      code: `import { createCipheriv, randomBytes } from 'crypto';
function seal(data, key = '${HEX_KEY_16}') { return createCipheriv('aes-128-gcm', Buffer.from(key, 'hex'), randomBytes(12)).update(data); }
seal('a', 'caller-provided-key-0123456789ab');`,
      errors: [
        { messageId: 'hardcodedFallback', line: 2, column: 27, suggestions: [{ messageId: 'readFromEnvironment', data: { envVar: 'ENCRYPTION_KEY', format: 'the same hex string' }, output: `import { createCipheriv, randomBytes } from 'crypto';

const ENCRYPTION_KEY = requireEnv('ENCRYPTION_KEY');
function seal(data, key = ENCRYPTION_KEY) { return createCipheriv('aes-128-gcm', Buffer.from(key, 'hex'), randomBytes(12)).update(data); }
seal('a', 'caller-provided-key-0123456789ab');${REQUIRE_ENV_TS}` }] },
        { messageId: 'hardcodedKey', line: 3, column: 11, suggestions: [{ messageId: 'readFromEnvironment', data: { envVar: 'ENCRYPTION_KEY', format: 'the same string' }, output: `import { createCipheriv, randomBytes } from 'crypto';
function seal(data, key = '${HEX_KEY_16}') { return createCipheriv('aes-128-gcm', Buffer.from(key, 'hex'), randomBytes(12)).update(data); }
seal('a', requireEnv('ENCRYPTION_KEY'));${REQUIRE_ENV_TS}` }] },
      ],
    },
    // Key derived by hashing a constant secret is still hardcoded.
    {
      code: `const crypto = require('crypto');
const key = crypto.createHash('sha256').update('my super secret passphrase').digest();
crypto.createCipheriv('aes-256-cbc', key, crypto.randomBytes(16));`,
      errors: [{ messageId: 'hardcodedKey', line: 2, column: 48, suggestions: [{ messageId: 'readFromEnvironment', data: { envVar: 'ENCRYPTION_KEY', format: 'the same string' }, output: `const crypto = require('crypto');
const key = crypto.createHash('sha256').update(requireEnv('ENCRYPTION_KEY')).digest();
crypto.createCipheriv('aes-256-cbc', key, crypto.randomBytes(16));${REQUIRE_ENV_TS}` }] }],
    },
    // scryptSync of a constant password.
    {
      code: `import { scryptSync, createCipheriv, randomBytes } from 'crypto';
const key = scryptSync('hunter2-but-longer', 'salt', 32);
createCipheriv('aes-256-gcm', key, randomBytes(12));`,
      errors: [{ messageId: 'hardcodedKey', line: 2, column: 24, suggestions: [{ messageId: 'readFromEnvironment', data: { envVar: 'SECRET_KEY', format: 'the same string' }, output: `import { scryptSync, createCipheriv, randomBytes } from 'crypto';
const key = scryptSync(requireEnv('SECRET_KEY'), 'salt', 32);
createCipheriv('aes-256-gcm', key, randomBytes(12));${REQUIRE_ENV_TS}` }] }],
    },
    // Zero key.
    {
      code: `import { createCipheriv, randomBytes } from 'crypto';
createCipheriv('aes-256-gcm', Buffer.alloc(32), randomBytes(12));`,
      errors: [{ messageId: 'hardcodedKey', line: 2, column: 31 }],
    },
    // createSecretKey / createPrivateKey / crypto.sign.
    {
      code: `import crypto from 'crypto';
const k = crypto.createSecretKey(Buffer.from('${HEX_KEY}', 'hex'));`,
      errors: [{ messageId: 'hardcodedKey', line: 2, column: 46, suggestions: [{ messageId: 'readFromEnvironment', data: { envVar: 'SECRET_KEY', format: 'hex, as written today' }, output: `import crypto from 'crypto';
const k = crypto.createSecretKey(Buffer.from(requireEnv('SECRET_KEY'), 'hex'));${REQUIRE_ENV_TS}` }] }],
    },
    {
      code: `import crypto from 'crypto';
const pk = crypto.createPrivateKey({ key: privatePem, passphrase: 'pem-passphrase-1' });`,
      errors: [{ messageId: 'hardcodedKey', line: 2, column: 67, suggestions: [{ messageId: 'readFromEnvironment', data: { envVar: 'PRIVATE_KEY_PASSPHRASE', format: 'the same string' }, output: `import crypto from 'crypto';
const pk = crypto.createPrivateKey({ key: privatePem, passphrase: requireEnv('PRIVATE_KEY_PASSPHRASE') });${REQUIRE_ENV_TS}` }] }],
    },
    // ECDH private key.
    {
      code: `const { createECDH } = require('crypto');
const ecdh = createECDH('prime256v1');
ecdh.setPrivateKey('${HEX_KEY}', 'hex');`,
      errors: [{ messageId: 'hardcodedKey', line: 3, column: 20, suggestions: [{ messageId: 'readFromEnvironment', data: { envVar: 'SECRET_KEY', format: 'hex, as written today' }, output: `const { createECDH } = require('crypto');
const ecdh = createECDH('prime256v1');
ecdh.setPrivateKey(requireEnv('SECRET_KEY'), 'hex');${REQUIRE_ENV_TS}` }] }],
    },
    // WebCrypto importKey with raw bytes via TextEncoder.
    {
      code: `const raw = new TextEncoder().encode('${HEX_KEY_16}');
export const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);`,
      errors: [{ messageId: 'hardcodedKey', line: 1, column: 38, suggestions: [{ messageId: 'readFromEnvironment', data: { envVar: 'RAW', format: 'the same hex string' }, output: `const raw = new TextEncoder().encode(requireEnv('RAW'));
export const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);${REQUIRE_ENV_TS}` }] }],
    },
    {
      code: `const { webcrypto } = require('node:crypto');
webcrypto.subtle.importKey('raw', new Uint8Array([1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16]), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);`,
      errors: [{ messageId: 'hardcodedKey', line: 2, column: 50 }],
    },
    // crypto-js passphrase and raw key.
    {
      code: `import CryptoJS from 'crypto-js';
export const seal = (m) => CryptoJS.AES.encrypt(m, 'my-app-passphrase').toString();`,
      errors: [{ messageId: 'hardcodedKey', line: 2, column: 52, suggestions: [{ messageId: 'readFromEnvironment', data: { envVar: 'ENCRYPTION_KEY', format: 'the same string' }, output: `import CryptoJS from 'crypto-js';

const ENCRYPTION_KEY = requireEnv('ENCRYPTION_KEY');
export const seal = (m) => CryptoJS.AES.encrypt(m, ENCRYPTION_KEY).toString();${REQUIRE_ENV_TS}` }] }],
    },
    {
      code: `const AES = require('crypto-js/aes');
const Hex = require('crypto-js/enc-hex');
AES.encrypt('m', Hex.parse('${HEX_KEY}'), { iv });`,
      errors: [{ messageId: 'hardcodedKey', line: 3, column: 28, suggestions: [{ messageId: 'readFromEnvironment', data: { envVar: 'ENCRYPTION_KEY', format: 'the same hex string' }, output: `const AES = require('crypto-js/aes');
const Hex = require('crypto-js/enc-hex');
AES.encrypt('m', Hex.parse(requireEnv('ENCRYPTION_KEY')), { iv });${REQUIRE_ENV_TS}` }] }],
    },
    // node-forge.
    {
      code: `import forge from 'node-forge';
const cipher = forge.cipher.createCipher('AES-GCM', forge.util.hexToBytes('${HEX_KEY}'));`,
      errors: [{ messageId: 'hardcodedKey', line: 2, column: 75, suggestions: [{ messageId: 'readFromEnvironment', data: { envVar: 'ENCRYPTION_KEY', format: 'the same hex string' }, output: `import forge from 'node-forge';
const cipher = forge.cipher.createCipher('AES-GCM', forge.util.hexToBytes(requireEnv('ENCRYPTION_KEY')));${REQUIRE_ENV_TS}` }] }],
    },
    // jsonwebtoken sign and verify; jose.
    {
      code: `const jwt = require('jsonwebtoken');
module.exports.verify = (t) => jwt.verify(t, 'shhhhh', { algorithms: ['HS256'] });`,
      errors: [{ messageId: 'hardcodedKey', line: 2, column: 46, suggestions: [{ messageId: 'readFromEnvironment', data: { envVar: 'JWT_SECRET', format: 'the same string' }, output: `const jwt = require('jsonwebtoken');

const JWT_SECRET = requireEnv('JWT_SECRET');
module.exports.verify = (t) => jwt.verify(t, JWT_SECRET, { algorithms: ['HS256'] });${REQUIRE_ENV_TS}` }] }],
    },
    {
      code: `import { SignJWT } from 'jose';
const secret = new TextEncoder().encode('cc7e0d44fd473002f1c42167459001140ec6389b7353f8088f4d9a95f2f596f2');
export const t = await new SignJWT({ a: 1 }).setProtectedHeader({ alg: 'HS256' }).sign(secret);`,
      errors: [{ messageId: 'hardcodedKey', line: 2, column: 41, suggestions: [{ messageId: 'readFromEnvironment', data: { envVar: 'SECRET', format: 'the same hex string' }, output: `import { SignJWT } from 'jose';
const secret = new TextEncoder().encode(requireEnv('SECRET'));
export const t = await new SignJWT({ a: 1 }).setProtectedHeader({ alg: 'HS256' }).sign(secret);${REQUIRE_ENV_TS}` }] }],
    },
    // tweetnacl and libsodium.
    {
      code: `import nacl from 'tweetnacl';
import util from 'tweetnacl-util';
const key = util.decodeBase64('${B64_KEY}');
export const box = (m, n) => nacl.secretbox(m, n, key);`,
      errors: [{ messageId: 'hardcodedKey', line: 3, column: 31, suggestions: [{ messageId: 'readFromEnvironment', data: { envVar: 'ENCRYPTION_KEY', format: 'the same string' }, output: `import nacl from 'tweetnacl';
import util from 'tweetnacl-util';
const key = util.decodeBase64(requireEnv('ENCRYPTION_KEY'));
export const box = (m, n) => nacl.secretbox(m, n, key);${REQUIRE_ENV_TS}` }] }],
    },
    {
      code: `import sodium from 'libsodium-wrappers';
await sodium.ready;
const key = sodium.from_hex('${HEX_KEY}');
sodium.crypto_secretbox_easy(msg, nonce, key);`,
      errors: [{ messageId: 'hardcodedKey', line: 3, column: 29, suggestions: [{ messageId: 'readFromEnvironment', data: { envVar: 'ENCRYPTION_KEY', format: 'the same hex string' }, output: `import sodium from 'libsodium-wrappers';
await sodium.ready;
const key = sodium.from_hex(requireEnv('ENCRYPTION_KEY'));
sodium.crypto_secretbox_easy(msg, nonce, key);${REQUIRE_ENV_TS}` }] }],
    },
    // Session secrets, cookie-session keys.
    {
      code: `const session = require('express-session');
app.use(session({ secret: 'keyboard cat', resave: false }));`,
      errors: [{ messageId: 'hardcodedKey', line: 2, column: 27, suggestions: [{ messageId: 'readFromEnvironment', data: { envVar: 'SESSION_SECRET', format: 'the same string' }, output: `const session = require('express-session');
app.use(session({ secret: requireEnv('SESSION_SECRET'), resave: false }));${REQUIRE_ENV_TS}` }] }],
    },
    {
      code: `import cookieSession from 'cookie-session';
app.use(cookieSession({ name: 'sid', keys: ['rotating-key-1-abc', 'rotating-key-2-def'] }));`,
      errors: [
        { messageId: 'hardcodedKey', line: 2, column: 45, suggestions: [{ messageId: 'readFromEnvironment', data: { envVar: 'COOKIE_SESSION_KEYS_1', format: 'the same string' }, output: `import cookieSession from 'cookie-session';
app.use(cookieSession({ name: 'sid', keys: [requireEnv('COOKIE_SESSION_KEYS_1'), 'rotating-key-2-def'] }));${REQUIRE_ENV_TS}` }] },
        { messageId: 'hardcodedKey', line: 2, column: 67, suggestions: [{ messageId: 'readFromEnvironment', data: { envVar: 'COOKIE_SESSION_KEYS_2', format: 'the same string' }, output: `import cookieSession from 'cookie-session';
app.use(cookieSession({ name: 'sid', keys: ['rotating-key-1-abc', requireEnv('COOKIE_SESSION_KEYS_2')] }));${REQUIRE_ENV_TS}` }] },
      ],
    },
    // Koa signs its cookies with app.keys, assigned or given to the constructor.
    {
      code: `import Koa from 'koa';
const app = new Koa();
app.keys = ['im a newer secret', 'i like turtle'];`,
      errors: [
        { messageId: 'hardcodedKey', line: 3, column: 13, data: { role: 'secret', preview: 'im a…(17 chars)', sink: 'koa app.keys', line: 3 }, suggestions: [{ messageId: 'readFromEnvironment', data: { envVar: 'KEYS_1', format: 'the same string' }, output: `import Koa from 'koa';
const app = new Koa();
app.keys = [requireEnv('KEYS_1'), 'i like turtle'];${REQUIRE_ENV_TS}` }] },
        { messageId: 'hardcodedKey', line: 3, column: 34, suggestions: [{ messageId: 'readFromEnvironment', data: { envVar: 'KEYS_2', format: 'the same string' }, output: `import Koa from 'koa';
const app = new Koa();
app.keys = ['im a newer secret', requireEnv('KEYS_2')];${REQUIRE_ENV_TS}` }] },
      ],
    },
    {
      code: `const Koa = require('koa');
module.exports = new Koa({ proxy: true, keys: ['cookie-signing-key'] });`,
      errors: [{ messageId: 'hardcodedKey', line: 2, column: 48, data: { role: 'secret', preview: 'cook…(18 chars)', sink: 'new koa()', line: 2 }, suggestions: [{ messageId: 'readFromEnvironment', data: { envVar: 'KOA_KEYS_1', format: 'the same string' }, output: `const Koa = require('koa');
module.exports = new Koa({ proxy: true, keys: [requireEnv('KOA_KEYS_1')] });${REQUIRE_ENV_TS}` }] }],
    },
    // KMS client credentials.
    {
      code: `import { KMSClient } from '@aws-sdk/client-kms';
export const kms = new KMSClient({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' } });`,
      errors: [{ messageId: 'hardcodedKey', line: 2, column: 126, suggestions: [{ messageId: 'readFromEnvironment', data: { envVar: 'CREDENTIALS_SECRET_ACCESS_KEY', format: 'the same string' }, output: `import { KMSClient } from '@aws-sdk/client-kms';
export const kms = new KMSClient({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: requireEnv('CREDENTIALS_SECRET_ACCESS_KEY') } });${REQUIRE_ENV_TS}` }] }],
    },
    // argon2 pepper.
    {
      code: `import argon2 from 'argon2';
export const hash = (pw) => argon2.hash(pw, { secret: Buffer.from('pepper-0f3c9b2a7d1e') });`,
      errors: [{ messageId: 'hardcodedKey', line: 2, column: 67, suggestions: [{ messageId: 'readFromEnvironment', data: { envVar: 'HASH_SECRET', format: 'the same string' }, output: `import argon2 from 'argon2';

const HASH_SECRET = requireEnv('HASH_SECRET');
export const hash = (pw) => argon2.hash(pw, { secret: Buffer.from(HASH_SECRET) });${REQUIRE_ENV_TS}` }] }],
    },
    // promisified pbkdf2 with a constant passphrase used as a key.
    {
      code: `import { promisify } from 'util';
import { pbkdf2, createCipheriv, randomBytes } from 'crypto';
const pbkdf2Async = promisify(pbkdf2);
const key = await pbkdf2Async('static-master-password', 'salt', 600000, 32, 'sha256');
createCipheriv('aes-256-gcm', key, randomBytes(12));`,
      errors: [{ messageId: 'hardcodedKey', line: 4, column: 31, suggestions: [{ messageId: 'readFromEnvironment', data: { envVar: 'SECRET_KEY', format: 'the same string' }, output: `import { promisify } from 'util';
import { pbkdf2, createCipheriv, randomBytes } from 'crypto';
const pbkdf2Async = promisify(pbkdf2);
const key = await pbkdf2Async(requireEnv('SECRET_KEY'), 'salt', 600000, 32, 'sha256');
createCipheriv('aes-256-gcm', key, randomBytes(12));${REQUIRE_ENV_TS}` }] }],
    },
    // PEM private key anywhere.
    {
      code: `export const SIGNING_KEY = \`${PEM}\`;`,
      errors: [{ messageId: 'embeddedPrivateKey', line: 1, column: 28 }],
    },
    // Key-named constant with no visible sink (exported for another module).
    {
      code: `export const AES_KEY = '${HEX_KEY}';`,
      errors: [{ messageId: 'keyLikeConstant', line: 1, column: 24, suggestions: [{ messageId: 'readFromEnvironment', data: { envVar: 'AES_KEY', format: 'the same hex string' }, output: `export const AES_KEY = requireEnv('AES_KEY');${REQUIRE_ENV_TS}` }] }],
    },
    {
      code: `module.exports = { jwtSecret: process.env.JWT_SECRET || 'x9Jk2LmN8pQr4StU6vWx' };`,
      errors: [{ messageId: 'hardcodedFallback', line: 1, column: 57, suggestions: [{ messageId: 'readFromEnvironment', data: { envVar: 'JWT_SECRET', format: 'the same string' }, output: `module.exports = { jwtSecret: requireEnv('JWT_SECRET') };${REQUIRE_ENV_TS}` }] }],
    },
    // Test files are checked by default.
    {
      code: `import jwt from 'jsonwebtoken'; jwt.sign({}, 'test-secret');`,
      filename: 'src/__tests__/auth.test.ts',
      errors: [{ messageId: 'hardcodedKey', suggestions: [{ messageId: 'readFromEnvironment', data: { envVar: 'JWT_SECRET', format: 'the same string' }, output: `import jwt from 'jsonwebtoken'; jwt.sign({}, requireEnv('JWT_SECRET'));${REQUIRE_ENV_TS}` }] }],
    },
    // An array mixing the environment and an old hardcoded secret.
    {
      code: `import session from 'express-session';
session({ secret: [process.env.SESSION_SECRET, 'previous-session-secret-2023'] });`,
      errors: [{ messageId: 'hardcodedKey', line: 2, column: 48, suggestions: [{ messageId: 'readFromEnvironment', data: { envVar: 'SESSION_SECRET_2', format: 'the same string' }, output: `import session from 'express-session';
session({ secret: [process.env.SESSION_SECRET, requireEnv('SESSION_SECRET_2')] });${REQUIRE_ENV_TS}` }] }],
    },
  ],
});

// Constants imported from another file, resolved through the type checker.
createTypedRuleTester().run('no-hardcoded-key (type-aware)', rule, {
  valid: [
    {
      code: `import { APP_NAME } from './constants';
import { createHash } from 'crypto';
createHash('sha256').update(APP_NAME).digest('hex');`,
      filename: 'file.ts',
    },
    {
      code: `import { authSettings } from './auth-settings';
import { createHmac } from 'crypto';
export const tag = (id: string) => createHmac('sha256', process.env.TAG_KEY!).update(authSettings.cookieName + id).digest('hex');`,
      filename: 'file.ts',
    },
  ],
  invalid: [
    {
      code: `import { SHARED_AES_KEY } from './constants';
import { createCipheriv, randomBytes } from 'crypto';
createCipheriv('aes-256-gcm', Buffer.from(SHARED_AES_KEY, 'hex'), randomBytes(12));`,
      filename: 'file.ts',
      errors: [{ messageId: 'hardcodedKey', line: 3, column: 31 }],
    },
    {
      code: `import { config } from './constants';
import { createHmac } from 'crypto';
createHmac('sha256', config.crypto.key).update('x').digest('hex');`,
      filename: 'file.ts',
      errors: [{ messageId: 'hardcodedKey', line: 3, column: 22 }],
    },
    // The member of an object typed by an interface is read from the object's initializer.
    {
      code: `import { authSettings } from './auth-settings';
import jwt from 'jsonwebtoken';
export const issue = (sub: string) => jwt.sign({ sub }, authSettings.jwt.secret, { algorithm: 'HS256', issuer: authSettings.jwt.issuer });`,
      filename: 'file.ts',
      errors: [{ messageId: 'hardcodedKey', line: 3, column: 57 }],
    },
  ],
});

// The environment-variable fix in JavaScript files (no type annotations), and where it declines.
ruleTester.run('no-hardcoded-key: readFromEnvironment', rule, {
  valid: [],
  invalid: [
    {
      filename: 'src/crypto.js',
      code: `import { createHmac } from 'node:crypto';
export function signCallback(body) {
  const callbackSigningKey = 'cb_8Zq3xV1nM6tR9wL2pK5jH7gF4dS0aB';
  return createHmac('sha256', callbackSigningKey).update(body).digest('hex');
}`,
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 3,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              data: { envVar: 'CALLBACK_SIGNING_KEY', format: 'the same string' },
              output: `import { createHmac } from 'node:crypto';

const CALLBACK_SIGNING_KEY = requireEnv('CALLBACK_SIGNING_KEY');
export function signCallback(body) {
  const callbackSigningKey = CALLBACK_SIGNING_KEY;
  return createHmac('sha256', callbackSigningKey).update(body).digest('hex');
}${REQUIRE_ENV_JS}`,
            },
          ],
        },
      ],
    },
    // The variable's name is already a local binding: hoisting it would shadow itself, so no fix.
    {
      filename: 'src/crypto.js',
      code: `import { createHmac } from 'node:crypto';
export function signCallback(body) {
  const CALLBACK_KEY = 'cb_8Zq3xV1nM6tR9wL2pK5jH7gF4dS0aB';
  return createHmac('sha256', CALLBACK_KEY).update(body).digest('hex');
}`,
      errors: [{ messageId: 'hardcodedKey', line: 3 }],
    },
  ],
});

// Found by the session-4 blind corpus (test/fixtures/corpus/*/blind-s4).
ruleTester.run('no-hardcoded-key: blind-set regressions', rule, {
  valid: [
    // A list named `keys` that holds no key material.
    `const keys = Object.keys(process.env); const columns = { keys: ['id', 'name'] };`,
    // Nest: the factory reads the secret and fails without it.
    `import { JwtModule } from '@nestjs/jwt';
export const jwt = JwtModule.registerAsync({
  useFactory: (config) => {
    return { secret: config.getOrThrow('JWT_SECRET'), verifyOptions: { algorithms: ['HS256'] } };
  },
});`,
  ],
  invalid: [
    {
      // Koa's cookie-signing keys: one finding per hardcoded element of a key-named list.
      filename: 'src/app.js',
      code: `const app = new Koa();
app.keys = [
  '${HEX_KEY}',
  process.env.OLD_COOKIE_KEY,
];`,
      errors: [
        {
          messageId: 'keyLikeConstant',
          line: 3,
          column: 3,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              output: `const app = new Koa();
app.keys = [
  requireEnv('KEYS_1'),
  process.env.OLD_COOKIE_KEY,
];${REQUIRE_ENV_JS}`,
            },
          ],
        },
      ],
    },
    {
      // @nestjs/jwt registerAsync: the options are what useFactory returns; a config default is a hardcoded fallback.
      filename: 'src/auth.module.js',
      code: `import { JwtModule } from '@nestjs/jwt';
export const jwt = JwtModule.registerAsync({
  useFactory: async (config) => ({
    secret: config.get('JWT_SECRET', 'local-dev-jwt-secret'),
  }),
});`,
      errors: [
        {
          messageId: 'hardcodedFallback',
          line: 4,
          column: 38,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              output: `import { JwtModule } from '@nestjs/jwt';

const JWT_SECRET = requireEnv('JWT_SECRET');
export const jwt = JwtModule.registerAsync({
  useFactory: async (config) => ({
    secret: config.get('JWT_SECRET', JWT_SECRET),
  }),
});${REQUIRE_ENV_JS}`,
            },
          ],
        },
      ],
    },
  ],
});
