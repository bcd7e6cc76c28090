import assert from 'node:assert/strict';
import { createEnvelopeClient, inspectSealed } from '../../../src/kms';
import { KeywardenError } from '../../../src/kms/errors';
import type { KeyProvider } from '../../../src/kms/provider';
import { createGcpKmsProvider, parseGcpKmsUri } from '../../../src/kms/providers/gcp-kms';
import { GcpKmsTestServer } from '../servers/gcp-kms-server';
import { rejectsWith } from './expect-error';

const context = { 'keywarden:purpose': 'encrypt', tenant: 'acme' };

describe('gcp-kms provider (real @google-cloud/kms over REST against a loopback Cloud KMS)', () => {
  let server: GcpKmsTestServer;
  let provider: KeyProvider;
  let keyName: string;
  let keyUri: string;
  let counter = 0;
  const saved = { detection: process.env.METADATA_SERVER_DETECTION, project: process.env.GOOGLE_CLOUD_PROJECT };

  /** Client options for the loopback server: REST transport, plain http, a stub token. */
  const clientOptions = (): Record<string, unknown> => {
    const authClient = {
      getRequestHeaders: async () => new Headers({ authorization: 'Bearer test-token' }),
      getClient: async () => authClient,
      // gax's REST transport sends through the auth client's fetch, which adds the token.
      fetch: (input: string | URL | Request, init: RequestInit = {}) => {
        const headers = new Headers(init.headers);
        headers.set('authorization', 'Bearer test-token');
        return fetch(input, { ...init, headers });
      },
    };
    return { apiEndpoint: '127.0.0.1', port: server.port, protocol: 'http', fallback: true, authClient };
  };

  before(async function () {
    // google-auth-library must never probe the cloud metadata address from a test.
    process.env.METADATA_SERVER_DETECTION = 'none';
    process.env.GOOGLE_CLOUD_PROJECT = 'keywarden-test';
    server = await new GcpKmsTestServer().start();
    // The first call loads google-gax and the KMS protos (seconds on a busy
    // machine): pay it here, so each test's timeout measures the test.
    this.timeout(120_000);
    const warm = createGcpKmsProvider({ clientOptions: clientOptions() });
    await warm.generateDataKey({ keyUri: `gcp-kms://${server.createKey('warm-up')}`, context });
    await warm.close?.();
  });
  after(async () => {
    await server.stop();
    for (const [name, value] of [['METADATA_SERVER_DETECTION', saved.detection], ['GOOGLE_CLOUD_PROJECT', saved.project]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  beforeEach(() => {
    keyName = server.createKey(`key-${++counter}`);
    keyUri = `gcp-kms://${keyName}`;
    provider = createGcpKmsProvider({ clientOptions: clientOptions() });
  });
  afterEach(async () => {
    server.setOutage(undefined);
    await provider.close?.();
  });

  it('wraps a fresh data key with the context as AAD and unwraps it; records the key version', async () => {
    const generated = await provider.generateDataKey({ keyUri, context });
    assert.equal(generated.plaintext.length, 32);
    assert.equal(generated.keyUri, `${keyUri}#v1`);
    assert.deepEqual(await provider.unwrap({ ...generated, context }), generated.plaintext);
  });

  it('another context, a flipped byte or an empty blob → TAMPERED', async () => {
    const generated = await provider.generateDataKey({ keyUri, context });
    await rejectsWith(provider.unwrap({ ...generated, context: { ...context, tenant: 'other' } }), 'TAMPERED');
    for (const i of [0, 5, 20, generated.wrapped.length - 1]) {
      const wrapped = Buffer.from(generated.wrapped);
      wrapped[i]! ^= 0x10;
      await rejectsWith(provider.unwrap({ keyUri, wrapped, context }), 'TAMPERED');
    }
    await rejectsWith(provider.unwrap({ keyUri, wrapped: Buffer.alloc(0), context }), 'TAMPERED');
  });

  it('unknown key → UNKNOWN_KEY; a signing key or a disabled version → KMS_DENIED', async () => {
    await rejectsWith(provider.generateDataKey({ keyUri: `${keyUri}-missing`, context }), 'UNKNOWN_KEY');
    const signing = server.createKey(`sign-${counter}`, 'ASYMMETRIC_SIGN');
    await rejectsWith(provider.generateDataKey({ keyUri: `gcp-kms://${signing}`, context }), 'KMS_DENIED');
    const generated = await provider.generateDataKey({ keyUri, context });
    server.setVersionEnabled(keyName, 1, false);
    await rejectsWith(provider.unwrap({ ...generated, context }), 'KMS_DENIED');
  });

  it('429, 503 and resets → KMS_UNAVAILABLE, retryable, one request each (library retries off)', async () => {
    for (const fault of ['resource-exhausted', 'unavailable', 'reset'] as const) {
      const before = server.calls.encrypt ?? 0;
      server.inject(fault);
      await rejectsWith(provider.generateDataKey({ keyUri, context }), 'KMS_UNAVAILABLE', true);
      assert.equal(server.calls.encrypt, before + 1, fault);
      assert.equal((await provider.generateDataKey({ keyUri, context })).plaintext.length, 32, `${fault}: recovers`);
    }
  });

  it('rotate creates a primary version; rewrap moves the data key to it', async () => {
    const generated = await provider.generateDataKey({ keyUri, context });
    assert.equal(await provider.rotate!(keyUri), `${keyUri}#v2`);
    const rewrapped = await provider.rewrap({ ...generated, context });
    assert.equal(rewrapped.keyUri, `${keyUri}#v2`);
    assert.deepEqual(await provider.unwrap({ ...rewrapped, context }), generated.plaintext);
    assert.deepEqual(await provider.unwrap({ ...generated, context }), generated.plaintext, 'v1 still decrypts');
  });

  it('through createEnvelopeClient: round trip, WRONG_CONTEXT, rewrap to another key', async () => {
    const other = server.createKey(`other-${counter}`);
    const client = createEnvelopeClient({ keyUri, providerOptions: { 'gcp-kms': { clientOptions: clientOptions() } }, retry: { baseDelayMs: 1 } });
    try {
      const sealed = await client.encrypt('gcp data', { context: { row: '7' } });
      assert.equal(inspectSealed(sealed).keyUri, `${keyUri}#v1`);
      assert.equal((await client.decrypt(sealed, { context: { row: '7' } })).toString(), 'gcp data');
      await rejectsWith(client.decrypt(sealed, { context: { row: '8' } }), 'WRONG_CONTEXT');
      server.inject('unavailable', 2);
      const moved = await client.rewrap(sealed, { toKeyUri: `gcp-kms://${other}` });
      assert.equal(inspectSealed(moved).keyUri, `gcp-kms://${other}#v1`);
      assert.equal((await client.decrypt(moved, { context: { row: '7' } })).toString(), 'gcp data');
    } finally {
      await client.close();
    }
  });

  it('parses key URIs strictly', () => {
    assert.deepEqual(parseGcpKmsUri('gcp-kms://projects/p-1/locations/global/keyRings/r/cryptoKeys/k#v12'), {
      name: 'projects/p-1/locations/global/keyRings/r/cryptoKeys/k',
      version: 12,
    });
    for (const bad of [
      'gcp-kms://projects/p/locations/l/keyRings/r',
      'gcp-kms://projects/p/locations/l/keyRings/r/cryptoKeys/k/cryptoKeyVersions/1',
      'gcp-kms://projects/p/locations/l/keyRings/r/cryptoKeys/k#3',
      'gcp-kms://projects/p/locations/l/keyRings/r/cryptoKeys/../k',
      'gcp-kms://projects/p/locations/l/keyRings/r/cryptoKeys/k#v1#v2',
      'aws-kms://projects/p/locations/l/keyRings/r/cryptoKeys/k',
    ]) {
      assert.throws(() => parseGcpKmsUri(bad), (e: unknown) => e instanceof KeywardenError && e.code === 'UNSUPPORTED_FORMAT', bad);
    }
  });
});
