/**
 * Names that say a binding holds a secret key (`key`, `dataKey`, `MASTER_SECRET`,
 * `dek`). Evidence only where a rule says so: a CSPRNG output whose binding is
 * called `aesKey` is a key even if it only reaches a helper of ours.
 */

import type { TSESTree } from '@typescript-eslint/utils';
import { namesKeyShare, PAYMENT_KEY_ACRONYMS, scopesStrongQualifier, words } from './names';
import { propertyName } from './scope';

/** camelCase / snake_case / SCREAMING_CASE → lower-case words. */
export const nameWords = words;

// `psk`: a TLS pre-shared key (RFC 4279), the whole key of a PSK handshake. `ki`: a mobile subscriber's authentication key
// (3GPP's K, called Ki by SIM vendors and HSS/AuC tables), the AES key of Milenage shared by the SIM and the AuC. The
// acronyms of card payments' working keys (`tmk`, `zpk`, `bdk`, …) are heads too: PAYMENT_KEY_ACRONYMS in names.ts.
const SECRET_HEADS = new Set(['key', 'keys', 'secret', 'secrets', 'dek', 'kek', 'seed', 'passphrase', 'psk', 'ki']);
/**
 * Words that make the name about something else: `keyId`, `publicKey`, `keyName`, `apiKey` (a bearer token),
 * and references to where a secret is kept (`PARTNER_SECRET_REF = 'op://…'`, `signingKeyUri`), which a secret
 * manager resolves: the reference itself is configuration.
 */
const NOT_SECRET = new Set(['public', 'pub', 'id', 'ids', 'name', 'path', 'file', 'url', 'uri', 'ref', 'reference', 'arn', 'alias', 'length', 'len', 'size', 'spec', 'usage', 'type', 'version', 'api', 'cache', 'prefix', 'hash', 'digest', 'fingerprint', 'encrypted', 'wrapped', 'ciphertext']);

/** Does the name say the value is secret key material? */
export function isSecretName(name: string): boolean {
  return areSecretWords(nameWords(name)) || namesKeyShare(name);
}

function areSecretWords(words: readonly string[]): boolean {
  if (words.length === 0 || words.some((w, i) => NOT_SECRET.has(w) && !scopesStrongQualifier(words, i) && !namesKeyOfFile(words, i))) return false;
  const head = words[words.length - 1];
  return SECRET_HEADS.has(head) || PAYMENT_KEY_ACRONYMS.has(head) || words.includes('secret') || words.includes('dek') || words.includes('kek');
}

/**
 * `fileKey`, `perFileKey`, `EXPORT_FILE_KEY`: `file` right before the closing `key` names whose key it is (a per-file
 * encryption key, age's and Cryptomator's "file key"); in `keyFile`, `privateKeyFile` it is what the name names.
 */
function namesKeyOfFile(words: readonly string[], index: number): boolean {
  return words[index] === 'file' && index === words.length - 2 && (words[index + 1] === 'key' || words[index + 1] === 'keys');
}

/** Does the name say the value is something other than a secret (`wrapped`, `encryptedKey`, `keyId`, `publicKey`)? */
export function isNotSecretName(name: string): boolean {
  const words = nameWords(name);
  return words.some((w, i) => NOT_SECRET.has(w) && !scopesStrongQualifier(words, i) && !namesKeyOfFile(words, i));
}

/** Words that make a `…Key` name cryptographic: `dataKey`, `signingKey`, `hmacKey` (not `primaryKey`, `sortKey`). */
const CRYPTO_QUALIFIERS = new Set(['data', 'master', 'signing', 'sign', 'encryption', 'enc', 'private', 'priv', 'hmac', 'mac', 'aes', 'jwt', 'session', 'cipher', 'crypto', 'root', 'wrapping', 'content', 'symmetric', 'shared', 'derived', 'plaintext', 'raw', 'secret']);

/**
 * Stronger evidence than isSecretName, for places with nothing else to go on (a binding logged with
 * no known source): the name says secret/passphrase/DEK/KEK, or a key qualified as cryptographic.
 * A bare `key` (object keys, map keys) or `sortKey` is not enough.
 */
