import rule from '../../rules/no-key-reuse-across-purposes';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRuleTester, createTypedRuleTester, TYPED_FIXTURE_DIR } from './rule-tester';

// Fifteenth lifecycle blind set (corpus key-purpose/blind-s15): a key decorated onto a Fastify instance
// (`app.decorate('appKey', appKey)`, read back as `app.appKey`), a parameter imported as two CryptoKeys whose uses come
// in the other order (reported on the second import), and a decoding helper returning `Buffer.from(process.env[name], …)`.
const decoratedKey = "import Fastify from 'fastify';\nimport fastifyJwt from '@fastify/jwt';\nimport { createCipheriv, randomBytes } from 'node:crypto';\n\nconst appKey = Buffer.from(process.env.APP_KEY ?? '', 'base64');\nconst app = Fastify();\napp.register(fastifyJwt, { secret: appKey });\napp.decorate('appKey', appKey);\n\nexport function seal(data: string): Buffer {\n  const iv = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', app.appKey, iv);\n  return Buffer.concat([iv, c.update(data, 'utf8'), c.final(), c.getAuthTag()]);\n}\n";
const importedTwiceUsedLater = "export async function openStore(deviceSecret: Uint8Array, jobId: string, record: Uint8Array) {\n  const recordKey = await crypto.subtle.importKey('raw', deviceSecret, 'AES-GCM', false, ['encrypt']);\n  const base = await crypto.subtle.importKey('raw', deviceSecret, 'HKDF', false, ['deriveKey']);\n  const jobKey = await crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(16), info: new TextEncoder().encode(jobId) }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);\n  const iv = crypto.getRandomValues(new Uint8Array(12));\n  return { jobKey, sealed: await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, recordKey, record) };\n}\n";
const keygripArray = "const Keygrip = require('keygrip');\nconst crypto = require('node:crypto');\nconst secrets = [process.env.COOKIE_KEY_A, process.env.COOKIE_KEY_B];\nconst keys = new Keygrip(secrets, 'sha256');\nfunction sign(v) { return keys.sign(v); }\nfunction seal(v) {\n  const iv = crypto.randomBytes(12);\n  const c = crypto.createCipheriv('aes-256-gcm', crypto.createHash('sha256').update(secrets[0]).digest(), iv);\n  return Buffer.concat([iv, c.update(v, 'utf8'), c.final(), c.getAuthTag()]);\n}\nmodule.exports = { sign, seal };\n";
const decodingHelper = "import { createCipheriv, createHmac, randomBytes } from 'node:crypto';\n\nfunction decodeSetting(name: string): Buffer {\n  const value = process.env[name];\n  if (!value) throw new Error(`${name} is not set`);\n  return Buffer.from(value, 'base64');\n}\n\nexport function seal(data: string) {\n  const iv = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', decodeSetting('REPORT_KEY'), iv);\n  return Buffer.concat([iv, c.update(data, 'utf8'), c.final(), c.getAuthTag()]);\n}\n\nexport function sign(path: string) {\n  return createHmac('sha256', decodeSetting('REPORT_KEY')).update(path).digest('base64url');\n}\n";

