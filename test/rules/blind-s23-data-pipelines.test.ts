import noHardcodedKey from '../../rules/no-hardcoded-key';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import requireKeyZeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the twenty-third blind set (part B: data pipelines, analytics and multi-tenant SaaS back ends) found missed or
// misjudged: the MD5 S3 defines for an SSE-C customer key (`SSECustomerKeyMD5`) is a transmission check like
// `Content-MD5`; snowflake-sdk's key-pair authentication (`privateKey`, `privateKeyPass`) carries credentials; keys named
// for SSE-C, tokenization and pseudonymisation are keys; a node decipher's whole output (`Buffer.concat([d.update(x),
// d.final()])`) named as a data key, also through a local unwrap helper, holds an unwrapped key; and a copy of a KMS
// plaintext returned by a local helper (after a Redis `set(key, value, 'EX', ttl)`, which keeps nothing here) is the
// caller's to wipe.

createRuleTester().run('no-weak-algorithm (blind-s23 shapes)', noWeakAlgorithm, {
  valid: [
    {
      name: "MD5 of an SSE-C customer key as S3's SSECustomerKeyMD5",
      code: "import { createHash, randomBytes } from 'node:crypto';\nimport { PutObjectCommand } from '@aws-sdk/client-s3';\nexport function put(bucket: string, key: string, body: Buffer, sseKey: Buffer) {\n  return new PutObjectCommand({\n    Bucket: bucket,\n    Key: key,\n    Body: body,\n    SSECustomerAlgorithm: 'AES256',\n    SSECustomerKey: sseKey,\n    SSECustomerKeyMD5: createHash('md5').update(sseKey).digest('base64'),\n  });\n}\n",
      filename: 'case.ts',
    },
    {
      name: 'the SSE-C key checksum bound to a constant first',
      code: "import { createHash } from 'node:crypto';\nconst REPORT_SSE_KEY = Buffer.from(process.env.REPORT_SSE_KEY ?? '', 'base64');\nexport const REPORT_SSE_KEY_MD5 = createHash('md5').update(REPORT_SSE_KEY).digest('base64');\n",
      filename: 'case.ts',
    },
  ],
  invalid: [
    {
      name: "the SSE-C key checksum is still MD5 in strict",
      code: "import { createHash } from 'node:crypto';\nexport function headers(sseKey: Buffer) {\n  return { 'x-amz-server-side-encryption-customer-key-MD5': createHash('md5').update(sseKey).digest('base64') };\n}\n",
      filename: 'case.ts',
      options: [{"allowFingerprints": false}],
      errors: [{ messageId: "weakHash", line: 3, suggestions: [{ messageId: "useSha256", output: "import { createHash } from 'node:crypto';\nexport function headers(sseKey: Buffer) {\n  return { 'x-amz-server-side-encryption-customer-key-MD5': createHash('sha256').update(sseKey).digest('base64') };\n}\n" }] }],
    },
    {
      name: "MD5 of a customer password is not a key checksum",
      code: "import { createHash } from 'node:crypto';\nexport function customerPasswordMd5(password: string) {\n  return createHash('md5').update(password).digest('hex');\n}\n",
      filename: 'case.ts',
      errors: [{ messageId: "weakHash", line: 3, suggestions: [{ messageId: "useSha256Migrate", output: "import { createHash } from 'node:crypto';\nexport function customerPasswordMd5(password: string) {\n  return createHash('sha256').update(password).digest('hex');\n}\n" }] }],
    },
  ],
});

