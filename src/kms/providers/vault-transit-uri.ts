import { KeywardenError } from '../errors';

/** A Vault Transit key named by `vault-transit://HOST[:PORT]/[MOUNT/]KEYNAME[#vN]`. */
export interface VaultKeyRef {
  /** `HOST[:PORT]` exactly as written in the URI. */
  authority: string;
  hostname: string;
  port: string;
  /** Transit mount path without slashes at the ends; `transit` by default. */
  mount: string;
  name: string;
  /** Key version from `#vN`, when the URI pins one. */
  version?: number;
}

export const VAULT_TRANSIT_SCHEME = 'vault-transit';
const DEFAULT_MOUNT = 'transit';
// Vault's own name pattern (framework.GenericNameRegex): word characters,
// dashes and dots, not starting or ending with a dash or dot.
const NAME = /^\w(?:[\w.-]{0,126}\w)?$/;

export function parseVaultTransitUri(keyUri: string): VaultKeyRef {
  const bad = (why: string): KeywardenError =>
    new KeywardenError('UNSUPPORTED_FORMAT', `Malformed vault-transit:// key URI (${why}): expected vault-transit://HOST[:PORT]/[MOUNT/]KEYNAME`);
  if (typeof keyUri !== 'string' || !keyUri.startsWith(`${VAULT_TRANSIT_SCHEME}://`)) throw bad('scheme');
  let url: URL;
  try {
    url = new URL(keyUri);
  } catch {
    throw bad('syntax');
  }
  if (!url.hostname || url.username || url.password || url.search) throw bad('authority');
  // Segments are checked as written: URL would resolve `..` and keep `%2F`.
  const rawPath = keyUri.slice(`${VAULT_TRANSIT_SCHEME}://`.length).replace(/^[^/]*/, '').replace(/#.*$/, '');
  const segments = rawPath.split('/').filter((s) => s !== '');
  if (segments.length === 0 || !segments.every((s) => NAME.test(s))) throw bad('path');
  const name = segments.pop()!;
  let version: number | undefined;
  if (url.hash) {
    const match = /^#v([1-9]\d{0,8})$/.exec(url.hash);
    if (!match) throw bad('version');
    version = Number(match[1]);
  }
  return {
    authority: url.port ? `${url.hostname}:${url.port}` : url.hostname,
    hostname: url.hostname,
    port: url.port,
    mount: segments.length > 0 ? segments.join('/') : DEFAULT_MOUNT,
    name,
    version,
  };
}

/** The canonical URI of a key version: the default mount is left out. */
export function formatVaultTransitUri(key: VaultKeyRef, version?: number): string {
  const mount = key.mount === DEFAULT_MOUNT ? '' : `${key.mount}/`;
  const suffix = version === undefined ? '' : `#v${version}`;
  return `${VAULT_TRANSIT_SCHEME}://${key.authority}/${mount}${key.name}${suffix}`;
}

/** `vault:v3:...` → 3; undefined when the text is not a Vault ciphertext. */
export function vaultCiphertextVersion(ciphertext: string): number | undefined {
  const match = /^vault:v([1-9]\d{0,8}):[A-Za-z0-9+/]+={0,2}$/.exec(ciphertext);
  return match ? Number(match[1]) : undefined;
}
