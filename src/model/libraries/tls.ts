import { call, construct } from '../define';
import type { Args } from '../define';
import type { LibraryModel } from '../types';

/**
 * TLS options (`tls`, `https`, `http2`): the private key of the certificate (`key`), the passphrase of
 * that key or of a PKCS#12 (`pfx`) bundle, and the OpenSSL cipher list the connection may negotiate.
 * The certificate's key authenticates the endpoint in the handshake: its purpose is `tls`, so the same
 * key signing application tokens (a JWT) is a key used across protocols.
 */
const TLS_OPTIONS: Args = {
  '0.key': 'key',
  '1.key': 'key',
  '0.passphrase': 'passphrase',
  '1.passphrase': 'passphrase',
  '0.ciphers': 'cipher-suites',
  '1.ciphers': 'cipher-suites',
};
const TLS_KEY = { facts: { purpose: 'tls' } } as const;

/** Node's TLS servers, clients, agents and secure contexts, configured with a private key and its passphrase. */
export const tlsOptions: LibraryModel = {
  id: 'node:tls',
  roots: ['tls', 'https', 'http2'].flatMap((name) => [{ module: name }, { module: `node:${name}` }]),
  apis: [
    call('createServer', 'client', TLS_OPTIONS, TLS_KEY),
    call('createSecureServer', 'client', TLS_OPTIONS, TLS_KEY),
    call('createSecureContext', 'client', TLS_OPTIONS, TLS_KEY),
    call('connect', 'client', TLS_OPTIONS, TLS_KEY),
    call('request', 'client', TLS_OPTIONS, TLS_KEY),
    call('get', 'client', TLS_OPTIONS, TLS_KEY),
    construct('Agent', 'client', TLS_OPTIONS, TLS_KEY),
  ],
};
