import noHardcodedKey from '../../rules/no-hardcoded-key';
import noKeyReuseAcrossPurposes from '../../rules/no-key-reuse-across-purposes';
import noPlaintextDataKeyExposure from '../../rules/no-plaintext-data-key-exposure';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the twenty-third blind set (part C: media, streaming, CDN and games) found missed or misjudged: a key-named
// object literal that holds several keys (`CONTENT_KEYS = { [kid]: '…' }`, a ClearKey licence server's content keys, a
// `keyring`) is a keyring with one key per property (not a table of wrapped keys: ciphertext), and `content` qualifies a
// key name (DRM content keys; not `segment`, whose analytics write key is public); a JWK literal's secret member (`k`
// next to `kty`, an EC/RSA/OKP `d`) is key material wherever the JWK goes (a licence response); the CloudFront signers
// (`@aws-sdk/cloudfront-signer`, `aws-cloudfront-sign`, SDK v2 `CloudFront.Signer`) and Akamai's `EdgeAuth` are
// modelled as signing and MAC calls with their keys; `keyObject.export()` is the same key for key purpose (a CloudFront
// signer fed the PEM of a key that also `privateDecrypt`s); and a binding handed to KMS as the key to use
// (`SourceKeyId: fromKek`) is a key id when it is logged, whatever its name says.

