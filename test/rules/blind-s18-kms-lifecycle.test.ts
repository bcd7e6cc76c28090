import noKeyReuse from '../../rules/no-key-reuse-across-purposes';
import noPlaintextDataKeyExposure from '../../rules/no-plaintext-data-key-exposure';
import preferEnvelopeEncryption from '../../rules/prefer-envelope-encryption';
import requireKeyZeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// Shapes the eighteenth blind set (part B: KMS, zeroization and key purpose; test/fixtures/corpus/*/blind-s18) found
// missed or misread, each with the look-alike that must stay quiet: a secret destructured from `workerData` (reported on
// that binding), a WebCrypto key exported raw and re-imported under another algorithm, a secret reference (`…_REF`,
// `op://…`) in a log line, data keys taken out of a keywarden `KeyProvider` (a decorator returning them from the method it
// implements hands them back to the envelope client), a KMS Decrypt of application data sent to Encrypt again, keys given
// to a local class whose constructor keeps copies, a small `Buffer.allocUnsafe` key "transferred" from Node's
// untransferable pool, a key captured by a local arrow that the returned methods call, and a local KMS helper wrapped
// by a memoizer (`memoize(freshRoomKey)`) whose calls return what the helper returns.

createRuleTester().run("no-key-reuse-across-purposes (blind-s18 shapes)", noKeyReuse, {
  valid: [
{
  "name": "two secrets destructured from workerData, one purpose each",
  "code": "import { createCipheriv, createHmac, randomBytes } from 'node:crypto';\nimport { parentPort, workerData } from 'node:worker_threads';\nconst { sealKey, macKey } = workerData as { sealKey: Uint8Array; macKey: Uint8Array };\nparentPort!.on('message', (job: { id: string; body: Uint8Array }) => {\n  const iv = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', sealKey, iv);\n  const sealed = Buffer.concat([iv, c.update(job.body), c.final(), c.getAuthTag()]);\n  const mac = createHmac('sha256', macKey).update(job.id).digest('hex');\n  parentPort!.postMessage({ id: job.id, sealed, mac });\n});\n",
  "filename": "case.ts"
},
{
  "name": "an AES-GCM key exported raw and re-imported as AES-GCM (a non-extractable copy): one purpose",
  "code": "export async function lockDown() {\n  const pageKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);\n  const raw = await crypto.subtle.exportKey('raw', pageKey);\n  const sealed = await crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);\n  new Uint8Array(raw).fill(0);\n  return sealed;\n}\n",
  "filename": "case.ts"
},
  ],
  invalid: [
{
  "name": "a secret destructured from workerData, used to encrypt and to MAC: reported on the binding",
  "code": "import { createCipheriv, createHmac, randomBytes } from 'node:crypto';\nimport { parentPort, workerData } from 'node:worker_threads';\nconst { stampSecret } = workerData as { stampSecret: Uint8Array };\nparentPort!.on('message', (job: { id: string; body: Uint8Array }) => {\n  const iv = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', stampSecret, iv);\n  const sealed = Buffer.concat([iv, c.update(job.body), c.final(), c.getAuthTag()]);\n  const mac = createHmac('sha256', stampSecret).update(job.id).digest('hex');\n  parentPort!.postMessage({ id: job.id, sealed, mac });\n});\n",
  "filename": "case.ts",
  "errors": [
    {
      "messageId": "reused",
      "line": 3,
      "column": 9,
      "suggestions": [
        {
          "messageId": "deriveSubkeys",
          "data": {
            "name": "`workerData.stampSecret`"
          },
          "output": "import { createCipheriv, createHmac, randomBytes, hkdfSync } from 'node:crypto';\nimport { parentPort, workerData } from 'node:worker_threads';\nconst { stampSecret } = workerData as { stampSecret: Uint8Array };\nparentPort!.on('message', (job: { id: string; body: Uint8Array }) => {\n  const iv = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', Buffer.from(hkdfSync('sha256', stampSecret, new Uint8Array(0), 'keywarden:encrypt', 32)), iv);\n  const sealed = Buffer.concat([iv, c.update(job.body), c.final(), c.getAuthTag()]);\n  const mac = createHmac('sha256', Buffer.from(hkdfSync('sha256', stampSecret, new Uint8Array(0), 'keywarden:mac', 32))).update(job.id).digest('hex');\n  parentPort!.postMessage({ id: job.id, sealed, mac });\n});\n"
        }
      ]
    }
  ]
},
{
  "name": "an AES-GCM key exported raw and re-imported as an HMAC key: reported on its generateKey",
  "code": "export async function createKeys() {\n  const pageKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);\n  const raw = await crypto.subtle.exportKey('raw', pageKey);\n  const indexKey = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);\n  new Uint8Array(raw).fill(0);\n  return { pageKey, indexKey };\n}\n",
  "filename": "case.ts",
  "errors": [
    {
      "messageId": "reused",
      "line": 2,
      "column": 25,
      "suggestions": []
    }
  ]
},
  ],
});

