import noHardcodedKey from '../../rules/no-hardcoded-key';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the blind set s32 part A (travel and hospitality back-ends: GDS and NDC clients, boarding passes, wallet passes,
// door locks and mobile keys, loyalty, card vaults, channel managers, travel documents) found missed or misread: a key
// named only `…Key` (a door-lock `siteKey`, a `ROOM_KEY`) written as the hex text of a 192- or 256-bit key, which was
// judged only when decoded to bytes; and a SHA-1 that names a content-addressed object whose extension is interpolated
// (`images/${d.slice(0, 2)}/${d}.${ext}`, decision 10's content addressing). The guards: lookup keys (`cacheKey`,
// `objectKey`) holding hex, 32-digit public keys (`searchKey`), a captcha site key, and a password digest in such a path.

const ruleTester = createRuleTester();

ruleTester.run('no-hardcoded-key (blind-s32 travel shapes)', noHardcodedKey, {
  "valid": [
    {
      "name": "cache key of 64 hex",
      "code": "export const cacheKey = '83239fdc81e2bef4aed750e072b31d327340550f19c44426c84c9d52537e7fe7';\n",
      "filename": "case.ts"
    },
    {
      "name": "search key of 32 hex",
      "code": "export const searchKey = '1e8ff7fc258b514bf23f5b3e314baa96';\n",
      "filename": "case.ts"
    },
    {
      "name": "captcha site key",
      "code": "export const captcha = { siteKey: '6LdKq9gqAAAAAOp3vRj2fXc8nB1mZtY4wLsE5hUi' };\n",
      "filename": "case.ts"
    },
    {
      "name": "object key of 64 hex",
      "code": "export const objectKey = '08b1b650efefb29ab998757a985741ad56d1dcf5a9488b69cc8de113aba792a4';\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "lock site key in a config object",
      "code": "module.exports = {\n  doorLock: {\n    encoderHost: '10.0.0.5',\n    siteKey: 'fd0e21c3f4c4df26a8623b019c1d7f256d62d430f9558cc3f2ff23f09c69fce2',\n  },\n};\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "keyLikeConstant",
          "line": 4,
          "column": 14,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "module.exports = {\n  doorLock: {\n    encoderHost: '10.0.0.5',\n    siteKey: requireEnv('DOOR_LOCK_SITE_KEY'),\n  },\n};" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    },
    {
      "name": "192-bit room key constant",
      "code": "export const ROOM_KEY = '3e9ba784c9453caa2d6713a4b671b94071ee397c15a742a0';\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "keyLikeConstant",
          "line": 1,
          "column": 25,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "export const ROOM_KEY = requireEnv('ROOM_KEY');" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    }
  ]
});

ruleTester.run('no-weak-algorithm (blind-s32 travel shapes)', noWeakAlgorithm, {
  "valid": [
    {
      "name": "content-addressed image path, interpolated extension",
      "code": "import { createHash } from 'node:crypto';\nfunction imageObjectKey(bytes: Buffer, extension: string) {\n  const digest = createHash('sha1').update(bytes).digest('hex');\n  return `by-digest/${digest.slice(0, 2)}/${digest}.${extension}`;\n}\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "digest of a password in such a path",
      "code": "import { createHash } from 'node:crypto';\nexport function avatarPath(password: string, ext: string): string {\n  const d = createHash('sha1').update(password).digest('hex');\n  return `avatars/${d}.${ext}`;\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 3,
          "column": 24,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "output": "import { createHash } from 'node:crypto';\nexport function avatarPath(password: string, ext: string): string {\n  const d = createHash('sha256').update(password).digest('hex');\n  return `avatars/${d}.${ext}`;\n}\n"
            }
          ]
        }
      ]
    }
  ]
});
