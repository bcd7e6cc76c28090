import { call } from '../define';
import type { LibraryModel } from '../types';

/** Global decoders that turn a written constant into key bytes (`atob(b64)` in browser code). */
export const textEncoding: LibraryModel = {
  id: 'text-encoding',
  roots: [{ global: [] }],
  apis: [call('atob', 'encode', { 0: 'data' }, { facts: { encoding: 'base64' } })],
};

/**
 * Deno's standard library decoders (`decodeHex('…')`, `decodeBase64('…')` from `jsr:@std/encoding`), the runtime's
 * way to turn a written key into bytes, like `Buffer.from(…, 'hex')` in Node.
 */
const STD_ENCODING_MODULES = ['', '/hex', '/base64', '/base64url'].flatMap((sub) => [`jsr:@std/encoding${sub}`, `@std/encoding${sub}`]);

export const denoStdEncoding: LibraryModel = {
  id: '@std/encoding',
  roots: STD_ENCODING_MODULES.map((module) => ({ module })),
  apis: [
    call('decodeHex', 'encode', { 0: 'data' }, { facts: { encoding: 'hex', freshBytes: true } }),
    call('decodeBase64', 'encode', { 0: 'data' }, { facts: { encoding: 'base64', freshBytes: true } }),
    call('decodeBase64Url', 'encode', { 0: 'data' }, { facts: { encoding: 'base64url', freshBytes: true } }),
  ],
};
