import minKeyStrength from '../../rules/min-key-strength';
import noHardcodedKey from '../../rules/no-hardcoded-key';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_JS, REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the nineteenth blind set's part A (hardcoded-key/blind-s19, weak-crypto/blind-s19: scripts, tooling and
// infrastructure code) found missed: script runtimes without a table (k6's `k6/crypto`, Google Apps Script's global
// `Utilities` and its `DigestAlgorithm`/`MacAlgorithm` constants, Postman's global `CryptoJS`), Truffle's
// `HDWalletProvider`, Hardhat's `networks.<name>.accounts`, recovery phrases named `mnemonic`, an ssh2 client configured
// at the end of an emitter chain (`conn.on(…).on(…).connect(opts)`), a TLS cipher list written as an array joined with
// ':' (reported per entry), TLS `ecdhCurve` group lists; and two look-alikes that must stay quiet: Hardhat/Anvil's
// published development accounts and Serverless `${ssm:…}` variable references under secret-named settings.
const ruleTester = createRuleTester();

ruleTester.run("no-hardcoded-key (blind-s19 shapes)", noHardcodedKey, {
  "valid": [
    {
      "name": "Hardhat network accounts read from the environment",
      "code": "const config = {\n  networks: {\n    sepolia: { url: process.env.SEPOLIA_RPC, accounts: process.env.DEPLOYER_KEY ? [process.env.DEPLOYER_KEY] : [] },\n  },\n};\nexport default config;",
      "filename": "hardhat.config.ts"
    },
    {
      "name": "Hardhat localhost network with Hardhat/Anvil's published development accounts",
      "code": "module.exports = {\n  networks: {\n    hardhat: { accounts: { mnemonic: 'test test test test test test test test test test test junk' } },\n    localhost: { url: 'http://127.0.0.1:8545', accounts: ['0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80'] },\n  },\n};",
      "filename": "hardhat.config.js"
    },
    {
      "name": "A published development key at a wallet sink",
      "code": "import { privateKeyToAccount } from 'viem/accounts';\nexport const admin = privateKeyToAccount('0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d');",
      "filename": "e2e.ts"
    },
    {
      "name": "A Serverless variable reference under a secret-named setting",
      "code": "export default {\n  provider: {\n    environment: {\n      SHOPIFY_WEBHOOK_SECRET: '${ssm:/orders/${sls:stage}/shopify-webhook-secret}',\n      STRIPE_SECRET_KEY: '${env:STRIPE_SECRET_KEY}',\n    },\n  },\n};",
      "filename": "serverless.ts"
    },
    {
      "name": "A menu item mnemonic (a keyboard accelerator) is not a recovery phrase",
      "code": "const item = { label: 'File', mnemonic: 'F' };\nconst settings = { mnemonic: 'alt+f' };\nmodule.exports = { item, settings };",
      "filename": "menu.js"
    },
    {
      "name": "An accounts list outside a networks table is not a key list",
      "code": "const tenants = {\n  acme: { accounts: ['0x9a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9'] },\n};\nexport default tenants;",
      "filename": "seed.ts"
    }
  ],
  "invalid": [
    {
      "name": "Hardhat network accounts with a written private key",
      "code": "const config = {\n  networks: {\n    sepolia: {\n      url: process.env.SEPOLIA_RPC,\n      accounts: ['0x5b1f0c3e9a7d2468ace0f1b3d5e7092c4a6b8d0e2f4a6c8e0b2d4f6a8c0e2b4d'],\n    },\n  },\n};\nexport default config;",
      "filename": "hardhat.config.ts",
      "errors": [
        {
          "messageId": "keyLikeConstant",
          "line": 5,
          "column": 18,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "NETWORKS_SEPOLIA_ACCOUNTS_1",
                "format": "the same string"
              },
              "output": "const config = {\n  networks: {\n    sepolia: {\n      url: process.env.SEPOLIA_RPC,\n      accounts: [requireEnv('NETWORKS_SEPOLIA_ACCOUNTS_1')],\n    },\n  },\n};\nexport default config;" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "Truffle HDWalletProvider with a written recovery phrase",
      "code": "const HDWalletProvider = require('@truffle/hdwallet-provider');\nconst phrase = 'ladder tiger orbit cactus fringe lumber absorb satoshi velvet drastic humble glimpse';\nmodule.exports = { networks: { sepolia: { provider: () => new HDWalletProvider({ mnemonic: { phrase }, providerOrUrl: process.env.RPC }) } } };",
      "filename": "truffle-config.js",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 16,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "PHRASE",
                "format": "the same string"
              },
              "output": "const HDWalletProvider = require('@truffle/hdwallet-provider');\nconst phrase = requireEnv('PHRASE');\nmodule.exports = { networks: { sepolia: { provider: () => new HDWalletProvider({ mnemonic: { phrase }, providerOrUrl: process.env.RPC }) } } };" + REQUIRE_ENV_JS
            }
          ]
        }
      ]
    },
    {
      "name": "Truffle HDWalletProvider with a list of private keys",
      "code": "const HDWalletProvider = require('@truffle/hdwallet-provider');\nmodule.exports = { provider: () => new HDWalletProvider(['0x7e1d3c5b9a8f6e4d2c0b1a3f5e7d9c8b6a4f2e0d1c3b5a7f9e8d6c4b2a0f1e3d'], process.env.RPC) };",
      "filename": "truffle-config.js",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 58,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "SIGNING_KEY",
                "format": "the same string"
              },
              "output": "const HDWalletProvider = require('@truffle/hdwallet-provider');\n\nconst SIGNING_KEY = requireEnv('SIGNING_KEY');\nmodule.exports = { provider: () => new HDWalletProvider([SIGNING_KEY], process.env.RPC) };" + REQUIRE_ENV_JS
            }
          ]
        }
      ]
    },
    {
      "name": "A key-named recovery phrase with no sink in the file",
      "code": "export const FAUCET_MNEMONIC = 'rocket umbrella cactus velvet mango orbit lizard absorb fringe pioneer humble drastic';",
      "filename": "wallets.ts",
      "errors": [
        {
          "messageId": "keyLikeConstant",
          "line": 1,
          "column": 32,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "FAUCET_MNEMONIC",
                "format": "the same string"
              },
              "output": "export const FAUCET_MNEMONIC = requireEnv('FAUCET_MNEMONIC');" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "ssh2 key passphrase given through an emitter chain",
      "code": "const { Client } = require('ssh2');\nconst fs = require('fs');\nconst conn = new Client();\nconn.on('ready', () => {}).on('error', console.error).connect({\n  host: 'bastion',\n  privateKey: fs.readFileSync(process.env.KEY_FILE),\n  passphrase: 'Tunnel#Bastion2024',\n});",
      "filename": "tunnel.js",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 7,
          "column": 15,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "CONNECT_PASSPHRASE",
                "format": "the same string"
              },
              "output": "const { Client } = require('ssh2');\nconst fs = require('fs');\nconst conn = new Client();\nconn.on('ready', () => {}).on('error', console.error).connect({\n  host: 'bastion',\n  privateKey: fs.readFileSync(process.env.KEY_FILE),\n  passphrase: requireEnv('CONNECT_PASSPHRASE'),\n});" + REQUIRE_ENV_JS
            }
          ]
        }
      ]
    },
    {
      "name": "A Serverless environment entry with a written secret",
      "code": "export default {\n  provider: {\n    environment: {\n      LEGACY_HMAC_SECRET: '3f9c1e7a5b2d4f6081a3c5e7f9b1d3a5c7e9f1b3d5a7c9e1f3b5d7a9c1e3f5b7',\n    },\n  },\n};",
      "filename": "serverless.ts",
      "errors": [
        {
          "messageId": "keyLikeConstant",
          "line": 4,
          "column": 27,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "PROVIDER_ENVIRONMENT_LEGACY_HMAC_SECRET",
                "format": "the same hex string"
              },
              "output": "export default {\n  provider: {\n    environment: {\n      LEGACY_HMAC_SECRET: requireEnv('PROVIDER_ENVIRONMENT_LEGACY_HMAC_SECRET'),\n    },\n  },\n};" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "Truffle HDWalletProvider privateKeys option",
      "code": "const HDWalletProvider = require('@truffle/hdwallet-provider');\nmodule.exports = () => new HDWalletProvider({ privateKeys: ['0x1f3e5d7c9b0a2c4e6f8d0b2a4c6e8f0a1b3d5f7e9c0b2d4f6a8c0e1f3b5d7a9c'], providerOrUrl: process.env.RPC });",
      "filename": "t.js",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 61,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "HD_WALLET_PROVIDER_PRIVATE_KEYS_1",
                "format": "the same string"
              },
              "output": "const HDWalletProvider = require('@truffle/hdwallet-provider');\n\nconst HD_WALLET_PROVIDER_PRIVATE_KEYS_1 = requireEnv('HD_WALLET_PROVIDER_PRIVATE_KEYS_1');\nmodule.exports = () => new HDWalletProvider({ privateKeys: [HD_WALLET_PROVIDER_PRIVATE_KEYS_1], providerOrUrl: process.env.RPC });" + REQUIRE_ENV_JS
            }
          ]
        }
      ]
    },
    {
      "name": "Hardhat network accounts given a written mnemonic",
      "code": "module.exports = { networks: { goerli: { url: process.env.RPC, accounts: { mnemonic: 'orbit velvet ladder cactus humble pioneer absorb drastic lumber fringe kidney satoshi' } } } };",
      "filename": "hardhat.config.js",
      "errors": [
        {
          "messageId": "keyLikeConstant",
          "line": 1,
          "column": 86,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "NETWORKS_GOERLI_ACCOUNTS_MNEMONIC",
                "format": "the same string"
              },
              "output": "module.exports = { networks: { goerli: { url: process.env.RPC, accounts: { mnemonic: requireEnv('NETWORKS_GOERLI_ACCOUNTS_MNEMONIC') } } } };" + REQUIRE_ENV_JS
            }
          ]
        }
      ]
    },
    {
      "name": "Hardhat networks table declared on its own",
      "code": "const networks = {\n  mumbai: { url: process.env.MUMBAI_RPC, accounts: ['0x2c4e6a8c0e2f4a6b8d0c2e4f6a8b0d2e4f6c8a0b2d4e6f8a0c2e4b6d8f0a2c4e'] },\n};\nexport default { solidity: '0.8.24', networks };",
      "filename": "hardhat.config.ts",
      "errors": [
        {
          "messageId": "keyLikeConstant",
          "line": 2,
          "column": 53,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "MUMBAI_ACCOUNTS_1",
                "format": "the same string"
              },
              "output": "const networks = {\n  mumbai: { url: process.env.MUMBAI_RPC, accounts: [requireEnv('MUMBAI_ACCOUNTS_1')] },\n};\nexport default { solidity: '0.8.24', networks };" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    }
  ]
});

