import envelope from '../../rules/prefer-envelope-encryption';
import exposure from '../../rules/no-plaintext-data-key-exposure';
import { createRuleTester } from './rule-tester';

// Session 16's kms blind set (test/fixtures/corpus/kms/blind-s16): the shapes it found missing, each
// with the look-alike that must stay quiet.

const tester = createRuleTester();

const header = `import { DecryptCommand, EncryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
`;

/** A boot script handing a key to legacy modules through `Object.assign` on an object. */
const assignCode = (target: string) => `${header}export async function boot(wrapped: Uint8Array) {
  const res = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { app: 'billing' } }));
  try {
    Object.assign(${target}, { FIELD_KEY: Buffer.from(res.Plaintext!).toString('hex'), FIELD_KEY_ID: res.KeyId });
  } finally {
    res.Plaintext?.fill(0);
  }
}`;

/** gpg run through a promisified `execFile`, with a passphrase argument. */
const commandLineCode = (args: string) => `${header}import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
const run = promisify(execFile);
export async function encryptDump(path: string, exportId: string) {
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/exports', KeySpec: 'AES_256', EncryptionContext: { exportId } }));
  try {
    const passphrase = Buffer.from(dk.Plaintext!).toString('hex');
    await run('gpg', ${args});
    return dk.CiphertextBlob;
  } finally {
    dk.Plaintext?.fill(0);
  }
}`;

/** A partner API called through an axios instance. */
const urlCode = (params: string) => `${header}import axios from 'axios';
const partner = axios.create({ baseURL: 'https://ingest.partner.example' });
export async function push(tenantId: string, wrappedKey: Uint8Array, body: Buffer) {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { tenantId } }));
  try {
    await partner.post('/v2/ingest', body, { params: ${params} });
  } finally {
    Plaintext?.fill(0);
  }
}`;

/** Application Insights events sent from a playback handler. */
const appInsightsCode = (properties: string) => `${header}import * as appInsights from 'applicationinsights';
const telemetry = appInsights.defaultClient;
export async function playback(id: string, wrappedKey: Uint8Array) {
  const out = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { id } }));
  try {
    telemetry.trackEvent({ name: 'playback', properties: ${properties} });
  } finally {
    out.Plaintext?.fill(0);
  }
}`;

/** An OpenTelemetry counter of unwraps. */
const metricsCode = (attributes: string) => `${header}import { metrics } from '@opentelemetry/api';
const unwraps = metrics.getMeter('keys').createCounter('keys.unwraps');
export async function unwrap(tenant: string, wrappedKey: Uint8Array) {
  const out = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { tenant } }));
  try {
    const keyTag = Buffer.from(out.Plaintext!).toString('hex').slice(0, 16);
    unwraps.add(1, ${attributes});
    return keyTag.length;
  } finally {
    out.Plaintext?.fill(0);
  }
}`;

/** A memcached client (memjs) whose binding is called `cache`. */
const memcachedCode = (stored: string) => `${header}import memjs from 'memjs';
const cache = memjs.Client.create(process.env.MEMCACHIER_SERVERS);
export async function issue(tenantId: string) {
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/reports', KeySpec: 'AES_256', EncryptionContext: { tenantId } }));
  try {
    await cache.set(\`dek:\${tenantId}\`, ${stored}, { expires: 900 });
  } finally {
    dk.Plaintext?.fill(0);
  }
}`;

/** A Vault Transit data key whose whole `data` object is written to Mongo. */
const vaultSpreadCode = (document: string) => `import nodeVault from 'node-vault';
import { MongoClient } from 'mongodb';
const vault = nodeVault({ endpoint: process.env.VAULT_ADDR, token: process.env.VAULT_TOKEN });
const keys = new MongoClient(process.env.MONGO_URL!).db('media').collection('content_keys');
export async function provision(assetId: string) {
  const { data } = (await vault.write('transit/datakey/plaintext/media', { bits: 256 })) as { data: { plaintext: string; ciphertext: string; key_version: number } };
  await keys.insertOne(${document});
}`;

/** Gateway settings read from Secrets Manager and logged at start-up. */
const settingsLogCode = (logged: string) => `import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import pino from 'pino';
const logger = pino();
const sm = new SecretsManagerClient({});
export async function load() {
  const out = await sm.send(new GetSecretValueCommand({ SecretId: 'prod/payments/gateway' }));
  const { merchantId, apiSigningSecret, apiSecretName } = JSON.parse(out.SecretString!);
  logger.info({ ${logged} }, 'payments gateway configured');
  return { merchantId, apiSigningSecret, apiSecretName };
}`;

