import { call, construct, method } from '../define';
import type { LibraryModel } from '../types';

/** jsonwebtoken: `sign(payload, secretOrPrivateKey, options)`, `verify(token, secretOrPublicKey, options)`. */
export const jsonwebtoken: LibraryModel = {
  id: 'jsonwebtoken',
  roots: [{ module: 'jsonwebtoken' }],
  apis: [
    call('sign', 'jwt-sign', { 0: 'data', 1: 'secret', '1.key': 'secret', '1.passphrase': 'passphrase', '2.algorithm': 'algorithm' }),
    // Without `algorithms`, the accepted algorithms are inferred from the key's form and the token's header.
    call('verify', 'jwt-verify', { 0: 'data', 1: 'secret', '2.algorithms': 'algorithms' }, { facts: { algorithmsFromKey: true } }),
  ],
};

/**
 * jose (ESM-only). Builders (`new SignJWT(claims).setProtectedHeader({ alg }).sign(key)`)
 * are followed through their fluent methods to `sign`/`encrypt`.
 */
export const jose: LibraryModel = {
  id: 'jose',
  roots: [{ module: 'jose', esm: true }],
  apis: [
    construct('SignJWT', 'jwt-sign', { 0: 'data' }, { returns: 'JoseSigner' }),
    construct('CompactSign', 'jwt-sign', { 0: 'data' }, { returns: 'JoseSigner' }),
    construct('FlattenedSign', 'jwt-sign', { 0: 'data' }, { returns: 'JoseSigner' }),
    construct('GeneralSign', 'jwt-sign', { 0: 'data' }, { returns: 'JoseSigner' }),
    construct('EncryptJWT', 'encrypt', { 0: 'data' }, { returns: 'JoseEncrypter' }),
    construct('CompactEncrypt', 'encrypt', { 0: 'data' }, { returns: 'JoseEncrypter' }),
    construct('UnsecuredJWT', 'jwt-sign', { 0: 'data' }, { facts: { unsecured: true } }),
    call('jwtVerify', 'jwt-verify', { 0: 'data', 1: 'secret', '2.algorithms': 'algorithms' }),
    call('compactVerify', 'jwt-verify', { 0: 'data', 1: 'secret', '2.algorithms': 'algorithms' }),
    call('flattenedVerify', 'jwt-verify', { 0: 'data', 1: 'secret', '2.algorithms': 'algorithms' }),
    call('jwtDecrypt', 'decrypt', { 0: 'data', 1: 'key' }),
    call('compactDecrypt', 'decrypt', { 0: 'data', 1: 'key' }),
    // The KeyLike it returns is the PEM's private key: two imports of one PEM (PS256 and RSA-OAEP-256) are one key.
    call('importPKCS8', 'key-import', { 0: 'key', 1: 'algorithm' }, { facts: { keyOfInput: true } }),
    call('importSPKI', 'key-import', { 0: 'public-key', 1: 'algorithm' }),
    call('importX509', 'key-import', { 0: 'public-key', 1: 'algorithm' }),
    call('importJWK', 'key-import', { '0.k': 'key', '0.d': 'key', 1: 'algorithm' }),
    // Key sets: the verifying key (and, for JWKs without `alg`, the algorithm) is chosen by the token's header.
    call('createRemoteJWKSet', 'key-import', { 0: 'public-key' }),
    call('createLocalJWKSet', 'key-import', { 0: 'public-key' }),
    call('generateSecret', 'keygen', { 0: 'algorithm' }),
    // jose's own decoder: `base64url.decode('…')` turns a written constant into key bytes.
    call('base64url.decode', 'encode', { 0: 'data' }, { facts: { encoding: 'base64url', freshBytes: true } }),
    call('generateKeyPair', 'keygen', { 0: 'algorithm', '1.modulusLength': 'modulus-length', '1.crv': 'curve' }),
  ],
  objects: {
    JoseSigner: {
      methods: {
        setProtectedHeader: method('jwt-sign', { '0.alg': 'algorithm' }, { returns: 'JoseSigner' }),
        setIssuedAt: method('jwt-sign', {}, { returns: 'JoseSigner' }),
        setIssuer: method('jwt-sign', {}, { returns: 'JoseSigner' }),
        setAudience: method('jwt-sign', {}, { returns: 'JoseSigner' }),
        setSubject: method('jwt-sign', {}, { returns: 'JoseSigner' }),
        setExpirationTime: method('jwt-sign', {}, { returns: 'JoseSigner' }),
        setNotBefore: method('jwt-sign', {}, { returns: 'JoseSigner' }),
        setJti: method('jwt-sign', {}, { returns: 'JoseSigner' }),
        sign: method('jwt-sign', { 0: 'secret' }),
      },
    },
    JoseEncrypter: {
      methods: {
        setProtectedHeader: method('encrypt', { '0.alg': 'algorithm', '0.enc': 'algorithm' }, { returns: 'JoseEncrypter' }),
        setIssuedAt: method('encrypt', {}, { returns: 'JoseEncrypter' }),
        setExpirationTime: method('encrypt', {}, { returns: 'JoseEncrypter' }),
        encrypt: method('encrypt', { 0: 'key' }),
      },
    },
  },
};

