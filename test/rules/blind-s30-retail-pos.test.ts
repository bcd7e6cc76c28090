import noHardcodedKey from '../../rules/no-hardcoded-key';
import noInsecureRandomness from '../../rules/no-insecure-randomness';
import noPlaintextDataKeyExposure from '../../rules/no-plaintext-data-key-exposure';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';

// Shapes the thirtieth blind set (part B: retail, point of sale and hospitality — terminal pairing, DUKPT and PIN
// blocks, gift cards, coupons, fiscal receipt signing, Shopify/WooCommerce/BigCommerce integrations, price sync, hotel
// key cards, tip exports) found missed or misjudged: a credential written behind its vendor's type prefix with a hex
// body (WooCommerce's `cs_…` consumer secret); a `code` drawn with `Math.random` and stored in a `coupons` table; a
// row digest compared with the value a store entry holds and written back into that entry (Redis `hget`/`hset`); and a
// KMS `Decrypt` whose plaintext the file uses as a key (its key check value) although the wrapped blob is not named as one.

const ruleTester = createRuleTester();

const STORE_CHECK = `import { createHash } from 'node:crypto';
import Redis from 'ioredis';
const redis = new Redis();
export async function check(id: string, body: Buffer) {
  const digest = createHash('md5').update(body).digest('hex');
  const expected = await redis.get(\`expected:\${id}\`);
  if (expected !== digest) throw new Error('tampered');
  await redis.set(\`seen:\${id}\`, digest);
}
`;

const LOGGED_KEY_CHECK = `import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';
import { createCipheriv } from 'node:crypto';
import { readFile } from 'node:fs/promises';
const kms = new KMSClient({});
function kcv(key: Uint8Array): string {
  return createCipheriv('aes-128-gcm', key, Buffer.alloc(12)).update(Buffer.alloc(16)).subarray(0, 3).toString('hex');
}
export async function load(id: string, log: { debug(o: object): void }) {
  const blob = await readFile(\`/etc/p2pe/\${id}.bin\`);
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: { id } }));
  try {
    log.debug({ id, kcv: kcv(Plaintext!), material: Buffer.from(Plaintext!).toString('hex') });
  } finally {
    Plaintext?.fill(0);
  }
}
`;

const CONSUMER_SECRET_CONFIG = `module.exports = {
  store: {
    consumerKey: process.env.WC_CONSUMER_KEY,
    consumerSecret: 'cs_6a22fa6c2582f928e425368161e65d12cdffca07',
  },
};
`;

ruleTester.run('no-hardcoded-key (blind-s30 retail and POS shapes)', noHardcodedKey, {
  valid: [
    {
      name: 'a prefixed placeholder under a secret name is not a key',
      code: `module.exports = { store: { consumerSecret: 'cs_your_consumer_secret_here' } };
`,
    },
    {
      name: 'a prefixed hex id under a name that is not a secret is not reported',
      code: `module.exports = { webhooks: { deliveryId: 'wh_37273c4dfd7c4e157ba7bdc8864cbc8847a4328a' } };
`,
    },
  ],
  invalid: [
    {
      name: 'a consumer secret written behind its cs_ prefix is key material',
      code: CONSUMER_SECRET_CONFIG,
      errors: [
        {
          messageId: 'keyLikeConstant',
          line: 4,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              output: `${CONSUMER_SECRET_CONFIG.replace(/'cs_[0-9a-f]+'/, "requireEnv('STORE_CONSUMER_SECRET')")}
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

ruleTester.run('no-insecure-randomness (blind-s30 retail and POS shapes)', noInsecureRandomness, {
  valid: [
    {
      name: 'a bare code stored in a table of pick-up numbers is not a secret',
      code: `import { db } from './db.js';
function randomCode() {
  return String(100 + Math.floor(Math.random() * 900));
}
export async function take(orderId) {
  const code = randomCode();
  await db.query('insert into pickup_numbers (code, order_id) values ($1, $2)', [code, orderId]);
  return code;
}
`,
    },
  ],
  invalid: [
    {
      name: 'a bare code drawn with Math.random and stored in the coupons table is a coupon code',
      code: `import { db } from './db.js';
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function randomCode() {
  let code = '';
  for (let i = 0; i < 10; i++) code += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];
  return code;
}
export async function issue(receiptNo, campaignId) {
  const code = randomCode();
  await db.query('insert into coupons (code, campaign, receipt_no) values ($1, $2, $3)', [code, campaignId, receiptNo]);
  return code;
}
`,
      errors: [{ messageId: 'predictableSecret', line: 5 }],
    },
  ],
});

ruleTester.run('no-weak-algorithm (blind-s30 retail and POS shapes)', noWeakAlgorithm, {
  valid: [
    {
      name: 'a row digest compared with the store entry it is then written back into is change detection',
      code: `import { createHash } from 'node:crypto';
import Redis from 'ioredis';
const redis = new Redis();
function rowHash(row: { sku: string; price: number }): string {
  return createHash('md5').update(\`\${row.sku}|\${row.price}\`).digest('hex');
}
export async function publish(store: string, rows: Array<{ sku: string; price: number }>) {
  for (const row of rows) {
    const key = \`price:\${store}:\${row.sku}\`;
    const hash = rowHash(row);
    const previous = await redis.hget(key, 'hash');
    if (previous === hash) continue;
    await redis.hset(key, { hash, price: row.price });
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'a digest compared with a store entry that the code never writes is still a verification',
      code: STORE_CHECK,
      errors: [{ messageId: 'weakHash', line: 5, suggestions: [{ messageId: 'useSha256Migrate', output: STORE_CHECK.replace("'md5'", "'sha256'") }] }],
    },
  ],
});

ruleTester.run('no-plaintext-data-key-exposure (blind-s30 retail and POS shapes)', noPlaintextDataKeyExposure, {
  valid: [
    {
      name: 'a decrypted API token used only for a request header is a secret, not a data key',
      code: `import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';
import { readFile } from 'node:fs/promises';
const kms = new KMSClient({});
export async function callVendor(path: string) {
  const blob = await readFile('/etc/pos/vendor-token.enc');
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: { use: 'vendor-api' } }));
  const token = Buffer.from(Plaintext!).toString('utf8');
  const res = await fetch(\`https://vendor.example\${path}\`, { headers: { authorization: \`Bearer \${token}\` } });
  return res.status;
}
`,
    },
  ],
  invalid: [
    {
      name: 'a Decrypt plaintext the file uses as a key (through a key-check helper) and logs is an exposed data key',
      code: LOGGED_KEY_CHECK,
      errors: [
        {
          messageId: 'dataKeyExposed',
          line: 10,
          suggestions: [{ messageId: 'keepWrappedKey', output: LOGGED_KEY_CHECK.replace('material: Buffer.from(Plaintext!)', 'material: Buffer.from(blob)') }],
        },
      ],
    },
  ],
});
