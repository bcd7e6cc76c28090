import { call, construct, method } from '../define';
import type { LibraryModel } from '../types';

/**
 * Blockchain wallets sign transactions with a secp256k1 private key given as `0x…` hex. The key is the
 * account: whoever reads it moves the funds.
 */
/** ethers v5/v6: `new Wallet(privateKey, provider)`, `new SigningKey(privateKey)` (also under `ethers.`). */
export const ethers: LibraryModel = {
  id: 'ethers',
  roots: [{ module: 'ethers' }, { module: '@ethersproject/wallet', provides: ['Wallet'] }, { module: '@ethersproject/signing-key', provides: ['SigningKey'] }],
  apis: [
    ...['Wallet', 'ethers.Wallet', 'SigningKey', 'ethers.SigningKey', 'utils.SigningKey', 'ethers.utils.SigningKey'].map((path) => construct(path, 'sign', { 0: 'key' })),
    // A recovery phrase (BIP-39 mnemonic) is the wallet's seed: every key of the wallet derives from it.
    ...['Wallet.fromPhrase', 'ethers.Wallet.fromPhrase', 'HDNodeWallet.fromPhrase', 'ethers.HDNodeWallet.fromPhrase', 'Wallet.fromMnemonic', 'ethers.Wallet.fromMnemonic'].map((path) =>
      call(path, 'sign', { 0: 'key' }),
    ),
  ],
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
    Web3Accounts: { methods: WEB3_ACCOUNT_METHODS },
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
