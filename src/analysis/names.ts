/**
 * What identifiers say about the values they hold. Used only to add evidence
 * (a key-looking string bound to a key-looking name), never as the sole reason.
 */

/** Splits camelCase, snake_case, kebab-case and SCREAMING_CASE into lower-case words. */
export function words(name: string): readonly string[] {
  // The same few hundred names are split again and again by every heuristic: remember them.
  let split = wordCache.get(name);
  if (!split) {
    split = Object.freeze(
      name
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map((w) => w.toLowerCase()),
    );
    if (wordCache.size >= WORD_CACHE_SIZE) wordCache.clear();
    if (name.length <= 200) wordCache.set(name, split);
  }
  return split;
}
const WORD_CACHE_SIZE = 5000;
const wordCache = new Map<string, readonly string[]>();

// `mnemonic`: a wallet's BIP-39 recovery phrase, the seed every key of the wallet derives from. `pskc`: Thread's pre-shared
// key for the commissioner, the key a commissioner authenticates with (a TLS `psk` binding is judged at its sink, and
// `PSK_IDENTITY` is the public half).
const SECRET_WORDS = new Set(['secret', 'kek', 'dek', 'passphrase', 'hmac', 'aes', 'pepper', 'mnemonic', 'pskc']);
// `content`: media encryption's name for the key that encrypts the content (CENC/ClearKey/FairPlay content keys). Not
// `segment`: Segment's analytics `writeKey` is public.
const KEY_QUALIFIERS = new Set(['account', 'service', 'encryption', 'enc', 'signing', 'sign', 'hmac', 'master', 'aes', 'cipher', 'crypto', 'jwt', 'session', 'data', 'private', 'priv', 'secret', 'symmetric', 'wrapping', 'mac', 'token', 'cookie', 'app', 'shared', 'root', 'content',
  // Keys named for what they protect data with: S3 SSE-C's customer key (`REPORT_SSE_KEY`), the keyed hash of tokenization
  // and pseudonymisation (`TOKENIZATION_KEY`, `PSEUDONYM_KEY`).
  'sse', 'tokenization', 'tokenisation', 'pseudonym', 'pseudonymization', 'pseudonymisation',
  // Keys named for their place in a rotation (`LEGACY_KEYRING`, `OLD_KEYS`, `RETIRED_KEY`): versions kept to read old records.
  'legacy', 'old', 'retired', 'rotated',
  // The MAC key of a scheme that pairs it with an encryption key: 3GPP's and IPsec's integrity key (IK beside CK), the
  // `integrityKey` beside the `encryptionKey` of Google's and OpenRTB exchanges' price encryption.
  'integrity']);
/** Words that make a name about something other than the secret itself. */
const NOT_SECRET_WORDS = new Set([
  'public', 'pub', 'prefix', 'suffix', 'header', 'name', 'names', 'id', 'ids', 'kid', 'kids', 'path', 'file', 'url', 'uri', 'env',
  'field', 'column', 'param', 'label', 'type', 'length', 'len', 'size', 'bits', 'version', 'alias', 'arn', 'region', 'hash', 'digest',
  'fingerprint', 'checksum', 'etag', 'placeholder', 'example', 'format', 'algorithm', 'alg', 'location', 'ref', 'manager',
  'provider', 'count', 'rotation', 'expiry', 'expires', 'ttl', 'policy', 'scope', 'usage', 'usages', 'spec', 'kind', 'mode', 'query',
  'hint', 'regex', 'pattern', 'salt', 'iv', 'nonce', 'dir', 'directory', 'folder', 'host', 'hostname', 'port', 'endpoint',
  // A wrapped (KMS-encrypted) key is ciphertext: only a principal allowed to unwrap it gets the key (decision 22).
  'wrapped', 'encrypted',
]);
/**
 * Head nouns naming a store or a channel that holds keys, not a key: `CONTENT_KEY_TABLE` is the name of a table of
 * (wrapped) content keys, `SIGNING_KEY_BUCKET` a bucket, `KEY_VAULT_NAMESPACE` a collection. Only as the last word: the
 * word before `key` still qualifies it (`TABLE_ENCRYPTION_KEY` is a key).
 */
const STORE_HEAD_WORDS: ReadonlySet<string> = new Set(['table', 'tables', 'bucket', 'buckets', 'queue', 'queues', 'topic', 'topics', 'collection', 'collections', 'database', 'db', 'namespace']);

