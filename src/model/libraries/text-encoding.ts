import { call } from '../define';
import type { LibraryModel } from '../types';

/** Global decoders that turn a written constant into key bytes (`atob(b64)` in browser code). */
export const textEncoding: LibraryModel = {
  id: 'text-encoding',
  roots: [{ global: [] }],
  apis: [call('atob', 'encode', { 0: 'data' }, { facts: { encoding: 'base64' } })],
};
