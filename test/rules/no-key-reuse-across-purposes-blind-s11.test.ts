import rule from '../../rules/no-key-reuse-across-purposes';
import { createRuleTester } from './rule-tester';

// Eighth lifecycle blind set (corpus key-purpose/blind-s11): a guard `if` that returns is a dispatch like
// `if`/`else`; a nacl box secret key is a Diffie-Hellman private key (kdf-input), not a secretbox key; values
// registered by name in an awilix container or by a Nest `useFactory` provider are one key in every class
// they are injected into; a TLS certificate's private key has the purpose `tls`.
const guardDispatch = `import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
export function apply(mode: 'mac' | 'encrypt', key: Buffer, data: Buffer): Buffer {
  if (mode === 'mac') return createHmac('sha256', key).update(data).digest();
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  return Buffer.concat([iv, c.update(data), c.final(), c.getAuthTag()]);
}
`;
const guardWithModuleKey = `import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
const SERVICE_KEY = Buffer.from(process.env.SERVICE_KEY ?? '', 'hex');
export function protect(purpose: 'sign' | 'seal', value: string): string {
  if (purpose === 'sign') {
    return createHmac('sha256', SERVICE_KEY).update(value).digest('base64url');
  }
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', SERVICE_KEY, iv);
  return Buffer.concat([iv, c.update(value, 'utf8'), c.final(), c.getAuthTag()]).toString('base64url');
}
`;
const naclSecretboxAndBox = `const nacl = require('tweetnacl');
function session(vaultKey) {
  const pair = nacl.box.keyPair.fromSecretKey(vaultKey);
  const seal = (msg, nonce) => nacl.secretbox(msg, nonce, vaultKey);
  return { publicKey: pair.publicKey, seal };
}
module.exports = { session };
`;
const awilixTwoClasses = `const { createContainer, asClass, asValue } = require('awilix');
const crypto = require('crypto');
class Signer {
  constructor({ appSecret }) {
    this.appSecret = appSecret;
  }
  sign(body) {
    return crypto.createHmac('sha256', this.appSecret).update(body).digest('hex');
  }
}
class Vault {
  constructor({ appSecret }) {
    this.key = crypto.createHash('sha256').update(appSecret).digest();
  }
  seal(iv, data) {
    return crypto.createCipheriv('aes-256-gcm', this.key, iv).update(data);
  }
}
const container = createContainer();
container.register({
  appSecret: asValue(process.env.APP_SECRET),
  signer: asClass(Signer),
  vault: asClass(Vault),
});
module.exports = { container };
`;
const nestFactoryTwoClasses = `import { Inject, Injectable, Module } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { privateDecrypt } from 'node:crypto';
import * as jwt from 'jsonwebtoken';
export const ISSUER_KEY = Symbol('ISSUER_KEY');
@Injectable()
export class Issuer {
  constructor(@Inject(ISSUER_KEY) private readonly pem: string) {}
  issue(sub: string): string {
    return jwt.sign({ sub }, this.pem, { algorithm: 'RS256' });
  }
}
@Injectable()
export class Reader {
  constructor(@Inject(ISSUER_KEY) private readonly key: string) {}
  open(wrapped: Buffer): Buffer {
    return privateDecrypt(this.key, wrapped);
  }
}
@Module({ providers: [{ provide: ISSUER_KEY, useFactory: () => readFileSync('/run/secrets/issuer.pem', 'utf8') }, Issuer, Reader] })
export class IssuerModule {}
`;
const tlsKeySignsJwts = `import { readFileSync } from 'node:fs';
import https from 'node:https';
import jwt from 'jsonwebtoken';
const serverKey = readFileSync('/etc/gateway/tls/server.key');
const serverCert = readFileSync('/etc/gateway/tls/server.crt');
export function session(sub: string): string {
  return jwt.sign({ sub }, serverKey, { algorithm: 'RS256', expiresIn: '8h' });
}
https.createServer({ key: serverKey, cert: serverCert }, () => {}).listen(8443);
`;

