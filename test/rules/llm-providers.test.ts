import noHardcodedKey from '../../rules/no-hardcoded-key';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_TS } from './env-helper-text';

// The LLM SDKs beyond the seven of blind set s31b (src/model/libraries/llm-providers.ts): the Vercel AI SDK's provider
// factories, LangChain's models, Together, Replicate, Hugging Face and the vector databases RAG back-ends use
// (Pinecone, Qdrant). Each takes the account's secret key; the guards are the keys read from the environment and the
// dummy keys of local servers, also when LangChain nests the endpoint under `configuration`.

const ruleTester = createRuleTester();

/** The suggestion's output: the literal replaced by `requireEnv(NAME)` and the helper appended. */
const fromEnvironment = (code: string, literal: string, envVar: string) => code.replace(`'${literal}'`, `requireEnv('${envVar}')`) + REQUIRE_ENV_TS;

const cases = [
  {
    name: 'the Vercel AI SDK: createOpenAI',
    code: "import { createOpenAI } from '@ai-sdk/openai';\nexport const openai = createOpenAI({ apiKey: 'sk-proj-9fQ2mXk3LwP8rT5vY7zA1bC4dE6gH0jK2lM4nO6pQ8rS0tU2' });",
    literal: 'sk-proj-9fQ2mXk3LwP8rT5vY7zA1bC4dE6gH0jK2lM4nO6pQ8rS0tU2',
    envVar: 'OPEN_AI_API_KEY',
    column: 46,
  },
  {
    name: 'the Vercel AI SDK: createAnthropic',
    code: "import { createAnthropic } from '@ai-sdk/anthropic';\nexport const anthropic = createAnthropic({ apiKey: 'sk-ant-api03-Zq8Xw2Lm4Np6Rt8Vy0Ab2Cd4Ef6Gh8Ij0Kl2Mn4Op6Qr8St0Uv2Wx4Yz6-AbCdEfAA' });",
    literal: 'sk-ant-api03-Zq8Xw2Lm4Np6Rt8Vy0Ab2Cd4Ef6Gh8Ij0Kl2Mn4Op6Qr8St0Uv2Wx4Yz6-AbCdEfAA',
    envVar: 'ANTHROPIC_API_KEY',
    column: 52,
  },
  {
    name: "Replicate's `auth` token",
    code: "import Replicate from 'replicate';\nexport const replicate = new Replicate({ auth: 'r8_Hx2Lq9Wm4Zt7Yp3Kv6Nb8Rc1Fd5Gs0Jh2Mk' });",
    literal: 'r8_Hx2Lq9Wm4Zt7Yp3Kv6Nb8Rc1Fd5Gs0Jh2Mk',
    envVar: 'REPLICATE_AUTH',
    column: 48,
  },
  {
    name: 'a Pinecone API key',
    code: "import { Pinecone } from '@pinecone-database/pinecone';\nexport const pc = new Pinecone({ apiKey: 'pcsk_4mZq8X_Lw2Np6Rt8Vy0Ab2Cd4Ef6Gh8Ij0Kl2Mn4Op6Qr8St0Uv2Wx4Yz6' });",
    literal: 'pcsk_4mZq8X_Lw2Np6Rt8Vy0Ab2Cd4Ef6Gh8Ij0Kl2Mn4Op6Qr8St0Uv2Wx4Yz6',
    envVar: 'PINECONE_API_KEY',
    column: 42,
  },
  {
    name: 'a Hugging Face access token',
    code: "import { HfInference } from '@huggingface/inference';\nexport const hf = new HfInference('hf_QxWmLzNpRtVyAbCdEfGhIjKlMnOpQrStUv');",
    literal: 'hf_QxWmLzNpRtVyAbCdEfGhIjKlMnOpQrStUv',
    envVar: 'SECRET_KEY',
    column: 35,
  },
  {
    name: "LangChain's ChatOpenAI",
    code: "import { ChatOpenAI } from '@langchain/openai';\nexport const chat = new ChatOpenAI({ model: 'gpt-4o', apiKey: 'sk-proj-Aa1Bb2Cc3Dd4Ee5Ff6Gg7Hh8Ii9Jj0Kk1Ll2Mm3Nn4Oo5Pp6Qq7' });",
    literal: 'sk-proj-Aa1Bb2Cc3Dd4Ee5Ff6Gg7Hh8Ii9Jj0Kk1Ll2Mm3Nn4Oo5Pp6Qq7',
    envVar: 'CHAT_OPEN_AI_API_KEY',
    column: 63,
  },
  {
    name: 'a Qdrant Cloud key beside its cluster URL',
    code: "import { QdrantClient } from '@qdrant/js-client-rest';\nexport const qdrant = new QdrantClient({ url: 'https://x.cloud.qdrant.io', apiKey: 'Qm8Xw2Lm4Np6Rt8Vy0Ab2Cd4Ef6Gh8Ij0Kl2Mn4Op6Qr8' });",
    literal: 'Qm8Xw2Lm4Np6Rt8Vy0Ab2Cd4Ef6Gh8Ij0Kl2Mn4Op6Qr8',
    envVar: 'QDRANT_CLIENT_API_KEY',
    column: 84,
  },
];

ruleTester.run('no-hardcoded-key (LLM SDKs and vector databases)', noHardcodedKey, {
  valid: [
    {
      name: 'an Ollama server on this machine through the AI SDK',
      code: "import { createOpenAI } from '@ai-sdk/openai';\nexport const ollama = createOpenAI({ baseURL: 'http://localhost:11434/v1', apiKey: 'ollama' });",
    },
    {
      name: "LM Studio through LangChain, the endpoint nested under `configuration`",
      code: "import { ChatOpenAI } from '@langchain/openai';\nexport const chat = new ChatOpenAI({ model: 'local', apiKey: 'lm-studio', configuration: { baseURL: 'http://127.0.0.1:1234/v1' } });",
    },
    {
      name: 'keys read from the environment',
      code: "import { Pinecone } from '@pinecone-database/pinecone';\nimport Replicate from 'replicate';\nexport const pc = new Pinecone({ apiKey: process.env.PINECONE_API_KEY! });\nexport const replicate = new Replicate({ auth: process.env.REPLICATE_API_TOKEN });",
    },
    {
      name: 'a local Qdrant without a key, and a model id beside an environment key',
      code: "import { QdrantClient } from '@qdrant/js-client-rest';\nimport { createAnthropic } from '@ai-sdk/anthropic';\nexport const qdrant = new QdrantClient({ url: 'http://localhost:6333' });\nexport const model = createAnthropic({ apiKey: process.env.ANTHROPIC_API_KEY })('claude-sonnet-4-20250514');",
    },
  ],
  invalid: cases.map(({ name, code, literal, envVar, column }) => ({
    name,
    code,
    errors: [{ messageId: 'hardcodedKey' as const, line: 2, column, suggestions: [{ messageId: 'readFromEnvironment' as const, output: fromEnvironment(code, literal, envVar) }] }],
  })),
});
