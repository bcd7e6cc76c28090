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
  /** The API's own name of the operation, for messages (AWS: `GenerateDataKey`). */
  name?: string;
  /** The request field binding the ciphertext to its context (AWS `EncryptionContext`), where the operation takes one. */
  contextField?: string;
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

/**
 * AWS KMS's JSON API called without the SDK (edge runtimes such as Cloudflare Workers sign a
 * plain `fetch` with aws4fetch): the `X-Amz-Target: TrentService.<Operation>` request header, not
 * the client, says what the call does; the JSON body and response carry the SDK command's fields.
 * The same table shape as Vault's: a KMS reached over HTTP.
 */
export const AWS_KMS_TARGET_HEADER = 'x-amz-target';
export const AWS_KMS_TARGET = /^TrentService\.(\w+)$/;
export const AWS_KMS_JSON_OPERATIONS: Readonly<Record<string, VaultTransitEndpoint>> = {
  Encrypt: { operation: 'encrypt', name: 'Encrypt', requestField: 'Plaintext', contextField: 'EncryptionContext' },
  GenerateDataKey: { operation: 'datakey', name: 'GenerateDataKey', responseField: 'Plaintext', dataKey: true, contextField: 'EncryptionContext' },
  GenerateDataKeyPair: { operation: 'datakey', name: 'GenerateDataKeyPair', responseField: 'PrivateKeyPlaintext', dataKey: true, contextField: 'EncryptionContext' },
  Decrypt: { operation: 'decrypt', name: 'Decrypt', responseField: 'Plaintext', ciphertextField: 'CiphertextBlob', contextField: 'EncryptionContext' },
};
