import noHardcodedKey from '../../rules/no-hardcoded-key';
import { createRuleTester } from './rule-tester';

// Shapes probed after the twenty-ninth blind set (part B: education platforms and LMS integrations — LTI 1.1 tool
// providers, LTI 1.3 tools, Canvas/Moodle clients, xAPI, Open Badges, exam and proctoring services). The set itself
// scored P100/R100 before any change; probing the LTI libraries the set's hand-written code stands in for showed that
// their secrets were not modelled: ims-lti's `new Provider(consumerKey, consumerSecret)` (the LTI 1.1 launch secret),
// ltijs's `Provider.setup(encryptionKey, …)` (signs its cookies and encrypts the stored private keys) and node-oauth's
// `new OAuth(…, consumerKey, consumerSecret, …)` / `new OAuth2(clientId, clientSecret, …)`.

const ruleTester = createRuleTester();

/** What the `readFromEnvironment` suggestion appends: the start-up check the moved key is read through. */
const REQUIRE_ENV = `
/** A secret the service cannot run without: read from the environment, checked at start-up. */
function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(\`Environment variable \${name} is not set: it holds a key that is no longer in the source code.\`);
  return value;
}
`;

const imsLtiProvider = `const lti = require('ims-lti');
const provider = new lti.Provider('lakeview-sakai', '478404f47b63ad541ae462822870cc510b4004405bd095447b169b534033a854');
module.exports = (req, done) => provider.valid_request(req, done);
`;

const imsLtiDestructured = `const { Provider } = require('ims-lti');
const CONSUMER_SECRET = process.env.LTI_CONSUMER_SECRET || 'bcccc3d70eaef76140c044df9de639081f7e32a72c551620a01f03f968956758';
module.exports = (consumerKey) => new Provider(consumerKey, CONSUMER_SECRET);
`;

const ltijsSetup = `import { Provider as lti } from 'ltijs';
lti.setup('LTIKEY', { url: process.env.MONGO_URL }, { cookies: { secure: true, sameSite: 'None' }, devMode: false });
`;

const nodeOauth1 = `import { OAuth } from 'oauth';
export const outcomes = new OAuth(null, null, 'riverside-courseware', '2cf105f589c098385592f77be900898f48efc0ac3211ddf6f7929b098f4f098f', '1.0', null, 'HMAC-SHA1');
`;

const nodeOauth2 = `const OAuth = require('oauth');
const canvas = new OAuth.OAuth2(
  '170000000000388',
  'eRBATQ1YCs0twhTa8ug6QXxZLqBNeleiGNwwJ53Pge30pIyQEuVfW5fqz9P6cvGn',
  'https://riverside.instructure.com',
  '/login/oauth2/auth',
  '/login/oauth2/token',
);
module.exports = canvas;
`;

const passportLtiStrategy = `const LTIStrategy = require('passport-lti');
module.exports = new LTIStrategy(
  { consumerKey: 'northgate-moodle', consumerSecret: '28953a4d430aeadbd53ab38d075ad3f3a66a681573c906535a5e7b0b652b858f' },
  (lti, done) => done(null, { id: lti.user_id, roles: lti.roles }),
);
`;

const oauthSignatureGenerate = `import oauthSignature from 'oauth-signature';
export function signOutcome(url: string, params: Record<string, string>): string {
  return oauthSignature.generate('POST', url, params, '6a0c65db4489d6cea43ce5513b9e01ed3c98602b5e00d29d359006d96bdb57ac', '', { encodeSignature: false });
}
`;

const oauthSignHmac = `const { hmacsign } = require('oauth-sign');
module.exports = (uri, params) => hmacsign('POST', uri, params, '474c9714189257ae1f597153c3fa40fd776f97d27f78968d42d43419ecaf6d83', '');
`;

const didJwtSigner = `import { EdDSASigner, createJWT } from 'did-jwt';
import { hexToBytes } from '@noble/hashes/utils';
const signer = EdDSASigner(hexToBytes('b8d2309fef89f630343593b64c00e33ae6280199572d2ae8b664d87442bf6189'));
export const badgeJwt = (payload: object) => createJWT(payload, { issuer: 'did:key:z6MkqCaEqt9QeeSekyv7ikEHrP4zCtuWcYME7tdKFuZhe3MF', signer }, { alg: 'EdDSA' });
`;

