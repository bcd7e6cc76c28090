import { call, construct, method } from '../define';
import type { LibraryModel } from '../types';

/** Session and cookie middleware that sign (and sometimes encrypt) cookies with a secret. */
export const expressSession: LibraryModel = {
  id: 'express-session',
  roots: [{ module: 'express-session' }],
  apis: [call('', 'session', { '0.secret': 'secret' })],
};

export const cookieSession: LibraryModel = {
  id: 'cookie-session',
  roots: [{ module: 'cookie-session' }],
  apis: [call('', 'session', { '0.secret': 'secret', '0.keys': 'secret' })],
};

/**
 * Koa signs its cookies (`ctx.cookies.set(name, value, { signed: true })`, koa-session) with
 * Keygrip over `app.keys`, given as `new Koa({ keys })` or assigned: `app.keys = ['…', '…']`.
 */
export const koa: LibraryModel = {
  id: 'koa',
  roots: [{ module: 'koa' }],
  apis: [construct('', 'session', { '0.keys': 'secret' }, { returns: 'Application' })],
  objects: { Application: { methods: {}, assignments: { keys: 'secret' } } },
};

/**
 * keygrip, the signer under Koa's `app.keys`: `new Keygrip(keys, hmacAlgorithm = 'sha1', encoding)` (or
 * called without `new`) signs and verifies cookie values with each key of the list.
 */
export const keygrip: LibraryModel = {
  id: 'keygrip',
  roots: [{ module: 'keygrip' }],
  apis: [construct('', 'session', { 0: 'secret', 1: 'digest' }), call('', 'session', { 0: 'secret', 1: 'digest' })],
};

export const cookieParser: LibraryModel = {
  id: 'cookie-parser',
  roots: [{ module: 'cookie-parser' }],
  apis: [call('', 'session', { 0: 'secret' })],
};

/** The session is encrypted (sealed), not only signed: its secret's purpose is encryption. */
const SEALS = { facts: { purpose: 'encrypt' } } as const;

/**
 * iron-session seals the whole session into the cookie with `password` (a string, or
 * `{ 1: '…', 2: '…' }` for rotation): v8 `getIronSession(cookies(), options)` /
 * `(req, res, options)`, `sealData`/`unsealData`, v6–7 wrappers and middleware.
 */
export const ironSession: LibraryModel = {
  id: 'iron-session',
  roots: ['iron-session', 'iron-session/next', 'iron-session/express', 'iron-session/edge'].map((module) => ({ module })),
  apis: [
    call('getIronSession', 'session', { '1.password': 'secret', '2.password': 'secret' }, SEALS),
    call('sealData', 'session', { '1.password': 'secret' }, SEALS),
    call('unsealData', 'session', { '1.password': 'secret' }, SEALS),
    call('withIronSessionApiRoute', 'session', { '1.password': 'secret' }, SEALS),
    call('withIronSessionSsr', 'session', { '1.password': 'secret' }, SEALS),
    call('ironSession', 'session', { '0.password': 'secret' }, SEALS),
  ],
};

/** NextAuth.js / Auth.js: `secret` signs and encrypts the session JWTs and cookies. */
/**
 * NextAuth (`NextAuth(options)`, or `NextAuth(req, res, options)` in API routes): `secret` keys its session
 * JWTs (encrypted under a key HKDF derives from it), the same tokens `next-auth/jwt`'s `getToken` reads, so
 * its purpose is the JWT one.
 */
export const nextAuth: LibraryModel = {
  id: 'next-auth',
  roots: [{ module: 'next-auth' }],
  apis: [call('', 'session', { '0.secret': 'secret', '2.secret': 'secret' }, { facts: { purpose: 'jwt' } })],
};

/**
 * next-auth/jwt: its session tokens are JWEs whose algorithms the library fixes (`dir` +
 * `A256GCM` under a key derived from `secret`); `getToken`/`decode` take no algorithm
 * option and accept no other, so there is nothing to pin.
 */
export const nextAuthJwt: LibraryModel = {
  id: 'next-auth/jwt',
  roots: [{ module: 'next-auth/jwt' }],
  apis: [
    call('getToken', 'jwt-verify', { '0.secret': 'secret' }, { facts: { algorithmPinnedByDefault: true } }),
    call('encode', 'jwt-sign', { '0.secret': 'secret' }),
    call('decode', 'jwt-verify', { '0.secret': 'secret' }, { facts: { algorithmPinnedByDefault: true } }),
  ],
};

