import { call, construct, type Args } from '../define';
import type { ArgAddress, LibraryModel } from '../types';

/**
 * LLM providers' server SDKs, whose clients take the account's secret API key: OpenAI `new OpenAI({ apiKey })` (and
 * `AzureOpenAI`), Anthropic `new Anthropic({ apiKey })`, Google `new GoogleGenerativeAI(apiKey)` /
 * `new GoogleGenAI({ apiKey })`, Mistral `new Mistral({ apiKey })`, Groq `new Groq({ apiKey })`, Cohere
 * `new CohereClient({ token })`, Together, Replicate and Hugging Face; the same keys handed to the Vercel AI SDK's
 * provider factories (`createOpenAI({ apiKey })`) and LangChain's models (`new ChatOpenAI({ apiKey })`); and the
 * vector databases RAG back-ends keep beside them (Pinecone, Qdrant). A hardcoded one spends the account's quota and
 * reads its stored files, conversations and indexed documents for whoever reads the code, like a payment provider's
 * secret key (decision 118).
 */
export const llmProviders: readonly LibraryModel[] = [
  // Default exports (`import OpenAI from 'openai'`, `import Anthropic from '@anthropic-ai/sdk'`, `import Groq from 'groq-sdk'`) and named ones.
  providerSdk('openai', { '': '0.apiKey', OpenAI: '0.apiKey', AzureOpenAI: '0.apiKey' }),
  providerSdk('@anthropic-ai/sdk', { '': '0.apiKey', Anthropic: '0.apiKey' }),
  providerSdk('@google/generative-ai', { GoogleGenerativeAI: '0' }),
  providerSdk('@google/genai', { GoogleGenAI: '0.apiKey' }),
  providerSdk('@mistralai/mistralai', { Mistral: '0.apiKey' }),
  providerSdk('groq-sdk', { '': '0.apiKey', Groq: '0.apiKey' }),
  providerSdk('cohere-ai', { CohereClient: '0.token' }),
  providerSdk('together-ai', { '': '0.apiKey', Together: '0.apiKey' }),
  providerSdk('replicate', { '': '0.auth', Replicate: '0.auth' }),
  // `new InferenceClient(token)` (and the older `HfInference`): a Hugging Face access token.
  providerSdk('@huggingface/inference', { InferenceClient: '0', HfInference: '0' }),
  // The Vercel AI SDK's provider factories.
  providerFactories('@ai-sdk/openai', ['createOpenAI']),
  providerFactories('@ai-sdk/azure', ['createAzure']),
  providerFactories('@ai-sdk/anthropic', ['createAnthropic']),
  providerFactories('@ai-sdk/google', ['createGoogleGenerativeAI']),
  providerFactories('@ai-sdk/mistral', ['createMistral']),
  providerFactories('@ai-sdk/groq', ['createGroq']),
  providerFactories('@ai-sdk/cohere', ['createCohere']),
  providerFactories('@ai-sdk/xai', ['createXai']),
  providerFactories('@ai-sdk/deepseek', ['createDeepSeek']),
  providerFactories('@openrouter/ai-sdk-provider', ['createOpenRouter']),
  // LangChain's models take `apiKey`, or the older provider-named option (`openAIApiKey`, `anthropicApiKey`).
  providerSdk('@langchain/openai', {
    ChatOpenAI: ['0.apiKey', '0.openAIApiKey'],
    OpenAIEmbeddings: ['0.apiKey', '0.openAIApiKey'],
    AzureChatOpenAI: ['0.apiKey', '0.azureOpenAIApiKey'],
  }),
  providerSdk('@langchain/anthropic', { ChatAnthropic: ['0.apiKey', '0.anthropicApiKey'] }),
  // Vector databases: the key reads and writes every indexed document.
  providerSdk('@pinecone-database/pinecone', { Pinecone: '0.apiKey' }),
  providerSdk('@qdrant/js-client-rest', { QdrantClient: '0.apiKey' }),
];

/** One SDK package: each client class and the argument path(s) of its API key. */
function providerSdk(module: string, clients: Readonly<Record<string, ArgAddress | readonly ArgAddress[]>>): LibraryModel {
  return {
    id: module,
    roots: [{ module }],
    apis: Object.entries(clients).map(([name, keyPaths]) => construct(name, 'client', credentialAt(keyPaths))),
  };
}

/** A package whose functions make a configured provider from options with an `apiKey`. */
function providerFactories(module: string, factories: readonly string[]): LibraryModel {
  return { id: module, roots: [{ module }], apis: factories.map((name) => call(name, 'client', credentialAt('0.apiKey'))) };
}

function credentialAt(addresses: ArgAddress | readonly ArgAddress[]): Args {
  const args: Args = {};
  for (const address of typeof addresses === 'string' ? [addresses] : addresses) args[address] = 'credential';
  return args;
}
