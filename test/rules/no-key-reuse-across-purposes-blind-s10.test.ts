import rule from '../../rules/no-key-reuse-across-purposes';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRuleTester, createTypedRuleTester, TYPED_FIXTURE_DIR } from './rule-tester';

// Seventh lifecycle blind set (corpus key-purpose/blind-s10): a Worker's environment bindings read through
// each handler's parameter (`c.env.X` in Hono, `env.X` in a Cloudflare handler) are one key across the
// handlers; iron-session seals (encrypts) with its password, so an HMAC with the same secret is a second
// purpose; and typed accessors of a config class of the file (`appConfig.jwtSecret` getters) used with an
// injected Nest `JwtService`.
const honoTwoHandlers = `import { Hono } from 'hono';
import { getSignedCookie, setSignedCookie } from 'hono/cookie';
import { sign, verify } from 'hono/jwt';
const app = new Hono<{ Bindings: { APP_SECRET: string } }>();
app.post('/login', async (c) => {
  await setSignedCookie(c, 'sid', crypto.randomUUID(), c.env.APP_SECRET);
  return c.json({ token: await sign({ sub: 'u' }, c.env.APP_SECRET, 'HS256') });
});
app.get('/me', async (c) => {
  const sid = await getSignedCookie(c, c.env.APP_SECRET, 'sid');
  const claims = await verify(c.req.header('x-token') ?? '', c.env.APP_SECRET, 'HS256');
  return c.json({ sid, sub: claims.sub });
});
export default app;
`;
const workerEnvTwoFunctions = `import { createHmac } from 'node:crypto';
import jwt from 'jsonwebtoken';
export function webhookSignature(env: { APP_SECRET: string }, body: string): string {
  return createHmac('sha256', env.APP_SECRET).update(body).digest('hex');
}
export function apiToken(env: { APP_SECRET: string }, sub: string): string {
  return jwt.sign({ sub }, env.APP_SECRET, { algorithm: 'HS256' });
}
`;
const ironAndHmac = `import { getIronSession, type SessionOptions } from 'iron-session';
import { cookies } from 'next/headers';
import { createHmac } from 'node:crypto';
export const sessionOptions: SessionOptions = { password: process.env.COOKIE_SECRET as string, cookieName: 's' };
export async function session() {
  return getIronSession(await cookies(), sessionOptions);
}
export function csrf(seed: string): string {
  return createHmac('sha256', process.env.COOKIE_SECRET as string).update(seed).digest('hex');
}
`;
const nestGetters = `import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { createHmac } from 'node:crypto';
@Injectable()
export class AppConfig {
  constructor(private readonly config: ConfigService) {}
  get tokenSecret(): string {
    return this.config.getOrThrow<string>('APP_KEY');
  }
  get callbackSecret(): string {
    return this.config.getOrThrow<string>('APP_KEY');
  }
}
@Injectable()
export class Callbacks {
  constructor(private readonly appConfig: AppConfig, private readonly jwt: JwtService) {}
  send(body: string): { signature: string; token: string } {
    const signature = createHmac('sha256', this.appConfig.callbackSecret).update(body).digest('hex');
    const token = this.jwt.sign({ sub: 'partner' }, { secret: this.appConfig.tokenSecret, algorithm: 'HS256' });
    return { signature, token };
  }
}
`;