/** cookie-signature (what cookie-parser and express-session sign with): `sign(value, secret)`, `unsign(signed, secret)`. */
export const cookieSignature: LibraryModel = {
  id: 'cookie-signature',
  roots: [{ module: 'cookie-signature' }],
  apis: [call('sign', 'mac', { 1: 'secret' }), call('unsign', 'mac-verify', { 1: 'secret' })],
};

/**
 * Elysia signs the cookies its `cookie.sign` option names with `cookie.secrets` (one secret, or a list for rotation):
 * `new Elysia({ cookie: { secrets, sign: ['session'] } })`.
 */
export const elysiaCookie: LibraryModel = {
  id: 'elysia',
  roots: [{ module: 'elysia' }],
  apis: [construct('Elysia', 'session', { '0.cookie.secrets': 'secret' })],
};

/** Hono's signed cookies: `setSignedCookie(c, name, value, secret, opts)`, `getSignedCookie(c, secret, name)` (HMAC-SHA256). */
export const honoCookie: LibraryModel = {
  id: 'hono/cookie',
  roots: [{ module: 'hono/cookie' }],
  apis: [call('setSignedCookie', 'mac', { 3: 'secret' }), call('getSignedCookie', 'mac-verify', { 1: 'secret' })],
};

/**
 * Fastify plugins configured with a secret. They are not called but registered:
 * `app.register(fastifyCookie, { secret })` — the `plugin` fact says the options are
 * the second argument of `register` (addresses below are relative to the options, as `0`).
 */
export const fastifyCookie: LibraryModel = {
  id: '@fastify/cookie',
  roots: [{ module: '@fastify/cookie' }, { module: 'fastify-cookie' }],
  apis: [call('', 'session', { '0.secret': 'secret' }, { facts: { plugin: true } })],
};

export const fastifySession: LibraryModel = {
  id: '@fastify/session',
  roots: [{ module: '@fastify/session' }],
  apis: [call('', 'session', { '0.secret': 'secret' }, { facts: { plugin: true } })],
};

/** @fastify/secure-session encrypts the whole session (libsodium secretbox) with `key` or a key derived from `secret`. */
export const fastifySecureSession: LibraryModel = {
  id: '@fastify/secure-session',
  roots: [{ module: '@fastify/secure-session' }],
  apis: [call('', 'encrypt', { '0.key': 'key', '0.secret': 'passphrase', '0.salt': 'salt' }, { facts: { plugin: true } })],
};

/**
 * csrf-csrf (the double-submit CSRF middleware): `doubleCsrf({ getSecret })`; its tokens are HMACs under
 * the secret `getSecret` returns (a MAC purpose, like a session cookie's signature).
 */
export const csrfCsrf: LibraryModel = {
  id: 'csrf-csrf',
  roots: [{ module: 'csrf-csrf' }],
  apis: [call('doubleCsrf', 'session', { '0.getSecret': 'secret' })],
};

/**
 * tiny-csrf (`app.use(csrf(secret, forbiddenMethods, …))`) encrypts the CSRF token it keeps in a signed cookie with
 * AES-256-CBC under `secret`, a 32-character string used as the key itself.
 */
export const tinyCsrf: LibraryModel = {
  id: 'tiny-csrf',
  roots: [{ module: 'tiny-csrf' }],
  apis: [call('', 'session', { 0: 'secret' }, SEALS)],
};

/**
 * csrf (the token library under csurf): `new Tokens().create(secret)` and `.verify(secret, token)` make and check
 * tokens bound to `secret` (normally one per session, from `tokens.secret()`); a constant there binds every visitor's
 * tokens to one value.
 */
export const csrfTokens: LibraryModel = {
  id: 'csrf',
  roots: [{ module: 'csrf' }],
  apis: [construct('', 'client', {}, { returns: 'CsrfTokens' }), call('', 'client', {}, { returns: 'CsrfTokens' })],
  objects: {
    CsrfTokens: { methods: { create: method('session', { 0: 'secret' }), verify: method('session', { 0: 'secret' }) } },
  },
};

/**
 * @hapi/iron seals objects with a password (a string, `{ id, secret }`, or a map of them by id for
 * unsealing): the password is the key of the seal.
 */
