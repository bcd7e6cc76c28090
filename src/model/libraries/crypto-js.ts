import { call } from '../define';
import type { ApiModel, LibraryModel } from '../types';

/**
 * crypto-js, and crypto-es (its ES-module port, same namespace: `CryptoES.AES.encrypt(text, passphrase)`). A *string* key to a cipher is a passphrase: crypto-js derives the
 * real key and IV from it with one round of MD5 (OpenSSL EVP_BytesToKey) and a
 * random salt; a WordArray key is used raw. The table marks the key argument
 * `key`; rules look at its value type to tell the two apart.
 */
const CIPHERS = ['AES', 'DES', 'TripleDES', 'RC4', 'RC4Drop', 'Rabbit', 'RabbitLegacy', 'Blowfish'];
const HASHES = ['MD5', 'SHA1', 'SHA224', 'SHA256', 'SHA384', 'SHA512', 'SHA3', 'RIPEMD160'];

const cipherApis: ApiModel[] = CIPHERS.flatMap((name) => [
  call(`${name}.encrypt`, 'encrypt', { 0: 'data', 1: 'key', '2.iv': 'iv', '2.mode': 'mode', '2.padding': 'padding' }, { facts: { cipher: name } }),
  call(`${name}.decrypt`, 'decrypt', { 0: 'data', 1: 'key', '2.iv': 'iv', '2.mode': 'mode', '2.padding': 'padding' }, { facts: { cipher: name } }),
]);
const hashApis: ApiModel[] = HASHES.flatMap((name) => [
  call(name, 'hash', { 0: 'data' }, { facts: { hash: name } }),
  call(`Hmac${name}`, 'mac', { 0: 'data', 1: 'key' }, { facts: { hash: name } }),
]);

/** Sub-module roots: `require('crypto-js/aes')`, `require('crypto-js/hmac-sha256')`… */
function subModule(file: string, name: string) {
  return { module: `crypto-js/${file}`, provides: name.split('.') } as const;
}

export const cryptoJs: LibraryModel = {
  id: 'crypto-js',
  roots: [
    { module: 'crypto-js' },
    { module: 'crypto-es' },
    // Script sandboxes that preload crypto-js as a global with no import (Postman's pre-request and test scripts).
    { global: ['CryptoJS'] },
    ...CIPHERS.map((name) => subModule(name === 'TripleDES' ? 'tripledes' : name.toLowerCase(), name)),
    ...HASHES.map((name) => subModule(name.toLowerCase(), name)),
    ...HASHES.map((name) => subModule(`hmac-${name.toLowerCase()}`, `Hmac${name}`)),
    subModule('pbkdf2', 'PBKDF2'),
    subModule('evpkdf', 'EvpKDF'),
    subModule('enc-hex', 'enc.Hex'),
    subModule('enc-base64', 'enc.Base64'),
    subModule('enc-utf8', 'enc.Utf8'),
    subModule('mode-ecb', 'mode.ECB'),
  ],
  apis: [
    ...cipherApis,
    ...hashApis,
    call('PBKDF2', 'kdf', { 0: 'passphrase', 1: 'salt', '2.keySize': 'key-length', '2.iterations': 'iterations', '2.hasher': 'digest' }, { facts: { lengthUnit: 'words', kdf: 'pbkdf2' } }),
    call('EvpKDF', 'kdf', { 0: 'passphrase', 1: 'salt', '2.keySize': 'key-length', '2.iterations': 'iterations' }, { facts: { lengthUnit: 'words', kdf: 'evp' } }),
    call('lib.WordArray.random', 'random', { 0: 'size' }),
    call('enc.Hex.parse', 'encode', { 0: 'data' }, { facts: { encoding: 'hex' } }),
    call('enc.Base64.parse', 'encode', { 0: 'data' }, { facts: { encoding: 'base64' } }),
    call('enc.Utf8.parse', 'encode', { 0: 'data' }, { facts: { encoding: 'utf8' } }),
    call('enc.Latin1.parse', 'encode', { 0: 'data' }, { facts: { encoding: 'latin1' } }),
  ],
  // The hashers handed to PBKDF2/EvpKDF/HMAC (`hasher: CryptoJS.algo.SHA1`) are named by their member.
  constants: Object.fromEntries(HASHES.map((name) => [`algo.${name}`, name])),
};
