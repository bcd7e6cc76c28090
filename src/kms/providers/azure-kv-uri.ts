import { KeywardenError } from '../errors';

export const AZURE_KV_SCHEME = 'azure-kv';

export interface AzureKeyRef {
  /** Vault or Managed HSM host name, e.g. `acme.vault.azure.net`. */
  host: string;
  name: string;
  /** Key Vault version id (32 hex characters in Azure); absent = the current version. */
  version?: string;
}

/**
 * Azure's public, sovereign-cloud and Managed HSM key vault domains. A key URI
 * read from a sealed blob may name any host; only these (and hosts the user
 * configured) ever receive a request, so a forged blob cannot send a bearer
 * token to someone else's server.
 */
export const AZURE_VAULT_DOMAINS = [
  '.vault.azure.net',
  '.managedhsm.azure.net',
  '.vault.azure.cn',
  '.managedhsm.azure.cn',
  '.vault.usgovcloudapi.net',
  '.managedhsm.usgovcloudapi.net',
  '.vault.microsoftazure.de',
];

// Key Vault names: 3–24 of [a-z0-9-]; key names: 1–127 of [A-Za-z0-9-]; versions: 32 hex (lenient: 1–64 alphanumerics).
const HOST = /^[a-z0-9](?:[a-z0-9-]{0,62})(?:\.[a-z0-9](?:[a-z0-9-]{0,62}))*(?::\d{1,5})?$/;
const NAME = /^[A-Za-z0-9-]{1,127}$/;
const VERSION = /^[A-Za-z0-9]{1,64}$/;

/** `azure-kv://HOST/keys/NAME[/VERSION]` → its parts; anything else is UNSUPPORTED_FORMAT. */
export function parseAzureKvUri(keyUri: string): AzureKeyRef {
  const prefix = `${AZURE_KV_SCHEME}://`;
  if (typeof keyUri !== 'string' || !keyUri.startsWith(prefix)) throw new KeywardenError('UNSUPPORTED_FORMAT', 'Not an azure-kv:// key URI');
  const [host = '', keys, name = '', version, ...rest] = keyUri.slice(prefix.length).split('/');
  if (!HOST.test(host) || keys !== 'keys' || !NAME.test(name) || rest.length > 0 || (version !== undefined && !VERSION.test(version))) {
    throw new KeywardenError('UNSUPPORTED_FORMAT', 'Malformed azure-kv:// key URI: expected azure-kv://VAULT_HOST/keys/NAME[/VERSION]');
  }
  return version === undefined ? { host, name } : { host, name, version };
}

export function azureKvUri(ref: AzureKeyRef): string {
  return `${AZURE_KV_SCHEME}://${ref.host}/keys/${ref.name}${ref.version === undefined ? '' : `/${ref.version}`}`;
}

/**
 * The https base URL requests for `host` go to: the configured one, else
 * `https://HOST` for Azure's own vault domains. Any other host is refused
 * (KMS_DENIED) before a request is made.
 */
export function vaultBaseUrl(host: string, configured: Readonly<Record<string, string>> | undefined): string {
  const mapped = configured && Object.prototype.hasOwnProperty.call(configured, host) ? configured[host] : undefined;
  if (mapped !== undefined) return mapped.replace(/\/+$/, '');
  const bare = host.replace(/:\d+$/, '');
  if (AZURE_VAULT_DOMAINS.some((domain) => bare.endsWith(domain))) return `https://${host}`;
  throw new KeywardenError(
    'KMS_DENIED',
    `azure-kv:// host "${host.slice(0, 100)}" is not an Azure Key Vault domain nor listed in providerOptions['azure-kv'].vaultUrls; refusing to send it a token`,
  );
}