export const hapiIron: LibraryModel = {
  id: '@hapi/iron',
  roots: [{ module: '@hapi/iron' }, { module: 'iron' }],
  apis: [
    call('seal', 'session', { 1: 'secret', '1.secret': 'secret' }),
    call('unseal', 'session', { 1: 'secret', '1.secret': 'secret' }),
  ],
};

/** iron-webcrypto (iron for WebCrypto runtimes, under h3/Nuxt sessions): the same password, after the crypto argument. */
export const ironWebcrypto: LibraryModel = {
  id: 'iron-webcrypto',
  roots: [{ module: 'iron-webcrypto' }],
  apis: [
    call('seal', 'session', { 2: 'secret', '2.secret': 'secret' }),
    call('unseal', 'session', { 2: 'secret', '2.secret': 'secret' }),
  ],
};

/**
 * Remix / React Router cookie sessions sign their cookies with `secrets` (newest first):
 * `createCookieSessionStorage({ cookie: { secrets } })`, `createCookie(name, { secrets })`.
 */
export const remixSessions: LibraryModel = {
  id: '@remix-run/node',
  roots: ['@remix-run/node', '@remix-run/cloudflare', '@remix-run/deno', '@remix-run/server-runtime', 'react-router'].map((module) => ({ module })),
  apis: [
    call('createCookieSessionStorage', 'session', { '0.cookie.secrets': 'secret' }),
    call('createSessionStorage', 'session', { '0.cookie.secrets': 'secret' }),
    call('createMemorySessionStorage', 'session', { '0.cookie.secrets': 'secret' }),
    call('createFileSessionStorage', 'session', { '0.cookie.secrets': 'secret' }),
    call('createCookie', 'session', { '1.secrets': 'secret' }),
  ],
};

/** h3 (Nuxt, Nitro) seals sessions with iron: `useSession(event, { password })` and its siblings. */
export const h3Sessions: LibraryModel = {
  id: 'h3',
  roots: [{ module: 'h3' }],
  apis: ['useSession', 'getSession', 'updateSession', 'sealSession', 'unsealSession', 'clearSession'].map((fn) => call(fn, 'session', { '1.password': 'secret' }, SEALS)),
};

/** express-openid-connect encrypts its session cookie with keys derived from `secret` (a string or a list for rotation). */
export const expressOpenidConnect: LibraryModel = {
  id: 'express-openid-connect',
  roots: [{ module: 'express-openid-connect' }],
  apis: [call('auth', 'session', { '0.secret': 'secret', '0.clientSecret': 'secret' }, SEALS)],
};

/** CMS and framework secrets: Payload's `buildConfig({ secret })`, Keystone's session `secret`, AdonisJS `new Secret('…')`. */
export const frameworkSecrets: readonly LibraryModel[] = [
  { id: 'payload', roots: [{ module: 'payload' }, { module: 'payload/config' }], apis: [call('buildConfig', 'session', { '0.secret': 'secret' })] },
  {
    id: '@keystone-6/core',
    roots: [{ module: '@keystone-6/core/session' }],
    apis: [call('statelessSessions', 'session', { '0.secret': 'secret' }, SEALS), call('storedSessions', 'session', { '0.secret': 'secret' })],
  },
  { id: '@adonisjs/core', roots: [{ module: '@adonisjs/core/helpers' }], apis: [construct('Secret', 'session', { 0: 'secret' })] },
];

/**
 * hapi's cookie state: `server.state(name, { encoding: 'iron', password })` seals the cookie with iron under
 * `password` (its key); `server.auth.strategy(name, 'cookie', { cookie: { password } })` (@hapi/cookie) and
 * bell's `password` seal the session and OAuth state cookies the same way.
 */
export const hapiServer: LibraryModel = {
  id: '@hapi/hapi',
  roots: [{ module: '@hapi/hapi' }, { module: 'hapi' }],
  apis: [call('server', 'client', {}, { returns: 'HapiServer' }), construct('Server', 'client', {}, { returns: 'HapiServer' })],
  objects: {
    HapiServer: {
      methods: { state: method('session', { '1.password': 'secret', '1.password.secret': 'secret' }, SEALS) },
      properties: { auth: 'HapiAuth' },
    },
    HapiAuth: {
      methods: { strategy: method('session', { '2.cookie.password': 'secret', '2.password': 'secret' }, SEALS) },
    },
  },
};
