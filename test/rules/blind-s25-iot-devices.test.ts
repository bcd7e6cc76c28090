import minKeyStrength from '../../rules/min-key-strength';
import noKeyReuseAcrossPurposes from '../../rules/no-key-reuse-across-purposes';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import requireKeyZeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// Shapes the twenty-fifth blind set (part C: IoT devices, fleets and React Native / Expo apps) found missed or
// misjudged: AES-CMAC packages (node-aes-cmac, aes-cmac) key a MAC, so a device key also used for payload encryption is
// reuse; a key picked by a conditional where it is used (`port === 0 ? nwkSKey : appSKey`, LoRaWAN's FRMPayload key),
// at the sink or at a helper's call site, serves the call in each branch; a zero-argument local helper returning one
// secret-store slot (`SecureStore.getItemAsync(SLOT)`) is that stored secret in every function calling it (reported on
// the second conflicting use, the store being its definition); an HKDF output bound as a key id or fingerprint (`kid`)
// is no key whose size min-key-strength judges; the raw digest of an HMAC used as a key and bound to a key's name (HMAC
// as a KDF: a per-device key `HMAC(fleetMaster, serial)`) is key bytes to wipe, in place or at the call sites of a local
// helper returning it (SigV4's `kDate` chain stays a chain of tags); and a file's MD5 copied into a header that is then
// signed or MACed is an integrity field a verifier checks, not a fingerprint.

