import { call, construct, method } from '../define';
import type { LibraryModel } from '../types';

/**
 * Webhook signature checks: the secret they are given is the HMAC key the sender signs with, so a
 * hardcoded one lets anyone forge deliveries. Twilio signs with the account's auth token, which is
 * also the client's credential (`twilio(accountSid, authToken)`).
 */
export const twilio: LibraryModel = {
  id: 'twilio',
  roots: [{ module: 'twilio' }],
  apis: [
    call('', 'client', { 1: 'credential' }),
    call('validateRequest', 'mac-verify', { 0: 'secret' }),
    call('validateRequestWithBody', 'mac-verify', { 0: 'secret' }),
    call('validateExpressRequest', 'mac-verify', { 1: 'secret' }),
    call('webhook', 'mac-verify', { 0: 'secret', '0.authToken': 'secret', '1.authToken': 'secret' }),
  ],
};

/** Svix (Clerk, Resend and others deliver through it) and the Standard Webhooks library: `new Webhook('whsec_…')`. */
export const svix: LibraryModel = {
  id: 'svix',
  roots: [{ module: 'svix' }, { module: 'standardwebhooks' }],
  apis: [construct('Webhook', 'mac-verify', { 0: 'secret' })],
};

/** GitHub webhooks: `new Webhooks({ secret })`, `verify(secret, payload, signature)`. */
export const octokitWebhooks: LibraryModel = {
  id: '@octokit/webhooks',
  roots: [{ module: '@octokit/webhooks' }, { module: '@octokit/webhooks-methods' }],
  apis: [construct('Webhooks', 'mac-verify', { '0.secret': 'secret' }), call('verify', 'mac-verify', { 0: 'secret' }), call('sign', 'mac', { 0: 'secret', '0.secret': 'secret' })],
};

/**
 * Stripe: `stripe.webhooks.constructEvent(payload, signature, endpointSecret)` checks the `Stripe-Signature`
 * HMAC with the endpoint's `whsec_…` secret (also `constructEventAsync`, and the static `Stripe.webhooks`).
 * Only the webhook secret is modelled here; the client's API key is a credential of another kind.
 */
const STRIPE_WEBHOOKS = {
  constructEvent: method('mac-verify', { 2: 'secret' }),
  constructEventAsync: method('mac-verify', { 2: 'secret' }),
  generateTestHeaderString: method('mac', { '0.secret': 'secret' }),
};

export const stripe: LibraryModel = {
  id: 'stripe',
  roots: [{ module: 'stripe' }],
  apis: [
    construct('', 'client', {}, { returns: 'Stripe' }),
    call('', 'client', {}, { returns: 'Stripe' }),
    call('Stripe', 'client', {}, { returns: 'Stripe' }),
    construct('Stripe', 'client', {}, { returns: 'Stripe' }),
    ...Object.entries(STRIPE_WEBHOOKS).map(([name, api]) => call(`webhooks.${name}`, api.operation, api.args)),
  ],
  objects: {
    Stripe: { methods: {}, properties: { webhooks: 'StripeWebhooks' } },
    StripeWebhooks: { methods: STRIPE_WEBHOOKS },
  },
};