tester.run('no-plaintext-data-key-exposure (blind-s16)', exposure as never, {
  valid: [
    { name: 'Object.assign into a local settings object is not the environment', code: assignCode('settings').replace('export async function boot', 'const settings: Record<string, unknown> = {};\nexport async function boot') },
    { name: 'gpg reads the passphrase from a file descriptor; only paths are on the command line', code: commandLineCode("['--batch', '--passphrase-fd', '0', '--symmetric', path]") },
    { name: 'the query string names the key, not its material', code: urlCode('{ tenant: tenantId, kek: \'alias/partner\' }') },
    { name: 'Application Insights event with the key id', code: appInsightsCode('{ id, kid: out.KeyId ?? \'unknown\' }') },
    { name: 'metric attributes with the tenant only', code: metricsCode('{ tenant }') },
    { name: 'memcached keeps the wrapped key', code: memcachedCode("Buffer.from(dk.CiphertextBlob!).toString('base64')") },
    { name: 'Vault: only the wrapped key and version are stored', code: vaultSpreadCode('{ assetId, wrapped: data.ciphertext, version: data.key_version }') },
    { name: 'the name of the secret, not the secret, is logged', code: settingsLogCode('merchantId, apiSecretName') },
  ],
  invalid: [
    {
      name: 'Object.assign(process.env, …) is the process environment',
      code: assignCode('process.env'),
      errors: [{ messageId: 'dataKeyExposed', line: 4, suggestions: [{ messageId: 'keepWrappedKey', output: assignCode('process.env').replace('Buffer.from(res.Plaintext!)', 'Buffer.from(wrapped)') }] }],
    },
    {
      name: 'a passphrase argument of a promisified execFile is on the command line',
      code: commandLineCode("['--batch', '--passphrase', passphrase, '--symmetric', path]"),
      errors: [{ messageId: 'dataKeyExposed', line: 7 }],
    },
    {
      name: "axios `params` of an instance's request are the URL's query string",
      code: urlCode("{ tenant: tenantId, key: Buffer.from(Plaintext!).toString('base64url') }"),
      errors: [{ messageId: 'dataKeyExposed', line: 6, suggestions: [{ messageId: 'keepWrappedKey', output: urlCode("{ tenant: tenantId, key: Buffer.from(wrappedKey).toString('base64url') }") }] }],
    },
    {
      name: 'Application Insights event properties are telemetry',
      code: appInsightsCode("{ id, contentKey: Buffer.from(out.Plaintext!).toString('hex') }"),
      errors: [{ messageId: 'dataKeyExposed', line: 6, suggestions: [{ messageId: 'keepWrappedKey', output: appInsightsCode("{ id, contentKey: Buffer.from(wrappedKey).toString('hex') }") }] }],
    },
    {
      name: 'a prefix of the key in the attributes of an OpenTelemetry counter',
      code: metricsCode('{ tenant, key: keyTag }'),
      errors: [{ messageId: 'dataKeyExposed', line: 6 }],
    },
    {
      name: 'a memcached client is a store whatever its binding is called',
      code: memcachedCode("Buffer.from(dk.Plaintext!).toString('base64')"),
      errors: [{ messageId: 'dataKeyExposed', line: 6, suggestions: [{ messageId: 'keepWrappedKey', output: memcachedCode("Buffer.from(dk.CiphertextBlob!).toString('base64')") }] }],
    },
    {
      name: "Vault: the response's `data` spread into a stored document carries the plaintext",
      code: vaultSpreadCode('{ assetId, ...data }'),
      errors: [{ messageId: 'dataKeyExposed', line: 6 }],
    },
    {
      name: 'an API signing secret is a secret, even named after the API',
      code: settingsLogCode('merchantId, apiSigningSecret'),
      errors: [{ messageId: 'secretLogged', line: 8 }],
    },
  ],
});

/** Probes of the same families: a key turned into hex inside one function, then handed to `body`. */
const familyCode = (imports: string, body: string) => `${header}${imports}
export async function f(id: string, wrapped: Uint8Array) {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { id } }));
  try {
    const hex = Buffer.from(Plaintext!).toString('hex');
    ${body}
  } finally {
    Plaintext?.fill(0);
  }
}`;

