import { words } from '../../analysis/names';
import type { KeyBinding } from './key';
import type { CryptoFunction } from './locate';

/** Words that say how, not what: dropped from names when naming the data's purpose. */
const CRYPTO_WORDS = new Set([
  'encrypt', 'encrypted', 'encryption', 'decrypt', 'decrypted', 'decryption', 'enc', 'dec', 'seal', 'sealed', 'open', 'unseal', 'cipher', 'decipher',
  'crypto', 'crypt', 'encode', 'decode', 'codec', 'wrap', 'unwrap', 'tokenize', 'detokenize', 'aes', 'gcm', 'cbc', 'key', 'secret', 'protect', 'unprotect', 'lock', 'unlock', 'hide', 'reveal', 'to', 'from', 'the', 'a', 'helper', 'util', 'utils', 'service',
]);

/**
 * The `purpose` the new client seals into every blob (and checks on decrypt):
 * named after the data, from the code's own names — `encryptCard` → `card`,
 * `class TokenVault` → `token-vault`, `PROFILE_KEY` → `profile` — so it is
 * meaningful, and the same every time the rewrite runs on the same code.
 */
export function purposeFor(encrypt: CryptoFunction, key: KeyBinding | undefined): string {
  const container = encrypt.container.kind === 'module' ? undefined : encrypt.container.name;
  for (const name of [encrypt.name, container, key?.name.replace(/^#/, '')]) {
    const meaningful = name ? words(name).filter((w) => !CRYPTO_WORDS.has(w)) : [];
    if (meaningful.length > 0) return meaningful.join('-');
  }
  return 'app-data';
}
