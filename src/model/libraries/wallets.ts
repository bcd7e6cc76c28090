import { call, construct, method } from '../define';
import type { LibraryModel } from '../types';

/**
 * Blockchain wallets sign transactions with a secp256k1 private key given as `0x…` hex. The key is the
 * account: whoever reads it moves the funds.
 */
/**
 * ethers v5/v6: `new Wallet(privateKey, provider)`, `new SigningKey(privateKey)` (also under `ethers.`). A `SigningKey`
 * is the private key itself as an object: it signs digests, and its `computeSharedSecret(otherPublicKey)` is an ECDH
 * agreement with the same secp256k1 scalar.
 */
export const ethers: LibraryModel = {
  id: 'ethers',
  roots: [{ module: 'ethers' }, { module: '@ethersproject/wallet', provides: ['Wallet'] }, { module: '@ethersproject/signing-key', provides: ['SigningKey'] }],
  apis: [
    ...['Wallet', 'ethers.Wallet'].map((path) => construct(path, 'sign', { 0: 'key' })),
    ...['SigningKey', 'ethers.SigningKey', 'utils.SigningKey', 'ethers.utils.SigningKey'].map((path) =>
      construct(path, 'key-import', { 0: 'key' }, { facts: { purpose: 'sign', keyOfInput: true }, returns: 'SigningKey' }),
    ),
    // A recovery phrase (BIP-39 mnemonic) is the wallet's seed: every key of the wallet derives from it.
    ...['Wallet.fromPhrase', 'ethers.Wallet.fromPhrase', 'HDNodeWallet.fromPhrase', 'ethers.HDNodeWallet.fromPhrase', 'Wallet.fromMnemonic', 'ethers.Wallet.fromMnemonic'].map((path) =>
      call(path, 'sign', { 0: 'key' }),
    ),
    // `hexlify(bytes)`: the same bytes as `0x…` text, the form `new Wallet(…)` takes (`new Wallet(hexlify(randomBytes(32)))`).
    ...['hexlify', 'ethers.hexlify', 'utils.hexlify', 'ethers.utils.hexlify'].map((path) => call(path, 'encode', { 0: 'data' })),
    // An HD wallet's master node from a BIP-39 seed (HMAC-SHA512 of the seed, see hdKeys below).
    ...['HDNodeWallet.fromSeed', 'ethers.HDNodeWallet.fromSeed'].map((path) => call(path, 'kdf', { 0: 'key' })),
    // Keystore v3 files: the password is stretched with scrypt at the options' cost (`{ scrypt: { N, r, p } }`; ethers'
    // own default is N = 2^17), and the file is only as strong as that cost.
    ...['encryptKeystoreJson', 'encryptKeystoreJsonSync', 'ethers.encryptKeystoreJson', 'ethers.encryptKeystoreJsonSync'].map((path) =>
      call(path, 'kdf', { 1: 'passphrase', '2.salt': 'salt', '2.scrypt.N': 'memory', '2.scrypt.r': 'parallelism', '2.scrypt.p': 'parallelism' }, { facts: { kdf: 'scrypt' } }),
    ),
  ],
  objects: {
    SigningKey: {
      methods: {
        sign: method('sign', { 0: 'data' }),
        computeSharedSecret: method('key-agreement', { 0: 'public-key' }),
      },
    },
  },
};

/**
 * bitcoinjs: key pairs from a WIF string or raw private key bytes, through `ECPairFactory(ecc)` of the `ecpair` package
 * (bitcoinjs-lib v6) or `bitcoin.ECPair` of bitcoinjs-lib up to v5.
 */
const EC_PAIR_METHODS = {
  fromWIF: method('sign', { 0: 'key' }),
  fromPrivateKey: method('sign', { 0: 'key' }),
};

export const ecpair: LibraryModel = {
  id: 'ecpair',
  roots: [{ module: 'ecpair' }],
  apis: [call('ECPairFactory', 'client', {}, { returns: 'ECPairAPI' }), call('default', 'client', {}, { returns: 'ECPairAPI' }), call('', 'client', {}, { returns: 'ECPairAPI' })],
  objects: { ECPairAPI: { methods: EC_PAIR_METHODS } },
};

