import noHardcodedKey from '../../rules/no-hardcoded-key';
import noInsecureRandomness from '../../rules/no-insecure-randomness';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the twenty-second blind set (part A: payments and fintech code) found missed or misjudged: an unkeyed MD5/SHA-1
// of cardholder data (a PAN, a card number, also through a local binding the hashed text is built in) is a security use
// whatever the digest is called (`cardFingerprint`: PCI DSS asks for a keyed hash); a public key's digest (an EMV CA
// public key's modulus and exponent) compared with an expected value is an integrity check of the key, like a file's
// against its published checksum; a digest named as a JOSE `kid` of a certificate is a key id; and a bare `code` made by
// `Math.random` is a one-time code when the message that carries it says so (`Your confirmation code is ${code}`); and a
// payment provider's server SDK takes the account's secret API credential (Stripe's constructor, Mollie's `apiKey`, Braintree's
// `privateKey`, Razorpay's `key_secret`), where a placeholder spelt with `placeholder`/`dummy`/`not_used` is no credential.
createRuleTester().run("no-weak-algorithm (blind-s22 shapes)", noWeakAlgorithm, {
  "valid": [
    {
      "name": "SHA-1 of a certificate used as the JOSE kid (x5t-style key id)",
      "code": "import { X509Certificate, createHash } from 'node:crypto';\nconst cert = new X509Certificate(process.env.CERT_PEM!);\nexport const QSEAL_KID = createHash('sha1').update(cert.raw).digest('base64url');\n",
      "filename": "case.ts"
    },
    {
      "name": "MD5 of a BIN (public issuer routing data) as a Redis cache key",
      "code": "import { createHash } from 'node:crypto';\nexport function binCacheKey(bin: string) {\n  return `bin:v2:${createHash('md5').update(bin).digest('hex')}`;\n}\n",
      "filename": "case.ts"
    },
    {
      "name": "a viewport pan offset hashed for a tile cache is not a card number (`panX` is not `pan`)",
      "code": "import { createHash } from 'node:crypto';\nexport function tileCacheKey(zoom: number, panX: number, panY: number) {\n  return createHash('md5').update(`${zoom}/${panX}/${panY}`).digest('hex');\n}\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "MD5 of a PAN named as a card fingerprint (cardholder data in the hashed text, through a local binding)",
      "code": "import crypto from 'node:crypto';\nexport function cardFingerprint(pan: string, expMonth: number, expYear: number) {\n  const normalised = `${pan.replace(/\\D/g, '')}|${expMonth}|${expYear}`;\n  return crypto.createHash('md5').update(normalised).digest('hex');\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 4,
          "column": 28,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "output": "import crypto from 'node:crypto';\nexport function cardFingerprint(pan: string, expMonth: number, expYear: number) {\n  const normalised = `${pan.replace(/\\D/g, '')}|${expMonth}|${expYear}`;\n  return crypto.createHash('sha256').update(normalised).digest('hex');\n}\n"
            }
          ]
        }
      ]
    },
    {
      "name": "SHA-1 of a card number for a dedupe lookup",
      "code": "import { createHash } from 'node:crypto';\nexport function duplicateCardKey(card: { number: string }) {\n  return createHash('sha1').update(card.number).digest('hex');\n}\nexport function cardNumberDigest(cardNumber: string) {\n  return createHash('sha1').update(cardNumber).digest('hex');\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 3,
          "column": 21,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "output": "import { createHash } from 'node:crypto';\nexport function duplicateCardKey(card: { number: string }) {\n  return createHash('sha256').update(card.number).digest('hex');\n}\nexport function cardNumberDigest(cardNumber: string) {\n  return createHash('sha1').update(cardNumber).digest('hex');\n}\n"
            }
          ]
        },
        {
          "messageId": "weakHash",
          "line": 6,
          "column": 21,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "output": "import { createHash } from 'node:crypto';\nexport function duplicateCardKey(card: { number: string }) {\n  return createHash('sha1').update(card.number).digest('hex');\n}\nexport function cardNumberDigest(cardNumber: string) {\n  return createHash('sha256').update(cardNumber).digest('hex');\n}\n"
            }
          ]
        }
      ]
    },
    {
      "name": "SHA-1 checksum of an EMV CA public key compared with the bulletin value",
      "code": "import { createHash } from 'node:crypto';\ninterface Capk { rid: string; index: string; modulus: string; exponent: string; checksum: string }\nfunction capkChecksum(k: Capk): string {\n  return createHash('sha1').update(Buffer.from(k.rid + k.index + k.modulus + k.exponent, 'hex')).digest('hex').toUpperCase();\n}\nexport function badKeys(table: Capk[]) {\n  return table.filter((k) => capkChecksum(k) !== k.checksum);\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 4,
          "column": 21,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "output": "import { createHash } from 'node:crypto';\ninterface Capk { rid: string; index: string; modulus: string; exponent: string; checksum: string }\nfunction capkChecksum(k: Capk): string {\n  return createHash('sha256').update(Buffer.from(k.rid + k.index + k.modulus + k.exponent, 'hex')).digest('hex').toUpperCase();\n}\nexport function badKeys(table: Capk[]) {\n  return table.filter((k) => capkChecksum(k) !== k.checksum);\n}\n"
            }
          ]
        }
      ]
    }
  ]
});