createRuleTester().run('no-key-reuse-across-purposes (blind-s11)', rule, {
  valid: [
    { name: 'a guard `if` that returns dispatches one caller-given key to one operation per call', code: guardDispatch },
    {
      name: 'a `switch` on a parameter dispatches one caller-given key to one operation per call',
      code: `import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
export function apply(mode: string, key: Buffer, data: Buffer): Buffer {
  switch (mode) {
    case 'mac':
      return createHmac('sha256', key).update(data).digest();
    case 'encrypt': {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      return Buffer.concat([iv, c.update(data), c.final(), c.getAuthTag()]);
    }
    default:
      throw new Error('unknown mode');
  }
}
`,
    },
    {
      name: 'a nacl box secret key used to make its key pair and to open boxes is one purpose (agreement)',
      code: `const nacl = require('tweetnacl');
function inbox(secretKey) {
  const pair = nacl.box.keyPair.fromSecretKey(secretKey);
  const open = (box, nonce, from) => nacl.box.open(box, nonce, from, secretKey);
  const shared = (peer) => nacl.box.before(peer, secretKey);
  return { publicKey: pair.publicKey, open, shared };
}
module.exports = { inbox };
`,
    },
    {
      name: 'awilix: two values registered by name, each used by one class for one purpose',
      code: `const { createContainer, asClass, asValue } = require('awilix');
const crypto = require('crypto');
class Signer {
  constructor({ macKey }) { this.macKey = macKey; }
  sign(body) { return crypto.createHmac('sha256', this.macKey).update(body).digest('hex'); }
}
class Vault {
  constructor({ encKey }) { this.encKey = encKey; }
  seal(iv, data) { return crypto.createCipheriv('aes-256-gcm', this.encKey, iv).update(data); }
}
const container = createContainer();
container.register({ macKey: asValue(process.env.MAC_KEY), encKey: asValue(process.env.ENC_KEY), signer: asClass(Signer), vault: asClass(Vault) });
`,
    },
    {
      name: 'a TLS key used only by the server, tokens signed with their own key',
      code: `import { readFileSync } from 'node:fs';
import https from 'node:https';
import jwt from 'jsonwebtoken';
const tlsKey = readFileSync('/run/secrets/tls.key');
const tokenKey = readFileSync('/run/secrets/token.pem');
export const token = (sub: string) => jwt.sign({ sub }, tokenKey, { algorithm: 'ES256' });
https.createServer({ key: tlsKey, cert: readFileSync('/run/secrets/tls.crt') }).listen(443);
`,
    },
  ],
  invalid: [
    {
      name: 'a guard `if` over a module key is still reuse: every call shares the key',
      code: guardWithModuleKey,
      errors: [{ messageId: 'reused', line: 2, column: 7, suggestions: [{ messageId: 'deriveSubkeys', data: { name: '`SERVICE_KEY`' }, output: `import { createCipheriv, createHmac, randomBytes, hkdfSync } from 'node:crypto';
const SERVICE_KEY = Buffer.from(process.env.SERVICE_KEY ?? '', 'hex');
export function protect(purpose: 'sign' | 'seal', value: string): string {
  if (purpose === 'sign') {
    return createHmac('sha256', Buffer.from(hkdfSync('sha256', SERVICE_KEY, new Uint8Array(0), 'keywarden:mac', 32))).update(value).digest('base64url');
  }
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', Buffer.from(hkdfSync('sha256', SERVICE_KEY, new Uint8Array(0), 'keywarden:encrypt', 32)), iv);
  return Buffer.concat([iv, c.update(value, 'utf8'), c.final(), c.getAuthTag()]).toString('base64url');
}
` }] }],
    },
    {
      name: 'one parameter used as a secretbox key and as the X25519 secret key of a box key pair',
      code: naclSecretboxAndBox,
      errors: [{ messageId: 'reused', line: 4, column: 59, suggestions: [] }],
    },
    {
      name: 'awilix: one value registered by name, HMAC key in one class and (hashed) cipher key in another',
      code: awilixTwoClasses,
      errors: [{ messageId: 'reused', line: 21, column: 22, suggestions: [{ messageId: 'deriveSubkeys', data: { name: '`this.appSecret`' }, output: awilixTwoClasses
        .replace("createHmac('sha256', this.appSecret)", "createHmac('sha256', Buffer.from(crypto.hkdfSync('sha256', this.appSecret, new Uint8Array(0), 'keywarden:mac', 32)))")
        .replace("createCipheriv('aes-256-gcm', this.key, iv)", "createCipheriv('aes-256-gcm', Buffer.from(crypto.hkdfSync('sha256', this.key, new Uint8Array(0), 'keywarden:encrypt', 32)), iv)") }] }],
    },
    {
      name: 'Nest: one `useFactory` provider injected into a JWT issuer (RS256) and an RSA decryptor',
      code: nestFactoryTwoClasses,
      errors: [{ messageId: 'reusedKeyPair', line: 20, column: 64 }],
    },
    {
      name: 'a TLS client key also used as an HMAC key: a key pair, so no HKDF rewrite is offered',
      code: `import { readFileSync } from 'node:fs';
import https from 'node:https';
import { createHmac } from 'node:crypto';
const clientKey = readFileSync('/etc/client.key');
export const agent = new https.Agent({ key: clientKey, cert: readFileSync('/etc/client.crt') });
export const tag = (body: string) => createHmac('sha256', clientKey).update(body).digest('hex');
`,
      errors: [{ messageId: 'reusedKeyPair', line: 4, column: 7 }],
    },
    {
      name: 'TLS keys given to undici (`connect.key`) and to tls.connect as the third argument, each also signing',
      code: `import tls from 'node:tls';
import { Agent } from 'undici';
import { readFileSync } from 'node:fs';
import { createSign } from 'node:crypto';
const clientKey = readFileSync('/etc/client.key');
const other = readFileSync('/etc/other.key');
export const dispatcher = new Agent({ connect: { key: clientKey, cert: readFileSync('/etc/client.crt') } });
export const sock = () => tls.connect(443, 'bank.example', { key: other, cert: readFileSync('/etc/other.crt') });
export const sig = (b: string) => createSign('sha256').update(b).sign(clientKey, 'base64');
export const sig2 = (b: string) => createSign('sha256').update(b).sign(other, 'base64');
`,
      errors: [
        { messageId: 'reusedKeyPair', line: 5, column: 7 },
        { messageId: 'reusedKeyPair', line: 6, column: 7 },
      ],
    },
    {
      name: 'the TLS server key also signs RS256 session tokens',
      code: tlsKeySignsJwts,
      errors: [{ messageId: 'reusedKeyPair', line: 4, column: 7 }],
    },
  ],
});