createRuleTester().run('no-key-reuse-across-purposes (blind-s15)', rule, {
  valid: [
    { name: 'a decorated key used for one purpose, the JWT secret read separately', code: "import Fastify from 'fastify';\nimport fastifyJwt from '@fastify/jwt';\nimport { createCipheriv, randomBytes } from 'node:crypto';\n\nconst appKey = Buffer.from(process.env.APP_KEY ?? '', 'base64');\nconst app = Fastify();\napp.register(fastifyJwt, { secret: process.env.JWT_SECRET ?? '' });\napp.decorate('appKey', appKey);\n\nexport function seal(data: string): Buffer {\n  const iv = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', app.appKey, iv);\n  return Buffer.concat([iv, c.update(data, 'utf8'), c.final(), c.getAuthTag()]);\n}\n", filename: 'app.ts' },
    {
      name: 'a keyring array given to Keygrip, the cipher key from another setting',
      code: "const Keygrip = require('keygrip');\nconst crypto = require('node:crypto');\nconst secrets = [process.env.COOKIE_KEY_A, process.env.COOKIE_KEY_B];\nconst keys = new Keygrip(secrets, 'sha256');\nfunction sign(v) { return keys.sign(v); }\nfunction seal(v) {\n  const iv = crypto.randomBytes(12);\n  const c = crypto.createCipheriv('aes-256-gcm', crypto.createHash('sha256').update(process.env.REMEMBER_ME_KEY).digest(), iv);\n  return Buffer.concat([iv, c.update(v, 'utf8'), c.final(), c.getAuthTag()]);\n}\nmodule.exports = { sign, seal };\n",
      filename: 'cookies.js',
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    { name: 'a decoding helper reading two settings', code: "import { createCipheriv, createHmac, randomBytes } from 'node:crypto';\n\nfunction decodeSetting(name: string): Buffer {\n  const value = process.env[name];\n  if (!value) throw new Error(`${name} is not set`);\n  return Buffer.from(value, 'base64');\n}\n\nexport function seal(data: string) {\n  const iv = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', decodeSetting('REPORT_KEY'), iv);\n  return Buffer.concat([iv, c.update(data, 'utf8'), c.final(), c.getAuthTag()]);\n}\n\nexport function sign(path: string) {\n  return createHmac('sha256', decodeSetting('LINK_MAC_KEY')).update(path).digest('base64url');\n}\n", filename: 'reports.ts' },
  ],
  invalid: [
    {
      name: 'a key registered as a JWT secret and decorated onto the app, then used as a cipher key through app.appKey',
      code: decoratedKey,
      filename: 'app.ts',
      errors: [{ messageId: 'reused', line: 5, column: 7 }],
    },
    {
      name: 'a parameter imported as an AES-GCM key and as an HKDF base: reported on the second import',
      code: importedTwiceUsedLater,
      filename: 'store.ts',
      errors: [{ messageId: 'reused', line: 3, column: 22 }],
    },
    {
      name: 'an entry of a keyring array given to Keygrip, hashed into a cipher key (secrets[0])',
      code: keygripArray,
      filename: 'cookies.js',
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [{ messageId: 'reused', line: 8, column: 50 }],
    },
    {
      name: 'one setting read twice through a decoding helper, for a cipher and an HMAC',
      code: decodingHelper,
      filename: 'reports.ts',
      errors: [{ messageId: 'reused', line: 16, column: 31, suggestions: [{ messageId: 'deriveSubkeys', output: "import { createCipheriv, createHmac, randomBytes, hkdfSync } from 'node:crypto';\n\nfunction decodeSetting(name: string): Buffer {\n  const value = process.env[name];\n  if (!value) throw new Error(`${name} is not set`);\n  return Buffer.from(value, 'base64');\n}\n\nexport function seal(data: string) {\n  const iv = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', Buffer.from(hkdfSync('sha256', decodeSetting('REPORT_KEY'), new Uint8Array(0), 'keywarden:encrypt', 32)), iv);\n  return Buffer.concat([iv, c.update(data, 'utf8'), c.final(), c.getAuthTag()]);\n}\n\nexport function sign(path: string) {\n  return createHmac('sha256', Buffer.from(hkdfSync('sha256', decodeSetting('REPORT_KEY'), new Uint8Array(0), 'keywarden:mac', 32))).update(path).digest('base64url');\n}\n" }] }],
    },
  ],
});

const fixture = (name: string) => ({ code: fs.readFileSync(path.join(TYPED_FIXTURE_DIR, name), 'utf8'), filename: name });
createTypedRuleTester().run('no-key-reuse-across-purposes (blind-s15, across modules)', rule as never, {
  valid: [
    { name: 'an exported key one importer uses both ways is reported in that importer, not on the export', ...fixture('portal-key.ts') },
  ],
  invalid: [
    {
      name: 'an exported key from a decoding helper, one importer encrypts and another MACs',
      ...fixture('report-key.ts'),
      errors: [{ messageId: 'reused', line: 8 }],
    },
  ] as never,
});
