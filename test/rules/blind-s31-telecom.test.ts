import noHardcodedKey from '../../rules/no-hardcoded-key';
import noInsecureRandomness from '../../rules/no-insecure-randomness';
import noKeyReuseAcrossPurposes from '../../rules/no-key-reuse-across-purposes';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import requireKeyZeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// Shapes the thirty-first blind set (part B: telecom, VoIP, messaging and SIM/eSIM provisioning — SIP registrars, TURN
// REST credentials, SMS gateways and CPaaS webhooks, RADIUS, Milenage and SIM personalisation, SM-DP+, CDR pipelines,
// OTP delivery) found missed or misjudged: a CPaaS `authToken` written in a config module (not a JWT fixture under that
// name), and a subscriber's `ki` written in source (found probing after the set); a content-addressed object
// name with a compound extension (`….jsonl.gz`); a secret destructured from a record a store returned, whose binding is
// where the file defines it; a subscriber key named `ki`; a code that the message carrying it says expires.

const ruleTester = createRuleTester();

const SMS_CONFIG = `module.exports = {
  twilio: {
    accountSid: 'AC5f0e9c1d2b3a4f5e6d7c8b9a0f1e2d3c',
    authToken: '9b1c7e2d4f6a8b0c2d4e6f8a0b2c4d6e',
  },
};
`;

const LAB_SIMS = `export const LAB_SUBSCRIBER_KI = '8e3a5c7d9f1b2a4c6e8d0f2a4b6c8e0d';
export const LAB_IMSI = '001010000000042';
`;

