import noHardcodedKey from '../../rules/no-hardcoded-key';
import noInsecureRandomness from '../../rules/no-insecure-randomness';
import noStaticIv from '../../rules/no-static-iv';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import requireKeyZeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// False positives found by linting the eighth batch of packages (bench/apps8-packages.json,
// reviewed in docs/benchmark-review.md). The look-alikes that must still be reported are
// in each rule's own tests (a literal fallback key, a zero IV of 16 bytes, a clock read as a
// token, a private key exported as plain DER, SHA-1 compared for verification).
const ruleTester = createRuleTester();
const commonjs = { sourceType: 'commonjs', parserOptions: { sourceType: 'script', ecmaFeatures: { globalReturn: true } } } as never;

ruleTester.run('no-hardcoded-key (application packages, batch 8)', noHardcodedKey, {
  valid: [
    {
      name: "a doubled-angle-bracket template value is a placeholder (@paypal/checkout-server-sdk's samples)",
      code: `function environment() {
  const clientId = process.env.PAYPAL_CLIENT_ID || '<<CLIENT-ID>>';
  const clientSecret = process.env.PAYPAL_CLIENT_SECRET || '<<CLIENT-SECRET>>';
  return new LiveEnvironment(clientId, clientSecret);
}`,
    },
    {
      name: 'a doubled-square-bracket template value is a placeholder',
      code: `export const webhookSecret = process.env.WEBHOOK_SECRET ?? '[[WEBHOOK-SECRET]]';`,
    },
  ],
  invalid: [],
});

ruleTester.run('no-static-iv (application packages, batch 8)', noStaticIv, {
  valid: [
    {
      name: "an empty IV is no IV: ECB takes none (@peculiar/webcrypto's AES-ECB; ECB itself is no-weak-algorithm's)",
      code: `import crypto from 'node:crypto';
export function encryptAesEcb(key, data) {
  const cipher = crypto.createCipheriv(\`aes-\${key.length * 8}-ecb\`, key, new Uint8Array(0));
  return Buffer.concat([cipher.update(data), cipher.final()]);
}
export function wrap(kek, key) {
  const cipher = crypto.createCipheriv('id-aes256-wrap', kek, Buffer.alloc(0));
  return Buffer.concat([cipher.update(key), cipher.final()]);
}`,
    },
  ],
  invalid: [],
});

ruleTester.run('no-insecure-randomness (application packages, batch 8)', noInsecureRandomness, {
  valid: [
    {
      name: "a clock read under a record's creationTS is a timestamp of the key record (matrix-js-sdk's RTCEncryptionManager)",
      code: `export class EncryptionManager {
  rolloutOutboundKey() {
    const firstKey = { key: this.generateRandomKey(), creationTS: Date.now(), sharedWith: [], keyId: 0 };
    this.outboundSession = firstKey;
  }
  generateRandomKey() {
    return globalThis.crypto.getRandomValues(new Uint8Array(16));
  }
}`,
    },
  ],
  invalid: [],
});

function xmlDsigDigest(algorithm: string): string {
  return `const crypto = require('crypto');
class Sha1 {
  constructor() {
    this.getHash = function (xml) {
      const shasum = crypto.createHash('${algorithm}');
      shasum.update(xml, 'utf8');
      return shasum.digest('base64');
    };
  }
}
exports.Sha1 = Sha1;`;
}

ruleTester.run('no-weak-algorithm (application packages, batch 8)', noWeakAlgorithm, {
  valid: [
    {
      name: "a digest returned by a function named for shasum is a checksum (isomorphic-git's packfile check)",
      code: `const crypto = require('crypto');
async function shasumRange(buffer, { start = 0, end = buffer.length } = {}) {
  const hash = crypto.createHash('sha1');
  hash.update(buffer.subarray(start, end));
  return hash.digest('hex');
}
async function verifyPack(pack, expected) {
  const actualPayloadSha = await shasumRange(pack, { end: pack.length - 20 });
  if (actualPayloadSha !== expected) throw new Error('Invalid checksum in packfile');
}
module.exports = { verifyPack };`,
      languageOptions: commonjs,
    },
  ],
  invalid: [
    {
      name: "a hasher variable named shasum (the idiom of Node's docs) says nothing about the purpose (xml-crypto's XMLDSig digest)",
      code: xmlDsigDigest('sha1'),
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'weakHash',
          line: 5,
          suggestions: [{ messageId: 'useSha256', data: { name: 'SHA-1', replacement: 'sha256' }, output: xmlDsigDigest('sha256') }],
        },
      ],
    },
  ],
});

ruleTester.run('require-key-zeroization (application packages, batch 8)', requireKeyZeroization, {
  valid: [
    {
      name: "a private key exported with a cipher and passphrase is an encrypted PKCS#8 blob (node-opcua-crypto's PKCS#12 key bag)",
      code: `import { createPrivateKey } from 'node:crypto';
export function keyBag(options) {
  const keyObject = createPrivateKey(options.privateKey);
  const shroudedKeyDer = keyObject.export({ type: 'pkcs8', format: 'der', cipher: 'aes-256-cbc', passphrase: options.password });
  return storeBag(shroudedKeyDer);
}`,
    },
  ],
  invalid: [],
});
