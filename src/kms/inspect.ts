import { KeywardenError } from './errors';
import { FRAME_HEAD_BYTES, TAG_BYTES, NeedMoreBytes, parseHeader } from './format';

/** What `keywarden kms inspect` prints: the header, never plaintext nor context values. */
export interface SealedInfo {
  format: string;
  version: number;
  suite: string;
  keyUri: string;
  purpose: string;
  contextKeys: string[];
  frameSize: number;
  frames: number;
  headerBytes: number;
  wrappedKeyBytes: number;
  totalBytes: number;
}

const SUITES: Record<number, string> = { 1: 'AES-256-GCM, HKDF-SHA-512 per-message key, key commitment' };

/**
 * Reads a sealed blob's header without any key. Frame structure is walked
 * but not authenticated: only decrypt can tell whether the blob is genuine.
 */
export function inspectSealed(sealed: Uint8Array | string): SealedInfo {
  const data = typeof sealed === 'string' ? Buffer.from(sealed, 'base64') : Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  let header;
  try {
    header = parseHeader(data);
  } catch (error) {
    if (error instanceof NeedMoreBytes) throw new KeywardenError('TAMPERED', 'sealed blob is truncated');
    throw error;
  }
  let frames = 0;
  let pos = header.length;
  while (pos + FRAME_HEAD_BYTES <= data.length) {
    frames++;
    const final = data[pos] === 1;
    pos += FRAME_HEAD_BYTES + data.readUInt32BE(pos + 1) + TAG_BYTES;
    if (final) break;
  }
  return {
    format: 'keywarden sealed',
    version: header.version,
    suite: SUITES[header.suite] ?? `suite ${header.suite}`,
    keyUri: header.keyUri,
    purpose: header.purpose,
    contextKeys: Object.keys(header.context),
    frameSize: header.frameSize,
    frames,
    headerBytes: header.length,
    wrappedKeyBytes: header.wrapped.length,
    totalBytes: data.length,
  };
}
