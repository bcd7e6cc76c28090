/**
 * Names that say a binding holds a secret key (`key`, `dataKey`, `MASTER_SECRET`,
 * `dek`). Evidence only where a rule says so: a CSPRNG output whose binding is
 * called `aesKey` is a key even if it only reaches a helper of ours.
 */

import { words } from './names';

/** camelCase / snake_case / SCREAMING_CASE → lower-case words. */
export const nameWords = words;

const SECRET_HEADS = new Set(['key', 'keys', 'secret', 'secrets', 'dek', 'kek', 'seed', 'passphrase']);
/** Words that make the name about something else: `keyId`, `publicKey`, `keyName`, `apiKey` (a bearer token). */
const NOT_SECRET = new Set(['public', 'pub', 'id', 'ids', 'name', 'path', 'file', 'url', 'arn', 'alias', 'length', 'len', 'size', 'spec', 'usage', 'type', 'version', 'api', 'cache', 'prefix', 'hash', 'digest', 'fingerprint', 'encrypted', 'wrapped', 'ciphertext']);

/** Does the name say the value is secret key material? */
export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  if (words.length === 0 || words.some((w) => NOT_SECRET.has(w))) return false;
  return SECRET_HEADS.has(words[words.length - 1]) || words.includes('secret') || words.includes('dek') || words.includes('kek');
}
