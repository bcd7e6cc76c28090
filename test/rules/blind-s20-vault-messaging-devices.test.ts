import noKeyReuse from '../../rules/no-key-reuse-across-purposes';
import noPlaintextDataKeyExposure from '../../rules/no-plaintext-data-key-exposure';
import requireKeyZeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// Shapes the twentieth blind set (part C: key lifecycle in password vaults, end-to-end messaging, device provisioning,
// health and finance records and backups; test/fixtures/corpus/*/blind-s20) found missed or misread, each with the
// look-alike that must stay quiet: a named `subarray` view of a key (`const messageKey = okm.subarray(0, 32)`) used by a
// cipher before a straight-line wipe of the key, a vault cache whose `lock()` teardown forgets one subkey field, a data
// key published with MQTT.js v5's `publishAsync` (also through a local accessor keeping `conn ??= mqtt.connect(…)`), and
// a memoized CryptoKey (`cached ??= await subtle.generateKey(…)`) used through its accessor, judged by its usages once.

createRuleTester().run('require-key-zeroization (blind-s20 shapes)', requireKeyZeroization, {
  valid: [
{
  name: "a named subarray view used inside try, the key wiped in finally",
  code: "import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';\nexport function encryptNext(state: { chainKey: Buffer }, plaintext: Uint8Array): Buffer {\n  const okm = Buffer.from(hkdfSync('sha256', state.chainKey, Buffer.alloc(32), 'ratchet', 64));\n  try {\n    const messageKey = okm.subarray(0, 32);\n    const cipher = createCipheriv('aes-256-gcm', messageKey, randomBytes(12));\n    state.chainKey = Buffer.from(okm.subarray(32));\n    return Buffer.concat([cipher.update(plaintext), cipher.final()]);\n  } finally {\n    okm.fill(0);\n  }\n}\n",
  filename: "case.ts",
},
{
  name: "a named subarray view only copied before the wipe (no use that can throw)",
  code: "import { hkdfSync } from 'node:crypto';\nexport function split(root: Buffer, out: { enc: Buffer; mac: Buffer }): void {\n  const okm = Buffer.from(hkdfSync('sha256', root, Buffer.alloc(0), 'split', 64));\n  const first = okm.subarray(0, 32);\n  out.enc = Buffer.from(first);\n  out.mac = Buffer.from(okm.subarray(32));\n  okm.fill(0);\n}\n",
  filename: "case.ts",
},
{
  name: "a vault cache whose lock() wipes both subkey fields",
  code: "import { createHmac, hkdfSync } from 'node:crypto';\nexport class UnlockCache {\n  #itemKey: Buffer | null = null;\n  #searchKey: Buffer | null = null;\n  remember(userKey: Uint8Array): void {\n    this.#itemKey = Buffer.from(hkdfSync('sha256', userKey, Buffer.alloc(0), 'items', 32));\n    this.#searchKey = Buffer.from(hkdfSync('sha256', userKey, Buffer.alloc(0), 'search', 32));\n  }\n  token(term: string): string {\n    return createHmac('sha256', this.#searchKey!).update(term).digest('hex');\n  }\n  lock(): void {\n    this.#itemKey?.fill(0);\n    this.#searchKey?.fill(0);\n  }\n}\n",
  filename: "case.ts",
}
  ],
  invalid: [
{
  name: "a named subarray view of an HKDF output used by a cipher before a straight-line wipe",
  code: "import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';\nexport function encryptNext(state: { chainKey: Buffer }, plaintext: Uint8Array): Buffer {\n  const okm = Buffer.from(hkdfSync('sha256', state.chainKey, Buffer.alloc(32), 'ratchet', 64));\n  const messageKey = okm.subarray(0, 32);\n  const nextChain = Buffer.from(okm.subarray(32));\n  const cipher = createCipheriv('aes-256-gcm', messageKey, randomBytes(12));\n  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);\n  state.chainKey = nextChain;\n  okm.fill(0);\n  return body;\n}\n",
  filename: "case.ts",
  errors: [
    { messageId: "wipedOnHappyPathOnly", line: 3, suggestions: [{ messageId: "wrapInTryFinally", output: "import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';\nexport function encryptNext(state: { chainKey: Buffer }, plaintext: Uint8Array): Buffer {\n  const okm = Buffer.from(hkdfSync('sha256', state.chainKey, Buffer.alloc(32), 'ratchet', 64));\n  try {\n    const messageKey = okm.subarray(0, 32);\n    const nextChain = Buffer.from(okm.subarray(32));\n    const cipher = createCipheriv('aes-256-gcm', messageKey, randomBytes(12));\n    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);\n    state.chainKey = nextChain;\n    return body;\n  } finally {\n    okm.fill(0);\n  }\n}\n" }] },
  ],
},
{
  name: "a view of a view used by an HMAC before the wipe",
  code: "import { createHmac, hkdfSync } from 'node:crypto';\nexport function tag(root: Buffer, data: Buffer): Buffer {\n  const okm = Buffer.from(hkdfSync('sha256', root, Buffer.alloc(0), 'tags', 64));\n  const upper = okm.subarray(32);\n  const macKey = upper.subarray(0, 32);\n  const mac = createHmac('sha256', macKey).update(data).digest();\n  okm.fill(0);\n  return mac;\n}\n",
  filename: "case.ts",
  errors: [
    { messageId: "wipedOnHappyPathOnly", line: 3, suggestions: [{ messageId: "wrapInTryFinally", output: "import { createHmac, hkdfSync } from 'node:crypto';\nexport function tag(root: Buffer, data: Buffer): Buffer {\n  const okm = Buffer.from(hkdfSync('sha256', root, Buffer.alloc(0), 'tags', 64));\n  try {\n    const upper = okm.subarray(32);\n    const macKey = upper.subarray(0, 32);\n    const mac = createHmac('sha256', macKey).update(data).digest();\n    return mac;\n  } finally {\n    okm.fill(0);\n  }\n}\n" }] },
  ],
},
{
  name: "a vault cache whose lock() wipes one HKDF subkey field and forgets the other",
  code: "import { createHmac, hkdfSync } from 'node:crypto';\nexport class UnlockCache {\n  #itemKey: Buffer | null = null;\n  #searchKey: Buffer | null = null;\n  remember(userKey: Uint8Array): void {\n    this.#itemKey = Buffer.from(hkdfSync('sha256', userKey, Buffer.alloc(0), 'items', 32));\n    this.#searchKey = Buffer.from(hkdfSync('sha256', userKey, Buffer.alloc(0), 'search', 32));\n  }\n  token(term: string): string {\n    return createHmac('sha256', this.#searchKey!).update(term).digest('hex');\n  }\n  lock(): void {\n    this.#itemKey?.fill(0);\n    this.#itemKey = null;\n    this.#searchKey = null;\n  }\n}\n",
  filename: "case.ts",
  errors: [
    { messageId: "notWipedAtTeardown", line: 7, suggestions: [{ messageId: "wipeAtTeardown", output: "import { createHmac, hkdfSync } from 'node:crypto';\nexport class UnlockCache {\n  #itemKey: Buffer | null = null;\n  #searchKey: Buffer | null = null;\n  remember(userKey: Uint8Array): void {\n    this.#itemKey = Buffer.from(hkdfSync('sha256', userKey, Buffer.alloc(0), 'items', 32));\n    this.#searchKey = Buffer.from(hkdfSync('sha256', userKey, Buffer.alloc(0), 'search', 32));\n  }\n  token(term: string): string {\n    return createHmac('sha256', this.#searchKey!).update(term).digest('hex');\n  }\n  lock(): void {\n    this.#itemKey?.fill(0);\n    this.#searchKey.fill(0);\n    this.#itemKey = null;\n    this.#searchKey = null;\n  }\n}\n" }] },
  ],
}
  ],
});

