import minKeyStrength from '../../rules/min-key-strength';
import noHardcodedKey from '../../rules/no-hardcoded-key';
import noInsecureRandomness from '../../rules/no-insecure-randomness';
import noPlaintextDataKeyExposure from '../../rules/no-plaintext-data-key-exposure';
import noStaticIv from '../../rules/no-static-iv';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import requireKeyZeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the twenty-first blind set (part C: desktop, mobile and browser-extension apps) found missed or misjudged:
// react-native-quick-crypto is node:crypto, and `Buffer` imported from React Native's port (`@craftzdog/react-native-buffer`)
// is Node's Buffer; react-native-rsa-native's RSAKeychain takes a keychain tag, not a key; a local AEAD decrypt whose
// binding is named as a data key (`const dek = gcm(kek, n).decrypt(w)`) holds key bytes even when it is only re-wrapped;
// on-device stores (MMKV, electron-store, conf, Capacitor `Preferences.set({ key, value })`) and OS keychain bridges (keytar, expo-secure-store, react-native-keychain)
// keep a KMS data key in plaintext form; a KMS `Decrypt` returned by its helper under a key-named property is a data key,
// and two KMS calls reaching one sink are two findings; an encoded copy handed on (`Buffer.from(key).toString('base64')`
// into `storage.set`) is a use of the key before a straight-line wipe; a local hex decoder may fill an `Int8Array`; a
// factory of a local type may return its objects from a conditional; and a clock read hashed together with a secret is a
// signed time, not insecure randomness.

createRuleTester().run("min-key-strength (blind-s21 shapes)", minKeyStrength, {
  valid: [
    {
      "name": "react-native-quick-crypto pbkdf2Sync at 300,000 SHA-512 iterations",
      "code": "import { pbkdf2Sync } from 'react-native-quick-crypto';\nexport function backupKey(password: string, salt: Uint8Array) {\n  return pbkdf2Sync(password, salt, 300_000, 32, 'sha512');\n}\n",
      "filename": "case.ts"
    }
  ],
  invalid: [
    {
      "name": "react-native-quick-crypto pbkdf2Sync at 100,000 SHA-512 iterations",
      "code": "import QuickCrypto from 'react-native-quick-crypto';\nexport function backupKey(password: string, salt: Uint8Array) {\n  return QuickCrypto.pbkdf2Sync(password, salt, 100_000, 32, 'sha512');\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "lowIterations",
          "line": 3,
          "column": 49,
          "suggestions": []
        }
      ]
    },
    {
      "name": "PBKDF2 iterations written in one branch of a factory of a local union type",
      "code": "export type KdfParams = { kind: 'pbkdf2'; iterations: number; salt: Uint8Array } | { kind: 'argon2id'; memoryKiB: number; salt: Uint8Array };\nexport function newKdfParams(argon2: boolean): KdfParams {\n  const salt = crypto.getRandomValues(new Uint8Array(16));\n  return argon2 ? { kind: 'argon2id', memoryKiB: 65536, salt } : { kind: 'pbkdf2', iterations: 100_000, salt };\n}\nexport async function derive(base: CryptoKey, params: KdfParams) {\n  if (params.kind !== 'pbkdf2') throw new Error('argon2 elsewhere');\n  return crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: params.salt, iterations: params.iterations }, base, 256);\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "lowIterations",
          "line": 4,
          "column": 96,
          "suggestions": []
        }
      ]
    }
  ],
});

