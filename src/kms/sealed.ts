import { KeywardenError } from './errors';
import {
  FRAME_HEAD_BYTES,
  MAX_FRAME_SIZE,
  TAG_BYTES,
  headerLength,
  writeHeader,
  type HeaderTemplate,
  type SealedHeader,
} from './format';
import { commitmentMatches, deriveMessageKeys, frameCipher, freshNonce, openFrame, sealFrame, wipeMessageKeys, type MessageKeys } from './message-crypto';
import { wipe } from './wipe';

/**
 * Single-shot encryption: the whole message is one final frame, written
 * straight into one output buffer (header, frame head, ciphertext, tag).
 */
export function sealMessage(dataKey: Uint8Array, template: HeaderTemplate, plaintext: Uint8Array): Buffer {
  if (plaintext.length > MAX_FRAME_SIZE) throw new TypeError('keywarden/kms: message over 4 GiB: use encryptStream');
  const nonce = freshNonce();
  const keys = deriveMessageKeys(dataKey, nonce);
  try {
    const headLength = headerLength(template);
    const out = Buffer.allocUnsafe(headLength + FRAME_HEAD_BYTES + plaintext.length + TAG_BYTES);
    const aadLength = writeHeader(out, template, plaintext.length, nonce, keys.commitment);
    out[headLength] = 1;
    out.writeUInt32BE(plaintext.length, headLength + 1);
    const cipher = frameCipher(keys.key, out.subarray(0, aadLength), 0, true);
    let pos = headLength + FRAME_HEAD_BYTES;
    // Encrypt in 64 KiB slices copied into the one output buffer: each slice's
    // temporary is small and still in cache when copied, instead of a second
    // message-sized allocation.
    for (let offset = 0; offset < plaintext.length; offset += SLICE_BYTES) {
      pos += cipher.update(plaintext.subarray(offset, offset + SLICE_BYTES)).copy(out, pos);
    }
    cipher.final();
    cipher.getAuthTag().copy(out, pos);
    return out;
  } finally {
    wipeMessageKeys(keys);
  }
}

const SLICE_BYTES = 64 * 1024;

/**
 * Derives the message keys for a parsed header and checks the key commitment:
 * a data key that does not match the one this blob was sealed with is refused
 * before any ciphertext is touched.
 */
export function openKeys(dataKey: Uint8Array, header: SealedHeader): MessageKeys {
  const keys = deriveMessageKeys(dataKey, header.nonce);
  if (!commitmentMatches(keys.commitment, header.commitment)) {
    wipeMessageKeys(keys);
    throw new KeywardenError('TAMPERED', 'sealed blob failed key commitment (wrong data key or modified header)');
  }
  return keys;
}

/**
 * Decrypts every frame of an in-memory blob. Returns the plaintext only when
 * every frame authenticated and the final frame ends the blob exactly; on any
 * failure the partial plaintext is wiped and TAMPERED is thrown.
 */
export function openMessage(sealed: Buffer, header: SealedHeader, keys: MessageKeys): Buffer {
  const aad = sealed.subarray(0, header.aadLength);
  const parts: Buffer[] = [];
  let pos = header.length;
  try {
    for (let index = 0; ; index++) {
      const frame = readFrame(sealed, pos, header.frameSize);
      if (!frame) throw new KeywardenError('TAMPERED', 'sealed blob is truncated');
      parts.push(openFrame(keys.key, aad, index, frame.final, frame.ciphertext, frame.tag));
      pos = frame.end;
      if (frame.final) break;
      if (index === 0xfffffffe) throw new KeywardenError('TAMPERED', 'too many frames');
    }
    if (pos !== sealed.length) throw new KeywardenError('TAMPERED', 'bytes after the final frame');
    if (parts.length === 1) return parts[0];
    const plaintext = Buffer.concat(parts);
    for (const part of parts) wipe(part);
    return plaintext;
  } catch (error) {
    for (const part of parts) wipe(part);
    throw error;
  }
}

export interface Frame {
  final: boolean;
  ciphertext: Buffer;
  tag: Buffer;
  end: number;
}

/**
 * Reads the frame at `pos`, or returns undefined when `data` ends before it
 * does. Frames other than the last must be exactly `frameSize` long; none
 * may be longer (which also bounds what a stream buffers).
 */
export function readFrame(data: Buffer, pos: number, frameSize: number): Frame | undefined {
  if (pos + FRAME_HEAD_BYTES > data.length) return undefined;
  const flag = data[pos];
  const length = data.readUInt32BE(pos + 1);
  if (flag > 1) throw new KeywardenError('TAMPERED', 'bad frame flag');
  const final = flag === 1;
  if (length > frameSize || (!final && length !== frameSize)) throw new KeywardenError('TAMPERED', 'bad frame length');
  const end = pos + FRAME_HEAD_BYTES + length + TAG_BYTES;
  if (end > data.length) return undefined;
  return {
    final,
    ciphertext: data.subarray(pos + FRAME_HEAD_BYTES, pos + FRAME_HEAD_BYTES + length),
    tag: data.subarray(end - TAG_BYTES, end),
    end,
  };
}

/** Streaming encryption: one header, then frames of exactly `frameSize` bytes and a final frame. */
export class FrameSealer {
  readonly header: Buffer;
  private readonly keys: MessageKeys;
  private readonly aad: Buffer;
  private index = 0;

  constructor(dataKey: Uint8Array, template: HeaderTemplate, readonly frameSize: number) {
    const nonce = freshNonce();
    this.keys = deriveMessageKeys(dataKey, nonce);
    this.header = Buffer.allocUnsafe(headerLength(template));
    const aadLength = writeHeader(this.header, template, frameSize, nonce, this.keys.commitment);
    this.aad = this.header.subarray(0, aadLength);
  }

  frame(plaintext: Uint8Array, final: boolean): Buffer {
    if (this.index > 0xfffffffe) throw new KeywardenError('UNSUPPORTED_FORMAT', 'stream too long for one sealed message');
    const { ciphertext, tag } = sealFrame(this.keys.key, this.aad, this.index++, final, plaintext);
    const head = Buffer.allocUnsafe(FRAME_HEAD_BYTES);
    head[0] = final ? 1 : 0;
    head.writeUInt32BE(plaintext.length, 1);
    return Buffer.concat([head, ciphertext, tag]);
  }

  dispose(): void {
    wipeMessageKeys(this.keys);
  }
}
