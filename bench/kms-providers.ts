/**
 * `npm run bench:kms:providers`: data-key operations per second for each real
 * provider on this machine, against the same loopback servers and SoftHSM2
 * the tests use (so: the cost of the SDK / HTTP / PKCS#11 path, not of a
 * network). Sequential and 16 in flight; plus client.encrypt without a cache
 * (one KMS call per message) and with one (one call per dataset).
 */
import { createEnvelopeClient, type EnvelopeClientOptions } from '../src/kms';
import type { KeyProvider } from '../src/kms/provider';
import { createAwsKmsProvider } from '../src/kms/providers/aws-kms';
import { createAzureKeyVaultProvider } from '../src/kms/providers/azure-kv';
import { createGcpKmsProvider } from '../src/kms/providers/gcp-kms';
import { createPkcs11Kek, createPkcs11Provider } from '../src/kms/providers/pkcs11';
import { createVaultTransitProvider } from '../src/kms/providers/vault-transit';
import { AwsKmsTestServer } from '../test/kms/servers/aws-kms-server';
import { AzureKeyVaultTestServer, TEST_TOKEN } from '../test/kms/servers/azure-kv-server';
import { GcpKmsTestServer } from '../test/kms/servers/gcp-kms-server';
import { SoftHsm, SOFTHSM_MODULE } from '../test/kms/servers/softhsm';
import { VaultTransitTestServer } from '../test/kms/servers/vault-transit-server';

const BUDGET_MS = Number(process.env.BENCH_MS ?? 1500);
const context = { 'keywarden:purpose': 'encrypt', tenant: 't1' };

/** Runs `op` with `concurrency` in flight for about BUDGET_MS; returns ops/s. */
async function rate(op: () => Promise<unknown>, concurrency: number): Promise<number> {
  for (let i = 0; i < 20; i++) await op(); // warm-up: connections, sessions, JIT
  let done = 0;
  const started = performance.now();
  const end = started + BUDGET_MS;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await op();
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

async function measure(name: string, provider: KeyProvider, keyUri: string, clientOptions: EnvelopeClientOptions): Promise<void> {
  const sample = await provider.generateDataKey({ keyUri, context });
  const generate = async (): Promise<void> => {
    (await provider.generateDataKey({ keyUri, context })).plaintext.fill(0);
  };
  const unwrap = async (): Promise<void> => {
    (await provider.unwrap({ keyUri: sample.keyUri, wrapped: sample.wrapped, context })).fill(0);
  };
  const row = [name];
  for (const concurrency of [1, 16]) {
    row.push((await rate(generate, concurrency)).toFixed(0), (await rate(unwrap, concurrency)).toFixed(0));
  }
  const plaintext = Buffer.alloc(1024, 1);
  const uncached = createEnvelopeClient({ ...clientOptions, keyUri, provider });
  row.push((await rate(() => uncached.encrypt(plaintext), 16)).toFixed(0));
  const cached = createEnvelopeClient({ ...clientOptions, keyUri, provider, cache: { maxAgeMs: 60_000, maxMessages: 100_000 } });
  row.push((await rate(() => cached.encrypt(plaintext), 16)).toFixed(0));
  console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(14) : cell.padStart(12))).join(''));
}

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  process.env.METADATA_SERVER_DETECTION = 'none';
  const aws = await new AwsKmsTestServer().start();
  const gcp = await new GcpKmsTestServer().start();
  const vault = await new VaultTransitTestServer().start();
  const azure = await new AzureKeyVaultTestServer().start();
  const hsm = new SoftHsm();
  try {
    hsm.initToken('bench', '1234');
    const pkcs11Uri = await createPkcs11Kek({ modulePath: SOFTHSM_MODULE, tokenLabel: 'bench', keyLabel: 'kek', pin: '1234' });
    vault.createKey('bench');

    console.log(`ops/s, ${BUDGET_MS} ms per cell; loopback servers and SoftHSM2 in this process (${process.version})`);
    const head = ['provider', 'gen x1', 'unwrap x1', 'gen x16', 'unwrap x16', 'enc 1KiB', 'enc cached'];
    console.log(head.map((cell, i) => (i === 0 ? cell.padEnd(14) : cell.padStart(12))).join(''));

    const awsProvider = createAwsKmsProvider({ endpoint: aws.endpoint, credentials: { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench' } });
    await measure('aws-kms', awsProvider, `aws-kms://${aws.createKey()}`, {});
    await awsProvider.close?.();

    const vaultProvider = createVaultTransitProvider({ addresses: [vault.address], token: vault.rootToken });
    await measure('vault-transit', vaultProvider, `vault-transit://${vault.authority}/bench`, {});
    await vaultProvider.close?.();

    const authClient = {
      getRequestHeaders: async () => ({ authorization: 'Bearer bench' }),
      getClient: async () => authClient,
      fetch: (input: string | URL | Request, init: RequestInit = {}) => {
        const headers = new Headers(init.headers);
        headers.set('authorization', 'Bearer bench');
        return fetch(input, { ...init, headers });
      },
    };
    const gcpProvider = createGcpKmsProvider({ clientOptions: { apiEndpoint: '127.0.0.1', port: gcp.port, protocol: 'http', fallback: true, authClient } });
    await measure('gcp-kms', gcpProvider, `gcp-kms://${gcp.createKey('bench')}`, {});
    await gcpProvider.close?.();

    const azureProvider = createAzureKeyVaultProvider({
      credential: { getToken: async () => ({ token: TEST_TOKEN, expiresOnTimestamp: Date.now() + 3_600_000 }) },
      vaultUrls: { 'bench.vault.azure.net': azure.url },
      clientOptions: { allowInsecureConnection: true, disableChallengeResourceVerification: true },
    });
    await measure('azure-kv', azureProvider, `azure-kv://bench.vault.azure.net/keys/${azure.createKey('bench')}`, {});
    await azureProvider.close?.();

    const pkcs11Provider = createPkcs11Provider({ modulePath: SOFTHSM_MODULE, pin: '1234', sessions: 4 });
    await measure('pkcs11', pkcs11Provider, pkcs11Uri, {});
    await pkcs11Provider.close?.();
  } finally {
    await aws.stop();
    await gcp.stop();
    await vault.stop();
    await azure.stop();
    hsm.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
