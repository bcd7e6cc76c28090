/**
 * End to end through the public API: createEnvelopeClient({ keyUri }) picks the
 * real provider from the registry by scheme, and every call goes through the
 * real SDK / HTTP API / PKCS#11 library to the loopback servers and SoftHSM.
 */
import assert from 'node:assert/strict';
import { createEnvelopeClient, inspectSealed, type EnvelopeClientOptions, type KeywardenErrorCode } from '../../../src/kms';
import { crc32 } from '../../../src/kms/crc32';
import { createPkcs11Kek } from '../../../src/kms/providers/pkcs11';
import { AwsKmsTestServer } from '../servers/aws-kms-server';
import { SoftHsm, SOFTHSM_MODULE } from '../servers/softhsm';
import { VaultTransitTestServer } from '../servers/vault-transit-server';
import { rejectsWith as rejectsWithCode } from './expect-error';

const PIN = 'e2e-pin-1234';
const fastRetry = { maxAttempts: 5, baseDelayMs: 1, maxDelayMs: 20, deadlineMs: 2000 };

const rejectsWith = (promise: Promise<unknown>, code: KeywardenErrorCode) => rejectsWithCode(promise, code, 'any');

describe('envelope client end to end with the real providers', () => {
  let aws: AwsKmsTestServer;
  let vault: VaultTransitTestServer;
  let hsm: SoftHsm;
  let awsKeyArn: string;
  let vaultUri: string;
  let pkcs11Uri: string;
  let options: EnvelopeClientOptions;

  before(async function () {
    // Starts servers, tokens and SDKs: seconds on a busy machine.
    this.timeout(120_000);
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
    aws = await new AwsKmsTestServer().start();
    vault = await new VaultTransitTestServer().start();
    hsm = new SoftHsm();
    hsm.initToken('kw-e2e', PIN);
    pkcs11Uri = await createPkcs11Kek({ modulePath: SOFTHSM_MODULE, tokenLabel: 'kw-e2e', keyLabel: 'kek', pin: PIN });
    vault.createKey('orders');
    vaultUri = `vault-transit://${vault.authority}/orders`;
    awsKeyArn = aws.createKey();
    options = {
      retry: fastRetry,
      providerOptions: {
        'aws-kms': { endpoint: aws.endpoint, credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' } },
        'vault-transit': { addresses: [vault.address], token: vault.rootToken },
        pkcs11: { modulePath: SOFTHSM_MODULE, pin: PIN },
      },
    };
  });
  after(async () => {
    await aws.stop();
    await vault.stop();
    hsm.dispose();
  });

  const providers = [
    { name: 'aws-kms', uri: () => `aws-kms://${awsKeyArn}` },
    { name: 'vault-transit', uri: () => vaultUri },
    { name: 'pkcs11', uri: () => pkcs11Uri },
  ];

  for (const { name, uri } of providers) {
    describe(name, () => {
      it('encrypt → decrypt round trip; the sealed header names the KEK', async () => {
        const client = createEnvelopeClient({ ...options, keyUri: uri(), context: { app: 'billing' } });
        try {
          const sealed = await client.encrypt('card 4111 1111 1111 1111', { context: { customer: 'c-42' } });
          assert.ok(inspectSealed(sealed).keyUri.startsWith(uri()), inspectSealed(sealed).keyUri);
          const opened = await client.decrypt(sealed, { context: { customer: 'c-42' } });
          assert.equal(opened.toString('utf8'), 'card 4111 1111 1111 1111');
        } finally {
          await client.close();
        }
      });

      it('wrong context → WRONG_CONTEXT, wrong purpose → WRONG_PURPOSE, flipped wrapped-key byte → TAMPERED', async () => {
        const client = createEnvelopeClient({ ...options, keyUri: uri() });
        const macClient = createEnvelopeClient({ ...options, keyUri: uri(), purpose: 'mac' });
        try {
          const sealed = await client.encrypt('x', { context: { customer: 'c-42' } });
          await rejectsWith(client.decrypt(sealed, { context: { customer: 'c-43' } }), 'WRONG_CONTEXT');
          await rejectsWith(macClient.decrypt(sealed, { context: { customer: 'c-42' } }), 'WRONG_PURPOSE');
          // Flip a byte of the wrapped key (the last field before the header's
          // CRC-32) and fix the CRC, so the provider itself must refuse it.
          const { headerBytes } = inspectSealed(sealed);
          const tampered = Buffer.from(sealed);
          tampered[headerBytes - 4 - 8]! ^= 0x04;
          tampered.writeUInt32BE(crc32(tampered.subarray(0, headerBytes - 4)), headerBytes - 4);
          await rejectsWith(client.decrypt(tampered, { context: { customer: 'c-42' } }), 'TAMPERED');
        } finally {
          await client.close();
          await macClient.close();
        }
      });
    });
  }

  it('aws-kms: throttling is retried by the client; each attempt is one real KMS call', async () => {
    const client = createEnvelopeClient({ ...options, keyUri: `aws-kms://${awsKeyArn}` });
    try {
      const before = aws.calls.GenerateDataKey ?? 0;
      aws.inject('throttle', 2, 'GenerateDataKey');
      const sealed = await client.encrypt('after two throttles');
      assert.equal((aws.calls.GenerateDataKey ?? 0) - before, 3);
      assert.equal((await client.decrypt(sealed)).toString(), 'after two throttles');
    } finally {
      await client.close();
    }
  });

  it('aws-kms: an outage ends in KMS_UNAVAILABLE within the deadline', async () => {
    const client = createEnvelopeClient({ ...options, keyUri: `aws-kms://${awsKeyArn}`, retry: { ...fastRetry, maxAttempts: 1000, deadlineMs: 400 } });
    aws.setOutage('reset');
    const started = Date.now();
    try {
      const error = await rejectsWith(client.encrypt('never'), 'KMS_UNAVAILABLE');
      assert.match(error.message, /kept failing/);
      assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`); // deadline 400 ms; slack for a loaded machine
    } finally {
      aws.setOutage(undefined);
      await client.close();
    }
  });

  it('aws-kms: a key whose usage is not ENCRYPT_DECRYPT → KMS_DENIED, not retried', async () => {
    const signing = aws.createKey('SIGN_VERIFY');
    const client = createEnvelopeClient({ ...options, keyUri: `aws-kms://${signing}` });
    try {
      const before = aws.calls.GenerateDataKey ?? 0;
      await rejectsWith(client.encrypt('x'), 'KMS_DENIED');
      assert.equal((aws.calls.GenerateDataKey ?? 0) - before, 1);
    } finally {
      await client.close();
    }
  });

  it('aws-kms: rewrap after on-demand rotation keeps data readable; ReEncrypt runs in KMS', async () => {
    const client = createEnvelopeClient({ ...options, keyUri: `aws-kms://${awsKeyArn}` });
    try {
      const sealed = await client.encrypt('rotate me');
      aws.rotate(awsKeyArn);
      const rewrapped = await client.rewrap(sealed);
      assert.notDeepEqual(rewrapped, sealed);
      assert.equal((await client.decrypt(rewrapped)).toString(), 'rotate me');
    } finally {
      await client.close();
    }
  });

  it('vault-transit: rewrap after rotation moves the blob to the new key version', async () => {
    const client = createEnvelopeClient({ ...options, keyUri: vaultUri });
    try {
      const sealed = await client.encrypt('versioned');
      assert.equal(inspectSealed(sealed).keyUri, `${vaultUri}#v1`);
      await fetch(`${vault.address}/v1/transit/keys/orders/rotate`, { method: 'POST', headers: { 'x-vault-token': vault.rootToken } });
      const rewrapped = await client.rewrap(sealed);
      assert.equal(inspectSealed(rewrapped).keyUri, `${vaultUri}#v2`);
      assert.equal((await client.decrypt(rewrapped)).toString(), 'versioned');
    } finally {
      await client.close();
    }
  });

  it('rewrap across providers: aws-kms → vault-transit → pkcs11, the data untouched', async () => {
    const client = createEnvelopeClient({ ...options, keyUri: `aws-kms://${awsKeyArn}` });
    try {
      const sealed = await client.encrypt('moving house', { context: { tenant: 't1' } });
      const inVault = await client.rewrap(sealed, { toKeyUri: vaultUri });
      assert.ok(inspectSealed(inVault).keyUri.startsWith(vaultUri));
      const inHsm = await client.rewrap(inVault, { toKeyUri: pkcs11Uri });
      assert.equal(inspectSealed(inHsm).keyUri, pkcs11Uri);
      // Frames (the encrypted data) are byte-identical: only the key section changed.
      const tail = (b: Buffer): Buffer => b.subarray(inspectSealed(b).headerBytes);
      assert.deepEqual(tail(inHsm), tail(sealed));
      assert.equal((await client.decrypt(inHsm, { context: { tenant: 't1' } })).toString(), 'moving house');
    } finally {
      await client.close();
    }
  });
});
