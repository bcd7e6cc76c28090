import noHardcodedKey from '../../rules/no-hardcoded-key';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the blind set s31b part F (AI and LLM application back-ends: gateways holding provider keys, BYOK storage,
// RAG pipelines, agent and MCP tool servers, tracing, chat front-ends, metering) found missed: an LLM provider's secret
// API key written at (or as the fallback of) its SDK client — OpenAI, Azure OpenAI, Anthropic, Google, Mistral, Groq,
// Cohere, modelled like the payment providers' clients (decision 118) — and a weak digest of a parameter named for an
// API key (`apiKey`, `API_KEY`), which is a token's lookup hash (decision 163) however its helper is named. The guards:
// the dummy key of a local OpenAI-compatible server beside its loopback `baseURL` (decision 8), empty and placeholder
// keys, and digests of an API key's id or prefix.

const ruleTester = createRuleTester();

ruleTester.run('no-hardcoded-key (blind-s31b AI back-end shapes)', noHardcodedKey, {
  "valid": [
    {
      "name": "a local OpenAI-compatible server (Ollama) with its dummy key",
      "code": "import OpenAI from 'openai';\nexport const local = new OpenAI({ baseURL: 'http://localhost:11434/v1', apiKey: 'ollama' });\n",
      "filename": "case.ts"
    },
    {
      "name": "an empty fallback of the environment variable",
      "code": "import OpenAI from 'openai';\nexport const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY ?? '' });\n",
      "filename": "case.ts"
    },
    {
      "name": "a test placeholder key",
      "code": "import Anthropic from '@anthropic-ai/sdk';\nexport const anthropic = new Anthropic({ apiKey: 'sk-ant-test-placeholder' });\n",
      "filename": "__tests__/client.test.ts"
    },
    {
      "name": "model and deployment names beside an environment key",
      "code": "import { AzureOpenAI } from 'openai';\nexport const azure = new AzureOpenAI({ deployment: 'gpt-4o-2024-08-06-eastus2', apiVersion: '2024-10-21', apiKey: process.env.AZURE_OPENAI_API_KEY });\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "OpenAI platform key as the fallback of its environment variable",
      "code": "import OpenAI from 'openai';\nexport const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY ?? 'sk-proj-LpJI4PWTNRzurXIRXKrnULiB9eICl93ELwxWTluZ5lcBVnjC' });\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "hardcodedFallback",
          "line": 2,
          "column": 74,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import OpenAI from 'openai';\nexport const openai = new OpenAI({ apiKey: requireEnv('OPENAI_API_KEY') });" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    },
    {
      "name": "Anthropic key written at the client",
      "code": "import Anthropic from '@anthropic-ai/sdk';\nconst anthropic = new Anthropic({\n  apiKey: 'sk-ant-api03-WEafto9aYo0ezg6AZIE3fJLEiayBWM3ABiDrPea6Ee0yyIOqkdvoHs1Sbg3JyAgLGkPkBxh1SpBRaDiU',\n  maxRetries: 2,\n});\nexport default anthropic;\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 3,
          "column": 11,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import Anthropic from '@anthropic-ai/sdk';\nconst anthropic = new Anthropic({\n  apiKey: requireEnv('ANTHROPIC_API_KEY'),\n  maxRetries: 2,\n});\nexport default anthropic;" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    },
    {
      "name": "Gemini key passed to GoogleGenerativeAI through a constant",
      "code": "import { GoogleGenerativeAI } from '@google/generative-ai';\nconst GEMINI = 'AIzaJDN9UGnRnL84pBP6CWGHFDZd86MuNLrNqEZ';\nexport const genAI = new GoogleGenerativeAI(GEMINI);\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 16,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { GoogleGenerativeAI } from '@google/generative-ai';\nconst GEMINI = requireEnv('GEMINI');\nexport const genAI = new GoogleGenerativeAI(GEMINI);" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    },
    {
      "name": "Azure OpenAI key written at AzureOpenAI",
      "code": "import { AzureOpenAI } from 'openai';\nexport const azure = new AzureOpenAI({ endpoint: 'https://contoso.openai.azure.com', apiVersion: '2024-06-01', deployment: 'gpt4o-prod', apiKey: '85J8QhMd24QNW3IfN78SHWzSmfYl4bw0kgGAGA4c' });\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 146,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { AzureOpenAI } from 'openai';\nexport const azure = new AzureOpenAI({ endpoint: 'https://contoso.openai.azure.com', apiVersion: '2024-06-01', deployment: 'gpt4o-prod', apiKey: requireEnv('AZURE_OPEN_AI_API_KEY') });" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    },
    {
      "name": "a real key sent through a proxy on localhost is still a key",
      "code": "import OpenAI from 'openai';\nexport const viaProxy = new OpenAI({ baseURL: 'http://127.0.0.1:4000/v1', apiKey: 'sk-proj-4FkbbT2DJj7yF8hgVvSN41XnhNC3oe2af5Fk2xZr5GkJTqHh' });\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 83,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import OpenAI from 'openai';\nexport const viaProxy = new OpenAI({ baseURL: 'http://127.0.0.1:4000/v1', apiKey: requireEnv('OPEN_AI_API_KEY') });" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    }
  ]
});

ruleTester.run('no-weak-algorithm (blind-s31b AI back-end shapes)', noWeakAlgorithm, {
  "valid": [
    {
      "name": "MD5 shard choice from an API key id",
      "code": "import { createHash } from 'node:crypto';\nexport function shardFor(apiKeyId, shards) {\n  return createHash('md5').update(apiKeyId).digest().readUInt32BE(0) % shards;\n}\n",
      "filename": "case.ts"
    },
    {
      "name": "SHA-256 lookup digest of an API key",
      "code": "import { createHash } from 'node:crypto';\nexport function lookupHash(apiKey) {\n  return createHash('sha256').update(apiKey).digest('hex');\n}\n",
      "filename": "case.ts"
    },
    {
      "name": "MD5 cache key of a prompt beside an API key prefix",
      "code": "import { createHash } from 'node:crypto';\nexport function cacheKey(apiKeyPrefix, prompt) {\n  return apiKeyPrefix + ':' + createHash('md5').update(prompt).digest('hex');\n}\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "MD5 lookup digest of an API key (a helper named lookup)",
      "code": "import { createHash } from 'node:crypto';\nfunction lookupHash(apiKey) {\n  return createHash('md5').update(apiKey).digest('hex');\n}\nexport async function findTenant(db, apiKey) {\n  const row = await db.get('SELECT tenant_id FROM api_keys WHERE key_hash = ?', lookupHash(apiKey));\n  return row?.tenant_id ?? null;\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 3,
          "column": 21,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "output": "import { createHash } from 'node:crypto';\nfunction lookupHash(apiKey) {\n  return createHash('sha256').update(apiKey).digest('hex');\n}\nexport async function findTenant(db, apiKey) {\n  const row = await db.get('SELECT tenant_id FROM api_keys WHERE key_hash = ?', lookupHash(apiKey));\n  return row?.tenant_id ?? null;\n}\n"
            }
          ]
        }
      ]
    },
    {
      "name": "SHA-1 index of the API_KEY header value",
      "code": "import { createHash } from 'node:crypto';\nexport function keyIndex(API_KEY) {\n  return createHash('sha1').update(API_KEY).digest('base64url');\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 3,
          "column": 21,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "output": "import { createHash } from 'node:crypto';\nexport function keyIndex(API_KEY) {\n  return createHash('sha256').update(API_KEY).digest('base64url');\n}\n"
            }
          ]
        }
      ]
    }
  ]
});
