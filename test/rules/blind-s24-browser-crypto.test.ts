import noHardcodedKey from '../../rules/no-hardcoded-key';
import noKeyReuseAcrossPurposes from '../../rules/no-key-reuse-across-purposes';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import requireKeyZeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the twenty-fourth blind set (part C: browser and client-side crypto — SPAs, PWAs, service workers, web workers)
// found missed or misjudged: a binding named only `…Key` (`DEMO_ROOM_KEY`) whose value is 16, 24, 32 or 64 bytes decoded
// from written hex or base64 text is key material (a lookup key is text, never decoded to a key's length); a hand-written
// base64 decoder (`const bin = atob(b64)` read code by code into a `Uint8Array`) decodes its parameter; js-md5's and
// js-sha1's named ES-module exports (`import { md5 } from 'js-md5'`) are the same digest functions; a static file's URL
// ending in `?v=` before the digest is cache busting; a `useState` setter keeps what it is given as component state (an
// escape, like a field); a local helper that converts its parameter to text (`btoa(String.fromCharCode(...bytes))`) is a
// string conversion of the key it is given (strict); and HKDF `deriveKey` parameters built by a local helper
// (`hkdf('vault/items')`) are told apart by each call's own argument, not by the helper's one `info` expression.

createRuleTester().run("no-hardcoded-key (blind-s24 shapes)", noHardcodedKey, {
  "valid": [
    {
      "name": "a room key decoded from the URL fragment (not a constant)",
      "code": "import { decodeBase64 } from 'tweetnacl-util';\nconst ROOM_KEY = decodeBase64(location.hash.slice(3));\nexport default ROOM_KEY;\n",
      "filename": "case.ts"
    },
    {
      "name": "a key named for the other party (the server's X25519 public key, 32 bytes too)",
      "code": "import nacl from 'tweetnacl';\nimport { decodeBase64 } from 'tweetnacl-util';\nconst SERVER_KEY = decodeBase64('QAFtE651PbNyzXfnSaM37Fc1BI+3UhQe4HwwffsJZYY=');\nexport const seal = (m: Uint8Array, n: Uint8Array, mine: Uint8Array) => nacl.box(m, n, SERVER_KEY, mine);\n",
      "filename": "case.ts"
    },
    {
      "name": "a key named public",
      "code": "import { decodeBase64 } from 'tweetnacl-util';\nexport const PUBLIC_ROOM_KEY = decodeBase64('XvNFoXZ8x18ptbZht4DGCdBiXswrWzcNpO+SKUH56u8=');\n",
      "filename": "case.ts"
    },
    {
      "name": "lookup keys written as text (a store slot, a Redis-style room key)",
      "code": "export const STORE_KEY = 'taskboard-store-v3';\nexport const ROOM_KEY = 'room:lobby:v2';\n",
      "filename": "case.ts"
    },
    {
      "name": "the same `atob` loop helper decoding an environment key with no fallback",
      "code": "function b64ToBytes(b64: string): Uint8Array {\n  const bin = atob(b64);\n  const out = new Uint8Array(bin.length);\n  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);\n  return out;\n}\nexport const key = crypto.subtle.importKey('raw', b64ToBytes(import.meta.env.VITE_SYNC_KEY), 'AES-GCM', false, ['encrypt']);\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "a key named only `…_KEY` holding 32 bytes decoded from base64 text (tweetnacl-util), no sink in the file",
      "code": "import { decodeBase64 } from 'tweetnacl-util';\nconst DEMO_ROOM_KEY = decodeBase64('N3ek4KtuSJVSyo3lMynR5x5ELg2uDfMB5nM9ABnNdg4=');\nexport const keyForRoom = (id: string, fromLink: Uint8Array) => (id === 'demo' ? DEMO_ROOM_KEY : fromLink);\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "keyLikeConstant",
          "line": 2,
          "column": 36,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { decodeBase64 } from 'tweetnacl-util';\nconst DEMO_ROOM_KEY = decodeBase64(requireEnv('SECRET_KEY'));\nexport const keyForRoom = (id: string, fromLink: Uint8Array) => (id === 'demo' ? DEMO_ROOM_KEY : fromLink);" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    },
    {
      "name": "a `roomKey` of 32 bytes decoded from hex",
      "code": "const roomKey = Buffer.from('e137447f0e04949ec409559ad101277b6926a489e0e03d12c1101dd6f81410b3', 'hex');\nexport default roomKey;\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "keyLikeConstant",
          "line": 1,
          "column": 29,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "const roomKey = Buffer.from(requireEnv('ROOM_KEY'), 'hex');\nexport default roomKey;" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    },
    {
      "name": "an `import.meta.env` fallback decoded by a local `atob` + `charCodeAt` loop into `importKey`",
      "code": "const SYNC_KEY_B64 = import.meta.env.VITE_SYNC_KEY ?? 'Cgu3/UKrXu8g/sB+YiWZU8u9BV1E8/1y61mPjJwG7ao=';\nfunction b64ToBytes(b64: string): Uint8Array {\n  const bin = atob(b64);\n  const out = new Uint8Array(bin.length);\n  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);\n  return out;\n}\nexport const key = crypto.subtle.importKey('raw', b64ToBytes(SYNC_KEY_B64), 'AES-GCM', false, ['encrypt']);\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "hardcodedFallback",
          "line": 1,
          "column": 55,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "const SYNC_KEY_B64 = requireEnv('VITE_SYNC_KEY');\nfunction b64ToBytes(b64: string): Uint8Array {\n  const bin = atob(b64);\n  const out = new Uint8Array(bin.length);\n  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);\n  return out;\n}\nexport const key = crypto.subtle.importKey('raw', b64ToBytes(SYNC_KEY_B64), 'AES-GCM', false, ['encrypt']);" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    }
  ]
});

createRuleTester().run("no-weak-algorithm (blind-s24 shapes)", noWeakAlgorithm, {
  "valid": [
    {
      "name": "MD5 as a stylesheet URL's `?v=` cache-busting parameter",
      "code": "import CryptoJS from 'crypto-js';\nexport function themeUrl(cssText: string) {\n  return '/classic/theme.css?v=' + CryptoJS.MD5(cssText).toString().slice(0, 10);\n}\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "js-md5's named export in `strict` (a cache entry name)",
      "code": "import { md5 } from 'js-md5';\nexport const entryFor = (url: string) => `/__img/${md5(url)}`;\n",
      "filename": "case.ts",
      "options": [
        {
          "allowFingerprints": false,
          "allowHashHelpers": false,
          "requireAuthenticatedEncryption": true,
          "requirePinnedJwtAlgorithms": "always"
        }
      ],
      "errors": [
        {
          "messageId": "weakHash",
          "line": 2,
          "column": 52
        }
      ]
    },
    {
      "name": "js-md5's named export hashing a password",
      "code": "import { md5 } from 'js-md5';\nexport const legacyProof = (password: string) => md5(password);\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 2,
          "column": 50
        }
      ]
    },
    {
      "name": "js-sha1's named export's `hex` form hashing a password",
      "code": "import { sha1 } from 'js-sha1';\nexport const legacyProof = (password: string) => sha1.hex(password);\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 2,
          "column": 55
        }
      ]
    },
    {
      "name": "MD5 in an API URL's `?v=` parameter (no static file: purpose unknown)",
      "code": "import CryptoJS from 'crypto-js';\nexport function loginUrl(body: string) {\n  return '/api/login?v=' + CryptoJS.MD5(body).toString();\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 3,
          "column": 37,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "output": "import CryptoJS from 'crypto-js';\nexport function loginUrl(body: string) {\n  return '/api/login?v=' + CryptoJS.SHA256(body).toString();\n}\n"
            }
          ]
        }
      ]
    }
  ]
});

