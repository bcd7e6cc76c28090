import * as fs from 'node:fs';
import * as path from 'node:path';
import rule from '../../rules/no-key-reuse-across-purposes';
import { createRuleTester, createTypedRuleTester, TYPED_FIXTURE_DIR } from './rule-tester';

// Fourteenth lifecycle blind set (corpus key-purpose/blind-s14, part C): an elliptic key pair that signs and derives
// ECDH secrets; WebCrypto keys imported from a view of derived bits (reported on the bits' binding); with type
// information, an exported KeyObject made from a key file and used by two importers, and a key handed to helpers
// imported from other modules that use it for a MAC and a cipher.
const ellipticIdentity = `const EC = require('elliptic').ec;
const crypto = require('node:crypto');
const ec = new EC('secp256k1');
const identity = ec.keyFromPrivate(process.env.NODE_KEY_HEX, 'hex');
function signReading(reading) {
  const digest = crypto.createHash('sha256').update(JSON.stringify(reading)).digest();
  return identity.sign(digest).toDER('hex');
}
function linkSecret(peerHex) {
  return identity.derive(ec.keyFromPublic(peerHex, 'hex').getPublic());
}
module.exports = { signReading, linkSecret };
`;
const derivedBitsView = `export async function backupKeys(passphrase: string, salt: Uint8Array) {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 600000 }, base, 256);
  const view = new Uint8Array(bits);
  try {
    const wrapping = await crypto.subtle.importKey('raw', view, 'AES-KW', false, ['wrapKey', 'unwrapKey']);
    const archive = await crypto.subtle.importKey('raw', view, 'AES-GCM', false, ['encrypt', 'decrypt']);
    return { wrapping, archive };
  } finally {
    view.fill(0);
  }
}
`;

const importedOnceAndUsedDirectly = `import { createCipheriv, randomBytes } from 'node:crypto';
const raw = Buffer.from(process.env.APP_KEY ?? '', 'base64');
const bytes = new Uint8Array(raw);
export async function linkMacKey() {
  return crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}
export function seal(data: Buffer) {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', raw, iv);
  return Buffer.concat([iv, c.update(data), c.final(), c.getAuthTag()]);
}
`;

createRuleTester().run('no-key-reuse-across-purposes (blind-s14)', rule, {
  valid: [
    {
      name: 'a secret imported as an HMAC CryptoKey and also used directly for an HMAC',
      code: importedOnceAndUsedDirectly
        .replace("import { createCipheriv, randomBytes } from 'node:crypto';", "import { createHmac } from 'node:crypto';")
        .replace("  const iv = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', raw, iv);\n  return Buffer.concat([iv, c.update(data), c.final(), c.getAuthTag()]);", "  return createHmac('sha256', raw).update(data).digest();"),
      filename: 'keys.ts',
    },
    {
      name: 'one elliptic pair signs, another (generated) agrees',
      code: ellipticIdentity.replace("return identity.derive(", "return ec.genKeyPair().derive("),
      filename: 'mesh.js',
      languageOptions: { sourceType: 'commonjs' } as never,
    },
    {
      name: 'a view of derived bits imported twice for one purpose',
      code: derivedBitsView.replace("'AES-KW', false, ['wrapKey', 'unwrapKey']", "'AES-GCM', false, ['encrypt']"),
      filename: 'backup.ts',
    },
  ],
  invalid: [
    {
      name: 'a secret imported once as an HMAC CryptoKey (never used here) and used directly as an AES key',
      code: importedOnceAndUsedDirectly,
      filename: 'keys.ts',
      errors: [{ messageId: 'reused', line: 2 }],
    },
    {
      name: 'an elliptic key pair used to sign and to derive ECDH secrets',
      code: ellipticIdentity,
      filename: 'mesh.js',
      languageOptions: { sourceType: 'commonjs' as const },
      errors: [{ messageId: 'reusedKeyPair', line: 4 }],
    },
    {
      name: 'derived bits imported through a view as an AES-KW and an AES-GCM key: reported on the bits',
      code: derivedBitsView,
      filename: 'backup.ts',
      errors: [{ messageId: 'reused', line: 3 }],
    },
  ] as never,
});

const fixture = (name: string) => ({ code: fs.readFileSync(path.join(TYPED_FIXTURE_DIR, name), 'utf8'), filename: name });
createTypedRuleTester().run('no-key-reuse-across-purposes (blind-s14, across modules)', rule as never, {
  valid: [
    { name: 'an exported key object its importer only signs with', ...fixture('release-key.ts') },
    { name: 'a key handed only to an imported MAC helper', ...fixture('helper-partner-mac-only.ts') },
  ],
  invalid: [
    {
      name: 'an exported key object (from a key file) that importers decrypt and sign with, through a barrel',
      ...fixture('licence-key.ts'),
      errors: [{ messageId: 'reused', line: 5 }],
    },
    {
      name: 'a key handed to an imported MAC helper and an imported sealing helper',
      ...fixture('helper-partner.ts'),
      errors: [{ messageId: 'reused', line: 5 }],
    },
    {
      name: 'a key handed to helpers reached through namespace imports',
      ...fixture('helper-partner-namespace.ts'),
      errors: [{ messageId: 'reused', line: 5 }],
    },
    {
      name: 'a key used here for an HMAC and handed to an imported sealing helper',
      ...fixture('helper-partner-direct.ts'),
      errors: [{ messageId: 'reused', line: 5 }],
    },
  ] as never,
});
