import noHardcodedKey from '../../rules/no-hardcoded-key';
import noInsecureRandomness from '../../rules/no-insecure-randomness';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_JS, REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the blind set s32b part D (headless CMSs and publishing stacks: Strapi/Payload/Ghost configuration, preview
// links, image CDNs, static-site builds, newsletters, comments, paywalls) found missed or misread: a PEM block written as
// an array of its lines joined at run time (like a `+` chain, checked as one text and reported where the array starts); a
// 128-bit key as padded base64 whose 24 characters repeat a few (a random 16-byte key falls under 4 bits per character
// about one time in twenty: padded base64 of binary bytes gets a lower entropy bar); a `<key id>:<secret>` fallback split
// before its secret half reaches a sink (the pieces of a split fallback are still the fallback); and a clock read in a
// token whose MAC a local helper computes over a template of its parameters (decision 90: an issued-at claim the MAC
// protects). The guards: a placeholder PEM and a public key written as joined lines, joined lines that interpolate a key
// written elsewhere (reported only where the key is written), an empty fallback split the same way, and the same clock
// read hashed by a helper without a key.

const ruleTester = createRuleTester();

ruleTester.run('no-hardcoded-key (blind-s32b CMS shapes)', noHardcodedKey, {
  "valid": [
    {
      "name": "a placeholder PEM written as joined lines",
      "code": "export const EXAMPLE_KEY = [\n  '-----BEGIN PRIVATE KEY-----',\n  '...',\n  '-----END PRIVATE KEY-----',\n].join('\\n');\n\nexport function isExample(pem) {\n  return pem.trim() === EXAMPLE_KEY;\n}\n",
      "filename": "case.js"
    },
    {
      "name": "an id:secret API key from the environment with an empty fallback, split before signing",
      "code": "import jwt from 'jsonwebtoken';\n\nconst ADMIN_KEY = process.env.CMS_ADMIN_API_KEY ?? '';\n\nexport function adminToken(): string {\n  const [id, secret] = ADMIN_KEY.split(':');\n  return jwt.sign({}, Buffer.from(secret, 'hex'), { keyid: id, algorithm: 'HS256', expiresIn: '5m' });\n}\n",
      "filename": "case.ts"
    },
    {
      "name": "a public key's lines joined with newlines",
      "code": "export const VERIFY_KEY = [\n  '-----BEGIN PUBLIC KEY-----',\n  'MCowBQYDK2VwAyEAF2tV3qHgxhEk6DjA6Tfb+UL52qZpN+Y+axwrHhNytDM=',\n  '-----END PUBLIC KEY-----',\n].join('\\n');\n",
      "filename": "case.js"
    }
  ],
  "invalid": [
    {
      "name": "an OpenSSH deploy key written as an array of its lines joined with newlines",
      "code": "import { writeFileSync } from 'node:fs';\n\nconst SYNC_DEPLOY_KEY = [\n  '-----BEGIN OPENSSH PRIVATE KEY-----',\n  'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW',\n  'QyNTUxOQAAACAXa1XeoeDGESToOMDpN9v5Qvnapmk35j5rHCseE3K0MwAAAJCrg/U3q4P1',\n  'NwAAAAtzc2gtZWQyNTUxOQAAACAXa1XeoeDGESToOMDpN9v5Qvnapmk35j5rHCseE3K0Mw',\n  'AAAECYO3EmCujNFdGyE11FdOVTA5V3UsYwyXgFVsiheqk5LxdrVd6h4MYRJOg4wOk32/lC',\n  '+dqmaTfmPmscKx4TcrQzAAAADWNpQHRoZW1lLXN5bmM=',\n  '-----END OPENSSH PRIVATE KEY-----',\n].join('\\n');\n\nexport function installKey(file) {\n  writeFileSync(file, SYNC_DEPLOY_KEY, { mode: 0o600 });\n}\n",
      "filename": "case.js",
      "errors": [
        {
          "messageId": "embeddedPrivateKey",
          "line": 3,
          "column": 25
        }
      ]
    },
    {
      "name": "128-bit base64 keys whose 24 characters happen to repeat a few (entropy under 4 bits) as a Strapi list default",
      "code": "module.exports = ({ env }) => ({\n  host: env('HOST', '0.0.0.0'),\n  app: {\n    keys: env.array('APP_KEYS', ['LfOAar26MLLWs5fwfJA27g==', 'hre3bJDyJ1g1lAPPePkUeQ==']),\n  },\n});\n",
      "filename": "config/server.js",
      "errors": [
        {
          "messageId": "keyLikeConstant",
          "line": 4,
          "column": 34,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "const SECRET_KEY = requireEnv('SECRET_KEY');\n\nmodule.exports = ({ env }) => ({\n  host: env('HOST', '0.0.0.0'),\n  app: {\n    keys: env.array('APP_KEYS', [SECRET_KEY, 'hre3bJDyJ1g1lAPPePkUeQ==']),\n  },\n});" + REQUIRE_ENV_JS + "\n"
            }
          ]
        },
        {
          "messageId": "keyLikeConstant",
          "line": 4,
          "column": 62,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "const SECRET_KEY = requireEnv('SECRET_KEY');\n\nmodule.exports = ({ env }) => ({\n  host: env('HOST', '0.0.0.0'),\n  app: {\n    keys: env.array('APP_KEYS', ['LfOAar26MLLWs5fwfJA27g==', SECRET_KEY]),\n  },\n});" + REQUIRE_ENV_JS + "\n"
            }
          ]
        }
      ]
    },
    {
      "name": "an id:secret API key as the fallback of its environment variable, split before signing",
      "code": "import jwt from 'jsonwebtoken';\n\nconst ADMIN_KEY = process.env.CMS_ADMIN_API_KEY ?? '1f13a93a3ae87c86ceaf53a8:47a69cac450176f60d2bd712fd4259ff7c529c62509edf63148b090c8fa314c3';\n\nexport function adminToken(): string {\n  const [id, secret] = ADMIN_KEY.split(':');\n  return jwt.sign({}, Buffer.from(secret, 'hex'), { keyid: id, algorithm: 'HS256', expiresIn: '5m' });\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "hardcodedFallback",
          "line": 3,
          "column": 52,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import jwt from 'jsonwebtoken';\n\nconst ADMIN_KEY = requireEnv('CMS_ADMIN_API_KEY');\n\nexport function adminToken(): string {\n  const [id, secret] = ADMIN_KEY.split(':');\n  return jwt.sign({}, Buffer.from(secret, 'hex'), { keyid: id, algorithm: 'HS256', expiresIn: '5m' });\n}" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    },
    {
      "name": "a config text rendered from joined lines that interpolate a key written elsewhere: reported where the key is written, not on the array",
      "code": "const HUB = {\n  listenPort: 51820,\n  privateKey: 'AlQqGTtrTejyChecTtPS2t5mlsdyHq1q2ipxgVMPAG8=',\n};\n\nexport function renderInterface() {\n  return [\n    '[Interface]',\n    `PrivateKey = ${HUB.privateKey}`,\n    `ListenPort = ${HUB.listenPort}`,\n  ].join('\\n');\n}\n",
      "filename": "case.js",
      "errors": [
        {
          "messageId": "keyLikeConstant",
          "line": 3,
          "column": 15,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "const HUB = {\n  listenPort: 51820,\n  privateKey: requireEnv('HUB_PRIVATE_KEY'),\n};\n\nexport function renderInterface() {\n  return [\n    '[Interface]',\n    `PrivateKey = ${HUB.privateKey}`,\n    `ListenPort = ${HUB.listenPort}`,\n  ].join('\\n');\n}" + REQUIRE_ENV_JS + "\n"
            }
          ]
        }
      ]
    }
  ]
});

ruleTester.run('no-insecure-randomness (blind-s32b CMS shapes)', noInsecureRandomness, {
  "valid": [
    {
      "name": "a render time in a form token whose MAC a local helper computes over a template of its parameters",
      "code": "import { createHmac } from 'node:crypto';\n\nfunction mac(postId, renderedAt) {\n  return createHmac('sha256', process.env.FORM_SECRET).update(`${postId}.${renderedAt}`).digest('base64url');\n}\n\nexport function issueFormToken(postId) {\n  const renderedAt = Date.now();\n  return `${renderedAt}.${mac(postId, renderedAt)}`;\n}\n",
      "filename": "case.js"
    }
  ],
  "invalid": [
    {
      "name": "the same time hashed by a local helper without a key",
      "code": "import { createHash } from 'node:crypto';\n\nfunction digest(postId, renderedAt) {\n  return createHash('sha256').update(`${postId}.${renderedAt}`).digest('base64url');\n}\n\nexport function issueFormToken(postId) {\n  const renderedAt = Date.now();\n  const formToken = `${renderedAt}.${digest(postId, renderedAt)}`;\n  return formToken;\n}\n",
      "filename": "case.js",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 8,
          "column": 22
        }
      ]
    }
  ]
});
