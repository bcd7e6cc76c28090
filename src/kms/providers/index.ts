import { KeywardenError } from '../errors';
import type { KeyProvider } from '../provider';
import type { LocalProviderOptions } from './local';

/**
 * Per-scheme provider options, passed as `createEnvelopeClient({ providerOptions })`.
 * Keyed by scheme so one client can hold settings for every provider its data
 * may name (a blob's key URI picks the provider at decrypt time).
 */
export interface ProviderOptionsMap {
  local?: LocalProviderOptions;
  /** `@aws-sdk/client-kms` settings: endpoint, region, credentials, client, … */
  'aws-kms'?: object;
  /** PKCS#11 module path, token label, PIN source, … */
  pkcs11?: object;
  /** Vault address, token, namespace, … */
  'vault-transit'?: object;
  /** Azure Key Vault credential, vault URLs, wrap algorithm, … */
  'azure-kv'?: object;
  [scheme: string]: object | undefined;
}

type ProviderFactory = (options: object | undefined) => KeyProvider;

/**
 * URI scheme → factory loader. Loaders run on first use of a scheme, so a
 * provider module (and the SDK it pulls in) is only loaded when a key URI of
 * that scheme is actually used.
 */
const registry: Record<string, () => ProviderFactory> = {
  local: () => loadFactory('./local', 'createLocalProvider'),
  // Cloud and hardware providers: one line each, modules loaded on demand.
  'aws-kms': () => loadFactory('./aws-kms', 'createAwsKmsProvider'),
  pkcs11: () => loadFactory('./pkcs11', 'createPkcs11Provider'),
  'vault-transit': () => loadFactory('./vault-transit', 'createVaultTransitProvider'),
  'gcp-kms': () => loadFactory('./gcp-kms', 'createGcpKmsProvider'),
  'azure-kv': () => loadFactory('./azure-kv', 'createAzureKeyVaultProvider'),
};

export function registeredSchemes(): string[] {
  return Object.keys(registry);
}

export function createProvider(scheme: string, options: ProviderOptionsMap = {}): KeyProvider {
  const loader = Object.prototype.hasOwnProperty.call(registry, scheme) ? registry[scheme] : undefined;
  if (!loader) {
    throw new KeywardenError(
      'UNSUPPORTED_FORMAT',
      `no key provider for "${scheme}://" (known: ${registeredSchemes().join(', ')}); pass a provider instance for others`,
    );
  }
  return loader()(options[scheme]);
}

/**
 * Loads a provider module and picks its factory. A module missing from this
 * build is a clear UNSUPPORTED_FORMAT error, not a crash; any other load
 * failure (a provider's own KeywardenError, e.g. a missing peer SDK) passes through.
 */
export function loadFactory(request: string, exportName: string): ProviderFactory {
  let loaded: Record<string, unknown>;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require(request) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof KeywardenError) throw error;
    const code = (error as { code?: unknown }).code;
    if (code === 'MODULE_NOT_FOUND' && String((error as Error).message).includes(`'${request}'`)) {
      throw new KeywardenError('UNSUPPORTED_FORMAT', `key provider module ${request} is not part of this keywarden build`, { cause: error });
    }
    throw new KeywardenError('UNSUPPORTED_FORMAT', `key provider module ${request} failed to load: ${(error as Error).message}`, { cause: error });
  }
  const factory = loaded[exportName];
  if (typeof factory !== 'function') {
    throw new KeywardenError('UNSUPPORTED_FORMAT', `key provider module ${request} does not export ${exportName}()`);
  }
  return factory as ProviderFactory;
}
