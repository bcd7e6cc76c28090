import noHardcodedKey from '../../rules/no-hardcoded-key';
import requireKeyZeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// Found by linting the thirteenth batch of packages (bench/apps13-packages.json, reviewed in
// docs/benchmark-review.md); each case sits next to the look-alike that must keep its verdict.
const ruleTester = createRuleTester();
// The helper the "read from the environment" suggestion appends to a TypeScript file.
const REQUIRE_ENV = `
/** A secret the service cannot run without: read from the environment, checked at start-up. */
function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(\`Environment variable \${name} is not set: it holds a key that is no longer in the source code.\`);
  return value;
}
`;
const commonjs = { sourceType: 'commonjs', parserOptions: { sourceType: 'script', ecmaFeatures: { globalReturn: true } } } as never;

ruleTester.run('no-hardcoded-key (application packages, batch 13)', noHardcodedKey, {
  valid: [
    {
      name: 'the bytes of a list of algorithm names, joined for an SSH KEXINIT, under an HMAC-named constant (ssh2-streams)',
      code: `var DEFAULT_HMAC = ['hmac-sha2-256', 'hmac-sha2-512', 'hmac-sha1'];
var HMAC_BUF = Buffer.from(DEFAULT_HMAC.join(','), 'ascii');
module.exports = { HMAC_BUF };
`,
      languageOptions: commonjs,
    },
  ],
  invalid: [
    {
      name: 'hex key text turned into its ASCII bytes is still judged as the hex it is',
      code: `export const HMAC_KEY = Buffer.from('9e41c7d2b05a8f3361e4d7c08a2b95f1c3d6e7a80b4f2c19d5e8a7b6c3f01d2e', 'ascii');
`,
      errors: [
        {
          messageId: 'keyLikeConstant',
          line: 1,
          suggestions: [{ messageId: 'readFromEnvironment', output: `export const HMAC_KEY = Buffer.from(requireEnv('HMAC_KEY'), 'ascii');
${REQUIRE_ENV}` }],
        },
      ],
    },
  ],
});

const legacyPemDecrypt = `const { createHash, createDecipheriv } = require('crypto');
function decryptPem(body, dekInfo, passphrase) {
  const cipherIV = Buffer.from(dekInfo.slice(dekInfo.indexOf(',') + 1), 'hex');
  let cipherKey = createHash('md5').update(passphrase).update(cipherIV.slice(0, 8)).digest();
  const decipher = createDecipheriv('aes-128-cbc', cipherKey, cipherIV);
  const out = Buffer.concat([decipher.update(body), decipher.final()]);
  cipherKey.fill(0);
  return out;
}
module.exports = { decryptPem };
`;

ruleTester.run('require-key-zeroization (application packages, batch 13)', requireKeyZeroization, {
  valid: [
    {
      name: "a legacy PEM's IV, also the salt of its MD5 key derivation, is public (ssh2-streams)",
      code: legacyPemDecrypt,
      languageOptions: commonjs,
    },
    {
      name: "an XML encryption's wrapped key decoded into a binding named key and handed to the RSA decryption (xml-encryption)",
      code: `const crypto = require('crypto');
const oaep = require('./oaep');
function decryptKeyInfo(encryptedKey, options, padding) {
  const key = Buffer.from(encryptedKey.textContent, 'base64');
  if (padding === crypto.constants.RSA_PKCS1_OAEP_PADDING) return oaep.privateDecryptOaep(options.key, key);
  return crypto.privateDecrypt({ key: options.key, padding }, key);
}
module.exports = { decryptKeyInfo };
`,
      languageOptions: commonjs,
    },
  ],
  invalid: [
    {
      name: 'bytes used both as the key and, cut, as the IV are key bytes',
      code: `const { createDecipheriv } = require('crypto');
function open(body) {
  const key = Buffer.from(process.env.FILE_KEY, 'base64');
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  return Buffer.concat([decipher.update(body), decipher.final()]);
}
module.exports = { open };
`,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'notWiped',
          line: 3,
          suggestions: [{ messageId: 'wrapInTryFinally', output: `const { createDecipheriv } = require('crypto');
function open(body) {
  const key = Buffer.from(process.env.FILE_KEY, 'base64');
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } finally {
    key.fill(0);
  }
}
module.exports = { open };
` }],
        },
      ],
    },
  ],
});
