import noKeyReuse from '../../rules/no-key-reuse-across-purposes';
import noPlaintextDataKeyExposure from '../../rules/no-plaintext-data-key-exposure';
import noStaticIv from '../../rules/no-static-iv';
import requireKeyZeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// Shapes the nineteenth blind set (part B: KMS, zeroization and key purpose in storage and data pipelines;
// test/fixtures/corpus/*/blind-s19) found missed or misread, each with the look-alike that must stay quiet: AES key wrap's
// fixed IV (RFC 3394/5649), keys that storage and database clients encrypt or wrap with (MongoDB CSFLE's local master key,
// the Encryption SDK's raw AES keyring, GCS customer-supplied keys), a Buffer.from copy of a destructured env secret (reported
// on the destructuring), a zero-parameter helper returning an HKDF subkey, a GCP decrypt plaintext returned as `res.plaintext`
// by an async helper, an async helper returning `Buffer.from(await hkdfAsync(…))`, and options holding a secret printed by a
// `debug` logger, and a locally generated data key wrapped by KMS but also sent in clear.

createRuleTester().run('no-static-iv (blind-s19 shapes)', noStaticIv, {
  valid: [
{
  "name": "AES key wrap's fixed integrity check value (RFC 3394/5649) is not a nonce",
  "code": "import { createCipheriv, createDecipheriv } from 'node:crypto';\nconst KEK = Buffer.from(process.env.KEK ?? '', 'base64');\nexport function wrap(dek: Buffer): Buffer {\n  const c = createCipheriv('id-aes256-wrap', KEK, Buffer.from('a6a6a6a6a6a6a6a6', 'hex'));\n  return Buffer.concat([c.update(dek), c.final()]);\n}\nexport function unwrap(wrapped: Buffer): Buffer {\n  const d = createDecipheriv('id-aes256-wrap-pad', KEK, Buffer.from('a65959a6', 'hex'));\n  return Buffer.concat([d.update(wrapped), d.final()]);\n}\n",
  "filename": "case.ts"
},
  ],
  invalid: [
{
  "name": "the same constant given to AES-GCM is a static nonce",
  "code": "import { createCipheriv } from 'node:crypto';\nconst KEK = Buffer.from(process.env.KEK ?? '', 'base64');\nexport function seal(data: Buffer): Buffer {\n  const c = createCipheriv('aes-256-gcm', KEK, Buffer.from('a6a6a6a6a6a6a6a6a6a6a6a6', 'hex'));\n  return Buffer.concat([c.update(data), c.final(), c.getAuthTag()]);\n}\n",
  "filename": "case.ts",
  "errors": [
    {
      "messageId": "constantIv",
      "line": 4,
      "column": 60,
      "suggestions": []
    }
  ]
},
  ],
});

