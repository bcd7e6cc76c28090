import { construct } from '../define';
import type { ArgAddress, ArgRole, LibraryModel } from '../types';

/**
 * LLM providers' server SDKs, whose clients take the account's secret API key: OpenAI `new OpenAI({ apiKey })` (and
 * `AzureOpenAI`), Anthropic `new Anthropic({ apiKey })`, Google `new GoogleGenerativeAI(apiKey)` /
 * `new GoogleGenAI({ apiKey })`, Mistral `new Mistral({ apiKey })`, Groq `new Groq({ apiKey })` and Cohere
 * `new CohereClient({ token })`. A hardcoded one spends the account's quota and reads its stored files and
 * conversations for whoever reads the code, like a payment provider's secret key (decision 118).
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
];

/** One SDK package: each client class and the argument path of its API key. */
function providerSdk(module: string, clients: Readonly<Record<string, ArgAddress>>): LibraryModel {
  return {
    id: module,
    roots: [{ module }],
    apis: Object.entries(clients).map(([name, keyPath]) => construct(name, 'client', credentialAt(keyPath))),
  };
}

function credentialAt(address: ArgAddress): Partial<Record<ArgAddress, ArgRole>> {
  const args: Partial<Record<ArgAddress, ArgRole>> = {};
  args[address] = 'credential';
  return args;
}