createRuleTester().run('no-key-reuse-across-purposes (blind-s10)', rule, {
  valid: [
    { name: 'two different Hono bindings for the signed cookie and the JWT', code: `import { Hono } from 'hono';
import { setSignedCookie } from 'hono/cookie';
import { sign } from 'hono/jwt';
const app = new Hono<{ Bindings: { COOKIE_SECRET: string; JWT_SECRET: string } }>();
app.post('/login', async (c) => {
  await setSignedCookie(c, 'sid', crypto.randomUUID(), c.env.COOKIE_SECRET);
  return c.json({ token: await sign({ sub: 'u' }, c.env.JWT_SECRET, 'HS256') });
});
` },
    { name: 'iron-session seal and unseal with one password: one purpose', code: `import { sealData, unsealData } from 'iron-session';
export const seal = (v: object) => sealData(v, { password: process.env.LINK_SECRET as string });
export const unseal = (s: string) => unsealData(s, { password: process.env.LINK_SECRET as string });
` },
    { name: 'a registerAs namespace whose two settings are injected for AES and for an HMAC', code: `import { Inject, Injectable } from '@nestjs/common';
import { registerAs, type ConfigType } from '@nestjs/config';
import { createCipheriv, createHmac } from 'node:crypto';
export const cryptoConfig = registerAs('crypto', () => ({
  secret: process.env.CRYPTO_SECRET,
  linkSecret: process.env.LINK_SECRET,
}));
@Injectable()
export class Sealer {
  constructor(@Inject(cryptoConfig.KEY) private readonly cfg: ConfigType<typeof cryptoConfig>) {}
  seal(data: Buffer, iv: Buffer): Buffer {
    return createCipheriv('aes-256-gcm', Buffer.from(this.cfg.secret!, 'hex'), iv).update(data);
  }
}
@Injectable()
export class Links {
  constructor(@Inject(cryptoConfig.KEY) private readonly cfg: ConfigType<typeof cryptoConfig>) {}
  sign(path: string): string {
    return createHmac('sha256', this.cfg.linkSecret!).update(path).digest('hex');
  }
}
` },
    { name: 'config-class getters reading two different settings for a MAC and a JWT', code: `import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { createHmac } from 'node:crypto';
export class AppConfig {
  constructor(private readonly config: ConfigService) {}
  get tokenSecret(): string {
    return this.config.getOrThrow<string>('JWT_SECRET');
  }
  get callbackSecret(): string {
    return this.config.getOrThrow<string>('CALLBACK_SECRET');
  }
}
export class Callbacks {
  constructor(private readonly appConfig: AppConfig, private readonly jwt: JwtService) {}
  send(body: string) {
    const signature = createHmac('sha256', this.appConfig.callbackSecret).update(body).digest('hex');
    return { signature, token: this.jwt.sign({ sub: 'p' }, { secret: this.appConfig.tokenSecret }) };
  }
}
` },
  ],
  invalid: [
    {
      name: 'c.env.APP_SECRET in two Hono handlers is one key: one finding, at the first conflicting use',
      code: honoTwoHandlers,
      errors: [{ messageId: 'reused', line: 7, column: 51, suggestions: [] }],
    },
    {
      name: 'env.APP_SECRET of two handler functions, one HMAC and one JWT, is one key used for two purposes',
      code: workerEnvTwoFunctions,
      errors: [{ messageId: 'reused', line: 7, column: 28, suggestions: [] }],
    },
    {
      name: 'iron-session password (encrypts) reused as an HMAC key for CSRF tokens',
      code: ironAndHmac,
      errors: [{ messageId: 'reused', line: 9, column: 31, suggestions: [] }],
    },
    {
      name: 'one setting of a registerAs namespace injected with @Inject(config.KEY) into an AES sealer and an HMAC signer',
      code: `import { Inject, Injectable } from '@nestjs/common';
import { registerAs, type ConfigType } from '@nestjs/config';
import { createCipheriv, createHmac } from 'node:crypto';
export const cryptoConfig = registerAs('crypto', () => ({
  secret: process.env.CRYPTO_SECRET,
  linkSecret: process.env.LINK_SECRET,
}));
@Injectable()
export class Sealer {
  constructor(@Inject(cryptoConfig.KEY) private readonly cfg: ConfigType<typeof cryptoConfig>) {}
  seal(data: Buffer, iv: Buffer): Buffer {
    return createCipheriv('aes-256-gcm', Buffer.from(this.cfg.secret!, 'hex'), iv).update(data);
  }
}
@Injectable()
export class Links {
  constructor(@Inject(cryptoConfig.KEY) private readonly cfg: ConfigType<typeof cryptoConfig>) {}
  sign(path: string): string {
    return createHmac('sha256', this.cfg.secret!).update(path).digest('hex');
  }
}
`,
      errors: [{ messageId: 'reused', line: 5, column: 11, suggestions: [{ messageId: 'deriveSubkeys', data: { name: '`this.cfg.secret`' }, output: `import { Inject, Injectable } from '@nestjs/common';
import { registerAs, type ConfigType } from '@nestjs/config';
import { createCipheriv, createHmac, hkdfSync } from 'node:crypto';
export const cryptoConfig = registerAs('crypto', () => ({
  secret: process.env.CRYPTO_SECRET,
  linkSecret: process.env.LINK_SECRET,
}));
@Injectable()
export class Sealer {
  constructor(@Inject(cryptoConfig.KEY) private readonly cfg: ConfigType<typeof cryptoConfig>) {}
  seal(data: Buffer, iv: Buffer): Buffer {
    return createCipheriv('aes-256-gcm', Buffer.from(hkdfSync('sha256', Buffer.from(this.cfg.secret!, 'hex'), new Uint8Array(0), 'keywarden:encrypt', 32)), iv).update(data);
  }
}
@Injectable()
export class Links {
  constructor(@Inject(cryptoConfig.KEY) private readonly cfg: ConfigType<typeof cryptoConfig>) {}
  sign(path: string): string {
    return createHmac('sha256', Buffer.from(hkdfSync('sha256', this.cfg.secret!, new Uint8Array(0), 'keywarden:mac', 32))).update(path).digest('hex');
  }
}
` }] }],
    },
    {
      name: 'two getters of a config class of the file return one setting, used for an HMAC and an injected JwtService',
      code: nestGetters,
      errors: [{ messageId: 'reused', line: 20, column: 63, suggestions: [] }],
    },
  ],
});

// With type information: a key exported by one module and used by its importers (one through a barrel
// re-export, one through a plain SHA-256 of it) for an HMAC and a cipher is reported on its definition.
const fixture = (name: string) => ({ code: fs.readFileSync(path.join(TYPED_FIXTURE_DIR, name), 'utf8'), filename: name });
createTypedRuleTester().run('no-key-reuse-across-purposes (blind-s10, importers)', rule as never, {
  valid: [{ name: 'an exported key its importers all use as a MAC key', ...fixture('mac-only-key.ts') }],
  invalid: [
    {
      name: 'an exported key used by one importer for an HMAC and by another (hashed) for AES',
      ...fixture('keyring-platform.ts'),
      errors: [{ messageId: 'reused', line: 2, column: 14 }],
    },
  ] as never,
});