createRuleTester().run('no-key-reuse-across-purposes (blind-s19 shapes)', noKeyReuse, {
  valid: [
{
  "name": "a GCS customer-supplied key used only for the object (file options, setEncryptionKey, rotation)",
  "code": "import { Storage } from '@google-cloud/storage';\nconst bucket = new Storage().bucket('contracts');\nconst contractsKey = Buffer.from(process.env.CONTRACTS_CSEK ?? '', 'base64');\nexport async function read(name: string): Promise<Buffer> {\n  const [pdf] = await bucket.file(name, { encryptionKey: contractsKey }).download();\n  return pdf;\n}\nexport async function rotate(name: string, next: Buffer): Promise<void> {\n  await bucket.file(name).setEncryptionKey(contractsKey).rotateEncryptionKey({ encryptionKey: next });\n}\n",
  "filename": "case.ts"
},
{
  "name": "a zero-parameter helper deriving with another HKDF info than the inline derivation",
  "code": "import { createCipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';\nconst ROOT = Buffer.from(process.env.ROOT_KEY ?? '', 'base64');\nfunction subkey() {\n  return Buffer.from(hkdfSync('sha256', ROOT, Buffer.alloc(0), 'addresses', 32));\n}\nexport function seal(text) {\n  const key = subkey();\n  const c = createCipheriv('aes-256-gcm', key, randomBytes(12));\n  return Buffer.concat([c.update(text, 'utf8'), c.final()]);\n}\nexport function token(text) {\n  return createHmac('sha256', Buffer.from(hkdfSync('sha256', ROOT, Buffer.alloc(0), 'address-index', 32))).update(text).digest('hex');\n}\n",
  "filename": "case.mjs"
},
{
  "name": "a CSFLE local master key given to ClientEncryption and a separate audit MAC key",
  "code": "import { createHmac } from 'node:crypto';\nimport { readFileSync } from 'node:fs';\nimport { ClientEncryption, MongoClient } from 'mongodb';\nconst masterKey = readFileSync('/etc/app/csfle-master.key');\nconst auditKey = readFileSync('/etc/app/audit-mac.key');\nconst client = new MongoClient('mongodb://127.0.0.1:27017');\nexport const encryption = new ClientEncryption(client, { keyVaultNamespace: 'app.__keys', kmsProviders: { local: { key: masterKey } } });\nexport const auditMac = (body: string) => createHmac('sha256', auditKey).update(body).digest('base64');\n",
  "filename": "case.ts"
},
  ],
  invalid: [
{
  "name": "a Buffer.from copy of a destructured env secret used to encrypt, the secret itself to MAC: reported on the destructuring",
  "code": "const crypto = require('node:crypto');\nconst { JOB_KEY } = process.env;\nfunction seal(text) {\n  const key = Buffer.from(JOB_KEY, 'hex');\n  try {\n    const iv = crypto.randomBytes(12);\n    const c = crypto.createCipheriv('aes-256-gcm', key, iv);\n    return Buffer.concat([iv, c.update(text, 'utf8'), c.final(), c.getAuthTag()]);\n  } finally {\n    key.fill(0);\n  }\n}\nfunction sign(data) {\n  return crypto.createHmac('sha256', JOB_KEY).update(data).digest('base64');\n}\nmodule.exports = { seal, sign };\n",
  "filename": "case.js",
  "errors": [
    {
      "messageId": "reused",
      "line": 2,
      "column": 9,
      "suggestions": [
        {
          "messageId": "deriveSubkeys",
          "data": {
            "name": "`process.env.JOB_KEY`"
          },
          "output": "const crypto = require('node:crypto');\nconst { JOB_KEY } = process.env;\nfunction seal(text) {\n  const key = Buffer.from(JOB_KEY, 'hex');\n  try {\n    const iv = crypto.randomBytes(12);\n    const c = crypto.createCipheriv('aes-256-gcm', Buffer.from(crypto.hkdfSync('sha256', key, new Uint8Array(0), 'keywarden:encrypt', 32)), iv);\n    return Buffer.concat([iv, c.update(text, 'utf8'), c.final(), c.getAuthTag()]);\n  } finally {\n    key.fill(0);\n  }\n}\nfunction sign(data) {\n  return crypto.createHmac('sha256', Buffer.from(crypto.hkdfSync('sha256', JOB_KEY, new Uint8Array(0), 'keywarden:mac', 32))).update(data).digest('base64');\n}\nmodule.exports = { seal, sign };\n"
        }
      ]
    }
  ]
},
{
  "name": "a GCS customer-supplied key also signing download links",
  "code": "import { createHmac } from 'node:crypto';\nimport { Storage } from '@google-cloud/storage';\nconst bucket = new Storage().bucket('contracts');\nconst contractsKey = Buffer.from(process.env.CONTRACTS_CSEK ?? '', 'base64');\nexport const sign = (name: string) => createHmac('sha256', contractsKey).update(name).digest('hex');\nexport async function read(name: string): Promise<Buffer> {\n  const [pdf] = await bucket.file(name).setEncryptionKey(contractsKey).download();\n  return pdf;\n}\n",
  "filename": "case.ts",
  "errors": [
    {
      "messageId": "reused",
      "line": 4,
      "column": 7,
      "suggestions": []
    }
  ]
},
{
  "name": "a zero-parameter helper deriving with the same HKDF info as an inline derivation: one subkey, two purposes",
  "code": "import { createCipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';\nconst ROOT = Buffer.from(process.env.ROOT_KEY ?? '', 'base64');\nfunction subkey() {\n  return Buffer.from(hkdfSync('sha256', ROOT, Buffer.alloc(0), 'addresses', 32));\n}\nexport function seal(text) {\n  const key = subkey();\n  const c = createCipheriv('aes-256-gcm', key, randomBytes(12));\n  return Buffer.concat([c.update(text, 'utf8'), c.final()]);\n}\nexport function token(text) {\n  return createHmac('sha256', Buffer.from(hkdfSync('sha256', ROOT, Buffer.alloc(0), 'addresses', 32))).update(text).digest('hex');\n}\n",
  "filename": "case.mjs",
  "errors": [
    {
      "messageId": "reused",
      "line": 2,
      "column": 7,
      "suggestions": [
        {
          "messageId": "deriveSubkeys",
          "data": {
            "name": "`ROOT`"
          },
          "output": "import { createCipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';\nconst ROOT = Buffer.from(process.env.ROOT_KEY ?? '', 'base64');\nfunction subkey() {\n  return Buffer.from(hkdfSync('sha256', ROOT, Buffer.alloc(0), 'addresses', 32));\n}\nexport function seal(text) {\n  const key = subkey();\n  const c = createCipheriv('aes-256-gcm', Buffer.from(hkdfSync('sha256', key, new Uint8Array(0), 'keywarden:encrypt', 32)), randomBytes(12));\n  return Buffer.concat([c.update(text, 'utf8'), c.final()]);\n}\nexport function token(text) {\n  return createHmac('sha256', Buffer.from(hkdfSync('sha256', Buffer.from(hkdfSync('sha256', ROOT, Buffer.alloc(0), 'addresses', 32)), new Uint8Array(0), 'keywarden:mac', 32))).update(text).digest('hex');\n}\n"
        }
      ]
    }
  ]
},
{
  "name": "a CSFLE local master key (wraps data keys) also keying an HMAC: reported on its binding",
  "code": "import { createHmac } from 'node:crypto';\nimport { readFileSync } from 'node:fs';\nimport { MongoClient } from 'mongodb';\nconst masterKey = readFileSync('/etc/app/csfle-master.key');\nexport const client = new MongoClient('mongodb://127.0.0.1:27017', { autoEncryption: { keyVaultNamespace: 'app.__keys', kmsProviders: { local: { key: masterKey } } } });\nexport const auditMac = (body: string) => createHmac('sha256', masterKey).update(body).digest('base64');\n",
  "filename": "case.ts",
  "errors": [
    {
      "messageId": "reused",
      "line": 4,
      "column": 7,
      "suggestions": []
    }
  ]
},
{
  "name": "an Encryption SDK raw AES keyring's wrapping key also keying an HMAC",
  "code": "import { createHmac } from 'node:crypto';\nimport { RawAesKeyringNode, RawAesWrappingSuiteIdentifier } from '@aws-crypto/client-node';\nconst wrappingKey = new Uint8Array(Buffer.from(process.env.WRAPPING_KEY_B64 ?? '', 'base64'));\nexport const keyring = new RawAesKeyringNode({ keyName: 'k1', keyNamespace: 'site', unencryptedMasterKey: wrappingKey, wrappingSuite: RawAesWrappingSuiteIdentifier.AES256_GCM_IV12_TAG16_NO_PADDING });\nexport const receipt = (batch: string) => createHmac('sha256', wrappingKey).update(batch).digest('hex');\n",
  "filename": "case.ts",
  "errors": [
    {
      "messageId": "reused",
      "line": 3,
      "column": 7,
      "suggestions": []
    }
  ]
},
  ],
});

