import envelope from '../../rules/prefer-envelope-encryption';
import context from '../../rules/kms-require-encryption-context';
import exposure from '../../rules/no-plaintext-data-key-exposure';
import zeroization from '../../rules/require-key-zeroization';
import hardcodedKey from '../../rules/no-hardcoded-key';
import weakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_TS } from './env-helper-text';

// Session 12's kms blind set (test/fixtures/corpus/kms/blind-s12): the shapes it found missing, each
// with the look-alike that must stay quiet.

const tester = createRuleTester();

const probeHeader = `import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
`;
/** A key unwrapped, handed to `body`, and wiped: only the sink in `body` is under test. */
const unwrapThen = (name: string, body: string, extraImports = '') => `${extraImports}${probeHeader}export async function ${name}(wrappedKey: Uint8Array) {
  const out = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey, EncryptionContext: { op: '${name}' } }));
  try {
    ${body}
  } finally {
    out.Plaintext?.fill(0);
  }
}`;
const b64 = "Buffer.from(out.Plaintext!).toString('base64')";
const probeLine = (extraImports: string) => extraImports.split('\n').length + 3;
/** The keep-the-wrapped-key suggestion: the sinks get the blob the Decrypt unwrapped. */
const keepWrappedIn = (name: string, body: string, imports: string) => [
  { messageId: 'keepWrappedKey' as const, output: unwrapThen(name, body.replace(/out\.Plaintext!/g, 'wrappedKey'), imports) },
];

const probes: { name: string; imports: string; body: string }[] = [
  {
    name: 'a drizzle insert builder: `db.insert(table).values(row)`',
    imports: "import { drizzle } from 'drizzle-orm/node-postgres';\nimport { dataKeys } from './schema';\nconst db = drizzle(process.env.DATABASE_URL!);\n",
    body: `await db.insert(dataKeys).values({ scope: 'a', material: ${b64} });`,
  },
  {
    name: 'a kysely insert builder: `db.insertInto(t).values(row).execute()`',
    imports: "import { db } from './kysely';\n",
    body: `await db.insertInto('keys').values({ id: 'a', material: ${b64} }).execute();`,
  },
  {
    name: 'a drizzle update builder: `db.update(table).set(row)`',
    imports: "import { orm, dataKeys } from './schema';\n",
    body: `await orm.update(dataKeys).set({ material: ${b64} });`,
  },
  {
    name: 'a pg-promise query runner: `db.none(sql, values)`',
    imports: "import pgPromise from 'pg-promise';\nconst db = pgPromise()(process.env.DATABASE_URL!);\n",
    body: `await db.none('INSERT INTO keys(material) VALUES($1)', [${b64}]);`,
  },
  {
    name: 'a better-sqlite3 prepared statement run on the database handle',
    imports: "import Database from 'better-sqlite3';\nconst db = new Database('keys.db');\n",
    body: `db.prepare('INSERT INTO keys (k) VALUES (?)').run(${b64});`,
  },
  {
    name: 'a Kubernetes Secret',
    imports: "import * as k8s from '@kubernetes/client-node';\nconst core = new k8s.KubeConfig().makeApiClient(k8s.CoreV1Api);\n",
    body: `await core.createNamespacedSecret({ namespace: 'cache', body: { metadata: { name: 'k' }, data: { key: ${b64} } } });`,
  },
  {
    name: 'a NATS connection made by `connect`, through a JSON codec',
    imports: "import { connect, JSONCodec } from 'nats';\nconst jc = JSONCodec();\n",
    body: `const nc = await connect({ servers: 'nats://bus' });\n    nc.publish('keys', jc.encode({ key: ${b64} }));`,
  },
  {
    name: 'an MQTT client made by `mqtt.connect`',
    imports: "import mqtt from 'mqtt';\nconst mq = mqtt.connect('mqtt://bus');\n",
    body: `mq.publish('keys', ${b64});`,
  },
  {
    name: 'a WebSocket client checked on readyState before send',
    imports: "import { WebSocket } from 'ws';\ndeclare const peers: Set<WebSocket>;\n",
    body: `for (const peer of peers) if (peer.readyState === WebSocket.OPEN) peer.send(${b64});`,
  },
  {
    name: 'the elements of a WebSocket server\'s `clients`',
    imports: "import { WebSocketServer } from 'ws';\nconst wss = new WebSocketServer({ port: 8080 });\n",
    body: `wss.clients.forEach((peer) => peer.send(${b64}));`,
  },
  {
    name: 'a fast-jwt signer made by createSigner',
    imports: "import { createSigner } from 'fast-jwt';\nconst signToken = createSigner({ key: process.env.TOKEN_KEY! });\n",
    body: `return Response.json({ token: signToken({ sub: 'u', dek: ${b64} }) });`,
  },
  {
    name: 'Google Cloud Logging `log.write(log.entry(meta, data))`',
    imports: "import { Logging } from '@google-cloud/logging';\nconst auditLog = new Logging().log('access');\n",
    body: `await auditLog.write(auditLog.entry({ severity: 'INFO' }, { dek: ${b64} }));`,
  },
  {
    name: 'a write stream made by the imported `createWriteStream`',
    imports: "import { createWriteStream } from 'node:fs';\n",
    body: `const tape = createWriteStream('/backup/keys.tsv');\n    tape.write(\`k\\t\${${b64}}\\n\`);`,
  },
];