createRuleTester().run("no-plaintext-data-key-exposure (blind-s18 shapes)", noPlaintextDataKeyExposure, {
  valid: [
{
  "name": "a lodash-memoized local KMS helper used only to encrypt inside the module",
  "code": "import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';\nimport { memoize } from 'lodash';\nimport { createCipheriv, randomBytes } from 'node:crypto';\nconst kms = new KMSClient({});\nasync function freshRoomKey(roomId: string) {\n  const out = await kms.send(new GenerateDataKeyCommand({ KeyId: process.env.CHAT_KEK_ARN, KeySpec: 'AES_256', EncryptionContext: { roomId } }));\n  return { key: out.Plaintext!, wrapped: out.CiphertextBlob! };\n}\nconst memoRoomKey = memoize(freshRoomKey);\nexport async function sealFrame(roomId: string, frame: Buffer) {\n  const { key, wrapped } = await memoRoomKey(roomId);\n  const iv = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', key, iv);\n  return { wrapped, iv, body: Buffer.concat([c.update(frame), c.final()]), tag: c.getAuthTag() };\n}\n",
  "filename": "case.ts"
},
{
  "name": "a secret reference (op://…) logged: configuration, not the secret",
  "code": "import { createClient } from '@1password/sdk';\nconst PARTNER_SECRET_REF = process.env.PARTNER_SECRET_REF ?? 'op://Integrations/acme/signing-secret';\nexport async function load(log: { info(o: object, m: string): void }) {\n  const op = await createClient({ auth: process.env.OP_SERVICE_ACCOUNT_TOKEN!, integrationName: 'api', integrationVersion: '1.0.0' });\n  const partnerSecret = await op.secrets.resolve(PARTNER_SECRET_REF);\n  log.info({ ref: PARTNER_SECRET_REF, length: partnerSecret.length }, 'partner secret loaded');\n  return partnerSecret;\n}\n",
  "filename": "case.ts"
},
{
  "name": "a KeyProvider decorator that only times the calls: the keys go back to the envelope client",
  "code": "import type { KeyProvider } from 'keywarden/kms';\nexport function metered(inner: KeyProvider, observe: (op: string, ms: number) => void): KeyProvider {\n  async function timed<T>(op: string, run: () => Promise<T>): Promise<T> {\n    const started = Date.now();\n    try {\n      return await run();\n    } finally {\n      observe(op, Date.now() - started);\n    }\n  }\n  return {\n    scheme: inner.scheme,\n    generateDataKey: (request) => timed('generateDataKey', () => inner.generateDataKey(request)),\n    unwrap: (request) => timed('unwrap', () => inner.unwrap(request)),\n    rewrap: (request) => timed('rewrap', () => inner.rewrap(request)),\n  };\n}\n",
  "filename": "case.ts"
},
  ],
  invalid: [
{
  "name": "a memoizee-wrapped local KMS helper whose data key an exported function returns",
  "code": "import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';\nimport memoize from 'memoizee';\nconst kms = new KMSClient({});\nasync function freshRoomKey(roomId: string) {\n  const out = await kms.send(new GenerateDataKeyCommand({ KeyId: process.env.CHAT_KEK_ARN, KeySpec: 'AES_256', EncryptionContext: { roomId } }));\n  return { key: out.Plaintext!, wrapped: out.CiphertextBlob! };\n}\nconst memoRoomKey = memoize(freshRoomKey, { promise: true, maxAge: 3_600_000 });\nexport async function roomKey(roomId: string) {\n  return memoRoomKey(roomId);\n}\n",
  "filename": "case.ts",
  "errors": [
    {
      "messageId": "dataKeyExposed",
      "line": 5,
      "column": 30,
      "suggestions": []
    }
  ]
},
{
  "name": "the resolved secret itself logged",
  "code": "import { createClient } from '@1password/sdk';\nconst PARTNER_SECRET_REF = process.env.PARTNER_SECRET_REF ?? 'op://Integrations/acme/signing-secret';\nexport async function load() {\n  const op = await createClient({ auth: process.env.OP_SERVICE_ACCOUNT_TOKEN!, integrationName: 'api', integrationVersion: '1.0.0' });\n  const partnerSecret = await op.secrets.resolve(PARTNER_SECRET_REF);\n  console.debug('partner secret', partnerSecret);\n  return partnerSecret;\n}\n",
  "filename": "case.ts",
  "errors": [
    {
      "messageId": "secretLogged",
      "line": 6,
      "column": 3,
      "suggestions": []
    }
  ]
},
{
  "name": "a KeyProvider decorator that logs the data key it passes back",
  "code": "import type { KeyProvider } from 'keywarden/kms';\nexport function tracing(inner: KeyProvider, log: { debug(o: object): void }): KeyProvider {\n  return {\n    scheme: inner.scheme,\n    async generateDataKey(request) {\n      const dataKey = await inner.generateDataKey(request);\n      log.debug({ keyUri: dataKey.keyUri, material: dataKey.plaintext.toString('base64') });\n      return dataKey;\n    },\n    unwrap: (request) => inner.unwrap(request),\n    rewrap: (request) => inner.rewrap(request),\n  };\n}\n",
  "filename": "case.ts",
  "errors": [
    {
      "messageId": "dataKeyExposed",
      "line": 6,
      "column": 29,
      "suggestions": []
    }
  ]
},
{
  "name": "a KeyProvider decorator that caches unwrapped keys in Redis",
  "code": "import type { KeyProvider } from 'keywarden/kms';\nimport Redis from 'ioredis';\nconst redis = new Redis();\nexport function warm(inner: KeyProvider): KeyProvider {\n  return {\n    scheme: inner.scheme,\n    generateDataKey: (request) => inner.generateDataKey(request),\n    async unwrap(request) {\n      const key = await inner.unwrap(request);\n      await redis.set('dek:' + request.keyUri, key, 'EX', 300);\n      return key;\n    },\n    rewrap: (request) => inner.rewrap(request),\n  };\n}\n",
  "filename": "case.ts",
  "errors": [
    {
      "messageId": "dataKeyExposed",
      "line": 9,
      "column": 25,
      "suggestions": []
    }
  ]
},
{
  "name": "a data key taken out of a KeyProvider by an exported function of another name",
  "code": "import type { KeyProvider } from 'keywarden/kms';\nexport async function uploadKey(provider: KeyProvider, uploadId: string) {\n  const dk = await provider.generateDataKey({ keyUri: 'aws-kms://alias/uploads', context: { uploadId } });\n  return { key: dk.plaintext, wrapped: dk.wrapped };\n}\n",
  "filename": "case.ts",
  "errors": [
    {
      "messageId": "dataKeyExposed",
      "line": 3,
      "column": 20,
      "suggestions": []
    }
  ]
},
  ],
});

