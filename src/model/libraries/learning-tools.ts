import { construct, call } from '../define';
import type { LibraryModel } from '../types';

/**
 * LTI tool-provider libraries. LTI 1.1 launches are OAuth 1.0a requests signed with the consumer's shared secret
 * (HMAC-SHA1 over the launch parameters); whoever holds the secret can forge launches as any user and role of that
 * LMS, and post grades back. ims-lti checks them with `new Provider(consumerKey, consumerSecret)` (the consumer key is
 * the LMS's public id). ltijs (LTI 1.3) is set up with `Provider.setup(encryptionKey, database, options)`: the key
 * signs its cookies and encrypts the platforms' and the tool's private keys in the database.
 */
export const ltiProviders: LibraryModel = {
  id: 'lti-providers',
  roots: [{ module: 'ims-lti' }, { module: 'ltijs' }],
  apis: [construct('Provider', 'mac-verify', { 1: 'secret' }), call('Provider.setup', 'session', { 0: 'secret' })],
};

/**
 * passport-lti: `new LTIStrategy({ consumerKey, consumerSecret }, verify)` checks LTI 1.1 launches with the consumer's
 * secret (`createProvider` for several consumers is the application's own lookup, not modelled).
 */
export const passportLti: LibraryModel = {
  id: 'passport-lti',
  roots: [{ module: 'passport-lti' }],
  apis: [construct('', 'mac-verify', { '0.consumerSecret': 'secret' }), construct('Strategy', 'mac-verify', { '0.consumerSecret': 'secret' })],
};

/**
 * OAuth 1.0a signature helpers: oauth-signature's `generate(method, url, parameters, consumerSecret, tokenSecret)` and
 * oauth-sign's `hmacsign(method, uri, parameters, consumerSecret, tokenSecret)` (`hmacsign256` too;
 * `sign(signatureMethod, method, uri, parameters, consumerSecret, tokenSecret)`) compute the HMAC signature with the
 * secrets joined as its key.
 */
export const oauthSignatures: LibraryModel = {
  id: 'oauth-signatures',
  roots: [{ module: 'oauth-signature' }, { module: 'oauth-sign' }],
  apis: [
    // `generate` and `hmacsign` are HMAC-SHA1 (OAuth 1.0a's method), `hmacsign256` HMAC-SHA256; `sign` takes the method's name.
    call('generate', 'mac', { 3: 'secret', 4: 'secret' }, { facts: { hash: 'SHA1' } }),
    call('hmacsign', 'mac', { 3: 'secret', 4: 'secret' }, { facts: { hash: 'SHA1' } }),
    call('hmacsign256', 'mac', { 3: 'secret', 4: 'secret' }, { facts: { hash: 'SHA256' } }),
    call('sign', 'mac', { 0: 'algorithm', 4: 'secret', 5: 'secret' }),
  ],
};

/**
 * node-oauth (the `oauth` package): `new OAuth(requestUrl, accessUrl, consumerKey, consumerSecret, …)` and
 * `new OAuthEcho(realm, verifyCredentials, consumerKey, consumerSecret, …)` sign OAuth 1.0a requests with the consumer
 * secret (LTI 1.1 outcomes, LMS and publisher APIs), by the signature method given after the version;
 * `new OAuth2(clientId, clientSecret, …)` authenticates the confidential client with its secret. The consumer key and
 * client id are ids.
 */
export const nodeOauth: LibraryModel = {
  id: 'oauth',
  roots: [{ module: 'oauth' }],
  apis: [
    // The signature method (`'HMAC-SHA1'`, `'RSA-SHA1'`, `'PLAINTEXT'`) is the seventh argument of OAuth, the sixth of OAuthEcho.
    construct('OAuth', 'mac', { 3: 'secret', 6: 'algorithm' }),
    construct('OAuthEcho', 'mac', { 3: 'secret', 5: 'algorithm' }),
    construct('OAuth2', 'client', { 1: 'credential' }),
  ],
};