export const bitcoinjsLib: LibraryModel = {
  id: 'bitcoinjs-lib',
  roots: [{ module: 'bitcoinjs-lib' }],
  apis: [call('ECPair.fromWIF', 'sign', { 0: 'key' }), call('ECPair.fromPrivateKey', 'sign', { 0: 'key' })],
};

/**
 * web3.js: `web3.eth.accounts.privateKeyToAccount(key)`, `signTransaction(tx, key)`, `sign(data, key)` on a
 * `new Web3(provider)`, and the same functions exported by `web3-eth-accounts`.
 */
const WEB3_ACCOUNT_METHODS = {
  privateKeyToAccount: method('sign', { 0: 'key' }),
  signTransaction: method('sign', { 1: 'key' }),
  sign: method('sign', { 1: 'key' }),
};

export const web3: LibraryModel = {
  id: 'web3',
  roots: [{ module: 'web3' }],
  apis: [construct('', 'client', {}, { returns: 'Web3' }), construct('Web3', 'client', {}, { returns: 'Web3' }), construct('default', 'client', {}, { returns: 'Web3' })],
  objects: {
    Web3: { methods: {}, properties: { eth: 'Web3Eth' } },
    Web3Eth: { methods: {}, properties: { accounts: 'Web3Accounts' } },
    // `web3.eth.accounts.wallet.add(privateKey)`: the in-memory wallet signs with every key added to it.
    Web3Accounts: { methods: WEB3_ACCOUNT_METHODS, properties: { wallet: 'Web3Wallet' } },
    Web3Wallet: { methods: { add: method('sign', { 0: 'key' }) } },
  },
};

export const web3EthAccounts: LibraryModel = {
  id: 'web3-eth-accounts',
  roots: [{ module: 'web3-eth-accounts' }],
  apis: [call('privateKeyToAccount', 'sign', { 0: 'key' }), call('signTransaction', 'sign', { 1: 'key' }), call('sign', 'sign', { 1: 'key' })],
};

/** viem: `privateKeyToAccount('0x…')` and `mnemonicToAccount('…')` from `viem/accounts`. */
export const viemAccounts: LibraryModel = {
  id: 'viem',
  roots: [{ module: 'viem/accounts' }],
  apis: [call('privateKeyToAccount', 'sign', { 0: 'key' }), call('mnemonicToAccount', 'sign', { 0: 'key' })],
};

/**
 * Truffle's `HDWalletProvider` signs with the private keys or the recovery phrase it is given: positionally
 * (`new HDWalletProvider(mnemonic, url)`, `new HDWalletProvider(['0x…'], url)`) or as options
 * (`{ mnemonic: { phrase }, privateKeys, providerOrUrl }`).
 */
export const truffleHdWalletProvider: LibraryModel = {
  id: '@truffle/hdwallet-provider',
  roots: [{ module: '@truffle/hdwallet-provider' }, { module: 'truffle-hdwallet-provider' }],
  apis: ['', 'default'].map((path) => construct(path, 'sign', { 0: 'key', '0.mnemonic': 'key', '0.mnemonic.phrase': 'key', '0.privateKeys': 'key' })),
};

/**
 * @solana/web3.js: an Ed25519 `Keypair` made from its 64-byte secret key (`Keypair.fromSecretKey(bytes)`, what
 * `solana-keygen` writes as a JSON array) or from a 32-byte seed (`Keypair.fromSeed(seed)`). The keypair is the
 * account's signing key. Unlike a tweetnacl pair it is a key object: it keeps the bytes in a private field and its
 * `secretKey` getter returns a fresh copy each time, so the caller has no bytes of it to wipe (like a `KeyObject`); the
 * bytes it was made from are still the caller's (`secretKeyCopy`).
 */