createRuleTester().run("no-key-reuse-across-purposes (blind-s25 shapes)", noKeyReuseAcrossPurposes, {
  "valid": [
    {
      "name": "a key picked at the cipher between two encryption keys; the MAC has a key of its own",
      "code": "import { createCipheriv, createHmac } from 'node:crypto';\nexport function seal(port: number, a: Buffer, b: Buffer, m: Buffer, iv: Buffer, data: Buffer) {\n  const tag = createHmac('sha256', m).update(data).digest();\n  const c = createCipheriv('aes-128-ctr', port === 0 ? a : b, iv);\n  return Buffer.concat([c.update(data), tag]);\n}\n",
      "filename": "case.ts"
    },
    {
      "name": "AES-CMAC (node-aes-cmac) with the network key, FRMPayload encryption with the application key only",
      "code": "import { createCipheriv } from 'node:crypto';\nimport { aesCmac } from 'node-aes-cmac';\nexport function uplink(s: { nwk: string; app: string }, iv: Buffer, msg: Buffer) {\n  const nwkSKey = Buffer.from(s.nwk, 'hex');\n  const appSKey = Buffer.from(s.app, 'hex');\n  const mic = aesCmac(nwkSKey, msg, { returnAsBuffer: true });\n  const c = createCipheriv('aes-128-ctr', appSKey, iv);\n  return { mic, body: c.update(msg) };\n}\n",
      "filename": "case.ts"
    },
    {
      "name": "a helper reading the slot its caller names: each slot is its own secret",
      "code": "import * as SecureStore from 'expo-secure-store';\nimport { createCipheriv, createHmac, randomBytes } from 'node:crypto';\nasync function stored(slot: string) {\n  const b64 = await SecureStore.getItemAsync(slot);\n  return Buffer.from(b64 ?? '', 'base64');\n}\nexport async function sign(m: string) {\n  const k = await stored('mac_key');\n  return createHmac('sha256', k).update(m).digest('hex');\n}\nexport async function seal(m: string) {\n  const k = await stored('enc_key');\n  return createCipheriv('aes-256-gcm', k, randomBytes(12)).update(m);\n}\n",
      "filename": "case.ts"
    },
    {
      "name": "two zero-argument helpers reading two different secret-store slots",
      "code": "import * as SecureStore from 'expo-secure-store';\nimport { createCipheriv, createHmac, randomBytes } from 'node:crypto';\nasync function macSecret() {\n  return Buffer.from((await SecureStore.getItemAsync('mac_secret'))!, 'base64');\n}\nasync function encSecret() {\n  return Buffer.from((await SecureStore.getItemAsync('enc_secret'))!, 'base64');\n}\nexport async function sign(m: string) {\n  return createHmac('sha256', await macSecret()).update(m).digest('hex');\n}\nexport async function seal(m: string) {\n  return createCipheriv('aes-256-gcm', await encSecret(), randomBytes(12)).update(m);\n}\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "a helper's key chosen at its call site (`port === 0 ? nwkSKey : appSKey`): the network key also keys the CMAC",
      "code": "import { createCipheriv } from 'node:crypto';\nimport { aesCmac } from 'node-aes-cmac';\nfunction crypt(key: Buffer, iv: Buffer, data: Buffer) {\n  const c = createCipheriv('aes-128-ctr', key, iv);\n  return Buffer.concat([c.update(data), c.final()]);\n}\nexport function uplink(s: { nwk: string; app: string }, port: number, iv: Buffer, msg: Buffer) {\n  const nwkSKey = Buffer.from(s.nwk, 'hex');\n  const appSKey = Buffer.from(s.app, 'hex');\n  const mic = aesCmac(nwkSKey, msg, { returnAsBuffer: true });\n  return { mic, payload: crypt(port === 0 ? nwkSKey : appSKey, iv, msg) };\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "reused",
          "line": 8,
          "column": 9
        }
      ]
    },
    {
      "name": "a key chosen at the cipher call that also keys an HMAC",
      "code": "import { createCipheriv, createHmac } from 'node:crypto';\nexport function seal(s: { a: string; b: string }, port: number, iv: Buffer, data: Buffer) {\n  const a = Buffer.from(s.a, 'hex');\n  const b = Buffer.from(s.b, 'hex');\n  const tag = createHmac('sha256', a).update(data).digest();\n  const c = createCipheriv('aes-128-ctr', port === 0 ? a : b, iv);\n  return Buffer.concat([c.update(data), tag]);\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "reused",
          "line": 3,
          "column": 9,
          "suggestions": [
            {
              "messageId": "deriveSubkeys",
              "output": "import { createCipheriv, createHmac, hkdfSync } from 'node:crypto';\nexport function seal(s: { a: string; b: string }, port: number, iv: Buffer, data: Buffer) {\n  const a = Buffer.from(s.a, 'hex');\n  const b = Buffer.from(s.b, 'hex');\n  const tag = createHmac('sha256', Buffer.from(hkdfSync('sha256', a, new Uint8Array(0), 'keywarden:mac', 32))).update(data).digest();\n  const c = createCipheriv('aes-128-ctr', port === 0 ? Buffer.from(hkdfSync('sha256', a, new Uint8Array(0), 'keywarden:encrypt', 16)) : b, iv);\n  return Buffer.concat([c.update(data), tag]);\n}\n"
            }
          ]
        }
      ]
    },
    {
      "name": "AES-CMAC and AES-GCM under one device key (aes-cmac's `AesCmac` class)",
      "code": "import { AesCmac } from 'aes-cmac';\nimport { createCipheriv, randomBytes } from 'node:crypto';\nexport async function frame(hex: string, body: Buffer) {\n  const deviceKey = Buffer.from(hex, 'hex');\n  const iv = randomBytes(12);\n  const c = createCipheriv('aes-128-gcm', deviceKey, iv);\n  const sealed = Buffer.concat([c.update(body), c.final(), c.getAuthTag()]);\n  const mac = await new AesCmac(deviceKey).calculate(sealed);\n  return Buffer.concat([iv, sealed, mac]);\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "reused",
          "line": 4,
          "column": 9
        }
      ]
    },
    {
      "name": "a zero-argument helper returning one secret-store slot, used for an HMAC in one function and AES-GCM in another: the second conflicting use",
      "code": "import * as SecureStore from 'expo-secure-store';\nimport { createCipheriv, createHmac, randomBytes } from 'node:crypto';\nasync function deviceSecret() {\n  const b64 = await SecureStore.getItemAsync('device_secret');\n  if (!b64) throw new Error('not enrolled');\n  return Buffer.from(b64, 'base64');\n}\nexport async function sign(m: string) {\n  const secret = await deviceSecret();\n  return createHmac('sha256', secret).update(m).digest('hex');\n}\nexport async function seal(m: string) {\n  const secret = await deviceSecret();\n  return createCipheriv('aes-256-gcm', secret, randomBytes(12)).update(m);\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "reused",
          "line": 14,
          "column": 40,
          "suggestions": [
            {
              "messageId": "deriveSubkeys",
              "output": "import * as SecureStore from 'expo-secure-store';\nimport { createCipheriv, createHmac, randomBytes, hkdfSync } from 'node:crypto';\nasync function deviceSecret() {\n  const b64 = await SecureStore.getItemAsync('device_secret');\n  if (!b64) throw new Error('not enrolled');\n  return Buffer.from(b64, 'base64');\n}\nexport async function sign(m: string) {\n  const secret = await deviceSecret();\n  return createHmac('sha256', Buffer.from(hkdfSync('sha256', secret, new Uint8Array(0), 'keywarden:mac', 32))).update(m).digest('hex');\n}\nexport async function seal(m: string) {\n  const secret = await deviceSecret();\n  return createCipheriv('aes-256-gcm', Buffer.from(hkdfSync('sha256', secret, new Uint8Array(0), 'keywarden:encrypt', 32)), randomBytes(12)).update(m);\n}\n"
            }
          ]
        }
      ]
    }
  ]
});

