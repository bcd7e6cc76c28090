import * as assert from 'node:assert/strict';
import { getApiCalls } from '../../src/analysis/api-calls';
import { analyze } from './analyze';

/** `library path operation` of every modelled call found in `code`. */
function calls(code: string, filename?: string): string[] {
  return analyze(
    code,
    (context) => getApiCalls(context.sourceCode).map((c) => `${c.library.id} ${c.api.path.join('.')} ${c.api.operation}`),
    filename,
  );
}

describe('analysis/api-calls', () => {
  it('follows a client kept in a class field or assigned to this in the constructor, not this in nested functions or other classes', () => {
    assert.deepEqual(
      calls(`import { KeyManagementServiceClient } from '@google-cloud/kms';
             import * as AWS from 'aws-sdk';
             class Gcp { private kms = new KeyManagementServiceClient(); open(c) { return this.kms.decrypt({ name: 'k', ciphertext: c }); } }
             class V2 { constructor() { this.kms = new AWS.KMS(); } seal(p) { return this.kms.encrypt({ KeyId: 'k', Plaintext: p }); } }
             class Other { kms = makeClient(); run() { function inner() { return this.kms.decrypt({}); } return this.kms.decrypt({}); } }`, 'file.ts'),
      [
        '@google-cloud/kms KeyManagementServiceClient client',
        '@google-cloud/kms KeyManagementServiceClient.decrypt decrypt',
        'aws-sdk KMS client',
        'aws-sdk KMS.encrypt encrypt',
      ],
    );
  });

  it('follows a client returned by a local function (built there, or kept in a module variable it returns)', () => {
    assert.deepEqual(
      calls(`import { CryptographyClient } from '@azure/keyvault-keys';
             async function vaultClient() { const key = await keys.getKey('kek'); return new CryptographyClient(key, credential); }
             let cached;
             function cachedClient() { if (!cached) cached = new CryptographyClient(process.env.KEK_ID, credential); return cached; }
             const arrowClient = () => cachedClient();
             export async function seal(dek) { return (await vaultClient()).wrapKey('RSA-OAEP-256', dek); }
             export async function encryptRecord(r) { const client = cachedClient(); return client.encrypt({ algorithm: 'RSA-OAEP-256', plaintext: r }); }
             export async function open(w) { return arrowClient().unwrapKey('RSA-OAEP-256', w); }
             export function unrelated(other) { return other.encrypt({ plaintext: 'x' }); }`, 'file.ts'),
      [
        '@azure/keyvault-keys CryptographyClient client',
        '@azure/keyvault-keys CryptographyClient client',
        '@azure/keyvault-keys CryptographyClient.wrapKey wrap',
        '@azure/keyvault-keys CryptographyClient.encrypt encrypt',
        '@azure/keyvault-keys CryptographyClient.unwrapKey unwrap',
      ],
    );
  });

  it('resolves CommonJS require, member access and destructuring with aliases', () => {
    assert.deepEqual(
      calls(`const crypto = require('crypto');
             const { createHmac: mac } = require('node:crypto');
             crypto.createHash('md5'); mac('sha256', k);`),
      ['node:crypto createHash hash', 'node:crypto createHmac mac'],
    );
  });

  it('resolves ESM default, namespace and named imports', () => {
    assert.deepEqual(
      calls(`import crypto from 'crypto'; import * as nc from 'node:crypto'; import { randomBytes as rb } from 'crypto';
             crypto.createHash('sha1'); nc.pbkdf2Sync(a, b, 1, 32, 'sha1'); rb(16);`),
      ['node:crypto createHash hash', 'node:crypto pbkdf2Sync kdf', 'node:crypto randomBytes random'],
    );
  });

  it('treats super(…) in a subclass of a modelled constructor (directly or through a mixin) as its construction', () => {
    assert.deepEqual(
      calls(`import { PassportStrategy } from '@nestjs/passport'; import { Strategy } from 'passport-jwt';
             class A extends PassportStrategy(Strategy) { constructor() { super({ secretOrKey: s }); } }
             class B extends Strategy { constructor(o) { super(o, verify); } }
             class C extends Object { constructor() { super(); } }`),
      ['passport-jwt Strategy jwt-verify', 'passport-jwt Strategy jwt-verify'],
    );
  });

  it('does not match identifiers that merely share a name', () => {
    assert.deepEqual(calls(`function createHash(x) { return x; } createHash('md5'); const crypto = { createHash }; crypto.createHash('md5');`), []);
  });

  it('follows promisify, TS import-equals and returned objects (chains and variables)', () => {
    assert.deepEqual(
      calls(`import util from 'util'; import crypto = require('crypto');
             const scrypt = util.promisify(crypto.scrypt);
             await scrypt(pw, salt, 64);
             const c = crypto.createCipheriv(alg, k, iv); c.update(d); c.final();
             crypto.createHash('sha256').update(x).digest('hex');`),
      [
        'node:crypto scrypt kdf',
        'node:crypto createCipheriv encrypt',
        'node:crypto createCipheriv.update encrypt',
        'node:crypto createCipheriv.final encrypt',
        'node:crypto createHash hash',
        'node:crypto createHash.update hash',
        'node:crypto createHash.update.digest hash',
      ],
    );
  });

  it('finds WebCrypto through the global, globalThis, window and require("crypto").webcrypto', () => {
    assert.deepEqual(
      calls(`await crypto.subtle.digest('SHA-1', d); await globalThis.crypto.subtle.encrypt(a, k, d);
             await window.crypto.subtle.importKey('raw', b, 'AES-GCM', false, ['encrypt']);
             const { webcrypto } = require('crypto'); await webcrypto.subtle.sign('HMAC', k, d);`),
      ['webcrypto digest hash', 'webcrypto encrypt encrypt', 'webcrypto importKey key-import', 'webcrypto sign sign'],
    );
  });

  it('does not treat a shadowed `crypto` as WebCrypto', () => {
    assert.deepEqual(calls(`function f(crypto) { return crypto.subtle.digest('SHA-1', d); }`), []);
  });

  it('resolves crypto-js sub-modules, jose builders, KMS commands and sodium', () => {
    assert.deepEqual(
      calls(`const AES = require('crypto-js/aes'); const Hex = require('crypto-js/enc-hex');
             AES.encrypt(m, Hex.parse(h));
             import { SignJWT } from 'jose'; await new SignJWT(c).setProtectedHeader({ alg }).sign(k);
             import { KMSClient, EncryptCommand } from '@aws-sdk/client-kms'; new EncryptCommand({ KeyId });
             import sodium from 'libsodium-wrappers'; sodium.crypto_secretbox_easy(m, n, k);`),
      [
        'crypto-js AES.encrypt encrypt',
        'crypto-js enc.Hex.parse encode',
        'jose SignJWT jwt-sign',
        'jose SignJWT.setProtectedHeader jwt-sign',
        'jose SignJWT.setProtectedHeader.sign jwt-sign',
        '@aws-sdk/client-kms EncryptCommand encrypt',
        'libsodium crypto_secretbox_easy encrypt',
      ],
    );
  });

  it('resolves arguments by role, including properties of options objects held in constants', () => {
    const roles = analyze(
      `import crypto from 'crypto'; const opts = { authTagLength: 12 }; crypto.createCipheriv('aes-256-gcm', key, iv, opts);`,
      (context) => getApiCalls(context.sourceCode)[0].args.map((a) => `${a.role}=${context.sourceCode.getText(a.node)}`),
    );
    assert.deepEqual(roles, ["algorithm='aes-256-gcm'", 'key=key', 'iv=iv', 'tag-length=12']);
  });

  it('survives spread arguments and odd syntax', () => {
    assert.deepEqual(calls(`import crypto from 'crypto'; crypto.createCipheriv(...args); crypto['createHash']?.('md5');`), [
      'node:crypto createCipheriv encrypt',
      'node:crypto createHash hash',
    ]);
  });

  it('addresses the object a factory property returns (`0.useFactory().secret`)', () => {
    const secretOf = (code: string) =>
      analyze(code, ({ sourceCode }) => {
        const call = getApiCalls(sourceCode).find((c) => c.api.path.join('.') === 'JwtModule.registerAsync');
        return call?.args.filter((a) => a.role === 'secret').map((a) => sourceCode.getText(a.node));
      });
    const head = `import { JwtModule } from '@nestjs/jwt';\n`;
    assert.deepEqual(secretOf(head + `JwtModule.registerAsync({ useFactory: (c) => ({ secret: c.get('S') }) });`), [`c.get('S')`]);
    assert.deepEqual(secretOf(head + `JwtModule.registerAsync({ useFactory: async (c) => { return { secret: 'x' }; } });`), [`'x'`]);
    // Two returns, a factory from elsewhere, no factory: nothing to address.
    assert.deepEqual(secretOf(head + `JwtModule.registerAsync({ useFactory: (c) => { if (c) return { secret: 'a' }; return { secret: 'b' }; } });`), []);
    assert.deepEqual(secretOf(head + `JwtModule.registerAsync({ useFactory: makeOptions });`), []);
    assert.deepEqual(secretOf(head + `JwtModule.registerAsync({ useClass: JwtConfig });`), []);
  });
  it('follows a client declared by its type and made elsewhere (a parameter, a constructor parameter property, a default value), not an untyped or locally typed one', () => {
    assert.deepEqual(
      calls(`import { KMS } from '@aws-sdk/client-kms';
             import * as AWS from 'aws-sdk';
             import { KeyManagementServiceClient as Gcp } from '@google-cloud/kms';
             interface KMSLike { decrypt(x: object): Promise<unknown> }
             export class Keys {
               constructor(private readonly kms: KMS, private readonly gcp: Gcp = new Gcp(), private readonly other: KMSLike) {}
               issue() { return this.kms.generateDataKey({ KeyId: 'k', KeySpec: 'AES_256' }); }
               open(c: Uint8Array) { this.other.decrypt({ c }); return this.gcp.decrypt({ name: 'k', ciphertext: c }); }
             }
             export function seal(client: AWS.KMS, untyped, p: Uint8Array) { untyped.encrypt({ Plaintext: p }); return client.encrypt({ KeyId: 'k', Plaintext: p }).promise(); }`, 'file.ts'),
      [
        '@google-cloud/kms KeyManagementServiceClient client',
        '@aws-sdk/client-kms KMS.generateDataKey keygen',
        '@google-cloud/kms KeyManagementServiceClient.decrypt decrypt',
        'aws-sdk KMS.encrypt encrypt',
      ],
    );
  });

  it('follows a client method bound to its client (promisify(kms.encrypt.bind(kms)), kms.decrypt.bind(kms)) to the calls of the binding', () => {
    assert.deepEqual(
      calls(`const { promisify } = require('util');
             const AWS = require('aws-sdk');
             const kms = new AWS.KMS();
             const encrypt = promisify(kms.encrypt.bind(kms));
             const decrypt = kms.decrypt.bind(kms);
             const unrelated = promisify(other.encrypt.bind(other));
             async function run(p, c) { await encrypt({ KeyId: 'k', Plaintext: p }); decrypt({ CiphertextBlob: c }, () => {}); return unrelated({ Plaintext: p }); }`),
      ['aws-sdk KMS client', 'aws-sdk KMS.encrypt encrypt', 'aws-sdk KMS.decrypt decrypt'],
    );
  });
});