export const solanaWeb3: LibraryModel = {
  id: '@solana/web3.js',
  roots: [{ module: '@solana/web3.js' }],
  apis: [
    call('Keypair.fromSecretKey', 'key-import', { 0: 'key' }, { facts: { purpose: 'sign', secretKeyCopy: true } }),
    call('Keypair.fromSeed', 'key-import', { 0: 'key' }, { facts: { purpose: 'sign', secretKeyCopy: true } }),
    // Signers handed to the transaction: `sendAndConfirmTransaction(connection, tx, [payer, authority])`,
    // `tx.sign(payer)`, `versionedTx.sign([payer])`.
    call('sendAndConfirmTransaction', 'sign', { 2: 'key' }),
    construct('Transaction', 'client', {}, { returns: 'SolanaTransaction' }),
    construct('VersionedTransaction', 'client', {}, { returns: 'SolanaTransaction' }),
  ],
  objects: {
    SolanaTransaction: {
      methods: {
        sign: method('sign', { 0: 'key', 1: 'key', 2: 'key' }),
        partialSign: method('sign', { 0: 'key', 1: 'key', 2: 'key' }),
      },
    },
  },
};

/**
 * BIP-39: `mnemonicToSeedSync(mnemonic, passphrase?)` (and the async `mnemonicToSeed`) stretch the recovery phrase
 * with PBKDF2-HMAC-SHA512 into the wallet's 64-byte seed, the root every account key derives from. The phrase is the
 * secret; the seed is key bytes (never a password hash: nobody stores it to compare).
 */
export const bip39: LibraryModel = {
  id: 'bip39',
  roots: [{ module: 'bip39' }, { module: '@scure/bip39' }],
  apis: [call('mnemonicToSeedSync', 'kdf', { 0: 'passphrase' }), call('mnemonicToSeed', 'kdf', { 0: 'passphrase' })],
};

/**
 * BIP-32 / SLIP-0010 hierarchical derivation: the master key of an HD wallet is HMAC-SHA512 of the seed
 * (`HDKey.fromMasterSeed(seed)` of @scure/bip32, `BIP32Factory(ecc).fromSeed(seed)` of bip32, ethers'
 * `HDNodeWallet.fromSeed(seed)`), and ed25519-hd-key's `derivePath(path, seedHex)` returns `{ key, chainCode }`
 * for Solana-style ed25519 accounts. Each takes the seed as key-derivation input.
 */
const BIP32_METHODS = { fromSeed: method('kdf', { 0: 'key' }) };

export const hdKeys: LibraryModel = {
  id: 'bip32',
  roots: [{ module: '@scure/bip32' }],
  apis: [call('HDKey.fromMasterSeed', 'kdf', { 0: 'key' })],
};

export const bip32Factory: LibraryModel = {
  id: 'bip32-factory',
  roots: [{ module: 'bip32' }],
  apis: [call('BIP32Factory', 'client', {}, { returns: 'BIP32API' }), call('default', 'client', {}, { returns: 'BIP32API' }), call('', 'client', {}, { returns: 'BIP32API' })],
  objects: { BIP32API: { methods: BIP32_METHODS } },
};

export const ed25519HdKey: LibraryModel = {
  id: 'ed25519-hd-key',
  roots: [{ module: 'ed25519-hd-key' }],
  apis: [call('derivePath', 'kdf', { 1: 'key' }, { facts: { keyBytesField: 'key' } })],
};

/**
 * Base58 decoders (`bs58.decode(text)`, @scure/base `base58.decode(text)`): Solana secret keys are passed around as
 * base58 text (Phantom's "export private key"), decoded into the 64 bytes `Keypair.fromSecretKey` takes.
 */
export const base58Decoders: LibraryModel = {
  id: 'bs58',
  roots: [{ module: 'bs58' }, { module: '@scure/base' }],
  apis: [
    call('decode', 'encode', { 0: 'data' }, { facts: { encoding: 'base58' } }),
    call('default.decode', 'encode', { 0: 'data' }, { facts: { encoding: 'base58' } }),
    call('base58.decode', 'encode', { 0: 'data' }, { facts: { encoding: 'base58' } }),
  ],
};