createRuleTester().run('require-key-zeroization (blind-s19 shapes)', requireKeyZeroization, {
  valid: [
{
  "name": "an async helper's derived key wiped by the caller in finally",
  "code": "import { hkdf } from 'node:crypto';\nimport { promisify } from 'node:util';\nconst hkdfAsync = promisify(hkdf);\nconst ROOT = Buffer.from(process.env.ROOT_KEY ?? '', 'base64');\nasync function objectKey(name: string): Promise<Buffer> {\n  return Buffer.from(await hkdfAsync('sha256', ROOT, name, 'sse-c', 32));\n}\nexport async function put(name: string, send: (key: string) => Promise<void>): Promise<void> {\n  const sseKey = await objectKey(name);\n  try {\n    await send(sseKey.toString('base64'));\n  } finally {\n    sseKey.fill(0);\n  }\n}\n",
  "filename": "case.ts"
},
{
  "name": "a GCP decrypt plaintext returned by a helper and wiped by the caller",
  "code": "const { KeyManagementServiceClient } = require('@google-cloud/kms');\nconst { createDecipheriv } = require('node:crypto');\nconst kms = new KeyManagementServiceClient();\nasync function unwrap(wrapped, name) {\n  const [res] = await kms.decrypt({ name, ciphertext: wrapped });\n  return res.plaintext;\n}\nasync function open(row) {\n  const key = await unwrap(row.wrapped, row.kek);\n  try {\n    const d = createDecipheriv('aes-256-gcm', key, row.iv);\n    d.setAuthTag(row.tag);\n    return Buffer.concat([d.update(row.body), d.final()]);\n  } finally {\n    key.fill(0);\n  }\n}\nmodule.exports = { open };\n",
  "filename": "case.js"
},
  ],
  invalid: [
{
  "name": "an async helper returning Buffer.from(await hkdfAsync(...)): the caller's binding",
  "code": "import { hkdf } from 'node:crypto';\nimport { promisify } from 'node:util';\nconst hkdfAsync = promisify(hkdf);\nconst ROOT = Buffer.from(process.env.ROOT_KEY ?? '', 'base64');\nasync function objectKey(name: string): Promise<Buffer> {\n  return Buffer.from(await hkdfAsync('sha256', ROOT, name, 'sse-c', 32));\n}\nexport async function put(name: string, send: (key: string) => Promise<void>): Promise<void> {\n  const sseKey = await objectKey(name);\n  await send(sseKey.toString('base64'));\n}\n",
  "filename": "case.ts",
  "errors": [
    {
      "messageId": "notWiped",
      "line": 9,
      "column": 9,
      "suggestions": [
        {
          "messageId": "wrapInTryFinally",
          "data": {
            "name": "sseKey",
            "what": "a derived key",
            "wipe": "sseKey.fill(0)"
          },
          "output": "import { hkdf } from 'node:crypto';\nimport { promisify } from 'node:util';\nconst hkdfAsync = promisify(hkdf);\nconst ROOT = Buffer.from(process.env.ROOT_KEY ?? '', 'base64');\nasync function objectKey(name: string): Promise<Buffer> {\n  return Buffer.from(await hkdfAsync('sha256', ROOT, name, 'sse-c', 32));\n}\nexport async function put(name: string, send: (key: string) => Promise<void>): Promise<void> {\n  const sseKey = await objectKey(name);\n  try {\n    await send(sseKey.toString('base64'));\n  } finally {\n    sseKey.fill(0);\n  }\n}\n"
        }
      ]
    }
  ]
},
{
  "name": "a GCP decrypt plaintext returned as res.plaintext by an async helper: the caller's binding",
  "code": "const { KeyManagementServiceClient } = require('@google-cloud/kms');\nconst { createDecipheriv } = require('node:crypto');\nconst kms = new KeyManagementServiceClient();\nasync function unwrap(wrapped, name) {\n  const [res] = await kms.decrypt({ name, ciphertext: wrapped });\n  return res.plaintext;\n}\nasync function open(row) {\n  const key = await unwrap(row.wrapped, row.kek);\n  const d = createDecipheriv('aes-256-gcm', key, row.iv);\n  d.setAuthTag(row.tag);\n  return Buffer.concat([d.update(row.body), d.final()]);\n}\nmodule.exports = { open };\n",
  "filename": "case.js",
  "errors": [
    {
      "messageId": "notWiped",
      "line": 9,
      "column": 9,
      "suggestions": [
        {
          "messageId": "wrapInTryFinally",
          "data": {
            "name": "key",
            "what": "a plaintext KMS data key",
            "wipe": "key?.fill(0)"
          },
          "output": "const { KeyManagementServiceClient } = require('@google-cloud/kms');\nconst { createDecipheriv } = require('node:crypto');\nconst kms = new KeyManagementServiceClient();\nasync function unwrap(wrapped, name) {\n  const [res] = await kms.decrypt({ name, ciphertext: wrapped });\n  return res.plaintext;\n}\nasync function open(row) {\n  const key = await unwrap(row.wrapped, row.kek);\n  try {\n    const d = createDecipheriv('aes-256-gcm', key, row.iv);\n    d.setAuthTag(row.tag);\n    return Buffer.concat([d.update(row.body), d.final()]);\n  } finally {\n    key?.fill(0);\n  }\n}\nmodule.exports = { open };\n"
        }
      ]
    }
  ]
},
{
  "name": "a key given to a GCS File made for one download (setEncryptionKey) and dropped",
  "code": "const { Storage } = require('@google-cloud/storage');\nconst storage = new Storage();\nasync function payslip(runId, employeeId) {\n  const key = Buffer.from(process.env[`PAYSLIP_CSEK_${runId}`], 'base64');\n  const file = storage.bucket('payslips').file(`${runId}/${employeeId}.pdf`);\n  file.setEncryptionKey(key);\n  const [pdf] = await file.download();\n  return pdf;\n}\nmodule.exports = { payslip };\n",
  "filename": "case.js",
  "errors": [
    {
      "messageId": "notWiped",
      "line": 4,
      "column": 9,
      "suggestions": [
        {
          "messageId": "wrapInTryFinally",
          "data": {
            "name": "key",
            "what": "a copy of a secret",
            "wipe": "key.fill(0)"
          },
          "output": "const { Storage } = require('@google-cloud/storage');\nconst storage = new Storage();\nasync function payslip(runId, employeeId) {\n  const key = Buffer.from(process.env[`PAYSLIP_CSEK_${runId}`], 'base64');\n  try {\n    const file = storage.bucket('payslips').file(`${runId}/${employeeId}.pdf`);\n    file.setEncryptionKey(key);\n    const [pdf] = await file.download();\n    return pdf;\n  } finally {\n    key.fill(0);\n  }\n}\nmodule.exports = { payslip };\n"
        }
      ]
    }
  ]
},
  ],
});