createRuleTester().run("no-insecure-randomness (blind-s22 shapes)", noInsecureRandomness, {
  "valid": [
    {
      "name": "Math.random bare code shown as a colour code or a discount label text without a one-time phrase",
      "code": "export function shortLabel() {\n  const code = Math.floor(Math.random() * 900 + 100);\n  return `Ticket code ${code} in the queue display`;\n}\n",
      "filename": "case.ts"
    },
    {
      "name": "crypto.randomInt confirmation code",
      "code": "import { randomInt } from 'node:crypto';\ndeclare function sendSms(to: string, text: string): Promise<void>;\nexport async function start(phone: string) {\n  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');\n  await sendSms(phone, `Your confirmation code is ${code}`);\n}\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "six digits from Math.random sent in an SMS as a confirmation code",
      "code": "declare function sendSms(to: string, text: string): Promise<void>;\nfunction sixDigits(): string {\n  return String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0');\n}\nexport async function startStepUp(payoutId: string, phone: string) {\n  const code = sixDigits();\n  await sendSms(phone, `Your payout confirmation code is ${code}. It expires in 5 minutes.`);\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 3,
          "column": 28
        }
      ]
    },
    {
      "name": "Math.random code mailed as a one-time code",
      "code": "declare const mailer: { send(o: object): Promise<void> };\nexport async function mailCode(email: string) {\n  const code = Math.random().toString().slice(2, 8);\n  await mailer.send({ to: email, text: 'Your one-time code: ' + code });\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 3,
          "column": 16
        }
      ]
    }
  ]
});

createRuleTester().run("no-hardcoded-key (blind-s22 shapes)", noHardcodedKey, {
  "valid": [
    {
      "name": "Stripe client with a placeholder key in a spec",
      "code": "import Stripe from 'stripe';\nexport const stripe = new Stripe('sk_test_placeholder_not_used', { apiVersion: '2024-06-20' });\n",
      "filename": "case.ts"
    },
    {
      "name": "Stripe client with the key from the environment and an empty fallback",
      "code": "import Stripe from 'stripe';\nexport const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '', { apiVersion: '2024-06-20' });\n",
      "filename": "case.ts"
    },
    {
      "name": "Razorpay key id (public) written, key secret from the environment",
      "code": "import Razorpay from 'razorpay';\nexport const rp = new Razorpay({ key_id: 'rzp_live_Qm3kTzR8a1XyVb', key_secret: process.env.RAZORPAY_KEY_SECRET });\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "Stripe restricted key written at the client",
      "code": "import Stripe from 'stripe';\nexport const stripe = new Stripe('rk_live_yTZc8Zu6TN4PVH7WWGBJ8UE0TzueZKEzPeiDaaQa', { apiVersion: '2024-06-20' });\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 34,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import Stripe from 'stripe';\nexport const stripe = new Stripe(requireEnv('SECRET_KEY'), { apiVersion: '2024-06-20' });" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    },
    {
      "name": "Stripe secret key as the fallback of an environment variable not named for a secret",
      "code": "import Stripe from 'stripe';\nexport const stripe = new Stripe(process.env.STRIPE_KEY || 'sk_live_yTZc8Zu6TN4PVH7WWGBJ8UE0TzueZKEzPeiDaaQa');\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "hardcodedFallback",
          "line": 2,
          "column": 60,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import Stripe from 'stripe';\nexport const stripe = new Stripe(requireEnv('STRIPE_KEY'));" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    },
    {
      "name": "Mollie API key written at createMollieClient",
      "code": "import { createMollieClient } from '@mollie/api-client';\nexport const mollie = createMollieClient({ apiKey: 'live_iM9lZPhOfJT1BN8ej6A4HrWcOjLBIU' });\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 52,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { createMollieClient } from '@mollie/api-client';\nexport const mollie = createMollieClient({ apiKey: requireEnv('MOLLIE_CLIENT_API_KEY') });" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    },
    {
      "name": "Braintree private key written at the gateway",
      "code": "import braintree from 'braintree';\nexport const gateway = new braintree.BraintreeGateway({\n  environment: braintree.Environment.Sandbox,\n  merchantId: 'x7k2mq9d4hvt3c8w',\n  publicKey: 'p3b6zr7ykd2qf9xm',\n  privateKey: 'dcd9ea065e6cb700423a86ccb76cdaaa',\n});\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 6,
          "column": 15,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import braintree from 'braintree';\nexport const gateway = new braintree.BraintreeGateway({\n  environment: braintree.Environment.Sandbox,\n  merchantId: 'x7k2mq9d4hvt3c8w',\n  publicKey: 'p3b6zr7ykd2qf9xm',\n  privateKey: requireEnv('BRAINTREE_GATEWAY_PRIVATE_KEY'),\n});" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    }
  ]
});

