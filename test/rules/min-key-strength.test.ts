import rule from '../../rules/min-key-strength';
import { createRuleTester } from './rule-tester';

const ruleTester = createRuleTester();

ruleTester.run('min-key-strength', rule, {
  valid: [
    // Costs lowered only for the test suite (Ghost's password module; a ternary on NODE_ENV).
    `const bcrypt = require('bcryptjs');
let HASH_ROUNDS = 10;
if (process.env.NODE_ENV?.startsWith('testing')) {
  HASH_ROUNDS = 1;
}
module.exports.hash = async (plainPassword) => bcrypt.hash(plainPassword, await bcrypt.genSalt(HASH_ROUNDS));`,
    `import bcrypt from 'bcrypt';
const ROUNDS = process.env.NODE_ENV !== 'test' ? 12 : 1;
export const hash = (password: string) => bcrypt.hash(password, ROUNDS);`,
    `import crypto from 'node:crypto';
     crypto.generateKeyPairSync('rsa', { modulusLength: 3072 });
     crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
     crypto.generateKeyPairSync('ed25519');
     crypto.createECDH('secp384r1');
     crypto.getDiffieHellman('modp14');
     crypto.generateKeySync('aes', { length: 256 });
     crypto.createCipheriv('aes-128-gcm', key, iv, { authTagLength: 16 });`,
    `const { pbkdf2Sync, randomBytes, scryptSync } = require('crypto');
     const salt = randomBytes(16);
     const hash = pbkdf2Sync(password, salt, 600000, 32, 'sha256');
     const h512 = pbkdf2Sync(password, salt, 210000, 64, 'sha512');
     const k = scryptSync(password, salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });`,
    // Options built elsewhere: unknown, not reported.
    `import { scryptSync } from 'crypto'; const k = scryptSync(password, salt, 32, SCRYPT_OPTIONS);`,
    // A zero-filled stand-in for a missing salt is a placeholder, not a chosen salt.
    `import { scryptSync } from 'node:crypto';
     export const open = (note, pw) => scryptSync(pw, note?.salt ?? Buffer.alloc(16), 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 2 ** 28 });`,
    // HKDF salts may be constant (it is not a password KDF).
    `import crypto from 'crypto'; const sub = crypto.hkdfSync('sha256', masterKey, 'app-v1', 'encryption', 32);`,
    `await crypto.subtle.generateKey({ name: 'RSA-PSS', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, false, ['sign']);
     await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-384' }, false, ['deriveBits']);
     await crypto.subtle.encrypt({ name: 'AES-GCM', iv, tagLength: 128 }, key, data);
     await crypto.subtle.deriveKey({ name: 'PBKDF2', salt, iterations: 600000, hash: 'SHA-256' }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);`,
    `import bcrypt from 'bcrypt'; const SALT_ROUNDS = 12; export const hash = (pw) => bcrypt.hash(pw, SALT_ROUNDS);`,
    `import bcrypt from 'bcryptjs'; export const check = (pw, stored) => bcrypt.compare(pw, stored);`,
    `import argon2 from 'argon2';
     await argon2.hash(password);
     await argon2.hash(password, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });
     await argon2.hash(password, { memoryCost: 47104, timeCost: 1 });`,
    `const forge = require('node-forge'); const keys = forge.pki.rsa.generateKeyPair({ bits: 4096, e: 0x10001 });`,
    `import CryptoJS from 'crypto-js'; const key = CryptoJS.PBKDF2(password, salt, { keySize: 256 / 32, iterations: 600000, hasher: CryptoJS.algo.SHA256 });`,
    // Look-alikes: sizes that are not key sizes.
    `const config = { modulusLength: 1024, bits: 512 }; const list = ['prime192v1'];`,
    `import crypto from 'crypto'; const id = crypto.randomBytes(8).toString('hex');`,
    {
      code: `import crypto from 'crypto'; crypto.generateKeyPairSync('ec', { namedCurve: 'secp224r1' });`,
      options: [{ allowedCurves: ['P-256', 'P-224'] }],
    },
  ],
  invalid: [
    // The production branch is what counts: 8 outside tests is too low; "not production" is not "test".
    {
      code: `import bcrypt from 'bcrypt';
const ROUNDS = process.env.NODE_ENV === 'test' ? 1 : 8;
const DEV_ROUNDS = process.env.NODE_ENV === 'production' ? 12 : 4;
export const hash = (password: string) => bcrypt.hash(password, ROUNDS);
export const hashDev = (password: string) => bcrypt.hash(password, DEV_ROUNDS);`,
      errors: [
        { messageId: 'lowCost', line: 2, column: 54 },
        { messageId: 'lowCost', line: 3, column: 65 },
      ],
    },
    {
      code: `import { generateKeyPairSync } from 'node:crypto';
const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 1024,
});`,
      errors: [{ messageId: 'smallModulus', line: 3, column: 18 }],
    },
    {
      code: `const crypto = require('crypto');
const RSA_BITS = 1536;
crypto.generateKeyPair('rsa', { modulusLength: RSA_BITS }, cb);
const dh = crypto.createDiffieHellman(1024);
const group = crypto.getDiffieHellman('modp2');`,
      errors: [
        { messageId: 'smallModulus', line: 2, column: 18 },
        { messageId: 'smallModulus', line: 4, column: 39 },
        { messageId: 'smallModulus', line: 5, column: 39 },
      ],
    },
    {
      code: `const forge = require('node-forge');
const keys = forge.pki.rsa.generateKeyPair({ bits: 1024, e: 0x10001 });`,
      errors: [{ messageId: 'smallModulus', line: 2, column: 52 }],
    },
    {
      code: `const pair = await crypto.subtle.generateKey({ name: 'RSA-OAEP', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['encrypt', 'decrypt']);`,
      errors: [{ messageId: 'smallModulus', line: 1, column: 81 }],
    },
    {
      code: `import crypto from 'crypto';
const ecdh = crypto.createECDH('prime192v1');
crypto.generateKeyPairSync('ec', { namedCurve: 'secp224r1' });`,
      errors: [
        { messageId: 'weakCurve', line: 2, column: 32 },
        { messageId: 'weakCurve', line: 3, column: 48 },
      ],
    },
    {
      code: `import { generateKeySync } from 'node:crypto';
export const macKey = () => generateKeySync('hmac', { length: 64 });`,
      errors: [{ messageId: 'shortKey', line: 2, column: 63 }],
    },
    {
      code: `import crypto from 'crypto';
const mac = crypto.createHmac('sha256', crypto.randomBytes(8));
const c = crypto.createCipheriv('aes-128-cbc', Buffer.from('00112233445566', 'hex'), iv);`,
      errors: [
        { messageId: 'shortKey', line: 2, column: 60 },
        { messageId: 'shortKey', line: 3, column: 60 },
      ],
    },
    {
      code: `import { createDecipheriv } from 'node:crypto';
const decipher = createDecipheriv('aes-128-gcm', KEY, iv, { authTagLength: 8 });`,
      errors: [{ messageId: 'shortTag', line: 2, column: 76 }],
    },
    {
      code: `const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, tagLength: 64 }, key, data);`,
      errors: [{ messageId: 'shortTag', line: 1, column: 78 }],
    },
    {
      // 96-bit tags are fine in recommended, not in strict.
      code: `import crypto from 'crypto'; crypto.createCipheriv('aes-256-gcm', key, iv, { authTagLength: 12 });`,
      options: [{ minTagBits: 128 }],
      errors: [{ messageId: 'shortTag', line: 1, column: 93 }],
    },
    {
      code: `import { pbkdf2Sync } from 'crypto';
const ITERATIONS = 10000;
export const hashPassword = (pw, salt) => pbkdf2Sync(pw, salt, ITERATIONS, 64, 'sha512');`,
      errors: [{ messageId: 'lowIterations', line: 2, column: 20 }],
    },
    {
      code: `const crypto = require('crypto');
crypto.pbkdf2(password, salt, 1000000, 32, 'sha1', (err, key) => {});`,
      errors: [{ messageId: 'lowIterations', line: 2, column: 31 }],
    },
    {
      code: `const key = await crypto.subtle.deriveKey({ name: 'PBKDF2', salt, iterations: 100000, hash: 'SHA-256' }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);`,
      errors: [{ messageId: 'lowIterations', line: 1, column: 79 }],
    },
    // @noble/hashes: `pbkdf2(sha256, pw, salt, { c, dkLen })` and `scrypt(pw, salt, { N, r, p, dkLen })`.
    {
      code: `import { pbkdf2 } from '@noble/hashes/pbkdf2';
import { scrypt } from '@noble/hashes/scrypt';
import { sha256 } from '@noble/hashes/sha256';
export const verifier = (pw: string, salt: Uint8Array) => pbkdf2(sha256, pw, salt, { c: 100_000, dkLen: 32 });
export const vaultKey = (pw: string, salt: Uint8Array) => scrypt(pw, salt, { N: 2 ** 14, r: 8, p: 1, dkLen: 32 });`,
      errors: [
        { messageId: 'lowIterations', line: 4, column: 89 },
        { messageId: 'lowCost', line: 5, column: 81 },
      ],
    },
    {
      code: `const forge = require('node-forge');
const key = forge.pkcs5.pbkdf2(password, salt, 100000, 32);`,
      errors: [{ messageId: 'lowIterations', line: 2, column: 48 }],
    },
    {
      code: `import CryptoJS from 'crypto-js';
const key = CryptoJS.PBKDF2(password, salt, { keySize: 2, iterations: 1000 });`,
      errors: [
        { messageId: 'shortKey', line: 2, column: 56 },
        { messageId: 'lowIterations', line: 2, column: 71 },
      ],
    },
    {
      code: `import { scryptSync } from 'node:crypto';
export const hash = (password, salt) => scryptSync(password, salt, 64);
export const weak = (password, salt) => scryptSync(password, salt, 64, { N: 16384, r: 4 });`,
      errors: [
        { messageId: 'lowDefaultCost', line: 2, column: 41 },
        { messageId: 'lowCost', line: 3, column: 77 },
        { messageId: 'lowCost', line: 3, column: 87 },
      ],
    },
    {
      code: `const bcrypt = require('bcryptjs');
const salt = bcrypt.genSaltSync(6);`,
      errors: [{ messageId: 'lowCost', line: 2, column: 33 }],
    },
    // OWASP: 19 MiB at 2 passes. With 19 MiB the missing part is the pass count (or 46 MiB at 1 pass).
    {
      code: `import argon2 from 'argon2';
export const hash = (pw) => argon2.hash(pw, {
  type: argon2.argon2id,
  memoryCost: 19456,
  timeCost: 1,
  parallelism: 1,
});`,
      errors: [{ messageId: 'lowCost', line: 5, column: 13 }],
    },
    {
      code: `import argon2 from 'argon2';
export const hash = (pw) => argon2.hash(pw, { memoryCost: 12288, timeCost: 1 });`,
      errors: [{ messageId: 'lowCost', line: 2, column: 59 }],
    },
    {
      code: `import argon2 from 'argon2';
export const hash = (pw) => argon2.hash(pw, {
  memoryCost: 4096,
});`,
      errors: [{ messageId: 'lowCost', line: 3, column: 15 }],
    },
    {
      code: `const crypto = require('crypto');
export const derive = (password) => crypto.pbkdf2Sync(password, 'acme-static-salt', 600000, 32, 'sha256');`,
      errors: [{ messageId: 'constantSalt', line: 2, column: 65 }],
    },
    {
      code: `import { randomBytes, scrypt } from 'crypto';
export function hash(password, cb) { const salt = randomBytes(4); scrypt(password, salt, 64, { N: 131072, r: 8, p: 1, maxmem: 2 ** 28 }, cb); }`,
      errors: [{ messageId: 'shortSalt', line: 2, column: 63 }],
    },
    {
      code: `import argon2 from 'argon2';
await argon2.hash(pw, { salt: Buffer.from('fixed-salt-value') });`,
      errors: [{ messageId: 'constantSalt', line: 2, column: 43 }],
    },
  ],
});

