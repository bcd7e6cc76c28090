import noHardcodedKey from '../../rules/no-hardcoded-key';
import noKeyReuse from '../../rules/no-key-reuse-across-purposes';
import noPlaintextDataKeyExposure from '../../rules/no-plaintext-data-key-exposure';
import requireKeyZeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the seventeenth blind set (part D: runtimes and app shapes) found missed: the encryption key of an on-device
// store (react-native-mmkv `new MMKV({ encryptionKey })`, electron-store), a key-named AWS CDK secret given
// `SecretValue.unsafePlainText('…')`, an HKDF `deriveKey` to an HMAC key whose `sign`/`verify` usages are a MAC (the
// derived key's algorithm is its third argument), and a KMS plaintext returned as is by a local async helper (each
// caller's binding holds the key; exposure stays one finding, on the helper's KMS call).

createRuleTester().run("no-hardcoded-key (blind-s17 shapes)", noHardcodedKey, {
  valid: [
{
  "name": "an MMKV key read from the secure store",
  "code": "import { MMKV } from 'react-native-mmkv';\nimport * as SecureStore from 'expo-secure-store';\nexport async function openVault(): Promise<MMKV> {\n  const encryptionKey = await SecureStore.getItemAsync('vault_key');\n  if (!encryptionKey) throw new Error('vault key missing');\n  return new MMKV({ id: 'vault', encryptionKey });\n}\n",
  "filename": "case.ts"
},
{
  "name": "CDK secrets given as a SecretValue parameter, and a plain-text user name",
  "code": "import { SecretValue, Stack } from 'aws-cdk-lib';\nimport * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';\nexport function addSecrets(stack: Stack, signingSecret: SecretValue) {\n  new secretsmanager.Secret(stack, 'ReceiptSigningSecret', { secretStringValue: signingSecret });\n  new secretsmanager.Secret(stack, 'DbUser', { secretObjectValue: { username: SecretValue.unsafePlainText('reporting_app') } });\n}\n",
  "filename": "case.ts"
}
  ],
  invalid: [
{
  "name": "react-native-mmkv encryptionKey written in the code",
  "code": "import { MMKV } from 'react-native-mmkv';\nexport const secure = new MMKV({ id: 'vault', encryptionKey: 'p3Zs!8QwLk2#vR7e' });\n",
  "filename": "case.ts",
  "errors": [
    {
      "messageId": "hardcodedKey",
      "line": 2,
      "column": 62,
      "suggestions": [
        {
          "messageId": "readFromEnvironment",
          "data": {
            "envVar": "MMKV_ENCRYPTION_KEY",
            "format": "the same string"
          },
          "output": "import { MMKV } from 'react-native-mmkv';\nexport const secure = new MMKV({ id: 'vault', encryptionKey: requireEnv('MMKV_ENCRYPTION_KEY') });" + REQUIRE_ENV_TS + "\n"
        }
      ]
    }
  ]
},
{
  "name": "electron-store encryptionKey written in the code",
  "code": "const Store = require('electron-store');\nmodule.exports = new Store({ name: 'prefs', encryptionKey: 'Xv9#qL2m!Tz7wR4k' });\n",
  "filename": "case.ts",
  "errors": [
    {
      "messageId": "hardcodedKey",
      "line": 2,
      "column": 60,
      "suggestions": [
        {
          "messageId": "readFromEnvironment",
          "data": {
            "envVar": "STORE_ENCRYPTION_KEY",
            "format": "the same string"
          },
          "output": "const Store = require('electron-store');\nmodule.exports = new Store({ name: 'prefs', encryptionKey: requireEnv('STORE_ENCRYPTION_KEY') });" + REQUIRE_ENV_TS + "\n"
        }
      ]
    }
  ]
},
{
  "name": "a key-named CDK secret given SecretValue.unsafePlainText of a hex key",
  "code": "import { SecretValue, Stack } from 'aws-cdk-lib';\nimport * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';\nexport function addSecret(stack: Stack) {\n  return new secretsmanager.Secret(stack, 'ReceiptSigningSecret', {\n    secretStringValue: SecretValue.unsafePlainText('5e2b9c07d4a1f8e36b0c9d2a7f4e1b8c3d6a9f0e2b5c8d1a4f7e0b3c6d9a2f5e'),\n  });\n}\n",
  "filename": "case.ts",
  "errors": [
    {
      "messageId": "keyLikeConstant",
      "line": 5,
      "column": 52,
      "suggestions": [
        {
          "messageId": "readFromEnvironment",
          "data": {
            "envVar": "SECRET_KEY",
            "format": "the same hex string"
          },
          "output": "import { SecretValue, Stack } from 'aws-cdk-lib';\nimport * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';\n\nconst SECRET_KEY = requireEnv('SECRET_KEY');\nexport function addSecret(stack: Stack) {\n  return new secretsmanager.Secret(stack, 'ReceiptSigningSecret', {\n    secretStringValue: SecretValue.unsafePlainText(SECRET_KEY),\n  });\n}" + REQUIRE_ENV_TS + "\n"
        }
      ]
    }
  ]
}
  ],
});