createRuleTester().run("no-hardcoded-key (blind-s21 shapes)", noHardcodedKey, {
  valid: [
    {
      "name": "react-native-rsa-native RSAKeychain signs with the key under a keychain tag",
      "code": "import { RSAKeychain } from 'react-native-rsa-native';\nconst KEY_TAG = 'com.northbank.trusted-device';\nexport function confirm(challenge: string) {\n  return RSAKeychain.signWithAlgorithm(challenge, KEY_TAG, RSAKeychain.SHA256withRSA);\n}\n",
      "filename": "case.ts"
    }
  ],
  invalid: [
    {
      "name": "a key constant decoded by a local Int8Array hex loop (Realm keys)",
      "code": "import Realm from 'realm';\nfunction hexToBytes(hex: string): Int8Array {\n  const out = new Int8Array(hex.length / 2);\n  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(i * 2, 2), 16);\n  return out;\n}\nconst DEMO_REALM = '5f2d57e8b9f8aa07470712c1243287c07cc002cb84c034cbabb3014350533f28';\nexport function open(demo: boolean, installed: Int8Array) {\n  const encryptionKey = demo ? hexToBytes(DEMO_REALM) : installed;\n  return Realm.open({ path: 'a.realm', encryptionKey });\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "keyLikeConstant",
          "line": 7,
          "column": 20,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "DEMO_REALM",
                "format": "the same hex string"
              },
              "output": "import Realm from 'realm';\nfunction hexToBytes(hex: string): Int8Array {\n  const out = new Int8Array(hex.length / 2);\n  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(i * 2, 2), 16);\n  return out;\n}\nconst DEMO_REALM = requireEnv('DEMO_REALM');\nexport function open(demo: boolean, installed: Int8Array) {\n  const encryptionKey = demo ? hexToBytes(DEMO_REALM) : installed;\n  return Realm.open({ path: 'a.realm', encryptionKey });\n}" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    }
  ],
});

createRuleTester().run("no-insecure-randomness (blind-s21 shapes)", noInsecureRandomness, {
  valid: [
    {
      "name": "a request time hashed together with the device secret (a secret-prefix signature)",
      "code": "import * as Crypto from 'expo-crypto';\nexport async function signedHeaders(deviceSecret: string, path: string) {\n  const ts = Math.floor(Date.now() / 1000).toString();\n  const signature = await Crypto.digestStringAsync(Crypto.CryptoDigestAlgorithm.SHA256, [deviceSecret, path, ts].join('\\n'));\n  return { 'X-Ts': ts, 'X-Signature': signature };\n}\n",
      "filename": "case.ts"
    }
  ],
  invalid: [
    {
      "name": "a time hashed alone into a reset token is still reported",
      "code": "import { createHash } from 'node:crypto';\nexport function resetToken(email: string) {\n  const issued = Date.now().toString();\n  const resetToken = createHash('sha256').update([email, issued].join(':')).digest('hex');\n  return resetToken;\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 3,
          "column": 18,
          "suggestions": []
        }
      ]
    }
  ],
});

