import noInsecureRandomness from '../../rules/no-insecure-randomness';
import noKeyReuseAcrossPurposes from '../../rules/no-key-reuse-across-purposes';
import requireKeyZeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// Shapes the thirtieth blind set (part A: logistics, shipping, fleet telematics and EV charging — carrier API clients,
// AS2/EDI gateways, OCPP charging back ends, ISO 15118 Plug & Charge, OTA signing, proof of delivery) found missed or
// misjudged: an OCPP `AuthorizationKey` built from `Math.random` characters; a key made by a local ConcatKDF helper (a
// SHA-256 of the shared secret cut to the key's length), and the shared secret wiped right after that helper; a key pair
// returned by a local load-or-create helper whose binding is where the key is defined.

const ruleTester = createRuleTester();

ruleTester.run('no-insecure-randomness (blind-s30 logistics shapes)', noInsecureRandomness, {
  valid: [
    {
      name: 'retry jitter in an authorization client is not a secret',
      code: `export function authRetryDelay(attempt) {
  return Math.floor(Math.random() * 250 * 2 ** attempt);
}
`,
    },
    {
      name: 'an OCPP message id only correlates a call with its result',
      code: `export function newMessageId() {
  return \`\${Date.now().toString(36)}-\${Math.random().toString(36).slice(2, 8)}\`;
}
`,
    },
  ],
  invalid: [
    {
      name: 'an authorization key built from Math.random characters',
      code: `const KEY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function generateAuthorizationKey() {
  let key = '';
  for (let i = 0; i < 32; i += 1) {
    key += KEY_ALPHABET[Math.floor(Math.random() * KEY_ALPHABET.length)];
  }
  return key;
}
`,
      errors: [{ messageId: 'predictableSecret', line: 5 }],
    },
  ],
});

const CONCAT_KDF = `function concatKdf(sharedSecret, keyLength) {
  const otherInfo = Buffer.from([0x01, 0x55, 0x56]);
  const counter = Buffer.from([0, 0, 0, 1]);
  return createHash('sha256').update(counter).update(sharedSecret).update(otherInfo).digest().subarray(0, keyLength);
}
`;

