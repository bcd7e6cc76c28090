import noHardcodedKey from '../../rules/no-hardcoded-key';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';

// Shapes the twenty-second blind set (part C: code that signs or encrypts files, documents and software) found missed
// or misjudged: archiver-zip-encrypted names its zip encryption method in the zip vocabulary (`'zip20'` is ZipCrypto,
// `'aes256'` WinZip AES, authenticated); node-forge's PKCS#7 enveloped data picks its content cipher by an `oids` member
// (`forge.pki.oids['des-EDE3-CBC']`); a short SPKI body (Ed25519/X25519 `MCowBQYDK2Vw…`, P-256 `MFkw…`) is a public key
// like a long `MII…` one; and a key file's path given as the fallback of a key-named environment variable is a path.

createRuleTester().run('no-weak-algorithm (blind-s22 shapes)', noWeakAlgorithm, {
  valid: [
    {
      name: 'archiver-zip-encrypted with WinZip AES',
      code: "import archiver from 'archiver';\nexport function zip(password: string) {\n  return archiver.create('zip-encrypted', { zlib: { level: 8 }, encryptionMethod: 'aes256', password });\n}\n",
      filename: 'case.ts',
    },
    {
      name: 'archiver-zip-encrypted with WinZip AES is authenticated (strict option)',
      code: "import archiver from 'archiver';\nexport function zip(password: string) {\n  return archiver('zip-encrypted', { encryptionMethod: 'aes256', password });\n}\n",
      filename: 'case.ts',
      options: [{ requireAuthenticatedEncryption: true }],
    },
    {
      name: 'forge PKCS#7 enveloped data with the AES-256-CBC OID',
      code: "const forge = require('node-forge');\nfunction envelope(cert, text) {\n  const p7 = forge.pkcs7.createEnvelopedData();\n  p7.addRecipient(cert);\n  p7.content = forge.util.createBuffer(text, 'utf8');\n  p7.encrypt(undefined, forge.pki.oids['aes256-CBC']);\n  return p7;\n}\nmodule.exports = { envelope };\n",
      filename: 'case.js',
    },
  ],
  invalid: [
    {
      name: 'archiver-zip-encrypted falling back to ZipCrypto',
      code: "import archiver from 'archiver';\nexport function zip(password: string, legacy: boolean) {\n  return archiver.create('zip-encrypted', { encryptionMethod: legacy ? 'zip20' : 'aes256', password });\n}\n",
      filename: 'case.ts',
      errors: [{ messageId: 'weakCipher', data: { name: 'ZipCrypto', why: 'known-plaintext attacks (bkcrack) recover the keys from a few bytes of any file in the archive' }, line: 3 }],
    },
    {
      name: 'forge PKCS#7 enveloped data with the 3DES OID',
      code: "const forge = require('node-forge');\nfunction envelope(cert, text) {\n  const p7 = forge.pkcs7.createEnvelopedData();\n  p7.addRecipient(cert);\n  p7.content = forge.util.createBuffer(text, 'utf8');\n  p7.encrypt(undefined, forge.pki.oids['des-EDE3-CBC']);\n  return p7;\n}\nmodule.exports = { envelope };\n",
      filename: 'case.js',
      errors: [{ messageId: 'weakCipher', line: 6 }],
    },
  ],
});

createRuleTester().run('no-hardcoded-key (blind-s22 shapes)', noHardcodedKey, {
  valid: [
    {
      name: 'an X25519 SPKI body decoded for createPublicKey under a property named key',
      code: "import { createPublicKey } from 'node:crypto';\nexport const RECIPIENT = createPublicKey({\n  key: Buffer.from('MCowBQYDK2VuAyEAWuqDXuqvU5KJz22lRNgIYZLFXk/OxeucZXiSt716ZQw=', 'base64'),\n  format: 'der',\n  type: 'spki',\n});\n",
      filename: 'case.ts',
    },
    {
      name: "a key file's path as the fallback of a key-named environment variable",
      code: "import { readFile } from 'node:fs/promises';\nexport async function signingKeyPem() {\n  return readFile(process.env.IDP_SIGNING_KEY ?? '/run/secrets/idp-signing.key', 'utf8');\n}\n",
      filename: 'case.ts',
    },
    {
      name: 'a relative key path as a fallback',
      code: "const DOC_SIGNING_KEY = process.env.DOC_SIGNING_KEY || './keys/doc-signing.pem';\nmodule.exports = { DOC_SIGNING_KEY };\n",
      filename: 'case.js',
    },
  ],
  invalid: [
    {
      name: 'a base64 key as the fallback of a key-named environment variable is still reported',
      code: "export const MANIFEST_SECRET = process.env.MANIFEST_SECRET ?? 'L/xRNAjn1tqyO8leI8+fl3wiqcNOjm2kB0v1YJN9C2k=';\n",
      filename: 'case.ts',
      errors: [
        {
          messageId: 'hardcodedFallback',
          line: 1,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              output: "export const MANIFEST_SECRET = requireEnv('MANIFEST_SECRET');\n\n/** A secret the service cannot run without: read from the environment, checked at start-up. */\nfunction requireEnv(name: string): string {\n  const value = process.env[name];\n  if (!value) throw new Error(`Environment variable ${name} is not set: it holds a key that is no longer in the source code.`);\n  return value;\n}\n",
            },
          ],
        },
      ],
    },
  ],
});
