import noHardcodedKey from '../../rules/no-hardcoded-key';
import noInsecureRandomness from '../../rules/no-insecure-randomness';
import noKeyReuse from '../../rules/no-key-reuse-across-purposes';
import preferEnvelope from '../../rules/prefer-envelope-encryption';
import requireKeyZeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the twenty-first blind set (part A: wallets, signers and dApp back ends) found misjudged: Solana keypairs
// (`Keypair.fromSecretKey(Uint8Array.from([...]))`) and their signers, BIP-39 seeds and BIP-32/SLIP-0010 derivations
// (KDF outputs that are key bytes and key-derivation input), ethers' `SigningKey.computeSharedSecret` (ECDH with the
// signing key) and `hexlify`, noble's SHA-2 one-shot digests of a shared secret used as the AES key, a decrypted buffer
// named as a private key, predictable server seeds and mnemonic entropy, a nonce made through a local arithmetic
// helper, and an RPC provider's token sealed once with KMS.

const ruleTester = createRuleTester();

ruleTester.run('no-hardcoded-key (blind-s21 wallets)', noHardcodedKey, {
  valid: [
    {
      name: 'a Solana keypair read from its keypair file is not written in the code',
      code: `import { Keypair } from '@solana/web3.js';
import { readFileSync } from 'node:fs';
export const payer = Keypair.fromSecretKey(Uint8Array.from(JSON.parse(readFileSync(process.env.KEYPAIR_PATH!, 'utf8'))));`,
    },
    {
      name: 'a throwaway keypair is generated',
      code: `import { Keypair } from '@solana/web3.js';
export const feePayer = Keypair.generate();`,
    },
  ],
  invalid: [
    {
      name: "a Solana secret key written as solana-keygen's byte array",
      code: `import { Keypair } from '@solana/web3.js';
export const payer = Keypair.fromSecretKey(Uint8Array.from([188, 19, 185, 154, 244, 102, 77, 32, 138, 18, 124, 188, 96, 153, 43, 161, 253, 137, 141, 246, 38, 65, 189, 124, 100, 254, 14, 253, 37, 105, 230, 210, 49, 130, 203, 36, 63, 77, 111, 3, 249, 229, 246, 112, 153, 160, 232, 21, 43, 8, 115, 58, 77, 127, 123, 215, 217, 159, 97, 164, 16, 10, 227, 140]));`,
      errors: [{ messageId: 'hardcodedKey', line: 2 }],
    },
  ],
});

ruleTester.run('no-insecure-randomness (blind-s21 wallets)', noInsecureRandomness, {
  valid: [
    {
      name: 'a PRNG seed for a shuffle and a procedural world seed are not secrets (seed without a secret qualifier)',
      code: `import seedrandom from 'seedrandom';
export function shuffledDeck(cards: string[]): string[] {
  const shuffleSeed = String(Math.random());
  const rng = seedrandom(shuffleSeed);
  return [...cards].sort(() => rng() - 0.5);
}
export function worldSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}
`,
    },
    {
      name: 'a local helper that does not return arithmetic of its argument does not carry it',
      code: `function describe(n: number): string {
  return n > 0.5 ? 'heads' : 'tails';
}
export function nonceLabel(): string {
  return describe(Math.random());
}
`,
    },
  ],
  invalid: [
    {
      name: "a casino's server seed hashed from Math.random",
      code: `import { createHash } from 'node:crypto';
export function newServerSeed(): string {
  return createHash('sha256').update(\`\${Math.random()}\`).digest('hex');
}
`,
      errors: [{ messageId: 'predictableSecret', line: 3 }],
    },
    {
      name: 'the entropy of a recovery phrase made from the clock',
      code: `import { createHash } from 'node:crypto';
import { entropyToMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english';
function entropyFor(id: string): Uint8Array {
  const seed = \`\${id}:\${Date.now()}\`;
  return createHash('sha256').update(seed).digest().subarray(0, 16);
}
export const phraseFor = (id: string) => entropyToMnemonic(entropyFor(id), wordlist);
`,
      errors: [{ messageId: 'predictableSecret', line: 5 }],
    },
    {
      name: 'an ECDSA nonce made through a local modular-arithmetic helper',
      code: `function mod(a: bigint, m: bigint): bigint {
  const r = a % m;
  return r >= 0n ? r : r + m;
}
export function nonce(h: string, n: bigint): bigint {
  const tail = Math.floor(Math.random() * 2 ** 48).toString(16);
  return mod(BigInt('0x' + h + tail), n - 1n) + 1n;
}
`,
      errors: [{ messageId: 'predictableSecret', line: 6 }],
    },
  ],
});