createRuleTester().run("require-key-zeroization (blind-s24 shapes)", requireKeyZeroization, {
  "valid": [
    {
      "name": "deriveBits bytes (a view of them) kept as React component state through the `useState` setter",
      "code": "import { useState } from 'react';\nexport function useVault(salt: Uint8Array) {\n  const [raw, setRaw] = useState<Uint8Array | null>(null);\n  async function unlock(base: CryptoKey) {\n    const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 600000 }, base, 256);\n    const bytes = new Uint8Array(bits);\n    const key = await crypto.subtle.importKey('raw', bytes, 'AES-GCM', false, ['encrypt']);\n    setRaw(bytes);\n    return key;\n  }\n  return { raw, unlock };\n}\n",
      "filename": "case.tsx"
    },
    {
      "name": "a local helper that only reads the key's length",
      "code": "function describe(bytes: Uint8Array): string {\n  return `${bytes.length * 8}-bit key`;\n}\nexport async function keySize(key: CryptoKey) {\n  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', key));\n  try {\n    return describe(raw);\n  } finally {\n    raw.fill(0);\n  }\n}\n",
      "filename": "case.ts",
      "options": [
        {
          "checkStringConversion": true
        }
      ]
    }
  ],
  "invalid": [
    {
      "name": "the same bytes handed to a local function that only reads them",
      "code": "import { useState } from 'react';\nexport function useVault(salt: Uint8Array) {\n  const [raw] = useState<Uint8Array | null>(null);\n  const show = (b: Uint8Array) => console.log(b.length);\n  async function unlock(base: CryptoKey) {\n    const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 600000 }, base, 256);\n    const bytes = new Uint8Array(bits);\n    const key = await crypto.subtle.importKey('raw', bytes, 'AES-GCM', false, ['encrypt']);\n    show(bytes);\n    return key;\n  }\n  return { raw, unlock };\n}\n",
      "filename": "case.tsx",
      "errors": [
        {
          "messageId": "notWiped",
          "line": 6,
          "column": 11,
          "suggestions": [
            {
              "messageId": "wrapInTryFinally",
              "output": "import { useState } from 'react';\nexport function useVault(salt: Uint8Array) {\n  const [raw] = useState<Uint8Array | null>(null);\n  const show = (b: Uint8Array) => console.log(b.length);\n  async function unlock(base: CryptoKey) {\n    const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 600000 }, base, 256);\n    try {\n      const bytes = new Uint8Array(bits);\n      const key = await crypto.subtle.importKey('raw', bytes, 'AES-GCM', false, ['encrypt']);\n      show(bytes);\n      return key;\n    } finally {\n      new Uint8Array(bits).fill(0);\n    }\n  }\n  return { raw, unlock };\n}\n"
            }
          ]
        }
      ]
    },
    {
      "name": "exported key bytes turned into a string by a local `btoa(String.fromCharCode(...))` helper",
      "code": "function b64url(bytes: Uint8Array): string {\n  return btoa(String.fromCharCode(...bytes)).replace(/=+$/, '');\n}\nexport async function shareLink(key: CryptoKey, id: string) {\n  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', key));\n  try {\n    return `/s/${id}#${b64url(raw)}`;\n  } finally {\n    raw.fill(0);\n  }\n}\n",
      "filename": "case.ts",
      "options": [
        {
          "checkStringConversion": true
        }
      ],
      "errors": [
        {
          "messageId": "keyToString",
          "line": 7,
          "column": 24
        }
      ]
    }
  ]
});

