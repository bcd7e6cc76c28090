import { call, construct } from '../define';
import type { Args } from '../define';
import type { LibraryModel } from '../types';

/**
 * TLS options (`tls`, `https`, `http2`): the passphrase of the private key or PKCS#12 (`pfx`)
 * bundle, and the OpenSSL cipher list the connection may negotiate.
 */
const TLS_OPTIONS: Args = {
  '0.passphrase': 'passphrase',
  '1.passphrase': 'passphrase',
  '0.ciphers': 'cipher-suites',
  '1.ciphers': 'cipher-suites',
};

/** Node's TLS servers, clients, agents and secure contexts, configured with a private key and its passphrase. */
export const tlsOptions: LibraryModel = {
  id: 'node:tls',
  roots: ['tls', 'https', 'http2'].flatMap((name) => [{ module: name }, { module: `node:${name}` }]),
  apis: [
    call('createServer', 'client', TLS_OPTIONS),
    call('createSecureServer', 'client', TLS_OPTIONS),
    call('createSecureContext', 'client', TLS_OPTIONS),
    call('connect', 'client', TLS_OPTIONS),
    call('request', 'client', TLS_OPTIONS),
    call('get', 'client', TLS_OPTIONS),
    construct('Agent', 'client', TLS_OPTIONS),
  ],
};