export function isExplicitSecretName(name: string): boolean {
  if (namesKeyShare(name)) return true;
  const words = nameWords(name);
  if (isApiSecret(words)) return true;
  if (!areSecretWords(words)) return false;
  if (words.some((w) => EXPLICIT_SECRET_WORDS.has(w))) return true;
  return words.length > 1 && words.slice(0, -1).some((w) => CRYPTO_QUALIFIERS.has(w));
}

const EXPLICIT_SECRET_WORDS: ReadonlySet<string> = new Set(['secret', 'secrets', 'passphrase', 'dek', 'kek']);

/**
 * `apiSecret`, `apiSigningSecret`: `api` makes `apiKey` a bearer token (NOT_SECRET), but a name that says *secret*
 * after it is the API's shared secret (an HMAC signing secret, an OAuth client secret).
 */
function isApiSecret(words: readonly string[]): boolean {
  if (!words.includes('api') || SECRET_HEADS.has(words[words.length - 1]) === false) return false;
  const rest = words.filter((w) => w !== 'api');
  return rest.some((w) => w === 'secret' || w === 'secrets') && areSecretWords(rest);
}

const PASSWORD_HEADS = new Set(['password', 'passwd', 'pwd']);
/** Words that make a `…Password` name about something other than the password itself (`hashedPassword`, `maskedPassword`). */
const NOT_A_PASSWORD = new Set(['hashed', 'masked', 'redacted', 'placeholder', 'label']);

/**
 * A name that says the value is the password of a service or account (`smtpPassword`, `DB_PASSWORD`; not
 * `passwordHash`, `passwordPolicy`, `hashedPassword`): a credential whose place is not a log line, whatever the
 * file does with it (a database or SMTP password read from SSM or Secrets Manager). A bare `password` is left out:
 * a seed script printing the passwords it just generated for an operator is that script's job. Not key material:
 * only the logged-secret check reads it.
 */
export function isPasswordName(name: string): boolean {
  const words = nameWords(name);
  if (words.length < 2 || !PASSWORD_HEADS.has(words[words.length - 1])) return false;
  return !words.some((w) => NOT_SECRET.has(w) || NOT_A_PASSWORD.has(w));
}

/**
 * `seed` names a secret only with a qualifier that makes it one (decision 110): a casino's `serverSeed`, the HMAC key of its
 * provably-fair rounds until rotation reveals it, or a wallet's `masterSeed`; not a PRNG's or a fixture's seed
 * (`faker.seed(n)`, `shuffleSeed`), nor a player's own `clientSeed`.
 */
const SECRET_SEED_QUALIFIERS: ReadonlySet<string> = new Set(['server', 'wallet', 'master', 'root', 'hd', 'mnemonic', 'private', 'secret', 'signing', 'key', 'account']);

/** Do the words (of one name, in order) say a secret seed (`serverSeed`, `masterSeedHex`)? */
export function namesSecretSeed(words: readonly string[]): boolean {
  const seedIndex = words.lastIndexOf('seed');
  return seedIndex >= 0 && words.some((w, i) => i !== seedIndex && SECRET_SEED_QUALIFIERS.has(w));
}

/**
 * A name that says the value is a secret seed itself (`serverSeed`, `walletSeed`; not `serverSeedHash`, `seedId`): what a
 * provably-fair round or a wallet's keys are computed from, whose place is not a log line before it is revealed. Only the
 * logged-secret check reads it.
 */
export function isSecretSeedName(name: string): boolean {
  const words = nameWords(name);
  return namesSecretSeed(words) && !words.some((w, i) => NOT_SECRET.has(w) && !scopesStrongQualifier(words, i));
}

/**
 * A bare `key` in an object that also has a `value` (or a `get`/`set` accessor) names the entry, not a
 * cryptographic key: key/value lists (`tags: [{ key: 'deploymentEnvironmentName', value: 'prod' }]`) and
 * the property descriptors compiled classes are made of (Babel's `_createClass(C, [{ key:
 * 'stopPlayingAudioToMember', value: function … }])`, found in the plivo SDK).
 */
export function isEntryNameProperty(property: TSESTree.Property): boolean {
  if (property.computed || propertyName(property.key) !== 'key' || property.parent.type !== 'ObjectExpression') return false;
  return property.parent.properties.some((sibling) => sibling.type === 'Property' && !sibling.computed && ENTRY_PARTS.has(propertyName(sibling.key) ?? ''));
}

const ENTRY_PARTS = new Set(['value', 'get', 'set']);
