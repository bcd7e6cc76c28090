/**
 * What algorithm *names* mean, whatever library spells them: `'aes-256-ecb'`
 * (OpenSSL/node), `'AES-ECB'` (forge), `'AES-GCM'` (WebCrypto), `'TripleDES'`
 * (crypto-js), `'sha1WithRSAEncryption'`, `'RSA-SHA1'`, `'SHA-1'`. Declarative:
 * the lists below are the knowledge, `describeAlgorithm` only parses names.
 */

export type CipherMode = 'ecb' | 'cbc' | 'cfb' | 'ofb' | 'ctr' | 'gcm' | 'ccm' | 'ocb' | 'xts' | 'siv' | 'wrap' | 'stream' | 'aead';

export interface HashFacts {
  kind: 'hash';
  /** Canonical name: `MD5`, `SHA-1`, `SHA-256`… */
  name: string;
  /** Broken for collision resistance: MD2, MD4, MD5, SHA-1, RIPEMD(-128/160). */
  weak: boolean;
}

export interface CipherFacts {
  kind: 'cipher';
  /** Canonical family: `AES`, `DES`, `3DES`, `RC4`, `ChaCha20`… */
  family: string;
  /** A broken or obsolete cipher family (64-bit blocks, biased keystreams, 56-bit keys). */
  weak: boolean;
  /** The mode the name selects (including the library's default when the name has none). */
  mode?: CipherMode;
  /** Key size the name fixes, in bits. */
  keyBits?: number;
  /** Encryption that also authenticates (GCM, CCM, OCB, SIV, ChaCha20-Poly1305, AES-KW). */
  authenticated: boolean;
}

export type AlgorithmFacts = HashFacts | CipherFacts;

/**
 * Why a weak hash is weak, as the message says it: MD2, MD4, MD5 and SHA-1 have practical collisions;
 * RIPEMD-160 has none, but its 160-bit digest gives 80-bit collision resistance, below the 112 bits
 * NIST SP 800-57 requires (and no NIST standard approves it), and RIPEMD-128's gives 64.
 */
const HASH_WEAKNESS: Readonly<Record<string, string>> = {
  'RIPEMD-160': 'is too weak (its 160-bit digest gives only 80-bit collision resistance, below the 112 bits NIST requires)',
  'RIPEMD-128': 'is too weak (its 128-bit digest gives only 64-bit collision resistance)',
};

/** The phrase the weak-hash message uses for a hash's canonical name (`is broken (collisions are practical)` for most). */
export function hashWeakness(canonicalName: string): string {
  return HASH_WEAKNESS[canonicalName] ?? 'is broken (collisions are practical)';
}

/** Hash names (lower case, `-`/`_`/`/` removed) → canonical name, weakness. */
const HASHES: Readonly<Record<string, readonly [string, boolean]>> = {
  md2: ['MD2', true],
  md4: ['MD4', true],
  md5: ['MD5', true],
  md5sha1: ['MD5', true],
  ssl3md5: ['MD5', true],
  sha1: ['SHA-1', true],
  ssl3sha1: ['SHA-1', true],
  ripemd: ['RIPEMD-160', true],
  ripemd128: ['RIPEMD-128', true],
  ripemd160: ['RIPEMD-160', true],
  rmd160: ['RIPEMD-160', true],
  sha224: ['SHA-224', false],
  sha256: ['SHA-256', false],
  sha384: ['SHA-384', false],
  sha512: ['SHA-512', false],
  sha512224: ['SHA-512/224', false],
  sha512256: ['SHA-512/256', false],
  sha3: ['SHA-3', false],
  sha3224: ['SHA3-224', false],
  sha3256: ['SHA3-256', false],
  sha3384: ['SHA3-384', false],
  sha3512: ['SHA3-512', false],
  blake2b512: ['BLAKE2b', false],
  blake2s256: ['BLAKE2s', false],
  sm3: ['SM3', false],
  shake128: ['SHAKE128', false],
  shake256: ['SHAKE256', false],
};

/** Signature-algorithm spellings that embed a hash: `RSA-SHA1`, `sha1WithRSAEncryption`, `ecdsa-with-SHA1`, node-rsa's `pkcs1-sha1`/`pss-sha256`. */
const SIGNATURE_PREFIX = /^(?:rsa|dsa|ecdsa(?:with)?|hmac|pkcs1|pss)(?=[a-z0-9])/;
const SIGNATURE_SUFFIX = /(?:withrsaencryption|withrsa|withdsa|withecdsa|2)$/;