tester.run('no-plaintext-data-key-exposure (blind-s12 sinks)', exposure as never, {
  valid: [
    {
      name: 'a drizzle insert of the wrapped key only',
      code: unwrapThen('store', "await db.insert(dataKeys).values({ scope: 'a', wrapped: Buffer.from(wrappedKey) });", "import { db, dataKeys } from './schema';\n"),
    },
    {
      name: 'a document built with the wrapped key only, then saved',
      code: unwrapThen('store', "const row = new TenantKey({ tenantId: 't', wrapped: Buffer.from(wrappedKey) });\n    await row.save();\n    return out.KeyId;", "import { TenantKey } from './models';\n"),
    },
    {
      name: 'a record built with the key but never saved nor sent',
      code: unwrapThen('length', "const row = TenantKey.build({ tenantId: 't', material: Buffer.from(out.Plaintext!) });\n    return row.tenantId;", "import { TenantKey } from './models';\n"),
    },
    {
      name: 'a drizzle select is no write',
      code: unwrapThen('read', 'return (await db.select().from(dataKeys).where(eq(dataKeys.material, out.Plaintext!))).length;', "import { db, dataKeys, eq } from './schema';\n"),
    },
    {
      name: 'an SDK client named `client` sending a command is no WebSocket',
      code: unwrapThen('probe', "const client = new S3Client({});\n    await client.send(new GetObjectCommand({ Bucket: 'b', Key: 'k', SSECustomerKey: " + b64 + ' }));', "import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';\n"),
    },
    {
      name: 'a WebSocket broadcast of ciphertext and the wrapped key',
      code: unwrapThen('broadcast', "wss.clients.forEach((peer) => peer.send(Buffer.from(wrappedKey).toString('base64')));", "import { WebSocketServer } from 'ws';\nconst wss = new WebSocketServer({ port: 8080 });\n"),
    },
    {
      name: 'a NATS message with the key id only',
      code: unwrapThen('announce', "const nc = await connect({ servers: 'nats://bus' });\n    nc.publish('keys', jc.encode({ keyId: out.KeyId }));", "import { connect, JSONCodec } from 'nats';\nconst jc = JSONCodec();\n"),
    },
    {
      name: 'a Socket.IO acknowledgement that carries the key id only',
      code: `import { Server } from 'socket.io';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export function register(io: Server) {
  io.on('connection', (socket) => {
    socket.on('room:join', async (wrapped: Uint8Array, ack: (r: object) => void) => {
      const { Plaintext, KeyId } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { op: 'join' } }));
      Plaintext?.fill(0);
      ack({ ok: true, keyId: KeyId });
    });
  });
}`,
    },
    {
      name: 'an exported factory whose function returns a sealer, not the key',
      code: `import type { KMSClient } from '@aws-sdk/client-kms';
import { DecryptCommand } from '@aws-sdk/client-kms';
import { createCipheriv, randomBytes } from 'node:crypto';
export const makeSealer = (kms: KMSClient) => async (wrapped: Uint8Array, data: Buffer) => {
  const res = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { op: 'seal' } }));
  try {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', res.Plaintext!, iv);
    return Buffer.concat([iv, cipher.update(data), cipher.final(), cipher.getAuthTag()]);
  } finally {
    res.Plaintext!.fill(0);
  }
};`,
    },
    {
      name: 'a `#private` field read only by a private method',
      code: `import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export class DatasetKey {
  #plaintext: Uint8Array | undefined;
  async unwrap(wrapped: Uint8Array): Promise<void> {
    const out = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { op: 'unwrap' } }));
    this.#plaintext = out.Plaintext;
  }
  #bytes(): Uint8Array {
    return this.#plaintext!;
  }
  get length(): number {
    return this.#bytes().length;
  }
}`,
    },
  ],
  invalid: [
    ...probes.map((probe) => ({
      name: probe.name,
      code: unwrapThen('probe', probe.body, probe.imports),
      errors: [{ messageId: 'dataKeyExposed' as const, line: probeLine(probe.imports), suggestions: keepWrappedIn('probe', probe.body, probe.imports) }],
    })),
    {
      name: 'a mongoose document built with the key, then saved',
      code: unwrapThen('store', 'const entry = new VaultEntry({ owner: "a", key: { material: Buffer.from(out.Plaintext!) } });\n    await entry.save();', "import { VaultEntry } from './models';\n"),
      errors: [
        {
          messageId: 'dataKeyExposed',
          line: probeLine("import { VaultEntry } from './models';\n"),
          // Reached through the document's binding: the swap is only offered for direct sinks.
          suggestions: [],
        },
      ],
    },
    {
      name: 'a Sequelize record built with the key (`Model.build`), then saved',
      code: unwrapThen('store', "const row = TenantKey.build({ tenantId: 't', material: Buffer.from(out.Plaintext!) });\n    await row.save();", "import { TenantKey } from './models';\n"),
      errors: [{ messageId: 'dataKeyExposed', line: probeLine("import { TenantKey } from './models';\n"), suggestions: [] }],
    },
    {
      name: 'a Socket.IO acknowledgement callback answers the client',
      code: `import { Server } from 'socket.io';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export function register(io: Server) {
  io.on('connection', (socket) => {
    socket.on('room:join', async (wrapped: Uint8Array, ack: (r: object) => void) => {
      const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { op: 'join' } }));
      ack({ ok: true, roomKey: Buffer.from(Plaintext!).toString('base64') });
    });
  });
}`,
      errors: [
        {
          messageId: 'dataKeyExposed',
          line: 7,
          suggestions: [
            {
              messageId: 'keepWrappedKey',
              output: `import { Server } from 'socket.io';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export function register(io: Server) {
  io.on('connection', (socket) => {
    socket.on('room:join', async (wrapped: Uint8Array, ack: (r: object) => void) => {
      const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { op: 'join' } }));
      ack({ ok: true, roomKey: Buffer.from(wrapped).toString('base64') });
    });
  });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a public getter of an exported class returns a `#private` field holding the key',
      code: `import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export class DatasetKey {
  #plaintext: Uint8Array | undefined;
  async unwrap(wrapped: Uint8Array): Promise<void> {
    const out = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { op: 'unwrap' } }));
    this.#plaintext = out.Plaintext;
  }
  get bytes(): Uint8Array {
    return this.#plaintext!;
  }
}`,
      errors: [{ messageId: 'dataKeyExposed', line: 6, suggestions: [] }],
    },
    {
      name: 'an exported factory whose returned function returns the key',
      code: `import type { KMSClient } from '@aws-sdk/client-kms';
import { DecryptCommand } from '@aws-sdk/client-kms';
export const makeUnwrapper = (kms: KMSClient) => async (wrapped: Uint8Array) => {
  const res = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { op: 'unwrap' } }));
  return res.Plaintext!;
};`,
      errors: [{ messageId: 'dataKeyExposed', line: 4, suggestions: [] }],
    },
    {
      name: 'an exported factory function declaration returning a function that returns the key',
      code: `import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
export function makeUnwrapper(kms: KMSClient) {
  return async function unwrap(wrapped: Uint8Array) {
    const res = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { op: 'unwrap' } }));
    return res.Plaintext!;
  };
}`,
      errors: [{ messageId: 'dataKeyExposed', line: 4, suggestions: [] }],
    },
  ],
});

const overloadedRequest = `import { KMSClient, GenerateDataKeyCommand, DecryptCommand, type GenerateDataKeyCommandInput, type DecryptCommandInput } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
function keyRequest(direction: 'seal', id: string): GenerateDataKeyCommandInput;
function keyRequest(direction: 'open', id: string, wrapped: Uint8Array): DecryptCommandInput;
function keyRequest(direction: 'seal' | 'open', id: string, wrapped?: Uint8Array) {
  if (direction === 'seal') return { KeyId: 'alias/exports', KeySpec: 'AES_256' as const };
  return { KeyId: 'alias/exports', CiphertextBlob: wrapped };
}
export async function newExportKey(id: string) {
  return kms.send(new GenerateDataKeyCommand(keyRequest('seal', id)));
}`;

tester.run('kms-require-encryption-context (blind-s12)', context as never, {
  valid: [
    {
      name: 'an overloaded request helper whose implementation adds the context',
      code: overloadedRequest.replace("KeySpec: 'AES_256' as const }", "KeySpec: 'AES_256' as const, EncryptionContext: { id } }"),
    },
  ],
  invalid: [
    {
      name: 'an overloaded request helper (TypeScript overload signatures before the implementation) without a context',
      code: overloadedRequest,
      errors: [{ messageId: 'missingContext', line: 10 }],
    },
  ],
});

const perAccountPassword = `import { KMSClient, EncryptCommand } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
export async function saveSmtp(accountId: string, host: string, smtpPassword: string) {
  const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: 'alias/integrations', Plaintext: Buffer.from(smtpPassword), EncryptionContext: { accountId } }));
  return { accountId, host, secret: CiphertextBlob };
}`;

tester.run('prefer-envelope-encryption (blind-s12)', envelope as never, {
  valid: [
    {
      name: 'one environment password passed with its environment name: a small named secret',
      code: perAccountPassword.replace(/accountId/g, 'env').replace('saveSmtp', 'sealDbPassword'),
    },
    {
      name: 'a per-account secret named as a secret (not a password) stays a small named secret',
      code: perAccountPassword.replace(/smtpPassword/g, 'webhookSecret'),
    },
  ],
  invalid: [
    {
      name: "a password stored per account (a customer's SMTP password) is application data",
      code: perAccountPassword,
      errors: [{ messageId: 'directKmsEncrypt', line: 4 }],
    },
  ],
});

tester.run('require-key-zeroization (blind-s12)', zeroization as never, {
  valid: [
    {
      name: 'the key returned inside the object a local result helper builds',
      code: `import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const ok = <T,>(value: T) => ({ ok: true as const, value });
export async function issueKey(assetId: string) {
  const out = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/media', KeySpec: 'AES_256', EncryptionContext: { assetId } }));
  return ok({ plaintext: out.Plaintext!, wrapped: out.CiphertextBlob! });
}`,
    },
  ],
  invalid: [
    {
      name: 'a local helper that only uses the key (its result is a ciphertext) is no escape',
      code: `import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { createCipheriv, randomBytes } from 'node:crypto';
const kms = new KMSClient({});
const seal = (key: Uint8Array, data: Buffer) => ({ iv: randomBytes(12), body: createCipheriv('aes-256-gcm', key, randomBytes(12)).update(data) });
export async function sealAsset(assetId: string, data: Buffer) {
  const out = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/media', KeySpec: 'AES_256', EncryptionContext: { assetId } }));
  return seal(out.Plaintext!, data);
}`,
      errors: [
        {
          messageId: 'notWiped',
          line: 6,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: `import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { createCipheriv, randomBytes } from 'node:crypto';
const kms = new KMSClient({});
const seal = (key: Uint8Array, data: Buffer) => ({ iv: randomBytes(12), body: createCipheriv('aes-256-gcm', key, randomBytes(12)).update(data) });
export async function sealAsset(assetId: string, data: Buffer) {
  const out = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/media', KeySpec: 'AES_256', EncryptionContext: { assetId } }));
  try {
    return seal(out.Plaintext!, data);
  } finally {
    out.Plaintext?.fill(0);
  }
}`,
            },
          ],
        },
      ],
    },
  ],
});

tester.run('no-hardcoded-key (blind-s12)', hardcodedKey as never, {
  valid: [
    {
      name: 'KMS key ARNs (multi-Region and alias) under key-named settings are references, not key material',
      code: `export const KMS_KEYS = {
  tenantKek: 'arn:aws:kms:eu-west-1:111122223333:key/mrk-0a1b2c3d4e5f60718293a4b5c6d7e8f9',
  exportsKek: 'arn:aws:kms:eu-west-1:111122223333:alias/exports',
};`,
    },
  ],
  invalid: [
    {
      name: 'a key-named setting holding key material next to them is still reported',
      code: `export const KMS_KEYS = {
  tenantKek: 'arn:aws:kms:eu-west-1:111122223333:key/mrk-0a1b2c3d4e5f60718293a4b5c6d7e8f9',
  localKek: '9c1f4be07a3d52e86f0b1d7c4a9e3f5268d0b7a1c4e9f2d3b6a8c0e1f7d4b2a9',
};`,
      errors: [
        {
          messageId: 'keyLikeConstant',
          line: 3,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              output: `export const KMS_KEYS = {
  tenantKek: 'arn:aws:kms:eu-west-1:111122223333:key/mrk-0a1b2c3d4e5f60718293a4b5c6d7e8f9',
  localKek: requireEnv('KMS_KEYS_LOCAL_KEK'),
};${REQUIRE_ENV_TS}`,
            },
          ],
        },
      ],
    },
  ],
});

tester.run('no-weak-algorithm (blind-s12)', weakAlgorithm as never, {
  valid: [
    {
      name: 'MD5 of public fields as a cache-busting version of a thumbnail',
      code: `const crypto = require('crypto');
function thumbnailVersion(preview) {
  return crypto.createHash('md5').update(\`\${preview.id}:\${preview.slideCount}\`).digest('hex').slice(0, 8);
}
module.exports = { thumbnailVersion };`,
    },
  ],
  invalid: [
    {
      name: 'MD5 of a token stays a security use, whatever the helper is called',
      code: `const crypto = require('crypto');
function tokenVersion(token) {
  return crypto.createHash('md5').update(token).digest('hex');
}
module.exports = { tokenVersion };`,
      errors: [
        {
          messageId: 'weakHash',
          line: 3,
          suggestions: [
            {
              messageId: 'useSha256Migrate',
              output: `const crypto = require('crypto');
function tokenVersion(token) {
  return crypto.createHash('sha256').update(token).digest('hex');
}
module.exports = { tokenVersion };`,
            },
          ],
        },
      ],
    },
  ],
});