createRuleTester().run('no-plaintext-data-key-exposure (blind-s20 shapes)', noPlaintextDataKeyExposure, {
  valid: [
{
  name: "publishAsync of the wrapped key only",
  code: "import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';\nimport mqtt from 'mqtt';\nconst kms = new KMSClient({});\nlet conn: mqtt.MqttClient | undefined;\nfunction link(): mqtt.MqttClient {\n  conn ??= mqtt.connect(process.env.MQTT_URL!);\n  return conn;\n}\nexport async function provision(serial: string): Promise<void> {\n  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: process.env.KEK_ID, KeySpec: 'AES_256', EncryptionContext: { serial } }));\n  dk.Plaintext?.fill(0);\n  await link().publishAsync(`provision/${serial}`, JSON.stringify({ wrapped: Buffer.from(dk.CiphertextBlob!).toString('base64') }));\n}\n",
  filename: "case.ts",
}
  ],
  invalid: [
{
  name: "MQTT.js v5 publishAsync on the client mqtt.connect made",
  code: "import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';\nimport mqtt from 'mqtt';\nconst kms = new KMSClient({});\nconst conn = mqtt.connect(process.env.MQTT_URL!);\nexport async function provision(serial: string): Promise<void> {\n  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: process.env.KEK_ID, KeySpec: 'AES_256', EncryptionContext: { serial } }));\n  try {\n    await conn.publishAsync(`provision/${serial}`, JSON.stringify({ key: Buffer.from(dk.Plaintext!).toString('base64') }));\n  } finally {\n    dk.Plaintext?.fill(0);\n  }\n}\n",
  filename: "case.ts",
  errors: [
    { messageId: "dataKeyExposed", line: 6, suggestions: [{ messageId: "keepWrappedKey", output: "import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';\nimport mqtt from 'mqtt';\nconst kms = new KMSClient({});\nconst conn = mqtt.connect(process.env.MQTT_URL!);\nexport async function provision(serial: string): Promise<void> {\n  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: process.env.KEK_ID, KeySpec: 'AES_256', EncryptionContext: { serial } }));\n  try {\n    await conn.publishAsync(`provision/${serial}`, JSON.stringify({ key: Buffer.from(dk.CiphertextBlob!).toString('base64') }));\n  } finally {\n    dk.Plaintext?.fill(0);\n  }\n}\n" }] },
  ],
},
{
  name: "publishAsync through a local accessor that keeps the connection (`conn ??= mqtt.connect(…)`)",
  code: "import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';\nimport mqtt from 'mqtt';\nconst kms = new KMSClient({});\nlet conn: mqtt.MqttClient | undefined;\nfunction link(): mqtt.MqttClient {\n  conn ??= mqtt.connect(process.env.MQTT_URL!);\n  return conn;\n}\nexport async function provision(serial: string): Promise<void> {\n  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: process.env.KEK_ID, KeySpec: 'AES_256', EncryptionContext: { serial } }));\n  try {\n    await link().publishAsync(`provision/${serial}`, JSON.stringify({ key: Buffer.from(dk.Plaintext!).toString('base64') }));\n  } finally {\n    dk.Plaintext?.fill(0);\n  }\n}\n",
  filename: "case.ts",
  errors: [
    { messageId: "dataKeyExposed", line: 10, suggestions: [{ messageId: "keepWrappedKey", output: "import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';\nimport mqtt from 'mqtt';\nconst kms = new KMSClient({});\nlet conn: mqtt.MqttClient | undefined;\nfunction link(): mqtt.MqttClient {\n  conn ??= mqtt.connect(process.env.MQTT_URL!);\n  return conn;\n}\nexport async function provision(serial: string): Promise<void> {\n  const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: process.env.KEK_ID, KeySpec: 'AES_256', EncryptionContext: { serial } }));\n  try {\n    await link().publishAsync(`provision/${serial}`, JSON.stringify({ key: Buffer.from(dk.CiphertextBlob!).toString('base64') }));\n  } finally {\n    dk.Plaintext?.fill(0);\n  }\n}\n" }] },
  ],
}
  ],
});

