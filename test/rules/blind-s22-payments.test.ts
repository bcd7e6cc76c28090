import noInsecureRandomness from '../../rules/no-insecure-randomness';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';

// Shapes the twenty-second blind set (part A: payments and fintech code) found missed or misjudged: an unkeyed MD5/SHA-1
// of cardholder data (a PAN, a card number, also through a local binding the hashed text is built in) is a security use
// whatever the digest is called (`cardFingerprint`: PCI DSS asks for a keyed hash); a public key's digest (an EMV CA
// public key's modulus and exponent) compared with an expected value is an integrity check of the key, like a file's
// against its published checksum; a digest named as a JOSE `kid` of a certificate is a key id; and a bare `code` made by
// `Math.random` is a one-time code when the message that carries it says so (`Your confirmation code is ${code}`).
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