ruleTester.run('no-hardcoded-key (blind-s31 telecom shapes)', noHardcodedKey, {
  valid: [
    {
      name: 'settings about an auth token (its header, its lifetime) are not the token',
      code: `module.exports = { gateway: { authTokenHeader: 'x-gateway-auth-token', authTokenTtlSeconds: 3600, authTokenEnv: 'GATEWAY_AUTH_TOKEN' } };
`,
    },
    {
      name: 'an account SID beside a token read from the environment is an id',
      code: `module.exports = { twilio: { accountSid: 'AC0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a', authToken: process.env.TWILIO_AUTH_TOKEN } };
`,
    },
    {
      name: "a test's auth token written as a JWT is a user's bearer token, not an account secret",
      code: `const authToken = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTQyIn0.c2lnbmF0dXJlLWZvci10ZXN0cy1vbmx5';
export const authorization = \`Bearer \${authToken}\`;
`,
    },
  ],
  invalid: [
    {
      name: "a CPaaS account's auth token written in a config module is key material",
      code: SMS_CONFIG,
      errors: [
        {
          messageId: 'keyLikeConstant',
          line: 4,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              output: `${SMS_CONFIG.replace("'9b1c7e2d4f6a8b0c2d4e6f8a0b2c4d6e'", "requireEnv('TWILIO_AUTH_TOKEN')")}
/** A secret the service cannot run without: read from the environment, checked at start-up. */
function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(\`Environment variable \${name} is not set: it holds a key that is no longer in the source code.\`);
  return value;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a subscriber's Ki written in a lab SIM table is key material",
      code: LAB_SIMS,
      errors: [
        {
          messageId: 'keyLikeConstant',
          line: 1,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              output: `${LAB_SIMS.replace("'8e3a5c7d9f1b2a4c6e8d0f2a4b6c8e0d'", "requireEnv('LAB_SUBSCRIBER_KI')")}
/** A secret the service cannot run without: read from the environment, checked at start-up. */
function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(\`Environment variable \${name} is not set: it holds a key that is no longer in the source code.\`);
  return value;
}
`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-weak-algorithm (blind-s31 telecom shapes)', noWeakAlgorithm, {
  valid: [
    {
      name: 'an MD5 content address in an object path with a compound extension',
      code: `import { createHash } from 'node:crypto';
export function batchObjectKey(day, shard, body) {
  const digest = createHash('md5').update(body).digest('hex');
  return \`cdr/\${day}/shard=\${shard}/\${digest}.jsonl.gz\`;
}
`,
    },
  ],
  invalid: [
    {
      name: 'a digest named as a token stays a security use in a path with a compound extension',
      code: `import { createHash } from 'node:crypto';
export function grantLocation(playerId, expires) {
  const token = createHash('md5').update(\`\${playerId}:\${expires}\`).digest('hex');
  return \`grants/\${playerId}/\${token}.tkt.gz\`;
}
`,
      errors: [{ messageId: 'weakHash', line: 3, suggestions: [{ messageId: 'useSha256Migrate', output: `import { createHash } from 'node:crypto';
export function grantLocation(playerId, expires) {
  const token = createHash('sha256').update(\`\${playerId}:\${expires}\`).digest('hex');
  return \`grants/\${playerId}/\${token}.tkt.gz\`;
}
` }] }],
    },
    {
      name: 'a compound extension without a directory is not evidently a stored file',
      code: `import { createHash } from 'node:crypto';
export function archiveName(body) {
  const digest = createHash('md5').update(body).digest('hex');
  return \`export-\${digest}.jsonl.gz\`;
}
`,
      errors: [
        {
          messageId: 'weakHash',
          line: 3,
          suggestions: [
            {
              messageId: 'useSha256',
              output: `import { createHash } from 'node:crypto';
export function archiveName(body) {
  const digest = createHash('sha256').update(body).digest('hex');
  return \`export-\${digest}.jsonl.gz\`;
}
`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-key-reuse-across-purposes (blind-s31 telecom shapes)', noKeyReuseAcrossPurposes, {
  valid: [
    {
      name: "a record's webhook secret that only signs deliveries has one purpose",
      code: `import { createHmac } from 'node:crypto';
export async function sign(accounts, accountId, body) {
  const account = await accounts.get(accountId);
  const { webhookSecret } = account;
  const ts = String(Date.now());
  return { ts, sig: createHmac('sha256', webhookSecret).update(ts + '.' + body).digest('hex'), check: createHmac('sha256', webhookSecret).update(body).digest('hex') };
}
`,
    },
  ],
  invalid: [
    {
      name: 'a secret destructured from a record a store returned is defined by that binding',
      code: `import { createCipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
export async function deliver(accounts, accountId, text) {
  const account = await accounts.get(accountId);
  const { webhookSecret } = account;
  const bodyKey = createHash('sha256').update(webhookSecret).digest();
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', bodyKey, iv);
  const body = Buffer.concat([iv, c.update(text), c.final(), c.getAuthTag()]).toString('base64');
  bodyKey.fill(0);
  return { body, sig: createHmac('sha256', webhookSecret).update(body).digest('hex') };
}
`,
      errors: [{ messageId: 'reused', line: 4, suggestions: [{ messageId: 'deriveSubkeys', output: `import { createCipheriv, createHash, createHmac, randomBytes, hkdfSync } from 'node:crypto';
export async function deliver(accounts, accountId, text) {
  const account = await accounts.get(accountId);
  const { webhookSecret } = account;
  const bodyKey = createHash('sha256').update(webhookSecret).digest();
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', Buffer.from(hkdfSync('sha256', bodyKey, new Uint8Array(0), 'keywarden:encrypt', 32)), iv);
  const body = Buffer.concat([iv, c.update(text), c.final(), c.getAuthTag()]).toString('base64');
  bodyKey.fill(0);
  return { body, sig: createHmac('sha256', Buffer.from(hkdfSync('sha256', webhookSecret, new Uint8Array(0), 'keywarden:mac', 32))).update(body).digest('hex') };
}
` }] }],
    },
  ],
});

ruleTester.run('require-key-zeroization (blind-s31 telecom shapes)', requireKeyZeroization, {
  valid: [
    {
      name: 'a subscriber key wiped in finally after it is handed to the HSS',
      code: `import { randomBytes } from 'node:crypto';
import { registerSubscriber } from './hss';
export async function provision(imsi) {
  const ki = randomBytes(16);
  try {
    await registerSubscriber(imsi, ki);
  } finally {
    ki.fill(0);
  }
}
`,
    },
    {
      name: 'a JOSE key id drawn at random is no key',
      code: `import { randomBytes } from 'node:crypto';
import { publish } from './jwks';
export async function rotate(publicJwk) {
  const kid = randomBytes(8);
  await publish({ ...publicJwk, kid: kid.toString('hex') });
}
`,
    },
  ],
  invalid: [
    {
      name: 'a subscriber key (Ki) handed to the HSS and never wiped',
      code: `import { randomBytes } from 'node:crypto';
import { registerSubscriber } from './hss';
export async function provision(imsi) {
  const ki = randomBytes(16);
  await registerSubscriber(imsi, ki);
}
`,
      errors: [
        {
          messageId: 'notWiped',
          line: 4,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: `import { randomBytes } from 'node:crypto';
import { registerSubscriber } from './hss';
export async function provision(imsi) {
  const ki = randomBytes(16);
  try {
    await registerSubscriber(imsi, ki);
  } finally {
    ki.fill(0);
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'strict: a subscriber key written as hex for a card programmer',
      options: [{ checkStringConversion: true }],
      code: `import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
export async function labCard(iccid, imsi, path) {
  const ki = randomBytes(16);
  try {
    await writeFile(path, [iccid, imsi, ki.toString('hex')].join(',') + '\\n');
  } finally {
    ki.fill(0);
  }
}
`,
      errors: [{ messageId: 'keyToString', line: 6 }],
    },
  ],
});

ruleTester.run('no-insecure-randomness (blind-s31 telecom shapes)', noInsecureRandomness, {
  valid: [
    {
      name: 'a random order number in a message that does not say it expires',
      code: `import { sms } from './sms.js';
function orderNumber() {
  return String(Math.floor(100000 + Math.random() * 900000));
}
export async function confirmOrder(msisdn) {
  const number = orderNumber();
  await sms.send(msisdn, \`Your order number is \${number}. Thank you for shopping with us.\`);
  return number;
}
`,
    },
  ],
  invalid: [
    {
      name: 'a code whose message says it expires is a one-time code',
      code: `import { sms } from './sms.js';
function generateCode() {
  return String(Math.floor(100000 + Math.random() * 900000));
}
export async function sendCode(msisdn) {
  const code = generateCode();
  await sms.send(msisdn, \`Your code is \${code}. It expires in 5 minutes.\`);
}
`,
      errors: [{ messageId: 'predictableSecret', line: 3 }],
    },
  ],
});