createRuleTester().run("no-hardcoded-key (blind-s23 shapes)", noHardcodedKey, {
  "valid": [
    {
      "name": "a key-named object with one key's settings (id and algorithm)",
      "code": "export const SIGNING_KEY = { id: 'ldb-2026-03', alg: 'HS256', rotatedAt: '2026-03-01' };\n",
      "filename": "case.ts"
    },
    {
      "name": "content keys read from the environment as JSON",
      "code": "const CONTENT_KEYS: Record<string, string> = JSON.parse(process.env.CONTENT_KEYS_JSON ?? '{}');\nexport const keyFor = (kid: string) => CONTENT_KEYS[kid];\n",
      "filename": "case.ts"
    },
    {
      "name": "a table of content key ids (ids, not keys)",
      "code": "export const CONTENT_KEY_IDS = { teaser: 'dGVhc2VyLTIwMjYtMDEtaGQ', main: 'dHJhaWxlci1tYWluLTRrLTE' };\n",
      "filename": "case.ts"
    },
    {
      "name": "Segment analytics write key (public by design)",
      "code": "export const SEGMENT_WRITE_KEY = 'Qm4vT2xR8pLz0cKj6YwNf3aHs1UeD7bG';\n",
      "filename": "case.ts"
    },
    {
      "name": "a table of KMS-wrapped data keys by version (ciphertext)",
      "code": "export const WRAPPED_DATA_KEYS: Record<string, string> = {\n  v1: 'tifVmVN_gKN_AJjZ58T3RA5SdlSU9N3rdhgzj_xLTV5A',\n  v2: 'yKq2Lw9Fh3Tz8Rb1Nc6Vx0Pd4Ms7Ga5Je2Ho9Ut3Wi1',\n};\n",
      "filename": "case.ts"
    },
    {
      "name": "a public EC JWK (no d)",
      "code": "export const matchVerifier = { kty: 'EC', crv: 'P-256', x: 'izpPh3BUoIXqvu-pgcxvkTvKnS21okTKIuTyqZJrlMk', y: '8UJcIIY-P8x-M9YytOpXHXj3ofcU2j6Ln1VOW2ucxBg' };\n",
      "filename": "case.ts"
    },
    {
      "name": "a JWK template with a placeholder k and one from the environment",
      "code": "export const template = { kty: 'oct', kid: 'trailer-1', k: '<base64url content key>' };\nexport const live = { kty: 'oct', kid: 'trailer-2', k: process.env.TRAILER_CONTENT_KEY };\n",
      "filename": "case.ts"
    },
    {
      "name": "a table of cache key prefixes",
      "code": "export const cacheKeys = { user: 'u:', lobby: 'lobby:', leaderboard: 'ldb:' };\n",
      "filename": "case.ts"
    },
    {
      "name": "CloudFront signer with the private key from Secrets Manager",
      "code": "import { getSignedUrl } from '@aws-sdk/cloudfront-signer';\nexport function sign(url: string, privateKey: string) {\n  return getSignedUrl({ url, keyPairId: 'K2R7QF4ZP0W1NX', privateKey, dateLessThan: '2026-01-01' });\n}\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "ClearKey content keys written in a key-named object",
      "code": "const CONTENT_KEYS: Record<string, string> = {\n  'dGVhc2VyLTIwMjYtMDEtaGQ': 'tifVmVN_gKN_AJjZ58T3RA',\n  'dHJhaWxlci1tYWluLTRrLTE': '5SdlSU9N3rdhgzj_xLTV5A',\n};\nexport const licence = (kids: string[]) => ({ keys: kids.map((kid) => ({ kty: 'oct', kid, k: CONTENT_KEYS[kid] })) });\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "keyLikeConstant",
          "line": 2,
          "column": 30,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "const CONTENT_KEYS: Record<string, string> = {\n  'dGVhc2VyLTIwMjYtMDEtaGQ': requireEnv('CONTENT_KEYS_D_G_VHC2_VY_LT_IW_MJ_YT_MD_ETA_GQ'),\n  'dHJhaWxlci1tYWluLTRrLTE': '5SdlSU9N3rdhgzj_xLTV5A',\n};\nexport const licence = (kids: string[]) => ({ keys: kids.map((kid) => ({ kty: 'oct', kid, k: CONTENT_KEYS[kid] })) });" + REQUIRE_ENV_TS + "\n"
            }
          ]
        },
        {
          "messageId": "keyLikeConstant",
          "line": 3,
          "column": 30,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "const CONTENT_KEYS: Record<string, string> = {\n  'dGVhc2VyLTIwMjYtMDEtaGQ': 'tifVmVN_gKN_AJjZ58T3RA',\n  'dHJhaWxlci1tYWluLTRrLTE': requireEnv('CONTENT_KEYS_D_H_JHA_WXLCI1T_Y_WLU_LT_RR_LTE'),\n};\nexport const licence = (kids: string[]) => ({ keys: kids.map((kid) => ({ kty: 'oct', kid, k: CONTENT_KEYS[kid] })) });" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    },
    {
      "name": "a keyring object by version (as const)",
      "code": "export const keyring = { v1: 'qr31jrIEJnwGB8LPpm4ztqyHecHSZFl3L06E8GlXsWc', v2: 'RvUeMkxIHuw7iGyyl9Lu-57Tzpg179n-KbeilQCaCp0' } as const;\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "keyLikeConstant",
          "line": 1,
          "column": 30,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "export const keyring = { v1: requireEnv('V1'), v2: 'RvUeMkxIHuw7iGyyl9Lu-57Tzpg179n-KbeilQCaCp0' } as const;" + REQUIRE_ENV_TS + "\n"
            }
          ]
        },
        {
          "messageId": "keyLikeConstant",
          "line": 1,
          "column": 81,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "export const keyring = { v1: 'qr31jrIEJnwGB8LPpm4ztqyHecHSZFl3L06E8GlXsWc', v2: requireEnv('V2') } as const;" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    },
    {
      "name": "a ClearKey licence answering with a JWK whose k is written in the code",
      "code": "export function licence(res: { json(body: unknown): void }, kid: string) {\n  res.json({ keys: [{ kty: 'oct', kid, k: '8XcJLJVDCmCP9QVWU8zHiWi6VmphoTWAWuqBCKK_9ak' }], type: 'temporary' });\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "keyLikeConstant",
          "line": 2,
          "column": 43,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "const K = requireEnv('K');\n\nexport function licence(res: { json(body: unknown): void }, kid: string) {\n  res.json({ keys: [{ kty: 'oct', kid, k: K }], type: 'temporary' });\n}" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    },
    {
      "name": "an EC private JWK written in the code (its d member)",
      "code": "export const matchSigner = {\n  kty: 'EC',\n  crv: 'P-256',\n  x: 'izpPh3BUoIXqvu-pgcxvkTvKnS21okTKIuTyqZJrlMk',\n  y: '8UJcIIY-P8x-M9YytOpXHXj3ofcU2j6Ln1VOW2ucxBg',\n  d: 'k2Vq0cPz7YtR1mXb9LwA4sDf6Gh8Jn3Ue5Oi0Tr2Wy8',\n};\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "keyLikeConstant",
          "line": 6,
          "column": 6,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "export const matchSigner = {\n  kty: 'EC',\n  crv: 'P-256',\n  x: 'izpPh3BUoIXqvu-pgcxvkTvKnS21okTKIuTyqZJrlMk',\n  y: '8UJcIIY-P8x-M9YytOpXHXj3ofcU2j6Ln1VOW2ucxBg',\n  d: requireEnv('MATCH_SIGNER_D'),\n};" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    },
    {
      "name": "a DRM content key written as a named constant",
      "code": "export const TRAILER_CONTENT_KEY = 'a138c7cab0e426526465eebcfc7e5f60';\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "keyLikeConstant",
          "line": 1,
          "column": 36,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "export const TRAILER_CONTENT_KEY = requireEnv('TRAILER_CONTENT_KEY');" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    },
    {
      "name": "an EdgeAuth key written in a constant that is not key-named",
      "code": "import EdgeAuth from 'akamai-edgeauth';\nconst EA_TOKEN = 'ca8570833a4a1b8477bac2d5654459458dd436f2b11d8eac5594ae1b329e54d9';\nexport const edgeAuth = new EdgeAuth({ key: EA_TOKEN, windowSeconds: 300 });\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 18,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import EdgeAuth from 'akamai-edgeauth';\nconst EA_TOKEN = requireEnv('EA_TOKEN');\nexport const edgeAuth = new EdgeAuth({ key: EA_TOKEN, windowSeconds: 300 });" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    },
    {
      "name": "CloudFront signer with the passphrase of an encrypted key written in the call",
      "code": "import { getSignedUrl } from '@aws-sdk/cloudfront-signer';\nimport { readFileSync } from 'node:fs';\nconst pem = readFileSync('/run/secrets/cf.pem', 'utf8');\nexport const sign = (url: string) => getSignedUrl({ url, keyPairId: 'K1VZ8M3QH6TA2C', privateKey: pem, passphrase: 'cf-signer-2026-pass', dateLessThan: '2026-01-01' });\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 4,
          "column": 116,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { getSignedUrl } from '@aws-sdk/cloudfront-signer';\nimport { readFileSync } from 'node:fs';\n\nconst GET_SIGNED_URL_PASSPHRASE = requireEnv('GET_SIGNED_URL_PASSPHRASE');\nconst pem = readFileSync('/run/secrets/cf.pem', 'utf8');\nexport const sign = (url: string) => getSignedUrl({ url, keyPairId: 'K1VZ8M3QH6TA2C', privateKey: pem, passphrase: GET_SIGNED_URL_PASSPHRASE, dateLessThan: '2026-01-01' });" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    }
  ]
});