createRuleTester().run('no-hardcoded-key (blind-s23 shapes)', noHardcodedKey, {
  valid: [
    {
      name: "snowflake-sdk key-pair authentication with the key file and passphrase from the deployment",
      code: "import snowflake from 'snowflake-sdk';\nimport { readFileSync } from 'node:fs';\nexport function connect() {\n  return snowflake.createConnection({\n    account: process.env.SNOWFLAKE_ACCOUNT!,\n    username: 'SVC_DBT',\n    authenticator: 'SNOWFLAKE_JWT',\n    privateKey: readFileSync(process.env.SNOWFLAKE_KEY_PATH ?? '/var/run/secrets/snowflake/rsa_key.p8', 'utf8'),\n    privateKeyPass: process.env.SNOWFLAKE_KEY_PASSPHRASE ?? '',\n  });\n}\n",
      filename: 'case.ts',
    },
    {
      name: "key ids, versions and environment variable names next to SSE, tokenization and pseudonym keys",
      code: "export const exportSettings = {\n  SSE_KMS_KEY_ID: process.env.SSE_KMS_KEY_ID ?? 'alias/exports',\n  TOKENIZATION_KEY_VERSION: process.env.TOKENIZATION_KEY_VERSION ?? 'v3',\n  PSEUDONYM_KEY_ENV: 'PSEUDONYM_KEY',\n};\n",
      filename: 'case.ts',
    },
  ],
  invalid: [
    {
      name: "a passphrase written into snowflake-sdk's privateKeyPass",
      code: "import snowflake from 'snowflake-sdk';\nexport function connect(privateKey: string) {\n  return snowflake.createConnection({ account: 'acme', username: 'SVC_LOADER', authenticator: 'SNOWFLAKE_JWT', privateKey, privateKeyPass: 'Lm4rT8vQz2Xw7Kp1' });\n}\n",
      filename: 'case.ts',
      errors: [{ messageId: "hardcodedKey", line: 3, suggestions: [{ messageId: "readFromEnvironment", output: "import snowflake from 'snowflake-sdk';\n\nconst CONNECTION_PRIVATE_KEY_PASS = requireEnv('CONNECTION_PRIVATE_KEY_PASS');\nexport function connect(privateKey: string) {\n  return snowflake.createConnection({ account: 'acme', username: 'SVC_LOADER', authenticator: 'SNOWFLAKE_JWT', privateKey, privateKeyPass: CONNECTION_PRIVATE_KEY_PASS });\n}" + REQUIRE_ENV_TS + "\n" }] }],
    },
    {
      name: "the zod default of a tokenization key behind a min() check",
      code: "import { z } from 'zod';\nexport const env = z.object({\n  TOKENIZATION_KEY: z.string().min(64).default('9c1e4f7a2b8d3e6f0a5c7b9d1e3f5a7c9b2d4e6f8a0c2e4b6d8f0a2c4e6b8d0f'),\n}).parse(process.env);\n",
      filename: 'case.ts',
      errors: [{ messageId: "hardcodedFallback", line: 3, suggestions: [{ messageId: "removeSchemaDefault", output: "import { z } from 'zod';\nexport const env = z.object({\n  TOKENIZATION_KEY: z.string().min(64),\n}).parse(process.env);\n" }] }],
    },
    {
      name: "the fallback of a pseudonymisation key with no sink in the file",
      code: "export const PSEUDONYM_KEY = process.env.PSEUDONYM_KEY ?? 'Hq3vN8xLr2Tz6Wb9Yc4Jm7Pd1Fs5Kg0A';\n",
      filename: 'case.ts',
      errors: [{ messageId: "hardcodedFallback", line: 1, suggestions: [{ messageId: "readFromEnvironment", output: "export const PSEUDONYM_KEY = requireEnv('PSEUDONYM_KEY');" + REQUIRE_ENV_TS + "\n" }] }],
    },
    {
      name: "the fallback of an SSE-C customer key decoded from base64",
      code: "export const REPORT_SSE_KEY = Buffer.from(process.env.REPORT_SSE_KEY ?? 'bXk3QnR4Vm9ZcTJ6S3c5TGQ0UmY2SGo4TmUxVXM1QWc=', 'base64');\n",
      filename: 'case.ts',
      errors: [{ messageId: "keyLikeConstant", line: 1, suggestions: [{ messageId: "readFromEnvironment", output: "export const REPORT_SSE_KEY = Buffer.from(requireEnv('REPORT_SSE_KEY'), 'base64');" + REQUIRE_ENV_TS + "\n" }] }],
    },
  ],
});