/** @nestjs/jwt: the module's options sign and verify every token of the app. */
export const nestJwt: LibraryModel = {
  id: '@nestjs/jwt',
  roots: [{ module: '@nestjs/jwt' }],
  apis: [
    call('JwtModule.register', 'jwt-sign', { '0.secret': 'secret', '0.privateKey': 'key', '0.signOptions.algorithm': 'algorithm', '0.verifyOptions.algorithms': 'algorithms' }),
    // `registerAsync({ useFactory: (config) => ({ secret: … }) })`: the options are what the factory returns.
    call('JwtModule.registerAsync', 'jwt-sign', {
      '0.useFactory().secret': 'secret',
      '0.useFactory().privateKey': 'key',
      '0.useFactory().signOptions.algorithm': 'algorithm',
      '0.useFactory().verifyOptions.algorithms': 'algorithms',
    }),
    construct('JwtService', 'jwt-sign', { '0.secret': 'secret', '0.privateKey': 'key', '0.signOptions.algorithm': 'algorithm' }, { returns: 'JwtService' }),
  ],
  objects: {
    // An injected `JwtService` (by its type) signs with the module's options unless a call passes its own
    // `secret`/`privateKey`. Verification options given elsewhere (the module's `verifyOptions`) are not
    // judged here: only the key each call names is modelled.
    JwtService: {
      methods: {
        sign: method('jwt-sign', { '1.secret': 'secret', '1.privateKey': 'key', '1.algorithm': 'algorithm' }),
        signAsync: method('jwt-sign', { '1.secret': 'secret', '1.privateKey': 'key', '1.algorithm': 'algorithm' }),
        verify: method('jwt-verify', { '1.secret': 'secret', '1.publicKey': 'key', '1.algorithms': 'algorithms' }, { facts: { algorithmPinnedByDefault: true } }),
        verifyAsync: method('jwt-verify', { '1.secret': 'secret', '1.publicKey': 'key', '1.algorithms': 'algorithms' }, { facts: { algorithmPinnedByDefault: true } }),
      },
    },
  },
};

/** JWT-verifying middleware and strategies configured with the verification secret. */
export const passportJwt: LibraryModel = {
  id: 'passport-jwt',
  roots: [{ module: 'passport-jwt' }],
  // `secretOrKeyProvider(req, rawJwt, done)` hands the secret to `done(err, secret)`.
  apis: [construct('Strategy', 'jwt-verify', { '0.secretOrKey': 'secret', '0.secretOrKeyProvider(2:1)': 'secret', '0.algorithms': 'algorithms' })],
};

export const expressJwt: LibraryModel = {
  id: 'express-jwt',
  roots: [{ module: 'express-jwt' }],
  apis: [
    call('expressjwt', 'jwt-verify', { '0.secret': 'secret', '0.algorithms': 'algorithms' }),
    // express-jwt < 7 exported the middleware factory itself.
    call('', 'jwt-verify', { '0.secret': 'secret', '0.algorithms': 'algorithms' }),
  ],
};

