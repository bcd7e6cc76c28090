import { createHash } from 'node:crypto';
import { decodeBase58 } from './base58';
import { armorLines } from './secrets';

/**
 * Private keys in formats that say what they are, beyond PEM (see `findPrivateKeyPem`): an OpenPGP
 * armored secret key, an age identity, a BIP32 extended private key, a Bitcoin WIF key, a Nostr
 * `nsec`, and the `PrivateKey`/`PresharedKey` lines of a WireGuard configuration. Each is a private
 * key wherever it is written, whatever its binding is called; each is verified by its own structure
 * (a secret-key packet, a bech32 or base58check checksum, 32 varied bytes of base64), so a
 * placeholder, a truncated sample or a public counterpart (`xpub`, `npub`, a PGP public key block)
 * never qualifies.
 */
export interface SelfDescribingKey {
  /** What the key is, for the message: "PGP private key block", "age identity (an X25519 private key)"… */
  label: string;
}

/** A cheap test before the checks: could the text hold one of these formats at all? */
export function mayHoldSelfDescribingKey(text: string): boolean {
  return text.length >= 51 && HINT.test(text);
}

export function findSelfDescribingKey(text: string): SelfDescribingKey | undefined {
  if (text.includes('PGP PRIVATE KEY BLOCK') && isPgpPrivateKeyBlock(text)) return { label: 'PGP private key block' };
  for (const match of text.matchAll(WIREGUARD_KEY_LINE)) {
    const bytes = Buffer.from(match[2], 'base64');
    // `PrivateKey = AAAA…A=` and other filler decode to a few repeated bytes; a real key's 32 bytes are varied.
    if (bytes.length === 32 && new Set(bytes).size >= 16) return { label: match[1] === 'PrivateKey' ? 'WireGuard private key' : 'WireGuard preshared key' };
  }
  for (const match of text.matchAll(BECH32_SECRETS)) {
    const hrp = match[1].toLowerCase();
    if (isBech32(match[0])) return { label: hrp === 'nsec' ? 'Nostr secret key (nsec)' : 'age identity (an X25519 private key)' };
  }
  for (const match of text.matchAll(EXTENDED_PRIVATE)) {
    const bytes = base58Check(match[0]);
    // 78 bytes: version, depth, fingerprint, child number, chain code, then 0x00 and the 32-byte private key.
    if (bytes?.length === 78 && bytes[45] === 0) return { label: 'BIP32 extended private key' };
  }
  for (const match of text.matchAll(MINISIGN_SECRET)) {
    const bytes = Buffer.from(match[0], 'base64');
    // signature algorithm `Ed`, KDF `Sc` (scrypt) or none, checksum `B2`, then salt, KDF limits and the 104-byte key number and key.
    if (bytes.length === MINISIGN_SECRET_BYTES && bytes.toString('latin1', 0, 2) === 'Ed' && bytes.toString('latin1', 4, 6) === 'B2') return { label: 'minisign secret key' };
  }
  for (const match of text.matchAll(WIF)) {
    const bytes = base58Check(match[0]);
    // 0x80 (mainnet) or 0xef (testnet), the 32-byte key, and 0x01 when its public key is compressed.
    if (bytes && (bytes[0] === 0x80 || bytes[0] === 0xef) && (bytes.length === 33 || (bytes.length === 34 && bytes[33] === 1))) return { label: 'Bitcoin WIF private key' };
  }
  return undefined;
}