tester.run('no-plaintext-data-key-exposure (blind-s16, same families)', exposure as never, {
  valid: [
    { name: 'the key given on stdin, not on the command line', code: familyCode("import { execFileSync } from 'node:child_process';", "execFileSync('gpg', ['--batch', '--passphrase-fd', '0', '-c', 'a'], { input: hex });") },
    { name: 'a data key sent as the body of a Vault transit/encrypt request is envelope encryption', code: familyCode('', "await fetch(`${process.env.VAULT_ADDR}/v1/transit/encrypt/k`, { method: 'POST', body: JSON.stringify({ plaintext: Buffer.from(hex).toString('base64') }) });") },
    { name: 'an in-process Map called cache is no store', code: familyCode('const cache = new Map<string, string>();', 'cache.set(id, hex);') },
    { name: "a URL's searchParams with the key id", code: familyCode('', "const url = new URL('https://p.example/i'); url.searchParams.set('kid', id); await fetch(url);") },
    { name: "a URL with the key's id and length", code: familyCode("import axios from 'axios';", 'await axios.get(`https://p.example/keys/${id}?len=${hex.length}`);') },
    { name: 'a prom-client label with the id', code: familyCode("import { Counter } from 'prom-client';\nconst c = new Counter({ name: 'x', help: 'y', labelNames: ['k'] });", 'c.inc({ k: id });') },
  ],
  invalid: [
    ['exec of a command string', "import { exec } from 'node:child_process';", 'exec(`openssl enc -aes-256-gcm -k ${hex} -in a -out b`);'],
    ['spawn with an argument array held in a variable', "import { spawn } from 'child_process';", "const args = ['--passphrase', hex]; spawn('gpg', args);"],
    ['execa', "import { execa } from 'execa';", "await execa('gpg', ['--passphrase', hex]);"],
    ['a fetch URL', '', 'await fetch(`https://partner.example/ingest?key=${hex}`);'],
    ["a URL's searchParams", '', "const url = new URL('https://partner.example/ingest'); url.searchParams.set('key', hex); await fetch(url);"],
    ['an axios URL', "import axios from 'axios';", "await axios.get('https://partner.example/ingest?key=' + hex);"],
    ["got's searchParams", "import got from 'got';", "await got.post('https://p.example/i', { searchParams: { key: hex } });"],
    ['New Relic custom attributes', "import newrelic from 'newrelic';", "newrelic.addCustomAttribute('dek', hex);"],
    ['DogStatsD tags', "import StatsD from 'hot-shots';\nconst dogstatsd = new StatsD();", 'dogstatsd.increment(\'unwraps\', 1, [`key:${hex}`]);'],
    ['prom-client labels', "import { Counter } from 'prom-client';\nconst c = new Counter({ name: 'x', help: 'y', labelNames: ['k'] });", 'c.inc({ k: hex });'],
    ["node-redis v4's camelCase hSet on a client called store", "import { createClient } from 'redis';\nconst store = createClient();", 'await store.hSet(`k:${id}`, { key: hex });'],
    ['ioredis client called cache', "import Redis from 'ioredis';\nconst cache = new Redis();", 'await cache.setex(`k:${id}`, 60, hex);'],
    ['an Application Insights TelemetryClient', "import { TelemetryClient } from 'applicationinsights';\nconst ai = new TelemetryClient();", 'ai.trackTrace({ message: `unwrapped ${hex}` });'],
  ].map(([name, imports, body]) => ({ name, code: familyCode(imports, body), errors: [{ messageId: 'dataKeyExposed' as const, line: 4 + imports.split('\n').length }] })),
});

/** A Next.js server component rendering a client component with the document's key as a prop. */
const serverComponentCode = (prop: string) => `${header}import { Editor } from './editor';
export default async function Page({ params }: { params: { id: string; wrappedKey: string } }) {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: Buffer.from(params.wrappedKey, 'base64'), EncryptionContext: { id: params.id } }));
  try {
    return <Editor id={params.id} ${prop} />;
  } finally {
    Plaintext?.fill(0);
  }
}`;

