import { call, construct, method } from '../define';
import type { LibraryModel } from '../types';

/**
 * XML signatures (XMLDSig), as SAML and e-invoicing use them. Algorithms are named by W3C URIs
 * (`http://www.w3.org/2000/09/xmldsig#rsa-sha1`); `describeAlgorithm` reads the fragment.
 * xml-crypto: `new SignedXml({ privateKey, signatureAlgorithm })` (v4+) or the same settings assigned to
 * the instance (v2/v3), and one digest per signed reference (`addReference({ digestAlgorithm })`).
 */
export const xmlCrypto: LibraryModel = {
  id: 'xml-crypto',
  roots: [{ module: 'xml-crypto' }],
  apis: [
    construct('SignedXml', 'sign', { '0.privateKey': 'key', '0.signatureAlgorithm': 'algorithm', '0.publicCert': 'public-key' }, { returns: 'SignedXml' }),
  ],
  objects: {
    SignedXml: {
      methods: {
        // v4+: `addReference({ xpath, digestAlgorithm, transforms })`; v2/v3: `addReference(xpath, transforms, digestAlgorithm)`.
        addReference: method('sign', { '0.digestAlgorithm': 'digest', 2: 'digest' }),
      },
      assignments: { signingKey: 'key', privateKey: 'key', signatureAlgorithm: 'algorithm' },
    },
  },
};

/**
 * SAML service providers: @node-saml/node-saml's `new SAML(options)` and the passport strategies built on it
 * (`new Strategy(options, verify)`, `MultiSamlStrategy`). `signatureAlgorithm`/`digestAlgorithm` sign the
 * AuthnRequests and metadata; `privateKey` signs, `decryptionPvk` decrypts assertions; `idpCert` is public.
 */
const SAML_OPTIONS = {
  '0.privateKey': 'key',
  '0.decryptionPvk': 'key',
  '0.signatureAlgorithm': 'digest',
  '0.digestAlgorithm': 'digest',
  '0.idpCert': 'public-key',
  '0.cert': 'public-key',
} as const;

/**
 * Without `signatureAlgorithm`, node-saml (v5 included) and passport-saml sign with RSA-SHA1 once a `privateKey` is set.
 * `decryptionPvk` decrypts the assertions IdPs encrypt to the SP: its purpose is encryption, not the call's signing, so
 * one key given as both is a key for two purposes.
 */
const SAML_DEFAULTS = {
  facts: { defaultDigest: 'sha1', defaultDigestOption: 'signatureAlgorithm', defaultDigestWhen: 'privateKey', 'purpose:0.decryptionPvk': 'encrypt' },
};

export const nodeSaml: LibraryModel = {
  id: '@node-saml/node-saml',
  roots: [{ module: '@node-saml/node-saml' }, { module: '@node-saml/passport-saml' }, { module: 'passport-saml' }, { module: '@node-saml/passport-saml/multiSamlStrategy' }],
  apis: [construct('SAML', 'sign', SAML_OPTIONS, SAML_DEFAULTS), construct('Strategy', 'sign', SAML_OPTIONS, SAML_DEFAULTS), construct('MultiSamlStrategy', 'sign', SAML_OPTIONS, SAML_DEFAULTS)],
};


/**
 * node-soap's WS-Security handlers sign the envelope with xml-crypto: `new WSSecurityCert(privatePEM, publicP12PEM,
 * password, { signatureAlgorithm, digestAlgorithm })` and `new WSSecurityCertWithToken({ privateKey, publicKey,
 * keyPassword, options })`. The third argument (`keyPassword`) decrypts the PEM private key; the algorithms are XMLDSig
 * URIs like xml-crypto's. `password` of the token variant is the UsernameToken's, a login password (not labelled here).
 */
const WS_SECURITY_CERT = {
  0: 'key',
  1: 'public-key',
  2: 'passphrase',
  '3.signatureAlgorithm': 'algorithm',
  '3.digestAlgorithm': 'digest',
} as const;

export const nodeSoap: LibraryModel = {
  id: 'soap',
  roots: [{ module: 'soap' }],
  apis: [
    construct('WSSecurityCert', 'sign', WS_SECURITY_CERT),
    construct('WSSecurityPlusCert', 'sign', {}),
    construct('WSSecurityCertWithToken', 'sign', {
      '0.privateKey': 'key',
      '0.publicKey': 'public-key',
      '0.keyPassword': 'passphrase',
      '0.options.signatureAlgorithm': 'algorithm',
      '0.options.digestAlgorithm': 'digest',
    }),
  ],
};

/**
 * XML Encryption (xml-encryption, the SAML assertion encryptor): `encrypt(xml, { rsa_pub, pem, encryptionAlgorithm,
 * keyEncryptionAlgorithm }, cb)` encrypts the content with the first (a URI: `…/xmlenc#tripledes-cbc`, `#aes256-cbc`,
 * `xmlenc11#aes256-gcm`) and the content key to the recipient's RSA key with the second (`#rsa-1_5` is PKCS#1 v1.5);
 * `decrypt(xml, { key }, cb)` takes the private key.
 */
export const xmlEncryption: LibraryModel = {
  id: 'xml-encryption',
  roots: [{ module: 'xml-encryption' }],
  apis: [
    call('encrypt', 'encrypt', { 0: 'data', '1.encryptionAlgorithm': 'algorithm', '1.keyEncryptionAlgorithm': 'padding', '1.rsa_pub': 'public-key', '1.pem': 'public-key' }),
    call('decrypt', 'decrypt', { 0: 'data', '1.key': 'key' }),
  ],
};
