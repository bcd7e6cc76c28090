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
 * The client's secret API key (`new Stripe('sk_live_…')`) is the account's credential: a hardcoded one moves money for
 * whoever reads the code (decision 118), like a KMS client's `secretAccessKey`.
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
    construct('', 'client', { 0: 'credential' }, { returns: 'Stripe' }),
    call('', 'client', { 0: 'credential' }, { returns: 'Stripe' }),
    call('Stripe', 'client', { 0: 'credential' }, { returns: 'Stripe' }),
    construct('Stripe', 'client', { 0: 'credential' }, { returns: 'Stripe' }),
    ...Object.entries(STRIPE_WEBHOOKS).map(([name, api]) => call(`webhooks.${name}`, api.operation, api.args)),
  ],
  objects: {
    Stripe: { methods: {}, properties: { webhooks: 'StripeWebhooks' } },
    StripeWebhooks: { methods: STRIPE_WEBHOOKS },
  },
};

/**
 * Other payment service providers' server SDKs, whose clients take the merchant account's secret API credential
 * (decision 118): Mollie `createMollieClient({ apiKey })`, Adyen `new Client({ apiKey })` / `new Config({ apiKey })`,
 * Braintree `new BraintreeGateway({ privateKey })`, Razorpay `new Razorpay({ key_secret })`. Their public halves
 * (Razorpay's `key_id`, Braintree's `merchantId`/`publicKey`, Adyen's client key) are ids, not modelled.
 */
export const paymentProviders: LibraryModel = {
  id: 'payment-providers',
  roots: [{ module: '@mollie/api-client' }, { module: '@adyen/api-library' }, { module: 'braintree' }, { module: 'razorpay' }],
  apis: [
    call('createMollieClient', 'client', { '0.apiKey': 'credential' }),
    call('', 'client', { '0.apiKey': 'credential' }),
    construct('Client', 'client', { '0.apiKey': 'credential' }),
    construct('Config', 'client', { '0.apiKey': 'credential' }),
    construct('BraintreeGateway', 'client', { '0.privateKey': 'credential' }),
    construct('', 'client', { '0.key_secret': 'credential' }),
  ],
};
