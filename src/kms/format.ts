import { crc32 } from './crc32';
import { KeywardenError } from './errors';
import type { EncryptionContext } from './context';

/**
 * The sealed format, version 1 (see FORMAT.md). All integers big-endian.
 *
 *   magic "\xB7KWE" | version u8 | suite u8 | frame size u32
 *   purpose (u8 length + UTF-8) | context (u16 count, then u16-length key, u16-length value, keys sorted)
 *   nonce 32 | commitment 32                          <- end of the authenticated data header (AAD)
 *   key URI (u16 length + UTF-8) | wrapped data key (u16 length + bytes)   <- key section, replaced by rewrap
 *   header CRC-32 u32
 *   frames: final u8 | ciphertext length u32 | ciphertext | GCM tag 16
 */
export const MAGIC = Buffer.from([0xb7, 0x4b, 0x57, 0x45]);
export const FORMAT_VERSION = 1;
/** AES-256-GCM frames, per-message key and commitment from HKDF-SHA-512(data key, nonce). */
export const SUITE_AES256GCM_HKDF_SHA512_COMMITTED = 1;
export const NONCE_BYTES = 32;
export const COMMITMENT_BYTES = 32;
export const TAG_BYTES = 16;
export const FRAME_HEAD_BYTES = 5;
export const MAX_HEADER_BYTES = 64 * 1024;
export const MAX_FRAME_SIZE = 0xffffffff;
/** Offset of the frame-size field, patched per message by single-shot encrypt. */
export const FRAME_SIZE_OFFSET = 6;
/** Where the purpose (then the context) starts. */
export const PURPOSE_OFFSET = 10;

export interface SealedHeader {
  version: number;
  suite: number;
  frameSize: number;
  purpose: string;
  context: EncryptionContext;
  nonce: Buffer;
  commitment: Buffer;
  keyUri: string;
  wrapped: Buffer;
  /** Bytes [0, aadLength) are the GCM additional data of every frame. */
  aadLength: number;
  /** Offset of the nonce: bytes [PURPOSE_OFFSET, nonceOffset) encode purpose and context canonically. */
  nonceOffset: number;
  /** Offset of the key section (== aadLength). */
  keySectionOffset: number;
  /** Total header length, CRC included; frames start here. */
  length: number;
}

