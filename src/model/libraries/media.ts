import { call, construct } from '../define';
import type { LibraryModel } from '../types';

/**
 * CloudFront signed URLs and cookies: the signer is given the private key of the distribution's key group and signs
 * the (canned or custom) policy with it. `@aws-sdk/cloudfront-signer` takes `{ privateKey, passphrase }`;
 * the older `aws-cloudfront-sign` package `{ privateKeyString }` (or a path in `privateKeyPath`, not a key); SDK v2
 * `new AWS.CloudFront.Signer(keyPairId, privateKey)`.
 */
export const cloudFrontSigners: LibraryModel = {
  id: 'cloudfront-signer',
  roots: [{ module: '@aws-sdk/cloudfront-signer' }, { module: 'aws-cloudfront-sign' }, { module: 'aws-sdk' }],
  apis: [
    call('getSignedUrl', 'sign', { '0.privateKey': 'key', '0.passphrase': 'passphrase', '1.privateKeyString': 'key' }),
    call('getSignedCookies', 'sign', { '0.privateKey': 'key', '0.passphrase': 'passphrase', '1.privateKeyString': 'key' }),
    construct('CloudFront.Signer', 'sign', { 1: 'key' }),
  ],
};

/**
 * Akamai Token Auth 2.0 (`akamai-edgeauth`): `new EdgeAuth({ key })` is the HMAC key the edge shares with the property's
 * Token Authorization behavior (hex); a hardcoded one lets anyone mint tokens for every protected path.
 */
export const akamaiEdgeAuth: LibraryModel = {
  id: 'akamai-edgeauth',
  roots: [{ module: 'akamai-edgeauth' }],
  apis: [construct('', 'mac', { '0.key': 'key' })],
};