/** Cipher families: canonical name, weak, default mode when the name has none (node/OpenSSL). */
const CIPHER_FAMILIES: Readonly<Record<string, readonly [string, boolean, CipherMode?]>> = {
  aes: ['AES', false, 'cbc'],
  aria: ['ARIA', false, 'cbc'],
  camellia: ['Camellia', false, 'cbc'],
  sm4: ['SM4', false, 'cbc'],
  chacha20: ['ChaCha20', false, 'stream'],
  xchacha20: ['XChaCha20', false, 'stream'],
  des: ['DES', true, 'cbc'],
  desx: ['DESX', true, 'cbc'],
  desede: ['3DES', true, 'ecb'],
  desede3: ['3DES', true, 'ecb'],
  des3: ['3DES', true, 'cbc'],
  '3des': ['3DES', true, 'cbc'],
  tripledes: ['3DES', true, 'cbc'],
  rc2: ['RC2', true, 'cbc'],
  rc4: ['RC4', true, 'stream'],
  rc4drop: ['RC4', true, 'stream'],
  arcfour: ['RC4', true, 'stream'],
  rc5: ['RC5', true, 'cbc'],
  bf: ['Blowfish', true, 'cbc'],
  blowfish: ['Blowfish', true, 'cbc'],
  idea: ['IDEA', true, 'cbc'],
  cast: ['CAST5', true, 'cbc'],
  cast5: ['CAST5', true, 'cbc'],
  cast128: ['CAST5', true, 'cbc'],
  seed: ['SEED', true, 'cbc'],
  skipjack: ['Skipjack', true, 'cbc'],
};

const MODES: Readonly<Record<string, CipherMode>> = {
  ecb: 'ecb',
  cbc: 'cbc',
  cfb: 'cfb',
  cfb1: 'cfb',
  cfb8: 'cfb',
  ofb: 'ofb',
  ctr: 'ctr',
  gcm: 'gcm',
  ccm: 'ccm',
  ocb: 'ocb',
  xts: 'xts',
  siv: 'siv',
  kw: 'wrap',
  wrap: 'wrap',
  poly1305: 'aead',
};

const AUTHENTICATED_MODES = new Set<CipherMode>(['gcm', 'ccm', 'ocb', 'siv', 'wrap', 'aead']);

/** Describes an algorithm name, or undefined when it is not a hash or cipher we know. */
export function describeAlgorithm(raw: string): AlgorithmFacts | undefined {
  if (typeof raw !== 'string') return undefined;
  // Every rule asks about the same few names (`aes-256-gcm` once per cipher call, per rule): parse each name once.
  // The facts depend on the name alone, so the memo holds nothing of any file; callers only read them.
  if (factsCache.has(raw)) return factsCache.get(raw);
  const facts = parseAlgorithm(raw);
  if (factsCache.size >= FACTS_CACHE_SIZE) factsCache.clear();
  if (raw.length <= 200) factsCache.set(raw, facts);
  return facts;
}
const FACTS_CACHE_SIZE = 2000;
const factsCache = new Map<string, AlgorithmFacts | undefined>();

function parseAlgorithm(raw: string): AlgorithmFacts | undefined {
  const name = xmlSecurityFragment(raw) ?? raw;
  if (name.length > 64) return undefined;
  return describeHash(name) ?? describeCipher(name);
}

/**
 * XML Signature and XML Encryption name algorithms by W3C URIs whose fragment is the algorithm
 * (`http://www.w3.org/2000/09/xmldsig#rsa-sha1`, `…/xmlenc#tripledes-cbc`, `…/xmldsig-more#rsa-md5`).
 */
const XML_SECURITY_NAMESPACE = /^https?:\/\/www\.w3\.org\/(?:2000\/09\/xmldsig|2001\/04\/xmldsig-more|2001\/04\/xmlenc|2009\/xmlenc11|2009\/xmldsig11|2007\/05\/xmldsig-more)#([\w-]+)$/;

function xmlSecurityFragment(raw: string): string | undefined {
  return XML_SECURITY_NAMESPACE.exec(raw)?.[1];
}