createRuleTester().run('no-key-reuse-across-purposes (blind-s20 shapes)', noKeyReuse, {
  valid: [
{
  name: "a memoized wrap-only CryptoKey used only to wrap",
  code: "let kek: CryptoKey | undefined;\nasync function getKek(): Promise<CryptoKey> {\n  kek ??= await crypto.subtle.generateKey({ name: 'AES-KW', length: 256 }, false, ['wrapKey', 'unwrapKey']);\n  return kek;\n}\nexport async function wrapImageKey(imageKey: CryptoKey): Promise<ArrayBuffer> {\n  const k = await getKek();\n  return crypto.subtle.wrapKey('raw', imageKey, k, 'AES-KW');\n}\n",
  filename: "case.ts",
}
  ],
  invalid: [
{
  name: "a memoized CryptoKey (`cached ??= await generateKey(…)`) with mixed usages, used through its accessor: one finding, on generateKey",
  code: "let sessionKey: CryptoKey | undefined;\nasync function getSessionKey(): Promise<CryptoKey> {\n  sessionKey ??= await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey']);\n  return sessionKey;\n}\nexport async function prepare(image: ArrayBuffer, notes: Uint8Array) {\n  const wrapping = await getSessionKey();\n  const imageKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);\n  const iv = crypto.getRandomValues(new Uint8Array(12));\n  const wrapped = await crypto.subtle.wrapKey('raw', imageKey, wrapping, { name: 'AES-GCM', iv });\n  const sealedNotes = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: crypto.getRandomValues(new Uint8Array(12)) }, wrapping, notes);\n  return { wrapped, image: await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, imageKey, image), sealedNotes };\n}\n",
  filename: "case.ts",
  errors: [
    { messageId: "mixedUsages", line: 3 },
  ],
},
{
  name: "a memoized encrypt-only CryptoKey used for wrapKey through its accessor: reported on generateKey",
  code: "let cachedKey: CryptoKey | undefined;\nasync function getKey(): Promise<CryptoKey> {\n  if (!cachedKey) cachedKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);\n  return cachedKey;\n}\nexport async function seal(data: Uint8Array, other: CryptoKey) {\n  const k = await getKey();\n  const iv = crypto.getRandomValues(new Uint8Array(12));\n  const wrapped = await crypto.subtle.wrapKey('raw', other, k, { name: 'AES-GCM', iv });\n  return { wrapped, body: await crypto.subtle.encrypt({ name: 'AES-GCM', iv: crypto.getRandomValues(new Uint8Array(12)) }, k, data) };\n}\n",
  filename: "case.ts",
  errors: [
    { messageId: "outsideUsages", line: 3 },
  ],
}
  ],
});