/** Words that usually mean a lookup key (`cacheKey`, `storageKey`) unless a strong qualifier says otherwise (`cacheEncryptionKey`). */
const LOOKUP_WORDS = new Set(['cache', 'storage', 'store', 'redis', 'map', 'index', 'react', 'prop', 'props', 'i18n', 'translation', 'route', 'event', 'metric', 'local', 'idempotency', 'dedupe', 'lookup', 'sort', 'partition', 'primary', 'foreign', 'unique', 'row', 'object', 'list', 'item', 'child', 'api', 'access', 'license', 'client', 'publishable']);
const STRONG_QUALIFIERS = new Set(['encryption', 'enc', 'signing', 'hmac', 'master', 'aes', 'cipher', 'crypto', 'jwt', 'private', 'priv', 'secret', 'symmetric', 'wrapping', 'mac', 'kek', 'dek']);

// A `keyring` holds keys: named like a list of them.
const SINGULAR: Readonly<Record<string, string>> = { keys: 'key', secrets: 'secret', passphrases: 'passphrase', keyring: 'key' };

const MAY_NAME_SECRET = /key|secret|kek|dek|passphrase|hmac|aes|pepper|mnemonic|psk/i;

/**
 * The working keys of card payments, named by their acronyms in ANSI X9.24 and ISO 11568 and in payment HSMs' command
 * sets: a terminal master or PIN key (`tmk`, `tpk`), a zone master or PIN key (`zmk`, `zpk`), a DUKPT base derivation
 * key and a terminal's initial key (`bdk`, `ipek`), a TR-31 key block protection key (`kbpk`). Only as the last word
 * (`LAB_BDK`, `terminalTmk`): `zpkKcv`, `bdkId` and `tmkUnderLmk` name something else.
 */
export const PAYMENT_KEY_ACRONYMS: ReadonlySet<string> = new Set(['tmk', 'tpk', 'zmk', 'zpk', 'bdk', 'ipek', 'kbpk']);
/**
 * Names whose last word is `ki` or one of PAYMENT_KEY_ACRONYMS (`ki`, `subscriberKi`, `SUBSCRIBER_KI`, `LAB_BDK`,
 * `terminalTmk`), not names that merely end in those letters (`wiki`, `ski`, `desktopk`).
 */
const ENDS_IN_KEY_ACRONYM: readonly RegExp[] = [
  /(?:^|_)(?:ki|tmk|tpk|zmk|zpk|bdk|ipek|kbpk)$/i,
  /[a-z0-9](?:Ki|KI|Tmk|TMK|Tpk|TPK|Zmk|ZMK|Zpk|ZPK|Bdk|BDK|Ipek|IPEK|Kbpk|KBPK)$/,
];

/** Trailing words naming the encoding a key is written in. */
const ENCODING_TAILS = new Set(['hex', 'b64', 'base64', 'base64url', 'b64url', 'pem', 'der', 'bytes']);

/**
 * Words that can say where a key is used (`FIELD_ENCRYPTION_KEY`: field-level encryption, `endpointSecret`:
 * a webhook endpoint's signing secret, `URL_SIGNING_KEY`: a CDN's signed URLs, `FILE_ENCRYPTION_KEY`,
 * `ID_TOKEN_SIGNING_KEY`) rather than name a field, a file or an address (`encryptionKeyFile`, `SIGNING_KEY_URL`).
 */
const SCOPE_WORDS = new Set(['field', 'column', 'endpoint', 'file', 'url', 'uri', 'header', 'id']);

/**
 * `field` in `FIELD_ENCRYPTION_KEY` qualifies the encryption that follows it; in `encryptionKeyField` it is what the name
 * names. Exported for key-names.ts, whose list of non-secret words shares these.
 */
export function scopesStrongQualifier(parts: readonly string[], index: number): boolean {
  return SCOPE_WORDS.has(parts[index]) && parts.slice(index + 1).some((w) => STRONG_QUALIFIERS.has(w));
}

/** Words that make a `…Password` the key sealing a session or cookie rather than a user's password. */
const SEALED_WORDS = new Set(['session', 'cookie']);

/**
 * `sessionPassword`, `cookiePassword`: iron-session, @hapi/cookie (`cookie: { password }`), h3 and
 * nuxt-auth-utils (`session: { password }`) seal their cookies with a key they call a password.
 */
