import { call, method } from '../define';
import type { LibraryModel } from '../types';

/** forge's `oids` members for content ciphers → the cipher name each selects. */
const FORGE_CIPHER_OIDS: Readonly<Record<string, string>> = {
  'des-EDE3-CBC': 'des-ede3-cbc',
  desCBC: 'des-cbc',
  'aes128-CBC': 'aes-128-cbc',
  'aes192-CBC': 'aes-192-cbc',
  'aes256-CBC': 'aes-256-cbc',
};

/** forge's `oids` members for digests → the hash each names (a PKCS#7 signer's `digestAlgorithm`). */
const FORGE_DIGEST_OIDS: Readonly<Record<string, string>> = { md5: 'md5', sha1: 'sha1', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512' };

/** node-forge: ciphers are created then `start`ed with the IV; keys are binary strings. */
export const nodeForge: LibraryModel = {
  id: 'node-forge',
  roots: [{ module: 'node-forge' }],
  apis: [
    call('cipher.createCipher', 'encrypt', { 0: 'algorithm', 1: 'key' }, { returns: 'ForgeCipher' }),
    call('cipher.createDecipher', 'decrypt', { 0: 'algorithm', 1: 'key' }, { returns: 'ForgeDecipher' }),
    call('aes.createEncryptionCipher', 'encrypt', { 0: 'key', 1: 'mode' }, { returns: 'ForgeCipher', facts: { cipher: 'AES' } }),
    call('aes.createDecryptionCipher', 'decrypt', { 0: 'key', 1: 'mode' }, { returns: 'ForgeDecipher', facts: { cipher: 'AES' } }),
    call('des.createEncryptionCipher', 'encrypt', { 0: 'key' }, { returns: 'ForgeCipher', facts: { cipher: 'DES' } }),
    call('des.createDecryptionCipher', 'decrypt', { 0: 'key' }, { returns: 'ForgeDecipher', facts: { cipher: 'DES' } }),
    call('rc2.createEncryptionCipher', 'encrypt', { 0: 'key' }, { returns: 'ForgeCipher', facts: { cipher: 'RC2' } }),
    call('md.md5.create', 'hash', {}, { facts: { hash: 'MD5' }, returns: 'ForgeHash' }),
    call('md.sha1.create', 'hash', {}, { facts: { hash: 'SHA1' }, returns: 'ForgeHash' }),
    call('md.sha256.create', 'hash', {}, { facts: { hash: 'SHA256' }, returns: 'ForgeHash' }),
    call('md.sha384.create', 'hash', {}, { facts: { hash: 'SHA384' }, returns: 'ForgeHash' }),
    call('md.sha512.create', 'hash', {}, { facts: { hash: 'SHA512' }, returns: 'ForgeHash' }),
    call('md5.create', 'hash', {}, { facts: { hash: 'MD5' }, returns: 'ForgeHash' }),
    call('sha1.create', 'hash', {}, { facts: { hash: 'SHA1' }, returns: 'ForgeHash' }),
    call('hmac.create', 'mac', {}, { returns: 'ForgeHmac' }),
    call('pkcs5.pbkdf2', 'kdf', { 0: 'passphrase', 1: 'salt', 2: 'iterations', 3: 'key-length', 4: 'digest' }, { facts: { lengthUnit: 'bytes', kdf: 'pbkdf2', defaultDigest: 'sha1' } }),
    call('pki.rsa.generateKeyPair', 'keygen', { 0: 'modulus-length', '0.bits': 'modulus-length' }, { returns: 'ForgeKeyPair' }),
    call('pki.certificateFromPem', 'key-import', { 0: 'public-key' }, { returns: 'ForgeCertificate' }),
    call('pki.privateKeyFromPem', 'key-import', { 0: 'key' }, { returns: 'ForgePrivateKey' }),
    call('pki.decryptRsaPrivateKey', 'key-import', { 0: 'key', 1: 'passphrase' }),
    call('pki.encryptRsaPrivateKey', 'key-export', { 0: 'key', 1: 'passphrase', '2.algorithm': 'algorithm' }, { facts: { keyFileCipher: true } }),
    call('pki.decryptPrivateKeyInfo', 'key-import', { 0: 'key', 1: 'passphrase' }),
    call('pki.encryptPrivateKeyInfo', 'key-export', { 0: 'key', 1: 'passphrase', '2.algorithm': 'algorithm' }, { facts: { keyFileCipher: true } }),
    // `pkcs12FromAsn1(asn1, [strict,] password)`: a boolean `strict` is never secret material.
    call('pkcs12.pkcs12FromAsn1', 'key-import', { 1: 'passphrase', 2: 'passphrase' }),
    // `{ algorithm: '3des' }` encrypts the bundle's private key with 3DES (forge's default is AES-128).
    call('pkcs12.toPkcs12Asn1', 'key-export', { 0: 'key', 2: 'passphrase', '3.algorithm': 'algorithm' }, { facts: { keyFileCipher: true } }),
    call('pki.publicKeyFromPem', 'key-import', { 0: 'public-key' }, { returns: 'ForgePublicKey' }),
    // PKCS#7 enveloped data (S/MIME encryption): `p7.encrypt(key?, cipherOid?)` picks the content cipher by OID.
    call('pkcs7.createEnvelopedData', 'factory', {}, { returns: 'ForgeEnvelopedData' }),
    // PKCS#7 signed data (S/MIME signatures, SCEP's PKCSReq): each `addSigner({ key, certificate, digestAlgorithm })` signs
    // the content's digest, taken with the algorithm its OID names (`forge.pki.oids.sha1`).
    call('pkcs7.createSignedData', 'factory', {}, { returns: 'ForgeSignedData' }),
    call('random.getBytesSync', 'random', { 0: 'size' }),
    call('random.getBytes', 'random', { 0: 'size' }),
    call('util.hexToBytes', 'encode', { 0: 'data' }, { facts: { encoding: 'hex' } }),
    call('util.decode64', 'encode', { 0: 'data' }, { facts: { encoding: 'base64' } }),
    call('util.createBuffer', 'encode', { 0: 'data' }, { facts: { encoding: 'binary' } }),
  ],
  objects: {
    ForgeCipher: { methods: { start: method('encrypt', { '0.iv': 'iv', '0.tagLength': 'tag-length', '0.additionalData': 'data' }, { facts: { tagLengthUnit: 'bits' } }), update: method('encrypt', { 0: 'data' }), finish: method('encrypt') } },
    ForgeDecipher: { methods: { start: method('decrypt', { '0.iv': 'iv', '0.tag': 'data', '0.tagLength': 'tag-length' }, { facts: { tagLengthUnit: 'bits' } }), update: method('decrypt', { 0: 'data' }), finish: method('decrypt') } },
    // `encrypt(data, scheme)`: without a scheme forge uses RSAES-PKCS1-V1_5.
    ForgePublicKey: { methods: { encrypt: method('encrypt', { 0: 'data', 1: 'padding' }, { facts: { defaultPadding: 'RSAES-PKCS1-V1_5' } }), verify: method('verify', { 0: 'data' }) } },
    ForgePrivateKey: { methods: { decrypt: method('decrypt', { 0: 'data', 1: 'padding' }, { facts: { defaultPadding: 'RSAES-PKCS1-V1_5' } }), sign: method('sign', { 0: 'data' }) } },
    ForgeKeyPair: { methods: {}, properties: { publicKey: 'ForgePublicKey', privateKey: 'ForgePrivateKey' } },
    ForgeEnvelopedData: { methods: { encrypt: method('encrypt', { 0: 'key', 1: 'algorithm' }) } },
    ForgeSignedData: { methods: { addSigner: method('sign', { '0.key': 'key', '0.digestAlgorithm': 'digest' }) } },
    ForgeCertificate: { methods: {}, properties: { publicKey: 'ForgePublicKey' } },
    ForgeHash: { methods: { update: method('hash', { 0: 'data' }, { returns: 'ForgeHash' }), digest: method('hash') } },
    ForgeHmac: { methods: { start: method('mac', { 0: 'digest', 1: 'key' }), update: method('mac', { 0: 'data' }, { returns: 'ForgeHmac' }), digest: method('mac') } },
  },
  // The content-cipher and digest OIDs forge names (`forge.pki.oids['des-EDE3-CBC']`, `forge.pki.oids.sha1`), judged by the
  // algorithm each selects.
  constants: Object.fromEntries(
    Object.entries({ ...FORGE_CIPHER_OIDS, ...FORGE_DIGEST_OIDS }).flatMap(([member, name]) => [[`pki.oids.${member}`, name], [`oids.${member}`, name]]),
  ),
};