const HINT = /PrivateKey|PresharedKey|PGP PRIVATE KEY BLOCK|AGE-SECRET-KEY-1|nsec1|RWRTY0Iy|RWQAAEIy|[xtyzuvYZUV]prv[1-9A-HJ-NP-Za-km-z]|(?:^|[^1-9A-HJ-NP-Za-km-z])[5KLc9][1-9A-HJ-NP-Za-km-z]{50}/;
/** A WireGuard configuration's `[Interface] PrivateKey = …` or `[Peer] PresharedKey = …` line: 32 bytes in base64. */
const WIREGUARD_KEY_LINE = /^[ \t]*(PrivateKey|PresharedKey)[ \t]*=[ \t]*([A-Za-z0-9+/]{43}=)[ \t]*\r?$/gm;
const BECH32_SECRETS = /\b(AGE-SECRET-KEY-|nsec)1[02-9ac-hj-np-zAC-HJ-NP-Z]{58}\b/g;
/** xprv, tprv and SLIP-132's yprv/zprv (and their multisig Yprv/Zprv, testnet uprv/vprv): 111 base58 characters. */
const EXTENDED_PRIVATE = /(?<![1-9A-HJ-NP-Za-km-z])[xtyzuvYZUV]prv[1-9A-HJ-NP-Za-km-z]{107}(?![1-9A-HJ-NP-Za-km-z])/g;
/**
 * A minisign secret key line (`minisign -G`, also written by rsign and signify ports): 158 bytes in base64, starting
 * `RWRTY0Iy` (`EdScB2`, password-protected) or `RWQAAEIy` (`Ed\0\0B2`, unprotected). A public key (`RWQ…`, 42 bytes)
 * never has the length or the checksum algorithm.
 */
const MINISIGN_SECRET = /(?<![A-Za-z0-9+/])RW(?:RTY0Iy|QAAEIy)[A-Za-z0-9+/]{203}=(?![A-Za-z0-9+/=])/g;
const MINISIGN_SECRET_BYTES = 158;
/** Mainnet `5…` (uncompressed), `K…`/`L…` (compressed); testnet `9…`/`c…`: 51 or 52 base58 characters. */
const WIF = /(?<![1-9A-HJ-NP-Za-km-z])[5KLc9][1-9A-HJ-NP-Za-km-z]{50,51}(?![1-9A-HJ-NP-Za-km-z])/g;

/**
 * An ASCII-armored OpenPGP secret key: its body decodes to a packet whose tag is 5 (Secret-Key).
 * Documentation that shows the BEGIN/END lines around `...` holds no key.
 */
function isPgpPrivateKeyBlock(text: string): boolean {
  const match = /-----BEGIN PGP PRIVATE KEY BLOCK-----([\s\S]*?)-----END PGP PRIVATE KEY BLOCK-----/.exec(text);
  if (!match) return false;
  // Armor headers (`Comment: …`) end at the first blank line; the CRC line (`=AbCd`) closes the body.
  const body = armorLines(match[1])
    .filter((line) => !/^[A-Za-z-]+: /.test(line) && !/^=[A-Za-z0-9+/]{4}$/.test(line))
    .join('');
  if (body.length < 64 || !/^[A-Za-z0-9+/]+=*$/.test(body)) return false;
  const first = Buffer.from(body.slice(0, 8), 'base64')[0];
  if (first === undefined || (first & 0x80) === 0) return false;
  const tag = first & 0x40 ? first & 0x3f : (first >> 2) & 0x0f;
  return tag === 5;
}

const BECH32_CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const BECH32_GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

/** BIP-173 bech32 (age and Nostr keys use it, not bech32m): the checksum over the expanded HRP and the data is 1. */
function isBech32(text: string): boolean {
  const lower = text.toLowerCase();
  const separator = lower.lastIndexOf('1');
  const hrp = lower.slice(0, separator);
  const values = [...hrp].map((c) => c.charCodeAt(0) >> 5);
  values.push(0, ...[...hrp].map((c) => c.charCodeAt(0) & 31));
  for (const c of lower.slice(separator + 1)) {
    const value = BECH32_CHARSET.indexOf(c);
    if (value < 0) return false;
    values.push(value);
  }
  let checksum = 1;
  for (const value of values) {
    const top = checksum >>> 25;
    checksum = ((checksum & 0x1ffffff) << 5) ^ value;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) checksum ^= BECH32_GENERATOR[i];
  }
  return checksum === 1;
}

/** The payload of a base58check string (its last 4 bytes are the first 4 of the payload's double SHA-256), or undefined. */
function base58Check(text: string): Buffer | undefined {
  const decoded = decodeBase58(text);
  if (!decoded || decoded.length < 5) return undefined;
  const bytes = Buffer.from(decoded);
  const payload = bytes.subarray(0, bytes.length - 4);
  const digest = createHash('sha256').update(createHash('sha256').update(payload).digest()).digest();
  return digest.subarray(0, 4).equals(bytes.subarray(bytes.length - 4)) ? payload : undefined;
}
