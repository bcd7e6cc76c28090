import assert from 'node:assert/strict';
import { KeywardenError } from '../../../src/kms/errors';
import type { KeyProvider } from '../../../src/kms/provider';
import { createAwsKmsProvider } from '../../../src/kms/providers/aws-kms';
import { loadOptionalPeer } from '../../../src/kms/providers/optional-peer';
import { AwsKmsTestServer } from '../servers/aws-kms-server';
import { rejectsWith } from './expect-error';

const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' };
const context = { purpose: 'encrypt', tenant: 'acme' };

describe('aws-kms provider (real @aws-sdk/client-kms against a loopback KMS)', () => {
  let server: AwsKmsTestServer;
  let provider: KeyProvider;
  let keyArn: string;

  before(async function () {
    // The pinned SDK warns once that its 2027 releases need Node 22; the pin is deliberate.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
    server = await new AwsKmsTestServer().start();
    // Load the SDK here (slow on a busy machine), so test timeouts measure tests.
    this.timeout(120_000);
    const warm = createAwsKmsProvider({ endpoint: server.endpoint, credentials });
    await warm.generateDataKey({ keyUri: `aws-kms://${server.createKey()}`, context });
    await warm.close?.();
  });
  after(async () => {
    await server.stop();
  });
  beforeEach(() => {
    keyArn = server.createKey();
    provider = createAwsKmsProvider({ endpoint: server.endpoint, credentials });
  });
  afterEach(async () => {
    server.setOutage(undefined);
    await provider.close?.();
  });

  it('generates a 32-byte data key that unwraps under the same context', async () => {
    const generated = await provider.generateDataKey({ keyUri: `aws-kms://${keyArn}`, context });
    assert.equal(generated.plaintext.length, 32);
    assert.equal(generated.keyUri, `aws-kms://${keyArn}`);
    assert.ok(!generated.wrapped.includes(generated.plaintext), 'wrapped form must not contain the key');
    const unwrapped = await provider.unwrap({ keyUri: generated.keyUri, wrapped: generated.wrapped, context });
    assert.deepEqual(unwrapped, generated.plaintext);
  });

  it('context key order does not matter, as in KMS', async () => {
    const generated = await provider.generateDataKey({ keyUri: `aws-kms://${keyArn}`, context: { a: '1', b: '2' } });
    const unwrapped = await provider.unwrap({ ...generated, context: { b: '2', a: '1' } });
    assert.deepEqual(unwrapped, generated.plaintext);
  });

  it('records the real key ARN when called through an alias, and keeps decrypting after the alias moves', async () => {
    const aliasArn = server.setAlias('app-data', keyArn);
    const generated = await provider.generateDataKey({ keyUri: `aws-kms://${aliasArn}`, context });
    assert.equal(generated.keyUri, `aws-kms://${keyArn}`);
    server.setAlias('app-data', server.createKey());
    const unwrapped = await provider.unwrap({ keyUri: generated.keyUri, wrapped: generated.wrapped, context });
    assert.deepEqual(unwrapped, generated.plaintext);
  });

  it('binds the encryption context: another context is refused by KMS (TAMPERED)', async () => {
    const generated = await provider.generateDataKey({ keyUri: `aws-kms://${keyArn}`, context });
    await rejectsWith(provider.unwrap({ ...generated, context: { ...context, tenant: 'other' } }), 'TAMPERED');
    await rejectsWith(provider.unwrap({ ...generated, context: { purpose: 'encrypt' } }), 'TAMPERED');
  });

  it('a flipped byte anywhere in the wrapped key is TAMPERED, key id bytes included', async () => {
    const generated = await provider.generateDataKey({ keyUri: `aws-kms://${keyArn}`, context });
    for (let i = 0; i < generated.wrapped.length; i++) {
      const wrapped = Buffer.from(generated.wrapped);
      wrapped[i]! ^= 0x01;
      const error = await provider.unwrap({ keyUri: generated.keyUri, wrapped, context }).catch((e: unknown) => e);
      assert.ok(error instanceof KeywardenError, `byte ${i}: ${String(error)}`);
      assert.equal(error.code, 'TAMPERED', `byte ${i}: ${error.message}`);
    }
  });

  it('a wrapped key presented under another key URI is TAMPERED (KMS IncorrectKeyException)', async () => {
    const generated = await provider.generateDataKey({ keyUri: `aws-kms://${keyArn}`, context });
    const otherArn = server.createKey();
    await rejectsWith(provider.unwrap({ ...generated, context, keyUri: `aws-kms://${otherArn}` }), 'TAMPERED');
  });

  it('an unknown key is UNKNOWN_KEY', async () => {
    const missing = keyArn.replace(/key\/.*/, 'key/00000000-0000-0000-0000-000000000000');
    await rejectsWith(provider.generateDataKey({ keyUri: `aws-kms://${missing}`, context }), 'UNKNOWN_KEY');
  });

  it('KeyUsage is enforced: SIGN_VERIFY and GENERATE_VERIFY_MAC keys are KMS_DENIED', async () => {
    for (const usage of ['SIGN_VERIFY', 'GENERATE_VERIFY_MAC'] as const) {
      const arn = server.createKey(usage);
      const error = await rejectsWith(provider.generateDataKey({ keyUri: `aws-kms://${arn}`, context }), 'KMS_DENIED');
      assert.match(error.message, /InvalidKeyUsageException/);
    }
  });

  it('a disabled key is KMS_DENIED for new data keys and for unwrap', async () => {
    const generated = await provider.generateDataKey({ keyUri: `aws-kms://${keyArn}`, context });
    server.setEnabled(keyArn, false);
    await rejectsWith(provider.generateDataKey({ keyUri: `aws-kms://${keyArn}`, context }), 'KMS_DENIED');
    await rejectsWith(provider.unwrap({ ...generated, context }), 'KMS_DENIED');
  });

  it('throttling, 503 and connection resets are KMS_UNAVAILABLE and retryable, and the SDK does not retry on its own', async () => {
    const uri = `aws-kms://${keyArn}`;
    for (const fault of ['throttle', 'unavailable', 'reset'] as const) {
      const before = server.calls.GenerateDataKey ?? 0;
      server.inject(fault, 1, 'GenerateDataKey');
      await rejectsWith(provider.generateDataKey({ keyUri: uri, context }), 'KMS_UNAVAILABLE', true);
      assert.equal(server.calls.GenerateDataKey, before + 1, `${fault}: exactly one attempt`);
      const ok = await provider.generateDataKey({ keyUri: uri, context });
      assert.equal(ok.plaintext.length, 32, `${fault}: next call succeeds`);
    }
  });

  it('a server that is down is KMS_UNAVAILABLE (retryable)', async () => {
    const down = createAwsKmsProvider({ endpoint: 'http://127.0.0.1:1', credentials });
    await rejectsWith(down.generateDataKey({ keyUri: `aws-kms://${keyArn}`, context }), 'KMS_UNAVAILABLE', true);
    await down.close?.();
  });

  it('an aborted call is KMS_UNAVAILABLE and not retryable', async () => {
    const controller = new AbortController();
    controller.abort();
    await rejectsWith(
      provider.generateDataKey({ keyUri: `aws-kms://${keyArn}`, context, signal: controller.signal }),
      'KMS_UNAVAILABLE',
    );
  });

  it('rewrap after rotation uses ReEncrypt inside KMS and the data key stays the same', async () => {
    const generated = await provider.generateDataKey({ keyUri: `aws-kms://${keyArn}`, context });
    server.rotate(keyArn);
    const decrypts = server.calls.Decrypt ?? 0;
    const rewrapped = await provider.rewrap({ keyUri: generated.keyUri, wrapped: generated.wrapped, context });
    assert.equal(server.calls.Decrypt ?? 0, decrypts, 'no Decrypt: the data key never left KMS');
    assert.equal(rewrapped.keyUri, generated.keyUri);
    assert.notDeepEqual(rewrapped.wrapped, generated.wrapped);
    assert.deepEqual(await provider.unwrap({ ...rewrapped, context }), generated.plaintext);
  });

  it('rewrap to another key moves the data key there; the old key URI no longer opens it', async () => {
    const generated = await provider.generateDataKey({ keyUri: `aws-kms://${keyArn}`, context });
    const targetArn = server.createKey();
    const rewrapped = await provider.rewrap({ ...generated, context, toKeyUri: `aws-kms://${targetArn}` });
    assert.equal(rewrapped.keyUri, `aws-kms://${targetArn}`);
    assert.deepEqual(await provider.unwrap({ ...rewrapped, context }), generated.plaintext);
    await rejectsWith(provider.unwrap({ keyUri: generated.keyUri, wrapped: rewrapped.wrapped, context }), 'TAMPERED');
  });

  it('rewrap under a wrong context is refused', async () => {
    const generated = await provider.generateDataKey({ keyUri: `aws-kms://${keyArn}`, context });
    await rejectsWith(provider.rewrap({ ...generated, context: { purpose: 'mac' } }), 'TAMPERED');
  });

  it('wrap encrypts an existing data key under the context (KMS Encrypt)', async () => {
    const dataKey = Buffer.alloc(32, 7);
    const wrapped = await provider.wrap!({ keyUri: `aws-kms://${keyArn}`, plaintext: dataKey, context });
    assert.equal(wrapped.keyUri, `aws-kms://${keyArn}`);
    assert.deepEqual(await provider.unwrap({ ...wrapped, context }), dataKey);
    await rejectsWith(provider.unwrap({ ...wrapped, context: { purpose: 'other' } }), 'TAMPERED');
  });

  it('rotate resolves an alias, rotates on demand, and returns the key ARN; old blobs still open', async () => {
    const generated = await provider.generateDataKey({ keyUri: `aws-kms://${keyArn}`, context });
    const aliasArn = server.setAlias('rotating', keyArn);
    const before = server.calls.RotateKeyOnDemand ?? 0;
    assert.equal(await provider.rotate!(`aws-kms://${aliasArn}`), `aws-kms://${keyArn}`);
    assert.equal(server.calls.RotateKeyOnDemand, before + 1);
    assert.deepEqual(await provider.unwrap({ ...generated, context }), generated.plaintext);
    const rewrapped = await provider.rewrap({ ...generated, context });
    assert.notDeepEqual(rewrapped.wrapped, generated.wrapped);
    assert.deepEqual(await provider.unwrap({ ...rewrapped, context }), generated.plaintext);
  });

  it('accepts a pre-built client', async () => {
    const { KMSClient } = await import('@aws-sdk/client-kms');
    const client = new KMSClient({ region: 'us-east-1', endpoint: server.endpoint, credentials, maxAttempts: 1 });
    const withClient = createAwsKmsProvider({ client });
    const generated = await withClient.generateDataKey({ keyUri: `aws-kms://${keyArn}`, context });
    assert.deepEqual(await withClient.unwrap({ ...generated, context }), generated.plaintext);
    client.destroy();
  });

  it('malformed key URIs are UNSUPPORTED_FORMAT before any network call', async () => {
    const before = { ...server.calls };
    for (const uri of [
      'aws-kms://',
      'aws-kms://arn:aws:kms:us-east-1:123:key/x', // account too short
      'aws-kms://arn:aws:kms:evil.example.com#:111122223333:key/x',
      'aws-kms://alias/app', // no region configured
      'local://x',
    ]) {
      await rejectsWith(provider.generateDataKey({ keyUri: uri, context }), 'UNSUPPORTED_FORMAT');
    }
    assert.deepEqual(server.calls, before);
  });

  it('a bare alias works when a default region is configured', async () => {
    server.setAlias('bare', keyArn);
    const regional = createAwsKmsProvider({ endpoint: server.endpoint, credentials, region: 'us-east-1' });
    const generated = await regional.generateDataKey({ keyUri: 'aws-kms://alias/bare', context });
    assert.equal(generated.keyUri, `aws-kms://${keyArn}`);
    await regional.close?.();
  });

  it('a missing optional SDK is a clear UNSUPPORTED_FORMAT error', () => {
    assert.throws(
      () => loadOptionalPeer('@keywarden-test/definitely-not-installed', 'aws-kms'),
      (e: unknown) => e instanceof KeywardenError && e.code === 'UNSUPPORTED_FORMAT' && /npm install/.test(e.message),
    );
  });
});