function isSealingPasswordName(name: string): boolean {
  if (!/password/i.test(name)) return false;
  const parts = words(name);
  return parts.length > 1 && parts[parts.length - 1] === 'password' && parts.slice(0, -1).some((w) => SEALED_WORDS.has(w));
}

/** `KEY_HEX`, `sessionSecretB64`, `SIGNING_KEYS_PEM`: the last words say how the key is written, not what it is. */
export function withoutEncodingTails(parts: readonly string[]): readonly string[] {
  let end = parts.length;
  while (end > 1 && ENCODING_TAILS.has(parts[end - 1])) end--;
  return end === parts.length ? parts : parts.slice(0, end);
}

/**
 * Words naming a certificate or a certificate chain (`peerCertificate`, `certDer`, `x509.raw`, `server.crt`; `x5c` is the
 * JWS/JWK header's chain): a public document, whose bytes are no key and whose digest is its thumbprint.
 */
const CERTIFICATE_WORDS: ReadonlySet<string> = new Set(['x5c', 'cert', 'certs', 'certificate', 'certificates', 'crt', 'x509']);

/** Do these words of a name name a certificate (see CERTIFICATE_WORDS)? */
export function namesCertificate(nameWords: readonly string[]): boolean {
  return nameWords.some((w) => CERTIFICATE_WORDS.has(w));
}

/** Does a key-named name say it holds several (`CONTENT_KEYS`, `signingSecrets`, `keyring`), a table rather than one key? */
export function namesSeveralKeys(name: string): boolean {
  const parts = withoutEncodingTails(words(name));
  const last = parts[parts.length - 1];
  return last !== undefined && last in SINGULAR;
}

/**
 * Does the name end in `key` without saying what kind (`DEMO_ROOM_KEY`, `syncKeyBytes`), and without a word that makes it
 * a lookup key or a key's attribute? Weaker than `isSecretKeyName`: only the value can settle it (bytes decoded from
 * written text at a key's length are no cache or React key).
 */
export function namesUnqualifiedKey(name: string): boolean {
  if (!/key/i.test(name)) return false;
  const parts = withoutEncodingTails(words(name));
  if (parts[parts.length - 1] !== 'key') return false;
  if (parts.some((w, i) => NOT_SECRET_WORDS.has(w) && !scopesStrongQualifier(parts, i))) return false;
  return !parts.some((w) => LOOKUP_WORDS.has(w) || OTHER_PARTY_WORDS.has(w));
}

/**
 * Words naming the other side of an exchange or a verifier (`serverKey`, `PEER_KEY`, `verifyKey`): a raw X25519/Ed25519
 * public key is 32 bytes too, and that is what such a name usually holds.
 */
const OTHER_PARTY_WORDS: ReadonlySet<string> = new Set(['peer', 'remote', 'server', 'their', 'recipient', 'receiver', 'verify', 'verifying', 'verification', 'trusted', 'pinned', 'issuer', 'signer']);

/**
 * Does the name say it holds something other than a secret (`DEFAULT_CURRENT_KID`, `FALLBACK_KEY_ALIAS`,
 * `signingKeyPath`)? `kid` is JOSE's key id.
 */
export function namesNonSecretValue(name: string): boolean {
  return !isSecretKeyName(name) && words(name).some((w) => NOT_SECRET_WORDS.has(w));
}

/** Words naming one piece of a key split between holders (Shamir or SLIP-39 shares, an MPC party's key share, a shard). */
const KEY_PIECE_WORDS: ReadonlySet<string> = new Set(['share', 'shares', 'shard', 'shards']);
/** Words a split secret is named by, before the piece (`keyShare`, `secretShard`, `SEED_SHARES`). */
const SPLIT_SECRET_WORDS: ReadonlySet<string> = new Set(['key', 'secret', 'seed', 'mnemonic']);

/**
 * `keyShareA`, `SIGNER_KEY_SHARE`, `secretShard2`: one share of a split key. Only secrets are split (a public key is
 * published whole) and with the other shares each one is the key, so no qualifier is needed; a name that says it holds
 * something else (`publicKeyShare`, `keyShareId`, `keyShareIndex`) is not one.
 */