createRuleTester().run("prefer-envelope-encryption (blind-s18 shapes)", preferEnvelopeEncryption, {
  valid: [
{
  "name": "a wrapped data key unwrapped and wrapped again under a new KMS key: envelope encryption",
  "code": "import { DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';\nconst kms = new KMSClient({});\nexport async function rewrap(row: { id: number; wrappedKey: Uint8Array }) {\n  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: row.wrappedKey, KeyId: process.env.OLD_KEK }));\n  try {\n    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: process.env.NEW_KEK, Plaintext }));\n    return CiphertextBlob;\n  } finally {\n    Plaintext?.fill(0);\n  }\n}\n",
  "filename": "case.ts"
},
  ],
  invalid: [
{
  "name": "a column re-encrypted under a new KMS key: the Decrypt output is application data",
  "code": "import { DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';\nconst kms = new KMSClient({});\nexport async function reencrypt(row: { id: number; ssn_ct: Uint8Array }) {\n  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: row.ssn_ct, KeyId: process.env.OLD_KEY }));\n  try {\n    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: process.env.NEW_KEY, Plaintext }));\n    return CiphertextBlob;\n  } finally {\n    Plaintext?.fill(0);\n  }\n}\n",
  "filename": "case.ts",
  "errors": [
    {
      "messageId": "directKmsEncrypt",
      "line": 6,
      "column": 47,
      "suggestions": []
    }
  ]
},
  ],
});