createRuleTester().run("no-key-reuse-across-purposes (blind-s23 shapes)", noKeyReuseAcrossPurposes, {
  "valid": [
    {
      "name": "a CloudFront signing key only exported as PEM for the signer",
      "code": "import { createPrivateKey, createPublicKey, verify } from 'node:crypto';\nimport { getSignedUrl } from '@aws-sdk/cloudfront-signer';\nconst key = createPrivateKey(process.env.CF_PEM!);\nexport const pub = createPublicKey(key);\nexport const sign = (url: string) => getSignedUrl({ url, keyPairId: 'K1', privateKey: key.export({ type: 'pkcs8', format: 'pem' }).toString(), dateLessThan: '2026-01-01' });\nexport const check = (data: Buffer, sig: Buffer) => verify('sha256', data, pub, sig);\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "one RSA key signing CloudFront URLs (as exported PEM) and decrypting content keys",
      "code": "import { createPrivateKey, privateDecrypt } from 'node:crypto';\nimport { getSignedUrl } from '@aws-sdk/cloudfront-signer';\nconst key = createPrivateKey(process.env.CF_PEM!);\nexport const sign = (url: string) => getSignedUrl({ url, keyPairId: 'K1', privateKey: key.export({ type: 'pkcs8', format: 'pem' }).toString(), dateLessThan: '2026-01-01' });\nexport const open = (c: Buffer) => privateDecrypt({ key }, c);\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "reusedKeyPair",
          "line": 3,
          "column": 7
        }
      ]
    },
    {
      "name": "one PEM string given to getSignedCookies and to privateDecrypt",
      "code": "import { privateDecrypt } from 'node:crypto';\nimport { getSignedCookies } from '@aws-sdk/cloudfront-signer';\nconst pem = process.env.CF_PEM!;\nexport const cookies = (policy: string) => getSignedCookies({ keyPairId: 'K1', privateKey: pem, policy });\nexport const open = (c: Buffer) => privateDecrypt(pem, c);\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "reusedKeyPair",
          "line": 3,
          "column": 7
        }
      ]
    }
  ]
});

createRuleTester().run("no-plaintext-data-key-exposure (blind-s23 shapes)", noPlaintextDataKeyExposure, {
  "valid": [
    {
      "name": "KEK ARNs given to ReEncrypt and logged (parameters named for the KEK)",
      "code": "import { KMSClient, ReEncryptCommand } from '@aws-sdk/client-kms';\nconst kms = new KMSClient({});\nexport async function rotate(blob: Uint8Array, fromKek: string, toKek: string) {\n  const { CiphertextBlob } = await kms.send(new ReEncryptCommand({ CiphertextBlob: blob, SourceKeyId: fromKek, DestinationKeyId: toKek }));\n  console.log(`rotated from ${fromKek} to ${toKek}`);\n  return CiphertextBlob;\n}\n",
      "filename": "case.ts"
    },
    {
      "name": "a master key id given to GenerateDataKey and logged",
      "code": "import { KMSClient, GenerateDataKeyWithoutPlaintextCommand } from '@aws-sdk/client-kms';\nconst kms = new KMSClient({});\nexport async function wrapped(masterKey: string) {\n  const out = await kms.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: masterKey, KeySpec: 'AES_256' }));\n  console.info('new wrapped key under', masterKey);\n  return out.CiphertextBlob;\n}\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "a KEK-named secret that is not given to KMS is still a logged secret",
      "code": "import { createCipheriv, randomBytes } from 'node:crypto';\nexport function seal(kek: Buffer, data: Buffer) {\n  const iv = randomBytes(12);\n  const c = createCipheriv('aes-256-gcm', kek, iv);\n  console.log('sealing with', kek.toString('hex'));\n  return Buffer.concat([iv, c.update(data), c.final(), c.getAuthTag()]);\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "secretLogged",
          "line": 5,
          "column": 3
        }
      ]
    }
  ]
});