createRuleTester().run("min-key-strength (blind-s25 shapes)", minKeyStrength, {
  "valid": [
    {
      "name": "an 8-byte HKDF output bound as a key id (`kid`), shown as hex",
      "code": "import { hkdfSync } from 'node:crypto';\nexport function kidOf(root: Buffer, salt: Buffer) {\n  const kid = Buffer.from(hkdfSync('sha256', root, salt, 'kid/v1', 8)).toString('hex');\n  return kid;\n}\n",
      "filename": "case.ts"
    },
    {
      "name": "a key fingerprint derived with HKDF (`keyFingerprint`)",
      "code": "import { hkdfSync } from 'node:crypto';\nexport const fp = (root: Buffer) => {\n  const keyFingerprint = hkdfSync('sha256', root, '', 'fp', 6);\n  return Buffer.from(keyFingerprint).toString('base64url');\n};\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "an 8-byte HKDF output bound as a MAC key",
      "code": "import { hkdfSync } from 'node:crypto';\nexport function macKeyOf(root: Buffer, salt: Buffer) {\n  const macKey = Buffer.from(hkdfSync('sha256', root, salt, 'mac/v1', 8));\n  return macKey;\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "shortKey",
          "line": 3,
          "column": 71
        }
      ]
    },
    {
      "name": "an 8-byte HKDF output bound as an id of something else (`sessionId`) is still judged",
      "code": "import { hkdfSync } from 'node:crypto';\nexport function sid(root: Buffer) {\n  const sessionId = hkdfSync('sha256', root, '', 'sid', 8);\n  return sessionId;\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "shortKey",
          "line": 3,
          "column": 57
        }
      ]
    }
  ]
});

createRuleTester().run("require-key-zeroization (blind-s25 shapes)", requireKeyZeroization, {
  "valid": [
    {
      "name": "an HMAC-derived device key wiped in `finally`",
      "code": "import { createHmac } from 'node:crypto';\nfunction deriveDeviceKey(master: Buffer, serial: string): Buffer {\n  return createHmac('sha256', master).update(`device:${serial}`).digest();\n}\nexport function proof(master: Buffer, serial: string, ts: number) {\n  const deviceKey = deriveDeviceKey(master, serial);\n  try {\n    return createHmac('sha256', deviceKey).update(`${serial}|${ts}`).digest('hex');\n  } finally {\n    deviceKey.fill(0);\n  }\n}\n",
      "filename": "case.ts"
    },
    {
      "name": "an HMAC digest that is a tag (compared), not a key",
      "code": "import { createHmac, timingSafeEqual } from 'node:crypto';\nexport function check(key: Buffer, body: string, given: Buffer) {\n  const tag = createHmac('sha256', key).update(body).digest();\n  return tag.length === given.length && timingSafeEqual(tag, given);\n}\n",
      "filename": "case.ts"
    },
    {
      "name": "an HMAC digest returned by a helper and only sent as a signature",
      "code": "import { createHmac } from 'node:crypto';\nfunction signature(key: Buffer, body: string) {\n  return createHmac('sha256', key).update(body).digest();\n}\nexport function headers(key: Buffer, body: string) {\n  const sig = signature(key, body);\n  return { 'x-signature': sig.toString('base64') };\n}\n",
      "filename": "case.ts"
    },
    {
      "name": "SigV4's signing-key chain (`kDate`, `kRegion`, `kService`): HMAC outputs under names that do not say key stay tags",
      "code": "import { createHmac } from 'node:crypto';\nconst hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();\nexport function signingKey(secret: string, date: string, region: string, service: string): Buffer {\n  const kDate = hmac(`AWS4${secret}`, date);\n  const kRegion = hmac(kDate, region);\n  const kService = hmac(kRegion, service);\n  return hmac(kService, 'aws4_request');\n}\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "a device key derived with HMAC by a local helper, used as an HMAC key and never wiped",
      "code": "import { createHmac } from 'node:crypto';\nfunction deriveDeviceKey(master: Buffer, serial: string): Buffer {\n  return createHmac('sha256', master).update(`device:${serial}`).digest();\n}\nexport function proof(master: Buffer, serial: string, ts: number) {\n  const deviceKey = deriveDeviceKey(master, serial);\n  return createHmac('sha256', deviceKey).update(`${serial}|${ts}`).digest('hex');\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "notWiped",
          "line": 6,
          "column": 9,
          "suggestions": [
            {
              "messageId": "wrapInTryFinally",
              "output": "import { createHmac } from 'node:crypto';\nfunction deriveDeviceKey(master: Buffer, serial: string): Buffer {\n  return createHmac('sha256', master).update(`device:${serial}`).digest();\n}\nexport function proof(master: Buffer, serial: string, ts: number) {\n  const deviceKey = deriveDeviceKey(master, serial);\n  try {\n    return createHmac('sha256', deviceKey).update(`${serial}|${ts}`).digest('hex');\n  } finally {\n    deviceKey.fill(0);\n  }\n}\n"
            }
          ]
        }
      ]
    },
    {
      "name": "an encryption subkey made with HMAC in place, used by a cipher and never wiped",
      "code": "import { createCipheriv, createHmac, randomBytes } from 'node:crypto';\nexport function seal(master: Buffer, data: Buffer) {\n  const encKey = createHmac('sha256', master).update('enc').digest();\n  const iv = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', encKey, iv);\n  return Buffer.concat([iv, c.update(data), c.final(), c.getAuthTag()]);\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "notWiped",
          "line": 3,
          "column": 9,
          "suggestions": [
            {
              "messageId": "wrapInTryFinally",
              "output": "import { createCipheriv, createHmac, randomBytes } from 'node:crypto';\nexport function seal(master: Buffer, data: Buffer) {\n  const encKey = createHmac('sha256', master).update('enc').digest();\n  try {\n    const iv = randomBytes(12);\n    const c = createCipheriv('aes-256-gcm', encKey, iv);\n    return Buffer.concat([iv, c.update(data), c.final(), c.getAuthTag()]);\n  } finally {\n    encKey.fill(0);\n  }\n}\n"
            }
          ]
        }
      ]
    }
  ]
});