createRuleTester().run("no-key-reuse-across-purposes (blind-s24 shapes)", noKeyReuseAcrossPurposes, {
  "valid": [
    {
      "name": "HKDF `deriveKey` parameters built by a local helper, distinct labels",
      "code": "const te = new TextEncoder();\nexport async function subkeys(master: CryptoKey) {\n  const hkdf = (info: string) => ({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: te.encode(info) });\n  const items = await crypto.subtle.deriveKey(hkdf('vault/items'), master, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);\n  const index = await crypto.subtle.deriveKey(hkdf('vault/index'), master, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign']);\n  return { items, index };\n}\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "HKDF `deriveKey` parameters built by a local helper, the same label for AES-GCM and HMAC",
      "code": "const te = new TextEncoder();\nexport async function subkeys(master: CryptoKey, data: Uint8Array) {\n  const hkdf = (info: string) => ({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: te.encode(info) });\n  const items = await crypto.subtle.deriveKey(hkdf('vault'), master, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);\n  const index = await crypto.subtle.deriveKey(hkdf('vault'), master, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign']);\n  const iv = crypto.getRandomValues(new Uint8Array(12));\n  return { ct: await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, items, data), tag: await crypto.subtle.sign('HMAC', index, data) };\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "reused",
          "line": 4,
          "column": 23
        }
      ]
    }
  ]
});
