/**
 * Pulls secret-looking literals out of a source text, so the corpus test can
 * check that no two files share one (real corpora never do, and a shared
 * literal would let a rule "learn" the corpus).
 */
const HEX = /^[0-9a-fA-F]{32,}$/;
const B64 = /^[A-Za-z0-9+/_-]{20,}={0,2}$/;

/**
 * The base64 every unencrypted OpenSSH private key starts with (`openssh-key-v1`, cipher `none`, KDF `none`): a key written
 * line by line shares its first line with every other such key, which is no shared secret.
 */
const OPENSSH_UNENCRYPTED_HEADER = 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ';

function looksSecret(s: string): boolean {
  if (HEX.test(s)) return true;
  if (!B64.test(s)) return false;
  // Identifiers and paths are excluded by requiring all three character classes.
  return /[A-Z]/.test(s) && /[a-z]/.test(s) && /[0-9]/.test(s);
}

/** Runs of literal text: contents of quoted strings and template literals, split on escapes and spaces. */
export function secretLiterals(source: string): string[] {
  const out: string[] = [];
  const strings = source.match(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g) ?? [];
  for (const quoted of strings) {
    const body = quoted.slice(1, -1);
    for (const piece of body.split(/\\n|\\r|\s+|[:.,;@()[\]{}$'"]/)) {
      if (piece.length >= 20 && looksSecret(piece) && !/^-+(BEGIN|END)/.test(piece) && !piece.startsWith(OPENSSH_UNENCRYPTED_HEADER)) out.push(piece);
    }
  }
  return out;
}