ruleTester.run('require-key-zeroization (blind-s21 wallets)', requireKeyZeroization, {
  valid: [
    {
      name: 'a BIP-39 seed wiped right after derivePath reads its hex, the derived key wiped in finally',
      code: `import { mnemonicToSeed } from 'bip39';
import { derivePath } from 'ed25519-hd-key';
import nacl from 'tweetnacl';
export async function signWith(mnemonic: string, message: Uint8Array): Promise<Uint8Array> {
  const seed = await mnemonicToSeed(mnemonic);
  const { key } = derivePath("m/44'/501'/0'/0'", seed.toString('hex'));
  seed.fill(0);
  try {
    return nacl.sign.detached(message, nacl.sign.keyPair.fromSeed(key).secretKey);
  } finally {
    key.fill(0);
  }
}
`,
    },
  ],
  invalid: [
    {
      name: "a BIP-39 seed derived per request and never wiped",
      code: `import { mnemonicToSeedSync } from '@scure/bip39';
import { HDKey } from '@scure/bip32';
export function childAddressKey(mnemonic: string, path: string) {
  const seed = mnemonicToSeedSync(mnemonic);
  const child = HDKey.fromMasterSeed(seed).derive(path);
  return child.publicKey;
}
`,
      errors: [
        {
          messageId: 'notWiped',
          line: 4,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              data: {"name": "seed", "what": "a derived key", "wipe": "seed.fill(0)"},
              output: `import { mnemonicToSeedSync } from '@scure/bip39';
import { HDKey } from '@scure/bip32';
export function childAddressKey(mnemonic: string, path: string) {
  const seed = mnemonicToSeedSync(mnemonic);
  try {
    const child = HDKey.fromMasterSeed(seed).derive(path);
    return child.publicKey;
  } finally {
    seed.fill(0);
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "ed25519-hd-key's derived key (the result's `key`) never wiped",
      code: `import { derivePath } from 'ed25519-hd-key';
import nacl from 'tweetnacl';
export function signWith(seedHex: string, message: Uint8Array): Uint8Array {
  const { key } = derivePath("m/44'/501'/0'/0'", seedHex);
  return nacl.sign.detached(message, nacl.sign.keyPair.fromSeed(key).secretKey);
}
`,
      errors: [
        {
          messageId: 'notWiped',
          line: 4,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              data: {"name": "key", "what": "a derived key", "wipe": "key.fill(0)"},
              output: `import { derivePath } from 'ed25519-hd-key';
import nacl from 'tweetnacl';
export function signWith(seedHex: string, message: Uint8Array): Uint8Array {
  const { key } = derivePath("m/44'/501'/0'/0'", seedHex);
  try {
    return nacl.sign.detached(message, nacl.sign.keyPair.fromSeed(key).secretKey);
  } finally {
    key.fill(0);
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "the SHA-256 of an ECDH secret used as the AES-GCM key, wiped after the decrypt without finally",
      code: `import { secp256k1 } from '@noble/curves/secp256k1';
import { sha256 } from '@noble/hashes/sha256';
import { gcm } from '@noble/ciphers/aes';
export function open(priv: Uint8Array, peer: Uint8Array, nonce: Uint8Array, ct: Uint8Array): Uint8Array {
  const shared = secp256k1.getSharedSecret(priv, peer, true);
  const aesKey = sha256(shared.subarray(1));
  shared.fill(0);
  const plaintext = gcm(aesKey, nonce).decrypt(ct);
  aesKey.fill(0);
  return plaintext;
}
`,
      errors: [
        {
          messageId: 'wipedOnHappyPathOnly',
          line: 6,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              data: {"name": "aesKey", "what": "a shared key", "wipe": "aesKey.fill(0)"},
              output: `import { secp256k1 } from '@noble/curves/secp256k1';
import { sha256 } from '@noble/hashes/sha256';
import { gcm } from '@noble/ciphers/aes';
export function open(priv: Uint8Array, peer: Uint8Array, nonce: Uint8Array, ct: Uint8Array): Uint8Array {
  const shared = secp256k1.getSharedSecret(priv, peer, true);
  const aesKey = sha256(shared.subarray(1));
  try {
    shared.fill(0);
    const plaintext = gcm(aesKey, nonce).decrypt(ct);
    return plaintext;
  } finally {
    aesKey.fill(0);
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "random bytes hexlified into an ethers Wallet and never wiped",
      code: `import { randomBytes } from 'node:crypto';
import { Wallet, hexlify } from 'ethers';
export function ephemeralSigner(): string {
  const raw = randomBytes(32);
  const signer = new Wallet(hexlify(raw));
  return signer.address;
}
`,
      errors: [
        {
          messageId: 'notWiped',
          line: 4,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              data: {"name": "raw", "what": "random key bytes", "wipe": "raw.fill(0)"},
              output: `import { randomBytes } from 'node:crypto';
import { Wallet, hexlify } from 'ethers';
export function ephemeralSigner(): string {
  const raw = randomBytes(32);
  try {
    const signer = new Wallet(hexlify(raw));
    return signer.address;
  } finally {
    raw.fill(0);
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a decrypted buffer named as a private key, converted and never wiped",
      code: `import { xchacha20poly1305 } from '@noble/ciphers/chacha';
export function revealKey(kek: Uint8Array, nonce: Uint8Array, sealed: Uint8Array): string {
  const privateKey = xchacha20poly1305(kek, nonce).decrypt(sealed);
  return Array.from(privateKey, (b) => b.toString(16).padStart(2, '0')).join('');
}
`,
      errors: [
        {
          messageId: 'notWiped',
          line: 3,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              data: {"name": "privateKey", "what": "an unwrapped key", "wipe": "privateKey.fill(0)"},
              output: `import { xchacha20poly1305 } from '@noble/ciphers/chacha';
export function revealKey(kek: Uint8Array, nonce: Uint8Array, sealed: Uint8Array): string {
  const privateKey = xchacha20poly1305(kek, nonce).decrypt(sealed);
  try {
    return Array.from(privateKey, (b) => b.toString(16).padStart(2, '0')).join('');
  } finally {
    privateKey.fill(0);
  }
}
`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-key-reuse-across-purposes (blind-s21 wallets)', noKeyReuse, {
  valid: [
    {
      name: 'a Solana keypair that only signs transactions (partialSign and sendAndConfirmTransaction)',
      code: `import { Keypair, sendAndConfirmTransaction, type Connection, type Transaction } from '@solana/web3.js';
import { readFileSync } from 'node:fs';
const payer = Keypair.fromSecretKey(Uint8Array.from(JSON.parse(readFileSync(process.env.KEYPAIR_PATH!, 'utf8'))));
export function pay(connection: Connection, tx: Transaction) {
  tx.partialSign(payer);
  return sendAndConfirmTransaction(connection, tx, [payer]);
}
`,
    },
  ],
  invalid: [
    {
      name: "one private key for an ethers Wallet and a SigningKey's ECDH",
      code: `import { SigningKey, Wallet } from 'ethers';
const relayerKey = process.env.RELAYER_KEY!;
export const relayer = new Wallet(relayerKey);
const inbox = new SigningKey(relayerKey);
export function sharedWith(peerPublicKey: string): string {
  return inbox.computeSharedSecret(peerPublicKey);
}
`,
      errors: [{ messageId: 'reusedKeyPair', line: 2 }],
    },
    {
      name: 'a Solana keypair signing transactions and, converted by ed2curve, opening boxes',
      code: `import { Keypair, sendAndConfirmTransaction, type Connection, type Transaction } from '@solana/web3.js';
import nacl from 'tweetnacl';
import ed2curve from 'ed2curve';
import { readFileSync } from 'node:fs';
const merchant = Keypair.fromSecretKey(Uint8Array.from(JSON.parse(readFileSync(process.env.KEYPAIR_PATH!, 'utf8'))));
export function pay(connection: Connection, tx: Transaction) {
  return sendAndConfirmTransaction(connection, tx, [merchant]);
}
export function openMemo(box: Uint8Array, nonce: Uint8Array, sender: Uint8Array) {
  return nacl.box.open(box, nonce, sender, ed2curve.convertSecretKey(merchant.secretKey));
}
`,
      errors: [{ messageId: 'reusedKeyPair', line: 5 }],
    },
    {
      name: "a BIP-39 seed as the HD root and, directly, as an AES key",
      code: `import { mnemonicToSeedSync } from '@scure/bip39';
import { HDKey } from '@scure/bip32';
import { createCipheriv, randomBytes } from 'node:crypto';
export class Session {
  private readonly seed: Uint8Array;
  constructor(mnemonic: string) {
    this.seed = mnemonicToSeedSync(mnemonic);
  }
  account(index: number) {
    return HDKey.fromMasterSeed(this.seed).derive(\`m/44'/60'/0'/0/\${index}\`).publicKey;
  }
  seal(text: string) {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.seed.subarray(0, 32), iv);
    return Buffer.concat([iv, cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  }
  lock() {
    this.seed.fill(0);
  }
}
`,
      errors: [
        {
          messageId: 'reused',
          line: 7,
          suggestions: [
            {
              messageId: 'deriveSubkeys',
              data: {"name": "`this.seed`"},
              output: `import { mnemonicToSeedSync } from '@scure/bip39';
import { HDKey } from '@scure/bip32';
import { createCipheriv, randomBytes, hkdfSync } from 'node:crypto';
export class Session {
  private readonly seed: Uint8Array;
  constructor(mnemonic: string) {
    this.seed = mnemonicToSeedSync(mnemonic);
  }
  account(index: number) {
    return HDKey.fromMasterSeed(this.seed).derive(\`m/44'/60'/0'/0/\${index}\`).publicKey;
  }
  seal(text: string) {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', Buffer.from(hkdfSync('sha256', this.seed.subarray(0, 32), new Uint8Array(0), 'keywarden:encrypt', 32)), iv);
    return Buffer.concat([iv, cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  }
  lock() {
    this.seed.fill(0);
  }
}
`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('prefer-envelope-encryption (blind-s21 wallets)', preferEnvelope, {
  valid: [],
  invalid: [
    {
      name: "an RPC provider's or a bot's token sealed once is a small named secret; a user's access token is application data",
      code: `import { KeyManagementServiceClient } from '@google-cloud/kms';
const client = new KeyManagementServiceClient();
const KEY = client.cryptoKeyPath('p', 'global', 'ring', 'config');
export async function sealRpcToken(rpcToken: string): Promise<Buffer> {
  const [resp] = await client.encrypt({ name: KEY, plaintext: Buffer.from(rpcToken, 'utf8'), additionalAuthenticatedData: Buffer.from('cfg') });
  return Buffer.from(resp.ciphertext as Uint8Array);
}
export async function sealBotToken(botToken: string): Promise<Buffer> {
  const [resp] = await client.encrypt({ name: KEY, plaintext: Buffer.from(botToken, 'utf8'), additionalAuthenticatedData: Buffer.from('cfg') });
  return Buffer.from(resp.ciphertext as Uint8Array);
}
export async function sealAccessToken(userId: string, accessToken: string): Promise<Buffer> {
  const [resp] = await client.encrypt({ name: KEY, plaintext: Buffer.from(accessToken, 'utf8'), additionalAuthenticatedData: Buffer.from(userId) });
  return Buffer.from(resp.ciphertext as Uint8Array);
}
`,
      errors: [{ messageId: 'directKmsEncrypt', line: 13 }],
    },
  ],
});

// Neighbours probed after the set: base58 secret keys, web3.js's in-memory wallet and the standalone @noble/secp256k1.
ruleTester.run('no-hardcoded-key (blind-s21 neighbours)', noHardcodedKey, {
  valid: [
    {
      name: 'a base58 transaction signature decoded for a length check is not a key',
      code: `import bs58 from 'bs58';
export const isSignature = (s: string) => bs58.decode(s).length === 64;`,
    },
  ],
  invalid: [
    {
      name: "a Solana secret key pasted as base58 text (a wallet's export) and decoded with bs58",
      code: `import { Keypair } from '@solana/web3.js';
import bs58 from 'bs58';
export const a = Keypair.fromSecretKey(bs58.decode('47Ww29vPCWxHBAyz6GWh15bhXbtNgKqVW2v145pF2GqXSzdL51HSMw7q7xcNMDhiYBySXP7H7iyt87tMywPz5yNk'));`,
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 3,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              data: {"envVar": "SECRET_KEY", "format": "the same string"},
              output: `import { Keypair } from '@solana/web3.js';
import bs58 from 'bs58';
export const a = Keypair.fromSecretKey(bs58.decode(requireEnv('SECRET_KEY')));${REQUIRE_ENV_TS}`,
            },
          ],
        },
      ],
    },
    {
      name: "a key added to web3.js's in-memory wallet",
      code: `import Web3 from 'web3';
const w3 = new Web3('http://localhost:8545');
w3.eth.accounts.wallet.add('0x67d2d9349d319a4e12561b6ede723f535f92d6bb50c6cc416bad0e3a1d48aafc');`,
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 3,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              data: {"envVar": "SIGNING_KEY", "format": "the same string"},
              output: `import Web3 from 'web3';
const w3 = new Web3('http://localhost:8545');
w3.eth.accounts.wallet.add(requireEnv('SIGNING_KEY'));${REQUIRE_ENV_TS}`,
            },
          ],
        },
      ],
    },
    {
      name: '@noble/secp256k1 signing with a written key',
      code: `import * as secp from '@noble/secp256k1';
export const sig = secp.sign(new Uint8Array(32), '0x108670a3a0aa3e566f09bc46f24a2fa26b5f3e508b589f719eab27a36ad9de64'.slice(2));`,
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 2,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              data: {"envVar": "SIGNING_KEY", "format": "the same string"},
              output: `import * as secp from '@noble/secp256k1';
export const sig = secp.sign(new Uint8Array(32), requireEnv('SIGNING_KEY').slice(2));${REQUIRE_ENV_TS}`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('require-key-zeroization (blind-s21 neighbours)', requireKeyZeroization, {
  valid: [
    {
      name: "@noble/secp256k1's shared secret hashed into the key and wiped, the key wiped in finally",
      code: `import * as secp from '@noble/secp256k1';
import { gcm } from '@noble/ciphers/aes';
import { sha256 } from '@noble/hashes/sha256';
export function openNote(priv: Uint8Array, peer: Uint8Array, nonce: Uint8Array, ct: Uint8Array): Uint8Array {
  const shared = secp.getSharedSecret(priv, peer);
  const key = sha256(shared);
  shared.fill(0);
  try {
    return gcm(key, nonce).decrypt(ct);
  } finally {
    key.fill(0);
  }
}
`,
    },
  ],
  invalid: [
    {
      name: "@noble/secp256k1's randomPrivateKey never wiped",
      code: `import * as secp from '@noble/secp256k1';
export function ephemeralPublicKey(): Uint8Array {
  const sk = secp.utils.randomPrivateKey();
  return secp.getPublicKey(sk);
}
`,
      errors: [
        {
          messageId: 'notWiped',
          line: 3,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              data: {"name": "sk", "what": "a generated key", "wipe": "sk.fill(0)"},
              output: `import * as secp from '@noble/secp256k1';
export function ephemeralPublicKey(): Uint8Array {
  const sk = secp.utils.randomPrivateKey();
  try {
    return secp.getPublicKey(sk);
  } finally {
    sk.fill(0);
  }
}
`,
            },
          ],
        },
      ],
    },
  ],
});
