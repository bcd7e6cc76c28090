import noStaticIv from '../../rules/no-static-iv';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';
import noHardcodedKey from '../../rules/no-hardcoded-key';
import { REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the blind set s33 part C (messaging and end-to-end-encrypted chat back ends: push gateways, bot integrations,
// E2EE sessions, attachment storage) found misreported: an MD5 that web-push's `topic` option receives (RFC 8030's
// `Topic` header, the collapse key a newer notification replaces the pending one by: decision 10's deduplication, as
// 185 labelled FCM's and APNs' collapse keys), and a symmetric ratchet's message key and IV cut from one HKDF
// output over the seed of a chain step (`const seed = this.step()`, a method that moves the chain key on from its own
// previous value), which is new for every message (decision 124's derived nonce). The guards: the same topic over a
// secret input, which stays a security use, and a seed from a method that does not move its state on (a plain read of
// the chain key, or a memo filled once), whose IV is the same for every message.

const ruleTester = createRuleTester();

const TOPIC_OF_TOKEN = `import webpush from 'web-push';
import { createHash } from 'node:crypto';
export async function push(sub, payload, sessionToken) {
  await webpush.sendNotification(sub, payload, { topic: createHash('md5').update(sessionToken).digest('hex') });
}
`;

ruleTester.run('no-weak-algorithm (blind-s33 messaging shapes)', noWeakAlgorithm, {
  valid: [
    {
      name: "a conversation id's MD5 given to web-push as the notification topic",
      code: `import webpush from 'web-push';
import { createHash } from 'node:crypto';
function topicFor(conversationId) {
  return createHash('md5').update(conversationId).digest('base64url').slice(0, 22);
}
export async function notify(sub, payload, conversationId) {
  await webpush.sendNotification(sub, payload, { TTL: 3600, topic: topicFor(conversationId) });
}
`,
      filename: 'case.mjs',
    },
  ],
  invalid: [
    {
      name: "a session token's MD5 as the topic is still a token's digest",
      code: TOPIC_OF_TOKEN,
      filename: 'case.mjs',
      errors: [
        {
          messageId: 'weakHash',
          line: 4,
          column: 68,
          data: { name: 'MD5', weakness: 'is broken (collisions are practical)', use: 'security (this digest hashes a token)', passwordHint: '' },
          suggestions: [{ messageId: 'useSha256Migrate', output: TOPIC_OF_TOKEN.replace("createHash('md5')", "createHash('sha256')") }],
        },
      ],
    },
  ],
});

ruleTester.run('no-static-iv (blind-s33 messaging shapes)', noStaticIv, {
  valid: [
    {
      name: 'key and IV cut from one HKDF output over the seed of a ratchet step',
      code: `import { createCipheriv, createHmac, hkdfSync } from 'node:crypto';
export class Chain {
  constructor(private chainKey: Buffer, private counter = 0) {}
  private step(): Buffer {
    const seed = createHmac('sha256', this.chainKey).update('\\x01').digest();
    const next = createHmac('sha256', this.chainKey).update('\\x02').digest();
    this.chainKey = next;
    this.counter += 1;
    return seed;
  }
  seal(plaintext: Buffer): Buffer {
    const seed = this.step();
    const material = Buffer.from(hkdfSync('sha256', seed, Buffer.alloc(32), 'MessageKeys', 44));
    try {
      const cipher = createCipheriv('aes-256-gcm', material.subarray(0, 32), material.subarray(32, 44));
      return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
    } finally {
      material.fill(0);
    }
  }
}
`,
      filename: 'case.ts',
    },
  ],
  invalid: [
    {
      name: 'the seed read from a chain key that never moves on',
      code: `import { createCipheriv, createHmac, hkdfSync } from 'node:crypto';
export class Chain {
  constructor(private chainKey: Buffer, private counter = 0) {}
  private step(): Buffer {
    const seed = createHmac('sha256', this.chainKey).update('\\x01').digest();
    return seed;
  }
  seal(plaintext: Buffer): Buffer {
    const seed = this.step();
    const material = Buffer.from(hkdfSync('sha256', seed, Buffer.alloc(32), 'MessageKeys', 44));
    try {
      const cipher = createCipheriv('aes-256-gcm', material.subarray(0, 32), material.subarray(32, 44));
      return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
    } finally {
      material.fill(0);
    }
  }
}
`,
      filename: 'case.ts',
      errors: [{ messageId: 'keyDerivedIv', line: 12, column: 78 }],
    },
    {
      name: 'the seed from a memo filled once',
      code: `import { createCipheriv, createHmac, hkdfSync } from 'node:crypto';
export class Chain {
  constructor(private chainKey: Buffer, private counter = 0) {}
  private cached?: Buffer;
  private step(): Buffer {
    if (!this.cached) this.cached = createHmac('sha256', this.chainKey).update('\\x01').digest();
    return this.cached;
  }
  seal(plaintext: Buffer): Buffer {
    const seed = this.step();
    const material = Buffer.from(hkdfSync('sha256', seed, Buffer.alloc(32), 'MessageKeys', 44));
    try {
      const cipher = createCipheriv('aes-256-gcm', material.subarray(0, 32), material.subarray(32, 44));
      return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
    } finally {
      material.fill(0);
    }
  }
}
`,
      filename: 'case.ts',
      errors: [{ messageId: 'keyDerivedIv', line: 13, column: 78 }],
    },
  ],
});

// Lead, session 33: Telegram's Mini App check derives its secret key as HMAC-SHA256 keyed by the label "WebAppData" over
// the bot token, then keys the check's HMAC with it: an HMAC keyed by a written label over a secret whose output keys
// another MAC is a derivation in HKDF-Extract's shape (decision 8's salt), and the label is public (blind-s33 part C's
// telegram-auth FP). The guards: a written text that names a secret in the same place, and the label keying an HMAC of
// plain data whose output is a tag, not a key.
ruleTester.run('no-hardcoded-key (a label keying a derivation)', noHardcodedKey, {
  valid: [
    `import { createHmac } from 'node:crypto';
export function checkInitData(initData: string, botToken: string): boolean {
  const params = new URLSearchParams(initData);
  const hash = params.get('hash');
  params.delete('hash');
  const dataCheckString = [...params.entries()].map(([k, v]) => \`\${k}=\${v}\`).sort().join('\\n');
  const secretKey = createHmac('sha256', 'WebAppData').update(botToken).digest();
  return createHmac('sha256', secretKey).update(dataCheckString).digest('hex') === hash;
}`,
  ],
  invalid: [
    {
      code: `import { createHmac } from 'node:crypto';
export function sign(token: string, body: string) {
  const key = createHmac('sha256', 'supersecret').update(token).digest();
  return createHmac('sha256', key).update(body).digest('hex');
}`,
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 3,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              output:
                "import { createHmac } from 'node:crypto';\n\nconst HMAC_KEY = requireEnv('HMAC_KEY');\nexport function sign(token: string, body: string) {\n  const key = createHmac('sha256', HMAC_KEY).update(token).digest();\n  return createHmac('sha256', key).update(body).digest('hex');\n}" + REQUIRE_ENV_TS,
            },
          ],
        },
      ],
    },
    {
      code: `import { createHmac } from 'node:crypto';
export function tag(payload: string) {
  return createHmac('sha256', 'WebAppData').update(payload).digest('hex');
}`,
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 3,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              output:
                "import { createHmac } from 'node:crypto';\n\nconst HMAC_KEY = requireEnv('HMAC_KEY');\nexport function tag(payload: string) {\n  return createHmac('sha256', HMAC_KEY).update(payload).digest('hex');\n}" + REQUIRE_ENV_TS,
            },
          ],
        },
      ],
    },
  ],
});
