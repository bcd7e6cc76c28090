import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import minKeyStrength from '../../rules/min-key-strength';
import { createRuleTester } from './rule-tester';

// Shapes the twenty-eighth blind set (part C: email, messaging and document signing — nodemailer with DKIM, ESP
// webhooks, OpenPGP.js, S/MIME, PDF sealing, unsubscribe and tracking links, secure-message portals, SMS OTP) found
// missed or misjudged: the preferred symmetric algorithm written into a new OpenPGP key (`generateKey({ config: {
// preferredSymmetricAlgorithm: enums.symmetric.cast5 } })`: senders encrypt to that key with it), and an MD5 of an
// inline image's or attachment's bytes used as its name (content addressing, like a file's digest).

const ruleTester = createRuleTester();

ruleTester.run('no-weak-algorithm (blind-s28 OpenPGP key preferences)', noWeakAlgorithm, {
  valid: [
    {
      name: 'a new OpenPGP key that prefers AES-256',
      code: `import * as openpgp from 'openpgp';
export async function mailboxKey(email: string, passphrase: string) {
  return openpgp.generateKey({
    type: 'ecc',
    curve: 'curve25519',
    userIDs: [{ email }],
    passphrase,
    config: { preferredSymmetricAlgorithm: openpgp.enums.symmetric.aes256, preferredHashAlgorithm: openpgp.enums.hash.sha256 },
  });
}
`,
    },
    {
      name: 'a new OpenPGP key with the library defaults',
      code: `import { generateKey } from 'openpgp';
export const mailboxKey = (email: string, passphrase: string) => generateKey({ type: 'ecc', curve: 'curve25519', userIDs: [{ email }], passphrase });
`,
    },
  ],
  invalid: [
    {
      name: 'a new OpenPGP key that prefers CAST5',
      code: `import * as openpgp from 'openpgp';
export async function legacyMailboxKey(email: string, passphrase: string) {
  return openpgp.generateKey({
    type: 'ecc',
    curve: 'curve25519',
    userIDs: [{ email }],
    passphrase,
    config: { preferredSymmetricAlgorithm: openpgp.enums.symmetric.cast5 },
  });
}
`,
      errors: [{ messageId: 'weakCipher', line: 8 }],
    },
    {
      name: 'a new OpenPGP key that prefers 3DES, through a named import',
      code: `const { generateKey, enums } = require('openpgp');
async function legacyKey(email, passphrase) {
  return generateKey({ userIDs: [{ email }], passphrase, config: { preferredSymmetricAlgorithm: enums.symmetric.tripledes } });
}
module.exports = { legacyKey };
`,
      filename: 'case.js',
      errors: [{ messageId: 'weakCipher', line: 3 }],
    },
  ],
});

ruleTester.run('min-key-strength (blind-s28 OpenPGP RSA keys)', minKeyStrength, {
  valid: [
    {
      name: 'a 3072-bit OpenPGP RSA key',
      code: `import * as openpgp from 'openpgp';
export const legacyKey = (email: string) => openpgp.generateKey({ type: 'rsa', rsaBits: 3072, userIDs: [{ email }] });
`,
    },
  ],
  invalid: [
    {
      name: 'a 1024-bit OpenPGP RSA key',
      code: `import * as openpgp from 'openpgp';
export const legacyKey = (email: string) => openpgp.generateKey({ type: 'rsa', rsaBits: 1024, userIDs: [{ email }] });
`,
      errors: [{ messageId: 'smallModulus', line: 2 }],
    },
  ],
});

ruleTester.run('no-weak-algorithm (blind-s28 digests naming media)', noWeakAlgorithm, {
  valid: [
    {
      name: 'an inline image named by the MD5 of its bytes',
      code: `import { createHash } from 'node:crypto';
export function inlineImageKey(messageId: string, image: Buffer): string {
  return \`\${messageId}/\${createHash('md5').update(image).digest('hex')}\`;
}
`,
    },
    {
      name: 'an attachment stored under the SHA-1 of its bytes',
      code: `import { createHash } from 'node:crypto';
export function objectNameFor(attachment: Buffer): string {
  const digest = createHash('sha1').update(attachment).digest('hex');
  return \`attachments/\${digest.slice(0, 2)}/\${digest}\`;
}
`,
    },
  ],
  invalid: [
    {
      name: 'an attachment MD5 compared with the value the sender declared is an integrity check',
      code: `import { createHash } from 'node:crypto';
export function attachmentIntact(attachment: Buffer, declaredMd5: string): boolean {
  return createHash('md5').update(attachment).digest('hex') === declaredMd5;
}
`,
      errors: [
        {
          messageId: 'weakHash',
          line: 3,
          suggestions: [
            {
              messageId: 'useSha256Migrate',
              output: `import { createHash } from 'node:crypto';
export function attachmentIntact(attachment: Buffer, declaredMd5: string): boolean {
  return createHash('sha256').update(attachment).digest('hex') === declaredMd5;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'an image digest signed for a licence is a security use',
      code: `import { createHash, sign, type KeyObject } from 'node:crypto';
export function signImage(image: Buffer, key: KeyObject): Buffer {
  const digest = createHash('sha1').update(image).digest();
  return sign(null, digest, key);
}
`,
      errors: [
        {
          messageId: 'weakHash',
          line: 3,
          suggestions: [
            {
              messageId: 'useSha256Migrate',
              output: `import { createHash, sign, type KeyObject } from 'node:crypto';
export function signImage(image: Buffer, key: KeyObject): Buffer {
  const digest = createHash('sha256').update(image).digest();
  return sign(null, digest, key);
}
`,
            },
          ],
        },
      ],
    },
  ],
});
