import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';

// Shapes the blind set s34 part D (e-signature and legal documents: envelopes and signing links, PAdES sealing, audit
// trails, RFC 3161 time stamps, notarisation, templates, signer authentication, retention, CRM webhooks) showed the
// model lacked: PKI.js, the CMS library PAdES/CAdES signers and time-stamp clients build on, was not modelled, so a
// CMS signature, certificate or OCSP response signed with SHA-1 — written, or PKI.js's documented default when the hash
// argument is left out — went unreported (decision 11: SHA-1 for signatures). The guards: SHA-2 digests, a
// verification, a class of the application's own with a `sign` method.

const ruleTester = createRuleTester();

ruleTester.run('no-weak-algorithm (blind-s34 e-signature shapes)', noWeakAlgorithm, {
  valid: [
    {
      name: 'a CMS signature over the PDF byte range with SHA-256',
      code: "import * as pkijs from 'pkijs';\nexport async function cms(key: CryptoKey, content: ArrayBuffer) {\n  const signed = new pkijs.SignedData({ version: 1 });\n  await signed.sign(key, 0, 'SHA-256', content);\n  return signed;\n}\n",
      filename: 'case.ts',
    },
    {
      name: 'a certificate signed with SHA-384',
      code: "import { Certificate } from 'pkijs';\nexport async function selfSigned(key: CryptoKey) {\n  const certificate = new Certificate();\n  await certificate.sign(key, 'SHA-384');\n  return certificate;\n}\n",
      filename: 'case.ts',
    },
    {
      name: 'verifying a signature made elsewhere',
      code: "import * as pkijs from 'pkijs';\nexport async function check(schema: unknown, data: ArrayBuffer) {\n  const signed = new pkijs.SignedData({ schema });\n  return signed.verify({ signer: 0, data, checkChain: false });\n}\n",
      filename: 'case.ts',
    },
    {
      name: "an application class's own sign method",
      code: "class Seal {\n  sign(reason: string) {\n    return { reason, at: new Date() };\n  }\n}\nexport const stamp = new Seal().sign('approved');\n",
      filename: 'case.ts',
    },
    {
      name: 'a time-stamp imprint table read only to verify embedded tokens',
      code: "import { createHash } from 'node:crypto';\nconst ACCEPTED = new Map([['1.3.14.3.2.26', 'sha1'], ['2.16.840.1.101.3.4.2.1', 'sha256']]);\nexport function imprintMatches(oid: string, content: Buffer, expected: Buffer): boolean {\n  const algo = ACCEPTED.get(oid);\n  if (!algo) throw new Error('unsupported');\n  return createHash(algo).update(content).digest().equals(expected);\n}\n",
      filename: 'case.ts',
    },
  ],
  invalid: [
    {
      name: 'CMS signed data signed with SHA-1',
      code: "import * as pkijs from 'pkijs';\nexport async function cms(content: ArrayBuffer, key: CryptoKey) {\n  const signed = new pkijs.SignedData({ version: 1 });\n  await signed.sign(key, 0, 'SHA-1', content);\n  return signed;\n}\n",
      filename: 'case.ts',
      errors: [
        {
          messageId: 'weakHash',
          line: 4,
          column: 29,
          suggestions: [
            {
              messageId: 'useSha256Migrate',
              output:
                "import * as pkijs from 'pkijs';\nexport async function cms(content: ArrayBuffer, key: CryptoKey) {\n  const signed = new pkijs.SignedData({ version: 1 });\n  await signed.sign(key, 0, 'SHA-256', content);\n  return signed;\n}\n",
            },
          ],
        },
      ],
    },
    {
      name: "CMS signed data with PKI.js's default hash",
      code: "import { SignedData } from 'pkijs';\nexport async function cms(key: CryptoKey) {\n  const cmsSigned = new SignedData({ version: 1 });\n  await cmsSigned.sign(key, 0);\n  return cmsSigned;\n}\n",
      filename: 'case.ts',
      errors: [{ messageId: 'weakHash', line: 4, column: 19 }],
    },
    {
      name: "a certificate signed with PKI.js's default hash",
      code: "import * as pkijs from 'pkijs';\nexport async function selfSigned(key: CryptoKey) {\n  const certificate = new pkijs.Certificate();\n  certificate.version = 2;\n  await certificate.sign(key);\n  return certificate;\n}\n",
      filename: 'case.ts',
      errors: [{ messageId: 'weakHash', line: 5, column: 21 }],
    },
  ],
});