/** Thrown by the reader when the input ends early; streams wait for more bytes, decrypt reports TAMPERED. */
export class NeedMoreBytes extends Error {
  /** How many bytes from the start the parser needs at least. */
  constructor(readonly needed: number) {
    super('need more bytes');
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function hasMagic(data: Uint8Array): boolean {
  return data.length >= MAGIC.length && MAGIC.equals(data.subarray(0, MAGIC.length));
}

function tampered(why: string): KeywardenError {
  return new KeywardenError('TAMPERED', `sealed blob is corrupt or was modified (${why})`);
}

class Reader {
  pos = 0;
  constructor(private readonly data: Buffer) {}
  need(n: number): void {
    if (this.pos + n > MAX_HEADER_BYTES) throw tampered('header longer than 64 KiB');
    if (this.pos + n > this.data.length) throw new NeedMoreBytes(this.pos + n);
  }
  u8(): number {
    this.need(1);
    return this.data[this.pos++];
  }
  u16(): number {
    this.need(2);
    const v = this.data.readUInt16BE(this.pos);
    this.pos += 2;
    return v;
  }
  u32(): number {
    this.need(4);
    const v = this.data.readUInt32BE(this.pos);
    this.pos += 4;
    return v;
  }
  bytes(n: number): Buffer {
    this.need(n);
    const v = this.data.subarray(this.pos, this.pos + n);
    this.pos += n;
    return v;
  }
}

function text(bytes: Buffer, field: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw tampered(`${field} is not UTF-8`);
  }
}

/**
 * Checks the preamble: not ours → UNSUPPORTED_FORMAT (the legacy hook's cue),
 * ours but a version or suite this build cannot read → UNSUPPORTED_FORMAT.
 */
function checkPreamble(data: Buffer): void {
  if (data.length < MAGIC.length) {
    if (MAGIC.subarray(0, data.length).equals(data) && data.length > 0) throw new NeedMoreBytes(MAGIC.length);
    throw new KeywardenError('UNSUPPORTED_FORMAT', 'not a keywarden sealed blob (no magic bytes)');
  }
  if (!hasMagic(data)) throw new KeywardenError('UNSUPPORTED_FORMAT', 'not a keywarden sealed blob (no magic bytes)');
  if (data.length < 6) throw new NeedMoreBytes(6);
  if (data[4] !== FORMAT_VERSION) {
    throw new KeywardenError('UNSUPPORTED_FORMAT', `sealed format version ${data[4]} is not supported (this build reads ${FORMAT_VERSION})`);
  }
  if (data[5] !== SUITE_AES256GCM_HKDF_SHA512_COMMITTED) {
    throw new KeywardenError('UNSUPPORTED_FORMAT', `algorithm suite ${data[5]} is not supported`);
  }
}

/**
 * Parses and checks a header at the start of `data`. Throws NeedMoreBytes when
 * `data` is a valid prefix that ends early, KeywardenError otherwise. Verifies
 * the CRC, UTF-8 and canonical context order; authenticity is checked later
 * (commitment, then GCM) once the data key is known.
 */
export function parseHeader(data: Buffer): SealedHeader {
  checkPreamble(data);
  const r = new Reader(data);
  r.pos = 6;
  const frameSize = r.u32();
  const purposeBytes = r.bytes(r.u8());
  const pairs = r.u16();
  const rawContext: Array<[Buffer, Buffer]> = [];
  for (let i = 0; i < pairs; i++) rawContext.push([r.bytes(r.u16()), r.bytes(r.u16())]);
  const nonceOffset = r.pos;
  const nonce = r.bytes(NONCE_BYTES);
  const commitment = r.bytes(COMMITMENT_BYTES);
  const aadLength = r.pos;
  const keyUriBytes = r.bytes(r.u16());
  const wrapped = r.bytes(r.u16());
  const crcAt = r.pos;
  const crc = r.u32();
  if (crc32(data.subarray(0, crcAt)) !== crc) throw tampered('header checksum mismatch');

  if (purposeBytes.length === 0) throw tampered('empty purpose');
  if (keyUriBytes.length === 0 || wrapped.length === 0) throw tampered('empty key section');
  const context: Record<string, string> = {};
  let previous: string | undefined;
  for (const [k, v] of rawContext) {
    const key = text(k, 'context key');
    if (key.length === 0 || (previous !== undefined && !(previous < key))) throw tampered('context not canonical');
    context[key] = text(v, 'context value');
    previous = key;
  }
  return {
    version: data[4],
    suite: data[5],
    frameSize,
    purpose: text(purposeBytes, 'purpose'),
    context: Object.freeze(context),
    nonce,
    commitment,
    keyUri: text(keyUriBytes, 'key URI'),
    wrapped,
    aadLength,
    nonceOffset,
    keySectionOffset: aadLength,
    length: r.pos,
  };
}

/** The header bytes that do not change from message to message under one data key. */
export interface HeaderTemplate {
  /** magic .. context, with a frame-size placeholder at FRAME_SIZE_OFFSET. */
  prefix: Buffer;
  /** key URI + wrapped key, as stored. */
  keySection: Buffer;
}

function u16Field(bytes: Buffer, what: string): Buffer {
  if (bytes.length > 0xffff) throw new TypeError(`keywarden/kms: ${what} is longer than 65535 bytes`);
  const out = Buffer.allocUnsafe(2 + bytes.length);
  out.writeUInt16BE(bytes.length, 0);
  bytes.copy(out, 2);
  return out;
}

export function encodeKeySection(keyUri: string, wrapped: Uint8Array): Buffer {
  if (keyUri.length === 0 || wrapped.length === 0) {
    throw new KeywardenError('KMS_UNAVAILABLE', 'provider returned an empty key URI or wrapped key');
  }
  return Buffer.concat([u16Field(Buffer.from(keyUri, 'utf8'), 'key URI'), u16Field(Buffer.from(wrapped), 'wrapped key')]);
}

export function buildTemplate(purpose: string, context: EncryptionContext, keyUri: string, wrapped: Uint8Array): HeaderTemplate {
  const parts: Buffer[] = [MAGIC, Buffer.from([FORMAT_VERSION, SUITE_AES256GCM_HKDF_SHA512_COMMITTED, 0, 0, 0, 0])];
  const purposeBytes = Buffer.from(purpose, 'utf8');
  parts.push(Buffer.from([purposeBytes.length]), purposeBytes);
  const keys = Object.keys(context).sort();
  const count = Buffer.allocUnsafe(2);
  count.writeUInt16BE(keys.length, 0);
  parts.push(count);
  for (const key of keys) parts.push(u16Field(Buffer.from(key, 'utf8'), 'context key'), u16Field(Buffer.from(context[key], 'utf8'), 'context value'));
  const template = { prefix: Buffer.concat(parts), keySection: encodeKeySection(keyUri, wrapped) };
  if (headerLength(template) > MAX_HEADER_BYTES) throw new TypeError('keywarden/kms: context too large (header over 64 KiB)');
  return template;
}

export function headerLength(template: HeaderTemplate): number {
  return template.prefix.length + NONCE_BYTES + COMMITMENT_BYTES + template.keySection.length + 4;
}

/**
 * Writes a complete header into `out` at 0 and returns the AAD length.
 * `out` must have room for headerLength(template) bytes.
 */
export function writeHeader(out: Buffer, template: HeaderTemplate, frameSize: number, nonce: Uint8Array, commitment: Uint8Array): number {
  let pos = template.prefix.copy(out, 0);
  out.writeUInt32BE(frameSize, FRAME_SIZE_OFFSET);
  out.set(nonce, pos);
  pos += NONCE_BYTES;
  out.set(commitment, pos);
  pos += COMMITMENT_BYTES;
  const aadLength = pos;
  pos += template.keySection.copy(out, pos);
  out.writeUInt32BE(crc32(out.subarray(0, pos)), pos);
  return aadLength;
}

/**
 * Identifies a wrapped data key together with what it is bound to, from
 * canonical header bytes (purpose, context, key URI, wrapped key): the data
 * key cache's slot, computed without re-serialising anything.
 */
export function dataKeySlot(bindingBytes: Buffer, keySection: Buffer): string {
  return `${bindingBytes.toString('latin1')}\u0000${keySection.toString('latin1')}`;
}

export function headerSlot(data: Buffer, header: SealedHeader): string {
  return dataKeySlot(data.subarray(PURPOSE_OFFSET, header.nonceOffset), data.subarray(header.keySectionOffset, header.length - 4));
}

export function templateSlot(template: HeaderTemplate): string {
  return dataKeySlot(template.prefix.subarray(PURPOSE_OFFSET), template.keySection);
}

/** A copy of `sealed` whose key section is replaced; data header and frames are untouched. */
export function replaceKeySection(sealed: Buffer, header: SealedHeader, keySection: Buffer): Buffer {
  const headLength = header.keySectionOffset + keySection.length;
  const out = Buffer.allocUnsafe(headLength + 4 + (sealed.length - header.length));
  sealed.copy(out, 0, 0, header.keySectionOffset);
  keySection.copy(out, header.keySectionOffset);
  out.writeUInt32BE(crc32(out.subarray(0, headLength)), headLength);
  sealed.copy(out, headLength + 4, header.length);
  return out;
}