/** SHA-256 counterparts of the weak XMLDSig algorithm URIs, by fragment: each lives in its own namespace. */
const XML_SECURITY_SHA256: Readonly<Record<string, string>> = {
  sha1: 'http://www.w3.org/2001/04/xmlenc#sha256',
  md5: 'http://www.w3.org/2001/04/xmlenc#sha256',
  'rsa-sha1': 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  'rsa-md5': 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  'hmac-sha1': 'http://www.w3.org/2001/04/xmldsig-more#hmac-sha256',
  'hmac-md5': 'http://www.w3.org/2001/04/xmldsig-more#hmac-sha256',
  'ecdsa-sha1': 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256',
  'dsa-sha1': 'http://www.w3.org/2009/xmldsig11#dsa-sha256',
};

/**
 * For an XML Signature algorithm URI: its SHA-256 replacement, or null when there is none to offer. Undefined
 * when `raw` is not such a URI. (Swapping `sha1` for `sha256` inside the URI would name no algorithm.)
 */
export function xmlSecuritySha256Upgrade(raw: string): string | null | undefined {
  const fragment = xmlSecurityFragment(raw);
  if (fragment === undefined) return undefined;
  return Object.prototype.hasOwnProperty.call(XML_SECURITY_SHA256, fragment) ? XML_SECURITY_SHA256[fragment] : null;
}

function describeHash(raw: string): HashFacts | undefined {
  let compact = raw.toLowerCase().replace(/[-_/\s]/g, '');
  const direct = HASHES[compact];
  if (direct && Object.prototype.hasOwnProperty.call(HASHES, compact)) return { kind: 'hash', name: direct[0], weak: direct[1] };
  if (!SIGNATURE_PREFIX.test(compact) && !SIGNATURE_SUFFIX.test(compact)) return undefined;
  compact = compact.replace(SIGNATURE_PREFIX, '').replace(SIGNATURE_SUFFIX, '');
  if (!Object.prototype.hasOwnProperty.call(HASHES, compact)) return undefined;
  const [name, weak] = HASHES[compact];
  return { kind: 'hash', name, weak };
}

/**
 * Parses `aes-256-gcm`, `aes256`, `id-aes128-GCM`, `AES-ECB`, `des-ede3-cbc`,
 * `chacha20-poly1305`, `bf-cbc`, `TripleDES`, `RC4Drop`.
 */
function describeCipher(raw: string): CipherFacts | undefined {
  const tokens = raw
    .toLowerCase()
    .replace(/^id-/, '')
    .split(/[-_\s]+/)
    .filter(Boolean);
  if (tokens.length === 0) return undefined;
  // `aes256` → `aes`, `256`; `camellia128` → `camellia`, `128`.
  const head = /^([a-z]+?)(128|192|256)$/.exec(tokens[0]);
  if (head && Object.prototype.hasOwnProperty.call(CIPHER_FAMILIES, head[1])) tokens.splice(0, 1, head[1], head[2]);
  // `des-ede3` → one family token.
  if (tokens[0] === 'des' && (tokens[1] === 'ede' || tokens[1] === 'ede3')) tokens.splice(0, 2, `desede${tokens[1] === 'ede3' ? '3' : ''}`);
  const familyKey = tokens[0];
  if (!Object.prototype.hasOwnProperty.call(CIPHER_FAMILIES, familyKey)) return undefined;
  const [family, weak, defaultMode] = CIPHER_FAMILIES[familyKey];
  let keyBits: number | undefined;
  let mode: CipherMode | undefined;
  for (const token of tokens.slice(1)) {
    if (/^(?:128|192|256)$/.test(token) && keyBits === undefined) keyBits = Number(token);
    else if (Object.prototype.hasOwnProperty.call(MODES, token) && mode === undefined) mode = MODES[token];
    else if (token === 'hmac' || token === 'sha1' || token === 'sha256' || token === 'md5' || token === 'pad') continue;
    else if (/^(?:40|64)$/.test(token)) keyBits = Number(token); // rc2-40-cbc, rc2-64-cbc
    else return undefined; // not a cipher name (`des-cription`)
  }
  // `aes-128-cbc-hmac-sha1` is OpenSSL's stitched encrypt-then-MAC (TLS only): treated as CBC.
  const effectiveMode = mode ?? defaultMode;
  return { kind: 'cipher', family, weak, mode: effectiveMode, keyBits, authenticated: effectiveMode !== undefined && AUTHENTICATED_MODES.has(effectiveMode) };
}

