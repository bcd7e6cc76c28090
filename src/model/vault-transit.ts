/**
 * HashiCorp Vault's Transit engine, a KMS reached over plain HTTP (no SDK of its own): `fetch`,
 * axios or got against `${VAULT_ADDR}/v1/transit/<operation>/<key>`, or node-vault's
 * `vault.write('transit/<operation>/<key>', body)`. The endpoint path, not the HTTP client, says
 * what the call does, so the model is a table of paths.
 *
 * - `requestField`: the request body field holding the data sent to Vault.
 * - `responseField`: the response `data` field holding plaintext (base64).
 * - `dataKey`: the response plaintext is a freshly generated data key.
 */
export interface VaultTransitEndpoint {
  operation: 'datakey' | 'encrypt' | 'decrypt';
  requestField?: string;
  /** The request field holding the ciphertext to decrypt (`ciphertext` unless said otherwise). */
  ciphertextField?: string;
  responseField?: string;
  dataKey?: boolean;
}

export const VAULT_TRANSIT_ENDPOINTS: Readonly<Record<string, VaultTransitEndpoint>> = {
  'datakey/plaintext': { operation: 'datakey', responseField: 'plaintext', dataKey: true },
  encrypt: { operation: 'encrypt', requestField: 'plaintext' },
  decrypt: { operation: 'decrypt', responseField: 'plaintext' },
};

/**
 * A whole request path (not a sentence mentioning one): optional scheme/host/prefix, `v1/`,
 * `transit/`, the operation, then the key name. Expressions of a template literal are `${}`.
 */
export const VAULT_TRANSIT_PATH = /^(?:\S*\/)?(?:v1\/)?transit\/(datakey\/plaintext|encrypt|decrypt)\/\S+$/;

/**
 * node-vault's named transit commands: `vault.encryptData({ name, plainText })` posts to
 * `transit/encrypt/<name>` (and `decryptData({ name, cipherText })` to `transit/decrypt/<name>`).
 * The method of a node-vault client, not a path, says what the call does; the body is the first argument.
 */
export const NODE_VAULT_MODULE = 'node-vault';
export const NODE_VAULT_COMMANDS: Readonly<Record<string, VaultTransitEndpoint>> = {
  encryptData: { operation: 'encrypt', requestField: 'plainText' },
  decryptData: { operation: 'decrypt', responseField: 'plaintext', ciphertextField: 'cipherText' },
};