createRuleTester().run("no-plaintext-data-key-exposure (blind-s21 shapes)", noPlaintextDataKeyExposure, {
  valid: [
    {
      "name": "only the wrapped data key written to an MMKV store",
      "code": "import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms';\nimport { MMKV } from 'react-native-mmkv';\nconst kms = new KMSClient({ region: 'eu-west-1' });\nconst storage = new MMKV({ id: 'survey-keys' });\nexport async function startSurvey(surveyId: string) {\n  const { Plaintext, CiphertextBlob } = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/notes', KeySpec: 'AES_256' }));\n  Plaintext!.fill(0);\n  storage.set(`survey:${surveyId}:wrapped`, Buffer.from(CiphertextBlob!).toString('base64'));\n}\n",
      "filename": "case.ts"
    },
    {
      "name": "an app secret (not from KMS) kept with keytar",
      "code": "import keytar from 'keytar';\nimport { randomBytes } from 'node:crypto';\nexport async function cacheMacKey() {\n  const existing = await keytar.getPassword('Glint', 'cache-mac');\n  if (existing) return existing;\n  const fresh = randomBytes(32).toString('base64');\n  await keytar.setPassword('Glint', 'cache-mac', fresh);\n  return fresh;\n}\n",
      "filename": "case.ts"
    },
    {
      "name": "only the wrapped key stored with Capacitor's Preferences.set({ key, value })",
      "code": "import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms';\nimport { Preferences } from '@capacitor/preferences';\nconst kms = new KMSClient({ region: 'eu-west-1' });\nexport async function cacheKey(id: string) {\n  const { Plaintext, CiphertextBlob } = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/notes', KeySpec: 'AES_256' }));\n  Plaintext!.fill(0);\n  await Preferences.set({ key: `dek:${id}`, value: Buffer.from(CiphertextBlob!).toString('base64') });\n}\n",
      "filename": "case.ts"
    }
  ],
  invalid: [
    {
      "name": "a KMS data key written to an MMKV store",
      "code": "import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms';\nimport { MMKV } from 'react-native-mmkv';\nconst kms = new KMSClient({ region: 'eu-west-1' });\nconst storage = new MMKV({ id: 'survey-keys' });\nexport async function startSurvey(surveyId: string) {\n  const { Plaintext, CiphertextBlob } = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/notes', KeySpec: 'AES_256' }));\n  storage.set(`survey:${surveyId}:wrapped`, Buffer.from(CiphertextBlob!).toString('base64'));\n  try {\n    storage.set(`survey:${surveyId}:key`, Buffer.from(Plaintext!).toString('base64'));\n  } finally {\n    Plaintext!.fill(0);\n  }\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "dataKeyExposed",
          "line": 6,
          "column": 56,
          "suggestions": [
            {
              "messageId": "keepWrappedKey",
              "data": {
                "wrapped": "CiphertextBlob!"
              },
              "output": "import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms';\nimport { MMKV } from 'react-native-mmkv';\nconst kms = new KMSClient({ region: 'eu-west-1' });\nconst storage = new MMKV({ id: 'survey-keys' });\nexport async function startSurvey(surveyId: string) {\n  const { Plaintext, CiphertextBlob } = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/notes', KeySpec: 'AES_256' }));\n  storage.set(`survey:${surveyId}:wrapped`, Buffer.from(CiphertextBlob!).toString('base64'));\n  try {\n    storage.set(`survey:${surveyId}:key`, Buffer.from(CiphertextBlob!).toString('base64'));\n  } finally {\n    Plaintext!.fill(0);\n  }\n}\n"
            }
          ]
        }
      ]
    },
    {
      "name": "KMS data keys (decrypted or generated) parked in the OS keychain with keytar",
      "code": "import keytar from 'keytar';\nimport { KMSClient, DecryptCommand, GenerateDataKeyCommand } from '@aws-sdk/client-kms';\nconst kms = new KMSClient({ region: 'us-west-2' });\nasync function fromKms(stored: Uint8Array | null) {\n  if (stored) {\n    const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: stored }));\n    return { key: Plaintext! };\n  }\n  const { Plaintext, CiphertextBlob } = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/mail', KeySpec: 'AES_256' }));\n  return { key: Plaintext!, wrapped: CiphertextBlob };\n}\nexport async function park(mailbox: string, stored: Uint8Array | null) {\n  const { key } = await fromKms(stored);\n  try {\n    await keytar.setPassword('Mail', mailbox, Buffer.from(key).toString('base64'));\n  } finally {\n    key.fill(0);\n  }\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "dataKeyExposed",
          "line": 6,
          "column": 42,
          "suggestions": []
        },
        {
          "messageId": "dataKeyExposed",
          "line": 9,
          "column": 56,
          "suggestions": []
        }
      ]
    },
    {
      "name": "a KMS data key stored with Capacitor's Preferences.set({ key, value })",
      "code": "import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms';\nimport { Preferences } from '@capacitor/preferences';\nconst kms = new KMSClient({ region: 'eu-west-1' });\nexport async function cacheKey(id: string) {\n  const { Plaintext } = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/notes', KeySpec: 'AES_256' }));\n  try {\n    await Preferences.set({ key: `dek:${id}`, value: Buffer.from(Plaintext!).toString('base64') });\n  } finally {\n    Plaintext!.fill(0);\n  }\n}\n",
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

createRuleTester().run("no-static-iv (blind-s21 shapes)", noStaticIv, {
  valid: [
    {
      "name": "a random IV next to the Buffer of '@craftzdog/react-native-buffer'",
      "code": "import QuickCrypto from 'react-native-quick-crypto';\nimport { Buffer } from '@craftzdog/react-native-buffer';\nexport function seal(key: Uint8Array, text: string) {\n  const iv = QuickCrypto.randomBytes(12);\n  const cipher = QuickCrypto.createCipheriv('aes-256-gcm', key, iv);\n  return Buffer.concat([iv, cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]);\n}\n",
      "filename": "case.ts"
    }
  ],
  invalid: [
    {
      "name": "a zero IV from the Buffer of '@craftzdog/react-native-buffer'",
      "code": "import QuickCrypto from 'react-native-quick-crypto';\nimport { Buffer } from '@craftzdog/react-native-buffer';\nexport function seal(key: Uint8Array, text: string) {\n  const cipher = QuickCrypto.createCipheriv('aes-256-gcm', key, Buffer.alloc(12));\n  return Buffer.concat([cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]);\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "zeroIv",
          "line": 4,
          "column": 65,
          "suggestions": []
        }
      ]
    }
  ],
});

