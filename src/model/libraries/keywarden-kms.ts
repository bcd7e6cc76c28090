import { call } from '../define';
import type { LibraryModel } from '../types';

/** Our own runtime helper: `wipe(buf)` overwrites key bytes (see src/kms). */
export const keywardenKms: LibraryModel = {
  id: 'keywarden/kms',
  roots: [{ module: 'keywarden/kms' }],
  apis: [call('wipe', 'wipe', { 0: 'data' })],
};
