/**
 * Heuristics about what a constant looks like: key material, a placeholder, a
 * PEM block. Pure functions of strings, shared by rules and the inventory.
 */

/** Shannon entropy in bits per character. */
export function shannonEntropy(text: string): number {
  if (!text) return 0;
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  const length = [...text].length;
  for (const count of counts.values()) {
    const p = count / length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

const HEX = /^(?:0x)?[0-9a-fA-F]+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;
/** An absolute URL (`scheme://…`) or a URN. */
const URI = /^(?:[a-z][a-z0-9+.-]*:\/\/[^\s/]+(?:[/?#]\S*)?|urn:[a-z0-9][a-z0-9-]{0,31}:\S+)$/i;

/** Lengths in bytes of common symmetric keys, HMAC keys and seeds. */
const KEY_BYTE_LENGTHS = new Set([16, 20, 24, 32, 48, 64, 128]);

export type KeyShape = 'hex' | 'base64' | 'base64url' | 'passphrase' | 'bytes';

export interface KeyMaterialVerdict {
  looksLikeKey: boolean;
  shape?: KeyShape;
  /** Decoded length in bytes, when the shape has one. */
  byteLength?: number;
  reason: string;
}

/** A short lowercase type prefix (`cs_`, `sk_live_`) followed by at least 32 hex digits. */
const PREFIXED_HEX = /^[a-z]{2,8}(?:_(?:live|test))?_([0-9a-fA-F]{32,})$/;

/**
 * Does this string look like generated key material (as opposed to a word,
 * a name or a placeholder)? Hex is judged by its length and its digit/letter
 * mix, since 16 symbols cap entropy at 4 bits/char and entropy-only tools miss
 * every hex key; base64 by decoded length and entropy.
 */
export function judgeKeyMaterial(text: string): KeyMaterialVerdict {
  const value = text.trim();
  if (isPlaceholder(value)) return { looksLikeKey: false, reason: 'placeholder' };
  if (isPublishedDevKey(value)) return { looksLikeKey: false, reason: 'published development key' };
  if (isRecoveryPhrase(value)) return { looksLikeKey: true, shape: 'passphrase', reason: 'recovery phrase' };
  // A KMS key ARN or alias names a key held by the KMS (`tenantKek: 'arn:aws:kms:…:key/mrk-…'`); its id part is random but not secret.
  if (isKeyReference(value)) return { looksLikeKey: false, reason: 'key reference' };
  if (isAlphabet(value)) return { looksLikeKey: false, reason: 'alphabet' };
  const hex = value.replace(/^0x/, '');
  if (HEX.test(value) && hex.length % 2 === 0 && hex.length >= 32) {
    const byteLength = hex.length / 2;
    const mixed = /[0-9]/.test(hex) && /[a-fA-F]/.test(hex);
    const distinct = new Set(hex.toLowerCase()).size;
    if (isByteSequence(hex)) return { looksLikeKey: false, shape: 'hex', byteLength, reason: 'counting bytes' };
    if (mixed && distinct >= 8) return { looksLikeKey: true, shape: 'hex', byteLength, reason: `${byteLength}-byte hex` };
    return { looksLikeKey: false, shape: 'hex', byteLength, reason: 'low-variety hex' };
  }
  // A credential written behind its vendor's type prefix (WooCommerce's `cs_…` consumer secrets, `sk_live_…` keys with a
  // hex body): the generated part is the hex after the prefix, judged like any hex key.
  const prefixed = PREFIXED_HEX.exec(value);
  if (prefixed) {
    const body = judgeKeyMaterial(prefixed[1]);
    if (body.looksLikeKey) return { ...body, reason: `prefixed ${body.reason}` };
  }
  if (value.length >= 20 && (BASE64.test(value) || BASE64URL.test(value))) {
    const decoded = Buffer.from(value, BASE64.test(value) ? 'base64' : 'base64url');
    const entropy = shannonEntropy(value);
    const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((re) => re.test(value)).length;
    if (decoded.length >= 16 && entropy >= minBase64Entropy(value, decoded) && classes >= 3) {
      return { looksLikeKey: true, shape: BASE64.test(value) ? 'base64' : 'base64url', byteLength: decoded.length, reason: `${decoded.length}-byte base64` };
    }
  }
  // Long random-looking strings with symbols (generated passphrases). A URL or URN
  // (`http://www.w3.org/2001/04/xmlenc#aes128-cbc`, `urn:oasis:names:…`) names
  // something; its entropy comes from the words of its path, not from a generator.
  if (value.length >= 16 && !/\s/.test(value) && !URI.test(value) && !isDottedName(value) && shannonEntropy(value) >= 4.2) {
    return { looksLikeKey: true, shape: 'passphrase', reason: 'high-entropy string' };
  }
  return { looksLikeKey: false, reason: 'low entropy' };
}

/**
 * The entropy a base64 text must reach to count as generated. 22 random characters (a 128-bit key) fall below 4 bits
 * per character about one time in twenty, so padded base64 of binary bytes, which names and words never are, gets a
 * lower bar; text that decodes to printable characters keeps the usual one.
 */
function minBase64Entropy(value: string, decoded: Buffer): number {
  const padded = value.endsWith('=') && value.length % 4 === 0;
  const printable = decoded.every((byte) => byte >= 0x20 && byte < 0x7f);
  return padded && !printable ? 3.7 : 4;
}

/**
 * The characters a generator picks from (`'abc…xyzABC…XYZ0123456789'`, Crockford's and base58's
 * sets): every character once, most of them followed by the next code point. A random string of
 * that length practically never has more than a few such neighbours.
 */
function isAlphabet(value: string): boolean {
  const chars = [...value];
  if (chars.length < 16 || new Set(chars).size !== chars.length) return false;
  let consecutive = 0;
  for (let i = 1; i < chars.length; i++) if (chars[i].codePointAt(0)! - chars[i - 1].codePointAt(0)! === 1) consecutive++;
  return consecutive >= (chars.length - 1) / 2;
}

/**
 * Bytes that count (`000102…0f`, `0102…1f20`, `00112233…ff`): each byte the previous one plus the
 * same step. Test fixtures and documentation write such "keys"; a generator never does.
 */
function isByteSequence(hex: string): boolean {
  const bytes = Buffer.from(hex, 'hex');
  if (bytes.length < 8) return false;
  const step = (bytes[1] - bytes[0] + 256) % 256;
  if (step === 0) return false;
  for (let i = 2; i < bytes.length; i++) if ((bytes[i] - bytes[i - 1] + 256) % 256 !== step) return false;
  return true;
}

/**
 * A dotted name with words in it (`CognitoIdentityServiceProvider.<clientId>.username.refreshToken`,
 * a storage key or a config path): its entropy comes from the words and an id between them. At least
 * two all-letter words of four or more letters: the segments of a JWT or a random key practically never are.
 */
function isDottedName(value: string): boolean {
  const segments = value.split('.');
  if (segments.length < 3 || segments.some((s) => !/^[\w-]+$/.test(s))) return false;
  return segments.filter((s) => /^[A-Za-z][a-z]{3,}(?:[A-Z][a-z]+)*$/.test(s)).length >= 2;
}

export function isLikelyKeyLength(byteLength: number): boolean {
  return KEY_BYTE_LENGTHS.has(byteLength);
}

/**
 * The private keys of the accounts every Hardhat, Anvil and Ganache (`--deterministic`) node funds at start-up,
 * derived from the mnemonic below and printed by each node: published, so they protect nothing and leak nothing
 * (decision 8's dummy credentials of a loopback endpoint). Hex without `0x`, lower case.
 */
const PUBLISHED_DEV_KEYS: ReadonlySet<string> = new Set([
  'ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
  '59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d',
  '5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a',
  '7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6',
  '47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a',
  '8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba',
  '92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e',
  '4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356',
  'dbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97',
  '2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6',
]);
/** The development mnemonics of Hardhat/Anvil and of Ganache's `--deterministic` mode. */
const PUBLISHED_DEV_MNEMONICS: ReadonlySet<string> = new Set([
  'test test test test test test test test test test test junk',
  'myth like bonus scare over problem client lizard pioneer submit female collect',
]);

/** A development chain's published account key or mnemonic (see `PUBLISHED_DEV_KEYS`). */
export function isPublishedDevKey(text: string): boolean {
  const value = text.trim().toLowerCase();
  return PUBLISHED_DEV_KEYS.has(value.replace(/^0x/, '')) || PUBLISHED_DEV_MNEMONICS.has(value.split(/\s+/).join(' '));
}

/** A BIP-39 recovery phrase: 12, 15, 18, 21 or 24 lower-case words of 3 to 8 letters (the wordlist's shape), not all the same. */
function isRecoveryPhrase(value: string): boolean {
  const words = value.split(/\s+/);
  return [12, 15, 18, 21, 24].includes(words.length) && words.every((w) => /^[a-z]{3,8}$/.test(w)) && new Set(words).size > words.length / 2;
}

const PLACEHOLDER_WORDS =
  /^(?:x+|\*+|\.+|-+|_+|0+|1234\d*|test|testing|example|sample|dummy|fake|placeholder|changeme|change[-_ ]?me|todo|tbd|none|null|undefined|secret|password|key|your[-_ ]?(?:secret|key|token|password)(?:[-_ ]?here)?|<+[^<>]*>+|\$\{[^}]*\}|\{\{[^}]*\}\}|%[a-z_]+%|\[+[^[\]]*\]+)$/i;

/**
 * Obvious placeholders: `'xxx'`, `'<your-key>'`, `'<<CLIENT-SECRET>>'`, `'${SECRET}'`, `'changeme'`.
 * These are not key material in a sample; but a placeholder that *reaches a
 * key sink* is still a hardcoded key (rules decide that, not this function).
 */
export function isPlaceholder(text: string): boolean {
  const value = text.trim();
  if (value.length === 0) return true;
  if (PLACEHOLDER_WORDS.test(value)) return true;
  if (/^(?:your|my|insert|replace|put|enter)[-_ ]/i.test(value) && /(?:key|secret|token|here)/i.test(value)) return true;
  if (/^(.)\1+$/.test(value)) return true; // 'aaaaaaaa'
  // Masked or elided: 'FLWSECK_TEST-xxxxxxxxxxxx-X', 'sk_live_****', 'AKIAXXXXXXXXXXXXXXXX'. A run of five
  // mask characters is what a person types over a secret; a generator practically never writes one.
  if (/x{5,}|X{5,}|\*{4,}|#{5,}|•{3,}/.test(value)) return true;
  // An empty JSON object or array (`JSON.parse(process.env.PARTNER_SECRETS || '{}')`): no key in it.
  if (/^(?:\{\s*\}|\[\s*\])$/.test(value)) return true;
  if (isVariableReference(value)) return true;
  return false;
}

/**
 * A credential spelt with a placeholder word among its segments (`'sk_test_placeholder_not_used'`,
 * `'live_dummy_key'`, `'rk_fake'`): a stand-in a test or sample passes to an SDK that never calls the service with it.
 * `test` is not such a word: Stripe's `sk_test_…` keys are real secrets of a test-mode account.
 */
const PLACEHOLDER_SEGMENTS: ReadonlySet<string> = new Set(['placeholder', 'dummy', 'fake', 'mock', 'example', 'sample', 'unused', 'redacted', 'changeme']);

export function hasPlaceholderSegment(text: string): boolean {
  // Segments between separators only: a random key's letters between digits (`…9fake3…`) are no word.
  const segments = text.toLowerCase().split(/[-_.\s]+/);
  return segments.some((s) => PLACEHOLDER_SEGMENTS.has(s)) || segments.some((s, i) => s === 'not' && segments[i + 1] === 'used');
}

/**
 * A string that is one `${…}` reference, nested references included: what deployment tools resolve at deploy
 * time (Serverless `'${ssm:/app/${sls:stage}/webhook-secret}'`, `'${env:SECRET}'`, CloudFormation `Fn::Sub`). The
 * value lives in the referenced store, not in the file.
 */
function isVariableReference(value: string): boolean {
  if (!value.startsWith('${') || !value.endsWith('}')) return false;
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '{') depth++;
    else if (value[i] === '}' && --depth === 0 && i < value.length - 1) return false; // the first reference ends early
  }
  return depth === 0;
}

/**
 * A value that says "not set yet" (`let key = 'uninitialised'` until the first
 * rotation): a sentinel that code replaces before use, not key material.
 */
export function isUnsetSentinel(text: string): boolean {
  return /^(?:un(?:initiali[sz]ed|set|configured|known)|not[-_ ]?(?:set|configured|initiali[sz]ed|loaded)|none|null|undefined|pending|tbd)$/i.test(text.trim());
}

/**
 * A reference to a key that lives elsewhere (a KMS alias or ARN, a GCP key
 * name, a key URI), not key material: `process.env.KEK_ID ?? 'alias/app'`
 * names a key, it does not contain one.
 */
export function isKeyReference(text: string): boolean {
  const value = text.trim();
  return (
    /^alias\/[\w/+=.@-]+$/.test(value) ||
    /^arn:aws[\w-]*:kms:[\w-]*:\d*:(?:key|alias)\/[\w/+=.@-]+$/.test(value) ||
    /^projects\/[^/\s]+\/locations\/[^/\s]+\/keyRings\/[^/\s]+\/cryptoKeys\/[^/\s]+/.test(value) ||
    /^(?:aws-kms|gcp-kms|azure-kv|vault-transit|pkcs11|local):\/\/\S+$/.test(value) ||
    /^https:\/\/[\w.-]+\.(?:vault\.azure\.net|managedhsm\.azure\.net)\/keys\/\S+$/.test(value)
  );
}

/**
 * A file-system path (`'/run/secrets/idp-signing.key'`, `'./keys/dev.pem'`, `'C:\\certs\\signer.p12'`): where a key
 * is read from, not the key. Base64 text may hold `/` too, so every segment must be a file name (no `+`, `=`) and
 * the path must end in an extension or start in a well-known folder.
 */
export function isFilePath(text: string): boolean {
  const value = text.trim();
  const posix = /^(?:\/(?!\/)|\.{1,2}\/|~\/)/.test(value);
  const windows = /^[A-Za-z]:\\/.test(value);
  if (!posix && !windows) return false;
  const segments = value.replace(/^(?:[A-Za-z]:|~|\.{1,2})?[\\/]/, '').split(/[\\/]/);
  if (segments.length < 2 || segments.some((segment) => !/^[\w.@-]{1,64}$/.test(segment))) return false;
  return /\.[A-Za-z0-9]{1,8}$/.test(segments[segments.length - 1]) || WELL_KNOWN_FOLDERS.has(segments[0].toLowerCase());
}

const WELL_KNOWN_FOLDERS = new Set(['etc', 'run', 'var', 'opt', 'usr', 'home', 'tmp', 'srv', 'mnt', 'secrets', 'keys', 'certs', 'config', 'data', 'users']);

/** Shows enough of a secret to find it, never the whole thing: `8f3a…(64 chars)`. */
export function redact(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  if (flat.length <= 8) return `${'*'.repeat(Math.min(flat.length, 4))}(${flat.length} chars)`;
  return `${flat.slice(0, 4)}…(${flat.length} chars)`;
}

/** Public keys and certificates are not secret, even when they reach a `secretOrPublicKey` argument. */
export function isPublicKeyMaterial(text: string): boolean {
  const value = text.trim();
  if (/-----BEGIN (?:RSA |EC )?PUBLIC KEY-----|-----BEGIN CERTIFICATE-----|^(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-\S+) [A-Za-z0-9+/=]+/.test(value)) return true;
  // A bare base64 DER body (`importKey('spki', b64ToBytes('MIIBIjANBgkq…'))`), without its PEM armour.
  // Short SPKI bodies start with `MC`/`MF` (Ed25519/X25519 `MCowBQYDK2Vw…`, P-256 `MFkwEwYH…`): the DER decides.
  if (/^M[A-Za-z0-9+/]{40,}={0,2}$/.test(value) && isPublicKeyDer(Buffer.from(value, 'base64'))) return true;
  return isUncompressedEcPoint(value);
}

/** Byte lengths of an uncompressed SEC1 point (`0x04 ‖ X ‖ Y`) on P-256, P-384 and P-521. */
const UNCOMPRESSED_POINT_LENGTHS: ReadonlySet<number> = new Set([65, 97, 133]);

/**
 * Base64 or base64url text of an uncompressed elliptic-curve point: a public key by its format (a Web Push VAPID
 * `applicationServerKey`, a WebCrypto `raw` export of an EC public key). A private scalar is 32–66 bytes with no
 * such prefix, and secrets of other kinds come in the sizes of keys (16, 32, 48, 64 bytes).
 */
function isUncompressedEcPoint(value: string): boolean {
  if (!/^[A-Za-z0-9+/_-]{80,}={0,2}$/.test(value)) return false;
  const bytes = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return UNCOMPRESSED_POINT_LENGTHS.has(bytes.length) && bytes[0] === 0x04;
}

/**
 * DER that is a SubjectPublicKeyInfo or a certificate: a SEQUENCE whose first element is itself a
 * SEQUENCE (the algorithm identifier, or the TBS certificate). Private key encodings (PKCS#1, SEC1,
 * PKCS#8) start with an INTEGER version instead. The outer length must cover the whole buffer, which
 * random key bytes practically never do.
 */
export function isPublicKeyDer(der: Uint8Array): boolean {
  if (der.length < 32 || der[0] !== 0x30) return false;
  const outer = derLength(der, 1);
  if (!outer || outer.end + outer.length !== der.length) return false;
  return der[outer.end] === 0x30;
}

/** The length field of a DER element at `at`: its value and the offset where the content starts. */
function derLength(der: Uint8Array, at: number): { length: number; end: number } | undefined {
  const first = der[at];
  if (first === undefined) return undefined;
  if (first < 0x80) return { length: first, end: at + 1 };
  const octets = first & 0x7f;
  if (octets === 0 || octets > 3 || at + 1 + octets > der.length) return undefined;
  let length = 0;
  for (let i = 0; i < octets; i++) length = length * 256 + der[at + 1 + i];
  return { length, end: at + 1 + octets };
}

// ---------------------------------------------------------------------------
// PEM private keys

const PEM_PRIVATE = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY)-----([\s\S]*?)-----END \1-----/;

export interface PemVerdict {
  label: string;
  encrypted: boolean;
  /** What the block is, for a message: `PEM rsa private key`, `OpenVPN static key`. */
  description: string;
}

/**
 * The lines between an armoured block's BEGIN and END lines, trimmed, blank ones dropped; a `\n` written
 * as two characters (a key pasted into a one-line string) breaks a line too.
 */
export function armorLines(body: string): string[] {
  return body
    .replace(/\\n/g, '\n')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * A real PEM private key block: the body must be substantial base64 (or the
 * OpenSSH format) that decodes to DER (`0x30` SEQUENCE) or to an OpenSSH key.
 * `-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----` placeholders,
 * regexes and docs do not qualify.
 */
export function findPrivateKeyPem(text: string): PemVerdict | undefined {
  const match = PEM_PRIVATE.exec(text);
  if (!match) return findStaticKeyBlock(text) ?? findSigstoreKeyBlock(text);
  const label = match[1];
  const description = `PEM ${label.toLowerCase()}`;
  const lines = armorLines(match[2]).filter((l) => !/^(?:Proc-Type|DEK-Info):/i.test(l));
  const body = lines.join('').replace(/\s+/g, '');
  if (body.length < 64 || !/^[A-Za-z0-9+/=]+$/.test(body)) return undefined;
  const der = Buffer.from(body, 'base64');
  const encrypted = label.startsWith('ENCRYPTED') || /Proc-Type:\s*4,ENCRYPTED/i.test(match[2]);
  if (label === 'OPENSSH PRIVATE KEY') {
    if (!der.subarray(0, 15).toString('latin1').startsWith('openssh-key-v1') || !opensshBodyReachesPrivatePart(der)) return undefined;
    return { label, encrypted: !der.includes(Buffer.from('none')), description };
  }
  if (der[0] !== 0x30 && !encrypted) return undefined;
  return { label, encrypted, description };
}

/** Text that may hold an armoured secret key block: a PEM private key or an OpenVPN static key. */
export function mayHoldPrivateKeyBlock(text: string): boolean {
  return text.includes('PRIVATE KEY-----') || text.includes('Static key V1-----');
}

const OPENVPN_STATIC_KEY = /-----BEGIN OpenVPN Static key V1-----([\s\S]*?)-----END OpenVPN Static key V1-----/;

/**
 * A cosign key file (`cosign generate-key-pair`): `ENCRYPTED SIGSTORE PRIVATE KEY`, or `ENCRYPTED COSIGN PRIVATE KEY` as
 * cosign 1.x wrote it. Its body is JSON in base64: the private key sealed under a key derived from a password (scrypt,
 * NaCl secretbox), which cosign lets be empty. The body must decode to that JSON, so `...` placeholders in docs do not qualify.
 */
const SIGSTORE_PRIVATE = /-----BEGIN (ENCRYPTED (?:SIGSTORE|COSIGN) PRIVATE KEY)-----([\s\S]*?)-----END \1-----/;

function findSigstoreKeyBlock(text: string): PemVerdict | undefined {
  const match = SIGSTORE_PRIVATE.exec(text);
  if (!match) return undefined;
  const body = armorLines(match[2]).join('');
  if (body.length < 64 || !/^[A-Za-z0-9+/=]+$/.test(body)) return undefined;
  let sealed: { kdf?: { name?: unknown }; cipher?: { name?: unknown }; ciphertext?: unknown } | null;
  try {
    sealed = JSON.parse(Buffer.from(body, 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
  const complete = typeof sealed?.kdf?.name === 'string' && typeof sealed.cipher?.name === 'string' && typeof sealed.ciphertext === 'string';
  return complete ? { label: match[1], encrypted: true, description: 'cosign encrypted private key' } : undefined;
}

/**
 * An OpenVPN static key (`openvpn --genkey`: the `tls-auth`/`tls-crypt`/`secret` key, 2,048 bits
 * as hex lines between PEM-style armour): a symmetric key every peer holds, secret by format. The body
 * must be real hex of at least 512 bits, so `...` placeholders in docs do not qualify.
 */
function findStaticKeyBlock(text: string): PemVerdict | undefined {
  const match = OPENVPN_STATIC_KEY.exec(text);
  if (!match) return undefined;
  const body = armorLines(match[1])
    .filter((line) => !line.startsWith('#'))
    .join('');
  if (body.length < 128 || !/^[0-9a-fA-F]+$/.test(body)) return undefined;
  return { label: 'OpenVPN static key', encrypted: false, description: 'OpenVPN static key' };
}

/**
 * Whether an OpenSSH key's bytes go on past its header and first public key into the private
 * part. Every unencrypted OpenSSH key starts with the same line of base64 (magic, `none`,
 * `none`, one key, the public key's type); a help text or doc that shows only that line to
 * illustrate the format holds no key.
 */
function opensshBodyReachesPrivatePart(bytes: Buffer): boolean {
  let at = 'openssh-key-v1\0'.length;
  const skipString = (): boolean => {
    if (at + 4 > bytes.length) return false;
    at += 4 + bytes.readUInt32BE(at);
    return at <= bytes.length;
  };
  // cipher name, KDF name, KDF options, the key count, the first public key
  if (!skipString() || !skipString() || !skipString()) return false;
  at += 4;
  return skipString() && at + 4 < bytes.length;
}

/**
 * The JSON text of a JSON Web Key with a secret member (`{"kty":"oct","k":"…"}`, a private
 * key's `d`), as kept in an environment variable and its fallback: the key is written there.
 */
export function isSecretJwkJson(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') || !trimmed.includes('"kty"') || trimmed.length > 20_000) return false;
  try {
    const jwk = JSON.parse(trimmed) as Record<string, unknown>;
    if (typeof jwk !== 'object' || jwk === null || typeof jwk.kty !== 'string') return false;
    return ['k', 'd'].some((member) => typeof jwk[member] === 'string' && (jwk[member] as string).length > 0 && !isPlaceholder(jwk[member] as string));
  } catch {
    return false;
  }
}