createRuleTester().run("no-weak-algorithm (blind-s21 shapes)", noWeakAlgorithm, {
  valid: [],
  invalid: [
    {
      "name": "react-native-rsa-native RSAKeychain.SHA1withRSA",
      "code": "import { RSAKeychain } from 'react-native-rsa-native';\nexport function confirm(challenge: string) {\n  return RSAKeychain.signWithAlgorithm(challenge, 'com.northbank.trusted-device', RSAKeychain.SHA1withRSA);\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 3,
          "column": 83,
          "suggestions": []
        }
      ]
    }
  ],
});

createRuleTester().run("require-key-zeroization (blind-s21 shapes)", requireKeyZeroization, {
  valid: [
    {
      "name": "a keychain secret decoded with the imported Buffer and wiped in finally",
      "code": "import QuickCrypto from 'react-native-quick-crypto';\nimport { Buffer } from '@craftzdog/react-native-buffer';\nimport * as Keychain from 'react-native-keychain';\nexport async function seal(plain: Buffer) {\n  const creds = await Keychain.getGenericPassword({ service: 'files' });\n  if (!creds) throw new Error('no key');\n  const keyBytes = Buffer.from(creds.password, 'base64');\n  try {\n    const iv = QuickCrypto.randomBytes(12);\n    const cipher = QuickCrypto.createCipheriv('aes-256-gcm', keyBytes, iv);\n    return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);\n  } finally {\n    keyBytes.fill(0);\n  }\n}\n",
      "filename": "case.ts"
    },
    {
      "name": "a note decrypted by a noble cipher (not named as a key) is data",
      "code": "import { gcm } from '@noble/ciphers/aes';\nexport function openNote(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array) {\n  const body = gcm(key, nonce).decrypt(sealed);\n  return new TextDecoder().decode(body);\n}\n",
      "filename": "case.ts"
    },
    {
      "name": "a key wiped right after a KeyObject is made from its copy",
      "code": "import { createSecretKey, randomBytes } from 'node:crypto';\nexport function keyObject() {\n  const raw = randomBytes(32);\n  const key = createSecretKey(Buffer.from(raw));\n  raw.fill(0);\n  return key;\n}\n",
      "filename": "case.ts"
    }
  ],
  invalid: [
    {
      "name": "a keychain secret decoded with the imported Buffer and never wiped",
      "code": "import QuickCrypto from 'react-native-quick-crypto';\nimport { Buffer } from '@craftzdog/react-native-buffer';\nimport * as Keychain from 'react-native-keychain';\nexport async function seal(plain: Buffer) {\n  const creds = await Keychain.getGenericPassword({ service: 'files' });\n  if (!creds) throw new Error('no key');\n  const keyBytes = Buffer.from(creds.password, 'base64');\n  const iv = QuickCrypto.randomBytes(12);\n  const cipher = QuickCrypto.createCipheriv('aes-256-gcm', keyBytes, iv);\n  return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "notWiped",
          "line": 7,
          "column": 9,
          "suggestions": [
            {
              "messageId": "wrapInTryFinally",
              "data": {
                "name": "keyBytes",
                "what": "a copy of a secret",
                "wipe": "keyBytes.fill(0)"
              },
              "output": "import QuickCrypto from 'react-native-quick-crypto';\nimport { Buffer } from '@craftzdog/react-native-buffer';\nimport * as Keychain from 'react-native-keychain';\nexport async function seal(plain: Buffer) {\n  const creds = await Keychain.getGenericPassword({ service: 'files' });\n  if (!creds) throw new Error('no key');\n  const keyBytes = Buffer.from(creds.password, 'base64');\n  try {\n    const iv = QuickCrypto.randomBytes(12);\n    const cipher = QuickCrypto.createCipheriv('aes-256-gcm', keyBytes, iv);\n    return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);\n  } finally {\n    keyBytes.fill(0);\n  }\n}\n"
            }
          ]
        }
      ]
    },
    {
      "name": "a DEK unwrapped by a noble cipher and re-wrapped, skipped by an early return",
      "code": "import { gcm } from '@noble/ciphers/aes';\nexport function rewrap(oldKek: Uint8Array, newKek: Uint8Array, nonce: Uint8Array, wrapped: Uint8Array, version: number, expected: number) {\n  const dek = gcm(oldKek, nonce).decrypt(wrapped);\n  if (version !== expected) return undefined;\n  try {\n    const fresh = crypto.getRandomValues(new Uint8Array(12));\n    return { nonce: fresh, wrapped: gcm(newKek, fresh).encrypt(dek) };\n  } finally {\n    dek.fill(0);\n  }\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "wipedOnHappyPathOnly",
          "line": 3,
          "column": 9,
          "suggestions": [
            {
              "messageId": "wrapInTryFinally",
              "data": {
                "name": "dek",
                "what": "an unwrapped key",
                "wipe": "dek.fill(0)"
              },
              "output": "import { gcm } from '@noble/ciphers/aes';\nexport function rewrap(oldKek: Uint8Array, newKek: Uint8Array, nonce: Uint8Array, wrapped: Uint8Array, version: number, expected: number) {\n  const dek = gcm(oldKek, nonce).decrypt(wrapped);\n  try {\n    if (version !== expected) return undefined;\n    try {\n      const fresh = crypto.getRandomValues(new Uint8Array(12));\n      return { nonce: fresh, wrapped: gcm(newKek, fresh).encrypt(dek) };\n    } finally {\n      dek.fill(0);\n    }\n  } finally {\n    dek.fill(0);\n  }\n}\n"
            }
          ]
        }
      ]
    },
    {
      "name": "a KMS key wiped straight after its base64 copy was stored",
      "code": "import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms';\nimport { MMKV } from 'react-native-mmkv';\nconst kms = new KMSClient({ region: 'eu-west-1' });\nconst storage = new MMKV({ id: 'k' });\nexport async function start(id: string) {\n  const { Plaintext } = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/notes', KeySpec: 'AES_256' }));\n  storage.set(id, Buffer.from(Plaintext!).toString('base64'));\n  Plaintext!.fill(0);\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "wipedOnHappyPathOnly",
          "line": 6,
          "column": 11,
          "suggestions": [
            {
              "messageId": "wrapInTryFinally",
              "data": {
                "name": "Plaintext",
                "what": "a plaintext KMS data key",
                "wipe": "Plaintext?.fill(0)"
              },
              "output": "import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms';\nimport { MMKV } from 'react-native-mmkv';\nconst kms = new KMSClient({ region: 'eu-west-1' });\nconst storage = new MMKV({ id: 'k' });\nexport async function start(id: string) {\n  const { Plaintext } = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/notes', KeySpec: 'AES_256' }));\n  try {\n    storage.set(id, Buffer.from(Plaintext!).toString('base64'));\n  } finally {\n    Plaintext?.fill(0);\n  }\n}\n"
            }
          ]
        }
      ]
    }
  ],
});