/**
 * Zip encryption methods as zip tools name them (archiver-zip-encrypted's `encryptionMethod`, 7-Zip's `-mem`):
 * `zip20`/`ZipCrypto` is PKWARE's 1989 stream cipher, broken by known-plaintext attacks (Biham–Kocher, bkcrack);
 * `aes128`/`aes192`/`aes256` is WinZip AE-2, AES-CTR with an HMAC-SHA1 over the ciphertext (authenticated).
 */
export function describeZipEncryptionMethod(raw: string): CipherFacts | undefined {
  const name = raw.toLowerCase().replace(/[-_\s]/g, '');
  if (name === 'zip20' || name === 'zipcrypto' || name === 'pkzip' || name === 'zipcrypto20') {
    return { kind: 'cipher', family: 'ZipCrypto', weak: true, mode: 'stream', authenticated: false };
  }
  const aes = /^(?:winzip)?aes(128|192|256)?$/.exec(name);
  if (aes) return { kind: 'cipher', family: 'AES', weak: false, mode: 'aead', keyBits: aes[1] ? Number(aes[1]) : 256, authenticated: true };
  return undefined;
}

/** Modes that encrypt each block independently: equal plaintext blocks give equal ciphertext blocks. */
export function isEcb(facts: AlgorithmFacts | undefined): boolean {
  return facts?.kind === 'cipher' && facts.mode === 'ecb';
}

/** Unauthenticated modes that need a separate MAC (CBC, CTR, CFB, OFB, plain stream ciphers). */
export function needsSeparateMac(facts: AlgorithmFacts | undefined): boolean {
  return facts?.kind === 'cipher' && !facts.authenticated && facts.mode !== 'ecb' && facts.mode !== 'xts';
}

/** Name of a mode given as a library constant or string (`CryptoJS.mode.ECB`, `'ECB'`, `forge`'s `'CBC'`). */
export function describeMode(name: string): CipherMode | undefined {
  const key = name.toLowerCase();
  return Object.prototype.hasOwnProperty.call(MODES, key) ? MODES[key] : undefined;
}

/**
 * RSA encryption paddings by name or node constant. PKCS#1 v1.5 encryption is
 * open to Bleichenbacher-style padding-oracle attacks; OAEP is not.
 */
const RSA_ENCRYPTION_PADDINGS: Readonly<Record<string, 'pkcs1' | 'oaep' | 'none'>> = {
  RSA_PKCS1_PADDING: 'pkcs1',
  'RSAES-PKCS1-V1_5': 'pkcs1',
  'RSAES-PKCS1-v1_5': 'pkcs1',
  'RSA-PKCS1-V1_5': 'pkcs1',
  RSA_PKCS1_OAEP_PADDING: 'oaep',
  'RSA-OAEP': 'oaep',
  RSA_NO_PADDING: 'none',
  // JWE key management (RFC 7518 §4.2–4.3): `RSA1_5` is PKCS#1 v1.5 key transport.
  RSA1_5: 'pkcs1',
  'RSA-OAEP-256': 'oaep',
  'RSA-OAEP-384': 'oaep',
  'RSA-OAEP-512': 'oaep',
  // XML Encryption key transport URIs (xml-encryption `keyEncryptionAlgorithm`).
  'http://www.w3.org/2001/04/xmlenc#rsa-1_5': 'pkcs1',
  'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p': 'oaep',
  'http://www.w3.org/2009/xmlenc11#rsa-oaep': 'oaep',
  // node-rsa's `encryptionScheme` names.
  pkcs1: 'pkcs1',
  pkcs1_oaep: 'oaep',
  RAW: 'none',
};

/** Node's numeric `crypto.constants` for RSA paddings. */
const RSA_PADDING_NUMBERS: Readonly<Record<number, 'pkcs1' | 'oaep' | 'none'>> = { 1: 'pkcs1', 3: 'none', 4: 'oaep' };

export function describeRsaEncryptionPadding(value: string | number): 'pkcs1' | 'oaep' | 'none' | undefined {
  if (typeof value === 'number') return RSA_PADDING_NUMBERS[value];
  return Object.prototype.hasOwnProperty.call(RSA_ENCRYPTION_PADDINGS, value) ? RSA_ENCRYPTION_PADDINGS[value] : undefined;
}

