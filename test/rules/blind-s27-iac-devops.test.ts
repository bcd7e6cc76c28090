import noKeyReuseAcrossPurposes from '../../rules/no-key-reuse-across-purposes';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import requireKeyZeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// Shapes the twenty-seventh blind set (part A: infrastructure as code and DevOps tooling — CDK, Pulumi and CDKTF
// programs, GitHub Actions, release-signing scripts, Kubernetes operators, migration runners, backup CLIs, Terraform
// state helpers) found missed or misjudged: a signing key decoded from the environment by a library decoder
// (`sodium.from_base64(secret)`, tweetnacl-util's `decodeBase64(secret)`) inside a function and never wiped, as
// `Buffer.from(secret, 'base64')` would be; a SHA-1 digest read as a signed 64-bit integer for a Postgres advisory lock
// id (a number for bucketing, like the unsigned reads); and an Actions input secret used as an HMAC key and, through a
// local helper returning its SHA-256, as the AES key of cached state (sha256(secret) is the same secret).

const ruleTester = createRuleTester();

ruleTester.run('require-key-zeroization (blind-s27 shapes)', requireKeyZeroization, {
  valid: [
    {
      name: 'a signature decoded with from_base64 is not key bytes',
      code: `import sodium from 'libsodium-wrappers';
export async function verify(body: string, signatureB64: string, publicKey: Uint8Array): Promise<boolean> {
  await sodium.ready;
  const sig = sodium.from_base64(signatureB64);
  return sodium.crypto_sign_verify_detached(sig, sodium.from_string(body), publicKey);
}
`,
    },
    {
      name: 'a secret key decoded with from_base64 and wiped with memzero in finally',
      code: `import sodium from 'libsodium-wrappers';
export async function signIndex(index: string): Promise<string> {
  await sodium.ready;
  const secretKey = sodium.from_base64(process.env.UPDATER_SIGNING_KEY!);
  try {
    return sodium.to_base64(sodium.crypto_sign_detached(sodium.from_string(index), secretKey));
  } finally {
    sodium.memzero(secretKey);
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'a signing key decoded from the environment with sodium.from_base64 and never wiped',
      code: `import sodium from 'libsodium-wrappers';
export async function signIndex(index: string): Promise<string> {
  await sodium.ready;
  const secretKey = sodium.from_base64(process.env.UPDATER_SIGNING_KEY!);
  const sig = sodium.crypto_sign_detached(sodium.from_string(index), secretKey);
  return sodium.to_base64(sig);
}
`,
      errors: [
        {
          messageId: 'notWiped',
          line: 4,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: `import sodium from 'libsodium-wrappers';
export async function signIndex(index: string): Promise<string> {
  await sodium.ready;
  const secretKey = sodium.from_base64(process.env.UPDATER_SIGNING_KEY!);
  try {
    const sig = sodium.crypto_sign_detached(sodium.from_string(index), secretKey);
    return sodium.to_base64(sig);
  } finally {
    secretKey.fill(0);
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a signing key decoded with tweetnacl-util's decodeBase64 and never wiped",
      code: `import nacl from 'tweetnacl';
import naclUtil from 'tweetnacl-util';
export function signSums(sums: string, encodedKey: string): string {
  const secretKey = naclUtil.decodeBase64(encodedKey);
  if (secretKey.length !== nacl.sign.secretKeyLength) throw new Error('bad key');
  return naclUtil.encodeBase64(nacl.sign.detached(naclUtil.decodeUTF8(sums), secretKey));
}
`,
      errors: [
        {
          messageId: 'notWiped',
          line: 4,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: `import nacl from 'tweetnacl';
import naclUtil from 'tweetnacl-util';
export function signSums(sums: string, encodedKey: string): string {
  const secretKey = naclUtil.decodeBase64(encodedKey);
  try {
    if (secretKey.length !== nacl.sign.secretKeyLength) throw new Error('bad key');
    return naclUtil.encodeBase64(nacl.sign.detached(naclUtil.decodeUTF8(sums), secretKey));
  } finally {
    secretKey.fill(0);
  }
}
`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-weak-algorithm (blind-s27 shapes)', noWeakAlgorithm, {
  valid: [
    {
      name: 'a SHA-1 digest read as a signed 64-bit integer for an advisory lock id',
      code: `import { createHash } from 'node:crypto';
function lockId(database: string): bigint {
  const digest = createHash('sha1').update(\`migrations:\${database}\`).digest();
  return digest.readBigInt64BE(0);
}
export const LOCK = lockId('app');
`,
    },
  ],
  invalid: [
    {
      name: 'a SHA-1 of a password read as an integer is still a password hash',
      code: `import { createHash } from 'node:crypto';
export function pinBucket(password: string): number {
  return createHash('sha1').update(password).digest().readInt32BE(0);
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
export function pinBucket(password: string): number {
  return createHash('sha256').update(password).digest().readInt32BE(0);
}
`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-key-reuse-across-purposes (blind-s27 shapes)', noKeyReuseAcrossPurposes, {
  valid: [
    {
      name: 'a hashing helper given a separate state secret while another secret keys the HMAC',
      code: `import { createCipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
function stateKeyFrom(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}
export function run(body: string, state: string) {
  const cipher = createCipheriv('aes-256-gcm', stateKeyFrom(process.env.STATE_SECRET!), randomBytes(12));
  const sealed = Buffer.concat([cipher.update(state), cipher.final()]);
  const signature = createHmac('sha256', process.env.WEBHOOK_SECRET!).update(body).digest('hex');
  return { sealed, signature };
}
`,
    },
  ],
  invalid: [
    {
      name: 'an input secret used as an HMAC key and, through a local helper returning its SHA-256, as an AES key',
      code: `import * as core from '@actions/core';
import { createCipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
function stateKeyFrom(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}
function seal(secret: string, data: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', stateKeyFrom(secret), iv);
  return Buffer.concat([iv, cipher.update(data), cipher.final(), cipher.getAuthTag()]);
}
export function run(): void {
  const webhookSecret = core.getInput('webhook-secret');
  const signature = createHmac('sha256', webhookSecret).update('x').digest('hex');
  console.log(signature, seal(webhookSecret, 'state').length);
}
`,
      errors: [
        {
          messageId: 'reused',
          line: 12,
          suggestions: [
            {
              messageId: 'deriveSubkeys',
              output: `import * as core from '@actions/core';
import { createCipheriv, createHash, createHmac, randomBytes, hkdfSync } from 'node:crypto';
function stateKeyFrom(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}
function seal(secret: string, data: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(hkdfSync('sha256', stateKeyFrom(secret), new Uint8Array(0), 'keywarden:encrypt', 32)), iv);
  return Buffer.concat([iv, cipher.update(data), cipher.final(), cipher.getAuthTag()]);
}
export function run(): void {
  const webhookSecret = core.getInput('webhook-secret');
  const signature = createHmac('sha256', Buffer.from(hkdfSync('sha256', webhookSecret, new Uint8Array(0), 'keywarden:mac', 32))).update('x').digest('hex');
  console.log(signature, seal(webhookSecret, 'state').length);
}
`,
            },
          ],
        },
      ],
    },
  ],
});