// Feature probes (real-world case: the pbkdf2 package asks WebCrypto whether it supports a hash by
// deriving from an 8-byte zero buffer with 10 iterations): nothing secret is stretched.
ruleTester.run('min-key-strength: KDF runs that stretch no secret', rule, {
  valid: [
    `var ZERO; var subtle = globalThis.crypto && globalThis.crypto.subtle;
function browserPbkdf2(password, salt, iterations, length, algo) {
  return subtle.importKey('raw', password, { name: 'PBKDF2' }, false, ['deriveBits']).then(function (key) {
    return subtle.deriveBits({ name: 'PBKDF2', salt: salt, iterations: iterations, hash: { name: algo } }, key, length << 3);
  });
}
function supports(algo) { ZERO = ZERO || Buffer.alloc(8); return browserPbkdf2(ZERO, ZERO, 10, 128, algo).then(() => true, () => false); }
module.exports = function (password, salt, iterations, keylen, digest) { return supports(digest).then(() => browserPbkdf2(password, salt, iterations, keylen, digest)); };`,
    `import crypto from 'crypto';
export const pbkdf2Works = () => crypto.pbkdf2Sync('', Buffer.alloc(16), 1, 32, 'sha256').length === 32;`,
  ],
  invalid: [
    {
      // A real (hardcoded) password: its cost still matters (no-hardcoded-key reports the literal).
      code: `import crypto from 'crypto';
export const key = crypto.pbkdf2Sync('correct horse battery', crypto.randomBytes(16), 1000, 32, 'sha256');`,
      errors: [{ messageId: 'lowIterations', line: 2, column: 87 }],
    },
    {
      // The probe helper is also the real entry point: a low cost written where real passwords arrive is reported.
      code: `var subtle = globalThis.crypto.subtle;
function derive(password, salt, iterations) {
  return subtle.importKey('raw', password, 'PBKDF2', false, ['deriveBits']).then((key) => subtle.deriveBits({ name: 'PBKDF2', salt, iterations, hash: 'SHA-256' }, key, 256));
}
derive(new Uint8Array(8), new Uint8Array(8), 10);
module.exports = (password, salt) => derive(password, salt, 5000);`,
      errors: [{ messageId: 'lowIterations', line: 6, column: 61 }],
    },
  ],
});
