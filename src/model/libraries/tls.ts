import { call, construct, method } from '../define';
import type { Args } from '../define';
import type { LibraryModel } from '../types';

/**
 * TLS options (`tls`, `https`, `http2`): the private key of the certificate (`key`), the passphrase of
 * that key or of a PKCS#12 (`pfx`) bundle, the OpenSSL cipher list the connection may negotiate, and the
 * key-exchange curves it may use (`ecdhCurve`).
 * The certificate's key authenticates the endpoint in the handshake: its purpose is `tls`, so the same
 * key signing application tokens (a JWT) is a key used across protocols.
 */
const TLS_OPTIONS: Args = {
  '0.key': 'key',
  '1.key': 'key',
  '2.key': 'key', // tls.connect(port, host, options)
  '0.passphrase': 'passphrase',
  '1.passphrase': 'passphrase',
  '2.passphrase': 'passphrase',
  '0.ciphers': 'cipher-suites',
  '1.ciphers': 'cipher-suites',
  '2.ciphers': 'cipher-suites',
  '0.ecdhCurve': 'curve',
  '1.ecdhCurve': 'curve',
  '2.ecdhCurve': 'curve',
  // Session ticket keys (48 bytes: name, HMAC key, AES key) seal the session state every resumed connection uses.
  '0.ticketKeys': 'key',
  '1.ticketKeys': 'key',
  // TLS-PSK: a server's `pskCallback` returns the pre-shared key of an identity, a client's returns `{ psk, identity }`.
  '0.pskCallback()': 'key',
  '0.pskCallback().psk': 'key',
  '2.pskCallback().psk': 'key',
};
/** A transport's private key (TLS, and SSH's client and host keys): its purpose is securing the channel. */
const TLS_KEY = { facts: { purpose: 'tls' } } as const;
/** Node's TLS calls: a transport key, and `ecdhCurve` is an OpenSSL group list (`'X25519:prime256v1'`, or `'auto'`). */
const NODE_TLS = { facts: { purpose: 'tls', curveList: true } } as const;

/** Node's TLS servers, clients, agents and secure contexts, configured with a private key and its passphrase. */
export const tlsOptions: LibraryModel = {
  id: 'node:tls',
  roots: ['tls', 'https', 'http2'].flatMap((name) => [{ module: name }, { module: `node:${name}` }]),
  apis: [
    call('createServer', 'client', TLS_OPTIONS, { ...NODE_TLS, returns: 'TlsServer' }),
    call('createSecureServer', 'client', TLS_OPTIONS, { ...NODE_TLS, returns: 'TlsServer' }),
    // `new tls.Server(options)`, and the type of a server handed to a function (`function rotate(server: Server)`).
    construct('Server', 'client', TLS_OPTIONS, { ...NODE_TLS, returns: 'TlsServer' }),
    call('createSecureContext', 'client', TLS_OPTIONS, NODE_TLS),
    call('connect', 'client', TLS_OPTIONS, NODE_TLS),
    call('request', 'client', TLS_OPTIONS, NODE_TLS),
    call('get', 'client', TLS_OPTIONS, NODE_TLS),
    construct('Agent', 'client', TLS_OPTIONS, NODE_TLS),
  ],
  objects: {
    // A running server takes new ticket keys (`server.setTicketKeys(randomBytes(48))`, rotation) and new contexts.
    TlsServer: {
      methods: {
        setTicketKeys: method('client', { 0: 'key' }, NODE_TLS),
        setSecureContext: method('client', TLS_OPTIONS, NODE_TLS),
        addContext: method('client', { '1.key': 'key', '1.passphrase': 'passphrase', '1.ciphers': 'cipher-suites' }, NODE_TLS),
      },
    },
  },
};

/** undici's dispatchers take the TLS options of their connections under `connect`: `new Agent({ connect: { key, cert } })`. */
const UNDICI_CONNECT: Args = { '0.connect.key': 'key', '0.connect.passphrase': 'passphrase', '0.connect.ciphers': 'cipher-suites' };

export const undiciTls: LibraryModel = {
  id: 'node:tls',
  roots: [{ module: 'undici' }],
  apis: [construct('Agent', 'client', UNDICI_CONNECT, TLS_KEY), construct('Pool', 'client', UNDICI_CONNECT, TLS_KEY), construct('Client', 'client', { '1.connect.key': 'key', '1.connect.passphrase': 'passphrase', '1.connect.ciphers': 'cipher-suites' }, TLS_KEY)],
};

/**
 * SSH clients and servers (ssh2, node-ssh, ssh2-sftp-client) take the transport ciphers they may negotiate as
 * a list, `algorithms: { cipher: ['aes256-ctr', '3des-cbc'] }` (or `{ append, prepend }` edits of the default
 * list), and the client's private key (`privateKey`, with its `passphrase`) or the server's `hostKeys`.
 */
const SSH_CONNECT: Args = {
  '0.privateKey': 'key',
  '0.passphrase': 'passphrase',
  '0.algorithms.cipher': 'cipher-suites',
  '0.algorithms.cipher.append': 'cipher-suites',
  '0.algorithms.cipher.prepend': 'cipher-suites',
  // The digest ssh2 hands `hostVerifier` to compare with a pinned host key fingerprint: an authenticity check.
  '0.hostHash': 'digest',
};

export const sshClients: LibraryModel = {
  id: 'ssh2',
  roots: [{ module: 'ssh2' }, { module: 'node-ssh' }, { module: 'ssh2-sftp-client' }],
  apis: [
    construct('Client', 'client', {}, { returns: 'SshClient' }),
    construct('NodeSSH', 'client', {}, { returns: 'SshClient' }),
    construct('', 'client', {}, { returns: 'SshClient' }),
    construct('Server', 'client', { '0.hostKeys': 'key', '0.algorithms.cipher': 'cipher-suites', '0.algorithms.cipher.append': 'cipher-suites' }, TLS_KEY),
  ],
  objects: { SshClient: { methods: { connect: method('client', SSH_CONNECT, TLS_KEY) } } },
};
