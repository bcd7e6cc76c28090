import minKeyStrength from '../../rules/min-key-strength';
import noHardcodedKey from '../../rules/no-hardcoded-key';
import noKeyReuseAcrossPurposes from '../../rules/no-key-reuse-across-purposes';
import noPlaintextDataKeyExposure from '../../rules/no-plaintext-data-key-exposure';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import requireKeyZeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the twenty-eighth blind set (part A: web3 and wallet back-ends — ethers and viem signers, BIP-39/32
// derivation, keystores, KMS custody, MPC key shares, relayers and paymasters, Solana, SIWE, chain-indexer webhooks)
// found missed or misjudged: a KMS plaintext whose length check throws before the `try` that wipes it (a `||` guard
// is "no key" only when every alternative says so); a key share opened by a local helper (`keyShareB`) and a key
// share written as a setting's fallback (`signerKeyShare`): a share of a split key is key material; a wallet key
// whose `0x` prefix is stripped (`key.slice(2)`, `key.replace(/^0x/, '')`) before a byte decoder is the same key;
// ethers/viem hex encoders (`hexlify`) carry a key's bytes into a log; ethers `encryptKeystoreJson`'s scrypt cost;
// a @solana/web3.js `Keypair` (its `secretKey` getter returns a copy: nothing to wipe on it); and a file's MD5 named
// and compared as an ETag (a cache validator, not an integrity check).

const ruleTester = createRuleTester();

ruleTester.run('require-key-zeroization (blind-s28 web3 shapes)', requireKeyZeroization, {
  valid: [
    {
      name: "a response checked for presence only (`!res || !res.Plaintext`) has nothing to wipe on the throw",
      code: `import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';
import { Wallet, hexlify } from 'ethers';
const kms = new KMSClient({});
export async function loadSigner(wrapped: Uint8Array): Promise<string> {
  const res = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { service: 'relayer' } }));
  if (!res || !res.Plaintext) throw new Error('KMS returned no plaintext');
  try {
    return new Wallet(hexlify(res.Plaintext)).address;
  } finally {
    res.Plaintext.fill(0);
  }
}
`,
    },
    {
      name: "a @solana/web3.js Keypair made from a wiped seed holds no bytes of its own to wipe",
      code: `import { Connection, Keypair, SystemProgram, Transaction, sendAndConfirmTransaction, type PublicKey } from '@solana/web3.js';
import { derivePath } from 'ed25519-hd-key';
export async function sweep(connection: Connection, seedHex: string, index: number, to: PublicKey, lamports: number): Promise<string> {
  const { key } = derivePath(\`m/44'/501'/\${index}'/0'\`, seedHex);
  try {
    const depositor = Keypair.fromSeed(key);
    const tx = new Transaction().add(SystemProgram.transfer({ fromPubkey: depositor.publicKey, toPubkey: to, lamports }));
    return await sendAndConfirmTransaction(connection, tx, [depositor]);
  } finally {
    key.fill(0);
  }
}
`,
    },
    {
      name: "a note opened by a local helper is data, not a key",
      code: `import { createDecipheriv } from 'node:crypto';
function openBox(box: { iv: Buffer; tag: Buffer; data: Buffer }, key: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, box.iv);
  decipher.setAuthTag(box.tag);
  return Buffer.concat([decipher.update(box.data), decipher.final()]);
}
export function readNote(box: { iv: Buffer; tag: Buffer; data: Buffer }, key: Buffer): string {
  const note = openBox(box, key);
  return note.toString('utf8');
}
`,
    },
    {
      name: "a KMS response checked for both of its fields (`!Plaintext || !CiphertextBlob`) before the try",
      code: `import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { createCipheriv, randomBytes } from 'node:crypto';
const kms = new KMSClient({});
export async function a(data: Buffer) {
  const { Plaintext, CiphertextBlob } = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/x', KeySpec: 'AES_256' }));
  if (!Plaintext || !CiphertextBlob) throw new Error('no data key');
  try {
    return [CiphertextBlob, createCipheriv('aes-256-gcm', Plaintext, randomBytes(12)).update(data)];
  } finally {
    Plaintext.fill(0);
  }
}
`,
    },
  ],
  invalid: [
    {
      name: "a KMS plaintext checked for its length before the try: the throw leaves it unwiped",
      code: `import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';
import { Wallet, hexlify } from 'ethers';
const kms = new KMSClient({});
export async function loadSigner(wrapped: Uint8Array): Promise<string> {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { service: 'relayer' } }));
  if (!Plaintext || Plaintext.length !== 32) throw new Error('unexpected key material');
  try {
    return new Wallet(hexlify(Plaintext)).address;
  } finally {
    Plaintext.fill(0);
  }
}
`,
      errors: [
        {
          messageId: 'wipedOnHappyPathOnly',
          line: 5,
          suggestions: [
            { messageId: 'wrapInTryFinally', output: `import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';
import { Wallet, hexlify } from 'ethers';
const kms = new KMSClient({});
export async function loadSigner(wrapped: Uint8Array): Promise<string> {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { service: 'relayer' } }));
  try {
    if (!Plaintext || Plaintext.length !== 32) throw new Error('unexpected key material');
    try {
      return new Wallet(hexlify(Plaintext)).address;
    } finally {
      Plaintext.fill(0);
    }
  } finally {
    Plaintext?.fill(0);
  }
}
` },
          ],
        },
      ],
    },
    {
      name: "a key share opened by a local helper and never wiped",
      code: `import { createDecipheriv } from 'node:crypto';
import { secp256k1 } from '@noble/curves/secp256k1';
function openShare(box: { iv: Buffer; tag: Buffer; data: Buffer }, recoveryKey: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', recoveryKey, box.iv);
  decipher.setAuthTag(box.tag);
  return Buffer.concat([decipher.update(box.data), decipher.final()]);
}
export function partyPublicKey(box: { iv: Buffer; tag: Buffer; data: Buffer }, recoveryKey: Buffer): Uint8Array {
  const keyShareB = openShare(box, recoveryKey);
  return secp256k1.getPublicKey(keyShareB, true);
}
`,
      errors: [
        {
          messageId: 'notWiped',
          line: 9,
          suggestions: [
            { messageId: 'wrapInTryFinally', output: `import { createDecipheriv } from 'node:crypto';
import { secp256k1 } from '@noble/curves/secp256k1';
function openShare(box: { iv: Buffer; tag: Buffer; data: Buffer }, recoveryKey: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', recoveryKey, box.iv);
  decipher.setAuthTag(box.tag);
  return Buffer.concat([decipher.update(box.data), decipher.final()]);
}
export function partyPublicKey(box: { iv: Buffer; tag: Buffer; data: Buffer }, recoveryKey: Buffer): Uint8Array {
  const keyShareB = openShare(box, recoveryKey);
  try {
    return secp256k1.getPublicKey(keyShareB, true);
  } finally {
    keyShareB.fill(0);
  }
}
` },
          ],
        },
      ],
    },
    {
      name: "a tweetnacl pair made from a derived seed still holds its secret key",
      code: `import nacl from 'tweetnacl';
import { derivePath } from 'ed25519-hd-key';
export function memoSigner(seedHex: string, index: number, memo: Uint8Array): Uint8Array {
  const { key } = derivePath(\`m/44'/501'/\${index}'/0'\`, seedHex);
  try {
    const pair = nacl.sign.keyPair.fromSeed(key);
    return nacl.sign.detached(memo, pair.secretKey);
  } finally {
    key.fill(0);
  }
}
`,
      errors: [
        {
          messageId: 'notWiped',
          line: 6,
          suggestions: [
            { messageId: 'wrapInTryFinally', output: `import nacl from 'tweetnacl';
import { derivePath } from 'ed25519-hd-key';
export function memoSigner(seedHex: string, index: number, memo: Uint8Array): Uint8Array {
  const { key } = derivePath(\`m/44'/501'/\${index}'/0'\`, seedHex);
  try {
    const pair = nacl.sign.keyPair.fromSeed(key);
    try {
      return nacl.sign.detached(memo, pair.secretKey);
    } finally {
      pair.secretKey.fill(0);
    }
  } finally {
    key.fill(0);
  }
}
` },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-key-reuse-across-purposes (blind-s28 web3 shapes)', noKeyReuseAcrossPurposes, {
  valid: [
    {
      name: "a wallet key used only to sign, once through slice(2)",
      code: `import { Wallet, SigningKey, keccak256, toUtf8Bytes } from 'ethers';
const operatorKey = process.env.OPERATOR_KEY!;
export const operator = new Wallet(operatorKey);
export function signDigest(message: string) {
  return new SigningKey(Buffer.from(operatorKey.slice(2), 'hex')).sign(keccak256(toUtf8Bytes(message)));
}
`,
    },
  ],
  invalid: [
    {
      name: "a wallet key given to viem and, without its 0x prefix, to an ECDH agreement",
      code: `import { privateKeyToAccount } from 'viem/accounts';
import { secp256k1 } from '@noble/curves/secp256k1';
import { hexToBytes } from '@noble/hashes/utils';
const botKey = process.env.BOT_PRIVATE_KEY as \`0x\${string}\`;
const bot = privateKeyToAccount(botKey);
export const signQuote = (text: string) => bot.signMessage({ message: text });
export function inboxSecret(peer: string): Uint8Array {
  return secp256k1.getSharedSecret(hexToBytes(botKey.slice(2)), hexToBytes(peer), true);
}
`,
      errors: [
        {
          messageId: 'reusedKeyPair',
          line: 4,
        },
      ],
    },
    {
      name: "a wallet key whose 0x prefix is replaced away before ECDH",
      code: `import { Wallet } from 'ethers';
import { createECDH } from 'node:crypto';
const operatorKey = process.env.OPERATOR_KEY!;
export const operator = new Wallet(operatorKey);
export function agree(peer: Buffer): Buffer {
  const ecdh = createECDH('secp256k1');
  ecdh.setPrivateKey(Buffer.from(operatorKey.replace(/^0x/, ''), 'hex'));
  return ecdh.computeSecret(peer);
}
`,
      errors: [
        {
          messageId: 'reusedKeyPair',
          line: 3,
        },
      ],
    },
  ],
});

ruleTester.run('no-hardcoded-key (blind-s28 web3 shapes)', noHardcodedKey, {
  valid: [
    {
      name: "a public key share, a share index and a share count are not key material",
      code: `export default {
  dkg: {
    keyShareIndex: 2,
    publicKeyShare: '0x03' + '45aacc0b02c0f4bcafd1ab36c3b4244ccbaf3456a6c7e0f9759667686a5accdd',
    keyShareCount: 3,
  },
};
`,
    },
  ],
  invalid: [
    {
      name: "a key share written as the fallback of a co-signer setting",
      code: `const env = process.env;
export default {
  mpc: {
    threshold: 2,
    signerKeyShare: env.COSIGNER_KEY_SHARE || '90a8ad6d50fcc5b1a426fead963a383c78ff4df321ec739b8e23819ce4d519d9',
  },
};
`,
      errors: [
        {
          messageId: 'hardcodedFallback',
          line: 5,
          suggestions: [
            { messageId: 'readFromEnvironment', output: `const env = process.env;
export default {
  mpc: {
    threshold: 2,
    signerKeyShare: requireEnv('COSIGNER_KEY_SHARE'),
  },
};${REQUIRE_ENV_TS}
` },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('min-key-strength (blind-s28 web3 shapes)', minKeyStrength, {
  valid: [
    {
      name: "an ethers keystore at N = 2^17, and with ethers defaults",
      code: `import { encryptKeystoreJson, type KeystoreAccount } from 'ethers';
export function keystore(account: KeystoreAccount, password: string): Promise<string> {
  return encryptKeystoreJson(account, password, { scrypt: { N: 2 ** 17, r: 8, p: 1 } });
}
export function keystoreDefault(account: KeystoreAccount, password: string): Promise<string> {
  return encryptKeystoreJson(account, password);
}
`,
    },
  ],
  invalid: [
    {
      name: "an ethers keystore encrypted at scrypt N = 2^12",
      code: `import { encryptKeystoreJson, type KeystoreAccount } from 'ethers';
export function quickKeystore(account: KeystoreAccount, password: string): Promise<string> {
  return encryptKeystoreJson(account, password, { scrypt: { N: 1 << 12 } });
}
`,
      errors: [
        {
          messageId: 'lowCost',
          line: 3,
        },
      ],
    },
  ],
});

ruleTester.run('no-plaintext-data-key-exposure (blind-s28 web3 shapes)', noPlaintextDataKeyExposure, {
  valid: [
    {
      name: "the hexlify of the wrapped key logged",
      code: `import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { hexlify } from 'ethers';
const kms = new KMSClient({});
export async function provision(keyId: string): Promise<Uint8Array> {
  const { Plaintext, CiphertextBlob } = await kms.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256', EncryptionContext: { use: 'cache' } }));
  try {
    console.info('wrapped data key', hexlify(CiphertextBlob!));
    return CiphertextBlob!;
  } finally {
    Plaintext!.fill(0);
  }
}
`,
    },
  ],
  invalid: [
    {
      name: "a KMS plaintext logged as ethers hexlify text",
      code: `import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';
import { Wallet, hexlify } from 'ethers';
import pino from 'pino';
const log = pino({ name: 'bootstrap' });
const kms = new KMSClient({});
export async function loadSigner(wrapped: Uint8Array): Promise<Wallet> {
  const { Plaintext, KeyId } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { service: 'relayer' } }));
  try {
    const keyHex = hexlify(Plaintext!);
    log.debug({ keyId: KeyId, key: keyHex }, 'signer unwrapped');
    return new Wallet(keyHex);
  } finally {
    Plaintext!.fill(0);
  }
}
`,
      errors: [
        {
          messageId: 'dataKeyExposed',
          line: 7,
        },
      ],
    },
  ],
});

ruleTester.run('no-weak-algorithm (blind-s28 web3 shapes)', noWeakAlgorithm, {
  valid: [
    {
      name: "a file MD5 named and compared as an ETag is a fingerprint",
      code: `import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
export async function needsUpload(file: string, manifest: Record<string, { etag: string }>): Promise<boolean> {
  const body = await readFile(file);
  const etag = createHash('md5').update(body).digest('hex');
  return manifest[file]?.etag !== etag;
}
`,
    },
  ],
  invalid: [
    {
      name: "a file MD5 compared with a recorded checksum is still an integrity check",
      code: `import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
export async function verifyMigration(file: string, recorded: string): Promise<void> {
  const body = await readFile(file);
  const checksum = createHash('md5').update(body).digest('hex');
  if (checksum !== recorded) throw new Error(\`migration \${file} was edited after it ran\`);
}
`,
      errors: [
        {
          messageId: 'weakHash',
          line: 5,
          suggestions: [
            { messageId: 'useSha256Migrate', output: `import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
export async function verifyMigration(file: string, recorded: string): Promise<void> {
  const body = await readFile(file);
  const checksum = createHash('sha256').update(body).digest('hex');
  if (checksum !== recorded) throw new Error(\`migration \${file} was edited after it ran\`);
}
` },
          ],
        },
      ],
    },
  ],
});
