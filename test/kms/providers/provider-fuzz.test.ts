/**
 * Bad input never crashes a provider: arbitrary key URIs and wrapped keys
 * (which come from sealed blobs, so from anyone) end in a KeywardenError with
 * the right kind of code, never a TypeError, a hang or a success.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { KeywardenError } from '../../../src/kms/errors';
import type { KeyProvider } from '../../../src/kms/provider';
import { parseAwsKmsUri } from '../../../src/kms/providers/aws-kms-uri';
import { createAwsKmsProvider } from '../../../src/kms/providers/aws-kms';
import { parseGcpKmsUri } from '../../../src/kms/providers/gcp-kms';
import { createPkcs11Kek, createPkcs11Provider } from '../../../src/kms/providers/pkcs11';
import { parsePkcs11Uri } from '../../../src/kms/providers/pkcs11-uri';
import { createVaultTransitProvider } from '../../../src/kms/providers/vault-transit';
import { parseVaultTransitUri } from '../../../src/kms/providers/vault-transit-uri';
import { AwsKmsTestServer } from '../servers/aws-kms-server';
import { SoftHsm, SOFTHSM_MODULE } from '../servers/softhsm';
import { VaultTransitTestServer } from '../servers/vault-transit-server';

const context = { 'keywarden:purpose': 'encrypt' };

function onlyKeywardenErrors(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof KeywardenError, `not a KeywardenError: ${String(error)}`);
    assert.equal(error.code, 'UNSUPPORTED_FORMAT');
  }
}

describe('providers under arbitrary input', () => {
  it('URI parsers accept or refuse with UNSUPPORTED_FORMAT, never crash', () => {
    const tail = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^[a-z=;:/%?&#.\-0-9]{0,40}$/));
    fc.assert(
      fc.property(tail, (rest) => {
        onlyKeywardenErrors(() => parseAwsKmsUri(`aws-kms://${rest}`, rest.length % 2 ? 'us-east-1' : undefined));
        onlyKeywardenErrors(() => parseVaultTransitUri(`vault-transit://${rest}`));
        onlyKeywardenErrors(() => parsePkcs11Uri(`pkcs11://${rest}`));
        onlyKeywardenErrors(() => parsePkcs11Uri(`pkcs11:${rest}`));
        onlyKeywardenErrors(() => parseGcpKmsUri(`gcp-kms://${rest}`));
        onlyKeywardenErrors(() => parseGcpKmsUri(`gcp-kms://projects/p/locations/l/keyRings/r/cryptoKeys/${rest}`));
      }),
      { numRuns: 2000 },
    );
  });

  describe('unwrap of arbitrary wrapped keys', () => {
    let aws: AwsKmsTestServer;
    let vault: VaultTransitTestServer;
    let hsm: SoftHsm;
    const cases: Array<{ name: string; provider: KeyProvider; keyUri: string; generated: Buffer }> = [];

    before(async function () {
      // Starts servers, tokens and SDKs: seconds on a busy machine.
      this.timeout(120_000);
      process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
      aws = await new AwsKmsTestServer().start();
      vault = await new VaultTransitTestServer().start();
      hsm = new SoftHsm();
      hsm.initToken('fuzz', '1234');
      vault.createKey('fuzz');
      const setups: Array<[string, KeyProvider, string]> = [
        ['aws-kms', createAwsKmsProvider({ endpoint: aws.endpoint, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }), `aws-kms://${aws.createKey()}`],
        ['vault-transit', createVaultTransitProvider({ addresses: [vault.address], token: vault.rootToken }), `vault-transit://${vault.authority}/fuzz`],
        [
          'pkcs11',
          createPkcs11Provider({ modulePath: SOFTHSM_MODULE, pin: '1234' }),
          await createPkcs11Kek({ modulePath: SOFTHSM_MODULE, tokenLabel: 'fuzz', keyLabel: 'kek', pin: '1234' }),
        ],
      ];
      for (const [name, provider, keyUri] of setups) {
        const generated = await provider.generateDataKey({ keyUri, context });
        cases.push({ name, provider, keyUri: generated.keyUri, generated: generated.wrapped });
      }
    });
    after(async () => {
      for (const { provider } of cases) await provider.close?.();
      await aws.stop();
      await vault.stop();
      hsm.dispose();
    });

    it('random bytes and mutations of a real wrapped key are refused with TAMPERED / UNKNOWN_KEY / KMS_DENIED', async () => {
      for (const { name, provider, keyUri, generated } of cases) {
        const mutation = fc.oneof(
          fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
          fc.tuple(fc.nat(generated.length - 1), fc.integer({ min: 1, max: 255 })).map(([i, x]) => {
            const copy = Buffer.from(generated);
            copy[i]! ^= x;
            return copy;
          }),
          fc.nat(generated.length - 1).map((n) => generated.subarray(0, n)),
        );
        await fc.assert(
          fc.asyncProperty(mutation, async (wrapped) => {
            const error = await provider.unwrap({ keyUri, wrapped, context }).then(
              () => undefined,
              (e: unknown) => e,
            );
            assert.ok(error instanceof KeywardenError, `${name}: ${String(error)}`);
            assert.ok(['TAMPERED', 'UNKNOWN_KEY', 'KMS_DENIED'].includes(error.code), `${name}: ${error.code} ${error.message}`);
          }),
          { numRuns: 60 },
        );
      }
    });
  });
});