/** Curve aliases → one canonical name (NIST names where there is one). */
const CURVE_ALIASES: Readonly<Record<string, string>> = {
  p256: 'P-256', prime256v1: 'P-256', secp256r1: 'P-256',
  p384: 'P-384', secp384r1: 'P-384',
  p521: 'P-521', secp521r1: 'P-521',
  p224: 'P-224', secp224r1: 'P-224',
  p192: 'P-192', prime192v1: 'P-192', secp192r1: 'P-192',
  secp256k1: 'secp256k1', secp192k1: 'secp192k1', secp224k1: 'secp224k1',
  ed25519: 'Ed25519', ed448: 'Ed448', x25519: 'X25519', x448: 'X448',
  // OpenPGP.js spellings: `curve25519` (Ed25519 signing key with an X25519 subkey), its v6 `…Legacy` names, `nistP256`.
  curve25519: 'X25519', curve25519legacy: 'X25519', ed25519legacy: 'Ed25519', curve448: 'X448',
  nistp256: 'P-256', nistp384: 'P-384', nistp521: 'P-521',
  brainpoolp256r1: 'brainpoolP256r1', brainpoolp384r1: 'brainpoolP384r1', brainpoolp512r1: 'brainpoolP512r1',
};

/** `prime256v1`, `secp256r1`, `P-256` → `P-256`; unknown curves keep their spelling. */
export function canonicalCurve(name: string): string {
  const key = name.toLowerCase().replace(/[-_\s]/g, '');
  return Object.prototype.hasOwnProperty.call(CURVE_ALIASES, key) ? CURVE_ALIASES[key] : name;
}

/** Node's predefined Diffie-Hellman groups (RFC 2409/3526) and their prime sizes in bits. */
const DH_GROUP_BITS: Readonly<Record<string, number>> = {
  modp1: 768, modp2: 1024, modp5: 1536, modp14: 2048, modp15: 3072, modp16: 4096, modp17: 6144, modp18: 8192,
};

export function dhGroupBits(name: string): number | undefined {
  const key = name.toLowerCase();
  return Object.prototype.hasOwnProperty.call(DH_GROUP_BITS, key) ? DH_GROUP_BITS[key] : undefined;
}

/** Bulk ciphers (and their absence) that make a TLS cipher suite weak, by OpenSSL name token. */
const WEAK_SUITE_TOKENS: Readonly<Record<string, string>> = {
  CBC3: '3DES',
  '3DES': '3DES',
  DES3: '3DES',
  DES: 'DES',
  RC4: 'RC4',
  RC2: 'RC2',
  IDEA: 'IDEA',
  SEED: 'SEED',
  NULL: 'NULL',
  ENULL: 'NULL',
  EXP: 'EXPORT',
  EXPORT: 'EXPORT',
  // SSH transport cipher names (`3des-cbc`, `arcfour128`, `blowfish-cbc`, `cast128-cbc`).
  ARCFOUR: 'RC4',
  ARCFOUR128: 'RC4',
  ARCFOUR256: 'RC4',
  BLOWFISH: 'Blowfish',
  CAST128: 'CAST5',
};

/**
 * The weak cipher families an OpenSSL cipher list enables (`tls.createServer({ ciphers })`):
 * `'DES-CBC3-SHA:RC4-SHA'` → ['3DES', 'RC4']. Excluded entries (`!RC4`, `-3DES`), ordering
 * directives (`+RC4`, `@STRENGTH`) and keywords (`HIGH`, `DEFAULT`) enable nothing weak.
 */
export function weakCipherSuiteFamilies(list: string): string[] {
  if (typeof list !== 'string' || list.length > 4096) return [];
  const families = new Set<string>();
  for (const entry of list.split(/[:,\s]+/)) {
    if (entry === '' || /^[!\-+@]/.test(entry)) continue;
    const tokens = entry.toUpperCase().split(/[-_]+/);
    // `DES-CBC3-SHA` is 3DES, not DES: the more specific token wins.
    const found = tokens.map((t) => WEAK_SUITE_TOKENS[t]).filter((f): f is string => f !== undefined);
    if (found.includes('3DES')) families.add('3DES');
    else if (found.length > 0) families.add(found[0]);
  }
  return [...families];
}