export const koaJwt: LibraryModel = {
  id: 'koa-jwt',
  roots: [{ module: 'koa-jwt' }],
  apis: [call('', 'jwt-verify', { '0.secret': 'secret', '0.algorithms': 'algorithms' })],
};

/**
 * Hono's JWT helpers: `sign(payload, secret, alg)`, `verify(token, secret, alg)` and the
 * `jwt({ secret, alg })` middleware. The `alg` argument is the one algorithm accepted
 * (HS256 when omitted), so it pins verification like jsonwebtoken's `algorithms`.
 */
export const honoJwt: LibraryModel = {
  id: 'hono/jwt',
  roots: [{ module: 'hono/jwt' }, { module: 'hono/utils/jwt/jwt' }],
  apis: [
    call('sign', 'jwt-sign', { 0: 'data', 1: 'secret', 2: 'algorithm' }),
    call('verify', 'jwt-verify', { 0: 'data', 1: 'secret', 2: 'algorithms' }, { facts: { algorithmPinnedByDefault: true } }),
    call('jwt', 'jwt-verify', { '0.secret': 'secret', '0.alg': 'algorithms' }, { facts: { algorithmPinnedByDefault: true } }),
  ],
};

/** Elysia's JWT plugin: `jwt({ name, secret, alg })` signs and verifies with one secret and one algorithm. */
export const elysiaJwt: LibraryModel = {
  id: '@elysiajs/jwt',
  roots: [{ module: '@elysiajs/jwt' }],
  apis: [call('jwt', 'jwt-sign', { '0.secret': 'secret', '0.alg': 'algorithm' })],
};

/** @fastify/jwt, registered as a plugin (`app.register(fastifyJwt, { secret, sign: { algorithm } })`); `app.jwt.sign/verify` use that secret. */
export const fastifyJwt: LibraryModel = {
  id: '@fastify/jwt',
  roots: [{ module: '@fastify/jwt' }, { module: 'fastify-jwt' }],
  apis: [call('', 'jwt-sign', { '0.secret': 'secret', '0.sign.algorithm': 'algorithm', '0.verify.algorithms': 'algorithms' }, { facts: { plugin: true } })],
};

/** GraphQL Yoga's JWT plugin: `createInlineSigningKeyProvider(secret)` holds the HS* secret tokens are checked with. */
export const graphqlYogaJwt: LibraryModel = {
  id: '@graphql-yoga/plugin-jwt',
  roots: [{ module: '@graphql-yoga/plugin-jwt' }],
  apis: [call('createInlineSigningKeyProvider', 'key-import', { 0: 'secret' })],
};

/**
 * jsrsasign: `KJUR.jws.JWS.sign(alg, header, payload, key, pass)`, where an HS* key is a string or
 * `{ hex | utf8 | b64 | b64u | rstr: '…' }`, and `KEYUTIL.getKey(pem)` imports keys. `generateKeypair`'s
 * second argument is a size for RSA and a curve name for EC (`sizeOrCurve`).
 */
export const jsrsasign: LibraryModel = {
  id: 'jsrsasign',
  roots: [{ module: 'jsrsasign' }],
  apis: [
    call('KJUR.jws.JWS.sign', 'jwt-sign', { 0: 'algorithm', 3: 'secret', '3.hex': 'secret', '3.utf8': 'secret', '3.b64': 'secret', '3.b64u': 'secret', '3.rstr': 'secret', 4: 'passphrase' }),
    call('KEYUTIL.getKey', 'key-import', { 0: 'key-or-public', 1: 'passphrase' }),
    // `generateKeypair('RSA', 1024)` or `generateKeypair('EC', 'secp256r1')`: the second argument is a size or a curve.
    call('KEYUTIL.generateKeypair', 'keygen', { 0: 'algorithm', 1: 'modulus-length' }, { facts: { sizeOrCurve: true } }),
    construct('KJUR.crypto.ECDSA', 'sign', { '0.curve': 'curve' }),
    // `new KJUR.crypto.Mac({ alg: 'hmacsha256', pass: { utf8 | hex | b64 | b64u | rstr: '…' } })` and `new KJUR.crypto.Signature({ alg: 'SHA1withRSA' })`.
    construct('KJUR.crypto.Mac', 'mac', { '0.alg': 'algorithm', '0.pass': 'key', '0.pass.hex': 'key', '0.pass.utf8': 'key', '0.pass.b64': 'key', '0.pass.b64u': 'key', '0.pass.rstr': 'key' }),
    construct('KJUR.crypto.Signature', 'sign', { '0.alg': 'algorithm' }),
  ],
};

