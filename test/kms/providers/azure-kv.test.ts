import assert from 'node:assert/strict';
import { createEnvelopeClient, inspectSealed } from '../../../src/kms';
import { KeywardenError, type KeywardenErrorCode } from '../../../src/kms/errors';
import type { KeyProvider } from '../../../src/kms/provider';
import { createAzureKeyVaultProvider, parseAzureKvUri, type AzureKeyVaultProviderOptions } from '../../../src/kms/providers/azure-kv';
import { AzureKeyVaultTestServer, TEST_TOKEN } from '../servers/azure-kv-server';

const VAULT = 'acme.vault.azure.net';
const context = { 'keywarden:purpose': 'encrypt', tenant: 'acme' };

async function rejectsWith(promise: Promise<unknown>, code: KeywardenErrorCode, retryable = false): Promise<KeywardenError> {
  const error = await promise.then(
    () => assert.fail(`expected ${code}, got success`),
    (e: unknown) => e,
  );
  assert.ok(error instanceof KeywardenError, `expected KeywardenError, got ${String(error)}`);
  assert.equal(error.code, code, error.message);
  assert.equal(error.retryable, retryable, `retryable for ${error.message}`);
  return error;
}

describe('azure-kv provider (real @azure/keyvault-keys against a loopback Key Vault)', () => {
  let server: AzureKeyVaultTestServer;
  let provider: KeyProvider;
  let counter = 0;
  let name: string;
  let keyUri: string;

  /** The real SDK, pointed at the loopback vault: plain http, a stub credential, challenge resource not matched to 127.0.0.1. */
  const options = (extra: AzureKeyVaultProviderOptions = {}): AzureKeyVaultProviderOptions => ({
    credential: { getToken: async () => ({ token: TEST_TOKEN, expiresOnTimestamp: Date.now() + 3_600_000 }) },
    vaultUrls: { [VAULT]: server.url },
    clientOptions: { allowInsecureConnection: true, disableChallengeResourceVerification: true },
    ...extra,
  });
  const uri = (key: string, version?: string): string => `azure-kv://${VAULT}/keys/${key}${version ? `/${version}` : ''}`;

  before(async () => {
    server = await new AzureKeyVaultTestServer().start();
  });
  after(() => server.stop());
  beforeEach(() => {
    name = server.createKey(`key-${++counter}`);
    keyUri = uri(name);
    provider = createAzureKeyVaultProvider(options());
  });
  afterEach(async () => {
    server.setOutage(undefined);
    await provider.close?.();
  });

  it('wraps with RSA-OAEP-256 inside the vault after its auth challenge, records the version, unwraps', async () => {
    const generated = await provider.generateDataKey({ keyUri, context });
    assert.equal(generated.plaintext.length, 32);
    assert.equal(generated.keyUri, uri(name, server.currentVersion(name)));
    assert.equal(generated.wrapped[0], 1, 'algorithm id: RSA-OAEP-256');
    assert.equal(generated.wrapped.length, 1 + 256, 'RSA-2048 ciphertext');
    assert.ok(server.challenges > 0, 'the SDK went through the 401 challenge');
    assert.equal(server.calls.wrapkey, 1);
    assert.deepEqual(await provider.unwrap({ ...generated, context }), generated.plaintext);
  });

  it('AES keys (Managed HSM) wrap with A256KW; an explicit algorithm is honoured', async () => {
    const aes = server.createKey(`aes-${counter}`, 'oct-HSM');
    const generated = await provider.generateDataKey({ keyUri: uri(aes), context });
    assert.equal(generated.wrapped[0], 3);
    assert.equal(generated.wrapped.length, 1 + 40);
    assert.deepEqual(await provider.unwrap({ ...generated, context }), generated.plaintext);

    const oaep = createAzureKeyVaultProvider(options({ algorithm: 'RSA-OAEP' }));
    const rsa = await oaep.generateDataKey({ keyUri, context });
    assert.equal(rsa.wrapped[0], 2);
    assert.deepEqual(await provider.unwrap({ ...rsa, context }), rsa.plaintext);
  });

  it('a changed wrapped key → TAMPERED (in the vault, or before asking it)', async () => {
    const generated = await provider.generateDataKey({ keyUri, context });
    for (const i of [1, 100, generated.wrapped.length - 1]) {
      const wrapped = Buffer.from(generated.wrapped);
      wrapped[i]! ^= 0x01;
      await rejectsWith(provider.unwrap({ keyUri: generated.keyUri, wrapped, context }), 'TAMPERED');
    }
    const before = server.calls.unwrapkey ?? 0;
    for (const wrapped of [Buffer.alloc(0), Buffer.from([1]), Buffer.from([9, 1, 2, 3]), Buffer.alloc(600, 1)]) {
      await rejectsWith(provider.unwrap({ keyUri: generated.keyUri, wrapped, context }), 'TAMPERED');
    }
    assert.equal(server.calls.unwrapkey ?? 0, before, 'malformed wrapped keys never reach the vault');
  });

  it('unknown key or version → UNKNOWN_KEY; EC key, key without wrapKey, disabled version → KMS_DENIED', async () => {
    await rejectsWith(provider.generateDataKey({ keyUri: uri(`missing-${counter}`), context }), 'UNKNOWN_KEY');
    const generated = await provider.generateDataKey({ keyUri, context });
    await rejectsWith(provider.unwrap({ keyUri: uri(name, '0'.repeat(32)), wrapped: generated.wrapped, context }), 'UNKNOWN_KEY');
    const ec = server.createKey(`ec-${counter}`, 'EC');
    await rejectsWith(provider.generateDataKey({ keyUri: uri(ec), context }), 'KMS_DENIED');
    const signOnly = server.createKey(`sign-${counter}`, 'RSA', ['sign', 'verify']);
    await rejectsWith(provider.generateDataKey({ keyUri: uri(signOnly), context }), 'KMS_DENIED');
    server.setEnabled(name, server.currentVersion(name), false);
    await rejectsWith(createAzureKeyVaultProvider(options()).unwrap({ ...generated, context }), 'KMS_DENIED');
  });

  it('429, 503 and resets → KMS_UNAVAILABLE, retryable, one request each (SDK retries off)', async () => {
    const generated = await provider.generateDataKey({ keyUri, context });
    for (const fault of ['throttle', 'unavailable', 'reset'] as const) {
      const before = server.calls.unwrapkey ?? 0;
      server.inject(fault, 1, 'unwrapkey');
      await rejectsWith(provider.unwrap({ ...generated, context }), 'KMS_UNAVAILABLE', true);
      assert.equal(server.calls.unwrapkey, before + 1, fault);
      assert.deepEqual(await provider.unwrap({ ...generated, context }), generated.plaintext, `${fault}: recovers`);
    }
  });

  it('never sends a request (or a token) to a host outside Azure vault domains unless configured', async () => {
    const stranger = createAzureKeyVaultProvider(options({ vaultUrls: {} }));
    const before = { ...server.calls };
    await rejectsWith(stranger.generateDataKey({ keyUri: `azure-kv://evil.example.com/keys/${name}`, context }), 'KMS_DENIED');
    await rejectsWith(stranger.unwrap({ keyUri: `azure-kv://127.0.0.1:${server.port}/keys/${name}/abc`, wrapped: Buffer.from([1, 2]), context }), 'KMS_DENIED');
    assert.deepEqual(server.calls, before);
  });

  it('rotate makes a new current version; rewrap moves the data key to it, the old version still unwraps', async () => {
    const generated = await provider.generateDataKey({ keyUri, context });
    const rotated = await provider.rotate!(keyUri);
    assert.equal(rotated, uri(name, server.currentVersion(name)));
    assert.notEqual(rotated, generated.keyUri);
    const rewrapped = await provider.rewrap({ ...generated, context });
    assert.equal(rewrapped.keyUri, rotated);
    assert.deepEqual(await provider.unwrap({ ...rewrapped, context }), generated.plaintext);
    assert.deepEqual(await provider.unwrap({ ...generated, context }), generated.plaintext);
  });

  it('through createEnvelopeClient: round trip, WRONG_CONTEXT, cached data key, rewrap to another key', async () => {
    const other = server.createKey(`other-${counter}`, 'oct-HSM');
    const client = createEnvelopeClient({
      keyUri,
      providerOptions: { 'azure-kv': options() },
      cache: { maxAgeMs: 60_000 },
      retry: { baseDelayMs: 1 },
    });
    try {
      const sealed = await client.encrypt('azure data', { context: { row: '7' } });
      assert.equal(inspectSealed(sealed).keyUri, uri(name, server.currentVersion(name)));
      const wraps = server.calls.wrapkey;
      await client.encrypt('more azure data', { context: { row: '7' } });
      assert.equal(server.calls.wrapkey, wraps, 'second message under the cached data key');
      assert.equal((await client.decrypt(sealed, { context: { row: '7' } })).toString(), 'azure data');
      await rejectsWith(client.decrypt(sealed, { context: { row: '8' } }), 'WRONG_CONTEXT');
      server.inject('throttle', 2, 'unwrapkey');
      const moved = await client.rewrap(sealed, { toKeyUri: uri(other) });
      assert.equal(inspectSealed(moved).keyUri, uri(other, server.currentVersion(other)));
      const fresh = createEnvelopeClient({ keyUri, providerOptions: { 'azure-kv': options() } });
      assert.equal((await fresh.decrypt(moved, { context: { row: '7' } })).toString(), 'azure data');
      await fresh.close();
    } finally {
      await client.close();
    }
  });

  it('parses key URIs strictly', () => {
    assert.deepEqual(parseAzureKvUri(`azure-kv://${VAULT}/keys/orders-1/0123456789abcdef0123456789abcdef`), {
      host: VAULT,
      name: 'orders-1',
      version: '0123456789abcdef0123456789abcdef',
    });
    assert.deepEqual(parseAzureKvUri('azure-kv://hsm.managedhsm.azure.net:443/keys/k'), { host: 'hsm.managedhsm.azure.net:443', name: 'k' });
    for (const bad of [
      'azure-kv://vault/key',
      `azure-kv://${VAULT}/secrets/k`,
      `azure-kv://${VAULT}/keys/`,
      `azure-kv://${VAULT}/keys/k/v1/extra`,
      `azure-kv://${VAULT}/keys/k_1`,
      `azure-kv://${VAULT}/keys/../k`,
      `azure-kv://user@${VAULT}/keys/k`,
      `gcp-kms://${VAULT}/keys/k`,
    ]) {
      assert.throws(() => parseAzureKvUri(bad), (e: unknown) => e instanceof KeywardenError && e.code === 'UNSUPPORTED_FORMAT', bad);
    }
  });
});