createRuleTester().run("require-key-zeroization (blind-s18 shapes)", requireKeyZeroization, {
  valid: [
{
  "name": "keys handed to a local class that keeps them and wipes them in dispose()",
  "code": "import { createCipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';\nclass ReportKeys {\n  constructor(private readonly enc: Buffer, private readonly mac: Buffer) {}\n  seal(chunk: Buffer): Buffer {\n    const iv = randomBytes(16);\n    const c = createCipheriv('aes-256-ctr', this.enc, iv);\n    const body = Buffer.concat([iv, c.update(chunk), c.final()]);\n    return Buffer.concat([body, createHmac('sha256', this.mac).update(body).digest()]);\n  }\n  dispose(): void {\n    this.enc.fill(0);\n    this.mac.fill(0);\n  }\n}\nexport function sealReport(master: Buffer, id: string, chunks: Buffer[]): Buffer[] {\n  const encKey = Buffer.from(hkdfSync('sha256', master, id, 'report enc', 32));\n  const macKey = Buffer.from(hkdfSync('sha256', master, id, 'report mac', 32));\n  const keys = new ReportKeys(encKey, macKey);\n  try {\n    return chunks.map((chunk) => keys.seal(chunk));\n  } finally {\n    keys.dispose();\n  }\n}\n",
  "filename": "case.ts"
},
{
  "name": "a key in its own ArrayBuffer transferred to a worker: it leaves this thread",
  "code": "import { randomFillSync } from 'node:crypto';\nimport { MessageChannel } from 'node:worker_threads';\nexport function openSession(id: string) {\n  const { port1 } = new MessageChannel();\n  const sessionKey = Buffer.alloc(32);\n  randomFillSync(sessionKey);\n  port1.postMessage({ id, key: sessionKey }, [sessionKey.buffer]);\n  return port1;\n}\n",
  "filename": "case.ts"
},
{
  "name": "a subkey captured by a local arrow that the returned codec methods call",
  "code": "import { createHmac, hkdfSync } from 'node:crypto';\nexport function codec(secret: Buffer, name: string) {\n  const nameKey = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), `cookie-name:${name}`, 32));\n  const bind = (value: string) => createHmac('sha256', nameKey).update(`${name}=${value}`).digest('base64url');\n  return {\n    encode: (value: string) => `${value}.${bind(value)}`,\n    check: (value: string, mac: string) => bind(value) === mac,\n    dispose: () => nameKey.fill(0),\n  };\n}\n",
  "filename": "case.ts"
},
  ],
  invalid: [
{
  "name": "keys handed to a local class whose constructor keeps copies: the originals are still to wipe",
  "code": "import { createCipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';\nclass ReportKeys {\n  readonly #enc: Buffer;\n  readonly #mac: Buffer;\n  constructor(enc: Buffer, mac: Buffer) {\n    this.#enc = Buffer.from(enc);\n    this.#mac = Uint8Array.from(mac) as Buffer;\n  }\n  seal(chunk: Buffer): Buffer {\n    const iv = randomBytes(16);\n    const c = createCipheriv('aes-256-ctr', this.#enc, iv);\n    const body = Buffer.concat([iv, c.update(chunk), c.final()]);\n    return Buffer.concat([body, createHmac('sha256', this.#mac).update(body).digest()]);\n  }\n  dispose(): void {\n    this.#enc.fill(0);\n    this.#mac.fill(0);\n  }\n}\nexport function sealReport(master: Buffer, id: string, chunks: Buffer[]): Buffer[] {\n  const encKey = Buffer.from(hkdfSync('sha256', master, id, 'report enc', 32));\n  const macKey = Buffer.from(hkdfSync('sha256', master, id, 'report mac', 32));\n  const keys = new ReportKeys(encKey, macKey);\n  try {\n    return chunks.map((chunk) => keys.seal(chunk));\n  } finally {\n    keys.dispose();\n  }\n}\n",
  "filename": "case.ts",
  "errors": [
    {
      "messageId": "notWiped",
      "line": 21,
      "column": 9,
      "suggestions": [
        {
          "messageId": "wrapInTryFinally",
          "data": {
            "name": "encKey",
            "what": "a derived key",
            "wipe": "encKey.fill(0)"
          },
          "output": "import { createCipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';\nclass ReportKeys {\n  readonly #enc: Buffer;\n  readonly #mac: Buffer;\n  constructor(enc: Buffer, mac: Buffer) {\n    this.#enc = Buffer.from(enc);\n    this.#mac = Uint8Array.from(mac) as Buffer;\n  }\n  seal(chunk: Buffer): Buffer {\n    const iv = randomBytes(16);\n    const c = createCipheriv('aes-256-ctr', this.#enc, iv);\n    const body = Buffer.concat([iv, c.update(chunk), c.final()]);\n    return Buffer.concat([body, createHmac('sha256', this.#mac).update(body).digest()]);\n  }\n  dispose(): void {\n    this.#enc.fill(0);\n    this.#mac.fill(0);\n  }\n}\nexport function sealReport(master: Buffer, id: string, chunks: Buffer[]): Buffer[] {\n  const encKey = Buffer.from(hkdfSync('sha256', master, id, 'report enc', 32));\n  try {\n    const macKey = Buffer.from(hkdfSync('sha256', master, id, 'report mac', 32));\n    const keys = new ReportKeys(encKey, macKey);\n    try {\n      return chunks.map((chunk) => keys.seal(chunk));\n    } finally {\n      keys.dispose();\n    }\n  } finally {\n    encKey.fill(0);\n  }\n}\n"
        }
      ]
    },
    {
      "messageId": "notWiped",
      "line": 22,
      "column": 9,
      "suggestions": [
        {
          "messageId": "wrapInTryFinally",
          "data": {
            "name": "macKey",
            "what": "a derived key",
            "wipe": "macKey.fill(0)"
          },
          "output": "import { createCipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';\nclass ReportKeys {\n  readonly #enc: Buffer;\n  readonly #mac: Buffer;\n  constructor(enc: Buffer, mac: Buffer) {\n    this.#enc = Buffer.from(enc);\n    this.#mac = Uint8Array.from(mac) as Buffer;\n  }\n  seal(chunk: Buffer): Buffer {\n    const iv = randomBytes(16);\n    const c = createCipheriv('aes-256-ctr', this.#enc, iv);\n    const body = Buffer.concat([iv, c.update(chunk), c.final()]);\n    return Buffer.concat([body, createHmac('sha256', this.#mac).update(body).digest()]);\n  }\n  dispose(): void {\n    this.#enc.fill(0);\n    this.#mac.fill(0);\n  }\n}\nexport function sealReport(master: Buffer, id: string, chunks: Buffer[]): Buffer[] {\n  const encKey = Buffer.from(hkdfSync('sha256', master, id, 'report enc', 32));\n  const macKey = Buffer.from(hkdfSync('sha256', master, id, 'report mac', 32));\n  try {\n    const keys = new ReportKeys(encKey, macKey);\n    try {\n      return chunks.map((chunk) => keys.seal(chunk));\n    } finally {\n      keys.dispose();\n    }\n  } finally {\n    macKey.fill(0);\n  }\n}\n"
        }
      ]
    }
  ]
},
{
  "name": "a Buffer.allocUnsafe(32) key \"transferred\" to a worker: the pool is untransferable, the key stays here",
  "code": "import { randomFillSync } from 'node:crypto';\nimport { MessageChannel } from 'node:worker_threads';\nexport function openSession(id: string) {\n  const { port1 } = new MessageChannel();\n  const sessionKey = Buffer.allocUnsafe(32);\n  randomFillSync(sessionKey);\n  port1.postMessage({ id, key: sessionKey }, [sessionKey.buffer]);\n  return port1;\n}\n",
  "filename": "case.ts",
  "errors": [
    {
      "messageId": "notWiped",
      "line": 5,
      "column": 9,
      "suggestions": [
        {
          "messageId": "wrapInTryFinally",
          "data": {
            "name": "sessionKey",
            "what": "random key bytes",
            "wipe": "sessionKey.fill(0)"
          },
          "output": "import { randomFillSync } from 'node:crypto';\nimport { MessageChannel } from 'node:worker_threads';\nexport function openSession(id: string) {\n  const { port1 } = new MessageChannel();\n  const sessionKey = Buffer.allocUnsafe(32);\n  randomFillSync(sessionKey);\n  try {\n    port1.postMessage({ id, key: sessionKey }, [sessionKey.buffer]);\n  } finally {\n    sessionKey.fill(0);\n  }\n  return port1;\n}\n"
        }
      ]
    }
  ]
},
{
  "name": "a subkey captured by a local arrow that only this function calls, never wiped",
  "code": "import { createHmac, hkdfSync } from 'node:crypto';\nexport function tagAll(secret: Buffer, name: string, values: string[]) {\n  const nameKey = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), `cookie-name:${name}`, 32));\n  const bind = (value: string) => createHmac('sha256', nameKey).update(`${name}=${value}`).digest('base64url');\n  return values.map((v) => `${v}.${bind(v)}`);\n}\n",
  "filename": "case.ts",
  "errors": [
    {
      "messageId": "notWiped",
      "line": 3,
      "column": 9,
      "suggestions": [
        {
          "messageId": "wrapInTryFinally",
          "data": {
            "name": "nameKey",
            "what": "a derived key",
            "wipe": "nameKey.fill(0)"
          },
          "output": "import { createHmac, hkdfSync } from 'node:crypto';\nexport function tagAll(secret: Buffer, name: string, values: string[]) {\n  const nameKey = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), `cookie-name:${name}`, 32));\n  try {\n    const bind = (value: string) => createHmac('sha256', nameKey).update(`${name}=${value}`).digest('base64url');\n    return values.map((v) => `${v}.${bind(v)}`);\n  } finally {\n    nameKey.fill(0);\n  }\n}\n"
        }
      ]
    }
  ]
},
  ],
});
