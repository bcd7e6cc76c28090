/**
 * Overwrites key material with zeros. Accepts any byte view (Buffer,
 * Uint8Array, DataView-backed arrays) and ignores null/undefined, so it can be
 * called unconditionally in `finally` blocks.
 *
 * JavaScript cannot promise that no other copy exists (the engine may have
 * moved or copied a buffer), but zeroing the buffers we own shortens the time
 * key bytes sit in memory and keeps them out of heap dumps taken later.
 */
export function wipe(buffer: ArrayBufferView | ArrayBuffer | null | undefined): void {
  if (buffer == null) return;
  if (buffer instanceof ArrayBuffer) {
    new Uint8Array(buffer).fill(0);
    return;
  }
  new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength).fill(0);
}