createRuleTester().run("no-weak-algorithm (blind-s25 shapes)", noWeakAlgorithm, {
  "valid": [
    {
      "name": "a file's MD5 only printed (a fingerprint)",
      "code": "import { createHash } from 'node:crypto';\nimport { readFileSync } from 'node:fs';\nexport function show(p: string) {\n  console.log(createHash('md5').update(readFileSync(p)).digest('hex'));\n}\n",
      "filename": "case.ts"
    },
    {
      "name": "a file's MD5 copied into a header that is only written to disk, never signed",
      "code": "import { createHash } from 'node:crypto';\nimport { readFileSync, writeFileSync } from 'node:fs';\nexport function pack(p: string, out: string) {\n  const payload = readFileSync(p);\n  const header = Buffer.alloc(16);\n  createHash('md5').update(payload).digest().copy(header, 0);\n  writeFileSync(out, Buffer.concat([header, payload]));\n}\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "a firmware image's MD5 copied into a header that is then signed: an integrity field the bootloader checks",
      "code": "import { createHash, createSign } from 'node:crypto';\nimport { readFileSync } from 'node:fs';\nexport function pack(p: string, key: string) {\n  const payload = readFileSync(p);\n  const header = Buffer.alloc(24);\n  createHash('md5').update(payload).digest().copy(header, 8);\n  const signer = createSign('sha256');\n  signer.update(header);\n  signer.update(payload);\n  return Buffer.concat([header, signer.sign(key), payload]);\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 6,
          "column": 14,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "output": "import { createHash, createSign } from 'node:crypto';\nimport { readFileSync } from 'node:fs';\nexport function pack(p: string, key: string) {\n  const payload = readFileSync(p);\n  const header = Buffer.alloc(24);\n  createHash('sha256').update(payload).digest().copy(header, 8);\n  const signer = createSign('sha256');\n  signer.update(header);\n  signer.update(payload);\n  return Buffer.concat([header, signer.sign(key), payload]);\n}\n"
            }
          ]
        }
      ]
    },
    {
      "name": "the same through `header.set(digest, offset)` with an HMAC over the header",
      "code": "import { createHash, createHmac } from 'node:crypto';\nimport { readFileSync } from 'node:fs';\nexport function pack(p: string, macKey: Buffer) {\n  const payload = readFileSync(p);\n  const header = new Uint8Array(36);\n  header.set(createHash('md5').update(payload).digest(), 4);\n  const tag = createHmac('sha256', macKey).update(header).digest();\n  return Buffer.concat([header, tag, payload]);\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 6,
          "column": 25,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "output": "import { createHash, createHmac } from 'node:crypto';\nimport { readFileSync } from 'node:fs';\nexport function pack(p: string, macKey: Buffer) {\n  const payload = readFileSync(p);\n  const header = new Uint8Array(36);\n  header.set(createHash('sha256').update(payload).digest(), 4);\n  const tag = createHmac('sha256', macKey).update(header).digest();\n  return Buffer.concat([header, tag, payload]);\n}\n"
            }
          ]
        }
      ]
    }
  ]
});