/**
 * node-jose (Cisco's JOSE library): JWKs become keys through `JWK.asKey(jwk)` or a key store's `add(jwk)`
 * (`JWK.createKeyStore()`, `JWK.asKeyStore(jwks)`); a JWK literal's secret members (`k`, `d`) are the key.
 */
export const nodeJose: LibraryModel = {
  id: 'node-jose',
  roots: [{ module: 'node-jose' }],
  apis: [
    call('JWK.asKey', 'key-import', { 0: 'key', '0.k': 'key', '0.d': 'key' }),
    call('JWK.asKeyStore', 'key-import', { 0: 'key' }, { returns: 'KeyStore' }),
    call('JWK.createKeyStore', 'key-import', {}, { returns: 'KeyStore' }),
  ],
  objects: {
    KeyStore: {
      methods: {
        add: method('key-import', { 0: 'key', '0.k': 'key', '0.d': 'key' }),
      },
    },
  },
};

/**
 * jwt-simple: `encode(payload, key, algorithm)` (HS256 when omitted) and `decode(token, key, noVerify, algorithm)`.
 * Without the 4th argument `decode` accepts whatever algorithm the token's header names.
 */
export const jwtSimple: LibraryModel = {
  id: 'jwt-simple',
  roots: [{ module: 'jwt-simple' }],
  apis: [
    call('encode', 'jwt-sign', { 0: 'data', 1: 'secret', 2: 'algorithm' }),
    call('decode', 'jwt-verify', { 0: 'data', 1: 'secret', 3: 'algorithms' }),
  ],
};

/**
 * @tsndr/cloudflare-worker-jwt (Workers): `sign(payload, secret, { algorithm })` and `verify(token, secret, { algorithm })`;
 * verification accepts only the one `algorithm` option (HS256 when omitted), so it is pinned like Hono's.
 */
export const cloudflareWorkerJwt: LibraryModel = {
  id: '@tsndr/cloudflare-worker-jwt',
  roots: [{ module: '@tsndr/cloudflare-worker-jwt' }],
  apis: [
    call('sign', 'jwt-sign', { 0: 'data', 1: 'secret', 2: 'algorithm', '2.algorithm': 'algorithm' }),
    call('verify', 'jwt-verify', { 0: 'data', 1: 'secret', 2: 'algorithms', '2.algorithm': 'algorithms' }, { facts: { algorithmPinnedByDefault: true } }),
  ],
};

/** @hapi/jwt: `Jwt.token.generate(payload, secret | { key, algorithm }, options)` signs with an HS* secret or a private key. */
export const hapiJwt: LibraryModel = {
  id: '@hapi/jwt',
  roots: [{ module: '@hapi/jwt' }],
  apis: [call('token.generate', 'jwt-sign', { 0: 'data', 1: 'secret', '1.key': 'secret', '1.algorithm': 'algorithm' })],
};

/**
 * did-jwt (and did-jwt-vc, Veramo: verifiable credentials such as Open Badges 3.0 VC-JWTs): the signer factories take
 * the issuer's private key — `EdDSASigner(secretKey)`, `ES256KSigner(privateKey)`, `ES256Signer(privateKey)` and the
 * deprecated `NaclSigner(base64Key)` and `SimpleSigner(hexKey)` — and the returned signer signs every JWT it is given.
 */
export const didJwt: LibraryModel = {
  id: 'did-jwt',
  roots: [{ module: 'did-jwt' }],
  apis: ['EdDSASigner', 'ES256KSigner', 'ES256Signer', 'NaclSigner', 'SimpleSigner'].map((name) => call(name, 'sign', { 0: 'key' })),
};
