import { call, construct, method } from '../define';
import type { LibraryModel } from '../types';

/**
 * Certificate and CSR tooling: self-signed development certificates (selfsigned), the openssl wrapper `pem`, and
 * the ACME client `acme-client`. Each generates key pairs of a size it is told and signs with a digest it is told;
 * their defaults are left alone (the options say nothing, so nothing is reported).
 */

/** selfsigned's `generate(attrs, { keySize, algorithm })`: an RSA key of `keySize` bits, the certificate signed with `algorithm`. */
export const selfsigned: LibraryModel = {
  id: 'selfsigned',
  roots: [{ module: 'selfsigned' }],
  apis: [call('generate', 'keygen', { '1.keySize': 'modulus-length', '1.algorithm': 'digest', '1.keyPair.privateKey': 'key' })],
};

/** `pem` shells out to openssl: `keyBitsize` is the RSA size it generates, `hash` the signature's digest. */
const PEM_CERT_OPTIONS = {
  '0.hash': 'digest',
  '0.keyBitsize': 'modulus-length',
  '0.clientKey': 'key',
  '0.clientKeyPassword': 'passphrase',
  '0.serviceKey': 'key',
  '0.serviceKeyPassword': 'passphrase',
} as const;

export const pemPackage: LibraryModel = {
  id: 'pem',
  roots: [{ module: 'pem' }],
  apis: [
    call('createCSR', 'keygen', PEM_CERT_OPTIONS),
    call('createCertificate', 'keygen', PEM_CERT_OPTIONS),
    call('createPrivateKey', 'keygen', { 0: 'modulus-length', '1.password': 'passphrase' }),
    call('createPkcs12', 'client', { 0: 'key', 2: 'passphrase' }),
  ],
};

/**
 * acme-client: the account key signs every request to the CA (a JWS per request, RFC 8555 §6.2), so its purpose
 * is signing; the key a CSR is made with becomes the certificate's private key, a transport (`tls`) key. Let's
 * Encrypt refuses a CSR whose key is an account key, and a reviewer refuses the same key in both places.
 */
export const acmeClient: LibraryModel = {
  id: 'acme-client',
  roots: [{ module: 'acme-client' }],
  apis: [
    construct('Client', 'client', { '0.accountKey': 'key' }, { facts: { purpose: 'sign' } }),
    call('crypto.createCsr', 'client', { 1: 'key' }, { facts: { purpose: 'tls' } }),
    call('forge.createCsr', 'client', { 1: 'key' }, { facts: { purpose: 'tls' } }),
    call('crypto.createPrivateKey', 'keygen', { 0: 'modulus-length' }),
    call('crypto.createPrivateRsaKey', 'keygen', { 0: 'modulus-length' }),
    call('crypto.createPrivateEcdsaKey', 'keygen', { 0: 'curve' }),
    call('forge.createPrivateKey', 'keygen', { 0: 'modulus-length' }),
  ],
};

/**
 * PKI.js (CMS/PKCS#7 and PAdES/CAdES signatures, RFC 3161 time stamps, X.509, OCSP): objects are built with `new` and
 * signed in place. `SignedData.sign(privateKey, signerIndex, hashAlgorithm)` and the two-argument `sign(privateKey,
 * hashAlgorithm)` of certificates, CSRs, CRLs and OCSP messages take the signature's digest by its WebCrypto name
 * (`'SHA-256'`); left out, PKI.js signs with SHA-1 (its documented default), so the default is judged like a written one.
 */
const PKIJS_SIGNED_OBJECTS = ['Certificate', 'CertificationRequest', 'CertificateRevocationList', 'BasicOCSPResponse', 'OCSPRequest'] as const;

export const pkijs: LibraryModel = {
  id: 'pkijs',
  roots: [{ module: 'pkijs' }],
  apis: [
    construct('SignedData', 'factory', {}, { returns: 'PkijsSignedData' }),
    ...PKIJS_SIGNED_OBJECTS.map((name) => construct(name, 'factory', {}, { returns: 'PkijsSignedObject' })),
  ],
  objects: {
    PkijsSignedData: { methods: { sign: method('sign', { 0: 'key', 2: 'digest' }, { facts: { defaultDigest: 'sha1' } }) } },
    PkijsSignedObject: { methods: { sign: method('sign', { 0: 'key', 1: 'digest' }, { facts: { defaultDigest: 'sha1' } }) } },
  },
};
