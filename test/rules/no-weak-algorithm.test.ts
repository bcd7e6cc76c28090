import * as fs from 'node:fs';
import * as path from 'node:path';
import rule from '../../rules/no-weak-algorithm';
import { createRuleTester, createTypedRuleTester, TYPED_FIXTURE_DIR } from './rule-tester';

const ruleTester = createRuleTester();
const strict: [{ allowFingerprints: boolean; requireAuthenticatedEncryption: boolean; requirePinnedJwtAlgorithms: 'always' }] = [{ allowFingerprints: false, requireAuthenticatedEncryption: true, requirePinnedJwtAlgorithms: 'always' }];

/** The one suggestion a weak-hash finding carries: the same code with the hash replaced. */
function sha256(output: string, migrate: boolean) {
  return [{ messageId: migrate ? ('useSha256Migrate' as const) : ('useSha256' as const), output }];
}

const MAP_KEY_DIGEST = (input: string) => `import { createHash } from 'node:crypto';
export class SshClients {
  private readonly clients = new Map<string, Client>();
  private readonly hashes = new WeakMap<Client, string>();
  async get(config: SshConfig): Promise<Client> {
    const clientHash = createHash('sha1').update(${input}).digest('base64');
    const existing = this.clients.get(clientHash);
    if (existing) return existing;
    const client = await connect(config);
    this.clients.set(clientHash, client);
    this.hashes.set(client, clientHash);
    return client;
  }
}`;