createRuleTester().run('no-plaintext-data-key-exposure (blind-s19 shapes)', noPlaintextDataKeyExposure, {
  valid: [
{
  "name": "a debug logger printing the URI and pool size",
  "code": "const { readFileSync } = require('fs');\nconst { MongoClient } = require('mongodb');\nconst debug = require('debug')('notes:db');\nconst localMasterKey = readFileSync(process.env.CSFLE_MASTER_KEY_PATH);\nasync function connect() {\n  const options = { autoEncryption: { keyVaultNamespace: 'encryption.__keyVault', kmsProviders: { local: { key: localMasterKey } } } };\n  debug('connecting to %s with %d pooled connections', process.env.MONGODB_URI, 10);\n  const client = new MongoClient(process.env.MONGODB_URI, options);\n  await client.connect();\n  return client;\n}\nmodule.exports = { connect };\n",
  "filename": "case.js"
},
{
  "name": "a locally generated data key wrapped by Cloud KMS, only the wrapped key published",
  "code": "import { randomBytes, createCipheriv } from 'node:crypto';\nimport { KeyManagementServiceClient } from '@google-cloud/kms';\nimport { PubSub } from '@google-cloud/pubsub';\nconst kms = new KeyManagementServiceClient();\nconst topic = new PubSub().topic('orders');\nexport async function publish(orderId: string, pii: string): Promise<string> {\n  const dataKey = randomBytes(32);\n  try {\n    const iv = randomBytes(12);\n    const cipher = createCipheriv('aes-256-gcm', dataKey, iv);\n    const body = Buffer.concat([cipher.update(pii, 'utf8'), cipher.final()]);\n    const [wrapped] = await kms.encrypt({ name: process.env.KEK!, plaintext: dataKey, additionalAuthenticatedData: Buffer.from(orderId) });\n    return await topic.publishMessage({ data: body, attributes: { iv: iv.toString('base64'), wrappedKey: Buffer.from(wrapped.ciphertext as Uint8Array).toString('base64') } });\n  } finally {\n    dataKey.fill(0);\n  }\n}\n",
  "filename": "case.ts"
},
  ],
  invalid: [
{
  "name": "options carrying a CSFLE local master key printed by a debug logger",
  "code": "const { readFileSync } = require('fs');\nconst { MongoClient } = require('mongodb');\nconst debug = require('debug')('notes:db');\nconst localMasterKey = readFileSync(process.env.CSFLE_MASTER_KEY_PATH);\nasync function connect() {\n  const options = { autoEncryption: { keyVaultNamespace: 'encryption.__keyVault', kmsProviders: { local: { key: localMasterKey } } } };\n  debug('connecting with options %O', options);\n  const client = new MongoClient(process.env.MONGODB_URI, options);\n  await client.connect();\n  return client;\n}\nmodule.exports = { connect };\n",
  "filename": "case.js",
  "errors": [
    {
      "messageId": "secretLogged",
      "line": 7,
      "column": 3,
      "suggestions": []
    }
  ]
},
{
  "name": "a locally generated data key wrapped by Cloud KMS and also sent in clear in Pub/Sub attributes: reported on the publish call",
  "code": "import { randomBytes, createCipheriv } from 'node:crypto';\nimport { KeyManagementServiceClient } from '@google-cloud/kms';\nimport { PubSub } from '@google-cloud/pubsub';\nconst kms = new KeyManagementServiceClient();\nconst topic = new PubSub().topic('orders');\nexport async function publish(orderId: string, pii: string): Promise<string> {\n  const dataKey = randomBytes(32);\n  const iv = randomBytes(12);\n  const cipher = createCipheriv('aes-256-gcm', dataKey, iv);\n  const body = Buffer.concat([cipher.update(pii, 'utf8'), cipher.final()]);\n  const [wrapped] = await kms.encrypt({ name: process.env.KEK!, plaintext: dataKey, additionalAuthenticatedData: Buffer.from(orderId) });\n  return topic.publishMessage({\n    data: body,\n    attributes: { iv: iv.toString('base64'), wrappedKey: Buffer.from(wrapped.ciphertext as Uint8Array).toString('base64'), key: dataKey.toString('base64') },\n  });\n}\n",
  "filename": "case.ts",
  "errors": [
    {
      "messageId": "localDataKeyExposed",
      "line": 12,
      "column": 10,
      "suggestions": []
    }
  ]
},
  ],
});
