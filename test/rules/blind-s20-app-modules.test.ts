import noHardcodedKey from '../../rules/no-hardcoded-key';
import noKeyReuse from '../../rules/no-key-reuse-across-purposes';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the twentieth blind set (part B: long application modules) found misjudged: the character set a
// generator picks from (`SECRET_ALPHABET = 'abc…XYZ0123456789'`) read as key material; MD5/SHA-1 digests
// named by a thumbnail key layout (`thumb:${width}:${digest}`), by a grouping key (`crashGroupKey`) or as a
// payment reference (`transferReference`) read as security uses; and a key pair generated in a class field
// initializer (`private readonly pair = generateKeyPairSync(…)`) reported at its second use instead of on
// the field that defines it.

const ruleTester = createRuleTester();

ruleTester.run('no-hardcoded-key (blind-s20 shapes)', noHardcodedKey, {
  valid: [
    {
      name: 'the alphabet a client-side secret generator picks from is not a key',
      code: `const SECRET_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export function pick(i: number): string {
  return SECRET_ALPHABET.charAt(i % SECRET_ALPHABET.length);
}`,
    },
    {
      name: "base58's character set under a key-ish name",
      code: `export const API_KEY_CHARSET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';`,
    },
  ],
  invalid: [
    {
      name: 'a random base64 secret is still key material (every character once is not enough to be an alphabet)',
      code: `export const WEBHOOK_SECRET = 'tG+kw7gxRUIvn4XNH9W8dNtPvPCKqAb8lcisTvU2WOg=';`,
      errors: [
        {
          messageId: 'keyLikeConstant',
          line: 1,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              data: { envVar: 'WEBHOOK_SECRET', format: 'the same string' },
              output: `export const WEBHOOK_SECRET = requireEnv('WEBHOOK_SECRET');${REQUIRE_ENV_TS}`,
            },
          ],
        },
      ],
    },
  ],
});

const groupInviteToken = `import { createHash } from 'node:crypto';
export function groupInviteToken(groupId: string, now: number): string {
  return createHash('sha1').update(groupId + ':' + now).digest('hex');
}`;
const thumbOfPassword = `import { createHash } from 'node:crypto';
export function thumbFor(password: string) {
  console.log(\`thumb:\${createHash('md5').update(password).digest('hex')}\`);
}`;

ruleTester.run('no-weak-algorithm (blind-s20 shapes)', noWeakAlgorithm, {
  valid: [
    {
      name: 'an MD5 printed inside a thumbnail key layout is a cache key',
      code: `import { createHash } from 'node:crypto';
export function printThumbKey(objectKey: string, width: string) {
  const digest = createHash('md5').update(\`\${objectKey}@\${width}\`).digest('hex');
  console.log(\`thumb:\${width}:\${digest}\`);
}`,
    },
    {
      name: 'SHA-1 that groups identical crash reports (a grouping key)',
      code: `import { createHash } from 'node:crypto';
export function crashGroupKey(stack: string): string {
  const normalised = stack.replace(/:\\d+:\\d+/g, '');
  return createHash('sha1').update(normalised).digest('hex');
}`,
    },
    {
      name: 'MD5 of an invoice number as a bank-transfer reference (an identifier of public data)',
      code: `import { createHash } from 'node:crypto';
export function transferReference(invoiceNumber: string, country: string): string {
  const digest = createHash('md5').update(invoiceNumber).digest('hex').slice(0, 8).toUpperCase();
  return country === 'DE' ? \`RF\${digest}\` : digest;
}`,
    },
  ],
  invalid: [
    {
      name: 'a group alone is no grouping key: a SHA-1 group invitation token is a token',
      code: groupInviteToken,
      errors: [{ messageId: 'weakHash', line: 3, suggestions: [{ messageId: 'useSha256Migrate', output: groupInviteToken.replace("'sha1'", "'sha256'") }] }],
    },
    {
      name: 'a thumbnail key layout does not cover a digest of a password',
      code: thumbOfPassword,
      errors: [{ messageId: 'weakHash', line: 3, suggestions: [{ messageId: 'useSha256Migrate', output: thumbOfPassword.replace("'md5'", "'sha256'") }] }],
    },
  ],
});