export function namesKeyShare(name: string): boolean {
  if (!/shar[de]/i.test(name)) return false;
  const parts = withoutEncodingTails(words(name))
    .map((w) => w.replace(/\d+$/, ''))
    .filter(Boolean);
  // A holder's label after the piece (`keyShareA`, `KEY_SHARE_2`).
  const end = parts.length > 2 && parts[parts.length - 1].length === 1 ? parts.length - 1 : parts.length;
  if (end < 2 || !KEY_PIECE_WORDS.has(parts[end - 1]) || !SPLIT_SECRET_WORDS.has(parts[end - 2])) return false;
  return !parts.some((w, i) => (NOT_SECRET_WORDS.has(w) && !scopesStrongQualifier(parts, i)) || LOOKUP_WORDS.has(w));
}

/**
 * `authToken`, `AUTH_TOKEN`: the account secret CPaaS providers (Twilio, Plivo, SignalWire) issue beside a public account
 * id; besides authenticating API calls it is the HMAC key of the provider's webhook signatures (decision 44). Not
 * `authTokenUrl`, `authTokenHeader`.
 */
export function namesAuthToken(name: string): boolean {
  if (!/auth/i.test(name)) return false;
  const parts = withoutEncodingTails(words(name));
  return parts.length >= 2 && parts[parts.length - 2] === 'auth' && parts[parts.length - 1] === 'token' && !parts.some((w) => NOT_SECRET_WORDS.has(w));
}

/** The words a field-level encryption key is named for, right before its last word `key`. */
const FIELD_LEVEL_WORDS: ReadonlySet<string> = new Set(['field', 'column']);

/**
 * `ssnFieldKey`, `COLUMN_KEY`, `pii.fieldKey`: the key of field- or column-level encryption. `field` and `column` are
 * non-secret words where they name what holds a key (`keyField`, `KEY_COLUMN`, `fieldKeyName`); right before a final
 * `key` they say what the key encrypts. As weak as `namesUnqualifiedKey`: a form's `fieldKey: 'email'` is one too, so
 * only a key-shaped value settles it.
 */
export function namesFieldLevelKey(name: string): boolean {
  if (!/(?:field|column)_?key/i.test(name)) return false;
  const parts = withoutEncodingTails(words(name));
  const n = parts.length;
  if (n < 2 || parts[n - 1] !== 'key' || !FIELD_LEVEL_WORDS.has(parts[n - 2])) return false;
  return !parts.slice(0, n - 2).some((w) => NOT_SECRET_WORDS.has(w) || LOOKUP_WORDS.has(w) || OTHER_PARTY_WORDS.has(w));
}

/** Does the name say it holds a secret key (`ENCRYPTION_KEY`, `jwtSecret`, `hmacKey`, `privateKey`)? */
export function isSecretKeyName(name: string): boolean {
  if (isSealingPasswordName(name) || namesAuthToken(name)) return true;
  // Every name that passes below contains one of these words (or ends in the word `ki` or a payment key's acronym): a
  // cheap test first, since rules ask for every binding.
  if (!MAY_NAME_SECRET.test(name) && !ENDS_IN_KEY_ACRONYM.some((pattern) => pattern.test(name))) return false;
  // A list of keys names its elements: `app.keys`, `signingKeys`, `SESSION_SECRETS`.
  const parts = withoutEncodingTails(words(name).map((w) => SINGULAR[w] ?? w));
  if (parts.length === 0 || parts.some((w, i) => NOT_SECRET_WORDS.has(w) && !scopesStrongQualifier(parts, i))) return false;
  if (STORE_HEAD_WORDS.has(parts[parts.length - 1])) return false;
  if (parts.some((w) => LOOKUP_WORDS.has(w)) && !parts.some((w) => STRONG_QUALIFIERS.has(w))) return false;
  if (parts.some((w) => SECRET_WORDS.has(w)) || namesKeyShare(name)) return true;
  // `ki`, `SUBSCRIBER_KI`: a mobile subscriber's authentication key (3GPP's K, Ki in SIM vendors' files and AuC tables).
  if (parts[parts.length - 1] === 'ki' || PAYMENT_KEY_ACRONYMS.has(parts[parts.length - 1])) return true;
  // `psk`, `SCANNER_PSK`, `gatewayPskHex`: a pre-shared key (TLS-PSK, WPA, IPsec, a device bridge's shared secret), only
  // as the last word: `PSK_IDENTITY` and `pskIdentityHint` name the public half, `PSK_ID` its id.
  if (parts[parts.length - 1] === 'psk') return true;
  const keyIndex = parts.lastIndexOf('key');
  if (keyIndex < 0) return false;
  if (parts.length === 1) return true; // `key`
  return parts.some((w, i) => i !== keyIndex && KEY_QUALIFIERS.has(w));
}
