import * as zlib from 'node:zlib';

/**
 * CRC-32 (IEEE) of the sealed header. Not a security measure (the header is
 * authenticated by AES-GCM and the key commitment): it tells accidental or
 * naive corruption (`TAMPERED`) apart from a real missing key before any KMS
 * call is made. Node >= 20.15 has a native zlib.crc32; older 20.x use the table.
 */
type Crc32 = (data: Uint8Array) => number;

const nativeCrc32 = (zlib as unknown as { crc32?: (data: Uint8Array) => number }).crc32;

let table: Uint32Array | undefined;
function tableCrc32(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export const crc32: Crc32 = nativeCrc32 ? (data) => nativeCrc32(data) >>> 0 : tableCrc32;
export { tableCrc32 };
