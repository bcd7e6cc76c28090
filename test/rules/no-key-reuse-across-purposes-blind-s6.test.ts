import rule from '../../rules/no-key-reuse-across-purposes';
import { createRuleTester } from './rule-tester';

// Fourth lifecycle blind set (corpus key-purpose/blind-s6): keys reached through Nest's ConfigService,
// dependency-injection tokens (tsyringe, Nest providers), constructor parameter properties, Hono signed
// cookies, and an EC key pair used for both ECDSA and ECDH.
createRuleTester().run('no-key-reuse-across-purposes (blind-s6)', rule as never, {
  valid: [
    {
      name: 'settings of different names read through ConfigService are different keys',
      code: `import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createHmac } from 'node:crypto';
import * as jwt from 'jsonwebtoken';
@Injectable()
export class Tokens {
  constructor(private readonly config: ConfigService) {}
  issue(sub: string): string {
    return jwt.sign({ sub }, this.config.getOrThrow<string>('JWT_SECRET'), { algorithm: 'HS256' });
  }
  webhook(body: string): string {
    return createHmac('sha256', this.config.getOrThrow<string>('WEBHOOK_SECRET')).update(body).digest('hex');
  }
}`,
    },
    {
      name: 'a ConfigService setting used to sign and verify JWTs only',
      code: `import { ConfigService } from '@nestjs/config';
import * as jwt from 'jsonwebtoken';
export class Tokens {
  constructor(private readonly configService: ConfigService) {}
  issue(sub: string): string {
    return jwt.sign({ sub }, this.configService.get('JWT_SECRET'), { algorithm: 'HS256' });
  }
  read(token: string) {
    return jwt.verify(token, this.configService.get('JWT_SECRET'), { algorithms: ['HS256'] });
  }
}`,
    },
    {
      name: "get() on a request's headers is not a configuration lookup",
      code: `import { createHmac } from 'node:crypto';
import * as jwt from 'jsonwebtoken';
export function handle(req: { headers: Map<string, string> }, body: string) {
  const token = jwt.sign({ body }, process.env.JWT_SECRET!, { algorithm: 'HS256' });
  const mac = createHmac('sha256', req.headers.get('x-client-key')!).update(body).digest('hex');
  return { token, mac, other: createHmac('sha256', req.headers.get('x-client-key')!).update(token).digest('hex') };
}`,
    },
    {
      name: 'two DI tokens with their own values',
      code: `import { container, inject, injectable } from 'tsyringe';
import { createCipheriv, randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
export const JWT_SECRET = Symbol('JWT_SECRET');
export const VAULT_KEY = Symbol('VAULT_KEY');
container.register(JWT_SECRET, { useValue: process.env.JWT_SECRET ?? '' });
container.register(VAULT_KEY, { useValue: Buffer.from(process.env.VAULT_KEY ?? '', 'base64') });
@injectable()
export class Tokens {
  constructor(@inject(JWT_SECRET) private readonly secret: string) {}
  issue(sub: string): string {
    return jwt.sign({ sub }, this.secret, { algorithm: 'HS256' });
  }
}
@injectable()
export class Vault {
  constructor(@inject(VAULT_KEY) private readonly key: Buffer) {}
  seal(v: string): Buffer {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.key, iv);
    return Buffer.concat([iv, c.update(v), c.final(), c.getAuthTag()]);
  }
}`,
    },
    {
      name: 'an ECDSA pair and a separate ECDH pair',
      code: `import { diffieHellman, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
export class GatewayIdentity {
  private readonly signing = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  private readonly agreement = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  attest(body: Buffer): Buffer {
    return sign('sha256', body, this.signing.privateKey);
  }
  agree(peer: KeyObject): Buffer {
    return diffieHellman({ privateKey: this.agreement.privateKey, publicKey: peer });
  }
}`,
    },
    {
      name: 'an EC pair whose private key signs and whose public key verifies',
      code: `import { generateKeyPairSync, sign, verify } from 'node:crypto';
const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
export const attest = (body: Buffer) => sign('sha256', body, pair.privateKey);
export const check = (body: Buffer, sig: Buffer) => verify('sha256', body, pair.publicKey, sig);`,
    },
    {
      name: 'Hono signed cookies and JWTs with their own secrets',
      code: `import { Hono } from 'hono';
import { getSignedCookie, setSignedCookie } from 'hono/cookie';
import { sign } from 'hono/jwt';
const app = new Hono<{ Bindings: { COOKIE_SECRET: string; JWT_SECRET: string } }>();
app.post('/login', async (c) => {
  await setSignedCookie(c, 'uid', 'u1', c.env.COOKIE_SECRET);
  return c.json({ token: await sign({ sub: 'u1' }, c.env.JWT_SECRET, 'HS256') });
});
app.get('/me', async (c) => c.json({ uid: await getSignedCookie(c, c.env.COOKIE_SECRET, 'uid') }));
export default app;`,
    },
    {
      name: 'a constructor parameter property used to encrypt and decrypt only',
      code: `import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
export class Sealer {
  constructor(private readonly key: Buffer) {}
  seal(m: Buffer): Buffer {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.key, iv);
    return Buffer.concat([iv, c.update(m), c.final(), c.getAuthTag()]);
  }
  open(b: Buffer): Buffer {
    const d = createDecipheriv('aes-256-gcm', this.key, b.subarray(0, 12));
    d.setAuthTag(b.subarray(b.length - 16));
    return Buffer.concat([d.update(b.subarray(12, b.length - 16)), d.final()]);
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'an EC key pair generated once, used for ECDSA signatures and for ECDH',
      code: `import { diffieHellman, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
export class GatewayIdentity {
  private readonly privateKey: KeyObject;
  constructor() {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.privateKey = pair.privateKey;
  }
  attest(body: Buffer): Buffer {
    return sign('sha256', body, this.privateKey);
  }
  agree(peer: KeyObject): Buffer {
    return diffieHellman({ privateKey: this.privateKey, publicKey: peer });
  }
}`,
      errors: [{ messageId: 'reusedKeyPair', line: 5, column: 11, suggestions: [] }],
    },
    {
      name: 'a Hono secret for signed cookies (HMAC) and for HS256 tokens',
      code: `import { Hono } from 'hono';
import { setSignedCookie } from 'hono/cookie';
import { sign } from 'hono/jwt';
const app = new Hono<{ Bindings: { AUTH_SECRET: string } }>();
app.post('/login', async (c) => {
  const secret = c.env.AUTH_SECRET;
  await setSignedCookie(c, 'uid', 'u1', secret);
  return c.json({ token: await sign({ sub: 'u1' }, secret, 'HS256') });
});
export default app;`,
      errors: [{ messageId: 'reused', line: 6, column: 9, suggestions: [] }],
    },
    {
      name: "one setting read through Nest's ConfigService in two services, for a JWT and an HMAC",
      code: `import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createHmac } from 'node:crypto';
import * as jwt from 'jsonwebtoken';
@Injectable()
export class Tokens {
  constructor(private readonly config: ConfigService) {}
  issue(sub: string): string {
    return jwt.sign({ sub }, this.config.getOrThrow<string>('APP_SECRET'), { algorithm: 'HS256' });
  }
}
@Injectable()
export class Webhooks {
  constructor(private readonly configService: ConfigService) {}
  sign(body: string): string {
    return createHmac('sha256', this.configService.get<string>('APP_SECRET')!).update(body).digest('hex');
  }
}`,
      errors: [{ messageId: 'reused', line: 16, column: 33, suggestions: [] }],
    },
    {
      name: 'a value registered in a tsyringe container and injected into two classes, for a JWT and (hashed) a cipher key',
      code: `import { container, inject, injectable } from 'tsyringe';
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
export const APP_SECRET = Symbol('APP_SECRET');
container.register(APP_SECRET, { useValue: process.env.APP_SECRET ?? '' });
@injectable()
export class Tokens {
  constructor(@inject(APP_SECRET) private readonly secret: string) {}
  issue(sub: string): string {
    return jwt.sign({ sub }, this.secret, { algorithm: 'HS256' });
  }
}
@injectable()
export class Vault {
  private readonly key: Buffer;
  constructor(@inject(APP_SECRET) secret: string) {
    this.key = createHash('sha256').update(secret).digest();
  }
  seal(v: string): Buffer {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.key, iv);
    return Buffer.concat([iv, c.update(v), c.final(), c.getAuthTag()]);
  }
}`,
      errors: [{ messageId: 'reused', line: 5, column: 44, suggestions: [] }],
    },
    {
      name: 'a Nest provider value injected by a string token, for a JWT and an HMAC',
      code: `import { Inject, Injectable, Module } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import * as jwt from 'jsonwebtoken';
@Injectable()
class Signer {
  constructor(@Inject('SIGNING_SECRET') private readonly secret: string) {}
  token(sub: string): string {
    return jwt.sign({ sub }, this.secret, { algorithm: 'HS256' });
  }
  mac(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('hex');
  }
}
@Module({ providers: [Signer, { provide: 'SIGNING_SECRET', useValue: process.env.SIGNING_SECRET }] })
export class SigningModule {}`,
      errors: [{ messageId: 'reused', line: 14, column: 70, suggestions: [] }],
    },
    {
      name: 'a constructor parameter property used to encrypt and to MAC: reported at the second conflicting use',
      code: `import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
export class BusSealer {
  constructor(private readonly key: Buffer) {}
  seal(m: Buffer): Buffer {
    const iv = randomBytes(16);
    const c = createCipheriv('aes-256-cbc', this.key, iv);
    const body = Buffer.concat([iv, c.update(m), c.final()]);
    return Buffer.concat([body, createHmac('sha256', this.key).update(body).digest()]);
  }
}`,
      errors: [{
        messageId: 'reused',
        line: 8,
        column: 54,
        suggestions: [{
          messageId: 'deriveSubkeys',
          output: `import { createCipheriv, createHmac, randomBytes, hkdfSync } from 'node:crypto';
export class BusSealer {
  constructor(private readonly key: Buffer) {}
  seal(m: Buffer): Buffer {
    const iv = randomBytes(16);
    const c = createCipheriv('aes-256-cbc', Buffer.from(hkdfSync('sha256', this.key, new Uint8Array(0), 'keywarden:encrypt', 32)), iv);
    const body = Buffer.concat([iv, c.update(m), c.final()]);
    return Buffer.concat([body, createHmac('sha256', Buffer.from(hkdfSync('sha256', this.key, new Uint8Array(0), 'keywarden:mac', 32))).update(body).digest()]);
  }
}`,
        }],
      }],
    },
  ],
});
