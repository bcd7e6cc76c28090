import { call } from '../define';
import type { LibraryModel } from '../types';

/** Session and cookie middleware that sign (and sometimes encrypt) cookies with a secret. */
export const expressSession: LibraryModel = {
  id: 'express-session',
  roots: [{ module: 'express-session' }],
  apis: [call('', 'session', { '0.secret': 'secret' })],
};

export const cookieSession: LibraryModel = {
  id: 'cookie-session',
  roots: [{ module: 'cookie-session' }],
  apis: [call('', 'session', { '0.secret': 'secret', '0.keys': 'secret' })],
};

export const cookieParser: LibraryModel = {
  id: 'cookie-parser',
  roots: [{ module: 'cookie-parser' }],
  apis: [call('', 'session', { 0: 'secret' })],
};
