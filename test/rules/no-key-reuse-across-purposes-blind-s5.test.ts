import rule from '../../rules/no-key-reuse-across-purposes';
import { createRuleTester } from './rule-tester';

// Third lifecycle blind set (corpus key-purpose/blind-s5): fastify plugins and cookie-signature,
// keys assigned in constructors, config objects passed to factories, CryptoKeys made by local
// helpers, and one HKDF derivation bound twice.
createRuleTester().run('no-key-reuse-across-purposes (blind-s5)', rule as never, {
  valid: [
    {
      name: 'fastify cookie and jwt plugins with their own secrets',
      code: `import Fastify from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyJwt from '@fastify/jwt';
export async function build() {
  const app = Fastify();
  await app.register(fastifyCookie, { secret: process.env.COOKIE_SECRET });
  await app.register(fastifyJwt, { secret: process.env.JWT_SECRET, sign: { algorithm: 'HS256' } });
  return app;
}`,
    },
    {
      name: 'cookie-signature sign and unsign with one secret are one purpose',
      filename: 'prefs.js',
      code: `const signature = require('cookie-signature');
const { COOKIE_SECRET } = process.env;
exports.write = (v) => signature.sign(v, COOKIE_SECRET);
exports.read = (v) => signature.unsign(v, COOKIE_SECRET);`,
    },
    {
      name: "a factory's cfg.key used only to encrypt and decrypt",
      code: `import { createCipheriv, createDecipheriv, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
function createStore(cfg: { key: KeyObject }) {
  return {
    seal(v: Buffer) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', cfg.key, iv);
      return [iv, Buffer.concat([c.update(v), c.final()]), c.getAuthTag()];
    },
    open(iv: Buffer, body: Buffer, tag: Buffer) {
      const d = createDecipheriv('aes-256-gcm', cfg.key, iv);
      d.setAuthTag(tag);
      return Buffer.concat([d.update(body), d.final()]);
    },
  };
}
export const store = createStore({ key: createSecretKey(Buffer.from(process.env.STORE_KEY ?? '', 'base64')) });`,
    },
    {
      name: 'a factory called with two different keys: neither is tracked into the shared body',
      code: `import { createHmac } from 'node:crypto';
function signer(cfg: { key: string }) {
  return (body: string) => createHmac('sha256', cfg.key).update(body).digest('hex');
}
export const signA = signer({ key: process.env.A_KEY ?? '' });
export const signB = signer({ key: process.env.B_KEY ?? '' });`,
    },
    {
      name: 'a CryptoKey from a local helper used within its usages',
      code: `async function roomKey(raw: ArrayBuffer): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}
export async function seal(raw: ArrayBuffer, iv: Uint8Array, data: ArrayBuffer): Promise<ArrayBuffer> {
  return crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await roomKey(raw), data);
}`,
    },
    {
      name: 'HKDF subkeys with distinct info labels',
      code: `import { createCipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
const rootKey = Buffer.from(process.env.ROOT_KEY ?? '', 'hex');
const encKey = Buffer.from(hkdfSync('sha256', rootKey, 'salt', 'app/enc', 32));
const macKey = Buffer.from(hkdfSync('sha256', rootKey, 'salt', 'app/mac', 32));
export function seal(v: string): Buffer {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', encKey, iv);
  return Buffer.concat([iv, c.update(v, 'utf8'), c.final(), c.getAuthTag()]);
}
export const tag = (v: string) => createHmac('sha256', macKey).update(v).digest();`,
    },
  ],
  invalid: [
    {
      name: "a key assigned to this.<field> in the constructor is defined by that assignment (the bare field declaration holds nothing)",
      filename: 'ctor.ts',
      code: `import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
export class Columns {
  private readonly key: Buffer;
  constructor(env: NodeJS.ProcessEnv) {
    this.key = Buffer.from(env.COLUMN_KEY ?? '', 'base64');
  }
  seal(v: string): Buffer {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.key, iv);
    return Buffer.concat([iv, c.update(v, 'utf8'), c.final(), c.getAuthTag()]);
  }
  index(v: string): string {
    return createHmac('sha256', this.key).update(v).digest('hex');
  }
}
`,
      errors: [{ messageId: 'reused', line: 5, column: 10, suggestions: [{ messageId: 'deriveSubkeys', output: `import { createCipheriv, createHmac, randomBytes, hkdfSync } from 'node:crypto';
export class Columns {
  private readonly key: Buffer;
  constructor(env: NodeJS.ProcessEnv) {
    this.key = Buffer.from(env.COLUMN_KEY ?? '', 'base64');
  }
  seal(v: string): Buffer {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', Buffer.from(hkdfSync('sha256', this.key, new Uint8Array(0), 'keywarden:encrypt', 32)), iv);
    return Buffer.concat([iv, c.update(v, 'utf8'), c.final(), c.getAuthTag()]);
  }
  index(v: string): string {
    return createHmac('sha256', Buffer.from(hkdfSync('sha256', this.key, new Uint8Array(0), 'keywarden:mac', 32))).update(v).digest('hex');
  }
}
` }] }],
    },
    {
      name: "fastify plugins registered with one secret: signed cookies (mac) and HS256 tokens (jwt)",
      filename: 'fastify.ts',
      code: `import Fastify from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyJwt from '@fastify/jwt';
const secret = process.env.APP_SECRET;
export async function build() {
  const app = Fastify();
  await app.register(fastifyCookie, { secret });
  await app.register(fastifyJwt, { secret, sign: { algorithm: 'HS256' } });
  return app;
}
`,
      errors: [{ messageId: 'reused', line: 4, column: 7, suggestions: [] }],
    },
    {
      name: "cookie-signature signs with the secret, and its sha256 is a cipher key",
      filename: 'cookiesig.js',
      code: `const crypto = require('crypto');
const signature = require('cookie-signature');
const { COOKIE_SECRET } = process.env;
const STATE_KEY = crypto.createHash('sha256').update(COOKIE_SECRET).digest();
function signPrefs(value) {
  return signature.sign(value, COOKIE_SECRET);
}
function sealState(state) {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', STATE_KEY, iv);
  return Buffer.concat([iv, cipher.update(state, 'utf8'), cipher.final(), cipher.getAuthTag()]);
}
module.exports = { signPrefs, sealState };
`,
      errors: [{ messageId: 'reused', line: 3, column: 9, suggestions: [] }],
    },
    {
      name: "a factory's cfg.key is the key its one caller passes in an object literal",
      filename: 'factory.ts',
      code: `import { createCipheriv, createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
function createStore(cfg: { key: KeyObject }) {
  const seal = (v: string) => {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', cfg.key, iv);
    return Buffer.concat([iv, c.update(v, 'utf8'), c.final(), c.getAuthTag()]);
  };
  const tag = (body: string) => createHmac('sha256', cfg.key).update(body).digest();
  return { seal, tag };
}
const STORE_KEY = createSecretKey(Buffer.from(process.env.STORE_KEY ?? '', 'base64'));
export const store = createStore({ key: STORE_KEY });
`,
      errors: [{ messageId: 'reused', line: 11, column: 7, suggestions: [{ messageId: 'deriveSubkeys', output: `import { createCipheriv, createHmac, createSecretKey, randomBytes, type KeyObject, hkdfSync } from 'node:crypto';
function createStore(cfg: { key: KeyObject }) {
  const seal = (v: string) => {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', Buffer.from(hkdfSync('sha256', cfg.key, new Uint8Array(0), 'keywarden:encrypt', 32)), iv);
    return Buffer.concat([iv, c.update(v, 'utf8'), c.final(), c.getAuthTag()]);
  };
  const tag = (body: string) => createHmac('sha256', Buffer.from(hkdfSync('sha256', cfg.key, new Uint8Array(0), 'keywarden:mac', 32))).update(body).digest();
  return { seal, tag };
}
const STORE_KEY = createSecretKey(Buffer.from(process.env.STORE_KEY ?? '', 'base64'));
export const store = createStore({ key: STORE_KEY });
` }] }],
    },
    {
      name: "a CryptoKey made by a local helper and used in another function for an operation outside its usages",
      filename: 'helper.ts',
      code: `export async function albumKeyFrom(raw: ArrayBuffer): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, true, ['encrypt', 'decrypt']);
}
export async function share(raw: ArrayBuffer, memberKey: CryptoKey, iv: Uint8Array): Promise<ArrayBuffer> {
  const albumKey = await albumKeyFrom(raw);
  return crypto.subtle.wrapKey('raw', memberKey, albumKey, { name: 'AES-GCM', iv });
}
`,
      errors: [{ messageId: 'outsideUsages', line: 2, column: 10, suggestions: [] }],
    },
    {
      name: "two HKDF derivations with the same info are one key: the root is reported",
      filename: 'sameinfo.ts',
      code: `import { createCipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
const rootKey = Buffer.from(process.env.ROOT_KEY ?? '', 'hex');
const encKey = Buffer.from(hkdfSync('sha256', rootKey, 'salt', 'app-key', 32));
const macKey = Buffer.from(hkdfSync('sha256', rootKey, 'salt', 'app-key', 32));
export function seal(v: string): Buffer {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', encKey, iv);
  return Buffer.concat([iv, c.update(v, 'utf8'), c.final(), c.getAuthTag()]);
}
export const tag = (v: string) => createHmac('sha256', macKey).update(v).digest();
`,
      errors: [{ messageId: 'reused', line: 2, column: 7, suggestions: [{ messageId: 'deriveSubkeys', output: `import { createCipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
const rootKey = Buffer.from(process.env.ROOT_KEY ?? '', 'hex');
const encKey = Buffer.from(hkdfSync('sha256', rootKey, 'salt', 'app-key', 32));
const macKey = Buffer.from(hkdfSync('sha256', rootKey, 'salt', 'app-key', 32));
export function seal(v: string): Buffer {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', Buffer.from(hkdfSync('sha256', encKey, new Uint8Array(0), 'keywarden:encrypt', 32)), iv);
  return Buffer.concat([iv, c.update(v, 'utf8'), c.final(), c.getAuthTag()]);
}
export const tag = (v: string) => createHmac('sha256', Buffer.from(hkdfSync('sha256', macKey, new Uint8Array(0), 'keywarden:mac', 32))).update(v).digest();
` }] }],
    },

  ],
});
