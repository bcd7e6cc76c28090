import noPlaintextDataKeyExposure from '../../rules/no-plaintext-data-key-exposure';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';

// Shapes the blind-s31b set (part D: government, civic identity and e-signature back ends — eID brokers, SAML and
// XMLDSig signers, e-passport readers, PAdES sealing, tax filing clients) found missed: an XMLDSig signer whose
// signature and digest algorithms come from a profile table picked at run time (`const { signatureAlgorithm,
// digestAlgorithm } = PROFILES[profile]`, a `#rsa-sha1`/`#sha1` legacy entry beside the eIDAS one), and a relying
// party's `clientSecret` logged as a member of a record parsed from a secret store (`log.debug({ clientSecret:
// rp.clientSecret })`).

const ruleTester = createRuleTester();

const XML_SIGNER = `import { SignedXml } from 'xml-crypto';
const PROFILES = {
  current: { signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256' },
  legacy: { signatureAlgorithm: '__SIG__', digestAlgorithm: '__DIGEST__' },
};
export function signAssertion(xml, key, profile) {
  const { signatureAlgorithm, digestAlgorithm } = PROFILES[profile];
  const sig = new SignedXml({ privateKey: key, signatureAlgorithm });
  sig.addReference({ xpath: '//*', digestAlgorithm });
  sig.computeSignature(xml);
  return sig.getSignedXml();
}
`;

const RSA_SHA1 = 'http://www.w3.org/2000/09/xmldsig#rsa-sha1';
const SHA1 = 'http://www.w3.org/2000/09/xmldsig#sha1';
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const LEGACY_SIGNER = XML_SIGNER.replace('__SIG__', RSA_SHA1).replace('__DIGEST__', SHA1);

const MEMBER_SIGNER = `import { SignedXml } from 'xml-crypto';
const PROFILES = {
  current: { signatureAlgorithm: '${RSA_SHA256}' },
  legacy: { signatureAlgorithm: '${RSA_SHA1}' },
};
export function signer(key, profile) {
  const p = PROFILES[profile];
  return new SignedXml({ privateKey: key, signatureAlgorithm: p.signatureAlgorithm });
}
`;

const TABLE_HMAC = `import { createHmac } from 'node:crypto';
const SCHEMES = { v1: { digest: 'sha1' }, v2: { digest: 'sha256' } };
export function signRequest(secret, scheme, body) {
  const { digest } = SCHEMES[scheme];
  return createHmac(digest, secret).update(body).digest('base64');
}
`;

ruleTester.run('no-weak-algorithm (blind-s31b government shapes)', noWeakAlgorithm, {
  valid: [
    {
      name: 'a signing profile table whose every entry is SHA-256',
      code: XML_SIGNER.replace('__SIG__', 'http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1').replace('__DIGEST__', 'http://www.w3.org/2001/04/xmlenc#sha512'),
    },
    {
      name: 'a verifier reading its digest from a table of accepted formats (format support for what others signed)',
      code: `import { createVerify } from 'node:crypto';
const FORMATS = { v1: { digest: 'sha1' }, v2: { digest: 'sha256' } };
export function check(doc, sig, pub, version) {
  const { digest } = FORMATS[version];
  return createVerify(digest).update(doc).verify(pub, sig);
}
`,
    },
  ],
  invalid: [
    {
      name: 'the legacy profile of a table an XMLDSig signer reads at run time signs with RSA-SHA1 over SHA-1 digests',
      code: LEGACY_SIGNER,
      errors: [
        { messageId: 'weakHash', line: 4, suggestions: [{ messageId: 'useSha256Migrate', output: LEGACY_SIGNER.replace(RSA_SHA1, RSA_SHA256) }] },
        { messageId: 'weakHash', line: 4, suggestions: [{ messageId: 'useSha256Migrate', output: LEGACY_SIGNER.replace(SHA1, SHA256) }] },
      ],
    },
    {
      name: 'the same table read through a member of the picked profile',
      code: MEMBER_SIGNER,
      errors: [{ messageId: 'weakHash', line: 4, suggestions: [{ messageId: 'useSha256Migrate', output: MEMBER_SIGNER.replace(RSA_SHA1, RSA_SHA256) }] }],
    },
    {
      name: 'an HMAC whose digest a table picks at run time: every entry MACs new messages',
      code: TABLE_HMAC,
      errors: [{ messageId: 'weakHash', line: 2, suggestions: [{ messageId: 'useSha256Migrate', output: TABLE_HMAC.replace("'sha1'", "'sha256'") }] }],
    },
  ],
});

const RELYING_PARTIES = `import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import pino from 'pino';
const log = pino({ name: 'broker' });
const sm = new SecretsManagerClient({});
export async function loadRelyingParties(secretArn) {
  const out = await sm.send(new GetSecretValueCommand({ SecretId: secretArn }));
  const parties = JSON.parse(out.SecretString ?? '[]');
  for (const rp of parties) {
    log.debug({ clientId: rp.clientId, __LOGGED__ }, 'relying party registered');
  }
  return parties;
}
`;

ruleTester.run('no-plaintext-data-key-exposure (blind-s31b government shapes)', noPlaintextDataKeyExposure, {
  valid: [
    {
      name: 'a record from a secret store logged by its id and whether its secret is set',
      code: RELYING_PARTIES.replace('__LOGGED__', "hasSecret: rp.clientSecret ? 'yes' : 'no', secretArn: rp.secretArn"),
    },
    {
      name: "a secret manager entry's name (`secretKey`, the key of a key-value secret) logged beside its version",
      code: RELYING_PARTIES.replace('__LOGGED__', 'entry: rp.secretKey, version: rp.version'),
    },
    {
      name: 'members named for key ids, ARNs and a bare key are not secrets',
      code: RELYING_PARTIES.replace('__LOGGED__', 'keyId: rp.keyId, secretArn: rp.secretArn, key: rp.key'),
    },
  ],
  invalid: [
    {
      name: "a relying party's client secret logged as a member of the record",
      code: RELYING_PARTIES.replace('__LOGGED__', 'clientSecret: rp.clientSecret'),
      errors: [{ messageId: 'secretLogged', line: 9 }],
    },
  ],
});