ruleTester.run("no-weak-algorithm (blind-s19 shapes)", noWeakAlgorithm, {
  "valid": [
    {
      "name": "k6/crypto HMAC-SHA256 over a request",
      "code": "import crypto from 'k6/crypto';\nexport const sign = (body) => crypto.hmac('sha256', __ENV.APP_SECRET, body, 'hex');",
      "filename": "load.js"
    },
    {
      "name": "A local binding named CryptoJS is not the global",
      "code": "const CryptoJS = { MD5: (text) => text.length };\nconst sign = CryptoJS.MD5(pm.environment.get('app_secret'));",
      "filename": "pre-request.js"
    },
    {
      "name": "Apps Script SHA-256 password digest is not MD5/SHA-1",
      "code": "function hashPassword_(password, salt) {\n  return Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, salt + password);\n}",
      "filename": "Code.js"
    },
    {
      "name": "TLS cipher array joined with exclusions of weak families",
      "code": "const https = require('https');\nmodule.exports = (app) => https.createServer({ ciphers: ['ECDHE-RSA-AES256-GCM-SHA384', '!RC4', '!3DES', '!MD5'].join(':') }, app);",
      "filename": "server.js"
    }
  ],
  "invalid": [
    {
      "name": "k6/crypto md5 signing request parameters with the app secret",
      "code": "import { md5 } from 'k6/crypto';\nexport function signParams(query, appSecret) {\n  return md5(query + appSecret, 'hex');\n}",
      "filename": "load.js",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 3,
          "column": 10
        }
      ]
    },
    {
      "name": "k6/crypto HMAC-SHA1 over a response body",
      "code": "import crypto from 'k6/crypto';\nexport const receipt = (body) => crypto.hmac('sha1', __ENV.APP_SECRET, body, 'base64');",
      "filename": "load.js",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 2,
          "column": 46,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "data": {
                "name": "SHA-1",
                "replacement": "sha256"
              },
              "output": "import crypto from 'k6/crypto';\nexport const receipt = (body) => crypto.hmac('sha256', __ENV.APP_SECRET, body, 'base64');"
            }
          ]
        }
      ]
    },
    {
      "name": "Postman's global CryptoJS: MD5 request signature with the app secret",
      "code": "const appSecret = pm.environment.get('app_secret');\nconst sign = CryptoJS.MD5(pm.request.url.getQueryString() + appSecret).toString();\npm.request.url.query.upsert({ key: 'sign', value: sign });",
      "filename": "pre-request.js",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 2,
          "column": 23,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "data": {
                "name": "MD5",
                "replacement": "SHA256"
              },
              "output": "const appSecret = pm.environment.get('app_secret');\nconst sign = CryptoJS.SHA256(pm.request.url.getQueryString() + appSecret).toString();\npm.request.url.query.upsert({ key: 'sign', value: sign });"
            }
          ]
        }
      ]
    },
    {
      "name": "Apps Script MD5 password hash",
      "code": "function hashPassword_(password, salt) {\n  return Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, salt + password);\n}",
      "filename": "Code.js",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 2,
          "column": 34
        }
      ]
    },
    {
      "name": "Apps Script HMAC-SHA1 feed signature",
      "code": "function signFeed_(member) {\n  const key = PropertiesService.getScriptProperties().getProperty('FEED_KEY');\n  return Utilities.computeHmacSignature(Utilities.MacAlgorithm.HMAC_SHA_1, member, key);\n}",
      "filename": "Code.js",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 3,
          "column": 41
        }
      ]
    },
    {
      "name": "ssh2 client configured through an emitter chain with 3des-cbc appended",
      "code": "const { Client } = require('ssh2');\nconst conn = new Client();\nconn.on('ready', () => conn.end()).on('error', console.error).connect({\n  host: 'sw-1',\n  algorithms: { cipher: { append: ['aes128-ctr', '3des-cbc'] } },\n});",
      "filename": "backup.js",
      "errors": [
        {
          "messageId": "weakCipher",
          "line": 5,
          "column": 50
        }
      ]
    },
    {
      "name": "TLS cipher list written as an array joined with ':' is judged per entry",
      "code": "const tls = require('tls');\nconst ciphers = [\n  'ECDHE-RSA-AES128-GCM-SHA256',\n  'DES-CBC3-SHA',\n].join(':');\nmodule.exports = tls.createSecureContext({ ciphers });",
      "filename": "gateway.js",
      "errors": [
        {
          "messageId": "weakCipher",
          "line": 4,
          "column": 3
        }
      ]
    },
    {
      "name": "k6/crypto createHMAC with SHA-1",
      "code": "import { createHMAC } from 'k6/crypto';\nexport function sign(body) { const h = createHMAC('sha1', __ENV.SECRET); h.update(body); return h.digest('hex'); }",
      "filename": "a.js",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 2,
          "column": 51,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "data": {
                "name": "SHA-1",
                "replacement": "sha256"
              },
              "output": "import { createHMAC } from 'k6/crypto';\nexport function sign(body) { const h = createHMAC('sha256', __ENV.SECRET); h.update(body); return h.digest('hex'); }"
            }
          ]
        }
      ]
    },
    {
      "name": "Apps Script computeRsaSignature with RsaAlgorithm.RSA_SHA_1",
      "code": "function sign_(value, key) { return Utilities.computeRsaSignature(Utilities.RsaAlgorithm.RSA_SHA_1, value, key); }",
      "filename": "Code.js",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 1,
          "column": 67
        }
      ]
    }
  ]
});

