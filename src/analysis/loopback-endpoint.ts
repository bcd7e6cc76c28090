import type { TSESTree } from '@typescript-eslint/utils';
import { propertyName } from './scope';

/** `http://localhost:11434/v1`, `http://127.0.0.1:8000`, `http://[::1]:4566`, `http://0.0.0.0:1234`. */
const LOOPBACK_URL = /^[a-z][a-z0-9+.-]*:\/\/(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)(?::\d+)?(?:[/?#]|$)/i;
/** Options that say where a client sends its requests. */
const ENDPOINT_OPTION = /^(?:base_?url|endpoint|url|host|server_?url|api_?base)$/i;

/**
 * Is `node` (a client's argument, or a value inside one) in the same options object as an endpoint on this machine,
 * directly, in an enclosing object or in a sibling object (`new OpenAI({ baseURL: 'http://localhost:11434/v1', apiKey: 'ollama' })`, a KMS
 * client with `endpoint: 'http://localhost:4566'` and `credentials: { … }`)? A local server or emulator takes whatever
 * dummy credential the SDK insists on (decision 8).
 */
export function besideLoopbackEndpoint(node: TSESTree.Node): boolean {
  for (let at: TSESTree.Node | undefined = node.parent; at; at = at.parent) {
    if (at.type === 'Property') continue;
    if (at.type !== 'ObjectExpression') return false;
    if (at.properties.some((p) => isLoopbackEndpointOption(p) || holdsLoopbackEndpoint(p))) return true;
  }
  return false;
}

function isLoopbackEndpointOption(property: TSESTree.ObjectLiteralElement): boolean {
  if (property.type !== 'Property' || !ENDPOINT_OPTION.test(propertyName(property.key) ?? '')) return false;
  const value = literalText(property.value);
  return value !== undefined && LOOPBACK_URL.test(value);
}

/**
 * A sibling option that is itself an object naming a local endpoint: LangChain's
 * `new ChatOpenAI({ apiKey: 'lm-studio', configuration: { baseURL: 'http://127.0.0.1:1234/v1' } })`.
 */
function holdsLoopbackEndpoint(property: TSESTree.ObjectLiteralElement): boolean {
  return property.type === 'Property' && property.value.type === 'ObjectExpression' && property.value.properties.some(isLoopbackEndpointOption);
}

function literalText(node: TSESTree.Node): string | undefined {
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked ?? undefined;
  return undefined;
}