tester.run('no-plaintext-data-key-exposure (blind-s16, JSX)', exposure as never, {
  valid: [
    { name: 'a server component passes the wrapped key to the client', filename: 'page.tsx', code: serverComponentCode('wrappedKey={params.wrappedKey}') },
    { name: "a server component passes the key's length", filename: 'page.tsx', code: serverComponentCode('keyBytes={Plaintext!.length}') },
  ],
  invalid: [
    {
      name: "a server component's props are serialised to the browser",
      filename: 'page.tsx',
      code: serverComponentCode("documentKey={Buffer.from(Plaintext!).toString('base64')}"),
      errors: [{ messageId: 'dataKeyExposed', line: 5 }],
    },
  ],
});

/** An exported function handing out an instance of a local class built from the data key. */
const holderCode = (cls: string) => `${header}${cls}
export async function newDataKey(kekArn: string) {
  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: kekArn, KeySpec: 'AES_256', EncryptionContext: { kekArn } }));
  return new DataKey(dk.Plaintext!, dk.CiphertextBlob!);
}`;

tester.run('no-plaintext-data-key-exposure (blind-s16, data holders)', exposure as never, {
  valid: [
    { name: 'a private parameter property', code: holderCode('class DataKey {\n  constructor(private readonly plaintext: Uint8Array, readonly wrapped: Uint8Array) {}\n}') },
    { name: 'an ES private field', code: holderCode('class DataKey {\n  #plaintext: Uint8Array;\n  constructor(plaintext: Uint8Array, readonly wrapped: Uint8Array) { this.#plaintext = plaintext; }\n}') },
    {
      name: 'a sealer whose method uses the key it keeps',
      code: holderCode("class DataKey {\n  constructor(readonly plaintext: Uint8Array, readonly wrapped: Uint8Array) {}\n  seal(iv: Uint8Array) { return require('node:crypto').createCipheriv('aes-256-gcm', this.plaintext, iv); }\n}"),
    },
    { name: 'a JavaScript field assigned in the constructor, not declared', code: holderCode('class DataKey {\n  constructor(plaintext, wrapped) { this.plaintext = plaintext; this.wrapped = wrapped; }\n}') },
  ],
  invalid: [
    {
      name: 'a data holder with readonly parameter properties',
      code: holderCode('class DataKey {\n  constructor(readonly plaintext: Uint8Array, readonly wrapped: Uint8Array) {}\n}'),
      errors: [{ messageId: 'dataKeyExposed', line: 7 }],
    },
    {
      name: 'a data holder with a declared public field',
      code: holderCode('class DataKey {\n  plaintext: Uint8Array;\n  wrapped: Uint8Array;\n  constructor(plaintext: Uint8Array, wrapped: Uint8Array) { this.plaintext = plaintext; this.wrapped = wrapped; }\n}'),
      errors: [{ messageId: 'dataKeyExposed', line: 9 }],
    },
  ],
});

/** A secret sealed with KMS Encrypt by a function taking `args`. */
const sealCode = (params: string, plaintext: string) => `${header}export async function store(${params}) {
  const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: 'alias/platform-secrets', Plaintext: ${plaintext}, EncryptionContext: { scope: 'payouts' } }));
  return CiphertextBlob;
}`;

/** A readiness probe encrypting a fixed string. */
const probeCode = (plaintext: string) => `${header}const PROBE = new TextEncoder().encode('readiness-probe');
export async function ready(body: string) {
  const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: 'alias/service', Plaintext: ${plaintext}, EncryptionContext: { probe: 'ready' } }));
  return CiphertextBlob!.length > 0 && body.length >= 0;
}`;

tester.run('prefer-envelope-encryption (blind-s16)', envelope as never, {
  valid: [
    { name: "one environment's API token, sealed once by an operator", code: sealCode('environment: string, payoutApiToken: string', 'new TextEncoder().encode(payoutApiToken)') },
    { name: 'a constant probe string', code: probeCode('PROBE') },
    { name: 'an inline constant probe string', code: probeCode("Buffer.from('readiness-probe')") },
  ],
  invalid: [
    {
      name: "a user's API token, passed next to the account it belongs to, is application data",
      code: sealCode('accountId: string, apiToken: string', 'new TextEncoder().encode(apiToken)'),
      errors: [{ messageId: 'directKmsEncrypt', line: 4, suggestions: null }],
    },
    {
      name: 'the request body is application data',
      code: probeCode('new TextEncoder().encode(body)'),
      errors: [{ messageId: 'directKmsEncrypt', line: 5, suggestions: null }],
    },
  ],
});