ruleTester.run("min-key-strength (blind-s19 shapes)", minKeyStrength, {
  "valid": [
    {
      "name": "TLS ecdhCurve list of allowed curves",
      "code": "import { createServer } from 'node:https';\nexport const server = createServer({ ecdhCurve: 'X25519:prime256v1:secp384r1' });",
      "filename": "server.ts"
    },
    {
      "name": "TLS ecdhCurve auto and a post-quantum hybrid group",
      "code": "import tls from 'node:tls';\nexport const a = tls.createServer({ ecdhCurve: 'auto' });\nexport const b = tls.createServer({ ecdhCurve: 'X25519MLKEM768:X25519' });",
      "filename": "server.ts"
    }
  ],
  "invalid": [
    {
      "name": "TLS ecdhCurve naming a 192-bit curve",
      "code": "const tls = require('tls');\nmodule.exports = tls.createSecureContext({ ecdhCurve: 'prime192v1' });",
      "filename": "gateway.js",
      "errors": [
        {
          "messageId": "weakCurve",
          "line": 2,
          "column": 55
        }
      ]
    },
    {
      "name": "TLS ecdhCurve list with one weak curve",
      "code": "import { createServer } from 'node:https';\nexport const server = createServer({ ecdhCurve: 'X25519:secp224r1' });",
      "filename": "server.ts",
      "errors": [
        {
          "messageId": "weakCurve",
          "line": 2,
          "column": 49
        }
      ]
    }
  ]
});