createRuleTester().run("no-key-reuse-across-purposes (blind-s17 shapes)", noKeyReuse, {
  valid: [
{
  "name": "HKDF deriveKey subkeys: an HMAC key that signs and an AES-GCM key",
  "code": "const te = new TextEncoder();\nexport async function subkeys(master: string) {\n  const base = await crypto.subtle.importKey('raw', te.encode(master), 'HKDF', false, ['deriveKey']);\n  const salt = te.encode('app/v1');\n  const enc = await crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt, info: te.encode('enc') }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);\n  const mac = await crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt, info: te.encode('mac') }, base, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign', 'verify']);\n  const tag = await crypto.subtle.sign('HMAC', mac, te.encode('hello'));\n  const iv = crypto.getRandomValues(new Uint8Array(12));\n  const body = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, enc, te.encode('hello'));\n  return { tag, iv, body };\n}\n",
  "filename": "case.ts"
}
  ],
  invalid: [],
});

createRuleTester().run("require-key-zeroization (blind-s17 shapes)", requireKeyZeroization, {
  valid: [
{
  "name": "a KMS plaintext returned by a local helper, wiped by the caller in finally",
  "code": "import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';\nimport { createDecipheriv } from 'node:crypto';\nconst kms = new KMSClient({});\nasync function unwrap(wrapped: string) {\n  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: Buffer.from(wrapped, 'base64') }));\n  if (!Plaintext) throw new Error('none');\n  return Plaintext;\n}\nexport async function open(wrapped: string, iv: Buffer, data: Buffer) {\n  const key = await unwrap(wrapped);\n  try {\n    const d = createDecipheriv('aes-256-gcm', key, iv);\n    return Buffer.concat([d.update(data), d.final()]);\n  } finally {\n    key.fill(0);\n  }\n}\n",
  "filename": "case.ts"
},
{
  "name": "a helper that also caches the key it returns: the caller shares it and must not wipe",
  "code": "import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';\nimport { createDecipheriv } from 'node:crypto';\nconst kms = new KMSClient({});\nconst keys = new Map<string, Uint8Array>();\nasync function tenantKey(tenantId: string, wrapped: string) {\n  const cached = keys.get(tenantId);\n  if (cached) return cached;\n  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: Buffer.from(wrapped, 'base64'), EncryptionContext: { tenantId } }));\n  keys.set(tenantId, Plaintext!);\n  return Plaintext!;\n}\nexport async function open(tenantId: string, wrapped: string, iv: Buffer, data: Buffer) {\n  const key = await tenantKey(tenantId, wrapped);\n  const d = createDecipheriv('aes-256-gcm', key, iv);\n  return Buffer.concat([d.update(data), d.final()]);\n}\n",
  "filename": "case.ts"
}
  ],
  invalid: [
{
  "name": "a KMS plaintext returned as is by a local async helper, never wiped by the caller",
  "code": "import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';\nimport { createDecipheriv } from 'node:crypto';\nconst kms = new KMSClient({});\nasync function unwrap(wrapped: string) {\n  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: Buffer.from(wrapped, 'base64') }));\n  if (!Plaintext) throw new Error('none');\n  return Plaintext;\n}\nexport async function open(wrapped: string, iv: Buffer, data: Buffer) {\n  const key = await unwrap(wrapped);\n  const d = createDecipheriv('aes-256-gcm', key, iv);\n  return Buffer.concat([d.update(data), d.final()]);\n}\n",
  "filename": "case.ts",
  "errors": [
    {
      "messageId": "notWiped",
      "line": 10,
      "column": 9,
      "suggestions": [
        {
          "messageId": "wrapInTryFinally",
          "data": {
            "name": "key",
            "what": "a plaintext KMS data key",
            "wipe": "key?.fill(0)"
          },
          "output": "import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';\nimport { createDecipheriv } from 'node:crypto';\nconst kms = new KMSClient({});\nasync function unwrap(wrapped: string) {\n  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: Buffer.from(wrapped, 'base64') }));\n  if (!Plaintext) throw new Error('none');\n  return Plaintext;\n}\nexport async function open(wrapped: string, iv: Buffer, data: Buffer) {\n  const key = await unwrap(wrapped);\n  try {\n    const d = createDecipheriv('aes-256-gcm', key, iv);\n    return Buffer.concat([d.update(data), d.final()]);\n  } finally {\n    key?.fill(0);\n  }\n}\n"
        }
      ]
    }
  ]
}
  ],
});

createRuleTester().run("no-plaintext-data-key-exposure (blind-s17 shapes)", noPlaintextDataKeyExposure, {
  valid: [],
  invalid: [
{
  "name": "a key returned by an unwrap helper and written to disk by its caller: one finding, on the KMS call",
  "code": "import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';\nimport { writeFileSync } from 'node:fs';\nconst kms = new KMSClient({});\nasync function unwrapKey(wrappedKey: Uint8Array) {\n  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrappedKey }));\n  return Plaintext!;\n}\nexport async function escrow(wrappedKey: Uint8Array, file: string) {\n  const key = await unwrapKey(wrappedKey);\n  try {\n    writeFileSync(file, key, { mode: 0o400 });\n  } finally {\n    key.fill(0);\n  }\n}\n",
  "filename": "case.ts",
  "errors": [
    {
      "messageId": "dataKeyExposed",
      "line": 5,
      "column": 40,
      "suggestions": []
    }
  ]
}
  ],
});