ruleTester.run('no-weak-algorithm', rule, {
  valid: [
    // PBKDF2 with its digest given; node:crypto has no default digest (it throws without one).
    `const pbkdf2 = require('pbkdf2');
const crypto = require('crypto');
const forge = require('node-forge');
export const a = (pw, salt) => pbkdf2.pbkdf2Sync(pw, salt, 600000, 32, 'sha512');
export const b = (pw, salt, done) => pbkdf2.pbkdf2(pw, salt, 600000, 32, 'sha256', done);
export const c = (pw, salt) => crypto.pbkdf2Sync(pw, salt, 600000, 32);
export const d = (pw, salt) => forge.pkcs5.pbkdf2(pw, salt, 600000, 32, forge.md.sha256.create());`,
    // websocket-driver: SHA-1 over the client's key and RFC 6455's GUID, a static written after the function,
    // in a CommonJS file (whose top-level bindings live in the module wrapper's function scope).
    {
      code: `var crypto = require('crypto');
var Hybi = function (request, url, options) {};
Hybi.generateAccept = function (key) {
  var sha1 = crypto.createHash('sha1');
  sha1.update(key + Hybi.GUID);
  return sha1.digest('base64');
};
Hybi.GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
module.exports = Hybi;`,
      filename: 'lib/websocket/driver/hybi.cjs',
      // The tester's parserOptions say `module`: a CommonJS file is a script with a top-level `return`.
      languageOptions: { sourceType: 'commonjs', parserOptions: { sourceType: 'script', ecmaFeatures: { globalReturn: true } } } as never,
    },
    // n8n's SSH client pool: the digest of a connection's settings is only the key of an in-memory Map.
    MAP_KEY_DIGEST('JSON.stringify(config)'),
    // Payload's import map: a component path's MD5 makes an identifier for generated code.
    `import crypto from 'node:crypto';
export function buildImportMap(components: { path: string; exportName: string }[]): Record<string, string> {
  const importMap: Record<string, string> = {};
  for (const { path: componentPath, exportName } of components) {
    const importIdentifier = exportName + '_' + crypto.createHash('md5').update(componentPath).digest('hex');
    importMap[componentPath + '#' + exportName] = importIdentifier;
  }
  return importMap;
}`,
    // next-auth/jwt fixes its JWE algorithms itself: getToken has no algorithm option to pin.
    `import { getToken } from 'next-auth/jwt';
export async function GET(req: Request) {
  const token = await getToken({ req, secret: process.env.NEXTAUTH_SECRET });
  return Response.json({ email: token?.email ?? null });
}`,
    // Fingerprints: ETag, cache key, dedupe, local checksum, gravatar, git object id, React key.
    `import crypto from 'crypto';
     export function etag(body) { return crypto.createHash('md5').update(body).digest('hex'); }`,
    `import { createHash } from 'node:crypto';
     function send(res, body) {
       const hash = createHash('sha1').update(body).digest('base64');
       res.setHeader('ETag', \`W/"\${hash}"\`);
       res.end(body);
     }`,
    `const crypto = require('crypto');
     const cacheKey = crypto.createHash('md5').update(JSON.stringify(query)).digest('hex');
     redis.get(cacheKey);`,
    `const { createHash } = require('crypto');
     const fs = require('fs');
     const checksum = createHash('md5').update(fs.readFileSync(path)).digest('hex');`,
    `import { createHash } from 'crypto';
     const avatarUrl = (email) => \`https://www.gravatar.com/avatar/\${createHash('md5').update(email.trim().toLowerCase()).digest('hex')}?d=identicon\`;`,
    `import { createHash } from 'crypto';
     function gitObjectId(content) {
       return createHash('sha1').update(\`blob \${content.length}\\0\`).update(content).digest('hex');
     }`,
    `import { createHash } from 'crypto';
     const seen = new Set();
     for (const item of items) {
       const fingerprint = createHash('sha1').update(item.text).digest('hex');
       if (seen.has(fingerprint)) continue;
       seen.add(fingerprint);
     }`,
    `import { createHash } from 'crypto';
     const List = ({ rows }) => rows.map((r) => <Row key={createHash('md5').update(r.url).digest('hex')} row={r} />);`,
    `import CryptoJS from 'crypto-js';
     const cacheKey = CryptoJS.MD5(url).toString();`,
    // Strong algorithms everywhere.
    `import crypto from 'crypto';
     const h = crypto.createHash('sha256').update(password).digest('hex');
     const mac = crypto.createHmac('sha256', key).update(msg).digest();
     const c = crypto.createCipheriv('aes-256-gcm', key, iv);`,
    `await crypto.subtle.digest('SHA-256', data);`,
    `import { publicEncrypt, constants } from 'crypto';
     publicEncrypt({ key: pub, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, data);`,
    `import crypto from 'crypto'; crypto.publicEncrypt(pub, data);`,
    // Signature padding PKCS#1 v1.5 is fine (it is encryption padding that is broken).
    `import crypto from 'crypto'; crypto.sign('sha256', data, { key, padding: crypto.constants.RSA_PKCS1_PADDING });`,
    `import CryptoJS from 'crypto-js';
     CryptoJS.AES.encrypt(msg, CryptoJS.enc.Hex.parse(hexKey), { iv: CryptoJS.enc.Hex.parse(ivHex), mode: CryptoJS.mode.CBC });`,
    `import forge from 'node-forge';
     const k = forge.pki.publicKeyFromPem(pem);
     k.encrypt(data, 'RSA-OAEP', { md: forge.md.sha256.create() });`,
    `import forge from 'node-forge'; const c = forge.cipher.createCipher('AES-GCM', key);`,
    // Look-alikes: allow-lists, deny-lists, descriptions, getHashes() filters.
    `const WEAK_HASHES = ['md5', 'sha1'];
     export function assertStrong(alg) { if (WEAK_HASHES.includes(alg)) throw new Error('weak hash: ' + alg); }`,
    `import crypto from 'crypto';
     function digest(alg, data) { if (alg === 'md5') throw new Error('md5 is not allowed'); return crypto.createHash(alg).update(data).digest(); }`,
    `import crypto from 'crypto'; const strong = crypto.getHashes().filter((h) => !['md5', 'sha1'].includes(h));`,
    `const option = { value: 'des', description: 'des: legacy cipher, do not use' };`,
    `const md5 = (s) => s; md5('password');`,
    // JWT: pinned algorithms; options built elsewhere may pin them; signing is not verification.
    `import jwt from 'jsonwebtoken'; jwt.verify(token, publicKey, { algorithms: ['RS256'] });`,
    `import jwt from 'jsonwebtoken'; jwt.verify(token, secret, verifyOptions);`,
    `import jwt from 'jsonwebtoken'; jwt.sign(payload, privateKey, { algorithm: 'RS256' });`,
    `import { jwtVerify, createRemoteJWKSet } from 'jose';
     const JWKS = createRemoteJWKSet(new URL(issuer + '/jwks.json'));
     await jwtVerify(token, JWKS, { issuer, algorithms: ['RS256'] });`,
    // 'when-asymmetric': an HMAC secret and a jose key imported for one algorithm are left alone.
    { code: `import jwt from 'jsonwebtoken'; jwt.verify(token, process.env.JWT_SECRET);`, options: [{ requirePinnedJwtAlgorithms: 'when-asymmetric' }] },
    {
      code: `import { jwtVerify, importSPKI } from 'jose';
     const key = await importSPKI(spki, 'RS256');
     await jwtVerify(token, key);`,
      options: [{ requirePinnedJwtAlgorithms: 'when-asymmetric' }],
    },
    // Unauthenticated modes are only reported in strict, and not when a MAC is in sight.
    `import crypto from 'crypto'; const c = crypto.createCipheriv('aes-256-cbc', key, iv);`,
    {
      code: `import crypto from 'crypto';
        const c = crypto.createCipheriv('aes-256-cbc', encKey, iv);
        const tag = crypto.createHmac('sha256', macKey).update(ciphertext).digest();`,
      options: strict,
    },
    {
      code: `import crypto from 'crypto'; const c = crypto.createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });`,
      options: strict,
    },
    {
      // WebCrypto's MAC is subtle.sign('HMAC', …): encrypt-then-MAC is in sight.
      code: `export async function seal(encKey, macKey, data) {
        const iv = crypto.getRandomValues(new Uint8Array(16));
        const body = await crypto.subtle.encrypt({ name: 'AES-CBC', iv }, encKey, data);
        const mac = await crypto.subtle.sign('HMAC', macKey, body);
        return { iv, body, mac };
      }`,
      options: strict,
    },
  ],
  invalid: [
    // The pbkdf2 package and node-forge derive with HMAC-SHA1 when the digest is left out (the callback in its place).
    {
      code: `const forge = require('node-forge');
const pbkdf2 = require('pbkdf2');
export const derive = (pw, salt, cb) => pbkdf2.pbkdf2(pw, salt, 600000, 32, cb);
export const derived = (pw, salt) => pbkdf2.pbkdf2Sync(pw, salt, 600000, 32);
export const legacy = (pw, salt) => forge.pkcs5.pbkdf2(pw, salt, 600000, 32);`,
      errors: [
        { messageId: 'weakHash', line: 3, column: 48 },
        { messageId: 'weakHash', line: 4, column: 45 },
        { messageId: 'weakHash', line: 5, column: 49 },
      ],
    },
    // The same Map keyed by the digest of a password: a secret's unsalted SHA-1, whatever it is for.
    {
      code: MAP_KEY_DIGEST('config.password'),
      errors: [{ messageId: 'weakHash', line: 6, column: 35, suggestions: sha256(MAP_KEY_DIGEST('config.password').replace("'sha1'", "'sha256'"), true) }],
    },
    {
      code: MAP_KEY_DIGEST('JSON.stringify(config)'),
      options: strict,
      errors: [{ messageId: 'weakHash', line: 6, column: 35, suggestions: sha256(MAP_KEY_DIGEST('JSON.stringify(config)').replace("'sha1'", "'sha256'"), false) }],
    },
    // --- broken hashes used for security
    {
      // RIPEMD-160 has no practical collisions: the message says what is wrong with it (its digest is too short).
      code: `import { createHash } from 'crypto';
export function tokenDigest(token) {
  return createHash('ripemd160').update(token).digest('hex');
}`,
      errors: [
        {
          messageId: 'weakHash',
          data: {
            name: 'RIPEMD-160',
            weakness: 'is too weak (its 160-bit digest gives only 80-bit collision resistance, below the 112 bits NIST requires)',
            use: 'security (this digest hashes a token)',
            passwordHint: '',
          },
          line: 3,
          column: 21,
          suggestions: [
            {
              messageId: 'useSha256Migrate',
              data: { name: 'RIPEMD-160', replacement: 'sha256', growth: ' The digest grows to 32 bytes (64 hex or 44 base64 characters).' },
              output: `import { createHash } from 'crypto';
export function tokenDigest(token) {
  return createHash('sha256').update(token).digest('hex');
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import { createHash } from 'crypto';
export function hashPassword(password) {
  return createHash('md5').update(password).digest('hex');
}`,
      errors: [
        {
          messageId: 'weakHash',
          line: 3,
          column: 21,
          suggestions: sha256(
            `import { createHash } from 'crypto';
export function hashPassword(password) {
  return createHash('sha256').update(password).digest('hex');
}`,
            true,
          ),
        },
      ],
    },
    {
      // CJS, aliased binding; unknown purpose still counts in recommended.
      code: `const nodeCrypto = require('crypto');
const h = nodeCrypto.createHash;
function digest(s) { return h('sha1').update(s).digest('hex'); }`,
      errors: [
        {
          messageId: 'weakHash',
          line: 3,
          column: 31,
          suggestions: sha256(
            `const nodeCrypto = require('crypto');
const h = nodeCrypto.createHash;
function digest(s) { return h('sha256').update(s).digest('hex'); }`,
            false,
          ),
        },
      ],
    },
    {
      // Reported once, on the constant, though two sinks use it.
      code: `import crypto from 'crypto';
const ALG = 'md5';
const a = crypto.createHash(ALG).update(token).digest('hex');
const b = crypto.createHmac(ALG, key).update(msg).digest('hex');`,
      errors: [
        {
          messageId: 'weakHash',
          line: 2,
          column: 13,
          suggestions: sha256(
            `import crypto from 'crypto';
const ALG = 'sha256';
const a = crypto.createHash(ALG).update(token).digest('hex');
const b = crypto.createHmac(ALG, key).update(msg).digest('hex');`,
            true,
          ),
        },
      ],
    },
    {
      code: `import crypto from 'crypto';
const sig = crypto.createHmac('sha1', process.env.WEBHOOK_SECRET).update(body).digest('hex');`,
      errors: [{ messageId: 'weakHash', line: 2, column: 31, suggestions: sha256(`import crypto from 'crypto';
const sig = crypto.createHmac('sha256', process.env.WEBHOOK_SECRET).update(body).digest('hex');`, true) }],
    },
    {
      // Integrity of untrusted data: compared with what the request carries.
      code: `import { createHash } from 'crypto';
app.post('/upload', (req, res) => {
  if (createHash('md5').update(req.body.file).digest('hex') !== req.body.checksum) return res.sendStatus(400);
});`,
      errors: [{ messageId: 'weakHash', line: 3, column: 18, suggestions: sha256(`import { createHash } from 'crypto';
app.post('/upload', (req, res) => {
  if (createHash('sha256').update(req.body.file).digest('hex') !== req.body.checksum) return res.sendStatus(400);
});`, true) }],
    },
    {
      code: `import crypto from 'node:crypto';
const sign = crypto.createSign('RSA-SHA1');`,
      errors: [{ messageId: 'weakHash', line: 2, column: 32, suggestions: sha256(`import crypto from 'node:crypto';
const sign = crypto.createSign('RSA-SHA256');`, true) }],
    },
    {
      // promisified pbkdf2 with SHA-1.
      code: `import { promisify } from 'util';
import crypto from 'crypto';
const pbkdf2 = promisify(crypto.pbkdf2);
const key = await pbkdf2(password, salt, 600000, 32, 'sha1');`,
      errors: [{ messageId: 'weakHash', line: 4, column: 54, suggestions: sha256(`import { promisify } from 'util';
import crypto from 'crypto';
const pbkdf2 = promisify(crypto.pbkdf2);
const key = await pbkdf2(password, salt, 600000, 32, 'sha256');`, true) }],
    },
    {
      // Strict: even a fingerprint is reported.
      code: `import crypto from 'crypto';
export function etag(body) { return crypto.createHash('md5').update(body).digest('hex'); }`,
      options: strict,
      errors: [{ messageId: 'weakHash', line: 2, column: 55, suggestions: sha256(`import crypto from 'crypto';
export function etag(body) { return crypto.createHash('sha256').update(body).digest('hex'); }`, false) }],
    },
    {
      code: `const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(password));`,
      errors: [{ messageId: 'weakHash', line: 1, column: 43, suggestions: sha256(`const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(password));`, true) }],
    },
    {
      code: `const key = await globalThis.crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);`,
      errors: [{ messageId: 'weakHash', line: 1, column: 88, suggestions: sha256(`const key = await globalThis.crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);`, true) }],
    },
    {
      code: `import CryptoJS from 'crypto-js';
const stored = CryptoJS.MD5(user.password).toString();`,
      errors: [{ messageId: 'weakHash', line: 2, column: 25, suggestions: sha256(`import CryptoJS from 'crypto-js';
const stored = CryptoJS.SHA256(user.password).toString();`, true) }],
    },
    {
      code: `import HmacSHA1 from 'crypto-js/hmac-sha1';
const signature = HmacSHA1(payload, secret).toString();`,
      // No rename: `HmacSHA256` would need its own import (crypto-js/hmac-sha256).
      errors: [{ messageId: 'weakHash', line: 2, column: 19, suggestions: [] }],
    },
    {
      code: `const forge = require('node-forge');
const md = forge.md.sha1.create();
md.update(message, 'utf8');
const signature = privateKey.sign(md);`,
      errors: [{ messageId: 'weakHash', line: 2, column: 21, suggestions: sha256(`const forge = require('node-forge');
const md = forge.md.sha256.create();
md.update(message, 'utf8');
const signature = privateKey.sign(md);`, true) }],
    },
    {
      code: `const forge = require('node-forge');
const hmac = forge.hmac.create();
hmac.start('md5', key);`,
      errors: [{ messageId: 'weakHash', line: 3, column: 12, suggestions: sha256(`const forge = require('node-forge');
const hmac = forge.hmac.create();
hmac.start('sha256', key);`, true) }],
    },
    // --- obsolete ciphers
    {
      code: `const crypto = require('crypto');
const cipher = crypto.createCipheriv('des-ede3-cbc', key, iv);
const decipher = crypto.createDecipheriv('des-ede3-cbc', key, iv);`,
      errors: [
        { messageId: 'weakCipher', line: 2, column: 38 },
        { messageId: 'weakCipher', line: 3, column: 42 },
      ],
    },
    {
      code: `import { createCipheriv as cc } from 'node:crypto';
const CIPHERS = { legacy: 'bf-cbc' };
cc(CIPHERS.legacy, key, iv);`,
      errors: [{ messageId: 'weakCipher', line: 2, column: 27 }],
    },
    {
      code: `import crypto from 'crypto'; crypto.createCipheriv('rc4', key, null);`,
      errors: [{ messageId: 'weakCipher', line: 1, column: 52 }],
    },
    {
      code: `import CryptoJS from 'crypto-js';
const enc = CryptoJS.TripleDES.encrypt(msg, CryptoJS.enc.Hex.parse(k), { iv });`,
      errors: [{ messageId: 'weakCipher', line: 2, column: 22 }],
    },
    {
      code: `import DES from 'crypto-js/tripledes';
DES.encrypt(msg, k);`,
      errors: [{ messageId: 'weakCipher', line: 2, column: 5 }],
    },
    {
      code: `const forge = require('node-forge');
const cipher = forge.cipher.createCipher('3DES-CBC', key);`,
      errors: [{ messageId: 'weakCipher', line: 2, column: 42 }],
    },
    // --- ECB
    {
      code: `import crypto from 'crypto'; const c = crypto.createCipheriv('aes-256-ecb', key, null);`,
      errors: [{ messageId: 'ecbMode', line: 1, column: 62 }],
    },
    {
      code: `import CryptoJS from 'crypto-js';
CryptoJS.AES.encrypt(msg, CryptoJS.enc.Hex.parse(k), { mode: CryptoJS.mode.ECB, padding: CryptoJS.pad.Pkcs7 });`,
      errors: [{ messageId: 'ecbMode', line: 2, column: 62 }],
    },
    {
      code: `import AES from 'crypto-js/aes';
import ECB from 'crypto-js/mode-ecb';
AES.decrypt(ct, key, { mode: ECB });`,
      errors: [{ messageId: 'ecbMode', line: 3, column: 30 }],
    },
    {
      code: `import forge from 'node-forge'; const c = forge.cipher.createCipher('AES-ECB', key);`,
      errors: [{ messageId: 'ecbMode', line: 1, column: 69 }],
    },
    // --- deprecated createCipher, crypto-js passphrase mode
    {
      code: `const crypto = require('crypto');
const cipher = crypto.createCipher('aes-256-cbc', password);`,
      errors: [{ messageId: 'deprecatedCipherApi', line: 2, column: 23 }],
    },
    {
      code: `const { createDecipher } = require('crypto');
const d = createDecipher(algorithm, password);`,
      errors: [{ messageId: 'deprecatedCipherApi', line: 2, column: 11 }],
    },
    {
      code: `import CryptoJS from 'crypto-js';
export const encrypt = (text) => CryptoJS.AES.encrypt(text, process.env.SECRET_KEY).toString();`,
      errors: [{ messageId: 'passphraseKdf', line: 2, column: 61 }],
    },
    {
      code: `import CryptoJS from 'crypto-js';
const SECRET = 'correct horse battery staple';
CryptoJS.AES.decrypt(ciphertext, SECRET);`,
      errors: [{ messageId: 'passphraseKdf', line: 3, column: 34 }],
    },
    // --- RSA PKCS#1 v1.5 encryption
    {
      code: `import { publicEncrypt, constants } from 'crypto';
publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_PADDING }, Buffer.from(secret));`,
      errors: [{ messageId: 'rsaPkcs1Encryption', line: 2, column: 42 }],
    },
    {
      code: `const crypto = require('crypto');
crypto.privateDecrypt({ key: privateKey, padding: 1 }, data);`,
      errors: [{ messageId: 'rsaPkcs1Encryption', line: 2, column: 51 }],
    },
    {
      code: `const forge = require('node-forge');
const publicKey = forge.pki.publicKeyFromPem(pem);
const encrypted = publicKey.encrypt(secret);`,
      errors: [{ messageId: 'rsaPkcs1Encryption', line: 3, column: 29 }],
    },
    {
      code: `await crypto.subtle.encrypt({ name: 'RSAES-PKCS1-v1_5' }, key, data);`,
      errors: [{ messageId: 'rsaPkcs1Encryption', line: 1, column: 37 }],
    },
    // --- JWT
    {
      code: `import jwt from 'jsonwebtoken';
const token = jwt.sign(payload, '', { algorithm: 'none' });`,
      errors: [{ messageId: 'jwtNone', line: 2, column: 50 }],
    },
    {
      code: `const jwt = require('jsonwebtoken');
jwt.verify(token, publicKey, { algorithms: ['RS256', 'none'] });`,
      errors: [{ messageId: 'jwtNone', line: 2, column: 54 }],
    },
    {
      code: `import { UnsecuredJWT } from 'jose';
const jwt = new UnsecuredJWT({ sub: 'user' }).encode();`,
      errors: [{ messageId: 'jwtNone', line: 2, column: 17 }],
    },
    {
      code: `import jwt from 'jsonwebtoken';
const PUBLIC_KEY = fs.readFileSync('keys/public.pem');
export const authenticate = (token) => jwt.verify(token, PUBLIC_KEY);`,
      errors: [{ messageId: 'jwtUnpinned', line: 3, column: 44 }],
    },
    {
      code: `import { verify } from 'jsonwebtoken';
function getKey(header, callback) { client.getSigningKey(header.kid, (err, key) => callback(err, key?.getPublicKey())); }
verify(token, getKey, { audience: 'api' }, (err, decoded) => {});`,
      errors: [{ messageId: 'jwtUnpinned', line: 3, column: 1 }],
    },
    {
      code: `import jwt from 'jsonwebtoken'; jwt.verify(token, process.env.JWT_SECRET);`,
      options: strict,
      errors: [{ messageId: 'jwtUnpinned', line: 1, column: 37 }],
    },
    // Issue 2: verify without pinned algorithms, in recommended too.
    // crypto-js DES with a separate mode.ECB: two constants, two problems.
    {"code":"import CryptoJS from 'crypto-js';\nexport const seal = (msg: string, keyHex: string) => CryptoJS.DES.encrypt(msg, CryptoJS.enc.Hex.parse(keyHex), { mode: CryptoJS.mode.ECB }).toString();","errors":[{"messageId":"weakCipher","line":2,"column":63},{"messageId":"ecbMode","line":2,"column":120}]},
    {
      code: `import jwt from 'jsonwebtoken'; jwt.verify(token, process.env.JWT_SECRET);`,
      errors: [{ messageId: 'jwtUnpinned', line: 1, column: 37 }],
    },
    {
      code: `import { createRemoteJWKSet, jwtVerify } from 'jose';
const JWKS = createRemoteJWKSet(new URL('https://id.example.test/.well-known/jwks.json'));
export const verify = (token) => jwtVerify(token, JWKS, { issuer: 'https://id.example.test' });`,
      errors: [{ messageId: 'jwtUnpinned', line: 3, column: 34 }],
    },
    {
      code: `import { createRemoteJWKSet, jwtVerify } from 'jose';
const JWKS = createRemoteJWKSet(new URL('https://id.example.test/.well-known/jwks.json'));
export const verify = (token) => jwtVerify(token, JWKS, { issuer: 'https://id.example.test' });`,
      options: [{ requirePinnedJwtAlgorithms: 'when-asymmetric' }],
      errors: [{ messageId: 'jwtUnpinned', line: 3, column: 34 }],
    },
    {
      code: `import { jwtVerify } from 'jose';
export const verify = (token, JWKS) => jwtVerify(token, JWKS, { issuer: 'https://id.example.test' });`,
      options: strict,
      errors: [{ messageId: 'jwtUnpinned', line: 2, column: 40 }],
    },
    // --- unauthenticated modes (strict)
    {
      code: `import crypto from 'crypto'; const c = crypto.createCipheriv('aes-256-cbc', key, iv);`,
      options: strict,
      errors: [{ messageId: 'unauthenticatedMode', line: 1, column: 62 }],
    },
    {
      code: `await crypto.subtle.encrypt({ name: 'AES-CTR', counter, length: 64 }, key, data);`,
      options: strict,
      errors: [{ messageId: 'unauthenticatedMode', line: 1, column: 37 }],
    },
    {
      code: `import CryptoJS from 'crypto-js';
CryptoJS.AES.encrypt(msg, CryptoJS.enc.Hex.parse(k), { iv });`,
      options: strict,
      errors: [{ messageId: 'unauthenticatedMode', line: 2, column: 14 }],
    },
  ],
});

// The AES-256-GCM rewrite of a node:crypto encrypt/decrypt pair.
ruleTester.run('no-weak-algorithm: upgradeToGcm', rule, {
  valid: [],
  invalid: [
    // 3DES with a key of unknown length: a 32-byte key is derived with HKDF, the static IV gives way to a fresh nonce.
    {
      filename: 'vault.js',
      code: `const crypto = require('crypto');
const KEY = Buffer.from(process.env.VAULT_KEY, 'hex');
function encrypt(text) {
  const cipher = crypto.createCipheriv('des-ede3-cbc', KEY, Buffer.alloc(8));
  return cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}
function decrypt(hex) {
  const decipher = crypto.createDecipheriv('des-ede3-cbc', KEY, Buffer.alloc(8));
  return decipher.update(hex, 'hex', 'utf8') + decipher.final('utf8');
}`,
      errors: [{ messageId: 'weakCipher', line: 4, suggestions: [{ messageId: 'upgradeToGcm', data: { key: 'a 32-byte key derived from the current one with HKDF-SHA256 (info "keywarden:aes-256-gcm"; rotate to a fresh 32-byte key when you can)' }, output: `const crypto = require('crypto');
const KEY = Buffer.from(process.env.VAULT_KEY, 'hex');
function encrypt(text) {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', Buffer.from(crypto.hkdfSync('sha256', KEY, new Uint8Array(0), 'keywarden:aes-256-gcm', 32)), iv);
  const sealed = cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
  return [iv.toString('hex'), cipher.getAuthTag().toString('hex'), sealed].join(':');
}
function decrypt(hex) {
  const parts = hex.split(':');
  if (parts.length < 3) throw new Error('Malformed ciphertext: expected iv:tag:data');
  const iv = Buffer.from(parts[0], 'hex');
  const tag = Buffer.from(parts[1], 'hex');
  hex = parts.slice(2).join(':');
  const decipher = crypto.createDecipheriv('aes-256-gcm', Buffer.from(crypto.hkdfSync('sha256', KEY, new Uint8Array(0), 'keywarden:aes-256-gcm', 32)), iv);
  decipher.setAuthTag(tag);
  return decipher.update(hex, 'hex', 'utf8') + decipher.final('utf8');
}` }] }, { messageId: 'weakCipher', line: 8, suggestions: [{ messageId: 'upgradeToGcm', data: { key: 'a 32-byte key derived from the current one with HKDF-SHA256 (info "keywarden:aes-256-gcm"; rotate to a fresh 32-byte key when you can)' }, output: `const crypto = require('crypto');
const KEY = Buffer.from(process.env.VAULT_KEY, 'hex');
function encrypt(text) {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', Buffer.from(crypto.hkdfSync('sha256', KEY, new Uint8Array(0), 'keywarden:aes-256-gcm', 32)), iv);
  const sealed = cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
  return [iv.toString('hex'), cipher.getAuthTag().toString('hex'), sealed].join(':');
}
function decrypt(hex) {
  const parts = hex.split(':');
  if (parts.length < 3) throw new Error('Malformed ciphertext: expected iv:tag:data');
  const iv = Buffer.from(parts[0], 'hex');
  const tag = Buffer.from(parts[1], 'hex');
  hex = parts.slice(2).join(':');
  const decipher = crypto.createDecipheriv('aes-256-gcm', Buffer.from(crypto.hkdfSync('sha256', KEY, new Uint8Array(0), 'keywarden:aes-256-gcm', 32)), iv);
  decipher.setAuthTag(tag);
  return decipher.update(hex, 'hex', 'utf8') + decipher.final('utf8');
}` }] }],
    },
    // ECB over Buffers with a 32-byte key: the same key, nonce and tag prepended.
    {
      code: `import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
const key = randomBytes(32);
export function seal(data: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-ecb', key, null);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}
export function open(data: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-ecb', key, null);
  return Buffer.concat([decipher.update(data), decipher.final()]);
}`,
      errors: [{ messageId: 'ecbMode', line: 4, suggestions: [{ messageId: 'upgradeToGcm', data: { key: 'the same 32-byte key' }, output: `import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
const key = randomBytes(32);
export function seal(data: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(data), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]);
}
export function open(data: Buffer): Buffer {
  if (data.length < 28) throw new Error('Malformed ciphertext: expected iv:tag:data');
  const iv = data.subarray(0, 12);
  const tag = data.subarray(12, 28);
  data = data.subarray(28);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]);
}` }] }, { messageId: 'ecbMode', line: 8, suggestions: [{ messageId: 'upgradeToGcm', data: { key: 'the same 32-byte key' }, output: `import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
const key = randomBytes(32);
export function seal(data: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(data), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]);
}
export function open(data: Buffer): Buffer {
  if (data.length < 28) throw new Error('Malformed ciphertext: expected iv:tag:data');
  const iv = data.subarray(0, 12);
  const tag = data.subarray(12, 28);
  data = data.subarray(28);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]);
}` }] }],
    },
    // A DES key literal of 8 bytes: deriving a 32-byte key from 56 bits would only hide the weakness, so no rewrite.
    {
      code: `import * as crypto from 'node:crypto';
export function encrypt(text: string): string {
  const cipher = crypto.createCipheriv('des-cbc', 'k3y!8byt', Buffer.alloc(8));
  return cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}
export function decrypt(hex: string): string {
  const decipher = crypto.createDecipheriv('des-cbc', 'k3y!8byt', Buffer.alloc(8));
  return decipher.update(hex, 'hex', 'utf8') + decipher.final('utf8');
}`,
      errors: [{ messageId: 'weakCipher', line: 3 }, { messageId: 'weakCipher', line: 7 }],
    },
  ],
});

// The password-hash upgrade: scrypt for new hashes, the old digest accepted once and upgraded.
ruleTester.run('no-weak-algorithm: upgradePasswordHash', rule, {
  valid: [],
  invalid: [
    {
      filename: 'users.js',
      code: `const crypto = require('crypto');
function hashPassword(password) {
  return crypto.createHash('md5').update(password).digest('hex');
}
function verifyPassword(password, stored) {
  return hashPassword(password) === stored;
}
module.exports = { hashPassword, verifyPassword };`,
      errors: [{ messageId: 'weakHash', line: 3, suggestions: [{ messageId: 'upgradePasswordHash', data: { verify: 'verifyPassword', name: 'MD5' }, output: `const crypto = require('crypto');
function hashPassword(password) {
  const salt = crypto.randomBytes(16);
  const hash = crypto.scryptSync(password, salt, 32, { N: 131072, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
  return \`scrypt$\${salt.toString('hex')}$\${hash.toString('hex')}\`;
}

function legacyHashPassword(password) {
  // eslint-disable-next-line keywarden/no-weak-algorithm -- legacy hashes: checked once, then replaced with scrypt
  return crypto.createHash('md5').update(password).digest('hex');
}
function verifyPassword(password, stored, onUpgrade) {
  if (stored.startsWith('scrypt$')) {
    const [, salt, hash] = stored.split('$');
    const expected = Buffer.from(hash ?? '', 'hex');
    if (expected.length !== 32) return false;
    return crypto.timingSafeEqual(crypto.scryptSync(password, Buffer.from(salt ?? '', 'hex'), 32, { N: 131072, r: 8, p: 1, maxmem: 256 * 1024 * 1024 }), expected);
  }
  // A hash from before the scrypt migration: accepted, and replaced through onUpgrade.
  const legacy = Buffer.from(legacyHashPassword(password));
  const ok = legacy.length === Buffer.byteLength(stored) && crypto.timingSafeEqual(legacy, Buffer.from(stored));
  if (ok && onUpgrade) onUpgrade(hashPassword(password));
  return ok;
}
module.exports = { hashPassword, verifyPassword };` }, { messageId: 'useSha256Migrate', data: { name: 'MD5', replacement: 'sha256' }, output: `const crypto = require('crypto');
function hashPassword(password) {
  return crypto.createHash('sha256').update(password).digest('hex');
}
function verifyPassword(password, stored) {
  return hashPassword(password) === stored;
}
module.exports = { hashPassword, verifyPassword };` }] }],
    },
    // Only hashed, never compared in this file: callers elsewhere would compare a salted hash, so no upgrade.
    {
      filename: 'users.js',
      code: `const crypto = require('crypto');
function hashPassword(password) {
  return crypto.createHash('md5').update(password).digest('hex');
}
module.exports = { hashPassword };`,
      errors: [{ messageId: 'weakHash', line: 3, suggestions: [{ messageId: 'useSha256Migrate', data: { name: 'MD5', replacement: 'sha256' }, output: `const crypto = require('crypto');
function hashPassword(password) {
  return crypto.createHash('sha256').update(password).digest('hex');
}
module.exports = { hashPassword };` }] }],
    },
  ],
});

// Hash helper modules (real-world cases: uuid's md5.js/sha1.js for name-based UUIDs, webpack's
// createHash factory): every export returns a digest of its caller's data, so the importers decide
// what it is for. Quiet in `recommended` unless a name in reach says security; reported in `strict`.
const UUID_STYLE_HELPER = `import { createHash } from 'node:crypto';
function sha1(bytes) {
  if (typeof bytes === 'string') bytes = Buffer.from(bytes, 'utf8');
  return createHash('sha1').update(bytes).digest();
}
export default sha1;`;
ruleTester.run('no-weak-algorithm: hash helper modules', rule, {
  valid: [
    { filename: 'src/lib/sha1.js', code: UUID_STYLE_HELPER },
    {
      filename: 'lib/util/createHash.js',
      code: `let crypto;
module.exports = (algorithm) => {
  if (crypto === undefined) crypto = require('crypto');
  switch (algorithm) {
    case 'native-md4': return new BulkUpdateHash(() => crypto.createHash('md4'), 'md4');
    default: return new BulkUpdateHash(() => crypto.createHash(algorithm), algorithm);
  }
};`,
    },
  ],
  invalid: [
    {
      // The same helper in `strict` (allowHashHelpers: false).
      filename: 'src/lib/sha1.js',
      code: UUID_STYLE_HELPER,
      options: [{ allowHashHelpers: false }],
      // The importers may store the digests (name-based ids): the suggestion says a migration is needed.
      errors: [{ messageId: 'weakHash', line: 4, suggestions: sha256(UUID_STYLE_HELPER.replace("createHash('sha1')", "createHash('sha256')"), true) }],
    },
    {
      // A security word in the file path: not a neutral helper.
      filename: 'src/auth/sha1.js',
      code: UUID_STYLE_HELPER,
      errors: [{ messageId: 'weakHash', line: 4, suggestions: sha256(UUID_STYLE_HELPER.replace("createHash('sha1')", "createHash('sha256')"), false) }],
    },
    {
      // The module also exports something else: not a hash helper module.
      filename: 'src/lib/digests.js',
      code: `import { createHash } from 'node:crypto';
export const md5 = (s) => createHash('md5').update(s).digest('hex');
export const SALT_ROUNDS = 10;`,
      errors: [{ messageId: 'weakHash', line: 2, suggestions: sha256(`import { createHash } from 'node:crypto';
export const md5 = (s) => createHash('sha256').update(s).digest('hex');
export const SALT_ROUNDS = 10;`, false) }],
    },
  ],
});

// With type information, a hash helper's importers are followed: a caller hashing a password makes
// it a security use, reported in the helper where MD5 is written.
createTypedRuleTester().run('no-weak-algorithm: hash helpers and their importers (type information)', rule, {
  valid: [
    {
      filename: 'asset-sha1.ts',
      code: fs.readFileSync(path.join(TYPED_FIXTURE_DIR, 'asset-sha1.ts'), 'utf8'),
    },
  ],
  invalid: [
    {
      filename: 'legacy-md5.ts',
      code: fs.readFileSync(path.join(TYPED_FIXTURE_DIR, 'legacy-md5.ts'), 'utf8'),
      errors: [
        {
          messageId: 'weakHash',
          line: 5,
          data: { name: 'MD5', weakness: 'is broken (collisions are practical)', use: 'security (this digest hashes a password in member-login.ts:5)', passwordHint: ' (for passwords: argon2id, scrypt or bcrypt)' },
          suggestions: sha256(fs.readFileSync(path.join(TYPED_FIXTURE_DIR, 'legacy-md5.ts'), 'utf8').replace("createHash('md5')", "createHash('sha256')"), true),
        },
      ],
    },
  ],
});

// Found by the session-4 blind corpus (test/fixtures/corpus/*/blind-s4).
ruleTester.run('no-weak-algorithm: blind-set regressions', rule, {
  valid: [
    // An ETag compared with the If-None-Match header read through a getter (Koa `ctx.get`, fetch `headers.get`) is HTTP caching.
    `import { createHash } from 'node:crypto';
export default () => async (ctx, next) => {
  await next();
  const tag = \`W/"\${createHash('md5').update(JSON.stringify(ctx.body)).digest('base64')}"\`;
  ctx.set('ETag', tag);
  if (ctx.get('If-None-Match') === tag) ctx.status = 304;
};`,
    `import { createHash } from 'node:crypto';
export async function GET(request) {
  const body = JSON.stringify(await load());
  const etag = \`"\${createHash('sha1').update(body).digest('base64url')}"\`;
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304 });
  return new Response(body, { headers: { ETag: etag } });
}`,
    // A local file's checksum that is only shown is a fingerprint.
    `import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
console.log(createHash('md5').update(readFileSync(process.argv[2])).digest('hex'));`,
    // An enum member that is never used as an algorithm.
    `enum Mode { Ecb = 'aes-128-ecb' }
export const label = (m: Mode) => \`mode \${m}\`;`,
  ],
  invalid: [
    {
      // A downloaded file checked against its published checksum: integrity of untrusted data.
      code: `import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
const [file, expected] = process.argv.slice(2);
const actual = createHash('md5').update(await readFile(file)).digest('hex');
if (actual !== expected) process.exit(1);`,
      errors: [
        {
          messageId: 'weakHash',
          line: 4,
          column: 27,
          suggestions: sha256(
            `import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
const [file, expected] = process.argv.slice(2);
const actual = createHash('sha256').update(await readFile(file)).digest('hex');
if (actual !== expected) process.exit(1);`,
            true,
          ),
        },
      ],
    },
    {
      // A TypeScript enum member holding the algorithm: reported where it is written.
      code: `import { createCipheriv } from 'node:crypto';
enum Cipher {
  Legacy = 'aes-128-ecb',
  Current = 'aes-256-gcm',
}
export const seal = (key: Buffer, data: Buffer) => createCipheriv(Cipher.Legacy, key, null).update(data);`,
      errors: [{ messageId: 'ecbMode', line: 3, column: 12, suggestions: [] }],
    },
  ],
});

// Session 34, the real-world list: node-rsa's node back end probes at load time which hashes the runtime supports
// (`try { createHash(alg); set.add(alg); } catch {}` over a list that starts with MD4). The guard: a hash made in a
// `try` block and then used.
ruleTester.run('no-weak-algorithm: capability probes', rule, {
  valid: [
    `import { createHash } from 'crypto';
const CANDIDATES = ['md4', 'md5', 'ripemd160', 'sha1', 'sha256'];
export const SUPPORTED = (() => {
  const set = new Set();
  for (const alg of CANDIDATES) {
    try {
      createHash(alg);
      set.add(alg);
    } catch {}
  }
  return set;
})();`,
  ],
  invalid: [
    {
      code: `import { createHash } from 'crypto';
export function passwordDigest(password) {
  try {
    const h = createHash('md5');
    return h.update(password).digest('hex');
  } catch {
    return undefined;
  }
}`,
      errors: [
        {
          messageId: 'weakHash',
          line: 4,
          column: 26,
          suggestions: sha256(
            `import { createHash } from 'crypto';
export function passwordDigest(password) {
  try {
    const h = createHash('sha256');
    return h.update(password).digest('hex');
  } catch {
    return undefined;
  }
}`,
            true,
          ),
        },
      ],
    },
  ],
});
