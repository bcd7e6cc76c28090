import { call, construct } from '../define';
import type { Args } from '../define';
import type { LibraryModel } from '../types';

/** The passphrase of the private key or PKCS#12 (`pfx`) bundle in TLS options (`tls`, `https`, `http2`). */
const TLS_SECRETS: Args = { '0.passphrase': 'passphrase', '1.passphrase': 'passphrase' };

/** Node's TLS servers, clients, agents and secure contexts, configured with a private key and its passphrase. */
export const tlsOptions: LibraryModel = {
  id: 'node:tls',
  roots: ['tls', 'https', 'http2'].flatMap((name) => [{ module: name }, { module: `node:${name}` }]),
  apis: [
    call('createServer', 'client', TLS_SECRETS),
    call('createSecureServer', 'client', TLS_SECRETS),
    call('createSecureContext', 'client', TLS_SECRETS),
    call('connect', 'client', TLS_SECRETS),
    call('request', 'client', TLS_SECRETS),
    call('get', 'client', TLS_SECRETS),
    construct('Agent', 'client', TLS_SECRETS),
  ],
};
