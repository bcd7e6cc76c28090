import { call } from '../define';
import type { LibraryModel } from '../types';

/**
 * web-push: the application server signs every push request with its VAPID key pair (RFC 8292, an ES256 JWT
 * in the `Authorization: vapid t=…, k=…` header). The public key is public by design (browsers subscribe with
 * it); the private key is a signing key. `sendNotification`/`generateRequestDetails` take the pair per call in
 * `options.vapidDetails`, `getVapidHeaders(audience, subject, publicKey, privateKey, …)` builds the header.
 */
const VAPID_OPTIONS = { '2.vapidDetails.privateKey': 'key', '2.vapidDetails.publicKey': 'public-key' } as const;

export const webPush: LibraryModel = {
  id: 'web-push',
  roots: [{ module: 'web-push' }],
  apis: [
    call('setVapidDetails', 'sign', { 1: 'public-key', 2: 'key' }),
    call('getVapidHeaders', 'sign', { 2: 'public-key', 3: 'key' }),
    call('sendNotification', 'sign', VAPID_OPTIONS),
    call('generateRequestDetails', 'sign', VAPID_OPTIONS),
  ],
};