ruleTester.run('require-key-zeroization (blind-s30 logistics shapes)', requireKeyZeroization, {
  valid: [
    {
      name: 'a shared secret wiped right after a ConcatKDF helper, the derived key wiped in finally',
      code: `import { createECDH, createHash, createCipheriv, randomBytes } from 'node:crypto';
${CONCAT_KDF}
export function encryptTo(peerPublicKey, data) {
  const ecdh = createECDH('prime256v1');
  const ephemeral = ecdh.generateKeys();
  const shared = ecdh.computeSecret(peerPublicKey);
  const wrapKey = concatKdf(shared, 16);
  shared.fill(0);
  try {
    const iv = randomBytes(16);
    const cipher = createCipheriv('aes-128-cbc', wrapKey, iv);
    return { ephemeral, body: Buffer.concat([iv, cipher.update(data), cipher.final()]) };
  } finally {
    wrapKey.fill(0);
  }
}
`,
    },
    {
      name: 'a digest of a public key cut short is an identifier, not key bytes',
      code: `import { createHash } from 'node:crypto';
export function keyId(publicKeyDer) {
  const kid = createHash('sha256').update(publicKeyDer).digest().subarray(0, 8);
  return kid.toString('hex');
}
`,
    },
  ],
  invalid: [
    {
      name: 'a key made by a local ConcatKDF helper is never wiped',
      code: `import { createECDH, createHash, createCipheriv, randomBytes } from 'node:crypto';
${CONCAT_KDF}
export function encryptTo(peerPublicKey, data) {
  const ecdh = createECDH('prime256v1');
  const ephemeral = ecdh.generateKeys();
  const shared = ecdh.computeSecret(peerPublicKey);
  const wrapKey = concatKdf(shared, 16);
  shared.fill(0);
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-128-cbc', wrapKey, iv);
  return { ephemeral, body: Buffer.concat([iv, cipher.update(data), cipher.final()]) };
}
`,
      errors: [
        {
          messageId: 'notWiped',
          line: 12,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: [
                "import { createECDH, createHash, createCipheriv, randomBytes } from 'node:crypto';",
                "function concatKdf(sharedSecret, keyLength) {",
                "  const otherInfo = Buffer.from([0x01, 0x55, 0x56]);",
                "  const counter = Buffer.from([0, 0, 0, 1]);",
                "  return createHash('sha256').update(counter).update(sharedSecret).update(otherInfo).digest().subarray(0, keyLength);",
                "}",
                "",
                "export function encryptTo(peerPublicKey, data) {",
                "  const ecdh = createECDH('prime256v1');",
                "  const ephemeral = ecdh.generateKeys();",
                "  const shared = ecdh.computeSecret(peerPublicKey);",
                "  const wrapKey = concatKdf(shared, 16);",
                "  try {",
                "    shared.fill(0);",
                "    const iv = randomBytes(16);",
                "    const cipher = createCipheriv('aes-128-cbc', wrapKey, iv);",
                "    return { ephemeral, body: Buffer.concat([iv, cipher.update(data), cipher.final()]) };",
                "  } finally {",
                "    wrapKey.fill(0);",
                "  }",
                "}",
                '',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      name: 'a SHA-256 of a shared secret cut to 16 bytes and used as the AES key is never wiped',
      code: `import { createECDH, createHash, createCipheriv, randomBytes } from 'node:crypto';
export function seal(peerPublicKey, data) {
  const ecdh = createECDH('prime256v1');
  const ephemeral = ecdh.generateKeys();
  const shared = ecdh.computeSecret(peerPublicKey);
  const aesKey = createHash('sha256').update(shared).digest().subarray(0, 16);
  shared.fill(0);
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-128-cbc', aesKey, iv);
  return { ephemeral, body: Buffer.concat([iv, cipher.update(data), cipher.final()]) };
}
`,
      errors: [
        {
          messageId: 'notWiped',
          line: 6,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: [
                "import { createECDH, createHash, createCipheriv, randomBytes } from 'node:crypto';",
                "export function seal(peerPublicKey, data) {",
                "  const ecdh = createECDH('prime256v1');",
                "  const ephemeral = ecdh.generateKeys();",
                "  const shared = ecdh.computeSecret(peerPublicKey);",
                "  const aesKey = createHash('sha256').update(shared).digest().subarray(0, 16);",
                "  try {",
                "    shared.fill(0);",
                "    const iv = randomBytes(16);",
                "    const cipher = createCipheriv('aes-128-cbc', aesKey, iv);",
                "    return { ephemeral, body: Buffer.concat([iv, cipher.update(data), cipher.final()]) };",
                "  } finally {",
                "    aesKey.fill(0);",
                "  }",
                "}",
                '',
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      name: 'a helper that encrypts with the secret is a use: the wipe after it is happy-path only',
      code: `import { createECDH, createCipheriv, randomBytes } from 'node:crypto';
function sealWith(key, data) {
  const iv = randomBytes(12);
  return createCipheriv('aes-256-gcm', key, iv).update(data);
}
export function sealShared(peerPublicKey, data) {
  const ecdh = createECDH('prime256v1');
  const shared = ecdh.computeSecret(peerPublicKey);
  const out = sealWith(shared, data);
  shared.fill(0);
  return out;
}
`,
      errors: [
        {
          messageId: 'wipedOnHappyPathOnly',
          line: 8,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: [
                "import { createECDH, createCipheriv, randomBytes } from 'node:crypto';",
                "function sealWith(key, data) {",
                "  const iv = randomBytes(12);",
                "  return createCipheriv('aes-256-gcm', key, iv).update(data);",
                "}",
                "export function sealShared(peerPublicKey, data) {",
                "  const ecdh = createECDH('prime256v1');",
                "  const shared = ecdh.computeSecret(peerPublicKey);",
                "  try {",
                "    const out = sealWith(shared, data);",
                "    return out;",
                "  } finally {",
                "    shared.fill(0);",
                "  }",
                "}",
                '',
              ].join('\n'),
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-key-reuse-across-purposes (blind-s30 logistics shapes)', noKeyReuseAcrossPurposes, {
  valid: [
    {
      name: 'a key pair from a local helper that only signs',
      code: `import { generateKeyPairSync, sign } from 'node:crypto';
function loadIdentity() {
  return generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
}
const identity = loadIdentity();
export const signReport = (data) => sign('sha256', data, identity.privateKey);
export const signHeartbeat = (data) => sign('sha256', data, identity.privateKey);
`,
    },
  ],
  invalid: [
    {
      name: 'a key pair from a local load-or-create helper signs and agrees keys: reported on its binding',
      code: `import { createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, sign } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
function loadOrCreateIdentity(path) {
  if (existsSync(path)) {
    return { privateKey: createPrivateKey(readFileSync(path, 'utf8')) };
  }
  return generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
}
const vehicleKeys = loadOrCreateIdentity('/var/lib/agent/identity.pem');
export function signTelemetry(payload) {
  return sign('sha256', payload, vehicleKeys.privateKey);
}
export function agree(peerPem) {
  return diffieHellman({ privateKey: vehicleKeys.privateKey, publicKey: createPublicKey(peerPem) });
}
`,
      errors: [{ messageId: 'reusedKeyPair', line: 9 }],
    },
  ],
});