createRuleTester().run('require-key-zeroization (blind-s23 shapes)', requireKeyZeroization, {
  valid: [
    {
      name: "an unwrapped tenant key kept in a module Map and handed out by the cache helper",
      code: "import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';\nconst deks = new Map<string, Buffer>();\nfunction unwrapDek(kek: Buffer, blob: Buffer): Buffer {\n  const d = createDecipheriv('aes-256-gcm', kek, blob.subarray(0, 12));\n  d.setAuthTag(blob.subarray(12, 28));\n  return Buffer.concat([d.update(blob.subarray(28)), d.final()]);\n}\nfunction dekFor(tenantId: string, kek: Buffer, blob: Buffer): Buffer {\n  const cached = deks.get(tenantId);\n  if (cached) return cached;\n  const dek = unwrapDek(kek, blob);\n  deks.set(tenantId, dek);\n  return dek;\n}\nexport function seal(tenantId: string, kek: Buffer, blob: Buffer, row: string): Buffer {\n  const iv = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', dekFor(tenantId, kek, blob), iv);\n  return Buffer.concat([iv, c.update(row, 'utf8'), c.final(), c.getAuthTag()]);\n}\n",
      filename: 'case.ts',
    },
    {
      name: "a decipher's output that is data (an event's JSON)",
      code: "import { createDecipheriv } from 'node:crypto';\nconst KEY = Buffer.from(process.env.EVENTS_KEY ?? '', 'hex');\nexport function openEvent(iv: Buffer, tag: Buffer, body: Buffer): unknown {\n  const d = createDecipheriv('aes-256-gcm', KEY, iv);\n  d.setAuthTag(tag);\n  const json = Buffer.concat([d.update(body), d.final()]);\n  return JSON.parse(json.toString('utf8'));\n}\n",
      filename: 'case.ts',
    },
    {
      name: "a copy of a KMS plaintext kept in an in-process Map by the helper that returns it",
      code: "import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';\nimport { createDecipheriv } from 'node:crypto';\nconst kms = new KMSClient({});\nconst keys = new Map<string, Buffer>();\nasync function tenantKey(tenantId: string, wrapped: Buffer): Promise<Buffer> {\n  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { tenantId } }));\n  const key = Buffer.from(Plaintext!);\n  Plaintext!.fill(0);\n  keys.set(tenantId, key);\n  return key;\n}\nexport async function open(tenantId: string, wrapped: Buffer, iv: Buffer, body: Buffer): Promise<Buffer> {\n  const key = await tenantKey(tenantId, wrapped);\n  const d = createDecipheriv('aes-256-ctr', key, iv);\n  return Buffer.concat([d.update(body), d.final()]);\n}\n",
      filename: 'case.ts',
    },
    {
      name: "an integration secret a decipher re-seals under a new key (data, not a key)",
      code: "import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';\nexport function reseal(oldKey: Buffer, newKey: Buffer, iv: Buffer, tag: Buffer, body: Buffer): Buffer {\n  const d = createDecipheriv('aes-256-gcm', oldKey, iv);\n  d.setAuthTag(tag);\n  const secret = Buffer.concat([d.update(body), d.final()]);\n  const nextIv = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', newKey, nextIv);\n  return Buffer.concat([nextIv, c.update(secret), c.final(), c.getAuthTag()]);\n}\n",
      filename: 'case.ts',
    },
  ],
  invalid: [
    {
      name: "a data key returned by a local unwrap helper and never wiped by the caller",
      code: "import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';\nfunction unwrapDek(kek: Buffer, blob: Buffer): Buffer {\n  const d = createDecipheriv('aes-256-gcm', kek, blob.subarray(0, 12));\n  d.setAuthTag(blob.subarray(12, 28));\n  return Buffer.concat([d.update(blob.subarray(28)), d.final()]);\n}\nexport function sealRow(kek: Buffer, blob: Buffer, row: string): Buffer {\n  const dek = unwrapDek(kek, blob);\n  const iv = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', dek, iv);\n  return Buffer.concat([iv, c.update(row, 'utf8'), c.final(), c.getAuthTag()]);\n}\n",
      filename: 'case.ts',
      errors: [{ messageId: "notWiped", line: 8, suggestions: [{ messageId: "wrapInTryFinally", output: "import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';\nfunction unwrapDek(kek: Buffer, blob: Buffer): Buffer {\n  const d = createDecipheriv('aes-256-gcm', kek, blob.subarray(0, 12));\n  d.setAuthTag(blob.subarray(12, 28));\n  return Buffer.concat([d.update(blob.subarray(28)), d.final()]);\n}\nexport function sealRow(kek: Buffer, blob: Buffer, row: string): Buffer {\n  const dek = unwrapDek(kek, blob);\n  try {\n    const iv = randomBytes(12);\n    const c = createCipheriv('aes-256-gcm', dek, iv);\n    return Buffer.concat([iv, c.update(row, 'utf8'), c.final(), c.getAuthTag()]);\n  } finally {\n    dek.fill(0);\n  }\n}\n" }] }],
    },
    {
      name: "a decipher's output named as a data key and re-wrapped without a wipe",
      code: "import { createCipheriv, createDecipheriv } from 'node:crypto';\nexport function rewrap(oldKek: Buffer, newKek: Buffer, iv: Buffer, tag: Buffer, wrapped: Buffer): Buffer {\n  const d = createDecipheriv('aes-256-gcm', oldKek, iv);\n  d.setAuthTag(tag);\n  const dek = Buffer.concat([d.update(wrapped), d.final()]);\n  const c = createCipheriv('aes-256-gcm', newKek, iv);\n  return Buffer.concat([c.update(dek), c.final()]);\n}\n",
      filename: 'case.ts',
      errors: [{ messageId: "notWiped", line: 5, suggestions: [{ messageId: "wrapInTryFinally", output: "import { createCipheriv, createDecipheriv } from 'node:crypto';\nexport function rewrap(oldKek: Buffer, newKek: Buffer, iv: Buffer, tag: Buffer, wrapped: Buffer): Buffer {\n  const d = createDecipheriv('aes-256-gcm', oldKek, iv);\n  d.setAuthTag(tag);\n  const dek = Buffer.concat([d.update(wrapped), d.final()]);\n  try {\n    const c = createCipheriv('aes-256-gcm', newKek, iv);\n    return Buffer.concat([c.update(dek), c.final()]);\n  } finally {\n    dek.fill(0);\n  }\n}\n" }] }],
    },
    {
      name: "a copy of a KMS plaintext returned by a helper after a Redis SET with a TTL",
      code: "import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';\nimport { createDecipheriv } from 'node:crypto';\nimport type { Redis } from 'ioredis';\nconst kms = new KMSClient({});\nasync function tenantKey(redis: Redis, tenantId: string, wrapped: Buffer): Promise<Buffer> {\n  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { tenantId } }));\n  const key = Buffer.from(Plaintext!);\n  Plaintext!.fill(0);\n  await redis.set(`dek:${tenantId}`, key, 'EX', 600);\n  return key;\n}\nexport async function open(redis: Redis, tenantId: string, wrapped: Buffer, iv: Buffer, body: Buffer): Promise<Buffer> {\n  const key = await tenantKey(redis, tenantId, wrapped);\n  const d = createDecipheriv('aes-256-ctr', key, iv);\n  return Buffer.concat([d.update(body), d.final()]);\n}\n",
      filename: 'case.ts',
      errors: [{ messageId: "notWiped", line: 13, suggestions: [{ messageId: "wrapInTryFinally", output: "import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';\nimport { createDecipheriv } from 'node:crypto';\nimport type { Redis } from 'ioredis';\nconst kms = new KMSClient({});\nasync function tenantKey(redis: Redis, tenantId: string, wrapped: Buffer): Promise<Buffer> {\n  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { tenantId } }));\n  const key = Buffer.from(Plaintext!);\n  Plaintext!.fill(0);\n  await redis.set(`dek:${tenantId}`, key, 'EX', 600);\n  return key;\n}\nexport async function open(redis: Redis, tenantId: string, wrapped: Buffer, iv: Buffer, body: Buffer): Promise<Buffer> {\n  const key = await tenantKey(redis, tenantId, wrapped);\n  try {\n    const d = createDecipheriv('aes-256-ctr', key, iv);\n    return Buffer.concat([d.update(body), d.final()]);\n  } finally {\n    key.fill(0);\n  }\n}\n" }] }],
    },
  ],
});