ruleTester.run('no-hardcoded-key (blind-s29 education shapes)', noHardcodedKey, {
  valid: [
    {
      name: "ims-lti: the consumer key is the LMS's public id; the secret comes from the environment",
      code: `const lti = require('ims-lti');
module.exports = new lti.Provider('lakeview-sakai', process.env.LTI11_SECRET_LAKEVIEW);
`,
    },
    {
      name: 'ltijs set up with its encryption key from the environment and a literal database URL',
      code: `import { Provider } from 'ltijs';
Provider.setup(process.env.LTI_ENCRYPTION_KEY!, { url: 'mongodb://localhost/lti' }, { devMode: true });
`,
    },
    {
      name: "another library's Provider (oidc-provider) with a literal issuer is not an LTI provider",
      code: `import { Provider } from 'oidc-provider';
export const oidc = new Provider('https://id.riverside.example', { cookies: { keys: [process.env.OIDC_COOKIE_KEY!] } });
`,
    },
    {
      name: "node-oauth: a literal client id and consumer key, secrets from the environment",
      code: `import { OAuth, OAuth2 } from 'oauth';
export const lms = new OAuth2('170000000000388', process.env.CANVAS_CLIENT_SECRET!, 'https://riverside.instructure.com');
export const outcomes = new OAuth(null, null, 'riverside-courseware', process.env.LTI_SECRET ?? '', '1.0', null, 'HMAC-SHA1');
`,
    },
    {
      name: 'passport-lti with the consumer key written and the secret from the environment',
      code: `const LTIStrategy = require('passport-lti');
module.exports = new LTIStrategy({ consumerKey: 'northgate-moodle', consumerSecret: process.env.LTI_SECRET }, (lti, done) => done(null, lti));
`,
    },
    {
      name: "oauth-signature and oauth-sign with the consumer secret from the environment and an empty token secret",
      code: `import oauthSignature from 'oauth-signature';
import { hmacsign } from 'oauth-sign';
export const a = (url: string, p: Record<string, string>) => oauthSignature.generate('POST', url, p, process.env.LTI_SECRET!, '');
export const b = (url: string, p: Record<string, string>) => hmacsign('POST', url, p, process.env.LTI_SECRET!, '');
`,
    },
    {
      name: 'a did-jwt signer given the issuer key from the environment; the did:key itself is public',
      code: `import { EdDSASigner } from 'did-jwt';
import { hexToBytes } from '@noble/hashes/utils';
export const ISSUER = 'did:key:z6MkqCaEqt9QeeSekyv7ikEHrP4zCtuWcYME7tdKFuZhe3MF';
export const signer = EdDSASigner(hexToBytes(process.env.BADGE_ISSUER_KEY_HEX!));
`,
    },
  ],
  invalid: [
    {
      name: "ims-lti: a consumer secret written into the LTI 1.1 Provider",
      code: imsLtiProvider,
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 2,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              output: imsLtiProvider.replace("'478404f47b63ad541ae462822870cc510b4004405bd095447b169b534033a854'", "requireEnv('HMAC_KEY')") + REQUIRE_ENV,
            },
          ],
        },
      ],
    },
    {
      name: "ims-lti: a consumer secret's `||` fallback, the Provider destructured from require",
      code: imsLtiDestructured,
      errors: [
        {
          messageId: 'hardcodedFallback',
          line: 2,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              output: imsLtiDestructured.replace("process.env.LTI_CONSUMER_SECRET || 'bcccc3d70eaef76140c044df9de639081f7e32a72c551620a01f03f968956758'", "requireEnv('LTI_CONSUMER_SECRET')") + REQUIRE_ENV,
            },
          ],
        },
      ],
    },
    {
      name: "ltijs: the encryption key of `Provider.setup` written as the README's 'LTIKEY'",
      code: ltijsSetup,
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 2,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              output: ltijsSetup.replace("'LTIKEY'", "requireEnv('SECRET_KEY')") + REQUIRE_ENV,
            },
          ],
        },
      ],
    },
    {
      name: 'node-oauth: an OAuth 1.0a consumer secret given to `new OAuth(…)`',
      code: nodeOauth1,
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 2,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              output: nodeOauth1.replace("'2cf105f589c098385592f77be900898f48efc0ac3211ddf6f7929b098f4f098f'", "requireEnv('HMAC_KEY')") + REQUIRE_ENV,
            },
          ],
        },
      ],
    },
    {
      name: "node-oauth: a confidential client's secret given to `new OAuth2(…)` on its own line",
      code: nodeOauth2,
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 4,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              output: nodeOauth2.replace("'eRBATQ1YCs0twhTa8ug6QXxZLqBNeleiGNwwJ53Pge30pIyQEuVfW5fqz9P6cvGn'", "requireEnv('SECRET_KEY')") + REQUIRE_ENV,
            },
          ],
        },
      ],
    },
    {
      name: 'passport-lti: the consumer secret of the LTIStrategy options',
      code: passportLtiStrategy,
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 3,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              output: passportLtiStrategy.replace("'28953a4d430aeadbd53ab38d075ad3f3a66a681573c906535a5e7b0b652b858f'", "requireEnv('LTI_STRATEGY_CONSUMER_SECRET')") + REQUIRE_ENV,
            },
          ],
        },
      ],
    },
    {
      name: 'oauth-signature: the consumer secret given to `generate` for an LTI 1.1 outcome request',
      code: oauthSignatureGenerate,
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 3,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              output: oauthSignatureGenerate
                  .replace("'6a0c65db4489d6cea43ce5513b9e01ed3c98602b5e00d29d359006d96bdb57ac'", 'HMAC_KEY')
                  .replace("'oauth-signature';\n", "'oauth-signature';\n\nconst HMAC_KEY = requireEnv('HMAC_KEY');\n") + REQUIRE_ENV,
            },
          ],
        },
      ],
    },
    {
      name: 'oauth-sign: the consumer secret given to `hmacsign`',
      code: oauthSignHmac,
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 2,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              output: oauthSignHmac
                  .replace("'474c9714189257ae1f597153c3fa40fd776f97d27f78968d42d43419ecaf6d83'", 'HMAC_KEY')
                  .replace("'oauth-sign');\n", "'oauth-sign');\n\nconst HMAC_KEY = requireEnv('HMAC_KEY');\n") + REQUIRE_ENV,
            },
          ],
        },
      ],
    },
    {
      name: "did-jwt: an Open Badges issuer's Ed25519 key written into `EdDSASigner(hexToBytes('…'))`",
      code: didJwtSigner,
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 3,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              output: didJwtSigner.replace("'b8d2309fef89f630343593b64c00e33ae6280199572d2ae8b664d87442bf6189'", "requireEnv('SIGNING_KEY')") + REQUIRE_ENV,
            },
          ],
        },
      ],
    },
  ],
});