ruleTester.run('no-key-reuse-across-purposes (blind-s20 shapes)', noKeyReuse, {
  valid: [
    {
      name: 'a key pair generated in a field and used only for signatures',
      code: `import { generateKeyPairSync, sign } from 'node:crypto';
export class Signer {
  private readonly pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  a(data: Buffer) { return sign('sha256', data, this.pair.privateKey); }
  b(data: Buffer) { return sign('sha256', data, { key: this.pair.privateKey, dsaEncoding: 'ieee-p1363' }); }
}`,
    },
  ],
  invalid: [
    {
      name: 'a field-initialised P-256 pair that signs and does ECDH is reported on the field',
      code: `import { createPublicKey, diffieHellman, generateKeyPairSync, sign } from 'node:crypto';
export class Primary {
  private readonly accountKeys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  cert(data: Buffer) {
    return sign('sha256', data, { key: this.accountKeys.privateKey, dsaEncoding: 'ieee-p1363' });
  }
  agree(pub: Buffer) {
    return diffieHellman({ privateKey: this.accountKeys.privateKey, publicKey: createPublicKey(pub) });
  }
}`,
      errors: [{ messageId: 'reusedKeyPair', line: 3 }],
    },
    {
      name: 'a pair assigned once in the constructor from generateKeyPairSync is defined by that assignment',
      code: `import { generateKeyPairSync, privateDecrypt, sign } from 'node:crypto';
export class Licences {
  private readonly pair;
  constructor() {
    this.pair = generateKeyPairSync('rsa', { modulusLength: 3072 });
  }
  issue(data: Buffer) { return sign('sha256', data, this.pair.privateKey); }
  open(sealed: Buffer) { return privateDecrypt(this.pair.privateKey, sealed); }
}`,
      errors: [{ messageId: 'reusedKeyPair', line: 5 }],
    },
    {
      name: 'a static field holding a generated pair, read through the class name, is defined by its initializer',
      code: `import { generateKeyPairSync, privateDecrypt, sign } from 'node:crypto';
export class Licences {
  static readonly pair = generateKeyPairSync('rsa', { modulusLength: 3072 });
  issue(data: Buffer) { return sign('sha256', data, Licences.pair.privateKey); }
  open(sealed: Buffer) { return privateDecrypt(Licences.pair.privateKey, sealed); }
}`,
      errors: [{ messageId: 'reusedKeyPair', line: 3 }],
    },
    {
      name: 'a static secret from the environment used for a MAC and a cipher is reported on the field',
      code: `import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
export class Tokens {
  static readonly secret = Buffer.from(process.env.TOKENS_SECRET ?? '', 'base64');
  mac(data: string) { return createHmac('sha256', Tokens.secret).update(data).digest(); }
  seal(data: Buffer) { return createCipheriv('aes-256-gcm', Tokens.secret, randomBytes(12)).update(data); }
}`,
      errors: [
        {
          messageId: 'reused',
          line: 3,
          suggestions: [
            {
              messageId: 'deriveSubkeys',
              output: `import { createCipheriv, createHmac, randomBytes, hkdfSync } from 'node:crypto';
export class Tokens {
  static readonly secret = Buffer.from(process.env.TOKENS_SECRET ?? '', 'base64');
  mac(data: string) { return createHmac('sha256', Buffer.from(hkdfSync('sha256', Tokens.secret, new Uint8Array(0), 'keywarden:mac', 32))).update(data).digest(); }
  seal(data: Buffer) { return createCipheriv('aes-256-gcm', Buffer.from(hkdfSync('sha256', Tokens.secret, new Uint8Array(0), 'keywarden:encrypt', 32)), randomBytes(12)).update(data); }
}`,
            },
          ],
        },
      ],
    },
  ],
});
